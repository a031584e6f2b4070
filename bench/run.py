#!/usr/bin/env python3
"""Speed benchmark: `aotext lint` on synthetic repositories of valid documents, against a floor that only reads every
file and parses its front matter with libyaml.

Run by `make bench` as `.venv/bin/python bench/run.py [--sizes 1000,5000]`. Progress goes to stderr; the results
table goes to stdout and to bench/out/results.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
VENV_BIN = ROOT / ".venv" / "bin"
AS_OF = "2026-11-24"
# Each command's best of this many runs: on the shared development machine one
# run varies by up to a third, and with the best of 3 lint's ratio to its floor
# at 5,000 documents moved from 1.09x to 1.34x between three runs of one commit.
RUNS = 5
SEED = 1
# check-jsonschema, when present, is timed on the front matters of this size.
JSONSCHEMA_SIZE = 5000

sys.path.insert(0, str(BENCH))
from generate import generate  # noqa: E402 - a sibling script, not a package

# The floor: what any front-matter linter must at least do, in one process:
# read every file, cut the front matter out at the '---' fences, parse it.
FLOOR = r"""
import os, sys, yaml
count = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".md"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                text = handle.read()
            yaml.load(text.split("\n---\n", 1)[0].removeprefix("---\n"), Loader=yaml.CSafeLoader)
            count += 1
print(count)
"""

# The floor in two processes, as lint reads in two on this 2-core machine: the
# same work split in halves, nothing sent back but a count (the issue "Speed at
# scale" asks lint to stay within 1.2x of it).
FLOOR_TWO = r"""
import os, sys, yaml
from concurrent.futures import ProcessPoolExecutor

def read(paths):
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        yaml.load(text.split("\n---\n", 1)[0].removeprefix("---\n"), Loader=yaml.CSafeLoader)
    return len(paths)

if __name__ == "__main__":
    paths = [os.path.join(folder, name) for folder, _, names in os.walk(sys.argv[1]) for name in names
             if name.endswith(".md")]
    with ProcessPoolExecutor(2) as pool:
        print(sum(pool.map(read, [paths[::2], paths[1::2]])))
"""

# aotext's own work on each file (read it, parse its front matter, check it
# against its schema, check its body), split in halves between two processes
# as the floor's is, with nothing sent back but a count, no typed views made
# and no rules run: what lint could come down to were its worker to send back
# only problems and a compact index, and the rules to cost nothing.
OWN_TWO = r"""
import sys
from concurrent.futures import ProcessPoolExecutor
from aotext import collector
from aotext.discover import document_names
from aotext.reading import read_and_check

def read(paths):
    with collector.paused():
        for path in paths:
            read_and_check(path, keep_body=False)
    return len(paths)

if __name__ == "__main__":
    paths = document_names([sys.argv[1]], None)
    with ProcessPoolExecutor(2) as pool:
        print(sum(pool.map(read, [paths[::2], paths[1::2]])))
"""

# Peak memory of a command together with its worker processes. A fresh
# wrapper process starts the command and, until it exits, reads /proc every
# 10 ms: every process whose parent chain leads to the command is in its tree
# (this kernel has no /proc/PID/task/TID/children), and their resident sets
# (the rss field of /proc/PID/stat, as VmRSS) are summed. Pages the forked
# workers still share with the parent count once per process, so the sum is an
# upper bound, and a peak shorter than 10 ms can be missed. The wrapper's
# RUSAGE_CHILDREN ru_maxrss misses nothing but is the largest single process of
# the tree (lint reaps its workers, the wrapper reaps lint); it is reported too.
MEMORY = r"""
import json, os, resource, subprocess, sys, time
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

