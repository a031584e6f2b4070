"""The shipped project's web pages in a real browser (headless Chromium,
driven by Playwright): the handouts, the index and both dashboards make no
network request and no console error, axe-core finds no WCAG 2.1 AA
violation in light or dark mode, and nothing scrolls sideways on a
375-pixel phone screen. The dashboard shows the statuses the summary
computes, and its optional script works from the keyboard.

Screenshots of the dashboard and of a workshop page are saved in the
folder AOTEXT_SCREENSHOTS names (the README's come from there), else in
the test's temporary folder.

Debian's chromium is used, never a downloaded browser; without it these
tests are skipped with one line that says how to install it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-24"
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


def aotext(root: Path, *args: str) -> str:
    done = subprocess.run([str(Path(sys.executable).parent / "aotext"), *args], cwd=root, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    """The shipped project after `make handouts` and `make dashboard`."""
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "aotext.yaml", root / "aotext.yaml")
    aotext(root, "build", "--as-of", AS_OF)
    aotext(root, "dashboard", "--shareable", "--as-of", AS_OF)
    aotext(root, "dashboard", "--as-of", AS_OF)
    return root


@pytest.fixture(scope="module")
def pages(shipped) -> list[Path]:
    """Every web page `make handouts` and `make dashboard` write for the shipped project."""
    found = sorted((shipped / "build").glob("*.html")) + [shipped / "private" / "dashboard.html"]
    assert len(found) == 14, found  # five handouts, six pieces of the trainer's kit, the index and two dashboards
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


@pytest.mark.parametrize(("scheme", "width"), [("light", 1000), ("dark", 1000), ("light", 375)])
def test_axe_finds_no_wcag_aa_violation(browser, pages, scheme, width):
    """On a computer's screen in light and dark mode, and on a phone's."""
    found = {}
    for path in pages:
        context, page, _, _ = visit(browser, path, scheme=scheme, width=width)
        results = axe.Axe().run(page, options=WCAG_AA)
        if results.violations_count:
            found[path.name] = results.generate_report()
        context.close()
    assert not found, "\n".join(f"{name} ({scheme}, {width} px):\n{report}" for name, report in found.items())


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


def test_the_dashboard_shows_the_statuses_the_summary_computes(browser, shipped):
    summary = json.loads(aotext(shipped, "summary", "--as-of", AS_OF, "--format", "json"))
    expected = {benchmark["title"]: benchmark["status"] for plan in summary["plans"] for benchmark in plan["benchmarks"]}
    for path in (shipped / "private" / "dashboard.html", shipped / "build" / "dashboard.html"):
        context, page, _, _ = visit(browser, path)
        shown = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('article.benchmark h4')]
            .map(h => [h.firstChild.textContent.trim(), h.querySelector('.status').textContent]))""")
        assert shown == expected, path
        context.close()


def test_the_dashboard_filter_and_sort_work_from_the_keyboard(browser, shipped):
    context, page, _, errors = visit(browser, shipped / "private" / "dashboard.html")
    cards = page.locator("article.benchmark")
    total = cards.count()
    page.locator("button.filter").first.focus()
    page.keyboard.press("Enter")
    visible = [card.is_visible() for card in cards.all()]
    needing = page.evaluate("""() => [...document.querySelectorAll('article.benchmark h4 .status')]
        .map(s => ['behind', 'overdue', 'no data'].includes(s.textContent))""")
    assert visible == needing and sum(visible) < total
    page.keyboard.press("Enter")
    assert all(card.is_visible() for card in cards.all())
    when = page.locator("table.followups th button.sort", has_text="Who").first
    when.focus()
    page.keyboard.press("Enter")
    assert page.locator("table.followups th", has_text="Who").first.get_attribute("aria-sort") == "ascending"
    assert errors == []
    context.close()


def test_screenshots_of_the_dashboard_and_a_workshop_page(browser, shipped, tmp_path):
    folder = Path(os.environ.get("AOTEXT_SCREENSHOTS") or tmp_path)
    for source, name, width in ((shipped / "private" / "dashboard.html", "dashboard.png", 1000),
                                (shipped / "build" / "dashboard.html", "dashboard-shareable-phone.png", 375),
                                (shipped / "build" / "facilitator-guide.html", "facilitator-guide-phone.png", 375)):
        context, page, _, _ = visit(browser, source, width=width)
        page.screenshot(path=str(folder / name), full_page=False)
        assert (folder / name).stat().st_size > 10_000, name  # a page, not a blank
        context.close()
