"""Read a Word document: paragraphs in body order with their styles, and tables cell by cell.

The line number of a DOCX line is its 1-based position among the body's paragraphs and table rows
(Word has no lines of its own). ``Heading N`` and ``Title`` styles become heading hints. A table is
read by ``docx_tables`` (merged cells expanded, one tab-separated line per row); a one-column layout
table (a frame around a box, 专栏) gives its paragraphs as lines, then two blank lines where it ends.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..errors import InputError
from ..model import SourceLine
from .docx_tables import table_lines

# Lines that end a frame (a box in a layout table): two blank lines, the text-export convention.
FRAME_END_BLANKS = 2


def read_docx(path: str | Path) -> list[SourceLine]:
    """Return the document's lines with paragraph positions and heading hints."""
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f"not a readable DOCX file (truncated or damaged: {exc})") from exc
    except Exception as exc:  # python-docx raises bare exceptions for some damaged packages
        raise InputError(path, f"not a readable DOCX file ({type(exc).__name__}: {exc})") from exc
    return list(_body_lines(document))


def _body_lines(document: DocxDocument) -> list[SourceLine]:
    lines: list[SourceLine] = []
    position = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            position += 1
            paragraph = Paragraph(child, document)
            for text in paragraph.text.split("\n"):
                lines.append(SourceLine(text, position, position, None, _heading_level(paragraph)))
        elif child.tag == qn("w:tbl"):
            table, position = table_lines(child, position)
            lines.extend(table)
            if not any(line.text.startswith("\t") for line in table):  # a layout table: a frame around a box
                lines.extend(SourceLine("", position, position) for _ in range(FRAME_END_BLANKS))
    return lines


def _heading_level(paragraph: Paragraph) -> int | None:
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return None
    if name == "Title":
        return 0
    if name.startswith("Heading "):
        suffix = name.removeprefix("Heading ").strip()
        return int(suffix) if suffix.isdigit() else None
    return None
