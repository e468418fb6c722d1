"""Tables of contents (目录): found as one block by what they are, and kept as the list of headings the body has.

A 目录 is a run of heading-like lines and nothing else: numbered headings (第一篇, 第三章, 一、, （二）),
unnumbered ones (序言, 结语, 附录, 名词解释) and box, table or figure titles (a 专栏目录 lists 专栏3 …), each with
or without dot leaders and a page number (arabic or roman, after leaders or spaces), with page lines and
the second lines of wrapped titles between them. No paragraph sits inside one. A run is a 目录 when a
``目录`` heading opens it, when most of its entries carry page numbers, or else when the body repeats its
entries in order (a plain list of headings, MIN_PLAIN_ENTRIES or more, REPEATED_SHARE of them repeated).

It ends where the body starts, which may follow without a paragraph between: at the first entry that
repeats the first one (第一篇 again, its title perhaps wrapped: the shorter title is a prefix of the longer)
or any earlier top-level one (a 一、指导思想 may recur under two chapters). When a paragraph ends the run instead, entries at its end that the body never repeats
are the body's first headings (an unlisted 前言), not the 目录's.

The entries are a free cross-check of the body (``events.py``): a listed heading the body seems to lack is
looked for glued to its first paragraph or wrapped over two lines before anything is synthesized.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from ..ingest.characters import TOC_HEADING, cjk_count
from .numbering import (
    APPENDIX,
    BOX,
    CLOSING,
    FIGURE_CAPTION,
    GLOSSARY,
    PREAMBLE,
    TABLE_CAPTION,
    Scheme,
    read_heading,
)

# Leaders (dots, ellipses, middle dots, rules) and/or spaces, then a page number: arabic or roman.
_PAGE_REF = re.compile(
    r"(?:\s*(?:[.．。·•・…⋯‥_\-－—–]\s*)+|\s+)(?P<page>\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})$"
)
_LEADERS = re.compile(r"\s*(?:[.．·•・…⋯‥_]\s*){2,}$")
_PAGE_LINE = re.compile(r"^(?:[—–\-－_\s]*\d{1,4}[—–\-－_\s]*|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})$")
_SENTENCE = re.compile(r"[。；;！？!?]")
_NOT_LOOSE = re.compile(r"[\W_]+")
# Leaders and a page number are looked for in this many last characters of a line (leaders of a 目录 line
# in the corpus are at most 40 characters long).
PAGE_REF_WINDOW = 80
# A wrapped entry's second line is at most this long.
TAIL_CHARS = 40
# A plain list (no 目录 heading, no page numbers) is a 目录 only with this many entries, this share of them
# repeated by the body in order. A body never runs this many headings without a paragraph and then
# repeats them; calibrated on the seeds (no such run) and the corpus 目录s (all entries repeated).
MIN_PLAIN_ENTRIES = 4
REPEATED_SHARE = 0.6
# A run is taken as a 目录 by its page numbers when this share of its entries carry one.
DOTTED_SHARE = 0.5
# Two headings are the same when their labels and this many first characters of their titles agree.
SAME_TITLE_CHARS = 4
_UNNUMBERED = (PREAMBLE, CLOSING, GLOSSARY, APPENDIX, BOX, TABLE_CAPTION, FIGURE_CAPTION)


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One heading a 目录 lists: its line, scheme and number (None/0 when unnumbered), label and title."""

    index: int
    scheme: Scheme | None
    number: int
    label: str
    title: str  # matching form
    shown: str = ""  # the title as written (display text)

    @property
    def key(self) -> str:
        """Label and title without spaces and punctuation: what the body's heading is compared on."""
        return loose(self.label + self.title)

    def same_heading(self, other: TocEntry) -> bool:
        """The same heading written twice (a 目录 entry and the body's heading, one perhaps wrapped)."""
        if (self.scheme, self.number) != (other.scheme, other.number) or loose(self.label) != loose(
            other.label
        ):
            return False
        return starts_alike(loose(self.title), loose(other.title))


@dataclass(frozen=True, slots=True)
class Toc:
    """The lines of every 目录 block of a document, and the headings they list in order."""

    indexes: frozenset[int]
    entries: tuple[TocEntry, ...]

    def titles_by_label(self) -> dict[str, ListedTitles]:
        """The loose titles listed under each loose label (第三章 -> its titles)."""
        listed: dict[str, set[str]] = {}
        for entry in self.entries:
            if entry.label and loose(entry.title):
                listed.setdefault(loose(entry.label), set()).add(loose(entry.title))
        return {label: ListedTitles(titles) for label, titles in listed.items()}


