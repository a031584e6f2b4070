"""Ctrl-C, or a request to end, stops a build: nothing more starts, what is
finished stays whole, nothing temporary is left, and no traceback."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import ctrl_c_heard

ROOT = Path(__file__).resolve().parent.parent
AOTEXT = Path(sys.executable).parent / "aotext"
# What the shipped aotext.yaml makes: five handouts and five pieces of the trainer's kit as PDF, DOCX and HTML, the readings as PDF and HTML, and the slides.
SHIPPED_OUTPUTS = 33


@pytest.mark.parametrize("ending", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stopped_build_leaves_only_whole_files(tmp_path, ending):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    build = subprocess.Popen([str(AOTEXT), "build", "--jobs", "1", "--as-of", "2026-11-24"], cwd=tmp_path,
                             stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(temporary)},
                             preexec_fn=ctrl_c_heard)
    assert build.stderr is not None
    seen = []
    for line in build.stderr:
        seen.append(line)
        if " built " in line:  # the first file is done: stop it now
            build.send_signal(ending)
            break
    rest = build.stderr.read()
    build.wait()
    output = "".join(seen) + rest
    assert build.returncode == 1, output
    assert "aotext build: stopped." in output and "Traceback" not in output
    made = sorted(path.name for path in (tmp_path / "build").iterdir() if path.is_file())
    assert 1 <= len(made) < SHIPPED_OUTPUTS, made  # it stopped before the end
    for name in made:
        assert not name.endswith(".part")
        if name.endswith(".pdf"):
            assert len(PdfReader(tmp_path / "build" / name).pages) >= 1
    assert list(temporary.iterdir()) == []
    # The next build makes only what is missing.
    again = subprocess.run([str(AOTEXT), "build", "--as-of", "2026-11-24"], cwd=tmp_path, capture_output=True,
                           text=True)
    assert again.returncode == 0, again.stderr
    assert f"{SHIPPED_OUTPUTS - len(made)} to build, {len(made)} up to date" in again.stderr


def test_a_build_folder_that_cannot_be_written_is_one_clear_line(repo):
    """Root may write anywhere, so the folder is made unwritable by a file
    standing where aotext keeps its records."""
    from helpers import invoke

    root = repo()
    (root / "build").mkdir()
    (root / "build" / ".aotext").write_text("not a folder", encoding="utf-8")
    result = invoke("build", "--as-of", "2026-11-24")
    assert result.exit_code == 2
    assert "could not read or write build/.aotext" in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
