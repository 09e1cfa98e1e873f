"""How an audit system embeds finreport: the library calls a pipeline step makes.

    python examples/embed_in_pipeline.py [REPORT]

1. choose the rules a stage runs with ``select`` / ``ignore`` (codes or prefixes);
2. turn findings into plain dicts / JSON for a queue or a database, with a key that
   identifies a finding without offsets (code + the quoted text of its spans);
3. store a parsed report with ``to_json`` and reload it with ``from_json``: the reloaded
   report is equal to the original, so later stages need not parse again;
4. handle ``ReportError`` for a text that is not a report, and ``ValueError`` for a rule
   code that does not exist, instead of letting one bad input stop the pipeline.

The core never reads files: the pipeline reads the bytes, decodes them and hands over a
``str``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import finreport

SAMPLE = Path(__file__).resolve().parent / "data" / "sample_report.txt"


def finding_key(finding: finreport.Finding, text: str) -> str:
    """A key for *finding* that survives edits elsewhere in the text: its code and the
    quoted text of each of its spans (what ``finreport check --baseline`` matches on)."""
    return finding.code + "|" + "|".join(span.of(text) for span in finding.spans)


def to_record(finding: finreport.Finding, text: str) -> dict[str, Any]:
    """A finding as the plain dict a pipeline stores: ``to_dict`` plus line, column and key."""
    line, col = finding.span.line_col(text)
    record: dict[str, Any] = finreport.to_dict(finding)
    record.update(line=line, col=col, key=finding_key(finding, text))
    return record


def main(argv: list[str] | None = None) -> int:
    """Run the four steps on the report named on the command line (default: the sample)."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else SAMPLE
    text = path.read_text(encoding="utf-8")
    report = finreport.parse(text)

    # 1. Choose rules: sums and shares only, without the low-severity FR203.
    findings = finreport.check(report, select=["FR1", "FR2"], ignore=["FR203"])
    codes = " ".join(f.code for f in findings)
    print(f"1. select FR1,FR2 ignore FR203: {len(findings)} findings"
          + (f": {codes}" if codes else ""))
    every = finreport.check(report)
    print(f"   all rules: {len(every)} findings")

    # 2. Findings as plain data.
    records = [to_record(f, text) for f in findings]
    payload = json.dumps(records, ensure_ascii=False)
    print(f"2. {len(records)} records, {len(payload)} characters of JSON; first key: "
          f"{records[0]['key'] if records else '-'}")
    restored = [finreport.from_dict({k: v for k, v in r.items()
                                     if k not in ("line", "col", "key")}, finreport.Finding)
                for r in json.loads(payload)]
    print(f"   findings rebuilt from JSON equal the originals: {restored == findings}")

    # 3. Store the parsed report and reload it.
    stored = finreport.to_json(report)
    reloaded = finreport.from_json(stored, finreport.Report)
    print(f"3. report stored as {len(stored)} characters of JSON; "
          f"reloaded == parsed: {reloaded == report}")
    print(f"   checking the reloaded report gives the same findings: "
          f"{finreport.check(reloaded) == every}")

    # 4. Errors a pipeline handles.
    try:
        finreport.parse("会议纪要：本周例会讨论了办公用品采购事宜。")
    except finreport.ReportError as exc:
        print(f"4. not a report -> ReportError: {exc}")
    try:
        finreport.check(report, select=["FR999"])
    except ValueError as exc:
        print(f"   unknown rule -> ValueError: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
