"""What `aotext lsp` reads from the editor, guarded. pygls trusts it: a
header announcing 10**12 bytes made it try to read them all (an internal
error, out of memory), and a message that is not JSON-RPC printed its
traceback on stderr, which an editor shows in its log. Here a message too
large to hold ends the server before its body is read, and pygls's logs are
one plain line each."""

from __future__ import annotations

import logging
import re
import sys
from typing import BinaryIO, cast

# Far above any message an editor sends (a document is at most 1 MB, and an
# edit sends it whole, escaped), far below the memory of any machine.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
# A header line is short; garbage without a line break is read this much at a time, never whole.
MAX_LINE_BYTES = 64 * 1024
_LENGTH = re.compile(rb"Content-Length: *(\d+)\r?\n")
_SKIPPED = "Unable to handle message"  # what pygls logs of a message it cannot read


class GuardedInput:
    """Standard input as pygls reads it (readline, read), which ends
    instead of announcing a message larger than MAX_MESSAGE_BYTES."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def readline(self) -> bytes:
        line = self.stream.readline(MAX_LINE_BYTES)
        found = _LENGTH.fullmatch(line)
        if found and int(found.group(1)) > MAX_MESSAGE_BYTES:
            # Its body cannot be skipped without reading it: nothing after it can be found again.
            _say(f"the editor announced a message of {int(found.group(1)):,} bytes, more than the "
                 f"{MAX_MESSAGE_BYTES // 1048576} MB aotext reads; stopping. Restart the language server "
                 "from your editor")
            return b""  # the end of the input: pygls stops as when the editor closes it
        return line

    def read(self, size: int) -> bytes:
        return self.stream.read(size)


class OneLine(logging.Handler):
    """pygls's warnings and errors as one line on stderr, without a traceback."""

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        if record.msg == _SKIPPED and error is not None:
            reason = next(iter(str(error).splitlines()), "") or type(error).__name__
            _say(f"skipped a message from the editor that is not one aotext can read ({reason}); going on")
        else:
            _say(next(iter(record.getMessage().splitlines()), ""))


def _say(line: str) -> None:
    print(f"aotext lsp: {line}", file=sys.stderr, flush=True)


def serve() -> None:
    """Answer the editor on standard input and output until it says exit."""
    from aotext.lsp.server import make_server

    pygls = logging.getLogger("pygls")
    pygls.addHandler(OneLine(logging.WARNING))
    pygls.propagate = False  # else Python's last-resort handler prints the traceback too
    # pygls calls only readline and read of its input (its own Reader protocol), which GuardedInput has.
    make_server().start_io(stdin=cast(BinaryIO, GuardedInput(sys.stdin.buffer)))
