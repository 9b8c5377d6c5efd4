"""Running one named staff action: call its service, show its message or the service's refusal, go back."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from gongkai.core.errors import DomainError

Handlers = dict[str, tuple[Callable[[], object], str]]


def run_action(
    request: HttpRequest, handlers: Handlers, action: str, back: HttpResponse | str, **back_kwargs
) -> HttpResponse:
    """`handlers` maps an action name to (the service call, the success message); unknown actions are 404."""
    if action not in handlers:
        raise Http404("没有这个操作")
    run, done = handlers[action]
    try:
        run()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect(back, **back_kwargs)
