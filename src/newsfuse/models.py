"""The one loader of shipped models: each loaded on first use, verified, kept by its owner.

newsfuse ships four model files with the package (the lexical weights, the learned
scorer's trees, the coverage trees and background table, the recurring-sentence
hashes); each loader checks its file against the pinned sha256, so a swapped or
corrupted file fails loudly. Loading costs up to a few hundred milliseconds, so a
running application loads each once; but not in module globals (config.py: nothing
lives there): a `Models` object is made with the config (`BriefOptions.models`) and
passed down with it, and two applications in one process (a test and a server, two
configs) share nothing.
The imports are inside the loaders so that making a config imports no model code
(a command that briefs nothing never pays for it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from newsfuse.forest import Forest
    from newsfuse.summarize.features import FloatArray
    from newsfuse.summarize.scoring import Scorer


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

    def _get(self, name: str, load: Any) -> Any:
        if name not in self._loaded:
            self._loaded[name] = load()
        return self._loaded[name]

    def lexical(self) -> tuple[FloatArray, float]:
        """The lexical scorer's coefficients and intercept (newsfuse.summarize.lexical)."""
        from newsfuse.summarize import lexical

        weights: tuple[FloatArray, float] = self._get("lexical", lexical.load_weights)
        return weights

    def learned(self) -> Forest:
        """The learned scorer's boosted trees (newsfuse.summarize.learned)."""
        from newsfuse.summarize import learned

        forest: Forest = self._get("learned", learned.load_forest)
        return forest

    def coverage(self) -> tuple[Forest, FloatArray]:
        """The coverage selector's trees and background table (newsfuse.summarize.coverage)."""
        from newsfuse.summarize import coverage

        model: tuple[Forest, FloatArray] = self._get("coverage", coverage.load_model)
        return model

    def recurring(self) -> NDArray[np.uint64]:
        """Hashes of sentences that recur across unrelated stories (summarize.recurring)."""
        from newsfuse.summarize import recurring

        table: NDArray[np.uint64] = self._get("recurring", recurring.load_hashes)
        return table

    def headline_nlp(self) -> Any:
        """The spaCy pipeline headlines are parsed with (newsfuse.summarize.compress)."""
        from newsfuse.summarize import compress

        return self._get("headline_nlp", compress.load_headline_nlp)

    def scorer(self, name: str) -> Scorer:
        """The sentence scorer registered as `name` (newsfuse.summarize.scoring),
        resolved through the registry once and made with these models."""
        from newsfuse.summarize.scoring import load_scorer

        scorer: Scorer = self._get(f"scorer:{name}", lambda: load_scorer(name, self))
        return scorer
