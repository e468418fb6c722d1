"""Chinese words, for key terms and the shared words of a pair: jieba with the policy vocabulary added.

Chinese has no spaces, and character n-grams cut across words (``上下的共``, ``划目标任``). jieba segments
with a 349,000-word dictionary; the plans' own coinages it lacks (新质生产力, 人工智能+, 低空经济, 具身智能 …)
are added from POLICY_WORDS, so they come out whole. Its HMM guesser of unknown words is off: it makes
up words from whatever characters sit together, and results would depend on it.

A term is a word of two or more CJK characters (or one of the policy words) that is not a function word,
a stock verb (STOP_WORDS) or a numeral, and that general Chinese uses rarely: jieba's dictionary counts
each word in a large general corpus, and a word more frequent there than GENERAL_MAX (企业, 完成, 必须,
思想) says nothing about a plan, while 芯片, 低空, 托育 and 城市更新 do. Text is segmented on the matching form, line by
line, and each distinct line once per ``Words``: the units of an alignment are made of the document's
lines, so a document's words and its sections' words cost one segmentation.

jieba is imported and its dictionary loaded on the first segmentation (about 1 s together), so commands
that compute no terms do not pay for it; its dictionary cache is kept in the user's cache folder, not in
the shared temporary folder.
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from ..ingest import matching_form

# Words plans coin or use as set phrases that jieba's dictionary splits (低空/经济, 具身/智能). Collected
# from 15th-plan recommendations and plans of several places and the national 14th plan; a place's own
# names (昆山试验区) are not listed here: they are found as quoted terms or stay two words.
POLICY_WORDS = (
    "新质生产力",
    "人工智能+",
    "人工智能＋",
    "低空经济",
    "具身智能",
    "银发经济",
    "数字经济",
    "数字中国",
    "数字政府",
    "数字孪生",
    "数据要素",
    "算力网络",
    "大模型",
    "智能网联汽车",
    "新能源汽车",
    "新型储能",
    "氢能",
    "生物制造",
    "商业航天",
    "量子科技",
    "脑机接口",
    "人形机器人",
    "未来产业",
    "战略性新兴产业",
    "先进制造业",
    "现代化产业体系",
    "新型工业化",
    "新型城镇化",
    "新型基础设施",
    "新基建",
    "专精特新",
    "独角兽企业",
    "瞪羚企业",
    "链主企业",
    "高新技术企业",
    "科技型中小企业",
    "产业链供应链",
    "创新链产业链",
    "首台套",
    "揭榜挂帅",
    "赛马制",
    "高质量发展",
    "新发展格局",
    "新发展理念",
    "国内大循环",
    "双循环",
    "全国统一大市场",
    "营商环境",
    "放管服",
    "一网通办",
    "一网统管",
    "高效办成一件事",
    "共同富裕",
    "乡村振兴",
    "城乡融合",
    "城市更新",
    "韧性城市",
    "海绵城市",
    "人民城市",
    "无废城市",
    "美丽中国",
    "生态文明",
    "碳达峰",
    "碳中和",
    "双碳",
    "绿色低碳",
    "新污染物",
    "河湖长制",
    "林长制",
    "长三角一体化",
    "一体化示范区",
    "京津冀协同发展",
    "粤港澳大湾区",
    "一带一路",
    "自由贸易试验区",
    "自贸试验区",
    "制度型开放",
    "全过程人民民主",
    "平安中国",
    "法治政府",
    "总体国家安全观",
    "安全发展",
    "一老一小",
    "托育服务",
    "健康中国",
    "教育强国",
    "科技强国",
    "人才强国",
    "文化强国",
    "体育强国",
    "质量强国",
    "制造强国",
    "网络强国",
    "交通强国",
    "海洋强国",
    "农业强国",
    "十三五",
    "十四五",
    "十五五",
    "二〇三五年",
    "2035年远景目标",
    "县域经济",
    "城市群",
    "都市圈",
    "首位度",
)
STOP_WORDS = frozenset(
    "我们 以及 通过 进行 实现 形成 构建 打造 推进 推动 加快 加强 深化 完善 健全 提升 提高 建设 发展 实施 坚持 "
    "持续 全面 积极 大力 着力 不断 进一步 重点 主要 工作 能力 水平 方面 领域 支持 鼓励 促进 保障 优化 强化 "
    "开展 落实 做好 做强 做大 做优 增强 加大 提供 推行 探索 注重 围绕 聚焦 突出 统筹 坚决 切实 努力 更加 "
    "显著 明显 有效 稳步 不断 逐步 基本 全力 全市 全区 全省 全县 全国 我市 我区 我省 我县 各类 相关 有关 "
    "重要 重大 一批 一系列 一个 两个 一些 这些 其中 同时 以上 以下 左右 之间 之一 成为 作为 没有 已经 目前 "
    "以来 期间 时期 今后 未来 年均 累计 达到 超过 力争 确保 保持 力度 体系 机制 制度 政策 措施 工程 项目".split()
)
_CJK = re.compile(r"[\u3400-\u9fff]")
# Numerals, ordinals and years: 二〇, 第十四, 第一节, 三五年.
_NUMERALS = re.compile(r"第?[一二三四五六七八九十〇零百千万亿两\d.%]+[年个节章篇条项大]?")
# Per 60 million words of jieba's general corpus (its dictionary total). Calibrated on the three default
# packs' term lists: above it are 企业 (34,826), 必须, 分别, 完成, 价值, 思想, 制定, 服务 (13,036); below,
# 食品 (6,610), 现代化 (6,157), 江苏, 芯片 (1,031), 低空 (369). Words of four characters or more are kept
# whatever their frequency (they are set phrases already).
GENERAL_MAX = 10000
# The dictionary count given to a policy word: that of a common word, so it is never cut (a count of its
# own per word, jieba's suggest_freq, costs 8 ms a word).
POLICY_FREQUENCY = 20000
# jieba writes a 5 MB cache of its dictionary; ours goes here, not to the shared temporary folder.
CACHE_FOLDER = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "plandiff"


_POLICY = frozenset(matching_form(word) for word in POLICY_WORDS)


class Words:
    """Counts of the terms in texts, each distinct line segmented once."""

    def __init__(self) -> None:
        self._tokenizer: Any = None
        self._lines: dict[str, Counter[str]] = {}
        self._terms: dict[str, bool] = {}

    def is_term(self, word: str) -> bool:
        """A word worth listing: a policy word, or two or more CJK characters that are not a numeral, a
        function word or a stock verb, and rare in general Chinese (or four characters and more)."""
        known = self._terms.get(word)
        if known is None:
            known = self._terms[word] = self._judge(word)
        return known

    def _judge(self, word: str) -> bool:
        if word in _POLICY:
            return True
        if len(_CJK.findall(word)) < 2 or word in STOP_WORDS or _NUMERALS.fullmatch(word):
            return False
        if self._tokenizer is None:
            self._tokenizer = _load_tokenizer()
        return len(word) >= 4 or self._tokenizer.FREQ.get(word, 0) <= GENERAL_MAX

    def _tokenize(self, line: str) -> list[str]:
        if self._tokenizer is None:
            self._tokenizer = _load_tokenizer()
        tokens: list[str] = self._tokenizer.lcut(line, HMM=False)
        return tokens

    def line_counts(self, line: str) -> Counter[str]:
        """The terms of one line and how often each occurs (a line and its matching form are one entry)."""
        form = matching_form(line).strip()
        counts = self._lines.get(form)
        if counts is None:
            counts = Counter(t for t in self._tokenize(form) if self.is_term(t))
            self._lines[form] = counts
        return counts

    def counts(self, text: str) -> Counter[str]:
        """The terms of a text (any number of lines) and how often each occurs."""
        total: Counter[str] = Counter()
        for line in text.split("\n"):
            if line.strip():
                total.update(self.line_counts(line))
        return total


@cache
def _load_tokenizer() -> Any:
    """jieba with the policy words added, loaded once per process (imported here: only commands that
    compute terms load it)."""
    import jieba  # type: ignore[import-untyped]

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    CACHE_FOLDER.mkdir(parents=True, exist_ok=True)
    tokenizer.tmp_dir = str(CACHE_FOLDER)
    for word in _POLICY:
        tokenizer.add_word(word, POLICY_FREQUENCY)
    return tokenizer
