"""The generated JSON Schema describes what ``to_dict`` really writes.

A small validator for the subset of draft 2020-12 that ``_schema.py`` generates checks
real documents (parsed fixture reports and their findings) and rejects broken ones.  It
refuses any keyword it does not know, so the schema cannot grow past what is checked here.
"""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal
from typing import Any

import pytest

import finreport
from finreport import Finding, Report, Severity
from finreport.output.schema import DECIMAL_PATTERN, DRAFT, json_schema

from ..conftest import read_fixture

FIXTURE_NAMES = ("seedstyle_consistent.txt", "seedstyle_flawed.txt", "pdf2024_consistent.txt",
                 "layout2024_tables.txt")
_ANNOTATIONS = {"title", "description", "$schema"}
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,),
    "null": (type(None),), "integer": (int,), "number": (int, float),
}


def _is_type(value: Any, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _JSON_TYPES[name])


def validate(instance: Any, schema: dict[str, Any], root: dict[str, Any],
             path: str = "$") -> list[str]:
    """The errors of *instance* against *schema* (empty when valid), each with its path."""
    errors: list[str] = []
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword in ("$defs", "required", "additionalProperties",
                                                  "minItems", "maxItems", "items"):
            continue
        if keyword == "$ref":
            assert value.startswith("#/$defs/"), value
            errors += validate(instance, root["$defs"][value[len("#/$defs/"):]], root, path)
        elif keyword == "type":
            names = value if isinstance(value, list) else [value]
            if not any(_is_type(instance, n) for n in names):
                errors.append(f"{path}: expected {value}, got {instance!r:.60}")
        elif keyword == "enum":
            if instance not in value:
                errors.append(f"{path}: {instance!r} is not one of {value}")
        elif keyword == "const":
            if instance != value:
                errors.append(f"{path}: expected {value!r}, got {instance!r}")
        elif keyword == "minimum":
            if _is_type(instance, "number") and instance < value:
                errors.append(f"{path}: {instance!r} is less than {value}")
        elif keyword == "pattern":
            if isinstance(instance, str) and not re.search(value, instance):
                errors.append(f"{path}: {instance!r} does not match {value}")
        elif keyword in ("anyOf", "oneOf"):
            branches = [validate(instance, s, root, path) for s in value]
            matches = sum(1 for b in branches if not b)
            if matches == 0:
                # Say why each branch failed: the deepest path shows where the damage is.
                errors.append(f"{path}: matches none of {keyword}")
                errors += [e for b in branches for e in b]
            elif keyword == "oneOf" and matches > 1:
                errors.append(f"{path}: matches {matches} of oneOf, not exactly one")
        elif keyword == "properties":
            if isinstance(instance, dict):
                errors += _object(instance, schema, root, path)
        elif keyword == "prefixItems":
            if isinstance(instance, list):
                errors += _array(instance, schema, root, path)
        else:
            raise AssertionError(f"validator does not know keyword {keyword!r}")
    if "items" in schema and "prefixItems" not in schema and isinstance(instance, list):
        errors += _array(instance, schema, root, path)
    return errors


def _object(instance: dict[str, Any], schema: dict[str, Any], root: dict[str, Any],
            path: str) -> list[str]:
    errors = [f"{path}: missing key {key!r}" for key in schema.get("required", [])
              if key not in instance]
    properties = schema["properties"]
    for key, item in instance.items():
        if key in properties:
            errors += validate(item, properties[key], root, f"{path}.{key}")
        elif schema.get("additionalProperties") is False:
            errors.append(f"{path}: unexpected key {key!r}")
    return errors


def _array(instance: list[Any], schema: dict[str, Any], root: dict[str, Any],
           path: str) -> list[str]:
    errors = []
    prefix = schema.get("prefixItems", [])
    if len(instance) < schema.get("minItems", 0):
        errors.append(f"{path}: fewer than {schema['minItems']} items")
    if len(instance) > schema.get("maxItems", len(instance)):
        errors.append(f"{path}: more than {schema['maxItems']} items")
    for index, item in enumerate(instance):
        where = f"{path}[{index}]"
        if index < len(prefix):
            errors += validate(item, prefix[index], root, where)
        elif schema.get("items") is False:
            errors.append(f"{where}: no item allowed here")
        elif isinstance(schema.get("items"), dict):
            errors += validate(item, schema["items"], root, where)
    return errors


REPORT_SCHEMA = json_schema(Report)
FINDING_SCHEMA = json_schema(Finding)


def report_dict(name: str) -> dict[str, Any]:
    data: dict[str, Any] = finreport.to_dict(finreport.parse(read_fixture(name)))
    return data


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


# ---------------------------------------------------------------------------------------
# Shape of the schema


def test_schema_header_and_references_resolve() -> None:
    for schema, root in ((REPORT_SCHEMA, "Report"), (FINDING_SCHEMA, "Finding")):
        assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$ref"] == f"#/$defs/{root}"
        refs = _refs(schema)
        assert refs
        for ref in refs:
            assert ref.removeprefix("#/$defs/") in schema["$defs"], ref
        json.dumps(schema)  # plain JSON data


def test_finding_schema_fields() -> None:
    defs = FINDING_SCHEMA["$defs"]
    finding = defs["Finding"]
    assert finding["required"] == ["code", "severity", "message", "spans", "evidence"]
    assert finding["additionalProperties"] is False
    assert finding["properties"]["severity"] == {"type": "string",
                                                 "enum": [s.value for s in Severity]}
    assert finding["properties"]["spans"] == {"type": "array",
                                              "items": {"$ref": "#/$defs/Span"}}
    stated = defs["Evidence"]["properties"]["stated"]
    assert stated == {"anyOf": [{"type": "string", "pattern": DECIMAL_PATTERN},
                                {"type": "null"}]}
    assert set(defs) == {"Finding", "Evidence", "Span"}


