"""Byte streams and the size limit's one wording (files, stdin, gzip, JSONL lines)."""

from __future__ import annotations

from typing import Protocol

from newsfuse.errors import ErrorCode, NewsfuseError


class ByteStream(Protocol):
    """What the readers need of a file, a GzipFile, stdin or a BytesIO."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


def megabytes(size: int) -> str:
    """Decimal megabytes, one digit: 10_000_000 -> "10.0 MB" (kilobytes below 0.1 MB)."""
    if size < 100_000:
        return f"{size / 1000:.1f} KB"
    return f"{size / 1_000_000:.1f} MB"


def too_large(what: str, size: int | None, limit: int) -> NewsfuseError:
    """TOO_LARGE: "file is 50.0 MB, over the 10.0 MB limit" (size None = unknown)."""
    if size is None:
        return NewsfuseError(ErrorCode.TOO_LARGE, f"{what} is over the {megabytes(limit)} limit")
    return NewsfuseError(
        ErrorCode.TOO_LARGE, f"{what} is {megabytes(size)}, over the {megabytes(limit)} limit"
    )


class InflateLimit:
    """A decompressing stream that refuses (E132) to inflate past `limit` bytes, so a
    small gzip of gigabytes of newlines or NUL bytes (issue 24: three hours, and the
    next file never read) costs a bounded read; the message names the line reached."""

    def __init__(self, stream: ByteStream, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.done = 0
        self.line = 0  # the caller's line count, for the message

    def _count(self, data: bytes) -> bytes:
        self.done += len(data)
        if self.done > self.limit:
            message = (
                f"line {self.line}: decompressed content is over the {megabytes(self.limit)} limit"
            )
            raise NewsfuseError(ErrorCode.TOO_LARGE_DECOMPRESSED, message)
        return data

    def read(self, size: int = -1, /) -> bytes:
        return self._count(self.stream.read(size))

    def readline(self, size: int = -1, /) -> bytes:
        return self._count(self.stream.readline(size))
