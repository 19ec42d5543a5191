"""Past one machine: newsfuse's stages on Ray workers (optional extra `ray`).

Nothing in the default path imports this package; `pip install -e '.[ray]'` adds the
engine. Each stage runs a pure function of the stage's own package (e.g.
newsfuse.dedupe.sharded) so the single-process and the batch paths keep one scoring.
"""
