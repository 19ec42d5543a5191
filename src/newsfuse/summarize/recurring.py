"""Sentences that recur verbatim across unrelated stories: archive and widget boilerplate.

Multi-News inputs, like any scrape of the web, include pages that are not the
article: Wayback Machine crawl notes ("These crawls are part of an effort to
archive pages as they are created ..."), Twitter's location prompt, reprint
notices. Such a sentence is word for word the same in stories that have nothing
in common, which no news sentence is. Before this filter, 96 of 1,000 Multi-News
val briefs quoted one (docs/tuning.md). scripts/build_recurring.py lists the
sentences found in at least MIN_STORIES train clusters; they ship as sorted
64-bit hashes of the normalised text (package data, sha256 pinned) and a brief
never selects them.
"""

from __future__ import annotations

import hashlib
import re
from io import BytesIO

import numpy as np
from numpy.typing import NDArray

from newsfuse.forest import read_pinned

DATA_FILE = "recurring_sentences.npy"
DATA_SHA256 = "add98b03088a6f85906e08a01f3c439fd0ef99f22f398017fba81fff8ba3ecff"
MIN_STORIES = 10  # in this many train clusters: boilerplate (at 5, follow-up stories
# that reuse one source article also recur, e.g. a suspect's age at his arrest)
MIN_WORDS = 5  # shorter ones ("He said.") recur in real news too
_REBUILD = "scripts/build_recurring.py"
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalised(text: str) -> str:
    """Lower-case alphanumeric words joined by one space, so Multi-News's spacing
    ("we ' ll", "8.2 %") and web text ("we'll", "8.2%") agree."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def sentence_hash(text: str) -> int:
    """Stable 64-bit hash of the normalised sentence (0 when it has too few words)."""
    norm = normalised(text)
    if norm.count(" ") + 1 < MIN_WORDS:
        return 0
    return int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "little")


RecurringTable = NDArray[np.uint64]


def load_hashes() -> RecurringTable:
    """The shipped hashes, checked against DATA_SHA256 (newsfuse.models.Models keeps
    them loaded)."""
    data = read_pinned("newsfuse.summarize.data", DATA_FILE, DATA_SHA256, _REBUILD)
    table: NDArray[np.uint64] = np.load(BytesIO(data), allow_pickle=False)
    if table.dtype != np.uint64 or table.ndim != 1 or (np.diff(table) <= 0).any():
        raise RuntimeError(f"{DATA_FILE} is not a sorted uint64 vector")
    return table


def is_recurring(text: str, table: RecurringTable | None = None) -> bool:
    """Whether the sentence is known cross-story boilerplate (`table`: the loaded
    hashes; read from the package, 2 KB, when not given)."""
    h = sentence_hash(text)
    if not h:
        return False
    table = load_hashes() if table is None else table
    i = int(np.searchsorted(table, np.uint64(h)))
    return i < len(table) and int(table[i]) == h
