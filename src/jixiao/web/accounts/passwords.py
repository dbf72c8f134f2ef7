"""Password rule beyond Django's own: letters and digits both, as 等级保护 reviews expect."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class MixedCharactersValidator:
    """A password must contain at least one letter and one digit."""

    def validate(self, password: str, user: object = None) -> None:
        if not (any(char.isalpha() for char in password) and any(char.isdigit() for char in password)):
            raise ValidationError("密码须同时包含字母和数字。", code="password_not_mixed")

    def get_help_text(self) -> str:
        return "密码须同时包含字母和数字。"
