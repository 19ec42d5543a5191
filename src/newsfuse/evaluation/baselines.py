"""Reference methods to compare newsfuse against, and newsfuse itself, by name.

Summarizers take a cluster's Articles and a word budget and return sentence
texts. All use the Articles' own `.sentences`, so every method picks from the
same sentence split and differences come from selection alone. Each fills the
budget (the last sentence may cross it; the protocol cuts at N words anyway)
and skips a sentence whose text was already chosen (syndicated copies).

Story clusterers are in cluster_methods.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from newsfuse.config import BriefOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.summarize import build_brief
from newsfuse.summarize.scoring import SCORERS
from newsfuse.text.tokens import words
from newsfuse.types import Article, normalize_text

Summarizer = Callable[[Sequence[Article], int], list[str]]


def _word_count(text: str) -> int:
    return len(text.split())


def _fill(texts: Iterable[tuple[int, str]], budget: int) -> list[int]:
    """Positions taken from `(position, text)` in the given order until `budget` words.

    A text equal (case/space-normalized) to one already taken is skipped.
    """
    taken: list[int] = []
    seen: set[str] = set()
    total = 0
    for position, text in texts:
        if total >= budget:
            break
        key = normalize_text(text).lower()
        if not key or key in seen:
            continue
        seen.add(key)
        taken.append(position)
        total += _word_count(text)
    return taken


def lead(articles: Sequence[Article], budget: int) -> list[str]:
    """First sentence of each article in turn, then the second ones, ... to the budget."""
    depth = max((len(a.sentences) for a in articles), default=0)
    texts = [a.sentences[k].text for k in range(depth) for a in articles if k < len(a.sentences)]
    return [texts[i] for i in _fill(enumerate(texts), budget)]


class _WordTokenizer:
    """sumy tokenizer over newsfuse's word tokenizer (sentences are given, not split)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def _sumy_select(summarizer: Any, articles: Sequence[Article], budget: int) -> list[str]:
    """Sentences in sumy's rank order up to the budget, returned in document order.

    One sumy paragraph per article. sumy's `sentences_count` may be a callable
    receiving all sentences sorted by rating; it is used to fill the budget.
    """
    tokenizer = _WordTokenizer()
    texts = [s.text for a in articles for s in a.sentences]
    if not texts:
        return []
    document = ObjectDocumentModel(
        [Paragraph([SumySentence(s.text, tokenizer) for s in a.sentences]) for a in articles]
    )
    chosen: list[int] = []

    def count(infos: Sequence[Any]) -> list[Any]:
        picked = set(_fill(((int(i.order), str(i.sentence)) for i in infos), budget))
        chosen.extend(sorted(picked))
        return [i for i in infos if int(i.order) in picked]

    summarizer.stop_words = get_stop_words("english")
    summarizer(document, count)
    return [texts[i] for i in chosen]


def lexrank(articles: Sequence[Article], budget: int) -> list[str]:
    """LexRank (Erkan & Radev 2004) as implemented by sumy, English stemmer and stop words."""
    return _sumy_select(LexRankSummarizer(Stemmer("english")), articles, budget)


def textrank(articles: Sequence[Article], budget: int) -> list[str]:
    """TextRank (Mihalcea & Tarau 2004) as implemented by sumy."""
    return _sumy_select(TextRankSummarizer(Stemmer("english")), articles, budget)


def sumbasic(articles: Sequence[Article], budget: int) -> list[str]:
    """SumBasic (Nenkova & Vanderwende 2005) as implemented by sumy."""
    return _sumy_select(SumBasicSummarizer(Stemmer("english")), articles, budget)


class NewsfuseBrief:
    """The production brief (`build_brief`) with a word budget, citations dropped:
    with the configured scorer, or the one named (any registered in
    newsfuse.summarize.scoring). One per evaluation, so its config and the models
    that config loads serve every cluster."""

    def __init__(self, scorer: str | None = None) -> None:
        options = BriefOptions()
        self.options = options if scorer is None else replace(options, scorer=scorer)

    def __call__(self, articles: Sequence[Article], budget: int) -> list[str]:
        brief = build_brief("eval", articles, replace(self.options, words=budget))
        return [s.text for s in brief.sentences]


NEWSFUSE = "newsfuse"  # the production brief; "newsfuse-<scorer>" with another scorer
BASELINES: Mapping[str, Summarizer] = MappingProxyType(
    {"lead": lead, "lexrank": lexrank, "textrank": textrank, "sumbasic": sumbasic}
)


def summarizer_names() -> list[str]:
    """Every summarizer an evaluation can name: newsfuse with each registered scorer,
    then the baselines."""
    return [NEWSFUSE, *(f"{NEWSFUSE}-{name}" for name in SCORERS.names()), *BASELINES]


def summarizer(method: str) -> Summarizer:
    """The summarizer named `method` (see `summarizer_names`); E701 if none is."""
    if method == NEWSFUSE:
        return NewsfuseBrief()
    scorer = method.removeprefix(f"{NEWSFUSE}-")
    if scorer != method and scorer in SCORERS.names():
        return NewsfuseBrief(scorer)
    if method in BASELINES:
        return BASELINES[method]
    raise NewsfuseError(
        ErrorCode.UNKNOWN_COMPONENT,
        f"no summarizer named {method!r} (known: {', '.join(summarizer_names())})",
    )
