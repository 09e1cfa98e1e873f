"""Audit a folder of reports on a Dask cluster, then query the findings with pandas.

    python examples/audit_on_dask.py [FOLDER] [--scheduler ADDRESS] [--output DIR]

FOLDER defaults to the bundled sample corpus (``examples/data``); without ``--scheduler``
a local cluster with one worker process per CPU is started (and stopped at the end).
The summaries and findings are written as Parquet into DIR (default: a temporary folder),
read back with pandas, and the findings per rule and the ten reports with most errors
are printed.  Needs the dask extra: ``pip install 'finreport[dask]'``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import dask
import distributed
import pandas as pd

from finreport.dask import audit_paths, parquet_schemas

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=str(DATA))
    parser.add_argument("--scheduler", default=None, help="a Dask scheduler's address")
    parser.add_argument("--output", default=None, help="where to write the Parquet files")
    args = parser.parse_args()
    output = Path(args.output or tempfile.mkdtemp(prefix="finreport-dask-"))

    if args.scheduler:
        client, cluster = distributed.Client(args.scheduler), None
    else:
        cluster = distributed.LocalCluster(n_workers=os.cpu_count() or 1,
                                           threads_per_worker=1, dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        summaries, findings = audit_paths(args.folder)
        summary_schema, finding_schema = parquet_schemas()
        # one pass over the files writes both tables
        dask.compute(
            summaries.to_parquet(output / "summary.parquet", write_index=False,
                                 schema=summary_schema, compute=False),
            findings.to_parquet(output / "findings.parquet", write_index=False,
                                schema=finding_schema, compute=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    summary = pd.read_parquet(output / "summary.parquet")
    found = pd.read_parquet(output / "findings.parquet")
    print(f"{len(summary)} files, {int(summary['problem'].isna().sum())} reports checked, "
          f"{len(found)} findings; Parquet in {output}")
    print("\nfindings per rule:")
    per_rule = found.groupby(["code", "severity"]).size().sort_values(ascending=False)
    for (code, severity), count in per_rule.items():
        print(f"  {code} {severity:<8} {count}")
    print("\nreports with most errors:")
    top = summary[summary["problem"].isna()].nlargest(10, "errors")
    for row in top.itertuples():
        print(f"  {row.errors:4d}  {row.report}  {row.organization} {row.fiscal_year}")


if __name__ == "__main__":
    main()
