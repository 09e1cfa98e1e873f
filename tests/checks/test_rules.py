"""The rule catalogue: every rule's own examples, its metadata, the generated rule page,
and the behaviour of :func:`finreport.check` (select/ignore, locale, order, JSON)."""

from __future__ import annotations

import re
import unicodedata

import pytest

import finreport
from finreport import Finding, Rule, Severity, Span
from finreport.checks.docs import render_rules_markdown

from ..conftest import ROOT, read_fixture

RULES = finreport.rules()
CODES = [r.code for r in RULES]
RULES_MD = ROOT / "docs" / "rules.md"


def findings_of(text: str, **options: object) -> list[Finding]:
    return finreport.check(finreport.parse(text), **options)  # type: ignore[arg-type]


def assert_spans_inside(text: str, finding: Finding) -> None:
    assert finding.spans, f"{finding.code} finding has no span: {finding.message}"
    for span in finding.spans:
        assert isinstance(span, Span)
        assert 0 <= span.start < span.end <= len(text), (
            f"{finding.code} span {span} is empty or outside the text "
            f"(length {len(text)}): {finding.message}")


# --------------------------------------------------------------------------- (a) examples


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_passing_example_has_no_finding_of_its_rule(rule: Rule) -> None:
    text = rule.passing
    own = [f for f in findings_of(text) if f.code == rule.code]
    assert own == [], f"{rule.code} passing example gives: {[f.message for f in own]}"
    for finding in findings_of(text):
        assert_spans_inside(text, finding)


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_failing_example_has_a_finding_of_its_rule(rule: Rule) -> None:
    text = rule.failing
    own = [f for f in findings_of(text) if f.code == rule.code]
    assert own, f"{rule.code} failing example gives no {rule.code} finding"
    assert {f.severity for f in own} == {rule.severity}
    for finding in findings_of(text):
        assert_spans_inside(text, finding)


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_failing_example_alone_gives_only_its_rule(rule: Rule) -> None:
    """Selecting the rule's code runs that rule only, and gives the same findings as the
    full run does for that code."""
    report = finreport.parse(rule.failing)
    alone = finreport.check(report, select=[rule.code])
    assert {f.code for f in alone} <= {rule.code}
    assert alone == [f for f in finreport.check(report) if f.code == rule.code]


# --------------------------------------------------------------------------- (b) rules.md


def test_rules_md_is_up_to_date() -> None:
    hint = ("docs/rules.md is out of date with the rule catalogue: regenerate it with "
            "`python -m finreport.checks.docs` (from the repository root)")
    assert RULES_MD.is_file(), hint
    assert RULES_MD.read_text(encoding="utf-8") == render_rules_markdown(), hint


def test_rules_md_documents_every_rule() -> None:
    page = render_rules_markdown()
    for r in RULES:
        assert f'<a id="{r.code.lower()}"></a>' in page
        assert f"## {r.code} {r.title}" in page
        assert f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.value} |" in page
        assert r.doc in page
        assert r.title_zh in page
    assert "[tolerance.md](tolerance.md)" in page
    assert render_rules_markdown() == page  # deterministic


def test_rules_md_shows_real_findings() -> None:
    page = render_rules_markdown()
    report = finreport.parse(finreport.rules()[0].failing)
    for locale in ("zh_CN", "en"):
        for f in finreport.check(report, select=[RULES[0].code], locale=locale):
            assert f"{f.code} {f.severity.value} {f.message}" in page


# --------------------------------------------------------------------------- (c) metadata


def test_codes_are_unique_and_well_formed() -> None:
    assert len(set(CODES)) == len(CODES)
    for code in CODES:
        assert re.fullmatch(r"FR\d{3}", code), code
    assert sorted(CODES) == CODES


def test_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(set(names)) == len(names)
    for name in names:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name), name


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.doc.strip(), f"{rule.code} has no docstring"
    assert rule.title.strip() and rule.title_zh.strip()
    assert isinstance(rule.severity, Severity)
    assert rule.passing.strip() and rule.failing.strip()
    assert rule.passing != rule.failing


# --------------------------------------------------------------------------- (d) select/ignore

FR101_FAILING = next(r.failing for r in RULES if r.code == "FR101")
FR201_FAILING = next(r.failing for r in RULES if r.code == "FR201")
FLAWED = read_fixture("seedstyle_flawed.txt")


