"""Render the HTML page and the PDF's HTML from the templates (jinja2, autoescape always on)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound

from ..errors import ReportError
from .context import ReportContext

TEMPLATE = "report.html.j2"
INDEX_TEMPLATE = "index.html.j2"


def render_html(context: ReportContext, templates: Path, *, mode: str) -> str:
    """The report as HTML; ``mode`` is "html" (a page with search and filters) or "pdf" (print layout)."""
    return _render(templates, TEMPLATE, mode=mode, r=context)


def render_index(entries: list[dict[str, Any]], templates: Path, *, run_date: str) -> str:
    """The index page linking every comparison's reports."""
    return _render(templates, INDEX_TEMPLATE, entries=entries, run_date=run_date)


def _render(templates: Path, name: str, **context: Any) -> str:
    environment = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    try:
        return environment.get_template(name).render(**context)
    except TemplateNotFound as exc:
        raise ReportError(
            f"{templates}: no template {exc.name} (copy report_templates/ to start from)"
        ) from exc
