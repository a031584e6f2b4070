"""aotext dashboard on real files: the page it writes, read back as HTML,
shows what the summary and the follow-ups compute for the same day; the full
page stays private (never in build/, owner-only, ignored by git) and the
shareable one holds no pseudonym, ask, note or small count; nothing a
private document says reaches either."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from itertools import pairwise
from pathlib import Path

import lxml.html
import pytest

from helpers import AS_OF, CONVERSATION, MODULE, REFLECTION, invoke

PRIVATE_PAGE = Path("private/dashboard.html")
SHARED_PAGE = Path("build/dashboard.html")
NOTE_CANARY, LOG_CANARY = "CanaryNoteBodyHerBrotherWasArrested", "CanaryPrivateLogLandlordName"


def dashboard(*args: str, code: int = 0):
    result = invoke("dashboard", "--as-of", AS_OF, *args)
    assert result.exit_code == code, result.output
    return result


def page(path: Path):
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def statuses(tree) -> dict[str, str]:
    """Each benchmark card's status word, by the benchmark's anchor."""
    return {card.get("id").split("--benchmark-")[1]: card.xpath("string(.//h4/span[contains(@class,'status')])")
            for card in tree.xpath("//article[contains(@class,'benchmark')]")}


def text(tree) -> str:
    return " ".join(tree.xpath("//body")[0].itertext())


def person(name: str, owner: str, *, assessment: str = "supporter", day: str = "2026-11-10",
           follow_up: str = "2026-11-20") -> str:
    return (CONVERSATION.replace("id: talk-nia", f"id: talk-{name.lower()}").replace("pseudonym: Nia", f"pseudonym: {name}")
            .replace("owner: Sam", f"owner: {owner}").replace("assessment: supporter", f"assessment: {assessment}")
            .replace("date: 2026-11-14", f"date: {day}").replace("date: 2026-11-21", f"date: {follow_up}"))


def test_the_page_shows_the_statuses_the_summary_computes_and_who_to_call(repo):
    repo()
    result = dashboard()
    assert "Wrote private/dashboard.html" in result.stderr
    summary = json.loads(invoke("summary", "--as-of", AS_OF, "--format", "json").stdout)
    expected = {b["id"]: b["status"] for b in summary["plans"][0]["benchmarks"]}
    tree = page(PRIVATE_PAGE)
    assert statuses(tree) == expected == {"signups": "met", "identify": "on track"}
    glance = tree.xpath("//table[contains(@class,'glance')]//tbody/tr")[0]
    cells = [cell.text_content() for cell in glance.xpath("./td")]
    assert cells[:5] == ["1", "1", "0", "0", "0"]  # met, on track, behind, overdue, without data
    assert cells[5] == "2026-12-04"  # the log of 2026-11-20, two weeks on
    body = text(tree)
    assert "Three new drivers signed up. (2026-11-20)" in body  # what the latest reflection celebrates
    [row] = tree.xpath("//table[contains(@class,'followups')]/tbody/tr")
    assert [cell.text_content() for cell in row.xpath("./td")] == [
        "Nia", "supporter", "Come to the Tuesday meeting.", "3 days overdue, 2026-11-21 — coffee"]
    assert "Private." in tree.xpath("string(//p[contains(@class,'private')])")


def test_behind_and_overdue_benchmarks_quote_what_the_group_said_it_would_do(repo):
    repo({"content/logs/log-2026-11-20.md": REFLECTION.replace("value: 3", "value: 0").replace("level: a few", "level: no")})
    dashboard()
    tree = page(PRIVATE_PAGE)
    assert statuses(tree)["signups"] == "behind"
    quotes = [quote.text_content() for quote in tree.xpath("//ul[contains(@class,'misses')]//blockquote")]
    assert "“Pair the rep with an experienced organizer.”" in quotes


def test_the_full_page_is_private_owner_only_and_ignored_by_git(repo, tmp_path):
    repo()
    dashboard()
    assert stat.S_IMODE((tmp_path / PRIVATE_PAGE).stat().st_mode) == 0o600
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    ignored = subprocess.run(["git", "check-ignore", "-q", str(PRIVATE_PAGE)], cwd=tmp_path, check=False)
    assert ignored.returncode == 0, "git would add private/dashboard.html"


def test_the_full_page_is_never_written_into_build(repo, tmp_path):
    repo()
    result = dashboard("--output", "build/coordinator.html", code=2)
    assert "collectives publish" in result.stderr and "--shareable" in result.stderr
    assert result.stderr.startswith("Usage: cli dashboard [OPTIONS]")  # the command's usage, not the program's (in tests, "cli")
    assert not (tmp_path / "build").exists()


def test_a_full_page_in_the_repository_where_git_would_add_it_is_warned_about(repo, tmp_path):
    repo()
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = dashboard("--output", "notes/dashboard.html")
    assert "warning: notes/dashboard.html is in the repository and git does not ignore it" in result.stderr


def test_a_canary_in_notes_and_in_a_private_log_reaches_neither_page(repo, tmp_path):
    private_log = (REFLECTION.replace("id: log-2026-11-20", "id: log-private").replace("date: 2026-11-20", "date: 2026-11-22")
                   .replace("Three new drivers signed up.", LOG_CANARY).replace("type: reflection", "type: reflection\nprivate: true"))
    repo({"content/conversations/talk-nia.md": CONVERSATION.replace("She is angry", f"{NOTE_CANARY}. She is angry"),
          "content/logs/log-private.md": private_log})
    dashboard()
    dashboard("--shareable")
    for path in (PRIVATE_PAGE, SHARED_PAGE):
        written = (tmp_path / path).read_text(encoding="utf-8")
        assert NOTE_CANARY not in written and LOG_CANARY not in written, path
    # Nor does the shareable page say when the private meeting was held; the full one does (a meeting was held).
    assert "Last reflection: 2026-11-22" in text(page(tmp_path / PRIVATE_PAGE))
    shared = text(page(tmp_path / SHARED_PAGE))
    assert "2026-11-22" not in shared and "Last reflection: 2026-11-20" in shared


def test_the_shareable_page_has_no_pseudonym_ask_or_owner_and_no_count_under_three(repo, tmp_path):
    repo()
    result = dashboard("--shareable")
    assert "Wrote build/dashboard.html" in result.stderr
    written = (tmp_path / SHARED_PAGE).read_text(encoding="utf-8")
    for private in ("Nia", "Sam", "Tuesday meeting", "sister", "Three new drivers signed up"):
        assert private not in written, private
    tree = page(tmp_path / SHARED_PAGE)
    counts = [cell.text_content() for cell in tree.xpath("//section[@id='follow-ups']//span[@class='number']")]
    assert counts == ["fewer than 3", "fewer than 3"]
    assert "The latest reflection celebrates 2 things" in text(tree)  # a benchmark met, and what the log says
    assert statuses(tree) == {"signups": "met", "identify": "on track"}  # the plans in full


def test_the_shareable_page_shows_counts_of_three_or_more(repo, tmp_path):
    repo({f"content/conversations/talk-{name.lower()}.md": person(name, owner)
          for name, owner in (("Rosa", "Sam"), ("Luz", "Dolores"), ("Ana", "Sam"))})
    dashboard("--shareable")
    tree = page(tmp_path / SHARED_PAGE)
    [overdue, soon] = tree.xpath("//section[@id='follow-ups']//span[@class='number']/text()")
    assert (overdue, soon) == ("4", "fewer than 3")  # Nia, Rosa, Luz and Ana are overdue
    everyone = [cell.text_content() for cell in tree.xpath("//table[contains(@class,'chart-table')]//tbody/tr/td")]
    # leaders, supporters, undecided, passes, people, contacted in 30 days, not, past their cadence: 4 people less
    # 4 contacted would tell how many were not, so the 4 is not shown
    assert everyone == ["fewer than 3", "4", "fewer than 3", "fewer than 3", "4", "not shown", "fewer than 3",
                        "fewer than 3"]
    assert not {"Rosa", "Luz", "Ana", "Dolores"} & set(text(tree).split())


def test_a_count_under_three_cannot_be_worked_out_from_the_others_on_the_shareable_page(repo, tmp_path):
    """10 people, 9 of them contacted lately: the one not contacted reads
    "fewer than 3", and the 9 is not shown, or 10 less 9 would tell it; so
    too the one leader among 3 supporters, 3 undecided and 3 passes: the
    supporters' 3 is not shown. Two counts under 3 tell only their sum."""
    notes = {"Rosa": "leader", "Luz": "supporter", "Ana": "supporter", "Bea": "undecided", "Cruz": "undecided",
             "Dee": "undecided", "Eli": "pass", "Fay": "pass", "Gus": "pass"}
    repo({f"content/conversations/talk-{name.lower()}.md": person(
        name, "Sam", assessment=assessment, day="2026-09-01" if name == "Dee" else "2026-11-20", follow_up="2026-12-20")
        for name, assessment in notes.items()})
    dashboard("--shareable")
    tree = page(tmp_path / SHARED_PAGE)
    everyone = [cell.text_content() for cell in tree.xpath("//table[contains(@class,'chart-table')]//tbody/tr/td")]
    # Nia, a supporter contacted on 2026-11-14, makes 10: leaders, supporters, undecided, passes, people,
    # contacted in 30 days, not contacted
    assert everyone[:7] == ["fewer than 3", "not shown", "3", "3", "10", "not shown", "fewer than 3"]
    (tmp_path / "content/conversations/talk-fay.md").unlink()
    (tmp_path / "content/conversations/talk-gus.md").unlink()
    dashboard("--shareable")
    everyone = [cell.text_content() for cell in page(tmp_path / SHARED_PAGE).xpath(
        "//table[contains(@class,'chart-table')]//tbody/tr/td")]
    assert everyone[:4] == ["fewer than 3", "3", "3", "fewer than 3"]  # 1 leader and 1 pass: only their sum is told


