"""A recognised report → the :class:`~jixiao.model.Evaluation` it states, with every value's place.

:func:`extract_evaluation` reads what the report's form states (tables of 附件1-3, the figures
and sections of the body) into plain data and a source map (field path → place in
``Document.text``), exactly as the YAML and workbook loaders do. Nothing is computed, corrected
or completed: a field the report does not state stays empty and is listed in ``missing``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from jixiao.documents.model import Document
from jixiao.extract.evaluation.basic import BasicDataReader
from jixiao.extract.evaluation.body import read_departments, read_general_budget, read_staffing
from jixiao.extract.evaluation.fields import Fields, SourceMap, nested, steps
from jixiao.extract.evaluation.finance_text import read_finance_words
from jixiao.extract.evaluation.forms import read_dingcheng, read_finance_form, read_project_year
from jixiao.extract.evaluation.fund_tables import read_fund_tables
from jixiao.extract.evaluation.rows import BASIC_DATA, PROJECT_TABLE, UNIT_TABLE, attachments, project_forms
from jixiao.extract.evaluation.sections import (
    read_fund_sections,
    read_narrative,
    read_results,
    read_title,
    sections,
)
from jixiao.extract.evaluation.sign_off import read_sign_off
from jixiao.extract.evaluation.subsections import read_functions, read_goals
from jixiao.extract.evaluation.tables import AssessmentReader
from jixiao.findings import Place
from jixiao.io.fields import path_text, title_path
from jixiao.model import Evaluation
from jixiao.profiles.forms import forms_without_indicator_weights, prints_indicator_weights
from jixiao.recognise import (
    DINGCHENG,
    NATIONAL_PROJECT,
    YUEYANG_FINANCE,
    YUEYANGLOU,
    Recognition,
    profile_for,
    recognise,
)
from jixiao.render.spec import load_template

REQUIRED = ("year", "unit.name")
PLACEHOLDERS: dict[str, Any] = {"year": 2000, "unit.name": "（未识别）"}
"""Stand-ins for required fields the report does not state, so that the rest can be checked;
an evaluation holding them is never handed out as the report's own."""


@dataclass(frozen=True, slots=True)
class MissingField:
    """A field the form asks for that the report does not state: its path and Chinese title."""

    path: str
    title: str


@cache
def expected_fields(template: str | None) -> tuple[MissingField, ...]:
    """Every field ``template``'s form prints, by the form's own name (the data model's title
    where the template gives none): its ``template.yaml`` ``fields``, the list the renderer is
    tested against, so what import asks for cannot drift from what the form holds. A generic
    report (``None``) is held only to the required fields."""
    if template is None:
        return tuple(MissingField(path, title_path(steps(path))) for path in REQUIRED)
    named = load_template(template).fields
    return tuple(MissingField(path, name or title_path(steps(path))) for path, name in named.items())


@dataclass(frozen=True)
class ExtractedEvaluation:
    """What a report states, as far as it could be read.

    ``data`` is the plain data (what a YAML file of it holds); ``source`` maps each field path
    to its place in ``Document.text``; ``missing`` lists the fields the form asks for that were
    not read; ``evaluation`` is the validated evaluation, ``None`` while a required field
    (年度, 预算单位名称) is missing. ``checkable`` is the same evaluation with stand-ins for those
    required fields, for checking the rest (never to be written out).
    """

    recognition: Recognition
    data: Mapping[str, Any]
    source: Mapping[str, Place]
    evaluation: Evaluation | None
    checkable: Evaluation

    @property
    def template(self) -> str | None:
        """The form the data is of: the one recognised, or the one its tables show it is of (see
        :func:`_form_of_data`); ``None`` for a generic report."""
        return self.checkable.template if self.recognition.template is not None else None

    @cached_property
    def missing(self) -> tuple[MissingField, ...]:
        """The fields the form asks for that were not read, worked out when asked for (import
        asks, an audit does not)."""
        present = _stated_paths(self.source)
        return tuple(field for field in expected_fields(self.template) if field.path not in present)


def extract_evaluation(document: Document, recognition: Recognition | None = None) -> ExtractedEvaluation:
    """Read ``document`` into an evaluation, by the form it is recognised as (a pure function)."""
    recognition = recognition or recognise(document)
    fields = Fields()
    weightless = _read(document, recognition.template, fields)
    template = _form_of_data(recognition.template, weightless=weightless)
    values = dict(fields.values)
    values["template"] = template or YUEYANGLOU
    values["profile"] = profile_for(template)
    absent = {path: PLACEHOLDERS[path] for path in REQUIRED if path not in values}
    checkable, kept, kept_data = _validated(values | absent)
    stand_ins = [path for path in REQUIRED
                 if path in absent or path not in kept or kept[path] != values[path]]
    stated = {path: value for path, value in kept.items() if path not in stand_ins}
    data = kept_data if not stand_ins else nested(stated)  # stated is kept when nothing stands in
    source = SourceMap({path: place for path, place in fields.source.items() if path in stated})
    return ExtractedEvaluation(recognition, MappingProxyType(data), MappingProxyType(source),
                               None if stand_ins else checkable, checkable)


