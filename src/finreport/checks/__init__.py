"""The rule catalogue: each rule is a small named unit with a code, a title, a default
severity, a docstring, a passing and a failing example, and one function from the
report to findings.  Importing this package registers every rule."""

from __future__ import annotations

from . import (
               changes,
               crossref,
               execution,
               narrative_tables,
               performance,
               shares,
               sums,
               tables,
               text,
               years,
)
from .registry import RULES, Context, Rule

__all__ = ["RULES", "Context", "Rule"]

_MODULES = (sums, tables, shares, changes, execution, crossref, narrative_tables, performance,
            years, text)
