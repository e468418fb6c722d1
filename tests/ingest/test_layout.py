"""Text extracted from a PDF (small fixtures written for the test): page lines and hard wraps are undone
without merging a heading into a paragraph or a table row into the next, and the body's end is kept."""

from __future__ import annotations

from pathlib import Path

from plandiff import ingest_file
from plandiff.ingest.layout import has_cell_gaps
from plandiff.model import DocumentMeta, SectionKind
from plandiff.pipeline import load_document

WIDTH = 30
PARAGRAPHS = [
    "“十四五”时期是极不平凡的五年，全市上下团结奋斗、锐意进取，经受住了各种风险挑战的严峻考验，经济社会发展取得新的重大成就。",
    "经济实力持续增强，地区生产总值连续迈上新台阶，年均增长百分之五以上，发展质量效益明显提升，产业结构持续优化升级。",
    "科技创新能力显著提升，全社会研发投入强度保持较高水平，一批关键核心技术取得突破，创新生态持续优化，人才队伍不断壮大。",
    "城乡区域发展更加协调，新型城镇化和乡村振兴扎实推进，基础设施网络更加完善，城市功能品质持续提升，生态环境明显改善。",
]


def wrapped(text: str) -> list[str]:
    return [text[i : i + WIDTH] for i in range(0, len(text), WIDTH)]


def pdf_text(parts: list[str]) -> str:
    """Hard-wrapped lines with a ``— N —`` page line after every 6 lines, as a PDF copy gives them."""
    out: list[str] = []
    for part in parts:
        for line in [part] if part.startswith(("第", "一、", "附表")) else wrapped(part):
            out.append(line)
            if len(out) % 7 == 6:
                out.append(f"— {len(out) // 7 + 1} —")
    return "\n".join(out) + "\n"


def outline(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(DocumentMeta(id="plan", path=str(path)))


def test_full_width_heading_is_not_merged_into_its_paragraph(tmp_path: Path) -> None:
    """A chapter title as wide as the text column, then its first paragraph, between page lines."""
    heading = "第一章 “十四五”时期重大成就为接续发展奠定了坚实基础"
    assert len(heading) >= 0.9 * WIDTH
    document = outline(tmp_path, pdf_text([*PARAGRAPHS[:2], heading, *PARAGRAPHS[2:], *PARAGRAPHS]))
    chapter = next(s for s in document.sections if s.kind is SectionKind.CHAPTER)
    assert chapter.title == "“十四五”时期重大成就为接续发展奠定了坚实基础"
    assert [text for _, text in chapter.paragraphs] == [*PARAGRAPHS[2:], *PARAGRAPHS]


def test_heading_wrapped_over_two_lines_between_page_lines_is_one_heading(tmp_path: Path) -> None:
    title = "坚持创新驱动发展全面塑造发展新优势加快建设具有全球影响力的科技创新中心"
    text = pdf_text([*PARAGRAPHS[:2], f"第一篇 {title}", *PARAGRAPHS[2:], *PARAGRAPHS])
    lines = text.split("\n")
    at = lines.index(f"第一篇 {title}")
    lines[at : at + 1] = [f"第一篇 {title[: WIDTH - 4]}", title[WIDTH - 4 :]]
    document = outline(tmp_path, "\n".join(lines))
    part = next(s for s in document.sections if s.kind is SectionKind.PART)
    assert part.title == title and part.line == at + 1
    assert [text for _, text in part.paragraphs] == [*PARAGRAPHS[2:], *PARAGRAPHS]


def test_table_rows_are_not_rejoined(tmp_path: Path) -> None:
    rows = [
        "类别 序号 指标 2025年 2030年目标 属性",
        "1 研发经费支出占比(%) 6左右 >6 预期性",
        "2 高价值发明专利拥有量(件) 180.7 240左右",
        "3 城乡建设用地规模(平方公里) <2760 约束性",
    ]
    assert all(len(row) <= WIDTH for row in rows)
    path = tmp_path / "table.txt"
    path.write_text(pdf_text(PARAGRAPHS) + "\n".join(rows) + "\n" + pdf_text(PARAGRAPHS), encoding="utf-8")
    texts = [line.text for line in ingest_file(path).lines]
    assert all(row in texts for row in rows)
    assert PARAGRAPHS[0] in texts and PARAGRAPHS[3] in texts


def test_cell_gaps_tell_rows_from_spaced_prose() -> None:
    assert has_cell_gaps("8 生产生活用水总量(亿立方米) 25.02 <30 约束性")
    assert has_cell_gaps("— >5 预期性")
    assert has_cell_gaps("序号 领域 重大工程")
    assert not has_cell_gaps("战略性新兴产业增加值占 GDP 比重超过 17%。")  # spaces a PDF puts around digits
    assert not has_cell_gaps("全面取消城区常住人口 300 万以下的城市落户限制，放宽 300 万至 500 万的")
    assert not has_cell_gaps("现 代 化 教 育 体 系 加 快 构 建")  # a letter-spaced justified line


def test_pieces_of_one_printed_line_rejoin(tmp_path: Path) -> None:
    """Extractors break a printed line where the font changes: at quotes, before a comma."""
    pieces = [
        *wrapped(PARAGRAPHS[0]),
        "首都功能持续优化提升。牢牢把握首都城市战略定位，",
        "“四个",
        "中心”功能不断增强，",
        "“四个服务”水平大幅提高。深入实施城市总",
        "体规划，中央政务功能布局和政务环境持续优化，首都发展",
        "成就举世瞩目，首都现代化建设取得新成就。",
        *wrapped(PARAGRAPHS[1]),
    ]
    path = tmp_path / "pieces.txt"
    path.write_text("\n".join(pieces) + "\n", encoding="utf-8")
    texts = [line.text for line in ingest_file(path).lines]
    assert (
        "首都功能持续优化提升。牢牢把握首都城市战略定位，“四个中心”功能不断增强，“四个服务”水平大幅提高。"
        "深入实施城市总体规划，中央政务功能布局和政务环境持续优化，首都发展成就举世瞩目，首都现代化建设取得新成就。"
    ) in texts
    assert PARAGRAPHS[0] in texts and PARAGRAPHS[1] in texts


def test_appendix_table_after_the_last_paragraph_is_kept(tmp_path: Path) -> None:
    tail = [
        "附表",
        "“十五五”时期重大工程包",
        "序号 领域 重大工程",
        "1",
        "产业升级",
        "新能源汽车、集成电路等5项工程",
    ]
    document = outline(tmp_path, pdf_text(PARAGRAPHS * 2) + "\n".join(tail) + "\n— 9 —\n")
    appendix = next(s for s in document.sections if s.kind is SectionKind.APPENDIX)
    assert (appendix.label, appendix.title) == ("附表", "“十五五”时期重大工程包")
    assert [text for _, text in appendix.paragraphs][-1] == "新能源汽车、集成电路等5项工程"


def test_download_link_after_an_attachment_word_stays_chrome(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "\n".join(
            [*PARAGRAPHS, "", "附件", "规划纲要全文.pdf 【下载附件】", "温馨提示：本站不保证下载资源的准确性"]
        )
        + "\n",
        encoding="utf-8",
    )
    texts = [line.text for line in ingest_file(path).lines]
    assert texts[-1] == PARAGRAPHS[-1]
