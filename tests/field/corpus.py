"""The field: the real PDFs of ``../shared/corpus`` (87 files of 17 cities, ``INDEX.tsv``),
read through :mod:`finreport.pdf` once per test session, and the gold data made by hand
for them in this folder (``identity.tsv``, ``tables.tsv``, ``forms.tsv``, ``audits/``).

Tests that use it skip with a reason where the corpus is not beside the project (a user's
fresh clone has no ``../shared``).  ``$FINREPORT_FIELD`` names another folder of PDFs.
"""

from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path

import pytest

import finreport

from ..conftest import ROOT

HERE = Path(__file__).resolve().parent


def field_dir() -> Path | None:
    """``$FINREPORT_FIELD``, else ``../shared/corpus`` beside the project, else None."""
    env = os.environ.get("FINREPORT_FIELD")
    if env and Path(env).is_dir():
        return Path(env)
    shared = ROOT.parent / "shared" / "corpus"
    return shared if shared.is_dir() else None


def require_field() -> Path:
    """The field's folder, or skip the test saying why."""
    where = field_dir()
    if where is None:
        pytest.skip("the field (../shared/corpus) is not beside the project: set "
                    "FINREPORT_FIELD to a folder of the corpus PDFs")
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        pytest.skip("reading the field's PDFs needs the pdf extra")
    return where


@cache
def text_of(name: str) -> str | finreport.ReportError:
    """The text of the field's PDF *name* (``c012``), or the ReportError reading it gave."""
    from finreport.pdf import extract_text

    path = require_field() / f"{name}.pdf"
    try:
        return extract_text(path.read_bytes())
    except finreport.ReportError as exc:
        return exc


@cache
def parsed(name: str) -> finreport.Report | finreport.ReportError:
    """The field's report *name* parsed, or the ReportError parse gave."""
    text = text_of(name)
    if isinstance(text, finreport.ReportError):
        return text
    try:
        return finreport.parse(text)
    except finreport.ReportError as exc:
        return exc


def gold(table: str) -> list[dict[str, str]]:
    """The rows of a gold table of this folder (``identity``, ``tables``, ``forms``)."""
    with (HERE / f"{table}.tsv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def names() -> list[str]:
    """Every file of the field, by its id (``c001`` …), as the gold identity lists them."""
    return [row["id"] for row in gold("identity")]
