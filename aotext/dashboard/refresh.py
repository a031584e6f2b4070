"""The dashboard page as `aotext dashboard` writes it, and the shareable one
that a build finds in its folder made again.

Collectives publish build/, and build/index.html links the shareable
dashboard there: a page left as it was written would go on showing a plan
made private since, and benchmarks as they stood that day. So every build
writes it again, as of the build's date, with the plans it was made for
(`--plan`, or every plan: recorded in the page). A plan of those made
private or gone is left out, and the build names it; the page goes on
recording it, so that it comes back when it is public again. When none of
those is left to show, the build removes the page rather than show every
other plan. A page that records no plans (made before pages did) is left
as it is, and the build says to make it again: it may have been made for
one plan, and must not widen to all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from pathlib import Path

from aotext.dashboard.model import EVERY_PLAN, PLANS_META, READ_TYPES
from aotext.dashboard.write import shareable_page
from aotext.documents.records import frozen
from aotext.documents.types.plan import Plan
from aotext.fsio import atomic_write_text
from aotext.repository import Repository
from aotext.summary_model import Thresholds

_PLANS = re.compile(rf'<meta name="{PLANS_META}" content="([^"]*)">')


def dashboard_html(repository: Repository, as_of: dt.date, *, shareable: bool, plan_ids: tuple[str, ...] = (),
                   made_for: tuple[str, ...] | None = None) -> str:
    """The page of the plans named (every plan that is not private, when none are) as of `as_of`; a shareable
    one records `made_for` as the plans it was made for, when given (some of them not shown), else those named."""
    from aotext.dashboard.model import build_dashboard
    from aotext.dashboard.page import render_dashboard

    project = repository.project
    ratio = project.on_track_ratio if project else Thresholds().on_track_ratio
    page = build_dashboard(repository.corpus, as_of, project.collective if project else "", shareable=shareable,
                           lang=project.lang if project else "en", plan_ids=plan_ids, thresholds=Thresholds(ratio),
                           cadence=repository.cadence)
    if made_for is not None:
        page = dataclasses.replace(page, plan_ids=made_for)
    return render_dashboard(page, lambda: repository.read_in_part(READ_TYPES))


@frozen
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
        named = tuple(map(html.unescape, found.group(1).split())) if (found := _PLANS.search(old)) else ()
        if not named:
            return Refreshed(f"left {page} as it is: it does not say which plans it was made for (an older aotext "
                             "made it), so it may show what is no longer so; make it again with aotext dashboard "
                             "--shareable, with --plan for each plan it should show")
        every = named == (EVERY_PLAN,)
        left_out = {} if every else {plan_id: why for plan_id in named if (why := _why_left_out(repository, plan_id))}
        shown = tuple(plan_id for plan_id in named if plan_id not in left_out)
        if not every and not shown:
            page.unlink()
            return Refreshed(f"removed {page}: the shareable dashboard of {', '.join(named)}, a plan now private or "
                             "gone; make another with aotext dashboard --shareable")
        # The page goes on recording every plan it was made for, so that one made public again comes back.
        new = dashboard_html(repository, as_of, shareable=True, plan_ids=() if every else shown,
                             made_for=None if every else named)
        if new == old:
            return None
        atomic_write_text(page, new)
    except OSError as error:
        return Refreshed(f"could not bring {page}, the shareable dashboard, up to date ({error.strerror}): remove it, "
                         "or it goes on showing what it showed", failed=True)
    without = [f"plan '{plan_id}' ({why})" for plan_id, why in left_out.items()]
    dropped = f", without {', '.join(without[:-1])}{' and ' if len(without) > 1 else ''}{without[-1]}" if without else ""
    return Refreshed(f"wrote {page} again{dropped}: the shareable dashboard as of {as_of}, so that what is published "
                     "is current and shows no plan made private")


def _why_left_out(repository: Repository, plan_id: str) -> str | None:
    """Why a plan a page was made for is not shown on it now, if it is not."""
    plan = repository.corpus.find_view(plan_id, Plan)
    return "gone" if plan is None else "now private" if plan.private else None
