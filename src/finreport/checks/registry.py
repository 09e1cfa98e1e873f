"""The registry of rules and the context a rule runs in."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Final, TypeVar, cast

import attrs

from ..model.checks import Check, Outcome
from ..model.figures import Amount, Count, Figure, Percent, Year
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval
from ..model.kinds import ReportKind
from ..model.report import Report
from ..model.span import Phrase, Span

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["FINAL_ACCOUNTS", "RULES", "Context", "Rule", "message_locale", "rule"]

T = TypeVar("T")


@attrs.frozen
class Rule:
    """A consistency rule: stable ``code``, ``name``, ``title`` (English and Chinese),
    default ``severity``, documentation, a short ``passing`` and ``failing`` text, and the
    report kinds it ``applies_to`` (a rule runs only on reports of those kinds)."""

    code: str
    name: str
    title: str
    title_zh: str
    severity: Severity
    doc: str
    passing: str
    failing: str
    run: Callable[[Context], Iterable[Finding]] = attrs.field(repr=False, eq=False)
    applies_to: frozenset[ReportKind] = frozenset(ReportKind)


#: Final accounts of every edition (部门决算, 单位决算, 高等学校决算).
FINAL_ACCOUNTS: Final[frozenset[ReportKind]] = frozenset(
    kind for kind in ReportKind if not kind.is_budget)

#: Budgets of every edition (部门预算, 单位预算, 部门综合预算).
BUDGETS: Final[frozenset[ReportKind]] = frozenset(kind for kind in ReportKind if kind.is_budget)

#: Every rule, by code, in catalogue order.
RULES: Final[dict[str, Rule]] = {}


def rule(code: str, name: str, title: str, title_zh: str, severity: Severity, *,
         passing: str, failing: str,
         applies_to: frozenset[ReportKind] = frozenset(ReportKind)) -> Callable[[Callable[[Context], Iterable[Finding]]],
                                                 Callable[[Context], Iterable[Finding]]]:
    """Register a rule function under *code*."""

    def register(func: Callable[[Context], Iterable[Finding]],
                 ) -> Callable[[Context], Iterable[Finding]]:
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        doc = " ".join((func.__doc__ or "").split())
        RULES[code] = Rule(code, name, title, title_zh, severity, doc, passing, failing, func,
                           applies_to)
        return func

    return register


class Context:
    """What a rule needs: the report, the locale for messages, and finding builders."""

    def __init__(self, report: Report, locale: str = "zh_CN") -> None:
        self.report = report
        self.locale = locale
        self.chinese = locale.lower().startswith("zh")
        self._babel, self._plain = _locale(locale)
        self.code = ""
        self._derived: dict[Callable[[Context], object], object] = {}
        #: Every comparison the rules made that held or abstained (those that fail are
        #: recorded from their findings, as the rules yield them).
        self.checks: list[Check] = []

    def derived(self, compute: Callable[[Context], T]) -> T:
        """What *compute* derives from the report (breakdowns, stated pairs), computed
        once per check and shared by every rule that needs it."""
        if compute not in self._derived:
            self._derived[compute] = compute(self)
        return cast(T, self._derived[compute])

    @property
    def fiscal_year(self) -> int | None:
        """The report's fiscal year, when it states one."""
        return self.report.fiscal_year.value if self.report.fiscal_year else None

    def number(self, value: Decimal, decimals: int) -> str:
        """*value* at *decimals* decimals, in the locale's digits and decimal sign, without
        thousands separators."""
        if self._plain:
            # the locale writes 1234.5 and -1: Python's own formatting is babel's here; no
            # thousands separators are added (a figure is quoted as reports write them)
            return f"{value:.{max(decimals, 0)}f}"
        from decimal import localcontext

        from babel.numbers import format_decimal

        pattern = "0" + ("." + "0" * decimals if decimals > 0 else "")
        assert self._babel is not None  # set for every locale that is not plain
        with localcontext() as exact:  # room for every digit the parser accepts
            exact.prec = max(exact.prec, len(value.as_tuple().digits) + decimals + 2)
            return format_decimal(value, format=pattern, locale=self._babel,
                                  decimal_quantization=True)

    def figure(self, figure: Figure | None) -> str:
        """A figure as the report wrote it: value at its precision and its unit."""
        if figure is None:
            return "—"
        if isinstance(figure, Amount):
            return self.number(figure.value, figure.decimals) + (figure.unit or "万元")
        if isinstance(figure, Percent):
            return self.number(figure.value, figure.decimals) + "%"
        assert isinstance(figure, Count)
        return self.number(figure.value, 0) + figure.unit

    def interval(self, interval: Interval, decimals: int, unit: str = "") -> str:
        """An interval for a message: one number when exact, else ``[low, high]``."""
        if interval.low == interval.high:
            return self.number(interval.low, decimals) + unit
        return (f"[{self.number(interval.low, decimals + 2)}, "
                f"{self.number(interval.high, decimals + 2)}]{unit}")

    def say(self, zh: str, en: str, **params: object) -> str:
        """The message in the context's language, with *params* filled in; the words a
        parameter quotes take that language's brackets and quotes (（类） and “…” in
        Chinese, (类) in English), so one message never mixes two styles."""
        table = _ZH_MARKS if self.chinese else _EN_MARKS
        words = {k: _QUOTED.sub(r"“\1”", v.translate(table)) if self.chinese and isinstance(
            v, str) else v.translate(table) if isinstance(v, str) else v
            for k, v in params.items()}
        return (zh if self.chinese else en).format(**words)

    def held(self, figures: Sequence[Span | Figure | Phrase | Year | None],
             stated: Interval | Decimal | None = None, expected: Interval | None = None,
             unit: str | None = None) -> None:
        """Record that the running rule compared *figures* (the stated one first) and found
        them to agree: *stated* against the *expected* interval, in *unit*."""
        value = stated.mid if isinstance(stated, Interval) else stated
        self.checks.append(Check(
            self.code, tuple(_span_of(f) for f in figures if f is not None), Outcome.HOLDS,
            value, expected.low if expected is not None else None,
            expected.high if expected is not None else None, unit))

    def abstained(self, figures: Sequence[Span | Figure | Phrase | Year | None],
                  reason: str) -> None:
        """Record that the running rule would have compared *figures* but did not, and
        why (a figure it needs is not bound with certainty, a whole is not stated …)."""
        self.checks.append(Check(
            self.code, tuple(_span_of(f) for f in figures if f is not None),
            Outcome.ABSTAINED, reason=reason))

    def finding(self, spans: Sequence[Span | Figure | Phrase | Year | None], zh: str, en: str,
                *,
                severity: Severity | None = None, evidence: Evidence | None = None,
                **params: object) -> Finding:
        """A finding of the running rule about *spans* (figures and phrases accepted)."""
        rule_ = RULES[self.code]
        places = tuple(_span_of(s) for s in spans if s is not None)
        return Finding(rule_.code, severity or rule_.severity, self.say(zh, en, **params),
                       places, evidence or Evidence())


