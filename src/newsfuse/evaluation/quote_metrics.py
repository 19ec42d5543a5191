"""Quote extraction and speaker attribution scored against hand annotations.

A predicted quote matches a gold quote of the same article when their word
sequences overlap by at least `MIN_OVERLAP` of the longer one (so a trailing
comma inside the marks or a split at an interruption does not count as a miss),
each gold quote matched at most once. Speaker accuracy is over matched quotes.
Names are compared case- and accent-insensitively after dropping leading courtesy
titles (one article writes both "René Préval" and "Rene Preval"; annotators pick
one); `speaker_accuracy` also accepts one name being the start or end of the other
("Shoigu" for "Sergei Shoigu", "Ban" for "Ban Ki-moon", "Prime Minister Tony
Blair" for "Tony Blair") and the same letters spaced differently ("Alain LeRoy",
"Alain Le Roy", also in one article) and a middle initial more or less ("Alberto M.
Carvalho", "Alberto Carvalho"), and `speaker_exact` requires the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

MIN_OVERLAP = 0.8
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "the"})


@dataclass(frozen=True)
class GoldQuote:
    text: str
    speaker: str | None


@dataclass(frozen=True)
class QuoteScores:
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    speaker_exact: float
    gold: int
    predicted: int
    matched: int
    speaker_correct: int


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _overlap(a: list[str], b: list[str]) -> float:
    """Longest common contiguous word run, relative to the longer sequence."""
    if not a or not b:
        return 0.0
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best / max(len(a), len(b))


def _name(text: str) -> list[str]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = _words(folded)
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    return words


def same_speaker(gold: str | None, predicted: str | None, exact: bool = False) -> bool:
    """Same name; unless `exact`, also one name at the start or end of the other."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = _name(gold), _name(predicted)
    if g == p or exact:
        return g == p
    if "".join(g) == "".join(p):
        return True
    short, long = (g, p) if len(g) < len(p) else (p, g)
    if long[: len(short)] == short or long[-len(short) :] == short:
        return True
    initials = [w for w in long if not (len(w) == 1 and w.isalpha())]  # "Alberto M. Carvalho"
    return len(short) > 1 and initials == short


def _match(gold: Sequence[GoldQuote], predicted: Sequence[GoldQuote]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            score = _overlap(_words(g.text), _words(p.text))
            if score >= MIN_OVERLAP:
                pairs.append((score, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matched.append((i, j))
    return matched


def score_quotes(
    gold: Sequence[Sequence[GoldQuote]], predicted: Sequence[Sequence[GoldQuote]]
) -> QuoteScores:
    """Micro-averaged quote precision/recall/F1 and speaker accuracy over articles."""
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in predicted)
    matched = correct = exact = 0
    for g, p in zip(gold, predicted, strict=True):
        pairs = _match(g, p)
        matched += len(pairs)
        correct += sum(same_speaker(g[i].speaker, p[j].speaker) for i, j in pairs)
        exact += sum(same_speaker(g[i].speaker, p[j].speaker, exact=True) for i, j in pairs)
    precision = matched / n_pred if n_pred else 1.0
    recall = matched / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return QuoteScores(
        precision=precision,
        recall=recall,
        f1=f1,
        speaker_accuracy=correct / matched if matched else 0.0,
        speaker_exact=exact / matched if matched else 0.0,
        gold=n_gold,
        predicted=n_pred,
        matched=matched,
        speaker_correct=correct,
    )


QuoteError = tuple[str, str, str | None, str | None]  # (kind, text, gold speaker, predicted)


def quote_errors(gold: Sequence[GoldQuote], predicted: Sequence[GoldQuote]) -> list[QuoteError]:
    """One article's errors for error analysis: "missed" gold quotes, "spurious" predicted
    ones and matched quotes with the "speaker" wrong (lenient comparison)."""
    pairs = _match(gold, predicted)
    out: list[QuoteError] = [
        ("speaker", gold[i].text, gold[i].speaker, predicted[j].speaker)
        for i, j in pairs
        if not same_speaker(gold[i].speaker, predicted[j].speaker)
    ]
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    out += [("missed", g.text, g.speaker, None) for i, g in enumerate(gold) if i not in matched_g]
    out += [
        ("spurious", p.text, None, p.speaker) for j, p in enumerate(predicted) if j not in matched_p
    ]
    return out
