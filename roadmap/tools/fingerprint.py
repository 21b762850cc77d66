#!/usr/bin/env python3
"""Fingerprint of the source article, so the copy check runs in any clone.

The article this site restructures is not ours to publish, so the repository
keeps only a hash of each run of ten consecutive words (`data/article-fingerprint.txt`).
A page that repeats ten words of the article in a row produces one of those
hashes; nothing in the file lets anyone read the article back.

    python -m roadmap.tools.fingerprint ../shared/source/article.txt   # rewrite the file
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

RUN = 10
FINGERPRINT = Path(__file__).resolve().parents[2] / "data" / "article-fingerprint.txt"
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def gram_hash(gram: tuple[str, ...] | list[str]) -> str:
    return hashlib.sha256(" ".join(gram).encode("utf-8")).hexdigest()[:16]


def fingerprint(text: str, n: int = RUN) -> set[str]:
    w = words(text)
    return {gram_hash(w[i:i + n]) for i in range(len(w) - n + 1)}


def copied_runs(hashes: set[str], text: str, n: int = RUN) -> list[str]:
    """Each maximal run of n or more words of text whose n-grams are in hashes."""
    target = words(text)
    found, i = [], 0
    while i <= len(target) - n:
        if gram_hash(target[i:i + n]) in hashes:
            j = i + n
            while j < len(target) and gram_hash(target[j - n + 1:j + 1]) in hashes:
                j += 1
            found.append(" ".join(target[i:j]))
            i = j
        else:
            i += 1
    return found


def read_fingerprint(path: Path = FINGERPRINT) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def render(hashes: set[str]) -> str:
    header = ("# SHA-256 (first 16 hex digits) of every run of ten words of the source article,\n"
              "# lower-cased. Written by roadmap/tools/fingerprint.py; used by tests/test_content.py.\n")
    return header + "\n".join(sorted(hashes)) + "\n"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    hashes = fingerprint(Path(sys.argv[1]).read_text(encoding="utf-8"))
    FINGERPRINT.write_text(render(hashes), encoding="utf-8")
    print(f"wrote {len(hashes)} hashes to {FINGERPRINT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
