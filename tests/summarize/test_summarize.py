"""newsfuse.summarize on real articles only: the seeds, Wikinews and Multi-News val."""

from __future__ import annotations

import gzip
import itertools
import json
import re
from pathlib import Path

import pytest

from conftest import SEED_TITLE, bracketed_insertion, read_articles
from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.evaluation.excerpts import Excerpts
from newsfuse.models import Models
from newsfuse.summarize import (
    brief_to_dict,
    build_brief,
    headline,
    render_markdown,
)
from newsfuse.summarize.brief import reporting, reports
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.headline import (
    incomplete_headline,
    later_sentences,
    story_lead,
    story_leads,
)
from newsfuse.summarize.recurring import load_hashes
from newsfuse.summarize.render import locator
from newsfuse.summarize.select import quality as select_quality
from newsfuse.summarize.standalone import (
    bracketed,
    referring_opening,
    stems,
    unit_rows,
    with_referents,
)
from newsfuse.types import Article, Brief

OPTIONS = BriefOptions()


@pytest.fixture(scope="module")
def briefs(
    seeds: list[Article],
    wikinews: list[tuple[str, list[Article]]],
    multinews: list[tuple[str, list[Article]]],
) -> list[tuple[Brief, list[Article], BriefOptions]]:
    """Briefs at several budgets over every real story the tests use."""
    out = [(build_brief("seed", seeds, OPTIONS), seeds, OPTIONS)]
    for words, stories in ((100, wikinews), (300, multinews), (60, multinews[:5])):
        options = BriefOptions(words=words)
        out += [(build_brief(sid, arts, options), arts, options) for sid, arts in stories]
    return out


def test_seed_lead_is_the_hamadan_strike(seeds: list[Article]) -> None:
    """The lede says who did what, where and when: the wire lede of the strike
    from Iran (the learned lede, newsfuse.summarize.lede; until issue 20 the
    hand-weighted score led with the Defense Ministry's "Hamadan ... Tu-22M3 and
    Su-34" sentence, which the learned lede ranks second). The base is named
    further down, and nothing in the brief repeats the lede."""
    brief = build_brief("seed", seeds, OPTIONS)
    lead = brief.sentences[0].text
    assert brief.sentences[0].source.article_id == seeds[0].id
    assert lead.startswith("Russian warplanes") and "base in Iran" in lead
    assert "Tuesday" in lead and "air strikes" in lead and "Islamic State" in lead
    assert any("Hamadan" in s.text for s in brief.sentences[1:])
    assert brief.headline == SEED_TITLE


def test_seed_facts_both_report_cite_both(seeds: list[Article]) -> None:
    brief = build_brief("seed", seeds, OPTIONS)
    by_text = {s.text: s for s in brief.sentences}
    hamadan = brief.sentences[0].text
    wire = next(t for t in by_text if t.startswith("Russian warplanes deployed"))
    for text in (wire, hamadan):
        assert {c.article_id for c in by_text[text].citations} == {a.id for a in seeds}
    assert f"{hamadan} [1][2]" in render_markdown(brief)


def test_grounded_verbatim(briefs: list[tuple[Brief, list[Article], BriefOptions]]) -> None:
    for brief, articles, _ in briefs:
        by_id = {a.id: a for a in articles}
        assert brief.sentences
        for sentence in brief.sentences:
            article = by_id[sentence.source.article_id]
            source = next(s for s in article.sentences if s.id == sentence.source.sentence_id)
            # verbatim but for bracketed insertions ("[Jane Doe] said"), each recorded
            assert sentence.source_text == source.text == article.body[source.start : source.end]
            assert all(bracketed_insertion(sentence.text, i) for i in sentence.insertions)
            assert sentence.source.similarity == 1.0


def test_budget_respected(briefs: list[tuple[Brief, list[Article], BriefOptions]]) -> None:
    for brief, _, options in briefs:
        assert brief.word_budget == options.words
        assert brief.word_count <= options.words or len(brief.sentences) == 1


def test_no_near_duplicates_and_support_is_real(
    briefs: list[tuple[Brief, list[Article], BriefOptions]],
) -> None:
    for brief, articles, options in briefs:
        # what the brief reads: no crawl notices, and each report's reporting only
        matrix = story_matrix([t for t in map(reporting, reports(articles)) if t.sentences])
        row = {s.id: i for i, s in enumerate(matrix.sentences)}
        rows = [row[s.source.sentence_id] for s in brief.sentences]
        for a, b in itertools.combinations(rows, 2):
            assert matrix.similarity[a, b] < options.redundancy
        for sentence in brief.sentences:
            cited = [c.article_id for c in sentence.citations]
            assert len(cited) == len(set(cited))
            sims = [c.similarity for c in sentence.support]
            assert sims == sorted(sims, reverse=True)
            for citation in sentence.support:
                assert citation.sentence_id.startswith(citation.article_id + ":")
                measured = matrix.similarity[
                    row[sentence.source.sentence_id], row[citation.sentence_id]
                ]
                assert citation.similarity == pytest.approx(measured)
                assert citation.similarity >= options.support


