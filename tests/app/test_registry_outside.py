"""A scorer and an input format added from outside the package: one module and one
entry-point line each, as a third-party distribution would ship them, then used by a
real run (articles read from files, clustered and briefed) chosen by name alone."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import newsfuse
from newsfuse.config import BriefOptions, Config, ExtractOptions
from newsfuse.evaluation.baselines import summarizer_names
from newsfuse.extract.formats import FORMATS
from newsfuse.extract.sources import iter_articles
from newsfuse.summarize.scoring import SCORERS
from newsfuse.types import Article, Brief

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles" / "en.wikinews.org"

# The outside package: a "story" export format (a "Headline:" line, then the body)
# and a scorer that briefs a story from each article's first sentence.
PLUGIN = textwrap.dedent(
    """
    from dataclasses import replace

    from newsfuse.extract.formats import Input, InputFormat
    from newsfuse.extract.plaintext import extract_plaintext


    def read(source: Input):
        head, _, body = source.text().partition("\\n")
        title = head.removeprefix("Headline:").strip()
        ctx = source.ctx
        article = extract_plaintext(
            body, source=ctx.prefix, outlet="export.example", min_words=ctx.min_words
        )
        yield replace(article, title=title)


    FORMAT = InputFormat(name="story", read=read, suffixes=(".story",))


    class FirstSentences:
        def __init__(self, models):
            self.models = models

        def choose(self, matrix, options, parts, lead):
            firsts = [r for r, s in enumerate(matrix.sentences) if s.index == 0]
            return [*(lead or []), *firsts]
    """
)


def _install(root: Path) -> None:
    """A real distribution on sys.path: its module and a dist-info with entry points."""
    (root / "outside_plugins.py").write_text(PLUGIN, encoding="utf-8")
    info = root / "outside_plugins-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: outside-plugins\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[newsfuse.scorers]\nfirst = outside_plugins:FirstSentences\n\n"
        "[newsfuse.formats]\nstory = outside_plugins:FORMAT\n"
    )


def _exports(folder: Path, names: list[str]) -> list[Path]:
    """Real Wikinews articles rewritten in the outside format."""
    out = []
    for name in names:
        title, _, body = (EXAMPLES / name).read_text(encoding="utf-8").partition("\n")
        path = folder / name.replace(".txt", ".story")
        path.write_text(f"Headline: {title}\n{body}", encoding="utf-8")
        out.append(path)
    return out


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    plugin = tmp_path / "site"
    plugin.mkdir()
    _install(plugin)
    monkeypatch.syspath_prepend(str(plugin))
    return tmp_path


def test_outside_names_are_listed(outside: Path) -> None:
    assert "first" in SCORERS.names() and "story" in FORMATS.names()
    assert "newsfuse-first" in summarizer_names()


def test_an_outside_format_is_read_by_name(outside: Path) -> None:
    paths = _exports(outside, ["M000-01.txt", "M000-02.txt"])
    items = list(iter_articles(paths, ExtractOptions()))
    assert all(isinstance(i, Article) for i in items), items
    articles = [i for i in items if isinstance(i, Article)]
    original = (EXAMPLES / "M000-01.txt").read_text(encoding="utf-8").split("\n", 1)[0]
    assert articles[0].title == original and articles[0].outlet == "export.example"
    # Without the format among the configured ones, the file is plain text (sniffed).
    only_text = list(iter_articles(paths[:1], ExtractOptions(formats=("text",))))
    assert isinstance(only_text[0], Article)
    assert only_text[0].outlet != "export.example"


def test_an_outside_scorer_and_format_brief_a_story(outside: Path) -> None:
    paths = _exports(outside, [f"M000-0{k}.txt" for k in range(1, 5)])
    config = Config(brief=BriefOptions(scorer="first", words=200))
    briefs = newsfuse.brief_files([str(p) for p in paths], config=config)
    read = [i for i in iter_articles(paths, ExtractOptions()) if isinstance(i, Article)]
    firsts = {a.sentences[0].text for a in read}
    assert briefs and all(a.outlet == "export.example" for a in read)
    default = newsfuse.brief_files(
        [str(p) for p in paths], config=Config(brief=BriefOptions(words=200))
    )

    def first_sentences(found: list[Brief]) -> int:
        return sum(s.source_text in firsts for b in found for s in b.sentences)

    # The outside scorer ranks the articles' first sentences ahead of all others (the
    # brief fills up after them with the hand-weighted order), the default does not.
    assert first_sentences(briefs) > first_sentences(default)
    assert all(b.sentences for b in briefs)


def test_builtin_tables_agree_with_pyproject() -> None:
    """Each registry's built-in table is what pyproject.toml declares (the table serves
    a checkout whose installed metadata is stale)."""
    import tomllib

    from newsfuse.cluster.clusterer import CLUSTERERS

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]
    for found in (SCORERS, FORMATS, CLUSTERERS):
        assert dict(found.builtins) == declared[found.group], found.group


def test_the_clusterer_is_chosen_by_name() -> None:
    from newsfuse.cluster.clusterer import Clusterer, clusterer_factory
    from newsfuse.config import ClusterOptions
    from newsfuse.errors import ErrorCode, NewsfuseError

    read = [i for i in iter_articles([EXAMPLES], ExtractOptions()) if isinstance(i, Article)]
    factory = clusterer_factory(ClusterOptions())
    clusterer = factory(ClusterOptions())
    assert isinstance(clusterer, Clusterer)
    clusterer.add(read[:30])
    assert clusterer.count == 30 and sum(map(len, clusterer.groups("event"))) == 30
    with pytest.raises(NewsfuseError) as unknown:
        clusterer_factory(ClusterOptions(clusterer="kmeans"))
    assert unknown.value.code is ErrorCode.UNKNOWN_COMPONENT
