"""Turning data into page text safely: escaping, and the HTML allowlist.

Two rules keep contributed data from becoming markup:

- Plain-text fields (titles, short definitions, notes) are escaped where
  they are placed: `md_text` for Markdown, `md_title` for a link title, `e`
  in templates for HTML.
- Markdown fields (a term's definition and example, quiz text, project
  goals) are rendered here, on their own, and the *rendered HTML* is checked
  against `DATA_ALLOWLIST` before it goes on a page as HTML. Anything outside
  the allowlist (a tag, an attribute, a URL scheme, an abbreviation
  definition) stops the build naming the file, the entry and what was found.
  The HTML that reaches the page is the sanitiser's (nh3, i.e. ammonia)
  output, and the build also refuses any input the sanitiser would change,
  so what a contributor previews is what readers get.

Every built page is checked the same way, with the wider `PAGE_ALLOWLIST`
(`check_page_html`, called for each page by `hooks/safety.py`).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.extensions.abbr import AbbrExtension

from .errors import DataError

# -- Plain text into Markdown -------------------------------------------------------

# Python-Markdown's escapable characters that could start emphasis, code, a
# link, an attr_list (`{ ... }`), a list (`- `, `1. `), a rule (`---`) or end
# a table cell (`|`); a backslash makes them show literally.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!.|-])")
_LINE_START_SPECIALS = ("?", ":", "=", "~")


def md_text(value: object) -> str:
    """Plain text -> Markdown that renders as exactly that text.

    HTML is escaped (`<script>` shows as text, creates no element) and
    Markdown, attr_list and table punctuation is backslash-escaped.
    """
    text = " ".join(str(value).split())
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    text = html.escape(text, quote=True)
    # Block markers with no backslash escape (`???` details, `: ` definition,
    # `===` heading underline, `~~~` fence) only act at the start of a line.
    return f"&#{ord(text[0])};{text[1:]}" if text[:1] in _LINE_START_SPECIALS else text


def md_title(value: object) -> str:
    """Plain text -> the quoted title of a Markdown link: `"..."`.

    The title becomes an HTML attribute and Material's tooltip, which puts
    the attribute's *decoded* value into the page as HTML: escaping cannot
    make a `<` safe there, so text holding `<` or `>` is refused here (data
    that feeds tooltips is validated to hold neither). Quotes, ampersands,
    backslashes and backticks are turned into entities.
    """
    text = " ".join(str(value).split())
    if "<" in text or ">" in text:
        raise ValueError(f"a tooltip cannot hold '<' or '>' (Material shows it as HTML): {text[:60]!r}")
    return '"' + html.escape(text, quote=True).replace("\\", "&#92;").replace("`", "&#96;") + '"'


# -- The allowlists ---------------------------------------------------------------------

@dataclass(frozen=True)
class Allowlist:
    tags: frozenset[str]
    attributes: dict[str, frozenset[str]]        # tag (or "*") -> attribute names
    url_schemes: frozenset[str]                  # for links (href); "" = a relative URL
    src_schemes: frozenset[str] = frozenset()    # for what the browser loads (src): "" = this site
    attribute_prefixes: frozenset[str] = frozenset()   # e.g. "data-", "aria-"
    styles: frozenset[str] = frozenset()         # CSS properties a style attribute may set
    url_attributes: frozenset[str] = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster",
                                                "srcset", "data", "background", "ping"})

    def __post_init__(self) -> None:
        # HTML parsers lower-case names (foreignObject -> foreignobject): compare in lower case.
        lower = {tag.lower(): frozenset(n.lower() for n in names) for tag, names in self.attributes.items()}
        everywhere = lower.get("*", frozenset())
        object.__setattr__(self, "_tags", frozenset(t.lower() for t in self.tags))
        object.__setattr__(self, "_attributes", {t: lower.get(t, frozenset()) | everywhere for t in self._tags})

    def allows_tag(self, tag: str) -> bool:
        return tag.lower() in self._tags

    def allows_attribute(self, tag: str, name: str) -> bool:
        name = name.lower()
        return name in self._attributes.get(tag.lower(), ()) or name.startswith(tuple(self.attribute_prefixes))


# Data Markdown renders to prose: paragraphs, emphasis, code, lists, https links.
DATA_ALLOWLIST = Allowlist(
    tags=frozenset({"p", "em", "strong", "code", "a", "ul", "ol", "li", "br", "sub", "sup"}),
    attributes={"a": frozenset({"href"})},
    url_schemes=frozenset({"https"}),
)

# A page's content: what Markdown, its extensions, the theme's features and
# the site's own templates produce (prose, tables, admonitions, details, code,
# footnotes, forms for the quizzes and filters, the roadmap's SVG). No script,
# style, frame, object, form submission or event handler; links go to this
# site, https or mailto; images load from this site only.
_SVG = {"svg", "g", "path", "defs", "marker", "title", "desc", "foreignObject", "rect", "circle", "line",
        "polyline", "polygon", "text", "tspan", "use", "symbol"}
PAGE_ALLOWLIST = Allowlist(
    tags=frozenset({
        "a", "abbr", "aside", "b", "blockquote", "br", "button", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "legend", "li", "mark", "nav",
        "ol", "option", "output", "p", "pre", "q", "s", "samp", "section", "select", "small", "span", "strong",
        "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
        "wbr", *_SVG}),
    attributes={
        "*": frozenset({"class", "id", "title", "role", "hidden", "lang", "dir", "tabindex"}),
        "a": frozenset({"href", "rel", "hreflang"}),
        "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
        "ol": frozenset({"start", "reversed", "type"}),
        "td": frozenset({"colspan", "rowspan", "style"}), "th": frozenset({"colspan", "rowspan", "scope", "style"}),
        "col": frozenset({"span"}), "details": frozenset({"open"}), "time": frozenset({"datetime"}),
        "input": frozenset({"type", "name", "value", "checked", "disabled", "placeholder", "autocomplete",
                            "spellcheck", "accept", "required", "readonly"}),
        "button": frozenset({"type", "disabled", "name", "value"}), "label": frozenset({"for"}),
        "select": frozenset({"name", "multiple", "disabled"}), "option": frozenset({"value", "selected"}),
        "output": frozenset({"for"}), "fieldset": frozenset({"disabled", "name"}),
        "svg": frozenset({"viewBox", "xmlns", "width", "height", "preserveAspectRatio", "focusable"}),
        "path": frozenset({"d", "marker-end", "marker-start", "fill", "stroke"}),
        "marker": frozenset({"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient"}),
        "foreignObject": frozenset({"x", "y", "width", "height"}),
        "rect": frozenset({"x", "y", "width", "height", "rx", "ry"}),
        "circle": frozenset({"cx", "cy", "r"}), "line": frozenset({"x1", "y1", "x2", "y2"}),
        "text": frozenset({"x", "y", "dx", "dy", "text-anchor"}), "tspan": frozenset({"x", "y", "dx", "dy"}),
        "polyline": frozenset({"points"}), "polygon": frozenset({"points"}),
    },
    url_schemes=frozenset({"", "https", "mailto"}),
    src_schemes=frozenset({""}),
    attribute_prefixes=frozenset({"data-", "aria-"}),
    styles=frozenset({"text-align"}),
)


@dataclass
class Found:
    """What an HTML fragment contains that an allowlist does not allow."""

    items: list[str] = field(default_factory=list)

    def add(self, item: str) -> None:
        if item not in self.items:
            self.items.append(item)


class _Inspector(HTMLParser):
    """Lists the tags, attributes, URL schemes and comments of an HTML fragment."""

    def __init__(self, allowlist: Allowlist):
        super().__init__(convert_charrefs=True)
        self.allowlist = allowlist
        self.found = Found()

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if not self.allowlist.allows_tag(tag):
            self.found.add(f"a </{tag}> tag")

    def handle_comment(self, data):
        self.found.add("an HTML comment")

    def handle_decl(self, decl):
        self.found.add(f"a declaration <!{decl[:20]}>")

    def handle_pi(self, data):
        self.found.add("a processing instruction")

    def _check(self, tag, attrs):
        if not self.allowlist.allows_tag(tag):
            self.found.add(f"a <{tag}> tag")
            return
        for name, value in attrs:
            value = value or ""
            if not self.allowlist.allows_attribute(tag, name):
                self.found.add(f"the attribute '{name}' on <{tag}>")
            elif name in self.allowlist.url_attributes:
                loads = name != "href"
                schemes = self.allowlist.src_schemes if loads else self.allowlist.url_schemes
                scheme = url_scheme(value)
                if scheme not in schemes:
                    shown = f"'{scheme}:'" if scheme else "a relative address"
                    what = "a resource loaded from" if loads else "a link to"
                    self.found.add(f"{what} {shown} ({value[:60]!r}) on <{tag}>")
            elif name == "style":
                for declaration in filter(None, (d.strip() for d in value.split(";"))):
                    prop = declaration.split(":", 1)[0].strip().lower()
                    if prop not in self.allowlist.styles or "(" in declaration:
                        self.found.add(f"the style '{declaration[:40]}' on <{tag}>")
            if name == "title" and "<" in value:
                self.found.add(f"markup inside a title on <{tag}> (Material's tooltip would render it)")


_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")


def url_scheme(url: str) -> str:
    """The scheme a browser would see: leading/embedded tabs, newlines and
    control characters are dropped first, as the URL standard says."""
    cleaned = _URL_JUNK.sub("", url)
    if cleaned.startswith("//"):
        return "//"  # protocol-relative: another host
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:
        return "?"


def inspect(fragment: str, allowlist: Allowlist) -> list[str]:
    """Everything in an HTML fragment that the allowlist refuses (empty = all allowed)."""
    parser = _Inspector(allowlist)
    parser.feed(fragment)
    parser.close()
    return parser.found.items


def sanitise(fragment: str, allowlist: Allowlist) -> str:
    """The fragment as the sanitiser (nh3) lets it through."""
    # Without a "*" entry nh3 keeps its own default generic attributes (lang, title).
    attributes = {"*": set(), **{tag: set(names) for tag, names in allowlist.attributes.items()}}
    styles = {"filter_style_properties": set(allowlist.styles)} if allowlist.styles else {}
    return nh3.clean(fragment, tags=set(allowlist.tags), attributes=attributes,
                     generic_attribute_prefixes=set(allowlist.attribute_prefixes) or None,
                     url_schemes=set(allowlist.url_schemes) - {""}, link_rel=None, strip_comments=True, **styles)


def _normalised(fragment: str) -> str:
    """The fragment through the same serialiser with nothing filtered, to compare against.

    Nothing means nothing: script elements and comments stay, and a style
    element's text stays (nh3 cannot keep the element while it filters style
    attributes), so that a fragment holding any of them differs from its
    sanitised form and goes to the inspector, which refuses it by name."""
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9-]*)", fragment)) - {"style"}
    attrs = set(re.findall(r"\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?=\s*[=\s/>])", fragment))
    schemes = {url_scheme(u) for u in re.findall(r"(?:href|src)\s*=\s*[\"']?([^\"'\s>]*)", fragment)} - {"", "//", "?"}
    styles = {d.split(":", 1)[0].strip().lower() for v in re.findall(r"style\s*=\s*[\"']([^\"']*)", fragment)
              for d in v.split(";") if ":" in d}
    return nh3.clean(fragment, tags=tags, clean_content_tags=set(), attributes={"*": attrs},
                     url_schemes=schemes | {"https", "mailto"}, generic_attribute_prefixes={"data-", "aria-"},
                     link_rel=None, strip_comments=False, filter_style_properties=styles or {"text-align"})


def refused_parts(fragment: str, allowlist: Allowlist) -> list[str]:
    """What the allowlist refuses, by the inspector and by the sanitiser.

    The inspector names what it finds; the sanitiser is the control: if it
    would change the fragment in any way the inspector did not name (two HTML
    parsers can disagree), that is refused too.
    """
    found = inspect(fragment, allowlist)
    if not found and sanitise(fragment, allowlist) != _normalised(fragment):
        found = ["markup the HTML sanitiser removes (it is not on the allowlist)"]
    return found


# In the sanitiser's output every attribute is double-quoted and '<' inside one is
# written &lt;: these two rules of PAGE_ALLOWLIST can be read off it directly.
_MARKUP_IN_TITLE = re.compile(r'\stitle="[^"]*&lt;')
_NOT_HTTPS_LINK = re.compile(r'\shref="(?!https://)')
_LOADED_FROM_ELSEWHERE = re.compile(r'\s(?:src|srcset|poster|data|background)="\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|//)')


def page_html_problems(html_text: str) -> list[str]:
    """What a built page's content holds outside PAGE_ALLOWLIST (empty = all allowed).

    The sanitiser decides: the page passes when nh3, holding PAGE_ALLOWLIST,
    would change nothing, no title holds markup and nothing loads from
    another host. Only a page that fails is read again by the inspector, to
    name what it found. HTML comments are allowed in pages (authors leave
    notes)."""
    fragment = _COMMENTS.sub("", html_text)
    cleaned = sanitise(fragment, PAGE_ALLOWLIST)
    if cleaned == _normalised(fragment) and not _MARKUP_IN_TITLE.search(cleaned) \
            and not _LOADED_FROM_ELSEWHERE.search(cleaned):
        return []
    return inspect(fragment, PAGE_ALLOWLIST) or ["markup the HTML sanitiser removes (it is not on the allowlist)"]


_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)


# -- Data Markdown -------------------------------------------------------------------------

# An attribute list the extension did not apply (it stands on its own line):
# shown literally, which is never what the contributor meant.
_ATTR_LIST_TEXT = re.compile(r"\{:[^}]*\}|\{\s*[.#][A-Za-z][^}]*\}|\{\s*[A-Za-z-]+\s*=[^}]*\}")

@lru_cache(maxsize=1)
def _data_converter() -> tuple[markdown.Markdown, AbbrExtension]:
    """One Markdown converter for every data field (reset before each use)."""
    abbreviations = AbbrExtension()
    return markdown.Markdown(extensions=[abbreviations, "attr_list"], output_format="html"), abbreviations


FIX_DATA_MARKUP = ("write plain Markdown: paragraphs, *emphasis*, `code`, lists and links to https:// addresses; "
                   "no HTML tags, images, headings, attribute lists '{: ...}' or abbreviations '*[..]: ...'")


@lru_cache(maxsize=8192)   # the same field, unchanged, in the next rebuild of the live preview
def render_data_markdown(text: str, file: str, entry: str | None, what: str) -> str:
    """A Markdown field of a data file -> checked, sanitised HTML.

    `what` names the field in messages: "the full definition", "the example".

    Rendered on its own (so nothing in it can reach the rest of the page),
    with the abbreviation and attribute-list extensions the pages use, so
    that using them is seen and refused rather than silently ignored.
    """
    if "{{" in text or "{%" in text or "{#" in text:
        raise DataError(file, entry, f"{what} contains template syntax ('{{{{', '{{%' or '{{#')",
                        "data is not a template and would show it as written: remove it (to link another "
                        "term, list it under 'related:'), or put it in `code`")
    converter, abbreviations = _data_converter()
    rendered = converter.reset().convert(text)
    if abbreviations.abbrs:
        names = ", ".join(sorted(abbreviations.abbrs))
        raise DataError(file, entry, f"{what} defines an abbreviation ({names}): '*[...]: ...' lines would "
                        "arm every occurrence of the word on a page", FIX_DATA_MARKUP)
    cleaned = sanitise(rendered, DATA_ALLOWLIST)
    passes = cleaned == _normalised(rendered) and not _NOT_HTTPS_LINK.search(cleaned)
    found = [] if passes else (inspect(rendered, DATA_ALLOWLIST)
                               or ["markup the HTML sanitiser removes (it is not on the allowlist)"])
    prose = html.unescape(re.sub(r"<code>.*?</code>|<[^>]+>", " ", rendered, flags=re.DOTALL))
    stray = _ATTR_LIST_TEXT.search(prose)
    if stray and not found:
        found = [f"text that looks like an attribute list ({stray.group(0)!r}); it would show as written"]
    if found:
        raise DataError(file, entry, f"{what} renders to HTML that is not allowed: {'; '.join(found)}",
                        FIX_DATA_MARKUP)
    return cleaned


def inline_html(rendered: str) -> str:
    """Rendered Markdown of one paragraph -> its inline content (for a legend or a label)."""
    text = rendered.strip()
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        return text[3:-4]
    return text
