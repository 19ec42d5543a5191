"""Text from sources made safe to print on a terminal.

File names, titles, outlets and article text come from whoever wrote them. Printed
raw, `ESC[2J` clears the reader's terminal, `ESC]0;...` sets its title, and a newline
in a file name forges a `failed: ...` line of its own (issue 24). Every line the CLI
prints goes through `line` (one line: every control character shown as an escape)
or `block` (several lines: newlines and tabs kept); JSON through `json_text`.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what is shown.
_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BLOCK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_C1 = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def line(text: str) -> str:
    """`text` on one line, every control character written as its escape (`\\x1b`)."""
    return _LINE.sub(_shown, text)


def block(text: str) -> str:
    """`text` with its newlines and tabs, other control characters escaped."""
    return _BLOCK.sub(_shown, text)


def json_text(text: str) -> str:
    """JSON text (json.dumps escapes C0 controls itself) with C1 controls and bidi
    overrides written as JSON escapes too, so it stays valid JSON."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
