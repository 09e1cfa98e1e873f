"""The audit page: its content (always), and how it behaves in a real browser (headless
Chromium through Playwright, when both are there)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import finreport
from finreport import Severity
from finreport.cli import main
from finreport.output.html import IndexRow, index_html, to_html

from ..conftest import ROOT, read_fixture
from ..texts import NOTHING_READ

SAMPLE = ROOT / "examples" / "data" / "sample_report.txt"


def _sample() -> tuple[str, finreport.Report, list[finreport.Finding]]:
    text = SAMPLE.read_text(encoding="utf-8")
    report = finreport.parse(text)
    return text, report, finreport.check(report)


# --- the page's content ------------------------------------------------------------------


def test_the_page_is_self_contained() -> None:
    text, report, findings = _sample()
    page = to_html(text, report, findings)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"(?:src|href)=['\"](?:https?:)?//", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert page.count("<script>") == 1 and page.count("<style>") == 1


def test_every_figure_and_finding_is_marked() -> None:
    text, report, findings = _sample()
    page = to_html(text, report, findings)
    figures = {f.span for f in report.figures()}
    marked = _marked_offsets(page)
    # exactly the characters of the figures read are underlined, and exactly those of
    # the findings' spans highlighted
    assert marked["fig"] == {k for span in figures for k in range(span.start, span.end)}
    assert marked["hit"] == {k for f in findings for s in f.spans
                             for k in range(s.start, s.end)}
    assert f"已读数字 <b>{len(figures)}</b>" in page
    for n, finding in enumerate(sorted(findings, key=lambda f: f.span.start), 1):
        assert f"<li id='f-{n}' class='finding sev-{finding.severity.value}'" in page
        assert f"id='m-{n}'" in page  # its numbered mark in the text
    assert page.count("class='finding ") == len(findings)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    assert f"错误 <b>{counts[Severity.ERROR]}</b>" in page


_SEGMENT = re.compile(r"<span class='([^']*)'[^>]*>([^<]*)</span>|<a class='mark[^>]*>\d+</a>"
                      r"|([^<]+)")


def _marked_offsets(page: str) -> dict[str, set[int]]:
    """For each class of the text's segments (fig, hit, unk, ok), the offsets in the text it
    covers, found by walking the page's <pre> and unescaping it."""
    import html

    body = re.search(r"<pre id='text'>(.*)</pre>", page, re.DOTALL)
    assert body is not None
    offsets: dict[str, set[int]] = {"fig": set(), "hit": set(), "unk": set(), "ok": set()}
    at = 0
    for m in _SEGMENT.finditer(body.group(1)):
        if m.group(0).startswith("<a "):
            continue
        piece = html.unescape(m.group(2) if m.group(1) is not None else m.group(3))
        for name in (m.group(1) or "").split():
            if name in offsets:
                offsets[name].update(range(at, at + len(piece)))
        at += len(piece)
    return offsets


def test_hover_says_what_a_figure_was_read_as() -> None:
    text, report, _ = _sample()
    page = to_html(text, report, [])
    total = report.grand_total
    assert total is not None and total.amount is not None
    start = total.amount.span.start
    assert text[start:total.amount.span.end] == "315.40万元"
    assert re.search(r"<span class='fig' title='[^']*收、支总计[^']*金额（决算数）'>315\.40万元"
                     r"</span>", to_html(text, report, [], checks=[]))
    # a figure a check verified says by which rules
    assert re.search(r"<span class='fig ok' title='[^']*收、支总计[^']*金额（决算数）\n"
                     r"已核对: FR301'>315\.40万元</span>", page)


def test_every_figure_a_check_verified_is_marked() -> None:
    text, report, _ = _sample()
    audit = finreport.audit(report)
    page = to_html(text, report, list(audit.findings), checks=audit.checks)
    marked = _marked_offsets(page)["ok"]
    assert {s for s in audit.verified()} and all(
        set(range(s.start, s.end)) <= marked for s in audit.verified())
    assert marked == {i for s in audit.verified() for i in range(s.start, s.end)}


