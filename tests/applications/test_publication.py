"""Publish in one step: a 予以公开 or 部分公开 reply may also publish the information proactively, through the
disclosures app and its rules (four eyes: the handler's draft goes to review; it is never published by them)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from gongkai.applications import services
from gongkai.applications.models import Application
from gongkai.core.errors import DomainError
from gongkai.disclosures import services as dservices
from gongkai.orgs.models import Role
from gongkai.orgs.services import grant_role
from tests.helpers.applications import in_person
from tests.helpers.disclosures import item, required_fields

D = dt.date


@pytest.fixture
def award(db):
    return item("341500", "construction.award")


def publication(award, fields=True):
    return services.Publication(item=award, title="六安市老旧小区改造工程施工中标结果公告",
                                body="中标人为某某建设有限公司。", formed_on=D(2026, 3, 2),
                                fields=required_fields(award) if fields else None)  # fmt: skip


def test_reply_creates_the_draft_and_submits_it_for_review(client, luan_org, handler, head, award):
    grant_role(user=handler, organization=luan_org, role=Role.PUBLISHER)
    app = in_person(luan_org, handler, D(2026, 3, 2))
    done = services.reply(actor=handler, application=app, reply_type="partial", text="提供中标结果，评标细节不予公开",
                          replied_on=D(2026, 3, 3), publication=publication(award), today=D(2026, 3, 3))  # fmt: skip
    assert done.state == "replied"
    assert done.disclosure.state == "submitted"
    assert done.disclosure.organization_id == luan_org.pk
    assert done.disclosure.created_by_id == handler.pk
    assert "提交保密审查" in done.publication_note
    # the reviewer takes it on through the usual four-eyes steps
    d = dservices.review(actor=head, disclosure=done.disclosure)
    dservices.mask_personal_data(actor=head, disclosure=d)
    d = dservices.approve(actor=head, disclosure=d)
    d = dservices.publish(actor=head, disclosure=d, today=D(2026, 3, 4))
    assert d.state == "published"
    client.force_login(handler)
    page = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert "同时主动公开" in page
    assert "已发布" in page
    text = "\n".join(p.text for p in Document(io.BytesIO(
        client.get(f"/staff/applications/{app.pk}/letter/reply.docx").content)).paragraphs)  # fmt: skip
    assert f"/disclosures/{d.pk}/" in text


def test_without_drafting_rights_nothing_is_replied(luan_org, handler, award):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    with pytest.raises(DomainError, match="信息发布员"):
        services.reply(actor=handler, application=app, reply_type="disclosed", text="公开", replied_on=D(2026, 3, 3),
                       publication=publication(award), today=D(2026, 3, 3))  # fmt: skip
    assert Application.objects.get(pk=app.pk).state == "received"


def test_only_disclosing_replies_publish(luan_org, handler, award):
    grant_role(user=handler, organization=luan_org, role=Role.PUBLISHER)
    app = in_person(luan_org, handler, D(2026, 3, 2))
    with pytest.raises(DomainError, match="予以公开或部分公开"):
        services.reply(actor=handler, application=app, reply_type="withheld", ground="state_secret", text="x",
                       replied_on=D(2026, 3, 3), publication=publication(award), today=D(2026, 3, 3))  # fmt: skip


def test_from_the_page_an_incomplete_record_stays_a_draft(client, luan_org, handler, award, time_machine):
    from zoneinfo import ZoneInfo

    grant_role(user=handler, organization=luan_org, role=Role.PUBLISHER)
    time_machine.move_to(dt.datetime(2026, 3, 3, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    app = in_person(luan_org, handler, D(2026, 3, 2))
    client.force_login(handler)
    response = client.post(f"/staff/applications/{app.pk}/reply/", {
        "reply_type": "disclosed", "text": "予以公开", "replied_on": "2026-03-03", "publish_item": award.pk,
        "publish_title": "六安市某工程中标结果公告", "publish_body": "正文", "publish_formed_on": "2026-03-02",
    }, follow=True)  # fmt: skip
    page = response.content.decode()
    assert "已答复" in page
    assert "已生成主动公开草稿" in page
    app.refresh_from_db()
    assert app.disclosure.state == "draft"
