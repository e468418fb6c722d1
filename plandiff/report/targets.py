"""Target rows as reports show them: values with their unit (``Quantity.shown``) and as numbers, the
change in words and as a number, the ambition word of the comparison's kind, and the targets chart.

Δ is a number in percentage points for a rate or share, relative for a level or count, plain for a ratio.
The change's words are the comparison's own (``IndicatorChange.value_words`` / ``qualifier_words`` /
``attribute_words``, made in ``diff.numbers`` with the kind's verbs); reports only place them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diff.frame import Frame
from ..model import Comparison, Indicator, IndicatorPair
from .wording import Wording

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
UNIT_WORDS = {"ratio": "比值"}  # the model's unit names that are not Chinese
ARROWS = {"up": "↑", "down": "↓", "same": "→", "not-comparable": "≈", "new": "＋", "dropped": "－"}
# Targets table order: changes first, then what cannot be compared, what stayed, new, dropped.
_ORDER = {"up": 0, "down": 0, "not-comparable": 1, "same": 2, "new": 3, "dropped": 4}
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
    words: str  # the whole change (未变 / 与上级一致 / 两地相同 when nothing changed)
    value_words: str
    qualifier_words: str
    attribute: str
    attribute_words: str
    sort_line: int
    reversed: bool = False  # the change is measured from the new side (a hierarchy whose 上级 is new)

    @property
    def base(self) -> Indicator | None:
        """The side the change is measured from (修订前, 上级, the first place)."""
        return self.new if self.reversed else self.old

    @property
    def subject(self) -> Indicator | None:
        """The side measured against the base (修订后, 本级, the second place)."""
        return self.old if self.reversed else self.new

    @property
    def value_cell(self) -> str:
        """The 变化 column: the value's change, or the whole change's word when nothing else changed
        either (未变, 与上级一致, 两地相同)."""
        if self.value_words or self.qualifier_words or self.attribute_words:
            return self.value_words
        return self.words

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
        words=change.words if change else "",
        value_words=change.value_words if change else "",
        qualifier_words=change.qualifier_words if change else "",
        attribute=either.attribute or "",
        attribute_words=change.attribute_words if change else "",
        sort_line=either.line,
        reversed=wording.frame.reversed,
    )


def _where(label: str | None, indicator: Indicator | None) -> str:
    """Where a target was found: its line, after its document's label when a side has several."""
    return "" if indicator is None else f"{label or ''}L{indicator.line}"


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One target in the chart: its name, the base side's bar and the other side's (0..CHART_BAR, scaled
    to the larger value), coloured by ambition."""

    name: str
    y: float
    base_length: float
    subject_length: float
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
    """The targets chart: base against subject side for every paired target with two numbers, grouped
    by unit; ``base`` and ``subject`` name the two bars."""

    base: str
    subject: str
    groups: list[ChartGroup]
    height: float
    label_width: int
    bar: int
    row: int
    shown: int
    total: int


def targets_chart(rows: list[TargetRow], frame: Frame) -> Chart:
    """Bars of the base and the subject value per target (修订前 and 修订后, 上级 and 本级, first and second
    place); each row is scaled to its own larger value (targets of one unit still differ by orders of
    magnitude), so the bars show the change and the labels the values."""
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
            base, subject = row.base, row.subject
            assert base is not None and subject is not None
            a, b = abs(_value(base) or 0.0), abs(_value(subject) or 0.0)
            scale = CHART_BAR / max(a, b) if max(a, b) else 0.0
            chart_rows.append(
                ChartRow(
                    name=row.name if len(row.name) <= 14 else row.name[:13] + "…",
                    y=y,
                    base_length=round(a * scale, 1),
                    subject_length=round(b * scale, 1),
                    label=f"{base.quantity.shown} → {subject.quantity.shown}",
                    colour=BAR_COLOURS.get(row.ambition, BAR_COLOURS["same"]),
                )
            )
            y += CHART_ROW
        groups.append(ChartGroup(unit, group_y, chart_rows))
    return Chart(
        frame.base, frame.subject, groups, y, CHART_LABEL, CHART_BAR, CHART_ROW, len(shown), len(numeric)
    )


def _value(indicator: Indicator) -> float | None:
    quantity = indicator.quantity
    return quantity.base_value if quantity.base_value is not None else quantity.value
