"""The shape of the storage package (STYLE habit 16), checked on the source: managers use the core's public
API only, tables are declared once, each public name has one import path, modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
STORAGE = ROOT / "src" / "checkpoint" / "storage"
MODULES = sorted(path for path in STORAGE.glob("*.py"))
MAX_LINES = 600


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "database.py"], ids=lambda p: p.name)
def test_managers_use_only_the_core_s_public_api(path: Path) -> None:
    reaching = [
        f"{path.name}:{node.lineno}: {_dotted(node)}"
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and _dotted(node.value) in ("self._db", "db", "database")
    ]
    assert reaching == []


def test_tables_are_declared_once() -> None:
    aliases = [p.name for p in MODULES if p.name != "_models.py" and "__table__" in p.read_text("utf-8")]
    assert aliases == []


def _defined(module: Path) -> set[str]:
    names: set[str] = set()
    for node in _tree(module).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_every_storage_name_is_imported_from_the_module_that_defines_it() -> None:
    elsewhere: list[str] = []
    for path in sorted((ROOT / "src").rglob("*.py")) + sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(_tree(path)):
            if not isinstance(node, ast.ImportFrom) or node.module is None:
                continue
            if not node.module.startswith("checkpoint.storage"):
                continue
            parts = node.module.split(".")[2:]
            target = STORAGE.joinpath(*parts)
            module = target / "__init__.py" if target.is_dir() else target.with_suffix(".py")
            for alias in node.names:
                is_submodule = (target / f"{alias.name}.py").exists() or (target / alias.name).is_dir()
                if not is_submodule and alias.name not in _defined(module):
                    elsewhere.append(
                        f"{path.relative_to(ROOT)}:{node.lineno}: {alias.name} from {node.module}"
                    )
    assert elsewhere == []


WHY_ONE_MODULE = "Why one module of this length:"
"""What a module over ``MAX_LINES`` says at its top, with its reason (as ``station/texts.py`` does)."""


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_storage_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text("utf-8").splitlines())
    explained = WHY_ONE_MODULE in (ast.get_docstring(_tree(path)) or "")
    message = f"{path.name} has {lines} lines: split it (or say at its top why not)"
    assert lines <= MAX_LINES or explained, message
