"""The shipped project's web pages in a real browser (headless Chromium,
driven by Playwright): they make no network request and no console error,
axe-core finds no WCAG 2.1 AA violation in light or dark mode, and nothing
scrolls sideways on a 375-pixel phone screen.

Debian's chromium is used, never a downloaded browser; without it these
tests are skipped with one line that says how to install it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# The flags Chromium needs on a machine with a closed network and no screen (and as root).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}

if not CHROMIUM.is_file():
    pytest.skip("Chromium is not installed: apt install chromium (CI installs it) to run the browser tests",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: run make test")
axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe is not installed: run make test")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[Path]:
    """Every web page `make handouts` writes for the shipped project."""
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "aotext.yaml", root / "aotext.yaml")
    aotext = Path(sys.executable).parent / "aotext"
    built = subprocess.run([str(aotext), "build", "--as-of", "2026-11-24"], cwd=root, capture_output=True,
                           text=True, check=False)
    assert built.returncode == 0, built.stderr
    found = sorted((root / "build").glob("*.html"))
    assert len(found) == 6, found  # five handouts and the index
    return found


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS,
                                              env={**os.environ, "HOME": str(ROOT / ".venv")})
        yield launched
        launched.close()


def visit(browser, path: Path, *, width: int = 1000, scheme: str = "light"):
    """The page opened as a reader opens it from disk, with what it asked the
    network for and what went wrong in it."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri(), wait_until="load")
    return context, page, requests, errors


def test_every_page_fetches_nothing_and_has_no_console_error(browser, pages):
    for path in pages:
        context, _, requests, errors = visit(browser, path)
        fetched = [url for url in requests if url != path.as_uri() and not url.startswith("data:")]
        assert fetched == [], f"{path.name} asked for {fetched}"
        assert errors == [], f"{path.name}: {errors}"
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_aa_violation(browser, pages, scheme):
    for path in pages:
        context, page, _, _ = visit(browser, path, scheme=scheme)
        results = axe.Axe().run(page, options=WCAG_AA)
        assert results.violations_count == 0, f"{path.name} ({scheme}):\n{results.generate_report()}"
        context.close()


def test_nothing_scrolls_sideways_on_a_phone(browser, pages):
    for path in pages:
        context, page, _, _ = visit(browser, path, width=375)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 375, f"{path.name} is {wide} pixels wide on a 375-pixel screen"
        context.close()


def test_every_link_on_a_page_leads_somewhere(browser, pages):
    for path in pages:
        context, page, _, _ = visit(browser, path)
        targets = page.evaluate("""() => [...document.querySelectorAll('a[href]')].map(a => {
            const href = a.getAttribute('href');
            return href.startsWith('#') ? [href, document.getElementById(decodeURIComponent(href.slice(1))) !== null]
                                        : [href, null];
        })""")
        for href, found in targets:
            if found is None:
                assert (path.parent / href).is_file(), f"{path.name} links to a missing file {href}"
            else:
                assert found, f"{path.name} links to {href}, which is not on the page"
        context.close()
