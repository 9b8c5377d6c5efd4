"""The Django admin, for administrators only: publishers and reviewers are `is_staff` for the back office but
must not reach /admin/ (issue 14). Signing in happens on the staff login page, which throttles attempts and
asks for the second factor; the admin's own login form is not used."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from gongkai.accounts.selectors import is_administrator


class GongkaiAdminSite(admin.AdminSite):
    site_header = site_title = "公开 · 管理后台"
    index_title = "系统管理"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        verified = getattr(user, "is_verified", lambda: False)()
        return is_administrator(user) and verified

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if request.user.is_authenticated:
            # Signed in but not an administrator (or not past the second factor, which the middleware handles
            # first): the admin does not exist for them.
            raise Http404
        target = request.GET.get("next") or reverse("admin:index")
        return HttpResponseRedirect(f"{reverse('backoffice:login')}?{urlencode({'next': target})}")