def test_the_text_is_escaped_and_kept_whole() -> None:
    text = read_fixture("seedstyle_consistent.txt") + "\n<script>alert(1)</script> & \"x\"\n"
    page = to_html(text)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;" in page
    body = re.search(r"<pre id='text'>(.*)</pre>", page, re.DOTALL)
    assert body is not None
    shown = re.sub(r"<a class='mark[^>]*>\d+</a>", "", body.group(1))
    import html as html_module

    assert html_module.unescape(re.sub(r"<[^>]+>", "", shown)) == text


def test_english_page() -> None:
    text, report, _ = _sample()
    findings = finreport.check(report, locale="en")
    page = to_html(text, report, findings, locale="en")
    assert "<html lang='en'>" in page and "Findings (" in page and "figures read" in page
    assert findings[0].message.split(":")[0] in page


def test_evidence_is_shown_at_a_readable_precision() -> None:
    text, report, findings = _sample()
    page = to_html(text, report, findings)
    share = next(f for f in findings if f.code == "FR201")
    ev = share.evidence
    # the message, the evidence and the page give the interval at one precision
    assert (str(ev.expected_low), str(ev.expected_high), str(ev.difference)) == (
        "5.7191", "5.7226", "0.0491")
    assert "[5.7191, 5.7226]%" in share.message
    assert re.search(r"应为 \[5\.7191, 5\.7226\]%", page)


def test_index_page_lists_reports_and_problems() -> None:
    page = index_html([
        IndexRow("a.html", "a.txt", "某局", 2021, "final_accounts", 2, 1, 0, 300, 4),
        IndexRow(None, "b.txt", problem="not a report: empty"),
    ])
    assert "<a href='a.html'>a.txt</a>" in page
    assert "<td>某局</td><td>2021</td><td>部门决算</td><td>2</td><td>1</td><td>0</td>" in page
    assert "无法检查: not a report: empty" in page


def test_cli_writes_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sample.html"
    assert main(["check", str(SAMPLE), "--format", "html", "--output", str(out), "-q"]) == 1
    text, report, findings = _sample()
    assert out.read_text(encoding="utf-8") == to_html(text, report, findings)


def test_cli_writes_a_folder_of_pages(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "one.txt")
    (src / "two.txt").write_text(read_fixture("seedstyle_consistent.txt"), encoding="utf-8")
    (src / "bad.txt").write_text("hello", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["check", str(src), "--format", "html", "--output", str(out), "-q",
                 "--locale", "en", "-j", "1"]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "one.html", "two.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<a href='one.html'>" in index and "<a href='two.html'>" in index
    assert "could not check: not a report" in index
    assert "<html lang='en'>" in (out / "one.html").read_text(encoding="utf-8")


def test_cli_html_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(SAMPLE), "--format", "html"])
    assert exit_.value.code == 2
    assert "--format html needs --output" in capsys.readouterr().err


