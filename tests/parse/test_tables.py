"""Indicator tables in every shape they reach the parser, written for these tests after the shapes real plans
take: an HTML ``<table>`` with rowspan/colspan, a caption row and a two-row header; a one-column layout table
(a 专栏 box drawn as a frame); cells one per line (text exports, ``<div>`` layouts); space-separated rows of a
PDF's text with wrapped names and cells, a page number and the header repeated inside; a DOCX table with
merged cells."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from plandiff.ingest.layout import rejoin_wrapped
from plandiff.model import Document, DocumentMeta, SectionKind, SourceLine
from plandiff.pipeline import load_document

PROSE = "到2030年，经济实力、科技实力和综合竞争力大幅跃升，人民生活更加幸福美好。"


def parsed(path: Path) -> Document:
    return load_document(DocumentMeta(id=path.stem, path=str(path), period=15))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


HTML_TABLE = f"""<html><body><div class="content">
<h2>第一章 发展目标</h2><p>{PROSE}</p>
<table><tbody>
<tr><td colspan="6"><p><strong>专栏1</strong><strong>  “十五五”时期主要指标</strong></p></td></tr>
<tr><td rowspan="2">类别</td><td rowspan="2" colspan="2">指标</td><td rowspan="2">单位</td>
    <td colspan="2">“十五五”目标</td><td rowspan="2">属性</td></tr>
<tr><td><p>2030年</p></td><td><p>年均</p><p>［累计］</p></td></tr>
<tr><td rowspan="3">经济发展</td><td colspan="2">1. 地区生产总值年均增长</td><td>%</td>
    <td>—</td><td>5左右</td><td>预期性</td></tr>
<tr><td rowspan="2">2. 每千人口拥有医护人员数</td><td>执业（助理）医师数</td><td>人</td>
    <td>4.50</td><td>—</td><td rowspan="2">预期性</td></tr>
