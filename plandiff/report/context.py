"""What the templates show, computed from the serialized comparison alone (never from the texts).

Builds the cover, the executive summary, the targets table with formatted deltas and ambition arrows,
the section map geometry (an SVG drawn by the template), the redlines of changed pairs and the
appendices of added and removed sections.
"""

from __future__ import annotations

from collections import Counter
from itertools import zip_longest
from typing import Any

from ..model import Shift

ARROWS = {"up": "↑", "down": "↓", "same": "→", "not-comparable": "≈"}
AMBITION_WORDS = {"up": "提高", "down": "降低", "same": "持平", "not-comparable": "不可比"}
RELATION_WORDS = {
    "same": "对应",
    "moved": "移位",
    "split": "拆分",
    "merged": "合并",
    "added": "新增",
    "removed": "删除",
}
KIND_WORDS = {"version": "版本对比", "hierarchy": "上下级对比", "peer": "同级对比"}
# Targets table order: changes first, then what cannot be compared, what stayed, new, dropped.
_TARGET_ORDER = {"up": 0, "down": 0, "not-comparable": 1, "same": 2, "new": 3, "dropped": 4}
MAP_ROW = 14  # SVG pixels per unit in the section map
CONTEXT = 40  # unchanged characters shown either side of an edit
TOP_TERMS = 8
# The PDF lists this many terms of each shift (new, dropped, rising, falling); the workbook and the HTML
# page list them all.
PDF_TERMS_PER_SHIFT = 12
# Below this similarity a pair was rewritten, not revised: a character redline would only show
# everything deleted and everything inserted, so reports list such pairs instead of printing them.
REDLINE_MIN_SIMILARITY = 0.3


def report_context(payload: dict[str, Any], *, title: str, kind: str, run_date: str) -> dict[str, Any]:
    """The template context of one comparison."""
    sections = payload["sections"]
    texts = {t["pair"]: dict(t, ops=condense(t["ops"])) for t in payload["texts"]}
    pairs = [dict(p, index=n, text=texts.get(n)) for n, p in enumerate(sections)]
    matched = [p for p in pairs if p["old"] and p["new"]]
    changed = [p for p in matched if p["text"] and p["text"]["change_type"] == "修改"]
    quiet = Counter(
        p["text"]["change_type"] for p in matched if p["text"] and p["text"]["change_type"] != "修改"
    )
    targets = [_target_row(p) for p in payload["indicators"]]
    ambition = Counter(row["ambition"] for row in targets if row["paired"])
    terms = payload["terms"]
    return {
        "title": title,
        "kind": KIND_WORDS.get(kind, kind),
        "run_date": run_date,
        "old_documents": payload["old"],
        "new_documents": payload["new"],
        "summary": {
            "paired": len(matched),
            "added": sum(1 for p in pairs if p["new"] and not p["old"]),
            "removed": sum(1 for p in pairs if p["old"] and not p["new"]),
            "changed": len(changed),
            "quiet": dict(quiet),
            "targets_up": ambition["up"],
            "targets_down": ambition["down"],
            "targets_same": ambition["same"],
            "targets_not_comparable": ambition["not-comparable"],
            "targets_new": sum(1 for row in targets if row["new"] and not row["old"]),
            "targets_dropped": sum(1 for row in targets if row["old"] and not row["new"]),
            "new_terms": [t["term"] for t in terms if t["shift"] == "new"][:TOP_TERMS],
            "dropped_terms": [t["term"] for t in terms if t["shift"] == "dropped"][:TOP_TERMS],
            "rising_terms": [t["term"] for t in terms if t["shift"] == "rising"][:TOP_TERMS],
        },
        "targets": sorted(targets, key=lambda r: (_TARGET_ORDER.get(r["ambition"], 9), r["sort_line"])),
        "pairs": matched,
        "changed": [p for p in changed if p["text"]["similarity"] >= REDLINE_MIN_SIMILARITY],
        "rewritten": [p for p in changed if p["text"]["similarity"] < REDLINE_MIN_SIMILARITY],
        "added": [p for p in pairs if p["new"] and not p["old"]],
        "removed": [p for p in pairs if p["old"] and not p["new"]],
        "terms": terms,
        "term_columns": _term_columns(terms),
        "section_map": section_map(sections),
        "relation_words": RELATION_WORDS,
        "pdf_terms_per_shift": PDF_TERMS_PER_SHIFT,
    }


