"""Write a seed's clean text in other formats, as real documents are found: DOCX, PDF, HTML, encodings.

Each builder takes the clean lines of the ``.txt`` ingest and writes a file the way an office suite, a
PDF printer or a CMS would: headings as Heading styles, the flattened indicator table as a real table,
running headers and page numbers on PDF pages, a page wrapped in menus, breadcrumbs and a footer.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import docx
import pypdfium2 as pdfium
from weasyprint import HTML

from plandiff.model import CleanText

_HEADING_LEVELS = (
    (re.compile(r"^第[一二三四五六七八九十]+篇"), 1),
    (re.compile(r"^第[一二三四五六七八九十]+章"), 2),
    (re.compile(r"^第[一二三四五六七八九十]+节"), 3),
)


def heading_level(text: str) -> int | None:
    """The Heading style a word processor would give this line."""
    for pattern, level in _HEADING_LEVELS:
        if pattern.match(text.strip()):
            return level
    return None


def blocks(clean: CleanText) -> list[tuple[str, list[str] | list[list[str]]]]:
    """The text as ("p", [line]) paragraphs and ("table", rows) for runs of tab-indented cells."""
    out: list[tuple[str, list]] = []
    rows: list[list[str]] = []
    row: list[str] = []
    for line in clean.lines:
        if line.text.startswith("\t"):
            row.append(line.text.strip())
            continue
        if row:
            rows.append(row)
            row = []
        if not line.text.strip():
            continue
        if rows:
            out.append(("table", rows))
            rows = []
        out.append(("p", [line.text.strip()]))
    if row:
        rows.append(row)
    if rows:
        out.append(("table", rows))
    return out


def write_docx(clean: CleanText, path: Path) -> Path:
    """A DOCX with Heading 1-3 styles for 篇/章/节 and the indicator table as a Word table."""
    document = docx.Document()
    for kind, content in blocks(clean):
        if kind == "table":
            width = max(len(r) for r in content)
            table = document.add_table(rows=0, cols=width)
            for cells in content:
                target = table.add_row().cells
                for i, cell in enumerate(cells):
                    target[i].text = cell
            continue
        text = content[0]
        level = heading_level(text)
        if level is None:
            document.add_paragraph(text)
        else:
            document.add_heading(text, level=level)
    document.save(str(path))
    return path


def page_html(clean: CleanText, *, chrome: bool, running_header: str = "") -> str:
    """The text as an HTML page; with ``chrome`` wrapped in a menu, a breadcrumb, share bar and footer."""
    body: list[str] = []
    for kind, content in blocks(clean):
        if kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>\n" for r in content
            )
            body.append(f"<table>\n{rows}</table>")
        else:
            text = html.escape(content[0])
            level = heading_level(content[0])
            body.append(f"<h{level + 1}>{text}</h{level + 1}>" if level else f"<p>{text}</p>")
    main = "\n".join(body)
    style = (
        "@page { size: A4; margin: 2cm; @top-center { content: '" + running_header + "'; font-size: 9pt }"
        " @bottom-center { content: '— ' counter(page) ' —' } }"
        " body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 11pt; }"
        " td { border: 1px solid #999; padding: 2px }"
    )
    if not chrome:
        return f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{style}</style></head><body>\n{main}\n</body></html>'
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政策文件</title>
<script>var tracker = "统计代码，不应出现在正文中";</script></head>
<body>
<div class="top-menu"><ul><li>首页</li><li>政务公开</li><li>政策解读</li><li>领导信箱</li></ul></div>
<div class="breadcrumb">首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="content">
<div class="article-body">
{main}
</div>
<div class="share-bar">分享到：微信 微博</div>
</div>
<footer><p>版权所有：某市人民政府办公室 电话：0512-57512345</p><p>苏ICP备05012345号</p></footer>
</body></html>
"""


def write_html(clean: CleanText, path: Path) -> Path:
    """A CMS page around the text."""
    path.write_text(page_html(clean, chrome=True), encoding="utf-8")
    return path


def write_pdf(clean: CleanText, path: Path, running_header: str) -> Path:
    """A PDF with a running header and ``— N —`` page numbers."""
    HTML(string=page_html(clean, chrome=False, running_header=running_header)).write_pdf(str(path))
    return path


def write_pdf_text(pdf_path: Path, path: Path) -> Path:
    """The PDF's text layer saved as plain text, pages separated by form feeds (as ``pdftotext`` writes)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))]
    finally:
        pdf.close()
    path.write_text("\f".join(pages), encoding="utf-8")
    return path


def write_wrapped_text(clean: CleanText, path: Path, running_header: str, width: int = 36) -> Path:
    """Plain text copied from a PDF viewer: paragraphs hard-wrapped at ``width`` characters, no blank lines,
    and every 40 lines a ``— N —`` page number and the running header."""
    out: list[str] = []
    for line in clean.lines:
        text = line.text.strip()
        if line.text.startswith("\t") or not text:
            out.append(line.text)  # table cells and the blank lines between table rows stay as they are
            continue
        for start in range(0, len(text), width):
            out.append(text[start : start + width])
            if len(out) % 40 == 0:
                out += [f"— {len(out) // 40} —", running_header]
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def write_encoded(source: Path, path: Path, encoding: str) -> Path:
    """The same text in another encoding (``utf-16`` writes a BOM, ``utf-16-le`` none)."""
    path.write_bytes(source.read_text(encoding="utf-8").encode(encoding))
    return path
