"""`aotext keys`: your own key, and who in the collective can read the encrypted documents."""

from __future__ import annotations

import datetime as dt
import shlex
import subprocess
import sys
from pathlib import Path

import click

from aotext.cli.base import cli, project_option
from aotext.errors import Refused, UsageError

_HISTORY = (
    "Older versions of the encrypted documents stay in the repository's git history, encrypted for whoever "
    "could read them then: with a copy of that history (a clone, the hosting service) and the key they keep, "
    "{name} can still read those old versions. What they already knew, they know. From now on the documents "
    "are encrypted without their key, so changes and new notes are closed to them. If the old versions are a "
    "risk to someone, talk with the people they are about; to remove them from history, every copy would have "
    "to be rewritten (git filter-repo) and pushed again, which never reaches copies already made.")


ACTIONS = {
    "init": "make your own key and print its public key",
    "add": "NAME PUBLIC_KEY: let someone read the encrypted documents",
    "remove": "NAME: stop someone reading them from now on",
    "list": "who can read them",
    "rotate": "encrypt every encrypted document again for the people listed",
    "show": "FILE: print an encrypted document's text (git diff uses it)",
}
_ARGUMENTS = {"init": [], "add": ["NAME", "PUBLIC_KEY"], "remove": ["NAME"], "list": [], "rotate": [], "show": ["FILE"]}


@cli.command(short_help="Your key, and who can read the encrypted documents.")
@project_option
@click.option("--no-git-diff", is_flag=True,
              help="With init: do not set up git diff to show you the decrypted changes of encrypted documents.")
@click.argument("action", type=click.Choice(list(ACTIONS)))
@click.argument("arguments", nargs=-1)
def keys(project_file: Path | None, no_git_diff: bool, action: str, arguments: tuple[str, ...]) -> None:
    """Keys for encrypted private documents (age).

    \b
      aotext keys init                  make your own key, print its public key
      aotext keys add NAME PUBLIC_KEY   let someone read the encrypted documents
      aotext keys remove NAME           stop someone reading them from now on
      aotext keys list                  who can read them
      aotext keys rotate                encrypt every encrypted document again
      aotext keys show FILE             print an encrypted document's text

    Your own key lives outside the repository, readable by you alone (in
    your config folder, or where AOTEXT_IDENTITY points): 'init' makes it
    and prints its public key, which you share; inside a git repository it
    also lets git diff show you the decrypted changes (unless
    --no-git-diff). The collective's public keys, one per person, are in
    aotext-recipients.txt at the top of the repository; 'add' and 'remove'
    change it and encrypt every document again for the people listed.
    Older versions in git history stay readable to someone removed.
    """
    wanted = _ARGUMENTS[action]
    if len(arguments) != len(wanted):
        shown = " ".join(wanted) or "nothing more"
        raise UsageError(f"aotext keys {action} takes {shown}; e.g. aotext keys {action} {' '.join(wanted)}".rstrip())
    if action == "init":
        init(no_git_diff)
    elif action == "add":
        add(project_file, *arguments)
    elif action == "remove":
        remove(project_file, *arguments)
    elif action == "list":
        list_keys(project_file)
    elif action == "rotate":
        rotate(project_file)
    else:
        show(Path(arguments[0]))


def init(no_git_diff: bool) -> None:
    """Make your own key (an age identity) and print its public key: send
    that to someone in the collective who has a key, so they add you."""
    from aotext.crypto.identity import create_identity

    path, public = create_identity(dt.date.today())
    click.echo(f"Made your key in {path} (readable by you alone; keep a backup of it somewhere safe).")
    click.echo("Your public key, to share with the collective (it is not secret):")
    click.echo(f"  {public}")
    click.echo(f"Someone who already has a key adds you with: aotext keys add YOUR-NAME {public}")
    if not no_git_diff and _configure_git_diff():
        click.echo("git diff in this repository now shows the decrypted changes of encrypted documents to you "
                   "(set in .git/config and .git/info/attributes: this copy only, nothing to commit).")


def _configure_git_diff() -> bool:
    """Set this copy of the repository's own git config and attributes (in
    .git, never pushed) so that git diff decrypts .md.age files with `aotext
    keys show`. Never .gitattributes: a file made here, uncommitted, would
    stop the pull of the one someone else committed. False outside a git
    repository."""
    from aotext.crypto.convert import ensure_attributes

    try:
        attributes = subprocess.run(["git", "rev-parse", "--git-path", "info/attributes"], capture_output=True,
                                    text=True, check=False)
    except OSError:
        return False
    if attributes.returncode != 0:
        return False
    command = f"{shlex.quote(sys.executable)} -m aotext keys show"
    subprocess.run(["git", "config", "diff.age.textconv", command], check=False, capture_output=True)
    ensure_attributes(Path(attributes.stdout.strip()))
    return True


