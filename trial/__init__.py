"""The exit trial: can the site leave Material for MkDocs before its end of life (2027-05-05)?

    python -m trial [--json trial-results.json] [--only control,properdocs,zensical,prerendered]
                    [--no-tests] [--keep DIR]

Builds the site four ways, each in scratch virtual environments under a
temporary folder (nothing of the working tree's build, site/ or .venv is
touched), and measures each build against the real one:

- control: MkDocs and Material as locked (requirements.txt), the build the
  site ships today, in a scratch venv like the others.
- properdocs (route 1): the site unchanged, built by ProperDocs, the
  maintained fork of MkDocs 1.6, with Material and the macros plugin as locked.
- zensical (route 2): the site unchanged, built by Zensical, the successor
  Material's authors build; then with the smallest config changes it needs.
- prerendered (route 3): the pages' macros rendered to plain Markdown first
  (bench.baseline.make_baseline), that built by Zensical alone.

For each: did the strict build pass (with its first error lines), how many
pages it built, what of the site works (config, nav, theme features, the
overrides, the hooks, the macros, search, strictness, edit links, sitemap,
page dates), how much of each page's text is identical to the real build's,
and how many of the project's site-level tests pass against its output
(tests/conftest.py's ROADMAP_TEST_SITE).
"""

# The versions tried, pinned. The locked requirements (requirements.txt) are
# installed with --require-hashes; these generators and their own
# dependencies come from PyPI without hashes (the output says so).
PROPERDOCS = "1.6.7"
# Newest first: the first that installs is the one measured. Zensical 0.0.74
# and later need zensical-ui, which this machine's package index may not serve.
ZENSICAL = ("0.1.3", "0.0.73")

# The build date the tests pin (tests/conftest.py BUILD_EPOCH): 2099-12-31.
BUILD_EPOCH = "4102358400"
