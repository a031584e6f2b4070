"""Work done in a forked copy of this process while this one goes on, as
git looks at its files in threads (in Python, a thread would wait for this
process's interpreter lock at every step). The copy sees everything this
process holds without anything being sent to it, and sends back only its
answer. Work made of many like pieces (files to read) is
`shared` between this process and its copies instead.

Where a process cannot be forked, only one core is free (`--jobs 1`), or
this process runs threads of its own (a forked copy could hang on a lock
one of them held), the work is done here when its answer is asked for: the
answer is the same either way, only later. So too when the copy fails (a
file system error, Ctrl-C): the work is done again here, where what went
wrong is reported as it would have been without the copy."""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import signal
import threading
from collections.abc import Callable
from typing import Any, BinaryIO, Generic, NamedTuple, TypeVar

T = TypeVar("T")
# The answer's length in bytes comes first: an answer cut short is told from a whole one.
_LENGTH = 8


class Codec(NamedTuple):
    """How an answer travels from the copy: turned into bytes there, and back here."""

    dumps: Callable[[Any], bytes]
    loads: Callable[[bytes], Any]


def _pickled(value: object) -> bytes:
    # Imported when used: lint's cache sends plain values (MARSHAL), and a
    # lint after one change is a few milliseconds faster without it.
    import pickle

    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(data: bytes) -> Any:
    import pickle

    return pickle.loads(data)


# Any Python object; plain values (numbers, text, bytes, lists, dicts, tuples, sets) only, faster.
PICKLE = Codec(_pickled, _unpickled)
MARSHAL = Codec(marshal.dumps, marshal.loads)


