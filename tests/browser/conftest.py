"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright against Django's live server."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made from test code in the
    # same thread are still synchronous, so allow them.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # Playwright compiles string predicates (wait_for_function) in the page, which the site's CSP (no eval)
    # refuses; the policy itself is checked in test_csp_browser.py, whose pages enforce it.
    context = browser.new_context(locale="zh-CN", base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _rule_data(transactional_db):
    """Transactional tests start from an empty database: load the rules the way an administrator does.

    SQLite has no TRUNCATE, so Django empties tables with DELETE at teardown, which the audit log's
    append-only triggers refuse: they are lifted for that flush and restored for the next test.
    """
    import importlib
    import io

    from django.core.management import call_command
    from django.db import connection

    migration = importlib.import_module("gongkai.core.migrations.0001_audit_log")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for sql in migration.SQLITE_DROP + migration.SQLITE_CREATE:
                cursor.execute(sql)
    call_command("setup", verbosity=0, stdout=io.StringIO())
    yield
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for sql in migration.SQLITE_DROP:
                cursor.execute(sql)


def login(page, username: str, password: str = "pw-for-tests") -> None:
    """Sign in as a person does: password, then the code of an authenticator with a known key (tests/otp.py)."""
    from django.contrib.auth import get_user_model

    from tests.otp import current_code, give_authenticator

    device = give_authenticator(get_user_model().objects.get(username=username))
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/login/verify/**")
    page.get_by_label("验证码或恢复码").fill(current_code(device))
    page.get_by_role("button", name="验证").click()
    page.wait_for_url("**/staff/")
