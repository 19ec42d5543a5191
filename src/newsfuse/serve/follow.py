"""Feeds a server follows by itself (`newsfuse serve --follow URL`): a background task
polls them through the archive's writer thread (newsfuse.watch), so the stories the
page shows grow while it is open. A failing poll is logged and the next one runs."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from newsfuse import Newsfuse
from newsfuse.serve.archive import Archive
from newsfuse.watch import Poll, Watcher

# uvicorn's own logger, so the poll lines appear in the server's log as configured.
LOG = logging.getLogger("uvicorn.error")


@dataclass
class Follower:
    """Polls `urls` every `every` seconds into `archive`; keeps the last poll's line."""

    archive: Archive
    urls: tuple[str, ...]
    every: float
    last: str | None = None
    _watcher: Watcher | None = field(default=None, init=False, repr=False)

    def _poll(self, archive: Newsfuse) -> Poll:
        """One poll, on the writer thread (the watcher is made there, on first use)."""
        if self._watcher is None:
            self._watcher = Watcher(archive, self.urls)
        return self._watcher.poll()

    async def run(self) -> None:
        """Poll until cancelled."""
        while True:
            try:
                found = await self.archive.write(self._poll, timeout=self.every + 600.0)
            except Exception:  # a bug must not stop the server or the next poll
                LOG.exception("newsfuse: polling the followed feeds failed")
            else:
                self.last = found.summary_line()
                for failure in found.report.failures:
                    LOG.warning("newsfuse: failed: %s", failure)
                LOG.info("newsfuse: %s", self.last)
            await asyncio.sleep(self.every)
