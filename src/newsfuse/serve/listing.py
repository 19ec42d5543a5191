"""Storylines narrowed by outlet and date, and the outlets to narrow by: the page's
filters. Plain SQL through `Store.sql` (both backends), one bounded page at a time.

A storyline passes the outlet filter when any of its articles comes from that outlet,
and the date filter when its span of article dates overlaps [since, until].
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsfuse.app import Newsfuse
from newsfuse.views import story_to_dict

ORDER = {  # the orders of Store.story_page
    "size": "COUNT(sa.article_id) DESC",
    "recent": "MAX(a.date) IS NULL, MAX(a.date) DESC",
}
DAY = "SUBSTR(CAST(a.date AS TEXT), 1, 10)"  # ISO day of a text or DATE column
GROUPED = (
    "SELECT s.id FROM stories s JOIN story_articles sa ON sa.story_id = s.id"
    " JOIN articles a ON a.id = sa.article_id GROUP BY s.id"
)


def _having(
    outlet: str | None, since: dt.date | None, until: dt.date | None
) -> tuple[str, list[object]]:
    """The HAVING clause of the filters given, and its arguments."""
    conditions: list[str] = []
    args: list[object] = []
    if outlet:
        conditions.append("SUM(CASE WHEN a.outlet = ? THEN 1 ELSE 0 END) > 0")
        args.append(outlet)
    if since:
        conditions.append(f"MAX({DAY}) >= ?")
        args.append(since.isoformat())
    if until:
        conditions.append(f"MIN({DAY}) <= ?")
        args.append(until.isoformat())
    return (" HAVING " + " AND ".join(conditions) if conditions else ""), args


def filtered_page(
    nf: Newsfuse,
    sort: str,
    limit: int,
    offset: int,
    filters: tuple[str | None, dt.date | None, dt.date | None],
) -> dict[str, Any]:
    """One page of the storylines passing `filters` (outlet, since, until), in the
    order `sort`, and how many pass: the shape of /api/stories."""
    having, args = _having(*filters)
    query = f"{GROUPED}{having} ORDER BY {ORDER[sort]}, s.id LIMIT ? OFFSET ?"
    ids = [str(row[0]) for row in nf.store.select(query, [*args, limit, offset])]
    [(total, *_)] = nf.store.select(f"SELECT COUNT(*) FROM ({GROUPED}{having}) t", args)
    return {"total": total, "stories": [story_to_dict(nf.story(i)) for i in ids]}


def outlets(nf: Newsfuse, limit: int, offset: int) -> dict[str, Any]:
    """The outlets of the archive's articles, most articles first, one page; and
    how many outlets there are."""
    rows = nf.store.select(
        "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL"
        " GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT ? OFFSET ?",
        [limit, offset],
    )
    [(total, *_)] = nf.store.select(
        "SELECT COUNT(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"
    )
    found = [{"outlet": str(o), "articles": n} for o, n in rows]
    return {"total": total, "outlets": found}