def _form_of_data(recognised: str | None, *, weightless: bool) -> str | None:
    """The form the data read is of: the one recognised, unless its 附件2 printed the indicators
    as a 定量目标 without 分值, which a form with 分值 would refuse; that is the data of the form
    whose table prints none (the attachments workbook jixiao writes for the 财政局 form)."""
    unweighted = forms_without_indicator_weights()
    if weightless and len(unweighted) == 1 and (recognised is None or prints_indicator_weights(recognised)):
        return unweighted[0]
    return recognised


def _read(document: Document, template: str | None, fields: Fields) -> bool:
    """Read what ``template``'s form states into ``fields``; whether its 附件2 printed the
    indicators without 分值."""
    found = sections(document)
    weightless = False
    if template == YUEYANG_FINANCE:
        read_finance_form(document, fields)
        read_finance_words(document, fields)
    elif template == DINGCHENG:
        read_title(document, found, fields)
        read_dingcheng(document, fields)
        read_staffing(document, _paragraphs(found, "basic"), fields)
        read_departments(document, _paragraphs(found, "basic"), fields)
    elif template == NATIONAL_PROJECT:
        read_project_year(document, fields)
    if template in (YUEYANGLOU, NATIONAL_PROJECT):
        weightless = _read_attachments(document, fields)
        read_sign_off(document, fields)
    if template == YUEYANGLOU:
        read_title(document, found, fields)
        read_fund_tables(document, fields)
        body = [*_paragraphs(found, "basic"), *_paragraphs(found, "general")]
        read_staffing(document, body, fields)
        read_departments(document, _paragraphs(found, "basic"), fields)
        read_general_budget(document, found.get("general"), fields)
    if template == YUEYANGLOU:
        read_fund_sections(found, fields)
    if template in (YUEYANGLOU, DINGCHENG):
        read_functions(found, fields)
        read_narrative(found, fields)
        read_results(found, document, fields)
    if template == DINGCHENG:
        read_goals(found, fields)
    return weightless


def _paragraphs(found: Mapping[str, Any], key: str) -> tuple[Any, ...]:
    section = found.get(key)
    return section.paragraphs if section is not None else ()


def _read_attachments(document: Document, fields: Fields) -> bool:
    """附件1-3; whether 附件2 printed its indicators without 分值."""
    weightless = False
    for attachment in attachments(document):
        if attachment.kind == BASIC_DATA:
            BasicDataReader(fields).read(attachment.rows)
        elif attachment.kind == UNIT_TABLE:
            # The workbook's 计算校核 rows name 附件2 again: read as the table it already is.
            reader = AssessmentReader(fields, "self_assessment", project=False, weightless=weightless)
            reader.read(attachment.rows)
            weightless = weightless or reader.weightless
        elif attachment.kind == PROJECT_TABLE:
            for rows in project_forms(attachment.rows):
                path = f"projects[{fields.count('projects')}]"
                AssessmentReader(fields, path, project=True).read(rows)
                if not fields.has(f"{path}.name"):  # the blank form, or a table without its name
                    fields.drop(path)
    _unit_name_from_tables(document, fields)
    return weightless


def _unit_name_from_tables(document: Document, fields: Fields) -> None:
    """预算单位名称 as the attachments print it: exact, unlike a title run into other words."""
    for table in document.tables:
        for row in table.rows:
            if len(row) >= 2 and row[0].text.strip().replace(" ", "") == "预算单位名称" \
                    and (name := row[1].text.strip()):
                fields.put("unit.name", name, row[1].place)
                return


def _validated(values: dict[str, Any]) -> tuple[Evaluation, dict[str, Any], dict[str, Any]]:
    """The evaluation of ``values``, the values kept and their nested data; a value the model
    refuses is dropped (a whole list when it is inside one, so lists stay whole), never guessed."""
    kept = dict(values)
    for _ in range(50):
        try:
            data = nested(kept)
            return Evaluation.model_validate(data), kept, data
        except ValidationError as error:
            refused = {_droppable(path_text(detail["loc"])) for detail in error.errors()}
            remaining = {path: value for path, value in kept.items()
                         if not any(_within(path, bad) for bad in refused)}
            if remaining == kept:
                break
            kept = remaining
    minimal = {path: kept.get(path, PLACEHOLDERS[path]) for path in REQUIRED}
    minimal |= {"template": values["template"], "profile": values["profile"]}
    data = nested(minimal)
    return Evaluation.model_validate(data), minimal, data


def _droppable(path: str) -> str:
    cut = path.find("[")
    return path[:cut] if cut > 0 else path


def _within(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


def _stated_paths(values: Mapping[str, Any]) -> frozenset[str]:
    """Every path a value read is at or under (``a.b[0].c``: ``a``, ``a.b``, ``a.b[0]`` and
    itself): one set for the form's fields to be looked up in, not a scan of every value each."""
    present = set(values)
    for key in values:
        path = _parent(key)
        while path and path not in present:  # a parent already there has its ancestors there,
            present.add(path)                # or they come with its own walk
            path = _parent(path)
    return frozenset(present)


def _parent(path: str) -> str:
    """``a.b[0].c`` → ``a.b[0]`` → ``a.b`` → ``a`` → ``""``."""
    return path[:max(path.rfind("."), path.rfind("["), 0)]
