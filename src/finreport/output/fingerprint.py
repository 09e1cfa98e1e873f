"""A finding's fingerprint: an identifier that stays the same while the finding does.

Offsets and line numbers change with every edit above a finding, and with every
re-extraction of a PDF that lays a line out differently; a system that tracks findings
across runs (a code-scanning dashboard, an audit system's case list, a baseline) needs a
key made of what the finding *is*:

- the rule's code;
- the quoted text of each of its spans, folded (white space dropped, full-width forms
  made half-width), so a line broken elsewhere or a cell spaced otherwise reads the same;
- its evidence: the stated value, the interval expected, the difference, the tolerance
  and their unit (the quantities compared);
- its outline address: the titles of the sections that enclose its first span, outermost
  first (titles, not numbers: a section inserted above renumbers the rest);
- and, when one report has several findings alike in all of these, which of them it is,
  in text order, so that two findings of one report never share a fingerprint.

The parts are hashed (SHA-256); the fingerprint is the first 16 hex digits, written
under the key :data:`FINGERPRINT_KEY` where a format names its fingerprints (SARIF).  A
part added later (the outline another version reads) gets a new version of the key.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from ..model.findings import Finding
from ..model.report import Report
from ..model.sections import Section
from ..text.view import fold

__all__ = ["FINGERPRINT_KEY", "fingerprint", "fingerprint_parts", "fingerprints",
           "outline_address"]

#: The name under which the fingerprints of this version are written.
FINGERPRINT_KEY = "finreport/v1"

_DIGITS = 16


def outline_address(report: Report, offset: int) -> tuple[str, ...]:
    """The titles (folded, as ``Section.title.text``) of the sections that enclose the
    character at *offset*, outermost first; ``()`` before the first section."""
    address: list[str] = []
    level: Sequence[Section] = report.sections
    while True:
        inner = next((s for s in level if s.span.start <= offset < s.span.end), None)
        if inner is None:
            return tuple(address)
        address.append(inner.title.text)
        level = inner.children


def fingerprint_parts(finding: Finding, report: Report, text: str) -> tuple[str, ...]:
    """What the fingerprint of *finding* (of *report*, parsed from *text*) is made of:
    the code, each quote folded, the evidence and the outline address, each part named.
    Extend by adding parts (and raising :data:`FINGERPRINT_KEY`'s version)."""
    evidence = finding.evidence
    values = (evidence.stated, evidence.expected_low, evidence.expected_high,
              evidence.difference, evidence.tolerance)
    return (
        f"code:{finding.code}",
        *(f"quote:{fold(span.of(text))}" for span in finding.spans),
        "evidence:" + " ".join("" if v is None else str(v) for v in values)
        + f" {evidence.unit or ''}",
        "outline:" + json.dumps(outline_address(report, finding.span.start),
                                ensure_ascii=False),
    )


def fingerprint(parts: Sequence[str], occurrence: int = 0) -> str:
    """The fingerprint of a finding made of *parts* (:func:`fingerprint_parts`), the
    *occurrence*-th (from 0) of the findings of its report with the same parts."""
    key = json.dumps([*parts, *([f"occurrence:{occurrence}"] if occurrence else [])],
                     ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:_DIGITS]


def fingerprints(findings: Sequence[Finding], report: Report, text: str) -> list[str]:
    """The fingerprint of each of *findings* (all of one report, parsed from *text*), in
    their order: distinct within the report (findings alike in every part are told apart
    by their order in the text)."""
    seen: Counter[tuple[str, ...]] = Counter()
    out = [""] * len(findings)
    for k in sorted(range(len(findings)), key=lambda k: findings[k].sort_key()):
        parts = fingerprint_parts(findings[k], report, text)
        out[k] = fingerprint(parts, seen[parts])
        seen[parts] += 1
    return out
