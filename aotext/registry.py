"""How a registry finds what it holds: every module of a package that
declares the thing under an agreed name (TYPE, LAYOUT, FORMAT) adds one, so
adding a kind of thing is adding one module."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def declared(package: str, path: Iterable[str], name: str, kind: type[T]) -> list[T]:
    """What each module of `package` (at `path`) declares as `name`, in module
    order; a module declaring something of another kind is aotext's own bug."""
    found: list[T] = []
    for info in sorted(pkgutil.iter_modules(path), key=lambda info: info.name):
        if info.name.startswith("_"):
            continue
        value = getattr(importlib.import_module(f"{package}.{info.name}"), name, None)
        if value is None:
            continue  # a helper module of the package, such as base
        if not isinstance(value, kind):
            raise RuntimeError(f"{package}.{info.name}.{name} must be a {kind.__name__}")
        found.append(value)
    return found
