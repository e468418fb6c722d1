"""Redlines inside an aligned pair: sentences aligned first, then characters, numbers kept whole.

1. Both texts are cut into sentences (。；！？ and line ends); each distinct sentence becomes one symbol and
   diff-match-patch aligns the symbol strings (``Diff_Timeout = 0``: results do not depend on machine
   speed).
2. In a run of deleted sentences facing a run of inserted ones, each sentence meets its most alike
   counterpart and the two are diffed character by character, with every
   number (and its unit and qualifier: ``超4000家``, ``4.5%``) as one symbol, so a changed target shows
   as ``[-4.5%-][+4.0%+]`` and never as ``[-4.-]5%``; small equalities between edits are folded in.
3. A sentence deleted here and inserted elsewhere in the pair is marked as moved, not as two changes.
With ``ignore_punctuation`` the comparison ignores punctuation and full/half-width differences.
"""

from __future__ import annotations

import re
import unicodedata

from diff_match_patch import diff_match_patch

from ..extract.quantity import QUANTITY
from ..model import ChangeType, TextChange, TextOp

_SENTENCE = re.compile(r"[^。；;！!？?\n]*[。；;！!？?]|[^。；;！!？?\n]+|\n")
_PUNCTUATION = re.compile(
    r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\"'“”‘’《》〈〉、，。；：？！（）,.;:?!()\-—…·]"
)
_PRIVATE = 0xE000
# Sentences sharing at least this share of their character bigrams are diffed character by character.
SENTENCE_MATCH = 0.3
# A text this similar, with no number edited, counts as a wording change (仅文字变化).
WORDING_ONLY_SIMILARITY = 0.95
_OPS = {-1: "delete", 0: "equal", 1: "insert"}


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    engine.Diff_EditCost = 4
    return engine


def redline(old: str, new: str, *, pair_index: int = 0, ignore_punctuation: bool = False) -> TextChange:
    """The redline of ``old`` against ``new`` with its counts and change type."""
    if not old and not new:
        return TextChange(pair_index, (), 0, 0, 1.0, ChangeType.UNCHANGED)
    key = _comparable if ignore_punctuation else (lambda s: s)
    old_sentences, new_sentences = _SENTENCE.findall(old), _SENTENCE.findall(new)
    ops: list[TextOp] = []
    for op, sentences in _sentence_diff(old_sentences, new_sentences, key):
        ops.extend(sentences if op == "pair" else [TextOp(op, "".join(sentences))])
    ops = _mark_moved(_merge(ops), key)
    inserted = sum(len(o.text) for o in ops if o.op == "insert" and not o.moved)
    deleted = sum(len(o.text) for o in ops if o.op == "delete" and not o.moved)
    total = len(old) + len(new)
    similarity = round(1 - (inserted + deleted) / total, 4) if total else 1.0
    if not old:
        change = ChangeType.ADDED
    elif not new:
        change = ChangeType.REMOVED
    elif inserted + deleted == 0:
        change = ChangeType.UNCHANGED
    elif similarity >= WORDING_ONLY_SIMILARITY and not any(
        o.op != "equal" and re.search(r"\d", o.text) for o in ops
    ):
        change = ChangeType.WORDING
    else:
        change = ChangeType.MODIFIED
    return TextChange(pair_index, tuple(ops), inserted, deleted, similarity, change)


def _comparable(text: str) -> str:
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text))


def _sentence_diff(old: list[str], new: list[str], key):
    """Yield (op, sentences) runs; a delete run facing an insert run yields ("pair", char-level ops)."""
    symbols: dict[str, str] = {}

    def encode(sentences: list[str]) -> str:
        return "".join(symbols.setdefault(key(s), chr(_PRIVATE + len(symbols))) for s in sentences)

    diffs = _engine().diff_main(encode(old), encode(new), False)
    i = j = 0
    pending_delete: list[str] = []
    for position, (op, symbols_text) in enumerate(diffs):
        count = len(symbols_text)
        if op == 0:
            yield "equal", new[j : j + count]
            i, j = i + count, j + count
        elif op == -1:
            pending_delete = old[i : i + count]
            i += count
            following = diffs[position + 1] if position + 1 < len(diffs) else None
            if following is None or following[0] != 1:
                yield "delete", pending_delete
        else:
            inserted = new[j : j + count]
            j += count
            previous = diffs[position - 1] if position else None
            if previous is not None and previous[0] == -1:
                yield "pair", _pair_sentences(pending_delete, inserted)
            else:
                yield "insert", inserted


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _pair_sentences(deleted: list[str], inserted: list[str]) -> list[TextOp]:
    """Diff facing runs sentence by sentence: each deleted sentence meets the most alike inserted one
    after the previous match (bigram overlap >= SENTENCE_MATCH); the rest are whole deletions/insertions."""
    ops: list[TextOp] = []
    j = 0
    grams = [_bigrams(s) for s in inserted]
    for sentence in deleted:
        own = _bigrams(sentence)
        best, best_score = None, SENTENCE_MATCH
        for k in range(j, len(inserted)):
            union = len(own | grams[k]) or 1
            score = len(own & grams[k]) / union
            if score >= best_score:
                best, best_score = k, score
        if best is None:
            ops.append(TextOp("delete", sentence))
            continue
        ops.extend(TextOp("insert", s) for s in inserted[j:best])
        ops.extend(_char_diff(sentence, inserted[best]))
        j = best + 1
    ops.extend(TextOp("insert", s) for s in inserted[j:])
    return ops


def _char_diff(old: str, new: str) -> list[TextOp]:
    tokens: dict[str, str] = {}
    reverse: dict[str, str] = {}

    def encode(text: str) -> str:
        def symbol(match: re.Match[str]) -> str:
            token = match.group(0)
            if not token or not re.search(r"\d", token):
                return token
            char = tokens.setdefault(token, chr(_PRIVATE + 0x1000 + len(tokens)))
            reverse[char] = token
            return char

        return QUANTITY.sub(symbol, text)

    engine = _engine()
    diffs = engine.diff_main(encode(old), encode(new), False)
    engine.diff_cleanupSemantic(diffs)
    engine.diff_cleanupEfficiency(diffs)
    return [TextOp(_OPS[op], "".join(reverse.get(c, c) for c in text)) for op, text in diffs if text]


def _merge(ops: list[TextOp]) -> list[TextOp]:
    merged: list[TextOp] = []
    for op in ops:
        if not op.text:
            continue
        if merged and merged[-1].op == op.op and not merged[-1].moved and not op.moved:
            merged[-1] = TextOp(op.op, merged[-1].text + op.text)
        else:
            merged.append(op)
    return merged


def _mark_moved(ops: list[TextOp], key) -> list[TextOp]:
    """Whole sentences deleted in one place and inserted in another are moves."""
    deleted = {key(s) for o in ops if o.op == "delete" for s in _SENTENCE.findall(o.text) if len(s) > 8}
    inserted = {key(s) for o in ops if o.op == "insert" for s in _SENTENCE.findall(o.text) if len(s) > 8}
    moved = deleted & inserted
    if not moved:
        return ops
    result: list[TextOp] = []
    for op in ops:
        if op.op == "equal":
            result.append(op)
            continue
        for sentence in _SENTENCE.findall(op.text) or [op.text]:
            result.append(TextOp(op.op, sentence, moved=key(sentence) in moved))
    return _merge(result)
