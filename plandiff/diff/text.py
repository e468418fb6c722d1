"""Redlines inside an aligned pair: sentences aligned first, then characters, numbers kept whole.

1. Both texts are cut into sentences (。；！？ and line ends); each distinct sentence becomes one symbol and
   diff-match-patch aligns the symbol strings (``Diff_Timeout = 0``: results do not depend on machine
   speed).
2. In a run of deleted sentences facing a run of inserted ones, each sentence meets its most alike
   counterpart and the two are diffed character by character, with every
   number (and its unit and qualifier: ``超4000家``, ``4.5%``) as one symbol, so a changed target shows
   as ``[-4.5%-][+4.0%+]`` and never as ``[-4.-]5%``; small equalities between edits are folded in.
3. A sentence deleted here and inserted elsewhere in the pair is marked as moved, not as two changes.
The redline is made of the texts' own characters (display text: ``，`` stays ``，``, ``２０２５`` stays
``２０２５``), so every side can be quoted as written; patterns (numbers) and similarity are computed on
the matching form (``ingest.matching_form``). With ``ignore_punctuation`` two pieces are equal when their
matching forms less punctuation are, and each side still shows its own characters: a difference of
punctuation or width alone is a deletion facing an insertion that counts zero characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

from ..extract.quantity import QUANTITY
from ..ingest import matching_form
from ..model import ChangeType, TextChange, TextOp

_SENTENCE = re.compile(r"[^。；;！!？?\n]*[。；;！!？?]|[^。；;！!？?\n]+|\n")
_PUNCTUATION = re.compile(
    r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\"'“”‘’《》〈〉、，。；：？！（）,.;:?!()\-—…·]"
)
_DIGIT = re.compile(r"\d")
_PRIVATE = 0xE000
# Sentences sharing at least this share of their character bigrams are diffed character by character.
SENTENCE_MATCH = 0.3
# A text this similar, with no number edited, counts as a wording change (仅文字变化).
WORDING_ONLY_SIMILARITY = 0.95
_OPS = {-1: "delete", 0: "equal", 1: "insert"}
BIGRAM_CACHE = 65536  # sentences; a plan has 2,000-5,000
Key = Callable[[str], str]


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    engine.Diff_EditCost = 4
    return engine


def redline(old: str, new: str, *, pair_index: int = 0, ignore_punctuation: bool = False) -> TextChange:
    """The redline of ``old`` against ``new`` (display text) with its counts and change type."""
    if not old and not new:
        return TextChange(pair_index, (), 0, 0, 1.0, ChangeType.UNCHANGED)
    key: Key = comparable if ignore_punctuation else _same
    old_sentences, new_sentences = _SENTENCE.findall(old), _SENTENCE.findall(new)
    ops: list[TextOp] = []
    for run in _sentence_diff(old_sentences, new_sentences, key):
        ops.extend(run)
    ops = _mark_moved(_merge(ops), key)
    inserted, deleted = _edit_size(ops, key)
    total = len(key(old)) + len(key(new))
    similarity = round(1 - (inserted + deleted) / total, 4) if total else 1.0
    if not old:
        change = ChangeType.ADDED
    elif not new:
        change = ChangeType.REMOVED
    elif inserted + deleted == 0:
        change = ChangeType.UNCHANGED
    elif similarity >= WORDING_ONLY_SIMILARITY and not any(
        o.op != "equal" and _DIGIT.search(o.text) for o in ops
    ):
        change = ChangeType.WORDING
    else:
        change = ChangeType.MODIFIED
    return TextChange(pair_index, tuple(ops), inserted, deleted, similarity, change)


def _edit_size(ops: list[TextOp], key: Key) -> tuple[int, int]:
    """Characters inserted and deleted (moves excluded), counted on the key form: in a run of edits,
    what both sides share at its ends (a punctuation or width difference when it is ignored) is no edit."""
    inserted = deleted = 0
    run: list[TextOp] = []
    for op in [*ops, TextOp("equal", "")]:
        if op.op != "equal" and not op.moved:
            run.append(op)
            continue
        old = key("".join(o.text for o in run if o.op == "delete"))
        new = key("".join(o.text for o in run if o.op == "insert"))
        shared = 0
        while shared < min(len(old), len(new)) and old[shared] == new[shared]:
            shared += 1
        old, new = old[shared:], new[shared:]
        while old and new and old[-1] == new[-1]:
            old, new = old[:-1], new[:-1]
        inserted, deleted, run = inserted + len(new), deleted + len(old), []
    return inserted, deleted


def comparable(text: str) -> str:
    """The matching form less punctuation and spaces: what ``ignore_punctuation`` compares."""
    return _PUNCTUATION.sub("", matching_form(text))


def _same(text: str) -> str:
    return text


def _sentence_diff(old: list[str], new: list[str], key: Key) -> Iterator[list[TextOp]]:
    """Yield runs of ops sentence by sentence; a delete run facing an insert run, and equal sentences that
    differ in display (``ignore_punctuation``), are diffed character by character."""
    symbols: dict[str, str] = {}

    def encode(sentences: list[str]) -> str:
        return "".join(symbols.setdefault(key(s), chr(_PRIVATE + len(symbols))) for s in sentences)

    diffs = _engine().diff_main(encode(old), encode(new), False)
    i = j = 0
    pending_delete: list[str] = []
    for position, (op, symbols_text) in enumerate(diffs):
        count = len(symbols_text)
        if op == 0:
            for a, b in zip(old[i : i + count], new[j : j + count], strict=True):
                yield [TextOp("equal", b)] if a == b else _char_diff(a, b, key)
            i, j = i + count, j + count
        elif op == -1:
            pending_delete = old[i : i + count]
            i += count
            following = diffs[position + 1] if position + 1 < len(diffs) else None
            if following is None or following[0] != 1:
                yield [TextOp("delete", "".join(pending_delete))]
        else:
            inserted = new[j : j + count]
            j += count
            previous = diffs[position - 1] if position else None
            if previous is not None and previous[0] == -1:
                yield _pair_sentences(pending_delete, inserted, key)
            else:
                yield [TextOp("insert", "".join(inserted))]


@lru_cache(maxsize=BIGRAM_CACHE)
def _bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a sentence's matching form (cached: a section merged with many others
    meets each of them with the same sentences)."""
    form = matching_form(text)
    return frozenset(form[i : i + 2] for i in range(len(form) - 1))


