"""Recover lost headings: create synthetic sections where numbering jumps and where indent breaks show one.

1. **Numbering gaps.** Parts (篇) and chapters (章) are numbered through the whole plan; other schemes
   count within their parent. A 第六章 after 第三章 means 第四章 and 第五章 were lost; a first 第二篇 means
   第一篇 was. The lost ones lie after the previous sibling's own numbered descendants and before the
   heading that revealed the gap (or before a restart of its child numbering, 第一节 after 第三节).
2. **Where exactly.** Candidate lines are indent breaks (``events.py``) in that region, scored: a
   paragraph opening with the guiding-ideology formula that starts every 总体要求 (+2), a paragraph with
   no lead sentence, as chapter introductions are written (+1), a paragraph right above an explicit first
   child heading (+2). A lost *first* sibling starts at the first candidate. Without indent breaks every
   paragraph start is a candidate, and a number remnant in the text (``…防线.推进法治…`` where ``52.``
   was) scores +3.
3. **Indent breaks left over** inside a part or chapter become its synthetic chapters or sections.
4. **Lost parts of run-on items.** Recommendations (建议) number their items through the whole document
   (1.–60.) and open each part (一、…) with a lead paragraph before its first item. When only the first
   part heading survives, the leads are left between two items. Where items are mostly one paragraph
   long, the last paragraph between item N and item N+1 is the lead of a lost part when the two items
   after it are one paragraph each (text on the heading's line): a part opens with its lead and then
   items, while an item of several paragraphs (a 总体要求 item) keeps its closing paragraphs. The explicit
   part numbering must leave room for them: between 三、 and 四、 no part was lost, so a paragraph there
   is an item's own (run-in items ``N.标题。正文`` with an extra paragraph get no invented parts).
A synthetic section takes its title from the 目录 when that lists its number once (the heading the body
lost), else from its first lead sentence or clause.
Calibrated on the structure of the seed plans (see docs/structure.md); re-run the outline tests after
any change.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..model import SectionKind
from .events import Event, LineFacts, holder, synthetic_title
from .numbering import Scheme, label_for, read_heading

_IDEOLOGY_OPENING = re.compile(
    r"^(?:坚持马克思列宁主义|高举中国特色社会主义伟大旗帜|以习近平新时代中国特色社会主义思想为指导)"
)
_NUMBER_REMNANT = re.compile(r"(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])")
_GLOBAL_SCHEMES = (Scheme.PART, Scheme.CHAPTER)
_RUN_ON_SCHEMES = (Scheme.CN_PAREN, Scheme.ARABIC, Scheme.ARABIC_PAREN)
# Lost parts are looked for only among this many run-on items or more, most of them (this share of the
# gaps between consecutive items) with no paragraph of their own after their first.
RUN_ON_MIN_ITEMS = 8
SINGLE_PARAGRAPH_SHARE = 0.6
_GAP_SCHEMES = (Scheme.PART, Scheme.CHAPTER, Scheme.SECTION, Scheme.CN_COMMA, Scheme.CN_PAREN, Scheme.ARABIC)
_CHILD_SCHEME = {Scheme.PART: Scheme.CHAPTER, Scheme.CHAPTER: Scheme.SECTION}
_KIND = {
    Scheme.PART: SectionKind.PART,
    Scheme.CHAPTER: SectionKind.CHAPTER,
    Scheme.SECTION: SectionKind.SECTION,
}


def recover_lost_headings(events: list[Event], facts: LineFacts) -> list[Event]:
    """Return the events with synthetic ones inserted for numbering gaps and indent breaks."""
    events = sorted(events + _lost_parts(events, facts), key=lambda e: (e.index, e.rank))
    for scheme in _GAP_SCHEMES:
        events = _fill_gaps(events, facts, scheme)
    return _reattach_paragraphs(_sections_from_breaks(events, facts))


def _reattach_paragraphs(events: list[Event]) -> list[Event]:
    """Paragraphs belong to the last event at or above their line (or the section around a box or table
    that ended before them), now that synthetic ones exist."""
    paragraphs = sorted(p for event in events for p in event.paragraphs)
    for event in events:
        event.paragraphs = []
    position = 0
    for index, text in paragraphs:
        while position + 1 < len(events) and events[position + 1].index <= index:
            position += 1
        if events[position].index <= index:
            holder(events, position, index).paragraphs.append((index, text))
        else:
            events[0].paragraphs.append((index, text))
    return events


def _lost_parts(events: list[Event], facts: LineFacts) -> list[Event]:
    """Synthetic parts at the leads left between run-on items whose part headings were lost."""
    found = _run_on_items(events)
    if found is None:
        return []
    items, part_scheme = found
    numbers = {e.index: e.number for e in events if e.scheme is part_scheme and not e.synthetic}
    leads = _room_for(_part_leads(events, facts, items, part_scheme), numbers)
    if len(leads) < 2:
        return []
    parts = []
    for index in leads:
        numbers[index] = 1 + max((n for i, n in numbers.items() if i < index), default=0)
        parts.append(_synthetic(facts, part_scheme, numbers[index], index))
    return parts


def _room_for(leads: list[int], parts: dict[int, int]) -> list[int]:
    """The leads the explicit part numbering leaves room for: after the last explicit part, or between parts
    N and M with no more leads than the M - N - 1 numbers missing there (一、 二、 三、 all present: none)."""
    explicit = sorted(parts.items())
    kept: list[int] = []
    for k, (start, number) in enumerate(explicit):
        end, following = explicit[k + 1] if k + 1 < len(explicit) else (None, None)
        between = [i for i in leads if start < i and (end is None or i < end)]
        if end is None or following is None or len(between) <= following - number - 1:
            kept.extend(between)
    return kept


def _run_on_items(events: list[Event]) -> tuple[list[Event], Scheme] | None:
    """Items numbered through the document under an explicit first part, and that part's scheme."""
    for scheme in _RUN_ON_SCHEMES:
        items = [e for e in events if e.scheme is scheme and not e.synthetic]
        if len(items) < RUN_ON_MIN_ITEMS or any(b.number <= a.number for a, b in pairwise(items)):
            continue
        parent = _parent_index(events, events.index(items[0]))
        part = next((e for e in events if e.index == parent and e.scheme is not None), None)
        if part is not None and part.scheme is not None and part.scheme < scheme:
            return items, part.scheme
    return None


