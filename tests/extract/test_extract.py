"""newsfuse.extract on real articles: the Free Beacon seeds, Wikinews, Multi-News.

Bad inputs are built in tmp_path from the same real text (re-encoded, repeated,
truncated, corrupted), never from invented sentences.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract import extract_file, extract_plaintext, iter_articles
from newsfuse.extract.dates import parse_dateline, parse_iso_date
from newsfuse.extract.formats import Formats, load_formats
from newsfuse.extract.outlets import domain_outlet, url_outlet
from newsfuse.extract.plaintext import clean_text, parse_byline
from newsfuse.types import Article, Failure

OPTIONS = ExtractOptions()
SEED_000_TITLE = "Russia Deployed Warplanes From Base in Iran to Strike ISIS, Syrian Militants"
SEED_000_LEAD = "Russian warplanes deployed from a base in Iran for the first time on Tuesday"
SEED_004_LEAD = 'A Russian senator on Tuesday praised the "anti-terrorist coalition"'


def seed_path(seeds_dir: Path, prefix: str) -> Path:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return path


def seed_paragraphs(seeds_dir: Path) -> list[str]:
    """Seed 000's body paragraphs, cut from the raw scrape by hand (not by the extractor)."""
    lines = seed_path(seeds_dir, "000").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(SEED_000_LEAD))
    return [line.strip() for line in lines[start:] if line.strip()]


