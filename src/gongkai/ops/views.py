"""/healthz and /readyz: JSON for load balancers, 200 or 503, no login, no session, never cached."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from gongkai.ops.health import readiness
from gongkai.ops.models import OpsAlert
from gongkai.ops.selectors import is_administrator
from gongkai.ops.services import resolve_alert


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. No database: a database outage must not get every web process killed."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: database, task backlog, search index (see ops/health.py)."""
    ready, report = readiness()
    return JsonResponse({"status": "ready" if ready else "not_ready", **report}, status=200 if ready else 503)


@login_required
@require_POST
def alert_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """An administrator marks an alert as handled (others get 404, as if it did not exist)."""
    if not is_administrator(request.user):
        raise Http404
    alert = get_object_or_404(OpsAlert, pk=pk)
    resolve_alert(alert=alert, actor=request.user)
    messages.success(request, "告警已标记为已处理")
    return redirect("backoffice:dashboard")
