"""YAML → raw data and a source map (field path → line), without ever creating a float.

PyYAML's SafeLoader reads ``132.71`` as a binary float, which cannot say whether ``5.00`` had two
decimals and may lose a cent. :class:`WrittenNumberLoader` replaces its number resolvers: a
plain decimal becomes a ``Decimal`` of exactly the written text, a whole number an ``int``; forms
nobody writes in a report (``1.3e2``, ``.inf``, ``.nan``) are refused with their line. Other
YAML 1.1 conversions that would change what was written are switched off: ``0730-1234567``,
``1:30``, ``010`` and ``2024-03-01`` stay text, and ``=`` (the 指标性质) is plain text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from jixiao.findings import Place
from jixiao.io.errors import InputError
from jixiao.numbers import number_problem

FLOAT_TAG = "tag:yaml.org,2002:float"
INT_TAG = "tag:yaml.org,2002:int"
_DROPPED_TAGS = {FLOAT_TAG, INT_TAG, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}
_TEXT_TAG = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_NUMBER_START = list("-+0123456789.")

WHOLE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
"""A whole number as written (no leading zeros: ``0730`` is a code, not a number)."""
DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)")
"""A decimal as written: ``132.71``, ``5.00``, ``.5``."""
NOT_WRITTEN = re.compile(
    r"[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
"""Number forms a report never uses: scientific notation, infinity, not-a-number."""

NOT_WRITTEN_MESSAGE = "金额须按书面写法填写（如 132.71），不能使用科学计数法或 .inf、.nan：“{}”"
MAX_VALUES = 200_000
"""Values (mappings, lists and scalars) a YAML file may expand to, aliases counted each time
they are used: an evaluation has a few thousand; an alias bomb has billions."""

SourceMap = dict[str, Place]


class NotWrittenNumberError(ValueError):
    """A number in a form no report uses, or too long; the loader adds the line."""

    def __init__(self, text: str) -> None:
        super().__init__(number_problem(text) or NOT_WRITTEN_MESSAGE.format(text))


def _construct_whole(loader: yaml.SafeLoader, node: Node) -> int:
    text = str(node.value)
    if not WHOLE.fullmatch(text) or number_problem(text):
        raise NotWrittenNumberError(text)
    return int(text)


def _construct_decimal(loader: yaml.SafeLoader, node: Node) -> Decimal:
    text = str(node.value)
    if not DECIMAL.fullmatch(text) or number_problem(text):
        raise NotWrittenNumberError(text)
    return Decimal(text)


Resolvers = dict[Any, list[tuple[str, re.Pattern[str]]]]


def number_resolvers(base: Resolvers) -> Resolvers:
    """``base`` with YAML 1.1's number, date and ``=`` resolvers replaced by written numbers."""
    ours = [(INT_TAG, WHOLE), (FLOAT_TAG, DECIMAL), (FLOAT_TAG, NOT_WRITTEN)]
    anchored = [(tag, re.compile(f"^(?:{pattern.pattern})$")) for tag, pattern in ours]
    table = {start: [(tag, pattern) for tag, pattern in resolvers if tag not in _DROPPED_TAGS]
             for start, resolvers in base.items()}
    for start in _NUMBER_START:
        table[start] = [*table.get(start, []), *anchored]
    return table


class WrittenNumberLoader(yaml.SafeLoader):
    """SafeLoader whose numbers keep their written text (``Decimal``/``int``, never ``float``)."""

    yaml_implicit_resolvers = number_resolvers(yaml.SafeLoader.yaml_implicit_resolvers)
    yaml_constructors: ClassVar[dict[Any, Any]] = {
        **yaml.SafeLoader.yaml_constructors,
        INT_TAG: _construct_whole,
        FLOAT_TAG: _construct_decimal,
    }


