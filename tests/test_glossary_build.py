"""The glossary in the built site: entries, usage, tooltips, glossary.json.

Everything is read back from the HTML MkDocs wrote (BeautifulSoup) and
compared with the data in data/glossary; the last tests build broken copies
of the project to check that bad input stops the build or shows as text.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, run_build
from pages import PAGES, built_path

from roadmap.files import load_front_matter
from roadmap.model.glossary import load_glossary

GLOSSARY = load_glossary(ROOT)
TERMS = GLOSSARY.terms
GLOSSARY_HTML = "glossary/index.html"
BASE = "http://site.test/"  # stand-in origin to resolve relative links
# The guide's own pages: "Used on" counts these (not the glossary itself, nor
# generated pages outside the nav such as the printable whole guide).
GUIDE_PAGES = [built_path(src) for src, _ in PAGES if src != "glossary.md"]


def read(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def page_url(rel: str) -> str:
    """Built file -> its directory URL: skills/programming/index.html -> skills/programming/."""
    return rel.removesuffix("index.html")


def resolve(from_rel: str, href: str) -> tuple[str, str]:
    """(page URL path relative to the site root, fragment) of a link on a built page."""
    parsed = urlparse(urljoin(BASE + page_url(from_rel), href))
    return parsed.path.removeprefix("/"), parsed.fragment


def text_of(el) -> str:
    return " ".join(el.get_text().replace("¶", "").split())


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def term_url(term_id: str) -> str:
    return f"glossary/{term_id}/"


def term_html(term_id: str) -> str:
    return f"glossary/{term_id}/index.html"


def glossary_links_by_page(site: Path) -> dict[str, list[tuple[str, object]]]:
    """Built page -> [(term id, the <a class="glossary-term">)] for every term link on it."""
    found: dict[str, list] = {}
    for rel in html_pages(site):
        for a in read(site, rel).select("article a.glossary-term"):
            path, fragment = resolve(rel, a["href"])
            assert path.startswith("glossary/") and path.count("/") == 2 and not fragment, (
                f"{rel}: term link {a['href']} does not point to a term's page")
            found.setdefault(rel, []).append((path.split("/")[1], a))
    return found


@pytest.fixture(scope="module")
def glossary_page(site) -> BeautifulSoup:
    return read(site, GLOSSARY_HTML)


@pytest.fixture(scope="module")
def term_links(site):
    return glossary_links_by_page(site)


def entry_of(glossary_page: BeautifulSoup, term_id: str):
    """A term's entry on the index: the list item that keeps its id."""
    entry = glossary_page.find(id=term_id)
    assert entry is not None and entry.name == "li", f"no entry with id '{term_id}' on the glossary index"
    return entry


def section(page: BeautifulSoup, heading_id: str):
    """The items of a term page's section (a list under an h2 with that id), or None."""
    heading = page.find(id=heading_id)
    return heading.find_next_sibling("ul") if heading else None


def labelled(page: BeautifulSoup, label: str):
    """The paragraph of a term page that starts with e.g. 'Category:' (or None)."""
    for p in page.select("article p"):
        if text_of(p).startswith(label):
            return p
    return None


# --------------------------------------------------------------------------
# The glossary index: every term with its short definition, linking its page
# --------------------------------------------------------------------------

def test_the_data_has_terms_and_the_index_one_entry_per_term(site, glossary_page):
    assert all((site / rel).is_file() for rel in GUIDE_PAGES)
    assert len(TERMS) == len(list((ROOT / "data" / "glossary").glob("*.md"))) >= 300
    assert len(glossary_page.select("article li[data-filter-item]")) == len(TERMS)


def test_each_index_entry_is_the_title_linking_its_page_and_the_short_definition(glossary_page):
    for term_id, term in TERMS.items():
        entry = entry_of(glossary_page, term_id)
        link = entry.find("a")
        assert resolve(GLOSSARY_HTML, link["href"]) == (term_url(term_id), "")
        assert text_of(link) == term.title
        assert text_of(entry) == f"{term.title}: {term.short}"
        # What the filter matches besides the link text: the other names, and
        # the category, whose heading the script reads through data-category.
        assert entry.get("data-names") == ("|".join(term.aliases).lower() if term.aliases else None)
        assert entry["data-category"] == term.category
        assert glossary_page.find(id=f"category-{term.category}") is not None


