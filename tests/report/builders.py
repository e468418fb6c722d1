"""Small comparisons made for the report tests: a revised section written as plans print it (，；“”
and full-width digits), an added and a dropped section, targets raised, lowered and re-labelled, terms."""

from __future__ import annotations

from dataclasses import replace

from plandiff.diff.frame import frame_for
from plandiff.diff.numbers import indicator_change
from plandiff.diff.text import redline
from plandiff.model import (
    Comparison,
    ComparisonKind,
    DocumentKind,
    DocumentMeta,
    Indicator,
    IndicatorPair,
    IndicatorRole,
    Qualifier,
    Quantity,
    QuantityKind,
    Relation,
    SectionPair,
    SectionRef,
    Shift,
    TermShift,
)
from plandiff.pipeline import summarize
from tests.conftest import INPUTS

OLD_TEXT = "到２０２５年，研发投入强度达４.５％；建设“智造之城”。推进城市更新；完善公共服务体系。"
NEW_TEXT = "到２０３０年，研发投入强度达５％；建设“智造强市”。推进城市更新；完善公共服务体系。"
DELETED = "之城"
INSERTED = "强市"
HOSTILE = '=HYPERLINK("http://x","y")<script>alert(1)</script>[link](http://x)\x0b'


def _ref(document: str, number: int, title: str, part: str) -> SectionRef:
    return SectionRef(document, f"p1/c{number}", title, 10 * number, 10 * number + 5, part)


def _target(name: str, text: str, value: float, unit: str, attribute: str, line: int) -> Indicator:
    quantity = Quantity(
        text, value, unit, Qualifier.GE, kind=QuantityKind.SHARE, base_value=value, base_unit=unit
    )
    return Indicator(name, name, quantity, 2030, IndicatorRole.TARGET, attribute, "p1/c1", line)


def small_comparison(
    kind: ComparisonKind = ComparisonKind.VERSION, *, title: str = "第一章 创新驱动", upper_old: bool = True
) -> Comparison:
    """A comparison of three section pairs and three target pairs; ``title`` is the revised section's.
    A hierarchy has 苏州市 (上级) on the old side, or on the new side when ``upper_old`` is false."""
    places = ("北京市", "上海市") if kind is ComparisonKind.PEER else ("苏州市", "昆山市")
    if not upper_old:
        places = places[::-1]
    old_meta = DocumentMeta(
        "old-doc", "old.txt", places[0], period=15, kind=DocumentKind.PLAN, title="旧规划"
    )
    new_meta = DocumentMeta(
        "new-doc", "new.txt", places[1], period=15, kind=DocumentKind.PLAN, title="新规划"
    )
    pairs = (
        SectionPair(
            _ref("old-doc", 1, title, "第一篇 总体要求"),
            _ref("new-doc", 1, "第一章 创新驱动发展", "第一篇 总体要求"),
            0.8,
            Relation.SAME,
            ("研发投入", "城市更新"),
        ),
        SectionPair(None, _ref("new-doc", 2, "第二章 发展低空经济", "第一篇 总体要求"), 0.0, Relation.ADDED),
        SectionPair(_ref("old-doc", 3, "第三章 疫情防控", "第二篇 民生"), None, 0.0, Relation.REMOVED),
    )
    texts = (
        redline(OLD_TEXT, NEW_TEXT, pair_index=0),
        redline("", "推动低空经济发展。", pair_index=1),
        redline("做好常态化疫情防控。", "", pair_index=2),
    )
    frame = frame_for(kind, (old_meta,), (new_meta,), upper_old)
    raised = (
        _target("研发投入强度", "４.５％", 4.5, "%", "预期性", 11),
        _target("研发投入强度", "５％", 5.0, "%", "约束性", 11),
    )
    unemployment = (
        _target("城镇调查失业率", "5.5%以内", 5.5, "%", "预期性", 12),
        _target("城镇调查失业率", "5%以内", 5.0, "%", "预期性", 12),
    )
    indicators = (
        IndicatorPair(*raised, "old-doc", "new-doc", 1.0, indicator_change(*raised, frame)),
        IndicatorPair(*unemployment, "old-doc", "new-doc", 1.0, indicator_change(*unemployment, frame)),
        IndicatorPair(
            _target("数字经济核心产业增加值占比", "15%", 15.0, "%", "预期性", 13),
            None,
            "old-doc",
            None,
            0.0,
            None,
        ),
    )
    terms = (
        TermShift("低空经济", 0, 5, 0.0, 12.5, Shift.NEW),
        TermShift("疫情防控", 4, 0, 10.0, 0.0, Shift.DROPPED),
    )
    summary = summarize(pairs, texts, indicators, terms, kind, upper_old)
    return Comparison(kind, (old_meta,), (new_meta,), pairs, texts, indicators, terms, summary)


def hostile_comparison() -> Comparison:
    """A peer comparison (place names become headers) with markup, a formula and a control character in
    titles, place names, target names and terms."""
    comparison = small_comparison(ComparisonKind.PEER, title=HOSTILE)
    first = comparison.indicators[0]
    assert first.new is not None
    indicators = (replace(first, new=replace(first.new, name=HOSTILE)), *comparison.indicators[1:])
    terms = (replace(comparison.terms[0], term=HOSTILE), *comparison.terms[1:])
    old = (replace(comparison.old[0], title=HOSTILE, place=HOSTILE),)
    return replace(comparison, indicators=indicators, terms=terms, old=old)


def merged_comparison(pairs: int = 200) -> Comparison:
    """A comparison of ``pairs`` pairs shaped like a plan whose parse kept one huge section: half the old
    sections merge into one 50,000-character new section, the other half pair one to one with a revision.
    Texts are lines of the Kunshan 15th plan, so sizes are a real plan's."""

    lines = [
        line
        for line in (INPUTS / "kunshan/15th-plan.txt").read_text(encoding="utf-8").splitlines()
        if len(line) > 40
    ]
    big = "\n".join(lines)[:50000]
    old_meta = DocumentMeta("a", "a.txt", "北京市", period=15, kind=DocumentKind.PLAN)
    new_meta = DocumentMeta("b", "b.txt", "上海市", period=15, kind=DocumentKind.PLAN)
    big_ref = SectionRef("b", "a3", "三、 提升国际经济中心地位", 300, 700, "三、 提升国际经济中心地位")
    section_pairs, texts = [], []
    for n in range(pairs):
        text = lines[n % len(lines)]
        old_ref = SectionRef(
            "a", f"p{n // 20}/c{n}", f"第{n}节 {text[:10]}", 10 * n + 1, 10 * n + 5, f"第{n // 20}篇"
        )
        if n % 2:
            new_ref = big_ref
            change = redline(text, "", pair_index=n)
            change = replace(
                change, ops=(*change.ops, *redline("", big).ops), inserted=len(big), similarity=0.02
            )
            relation = Relation.MERGED
        else:
            new_ref = SectionRef(
                "b", f"p{n // 20}/c{n}", f"第{n}节 {text[:10]}", 10 * n + 1, 10 * n + 5, f"第{n // 20}篇"
            )
            change = redline(text, text.replace("。", "，加快推进。", 1), pair_index=n)
            relation = Relation.SAME
        section_pairs.append(SectionPair(old_ref, new_ref, 0.5, relation))
        texts.append(change)
    kind = ComparisonKind.PEER
    summary = summarize(section_pairs, texts, (), (), kind)
    return Comparison(kind, (old_meta,), (new_meta,), tuple(section_pairs), tuple(texts), (), (), summary)
