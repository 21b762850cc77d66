"""The built roadmap and the links between skills and responsibilities agree with the data."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest
from conftest import ROOT
from pages import page_soup, url_path

from roadmap.model.responsibilities import load_responsibilities
from roadmap.model.skills import leads_to, load_skills

SKILLS = load_skills(ROOT, ROOT / "docs")
RESPONSIBILITIES = load_responsibilities(ROOT, {s.id for s in SKILLS})


def page_of(href: str, from_src: str) -> str:
    """The built page a relative href points at, as a path like 'skills/programming/'."""
    base = "http://x/" + url_path(from_src)
    return urljoin(base, href.split("#")[0]).removeprefix("http://x/")


def section_links(page, label: str, from_src: str) -> list[str]:
    """Pages linked from the generated paragraph/list introduced by **label**."""
    strong = next(s for s in page.select("article strong") if s.get_text(strip=True) == label)
    block = strong.parent
    if not block.find_all("a"):  # the list follows the paragraph
        block = block.find_next_sibling("ul")
    return [page_of(a["href"], from_src) + ("#" + a["href"].split("#")[1] if "#" in a["href"] else "")
            for a in block.find_all("a")]


def test_the_roadmap_has_one_node_per_skill_linking_to_its_page(site):
    home = page_soup(site, "index.md")
    svg = home.select_one("figure.roadmap svg")
    assert svg is not None and svg.find("title") and svg.find("desc")
    nodes = svg.select("a.roadmap__node")
    assert [n["data-skill"] for n in nodes] == [s.id for s in SKILLS]
    for node, skill in zip(nodes, SKILLS, strict=True):
        target = page_of(node["href"], "index.md")
        assert target == url_path(skill.page)
        assert (site / target / "index.html").is_file()
        assert node["data-keys"].split() == [i.key for i in skill.checklist]
        assert skill.title.split()[0] in node.get_text(" ")


def test_the_roadmap_draws_one_edge_per_prerequisite(site):
    svg = page_soup(site, "index.md").select_one("figure.roadmap svg")
    edges = {(p["data-from"], p["data-to"]) for p in svg.select("path.roadmap__edge")}
    assert edges == {(p, s.id) for s in SKILLS for p in s.prerequisites}


def test_the_progress_panel_is_hidden_without_javascript(site):
    panel = page_soup(site, "index.md").select_one(".progress-panel")
    assert panel is not None and panel.has_attr("hidden")


@pytest.mark.parametrize("skill", SKILLS, ids=lambda s: s.id)
def test_skill_page_lists_prerequisites_next_skills_and_responsibilities_from_data(site, skill):
    page = page_soup(site, skill.page)
    by_id = {s.id: s for s in SKILLS}
    url = lambda s: url_path(s.page)  # noqa: E731
    if skill.prerequisites:
        assert section_links(page, "Builds on:", skill.page) == [url(by_id[p]) for p in skill.prerequisites]
    following = leads_to(SKILLS)[skill.id]
    if following:
        assert section_links(page, "Leads to:", skill.page) == [url(by_id[n]) for n in following]
    expected = [f"responsibilities/#{r.id}" for r in RESPONSIBILITIES if skill.id in r.skills]
    assert section_links(page, "Responsibilities that draw on it:", skill.page) == expected
    checklist = page.select("ul.skill-checklist li")
    assert [li["data-key"] for li in checklist] == [i.key for i in skill.checklist]


def test_responsibilities_page_links_each_to_its_skills_from_data(site):
    page = page_soup(site, "responsibilities.md")
    by_id = {s.id: s for s in SKILLS}
    for resp in RESPONSIBILITIES:
        heading = page.find(id=resp.id)
        assert heading is not None, f"no section with id {resp.id}"
        assert heading.get_text(strip=True).rstrip("¶") == resp.title
        paragraph = next(p for p in heading.find_all_next("p")
                         if p.strong and p.strong.get_text(strip=True) == "Skills it draws on:")
        linked = [page_of(a["href"], "responsibilities.md") for a in paragraph.find_all("a")]
        assert linked == [url_path(by_id[s].page) for s in resp.skills]


def test_skill_pages_list_their_key_terms_from_the_glossary(site):
    for skill in SKILLS:
        page = page_soup(site, skill.page)
        used = {a["href"].rstrip("/").rsplit("/", 1)[1] for a in page.select("a.glossary-term")}
        strong = next(s for s in page.select("article strong") if s.get_text(strip=True) == "Key terms on this page:")
        listed = {a["href"].rstrip("/").rsplit("/", 1)[1] for a in strong.parent.find_all("a")}
        assert all("/glossary/" in "/" + a["href"] for a in strong.parent.find_all("a"))
        assert listed == used, skill.id
