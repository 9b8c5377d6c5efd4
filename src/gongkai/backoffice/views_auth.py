"""Staff sign-in: password (throttled by django-axes), then the second factor (django-otp), and the account
security page where an authenticator is enrolled and recovery codes are shown once (docs/security.md)."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from gongkai.accounts import services
from gongkai.accounts.selectors import (
    authenticator_of,
    has_second_factor,
    recovery_codes_left,
    second_factor_required,
    seconds_until_next_try,
)
from gongkai.backoffice.forms_auth import SecondFactorForm


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


def _with_next(url: str, target: str) -> str:
    return f"{url}?{urlencode({'next': target})}"


class StaffLoginView(LoginView):
    """The password step. django-axes counts failures per user name and address and answers a locked pair with
    backoffice/auth/locked_out.html, whatever the password."""

    template_name = "backoffice/login.html"

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        if has_second_factor(user):
            return HttpResponseRedirect(_with_next(settings.OTP_VERIFY_URL, self.get_success_url()))
        if second_factor_required(user):
            return HttpResponseRedirect(_with_next(settings.OTP_ENROL_URL, self.get_success_url()))
        return response


def _pass(request: HttpRequest, device) -> None:
    # A new session key once the second factor is passed, as after any change of privilege.
    request.session.cycle_key()
    otp_login(request, device)


@never_cache
@login_required
def login_verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the authenticator, or one recovery code."""
    user = request.user
    target = _next(request)
    if user.is_verified():
        return redirect(target)
    if not has_second_factor(user):
        return redirect(_with_next(settings.OTP_ENROL_URL, target))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.check_second_factor(actor=user, token=form.cleaned_data["token"])
        if device is not None:
            _pass(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    f"已使用一个恢复码，还剩 {left} 个。如手机丢失，请在“账户安全”中重新绑定或生成新的恢复码。",
                )
            return redirect(target)
        form.add_error("token", _failure_message(user))
    return render(request, "backoffice/auth/verify.html", {"form": form, "next": target})


def _failure_message(user) -> str:
    message = "验证码不正确或已使用，请输入身份验证器当前显示的6位数字，或一个未用过的恢复码"
    wait = seconds_until_next_try(user)
    # django-otp doubles the wait after each failure; say how long, or a correct code looks refused.
    return f"{message}（请 {wait} 秒后再试）" if wait > 0 else message


def _qr_svg(config_url: str) -> str:
    return segno.make(config_url, error="m").svg_inline(scale=4, border=2, title="身份验证器绑定二维码")


@never_cache
@login_required
def security(request: HttpRequest) -> HttpResponse:
    """账户安全: with an authenticator, its state and new recovery codes; without one, enrolment (QR code and
    key, confirmed by a code), after which the recovery codes are shown this once."""
    user = request.user
    target = _next(request)
    device = authenticator_of(user)
    if device is not None:
        context = {
            "device": device,
            "codes_left": recovery_codes_left(user),
            "required": second_factor_required(user),
        }
        return render(request, "backoffice/auth/security.html", context)
    pending = services.start_enrolment(actor=user)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.confirm_enrolment(actor=user, device=pending, token=form.cleaned_data["token"])
        except services.SecondFactorError as exc:
            form.add_error("token", exc.message)
        else:
            _pass(request, pending)
            return render(request, "backoffice/auth/recovery_codes.html", {"codes": codes, "next": target})
    context = {
        "form": form,
        "next": target,
        "qr": _qr_svg(pending.config_url),
        "secret": b32encode(pending.bin_key).decode().rstrip("="),
        "required": second_factor_required(user),
    }
    return render(request, "backoffice/auth/enrol.html", context)


@never_cache
@login_required
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones stop working), shown this once."""
    try:
        codes = services.regenerate_recovery_codes(actor=request.user)
    except services.SecondFactorError as exc:
        messages.error(request, exc.message)
        return redirect("backoffice:security")
    return render(
        request, "backoffice/auth/recovery_codes.html", {"codes": codes, "next": settings.OTP_ENROL_URL}
    )


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """django-axes' answer to a locked user name and address (AXES_LOCKOUT_CALLABLE): 429, in Chinese, the same
    whether or not the password was right."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "backoffice/auth/locked_out.html", {"cooloff_minutes": minutes}, status=429)
