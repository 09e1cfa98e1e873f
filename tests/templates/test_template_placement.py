"""Every template-wording pattern lives under ``finreport/templates/``.

A heading, numbering, title or wording pattern written in a reader, a check or the text
layer would be a second place to change when a province writes its reports differently.
So a regular expression whose text holds Chinese (a word of the template) or a numbering
marker is written in ``templates/`` only; everything else imports it from there.

What counts as a pattern: the first argument of a call of the ``re`` module (``compile``,
``search``, ``match`` …) or of ``any_of``, with the module-level string constants it is
built from.  What counts as template wording: any Chinese character (punctuation and full-width forms
are the text's, not a template's).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ..conftest import ROOT

PACKAGE = ROOT / "src" / "finreport"
#: Where template wording may be written.
TEMPLATES = PACKAGE / "templates"
#: The numerals themselves (language, not template): the grammar builds on them.
NUMERALS = PACKAGE / "model" / "numerals.py"
_RE_CALLS = frozenset({"compile", "search", "match", "fullmatch", "sub", "subn", "split",
                       "findall", "finditer"})
_WORDING = re.compile(r"[\u3400-\u9fff]")


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level names bound to a string (or a concatenation of strings)."""
    found: dict[str, str] = {}
    for node in tree.body:
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        if isinstance(target, ast.Name) and value is not None:
            text = "".join(n.value for n in ast.walk(value)
                           if isinstance(n, ast.Constant) and isinstance(n.value, str))
            if text:
                found[target.id] = text
    return found


def _pattern_args(tree: ast.Module) -> list[ast.expr]:
    args: list[ast.expr] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr in _RE_CALLS
                and isinstance(func.value, ast.Name) and func.value.id == "re") or (
                isinstance(func, ast.Name) and func.id == "any_of"):
            args.append(node.args[0])
    return args


def wording_patterns(path: Path) -> list[str]:
    """``line: pattern`` for every pattern in *path* that holds template wording."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = _module_strings(tree)
    found = []
    for arg in _pattern_args(tree):
        text = "".join(n.value for n in ast.walk(arg)
                       if isinstance(n, ast.Constant) and isinstance(n.value, str))
        text += "".join(strings.get(n.id, "") for n in ast.walk(arg) if isinstance(n, ast.Name))
        if _WORDING.search(text):
            found.append(f"{arg.lineno}: {text[:60]}")
    return found


def modules_outside_templates() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if TEMPLATES not in p.parents and p != NUMERALS)


def test_template_wording_is_written_in_templates_only() -> None:
    misplaced = {p.relative_to(PACKAGE).as_posix(): found
                 for p in modules_outside_templates() if (found := wording_patterns(p))}
    assert misplaced == {}


def test_the_numeral_class_is_written_once() -> None:
    # the grammar builds its numeral class from model.numerals; nothing else spells it out
    spelled = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
               if p != NUMERALS and "一二三四五六七八九十" in p.read_text(encoding="utf-8")]
    assert spelled == []


def test_the_placement_test_finds_wording() -> None:
    tree_text = ('import re\n_WORD = "合计"\nA = re.compile(r"\\d+" + _WORD)\n'
                 'B = re.compile(r"[(（]\\d+[)）]")\nC = any_of([re.compile("第[一]")])\n')
    path = ROOT / "build" / "placement_probe.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(tree_text, encoding="utf-8")
    try:
        assert [line.split(":")[0] for line in wording_patterns(path)] == ["3", "5", "5"]
    finally:
        path.unlink()
