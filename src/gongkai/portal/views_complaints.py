"""Public pages for complaints (举报): the form (no account, anonymous allowed), the confirmation with the
tracking code shown once, and the complainant's own tracking page. Nothing here shows anyone else's complaint,
internal notes or staff names."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.catalog import selectors as catalog_selectors
from gongkai.complaints import selectors, services
from gongkai.complaints.presenters import tracking_view
from gongkai.complaints.rules import COMPLAINANT_FIELDS, COMPLAINANT_IDENTITY_FIELDS, rules
from gongkai.core import ratelimit
from gongkai.core.errors import DomainError, NotFound
from gongkai.core.params import parse_int
from gongkai.orgs.models import Organization
from gongkai.portal.forms_complaints import ComplaintForm
from gongkai.portal.tracking import private, track_page


def _jurisdiction_and_initial(request: HttpRequest):
    org_id = parse_int(request.GET.get("organization"))
    if org_id is not None:
        org = Organization.objects.select_related("jurisdiction").filter(pk=org_id, active=True).first()
        if org is None:
            raise Http404("没有该单位")
        return org.jurisdiction, {"organization": org.pk}
    code = request.GET.get("jurisdiction", "")
    if not code:
        return None, {}
    try:
        return catalog_selectors.get_jurisdiction(code), {}
    except NotFound as exc:
        raise Http404(exc.message) from exc


@never_cache
@require_http_methods(["GET", "POST"])
def complaint_new(request: HttpRequest) -> HttpResponse:
    jurisdiction, initial = _jurisdiction_and_initial(request)
    if jurisdiction is None:
        return render(request, "portal/complaints/choose.html",
                      {"jurisdictions": catalog_selectors.jurisdictions_with_catalogs()})  # fmt: skip
    form = ComplaintForm(
        request.POST or None,
        initial=initial,
        organizations=selectors.complainable_organizations(jurisdiction),
    )
    context = {"form": form, "jurisdiction": jurisdiction, "categories": rules().categories}
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data.get(k) for k in COMPLAINANT_FIELDS}
        try:
            with ratelimit.limited("complaints", request, data, COMPLAINANT_IDENTITY_FIELDS):
                complaint, code = services.submit_complaint(
                    organization=form.cleaned_data["organization"], data=data
                )
        except ratelimit.RateLimited as exc:
            form.add_error(None, exc.message)
            return ratelimit.refused_page(render(request, "portal/complaints/new.html", context), exc)
        except DomainError as exc:
            for problem in exc.details.get("problems", []):
                form.add_error(
                    problem["field"] if problem["field"] in form.fields else None, problem["message"]
                )
            if not exc.details.get("problems"):
                form.add_error(None, exc.message)
        else:
            return private(render(request, "portal/complaints/submitted.html",
                                   {"complaint": complaint, "tracking_code": code}))  # fmt: skip
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/complaints/new.html", context, status=status)


@never_cache
@require_GET
def complaint_track(request: HttpRequest) -> HttpResponse:
    return track_page(request, "portal/complaints/track.html", selectors.get_by_tracking_code, tracking_view)
