"""Walk inputs, read bytes within limits, pick the format, and never stop a batch.

Checks run cheapest first and before reading: the name (known binary types),
the size (stat, so a 50 MB file is refused without being read), then the first
8 KB (NUL bytes, magic numbers). The format comes from the file name (or a URL's
media type); a file with no or an unknown extension, and stdin, are sniffed from
their content. Formats themselves are registered components
(newsfuse.extract.formats), resolved once per run from `ExtractOptions.formats`.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.decoding import GZIP_MAGIC, SNIFF_BYTES, check_not_binary, decode_bytes
from newsfuse.extract.fetch import Fetched, fetch, is_url
from newsfuse.extract.formats import Formats, Input, InputFormat, Item, load_formats
from newsfuse.extract.furniture import OutletLines
from newsfuse.extract.jsonrecords import RecordContext
from newsfuse.extract.limits import ByteStream, InflateLimit, too_large
from newsfuse.extract.outlets import folder_outlet, url_outlet
from newsfuse.extract.plaintext import normalize_lines
from newsfuse.types import Article, Failure

STDIN = "-"
STDIN_SOURCE = "<stdin>"
PLAIN_TEXT = "text"  # the format whose files teach an outlet's furniture (extract/furniture.py)

# Types we recognise by name and do not read (E107 without opening the file).
_BINARY_SUFFIXES = frozenset(
    """.pdf .png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svgz .heic .zip .tar .tgz
    .bz2 .xz .zst .7z .rar .exe .dll .so .dylib .bin .o .a .class .jar .pyc .whl .doc .docx
    .xls .xlsx .ppt .pptx .odt .ods .odp .rtf .epub .mobi .mp3 .mp4 .m4a .wav .flac .ogg
    .avi .mov .mkv .webm .woff .woff2 .ttf .otf .sqlite .db .parquet .pkl .pickle .npy .npz
    .iso .dmg""".split()  # noqa: SIM905
)


def _binary(name: str) -> bool:
    """A type we recognise by name and never read (E107 without opening it)."""
    return Path(name.lower().removesuffix(".gz")).suffix in _BINARY_SUFFIXES


def _read_limited(stream: ByteStream, limit: int, what: str) -> bytes:
    """At most `limit` bytes of a stream; TOO_LARGE if there are more."""
    try:
        data = stream.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise NewsfuseError(
            ErrorCode.UNREADABLE, f"truncated or corrupt gzip data: {exc}"
        ) from None
    if len(data) > limit:
        raise too_large(what, None, limit)
    return data


def _from_bytes(
    data: bytes,
    named: InputFormat | None,
    formats: Formats,
    source: Input,
) -> Iterator[Item]:
    """Articles of one in-memory input in format `named` (None: sniffed from content)."""
    if not data.strip():
        raise NewsfuseError(ErrorCode.EMPTY, "empty file" if data == b"" else "only whitespace")
    check_not_binary(data[:SNIFF_BYTES])
    if named is not None and named.reads_bytes:
        yield from named.read(source)
        return
    text = source.text()
    if named is None or (named.not_really is not None and named.not_really(text)):
        named = formats.sniff(text)
    yield from named.read(Input(data, source.ctx, source.url, source.furniture, text))


def _context(display: str, outlet: str | None, options: ExtractOptions) -> RecordContext:
    return RecordContext(
        display, display, outlet, options.min_words, options.max_bytes, options.max_lines
    )


def _missing(path: Path) -> NewsfuseError:
    """Why `path` cannot be opened: a loop of symbolic links (E133), or nothing there."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return NewsfuseError(ErrorCode.SYMLINK_LOOP, "symbolic links loop")
    return NewsfuseError(ErrorCode.NOT_FOUND, "no such file or directory")


