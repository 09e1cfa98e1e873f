"""The test run's summary counts skipped tests by reason: a clone without ``../shared``
printed a SKIPPED line for each of hundreds of tests (README's test command)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from .conftest import pytest_terminal_summary


class _Reporter:
    def __init__(self, reasons: list[str]) -> None:
        self.stats = {"skipped": [SimpleNamespace(longrepr=("tests/x.py", 1, f"Skipped: {r}"))
                                  for r in reasons]}
        self.lines: list[str] = []

    def section(self, title: str) -> None:
        self.lines.append(f"== {title}")

    def write_line(self, line: str, **_: Any) -> None:
        self.lines.append(line)


def test_skips_are_counted_by_reason_without_their_file_names() -> None:
    reporter = _Reporter([f"reference report {name} not found: set FINREPORT_CORPUS"
                          for name in ("000_a.txt", "real/b.pdf", "c.txt")]
                         + ["no Chromium found"])
    pytest_terminal_summary(reporter)
    assert reporter.lines == ["== skipped, by reason",
                              "    3  reference report … not found: set FINREPORT_CORPUS",
                              "    1  no Chromium found"]
    quiet = _Reporter([])
    pytest_terminal_summary(quiet)
    assert quiet.lines == []