def tree_kb(root):
    parent, rss = {}, {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()  # after the name, which may hold spaces
        except OSError:
            continue  # the process ended meanwhile
        parent[int(entry)], rss[int(entry)] = int(fields[1]), int(fields[21]) * PAGE_KB
    def inside(pid):
        while pid not in (0, root):
            pid = parent.get(pid, 0)
        return pid == root
    return sum(kb for pid, kb in rss.items() if inside(pid))

process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
peak = 0
while process.poll() is None:
    peak = max(peak, tree_kb(process.pid))
    time.sleep(0.01)
largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"tree_kb": peak, "largest_kb": largest, "status": process.returncode}))
"""


@dataclass
class Result:
    size: int
    documents: int
    lint: list[float]  # seconds, one per run
    peak_mb: float
    largest_mb: float
    floor: float  # best of the runs, seconds
    floor_two: float  # the same in two processes, best of the runs
    own_two: float  # aotext's own work on each file in two processes, nothing sent back (OWN_TWO), best of the runs
    reading: float  # lint without the rules that compare documents, best of the runs


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def stop(message: str) -> NoReturn:
    log(message)
    sys.exit(1)


def repo_for(size: int) -> Path:
    """bench/out/repo-SIZE, generated unless its marker says this very generator made it."""
    repo, source = OUT / f"repo-{size}", hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:16]
    marker, wanted = repo / ".bench-marker", json.dumps({"count": size, "seed": SEED, "generator": source})
    if marker.is_file() and marker.read_text(encoding="utf-8") == wanted:
        log(f"[{size}] reusing {repo.relative_to(ROOT)}")
        return repo
    shutil.rmtree(repo, ignore_errors=True)
    log(f"[{size}] generating {size:,} documents into {repo.relative_to(ROOT)} ...")
    start = time.perf_counter()
    generate(repo, size, SEED)
    marker.write_text(wanted, encoding="utf-8")  # last, so an interrupted run regenerates
    log(f"[{size}] generated in {time.perf_counter() - start:.1f} s")
    return repo


Check = Callable[[subprocess.CompletedProcess[str]], str | None]


def warmed(folder: Path) -> None:
    """Read every file under `folder`, untimed. This machine's kernel gives
    the pages of files not read for a while back to other work (DAMON
    reclaim): a repository of 20,000 documents read a few minutes after the
    last took 1.27 s to read again, against 0.40 s at once. Every timed run
    starts from the files in memory, as the floors assume."""
    for parent, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(parent, name), "rb") as file:
                file.read()


def timed_rounds(size: int, commands: dict[str, tuple[list[str], Check]], warm: Path,
                 cwd: Path | None = None) -> dict[str, list[float]]:
    """Whole-process wall time of each command's runs, start-up and imports
    included, as a user waits for them, each from the files under `warm` in
    memory. In rounds, each command once a round: a machine whose speed
    drifts slows every command alike, rather than the ones that ran then, so
    their ratios hold."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(1, RUNS + 1):
        for name, (command, problem) in commands.items():
            warmed(warm)
            start = time.perf_counter()
            done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
            times[name].append(time.perf_counter() - start)
            if (found := problem(done)) is not None:
                stop(f"[{size}] {name}: {found}")
            log(f"[{size}] {name} run {run}/{RUNS}: {times[name][-1]:.2f} s")
    return times


def lint_problem(done: subprocess.CompletedProcess[str], documents: int) -> str | None:
    if done.returncode != 0:
        head = "\n".join((done.stdout + done.stderr).splitlines()[:20])
        return f"aotext lint exited with {done.returncode} on a repository that should be valid:\n{head}"
    checked = re.search(r"(\d+) files? checked", done.stdout)
    if not checked or int(checked.group(1)) != documents:
        return f"aotext lint checked {checked.group(1) if checked else '?'} files, expected {documents}"
    return None


def floor_problem(done: subprocess.CompletedProcess[str], documents: int) -> str | None:
    if done.returncode == 0 and done.stdout.strip() == str(documents):
        return None
    return f"the floor script failed or miscounted ({done.stdout.strip()} of {documents}):\n{done.stderr[-2000:]}"


