"""A report of the speaker's own stance, kept whole in a compressed headline (issue 20,
eighth round).

"<Name> has said that he does not want <what>" compresses to its content clause, whose
subject "he" only the speaker resolves, so no headline came of it and the fallback was
the lede cut at its first comma: a fronted phrase with no verb ("Defending his choice
of <whom>"). When the pronoun can only be the speaker (he or she of a named speaker,
they of plural ones: "police said they are searching"), the headline keeps the speaker
and the reporting verb ("<Name> has said he does not want <what>"), every word the
lede's own, in its order.
"""

from __future__ import annotations

from typing import Any

MAX_SPEAKER_WORDS = 4  # "President Donald Trump", "Defense Ministry officials"
_SINGULAR = frozenset(["he", "she"])
_PLURAL = frozenset(["they"])


def speaker_pronoun(source: Any | None, subject: Any) -> bool:
    """`subject`, a lone personal pronoun, is the speaker `source` itself: he or she of a
    named speaker, they of a plural one; a speaker of a few words with no pronoun."""
    if source is None or source.i > subject.i or len(list(subject.subtree)) != 1:
        return False
    words = list(source.subtree)
    if len(words) > MAX_SPEAKER_WORDS or any(t.pos_ == "PRON" for t in words):
        return False
    pronoun = subject.lower_
    if pronoun in _SINGULAR:
        return bool(source.pos_ == "PROPN")
    return pronoun in _PLURAL and str(source.tag_) in ("NNS", "NNPS")


def speaker_tokens(root: Any, source: Any) -> set[int]:
    """The speaker and the reporting verb with its auxiliaries ("<Name> has said")."""
    tokens = {t.i for t in source.subtree if not t.is_punct}
    aux = {c.i for c in root.children if c.dep_ in ("aux", "neg") and c.i < root.i}
    return tokens | aux | {root.i}
