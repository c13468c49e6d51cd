"""Read the documents a user hands to "check copy": uploaded or local files.

`extract_document` picks a reader by file extension (or content type when there is
no extension) and raises only `UnsupportedDocument`, whose message a user can act
on. Front ends do not call it directly: `sources.intake` is the one entry point.
"""

from __future__ import annotations

import codecs
import io
import time
import zipfile
from pathlib import PurePath

from sources.extract import (
    ExtractedText,
    UnitKind,
    extract_html,
    extract_markdown,
    extract_plain,
    join_units,
)
from kb.limits import CHECK_MAX_CHARS, int_limit, limit

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "SUPPORTED_EXTENSIONS",
    "DocumentNotFound",
    "UnsupportedDocument",
    "decode_text",
    "extract_document",
    "extract_docx",
    "reader_for",
]

MAX_DOCUMENT_BYTES = int_limit("DOCUMENT_MAX_BYTES")
MAX_DOCX_UNZIPPED_BYTES = int_limit("DOCX_MAX_UNZIPPED_BYTES")  # guards against zip bombs disguised as .docx
MAX_DOCX_ELEMENTS = int_limit("DOCX_MAX_ELEMENTS")
EXTRACT_MAX_SECONDS = limit("EXTRACT_MAX_SECONDS")
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


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_PARTS = ("word/document.xml", "word/styles.xml", "docProps/core.xml")


class _Budget:
    """The bounds on reading one .docx: unpacked bytes, XML elements and wall time (docs/limits.md)."""

    def __init__(self) -> None:
        self.bytes_left = MAX_DOCX_UNZIPPED_BYTES
        self.elements_left = MAX_DOCX_ELEMENTS
        self.deadline = time.monotonic() + EXTRACT_MAX_SECONDS

    def spend_bytes(self, n: int) -> None:
        self.bytes_left -= n
        if self.bytes_left < 0:
            raise _docx_too_large()

    def spend_element(self) -> None:
        self.elements_left -= 1
        if self.elements_left < 0 or (self.elements_left % 4096 == 0 and time.monotonic() > self.deadline):
            raise UnsupportedDocument(
                "The Word document is too complex to read in time. Paste the text you want checked instead.")


class _MeteredReader(io.RawIOBase):
    """A zip member stream that counts what it really inflates (a zip's declared sizes can lie)."""

    def __init__(self, stream, budget: _Budget) -> None:
        self._stream, self._budget = stream, budget
        self._head = True

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._stream.read(min(len(buffer), 1 << 16))
        if self._head:  # Word never writes a DOCTYPE; refusing it rules out entity tricks outright
            self._head = False
            if b"<!DOCTYPE" in chunk[:4096].upper():
                raise _corrupt_docx()
        self._budget.spend_bytes(len(chunk))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _iterparse(archive: zipfile.ZipFile, name: str, budget: _Budget, tags: tuple[str, ...] | None = None):
    from lxml import etree

    stream = io.BufferedReader(_MeteredReader(archive.open(name), budget))
    return etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                           load_dtd=False, huge_tree=False, tag=tags)


def _style_names(archive: zipfile.ZipFile, budget: _Budget) -> dict[str, str]:
    """styleId -> lower-case style name, so a paragraph's kind is one dict lookup."""
    if "word/styles.xml" not in archive.namelist():
        return {}
    names: dict[str, str] = {}
    style_id = None
    for event, el in _iterparse(archive, "word/styles.xml", budget):
        budget.spend_element()
        if event == "start" and el.tag == _W + "style":
            style_id = el.get(_W + "styleId")
        elif event == "end" and el.tag == _W + "name" and style_id:
            names[style_id] = (el.get(_W + "val") or "").lower()
        elif event == "end" and el.tag == _W + "style":
            el.clear()
    return names


