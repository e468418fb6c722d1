"""Pair targets across two sides by what they measure.

Only targets are paired. Each document contributes one row per indicator: a table row wins over the
prose sentences that restate it. Two targets are the same indicator when

- their names, in a matching form (``name_key``: ``extract.prose.normalize_name`` plus the wordings plans
  use for one measure — 研究与试验发展 = 研发, 相当于 = 占, 比例 = 比重, 降幅 = 降低, 地区生产总值 = 生产总值),
  are alike (rapidfuzz, MIN_NAME_SCORE);
- they measure the same thing: both growth rates or neither, the same base unit, and no *conflicting
  subject*: when each name keeps words of its own that the other lacks (文化产业增加值占比 against
  数字经济核心产业增加值占比, 调查失业率 against 登记失业率), they are two indicators, however much of the
  name they share. Words that only scope or count (累计, 国家, 全市, 年均, 新增) do not conflict; words that
  change the measure (人均, 单位, 每, 占比, 比重, 率) always do, even on one side only.

A target is paired at most once with each document of the other side, best pairs first: an interpretation
and an article on one side may both point at one target of the plan, but 超4000家 and 3500家以上 of one
document never share one counterpart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from ..extract.prose import normalize_name
from ..ingest import matching_form
from ..model import Indicator, IndicatorRole, Quantity, QuantityKind

# Name similarity (0..1) from which two targets count as the same indicator; calibrated on the Kunshan
# 14th -> 15th key and the Beijing/Shanghai table key together (all same pairs reach 0.75; the closest
# wrong candidates without a conflicting subject stay below 0.70).
MIN_NAME_SCORE = 0.72
# A text-only target (完成上级下达任务) pairs only with a name this close.
TEXT_ONLY_NAME_SCORE = 0.85
# Within one document, a prose target this close to a table row's name restates it.
RESTATEMENT_SCORE = 0.8
# A name's own words (not in the other name) this long are a subject of their own.
SUBJECT_CHARS = 2

# One measure, several wordings (applied to the normalized name, before normalize_name's synonyms again).
_MEASURE_WORDINGS = (
    (re.compile(r"研究与试验发展"), "研发"),
    (re.compile(r"相当于"), "占"),
    (re.compile(r"(?:地区|国内)生产总值"), "生产总值"),
    (re.compile(r"比例|占比(?=$)"), "比重"),
    (re.compile(r"降幅|下降率?|降低率?"), "降低"),
    (re.compile(r"增速|增幅"), "增长"),
)
_MAGNITUDES = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}
# Words of one name only that scope or count what is measured, not what it is.
_SCOPE = re.compile(r"累计|国家级?|省级|市级|全市|全省|全区|全县|全社会|全口径|全年|年均|新增")
# Words that change the measure itself (a per-head, per-unit or share figure is another indicator).
_MEASURE_CHANGE = re.compile(r"人均|单位|每|占|比重|率|密度|强度")


@dataclass(frozen=True, slots=True)
class Sided:
    """An indicator and the document it comes from."""

    document: str
    indicator: Indicator


def canonical_targets(document: str, indicators: Sequence[Indicator]) -> list[Sided]:
    """A document's targets, without prose restatements of its table rows or repeats of one name."""
    targets = [i for i in indicators if i.role is IndicatorRole.TARGET]
    table = [i for i in targets if i.source == "table"]
    kept: list[Indicator] = list(table)
    for indicator in targets:
        if indicator.source == "table":
            continue
        if any(name_score(indicator, other) >= RESTATEMENT_SCORE for other in kept):
            continue
        kept.append(indicator)
    return [Sided(document, i) for i in sorted(kept, key=lambda i: i.line)]


def name_key(indicator: Indicator) -> str:
    """The name in its matching form: normalized, with the wordings of one measure unified."""
    return _name_key(indicator.normalized_name or indicator.name)


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    text = matching_form(name)
    for pattern, replacement in _MEASURE_WORDINGS:
        text = pattern.sub(replacement, text)
    return normalize_name(text)


def name_score(a: Indicator, b: Indicator) -> float:
    """0..1: how alike two indicator names are."""
    return _score(name_key(a), name_key(b))


def _score(x: str, y: str) -> float:
    if not x or not y:
        return 0.0
    return max(fuzz.ratio(x, y), 0.9 * fuzz.partial_ratio(x, y) if min(len(x), len(y)) >= 4 else 0) / 100


