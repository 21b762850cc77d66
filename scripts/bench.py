#!/usr/bin/env python3
"""The performance benchmark (`make bench`): one table, also written as JSON.

    python scripts/bench.py            # full run (5 builds per side, ~10 min on 2 cores)
    python scripts/bench.py --quick    # fewer repetitions (a few minutes)
    python scripts/bench.py --only build,weight   # some sections only

Sections (all measured in one run, side by side):

  build       cold `mkdocs build --strict` of the real site, median of N, next
              to the same pages built with plain Material: every macro call
              replaced by the Markdown it renders to, no macros plugin, no hooks.
  scale       synthetic corpora in the project's own data format (term files
              in data/glossary/, pages calling term()) at 1x, ~10x and ~100x:
              build time, time per page, peak RSS, site and search index size.
  weight      bytes a first visit downloads (HTML, CSS, JS, search index,
              images, fonts), raw and gzip, recorded by Playwright in Chromium.
  lighthouse  scores with the mobile preset (npm `lighthouse` from bench/,
              installed with `npm ci`; the system Chromium, no browser download).
  preview     seconds from saving a page or a term to the rebuilt page in
              `mkdocs serve`.

Budgets are reported as PASS/FAIL rows, not asserted. Everything is built in
temporary directories; results go to bench-results/bench.json (git-ignored).
The pure parts (corpus generator, baseline config, budget evaluation, the
table) are imported by tests/test_bench.py.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gzip
import http.server
import json
import mimetypes
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from chromium import find_chromium, launch_args  # scripts/chromium.py

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS = ROOT / "bench-results" / "bench.json"

# What a copy of the project needs to build; everything else stays behind.
SKIP_IN_COPY = {
    ".git", ".venv", "site", "bench", "bench-results", "tests", "node_modules",
    ".pytest_cache", ".hypothesis", "__pycache__", "test-results", ".ci", ".github",
}
# The three pages the weight and Lighthouse sections visit: (label, URL path).
PAGES = [("home", ""), ("skill", "skills/programming/"), ("glossary", "glossary/")]
# Synthetic sizes: (label, terms, pages). 1x is today's site as it is.
SIZES = [("1x", None, None), ("10x", 600, 200), ("100x", 2000, 1000)]

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# Budgets from issue 7. kB = 1,000 bytes.
BUDGET_OVERHEAD_PCT = 15.0
BUDGET_SCALE_RATIO = 1.5
BUDGET_WEIGHT_KB = {"glossary": 150.0}
BUDGET_WEIGHT_DEFAULT_KB = 100.0
BUDGET_LIGHTHOUSE = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
BUDGET_PREVIEW_S = 2.0


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# mkdocs.yml: load and dump without losing tags (!ENV, !!python/name:...)
# ---------------------------------------------------------------------------

@dataclass
class Tagged:
    """A YAML node with a tag we don't interpret, dumped back unchanged."""
    tag: str
    value: Any


class _ConfigLoader(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node, prefix: str) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        value: Any = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return Tagged(prefix + suffix, value)


_ConfigLoader.add_multi_constructor("!", functools.partial(_construct_tagged, prefix="!"))
_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", functools.partial(_construct_tagged, prefix="tag:yaml.org,2002:python/"))


class _ConfigDumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_ConfigDumper.add_representer(Tagged, _represent_tagged)


def load_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - safe subclass


