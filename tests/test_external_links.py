"""scripts/check_external_links.py, offline: the allowlist, the cache, retries
with backoff and the no-network exit, with a fake fetch (no request is made).
The online check itself runs in a scheduled CI job, not here."""
from __future__ import annotations

import io
import json
import socket
import urllib.error

from conftest import ROOT

from roadmap.tools import external_links as cel

DAY = 86400.0


class FakeFetch:
    """Answers from a script: url -> list of answers, each a status or an exception."""

    def __init__(self, script: dict[str, list]):
        self.script = {url: list(answers) for url, answers in script.items()}
        self.calls: list[tuple[str, str]] = []

    def __call__(self, url, method, timeout):
        self.calls.append((url, method))
        answers = self.script[url]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, BaseException):
            raise answer
        status, headers = answer if isinstance(answer, tuple) else (answer, {})
        return status, headers


def no_network_error():
    return urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))


def test_allowlist_parsing_and_matching():
    hosts = cel.parse_allowlist("# hosts that block bots\nwww.bls.gov   # 403\n\nKaggle.com\n")
    assert hosts == {"www.bls.gov", "kaggle.com"}
    assert cel.is_allowlisted("https://www.bls.gov/ooh/", hosts)
    assert cel.is_allowlisted("https://www.kaggle.com/learn", hosts)  # subdomain
    assert not cel.is_allowlisted("https://notkaggle.com/", hosts)
    assert not cel.is_allowlisted("https://bls.gov.example.org/", hosts)


def test_the_project_allowlist_parses():
    hosts = cel.parse_allowlist((ROOT / "data" / "link-allowlist.txt").read_text(encoding="utf-8"))
    assert hosts and all("." in h and " " not in h for h in hosts)


def test_cache_keeps_ok_answers_until_max_age_and_never_failures(tmp_path):
    cache = {"https://a.org/": {"ok": True, "status": 200, "checked": 1000.0},
             "https://b.org/": {"ok": False, "status": 404, "checked": 1000.0}}
    assert cel.fresh_in_cache("https://a.org/", cache, now=1000.0 + 6 * DAY, max_age=7 * DAY)
    assert not cel.fresh_in_cache("https://a.org/", cache, now=1000.0 + 8 * DAY, max_age=7 * DAY)
    assert not cel.fresh_in_cache("https://b.org/", cache, now=1001.0, max_age=7 * DAY)
    assert not cel.fresh_in_cache("https://c.org/", cache, now=1001.0, max_age=7 * DAY)
    new = cel.updated_cache(cache, [cel.Result("https://a.org/", False, 500, "HTTP 500", 2000.0),
                                    cel.Result("https://c.org/", True, 200, "", 2000.0)])
    assert set(new) == {"https://b.org/", "https://c.org/"}
    path = tmp_path / ".cache" / "links.json"
    cel.save_cache(path, new)
    assert cel.load_cache(path) == json.loads(path.read_text())
    assert cel.load_cache(tmp_path / "missing.json") == {}
    (tmp_path / "bad.json").write_text("{not json")
    assert cel.load_cache(tmp_path / "bad.json") == {}


