"""An applicant applies online and keeps the tracking code; the handler confirms receipt and asks for a
correction; the applicant corrects on the tracking page; the handler consults a third party, records its
answer and replies 部分公开; the applicant sees the reply with the code — and nothing of anyone else's."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.utils import timezone

from gongkai.applications import services
from gongkai.catalog.models import Jurisdiction
from gongkai.orgs.models import Role
from tests.browser.conftest import login
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.applications import person
from tests.helpers.browser import serious_violations
from tests.helpers.disclosures import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def body():
    return OrganizationFactory(name="六安市公共资源交易中心（浏览器测试）", kind="trading_centre",
                               jurisdiction=Jurisdiction.objects.get(code="341500"),
                               uscc=make_uscc("12", "341500", random.Random(31)))  # fmt: skip


def test_apply_correct_consult_reply_and_track(request, page, browser, live_server, body):
    member(body, Role.HANDLER, "b-handler")
    # Someone else's application at the same body: its text must never show on the applicant's page.
    services.submit_online(organization=body, data=person(applicant_name="李四", id_number="341502198001010012",
                                                         info_title="别人申请的会议纪要", info_description="别人的内容"))  # fmt: skip
    today = timezone.localdate().isoformat()

    # 1. The applicant applies online and gets the tracking code.
    context = browser.new_context(bypass_csp=True, locale="zh-CN", base_url=live_server.url)
    request.addfinalizer(context.close)
    applicant = context.new_page()
    applicant.goto("/applications/new/?jurisdiction=341500")
    applicant.get_by_label("受理机关").select_option(label=body.name)
    applicant.get_by_label("申请人类型").select_option("natural_person")
    applicant.get_by_label("姓名或名称").fill("王小明")
    applicant.get_by_label("证件类型").select_option("passport")
    applicant.get_by_label("证件号码或统一社会信用代码").fill("E12345678")
    applicant.get_by_label("电子邮箱").fill("wxm@example.com")
    applicant.get_by_label("所需信息的名称").fill("老旧小区改造工程评标报告")
    applicant.get_by_label("所需信息的内容描述").fill("请公开老旧小区改造工程的评标报告")
    applicant.get_by_label("提供形式").select_option("electronic")
    applicant.get_by_label("获取方式").select_option("email")
    applicant.get_by_role("button", name="提交申请").click()
    applicant.get_by_role("heading", name="申请已提交").wait_for()
    code = applicant.locator("#tracking-code").inner_text()
    registration_no = applicant.locator("dd code").first.inner_text()
    assert len(code.replace("-", "")) == 16

    # 2. The handler confirms receipt and asks for a correction.
    login(page, "b-handler")
    page.goto("/staff/applications/")
    page.get_by_role("link", name=registration_no).click()
    page.get_by_text("确认收到", exact=True).first.click()  # the <summary>
    page.get_by_label("双方确认日期").fill(today)
    page.get_by_role("button", name="确认收到").click()
    page.get_by_text("已确认收到申请").wait_for()
    page.locator("summary", has_text="告知补正").click()
    page.get_by_label("告知补正日期").fill(today)
    page.get_by_label("补正期限").fill((timezone.localdate() + dt.timedelta(days=14)).isoformat())
    page.get_by_label("需要补正的事项").fill("请写明工程名称和标段")
    page.get_by_role("button", name="告知补正").click()
    page.get_by_text("已登记补正告知").wait_for()

    # 3. The applicant corrects on the tracking page with the code.
    applicant.goto("/applications/track/")
    applicant.get_by_label("查询码").fill(code)
    applicant.get_by_role("button", name="查询").click()
    assert "请写明工程名称和标段" in applicant.content()
    applicant.get_by_label("补正内容").fill("六安市城区老旧小区改造一期工程施工第一标段")
    applicant.get_by_role("button", name="提交补正").click()
    applicant.get_by_text("已提交补正").wait_for()

    # 4. The handler consults a third party, records its answer and replies 部分公开.
    page.reload()
    assert "六安市城区老旧小区改造一期工程施工第一标段" in page.content()
    page.locator("summary", has_text="征求意见").click()
    page.get_by_label("征求对象类型").select_option("third_party")
    page.get_by_label("征求意见对象").fill("某某建设有限公司")
    page.get_by_label("征求意见书送达日期").fill(today)
    page.get_by_role("button", name="征求意见").click()
    page.get_by_text("已登记征求意见").wait_for()
    page.locator("summary", has_text="登记意见").click()
    page.get_by_label("意见", exact=True).select_option("objection")
    page.locator('[id^="answer-"][id$="-answered_on"]').fill(today)  # ids carry the consultation's number
    page.locator('[id^="answer-"][id$="-reasons"]').fill("评标专家打分表涉及商业秘密")
    page.get_by_role("button", name="登记意见").click()
    page.get_by_text("已登记征求意见的答复").wait_for()
    page.locator("summary", has_text="答复").last.click()
    page.get_by_label("答复类型").select_option("partial")
    page.get_by_label("答复内容（事实、理由、获取方式）").fill(
        "提供评标报告正文；专家打分表涉及第三方商业秘密，不予公开。"
    )
    page.get_by_label("答复日期").fill(today)
    page.get_by_role("button", name="答复", exact=True).click()
    page.get_by_text("已答复").first.wait_for()
    assert page.get_by_role("link", name="答复书（.docx）").is_visible()
    page.reload()
    assert serious_violations(page) == []

    # 5. The applicant sees the reply with the code, and nothing of anyone else's.
    applicant.goto("/applications/track/")
    applicant.get_by_label("查询码").fill(code)
    applicant.get_by_role("button", name="查询").click()
    content = applicant.content()
    assert registration_no in content
    assert "部分公开" in content
    assert "专家打分表涉及第三方商业秘密" in content
    assert "60日内申请行政复议" in content
    for foreign in ("别人申请的会议纪要", "李四", "某某建设有限公司"):
        assert foreign not in content
    assert serious_violations(applicant) == []


def test_head_edits_a_letter_template_and_the_letter_uses_it(page, body):
    handler = member(body, Role.HANDLER, "b-handler2")
    member(body, Role.REVIEWER, "b-head")
    today = timezone.localdate()
    app, _code = services.register_offline(actor=handler, organization=body, channel="in_person",
                                           data=person(), submitted_on=today)  # fmt: skip
    services.reply(
        actor=handler, application=app, reply_type="disclosed", text="请到窗口领取。", replied_on=today
    )
    login(page, "b-head")
    page.goto("/staff/applications/letters/")
    section = page.get_by_role("region", name="答复书：救济途径")
    section.get_by_label("文本").fill(
        "如对本答复不服，可在收到本答复之日起60日内向六安市人民政府申请行政复议。"
    )
    section.get_by_role("button", name="保存").click()
    page.get_by_text("已保存“答复书：救济途径”").wait_for()
    assert "本机构第 1 版" in page.get_by_role("region", name="答复书：救济途径").inner_text()
    page.reload()
    assert serious_violations(page) == []
    login(page, "b-handler2")
    page.goto(f"/staff/applications/{app.pk}/letter/reply/")
    assert page.get_by_role("heading", level=1).inner_text() == "政府信息公开申请答复书"
    assert "向六安市人民政府申请行政复议" in page.content()
    assert serious_violations(page) == []
