"""`newsfuse eval read`: briefs measured as a reader reads them.

Every method briefs every story of a dataset at one word budget; the detectors
of `read_detectors` flag each sentence, and each brief is checked for being
empty, for its headline (a verb, at most 14 words, not cut, not furniture) and
for its first sentence carrying the main event (its overlap with the editor's
first sentence, or with the articles' titles when there is no reference).
Rates are per 100 sentences and per brief. Datasets: a summarization file
(clusters with references) or a clustering file (articles with a gold `cluster`;
stories of at least two articles, as gva_dev's incidents).
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsfuse.config import AnalyzeOptions, BriefOptions
from newsfuse.evaluation.baselines import BASELINES, NEWSFUSE
from newsfuse.evaluation.datasets import (
    cluster_articles,
    clustering_article,
    iter_jsonl,
    open_output,
    read_clustering_records,
    read_summary_clusters,
)
from newsfuse.evaluation.excerpts import Excerpts, load_annotations
from newsfuse.evaluation.read_detectors import (
    SENTENCE_DEFECTS,
    ReadBrief,
    ReadSentence,
    lede_overlap,
    sentence_flags,
)
from newsfuse.summarize import build_brief
from newsfuse.summarize.brief import reports as report_pages
from newsfuse.summarize.headline import headline as make_headline
from newsfuse.summarize.headline import incomplete_headline
from newsfuse.text.sentences import split_sentences
from newsfuse.types import Article

LEDE_OVERLAP = 0.25  # first sentence holds this share of the editor's lede words: main event
CONTEXT = 3  # source sentences kept before each brief sentence


@dataclass(frozen=True)
class ReadStory:
    """A story to brief: its articles and the editors' ledes (or titles)."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]


def _first_sentence(text: str) -> str:
    sentences = split_sentences("ref", text)
    return sentences[0].text if sentences else text


def load_stories(path: Path | str, limit: int | None = None) -> list[ReadStory]:
    """Stories of a summarization or clustering file, in file order."""
    first = next(iter_jsonl(path), {})
    if "documents" in first:
        return [
            ReadStory(
                c.id, tuple(cluster_articles(c)), tuple(_first_sentence(s) for s in c.summaries)
            )
            for c in read_summary_clusters(path, limit)
        ]
    groups: dict[str, list[Article]] = {}
    for record in read_clustering_records(path):
        groups.setdefault(record.cluster, []).append(clustering_article(record))
    stories = [
        ReadStory(cid, tuple(arts), tuple(a.title for a in arts if a.title))
        for cid, arts in groups.items()
        if len(arts) >= 2
    ]
    return stories[:limit] if limit is not None else stories


def _read_sentences(
    articles: Sequence[Article], texts: Sequence[str], shown: Sequence[str] | None = None
) -> tuple[ReadSentence, ...]:
    """Each text located in its (first) source article, with what came before it;
    `shown` (default `texts`) is what the reader sees (a bracketed referent)."""
    out: list[ReadSentence] = []
    for text, display in zip(texts, shown or texts, strict=True):
        found = ReadSentence(display)
        for article in articles:
            for k, sentence in enumerate(article.sentences):
                if sentence.text == text:
                    before = tuple(s.text for s in article.sentences[max(0, k - CONTEXT) : k])
                    date = article.date.isoformat() if article.date else None
                    found = ReadSentence(display, before, date)
                    break
            if found.date is not None or found.before:
                break
        out.append(found)
    return tuple(out)


def brief_options(method: str, words: int, base: BriefOptions | None = None) -> BriefOptions:
    """Options of a newsfuse method: "newsfuse-<scorer>" (a registered scorer) or
    "newsfuse-<standalone>" (antecedent, bracket, drop, off: how a sentence that
    leans back is handled); `base`: the options (and so the loaded models) to vary."""
    options = dataclasses.replace(base or BriefOptions(), words=words)
    variant = method.removeprefix(NEWSFUSE).removeprefix("-")
    if variant in ("antecedent", "bracket", "drop", "off"):
        return dataclasses.replace(options, standalone=variant)
    return dataclasses.replace(options, scorer=variant) if variant else options


def brief_for(method: str, story: ReadStory, words: int, base: BriefOptions) -> ReadBrief:
    """The brief `method` writes of `story`, as the detectors read it (`base`: the
    options every brief starts from, whose models load once)."""
    articles = story.articles
    if method == NEWSFUSE or method.startswith(f"{NEWSFUSE}-"):
        brief = build_brief(story.id, articles, brief_options(method, words, base))
        texts = [s.source_text for s in brief.sentences]
        shown: list[str] | None = [s.text for s in brief.sentences]
        title = brief.headline
    else:
        texts = BASELINES[method](articles, words) if articles else []
        shown = None
        lead = texts[0] if texts else None
        nlp = base.models.headline_nlp()
        title = make_headline(articles, lead=lead, others=texts[1:], nlp=nlp) if articles else ""
    dates = tuple(sorted({a.date.isoformat() for a in articles if a.date}))
    return ReadBrief(
        story.id, method, title, _read_sentences(articles, texts, shown), dates, story.references
    )