def test_retry_delay_backs_off_and_honours_retry_after():
    assert [cel.retry_delay(n, {}) for n in range(4)] == [1.0, 2.0, 4.0, 8.0]
    assert cel.retry_delay(0, {"Retry-After": "5"}) == 5.0
    assert cel.retry_delay(0, {"retry-after": "3600"}) == cel.MAX_RETRY_AFTER
    assert cel.retry_delay(1, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 2.0


def test_transient_failures_are_retried_with_backoff_then_succeed():
    url = "https://flaky.org/"
    fetch = FakeFetch({url: [503, TimeoutError("timed out"), (429, {"Retry-After": "2"}), 200]})
    slept = []
    result = cel.check_url(url, fetch, retries=3, sleep=slept.append, clock=lambda: 42.0)
    assert result.ok and result.status == 200 and result.checked == 42.0
    assert slept == [1.0, 2.0, 2.0]


def test_a_404_is_not_retried_and_a_refused_head_falls_back_to_get():
    fetch = FakeFetch({"https://gone.org/": [404], "https://nohead.org/": [405, 200]})
    slept = []
    gone = cel.check_url("https://gone.org/", fetch, sleep=slept.append)
    assert not gone.ok and gone.error == "HTTP 404" and slept == []
    nohead = cel.check_url("https://nohead.org/", fetch, sleep=slept.append)
    assert nohead.ok
    assert ("https://nohead.org/", "GET") in fetch.calls


def test_retries_run_out():
    fetch = FakeFetch({"https://down.org/": [502]})
    slept = []
    result = cel.check_url("https://down.org/", fetch, retries=2, sleep=slept.append)
    assert not result.ok and result.status == 502 and slept == [1.0, 2.0]


def test_network_errors_are_told_apart_from_answers():
    assert cel.is_network_error(no_network_error())
    assert cel.is_network_error(urllib.error.URLError(ConnectionRefusedError()))
    assert cel.is_network_error(TimeoutError())
    assert not cel.is_network_error(ValueError("bad url"))


def run(links, fetch, tmp_path, **kwargs):
    out = io.StringIO()
    code = cel.run(links, online=True, allow=kwargs.pop("allow", set()), cache_path=tmp_path / "links.json",
                   max_age=7 * DAY, retries=1, timeout=1.0, fetch=fetch, sleep=lambda s: None, out=out)
    return code, out.getvalue()


def test_no_network_exits_2_with_a_clear_message_and_checks_nothing(tmp_path):
    links = {"https://a.org/": ["index.html"], "https://b.org/x": ["about/index.html"]}
    fetch = FakeFetch({url: [no_network_error()] for url in links})
    code, out = run(links, fetch, tmp_path)
    assert code == cel.EXIT_NO_NETWORK == 2
    assert "No network" in out and "scheduled CI job" in out and "Nothing was checked" in out
    assert not (tmp_path / "links.json").exists()


def test_an_online_run_reports_broken_links_and_uses_cache_and_allowlist(tmp_path):
    links = {"https://ok.org/": ["index.html"], "https://gone.org/": ["about/index.html"],
             "https://www.bls.gov/ooh/": ["salaries-and-trends/index.html"]}
    fetch = FakeFetch({"https://ok.org/": [200], "https://gone.org/": [404]})
    code, out = run(links, fetch, tmp_path, allow={"www.bls.gov"})
    assert code == cel.EXIT_BROKEN
    assert "BROKEN https://gone.org/: HTTP 404\n  linked from: about/index.html" in out
    assert "1 OK, 1 broken, 0 OK in the cache" in out and "1 allowlisted and not fetched" in out
    assert not any("bls.gov" in url for url, _ in fetch.calls)
    # Second run: the OK link comes from the cache, the broken one is asked again.
    fetch2 = FakeFetch({"https://gone.org/": [200]})
    code, out = run(links, fetch2, tmp_path, allow={"www.bls.gov"})
    assert code == cel.EXIT_OK
    assert [url for url, _ in fetch2.calls if url != "https://gone.org/"] == []
    assert "1 OK in the cache" in out


def test_listing_without_online_makes_no_request(tmp_path):
    out = io.StringIO()
    fetch = FakeFetch({})
    code = cel.run({"https://a.org/": ["index.html", "about/index.html"]}, online=False, allow=set(),
                   cache_path=tmp_path / "c.json", max_age=DAY, retries=0, timeout=1, fetch=fetch, out=out)
    assert code == 0 and fetch.calls == []
    assert "https://a.org/  (2 pages)" in out.getvalue() and "--online" in out.getvalue()


def test_external_links_from_a_built_site_are_all_listed(site):
    links = cel.sitecheck.external_links(site)
    assert len(links) > 20  # (that each is https is tests/test_links.py's job)
    assert not any("#" in u for u in links)  # fragments are dropped: one check per page