def _part_leads(events: list[Event], facts: LineFacts, items: list[Event], part_scheme: Scheme) -> list[int]:
    """The last paragraph between item N and N+1 where the two items after it are one paragraph each."""
    gaps = [[i for i in facts.paragraph_starts if a.index < i < b.index] for a, b in pairwise(items)]
    if sum(not gap for gap in gaps) < SINGLE_PARAGRAPH_SHARE * len(gaps):
        return []
    one_paragraph = [
        any(index == item.index for index, _ in item.paragraphs) and (k >= len(gaps) or len(gaps[k]) <= 1)
        for k, item in enumerate(items)
    ]  # the item's text on its heading line, then at most a next part's lead
    headed = {e.index for e in events if e.scheme is not None}
    boundaries = [e.index for e in events if e.scheme is not None and e.scheme <= part_scheme]
    return [
        gap[-1]
        for k, gap in enumerate(gaps)
        if gap
        and gap[-1] not in headed
        and not any(gap[0] <= b <= gap[-1] for b in boundaries)
        and all(one_paragraph[k + 1 : k + 3])
    ]


def _fill_gaps(events: list[Event], facts: LineFacts, scheme: Scheme) -> list[Event]:
    added: list[Event] = []
    last_number: dict[int | None, int] = {}
    last_index: dict[int | None, int] = {}
    global_last = 0
    parents = _parent_indexes(events)
    for position, event in enumerate(events):
        if event.scheme is not scheme or event.synthetic:
            continue
        parent = None if scheme in _GLOBAL_SCHEMES else parents[position]
        previous = last_number.get(parent)
        if previous is None:  # first under its parent: numbering restarts, or runs on (建议 items 1.-60.)
            previous = global_last if global_last < event.number else 0
        global_last = event.number
        if event.number > previous + 1:
            start = _region_start(events, position, scheme, last_index.get(parent), parent)
            missing = list(range(previous + 1, event.number))
            added.extend(
                _place(events, facts, scheme, missing, start, _region_end(events, position, scheme, start))
            )
        last_number[parent] = event.number
        last_index[parent] = event.index
    return sorted(events + added, key=lambda e: (e.index, e.rank))


def _parent_index(events: list[Event], position: int) -> int | None:
    """The line index of the nearest preceding event of a lower (containing) numbered rank."""
    rank = events[position].rank
    for k in range(position - 1, -1, -1):
        if events[k].scheme is not None and events[k].rank < rank:
            return events[k].index
    return None


def _parent_indexes(events: list[Event]) -> list[int | None]:
    """``_parent_index`` of every event in one pass (a stack of the open numbered events by rank)."""
    stack: list[Event] = []
    parents: list[int | None] = []
    for event in events:
        while stack and stack[-1].rank >= event.rank:
            stack.pop()
        parents.append(stack[-1].index if stack else None)
        if event.scheme is not None:
            stack.append(event)
    return parents


def _region_start(
    events: list[Event], position: int, scheme: Scheme, sibling: int | None, parent: int | None
) -> int:
    """Lost siblings come after the previous sibling's own numbered descendants."""
    if sibling is None:
        floor = parent if parent is not None else -1
        preamble = [e.index for e in events[:position] if e.kind is SectionKind.PREAMBLE and e.index > floor]
        return max(preamble, default=floor)
    start = floor = sibling
    for event in events[:position]:
        if event.index <= floor or event.synthetic:
            continue
        if event.scheme is not None and event.scheme <= Scheme.ARABIC_PAREN and event.scheme > scheme:
            if _is_restart(events, event, floor):
                break
            start = event.index
    return start


