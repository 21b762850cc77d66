"""The learning features in Chromium: scored quizzes, project ticks, the
Resources filter, and a progress file that moves between browsers and
refuses anything that is not one."""
from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from axe_check import violations
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT
from playwright.sync_api import expect

from roadmap.site import load_site

pytestmark = pytest.mark.browser

DATA = load_site(ROOT, ROOT / "docs")
SKILLS = DATA.skills()
QUIZ_SKILL = next(s for s in SKILLS if sum(q.kind == "choice" for q in s.quiz) >= 2)
CHOICES = [q for q in QUIZ_SKILL.quiz if q.kind == "choice"]
RIGHT_Q, WRONG_Q = CHOICES[0], CHOICES[1]
RIGHT = next(i for i, o in enumerate(RIGHT_Q.options) if o.correct)
WRONG = next(i for i, o in enumerate(WRONG_Q.options) if not o.correct)
STORAGE = "ml-engineer-roadmap:progress"


def skill_url(base_url, skill):
    return base_url + skill.page.removesuffix(".md") + "/"


def question(page, key):
    return page.locator(f'.quiz__question[data-key="{key}"]')


def answer(page, key, option):
    q = question(page, key)
    q.locator("input[type=radio]").nth(option).check()
    q.locator(".quiz__check").click()
    return q.locator(".quiz__result")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE}')") or "null")


def import_file(page, base_url, path):
    page.goto(base_url)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(str(path))


