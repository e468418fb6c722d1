"""Corpus charts as SVG: per headline indicator its distribution and ranking across places; a heat map of
topic adoption.

matplotlib is imported only here, when charts are drawn. Text stays text (``svg.fonttype: none``: drawing
every CJK glyph as a path cost a second per chart), escaped by matplotlib, so document text never becomes
SVG markup; the font stack names a Simplified Chinese font first. The SVG carries no date and fixed ids: the same data give the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

CJK_FONTS = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "DejaVu Sans",
]
MAX_RANKED = 40
MAX_HEATMAP_DOCUMENTS = 60


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "font.sans-serif": CJK_FONTS,
            "font.family": "sans-serif",
            "svg.fonttype": "none",
            "svg.hashsalt": "plandiff",
            "axes.unicode_minus": False,
        }
    )
    return plt


def _svg(figure: Any) -> bytes:
    stream = io.BytesIO()
    figure.savefig(stream, format="svg", metadata={"Date": None})
    figure.clear()
    return stream.getvalue()


def labels(rows: pd.DataFrame) -> list[str]:
    """A label per row: the place, with the document where one place has several."""
    places = rows.place.fillna("").astype(str)
    repeated = places.duplicated(keep=False) | (places == "")
    return [
        f"{place} ({document})" if twice or not place else place
        for place, document, twice in zip(places, rows.document, repeated, strict=True)
    ]


def headline_chart(indicator: str, unit: str, rows: pd.DataFrame) -> bytes:
    """Distribution (histogram) and ranking (bars, highest first) of one indicator's target values."""
    plt = _pyplot()
    ranked = rows.sort_values("value", ascending=False, kind="stable").head(MAX_RANKED)
    height = 2.2 + 0.28 * len(ranked)
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(11, height), gridspec_kw={"width_ratios": [1, 1.6]}, layout="constrained"
    )
    left.hist(rows.value, bins=min(12, max(3, len(rows) // 2)), color="#4C78A8")
    left.set_xlabel(f"{indicator}（{unit}）" if unit else indicator)
    left.set_ylabel("文件数")
    left.set_title("分布")
    names = labels(ranked)
    right.barh(range(len(ranked)), ranked.value, color="#F58518")
    right.set_yticks(range(len(ranked)), names)
    right.invert_yaxis()
    right.set_title("排序")
    for position, (value, text) in enumerate(zip(ranked.value, ranked.value_text, strict=True)):
        right.annotate(
            str(text), (value, position), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8
        )
    figure.suptitle(indicator)
    svg = _svg(figure)
    plt.close(figure)
    return svg


def adoption_heatmap(table: pd.DataFrame) -> bytes:
    """Documents (rows) × terms (columns), coloured by uses per 10,000 characters."""
    plt = _pyplot()
    matrix = table.pivot_table(index="document", columns="term", values="per_10k", aggfunc="sum").fillna(0)
    matrix = matrix.loc[matrix.sum(axis=1).sort_values(ascending=False).index[:MAX_HEATMAP_DOCUMENTS]]
    terms = list(dict.fromkeys(table.term))
    matrix = matrix.reindex(columns=[t for t in terms if t in matrix.columns])
    figure, axes = plt.subplots(
        figsize=(3 + 0.5 * len(matrix.columns), 2.5 + 0.28 * len(matrix)), layout="constrained"
    )
    image = axes.imshow(matrix.to_numpy(), aspect="auto", cmap="YlOrRd")
    axes.set_xticks(range(len(matrix.columns)), list(matrix.columns), rotation=60, ha="right")
    places = table.drop_duplicates("document").set_index("document").place.reindex(matrix.index)
    axes.set_yticks(range(len(matrix)), [f"{p} ({d})" if p else str(d) for d, p in places.fillna("").items()])
    figure.colorbar(image, ax=axes, label="每万字出现次数")
    axes.set_title("术语采用")
    svg = _svg(figure)
    plt.close(figure)
    return svg
