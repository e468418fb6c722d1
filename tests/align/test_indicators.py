"""Target pairing: the same indicator, named the way two places or two periods name it, paired once."""

from __future__ import annotations

from plandiff.align import Sided, pair_targets
from plandiff.align.indicators import compatible
from plandiff.extract.prose import normalize_name
from plandiff.extract.quantity import parse_quantity
from plandiff.model import Indicator, IndicatorRole, Quantity, QuantityKind


def target(name: str, value: str, unit: str = "", line: int = 1, source: str = "table") -> Indicator:
    quantity = parse_quantity(value, unit=unit) or Quantity(
        value, None, unit, None, kind=QuantityKind.TEXT_ONLY
    )
    return Indicator(
        name, normalize_name(name), quantity, 2030, IndicatorRole.TARGET, None, None, line, source
    )


# Rows of Beijing's and Shanghai's 15th-plan indicator tables (names, values and units as printed), plus
# Beijing's prose target 文化产业增加值占地区生产总值比重. The pairs below were judged by reading the names
# and units: R&D intensity worded two ways, PM2.5 with and without 年均, 优良水体 with and without 地表水,
# CO2 intensity 降幅 = 降低, accident deaths per unit of GDP in 人/百亿元 and 人/亿元.
BEIJING = [
    ("全社会研究与试验发展经费支出占地区生产总值比重", ">6", "%"),
    ("每万人口高价值发明专利拥有量", "240左右", "件"),
    ("地区生产总值年均增速", "5", "%"),
    ("全员劳动生产率", "58左右", "万元/人"),
    ("数字经济增加值年均增速", "8左右", "%"),
    ("城市副中心和平原新城地区生产总值年均增速", ">5", "%"),
    ("轨道交通站点500米范围人口和岗位覆盖率", "25.7", "%"),
    ("细颗粒物年均浓度", "达到国家要求", "微克/立方米"),
    ("优良水体比例", "达到国家要求", "%"),
    ("单位地区生产总值二氧化碳排放降幅", "完成经国家审核衔接后确定的目标", "%"),
    ("非化石能源占能源消费总量比重", "完成经国家审核衔接后确定的目标", "%"),
    ("服务贸易年均增速", "5左右", "%"),
    ("全市居民人均可支配收入年均增速", "与经济增长同步", "%"),
    ("城镇调查失业率", "<5", "%"),
    ("养老机构护理型床位占比", "73", "%"),
    ("生活垃圾回收利用率", ">46", "%"),
    ("单位地区生产总值生产安全事故死亡率", "<0.6", "人/百亿元"),
    ("文化产业增加值占地区生产总值比重", "10%以上", "%"),
]
SHANGHAI = [
    ("地区生产总值年均增速", "5%左右", "%"),
    ("全员劳动生产率", ">52", "万元/人"),
    ("数字经济核心产业增加值占地区生产总值比重", ">20", "%"),
    ("服务贸易进出口额", ">3000", "亿美元"),
    ("全社会研发经费支出相当于地区生产总值比例", ">5.0", "%"),
    ("每万人口高价值发明专利拥有量", "85左右", "件"),
    ("主要劳动年龄人口受过高等教育的比例", "60左右", "%"),
    ("城镇调查失业率", "<5.0", "%"),
    ("全市居民人均可支配收入年均增速", "与经济增长同步", "%"),
    ("养老机构护理型床位占比", ">75", "%"),
    ("社区公共服务设施15分钟步行可达覆盖率", "95", "%"),
    ("单位生产总值二氧化碳排放降低", "完成国家审核衔接后确定的目标", "%"),
    ("非化石能源占能源消费总量比重", "完成国家审核衔接后确定的目标", "%"),
    ("细颗粒物（PM2.5）浓度", "完成国家审核衔接后确定的目标", "微克/立方米"),
    ("地表水优良水体比例", "完成国家审核衔接后确定的目标", "%"),
    ("生活垃圾回收利用率", "50", "%"),
    ("单位生产总值生产安全事故死亡率", "<0.006", "人/亿元"),
]
SAME = {
    ("全社会研究与试验发展经费支出占地区生产总值比重", "全社会研发经费支出相当于地区生产总值比例"),
    ("每万人口高价值发明专利拥有量", "每万人口高价值发明专利拥有量"),
    ("地区生产总值年均增速", "地区生产总值年均增速"),
    ("全员劳动生产率", "全员劳动生产率"),
    ("细颗粒物年均浓度", "细颗粒物（PM2.5）浓度"),
    ("优良水体比例", "地表水优良水体比例"),
    ("单位地区生产总值二氧化碳排放降幅", "单位生产总值二氧化碳排放降低"),
    ("非化石能源占能源消费总量比重", "非化石能源占能源消费总量比重"),
    ("全市居民人均可支配收入年均增速", "全市居民人均可支配收入年均增速"),
    ("城镇调查失业率", "城镇调查失业率"),
    ("养老机构护理型床位占比", "养老机构护理型床位占比"),
    ("生活垃圾回收利用率", "生活垃圾回收利用率"),
    ("单位地区生产总值生产安全事故死亡率", "单位生产总值生产安全事故死亡率"),
}


def _paired(old: list[Sided], new: list[Sided]) -> set[tuple[str, str]]:
    return {(o.indicator.name, n.indicator.name) for o, n, _ in pair_targets(old, new) if o and n}


def test_beijing_and_shanghai_tables_pair_the_same_indicators_only() -> None:
    beijing = [Sided("beijing", target(*row, line=n)) for n, row in enumerate(BEIJING)]
    shanghai = [Sided("shanghai", target(*row, line=n)) for n, row in enumerate(SHANGHAI)]
    assert _paired(beijing, shanghai) == SAME


def test_a_shared_measure_does_not_make_two_subjects_one_indicator() -> None:
    assert not compatible(
        target("文化产业增加值占比", "10", "%"), target("数字经济核心产业增加值占比", "20", "%")
    )
    assert not compatible(target("城镇调查失业率", "5", "%"), target("城镇登记失业率", "2.5", "%"))
    assert not compatible(target("人均地区生产总值", "20", "万元"), target("地区生产总值", "6000", "亿元"))
    assert compatible(target("累计高新技术企业数", "超4000家"), target("国家高新技术企业数", "4000左右"))


def test_one_target_pairs_once_with_each_document_of_the_other_side() -> None:
    interpretation = [
        Sided("interpretation", target("累计高新技术企业数", "超4000家", line=1)),
        Sided("interpretation", target("高新技术企业数", "3500家以上", line=2)),
    ]
    article = [Sided("article", target("高新技术企业", "3500家以上", line=3))]
    plan = [Sided("plan", target("国家高新技术企业数", "4000左右", line=9))]
    pairs = [(o, n) for o, n, _ in pair_targets(interpretation, plan) if o and n]
    assert len(pairs) == 1 and pairs[0][0] is not None and pairs[0][0].indicator.line == 2  # the closer name
    both = {o.document for o, n, _ in pair_targets([*interpretation, *article], plan) if o and n}
    assert both == {"interpretation", "article"}
