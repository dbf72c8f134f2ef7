"""The Jinja environment Word templates are rendered in: immutable sandbox, bounded work.

A Word template is code: a finance bureau's own template is run for every unit. It is rendered
in Jinja's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` (no ``_``-attributes, no
mutating methods), with **no globals** (no ``range``, ``lipsum``, ``cycler``, ``joiner``,
``namespace``: the templates need none) and only filters whose output grows at most linearly
with their input (no ``safe``, ``center``, ``indent``, ``wordwrap``, ``tojson``, ``urlize``).

Every operation a template performs is counted against one :class:`Budget` per rendering:

- :data:`MAX_SECONDS` of rendering in all; the clock is read on loop steps, calls, attribute
  and item lookups, operators, filters and every piece of output;
- :data:`MAX_OUTPUT` characters of rendered XML in all;
- :data:`MAX_VALUE` characters or items for any value an operator or filter makes (``'a' * n``,
  ``s ~ s``, ``list + list``, ``'%9999999d'``), checked before the value is made where its size
  can be known in advance;
- :data:`MAX_NUMBER` for any number passed to a call or filter, :data:`MAX_BITS` for integers
  made by ``*`` and ``**``.

A template exceeding one of them raises :class:`TemplateLimitError` naming the limit, from the
place in the template where it happened (its ``lineno``).
"""

from __future__ import annotations

import functools
import re
import string
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any

from jinja2 import nodes
from jinja2.filters import FILTERS
from jinja2.runtime import Context, Macro, markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import pass_eval_context

MAX_SECONDS = 20.0
MAX_OUTPUT = 64 * 1024 * 1024
MAX_VALUE = 1024 * 1024
MAX_NUMBER = 100_000
MAX_BITS = 4096

#: Filters a template may use: each one's output is at most linear in its input.
SAFE_FILTERS = (
    "abs", "attr", "batch", "capitalize", "count", "d", "default", "dictsort", "e", "escape",
    "first", "float", "forceescape", "format", "groupby", "int", "items", "join", "last",
    "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace", "reverse",
    "round", "select", "selectattr", "slice", "sort", "string", "striptags", "sum", "title",
    "trim", "truncate", "unique", "upper", "wordcount",
)
LOOP_FILTER = "jixiao_loop"
CONCAT_FILTER = "jixiao_concat"

_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


class TemplateLimitError(Exception):
    """A template went past one of the sandbox's limits; ``reason`` says which, in Chinese."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.lineno: int | None = None
        super().__init__(reason)


class Budget:
    """The work one rendering may still do: a deadline and the output written so far."""

    def __init__(self, seconds: float = MAX_SECONDS, output: int = MAX_OUTPUT) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.output_left = output
        self.output = output
        self.steps = 0

    def tick(self) -> None:
        """One more step of work; :class:`TemplateLimitError` once past the deadline."""
        self.steps += 1
        if self.steps % 256 == 0 and time.monotonic() > self.deadline:
            raise TemplateLimitError(f"模板运行超过 {self.seconds:g} 秒的上限")

    def write(self, size: int) -> None:
        """``size`` more characters of output."""
        self.tick()
        self.output_left -= size
        if self.output_left < 0:
            raise TemplateLimitError(f"模板生成的内容超过 {self.output // (1024 * 1024)} MB 的上限")


def check_size(size: int) -> None:
    """Refuse a value of more than :data:`MAX_VALUE` characters or items."""
    if size > MAX_VALUE:
        raise TemplateLimitError(f"模板生成的单个值超过 {MAX_VALUE} 个字符（或元素）的上限")


def _check_result(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, dict)):
        check_size(len(value))
    return value


def _check_numbers(args: Iterable[Any]) -> None:
    for value in args:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise TemplateLimitError(f"模板中传给函数或过滤器的数值超过 {MAX_NUMBER} 的上限")


def check_printf(text: str) -> None:
    """A ``%`` format whose widths and precisions are small (no ``*``, none above MAX_NUMBER)."""
    for match in _PRINTF_SPEC.finditer(text):
        _check_widths(match.groups())


def check_format(text: str, depth: int = 0) -> None:
    """A ``str.format`` string whose widths and precisions are small."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return  # the call itself reports the malformed format
    for _, _, spec, _ in fields:
        if spec:
            _check_widths(re.findall(r"\d+", spec))
            if depth < 2:
                check_format(spec, depth + 1)


def _check_widths(widths: Iterable[str | None]) -> None:
    for width in widths:
        if width == "*" or (width and int(width) > MAX_NUMBER):
            raise TemplateLimitError(f"模板中的格式宽度或精度超过 {MAX_NUMBER} 的上限")


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, Sized) and not isinstance(value, (dict, set)) else None


