"""The ML Engineer Roadmap's own code: data in, pages out, in one direction.

    files ─► model ─► site ─► views ─► templates ─► pages, exports, dates

- `files`     reads text, strict YAML and front matter; file faults are DataErrors
- `model/`    one schema per data type (pydantic), each with its loader
- `pages`     each page parsed once: front matter, title, macro calls (the allowlist)
- `site`      SiteData: everything validated, behind accessors that record reads
- `registry`  the macros pages may call, each answered by a view
- `views/`    what each macro prints, through `templates/`
- `render`    evaluates every call of every page once per build, with its reads
- `markup`    escaping, and the HTML allowlist for rendered data and pages
- `dates`, `exports`, `navigation`, `urls`: what the hooks publish
- `state`     `build_for(config)`: the one accessor the macros plugin and hooks share

docs/architecture.md walks one term through all of it.
"""
