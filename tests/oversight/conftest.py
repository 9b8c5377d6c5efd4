"""A small world for the monitoring figures, built row by row so every figure can be counted by hand.

Lu'an (7 working days for proactive disclosure) with a child county created here (金安区, test only) and Tinghu
outside the scope. The period under test is P = 2025-10-13 … 2025-12-30 (a Monday and a Tuesday, so the days just
outside, 2025-10-10 and 2025-12-31, are working days too); `today` is 2026-01-15.
"""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

import pytest

from gongkai.catalog.models import Jurisdiction
from gongkai.disclosures.models import SupervisorCopy
from gongkai.orgs.models import Role
from gongkai.oversight.models import Finding
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.disclosures import item, member
from tests.helpers.oversight import (  # noqa: F401
    END,
    SHANGHAI,
    START,
    TODAY,
    D,
    make_application,
    make_disclosure,
    make_revision,
)


@pytest.fixture
def jinan(luan):
    return Jurisdiction.objects.create(code="341502", name="金安区（测试）", level="county", parent=luan)


@pytest.fixture
def supervisor(supervisor_org):
    return member(supervisor_org, Role.SUPERVISOR, "sup")


@pytest.fixture
def world(luan, jinan, centre, other_org, supervisor_org, supervisor, publisher):
    award = item("341500", "construction.award")
    tinghu = Jurisdiction.objects.get(code="320902")
    county_org = OrganizationFactory(name="金安区财政局（测试）", kind="department", jurisdiction=jinan,
                                     uscc=make_uscc("11", "341502", random.Random(21)))  # fmt: skip
    outside_org = OrganizationFactory(name="亭湖区财政局（测试）", kind="department", jurisdiction=tinghu,
                                      uscc=make_uscc("11", "320902", random.Random(22)))  # fmt: skip
    u = publisher
    w = SimpleNamespace(luan=luan, jinan=jinan, centre=centre, other_org=other_org, county_org=county_org,
                        outside_org=outside_org, supervisor=supervisor, supervisor_org=supervisor_org, award=award)  # fmt: skip

    # National Day 2025 (1–8 October off, 28 September and 11 October worked): formed Friday 26 September, the 7th
    # working day is 13 October — counting weekends alone it would be 7 October. Published 10 October: on time.
    w.holiday = make_disclosure(centre, award, title="国庆跨节按时", formed_on=D(2025, 9, 26), published_on=D(2025, 10, 10),
                                user=u)  # fmt: skip
    # Due the day before the period: outside.
    w.before = make_disclosure(
        centre, award, title="期前一天", due_on=D(2025, 10, 10), published_on=D(2025, 10, 9), user=u
    )
    # Due on the last day, published after it: late, inside.
    w.end_late = make_disclosure(
        centre, award, title="期末逾期公开", due_on=END, published_on=D(2026, 1, 5), user=u
    )
    # Due the day after the period, never published: outside (it would be overdue).
    w.after = make_disclosure(centre, award, title="期后一天", due_on=D(2025, 12, 31), user=u)
    # Overdue and unpublished: approved but not published (department), and a draft in the child county.
    w.overdue = make_disclosure(
        other_org, award, title="逾期未发布", due_on=D(2025, 11, 20), state="approved", user=u
    )
    w.child_overdue = make_disclosure(
        county_org, award, title="区县逾期未公开", due_on=D(2025, 12, 1), user=u
    )
    # Outside the jurisdiction, and not proactive: never counted.
    make_disclosure(outside_org, award, title="外地逾期", due_on=D(2025, 11, 20), user=u)
    make_disclosure(centre, award, title="依申请公开", due_on=D(2025, 11, 20), attribute="on_request", user=u)
    # On time inside the period (published on its due date).
    w.on_due = make_disclosure(other_org, award, title="到期当日公开", due_on=D(2025, 11, 3), published_on=D(2025, 11, 3),
                               user=u)  # fmt: skip

    # Copies to the supervision bureau.
    w.copy_late = SupervisorCopy.objects.create(disclosure=w.holiday, supervisor=supervisor_org,
                                                due_on=D(2025, 10, 15), state="sent", sent_on=D(2025, 10, 16))  # fmt: skip
    w.copy_missing = SupervisorCopy.objects.create(
        disclosure=w.end_late, supervisor=supervisor_org, due_on=END
    )
    SupervisorCopy.objects.create(
        disclosure=w.before, supervisor=supervisor_org, due_on=D(2025, 10, 10)
    )  # outside
    SupervisorCopy.objects.create(disclosure=w.on_due, supervisor=supervisor_org, due_on=D(2025, 11, 5),
                                  state="sent", sent_on=D(2025, 11, 5))  # on time  # fmt: skip

    # Applications (reply due in the period).
    w.app_late = make_application(centre, due_on=D(2025, 11, 3), replied_on=D(2025, 11, 4))
    make_application(centre, due_on=D(2025, 11, 3), replied_on=D(2025, 11, 3))  # on time
    w.app_overdue = make_application(other_org, due_on=END)
    make_application(other_org, due_on=D(2025, 12, 31))  # open, due the day after the period
    make_application(outside_org, due_on=D(2025, 11, 3))  # elsewhere

    # Corrections and withdrawals, by the Shanghai date of the act.
    make_revision(
        w.holiday, 1, published_at=dt.datetime(2025, 10, 10, 2, tzinfo=dt.UTC), user=u, status="superseded"
    )
    # 2025-10-12 16:30 UTC is 00:30 on 13 October in Shanghai: inside.
    w.correction = make_revision(
        w.holiday, 2, published_at=dt.datetime(2025, 10, 12, 16, 30, tzinfo=dt.UTC), user=u
    )
    # 2025-12-30 16:30 UTC is 31 December in Shanghai: outside.
    make_revision(w.on_due, 2, published_at=dt.datetime(2025, 12, 30, 16, 30, tzinfo=dt.UTC), user=u)
    w.withdrawn = make_disclosure(centre, award, title="撤回的信息", due_on=D(2025, 9, 1), published_on=D(2025, 9, 1),
                                  state="withdrawn", withdrawn_at=dt.datetime(2025, 12, 30, 15, 59, tzinfo=dt.UTC),
                                  user=u)  # fmt: skip

    # Inspection findings: one overdue (open, deadline in the period), one accepted, one due after the period.
    common = {"supervisor": supervisor_org, "inspected_on": D(2025, 10, 20), "requirement": "限期整改",
              "recorded_by": supervisor}  # fmt: skip
    w.finding_overdue = Finding.objects.create(organization=centre, finding="未按时公开中标结果", rectify_by=D(2025, 11, 28),
                                               **common)  # fmt: skip
    Finding.objects.create(
        organization=centre, finding="已整改", rectify_by=D(2025, 11, 28), state="accepted", **common
    )
    Finding.objects.create(organization=other_org, finding="期后到期", rectify_by=D(2026, 1, 5), **common)
    return w
