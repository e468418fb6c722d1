"""Metadata read from title and issuing-line shapes real plans come in (small fixtures written for the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandiff import ingest_file
from plandiff.ingest import infer_metadata

PROSE = "“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期，全市上下要牢记嘱托、砥砺奋进。"


def inferred(tmp_path: Path, head: str, body: str = PROSE) -> dict[str, str | int]:
    path = tmp_path / "plan.txt"
    path.write_text(f"{head}\n\n{body}\n", encoding="utf-8")
    return {name: found.value for name, found in infer_metadata(ingest_file(path)).items()}


@pytest.mark.parametrize(
    ("head", "place", "level", "period", "kind"),
    [
        # a title wrapped over two lines, a municipality directly under the central government
        ("北京市国民经济和社会发展\n第十五个五年规划纲要", "北京市", "province", 15, "纲要"),
        # a notice issuing the plan: the plan's title, not the issuer's
        (
            "广州市人民政府关于印发广州市国民经济和社会发展第十五个五年规划纲要的通知",
            "广州市",
            "prefecture",
            15,
            "纲要",
        ),
        # the country
        (
            "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
            "中华人民共和国",
            "national",
            14,
            "纲要",
        ),
        (
            "中共中央关于制定国民经济和社会发展第十五个五年规划的建议",
            "中华人民共和国",
            "national",
            15,
            "建议",
        ),
        # a party committee's recommendations for its city; a province's plan
        (
            "中共合肥市委关于制定合肥市国民经济和社会发展第十五个五年规划的建议",
            "合肥市",
            "prefecture",
            15,
            "建议",
        ),
        ("江苏省国民经济和社会发展第十五个五年规划纲要", "江苏省", "province", 15, "纲要"),
        # a district named with its city
        ("苏州市吴江区国民经济和社会发展第十四个五年规划纲要", "吴江区", "district", 14, "纲要"),
    ],
)
def test_place_level_period_kind_from_the_title(
    tmp_path: Path, head: str, place: str, level: str, period: int, kind: str
) -> None:
    found = inferred(tmp_path, head)
    assert (found["place"], found["level"], found["period"], found["kind"]) == (place, level, period, kind)


def test_a_city_that_speaks_of_its_districts_is_a_prefecture(tmp_path: Path) -> None:
    body = PROSE + "支持各区结合自身优势错位发展，推动县域经济高质量发展。"
    assert inferred(tmp_path, "合肥市国民经济和社会发展第十五个五年规划纲要", body)["level"] == "prefecture"


def test_a_city_that_calls_itself_county_level_is_a_county(tmp_path: Path) -> None:
    body = PROSE + "综合实力连续多年位居全国百强县市首位，各区镇争先进位。"
    assert inferred(tmp_path, "昆山市国民经济和社会发展第十五个五年规划纲要", body)["level"] == "county"


def test_words_ending_in_shi_are_no_place(tmp_path: Path) -> None:
    """A title without a place leaves it unknown rather than reading 建设市场 or 服务市场 as a city."""
    body = "加快建设全国统一大市场，建设市场体系，完善服务市场监管，推动城市更新。" * 3
    found = inferred(tmp_path, "第十五个五年规划纲要", body)
    assert "place" not in found and "level" not in found
    assert found["period"] == 15 and found["kind"] == "纲要"


def test_adoption_date_with_digit_zero_in_chinese_numerals(tmp_path: Path) -> None:
    head = "中共合肥市委关于制定合肥市国民经济和社会发展第十五个五年规划的建议\n（二0二五年十二月十二日中国共产党合肥市第十二届委员会第十一次全体会议通过）"
    assert inferred(tmp_path, head)["date"] == "2025-12-12"
