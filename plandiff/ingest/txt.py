"""Read a plain-text plan file: decode it and split it into numbered source lines."""

from __future__ import annotations

from pathlib import Path

from ..model import SourceLine
from .encoding import decode_text


def read_txt(data: bytes, path: str | Path) -> tuple[list[SourceLine], str]:
    """Return the raw lines (1-based line numbers as awk and ``split('\\n')`` count them) and the encoding."""
    text, encoding = decode_text(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [SourceLine(t, n, n) for n, t in enumerate(text.split("\n"), start=1)]
    return lines, encoding
