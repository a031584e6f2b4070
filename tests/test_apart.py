"""Work done in a forked copy of the process (aotext.apart): the answer
comes back whole, and a copy whose answer is no longer wanted is stopped,
not left to finish."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from aotext.apart import Apart, shared, stop_all
from helpers import copies_started


def _slow(marker: Path) -> str:
    """Work that would take a while, and leaves a mark when it ends."""
    time.sleep(5)
    marker.write_text("finished", encoding="utf-8")
    return "done"


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_an_answer_larger_than_a_pipe_holds_comes_back_whole(monkeypatch):
    started = copies_started(monkeypatch, 2)
    apart = Apart(lambda: ["x" * 1000, *range(200_000)])
    assert apart.apart and started
    assert apart.result() == ["x" * 1000, *range(200_000)]
    assert _gone(started[0])


def test_on_one_core_the_work_is_done_here_when_asked(monkeypatch):
    started = copies_started(monkeypatch, 1)
    apart = Apart(os.getpid)
    assert not apart.apart and not started and apart.result() == os.getpid()


@pytest.mark.parametrize("stop", ["close", "stop_all"])
def test_a_copy_no_longer_wanted_is_stopped_before_it_finishes(tmp_path, monkeypatch, stop):
    started = copies_started(monkeypatch, 2)
    marker = tmp_path / "finished"
    apart = Apart(lambda: _slow(marker))
    if stop == "close":
        apart.close()
    else:
        stop_all()
    assert started and _gone(started[0]) and not marker.exists()


def test_ctrl_c_while_waiting_for_the_answer_stops_the_copy(tmp_path, monkeypatch):
    started = copies_started(monkeypatch, 2)
    marker = tmp_path / "finished"
    apart = Apart(lambda: _slow(marker))

    def ctrl_c(signum, frame):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, ctrl_c)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        with pytest.raises(KeyboardInterrupt):
            apart.result()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert started and _gone(started[0]) and not marker.exists()


def test_a_copy_that_fails_leaves_the_work_to_be_done_here(monkeypatch):
    started = copies_started(monkeypatch, 2)
    here = os.getpid()

    def failing_apart() -> int:
        if os.getpid() != here:
            raise OSError("the disk went away")
        return 42

    apart = Apart(failing_apart)
    assert started and apart.result() == 42


def _numbered(number: int) -> tuple[int, int, str]:
    """An answer that says who gave it, too large for a pipe when there are many."""
    time.sleep(0.002)  # long enough that the copies take their share
    return number, os.getpid(), "x" * 20_000


def test_work_shared_with_copies_is_done_once_each_and_handed_on_as_it_comes():
    handed: list[int] = []
    answers = shared(300, _numbered, 2, lambda answer: handed.append(answer[0]))
    assert [number for number, _, _ in answers] == list(range(300))
    assert sorted(handed) == list(range(300))  # each once, in whatever order it came
    assert len({pid for _, pid, _ in answers}) == 3  # this process and both copies took a share
    assert all(text == "x" * 20_000 for _, _, text in answers)


def test_what_a_failing_copy_took_is_done_here():
    here = os.getpid()

    def failing_apart(number: int) -> tuple[int, int]:
        if os.getpid() != here and number > 5:
            os._exit(3)  # as a copy the system stops: what it took is never answered
        time.sleep(0.002)
        return number, os.getpid()

    answers = shared(100, failing_apart, 1)
    assert [number for number, _ in answers] == list(range(100))
    copies = {pid for _, pid in answers} - {here}
    assert len(copies) <= 1 and sum(pid == here for _, pid in answers) >= 94


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc to see the copies")
def test_ctrl_c_while_sharing_the_work_stops_the_copies_at_once(tmp_path):
    here, copies = os.getpid(), []

    def slow(number: int) -> int:
        if os.getpid() == here:  # Ctrl-C here while both copies are at work
            time.sleep(0.5)
            copies.extend(int(pid) for pid in Path(f"/proc/{here}/task/{here}/children").read_text(encoding="ascii").split())
            raise KeyboardInterrupt
        time.sleep(5)
        (tmp_path / str(number)).write_text("finished", encoding="utf-8")
        return number

    with pytest.raises(KeyboardInterrupt):
        shared(10, slow, 2)
    assert len(copies) == 2 and all(_gone(pid) for pid in copies)
    assert not list(tmp_path.iterdir())


def test_work_is_shared_beside_a_thread_waiting_for_input():
    """As in the editor's server, whose messages are read in a thread of their own."""
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        answers = shared(100, _numbered, 1)
    finally:
        release.set()
        waiting.join()
    assert [number for number, _, _ in answers] == list(range(100))
    assert len({pid for _, pid, _ in answers}) == 2


def test_work_shared_from_a_thread_other_than_the_main_one_is_done_there():
    """Only the main thread may set Ctrl-C aside for a copy: elsewhere no copy is started."""
    found: list[object] = []
    worker = threading.Thread(target=lambda: found.append(shared(20, _numbered, 1)))
    worker.start()
    worker.join()
    answers = found[0]
    assert isinstance(answers, list) and [number for number, _, _ in answers] == list(range(20))
    assert {pid for _, pid, _ in answers} == {os.getpid()}
