"""Work done in a forked copy of the process (aotext.apart): the answer
comes back whole, and a copy whose answer is no longer wanted is stopped,
not left to finish."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from aotext.apart import Apart, stop_all
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
