"""Heading numbering schemes of Chinese plans, and how to read a heading line.

Schemes, from the outermost: ``第一篇``/``第一部分`` (part) > ``第一章`` (chapter) > ``第一节`` (section) > ``一、`` >
``（一）``/``(一)`` > ``1.``/``1、`` > ``（1）`` > run-in ``一是…`` > lead sentence ``做强新型显示产业。…``.
Outside the numbered schemes: ``序言``/``前言`` (preamble), ``结语`` (closing), ``附录``/``附表``/``附件``
(appendix), ``专栏 3`` (box), ``表1`` (table caption), ``图1`` (figure caption), ``名词解释`` (glossary) and
``目录`` (table of contents); the unnumbered words may be spaced out (``名 词 解 释``).

Patterns run on the aligned matching form (NFKC character by character: full-width brackets and digits are
half-width already, and every offset is the display text's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import IntEnum

from ..ingest.characters import APPENDIX_HEADING
from ..ingest.numerals import chinese_number

_CN_NUM = "一二三四五六七八九十百零〇两"


class Scheme(IntEnum):
    """Numbering schemes by nesting rank: a lower value holds the higher ones."""

    PART = 1  # 第一篇, 第一部分
    CHAPTER = 2  # 第一章
    SECTION = 3  # 第一节
    CN_COMMA = 4  # 一、
    CN_PAREN = 5  # （一）
    ARABIC = 6  # 1. 1、
    ARABIC_PAREN = 7  # （1）
    STANDALONE = 8  # a short sentence alone on its line introducing the paragraphs after it
    RUN_IN = 9  # 一是…
    LEAD = 10  # a paragraph whose short first sentence is its title


# Code used in section ids, and the label each scheme writes for a number.
SCHEME_CODES = {
    Scheme.PART: "p",
    Scheme.CHAPTER: "c",
    Scheme.SECTION: "s",
    Scheme.CN_COMMA: "a",
    Scheme.CN_PAREN: "b",
    Scheme.ARABIC: "n",
    Scheme.ARABIC_PAREN: "m",
    Scheme.STANDALONE: "h",
    Scheme.RUN_IN: "r",
    Scheme.LEAD: "l",
}


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading read from a line: scheme, number, label as written, title, and the text after it.

    The offsets say where label, title and rest lie in the line it was read from, so that the same heading
    can be cut from the display line (``in_text``): the matching form keeps offsets (``aligned_matching_form``).
    """

    scheme: Scheme
    number: int
    label: str
    title: str | None
    rest: str
    label_end: int = 0
    title_span: tuple[int, int] = (0, 0)
    rest_span: tuple[int, int] = (0, 0)

    def in_text(self, text: str) -> Heading:
        """This heading with label, title and rest taken from ``text``, a line as long as the one read."""
        title = text[self.title_span[0] : self.title_span[1]] if self.title is not None else None
        return replace(
            self,
            label=text[: self.label_end],
            title=title,
            rest=text[self.rest_span[0] : self.rest_span[1]],
        )


_TITLE_TAIL = r"[ \t]*(?P<title>[^。；;]{0,60}?)[ \t]*$"
_NUMBERED = (
    (
        Scheme.PART,
        re.compile(rf"^(?P<label>第(?P<num>[{_CN_NUM}\d]+)(?:篇|部分))(?=\s|$|[^\s，,的中])" + _TITLE_TAIL),
    ),
    (
        Scheme.CHAPTER,
        re.compile(rf"^(?P<label>第(?P<num>[{_CN_NUM}\d]+)章)(?=\s|$|[^\s，,的中])" + _TITLE_TAIL),
    ),
    (
        Scheme.SECTION,
        re.compile(rf"^(?P<label>第(?P<num>[{_CN_NUM}\d]+)节)(?=\s|$|[^\s，,的中])" + _TITLE_TAIL),
    ),
)
_ITEMS = (
    (Scheme.CN_COMMA, re.compile(rf"^(?P<label>(?P<num>[{_CN_NUM}]+)、)\s*(?P<body>.*)$")),
    (Scheme.CN_PAREN, re.compile(rf"^(?P<label>\((?P<num>[{_CN_NUM}]+)\))\s*(?P<body>.*)$")),
    (Scheme.ARABIC, re.compile(r"^(?P<label>(?P<num>\d{1,2})(?:\.(?!\d)|、))\s*(?P<body>.*)$")),
    (Scheme.ARABIC_PAREN, re.compile(r"^(?P<label>\((?P<num>\d{1,2})\))\s*(?P<body>.*)$")),
    (Scheme.RUN_IN, re.compile(rf"^(?P<label>(?P<num>[{_CN_NUM}]{{1,3}})是)(?P<body>[^，,。].*)$")),
)
_RUN_IN_SPLIT = re.compile(rf"(?<=[。；;])(?=[{_CN_NUM}]{{1,3}}是[^，,。])")
# A lead sentence: a short clause without commas, closed by 。, followed by more text.
_LEAD = re.compile(r"^(?P<title>[^，,。；;：:！？!?()（）“”\"]{4,28})。(?P<rest>.+)$")
_LEAD_SPLITS = (
    re.compile(r"^(?P<title>[^。；;]{2,40}?)[。；;](?P<rest>.*)$"),
    re.compile(r"^(?P<title>[^，,]{2,30}?)[，,](?P<rest>.*)$"),
)
_STANDALONE = re.compile(r"^(?P<title>[^，,。；;：:]{6,30})。$")


