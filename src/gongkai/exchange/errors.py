"""Every error the API answers is the documented JSON `{code, message[, details]}` with a Chinese message: domain
errors, missing or bad tokens, request bodies that are not JSON, parameters that do not validate (each named with
what is wrong in Chinese), unknown records and methods. Nothing falls through to ninja's `{"detail": …}`."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from gongkai.core.errors import DomainError

# Where ninja says a value came from; the field's own name is what a client needs to see.
_SOURCES = {"query", "path", "body", "header", "cookie", "form", "file"}

# Pydantic error types → Chinese, formatted with the error's context (ge, max_length, …).
_MESSAGES = {
    "missing": "必须提供",
    "date_parsing": "应为有效日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为有效日期（YYYY-MM-DD）",
    "date_from_datetime_inexact": "应为有效日期（YYYY-MM-DD），不含时间",
    "date_type": "应为有效日期（YYYY-MM-DD）",
    "datetime_parsing": "应为有效的日期时间",
    "datetime_from_date_parsing": "应为有效的日期时间",
    "datetime_type": "应为有效的日期时间",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "int_parsing_size": "数值过大",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "finite_number": "应为有限的数字",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "decimal_max_digits": "数字位数过多（最多 {max_digits} 位）",
    "decimal_max_places": "小数位数过多（最多 {decimal_places} 位）",
    "decimal_whole_digits": "整数部分位数过多",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文本",
    "string_unicode": "应为有效的 Unicode 文本",
    "string_too_long": "最多 {max_length} 个字符",
    "string_too_short": "至少 {min_length} 个字符",
    "string_pattern_mismatch": "格式不正确",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "不能大于 {le}",
    "too_long": "最多 {max_length} 项",
    "too_short": "至少 {min_length} 项",
    "list_type": "应为列表",
    "dict_type": "应为 JSON 对象",
    "model_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
    "literal_error": "应为以下取值之一：{expected}",
    "enum": "应为以下取值之一：{expected}",
    "json_invalid": "不是有效的 JSON",
    "json_type": "不是有效的 JSON",
    "extra_forbidden": "不是可接受的字段",
    "none_required": "应为空",
}

_HTTP = {
    400: ("bad_request", "请求有误"),
    401: ("unauthorized", "缺少或无效的接口令牌（Authorization: Bearer …）"),
    403: ("forbidden", "无权进行此操作"),
    404: ("not_found", "请求的资源不存在"),
    405: ("method_not_allowed", "不支持该请求方法"),
    409: ("conflict", "与当前状态冲突"),
    413: ("payload_too_large", "请求体过大"),
    415: ("unsupported_media_type", "请求体格式不受支持，请使用 application/json"),
    429: ("too_many_requests", "请求过于频繁，请稍后再试"),
}


class NulInBody(ValueError):
    """A JSON body with a NUL character in a string: never meaningful, and PostgreSQL cannot store it."""


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class StrictJSONParser(Parser):
    """ninja's JSON parser, refusing NUL characters anywhere in the body."""

    def parse_body(self, request: HttpRequest) -> Any:
        data = super().parse_body(request)
        if _has_nul(data):
            raise NulInBody("请求体中含有空字符（\\u0000），无法处理")
        return data


def field_name(loc: tuple | list, *, body_param: bool) -> str:
    """`("body", "payload", "formed_on")` → `formed_on`: the source and the body's parameter name are dropped."""
    parts = [str(x) for x in loc]
    if parts and parts[0] in _SOURCES:
        source = parts.pop(0)
        if source == "body" and body_param and len(parts) > 1:
            parts.pop(0)
    return ".".join(parts)


def chinese_message(error: dict[str, Any]) -> str:
    """One pydantic error in Chinese; a `value_error` raised by our own validators carries its Chinese text."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error") or error.get("msg") or "")
        return text.removeprefix("Value error, ").removeprefix("Assertion failed, ") or "取值无效"
    template = _MESSAGES.get(kind)
    if template is None:
        return "取值无效"
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return template.split("{")[0].rstrip("（：") or "取值无效"


def validation_problems(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Each pydantic error as `{field, message}`; an error about the whole body has the field "" (请求体)."""
    problems = []
    for err in errors:
        loc = [str(x) for x in err.get("loc") or ()]
        if len(loc) == 2 and loc[0] == "body":
            missing = err.get("type") == "missing"
            problems.append(
                {"field": "", "message": "缺少请求体（JSON 对象）" if missing else "请求体应为 JSON 对象"}
            )
        else:
            problems.append({"field": field_name(loc, body_param=True), "message": chinese_message(err)})
    return problems


def install(api: NinjaAPI) -> None:
    """Register the handlers on `api`, replacing ninja's defaults for HttpError, ValidationError and Http404."""

    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        body: dict[str, Any] = {"code": exc.code, "message": exc.message}
        if exc.details:
            body["details"] = exc.details
        response = respond(request, exc.status, body)
        for name, value in getattr(exc, "headers", {}).items():  # Retry-After on 429 (core/ratelimit.py)
            response[name] = value
        return response

    @api.exception_handler(AuthenticationError)
    def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        code, message = _HTTP[401]
        return respond(request, 401, {"code": code, "message": message})

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code, message = _HTTP.get(exc.status_code, ("error", "请求未能完成"))
        if exc.status_code == 400 and isinstance(exc.__cause__, NulInBody):
            code, message = "invalid_json", str(exc.__cause__)
        elif exc.status_code == 400 and str(exc.message).startswith("Cannot parse request body"):
            code, message = "invalid_json", "请求体不是有效的 JSON"
        return respond(request, exc.status_code, {"code": code, "message": message})

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        text = exc.args[0] if exc.args and isinstance(exc.args[0], str) else ""
        has_chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
        return respond(request, 404, {"code": "not_found", "message": text if has_chinese else _HTTP[404][1]})

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        problems = validation_problems(list(exc.errors))
        parts = [f"{p['field']}：{p['message']}" if p["field"] else p["message"] for p in problems]
        return respond(
            request,
            422,
            {
                "code": "invalid_request",
                "message": "请求参数有误：" + "；".join(parts),
                "details": {"problems": problems},
            },
        )
