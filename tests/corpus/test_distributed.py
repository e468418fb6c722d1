"""The same corpus run on a Dask LocalCluster of several worker processes gives the same results."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from plandiff.corpus.build import Corpus, build_corpus
from tests.corpus.fixtures import write_corpus


@pytest.fixture(scope="module")
def cluster_client():  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=3, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_run_equals_single_process_run(
    tmp_path: Path, small_corpus: tuple[Corpus, Path], cluster_client: object
) -> None:
    local, _ = small_corpus
    inputs = write_corpus(tmp_path / "inputs")
    remote = build_corpus(inputs, store=tmp_path / "dask.duckdb", terms=local.terms, dask=cluster_client)
    assert len(cluster_client.scheduler_info()["workers"]) == 3  # type: ignore[attr-defined]
    assert remote.analysed == local.analysed
    for name in ("panel", "wide", "reuse", "shares", "adoption"):
        pd.testing.assert_frame_equal(getattr(remote, name), getattr(local, name), check_dtype=False)
    assert len(remote.reuse) > 0
