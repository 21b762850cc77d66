"""MkDocs hooks (see `hooks:` in mkdocs.yml): build events the macros can't reach.

Loaded by MkDocs as a plain module, not as part of the `macros` package;
it reads the data the macros plugin already loaded instead of loading it again.
"""
from __future__ import annotations

import json

from mkdocs.structure.files import File, Files

GLOSSARY_JSON = "glossary.json"


def on_files(files: Files, config) -> Files:
    """Publish the glossary as data, `glossary.json`, as a file of the site.

    As a real MkDocs file it is served by `mkdocs serve` and links to it from
    pages are checked like any other.
    """
    from macros.glossary import export_records  # loaded by the macros plugin by now
    from macros.site_data import GLOSSARY_PAGE

    site = config.plugins["macros"].site_data
    site_url = (config.site_url or "").rstrip("/")
    glossary_path = GLOSSARY_PAGE.removesuffix(".md") + "/"
    glossary_url = f"{site_url}/{glossary_path}" if site_url else glossary_path
    records = export_records(site.glossary, glossary_url)
    content = json.dumps({"terms": records}, indent=2, ensure_ascii=False) + "\n"
    files.append(File.generated(config, GLOSSARY_JSON, content=content))
    return files
