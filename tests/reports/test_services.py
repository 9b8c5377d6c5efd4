"""The annual report: the template's tables, validation, publication, versions, due dates and reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import AuditEntry
from gongkai.orgs.models import Role
from gongkai.reports import services
from gongkai.reports.models import Reminder, Report
from gongkai.reports.presenters import sections
from tests.helpers.disclosures import member
from tests.helpers.reports import TABLE_3_COLUMNS, TABLE_3_ROWS, app

TABLE_4_GROUPS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


@pytest.mark.django_db
def test_tables_follow_the_national_template(draft):
    figures = draft.figures
    t3 = figures["applications"]
    assert [r["label"] for r in t3["rows"]] == TABLE_3_ROWS
    assert [c["label"] for c in t3["columns"]] == TABLE_3_COLUMNS
    assert [c["path"][0] for c in t3["columns"][1:6]] == ["法人或其他组织"] * 5
    t4 = figures["remedies"]
    assert [c["label"] for c in t4["columns"]] == TABLE_4_GROUPS * 3
    assert [c["path"][:2] for c in t4["columns"][5:]] == [["行政诉讼", "未经复议直接起诉"]] * 5 + [
        ["行政诉讼", "复议后起诉"]
    ] * 5
    t2 = figures["proactive"]
    assert [t["title"] for t in t2] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert [[r["label"] for r in t["rows"]] for t in t2] == [
        ["规章", "行政规范性文件"], ["行政许可"], ["行政处罚", "行政强制"], ["行政事业性收费"]
    ]  # fmt: skip
    assert [c["label"] for c in t2[0]["columns"]] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert t2[3]["columns"][0]["label"] == "本年收费金额（单位：万元）"
    assert [s.title for s in sections(services.snapshot(draft))] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]  # fmt: skip


@pytest.mark.django_db
def test_figures_come_from_the_ledger(draft):
    rows = {r["code"]: r["cells"] for r in draft.figures["applications"]["rows"]}
    assert rows["received"]["total"] == 22
    assert rows["carried_forward"]["total"] == 3
    assert draft.figures["remedies"]["rows"][0]["cells"]["reconsideration.total"] == 2
    assert draft.figures["fees_collected"] == "100.00"
    assert services.validate(draft) == []


@pytest.mark.django_db
def test_publish_freezes_the_figures_and_is_audited(published, centre, author):
    version = published.versions.get()
    assert published.state == "published"
    assert version.number == 1
    frozen = version.content["figures"]["applications"]
    app(centre, "natural_person", dt.date(2025, 6, 1), dt.date(2025, 6, 9), "disclosed")  # a late entry
    version.refresh_from_db()
    assert version.content["figures"]["applications"] == frozen
    entry = AuditEntry.objects.filter(action="report.published").get()
    assert entry.organization_id == centre.pk
    assert entry.data["version"] == 1
    with pytest.raises(DomainError, match="已发布的年度报告不能修改"):
        services.edit_narrative(actor=author, report=published, data={"overview": "改"})


@pytest.mark.django_db
def test_publish_refused_on_imbalance(draft, centre, author):
    app(
        centre, "business", dt.date(2025, 2, 2), dt.date(2025, 3, 3), "withheld"
    )  # concluded without a ground
    with pytest.raises(DomainError) as caught:
        services.publish(actor=author, report=draft)
    assert caught.value.code == "report_invalid"
    assert "“商业企业”列：（七）总计 4 不等于各项办理结果之和 3" in caught.value.details["problems"]
    draft.refresh_from_db()
    assert draft.state == "draft"
    assert not draft.versions.exists()


@pytest.mark.django_db
def test_publish_refused_without_narrative(ledger, centre, author):
    report = services.create_draft(actor=author, organization=centre, year=2025, today=dt.date(2026, 1, 10))
    with pytest.raises(DomainError, match="“一、总体情况”尚未填写"):
        services.publish(actor=author, report=report)


@pytest.mark.django_db
def test_last_years_carried_forward_must_match(draft, author):
    from gongkai.reports.figures import compute

    last = Report.objects.create(organization=draft.organization, year=2024, created_by=author,
                                 figures=compute(organization=draft.organization, year=2024))  # fmt: skip
    assert services.validate(draft) == []
    rows = {r["code"]: r for r in last.figures["applications"]["rows"]}
    rows["carried_forward"]["cells"]["natural_person"] = 0
    rows["carried_forward"]["cells"]["total"] = 1
    last.save()
    assert services.validate(draft) == [
        "“自然人”列：本年上年结转 1 不等于2024年报告的结转下年度继续办理 0",
        "“总计”列：本年上年结转 2 不等于2024年报告的结转下年度继续办理 1",
    ]


@pytest.mark.django_db
def test_correction_makes_a_new_version(published, author):
    with pytest.raises(DomainError):
        services.reopen(actor=author, report=published, reason="")
    services.reopen(actor=author, report=published, reason="补充总体情况")
    services.edit_narrative(actor=author, report=published, data={"overview": "更正后的总体情况。"})
    with pytest.raises(DomainError, match="更正理由"):
        services.publish(actor=author, report=published)
    v2 = services.publish(actor=author, report=published, reason="补充总体情况")
    assert v2.number == 2
    assert v2.content["narrative"]["overview"] == "更正后的总体情况。"
    assert published.versions.get(number=1).content["narrative"]["overview"].startswith("2025年")


@pytest.mark.django_db
def test_only_the_organizations_publishers_prepare_it(ledger, centre, other_org, reviewer):
    outsider = member(other_org, Role.PUBLISHER, "other-pub")
    with pytest.raises(PermissionDenied):
        services.create_draft(actor=outsider, organization=centre, year=2025, today=dt.date(2026, 1, 10))
    with pytest.raises(PermissionDenied):
        services.create_draft(actor=reviewer, organization=centre, year=2025, today=dt.date(2026, 1, 10))


@pytest.mark.django_db
def test_consolidated_report_adds_up_the_jurisdiction(ledger, luan, centre, other_org):
    from tests.factories import OrganizationFactory

    gov = OrganizationFactory(name="六安市人民政府办公室（测试）", kind="government", jurisdiction=luan)
    officer = member(gov, Role.PUBLISHER, "gov-pub")
    report = services.create_draft(actor=officer, jurisdiction=luan, year=2025, today=dt.date(2026, 2, 1))
    rows = {r["code"]: r["cells"] for r in report.figures["applications"]["rows"]}
    assert rows["received"]["total"] == 23  # centre's 22 and other_org's one
    assert report.figures["fees_collected"] == "500.00"
    assert services.due_date(2025, consolidated=True) == dt.date(2026, 3, 31)
    assert services.due_date(2025, consolidated=False) == dt.date(2026, 1, 31)
    with pytest.raises(PermissionDenied):
        services.create_draft(actor=member(centre, Role.PUBLISHER, "c-pub"), jurisdiction=luan, year=2025)


@pytest.mark.django_db
def test_reminders_are_sent_once(centre, author, settings):
    author.email = "author@example.gov.cn"
    author.save()
    assert services.send_reminders(dt.date(2026, 1, 10)) == []  # 21 days before 31 January
    sent = services.send_reminders(dt.date(2026, 1, 16))
    assert [r.kind for r in sent if r.subject_key == f"org:{centre.pk}"] == ["due_soon"]
    assert any("author@example.gov.cn" in m.to and "1月31日到期" in m.subject for m in mail.outbox)
    count = len(mail.outbox)
    assert services.send_reminders(dt.date(2026, 1, 20)) == []  # idempotent
    assert len(mail.outbox) == count
    overdue = services.send_reminders(dt.date(2026, 2, 2))
    assert [r.kind for r in overdue if r.subject_key == f"org:{centre.pk}"] == ["overdue"]
    assert any(m.subject.startswith("【逾期】六安市公共资源交易中心（测试）2025年") for m in mail.outbox)
    assert Reminder.objects.filter(subject_key=f"org:{centre.pk}").count() == 2


@pytest.mark.django_db
def test_no_reminder_once_published(published, centre):
    assert [
        r for r in services.send_reminders(dt.date(2026, 2, 2)) if r.subject_key == f"org:{centre.pk}"
    ] == []


@pytest.mark.django_db
def test_remind_command_is_idempotent(centre, author):
    import io

    from django.core.management import call_command

    author.email = "author@example.gov.cn"
    author.save()
    out = io.StringIO()
    call_command("reports", "remind", "--today", "2026-02-03", stdout=out)
    assert "已发送提醒" in out.getvalue()
    sent = len(mail.outbox)
    assert sent >= 1
    out = io.StringIO()
    call_command("reports", "remind", "--today", "2026-02-04", stdout=out)
    assert "已发送提醒 0 条" in out.getvalue()
    assert len(mail.outbox) == sent


def test_check_template_command(db):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("reports", "check-template", stdout=out)
    assert "国办公开办函〔2021〕30号，6 个部分，格式正确" in out.getvalue()


def test_template_refuses_a_wrong_row(tmp_path, settings):
    from gongkai.core.errors import DataFileError
    from gongkai.reports.template import read_template, template_path

    text = (
        template_path()
        .read_text(encoding="utf-8")
        .replace("{code: withheld.state_secret,", "{code: withheld.secret,")
    )
    bad = tmp_path / "template.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="applications.rows 的代码必须依次为"):
        read_template(bad)


@pytest.mark.django_db
def test_personal_data_in_the_narrative_blocks_publication(draft, author):
    r = services.edit_narrative(
        actor=author, report=draft, data={"other_matters": "申请人手机13812345678已回访。"}
    )
    assert "“六、其他需要报告的事项”含有个人信息（手机号码），请删除后再发布" in services.validate(r)
    r = services.edit_narrative(
        actor=author, report=draft, data={"other_matters": "咨询电话：0564-3371234。"}
    )
    assert services.validate(r) == []


@pytest.mark.django_db
def test_a_year_is_reported_after_it_ends(draft):
    assert services.validate(draft, today=dt.date(2025, 12, 31)) == ["2025年尚未结束：年度报告在次年编制发布"]
    assert services.validate(draft, today=dt.date(2026, 1, 1)) == []