def test_select_prefix_gives_only_that_family() -> None:
    report = finreport.parse(FLAWED)
    everything = finreport.check(report)
    sums = finreport.check(report, select=["FR1"])
    assert sums, "the flawed fixture has FR1xx findings"
    assert all(f.code.startswith("FR1") for f in sums)
    assert sums == [f for f in everything if f.code.startswith("FR1")]


def test_select_is_case_insensitive_and_takes_several_patterns() -> None:
    report = finreport.parse(FLAWED)
    both = finreport.check(report, select=["fr1", "FR201"])
    assert {f.code[:3] for f in both} <= {"FR1", "FR2"}
    assert {f.code for f in both if f.code.startswith("FR2")} <= {"FR201"}
    expected = [f for f in finreport.check(report)
                if f.code.startswith("FR1") or f.code == "FR201"]
    assert both == expected


def test_ignore_drops_codes_and_prefixes() -> None:
    report = finreport.parse(FLAWED)
    everything = finreport.check(report)
    assert finreport.check(report, ignore=["FR9"]) == [
        f for f in everything if not f.code.startswith("FR9")]
    assert finreport.check(report, ignore=["FR101", "FR903"]) == [
        f for f in everything if f.code not in ("FR101", "FR903")]


def test_ignore_wins_over_select() -> None:
    report = finreport.parse(FR101_FAILING)
    assert [f.code for f in finreport.check(report, select=["FR101"])] == ["FR101"]
    assert finreport.check(report, select=["FR101"], ignore=["FR101"]) == []
    assert finreport.check(report, select=["FR1"], ignore=["FR1"]) == []
    assert finreport.check(report, select=["FR101"], ignore=["FR"]) == []


@pytest.mark.parametrize("options", [
    {"select": ["FR999"]},
    {"select": ["XX"]},
    {"ignore": ["FR000"]},
    {"select": ["FR1"], "ignore": ["FR199"]},
    {"select": ["parts-summ"]},  # a rule name misspelled (names are accepted: parts-sum)
])
def test_unknown_code_raises(options: dict[str, list[str]]) -> None:
    report = finreport.parse(FR101_FAILING)
    with pytest.raises(ValueError):
        finreport.check(report, **options)  # type: ignore[arg-type]


def test_empty_select_means_every_rule() -> None:
    report = finreport.parse(FLAWED)
    assert finreport.check(report, select=[]) == finreport.check(report)
    assert finreport.check(report, select=None, ignore=[]) == finreport.check(report)


# --------------------------------------------------------------------------- (e) locale

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_UNITS = {"万元", "元", "亿元", "千元", "人", "户", "人次", "批次", "辆", "个", "台（套）", "场",
          "次", "名", "项"}


def _cjk_runs_outside_quotes(message: str) -> list[str]:
    return _CJK.findall(_QUOTED.sub(" ", message))


def _is_punctuation(run: str) -> bool:
    return all(unicodedata.category(c).startswith("P") or c.isspace() for c in run)


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_english_messages(rule: Rule) -> None:
    """In English, the words are English; Chinese appears only where the message quotes
    the report (names, words, units taken from its text) or a name in quotes."""
    text = rule.failing
    english = findings_of(text, select=[rule.code], locale="en")
    chinese = findings_of(text, select=[rule.code])
    assert len(english) == len(chinese)
    for en, zh in zip(english, chinese, strict=True):
        assert (en.code, en.severity, en.spans, en.evidence) == (
            zh.code, zh.severity, zh.spans, zh.evidence)
        assert en.message != zh.message
        assert re.search(r"\b[A-Za-z]{3,}\b", en.message), en.message
        for run in _cjk_runs_outside_quotes(en.message):
            assert not _is_punctuation(run), (
                f"{rule.code}: Chinese punctuation {run!r} in English message {en.message!r}")
            assert run in _UNITS or run in text, (
                f"{rule.code}: Chinese {run!r} in English message {en.message!r} is "
                "neither a unit nor quoted from the report")


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_default_locale_is_chinese(rule: Rule) -> None:
    report = finreport.parse(rule.failing)
    default = finreport.check(report, select=[rule.code])
    assert default == finreport.check(report, select=[rule.code], locale="zh_CN")
    for finding in default:
        assert _CJK.search(finding.message), finding.message
        # no English words of its own: Latin words only where quoted from the report
        for word in re.findall(r"[A-Za-z]{2,}", _QUOTED.sub(" ", finding.message)):
            assert word in rule.failing, (
                f"{rule.code}: English {word!r} in Chinese message {finding.message!r}")


