"""The executive summary in Markdown, for a CI job summary."""

from __future__ import annotations

from typing import Any


def render_summary_md(context: dict[str, Any]) -> str:
    """Headline counts and the targets whose ambition changed."""
    s = context["summary"]
    lines = [
        f"## {context['title']}",
        "",
        f"*{context['kind']} · {context['run_date']}*",
        "",
        f"- 章节：对应 {s['paired']} 组（内容修改 {s['changed']}），新增 {s['added']}，删除 {s['removed']}",
        f"- 指标：提高 {s['targets_up']}，降低 {s['targets_down']}，持平 {s['targets_same']}，"
        f"不可比 {s['targets_not_comparable']}，新增 {s['targets_new']}，删除 {s['targets_dropped']}",
        f"- 新出现的术语：{'、'.join(s['new_terms']) or '无'}",
        f"- 不再出现的术语：{'、'.join(s['dropped_terms']) or '无'}",
        "",
        "| 指标 | 修订前 | 修订后 | 变化 | 目标强度 |",
        "|---|---|---|---|---|",
    ]
    for row in context["targets"]:
        if row["paired"] and row["ambition"] != "same":
            cells = [
                row["name"],
                row["old"]["value_text"],
                row["new"]["value_text"],
                row["delta"],
                f"{row['arrow']} {row['ambition_word']}",
            ]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
