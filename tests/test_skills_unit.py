"""The learning path as data: ordering, errors, layout."""
from __future__ import annotations

import pytest
from conftest import ROOT
from mkdocs.structure.files import File, Files

from roadmap.errors import DataError
from roadmap.model.skills import ChecklistItem, Skill, leads_to, learning_order, load_skills, parse_skill
from roadmap.urls import Links
from roadmap.views.learning_path import depths, layout


def skill(skill_id, order, *prerequisites):
    return Skill.model_construct(id=skill_id, title=skill_id.title(), page=f"skills/{skill_id}.md", stage="core",
                                 order=order, summary="Summary.", prerequisites=tuple(prerequisites),
                                 checklist=(ChecklistItem(key="one", text="One."),), file=f"data/skills/{skill_id}.yml")


def test_prerequisites_come_first_then_the_lower_order():
    skills = [skill("deploy", 1, "code", "models"), skill("models", 2, "code", "stats"),
              skill("stats", 5), skill("code", 9)]
    assert [s.id for s in learning_order(skills)] == ["stats", "code", "models", "deploy"]


def test_order_breaks_ties_between_ready_skills():
    skills = [skill("b", 2), skill("a", 1), skill("c", 3, "a")]
    assert [s.id for s in learning_order(skills)] == ["a", "b", "c"]


def test_unknown_prerequisite_names_file_skill_and_fix():
    with pytest.raises(DataError) as error:
        learning_order([skill("models", 1, "statistic"), skill("statistics", 2)])
    message = str(error.value)
    assert "data/skills/models.yml" in message and "'models'" in message
    assert "prerequisite 'statistic' is not a known skill" in message
    assert "did you mean 'statistics'" in message


def test_a_cycle_names_every_skill_in_it():
    with pytest.raises(DataError) as error:
        learning_order([skill("a", 1, "c"), skill("b", 2, "a"), skill("c", 3, "b"), skill("d", 4)])
    message = str(error.value)
    assert "cycle" in message
    assert "a -> c -> b -> a" in message
    assert "Fix:" in message


def test_a_skill_cannot_be_its_own_prerequisite():
    with pytest.raises(DataError, match="cycle: a -> a"):
        learning_order([skill("a", 1, "a")])


def test_leads_to_inverts_prerequisites():
    skills = [skill("a", 1), skill("b", 2, "a"), skill("c", 3, "a", "b")]
    assert leads_to(skills) == {"a": ["b", "c"], "b": ["c"], "c": []}


def test_parse_skill_rejects_duplicate_checklist_keys():
    raw = {"id": "x", "title": "X", "page": "skills/x.md", "stage": "core", "order": 1, "summary": "S.",
           "checklist": [{"key": "k", "text": "One."}, {"key": "k", "text": "Two."}]}
    with pytest.raises(DataError, match="checklist key\\(s\\) k used twice"):
        parse_skill(raw, "data/skills/x.yml", "x")


def test_parse_skill_rejects_an_id_that_is_not_the_file_name():
    raw = {"id": "y", "title": "X", "page": "skills/x.md", "stage": "core", "order": 1, "summary": "S.",
           "checklist": [{"key": "k", "text": "One."}]}
    with pytest.raises(DataError, match="match the file name"):
        parse_skill(raw, "data/skills/x.yml", "x")


def test_real_skills_load_with_checklists_and_valid_prerequisites():
    skills = load_skills(ROOT, ROOT / "docs")
    assert len(skills) >= 5
    for s in skills:
        assert len(s.checklist) >= 8, f"{s.id}: the standard asks for at least 8 checklist items"
        position = [x.id for x in skills].index(s.id)
        assert all([x.id for x in skills].index(p) < position for p in s.prerequisites)


def test_layout_puts_each_skill_below_its_prerequisites_and_inside_the_view():
    skills = learning_order([skill("a", 1), skill("b", 2), skill("c", 3, "a", "b"), skill("d", 4, "c"),
                             skill("e", 5, "a", "d")])
    diagram = layout(skills)
    nodes = {n.skill.id: n for n in diagram.nodes}
    assert depths(skills) == {"a": 0, "b": 0, "c": 1, "d": 2, "e": 3}
    for s in skills:
        for p in s.prerequisites:
            assert nodes[p].bottom < nodes[s.id].y
    for n in diagram.nodes:
        assert 0 <= n.x and n.x + n.width <= diagram.width and n.bottom <= diagram.height
    assert {(e.source, e.target) for e in diagram.edges} == {
        ("a", "c"), ("b", "c"), ("c", "d"), ("a", "e"), ("d", "e")}


@pytest.mark.parametrize(("source", "target", "url"), [
    ("index.md", "skills/programming.md", "skills/programming/"),
    ("skills/index.md", "skills/programming.md", "programming/"),
    ("skills/programming.md", "index.md", "../../"),
    ("glossary.md", "glossary.md", "./"),
])
def test_urls_for_raw_html_come_from_mkdocs_files(source, target, url):
    files = Files([File(src, "/docs", "/site", use_directory_urls=True)
                   for src in ("index.md", "skills/index.md", "skills/programming.md", "glossary.md")])
    assert Links(files).relative_url(source, target) == url
    flat = Files([File(src, "/docs", "/site", use_directory_urls=False) for src in ("index.md", "glossary.md")])
    assert Links(flat).relative_url("index.md", "glossary.md") == "glossary.html"
