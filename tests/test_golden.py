"""Outputs are the same as recorded: a change for speed or tidiness reads and finds the same.

When a change is meant to alter outputs, regenerate with ``python -m tests.golden`` and
read the diff of ``tests/golden/outputs.json`` before committing it.
"""

from __future__ import annotations

import json

import pytest

from .golden import RECORD, outputs, read, report_names

_RECORDED: dict[str, dict[str, object]] = json.loads(RECORD.read_text(encoding="utf-8"))


def test_every_report_the_tests_use_is_recorded() -> None:
    missing = [name for name in report_names() if name not in _RECORDED]
    assert missing == []


@pytest.mark.parametrize("name", sorted(_RECORDED))
def test_outputs_as_recorded(name: str) -> None:
    if name not in report_names():
        pytest.skip(f"{name} is not here (the reference corpus is not beside the project)")
    got = outputs(read(name))
    want = _RECORDED[name]
    # findings first: a readable difference before the model's digest
    assert got["findings_zh"] == want["findings_zh"]
    assert got["findings_en"] == want["findings_en"]
    assert (got["figures"], got["unrecognized"]) == (want["figures"], want["unrecognized"])
    assert got["model_sha256"] == want["model_sha256"]
