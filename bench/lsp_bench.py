#!/usr/bin/env python3
"""Speed of the checks that answer an edit: `aotext lsp` (how long after an edit the editor has its
diagnostics) and lint's cache (how long `aotext lint` takes after one changed file).

The real server is started on the generated repositories (bench/out/repo-SIZE,
made by run.py's generator) and driven by pygls's client, as an editor would:
open a document, then change it EDITS times, alternating between a version with
a problem (a misspelt plan id in a reflection log, so lint must look the plan up
across the repository) and the clean one. Each time is from sending the change
to receiving the diagnostics for that document. Also: how long the server takes
to read and check the repository when the editor connects.

Lint's cache: `aotext lint` as a whole process on the same repositories, without the cache
(`--no-cache`), the first time (which writes it), with nothing changed, and after one reflection
log changed (then put back); best of RUNS each.

Run by `make bench` as `.venv/bin/python bench/lsp_bench.py [--sizes 5000,20000]`;
the tables go to stdout and to bench/out/lsp.md.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from run import AS_OF, OUT, ROOT, RUNS, log, repo_for, warmed  # noqa: E402 - a sibling script, not a package

EDITS = 20
# The targets of the issue "Live feedback in the editor", in milliseconds.
MEDIAN_TARGET, WORST_TARGET = 50, 150


async def measure(repo: Path) -> tuple[float, list[float]]:
    client = LanguageClient("aotext-bench", "1")
    arrived: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    # pygls's client decorators carry no types.
    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def published(params: types.PublishDiagnosticsParams) -> None:
        arrived.put_nowait(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)  # type: ignore[untyped-decorator]
    def register(params: types.RegistrationParams) -> None:
        return None

    log_path = sorted((repo / "content" / "logs").glob("*.md"))[0]
    uri = log_path.as_uri()
    clean = log_path.read_text(encoding="utf-8")
    typo = clean.replace("\nplan: ", "\nplan: x", 1)
    await client.start_io(str(ROOT / ".venv" / "bin" / "aotext"), "lsp", cwd=str(repo))
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=repo.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=repo.as_uri(), name="bench")]))
    start = time.perf_counter()
    client.initialized(types.InitializedParams())
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=typo)))
    while (await arrived.get()).uri != uri:
        pass
    opened = time.perf_counter() - start
    times = []
    for version in range(2, EDITS + 2):
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=clean if version % 2 else typo)]))
        while True:
            found = await arrived.get()
            if found.uri == uri and bool(found.diagnostics) == (version % 2 == 0):
                break
        times.append(time.perf_counter() - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()  # type: ignore[no-untyped-call]
    return opened, times


def lint_seconds(repo: Path, *options: str) -> float:
    warmed(repo)  # its documents and lint's cache
    start = time.perf_counter()
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "aotext"), "lint", "--as-of", AS_OF, *options], cwd=repo,
                          capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"aotext lint failed in {repo}:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def time_cached_lint(repo: Path) -> tuple[float, float, float, float]:
    """Best seconds of lint without the cache, the first time with it, with nothing changed, after one change."""
    uncached = min(lint_seconds(repo, "--no-cache") for _ in range(RUNS))
    first = []
    for _ in range(RUNS):
        shutil.rmtree(repo / ".aotext-cache", ignore_errors=True)
        first.append(lint_seconds(repo))
    unchanged = min(lint_seconds(repo) for _ in range(RUNS))
    changed = []
    for log_path in sorted((repo / "content" / "logs").glob("*.md"))[:RUNS]:
        clean = log_path.read_text(encoding="utf-8")
        log_path.write_text(clean.replace("\nplan: ", "\nplan: x", 1), encoding="utf-8")
        changed.append(lint_seconds(repo))
        log_path.write_text(clean, encoding="utf-8")
        lint_seconds(repo)
    return uncached, min(first), unchanged, min(changed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="repository sizes in documents (default: 5000,20000)")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    rows = []
    for size in sizes:
        repo = repo_for(size)
        for start in ("every file read", "from lint's cache"):
            shutil.rmtree(repo / ".aotext-cache", ignore_errors=True)
            if start == "from lint's cache":  # as the editor finds it after a lint of today
                subprocess.run([str(ROOT / ".venv" / "bin" / "aotext"), "lint"], cwd=repo, capture_output=True,
                               check=False)
            warmed(repo)
            opened, times = asyncio.run(measure(repo))
            median, worst = statistics.median(times) * 1000, max(times) * 1000
            met = "met" if median <= MEDIAN_TARGET and worst <= WORST_TARGET else "NOT met"
            log(f"[{size}] aotext lsp, {start}: ready in {opened:.2f} s; an edit: median {median:.1f} ms, "
                f"worst {worst:.1f} ms")
            rows.append(f"| {size:,} | {start} | {opened:.2f} s | {median:.1f} ms | {worst:.1f} ms | {met} |")
    cached_rows = []
    for size in sizes:
        uncached, first, unchanged, changed = time_cached_lint(repo_for(size))
        log(f"[{size}] aotext lint: {uncached:.2f} s without the cache; with it {first:.2f} s the first time, "
            f"{unchanged:.2f} s unchanged, {changed:.2f} s after one change")
        cached_rows.append(f"| {size:,} | {uncached:.2f} s | {first:.2f} s | {unchanged:.2f} s | {changed:.2f} s |")
    table = "\n".join([
        f"aotext lsp, diagnostics after an edit (from the change sent to the diagnostics received, {EDITS} edits; "
        f"targets: median at most {MEDIAN_TARGET} ms, worst at most {WORST_TARGET} ms):", "",
        "| documents | start | ready after connecting | median edit | worst edit | targets |",
        "|---:|---|---:|---:|---:|---|", *rows, "",
        f"aotext lint with its cache (whole processes, best of {RUNS}):", "",
        "| documents | --no-cache | first (writes the cache) | nothing changed | one log changed |",
        "|---:|---:|---:|---:|---:|", *cached_rows])
    print(table)
    (OUT / "lsp.md").write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
