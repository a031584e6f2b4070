"""The per-file half of lint: read each file and check it on its own
(its schema, its body, the rules that need one document alone), in
several processes when there are many. The corpus's rules, which compare
documents, are the other half (aotext.lint)."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from aotext import collector
from aotext.apart import default_jobs
from aotext.load import Loaded, load_file
from aotext.model import ERROR, Problem
from aotext.rules import REGISTRY
from aotext.rules.body import check_body
from aotext.schemas import check_document

# Below this many files a worker pool costs more to start than it saves.
PARALLEL_THRESHOLD = 500
# Files a worker reads at a time. What it sends back of 50 files (about 55
# KB, packed, for the benchmarks' documents) fits in a pipe's 64 KB at once,
# so it goes on reading rather than wait for this process, busy reading too,
# to take it: measured 3-5% less time to read 20,000 files than with 250.
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
            # Checked above; not sending them back from the worker processes saves time and memory.
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
    one and `jobs - 1` workers. `then` is done in this process to the files
    read, a few at a time, as soon as they are here: while the workers still read."""
    jobs = jobs or default_jobs()
    if jobs < 2 or len(paths) < PARALLEL_THRESHOLD:
        loaded = _read_chunk(paths, keep_bodies, mentions)
        if then is not None:
            then(loaded)
        return loaded
    # Imported here: a lint that reads a file or two (from its cache) never starts a worker.
    from concurrent.futures import ProcessPoolExecutor

    chunks = [paths[start:start + _CHUNK] for start in range(0, len(paths), _CHUNK)]
    read = partial(_read_chunk, keep_body=keep_bodies, mentions=mentions)
    pool = ProcessPoolExecutor(max_workers=jobs - 1, initializer=_leave_ctrl_c_to_the_main_process)
    # The collector paused as the results come back, as where they are read.
    with collector.paused():
        try:
            with _ctrl_c_ignored():  # the worker starts here, and inherits it: from its first instruction
                sent = [pool.submit(read, chunk) for chunk in chunks]
            # This process reads too, from the last chunk back, each that no
            # worker has started: what it reads is not packed, sent and
            # unpacked again (a fifth of lint's time), nor held by one more process.
            here: dict[int, list[Loaded]] = {}
            handed = 0  # the chunks before this one are `then`'s already, or read here
            for number in reversed(range(len(chunks))):
                if not sent[number].cancel():
                    break
                here[number] = read(chunks[number])
                if then is not None:
                    then(here[number])
                    while handed < number and sent[handed].done():
                        then(sent[handed].result())
                        handed += 1
            results = [here[number] if number in here else future.result() for number, future in enumerate(sent)]
            if then is not None:
                for number in range(handed, len(chunks)):
                    if number not in here:
                        then(results[number])
            return [loaded for chunk in results for loaded in chunk]
        except BaseException:
            # Ctrl-C (or a failure): the worker reads no more than the files it holds, and nobody waits for it.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            pool.shutdown()


def _leave_ctrl_c_to_the_main_process() -> None:
    """A worker ignores Ctrl-C, which a terminal sends it too: the main
    process stops the run and says so in one line (the worker's own
    KeyboardInterrupt had printed a traceback). Where workers are started
    afresh rather than forked, this is their first step."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """Ctrl-C ignored for a moment, so that a worker forked meanwhile ignores
    it from its start (before its first step, a Ctrl-C would still reach it)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread, which alone handles signals: nothing to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def announce(progress: Callable[[str], None] | None, files: int) -> None:
    """Say what is being done, when there are many files to check."""
    if progress and files >= PARALLEL_THRESHOLD:
        progress(f"checking {files:,} files ...")
