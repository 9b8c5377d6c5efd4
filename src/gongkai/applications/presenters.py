"""What an applicant sees of their own application with the tracking code: status, deadline, pauses and the
reply — no personal data (they know it) and nothing of anyone else's (no third party's name)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from gongkai.applications import letters
from gongkai.applications.choices import IdType, State
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application
from gongkai.core.masking import mask_identity_number


def tracking_view(app: Application, today: dt.date) -> dict[str, Any]:
    deadline = compute_deadline(app, today)
    correction = getattr(app, "correction", None)
    extension = getattr(app, "extension", None)
    fee = getattr(app, "fee", None)
    return {
        "registration_no": app.registration_no,
        "organization": app.organization.name,
        "channel": app.get_channel_display(),
        "state": app.state,
        "state_label": app.get_state_display(),
        "submitted_on": timezone.localtime(app.submitted_at).date(),
        "receipt_date": app.receipt_date,
        "info_title": app.info_title,
        "due": deadline.due,
        "due_provisional": deadline.provisional,
        "working_days_left": deadline.working_days_left,
        "days_overdue": -deadline.working_days_left if deadline.overdue else 0,
        "paused": [{"start": p.start, "end": p.end, "reason": p.reason} for p in deadline.pauses],
        "steps": list(deadline.steps),
        "correction": None if correction is None else {
            "sent_on": correction.sent_on, "due_on": correction.due_on, "items": correction.items,
            "corrected_on": correction.corrected_on,
            "can_submit": app.state == State.CORRECTION_REQUESTED and today <= correction.due_on,
        },
        "fee": None if fee is None else {
            "method": fee.get_method_display(), "amount": fee.amount, "basis": fee.basis,
            "notice_sent_on": fee.notice_sent_on, "pay_by": fee.pay_by, "paid_on": fee.paid_on or fee.waived_on,
            "outcome": fee.get_outcome_display(),
        },
        "extension": None if extension is None else {
            "days": extension.days, "reason": extension.reason, "notice_sent_on": extension.notice_sent_on,
        },
        "reply": None if not app.reply_type else {
            "type": app.reply_type, "type_label": app.get_reply_type_display(), "ground": app.reply_ground,
            "ground_label": app.get_reply_ground_display() if app.reply_ground else "", "text": app.reply_text,
            "replied_on": app.replied_on, "completed_on": app.completed_on,
            "referred_body": app.referred_body, "referred_contact": app.referred_contact,
            "remedy": letters.template_text(app.organization, "reply.remedy") if app.state == State.REPLIED else "",
        },
    }  # fmt: skip


def masked_id_number(app: Application) -> str:
    """The identity number as staff see it by default: a person's masked (110105********002X); an organization's
    unified social credit code in full (it is public registry data, not personal)."""
    if app.id_type == IdType.USCC:
        return app.id_number
    return mask_identity_number(app.id_number)