_ZH_MARKS: Final = str.maketrans({"(": "（", ")": "）"})
_EN_MARKS: Final = str.maketrans({"（": "(", "）": ")"})
#: A phrase in straight double quotes (folded text writes “三公” as "三公").
_QUOTED: Final = re.compile(r'"([^"\n]{1,40})"')

#: Locales known to write numbers as ``-1,234.5`` (babel's data say so): no need to load
#: babel and its locale data to format their numbers.
_PLAIN_LOCALES: Final[frozenset[str]] = frozenset(
    {"zh_CN", "zh", "zh_Hans", "zh_Hans_CN", "en", "en_US", "en_GB"})


@lru_cache(maxsize=64)
def message_locale(name: str) -> str:
    """*name* as a locale finreport writes messages in (``zh_CN`` → ``zh_CN``,
    ``en-US`` → ``en_US``): one babel knows whose language is Chinese or English.

    Raises ValueError for any other, saying which are accepted.
    """
    normalized = str(name).strip().replace("-", "_")
    if normalized in _PLAIN_LOCALES:
        return normalized
    accepted = ("finreport writes messages in Chinese (zh, zh_CN, zh_Hans, zh_TW …) or "
                "English (en, en_US, en_GB …)")
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(normalized)
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"unknown locale {name!r}: {accepted}") from None
    if locale.language not in ("zh", "en"):
        raise ValueError(f"unsupported locale {name!r}: {accepted}")
    return normalized


@lru_cache(maxsize=64)
def _locale(name: str) -> tuple[Locale | None, bool]:
    """The babel locale of *name* (None when not needed), and whether it writes numbers
    as ``-1,234.5``."""
    if name.replace("-", "_") in _PLAIN_LOCALES:
        return None, True
    from babel import Locale

    locale = Locale.parse(name.replace("-", "_")) if name else Locale("zh", "CN")
    symbols = locale.number_symbols.get("latn", {})
    plain = (symbols.get("group"), symbols.get("decimal"), symbols.get("minusSign")) == (
        ",", ".", "-")
    return locale, plain


def _span_of(thing: Span | Figure | Phrase | Year) -> Span:
    return thing if isinstance(thing, Span) else thing.span


def run_rules(report: Report, codes: Iterable[str], locale: str,
              ) -> tuple[list[Finding], list[Check]]:
    """Run the rules with the given codes on *report*: their findings, and every check
    they made (a finding is a check that failed)."""
    context = Context(report, locale)
    findings: list[Finding] = []
    for code in codes:
        if report.kind not in RULES[code].applies_to:
            continue
        context.code = code
        for finding in RULES[code].run(context):
            findings.append(finding)
            e = finding.evidence
            context.checks.append(Check(code, finding.spans, Outcome.FAILS, e.stated,
                                        e.expected_low, e.expected_high, e.unit))
    return findings, context.checks
