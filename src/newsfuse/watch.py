"""Following pages and feeds: poll them by URL, ingest what is new, report each poll.

Every poll after the first asks conditionally, with the ETag and Last-Modified of the
previous answer (RFC 9110, section 13), so an unchanged feed costs one 304 and no
parsing. Entries already stored are recognised by their content-hash ids, so a feed
that keeps its old items adds nothing twice. Each new article joins its story as it
arrives, through the same ingest session, so a story grows poll after poll and the
clustering state is saved as ingest saves it. A URL that fails is reported in the
poll's failures and polled again next time.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from newsfuse.app import Newsfuse
from newsfuse.errors import NewsfuseError
from newsfuse.extract.fetch import Validators, fetch
from newsfuse.extract.sources import iter_fetched
from newsfuse.types import Article, Failure, IngestReport


@dataclass
class Poll:
    """What one poll found: the ingest report, and the URLs that had not changed."""

    at: dt.datetime
    report: IngestReport
    unchanged: list[str] = field(default_factory=list)

    def summary_line(self) -> str:
        stamp = self.at.isoformat(timespec="seconds")
        return f"{stamp} unchanged {len(self.unchanged)}; {self.report.summary_line()}"


class Watcher:
    """Polls `urls` into `archive`; remembers each URL's validators between polls."""

    def __init__(self, archive: Newsfuse, urls: Sequence[str]) -> None:
        self.archive = archive
        self.urls = list(dict.fromkeys(urls))
        self._since: dict[str, Validators] = {}

    def poll(self) -> Poll:
        """Fetch every URL once (conditionally when it was seen) and ingest what is new."""
        result = Poll(dt.datetime.now(dt.UTC), IngestReport())
        result.report = self.archive.ingest_items(self._items(result))
        return result

    def _items(self, result: Poll) -> Iterator[Article | Failure]:
        options = self.archive.config.extract
        for url in self.urls:
            try:
                fetched = fetch(url, options, self._since.get(url))
            except NewsfuseError as exc:
                yield Failure(url, exc.code.value, exc.message)
                continue
            if fetched.not_modified:
                result.unchanged.append(url)
                continue
            self._since[url] = Validators(fetched.etag, fetched.last_modified)
            yield from iter_fetched(url, fetched, options)

    def run(
        self,
        every: float,
        polls: int | None = None,
        on_poll: Callable[[Poll], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> int:
        """Poll every `every` seconds (start to start; a slow poll is followed at once)
        until `polls` polls have run, or forever; returns the number run."""
        done = 0
        while polls is None or done < polls:
            started = time.monotonic()
            found = self.poll()
            done += 1
            if on_poll:
                on_poll(found)
            if polls is None or done < polls:
                sleep(max(0.0, every - (time.monotonic() - started)))
        return done