def test_the_index_is_small_enough_for_a_phone(site):
    """The A-to-Z at 300 terms and more stays under 40 kB gzip (issue 14's target)."""
    import gzip

    size = len(gzip.compress((site / GLOSSARY_HTML).read_bytes(), 9))
    print(f"glossary index: {len(TERMS)} terms, {size / 1000:.1f} kB gzip")
    assert len(TERMS) >= 300 and size <= 40_000, f"{size / 1000:.1f} kB gzip"


# --------------------------------------------------------------------------
# A page per term
# --------------------------------------------------------------------------

def test_every_term_has_its_page_and_nothing_else_is_in_the_folder(site):
    pages = {p.parent.name for p in (site / "glossary").glob("*/index.html")}
    assert pages == set(TERMS)


# Checked by hand: an alias is shown as the abbreviation only when it stands
# for the title's words (or its capitals), never for any other capitalised name.
@pytest.mark.parametrize("term_id, heading", [
    ("stochastic-gradient-descent", "Stochastic gradient descent (SGD)"),
    ("time-to-first-token", "Time to first token (TTFT)"),
    ("sum-of-squared-errors", "Sum of squared errors (SSE)"),
    ("retrieval-augmented-generation", "Retrieval-augmented generation (RAG)"),
    ("tensorflow", "TensorFlow (TF)"),
    ("window-function", "Window function"),     # alias LAG is a function it uses
    ("version-control", "Version control"),     # alias VCS: "version control system"
    ("overfitting", "Overfitting"),
])
def test_a_term_page_heading_shows_an_abbreviation_only_when_it_stands_for_the_title(site, term_id, heading):
    assert text_of(read(site, term_html(term_id)).select_one("article h1")) == heading


@pytest.mark.parametrize("term_id", sorted(TERMS))
def test_a_term_page_holds_its_definition_aliases_category_related_terms_and_sources(site, term_id):
    term = TERMS[term_id]
    page = read(site, term_html(term_id))
    heading = text_of(page.select_one("article h1"))
    # The title, or the title and one of its aliases as its abbreviation.
    assert heading == term.title or heading in {f"{term.title} ({a})" for a in term.aliases}, heading
    assert page.find("title").get_text().startswith(f"{heading} - ")
    assert page.find("meta", attrs={"name": "description"})["content"] == term.short
    assert text_of(page.select_one("article .term-short")) == term.short
    body = page.select_one("article .term-body")
    assert body is not None and text_of(body) == text_of(BeautifulSoup(term.body_html, "html.parser"))
    if term.example_html:
        assert page.find(id="example") and page.select_one("article .term-example")
    aliases = labelled(page, "Also called:")
    assert (text_of(aliases) == "Also called: " + ", ".join(term.aliases) + ".") if term.aliases else aliases is None
    category = labelled(page, "Category:")
    title = next(c.title for c in GLOSSARY.categories if c.id == term.category)
    assert text_of(category) == f"Category: {title}."
    assert resolve(term_html(term_id), category.find("a")["href"]) == ("glossary/", f"category-{term.category}")
    related = section(page, "related-terms")
    if term.related:
        items = related.find_all("li", recursive=False)
        assert [resolve(term_html(term_id), li.find("a")["href"])[0] for li in items] == [
            term_url(r) for r in term.related]
        assert [text_of(li) for li in items] == [f"{TERMS[r].title}: {TERMS[r].short}" for r in term.related]
    else:
        assert related is None
    sources = section(page, "sources")
    if term.sources:
        assert [text_of(li) for li in sources.find_all("li")] == [s.title for s in term.sources]
    edit = page.select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"].endswith(f"/edit/main/data/glossary/{term_id}.md"), edit["href"]


def test_every_term_is_used_on_a_page_besides_the_glossary(term_links):
    used = {term_id for rel, links in term_links.items() if rel in GUIDE_PAGES for term_id, _ in links}
    orphans = sorted(set(TERMS) - used)
    assert not orphans, f"terms no page links with term(): {orphans}"
    unknown = sorted(used - set(TERMS))
    assert not unknown, f"term links to no page: {unknown}"


