"""Indicators stated in prose: ``地区生产总值年均增长6%以上``, ``分别达49.1%、51.3%``,
``A和B均达到3500家以上``, ``A、B、C等完成上级下达任务``.

A sentence is read value by value (``quantity.find_quantities``); each value's name is the clause text
before it, less the verbs and time words around a target (达到, 力争, 到2030年 …). A list after 分别
pairs names and values in order; a value after 均 or a shared text-only target applies to every name of
the list. The year is the nearest stated one before the value in the sentence (not a baseline after
较/比), else the plan period's end (targets) or the previous period's end (results).

A scale class before an industry (``打造万亿级新一代信息技术和5000亿级高端装备产业``) is a soft target: the
industry's output at least that much (``>= 10000 亿元``). After a count (``三个千亿级产业集群``) the count
is the value and the class part of the name; before a company or project (``百亿级台企``) it is a size class.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..ingest import matching_form
from ..ingest.numerals import chinese_digits, chinese_number
from ..model import Indicator, IndicatorRole, Qualifier, Quantity
from .quantity import Found, find_quantities, join_ranges, text_targets
from .units import MAGNITUDES, split_unit

_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
_CLAUSE_BREAK = re.compile(r"[，,：:（()）]")
_YEAR = re.compile(
    r"(?<![较比与由])(?:到|至|在)?(20\d{2}|二[〇零][一二三四五六七八九〇零]{2})年(?![~～\-—至到]\d|的?基础)"
)
_PERIOD_END = re.compile(r"(?<![较比与由])(十[一二三四五六七八九])五(?:期末|末)")
_PERIOD_NUMBER = {"十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16}
_FILLER_TAIL = re.compile(
    r"(?:分别|均|累计|总量|总数|实现|完成|达到|达|突破|超过|超|提高到|提高至|提升到|提升至|提高|提升|增加到|增加至|"
    r"增长到|下降到|降到|降至|下降|控制在|保持在|稳定在|维持在|维持|保持|缩小至|缩小到|力争|争取|预计|约|为|至|到|在|的|新增|"
    r"年均|每年|持续|稳定|长期|以上|以内|左右|和|与|、|“双|双|加快|迈上|迈向|跨上)+$"
)
_TIME_HEAD = re.compile(
    r"^(?:其中|同时|全市|全区|坚持|到|至|在|预计|力争|争取|十[一二三四五六七八九]五(?:时期|期间|期末|末)?|"
    r"20\d{2}年(?:底|末)?|二[〇零][一-九〇零]{2}年|五年(?:来|内)?|今后五年|期间|时期|,|，|、)+"
)
# Verbs that open a clause before what they drive (支撑产业集群产值规模突破…, 助推产业产值迈上…).
_VERB_HEAD = re.compile(r"^(?:支撑|助推|推动|带动|促进|确保|力促)(?=产业|集群|企业)")
_BASELINE_VERB = re.compile(r"^[^，,。；;]{0,12}?(?:提高|提升|增加|增长|下降|降低|降|缩小|扩大)(?:到|至)")
_ANNUAL = re.compile(r"每年|年均推出")
_PREVIOUS_PERIOD_PAST = re.compile(r"(十[一二三四五六七八九])五(?:时期|期间)(?![^，,。]*(?:将|要|力争))")
# A count followed by a noun and then another value in its clause is a modifier (8个断面优比例达100%).
_MODIFIER_UNITS = ("个", "家", "条", "项", "所", "座")
# A threshold before a noun and a target verb defines what is counted (3岁以下婴幼儿托位数达到4.5个).
_THRESHOLD = re.compile(r"^超|(?:以下|以上)$")
_TARGET_VERB_TAIL = re.compile(r"(?:达到|达|提高到|提升到|增加到|不低于|不少于|控制在|保持在)$")
# A name that is only a rate of change refers to the subject of the clause before (…达到1.2万亿元，年均增长5%).
_GROWTH_ONLY = re.compile(r"^(?:年均|每年)?(?:增长|增速|增幅)率?$")
# Verb characters stripped from the end of a segment before looking for 等 (A、B等达到…).
_FILLER_CHARS = "分别均达到突破超过提高至"
# A name starting with a bare industry word refers back (产业集群产值规模) to an industry named after one
# of these verbs earlier in the sentence.
_GENERIC_HEAD = re.compile(r"产业集群|产业链|产业|集群")
_INTRODUCING_VERBS = "推动|推进|打造|培育|发展|壮大|做强|做大|做优|建设|构建|构筑"
_MEASURE_TAIL = re.compile(r"(?:规模|产值|总量|营业收入|营收)$")
# A name that is only a verb: the value names what follows it (建成10.75亿亩集中连片高标准农田).
_VERB_ONLY = re.compile(
    r"(?:建成|新建|建设|实现|完成|培育|打造|新增|累计|推广|改造|开工|创建|引进|严守|守住|守牢|确保|形成|种植|"
    r"吸引|带动|发展|达到|突破|超过|保持)*"
)
_NOUN_AFTER = re.compile(r"^的?([\u4e00-\u9fffA-Za-z0-9]{2,20}?)(?=[，,。；;、：:（(]|和|与|$)")
_TIME_ONLY = re.compile(r"(?:20\d{2}年(?:底|末)?|十[一二三四五六七八九]五(?:期末|末)?)")
# Measure words that end every name of a list when they end its last one, longest first.
_LIST_TAILS = ("排放总量", "排放", "吞吐量", "增加值", "覆盖率", "普及率", "利用率", "总量", "比重", "占比")
# Other values are modifiers only when a share's name (占比, 比例) follows within this many characters.
MODIFIER_MAX_GAP = 6
_SCALE_CLASS = re.compile(
    r"(?<![个家\d十百千万.])(?P<class>(?P<num>\d+|[十百千]?)(?P<mag>万亿|亿)元?级)"
    r"(?P<name>(?!产业|集群)[\u4e00-\u9fff+]{1,16}?)(?P<head>产业集群|产业链|产业|集群|(?=[和、](?:\d|[十百千万])))"
)


@dataclass(frozen=True, slots=True)
class ProseContext:
    """What a sentence's indicators inherit: section, default role, and the plan period's years."""

    section: str | None
    role: IndicatorRole
    period: int | None
    start_year: int | None
    end_year: int | None


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph in matching form (``ingest.matching_form``), split at 。；！？."""
    return [s for s in _SENTENCE.findall(matching_form(paragraph)) if s.strip()]


