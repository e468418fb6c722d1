"""General rules on texts changed the way real files differ: a table of contents, wrapped headings,
the same text in other formats."""

from __future__ import annotations

from pathlib import Path

from plandiff.model import DocumentMeta, SectionKind
from plandiff.pipeline import load_document
from tests.conftest import seed_path


def outline_of(path: Path):
    return load_document(DocumentMeta(id=path.stem, path=str(path)))


def headings(document) -> list[tuple[str, str]]:
    return [
        (s.label, s.title or "")
        for s in document.sections
        if s.kind in (SectionKind.CHAPTER, SectionKind.SECTION)
    ]


def test_table_of_contents_is_not_taken_for_headings(tmp_path: Path) -> None:
    source = seed_path("001").read_text(encoding="utf-8")
    plain = outline_of(seed_path("001"))
    chapters = [
        f"{s.label} {s.title}" for s in plain.sections if s.kind is SectionKind.CHAPTER and not s.synthetic
    ]
    toc_dotted = "目 录\n\n" + "\n".join(f"{c}{'.' * 12}{n * 7}" for n, c in enumerate(chapters, 1)) + "\n\n"
    toc_plain = "目录\n" + "\n".join(chapters) + "\n\n"
    for name, toc in (("dotted", toc_dotted), ("plain", toc_plain)):
        path = tmp_path / f"{name}.txt"
        lines = source.split("\n")
        path.write_text("\n".join([*lines[:13], toc, *lines[13:]]), encoding="utf-8")
        document = outline_of(path)
        shift = toc.count("\n") + 1
        assert headings(document) == headings(plain), name
        first = next(s for s in document.sections if s.kind is SectionKind.CHAPTER)
        assert first.line == 19 + shift, name


def test_wrapped_heading_is_rejoined(tmp_path: Path) -> None:
    text = seed_path("003").read_text(encoding="utf-8")
    wrapped = text.replace("第三章 构筑“一超多强”现代化产业体系", "第三章 构筑“一超多强”\n现代化产业体系", 1)
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped, encoding="utf-8")
    chapter = next(s for s in outline_of(path).sections if s.label == "第三章")
    assert chapter.title == "构筑“一超多强”现代化产业体系" and chapter.line == 186


def test_heading_words_inside_a_sentence_are_not_headings(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(
        "第一章 总则\n\n按照第二章的要求推进各项工作，第三节所列任务全面落实。\n\n第二章 任务\n\n一、加快发展。推进建设。\n",
        encoding="utf-8",
    )
    labels = [s.label for s in outline_of(path).sections if s.kind is SectionKind.CHAPTER]
    assert labels == ["第一章", "第二章"]


def test_docx_outline_matches_text_outline(tmp_path: Path) -> None:
    from plandiff import ingest_file
    from tests.ingest import builders

    reference = outline_of(seed_path("003"))
    path = builders.write_docx(ingest_file(seed_path("003")), tmp_path / "003.docx")
    document = outline_of(path)
    explicit = [
        (s.label, s.title) for s in reference.sections if s.kind is SectionKind.CHAPTER and not s.synthetic
    ]
    assert [
        (s.label, s.title) for s in document.sections if s.kind is SectionKind.CHAPTER and not s.synthetic
    ] == explicit
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 25


def _run_on_items(continuation: str) -> str:
    items = []
    for n in range(1, 13):
        items.append(f"{n}.加快推进第{n}项任务。围绕重点领域持续用力，完善政策体系，推动工作落实见效。")
        if n in (4, 8):
            items.append(continuation)
    return "一、总体要求\n\n" + "\n\n".join(items) + "\n"


def test_lead_between_run_on_items_opens_a_lost_part(tmp_path: Path) -> None:
    path = tmp_path / "recommendations.txt"
    path.write_text(
        _run_on_items(
            "坚持创新驱动，实施产业强基工程，坚持智能化、绿色化、融合化方向，加快建设具有完整性、先进性、安全性的现代化产业体系，"
            "巩固壮大实体经济根基。"
        ),
        encoding="utf-8",
    )
    parts = [s for s in outline_of(path).sections if s.numbering == "a"]
    assert [(s.label, s.synthetic) for s in parts] == [("一、", False), ("二、", True), ("三、", True)]
    assert [p.title for p in parts[1:]] == ["坚持创新驱动"] * 2


def test_items_of_several_paragraphs_keep_them(tmp_path: Path) -> None:
    """Where most items run over several paragraphs, a paragraph between two items is the item's own."""
    path = tmp_path / "long_items.txt"
    text = _run_on_items("").replace("见效。", "见效。\n\n要健全工作机制，强化督促检查。")
    path.write_text(text, encoding="utf-8")
    document = outline_of(path)
    assert [s.label for s in document.sections if s.numbering == "a"] == ["一、"]
    assert len([s for s in document.sections if s.numbering == "n"]) == 12


def test_parts_written_as_bufen_hold_their_items(tmp_path: Path) -> None:
    """Many city plans and recommendations number their parts 第一部分, 第二部分 instead of 第一篇."""
    path = tmp_path / "bufen.txt"
    path.write_text(
        "第一部分 发展基础\n\n过去五年，全市经济总量迈上新台阶。\n\n第二部分 总体要求\n\n一、指导思想\n\n坚持以人民为中心。\n\n"
        "二、主要目标\n\n到2030年，地区生产总值达到8000亿元。\n\n第三部分 重点任务\n\n一、建设现代产业体系\n\n"
        "（一）做强制造业。推进智能制造。\n",
        encoding="utf-8",
    )
    document = outline_of(path)
    parts = [s for s in document.sections if s.kind is SectionKind.PART]
    assert [s.label for s in parts] == ["第一部分", "第二部分", "第三部分"]
    items = [s for s in document.sections if s.label == "一、"]
    assert [document.section(s.parent).label for s in items] == ["第二部分", "第三部分"]
