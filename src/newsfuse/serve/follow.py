"""Feeds a server follows by itself (`newsfuse serve --follow URL`): a background task
polls them in the archive's writer process (serve/writer.py, newsfuse.watch), so the stories the
page shows grow while it is open. A failing poll is logged and the next one runs."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from newsfuse.serve import writer
from newsfuse.serve.archive import Archive

# uvicorn's own logger, so the poll lines appear in the server's log as configured.
LOG = logging.getLogger("uvicorn.error")


@dataclass
class Follower:
    """Polls `urls` every `every` seconds into `archive`; keeps the last poll's line."""

    archive: Archive
    urls: tuple[str, ...]
    every: float
    last: str | None = None

    async def run(self) -> None:
        """Poll until cancelled."""
        while True:
            try:
                found = await self.archive.write(writer.poll, self.urls, timeout=self.every + 600.0)
            except Exception:  # a bug must not stop the server or the next poll
                LOG.exception("newsfuse: polling the followed feeds failed")
            else:
                self.last = found.summary_line()
                for failure in found.report.failures:
                    LOG.warning("newsfuse: failed: %s", failure)
                LOG.info("newsfuse: %s", self.last)
            await asyncio.sleep(self.every)