def dump_config(config: dict, path: Path) -> None:
    path.write_text(yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


def plugin_name(item: Any) -> str:
    return item if isinstance(item, str) else next(iter(item))


def baseline_config(config: dict) -> dict:
    """The same site with plain Material: no macros plugin, no hooks from macros/."""
    config = dict(config)
    config["plugins"] = [p for p in config.get("plugins", []) if plugin_name(p) != "macros"]
    hooks = [h for h in config.get("hooks", []) if not str(h).startswith("macros/")]
    if hooks:
        config["hooks"] = hooks
    else:
        config.pop("hooks", None)
    return config


# ---------------------------------------------------------------------------
# Project copies and the synthetic corpus
# ---------------------------------------------------------------------------

def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A copy of what the site is built from (config, docs, data, macros, overrides...)."""
    dest.mkdir(parents=True, exist_ok=True)
    for src in root.iterdir():
        if src.name in SKIP_IN_COPY or src.name.startswith(".") and src.is_dir():
            continue
        if src.is_dir():
            shutil.copytree(src, dest / src.name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / src.name)
    return dest


_WORDS = (
    "model data feature training validation error loss gradient batch sample signal noise pipeline "
    "deployment metric baseline experiment estimate variance bias distribution label prediction "
    "pattern weight layer tensor vector matrix probability threshold cluster score latency "
    "throughput service monitoring drift schema record query index cache storage release review"
).split()
_ADJECTIVES = (
    "adaptive bayesian causal dense elastic federated greedy hierarchical incremental joint kernel "
    "latent modular nested online parallel quantile robust sparse temporal uniform variational "
    "weighted zero-shot"
).split()
_NOUNS = (
    "aggregation bootstrap calibration decoder embedding filter gate hashing imputation jitter "
    "kriging lattice mixture normaliser optimiser pooling quantiser resampler sampler tokeniser "
    "update vectoriser window"
).split()
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_term(index: int, rng: random.Random, categories: list[str], ids: list[str]) -> tuple[str, str]:
    """(id, file text) of one valid term file, in the format of data/glossary/<id>.md."""
    letter = _LETTERS[index % 26]
    adjective, noun = rng.choice(_ADJECTIVES), rng.choice(_NOUNS)
    term_id = f"{letter}-syn-{index:05d}"
    title = f"{letter.upper()}-{adjective} {noun} {index}"
    related = rng.sample(ids, k=min(3, len(ids))) if ids else []
    fields = {
        "id": term_id,
        "title": title,
        "short": f"A synthetic {adjective} {noun} used to measure how the build grows with the glossary.",
        "aliases": [f"synthetic {noun} {index}", f"syn{index:05d}"],
        "category": rng.choice(categories),
        "related": related,
        "sources": [{"title": f"Benchmark source {index}", "url": f"https://example.org/terms/{term_id}"}],
    }
    body = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
    front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)
    return term_id, f"---\n{front}---\n{body}\n"


def _term_call(rng: random.Random, term_id: str, names: dict[str, list[str]]) -> str:
    """A `term()` call naming the term the way authors do: id, title, alias, plural."""
    choice = rng.random()
    if choice < 0.5:
        text = term_id
    elif choice < 0.8:
        text = rng.choice(names[term_id])
    else:
        return f'{{{{ term("{term_id}", "{term_id.replace("-", " ")} here") }}}}'
    return f'{{{{ term("{text}") }}}}'


def synthetic_page(index: int, rng: random.Random, term_ids: list[str], names: dict[str, list[str]],
                   calls: int = 12, sections: int = 5) -> str:
    """A page of about 800 words with `calls` term() calls, like the guide's own pages."""
    lines = [f"# Synthetic page {index}", "", _sentence(rng, 30), ""]
    paragraphs = sections * 3
    for section in range(sections):
        lines += [f"## Section {section + 1} of page {index}", ""]
        for paragraph in range(section * 3, section * 3 + 3):
            count = calls // paragraphs + (paragraph < calls % paragraphs)
            picks = [_term_call(rng, t, names) for t in rng.sample(term_ids, k=min(count, len(term_ids)))]
            sentences = [_sentence(rng) for _ in range(4)]
            see = " See " + ", ".join(picks) + "." if picks else ""
            lines += [" ".join(sentences[:2]) + see + " " + " ".join(sentences[2:]), ""]
    return "\n".join(lines)


def _nav_sections(pages: list[str], per_section: int = 50) -> list[dict]:
    sections = []
    for start in range(0, len(pages), per_section):
        chunk = pages[start:start + per_section]
        sections.append({f"Generated {start // per_section + 1:02d}": chunk})
    return sections


def generate_corpus(dest: Path, terms: int | None, pages: int | None, root: Path = ROOT,
                    seed: int = 7) -> dict:
    """A copy of the project grown to `terms` glossary terms and `pages` pages.

    The real terms and pages stay; synthetic term files are added to
    data/glossary/ and synthetic pages (calling term()) to docs/generated/,
    listed in the nav in sections of 50 (navigation.prune keeps each page's
    nav small). None keeps today's size. Returns counts.
    """
    copy_project(dest, root)
    rng = random.Random(seed)
    glossary_dir = dest / "data" / "glossary"
    real_terms = sorted(p.stem for p in glossary_dir.glob("*.md"))
    real_pages = sorted(p for p in (dest / "docs").rglob("*.md"))
    categories = [c["id"] for c in yaml.safe_load((dest / "data" / "glossary-categories.yml").read_text())]
    ids = list(real_terms)
    names: dict[str, list[str]] = {}
    synthetic_ids: list[str] = []
    for index in range(max(0, (terms or 0) - len(real_terms))):
        term_id, text = synthetic_term(index, rng, categories, synthetic_ids[-50:])
        synthetic_ids.append(term_id)
        (glossary_dir / f"{term_id}.md").write_text(text, encoding="utf-8")
        front = yaml.safe_load(text.split("---\n")[1])
        names[term_id] = [front["title"], front["title"].lower() + "s", *front["aliases"]]
        ids.append(term_id)
    for term_id in real_terms:
        names[term_id] = [term_id.replace("-", " ")]
    generated = []
    for index in range(max(0, (pages or 0) - len(real_pages))):
        src = f"generated/section-{index // 50 + 1:02d}/page-{index + 1:04d}.md"
        path = dest / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(synthetic_page(index + 1, rng, ids, names), encoding="utf-8")
        generated.append(src)
    if generated:
        config = load_config(dest / "mkdocs.yml")
        config.setdefault("nav", []).append({"Generated": _nav_sections(generated)})
        dump_config(config, dest / "mkdocs.yml")
    return {
        "terms": len(ids),
        "pages": len(list((dest / "docs").rglob("*.md"))),
        "synthetic_terms": len(ids) - len(real_terms),
        "synthetic_pages": len(generated),
    }


_CAPTURE_HOOK = '''\
"""Bench: write each page's Markdown as the macros plugin rendered it, and the nav."""
import json
import os
from pathlib import Path

import yaml


def on_config(config):
    # Runs after the project's own hooks: the nav as they completed it.
    out = Path(os.environ["BENCH_CAPTURE_DIR"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "_nav.json").write_text(json.dumps(config["nav"]), encoding="utf-8")
    return config


def on_page_markdown(markdown, page, config, files):
    out = Path(os.environ["BENCH_CAPTURE_DIR"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in (page.meta or {}).items()}
    front = "---\\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\\n\\n" if meta else ""
    out.write_text(front + markdown, encoding="utf-8")
    return markdown
'''


def make_baseline(real: Path, dest: Path, work: Path) -> Path:
    """The real project's pages as plain Markdown, built with plain Material.

    A build of `real` with an extra hook (run after the macros plugin and
    the project's hooks) writes each page as rendered and the nav as the
    hooks completed it; those pages replace the sources, the nav is written
    out in full, the macros plugin and the macros/ hooks are removed from the
    config, and the glossary.json the hook generated becomes a static file. Same pages, same theme, same
    Markdown extensions: only the macros and glossary machinery is gone.
    """
    capture_project = copy_project(work / "capture", real)
    captured = work / "captured"
    (capture_project / "_bench_capture.py").write_text(_CAPTURE_HOOK, encoding="utf-8")
    config = load_config(capture_project / "mkdocs.yml")
    config["hooks"] = [*config.get("hooks", []), "_bench_capture.py"]
    dump_config(config, capture_project / "mkdocs.yml")
    run = timed_build(capture_project, work / "capture-site", {"BENCH_CAPTURE_DIR": str(captured)})
    if run.returncode != 0:
        raise RuntimeError(f"capture build failed:\n{run.output[-3000:]}")
    copy_project(dest, real)
    for path in captured.rglob("*.md"):
        target = dest / "docs" / path.relative_to(captured)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    generated_json = work / "capture-site" / "glossary.json"
    if generated_json.exists():
        shutil.copy2(generated_json, dest / "docs" / "glossary.json")
    config = baseline_config(load_config(dest / "mkdocs.yml"))
    config["nav"] = json.loads((captured / "_nav.json").read_text(encoding="utf-8"))
    dump_config(config, dest / "mkdocs.yml")
    leftovers = [p for p in (dest / "docs").rglob("*.md") if "{{" in p.read_text(encoding="utf-8")]
    if leftovers:
        raise RuntimeError(f"baseline pages still call macros: {leftovers}")
    return dest


# ---------------------------------------------------------------------------
# Timed builds
# ---------------------------------------------------------------------------

@dataclass
class BuildRun:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str
    internal_seconds: float | None = None


def mkdocs_env(extra: dict | None = None) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def timed_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> BuildRun:
    """A cold `mkdocs build --strict` in a new process: wall time and its own peak RSS."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
            cwd=project, env=mkdocs_env(extra_env), stdout=out, stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    match = re.search(r"Documentation built in ([\d.]+) seconds", output)
    return BuildRun(seconds, usage.ru_maxrss / 1024, proc.returncode, output,
                    float(match.group(1)) if match else None)


def _checked(run: BuildRun, what: str) -> BuildRun:
    if run.returncode != 0:
        raise RuntimeError(f"{what}: strict build failed:\n{run.output[-3000:]}")
    return run


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_build(work: Path, runs: int) -> dict:
    real = ROOT  # the working tree itself: a git checkout, as the hooks expect
    log("build: rendering the baseline pages (plain Markdown, no macros)")
    base = make_baseline(real, work / "baseline", work / "baseline-work")
    real_runs, base_runs = [], []
    for i in range(runs):  # interleaved, so drift in the machine hits both sides
        real_runs.append(_checked(timed_build(real, work / "real-site"), "real site"))
        base_runs.append(_checked(timed_build(base, work / "baseline-site"), "baseline"))
        log(f"build {i + 1}/{runs}: real {real_runs[-1].seconds:.2f} s, plain {base_runs[-1].seconds:.2f} s")
    real_s = statistics.median(r.seconds for r in real_runs)
    base_s = statistics.median(r.seconds for r in base_runs)
    return {
        "runs": runs,
        "real_s": real_s,
        "baseline_s": base_s,
        "real_internal_s": statistics.median(r.internal_seconds or 0 for r in real_runs),
        "baseline_internal_s": statistics.median(r.internal_seconds or 0 for r in base_runs),
        "real_all_s": [round(r.seconds, 3) for r in real_runs],
        "baseline_all_s": [round(r.seconds, 3) for r in base_runs],
        "ratio": real_s / base_s,
        "overhead_pct": (real_s / base_s - 1) * 100,
    }


def bench_scale(work: Path, runs: int) -> list[dict]:
    rows = []
    for label, terms, pages in SIZES:
        project = work / f"corpus-{label}"
        counts = generate_corpus(project, terms, pages)
        log(f"scale {label}: {counts['terms']} terms, {counts['pages']} pages")
        results = []
        for _ in range(runs):
            results.append(_checked(timed_build(project, work / f"corpus-{label}-site"), f"corpus {label}"))
            log(f"scale {label}: {results[-1].seconds:.2f} s, {results[-1].peak_rss_mb:.0f} MB")
        site = work / f"corpus-{label}-site"
        index = site / "search" / "search_index.json"
        seconds = statistics.median(r.seconds for r in results)
        rows.append({
            "size": label, **counts, "runs": runs,
            "build_s": seconds,
            "internal_s": statistics.median(r.internal_seconds or 0 for r in results),
            "per_page_ms": seconds / counts["pages"] * 1000,
            "peak_rss_mb": max(r.peak_rss_mb for r in results),
            "site_mb": dir_size(site) / 1e6,
            "search_index_mb": index.stat().st_size / 1e6,
            "glossary_html_mb": (site / "glossary" / "index.html").stat().st_size / 1e6,
        })
        shutil.rmtree(project)
        shutil.rmtree(site)
    add_marginal(rows)
    return rows


def add_marginal(rows: list[dict]) -> None:
    """Milliseconds each added page cost, from the previous size to this one."""
    for before, row in zip(rows, rows[1:], strict=False):
        added = row["pages"] - before["pages"]
        row["marginal_ms_per_page"] = (row["build_s"] - before["build_s"]) / added * 1000 if added else None


# ---------------------------------------------------------------------------
# Serving the built site (gzip, as a real host does)
# ---------------------------------------------------------------------------

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text types; records what was sent."""

    log_entries: list = []  # replaced per server

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass

    def do_GET(self):  # noqa: N802 - the stdlib's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        data = path.read_bytes() if path.is_file() else b"Not found"
        ctype = self.guess_type(str(path))
        raw = len(data)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip_bytes(data)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.log_entries.append((self.path, status, raw, len(data)))


@functools.lru_cache(maxsize=4096)
def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


@contextlib.contextmanager
def serve_site(site: Path, port: int = 0):
    entries: list = []
    handler = type("Handler", (SiteHandler,), {"log_entries": entries})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", entries
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------
# Weight of a first visit
# ---------------------------------------------------------------------------

def classify(url: str, content_type: str) -> str:
    path = url.split("?")[0]
    if path.endswith("search_index.json"):
        return "search index"
    if "html" in content_type:
        return "html"
    if "css" in content_type or path.endswith(".css"):
        return "css"
    if "javascript" in content_type or path.endswith(".js"):
        return "js"
    if content_type.startswith("image/"):
        return "images"
    if content_type.startswith("font/") or path.endswith((".woff", ".woff2", ".ttf")):
        return "fonts"
    return "other"


def gzip_size(body: bytes, content_type: str) -> int:
    return len(gzip_bytes(body)) if content_type.startswith(COMPRESSIBLE) else len(body)


def build_for_serving(work: Path, name: str) -> tuple[Path, int]:
    """The real site built for http://127.0.0.1:<port>/ as its site_url, as when deployed
    (Material's instant navigation and the sitemap use it)."""
    port = free_port()
    site = work / name
    _checked(timed_build(ROOT, site, {"SITE_URL": f"http://127.0.0.1:{port}/"}), "real site")
    return site, port


def bench_weight(site: Path, port: int = 0) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve_site(site, port) as (base_url, entries), sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        for label, path in PAGES:
            context = browser.new_context()  # empty cache: a first visit
            seen: dict[str, tuple[str, int]] = {}

            def record(response, seen=seen):
                if response.url in seen or not response.url.startswith(base_url):
                    return
                with contextlib.suppress(Exception):
                    seen[response.url] = (response.headers.get("content-type", ""), len(response.body()))

            context.on("response", record)
            page = context.new_page()
            entries.clear()
            page.goto(base_url + path, wait_until="networkidle")
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and not any(e[0].endswith("search_index.json") for e in entries):
                page.wait_for_timeout(100)
            page.wait_for_timeout(500)
            # The search worker's fetch may not surface as a page response:
            # the server's own log of this visit fills any gap.
            from_log = []
            for request_path, status, raw, _sent in list(entries):
                url = base_url + request_path.lstrip("/")
                if url not in seen and status == 200:
                    ctype = mimetypes.guess_type(request_path.split("?")[0])[0] or "application/octet-stream"
                    seen[url] = (ctype, raw)
                    from_log.append(request_path)
            context.close()
            totals: dict[str, dict[str, int]] = {}
            for url, (ctype, raw) in seen.items():
                local = site / url[len(base_url):].split("?")[0]
                if local.is_dir() or url[len(base_url):] == "":
                    local = local / "index.html"
                body = local.read_bytes() if local.is_file() else b""
                kind = classify(url, ctype)
                bucket = totals.setdefault(kind, {"raw": 0, "gzip": 0, "requests": 0})
                bucket["raw"] += raw
                bucket["gzip"] += gzip_size(body, ctype) if body else raw
                bucket["requests"] += 1
            rows.append({
                "page": label, "path": "/" + path,
                "raw_kb": sum(b["raw"] for b in totals.values()) / 1000,
                "gzip_kb": sum(b["gzip"] for b in totals.values()) / 1000,
                "requests": sum(b["requests"] for b in totals.values()),
                "by_type": totals,
                "urls": sorted(u[len(base_url) - 1:] for u in seen),
                "seen_only_by_server": sorted(from_log),
            })
        browser.close()
    return rows


# ---------------------------------------------------------------------------
# Lighthouse (npm, installed from bench/package-lock.json)
# ---------------------------------------------------------------------------

def ensure_lighthouse() -> Path:
    """`npm ci` in bench/ when node_modules is missing or older than the lock."""
    binary = BENCH_DIR / "node_modules" / ".bin" / "lighthouse"
    stamp = BENCH_DIR / "node_modules" / ".bench-installed"
    lock = BENCH_DIR / "package-lock.json"
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise SystemExit("Lighthouse needs node (>= 18.20) and npm: `apt-get install nodejs npm`, "
                         "or leave it out with --only build,scale,weight,preview")
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime or not binary.exists():
        log("lighthouse: npm ci in bench/ (no install scripts, no browser download)")
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=BENCH_DIR, check=True)
        stamp.touch()
    return binary


