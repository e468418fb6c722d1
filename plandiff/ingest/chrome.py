"""Remove site chrome and injected spam from the lines of a scraped or exported plan text.

The rules are general, not a list of any one site's strings:

1. contact and licence lines (phone numbers, e-mail, ICP licence, 版权所有, Copyright) go anywhere;
2. web interface lines (view counters, 扫一扫, font-size switches, breadcrumbs, "related links",
   download disclaimers) go anywhere when short, and at any length when they speak of the site itself;
3. the header zone (before the first prose paragraph and the headings right above it, numbered or a
   preface heading without punctuation) and the footer zone (after the last prose paragraph, or after an
   appendix that follows it: 附表, 附录, up to the first chrome line) keep only title lines and adoption
   notes; repeated titles go;
4. short lines in the body that carry a brand token of the removed chrome (``j9跨境创业``), or that recur
   in the file isolated between prose paragraphs, are injected spam.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .characters import APPENDIX_HEADING, HEADING_OPENING, TOC_HEADING, cjk_count, matching_form

_CONTACT = re.compile(
    r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4})(?!\d)"
    r"|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|ICP[备证]|公网安备|版权所有|copyright|©|备案号",
    re.IGNORECASE,
)
# Interface phrases of web pages; a short line holding one of them is chrome.
_WEB_UI = re.compile(
    r"访问量|访问次数|点击次数|点击数|浏览次数|浏览量|阅读次数|阅读量|扫一扫|二维码|字体[:：]|【字体|字号[:：]|"
    r"打印本页|关闭窗口|返回顶部|当前位置|您现在的位置|分享到|上一篇|下一篇|相关附件|相关信息|相关链接|"
    r"相关阅读|相关文章|下载附件|发表于|发布时间|更新时间|责任编辑|温馨提示|免责声明|添加微信|热线电话|"
    r"联系电话|联系我们|联系方式|友情链接|网站地图|网站首页|官方网站|用户登录|立即注册|收藏本|加入收藏"
)
# A line that is only one of these words is an interface label.
_UI_WORDS = frozenset(
    "收藏 详情 分享 打印 关闭 附件 前言 首页 更多 返回 信息中心 新闻中心 新闻动态 news center 政策解读 "
    "相关附件 相关信息 相关链接 下载 点赞 评论 举报 纠错".split()
)
# Phrases with which a site speaks of itself; such a line is chrome at any length.
_SITE_TALK = re.compile(r"本站|本网站|如有侵权|用户上传|权益所有人|信息存储空间|下载文件|下载资源")
# A ">" before a number is a comparison (食品安全抽检合格率(%) >98.5 >98.7), not a breadcrumb separator.
_BREADCRUMB_SEP = re.compile(r"\s[/>»›]\s(?![\d.])|\s?(?:[»›]|>(?!\s?[\d.]))\s?")
_TITLE_WORDS = re.compile(r"规划|纲要|建议|解读|决议|计划|报告|意见|方案|示范|国民经济和社会发展")
# An issuing body named on its own (昆山市发展和改革委员会) is page metadata, not a title.
_ISSUER = re.compile(r"(?:委员会|局|厅|办公室|办公厅|人民政府|研究院|研究中心)$")
_ADOPTION_NOTE = re.compile(r"^\s*[（(].*(?:通过|批准|审议|发布|印发)[^）)]*[）)]\s*$")
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;]")
# A preface heading (上海: 在中国式现代化进程中勇立潮头当好尖兵) has none of these: punctuation, digits, Latin.
_NON_HEADING_MARK = re.compile(r"[。，；！？,;:：、|/()（）\[\]【】\dA-Za-z@#]")
PREFACE_CJK = (4, 30)
# A 目录 line: leaders and/or a page number at its end, or a page number alone.
_TOC_LIKE = re.compile(r"(?:[.．·…⋯_—\-]\s*)+\d{1,4}$|\s\d{1,4}$|^[—–\-\s]*\d{1,4}[—–\-\s]*$")
TOC_TAIL_CHARS = 40
_BRAND_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]+|[A-Za-z0-9]*\d[A-Za-z]+|[A-Za-z]+\d[A-Za-z0-9]*")
# A prose paragraph has at least this many CJK characters and some sentence punctuation.
PROSE_MIN_CJK = 30
# A line this short (CJK characters) with no sentence punctuation can be an interface label or spam.
SHORT_LINE_CJK = 15


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """Whether a line stays, and why it goes."""

    keep: bool
    reason: str = ""


def judge_lines(lines: Sequence[str]) -> list[LineVerdict]:
    """Decide for each line whether it is body text or chrome/spam; blank lines are always kept."""
    matching = [matching_form(line).strip() for line in lines]
    verdicts = [_judge_anywhere(text) for text in matching]
    prose = [i for i, text in enumerate(matching) if verdicts[i].keep and _is_prose(text)]
    if not prose:
        return verdicts
    body_start = _extend_over_headings(matching, prose[0])
    body_end = _extend_over_appendix(matching, verdicts, prose[-1])
    seen_titles: list[str] = []
    for i, text in enumerate(matching):
        if not text or not verdicts[i].keep:
            continue
        if i < body_start or i > body_end:
            verdicts[i] = _judge_zone_line(text, seen_titles)
    _mark_spam(matching, verdicts, body_start, body_end)
    return verdicts


def _judge_anywhere(text: str) -> LineVerdict:
    if not text:
        return LineVerdict(True)
    if _CONTACT.search(text):
        return LineVerdict(False, "contact or licence line")
    if _SITE_TALK.search(text):
        return LineVerdict(False, "site notice")
    short = cjk_count(text) <= 40 and not _SENTENCE_PUNCT.search(text.rstrip("。"))
    if short and _WEB_UI.search(text):
        return LineVerdict(False, "web interface line")
    if text.strip("：:【】[] ").lower() in _UI_WORDS and not HEADING_OPENING.match(text):
        return LineVerdict(False, "web interface label")
    if _is_breadcrumb(text):
        return LineVerdict(False, "breadcrumb")
    return LineVerdict(True)


def _is_breadcrumb(text: str) -> bool:
    parts = [p.strip() for p in _BREADCRUMB_SEP.split(text) if p.strip()]
    return (len(parts) >= 3 and all(len(p) <= 12 for p in parts)) or (len(parts) >= 2 and parts[0] == "首页")


def _is_prose(text: str) -> bool:
    return cjk_count(text) >= PROSE_MIN_CJK and bool(_SENTENCE_PUNCT.search(text))


def _extend_over_headings(matching: Sequence[str], first_prose: int) -> int:
    """Move the body start back over the headings directly above the first prose paragraph, and over an
    unnumbered heading right above it (a preface heading: a short line without punctuation or digits)."""
    start = first_prose
    i = first_prose - 1
    while i >= 0:
        if not matching[i]:
            i -= 1
            continue
        if HEADING_OPENING.match(matching[i]) or (start == first_prose and _is_preface_heading(matching[i])):
            start = i
            i -= 1
            continue
        break
    return _extend_over_toc(matching, start)


def _extend_over_toc(matching: Sequence[str], start: int) -> int:
    """A 目录 above the body start, all of whose lines are 目录-like (headings, page references, wrapped
    entry titles, page numbers), is body too: the parser recognises and skips it as one block."""
    for i in range(start - 1, -1, -1):
        text = matching[i]
        if TOC_HEADING.match(text):
            return i
        if text and not (HEADING_OPENING.match(text) or _TOC_LIKE.search(text) or _is_toc_tail(text)):
            return start
    return start


def _is_toc_tail(text: str) -> bool:
    return len(text) <= TOC_TAIL_CHARS and not _SENTENCE_PUNCT.search(text)


def _is_preface_heading(text: str) -> bool:
    return (
        PREFACE_CJK[0] <= cjk_count(text) <= PREFACE_CJK[1]
        and not _NON_HEADING_MARK.search(text)
        and not _TITLE_WORDS.search(text)
        and not _WEB_UI.search(text)
        and not _ISSUER.search(text)
    )


def _extend_over_appendix(matching: Sequence[str], verdicts: Sequence[LineVerdict], last_prose: int) -> int:
    """An appendix (附表, 附录) after the last prose paragraph is body up to the first chrome line after it:
    a table of projects or a list of terms has no prose of its own. With nothing before that chrome line
    (附件, then a download link) it is page chrome."""
    appendix = next(
        (i for i in range(last_prose + 1, len(matching)) if APPENDIX_HEADING.match(matching[i])), None
    )
    if appendix is None:
        return last_prose
    end = appendix
    for i in range(appendix + 1, len(matching)):
        if not verdicts[i].keep:
            break
        if matching[i]:
            end = i
    return end if end > appendix else last_prose  # 附件 then a download link: page chrome


def _judge_zone_line(text: str, seen_titles: list[str]) -> LineVerdict:
    """Header and footer zones keep titles (once) and adoption notes only."""
    if _ADOPTION_NOTE.match(text):
        return LineVerdict(True)
    core = re.sub(r"[（(]图\d+[)）]|\s", "", text)
    if _ISSUER.search(core):
        return LineVerdict(False, "issuing body")
    if cjk_count(core) >= 8 and _TITLE_WORDS.search(core) and not re.search(r"\.\w{2,4}\b", core):
        if any(core in seen or seen in core for seen in seen_titles):
            return LineVerdict(False, "repeated title")
        seen_titles.append(core)
        return LineVerdict(True)
    return LineVerdict(False, "page header or footer")


def _mark_spam(matching: Sequence[str], verdicts: list[LineVerdict], start: int, end: int) -> None:
    """Short body lines carrying a brand of the removed chrome, or recurring isolated, are spam."""
    brands = {
        token.lower()
        for text, verdict in zip(matching, verdicts, strict=True)
        if not verdict.keep
        for token in _BRAND_TOKEN.findall(text)
    }
    counts = Counter(text for text in matching if text)
    for i in range(start, end + 1):
        text = matching[i]
        if not text or not verdicts[i].keep or not _is_short_label(text):
            continue
        if any(token.lower() in brands for token in _BRAND_TOKEN.findall(text)):
            verdicts[i] = LineVerdict(False, "spam (brand of the site chrome)")
        elif counts[text] >= 2 and _between_prose(matching, i):
            verdicts[i] = LineVerdict(False, "spam (recurring isolated line)")


def _is_short_label(text: str) -> bool:
    return (
        cjk_count(text) <= SHORT_LINE_CJK
        and not _SENTENCE_PUNCT.search(text)
        and not HEADING_OPENING.match(text)
    )


def _between_prose(matching: Sequence[str], i: int) -> bool:
    def neighbour(step: int) -> str:
        j = i + step
        while 0 <= j < len(matching) and not matching[j]:
            j += step
        return matching[j] if 0 <= j < len(matching) else ""

    return all(_is_prose(neighbour(step)) for step in (-1, 1))
