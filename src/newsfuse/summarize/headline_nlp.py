"""The headline pipeline: the pinned spaCy model's tagger and parser, and its
part-of-speech rules applied by a table lookup instead of spaCy's `attribute_ruler`.

A headline reads each token's part of speech (`pos_`, a verb or not; the clause
structure of compress.py) and dependency label, nothing else: no lemma, no
morphology, no entity. spaCy's English model sets `pos_` in its `attribute_ruler`,
a token Matcher over 179 patterns (the tag, and for some words the word or its
dependency label, give the part of speech), which cost as much CPU as the tagger and
parser together on news leads: 1.04 of 3.76 s over 1,164 Multi-News leads, the
largest single step of the writer's headline refresh at ingest (docs/benchmarks.md,
"Pipeline speed and memory").

`TagRules` applies the same patterns, read from the loaded model (not copied here),
to each token's (tag, lower-cased word, dependency label, whitespace flag, and the
multi-token patterns that match at it; a value no pattern names stands for all
such values), each distinct key evaluated once: the
ruler's semantics (patterns in order, a later match overriding an earlier one; the
attributes a headline reads: POS, TAG and DEP) on a dictionary lookup per token.
tests/summarize/test_headline_nlp.py checks that every token of real leads and
titles gets the same tag, part of speech and dependency label both ways.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsfuse.config import AnalyzeOptions

_READ = ("POS", "TAG", "DEP")  # what the headline reads of what the ruler sets
_MEMO_LIMIT = 100_000  # distinct token keys kept (a few thousand in practice)


_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # of a token's key
Key = tuple[int, ...]  # hashes of tag, lower-cased text, dependency label; is_space


def _compiled(spec: dict[str, Any], strings: Any) -> list[tuple[int, str, frozenset[int]]]:
    """One token of a Matcher pattern as (field, "=" | "in" | "not in", values), its
    strings as the vocabulary's hashes (what Doc.to_array gives)."""

    def code(value: object) -> int:
        return int(value) if isinstance(value, bool) else int(strings.add(str(value)))

    out = []
    for attr, want in spec.items():
        if attr not in _FIELDS:
            raise ValueError(f"attribute_ruler pattern on {attr!r}: not supported by TagRules")
        if not isinstance(want, dict):
            out.append((_FIELDS[attr], "in", frozenset([code(want)])))
            continue
        if set(want) - {"IN", "NOT_IN"}:
            raise ValueError(f"attribute_ruler predicate {want!r}: not supported")
        for op, values in want.items():
            out.append((_FIELDS[attr], op.lower().replace("_", " "), frozenset(map(code, values))))
    return out


def _holds(key: Key, spec: list[tuple[int, str, frozenset[int]]]) -> bool:
    """Whether a token of `key` matches one compiled token of a pattern."""
    return all((key[f] in values) == (op == "in") for f, op, values in spec)


class TagRules:
    """The attribute_ruler's patterns that set POS, TAG or DEP, applied to a parsed
    Doc by lookup: a token's result depends on its own attributes and on which
    multi-token patterns match around it, so each distinct such key is computed once."""

    def __init__(self, patterns: Sequence[dict[str, Any]], vocab: Any) -> None:
        # spaCy's universal part-of-speech ids (a Cython module: no type stubs)
        self.pos_ids: dict[str, int] = importlib.import_module("spacy.parts_of_speech").IDS
        self.columns = list(_FIELDS)  # Doc.to_array takes attribute names
        Rule = tuple[list[list[tuple[int, str, frozenset[int]]]], int, dict[str, str]]
        self.rules: list[Rule] = []
        for entry in patterns:
            attrs = {k: str(v) for k, v in entry["attrs"].items() if k in _READ}
            for pattern in entry["patterns"] if attrs else []:
                compiled = [_compiled(spec, vocab.strings) for spec in pattern]
                self.rules.append((compiled, int(entry.get("index", 0)), attrs))
        self.multi = [k for k, (p, _, _) in enumerate(self.rules) if len(p) > 1]
        # A value no rule names behaves as any other such value (IN fails, NOT_IN
        # holds), so keys keep only the values the rules name: a few hundred keys.
        self.named: list[set[int]] = [set() for _ in _FIELDS]
        for pattern, _, _ in self.rules:
            for field, _, values in (c for spec in pattern for c in spec):
                self.named[field] |= values
        self.memo: dict[tuple[Key, tuple[bool, ...]], dict[str, str]] = {}

    def _matches(self, keys: Sequence[Key]) -> list[set[int]]:
        """For each multi-token rule, the tokens it matches at (its index token)."""
        hits: list[set[int]] = []
        for rule in self.multi:
            pattern, index, _ = self.rules[rule]
            hits.append(
                {
                    start + index
                    for start in range(len(keys) - len(pattern) + 1)
                    if all(_holds(keys[start + k], spec) for k, spec in enumerate(pattern))
                }
            )
        return hits

    def _result(self, key: Key, multi: tuple[bool, ...]) -> dict[str, str]:
        """The attributes the ruler leaves on a token (later rules override)."""
        out: dict[str, str] = {}
        matched = dict(zip(self.multi, multi, strict=True))
        for k, (pattern, _, attrs) in enumerate(self.rules):
            if matched.get(k, False) if len(pattern) > 1 else _holds(key, pattern[0]):
                out.update(attrs)
        return out

    def __call__(self, doc: Any) -> Any:
        import numpy as np

        if len(self.memo) > _MEMO_LIMIT:
            self.memo.clear()
        named = self.named
        keys: list[Key] = [
            tuple(v if v in named[f] else -1 for f, v in enumerate(row))
            for row in doc.to_array(self.columns).tolist()
        ]
        pos = np.zeros((len(keys), 1), dtype=np.uint64)
        hits = self._matches(keys)
        none = tuple(False for _ in hits)
        for i, key in enumerate(keys):
            multi = tuple(i in h for h in hits) if any(hits) else none
            found = self.memo.get((key, multi))
            if found is None:
                found = self.memo[(key, multi)] = self._result(key, multi)
            pos[i, 0] = self.pos_ids[found["POS"]] if "POS" in found else 0
            if "TAG" in found or "DEP" in found:  # whitespace tokens only
                token = doc[i]
                token.tag_ = found.get("TAG", token.tag_)
                token.dep_ = found.get("DEP", token.dep_)
        doc.from_array(["POS"], pos)
        return doc


class HeadlineNLP:
    """The spaCy pipeline without its attribute_ruler, followed by `TagRules`: called
    on a text, or `pipe` over texts, as a spaCy Language is."""

    def __init__(self, nlp: Any, rules: TagRules) -> None:
        self.nlp, self.rules = nlp, rules

    def __call__(self, text: str) -> Any:
        return self.rules(self.nlp(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Any]:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self.rules(doc)


def load_headline_nlp(model: str = AnalyzeOptions().model) -> HeadlineNLP:
    """The pinned spaCy pipeline, verified, without the entity recognizer, sentence
    recognizer and lemmatizer, its attribute_ruler replaced by `TagRules` of the same
    patterns. Loaded once per application by its `Models` (newsfuse.models)."""
    import spacy

    from newsfuse.analyze.nlp import model_dir, verify_model

    directory = model_dir(model)
    verify_model(model, directory)
    nlp = spacy.load(directory, exclude=["ner", "senter", "lemmatizer"])
    ruler: Any = nlp.get_pipe("attribute_ruler")
    rules = TagRules(ruler.patterns, nlp.vocab)
    nlp.remove_pipe("attribute_ruler")
    return HeadlineNLP(nlp, rules)
