"""Indicator extraction measured against tests/data/gold/indicators.csv (recall, precision, attributes)."""

from __future__ import annotations

from functools import cache

import pytest

from plandiff.corpus import load_manifest
from plandiff.extract import extract_indicators
from plandiff.model import Indicator
from plandiff.pipeline import load_document
from tests.conftest import INPUTS, SEED_FILES, read_gold
from tests.extract.scoring import score

MIN_RECALL, MIN_PRECISION, MIN_ATTRIBUTE = 0.95, 0.90, 0.95
MANIFEST = load_manifest(INPUTS / "plans.toml")


@cache
def indicators(seed: str) -> list[Indicator]:
    meta = MANIFEST.find(str(INPUTS / SEED_FILES[seed]))
    return extract_indicators(load_document(meta))


@pytest.mark.parametrize("seed", ["000", "003"])
def test_indicators_against_key(seed: str) -> None:
    rows = [r for r in read_gold("indicators.csv") if r["doc"] == seed]
    result = score(rows, indicators(seed))
    print("\n" + result.line(f"indicators {seed}"))
    print(f"  missed: {list(result.missed)}\n  spurious: {list(result.spurious)}")
    assert result.recall >= MIN_RECALL
    assert result.precision >= MIN_PRECISION
    for attribute in ("unit", "qualifier", "year", "role"):
        assert getattr(result, attribute) >= MIN_ATTRIBUTE, attribute


def by_line(seed: str, line: int) -> list[tuple[str, float | None, str, str, str, int | None]]:
    return [
        (i.quantity.text, i.quantity.value, i.quantity.unit, i.quantity.qualifier_text, i.role.value, i.year)
        for i in indicators(seed)
        if i.line == line
    ]


def test_article_targets_read_by_hand() -> None:
    """002 line 31, read by hand: three 力争 targets for 2025, then school and park counts."""
    rows = by_line("002", 31)
    assert rows[:3] == [
        ("8.5万元", 8.5, "万元", "aim", "target", 2025),
        ("1300万元", 1300, "万元", "aim", "target", 2025),
        ("1.75:1", 1.75, "ratio", "aim", "target", 2025),
    ]
    assert ("超8万个", 8, "万个", ">", "target", 2025) in rows


def test_shared_value_applies_to_every_name() -> None:
    """002 line 13: 规上工业企业和高新技术企业均达到3500家以上 is two indicators."""
    shared = [i for i in indicators("002") if i.line == 13 and i.quantity.value == 3500]
    assert sorted(i.name for i in shared) == ["规上工业企业", "高新技术企业"]
    assert all(i.quantity.qualifier_text == ">= aim" for i in shared)


def test_recommendations_spam_and_item_numbers_are_not_values() -> None:
    values = {i.quantity.value for i in indicators("004")}
    assert not values & {3692789.0, 536.0, 17048176.0}
    assert not [i for i in indicators("004") if i.quantity.text.endswith(".")]


def test_table_rows_with_attributes() -> None:
    table = [i for i in indicators("003") if i.source == "table"]
    assert len(table) == 25
    assert sum(i.attribute == "约束性" for i in table) == 4 and all(i.attribute for i in table)
    assert all(i.role.value == "target" and i.year == 2030 for i in table)
