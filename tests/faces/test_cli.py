"""The command line, run as a subprocess (``python -m finreport``) on fixture reports
copied into a temporary folder; and the pure text rendering behind it (``_render``).

Expected finding lines are built from :func:`finreport.check` in this process, so the
assertions are exact while the rules' wording evolves; the places of the deliberate
errors of ``seedstyle_flawed.txt`` (its answer key) are asserted independently.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import finreport
from finreport import Finding, Severity
from finreport.batch import CheckOptions, audit_file, decode
from finreport.cli import Progress
from finreport.output.schema import json_schema
from finreport.output.text import (
    computed_share,
    display_width,
    format_change,
    format_figure,
    pad,
    render_report,
    render_rules,
    table,
)

from ..conftest import ROOT, read_fixture

CONSISTENT = read_fixture("seedstyle_consistent.txt")
FLAWED = read_fixture("seedstyle_flawed.txt")

#: The deliberate errors (a)-(i) of seedstyle_flawed.txt (its answer key): for each, the
#: (line, code) places where a checker may report it.
KEY_ERRORS = {
    "a": {(36, "FR101"), (45, "FR101"), (38, "FR102")},
    "b": {(36, "FR201"), (36, "FR202")},
    "c": {(202, "FR101"), (202, "FR501")},
    "d": {(34, "FR302")},
    "e": {(31, "FR801")},
    "f": {(61, "FR901")},
    "g": {(40, "FR401"), (40, "FR402")},
    "h": {(20, "FR905")},
    "i": {(175, "FR701")},
}


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "finreport", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def findings_of(text: str, **options: Any) -> list[Finding]:
    return finreport.check(finreport.parse(text), **options)


def finding_lines(path: str, text: str, **options: Any) -> list[str]:
    lines = []
    for f in findings_of(text, **options):
        line, col = f.span.line_col(text)
        lines.append(f"{path}:{line}:{col}: {f.code} {f.severity.value} {f.message}")
    return lines


def counts(findings: list[Finding]) -> tuple[int, int, int]:
    """Errors, warnings and infos among *findings*."""
    e, w, i = (sum(1 for f in findings if f.severity is s) for s in Severity)
    return e, w, i


def summary(path: str, findings: list[Finding], encoding: str = "utf-8",
            suppressed: int = 0) -> str:
    e, w, i = counts(findings)
    line = (f"{path}: {e} error{'' if e == 1 else 's'}, {w} warning{'' if w == 1 else 's'}, "
            f"{i} info ({encoding})")
    return line + (f", {suppressed} suppressed by baseline" if suppressed else "")


def overall(reports: int, findings: list[Finding], problems: Sequence[str] = (),
            suppressed: int = 0) -> str:
    """The run's last line; *problems*: the problem code of each file not checked."""
    e, w, i = counts(findings)
    line = (f"Checked {reports} report{'' if reports == 1 else 's'}: "
            f"{e} error{'' if e == 1 else 's'}, {w} warning{'' if w == 1 else 's'}, {i} info")
    if suppressed:
        line += f", {suppressed} suppressed by baseline"
    if problems:
        line += (f"; {len(problems)} file{'' if len(problems) == 1 else 's'} could not be "
                 "checked (" + ", ".join(f"{code} {problems.count(code)}"
                                         for code in sorted(set(problems))) + ")")
    return line


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """``tmp_path/reports`` holding the consistent and the flawed fixture."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "consistent.txt").write_text(CONSISTENT, encoding="utf-8")
    (folder / "flawed.txt").write_text(FLAWED, encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------
# check: text output and exit codes


def test_check_folder_text_output_is_exact(reports: Path) -> None:
    result = run_cli(reports.parent, "check", "reports")
    flawed = findings_of(FLAWED)
    assert result.stdout.splitlines() == [
        summary("reports/consistent.txt", []),
        *finding_lines("reports/flawed.txt", FLAWED),
        summary("reports/flawed.txt", flawed),
        overall(2, flawed),
    ]
    assert result.stderr == ""
    assert result.returncode == 1


def test_check_reports_the_deliberate_errors_where_the_key_puts_them(reports: Path) -> None:
    result = run_cli(reports.parent, "check", "--quiet", "reports/flawed.txt")
    places = set()
    for line in result.stdout.splitlines():
        path, line_no, _col, rest = line.split(":", 3)
        assert path == "reports/flawed.txt"
        places.add((int(line_no), rest.split()[0]))
    missed = sorted(error for error, where in KEY_ERRORS.items() if not where & places)
    assert missed == []
    assert "reports/flawed.txt:20:17: FR905 error " in result.stdout  # `0个` of line 20
    assert result.returncode == 1


def test_consistent_report_exits_0(reports: Path) -> None:
    result = run_cli(reports.parent, "check", "reports/consistent.txt")
    assert result.stdout.splitlines() == [summary("reports/consistent.txt", []),
                                          overall(1, [])]
    assert result.returncode == 0


def test_warnings_alone_exit_0(reports: Path) -> None:
    warnings = findings_of(FLAWED, select=["FR7"])
    assert warnings and all(f.severity is Severity.WARNING for f in warnings)
    result = run_cli(reports.parent, "check", "-q", "--select", "FR7", "reports/flawed.txt")
    assert result.stdout.splitlines() == finding_lines("reports/flawed.txt", FLAWED,
                                                       select=["FR7"])
    assert result.returncode == 0


def test_select_and_ignore_are_passed_to_check(reports: Path) -> None:
    result = run_cli(reports.parent, "check", "-q", "--select", "fr1,FR2", "--select", "FR9",
                     "--ignore", "FR201", "reports/flawed.txt")
    expected = finding_lines("reports/flawed.txt", FLAWED, select=["FR1", "FR2", "FR9"],
                             ignore=["FR201"])
    assert result.stdout.splitlines() == expected
    codes = {line.split()[1] for line in expected}
    assert "FR201" not in codes and {"FR101", "FR901", "FR905"} <= codes
    assert result.returncode == 1


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_code_is_a_usage_error(reports: Path, option: str) -> None:
    result = run_cli(reports.parent, "check", option, "FR1,FR999", "reports")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "finreport check: error: --select/--ignore: no rule matches 'FR999'" in result.stderr


def test_locale_en(reports: Path) -> None:
    result = run_cli(reports.parent, "check", "-q", "--locale", "en", "reports/flawed.txt")
    english = finding_lines("reports/flawed.txt", FLAWED, locale="en")
    assert result.stdout.splitlines() == english
    assert english != finding_lines("reports/flawed.txt", FLAWED)


def test_usage_errors(reports: Path) -> None:
    assert run_cli(reports.parent, "check").returncode == 2
    assert run_cli(reports.parent, "check", "--jobs", "0", "reports").returncode == 2
    assert run_cli(reports.parent, "check", "--encoding", "klingon", "reports").returncode == 2
    empty = reports.parent / "empty"
    empty.mkdir()
    result = run_cli(reports.parent, "check", "empty")
    assert result.returncode == 2
    assert "no *.txt or *.pdf files found in empty" in result.stderr
    assert run_cli(reports.parent, "frobnicate").returncode == 2


def test_version() -> None:
    result = run_cli(Path.cwd(), "--version")
    assert result.stdout == f"finreport {finreport.__version__}\n"


# ---------------------------------------------------------------------------------------
# check: files that cannot be checked


def test_non_report_among_good_ones(reports: Path) -> None:
    (reports / "notes.txt").write_text("会议纪要：本周例会讨论了办公用品采购。\n",
                                       encoding="utf-8")
    (reports / "sub").mkdir()
    (reports / "sub" / "noise.txt").write_bytes(bytes(range(256)) * 4)
    result = run_cli(reports.parent, "check", "reports", "missing.txt")
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 3
    assert errors[0] == ("finreport: missing.txt: cannot read: no such file or folder "
                         "[not_found]")
    assert errors[1].startswith("finreport: reports/notes.txt: not a report: ")
    assert errors[1].endswith(" [not_a_report]")
    assert errors[2] == ("finreport: reports/sub/noise.txt: cannot decode as utf-8 or "
                         "gb18030: invalid start byte at byte 128 [undecodable]")
    flawed = findings_of(FLAWED)
    assert result.stdout.splitlines() == [
        summary("reports/consistent.txt", []),
        *finding_lines("reports/flawed.txt", FLAWED),
        summary("reports/flawed.txt", flawed),
        overall(2, flawed, problems=["not_a_report", "not_found", "undecodable"]),
    ]


def test_gb18030_input_is_read_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "gb"
    folder.mkdir()
    (folder / "flawed.txt").write_bytes(FLAWED.encode("gb18030"))
    (folder / "consistent.txt").write_bytes(CONSISTENT.encode("gb18030"))
    result = run_cli(tmp_path, "check", "gb")
    flawed = findings_of(FLAWED)
    assert result.stdout.splitlines() == [
        summary("gb/consistent.txt", [], encoding="gb18030"),
        *finding_lines("gb/flawed.txt", FLAWED),
        summary("gb/flawed.txt", flawed, encoding="gb18030"),
        overall(2, flawed),
    ]
    document = json.loads(run_cli(tmp_path, "check", "--format", "json", "gb").stdout)
    assert [f["encoding"] for f in document["files"]] == ["gb18030", "gb18030"]

    strict = run_cli(tmp_path, "check", "--encoding", "utf-8", "gb/flawed.txt")
    assert strict.returncode == 2
    assert strict.stderr.startswith("finreport: gb/flawed.txt: cannot decode as utf-8: ")
    forced = run_cli(tmp_path, "check", "-q", "--encoding", "gb18030", "gb/flawed.txt")
    assert forced.stdout.splitlines() == finding_lines("gb/flawed.txt", FLAWED)


def test_a_crash_on_one_file_is_that_file_s_problem(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(text: str) -> tuple[finreport.Report, ...]:
        raise IndexError("boom")

    (tmp_path / "a.txt").write_text(CONSISTENT, encoding="utf-8")
    monkeypatch.setattr(finreport.Report, "parse_all", staticmethod(crash))
    result = audit_file(str(tmp_path / "a.txt"), CheckOptions())
    assert result.problem == "internal error, please report: IndexError('boom')"
    assert result.encoding == "utf-8" and not result.readable


def test_utf8_byte_order_mark_is_dropped() -> None:
    text, encoding = decode("\ufeff第二部分".encode())
    assert (text, encoding) == ("第二部分", "utf-8")
    assert decode("第二部分".encode("gb18030")) == ("第二部分", "gb18030")
    with pytest.raises(UnicodeDecodeError):
        decode(b"\xff\xff\xff", "utf-8")


# ---------------------------------------------------------------------------------------
# check: JSON, JSON Lines, CSV summary


def expected_finding_dicts(path: str, text: str) -> list[dict[str, Any]]:
    from finreport.output.fingerprint import fingerprints

    report = finreport.parse(text)
    found = finreport.check(report)
    out = []
    for f, mark in zip(found, fingerprints(found, report, text), strict=True):
        line, col = f.span.line_col(text)
        quotes = [{"text": s.of(text), "line": s.line_col(text)[0], "col": s.line_col(text)[1],
                   "page": None} for s in f.spans]
        out.append({**finreport.to_dict(f), "path": path, "line": line, "col": col,
                    "quotes": quotes, "fingerprint": mark})
    return out


def figures_read(text: str) -> int:
    """The figures read of a report: each place in the text once."""
    return len({figure.span for figure in finreport.parse(text).figures()})


def file_dict(path: str, text: str, **changes: Any) -> dict[str, Any]:
    """The ``files`` entry of ``--format json`` for a report that was checked."""
    e, w, i = counts(findings_of(text))
    report = finreport.parse(text)
    made = finreport.audit(report).counts()
    return {"path": path, "encoding": "utf-8", "problem": None, "problem_code": None,
            "notices": [], "organization": "桐川区民族宗教事务局", "fiscal_year": 2021,
            "kind": "final_accounts", "figures": figures_read(text),
            "unrecognized": len(report.unrecognized),
            "counts": {"error": e, "warning": w, "info": i}, "suppressed": 0, "accepted": 0,
            "checks": {outcome.value: n for outcome, n in made.items()}, **changes}


def test_json_output(reports: Path) -> None:
    result = run_cli(reports.parent, "check", "--format", "json", "reports")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    flawed = findings_of(FLAWED)
    e, w, i = counts(flawed)
    assert document["files"] == [file_dict("reports/consistent.txt", CONSISTENT),
                                 file_dict("reports/flawed.txt", FLAWED)]
    assert document["findings"] == expected_finding_dicts("reports/flawed.txt", FLAWED)
    by_rule: dict[str, int] = {}
    for f in flawed:
        by_rule[f.code] = by_rule.get(f.code, 0) + 1
    assert document["summary"] == {"reports": 2, "problems": 0,
                                   "counts": {"error": e, "warning": w, "info": i},
                                   "suppressed": 0, "accepted": 0, "stale": 0,
                                   "rules": dict(sorted(by_rule.items())),
                                   "problem_codes": {}}
    fr905 = next(f for f in document["findings"] if f["code"] == "FR905")
    assert (fr905["line"], fr905["col"]) == (20, 17)
    assert fr905["quotes"][0] == {"text": "0个", "line": 20, "col": 17, "page": None}
    # Without the CLI's own keys, each finding is what to_dict wrote and reads back.
    for item in document["findings"]:
        plain = {k: v for k, v in item.items()
                 if k not in ("path", "line", "col", "quotes", "fingerprint")}
        assert finreport.from_dict(plain, Finding) in flawed


def test_json_output_names_files_that_could_not_be_checked(reports: Path) -> None:
    (reports / "notes.txt").write_text("随便写几句话。", encoding="utf-8")
    result = run_cli(reports.parent, "check", "--format", "json", "reports/notes.txt")
    assert result.returncode == 2
    document = json.loads(result.stdout)
    [entry] = document["files"]
    assert entry["path"] == "reports/notes.txt"
    assert entry["encoding"] == "utf-8"
    assert entry["problem"].startswith("not a report: ")
    assert entry["problem_code"] == "not_a_report" and entry["kind"] is None
    assert document["findings"] == []
    assert document["summary"]["problems"] == 1
    assert document["summary"]["problem_codes"] == {"not_a_report": 1}


def test_jsonl_output(reports: Path) -> None:
    (reports / "notes.txt").write_text("随便写几句话。", encoding="utf-8")
    result = run_cli(reports.parent, "check", "--format", "jsonl", "reports")
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    # a record per file, the clean and the failed ones too, then its findings, then the run
    assert [line["record"] for line in lines] == (
        ["file", "file", *["finding"] * len(findings_of(FLAWED)), "file", "summary"])
    assert lines[0] == {"record": "file", **file_dict("reports/consistent.txt", CONSISTENT)}
    assert lines[1] == {"record": "file", **file_dict("reports/flawed.txt", FLAWED)}
    assert [{k: v for k, v in line.items() if k != "record"} for line in lines[2:-2]] == (
        expected_finding_dicts("reports/flawed.txt", FLAWED))
    assert lines[-2]["path"] == "reports/notes.txt"
    assert lines[-2]["problem_code"] == "not_a_report"
    assert lines[-1]["record"] == "summary" and lines[-1]["problems"] == 1


def test_summary_csv(reports: Path) -> None:
    (reports / "notes.txt").write_text("随便写几句话。", encoding="utf-8")
    result = run_cli(reports.parent, "check", "-q", "--summary", "out.csv", "reports")
    assert result.returncode == 2
    with (reports.parent / "out.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    e, w, i = counts(findings_of(FLAWED))
    unrecognized = {name: str(len(finreport.parse(text).unrecognized))
                    for name, text in (("consistent", CONSISTENT), ("flawed", FLAWED))}
    assert rows[:3] == [
        ["path", "organization", "fiscal_year", "figures", "errors", "warnings", "infos",
         "kind", "unrecognized", "problem_code", "problem", "notices"],
        ["reports/consistent.txt", "桐川区民族宗教事务局", "2021",
         str(figures_read(CONSISTENT)), "0", "0", "0", "final_accounts",
         unrecognized["consistent"], "", "", ""],
        ["reports/flawed.txt", "桐川区民族宗教事务局", "2021",
         str(figures_read(FLAWED)), str(e), str(w), str(i), "final_accounts",
         unrecognized["flawed"], "", "", ""],
    ]
    # the file that could not be checked has its row too, with its problem code
    assert rows[3][0] == "reports/notes.txt" and rows[3][9] == "not_a_report"
    assert rows[3][10].startswith("not a report: ")


def test_parallel_jobs_give_the_same_output_in_path_order(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for name in ("b", "a/c", "a/b", "d"):
        (folder / name).mkdir(parents=True)
        (folder / name / "flawed.txt").write_text(FLAWED, encoding="utf-8")
        (folder / name / "consistent.txt").write_text(CONSISTENT, encoding="utf-8")
    one = run_cli(tmp_path, "check", "--jobs", "1", "many")
    two = run_cli(tmp_path, "check", "--jobs", "2", "many")
    assert one.stdout == two.stdout
    assert one.returncode == two.returncode == 1
    summaries = [line.split(":")[0] for line in one.stdout.splitlines()
                 if line.endswith("(utf-8)")]
    assert summaries == sorted(str(p.relative_to(tmp_path)) for p in folder.rglob("*.txt"))


# ---------------------------------------------------------------------------------------
# check: baselines


def test_baseline_suppresses_by_quoted_text_not_offsets(reports: Path) -> None:
    cwd = reports.parent
    written = run_cli(cwd, "check", "--write-baseline", "baseline.json", "reports")
    assert written.returncode == 0
    flawed = findings_of(FLAWED)
    assert written.stderr == f"finreport: recorded {len(flawed)} findings in baseline.json\n"
    quiet = run_cli(cwd, "check", "-q", "--write-baseline", "baseline.json", "reports")
    assert quiet.returncode == 0 and quiet.stderr == ""  # -q: no notes
    baseline = json.loads((cwd / "baseline.json").read_text(encoding="utf-8"))
    assert baseline["version"] == 2
    marks = {f["fingerprint"]: f for f in expected_finding_dicts("reports/flawed.txt", FLAWED)}
    assert sorted((b["path"], b["code"], b["quotes"], b["fingerprint"])
                  for b in baseline["findings"]) == sorted(
        ("reports/flawed.txt", f["code"], [q["text"] for q in f["quotes"]], mark)
        for mark, f in marks.items())

    again = run_cli(cwd, "check", "--baseline", "baseline.json", "reports")
    assert again.returncode == 0
    assert again.stdout.splitlines() == [
        summary("reports/consistent.txt", []),
        summary("reports/flawed.txt", [], suppressed=len(flawed)),
        overall(2, [], suppressed=len(flawed)),
    ]

    # An edit elsewhere shifts every offset after line 4: still suppressed.
    lines = FLAWED.split("\n")
    assert lines[3].startswith("1、贯彻落实")
    lines[3] += "（本句为补充说明，不含数字。）"
    shifted = "\n".join(lines)
    (reports / "flawed.txt").write_text(shifted, encoding="utf-8")
    assert [f.span for f in findings_of(shifted)] != [f.span for f in flawed]
    moved = run_cli(cwd, "check", "-q", "--baseline", "baseline.json", "reports")
    assert moved.stdout == ""
    assert moved.returncode == 0

    # Changing the offending figure (line 45, error (a) of the key) reports it again.
    assert "支出决算为7.34万元" in lines[44]
    lines[44] = lines[44].replace("支出决算为7.34万元", "支出决算为8.34万元")
    changed = "\n".join(lines)
    (reports / "flawed.txt").write_text(changed, encoding="utf-8")
    old_keys = {(f.code, tuple(s.of(FLAWED) for s in f.spans)) for f in flawed}
    new = [f for f in findings_of(changed)
           if (f.code, tuple(s.of(changed) for s in f.spans)) not in old_keys]
    assert any(f.code == "FR101" and "8.34万元" in [s.of(changed) for s in f.spans]
               for f in new)
    reported = run_cli(cwd, "check", "-q", "--baseline", "baseline.json", "reports")
    expected = []
    for f in new:
        line, col = f.span.line_col(changed)
        expected.append(f"reports/flawed.txt:{line}:{col}: {f.code} {f.severity.value} "
                        f"{f.message}")
    assert reported.stdout.splitlines() == expected
    assert reported.returncode == 1


def test_baseline_counts_each_recorded_finding_once(tmp_path: Path) -> None:
    (tmp_path / "flawed.txt").write_text(FLAWED, encoding="utf-8")
    fr905 = next(f for f in findings_of(FLAWED) if f.code == "FR905")
    entry = {"path": "flawed.txt", "code": "FR905", "quotes": [s.of(FLAWED) for s in fr905.spans]}
    (tmp_path / "b.json").write_text(json.dumps({"version": 1, "findings": [entry]}),
                                     encoding="utf-8")
    result = run_cli(tmp_path, "check", "-q", "--baseline", "b.json", "flawed.txt")
    assert result.stdout.splitlines() == [line for line in finding_lines("flawed.txt", FLAWED)
                                          if " FR905 " not in line]
    other_path = {**entry, "path": "elsewhere.txt"}
    (tmp_path / "c.json").write_text(json.dumps({"version": 1, "findings": [other_path]}),
                                     encoding="utf-8")
    result = run_cli(tmp_path, "check", "-q", "--baseline", "c.json", "flawed.txt")
    assert result.stdout.splitlines() == finding_lines("flawed.txt", FLAWED)


def test_unreadable_baseline_is_a_usage_error(reports: Path) -> None:
    (reports.parent / "bad.json").write_text("[1, 2]", encoding="utf-8")
    for name in ("bad.json", "absent.json"):
        result = run_cli(reports.parent, "check", "--baseline", name, "reports")
        assert result.returncode == 2
        assert f"--baseline {name}: " in result.stderr
        assert result.stdout == ""


# ---------------------------------------------------------------------------------------
# show, rules, schema


def test_show(reports: Path) -> None:
    result = run_cli(reports.parent, "show", "reports/flawed.txt")
    assert result.returncode == 0
    report = finreport.parse(FLAWED)
    assert result.stdout == "reports/flawed.txt (utf-8)\n\n" + render_report(
        report, audit=finreport.audit(report))
    lines = result.stdout.splitlines()
    assert lines[2] == "桐川区民族宗教事务局  2021  部门决算"
    # the checks made, by rule, and in all: held, failed, not made
    made = finreport.audit(report).counts()
    held, failed, skipped = (made[o] for o in finreport.Outcome)
    assert "== 核对 ==" in lines
    assert lines[-1].split() == [str(held), str(failed), str(skipped)]
    assert any(line.split()[:3] == ["满意度指标", "服务对象满意度", "参与群众满意度"]
               and line.split()[-1] == "未达成" for line in lines)
    english = run_cli(reports.parent, "show", "--locale", "en", "reports/flawed.txt")
    assert english.stdout == "reports/flawed.txt (utf-8)\n\n" + render_report(
        report, locale="en", audit=finreport.audit(report, locale="en"))


def test_show_json_reloads_to_the_parsed_report(reports: Path) -> None:
    result = run_cli(reports.parent, "show", "--format", "json", "reports/consistent.txt")
    assert finreport.from_json(result.stdout, finreport.Report) == finreport.parse(CONSISTENT)


def test_show_a_non_report(reports: Path) -> None:
    (reports / "notes.txt").write_text("随便写几句话。", encoding="utf-8")
    result = run_cli(reports.parent, "show", "reports/notes.txt")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("finreport: reports/notes.txt: not a report: ")
    missing = run_cli(reports.parent, "show", "reports/none.txt")
    assert missing.returncode == 2
    assert missing.stderr.startswith("finreport: reports/none.txt: cannot read: ")


def test_rules() -> None:
    result = run_cli(Path.cwd(), "rules")
    catalogue = finreport.rules()
    assert result.stdout == render_rules(catalogue) + "\n"
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "title"]
    assert [line.split()[:4] for line in lines[2:]] == [
        [r.code, r.name, r.severity.value, r.title_zh.split()[0]] for r in catalogue]
    english = run_cli(Path.cwd(), "rules", "--locale", "en").stdout.splitlines()
    column = english[0].index("title")
    assert [line[column:] for line in english[2:]] == [r.title for r in catalogue]


@pytest.mark.parametrize(("what", "cls"), [("report", finreport.Report), ("finding", Finding)])
def test_schema_command(what: str, cls: type) -> None:
    result = run_cli(Path.cwd(), "schema", what)
    assert json.loads(result.stdout) == json_schema(cls)


# ---------------------------------------------------------------------------------------
# Progress (stderr, terminals only)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    terminal = _Terminal()
    progress = Progress(terminal, 2)
    progress.step("a.txt")
    progress.step("b.txt")
    progress.close()
    assert terminal.getvalue() == "\r\x1b[K[1/2] a.txt\r\x1b[K[2/2] b.txt\r\x1b[K"
    pipe = io.StringIO()
    quiet = Progress(pipe, 2)
    quiet.step("a.txt")
    quiet.close()
    assert pipe.getvalue() == ""


# ---------------------------------------------------------------------------------------
# _render: pure text


def test_display_width_and_pad() -> None:
    assert display_width("abc") == 3
    assert display_width("收入合计") == 8
    assert display_width("３１５％") == 8  # full-width forms
    assert pad("收入", 6) == "收入  "
    assert pad("1.5", 6, right=True) == "   1.5"


def test_table_aligns_cjk_columns() -> None:
    text = table(("项目", "金额"), [("基本支出", "294.90万元"), ("项目支出", "20.50万元")],
                 right=(1,), indent="")
    assert text.splitlines() == [
        "项目            金额",
        "--------  ----------",
        "基本支出  294.90万元",
        "项目支出   20.50万元",
    ]


def test_format_figures_and_changes() -> None:
    report = finreport.parse(CONSISTENT)
    assert report.grand_total is not None and report.income is not None
    assert format_figure(report.grand_total.amount) == "315.40万元"
    assert format_change(report.grand_total.change) == "增加24.13万元，增长8.28%（与2020年相比）"
    assert format_figure(None) == "—"
    income = report.income
    assert income.total is not None and income.items
    # The consistent fixture's stated shares are part / whole at the written precision.
    assert [computed_share(i.amount, income.total.amount, i.share.decimals if i.share else 2)
            for i in income.items] == [format_figure(i.share) for i in income.items]
    zero = finreport.Amount(Decimal(0), "万元", finreport.Span(0, 3))
    assert computed_share(zero, zero) == "—"


def test_render_report_sections() -> None:
    report = finreport.parse(FLAWED)
    text = render_report(report)
    for heading in ("机构设置", "收、支总计", "收入决算", "支出决算", "一般公共预算财政拨款支出",
                    "一般公共预算财政拨款基本支出", "“三公”经费", "机关运行经费", "政府采购",
                    "国有资产", "预算绩效管理", "项目绩效目标完成情况表", "附件"):
        assert f"== {heading} ==" in text
    lines = text.splitlines()
    # Line 40 of the flawed fixture: 216.80 of 220.50 is 98.32%, stated 100% (error g).
    [line] = [line for line in lines if "行政运行" in line and "216.80万元" in line]
    assert line.split()[2:] == ["216.80万元", "220.50万元", "100%", "98.32%", "决算数小于预算数"]
    [project] = report.project_tables
    verdicts = [i.verdict() for i in project.indicators]
    tally = [verdicts.count(v) for v in finreport.Verdict]
    assert f"  达成 {tally[0]}，未达成 {tally[1]}，无法判断 {tally[2]}" in lines
    assert tally[1] >= 1  # error (i) of the key: 90% against ≥95%
    assert "名词解释: 8" in lines
    assert "模板残留: 2（增加/减少、增长/下降）" in lines


def test_the_core_and_check_import_no_extra() -> None:
    """``import finreport``, parse, check and the CLI's check never import the extras'
    packages (dask, distributed, pandas, pyarrow, playwright, pypdfium2 for text)."""
    code = ("import sys, finreport, finreport.cli\n"
            "from pathlib import Path\n"
            "text = Path('examples/data/sample_report.txt').read_text(encoding='utf-8')\n"
            "finreport.check(finreport.parse(text))\n"
            "finreport.cli.main(['check', 'examples/data/sample_report.txt', '-q', '-j', '1'])\n"
            "heavy = {'dask', 'distributed', 'pandas', 'pyarrow', 'playwright', 'pypdfium2'}\n"
            "print(sorted(heavy & set(sys.modules)), file=sys.stderr)\n")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", check=False)
    assert done.stderr.strip().splitlines()[-1] == "[]"
