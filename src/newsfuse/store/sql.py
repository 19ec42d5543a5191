"""Statements of the SQL core (store/core.py) that are long or used more than once,
with `?` placeholders (store/dialect.py turns them into the backend's)."""

from __future__ import annotations

ARTICLE_FIELDS = (
    "id",
    "title",
    "body",
    "outlet",
    "byline",
    "date",
    "url",
    "source",
    "duplicate_of",
    "kind",
    "language",
)
INSERT_ARTICLE = (
    "INSERT INTO articles (id, title, body, outlet, byline, date, url, source,"
    " duplicate_of, n_shingles, ingested_at, kind, language)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_SENTENCE = (
    'INSERT INTO article_sentences (seq, idx, id, paragraph, start, "end", text)'
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_STORY_ARTICLE = (
    "INSERT INTO story_articles (article_id, story_id, position, duplicate) VALUES (?, ?, ?, ?)"
)
# A story that gains or loses articles: created if new, its headline marked stale.
STALE_STORY = (
    "INSERT INTO stories (id, headline, updated_at) VALUES (?, NULL, ?)"
    " ON CONFLICT (id) DO UPDATE SET headline = NULL, updated_at = excluded.updated_at"
)
# An article's event (placed or moved).
PLACE_EVENT = (
    "INSERT INTO article_events (article_id, event_id) VALUES (?, ?)"
    " ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id"
)
# An event whose originals change: its headline marked stale (a row made if new).
STALE_EVENT = (
    "INSERT INTO event_headlines (event_id, headline) VALUES (?, NULL)"
    " ON CONFLICT (event_id) DO UPDATE SET headline = NULL"
)
WRITE_MARK = (
    "SELECT (SELECT coalesce(max(seq), 0) FROM articles),"
    " (SELECT coalesce(max(id), 0) FROM story_events), (SELECT count(*) FROM stories),"
    " (SELECT max(clustered) FROM cluster_state), (SELECT max(length(data)) FROM cluster_state),"
    " (SELECT max(saved_at) FROM cluster_state)"
)
# WRITE_MARK, and how many headlines are stale: the writer stores headlines in a
# transaction after its batch's (pipeline._store_headlines), which WRITE_MARK misses.
READ_MARK = WRITE_MARK + (
    ", (SELECT count(*) FROM stories WHERE headline IS NULL),"
    " (SELECT count(*) FROM event_headlines WHERE headline IS NULL)"
)
# Store.story_page, by sort. By size, members are counted from story_articles'
# covering index alone: joining every article row as well took 2-3x as long (37-41 ms
# against 13-21 ms over 3,980 stories), and the server's readers recompute the page
# after every batch a writer commits (issue 24).
PAGE_QUERY = {
    "size": "SELECT s.id, s.headline FROM stories s LEFT JOIN (SELECT story_id, count(*) AS n"
    " FROM story_articles GROUP BY story_id) c ON c.story_id = s.id"
    " ORDER BY coalesce(c.n, 0) DESC, s.id LIMIT ? OFFSET ?",
    "recent": "SELECT s.id, s.headline FROM stories s LEFT JOIN story_articles sa"
    " ON sa.story_id = s.id LEFT JOIN articles a ON a.id = sa.article_id GROUP BY s.id"
    " ORDER BY max(a.date) IS NULL, max(a.date) DESC, s.id LIMIT ? OFFSET ?",
}
# Store.assign keeps two invariants in the transaction that moves articles: duplicates
# stay in the story of their original, and no story is left without articles (a
# regrouping, or a replay after a crash, can take every article out of a stored
# story: issue 24, `kill -9` left 4-15 empty stories whose briefs failed).
ASSIGN_HEAD = (
    "CREATE TEMP TABLE IF NOT EXISTS moved (article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL)",
    "CREATE TEMP TABLE IF NOT EXISTS emptied (story_id TEXT PRIMARY KEY)",
    "DELETE FROM moved",
    "DELETE FROM emptied",
)
MOVED = (
    "INSERT INTO moved (article_id, story_id) VALUES (?, ?)"
    " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id"
)
ASSIGN_OLD = (
    "INSERT INTO emptied (story_id) SELECT sa.story_id FROM story_articles sa"
    " JOIN moved m ON m.article_id = sa.article_id WHERE sa.story_id <> m.story_id"
    " UNION SELECT sa.story_id FROM story_articles sa JOIN articles d ON d.id = sa.article_id"
    " JOIN moved m ON m.article_id = d.duplicate_of WHERE sa.story_id <> m.story_id"
)
ASSIGN_TAIL = (
    "UPDATE story_articles SET story_id = (SELECT m.story_id FROM moved m"
    " JOIN articles d ON d.duplicate_of = m.article_id WHERE d.id = story_articles.article_id)"
    " WHERE article_id IN (SELECT d.id FROM articles d JOIN moved m"
    " ON m.article_id = d.duplicate_of)",
    "DELETE FROM stories WHERE id IN (SELECT story_id FROM emptied) AND NOT EXISTS"
    " (SELECT 1 FROM story_articles sa WHERE sa.story_id = stories.id)",
)
