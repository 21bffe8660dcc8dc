"""The import rules of the layers, read from the source with `ast` (see README "How it works").

ground (kutip.errors, kutip.settings, kutip.memory) < index < retriever < bot < roots
(kutip.app, kutip.cli, kutip.evaluate, kutip.factories). A module imports only its own layer
or lower ones (imports under TYPE_CHECKING and inside functions count too), no module imports
another package's `_private` module or name, and only kutip/settings.py touches the environment.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("kutip", "index", "retriever", "bot")
GROUND = {"kutip", "kutip.errors", "kutip.settings", "kutip.memory"}
ROOTS = {"kutip.app", "kutip.cli", "kutip.evaluate", "kutip.factories"}
LAYERS = ["ground", "index", "retriever", "bot", "roots"]
ENV_NAMES = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}
ENV_OWNER = "kutip.settings"
SETTINGS_FREE = ("index", "retriever")  # they take plain arguments, not `Settings`


@dataclass(frozen=True)
class Import:
    """One imported project module (and the names taken from it) at a line of a module."""

    line: int
    module: str
    names: tuple[str, ...]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def layer_of(module: str) -> str:
    if module in GROUND:
        return "ground"
    if module in ROOTS or module.split(".")[0] == "kutip":
        return "roots"  # a new kutip module is a root until it is named ground above
    return module.split(".")[0]


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The absolute name of a `from` import (resolving `from . import x`)."""
    if not node.level:
        return node.module or ""
    base = module.split(".")[: -node.level] if node.level else []
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, tree: ast.Module) -> Iterator[Import]:
    """Every import of a project module, wherever it appears in the file."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PACKAGES:
                    yield Import(node.lineno, alias.name, ())
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, node)
            if target.split(".")[0] in PACKAGES:
                yield Import(node.lineno, target, tuple(a.name for a in node.names))


def _parsed() -> Iterator[tuple[str, Path, ast.Module]]:
    for module, path in _modules().items():
        yield module, path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def layer_violations() -> list[str]:
    found = []
    for module, path, tree in _parsed():
        mine = LAYERS.index(layer_of(module))
        for imp in imports_of(module, tree):
            targets = [imp.module] + [f"{imp.module}.{n}" for n in imp.names]
            known = [t for t in targets if t in _modules()] or [imp.module]
            for target in known:
                if LAYERS.index(layer_of(target)) > mine:
                    found.append(f"{_where(path, imp.line)}: {module} ({layer_of(module)}) "
                                 f"imports {target} ({layer_of(target)})")
    return found


def settings_violations() -> list[str]:
    return [
        f"{_where(path, imp.line)}: {module} imports {ENV_OWNER} (it takes plain arguments)"
        for module, path, tree in _parsed()
        if module.split(".")[0] in SETTINGS_FREE
        for imp in imports_of(module, tree)
        if ENV_OWNER in (imp.module, *(f"{imp.module}.{n}" for n in imp.names))
    ]


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_violations() -> list[str]:
    found = []
    for module, path, tree in _parsed():
        package = module.split(".")[0]
        for imp in imports_of(module, tree):
            if imp.module.split(".")[0] == package:
                continue
            private = [p for p in imp.module.split(".") if _is_private(p)]
            private += [n for n in imp.names if _is_private(n)]
            if private:
                found.append(f"{_where(path, imp.line)}: {module} imports private "
                             f"{', '.join(private)} of {imp.module}")
    return found


def _env_uses(tree: ast.Module) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr in ENV_NAMES
                and isinstance(node.value, ast.Name) and node.value.id == "os"):
            yield node.lineno, f"os.{node.attr}"
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            for alias in node.names:
                if alias.name in ENV_NAMES:
                    yield node.lineno, f"from os import {alias.name}"


def environment_violations() -> list[str]:
    return [
        f"{_where(path, line)}: {module} uses {what} (only {ENV_OWNER} may)"
        for module, path, tree in _parsed()
        if module != ENV_OWNER
        for line, what in _env_uses(tree)
    ]


def test_the_rules_see_every_package() -> None:
    modules = _modules()
    assert {layer_of(m) for m in modules} == set(LAYERS)
    assert {"kutip.app", "kutip.cli", "kutip.evaluate"} <= set(modules)
    assert GROUND <= set(modules)


@pytest.mark.parametrize(
    ("module", "layer"),
    [("kutip.settings", "ground"), ("index.store", "index"), ("retriever.search", "retriever"),
     ("bot.handlers", "bot"), ("kutip.app", "roots"), ("kutip.cli", "roots")],
)
def test_layer_of(module: str, layer: str) -> None:
    assert layer_of(module) == layer


@pytest.mark.parametrize(
    "check",
    [
        pytest.param(layer_violations, id="imports-only-point-down"),
        pytest.param(settings_violations, id="index-and-retriever-know-nothing-of-settings"),
        pytest.param(private_violations, id="no-imports-of-another-packages-private-parts"),
        pytest.param(environment_violations, id="only-settings-touches-the-environment"),
    ],
)
def test_the_rules_hold(check: Callable[[], list[str]]) -> None:
    found = check()
    assert not found, "\n".join(found)


def test_the_checks_catch_what_they_look_for() -> None:
    """The walkers find each kind of violation in a small made-up module."""
    source = ("import os\nfrom os import getenv\nfrom kutip.app import Services\n"
              "from retriever._types import Answer\nfrom bot import _private\n"
              "def f():\n    from bot.main import run_application\n    return os.environ\n")
    tree = ast.parse(source)
    found = list(imports_of("index.example", tree))
    assert [i.module for i in found] == ["kutip.app", "retriever._types", "bot", "bot.main"]
    assert [w for _, w in _env_uses(tree)] == ["from os import getenv", "os.environ"]
