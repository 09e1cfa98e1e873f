"""Every ```python snippet of ``docs/*.md`` and ``README.md`` runs without raising.

Each file's snippets run in order in one namespace, with the current directory set to the
repository root, as a reader would paste them into one session.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from finreport import Finding
from finreport.output.schema import json_schema

from .conftest import ROOT

#: A ```python block; one marked ```python patched runs only on a copy of the package with
#: the page's ```diff rows applied (test_patched_snippets_run), not here.
_FENCE = re.compile(r"^```python(?![^\n]*\bpatched\b)[^\n]*\n(.*?)^```[ \t]*$",
                    re.MULTILINE | re.DOTALL)
_PATCHED_FENCE = re.compile(r"^```python[^\n]*\bpatched\b[^\n]*\n(.*?)^```[ \t]*$",
                            re.MULTILINE | re.DOTALL)
_DIFF_FENCE = re.compile(r"^```diff\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def markdown_files() -> list[Path]:
    files = sorted((ROOT / "docs").glob("*.md"))
    readme = ROOT / "README.md"
    return [readme, *files] if readme.is_file() else files


def snippets(markdown: str) -> list[tuple[int, str]]:
    """The ```python blocks of *markdown*: (line of the fence, code)."""
    return [(markdown.count("\n", 0, m.start()) + 1, m.group(1))
            for m in _FENCE.finditer(markdown)]


#: ``print(...)   # what it prints`` at the top level of a snippet: the comment is the
#: output, and the test holds the docs to it.
_PRINTED = re.compile(r"^print\((?P<args>.*)\)[ \t]+#[ \t]?(?P<shown>.+?)[ \t]*$", re.MULTILINE)


def _expect(where: str, shown: str, *values: object) -> None:
    printed = " ".join(str(v) for v in values)
    print(printed)
    assert printed == shown, f"{where}: prints {printed!r}, the comment says {shown!r}"


def _held_to_comments(code: str, name: str, first: int) -> str:
    """The snippet with each commented top-level print turned into a check of its output."""
    def check(m: re.Match[str]) -> str:
        line = first + code.count("\n", 0, m.start()) + 1
        return (f"__expect__({f'{name}:{line}'!r}, {m.group('shown')!r}, "
                f"{m.group('args')})")

    return _PRINTED.sub(check, code)


def run_snippets(markdown: str, name: str) -> dict[str, object]:
    """Run the snippets of *markdown* in one namespace; raise naming the failing one.  A
    top-level ``print(x)  # shown`` must print exactly ``shown``."""
    namespace: dict[str, object] = {"__name__": f"snippets of {name}", "__expect__": _expect}
    for line, code in snippets(markdown):
        try:
            exec(compile(_held_to_comments(code, name, line), f"{name}:{line}", "exec"),
                 namespace)
        except Exception as exc:
            raise AssertionError(f"the snippet at {name}:{line} raised {exc!r}") from exc
    return namespace


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: p.name)
def test_snippets_run(path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    run_snippets(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    capsys.readouterr()


def test_my_docs_have_snippets() -> None:
    for name in ("tutorial.md", "integration.md", "cli.md"):
        assert snippets((ROOT / "docs" / name).read_text(encoding="utf-8")), name


def test_a_failing_snippet_fails_with_its_place() -> None:
    markdown = "intro\n```python\nx = 1\n```\ntext\n\n```python\nassert x == 2\n```\n"
    assert snippets(markdown) == [(2, "x = 1\n"), (7, "assert x == 2\n")]
    with pytest.raises(AssertionError, match=r"the snippet at demo.md:7 raised AssertionError"):
        run_snippets(markdown, "demo.md")
    assert run_snippets("```python\ny = 2\n```\n", "ok.md")["y"] == 2


def test_other_fences_are_not_run() -> None:
    markdown = "```bash\nexit 1\n```\n```json\n{}\n```\n```pycon\n>>> 1/0\n```\n"
    assert snippets(markdown) == []


def test_schema_excerpt_in_integration_doc_is_current() -> None:
    """docs/integration.md quotes the Finding part of the schema; regenerate it with
    ``finreport schema finding`` when the model changes."""
    doc = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- schema: Finding -->\n```json\n(.*?)^```", doc,
                      re.MULTILINE | re.DOTALL)
    assert match is not None, "the schema excerpt marker is missing"
    assert json.loads(match.group(1)) == json_schema(Finding)["$defs"]["Finding"]


def test_a_comment_that_is_not_the_output_fails() -> None:
    markdown = "```python\nx = 2\nprint(x, x + 1)   # 2 3\n```\n"
    run_snippets(markdown, "good.md")
    with pytest.raises(AssertionError, match=r"bad.md:3: prints '2 3', the comment says '2 4'"):
        run_snippets(markdown.replace("# 2 3", "# 2 4"), "bad.md")


