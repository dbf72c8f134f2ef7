"""The Django admin for reference data: organisations and users."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from jixiao.web.accounts.models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "code", "parent")
    list_filter = ("kind",)
    search_fields = ("name", "code")


@admin.register(User)
class JixiaoUserAdmin(UserAdmin):  # type: ignore[type-arg]
    list_display = ("username", "full_name", "role", "organisation", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("jixiao", {"fields": ("full_name", "role", "organisation")}))  # type: ignore[misc]
