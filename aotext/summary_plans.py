"""Every plan's summary: each of its benchmarks judged (aotext.summary),
as of a date, and what its latest reflection celebrates. Pure functions of
(documents, as_of)."""

from __future__ import annotations

import datetime as dt

from aotext import collector
from aotext.corpus import Corpus
from aotext.documents.types.plan import Benchmark, Plan
from aotext.documents.types.reflection import Reflection
from aotext.summary import evaluate
from aotext.summary_logs import Logs, gather
from aotext.summary_model import BenchmarkSummary, PlanSummary, Summary, Thresholds
from aotext.summary_notes import Celebration

# The documents a summary reads: one of another type with errors leaves nothing out of it.
READ_TYPES = frozenset({Plan.type_name, Reflection.type_name})


def _celebrations(plan: Plan, benchmarks: list[Benchmark], logs: Logs, now: list[BenchmarkSummary],
                  as_of: dt.date, thresholds: Thresholds) -> tuple[Celebration, ...]:
    """The benchmarks the latest reflection met (with only the earlier logs they
    would not be met), and what its logs celebrate. The latest reflection is the
    latest day with a log that says something, every log of that day together."""
    if not logs.speaking:
        return ()
    latest = logs.speaking[-1][0]
    found = []
    for benchmark, summary in zip(benchmarks, now, strict=True):
        measured = logs.measured.get(summary.id, [])
        earlier = [m for m in measured if m.held < latest]
        # Met without a measurement from the latest reflection: met before it, no news.
        if summary.status == "met" and len(earlier) < len(measured) and evaluate(
                benchmark, earlier, plan, as_of, thresholds).status != "met":
            found.append(Celebration(summary.title))
    found += [Celebration(item, held) for held, log in logs.speaking if held == latest for item in log.celebrate]
    return tuple(found)


def summarize_plan(corpus: Corpus, plan: Plan, as_of: dt.date, thresholds: Thresholds = Thresholds()) -> PlanSummary:
    benchmarks = [benchmark for benchmark in plan.benchmarks if benchmark.id]
    logs = gather(corpus, plan, as_of)
    now = [evaluate(benchmark, logs.measured.get(benchmark.id or "", []), plan, as_of, thresholds)
           for benchmark in benchmarks]
    day = plan.judging_day(as_of)
    celebrate = _celebrations(plan, benchmarks, logs, now, as_of, thresholds)
    return PlanSummary(plan.id or plan.path, plan.title, day, tuple(now), celebrate, logs.skipped, logs.after_end,
                       plan.ends, logs.before_start, ended=day < as_of)


def summarize(corpus: Corpus, as_of: dt.date, thresholds: Thresholds = Thresholds(),
              plan_ids: tuple[str, ...] = ()) -> Summary:
    """Every non-private plan (or those named), as of `as_of`."""
    plans = [plan for plan in corpus.all(Plan) if not plan.private and (not plan_ids or plan.id in plan_ids)]
    # The summaries make no reference cycles: left on, the collector walks the
    # many small things they are made of again and again (a third of the time
    # at 5,000 plans, and more a plan the more there are).
    with collector.paused(keep_off=True):
        summaries = tuple(summarize_plan(corpus, plan, as_of, thresholds)
                          for plan in sorted(plans, key=lambda p: p.id or ""))
    return Summary(as_of, summaries, sum(plan.skipped_measurements for plan in summaries),
                   sum(plan.after_end_measurements for plan in summaries),
                   sum(plan.before_start_measurements for plan in summaries))
