"""Public pages for applications: the form (no account needed), the confirmation with the tracking code shown
once, and the applicant's own tracking page. Nothing here shows anyone else's application."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.applications import selectors, services
from gongkai.applications.presenters import tracking_view
from gongkai.applications.rules import APPLICANT_FIELDS, APPLICANT_IDENTITY_FIELDS
from gongkai.catalog import selectors as catalog_selectors
from gongkai.core import ratelimit
from gongkai.core.errors import DomainError, NotFound
from gongkai.portal.forms_applications import ApplicationForm
from gongkai.portal.tracking import private, track_page

# The tracking page posts the correction form: see gongkai.portal.tracking.private.
REFERRER = "same-origin"


@never_cache
@require_http_methods(["GET", "POST"])
def application_new(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("jurisdiction", "")
    if not code:
        return render(request, "portal/applications/choose.html",
                      {"jurisdictions": catalog_selectors.jurisdictions_with_catalogs()})  # fmt: skip
    try:
        jurisdiction = catalog_selectors.get_jurisdiction(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    form = ApplicationForm(
        request.POST or None, organizations=selectors.organizations_accepting(jurisdiction)
    )
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data.get(k, "") for k in APPLICANT_FIELDS}
        try:
            with ratelimit.limited("applications", request, data, APPLICANT_IDENTITY_FIELDS):
                app, tracking_code = services.submit_online(
                    organization=form.cleaned_data["organization"], data=data
                )
        except ratelimit.RateLimited as exc:
            form.add_error(None, exc.message)
            return ratelimit.refused_page(render(request, "portal/applications/new.html",
                                       {"form": form, "jurisdiction": jurisdiction}), exc)  # fmt: skip
        except DomainError as exc:
            for problem in exc.details.get("problems", []):
                form.add_error(
                    problem["field"] if problem["field"] in form.fields else None, problem["message"]
                )
            if not exc.details.get("problems"):
                form.add_error(None, exc.message)
        else:
            return private(render(request, "portal/applications/submitted.html",
                                   {"application": app, "tracking_code": tracking_code}), referrer=REFERRER)  # fmt: skip
    return render(request, "portal/applications/new.html", {"form": form, "jurisdiction": jurisdiction})


@never_cache
@require_GET
def application_track(request: HttpRequest) -> HttpResponse:
    return track_page(request, "portal/applications/track.html", selectors.get_by_tracking_code, tracking_view,
                      referrer=REFERRER)  # fmt: skip


@never_cache
@require_POST
def application_correct(request: HttpRequest) -> HttpResponse:
    """The applicant sends the correction asked for, with their tracking code (in the form, never in the URL)."""
    code = request.POST.get("code", "").strip()
    context: dict = {"code": code, "view": None, "not_found": False}
    status = 200
    try:
        services.correct_by_applicant(code=code, correction=request.POST.get("correction", ""))
    except NotFound:
        context["not_found"], status = True, 404
    except DomainError as exc:
        context["correction_error"], status = exc.message, 400
    else:
        context["correction_done"] = True
    if not context["not_found"]:
        context["view"] = tracking_view(selectors.get_by_tracking_code(code), timezone.localdate())
    return private(
        render(request, "portal/applications/track.html", context, status=status), referrer=REFERRER
    )
