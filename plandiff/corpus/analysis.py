"""One document's share of a corpus run: ingest, parse and extract, reduced to what the corpus needs.

``analyse_document`` is a plain function of a file and the settings (no store, no global state), so it runs
the same in this process, in a worker process or as a Dask task on another machine. Its result holds plain
values and numpy arrays only: metadata, target rows, sentences, the reuse index (each lookup key's digest,
the sentence it belongs to, its LSH band keys) and the quoted terms.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..align.fingerprints import Sentence, band_keys, digest, document_sentences, reuse_items, signatures
from ..extract import extract_indicators
from ..model import DocumentMeta, indicator_to_dict, meta_to_dict
from ..pipeline import load_document
from ..settings import Settings

# What plans put in quotation marks: programme names and new terms (“人工智能+”, “低空经济”).
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,12})[”\"]")


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the corpus keeps of one document (see the module docstring)."""

    document_id: str
    content_hash: str
    meta: dict[str, Any]
    indicators: list[dict[str, Any]]
    sentences: list[tuple[int, str, int, str, str, str]]  # index, section, line, text, norm, key
    chars: int  # key characters (text without spaces and punctuation)
    digests: npt.NDArray[np.int64]
    owners: npt.NDArray[np.int32]
    bands: npt.NDArray[np.uint32]
    quoted: dict[str, int]


def content_hash(path: str | Path) -> str:
    """The SHA-256 of a file's bytes: a document is analysed again only when it changes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def analyse_document(meta: DocumentMeta, settings: Settings) -> Analysis:
    """Ingest, parse and extract one document and index its sentences for reuse."""
    document = load_document(meta, settings)
    sentences = document_sentences(document)
    digests, owners, bands = reuse_index(sentences)
    rows = []
    for indicator in extract_indicators(document):
        row = indicator_to_dict(indicator)
        row.update(low=indicator.quantity.low, high=indicator.quantity.high, source=indicator.source)
        rows.append(row)
    return Analysis(
        document_id=meta.id,
        content_hash=content_hash(meta.path),
        meta=meta_to_dict(document.meta),
        indicators=rows,
        sentences=[(s.index, s.section, s.line, s.text, s.norm, s.key) for s in sentences],
        chars=sum(len(s.key) for s in sentences),
        digests=digests,
        owners=owners,
        bands=bands,
        quoted=dict(Counter(m.group(1) for s in sentences for m in _QUOTED.finditer(s.norm))),
    )


def reuse_index(
    sentences: list[Sentence],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32], npt.NDArray[np.uint32]]:
    """Each lookup key's digest, the index of its sentence, and its LSH band keys (32 bits are enough:
    a chance collision only adds a candidate that the exact check drops)."""
    keys: list[str] = []
    owners: list[int] = []
    for sentence in sentences:
        for key in reuse_items(sentence):
            keys.append(key)
            owners.append(sentence.index)
    digests = np.array([digest(k) for k in keys], dtype=np.int64)
    bands = band_keys(signatures(keys)).astype(np.uint32) if keys else np.zeros((0, 0), dtype=np.uint32)
    return digests, np.array(owners, dtype=np.int32), bands
