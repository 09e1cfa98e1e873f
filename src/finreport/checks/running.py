"""Running the rule catalogue over a report."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.checks import Audit
from ..model.findings import Finding
from ..model.report import Report
from . import RULES, Rule
from .registry import message_locale, run_rules

__all__ = ["audit", "check", "message_locale", "rules", "selected"]

#: Rule selections: codes, prefixes or rule names, as one comma-separated string or an
#: iterable of them.
Patterns = str | Iterable[str] | None


def rules() -> list[Rule]:
    """Every rule of the catalogue, in code order."""
    return [RULES[code] for code in sorted(RULES)]


def _patterns(value: Patterns) -> list[str]:
    """The patterns of a selection: a string is split at its commas (``"FR1,share"``)."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _matches(code: str, pattern: str) -> bool:
    """True when *pattern* (a code, a code prefix, or a rule's name) names rule *code*."""
    return code.startswith(pattern.upper()) or RULES[code].name == pattern.lower()


def selected(select: Patterns = None, ignore: Patterns = None) -> list[str]:
    """The codes *select* and *ignore* leave: codes, prefixes (like a linter's) or rule
    names (``share``, ``lines-total``), as a comma-separated string or an iterable.

    Raises ValueError for a pattern that matches no rule.
    """
    chosen, left_out = _patterns(select), _patterns(ignore)
    for pattern in [*chosen, *left_out]:
        if not any(_matches(code, pattern) for code in RULES):
            raise ValueError(f"no rule matches {pattern!r}")
    codes = sorted(RULES)
    if chosen:
        codes = [c for c in codes if any(_matches(c, p) for p in chosen)]
    if left_out:
        codes = [c for c in codes if not any(_matches(c, p) for p in left_out)]
    return codes


def check(report: Report, *, select: Patterns = None, ignore: Patterns = None,
          locale: str = "zh_CN") -> list[Finding]:
    """Every consistency finding of *report*, sorted by position in the text.

    *select* and *ignore* take rule codes, code prefixes or rule names (``"FR1"``,
    ``"FR201"``, ``"share"``), as a list or one comma-separated string; *locale* chooses
    the language of the messages: Chinese (``"zh_CN"``, ``"zh"``, ``"zh_Hans"`` …) or
    English (``"en"``, ``"en_US"`` …); any other raises ValueError.  Pure: the report is
    not changed and nothing is read or written.
    """
    return list(audit(report, select=select, ignore=ignore, locale=locale).findings)


def audit(report: Report, *, select: Patterns = None, ignore: Patterns = None,
          locale: str = "zh_CN") -> Audit:
    """The findings of *report* (as :func:`check` gives them) and every check the rules
    made: what they compared, the stated value and the interval the other figures allow,
    and whether it held, failed or was not made (with the reason).  Options as for
    :func:`check`."""
    locale = message_locale(locale)
    codes = selected(select, ignore)
    findings, checks = run_rules(report, codes, locale)
    findings.sort(key=Finding.sort_key)
    return Audit(tuple(findings), tuple(checks))
