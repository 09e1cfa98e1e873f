"""Audit one report: parse it, check it, and print every finding with the evidence.

    python examples/audit_one.py [REPORT] [--locale zh_CN|en]

Without REPORT it audits the bundled sample, ``examples/data/sample_report.txt``.  For each
finding it prints where it is (line:column), the rule code, severity and message, then
the text of every span involved, quoted as written with its own line:column, and the
numbers behind it: the figure as stated, the interval the other figures allow, the
difference and the rounding tolerance.  Exits 0: this is a report, not a gate (the
``finreport check`` command exits 1 on errors).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

import finreport

SAMPLE = Path(__file__).resolve().parent / "data" / "sample_report.txt"


def number(value: Decimal) -> str:
    """*value* in plain notation, with at most four decimals (computed bounds such as
    ``5.719147556924…`` would otherwise run on)."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        value = value.quantize(Decimal("0.0001"))
    return format(value, "f")


def evidence_lines(finding: finreport.Finding) -> list[str]:
    """The numbers of *finding* as short lines; none when the finding carries none."""
    ev = finding.evidence
    unit = ev.unit or ""
    lines = []
    if ev.stated is not None:
        lines.append(f"stated:     {number(ev.stated)}{unit}")
    if ev.expected_low is not None and ev.expected_high is not None:
        if ev.expected_low == ev.expected_high:
            lines.append(f"expected:   {number(ev.expected_low)}{unit}")
        else:
            lines.append(f"expected:   [{number(ev.expected_low)}, "
                         f"{number(ev.expected_high)}]{unit}")
    if ev.difference is not None:
        lines.append(f"difference: {number(ev.difference)}{unit}")
    if ev.tolerance is not None:
        lines.append(f"tolerance:  ±{number(ev.tolerance)}{unit}")
    return lines


def describe(finding: finreport.Finding, text: str) -> list[str]:
    """*finding* as the lines this example prints: a header, the quoted spans, the numbers."""
    line, col = finding.span.line_col(text)
    out = [f"{line}:{col}: {finding.code} {finding.severity.value} {finding.message}"]
    for span in finding.spans:
        span_line, span_col = span.line_col(text)
        quoted = span.of(text).replace("\n", "\\n")
        out.append(f"    {span_line}:{span_col}: 「{quoted}」")
    out.extend("    " + line for line in evidence_lines(finding))
    return out


def main(argv: list[str] | None = None) -> int:
    """Audit the report named on the command line (default: the bundled sample)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--locale", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args(argv)

    path: Path = args.report
    text = path.read_text(encoding="utf-8")
    report = finreport.parse(text)
    findings = finreport.check(report, locale=args.locale)

    organization = report.organization.text if report.organization else "?"
    year = report.fiscal_year.value if report.fiscal_year else "?"
    print(f"{path.name}: {organization} {year}, {len(findings)} findings")
    for finding in findings:
        print()
        print("\n".join(describe(finding, text)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
