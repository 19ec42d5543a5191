"""The one loader of shipped models: each loaded on first use, verified, kept by its owner.

newsfuse ships model files with the package (the lexical weights, the learned
scorer's trees, the coverage trees and background table, the recurring-sentence
hashes) and uses models other packages ship (the spaCy pipeline headlines are
parsed with, py3langid's language identifier, wordfreq's word frequencies); each
loader checks its file against the pinned sha256, so a swapped or corrupted file
fails loudly. Loading costs up to a few hundred milliseconds, so a running
application loads each once; but not in module globals (config.py: nothing lives
there): a `Models` object is made with the config (`BriefOptions.models`) and passed
down with it, and two applications in one process (a test and a server, two
configs) share nothing.

Each model is named in a registry (MODELS, entry-point group ``newsfuse.models``) by
the ``module:function`` that loads it, so that this module imports none of them:
making a config imports no model code (a command that briefs nothing never pays
for it), and the modules that load models may use the config freely (no cycle).
Another package may replace a shipped model by registering its own loader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newsfuse.registry import registry

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from newsfuse.forest import Forest
    from newsfuse.lang.background import Zipf
    from newsfuse.summarize.features import FloatArray
    from newsfuse.summarize.scoring import Scorer

MODELS = registry(
    "model",
    "newsfuse.models",
    {
        "lexical": "newsfuse.summarize.lexical:load_weights",
        "learned": "newsfuse.summarize.learned:load_forest",
        "coverage": "newsfuse.summarize.coverage:load_model",
        "recurring": "newsfuse.summarize.recurring:load_hashes",
        "headline_nlp": "newsfuse.summarize.headline_nlp:load_headline_nlp",
        "language_identifier": "newsfuse.lang.detect:load_identifier",
        "zipf": "newsfuse.lang.background:Zipf",
        "scorer": "newsfuse.summarize.scoring:load_scorer",
    },
)


class Models:
    """Shipped models, each loaded (and hash-checked) the first time it is asked for."""

    def __init__(self) -> None:
        self._loaded: dict[str, Any] = {}

    def __deepcopy__(self, memo: dict[int, Any]) -> Models:
        """Shared, not copied (dataclasses.asdict deep-copies option values)."""
        return self

    def __reduce__(self) -> tuple[type[Models], tuple[()]]:
        """A worker process gets an empty loader and loads what it uses."""
        return (Models, ())

    def _get(self, key: str, name: str, *args: Any) -> Any:
        """The model `key`, made once by the loader registered as `name` (with `args`)."""
        if key not in self._loaded:
            load: Callable[..., Any] = MODELS.load(name)  # type: ignore[assignment]
            self._loaded[key] = load(*args)
        return self._loaded[key]

    def lexical(self) -> tuple[FloatArray, float]:
        """The lexical scorer's coefficients and intercept (newsfuse.summarize.lexical)."""
        weights: tuple[FloatArray, float] = self._get("lexical", "lexical")
        return weights

    def learned(self) -> Forest:
        """The learned scorer's boosted trees (newsfuse.summarize.learned)."""
        forest: Forest = self._get("learned", "learned")
        return forest

    def coverage(self) -> tuple[Forest, FloatArray]:
        """The coverage selector's trees and background table (newsfuse.summarize.coverage)."""
        model: tuple[Forest, FloatArray] = self._get("coverage", "coverage")
        return model

    def recurring(self) -> NDArray[np.uint64]:
        """Hashes of sentences that recur across unrelated stories (summarize.recurring)."""
        table: NDArray[np.uint64] = self._get("recurring", "recurring")
        return table

    def headline_nlp(self) -> Any:
        """The spaCy pipeline headlines are parsed with (newsfuse.summarize.compress)."""
        return self._get("headline_nlp", "headline_nlp")

    def language_identifier(self) -> Any:
        """py3langid's identifier, hash-checked (newsfuse.lang.detect)."""
        return self._get("language_identifier", "language_identifier")

    def zipf(self, code: str = "en") -> Zipf:
        """Zipf frequencies of words in general text of language `code`, remembered as
        they are looked up (newsfuse.lang.background; the topic signatures' reference)."""
        table: Zipf = self._get(f"zipf:{code}", "zipf", code)
        return table

    def scorer(self, name: str) -> Scorer:
        """The sentence scorer registered as `name` (newsfuse.summarize.scoring),
        resolved through the registry once and made with these models."""
        scorer: Scorer = self._get(f"scorer:{name}", "scorer", name, self)
        return scorer
