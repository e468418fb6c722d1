"""Outline recall against the hand-made section inventories of 000 and 003 (tests/data/gold)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest

from plandiff.model import Document, DocumentMeta, SectionKind
from plandiff.pipeline import load_document
from tests.conftest import read_gold, seed_path

MIN_RECALL = 0.97


@dataclass(frozen=True)
class GoldUnit:
    line: int
    end_line: int
    rank: int
    key: str
    parent_line: int | None


def gold_units(seed: str) -> list[GoldUnit]:
    """Inventory rows with the line of their gold parent (nearest enclosing unit of a lower rank)."""
    rows = [
        (int(r["line"]), int(r["end_line"]), int(r["rank"]), r["key"])
        for r in read_gold(f"inventory_{seed}.csv")
    ]
    units = []
    for line, end, rank, key in rows:
        enclosing = [r for r in rows if r[2] < rank and r[0] <= line <= r[1]]
        parent = max(enclosing, key=lambda r: r[2])[0] if enclosing else None
        units.append(GoldUnit(line, end, rank, key, parent))
    return units


@cache
def parsed(seed: str) -> Document:
    return load_document(DocumentMeta(id=seed, path=str(seed_path(seed))))


def found(document: Document, unit: GoldUnit) -> bool:
    """A section starts at the unit's line (±1) and its parent starts at the gold parent's line (±1)."""
    by_id = {s.id: s for s in document.sections}
    for section in document.sections:
        if abs(section.line - unit.line) > 1:
            continue
        parent = by_id.get(section.parent) if section.parent else None
        if unit.parent_line is None and (parent is None or parent.kind is SectionKind.PREAMBLE):
            return True
        if unit.parent_line is not None and parent is not None and abs(parent.line - unit.parent_line) <= 1:
            return True
    return False


@pytest.mark.parametrize("seed", ["000", "003"])
def test_outline_recall_against_inventory(seed: str) -> None:
    document = parsed(seed)
    units = gold_units(seed)
    missed = [u.key for u in units if not found(document, u)]
    recall = 1 - len(missed) / len(units)
    synthetic = sum(s.synthetic for s in document.sections)
    print(
        f"\noutline {seed}: recall {recall:.3f} ({len(units) - len(missed)}/{len(units)}), "
        f"{synthetic} synthetic sections; missed: {missed}"
    )
    assert recall >= MIN_RECALL


def test_kunshan_plan_parts_and_chapters_once_in_order() -> None:
    document = parsed("003")
    parts = [s.label for s in document.sections if s.kind is SectionKind.PART]
    chapters = [s.label for s in document.sections if s.kind is SectionKind.CHAPTER]
    assert parts == [f"第{n}篇" for n in "一二三四五"]
    assert chapters == [f"第{n}章" for n in "一二三四五六七八九十"] + [f"第十{n}章" for n in "一二三四五六七"]
    synthetic = {
        s.label
        for s in document.sections
        if s.synthetic and s.kind in (SectionKind.PART, SectionKind.CHAPTER)
    }
    assert synthetic == {"第一篇", "第一章", "第二章", "第四章", "第五章"}


def test_kunshan_plan_table_boxes_glossary() -> None:
    document = parsed("003")
    (table,) = document.tables
    assert table.caption.startswith("表1") and len(table.rows) == 25
    assert table.header == ("序号", "指标", "2030年目标", "属性")
    boxes = [s for s in document.sections if s.kind is SectionKind.BOX]
    assert [s.label for s in boxes] == [f"专栏{n}" for n in range(1, 7)]
    glossary = [s for s in document.sections if s.kind is SectionKind.GLOSSARY]
    assert len(glossary) == 1 and glossary[0].line == 505 and len(glossary[0].paragraphs) == 18
    table_section = next(s for s in document.sections if s.kind is SectionKind.TABLE)
    assert document.section(table_section.parent).line == 39  # part of the 主要目标 unit


def test_recommendations_sixty_items_in_order() -> None:
    document = parsed("004")
    items = [s for s in document.sections if s.numbering == "n"]
    assert [s.label for s in items] == [f"{n}." for n in range(1, 61)]
    assert [s.synthetic for s in items].count(True) == 1 and items[51].synthetic
    assert items[51].title == "推进法治苏州建设"


def test_recommendations_lost_part_headings_recovered() -> None:
    """Only 一、 survives of the recommendations' part headings; each later part's lead paragraph (坚守实体经济,
    实施“苏州智造”强基提质工程… before item 5) sits between two items and opens a synthetic part."""
    document = parsed("004")
    parts = [s for s in document.sections if s.numbering == "a"]
    assert [s.synthetic for s in parts] == [False] + [True] * 12
    first_items = []
    for part in parts:
        items = [s for s in document.sections if s.parent == part.id and s.numbering == "n"]
        first_items.append(int(items[0].label.rstrip(".")))
    assert first_items == [1, 5, 9, 14, 18, 23, 27, 30, 35, 41, 47, 51, 57]
    assert parts[1].title == "坚守实体经济" and parts[1].paragraphs[0][1].startswith("坚守实体经济")
    assert parts[-1].title.startswith("坚持以党的自我革命引领社会革命")


def test_article_standalone_sentences_are_sections() -> None:
    document = parsed("002")
    heads = [s.title for s in document.sections if s.numbering == "h"]
    assert len(heads) == 6 and all(t.startswith("争当") and t.endswith("示范") for t in heads)


def test_wujiang_lost_chapter_six_recovered() -> None:
    document = parsed("001")
    chapters = [s for s in document.sections if s.kind is SectionKind.CHAPTER]
    assert [s.label for s in chapters] == [f"第{n}章" for n in "一二三四五六七八九"]
    sixth = chapters[5]
    assert sixth.synthetic and sixth.line == 287
    assert [document.section(s.parent).label for s in document.sections if s.line == 289] == ["第六章"]
    assert any(s.kind is SectionKind.GLOSSARY and s.line == 423 for s in document.sections)


def test_no_section_from_removed_chrome() -> None:
    for seed in ("000", "001", "004"):
        document = parsed(seed)
        removed = {r.line for r in document.text.removed}
        assert not removed & {s.line for s in document.sections}