def own_words(x: str, y: str) -> tuple[list[str], list[str]]:
    """The runs of each name that the other does not share (longest common blocks removed)."""
    blocks = SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks()
    own_x, own_y = [], []
    i = j = 0
    for block in blocks:
        own_x.append(x[i : block.a])
        own_y.append(y[j : block.b])
        i, j = block.a + block.size, block.b + block.size
    return [w for w in own_x if w], [w for w in own_y if w]


def conflicting_subjects(x: str, y: str) -> bool:
    """Whether two name keys name different things: each keeps a subject of its own, or either one keeps
    a word that changes the measure."""
    own_x, own_y = own_words(x, y)
    if any(_MEASURE_CHANGE.search(w) for w in (*own_x, *own_y)):
        return True

    def subject(words: list[str]) -> bool:
        return any(len(_SCOPE.sub("", w)) >= SUBJECT_CHARS for w in words)

    return subject(own_x) and subject(own_y)


def compatible(a: Indicator, b: Indicator) -> bool:
    """Whether two targets can be compared: both growth rates or both not, the same base unit (or one of
    them text-only with closely matching names), and no conflicting subjects."""
    x, y = name_key(a), name_key(b)
    if _is_growth(x) != _is_growth(y) or conflicting_subjects(x, y):
        return False
    if QuantityKind.TEXT_ONLY in (a.quantity.kind, b.quantity.kind):
        return _score(x, y) >= TEXT_ONLY_NAME_SCORE
    unit_a, unit_b = measure(a.quantity)[1], measure(b.quantity)[1]
    percent = {"%", "百分点", "‰"}
    if unit_a in percent or unit_b in percent:
        return unit_a in percent and unit_b in percent
    return unit_a == unit_b or "" in (unit_a, unit_b)


def measure(quantity: Quantity) -> tuple[float | None, str]:
    """A value and its unit with every magnitude multiplied out, a denominator's too: ``0.6 人/百亿元`` is
    ``6e-11 人/元``, as is ``0.006 人/亿元``."""
    value, unit = quantity.base_value, quantity.base_unit or quantity.unit
    if "/" not in unit:
        return value, unit
    numerator, denominator = unit.split("/", 1)
    (top, top_unit), (bottom, bottom_unit) = _magnitude(numerator), _magnitude(denominator)
    return (None if value is None else value * top / bottom), f"{top_unit}/{bottom_unit}"


def _magnitude(unit: str) -> tuple[float, str]:
    """``百亿元`` -> (1e10, 元): the magnitude characters before a unit, multiplied."""
    found = re.match(r"[十百千万亿]+", unit)
    if not found or found.end() == len(unit):
        return 1.0, unit
    factor = 1.0
    for character in found.group(0):
        factor *= _MAGNITUDES[character]
    return factor, unit[found.end() :]


def _is_growth(key: str) -> bool:
    return "增长" in key


def pair_targets(
    old: Sequence[Sided], new: Sequence[Sided]
) -> list[tuple[Sided | None, Sided | None, float]]:
    """(old, new, score) for paired targets, then (old, None) dropped and (None, new) new ones.

    Candidates are taken best first; a target already paired with a target of the other side's document
    is not paired with another one of that document."""
    candidates = sorted(
        (
            (round(score, 3), i, j)
            for i, o in enumerate(old)
            for j, n in enumerate(new)
            if (score := name_score(o.indicator, n.indicator)) >= MIN_NAME_SCORE
            and compatible(o.indicator, n.indicator)
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    partner: dict[int, tuple[int, float]] = {}
    taken: set[tuple[int, str]] = set()  # (new index, old document) and (-1 - old index, new document)
    for score, i, j in candidates:
        if i in partner or (j, old[i].document) in taken or (-1 - i, new[j].document) in taken:
            continue
        partner[i] = (j, score)
        taken.update({(j, old[i].document), (-1 - i, new[j].document)})
    pairs: list[tuple[Sided | None, Sided | None, float]] = []
    for i, o in enumerate(old):
        if i in partner:
            j, score = partner[i]
            pairs.append((o, new[j], score))
        else:
            pairs.append((o, None, 0.0))
    paired_new = {j for j, _ in partner.values()}
    pairs.extend((None, n, 0.0) for j, n in enumerate(new) if j not in paired_new)
    return pairs