def _check_binop(name: str, left: Any, right: Any) -> None:
    """Refuse before computing an operation whose result would be too large."""
    left_size, right_size = _sized(left), _sized(right)
    if name == "+" and left_size is not None and right_size is not None:
        check_size(left_size + right_size)
    elif name == "*":
        for size, count in ((left_size, right), (right_size, left)):
            if size is not None and isinstance(count, int):
                check_size(size * max(count, 0))
        if isinstance(left, int) and isinstance(right, int):
            _check_bits(left.bit_length() + right.bit_length())
    elif name == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        _check_bits(max(left.bit_length(), 1) * min(right, MAX_BITS + 1))
    elif name == "%" and isinstance(left, str):
        check_printf(left)


def _check_bits(bits: int) -> None:
    if bits > MAX_BITS:
        raise TemplateLimitError(f"模板中的整数超过 {MAX_BITS} 位的上限")


class SandboxedTemplateEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox with no globals, :data:`SAFE_FILTERS` only, every step counted."""

    intercepted_binops = frozenset(("+", "*", "**", "%"))

    def __init__(self, budget: Budget) -> None:
        super().__init__(autoescape=True)
        self.budget = budget
        self.globals.clear()
        self.filters = {name: _guarded(FILTERS[name], budget) for name in SAFE_FILTERS}
        self.filters["replace"] = _guarded(_bounded_replace, budget)
        self.filters["format"] = _guarded(_bounded_format, budget)
        self.filters[LOOP_FILTER] = functools.partial(_counted, budget=budget)
        self.filters[CONCAT_FILTER] = functools.partial(_concat, budget=budget)
        self.template_class = type("BoundedTemplate", (self.template_class,), {"render": _render})
        #: The source text of the template part compiled last (for locating an error).
        self.source = ""

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        self.source = source
        tree = super()._parse(source, name, filename)
        for node in list(tree.find_all((nodes.For, nodes.Concat))):  # one walk of the tree
            if isinstance(node, nodes.For):
                node.iter = nodes.Filter(node.iter, LOOP_FILTER, [], [], None, None, lineno=node.lineno)
            elif isinstance(node, nodes.Concat):
                joined = nodes.Filter(nodes.List(node.nodes, lineno=node.lineno), CONCAT_FILTER,
                                      [], [], None, None, lineno=node.lineno)
                node.nodes = [joined]
        return tree

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.budget.tick()
        if not isinstance(__obj, Macro):
            _check_numbers([*args, *kwargs.values()])
        return _check_result(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Context, operator_name: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        _check_binop(operator_name, left, right)
        return _check_result(super().call_binop(context, operator_name, left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.tick()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and getattr(value, "__name__", "") in ("format", "format_map"):
            check_format(owner)
        return super().wrap_str_format(value)


def _render(self: Any, *args: Any, **kwargs: Any) -> str:
    """Template.render, writing piece by piece against the budget."""
    budget: Budget = self.environment.budget
    context = self.new_context(dict(*args, **kwargs))
    pieces: list[str] = []
    generator = self.root_render_func(context)
    try:
        for piece in generator:
            budget.write(len(piece))
            pieces.append(piece)
    except TemplateLimitError as error:
        frame = generator.gi_frame
        if getattr(error, "lineno", None) is None and frame is not None:
            error.lineno = self.get_corresponding_lineno(frame.f_lineno)
        self.environment.handle_exception()
    except Exception:
        self.environment.handle_exception()
    return "".join(pieces)


def _guarded(function: Callable[..., Any], budget: Budget) -> Callable[..., Any]:
    skipped = 2 if hasattr(function, "jinja_pass_arg") else 1  # the context, the value

    @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget.tick()
        _check_numbers([*args[skipped:], *kwargs.values()])
        return _check_result(function(*args, **kwargs))

    return guarded


def _counted(values: Any, budget: Budget) -> Iterator[Any]:
    """A loop's items, one step of the budget each."""
    for value in values:
        budget.tick()
        yield value


def _concat(pieces: list[Any], budget: Budget) -> Any:
    """``a ~ b``, refused when the joined text would be too long."""
    budget.tick()
    texts = [piece if hasattr(piece, "__html__") else str(piece) for piece in pieces]
    check_size(sum(len(text) for text in texts))
    return markup_join(texts)


@pass_eval_context
def _bounded_replace(eval_context: Any, value: str, old: str, new: str, count: int | None = None) -> str:
    text = str(value)
    occurrences = len(text) + 1 if not old else text.count(str(old))
    if count is not None:
        occurrences = min(occurrences, max(count, 0))
    check_size(len(text) + occurrences * max(len(str(new)) - len(str(old)), 0))
    replace: Callable[..., str] = FILTERS["replace"]
    return replace(eval_context, value, old, new, count)


def _bounded_format(value: str, *args: Any, **kwargs: Any) -> str:
    check_printf(str(value))
    format_filter: Callable[..., str] = FILTERS["format"]
    return format_filter(value, *args, **kwargs)