class ListedTitles:
    """The loose titles a 目录 gives one label, for lookups that cost no scan."""

    def __init__(self, titles: set[str]) -> None:
        self.all = frozenset(titles)
        self.lengths = sorted({len(t) for t in titles}, reverse=True)
        self.ordered = sorted(titles)

    def prefix_of(self, text: str) -> str | None:
        """The longest title that ``text`` opens with and goes on after."""
        return next((text[:n] for n in self.lengths if len(text) > n and text[:n] in self.all), None)

    def longer(self, start: str) -> list[str]:
        """The titles that open with ``start`` and go on, the longest first."""
        found = []
        for title in self.ordered[bisect_left(self.ordered, start) :]:
            if not title.startswith(start):
                break
            if len(title) > len(start):
                found.append(title)
        return sorted(found, key=len, reverse=True)


@dataclass(slots=True)
class _Item:
    index: int
    kind: str  # "heading" (目录), "entry", "tail", "page"
    entry: TocEntry | None = None
    dotted: bool = False
    text: str = ""  # a tail's text, without its page number
    shown: str = ""  # the same as written


def loose(text: str) -> str:
    """Text without whitespace, punctuation and symbols (the comparison form of headings)."""
    return _NOT_LOOSE.sub("", text)


def starts_alike(a: str, b: str) -> bool:
    """One title is a prefix of the other (a wrapped heading's first line), or they are equal."""
    if not a or not b:
        return a == b
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter] and shorter >= min(SAME_TITLE_CHARS, max(len(a), len(b)))


def strip_page_ref(text: str) -> tuple[str, bool]:
    """A 目录 line without its leaders and page number, and whether it had them (only the line's last
    PAGE_REF_WINDOW characters are looked at, so that a long line costs no more than a short one)."""
    offset = max(0, len(text) - PAGE_REF_WINDOW)
    tail = text[offset:]
    for pattern in (_PAGE_REF, _LEADERS):
        match = pattern.search(tail)
        if match and offset + match.start() > 0:
            return text[: offset + match.start()].rstrip(), True
    return text, False


def read_entry(index: int, text: str, shown: str | None = None) -> tuple[TocEntry, bool] | None:
    """The heading a line would list in a 目录 (numbered, unnumbered or a box title), and whether it has a
    page number; None for any other line. ``shown`` is the line as written (same length as ``text``)."""
    core, dotted = strip_page_ref(text)
    shown_core = (shown if shown is not None else text)[: len(core)]
    heading = read_heading(core)
    if heading is not None and heading.scheme <= Scheme.ARABIC and not heading.rest:
        title = heading.in_text(shown_core).title or ""
        return TocEntry(
            index, heading.scheme, heading.number, heading.label, heading.title or "", title
        ), dotted
    if len(core) <= TAIL_CHARS and any(pattern.match(core) for pattern in _UNNUMBERED):
        return TocEntry(index, None, 0, "", core, shown_core), dotted
    return None


def find_toc(matching: Sequence[str], display: Sequence[str], skip: Collection[int] = ()) -> Toc:
    """Every 目录 block of the (stripped, matching-form) lines and their display text; lines in ``skip``
    (tables) are never in one."""
    body = _Body([loose(text) for text in matching])
    indexes: set[int] = set()
    entries: list[TocEntry] = []
    for run in _runs(matching, display, skip):
        block = _block(run, body)
        if block:
            first, last = block[0].index, block[-1].index
            indexes.update(range(first, last + 1))
            entries.extend(item.entry for item in block if item.entry is not None)
    return Toc(frozenset(indexes), tuple(entries))


def _runs(matching: Sequence[str], display: Sequence[str], skip: Collection[int]) -> list[list[_Item]]:
    """Maximal runs of 目录-like lines (blank lines allowed inside), broken by any other line."""
    runs: list[list[_Item]] = []
    run: list[_Item] = []
    for i, text in enumerate(matching):
        if not text:
            continue
        item = None if i in skip else _classify(i, text, display[i], run[-1] if run else None)
        if item is None:
            if run:
                runs.append(run)
            run = []
            continue
        run.append(item)
    if run:
        runs.append(run)
    return [r for r in runs if any(item.kind in ("entry", "heading") for item in r)]


