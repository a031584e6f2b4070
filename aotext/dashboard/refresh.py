"""The dashboard page as `aotext dashboard` writes it, and the shareable one
that a build finds in its folder made again.

Collectives publish build/, and build/index.html links the shareable
dashboard there: a page left as it was written would go on showing a plan
made private since, and benchmarks as they stood that day. So every build
writes it again, as of the build's date, with the plans it was made for
(`--plan`, recorded in the page); when none of those is left to show, it
removes the page rather than show every other plan."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from aotext.dashboard.model import PLANS_META
from aotext.dashboard.write import shareable_page
from aotext.documents.types.plan import Plan
from aotext.fsio import atomic_write_text
from aotext.repository import Repository
from aotext.summary import Thresholds

_PLANS = re.compile(rf'<meta name="{PLANS_META}" content="([^"]*)">')


def dashboard_html(repository: Repository, as_of: dt.date, *, shareable: bool, plan_ids: tuple[str, ...] = ()) -> str:
    """The page of the plans named (every plan that is not private, when none are) as of `as_of`."""
    from aotext.dashboard.model import build_dashboard
    from aotext.dashboard.page import render_dashboard

    project = repository.project
    ratio = project.on_track_ratio if project else Thresholds().on_track_ratio
    errors = len(repository.errors_in({problem.path for problem in repository.lint.problems}))
    page = build_dashboard(repository.corpus, as_of, project.collective if project else "", shareable=shareable,
                           lang=project.lang if project else "en", plan_ids=plan_ids, thresholds=Thresholds(ratio),
                           cadence=repository.cadence, documents_with_errors=errors)
    return render_dashboard(page)


@dataclass(frozen=True)
class Refreshed:
    """What became of the shareable page in the build folder: what to say, and whether that is an error."""

    message: str
    failed: bool = False


def refresh_shareable(repository: Repository, folder: Path, as_of: dt.date) -> Refreshed | None:
    """Write the shareable dashboard in `folder` again, or remove it; None when
    there is none there, or it is up to date."""
    page = shareable_page(folder)
    if page is None:
        return None
    try:
        old = page.read_text(encoding="utf-8")
        named = found.group(1).split() if (found := _PLANS.search(old)) else []
        shown = tuple(plan_id for plan_id in map(html.unescape, named)
                      if (plan := repository.corpus.find_view(plan_id, Plan)) is not None and not plan.private)
        if named and not shown:
            page.unlink()
            return Refreshed(f"removed {page}: the shareable dashboard of {', '.join(named)}, a plan now private or "
                             "gone; make another with aotext dashboard --shareable")
        new = dashboard_html(repository, as_of, shareable=True, plan_ids=shown)
        if new == old:
            return None
        atomic_write_text(page, new)
    except OSError as error:
        return Refreshed(f"could not bring {page}, the shareable dashboard, up to date ({error.strerror}): remove it, "
                         "or it goes on showing what it showed", failed=True)
    return Refreshed(f"wrote {page} again: the shareable dashboard as of {as_of}, so that what is published is "
                     "current and shows no plan made private")
