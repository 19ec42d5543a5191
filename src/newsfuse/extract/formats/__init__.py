"""Input formats chosen by name: how a format is recognised, and how it is read.

Each format is one module holding one `InputFormat`: the file suffixes and media
types that name it, how to recognise it from content when nothing names it (stdin,
a file with no or an unknown extension, a page served as text/plain), and its
reader. Formats are registered in the entry-point group ``newsfuse.formats`` (the
built-ins in pyproject.toml and the table below), so another package adds one with
a module and one line; `ExtractOptions.formats` chooses which are read (default:
every registered one). newsfuse.extract.sources walks inputs, enforces limits and
turns failures into Failures; it asks a `Formats` which format an input is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.decoding import declared_xml_encoding, decode_bytes
from newsfuse.extract.jsonrecords import RecordContext
from newsfuse.extract.limits import ByteStream
from newsfuse.registry import registry
from newsfuse.types import Article, Failure

Item = Article | Failure
SNIFF_CHARS = 4096  # formats are recognised from the first characters of the text

FORMATS = registry(
    "format",
    "newsfuse.formats",
    {
        "feed": "newsfuse.extract.formats.feed:FORMAT",
        "html": "newsfuse.extract.formats.html:FORMAT",
        "json": "newsfuse.extract.formats.json:FORMAT",
        "jsonl": "newsfuse.extract.formats.jsonl:FORMAT",
        "text": "newsfuse.extract.formats.text:FORMAT",
    },
)


@dataclass(frozen=True)
class Input:
    """One in-memory input to read: its bytes, where it came from, and its text
    when that was already decoded to recognise the format."""

    data: bytes
    ctx: RecordContext
    url: str | None = None  # the page's address, when it was fetched
    furniture: frozenset[bytes] = frozenset()  # lines its outlet repeats (plain text)
    decoded: str | None = None

    def text(self) -> str:
        """The decoded text (the encoding declared, else detected)."""
        if self.decoded is not None:
            return self.decoded
        return decode_bytes(self.data, declared=declared_xml_encoding(self.data))


@dataclass(frozen=True)
class InputFormat:
    """A readable format. `sniff(head, text)` says whether decoded content is this
    format (`head`: its first SNIFF_CHARS characters after leading space); formats
    are asked in `rank` order, lowest first. `reads_bytes`: when named, read from
    the bytes as they are (the format decodes them itself). `stream`: reads a file
    of any size line by line (else files are read whole, up to max_bytes).
    `not_really`: content that, despite the name, must be recognised again (a page
    saved as .txt)."""

    name: str
    read: Callable[[Input], Iterator[Item]]
    suffixes: tuple[str, ...] = ()
    media_types: tuple[str, ...] = ()
    sniff: Callable[[str, str], bool] | None = None
    rank: int = 50
    reads_bytes: bool = False
    stream: Callable[[ByteStream, RecordContext], Iterator[Item]] | None = None
    not_really: Callable[[str], bool] | None = None


@dataclass(frozen=True)
class Formats:
    """The formats one run reads, resolved once from the config."""

    formats: tuple[InputFormat, ...]

    def named(self, file_name: str) -> InputFormat | None:
        """The format a file name's suffix names (after any .gz), or None."""
        suffix = Path(file_name.lower().removesuffix(".gz")).suffix
        return next((f for f in self.formats if suffix in f.suffixes), None)

    def of_media_type(self, media_type: str | None) -> InputFormat | None:
        """The format an HTTP media type names ("text/html; charset=..." too), or None."""
        kind = (media_type or "").split(";")[0].strip().lower()
        return next((f for f in self.formats if kind in f.media_types), None)

    def sniff(self, text: str) -> InputFormat:
        """The format of decoded content nothing names (E107 if no format claims it)."""
        head = text.lstrip()[:SNIFF_CHARS]
        ranked = sorted(self.formats, key=lambda f: f.rank)
        for candidate in ranked:
            if candidate.sniff is not None and candidate.sniff(head, text):
                return candidate
        raise NewsfuseError(ErrorCode.UNSUPPORTED, "content in no format this run reads")


def load_formats(names: Sequence[str] = ()) -> Formats:
    """The formats named (default: every registered one); E701 for an unknown name,
    E702 for a registration that is not an InputFormat."""
    found = []
    for name in names or FORMATS.names():
        value = FORMATS.load(name)
        if not isinstance(value, InputFormat):
            raise NewsfuseError(
                ErrorCode.BROKEN_COMPONENT,
                f"format {name!r} ({FORMATS.target(name)}) is not an InputFormat",
            )
        found.append(value)
    return Formats(tuple(found))