def default_jobs() -> int:
    """How many processes may work at once: the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork(jobs: int | None = None, *, beside_threads: bool = False) -> bool:
    """Whether work can go to a forked copy of this process: the system forks,
    a second core is free, no other thread runs here (`beside_threads`: the
    copy takes no lock another thread could hold, and this is the main
    thread, which alone may set Ctrl-C's handler), and Ctrl-C's handler is
    one Python can set back (the copy is started with it set aside)."""
    alone = threading.active_count() == 1 or (beside_threads and threading.current_thread() is threading.main_thread())
    return (hasattr(os, "fork") and (jobs or default_jobs()) > 1 and alone
            and signal.getsignal(signal.SIGINT) is not None)


class Apart(Generic[T]):
    """`work()` in a forked copy of this process from the moment this is made
    (`apart` says whether it is) until `result` is asked for; `close` when it
    is not. A copy whose answer is never asked for is stopped by `stop_all`,
    which the commands call as they end, and at the latest when Python exits."""

    def __init__(self, work: Callable[[], T], jobs: int | None = None, codec: Codec = PICKLE) -> None:
        self._work, self._codec = work, codec
        # The copy's process id, and the end its answer is read from.
        self._child = _started(work, codec) if can_fork(jobs) else None
        self.apart = self._child is not None
        if self._child is not None:
            _RUNNING.add(self)

    def result(self) -> T:
        if self._child is None:
            return self._work()
        pid, answer = self._child
        self._child = None
        _RUNNING.discard(self)
        try:
            with os.fdopen(answer, "rb") as given:
                sent = given.read()
        except BaseException:
            _kill(pid)  # Ctrl-C while waiting: the copy is stopped, not waited for
            raise
        finally:
            _reaped(pid)
        if len(sent) < _LENGTH or int.from_bytes(sent[:_LENGTH], "big") != len(sent) - _LENGTH:
            return self._work()  # the copy failed, or was stopped: done here, where a failure is reported
        found: T = self._codec.loads(sent[_LENGTH:])
        return found

    def close(self) -> None:
        """Stop the copy, if it is still working, and wait for it to end."""
        if self._child is not None:
            pid, answer = self._child
            self._child = None
            _RUNNING.discard(self)
            os.close(answer)
            _kill(pid)
            _reaped(pid)


# The copies started whose answers were neither asked for nor given up.
_RUNNING: set[Apart[Any]] = set()


def stop_all() -> None:
    """Stop every copy still working: a command that ended early (a refusal,
    Ctrl-C) no longer wants its answer, and must not leave it running."""
    for running in list(_RUNNING):
        running.close()


atexit.register(stop_all)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended already, and the system reaped it
        os.kill(pid, signal.SIGKILL)


def _reaped(pid: int) -> None:
    """Wait for the process to end, where the system has not done so already
    (with SIGCHLD ignored, as a shell's `trap '' CHLD` leaves it, it reaps it itself)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _started(work: Callable[[], object], codec: Codec) -> tuple[int, int] | None:
    """The copy doing `work`, and the end its answer is read from; None when
    none can be started (too many processes running)."""
    def send(out: BinaryIO) -> None:
        out.write(_framed(codec.dumps(work())))

    return _forked(send)


def _framed(answer: bytes) -> bytes:
    """An answer as a copy sends it: its length first, so that one cut short is told from a whole one."""
    return len(answer).to_bytes(_LENGTH, "big") + answer


def _forked(send: Callable[[BinaryIO], None], *, roomy: bool = False) -> tuple[int, int] | None:
    """A copy of this process that does `send` to a pipe and ends without a
    word; its process id and the end of the pipe to read from (None when
    none can be started). `roomy`: a pipe that holds much, where the system can."""
    answer, given = os.pipe()
    if roomy:
        import fcntl  # here: a system without fork (Windows) has no fcntl either

        with contextlib.suppress(AttributeError, OSError):  # Linux only
            fcntl.fcntl(given, fcntl.F_SETPIPE_SZ, 1 << 20)
    # Ctrl-C stops this process, which stops the copy: it ignores it from its first instruction.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pid = os.fork()
    except OSError:
        signal.signal(signal.SIGINT, previous)
        os.close(answer)
        os.close(given)
        return None
    if pid == 0:
        try:
            os.close(answer)
            with os.fdopen(given, "wb") as out:
                send(out)
        finally:
            os._exit(0)
    signal.signal(signal.SIGINT, previous)
    os.close(given)
    return pid, answer


# A chunk's number, as it is taken from the pipe all share: a read of this
# many bytes from a pipe is never split between two processes.
_NUMBER = 4
# How many numbers a pipe surely holds (16 KB; more would wait for a reader
# that has not started), written before any copy starts.
MOST_SHARED = 4_096


def shared(count: int, do: Callable[[int], T], copies: int, then: Callable[[T], object] | None = None) -> list[T]:
    """`do(number)` for every number below `count` (at most MOST_SHARED), in
    this process and `copies` forked copies at once: each takes the next
    number nobody has taken yet, so none waits while work remains. `then` is
    done here to each answer as soon as it is here (this process's own, and
    those the copies send, taken in between). A number a copy took but did
    not answer (it failed, or could not start) is done here, where a failure
    is reported as it would have been without the copies. The answers, in order."""
    if count > MOST_SHARED:
        raise ValueError(f"{count} pieces of work to share: at most {MOST_SHARED}, so that none waits to be written")
    taking, giving = os.pipe()
    os.write(giving, b"".join(number.to_bytes(_NUMBER, "big") for number in range(count)))
    os.close(giving)  # once every number is taken, a read gets nothing: the work is done
    answers: dict[int, T] = {}

    def answered(number: int, answer: T) -> None:
        answers[number] = answer
        if then is not None:
            then(answer)

    started: list[_Sending] = []
    try:
        # Beside other threads too, so `do` must take no lock they could hold
        # (reading files takes none): the editor's server reads its messages
        # in a thread of its own, and reads the repository in two processes.
        for _ in range(copies if can_fork(copies + 1, beside_threads=True) else 0):
            copy = _sharing(do, taking)
            if copy is None:
                break
            started.append(copy)
        while taken := os.read(taking, _NUMBER):
            number = int.from_bytes(taken, "big")
            answered(number, do(number))
            for copy in started:
                copy.take(answered, wait=False)
        for copy in started:
            copy.take(answered, wait=True)
    except BaseException:
        for copy in started:  # Ctrl-C (or a failure here): the copies stop at once, and nobody waits for them
            _kill(copy.pid)
        raise
    finally:
        os.close(taking)
        for copy in started:
            copy.close()
    for number in range(count):
        if number not in answers:
            answered(number, do(number))
    return [answers[number] for number in range(count)]


class _Sending:
    """A copy sharing the work, and the end of the pipe its answers come
    through, each its length, then its number and itself, pickled."""

    def __init__(self, pid: int, answers: int) -> None:
        self.pid, self.answers = pid, answers
        self._received = bytearray()

    def take(self, answered: Callable[[int, Any], None], *, wait: bool) -> None:
        """Hand on every answer arrived whole; `wait`: until the copy is done."""
        os.set_blocking(self.answers, wait)
        while True:
            try:
                data = os.read(self.answers, 1 << 20)
            except BlockingIOError:
                return
            self._received += data
            while len(self._received) >= _LENGTH:
                size = int.from_bytes(self._received[:_LENGTH], "big")
                if len(self._received) < _LENGTH + size:
                    break
                number, answer = _unpickled(bytes(self._received[_LENGTH:_LENGTH + size]))
                del self._received[:_LENGTH + size]
                answered(number, answer)
            if not data:
                return

    def close(self) -> None:
        os.close(self.answers)
        _reaped(self.pid)


def _sharing(do: Callable[[int], object], taking: int) -> _Sending | None:
    """A copy doing `do` for each number it takes, until none is left, and
    sending each answer as soon as it has it (into a roomy pipe, so that it
    need not wait for this process to take them)."""
    def send(out: BinaryIO) -> None:
        while taken := os.read(taking, _NUMBER):
            number = int.from_bytes(taken, "big")
            out.write(_framed(_pickled((number, do(number)))))
            out.flush()

    copy = _forked(send, roomy=True)
    return _Sending(*copy) if copy is not None else None
