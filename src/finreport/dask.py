"""Checking a whole country's reports on Dask: per-report summaries and findings as Dask
DataFrames, ready for ``to_parquet``.

Needs the ``dask`` extra (``pip install 'finreport[dask]'``: dask, distributed, pyarrow);
the core never imports this module.  Files are read on the workers, from local paths or
any URL fsspec knows (``s3://…``, ``gcs://…``), decoded (UTF-8, else GB18030) or, for
PDFs, extracted through the ``pdf`` extra, then parsed and checked.  A file that cannot be
read becomes a summary row with its ``problem``, never a failed task.  Files are grouped
into partitions of a few seconds of work each, so Dask's overhead per report stays small.

>>> summaries, findings = audit_paths(["reports/"])            # doctest: +SKIP
>>> summaries.to_parquet("out/summary.parquet")                 # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import dask
import dask.bag
import dask.dataframe as dd
import pandas as pd
from dask.delayed import Delayed

from .batch import CheckOptions, FileResult, audit_data
from .model.findings import Severity

__all__ = ["FINDING_COLUMNS", "SUMMARY_COLUMNS", "audit_bag", "audit_paths", "list_files",
           "parquet_schemas", "partition"]

#: Columns of the summaries: one row per file.
SUMMARY_COLUMNS: dict[str, str] = {
    "report": "string", "organization": "string", "fiscal_year": "Int64", "kind": "string",
    "encoding": "string", "problem": "string", "figures": "int64", "unrecognized": "int64",
    "errors": "int64", "warnings": "int64", "infos": "int64", "problem_code": "string",
    "notices": "object", "forms": "int64", "indicators": "int64",
}
#: Columns of the findings: one row per finding.  Evidence numbers are strings, exact as
#: the library's Decimals (``"233.605"``); ``quotes`` the text of each span;
#: ``fingerprint`` the finding's (``finreport.output.fingerprint``).
FINDING_COLUMNS: dict[str, str] = {
    "report": "string", "organization": "string", "fiscal_year": "Int64", "kind": "string",
    "code": "string", "severity": "string", "message": "string", "line": "int64",
    "col": "int64", "quotes": "object", "stated": "string", "expected_low": "string",
    "expected_high": "string", "difference": "string", "tolerance": "string",
    "unit": "string", "fingerprint": "string",
}
#: Estimated seconds of work per file, by kind, for sizing partitions.
_COST = {"pdf": 0.35, "text": 0.04}


def _options(select: Sequence[str] | None, ignore: Sequence[str] | None, locale: str,
             encoding: str | None, password: str | None = None) -> CheckOptions:
    from .checks.running import message_locale, selected

    selected(select, ignore)  # a typo is an error here, not on every worker
    return CheckOptions(encoding, tuple(select) if select else None,
                        tuple(ignore) if ignore else None, message_locale(locale),
                        password=password)


def _rows(result: FileResult) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    counts = result.counts()
    common = {"report": result.path, "organization": result.organization,
              "fiscal_year": result.fiscal_year,
              "kind": result.kind if result.readable else None}
    summary = {**common, "encoding": result.encoding, "problem": result.problem,
               "figures": result.figures, "unrecognized": result.unrecognized,
               "errors": counts[Severity.ERROR], "warnings": counts[Severity.WARNING],
               "infos": counts[Severity.INFO], "problem_code": result.problem_code,
               "notices": list(result.notices), "forms": result.forms,
               "indicators": result.indicators}
    findings = []
    for located in result.findings:
        f, ev = located.finding, located.finding.evidence
        findings.append({
            **common, "code": f.code, "severity": f.severity.value, "message": f.message,
            "line": located.line, "col": located.col,
            "quotes": [q.text for q in located.quotes],
            **{name: None if getattr(ev, name) is None else str(getattr(ev, name))
               for name in ("stated", "expected_low", "expected_high", "difference",
                            "tolerance")},
            "unit": ev.unit, "fingerprint": located.fingerprint})
    return summary, findings


def _frames(items: Iterable[tuple[str, bytes | Exception]], options: CheckOptions,
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The summary and finding rows of a partition of (name, data or read error)."""
    from .batch import problem_reading

    summaries: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    for name, data in items:
        if isinstance(data, Exception):
            result = problem_reading(name, options.encoding, data)
        else:
            try:
                result = audit_data(name, data, options)
            except Exception as exc:  # a bug in finreport must not fail the job
                result = FileResult(name, problem=f"internal error, please report: {exc!r}",
                                    problem_code="internal_error")
        summary, rows = _rows(result)
        summaries.append(summary)
        findings.extend(rows)
    return (_frame(summaries, SUMMARY_COLUMNS), _frame(findings, FINDING_COLUMNS))