def test_sources_numbered_and_complete(
    briefs: list[tuple[Brief, list[Article], BriefOptions]],
) -> None:
    for brief, articles, _ in briefs:
        assert [r.number for r in brief.sources] == list(range(1, len(brief.sources) + 1))
        assert {r.article_id for r in brief.sources} == {a.id for a in articles}
        first_cited = list(
            dict.fromkeys(c.article_id for s in brief.sentences for c in s.citations)
        )
        assert [r.article_id for r in brief.sources[: len(first_cited)]] == first_cited


def test_markdown_has_numbered_sources_and_no_none(
    briefs: list[tuple[Brief, list[Article], BriefOptions]],
) -> None:
    for brief, _, _ in briefs:
        markdown = render_markdown(brief)
        assert markdown.startswith(f"# {brief.headline}\n")
        # no rendered None; a source sentence may itself open "None of the reviews …"
        rendered = markdown
        for sentence in brief.sentences:
            rendered = rendered.replace(sentence.text, "")
        assert "None" not in rendered
        sources = markdown.split("\n## Sources\n", 1)[1]
        for ref in brief.sources:
            assert f"\n[{ref.number}] " in sources
        sentences = brief.sentences
        for k, sentence in enumerate(sentences):
            start = " " if sentence.joined else "\n"  # one source passage, one paragraph
            assert f"{start}{sentence.text} " in markdown
            if k + 1 < len(sentences) and sentences[k + 1].joined:
                continue  # a passage cites once, after its last sentence
            first = k
            while first > 0 and sentences[first].joined:
                first -= 1
            numbers: list[int] = []
            for part in sentences[first : k + 1]:
                for c in part.citations:
                    if brief.number_of(c.article_id) not in numbers:
                        numbers.append(brief.number_of(c.article_id))
            marks = "".join(f"[{n}]" for n in numbers)
            assert f"{sentence.text} {marks}\n" in markdown


def test_locator_urls_linked_other_sources_as_code() -> None:
    assert locator("https://example.com/a?b=1") == "<https://example.com/a?b=1>"
    assert locator("<stdin>") == "`<stdin>`"
    assert locator("/tmp/a b.txt") == "`/tmp/a b.txt`"
    assert locator("odd`name") == "`` odd`name ``"


def test_seed_markdown_sources(seeds: list[Article]) -> None:
    markdown = render_markdown(build_brief("seed", seeds, OPTIONS))
    assert f'— "{SEED_TITLE}" (2016-08-16) `{seeds[0].source}`' in markdown
    assert "<" not in markdown.split("## Sources", 1)[1]
    assert "2 articles" in markdown and "2016-08-16" in markdown


def test_dict_round_trips_json(briefs: list[tuple[Brief, list[Article], BriefOptions]]) -> None:
    for brief, _, _ in briefs:
        data = brief_to_dict(brief)
        assert json.loads(json.dumps(data)) == data
        assert [s["text"] for s in data["sentences"]] == [s.text for s in brief.sentences]
        assert len(data["sources"]) == len(brief.sources)


def test_deterministic(wikinews: list[tuple[str, list[Article]]]) -> None:
    sid, articles = wikinews[0]
    first = brief_to_dict(build_brief(sid, articles, OPTIONS))
    assert brief_to_dict(build_brief(sid, articles, OPTIONS)) == first
    assert brief_to_dict(build_brief(sid, list(articles), BriefOptions())) == first


def _words(text: str) -> list[str]:
    return [w.strip(',.;:"“”').lower() for w in text.split()]


def _subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(any(word == other for other in remaining) for word in short)


def test_headline_without_titles_is_the_leads_own_words(
    multinews: list[tuple[str, list[Article]]],
) -> None:
    """Compressed from the brief's lede or an article's lead (or, when no lead's parse
    gives a clause, another opening sentence: `story_leads`): that sentence's own words
    in their order (clauses and phrases dropped, nothing added), at most 14, most with a
    verb; and the brief's headline is `headline(articles, lede=<its lede>)` (sixth round:
    the lede says the news; a stored story's brief shows the archive's headline, so a
    story still shows one headline)."""
    nlp = Models().headline_nlp()
    complete = 0
    for sid, articles in multinews:
        brief = build_brief(sid, articles, OPTIONS)
        assert 0 < len(brief.headline.split()) <= 14
        read = reports(articles)
        lede = brief.sentences[0].source_text if brief.sentences else None
        sources = [lede or "", *story_leads(read), *later_sentences(read, load_hashes())]
        # "X did Y, police said": the source of a reported statement may move last
        parts = brief.headline.removesuffix(" …").rsplit(", ", 1)  # "…": a lead clipped
        assert any(
            all(_subsequence(_words(part), _words(source)) for part in parts) for source in sources
        ), brief.headline
        assert headline(reports(articles), nlp=nlp, lede=lede) == brief.headline
        complete += not incomplete_headline(brief.headline, nlp)
    assert complete >= 0.8 * len(multinews)


