"""Reading an encrypted document in memory, and what can be known of one
without a key.

An encrypted document is `<folder>/<id>.md.age`: its id (which must carry no
name, see aotext.rules.encryption) is its file name and its type is its
folder's, both in the clear, so references to it are checked by everyone;
everything else is inside the age file, whole, as a standard `age` reads it.
A clear header inside the file would have kept `age -d` from reading it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from aotext.documents.records import frozen

SUFFIX = ".md.age"
Reason = Literal["no-key", "broken-key", "not-for-you", "damaged"]


def is_encrypted(path: str | Path) -> bool:
    return str(path).endswith(SUFFIX)


def id_of(path: str | Path) -> str:
    """The id an encrypted document's file name gives."""
    return Path(path).name[: -len(SUFFIX)]


def type_of(path: str | Path) -> str | None:
    """The type whose folder holds the file, at any depth (conversations/2026/
    too), as lint's wrong-folder rule sees it; None outside every type's
    folder, where nobody without the key can tell (lint says so)."""
    from aotext.documents.types import FOLDER_TYPES, folder_of

    folder = folder_of(Path(path).as_posix())
    return FOLDER_TYPES[folder] if folder else None


@frozen
class Sealed:
    """An encrypted document that could not be opened, and why."""

    path: str
    id: str
    type: str | None
    reason: Reason
    detail: str


def unseal(raw: bytes, shown: str) -> bytes | Sealed:
    """The plain bytes of an encrypted document, read in memory, or why not.
    The age library is imported only here: most repositories have no encrypted
    file, and every command reads files."""
    from aotext.crypto.age import Damaged, NotForYou, decrypt
    from aotext.crypto.identity import load_keys

    keys = load_keys()
    if not keys.identities:
        return Sealed(shown, id_of(shown), type_of(shown), "broken-key" if keys.broken else "no-key",
                      keys.problem or "")
    try:
        return decrypt(raw, keys.identities)
    except NotForYou:
        return Sealed(shown, id_of(shown), type_of(shown), "not-for-you", keys.public or "")
    except Damaged as error:
        return Sealed(shown, id_of(shown), type_of(shown), "damaged", str(error))


def sealed_message(sealed: Sealed) -> str:
    """What to say about one file that could not be opened for itself (not for the key)."""
    if sealed.reason == "damaged":
        return f"this encrypted file is damaged{damage_words(sealed.path, sealed.detail)}"
    return (f"this file is encrypted for other people, not for your key {sealed.detail}; if you should read it, "
            "ask someone who can to add you with 'aotext keys add' (which re-encrypts it for everyone)")


def damage_words(path: str | Path, why: str) -> str:
    """What follows "is damaged": `why` (Damaged's words) and how to get the file back from git."""
    from aotext.crypto.age import MERGED

    if why == MERGED:  # `git checkout -- FILE` refuses a file git is still merging
        return (f" ({why}), so nobody can read it; keep your version with 'git checkout HEAD -- {path}', then make "
                "the other change again with aotext edit")
    return (f" ({why}, as an interrupted copy or a git merge can leave it), so nobody can read it; restore it from "
            f"git with 'git checkout -- {path}' or from another copy, and change encrypted documents only with "
            "aotext edit")
