"""The four builds of the trial: the control and the three routes out."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import PROPERDOCS, ZENSICAL
from .adapt import FOR_ZENSICAL, NO_MACROS, NOT_STRICT, adapt
from .builds import BuildResult, build_env, run_build
from .checks import Check, check_all
from .compare import PAGE_DATE, TAGS, Comparison, compare_sites
from .log import log
from .project import site_copy
from .testrun import TestRun, run_site_tests
from .venvs import InstallError, Venv, added_to, locked_versions, make_venv

# Appended to docs/about.md of a copy: a strict build must refuse each.
PROBES = {
    "a link to a missing page": "\n\nTrial probe: [a missing page](no-such-page.md).\n",
    "a link to a missing anchor": "\n\nTrial probe: [a missing anchor](index.md#no-such-anchor).\n",
}


@dataclass
class Step:
    """One build of a route that takes several (route 2)."""
    what: str
    build: BuildResult
    adaptations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"what": self.what, "adaptations": self.adaptations, **self.build.as_dict()}


@dataclass
class RouteResult:
    key: str
    title: str
    build: BuildResult | None = None
    steps: list[Step] = field(default_factory=list)
    comparison: Comparison | None = None
    comparison_without_dates: Comparison | None = None
    comparison_core: Comparison | None = None   # without the page dates and the tag list Zensical shows
    checks: list[Check] = field(default_factory=list)
    checked: str = ""                  # which build the checks are of, when not the route's own
    strictness: list[Check] = field(default_factory=list)
    tests: TestRun | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.build is not None and self.build.passed

    def as_dict(self) -> dict:
        return {
            "key": self.key, "title": self.title, "error": self.error, "notes": self.notes,
            "build": self.build.as_dict() if self.build else None,
            "steps": [s.as_dict() for s in self.steps],
            "article_text": self.comparison.as_dict() if self.comparison else None,
            "article_text_without_page_dates": (self.comparison_without_dates.as_dict()
                                                if self.comparison_without_dates else None),
            "article_text_without_page_dates_and_tags": (self.comparison_core.as_dict()
                                                         if self.comparison_core else None),
            "checks": [c.as_dict() for c in self.checks], "checks_of": self.checked,
            "strictness": [c.as_dict() for c in self.strictness],
            "tests": self.tests.as_dict() if self.tests else None,
        }


@dataclass
class Trial:
    """Where a run works, and what it shares between routes."""
    work: Path
    project: Path                      # the snapshot every build starts from
    lock: Path
    run_tests: bool = True
    real_site: Path | None = None      # the control's output, what every route is measured against
    zensical: str | None = None        # the Zensical version that installed
    zensical_refused: list[str] = field(default_factory=list)

    def venv(self, name: str) -> Venv:
        (self.work / "venvs").mkdir(exist_ok=True)
        return make_venv(self.work / "venvs" / name)

    def site(self, name: str) -> Path:
        return self.work / "sites" / name

    def measure(self, route: RouteResult, site: Path, log_text: str, strict: tuple | None) -> None:
        """Compare, check, probe strictness and run the tests on one route's output."""
        assert self.real_site is not None
        log(f"{route.key}: comparing with the real build")
        route.comparison = compare_sites(self.real_site, site)
        route.comparison_without_dates = compare_sites(self.real_site, site, ignore=(PAGE_DATE,))
        route.comparison_core = compare_sites(self.real_site, site, ignore=(PAGE_DATE, TAGS))
        route.checks = check_all(self.real_site, site)
        if strict is not None:
            generator, python, source = strict
            route.strictness = probe_strictness(generator, python, source, self.work / "probes" / route.key)
        if self.run_tests:
            log(f"{route.key}: the site-level tests against its output (this takes minutes)")
            build_log = self.work / "logs" / f"{route.key}.log"
            build_log.parent.mkdir(exist_ok=True)
            build_log.write_text(log_text, encoding="utf-8")
            route.tests = run_site_tests(self.project, site, build_log)


