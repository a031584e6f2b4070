"""The user's own age identity: a file outside the repository that only its
owner may read, in the user's config folder or wherever AOTEXT_IDENTITY
points. It is age's own identity-file format, so `age -d -i FILE` uses it too."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

from aotext.crypto.age import SECRET_PREFIX, BadKey, Identity, generate, parse_identity, public_of
from aotext.documents.records import frozen
from aotext.errors import Refused, UsageError
from aotext.fsio import create_new

ENV = "AOTEXT_IDENTITY"


def identity_path() -> Path:
    """Where the user's identity is: $AOTEXT_IDENTITY, else the config folder."""
    given = os.environ.get(ENV)
    if given:
        return Path(given).expanduser()
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "aotext" / "identity.txt"


@frozen
class Keys:
    """What the user can open encrypted documents with. `identities` empty:
    nothing; `problem` says why, and `broken` tells a key that is there but
    wrong (an error to fix) from no key at all (a warning). `public` is known
    of a key that is too open to use, too: it is still the user's key."""

    path: Path
    identities: tuple[Identity, ...] = ()
    public: str | None = None
    problem: str | None = None
    broken: bool = False


_cache: dict[tuple[str, int, int, int], Keys] = {}


def load_keys() -> Keys:
    """The user's keys, read once per process (and again if the file changes)."""
    path = identity_path()
    try:
        status = path.stat()
    except FileNotFoundError:
        return Keys(path, problem=f"you have no key (there is no file {path}). If you should read them, run "
                                  "'aotext keys init' and ask someone who has a key to add you")
    except OSError as error:
        return Keys(path, problem=f"your key file {path} cannot be read: {error.strerror or error}", broken=True)
    marker = (str(path), status.st_mtime_ns, status.st_size, status.st_mode)
    if marker not in _cache:
        _cache.clear()
        _cache[marker] = _read(path, status)
    return _cache[marker]


def _read(path: Path, status: os.stat_result) -> Keys:
    if stat.S_ISDIR(status.st_mode):
        return _folder(path)
    if not stat.S_ISREG(status.st_mode):
        return _not_a_key(path, "is a device or a pipe, not a file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return _not_a_key(path, "is not text (a key file is a few lines of text, one of them AGE-SECRET-KEY-1...)")
    except OSError as error:
        return Keys(path, problem=f"your key file {path} cannot be read: {error.strerror or error}", broken=True)
    found = []
    for line in text.splitlines():
        if line.strip().startswith(SECRET_PREFIX):
            try:
                found.append(parse_identity(line))
            except BadKey:
                return _not_a_key(path, "holds a line that starts as a key does (AGE-SECRET-KEY-1...) but is not "
                                        "a whole key: it was cut short or changed")
    if not found:
        return _not_a_key(path, "holds no key (a line AGE-SECRET-KEY-1...)")
    if status.st_mode & 0o077:  # said after what it holds: "chmod 600" would not make a file with no key work
        return Keys(path, public=public_of(found[0]), broken=True, problem=(
            f"your key file {path} can be read by other people on this computer, so aotext will not use it; "
            f"make it yours alone with: chmod 600 {path}"))
    return Keys(path, tuple(found), public_of(found[0]))


def _not_a_key(path: Path, what: str) -> Keys:
    """A key file that is there but is no key: said as it is (a garbage file
    had been taken for a key by aotext keys init), with the way out."""
    named = f"; check that {ENV} names your key file" if os.environ.get(ENV) else ""
    return Keys(path, problem=(
        f"{path}, which should be your key file, {what}{named}; put your key back in it from your backup, or "
        "move that file away and make a new key with 'aotext keys init'"), broken=True)


def _folder(path: Path) -> Keys:
    if os.environ.get(ENV):
        fix = (f"set {ENV} to your key file itself, or to a new file name such as {path / 'identity.txt'} for "
               "'aotext keys init' to make your key in")
    else:
        fix = "move that folder away, then put your key back there from your backup or run 'aotext keys init'"
    return Keys(path, problem=f"{path}, which should be your key file, is a folder; {fix}", broken=True)


def require_keys() -> Keys:
    """The user's keys, or a UsageError that says what is wrong."""
    keys = load_keys()
    if not keys.identities:
        raise UsageError(f"cannot open encrypted documents: {keys.problem}")
    return keys


def create_identity(today: dt.date) -> tuple[Path, str]:
    """Make the user's identity; Refused if there is one already."""
    path = identity_path()
    if path.exists():
        keys = load_keys()
        if keys.public is None:  # a folder, another file, a damaged key: not "a key already"
            raise UsageError(f"made no key: {keys.problem}")
        but = f". But {keys.problem}" if keys.problem else ""
        raise Refused(f"you already have a key in {path}; aotext never replaces it. Its public key: {keys.public}{but}")
    secret, public = generate()
    text = f"# created by aotext keys init: {today.isoformat()}\n# public key: {public}\n{secret}\n"
    try:
        create_new(path, text.encode("ascii"), private=True)
    except FileExistsError as error:
        raise Refused(f"you already have a key in {path}; aotext never replaces it") from error
    except OSError as error:
        raise UsageError(f"could not write your key to {path}: {error.strerror or error}") from error
    return path, public