<tr><td>注册护士数</td><td>人</td><td>5.30</td><td>—</td></tr>
<tr><td colspan="7">注：［ ］内为五年累计数。</td></tr>
</tbody></table>
<p>{PROSE}</p></div></body></html>"""


def test_html_table_spans_caption_and_two_row_header(tmp_path: Path) -> None:
    document = parsed(write(tmp_path, "plan.html", HTML_TABLE))
    (table,) = document.tables
    assert table.caption == "专栏1 “十五五”时期主要指标"
    assert table.header == (
        "类别",
        "指标",
        "指标",
        "单位",
        "“十五五”目标 2030年",
        "“十五五”目标 年均［累计］",
        "属性",
    )
    assert table.rows == (
        ("经济发展", "1. 地区生产总值年均增长", "", "%", "—", "5左右", "预期性"),
        ("经济发展", "2. 每千人口拥有医护人员数", "执业（助理）医师数", "人", "4.50", "—", "预期性"),
        ("经济发展", "2. 每千人口拥有医护人员数", "注册护士数", "人", "5.30", "—", "预期性"),
    )
    kinds = [s.kind for s in document.sections]
    assert (
        SectionKind.TABLE in kinds and SectionKind.BOX not in kinds
    )  # the 专栏 holding a table is the table


def test_one_column_table_is_a_box_frame(tmp_path: Path) -> None:
    page = (
        f"<html><body><div><h2>第一章 产业</h2><p>{PROSE}</p><table><tr><td>"
        "<p>专栏2 重点产业</p><p>集成电路。建设世界级产业集群。</p><p>生物医药。加快创新药研发。</p>"
        f"</td></tr></table><p>{PROSE}</p></div></body></html>"
    )
    document = parsed(write(tmp_path, "box.html", page))
    assert document.tables == ()
    box = next(s for s in document.sections if s.kind is SectionKind.BOX)
    assert [text for _, text in box.paragraphs[:2]] == [
        "集成电路。建设世界级产业集群。",
        "生物医药。加快创新药研发。",
    ]


PDF_TEXT = f"""第一章 发展目标
{PROSE}
“十五五”时期经济社会发展主要指标
类别 序号 指标 2025年 2030年目标 属性
创新
发展
(2项)
1
全社会研究与试验发展经费支出占地区生
产总值比重(%)
6左右∗ >6 预期性
2 地区生产总值年均增速(%) 5.4
4.5-5,
努力争取
更好结果
预期性
— 12 —
类别 序号 指标 2025年 2030年目标 属性
安全
稳定
(2项)
3 单位 GDP 生产安全事故死亡率(人/百亿元) 0.6 <0.6 约束性
4 食品药品安全
食品安全抽检合格率(%) >98.5∗ >98.7
药品抽检合格率(%) >99∗ >99
约束性
5 优良水体比例(%) —
达到国家
要求
约束性
注:1.【 】为5年累计数,带∗为预计数。
第二章 创新驱动
{PROSE}
"""


def test_pdf_text_rows_wrapped_cells_page_line_and_repeated_header(tmp_path: Path) -> None:
    (table,) = parsed(write(tmp_path, "plan.txt", PDF_TEXT)).tables
    assert table.caption == "“十五五”时期经济社会发展主要指标"
    assert table.header == ("类别", "序号", "指标", "2025年", "2030年目标", "属性")
    assert table.rows == (
        ("创新发展(2项)", "1", "全社会研究与试验发展经费支出占地区生产总值比重(%)", "6左右∗", ">6", "预期性"),
        ("创新发展(2项)", "2", "地区生产总值年均增速(%)", "5.4", "4.5-5,努力争取更好结果", "预期性"),
        ("安全稳定(2项)", "3", "单位 GDP 生产安全事故死亡率(人/百亿元)", "0.6", "<0.6", "约束性"),
        ("安全稳定(2项)", "4", "食品安全抽检合格率(%)", ">98.5∗", ">98.7", "约束性"),
        ("安全稳定(2项)", "4", "药品抽检合格率(%)", ">99∗", ">99", "约束性"),
        ("安全稳定(2项)", "5", "优良水体比例(%)", "—", "达到国家要求", "约束性"),
    )
    assert table.row_lines[0] == 8 and table.row_lines[-2] == 25  # the serial's line; a sub-row's own line


def test_wrapped_prose_is_rejoined_but_not_a_spaced_row() -> None:
    lines = [
        SourceLine(text, n, n)
        for n, text in enumerate(
            [
                "到2030年，经济实力、科技实力和综合竞争力大幅跃",
                "升，人民生活更加幸福美好。",
                "2 每万人口高价值发明专利拥有量(件) 180.7 240左右",
                "3 地区生产总值年均增速(%) 5.4 5左右 预期性",
            ],
            start=1,
        )
    ]
    assert [line.text for line in rejoin_wrapped(lines)] == [
        "到2030年，经济实力、科技实力和综合竞争力大幅跃升，人民生活更加幸福美好。",
        "2 每万人口高价值发明专利拥有量(件) 180.7 240左右",
        "3 地区生产总值年均增速(%) 5.4 5左右 预期性",
    ]


CELLS_PER_LINE = f"""第一章 发展目标
{PROSE}
表1 主要指标
序号
指标
2030年目标
属性
1
地区生产总值年均增速（%）
5以上
预期性
2
城乡居民收入增长
与经济增长同步
预期性
3
单位地区生产总值能耗降低（%）
完成上级下达任务
约束性
{PROSE}
"""


def test_cells_one_per_line_without_tabs(tmp_path: Path) -> None:
    (table,) = parsed(write(tmp_path, "cells.txt", CELLS_PER_LINE)).tables
    assert table.caption == "表1 主要指标"
    assert table.header == ("序号", "指标", "2030年目标", "属性")
    assert table.rows == (
        ("1", "地区生产总值年均增速（%）", "5以上", "预期性"),
        ("2", "城乡居民收入增长", "与经济增长同步", "预期性"),
        ("3", "单位地区生产总值能耗降低（%）", "完成上级下达任务", "约束性"),
    )


def test_tab_indented_cells_one_per_line(tmp_path: Path) -> None:
    body = "\t序号\n\t指标\n\t2030年目标\n\t属性\n\n\t1\n\t全员劳动生产率（万元/人）\n\t50以上\n\t预期性\n"
    (table,) = parsed(
        write(tmp_path, "tabs.txt", f"第一章 目标\n{PROSE}\n表1 主要指标\n{body}\n{PROSE}\n")
    ).tables
    assert table.header == ("序号", "指标", "2030年目标", "属性")
    assert table.rows == (("1", "全员劳动生产率（万元/人）", "50以上", "预期性"),)


def _merge(cell, how: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    if how == "span":
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), "2")
        properties.append(span)
    else:
        merge = OxmlElement("w:vMerge")
        if how == "restart":
            merge.set(qn("w:val"), "restart")
        properties.append(merge)


def test_docx_table_with_merged_cells(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("第一章 发展目标")
    document.add_paragraph(PROSE)
    document.add_paragraph("表1 主要指标")
    table = document.add_table(rows=4, cols=5)
    texts = [
        ["类别", "指标", "2025年", "2030年", "属性"],
        ["经济", "地区生产总值（亿元）", "5000", "6500", "预期性"],
        ["", "全员劳动生产率（万元/人）", "40", "50以上", ""],
        ["民生", "城镇调查失业率（%）", "—", "<5", "预期性"],
    ]
    for row, values in zip(table.rows, texts, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for row, how in ((1, "restart"), (2, "continue")):
        _merge(table.rows[row].cells[0], how)
        _merge(table.rows[row].cells[4], how)
    document.add_paragraph(PROSE)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (found,) = parsed(path).tables
    assert found.caption == "表1 主要指标"
    assert found.header == ("类别", "指标", "2025年", "2030年", "属性")
    assert found.rows == (
        ("经济", "地区生产总值（亿元）", "5000", "6500", "预期性"),
        ("经济", "全员劳动生产率（万元/人）", "40", "50以上", "预期性"),
        ("民生", "城镇调查失业率（%）", "—", "<5", "预期性"),
    )


PDF_TEXT_14TH = f"""第三章 主要目标
{PROSE}
表1 “十四五”经济社会发展主要指标
类 别 指 标 单 位 2020年 2025年 年均增长〔累计〕 属 性
经济发展 1.地区生产总值增长 % 3.7 — 5.5左右 预期性
2.全员劳动生产率 万元/人 20.1 26 5.5 预期性
3.全社会研发经费投入占地区生 % 2.8 3.2 — 预期性
产总值比重
续表
类 别 指 标 单 位 2020年 2025年 年均增长〔累计〕 属 性
民生福祉 4.城镇调查失业率 % 5.2 — <5.5 预期性
5.单位地区生产总值能源消耗降低 % — — 〔完成国家下达目标〕 约束性
第四章 创新驱动
{PROSE}
"""


def test_pdf_text_rows_with_letter_spaced_header_unit_column_and_categories_on_row_lines(
    tmp_path: Path,
) -> None:
    (table,) = parsed(write(tmp_path, "plan14.txt", PDF_TEXT_14TH)).tables
    assert table.header == ("类别", "指标", "单位", "2020年", "2025年", "年均增长〔累计〕", "属性")
    assert table.rows == (
        ("经济发展", "1.地区生产总值增长", "%", "3.7", "—", "5.5左右", "预期性"),
        ("经济发展", "2.全员劳动生产率", "万元/人", "20.1", "26", "5.5", "预期性"),
        ("经济发展", "3.全社会研发经费投入占地区生产总值比重", "%", "2.8", "3.2", "—", "预期性"),
        ("民生福祉", "4.城镇调查失业率", "%", "5.2", "—", "<5.5", "预期性"),
        ("民生福祉", "5.单位地区生产总值能源消耗降低", "%", "—", "—", "〔完成国家下达目标〕", "约束性"),
    )
