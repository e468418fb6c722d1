"""Read a web page: keep the main content, drop menus, breadcrumbs, footers, share buttons and scripts.

Boilerplate elements go first (by tag: nav, header, footer, aside, form, script…; by class or id naming a
menu, breadcrumb, footer, share bar or sidebar). The main content is the deepest element that still holds
most of the page's Chinese text; the last ``<h1>`` above it (a portal writes the article title there)
comes first. Footnote marks (``<sup>1</sup>`` after a word) go.

The content is written one line per block, whatever the source lines: a whole plan on one source line
gives the same lines as a pretty-printed page. Inline text is gathered and a line ends at every block
element's edge and at ``<br>``; each line keeps the source line its first text came from. ``<h1>``-``<h6>``
give heading hints. A ``<table>`` is read by ``html_tables`` (spans expanded, one tab-separated line per
row); a one-column layout table is a frame around a box or a note: its cells' blocks are written as lines
and two blank lines mark its end (where a box ends, as in text exports). XHTML with an ``<?xml …
encoding?>`` declaration is read like HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from ..errors import InputError
from ..model import SourceLine
from .characters import cjk_count
from .encoding import decode_text
from .html_tables import layout_cells, table_lines

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "select",
    "svg",
    "template",
    "object",
    "embed",
)
_BOILERPLATE = re.compile(
    r"nav|menu|breadcrumb|crumb|footer|foot|header|share|sidebar|side-bar|comment|copyright|toolbar|"
    r"banner|login|search|pager|pagination|related|recommend|advert|\bads?\b|social|qrcode|erweima",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th caption pre blockquote section article "
    "main center figure figcaption fieldset hr address".split()
)
# Elements that frame a box or a note: their end is written as two blank lines.
_FRAME_TAGS = frozenset({"blockquote", "fieldset"})
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([\w-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# A footnote mark: a number (bracketed or not) or a symbol, raised after a word.
_FOOTNOTE_MARK = re.compile(r"^\s*(?:\d{1,3}|\[\d{1,3}\]|[(（]\d{1,3}[)）]|[*＊†‡§]|[\u2460-\u2473])\s*$")
# After these a raised number is an exponent (m², 10⁴), not a footnote mark.
_EXPONENT_BASE = re.compile(r"[A-Za-z0-9)）]$")
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")
_CJK_CHAR = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# The main content is the deepest element holding at least this share of the page's CJK text.
MAIN_CONTENT_SHARE = 0.8
# Lines that end a frame (a box or note in a one-cell table): two blank lines, the text-export convention.
FRAME_END_BLANKS = 2


def read_html(data: bytes, path: str | Path) -> tuple[list[SourceLine], str]:
    """Return the main content's lines (with HTML source lines and heading hints) and the encoding."""
    text, encoding = _decode(data, path)
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"not a readable HTML page ({exc})") from exc
    _drop_boilerplate(root)
    _drop_footnote_marks(root)
    main = _main_content(root)
    writer = _BlockWriter()
    for heading in _title_above(root, main):
        writer.walk(heading)
    writer.walk(main)
    writer.flush()
    if not any(line.text.strip() for line in writer.lines):
        raise InputError(path, "the page has no text content")
    return writer.lines, encoding


def _decode(data: bytes, path: str | Path) -> tuple[str, str]:
    head = data[:4096]
    declared = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = "gb18030" if name in {"gb2312", "gbk", "gb18030"} else name
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, path)


def _drop_boilerplate(root: lxml.html.HtmlElement) -> None:
    etree.strip_elements(root, etree.Comment, *_DROP_TAGS, with_tail=False)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        if marker.strip() and _BOILERPLATE.search(marker) and element.getparent() is not None:
            element.drop_tree()