def test_used_on_lists_exactly_the_pages_that_link_the_term(site, term_links):
    linked_from: dict[str, set[str]] = {term_id: set() for term_id in TERMS}
    for rel, links in term_links.items():
        if rel in GUIDE_PAGES:
            for term_id, _ in links:
                linked_from[term_id].add(page_url(rel))
    for term_id in sorted(TERMS):
        page = read(site, term_html(term_id))
        used_on = section(page, "used-on")
        listed = [resolve(term_html(term_id), a["href"])[0] for a in used_on.find_all("a")] if used_on else []
        assert len(listed) == len(set(listed)), f"{term_id}: a page is listed twice in 'Used on': {listed}"
        assert set(listed) == linked_from[term_id], (
            f"{term_id}: 'Used on' lists {sorted(listed)} but the pages linking it are "
            f"{sorted(linked_from[term_id])}")
        for a in used_on.find_all("a") if used_on else []:
            target = read(site, resolve(term_html(term_id), a["href"])[0] + "index.html")
            assert text_of(a) == text_of(target.select_one("article h1")), a


def test_every_term_link_has_the_short_definition_as_title(term_links):
    count = 0
    for rel, links in term_links.items():
        for term_id, a in links:
            assert term_id in TERMS, f"{rel}: {a} links to no term"
            assert a.get("title"), f"{rel}: {a} has no title"
            assert a["title"] == TERMS[term_id].short, f"{rel}: {a} title differs from {term_id}'s short definition"
            assert text_of(a), f"{rel}: {a} has no text"
            count += 1
    assert count >= len(TERMS)


def test_glossary_json_matches_the_data_and_gives_each_terms_page(site):
    path = site / "glossary.json"
    records = json.loads(path.read_text(encoding="utf-8"))["terms"]
    assert [r["id"] for r in records] == [t.id for t in GLOSSARY.sorted_terms()]
    for record in records:
        term = TERMS[record["id"]]
        assert set(record) == {"id", "title", "short", "aliases", "category", "related", "url"}
        assert (record["title"], record["short"], record["category"]) == (term.title, term.short, term.category)
        assert record["aliases"] == list(term.aliases) and record["related"] == list(term.related)
        assert record["url"].endswith("/" + term_url(term.id)), record["url"]
        assert urlparse(record["url"]).scheme in ("http", "https")


