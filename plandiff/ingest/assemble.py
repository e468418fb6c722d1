"""Turn the raw lines a format reader produced into ``CleanText``: character cleaning, then chrome removal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import CleanText, RemovedLine, SourceFormat, SourceLine
from .characters import clean_line
from .chrome import judge_lines


def assemble(
    path: str, fmt: SourceFormat, encoding: str | None, raw_lines: Iterable[SourceLine]
) -> CleanText:
    """Clean every raw line, drop chrome and spam, and keep the map back to the source."""
    cleaned = [replace(r, text=clean_line(r.text)) for r in raw_lines]
    verdicts = judge_lines([line.text for line in cleaned])
    kept: list[SourceLine] = []
    removed: list[RemovedLine] = []
    for line, verdict in zip(cleaned, verdicts, strict=True):
        if verdict.keep:
            kept.append(line)
        else:
            removed.append(RemovedLine(line.line, line.text, verdict.reason, line.page))
    while kept and not kept[0].text.strip():
        kept.pop(0)
    while kept and not kept[-1].text.strip():
        kept.pop()
    return CleanText(path, fmt, encoding, tuple(kept), tuple(removed))
