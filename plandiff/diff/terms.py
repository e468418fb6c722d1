"""Key policy terms per side and how their use shifted (new, dropped, rising, falling), and the words
two aligned sections share.

Terms are whole words (``words.py``: jieba with the policy vocabulary, rare in general Chinese) and what
plans put in quotation marks (“一超多强”, “强富美高”) when that is more than one word. Use is counted per 10,000 characters so
sides of different length compare. A pair's shared words are the terms both sections use, the rarer
across all sections first (a word in more than MAX_UNIT_SHARE of the sections says nothing about which
correspond), so the section table shows 低空经济 and 城市更新, not 发展.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..ingest import matching_form
from ..model import Shift, TermShift
from .words import Words

_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,12})[”\"]")
MIN_COUNT = 3
RISE_FACTOR = 2.0
MAX_PER_SHIFT = 25
SHARED_WORDS = 5
# Shared words found in more than this share of all sections are boilerplate (same bar as the TF-IDF's).
MAX_UNIT_SHARE = 0.5


def term_counts(texts: Sequence[str], words: Words) -> Counter[str]:
    """How often each term occurs in the texts: words, and quoted phrases of several words."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words.counts(text))
        for match in _QUOTED.finditer(matching_form(text)):
            phrase = match.group(1)
            if sum(words.line_counts(phrase).values()) > 1 or not words.line_counts(phrase):
                counts[phrase] += 1
    return counts


def term_shifts(
    old_texts: Sequence[str], new_texts: Sequence[str], words: Words | None = None
) -> list[TermShift]:
    """Terms whose use appeared, disappeared, at least doubled or at least halved between the sides."""
    words = words or Words()
    old, new = term_counts(old_texts, words), term_counts(new_texts, words)
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
        items.sort(key=lambda t: (-_keyness(t), t.term))
        result.extend(items[:MAX_PER_SHIFT])
    return result


def _keyness(term: TermShift) -> float:
    """How telling a shift is: the change of rate against its spread (a chi-like score), so a word that went
    from 2 to 12 ranks above one that went from 40 to 80, and new and dropped terms rank by their use."""
    return abs(term.new_rate - term.old_rate) / math.sqrt(term.new_rate + term.old_rate)


def shared_words(pairs: Sequence[tuple[str, str]], words: Words) -> list[tuple[str, ...]]:
    """For each (old text, new text) pair, up to SHARED_WORDS terms both use, the most telling first:
    used often on both sides and rare across the sections of the comparison."""
    texts = list(dict.fromkeys(text for pair in pairs for text in pair if text))
    counts = {text: words.counts(text) for text in texts}
    spread = Counter(term for text in texts for term in counts[text])
    limit = max(1, MAX_UNIT_SHARE * len(texts)) if len(texts) >= 4 else len(texts)
    result = []
    for old, new in pairs:
        a, b = counts.get(old, Counter()), counts.get(new, Counter())
        weights = {
            term: min(a[term], b[term]) * math.log(1 + len(texts) / spread[term])
            for term in a.keys() & b.keys()
            if spread[term] <= limit
        }
        result.append(tuple(sorted(weights, key=lambda t: (-weights[t], t))[:SHARED_WORDS]))
    return result