def test_the_sitemap_lists_every_term_page(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for term_id in TERMS:
        assert f"/{term_url(term_id)}</loc>" in sitemap, term_id


def test_glossary_page_links_glossary_json(glossary_page):
    hrefs = [resolve(GLOSSARY_HTML, a["href"])[0] for a in glossary_page.select("article a[href]")]
    assert "glossary.json" in hrefs


def test_a_to_z_jump_links_reach_every_term(glossary_page):
    jump = next(p for p in glossary_page.select("article p") if text_of(p).startswith("Jump to:"))
    hrefs = [a["href"] for a in jump.find_all("a")]
    assert hrefs[-1] == "#by-category"
    letters = sorted({t.title[0].upper() for t in TERMS.values()})
    assert [text_of(a) for a in jump.find_all("a")][:-1] == letters
    assert hrefs[:-1] == [f"#letter-{letter.lower()}" for letter in letters]
    reached = set()
    for letter in letters:
        heading = glossary_page.find(id=f"letter-{letter.lower()}")
        assert heading is not None and heading.name == "h2"
        group = heading.find_parent("section")
        for entry in group.select("li[data-filter-item]"):
            assert text_of(entry.find("a"))[0].upper() == letter, f"{entry['id']} is under {letter}"
            reached.add(entry["id"])
    assert reached == set(TERMS)


def test_by_category_section_links_every_term_once_under_its_category(glossary_page):
    by_category = glossary_page.find(id="by-category")
    assert by_category is not None and by_category.name == "h2"
    seen: list[str] = []
    for category in GLOSSARY.categories:
        members = [t for t in GLOSSARY.sorted_terms() if t.category == category.id]
        heading = glossary_page.find(id=f"category-{category.id}")
        if not members:
            assert heading is None
            continue
        assert heading is not None and heading.name == "h3" and text_of(heading) == category.title
        links = heading.find_next_sibling("p").find_all("a")
        assert [resolve(GLOSSARY_HTML, a["href"])[0] for a in links] == [term_url(t.id) for t in members]
        assert [text_of(a) for a in links] == [t.title for t in members]
        assert not any(a.get("title") for a in links)  # no tooltip per link (issue 7): the index is long
        seen += [t.id for t in members]
    assert sorted(seen) == sorted(TERMS) and len(seen) == len(set(seen))


def test_the_filter_box_is_hidden_without_javascript(glossary_page):
    box = glossary_page.select_one("article .glossary-filter")
    assert box is not None and box.has_attr("hidden")
    assert box.select_one("input#glossary-filter-input") and box.select_one("#glossary-filter-status")


# --------------------------------------------------------------------------
# Broken copies of the project
# --------------------------------------------------------------------------

def new_dir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def append_to_page(project: Path, src: str, text: str) -> None:
    path = project / "docs" / src
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def rewrite_term(project: Path, term_id: str, body: str | None = None, **fields) -> None:
    """Change fields of data/glossary/<id>.md in a copy, keeping the rest."""
    path = project / "data" / "glossary" / f"{term_id}.md"
    front, old_body = load_front_matter(path, path.name)
    front.update(fields)
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(f"---\n{text}---\n{old_body if body is None else body}\n", encoding="utf-8")


@pytest.mark.parametrize("src", ["index.md", "who-hires.md"])
def test_a_misspelt_term_stops_the_build_naming_page_term_and_suggestion(tmp_path, src):
    project = copy_project(new_dir(tmp_path / "project"))
    append_to_page(project, src, 'A misspelt {{ term("overfiting") }} link.')
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0, result.output
    assert f"{src}: entry 'overfiting': unknown glossary term 'overfiting'" in result.output, result.output
    assert "did you mean 'Overfitting' (id overfitting)" in result.output, result.output


def test_used_on_ignores_term_calls_that_render_no_link(tmp_path):
    """A commented-out or raw term() call is no use of the term."""
    project = copy_project(new_dir(tmp_path / "project"))
    append_to_page(project, "who-hires.md", '{# {{ term("kaggle") }} #}\n<!-- {{ term("kaggle") }} -->\n'
                                            '{% raw %}`{{ term("kaggle") }}`{% endraw %}')
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    used_on = section(read(result.site, term_html("kaggle")), "used-on")
    listed = {resolve(term_html("kaggle"), a["href"])[0] for a in used_on.find_all("a")} if used_on else set()
    assert "who-hires/" not in listed
    assert not read(result.site, "who-hires/index.html").select("a.glossary-term[href*='kaggle']")


PAYLOAD = '"><script>alert(1)</script>'
ALIASES = [PAYLOAD, "<img src=x onerror=alert(2)>", "{{ 7*7 }}", "{: onclick=alert(3) }",
           "[click](javascript:alert(4))", "- not a list", "???+ note"]
TITLE = "Overfitting \"'> {: onclick=alert(5) } *not bold* ?"
SOURCE = PAYLOAD + " [x](javascript:alert(6)){: onclick=alert(7) }"
CATEGORY = "Evaluation " + PAYLOAD


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """A copy whose glossary data carries payloads in every field validation lets through."""
    tmp = tmp_path_factory.mktemp("hostile")
    project = copy_project(new_dir(tmp / "project"))
    path = project / "data" / "glossary" / "overfitting.md"
    front, _ = load_front_matter(path, path.name)
    rewrite_term(project, "overfitting", title=TITLE, aliases=[*front.get("aliases", []), *ALIASES],
                 sources=[{"title": SOURCE, "url": "https://example.org/x"}, *front.get("sources", [])[1:]])
    categories_file = project / "data" / "glossary-categories.yml"
    categories = yaml.safe_load(categories_file.read_text(encoding="utf-8"))
    for category in categories:
        if category["id"] == "evaluation":
            category["title"] = CATEGORY
    categories_file.write_text(yaml.safe_dump(categories, sort_keys=False), encoding="utf-8")
    result = run_build(project, tmp / "site")
    assert result.returncode == 0, f"the hostile data should pass validation and build:\n{result.output}"
    return result.site


def test_payloads_in_glossary_data_create_no_element_or_attribute(hostile_site):
    for rel in html_pages(hostile_site):
        page = read(hostile_site, rel)
        for script in page.find_all("script"):
            assert "alert(" not in script.get_text(), f"{rel}: {script}"
        for el in page.find_all(True):
            handlers = [name for name in el.attrs if name.lower().startswith("on")]
            assert not handlers, f"{rel}: {el.name} has {handlers}"
            for name in ("href", "src"):
                assert not str(el.get(name, "")).lower().startswith("javascript:"), f"{rel}: {el}"
        assert not page.select("img[src=x]"), rel
    term_page = read(hostile_site, term_html("overfitting"))
    assert not term_page.select("article details"), "an alias made Markdown blocks"
    assert len(term_page.select("article ul")) == len([s for s in ("related-terms", "used-on", "sources")
                                                       if term_page.find(id=s)]), "an alias made a list"


def test_payloads_in_glossary_data_show_as_text(hostile_site):
    page = read(hostile_site, term_html("overfitting"))
    assert text_of(page.select_one("article h1")) == TITLE
    aliases = labelled(page, "Also called:")
    assert aliases.find_all(True) == [aliases.find("em")]  # only the "Also called:" label
    for alias in ALIASES:
        assert alias in aliases.get_text(), alias
    assert "49" not in aliases.get_text()
    sources = section(page, "sources")
    assert SOURCE in sources.get_text()
    assert [a["href"] for a in sources.find_all("a")][0] == "https://example.org/x"
    assert text_of(labelled(page, "Category:")) == f"Category: {CATEGORY}."
    index = read(hostile_site, GLOSSARY_HTML)
    assert PAYLOAD.lower() in entry_of(index, "overfitting")["data-names"]
    assert text_of(index.find(id="category-evaluation")) == CATEGORY
    # Elsewhere: the new title as link text, the unchanged short definition as tooltip.
    for rel, links in glossary_links_by_page(hostile_site).items():
        for term_id, a in links:
            if term_id == "overfitting":
                assert a["title"] == TERMS["overfitting"].short, rel


def test_payloads_reach_glossary_json_and_the_search_index_only_as_data(hostile_site):
    records = {r["id"]: r for r in json.loads((hostile_site / "glossary.json").read_text())["terms"]}
    assert records["overfitting"]["title"] == TITLE
    assert records["overfitting"]["aliases"][-len(ALIASES):] == ALIASES
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entry = next(d for d in index["docs"] if d["location"] == "glossary/overfitting/")
    assert "<script" not in entry["text"] and "<img" not in entry["text"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in entry["text"]


@pytest.mark.parametrize("fields, body, problem", [
    ({"short": "Learns the noise " + PAYLOAD + "."}, None,
     "'short' contains Markdown, HTML or template characters"),
    ({"title": "Overfitting " + PAYLOAD}, None, "the title 'Overfitting " + PAYLOAD + "' holds markup"),
    ({}, 'It fits noise. It scores badly on new data.\n{: onclick="alert(1)" }',
     "the full definition renders to HTML that is not allowed: the attribute 'onclick' on <p>"),
], ids=["short", "title", "body-attr-list"])
def test_payloads_where_validation_refuses_them_stop_the_build(tmp_path, fields, body, problem):
    project = copy_project(new_dir(tmp_path / "project"))
    rewrite_term(project, "overfitting", body=body, **fields)
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0, result.output
    assert f"data/glossary/overfitting.md: entry 'overfitting': {problem}" in result.output, result.output
    assert "Fix: " in result.output
    assert not (tmp_path / "site" / "glossary" / "index.html").exists()


def test_no_page_links_a_term_outside_an_article(site):
    """Term links only come from page content (guards the article-only selectors above)."""
    for rel in html_pages(site):
        page = read(site, rel)
        assert len(page.select("a.glossary-term")) == len(page.select("article a.glossary-term")), rel