def _iter_file(
    path: Path, options: ExtractOptions, formats: Formats, learned: OutletLines | None = None
) -> Iterator[Item]:
    """Articles (and per-record Failures) of one file; raises for a bad file."""
    if not path.exists():
        raise _missing(path)
    if _binary(path.name):
        raise NewsfuseError(ErrorCode.UNSUPPORTED, f"unsupported file type: {path.suffix}")
    if not path.is_file():
        what = "a folder" if path.is_dir() else "not a regular file"
        raise NewsfuseError(ErrorCode.UNSUPPORTED, f"{what}, not an article file")
    named, compressed = formats.named(path.name), path.name.lower().endswith(".gz")
    stream = named.stream if named is not None else None
    size = path.stat().st_size
    # A streamed format (JSONL) is read line by line, each line bounded; others are read whole.
    if size > options.max_bytes and stream is None:
        raise too_large("file", size, options.max_bytes)
    if size == 0:
        raise NewsfuseError(ErrorCode.EMPTY, "empty file")
    ctx = _context(str(path), folder_outlet(path), options)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
        if compressed and head.startswith(GZIP_MAGIC):
            with gzip.GzipFile(fileobj=handle) as unzipped:
                if stream is not None:
                    yield from stream(InflateLimit(unzipped, options.max_inflated), ctx)
                    return
                data = _read_limited(unzipped, options.max_bytes, "decompressed content")
        else:
            # gzip bytes are only read from a .gz name; elsewhere they are binary.
            check_not_binary(head)
            if stream is not None:
                yield from stream(handle, ctx)
                return
            data = handle.read()
    furniture = learned.furniture(_outlet_key(path)) if learned else frozenset()
    yield from _from_bytes(data, named, formats, Input(data, ctx, furniture=furniture))


def _outlet_key(path: Path) -> str:
    """Whose furniture a file shares: its outlet (a domain-named folder), else its folder."""
    return folder_outlet(path) or str(path.parent)


def _learn_folder(root: Path, options: ExtractOptions, formats: Formats) -> OutletLines:
    """The recurring lines of each outlet among the plain-text files under `root` (a
    first, read-only pass; unreadable files are left to the second to report)."""
    learned = OutletLines()
    for item in _walk(root):
        if isinstance(item, Failure) or item.name.lower().endswith(".gz"):
            continue
        named = formats.named(item.name)
        if named is None or named.name != PLAIN_TEXT:
            continue
        try:
            if item.stat().st_size > options.max_bytes:
                continue
            data = item.read_bytes()
            check_not_binary(data[:SNIFF_BYTES])
            learned.learn(_outlet_key(item), normalize_lines(decode_bytes(data)))
        except (OSError, NewsfuseError):
            continue
    return learned


def _iter_stdin(
    stdin: BinaryIO | None, options: ExtractOptions, formats: Formats
) -> Iterator[Item]:
    """Articles from stdin, read up to max_bytes+1 so a flood is refused, not buffered."""
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = _read_limited(stream, options.max_bytes, "input")
    if not data:
        raise NewsfuseError(ErrorCode.EMPTY, "empty input")
    ctx = _context(STDIN_SOURCE, None, options)
    if data.startswith(GZIP_MAGIC):  # no name to go by: gzip is recognised by content
        data = _read_limited(gzip.GzipFile(fileobj=io.BytesIO(data)), options.max_bytes, "input")
    yield from _from_bytes(data, None, formats, Input(data, ctx))


def _iter_url(url: str, options: ExtractOptions, formats: Formats) -> Iterator[Item]:
    """Articles of the page or feed at `url` (extract/fetch.py says what is refused)."""
    yield from _iter_fetched(url, fetch(url, options), options, formats)


def _iter_fetched(
    url: str, fetched: Fetched, options: ExtractOptions, formats: Formats
) -> Iterator[Item]:
    ctx = _context(url, url_outlet(fetched.url), options)
    named = formats.of_media_type(fetched.content_type)  # else sniffed from the body
    yield from _from_bytes(fetched.body, named, formats, Input(fetched.body, ctx, fetched.url))


def iter_fetched(
    url: str, fetched: Fetched, options: ExtractOptions, formats: Formats | None = None
) -> Iterator[Item]:
    """Articles of a page or feed already fetched from `url` (never raises;
    `formats`: those the caller resolved, else `options.formats`)."""
    return _guarded(url, _iter_fetched(url, fetched, options, formats or _formats(options)))


