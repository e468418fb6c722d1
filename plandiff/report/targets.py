"""Target rows as reports show them: values as written and as numbers, the delta in words and as a
number, the ambition word of the comparison's kind, and the geometry of the targets chart.

Δ is in percentage points for a rate or share (``提高1个百分点``), relative for a level or count
(``增长25.0%``), plain for a ratio. Change words come from the typed fields (the model carries no words).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Ambition, Comparison, Direction, Indicator, IndicatorPair
from .wording import Wording

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
UNIT_WORDS = {"ratio": "比值"}  # the model's unit names that are not Chinese
ARROWS = {"up": "↑", "down": "↓", "same": "→", "not-comparable": "≈", "new": "＋", "dropped": "－"}
# Targets table order: changes first, then what cannot be compared, what stayed, new, dropped.
_ORDER = {"up": 0, "down": 0, "not-comparable": 1, "same": 2, "new": 3, "dropped": 4}
# How each qualifier reads in a plan (超4000家, 5%以上, 4000左右, 力争…).
QUALIFIER_WORDS = {
    "==": "确数",
    ">=": "以上",
    ">": "超",
    "<=": "以内",
    "<": "低于",
    "~": "左右",
    "aim": "力争",
}
# The chart shows at most this many targets (the ones that changed first); the table lists them all.
CHART_ROWS = 24
CHART_ROW = 18  # SVG pixels per target in the chart
CHART_LABEL = 190  # width of the names column
CHART_BAR = 220  # length of the longest bar
OLD_BAR = "#b0b7c0"
BAR_COLOURS = {"up": "#1a7f37", "down": "#c62828", "same": "#8a8f96"}


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One target pair as reports show it (either side may be missing: new or dropped)."""

    name: str
    old: Indicator | None
    new: Indicator | None
    old_where: str
    new_where: str
    ambition: str
    ambition_word: str
    arrow: str
    delta: float | None
    delta_unit: str  # 百分点, relative, or empty (a ratio, a plain difference)
    delta_words: str
    qualifier_words: str
    attribute: str
    attribute_change: str
    sort_line: int

    @property
    def paired(self) -> bool:
        """Both sides have the target."""
        return self.old is not None and self.new is not None

    @property
    def changed(self) -> bool:
        """The target asks for more or less than before."""
        return self.paired and self.ambition in ("up", "down")


def target_rows(comparison: Comparison, wording: Wording) -> list[TargetRow]:
    """The rows of the targets table, changes first, then in source order."""
    labels = document_labels(comparison)
    rows = [_row(pair, wording, labels) for pair in comparison.indicators]
    return sorted(rows, key=lambda r: (_ORDER.get(r.ambition, 9), r.sort_line))


def document_labels(comparison: Comparison) -> dict[str, str]:
    """①, ② … for the documents of a side that has several (the cover lists them with these), so a
    source line reads ``①L51``; nothing for a side of one document."""
    labels: dict[str, str] = {}
    for side in (comparison.old, comparison.new):
        if len(side) > 1:
            labels.update((meta.id, CIRCLED[n % len(CIRCLED)]) for n, meta in enumerate(side))
    return labels


def _row(pair: IndicatorPair, wording: Wording, labels: dict[str, str]) -> TargetRow:
    old, new, change = pair.old, pair.new, pair.change
    ambition = change.ambition.value if change else ("new" if new else "dropped")
    either = new or old
    assert either is not None  # a pair always has a side
    delta = change.delta if change else None
    return TargetRow(
        name=either.name,
        old=old,
        new=new,
        old_where=_where(labels.get(pair.old_document or ""), old),
        new_where=_where(labels.get(pair.new_document or ""), new),
        ambition=ambition,
        ambition_word=wording.ambition[ambition],
        arrow=ARROWS[ambition],
        delta=delta,
        delta_unit=change.delta_unit if change else "",
        delta_words=delta_words(delta, change.delta_unit, change.direction, wording) if change else "",
        qualifier_words=qualifier_words(change.qualifier_change) if change else "",
        attribute=either.attribute or "",
        attribute_change=_attribute_words(change.attribute_change) if change else "",
        sort_line=either.line,
    )


