"""Seeded synthetic projects: the real site grown to a given number of terms and pages.

The synthetic data is in the project's own format (term files in
data/glossary/, pages under docs/ calling term() by id, title, alias or
plural), so it goes through the same loading, validation and rendering as
the real data. The same seed gives the same files.
"""
from __future__ import annotations

import random
from pathlib import Path

import yaml

from roadmap.build import ROOT

from .mkdocs_yml import dump_config, load_config
from .project import copy_project

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
SECTION_SIZE = 50   # generated pages per nav section (navigation.prune keeps each page's nav small)


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


def nav_sections(pages: list[str], per_section: int = SECTION_SIZE) -> list[dict]:
    """The generated pages as nav sections of `per_section` pages each."""
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
    listed in the nav in sections of 50. None keeps today's size. Returns counts.
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
        src = f"generated/section-{index // SECTION_SIZE + 1:02d}/page-{index + 1:04d}.md"
        path = dest / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(synthetic_page(index + 1, rng, ids, names), encoding="utf-8")
        generated.append(src)
    if generated:
        config = load_config(dest / "mkdocs.yml")
        config.setdefault("nav", []).append({"Generated": nav_sections(generated)})
        dump_config(config, dest / "mkdocs.yml")
    return {
        "terms": len(ids),
        "pages": len(list((dest / "docs").rglob("*.md"))),
        "synthetic_terms": len(ids) - len(real_terms),
        "synthetic_pages": len(generated),
    }
