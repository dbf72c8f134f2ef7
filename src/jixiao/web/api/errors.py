"""One error envelope for every failure under ``/api/``:
``{"error": {"code": "...", "message": "中文说明", "details": [...]}}``, never a traceback or
an HTML page."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from jixiao.web.evaluations.services import ActionRefused, InvalidData, StaleVersion

logger = logging.getLogger(__name__)


class ErrorDetail(Schema):
    """One thing wrong with the request: where (field path) and what."""

    loc: list[str | int]
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail]


class ErrorEnvelope(Schema):
    error: ErrorBody


ERROR_STATUSES = (400, 401, 403, 404, 409, 422, 500)
ERROR_RESPONSES: dict[int, type[ErrorEnvelope]] = dict.fromkeys(ERROR_STATUSES, ErrorEnvelope)
"""Declared for every operation, so a client (and the schema test) knows every failure's shape."""


def responses(status: int, schema: Any) -> dict[int, Any]:
    """An operation's declared answers: ``schema`` on success, the envelope on every failure."""
    return {status: schema, **ERROR_RESPONSES}


DOWNLOAD = {"responses": {200: {"description": "文件", "content": {
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}
"""The success of an operation that answers with a file (``openapi_extra``)."""

CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 422: "invalid", 500: "internal_error"}
MESSAGES = {
    400: "请求格式有误",
    401: "未登录或令牌无效：请在请求头 Authorization 中提供 Bearer 令牌",
    403: "您无权进行此操作",
    404: "没有找到，或您无权查看",
    405: "此地址不支持该请求方法",
    409: "操作与当前状态冲突",
    422: "请求内容有误",
    500: "系统内部出错，请稍后重试或联系管理员",
}


class Unprocessable(Exception):
    """A request the API understood but cannot act on (a file it cannot read, …); the Chinese
    message says why."""


def envelope(status: int, message: str = "", *, code: str = "", details: list[dict[str, Any]] | None = None
             ) -> JsonResponse:
    body = {"code": code or CODES.get(status, "error"), "message": message or MESSAGES.get(status, ""),
            "details": details or []}
    return JsonResponse({"error": body}, status=status, json_dumps_params={"ensure_ascii": False})


def _validation_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"loc": [part for part in error.get("loc", ()) if isinstance(part, str | int)],
             "message": str(error.get("msg", ""))} for error in errors]


def install(api: NinjaAPI) -> None:
    """Every exception the API can meet, answered in the envelope."""

    def handle(kind: type[Exception]):  # type: ignore[no-untyped-def]
        return api.exception_handler(kind)

    @handle(ValidationError)
    def invalid_request(request: HttpRequest, error: ValidationError) -> HttpResponse:
        return envelope(422, "请求参数有误：请按 details 所列修改", details=_validation_details(error.errors))

    @handle(InvalidData)
    def invalid_data(request: HttpRequest, error: InvalidData) -> HttpResponse:
        details = [{"loc": [path], "message": message} for path, messages in error.problems.items()
                   for message in messages]
        return envelope(422, str(error), code="invalid_data", details=details)

    @handle(Unprocessable)
    def unprocessable(request: HttpRequest, error: Unprocessable) -> HttpResponse:
        return envelope(422, str(error), code="refused")

    @handle(AuthenticationError)
    def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        return envelope(401)

    @handle(HttpError)
    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        if error.status_code == 403 and "CSRF" in error.message:
            return envelope(403, "CSRF 校验未通过：浏览器会话中的请求须带 X-CSRFToken 请求头", code="csrf")
        return envelope(error.status_code if error.status_code in CODES else 400)

    @handle(Http404)
    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        return envelope(404)

    @handle(PermissionDenied)
    def forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
        return envelope(403, str(error) or MESSAGES[403])

    @handle(StaleVersion)
    def stale(request: HttpRequest, error: StaleVersion) -> HttpResponse:
        return envelope(409, str(error), code="version_conflict")

    @handle(ActionRefused)
    def refused(request: HttpRequest, error: ActionRefused) -> HttpResponse:
        return envelope(409, str(error), code="refused")

    @handle(SuspiciousOperation)
    def suspicious(request: HttpRequest, error: SuspiciousOperation) -> HttpResponse:
        return envelope(400)

    @handle(MultiPartParserError)
    def malformed_upload(request: HttpRequest, error: MultiPartParserError) -> HttpResponse:
        return envelope(400, "上传的内容不是有效的 multipart/form-data：请检查文件上传的请求格式")

    @handle(Exception)
    def internal(request: HttpRequest, error: Exception) -> HttpResponse:
        logger.exception("API %s %s failed", request.method, request.path)
        return envelope(500)


class EnvelopeMiddleware:
    """Under /api/, a failure answered outside the API's own handlers (a URL no operation
    matches, a method an address does not take, Django's error pages) is answered in the
    envelope as well."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (request.path.startswith("/api/") and response.status_code >= 400
                and not response.get("Content-Type", "").startswith("application/json")):
            replaced = envelope(response.status_code)
            if response.has_header("Allow"):
                replaced["Allow"] = response["Allow"]
            return replaced
        return response
