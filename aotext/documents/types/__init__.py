"""The registry of document types: the one place that knows each type's
name, folder, privacy, references, typed view and `aotext new` template.
A new type is one new module here, plus its schema in schema/."""

from __future__ import annotations

from aotext.documents.types import conversation, module, plan, question, reflection, scenario
from aotext.documents.types.base import DocumentType, View

# In the order people meet them: the workshop, then the campaign.
TYPES: dict[str, DocumentType[View]] = {
    kind.name: kind for kind in (module.TYPE, question.TYPE, scenario.TYPE, plan.TYPE, reflection.TYPE,
                                 conversation.TYPE)
}
# Folder name -> the type whose documents live there.
FOLDER_TYPES: dict[str, str] = {kind.folder: name for name, kind in TYPES.items()}
