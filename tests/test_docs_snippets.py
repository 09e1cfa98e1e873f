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


_TEXT_BLOCK = re.compile(r"^```text\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_cli_output_shown_in_the_docs_is_what_it_prints(capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        ) -> None:
    """A ```text block of docs/cli.md that shows `finreport check FILE` output (its lines
    start with a bundled file's path) must be lines of what that command prints, in order
    (``…`` stands for lines left out)."""
    from finreport.cli import main

    monkeypatch.chdir(ROOT)
    checked = 0
    for block in _TEXT_BLOCK.findall((ROOT / "docs" / "cli.md").read_text(encoding="utf-8")):
        lines = block.splitlines()
        path = lines[0].split(":", 1)[0] if lines else ""
        if not path.startswith("examples/data/") or not (ROOT / path).is_file():
            continue
        main(["check", path])
        printed = capsys.readouterr().out.splitlines()
        at = 0
        for shown in lines:
            if shown.strip() in ("…", "..."):
                continue
            assert shown in printed[at:], f"docs/cli.md shows {shown!r}, check prints otherwise"
            at = printed.index(shown, at) + 1
        checked += 1
    assert checked >= 1


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
