"""Lint's cache (.aotext-cache/): a lint with the cache prints exactly what a
lint without it prints, edit after edit, and each thing that can make a
cached result wrong sets it aside: a changed, new or deleted file, a picture
that appears, aotext's code or schemas, its version, the project file, the
fonts folder, the day."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from aotext import lint_cache, own_files
from aotext.lint_cache import files
from helpers import copies_started, invoke
from test_incremental import AS_OF, _edits, _shipped

CACHE = Path(lint_cache.CACHE_DIR)


def _lint(*args: str) -> tuple[int, str]:
    result = invoke("lint", "--as-of", AS_OF.isoformat(), *args)
    return result.exit_code, result.output


def _uncached(*args: str) -> tuple[int, str]:
    """What lint prints without its cache, which it then neither reads nor writes."""
    before = sorted(CACHE.glob("*")), [path.stat().st_mtime_ns for path in sorted(CACHE.glob("*"))]
    found = _lint("--no-cache", *args)
    assert (sorted(CACHE.glob("*")), [path.stat().st_mtime_ns for path in sorted(CACHE.glob("*"))]) == before
    return found


class Reads:
    """Counts the files lint reads again, and the full checks it makes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        self.full = 0
        read, full = lint_cache.read_and_check, lint_cache._full

        def counted_read(path: Path, *args, **options):  # type: ignore[no-untyped-def]
            self.files.append(path.as_posix())
            return read(path, *args, **options)

        def counted_full(*args):  # type: ignore[no-untyped-def]
            self.full += 1
            return full(*args)

        monkeypatch.setattr(lint_cache, "read_and_check", counted_read)
        monkeypatch.setattr(lint_cache, "_full", counted_full)

    def reset(self) -> None:
        self.files, self.full = [], 0


def _age(path: Path, seconds: int = 60) -> None:
    """Make a file look saved a while ago, as files are between two lints."""
    when = path.stat().st_mtime_ns - seconds * 1_000_000_000
    os.utime(path, ns=(when, when))


def _age_all(root: Path) -> None:
    for path in root.rglob("*.md"):
        _age(path)
    _age(root / "aotext.yaml")


def _looked_at_apart(monkeypatch: pytest.MonkeyPatch, apart: bool) -> list[int]:
    """Files looked at in a process of their own (as on a machine with two
    cores) or here (as on one core); the processes started are listed."""
    return copies_started(monkeypatch, 2 if apart else 1)


@pytest.mark.parametrize(("rewritten_at", "apart"), [(lint_cache._REWRITTEN_AT, True), (1.0, True),
                                                     (lint_cache._REWRITTEN_AT, False)])
def test_edit_after_edit_a_cached_lint_prints_what_an_uncached_lint_prints(tmp_path, monkeypatch, rewritten_at,
                                                                          apart):
    """With the cache's large parts written again in full as they are, and
    with what changed noted apart edit after edit (written in full only when
    an id appears that no file had); with the files looked at in a process
    of their own, and here."""
    _shipped(tmp_path, monkeypatch)
    monkeypatch.setattr(lint_cache, "_REWRITTEN_AT", rewritten_at)
    started = _looked_at_apart(monkeypatch, apart)
    reads = Reads(monkeypatch)
    assert _lint() == _uncached()
    _lint()  # writes the cache
    for what, _rule, path, edit in _edits():
        file = Path(path)
        new = edit(file.read_text(encoding="utf-8")) if file.exists() else edit("")
        if new is None:
            file.unlink()
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(new, encoding="utf-8")
        reads.reset()
        cached = _lint()
        assert reads.full == (1 if path == "aotext.yaml" else 0), what  # the project file sets the cache aside
        assert cached == _uncached(), what
        _lint()
    assert bool(started) == apart


def test_when_the_process_looking_at_the_files_fails_they_are_looked_at_here(tmp_path, monkeypatch):
    """A file system error or a Ctrl-C in the process that looks at the files
    apart: this one looks at them itself, and misses no change."""
    root = _shipped(tmp_path, monkeypatch)
    started = _looked_at_apart(monkeypatch, True)
    here, look = os.getpid(), files.looked_at

    def failing_apart(*args):  # type: ignore[no-untyped-def]
        if os.getpid() != here:
            raise OSError("the disk went away")
        return look(*args)

    monkeypatch.setattr(files, "looked_at", failing_apart)
    _age_all(root)
    _lint()
    log = root / "content/logs/2026-10-13-bus-drivers.md"
    log.write_text(log.read_text(encoding="utf-8").replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan"),
                   encoding="utf-8")
    status, output = _lint()
    assert status == 1 and "did you mean 'bus-drivers-plan'" in output
    assert (status, output) == _uncached()
    assert len(started) == 2


