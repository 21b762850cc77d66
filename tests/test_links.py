"""Every internal link and #anchor in the built HTML resolves.

This check reads the HTML MkDocs wrote, independently of MkDocs' own
validation, so it also covers links made by templates and macros.
"""
from __future__ import annotations

from roadmap.tools import sitecheck


def test_every_internal_link_and_anchor_resolves(site):
    errors = sitecheck.internal_link_errors(site)
    pages = len(sitecheck.html_pages(site))
    print(f"{pages} pages checked, {len(errors)} broken internal links or anchors")
    assert pages >= 15
    assert not errors, "\n".join(errors)


def test_the_checker_catches_a_broken_link_and_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p><a href="../b/">b</a>'
                                              '<a href="#nowhere">n</a><a href="#here">h</a>')
    errors = sitecheck.internal_link_errors(tmp_path)
    assert any("missing file b/index.html" in e for e in errors)
    assert any("no element id 'nowhere'" in e for e in errors)
    assert not any("'here'" in e for e in errors)


def test_every_external_link_is_https(site):
    insecure = [url for url in sitecheck.external_links(site) if not url.startswith("https://")]
    assert not insecure, insecure
