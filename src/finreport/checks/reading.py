"""The reading itself: a report whose identity or body could not be read says so, so that
it never comes back clean because nothing in it was checked."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.report import holds_quantity
from ..model.sections import SectionKind
from ..model.span import Phrase, Span
from .registry import Context, rule

__all__ = ["identity_unread", "more_reports", "nothing_read"]


@rule("FR001", "identity-unread", "The report's organization or fiscal year could not be read",
      "未能识别报告的单位或年度", Severity.ERROR,
      passing="2026年度某某局部门预算\n第一部分 部门概况\n一、主要职能\n负责全市某某工作。\n"
      "第二部分 2026年度部门预算情况说明\n一、收支预算总体情况\n2026年度收支预算总计100.00万元。\n",
      failing="第一部分 部门概况\n一、主要职能\n负责全市某某工作。\n第二部分 部门预算情况说明\n"
      "一、收支预算总体情况\n收支预算总计100.00万元。\n")
def identity_unread(ctx: Context) -> Iterator[Finding]:
    """The title (however wrapped), the ``预算单位：`` line and the places in the body that
    name the organization gave no organization or no fiscal year: the report cannot be
    told apart in a batch, and the year checks (FR801, FR802) cannot run.  An error
    because it is certain: the reading failed, whatever the report says.  Only a whole
    report (a contents page, or two parts or more) is held to it: a section read alone
    names neither."""
    r = ctx.report
    missing = [word for word, value in (("单位", r.organization), ("年度", r.fiscal_year))
               if value is None]
    roots = [s for s in r.sections if s.kind is not SectionKind.CONTENTS]
    if not missing or (len(roots) < 2 and len(roots) == len(r.sections)):
        return  # a section read alone (no contents page, one part) names nothing by nature
    english = {"单位": "organization", "年度": "fiscal year"}
    yield ctx.finding(
        [_first_title(ctx)],
        "未能识别报告的{what}",
        "the report's {what} could not be read",
        what="和".join(missing) if ctx.chinese else " and ".join(english[m] for m in missing))


@rule("FR002", "nothing-read", "No figure of the report could be read", "未能读取报告中的数据",
      Severity.ERROR,
      passing="2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n一、收支预算总体情况\n"
      "2026年度收支预算总计100.00万元。\n",
      failing="2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n一、收支预算总体情况\n"
      "本部门收支预算详见附表。\n")
def nothing_read(ctx: Context) -> Iterator[Finding]:
    """No figure of the report was read into its model (those read but not attributed are
    counted in ``unrecognized``): whatever the report holds, nothing of it was checked,
    and an empty list of findings would say it is consistent.  So is a text that names a
    report's organization or year and has no section at all (a cover alone, a notice that
    a budget is published).  An error because it is
    certain: the reading failed."""
    r = ctx.report
    if holds_quantity(r) or (not r.sections and r.organization is None
                             and r.fiscal_year is None):
        return  # (a sentence read alone, naming nothing: no report was given)
    yield ctx.finding(
        [_first_title(ctx)],
        "未能读取报告中的任何数据（{listed}个数字未能归属），报告未经核对",
        "no figure of the report could be read ({listed} read but not attributed): "
        "nothing in it was checked",
        listed=len(r.unrecognized))


def _first_title(ctx: Context) -> Phrase | Span:
    """The first heading the report writes (where a finding about the whole points); a
    text cut before any heading's words points at its organization, else at its first
    section."""
    found = next((s.title for s in ctx.report.walk_sections()
                  if s.title.span.end > s.title.span.start), None)
    if found is not None:
        return found
    if ctx.report.organization is not None:
        return ctx.report.organization
    first = next((s.span for s in ctx.report.walk_sections()), None)
    if first is not None:
        return first
    # a cover or a notice, no section: its year
    return ctx.report.fiscal_year.span if ctx.report.fiscal_year is not None else Span(0, 0)


_TWO = ("2026年度某某局部门预算\n第一部分 部门概况\n一、主要职能\n负责全市某某工作。\n"
        "第二部分 2026年度部门预算情况说明\n一、收支预算总体情况\n2026年度收支预算总计100.00万元。\n")


@rule("FR003", "more-reports", "The text holds more than one report", "文本包含多份报告",
      Severity.INFO,
      passing=_TWO,
      failing=_TWO + _TWO.replace("某某局", "某某中心").replace("部门预算\n", "单位预算\n", 1)
      .replace("100.00", "40.00"))
def more_reports(ctx: Context) -> Iterator[Finding]:
    """The text goes on with another report (a unit's own budget after the department's
    consolidated one, another department's, the final accounts after the budget): the
    reading ended this report where the other's title or restarted numbering begins, so
    that no figure of one is compared with the other's, and :func:`finreport.parse_all`
    reads each (``finreport check`` and ``batch`` check every report of a file).  Worth
    knowing, not a problem of the report: what follows is not checked with it."""
    later = [u for u in ctx.report.unrecognized if u.reason == "another_report"]
    if not later:
        return
    yield ctx.finding(
        [u.span for u in later],
        "文本在“{title}”处开始另一份报告：本报告到此为止，另一份单独读取、核对，不与本报告比较",
        "another report begins at “{title}”: this report ends there; the other is read "
        "and checked on its own (finreport.parse_all), never against this one",
        title=later[0].text)
