"""Background work (django-tasks): the applicant's e-mails and the daily reminder scan. Tasks take primary keys,
re-fetch, tolerate deleted rows and are idempotent where they can be (the reminders are)."""

from __future__ import annotations

from django.core.mail import send_mail
from django_tasks import task

from gongkai.applications import services
from gongkai.applications.choices import ApplicantMail
from gongkai.applications.models import Application


@task()
def send_applicant_mail_task(application_id: int, kind: str, text: str) -> bool:
    """E-mail the applicant one notice about their application; False when it no longer has an address."""
    app = Application.objects.filter(pk=application_id).select_related("organization").first()
    if app is None or not app.email:
        return False
    subject = (
        f"【{app.organization.name}】政府信息公开申请{ApplicantMail(kind).label}通知（{app.registration_no}）"
    )
    send_mail(subject, text, None, [app.email])
    return True


@task()
def remind_handlers_task(within: int = 3) -> dict[str, int]:
    """The daily scan: remind handlers of due-soon and overdue applications, close uncorrected and unpaid ones."""
    return services.send_reminders(within=within)
