"""One page of a list, as every list operation of the API returns it."""

from __future__ import annotations

from collections.abc import Callable
from math import ceil
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from ninja import Field, Schema

Item = TypeVar("Item")


class Page(Schema, Generic[Item]):
    items: list[Item]
    count: int = Field(description="符合条件的总数")
    page: int
    page_size: int
    pages: int

    @classmethod
    def model_parametrized_name(cls, params: tuple[type[Any], ...]) -> str:
        # The schema's name: EvaluationSummaryPage, not Page_EvaluationSummary_.
        return f"{params[0].__name__}Page"


def page_of(listed: QuerySet[Any], page: int, page_size: int, shown: Callable[[Any], dict[str, Any]]
            ) -> dict[str, Any]:
    """Page ``page`` of ``listed`` (in its order), each item as ``shown`` gives it."""
    count = listed.count()
    start = (page - 1) * page_size
    return {"items": [shown(item) for item in listed[start:start + page_size]], "count": count, "page": page,
            "page_size": page_size, "pages": ceil(count / page_size)}