def chrome_for_lighthouse() -> str:
    path = find_chromium()
    if path:
        return path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        return p.chromium.executable_path


def bench_lighthouse(site: Path, runs: int, port: int = 0) -> list[dict]:
    binary = ensure_lighthouse()
    env = {**os.environ, "CHROME_PATH": chrome_for_lighthouse()}
    rows = []
    with tempfile.TemporaryDirectory() as tmp, serve_site(site, port) as (base_url, _):
        for label, path in PAGES:
            scores: dict[str, list[int]] = {c: [] for c in LIGHTHOUSE_CATEGORIES}
            metrics: dict[str, list[float]] = {}
            failing: set[str] = set()
            for run in range(runs):
                report = Path(tmp) / f"{label}-{run}.json"
                subprocess.run(
                    [str(binary), base_url + path, "--quiet", "--output=json", f"--output-path={report}",
                     "--form-factor=mobile", "--chrome-flags=--headless --no-sandbox",
                     f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}"],
                    env=env, check=True, timeout=240, stdout=subprocess.DEVNULL,
                )
                data = json.loads(report.read_text(encoding="utf-8"))
                for category in LIGHTHOUSE_CATEGORIES:
                    scores[category].append(round(data["categories"][category]["score"] * 100))
                for audit in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                              "cumulative-layout-shift", "speed-index"):
                    metrics.setdefault(audit, []).append(data["audits"][audit]["numericValue"])
                failing |= {
                    f"{cat}: {ref['id']}" for cat in ("accessibility", "best-practices", "seo")
                    for ref in data["categories"][cat]["auditRefs"]
                    if ref["weight"] > 0 and data["audits"][ref["id"]]["score"] is not None
                    and data["audits"][ref["id"]]["score"] < 1
                }
            log(f"lighthouse {label}: {', '.join(f'{c} {statistics.median(v):.0f}' for c, v in scores.items())}")
            rows.append({
                "page": label, "path": "/" + path, "runs": runs,
                **{c: int(statistics.median(v)) for c, v in scores.items()},
                "all": scores,
                "metrics_ms": {k: round(statistics.median(v), 1) for k, v in metrics.items()},
                "failing_audits": sorted(failing),
            })
    return rows