def _drop_footnote_marks(root: lxml.html.HtmlElement) -> None:
    """``<sup>`` footnote marks go (their tail stays); raised numbers after a letter or digit are exponents."""
    for sup in list(root.iter("sup")):
        if not _FOOTNOTE_MARK.match(sup.text_content()) or sup.getparent() is None:
            continue
        previous = sup.getprevious()
        before = (previous.tail if previous is not None else sup.getparent().text) or ""
        if not _EXPONENT_BASE.search(before.rstrip()):
            sup.drop_tree()


def _main_content(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    body = root.find("body")
    node = body if body is not None else root
    counts = _cjk_counts(node)
    total = counts[node]
    while True:
        children = [child for child in node if isinstance(child.tag, str)]
        best = max(children, key=lambda child: counts[child], default=None)  # the first of equals
        if best is None or counts[best] < MAIN_CONTENT_SHARE * total:
            return node
        node = best


def _cjk_counts(node: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, int]:
    """The CJK characters of every element's text content, counted once from the leaves up."""
    elements = list(node.iter())
    counts: dict[lxml.html.HtmlElement, int] = {}
    for element in reversed(elements):  # children before their parents
        own = cjk_count(element.text or "") if isinstance(element.tag, str) else 0
        counts[element] = own + sum(counts[child] + cjk_count(child.tail or "") for child in element)
    return counts


def _title_above(root: lxml.html.HtmlElement, main: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The last ``<h1>`` before the main content (a portal's article title; chrome removal drops it if it is
    a site name)."""
    above: lxml.html.HtmlElement | None = None
    for element in root.iter():
        if element is main:
            break
        if element.tag == "h1" and cjk_count(element.text_content()) >= 4:
            above = element
    return [above] if above is not None else []


def _squash(text: str) -> str:
    """HTML whitespace: runs fold to one space, a line break between CJK characters to nothing."""

    def fold(match: re.Match[str]) -> str:
        if "\n" not in match.group():
            return " "
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        return "" if _CJK_CHAR.match(before) and _CJK_CHAR.match(after) else " "

    return _SPACE_RUN.sub(fold, text).strip()


class _BlockWriter:
    """Writes an element tree as lines: one per block, inline text gathered until the block's edge."""

    def __init__(self) -> None:
        self.lines: list[SourceLine] = []
        self.parts: list[str] = []
        self.source_line = 0
        self.heading_level: int | None = None

    def add_text(self, text: str | None, line: int) -> None:
        if text:
            if not self.parts:
                self.source_line = line
            self.parts.append(text)

    def flush(self) -> None:
        text = _squash("".join(self.parts))
        if text:
            self.lines.append(SourceLine(text, self.source_line, self.source_line, None, self.heading_level))
        self.parts = []
        self.heading_level = None

    def blank(self, line: int) -> None:
        self.lines.append(SourceLine("", line, line))

    def walk(self, element: lxml.html.HtmlElement) -> None:
        if not isinstance(element.tag, str):
            return  # a comment or processing instruction: its tail is the parent's text
        tag = element.tag
        line = element.sourceline or self.source_line
        if tag == "table":
            self.flush()
            self._table(element)
            return
        block = tag in _BLOCK_TAGS or tag == "br"
        if block:
            self.flush()
            self.heading_level = _HEADING_TAGS.get(tag)
        self.add_text(element.text, line)
        for child in element:
            self.walk(child)
            self.add_text(child.tail, child.sourceline or line)
        if block:
            self.flush()
        if tag in _FRAME_TAGS:
            for _ in range(FRAME_END_BLANKS):
                self.blank(line)

    def _table(self, table: lxml.html.HtmlElement) -> None:
        """A data table as ``html_tables`` reads it; a layout table (one column: a frame around a box or a
        note) as the blocks of its cells, then two blank lines where it ends."""
        found = table_lines(table)
        if found is not None:
            self.lines.extend(found)
            return
        for cell in layout_cells(table):
            self.walk(cell)
        for _ in range(FRAME_END_BLANKS):
            self.blank(table.sourceline or self.source_line)
