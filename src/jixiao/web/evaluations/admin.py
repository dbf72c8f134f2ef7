"""The Django admin for tasks (evaluations are edited in the editor, never here)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jixiao.web.evaluations.models import Task


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):  # type: ignore[type-arg]
    list_display = ("title", "year", "scope", "template", "profile", "deadline", "status")
    list_filter = ("year", "status")