def measure(size: int) -> Result:
    content = repo_for(size) / "content"
    documents = sum(1 for _ in content.rglob("*.md"))
    # --format text: inside GitHub Actions the default would also append to the job summary.
    lint = [str(VENV_BIN / "aotext"), "lint", str(content), "--as-of", AS_OF, "--format", "text", "--no-cache"]
    # Files: worker processes must import the function they run.
    scripts = {"floor_two.py": FLOOR_TWO, "own_two.py": OWN_TWO}
    for name, text in scripts.items():
        (OUT / name).write_text(text, encoding="utf-8")

    def linted(done: subprocess.CompletedProcess[str]) -> str | None:
        return lint_problem(done, documents)

    def counted(done: subprocess.CompletedProcess[str]) -> str | None:
        return floor_problem(done, documents)

    python = str(VENV_BIN / "python")
    times = timed_rounds(size, {
        "lint": (lint, linted),
        "floor": ([python, "-c", FLOOR, str(content)], counted),
        "floor in two processes": ([python, str(OUT / "floor_two.py"), str(content)], counted),
        # Where lint's time goes against that floor: its own work on each file, then
        # sending the worker's documents back and making their views, then the rules.
        "aotext's own work on each file in two processes": ([python, str(OUT / "own_two.py"), str(content)], counted),
        "lint without the rules that compare documents": (
            [*lint, *(part for rule in _corpus_rules() for part in ("--ignore", rule))], linted),
    }, warm=content)
    # Memory in a run of its own, so that polling /proc never slows a timed run.
    wrapped = subprocess.run([sys.executable, "-c", MEMORY, *lint], capture_output=True, text=True, check=False)
    if wrapped.returncode != 0 or json.loads(wrapped.stdout)["status"] != 0:
        stop(f"[{size}] the memory run failed:\n{wrapped.stdout}{wrapped.stderr[-2000:]}")
    memory = json.loads(wrapped.stdout)
    tree_mb, largest_mb = memory["tree_kb"] / 1024, memory["largest_kb"] / 1024
    log(f"[{size}] lint peak memory: {tree_mb:.0f} MB all processes, {largest_mb:.0f} MB largest process")
    best = {name: min(taken) for name, taken in times.items()}
    return Result(size, documents, times["lint"], max(tree_mb, largest_mb), largest_mb, best["floor"],
                  best["floor in two processes"], best["aotext's own work on each file in two processes"],
                  best["lint without the rules that compare documents"])


def _corpus_rules() -> list[str]:
    """The ids of the rules run on the whole corpus once every file is read."""
    from aotext.rules import REGISTRY  # the venv's aotext, which runs this script

    return [rule.id for rule in REGISTRY.values() if rule.check is not None]


def time_check_jsonschema(content: Path) -> str | None:
    """check-jsonschema on the same front matters, if it is installed (it is never installed here)."""
    venv_tool = VENV_BIN / "check-jsonschema"
    tool = shutil.which("check-jsonschema") or (str(venv_tool) if venv_tool.is_file() else None)
    if tool is None:
        return None
    import yaml  # the venv's PyYAML, which aotext itself depends on

    # It reads YAML/JSON files, not Markdown: extract each front matter to JSON
    # (dates as text, as aotext keeps them), one folder per type.
    extracted = OUT / f"frontmatter-{JSONSCHEMA_SIZE}"
    by_type: dict[str, list[str]] = {}
    shutil.rmtree(extracted, ignore_errors=True)
    for path in sorted(content.rglob("*.md")):
        data = yaml.load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:], Loader=yaml.CSafeLoader)
        target = extracted / data["type"] / f"{path.stem}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, default=str), encoding="utf-8")
        by_type.setdefault(data["type"], []).append(str(target))
    log(f"[{JSONSCHEMA_SIZE}] timing {tool} on the same front matters ...")
    start = time.perf_counter()
    statuses = [subprocess.run([tool, "--schemafile", str(ROOT / "schema" / f"{name}.schema.json"), *files],
                               capture_output=True, check=False).returncode for name, files in sorted(by_type.items())]
    verdict = "all valid" if not any(statuses) else f"exit statuses {statuses}"
    return (f"check-jsonschema, {JSONSCHEMA_SIZE:,} front matters, one run per type: "
            f"{time.perf_counter() - start:.2f} s ({verdict})")


def time_reports(size: int) -> str:
    """lint, summary, followups and the dashboard (full and shareable) on the
    same repository, each as a whole process (best of the runs), against lint:
    each reads and checks the whole repository first, then does its own work."""
    repo = OUT / f"repo-{size}"
    commands = {
        "aotext lint --no-cache": ["lint", "--format", "text", "--no-cache"],
        "aotext summary --format json": ["summary", "--format", "json", "--output", str(OUT / "summary.json")],
        "aotext followups --format json": ["followups", "--format", "json"],
        "aotext dashboard": ["dashboard", "--output", str(OUT / "dashboard.html")],
        "aotext dashboard --shareable": ["dashboard", "--shareable", "--output", str(OUT / "dashboard-shareable.html")],
    }
    def succeeded(done: subprocess.CompletedProcess[str]) -> str | None:
        return None if done.returncode == 0 else f"exited with {done.returncode}:\n{done.stderr[-2000:]}"

    times = timed_rounds(size, {name: ([str(VENV_BIN / "aotext"), *args, "--as-of", AS_OF], succeeded)
                                for name, args in commands.items()}, warm=repo, cwd=repo)
    lint = min(times["aotext lint --no-cache"])
    lines = [f"| {name} | {min(taken):.2f} | {statistics.median(taken):.2f} | {min(taken) / lint:.2f}x |"
             for name, taken in times.items()]
    plans = len(json.loads((OUT / "summary.json").read_text(encoding="utf-8"))["plans"])
    page_kb = (OUT / "dashboard.html").stat().st_size / 1024
    return "\n".join([f"{size:,} documents ({plans:,} plans; the full dashboard is {page_kb:,.0f} KB):", "",
                      "| command | best s | median s | against lint |", "|---|---:|---:|---:|", *lines])


