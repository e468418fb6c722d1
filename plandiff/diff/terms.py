"""Key policy terms per side and how their use shifted: new, dropped, rising, falling.

Terms are what plans put in quotation marks (“人工智能+”, “一超多强”) and words of 4–8 characters a side
uses at least MIN_COUNT times. Chinese has no spaces, so a word is told from a slice of one by its
accessor variety (Feng et al. 2004): over both sides' texts, a word follows and precedes at least
MIN_VARIETY different characters, while ``山试验区`` always follows 昆 and ``新能源汽`` always precedes 车.
A candidate inside a longer one used (almost) as often is a piece of it and is dropped; function
characters (的, 和, 在 …) never start or end a term. Use is counted per 10,000 characters so sides of
different length compare.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import Shift, TermShift

_QUOTED = re.compile(r"[“\"]([^“”\"]{2,12})[”\"]")
_RUN = re.compile(r"[\u3007\u4e00-\u9fff]{4,}")  # 〇 as in 二〇三五年
_EDGE = set("的了和与及在是为等对把被将从以于其之并而或也都要")
MIN_COUNT = 3
TERM_LENGTHS = range(4, 9)  # three-character grams are mostly pieces (化建设, 制改革) in texts this short
MIN_VARIETY = 3
# A candidate is a piece of a longer one that occurs at least this share as often.
PIECE_SHARE = 0.8
RISE_FACTOR = 2.0
MAX_PER_SHIFT = 25


def term_counts(texts: Sequence[str], words: set[str]) -> Counter[str]:
    """How often each term occurs in the texts: quoted terms, and the given words."""
    return _term_counts(texts, [gram for run in _runs(texts) for _, gram in _positions(run)], words)


def _term_counts(texts: Sequence[str], grams: list[str], words: set[str]) -> Counter[str]:
    """``term_counts`` from the texts' grams (``_side``)."""
    counts: Counter[str] = Counter(m.group(1) for text in texts for m in _QUOTED.finditer(text))
    counts.update(filter(words.__contains__, grams))
    return counts


def words_of(runs: Sequence[str]) -> set[str]:
    """The candidates used MIN_COUNT times with MIN_VARIETY neighbours on both sides, less pieces of longer ones."""
    positions = [_positions(run) for run in runs]
    return _words(runs, positions, Counter(gram for found in positions for _, gram in found))


def _words(runs: Sequence[str], positions: Sequence[list[tuple[int, str]]], grams: Counter[str]) -> set[str]:
    """``words_of`` from each run's gram positions and the grams' total counts, each computed once."""
    frequent = {g: n for g, n in grams.items() if n >= MIN_COUNT}
    before: dict[str, set[str]] = {g: set() for g in frequent}
    after: dict[str, set[str]] = {g: set() for g in frequent}
    for number, (run, found) in enumerate(zip(runs, positions, strict=True)):
        for start, gram in found:
            if gram in frequent:
                end = start + len(gram)
                # The start or end of a run counts as a different neighbour every time.
                before[gram].add(run[start - 1] if start else f"^{number}")
                after[gram].add(run[end] if end < len(run) else f"${number}")
    words = {g for g in frequent if min(len(before[g]), len(after[g])) >= MIN_VARIETY}
    pieces = {
        piece
        for longer in words
        for _, piece in _positions(longer)
        if piece != longer and piece in words and frequent[longer] >= PIECE_SHARE * frequent[piece]
    }
    return words - pieces


def _side(texts: Sequence[str]) -> tuple[list[str], list[list[tuple[int, str]]], list[str]]:
    """A side's runs, each run's gram positions and all its grams: one pass over its text."""
    runs = _runs(texts)
    positions = [_positions(run) for run in runs]
    return runs, positions, [gram for found in positions for _, gram in found]


def _runs(texts: Sequence[str]) -> list[str]:
    return [run for text in texts for run in _RUN.findall(text)]


def _positions(run: str) -> list[tuple[int, str]]:
    return [
        (i, run[i : i + n])
        for n in TERM_LENGTHS
        for i in range(len(run) - n + 1)
        if run[i] not in _EDGE and run[i + n - 1] not in _EDGE
    ]


def term_shifts(old_texts: Sequence[str], new_texts: Sequence[str]) -> list[TermShift]:
    """Terms whose use appeared, disappeared, at least doubled or at least halved between the sides."""
    old_runs, old_positions, old_grams = _side(old_texts)
    new_runs, new_positions, new_grams = _side(new_texts)
    total = Counter(old_grams)
    total.update(new_grams)
    words = _words((*old_runs, *new_runs), (*old_positions, *new_positions), total)
    old, new = _term_counts(old_texts, old_grams, words), _term_counts(new_texts, new_grams, words)
    old_size = max(1, sum(map(len, old_texts))) / 10000
    new_size = max(1, sum(map(len, new_texts))) / 10000
    shifts: dict[Shift, list[TermShift]] = {shift: [] for shift in Shift}
    for term in set(old) | set(new):
        a, b = old[term], new[term]
        if max(a, b) < MIN_COUNT:
            continue
        rate_a, rate_b = a / old_size, b / new_size
        kind = (
            Shift.NEW
            if a == 0
            else Shift.DROPPED
            if b == 0
            else Shift.RISING
            if rate_b >= RISE_FACTOR * rate_a
            else Shift.FALLING
            if rate_a >= RISE_FACTOR * rate_b
            else None
        )
        if kind is not None:
            shifts[kind].append(TermShift(term, a, b, round(rate_a, 2), round(rate_b, 2), kind))
    result: list[TermShift] = []
    for items in shifts.values():
        items.sort(key=lambda t: (-abs(t.new_rate - t.old_rate), t.term))
        result.extend(_distinct(items)[:MAX_PER_SHIFT])
    return result


def _distinct(items: list[TermShift]) -> list[TermShift]:
    """Drop a term that, less its first or last character, lies inside a kept one (one word, seen twice)."""
    kept: list[TermShift] = []
    for item in items:
        if not any(item.term[1:] in k.term or item.term[:-1] in k.term for k in kept):
            kept.append(item)
    return kept
