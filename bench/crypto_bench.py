#!/usr/bin/env python3
"""Speed of reading encrypted documents: `aotext lint`, `summary` and `followups` on a generated repository of
COUNT documents, first with its conversation notes in plain text, then with ENCRYPTED of them age-encrypted
(`.md.age`, read in memory with the key), as whole processes, best of RUNS.

    .venv/bin/python bench/crypto_bench.py [COUNT] [ENCRYPTED] [RUNS]

The same notes get the same ids (which tell no name) in both copies, so both give the same results."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyrage
from pyrage import x25519

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
AOTEXT = ROOT / ".venv" / "bin" / "aotext"
AS_OF = "2026-07-01"
COMMANDS = {
    "lint": ["lint", "--as-of", AS_OF, "--format", "json", "--no-cache"],
    "summary": ["summary", "--as-of", AS_OF, "--format", "json"],
    "followups": ["followups", "--as-of", AS_OF, "--format", "json"],
}


def best(args: list[str], cwd: Path, env: dict[str, str], runs: int) -> tuple[float, str]:
    times, output = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([str(AOTEXT), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"{args} failed: {done.stderr}")
        output = done.stdout
    return min(times), output


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    encrypted = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    work = Path(tempfile.mkdtemp(prefix="aotext-crypto-bench-"))
    try:
        plain = work / "plain"
        subprocess.run([sys.executable, str(BENCH / "generate.py"), str(plain), str(count)], check=True,
                       capture_output=True)
        notes = sorted((plain / "content" / "conversations").glob("*.md"))[:encrypted]
        if len(notes) < encrypted:
            sys.exit(f"only {len(notes)} conversation notes in {count} documents")
        for number, note in enumerate(notes):
            new_id = f"2026-01-01-{number:06x}"
            text = re.sub(r"^id: .*$", f"id: {new_id}", note.read_text(), count=1, flags=re.MULTILINE)
            note.unlink()
            (note.parent / f"{new_id}.md").write_text(text)
        sealed = work / "encrypted"
        shutil.copytree(plain, sealed)
        identity = x25519.Identity.generate()
        key_file = work / "identity.txt"
        key_file.write_text(f"{identity}\n")
        key_file.chmod(0o600)
        recipient = identity.to_public()
        for number in range(encrypted):
            note = sealed / "content" / "conversations" / f"2026-01-01-{number:06x}.md"
            (note.parent / f"{note.stem}.md.age").write_bytes(pyrage.encrypt(note.read_bytes(), [recipient], True))
            note.unlink()
        env = {**os.environ, "AOTEXT_IDENTITY": str(key_file)}
        print(f"{count} documents, {encrypted} conversation notes encrypted; best of {runs}, whole processes")
        print(f"{'command':<10} {'plain':>8} {'encrypted':>10} {'ratio':>6}  same output")
        for name, args in COMMANDS.items():
            plain_time, plain_out = best(args, plain, env, runs)
            sealed_time, sealed_out = best(args, sealed, env, runs)
            same = plain_out.replace(".md.age", ".md") == sealed_out.replace(".md.age", ".md")
            print(f"{name:<10} {plain_time:>7.2f}s {sealed_time:>9.2f}s {sealed_time / plain_time:>6.2f}  {same}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
