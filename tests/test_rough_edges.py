"""The rough edges a new user met (issue 9), each with the test that failed before."""

from __future__ import annotations

from pathlib import Path

import pytest

import finreport
from finreport.cli import main

from .conftest import ROOT

SAMPLE = ROOT / "examples" / "data" / "sample_report.txt"
TEXT = SAMPLE.read_text(encoding="utf-8")


def _located(text: str, locale: str = "zh_CN") -> list[tuple[str, tuple[int, int], str]]:
    report = finreport.parse(text)
    return [(f.code, f.span.line_col(text), f.message)
            for f in finreport.check(report, locale=locale)]


# --- output files that cannot be written --------------------------------------------------


@pytest.mark.parametrize("option", ["--summary", "--write-baseline"])
def test_an_unwritable_output_file_is_one_line_and_exit_2(
        option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.csv"
    assert main(["check", str(SAMPLE), "-q", option, str(target)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"finreport: {option} {target}: cannot write: No such file or directory"]


# --- very long amounts ------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["zh_CN", "en", "zh_TW", "en_IN"])
def test_an_amount_of_31_digits_is_checkable(locale: str) -> None:
    big = "1234567890123456789012345678901.45"
    text = TEXT.replace("315.40万元", big + "万元").replace("增加24.13万元", f"增加{big}万元")
    report = finreport.parse(text)
    assert report.grand_total is not None and report.grand_total.amount is not None
    assert str(report.grand_total.amount.value) == big
    findings = finreport.check(report, locale=locale)
    assert any(big in s.of(text) for f in findings for s in f.spans)


# --- line endings ----------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r", "\u2028", "\u2029", "\r\n", "\x85"])
def test_other_line_endings_read_as_line_breaks(newline: str) -> None:
    expected = _located(TEXT)
    text = TEXT.replace("\n", newline)
    assert _located(text) == expected
    report = finreport.parse(text)
    amount = report.grand_total.amount if report.grand_total else None
    assert amount is not None and amount.span.of(text) == "315.40万元"


def test_line_col_counts_lines_as_editors_do() -> None:
    assert finreport.line_col("ab\rcd", 4) == (2, 2)
    assert finreport.line_col("ab\r\ncd", 5) == (2, 2)
    assert finreport.line_col("a\u2028b\u2029c", 4) == (3, 1)
    assert finreport.line_col("a\fb", 2) == (1, 3)  # a pdftotext page break ends no line


# --- select and locale -------------------------------------------------------------------


def test_select_takes_a_string_an_iterable_or_rule_names() -> None:
    report = finreport.parse(TEXT)
    codes = [f.code for f in finreport.check(report, select="FR1")]
    assert codes == [f.code for f in finreport.check(report, select=["FR1"])] == ["FR101"]
    both = [f.code for f in finreport.check(report, select="FR101, share")]
    assert both == ["FR101", "FR201", "FR201"]
    assert [f.code for f in finreport.check(report, select=("lines-total", "share"))] == [
        "FR201", "FR201"]
    kept = {f.code for f in finreport.check(report, ignore="FR2,FR9")}
    assert kept and not {c for c in kept if c.startswith(("FR2", "FR9"))}
    with pytest.raises(ValueError, match="no rule matches 'sharee'"):
        finreport.check(report, select="sharee")


@pytest.mark.parametrize(("locale", "chinese"), [
    ("zh", True), ("zh_CN", True), ("zh_Hans", True), ("zh-CN", True), ("zh_TW", True),
    ("en", False), ("en_US", False), ("en-GB", False),
])
def test_accepted_locales(locale: str, chinese: bool,
                          capsys: pytest.CaptureFixture[str]) -> None:
    message = finreport.check(finreport.parse(TEXT), locale=locale)[0].message
    assert message == ("下属单位0个，而其中各项合计1个" if chinese
                       else "subordinate units: 0个, but the kinds listed add up to 1个")
    assert main(["check", str(SAMPLE), "-q", "--locale", locale, "--select", "FR905"]) == 1
    assert message in capsys.readouterr().out


@pytest.mark.parametrize("locale", ["fr", "de_DE", "xx", ""])
def test_other_locales_are_refused_in_the_library_and_the_cli(
        locale: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = finreport.parse(TEXT)
    with pytest.raises(ValueError, match=r"locale .*: finreport writes messages in Chinese"):
        finreport.check(report, locale=locale)
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(SAMPLE), "--locale", locale])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "argument --locale:" in err and "finreport writes messages in Chinese" in err


def test_cli_selects_by_rule_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SAMPLE), "-q", "--select", "share,lines-total"]) == 1
    codes = {line.split()[1] for line in capsys.readouterr().out.splitlines()}
    assert codes == {"FR201"}


# --- baselines report their stale entries -------------------------------------------------


def test_a_baseline_reports_its_stale_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["check", "a.txt", "-q", "--write-baseline", "b.json"]) == 0
    capsys.readouterr()
    assert main(["check", "a.txt", "-q", "--baseline", "b.json"]) == 0
    assert capsys.readouterr().err == ""  # nothing stale yet
    Path("a.txt").write_text(TEXT.replace("38.98万元", "39.98万元"), encoding="utf-8")
    assert main(["check", "a.txt", "-q", "--baseline", "b.json", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "finreport: b.json: stale entry a.txt: FR101 “38.98万元”, “7.34万元”, “21.76万元”, "
        "“10.88万元” (no longer found)",
        "finreport: b.json: 1 stale entry; refresh it with --write-baseline"]
    import json

    assert json.loads(out)["summary"]["stale"] == 1


# --- the schema covers what the CLI writes ------------------------------------------------


def test_cli_json_output_validates_against_its_schema(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from .test_schema import validate

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("not a report", encoding="utf-8")
    assert main(["schema", "check-json"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert main(["check", str(tmp_path), "--format", "json", "-j", "1"]) == 2
    document = json.loads(capsys.readouterr().out)
    assert document["findings"] and document["summary"]["problems"] == 1
    assert validate(document, schema, schema) == []
    broken = dict(document, summary={**document["summary"], "stale": "1"})
    assert validate(broken, schema, schema) != []

    assert main(["schema", "check-jsonl"]) == 0
    line_schema = json.loads(capsys.readouterr().out)
    assert main(["check", str(tmp_path / "a.txt"), "--format", "jsonl"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 10
    for line in lines:
        assert validate(line, line_schema, line_schema) == []
    assert validate({**lines[0], "line": "20"}, line_schema, line_schema) != []
