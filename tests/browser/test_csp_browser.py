"""The Content-Security-Policy in Chromium: the public and staff pages, htmx swaps, the ECharts dashboard,
the print button, the API docs and the sign-in pages work, and the browser reports no violation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.orgs.models import Role
from tests.browser.conftest import login
from tests.disclosures.fixtures import item, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});
window.__printed = 0;
window.print = function () { window.__printed += 1; };
"""


@pytest.fixture
def watched(browser, live_server):
    """A page that enforces the policy (unlike the shared `page` fixture), with a listener for CSP violations
    and console errors (Chromium also logs violations there)."""
    context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(WATCH)
    page.errors = errors
    yield page
    context.close()


def assert_clean(page, where: str) -> None:
    violations = page.evaluate("window.__csp")
    assert violations == [], f"{where}: {violations}"
    assert page.errors == [], f"{where}: {page.errors}"


def test_the_policy_is_there_and_its_listener_would_see_a_violation(watched):
    response = watched.goto("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The check can fail: an inline script added now is blocked and reported.
    directive = watched.evaluate("""() => new Promise(resolve => {
        document.addEventListener("securitypolicyviolation", e => resolve(e.violatedDirective), {once: true});
        const s = document.createElement("script");
        s.textContent = "window.__ran = 1";
        document.body.appendChild(s);
    })""")
    assert directive.startswith("script-src")
    assert len(watched.evaluate("window.__csp")) == 1
    assert watched.evaluate("window.__ran") is None


def test_public_pages_work_under_the_policy(watched):
    for url in ("/", "/disclosures/", "/search/?q=工程", "/transactions/", "/blacklist/", "/entities/",
                "/reports/", "/applications/new/", "/complaints/new/", "/jurisdictions/341500/catalog/"):  # fmt: skip
        response = watched.goto(url)
        assert response.status == 200, url
        assert_clean(watched, url)
    # htmx: the working-day calculator swaps its result in.
    watched.goto("/workdays/")
    watched.get_by_label("起算日期").fill("2026-02-06")
    watched.get_by_label("工作日数").fill("20")
    watched.get_by_role("button", name="计算").click()
    watched.locator(".due").wait_for()
    assert "2026年3月12日" in watched.locator(".due").inner_text()
    assert_clean(watched, "/workdays/")
    # The API docs (Swagger UI served from the site's static files) render.
    watched.goto("/api/docs")
    watched.locator(".swagger-ui .info").wait_for()
    assert_clean(watched, "/api/docs")


def test_the_oversight_charts_draw_under_the_policy(watched, luan, centre, supervisor_org, monkeypatch):
    from tests.oversight.conftest import make_disclosure

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2026, 1, 15))
    sup = member(supervisor_org, Role.SUPERVISOR, "csp-sup")
    award = item("341500", "construction.award")
    make_disclosure(centre, award, title="逾期未公开的中标结果", due_on=dt.date(2026, 1, 5), user=sup)
    make_disclosure(centre, award, title="按时公开的中标结果", due_on=dt.date(2026, 1, 6),
                    published_on=dt.date(2026, 1, 6), user=sup)  # fmt: skip
    login(watched, "csp-sup")
    assert_clean(watched, "/staff/")
    watched.goto("/staff/oversight/")
    watched.wait_for_selector("#chart-trend svg")
    watched.wait_for_selector("#chart-ranking svg")
    # The tooltip is HTML that ECharts builds with inline styles set through the CSSOM, which CSP allows.
    box = watched.locator("#chart-trend").bounding_box()
    watched.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    watched.mouse.move(box["x"] + box["width"] / 2 + 5, box["y"] + box["height"] / 2 + 5)
    watched.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert_clean(watched, "/staff/oversight/")


def test_masking_with_htmx_and_printing_a_letter_work_under_the_policy(watched, centre, publisher):
    from gongkai.applications import services as applications
    from gongkai.disclosures import services as disclosures
    from tests.applications.conftest import person

    draft = disclosures.create_draft(actor=publisher, organization=centre, item=item("341500", "construction.award"),
                                     data={"title": "六安市某工程中标结果公告", "body": "联系电话：13812345678。",
                                           "formed_on": dt.date(2026, 9, 25), "fields": {}})  # fmt: skip
    login(watched, "pub")
    watched.goto(f"/staff/d/{draft.pk}/")
    findings = watched.locator("#findings")
    assert "手机号码" in findings.inner_text()
    findings.get_by_role("button", name="全部遮蔽").click()
    expect(findings).not_to_contain_text("13812345678")
    assert_clean(watched, "masking")

    handler = member(centre, Role.HANDLER, "csp-handler")
    app, _code = applications.register_offline(actor=handler, organization=centre, channel="in_person",
                                               data=person(), submitted_on=dt.date(2026, 3, 2),
                                               today=dt.date(2026, 3, 2))  # fmt: skip
    applications.reply(actor=handler, application=app, reply_type="disclosed", text="现予公开",
                       replied_on=dt.date(2026, 3, 10), today=dt.date(2026, 3, 10))  # fmt: skip
    watched.get_by_role("button", name="退出").click()
    login(watched, "csp-handler")
    watched.goto(f"/staff/applications/{app.pk}/letter/reply/")
    watched.get_by_role("button", name="打印").click()
    assert watched.evaluate("window.__printed") == 1
    assert watched.evaluate("getComputedStyle(document.querySelector('h1')).textAlign") == "center"
    assert_clean(watched, "letter")


def test_enrolling_an_authenticator_works_under_the_policy(watched, reviewer):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.otp import current_code

    watched.goto("/staff/login/")
    watched.get_by_label("用户名").fill("rev")
    watched.get_by_label("密码").fill("pw-for-tests")
    watched.get_by_role("button", name="登录").click()
    watched.wait_for_url("**/staff/security/**")
    assert watched.locator("figure.qr svg").is_visible()
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    watched.get_by_label("验证码").fill(current_code(device))
    watched.get_by_role("button", name="完成绑定").click()
    assert watched.locator("ul.recovery-codes li").count() == 10
    watched.get_by_role("link", name="我已保存，继续").click()
    watched.wait_for_url("**/staff/")
    assert_clean(watched, "enrolment")
