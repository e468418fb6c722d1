"""Topic adoption: which documents use each term, how often per 10,000 characters, first period seen.

Terms are counted in the matching form of every sentence (``sentences.norm`` in the store), by DuckDB in
one pass for all terms. Without a term list, the corpus's new terms are used: what documents of the latest
period put in quotation marks (“低空经济”, “人工智能+”) that no document of an earlier period does,
the most widely used first (at most DEFAULT_TERMS). A corpus of one period gives its most widely quoted
terms.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..ingest import matching_form
from .store import Store

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_TERMS = 20
# The name of a plan period (“十五五”) is quoted by every plan of it: not a topic.
_PERIOD_NAME = re.compile(r"^[一二三四五六七八九十]+五$")
PER_CHARS = 10_000


def new_terms(store: Store, limit: int = DEFAULT_TERMS) -> list[str]:
    """Quoted terms of the latest period's documents that no earlier document quotes, most used first."""
    frame = store.query(
        "SELECT q.document_id, q.term, q.count, a.meta FROM quoted_terms q JOIN analyses a USING (document_id)"
    )
    if frame.empty:
        return []
    frame["period"] = [json.loads(meta).get("period") for meta in frame.meta]
    periods = sorted({int(p) for p in frame.period.dropna()})
    latest = frame[frame.period == periods[-1]] if periods else frame
    earlier = set(frame[frame.period < periods[-1]].term) if len(periods) > 1 else set()
    fresh = latest[~latest.term.isin(earlier) & ~latest.term.str.match(_PERIOD_NAME.pattern)]
    spread = fresh.groupby("term").agg(documents=("document_id", "nunique"), uses=("count", "sum"))
    spread = spread.reset_index().sort_values(["documents", "uses", "term"], ascending=[False, False, True])
    return [str(term) for term in spread.term[:limit]]


def adoption(store: Store, terms: Sequence[str]) -> pd.DataFrame:
    """One row per document and term it uses: count, rate per 10,000 characters, and the term's first period."""
    import pandas as pd

    documents = store.query("SELECT document_id, meta, chars FROM analyses ORDER BY document_id")
    periods = {row.document_id: json.loads(row.meta).get("period") for row in documents.itertuples()}
    places = {row.document_id: json.loads(row.meta).get("place") for row in documents.itertuples()}
    chars = dict(zip(documents.document_id, documents.chars, strict=True))
    forms = {term: matching_form(term).replace(" ", "") for term in dict.fromkeys(terms)}
    forms = {term: form for term, form in forms.items() if form}
    counts = store.query(
        "SELECT t.term, s.document_id, sum((length(s.norm) - length(replace(s.norm, t.form, ''))) "
        "// length(t.form)) AS n FROM sentences s, (SELECT unnest(?) AS term, unnest(?) AS form) t "
        "WHERE contains(s.norm, t.form) GROUP BY t.term, s.document_id ORDER BY s.document_id",
        [list(forms), list(forms.values())],
    )
    rows = []
    for term in forms:
        mine = counts[counts.term == term]
        seen = [periods[d] for d in mine.document_id if periods.get(d) is not None]
        first = min(seen) if seen else None
        for row in mine.itertuples():
            rows.append(
                {
                    "term": term,
                    "document": row.document_id,
                    "place": places.get(row.document_id),
                    "period": periods.get(row.document_id),
                    "count": int(row.n),
                    "per_10k": round(int(row.n) * PER_CHARS / max(1, int(chars[row.document_id])), 2),
                    "first_period": first,
                }
            )
    frame = pd.DataFrame(
        rows, columns=["term", "document", "place", "period", "count", "per_10k", "first_period"]
    )
    frame["period"] = frame["period"].astype("Int64")
    frame["first_period"] = frame["first_period"].astype("Int64")
    return frame