def probe_strictness(generator: str, python: str, source: Path, work: Path) -> list[Check]:
    """Does the strict build refuse a broken link, and a broken anchor? And does
    each warning still get the project's "Fix:" line (hooks/guard.py)?"""
    found, fixes = [], []
    for n, (what, text) in enumerate(PROBES.items()):
        log(f"strictness probe ({generator}): {what}")
        copy = site_copy(source, work / f"probe-{n}")
        about = copy / "docs" / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + text, encoding="utf-8")
        result = run_build(generator, python, copy, work / f"probe-{n}-site")
        first = result.first_errors(1)
        found.append(Check(f"strict: {what}", not result.passed,
                           f"build failed: {first[0] if first else '(no message)'}" if not result.passed
                           else "build passed: not caught"))
        fixes.append("Fix:" in result.output)
    found.append(Check("guard: Fix: lines", all(fixes), f"{sum(fixes)}/{len(fixes)} probe builds print the "
                       "project's Fix: line under the warning (hooks/guard.py's logging filter)"))
    return found


# -- Control: the build the site ships today ---------------------------------------

def control(trial: Trial) -> RouteResult:
    versions = locked_versions(trial.lock)
    route = RouteResult("control", f"Control: MkDocs {versions.get('mkdocs')} + Material "
                                   f"{versions.get('mkdocs-material')} + macros {versions.get('mkdocs-macros-plugin')}"
                                   " (the build as shipped, the project's .venv)")
    log("control: the real build")
    route.build = run_build("mkdocs", sys.executable, trial.project, trial.site("control"))
    if not route.passed:
        route.error = "the real build failed: nothing to measure the routes against"
        return route
    trial.real_site = route.build.site
    trial.measure(route, route.build.site, route.build.output, ("mkdocs", sys.executable, trial.project))
    return route


# -- Route 1: ProperDocs --------------------------------------------------------

def properdocs(trial: Trial) -> RouteResult:
    versions = locked_versions(trial.lock)
    route = RouteResult("properdocs", f"Route 1: ProperDocs {PROPERDOCS} + Material {versions.get('mkdocs-material')}"
                                      f" + macros {versions.get('mkdocs-macros-plugin')} (the site unchanged)")
    try:
        venv = trial.venv("properdocs")
        log("properdocs: the locked requirements less MkDocs (hashes checked), then ProperDocs")
        venv.install_lock(trial.lock, exclude={"mkdocs"})
        venv.install_pinned(f"properdocs=={PROPERDOCS}", deps=False)
    except (InstallError, subprocess.CalledProcessError) as error:
        route.error = f"install failed: {error}"
        return route
    route.notes.append(f"installed without hashes: properdocs=={PROPERDOCS} (its dependencies are all in the "
                       "lock, installed with hashes); MkDocs itself left out")
    route.notes += [f"pip check: {line}" for line in venv.check()]
    log("properdocs: the build")
    route.build = run_build("properdocs", venv.python, trial.project, trial.site("properdocs"))
    if route.passed and trial.real_site:
        trial.measure(route, route.build.site, route.build.output, ("properdocs", venv.python, trial.project))
    return route


# -- Route 2: Zensical on the site as it is -----------------------------------------

def install_zensical(trial: Trial, venv: Venv, notes: list[str]) -> str | None:
    """The newest of ZENSICAL that installs (trial.zensical once chosen)."""
    candidates = (trial.zensical,) if trial.zensical else ZENSICAL
    for version in candidates:
        try:
            venv.install_pinned(f"zensical=={version}")
        except InstallError as error:
            reason = str(error).strip().splitlines()[-1]
            if version not in [r.split(":")[0] for r in trial.zensical_refused]:
                trial.zensical_refused.append(f"{version}: {reason}")
            continue
        trial.zensical = version
        return version
    notes.append("no Zensical version installed: " + "; ".join(trial.zensical_refused))
    return None


def zensical_venv(trial: Trial, name: str, route: RouteResult,
                  prepare: Callable[[Venv], None]) -> tuple[Venv | None, str | None]:
    """A scratch venv with Zensical in it (after `prepare`), or (None, None)
    with the route's error set when it cannot be had."""
    try:
        venv = trial.venv(name)
        prepare(venv)
        version = install_zensical(trial, venv, route.notes)
    except (InstallError, subprocess.CalledProcessError) as error:
        route.error = f"install failed: {error}"
        return None, None
    if version is None:
        route.error = "Zensical did not install"
        return None, None
    return venv, version


