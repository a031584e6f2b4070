"""The shareable dashboard published in build/ is never stale: each build
writes it again as of its date, as `aotext dashboard --shareable` would, so a
plan made private since leaves it, and the build names it; the page goes on
recording it, so it comes back when public again. A page made for plans no
longer shown is removed, and build/index.html stops linking it; a page that
does not record its plans (an older aotext made it) is left as it is,
rather than widened to every plan."""

from __future__ import annotations

from pathlib import Path

from helpers import AS_OF, PLAN, invoke

PAGE = Path("build/dashboard.html")
INDEX = Path("build/index.html")
PLAN_PATH = Path("content/plans/bus-plan.md")
PLAN_TITLE = "Bus drivers campaign"
RAIL = PLAN.replace("id: bus-plan", "id: rail-plan").replace(PLAN_TITLE, "Rail workers campaign")
RAIL_PATH = Path("content/plans/rail-plan.md")
RAIL_TITLE = "Rail workers campaign"


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


def test_a_page_of_two_plans_one_made_private_names_it_keeps_it_recorded_and_shows_it_again_when_public(repo, tmp_path):
    repo({str(RAIL_PATH): RAIL})
    run("dashboard", "--shareable", "--plan", "bus-plan", "--plan", "rail-plan")
    assert RAIL_TITLE in PAGE.read_text(encoding="utf-8")
    RAIL_PATH.write_text(RAIL.replace("type: plan\n", "type: plan\nprivate: true\n"), encoding="utf-8")
    output = run("build")
    assert "wrote build/dashboard.html again, without plan 'rail-plan' (now private): the shareable dashboard" in output
    published = PAGE.read_text(encoding="utf-8")
    assert PLAN_TITLE in published and RAIL_TITLE not in published
    assert '<meta name="aotext-plans" content="bus-plan rail-plan">' in published
    assert "dashboard.html" not in run("build")  # nothing new: left alone, and nothing said
    RAIL_PATH.write_text(RAIL, encoding="utf-8")
    assert "wrote build/dashboard.html again: the shareable dashboard" in run("build")
    run("dashboard", "--shareable", "--plan", "bus-plan", "--plan", "rail-plan", "--output", str(tmp_path / "fresh.html"))
    assert PAGE.read_text(encoding="utf-8") == (tmp_path / "fresh.html").read_text(encoding="utf-8")
    assert RAIL_TITLE in PAGE.read_text(encoding="utf-8")


def test_a_page_of_plans_now_gone_and_private_names_each(repo):
    other = RAIL.replace("id: rail-plan", "id: tram-plan").replace(RAIL_TITLE, "Tram workers campaign")
    repo({str(RAIL_PATH): RAIL, "content/plans/tram-plan.md": other})
    run("dashboard", "--shareable", "--plan", "bus-plan", "--plan", "rail-plan", "--plan", "tram-plan")
    RAIL_PATH.unlink()
    Path("content/plans/tram-plan.md").write_text(other.replace("type: plan\n", "type: plan\nprivate: true\n"),
                                                  encoding="utf-8")
    output = run("build")
    assert ("wrote build/dashboard.html again, without plan 'rail-plan' (gone) and plan 'tram-plan' (now private): "
            in output)
    published = PAGE.read_text(encoding="utf-8")
    assert PLAN_TITLE in published and RAIL_TITLE not in published and "Tram workers campaign" not in published


def test_a_page_made_without_plan_records_every_plan_and_shows_one_added_since(repo):
    repo()
    run("dashboard", "--shareable")
    assert '<meta name="aotext-plans" content="*">' in PAGE.read_text(encoding="utf-8")
    RAIL_PATH.write_text(RAIL, encoding="utf-8")
    output = run("build")
    assert "wrote build/dashboard.html again: the shareable dashboard" in output and "without" not in output
    assert RAIL_TITLE in PAGE.read_text(encoding="utf-8")


def test_a_page_that_does_not_record_its_plans_is_left_as_it_is_not_widened_to_every_plan(repo):
    repo({str(RAIL_PATH): RAIL})
    run("dashboard", "--shareable", "--plan", "bus-plan")
    # As an older aotext wrote it: no record of the plan it was made for.
    old = PAGE.read_text(encoding="utf-8").replace('<meta name="aotext-plans" content="bus-plan">\n', "")
    assert "aotext-plans" not in old
    PAGE.write_text(old, encoding="utf-8")
    output = run("build")
    assert ("left build/dashboard.html as it is: it does not say which plans it was made for (an older aotext made "
            "it), so it may show what is no longer so; make it again with aotext dashboard --shareable, with --plan "
            "for each plan it should show") in output
    assert "wrote build/dashboard.html" not in output
    assert PAGE.read_text(encoding="utf-8") == old and RAIL_TITLE not in old
    assert 'href="dashboard.html"' in INDEX.read_text(encoding="utf-8")
