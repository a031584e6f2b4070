"""What the build remembers of every file it made: one record per output in
its state folder (build/.aotext/<file>.json) with the output's fingerprint,
what it was made from, its handout, and the digest of the bytes written.
The records tell the build which outputs are up to date, and which files in
the build folder are its own to remove once it no longer makes them: it
never removes a file it did not make, or one changed since."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aotext.documents.records import frozen
from aotext.fsio import atomic_write_text
from aotext.handouts.fingerprint import digest

STATE_FOLDER = ".aotext"
_RECORD = ".json"


def record_path(output: Path) -> Path:
    return output.parent / STATE_FOLDER / f"{output.name}{_RECORD}"


def _read(path: Path) -> dict[str, Any] | None:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def write_record(output: Path, handout: str, data: bytes, fingerprint: str, inputs: dict[str, str],
                 tools: dict[str, str]) -> None:
    """Record an output just written with `data`."""
    state = {"fingerprint": fingerprint, "inputs": inputs, "tools": tools, "handout": handout, "output": digest(data)}
    atomic_write_text(record_path(output), json.dumps(state, indent=1))


@frozen
class Made:
    """An output the build made, as its record says."""

    path: Path
    # None in the records of builds before aotext recorded it.
    handout: str | None
    # What it was made from: each input's digest by name (see fingerprint.inputs).
    inputs: dict[str, object]
    # The digest of the bytes written; None in the records of older builds.
    digest: str | None
    # Its fingerprint, and the tools that made it, as recorded: whether it is up to date, and if not, why.
    fingerprint: object
    tools: object


def made_outputs(output_dir: Path) -> list[Made]:
    """Every output in `output_dir` that the build made and that is still there."""
    folder = output_dir / STATE_FOLDER
    made = []
    # By name: the same order as by path (one folder), and quicker to sort.
    for record in sorted(folder.glob(f"*{_RECORD}"), key=lambda record: record.name) if folder.is_dir() else ():
        if (found := _made(record, output_dir / record.name.removesuffix(_RECORD))) is not None:
            made.append(found)
    return made


def _made(record: Path, path: Path) -> Made | None:
    """The output at `path` as its record says, if the build made it and it is still there."""
    state = _read(record)
    if state is None or "fingerprint" not in state or not path.is_file():
        return None
    handout, written, inputs = state.get("handout"), state.get("output"), state.get("inputs")
    return Made(path, handout if isinstance(handout, str) else None, inputs if isinstance(inputs, dict) else {},
                written if isinstance(written, str) else None, state["fingerprint"], state.get("tools"))


@frozen
class Stale:
    """An output the build made and no longer makes, and why."""

    made: Made
    reason: str


def remove_failed(output: Path) -> str:
    """After `output` could not be made again, remove the one an earlier
    build made, which would pass for a current one (it may print what is
    since private, or gone): what was done, in words ("" when there is none)."""
    made = _made(record_path(output), output)
    if made is None:
        return ""
    return remove(Stale(made, "an old one would pass for a current one"))[0]


def remove(stale: Stale) -> tuple[str, bool]:
    """Remove a stale output and its record, unless someone changed the file
    since it was made: the sentence that says what was done, and whether
    removing it failed."""
    path = stale.made.path
    try:
        changed = stale.made.digest is not None and digest(path.read_bytes()) != stale.made.digest
        if changed:
            record_path(path).unlink(missing_ok=True)
            return (f"left {path} as it is: {stale.reason}; but it was changed after aotext made it, "
                    "so delete it yourself if it is no longer needed"), False
        path.unlink(missing_ok=True)
        record_path(path).unlink(missing_ok=True)
    except OSError as error:
        return f"could not remove {path} ({error.strerror or error}): {stale.reason}; delete it yourself", True
    return f"removed {path}: {stale.reason}", False
