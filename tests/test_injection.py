"""Data is never injected as HTML or as a template.

A copy of the project is built with hostile text in every data field that
validation lets through: glossary aliases, source titles and a related term's
title; a skill's title and summary; a figure's label, source and note. Each
payload must show as literal text, create no element, and `{{ 7*7 }}` must
not turn into 49. The poisoned site is then loaded in Chromium (every page,
plus a search for the payload): no script may run.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, run_build

from roadmap.errors import DataError
from roadmap.model.skills import parse_skill

SCRIPT = '"><script>alert(1)</script>'
IMG = "<img src=x onerror=alert(1)>"
QUOTES = "\"double\" 'single' & ampersand"
JINJA = "jinja {{ 7*7 }} and {% raw %} end"
JINJA_RENDERED = "jinja 49 and"
# What validation allows in a term title (no '<' before a letter, no '{{').
TITLE_SAFE = "\"quoted\" & 'single' 1 < 2 > 0"

ALIASES = [f"alias-a {SCRIPT}", f"alias-b {IMG}", f"alias-c {QUOTES}", f"alias-d {JINJA}"]
SOURCE_TITLES = [f"source-a {SCRIPT} {IMG}", f"source-b {QUOTES} {JINJA}"]
RELATED_TITLE = f"Precision {TITLE_SAFE}"
# A skill title becomes a nav entry, which MkDocs renders as HTML: validation
# rejects < > & { } ` in it (tested below), so the title carries the rest.
SKILL_TITLE = "Programming \"double\" 'single' *stars* [brackets] |pipe| #hash"
SKILL_SUMMARY = f"summary {SCRIPT} {IMG} {QUOTES} {JINJA}"
FIGURE = {"label": f"label {SCRIPT}", "source": f"source {IMG} {QUOTES}", "note": f"note {JINJA}"}


def write_front_matter(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    fields = yaml.safe_load(front)
    change(fields)
    path.write_text("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


def poison(project: Path) -> None:
    glossary = project / "data" / "glossary"

    def accuracy(fields):
        fields["aliases"] = ALIASES
        fields["sources"] = [{"title": SOURCE_TITLES[0], "url": "https://example.org/a"},
                             {"title": SOURCE_TITLES[1]}]
        assert "precision" in fields["related"]

    write_front_matter(glossary / "accuracy.md", accuracy)
    write_front_matter(glossary / "precision.md", lambda f: f.update(title=RELATED_TITLE))

    skill_file = project / "data" / "skills" / "programming.yml"
    skill = yaml.safe_load(skill_file.read_text(encoding="utf-8"))
    skill.update(title=SKILL_TITLE, summary=SKILL_SUMMARY)
    skill_file.write_text(yaml.safe_dump(skill, allow_unicode=True, sort_keys=False), encoding="utf-8")

    figures_file = project / "data" / "figures.yml"
    figures = yaml.safe_load(figures_file.read_text(encoding="utf-8"))
    figures[0].update(FIGURE)
    figures_file.write_text(yaml.safe_dump(figures, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("poisoned"))
    poison(project)
    result = run_build(project, project / "site")
    assert result.returncode == 0, f"the poisoned copy must still build:\n{result.output}"
    return project / "site"


def text_of(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.get_text(" ").split())


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("page, payloads", [
    # Each term has its own page (issue 14): aliases, sources and related terms show there.
    ("glossary/accuracy/index.html", ALIASES + SOURCE_TITLES + [RELATED_TITLE]),
    ("skills/index.html", [SKILL_TITLE, SKILL_SUMMARY]),
    ("skills/probability-and-statistics/index.html", [SKILL_TITLE]),  # "Builds on", nav, footer
    ("salaries-and-trends/index.html", list(FIGURE.values())),
], ids=["glossary", "skills-overview", "skill-page", "figures"])
def test_payloads_show_as_literal_text(poisoned, page, payloads):
    text = text_of(poisoned, page)
    for payload in payloads:
        assert " ".join(payload.split()) in text, f"{page}: {payload!r} is not shown as text"


def test_no_payload_creates_an_element_anywhere(poisoned):
    pages = all_pages(poisoned)
    assert len(pages) >= 15
    for path in pages:
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        name = path.relative_to(poisoned).as_posix()
        scripts = [s for s in soup.find_all("script") if "alert(1)" in (s.string or "")]
        assert not scripts, f"{name}: a <script> element carries the payload: {scripts[0]}"
        assert not soup.find_all("img", src="x"), f"{name}: an <img src=x> element was created"
        handlers = [el for el in soup.find_all(True) if any(a.lower().startswith("on") for a in el.attrs)]
        assert not handlers, f"{name}: an element has an event handler attribute: {str(handlers[0])[:200]}"
        assert "<script>alert(1)" not in html and "<img src=x" not in html, f"{name}: raw payload in the HTML"
        # Attributes hold the payload only escaped: no quote breaks out of one.
        for el in soup.find_all(True):
            for attr, value in el.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                assert "<script" not in attr and "onerror" not in attr, f"{name}: attribute {attr!r} on <{el.name}>"


def test_jinja_in_data_is_never_evaluated(poisoned):
    for path in all_pages(poisoned):
        text = " ".join(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        assert JINJA_RENDERED not in text, f"{path.relative_to(poisoned)}: '{{{{ 7*7 }}}}' was rendered as 49"
    glossary = text_of(poisoned, "glossary/accuracy/index.html")
    assert glossary.count("{{ 7*7 }}") >= 2 and "{% raw %}" in glossary
    for data in poisoned.rglob("*.json"):
        assert JINJA_RENDERED not in data.read_text(encoding="utf-8"), data


@pytest.mark.browser
def test_no_script_runs_in_the_poisoned_site(poisoned, page):
    """Every poisoned page in Chromium, and a search for the payloads: no alert."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(poisoned)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in all_pages(poisoned):
            page.goto(base + path.relative_to(poisoned).as_posix().removesuffix("index.html"))
        page.goto(base + "glossary/")
        page.wait_for_load_state("networkidle")
        for query in ("alias", "script", "onerror", "summary"):
            page.locator(".md-search__input").click()
            page.locator(".md-search__input").fill("")
            page.locator(".md-search__input").press_sequentially(query)
            page.wait_for_selector(".md-search-result__item")
            page.keyboard.press("Escape")
        page.locator("article a.glossary-term, article a[title]").first.hover()
        page.wait_for_timeout(300)
    finally:
        server.shutdown()
        server.server_close()
    assert dialogs == [], f"a payload ran: {dialogs}"
    assert re.search(r"alias-a", page.content())