def prose_indicators(sentence: str, line: int, context: ProseContext) -> list[Indicator]:
    """Every indicator stated in one sentence."""
    values = sorted([*find_quantities(sentence), *text_targets(sentence)], key=lambda f: f.start)
    values = join_ranges(_share_list_units(_drop_overlaps(values), sentence), sentence)
    found: list[Indicator] = []
    previous_end = 0
    previous_name = ""
    list_names: list[str] = []
    for position, value in enumerate(values):
        segment = sentence[previous_end : value.start]
        if _is_modifier(sentence, value, values[position + 1 :]):
            if not _THRESHOLD.search(value.quantity.text):
                previous_end = value.end  # a count (8个断面) leaves the name; a threshold defines it
            continue
        if segment.strip() in ("、", "和", "") and list_names:
            name = list_names.pop(0)
            inherited = _inherit_qualifier(value.quantity, found[-1].quantity if found else None)
            found.append(_indicator(name, inherited, sentence, value, line, context))
            previous_end = value.end
            continue
        name = clean_name(_CLAUSE_BREAK.split(segment)[-1]) or clean_name(_strip_growth(previous_name))
        if _GROWTH_ONLY.match(name) and previous_name:  # 地区生产总值达到1.2万亿元，年均增长5%
            name = clean_name(_strip_growth(previous_name)) + name
        after = sentence[value.end :]
        named = _named_after(_resolve_generic(name, sentence[: value.start]), after)
        if named == name and _defines_next(name, after):
            continue  # 城区常住人口300万以下的城市: a threshold defining the name after it stays there
        name = _name_after_verb(named, after, values[position + 1 :], value.end)
        names = [name]
        shared = "均" in segment or segment.rstrip(_FILLER_CHARS).endswith("等") or segment.endswith("双")
        if re.search(r"[、和]", name) and (shared or value.quantity.value is None or "分别" in segment):
            names = _list_names(name)
        if "分别" in segment and len(names) > 1 and _listed_after(sentence, values, position):
            list_names = names[1:]
            names = names[:1]
        for each in names:
            found.append(_indicator(each, value.quantity, sentence, value, line, context))
        previous_name = name
        previous_end = value.end
    return [*found, *scale_class_indicators(sentence, line, context)]


