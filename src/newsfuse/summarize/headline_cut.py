"""A title the site cut mid-word (issue 20, eighth round).

Some sites cut a long title at a fixed length, mid-word: "... at <district> commu",
"... Before Crashi", "... involving tee". The stump passes every check a headline has
(it ends on a "noun", the clause has its verb), and a reader stops at it. It shows
itself against the story's own text: its last word is the start of a longer word
there ("community") and is nowhere a word of its own, neither in the articles' bodies
(the title itself taken out, since some pages repeat it there) nor in general English
(wordfreq: "teen" is a word, "tee" of a teenager's story is not used as one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.lang import language
from newsfuse.types import Article

# How common in general English a last word must be to stand as a word, by its length: of
# one or two letters none is a guard ("de" and "w" are common tokens, the bodies decide:
# "... shooting de" of "death"); of three, as common as "teen" or "ill" (zipf 4: "tee",
# "chi" fall below); longer, zipf 3 ("accidental", "ambush" stand; "commu", "apar" do not).
COMMON_WORD = {1: 1.0, 2: 1.0, 3: 1e-5}
LONG_WORD = 1e-6
# Sites cut at a fixed length of about 60 to 70 characters; a shorter title ends where its
# writer ended it.
CUT_LENGTH = 50
_LETTERS = frozenset("bcdefghjklmnopqrstuvwxyz")
_LAST = re.compile(r"(?:^|\s)([A-Za-z][a-z]*)$")  # a plain word, no mark after it


def site_cut(title: str, articles: Sequence[Article]) -> bool:
    """`title` ends on a word the site cut: the start of a longer word of the story's
    bodies that is nowhere whole there, nor a common English word. A last word with a
    mark after it ("Fla.") or in capitals ("KC"), or of a short title, is taken as it is."""
    found = _LAST.search(title.rstrip())
    if found is None or len(title) < CUT_LENGTH:
        return False
    if found.group(1) in _LETTERS:
        return True  # "... While Playing w": a letter alone is no word ("Plan B" is)
    stump = found.group(1).lower()
    if stump == "i" or language("en").background(stump) >= COMMON_WORD.get(len(stump), LONG_WORD):
        return False
    whole = re.compile(rf"\b{stump}\b", re.IGNORECASE)
    longer = re.compile(rf"\b{stump}[a-z]", re.IGNORECASE)
    bodies = [a.body.replace(title, " ") for a in articles]
    if any(whole.search(body) for body in bodies):
        return False
    return any(longer.search(body) for body in bodies)
