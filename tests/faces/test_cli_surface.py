"""The command line's surface, as an auditor and an embedding system meet it: --output for
every format, the exit codes (--exit-zero, --fail-on, the same for check and batch),
--statistics, -q, settings from finreport.toml or pyproject.toml, accepting a finding in
place, and what --help says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import finreport
from finreport.cli import main

from ..conftest import read_fixture

FLAWED = read_fixture("seedstyle_flawed.txt")
CONSISTENT = read_fixture("seedstyle_consistent.txt")


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path/reports`` with the flawed and the consistent fixture; the current folder
    is ``tmp_path``."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "flawed.txt").write_text(FLAWED, encoding="utf-8")
    (folder / "consistent.txt").write_text(CONSISTENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------------------------
# --output


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github"])
def test_output_writes_every_format_to_the_file(reports: Path, fmt: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, printed, _ = _run(capsys, "check", "reports", "--format", fmt, "-j", "1")
    written = reports.parent / f"out.{fmt}"
    code_o, out, _ = _run(capsys, "check", "reports", "--format", fmt, "-j", "1",
                          "--output", str(written))
    assert code == code_o == 1
    assert out == ""  # it was ignored before: json went to standard output
    assert written.read_text(encoding="utf-8") == printed


def test_an_output_that_names_a_page_is_refused_for_several_reports(
        reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "reports/flawed.txt", "reports/consistent.txt", "--format", "html",
              "-o", "two.html"])
    assert exit_.value.code == 2
    assert "--output two.html names one page, but several reports" in capsys.readouterr().err
    assert not (reports.parent / "two.html").exists()  # no folder named two.html
    assert main(["check", "reports/flawed.txt", "reports/consistent.txt", "--format", "html",
                 "-o", "pages"]) == 1
    assert sorted(p.name for p in (reports.parent / "pages").iterdir()) == [
        "consistent.html", "flawed.html", "index.html"]


def test_an_unwritable_output_is_one_line_and_exit_2(reports: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "check", "reports", "--format", "json", "-o",
                        "no/such/folder/out.json")
    assert code == 2
    assert err.startswith("finreport: --output no/such/folder/out.json: cannot write: ")


# ---------------------------------------------------------------------------------------
# exit codes


def test_exit_zero_and_fail_on(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "check", "reports")[0] == 1
    assert _run(capsys, "check", "reports", "--exit-zero")[0] == 0
    # the flawed report has warnings too: without its errors, --fail-on warning still fails
    no_errors = ["--select", "FR701"]
    assert _run(capsys, "check", "reports", *no_errors)[0] == 0
    assert _run(capsys, "check", "reports", *no_errors, "--fail-on", "warning")[0] == 1
    assert _run(capsys, "check", "reports", *no_errors, "--fail-on", "warning",
                "--exit-zero")[0] == 0
    # a problem still exits 2, whatever --exit-zero says
    (reports / "notes.txt").write_text("随便写几句话。", encoding="utf-8")
    assert _run(capsys, "check", "reports", "--exit-zero")[0] == 2


def test_batch_exits_as_check_on_an_empty_folder(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    (tmp_path / "empty").mkdir()
    for command in (["check"], ["batch", "--output", str(tmp_path / "out")]):
        with pytest.raises(SystemExit) as exit_:
            main([*command, str(tmp_path / "empty")])
        assert exit_.value.code == 2
        assert "no *.txt or *.pdf files found in" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------
# --statistics, -q, --show-fingerprints


def _by_rule(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in finreport.check(finreport.parse(text)):
        counts[f.code] = counts.get(f.code, 0) + 1
    return counts


def test_statistics(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports / "notes.txt").write_text("随便写几句话。", encoding="utf-8")
    code, out, _ = _run(capsys, "check", "reports", "--statistics", "-j", "1")
    assert code == 2
    lines = out.splitlines()
    assert lines[0].split() == ["count", "code", "severity", "title"]
    by_rule = _by_rule(FLAWED)
    assert sorted((line.split()[1], int(line.split()[0])) for line in lines[2:2 + len(by_rule)]
                  ) == sorted(by_rule.items())
    assert ["1", "not_a_report", "problem", "不是部门预算或决算报告"] in [
        line.split() for line in lines]
    assert lines[-1].startswith("Checked 2 reports: ")
    # a machine-readable format keeps standard output for its document
    code, out, err = _run(capsys, "check", "reports", "--statistics", "--format", "json")
    assert json.loads(out)["summary"]["rules"] == dict(sorted(by_rule.items()))
    assert err.splitlines()[-1].split() == ["1", "not_a_report", "problem", "不是部门预算或决算报告"]


def test_quiet_means_no_notes_in_any_format(reports: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "check", "reports", "--format", "json", "-q",
                          "--write-baseline", "b.json")
    assert code == 0 and err == "" and json.loads(out)["findings"]
    code, out, err = _run(capsys, "check", "reports", "--format", "json",
                          "--write-baseline", "b.json")
    assert err.startswith("finreport: recorded ")


def test_show_fingerprints(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "check", "reports/flawed.txt", "-q", "--show-fingerprints")
    _, document, _ = _run(capsys, "check", "reports/flawed.txt", "--format", "json")
    marks = [f["fingerprint"] for f in json.loads(document)["findings"]]
    assert [line.rsplit(" ", 1)[1] for line in out.splitlines()] == [f"[{m}]" for m in marks]


# ---------------------------------------------------------------------------------------
# settings


def test_settings_from_finreport_toml_found_upwards(reports: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (reports.parent / "finreport.toml").write_text('select = ["FR905"]\nformat = "jsonl"\n',
                                                   encoding="utf-8")
    code, out, _ = _run(capsys, "check", "reports/flawed.txt")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert {r["code"] for r in records if r["record"] == "finding"} == {"FR905"}
    # the command line wins over the file
    code, out, _ = _run(capsys, "check", "reports/flawed.txt", "--select", "FR8",
                        "--format", "text", "-q")
    assert {line.split()[1] for line in out.splitlines()} == {"FR801"}
    # --isolated reads no settings; --config names a file
    code, out, _ = _run(capsys, "check", "reports/flawed.txt", "--isolated", "-q")
    assert len(out.splitlines()) == len(finreport.check(finreport.parse(FLAWED)))
    other = reports.parent / "other.toml"
    other.write_text('ignore = "FR9"\n', encoding="utf-8")
    code, out, _ = _run(capsys, "check", "reports/flawed.txt", "--config", str(other), "-q")
    assert not any(" FR9" in line for line in out.splitlines())


def test_settings_from_pyproject_toml(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (reports.parent / "pyproject.toml").write_text(
        '[tool.finreport]\nfail-on = "warning"\nselect = ["FR701"]\nlocale = "en"\n',
        encoding="utf-8")
    # reports/pyproject.toml has no [tool.finreport]: the search goes on upwards
    code, out, _ = _run(capsys, "check", "reports/flawed.txt", "-q")
    assert code == 1  # a warning fails, as the settings say
    assert out.splitlines()[0].split()[1:3] == ["FR701", "warning"]
    assert "not met" in out or "target" in out  # English, as the settings say


@pytest.mark.parametrize(("content", "said"), [
    ("selct = ['FR1']\n", "unknown key 'selct'"),
    ("jobs = 'four'\n", "jobs = 'four' is not a whole number"),
    ("select = \n", "not TOML"),
    ("fail-on = 'info'\n", "fail-on = 'info': error or warning"),
    ("locale = 'fr'\n", "locale: "),
    ("[[accept]]\nfingerprint = 'abc'\n", "needs a reason"),
])
def test_settings_that_cannot_be_used_are_named(reports: Path, content: str, said: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (reports.parent / "finreport.toml").write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["check", "reports"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "finreport.toml" in err and said in err


# ---------------------------------------------------------------------------------------
# accepting a finding in place


def test_accepted_findings_are_not_reported(reports: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    _, document, _ = _run(capsys, "check", "reports/flawed.txt", "--format", "json")
    findings = json.loads(document)["findings"]
    fr905 = next(f for f in findings if f["code"] == "FR905")
    fr801 = next(f for f in findings if f["code"] == "FR801")
    (reports.parent / "finreport.toml").write_text(
        f'[[accept]]\nfingerprint = "{fr905["fingerprint"]}"\ncode = "FR905"\n'
        'reason = "the second-level unit was dissolved in 2021 (letter of 3 March)"\n'
        f'[[accept]]\nfingerprint = "{fr801["fingerprint"]}"\npath = "*.pdf"\n'
        'reason = "applies to the PDFs only"\n'
        '[[accept]]\nfingerprint = "0123456789abcdef"\npath = "reports/flawed.txt"\n'
        'reason = "a finding since corrected"\n', encoding="utf-8")
    _, out, err = _run(capsys, "check", "reports/flawed.txt")
    lines = out.splitlines()
    assert not any(" FR905 " in line for line in lines)
    assert any(" FR801 " in line for line in lines)  # its entry names other files
    assert lines[-2].endswith("(utf-8), 1 accepted")
    assert lines[-1].endswith(", 1 accepted")
    # the entry that matches nothing is stale, and said
    assert err.splitlines() == [
        f"finreport: {reports.parent / 'finreport.toml'}: accept entry 0123456789abcdef "
        "(reports/flawed.txt) matches no finding (stale: the finding is gone, or its "
        "figures changed)"]
    _, document, _ = _run(capsys, "check", "reports/flawed.txt", "--format", "json")
    assert json.loads(document)["summary"]["accepted"] == 1


# ---------------------------------------------------------------------------------------
# what the program says it is


def test_help_speaks_of_budgets_and_final_accounts(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "部门预算" in out and "部门决算" in out


def test_every_name_select_takes_is_listed_by_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listed = {line.split()[1] for line in capsys.readouterr().out.splitlines()[2:]}
    assert listed == {r.name for r in finreport.rules()}



def test_a_baseline_named_in_the_settings_is_found_beside_them(
        reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = reports.parent
    assert main(["check", "reports", "--write-baseline", "recorded.json", "-q"]) == 0
    (root / "pyproject.toml").write_text('[tool.finreport]\nbaseline = "recorded.json"\n',
                                         encoding="utf-8")
    code, out, _ = _run(capsys, "check", "reports")
    assert code == 0 and "suppressed by baseline" in out.splitlines()[-1]