def test_report_schema_models_the_figure_union_with_its_tag() -> None:
    defs = REPORT_SCHEMA["$defs"]
    restated = defs["Entry"]["properties"]["restated"]
    assert restated == {"type": "array", "items": {"oneOf": [
        {"$ref": "#/$defs/AmountTagged"}, {"$ref": "#/$defs/PercentTagged"},
        {"$ref": "#/$defs/CountTagged"}]}}
    assert defs["AmountTagged"]["properties"]["type"] == {"const": "Amount"}
    assert defs["AmountTagged"]["required"][-1] == "type"
    assert "type" not in defs["Amount"]["properties"]
    assert defs["Report"]["properties"]["kind"] == {"type": "string",
                                                    "enum": ["final_accounts", "budget", "university_final_accounts", "university_budget", "unit_final_accounts", "unit_budget",
                  "performance_form"]}
    assert defs["Year"]["properties"]["value"] == {"type": "integer"}
    assert defs["Percent"]["properties"]["sign"] == {"type": "boolean"}


@pytest.mark.parametrize("written", ["19.70", "-1.00", "0", "315.40", "1E+2", "0E-8",
                                     "5.719147556924074224130945628"])
def test_decimal_pattern_accepts_what_str_decimal_writes(written: str) -> None:
    assert str(Decimal(written)) == written
    assert re.search(DECIMAL_PATTERN, written)


@pytest.mark.parametrize("written", ["", "1,000", "1.", ".5", "abc", "NaN", "19.70万元", "+1"])
def test_decimal_pattern_rejects_other_text(written: str) -> None:
    assert not re.search(DECIMAL_PATTERN, written)


def test_not_a_model_class() -> None:
    with pytest.raises(TypeError):
        json_schema(dict)


# ---------------------------------------------------------------------------------------
# Real documents validate


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_parsed_reports_validate(name: str) -> None:
    data = report_dict(name)
    assert validate(data, REPORT_SCHEMA, REPORT_SCHEMA) == []
    assert finreport.from_dict(data, Report) == finreport.parse(read_fixture(name))


def test_a_tagged_figure_is_among_the_validated_data() -> None:
    tagged = re.findall(r'"type": "(\w+)"', json.dumps(report_dict("seedstyle_flawed.txt")))
    assert tagged and set(tagged) <= {"Amount", "Percent", "Count"}


def test_findings_validate() -> None:
    findings = finreport.check(finreport.parse(read_fixture("seedstyle_flawed.txt")))
    assert findings
    for finding in findings:
        data = finreport.to_dict(finding)
        assert validate(data, FINDING_SCHEMA, FINDING_SCHEMA) == [], finding.code
    with_evidence = [f for f in findings if f.evidence.stated is not None]
    assert with_evidence  # decimals of the evidence were checked against the pattern


# ---------------------------------------------------------------------------------------
# Broken documents fail


def _broken_reports() -> list[tuple[str, dict[str, Any], str]]:
    good = report_dict("seedstyle_flawed.txt")
    cases = []

    def case(label: str, where: str, change: Any) -> None:
        data = copy.deepcopy(good)
        change(data)
        cases.append((label, data, where))

    case("missing key", "$: missing key 'kind'", lambda d: d.pop("kind"))
    case("unknown enum value", "$.kind", lambda d: d.update(kind="annual"))
    case("extra key", "$: unexpected key 'extra'", lambda d: d.update(extra=1))
    case("decimal as a number", "$.grand_total.amount",
         lambda d: d["grand_total"]["amount"].update(value=315.4))
    case("decimal with a separator", "$.grand_total.amount",
         lambda d: d["grand_total"]["amount"].update(value="3,15.40"))
    case("null where not nullable", "$.organization",
         lambda d: d["organization"].update(text=None))
    case("string where an integer", "$.fiscal_year",
         lambda d: d["fiscal_year"].update(value="2021"))
    case("object where an array", "$.glossary", lambda d: d.update(glossary={}))
    case("figure without its tag", "$.three_public.overseas.restated[0]",
         lambda d: d["three_public"]["overseas"]["restated"][0].pop("type"))
    case("figure with a wrong tag", "$.three_public.overseas.restated[0]",
         lambda d: d["three_public"]["overseas"]["restated"][0].update(type="Percent"))
    return cases


@pytest.mark.parametrize(("label", "data", "where"), _broken_reports(),
                         ids=[c[0] for c in _broken_reports()])
def test_broken_report_fails(label: str, data: dict[str, Any], where: str) -> None:
    errors = validate(data, REPORT_SCHEMA, REPORT_SCHEMA)
    assert errors, label
    assert any(e.startswith(where) for e in errors), errors


def test_broken_finding_fails() -> None:
    finding = finreport.check(finreport.parse(read_fixture("seedstyle_flawed.txt")))[0]
    data = finreport.to_dict(finding)
    for key, value, where in (("severity", "fatal", "$.severity"),
                              ("spans", [{"start": 0}], "$.spans[0]: missing key 'end'"),
                              ("code", 101, "$.code")):
        broken = copy.deepcopy(data)
        broken[key] = value
        errors = validate(broken, FINDING_SCHEMA, FINDING_SCHEMA)
        assert any(e.startswith(where) for e in errors), (key, errors)
