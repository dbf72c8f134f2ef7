"""What the load benchmark's people read off a page: the CSRF token, links, and the fields a
form posts, as a browser would post them. No locust here: importable anywhere."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REVIEW_LINK = re.compile(r'href="/evaluations/(\d+)/review/"')
EDITOR_LINK = re.compile(r'href="/evaluations/(\d+)/"')
VERDICT_FORM = re.compile(
    r'name="fingerprint" value="([^"]*)"><input type="hidden" name="code" value="([^"]*)">'
    r'<input type="hidden" name="message" value="([^"]*)">')


class EditorForm(HTMLParser):
    """The fields ``#editor-form`` posts, as a browser would post them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self._inside = False
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_value: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form" and found.get("id") == "editor-form":
            self._inside = True
        if not self._inside or "name" not in found:
            if tag == "option" and self._select is not None and "selected" in found:
                self._select_value = found.get("value", "")
            return
        if tag == "input" and found.get("type", "text") not in {"file", "submit", "button"}:
            self.fields.append((found["name"], found.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = found["name"], []
        elif tag == "select":
            self._select, self._select_value = found["name"], None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self.fields.append((self._select, self._select_value or ""))
            self._select = None
        elif tag == "form" and self._inside:
            self._inside = False


def editor_fields(page: str) -> list[tuple[str, str]]:
    parser = EditorForm()
    parser.feed(page)
    return parser.fields


def verdict_fields(page: str) -> dict[str, str] | None:
    """The first 确认/排除 form of a review page (without its button), or ``None``."""
    found = VERDICT_FORM.search(page)
    if found is None:
        return None
    fingerprint, code, message = (html.unescape(part) for part in found.groups())
    return {"fingerprint": fingerprint, "code": code, "message": message, "comment": ""}
