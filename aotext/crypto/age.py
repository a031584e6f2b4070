"""The one place that calls pyrage, with types: encrypt for recipients
(ASCII armor, so `age -d` reads it and git stores text), decrypt with
identities, and the parsing of keys. pyrage's errors become ours."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyrage
from pyrage import x25519

from aotext.documents.records import frozen

ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END = b"-----END AGE ENCRYPTED FILE-----"
PUBLIC_PREFIX = "age1"
SECRET_PREFIX = "AGE-SECRET-KEY-1"


class NotForYou(Exception):
    """The file is encrypted, but not for any identity we hold."""


class Damaged(Exception):
    """The file is not a whole age file: truncated, edited, or not age at all.
    Its message says which in plain words, for the user (MERGED: a git merge)."""


# What a git merge leaves in a file both sides changed: never in an age file.
MERGED = "a git merge joined two versions of it"


class BadKey(ValueError):
    """A text that should be an age key is not one."""


@frozen
class Identity:
    """A secret key (pyrage's, which has no types)."""

    key: Any


@frozen
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
    damage = _damage(data)
    if damage:
        raise Damaged(damage)
    try:
        return bytes(pyrage.decrypt(data, [identity.key for identity in identities]))
    except pyrage.DecryptError as error:
        if "No matching keys" in str(error):
            raise NotForYou(str(error)) from error
        # pyrage's own words ("invalid armor (last line is missing padding)") mean nothing to the user.
        raise Damaged("it was cut short or changed by hand") from error


def _damage(data: bytes) -> str | None:
    """What is plainly wrong with `data`, seen before decrypting: a file cut
    at its end would otherwise look, to someone it is not encrypted for,
    like a file for other people."""
    if not data.strip():
        return "it is empty"
    if b"\n<<<<<<<" in b"\n" + data:
        return MERGED
    if data.lstrip().startswith(ARMOR_BEGIN):
        return None if ARMOR_END in data else "it is cut short"
    return None if data.startswith(b"age-encryption.org/") else "it does not start as an encrypted file does"
