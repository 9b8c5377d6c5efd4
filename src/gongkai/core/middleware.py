"""Edge checks that hold for every request, before any view runs."""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import unquote

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

NUL_MESSAGE = "请求地址或查询参数中含有空字符（%00），无法处理"


class RejectNulMiddleware:
    """A NUL character in the path or the query string is never meaningful and breaks PostgreSQL text and XML
    output far from here, so such a request is refused at once: the API answers 422 `{code, message}` like any
    other invalid parameter, pages answer the 400 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            if request.path.startswith("/api/"):
                body = json.dumps({"code": "invalid_request", "message": NUL_MESSAGE}, ensure_ascii=False)
                return HttpResponse(body, status=422, content_type="application/json; charset=utf-8")
            raise BadRequest(NUL_MESSAGE)
        return self.get_response(request)