def zensical(trial: Trial) -> RouteResult:
    route = RouteResult("zensical", "Route 2: Zensical (the site unchanged, then the least it needs)")
    def with_lock(venv: Venv) -> None:
        log("zensical: the locked requirements (hashes checked; the macros module imports the project's code), "
            "then Zensical")
        venv.install_lock(trial.lock)

    venv, version = zensical_venv(trial, "zensical-with-lock", route, with_lock)
    if venv is None:
        return route
    route.title = f"Route 2: Zensical {version} (the site unchanged, then the least it needs)"
    extra = added_to(locked_versions(trial.lock), venv.freeze())
    route.notes.append(f"installed without hashes: {', '.join(extra) or 'nothing'}")
    steps = (("the site unchanged", ()),
             ("config adapted", FOR_ZENSICAL),
             ("config adapted, macros plugin removed", FOR_ZENSICAL + (NO_MACROS,)),
             ("the same, not strict (are the hooks run?)", FOR_ZENSICAL + (NO_MACROS, NOT_STRICT)))
    for n, (what, adaptations) in enumerate(steps):
        copy = site_copy(trial.project, trial.work / "zensical" / f"step-{n}")
        config = copy / "mkdocs.yml"
        text, applied = adapt(config.read_text(encoding="utf-8"), adaptations)
        config.write_text(text, encoding="utf-8")
        log(f"zensical: build, {what}")
        strict = NOT_STRICT not in adaptations
        route.steps.append(Step(what, run_build("zensical", venv.python, copy, strict=strict), applied))
    route.build = route.steps[0].build
    last = next((s for s in reversed(route.steps) if s.build.passed), None)
    if last is not None and trial.real_site:
        route.checked = last.what
        route.comparison = compare_sites(trial.real_site, last.build.site)
        route.comparison_without_dates = compare_sites(trial.real_site, last.build.site, ignore=(PAGE_DATE,))
        route.comparison_core = compare_sites(trial.real_site, last.build.site, ignore=(PAGE_DATE, TAGS))
        route.checks = check_all(trial.real_site, last.build.site)
    return route


# -- Route 3: pre-rendered macros, built by Zensical alone ------------------------------

def make_prerendered(trial: Trial, dest: Path) -> subprocess.CompletedProcess:
    """bench.baseline.make_baseline of the snapshot, run with the snapshot's code."""
    code = ("import sys; from pathlib import Path; from bench.baseline import make_baseline; "
            "make_baseline(Path(sys.argv[1]), Path(sys.argv[2]))")
    return subprocess.run([sys.executable, "-c", code, str(trial.project), str(dest)], cwd=trial.project,
                          env=build_env(trial.project), capture_output=True, text=True, timeout=900, check=False)


def prerendered(trial: Trial) -> RouteResult:
    route = RouteResult("prerendered", "Route 3: Zensical on pre-rendered Markdown (macros and hooks run first, "
                                       "by MkDocs' events in the project's .venv)")
    dest = trial.work / "prerendered"
    log("prerendered: rendering every page's macros to plain Markdown (bench.baseline)")
    made = make_prerendered(trial, dest)
    if made.returncode != 0:
        route.error = "pre-rendering failed: " + "\n".join((made.stdout + made.stderr).strip().splitlines()[-5:])
        return route
    config = dest / "mkdocs.yml"
    text, applied = adapt(config.read_text(encoding="utf-8"), FOR_ZENSICAL)
    config.write_text(text, encoding="utf-8")
    route.notes.append("config: the baseline's (macros plugin and hooks/ removed, nav written out in full)"
                       + (f"; adapted: {', '.join(applied)}" if applied else ""))
    venv, version = zensical_venv(trial, "zensical-alone", route,
                                  lambda _: log("prerendered: Zensical alone in its venv"))
    if venv is None:
        return route
    route.title = f"Route 3: Zensical {version} on pre-rendered Markdown (macros and hooks run first, by MkDocs)"
    route.notes.append("installed without hashes: " + ", ".join(f"{n}=={v}" for n, v in sorted(venv.freeze().items())
                                                                  if n not in ("pip", "setuptools")))
    log("prerendered: the build")
    route.build = run_build("zensical", venv.python, dest)
    if route.passed and trial.real_site:
        trial.measure(route, route.build.site, route.build.output, ("zensical", venv.python, dest))
    return route


ROUTES = {"control": control, "properdocs": properdocs, "zensical": zensical, "prerendered": prerendered}
