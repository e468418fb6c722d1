"""Section alignment rules on real text changed the way plans change: a chapter moved, a lost 第一节 heading,
summary sections that resemble everything."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from plandiff.align import alignment_units
from plandiff.model import Document, DocumentMeta, Relation
from plandiff.pipeline import compare, load_document
from tests.align.test_alignment_gold import kunshan_interpretation_only
from tests.conftest import seed_path


@cache
def plan_15() -> Document:
    return load_document(DocumentMeta(id="kunshan-15", path=str(seed_path("003")), place="昆山"))


def test_swapped_chapters_are_found_and_marked_moved(tmp_path: Path) -> None:
    """第十章 and 第十二章 trade places (and numbers), as when a plan is restructured."""
    lines = seed_path("003").read_text(encoding="utf-8").split("\n")

    def chapter_at(label: str) -> int:
        return next(n for n, line in enumerate(lines) if f"{label} " in line and "节" not in line[:20])

    ten, eleven, twelve, thirteen = (chapter_at(c) for c in ("第十章", "第十一章", "第十二章", "第十三章"))
    chapter_ten = "\n".join(lines[ten:eleven]).replace("第十章", "第十二章", 1)
    chapter_twelve = "\n".join(lines[twelve:thirteen]).replace("第十二章", "第十章", 1)
    swapped = [*lines[:ten], chapter_twelve, *lines[eleven:twelve], chapter_ten, *lines[thirteen:]]
    path = tmp_path / "swapped.txt"
    path.write_text("\n".join(swapped), encoding="utf-8")
    new = load_document(DocumentMeta(id="swapped", path=str(path), place="昆山"))
    paired = [p for p in compare([plan_15()], [new]).sections if p.old and p.new]
    assert all(p.old.title == p.new.title for p in paired)
    moved = {p.old.title for p in paired if p.relation is Relation.MOVED}
    green = {"第一节 巩固提升生态环境质量", "第二节 提高绿色低碳发展质效", "第三节 完善生态治理长效机制"}
    assert green <= moved and len(moved) <= 7  # the 3 节 of 第十二章, at most the 4 of 第十章 besides
    assert sum(p.relation is Relation.SAME for p in paired) >= len(paired) - len(moved)


def test_long_chapter_lead_is_a_unit_of_its_own() -> None:
    lead = next(u for u in alignment_units([plan_15()]) if u.ref.id.endswith("/lead"))
    assert lead.ref.line == 27 and lead.text.startswith("坚持马克思列宁主义")
    guiding = [
        p
        for p in kunshan_interpretation_only().sections
        if p.old and p.old.title and "指导思想" in p.old.title
    ]
    assert any(p.new and p.new.id.endswith("/lead") for p in guiding)


def test_summary_sections_do_not_pair_with_thematic_parts() -> None:
    """000 三、总体要求 ((一)–(四): 指导思想, 功能定位, 战略举措, 总体目标) touches every topic; it belongs with
    003's 第一篇 (lines 11–184), not with the thematic 篇 that follow."""
    summary = range(33, 53)
    pairs = [p for p in kunshan_interpretation_only().sections if p.old and p.new and p.old.line in summary]
    assert pairs and all(p.new.line < 185 for p in pairs)