def _kind_of(style: str, numbered: bool) -> UnitKind:
    if style.startswith("heading") or style in ("title", "subtitle"):
        return "heading"
    if "list" in style or numbered:
        return "list-item"
    if "quote" in style:
        return "quote"
    return "paragraph"


def _docx_title(archive: zipfile.ZipFile, budget: _Budget) -> str | None:
    if "docProps/core.xml" not in archive.namelist():
        return None
    for event, el in _iterparse(archive, "docProps/core.xml", budget):
        budget.spend_element()
        if event == "end" and el.tag == "{http://purl.org/dc/elements/1.1/}title":
            return (el.text or "").strip() or None
    return None


def _docx_units(archive: zipfile.ZipFile, budget: _Budget, max_chars: int) -> tuple[list[tuple[str, UnitKind]], bool]:
    """Paragraphs and table cells in document order, streamed: memory stays flat whatever the size.

    Stops (and says so) once the paragraphs read hold more than `max_chars` characters.
    """
    styles = _style_names(archive, budget)
    units: list[tuple[str, UnitKind]] = []
    paragraphs: list[dict] = []  # a stack: text boxes put paragraphs inside paragraphs
    cells = 0
    total = 0
    for event, el in _iterparse(archive, "word/document.xml", budget):
        budget.spend_element()
        tag = el.tag
        if event == "start":
            if tag == _W + "p":
                paragraphs.append({"parts": [], "style": "", "numbered": False, "cell": cells > 0})
            elif tag == _W + "tc":
                cells += 1
            continue
        if tag == _W + "t" and paragraphs:
            paragraphs[-1]["parts"].append(el.text or "")
        elif tag in (_W + "tab", _W + "br", _W + "cr") and paragraphs:
            paragraphs[-1]["parts"].append(" ")
        elif tag == _W + "pStyle" and paragraphs:
            paragraphs[-1]["style"] = styles.get(el.get(_W + "val") or "", (el.get(_W + "val") or "").lower())
        elif tag == _W + "numPr" and paragraphs:
            paragraphs[-1]["numbered"] = True
        elif tag == _W + "tc":
            cells -= 1
        elif tag == _W + "p" and paragraphs:
            para = paragraphs.pop()
            text = "".join(para["parts"])
            units.append((text, "cell" if para["cell"] else _kind_of(para["style"], para["numbered"])))
            total += len(text)
            el.clear()
            if total > max_chars:
                return units, True
        elif tag == _W + "body":
            break
    return units, False


def _check_docx_zip(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > 2000 or sum(i.file_size for i in infos if i.filename in _DOCX_PARTS) > MAX_DOCX_UNZIPPED_BYTES:
        raise _docx_too_large()
    if "word/document.xml" not in archive.namelist():
        raise _corrupt_docx()


def _docx_too_large() -> UnsupportedDocument:
    return UnsupportedDocument("The Word document is too large to read once unpacked. Paste the text instead.")


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


def extract_docx(data: bytes, max_chars: int = CHECK_MAX_CHARS) -> ExtractedText:
    """Text of a .docx: Heading/Title styles -> heading, List styles or numbering ->
    list-item, Quote styles -> quote, table cells -> cell, the rest -> paragraph.

    Read with a streaming XML parser under the bounds of `_Budget` (python-docx builds the whole
    tree and looks up the style of every paragraph: 16,000 paragraphs cost 16 s of CPU).
    """
    from lxml import etree

    budget = _Budget()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_docx_zip(archive)
            units, cut = _docx_units(archive, budget, max_chars)
            title = _docx_title(archive, budget)
    except UnsupportedDocument:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, etree.LxmlError, RuntimeError):
        raise _corrupt_docx() from None
    extracted = join_units(units, title=title)
    if cut:
        extracted.truncated = True
    return extracted


# --------------------------------------------------------------------------- dispatch


def reader_for(filename: str, content_type: str | None) -> str:
    """The reader for a file name (or content type when it has no extension); UnsupportedDocument otherwise."""
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
    reader = reader_for(filename, content_type)
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