def _is_restart(events: list[Event], event: Event, floor: int) -> bool:
    """A numbered heading that restarts its scheme's count after ``floor`` (第一节 after 第三节)."""
    earlier = [
        e for e in events if e.scheme is event.scheme and floor < e.index < event.index and not e.synthetic
    ]
    return bool(earlier) and event.number <= earlier[-1].number and event.number == 1


def _region_end(events: list[Event], position: int, scheme: Scheme, start: int) -> int:
    """The region ends at the revealing heading, or earlier at a restart of the child numbering."""
    end = events[position].index
    for event in events[:position]:
        numbered_child = event.scheme is not None and scheme < event.scheme <= Scheme.ARABIC_PAREN
        if start < event.index < end and numbered_child and _is_restart(events, event, start):
            return event.index + 1  # the restarting heading's own parent may sit just above it
    return end


def _place(
    events: list[Event], facts: LineFacts, scheme: Scheme, numbers: list[int], start: int, end: int
) -> list[Event]:
    taken = {e.index for e in events if not e.synthetic and e.scheme is not None and e.scheme <= scheme}
    pool = [i for i in sorted(facts.indent_breaks) if start < i < end and i not in taken]
    if not pool:
        remnants = [
            i
            for i in facts.paragraph_starts
            if start <= i < end and _NUMBER_REMNANT.search(facts.matching[i])
        ]
        pool = sorted(set(remnants) | {i for i in facts.paragraph_starts if start < i < end} - taken)
    headed = {e.index: e for e in events if e.scheme is not None}
    chosen: list[int] = []
    if pool and numbers[0] == 1:
        chosen.append(pool.pop(0))
    ranked = sorted(pool, key=lambda i: (-_score(i, facts, headed), i))
    chosen.extend(ranked[: len(numbers) - len(chosen)])
    chosen = sorted(chosen)
    while len(chosen) < len(numbers):
        chosen.append(max(start, 0))
    return [_synthetic(facts, scheme, number, index) for number, index in zip(numbers, chosen, strict=True)]


def _score(index: int, facts: LineFacts, headed: dict[int, Event]) -> int:
    text = facts.matching[index]
    score = 3 if _NUMBER_REMNANT.search(text) else 0
    score += 2 if _IDEOLOGY_OPENING.match(text) else 0
    heading = read_heading(text)
    if heading is None or heading.scheme is not Scheme.LEAD:
        score += 1
    following = next((i for i in range(index + 1, len(facts.matching)) if facts.matching[i]), None)
    if following in headed and headed[following].number == 1:
        score += 2
    return score


def _synthetic(facts: LineFacts, scheme: Scheme, number: int, index: int) -> Event:
    text, shown = facts.matching[index], facts.display[index]
    remnant = _NUMBER_REMNANT.search(text)
    if remnant and scheme is Scheme.ARABIC:
        text, shown = text[remnant.end() :], shown[remnant.end() :]
    kind = _KIND.get(scheme, SectionKind.ITEM)
    listed = [entry for entry in facts.toc if entry.scheme is scheme and entry.number == number]
    title = listed[0].shown if len(listed) == 1 and listed[0].shown else synthetic_title(text, shown)
    return Event(index, kind, scheme, number, label_for(scheme, number), title, synthetic=True)


def _sections_from_breaks(events: list[Event], facts: LineFacts) -> list[Event]:
    """Indent breaks inside a part or chapter that no heading explains become its lost children."""
    used = {e.index for e in events if e.scheme is not None and e.scheme <= Scheme.SECTION}
    used |= {e.index for e in events if e.kind in (SectionKind.BOX, SectionKind.TABLE, SectionKind.GLOSSARY)}
    added: list[Event] = []
    for index in sorted(facts.indent_breaks - used):
        container = _container(events + added, index)
        if container is None or container.scheme not in _CHILD_SCHEME:
            continue
        child = _CHILD_SCHEME[container.scheme]
        siblings = [e for e in events + added if e.scheme is child and container.index <= e.index < index]
        siblings = [e for e in siblings if _container(events + added, e.index, below=child) is container]
        if not siblings and container.synthetic and index != container.index:
            lead = read_heading(facts.matching[container.index])
            if lead is not None and lead.scheme is Scheme.LEAD:
                opening = _synthetic(facts, child, 1, container.index)
                added.append(opening)
                siblings = [opening]
        number = max((e.number for e in siblings), default=0) + 1
        added.append(_synthetic(facts, child, number, index))
    return sorted(events + added, key=lambda e: (e.index, e.rank))


def _container(events: list[Event], index: int, below: Scheme = Scheme.SECTION) -> Event | None:
    """The innermost part/chapter/section open at ``index`` with a rank above ``below``."""
    best: Event | None = None
    for event in sorted(events, key=lambda e: (e.index, e.rank)):
        if event.index > index:
            break
        if event.kind in (SectionKind.PREAMBLE, SectionKind.GLOSSARY):
            best = None
        elif event.scheme is not None and event.scheme < below:
            best = event
    return best
