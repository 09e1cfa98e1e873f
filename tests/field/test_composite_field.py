"""Reports of the field bound two by two into one text (as a crawler's file may bind
them): ``parse_all`` reads each as it reads it alone, with the same findings, and the
first report's ``parse`` ends where the second begins."""

from __future__ import annotations

import pytest

import finreport

from .corpus import require_field, text_of

#: Pairs of reports of different cities and templates (Shanghai, Guangzhou, Suzhou,
#: Hangzhou, Wuhan, Wuxi, Fuzhou, Quanzhou, Zhuhai), a unit's budget after a department's.
PAIRS = [("c004", "c003"), ("c020", "c072"), ("c060", "c067"), ("c031", "c046"),
         ("c013", "c024"), ("c044", "c068"), ("c045", "c083"), ("c049", "c064"),
         ("c022", "c052"), ("c071", "c001")]


def _findings(report: finreport.Report) -> list[tuple[str, str]]:
    return sorted((f.code, f.message) for f in finreport.check(report)
                  if f.severity is not finreport.Severity.INFO)


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=lambda name: name)
def test_two_reports_bound_together_read_as_each_alone(first: str, second: str) -> None:
    require_field()
    a, b = text_of(first), text_of(second)
    assert isinstance(a, str) and isinstance(b, str)
    text = a + ("" if a.endswith("\f") else "\f") + b
    reports = finreport.parse_all(text)
    alone = [finreport.parse(a), finreport.parse(b)]
    assert [r.organization.text if r.organization else None for r in reports] == [
        r.organization.text if r.organization else None for r in alone]
    assert [_findings(r) for r in reports] == [_findings(r) for r in alone]
    later = [u for u in finreport.parse(text).unrecognized if u.reason == "another_report"]
    assert [u.span.start for u in later] == [len(text) - len(b)]
