"""The layout text of every reference and field PDF is as recorded: a change to the PDF
reading for speed gives the same text, byte for byte.

When a change is meant to alter the text, re-record with ``python -m tests.pdf_golden``
and look at each PDF whose text changed before committing.
"""

from __future__ import annotations

import json

import pytest

from .pdf_golden import RECORD, pdf_paths, sha256, text_digest

pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")

_RECORDED: dict[str, dict[str, str]] = json.loads(RECORD.read_text(encoding="utf-8"))


def test_every_pdf_here_is_recorded() -> None:
    here = pdf_paths()
    if not here:
        pytest.skip("no PDFs: neither ../shared/reference nor ../shared/corpus is beside "
                    "the project")
    assert [name for name in here if name not in _RECORDED] == []


def _recorded_pdf(name: str) -> bytes:
    """The PDF recorded as *name*, or skip the test with the reason."""
    path = pdf_paths().get(name)
    if path is None:
        pytest.skip(f"{name} is not here (../shared/reference or ../shared/corpus is not "
                    "beside the project)")
    data = path.read_bytes()
    if sha256(data) != _RECORDED[name]["pdf_sha256"]:
        pytest.skip(f"{name} here is not the PDF recorded (FINREPORT_CORPUS points "
                    "elsewhere?)")
    return data


@pytest.mark.parametrize("name", sorted(_RECORDED))
def test_layout_text_as_recorded(name: str) -> None:
    assert text_digest(_recorded_pdf(name)) == _RECORDED[name]["text_sha256"]


@pytest.mark.parametrize("name", sorted(n for n in _RECORDED if n.startswith("reference/")))
def test_layout_text_read_in_processes_as_recorded(name: str) -> None:
    assert text_digest(_recorded_pdf(name), jobs=2) == _RECORDED[name]["text_sha256"]
