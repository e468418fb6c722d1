"""Sentences of a document with their provenance, and MinHash fingerprints for finding reused text.

A *sentence* is a heading or a run of text ended by 。！？； (a plan's clauses end at ；, and a clause is what
a lower-level plan takes over). Its ``norm`` is the matching form without spaces, used for term counts; its
``key`` is the norm without punctuation, which near-verbatim reuse is judged on, so 、 for ， or a missing
quotation mark does not count as an edit. Sentences with a key shorter than MIN_REUSE_CHARS are kept (they
are text) but get no fingerprint: ``坚持党的全面领导。`` is common to every plan and says nothing about reuse.

A fingerprint is a MinHash signature of the key's character SHINGLE-grams (PERMUTATIONS values); two
sentences' signatures agree in a position with probability equal to the Jaccard similarity of their shingle
sets. LSH cuts a signature into BANDS bands of ROWS values: sentences agreeing in a whole band are candidates,
which catches a Jaccard similarity of 0.4 with probability 0.75 and of 0.5 with 0.93 (a clause of 17
characters taken into a sentence of 36 has about 0.4), and one of 0.2 with 0.16. All of it is vectorised with numpy, so a document's fingerprints cost milliseconds.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..ingest import matching_form
from ..model import Document, SectionKind

_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]*")
_SPACE = re.compile(r"\s+")
_CLAUSE = re.compile(r"[,，:：]")
_PUNCTUATION = re.compile(r"[\W_]+")
# Shingle length in characters: with 3, common words (现代化, 高质量) make unrelated sentences look alike;
# with 5, two edits in a 40-character sentence leave too few shared shingles. 4 was best on 003 ↔ 004.
SHINGLE = 4
PERMUTATIONS = 63
BANDS, ROWS = 21, 3
# Sentences shorter than this (key characters) are too generic to show reuse (``坚持党的全面领导``, 8).
MIN_REUSE_CHARS = 10
_SKIPPED = (SectionKind.TABLE, SectionKind.GLOSSARY)
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: its place (section id, source line), its display text, its matching form
    without spaces (``norm``) and that without punctuation (``key``: what reuse is judged on)."""

    index: int
    section: str
    line: int
    text: str
    norm: str
    key: str


def make_sentence(index: int, section: str, line: int, text: str, norm: str | None = None) -> Sentence:
    """A Sentence, its matching forms computed from the text unless ``norm`` is given."""
    norm = _SPACE.sub("", matching_form(text)) if norm is None else norm
    return Sentence(index, section, line, text, norm, _PUNCTUATION.sub("", norm))


def reuse_key(text: str) -> str:
    """The matching form without spaces and punctuation."""
    return _PUNCTUATION.sub("", _SPACE.sub("", matching_form(text)))


def document_sentences(document: Document) -> list[Sentence]:
    """Every heading and sentence of a document in order. Tables and the glossary are left out, and so is
    the title line (``X国民经济和社会发展第十五个五年规划纲要`` is worded alike in every plan: no reuse)."""
    found: list[Sentence] = []
    first = document.sections[0] if document.sections else None
    title_line = first.line if first and first.kind is SectionKind.PREAMBLE and not first.label else None
    for section in document.sections:
        if section.kind in _SKIPPED:
            continue
        pieces: list[tuple[int, str]] = []
        if section.title and not section.synthetic:
            pieces.append((section.line, section.title))
        pieces.extend(
            (line, part)
            for line, text in section.paragraphs
            if (line, text) != (section.line, section.title)  # a heading kept as its own paragraph
            for part in _split(text)
        )
        for line, text in pieces:
            if line == title_line:
                continue
            found_sentence = make_sentence(len(found), section.id, line, text.strip())
            if found_sentence.norm:
                found.append(found_sentence)
    return found


def reuse_items(sentence: Sentence) -> list[str]:
    """The keys a sentence is looked up by: its own, and each of its clauses (split at ，：) when it has
    several, so a clause taken into a longer sentence is found; keys under MIN_REUSE_CHARS are left out."""
    keys = [sentence.key]
    clauses = [_PUNCTUATION.sub("", c) for c in _CLAUSE.split(sentence.norm)]
    if len(clauses) > 1:
        keys.extend(clauses)
    return list(dict.fromkeys(k for k in keys if len(k) >= MIN_REUSE_CHARS))


def _split(text: str) -> Iterator[str]:
    return (m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip())


def digest(key: str) -> int:
    """A stable 63-bit hash of a key (same text, same digest, on every machine and run)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little") >> 1


def _coefficients() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Fixed odd multipliers and offsets of the PERMUTATIONS hash functions (a fixed seed: stable)."""
    generator = np.random.default_rng(20260118)
    a = generator.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = generator.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


_A, _B = _coefficients()


def signatures(keys: Sequence[str]) -> npt.NDArray[np.uint32]:
    """MinHash signatures (len(keys) x PERMUTATIONS) of the keys' SHINGLE-grams; a key shorter than
    MIN_REUSE_CHARS gets all ones (it never matches: callers skip it)."""
    result = np.full((len(keys), PERMUTATIONS), np.iinfo(np.uint32).max, dtype=np.uint32)
    usable = [n for n, key in enumerate(keys) if len(key) >= MIN_REUSE_CHARS]
    if not usable:
        return result
    joined = "".join(keys[n] for n in usable)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    lengths = np.array([len(keys[n]) for n in usable], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    grams = _gram_hashes(codes)
    # Each key has len - SHINGLE + 1 shingles; they start at the key's own offset.
    counts = lengths - SHINGLE + 1
    owners_start = np.concatenate(([0], np.cumsum(counts)[:-1]))
    positions = np.repeat(starts - owners_start, counts) + np.arange(int(counts.sum()))
    values = grams[positions]
    with np.errstate(over="ignore"):
        hashed = (values[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    minima = np.minimum.reduceat(hashed, owners_start, axis=0).astype(np.uint32)
    result[usable] = minima
    return result


def _gram_hashes(codes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """A 64-bit polynomial hash of every SHINGLE-gram of the code points (the last SHINGLE-1 are padding)."""
    hashed = np.zeros(len(codes), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(SHINGLE):
            shifted = np.zeros(len(codes), dtype=np.uint64)
            shifted[: len(codes) - offset] = codes[offset:]
            hashed = hashed * np.uint64(1_000_003) + shifted
        hashed ^= hashed >> np.uint64(29)
        hashed *= np.uint64(0xBF58476D1CE4E5B9)
        hashed ^= hashed >> np.uint64(32)
    return hashed & _MASK64


def band_keys(signature_rows: npt.NDArray[np.uint32]) -> npt.NDArray[np.int64]:
    """The LSH key of each band of each signature (rows x BANDS): equal keys, equal band (and band index)."""
    bands = signature_rows.reshape(len(signature_rows), BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        keys = np.zeros((len(signature_rows), BANDS), dtype=np.uint64)
        for row in range(ROWS):
            keys = keys * np.uint64(0x9E3779B97F4A7C15) + bands[:, :, row]
        keys = keys * np.uint64(0xBF58476D1CE4E5B9) + np.arange(BANDS, dtype=np.uint64)[None, :]
    return (keys >> np.uint64(1)).astype(np.int64)
