"""The open-contracting data policy page: what the OCDS export publishes, when, and what it withholds and why."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.ocds.mapping import mapping


@require_GET
def ocds_policy(request: HttpRequest) -> HttpResponse:
    context = {
        "stage_table": mapping().stage_table(),
        "ocid_prefix": settings.OCDS_OCID_PREFIX,
        "publisher": settings.OCDS_PUBLISHER_NAME,
        "license_url": settings.OCDS_LICENSE,
    }
    return render(request, "portal/ocds_policy.html", context)
