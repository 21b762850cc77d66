"""The performance benchmark (`make bench`): one table, also written as JSON.

    python -m bench                      # full run (5 builds per side, ~10 min on 2 cores)
    python -m bench --quick              # fewer repetitions (a few minutes)
    python -m bench --only build,weight  # some sections only
    python -m bench --wait-quiet 240     # on a shared machine: wait for a load average below 1

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

One module per concern: `corpus` (seeded synthetic projects), `baseline` (the
same pages as plain Markdown with plain Material), `builds` (timed builds:
build cost and scale), `served` (the real site served with gzip), `weight`,
`lighthouse`, `preview`, `budgets` (each budget written once), `report` (the
table), `machine` (what it ran on), `project` and `mkdocs_yml` (copies of the
project and their config). tests/test_bench.py checks the parts that are not
timed.
"""
