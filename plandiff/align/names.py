"""One name per indicator across places: the key a corpus panel groups targets by.

``extract.prose.normalize_name`` gives a matching form (NFKC, no brackets, GDP = 地区生产总值, 增速 = 增长,
研发支出 = 研发经费投入). Places then still word one indicator differently, in ways plans share: the
place's own prefix (全市, 全省, 全社会), 研究与试验发展 for 研发, 相当于 for 占, 比例 for 比重, 生产总值 for
地区生产总值, 降幅 for 降低, 年均浓度 for 浓度, 优良水体比例 for 地表水优良水体比例, 研发经费投入强度 for the
share of R&D spending in GDP. ``panel_name`` unifies those; it does not guess beyond them (a level and its
growth rate stay two indicators).
"""

from __future__ import annotations

import re

from ..extract.prose import normalize_name

_RULES = (
    (re.compile(r"^(?:全市|全省|全区|全县|全社会|全域)"), ""),
    (re.compile(r"研究与试验发展|研究和试验发展|R&D"), "研发"),
    (re.compile(r"研发(?:经费)?(?:支出|投入)(?!强度)"), "研发经费投入"),
    (re.compile(r"研发(?:经费)?投入强度"), "研发经费投入占地区生产总值比重"),
    (re.compile(r"相当于"), "占"),
    (re.compile(r"(?<!地区|国内)生产总值"), "地区生产总值"),
    (re.compile(r"(占.+?)(?:比例|比率)$"), r"\1比重"),
    (re.compile(r"(?:降幅|下降幅度|下降|降低率)$"), "降低"),
    (re.compile(r"年均浓度"), "浓度"),
    (re.compile(r"^(?:地表水)?优良水体比例"), "地表水优良水体比例"),
)


def panel_name(name: str) -> str:
    """The name an indicator goes by in a corpus panel, the same in every place that states it."""
    text = normalize_name(name)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text
