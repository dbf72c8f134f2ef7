"""Template filters of the web pages: display only, no arithmetic beyond rounding to show."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from jixiao.io.fields import title_path
from jixiao.web.evaluations import editor, paths
from jixiao.web.evaluations.presenting import shown

register = template.Library()


@register.filter
def get(mapping: Any, key: str) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def points(value: Decimal | None) -> str:
    """A computed score or rate, half up to two decimals."""
    return shown(value)


@register.filter
def dom_id(path: str) -> str:
    return editor.dom_id(path)


@register.filter
def field_title(path: str) -> str:
    try:
        return title_path(paths.steps(path)) or path
    except (KeyError, AttributeError, TypeError):
        return path
