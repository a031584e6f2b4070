"""What a reader sees of the shipped project's web pages on a phone (390
pixels) and on a computer (1280): wide tables, the charts' side labels, the
dashboard's filter and its contents, in Debian's chromium as test_browser.py
drives it (skipped, as there, without it)."""

from __future__ import annotations

import pytest

from test_browser import browser, shipped, visit  # noqa: F401  (fixtures, shared with test_browser.py)

PHONE, COMPUTER = 390, 1280

# Every cell of every table on the page: where it is, whether its text fits, and the column name shown with it.
CELLS = """() => [...document.querySelectorAll('table td, table tbody th')].filter(c => c.checkVisibility())
    .map(c => { const box = c.getBoundingClientRect();
                const label = getComputedStyle(c, '::before').content;
                return {text: c.textContent.trim().slice(0, 40), left: box.left, right: box.right,
                        fits: c.scrollWidth <= c.clientWidth + 1, width: box.width, label}; })"""


def _tables_on_a_phone(page) -> list[dict]:
    return page.evaluate(CELLS)


@pytest.mark.parametrize("name", ["build/plan-bus-drivers-plan.html", "private/dashboard.html", "build/dashboard.html"])
def test_every_table_cell_is_on_a_phone_screen_and_says_its_column(browser, shipped, name):  # noqa: F811
    context, page, _, _ = visit(browser, shipped / name, width=PHONE)
    cells = _tables_on_a_phone(page)
    assert cells
    for cell in cells:
        assert cell["left"] >= 0 and cell["right"] <= PHONE, f"{name}: {cell} is off the screen"
        assert cell["fits"], f"{name}: {cell} is cut off"
        assert cell["width"] > PHONE / 2, f"{name}: {cell} is squeezed into a narrow column"
    # Each data cell shows its column's name above it, as the headings row would.
    labelled = [cell for cell in cells if cell["label"] not in ("none", "normal", '""')]
    assert len(labelled) > len(cells) / 2, f"{name}: few cells say their column"
    context.close()


@pytest.mark.parametrize("name", ["build/plan-bus-drivers-plan.html", "private/dashboard.html"])
def test_tables_on_a_computer_keep_their_columns(browser, shipped, name):  # noqa: F811
    context, page, _, _ = visit(browser, shipped / name, width=COMPUTER)
    shown = page.evaluate("""() => [...document.querySelectorAll('table')].map(t =>
        [getComputedStyle(t.querySelector('thead')).display, getComputedStyle(t.querySelector('tbody tr')).display])""")
    assert shown and all(row == ["table-header-group", "table-row"] for row in shown), shown
    context.close()


@pytest.mark.parametrize("width", [PHONE, COMPUTER])
@pytest.mark.parametrize("name", ["private/dashboard.html", "build/dashboard.html", "build/report-bus-drivers-plan.html"])
def test_every_word_beside_a_chart_is_shown_whole(browser, shipped, name, width):  # noqa: F811
    context, page, _, _ = visit(browser, shipped / name, width=width)
    # A name's lines (its text and any tspan under it), joined as the reader reads them.
    names = page.evaluate("""() => [...document.querySelectorAll('svg.chart text.tick')].map(t => {
        const box = t.getBoundingClientRect(), chart = t.ownerSVGElement.getBoundingClientRect();
        const lines = [...t.childNodes].map(line => line.textContent);
        return {text: lines.join(' '), inside: box.left >= chart.left - 0.5 && box.right <= chart.right + 0.5}; })""")
    assert {"across the whole district", "within their route crews"} <= {shown["text"] for shown in names}
    for shown in names:
        assert not shown["text"].endswith("…") and shown["inside"], f"{name} at {width} px: {shown}"
    context.close()


@pytest.mark.parametrize("name", ["private/dashboard.html", "build/dashboard.html"])
def test_the_filter_says_so_when_nothing_needs_attention(browser, shipped, name):  # noqa: F811
    """Every shipped benchmark is met or on track: the filter hides them all, and a line says why."""
    context, page, _, errors = visit(browser, shipped / name, width=PHONE)
    page.locator("button.filter").first.click()
    assert not any(card.is_visible() for card in page.locator("article.benchmark").all())
    said = page.get_by_text("Nothing is behind, overdue or without data.")
    assert said.is_visible() and said.get_attribute("role") == "status"
    page.locator("button.filter").first.click()
    assert not said.is_visible()
    assert errors == []
    context.close()


@pytest.mark.parametrize(("name", "follow_ups"), [("private/dashboard.html", "Follow-ups: who to call"),
                                                  ("build/dashboard.html", "Follow-ups: how many are due")])
def test_every_item_of_the_dashboards_contents_is_a_link_that_says_what_it_leads_to(browser, shipped, name,  # noqa: F811
                                                                                      follow_ups):
    context, page, _, _ = visit(browser, shipped / name, width=PHONE)
    items = page.locator("nav#TOC li").all()
    assert [item.locator("a").count() for item in items] == [1] * 4
    assert follow_ups in [item.inner_text() for item in items]
    page.locator("nav#TOC a", has_text="Each plan in full").click()
    assert page.locator("section.plan h2").first.is_visible()
    context.close()


def test_the_organizing_charts_last_columns_are_explained_and_say_nothing_alike(browser, shipped):  # noqa: F811
    context, page, _, _ = visit(browser, shipped / "private" / "dashboard.html", width=COMPUTER)
    rows = page.evaluate("""() => [...document.querySelectorAll('table.chart-table tbody tr')]
        .map(row => [...row.cells].slice(-2).map(cell => cell.textContent))""")
    assert rows and all(not_contacted.split(" ")[0].isdigit() and past.isdigit() for not_contacted, past in rows), rows
    assert ["0", "0"] in rows  # nobody in either column: the same "0"
    note = page.locator("#organizing-chart p.table-note")
    assert note.is_visible()
    assert "No contact for longer" in note.inner_text() and "Past their cadence" in note.inner_text()
    context.close()
