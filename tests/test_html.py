"""aotext build --format html with real pandoc: each page read back as HTML
holds what its audience should see and nothing else, fetches nothing, and
every link inside it leads somewhere."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from aotext.handouts import fingerprint
from helpers import built_tree, invoke
from test_build import FACILITATOR_WORDS, FILES, PARTICIPANT_WORDS, PRIVATE_WORDS

HTML_FILES = {**FILES, "aotext.yaml": FILES["aotext.yaml"].replace("formats: [pdf, docx]", "formats: [html]").replace(
    "formats: [pdf]", "formats: [html]")}
PAGES = ["guide.html", "participant.html", "plan-bus-plan.html", "report-bus-plan.html", "worksheet.html"]


class Page(HTMLParser):
    """What a reader and a browser see of one page: its text (all of it, and
    the part inside facilitator boxes), the ids links can reach, and every
    address it refers to."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.boxed: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.addresses: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.body: list[str] = []  # the text inside <main>, without the contents list or the styles
        self._open: list[bool] = []  # for each open div: is it a facilitator box
        self._in_main = False
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        self.tags.append((tag, found))
        if "id" in found:
            self.ids.add(found["id"])
        if tag == "a" and "href" in found:
            self.links.append(found["href"])
        for name in ("src", "href", "srcset", "poster", "data"):
            if name in found and tag != "a":  # a link is followed by the reader, not fetched
                self.addresses.append(found[name])
        self._in_main = self._in_main or tag == "main"
        if tag == "div":
            self._open.append("facilitator" in found.get("class", "").split())

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._open:
            self._open.pop()
        self._in_main = self._in_main and tag != "main"

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_main:
            self.body.append(data)
        if any(self._open):
            self.boxed.append(data)

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    def main_text(self) -> str:
        return " ".join(" ".join(self.body).split())

    def boxed_text(self) -> str:
        return " ".join(" ".join(self.boxed).split())


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    with built_tree(tmp_path_factory.mktemp("repo"), HTML_FILES, "--as-of", "2026-11-24") as root:
        yield root


def test_every_page_is_built(built):
    assert sorted(path.name for path in (built / "build").glob("*.html")) == sorted([*PAGES, "index.html"])


