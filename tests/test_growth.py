"""The report handouts take each plan's logs from an index made once, not by
reading every log for every plan: `aotext build --list` once spent 87 s on
that at 50,000 documents. Counted, not timed: twice the plans and logs must
mean about twice the reading (a scan per plan would mean four times)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aotext.documents.document import Document
from helpers import AS_OF, GOOD_REPO, PLAN, PROJECT, REFLECTION, invoke, write_tree

REPORTS = PROJECT + """  - name: report
    title: Benchmark report
    layout: report
    audience: coordinator
    formats: [html]
"""
LOGS_PER_PLAN = 3


def _repository(root: Path, plans: int) -> None:
    files: dict[str, str | bytes] = {**GOOD_REPO, "aotext.yaml": REPORTS}
    for number in range(plans):
        plan_id = f"bus-plan-{number}"
        files[f"content/plans/{plan_id}.md"] = PLAN.replace("id: bus-plan", f"id: {plan_id}", 1)
        for day in range(1, LOGS_PER_PLAN + 1):
            log_id = f"log-{number}-{day}"
            files[f"content/logs/{log_id}.md"] = REFLECTION.replace("id: log-2026-11-20", f"id: {log_id}", 1).replace(
                "plan: bus-plan", f"plan: {plan_id}", 1).replace("date: 2026-11-20", f"date: 2026-11-{day:02d}", 1)
    write_tree(root, files)


def _plans_named_in_build_list(root: Path, plans: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times a log's plan is read while `aotext build --list` plans the reports."""
    _repository(root, plans)
    monkeypatch.chdir(root)
    reads = []
    reference = Document.reference

    def counted(document: Document, key: str) -> str | None:
        if key == "plan":
            reads.append(document.path)
        return reference(document, key)

    monkeypatch.setattr(Document, "reference", counted)
    result = invoke("build", "--list", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert f"report-bus-plan-{plans - 1}" in result.output  # every plan has its report
    return len(reads)


def test_twice_the_plans_and_logs_read_each_log_about_twice_as_often(tmp_path, monkeypatch):
    smaller = _plans_named_in_build_list(tmp_path / "small", 20, monkeypatch)
    larger = _plans_named_in_build_list(tmp_path / "large", 40, monkeypatch)
    assert smaller > 0
    assert larger <= 2.2 * smaller, (smaller, larger)
