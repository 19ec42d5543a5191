"""Serving the archive: the HTTP API and the web page (app.py), over one archive
owned by a worker thread (archive.py). Start it with `newsfuse serve`."""

from __future__ import annotations

from newsfuse.serve.app import create_app

__all__ = ["create_app"]
