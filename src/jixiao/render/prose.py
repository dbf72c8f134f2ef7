"""The prose of a rendered report: paragraphs, and what building them warned about."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph: body text, or a sub-heading (（一）职能职责) when ``sub`` is true."""

    text: str
    sub: bool = False

    def as_dict(self) -> dict[str, str | bool]:
        return {"text": self.text, "sub": self.sub}


@dataclass(frozen=True, slots=True)
class Prose:
    """Paragraphs of a section and the warnings (未填写, stated ≠ computed) met writing them."""

    paragraphs: tuple[Para, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def __add__(self, other: Prose) -> Prose:
        return Prose(self.paragraphs + other.paragraphs, self.warnings + other.warnings)


def body(texts: Iterable[str]) -> tuple[Para, ...]:
    return tuple(Para(text) for text in texts)


def unit_words(text: str) -> tuple[str, ...]:
    """The unit's own text as paragraphs: one per non-blank line, each kept as entered."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def sentence(text: str) -> str:
    """``text`` ending with a full stop unless it already ends with punctuation."""
    text = text.strip()
    return text if not text or text[-1] in "。；;！？!?：:）)" else f"{text}。"
