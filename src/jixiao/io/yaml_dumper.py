"""Evaluation → YAML text that reads back to an equal evaluation.

Numbers are written as plain scalars with their written decimals (``132.71``, ``5.00``),
percentages as numbers without ``%``, Chinese unescaped, multi-line text as ``|`` blocks. Text
that :class:`~jixiao.io.yaml_loader.WrittenNumberLoader` would read as a number (``"32"``,
``"1.3e2"``) is quoted.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

import yaml

from jixiao.io.plain import ALWAYS_WRITTEN, plain_data
from jixiao.io.yaml_loader import FLOAT_TAG, INT_TAG, Resolvers, number_resolvers
from jixiao.model import Evaluation


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    return dumper.represent_scalar(FLOAT_TAG if "." in text else INT_TAG, text)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _quoting_resolvers() -> Resolvers:
    table = {start: list(resolvers)
             for start, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()}
    for start, resolvers in number_resolvers({}).items():
        table[start] = [*table.get(start, []), *resolvers]
    return table


class WrittenNumberDumper(yaml.SafeDumper):
    """SafeDumper that writes ``Decimal`` as written and quotes text that looks like a number.

    Its resolvers are YAML 1.1's plus the loader's, so a string is quoted whenever either a
    standard YAML reader or jixiao's loader would take it for something else.
    """

    yaml_implicit_resolvers = _quoting_resolvers()
    yaml_representers: ClassVar[dict[Any, Any]] = {
        **yaml.SafeDumper.yaml_representers,
        Decimal: _represent_decimal,
        str: _represent_text,
    }


def dump_yaml(evaluation: Evaluation) -> str:
    """The evaluation as YAML: non-default fields only, numbers as written, Chinese unescaped."""
    data = plain_data(evaluation, keep=ALWAYS_WRITTEN)
    return yaml.dump(data, Dumper=WrittenNumberDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
