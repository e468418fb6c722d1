"""Round trips: a seed written as DOCX, PDF, HTML, GB18030 and UTF-16 ingests to the same body text,
and the line map of every format points back to the right place in the file it was given."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from plandiff import ingest_file
from plandiff.extract import extract_indicators
from plandiff.model import CleanText, Document, DocumentMeta, SectionKind
from plandiff.pipeline import load_document
from tests.conftest import seed_path
from tests.ingest import builders
from tests.ingest.similarity import char_similarity

MIN_SIMILARITY = 0.99
STRUCTURAL = (SectionKind.PART, SectionKind.CHAPTER, SectionKind.SECTION)
SAMPLED_LINES = 40


def body(clean: CleanText) -> list[str]:
    return [line.text for line in clean.lines]


@pytest.fixture(scope="module", params=["001", "003"])
def seed(request: pytest.FixtureRequest) -> tuple[str, CleanText]:
    return request.param, ingest_file(seed_path(request.param))


def sampled(clean: CleanText) -> list:
    lines = [line for line in clean.lines if len(line.text.strip()) >= 4]
    return random.Random(7).sample(lines, min(SAMPLED_LINES, len(lines)))


def report(name: str, similarity: float) -> None:
    print(f"\nround trip {name}: character similarity {similarity:.4f}")


def assert_same_body(name: str, reference: CleanText, clean: CleanText) -> None:
    similarity = char_similarity(body(reference), body(clean))
    report(name, similarity)
    assert similarity >= MIN_SIMILARITY


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_roundtrip_encodings(seed: tuple[str, CleanText], encoding: str, tmp_path: Path) -> None:
    number, reference = seed
    path = builders.write_encoded(seed_path(number), tmp_path / f"{number}.txt", encoding)
    clean = ingest_file(path)
    similarity = char_similarity(body(reference), body(clean))
    report(f"{number} {encoding}", similarity)
    assert similarity == 1.0
    assert [line.line for line in clean.lines] == [line.line for line in reference.lines]


def test_roundtrip_docx(seed: tuple[str, CleanText], tmp_path: Path) -> None:
    number, reference = seed
    path = builders.write_docx(reference, tmp_path / f"{number}.docx")
    clean = ingest_file(path)
    assert_same_body(f"{number} docx", reference, clean)
    # Line numbers of a DOCX are body positions: paragraphs and table rows in order.
    document = docx.Document(str(path))
    positions: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            positions.append("".join(child.itertext()))
        elif child.tag.endswith("}tbl"):
            positions.extend("".join(tr.itertext()) for tr in child.iter() if tr.tag.endswith("}tr"))
    for line in sampled(clean):  # a table row's line is its row: its first cell is there
        assert line.text.strip().split("\t")[0] in positions[line.line - 1], line
    headings = [line for line in clean.lines if line.heading_level is not None]
    assert headings and all(builders.heading_level(line.text) == line.heading_level for line in headings)


def test_roundtrip_html(seed: tuple[str, CleanText], tmp_path: Path) -> None:
    number, reference = seed
    path = builders.write_html(reference, tmp_path / f"{number}.html")
    clean = ingest_file(path)
    assert_same_body(f"{number} html", reference, clean)
    for chrome in ("领导信箱", "分享到", "版权所有", "ICP", "统计代码", "规划计划"):
        assert chrome not in reference.text  # the words only the page's chrome has
        assert chrome not in clean.text
    source_lines = path.read_text(encoding="utf-8").split("\n")
    for line in sampled(clean):  # a table row's line is its <tr>: its first cell is there
        assert line.text.strip().split("\t")[0][:10] in source_lines[line.line - 1], line


def pdf_of(seed: tuple[str, CleanText], folder: Path) -> tuple[Path, str]:
    """The seed printed to PDF with a running header and page numbers, and that header."""
    number, reference = seed
    header = "苏州市吴江区十四五规划" if number == "001" else "昆山市十五五规划纲要"
    return builders.write_pdf(reference, folder / f"{number}.pdf", running_header=header), header


def assert_same_body_without_furniture(
    name: str, reference: CleanText, clean: CleanText, header: str
) -> None:
    assert_same_body(name, reference, clean)
    assert all(header not in line.text for line in clean.lines), "running header survived"
    assert all(not line.text.strip().startswith("— ") for line in clean.lines), "page number survived"


def test_roundtrip_pdf(seed: tuple[str, CleanText], tmp_path: Path) -> None:
    path, header = pdf_of(seed, tmp_path)
    clean = ingest_file(path)
    assert_same_body_without_furniture(f"{seed[0]} pdf", seed[1], clean, header)
    pdf = pdfium.PdfDocument(str(path))
    pages = [
        pdf[i].get_textpage().get_text_range().replace("\r\n", "\n").split("\n") for i in range(len(pdf))
    ]
    for line in sampled(clean):
        assert line.page is not None
        first_piece = pages[line.page - 1][line.line - 1].strip()
        assert first_piece and line.text.startswith(first_piece), line


def test_roundtrip_pdf_text(seed: tuple[str, CleanText], tmp_path: Path) -> None:
    """The PDF's text layer saved as .txt (form feeds between pages): the same body, no page furniture,
    and each joined line starts on the source line it names."""
    pdf_path, header = pdf_of(seed, tmp_path)
    path = builders.write_pdf_text(pdf_path, tmp_path / f"{seed[0]}.txt")
    clean = ingest_file(path)
    assert_same_body_without_furniture(f"{seed[0]} pdf text", seed[1], clean, header)
    source_lines = path.read_text(encoding="utf-8").split("\n")
    for line in sampled(clean):
        first_piece = source_lines[line.line - 1].split("\f")[-1].strip()
        assert first_piece and line.text.strip().startswith(first_piece[:10]), line


def test_hard_wrapped_text_reads_as_the_original(seed: tuple[str, CleanText], tmp_path: Path) -> None:
    """Text copied from a PDF viewer, wrapped at 36 characters with page numbers and a running header:
    paragraphs joined again, so the headings and the targets are those of the original. (Headings the
    original lost are recovered from its indentation, which such a copy does not keep.)"""
    number, reference = seed
    path = builders.write_wrapped_text(
        reference, tmp_path / f"{number}.txt", running_header="规划纲要（草案）"
    )
    original = load_document(DocumentMeta(id="original", path=str(seed_path(number))))
    wrapped = load_document(DocumentMeta(id="wrapped", path=str(path)))
    assert headings(wrapped) == headings(original)
    expected = Counter((i.name, i.quantity.value) for i in extract_indicators(original))
    found = Counter((i.name, i.quantity.value) for i in extract_indicators(wrapped))
    recall = sum((expected & found).values()) / sum(expected.values())
    precision = sum((expected & found).values()) / sum(found.values())
    print(f"\nhard-wrapped {number}: targets recall {recall:.3f} precision {precision:.3f}")
    assert recall >= 0.97 and precision >= 0.97


def headings(document: Document) -> list[tuple[str, str | None]]:
    return [(s.label, s.title) for s in document.sections if s.kind in STRUCTURAL and not s.synthetic]


def test_text_with_a_paragraph_per_line_is_left_as_it_is() -> None:
    for number in ("000", "002", "003", "004"):
        source = seed_path(number).read_text(encoding="utf-8").split("\n")
        clean = ingest_file(seed_path(number))
        assert all(line.line == line.end_line for line in clean.lines), number
        assert all(line.text.strip() in source[line.line - 1] for line in clean.lines[:50]), number


def test_html_keeps_heading_hints(tmp_path: Path) -> None:
    reference = ingest_file(seed_path("003"))
    clean = ingest_file(builders.write_html(reference, tmp_path / "003.html"))
    levels = {line.text.strip(): line.heading_level for line in clean.lines if line.heading_level}
    assert levels.get("第二篇 打造创新引领的“智造之城”") == 2  # <h2> for a 篇
