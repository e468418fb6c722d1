"""Lines whose cells are separated by spaces: the rows of a table in a PDF's text, not prose to rejoin.

A row such as ``2 每万人口高价值发明专利拥有量(件) 180.7 240左右 预期性`` runs to the full width of the page
without ending a sentence, exactly like a wrapped prose line; what sets it apart is its cells: after the
first one, at least two standalone values (``180.7``, ``>46.5∗``, ``【350左右】``), dashes (``—``) or
attributes (``预期性``), and none of the punctuation prose has (，、。；：).
"""

from __future__ import annotations

import re
import unicodedata

_VALUE_CELL = re.compile(
    r"^(?:[<>≤≥~]|不低于|不高于)?[【［〔\[]?\d[\d.,/\-—–～~%]*(?:左右|以上|以下|以内)?[】］〕\]]?[∗*]?$"
    r"|^[—–\-]+$|^(?:预期性|约束性|指导性)$"
)
_PROSE_PUNCTUATION = re.compile(r"[，、。；：,;]")
# A row has at least this many value, dash or attribute cells after its first cell.
MIN_VALUE_CELLS = 2


def is_spaced_row(text: str) -> bool:
    """Whether a line is a table row with space-separated cells."""
    form = unicodedata.normalize("NFKC", text)
    if _PROSE_PUNCTUATION.search(form):
        return False
    cells = form.split()
    return sum(1 for cell in cells[1:] if _VALUE_CELL.match(cell)) >= MIN_VALUE_CELLS
