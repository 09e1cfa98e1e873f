"""The rule catalogue: each rule is a small named unit with a code, a title, a default
severity, a docstring, a passing and a failing example, and one function from the
report to findings.  Importing this package registers every rule: one module per family
(reading, sums, tables, shares, changes, execution, crossref, narrative_tables,
performance, forms, years, text); ``registry`` holds the catalogue and the context a rule runs in,
``relations`` the relations several rules share, ``running`` selects and runs them."""

from __future__ import annotations

# imported for their effect: each module registers its rules in RULES
from . import (  # noqa: F401
    changes,
    codes,
    crossref,
    department_form,
    execution,
    forms,
    funds,
    key_projects,
    magnitude,
    narrative_tables,
    performance,
    procurement,
    reading,
    reasons,
    same_change,
    shares,
    sums,
    tables,
    text,
    years,
)
from .registry import RULES, Context, Rule

__all__ = ["RULES", "Context", "Rule"]
