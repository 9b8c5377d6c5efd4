"""The second factor, enforced for every request (installed after django_otp's OTPMiddleware)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from gongkai.accounts.selectors import has_second_factor, second_factor_required

PROTECTED_PREFIXES = ("/staff/", "/admin/")


class SecondFactorMiddleware:
    """A signed-in user who has an authenticator, or whose role requires one, and whose session has not passed
    it yet is sent to the code page (or, with no authenticator yet, to the enrolment page) from any staff or
    admin URL, and is anonymous everywhere else. Password alone never reaches a staff page.

    Sessions that passed the factor cost nothing here; django-otp's middleware has already found their device.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():
            if has_second_factor(user):
                target, allowed = settings.OTP_VERIFY_URL, (settings.LOGIN_URL, settings.LOGOUT_URL)
            elif second_factor_required(user):
                target = settings.OTP_ENROL_URL
                allowed = (settings.LOGIN_URL, settings.LOGOUT_URL, settings.OTP_ENROL_URL)
            else:
                return self.get_response(request)
            path = request.path_info
            if path.startswith(allowed):
                return self.get_response(request)
            if path.startswith(PROTECTED_PREFIXES):
                return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
            request.user = AnonymousUser()
        return self.get_response(request)