def test_a_right_and_a_wrong_answer_are_scored_kept_exported_cleared_and_imported(browser, base_url, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(skill_url(base_url, QUIZ_SKILL))
    score = page.locator(".quiz__score")
    total = len(CHOICES)
    assert score.inner_text() == f"Score: 0 of {total} multiple-choice questions right ({total} not answered yet)."
    right = answer(page, RIGHT_Q.key, RIGHT)
    assert right.inner_text().startswith("\u2713 Right: you chose " + "ABCDE"[RIGHT])
    wrong = answer(page, WRONG_Q.key, WRONG)
    assert wrong.inner_text().startswith("\u2717 Not right: you chose " + "ABCDE"[WRONG])
    correct = next(i for i, o in enumerate(WRONG_Q.options) if o.correct)
    assert wrong.inner_text().endswith(f"The right answer is {'ABCDE'[correct]}.")
    expected = f"Score: 1 of {total} multiple-choice questions right ({total - 2} not answered yet)."
    assert score.inner_text() == expected
    # Words and a symbol say right or wrong, not only a colour; screen readers hear it.
    assert right.get_attribute("role") == "status" and score.get_attribute("aria-live") == "polite"

    page.reload()
    assert score.inner_text() == expected, "the score did not survive a reload"
    assert question(page, RIGHT_Q.key).locator("input[type=radio]").nth(RIGHT).is_checked()
    assert question(page, WRONG_Q.key).locator(".quiz__result").inner_text().startswith("\u2717 Not right")

    page.goto(base_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["version"] == 2
    assert data["progress"]["quiz"] == {QUIZ_SKILL.id: {RIGHT_Q.key: RIGHT, WRONG_Q.key: WRONG}}

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    page.goto(skill_url(base_url, QUIZ_SKILL))
    assert score.inner_text().startswith(f"Score: 0 of {total}"), "reset did not clear the quiz"

    import_file(page, base_url, exported)
    page.locator(".progress-panel__overall").filter(has_text="Progress imported.").wait_for()
    page.goto(skill_url(base_url, QUIZ_SKILL))
    assert score.inner_text() == expected, "the imported answers did not come back"
    context.close()


def test_without_javascript_every_answer_and_explanation_is_readable(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(skill_url(base_url, QUIZ_SKILL))
    assert page.locator(".quiz__question").count() == len(QUIZ_SKILL.quiz)
    assert page.locator(".quiz__question legend").count() == len(QUIZ_SKILL.quiz)
    first = question(page, RIGHT_Q.key)
    first.locator("details summary").click()
    explanations = first.locator(".quiz__explanations li")
    assert explanations.count() == len(RIGHT_Q.options)
    assert explanations.nth(RIGHT).inner_text().startswith("ABCDE"[RIGHT] + ": right.")
    assert not page.locator(".quiz__check").first.is_visible()
    context.close()


# -- Importing a bad file changes nothing -----------------------------------------------

GOOD = {"format": "ml-engineer-roadmap-progress", "version": 2, "progress": {
    "checklist": {SKILLS[0].id: [SKILLS[0].checklist[0].key]}, "quiz": {}, "projects": []}}
BAD_FILES = {
    "not-json": "{not json",
    "an-array": json.dumps([1, 2, 3]),
    "another-format": json.dumps({"format": "something-else", "version": 2, "progress": {}}),
    "an-unknown-version": json.dumps({**GOOD, "version": 99}),
    "an-array-for-the-progress": json.dumps({**GOOD, "progress": []}),
    "a-proto-key": '{"format": "ml-engineer-roadmap-progress", "version": 2, "progress": {"checklist": '
                   '{"__proto__": ["polluted"]}, "quiz": {}, "projects": []}}',
    "a-constructor-key": json.dumps({**GOOD, "progress": {"checklist": {"constructor": {"prototype": 1}}}}),
    "html-in-a-key": json.dumps({**GOOD, "progress": {"checklist": {SKILLS[0].id: ["<img src=x onerror=alert(1)>"]},
                                                      "quiz": {}, "projects": []}}),
    "html-in-a-skill": json.dumps({**GOOD, "progress": {"checklist": {"<b>x</b>": ["a"]}}}),
    "a-string-for-an-answer": json.dumps({**GOOD, "progress": {"quiz": {SKILLS[0].id: {"q": "0"}}}}),
    "an-answer-out-of-range": json.dumps({**GOOD, "progress": {"quiz": {SKILLS[0].id: {"q": 9}}}}),
    "an-object-for-projects": json.dumps({**GOOD, "progress": {"projects": {"a": True}}}),
    "an-unknown-part": json.dumps({**GOOD, "progress": {"badges": []}}),
    "an-unknown-field": json.dumps({**GOOD, "owner": "someone"}),
    "huge": json.dumps({**GOOD, "padding": "x" * 300_000}),
    "too-many-keys": json.dumps({**GOOD, "progress": {"checklist": {SKILLS[0].id: [f"k-{i}" for i in range(400)]}}}),
}


def test_each_bad_progress_file_is_refused_with_a_message_and_changes_nothing(page, base_url, tmp_path):
    page.goto(skill_url(base_url, SKILLS[0]))
    page.locator("ul.skill-checklist input[type=checkbox]").nth(1).check()
    before = stored(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for name, content in BAD_FILES.items():
        path = tmp_path / f"{name}.json"
        path.write_text(content, encoding="utf-8")
        import_file(page, base_url, path)
        overall = page.locator(".progress-panel__overall")
        overall.filter(has_text="Could not import").wait_for(timeout=5000)
        assert "Nothing was changed." in overall.inner_text(), name
        assert stored(page) == before, f"{name}: the stored progress changed"
        assert page.evaluate("({}).polluted === undefined && Object.prototype.polluted === undefined"), name
    assert dialogs == [], f"a payload ran: {dialogs}"


def test_a_version_1_file_from_before_the_quizzes_is_still_imported(page, base_url, tmp_path):
    skill = SKILLS[1]
    old = {"format": "ml-engineer-roadmap-progress", "version": 1, "exported": "2026-11-20T10:00:00Z",
           "progress": {skill.id: [skill.checklist[0].key, skill.checklist[2].key]}}
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    import_file(page, base_url, path)
    page.locator(".progress-panel__overall").filter(has_text="Progress imported.").wait_for()
    assert stored(page)["progress"]["checklist"] == {skill.id: [skill.checklist[0].key, skill.checklist[2].key]}
    node = page.locator(f'.roadmap__node[data-skill="{skill.id}"] .roadmap__count')
    assert node.inner_text() == f"2/{len(skill.checklist)} done"


def test_a_storage_failure_is_shown_to_the_reader(page, base_url):
    page.goto(skill_url(base_url, SKILLS[0]))
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceeded'); }; }")
    page.locator("ul.skill-checklist input[type=checkbox]").nth(0).check()
    assert "did not save it" in page.locator(".skill-checklist__summary").inner_text()


# -- Projects --------------------------------------------------------------------------

def test_a_project_ticked_done_is_kept_and_counted(page, base_url):
    project = DATA.projects()[0]
    page.goto(base_url + "projects/")
    box = page.locator(f'.project[data-project="{project.id}"] input[type=checkbox]')
    box.check()
    page.reload()
    assert page.locator(f'.project[data-project="{project.id}"] input[type=checkbox]').is_checked()
    assert stored(page)["progress"]["projects"] == [project.id]
    page.goto(base_url)
    assert "1 projects finished" in page.locator(".progress-panel__overall").inner_text()


def test_each_skill_page_links_its_projects(page, base_url):
    project = DATA.projects()[0]
    skill = DATA.skill(project.skills[0])
    page.goto(skill_url(base_url, skill))
    link = page.locator("article a", has_text=project.title).first
    assert link.get_attribute("href").endswith(f"projects/#{project.id}")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/projects/**")
    expect(page.locator("article h1")).to_contain_text("Portfolio projects")
    # The address, opened afresh, shows that project. (After the click the
    # fragment is not checked: Material's navigation.tracking can leave the
    # previous page's section in it, "#related", a known quirk.)
    page.goto(urljoin(page.url, href))
    expect(page.locator(f"article h3[id='{project.id}']")).to_be_in_viewport()


# -- The Resources page's filter -------------------------------------------------------

def test_the_resources_filter_narrows_by_text_skill_type_and_cost(page, base_url):
    page.goto(base_url + "resources/")
    items = page.locator(".resource-list > li.resource")
    total = items.count()
    assert total == sum(len(s.resources) for s in SKILLS)
    status = page.locator("#resources-filter-status")
    assert status.inner_text() == f"{total} resources."
    page.locator("#resources-filter-type").select_option("book")
    books = page.locator(".resource-list > li.resource:not([hidden])")
    expected = sum(r.type == "book" for s in SKILLS for r in s.resources)
    assert books.count() == expected and status.inner_text() == f"{expected} of {total} resources match."
    page.locator("#resources-filter-cost").select_option("free")
    expected = sum(r.type == "book" and r.free for s in SKILLS for r in s.resources)
    assert books.count() == expected
    page.locator("#resources-filter-type").select_option("")
    page.locator("#resources-filter-cost").select_option("")
    page.locator("#resources-filter-skill").select_option(SKILLS[1].id)
    assert books.count() == len(SKILLS[1].resources)
    page.locator("#resources-filter-skill").select_option("")
    page.locator("#resources-filter-text").press_sequentially("deisenroth")
    shown = page.locator(".resource-list > li.resource:not([hidden])")
    assert 1 <= shown.count() < total
    for i in range(shown.count()):
        assert "deisenroth" in shown.nth(i).get_attribute("data-names")


def test_the_resources_filter_works_from_the_keyboard_and_the_list_shows_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "resources/")
    assert not page.locator("[data-list-filter]").is_visible()
    assert page.locator(".resource-list > li.resource:visible").count() == sum(len(s.resources) for s in SKILLS)
    context.close()
    page = browser.new_page()
    page.goto(base_url + "resources/")
    page.locator("#resources-filter-text").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "resources-filter-skill"
    page.keyboard.press("ArrowDown")  # a select changes with the arrow keys
    assert page.locator(".resource-list > li.resource:not([hidden])").count() < page.locator(
        ".resource-list > li.resource").count()
    page.close()


# -- Both pages at 360 px and on a desktop, light and dark, with axe ----------------------

@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["resources/", "projects/", "skills/mathematics/"])
def test_learning_pages_fit_and_pass_axe(browser, base_url, url, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{url} scrolls sideways at {width}px"
    if url.startswith("skills/"):
        answer(page, next(q for q in DATA.skill("mathematics").quiz if q.kind == "choice").key, 0)
    found = violations(Axe(), page)
    assert not found, f"{url} at {width}px, {scheme}:\n" + "\n".join(found)
    context.close()
