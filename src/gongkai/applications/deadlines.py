"""The reply deadline of an application, in working days of its jurisdiction's profile (第三十条、第三十三条).

The period runs from the receipt date (第三十一条), or from the day the corrected application arrives when a
correction was requested (第三十条); it is `reply_days`, plus the extension's days once extended; consultation
time (第三十二条、第三十四条) is paused, and so is the time from a fee notice to the payment (国办函〔2020〕109号). A consultation still open is counted as paused until its own due date —
the latest the clock can restart — so a due date always exists and the overdue list can never miss one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.applications.choices import ConsultationKind, State
from gongkai.applications.models import Application
from gongkai.catalog.selectors import effective_profile
from gongkai.workdays.calendar import Pause, WorkdayCalendar, get_calendar


@dataclass(frozen=True)
class ApplicationDeadline:
    start: dt.date | None
    start_reason: str
    days: int
    due: dt.date | None
    provisional: bool
    pauses: tuple[Pause, ...]
    paused_workdays: int
    working_days_left: int | None  # negative when overdue; None when no clock runs or the case is finished
    steps: tuple[str, ...]

    @property
    def overdue(self) -> bool:
        return self.working_days_left is not None and self.working_days_left < 0


def profile_days(application: Application) -> tuple[int, int, int, int]:
    """(reply, extension, correction request, consultation) working days of the application's jurisdiction."""
    profile = effective_profile(application.jurisdiction)
    return (int(profile["reply_days"]), int(profile["reply_extension_days"]),
            int(profile["correction_request_days"]), int(profile["third_party_days"]))  # fmt: skip


def consultation_pauses(application: Application, since: dt.date) -> tuple[Pause, ...]:
    pauses = []
    for c in application.consultations.all():
        if c.sent_on < since:
            continue
        end = c.answered_on or c.due_on
        # The kind, not the party's name: the applicant sees these steps on the tracking page.
        who = "第三方" if c.kind == ConsultationKind.THIRD_PARTY else "其他机关"
        label = f"征求{who}意见" + ("" if c.answered_on else "（尚未答复，暂按意见期限届满计）")
        pauses.append(Pause(c.sent_on, end, label))
    return tuple(pauses)


def fee_pauses(application: Application, since: dt.date) -> tuple[Pause, ...]:
    fee = getattr(application, "fee", None) if application.pk else None
    if fee is None or fee.notice_sent_on < since:
        return ()
    if fee.paid_on or fee.waived_on:
        return (Pause(fee.notice_sent_on, fee.paid_on or fee.waived_on, "收费通知至缴费（或减免）之日"),)
    return (Pause(fee.notice_sent_on, fee.pay_by, "收费通知至缴费之日（尚未缴费，暂按缴费期限届满计）"),)


def _left(calendar: WorkdayCalendar, today: dt.date, due: dt.date, pauses: tuple[Pause, ...]) -> int:
    """Working days from today (not counted) to the due date (counted) that are not paused; negative if late."""
    if today > due:
        return -calendar.workdays_between(due, today)[0]
    count, day = 0, today + dt.timedelta(days=1)
    while day <= due:
        paused = any(p.start <= day and (p.end is None or day <= p.end) for p in pauses)
        count += calendar.is_workday(day) and not paused
        day += dt.timedelta(days=1)
    return count


def compute_deadline(
    application: Application, today: dt.date, calendar: WorkdayCalendar | None = None
) -> ApplicationDeadline:
    """Due date, working days left, paused intervals and the derivation of an application's reply deadline."""
    calendar = calendar or get_calendar()
    reply_days, _ext_max, _corr, _consult = profile_days(application)
    correction = getattr(application, "correction", None) if application.pk else None
    if application.receipt_date is None:
        return ApplicationDeadline(None, "", reply_days, None, False, (), 0, None,
                                   ("尚未确认收到申请，答复期限自双方确认之日起算",))  # fmt: skip
    if correction is not None and correction.corrected_on is None:
        return ApplicationDeadline(
            None, "", reply_days, None, False, (), 0, None,
            (f"{correction.sent_on.isoformat()} 告知补正，答复期限自收到补正申请之日重新起算",),
        )  # fmt: skip
    if correction is not None:
        start, reason = correction.corrected_on, "收到补正申请之日（第三十条）"
    else:
        start, reason = (
            application.receipt_date,
            f"收到申请之日（{application.get_channel_display()}，第三十一条）",
        )
    extension = getattr(application, "extension", None)
    days = reply_days + (extension.days if extension else 0)
    pauses = tuple(sorted(consultation_pauses(application, start) + fee_pauses(application, start),
                          key=lambda p: p.start))  # fmt: skip
    result = calendar.deadline(start, days, pauses)
    steps = [f"起算：{reason}", f"答复期限 {reply_days} 个工作日（{application.jurisdiction.name}规则配置）"]
    if extension:
        steps.append(f"经批准延长 {extension.days} 个工作日（{extension.approved_on.isoformat()} 批准）")
    steps.extend(result.steps)
    left = None
    if application.state not in (State.REPLIED, State.CLOSED) and result.due is not None:
        left = _left(calendar, today, result.due, pauses)
    return ApplicationDeadline(start, reason, days, result.due, result.provisional, pauses,
                               result.paused_workdays, left, tuple(steps))  # fmt: skip
