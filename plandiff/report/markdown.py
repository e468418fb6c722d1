"""The executive summary in Markdown, for a CI job summary.

Document text (titles, names, values) is escaped: HTML characters become entities and Markdown's
markup characters are backslash-escaped, so a title can neither open a tag nor a link, emphasis or a
table cell.
"""

from __future__ import annotations

import re

from .context import ReportContext

# Inline markup; characters that only matter at the start of a line (1. - +) never start one here.
_MARKUP = re.compile(r"([\\`*_\[\]#!|~])")


def escape_md(text: str) -> str:
    """Text that Markdown (and the HTML inside it) shows as written, on one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKUP.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


def render_summary_md(context: ReportContext) -> str:
    """The summary points and the targets that were raised or lowered."""
    w = context.words
    lines = [
        f"## {escape_md(context.title)}",
        "",
        f"*{w.kind_name} · {escape_md(context.run_date)}*",
        "",
        *(f"- **{escape_md(point.topic)}** {escape_md(point.text)}" for point in context.points),
        "",
        f"| 指标 | {escape_md(w.old)} | {escape_md(w.new)} | 变化 | 目标强度 |",
        "|---|---|---|---|---|",
    ]
    for row in context.targets:
        if row.changed and row.old and row.new:
            cells = [
                row.name,
                row.old.quantity.shown,
                row.new.quantity.shown,
                row.words,
                row.ambition_word,
            ]
            lines.append("| " + " | ".join(escape_md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