def test_two_counts_under_three_that_can_only_be_two_each_are_not_told_by_the_total(repo, tmp_path):
    """Four people, two contacted lately and two not: 'fewer than 3' twice
    and a total of 4 told both exactly."""
    notes = {"Ana": "2026-11-20", "Bo": "2026-11-20", "Ed": "2026-09-01", "Fa": "2026-09-01"}
    repo({"content/conversations/talk-nia.md": None,
          **{f"content/conversations/talk-{name.lower()}.md": person(name, "Sam", day=day, follow_up="2026-12-20")
             for name, day in notes.items()}})
    dashboard("--shareable")
    everyone = [cell.text_content() for cell in page(tmp_path / SHARED_PAGE).xpath(
        "//table[contains(@class,'chart-table')]//tbody/tr/td")]
    # leaders, supporters, undecided, passes, people, contacted in 30 days, not contacted
    assert everyone[:7] == ["fewer than 3", "4", "fewer than 3", "fewer than 3", "not shown",
                            "fewer than 3", "fewer than 3"]  # the 4 supporters less three counts under 3 tell nothing


def test_the_same_content_and_day_give_the_same_bytes(repo, tmp_path):
    repo()
    dashboard()
    first = (tmp_path / PRIVATE_PAGE).read_bytes()
    os.remove(tmp_path / PRIVATE_PAGE)
    dashboard()
    assert (tmp_path / PRIVATE_PAGE).read_bytes() == first


