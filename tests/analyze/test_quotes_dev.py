"""Quote and speaker rules of issue #6, on real Wikinews articles of the development sets
(tests/data/quotes_dev*.jsonl) and on text made only of their sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Token

from newsfuse.analyze.entities import EntityIndex, extract_entities
from newsfuse.analyze.nlp import NLP, ParsedArticle
from newsfuse.analyze.quotes import extract_quotes, quote_segments
from newsfuse.analyze.speakers import Context, antecedent, resolve_head
from newsfuse.analyze.terms import title_cased
from newsfuse.config import ExtractOptions
from newsfuse.extract import extract_file
from newsfuse.types import Quote

WIKINEWS = Path(__file__).resolve().parents[2] / "examples/articles/en.wikinews.org"


def context(nlp: NLP, path: Path) -> Context:
    parsed = nlp.parse(extract_file(path, ExtractOptions()))
    quoted = [seg for q in quote_segments(parsed[0].article) for seg in q]
    return Context(parsed[0], EntityIndex(extract_entities(parsed)), quoted)


def quotes_of(nlp: NLP, name: str) -> tuple[Quote, ...]:
    parsed = nlp.parse(extract_file(WIKINEWS / name, ExtractOptions()))
    return extract_quotes(parsed, extract_entities(parsed))


def token(pa: ParsedArticle, text: str, nth: int = 0) -> Token:
    return [t for t in pa.doc if t.text == text][nth]


@pytest.mark.parametrize(
    ("name", "label", "speech"),
    [
        ("M002-08.txt", "head scarf", "wrong and illegal."),  # a black "head scarf"
        ("M008-10.txt", "black boxes", "a French official"),  # recorder, or "black boxes"
        ("M009-08.txt", "Paris defends human rights", "vile misdeeds"),  # a banner with "…"
    ],
)
def test_labels_signs_and_terms_are_not_quotes(
    nlp_pipeline: NLP, name: str, label: str, speech: str
) -> None:
    texts = [q.text for q in quotes_of(nlp_pipeline, name)]
    assert not any(t.startswith(label) for t in texts)
    if speech != "a French official":
        assert speech in texts


def test_title_case_names_are_not_speech() -> None:
    assert title_cased("Global Human Rights Torch Relay")
    assert title_cased("Ode to the Motherland")
    assert not title_cased("wrong and illegal.")
    assert not title_cased("The International Olympic Committee has expressed its concern.")


def test_subject_after_a_dateline(nlp_pipeline: NLP) -> None:
    """ "Meadow Lake, Saskatchewan – The municipal council … has said it "accidentally" …"."""
    found = quotes_of(nlp_pipeline, "M000-06.txt")
    assert [q.text for q in found] == ["accidentally"]
    assert found[0].speaker is not None and "municipal council" in found[0].speaker


def test_gender_from_apposition_and_pronouns(nlp_pipeline: NLP) -> None:
    """ "Elizabeth Byrs, the UN spokeswoman"; "Emmannuel Buso, aged 21, … He said that he …"."""
    ctx = context(nlp_pipeline, WIKINEWS / "M006-04.txt")
    byrs = ctx.index.at(ctx.pa.article.id, *_span(ctx, "Elizabeth Byrs"))
    buso = ctx.index.at(ctx.pa.article.id, *_span(ctx, "Emmannuel Buso"))
    assert byrs is not None and buso is not None
    assert ctx.gender(byrs.id) == "f" and ctx.gender(buso.id) == "m"


def _span(ctx: Context, text: str) -> tuple[int, int]:
    start = ctx.pa.article.body.index(text)
    return start, start + len(text)


def _story(nlp: NLP, tmp_path: Path, *sentences: str) -> Context:
    path = tmp_path / "sentences.txt"
    path.write_text("Sentences of the development articles\n\n" + " ".join(sentences) + "\n")
    return context(nlp, path)


def test_pronoun_skips_the_last_person_of_the_other_gender(
    nlp_pipeline: NLP, tmp_path: Path
) -> None:
    """Sentences of M006-04 and M000-06: "He" is Buso, not Dorothy Lockwood named later."""
    ctx = _story(
        nlp_pipeline,
        tmp_path,
        "Emmannuel Buso, aged 21, was rescued by an Israeli search team.",
        "Some townspeople accused councillor Dorothy Lockwood of ambushing the meeting by "
        "presenting the last-minute proposal to divert money from the town's centennial "
        "fireworks fund.",
        "Lockwood claimed the timing was urgent as the federal government's deadline for "
        "matching donations was the next day at midnight.",
        "The Red Cross has already deposited the cheque, but has indicated it will return "
        "the money.",
        "He said that he was coming out of the shower when the earthquake hit, and survived "
        "ten days by drinking his own urine.",
    )
    assert antecedent(ctx, token(ctx.pa, "He"))[0] == "Emmannuel Buso"


def test_the_spokesperson_is_the_one_named_before(nlp_pipeline: NLP, tmp_path: Path) -> None:
    """Sentences of M006-04 and M009-08: a named spokeswoman, then "The spokesperson said"."""
    ctx = _story(
        nlp_pipeline,
        tmp_path,
        "According to Elizabeth Byrs, the UN spokeswoman, 132 people have been rescued since "
        "the earthquake hit.",
        'The spokesperson said "The International Olympic Committee has expressed its serious '
        'concern and calls for a rapid peaceful resolution in Tibet."',
    )
    found = resolve_head(ctx, token(ctx.pa, "spokesperson"))
    assert found is not None and found[0] == "Elizabeth Byrs"


def test_definite_titles_resolve_to_the_named_holder(nlp_pipeline: NLP) -> None:
    """ "The President said" (M002-02) and "the governor commented" (M006-06)."""
    ctx = context(nlp_pipeline, WIKINEWS / "M002-02.txt")
    assert resolve_head(ctx, token(ctx.pa, "President", 1)) == _person(ctx, "Ahmadinejad")
    ctx = context(nlp_pipeline, WIKINEWS / "M006-06.txt")
    assert resolve_head(ctx, token(ctx.pa, "governor")) == _person(ctx, "Crist")


def _person(ctx: Context, surname: str) -> tuple[str, str]:
    ent = ctx.index.at(ctx.pa.article.id, *_span(ctx, surname))
    assert ent is not None
    return ent.name, ent.id
