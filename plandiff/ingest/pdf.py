"""Read a PDF's text layer: drop running headers, footers and page numbers; rejoin hard-wrapped lines
(``layout.py``).

Line numbers of a PDF are 1-based lines within their page, and every line carries its page.
A PDF whose pages carry (almost) no text has no text layer: it needs OCR first, and that is the error.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]

from ..errors import InputError
from ..model import SourceLine
from ..settings import Settings
from .layout import rejoin_wrapped, strip_page_furniture


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
    lines = [
        [SourceLine(text.strip(), line_no, line_no, page_no) for line_no, text in enumerate(page, start=1)]
        for page_no, page in enumerate(pages, start=1)
    ]
    return rejoin_wrapped(strip_page_furniture(lines))


def _page_lines(page: pdfium.PdfPage) -> list[str]:
    textpage = page.get_textpage()
    try:
        text = str(textpage.get_text_range())
    finally:
        textpage.close()
        page.close()
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
