"""What each side sees of a complaint. The complainant (tracking code): status, the steps' dates and the final
finding and result — no internal notes, no staff names, no explanation text. The complained-about
organization: the explanation requests and, once decided, the finding and result — never the complainant."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.complaints.choices import State, StepKind
from gongkai.complaints.models import Complaint
from gongkai.complaints.rules import rules
from gongkai.complaints.selectors import due_mark


def _category_label(code: str) -> str:
    category = rules().category(code)
    return category.name if category else code


def _result(c: Complaint) -> dict[str, Any] | None:
    if not c.decided_on:
        return None
    return {
        "finding": c.finding,
        "finding_label": c.get_finding_display(),
        "finding_text": c.finding_text,
        "decided_on": c.decided_on,
        "rectification_required": c.rectification_required,
        "rectification": c.rectification,
        "rectified_on": c.rectified_on,
        "result": c.result,
        "closed_on": c.closed_on,
    }


def tracking_view(c: Complaint, today: dt.date) -> dict[str, Any]:
    steps = []
    for s in c.steps.all():
        label = s.get_kind_display()
        if s.kind == StepKind.TRANSFERRED and s.to_supervisor is not None:
            label = f"转{s.to_supervisor.name}办理"
        steps.append({"on": s.on, "kind": s.kind, "label": label})
    return {
        "registration_no": c.registration_no,
        "organization": c.organization.name,
        "supervisor": c.supervisor.name,
        "category": c.category,
        "category_label": _category_label(c.category),
        "received_on": c.received_on,
        "due_on": c.due_on,
        "state": c.state,
        "state_label": c.get_state_display(),
        "overdue": due_mark(c, today) == "overdue",
        "anonymous": c.anonymous,
        "steps": steps,
        "result": _result(c),
    }


def organization_view(c: Complaint) -> dict[str, Any]:
    return {
        "pk": c.pk,
        "registration_no": c.registration_no,
        "organization": c.organization.name,
        "category_label": _category_label(c.category),
        "received_on": c.received_on,
        "state_label": c.get_state_display(),
        "closed": c.state == State.CLOSED,
        "explanations": list(c.explanations.all()),
        "result": _result(c),
        "can_rectify": c.state == State.DECIDED and bool(c.rectification_required),
    }
