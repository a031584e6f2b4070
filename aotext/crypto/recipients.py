"""The collective's recipients: the public key of everyone who may read the
encrypted documents, each under a name, in a file at the top of the
repository. It is an age recipients file (`age -R aotext-recipients.txt`
reads it): a `# NAME` line above each key."""

from __future__ import annotations

from pathlib import Path

from aotext.crypto.age import PUBLIC_PREFIX, BadKey, Recipient, parse_recipient
from aotext.documents.records import frozen
from aotext.errors import UsageError
from aotext.fsio import atomic_write_text

RECIPIENTS_FILE = "aotext-recipients.txt"
_HEADER = (
    "# Who can read this repository's encrypted documents: one public key per person, under their name.\n"
    "# Change it with aotext keys add NAME KEY and aotext keys remove NAME (they re-encrypt every document).\n"
    "# Public keys only: never put a secret key (AGE-SECRET-KEY-1...) here.\n"
)


@frozen
class Person:
    name: str
    public: str


def read_recipients(path: Path) -> list[Person]:
    """Everyone in the file, in order; [] when there is no file. UsageError,
    naming the file and line, for a line that is not a public key."""
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {path}: {error}") from error
    people: list[Person] = []
    name: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            name = None
        elif line.startswith("#"):
            name = line.lstrip("#").strip() or None
        else:
            try:
                parse_recipient(line)
            except BadKey as error:
                hint = "a secret key must never be here: remove it, and make a new key" if line.startswith(
                    "AGE-SECRET") else f"each key line starts with {PUBLIC_PREFIX}"
                raise UsageError(f"{path}:{number}: this line is not a public key ({hint})") from error
            people.append(Person(name or f"(no name, line {number})", line))
            name = None
    return people


def write_recipients(path: Path, people: list[Person]) -> None:
    entries = "".join(f"\n# {person.name}\n{person.public}\n" for person in people)
    atomic_write_text(path, _HEADER + entries)


def recipients_of(people: list[Person]) -> list[Recipient]:
    return [parse_recipient(person.public) for person in people]