def test_an_error_in_a_module_leaves_nothing_out_of_the_page_and_one_in_a_note_does(repo, tmp_path):
    """The page reads plans, logs and conversation notes: an error in a
    workshop module is printed (exit status 1) but the page does not say it
    may miss something; an error in a note makes it say so."""
    repo({"content/curriculum/planning.md": MODULE.replace("minutes: 30", "minutes: half an hour")})
    result = dashboard(code=1)
    assert "the dashboard reads none of them, so nothing is left out of it" in result.stderr
    assert page(tmp_path / PRIVATE_PAGE).xpath("//p[@role='alert']") == []
    (tmp_path / "content/conversations/talk-nia.md").write_text(
        CONVERSATION.replace("assessment: supporter", "assessment: maybe"), encoding="utf-8")
    result = dashboard(code=1)
    assert "the dashboard leaves out what it could not read" in result.stderr
    assert "1 document could not be read in full" in page(tmp_path / PRIVATE_PAGE).xpath("string(//p[@role='alert'])")


def test_plan_picks_one_plan_and_a_wrong_one_is_a_usage_error(repo, tmp_path):
    repo()
    dashboard("--plan", "bus-plan", "--output", "one.html")
    one = (tmp_path / "one.html").read_text(encoding="utf-8")
    assert "Bus drivers campaign" in one
    assert "Only the people met in bus-drivers, the scenario of the plan shown" in one
    result = dashboard("--plan", "bus-plna", code=2)
    assert "there is no plan 'bus-plna' (did you mean 'bus-plan'?)" in result.stderr
    assert not (tmp_path / PRIVATE_PAGE).exists()


