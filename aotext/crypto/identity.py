"""The user's own age identity: a file outside the repository that only its
owner may read, in the user's config folder or wherever AOTEXT_IDENTITY
points. It is age's own identity-file format, so `age -d -i FILE` uses it too."""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from aotext.crypto.age import SECRET_PREFIX, BadKey, Identity, generate, parse_identity, public_of
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


@dataclass(frozen=True)
class Keys:
    """What the user can open encrypted documents with. `identities` empty:
    nothing; `problem` says why, and `broken` tells a key that is there but
    wrong (an error to fix) from no key at all (a warning)."""

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
    if not stat.S_ISREG(status.st_mode):
        return Keys(path, problem=f"your key file {path} is not a regular file", broken=True)
    if status.st_mode & 0o077:
        return Keys(path, problem=(
            f"your key file {path} can be read by other people on this computer, so aotext will not use it; "
            f"make it yours alone with: chmod 600 {path}"), broken=True)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Keys(path, problem=f"your key file {path} cannot be read: {error}", broken=True)
    found = []
    for line in text.splitlines():
        if line.strip().startswith(SECRET_PREFIX):
            try:
                found.append(parse_identity(line))
            except BadKey:
                return Keys(path, problem=f"your key file {path} holds a line that is not a valid age key; "
                                          "restore it from your backup, or make a new key with 'aotext keys init'",
                            broken=True)
    if not found:
        return Keys(path, problem=f"your key file {path} holds no age key (a line AGE-SECRET-KEY-1...); restore it "
                                  "from your backup, or make a new key with 'aotext keys init'", broken=True)
    return Keys(path, tuple(found), public_of(found[0]))


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
        shown = f" Its public key: {keys.public}" if keys.public else ""
        raise Refused(f"you already have a key in {path}; aotext never replaces it.{shown}")
    secret, public = generate()
    text = f"# created by aotext keys init: {today.isoformat()}\n# public key: {public}\n{secret}\n"
    try:
        create_new(path, text.encode("ascii"), private=True)
    except FileExistsError as error:
        raise Refused(f"you already have a key in {path}; aotext never replaces it") from error
    except OSError as error:
        raise UsageError(f"could not write your key to {path}: {error.strerror or error}") from error
    return path, public
