"""Outline shapes of real plans, each in a small fixture written for the test: boxes and where they end,
run-in items of a 建议, unnumbered headings, notes under a table, and display text kept as written."""

from __future__ import annotations

from pathlib import Path

from plandiff.model import Document, DocumentMeta, SectionKind
from plandiff.pipeline import load_document

TITLE = "某市国民经济和社会发展第十五个五年规划纲要"
P1 = "坚持把发展经济的着力点放在实体经济上，推进新型工业化，加快建设制造强市和质量强市。"
P2 = "深入实施创新驱动发展战略，强化企业科技创新主体地位，推动科技创新和产业创新深度融合。"
P3 = "完善城乡融合发展体制机制，推动基本公共服务均等化，促进城乡要素平等交换和双向流动。"


def outline(tmp_path: Path, text: str, name: str = "plan.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(DocumentMeta(id="plan", path=str(path)))


def by_label(document: Document, label: str) -> list:
    return [s for s in document.sections if s.label == label]


def test_box_ends_at_a_heading_that_cannot_be_inside_it(tmp_path: Path) -> None:
    """No blank line after the box (a web page): the next part heading 二、 ends it, its items 1. 2. do not."""
    text = (
        f"{TITLE}\n一、建设现代化产业体系\n{P1}\n1.做强先进制造业\n{P2}\n专栏1 重大产业项目\n"
        "1.新能源汽车产业园。建设整车及关键零部件基地。\n2.集成电路产业园。建设十二英寸晶圆生产线。\n"
        f"二、提升科技创新能力\n{P2}\n1.建设创新平台\n{P3}\n"
    )
    document = outline(tmp_path, text)
    box = next(s for s in document.sections if s.kind is SectionKind.BOX)
    assert [text for _, text in box.paragraphs] == [
        "1.新能源汽车产业园。建设整车及关键零部件基地。",
        "2.集成电路产业园。建设十二英寸晶圆生产线。",
    ]
    part = by_label(document, "二、")
    assert len(part) == 1 and part[0].parent is None and part[0].line == 9
    assert [s.parent for s in by_label(document, "1.")] == [by_label(document, "一、")[0].id, part[0].id]


def test_box_ends_at_its_container_s_next_sibling(tmp_path: Path) -> None:
    text = f"{TITLE}\n一、总体要求\n{P1}\n1.指导思想\n{P2}\n专栏1 主要任务\n推进重点项目建设。\n2.基本原则\n{P3}\n"
    document = outline(tmp_path, text)
    assert [s.line for s in by_label(document, "2.")] == [8]


def test_recommendation_items_with_extra_paragraphs_get_no_invented_parts(tmp_path: Path) -> None:
    """A 建议 with every part heading present: a paragraph between two run-in items is the item's own."""
    items = []
    for k, part in enumerate(("一、", "二、", "三、", "四、")):
        items.append(f"{part}推进第{part[0]}方面工作")
        for n in range(5 * k + 1, 5 * k + 6):
            items.append(f"{n}.完成第{n}项任务。{P1}")
            if n % 5 == 2:
                items.append(f"聚力推动第{n}项任务加快突破、提升能级，{P2}")
    document = outline(
        tmp_path,
        "中共某市委关于制定某市国民经济和社会发展第十五个五年规划的建议\n" + "\n".join(items) + "\n",
    )
    parts = [s for s in document.sections if s.numbering == "a"]
    assert [(s.label, s.synthetic) for s in parts] == [
        ("一、", False),
        ("二、", False),
        ("三、", False),
        ("四、", False),
    ]
    assert len([s for s in document.sections if s.numbering == "n"]) == 20


def test_unnumbered_headings_are_sections_of_their_kind(tmp_path: Path) -> None:
    text = (
        f"{TITLE}\n序  言\n{P1}\n第一章 发展基础\n{P2}\n第二章 主要任务\n{P3}\n结语\n{P1}\n"
        "附表\n“十五五”时期重大工程包\n序号 领域 重大工程\n1 产业升级 新能源汽车等5项工程\n"
        "名 词 解 释\n1.新质生产力。是指创新起主导作用的先进生产力质态。\n"
    )
    document = outline(tmp_path, text)
    kinds = [(s.kind, s.label, s.title) for s in document.sections if s.parent is None][1:]
    assert kinds == [
        (SectionKind.PREAMBLE, "", "序  言"),
        (SectionKind.CHAPTER, "第一章", "发展基础"),
        (SectionKind.CHAPTER, "第二章", "主要任务"),
        (SectionKind.CLOSING, "", "结语"),
        (SectionKind.APPENDIX, "附表", "“十五五”时期重大工程包"),
        (SectionKind.GLOSSARY, "", "名 词 解 释"),
    ]
    appendix = next(s for s in document.sections if s.kind is SectionKind.APPENDIX)
    assert appendix.paragraphs[0][1] == "序号 领域 重大工程"


def test_preface_heading_without_a_label(tmp_path: Path) -> None:
    """A plan that opens with a headline-like sentence above its preface (no 序言 word)."""
    text = (
        f"{TITLE}\n（2026年2月7日市第十六届人民代表大会第四次会议批准）\n在中国式现代化进程中勇立潮头\n{P1}\n"
        f"一、砥砺五载耕实景\n{P2}\n"
    )
    document = outline(tmp_path, text)
    preface = [
        s
        for s in document.sections
        if s.kind is SectionKind.PREAMBLE and s.title == "在中国式现代化进程中勇立潮头"
    ]
    assert len(preface) == 1 and preface[0].line == 3
    assert [text for _, text in preface[0].paragraphs] == [P1]


def test_notes_under_a_table_are_no_items(tmp_path: Path) -> None:
    text = (
        f"{TITLE}\n一、主要目标\n{P1}\n\t指标\n\t目标值\n\n\t地区生产总值增速\n\t5%左右\n\n"
        "注：1.【 】为5年累计数，带∗为预计数。\n2.部分指标尚无2025年数据。\n3.入托率提高指标为提高的百分点。\n"
        f"二、重点任务\n{P2}\n"
    )
    document = outline(tmp_path, text)
    assert not [s for s in document.sections if s.numbering == "n"]
    assert [s.label for s in document.sections if s.numbering == "a"] == ["一、", "二、"]


def test_display_text_keeps_the_source_characters(tmp_path: Path) -> None:
    """Titles, labels and paragraphs keep full-width punctuation and digits; matching runs on NFKC."""
    text = f"{TITLE}\n第一章　发展基础\n（一）加快发展，推动转型。２０３０年全市地区生产总值达到８０００亿元，年均增长６％左右。\n"
    document = outline(tmp_path, text)
    chapter = by_label(document, "第一章")[0]
    item = by_label(document, "（一）")[0]
    assert chapter.title == "发展基础" and item.title == "加快发展，推动转型"
    assert item.paragraphs == ((3, "２０３０年全市地区生产总值达到８０００亿元，年均增长６％左右。"),)


def test_appendix_word_inside_the_body_holds_nothing(tmp_path: Path) -> None:
    """附表1 captioning a table inside a chapter, 名词解释 over a few terms: the chapters after them stay
    chapters of the plan, not children of an appendix or lines of a glossary."""
    text = (
        f"{TITLE}\n第一章 发展基础\n{P1}\n附表1 主要指标\n\t指标\n\t目标值\n\n\t地区生产总值增速\n\t5%左右\n\n"
        f"第二章 主要任务\n{P2}\n名词解释\n新质生产力：创新起主导作用的先进生产力。\n第三章 保障措施\n{P3}\n"
    )
    document = outline(tmp_path, text)
    chapters = [s for s in document.sections if s.kind is SectionKind.CHAPTER]
    assert [(s.label, s.parent) for s in chapters] == [("第一章", None), ("第二章", None), ("第三章", None)]
    assert not [s for s in document.sections if s.kind in (SectionKind.APPENDIX, SectionKind.GLOSSARY)]


def test_box_in_a_one_cell_word_table_ends_with_the_table(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    for text in ("一、建设现代化产业体系", P1, "1.做强先进制造业"):
        word.add_paragraph(text)
    cell = word.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "专栏1 重大产业项目"
    cell.add_paragraph("新能源汽车产业园。建设整车基地。")
    for text in (P2, "2.提升服务业能级", P3):
        word.add_paragraph(text)
    path = tmp_path / "plan.docx"
    word.save(str(path))
    document = load_document(DocumentMeta(id="plan", path=str(path)))
    box = next(s for s in document.sections if s.kind is SectionKind.BOX)
    assert [text for _, text in box.paragraphs] == ["新能源汽车产业园。建设整车基地。"]
    assert [text for _, text in by_label(document, "1.")[0].paragraphs] == [P2]
