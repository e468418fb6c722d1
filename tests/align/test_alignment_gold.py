"""Section and target alignment of the Kunshan 14th side against the 15th plan, measured on the keys."""

from __future__ import annotations

import io
import json
from functools import cache

from plandiff.cli import main
from plandiff.corpus import resolve_document
from plandiff.model import Comparison
from plandiff.pipeline import compare, load_document
from tests.align.scoring import score_alignment
from tests.conftest import read_gold

# Floors that guard today's measured quality against regressions (measured 0.873 and 0.771; the issue's
# targets 0.90 and 0.85 are not reached yet, see docs/compare.md); its unmatched F1 target (0.80) on the
# Kunshan key and strong recall (0.95) on both keys are.
SECTION_F1_FLOOR = 0.86
HIERARCHY_F1_FLOOR = 0.76
UNMATCHED_F1_FLOOR = 0.80
STRONG_RECALL_FLOOR = 0.95


@cache
def kunshan() -> Comparison:
    old = [load_document(resolve_document(i)) for i in ("kunshan-14-interpretation", "kunshan-14-article")]
    return compare(old, [load_document(resolve_document("kunshan-15-plan"))])


@cache
def kunshan_interpretation_only() -> Comparison:
    return compare(
        [load_document(resolve_document("kunshan-14-interpretation"))],
        [load_document(resolve_document("kunshan-15-plan"))],
    )


def test_section_alignment_against_key() -> None:
    result = score_alignment(
        list(kunshan_interpretation_only().sections), "000", "003", "sections_000_003.csv"
    )
    print(
        f"\nsections 000~003: precision {result.precision:.3f} recall {result.recall:.3f} F1 {result.f1:.3f}; "
        f"unmatched precision {result.unmatched_precision:.3f} recall {result.unmatched_recall:.3f} "
        f"F1 {result.unmatched_f1:.3f}"
    )
    assert result.f1 >= SECTION_F1_FLOOR
    assert result.unmatched_f1 >= UNMATCHED_F1_FLOOR
    assert result.strong_recall >= STRONG_RECALL_FLOOR


def test_plan_against_its_city_recommendations_against_key() -> None:
    """Hierarchy: Kunshan's 15th plan against Suzhou's 15th recommendations (one item over several 节)."""
    comparison = compare(
        [load_document(resolve_document("kunshan-15-plan"))],
        [load_document(resolve_document("suzhou-15-recommendations"))],
    )
    assert comparison.kind == "hierarchy"
    result = score_alignment(list(comparison.sections), "003", "004", "sections_003_004.csv")
    print(
        f"\nsections 003~004: precision {result.precision:.3f} recall {result.recall:.3f} F1 {result.f1:.3f}"
    )
    assert result.f1 >= HIERARCHY_F1_FLOOR
    assert result.strong_recall >= STRONG_RECALL_FLOOR


def _gold_same_pairs() -> list[dict[str, str]]:
    return [r for r in read_gold("indicator_pairs.csv") if r["relation"] == "same"]


def test_same_target_pairs_found_with_direction() -> None:
    doc_of = {"000": "kunshan-14-interpretation", "002": "kunshan-14-article"}
    found = 0
    for row in _gold_same_pairs():
        for pair in kunshan().indicators:
            if (
                pair.old
                and pair.new
                and pair.old_document == doc_of[row["old_doc"]]
                and abs(pair.old.line - int(row["old_line"])) <= 1
                and abs(pair.new.line - int(row["new_line"])) <= 1
            ):
                found += pair.change is not None and pair.change.ambition == row["change"]
                break
    print(f"\nsame target pairs found with the right change: {found}/{len(_gold_same_pairs())}")
    assert found == len(_gold_same_pairs())


def test_gdp_growth_lowered_in_percentage_points() -> None:
    pair = next(p for p in kunshan().indicators if p.old and p.new and p.new.line == 59)
    assert pair.old.quantity.text == "6%以上" and pair.change.delta == -1.0
    assert (pair.change.delta_unit, pair.change.direction, pair.change.ambition) == (
        "百分点",
        "lower",
        "down",
    )


def test_income_ratio_lower_is_more_ambitious() -> None:
    pair = next(p for p in kunshan().indicators if p.old and p.new and p.new.line == 119)
    assert pair.change.lower_is_better and pair.change.direction == "lower" and pair.change.ambition == "up"


def test_compare_cli_json_contract(tmp_path) -> None:
    out = io.StringIO()
    code = main(
        ["compare", "kunshan-14-interpretation", "kunshan-15-plan", "--json", "--out", str(tmp_path)],
        stdout=out,
    )
    assert code == 0 and (tmp_path / "comparison.json").exists()
    payload = json.loads(out.getvalue())
    assert {"sections", "indicators", "terms", "summary", "texts"} <= set(payload)
    section = next(s for s in payload["sections"] if s["old"] and s["new"])
    assert {"id", "title", "line"} <= set(section["old"]) and section["relation"] in {
        "same",
        "moved",
        "split",
        "merged",
    }
    assert any(p["old"] and p["new"] and p["change"]["ambition"] == "down" for p in payload["indicators"])


def test_overrides_pin_and_forbid(tmp_path) -> None:
    best = next(p for p in kunshan_interpretation_only().sections if p.old and p.new)
    path = tmp_path / "overrides.toml"
    path.write_text(
        f'[[forbid]]\nold = "{best.old.id}"\nnew = "{best.new.id}"\n'
        f'[[pin]]\nold = "{best.old.id}"\nnew = "p5/c17/s3"\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    assert (
        main(
            ["compare", "kunshan-14-interpretation", "kunshan-15-plan", "--json", "--overrides", str(path)],
            stdout=out,
        )
        == 0
    )
    pairs = {
        (s["old"]["id"], s["new"]["id"])
        for s in json.loads(out.getvalue())["sections"]
        if s["old"] and s["new"]
    }
    assert (best.old.id, best.new.id) not in pairs and (best.old.id, "p5/c17/s3") in pairs