def test_no_articles_is_an_error() -> None:
    with pytest.raises(ValueError):
        build_brief("empty", [], OPTIONS)


def test_seed_quotes_whole_with_their_speaker(seeds: list[Article]) -> None:
    """Klintsevich's two-sentence quotation is taken whole, as one paragraph, with
    his name (issue 20: the brief used to open on its second half)."""
    for words in (120, 200, 300):
        brief = build_brief("seed", seeds, BriefOptions(words=words))
        markdown = render_markdown(brief)
        for line in markdown.split("\n## ", 1)[0].splitlines()[4:]:
            marks = line.count('"') + line.count("“") + line.count("”")
            assert marks % 2 == 0, line
            # one passage cites once, at its end: no [n] between its sentences
            assert re.fullmatch(r"[^\[]*(?:\[[^\]\[0-9][^\]]*\][^\[]*)*(?:\[\d+\])*", line), line
        for k, sentence in enumerate(brief.sentences):
            if sentence.text.startswith("I think new forms of cooperation"):
                assert sentence.joined and brief.sentences[k - 1].text.startswith('"In my opinion')
                assert "Klintsevich told journalists" in sentence.source_text
                # his full name, with the role his source gives him (ninth round)
                assert "[Senator Franz Klintsevich] told journalists" in sentence.text
        if words >= 200:  # at 120 words the brief has no room for it (issue 20: not met)
            assert any("Klintsevich told journalists" in s.source_text for s in brief.sentences)
    unit = unit_rows(story_matrix(seeds), _row_of(seeds, "I think new forms"), "antecedent")
    assert unit is not None and len(unit) == 2


def _row_of(articles: list[Article], start: str) -> int:
    matrix = story_matrix(articles)
    return next(r for r, s in enumerate(matrix.sentences) if s.text.startswith(start))


def test_seed_pronoun_sentences_stand_alone(seeds: list[Article]) -> None:
    """'He said Russian representatives are ...' needs Shoigu: taken with the
    sentence before, left out, or with '[Shoigu]' inserted and recorded."""
    matrix = story_matrix(seeds)
    row = _row_of(seeds, "He said Russian representatives")
    assert unit_rows(matrix, row, "antecedent") == [row - 1, row]
    assert unit_rows(matrix, row, "drop") is None
    assert unit_rows(matrix, row, "bracket") == [row]
    text, start, end, replaced = bracketed(matrix, row) or ("", 0, 0, "")
    assert text.startswith("[Shoigu] said") and text[start:end] == "[Shoigu]"
    assert replaced == "He"
    options = BriefOptions(words=400, standalone="bracket")
    brief = build_brief("seed", seeds, options)
    by_id = {s.id: s.text for a in seeds for s in a.sentences}
    for sentence in brief.sentences:  # every word but the bracketed ones is the source's
        assert sentence.source_text == by_id[sentence.source.sentence_id]
        for insertion in sentence.insertions:
            assert sentence.text[insertion.start] == "[" and sentence.text[insertion.end - 1] == "]"
    assert "insertions" in brief_to_dict(brief)["sentences"][0]


def test_no_brief_repeats_itself(seeds: list[Article]) -> None:
    """No two brief sentences as alike as the redundancy threshold (the seed brief
    used to say twice that Russia flew from Iran)."""
    brief = build_brief("seed", seeds, OPTIONS)
    matrix = story_matrix(seeds)
    rows = [_row_of(seeds, s.text) for s in brief.sentences]
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            assert matrix.similarity[a, b] < OPTIONS.redundancy


def test_description_its_article_introduced_needs_its_referent(seeds: list[Article]) -> None:
    """'The strikes hit "numerous militants," ...' four sentences after the wire named
    the air strikes: alone it is not taken (issue 20: 'the yacht', 'the officer'), after
    a brief sentence that told of the strikes it is; its own article's lede is too far
    back to take with it (at most 3 sentences in a unit)."""
    matrix = story_matrix(seeds)
    row = _row_of(seeds, "The strikes hit")
    row_stems = [stems(s.text) for s in matrix.sentences]
    assert with_referents(matrix, [row], set(), row_stems, "antecedent") is None
    told = stems(matrix.sentences[_row_of(seeds, "Russian warplanes deployed")].text)
    assert with_referents(matrix, [row], told, row_stems, "antecedent") == [row]
    assert with_referents(matrix, [row], set(), row_stems, "off") == [row]


