"""pytest plugin for the exit trial (`-p trial.pytest_plugin`): only the tests
that check the session's built site (tests/conftest.py's `build` and `site`,
pointed at a route's output by ROADMAP_TEST_SITE).

Tests that never look at the built site are deselected: they would pass
whatever the route. Tests that build their own copy of the project (through
conftest's run_build) are skipped: that copy would be built by MkDocs, so
it says nothing of the route.
"""
from __future__ import annotations

import sys

import pytest

OWN_BUILD = "builds its own copy of the project with MkDocs: says nothing of this route's output"


def _own_build(*args, **kwargs):
    pytest.skip(OWN_BUILD)


def pytest_collection_modifyitems(session, config, items):
    keep = [item for item in items if "build" in getattr(item, "fixturenames", ())]
    dropped = [item for item in items if item not in keep]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
    conftest = sys.modules.get("conftest")
    if conftest is not None and hasattr(conftest, "strict_build"):
        conftest.strict_build = _own_build
