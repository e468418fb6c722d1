"""Arbitrary input through ingest -> parse -> extract -> compare: a result or a clean PlandiffError, never
another exception. PLANDIFF_FUZZ_CASES sets the number of cases (long mode: 10000)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandiff.errors import PlandiffError
from plandiff.extract import extract_indicators
from plandiff.model import DocumentMeta
from plandiff.pipeline import compare, load_document
from tests.conftest import seed_path

CASES = int(os.environ.get("PLANDIFF_FUZZ_CASES", "150"))
SEED_TEXT = seed_path("003").read_text(encoding="utf-8") + seed_path("000").read_text(encoding="utf-8")
PLAN_CHARACTERS = (
    "第一二三四五六七八九十章节篇、（）()一是1.2.%亿万元以上左右超突破力争，。；：\n\t 专栏表图名词解释"
)

fragments = st.builds(
    lambda start, length: SEED_TEXT[start : start + length],
    st.integers(0, len(SEED_TEXT)),
    st.integers(0, 3000),
)
plan_like = st.text(alphabet=st.sampled_from(PLAN_CHARACTERS + "0123456789"), max_size=600)
texts = st.one_of(fragments, plan_like, st.text(max_size=400), st.lists(fragments, max_size=4).map("\n".join))
encodings = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"])


def encoded(text: str, encoding: str, cut: int | None) -> bytes:
    data = text.encode(encoding, errors="ignore")
    return data[:cut] if cut is not None else data


payloads = st.one_of(
    st.builds(encoded, texts, encodings, st.none() | st.integers(0, 4000)),
    st.binary(max_size=3000),
    st.builds(lambda t: f"<html><body><nav>首页</nav><p>{t}</p></body></html>".encode(), texts),
)


@settings(max_examples=CASES, deadline=None, suppress_health_check=list(HealthCheck))
@given(payloads, st.sampled_from([".txt", ".txt", ".html", ".docx", ".pdf", ".md"]))
def test_any_input_gives_a_result_or_a_clean_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            document = load_document(DocumentMeta(id="fuzz", path=str(path)))
            extract_indicators(document)
            compare([document], [document])
        except PlandiffError as exc:
            assert str(path) in str(exc) or "fuzz" in str(exc), exc
