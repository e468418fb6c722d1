"""Section alignment rules on real text changed the way plans change: a chapter moved, a lost 第一节 heading,
summary sections that resemble everything."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from plandiff.align import alignment_units
from plandiff.align.units import is_outlook
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


def test_situation_analysis_is_recognised_by_heading_or_opening() -> None:
    assert is_outlook("第二节 新背景下的发展形势", "")
    assert is_outlook("2.“十五五”时期苏州发展面临新机遇新挑战", "")
    assert is_outlook("第二节 发展环境", "")
    assert is_outlook("", "从全球看，新一轮科技革命和产业变革深入发展，从国内看……")
    assert not is_outlook("第一节 创新引领的“智造之城”", "抢抓人工智能发展机遇，应对各类风险挑战……")
    review = "面对错综复杂的国际形势，全市经济总量迈上新台阶。" * 4 + "从国际看，外需有所放缓。"
    assert not is_outlook(
        "一是综合实力稳步提升", review
    )  # a late 从国际看 does not make a situation analysis


def test_situation_analysis_pairs_only_with_a_situation_analysis() -> None:
    """The 14th-plan interpretation has no 发展环境 section, so the 15th plan's (从国际看…) stays unmatched;
    against Suzhou's recommendations it pairs with their 新机遇新挑战 item."""
    outlook_15 = [p for p in kunshan_interpretation_only().sections if p.new and p.new.line == 18]
    assert [p.relation for p in outlook_15] == [Relation.ADDED]
    suzhou = load_document(DocumentMeta(id="suzhou", path=str(seed_path("004")), place="苏州"))
    paired = [p for p in compare([suzhou], [plan_15()]).sections if p.new and p.new.line == 18 and p.old]
    assert [p.old.title for p in paired] == ["2. “十五五”时期苏州发展面临新机遇新挑战"]


def test_parts_of_unequal_length_still_correspond() -> None:
    """Wujiang's plan has nine thematic 篇, Kunshan's interpretation one 四、主要内容 of 46 items: the long part
    must not lose to 三、总体要求 for counting more unrelated pairs, or topical pairs are cut (consumption)."""
    wujiang = load_document(DocumentMeta(id="wujiang", path=str(seed_path("001")), place="吴江"))
    interpretation = load_document(DocumentMeta(id="kunshan-14", path=str(seed_path("000")), place="昆山"))
    pairs = compare([wujiang], [interpretation]).sections
    consumption = [p for p in pairs if p.old and p.old.title and "消费新业态" in p.old.title]
    assert [p.new.title for p in consumption if p.new] == ["三是全面推动投资与消费升级"]


def test_thematic_parts_in_another_order_still_correspond() -> None:
    """Suzhou's recommendations put 沪苏同城 (item 31) in their regional part after the rural one; Kunshan's plan
    puts 主动对接上海“五个中心” in its opening-up 篇 before the urban-rural one. The parts still correspond,
    while a summary 节 of the general requirements (推动“十五五”发展) does not take thematic items."""
    suzhou = load_document(DocumentMeta(id="suzhou", path=str(seed_path("004")), place="苏州"))
    pairs = [p for p in compare([suzhou], [plan_15()]).sections if p.old and p.new]
    shanghai = [p.new.title for p in pairs if p.old.title.startswith("31.")]
    assert any("五个中心" in title for title in shanghai)
    summary = [p.old.title for p in pairs if "推动“十五五”发展" in (p.new.title or "")]
    assert summary and all(title.startswith(("3.", "4.")) for title in summary)