def articles(items: Iterator[Article | Failure] | list[Article | Failure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def failures(items: Iterator[Article | Failure] | list[Article | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def only_failure(
    path: Path | str, options: ExtractOptions = OPTIONS, formats: Formats | None = None
) -> Failure:
    items = list(iter_articles([path], options, formats=formats))
    assert len(items) == 1, items
    assert isinstance(items[0], Failure), items[0]
    return items[0]


# --- the seeds -------------------------------------------------------------------


def test_seed_000_header_is_read_and_furniture_dropped(seeds_dir: Path) -> None:
    (article,) = extract_file(seed_path(seeds_dir, "000"), OPTIONS)
    assert article.title == SEED_000_TITLE
    assert article.date == dt.date(2016, 8, 16)
    assert article.body.startswith(SEED_000_LEAD)
    for furniture in ("ADVERTISEMENT", "Hassan Rouhani, Vladimir Putin", "/ AP", "August 16, 2016"):
        assert furniture not in article.body
    assert article.body.split("\n\n") == [" ".join(p.split()) for p in seed_paragraphs(seeds_dir)]
    assert "Moscow’s military involvement" in article.body
    assert "\xa0" not in article.body  # the scrape's NBSPs are plain spaces
    assert article.outlet is None  # "seeds/" is no domain
    assert article.byline is None
    assert article.sentences[0].text.startswith(SEED_000_LEAD)
    assert article.source == str(seed_path(seeds_dir, "000"))


def test_seed_004_gets_nothing_invented(seeds_dir: Path) -> None:
    path = seed_path(seeds_dir, "004")
    (article,) = extract_file(path, OPTIONS)
    assert (article.title, article.date, article.byline, article.outlet) == (None, None, None, None)
    raw_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert article.body.startswith(SEED_004_LEAD)
    assert article.body.split("\n\n") == raw_lines  # every line kept, one paragraph each


def test_domain_named_folder_gives_outlet(seeds_dir: Path, tmp_path: Path) -> None:
    for folder in ("freebeacon.com", "seeds", "backup.old"):
        (tmp_path / folder).mkdir()
        shutil.copy(seed_path(seeds_dir, "004"), tmp_path / folder / "a.txt")
    found = {
        Path(a.source).parent.name: a.outlet for a in articles(iter_articles([tmp_path], OPTIONS))
    }
    assert found == {"freebeacon.com": "freebeacon.com", "seeds": None, "backup.old": None}


def test_hard_wrapped_seed_is_unwrapped(seeds_dir: Path, tmp_path: Path) -> None:
    paragraphs = seed_paragraphs(seeds_dir)
    wrapped = "\n\n".join(textwrap.fill(p, width=72) for p in paragraphs)
    path = tmp_path / "wrapped.txt"
    path.write_text(f"{SEED_000_TITLE}\n\nAugust 16, 2016\n\n{wrapped}\n", encoding="utf-8")
    (article,) = extract_file(path, OPTIONS)
    assert article.title == SEED_000_TITLE
    assert article.date == dt.date(2016, 8, 16)
    assert article.body.split("\n\n") == [" ".join(p.split()) for p in paragraphs]


# --- encodings -------------------------------------------------------------------


def test_cp1252_seed_decodes_right(seeds_dir: Path, tmp_path: Path) -> None:
    text = seed_path(seeds_dir, "000").read_text(encoding="utf-8")
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    (article,) = extract_file(path, OPTIONS)
    (reference,) = extract_file(seed_path(seeds_dir, "000"), OPTIONS)
    assert "Moscow’s" in article.body
    assert article.body == reference.body
    assert article.title == SEED_000_TITLE


def test_cp1252_accents_and_quotes(shared_dir: Path, tmp_path: Path) -> None:
    # Multi-News full text (test line 26, doc 0): "Touré", "Compaoré", "Africa’s".
    path = shared_dir / "data/summarization/multinews_fulltext.test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for _ in range(25):
            handle.readline()
        text = json.loads(handle.readline())["documents"][0]["text"]
    assert "Touré" in text
    target = tmp_path / "mali.txt"
    target.write_bytes(text.encode("cp1252"))
    (article,) = extract_file(target, OPTIONS)
    for word in ("Touré", "Compaoré", "Africa’s", "doesn’t"):
        assert word in article.body


def test_utf16_with_bom(seeds_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(seed_path(seeds_dir, "000").read_text(encoding="utf-8").encode("utf-16"))
    (article,) = extract_file(path, OPTIONS)
    assert article.title == SEED_000_TITLE and "Moscow’s" in article.body


def test_undecodable_bytes_fail_e104(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xef\xbb\xbf" + b"\xff\xfe\xfd" * 100)  # UTF-8 BOM, then no UTF-8
    failure = only_failure(path)
    assert failure.code == ErrorCode.UNDECODABLE.value


# --- bad inputs: one Failure each, batch goes on ---------------------------------


def test_too_large_is_refused_before_reading(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = seed_path(seeds_dir, "000").read_bytes()
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        for _ in range(50_000_000 // len(text) + 1):
            handle.write(text)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("file was opened")

    formats = load_formats()  # finding the registered formats reads package metadata
    monkeypatch.setattr(Path, "open", no_open)
    failure = only_failure(path, formats=formats)
    assert failure.code == ErrorCode.TOO_LARGE.value
    assert failure.message == "file is 50.0 MB, over the 10.0 MB limit"


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n \n")
    blank, empty = failures(iter_articles([tmp_path], OPTIONS))  # sorted by name
    assert (empty.code, empty.message) == (ErrorCode.EMPTY.value, "empty file")
    assert (blank.code, blank.message) == (ErrorCode.EMPTY.value, "only whitespace")
    assert blank.source == str(tmp_path / "blank.txt")


def test_binary_inputs(seeds_dir: Path, tmp_path: Path) -> None:
    seed = seed_path(seeds_dir, "004").read_bytes()
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + seed
    (tmp_path / "picture.txt").write_bytes(png)
    (tmp_path / "packed.txt").write_bytes(gzip.compress(seed))
    (tmp_path / "photo.png").write_bytes(png)
    (tmp_path / "nul.txt").write_bytes(seed[:500] + b"\x00" + seed[500:])
    by_name = {Path(f.source).name: f for f in failures(iter_articles([tmp_path], OPTIONS))}
    assert by_name["picture.txt"].code == ErrorCode.BINARY.value
    assert "PNG" in by_name["picture.txt"].message
    assert by_name["packed.txt"].code == ErrorCode.BINARY.value  # gzip only under a .gz name
    assert by_name["photo.png"].code == ErrorCode.UNSUPPORTED.value
    assert by_name["nul.txt"].code == ErrorCode.BINARY.value


def test_gzipped_text_is_read_under_gz_name(seeds_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "seed.txt.gz"
    path.write_bytes(gzip.compress(seed_path(seeds_dir, "000").read_bytes()))
    (article,) = extract_file(path, OPTIONS)
    assert article.title == SEED_000_TITLE


def test_missing_path_and_batch_continues(seeds_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(
        iter_articles(
            [tmp_path / "nope.txt", tmp_path, seed_path(seeds_dir, "000"), seeds_dir], OPTIONS
        )
    )
    codes = [item.code if isinstance(item, Failure) else "article" for item in items]
    assert codes == ["E110", "E101", "article", "article", "article"]
    assert items[0].source == str(tmp_path / "nope.txt")


def test_walk_is_sorted_recursive_and_skips_hidden(seeds_dir: Path, tmp_path: Path) -> None:
    seed = seed_path(seeds_dir, "004").read_bytes()
    for rel in ("b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/x.txt", "a/.cache/y.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(seed)
    sources = [
        Path(a.source).relative_to(tmp_path).as_posix() for a in iter_articles([tmp_path], OPTIONS)
    ]
    assert sources == ["a/c.txt", "a/z.txt", "b.txt"]


def test_extract_file_raises_for_bad_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(NewsfuseError) as info:
        extract_file(tmp_path / "empty.txt", OPTIONS)
    assert info.value.code is ErrorCode.EMPTY
    with pytest.raises(NewsfuseError) as info:
        extract_file(tmp_path / "missing.txt", OPTIONS)
    assert info.value.code is ErrorCode.NOT_FOUND


def test_too_little_text(shared_dir: Path) -> None:
    # Multi-News full text, test line 100, doc 0: an archive page saying only this.
    with pytest.raises(NewsfuseError) as info:
        extract_plaintext("More from this journal", source="x")
    assert info.value.code is ErrorCode.NO_TEXT
    assert "4 words" in info.value.message


def test_unknown_extension_text_is_read(seeds_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "article"
    shutil.copy(seed_path(seeds_dir, "000"), path)
    (article,) = extract_file(path, OPTIONS)
    assert article.title == SEED_000_TITLE


# --- dates, bylines, outlets -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("August 16, 2016", dt.date(2016, 8, 16)),
        ("Saturday, January 8, 2005", dt.date(2005, 1, 8)),
        ("Aug. 16, 2016", dt.date(2016, 8, 16)),
        ("Sept. 30, 2003", dt.date(2003, 9, 30)),
        ("2016-08-16", dt.date(2016, 8, 16)),
        ("16 August 2016", dt.date(2016, 8, 16)),
        ("Tuesday, 16 August 2016", dt.date(2016, 8, 16)),
        ("August 16, 2016 3:45 pm EDT", dt.date(2016, 8, 16)),
        ("February 30, 2016", None),
        ("Tuesday", None),
        ("Russia Deployed Warplanes From Base in Iran to Strike ISIS, Syrian Militants", None),
        ("One day prior, Russian Defense Minister Sergei Shoigu claimed", None),
        ("Friday, May, 2 2014", None),
    ],
)
def test_parse_dateline(line: str, expected: dt.date | None) -> None:
    assert parse_dateline(line) == expected


def test_parse_iso_date() -> None:
    assert parse_iso_date("2005-01-08") == dt.date(2005, 1, 8)
    assert parse_iso_date("2016-08-16T10:30:00-04:00") == dt.date(2016, 8, 16)
    assert parse_iso_date("January 2005") is None
    assert parse_iso_date(None) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Terry Wade", "Terry Wade"),  # Multi-News full text, Reuters
        ("By Laura Woods/GoBankingRates", "Laura Woods/GoBankingRates"),
        ("By Tuesday", None),
        ("By the end of the day", None),
    ],
)
def test_parse_byline(line: str, expected: str | None) -> None:
    assert parse_byline(line) == expected


def test_outlet_names() -> None:
    assert domain_outlet("www.freebeacon.com") == "freebeacon.com"
    assert domain_outlet("notes.md") is None
    assert url_outlet("https://www.bbc.co.uk/news/world-25631279") == "bbc.co.uk"
    assert url_outlet("not a url") is None


def test_multinews_byline_below_summary_bullets(shared_dir: Path) -> None:
    path = shared_dir / "data/summarization/multinews_fulltext.test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for _ in range(39):
            handle.readline()
        text = json.loads(handle.readline())["documents"][0]["text"]
    cleaned = clean_text(text, guess_title=False)
    assert cleaned.byline == "Terry Wade"
    assert "By Terry Wade" not in cleaned.body
    bullet = next(line.strip() for line in text.splitlines() if line.startswith("* Top"))
    assert cleaned.paragraphs[0] == bullet  # the story's first bullet, not its byline
    assert cleaned.title is None


def test_word_count_cut_agrees_with_a_full_split(seeds_dir: Path) -> None:
    """more_words_than stops splitting at the limit; it must count as split() does,
    Unicode spaces and runs of blanks included."""
    from newsfuse.extract.boilerplate import more_words_than

    lines = [
        line
        for path in sorted(seeds_dir.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    lines += ["", " ", "one", " one two\t", "a\u00a0b\u2003c\u3000d ", "x  y\n\nz", "\x85 w \x1c"]
    for line in lines:
        for n in range(8):
            assert more_words_than(line, n) == (len(line.split()) > n), (line, n)
