"""The one place that calls pyrage, with types: encrypt for recipients
(ASCII armor, so `age -d` reads it and git stores text), decrypt with
identities, and the parsing of keys. pyrage's errors become ours."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyrage
from pyrage import x25519

ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
PUBLIC_PREFIX = "age1"
SECRET_PREFIX = "AGE-SECRET-KEY-1"


class NotForYou(Exception):
    """The file is encrypted, but not for any identity we hold."""


class Damaged(Exception):
    """The file is not a whole age file: truncated, edited, or not age at all."""


class BadKey(ValueError):
    """A text that should be an age key is not one."""


@dataclass(frozen=True)
class Identity:
    """A secret key (pyrage's, which has no types)."""

    key: Any


@dataclass(frozen=True)
class Recipient:
    """A public key (pyrage's)."""

    key: Any


def generate() -> tuple[str, str]:
    """A new identity: (secret key, public key), both as age writes them."""
    identity = x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def parse_identity(text: str) -> Identity:
    try:
        return Identity(x25519.Identity.from_str(text.strip()))
    except pyrage.IdentityError as error:
        raise BadKey(str(error)) from error


def public_of(identity: Identity) -> str:
    return str(identity.key.to_public())


def parse_recipient(text: str) -> Recipient:
    """A public key, checked; BadKey for anything else."""
    text = text.strip()
    if not text.startswith(PUBLIC_PREFIX):
        raise BadKey(f"a public key starts with {PUBLIC_PREFIX}")
    try:
        return Recipient(x25519.Recipient.from_str(text))
    except pyrage.RecipientError as error:
        raise BadKey(str(error)) from error


def encrypt(data: bytes, recipients: Sequence[Recipient]) -> bytes:
    """`data` encrypted for every recipient, ASCII-armored."""
    result = pyrage.encrypt(data, [recipient.key for recipient in recipients], True)
    return bytes(result)


def decrypt(data: bytes, identities: Sequence[Identity]) -> bytes:
    """`data` decrypted in memory; NotForYou or Damaged."""
    if not data.lstrip().startswith(ARMOR_BEGIN) and not data.startswith(b"age-encryption.org/"):
        raise Damaged("it does not start like an age file")
    try:
        return bytes(pyrage.decrypt(data, [identity.key for identity in identities]))
    except pyrage.DecryptError as error:
        if "No matching keys" in str(error):
            raise NotForYou(str(error)) from error
        raise Damaged(_first_line(error)) from error


def _first_line(error: Exception) -> str:
    """pyrage's message without the lines after its first ("Have you tried
    upgrading to the latest version?"), which would split a lint line and
    send the user after the wrong fix."""
    return next(iter(str(error).splitlines()), "").strip() or type(error).__name__
