#!/usr/bin/env python3
"""Speed benchmark of `aotext build` on the shipped project: a full build, an
unchanged rebuild, and a rebuild after one module changes, each as
whole-process wall time with the pandoc and typst runs the build reports.

Run by `make bench` after bench/run.py. Works on a copy in bench/out/, so the
repository's own build/ is left alone."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "out" / "build-project"
AOTEXT = ROOT / ".venv" / "bin" / "aotext"
AS_OF = "2026-11-24"
RUNS = 3
_COUNTS = re.compile(r"Built (\d+), up to date (\d+), failed (\d+); pandoc ran (\d+) times, typst (\d+)")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build() -> tuple[float, tuple[int, ...]]:
    """Wall time of one `aotext build` process and its (built, up to date, failed, pandoc, typst)."""
    start = time.perf_counter()
    done = subprocess.run([str(AOTEXT), "build", "--as-of", AS_OF], cwd=WORK, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    match = _COUNTS.search(done.stderr)
    if done.returncode != 0 or not match:
        log(done.stderr)
        sys.exit(f"aotext build failed with exit status {done.returncode}")
    return seconds, tuple(int(group) for group in match.groups())


def fresh_copy() -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    shutil.copytree(ROOT / "content", WORK / "content")
    shutil.copy(ROOT / "aotext.yaml", WORK / "aotext.yaml")


def row(name: str, seconds: float, counts: tuple[int, ...]) -> str:
    built, fresh, failed, pandoc, typst = counts
    return f"| {name} | {seconds:.2f} | {built} | {fresh} | {failed} | {pandoc} | {typst} |"


def main() -> int:
    fresh_copy()
    lines = ["| build of the shipped project | wall s | built | up to date | failed | pandoc runs | typst runs |",
             "|---|--:|--:|--:|--:|--:|--:|"]
    log("full build ...")
    lines.append(row("full (empty build/)", *build()))
    log("unchanged rebuilds ...")
    unchanged = [build() for _ in range(RUNS)]
    lines.append(row(f"unchanged (best of {RUNS})", min(seconds for seconds, _ in unchanged), unchanged[0][1]))
    module = WORK / "content" / "curriculum" / "07-day-to-day.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    log("rebuild after one module changed ...")
    lines.append(row("one module changed", *build()))
    table = "\n".join(lines)
    print(table)
    (BENCH / "out" / "build-results.md").write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