def _term_columns(terms: list[dict[str, Any]]) -> list[tuple[dict[str, Any] | None, ...]]:
    """Rows of (new, dropped, rising, falling) terms, PDF_TERMS_PER_SHIFT rows at most: the PDF's term table."""
    columns = [[t for t in terms if t["shift"] == shift][:PDF_TERMS_PER_SHIFT] for shift in Shift]
    return list(zip_longest(*columns))


def condense(ops: list[list[Any]]) -> list[list[Any]]:
    """Shorten long unchanged runs to CONTEXT characters either side of the edits, as a 修订对照表 does."""
    result: list[list[Any]] = []
    for position, (op, text, moved) in enumerate(ops):
        if op != "equal" or len(text) <= 3 * CONTEXT:
            result.append([op, text, moved])
            continue
        head = text[:CONTEXT] if position > 0 else ""
        tail = text[-CONTEXT:] if position < len(ops) - 1 else ""
        result.append([op, f"{head}……{tail}", moved])
    return result


def _target_row(pair: dict[str, Any]) -> dict[str, Any]:
    old, new, change = pair["old"], pair["new"], pair["change"]
    ambition = change["ambition"] if change else ("new" if new else "dropped")
    return {
        "old": old,
        "new": new,
        "paired": bool(old and new),
        "name": (new or old)["name"],
        "delta": format_delta(change),
        "ambition": ambition,
        "arrow": ARROWS.get(ambition, ""),
        "ambition_word": AMBITION_WORDS.get(ambition, "新增" if ambition == "new" else "删除"),
        "attribute": (new or old).get("attribute") or "",
        "attribute_change": (change or {}).get("attribute_change", ""),
        "qualifier_change": (change or {}).get("qualifier_change", ""),
        "sort_line": (new or old)["line"],
    }


def format_delta(change: dict[str, Any] | None) -> str:
    """Δ as a reader writes it: ``-1.0 个百分点``, ``+25.0%``, or empty when not comparable."""
    if not change or change["delta"] is None:
        return ""
    delta = change["delta"]
    if change["delta_unit"] == "百分点":
        return f"{delta:+g} 个百分点"
    if change["delta_unit"] == "relative":
        return f"{delta * 100:+.1f}%"
    return f"{delta:+g}"


def section_map(sections: list[dict[str, Any]]) -> dict[str, Any]:
    """Geometry of the alignment chart: old units left, new units right, a line per pair."""
    old_order: dict[tuple[str, str], int] = {}
    new_order: dict[tuple[str, str], int] = {}
    for pair in sections:
        for side, order in (("old", old_order), ("new", new_order)):
            ref = pair[side]
            if ref is not None:
                order.setdefault((ref["document"], ref["id"]), len(order))
    lines = [
        {
            "y1": old_order[(p["old"]["document"], p["old"]["id"])] * MAP_ROW + MAP_ROW / 2,
            "y2": new_order[(p["new"]["document"], p["new"]["id"])] * MAP_ROW + MAP_ROW / 2,
            "relation": p["relation"],
            "width": round(0.5 + 3 * min(1.0, p["score"] * 3), 2),
        }
        for p in sections
        if p["old"] and p["new"]
    ]
    boxes = {"old": [], "new": []}
    for side, order in (("old", old_order), ("new", new_order)):
        alone = {
            (p[side]["document"], p[side]["id"]) for p in sections if p[side] and not (p["old"] and p["new"])
        }
        titles = {
            (p[side]["document"], p[side]["id"]): p[side]["title"] or p[side]["id"]
            for p in sections
            if p[side]
        }
        for key, row in order.items():
            boxes[side].append({"y": row * MAP_ROW, "title": titles[key][:18], "alone": key in alone})
    return {
        "height": max(len(old_order), len(new_order), 1) * MAP_ROW,
        "lines": lines,
        "boxes": boxes,
        "row": MAP_ROW,
    }
