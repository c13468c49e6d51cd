"""Read the documents a user hands to "check copy": uploaded files, stdin, or a URL.

`extract_document` picks a reader by file extension (or content type when there is
no extension) and raises only `UnsupportedDocument`, whose message a user can act
on. `load_source` is the CLI's entry point: "-", an http(s) URL, or a file path.
"""

from __future__ import annotations

import codecs
import io
import sys
import zipfile
from pathlib import Path, PurePath
from typing import Iterable, Iterator

from sources.extract import (
    ExtractedText,
    UnitKind,
    extract_html,
    extract_markdown,
    extract_plain,
    join_units,
)
from sources.fetch import fetch_url

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "SUPPORTED_EXTENSIONS",
    "DocumentNotFound",
    "UnsupportedDocument",
    "decode_text",
    "extract_document",
    "extract_docx",
    "load_source",
]

MAX_DOCUMENT_BYTES = 5_000_000
MAX_DOCX_UNZIPPED_BYTES = 50_000_000  # guards against zip bombs disguised as .docx
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_READERS_BY_EXTENSION = {
    ".txt": "plain",
    ".text": "plain",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}
_READERS_BY_MIME = {
    "text/plain": "plain",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    DOCX_MIME: "docx",
}
SUPPORTED_EXTENSIONS = tuple(_READERS_BY_EXTENSION)
_SUPPORTED = ".txt, .md, .html or .docx"
_HINTS = {
    ".pdf": "PDF files cannot be read yet: copy the text from the PDF and paste it instead.",
    ".doc": "Old Word (.doc) files cannot be read: save the file as .docx, or paste the text.",
    ".rtf": "RTF files cannot be read: save the file as .docx, or paste the text.",
    ".odt": "OpenDocument files cannot be read: save the file as .docx, or paste the text.",
}


