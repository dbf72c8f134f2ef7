"""The page where users make and revoke their API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from jixiao.web.api.models import DEFAULT_LIFETIME, LIFETIMES, ApiToken


@login_required
@never_cache  # the page that shows a new token must not be kept by any cache
def tokens(request: HttpRequest) -> HttpResponse:
    """The user's tokens; a new one is shown once, on the page that made it."""
    made = ""
    if request.method == "POST":
        name = request.POST.get("name", "").strip()
        days = request.POST.get("days", "")
        if not name or len(name) > 100 or "\x00" in name:
            messages.error(request, "请填写令牌用途（不超过 100 字），以便日后辨认和吊销")
        elif not days.isdigit() or int(days) not in LIFETIMES:
            messages.error(request, "请选择令牌的有效期（" + "、".join(LIFETIMES.values()) + "）")
        else:
            _, made = ApiToken.issue(request.user, name, int(days))
    listed = ApiToken.objects.filter(user=request.user)
    return render(request, "api/tokens.html", {"tokens": listed, "made": made, "lifetimes": LIFETIMES,
                                               "default_lifetime": DEFAULT_LIFETIME})


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, f"已吊销令牌“{token.name}”，使用它的请求将被拒绝")
    return redirect("tokens")
