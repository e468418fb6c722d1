"""Where a corpus run does its work: worker processes on this machine, or a Dask cluster.

A ``Runner`` has two jobs: analyse documents (``analysis.analyse_document``, one task each) and find the
LSH buckets of the reuse search. ``LocalRunner`` uses a process pool and a sort; ``DaskRunner`` submits
the same function as ``dask.distributed`` tasks and finds the buckets with a Dask DataFrame shuffle on the
band key (rows with one key meet in one partition, where they are grouped). Both return the same
buckets, so a run gives the same results on either (``tests/corpus/test_distributed.py``).

The workers read the input files by their paths: on a cluster of several machines the inputs must sit on a
shared file system at the same path. Dask moves tasks and results between processes with pickle, so the
cluster must be one you trust (as for any Dask use); nothing pickled is ever stored.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from ..align.reuse import buckets
from ..errors import ConfigError, PlandiffError
from ..model import DocumentMeta
from ..settings import Settings
from .analysis import Analysis, analyse_document

if TYPE_CHECKING:
    import pandas as pd

Outcome = tuple[DocumentMeta, Analysis | None, str]  # the document, its analysis or None, the reason


class Runner(Protocol):
    """Runs the corpus work somewhere (see the module docstring)."""

    def analyse(self, metas: Sequence[DocumentMeta], settings: Settings) -> Iterator[Outcome]:
        """Each document's analysis (or why it failed), in the order they finish."""
        ...

    def buckets(self, keys_by_band: npt.NDArray[np.int64]) -> list[tuple[int, ...]]:
        """The LSH buckets of two or more items, as ``align.reuse.buckets`` returns them."""
        ...

    def close(self) -> None:
        """Let go of the workers."""
        ...


def analyse_safely(meta: DocumentMeta, settings: Settings) -> Outcome:
    """One document's analysis; a bad input is reported with its reason instead of stopping the run."""
    try:
        return meta, analyse_document(meta, settings), ""
    except PlandiffError as exc:
        return meta, None, str(exc)


class LocalRunner:
    """Worker processes on this machine (one per core), or this process alone for a single document."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1

    def analyse(self, metas: Sequence[DocumentMeta], settings: Settings) -> Iterator[Outcome]:
        """See ``Runner.analyse``."""
        if len(metas) <= 1 or self.workers == 1:
            yield from (analyse_safely(meta, settings) for meta in metas)
            return
        with ProcessPoolExecutor(max_workers=min(self.workers, len(metas))) as pool:
            futures = [pool.submit(analyse_safely, meta, settings) for meta in metas]
            for future in as_completed(futures):
                yield future.result()

    def buckets(self, keys_by_band: npt.NDArray[np.int64]) -> list[tuple[int, ...]]:
        """See ``Runner.buckets``."""
        return buckets(keys_by_band)

    def close(self) -> None:
        """Nothing to let go of."""


class DaskRunner:
    """A ``dask.distributed`` cluster at an address (``tcp://host:8786``), or a Client already made."""

    def __init__(self, address: str | Any) -> None:
        from distributed import Client

        if isinstance(address, str):
            try:
                self.client = Client(address, timeout="20s")  # type: ignore[no-untyped-call]
            except OSError as exc:
                raise ConfigError(f"--dask {address}: no Dask scheduler answers there ({exc})") from exc
            self._own = True
        else:
            self.client, self._own = address, False

    def analyse(self, metas: Sequence[DocumentMeta], settings: Settings) -> Iterator[Outcome]:
        """See ``Runner.analyse``: one Dask task per document."""
        from distributed import as_completed as completed

        futures = self.client.map(analyse_safely, list(metas), settings=settings, pure=False)
        for future in completed(futures):  # type: ignore[no-untyped-call]
            yield future.result()

    def buckets(self, keys_by_band: npt.NDArray[np.int64]) -> list[tuple[int, ...]]:
        """See ``Runner.buckets``: a Dask DataFrame shuffle on the band key, grouped per partition."""
        import dask.dataframe as dd
        import pandas as pd

        rows, bands = keys_by_band.shape
        if rows == 0:
            return []
        frame = pd.DataFrame({"key": keys_by_band.reshape(-1), "item": np.repeat(np.arange(rows), bands)})
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        parts = max(1, min(4 * workers, len(frame) // 10_000 + 1))
        spread = dd.from_pandas(frame, npartitions=parts)  # type: ignore[no-untyped-call]
        grouped = spread.shuffle("key").map_partitions(
            _partition_buckets, meta=pd.DataFrame({"members": pd.Series([], dtype=object)})
        )
        found = {tuple(members) for members in grouped.compute().members}
        return sorted(found)

    def close(self) -> None:
        """Close the client if this runner made it."""
        if self._own:
            self.client.close()  # type: ignore[no-untyped-call]


def _partition_buckets(partition: pd.DataFrame) -> pd.DataFrame:
    """The buckets of one partition: every key's distinct items, where there are two or more."""
    import pandas as pd

    groups = partition.groupby("key").item.agg(lambda items: tuple(sorted(set(int(i) for i in items))))
    return pd.DataFrame({"members": [g for g in groups if len(g) > 1]}, dtype=object)


def runner_for(dask: str | Any | None) -> Runner:
    """A DaskRunner for an address or Client, else a LocalRunner."""
    return DaskRunner(dask) if dask else LocalRunner()
