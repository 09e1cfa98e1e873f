"""Running the rule catalogue over a report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ._finding import Finding
from ._model import Report
from ._rules import RULES, Rule
from ._rules._registry import run_rules

__all__ = ["check", "rules", "selected"]


def rules() -> list[Rule]:
    """Every rule of the catalogue, in code order."""
    return [RULES[code] for code in sorted(RULES)]


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())


def selected(select: Sequence[str] | None = None,
             ignore: Sequence[str] | None = None) -> list[str]:
    """The codes *select* and *ignore* leave (codes or prefixes, like a linter's).

    Raises ValueError for a pattern that matches no rule.
    """
    for pattern in [*(select or ()), *(ignore or ())]:
        if pattern.strip() and not any(_matches(code, [pattern]) for code in RULES):
            raise ValueError(f"no rule matches {pattern!r}")
    codes = sorted(RULES)
    if select:
        codes = [c for c in codes if _matches(c, select)]
    if ignore:
        codes = [c for c in codes if not _matches(c, ignore)]
    return codes


def check(report: Report, *, select: Sequence[str] | None = None,
          ignore: Sequence[str] | None = None, locale: str = "zh_CN") -> list[Finding]:
    """Every consistency finding of *report*, sorted by position in the text.

    *select* and *ignore* take rule codes or prefixes (``"FR1"``, ``"FR201"``); *locale*
    chooses the language of the messages (``"zh_CN"``, ``"en"``).  Pure: the report is
    not changed and nothing is read or written.
    """
    codes = selected(select, ignore)
    findings = list(run_rules(report, codes, locale))
    findings.sort(key=Finding.sort_key)
    return findings
