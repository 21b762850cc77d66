"""Progress kept in the browser: ticks survive reloads, show on the roadmap,
move between devices by export and import, and reset after a confirmation."""
from __future__ import annotations

import json

import pytest
from conftest import ROOT

from roadmap.model.skills import load_skills

pytestmark = pytest.mark.browser

SKILLS = load_skills(ROOT, ROOT / "docs")
FIRST, SECOND = SKILLS[0], SKILLS[1]


def skill_url(base_url, skill):
    return base_url + skill.page.removesuffix(".md") + "/"


def boxes(page):
    return page.locator("ul.skill-checklist input[type=checkbox]")


def node_count(page, skill):
    return page.locator(f'.roadmap__node[data-skill="{skill.id}"] .roadmap__count').text_content()


def tick(page, index):
    boxes(page).nth(index).check()


def test_ticks_survive_a_reload_and_show_on_the_roadmap(page, base_url):
    page.goto(skill_url(base_url, FIRST))
    assert boxes(page).count() == len(FIRST.checklist)
    summary = page.locator(".skill-checklist__summary")
    assert summary.inner_text() == f"0 of {len(FIRST.checklist)} done"
    tick(page, 0)
    tick(page, 2)
    assert summary.inner_text() == f"2 of {len(FIRST.checklist)} done"
    page.reload()
    assert [boxes(page).nth(i).is_checked() for i in range(3)] == [True, False, True]
    page.goto(base_url)
    assert node_count(page, FIRST) == f"2/{len(FIRST.checklist)} done"
    total = sum(len(s.checklist) for s in SKILLS)
    assert f"2 of {total} checklist items done" in page.locator(".progress-panel__overall").text_content()


def test_a_label_click_ticks_and_the_stored_key_is_the_stable_one(page, base_url):
    page.goto(skill_url(base_url, SECOND))
    page.locator("ul.skill-checklist label").nth(1).click()
    stored = json.loads(page.evaluate("localStorage.getItem('ml-engineer-roadmap:progress')"))
    assert stored == {"version": 2, "progress": {"checklist": {SECOND.id: [SECOND.checklist[1].key]}, "quiz": {},
                                                 "projects": []}}


def test_export_then_import_restores_progress_in_a_fresh_browser(browser, base_url, tmp_path):
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    page.goto(skill_url(base_url, FIRST))
    tick(page, 1)
    page.goto(skill_url(base_url, SECOND))
    tick(page, 0)
    page.goto(base_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    first.close()
    data = json.loads(exported.read_text())
    assert data["format"] == "ml-engineer-roadmap-progress" and data["version"] == 2
    assert data["progress"]["checklist"] == {FIRST.id: [FIRST.checklist[1].key], SECOND.id: [SECOND.checklist[0].key]}

    fresh = browser.new_context()
    page = fresh.new_page()
    page.goto(base_url)
    assert node_count(page, FIRST) == f"0/{len(FIRST.checklist)} done"
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(str(exported))
    page.wait_for_function(
        f"document.querySelector('.roadmap__node[data-skill=\"{FIRST.id}\"] .roadmap__count')"
        ".textContent.startsWith('1/')")
    assert node_count(page, SECOND) == f"1/{len(SECOND.checklist)} done"
    page.goto(skill_url(base_url, FIRST))
    assert boxes(page).nth(1).is_checked() and not boxes(page).nth(0).is_checked()
    fresh.close()


def test_import_rejects_a_file_that_is_not_a_progress_export(page, base_url, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": "world"}')
    page.goto(base_url)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(str(bad))
    overall = page.locator(".progress-panel__overall")
    overall.filter(has_text="Could not import").wait_for()
    assert "not a progress file" in overall.text_content()


def test_reset_asks_first_and_clears_only_when_confirmed(page, base_url):
    page.goto(skill_url(base_url, FIRST))
    tick(page, 0)
    page.goto(base_url)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset progress").click()
    assert node_count(page, FIRST) == f"1/{len(FIRST.checklist)} done"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    assert node_count(page, FIRST) == f"0/{len(FIRST.checklist)} done"
    page.goto(skill_url(base_url, FIRST))
    assert not boxes(page).nth(0).is_checked()


def test_checklists_keep_working_across_instant_navigation(page, base_url):
    page.goto(skill_url(base_url, FIRST))
    tick(page, 0)
    # Follow the footer's "next" link: Material swaps the page in without a reload.
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(skill_url(base_url, SECOND) + "*")
    page.locator("article h1", has_text=SECOND.title).wait_for()
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"
    assert boxes(page).count() == len(SECOND.checklist)
    tick(page, 1)
    assert page.locator(".skill-checklist__summary").inner_text() == f"1 of {len(SECOND.checklist)} done"
    page.go_back()
    page.wait_for_url(skill_url(base_url, FIRST) + "*")
    page.locator("article h1", has_text=FIRST.title).wait_for()
    assert boxes(page).nth(0).is_checked()


def test_the_roadmap_fits_a_360px_phone_and_its_nodes_take_keyboard_focus(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url)
    svg = page.locator("figure.roadmap svg")
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    font = page.evaluate(
        "document.querySelector('.roadmap__title').getBoundingClientRect().height")
    assert font >= 11, f"node titles render {font}px tall on a phone"
    node = page.locator(".roadmap__node").first
    node.focus()
    assert page.evaluate("document.activeElement.classList.contains('roadmap__node')")
    page.keyboard.press("Enter")
    page.wait_for_url(skill_url(base_url, SKILLS[0]))
    context.close()


def test_without_javascript_the_checklist_is_a_plain_list(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(skill_url(base_url, FIRST))
    assert page.locator("ul.skill-checklist li").count() == len(FIRST.checklist)
    assert boxes(page).count() == 0
    page.goto(base_url)
    assert not page.locator(".progress-panel").is_visible()
    context.close()


def test_checklist_items_are_ticked_from_the_keyboard(page, base_url):
    page.goto(skill_url(base_url, FIRST))
    first_box = boxes(page).nth(0)
    # Tab from the element just before the list until the first checkbox has focus.
    page.locator(".skill-checklist__summary").evaluate("el => { el.tabIndex = -1; el.focus(); }")
    for _ in range(5):
        page.keyboard.press("Tab")
        if first_box.evaluate("el => el === document.activeElement"):
            break
    assert first_box.evaluate("el => el === document.activeElement"), "Tab did not reach the checklist"
    page.keyboard.press("Space")
    assert first_box.is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert boxes(page).nth(1).is_checked()
    assert page.locator(".skill-checklist__summary").inner_text().startswith("2 of")


def test_a_roadmap_node_opens_its_skill_page_with_instant_navigation(page, base_url):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(base_url)
    page.evaluate("window.__sameDocument = true")
    page.locator(f'.roadmap__node[data-skill="{SECOND.id}"]').click()
    page.locator("article h1", has_text=SECOND.title).wait_for()
    assert page.url.startswith(skill_url(base_url, SECOND))
    assert page.evaluate("window.__sameDocument === true"), "the node link reloaded the page"
    assert errors == []
