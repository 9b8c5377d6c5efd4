"""Demo applications (依申请公开): about twenty in the five demo jurisdictions, in every state — waiting for
confirmation, being handled, waiting for a correction, in consultation, extended, waiting for a fee, overdue —
and replied in several ways (予以公开, 部分公开 after a third party's objection overruled for the public interest,
不予公开, 无法提供 with a referral, 不予处理 as a repeat, closed as uncorrected), with one fee and one
reconsideration. Everything goes through `gongkai.applications.services` acting as the demo handlers, on the
days it would have happened (relative to today), so the ledger, the deadlines and the audit log are real. The
applications are data, `data/demo/applications/<slug>.yaml` (docs/demo.md). Applicants are invented; no e-mail
addresses are given, so no mail is sent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.applications import services
from gongkai.applications.models import Application, Consultation, Remedy
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import read_yaml
from gongkai.demo.datafile import read_dated
from gongkai.demo.facts import make_uscc
from gongkai.orgs.models import Organization
from gongkai.workdays.calendar import get_calendar

MARK = "（演示）"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(region: str, born: str, serial: int) -> str:
    """A resident identity number with a correct GB 11643 check character (invented person)."""
    body = f"{region}{born}{serial:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def person(name: str, region: str, serial: int, title: str, description: str, **extra) -> dict:
    return {
        "applicant_kind": "natural_person", "applicant_name": name, "id_type": "resident_id",
        "id_number": resident_id(region, "19800101", serial), "phone": f"1380000{serial:04d}",
        "address": "（演示地址）", "info_title": title + MARK, "info_description": description,
        "delivery_form": "paper", "delivery_way": "pickup", **extra,
    }  # fmt: skip


def company(name: str, region: str, title: str, description: str) -> dict:
    return {
        **person(name, region, 1, title, description),
        "applicant_kind": "business", "id_type": "uscc", "id_number": make_uscc(name, region),
    }  # fmt: skip


class _Clock:
    def __init__(self, today: dt.date) -> None:
        self.today, self.cal = today, get_calendar()

    def back(self, n: int) -> dt.date:
        """The working day `n` working days before today."""
        day, left = self.today, n
        while left:
            day -= dt.timedelta(days=1)
            left -= self.cal.is_workday(day)
        return day


# what a step may do, besides the services that take the application: the remedy or consultation it acts on is the
# application's latest one; close_uncorrected closes every application whose correction is overdue
ACTIONS = {
    "reply", "record_remedy", "decide_remedy", "start_consultation", "record_consultation_answer",
    "decide_after_consultation", "request_correction", "close_uncorrected", "issue_fee_notice", "record_fee_payment",
    "extend",
}  # fmt: skip
ON_REMEDY = {"decide_remedy"}
ON_CONSULTATION = {"record_consultation_answer", "decide_after_consultation"}


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _counter(org: Organization, actor, on: dt.date, data: dict) -> Application:
    app, _code = services.register_offline(actor=actor, organization=org, channel="in_person", data=data,
                                           submitted_on=on, today=on)  # fmt: skip
    return app


def _applicant(spec: dict[str, Any], region: str, title: str, description: str) -> dict:
    if "person" in spec:
        return person(spec["person"], region, spec["serial"], title, description)
    data = company(spec["company"], region, title, description)
    return {**data, "applicant_kind": spec["kind"]} if "kind" in spec else data


class _Day:
    """A date of the demo data: today, `{back: N}` working days before it, `{days: N, from: …}` calendar days or
    `{after: N, from: …}` working days after another, `{month: M, day: D}` the first working day from that day of
    last year."""

    def __init__(self, clock: _Clock) -> None:
        self.c = clock

    def __call__(self, spec: Any) -> dt.date:
        if spec == "today":
            return self.c.today
        if "back" in spec:
            return self.c.back(spec["back"])
        if "days" in spec:
            return self(spec["from"]) + dt.timedelta(days=spec["days"])
        if "after" in spec:
            return self.c.cal.add_workdays(self(spec["from"]), spec["after"]).due
        day = dt.date(self.c.today.year - 1, spec["month"], spec["day"])
        while not self.c.cal.is_workday(day):
            day += dt.timedelta(days=1)
        return day


def _load_place(c: _Clock, path: Path, code: str, org: Organization) -> None:
    data = read_dated(path, c.today)
    handler, day = _user(data["handler"]), _Day(c)
    refs: dict[str, Application] = {}
    for a in data["applications"]:
        form = _applicant(a["applicant"], code, a["title"], a["description"])
        if a.get("online"):
            services.submit_online(organization=org, data=form)
            continue
        app = _counter(org, handler, day(a["received"]), form)
        refs[a.get("ref", "")] = app
        for step in a.get("steps", []):
            step = dict(step)
            name = step.pop("do")
            if name not in ACTIONS:
                raise DataFileError(
                    str(path), [(None, f"未知的办理步骤“{name}”（可用：{'、'.join(sorted(ACTIONS))}）")]
                )
            today = day(step.pop("on"))
            kwargs = {
                k: today if v == "on" else day(v) if isinstance(v, dict) else v for k, v in step.items()
            }
            if "repeat_of" in kwargs:
                kwargs["repeat_of"] = refs[kwargs["repeat_of"]]
            if "approved_by" in kwargs:
                kwargs["approved_by"] = _user(kwargs["approved_by"])
            action = getattr(services, name)
            if name == "close_uncorrected":
                action(today=today)
            elif name in ON_REMEDY:
                action(
                    actor=handler,
                    remedy=Remedy.objects.filter(application=app).latest("pk"),
                    today=today,
                    **kwargs,
                )
            elif name in ON_CONSULTATION:
                consultation = Consultation.objects.filter(application=app).latest("pk")
                action(actor=handler, consultation=consultation, today=today, **kwargs)
            else:
                result = action(actor=handler, application=app, today=today, **kwargs)
                if isinstance(result, Application):
                    app = result


@transaction.atomic
def load_demo_applications(today: dt.date | None = None) -> int:
    """Create the demo applications (idempotent); returns how many demo applications there are."""
    if Application.objects.filter(info_title__endswith=MARK).exists():
        return Application.objects.filter(info_title__endswith=MARK).count()
    c = _Clock(today or timezone.localdate())
    demo_dir = Path(settings.DATA_DIR) / "demo"
    for j in read_yaml(demo_dir / "organizations.yaml").data["jurisdictions"]:
        path = demo_dir / "applications" / f"{j['slug']}.yaml"
        if path.exists():
            _load_place(c, path, str(j["code"]), Organization.objects.get(uscc=j["organizations"][0]["uscc"]))
    return Application.objects.filter(info_title__endswith=MARK).count()
