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

_FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


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
