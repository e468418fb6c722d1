"""Read clean lines into a flat, ordered list of structural events: headings, boxes, tables, glossary.

Each line is one of: blank; part of a table (``tables.py``); part of a table of contents (``toc.py``,
skipped whole); a heading of a numbering scheme (``numbering.py``); an unnumbered heading (序言/前言,
结语, 附录/附表/附件, 名词解释); a box (专栏) and its lines; the glossary and everything after it; a figure
caption; or a paragraph. Run-in items (``一是…。二是…。``) inside one paragraph become one event each.

Patterns run on the aligned matching form; labels, titles and paragraphs are cut from the source's own
characters at the same offsets, so sections keep the display text.

- A heading the 目录 lists is looked for where the body seems to lack it: glued to its first paragraph (a
  PDF line join) it is split off, wrapped over lines it is joined. Without a listing, a heading whose title
  continues on a short next line is rejoined (BROKEN_TITLE_CHARS).
- A box ends where its element ends (two blank lines: text exports, and the HTML and DOCX readers after a
  frame), at a table, or at the next heading of a rank that cannot be inside it: 篇/章/节, a rank below the
  heading the box sits in, or that heading's next sibling; the box's own items (numbered from 1 on) stay.
- Before the first numbered heading, a short line without sentence punctuation, digits or title words that
  a paragraph follows is a preface heading: a preamble with that title.
- Notes under a table or box (``注：1.…``, then ``2.``, ``3.``) are paragraphs, not numbered items.
- An appendix or glossary heading after which the body's top-level numbering goes on (a table captioned
  附表1 inside a chapter) is a paragraph: only a closing one holds the rest of the document.
- A paragraph that opens with a space in a file whose paragraphs normally do not is an *indent break*:
  text exports leave it where a heading was lost, so ``recover.py`` uses it as a boundary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, pairwise

from ..ingest import aligned_matching_form, matching_form
from ..ingest.characters import cjk_count
from ..model import SectionKind, SourceLine
from .numbering import (
    APPENDIX,
    BOX,
    CLOSING,
    FIGURE_CAPTION,
    GLOSSARY,
    PREAMBLE,
    TOC_ENTRY,
    Heading,
    Scheme,
    lead_spans,
    read_heading,
    run_in_starts,
)
from .tables import FoundTable, find_tables
from .toc import PAGE_REF_WINDOW, Toc, TocEntry, find_toc, loose

# A heading's second line (wrapped by a PDF) is at most this long, and followed by a blank or a paragraph.
BROKEN_TITLE_CHARS = 20
# Indent breaks are a signal only where indented paragraphs are rare (here: under a fifth of them).
INDENT_BREAK_SHARE = 0.2
# A preface heading has this many CJK characters; the paragraph after it at least PROSE_MIN_CJK.
PREFACE_CJK = (4, 30)
PROSE_MIN_CJK = 20
# An appendix title on the line after 附表/附录 is at most this long.
APPENDIX_TITLE_CHARS = 40
_SENTENCE_PUNCT = re.compile(r"[。，,；;！？!?：:]")
_TITLE_WORDS = re.compile(r"规划|纲要|建议|决议|决定|通知|解读|报告|意见|方案|公报")
# Notes under a table or box (注：1.… 2.…) are numbered like items but are no headings.
_NOTE_START = re.compile(
    r"^(?:注\s*[:：]\s*(?P<first>1\s*[.、．](?!\d)|\(1\))?|(?:说明|备注|资料来源)\s*[:：]\s*(?P<numbered>1\s*[.、．](?!\d)|\(1\)))"
)
_LISTED_LABEL = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇两\d]+(?:篇|章|节|部分)|[一二三四五六七八九十百零〇两]+、|\([一二三四五六七八九十]+\))"
)


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
    end_index: int | None = None  # a box's or table's last line: text after it is its container's

    def holds(self, index: int) -> bool:
        """Whether a paragraph at ``index`` (after this event) is this event's: not after a closed box or table."""
        return self.end_index is None or index <= self.end_index

    @property
    def rank(self) -> float:
        """Nesting rank: lower ranks contain higher ones; unnumbered top-level headings sit at the top."""
        if self.scheme is not None:
            return float(self.scheme)
        return 0.0 if self.kind in _TOP_KINDS else 100.0


_TOP_KINDS = (SectionKind.PREAMBLE, SectionKind.GLOSSARY, SectionKind.CLOSING, SectionKind.APPENDIX)


@dataclass(frozen=True, slots=True)
class LineFacts:
    """What ``recover.py`` needs to know about the lines between events."""

    matching: tuple[str, ...]
    display: tuple[str, ...]
    indent_breaks: frozenset[int]
    paragraph_starts: tuple[int, ...]
    captions: frozenset[int]
    toc: tuple[TocEntry, ...] = ()


