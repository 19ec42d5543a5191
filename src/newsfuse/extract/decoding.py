"""Bytes -> text: refuse binaries, then detect the encoding instead of assuming it.

Order: byte-order mark, strict UTF-8 (almost all of today's news text), then
charset-normalizer's ranked guesses, with two corrections measured on seed 000
re-encoded as Windows-1252. charset-normalizer ranks cp932/big5 first there
(its "chaos" score is lowest when only a few bytes are non-ASCII), turning
"Moscow’s" into a CJK character: a guess that puts CJK/Hangul/Kana letters
into text whose letters are otherwise Latin is skipped. And ties between
Western code pages go to Windows-1252 (see _guess).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from contextlib import suppress

from charset_normalizer import from_bytes

from newsfuse.errors import ErrorCode, NewsfuseError

SNIFF_BYTES = 8192

# Byte-order marks, longest first (UTF-32-LE starts with the UTF-16-LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

GZIP_MAGIC = b"\x1f\x8b"

# Signatures of common binary formats (file(1) magic), checked at offset 0.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (GZIP_MAGIC, "gzip data"),
)

# RIFF containers (WAV, AVI, WEBP) carry their kind at offset 8.
_RIFF = b"RIFF"

_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

_WINDOWS_1252_LABELS = frozenset({"latin-1", "iso8859-1", "ascii"})

_FOREIGN_SCRIPTS = ("CJK", "HANGUL", "HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA")
# Share of letters that must be ASCII for the text to count as Latin-script.
_LATIN_SHARE = 0.8
# Chaos scores closer than this count as a tie (they are ratios of odd characters).
_TIE = 0.01


# Share of the code units of a BOM-less UTF-16/32 text whose high bytes are NUL:
# Latin-script text is almost all ASCII, so nearly every unit has them.
_WIDE_NUL_SHARE = 0.9
# XML without a byte-order mark: its first four bytes say the width (XML 1.0, Appendix F).
_XML_WIDE_STARTS = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)
# (unit width, encoding, index of the low byte), wider first: UTF-32 text also
# has NUL pairs, but never one non-NUL byte per two-byte unit.
_WIDE_UNITS = ((4, "utf-32-le", 0), (4, "utf-32-be", 3), (2, "utf-16-le", 0), (2, "utf-16-be", 1))


def wide_encoding(head: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark, told by where the NUL bytes fall, else None.

    XML says its width in its first four bytes; other text is taken as UTF-16/32
    when the NUL bytes sit in the high bytes of nearly every code unit and nowhere
    else (binary data has them scattered).
    """
    for start, encoding in _XML_WIDE_STARTS:
        if head.startswith(start):
            return encoding
    if b"\x00" not in head:  # ordinary text: no scan
        return None
    for width, encoding, low in _WIDE_UNITS:
        units = range(0, len(head) - width + 1, width)
        if len(units) < 4:
            return None
        wide = sum(1 for i in units if _is_wide_unit(head[i : i + width], low))
        if wide >= _WIDE_NUL_SHARE * len(units):
            return encoding
    return None


def _is_wide_unit(unit: bytes, low: int) -> bool:
    """An ASCII character as one UTF-16/32 code unit: NUL everywhere but its low byte."""
    return unit[low] != 0 and unit.count(0) == len(unit) - 1


def binary_kind(head: bytes, *, allow_gzip: bool = False) -> str | None:
    """What binary format `head` starts with (or "binary data" for NUL bytes), else None."""
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return None  # UTF-16/32 text has NUL bytes by design
    if wide_encoding(head[:SNIFF_BYTES]) is not None:
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if magic == GZIP_MAGIC and allow_gzip:
                return None
            return kind
    if head.startswith(_RIFF):
        return "RIFF media"
    if b"\x00" in head[:SNIFF_BYTES]:
        return "binary data (NUL bytes)"
    return None


def check_not_binary(head: bytes, *, allow_gzip: bool = False) -> None:
    kind = binary_kind(head, allow_gzip=allow_gzip)
    if kind is not None:
        raise NewsfuseError(ErrorCode.BINARY, f"not a text file: {kind}")


def _mixes_scripts(text: str) -> bool:
    """Latin-letter text with CJK/Hangul/Kana letters in it: a wrong single-byte guess."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    ascii_letters = sum(1 for c in letters if c.isascii())
    if ascii_letters / len(letters) < _LATIN_SHARE:
        return False
    return any(
        unicodedata.name(c, "").startswith(_FOREIGN_SCRIPTS) for c in letters if not c.isascii()
    )


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best reading that does not mix scripts, else None.

    Near-ties are broken in favour of Windows-1252, the web's default legacy
    encoding (WHATWG): for seed 000 in cp1252, mac_latin2 ("Moscowís") and
    cp1250/cp1252 ("Moscow’s") get the same chaos score and mac_latin2 is
    listed first.
    """
    matches = [m for m in from_bytes(data) if not _mixes_scripts(str(m))]
    if matches:
        best = matches[0]
        for match in matches:
            if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + _TIE:
                with suppress(UnicodeDecodeError):
                    return data.decode("cp1252")
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Text of `data`; raises UNDECODABLE when no encoding fits.

    `declared` is an encoding named by the content itself (HTML <meta charset>),
    tried after a BOM and before guessing.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise NewsfuseError(
                    ErrorCode.UNDECODABLE, f"byte-order mark says {encoding}, but {exc.reason}"
                ) from None
    if (wide := wide_encoding(data[:SNIFF_BYTES])) is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as exc:
            raise NewsfuseError(
                ErrorCode.UNDECODABLE,
                f"text looks like {wide} without a byte-order mark, but {exc.reason}",
            ) from None
    candidates = ["utf-8"] if declared is None else [declared, "utf-8"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    text = _guess(data)
    if text is None:
        raise NewsfuseError(ErrorCode.UNDECODABLE, "no text encoding fits the bytes")
    return text


_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def declared_xml_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration names (<?xml ... encoding="big5"?>), if Python
    knows it; None for none or an unknown name (then the bytes are guessed)."""
    match = _XML_ENCODING.match(data[:512])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in <meta> (first 4 KB), if Python knows it."""
    match = _CHARSET_META.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): pages labelled Latin-1 or ASCII are
    # read as Windows-1252, which is what their curly quotes are in.
    return "cp1252" if codec in _WINDOWS_1252_LABELS else codec