@dataclass
class ReadReport:
    """Counts of one method on one dataset (rates are computed on print)."""

    method: str
    briefs: int = 0
    sentences: int = 0
    empty: int = 0
    no_article_text: int = 0  # stories whose every source is a notice page (not empty)
    headline_incomplete: int = 0
    lede_checked: int = 0
    lede_missed: int = 0
    seconds: float = 0.0
    defects: dict[str, int] | None = None
    any_defect: int = 0

    def add(self, brief: ReadBrief, nlp: Any, no_article_text: bool = False) -> None:
        """Count one brief's defects (`nlp`: a spaCy pipeline with a tagger, for
        the headline's verb). `no_article_text`: the story's every source is a page
        that is no report (summarize.brief.reports): its brief says so and is counted
        apart, not as empty (an archive never makes such a story)."""
        self.defects = self.defects or dict.fromkeys(SENTENCE_DEFECTS, 0)
        self.briefs += 1
        self.sentences += len(brief.sentences)
        self.no_article_text += no_article_text
        self.empty += not brief.sentences and not no_article_text
        self.headline_incomplete += incomplete_headline(brief.headline, nlp)
        for flags in sentence_flags(brief):
            for name, flagged in flags.items():
                self.defects[name] += flagged
            self.any_defect += any(flags.values())
        if brief.references:
            self.lede_checked += 1
            first = brief.sentences[0].text if brief.sentences else ""
            self.lede_missed += lede_overlap(first, brief.references) < LEDE_OVERLAP

    def rates(self) -> dict[str, float]:
        """Per 100 sentences for sentence defects, % of briefs for the rest."""
        per = 100 / max(self.sentences, 1)
        out = {name: count * per for name, count in (self.defects or {}).items()}
        out["any_defect"] = self.any_defect * per
        out["empty_briefs"] = 100 * self.empty / max(self.briefs, 1)
        out["no_article_text"] = 100 * self.no_article_text / max(self.briefs, 1)
        out["headline_incomplete"] = 100 * self.headline_incomplete / max(self.briefs, 1)
        out["lede_missed"] = 100 * self.lede_missed / max(self.lede_checked, 1)
        return out


def brief_dict(brief: ReadBrief) -> dict[str, Any]:
    """A brief as one JSON line (the form hand labels are added to)."""
    return asdict(brief)


def brief_from_dict(raw: dict[str, Any]) -> ReadBrief:
    """The inverse of `brief_dict` (labels included when present)."""
    return ReadBrief(
        id=str(raw["id"]),
        method=str(raw["method"]),
        headline=str(raw["headline"]),
        sentences=tuple(
            ReadSentence(s["text"], tuple(s.get("before") or ()), s.get("date"))
            for s in raw["sentences"]
        ),
        story_dates=tuple(raw.get("story_dates") or ()),
        references=tuple(raw.get("references") or ()),
        labels={k: list(v) for k, v in (raw.get("labels") or {}).items()},
    )


def evaluate_read(
    path: Path | str,
    methods: Sequence[str],
    words: int = 120,
    limit: int | None = None,
    out: Path | None = None,
) -> list[ReadReport]:
    """One report per method; every brief written to `out` when given."""
    stories = load_stories(path, limit)
    reports = [ReadReport(m) for m in methods]
    base = BriefOptions()  # one config, so its models load once for every story
    from newsfuse.analyze.nlp import load_nlp  # spaCy: imported when used, not by the CLI

    nlp = load_nlp(AnalyzeOptions())  # loaded once per evaluation, passed down
    handle = open_output(out) if out is not None else None
    try:
        for story in stories:
            for report in reports:
                start = time.perf_counter()
                brief = brief_for(report.method, story, words, base)
                report.seconds += time.perf_counter() - start
                report.add(brief, nlp, not report_pages(story.articles))
                if handle is not None:
                    handle.write(json.dumps(brief_dict(brief)) + "\n")
    finally:
        if handle is not None:
            handle.close()
    return reports


@dataclass(frozen=True)
class Agreement:
    """A detector against the hand labels."""

    name: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else 1.0


def label_agreement(
    path: Path | str, lede_overlap_min: float = LEDE_OVERLAP, excerpts: Excerpts | None = None
) -> list[Agreement]:
    """Each sentence detector, and the lede check ("lede_missed"), against the
    labels of a file written by `evaluate_read` and labelled by hand
    (tests/data/read_labels.jsonl: its Multi-News and gva_dev text is stored as
    references into ../shared, resolved by evaluation.excerpts)."""
    counts = {name: [0, 0, 0] for name in (*SENTENCE_DEFECTS, "lede_missed")}
    for raw in load_annotations(path, excerpts):
        brief = brief_from_dict(raw)
        for i, flags in enumerate(sentence_flags(brief)):
            for name, flagged in flags.items():
                gold = i in brief.labels.get(name, [])
                _tally(counts[name], flagged, gold)
        if brief.references and "lede" in brief.labels:
            first = brief.sentences[0].text if brief.sentences else ""
            missed = lede_overlap(first, brief.references) < lede_overlap_min
            _tally(counts["lede_missed"], missed, brief.labels["lede"] == [0])
    return [Agreement(name, *c) for name, c in counts.items()]


def _tally(count: list[int], flagged: bool, gold: bool) -> None:
    count[0] += flagged and gold
    count[1] += flagged and not gold
    count[2] += gold and not flagged
