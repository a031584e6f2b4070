"""The shareable dashboard published in build/ is never stale: each build
writes it again as of its date, as `aotext dashboard --shareable` would, so a
plan made private since leaves it; a page made for plans no longer shown is
removed, and build/index.html stops linking it."""

from __future__ import annotations

from pathlib import Path

from helpers import AS_OF, PLAN, invoke

PAGE = Path("build/dashboard.html")
INDEX = Path("build/index.html")
PLAN_PATH = Path("content/plans/bus-plan.md")
PLAN_TITLE = "Bus drivers campaign"


def run(*args: str) -> str:
    result = invoke(*args, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    return result.output


def make_private() -> None:
    PLAN_PATH.write_text(PLAN.replace("type: plan\n", "type: plan\nprivate: true\n"), encoding="utf-8")


def test_a_build_writes_the_shareable_dashboard_again_so_a_plan_made_private_leaves_it(repo, tmp_path):
    repo()
    run("build")
    run("dashboard", "--shareable")
    assert PLAN_TITLE in PAGE.read_text(encoding="utf-8") and 'href="dashboard.html"' in INDEX.read_text(encoding="utf-8")
    assert "dashboard.html" not in run("build")  # up to date: left alone
    make_private()
    output = run("build")
    assert "wrote build/dashboard.html again: the shareable dashboard as of 2026-11-24" in output
    published = PAGE.read_text(encoding="utf-8")
    assert PLAN_TITLE not in published and "bus-plan" not in published
    # The very page the dashboard command writes today, and still linked from the front page.
    run("dashboard", "--shareable", "--output", str(tmp_path / "fresh.html"))
    assert published == (tmp_path / "fresh.html").read_text(encoding="utf-8")
    assert 'href="dashboard.html"' in INDEX.read_text(encoding="utf-8")


def test_a_build_writes_it_as_of_its_date_with_the_plans_it_was_made_for(repo, tmp_path):
    repo()
    run("dashboard", "--shareable", "--plan", "bus-plan")
    invoke("build", "--as-of", "2026-12-01")
    assert "2026-12-01" in PAGE.read_text(encoding="utf-8")
    made = invoke("dashboard", "--shareable", "--plan", "bus-plan", "--as-of", "2026-12-01",
                  "--output", str(tmp_path / "fresh.html"))
    assert made.exit_code == 0
    assert PAGE.read_text(encoding="utf-8") == (tmp_path / "fresh.html").read_text(encoding="utf-8")


def test_a_shareable_dashboard_of_plans_now_private_is_removed_and_no_longer_linked(repo):
    repo()
    run("dashboard", "--shareable", "--plan", "bus-plan")
    run("build")
    assert 'href="dashboard.html"' in INDEX.read_text(encoding="utf-8")
    make_private()
    output = run("build")
    assert "removed build/dashboard.html: the shareable dashboard of bus-plan, a plan now private or gone" in output
    assert not PAGE.exists() and "dashboard.html" not in INDEX.read_text(encoding="utf-8")
