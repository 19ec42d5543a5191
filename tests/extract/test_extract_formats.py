"""newsfuse.extract: JSON/JSONL records, HTML pages and stdin, on real articles."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import io
import json
from pathlib import Path

import pytest

from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract import extract_file, extract_html, iter_articles
from newsfuse.extract.dates import parse_dateline
from newsfuse.types import Article, Failure

OPTIONS = ExtractOptions()
SEED_000_TITLE = "Russia Deployed Warplanes From Base in Iran to Strike ISIS, Syrian Militants"
SEED_000_LEAD = "Russian warplanes deployed from a base in Iran for the first time on Tuesday"


def seed_paragraphs(seeds_dir: Path) -> list[str]:
    (path,) = seeds_dir.glob("000_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(SEED_000_LEAD))
    return [" ".join(line.split()) for line in lines[start:] if line.strip()]


def wikinews_lines(shared_dir: Path, name: str, count: int) -> list[str]:
    path = shared_dir / "data" / name
    with path.open(encoding="utf-8") as handle:
        return [handle.readline() for _ in range(count)]


def split(items: list[Article | Failure]) -> tuple[list[Article], list[Failure]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, Failure)],
    )


# --- JSON / JSONL -----------------------------------------------------------------


def test_wikinews_clusters_get_dates_from_datelines(shared_dir: Path) -> None:
    path = shared_dir / "data/summarization/wikinews_multiling2011.jsonl"
    got, bad = split(list(iter_articles([path], OPTIONS)))
    assert bad == []
    assert len(got) == 100
    first = got[0]
    assert first.source == f"{path}:1#0"
    assert first.title == "Tsunami aid donations in 2005 deductible for 2004 in the U.S."
    assert first.outlet == "Wikinews"
    assert first.date == dt.date(2005, 1, 8)
    assert first.body.startswith("U.S. citizens donating in 2005 to help tsunami victims")
    # Line 1 doc 1 has "date": null; its date is in its dateline only.
    second = got[1]
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])["documents"][1]
    assert record["date"] is None and record["text"].startswith("Saturday, January 1, 2005\n")
    assert second.date == dt.date(2005, 1, 1)
    assert "January 1, 2005" not in second.body.split("\n\n")[0]
    # No dateline is left at the start of any body, and every article has a date
    # except the one whose dateline sits under a caption line (date found there).
    assert all(a.date is not None for a in got)
    assert not any(a.body.startswith(("Monday", "Tuesday", "Saturday", "Sunday")) for a in got)


def test_wikinews_cleaning_keeps_every_line_but_the_dateline(shared_dir: Path) -> None:
    path = shared_dir / "data/summarization/wikinews_multiling2011.jsonl"
    got = [a for a in iter_articles([path], OPTIONS) if isinstance(a, Article)]
    docs = [
        doc
        for line in path.read_text(encoding="utf-8").splitlines()
        for doc in json.loads(line)["documents"]
    ]
    checked = 0
    for article, doc in zip(got, docs, strict=True):
        lines = [" ".join(x.split()) for x in doc["text"].split("\n") if x.strip()]
        if parse_dateline(lines[0]) is None:
            continue  # glued or captioned dateline, tested on its own
        checked += 1
        assert article.body.split("\n\n") == lines[1:], article.source
    assert checked >= 95


def test_glued_wikinews_dateline(shared_dir: Path) -> None:
    path = shared_dir / "data/summarization/wikinews_multiling2011.jsonl"
    got = [a for a in iter_articles([path], OPTIONS) if isinstance(a, Article)]
    (gender,) = [a for a in got if a.title == "Gender imbalance in Tsunami deaths"]
    assert gender.date == dt.date(2005, 3, 26)
    assert gender.body.startswith("Up to four times as many women as men died")
    # Dateline glued to its sentence AND under a map caption, which stays.
    (romania,) = [a for a in got if a.title == "Romanians raise 395,000 euro for tsunami victims"]
    assert romania.date == dt.date(2005, 1, 18)
    assert romania.body.startswith(
        "Countries affected by the 2004 Indian Ocean tsunami\n\nThrough a telethon, Romanians"
    )


def test_malformed_jsonl_line_costs_one_failure(shared_dir: Path, tmp_path: Path) -> None:
    lines = wikinews_lines(shared_dir, "clustering/wikinews_pooled.jsonl", 5)
    assert '", "text": ' in lines[2]
    lines[2] = lines[2].replace('", "text": ', '" "text": ', 1)  # drop a comma
    path = tmp_path / "pooled.jsonl"
    path.write_text("".join(lines[:3]) + "\n" + "".join(lines[3:]), encoding="utf-8")
    items = list(iter_articles([path], OPTIONS))
    got, bad = split(items)
    assert len(got) == 4
    (failure,) = bad
    assert failure.code == ErrorCode.BAD_JSON.value
    assert failure.source == str(path)
    assert failure.message.startswith("line 3: invalid JSON: Expecting ',' delimiter")
    assert [a.source for a in got] == [f"{path}:{n}" for n in (1, 2, 5, 6)]  # line 4 blank
    assert isinstance(items[2], Failure)  # in file order
    titles = [json.loads(line)["title"] for i, line in enumerate(lines) if i != 2]
    assert [a.title for a in got] == titles
    with pytest.raises(NewsfuseError) as info:
        extract_file(path, OPTIONS)  # strict
    assert info.value.code is ErrorCode.BAD_JSON and "line 3" in info.value.message


def test_truncated_gzip_yields_lines_read_before(shared_dir: Path, tmp_path: Path) -> None:
    lines = wikinews_lines(shared_dir, "clustering/wikinews_pooled.jsonl", 40)
    packed = gzip.compress("".join(lines).encode("utf-8"))
    path = tmp_path / "pooled.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    items = list(iter_articles([path], OPTIONS))
    got, bad = split(items)
    assert 5 <= len(got) < 40
    assert items[-1] is bad[0] and len(bad) == 1
    assert bad[0].code == ErrorCode.UNREADABLE.value
    assert bad[0].message.startswith(f"truncated or corrupt data after line {len(got)}")
    assert got[0].title == json.loads(lines[0])["title"]


def test_gzipped_multinews_and_schema_errors(shared_dir: Path, tmp_path: Path) -> None:
    path = shared_dir / "data/clustering/multinews_val_pooled.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(handle.readline()) for _ in range(300)]
    records[1]["text"] = 42
    records[2] = [records[2]]
    target = tmp_path / "val.jsonl.gz"
    target.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    got, bad = split(list(iter_articles([target], OPTIONS)))
    assert [f.message for f in bad] == [
        'line 2: wrong schema: "text" is not a string (int)',
        'line 3: wrong schema: expected an object with "text" or "documents"',
    ]
    assert len(got) == 298
    # Multi-News texts have no title line and no outlet: nothing is guessed. One of
    # the 300 opens with its dateline ("Thursday, june 4, 2015 - 5: 39pm chatham
    # county coroner: ..."): that date is stated, not guessed.
    assert all(a.title is None and a.outlet is None for a in got)
    dated = [(a.date, a.body[:22]) for a in got if a.date is not None]
    assert dated == [(dt.date(2015, 6, 4), "Thursday, june 4, 2015")]
    # Cleaning never costs a real Multi-News word (one-line lower-cased texts).
    kept = [r for i, r in enumerate(records) if i not in (1, 2)]
    assert [a.word_count for a in got] == [len(r["text"].split()) for r in kept]


def test_multinews_fulltext_captions_and_labels_dropped(shared_dir: Path) -> None:
    path = shared_dir / "data/summarization/multinews_fulltext.test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        first = handle.readline()
    target_docs = json.loads(first)["documents"]
    items = list(iter_articles([path], OPTIONS))
    got = [a for a in items if isinstance(a, Article) and a.source.startswith(f"{path}:1#")]
    assert len(got) == len(target_docs)
    philly, la_times = got[0], got[1]
    assert "Staff Photographer" in target_docs[0]["text"]
    assert philly.body.startswith("About 100 Occupy Philly protesters sat down")
    for label in ("PHOTOS: Occupy L.A.", "RELATED:", "FULL COVERAGE:"):
        assert label in target_docs[1]["text"]
        assert label not in la_times.body
    assert "No arrests have yet been made." in la_times.body.split("\n\n")


def test_plain_json_list_and_object_with_domain_folder(shared_dir: Path, tmp_path: Path) -> None:
    records = [
        json.loads(x) for x in wikinews_lines(shared_dir, "clustering/wikinews_pooled.jsonl", 3)
    ]
    folder = tmp_path / "en.wikinews.org"
    folder.mkdir()
    for record in records:
        record["source"] = None
    (folder / "list.json").write_text(json.dumps(records), encoding="utf-8")
    (folder / "one.json").write_text(json.dumps(records[0], indent=2), encoding="utf-8")
    got, bad = split(list(iter_articles([folder], OPTIONS)))
    assert bad == []
    assert [a.source for a in got] == [
        f"{folder}/list.json[0]",
        f"{folder}/list.json[1]",
        f"{folder}/list.json[2]",
        f"{folder}/one.json",
    ]
    assert {a.outlet for a in got} == {"en.wikinews.org"}
    assert got[3].id == got[0].id  # same record, same content hash


def test_jsonl_line_over_limit(shared_dir: Path, seeds_dir: Path, tmp_path: Path) -> None:
    lines = wikinews_lines(shared_dir, "clustering/wikinews_pooled.jsonl", 5)
    (seed,) = seeds_dir.glob("004_*.txt")
    # A record far larger than the limit that gzip packs well below it (a bomb).
    huge = {"title": None, "text": seed.read_text(encoding="utf-8") * 50, "source": None}
    lines.insert(2, json.dumps(huge) + "\n")
    path = tmp_path / "pooled.jsonl.gz"
    path.write_bytes(gzip.compress("".join(lines).encode("utf-8")))
    limit = 50_000
    assert path.stat().st_size < limit < len(lines[2])
    items = list(iter_articles([path], ExtractOptions(max_bytes=limit)))
    got, bad = split(items)
    assert len(got) == 5
    assert [(f.code, f.message) for f in bad] == [("E103", "line 3: over the 50.0 KB limit")]
    assert isinstance(items[2], Failure)


# --- HTML -------------------------------------------------------------------------


def seed_page(seeds_dir: Path, *, published: bool = True, charset: str = "utf-8") -> str:
    """Seed 000 in a realistic article template with navigation and share furniture."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in seed_paragraphs(seeds_dir))
    meta_date = (
        '<meta property="article:published_time" content="2016-08-16T10:30:00-04:00">'
        if published
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{SEED_000_TITLE} | Washington Free Beacon</title>
<meta property="og:site_name" content="Washington Free Beacon">
<meta property="og:title" content="{SEED_000_TITLE}">
{meta_date}
<link rel="canonical" href="https://freebeacon.com/national-security/russia-deployed-warplanes/">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/national-security">National Security</a></li></ul></nav>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<article>
<h1>{SEED_000_TITLE}</h1>
<div class="byline">By Natalie Johnson</div>
<figure><img src="/putin.jpg"><figcaption>Hassan Rouhani, Vladimir Putin / AP</figcaption></figure>
{paragraphs}
</article>
<footer><p>Copyright 2016 Washington Free Beacon. All rights reserved.</p>
<a href="/privacy">Privacy Policy</a><p>Subscribe to our newsletter</p></footer>
</body></html>"""


def test_html_article_template(seeds_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "russia.html"
    path.write_text(seed_page(seeds_dir), encoding="utf-8")
    (article,) = extract_file(path, OPTIONS)
    assert article.title == SEED_000_TITLE
    assert article.date == dt.date(2016, 8, 16)
    assert article.outlet == "Washington Free Beacon"
    assert article.url == "https://freebeacon.com/national-security/russia-deployed-warplanes/"
    assert article.byline == "Natalie Johnson"
    assert article.body.split("\n\n") == seed_paragraphs(seeds_dir)
    for furniture in ("Home", "Share on", "Copyright", "Subscribe", "Privacy", "/ AP"):
        assert furniture not in article.body


def test_html_copyright_year_is_not_a_date(seeds_dir: Path) -> None:
    article = extract_html(seed_page(seeds_dir, published=False), source="page")
    assert article.date is None  # extensive search would say 2016-01-01


def test_html_cp1252_declared_as_latin1(seeds_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "legacy.htm"
    path.write_bytes(seed_page(seeds_dir, charset="iso-8859-1").encode("cp1252"))
    (article,) = extract_file(path, OPTIONS)
    assert "Moscow’s military involvement" in article.body


def test_truncated_html_still_gives_its_text(seeds_dir: Path, tmp_path: Path) -> None:
    page = seed_page(seeds_dir)
    cut = page.index("Iran has not permitted")
    path = tmp_path / "cut.html"
    path.write_text(page[:cut] + "<p>Iran has not permitted <b>a foreign", encoding="utf-8")
    (article,) = extract_file(path, OPTIONS)
    assert article.body.startswith(SEED_000_LEAD)
    assert article.body.endswith("Iran has not permitted a foreign")


def test_html_without_text_is_bad_html(tmp_path: Path) -> None:
    (tmp_path / "tags.html").write_text("<html><body><div><div></body></html>", encoding="utf-8")
    (tmp_path / "head.html").write_text(
        "<html><head><title>Washington Free Beacon</title></head><body><nav><a href='/'>Home",
        encoding="utf-8",
    )
    items = list(iter_articles([tmp_path], OPTIONS))
    # Nothing at all -> BAD_HTML; only a navigation word -> too little text.
    assert [(f.code, Path(f.source).name) for f in items if isinstance(f, Failure)] == [
        ("E108", "head.html"),
        ("E106", "tags.html"),
    ]
    assert "no article text found in the HTML" in items[1].message  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["index", "saved.txt"])
def test_html_without_html_name_is_sniffed(seeds_dir: Path, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(seed_page(seeds_dir), encoding="utf-8")
    (article,) = extract_file(path, OPTIONS)
    assert article.title == SEED_000_TITLE and article.outlet == "Washington Free Beacon"
    assert "<p>" not in article.body


# --- stdin ------------------------------------------------------------------------


def test_stdin_text_html_jsonl(seeds_dir: Path, shared_dir: Path) -> None:
    (seed,) = seeds_dir.glob("000_*.txt")
    lines = wikinews_lines(shared_dir, "clustering/wikinews_pooled.jsonl", 3)
    cases = {
        seed.read_bytes(): ["<stdin>"],
        seed_page(seeds_dir).encode("utf-8"): ["<stdin>"],
        "".join(lines).encode("utf-8"): ["<stdin>:1", "<stdin>:2", "<stdin>:3"],
        gzip.compress(seed.read_bytes()): ["<stdin>"],
    }
    for data, sources in cases.items():
        got = list(iter_articles(["-"], OPTIONS, stdin=io.BytesIO(data)))
        assert [a.source for a in got if isinstance(a, Article)] == sources
    (text_article,) = iter_articles(["-"], OPTIONS, stdin=io.BytesIO(seed.read_bytes()))
    assert isinstance(text_article, Article) and text_article.title == SEED_000_TITLE


def test_stdin_bad_inputs(seeds_dir: Path) -> None:
    (seed,) = seeds_dir.glob("000_*.txt")
    small = ExtractOptions(max_bytes=1000)
    (over,) = iter_articles(["-"], small, stdin=io.BytesIO(seed.read_bytes()))
    assert isinstance(over, Failure)
    assert (over.source, over.code, over.message) == (
        "<stdin>",
        "E103",
        "input is over the 1.0 KB limit",
    )
    (empty,) = iter_articles(["-"], OPTIONS, stdin=io.BytesIO(b""))
    assert isinstance(empty, Failure) and empty.code == "E101"
    (broken,) = iter_articles(["-"], OPTIONS, stdin=io.BytesIO(b'{"title": "x", "text": '))
    assert isinstance(broken, Failure) and broken.code == "E105"
