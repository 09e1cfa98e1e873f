"""Shared test fixtures: the reference corpus (seed reports) and the project's own fixtures."""

from __future__ import annotations

import os
from pathlib import Path

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


def read_fixture(name: str) -> str:
    """The text of one of the project's own fixture reports."""
    return (FIXTURES / name).read_text(encoding="utf-8")


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
