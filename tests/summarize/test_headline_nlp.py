"""The headline pipeline's part-of-speech rules by lookup (summarize.headline_nlp) give
every token the tag, part of speech, dependency label and head that spaCy's own
attribute_ruler gives, on the titles and leads of real articles."""

from __future__ import annotations

from pathlib import Path

from newsfuse.config import ExtractOptions
from newsfuse.extract import extract_file
from newsfuse.summarize.compress import load_headline_nlp as load_with_ruler
from newsfuse.summarize.headline import clean_title
from newsfuse.summarize.headline_nlp import load_headline_nlp


def test_lookup_rules_parse_as_the_attribute_ruler_does(examples_dir: Path) -> None:
    texts = []
    for path in sorted((examples_dir / "articles").rglob("*.txt")):
        for article in extract_file(path, ExtractOptions()):
            texts += [clean_title(article.title or ""), *(s.text for s in article.sentences[:3])]
    texts = [t for t in dict.fromkeys(texts) if t]
    assert len(texts) > 200
    ruler, lookup = load_with_ruler(), load_headline_nlp()
    compared = 0
    for a, b in zip(ruler.pipe(texts), lookup.pipe(texts), strict=True):
        assert [(t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in a] == [
            (t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in b
        ], a.text
        compared += len(a)
    assert compared > 5000
    single = lookup(texts[0])  # one text at a time, as the headline asks when not parsed ahead
    assert [t.pos_ for t in single] == [t.pos_ for t in ruler(texts[0])]
