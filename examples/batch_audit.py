"""Audit a folder of reports: a CSV summary and a JSON Lines file of every finding.

    python examples/batch_audit.py [FOLDER] [--out DIR] [--locale zh_CN|en]

FOLDER defaults to ``examples/data``; every ``*.txt`` and ``*.pdf`` below it is read
(text by its byte-order mark, else UTF-8, else GB18030; PDFs with the pdf extra), parsed
and checked with ``finreport.batch.audit_file``, which never raises for a bad file.  Two
files are written to DIR (default: a new temporary folder, printed at the end):

``summary.csv``
    one row per file: path (relative to FOLDER), organization, fiscal year, number of
    figures read, errors, warnings, infos, and for a file that could not be checked its
    problem code (``not_a_report``, ``encrypted``, ``missing_extra`` …) and problem, and
    the notices of a report that was (``organization_unknown`` …).
``findings.jsonl``
    one JSON object per finding: ``finreport.to_dict(finding)`` plus the path, the line
    and column of its first span, the quoted text of each span and its fingerprint.

A file that cannot be checked is recorded with its problem and the others go on.  Exit
code 0 when every file was checked, 2 when a file could not be (or none was found).  For
large batches, ``finreport check FOLDER --jobs N --summary FILE.csv --format jsonl`` does
the same work in parallel.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from pathlib import Path
from typing import Any

from finreport import Severity
from finreport.batch import CheckOptions, FileResult, audit_file, collect_files

DATA = Path(__file__).resolve().parent / "data"
COLUMNS = ("path", "organization", "fiscal_year", "figures", "errors", "warnings", "infos",
           "problem_code", "problem", "notices")


def summary_row(name: str, result: FileResult) -> dict[str, Any]:
    """One row of ``summary.csv``."""
    counts = result.counts()
    return {"path": name, "organization": result.organization or "",
            "fiscal_year": result.fiscal_year or "", "figures": result.figures,
            "errors": counts[Severity.ERROR], "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO], "problem_code": result.problem_code or "",
            "problem": result.problem or "", "notices": " ".join(result.notices)}


def audit(folder: Path, out: Path, locale: str) -> list[tuple[str, FileResult]]:
    """Audit every report below *folder*, write the two files into *out*, and return
    each file's name (relative to *folder*) and result."""
    files, _ = collect_files([str(folder)])
    results = [(Path(path).relative_to(folder).as_posix(),
                audit_file(path, CheckOptions(locale=locale))) for path in files]
    with (out / "findings.jsonl").open("w", encoding="utf-8") as jsonl:
        for name, result in results:
            for located in result.findings:
                jsonl.write(json.dumps(located.to_dict(name), ensure_ascii=False) + "\n")
    with (out / "summary.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(summary_row(name, result) for name, result in results)
    return results


def main(argv: list[str] | None = None) -> int:
    """Audit the folder named on the command line (default: ``examples/data``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: a new temporary folder)")
    parser.add_argument("--locale", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args(argv)

    out: Path = args.out or Path(tempfile.mkdtemp(prefix="finreport-batch-"))
    out.mkdir(parents=True, exist_ok=True)
    results = audit(args.folder, out, args.locale)
    if not results:
        print(f"no *.txt or *.pdf file found in {args.folder}")
        return 2
    for name, result in results:
        if not result.readable:
            print(f"{name}: {result.problem} [{result.problem_code}]")
            continue
        counts = result.counts()
        flags = [*([result.problem_code] if result.problem_code else []), *result.notices]
        print(f"{name}: errors {counts[Severity.ERROR]}, warnings {counts[Severity.WARNING]}"
              f", infos {counts[Severity.INFO]}" + (f"; {', '.join(flags)}" if flags else ""))
    problems = sum(1 for _, result in results if result.problem is not None)
    print(f"files audited: {len(results)}, {problems} with a problem; wrote summary.csv and "
          f"findings.jsonl to {out}")
    return 2 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
