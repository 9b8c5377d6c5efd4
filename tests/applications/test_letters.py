"""Reply letters and the other letters from editable templates: .docx and a printable page, each with the reply
type, the ground, the facts and the remedies; an organization's own text is versioned in the audit log."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from gongkai.applications import services
from gongkai.applications.models import LetterTemplate
from gongkai.core.audit import history_for
from gongkai.core.errors import DomainError
from tests.helpers.applications import in_person

D = dt.date
REMEDY = "如对本答复不服，可在收到本答复之日起60日内申请行政复议，或6个月内提起行政诉讼。"


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@pytest.fixture
def withheld(luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    return services.reply(actor=handler, application=app, reply_type="withheld", ground="process_information",
                          text="所申请的评标过程记录属于过程性信息。", replied_on=D(2026, 3, 9), today=D(2026, 3, 9))  # fmt: skip


def test_reply_docx_states_type_ground_facts_and_remedy(client, handler, withheld):
    client.force_login(handler)
    response = client.get(f"/staff/applications/{withheld.pk}/letter/reply.docx")
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "政府信息公开申请答复书" in text
    assert "张三：" in text
    assert "本机关决定不予公开" in text
    assert "属于四类过程性信息" in text
    assert "第十六条第二款" in text
    assert "所申请的评标过程记录属于过程性信息。" in text
    assert REMEDY in text
    assert "2026年3月2日收到" in text
    assert "2026年3月9日" in text


def test_reply_printable_page(client, handler, withheld):
    client.force_login(handler)
    page = client.get(f"/staff/applications/{withheld.pk}/letter/reply/").content.decode()
    assert '<html lang="zh-Hans">' in page
    assert REMEDY in page
    assert "不予公开" in page
    assert "data-print" in page  # the print button (static/js/print.js; no inline script under the CSP)


def test_no_letter_before_the_reply(client, luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    client.force_login(handler)
    assert client.get(f"/staff/applications/{app.pk}/letter/reply.docx").status_code == 404


def test_an_organizations_own_text_is_used_and_versioned(client, luan_org, handler, head, withheld):
    with pytest.raises(DomainError):
        services.save_letter_template(actor=handler, organization=luan_org, key="reply.remedy", text="x")
    own = (
        "如不服本答复，可自收到之日起60日内向六安市人民政府申请行政复议，或者6个月内向人民法院提起行政诉讼。"
    )
    client.force_login(head)
    assert client.get("/staff/applications/letters/").status_code == 200
    client.post(
        "/staff/applications/letters/", {"organization": luan_org.pk, "key": "reply.remedy", "text": own}
    )
    client.post("/staff/applications/letters/",
                {"organization": luan_org.pk, "key": "reply.remedy", "text": own + "（特此告知）"})  # fmt: skip
    template = LetterTemplate.objects.get(organization=luan_org, key="reply.remedy")
    assert template.version == 2
    entries = list(history_for(template))
    assert [e.data["version"] for e in entries] == [1, 2]
    assert entries[0].data["old_text"] == REMEDY
    client.force_login(handler)
    text = docx_text(client.get(f"/staff/applications/{withheld.pk}/letter/reply.docx").content)
    assert "向六安市人民政府申请行政复议" in text
    assert REMEDY not in text


def test_unknown_placeholders_are_refused(luan_org, head):
    with pytest.raises(DomainError, match=r"\$\{nam\}"):
        services.save_letter_template(actor=head, organization=luan_org, key="reply.opening", text="${nam}：")


def test_handlers_cannot_open_the_template_page(client, handler):
    client.force_login(handler)
    assert client.get("/staff/applications/letters/").status_code == 404
