"""Load on the HTTP API: many clients at once, and reads while a large upload is ingested.

`newsfuse serve` runs in its own process on 127.0.0.1 over an archive of N Multi-News
train articles; client processes (each several threads with a keep-alive connection)
request one path as fast as they get answers for `--seconds`, and the latencies of all
are pooled. Scenarios:

- `/api/stories?limit=50` at 1, 8 and 32 clients;
- a cached brief (`/api/stories/{id}/brief`, requested once before) at 32 clients;
- `/api/stories` at `--upload-clients` clients, each asking 10 times a second (an open
  load, which the server can meet; back-to-back clients would measure only how the
  2 cores are shared), without, then during, the upload of a JSONL of new articles
  as large as the server takes (`POST /api/articles`; `--upload-bytes` for less): the
  reads timed are those that start while the upload is being ingested; `--repeat`
  times, each with new articles, with the load average around each;
- the server's resident memory before and after a 300 MB body to `/api/fetch` (with a
  token: refused before it is read);
- the searches of issue 24, over HTTP and in the Python API.

    python benchmarks/bench_load.py --articles 10000 --out docs/benchmarks.md
    # the upload comparison alone, three times (each with new articles), on a copy of
    # an archive of the first 14,000 documents, uploads of 0.6 MB:
    python benchmarks/bench_load.py --db COPY --articles 14000 --uploads-only --repeat 3 \
        --upload-bytes 600000
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

from _report import emit
from bench_pipeline import write_pool
from bench_serve import build

import newsfuse
from newsfuse.errors import NewsfuseError

THREADS_PER_PROC = 8
TOKEN = "bench"
PACE = 0.1  # seconds between one client's requests in the upload comparison
UPLOAD_BYTES = 9_800_000  # under ExtractOptions.max_bytes (10 MB)


def _client(
    port: int, path: str, until: float, out: list[tuple[float, float]], every: float, stop: Any
) -> None:
    """Request `path` until `until` or `stop` is set: back to back, or one request per
    `every` seconds."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    next_at = time.time()
    while time.time() < until and not stop.is_set():
        if every:
            time.sleep(max(0.0, next_at - time.time()))
            next_at += every
        start = time.time()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
        out.append((start, time.time() - start))
    conn.close()


