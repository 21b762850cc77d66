"""The performance benchmark (`make bench`): its tables, also written as JSON.

    python -m bench                      # full run (5 builds per side at 1x, 3 at 10x and 100x)
    python -m bench --quick              # fewer repetitions
    python -m bench --only build,weight  # some sections only
    python -m bench --wait-quiet 240     # on a shared machine: wait for a load average below 1

Sections (all measured in one run, side by side):

  build       1x: the real site (~310 terms, 26 pages, a page per term) built
              three ways, cold `mkdocs build --strict`, median of N each:
              the project (macros plugin, hooks/, generated term pages);
              baseline A, the same pages as static Markdown (macros and hooks
              removed, term mentions as the static links the project renders);
              baseline B, plain Material with plain-text mentions (no term
              pages, no glossary machinery, same theme and extensions).
  scale       the same three ways at 10x (600 terms, 200 pages) and 100x
              (2,000 terms, 1,000 pages): seeded synthetic corpora in the
              project's own data format. With build: ms per added page.
              Both report build time, peak RSS and site size of each side.
  weight      bytes a first visit downloads (HTML, CSS, JS, images, fonts),
              raw and gzip, recorded by Playwright in Chromium: home, a skill
              page, the heaviest skill page, the glossary index, a term page;
              the search index on its own (size; requested on a first visit?)
              and the home page's weight once a search has been started.
  lighthouse  scores with the mobile preset on home, a skill page, the
              glossary index, a term page, Resources and Projects: median and
              spread of N runs (npm `lighthouse` from bench/, installed with
              `npm ci`; the system Chromium, no browser download).
  preview     seconds from saving a page or a term to the rebuilt page in
              `mkdocs serve`, at the real size and on the 10x corpus.

Budgets are reported as PASS/FAIL rows, not asserted. Everything is built in
temporary directories; results go to bench-results/bench.json (git-ignored).

One module per concern: `variants` (the three sides' names), `corpus` (seeded
synthetic projects), `baseline` (baseline A: the same pages as static
Markdown), `plain` (baseline B: plain-text mentions), `builds` (timed builds
at each size), `pages` (the pages visited), `served` (the real site served
with gzip), `weight`, `lighthouse`, `preview`, `budgets` (each budget written
once), `report` (the tables), `machine` (what it ran on), `project` and
`mkdocs_yml` (copies of the project and their config). tests/test_bench.py
checks the parts that are not timed.
"""
