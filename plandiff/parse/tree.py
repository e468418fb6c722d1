"""Nest the events into the outline tree: stable ids, parents, levels and line spans.

An event's parent is the nearest open event of a lower rank (a 节 under its 章, an item under its 节);
a preamble or closing (结语) never holds headings, a box or table holds nothing, an appendix holds the
headings after it up to the next unnumbered top-level heading, and the glossary holds everything after
it. Ids are paths of scheme codes and numbers (``p2/c3/s1``), so they stay the same across runs and
across edits elsewhere in the file.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Section, SectionKind, SourceLine
from .events import Event
from .numbering import SCHEME_CODES, Scheme

_KIND_CODES = {
    SectionKind.PREAMBLE: "pre",
    SectionKind.BOX: "box",
    SectionKind.TABLE: "tab",
    SectionKind.GLOSSARY: "glossary",
    SectionKind.CLOSING: "closing",
    SectionKind.APPENDIX: "appendix",
}
_LEAF_KINDS = (SectionKind.BOX, SectionKind.TABLE, SectionKind.PREAMBLE, SectionKind.CLOSING)
# Boxes and tables belong to the structural section around them, not to a run-in or lead-sentence item.
_ITEM_SCHEMES = (Scheme.STANDALONE, Scheme.RUN_IN, Scheme.LEAD)


def build_sections(events: Sequence[Event], lines: Sequence[SourceLine]) -> list[Section]:
    """The sections of the outline in document order."""
    stack: list[tuple[Event, str, int]] = []  # (event, id, depth)
    used_ids: dict[str, int] = {}
    counters: dict[tuple[str | None, str], int] = {}
    placed: list[tuple[Event, str, str | None, int]] = []
    for event in events:
        while stack and (stack[-1][0].kind in _LEAF_KINDS or stack[-1][0].rank >= event.rank):
            if stack[-1][0].kind is SectionKind.GLOSSARY:
                break
            stack.pop()
        while (
            event.kind in (SectionKind.BOX, SectionKind.TABLE)
            and stack
            and stack[-1][0].scheme in _ITEM_SCHEMES
        ):
            stack.pop()
        parent_id = stack[-1][1] if stack else None
        depth = stack[-1][2] + 1 if stack else 1
        section_id = _unique(_make_id(event, parent_id, counters), used_ids)
        placed.append((event, section_id, parent_id, depth))
        stack.append((event, section_id, depth))
    return _with_spans(placed, lines)


def _make_id(event: Event, parent_id: str | None, counters: dict[tuple[str | None, str], int]) -> str:
    if event.scheme is not None and event.number:
        local = f"{SCHEME_CODES[event.scheme]}{event.number}"
    else:
        code = SCHEME_CODES[event.scheme] if event.scheme is not None else _KIND_CODES.get(event.kind, "x")
        key = (parent_id, code)
        counters[key] = counters.get(key, 0) + 1
        local = (
            f"{code}{event.number or counters[key]}"
            if event.kind is SectionKind.BOX
            else f"{code}{counters[key]}"
        )
    return f"{parent_id}/{local}" if parent_id else local


def _unique(section_id: str, used: dict[str, int]) -> str:
    """The id, or ``id~2``, ``id~3`` … for its repeats (``used`` counts each id's uses)."""
    candidate = section_id
    while candidate in used:
        used[section_id] += 1
        candidate = f"{section_id}~{used[section_id]}"
    used[candidate] = 1
    return candidate


def _with_spans(
    placed: list[tuple[Event, str, str | None, int]], lines: Sequence[SourceLine]
) -> list[Section]:
    """A section runs until the next section at its depth or shallower, trimmed of trailing blanks."""
    sections: list[Section] = []
    last_index = len(lines) - 1
    for position, (event, section_id, parent_id, depth) in enumerate(placed):
        end_index = last_index
        for later, _, _, later_depth in placed[position + 1 :]:
            if later_depth <= depth and later.index > event.index:
                end_index = later.index - 1
                break
        if event.end_index is not None:
            end_index = min(end_index, event.end_index)  # a box or table ends with its own lines
        while end_index > event.index and not lines[end_index].text.strip():
            end_index -= 1
        sections.append(
            Section(
                id=section_id,
                parent=parent_id,
                level=depth,
                kind=event.kind,
                label=event.label,
                title=event.title,
                synthetic=event.synthetic,
                line=lines[event.index].line,
                end_line=lines[end_index].end_line,
                page=lines[event.index].page,
                end_page=lines[end_index].end_page or lines[end_index].page,
                paragraphs=tuple((lines[i].line, text) for i, text in event.paragraphs),
                numbering=SCHEME_CODES[event.scheme] if event.scheme is not None else "",
            )
        )
    return sections
