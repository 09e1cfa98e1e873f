"""Shared test fixtures: the reference corpus (seed reports) and the project's own fixtures."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

# The helpers of the figure tables assert: have pytest rewrite them as it does test modules.
pytest.register_assert_rewrite("tests.figure_table")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_000 = "000_fc6d223913eecf93.txt"
SEED_002 = "002_8995176182b4ab80.txt"
SAMPLE_2024 = "sample-shanghai-2024-putuo-finance-bureau.txt"
TEMPLATE_2024 = "template-shanghai-2024-final-accounts.txt"


def corpus_dir() -> Path | None:
    """`$FINREPORT_CORPUS`, else `../shared/reference` beside the project, else None."""
    env = os.environ.get("FINREPORT_CORPUS")
    if env and Path(env).is_dir():
        return Path(env)
    shared = ROOT.parent / "shared" / "reference"
    return shared if shared.is_dir() else None


def field_dir() -> Path | None:
    """`../shared/corpus` beside the project (the field: real PDFs of many cities), else
    None."""
    field = ROOT.parent / "shared" / "corpus"
    return field if field.is_dir() else None


def read_corpus(name: str) -> str:
    """The text of a reference report, or skip the test with a reason."""
    where = corpus_dir()
    if where is None or not (where / name).is_file():
        pytest.skip(f"reference report {name} not found: set FINREPORT_CORPUS or "
                    "place it in ../shared/reference")
    return (where / name).read_text(encoding="utf-8")


def fixture_path(name: str) -> Path:
    """Where one of the project's own fixture reports is, by its file name (the fixtures are
    grouped by template in folders of ``tests/fixtures``; their names are unique)."""
    found = sorted(FIXTURES.rglob(name))
    if len(found) != 1:
        raise FileNotFoundError(f"{len(found)} fixtures named {name!r} under {FIXTURES}")
    return found[0]


def read_fixture(name: str) -> str:
    """The text of one of the project's own fixture reports."""
    return fixture_path(name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed000() -> str:
    return read_corpus(SEED_000)


@pytest.fixture(scope="session")
def seed002() -> str:
    return read_corpus(SEED_002)


@pytest.fixture(scope="session")
def sample2024() -> str:
    return read_corpus(SAMPLE_2024)


@pytest.fixture(scope="session")
def template2024() -> str:
    return read_corpus(TEMPLATE_2024)


#: A file name in a skip reason: one reason for every file of an absent corpus.
_NAMED_FILE = re.compile(r"[\w./-]+\.(?:txt|pdf)\b")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Skipped tests counted by reason, a line per reason (file names left out), instead
    of a line per test: a clone without ``../shared`` skips hundreds of tests for one
    reason."""
    reasons: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reasons[_NAMED_FILE.sub("…", reason.removeprefix("Skipped: "))] += 1
    if reasons:
        terminalreporter.section("skipped, by reason")
        for reason, count in reasons.most_common():
            terminalreporter.write_line(f"{count:5d}  {reason}")