class UnsupportedDocument(Exception):
    """The input cannot be read as a document; ``message`` says what to do instead."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DocumentNotFound(UnsupportedDocument):
    """load_source was given a path that does not exist."""


# --------------------------------------------------------------------------- text decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, charset: str | None = None, *, name: str = "The file") -> str:
    """Decode a text file: BOM, then the given charset, then UTF-8, then Windows-1252.
    Refuses binary data (NUL bytes) with UnsupportedDocument."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    if b"\0" in data:
        raise UnsupportedDocument(
            f"{name} looks like a binary file, not text. Upload a .txt, .md, .html or "
            ".docx file, or paste the text."
        )
    for encoding in (charset, "utf-8"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


# --------------------------------------------------------------------------- .docx


def _docx_kind(paragraph) -> UnitKind:
    try:
        style = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        style = ""
    lowered = style.lower()
    if lowered.startswith("heading") or lowered in ("title", "subtitle"):
        return "heading"
    if "list" in lowered:
        return "list-item"
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return "list-item"
    if "quote" in lowered:
        return "quote"
    return "paragraph"


def _docx_units(container, cell: bool = False) -> Iterator[tuple[str, UnitKind]]:
    """Paragraphs and table cells in document order (nested tables included)."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen_cells: dict[int, object] = {}  # keeps the elements alive, so ids stay unique
            for row in block.rows:
                for table_cell in row.cells:
                    if id(table_cell._tc) in seen_cells:  # merged cells repeat
                        continue
                    seen_cells[id(table_cell._tc)] = table_cell._tc
                    yield from _docx_units(table_cell, cell=True)
        else:
            yield block.text, ("cell" if cell else _docx_kind(block))


def _check_docx_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _corrupt_docx() from None
    if len(infos) > 2000 or sum(i.file_size for i in infos) > MAX_DOCX_UNZIPPED_BYTES:
        raise UnsupportedDocument(
            "The Word document is too large to read once unpacked. Paste the text instead."
        )


def _too_large(what: str) -> UnsupportedDocument:
    return UnsupportedDocument(
        f"{what} is larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB, the most that can be "
        "checked. Paste the part of the text you want checked instead."
    )


def _corrupt_docx() -> UnsupportedDocument:
    return UnsupportedDocument(
        "The file could not be read as a Word document (.docx): it may be damaged or "
        "not really a .docx file. Open it in Word, save it again as .docx, or paste the text."
    )


def extract_docx(data: bytes) -> ExtractedText:
    """Text of a .docx: Heading/Title styles -> heading, List styles or numbering ->
    list-item, Quote styles -> quote, table cells -> cell, the rest -> paragraph."""
    import docx

    _check_docx_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
        units = list(_docx_units(document))
        title = document.core_properties.title or None
    except UnsupportedDocument:
        raise
    except Exception:  # python-docx raises KeyError, ValueError, lxml errors...
        raise _corrupt_docx() from None
    return join_units(units, title=title)


# --------------------------------------------------------------------------- dispatch


def _reader_for(filename: str, content_type: str | None) -> str:
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in _READERS_BY_EXTENSION:
        return _READERS_BY_EXTENSION[suffix]
    if suffix in _HINTS:
        raise UnsupportedDocument(_HINTS[suffix])
    if not suffix and content_type:
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime in _READERS_BY_MIME:
            return _READERS_BY_MIME[mime]
    shown = f"{suffix} files" if suffix else "Files of this kind"
    raise UnsupportedDocument(
        f"{shown} cannot be checked. Upload a {_SUPPORTED} file, or paste the text."
    )


def _charset_of(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def extract_document(
    filename: str, data: bytes, content_type: str | None = None
) -> ExtractedText:
    """Extract the text of an uploaded file. Raises only UnsupportedDocument."""
    reader = _reader_for(filename, content_type)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _too_large("The file")
    if not data.strip():
        raise UnsupportedDocument("The file is empty. Choose another file, or paste the text.")
    charset = _charset_of(content_type)
    try:
        if reader == "docx":
            return extract_docx(data)
        if reader == "html":
            return extract_html(data, charset=charset)
        text = decode_text(data, charset)
        return extract_markdown(text) if reader == "markdown" else extract_plain(text)
    except UnsupportedDocument:
        raise
    except Exception:  # any parser failure on hostile input is the input's fault
        raise UnsupportedDocument(
            "The file could not be read. Check that it is a valid "
            f"{_SUPPORTED} file, or paste the text."
        ) from None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def load_source(
    source: str, *, allow_hosts: Iterable[str] | str = ()
) -> tuple[str, ExtractedText]:
    """Return (label, extracted text) for the CLI.

    ``"-"`` reads standard input (HTML if it looks like HTML, else plain text);
    ``http://``/``https://`` (or any ``scheme://``) is fetched with fetch_url;
    anything else is a local file read by its extension. Raises FetchError (from
    sources.fetch) or UnsupportedDocument, both with a user-facing ``message``.
    """
    if source == "-":
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise _too_large("Standard input")
        text = decode_text(data, name="Standard input")
        return "stdin", (extract_html(text) if _looks_like_html(text) else extract_plain(text))
    if "://" in source:
        page = fetch_url(source, allow_hosts=allow_hosts)
        if page.content_type == "text/plain":
            extracted = extract_plain(decode_text(page.body, page.charset, name="The page"))
            extracted.url = page.final_url
        else:
            extracted = extract_html(page.body, charset=page.charset, url=page.final_url)
        return page.final_url, extracted
    path = Path(source)
    if not path.exists():
        raise DocumentNotFound(f"There is no file at {source}. Check the path.")
    if not path.is_file():
        raise UnsupportedDocument(f"{source} is not a file. Give the path of a file.")
    _reader_for(path.name, None)  # refuse unsupported types before reading them
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        raise _too_large(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnsupportedDocument(f"{source} could not be read ({exc.strerror}).") from None
    return str(path), extract_document(path.name, data)
