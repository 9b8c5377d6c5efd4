"""Response headers (docs/security.md, 响应头): CSP on every HTML page, and with the production settings
(SECURE_COOKIES=1) HSTS, Secure __Host- cookies, nosniff, Referrer-Policy and frame-ancestors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from gongkai.settings import security_settings

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {d.split(" ", 1)[0]: d.split(" ", 1)[1] for d in (p.strip() for p in header.split(";")) if d}


@pytest.mark.parametrize("url", ["/", "/search/", "/staff/login/", "/api/docs"])
def test_html_pages_carry_a_policy_without_inline_script(client, url):
    policy = csp(client.get(url))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert "unsafe" not in " ".join(policy.values())


def test_production_settings_send_hsts_and_secure_cookies(client, publisher):
    values = security_settings({"SECURE_COOKIES": "1"})
    with override_settings(**values):
        response = client.get("/", secure=True)
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert csp(response)["frame-ancestors"] == "'none'"

        login = client.get("/staff/login/", secure=True)
        csrf = login.cookies["__Host-csrftoken"]
        assert csrf["secure"] is True
        assert csrf["httponly"] is True
        signed_in = client.post(
            "/staff/login/",
            {"username": "pub", "password": "pw-for-tests", "csrfmiddlewaretoken": csrf.value},
            secure=True,
        )
        session = signed_in.cookies["__Host-sessionid"]
        assert session["secure"] is True
        assert session["httponly"] is True
        assert session["samesite"] == "Lax"
        assert session["path"] == "/"


def test_without_secure_cookies_there_is_no_hsts():
    assert security_settings({})["SECURE_HSTS_SECONDS"] == 0
    assert security_settings({})["SESSION_COOKIE_SECURE"] is False
    assert security_settings({"SECURE_COOKIES": "1"})["SECURE_HSTS_SECONDS"] == 31536000


def test_the_running_settings_are_the_ones_the_function_gives_for_this_environment():
    for name, value in security_settings().items():
        assert getattr(settings, name) == value, name


TEMPLATE_ROOTS = [settings.BASE_DIR]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)


def page_templates() -> list[Path]:
    # E-mail bodies are not served under the policy; mail clients need inline styles.
    return [
        p
        for root in TEMPLATE_ROOTS
        for p in root.rglob("templates/**/*.html")
        if "/email/" not in p.as_posix()
    ]


def test_no_page_template_has_inline_script_handlers_or_styles():
    templates = page_templates()
    assert len(templates) > 50
    offenders = [
        f"{p.relative_to(settings.BASE_DIR)}: {m.group(0)}"
        for p in templates
        for pattern in (INLINE_SCRIPT, HANDLER, STYLE)
        for m in pattern.finditer(p.read_text())
    ]
    assert offenders == []
