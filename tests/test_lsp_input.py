"""`aotext lsp` fed what no editor should send, as raw bytes on its standard
input: a message that is not JSON, or not a JSON-RPC message, is skipped
with one plain line on stderr and the server goes on; a header announcing
more than it would ever hold ends it at once, without reading the body.
Never a Python traceback, never out of memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WAIT = 30  # seconds: generous, for a loaded machine


def _message(content: dict) -> bytes:
    body = json.dumps(content).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


SHUTDOWN = _message({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}) + _message({"jsonrpc": "2.0", "method": "exit"})


def _server(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "aotext", "lsp"], cwd=root, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize(("sent", "reason"), [
    (b"Content-Length: 5\r\n\r\n{abc}", "(Expecting property name enclosed in double quotes"),
    (b"Content-Length: 2\r\n\r\n[]", "('list' object has no attribute 'jsonrpc')"),
    (b"Content-Length: 4\r\n\r\n\xff\xfe{}", "(Expecting value"),
])
def test_a_message_it_cannot_read_is_one_line_and_the_server_goes_on(repo, sent, reason):
    process = _server(repo())
    out, err = process.communicate(sent + SHUTDOWN, timeout=WAIT)
    assert process.returncode == 0
    [line] = err.decode().splitlines()  # one line, no traceback
    assert line.startswith(f"aotext lsp: skipped a message from the editor that is not one aotext can read {reason}")
    assert line.endswith("; going on")
    assert b'{"id": 1, "jsonrpc": "2.0", "result": null}' in out  # the shutdown after it was answered


def test_a_message_announced_larger_than_it_would_hold_ends_the_server_without_reading_it(repo):
    """10**12 bytes: the server had tried to hold them (an internal error, out of memory)."""
    process = _server(repo())
    assert process.stdin is not None
    process.stdin.write(b"Content-Length: 1000000000000\r\n\r\n{")
    process.stdin.flush()  # and left open: the server must not wait for the rest
    try:
        process.wait(timeout=WAIT)
    finally:
        process.kill()
        _, err = process.communicate()
    assert process.returncode == 0
    assert err.decode() == ("aotext lsp: the editor announced a message of 1,000,000,000,000 bytes, more than the 64 MB "
                   "aotext reads; stopping. Restart the language server from your editor\n")