@pytest.mark.parametrize("payload", [SCRIPT, IMG, "R & D", "{{ 7*7 }}", "`code`"])
def test_a_skill_title_that_would_be_html_in_the_nav_is_rejected(payload):
    raw = yaml.safe_load((ROOT / "data" / "skills" / "programming.yml").read_text(encoding="utf-8"))
    raw["title"] = f"Programming {payload}"
    with pytest.raises(DataError) as error:
        parse_skill(raw, "data/skills/programming.yml", "programming")
    message = str(error.value)
    assert "data/skills/programming.yml: entry 'programming'" in message
    assert "title" in message and "Fix: write the title as plain words" in message


# -- Markdown fields: accepted only when they render harmless ------------------------------
# A term's short definition feeds every tooltip of the term; its body and
# example are rendered Markdown. Each payload below passes validation because
# what it renders to is inert: the browser test shows nothing runs, on hover too.

SHORT_ENTITIES = "Entity text &lt;img src=x onerror=window.__xss=3&gt; shown in a tooltip."
BODY_PAYLOADS = [
    "Code `<img src=x onerror=window.__xss=1>` stays code.",
    "Entities &lt;script&gt;window.__xss=2&lt;/script&gt; stay text.",
    "An escaped \\<img src=x onerror=window.__xss=4> tag shows as text.",
    "A [link](https://example.org/?q=%3Cscript%3Ewindow.__xss=5%3C/script%3E) with an encoded query.",
]
EXAMPLE_PAYLOAD = "For `\"><svg onload=window.__xss=6>` the example shows code."


@pytest.fixture(scope="module")
def poisoned_markdown(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("poisoned-markdown"))
    term = project / "data" / "glossary" / "overfitting.md"
    text = term.read_text(encoding="utf-8")
    _, front, _ = text.split("---\n", 2)
    fields = yaml.safe_load(front)
    fields.update(short=SHORT_ENTITIES, example=EXAMPLE_PAYLOAD)
    term.write_text("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"
                    + "\n\n".join(BODY_PAYLOADS) + "\n", encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, f"the poisoned copy must still build:\n{result.output}"
    return project / "site"


def test_markdown_payloads_render_as_text_or_code(poisoned_markdown):
    glossary = text_of(poisoned_markdown, "glossary/overfitting/index.html")
    assert "<img src=x onerror=window.__xss=1>" in glossary and "<script>window.__xss=2</script>" in glossary
    for path in all_pages(poisoned_markdown):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all(["img", "svg"], onerror=True) and not soup.find_all(onload=True), path
        for link in soup.select("a[title]"):
            assert "<" not in link["title"] or "&lt;" in link["title"], f"{path}: a tooltip holds markup"


@pytest.mark.browser
def test_no_script_runs_from_a_markdown_field_even_when_its_tooltips_are_hovered(poisoned_markdown, page):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(poisoned_markdown)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hovered = 0
    try:
        for url in ("skills/data-modelling-and-evaluation/", "skills/ml-algorithms-and-libraries/", "glossary/",
                    "glossary/underfitting/"):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            links = page.locator("article a.glossary-term[title*='Entity text']")
            for i in range(min(links.count(), 4)):
                links.nth(i).scroll_into_view_if_needed()
                links.nth(i).hover()
                page.wait_for_selector(".md-tooltip2--active", timeout=3000)
                page.wait_for_timeout(300)
                hovered += 1
                tooltip = page.locator(".md-tooltip2--active")
                assert tooltip.locator("img, svg, script").count() == 0, tooltip.inner_html()
            assert page.evaluate("window.__xss") is None, f"{url}: a payload ran"
    finally:
        server.shutdown()
        server.server_close()
    assert hovered >= 2, "no poisoned tooltip was hovered"
    assert dialogs == [], f"a payload ran: {dialogs}"
