"""A bureau's own Word template, uploaded with a 自评任务: checked in the template sandbox,
inside a child process with its own budget, before it is kept (by its hash) or used."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile

from jixiao.io.errors import InputError
from jixiao.web.evaluations.budget import BudgetExceeded, within_budget
from jixiao.web.evaluations.jobs import files_dir, keep_file, upload_error
from jixiao.web.evaluations.models import StoredFile

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


class TemplateRefused(Exception):
    """The template cannot be used; the Chinese message says why and where."""


def accept_template(received: UploadedFile, template_id: str) -> StoredFile:
    """The uploaded template, kept once checked against the variables of ``template_id``."""
    name = Path(received.name or "模板.docx").name
    if Path(name).suffix.lower() != ".docx":
        raise TemplateRefused(f"{name}：自备模板须为 Word 文档（.docx）")
    if (received.size or 0) > MAX_TEMPLATE_BYTES:
        raise TemplateRefused(f"{name}：模板超过 {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB")
    incoming = files_dir("incoming") / f"template-{secrets.token_hex(16)}.docx"
    with incoming.open("wb") as out:
        for chunk in received.chunks():
            out.write(chunk)
    try:
        within_budget(check_template, str(incoming), template_id, seconds=60)
    except (InputError, BudgetExceeded) as error:
        incoming.unlink(missing_ok=True)
        raise TemplateRefused(upload_error(error, name)) from None
    return keep_file(incoming, name)


def check_template(path_text: str, template_id: str) -> None:
    """Runs in the budgeted child: the template's tags parse in the sandbox and use only the
    variables the task's template offers."""
    from jixiao.render.spec import load_template
    from jixiao.render.user_template import validate_user_template

    validate_user_template(Path(path_text), load_template(template_id).variables)