def add(project_file: Path | None, name: str, public_key: str) -> None:
    """Add NAME with their PUBLIC_KEY (age1..., what 'aotext keys init'
    printed for them) and encrypt every encrypted document again so they can
    read it. You need your own key for that."""
    from aotext.crypto.age import BadKey, parse_recipient
    from aotext.crypto.convert import reencrypt_all
    from aotext.crypto.place import find_place
    from aotext.crypto.recipients import Person, read_recipients, recipients_of, write_recipients

    name = " ".join(name.split())
    public_key = public_key.strip()
    if not name or name.startswith("#"):
        raise UsageError("give the person's name (the collective's name for them), e.g. aotext keys add Sam age1...")
    try:
        parse_recipient(public_key)
    except BadKey as error:
        hint = ("that is a secret key: never share it. Ask them for the public key 'aotext keys init' printed, "
                "and make them a new key, since this one is no longer secret") if public_key.startswith(
            "AGE-SECRET") else "a public key starts with age1 and is what 'aotext keys init' printed"
        raise UsageError(f"'{public_key}' is not a public key: {hint}") from error
    place = find_place(project_file)
    people = read_recipients(place.recipients_file)
    for person in people:
        if person.name.casefold() == name.casefold():
            raise Refused(f"{person.name} is already in {place.recipients_file}; to change their key, "
                          f"aotext keys remove {shlex.quote(person.name)} first")
        if person.public == public_key:
            raise Refused(f"that key is already in {place.recipients_file}, as {person.name}")
    people.append(Person(name, public_key))
    count = reencrypt_all(place.content, recipients_of(people))  # before the list changes: nothing half-done
    write_recipients(place.recipients_file, people)
    click.echo(f"Added {name} to {place.recipients_file}.")
    click.echo(f"Encrypted {count} document{'s' if count != 1 else ''} again for {len(people)} "
               f"{'people' if len(people) != 1 else 'person'}. Commit both so the others get them.")


def remove(project_file: Path | None, name: str) -> None:
    """Remove NAME and encrypt every encrypted document again without their
    key. Older versions in git history stay readable to them: see what is
    printed."""
    from aotext.crypto.convert import reencrypt_all
    from aotext.crypto.place import find_place
    from aotext.crypto.recipients import read_recipients, recipients_of, write_recipients
    from aotext.words import did_you_mean

    place = find_place(project_file)
    people = read_recipients(place.recipients_file)
    found = [person for person in people if person.name.casefold() == " ".join(name.split()).casefold()]
    if not found:
        known = [person.name for person in people]
        raise UsageError(f"nobody called '{name}' is in {place.recipients_file}{did_you_mean(name, known)}; "
                         "aotext keys list shows who is")
    rest = [person for person in people if person not in found]
    if not rest:
        raise Refused(f"{found[0].name} is the last person in {place.recipients_file}: without anyone, nobody could "
                      "read the encrypted documents. Add someone else first")
    count = reencrypt_all(place.content, recipients_of(rest))
    write_recipients(place.recipients_file, rest)
    click.echo(f"Removed {found[0].name} from {place.recipients_file}.")
    click.echo(f"Encrypted {count} document{'s' if count != 1 else ''} again for the {len(rest)} "
               f"{'people' if len(rest) != 1 else 'person'} left. Commit both and push.")
    click.echo(_HISTORY.format(name=found[0].name))


def list_keys(project_file: Path | None) -> None:
    """Everyone in the recipients file, with their public key; yours is marked."""
    from aotext.crypto.identity import load_keys
    from aotext.crypto.place import find_place
    from aotext.crypto.recipients import read_recipients

    place = find_place(project_file)
    people = read_recipients(place.recipients_file)
    if not people:
        click.echo(f"Nobody yet: {place.recipients_file} lists no key. Start with aotext keys init, then "
                   "aotext keys add YOUR-NAME YOUR-PUBLIC-KEY.")
        return
    mine = load_keys().public
    width = max(len(person.name) for person in people)
    for person in people:
        click.echo(f"{person.name:<{width}}  {person.public}{'  (you)' if person.public == mine else ''}")


def rotate(project_file: Path | None) -> None:
    """Encrypt every encrypted document again, with new file keys, for
    exactly the people in the recipients file (after editing it by hand,
    or to be sure a removed key opens nothing new)."""
    from aotext.crypto.convert import current_recipients, reencrypt_all
    from aotext.crypto.place import find_place

    place = find_place(project_file)
    people, recipients = current_recipients(place.root)
    count = reencrypt_all(place.content, recipients)
    click.echo(f"Encrypted {count} document{'s' if count != 1 else ''} again for {len(people)} "
               f"{'people' if len(people) != 1 else 'person'}: {', '.join(person.name for person in people)}.")


def show(file: Path) -> None:
    """Print the decrypted text of FILE, an encrypted document (.md.age), to
    the terminal; nothing is written to disk. 'git diff' runs it to show
    you the decrypted changes (set up by aotext keys init)."""
    from aotext.crypto.convert import open_bytes
    from aotext.crypto.identity import require_keys

    plain = open_bytes(file, require_keys())
    click.echo(plain.decode("utf-8", errors="replace"), nl=False)
