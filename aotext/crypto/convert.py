"""Writing encrypted documents: converting private documents to `.md.age`,
re-encrypting every encrypted document for the current recipients (after
someone is added or removed, or on demand), and one document at a time
(aotext note, aotext edit). Everything is decrypted in memory; only
ciphertext is written, each file atomically, and a plain file is removed
only once its encrypted copy is in place."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aotext.crypto.age import Damaged, NotForYou, Recipient, decrypt, encrypt
from aotext.crypto.identity import Keys, require_keys
from aotext.crypto.names import anonymous_id, named_in_id
from aotext.crypto.place import Place
from aotext.crypto.recipients import RECIPIENTS_FILE, Person, read_recipients, recipients_of
from aotext.crypto.sealed import SUFFIX, damage_words, is_encrypted
from aotext.discover import discover
from aotext.documents import fields
from aotext.documents.document import Document
from aotext.documents.types import TYPES, folder_of
from aotext.errors import Refused, UsageError
from aotext.fsio import atomic_write, atomic_write_text, remove_file

# diff=age: git diff shows a key holder the decrypted change (through the
# textconv aotext keys init sets). merge=binary: when two people changed one
# encrypted document, git keeps one version whole and reports a conflict,
# rather than joining the two into a file nobody can read.
GITATTRIBUTES_LINE = "*.md.age diff=age merge=binary"
_OLD_LINE = "*.md.age diff=age"  # what aotext wrote before merge=binary: completed, not kept beside it
_ID_LINE = re.compile(r"^id:.*$")


def current_recipients(root: Path) -> tuple[list[Person], list[Recipient]]:
    """The collective's people and their keys; UsageError when there is nobody."""
    path = root / RECIPIENTS_FILE
    people = read_recipients(path)
    if not people:
        raise UsageError(f"nobody can read encrypted documents yet: {path} lists no key. Run 'aotext keys init', "
                         "then 'aotext keys add YOUR-NAME YOUR-PUBLIC-KEY'")
    return people, recipients_of(people)


def open_bytes(path: Path, keys: Keys) -> bytes:
    """An encrypted file's plain bytes, in memory; UsageError naming it when it cannot be opened."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from error
    try:
        return decrypt(raw, keys.identities)
    except NotForYou as error:
        raise UsageError(f"{path} is encrypted for other people, not for your key {keys.public}; someone who can "
                         "read it must do this (or add you first with aotext keys add)") from error
    except Damaged as error:
        raise UsageError(f"{path} is damaged{damage_words(path, str(error))}") from error


def encrypted_files(content: Path) -> list[Path]:
    return [path for path in discover([content]) if is_encrypted(path)]


def reencrypt_all(content: Path, recipients: Sequence[Recipient]) -> int:
    """Every encrypted document, encrypted again for exactly `recipients`.
    All are opened first, so a file that cannot be opened stops it before
    anything is written. Each encryption draws a new file key, so a key no
    longer listed cannot open the new files."""
    files = encrypted_files(content)
    if not files:
        return 0
    keys = require_keys()
    opened = [(path, open_bytes(path, keys)) for path in files]
    for path, plain in opened:
        atomic_write(path, encrypt(plain, recipients))
    return len(opened)


def write_encrypted(path: Path, plain: bytes, recipients: Sequence[Recipient]) -> None:
    atomic_write(path, encrypt(plain, recipients))


def with_id(text: str, document: Document, new_id: str) -> str:
    """`text` with the front matter's `id:` line saying `new_id`."""
    line = document.position(("id",))[0] if ("id",) in document.positions else None
    lines = text.split("\n")
    if line is None or not _ID_LINE.match(lines[line - 1]):
        raise Refused(f"{document.path}: cannot find its 'id:' line to change; give it an id first")
    lines[line - 1] = f"id: {new_id}"
    return "\n".join(lines)


@dataclass
class Converted:
    encrypted: list[tuple[str, str]] = field(default_factory=list)  # (old path, new path)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old id, new id)
    in_history: list[str] = field(default_factory=list)  # plain files git already has


def folder_for(document: Document, content: Path) -> Path:
    """Where a document's encrypted file goes: where it is, unless that is
    not its type's folder, since without a key its type is known only by
    its folder (aotext.rules.encryption)."""
    kind = TYPES.get(document.type or "")
    if kind is None or folder_of(document.path) == kind.folder:
        return Path(document.path).parent
    return content / kind.folder


def convert(documents: Sequence[Document], taken: set[str], recipients: Sequence[Recipient],
            place: Place) -> Converted:
    """Encrypt each private document given (plain ones), in its type's
    folder, and give a new id that tells only the date to every one whose id
    shows a name (encrypted ones too)."""
    result = Converted()
    plans: list[tuple[Document, Path, str]] = []
    for document in documents:
        source = Path(document.path)
        if document.encrypted:
            text = open_bytes(source, require_keys()).decode("utf-8-sig")
        else:
            text = source.read_bytes().decode("utf-8-sig")
        new_id = document.id or ""
        if not document.id or named_in_id(document.id, document.data):
            new_id = anonymous_id(fields.date(document.data, "date"), taken)
            taken.add(new_id)
            text = with_id(text, document, new_id)
            result.renamed.append((document.id or "(none)", new_id))
        target = folder_for(document, place.content) / f"{new_id}{SUFFIX}"
        if target.exists() and target != source:
            raise Refused(f"{target} already exists; aotext never writes over a file")
        plans.append((document, target, text))
    for document, target, text in plans:
        write_encrypted(target, text.encode("utf-8"), recipients)
        if Path(document.path) != target:
            remove_file(Path(document.path))
        result.encrypted.append((document.path, target.as_posix()))
    result.in_history = tracked(place.root, [document.path for document, _, _ in plans if not document.encrypted])
    return result


def tracked(root: Path, paths: Sequence[str]) -> list[str]:
    """Which of `paths` git has already recorded (their plain text is in its history)."""
    if not paths or not (root / ".git").exists():
        return []
    try:
        done = subprocess.run(["git", "-C", str(root), "log", "--all", "--format=", "--name-only", "--",
                               *[str(Path(path).resolve().relative_to(root.resolve())) for path in paths]],
                              capture_output=True, text=True, check=False, timeout=60)
    except (OSError, ValueError, subprocess.SubprocessError):
        return []
    seen = {line.strip() for line in done.stdout.splitlines() if line.strip()}
    return [path for path in paths if str(Path(path).resolve().relative_to(root.resolve())) in seen]


def ensure_attributes(path: Path) -> bool:
    """GITATTRIBUTES_LINE in the git attributes file `path` (the repository's
    .gitattributes, or this copy's own .git/info/attributes); True when it was
    added or completed."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    if GITATTRIBUTES_LINE in lines:
        return False
    if _OLD_LINE in lines:
        lines[lines.index(_OLD_LINE)] = GITATTRIBUTES_LINE
    else:
        lines.append(GITATTRIBUTES_LINE)
    path.parent.mkdir(parents=True, exist_ok=True)  # a repository made without git's templates has no .git/info
    atomic_write_text(path, "\n".join(lines) + "\n")
    return True
