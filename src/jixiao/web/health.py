"""``/health/``: whether this web process can serve, for a load balancer's or a monitor's probe.

No login, nothing written (no session, no cookie), one round trip to the database.
"""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

PLAIN = "text/plain; charset=utf-8"


@never_cache
@require_safe
def health(request: HttpRequest) -> HttpResponse:
    """``ok`` when the database answers; 503 with a Chinese reason when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("数据库无法连接", status=503, content_type=PLAIN)
    return HttpResponse("ok", content_type=PLAIN)
