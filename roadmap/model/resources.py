"""Learning resources: typed, dated links listed in a skill's data file.

Each skill's `resources:` (data/skills/<id>.yml) lists what a learner should
read, watch or use next: a title, an https URL, a type, whether it is free,
a level and one line on what it is good for. Citations that only support a
claim stay in the page's references; resources are what to learn from.
"""
from __future__ import annotations

from typing import ClassVar, Literal

from .base import HttpsUrl, Schema, text

TYPES = ("book", "course", "docs", "video", "paper", "article", "tool")
LEVELS = ("beginner", "intermediate", "advanced")
TYPE_TITLES = {"book": "Book", "course": "Course", "docs": "Documentation", "video": "Video", "paper": "Paper",
               "article": "Article", "tool": "Tool"}


class Resource(Schema):
    missing_fix: ClassVar[str] = ("give every resource a title, an https url, a type, free (true or false), a level "
                                  "and a note (see CONTRIBUTING.md)")

    title: text(160)
    by: text(160) | None = None                  # authors or publisher
    url: HttpsUrl
    type: Literal["book", "course", "docs", "video", "paper", "article", "tool"]
    free: bool                                   # free to read or use in full, legally
    level: Literal["beginner", "intermediate", "advanced"]
    note: text(200)                              # one line: what it is good for