def test_cli_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "page.html"
    assert main(["check", str(SAMPLE), "--format", "html", "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"finreport: --output {out}: cannot write: No such file or directory"]


def test_the_page_asks_for_a_chinese_font_stack() -> None:
    """The style asked for ``system-ui, sans-serif`` only: boxes where no CJK font is the
    default.  Now the fonts of each system by name, serif ones after, then generic."""
    text, report, findings = _sample()
    page = to_html(text, report, findings)
    stack = re.search(r"--cjk: ([^;]+);", page)
    assert stack is not None
    names = [name.strip().strip('"') for name in stack.group(1).split(",")]
    for name in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
                 "Noto Serif CJK SC", "sans-serif"):
        assert name in names
    assert names.index("WenQuanYi Micro Hei") < names.index("Noto Serif CJK SC")
    assert "font: 14px/1.5 var(--cjk)" in page
    # the notice for a machine without any is there, hidden until the script finds boxes
    assert "<p id='font-notice' class='notice' role='alert' hidden>" in page
    assert "fonts-noto-cjk" in page


def test_one_figure_count_everywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The index and the JSON said 243 figures where the page header said 207 (a figure
    held by two fields counted twice): now each place in the text counts once."""
    import json

    text, report, findings = _sample()
    read = len({f.span for f in report.figures()})
    assert read < sum(1 for _ in report.figures())  # the sample has figures held twice
    assert f"已读数字 <b>{read}</b>" in to_html(text, report, findings)
    assert main(["check", str(SAMPLE), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["files"][0]["figures"] == read
    assert main(["check", str(SAMPLE), str(SAMPLE.with_name("sample_tables.txt")),
                 "--format", "html", "-o", str(tmp_path / "pages"), "-q"]) == 1
    index = (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    assert f"<td>0</td><td>{read}</td>" in index.split("sample_report.txt")[1]
    from finreport.output.text import render_report

    assert f"读取数字: {read}" in render_report(report)


def test_the_page_says_when_nothing_was_read_or_the_report_was_not_identified() -> None:
    text, report, findings = _sample()
    assert "id='notices'" not in to_html(text, report, findings)
    page = to_html(NOTHING_READ)
    notices = re.search(r"<ul id='notices' class='notice' role='alert'>(.*?)</ul>", page)
    assert notices is not None
    assert re.findall(r"data-code='(\w+)'", notices.group(1)) == ["nothing_read"]
    assert "识别为报告，但未读出任何数字" in notices.group(1)
    english = to_html(NOTHING_READ, locale="en")
    assert "read as a report, but no figure could be read" in english
    untitled = to_html(NOTHING_READ.replace("2026年度某某局部门预算\n", ""))
    assert re.findall(r"<li data-code='(\w+)'>", untitled) == [
        "nothing_read", "organization_unknown"]


def test_the_index_flags_reports_and_totals() -> None:
    page = index_html([
        IndexRow("a.html", "a.txt", "某局", 2021, "final_accounts", 2, 1, 0, 300, 4),
        IndexRow("b.html", "b.txt", None, None, "final_accounts", 0, 1, 0, 0, 0,
                 problem="nothing read", problem_code="nothing_read",
                 notices=("organization_unknown", "fiscal_year_unknown")),
        IndexRow(None, "c.txt", problem="not a report: empty", problem_code="not_a_report"),
        IndexRow("d.html", "d.txt", "某委", 2026, "final_accounts", 1, 0, 0, 50, 0,
                 notices=("kind_contradicted",)),
    ])
    rows = re.findall(r"<tr( class='[^']*')?><td>(?:<a href='[^']*'>)?(\w\.txt)", page)
    assert rows == [("", "a.txt"), (" class='flagged'", "b.txt"),
                    (" class='problem flagged'", "c.txt"), (" class='flagged'", "d.txt")]
    assert "⚠ nothing_read</span> <span class='flag' data-code='organization_unknown'" in page
    assert "⚠ kind_contradicted" in page
    totals = re.search(r"<tfoot><tr id='totals'>(.*?)</tr></tfoot>", page)
    assert totals is not None
    assert re.findall(r"<td>([^<]*)</td>", totals.group(1)) == [
        "合计 (4)", "", "", "", "3", "2", "0", "350", "4", "需留意: 3"]


# --- in a real browser -------------------------------------------------------------------


def _chromium() -> str | None:
    for candidate in (os.environ.get("FINREPORT_CHROMIUM"), "chromium", "chromium-browser",
                      "google-chrome"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium found: install Debian's chromium package (apt-get install "
                    "chromium) or set FINREPORT_CHROMIUM; .ci/run does this")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable,
                                              args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[Any]]:
    from ..conftest import SEED_000, corpus_dir

    where = corpus_dir()
    seed = None if where is None else where / SEED_000
    # without the reference corpus, the bundled sample is a report of the same shape
    text = (seed if seed is not None and seed.is_file() else SAMPLE).read_text(encoding="utf-8")
    report = finreport.parse(text)
    findings = sorted(finreport.check(report), key=lambda f: f.span.start)
    path = tmp_path_factory.mktemp("page") / "seed.html"
    path.write_text(to_html(text, report, findings), encoding="utf-8")
    return path, text, findings


def _open(browser: Any, path: Path) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    return page


def test_error_figures_are_highlighted_at_their_text(browser: Any,
                                                     seed_page: tuple[Path, str, list[Any]],
                                                     ) -> None:
    path, text, findings = seed_page
    page = _open(browser, path)
    marked = page.evaluate("""() => Array.from(document.querySelectorAll('#text span[data-f]'))
        .map(e => [e.getAttribute('data-f').split(' '), e.textContent, e.className])""")
    errors = [(n, f) for n, f in enumerate(findings, 1) if f.severity is Severity.ERROR]
    assert errors
    for n, finding in errors:
        shown = "".join(t for numbers, t, _ in marked if str(n) in numbers)
        covered = sorted({k for s in finding.spans for k in range(s.start, s.end)})
        assert shown == "".join(text[k] for k in covered), finding.code
        first = next(c for numbers, _, c in marked if str(n) in numbers)
        assert "hit" in first
    page.close()


def test_clicking_a_finding_scrolls_to_its_figures(browser: Any,
                                                   seed_page: tuple[Path, str, list[Any]],
                                                   ) -> None:
    path, _, findings = seed_page
    page = _open(browser, path)
    n = max(k for k, f in enumerate(findings, 1) if f.severity is Severity.ERROR)
    page.click(f"#f-{n}")
    page.wait_for_timeout(200)
    state = page.evaluate("""(n) => {
        const el = Array.from(document.querySelectorAll('#text span[data-f]'))
            .find(e => e.getAttribute('data-f').split(' ').includes(String(n)));
        const r = el.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, height: window.innerHeight,
                flash: el.classList.contains('flash'), scrolled: window.scrollY,
                target: document.body.getAttribute('data-target')};
    }""", n)
    assert state["top"] >= 0 and state["bottom"] <= state["height"]
    assert state["flash"] and state["target"] == str(n) and state["scrolled"] > 0
    page.close()


def test_filters_hide_a_severity_and_a_rule(browser: Any,
                                            seed_page: tuple[Path, str, list[Any]]) -> None:
    path, _, findings = seed_page
    page = _open(browser, path)
    page.uncheck("input.sev[value=warning]")
    hidden = page.evaluate("""() => Array.from(document.querySelectorAll('.finding'))
        .filter(li => li.classList.contains('hidden')).map(li => li.dataset.severity)""")
    assert hidden == ["warning"] * sum(1 for f in findings if f.severity is Severity.WARNING)
    page.check("input.sev[value=warning]")
    page.select_option("#rule", "FR101")
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('.finding'))
        .filter(li => !li.classList.contains('hidden')).map(li => li.dataset.code)""")
    assert shown == ["FR101"] * sum(1 for f in findings if f.code == "FR101")
    page.close()


