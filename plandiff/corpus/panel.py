"""The target panel: every target of every document as one long table, and a wide view place × indicator.

Long: one row per stated value (place, level, period, kind, document, indicator, name as written, value,
low, high, unit, qualifier, year, role, attribute, value text, table or prose, section, line). ``indicator``
is ``align.names.panel_name``, the same for one indicator in every place. Wide: one row per document
(labelled by place, period and kind), one column per indicator stated by at least MIN_WIDE_DOCUMENTS
documents (at most MAX_WIDE_COLUMNS, the most widely stated first), holding the target value of the plan
period's end (a table row before prose restating it): a number, or the words of a text target. Values are in
the unit each document writes (the long view has it). Headline indicators (``headlines``) are those with a
number in the most documents, each in its most common unit, for the charts.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..align.names import panel_name
from .store import Store

if TYPE_CHECKING:
    import pandas as pd

LONG_COLUMNS = (
    "place", "level", "period", "kind", "document", "indicator", "name", "value", "low", "high", "unit",
    "qualifier", "value_kind", "year", "role", "attribute", "value_text", "source", "section", "line",
)  # fmt: skip
WIDE_INDEX = ("place", "period", "kind", "document")
MIN_WIDE_DOCUMENTS = 2
MAX_WIDE_COLUMNS = 200
HEADLINE_COUNT = 8
MIN_HEADLINE_VALUES = 3


def long_panel(store: Store) -> pd.DataFrame:
    """Every indicator row of every analysed document, with its document's metadata."""
    import pandas as pd

    meta = store.query("SELECT document_id, meta FROM analyses")
    documents = pd.DataFrame(
        [
            {
                "document": row.document_id,
                **{key: json.loads(row.meta).get(key) for key in ("place", "level", "period", "kind")},
            }
            for row in meta.itertuples()
        ],
        columns=["document", "place", "level", "period", "kind"],
    )
    rows = store.query("SELECT * FROM targets").rename(
        columns={"document_id": "document", "kind": "value_kind"}
    )
    rows["indicator"] = [panel_name(name) for name in rows["name"]]
    panel = rows.merge(documents, on="document", how="left")
    panel["period"] = panel["period"].astype("Int64")
    panel["year"] = panel["year"].astype("Int64")
    panel["line"] = panel["line"].astype("Int64")
    order = panel.sort_values(["place", "period", "document", "line"], na_position="last", kind="stable")
    return order[list(LONG_COLUMNS)].reset_index(drop=True)


def _targets(panel: pd.DataFrame) -> pd.DataFrame:
    """One target per document and indicator: table rows first, then the first in the text; ``cell`` is
    the number, or the text of a text target (与经济增长同步, 完成国家下达任务)."""
    targets = panel[(panel.role == "target") & (panel.value.notna() | panel.value_text.notna())].copy()
    targets["cell"] = targets.value.astype(object).where(targets.value.notna(), targets.value_text)
    targets["_table"] = (targets.source != "table").astype(int)
    targets = targets.sort_values(["document", "indicator", "_table", "line"], kind="stable")
    return targets.drop_duplicates(["document", "indicator"]).drop(columns="_table")


def wide_panel(panel: pd.DataFrame) -> pd.DataFrame:
    """Documents × indicators: the target values, numbers as numbers (see the module docstring)."""
    targets = _targets(panel)
    spread = targets.groupby("indicator").document.nunique().sort_values(ascending=False, kind="stable")
    documents = panel.document.nunique()
    keep = spread[spread >= min(MIN_WIDE_DOCUMENTS, documents)].index[:MAX_WIDE_COLUMNS]
    chosen = targets[targets.indicator.isin(keep)].copy()
    for column in ("place", "kind"):
        chosen[column] = chosen[column].fillna("")
    chosen["period"] = chosen["period"].fillna(0)
    wide = chosen.set_index([*WIDE_INDEX, "indicator"]).cell.unstack("indicator")
    return wide.reindex(columns=list(keep)).reset_index()


def headlines(panel: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(indicator, unit, rows) of the HEADLINE_COUNT indicators with a target number in most documents."""
    targets = _targets(panel)
    targets = targets[targets.value.notna()]
    spread = targets.groupby("indicator").document.nunique()
    widest = spread[spread >= MIN_HEADLINE_VALUES].sort_values(ascending=False).index[: 4 * HEADLINE_COUNT]
    found = []
    for indicator, rows in targets[targets.indicator.isin(widest)].groupby("indicator", sort=False):
        unit = rows.unit.fillna("").mode().iloc[0]
        same_unit = rows[rows.unit.fillna("") == unit]
        if same_unit.document.nunique() >= MIN_HEADLINE_VALUES:
            found.append((str(indicator), str(unit), same_unit))
    found.sort(key=lambda item: (-item[2].document.nunique(), item[0]))
    return found[:HEADLINE_COUNT]
