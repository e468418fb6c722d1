"""Read clean lines into a flat, ordered list of structural events: headings, boxes, tables, glossary.

Each line is one of: blank; part of a table (``tables.py``); a table-of-contents entry (skipped); a
heading of a numbering scheme (``numbering.py``); a box (专栏) and its lines; the glossary and everything
after it; a figure caption; or a paragraph. Run-in items (``一是…。二是…。``) inside one paragraph become
one event each. A paragraph that opens with a space in a file whose paragraphs normally do not is an
*indent break*: text exports leave it where a heading was lost, so ``recover.py`` uses it as a boundary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..ingest import matching_form
from ..model import SectionKind, SourceLine
from .numbering import (
    BOX,
    FIGURE_CAPTION,
    GLOSSARY,
    PREAMBLE,
    TOC_ENTRY,
    TOC_HEADING,
    Heading,
    Scheme,
    read_heading,
    split_lead,
    split_run_in,
)
from .tables import FoundTable, find_tables

# A heading's second line (wrapped by a PDF) is at most this long, and followed by a blank or a paragraph.
BROKEN_TITLE_CHARS = 20
# Indent breaks are a signal only where indented paragraphs are rare (here: under a fifth of them).
INDENT_BREAK_SHARE = 0.2


@dataclass(slots=True)
class Event:
    """A structural element at a clean-line index, with the paragraphs that follow it directly."""

    index: int
    kind: SectionKind
    scheme: Scheme | None = None
    number: int = 0
    label: str = ""
    title: str | None = None
    synthetic: bool = False
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    table_id: str | None = None

    @property
    def rank(self) -> float:
        """Nesting rank: lower ranks contain higher ones; preamble and glossary sit at the top."""
        if self.scheme is not None:
            return float(self.scheme)
        return 0.0 if self.kind in (SectionKind.PREAMBLE, SectionKind.GLOSSARY) else 100.0


@dataclass(frozen=True, slots=True)
class LineFacts:
    """What ``recover.py`` needs to know about the lines between events."""

    matching: tuple[str, ...]
    indent_breaks: frozenset[int]
    paragraph_starts: tuple[int, ...]
    captions: frozenset[int]


def read_events(lines: Sequence[SourceLine]) -> tuple[list[Event], list[FoundTable], LineFacts]:
    """The events of a document in line order, its tables, and facts about its lines."""
    matching = [matching_form(line.text).strip() for line in lines]
    tables = find_tables(lines, matching)
    in_table = {i: found for found in tables for i in found.indexes}
    events: list[Event] = []
    captions: set[int] = set()
    paragraph_starts: list[int] = []
    in_toc = in_box = in_glossary = False
    toc_labels: set[str] = set()
    joined: set[int] = set()
    blank_run = 0

    def attach(index: int, text: str) -> None:
        if text:
            if events:
                events[-1].paragraphs.append((index, text))
            else:
                events.append(Event(index, SectionKind.PREAMBLE, title=text, paragraphs=[(index, text)]))

    for i, text in enumerate(matching):
        if not text:
            blank_run += 1
            in_box = in_box and blank_run < 2
            continue
        blank_run = 0
        if i in in_table:
            found = in_table[i]
            if i == found.first_index:
                in_box = False
                events.append(
                    Event(
                        i,
                        SectionKind.TABLE,
                        label="",
                        title=found.table.caption or None,
                        table_id=found.table.id,
                    )
                )
            continue
        if in_glossary:
            attach(i, text)
            continue
        if TOC_HEADING.match(text):
            in_toc = True
            continue
        heading = read_heading(text)
        if TOC_ENTRY.search(text) or in_toc:
            if heading is not None and heading.scheme <= Scheme.SECTION and heading.label not in toc_labels:
                toc_labels.add(heading.label)
                continue  # a table-of-contents entry (the body repeats the first one)
            if TOC_ENTRY.search(text):
                continue
        in_toc = False
        if i in joined:
            continue
        if heading is not None and heading.scheme <= Scheme.CN_PAREN and not heading.rest:
            heading = _rejoin_broken_title(heading, matching, i, joined)
        if GLOSSARY.match(text):
            in_glossary = True
            events.append(Event(i, SectionKind.GLOSSARY, title=text))
            continue
        if PREAMBLE.match(text):
            events.append(Event(i, SectionKind.PREAMBLE, title=text))
            continue
        box = BOX.match(text)
        if box:
            in_box = True
            events.append(
                Event(
                    i,
                    SectionKind.BOX,
                    label=f"专栏{box.group('num')}",
                    number=int(box.group("num")),
                    title=box.group("title") or None,
                )
            )
            continue
        if FIGURE_CAPTION.match(text):
            captions.add(i)
            attach(i, text)
            continue
        if in_box and (heading is None or heading.scheme > Scheme.SECTION):
            attach(i, text)
            continue
        in_box = False
        paragraph_starts.append(i)
        _add_line_events(events, i, text, heading, attach)

    breaks = _indent_breaks(lines, matching, paragraph_starts, captions)
    facts = LineFacts(tuple(matching), breaks, tuple(paragraph_starts), frozenset(captions))
    return events, tables, facts


def _add_line_events(events: list[Event], i: int, text: str, heading: Heading | None, attach) -> None:
    parts = split_run_in(text)
    if len(parts) > 1 or (heading is not None and heading.scheme is Scheme.RUN_IN):
        first = read_heading(parts[0])
        if first is None or first.scheme is not Scheme.RUN_IN:
            attach(i, parts[0])
            parts = parts[1:]
        for part in parts:
            item = read_heading(part)
            if item is None or item.scheme is not Scheme.RUN_IN:
                attach(i, part)
                continue
            events.append(_heading_event(i, item))
            attach(i, item.rest)
        return
    if heading is None:
        attach(i, text)
        return
    events.append(_heading_event(i, heading))
    attach(i, heading.rest)


def _rejoin_broken_title(heading: Heading, matching: Sequence[str], i: int, joined: set[int]) -> Heading:
    """A heading wrapped onto a second short line (PDF line breaks) gets that line back."""
    nxt = i + 1
    if nxt >= len(matching) or not matching[nxt] or len(matching[nxt]) > BROKEN_TITLE_CHARS:
        return heading
    tail = matching[nxt]
    after = matching[nxt + 1] if nxt + 1 < len(matching) else ""
    if (
        read_heading(tail) is not None
        or re.search(r"[。，,；;：:]", tail)
        or any(p.match(tail) for p in (PREAMBLE, GLOSSARY, BOX, FIGURE_CAPTION))
        or (after and len(after) <= BROKEN_TITLE_CHARS)
    ):
        return heading
    joined.add(nxt)
    return Heading(heading.scheme, heading.number, heading.label, (heading.title or "") + tail, heading.rest)


def _heading_event(index: int, heading: Heading) -> Event:
    kind = {
        Scheme.PART: SectionKind.PART,
        Scheme.CHAPTER: SectionKind.CHAPTER,
        Scheme.SECTION: SectionKind.SECTION,
    }.get(heading.scheme, SectionKind.ITEM)
    return Event(index, kind, heading.scheme, heading.number, heading.label, heading.title)


def _indent_breaks(
    lines: Sequence[SourceLine], matching: Sequence[str], starts: Sequence[int], captions: set[int]
) -> frozenset[int]:
    """Paragraph starts that open with a space where paragraphs normally do not."""
    indented = [i for i in starts if lines[i].text[:1] in (" ", "\u3000")]
    if not starts or len(indented) > INDENT_BREAK_SHARE * len(starts):
        return frozenset()
    return frozenset(i for i in indented if i not in captions and matching[i])


def synthetic_title(text: str) -> str:
    """A title for a section whose heading was lost: its first lead sentence or clause."""
    title, _ = split_lead(text)
    title = title or text
    return title if len(title) <= 24 else title[:24] + "…"