def machine_facts() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    version = subprocess.run([str(VENV_BIN / "aotext"), "--version"], capture_output=True, text=True).stdout.strip()
    return [f"CPUs: {os.cpu_count()} ({usable} usable by this process; lint's default --jobs) - {cpu}",
            f"Python: {platform.python_version()} ({platform.python_implementation()}), {platform.platform()}",
            f"{version}; lint as of {AS_OF}; best and median of {RUNS} runs, warm file cache",
            # Other work on the machine skews timings; the load average says how much there was.
            "load average at the start (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg())]


def report(results: list[Result], extra: str | None) -> str:
    lines = ["| size | documents | lint best s | lint median s | peak MB (all processes) | largest process MB "
             "| floor best s | lint/floor | floor in two processes s | lint/that floor (target 1.2x) | lint ms/doc |",
             "|" + "---:|" * 11]
    for r in results:
        best = min(r.lint)
        lines.append(f"| {r.size:,} | {r.documents:,} | {best:.2f} | {statistics.median(r.lint):.2f} "
                     f"| {r.peak_mb:.0f} | {r.largest_mb:.0f} | {r.floor:.2f} | {best / r.floor:.1f}x "
                     f"| {r.floor_two:.2f} | {best / r.floor_two:.1f}x | {best * 1000 / r.documents:.2f} |")
    lines += ["", "Where lint's time goes, each against the floor in two processes (best s, and the ratio):", "",
              "| size | aotext's own work on each file, nothing sent back | lint without the rules that compare "
              "documents | lint |", "|---:|---:|---:|---:|"]
    lines += [f"| {r.size:,} | {r.own_two:.2f} s, {r.own_two / r.floor_two:.2f}x | {r.reading:.2f} s, "
              f"{r.reading / r.floor_two:.2f}x | {min(r.lint):.2f} s, {min(r.lint) / r.floor_two:.2f}x |"
              for r in results]
    # Linearity: the marginal cost of each extra 1,000 documents should stay flat;
    # the average also carries the fixed start-up cost, so it falls with size.
    lines += ["", "| size | lint s per 1,000 documents | marginal s per 1,000 documents since the previous size |",
              "|---:|---:|---:|"]
    for previous, r in zip([None, *results], results, strict=False):
        marginal = "-" if previous is None else (
            f"{(min(r.lint) - min(previous.lint)) * 1000 / (r.documents - previous.documents):.3f}")
        lines.append(f"| {r.size:,} | {min(r.lint) * 1000 / r.documents:.3f} | {marginal} |")
    if extra:
        lines += ["", extra]
    return "\n".join(lines) + "\n"


def sizes_option(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        sizes = []
    if not sizes or sizes[0] < 20:
        raise argparse.ArgumentTypeError(f"'{text}': give whole numbers of at least 20, e.g. 1000,5000")
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=sizes_option, default="5000,20000,50000",
                        help="comma-separated repository sizes in documents (default: 5000,20000,50000, the sizes of the targets)")
    sizes: list[int] = parser.parse_args().sizes
    if not (VENV_BIN / "aotext").exists():
        stop("no .venv/bin/aotext: run `make setup` first")
    facts = machine_facts()
    log("\n".join(facts))
    OUT.mkdir(parents=True, exist_ok=True)
    results = [measure(size) for size in sizes]
    # The reports at every size: the issue "Speed at scale" asks for them within 1.2x of lint at each.
    extras: list[str | None] = [time_reports(size) for size in sizes]
    if JSONSCHEMA_SIZE in sizes:
        extras.append(time_check_jsonschema(OUT / f"repo-{JSONSCHEMA_SIZE}" / "content"))
    extra = "\n\n".join(line for line in extras if line) or None
    table = report(results, extra)  # after every measurement, so a failure writes no half table
    text = "# aotext lint benchmark\n\n" + "\n".join(f"- {fact}" for fact in facts) + "\n\n" + table
    (OUT / "results.md").write_text(text, encoding="utf-8")
    print(text, end="")
    log(f"written to {(OUT / 'results.md').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