def _frame(rows: list[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(columns)


def _read(path: str) -> tuple[str, bytes | Exception]:
    """A file's bytes, through fsspec (local paths and URLs alike), or why not."""
    import fsspec

    try:
        with fsspec.open(path, "rb") as handle:
            data: bytes = handle.read()
        return path, data
    except (OSError, ValueError) as exc:
        return path, exc if isinstance(exc, OSError) else OSError(str(exc))


def _read_and_check(paths: list[str], options: CheckOptions,
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    return _frames((_read(path) for path in paths), options)


def list_files(paths: str | Sequence[str]) -> list[str]:
    """Every ``*.txt`` and ``*.pdf`` file a path or URL names (a file itself, or the files
    below a folder, recursively), sorted.  Local paths are kept as given (as
    ``finreport check`` prints them); URLs (``s3://bucket/reports/``) go through fsspec."""
    from .batch import collect_files

    found: set[str] = set()
    for given in [paths] if isinstance(paths, str) else paths:
        if "://" not in given:
            files, missing = collect_files([given])
            found.update(files)
            found.update(result.path for result in missing)  # read, and said, on a worker
            continue
        import fsspec

        fs, _, (root,) = fsspec.get_fs_token_paths(given)
        if fs.isdir(root):
            found.update(fs.unstrip_protocol(name) for name in fs.find(root)
                         if name.lower().endswith((".txt", ".pdf")))
        else:
            found.add(given)
    return sorted(found)


def partition(paths: Sequence[str], target_seconds: float = 3.0) -> list[list[str]]:
    """*paths* in groups of about *target_seconds* of work each (a PDF costs about ten
    times a text file), in order."""
    groups: list[list[str]] = []
    current: list[str] = []
    cost = 0.0
    for path in paths:
        current.append(path)
        cost += _COST["pdf" if path.lower().endswith(".pdf") else "text"]
        if cost >= target_seconds:
            groups.append(current)
            current, cost = [], 0.0
    if current:
        groups.append(current)
    return groups


def parquet_schemas() -> tuple[Any, Any]:
    """The pyarrow schemas of the summaries and the findings, for ``to_parquet`` (so an
    empty partition writes the same columns as a full one)."""
    import pyarrow as pa

    kinds = {"string": pa.string(), "Int64": pa.int64(), "int64": pa.int64(),
             "object": pa.list_(pa.string())}
    return tuple(pa.schema([(name, kinds[kind]) for name, kind in columns.items()])
                 for columns in (SUMMARY_COLUMNS, FINDING_COLUMNS))


def _collections(parts: list[Delayed]) -> tuple[dd.DataFrame, dd.DataFrame]:
    meta_summary = _frame([], SUMMARY_COLUMNS)
    meta_findings = _frame([], FINDING_COLUMNS)
    # quotes are a list per row: Dask must not turn the object column into strings
    with dask.config.set({"dataframe.convert-string": False}):
        summaries = dd.from_delayed([part[0] for part in parts], meta=meta_summary,
                                    verify_meta=False)
        findings = dd.from_delayed([part[1] for part in parts], meta=meta_findings,
                                   verify_meta=False)
    return summaries, findings


def audit_paths(paths: str | Sequence[str], *, select: Sequence[str] | None = None,
                ignore: Sequence[str] | None = None, locale: str = "zh_CN",
                encoding: str | None = None, target_seconds: float = 3.0,
                password: str | None = None) -> tuple[dd.DataFrame, dd.DataFrame]:
    """Dask DataFrames of the summaries (one row per file) and findings (one row per
    finding) of every report below *paths* (files, folders or fsspec URLs).

    Nothing runs until the frames are computed or written; computing both together
    (``dask.compute(s.to_parquet(a, compute=False), f.to_parquet(b, compute=False))``)
    reads and checks each file once.  *select*, *ignore* and *locale* are those of
    :func:`finreport.check`; *encoding* and *password* (of encrypted PDFs) those of
    ``finreport check``.
    """
    options = _options(select, ignore, locale, encoding, password)
    files = list_files(paths)
    check = dask.delayed(_read_and_check, nout=2, pure=True)
    parts = [check(group, options) for group in partition(files, target_seconds)]
    if not parts:
        parts = [check([], options)]
    return _collections(parts)


def audit_bag(bag: dask.bag.Bag, *, select: Sequence[str] | None = None,
              ignore: Sequence[str] | None = None, locale: str = "zh_CN",
              encoding: str | None = None,
              password: str | None = None) -> tuple[dd.DataFrame, dd.DataFrame]:
    """Like :func:`audit_paths`, for a Dask bag of ``(name, bytes)`` (one partition of
    the bag makes one partition of each frame)."""
    options = _options(select, ignore, locale, encoding, password)
    check = dask.delayed(_frames, nout=2, pure=True)
    return _collections([check(part, options) for part in bag.to_delayed()])