def test_only_the_files_that_changed_are_read_again(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    reads = Reads(monkeypatch)
    _age_all(root)
    _lint()
    assert reads.full == 1
    reads.reset()
    unchanged = _lint()
    assert reads.files == [] and reads.full == 0
    assert unchanged == _uncached()
    log = root / "content/logs/2026-10-13-bus-drivers.md"
    typo = log.read_text(encoding="utf-8").replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan")
    log.write_text(typo, encoding="utf-8")
    reads.reset()
    status, output = _lint()
    assert status == 1 and "did you mean 'bus-drivers-plan'" in output
    assert reads.files == ["content/logs/2026-10-13-bus-drivers.md"] and reads.full == 0
    log.write_text(typo, encoding="utf-8")  # saved again, unchanged: a new time, the same content
    _age(log, 30)
    reads.reset()
    assert _lint() == (status, output)
    assert reads.files == [] and reads.full == 0


def test_what_every_file_names_is_read_only_when_an_id_appears(tmp_path, monkeypatch):
    """The largest part of the cache (every string each file names) is read
    only when an id no file had appears; a lint after a typo writes only the small part."""
    root = _shipped(tmp_path, monkeypatch)
    monkeypatch.setattr(lint_cache, "_REWRITTEN_AT", 1.0)
    names_read = []
    read_names = lint_cache.read_names
    monkeypatch.setattr(lint_cache, "read_names", lambda *args: names_read.append(1) or read_names(*args))
    _age_all(root)
    _lint()
    written = {path.name: path.stat().st_mtime_ns for path in (root / CACHE).iterdir()}
    log = root / "content/logs/2026-10-13-bus-drivers.md"
    log.write_text(log.read_text(encoding="utf-8").replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan"),
                   encoding="utf-8")
    assert _lint() == _uncached() and names_read == []
    now = {path.name: path.stat().st_mtime_ns for path in (root / CACHE).iterdir()}
    assert [name for name in now if now[name] != written[name]] == ["lint"]
    plan = root / "content/plans/bus-drivrs-plan.md"  # the plan the log names now appears
    plan.write_text((root / "content/plans/bus-drivers-plan.md").read_text(encoding="utf-8").replace(
        "id: bus-drivers-plan", "id: bus-drivrs-plan"), encoding="utf-8")
    assert _lint() == _uncached() and names_read == [1]
    assert "unknown-reference" not in _lint()[1]  # the log names a plan there is


def test_a_broken_link_is_reported_as_without_the_cache(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    (root / "content/logs/gone.md").symlink_to(root / "content/logs/nowhere.md")
    first = _lint()
    assert first[0] == 1 and "gone.md" in first[1] and "cannot read this file" in first[1]
    assert _lint() == first == _uncached()
    (root / "content/logs/nowhere.md").write_text(_read_log(root).replace("plan: bus-drivers-plan", "plan: nobody"),
                                                  encoding="utf-8")
    assert _lint() == _uncached()


def _read_log(root: Path) -> str:
    return (root / "content/logs/2026-10-13-bus-drivers.md").read_text(encoding="utf-8")


def test_a_change_within_the_clock_tick_of_the_last_lint_is_not_missed(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    log = root / "content/logs/2026-10-13-bus-drivers.md"
    text = log.read_text(encoding="utf-8")
    _lint()
    log.write_text(text, encoding="utf-8")  # saved just before a lint ...
    assert _lint()[0] == 0
    saved = log.stat()
    # ... and changed again within the same tick of the file system's clock: same size, same time
    log.write_text(text.replace("plan: bus-drivers-plan", "plan: bus-drivers-plam"), encoding="utf-8")
    os.utime(log, ns=(saved.st_atime_ns, saved.st_mtime_ns))
    assert log.stat().st_size == saved.st_size
    assert _lint()[0] == 1


def test_a_deleted_file_is_missed_by_what_named_it(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    _lint()
    (root / "content/plans/bus-drivers-plan.md").unlink()
    cached = _lint()
    assert cached[0] == 1 and "unknown-reference" in cached[1]
    assert cached == _uncached()


def test_a_picture_that_appears_or_goes_is_noticed(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    module = root / "content/curriculum/01-kick-off.md"
    module.write_text(module.read_text(encoding="utf-8") + "\n![the three yards](yards.png)\n", encoding="utf-8")
    first = _lint()
    assert first[0] == 1 and "missing-picture" in first[1]
    _age_all(root)
    (root / "content/curriculum/yards.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert _lint() == _uncached() and "missing-picture" not in _lint()[1]
    (root / "content/curriculum/yards.png").write_text("not a picture", encoding="utf-8")  # replaced, not gone
    assert "picture-unreadable" in _lint()[1]
    (root / "content/curriculum/yards.png").unlink()
    assert "missing-picture" in _lint()[1]


def test_new_code_schemas_or_version_set_the_cache_aside(tmp_path, monkeypatch, tmp_path_factory):
    root = _shipped(tmp_path, monkeypatch)
    reads = Reads(monkeypatch)
    _age_all(root)
    _lint()
    schemas = tmp_path_factory.mktemp("schemas")
    for path in own_files.schema_dir().glob("*.schema.json"):
        shutil.copy(path, schemas / path.name)
    monkeypatch.setattr(own_files, "schema_dir", lambda: schemas)
    reads.reset()
    _lint()
    assert reads.full == 0  # the same schemas, elsewhere
    with (schemas / "plan.schema.json").open("a", encoding="utf-8") as stream:
        stream.write("\n")
    reads.reset()
    _lint()
    assert reads.full == 1
    monkeypatch.setattr(own_files, "__version__", "99.0")
    reads.reset()
    _lint()
    assert reads.full == 1
    code = tmp_path_factory.mktemp("installed") / "aotext"
    shutil.copytree(own_files.PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(own_files, "PACKAGE", code)
    _lint()
    with (code / "rules" / "plans.py").open("a", encoding="utf-8") as stream:
        stream.write("\n# an edit\n")
    reads.reset()
    _lint()
    assert reads.full == 1


def test_another_day_or_a_changed_fonts_folder_sets_the_cache_aside(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    reads = Reads(monkeypatch)
    project = root / "aotext.yaml"
    (root / "fonts").mkdir()
    (root / "fonts" / "notes.txt").write_text("not a font", encoding="utf-8")  # lint says it is no font
    project.write_text(project.read_text(encoding="utf-8") + "fonts: fonts\n", encoding="utf-8")
    _age_all(root)
    first = _lint()
    assert first[0] == 1 and "fonts-folder" in first[1], first
    (root / "fonts" / "notes.txt").unlink()
    reads.reset()
    after = _lint()
    assert reads.full == 1 and after == _uncached()
    reads.reset()
    invoke("lint", "--as-of", "2026-11-25")
    assert reads.full == 1


def test_the_cache_is_private_ignored_by_git_and_safe_to_lose(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    _lint()
    stored = root / CACHE / "lint"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert (root / CACHE / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    stored.write_bytes(stored.read_bytes()[:100])  # cut short
    assert _lint() == _uncached()
    stored.write_bytes(b"not a cache")
    assert _lint() == _uncached()


@pytest.mark.parametrize("lost", ["lint-index", "lint-names"])
def test_a_lost_part_of_the_cache_means_reading_everything_not_a_wrong_answer(tmp_path, monkeypatch, lost):
    """The parts read only when something changed, or when an id appears, may
    be gone by then (deleted, cut short): the lint checks everything instead."""
    root = _shipped(tmp_path, monkeypatch)
    monkeypatch.setattr(lint_cache, "_REWRITTEN_AT", 1.0)
    reads = Reads(monkeypatch)
    _lint()
    (root / CACHE / lost).write_bytes(b"cut")
    plan = root / "content/plans/bus-drivrs-plan.md"  # an id no file had, named by no one yet
    plan.write_text((root / "content/plans/bus-drivers-plan.md").read_text(encoding="utf-8").replace(
        "id: bus-drivers-plan", "id: bus-drivrs-plan"), encoding="utf-8")
    reads.reset()
    assert _lint() == _uncached()
    assert reads.full == 1
    assert _lint() == _uncached()


def test_a_repository_with_encrypted_documents_caches_nothing(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    (root / "content/conversations/2026-11-30-aaaaaa.md.age").write_text(
        "-----BEGIN AGE ENCRYPTED FILE-----\nbroken\n-----END AGE ENCRYPTED FILE-----\n", encoding="utf-8")
    _lint()
    assert not (root / CACHE).exists()


def test_a_lint_started_with_child_processes_left_to_the_system_still_answers(tmp_path, monkeypatch):
    """A shell's `trap '' CHLD` lets the system reap the process that looks at
    the files: waiting for it had stopped lint with 'No child processes'."""
    import signal

    _shipped(tmp_path, monkeypatch)
    started = _looked_at_apart(monkeypatch, True)
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert _lint() == _uncached()
        _lint()
        log = tmp_path / "content/logs/2026-10-13-bus-drivers.md"
        log.write_text(log.read_text(encoding="utf-8").replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan"),
                       encoding="utf-8")
        status, output = _lint()
    finally:
        signal.signal(signal.SIGCHLD, previous)
    assert status == 1 and "did you mean 'bus-drivers-plan'" in output
    assert started
