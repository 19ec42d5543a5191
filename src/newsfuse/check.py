"""`newsfuse check`: verify an archive's invariants, and repair what can be repaired.

The invariants every writer keeps (pipeline.ingest_items, Store.assign) and that
a crash, an older newsfuse or a second writer without the lock could break:

- every story has at least one original article (no empty story: its brief fails);
- every story membership names a stored article;
- every stored article belongs to exactly one story, a duplicate to its original's;
- every storyline and event has its stored headline;
- the saved clustering state knows the stored originals in their stored order, and
  no original it does not know (those are replayed by the next ingest).

Repairs are local and keep story ids: memberships of missing articles are dropped,
duplicates are moved to their original's story, an unassigned original opens a
story of its own, empty stories are deleted; articles the state has not seen are
replayed into it; a state that disagrees with the stored order is rebuilt by a
batch re-clustering (story ids kept where the stories survive). The tests run the
check after every injected fault (tests/store/test_faults.py).
"""

from __future__ import annotations

import ast
import io
import json
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.config import Config
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.lang import scored_codes
from newsfuse.lazy import lazy_module
from newsfuse.store import Store

if TYPE_CHECKING:
    from newsfuse import _pipeline, headlines
else:  # only a repair needs them, and they import scikit-learn and spaCy: loaded then
    _pipeline = lazy_module("newsfuse._pipeline")
    headlines = lazy_module("newsfuse.headlines")

# Articles in a language without resources are never in a story (issue 25): not
# "unassigned". The codes are [a-z]{2,3} folder names and "und", safe to inline.
_SCORED = " AND a.language IN (" + ", ".join(f"'{c}'" for c in scored_codes()) + ")"

SHOWN = 5  # ids quoted per finding


@dataclass(frozen=True)
class Finding:
    """One broken invariant: its name, the ids involved and what it means."""

    kind: str
    ids: tuple[str, ...]
    meaning: str

    def line(self) -> str:
        shown = ", ".join(self.ids[:SHOWN]) + (", ..." if len(self.ids) > SHOWN else "")
        return f"{self.kind}: {len(self.ids)} {self.meaning}" + (f" ({shown})" if shown else "")


# (kind, query of the offending ids, meaning, repair statements)
_RULES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "missing-article",
        "SELECT sa.article_id FROM story_articles sa LEFT JOIN articles a"
        " ON a.id = sa.article_id WHERE a.id IS NULL ORDER BY sa.article_id",
        "story memberships of articles that are not stored",
        ("DELETE FROM story_articles WHERE article_id NOT IN (SELECT id FROM articles)",),
    ),
    (
        "misplaced-duplicate",
        "SELECT d.id FROM articles d JOIN story_articles sd ON sd.article_id = d.id"
        " JOIN story_articles so ON so.article_id = d.duplicate_of"
        " WHERE sd.story_id <> so.story_id ORDER BY d.seq",
        "duplicates outside their original's story",
        (
            "UPDATE story_articles SET story_id = (SELECT so.story_id FROM articles d"
            " JOIN story_articles so ON so.article_id = d.duplicate_of"
            " WHERE d.id = story_articles.article_id) WHERE article_id IN (SELECT d.id"
            " FROM articles d JOIN story_articles sd ON sd.article_id = d.id"
            " JOIN story_articles so ON so.article_id = d.duplicate_of"
            " WHERE sd.story_id <> so.story_id)",
        ),
    ),
    (
        "unassigned-article",
        "SELECT a.id FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id"
        " WHERE sa.article_id IS NULL AND a.kind = 'article'" + _SCORED + " ORDER BY a.seq",
        "stored articles in no story",
        (
            # An original opens a story of its own (named as the tracker names one);
            # a duplicate then joins its original's.
            "INSERT INTO stories (id, headline, updated_at) SELECT 's-' || substr(a.id, 1, 12),"
            " NULL, CURRENT_TIMESTAMP FROM articles a WHERE a.duplicate_of IS NULL"
            " AND a.kind = 'article'" + _SCORED + " AND a.id NOT IN"
            " (SELECT article_id FROM story_articles) ON CONFLICT (id) DO NOTHING",
            "INSERT INTO story_articles (article_id, story_id, position, duplicate) SELECT a.id,"
            " 's-' || substr(a.id, 1, 12), 0, 0 FROM articles a WHERE a.duplicate_of IS NULL"
            " AND a.kind = 'article'"
            + _SCORED
            + " AND a.id NOT IN (SELECT article_id FROM story_articles)",
            "INSERT INTO story_articles (article_id, story_id, position, duplicate)"
            " SELECT d.id, so.story_id, 0, 1"
            " FROM articles d JOIN story_articles so ON so.article_id = d.duplicate_of"
            " WHERE d.id NOT IN (SELECT article_id FROM story_articles)",
        ),
    ),
    (
        "empty-story",
        "SELECT s.id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = s.id"
        " AND a.duplicate_of IS NULL) ORDER BY s.id",
        "stories without an original article",
        (
            "DELETE FROM story_articles WHERE story_id IN (SELECT s.id FROM stories s WHERE"
            " NOT EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id ="
            " sa.article_id WHERE sa.story_id = s.id AND a.duplicate_of IS NULL))",
            "DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM story_articles sa"
            " WHERE sa.story_id = stories.id)",
        ),
    ),
)


