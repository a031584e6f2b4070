"""All lint rules; importing this package registers them in REGISTRY."""

from aotext.rules import body, conversations, dates, documents, files, plans, project, references, workshop  # noqa: F401 - registers
from aotext.rules.base import REGISTRY, Finding, Rule

__all__ = ["REGISTRY", "Finding", "Rule"]