def read_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and the line of every field path."""
    try:
        loader = WrittenNumberLoader(text)
    except ReaderError as error:
        raise _control_character(error, text, file) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError("文件为空", file=file, english="empty file")
        source: SourceMap = {"": _place("", node)}
        return _build(loader, node, "", source, file), source
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, file) from None
    except ReaderError as error:
        raise _control_character(error, text, file) from None
    except yaml.YAMLError:
        raise InputError("YAML 格式错误", file=file, english="YAML error") from None
    except RecursionError:
        raise InputError("YAML 中有循环引用（锚点 & 引用了自身）", file=file,
                         english="recursive YAML alias") from None
    finally:
        loader.dispose()


def _build(loader: WrittenNumberLoader, node: Node, path: str, source: SourceMap,
           file: str) -> Any:
    if len(source) > MAX_VALUES:
        raise InputError(f"YAML 展开后超过 {MAX_VALUES} 个值的上限（锚点和别名 * 重复展开），拒绝读取",
                         file=file, place=_place(path, node), english="YAML expands to too many values")
    if isinstance(node, MappingNode | SequenceNode) and node.tag not in _COLLECTION_TAGS:
        raise InputError(f"不支持的 YAML 标签“{node.tag}”", file=file, place=_place(path, node),
                         english=f"unsupported YAML tag {node.tag}")
    if isinstance(node, MappingNode):
        return _build_mapping(loader, node, path, source, file)
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            item_path = f"{path}[{index}]"
            source[item_path] = _place(item_path, item)
            items.append(_build(loader, item, item_path, source, file))
        return items
    try:
        return loader.construct_object(node, deep=True)
    except NotWrittenNumberError as error:
        raise InputError(str(error), file=file, place=_place(path, node),
                         english="number not in written form") from None


def _build_mapping(loader: WrittenNumberLoader, node: MappingNode, path: str,
                   source: SourceMap, file: str) -> dict[str, Any]:
    loader.flatten_mapping(node)
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        is_text = isinstance(key_node, ScalarNode) and key_node.tag == _TEXT_TAG
        key = str(key_node.value) if is_text else None
        if key is None:
            raise InputError("字段名应为文字", file=file, place=_place(path, key_node),
                             english="mapping key must be text")
        if key in mapping:
            raise InputError(f"字段“{key}”重复", file=file, place=_place(path, key_node),
                             english=f"duplicate key {key}")
        key_path = f"{path}.{key}" if path else key
        source[key_path] = _place(key_path, key_node)
        mapping[key] = _build(loader, value_node, key_path, source, file)
    return mapping


def _place(path: str, node: Node) -> Place:
    return Place(path=path, line=node.start_mark.line + 1)


def _control_character(error: ReaderError, text: str, file: str) -> InputError:
    line = text.count("\n", 0, error.position) + 1
    return InputError(f"文件含不允许的控制字符 U+{error.character:04X}", file=file,
                      place=Place(line=line), english="control character in YAML")


def _syntax_error(error: yaml.MarkedYAMLError, file: str) -> InputError:
    mark = error.problem_mark or error.context_mark
    detail = "；".join(str(text) for text in (error.context, error.problem) if text)
    column = f"第 {mark.column + 1} 列" if mark else ""
    return InputError(f"YAML 格式错误（{column}）：{_syntax_reason(str(error.problem or ''))}"
                      if column else f"YAML 格式错误：{_syntax_reason(str(error.problem or ''))}", file=file,
                      place=Place(line=mark.line + 1) if mark else None,
                      english=f"YAML syntax error: {detail}")


def _syntax_reason(problem: str) -> str:
    """PyYAML's problem in Chinese: what a user typing the file gets wrong."""
    tag = re.search(r"constructor for the tag '([^']*)'", problem)
    if tag:
        return f"不支持的 YAML 标签“{tag.group(1)}”"
    for pattern, reason in _SYNTAX_REASONS:
        if pattern in problem:
            return reason
    return "写法不符合 YAML 格式（请检查缩进、冒号和引号）"


_SYNTAX_REASONS = (
    ("'\\t'", "有制表符：YAML 只能用空格缩进"),
    ("cannot start any token", "有不能作为值开头的字符（如 @、`、%）：请给这个值加上引号"),
    ("mapping values are not allowed", "此处不能写“键: 值”：冒号后的内容请加引号，或检查缩进"),
    ("could not find expected ':'", "缺少冒号“:”，或引号未闭合"),
    ("expected <block end>", "缩进不一致"),
    ("expected <document start>", "缩进不一致，或文件开头多了内容"),
    ("expected ',' or ']'", "方括号列表缺少“,”或“]”"),
    ("expected ',' or '}'", "花括号映射缺少“,”或“}”"),
    ("expected the node content", "缺少值：列表或映射没有写完"),
    ("found undefined alias", "引用了未定义的锚点（*名称）"),
    ("found unexpected end of stream", "文件意外结束：引号或括号未闭合"),
    ("found unknown escape character", "双引号内有未知的转义字符（\\ 后的字符）"),
    ("found duplicate anchor", "锚点（&名称）重复定义"),
    ("expected a comment or a line break", "值后面多了内容：请给整个值加上引号"),
    ("found a tab character", "有制表符：YAML 只能用空格缩进"),
    ("expected alphabetic or numeric character", "锚点或别名的名称无效"),
    ("while constructing", "有 YAML 不能表示为数据的写法"),
)
