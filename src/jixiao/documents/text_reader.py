"""Plain-text reports (``.txt``) in any common encoding, read into a :class:`Document`.

The bytes are decoded as UTF-16 when they start with its byte-order mark, else as UTF-8 (with
or without BOM), else as GB18030, which covers GBK and GB2312. Bytes that are none of these,
or that hold NUL or other control characters, are not a text file: :class:`InputError`; so is
a file above 20 MB (:data:`MAX_BYTES`, checked before it is read).
Line ends become ``"\\n"``; nothing else is changed (full-width digits stay full-width), so
offsets index the characters as written. Tables are rebuilt by
:func:`~jixiao.documents.flat_tables.parse_flat_text`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from jixiao.documents.flat_tables import parse_flat_text
from jixiao.documents.model import Document
from jixiao.findings import Place
from jixiao.io.errors import InputError, os_reason
from jixiao.io.limits import MB, checked_size

FORMAT = "text"
MAX_BYTES = 20 * MB
ENCODINGS = ("utf-8-sig", "gb18030")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control characters other than TAB, LF, VT, FF and CR never occur in a text file.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def read_text_document(path: Path) -> Document:
    """The document in the text file at ``path``; :class:`InputError` if it is missing,
    empty or not text."""
    file = str(path)
    checked_size(path, MAX_BYTES)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"无法读取文件：{os_reason(error)}", file=file,
                         english="cannot read file") from None
    text = decode_text(data, file).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("文件为空", file=file, english="empty file")
    return Document(file=file, format=FORMAT, blocks=parse_flat_text(text), text=text)


def decode_text(data: bytes, file: str | None = None) -> str:
    """The text of ``data`` in the first encoding that decodes it (see the module docstring)."""
    text = _decoded(data)
    if text is None:
        raise InputError("文件不是文本文件：既不是 UTF-8 也不是 GB18030（GBK）编码", file=file,
                         english="not a text file: neither UTF-8 nor GB18030")
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise InputError(f"文件不是文本文件：含有控制字符 U+{ord(control.group()):04X}",
                         file=file, place=Place(line=line), english="not a text file: binary data")
    return text


def _decoded(data: bytes) -> str | None:
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