#: A fence of docs/cli.md with the marker above it that says what it is: ``output: ARGS``
#: (what ``finreport ARGS`` prints; ``ARGS => FILE``: what it writes to FILE, ``{tmp}``
#: standing for a temporary folder), ``settings`` (a settings file), ``commands`` (the
#: list of commands).
_MARKED_FENCE = re.compile(r"^(?:<!-- (?P<marker>[^\n]*?) -->\n)?```(?P<lang>\w+)\n(?P<body>.*?)^```",
                           re.MULTILINE | re.DOTALL)
#: A table of docs/cli.md generated from data: ``<!-- table: problems -->``.
_MARKED_TABLE = re.compile(r"^<!-- table: (?P<name>\w+) -->\n(?P<rows>(?:\|[^\n]*\n)+)",
                           re.MULTILINE)
#: The fences that show something the program prints or reads: each needs its marker.
_CHECKED_LANGS = ("text", "json", "toml")


def _run_cli(args: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> str:
    """What ``finreport ARGS`` prints (``ARGS => FILE``: what it writes to FILE)."""
    import shlex
    from contextlib import suppress

    from finreport.cli import main

    command, _, written = args.replace("{tmp}", str(tmp)).partition(" => ")
    capsys.readouterr()
    with suppress(SystemExit):  # --help
        main(shlex.split(command))
    out = capsys.readouterr().out
    return Path(written).read_text(encoding="utf-8") if written else out


def _contains(printed: object, shown: object, where: str = "$") -> list[str]:
    """How the JSON *shown* differs from the JSON *printed*: an object shows some of its
    keys, a list its first items; every value shown is the value printed."""
    if isinstance(shown, dict):
        if not isinstance(printed, dict):
            return [f"{where}: not an object"]
        return [error for key, value in shown.items()
                for error in ([f"{where}: no key {key!r}"] if key not in printed
                              else _contains(printed[key], value, f"{where}.{key}"))]
    if isinstance(shown, list):
        if not isinstance(printed, list) or len(printed) < len(shown):
            return [f"{where}: fewer items than shown"]
        return [error for k, (p, v) in enumerate(zip(printed, shown, strict=False))
                for error in _contains(p, v, f"{where}[{k}]")]
    return [] if printed == shown else [f"{where}: shows {shown!r}, prints {printed!r}"]


def _same_lines(printed: str, shown: str) -> str | None:
    """Why *shown* is not what was *printed*, or None: lines as printed, ``…`` standing
    for lines left out; without ``…`` at its start (end) the output starts (ends) there."""
    lines = [line.rstrip() for line in printed.rstrip("\n").split("\n")]
    parts: list[list[str]] = [[]]
    for line in shown.rstrip("\n").split("\n"):
        if line.strip() in ("…", "..."):
            parts.append([])
        else:
            parts[-1].append(line.rstrip())
    at = 0
    for k, part in enumerate(parts):
        if not part:
            continue
        found = next((i for i in range(at, len(lines) - len(part) + 1)
                      if lines[i:i + len(part)] == part), None)
        if found is None or (k == 0 and found != 0):
            return f"prints otherwise from {part[0]!r}"
        at = found + len(part)
    if parts[-1] and at != len(lines):
        return f"prints more after {parts[-1][-1]!r}"
    return None


def test_every_sample_in_cli_md_is_what_the_program_prints(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Each ```text, ```json and ```toml block of docs/cli.md is marked with what it
    shows, and is it: the output of the command (``--help`` at 100 columns), the file a
    command writes, a settings file finreport reads."""
    import tomllib

    from finreport.settings import load_settings

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    checked = 0
    for m in _MARKED_FENCE.finditer(doc):
        lang, body, marker = m.group("lang"), m.group("body"), m.group("marker") or ""
        line = doc.count("\n", 0, m.start("body"))
        if lang not in _CHECKED_LANGS:
            continue
        where = f"docs/cli.md:{line}"
        if marker.startswith("output: "):
            printed = _run_cli(marker[len("output: "):], capsys, tmp_path)
            if lang == "json":
                assert _contains(json.loads(printed), json.loads(body)) == [], where
            else:
                assert _same_lines(printed, body) is None, (where, _same_lines(printed, body))
        elif marker == "settings":
            data = tomllib.loads(body)
            name = "pyproject.toml" if "tool" in data else "finreport.toml"
            (tmp_path / name).write_text(body, encoding="utf-8")
            load_settings(tmp_path / name)  # raises on an unknown key or a wrong value
        elif marker == "commands":
            from finreport.cli import _argument_parser

            parser = _argument_parser()
            listed = [row.split()[1] for row in body.splitlines()]
            subcommands = next(a for a in parser._actions if a.dest == "command").choices
            assert sorted(listed) == sorted(subcommands), where
        else:
            raise AssertionError(f"{where}: a ```{lang} block without its marker "
                                 "(<!-- output: ARGS -->, <!-- settings -->, <!-- commands -->)")
        checked += 1
    assert checked >= 12


_VALUE_FENCE = re.compile(r"^<!-- value: (?P<expr>[^\n]*?) -->\n```json\n(?P<body>.*?)^```",
                          re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("path", [p for p in markdown_files()
                                  if _VALUE_FENCE.search(p.read_text(encoding="utf-8"))],
                         ids=lambda p: p.name)
def test_json_shown_in_the_docs_is_what_the_snippets_make(
        path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A ```json block marked ``<!-- value: EXPR -->`` shows the JSON of EXPR, evaluated
    after the page's snippets ran."""
    monkeypatch.chdir(ROOT)
    markdown = path.read_text(encoding="utf-8")
    namespace = run_snippets(markdown, path.name)
    capsys.readouterr()
    for m in _VALUE_FENCE.finditer(markdown):
        value = eval(m.group("expr"), namespace)
        assert _contains(value, json.loads(m.group("body"))) == [], m.group("expr")


def test_the_problem_tables_of_cli_md_are_the_codes() -> None:
    from finreport.model.problems import NOTICES, PROBLEMS

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    tables = {m.group("name"): m.group("rows") for m in _MARKED_TABLE.finditer(doc)}
    for name, data in (("problems", PROBLEMS), ("notices", NOTICES)):
        rows = [[cell.strip() for cell in row.strip("|").split("|")]
                for row in tables[name].splitlines()[2:]]
        assert rows == [[f"`{p.code}`", p.title, p.hint] for p in data.values()], name


def test_the_rough_edges_of_the_docs_are_gone() -> None:
    """cli.md names every command; integration.md writes what the output writes."""
    cli = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "## `finreport batch`" in cli
    integration = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    assert "(类)" not in integration and "tens of kilobytes" not in integration


def apply_rows(diff: str, root: Path) -> None:
    """Apply a ```diff block of added rows to the file it names under *root*: its context
    lines (`` `` first) locate the place, its ``+`` lines are inserted there.  Lines it
    would remove (``-``) are not allowed: a template is extended by rows."""
    lines = diff.splitlines()
    target = next(line[len("+++ b/"):] for line in lines if line.startswith("+++ b/"))
    body = [line for line in lines if not line.startswith(("---", "+++"))]
    assert not any(line.startswith("-") for line in body), "a row diff only adds lines"
    path = root / target
    text = path.read_text(encoding="utf-8").splitlines()
    context = [line[1:] for line in body if line.startswith(" ")]
    first = context[0]
    at = next(i for i, line in enumerate(text) if line == first)
    out = text[:at]
    k = at
    for line in body:
        if line.startswith("+"):
            out.append(line[1:])
        else:
            assert text[k] == line[1:], f"{target}: context {line!r} not found as written"
            out.append(text[k])
            k += 1
    out.extend(text[k:])
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _patched_pages() -> list[Path]:
    return [p for p in markdown_files()
            if _PATCHED_FENCE.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", _patched_pages(), ids=lambda p: p.name)
def test_patched_snippets_run(path: Path, tmp_path: Path) -> None:
    """The ```python patched snippets of a page run, in a fresh interpreter, on a copy of
    the package with the page's ```diff rows applied (docs/contributing.md: supporting a
    new template takes rows in templates/ only)."""
    import shutil
    import subprocess
    import sys

    markdown = path.read_text(encoding="utf-8")
    shutil.copytree(ROOT / "src", tmp_path / "src")
    diffs = _DIFF_FENCE.findall(markdown)
    assert diffs, f"{path.name} has patched snippets but no rows to apply"
    for diff in diffs:
        apply_rows(diff, tmp_path)
    touched = {line[len("+++ b/"):] for diff in diffs for line in diff.splitlines()
               if line.startswith("+++ b/")}
    assert all(name.startswith("src/finreport/templates/") for name in touched), touched
    code = "\n".join(_held_to_comments(m.group(1), path.name,
                                        markdown.count("\n", 0, m.start()) + 1)
                     for m in _PATCHED_FENCE.finditer(markdown))
    harness = ("import sys\nsys.path.insert(0, sys.argv[1])\n"
               "from tests.test_docs_snippets import _expect as __expect__\n" + code)
    done = subprocess.run([sys.executable, "-c", harness, str(tmp_path / "src")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_rows_are_applied_where_their_context_stands(tmp_path: Path) -> None:
    (tmp_path / "t.py").write_text("A = (\n    1,\n)\n", encoding="utf-8")
    apply_rows("--- a/t.py\n+++ b/t.py\n     1,\n+    2,\n )\n", tmp_path)
    assert (tmp_path / "t.py").read_text(encoding="utf-8") == "A = (\n    1,\n    2,\n)\n"
    with pytest.raises(AssertionError, match="only adds lines"):
        apply_rows("--- a/t.py\n+++ b/t.py\n-    1,\n", tmp_path)
