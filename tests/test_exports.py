"""Each package's `__all__` is sorted and importable; every kutip error is exported."""

from __future__ import annotations

import importlib

import pytest


def _isort_key(name: str) -> tuple[int, str]:
    """ruff's RUF022 order: CONSTANTS, then CamelCase classes, then the rest."""
    group = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return group, name


@pytest.mark.parametrize("name", ["index", "retriever", "kutip.errors", "kutip.settings"])
def test_exports_are_sorted_and_importable(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported in (sorted(exported, key=str.casefold), sorted(exported),
                        sorted(exported, key=_isort_key))
    for item in exported:
        assert hasattr(module, item), f"{name}.{item} is listed but missing"


def test_every_error_class_is_exported() -> None:
    errors = importlib.import_module("kutip.errors")
    defined = {n for n, v in vars(errors).items()
               if isinstance(v, type) and issubclass(v, Exception) and v.__module__ == errors.__name__}
    assert defined == set(errors.__all__)
