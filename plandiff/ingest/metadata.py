"""Infer what a document is from its own text: title, place, level, plan period, kind and date.

Each value comes with its provenance (the line and the words it was read from), so a user can check it.
The manifest (``inputs/plans.toml``) overrides anything inferred here.

- title: the first title-like line (规划/纲要/建议/解读/决议 …) near the top, joined with the line before it
  when the title is wrapped (``北京市国民经济和社会发展`` / ``第十五个五年规划纲要``); a notice that issues a
  plan (``…人民政府关于印发X的通知``) gives X;
- place: the most specific 省/市/区/县 named in the title before 国民经济 (or the period or 规划), after
  关于/《; 中华人民共和国/中共中央/国务院 name the country; a title without a place (an article) takes the 市
  (else 区, 县) the text repeats most, among names written with the suffix as a place (not 市场, 城市);
- level: the country -> national, 省 and the four 直辖市 -> province, 区 -> district, 县 -> county; another
  市 is a prefecture when it speaks of units below it (``县级市（区）``, ``4个县级市``, ``县区``, ``各区``),
  else county-level when it calls itself 县级市/县域 or counts among the 百强县, else a prefecture;
- period: 第十四个五年 / 十四五 in the title, else the period the text names most often;
- kind: 建议, 解读, 纲要/规划 from the title, else an article;
- date: an adoption note ``（2026年1月21日…通过）``, else a date in the page header.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from ..model import CleanText, DocumentKind, DocumentMeta, PlaceLevel, Provenance
from .characters import matching_form
from .numerals import chinese_digits, chinese_number

_TITLE = re.compile(r"规划|纲要|建议|解读|决议|计划")
_PERIOD = re.compile(
    r"第(十[一二三四五六七八九]|二十)个五年|[“\"]?(十[一二三四五六七八九]|二十)五[”\"]?(?:规划|时期|期间|发展|末|开局)"
)
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,7}?(?:自治区|省|市|区|县)")
_PLACE_STOP = re.compile(r"^(?:中共|中国共产党|关于|制定|对)")
# Stems that form common nouns with 市/区/县 (示范区, 开发区, 城市); never a place name.
_NOT_A_PLACE = frozenset(
    "示范 开发 园 城 社 片 景 高新 度假 湖 市 都 超 新 保税 综合 功能 核心 中心 主城 老城 街 城市 全 各 本 "
    "郊 山 农 林 库 矿 灾 疫 辖 校 厂 试验 实验 先行 集聚 商务 商业 工业 产业 生态 保护".split()
)
# Units below a 市 that a prefecture-level city speaks of (各区镇 are a county-level city's districts and towns).
_PREFECTURE_EVIDENCE = re.compile(
    r"县级市[(（]区|[\d一二三四五六七八九十]+个县级市|各县级市|各县[(（]|县区|区县|各区(?![镇域])|"
    r"[\d一二三四五六七八九十]+个(?:市辖)?区(?![镇域])"
)
_COUNTY_EVIDENCE = re.compile(r"县级市|县域|百强县")
# The four municipalities directly under the central government are province-level.
_MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})
_COUNTRY = re.compile(r"中华人民共和国|中共中央|国务院|全国人民代表大会")
COUNTRY = "中华人民共和国"
_NOTICE = re.compile(r"关于(?:印发|转发|发布|公布)《?(?P<title>.+?)》?的通知$")
# Where a title's place ends: the plan words, or the period.
_PLACE_END = re.compile(
    r"国民经济|第[十二][一二三四五六七八九]?个五年|[“\"]?十[一二三四五六七八九]五|规划|纲要"
)
# A 市 suffix in these words is no place (市场, 市值); stems ending so form common nouns (城市, 首都).
_NOT_PLACE_AFTER = "场值面"
_NOT_PLACE_STEM_END = "城都"
_ISO_DATE = re.compile(r"(20\d{2})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?")
_CN_DATE = re.compile(
    r"([二〇零一三四五六七八九0○O]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_ADOPTION = re.compile(r"通过|批准|审议")
# Title lines are looked for among this many first lines of the clean text.
TITLE_SEARCH_LINES = 12
# A title line is at most this long.
TITLE_MAX_CHARS = 80


@dataclass(frozen=True, slots=True)
class Inferred:
    """A metadata value read from the text, with where it was read."""

    value: str | int
    provenance: Provenance


def infer_metadata(clean: CleanText) -> dict[str, Inferred]:
    """Infer title, place, level, period, kind and date; a field the text does not state is absent."""
    found: dict[str, Inferred] = {}
    title_line = _title_line(clean)
    full_text = matching_form(clean.text)
    if title_line is not None:
        number, text = title_line
        found["title"] = Inferred(text.strip(), Provenance("text", number, text.strip()))
    title = matching_form(title_line[1]) if title_line else ""
    title_no = title_line[0] if title_line else None
    _infer_period(found, title, title_no, full_text)
    _infer_kind(found, title, title_no)
    _infer_place(found, title, title_no, full_text)
    _infer_date(found, clean)
    return found


def _title_line(clean: CleanText) -> tuple[int, str] | None:
    lines = [line for line in clean.lines[:TITLE_SEARCH_LINES] if line.text.strip()]
    for k, line in enumerate(lines):
        text = line.text.strip()
        if _is_title_shaped(text) and _TITLE.search(text):
            previous = lines[k - 1].text.strip() if k else ""
            wrapped = previous.endswith("发展") or text.startswith(("第", "五年"))
            if previous and wrapped and _is_title_shaped(previous) and not _TITLE.search(previous):
                return lines[k - 1].line, previous + text  # a title wrapped over two lines
            return line.line, _issued_title(text)
    first = next((line for line in clean.lines if _is_title_shaped(line.text.strip())), None)
    return (first.line, first.text.strip()) if first is not None else None


def _issued_title(text: str) -> str:
    """The plan a notice issues (…关于印发X的通知 -> X), else the line itself."""
    notice = _NOTICE.search(text)
    return notice.group("title") if notice else text


def _is_title_shaped(text: str) -> bool:
    """A title is one short line, not a sentence and not a parenthesized note."""
    return 0 < len(text) <= TITLE_MAX_CHARS and "。" not in text and not text.startswith(("（", "("))


def _period_number(match: re.Match[str]) -> int:
    word = match.group(1) or match.group(2)
    return chinese_number(word) or 0


def _infer_period(found: dict[str, Inferred], title: str, title_no: int | None, text: str) -> None:
    match = _PERIOD.search(title)
    if match:
        found["period"] = Inferred(_period_number(match), Provenance("text", title_no, match.group(0)))
        return
    counts = Counter(_period_number(m) for m in _PERIOD.finditer(text))
    if counts:
        period, n = counts.most_common(1)[0]
        found["period"] = Inferred(period, Provenance("text", None, f"named {n} times in the text"))


def _infer_kind(found: dict[str, Inferred], title: str, title_no: int | None) -> None:
    for pattern, kind in (
        (r"解读", DocumentKind.INTERPRETATION),
        (r"关于制定.*建议|的建议$", DocumentKind.RECOMMENDATIONS),
        (r"纲要|规划", DocumentKind.PLAN),
    ):
        match = re.search(pattern, title)
        if match:
            found["kind"] = Inferred(kind.value, Provenance("text", title_no, match.group(0)))
            return
    found["kind"] = Inferred(DocumentKind.ARTICLE.value, Provenance("text", title_no, "no plan title"))


def _infer_place(found: dict[str, Inferred], title: str, title_no: int | None, text: str) -> None:
    end = _PLACE_END.search(title)
    head = re.split(r"关于|《|\)|）|制定|对", title[: end.start()])[-1] if end else ""
    if end and _COUNTRY.search(title[: end.start()]):
        found["place"] = Inferred(COUNTRY, Provenance("text", title_no, title[: end.start()]))
        found["level"] = Inferred(PlaceLevel.NATIONAL.value, Provenance("text", None, "the country"))
        return
    places = [p for p in _PLACE.findall(head) if not _PLACE_STOP.match(p)]
    if places:
        place, provenance = places[-1], Provenance("text", title_no, head)
    else:
        guess = _most_named_place(text)
        if guess is None:
            return
        place, provenance = guess
    found["place"] = Inferred(place, provenance)
    level = _level(place, text)
    if level is not None:
        found["level"] = Inferred(level[0].value, Provenance("text", None, level[1]))


def _most_named_place(text: str) -> tuple[str, Provenance] | None:
    """The 市 (else 区, else 县) whose name the text repeats most often, among names written with the suffix
    as a place at least once (苏州市委, not 市场)."""
    for suffix in ("市", "区", "县"):
        stems = {
            match.group(1)
            for match in re.finditer(rf"([\u4e00-\u9fff]{{2}}){suffix}(?![{_NOT_PLACE_AFTER}])", text)
            if match.group(1) not in _NOT_A_PLACE
            and match.group(1)[-1] not in _NOT_PLACE_STEM_END
            and not _PLACE_STOP.match(match.group(1))
        }
        if stems:
            counts = Counter({stem: text.count(stem) for stem in stems})
            stem, n = counts.most_common(1)[0]
            return stem + suffix, Provenance("text", None, f"{stem} named {n} times in the text")
    return None


def _level(place: str, text: str) -> tuple[PlaceLevel, str] | None:
    if place in _MUNICIPALITIES:
        return PlaceLevel.PROVINCE, "a municipality directly under the central government (直辖市)"
    suffix_levels = {
        "省": PlaceLevel.PROVINCE,
        "自治区": PlaceLevel.PROVINCE,
        "区": PlaceLevel.DISTRICT,
        "县": PlaceLevel.COUNTY,
    }
    for suffix, level in suffix_levels.items():
        if place.endswith(suffix):
            return level, f"place name ends in {suffix}"
    if not place.endswith("市"):
        return None
    below = _PREFECTURE_EVIDENCE.search(text)
    if below:
        return PlaceLevel.PREFECTURE, f"speaks of units below it: {below.group(0)}"
    county = _COUNTY_EVIDENCE.search(text)
    if county:
        return PlaceLevel.COUNTY, f"calls itself {county.group(0)}"
    return PlaceLevel.PREFECTURE, "a 市 with no county-level evidence"


def _infer_date(found: dict[str, Inferred], clean: CleanText) -> None:
    for line in clean.lines[: TITLE_SEARCH_LINES * 2]:
        text = matching_form(line.text)
        if not _ADOPTION.search(text):
            continue
        date = _find_date(text)
        if date:
            found["date"] = Inferred(date, Provenance("text", line.line, text.strip()))
            return
    first_body = clean.lines[0].line if clean.lines else 0
    for removed in clean.removed:
        if removed.line <= first_body + TITLE_SEARCH_LINES:
            date = _find_date(matching_form(removed.text))
            if date:
                found["date"] = Inferred(date, Provenance("text", removed.line, removed.text.strip()))
                return


def _find_date(text: str) -> str | None:
    match = _ISO_DATE.search(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    match = _CN_DATE.search(text)
    if match:
        year = chinese_digits(match.group(1)) or 0
        month, day = chinese_number(match.group(2)) or 0, chinese_number(match.group(3)) or 0
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def complete_metadata(meta: DocumentMeta, clean: CleanText) -> DocumentMeta:
    """Fill the fields the manifest left out with values inferred from the text, with provenance."""
    inferred = infer_metadata(clean)
    updates: dict[str, Any] = {}
    provenance = dict(meta.provenance)
    for name, found in inferred.items():
        if getattr(meta, name) is not None:
            continue
        value: Any = found.value
        if name == "level":
            value = PlaceLevel(value)
        elif name == "kind":
            value = DocumentKind(value)
        updates[name] = value
        provenance[name] = found.provenance
    return replace(meta, provenance=provenance, **updates)
