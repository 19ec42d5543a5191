"""Serving the archive: the HTTP API and the web page (app.py), over one archive read
by reader threads and written by one writer process (archive.py, writer.py). Start it
with `newsfuse serve`."""

from __future__ import annotations

from newsfuse.serve.app import create_app

__all__ = ["create_app"]
