"""The section map: how the parts (篇, or the top-level 章 / 一、) of one side feed the parts of the other.

One box per part on each side, as tall as the pairs it takes part in; a band between two parts as wide
as the pairs that join them, coloured by the relation most of them have; the unmatched sections of a part
as a grey foot of its box. A plan has 8–15 parts however many sections it has, so the map reads the same
at 20 pairs and at 200; the pair-by-pair detail is in the section table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Relation, SectionPair, SectionRef

MAP_HEIGHT = 640  # SVG units for the tallest side
BOX_WIDTH = 190
GAP = 4  # between boxes
MAP_WIDTH = 560
TITLE_CHARS = 11  # characters of a part title shown in its box (with its counts: about 20 fit)
MIN_BOX = 14  # a part with one pair still shows its title
BAND_COLOURS = {
    Relation.SAME: "#1f4e79",
    Relation.MOVED: "#e69500",
    Relation.SPLIT: "#6a9fd4",
    Relation.MERGED: "#6a9fd4",
}


@dataclass(frozen=True, slots=True)
class PartBox:
    """One part of one side: where it is drawn, its title and its counts."""

    x: float
    y: float
    height: float
    title: str
    pairs: int
    unmatched: int
    unmatched_height: float


@dataclass(frozen=True, slots=True)
class Band:
    """The pairs that join one old part to one new part."""

    path: str
    colour: str
    count: int
    label_x: float
    label_y: float


@dataclass(frozen=True, slots=True)
class SectionMap:
    """Everything the template draws."""

    width: int
    height: float
    old: list[PartBox]
    new: list[PartBox]
    bands: list[Band]
    box_width: int


def part_of(ref: SectionRef) -> tuple[str, str]:
    """The part a unit sits in: (document, part title, or the first step of its id)."""
    return ref.document, ref.part or ref.id.split("/")[0]


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


def section_map(pairs: tuple[SectionPair, ...]) -> SectionMap:
    """The geometry of the part-level map of these pairs."""
    order: dict[str, dict[tuple[str, str], int]] = {"old": {}, "new": {}}
    weight: dict[str, Counter[tuple[str, str]]] = {"old": Counter(), "new": Counter()}
    alone: dict[str, Counter[tuple[str, str]]] = {"old": Counter(), "new": Counter()}
    links: dict[tuple[tuple[str, str], tuple[str, str]], Counter[Relation]] = {}
    for pair in pairs:
        for side in ("old", "new"):
            ref = getattr(pair, side)
            if ref is not None:
                part = part_of(ref)
                order[side].setdefault(part, len(order[side]))
                weight[side][part] += 1
                if pair.old is None or pair.new is None:
                    alone[side][part] += 1
        if pair.old and pair.new:
            links.setdefault((part_of(pair.old), part_of(pair.new)), Counter())[pair.relation] += 1
    boxes: dict[str, dict[tuple[str, str], PartBox]] = {}
    for side, x in (("old", 0.0), ("new", float(MAP_WIDTH - BOX_WIDTH))):
        parts = list(order[side])
        total = sum(weight[side].values()) or 1
        scale = (MAP_HEIGHT - GAP * max(0, len(parts) - 1)) / total
        y, placed = 0.0, {}
        for part in parts:
            height = max(MIN_BOX, weight[side][part] * scale)
            unmatched = alone[side][part]
            placed[part] = PartBox(
                x, y, height, _short(part[1]), weight[side][part], unmatched, unmatched * scale
            )
            y += height + GAP
        boxes[side] = placed
    bands = _bands(links, boxes)
    height = max([b.y + b.height for side in boxes.values() for b in side.values()], default=MIN_BOX)
    return SectionMap(
        MAP_WIDTH,
        round(height, 1),
        list(boxes["old"].values()),
        list(boxes["new"].values()),
        bands,
        BOX_WIDTH,
    )


def _bands(
    links: dict[tuple[tuple[str, str], tuple[str, str]], Counter[Relation]],
    boxes: dict[str, dict[tuple[str, str], PartBox]],
) -> list[Band]:
    """Bands stacked inside each box in the other side's order, so they cross as little as they can."""
    old_index = {part: n for n, part in enumerate(boxes["old"])}
    new_index = {part: n for n, part in enumerate(boxes["new"])}
    used = {side: Counter[tuple[str, str]]() for side in ("old", "new")}

    def slot(side: str, part: tuple[str, str], count: int) -> tuple[float, float]:
        box = boxes[side][part]
        matched = box.pairs - box.unmatched
        share = (box.height - box.unmatched_height) / matched if matched else 0.0
        top = box.y + used[side][part] * share
        used[side][part] += count
        return top, top + count * share

    spans: dict[tuple[tuple[str, str], tuple[str, str]], list[float]] = {}
    for key in sorted(links, key=lambda k: (old_index[k[0]], new_index[k[1]])):
        spans[key] = list(slot("old", key[0], sum(links[key].values())))
    for key in sorted(links, key=lambda k: (new_index[k[1]], old_index[k[0]])):
        spans[key] += slot("new", key[1], sum(links[key].values()))
    x1, x2 = float(BOX_WIDTH), float(MAP_WIDTH - BOX_WIDTH)
    middle = (x1 + x2) / 2
    bands = []
    for key, (a_top, a_bottom, b_top, b_bottom) in spans.items():
        relations = links[key]
        path = (
            f"M{x1:.1f},{a_top:.1f} C{middle:.1f},{a_top:.1f} {middle:.1f},{b_top:.1f} {x2:.1f},{b_top:.1f} "
            f"L{x2:.1f},{b_bottom:.1f} C{middle:.1f},{b_bottom:.1f} {middle:.1f},{a_bottom:.1f} "
            f"{x1:.1f},{a_bottom:.1f} Z"
        )
        count = sum(relations.values())
        bands.append(
            Band(
                path,
                BAND_COLOURS[relations.most_common(1)[0][0]],
                count,
                x1 + 4,
                (a_top + a_bottom) / 2 + 3,
            )
        )
    return bands