def scale_class_indicators(sentence: str, line: int, context: ProseContext) -> list[Indicator]:
    """``万亿级新一代信息技术和5000亿级高端装备产业``: each industry's output at least its scale class, in
    亿元; a name without its own head noun (产业, 集群) shares the next one's."""
    matches = list(_SCALE_CLASS.finditer(sentence))
    found: list[Indicator] = []
    for n, match in enumerate(matches):
        head = match.group("head") or next((m.group("head") for m in matches[n + 1 :] if m.group("head")), "")
        number = match.group("num")
        count = float(number) if number.isdigit() else chinese_number(number) or 1  # 千亿级, 亿级
        multiplier, base = split_unit("亿元")
        base_value = count * MAGNITUDES[match.group("mag")]
        quantity = Quantity(
            match.group("class"),
            base_value / multiplier,
            "亿元",
            Qualifier.GE,
            base_value=base_value,
            base_unit=base,
        )
        span = Found(match.start(), match.end("class"), quantity)
        found.append(_indicator(match.group("name") + head, quantity, sentence, span, line, context))
    return found


def clean_name(text: str) -> str:
    """An indicator name without the verbs, qualifiers and time words around the value."""
    text = _VERB_HEAD.sub("", _TIME_HEAD.sub("", text.strip()))
    for _ in range(3):
        text = _FILLER_TAIL.sub("", text).strip("，,、 ")
    return text


# Names plans use for one indicator (pattern, the name used for matching).
_SYNONYMS = (
    (re.compile(r"GDP"), "地区生产总值"),
    (re.compile(r"增速"), "增长"),
    (re.compile(r"研发(?:经费)?(?:支出|投入)"), "研发经费投入"),
    # Surface water at class Ⅲ or better, counted over monitored sections (断面) or water bodies (水体).
    (
        re.compile(
            r"(?:[国省市]考(?:以上)?)?(?:地表水)?断面水质(?:优良?|达到或好于III类|优于III类)(?:III类?)?比例"
        ),
        "地表水优良水体比例",
    ),
    (re.compile(r"地表水(?:水质)?(?:达到或好于III类|优良|优III类?)(?:水体)?比例"), "地表水优良水体比例"),
    (re.compile(r"比率$"), "比例"),
)


def normalize_name(name: str) -> str:
    """A name for matching: NFKC, no brackets or units, common synonyms unified."""
    text = unicodedata.normalize("NFKC", name)
    text = re.sub(r"\([^)]*\)|“|”|\"|\s", "", text)
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    return text


def _resolve_generic(name: str, before: str) -> str:
    """``推动新一代信息技术产业集群…，支撑产业集群产值规模突破6000亿元``: a name that starts with a bare
    产业/集群 refers to the industry the sentence named before; that industry's name is put in front."""
    head = _GENERIC_HEAD.match(name)
    if not head:
        return name
    named = re.findall(rf"(?:{_INTRODUCING_VERBS})([\u4e00-\u9fff]{{2,12}}?){head.group(0)}", before)
    return named[-1] + name if named else name


def _named_after(name: str, after: str) -> str:
    """``规模超万亿的新一代信息技术产业``: when the name before a value is only a measure (规模, 产值), what
    is measured follows the value after 的."""
    measure = _MEASURE_TAIL.search(name)
    follows = re.match(r"的([\u4e00-\u9fffA-Za-z0-9+]{2,20}?)(?=[，,。；;、和]|$)", after)
    return follows.group(1) + measure.group(0) if measure and follows else name


def _defines_next(name: str, after: str) -> bool:
    """A value between a measured noun and 的 (城区常住人口300万以下的城市) defines the noun after 的; not when
    the name is a verb, a measure of what follows (规模超万亿的…产业) or a time (2030年超万亿的…)."""
    return (
        after.startswith("的")
        and bool(name)
        and not _VERB_ONLY.fullmatch(name)
        and not _MEASURE_TAIL.search(name)
        and not _TIME_ONLY.fullmatch(name)
    )


def _name_after_verb(name: str, after: str, later: list[Found], end: int) -> str:
    """``建成10.75亿亩集中连片高标准农田``: a value after a bare verb names what follows it."""
    if not _VERB_ONLY.fullmatch(name):
        return name
    follows = _NOUN_AFTER.match(after)
    if follows is None or any(v.start < end + follows.end() for v in later):
        return name
    return follows.group(1)


def _list_names(name: str) -> list[str]:
    """The names of a list (``A、B和C``, ``A等``); a measure word ending the last one ends them all
    (``氮氧化物和挥发性有机物排放总量``: 氮氧化物排放总量, 挥发性有机物排放总量)."""
    parts = [clean_name(part) for part in re.split(r"[、和]|等$", name.removesuffix("等"))]
    parts = [part for part in parts if part]
    tail = next((t for t in _LIST_TAILS if parts and parts[-1].endswith(t) and len(parts[-1]) > len(t)), "")
    return [part if part.endswith(tail) else part + tail for part in parts]


