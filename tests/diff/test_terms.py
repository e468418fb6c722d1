"""Key terms are whole words (jieba and the policy vocabulary), never slices cut across words."""

from __future__ import annotations

from plandiff.diff.terms import shared_words, term_shifts
from plandiff.diff.words import Words


def test_policy_coinages_come_out_whole() -> None:
    counts = Words().counts("大力发展低空经济和具身智能，实施“人工智能+”行动，培育新质生产力。")
    assert {"低空经济", "具身智能", "人工智能+", "新质生产力"} <= set(counts)
    assert not {"低空", "具身", "新质"} & set(counts)


def test_function_words_numerals_stock_verbs_and_common_words_are_not_terms() -> None:
    words = Words()
    common = ("的", "推进", "进一步", "二〇", "十五", "第一节", "三五年", "2025", "我们", "企业", "必须")
    assert not any(words.is_term(w) for w in common)
    assert all(words.is_term(w) for w in ("城市更新", "人工智能+", "集成电路", "芯片", "托育"))


def test_new_word_is_reported_whole() -> None:
    old = ["推动传统产业转型升级。" * 3]
    new = ["聚力发展具身智能产业，推进具身智能研发，布局具身智能场景。", "推动传统产业转型升级。"]
    shifts = {(s.term, s.shift) for s in term_shifts(old, new)}
    assert ("具身智能", "new") in shifts
    assert not any(term in ("身智能产", "聚力发展", "智能产") for term, _ in shifts)


def test_quoted_phrase_of_several_words_is_a_term() -> None:
    text = "建设“强富美高”新昆山，奋力谱写“强富美高”新篇章，推进“强富美高”建设。"
    shifts = {s.term: s.shift for s in term_shifts(["推进城市更新。"], [text])}
    assert shifts.get("强富美高") == "new"


def test_shared_words_prefer_what_only_the_pair_shares() -> None:
    boiler = "坚持高质量发展。"
    pairs = [
        (boiler + "发展低空经济，建设低空经济示范区。", boiler + "低空经济规模突破百亿元。"),
        (boiler + "推进城市更新。", boiler + "城市更新行动。"),
        (boiler + "完善托育服务。", boiler + "托育服务覆盖全域。"),
        (boiler + "建设海绵城市。", boiler + "海绵城市全覆盖。"),
    ]
    shared = shared_words(pairs, Words())
    assert shared[0][0] == "低空经济" and shared[1][0] == "城市更新"
    assert all("高质量发展" not in words for words in shared)