def _proc(
    port: int,
    path: str,
    threads: int,
    until: float,
    every: float,
    queue: mp.Queue,  # type: ignore[type-arg]
    stop: Any,
) -> None:
    found: list[tuple[float, float]] = []
    workers = [
        threading.Thread(target=_client, args=(port, path, until, found, every, stop))
        for _ in range(threads)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    queue.put(found)


def load(
    port: int, path: str, clients: int, seconds: float, every: float = 0.0, stop: Any = None
) -> list[tuple[float, float]]:
    """(start time, seconds) of every request `clients` clients made in `seconds` (or
    until `stop`, a multiprocessing Event, is set), each back to back (`every` 0) or one
    per `every` seconds."""
    stop = stop or mp.Event()
    until = time.time() + seconds
    queue: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    sizes = [THREADS_PER_PROC] * (clients // THREADS_PER_PROC)
    if clients % THREADS_PER_PROC:
        sizes.append(clients % THREADS_PER_PROC)
    procs = [
        mp.Process(target=_proc, args=(port, path, n, until, every, queue, stop)) for n in sizes
    ]
    for p in procs:
        p.start()
    found = [t for _ in procs for t in queue.get()]
    for p in procs:
        p.join()
    return found


def row(name: str, clients: int, times: list[float], seconds: float) -> str:
    ms = sorted(1000 * t for t in times)
    p99 = statistics.quantiles(ms, n=100)[-1] if len(ms) >= 2 else ms[0]
    rate = len(ms) / seconds
    return (
        f"| {name} | {clients} | {len(ms)} | {rate:.0f} | {statistics.median(ms):.1f} | {p99:.1f} |"
    )


def serve(db: Path, token: str) -> tuple[int, subprocess.Popen[bytes]]:
    """`newsfuse serve --token` in its own process, once it answers: (port, process)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    sock.close()
    command = [sys.executable, "-m", "newsfuse", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--token", token], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(600):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api")
            if conn.getresponse().status == 200:
                return port, process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("newsfuse serve did not start")


def rss_kb(pid: int) -> int:
    for text in Path(f"/proc/{pid}/status").read_text().splitlines():
        if text.startswith("VmRSS:"):
            return int(text.split()[1])
    return 0


def upload_during(port: int, body: bytes, clients: int) -> tuple[list[float], float, str | None]:
    """Latencies of `/api/stories` reads started while `body` is uploaded and ingested,
    how long the upload took, and why it failed (None if it did not)."""
    window: list[float] = []
    failed: list[str] = []  # an upload answered otherwise than 200 (E605 past 120 s)

    def send() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        window.append(time.time())
        auth = {"Authorization": f"Bearer {TOKEN}"}
        conn.request("POST", "/api/articles?name=upload.jsonl", body=body, headers=auth)
        response = conn.getresponse()
        answer = response.read()
        window.append(time.time())
        if response.status != 200:
            failed.append(f"upload: HTTP {response.status} {answer[:200]!r}")

    sender = threading.Thread(target=send)
    reads: list[tuple[float, float]] = []
    stop = mp.Event()
    reader = threading.Thread(
        target=lambda: reads.extend(load(port, "/api/stories?limit=50", clients, 600.0, PACE, stop))
    )
    reader.start()
    time.sleep(2.0)
    sender.start()
    sender.join()
    stop.set()  # the reads after the upload are not timed: no need to make them
    reader.join()
    if failed:  # past the server's 120 s deadline on a loaded machine: reported as such
        return [], window[1] - window[0], failed[0]
    start, end = window
    return [t for s, t in reads if start <= s <= end], end - start, None


def memory_row(port: int, pid: int) -> str:
    before = rss_kb(pid)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.putrequest("POST", "/api/fetch")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(300_000_000))
    conn.endheaders()
    status = 0
    try:
        chunk = b" " * (1 << 20)
        for _ in range(300):
            conn.send(chunk)
    except OSError:
        pass  # the server answered and closed: what we expect
    try:
        status = conn.getresponse().status
    except (OSError, http.client.HTTPException):
        status = -1
    after = rss_kb(pid)
    return (
        f"300 MB body to `/api/fetch` (token set, none sent): answered {status}; server RSS "
        f"{before / 1024:.0f} MB before, {after / 1024:.0f} MB after."
    )


def upload_body(folder: Path, skip: int, size: int) -> bytes:
    """JSONL of the Multi-News train documents from `skip` on, cut at `size` bytes."""
    pool = folder / f"upload{skip}.jsonl"
    write_pool(6000, pool, skip=skip)
    body = pool.read_bytes()[:size]
    return body[: body.rfind(b"\n") + 1]


def p99(times: list[float]) -> float:
    ms = sorted(1000 * t for t in times)
    return statistics.quantiles(ms, n=100)[-1] if len(ms) >= 2 else ms[0]


def upload_rows(
    port: int, bodies: list[bytes], clients: int, seconds: float, same_length: bool = False
) -> list[str]:
    """Paced reads without, then during, an upload; once per body (each new articles).
    The first repetition's rows in full, then one line per repetition: p99 without,
    p99 during, their ratio, the upload's time and the load average around it. With
    `same_length`, also the p99 of paced reads without an upload for as long as the
    upload took, after it (a p99 of `seconds` of reads is the 4th slowest of 400, of
    an upload's window the 20th of 2,000: the longer window meets more rare stalls)."""
    rows, reps = [], []
    for i, body in enumerate(bodies):
        load_before = os.getloadavg()[0]
        load(port, "/api/stories?limit=50", 1, 0.5)  # warm: the page is cached
        paced = [t for _, t in load(port, "/api/stories?limit=50", clients, seconds, PACE)]
        during, took, failure = upload_during(port, body, clients)
        load_after = os.getloadavg()[0]
        if failure:
            reps.append(f"| {i + 1} | {p99(paced):.1f} | {failure} | | {took:.1f} | |")
            continue
        if i == 0:
            rows.append(row("`GET /api/stories`, paced, no upload", clients, paced, seconds))
            name = f"`GET /api/stories`, during a {len(body) / 1e6:.1f} MB upload ({took:.1f} s)"
            rows.append(row(name, clients, during, took))
        quiet, busy = p99(paced), p99(during)
        extra = ""
        if same_length:
            time.sleep(2.0)  # the upload's last refreshes
            after = [t for _, t in load(port, "/api/stories?limit=50", clients, took, PACE)]
            extra = f" {p99(after):.1f} | {busy / p99(after):.2f}x |"
        reps.append(
            f"| {i + 1} | {quiet:.1f} | {busy:.1f} | {busy / quiet:.2f}x | {took:.1f} "
            f"| {load_before:.1f}–{load_after:.1f} |{extra}"
        )
    longer = " p99 ms, no upload, as long | ratio to it |" if same_length else ""
    header = [
        "",
        "| repetition | p99 ms, no upload | p99 ms, during upload | ratio | upload s | load avg |"
        + longer,
        "|---:|---:|---:|---:|---:|---|" + ("---:|---:|" if same_length else ""),
    ]
    return [*rows, *header, *reps]


def throughput_rows(port: int, seconds: float) -> list[str]:
    """`/api/stories` at 1, 8 and 32 clients back to back, and a cached brief at 32."""
    rows = []
    for clients in (1, 8, 32):
        times = [t for _, t in load(port, "/api/stories?limit=50", clients, seconds)]
        rows.append(row("`GET /api/stories?limit=50`", clients, times, seconds))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", "/api/stories?limit=1")
    story = json.loads(conn.getresponse().read())["stories"][0]["id"]
    brief = f"/api/stories/{story}/brief"
    conn.request("GET", brief)
    conn.getresponse().read()
    times = [t for _, t in load(port, brief, 32, seconds)]
    rows.append(row("`GET …/brief`, cached", 32, times, seconds))
    return rows


COMMON = "the of and to in a is that for it as was with be by on not he this are or his from at"
SEARCHES = {  # the searches of issue 24 (before: 23 s, 64 s, 30 s, over 120 s on the CLI)
    "80 times `the`": " ".join(["the"] * 80),
    "500 characters of common words": ((COMMON + " ") * 6)[:500],
    "`a* OR b* OR … z*`": " OR ".join(f"{chr(c)}*" for c in range(ord("a"), ord("z") + 1)),
    "10,000 ORs": " OR ".join(f"word{i}" for i in range(10_000)),
}


def _answer(body: dict[str, Any]) -> str:
    if "error" in body:
        return str(body["error"]["code"])
    if "stories" in body:
        return f"{len(body['stories'])} stories"
    return "refused by the schema (500 characters at most)"


def search_rows(port: int, db: Path) -> list[str]:
    """Each search of issue 24 over HTTP (while nothing else runs) and in the Python API
    (as the CLI runs it): the answer and how long it took."""
    rows = ["", "| search | HTTP answer | HTTP s | API answer | API s |", "|---|---|---:|---|---:|"]
    with newsfuse.open(db) as nf:
        for name, query in SEARCHES.items():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            start = time.time()
            conn.request("GET", "/api/search?" + urllib.parse.urlencode({"q": query}))
            response = conn.getresponse()
            body = json.loads(response.read())
            took = time.time() - start
            http_answer = f"{response.status} {_answer(body)}"
            start = time.time()
            try:
                api_answer = f"{len(nf.search(query))} stories"
            except NewsfuseError as exc:
                api_answer = exc.code.value
            api_took = time.time() - start
            rows.append(f"| {name} | {http_answer} | {took:.2f} | {api_answer} | {api_took:.2f} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", type=Path, help="an existing archive instead of a new one")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--upload-clients", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=1, help="upload comparisons, each new articles")
    ap.add_argument("--upload-bytes", type=int, default=UPLOAD_BYTES, help="JSONL cut at this")
    ap.add_argument("--uploads-only", action="store_true", help="skip the back-to-back loads")
    ap.add_argument(
        "--same-length", action="store_true", help="also a baseline as long as the upload"
    )
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build(args.articles, Path(tmp))
        skips = [args.articles + 1000 + 6000 * i for i in range(args.repeat)]
        bodies = [upload_body(Path(tmp), skip, args.upload_bytes) for skip in skips]
        port, server = serve(db, TOKEN)
        try:
            if not args.uploads_only:
                rows += throughput_rows(port, args.seconds)
            rows += upload_rows(port, bodies, args.upload_clients, args.seconds, args.same_length)
            if not args.uploads_only:
                rows += search_rows(port, db)
            memory = memory_row(port, server.pid)
        finally:
            server.terminate()
            server.wait()
    table = [
        "| request | clients | requests | per s | median ms | p99 ms |",
        "|---|---|---|---|---|---|",
    ]
    emit("\n".join([*table, *rows, "", memory]) + "\n", args.out)


if __name__ == "__main__":
    main()