# ---------------------------------------------------------------------------
# Live preview: save -> rebuilt page in `mkdocs serve`
# ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 30) -> str:
    """The page's text, or "" for an error status or no answer."""
    return fetch_final(url, timeout)[1]


def fetch_final(url: str, timeout: float = 30) -> tuple[str, str]:
    """(URL after redirects, text); text is "" for an error status or no answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.geturl(), response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return url, ""


def wait_for(url: str, token: str, timeout: float) -> float | None:
    """Seconds until the page at url contains token, polling every 50 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if token in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def bench_preview(work: Path, runs: int) -> dict:
    project = copy_project(work / "preview")
    port = free_port()
    root_url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile("w+") as out:
        # `mkdocs serve` mounts the site under site_url's path: serve it at the root.
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=mkdocs_env({"SITE_URL": root_url}), stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            if wait_for(root_url, "</html>", 120) is None:
                out.seek(0)
                raise RuntimeError(f"mkdocs serve did not start:\n{out.read()[-3000:]}")
            base_url = fetch_final(root_url)[0]  # where the home page ended up
            if not base_url.endswith("/"):
                base_url += "/"
            time.sleep(1.5)  # let the file watcher take its first snapshot
            targets = {
                "page": (project / "docs" / "who-hires.md", "who-hires/",
                         lambda text, token: text.rstrip() + f"\n\nPreview marker {token}.\n"),
                "term": (project / "data" / "glossary" / "overfitting.md", "glossary/",
                         lambda text, token: text.rstrip() + f" Preview marker {token}.\n"),
            }
            result: dict[str, Any] = {"runs": runs}
            for kind, (path, url_path, edit) in targets.items():
                original = path.read_text(encoding="utf-8")
                times = []
                for run in range(runs):
                    token = f"bench{kind}{run}x{int(time.time() * 1000)}"
                    path.write_text(edit(original, token), encoding="utf-8")
                    seconds = wait_for(base_url + url_path, token, 60)
                    if seconds is None:
                        raise RuntimeError(f"preview: the {kind} edit never showed up at {url_path}")
                    times.append(seconds)
                    log(f"preview {kind} {run + 1}/{runs}: {seconds:.2f} s")
                    time.sleep(1.0)
                path.write_text(original, encoding="utf-8")
                time.sleep(2.0)  # let the restoring rebuild finish before the next kind
                result[f"{kind}_s"] = statistics.median(times)
                result[f"{kind}_all_s"] = [round(t, 3) for t in times]
            return result
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# ---------------------------------------------------------------------------
# Budgets and the table (pure: tests/test_bench.py)
# ---------------------------------------------------------------------------

