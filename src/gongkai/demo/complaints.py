"""Demo complaints (举报, 六安市实施细则第四十二条) in every state, so the supervisors' queue, the organization's
explanation requests and the public tracking page have something to show: new and anonymous, waiting for the
organization's explanation, overdue, upheld and rectified, not upheld. The complaints are data,
`data/demo/complaints/<slug>.yaml` (docs/demo.md); everything goes through `gongkai.complaints.services` acting as
the demo accounts, so the audit log and the versions are real. Dates are relative to today. The tracking codes are
not kept (they are shown only once)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.complaints import services
from gongkai.complaints.models import Complaint
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml
from gongkai.demo.datafile import plain
from gongkai.orgs.models import Organization
from gongkai.workdays.calendar import get_calendar

# the services a step may call; answer_explanation answers the complaint's explanation request
ACTIONS = {"accept", "request_explanation", "answer_explanation", "decide", "record_rectification", "close"}
COMPLAINT_KEYS = {
    "organization",
    "ago",
    "category",
    "description",
    "subject_ref",
    "anonymous",
    "complainant",
    "steps",
}


def _after(complaint: Complaint, workdays: int) -> dt.date:
    day = get_calendar().add_workdays(complaint.received_on, workdays).due
    return min(day, timezone.localdate())


def read_complaints(path: Path) -> list[dict[str, Any]]:
    """One jurisdiction's demo complaints, checked (a DataFileError lists every problem with its line)."""
    doc = read_yaml(path)
    problems = []
    for i, c in enumerate(doc.data["complaints"]):
        for key in set(c) - COMPLAINT_KEYS:
            problems.append(
                (line_of(c, key), f"举报中有未知字段“{key}”（可用：{'、'.join(sorted(COMPLAINT_KEYS))}）")
            )
        if not {"organization", "ago", "category", "description"} <= set(c):
            problems.append(
                (line_of(doc.data["complaints"], i), "举报应有 organization、ago、category、description")
            )
        for j, step in enumerate(c.get("steps") or []):
            if step.get("do") not in ACTIONS or not {"by", "after"} <= set(step):
                problems.append(
                    (line_of(c["steps"], j), f"每一步应有 do（{'、'.join(sorted(ACTIONS))}）、by 和 after")
                )
    if problems:
        raise DataFileError(doc.path, problems)
    return plain(doc.data["complaints"])


def _submit(c: dict[str, Any]) -> Complaint:
    org = Organization.objects.get(name=c["organization"])
    day = timezone.localdate() - dt.timedelta(days=c["ago"])
    now = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 30)))
    who = {"anonymous": True}
    if person := c.get("complainant"):
        who = {"anonymous": False, "complainant_name": person["name"], "phone": person["phone"],
               "email": person.get("email", "")}  # fmt: skip
    data = {
        "category": c["category"],
        "description": c["description"],
        "subject_ref": c.get("subject_ref", ""),
        **who,
    }
    complaint, _code = services.submit_complaint(organization=org, data=data, now=now)
    return complaint


@transaction.atomic
def load_demo_complaints() -> int:
    """Create the demo complaints once (nothing when any complaint exists); returns how many were made."""
    if Complaint.objects.exists():
        return 0
    demo_dir = Path(settings.DATA_DIR) / "demo"
    users = get_user_model().objects
    made = 0
    for j in read_yaml(demo_dir / "organizations.yaml").data["jurisdictions"]:
        path = demo_dir / "complaints" / f"{j['slug']}.yaml"
        for c in read_complaints(path) if path.exists() else []:
            complaint = _submit(c)
            for step in c.get("steps", []):
                step = dict(step)
                action, actor = getattr(services, step.pop("do")), users.get(username=step.pop("by"))
                today = _after(complaint, step.pop("after"))
                if action is services.answer_explanation:
                    action(actor=actor, explanation=complaint.explanations.get(), today=today, **step)
                else:
                    action(actor=actor, complaint=complaint, today=today, **step)
            made += 1
    return made
