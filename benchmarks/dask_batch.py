"""Batch throughput on Dask: reports per second with 1 and 2 workers, against
``finreport check --jobs 2`` on the same folder.

    python benchmarks/dask_batch.py [--count 10000] [--workers 1 2] [--keep DIR]

Generates the folder as ``benchmarks/batch.py`` does (varied copies of two reports), then
for each worker count starts a ``LocalCluster`` (one thread per worker process), runs
:func:`finreport.dask.audit_paths` and writes both Parquet tables, timed from the call to
the last file written (cluster start-up apart, and printed apart).  It prints reports per
second, the tasks (partitions) and the peak memory of each worker process; then times
``python -m finreport check --quiet --jobs 2`` on the folder.  Needs the dask extra.
Figures go in docs/performance.md; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import dask
import distributed

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import generate, time_check

from finreport.dask import audit_paths, parquet_schemas


def _peak_rss() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run(folder: Path, workers: int, output: Path) -> None:
    start = time.perf_counter()
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                       processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    started = time.perf_counter() - start
    try:
        begin = time.perf_counter()
        summaries, findings = audit_paths(str(folder))
        summary_schema, finding_schema = parquet_schemas()
        dask.compute(
            summaries.to_parquet(output / f"summary-{workers}.parquet", write_index=False,
                                 schema=summary_schema, compute=False),
            findings.to_parquet(output / f"findings-{workers}.parquet", write_index=False,
                                schema=finding_schema, compute=False))
        seconds = time.perf_counter() - begin
        peaks = client.run(_peak_rss)
    finally:
        client.close()
        cluster.close()
    count = sum(1 for _ in folder.rglob("*.txt"))
    memory = ", ".join(f"{rss / 2**20:.0f} MiB" for rss in peaks.values())
    print(f"dask, {workers} worker{'s' if workers > 1 else ''}: {count} reports in "
          f"{seconds:.1f} s = {count / seconds:.0f} reports/s ({summaries.npartitions} "
          f"tasks; cluster start {started:.1f} s; peak memory per worker: {memory})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", default=None, help="generate into (and keep) this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep) if args.keep else Path(scratch) / "reports"
        if not folder.exists() or not any(folder.rglob("*.txt")):
            folder.mkdir(parents=True, exist_ok=True)
            generate(folder, args.count, args.seed)
        output = Path(scratch) / "out"
        output.mkdir()
        for workers in args.workers:
            run(folder, workers, output)
        seconds, _ = time_check(folder, 2)
        print(f"finreport check --jobs 2: {args.count} reports in {seconds:.1f} s = "
              f"{args.count / seconds:.0f} reports/s (process start-up included)")


if __name__ == "__main__":
    main()