# --------------------------------------------------------------------------- (f) order


@pytest.mark.parametrize("name", ["seedstyle_flawed.txt", "pdf2024_consistent.txt",
                                  "seedstyle_consistent.txt"])
def test_findings_are_sorted_by_position(name: str) -> None:
    text = read_fixture(name)
    findings = findings_of(text)
    keys = [(f.span.start, f.span.end, f.code) for f in findings]
    assert keys == sorted(keys)
    for finding in findings:
        assert_spans_inside(text, finding)


def test_flawed_fixture_findings_are_sorted_and_many() -> None:
    findings = findings_of(FLAWED)
    assert len({f.code for f in findings}) >= 3
    starts = [f.span.start for f in findings]
    assert starts == sorted(starts)


def test_sort_key_is_position_then_code() -> None:
    a = Finding("FR201", Severity.ERROR, "a", (Span(10, 12),))
    b = Finding("FR101", Severity.ERROR, "b", (Span(10, 12), Span(0, 3)))
    c = Finding("FR101", Severity.ERROR, "c", (Span(2, 30),))
    d = Finding("FR901", Severity.ERROR, "d", ())
    assert sorted([a, b, c, d], key=Finding.sort_key) == [d, c, b, a]
    assert d.span == Span(0, 0)


# --------------------------------------------------------------------------- (g) JSON


@pytest.mark.parametrize("text", [FLAWED, FR201_FAILING], ids=["flawed", "FR201"])
def test_findings_round_trip_through_json(text: str) -> None:
    findings = findings_of(text)
    assert findings
    encoded = finreport.to_json(findings)
    decoded = finreport.from_json(encoded, list[finreport.Finding])
    assert decoded == findings
    assert finreport.to_json(decoded) == encoded


def test_json_keeps_decimals_as_written() -> None:
    [first, *_] = findings_of(FR201_FAILING, select=["FR201"])
    data = finreport.to_dict(first)
    assert data["code"] == "FR201"
    assert data["severity"] == "error"
    assert data["evidence"]["stated"] == "96.56"
    assert data["evidence"]["unit"] == "%"
    assert data["spans"][0] == {"start": FR201_FAILING.index("96.56%"),
                                "end": FR201_FAILING.index("96.56%") + len("96.56%")}


# --------------------------------------------------------------------------- missing figures

_PART2 = "第二部分 2020年度部门决算情况说明\n"
_INCOME = _PART2 + "二、收入决算情况说明\n"


@pytest.mark.parametrize(("text", "codes"), [
    pytest.param(_INCOME + "2020年本年收入合计266.04万元，其中：财政拨款收入，占96.57%；"
                 "其他收入9.13万元，占3.43%。\n", ["FR1", "FR2"], id="part-without-amount"),
    pytest.param(_INCOME + "2020年本年收入合计266.04万元，其中：财政拨款收入256.91万元；"
                 "其他收入。\n", ["FR1", "FR2"], id="part-named-only"),
    pytest.param(_INCOME + "2020年本年收入合计万元，其中：财政拨款收入256.91万元，占96.57%；"
                 "其他收入9.13万元，占3.43%。\n", ["FR1", "FR2"], id="total-left-blank"),
    pytest.param(_PART2 + "一、收入支出决算总体情况说明\n2020年度收、支总计268.81万元。"
                 "与2019年相比，收、支总计各减少185.16万元。\n", ["FR3"],
                 id="change-without-percent"),
    pytest.param(_PART2 + "一、收入支出决算总体情况说明\n2020年度收、支总计268.81万元。"
                 "与2019年相比，收、支总计下降45%。\n", ["FR3"], id="percent-without-amount"),
    pytest.param(_PART2 + "五、一般公共预算财政拨款支出决算情况说明\n"
                 "（三）一般公共预算财政拨款支出决算具体情况\n"
                 "1.一般公共服务（类）群众团体事务（款）行政运行（项）:支出决算为6.00万元，"
                 "完成预算97%。\n", ["FR4"], id="completion-without-budget"),
])
def test_relation_with_missing_figures_is_not_a_finding(text: str, codes: list[str]) -> None:
    """A relation some of whose figures the text does not give cannot be checked: it is
    not a finding (docs/tolerance.md)."""
    found = findings_of(text, select=codes)
    assert found == [], [f.message for f in found]