def read_events(lines: Sequence[SourceLine]) -> tuple[list[Event], list[FoundTable], LineFacts]:
    """The events of a document in line order, its tables, and facts about its lines."""
    matching, display = line_forms(lines)
    tables = find_tables(lines, [matching_form(line.text).strip() for line in lines])
    in_table = {i: found for found in tables for i in found.indexes}
    toc = find_toc(matching, display, in_table)
    reader = _Reader(matching, display, in_table, toc)
    reader.run()
    breaks = _indent_breaks(lines, matching, reader.paragraph_starts, reader.captions)
    facts = LineFacts(
        tuple(matching),
        tuple(display),
        breaks,
        tuple(reader.paragraph_starts),
        frozenset(reader.captions),
        toc.entries,
    )
    return reader.events, tables, facts


def line_forms(lines: Sequence[SourceLine]) -> tuple[list[str], list[str]]:
    """Each line's aligned matching form and display text, stripped alike (offsets agree)."""
    matching: list[str] = []
    display: list[str] = []
    for line in lines:
        form = aligned_matching_form(line.text)
        start, end = len(form) - len(form.lstrip()), len(form.rstrip())
        matching.append(form[start:end])
        display.append(line.text[start:end] if end > start else "")
    return matching, display


class _Reader:
    """One pass over the lines, keeping the open box, the glossary state and the lines already used."""

    def __init__(
        self, matching: list[str], display: list[str], in_table: dict[int, FoundTable], toc: Toc
    ) -> None:
        self.matching, self.display, self.in_table, self.toc = matching, display, in_table, toc
        self.events: list[Event] = []
        self.captions: set[int] = set()
        self.paragraph_starts: list[int] = []
        self.joined: set[int] = set()
        self.box: Event | None = None
        self.box_container: Event | None = None
        self.box_numbers: dict[Scheme, int] = {}
        self.in_glossary = False
        self.numbered_seen = False
        self.next_note: int | None = None
        self.listed = toc.titles_by_label()
        self.numbered: dict[Scheme, tuple[list[int], list[int]]] | None = None
        self.largest_so_far: dict[Scheme, int] = {}  # the largest number of each top-level scheme read so far

    def run(self) -> None:
        blank_run = 0
        for i, text in enumerate(self.matching):
            if not text:
                blank_run += 1
                if blank_run >= 2:
                    self.box = None
                continue
            blank_run = 0
            if i not in self.toc.indexes and i not in self.joined:
                self.read_line(i)

    def attach(self, index: int, text: str) -> None:
        if not text:
            return
        if self.box is not None:
            self.box.end_index = index
        if self.events:
            holder(self.events, len(self.events) - 1, index).paragraphs.append((index, text))
        else:
            self.events.append(Event(index, SectionKind.PREAMBLE, title=text, paragraphs=[(index, text)]))

    def add(self, event: Event) -> None:
        self.events.append(event)
        if event.scheme is not None and event.scheme <= Scheme.ARABIC_PAREN:
            self.numbered_seen = True
        if event.scheme is not None and event.scheme <= Scheme.CN_COMMA:
            self.largest_so_far[event.scheme] = max(event.number, self.largest_so_far.get(event.scheme, 0))

    def read_line(self, i: int) -> None:
        text, shown = self.matching[i], self.display[i]
        if i in self.in_table:
            found = self.in_table[i]
            if i == found.first_index:
                self.box = None
                table = Event(
                    i, SectionKind.TABLE, title=found.table.caption or None, table_id=found.table.id
                )
                table.end_index = max(found.indexes)
                self.add(table)
            return
        if self.in_glossary:
            self.attach(i, shown)
        elif TOC_ENTRY.search(text[-PAGE_REF_WINDOW:]):
            return  # a 目录 line (dot leaders and a page number) outside a 目录 block is no heading either
        elif GLOSSARY.match(text) and not self._body_goes_on(i):
            self.in_glossary = True
            self.add(Event(i, SectionKind.GLOSSARY, title=shown))
        elif PREAMBLE.match(text):
            self.add(Event(i, SectionKind.PREAMBLE, title=shown))
        elif CLOSING.match(text):
            self.add(Event(i, SectionKind.CLOSING, title=shown))
        elif APPENDIX.match(text) and not self._body_goes_on(i):
            self.add(self._appendix(i))
        elif BOX.match(text):
            self._open_box(i)
        elif FIGURE_CAPTION.match(text):
            self.captions.add(i)
            self.attach(i, shown)
        else:
            self._read_text_line(i)

    def _read_text_line(self, i: int) -> None:
        text, shown = self.matching[i], self.display[i]
        heading = read_heading(text)
        if self._is_note(text, heading):
            self.attach(i, shown)
            return
        if self.box is not None:
            if heading is None or not self._ends_box(heading):
                self.attach(i, shown)
                return
            self.box = None
        if heading is None and self._is_preface_heading(i):
            self.add(Event(i, SectionKind.PREAMBLE, title=shown))
            return
        self.paragraph_starts.append(i)
        found = self._listed_heading(i, heading) or self._rejoined(i, heading)
        if found is not None:
            whole, rest = found
            self.add(_heading_event(i, whole))
            self._text_events(i, text[rest:], shown[rest:], None)
            return
        self._text_events(i, text, shown, heading)

    def _text_events(self, i: int, text: str, shown: str, heading: Heading | None) -> None:
        """A line's heading event (if any) and its text, split at run-in items."""
        starts = run_in_starts(text)
        if len(starts) > 1 or (heading is not None and heading.scheme is Scheme.RUN_IN):
            for a, b in pairwise([*starts, len(text)]):
                item = read_heading(text[a:b])
                if item is None or item.scheme is not Scheme.RUN_IN:
                    self.attach(i, shown[a:b])
                    continue
                item = item.in_text(shown[a:b])
                self.add(_heading_event(i, item))
                self.attach(i, item.rest)
            return
        if heading is None:
            self.attach(i, shown)
            return
        heading = heading.in_text(shown)
        self.add(_heading_event(i, heading))
        self.attach(i, heading.rest)

    def _body_goes_on(self, i: int) -> bool:
        """Whether the body's top-level numbering goes on after line i (第五章 after a table's 附表1 caption, or
        a box's 名词解释): then an appendix or glossary heading there closes nothing and holds nothing."""
        if not self.largest_so_far:
            return False
        top = min(self.largest_so_far)
        last = self.largest_so_far[top]
        if self.numbered is None:  # every line's heading, read once: (indexes, largest number from there on)
            found: dict[Scheme, list[tuple[int, int]]] = {}
            for j, line in enumerate(self.matching):
                heading = read_heading(line) if line and j not in self.toc.indexes else None
                if heading is not None and heading.scheme <= Scheme.CN_COMMA:
                    found.setdefault(heading.scheme, []).append((j, heading.number))
            self.numbered = {
                scheme: ([j for j, _ in hits], list(accumulate((n for _, n in reversed(hits)), max))[::-1])
                for scheme, hits in found.items()
            }
        indexes, largest = self.numbered.get(top, ([], []))
        at = bisect_right(indexes, i)
        return at < len(indexes) and largest[at] > last

    def _is_note(self, text: str, heading: Heading | None) -> bool:
        """A note line: 注：1.…, then 2., 3.… numbered on."""
        start = _NOTE_START.match(text)
        if start:
            self.next_note = 2 if start.group("first") or start.group("numbered") else 1
            return True
        numbered_on = (
            heading is not None and heading.scheme is Scheme.ARABIC and heading.number == self.next_note
        )
        if self.next_note is not None and numbered_on:
            self.next_note += 1
            return True
        self.next_note = None
        return False

    def _open_box(self, i: int) -> None:
        match = BOX.match(self.matching[i])
        assert match is not None
        title = self.display[i][match.start("title") : match.end("title")].strip() or None
        self.box = Event(
            i, SectionKind.BOX, label=f"专栏{match.group('num')}", number=int(match.group("num")), title=title
        )
        self.box_numbers = {}
        self.box_container = next(
            (e for e in reversed(self.events) if e.scheme is not None and e.scheme <= Scheme.ARABIC_PAREN),
            None,
        )
        self.add(self.box)

    def _ends_box(self, heading: Heading) -> bool:
        """Whether a heading cannot be inside the open box (see the module docstring)."""
        if heading.scheme > Scheme.ARABIC_PAREN:
            return False
        if heading.scheme <= Scheme.SECTION:
            return True
        if self.box_numbers.get(heading.scheme, 0) + 1 == heading.number:
            self.box_numbers[heading.scheme] = heading.number  # the box's own items: 1., 2., …
            return False
        container = self.box_container
        if container is None or container.scheme is None:
            return heading.scheme <= Scheme.CN_COMMA
        if heading.scheme < container.scheme:
            return True
        return heading.scheme is container.scheme and heading.number == container.number + 1

    def _appendix(self, i: int) -> Event:
        """附表 / 附录 with its title on the line, or on the next short line without sentence punctuation."""
        match = APPENDIX.match(self.matching[i])
        assert match is not None
        shown = self.display[i]
        label = shown[: match.end("label")].strip()
        title: str | None = shown[match.start("title") : match.end("title")].strip() or None
        nxt = self._next_filled(i)
        if title is None and nxt is not None and self._is_title_tail(nxt, APPENDIX_TITLE_CHARS):
            title = self.display[nxt]
            self.joined.add(nxt)
        return Event(i, SectionKind.APPENDIX, label=label, title=title)

    def _is_preface_heading(self, i: int) -> bool:
        text = self.matching[i]
        if self.numbered_seen or not self.events or _SENTENCE_PUNCT.search(text) or re.search(r"\d", text):
            return False
        if not PREFACE_CJK[0] <= cjk_count(text) <= PREFACE_CJK[1] or _TITLE_WORDS.search(text):
            return False
        nxt = self._next_filled(i)
        return nxt is not None and _is_prose(self.matching[nxt]) and nxt not in self.toc.indexes

    def _listed_heading(self, i: int, heading: Heading | None) -> tuple[Heading, int] | None:
        """A heading the 目录 lists, where the line holds it glued to its paragraph or wrapped over lines:
        the whole heading (display text) and where the rest of line i starts."""
        text = self.matching[i]
        label = _LISTED_LABEL.match(text)
        titles = self.listed.get(loose(label.group())) if label else None
        if titles is None or label is None:
            return None
        own = (
            loose(heading.title or "") if heading is not None and heading.scheme <= Scheme.CN_PAREN else None
        )
        if own is not None and own in titles.all:
            return None  # the body has the heading as listed
        after = loose(text[label.end() :])
        glued = titles.prefix_of(after)
        if glued:
            cut = _offset_after(text, label.end(), len(glued))
            whole = read_heading(text[:cut])
            if whole is not None and whole.scheme <= Scheme.CN_PAREN:
                return whole.in_text(self.display[i][:cut]), cut
        if heading is None or own is None or heading.rest:
            return None
        for title in titles.longer(own):
            joined = self._join_until(i, own, title)
            if joined is not None:
                shown = heading.in_text(self.display[i])
                return replace(shown, title=(shown.title or "") + joined), len(text)
        return None

    def _join_until(self, i: int, own: str, title: str) -> str | None:
        """Following lines that complete a wrapped title (its loose form ``title``), joined; None if they
        do not."""
        parts: list[str] = []
        lines: list[int] = []
        j = i
        while own != title:
            nxt = self._next_filled(j)
            if nxt is None or nxt in self.toc.indexes:
                return None
            piece = loose(self.matching[nxt])
            if not piece or not title.startswith(own + piece):
                return None
            own += piece
            parts.append(self.display[nxt])
            lines.append(nxt)
            j = nxt
        self.joined.update(lines)
        return "".join(parts)

    def _rejoined(self, i: int, heading: Heading | None) -> tuple[Heading, int] | None:
        """A heading wrapped onto a second short line (PDF line breaks) gets that line back."""
        if heading is None or heading.scheme > Scheme.CN_PAREN or heading.rest:
            return None
        nxt = i + 1
        if nxt >= len(self.matching) or not self._is_title_tail(nxt, BROKEN_TITLE_CHARS):
            return None
        after = self.matching[nxt + 1] if nxt + 1 < len(self.matching) else ""
        if read_heading(self.matching[nxt]) is not None or (after and len(after) <= BROKEN_TITLE_CHARS):
            return None
        self.joined.add(nxt)
        shown = heading.in_text(self.display[i])
        return replace(shown, title=(shown.title or "") + self.display[nxt]), len(self.matching[i])

    def _is_title_tail(self, j: int, limit: int) -> bool:
        text = self.matching[j]
        return (
            bool(text)
            and len(text) <= limit
            and not _SENTENCE_PUNCT.search(text)
            and j not in self.in_table
            and j not in self.toc.indexes
            and not any(p.match(text) for p in (PREAMBLE, CLOSING, GLOSSARY, APPENDIX, BOX, FIGURE_CAPTION))
        )

    def _next_filled(self, i: int) -> int | None:
        return next((j for j in range(i + 1, len(self.matching)) if self.matching[j]), None)


def holder(events: Sequence[Event], position: int, index: int) -> Event:
    """The event a paragraph at ``index`` belongs to, given the last event at or above it: that event, or
    the one it sits in when it is a box or table that ended before the paragraph."""
    for k in range(position, -1, -1):
        event = events[k]
        if event.holds(index) or event.kind not in (SectionKind.BOX, SectionKind.TABLE):
            return event
    return events[position]


def _is_prose(text: str) -> bool:
    return cjk_count(text) >= PROSE_MIN_CJK and bool(_SENTENCE_PUNCT.search(text))


def _offset_after(text: str, start: int, count: int) -> int:
    """The offset in ``text`` after ``count`` characters from ``start`` that ``loose`` keeps."""
    position = start
    while count and position < len(text):
        if loose(text[position]):
            count -= 1
        position += 1
    return position


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


def synthetic_title(matching: str, display: str) -> str:
    """A title for a section whose heading was lost: its first lead sentence or clause (display text)."""
    t0, t1, _, _ = lead_spans(matching)
    title = display[t0:t1] or display.strip()
    return title if len(title) <= 24 else title[:24] + "…"