def _listed_after(sentence: str, values: list[Found], position: int) -> bool:
    """Whether another value follows in a list (``分别达到49.1%、51.3%``), or the one value is shared."""
    later = values[position + 1 : position + 2]
    return bool(later) and sentence[values[position].end : later[0].start].strip() in ("、", "和", "")


def _strip_growth(name: str) -> str:
    return re.sub(r"(?:年均)?(?:增长|增速).*$", "", name)


def _share_list_units(values: list[Found], sentence: str) -> list[Found]:
    """``5.1个、7.3个百分点``: a list writes its unit once, after the last value."""
    shared = list(values)
    for i in range(len(shared) - 2, -1, -1):
        current, following = shared[i], shared[i + 1]
        if (
            current.quantity.unit == "个"
            and following.quantity.unit == "百分点"
            and sentence[current.end : following.start] == "、"
        ):
            quantity = replace(
                current.quantity, unit="百分点", kind=following.quantity.kind, base_unit="百分点"
            )
            shared[i] = Found(current.start, current.end, quantity)
    return shared


def _drop_overlaps(values: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for value in values:
        if kept and value.start < kept[-1].end:
            continue
        kept.append(value)
    return kept


def _is_modifier(sentence: str, value: Found, later: list[Found]) -> bool:
    """A value inside the name of the next one: ``8个断面优比例达100%``, ``超100万元村占比超过50%``."""
    if not later:
        return False
    following = sentence[value.end : later[0].start]
    if not re.match(r"[\u4e00-\u9fff]", following) or re.search(r"[，,：:（()）、]", following):
        return False
    if value.quantity.unit in _MODIFIER_UNITS or (
        _THRESHOLD.search(value.quantity.text) and _TARGET_VERB_TAIL.search(following)
    ):
        return True
    return len(following) <= MODIFIER_MAX_GAP and bool(re.search(r"占比|比例|比重", following))


def _inherit_qualifier(quantity: Quantity, previous: Quantity | None) -> Quantity:
    """In ``分别突破4000家、3500家`` the second, bare value shares the first one's 突破."""
    if (
        previous is None
        or quantity.qualifier is not Qualifier.EQ
        or quantity.aim
        or not quantity.text[:1].isdigit()
    ):
        return quantity
    return replace(quantity, qualifier=previous.qualifier, aim=previous.aim)


def _indicator(
    name: str, quantity: Quantity, sentence: str, value: Found, line: int, context: ProseContext
) -> Indicator:
    role, year = _role_and_year(sentence, value, context)
    return Indicator(
        name=name or "(未命名)",
        normalized_name=normalize_name(name),
        quantity=quantity,
        year=year,
        role=role,
        attribute=None,
        section=context.section,
        line=line,
        source="prose",
    )


def _role_and_year(sentence: str, value: Found, context: ProseContext) -> tuple[IndicatorRole, int | None]:
    before = sentence[: value.start]
    achieved_year = context.start_year - 1 if context.start_year else None
    if re.search(r"由[^，,。；;]{0,16}$", before) and _BASELINE_VERB.match(sentence[value.end :]):
        return IndicatorRole.ACHIEVED, (achieved_year - 5 if achieved_year else None)
    year = _stated_year(before)
    if year is not None and context.start_year is not None:
        role = IndicatorRole.ACHIEVED if year < context.start_year else IndicatorRole.TARGET
        return role, year
    role = context.role
    previous = _PREVIOUS_PERIOD_PAST.search(before)
    if previous and context.period and _PERIOD_NUMBER.get(previous.group(1)) == context.period - 1:
        role = IndicatorRole.ACHIEVED
    if _ANNUAL.search(before[-20:]):
        return role, None
    if year is not None:
        return role, year
    return role, achieved_year if role is IndicatorRole.ACHIEVED else context.end_year


def _stated_year(before: str) -> int | None:
    years = [(m.end(), _year_number(m.group(1))) for m in _YEAR.finditer(before)]
    years += [(m.end(), 1950 + 5 * _PERIOD_NUMBER[m.group(1)] + 5) for m in _PERIOD_END.finditer(before)]
    return max(years)[1] if years else None


def _year_number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_digits(text) or 0
