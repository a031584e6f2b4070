"""`aotext encrypt`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from aotext.cli.base import EXIT_PROBLEMS, cli, project_option


@cli.command(short_help="Encrypt every private document for the collective's keys.")
@project_option
def encrypt(project_file: Path | None) -> None:
    """Encrypt every private document (every conversation note, and any
    document with private: true) for the people in aotext-recipients.txt,
    as an .md.age file that only they can read, and remove the plain file.
    A document whose id shows a name (a pseudonym, an organizer) gets an id
    that tells only its date, since the file name of an encrypted document
    is its id and anyone can read it.

    Set 'encryption: required' in aotext.yaml so that lint (and the
    pre-commit hook) refuses private documents in plain text from then on.
    Exit status: 0 done, 1 some documents could not be read (fix them and run
    it again), 2 no keys to encrypt for.

    \b
    Examples:
      aotext encrypt
    """
    from aotext.crypto.convert import GITATTRIBUTES_LINE, convert, current_recipients, ensure_attributes
    from aotext.crypto.identity import load_keys
    from aotext.crypto.names import named_in_id
    from aotext.crypto.place import find_place
    from aotext.crypto.sealed import is_encrypted
    from aotext.repository import open_repository

    place = find_place(project_file)
    people, recipients = current_recipients(place.root)
    mine = load_keys().public
    if mine is not None and mine not in {person.public for person in people}:
        click.echo("warning: your own key is not among the recipients: you will not be able to read what is "
                   "encrypted now. Add yourself with aotext keys add YOUR-NAME " + mine, err=True)
    repository = open_repository(dt.date.today(), project_file, keep_bodies=False)
    corpus = repository.corpus
    chosen = [document for document in corpus.documents if document.private and (
        not document.encrypted or (document.id is not None and named_in_id(document.id, document.data)))]
    folder = place.content / "conversations"
    parsed = {Path(document.path).resolve() for document in corpus.documents} | {
        Path(document.path).resolve() for document in corpus.sealed}
    unreadable = sorted({problem.path for problem in repository.lint.problems
                         if Path(problem.path).resolve() not in parsed and Path(problem.path).suffix == ".md"
                         and Path(problem.path).resolve().is_relative_to(folder.resolve())})
    done = convert(chosen, set(corpus.by_id), recipients, place)
    for old, new in done.encrypted:
        click.echo(f"Encrypted {old} -> {new}" if not is_encrypted(old) else f"Renamed {old} -> {new}")
    for old_id, new_id in done.renamed:
        click.echo(f"  the id '{old_id}' showed a name; it is now '{new_id}'")
    count = len(done.encrypted)
    names = ", ".join(person.name for person in people)
    click.echo(f"{count} document{'s' if count != 1 else ''} encrypted for {len(people)} "
               f"{'people' if len(people) != 1 else 'person'} ({names}).")
    if done.encrypted and ensure_attributes(place.root / ".gitattributes"):
        click.echo(f"Added '{GITATTRIBUTES_LINE}' to .gitattributes, so git diff can show key holders the changes "
                   "and git never joins two versions of an encrypted document into one nobody can read. Commit it "
                   "with the documents.")
    if done.in_history:
        click.echo("warning: git already holds these in plain text, in its history: " + ", ".join(done.in_history)
                   + ". Encrypting them now does not remove those old versions: anyone with a copy of the "
                   "repository's history can read them. Ask whoever looks after the repository whether to "
                   "rewrite its history (git filter-repo), and never push it anywhere before that.", err=True)
    for path in unreadable:
        click.echo(f"{path}: not encrypted: aotext cannot read it (run aotext lint to see why); fix it and run "
                   "aotext encrypt again", err=True)
    if unreadable:
        sys.exit(EXIT_PROBLEMS)
