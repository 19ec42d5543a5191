"""The data types every stage takes and returns.

One place for them, so that extract, dedupe, cluster, summarize, store and the
interfaces (CLI, Python API) agree on what an article, a story and a brief are.
All are frozen dataclasses: a stage returns new values instead of mutating.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC, collapsed whitespace, stripped: the form ids and shingles are computed on."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(*parts: str | None, length: int = 16) -> str:
    """Stable hex id of normalized text parts (sha256, truncated)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(normalize_text(part or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body, located by character offsets into it."""

    id: str  # "<article id>:<index>", derived from the article's content hash
    index: int  # 0-based position in the article
    paragraph: int  # 0-based paragraph number
    start: int  # offset into Article.body
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One extracted article: clean body plus what is known about it (None = unknown)."""

    id: str
    title: str | None
    body: str
    outlet: str | None
    byline: str | None
    date: dt.date | None
    url: str | None
    source: str  # where it came from: a path, "path:line", "<stdin>"
    sentences: tuple[Sentence, ...] = ()
    duplicate_of: str | None = None  # id of the original this is a near-copy of
    # "article", or the kind of page that is not one (extract/kind.py: archive, error,
    # widget, notice, short): stored and searchable, never clustered or briefed.
    kind: str = "article"
    # ISO 639 code of the body's language (newsfuse.lang.detect), "und" when unsure.
    # Articles in a language without a newsfuse/lang/<code>/ folder are stored and
    # searchable but never clustered or briefed (newsfuse.lang.scored).
    language: str = "en"

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    @property
    def label(self) -> str:
        """Human name for the article: outlet, else the source's file name."""
        if self.outlet:
            return self.outlet
        return self.source.rsplit("/", 1)[-1]


def article_id(title: str | None, body: str, outlet: str | None, url: str | None) -> str:
    """Content-hash id: the same text from the same outlet is the same article."""
    return content_hash(title, body, outlet, url)


@dataclass(frozen=True)
class Failure:
    """An input that could not be turned into an article, and why (one clear line)."""

    source: str
    code: str  # numbered error code, see newsfuse.errors
    message: str

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.message}"


@dataclass(frozen=True)
class Story:
    """Articles that report the same event. Duplicates ride along with their originals."""

    id: str
    article_ids: tuple[str, ...]  # originals, in (date, ingest) order
    duplicate_ids: tuple[str, ...] = ()
    headline: str | None = None
    outlets: tuple[str, ...] = ()
    first_date: dt.date | None = None
    last_date: dt.date | None = None


@dataclass(frozen=True)
class SearchHit:
    """A stored article that matches a search: its story and the passage that matched
    (matched words between `**`)."""

    article_id: str
    story_id: str | None
    score: float  # relevance (BM25, title words weigh more); higher is better
    snippet: str


@dataclass(frozen=True)
class StoryHit:
    """A story with articles matching a search, ranked by its best one."""

    story: Story
    hits: tuple[SearchHit, ...]  # the matching articles, best first (never empty)

    @property
    def score(self) -> float:
        """The story's rank: its best article's score."""
        return self.hits[0].score


@dataclass(frozen=True)
class StoryEvent:
    """A recorded change of story membership: a merge, a split, or a re-clustering.

    merge: `other_id` was absorbed into `story_id`; split: articles of `story_id`
    moved to `other_id`; detail says how many, and why (stream or recluster).
    """

    kind: str
    story_id: str
    other_id: str | None = None
    detail: str | None = None
    at: str | None = None


@dataclass(frozen=True)
class Citation:
    """A pointer to the sentence of an article that states something."""

    article_id: str
    sentence_id: str
    similarity: float = 1.0  # 1.0 for the sentence itself; overlap score for support


@dataclass(frozen=True)
class Insertion:
    """Words the brief put into a source sentence, in square brackets as editors do:
    `text[start:end]` of the brief sentence ("[Klintsevich]") stands for `replaces`
    ("He") of the source sentence, so every other word still traces to the source."""

    start: int
    end: int
    replaces: str


@dataclass(frozen=True)
class BriefSentence:
    """A summary sentence: verbatim text of `source`, also reported by `support`."""

    text: str
    source: Citation
    support: tuple[Citation, ...] = ()
    # Read with the brief sentence before it: the next sentence of the same source
    # passage (the rest of a quotation, the sentence its pronoun needs).
    joined: bool = False
    insertions: tuple[Insertion, ...] = ()

    @property
    def source_text(self) -> str:
        """The verbatim source sentence: the text with every insertion undone."""
        text = self.text
        for insertion in sorted(self.insertions, key=lambda i: -i.start):
            text = text[: insertion.start] + insertion.replaces + text[insertion.end :]
        return text

    @property
    def citations(self) -> tuple[Citation, ...]:
        return (self.source, *self.support)


@dataclass(frozen=True)
class SourceRef:
    """A numbered source of a brief, as a reader sees it."""

    number: int
    article_id: str
    outlet: str | None
    title: str | None
    date: dt.date | None
    url: str | None
    source: str


@dataclass(frozen=True)
class Brief:
    """A cited extractive summary of one story."""

    story_id: str
    headline: str
    sentences: tuple[BriefSentence, ...]
    sources: tuple[SourceRef, ...]
    word_budget: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    # Every source is a page that is no report (a crawl notice, a paywall): no
    # sentence is news, and the brief says so instead of being silently empty.
    no_article_text: bool = False

    @property
    def word_count(self) -> int:
        """The sources' words the brief quotes: the budget counts them; a bracketed
        referent ("[Jane Doe] said" for "Doe said") is the editor's, not counted."""
        return sum(len(s.source_text.split()) for s in self.sentences)

    def number_of(self, article_id: str) -> int:
        for ref in self.sources:
            if ref.article_id == article_id:
                return ref.number
        raise KeyError(article_id)


@dataclass
class IngestReport:
    """What one ingest run did: counts, failures, and the stories touched."""

    ingested: int = 0
    duplicates: int = 0
    already_present: int = 0
    failures: list[Failure] = field(default_factory=list)
    stories: int = 0
    new_stories: int = 0
    grown_stories: int = 0
    events: list[StoryEvent] = field(default_factory=list)
    non_articles: int = 0  # stored, but pages that are not articles (never in a story)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary_line(self) -> str:
        pages = f" ({self.non_articles} not articles)" if self.non_articles else ""
        return (
            f"ingested {self.ingested}{pages}, duplicates {self.duplicates}, "
            f"already present {self.already_present}, failed {self.failed}; "
            f"{self.stories} stories ({self.new_stories} new, {self.grown_stories} grown, "
            f"{sum(e.kind == 'merge' for e in self.events)} merged)"
        )


# --- Story analysis (the dossier): who said what, numbers, disagreements, timeline ---


@dataclass(frozen=True)
class Mention:
    """Where an entity, quote or number occurs: a span of one sentence of one article."""

    article_id: str
    sentence_id: str
    start: int  # offsets into Article.body
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """One real-world entity across the story, with every mention of it."""

    id: str  # stable within the story: "e-" + hash of kind and canonical name
    name: str  # canonical name ("Sergei Shoigu", "Russian Defense Ministry")
    kind: str  # person | organization | place | equipment | group | event | other
    aliases: tuple[str, ...]  # surface forms seen ("Shoigu", "Russia's defense minister")
    mentions: tuple[Mention, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it (None when the text does not say)."""

    text: str  # the quoted words, without the quotation marks
    speaker: str | None  # canonical entity name
    speaker_id: str | None  # Entity.id
    channel: str | None  # "according to the Associated Press", "told journalists"
    citations: tuple[Citation, ...]  # the sentence(s) holding it, first one first


@dataclass(frozen=True)
class Claim:
    """A statement attributed to a source without quotation marks."""

    source: str  # canonical source ("Russian Defense Ministry", "an unnamed U.S. official")
    source_id: str | None
    verb: str  # "said", "told the AP", "claimed"
    claim: str  # the attributed content ("the strikes destroyed five ...")
    citation: Citation


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts ("five major ammunition depots")."""

    text: str  # the phrase as written
    value: float | None  # 5.0; None when not numeric ("dozens")
    counted: str | None  # "ammunition depots", "percent"
    citation: Citation


@dataclass(frozen=True)
class TimelineEvent:
    """Something the story says happened on a date, resolved against its article's date."""

    date: dt.date
    precision: str  # day | month | year | season
    expression: str  # the text that gave the date ("on Tuesday", "last fall")
    text: str  # the sentence
    citation: Citation


@dataclass(frozen=True)
class Comparison:
    """Where outlets differ: one outlet alone reports a fact, claims conflict, numbers differ."""

    kind: str  # single_source | conflict | number_mismatch | name_mismatch | in_article
    summary: str  # one line, made only of words from the cited sentences
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Dossier:
    """The analysis of a story that goes with its brief."""

    story_id: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
