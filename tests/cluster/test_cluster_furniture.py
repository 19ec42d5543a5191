"""A page of furniture only links to nothing (issue 21), on real sentences."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsfuse.articles import make_article
from newsfuse.cluster.vectorize import StreamVectorizer
from newsfuse.config import ClusterOptions
from newsfuse.summarize.select import furniture

FULLTEXT = Path("data") / "summarization" / "multinews_fulltext.test.jsonl.gz"


def test_a_page_of_furniture_only_links_to_nothing(shared_dir: Path) -> None:
    """A page whose every sentence is furniture (a sign-in wall, a station's banner, a
    photo widget) got a vector from that furniture and linked unrelated reports that
    carried the same widget (read on gva_dev and Multi-News val). Its row is now empty;
    one reporting sentence beside the same furniture gives it one again. The sentences
    are real: the Multi-News full-text test documents, read from ../shared."""
    with gzip.open(shared_dir / FULLTEXT, "rt", encoding="utf-8") as handle:
        docs = [d.get("text") or "" for line in handle for d in json.loads(line)["documents"]]
    sentences = [
        s.text for text in docs[:120] for s in make_article(body=text, source="t").sentences
    ]
    widgets = list(dict.fromkeys(t for t in sentences if furniture(t)))[:12]
    reporting = next(t for t in sentences if not furniture(t) and len(t.split()) >= 15)
    page = make_article(body="\n\n".join(widgets), source="page")
    assert len(widgets) == 12 and all(furniture(s.text) for s in page.sentences)
    report = make_article(body="\n\n".join([reporting, *widgets]), source="report")
    rows = StreamVectorizer(ClusterOptions()).transform([page, report])
    assert rows[0].nnz == 0 and rows[1].nnz > 0