def _iter_upload(
    data: bytes, name: str, media_type: str | None, options: ExtractOptions, formats: Formats
) -> Iterator[Item]:
    if len(data) > options.max_bytes:
        raise too_large("upload", len(data), options.max_bytes)
    if data.startswith(GZIP_MAGIC):  # recognised by content, whatever the name says
        data = _read_limited(gzip.GzipFile(fileobj=io.BytesIO(data)), options.max_bytes, "upload")
    named = formats.of_media_type(media_type)
    if named is None and _binary(name):
        raise NewsfuseError(ErrorCode.UNSUPPORTED, f"unsupported file type: {Path(name).suffix}")
    named = named or formats.named(name)
    yield from _from_bytes(data, named, formats, Input(data, _context(name, None, options)))


def _formats(options: ExtractOptions) -> Formats:
    """The formats the config reads (E701 for a name no registry knows)."""
    return load_formats(options.formats)


def iter_upload(
    data: bytes,
    name: str,
    options: ExtractOptions,
    media_type: str | None = None,
    formats: Formats | None = None,
) -> Iterator[Item]:
    """Articles of one document received in memory (an HTTP upload): its format from
    `media_type`, else from `name`'s extension, else sniffed. Never raises: a bad
    document or record is a Failure, like a bad file."""
    formats = formats or _formats(options)
    return _guarded(name, _iter_upload(data, name, media_type, options, formats))


def _os_failure(source: str, exc: OSError) -> Failure:
    reason = exc.strerror or str(exc) or type(exc).__name__
    if isinstance(exc, FileNotFoundError):
        return Failure(source, ErrorCode.NOT_FOUND.value, "no such file or directory")
    return Failure(source, ErrorCode.UNREADABLE.value, f"cannot read: {reason}")


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Items of one input; whatever goes wrong becomes one Failure for it."""
    try:
        yield from items
    except NewsfuseError as exc:
        yield Failure(source, exc.code.value, exc.message)
    except OSError as exc:
        yield _os_failure(source, exc)
    except Exception as exc:  # a bug must not stop the batch; say what it was
        yield Failure(source, ErrorCode.UNREADABLE.value, f"unexpected {type(exc).__name__}: {exc}")


def _walk(root: Path) -> Iterator[Path | Failure]:
    """Files under root, sorted by name, depth first; hidden entries skipped.

    Symbolic links to folders are not followed (they can loop).
    """
    try:
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield _os_failure(str(root), exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = root / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path)
        else:
            yield path


def _iter_path(path: Path, options: ExtractOptions, formats: Formats) -> Iterator[Item]:
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        yield _os_failure(str(path), exc)
        return
    if not exists:
        missing = _missing(path)
        yield Failure(str(path), missing.code.value, missing.message)
        return
    files: Iterator[Path | Failure] = _walk(path) if is_dir else iter([path])
    learned = _learn_folder(path, options, formats) if is_dir else None
    for item in files:
        if isinstance(item, Failure):
            yield item
        else:
            yield from _guarded(str(item), _iter_file(item, options, formats, learned))


def iter_articles(
    paths: Sequence[str | Path],
    options: ExtractOptions,
    stdin: BinaryIO | None = None,
    formats: Formats | None = None,
) -> Iterator[Article | Failure]:
    """Every article of the given files, folders, http(s) URLs and "-" (stdin), in order.

    Yields a Failure (never raises) for each bad input or record, so one bad
    file or line never stops the batch (an unknown format in `options.formats` is
    a configuration error, E701, raised before any input is read). `formats`: those
    the application resolved from `options.formats`, else resolved here, once per run.
    """
    formats = formats or _formats(options)
    for raw in paths:
        if str(raw) == STDIN:
            yield from _guarded(STDIN_SOURCE, _iter_stdin(stdin, options, formats))
        elif isinstance(raw, str) and is_url(raw):
            yield from _guarded(raw, _iter_url(raw, options, formats))
        else:
            yield from _iter_path(Path(raw), options, formats)


def extract_file(path: Path, options: ExtractOptions) -> list[Article]:
    """All articles of one file; raises NewsfuseError for a bad file.

    Strict: a bad record in a JSON/JSONL file raises too (its line in the
    message); use iter_articles to keep the good records of such a file.
    """
    articles: list[Article] = []
    for item in _guarded(str(path), _iter_file(Path(path), options, _formats(options))):
        if isinstance(item, Failure):
            raise NewsfuseError(ErrorCode(item.code), item.message)
        articles.append(item)
    return articles
