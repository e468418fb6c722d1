"""Tables of contents (目录) in the shapes real plans write them: recognised as one block, never sections, and
used to find the headings the body lists (small fixtures written for the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandiff.model import Document, DocumentMeta, SectionKind
from plandiff.pipeline import load_document

TITLE = "某市国民经济和社会发展第十五个五年规划纲要"
HEADINGS = [
    ("第一篇", "总体要求"),
    ("第一章", "发展基础"),
    ("第一节", "发展成就"),
    ("第二节", "发展环境"),
    ("第二章", "指导思想"),
    ("第二篇", "重点任务"),
    ("第三章", "建设现代化产业体系"),
    ("第一节", "做强先进制造业"),
]
PROSE = {
    "第一章": "过去五年，全市经济总量迈上新台阶，人民生活水平显著提高，城乡区域发展更加协调。",
    "第一节": "经济实力持续增强，创新能力显著提升，城乡面貌焕然一新，社会事业全面进步。",
    "第二节": "当前和今后一个时期，我市发展仍处于重要战略机遇期，机遇和挑战都有新的发展变化。",
    "第二章": "坚持以人民为中心的发展思想，完整准确全面贯彻新发展理念，推动经济社会高质量发展。",
    "第三章": "坚持把发展经济的着力点放在实体经济上，推进新型工业化，加快建设制造强市和质量强市。",
}
STRUCTURAL = (SectionKind.PART, SectionKind.CHAPTER, SectionKind.SECTION)


def body(headings: list[tuple[str, str]] = HEADINGS) -> str:
    lines = []
    for label, title in headings:
        lines.append(f"{label} {title}")
        if label in PROSE:
            lines.append(PROSE[label])
    return "\n".join(lines) + "\n"


def outline(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(DocumentMeta(id="plan", path=str(path)))


def headings(document: Document) -> list[tuple[str, str]]:
    return [(s.label, s.title or "") for s in document.sections if s.kind in STRUCTURAL]


ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
TOC_SHAPES = {
    "dot leaders and page numbers": lambda n, label, title: f"{label} {title}{'.' * 12}{n * 3 + 1}",
    "ellipsis leaders": lambda n, label, title: f"{label} {title} ……… {n * 3 + 1}",
    "page numbers after spaces": lambda n, label, title: f"{label}  {title}    {n * 3 + 1}",
    "roman page numerals": lambda n, label, title: f"{label} {title} ······ {ROMAN[n]}",
    "no page numbers": lambda n, label, title: f"{label}  {title}",
}


@pytest.mark.parametrize("shape", sorted(TOC_SHAPES))
def test_toc_block_is_skipped_and_the_body_headings_kept(tmp_path: Path, shape: str) -> None:
    entries = [TOC_SHAPES[shape](n, label, title) for n, (label, title) in enumerate(HEADINGS)]
    document = outline(tmp_path, f"{TITLE}\n目  录\n" + "\n".join(entries) + "\n" + body())
    assert headings(document) == HEADINGS
    first_body_line = 3 + len(HEADINGS)
    assert min(s.line for s in document.sections if s.kind in STRUCTURAL) == first_body_line
    assert not any("目" in text and "录" in text for s in document.sections for _, text in s.paragraphs)


def test_plain_list_that_the_body_repeats_is_a_toc(tmp_path: Path) -> None:
    """No 目录 heading, no page numbers, the body right after it: the repeat in order tells it."""
    entries = [f"{label} {title}" for label, title in HEADINGS]
    document = outline(tmp_path, f"{TITLE}\n" + "\n".join(entries) + "\n" + body())
    assert headings(document) == HEADINGS
    assert document.sections[1].line == 2 + len(HEADINGS)


def test_headings_in_a_row_that_the_body_never_repeats_are_headings(tmp_path: Path) -> None:
    text = f"{TITLE}\n第一篇 总体要求\n第一章 发展基础\n第一节 发展成就\n一、经济实力\n{PROSE['第一节']}\n"
    assert headings(outline(tmp_path, text)) == [
        ("第一篇", "总体要求"),
        ("第一章", "发展基础"),
        ("第一节", "发展成就"),
    ]


def test_two_line_part_titles_in_the_toc(tmp_path: Path) -> None:
    toc = "目录\n第一篇 总体\n要求………1\n第一章 发展基础………1\n第二篇 重点\n任务………5\n第二章 指导思想………5\n"
    chosen = [HEADINGS[0], HEADINGS[1], HEADINGS[5], HEADINGS[4]]
    document = outline(tmp_path, f"{TITLE}\n{toc}" + body(chosen))
    assert headings(document) == chosen


def test_box_list_of_a_toc(tmp_path: Path) -> None:
    """A 专栏目录 lists box titles; the boxes in the body are boxes, the list is no section."""
    toc = "专栏目录\n专栏1 重大产业项目 …… 3\n专栏2 重大民生工程 …… 7\n"
    text = (
        f"{TITLE}\n{toc}第一章 发展基础\n{PROSE['第一章']}\n专栏1 重大产业项目\n建设新能源汽车产业园。\n\n\n"
        f"第二章 指导思想\n{PROSE['第二章']}\n专栏2 重大民生工程\n建设区域医疗中心。\n\n\n{PROSE['第三章']}\n"
    )
    boxes = [s for s in outline(tmp_path, text).sections if s.kind is SectionKind.BOX]
    assert [(s.label, s.title, s.line) for s in boxes] == [
        ("专栏1", "重大产业项目", 7),
        ("专栏2", "重大民生工程", 13),
    ]


def test_unlisted_first_heading_after_the_toc_is_the_body_s(tmp_path: Path) -> None:
    entries = [f"{label} {title}" for label, title in HEADINGS]
    preface = "前  言\n本纲要根据市委关于制定规划的建议编制，主要阐明全市战略意图，是今后五年经济社会发展的宏伟蓝图。\n"
    document = outline(tmp_path, f"{TITLE}\n目录\n" + "\n".join(entries) + "\n" + preface + body())
    preamble = [s for s in document.sections if s.kind is SectionKind.PREAMBLE and s.title == "前  言"]
    assert len(preamble) == 1 and preamble[0].line == 3 + len(HEADINGS)
    assert headings(document) == HEADINGS


def test_listed_heading_glued_to_its_paragraph_is_split_off(tmp_path: Path) -> None:
    """A PDF join put 第二章's title and its first sentence on one line: the 目录 says where the title ends."""
    entries = [f"{label} {title}……{n}" for n, (label, title) in enumerate(HEADINGS, 1)]
    glued = body().replace("第二章 指导思想\n", "第二章 指导思想")
    document = outline(tmp_path, f"{TITLE}\n目录\n" + "\n".join(entries) + "\n" + glued)
    assert headings(document) == HEADINGS
    chapter = next(s for s in document.sections if s.label == "第二章")
    assert [text for _, text in chapter.paragraphs] == [PROSE["第二章"]]
    assert not chapter.synthetic


def test_listed_heading_wrapped_over_lines_is_joined(tmp_path: Path) -> None:
    long_title = "建设具有全球竞争力的现代化产业体系和科技创新高地为全市高质量发展提供坚实支撑"
    chosen = [*HEADINGS[:6], ("第三章", long_title)]
    entries = [f"{label} {title}……{n}" for n, (label, title) in enumerate(chosen, 1)]
    wrapped = body(chosen).replace(long_title, f"{long_title[:14]}\n{long_title[14:]}")
    document = outline(tmp_path, f"{TITLE}\n目录\n" + "\n".join(entries) + "\n" + wrapped)
    assert headings(document) == chosen


def test_heading_the_body_lost_takes_its_title_from_the_toc(tmp_path: Path) -> None:
    entries = [f"{label} {title}……{n}" for n, (label, title) in enumerate(HEADINGS, 1)]
    lost = body().replace("第二章 指导思想\n", "")
    document = outline(tmp_path, f"{TITLE}\n目录\n" + "\n".join(entries) + "\n" + lost)
    chapter = next(s for s in document.sections if s.label == "第二章")
    assert chapter.synthetic and chapter.title == "指导思想"
    assert headings(document) == HEADINGS
