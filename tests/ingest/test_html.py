"""Web pages in the shapes portals publish plans: the whole body on one source line, footnote marks, boxes in
one-cell tables, XHTML with an encoding declaration (small pages written for the test)."""

from __future__ import annotations

from pathlib import Path

from plandiff import ingest_file
from plandiff.model import DocumentMeta, SectionKind
from plandiff.pipeline import load_document

P1 = "坚持把发展经济的着力点放在实体经济上，推进新型工业化，加快建设制造强市和质量强市。"
P2 = "深入实施创新驱动发展战略，强化企业科技创新主体地位，推动科技创新和产业创新深度融合。"
BLOCKS = [
    "<h1>某市国民经济和社会发展第十五个五年规划纲要</h1>",
    "<p><strong>目  录</strong></p>",
    "<p>第一章 发展基础</p>",
    "<p>第二章 主要任务</p>",
    "<p><strong>第一章 发展基础</strong></p>",
    f"<p>　　“四个出新出彩”<sup>1</sup>取得新进展，{P1}</p>",
    "<div>第二章 <b>主要任务</b><p>　　推动制造业高端化、智能化、绿色化发展，培育壮大新兴产业和未来产业。</p></div>",
    f"<p>　　{P2}<br/>城市建成区面积达到1300km<sup>2</sup>，人均公园绿地面积持续增加，城市更新和老旧小区改造扎实推进。</p>",
]


def page(blocks: list[str], separator: str) -> str:
    return f"<html><head><title>t</title></head><body><div class='content'>{separator.join(blocks)}</div></body></html>"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_one_line_page_gives_the_blocks_of_a_pretty_printed_page(tmp_path: Path) -> None:
    """The same page on one source line and pretty-printed (source line breaks inside paragraphs too)."""
    one_line = ingest_file(write(tmp_path, "one.html", page(BLOCKS, "")))
    wrapped = [
        block.replace("实体经济上，", "实体经济上，\n      ").replace("新型工业化", "新型\n工业化")
        for block in BLOCKS
    ]
    pretty = ingest_file(write(tmp_path, "pretty.html", page(wrapped, "\n  ")))
    assert [line.text for line in one_line.lines] == [line.text for line in pretty.lines]
    assert len([line for line in one_line.lines if line.text]) == 10  # one line per block, <br> splits
    assert {line.line for line in one_line.lines} == {1}
    assert "第二章 主要任务" in [
        line.text for line in one_line.lines
    ]  # inline text before a block is one line


def test_footnote_marks_go_exponents_stay(tmp_path: Path) -> None:
    lines = [line.text for line in ingest_file(write(tmp_path, "one.html", page(BLOCKS, ""))).lines]
    assert any(text.startswith("“四个出新出彩”取得新进展，") for text in lines)
    assert "城市建成区面积达到1300km2，人均公园绿地面积持续增加，城市更新和老旧小区改造扎实推进。" in lines


def test_toc_on_a_web_page_is_no_section(tmp_path: Path) -> None:
    path = write(tmp_path, "one.html", page(BLOCKS, ""))
    document = load_document(DocumentMeta(id="p", path=str(path)))
    chapters = [(s.label, s.title) for s in document.sections if s.kind is SectionKind.CHAPTER]
    assert chapters == [("第一章", "发展基础"), ("第二章", "主要任务")]


def test_box_in_a_one_cell_table_ends_with_the_table(tmp_path: Path) -> None:
    blocks = [
        "<p>一、建设现代化产业体系</p>",
        f"<p>{P1}</p>",
        "<p>1.做强先进制造业</p>",
        "<table><tbody><tr><td><p>专栏1 重大产业项目</p><p>新能源汽车产业园。建设整车基地。</p></td></tr></tbody></table>",
        f"<p>{P2}</p>",
        "<p>2.提升服务业能级</p>",
        f"<p>{P1}</p>",
    ]
    document = load_document(DocumentMeta(id="p", path=str(write(tmp_path, "box.html", page(blocks, "")))))
    box = next(s for s in document.sections if s.kind is SectionKind.BOX)
    item = next(s for s in document.sections if s.label == "1.")
    assert [text for _, text in box.paragraphs] == ["新能源汽车产业园。建设整车基地。"]
    assert [text for _, text in item.paragraphs] == [P2]


def test_table_rows_are_read_through_tbody(tmp_path: Path) -> None:
    blocks = [
        f"<p>{P1}</p>",
        "<table><tbody><tr><td>指标</td><td>目标值</td></tr><tr><td>地区生产总值增速</td><td>5%左右</td></tr></tbody></table>",
        f"<p>{P2}</p>",
    ]
    lines = [line.text for line in ingest_file(write(tmp_path, "t.html", page(blocks, ""))).lines]
    assert lines[1:3] == ["\t指标\t目标值", "\t地区生产总值增速\t5%左右"]  # one tab-separated line per row


def test_xhtml_with_an_encoding_declaration(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0" encoding="gb2312"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>规划</title></head>'
        f"<body><div><p>第一章 发展基础</p><p>{P1}</p><p>第二章 主要任务</p><p>{P2}</p></div></body></html>"
    )
    clean = ingest_file(write(tmp_path, "plan.xhtml", text, "gb2312"))
    assert clean.encoding == "gb18030"
    assert [line.text for line in clean.lines] == ["第一章 发展基础", P1, "第二章 主要任务", P2]
