"""All lint rules; importing this package registers them in REGISTRY."""

from aotext.rules import (  # noqa: F401 - registers
    body,
    body_definitions,
    body_markup,
    body_pictures,
    characters,
    conversations,
    dates,
    documents,
    encryption,
    files,
    measurements,
    plans,
    project,
    references,
    workshop,
)
from aotext.rules.base import REGISTRY, Finding, Rule

__all__ = ["REGISTRY", "Finding", "Rule"]
