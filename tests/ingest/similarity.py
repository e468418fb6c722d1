"""Character similarity of two long texts, line-aligned first so that it stays fast on whole plans."""

from __future__ import annotations

from difflib import SequenceMatcher


def char_similarity(a_lines: list[str], b_lines: list[str]) -> float:
    """2 * matched characters / all characters, whitespace ignored; lines matched first, then characters."""
    a = [line.replace(" ", "").replace("\t", "") for line in a_lines if line.strip()]
    b = [line.replace(" ", "").replace("\t", "") for line in b_lines if line.strip()]
    matched = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            matched += sum(len(line) for line in a[i1:i2])
        else:
            left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
            if left and right:
                blocks = SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks()
                matched += sum(block.size for block in blocks)
    total = sum(map(len, a)) + sum(map(len, b))
    return 2 * matched / total if total else 1.0
