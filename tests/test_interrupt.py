"""Ctrl-C at any moment of `aotext`, from when its own code starts: one
plain line, exit 1, never a Python traceback. A terminal sends it to the
whole process group, aotext and its worker process alike. (Before that, while
Python itself starts, only Python can answer.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from aotext.cli import main
from helpers import REFLECTION, ctrl_c_heard

AOTEXT = str(Path(sys.executable).parent / "aotext")
# Past lint's threshold for reading in two processes, so a worker is interrupted too.
LOGS = {f"content/logs/log-{number:04}.md": REFLECTION.replace("id: log-2026-11-20", f"id: log-{number:04}")
        for number in range(700)}


def _children(pid: int) -> str:
    return Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii").strip()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc to see the worker start")
def test_ctrl_c_while_lint_reads_in_two_processes_is_one_plain_line(repo, tmp_path):
    repo(LOGS)
    stopped = []
    for _ in range(5):  # a Ctrl-C in the instant the worker is forked is ignored, as it is by a terminal's user
        started = subprocess.Popen([AOTEXT, "lint", "--no-cache", "--jobs", "2", "--as-of", "2026-11-24"],
                                   cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True, preexec_fn=ctrl_c_heard)
        deadline = time.monotonic() + 60
        while started.poll() is None and not _children(started.pid) and time.monotonic() < deadline:
            time.sleep(0.005)  # until the worker process is there: the reading has begun
        time.sleep(0.02)
        if started.poll() is None:
            os.killpg(started.pid, signal.SIGINT)
        _, errors = started.communicate(timeout=60)
        assert "Traceback" not in errors, errors
        if started.returncode == 1:
            assert errors == "\naotext lint: stopped (Ctrl-C).\n"
            stopped.append(errors)
            break
        assert (started.returncode, errors) == (0, "")  # it had finished first
    assert stopped, "no run was interrupted"


def test_ctrl_c_while_aotext_starts_is_one_plain_line(monkeypatch, capsys):
    """Importing is most of a start: Ctrl-C then had printed a traceback."""
    class Starting(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "aotext.cli.base", Starting("aotext.cli.base"))
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 1
    assert capsys.readouterr().err == "\naotext: stopped (Ctrl-C).\n"
