"""`newsfuse eval` end to end on small real data, plus the helpers it is built from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.articles import make_article
from newsfuse.evaluation.baselines import lead, summarizer, summarizer_names
from newsfuse.evaluation.cli import eval_app, method_out_path
from newsfuse.evaluation.datasets import (
    cluster_articles,
    read_clustering_records,
    read_summary_clusters,
    sample,
)
from newsfuse.evaluation.rouge import RougeScorer

ROW = re.compile(r"(\w+)\s*│\s*(ROUGE-\S+ [FR])\s*│\s*([\d.]+)\s*│\s*([\d.]+)-([\d.]+)")


def _summ(shared: Path, name: str) -> Path:
    return shared / "data" / "summarization" / name


def _lines(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _rouge_rows(output: str) -> list[tuple[str, str, float, float, float]]:
    return [(m, k, float(a), float(b), float(c)) for m, k, a, b, c in ROW.findall(output)]


def test_summarize_wikinews_100_word(shared_dir: Path, tmp_path: Path) -> None:
    dataset = _summ(shared_dir, "wikinews_multiling2011.jsonl")
    out = tmp_path / "wn.jsonl"
    args = ["summarize", str(dataset), "--out", str(out), "--protocol", "100-word"]
    result = CliRunner().invoke(eval_app, [*args, "-m", "lead", "-m", "lexrank"])
    assert result.exit_code == 0, result.output
    ids = [c.id for c in read_summary_clusters(dataset)]
    for path in (out, tmp_path / "wn.lexrank.jsonl"):
        rows = _lines(path)
        assert [r["id"] for r in rows] == ids
        assert all(set(r) == {"id", "summary"} and r["summary"].strip() for r in rows)
        assert all("[1]" not in r["summary"] for r in rows)
    table = _rouge_rows(result.output)
    assert {(m, k) for m, k, *_ in table} == {
        (m, k) for m in ("lead", "lexrank") for k in ("ROUGE-1 R", "ROUGE-2 R")
    }
    for _, metric, mean, low, high in table:
        assert 0 < low <= mean <= high < 100
        assert mean > (20 if metric == "ROUGE-1 R" else 3)  # far above chance


def test_summarize_multinews_val_limit(shared_dir: Path, tmp_path: Path) -> None:
    dataset = _summ(shared_dir, "multinews.val.jsonl.gz")
    out = tmp_path / "mn.jsonl"
    args = ["summarize", str(dataset), "--words", "300", "--out", str(out), "--limit", "20"]
    result = CliRunner().invoke(eval_app, [*args, "-m", "newsfuse", "-m", "textrank"])
    assert result.exit_code == 0, result.output
    for path in (out, tmp_path / "mn.textrank.jsonl"):
        lines = _lines(path)
        assert len(lines) == 20 and lines[0]["id"] == "multinews-val-00000"
        assert all(len(r["summary"].split()) >= 150 for r in lines)  # the budget is filled
    table = _rouge_rows(result.output)
    assert len(table) == 6
    for _, metric, mean, low, high in table:
        assert 0 < low <= mean <= high < 100
        if metric == "ROUGE-1 F":
            assert 30 < mean < 60


def test_reference_as_prediction_scores_one(shared_dir: Path) -> None:
    clusters = read_summary_clusters(_summ(shared_dir, "multinews.val.jsonl.gz"), limit=5)
    scorer = RougeScorer("multinews", words=100_000)
    for cluster in clusters:
        scores = scorer.score(cluster.summaries[0], cluster.summaries)
        assert scores == pytest.approx({"rouge1": 1.0, "rouge2": 1.0, "rougeLsum": 1.0})


def test_cluster_wikinews_pooled(shared_dir: Path, tmp_path: Path) -> None:
    dataset = shared_dir / "data" / "clustering" / "wikinews_pooled.jsonl"
    out = tmp_path / "wc.jsonl"
    args = ["cluster", str(dataset), "--out", str(out)]
    result = CliRunner().invoke(eval_app, [*args, "-m", "newsfuse", "-m", "tfidf-agglomerative"])
    assert result.exit_code == 0, result.output
    ids = [r.id for r in read_clustering_records(dataset)]
    for path in (out, tmp_path / "wc.tfidf-agglomerative.jsonl"):
        rows = _lines(path)
        assert [r["id"] for r in rows] == ids
        assert all(set(r) == {"id", "cluster"} and isinstance(r["cluster"], str) for r in rows)
    f1 = re.search(r"BCubed F1\s*│\s*([\d.]+)\s*│\s*([\d.]+)", result.output)
    assert f1 is not None and all(0 < float(x) <= 100 for x in f1.groups())
    assert re.search(r"clusters pred/gold\s*│\s*\d+/10\s*│\s*\d+/10", result.output)
    assert "seconds" in result.output


def test_cli_rejects_unknown_method_and_missing_file(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(eval_app, ["cluster", str(tmp_path / "no.jsonl"), "--out", "x"])
    assert missing.exit_code == 2
    data = tmp_path / "d.jsonl"
    data.write_text('{"id": "a", "documents": [], "summaries": ["x"]}\n', encoding="utf-8")
    bad = runner.invoke(eval_app, ["summarize", str(data), "--out", "p", "-m", "nope"])
    assert bad.exit_code == 2


def test_method_out_path() -> None:
    assert method_out_path(Path("d/p.jsonl"), "lead") == Path("d/p.lead.jsonl")
    assert method_out_path(Path("p.jsonl.gz"), "lead") == Path("p.lead.jsonl.gz")
    assert method_out_path(Path("pred"), "lead") == Path("pred.lead")


def test_sample_is_the_documented_seed_0_sample() -> None:
    records = list(range(100))
    picked = sample(records, 10)
    assert picked == sorted(__import__("random").Random(0).sample(range(100), 10))
    assert picked == sample(records, 10) and picked == sorted(picked)
    assert sample(records, 500) == records


def test_wikinews_documents_are_cleaned_as_in_production(shared_dir: Path) -> None:
    cluster = read_summary_clusters(_summ(shared_dir, "wikinews_multiling2011.jsonl"), limit=1)[0]
    articles = cluster_articles(cluster)
    assert len(articles) == len(cluster.documents)
    first = articles[0]
    assert first.source == f"{cluster.id}#0" and first.title == cluster.documents[0].title
    assert first.date is not None and first.date.isoformat() == "2005-01-08"
    assert not first.sentences[0].text.startswith("Saturday")  # the dateline is dropped


def test_lead_round_robin_fills_the_budget() -> None:
    a = make_article(body="A one two three. A second here now.", source="a")
    b = make_article(body="B one two three. B second here now.", source="b")
    copy = make_article(body="A one two three. Copy tail here.", source="c")
    assert lead([a, b], 6) == ["A one two three.", "B one two three."]
    assert lead([a, b], 9) == ["A one two three.", "B one two three.", "A second here now."]
    assert lead([a, copy], 8) == ["A one two three.", "A second here now."]  # copy skipped
    assert lead([], 10) == []


def test_every_summarizer_returns_source_sentences() -> None:
    body = (
        "Russian bombers struck targets in Syria from an Iranian air base. "
        "The strikes hit Islamic State positions near Deir ez-Zor. "
        "It is the first time Russia has used a base in Iran. "
        "Washington called the move unfortunate but not surprising."
    )
    articles = [make_article(body=body, source="x"), make_article(body=body[:120], source="y")]
    pool = {s.text for a in articles for s in a.sentences}
    for name in summarizer_names():
        out = summarizer(name)(articles, 20)
        assert out and set(out) <= pool, name
        assert sum(len(s.split()) for s in out) >= 20 or len(out) == len(set(pool)), name
