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
from finreport._schema import json_schema

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


def run_snippets(markdown: str, name: str) -> dict[str, object]:
    """Run the snippets of *markdown* in one namespace; raise naming the failing one."""
    namespace: dict[str, object] = {"__name__": f"snippets of {name}"}
    for line, code in snippets(markdown):
        try:
            exec(compile(code, f"{name}:{line}", "exec"), namespace)
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
