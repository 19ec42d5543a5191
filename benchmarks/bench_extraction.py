"""HTML extraction on the ScrapingHub article-extraction benchmark, scored by its own
evaluate.py, newsfuse side by side with the open extractors in the same run.

181 real article pages (../shared/data/peers/article-extraction-benchmark, MIT) with
hand-extracted bodies. Each extractor's bodies are written as the benchmark's
output/NAME.json in a scratch copy and the benchmark's evaluate.py scores them all,
together with the outputs it ships (AutoExtract, Zyte's commercial extractor: 0.970).
Measured, not bundled: trafilatura (called directly, its default settings),
readability-lxml and newspaper4k; the last two are installed for this script only
(pip install readability-lxml newspaper4k), and skipped when absent.

    python benchmarks/bench_extraction.py [--only newsfuse] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsfuse.errors import NewsfuseError
from newsfuse.extract.html import extract_html

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "data" / "peers" / "article-extraction-benchmark"
SHIPPED = ("AutoExtract", "readability", "trafilatura", "newspaper")

Extractor = Callable[[str, str], str]


def newsfuse_body(html: str, url: str) -> str:
    try:
        return extract_html(html, source="bench", url=url).body
    except NewsfuseError:
        return ""


def trafilatura_body(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def readability_body(html: str, url: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""


def newspaper_body(html: str, url: str) -> str:
    import newspaper.urls
    import tldextract
    from newspaper import Article

    # Offline: tldextract would fetch the public-suffix list for every page (~4 s of
    # timeouts each); its bundled snapshot answers the same.
    offline = tldextract.TLDExtract(suffix_list_urls=())
    newspaper.urls.tldextract = offline

    # fetch_images=False: the top image is fetched over the network otherwise.
    article = Article(url or "https://example.com/", fetch_images=False)
    article.download(input_html=html)
    article.parse()
    return str(article.text)


EXTRACTORS: dict[str, Extractor] = {
    "newsfuse": newsfuse_body,
    "trafilatura_direct": trafilatura_body,
    "readability_lxml": readability_body,
    "newspaper4k": newspaper_body,
}


def pages(limit: int | None) -> dict[str, tuple[str, str]]:
    """hash -> (html, url) for the benchmark's pages (the first `limit`)."""
    truth = json.loads((BENCH / "ground-truth.json").read_text())
    keys = sorted(truth)[:limit]
    out = {}
    for key in keys:
        raw = gzip.decompress((BENCH / "html" / f"{key}.html.gz").read_bytes())
        out[key] = (raw.decode("utf-8", "replace"), truth[key].get("url", ""))
    return out


def run(name: str, extractor: Extractor, docs: dict[str, tuple[str, str]]) -> dict[str, str]:
    bodies, failed, start = {}, 0, time.perf_counter()
    for key, (html, url) in docs.items():
        try:
            bodies[key] = extractor(html, url)
        except Exception as exc:  # a peer's crash is its failure on that page
            print(f"  {name} {key[:12]}: {type(exc).__name__}", file=sys.stderr)
            bodies[key] = ""
        failed += not bodies[key].strip()
    took = time.perf_counter() - start
    print(f"{name}: {failed} pages with no body, {took:.1f} s ({len(docs) / took:.1f} pages/s)")
    return bodies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=sorted(EXTRACTORS))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--n-bootstrap", type=int, default=200)
    args = ap.parse_args()
    docs = pages(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        truth = json.loads((BENCH / "ground-truth.json").read_text())
        (work / "ground-truth.json").write_text(json.dumps({k: truth[k] for k in docs}))
        (work / "output").mkdir()
        if args.limit is None:
            for name in SHIPPED:
                shutil.copy(
                    BENCH / "output" / f"{name}.json", work / "output" / f"shipped_{name}.json"
                )
        for name in args.only or EXTRACTORS:
            try:
                bodies = run(name, EXTRACTORS[name], docs)
            except ImportError:
                print(f"{name}: not installed, skipped")
                continue
            out = {k: {"articleBody": v} for k, v in bodies.items()}
            (work / "output" / f"{name}.json").write_text(json.dumps(out))
        subprocess.run(
            [sys.executable, str(BENCH / "evaluate.py"), "--n-bootstrap", str(args.n_bootstrap)],
            cwd=work,
            check=True,
        )


if __name__ == "__main__":
    main()
