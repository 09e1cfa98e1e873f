"""How a report names itself: the organization, the fiscal year and the kind, as the
title lines and other places write them."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["GENERIC_ORG", "ORGANIZATION_PATTERNS", "TITLE_KIND", "UNIVERSITY", "YEAR_KIND"]


TITLE_KIND = re.compile(r"(?:19|20)\d{2}年度?(?:部门|单位)?(?P<kind>决算|预算)")


UNIVERSITY = re.compile(r"大学|学院|高等学校|学校")


#: Where the organization's name stands, tried in order on the given part of the text.
ORGANIZATION_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("title", re.compile(r"^(?P<org>[^\d。,，:]{2,40}?)(?P<year>\d{4})年度?(?:部门|单位)?"
                         r"(?:决算|预算)")),
    ("title", re.compile(r"^(?P<org>[^\d。,，:]{2,40}?"
                         r"(?:局|委|办|院|会|中心|厅|部|处|所|馆|站|队))$")),
    # 2018年度江苏省高级人民法院预算公开: the year first
    ("title", re.compile(r"^(?P<year>\d{4})年度?(?P<org>[^\d。,，:]{2,40}?)(?:部门|单位)?"
                         r"(?:决算|预算)")),
    ("institutions", re.compile(r"(?P<org>[^\d。,，:;]{2,40}?)下属(?:二级)?(?:预算)?单位")),
    ("body", re.compile(r"纳入(?P<org>[^\d。,，:;]{2,40}?)\d{4}年度?(?:部门)?"
                        r"(?:决算|预算)编制范围")),
    ("overview", re.compile(r"^(?P<org>[^\d。,，:;]{2,40}?)(?:部门|单位)?概况$")),
    ("annex", re.compile(r"^(?P<org>[^\d。,，:;]{2,40}?)\d{4}年度?部门整体支出绩效评价报告")),
)


GENERIC_ORG = re.compile(r"^(?:部门|单位|本部门|本单位)$")


YEAR_KIND = re.compile(r"(?P<year>(?:19|20)\d{2})年度?(?:部门|单位)?(?P<kind>决算|预算)")
