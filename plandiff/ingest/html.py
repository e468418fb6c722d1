"""Read a web page: keep the main content, drop menus, breadcrumbs, footers, share buttons and scripts.

Boilerplate elements go first (by tag: nav, header, footer, aside, form, script…; by class or id naming a
menu, breadcrumb, footer, share bar or sidebar). The main content is the deepest element that still holds
most of the page's Chinese text. Its blocks are emitted in order, one line each, with the HTML source line;
``<h1>``-``<h6>`` give heading hints; a ``<table>`` is read by ``html_tables`` (spans expanded, one tab-separated
line per row), a one-column layout table as the blocks of its cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
    "main center".split()
)
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
# The main content is the deepest element holding at least this share of the page's CJK text.
MAIN_CONTENT_SHARE = 0.8


def read_html(data: bytes, path: str | Path) -> tuple[list[SourceLine], str]:
    """Return the main content's lines (with HTML source lines and heading hints) and the encoding."""
    text, encoding = _decode(data, path)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"not a readable HTML page ({exc})") from exc
    _drop_boilerplate(root)
    main = _main_content(root)
    lines = list(_blocks(main))
    if not any(line.text.strip() for line in lines):
        raise InputError(path, "the page has no text content")
    return lines, encoding


def _decode(data: bytes, path: str | Path) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
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


def _main_content(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    body = root.find("body")
    node = body if body is not None else root
    total = cjk_count(node.text_content())
    while True:
        best = max(
            (child for child in node if isinstance(child.tag, str)),
            key=lambda child: cjk_count(child.text_content()),
            default=None,
        )
        if best is None or cjk_count(best.text_content()) < MAIN_CONTENT_SHARE * total:
            return node
        node = best


def _blocks(element: lxml.html.HtmlElement) -> Iterator[SourceLine]:
    """Yield one line per text block under ``element`` in document order."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "table":
        table = table_lines(element)
        if table is not None:
            yield from table
        else:
            for cell in layout_cells(element):
                yield from _blocks(cell)
        return
    has_block_child = any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in element)
    if tag in _BLOCK_TAGS and not has_block_child:
        yield from _text_lines(element, _HEADING_TAGS.get(tag))
        return
    line = element.sourceline or 0
    if element.text and element.text.strip():
        yield SourceLine(element.text.strip(), line, line)
    for child in element:
        if isinstance(child.tag, str):
            yield from _blocks(child)
        if child.tail and child.tail.strip():
            tail_line = child.sourceline or line
            yield SourceLine(child.tail.strip(), tail_line, tail_line)


def _text_lines(element: lxml.html.HtmlElement, heading_level: int | None) -> Iterator[SourceLine]:
    """The text of a leaf block, split at ``<br>``; whitespace runs folded to one space."""
    line = element.sourceline or 0
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for part in element.text_content().split("\n"):
        part = re.sub(r"[ \t\r\f\v]+", " ", part).strip()
        if part:
            yield SourceLine(part, line, line, None, heading_level)