def _where(label: str | None, indicator: Indicator | None) -> str:
    """Where a target was found: its line, after its document's label when a side has several."""
    return "" if indicator is None else f"{label or ''}L{indicator.line}"


def number(value: float) -> str:
    """A number as a reader writes it: no trailing zeros, at most two decimals."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def delta_words(delta: float | None, unit: str, direction: Direction, wording: Wording) -> str:
    """Δ in words: ``提高1个百分点``, ``本级低25.0%``, ``上海市高0.05``; empty when not comparable."""
    if delta is None or direction is Direction.NOT_COMPARABLE:
        return ""
    if direction is Direction.SAME or delta == 0:
        return "数值相同"
    verb = wording.higher if delta > 0 else wording.lower
    if unit == "百分点":
        return f"{verb}{number(abs(delta))}个百分点"
    if unit == "relative":
        return f"{verb}{abs(delta) * 100:.1f}%"
    return f"{verb}{number(abs(delta))}"


def qualifier_words(change: str) -> str:
    """``>=→~`` as a reader says it: ``由“以上”改为“左右”``."""
    if "→" not in change:
        return ""
    before, after = (
        "".join(QUALIFIER_WORDS.get(part, part) for part in sorted(side.split(), key=lambda p: p != "aim"))
        for side in change.split("→")
    )
    return f"由“{before}”改为“{after}”"


def _attribute_words(change: str) -> str:
    """``预期性→约束性`` as ``由预期性改为约束性``."""
    if "→" not in change:
        return change
    before, after = change.split("→", 1)
    return f"由{before}改为{after}"


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One target in the chart: its name, both bars (0..CHART_BAR, scaled to the larger value)."""

    name: str
    y: float
    old_length: float
    new_length: float
    label: str
    colour: str


@dataclass(frozen=True, slots=True)
class ChartGroup:
    """Targets of one unit (%, 亿元, 家 …) under one heading."""

    unit: str
    y: float
    rows: list[ChartRow]


@dataclass(frozen=True, slots=True)
class Chart:
    """The targets chart: old against new for every paired target with two numbers, grouped by unit."""

    groups: list[ChartGroup]
    height: float
    label_width: int
    bar: int
    row: int
    shown: int
    total: int


def targets_chart(rows: list[TargetRow]) -> Chart:
    """Bars of old and new value per target; each row is scaled to its own larger value (targets of one
    unit still differ by orders of magnitude), so the bars show the change and the labels the values."""
    numeric = [r for r in rows if r.old and r.new and _value(r.old) is not None and _value(r.new) is not None]
    shown = sorted(numeric, key=lambda r: (not r.changed, r.sort_line))[:CHART_ROWS]
    by_unit: dict[str, list[TargetRow]] = {}
    for row in shown:
        assert row.new is not None
        unit = row.new.quantity.base_unit or row.new.quantity.unit or "无单位"
        by_unit.setdefault(UNIT_WORDS.get(unit, unit), []).append(row)
    groups: list[ChartGroup] = []
    y = 0.0
    for unit, members in by_unit.items():
        group_y = y
        y += CHART_ROW
        chart_rows = []
        for row in members:
            assert row.old is not None and row.new is not None
            a, b = abs(_value(row.old) or 0.0), abs(_value(row.new) or 0.0)
            scale = CHART_BAR / max(a, b) if max(a, b) else 0.0
            chart_rows.append(
                ChartRow(
                    name=row.name if len(row.name) <= 14 else row.name[:13] + "…",
                    y=y,
                    old_length=round(a * scale, 1),
                    new_length=round(b * scale, 1),
                    label=f"{row.old.quantity.text} → {row.new.quantity.text}",
                    colour=BAR_COLOURS.get(row.ambition, BAR_COLOURS["same"]),
                )
            )
            y += CHART_ROW
        groups.append(ChartGroup(unit, group_y, chart_rows))
    return Chart(groups, y, CHART_LABEL, CHART_BAR, CHART_ROW, len(shown), len(numeric))


def _value(indicator: Indicator) -> float | None:
    quantity = indicator.quantity
    return quantity.base_value if quantity.base_value is not None else quantity.value


def ambition_count(rows: list[TargetRow], ambition: Ambition) -> int:
    """How many paired targets have this ambition."""
    return sum(1 for r in rows if r.paired and r.ambition == ambition.value)
