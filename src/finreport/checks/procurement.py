"""Government procurement: the awards to small and medium enterprises are parts of it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..model.entries import Entry
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import amount_intervals
from ..templates.fields import AWARDED_WORD, GRANTED_WORD
from .registry import Context, rule

__all__ = ["procurement_awards"]

_PROCUREMENT = ("第二部分 2020年度部门决算情况说明\n八、其他重要事项的情况说明\n（二）政府采购支出情况\n"
                "2020年政府采购支出总额100万元，其中：政府采购货物支出40万元、政府采购工程支出0万元、"
                "政府采购服务支出60万元。授予中小企业合同金额{sme}万元，占政府采购支出总额的{share}%，"
                "其中：授予小微企业合同金额30万元，占政府采购支出总额的30%。\n")

_PAIRS: Final = (("sme", "total"), ("small_micro", "sme"))


@rule("FR103", "procurement-awards", "Awards to small enterprises exceed what they are part of",
      "授予中小（小微）企业合同金额大于其所属金额", Severity.ERROR,
      passing=_PROCUREMENT.format(sme="80", share="80"),
      failing=_PROCUREMENT.format(sme="120", share="120"))
def procurement_awards(ctx: Context) -> Iterator[Finding]:
    """Contracts awarded to small and medium enterprises (授予中小企业合同金额) are a part
    of the procurement total, and those awarded to small and micro enterprises (其中：授予
    小微企业合同金额) a part of them: neither may exceed its whole at the precision
    written.  Only awards written as awards (``授予``) are compared with each other: the
    amounts a budget reserves for them (预留) and the awards in projects not reserved
    (其他政府采购项目中…) are other quantities.  The shares against the total are FR201's."""
    p = ctx.report.procurement
    if p is None:
        return
    for part_field, whole_field in _PAIRS:
        part: Entry | None = getattr(p, part_field)
        whole: Entry | None = getattr(p, whole_field)
        if part is None or whole is None or part.amount is None or whole.amount is None:
            continue
        if AWARDED_WORD.search(part.name.text) is None or (whole_field == "sme" and not (
                GRANTED_WORD.search(part.name.text) and GRANTED_WORD.search(whole.name.text))):
            continue  # a budget reserved, or two awards the words do not nest
        stated, limit = amount_intervals(part.amount, whole.amount)
        if stated.low <= limit.high:
            ctx.held([part.amount, whole.amount], part.amount.wan, limit, "万元")
            continue
        yield ctx.finding(
            [part.amount, whole.amount],
            "{part}{amount}大于{whole}{limit}",
            "{part} {amount} exceeds {whole} {limit}, of which it is a part",
            part=part.name.text, whole=whole.name.text, amount=ctx.figure(part.amount),
            limit=ctx.figure(whole.amount),
            evidence=Evidence(part.amount.wan, Decimal(0), whole.amount.wan,
                              part.amount.wan - whole.amount.wan,
                              stated.radius + limit.radius, "万元"),
        )