def _png_pixels(data: bytes) -> bytes:
    """The raw scanlines of a PNG (filter bytes included): enough to tell a blank image."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(idat)


def test_screenshot_is_not_blank(browser: Any, seed_page: tuple[Path, str, list[Any]],
                                 tmp_path: Path) -> None:
    path, _, _ = seed_page
    page = _open(browser, path)
    shot = page.screenshot()
    page.close()
    pixels = _png_pixels(shot)
    assert len(set(pixels)) > 64, "the page rendered (nearly) one colour"


def _cjk_fonts() -> list[str]:
    """The families of the installed fonts that cover Chinese (fontconfig)."""
    if shutil.which("fc-list") is None:
        return []
    import subprocess

    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                            check=False).stdout
    return sorted({name for line in listed.splitlines() for name in line.split(",")})


#: The Debian packages' families the page's stack names (fonts-noto-cjk, fonts-wqy-*).
DEBIAN_CJK = ("Noto Sans CJK SC", "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei",
              "WenQuanYi Zen Hei")


def test_chinese_text_is_drawn_with_a_cjk_font_not_boxes(
        browser: Any, seed_page: tuple[Path, str, list[Any]]) -> None:
    """Two independent witnesses that the Chinese text is drawn with the installed CJK font.

    1. Chromium's own account (DevTools ``CSS.getPlatformFontsForNode``): which platform
       font drew how many glyphs of a node.  Every Chinese character of the title, the
       panel's heading and the report's text must be drawn by a font of the Debian CJK
       packages; a character no font has would be counted under the first font of the
       stack that Chromium asked (Liberation, DejaVu) as its missing-glyph box.
    2. Pixels (the page's own check, ``finreportGlyphsMissing``): two different Chinese
       characters drawn on a canvas in the page's font must give different pixels; two
       code points no font has (U+0378, U+0379) give the same box, which shows the check
       can fail.  The page's notice that asks for a font stays hidden.
    """
    if not any(name in DEBIAN_CJK for name in _cjk_fonts()):
        pytest.skip("no CJK font of Debian's installed: apt-get install fonts-noto-cjk "
                    "(.ci/run does this)")
    path, _, _ = seed_page
    page = _open(browser, path)
    session = page.context.new_cdp_session(page)
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    session.send("CSS.enable")
    for selector in ("h1", "aside h2", "#text"):
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        shown = page.evaluate("(s) => document.querySelector(s).textContent", selector)
        chinese = sum(1 for ch in shown if "\u4e00" <= ch <= "\u9fff")
        assert chinese > 0, selector
        by_cjk = sum(f["glyphCount"] for f in fonts if f["familyName"] in DEBIAN_CJK)
        others = [f for f in fonts if f["familyName"] not in DEBIAN_CJK]
        assert by_cjk >= chinese, (selector, fonts)
        # what other fonts drew is not Chinese: at most the node's other characters
        assert sum(f["glyphCount"] for f in others) <= len(shown) - chinese, (selector, fonts)
    checks = page.evaluate("""() => {
        const font = '32px ' + getComputedStyle(document.body).fontFamily;
        return [finreportGlyphsMissing('财政预算决算', font),
                finreportGlyphsMissing('\u0378\u0379', font),
                document.getElementById('font-notice').hidden];
    }""")
    assert checks == [False, True, True]
    page.close()


def test_index_page_sorts_by_a_column(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(index_html([
        IndexRow("a.html", "a.txt", "甲", 2021, "budget", 1, 0, 0, 10, 0),
        IndexRow("b.html", "b.txt", "乙", 2021, "budget", 5, 0, 0, 10, 0),
        IndexRow("c.html", "c.txt", "丙", 2021, "budget", 3, 0, 0, 10, 0),
    ]), encoding="utf-8")
    page = _open(browser, path)
    page.click("th:nth-child(5)")  # errors
    order = page.evaluate("""() => Array.from(document.querySelectorAll('#index tbody tr'))
        .map(r => r.cells[0].textContent)""")
    assert order == ["a.txt", "c.txt", "b.txt"]
    page.click("th:nth-child(5)")
    order = page.evaluate("""() => Array.from(document.querySelectorAll('#index tbody tr'))
        .map(r => r.cells[0].textContent)""")
    assert order == ["b.txt", "c.txt", "a.txt"]
    last = page.evaluate("""() => Array.from(document.querySelectorAll('#index tr')).pop()
        .cells[0].textContent""")
    assert last == "合计 (3)"  # the totals stay below, however the rows are sorted
    page.close()


def test_each_quote_says_where_it_is() -> None:
    text, report, findings = _sample()
    page = to_html(text, report, findings)
    for finding in findings:
        for span in finding.spans:
            line, col = span.line_col(text)
            assert f"<q>{html_escape(span.of(text))}</q> {line}:{col}" in page
    crlf = text.replace("\n", "\r")  # old-Mac line ends: the same places
    page = to_html(crlf)
    assert "<q>0个</q> 20:17" in page


def html_escape(value: str) -> str:
    import html

    return html.escape(value, quote=True)
