"""Undo a printed page's layout in extracted text: page numbers, running headers and footers, wrapped lines.

A PDF's reader knows its pages. Plain text extracted from a PDF (``pdftotext``, copied from a viewer)
carries the same furniture: its pages are split at form feeds, or else at the page-number lines
(``— 12 —``, ``- 3 -``, ``第 3 页``, ``3 / 20``) when there are several of them.

- Page numbers at the top or bottom of a page go.
- Running headers and footers are the lines at the top or bottom of pages that recur (digits ignored) at
  the same edge of at least half of the pages, and of three or more.
- A line that runs to the full width and does not end a sentence continues on the next line (or the
  next page): they are joined into one paragraph line. A heading line continues only into the short tail
  of its title (never into the paragraph after it), and a table row whose cells are separated by spaces
  (``has_cell_gaps``, with ``spaced.py``) is not prose: it is never joined. Plain text is joined only when
  it is wrapped at
  all: at least WRAPPED_SHARE of its lines run to the full width without ending a sentence (a file with
  one paragraph per line has almost none).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from ..model import SourceLine
from .characters import HEADING_OPENING
from .spaced import is_spaced_row

# A page number written so that it cannot be a table cell: decorated, or with 页 / a total.
_MARKED_PAGE = r"[—–\-－_]+\s*\d{1,4}\s*[—–\-－_]+|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
_MARKED_PAGE_NUMBER = re.compile(rf"^(?:{_MARKED_PAGE})$")
# At a page's edge a bare number is a page number too.
_PAGE_NUMBER = re.compile(
    rf"^(?:{_MARKED_PAGE}|[—–\-－_\s]*\d{{1,4}}[—–\-－_\s]*|page\s*\d+(?:\s*of\s*\d+)?)$", re.IGNORECASE
)
# A sentence ends at 。！？；： perhaps followed by closing quotes or brackets; a line ending in a closing
# bracket alone (（IPv6）) goes on. For the share of wrapped lines, a line ending in any closing mark counts
# as ended (a text with one paragraph per line ends many paragraphs with ” or ）).
_SENTENCE_END = re.compile(r"[。！？；：:;!?][”」』）)]*$")
_CLOSED = re.compile(r"[。！？；：:;!?”」』）)]$")
_CONTINUATION_MARK = re.compile(r"^[、，,。．；;：:！？!?）)」』”％%]")
_SENTENCE_MARK = re.compile(r"[。，,；;：:！？!?]")
# A space between two table values: a number (%, ∗ estimate mark, 】) or a dash, then a number (perhaps
# after a comparison sign), a dash or a 【】 figure; or a unit bracket then a number.
_VALUE_GAP = re.compile(r"(?:[\d%‰∗*】—–]|[)）])\s+(?:[<>≤≥＜＞~]?\d|[—–【])")
_CJK_GAP = re.compile(r"[\u4e00-\u9fff]\s+(?=[\u4e00-\u9fff])")
_OPENING_QUOTE = re.compile(r"^[“‘「『《〈]")
# Pieces of one printed line together are at most this share of the full width (a little over, for
# punctuation set half-width): the pieces of Beijing's lines reach 1.07; a wrapped table cell is longer.
PRINTED_LINE_SLACK = 1.15
# Cells of a header row are at most this long (类别, 2030年目标).
SHORT_CELL_CHARS = 8
# How many lines at the top and bottom of a page are looked at for running headers and page numbers.
EDGE_LINES = 2
# A running header or footer recurs on at least this many pages (and on half of them).
MIN_RUNNING_PAGES = 3
# A line at least this share of the typical full line width is taken to be wrapped by the page.
FULL_WIDTH_SHARE = 0.85
# Plain text is taken to be hard-wrapped when this share of its lines are full and end no sentence.
WRAPPED_SHARE = 0.2
# Plain text without form feeds is cut into pages at its page-number lines when it has this many.
MIN_PAGE_NUMBERS = 3


def strip_page_furniture(pages: Sequence[Sequence[SourceLine]]) -> list[SourceLine]:
    """The lines of all pages without page numbers and running headers or footers at their edges."""
    furniture = _running_furniture(pages)
    kept: list[SourceLine] = []
    for page in pages:
        edge = _edge_indexes(page)
        for n, line in enumerate(page):
            stripped = line.text.strip()
            if n in edge and (_PAGE_NUMBER.match(stripped) or (edge[n], _shape(stripped)) in furniture):
                continue
            kept.append(line)
    return kept


def undo_text_layout(lines: list[SourceLine]) -> list[SourceLine]:
    """Plain text extracted from a PDF: page furniture removed and wrapped lines joined; other text as is."""
    pages = _text_pages(lines)
    if len(pages) > 1:
        lines = strip_page_furniture(pages)
    if _wrapped_share(lines) < WRAPPED_SHARE:
        return lines
    return rejoin_wrapped(lines)


def rejoin_wrapped(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """Join each line that runs to the full width without ending a sentence with the line after it."""
    full_width = _full_width(lines)
    if not full_width:
        return list(lines)
    joined: list[SourceLine] = []
    last_physical = ""
    for line in lines:
        text = line.text.strip()
        if joined and text and _continues(last_physical, text, full_width):
            same_line = (
                _CONTINUATION_MARK.match(text)
                or len(last_physical) < FULL_WIDTH_SHARE * full_width
                or _same_printed_line(last_physical, text, full_width)
            )
            previous = joined[-1]
            joined[-1] = SourceLine(
                previous.text.rstrip() + text,
                previous.line,
                line.end_line,
                previous.page,
                previous.heading_level,
                line.end_page or line.page,
            )
            last_physical = last_physical + text if same_line else text
        else:
            joined.append(line)
            last_physical = text
    return joined


def _text_pages(lines: list[SourceLine]) -> list[list[SourceLine]]:
    """Pages of plain text: split at form feeds, else after each marked page-number line."""
    if any("\f" in line.text for line in lines):
        pages: list[list[SourceLine]] = [[]]
        for line in lines:
            parts = line.text.split("\f")
            for k, part in enumerate(parts):
                if k:
                    pages.append([])
                if part.strip() or len(parts) == 1:
                    pages[-1].append(
                        SourceLine(part, line.line, line.end_line, line.page, line.heading_level)
                    )
        return [page for page in pages if page]
    numbered = [n for n, line in enumerate(lines) if _MARKED_PAGE_NUMBER.match(line.text.strip())]
    if len(numbered) < MIN_PAGE_NUMBERS:
        return [lines]
    cuts = [0, *(n + 1 for n in numbered), len(lines)]
    return [lines[a:b] for a, b in pairwise(cuts) if a < b]


def _edge_indexes(page: Sequence[SourceLine]) -> dict[int, str]:
    """The first and last EDGE_LINES filled lines of a page, each with its edge (top or bottom)."""
    filled = [i for i, line in enumerate(page) if line.text.strip()]
    edges = {i: "bottom" for i in filled[-EDGE_LINES:]}
    edges.update({i: "top" for i in filled[:EDGE_LINES]})
    return edges


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def _running_furniture(pages: Sequence[Sequence[SourceLine]]) -> set[tuple[str, str]]:
    """Edge lines that recur (digits ignored) at the same edge of at least half of the pages and of at least
    MIN_RUNNING_PAGES of them: running headers and footers (a body line that happens to recur at a page's
    edge does not land at the same edge that often)."""
    if len(pages) < MIN_RUNNING_PAGES:
        return set()
    counts = Counter(
        (edge, shape)
        for page in pages
        for edge, shape in {(edge, _shape(page[i].text.strip())) for i, edge in _edge_indexes(page).items()}
        if shape
    )
    return {key for key, n in counts.items() if n >= max(MIN_RUNNING_PAGES, len(pages) / 2)}


def _full_width(lines: Sequence[SourceLine]) -> int:
    widths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0


def _wrapped_share(lines: Sequence[SourceLine]) -> float:
    full_width = _full_width(lines)
    filled = [line.text.strip() for line in lines if line.text.strip()]
    if not filled:
        return 0.0
    wrapped = [t for t in filled if len(t) >= FULL_WIDTH_SHARE * full_width and not _CLOSED.search(t)]
    return len(wrapped) / len(filled)


def _continues(previous: str, text: str, full_width: int) -> bool:
    """Whether ``text`` goes on from the printed line ``previous``: a full-width line runs on into the next
    one unless it ends a sentence; a line opening with a mark no line opens with (、，。) continues in any
    case; a short piece that ends no sentence goes on into a piece opening with a quote (extractors break a
    printed line where the font changes). A heading line (no sentence mark) runs on only into the short tail
    of its title, and table rows (``has_cell_gaps``) never join."""
    if has_cell_gaps(previous) or has_cell_gaps(text) or HEADING_OPENING.match(text):
        return False
    if _CONTINUATION_MARK.match(text):
        return True
    full = len(previous) >= FULL_WIDTH_SHARE * full_width
    if HEADING_OPENING.match(previous) and not _SENTENCE_MARK.search(previous):
        return full and len(text) < FULL_WIDTH_SHARE * full_width and not _SENTENCE_MARK.search(text)
    if not full:
        return _same_printed_line(previous, text, full_width)
    return not _SENTENCE_END.search(previous)


def _same_printed_line(previous: str, text: str, full_width: int) -> bool:
    return (
        bool(_OPENING_QUOTE.match(text))
        and not _SENTENCE_END.search(previous)
        and len(previous) + len(text) <= PRINTED_LINE_SLACK * full_width
    )


def has_cell_gaps(text: str) -> bool:
    """A table row as text extraction writes it: a space between two values (``25.02 <30``, ``— >5``,
    ``(亿立方米) 25.02``), or three or more short cells without sentence marks, two gaps between Chinese
    characters (a header row: ``类别 序号 指标 2025年``); or a row ``spaced.is_spaced_row`` reads (values,
    dashes or attributes as cells). Extractors also put spaces around digits and Latin letters inside prose
    (``超过 17%``) and letter-space justified lines (``现 代 化``): neither is a row."""
    if _VALUE_GAP.search(text) or is_spaced_row(text):
        return True
    cells = text.split()
    return (
        len(cells) >= 3
        and all(len(cell) <= SHORT_CELL_CHARS for cell in cells)
        and 3 * sum(len(cell) == 1 for cell in cells) <= len(cells)
        and not _SENTENCE_MARK.search(text)
        and len(_CJK_GAP.findall(text)) >= 2
    )
