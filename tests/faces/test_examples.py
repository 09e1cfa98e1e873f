"""The examples run as a user runs them (``python examples/NAME.py``), with exact output.

Expected text is built here from the library's own results, so the assertions are exact
while rule messages evolve; the deliberate errors of the bundled sample (it is
``seedstyle_flawed.txt``) are asserted independently.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import finreport
from finreport import Finding, Severity

from ..conftest import ROOT, read_fixture

EXAMPLES = ROOT / "examples"
SAMPLE = EXAMPLES / "data" / "sample_report.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def run_example(name: str, *args: str, cwd: Path = ROOT,
                returncode: int = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, str(EXAMPLES / name), *args], cwd=cwd, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.stderr == ""
    assert result.returncode == returncode
    return result


def test_sample_is_the_flawed_fixture() -> None:
    assert read_fixture("seedstyle_flawed.txt") == SAMPLE_TEXT


# ---------------------------------------------------------------------------------------
# audit_one.py


def plain(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        value = value.quantize(Decimal("0.0001"))
    return format(value, "f")


def expected_audit(name: str, text: str, locale: str = "zh_CN") -> list[str]:
    report = finreport.parse(text)
    findings = finreport.check(report, locale=locale)
    assert report.organization is not None and report.fiscal_year is not None
    lines = [f"{name}: {report.organization.text} {report.fiscal_year.value}, "
             f"{len(findings)} findings"]
    for f in findings:
        line, col = f.span.line_col(text)
        lines += ["", f"{line}:{col}: {f.code} {f.severity.value} {f.message}"]
        for span in f.spans:
            span_line, span_col = span.line_col(text)
            lines.append(f"    {span_line}:{span_col}: 「{span.of(text)}」")
        ev, unit = f.evidence, f.evidence.unit or ""
        if ev.stated is not None:
            lines.append(f"    stated:     {plain(ev.stated)}{unit}")
        if ev.expected_low is not None and ev.expected_high is not None:
            interval = (plain(ev.expected_low) if ev.expected_low == ev.expected_high
                        else f"[{plain(ev.expected_low)}, {plain(ev.expected_high)}]")
            lines.append(f"    expected:   {interval}{unit}")
        if ev.difference is not None:
            lines.append(f"    difference: {plain(ev.difference)}{unit}")
        if ev.tolerance is not None:
            lines.append(f"    tolerance:  ±{plain(ev.tolerance)}{unit}")
    return lines


def block(lines: list[str], code: str, quote: str) -> list[str]:
    """The lines of the finding with *code* that quotes *quote*."""
    starts = [i for i, line in enumerate(lines) if f": {code} " in line and ":" in line[:8]]
    for start in starts:
        end = next((i for i in range(start, len(lines)) if lines[i] == ""), len(lines))
        if any(quote in line for line in lines[start:end]):
            return lines[start:end]
    raise AssertionError(f"no {code} quoting {quote}")


def test_audit_one_default_sample() -> None:
    lines = run_example("audit_one.py").stdout.splitlines()
    assert lines == expected_audit("sample_report.txt", SAMPLE_TEXT)
    assert lines[0].startswith("sample_report.txt: 桐川区民族宗教事务局 2021, ")
    # Error (a) of the key: class 38.98 against items 7.34 + 21.76 + 10.88 = 39.98.
    fr101 = block(lines, "FR101", "「7.34万元」")
    assert fr101[1:5] == ["    36:98: 「38.98万元」", "    45:42: 「7.34万元」",
                          "    46:51: 「21.76万元」", "    47:49: 「10.88万元」"]
    assert "    stated:     38.98万元" in fr101
    assert "    difference: -1.00万元" in fr101
    # Error (g): 100% stated where 216.80 / 220.50 = 98.32%.
    fr401 = block(lines, "FR401", "「100%」")
    assert fr401[0].startswith("40:45: FR401 error ")
    assert "    stated:     100%" in fr401
    # Error (h): 0 units while the kinds add up to 1.
    fr905 = block(lines, "FR905", "「0个」")
    assert fr905[0].startswith("20:17: FR905 error ")
    assert "    expected:   1个" in fr905


def test_audit_one_other_report_and_locale(tmp_path: Path) -> None:
    report = tmp_path / "good.txt"
    report.write_text(read_fixture("seedstyle_consistent.txt"), encoding="utf-8")
    result = run_example("audit_one.py", str(report), "--locale", "en")
    assert result.stdout == "good.txt: 桐川区民族宗教事务局 2021, 0 findings\n"
    english = run_example("audit_one.py", "--locale", "en").stdout.splitlines()
    assert english == expected_audit("sample_report.txt", SAMPLE_TEXT, locale="en")


# ---------------------------------------------------------------------------------------
# batch_audit.py


def severity_counts(findings: list[Finding]) -> tuple[int, int, int]:
    e, w, i = (sum(1 for f in findings if f.severity is s) for s in Severity)
    return e, w, i


def test_batch_audit_folder(tmp_path: Path) -> None:
    from finreport.output.fingerprint import fingerprints

    folder = tmp_path / "in"
    (folder / "gb").mkdir(parents=True)
    consistent = read_fixture("seedstyle_consistent.txt")
    flawed = read_fixture("seedstyle_flawed.txt")
    (folder / "consistent.txt").write_text(consistent, encoding="utf-8")
    (folder / "gb" / "flawed.txt").write_bytes(flawed.encode("gb18030"))
    (folder / "notes.txt").write_text("会议纪要：讨论办公用品采购。", encoding="utf-8")
    (folder / "ignored.md").write_text("not a .txt file", encoding="utf-8")
    out = tmp_path / "out"

    result = run_example("batch_audit.py", str(folder), "--out", str(out), returncode=2)

    flawed_report = finreport.parse(flawed)
    flawed_findings = finreport.check(flawed_report)
    e, w, i = severity_counts(flawed_findings)
    with pytest.raises(finreport.ReportError) as not_a_report:
        finreport.parse("会议纪要：讨论办公用品采购。")
    problem = f"not a report: {not_a_report.value}"
    assert result.stdout.splitlines() == [
        "consistent.txt: errors 0, warnings 0, infos 0",
        f"gb/flawed.txt: errors {e}, warnings {w}, infos {i}",
        f"notes.txt: {problem} [not_a_report]",
        f"files audited: 3, 1 with a problem; wrote summary.csv and findings.jsonl to {out}",
    ]
    with (out / "summary.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    figures = [str(len({f.span for f in finreport.parse(t).figures()}))
               for t in (consistent, flawed)]
    assert rows == [
        ["path", "organization", "fiscal_year", "figures", "errors", "warnings", "infos",
         "problem_code", "problem", "notices"],
        ["consistent.txt", "桐川区民族宗教事务局", "2021", figures[0], "0", "0", "0", "", "",
         ""],
        ["gb/flawed.txt", "桐川区民族宗教事务局", "2021", figures[1], str(e), str(w), str(i),
         "", "", ""],
        ["notes.txt", "", "", "0", "0", "0", "0", "not_a_report", problem, ""],
    ]
    records = [json.loads(line) for line in
               (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    expected: list[dict[str, Any]] = []
    marks = fingerprints(flawed_findings, flawed_report, flawed)
    for f, mark in zip(flawed_findings, marks, strict=True):
        line, col = f.span.line_col(flawed)
        quotes = [dict(zip(("line", "col"), s.line_col(flawed), strict=True), text=s.of(flawed),
                       page=None) for s in f.spans]
        expected.append({**finreport.to_dict(f), "path": "gb/flawed.txt", "line": line,
                         "col": col, "quotes": quotes, "fingerprint": mark})
    assert records == expected
    assert {(r["line"], r["code"]) for r in records} >= {(20, "FR905"), (40, "FR401")}


def test_batch_audit_reads_pdfs_and_says_when_there_is_nothing(tmp_path: Path) -> None:
    """A folder of PDFs is audited (it printed "files audited: 0" and exited 0); an empty
    folder is said to be empty, with exit code 2."""
    pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")
    from ..conftest import corpus_dir

    where = corpus_dir()
    if where is None:
        pytest.skip("no reference corpus (../shared/reference) with its PDFs")
    folder = tmp_path / "pdfs"
    folder.mkdir()
    shutil.copy(where / "real" / "budget-2017-jiangsu-party-office.pdf", folder / "a.pdf")
    (folder / "b.pdf").write_bytes(b"<!DOCTYPE html><html><body>404</body></html>")
    result = run_example("batch_audit.py", str(folder), "--out", str(tmp_path / "o"),
                         returncode=2)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("a.pdf: errors ")
    assert lines[1] == ("b.pdf: cannot read the PDF: not a PDF but an HTML page "
                        "[pdf_unreadable]")
    assert lines[2].startswith("files audited: 2, 1 with a problem; ")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_example("batch_audit.py", str(empty), "--out", str(tmp_path / "e"),
                         returncode=2)
    assert result.stdout == f"no *.txt or *.pdf file found in {empty}\n"


def test_batch_audit_defaults_to_the_bundled_data_and_a_temp_folder(tmp_path: Path) -> None:
    result = run_example("batch_audit.py", cwd=tmp_path)
    lines = result.stdout.splitlines()
    e, w, i = severity_counts(finreport.check(finreport.parse(SAMPLE_TEXT)))
    assert lines[0] == f"sample_report.txt: errors {e}, warnings {w}, infos {i}"
    assert lines[1] == "sample_tables.txt: errors 0, warnings 0, infos 0"
    prefix = "files audited: 2, 0 with a problem; wrote summary.csv and findings.jsonl to "
    assert lines[2].startswith(prefix) and len(lines) == 3
    out = Path(lines[2][len(prefix):])
    try:
        assert out.name.startswith("finreport-batch-")
        assert sorted(p.name for p in out.iterdir()) == ["findings.jsonl", "summary.csv"]
        jsonl = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(jsonl) == e + w + i
    finally:
        shutil.rmtree(out)


# ---------------------------------------------------------------------------------------
# embed_in_pipeline.py


def test_embed_in_pipeline() -> None:
    result = run_example("embed_in_pipeline.py")
    report = finreport.parse(SAMPLE_TEXT)
    chosen = finreport.check(report, select=["FR1", "FR2"], ignore=["FR203"])
    every = finreport.check(report)
    assert chosen and all(f.code[:3] in ("FR1", "FR2") and f.code != "FR203" for f in chosen)
    records = []
    for f in chosen:
        line, col = f.span.line_col(SAMPLE_TEXT)
        key = f.code + "|" + "|".join(s.of(SAMPLE_TEXT) for s in f.spans)
        records.append({**finreport.to_dict(f), "line": line, "col": col, "key": key})
    payload = json.dumps(records, ensure_ascii=False)
    with pytest.raises(finreport.ReportError) as not_a_report:
        finreport.parse("会议纪要：本周例会讨论了办公用品采购事宜。")
    assert result.stdout.splitlines() == [
        f"1. select FR1,FR2 ignore FR203: {len(chosen)} findings: "
        + " ".join(f.code for f in chosen),
        f"   all rules: {len(every)} findings",
        f"2. {len(records)} records, {len(payload)} characters of JSON; first key: "
        f"{records[0]['key']}",
        "   findings rebuilt from JSON equal the originals: True",
        f"3. report stored as {len(finreport.to_json(report))} characters of JSON; "
        "reloaded == parsed: True",
        "   checking the reloaded report gives the same findings: True",
        f"4. not a report -> ReportError: {not_a_report.value}",
        "   unknown rule -> ValueError: no rule matches 'FR999'",
    ]


# ---------------------------------------------------------------------------------------
# audit_on_dask.py


def test_audit_on_dask(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    result = run_example("audit_on_dask.py", "--output", str(tmp_path))
    lines = result.stdout.splitlines()
    findings = finreport.check(finreport.parse(SAMPLE_TEXT))
    assert lines[0] == (f"2 files, 2 reports checked, {len(findings)} findings; "
                        f"Parquet in {tmp_path}")
    per_rule: dict[tuple[str, str], int] = {}
    for f in findings:
        per_rule[(f.code, f.severity.value)] = per_rule.get((f.code, f.severity.value), 0) + 1
    shown = {tuple(line.split()[:2]): int(line.split()[2])
             for line in lines[lines.index("findings per rule:") + 1:]
             if line.startswith("  FR")}
    assert shown == per_rule
    top = lines[lines.index("reports with most errors:") + 1:]
    errors = sum(1 for f in findings if f.severity.value == "error")
    assert top[0].split()[:2] == [str(errors), str(ROOT / "examples" / "data" /
                                                   "sample_report.txt")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.parquet", "summary.parquet"]
