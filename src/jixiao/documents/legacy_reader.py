"""Word 97-2003 (``.doc``) and Excel 97-2003 (``.xls``) reports, converted by LibreOffice.

Only an OLE2 compound file (the real 97-2003 binary format) goes to LibreOffice: converted to
``.docx`` or ``.xlsx`` in a temporary directory
(:func:`~jixiao.documents.office_convert.convert_with_libreoffice`, without network) and read by
the reader of that format. A newer file renamed (a zip) is read by the ``.docx`` or ``.xlsx``
reader directly. HTML, XML or RTF saved under these names is refused unread: LibreOffice would
fetch the images, style sheets and fields they link to. The document keeps the original file's
name and says ``"doc"`` or ``"xls"``. Refused with :class:`InputError`: a missing or empty file,
a file above 100 MB, any other content, LibreOffice missing, a conversion that fails or takes
more than :data:`TIMEOUT` seconds.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from jixiao.documents.docx_reader import read_docx_document
from jixiao.documents.model import Document
from jixiao.documents.office_convert import convert_with_libreoffice
from jixiao.documents.xlsx_reader import read_xlsx_document
from jixiao.io.errors import InputError
from jixiao.io.limits import MB, checked_size

#: Seconds a conversion may take: a long report converts in a few.
TIMEOUT = 120.0
MAX_BYTES = 100 * MB


#: How an OLE2 compound file (Word and Excel 97-2003) begins, and a zip (a newer file renamed).
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
NOT_BINARY = ("：只读取 97-2003 二进制（OLE2）格式；网页、XML 或 RTF 文件请在 Word 或 Excel 中"
              "另存为 .docx 或 .xlsx 后再读取")


def read_doc_document(path: Path) -> Document:
    """The document in the Word 97-2003 file at ``path``."""
    return _converted(path, "docx", "doc", read_docx_document, "不是有效的 Word 97-2003 文档（.doc）文件")


def read_xls_document(path: Path) -> Document:
    """The document in the Excel 97-2003 workbook at ``path``."""
    return _converted(path, "xlsx", "xls", read_xlsx_document, "不是有效的 Excel 97-2003 工作簿（.xls）文件")


def _converted(path: Path, target: str, format: str, reader: Callable[[Path], Document],
               corrupt: str) -> Document:
    file = str(path)
    checked_size(path, MAX_BYTES)
    with path.open("rb") as stream:
        head = stream.read(len(OLE2))
    if head.startswith(ZIP):
        return replace(reader(path), format=format)
    if head != OLE2:  # LibreOffice would read HTML, XML, RTF or any text, and fetch what they link
        raise InputError(corrupt + NOT_BINARY, file=file, english=f"not an OLE2 {format} file")
    with tempfile.TemporaryDirectory(prefix="jixiao-convert-") as directory:
        converted = convert_with_libreoffice(path, target, Path(directory), timeout=TIMEOUT)
        try:
            document = reader(converted)
        except InputError as error:
            raise InputError(error.message, file=file, place=error.place, english=error.english) from None
    return replace(document, file=file, format=format)