def _pair_sentences(deleted: list[str], inserted: list[str], key: Key) -> list[TextOp]:
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
        ops.extend(_char_diff(sentence, inserted[best], key))
        j = best + 1
    ops.extend(TextOp("insert", s) for s in inserted[j:])
    return ops


def _tokens(text: str) -> list[str]:
    """The text cut into single characters, except that each number with its unit and qualifier
    (found on the matching form, so ``４.５％`` counts as ``4.5%``) is one token."""
    form, origin = [], []
    for index, char in enumerate(text):
        piece = unicodedata.normalize("NFKC", char)
        form.append(piece)
        origin.extend([index] * len(piece))
    flat = "".join(form)
    origin.append(len(text))
    tokens: list[str] = []
    position = 0
    for match in QUANTITY.finditer(flat):
        if not match.group(0) or not _DIGIT.search(match.group(0)):
            continue
        start, end = origin[match.start()], origin[match.end()]
        if start < position:
            continue
        tokens.extend(text[position:start])
        tokens.append(text[start:end])
        position = end
    tokens.extend(text[position:])
    return tokens


def _char_diff(old: str, new: str, key: Key) -> list[TextOp]:
    """Character-level ops of two sentences, numbers whole; tokens whose key is empty (punctuation when
    punctuation is ignored) are left out of the diff and put back where they stood on each side."""
    symbols: dict[str, str] = {}
    old_tokens, new_tokens = _tokens(old), _tokens(new)

    def encode(tokens: list[str]) -> tuple[str, list[int]]:
        kept = [n for n, token in enumerate(tokens) if key(token)]
        return "".join(symbols.setdefault(key(tokens[n]), chr(_PRIVATE + len(symbols))) for n in kept), kept

    old_code, old_kept = encode(old_tokens)
    new_code, new_kept = encode(new_tokens)
    engine = _engine()
    diffs = engine.diff_main(old_code, new_code, False)
    engine.diff_cleanupSemantic(diffs)
    engine.diff_cleanupEfficiency(diffs)
    ops: list[TextOp] = []
    i = j = 0  # positions in old_kept / new_kept
    last_old = last_new = 0  # next token not yet emitted on each side

    def take(tokens: list[str], start: int, end: int) -> str:
        return "".join(tokens[start:end])

    for op, code in diffs:
        for _ in code:
            if op == 0:
                old_at, new_at = old_kept[i], new_kept[j]
                ops.extend(_gap(take(old_tokens, last_old, old_at), take(new_tokens, last_new, new_at)))
                ops.extend(_gap(old_tokens[old_at], new_tokens[new_at]))
                last_old, last_new, i, j = old_at + 1, new_at + 1, i + 1, j + 1
            elif op == -1:
                old_at = old_kept[i]
                ops.append(TextOp("delete", take(old_tokens, last_old, old_at + 1)))
                last_old, i = old_at + 1, i + 1
            else:
                new_at = new_kept[j]
                ops.append(TextOp("insert", take(new_tokens, last_new, new_at + 1)))
                last_new, j = new_at + 1, j + 1
    ops.extend(_gap(take(old_tokens, last_old, len(old_tokens)), take(new_tokens, last_new, len(new_tokens))))
    return _merge([o for o in ops if o.text])


def _gap(old: str, new: str) -> list[TextOp]:
    """What stands between two matched tokens on each side: equal when alike, else deleted and inserted."""
    return [TextOp("equal", new)] if old == new else [TextOp("delete", old), TextOp("insert", new)]


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


def _mark_moved(ops: list[TextOp], key: Key) -> list[TextOp]:
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
