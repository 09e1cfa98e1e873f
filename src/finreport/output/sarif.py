"""SARIF 2.1.0: the findings of a run as code-scanning dashboards and audit platforms
ingest them.

One run of the tool ``finreport``: its rules are the catalogue (code, name, title in the
run's language, the rule's documentation), each finding is a result whose location is
the line and column region of its first figure and whose related locations are all its
figures, with the quoted text; its fingerprint (``finreport.output.fingerprint``) is
written under ``fingerprints`` and ``partialFingerprints``; its evidence is in the
result's ``properties``.  Lines and columns are those of the text finreport read
(columns count Unicode characters: ``columnKind`` is ``unicodeCodePoints``); for a PDF
that is its extracted text, and the result's ``properties.page`` names the page.  A file
that could not be checked is a tool execution notification with its problem code, a
report with a notice one of level ``warning``: nothing is left out silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, Final
from urllib.parse import quote

from ..checks import Rule
from ..model.findings import Severity
from ..model.problems import NOTICES, PROBLEMS
from .fingerprint import FINGERPRINT_KEY
from .run import CheckedFile, LocatedFinding, QuotedSpan

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "artifact_uri", "sarif_log"]

#: The version written, and the schema it follows.
SARIF_VERSION: Final = "2.1.0"
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"

_LEVELS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """*path* as the URI reference SARIF wants: a relative path with ``/`` separators,
    percent-encoded (a Chinese file name stays readable once decoded); an absolute path
    as a ``file:`` URI; a URL (``s3://…``) as it is."""
    if "://" in path:
        return path
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix() if pure.as_posix().startswith("/")
                                 else "/" + pure.as_posix())
    return quote(pure.as_posix())


def _rule(rule: Rule, chinese: bool) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title_zh if chinese else rule.title},
        "fullDescription": {"text": rule.doc or rule.title},
        "help": {"text": rule.doc or rule.title},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"title": rule.title, "title_zh": rule.title_zh,
                       "tags": ["finreport", rule.severity.value]},
    }


def _descriptor(code: str, chinese: bool) -> dict[str, Any]:
    title, hint = (PROBLEMS.get(code) or NOTICES[code]).words(chinese)
    return {"id": code, "shortDescription": {"text": title}, "help": {"text": hint}}


def _region(span: QuotedSpan) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": span.line, "startColumn": span.col,
                              "snippet": {"text": span.text}}
    if span.end_line:
        region.update(endLine=span.end_line, endColumn=span.end_col)
    return region


def _location(uri: str, index: int, span: QuotedSpan | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": index}}
    if span is not None:
        physical["region"] = _region(span)
    return {"physicalLocation": physical}


def _result(located: LocatedFinding, uri: str, index: int,
            rule_index: dict[str, int]) -> dict[str, Any]:
    finding = located.finding
    quotes = list(located.quotes)
    evidence = finding.evidence
    properties: dict[str, Any] = {
        "severity": finding.severity.value,
        "quotes": [q.text for q in quotes],
        "evidence": {name: None if getattr(evidence, name) is None
                     else str(getattr(evidence, name))
                     for name in ("stated", "expected_low", "expected_high", "difference",
                                  "tolerance", "unit")},
    }
    if quotes and quotes[0].page is not None:
        properties["page"] = quotes[0].page
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(uri, index, quotes[0] if quotes else None)],
        "relatedLocations": [
            {"id": k, "message": {"text": q.text}, **_location(uri, index, q)}
            for k, q in enumerate(quotes, 1)],
        "fingerprints": {FINGERPRINT_KEY: located.fingerprint},
        "partialFingerprints": {FINGERPRINT_KEY: located.fingerprint},
        "properties": properties,
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    return result


def _artifact(result: CheckedFile, uri: str) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {"uri": uri}}
    if result.encoding == "pdf":
        artifact["mimeType"] = "application/pdf"
        artifact["properties"] = {"regions": "lines and columns of the text finreport "
                                             "extracted from the PDF"}
    elif result.encoding is not None:
        artifact["mimeType"] = "text/plain"
        artifact["encoding"] = result.encoding
    return artifact


def _notifications(result: CheckedFile, uri: str, index: int,
                   chinese: bool) -> list[dict[str, Any]]:
    out = []
    location = [_location(uri, index, None)]
    if result.problem is not None:
        code = result.problem_code or "internal_error"
        out.append({"level": "error", "message": {"text": f"{result.path}: {result.problem}"},
                    "descriptor": {"id": code}, "locations": location})
    for code in result.notices:
        title, hint = NOTICES[code].words(chinese)
        out.append({"level": "warning", "message": {"text": f"{result.path}: {title}: {hint}"},
                    "descriptor": {"id": code}, "locations": location})
    return out


def sarif_log(results: Sequence[CheckedFile], rules: Sequence[Rule], *,
              version: str, locale: str = "zh_CN") -> dict[str, Any]:
    """The SARIF log of a run over *results*, with *rules* as the tool's rules (the
    catalogue), *version* as finreport's, titles in *locale*'s language."""
    chinese = locale.lower().startswith("zh")
    rule_index = {rule.code: k for k, rule in enumerate(rules)}
    artifacts = []
    out_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for index, result in enumerate(results):
        uri = artifact_uri(result.path)
        artifacts.append(_artifact(result, uri))
        notifications.extend(_notifications(result, uri, index, chinese))
        if not result.readable:
            continue
        out_results.extend(_result(located, uri, index, rule_index)
                           for located in result.findings)
    codes = sorted({n["descriptor"]["id"] for n in notifications})
    driver: dict[str, Any] = {
        "name": "finreport",
        "version": version,
        "semanticVersion": version,
        "rules": [_rule(rule, chinese) for rule in rules],
    }
    if codes:
        driver["notifications"] = [_descriptor(code, chinese) for code in codes]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{
                "executionSuccessful": all(r.problem is None for r in results),
                "toolExecutionNotifications": notifications,
            }],
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": out_results,
        }],
    }
