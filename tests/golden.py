"""Recorded outputs of every report the tests use, to prove a change left them as they were.

A change meant to make finreport faster (or tidier) must not change what it reads or
finds.  For each report, :func:`outputs` records a digest of the whole parsed model as
JSON, and every finding in both locales as a readable line (code, severity, spans,
evidence, message), so that a difference shows which finding moved.

Regenerate after a change that is *meant* to change outputs, and read the diff::

    python -m tests.golden
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import finreport

from .conftest import FIXTURES, ROOT, corpus_dir

#: Where the recorded outputs are kept.
RECORD = Path(__file__).resolve().parent / "golden" / "outputs.json"


def report_names() -> list[str]:
    """Every report text the tests read: the project's fixtures and sample, then the
    reference corpus (named ``corpus/…``; absent when the corpus is not beside the
    project)."""
    names = [f"fixtures/{p.relative_to(FIXTURES).as_posix()}"
             for p in sorted(FIXTURES.rglob("*.txt"))]
    names.append("examples/data/sample_report.txt")
    where = corpus_dir()
    if where is not None:
        names.extend(f"corpus/{p.relative_to(where).as_posix()}"
                     for p in sorted(where.rglob("*.txt")))
    return names


def read(name: str) -> str:
    """The text of a report named as :func:`report_names` names it."""
    if name.startswith("corpus/"):
        where = corpus_dir()
        assert where is not None
        return (where / name.removeprefix("corpus/")).read_text(encoding="utf-8")
    if name.startswith("fixtures/"):
        return (FIXTURES / name.removeprefix("fixtures/")).read_text(encoding="utf-8")
    return (ROOT / name).read_text(encoding="utf-8")


def _line(finding: finreport.Finding) -> str:
    spans = " ".join(f"{s.start}-{s.end}" for s in finding.spans)
    evidence = json.dumps(finreport.to_dict(finding.evidence), ensure_ascii=False,
                          sort_keys=True)
    return f"{finding.code} {finding.severity.value} [{spans}] {evidence} {finding.message}"


def outputs(text: str) -> dict[str, object]:
    """What finreport makes of *text*: the model's digest and the findings as lines."""
    report = finreport.parse(text)
    model = finreport.to_json(report)
    return {
        "model_sha256": hashlib.sha256(model.encode("utf-8")).hexdigest(),
        "figures": sum(1 for _ in report.figures()),
        "unrecognized": len(report.unrecognized),
        "findings_zh": [_line(f) for f in finreport.check(report)],
        "findings_en": [_line(f) for f in finreport.check(report, locale="en")],
    }


def main() -> None:
    """Record the outputs of every report (run from the project root)."""
    record = {name: outputs(read(name)) for name in report_names()}
    RECORD.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"recorded {len(record)} reports in {RECORD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