def _spaced(*words: str) -> str:
    """Words as alternatives, each letter optionally spaced out (名 词 解 释)."""
    return "|".join(r"\s*".join(word) for word in words)


PREAMBLE = re.compile(rf"^(?:{_spaced('序言', '前言', '引言')})$")
CLOSING = re.compile(rf"^(?:{_spaced('结语', '结束语')})$")
# 附录 / 附表 / 附件 (numbered or not), its title on the line or (``events.py``) on the next one.
APPENDIX = APPENDIX_HEADING
GLOSSARY = re.compile(
    rf"^(?:附\s*[:：]?\s*)?(?:部分|专用|主要|有关)?(?:{_spaced('名词解释', '名词说明', '名词术语解释', '名词术语说明')})\s*[:：]?$"
)
TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|-{4,}|_{4,})\s*\d+\s*$")
BOX = re.compile(r"^专栏\s*(?P<num>\d+)\s*[:：]?\s*(?P<title>.*)$")
TABLE_CAPTION = re.compile(r"^表\s*(?P<num>\d+(?:-\d+)?)(?:\s*(?P<title>[^\d\s.、].{1,60}))?$")
FIGURE_CAPTION = re.compile(r"^图\s*\d+(?:-\d+)?\s*[^\d\s.、，,。][^。]{1,60}$")
# Headings of these schemes are whole lines; a longer line is prose that happens to start like one.
MAX_TITLE_CHARS = 60


def label_for(scheme: Scheme, number: int) -> str:
    """The label a scheme writes for a number (第三章, （二）, 4.), used for synthetic sections."""
    cn = to_chinese(number)
    return {
        Scheme.PART: f"第{cn}篇",
        Scheme.CHAPTER: f"第{cn}章",
        Scheme.SECTION: f"第{cn}节",
        Scheme.CN_COMMA: f"{cn}、",
        Scheme.CN_PAREN: f"（{cn}）",
        Scheme.ARABIC: f"{number}.",
        Scheme.ARABIC_PAREN: f"（{number}）",
        Scheme.RUN_IN: f"{cn}是",
    }.get(scheme, "")


def to_chinese(number: int) -> str:
    """1 -> 一, 12 -> 十二, 21 -> 二十一 (up to 99)."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def read_heading(text: str) -> Heading | None:
    """The heading a line starts with, if any. ``text`` is the stripped matching form."""
    end = len(text)
    title: str | None
    for scheme, pattern in _NUMBERED:
        match = pattern.match(text)
        if match:
            number = chinese_number(match.group("num"))
            if number is not None:
                span = _stripped_span(text, match.span("title"))
                title = text[span[0] : span[1]] or None
                return Heading(
                    scheme, number, match.group("label"), title, "", match.end("label"), span, (end, end)
                )
    for scheme, pattern in _ITEMS:
        match = pattern.match(text)
        if not match:
            continue
        number = chinese_number(match.group("num"))
        if number is None or number == 0:
            continue
        base = match.start("body")
        t0, t1, r0, r1 = lead_spans(match.group("body"))
        title = text[base + t0 : base + t1] or None
        span = (base + t0, base + t1)
        if scheme is Scheme.RUN_IN:
            title, span = match.group("label") + (title or ""), (0, base + t1)
        return Heading(
            scheme,
            number,
            match.group("label"),
            title,
            text[base + r0 : base + r1],
            match.end("label"),
            span,
            (base + r0, base + r1),
        )
    standalone = _STANDALONE.match(text)
    if standalone:
        return Heading(
            Scheme.STANDALONE, 0, "", standalone.group("title"), "", 0, standalone.span("title"), (end, end)
        )
    lead = _LEAD.match(text)
    if lead:
        return Heading(
            Scheme.LEAD,
            0,
            "",
            lead.group("title"),
            lead.group("rest"),
            0,
            lead.span("title"),
            lead.span("rest"),
        )
    return None


def _stripped_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def lead_spans(body: str) -> tuple[int, int, int, int]:
    """Where an item's title and the rest lie in its text: a whole short line is all title, else its first
    sentence (or clause) is; (title start, title end, rest start, rest end), the title empty if there is none."""
    start, end = len(body) - len(body.lstrip()), len(body.rstrip())
    stripped = body[start:end]
    if len(stripped) <= MAX_TITLE_CHARS and not re.search(r"[。；;]", stripped.rstrip("。")):
        return start, start + len(stripped.rstrip("。")), end, end
    for pattern in _LEAD_SPLITS:
        match = pattern.match(stripped)
        if match:
            return start, start + match.end("title"), start + match.start("rest"), end
    return start, start, start, end


def split_lead(body: str) -> tuple[str | None, str]:
    """Split an item's text into its title and the rest: a whole short line, or its first sentence."""
    t0, t1, r0, r1 = lead_spans(body)
    return body[t0:t1] or None, body[r0:r1]


def run_in_starts(text: str) -> list[int]:
    """Where each run-in item (``…。一是…。二是…。``) of a paragraph starts, after the text before them (0)."""
    return [0, *(match.start() for match in _RUN_IN_SPLIT.finditer(text) if match.start() > 0)]
