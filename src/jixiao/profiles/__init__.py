"""Scoring profiles as data: one YAML file per region and period in ``profiles/data``."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import ValidationError

from jixiao.profiles.model import (
    ExecutionRule,
    NotApplicablePolicy,
    Profile,
    QualitativeBand,
)

__all__ = [
    "ExecutionRule",
    "NotApplicablePolicy",
    "Profile",
    "ProfileError",
    "QualitativeBand",
    "available_profiles",
    "load_profile",
]


class ProfileError(Exception):
    def __init__(self, profile_id: str, reason: str) -> None:
        self.profile_id = profile_id
        super().__init__(f"评分规则“{profile_id}”：{reason}")


def available_profiles() -> tuple[str, ...]:
    data = resources.files("jixiao.profiles") / "data"
    return tuple(sorted(item.name.removesuffix(".yaml") for item in data.iterdir()
                        if item.name.endswith(".yaml")))


@cache
def load_profile(profile_id: str) -> Profile:
    """The profile named ``profile_id``, read once from its data file."""
    if profile_id not in available_profiles():
        known = "、".join(available_profiles())
        raise ProfileError(profile_id, f"不存在（可用：{known}）")
    text = (resources.files("jixiao.profiles") / "data" / f"{profile_id}.yaml").read_text("utf-8")
    # Weights and cuts are read from their text so no float ever holds them.
    raw = yaml.load(text, Loader=yaml.BaseLoader)
    try:
        return Profile.model_validate(raw)
    except ValidationError as error:
        raise ProfileError(profile_id, str(error)) from None