def _status(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def evaluate_budgets(results: dict) -> list[dict]:
    """One row per budget of issue 7: measured value, limit and PASS/FAIL."""
    budgets = []

    def add(name: str, measured: float, limit: str, ok: bool, shown: str) -> None:
        budgets.append({"budget": name, "measured": measured, "shown": shown, "limit": limit,
                        "status": _status(ok)})

    build = results.get("build")
    if build:
        add("Macros and glossary overhead over plain Material", build["overhead_pct"],
            f"<= {BUDGET_OVERHEAD_PCT:g} %", build["overhead_pct"] <= BUDGET_OVERHEAD_PCT,
            f"{build['overhead_pct']:+.1f} %")
    scale = results.get("scale")
    if scale:
        smallest = min(scale, key=lambda r: r["pages"])
        largest = max(scale, key=lambda r: r["pages"])
        ratio = largest["per_page_ms"] / smallest["per_page_ms"]
        add(f"Per-page build time, {largest['size']} / {smallest['size']}", ratio,
            f"<= {BUDGET_SCALE_RATIO:g}x", ratio <= BUDGET_SCALE_RATIO, f"{ratio:.2f}x")
    for row in results.get("weight") or []:
        limit = BUDGET_WEIGHT_KB.get(row["page"], BUDGET_WEIGHT_DEFAULT_KB)
        add(f"First visit, {row['page']} page (gzip, incl. search index)", row["gzip_kb"],
            f"<= {limit:g} kB", row["gzip_kb"] <= limit, f"{row['gzip_kb']:.1f} kB")
    for row in results.get("lighthouse") or []:
        for category, minimum in BUDGET_LIGHTHOUSE.items():
            add(f"Lighthouse mobile {category}, {row['page']} page", row[category],
                f">= {minimum}", row[category] >= minimum, str(row[category]))
    preview = results.get("preview")
    if preview:
        for kind in ("page", "term"):
            seconds = preview[f"{kind}_s"]
            add(f"Live preview after saving a {kind}", seconds, f"< {BUDGET_PREVIEW_S:g} s",
                seconds < BUDGET_PREVIEW_S, f"{seconds:.2f} s")
    return budgets


def table_rows(results: dict) -> list[tuple[str, str, str, str, str]]:
    """(area, measure, result, budget, status) rows of the one table."""
    rows: list[tuple[str, str, str, str, str]] = []
    budgets = {b["budget"]: b for b in results.get("budgets") or evaluate_budgets(results)}

    def budget_cells(name: str) -> tuple[str, str]:
        b = budgets.get(name)
        return (b["limit"], b["status"]) if b else ("", "")

    build = results.get("build")
    if build:
        rows.append(("Build", f"Real site, cold strict build (median of {build['runs']})",
                     f"{build['real_s']:.2f} s", "", ""))
        rows.append(("Build", "Same pages, plain Material, no macros or glossary",
                     f"{build['baseline_s']:.2f} s", "", ""))
        name = "Macros and glossary overhead over plain Material"
        rows.append(("Build", "Macros and glossary overhead (ratio)",
                     f"{build['ratio']:.3f} ({build['overhead_pct']:+.1f} %)", *budget_cells(name)))
    scale = results.get("scale")
    if scale:
        for row in scale:
            marginal = row.get("marginal_ms_per_page")
            rows.append((
                f"Scale {row['size']}", f"{row['terms']:,} terms, {row['pages']:,} pages",
                f"{row['build_s']:.1f} s build, {row['per_page_ms']:.0f} ms/page"
                + (f" ({marginal:.0f} ms per added page)" if marginal else "") + ", "
                f"{row['peak_rss_mb']:.0f} MB peak RSS, site {row['site_mb']:.1f} MB, "
                f"search index {row['search_index_mb']:.2f} MB", "", ""))
        largest = max(scale, key=lambda r: r["pages"])
        smallest = min(scale, key=lambda r: r["pages"])
        name = f"Per-page build time, {largest['size']} / {smallest['size']}"
        rows.append(("Scale", f"Per-page time, {largest['size']} / {smallest['size']}",
                     budgets[name]["shown"], *budget_cells(name)))
    for row in results.get("weight") or []:
        parts = ", ".join(f"{kind} {v['gzip'] / 1000:.1f}" for kind, v in sorted(row["by_type"].items()))
        name = f"First visit, {row['page']} page (gzip, incl. search index)"
        index = row["by_type"].get("search index", {}).get("gzip", 0) / 1000
        rows.append(("Weight", f"First visit, {row['page']} ({row['path']}), {row['requests']} requests",
                     f"{row['raw_kb']:.1f} kB raw, {row['gzip_kb']:.1f} kB gzip ({parts}); "
                     f"{row['gzip_kb'] - index:.1f} kB gzip without the search index", *budget_cells(name)))
    for row in results.get("lighthouse") or []:
        names = [f"Lighthouse mobile {c}, {row['page']} page" for c in BUDGET_LIGHTHOUSE]
        statuses = [budgets[n]["status"] for n in names if n in budgets]
        status = "PASS" if all(s == "PASS" for s in statuses) else "FAIL"
        rows.append(("Lighthouse", f"{row['page']} ({row['path']}), mobile",
                     " / ".join(str(row[c]) for c in LIGHTHOUSE_CATEGORIES)
                     + " (perf / a11y / best practices / SEO)", ">= 98 / 100 / 100 / 100", status))
    preview = results.get("preview")
    if preview:
        for kind, what in (("page", "a page"), ("term", "a glossary term")):
            name = f"Live preview after saving a {kind}"
            rows.append(("Live preview", f"Save {what} -> rebuilt page (median of {preview['runs']})",
                         f"{preview[f'{kind}_s']:.2f} s", *budget_cells(name)))
    return rows


def format_table(results: dict) -> str:
    header = ("Area", "Measure", "Result", "Budget", "Status")
    rows = table_rows(results)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Machine and main
# ---------------------------------------------------------------------------

def _version(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unavailable"


def machine() -> dict:
    from importlib.metadata import version

    mem_kb = 0
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    chromium = find_chromium()
    lighthouse = BENCH_DIR / "node_modules" / "lighthouse" / "package.json"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "nproc": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "chromium": _version([chromium, "--version"]) if chromium else "Playwright's Chromium",
        "node": _version(["node", "--version"]),
        "lighthouse": json.loads(lighthouse.read_text())["version"] if lighthouse.exists() else "not installed",
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "mkdocs-macros-plugin": version("mkdocs-macros-plugin"),
    }


def machine_line(info: dict) -> str:
    load = info.get("load_average_1min")
    load_text = f", load average {load[0]} -> {load[1]}" if isinstance(load, list) else ""
    return (f"{info['date']}; {info['nproc']} cores, {info['ram_gib']} GiB RAM{load_text}, {info['os']}; "
            f"Python {info['python']}; {info['chromium']}; node {info['node']}, Lighthouse {info['lighthouse']}; "
            f"mkdocs {info['mkdocs']}, Material {info['mkdocs-material']}, "
            f"macros {info['mkdocs-macros-plugin']}")


SECTIONS = ("build", "scale", "weight", "lighthouse", "preview")


def wait_for_quiet(max_wait: float, threshold: float = 1.0) -> None:
    """On a shared machine, wait (at most max_wait s) until the 1-minute load
    average drops below threshold, so other work skews the timings less."""
    deadline = time.monotonic() + max_wait
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        log(f"waiting for a quieter machine (load average {os.getloadavg()[0]:.1f})")
        time.sleep(15)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a few minutes)")
    parser.add_argument("--runs", type=int, help="builds per side for the build section (default 5, quick 3)")
    parser.add_argument("--only", help=f"comma-separated sections of {', '.join(SECTIONS)}")
    parser.add_argument("--json", type=Path, default=RESULTS, help="where to write the results")
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                        help="before each section, wait up to SECONDS for the load average to drop below 1")
    args = parser.parse_args(argv)
    sections = [s.strip() for s in (args.only or ",".join(SECTIONS)).split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    runs = args.runs or (3 if args.quick else 5)
    results: dict[str, Any] = {"quick": args.quick, "machine": machine()}
    load_before = results["machine"]["load_average_1min"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        load_average = results["load_average"] = {}

        def start(section: str) -> bool:
            if section not in sections:
                return False
            if args.wait_quiet:
                wait_for_quiet(args.wait_quiet)
            load_average[section] = round(os.getloadavg()[0], 2)
            return True

        if start("build"):
            results["build"] = bench_build(work, runs)
        if start("scale"):
            results["scale"] = bench_scale(work, 1 if args.quick else 2)
        if start("weight"):
            log("weight: first visits in Chromium")
            results["weight"] = bench_weight(*build_for_serving(work, "weight-site"))
        if start("lighthouse"):
            site, port = build_for_serving(work, "lighthouse-site")
            results["lighthouse"] = bench_lighthouse(site, 1 if args.quick else 3, port)
        if start("preview"):
            results["preview"] = bench_preview(work, 3 if args.quick else 5)
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["machine"] = machine()  # after npm ci, so the Lighthouse version is known
    results["machine"]["load_average_1min"] = [load_before, results["machine"]["load_average_1min"]]
    results["budgets"] = evaluate_budgets(results)
    results["table"] = format_table(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    loads = ", ".join(f"{k} {v}" for k, v in results.get("load_average", {}).items())
    print(f"\nBenchmark, {machine_line(results['machine'])}"
          + (f"; load average at the start of each section: {loads}" if loads else "") + "\n")
    print(results["table"])
    print(f"\n{sum(b['status'] == 'PASS' for b in results['budgets'])} of {len(results['budgets'])} budgets "
          f"hold; took {results['seconds']:.0f} s; JSON in {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