# Headlines are stored by the writer at the end of each ingest or recluster, under the
# writer lock, so a sound archive has none stale: a storyline or an event without one
# is an ingest cut short after its last batch, or an archive from before event
# headlines were stored. Repaired by computing them (newsfuse.headlines).
_HEADLINES = (
    "missing-headline",
    "SELECT id FROM stories WHERE headline IS NULL UNION SELECT e.event_id FROM"
    " article_events e LEFT JOIN event_headlines h ON h.event_id = e.event_id"
    " WHERE h.headline IS NULL ORDER BY 1",
    "storylines or events without a stored headline",
    (),
)


# Pages that are not articles (Article.kind), and articles in a language without
# resources, are stored but never clustered.
_ORIGINALS = (
    "SELECT id FROM articles a WHERE duplicate_of IS NULL AND kind = 'article'"
    + _SCORED
    + " ORDER BY seq"
)


def _npz_bytes(blob: bytes, name: str) -> bytes:
    """The data of the byte array `name` of a saved state (an .npz: a zip of .npy
    files, each a header then the raw array), read without numpy: `check` is a light
    command (docs/benchmarks.md "Fast start"), and importing numpy was a third of it."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        raw = archive.read(f"{name}.npy")
    # .npy: magic (6 bytes), version (2), header length (2 bytes in 1.0, 4 after), header
    width = 2 if raw[6] == 1 else 4
    start = 8 + width + int.from_bytes(raw[8 : 8 + width], "little")
    header = ast.literal_eval(raw[8 + width : start].decode("latin-1"))
    if header.get("descr") != "|u1" or len(header.get("shape", ())) != 1:
        raise NewsfuseError(
            ErrorCode.INCONSISTENT, f"saved clustering state: {name!r} is not a byte array"
        )
    return raw[start:]


def _state_window(store: Store) -> tuple[int, list[str], int] | None:
    """The saved state's first window position, the ids of its window, and how many
    originals it has seen; None when no state is saved."""
    saved = store.state.head()
    if saved is None:
        return None
    meta = json.loads(_npz_bytes(saved[0], "meta"))
    return int(meta.get("base", 0)), [str(i) for i in meta.get("ids", [])], saved[1]


def _state_findings(store: Store) -> list[Finding]:
    """The clustering state against the stored originals (by position)."""
    originals = [str(r[0]) for r in store.sql(_ORIGINALS)]
    window = _state_window(store)
    base, ids, clustered = window if window is not None else (0, [], 0)
    if clustered > len(originals) or originals[base : base + len(ids)] != ids:
        wrong = tuple(i for i, o in zip(ids, originals[base:], strict=False) if i != o)
        return [Finding("state-mismatch", wrong, "articles the clustering state places wrongly")]
    if clustered < len(originals):
        pending = tuple(originals[clustered:])
        return [Finding("unclustered", pending, "originals the clustering state has not seen")]
    return []


def check(store: Store, wait: float = Config.lock_wait) -> list[Finding]:
    """Every broken invariant of the archive in `store` (empty when it is sound). Holds
    the writer lock (waiting up to `wait` s), so that no writer is half-way through."""
    findings = []
    with store.writer(wait):
        for kind, query, meaning, _ in (*_RULES, _HEADLINES):
            ids = tuple(str(r[0]) for r in store.sql(query))
            if ids:
                findings.append(Finding(kind, ids, meaning))
        return findings + _state_findings(store)


def repair(store: Store, config: Config) -> list[Finding]:
    """Repair what `check` finds, under the writer lock; returns what was found."""
    with store.writer(config.lock_wait):
        found = check(store, config.lock_wait)
        kinds = {f.kind for f in found}
        with store.transaction():
            for kind, _, _, statements in _RULES:
                if kind in kinds or (kind == "empty-story" and kinds):
                    for statement in statements:
                        store.sql(statement)
        if "state-mismatch" in kinds:
            _pipeline.recluster(store, config)
        elif "unclustered" in kinds:
            session = _pipeline.IngestSession(store, config)
            session.tracker.save()  # loading the tracker replays them
        if kinds:  # repairs open stories, and headlines may be missing: the writer's step
            headlines.store_headlines(
                store, config.brief.models.headline_nlp(), config.brief.models.recurring()
            )
    return found
