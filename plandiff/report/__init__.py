"""Report: a typed comparison -> comparison.json, report.html, report.pdf, report.xlsx, report.docx, summary.md.

``write_reports(comparison, out, options)`` is the public entry, next to ``pipeline.compare()``. Every
report is rendered from the comparison alone; nothing here reads a plan text. comparison.json is
``model.comparison_to_dict`` (the one place JSON is built). Each file is written atomically. The heavy
renderers (WeasyPrint, openpyxl, python-docx) are imported when their format is asked for, so commands
that write no report do not load them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Comparison, comparison_to_dict
from .context import report_context
from .files import write_atomic, write_json_atomic, write_text_atomic
from .html import render_html, render_index
from .markdown import render_summary_md
from .wording import KIND_NAMES

__all__ = [
    "FORMATS",
    "KIND_NAMES",
    "ReportOptions",
    "check_cjk_font",
    "render_index",
    "write_json_atomic",
    "write_reports",
    "write_text_atomic",
]

FORMATS = ("json", "html", "pdf", "xlsx", "docx", "md")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportOptions:
    """How to render a comparison's reports.

    :param title: the comparison's title (cover, headers, file properties).
    :param run_date: the date the reports show (ISO, e.g. ``2026-01-21``).
    :param templates: the folder of the HTML/PDF templates (a copy of ``report_templates/``).
    :param formats: which of FORMATS to write.
    """

    title: str
    run_date: str
    templates: Path
    formats: tuple[str, ...] = FORMATS


def check_cjk_font() -> None:
    """Raise ReportError unless a Simplified Chinese font is installed (the PDF needs one)."""
    from .pdf import check_cjk_font as check  # WeasyPrint loads only when a PDF is rendered

    check()


def write_reports(comparison: Comparison, out: Path, options: ReportOptions) -> list[Path]:
    """Write the comparison's reports into ``out``; return the paths written."""
    formats = options.formats
    context = report_context(
        comparison, title=options.title, run_date=options.run_date, side_by_side="html" in formats
    )
    written: list[Path] = []
    if "json" in formats:
        written.append(write_json_atomic(out / "comparison.json", comparison_to_dict(comparison)))
    if "html" in formats:
        page = render_html(context, options.templates, mode="html")
        written.append(write_text_atomic(out / "report.html", page))
    if "pdf" in formats:
        from .pdf import render_pdf

        pdf = render_pdf(render_html(context, options.templates, mode="pdf"), options.templates)
        written.append(write_atomic(out / "report.pdf", lambda stream: stream.write(pdf)))
    if "xlsx" in formats:
        from .xlsx import render_xlsx

        workbook = render_xlsx(context)
        written.append(write_atomic(out / "report.xlsx", lambda stream: stream.write(workbook)))
    if "docx" in formats:
        from .docx import render_docx

        document = render_docx(context)
        written.append(write_atomic(out / "report.docx", lambda stream: stream.write(document)))
    if "md" in formats:
        written.append(write_text_atomic(out / "summary.md", render_summary_md(context)))
    return written
