"""Public subscription pages (subscribe from any search, confirm, unsubscribe) and the staff delivery log."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from gongkai.core import ratelimit
from gongkai.core.errors import DomainError
from gongkai.core.masking import mask_email
from gongkai.subscriptions import selectors, services, tokens
from gongkai.subscriptions.choices import DeliveryState
from gongkai.subscriptions.forms import SubscriptionForm
from gongkai.subscriptions.models import Subscription
from gongkai.subscriptions.permissions import can_view_delivery_log
from gongkai.subscriptions.query import clean_params, default_name, describe, querystring


@require_http_methods(["GET", "POST"])
def subscription_new(request: HttpRequest) -> HttpResponse:
    """Save the search in the query string as a subscription; a confirmation e-mail goes to the address."""
    params = clean_params(request.GET)
    form = SubscriptionForm(request.POST or None, initial={"name": default_name(params)})
    context = {"form": form, "conditions": describe(params), "querystring": querystring(params)}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with ratelimit.limited("subscriptions", request, data, ["email"]):
                sub = services.create_subscription(
                    actor=request.user if request.user.is_staff else None,
                    email=data["email"],
                    params=params,
                    name=data["name"],
                    send_email=data["send_email"],
                    webhook_url=data["webhook_url"],
                )
        except ratelimit.RateLimited as exc:
            form.add_error(None, exc.message)
            return ratelimit.refused_page(render(request, "subscriptions/new.html", context), exc)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return render(request, "subscriptions/created.html",
                          {"subscription": sub, "days": tokens.CONFIRM_MAX_AGE.days}, status=201)  # fmt: skip
    return render(request, "subscriptions/new.html", context)


@require_http_methods(["GET", "POST"])
def subscription_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what is being confirmed (mail scanners that follow links confirm nothing); POST confirms."""
    try:
        pk, email = tokens.read_confirm_token(token)
    except tokens.BadToken:
        return render(request, "subscriptions/message.html", {"title": "确认链接无效", "text":
                      "确认链接无效或已过期，请重新订阅。"}, status=400)  # fmt: skip
    sub = Subscription.objects.filter(pk=pk, email=email).first()
    if sub is None:
        raise Http404("该订阅不存在")
    if request.method == "POST":
        try:
            sub = services.confirm_subscription(token=token)
        except DomainError as exc:
            return render(request, "subscriptions/message.html", {"title": "无法确认", "text": exc.message},
                          status=400)  # fmt: skip
    context = {"subscription": sub, "conditions": describe(sub.query), "token": token,
               "unsubscribe_url": tokens.unsubscribe_url(sub)}  # fmt: skip
    return render(request, "subscriptions/confirm.html", context)


@csrf_exempt  # RFC 8058 one-click unsubscribe: mail clients POST without a CSRF token; the signed token is the proof
@require_http_methods(["GET", "POST"])
def subscription_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click, no login: the signed link stops the subscription and says so."""
    try:
        sub = services.unsubscribe(token=token)
    except DomainError as exc:
        status = 404 if exc.code == "not_found" else 400
        return render(request, "subscriptions/message.html", {"title": "退订链接无效", "text": exc.message},
                      status=status)  # fmt: skip
    return render(request, "subscriptions/unsubscribed.html", {"subscription": sub})


@login_required
def delivery_log(request: HttpRequest) -> HttpResponse:
    """推送记录: subscriptions and their deliveries, with state, attempts and the last error."""
    if not can_view_delivery_log(request.user):
        raise Http404("页面不存在")
    state = request.GET.get("state") or None
    subscriptions = Paginator(selectors.subscriptions_with_counts(request.user), 50).get_page(
        request.GET.get("spage")
    )
    for sub in subscriptions:
        sub.masked_email = mask_email(sub.email)  # supervisors need the count and state, not the address
    deliveries = Paginator(selectors.deliveries(request.user, state=state), 100).get_page(
        request.GET.get("page")
    )
    context = {
        "subscriptions": subscriptions,
        "deliveries": deliveries,
        "state": state,
        "states": DeliveryState.choices,
    }
    return render(request, "subscriptions/delivery_log.html", context)
