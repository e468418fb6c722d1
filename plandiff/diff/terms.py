"""Key policy terms per side and how their use shifted: new, dropped, rising, falling.

Terms are what plans put in quotation marks (“人工智能+”, “一超多强”) and four-character words the side
uses at least MIN_COUNT times, without function characters at their edges (的, 和, 在 …). Use is counted
per 10,000 characters so sides of different length compare.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import TERM_SHIFTS, TermShift

_QUOTED = re.compile(r"[“\"]([^“”\"]{2,12})[”\"]")
_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
_EDGE = set("的了和与及在是为等对把被将从以于其之并而或也都要")
MIN_COUNT = 3
RISE_FACTOR = 2.0
MAX_PER_SHIFT = 25


def term_counts(texts: Sequence[str]) -> Counter[str]:
    """How often each candidate term occurs in the texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(m.group(1) for m in _QUOTED.finditer(text))
        for run in _RUN.findall(text):
            counts.update(
                gram
                for i in range(len(run) - 3)
                if (gram := run[i : i + 4])[0] not in _EDGE and gram[-1] not in _EDGE
            )
    return counts


def term_shifts(old_texts: Sequence[str], new_texts: Sequence[str]) -> list[TermShift]:
    """Terms whose use appeared, disappeared, at least doubled or at least halved between the sides."""
    old, new = term_counts(old_texts), term_counts(new_texts)
    old_size = max(1, sum(map(len, old_texts))) / 10000
    new_size = max(1, sum(map(len, new_texts))) / 10000
    shifts: dict[str, list[TermShift]] = {shift: [] for shift in TERM_SHIFTS}
    for term in set(old) | set(new):
        a, b = old[term], new[term]
        if max(a, b) < MIN_COUNT:
            continue
        rate_a, rate_b = a / old_size, b / new_size
        kind = (
            "new"
            if a == 0
            else "dropped"
            if b == 0
            else "rising"
            if rate_b >= RISE_FACTOR * rate_a
            else "falling"
            if rate_a >= RISE_FACTOR * rate_b
            else ""
        )
        if kind:
            shifts[kind].append(TermShift(term, a, b, round(rate_a, 2), round(rate_b, 2), kind))
    result: list[TermShift] = []
    for items in shifts.values():
        items.sort(key=lambda t: (-abs(t.new_rate - t.old_rate), t.term))
        result.extend(_distinct(items)[:MAX_PER_SHIFT])
    return result


def _distinct(items: list[TermShift]) -> list[TermShift]:
    """Drop a four-character gram that overlaps a kept term by three characters (one word, seen twice)."""
    kept: list[TermShift] = []
    for item in items:
        if not any(item.term[1:] in k.term or item.term[:-1] in k.term for k in kept):
            kept.append(item)
    return kept
