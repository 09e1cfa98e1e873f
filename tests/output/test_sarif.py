"""``finreport check --format sarif`` and ``--format github``: SARIF 2.1.0 that validates
against the standard's schema (vendored in ``tests/output/schemas``) and loads in a SARIF
viewer's parser (sarif-tools), and GitHub Actions workflow commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import finreport
from finreport.cli import main
from finreport.output.fingerprint import FINGERPRINT_KEY, fingerprints
from finreport.output.github import escape_data, escape_property
from finreport.output.sarif import artifact_uri

from ..conftest import ROOT, read_fixture

SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"
FLAWED = read_fixture("seedstyle_flawed.txt")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Reports of every sort: flawed, consistent, not a report, an encrypted-looking PDF
    that is an HTML page, a report whose name needs percent-encoding in a URI."""
    root = tmp_path / "reports"
    root.mkdir()
    (root / "flawed.txt").write_text(FLAWED, encoding="utf-8")
    (root / "consistent.txt").write_text(read_fixture("seedstyle_consistent.txt"),
                                         encoding="utf-8")
    (root / "notes.txt").write_text("会议纪要：本周例会。", encoding="utf-8")
    (root / "page.pdf").write_bytes(b"<!DOCTYPE html><html>404</html>")
    (root / "2021年 决算#1.txt").write_text(FLAWED, encoding="utf-8")
    return root


def _sarif(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code = main(["check", str(folder), "--format", "sarif", "-j", "1", *args])
    assert code == 2  # two files could not be checked
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_sarif_validates_against_the_sarif_2_1_0_schema(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="pip install -e '.[test]'")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema,
                                           format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    log = _sarif(folder, capsys)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    # the schema does check: a result without its message is refused
    broken = json.loads(json.dumps(log))
    del broken["runs"][0]["results"][0]["message"]
    assert list(validator.iter_errors(broken))
    english = _sarif(folder, capsys, "--locale", "en")
    assert list(validator.iter_errors(english)) == []


def test_sarif_results_regions_related_locations_and_fingerprints(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = _sarif(folder, capsys)
    [run] = log["runs"]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "finreport" and driver["version"] == finreport.__version__
    catalogue = finreport.rules()
    assert [r["id"] for r in driver["rules"]] == [r.code for r in catalogue]
    fr101 = next(r for r in driver["rules"] if r["id"] == "FR101")
    assert fr101["shortDescription"]["text"] == "各项之和与合计不符"
    assert fr101["fullDescription"]["text"] == next(
        r.doc for r in finreport.rules() if r.code == "FR101")
    assert fr101["defaultConfiguration"]["level"] == "error"

    report = finreport.parse(FLAWED)
    found = finreport.check(report)
    marks = fingerprints(found, report, FLAWED)
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    flawed_index = uris.index(artifact_uri(str(folder / "flawed.txt")))
    assert uris[flawed_index].startswith("file:///")
    # a URI, percent-encoded
    assert artifact_uri(str(folder / "2021年 决算#1.txt")) in uris
    assert artifact_uri("reports/2021年 决算#1.txt") == (
        "reports/2021%E5%B9%B4%20%E5%86%B3%E7%AE%97%231.txt")
    results = [r for r in run["results"]
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"]
               == flawed_index]
    assert len(results) == len(found)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, finding, mark in zip(results, found, marks, strict=True):
        assert result["ruleId"] == finding.code
        assert driver["rules"][result["ruleIndex"]]["id"] == finding.code
        assert result["level"] == levels[finding.severity.value]
        assert result["message"]["text"] == finding.message
        assert result["fingerprints"] == result["partialFingerprints"] == {FINGERPRINT_KEY: mark}
        region = result["locations"][0]["physicalLocation"]["region"]
        first = finding.spans[0]
        assert (region["startLine"], region["startColumn"]) == first.line_col(FLAWED)
        assert (region["endLine"], region["endColumn"]) == finreport.line_col(FLAWED, first.end)
        assert region["snippet"]["text"] == first.of(FLAWED)
        related = result["relatedLocations"]
        assert [r["message"]["text"] for r in related] == [s.of(FLAWED) for s in finding.spans]
        assert [(r["physicalLocation"]["region"]["startLine"],
                 r["physicalLocation"]["region"]["startColumn"]) for r in related] == [
            s.line_col(FLAWED) for s in finding.spans]
        stated = finding.evidence.stated
        assert result["properties"]["evidence"]["stated"] == (None if stated is None
                                                              else str(stated))


def test_sarif_names_every_file_it_could_not_check(folder: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    [run] = _sarif(folder, capsys)["runs"]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = {(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              n["descriptor"]["id"], n["level"]) for n in invocation["toolExecutionNotifications"]}
    assert notes == {(artifact_uri(str(folder / "notes.txt")), "not_a_report", "error"),
                     (artifact_uri(str(folder / "page.pdf")), "pdf_unreadable", "error")}
    described = {d["id"] for d in run["tool"]["driver"]["notifications"]}
    assert described == {"not_a_report", "pdf_unreadable"}
    assert len(run["artifacts"]) == 5  # every file, the failed ones too


def test_sarif_loads_in_a_viewer_s_parser(folder: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    loader = pytest.importorskip("sarif.loader", reason="sarif-tools is not installed "
                                                       "(pip install -e '.[test]')")
    out = tmp_path / "run.sarif"
    assert main(["check", str(folder), "--format", "sarif", "-o", str(out), "-j", "1"]) == 2
    assert capsys.readouterr().out == ""  # the log went to the file
    sarif_file = loader.load_sarif_file(str(out))
    found = finreport.check(finreport.parse(FLAWED))
    assert sarif_file.get_result_count() == 2 * len(found)
    assert sarif_file.get_distinct_tool_names() == ["finreport"]
    records = sarif_file.get_records()
    assert sorted((r["Code"], r["Line"]) for r in records if r["Location"].endswith(
        "flawed.txt")) == sorted((f.code, f.span.line_col(FLAWED)[0]) for f in found)


# ---------------------------------------------------------------------------------------
# GitHub annotations


def test_github_annotations(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(folder / "flawed.txt"), str(folder / "notes.txt"),
                 "--format", "github"]) == 2
    lines = capsys.readouterr().out.splitlines()
    found = finreport.check(finreport.parse(FLAWED))
    path = escape_property(str(folder / "flawed.txt"))
    assert len(lines) == len(found) + 1
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    titles = {r.code: r.title_zh for r in finreport.rules()}
    for line, finding in zip(lines, found, strict=False):
        first = finding.spans[0]
        start, end = first.line_col(FLAWED), finreport.line_col(FLAWED, first.end)
        quoted = " · ".join(f"“{s.of(FLAWED)}” {':'.join(map(str, s.line_col(FLAWED)))}"
                            for s in finding.spans)
        end_column = f",endColumn={end[1] - 1}" if end[0] == start[0] else ""
        assert line == (
            f"::{commands[finding.severity.value]} file={path},line={start[0]},col={start[1]},"
            f"endLine={end[0]}{end_column},"
            f"title={escape_property(finding.code + ' ' + titles[finding.code])}"
            f"::{escape_data(finding.message + chr(10) + quoted)}")
    assert lines[-1].startswith(f"::error file={escape_property(str(folder / 'notes.txt'))},"
                                "title=finreport%3A not_a_report::not a report: ")


def test_github_escaping() -> None:
    assert escape_data("50% of\r\na") == "50%25 of%0D%0Aa"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_the_docs_name_the_formats() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in ("--format sarif", "--format github", "fingerprint"):
        assert name in doc
