"""Numbered errors: each says what is wrong with an input in one line, no traceback.

Codes are stable so that users and tests can match on them (like spaCy's E-codes).
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    EMPTY = "E101"  # file or record has no content
    BINARY = "E102"  # not text (NUL bytes or a known binary signature)
    TOO_LARGE = "E103"  # over ExtractOptions.max_bytes
    UNDECODABLE = "E104"  # no text encoding fits
    BAD_JSON = "E105"  # malformed JSON / JSONL line or wrong schema
    BAD_HTML = "E106"  # HTML from which no article text could be extracted
    UNSUPPORTED = "E107"  # file type we do not read
    NO_TEXT = "E108"  # decoded, but too little article text
    UNREADABLE = "E109"  # OS error reading the path
    NOT_FOUND = "E110"  # path does not exist
    BAD_FEED = "E111"  # XML that is not a readable RSS/Atom feed
    UNSAFE_XML = "E112"  # XML that declares entities or external references (XML bombs)
    BAD_URL = "E113"  # not an http(s) URL with a host
    PRIVATE_URL = "E114"  # URL whose host is a private, loopback or link-local address
    FETCH_FAILED = "E115"  # network error, HTTP error status or timeout
    XML_TOO_COMPLEX = "E116"  # XML with too many elements or attributes to parse in bounded time
    TOO_DEEP = "E130"  # JSON nested deeper than ExtractOptions.max_depth
    TOO_MANY_LINES = "E131"  # more lines than ExtractOptions.max_lines in one input
    TOO_LARGE_DECOMPRESSED = "E132"  # gzip input that inflates past ExtractOptions.max_inflated
    SYMLINK_LOOP = "E133"  # a path whose symbolic links loop
    NO_STORY = "E201"  # unknown story id
    NO_ARTICLE = "E202"  # unknown article id
    BAD_DB = "E301"  # database is not a newsfuse database or of a newer schema
    LOCKED = "E302"  # another process is writing the archive (waited for it in vain)
    BROKEN_STORY = "E303"  # a stored story with no articles (`newsfuse check --repair`)
    INCONSISTENT = "E304"  # `newsfuse check` found an archive invariant broken
    MODEL = "E401"  # analysis model missing or its files differ from the pinned hashes
    BAD_QUERY = "E501"  # search text with no word to look for
    QUERY_TOO_BIG = "E502"  # search text with more terms than store.query.MAX_TERMS
    SEARCH_TIMEOUT = "E503"  # a search that ran past its deadline, cut off
    UNAUTHORIZED = "E601"  # a write to a server that needs a token, without the right one
    BAD_HOST = "E602"  # a request whose Host header is not the served address (DNS rebinding)
    CROSS_ORIGIN = "E603"  # a write from another web origin to a server without a token
    EMPTY_TOKEN = "E604"  # an empty --token / NEWSFUSE_TOKEN (would leave writes open)
    TIMEOUT = "E605"  # a request that ran past its overall deadline
    CLOSING = "E606"  # a request that reached the server's archive after it began closing
    UNKNOWN_COMPONENT = "E701"  # a scorer, format, clusterer or store name no registry knows
    BROKEN_COMPONENT = "E702"  # a registered component whose module or attribute fails to load
    UNKNOWN_CHOICE = "E703"  # an option outside its choices (a ROUGE protocol, a cluster level)
    UNKNOWN_LANGUAGE = "E704"  # a language code with no resources folder (newsfuse.lang)


class NewsfuseError(Exception):
    """An expected failure with a code and a one-line message for users."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(f"[{code.value}] {message}")
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type[NewsfuseError], tuple[ErrorCode, str]]:
        """Picklable (the server's writer process sends its errors back)."""
        return (type(self), (self.code, self.message))