@pytest.mark.parametrize("name", [*PAGES, "index.html"])
def test_every_page_stands_alone_and_fetches_nothing(built, name):
    page = read(built / "build" / name)
    policies = [attrs["content"] for tag, attrs in page.tags
                if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert policies and policies[0].startswith("default-src 'none'")
    assert ("html", {"lang": "en"}) in page.tags
    assert "Test Collective" in page.all_text()
    # Pictures are inside the page; nothing is loaded from a file or the network.
    assert all(address.startswith("data:") for address in page.addresses), page.addresses
    # Links lead to a place on the page or to a file beside it.
    assert all(link.startswith("#") or (built / "build" / link).is_file() for link in page.links)
    assert not [tag for tag, _ in page.tags if tag in ("script", "link", "iframe")]
    # Headings nest: one title, and no level is skipped on the way down.
    levels = [int(tag[1]) for tag, _ in page.tags if tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and all(later - earlier <= 1 for earlier, later in pairwise(levels))
    # Every link inside the page leads to something on it.
    internal = [link[1:] for link in page.links if link.startswith("#")]
    assert internal and set(internal) <= page.ids


def test_participant_page_has_no_facilitator_material(built):
    page = read(built / "build/participant.html")
    assert PARTICIPANT_WORDS in page.all_text() and "After the note." in page.all_text()
    assert "Quokka" not in page.all_text() and "For facilitators" not in page.all_text()
    assert page.boxed_text() == ""


def test_facilitator_page_boxes_the_notes_and_has_a_contents_list_and_the_agenda(built):
    page = read(built / "build/guide.html")
    assert FACILITATOR_WORDS in page.boxed_text() and PARTICIPANT_WORDS not in page.boxed_text()
    assert "For facilitators" in page.boxed_text()
    text = page.all_text()
    assert text.index("Contents") < text.index("Agenda") and "10:30 30 IV. Talking politics" in text
    contents = [link for link in page.links if link.startswith("#")]
    assert len(contents) >= 3  # the agenda and both modules, at least


def test_worksheet_page_leaves_ruled_space_for_every_answer(built):
    page = read(built / "build/worksheet.html")
    assert "What are your goals?" in page.all_text() and "How do you start a conversation?" in page.all_text()
    lines = [attrs for tag, attrs in page.tags if attrs.get("class") == "answer-line"]
    assert len(lines) == 12  # two questions, six lines each
    assert len([attrs for tag, attrs in page.tags if attrs.get("class") == "question"]) == 2


def test_report_page_holds_the_table_and_its_chart_inside(built):
    page = read(built / "build/report-bus-plan.html")
    text = page.all_text()
    for words in ("As of 2026-11-24.", "A driver-rep signs up 2 new drivers this month", "on track",
                  "Three new drivers signed up."):
        assert words in text
    # The charts are inline SVG (the print formats' picture is left out), two per benchmark, each in words too.
    assert [tag for tag, _ in page.tags if tag == "img"] == []
    charts = [attrs for tag, attrs in page.tags if tag == "svg"]
    assert len(charts) == 4 and all(chart["role"] == "img" for chart in charts)
    labels = [chart["aria-label"] for chart in charts]
    assert labels[0].startswith("Progress: 150% of the target; expected by now:")
    assert labels[1] == "Measurements over time: September 2026: 0 (not met); October 2026: 0 (not met); November 2026: 3 (met)."
    assert labels[3] == "Measurements over time: 2026-11-20: a few."


def test_private_document_never_reaches_a_page_unless_named(built, repo, tmp_path):
    for path in (built / "build").glob("*.html"):
        assert "Narwhal" not in path.read_text(encoding="utf-8")
    repo(HTML_FILES)
    result = invoke("build", "--as-of", "2026-11-24", "--only", "participant", "--include-private", "secret")
    assert result.exit_code == 0, result.output
    assert PRIVATE_WORDS in read(tmp_path / "build/participant.html").all_text()


def test_the_same_content_gives_the_same_bytes(built):
    before = {name: (built / "build" / name).read_bytes() for name in PAGES}
    cwd = os.getcwd()
    os.chdir(built)
    try:
        assert invoke("build", "--as-of", "2026-11-24", "--force").exit_code == 0
    finally:
        os.chdir(cwd)
    assert {name: (built / "build" / name).read_bytes() for name in PAGES} == before


def test_the_index_page_links_every_file_built_by_who_reads_it(built):
    page = read(built / "build/index.html")
    files = sorted(link for link in page.links if not link.startswith("#"))
    assert files == sorted([*PAGES, "slides.pptx"])  # this project makes HTML, and the slides
    assert all((built / "build" / link).is_file() for link in files)
    text = page.main_text()
    assert text.index("For participants") < text.index("participant.html") < text.index("For facilitators")
    assert text.index("For facilitators") < text.index("guide.html") < text.index("For coordinators")
    assert text.index("For coordinators") < text.index("report-bus-plan.html")


def test_the_index_lists_every_handout_after_building_one_and_is_kept_when_nothing_changed(repo, tmp_path,
                                                                                          monkeypatch):
    repo(FILES)
    assert invoke("build", "--as-of", "2026-11-24").exit_code == 0
    index = tmp_path / "build/index.html"
    listed = [link for link in read(index).links if not link.startswith("#")]
    assert len(listed) == 10 and "slides.pptx" in listed and "guide.docx" in listed
    written = index.stat().st_mtime_ns
    again = invoke("build", "--as-of", "2026-11-24", "--only", "worksheet", "--force")
    assert again.exit_code == 0 and "index.html" not in again.output
    assert index.stat().st_mtime_ns == written
    # A handout dropped from the project is removed, and so is its link.
    project = tmp_path / "aotext.yaml"
    project.write_text(project.read_text().replace("formats: [pdf, docx]\n  - name: plan", "formats: [pdf]\n  - name: plan"))
    changed = invoke("build", "--as-of", "2026-11-24")
    assert changed.exit_code == 0 and "wrote build/index.html" in changed.output
    assert "worksheet.docx" not in read(index).links and not (tmp_path / "build/worksheet.docx").exists()
    # A new aotext (its code or templates: what makes the page) writes it again.
    monkeypatch.setattr(fingerprint, "own_digest", lambda: "another aotext")
    upgraded = invoke("build", "--as-of", "2026-11-24")
    assert upgraded.exit_code == 0 and "wrote build/index.html" in upgraded.output


def test_the_agenda_links_every_module_and_activity_to_its_place_on_the_page(built):
    page = read(built / "build/guide.html")
    activities = [link for link in page.links if link.startswith("#activity-")]
    # An activity's anchor holds its module's id: two modules' activities may share an id.
    assert activities == ["#activity-planning-goals", "#activity-talking-skit"]
    modules = {link for link in page.links if link.startswith("#module-")}
    assert modules == {"#module-planning", "#module-talking"}
    assert all(link[1:] in page.ids for link in [*activities, *modules])


def test_the_index_gives_each_plan_its_own_line_by_its_title(repo, tmp_path):
    """Two plans' one-page plans and reports had been listed under one
    heading, by file name only: nobody could tell which was which. A title
    prints as typed, never as HTML."""
    from helpers import PLAN

    other = PLAN.replace("id: bus-plan", "id: cafeteria-plan").replace("title: Bus drivers campaign",
                                                                      "title: Cafeteria <b>winter</b> plan")
    repo({**FILES, "content/plans/cafeteria-plan.md": other})
    assert invoke("build", "--as-of", "2026-11-24").exit_code == 0
    text = read(tmp_path / "build/index.html").main_text()
    for title, plan_id in (("Bus drivers campaign", "bus-plan"), ("Cafeteria <b>winter</b> plan", "cafeteria-plan")):
        for kind in ("plan", "report"):
            start = text.index(f"{title}:", text.index("One-page plan" if kind == "plan" else "Benchmark report"))
            assert text.index(f"{kind}-{plan_id}.pdf", start) < start + len(title) + 80, (title, kind, text)
