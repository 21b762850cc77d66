"""The pages the guide must have, in reading order: (source path, what it is).

The nav in mkdocs.yml must list exactly these; test_build checks both ways.
"""
PAGES = [
    ("index.md", "Home"),
    ("who-is-an-ml-engineer.md", "Who is an ML engineer"),
    ("what-an-ml-engineer-does.md", "What an ML engineer does"),
    ("skills/index.md", "Skills overview"),
    ("skills/programming.md", "Programming"),
    ("skills/mathematics.md", "Mathematics for machine learning"),
    ("skills/probability-and-statistics.md", "Probability and statistics"),
    ("skills/data-modelling-and-evaluation.md", "Data modelling and evaluation"),
    ("skills/ml-algorithms-and-libraries.md", "ML algorithms and libraries"),
    ("skills/responsible-ml.md", "Responsible ML"),
    ("skills/deep-learning.md", "Deep learning"),
    ("skills/software-engineering-and-system-design.md", "Software engineering and system design"),
    ("skills/data-engineering.md", "Data engineering for ML"),
    ("skills/mlops.md", "MLOps: deploying and operating models"),
    ("skills/llms.md", "Building with LLMs and foundation models"),
    ("projects.md", "Portfolio projects"),
    ("responsibilities.md", "Responsibilities"),
    ("salaries-and-trends.md", "Salaries and trends"),
    ("who-hires.md", "Who hires"),
    ("next-steps.md", "Next steps"),
    ("glossary.md", "Glossary"),
    ("resources.md", "Resources"),
    ("about.md", "About and sources"),
    ("contributing.md", "Contributing"),
    ("architecture.md", "How the site is built"),
]

SKILL_PAGES = [src for src, _ in PAGES if src.startswith("skills/") and src != "skills/index.md"]


def built_path(src: str) -> str:
    """docs source path -> the built HTML file (directory URLs)."""
    if src == "index.md":
        return "index.html"
    if src.endswith("/index.md"):
        return src[: -len("index.md")] + "index.html"
    return src[: -len(".md")] + "/index.html"


def url_path(src: str) -> str:
    """docs source path -> the page's URL path under the site root: 'skills/programming/'."""
    return built_path(src).removesuffix("index.html")


def built_urls(site) -> list[str]:
    """Every HTML page of a build (nav pages, generated pages, 404), as URL paths."""
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def page_soup(site, src: str):
    """The built HTML of a docs page, parsed."""
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / built_path(src)).read_text(encoding="utf-8"), "html.parser")