def test_pronoun_subject_of_an_opening_clause_leans_back(excerpts: Excerpts) -> None:
    """A sentence of a Multi-News review (tests/data/read_labels_after.jsonl, labelled
    dangling by hand) hides its 'she' behind 'When' (read from ../shared: Multi-News
    may not be bundled)."""
    key = "multinews_fulltext/multinews-longbench-test-4540#0/text"
    text = excerpts.span(key, 2739, 2874, "c5ec6351b73a")
    assert referring_opening(text) == "she"


def test_a_middle_sentence_of_a_quotation_is_never_the_briefs_own_voice(
    examples_dir: Path,
) -> None:
    """Wikinews on the San Francisco torch relay: 'The Beijing Organizing Committee
    said in a statement on Monday: "We strongly condemn ... The Olympic flame belongs
    to the world and these actions are a serious violation of the Olympic spirit. They
    are bound to fail ..."'. The middle sentence has no quote mark of its own: taken
    alone, the brief stated the committee's words as its own (seen in the quick start)."""
    (article,) = read_articles(examples_dir / "articles" / "en.wikinews.org" / "M009-04.txt")
    matrix = story_matrix([article])
    row = _row_of([article], "The Olympic flame belongs to the world")
    unit = unit_rows(matrix, row, "antecedent")
    assert unit is not None and unit[0] < row < unit[-1]
    text = " ".join(matrix.sentences[r].text for r in unit)
    assert text.startswith("The Beijing Organizing Committee said") and text.endswith('Games."')
    assert unit_rows(matrix, row, "drop") == unit  # the quotation whole, with its speaker


def test_a_story_headline_is_not_made_from_a_caption(shared_dir: Path) -> None:
    """A Multi-News cluster on Egypt's vote and Mubarak's trial (read from ../shared)
    whose first document opens on a photo caption ('Enlarge image … /Getty Images …')
    and whose second on 'Photo Advertisement …': the stored headline was the caption;
    now it is made from a lead the brief could take, as the brief's is."""
    path = shared_dir / "data" / "summarization" / "multinews_fulltext.test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"].endswith("test-2257"))
    articles = [
        make_article(body=d["text"], source=str(k)) for k, d in enumerate(record["documents"])
    ]
    lead = story_lead(articles)
    assert lead is not None and select_quality(lead) > 0
    assert select_quality(articles[0].sentences[0].text) == 0  # the caption it skipped
    firsts = [[s.text for s in a.sentences[:3] if select_quality(s.text)] for a in articles]
    assert lead in {f[0] for f in firsts if f}  # an article's lead, the caption skipped


def test_a_caption_of_a_name_and_a_role_is_not_a_brief_sentence(
    excerpts: Excerpts, seeds: list[Article]
) -> None:
    """A CBC photo caption split from its credit, read in a brief of the Shermans' deaths
    (a Multi-News report, read from ../shared) as if it were news; sentences that go
    on after the name and role (the seed's 'Ali Shamkhani, the secretary of …, said …')
    are kept."""
    key = "multinews_fulltext/multinews-longbench-test-1797#1/text"
    caption = excerpts.span(key, 3657, 3694, "339289cdead4")
    assert select_quality(caption) == 0
    seed = [s.text for a in seeds for s in a.sentences]
    assert select_quality(next(s for s in seed if s.startswith("Ali Shamkhani, the"))) > 0


def _fulltext_cluster(shared_dir: Path, suffix: str) -> list[Article]:
    path = shared_dir / "data" / "summarization" / "multinews_fulltext.test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"].endswith(suffix))
    return [make_article(body=d["text"], source=str(k)) for k, d in enumerate(record["documents"])]


def test_photo_widgets_never_lead_and_the_news_does(shared_dir: Path) -> None:
    """A Multi-News cluster on a feathered dinosaur (read from ../shared, tune half of
    the third pass): its brief opened on a 'View Images' caption and held a 'Courtesy
    .../Handout via REUTERS' credit and an 'In this ... photo' caption. Those lines are
    furniture now, and the brief opens on the announcement of the discovery."""
    articles = _fulltext_cluster(shared_dir, "test-0737")
    texts = [s.text for a in articles for s in a.sentences]
    furniture = [t for t in texts if t.startswith(("View Images", "Courtesy")) or "in this" in t]
    assert len(furniture) >= 3 and all(select_quality(t) == 0 for t in furniture)
    brief = build_brief("dino", articles, BriefOptions(words=120))
    assert "discovery" in brief.sentences[0].text
    assert not any(s.text in furniture for s in brief.sentences)