def _classify(i: int, text: str, shown: str, previous: _Item | None) -> _Item | None:
    if TOC_HEADING.match(text):
        return _Item(i, "heading")
    found = read_entry(i, text, shown)
    if found is not None:
        return _Item(i, "entry", found[0], found[1])
    if _PAGE_LINE.match(text):
        return _Item(i, "page")
    core, dotted = strip_page_ref(text)
    if (
        previous is not None
        and previous.kind in ("entry", "tail")
        and len(core) <= TAIL_CHARS
        and cjk_count(core) >= 2
        and not _SENTENCE.search(core)
    ):
        return _Item(i, "tail", dotted=dotted, text=core, shown=shown[: len(core)])
    return None


def _block(run: list[_Item], body: _Body) -> list[_Item]:
    """The part of a run that is a 目录 (wrapped titles joined into their entries), or []."""
    run, restarted = _cut_at_restart(_join_tails(run))
    items = [item for item in run if item.entry is not None]
    headed = any(item.kind == "heading" for item in run)
    few = len(items) < MIN_PLAIN_ENTRIES and sum(item.dotted for item in items) < DOTTED_SHARE * len(items)
    if not items or (few and not headed):
        return [item for item in run if item.kind == "heading"]  # the body's own headings
    repeated = _repeated([item.entry for item in items if item.entry is not None], body, run[-1].index + 1)
    if not restarted:  # a paragraph ends the run: unrepeated entries at its end are the body's headings
        keep = len(items)
        while keep and not repeated[keep - 1]:
            keep -= 1
        if keep < len(items):
            run = [item for item in run if item.index < items[keep].index]
            items, repeated = items[:keep], repeated[:keep]
    if not items:
        return [item for item in run if item.kind == "heading"]
    dotted = sum(item.dotted for item in items) >= DOTTED_SHARE * len(items)
    plain = len(items) >= MIN_PLAIN_ENTRIES and sum(repeated) >= REPEATED_SHARE * len(items)
    return run if headed or dotted or plain else []


def _join_tails(run: list[_Item]) -> list[_Item]:
    """A wrapped entry's second line joins its title (the page number, if any, is on the second line)."""
    last_entry: int | None = None
    for position, item in enumerate(run):
        if item.kind == "entry":
            last_entry = position
        elif item.kind == "tail" and last_entry is not None:
            head = run[last_entry]
            assert head.entry is not None
            entry = replace(
                head.entry, title=head.entry.title + item.text, shown=head.entry.shown + item.shown
            )
            run[last_entry] = _Item(head.index, "entry", entry, head.dotted or item.dotted)
        elif item.kind != "page":
            last_entry = None
    return run


def _cut_at_restart(run: list[_Item]) -> tuple[list[_Item], bool]:
    """The run up to the body's first heading: the first entry that repeats the first one, or any earlier
    top-level one (a lower-level title may recur: 一、指导思想 under two chapters)."""
    schemes = [item.entry.scheme for item in run if item.entry is not None and item.entry.scheme is not None]
    top = min(schemes, default=None)
    first: TocEntry | None = None
    seen: set[str] = set()
    for position, item in enumerate(run):
        if item.entry is None:
            continue
        top_level = item.entry.scheme is None or item.entry.scheme == top
        if first is not None and (item.entry.same_heading(first) or (top_level and item.entry.key in seen)):
            return run[:position], True
        first = first or item.entry
        if top_level:
            seen.add(item.entry.key)
    return run, False


def _repeated(entries: Sequence[TocEntry], body: _Body, start: int) -> list[bool]:
    """Whether the body after ``start`` repeats each entry, in order (its line opens with the same label
    and the same first title characters)."""
    found: list[bool] = []
    position = start
    for entry in entries:
        key = entry.key
        need = min(len(key), len(loose(entry.label)) + SAME_TITLE_CHARS)
        hit = body.first(key[:need], position) if need else None
        found.append(hit is not None)
        if hit is not None:
            position = hit + 1
    return found


class _Body:
    """The lines' loose forms, indexed by their first characters (built once per prefix length), so that
    looking up where the body repeats an entry costs no scan."""

    def __init__(self, loose_lines: Sequence[str]) -> None:
        self.loose_lines = loose_lines
        self.by_prefix: dict[int, dict[str, list[int]]] = {}

    def first(self, prefix: str, position: int) -> int | None:
        """The first line at or after ``position`` whose loose form opens with ``prefix``."""
        index = self.by_prefix.get(len(prefix))
        if index is None:
            index = self.by_prefix[len(prefix)] = {}
            for k, text in enumerate(self.loose_lines):
                index.setdefault(text[: len(prefix)], []).append(k)
        hits = index.get(prefix, [])
        at = bisect_left(hits, position)
        return hits[at] if at < len(hits) else None
