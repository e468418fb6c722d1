"""Redline properties: nothing changes against itself, swapping sides swaps insertions and deletions,
numbers stay whole, moved sentences are not shown twice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plandiff.diff.text import redline

OLD = "空气质量持续改善。全社会研发支出占地区生产总值比重达4.5%，累计高新技术企业数超4000家。城镇登记失业率保持在2.5%以内。"
NEW = "空气质量持续改善。全社会研发经费投入占地区生产总值比重达4.0%，国家高新技术企业数4000家左右。城镇登记失业率保持在2.5%以内。"
chinese = st.text(alphabet=st.sampled_from("规划发展创新产业城市。，；0123456789%万亿元以上"), max_size=80)


def test_numbers_are_whole_tokens() -> None:
    ops = redline(OLD, NEW).ops
    assert any(o.op == "delete" and "4.5%" in o.text for o in ops)
    assert any(o.op == "insert" and "4.0%" in o.text for o in ops)
    assert not any(o.op != "equal" and o.text in ("4.", "5%", "0%", ".5") for o in ops)


def test_change_types() -> None:
    assert redline(OLD, OLD).change_type == "未变"
    assert redline("", NEW).change_type == "新增" and redline(OLD, "").change_type == "删除"
    assert redline(OLD, NEW).change_type == "修改"
    assert redline(OLD, OLD.replace("，", ",")).change_type == "仅文字变化"
    assert redline(OLD, OLD.replace("，", ","), ignore_punctuation=True).change_type == "未变"


def test_moved_sentence_marked_once() -> None:
    a = "第一句讲产业发展的总体安排。第二句讲城市更新的具体任务。第三句讲生态环境保护。"
    b = "第二句讲城市更新的具体任务。第一句讲产业发展的总体安排。第三句讲生态环境保护。"
    change = redline(a, b)
    assert change.inserted == change.deleted == 0
    assert any(o.moved for o in change.ops)


@settings(max_examples=200, deadline=None)
@given(chinese, chinese)
def test_redline_reconstructs_both_sides(old: str, new: str) -> None:
    ops = redline(old, new).ops
    assert "".join(o.text for o in ops if o.op != "insert") == old
    assert "".join(o.text for o in ops if o.op != "delete") == new


@settings(max_examples=100, deadline=None)
@given(chinese, chinese)
def test_swapping_sides_swaps_counts(old: str, new: str) -> None:
    forward, backward = redline(old, new), redline(new, old)
    assert (forward.inserted, forward.deleted) == (backward.deleted, backward.inserted)
    assert redline(old, old).inserted == redline(old, old).deleted == 0


# A revision as plans print it: full-width punctuation, curly quotes and full-width digits.
SOURCE_OLD = "到２０２５年，研发投入强度达４.５％；建设“智造之城”。推进城市更新；完善公共服务。"
SOURCE_NEW = "到２０３０年，研发投入强度达５％；建设“智造强市”。推进城市更新；完善公共服务。"


def sides(ops: tuple) -> tuple[str, str]:
    return (
        "".join(o.text for o in ops if o.op != "insert"),
        "".join(o.text for o in ops if o.op != "delete"),
    )


def test_redline_display_text_is_the_source_characters() -> None:
    for ignore in (False, True):
        ops = redline(SOURCE_OLD, SOURCE_NEW, ignore_punctuation=ignore).ops
        assert sides(ops) == (SOURCE_OLD, SOURCE_NEW)
        shown = "".join(o.text for o in ops)
        assert not set(',;"%') & set(shown), "half-width characters the source does not have"
        assert {"，", "；", "“", "”", "２"} <= set(shown)
        # Full-width numbers are still whole tokens: the matching form finds them.
        assert any(o.op == "delete" and "４.５％" in o.text for o in ops)
        assert any(o.op == "insert" and "５％" in o.text for o in ops)
        assert not any(o.op != "equal" and o.text in ("４.", ".５", "５", "％") for o in ops)


def test_ignore_punctuation_keeps_each_sides_own_characters() -> None:
    old = "完善公共服务，提升治理水平；达到２０２５年目标。"
    new = "完善公共服务,提升治理水平;达到2025年目标。"
    change = redline(old, new, ignore_punctuation=True)
    assert change.change_type == "未变" and change.inserted == change.deleted == 0
    assert sides(change.ops) == (old, new)
    plain = redline(old, new)
    assert plain.change_type != "未变" and plain.inserted == plain.deleted == 6  # ，→,  ；→;  ２０２５→2025
