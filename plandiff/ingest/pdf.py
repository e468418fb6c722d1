"""Read a PDF's text layer: drop running headers, footers and page numbers; rejoin hard-wrapped lines.

Line numbers of a PDF are 1-based lines within their page, and every line carries its page.

- Page numbers (``— 12 —``, ``- 3 -``, ``第 3 页``, ``3 / 20``) at the top or bottom of a page go.
- Running headers and footers are the lines at the top or bottom of pages that recur (digits ignored) on
  at least half of the pages.
- A line that runs to the page's full width and does not end a sentence continues on the next line
  (or the next page): they are joined into one paragraph line.
A PDF whose pages carry (almost) no text has no text layer: it needs OCR first, and that is the error.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

from ..errors import InputError
from ..model import SourceLine
from ..settings import Settings

_PAGE_NUMBER = re.compile(
    r"^[\s—–\-－_]*\d{1,4}[\s—–\-－_]*$|^第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$"
    r"|^page\s*\d+(\s*of\s*\d+)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[。！？；：:;!?”」』）)]$")
_STARTS_BLOCK = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[篇章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|"
    r"\d{1,2}[.、．]\D|专栏|表\s*\d|图\s*\d)"
)
# How many lines at the top and bottom of a page are looked at for running headers and page numbers.
EDGE_LINES = 2
# A line at least this share of the typical full line width is taken to be wrapped by the page.
FULL_WIDTH_SHARE = 0.85


def read_pdf(path: str | Path, settings: Settings) -> list[SourceLine]:
    """Return the text layer's lines with page and in-page line numbers, cleaned of page furniture."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise InputError(path, f"not a readable PDF file (truncated or damaged: {exc})") from exc
    try:
        pages = [_page_lines(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()
    chars = sum(len(t.strip()) for page in pages for t in page)
    if not pages or chars < settings.min_pdf_chars_per_page * len(pages):
        raise InputError(
            path, "the PDF has no text layer (scanned pages?); run OCR first (e.g. ocrmypdf) and try again"
        )
    furniture = _running_furniture(pages)
    lines: list[SourceLine] = []
    for page_no, page in enumerate(pages, start=1):
        edge = _edge_indexes(page)
        for line_no, text in enumerate(page, start=1):
            stripped = text.strip()
            if line_no - 1 in edge and (_PAGE_NUMBER.match(stripped) or _shape(stripped) in furniture):
                continue
            lines.append(SourceLine(text, line_no, line_no, page_no))
    return _rejoin_wrapped(lines)


def _page_lines(page: pdfium.PdfPage) -> list[str]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
        page.close()
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _edge_indexes(page: list[str]) -> set[int]:
    filled = [i for i, t in enumerate(page) if t.strip()]
    return set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def _running_furniture(pages: list[list[str]]) -> set[str]:
    """Edge lines that recur (digits ignored) on at least half of the pages, when there are several."""
    if len(pages) < 3:
        return set()
    counts = Counter(
        shape for page in pages for shape in {_shape(page[i].strip()) for i in _edge_indexes(page)} if shape
    )
    return {shape for shape, n in counts.items() if n >= max(2, len(pages) / 2)}


def _rejoin_wrapped(lines: list[SourceLine]) -> list[SourceLine]:
    widths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    if not widths:
        return lines
    full_width = widths[int(0.9 * (len(widths) - 1))]
    joined: list[SourceLine] = []
    last_physical = ""
    for line in lines:
        text = line.text.strip()
        if joined and text and _continues(last_physical, text, full_width):
            previous = joined[-1]
            joined[-1] = SourceLine(
                previous.text + text, previous.line, line.line, previous.page, previous.heading_level
            )
        else:
            joined.append(SourceLine(text, line.line, line.end_line, line.page))
        last_physical = text
    return joined


def _continues(previous: str, text: str, full_width: int) -> bool:
    """A full-width line that does not end a sentence runs on into the next one."""
    return (
        len(previous) >= FULL_WIDTH_SHARE * full_width
        and not _SENTENCE_END.search(previous)
        and not _STARTS_BLOCK.match(text)
    )
