"""Report: a serialized comparison -> comparison.json, report.html, report.pdf, report.xlsx, summary.md.

Every report is rendered from the comparison's JSON alone (``model.comparison_to_dict``); nothing here
reads a plan text. Each file is written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .context import report_context
from .files import write_atomic, write_json_atomic, write_text_atomic
from .html import render_html, render_index
from .markdown import render_summary_md
from .pdf import check_cjk_font, render_pdf
from .xlsx import render_xlsx

__all__ = [
    "FORMATS",
    "check_cjk_font",
    "render_index",
    "write_json_atomic",
    "write_reports",
    "write_text_atomic",
]

FORMATS = ("json", "html", "pdf", "xlsx", "md")


def write_reports(
    payload: dict[str, Any],
    out: Path,
    templates: Path,
    *,
    title: str,
    kind: str,
    run_date: str,
    formats: tuple[str, ...] = FORMATS,
) -> list[Path]:
    """Write the comparison's reports into ``out``; return the paths written."""
    context = report_context(payload, title=title, kind=kind, run_date=run_date)
    written: list[Path] = []
    if "json" in formats:
        written.append(write_json_atomic(out / "comparison.json", payload))
    if "html" in formats:
        written.append(write_text_atomic(out / "report.html", render_html(context, templates, mode="html")))
    if "pdf" in formats:
        pdf = render_pdf(render_html(context, templates, mode="pdf"), templates)
        written.append(write_atomic(out / "report.pdf", lambda stream: stream.write(pdf)))
    if "xlsx" in formats:
        workbook = render_xlsx(context)
        written.append(write_atomic(out / "report.xlsx", lambda stream: stream.write(workbook)))
    if "md" in formats:
        written.append(write_text_atomic(out / "summary.md", render_summary_md(context)))
    return written