def test_documents_with_errors_are_named_and_the_page_says_it_may_miss_them(repo, tmp_path):
    repo({"content/logs/log-2026-11-20.md": REFLECTION.replace("date: 2026-11-20", "date: 2026-13-01")})
    result = dashboard(code=1)
    assert "content/logs/log-2026-11-20.md:5:" in result.stderr
    assert "the dashboard leaves out what it could not read" in result.stderr
    alert = page(tmp_path / PRIVATE_PAGE).xpath("string(//p[@role='alert'])")
    assert "1 document could not be read in full" in alert and "aotext lint" in alert


def test_the_build_index_links_the_shareable_page_and_never_a_full_one(repo, tmp_path):
    repo()
    dashboard("--shareable")
    assert invoke("build", "--as-of", AS_OF).exit_code == 0
    index = (tmp_path / "build/index.html").read_text(encoding="utf-8")
    assert 'href="dashboard.html"' in index
    dashboard("--output", "elsewhere.html")
    (tmp_path / SHARED_PAGE).write_bytes((tmp_path / "elsewhere.html").read_bytes())  # a full page copied in by hand
    assert invoke("build", "--as-of", AS_OF).exit_code == 0
    assert 'href="dashboard.html"' not in (tmp_path / "build/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("shareable", [False, True])
def test_a_repository_without_plans_or_notes_still_gets_a_page(repo, tmp_path, shareable):
    repo({"content/plans/bus-plan.md": None, "content/logs/log-2026-11-20.md": None,
          "content/conversations/talk-nia.md": None})
    dashboard(*(["--shareable"] if shareable else []))
    tree = page(tmp_path / (SHARED_PAGE if shareable else PRIVATE_PAGE))
    assert "There are no plans to show yet" in text(tree)


@pytest.mark.parametrize("shareable", [False, True])
def test_headings_nest_under_the_one_title_and_every_link_on_the_page_resolves(repo, tmp_path, shareable):
    repo()
    dashboard(*(["--shareable"] if shareable else []))
    tree = page(tmp_path / (SHARED_PAGE if shareable else PRIVATE_PAGE))
    levels = [int(heading.tag[1]) for heading in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after <= before + 1 for before, after in pairwise(levels)), levels
    ids = set(tree.xpath("//@id"))
    assert all(href[1:] in ids for href in tree.xpath("//a/@href")), "a link leads nowhere"
    assert tree.xpath("/html/@lang") == ["en"] and tree.findtext(".//title").startswith(
        "Shareable dashboard" if shareable else "Dashboard")
