"""The per-file half of lint: read each file and check it on its own
(its schema, its body, the rules that need one document alone), in
several processes when there are many. The corpus's rules, which compare
documents, are the other half (aotext.lint)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from aotext import collector
from aotext.apart import MOST_SHARED, default_jobs, shared
from aotext.load import Loaded, load_file
from aotext.model import ERROR, Problem
from aotext.rules import REGISTRY
from aotext.rules.body import check_body
from aotext.schemas import check_document

# Below this many files a second process costs more to start than it saves.
PARALLEL_THRESHOLD = 500
# Files a process takes at a time (more, where there are more files than
# aotext.apart.MOST_SHARED chunks): few enough that the processes end
# together, and that this process hands on what a copy read soon after it
# came; as fast as 25 or 100 at 20,000 files.
_CHUNK = 50


def read_and_check(path: Path | str, keep_body: bool = True, project: bool = False, mentions: bool = False) -> Loaded:
    """Load one file (`project`: it is the project file) and check it on its own.
    Without its body (`keep_body` False), it lets its positions go too: a
    command that needs no body points only into documents with problems."""
    return check_loaded(load_file(path, project=project), keep_body, mentions)


def check_loaded(loaded: Loaded, keep_body: bool = True, mentions: bool = False) -> Loaded:
    """Check a loaded file against its schema and check its body: the
    per-file half of lint (the corpus's rules are the other). `mentions`:
    also note the strings it names, for aotext.incremental."""
    if loaded.document is not None:
        document = loaded.document
        for found in check_document(document):
            line, column = document.position(found.key_path)
            loaded.problems.append(Problem(loaded.path, line, column, "schema", ERROR, found.message))
        if document.role == "document":
            for rule, alone in _DOCUMENT_RULES:
                for key_path, message in alone(document):
                    line, column = document.position(key_path)
                    loaded.problems.append(Problem(loaded.path, line, column, rule.id, rule.severity, message))
        # Here, where the body is at hand: the corpus's rules never see it.
        loaded.problems += [Problem(loaded.path, line, column, rule_id, REGISTRY[rule_id].severity, message)
                            for rule_id, line, column, message in check_body(document)]
        from aotext.handouts.images import pictures  # the build's own reading of pictures, as the body check's

        loaded.consulted = tuple(picture.path for picture in pictures(document))
        if mentions:
            loaded.mentions = document.mentions()
        if not keep_body:
            # Checked above; not sending them back from the copies reading too saves time and memory.
            document.body = ""
            document.forget_positions()
    return loaded


# The rules that need one document alone, run where it is read (aotext.rules.base).
_DOCUMENT_RULES = tuple((rule, rule.alone) for rule in REGISTRY.values() if rule.alone is not None)


def _read_chunk(paths: Sequence[Path | str], keep_body: bool = True, mentions: bool = False) -> list[Loaded]:
    with collector.paused():
        return [read_and_check(path, keep_body, False, mentions) for path in paths]


def read_all(paths: Sequence[Path | str], jobs: int | None = None, keep_bodies: bool = True,
             mentions: bool = False, then: Callable[[list[Loaded]], object] | None = None) -> list[Loaded]:
    """`read_and_check` every path, in `jobs` processes when it pays: this
    one and `jobs - 1` forked copies (aotext.apart.shared). `then` is done in
    this process to the files read, a few at a time, as soon as they are
    here: while the copies still read."""
    jobs = jobs or default_jobs()
    read = partial(_read_chunk, keep_body=keep_bodies, mentions=mentions)
    if jobs < 2 or len(paths) < PARALLEL_THRESHOLD:
        loaded = read(paths)
        if then is not None:
            then(loaded)
        return loaded
    size = max(_CHUNK, -(-len(paths) // MOST_SHARED))
    chunks = [paths[start:start + size] for start in range(0, len(paths), size)]
    # The collector paused as the copies' files come in, as where they are read.
    with collector.paused():
        read_chunks = shared(len(chunks), lambda number: read(chunks[number]), jobs - 1, then)
    return [loaded for chunk in read_chunks for loaded in chunk]


def announce(progress: Callable[[str], None] | None, files: int) -> None:
    """Say what is being done, when there are many files to check."""
    if progress and files >= PARALLEL_THRESHOLD:
        progress(f"checking {files:,} files ...")
