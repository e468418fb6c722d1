"""Character-level cleaning of one line, and the matching form used for pattern work.

Display text keeps the original characters; only what no reader wants is removed: control and
zero-width characters, NBSP (turned into a space), and word-processor export markers such as
``[bookmark: _Toc4878]``. The *matching form* (``matching_form``) is NFKC-normalized (full-width
letters, digits and punctuation become half-width) with spaces inside numbers joined
(``8.5 万元`` -> ``8.5万元``), so patterns can be written once. ``aligned_matching_form`` is the same
normalization character by character, keeping the length: an offset in it is an offset in the display text,
so the parser can match patterns on it and cut titles and paragraphs from the source's own characters.
``HEADING_OPENING`` says where a heading or block opens, for the stages of ingest that must not treat one
as chrome or as a wrapped line's tail.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Markers that word-processor and converter exports leave in text: [bookmark: x], [image: x], {#anchor}.
_EXPORT_MARKER = re.compile(r"\[(?:bookmark|image|figure|footnote|anchor|page)\s*:[^\]]*\]", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NBSP = re.compile(r"[\u00a0\u2007\u202f]")
# A space next to a digit and a CJK character or another digit group: "2021 年1 月", "超 8 万个", "8.5 万元".
# How a heading or block line opens (第一章, 第一部分, 一、, （一）, 1., 序言, 目录, 结语, 附录, 名词解释, 专栏,
# 表1, 图1).
HEADING_OPENING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+(?:[篇章节]|部分)|[一二三四五六七八九十]+、|"
    r"[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．](?!\d)|序\s*言|前\s*言|目\s*录|结\s*语|"
    r"附\s*[录表件]|名\s*词\s*解\s*释|专栏|表\s*\d|图\s*\d)"
)
# A table of contents' heading (目录, 目 次, 专栏目录) and an appendix heading (附表, 附录二 标题, 附件：标题;
# not a file name: 附件：纲要.pdf), shared by chrome removal and the parser.
TOC_HEADING = re.compile(r"^(?:专栏|图表|表格?|图)?\s*目\s*[录次]$")
APPENDIX_HEADING = re.compile(
    r"^(?!.*\.[A-Za-z]{2,4}\s*$)(?P<label>附\s*[录表件]\s*[\dA-Z一二三四五六七八九十]*)(?:\s*[:：]\s*|\s*)"
    r"(?P<title>[^。；;：:，,]{0,40}?)\s*$"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_SPACE_IN_NUMBER = re.compile(r"(?<=[\d.%])[ \t]+(?=[\d\u4e00-\u9fff%‰])|(?<=[\u4e00-\u9fff])[ \t]+(?=\d)")


def clean_line(text: str) -> str:
    """Remove markers and invisible characters from one line; keep everything a reader sees."""
    text = _EXPORT_MARKER.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _NBSP.sub(" ", text)
    text = _CONTROL.sub("", text)
    return text.rstrip()


def matching_form(text: str) -> str:
    """NFKC text with spaces inside numbers joined: the form patterns are written against."""
    text = unicodedata.normalize("NFKC", text)
    return _SPACE_IN_NUMBER.sub("", text)


def aligned_matching_form(text: str) -> str:
    """NFKC character by character where it gives one character (，->, ％->% （->( 　->space), else the
    character itself (… stays …): the matching form with the display text's length and offsets."""
    return "".join(_aligned_char(c) for c in text)


@cache
def _aligned_char(char: str) -> str:
    if char.isascii():
        return char
    normal = unicodedata.normalize("NFKC", char)
    return normal if len(normal) == 1 else char


def cjk_count(text: str) -> int:
    """How many CJK ideographs the text has."""
    return len(_CJK.findall(text))
