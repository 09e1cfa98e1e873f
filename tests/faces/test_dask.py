"""``finreport batch`` and ``finreport.dask``: the Parquet a Dask cluster writes equals
what ``finreport check`` says of the same files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from finreport.cli import main

from ..conftest import ROOT, read_fixture

pytest.importorskip("distributed", reason="the dask extra is not installed "
                                          "(pip install -e '.[dask]')")
pytest.importorskip("pyarrow", reason="the dask extra is not installed")
pd = pytest.importorskip("pandas", reason="the dask extra is not installed")

SAMPLE = ROOT / "examples" / "data" / "sample_report.txt"


def _varied(text: str, k: int) -> str:
    """*text* with its first amounts nudged, so reports differ in their findings."""
    amounts = list(re.finditer(r"(?<![\d.])\d+\.\d\d(?=万元)", text))[: k % 5]
    for m in reversed(amounts):
        text = text[: m.start()] + f"{float(m.group()) + 1:.2f}" + text[m.end():]
    return text


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reports")
    sources = [SAMPLE.read_text(encoding="utf-8"), read_fixture("seedstyle_consistent.txt"),
               read_fixture("seedstyle_flawed.txt")]
    for k in range(12):
        sub = root / f"batch{k // 5}"
        sub.mkdir(exist_ok=True)
        (sub / f"report{k:02d}.txt").write_text(_varied(sources[k % 3], k), encoding="utf-8")
    (root / "gb18030.txt").write_bytes(read_fixture("seedstyle_flawed.txt").encode("gb18030"))
    (root / "not_a_report.txt").write_text("会议纪要：今天天气很好。", encoding="utf-8")
    (root / "unreadable.txt").write_bytes(b"\xff\xfe\xff\xff broken")
    (root / "scanned.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    return root


def _check_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["check", str(folder), "--format", "json", "-j", "1"])
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _finding_rows(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted(
        (f["path"], f["code"], f["severity"], f["message"], f["line"], f["col"],
         tuple(q["text"] for q in f["quotes"]),
         *(f["evidence"][k] for k in ("stated", "expected_low", "expected_high",
                                      "difference", "tolerance", "unit")), f["fingerprint"])
        for f in document["findings"])


def _parquet_rows(frame: Any) -> list[tuple[Any, ...]]:
    def value(v: Any) -> Any:
        return None if v is pd.NA or v is None else v

    return sorted(
        (r.report, r.code, r.severity, r.message, int(r.line), int(r.col), tuple(r.quotes),
         *(value(getattr(r, k)) for k in ("stated", "expected_low", "expected_high",
                                           "difference", "tolerance", "unit")), r.fingerprint)
        for r in frame.itertuples())


def test_batch_on_a_local_cluster_equals_check(folder: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["batch", str(folder), "--output", str(out), "--workers", "2", "--csv"])
    captured = capsys.readouterr()
    assert code == 2  # files that could not be checked, as check says
    assert captured.out.startswith(
        "Checked 13 reports: ") and ("; 3 files could not be checked (not_a_report 1, "
                                     "pdf_unreadable 1, undecodable 1); wrote ") in captured.out
    # each is named, as check names it
    assert sorted(captured.err.splitlines()) == sorted(
        f"finreport: {folder / name}: {why}" for name, why in (
            ("not_a_report.txt", "not a report: not a department budget or final-accounts "
             "report: its title names none (such as 2026年度XX局部门预算) and no part of one "
             "was found (no heading such as 第二部分 …决算情况说明, 收入决算情况说明 or "
             "“三公”经费…情况说明) [not_a_report]"),
            ("scanned.pdf", "cannot read the PDF: the PDF is truncated (its end is missing) "
             "and PDFium cannot repair it [pdf_unreadable]"),
            ("unreadable.txt", "cannot decode as utf-16-le (as its byte-order mark says): "
             "truncated data at byte 10 [undecodable]")))
    document = _check_json(folder, capsys)

    findings = pd.read_parquet(out / "findings.parquet")
    assert len(findings) == len(document["findings"]) > 20
    assert _parquet_rows(findings) == _finding_rows(document)
    main(["check", str(folder), "--format", "jsonl", "-j", "1"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert _parquet_rows(findings) == _finding_rows(
        {"findings": [line for line in lines if line["record"] == "finding"]})

    summary = pd.read_parquet(out / "summary.parquet").sort_values("report")
    files = sorted(document["files"], key=lambda f: f["path"])
    assert list(summary["report"]) == [f["path"] for f in files]
    for row, file in zip(summary.itertuples(), files, strict=True):
        problem = None if row.problem is pd.NA else row.problem
        assert problem == file["problem"]
        code = None if row.problem_code is pd.NA else row.problem_code
        assert code == file["problem_code"] and list(row.notices) == file["notices"]
        if problem is None:
            assert (row.organization, int(row.fiscal_year), int(row.figures)) == (
                file["organization"], file["fiscal_year"], file["figures"])
            assert (int(row.errors), int(row.warnings), int(row.infos)) == (
                file["counts"]["error"], file["counts"]["warning"], file["counts"]["info"])
    problems = dict(zip(summary["report"], summary["problem"], strict=True))
    assert problems[str(folder / "unreadable.txt")].startswith("cannot decode as utf-16")
    assert problems[str(folder / "not_a_report.txt")].startswith("not a report:")
    assert problems[str(folder / "scanned.pdf")].startswith("cannot read the PDF")
    assert summary.loc[summary["report"] == str(folder / "gb18030.txt"),
                       "encoding"].item() == "gb18030"
    csv = pd.read_csv(out / "findings.csv")
    assert len(csv) == len(findings)
    # the quotes of a finding are a JSON array in the CSV, not Python's repr of a list
    assert [json.loads(q) for q in csv["quotes"]] == [list(q) for q in findings["quotes"]]


def test_a_bag_of_bytes_gives_the_same_rows(folder: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import dask
    import dask.bag

    from finreport.dask import audit_bag, audit_paths, list_files

    names = list_files(str(folder))
    assert len(names) == 16
    bag = dask.bag.from_sequence([(n, Path(n).read_bytes()) for n in names], npartitions=3)
    with dask.config.set(scheduler="synchronous"):
        summaries, findings = audit_bag(bag)
        from_paths = audit_paths(str(folder), target_seconds=0.1)
        bag_rows, path_rows = dask.compute(findings, from_paths[1])
        assert summaries.npartitions == 3 and from_paths[0].npartitions > 3
    assert _parquet_rows(bag_rows) == _parquet_rows(path_rows) == _finding_rows(
        _check_json(folder, capsys))


def test_batch_needs_an_output_and_valid_rules(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["batch", str(SAMPLE)])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["batch", str(SAMPLE), "--output", "x", "--select", "FR999"])
    assert exit_.value.code == 2
    assert "no rule matches 'FR999'" in capsys.readouterr().err


def test_partitions_hold_a_few_seconds_of_work() -> None:
    from finreport.dask import partition

    texts = [f"r{k}.txt" for k in range(250)]
    assert [len(p) for p in partition(texts)] == [75, 75, 75, 25]  # 0.04 s each
    pdfs = [f"r{k}.pdf" for k in range(25)]
    assert [len(p) for p in partition(pdfs)] == [9, 9, 7]  # 0.35 s each
