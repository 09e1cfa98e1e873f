"""Audit a folder of reports: a CSV summary and a JSON Lines file of every finding.

    python examples/batch_audit.py [FOLDER] [--out DIR] [--locale zh_CN|en]

FOLDER defaults to ``examples/data``; every ``*.txt`` below it is read (UTF-8, falling back
to GB18030), parsed and checked.  Two files are written to DIR (default: a new temporary
folder, printed at the end):

``summary.csv``
    one row per file: path (relative to FOLDER), organization, fiscal year, number of
    figures read, errors, warnings, infos, and the problem when the file is not a report.
``findings.jsonl``
    one JSON object per finding: ``finreport.to_dict(finding)`` plus the path, the line
    and column of its first span and the quoted text of each span.

A file that is not a report is recorded with its problem and the others go on.  For
large batches, ``finreport check FOLDER --jobs N --summary FILE.csv --format jsonl`` does
the same work in parallel.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import finreport

DATA = Path(__file__).resolve().parent / "data"
COLUMNS = ("path", "organization", "fiscal_year", "figures", "errors", "warnings", "infos",
           "problem")


def read_text(path: Path) -> str:
    """The text of *path*: UTF-8, or GB18030 when it is not valid UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def finding_record(name: str, text: str, finding: finreport.Finding) -> dict[str, Any]:
    """One line of ``findings.jsonl``: the finding as plain data, with its place."""
    line, col = finding.span.line_col(text)
    record: dict[str, Any] = {"path": name, "line": line, "col": col}
    record.update(finreport.to_dict(finding))
    record["quotes"] = [span.of(text) for span in finding.spans]
    return record


def audit(folder: Path, out: Path, locale: str) -> list[dict[str, Any]]:
    """Audit every report below *folder*, write the two files into *out*, and return the
    rows of the summary."""
    rows: list[dict[str, Any]] = []
    with (out / "findings.jsonl").open("w", encoding="utf-8") as jsonl:
        for path in sorted(folder.rglob("*.txt")):
            name = path.relative_to(folder).as_posix()
            row: dict[str, Any] = dict.fromkeys(COLUMNS, "")
            row["path"] = name
            try:
                text = read_text(path)
                report = finreport.parse(text)
            except (UnicodeDecodeError, finreport.ReportError) as exc:
                row["problem"] = f"{type(exc).__name__}: {exc}"
                rows.append(row)
                continue
            findings = finreport.check(report, locale=locale)
            severities = Counter(f.severity for f in findings)
            row.update(
                organization=report.organization.text if report.organization else "",
                fiscal_year=report.fiscal_year.value if report.fiscal_year else "",
                figures=sum(1 for _ in report.figures()),
                errors=severities[finreport.Severity.ERROR],
                warnings=severities[finreport.Severity.WARNING],
                infos=severities[finreport.Severity.INFO],
            )
            rows.append(row)
            for finding in findings:
                record = finding_record(name, text, finding)
                jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
    with (out / "summary.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return rows


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
    rows = audit(args.folder, out, args.locale)
    for row in rows:
        if row["problem"]:
            print(f"{row['path']}: {row['problem']}")
        else:
            print(f"{row['path']}: errors {row['errors']}, warnings {row['warnings']}, "
                  f"infos {row['infos']}")
    print(f"files audited: {len(rows)}; wrote summary.csv and findings.jsonl to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
