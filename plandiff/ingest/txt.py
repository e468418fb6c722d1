"""Read a plain-text plan file: decode it, split it into numbered source lines, and undo a PDF's page layout
when the text was extracted from one (``layout.py``)."""

from __future__ import annotations

from pathlib import Path

from ..model import SourceLine
from .encoding import decode_text
from .layout import undo_text_layout


def read_txt(data: bytes, path: str | Path) -> tuple[list[SourceLine], str]:
    """Return the raw lines (1-based line numbers as awk and ``split('\\n')`` count them; a joined line
    spans several) and the encoding."""
    text, encoding = decode_text(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [SourceLine(t, n, n) for n, t in enumerate(text.split("\n"), start=1)]
    return undo_text_layout(lines), encoding
