"""The dossier for readers: Markdown sections citing the brief's numbered sources, and JSON.

Citation markers reuse the brief's source numbers, so `[2]` means the same
article in the summary and in every section below it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from newsfuse.types import Citation, Dossier, Entity

Numberer = Callable[[str], int]  # article id -> source number
KIND_TITLES = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "equipment": "Equipment",
    "group": "Groups",
}
MAX_ITEMS = 12  # per section: a dossier is read, not scrolled


def _marks(citations: Sequence[Citation], number: Numberer) -> str:
    return "".join(f"[{n}]" for n in sorted({number(c.article_id) for c in citations}))


def _entity_item(entity: Entity, number: Numberer) -> str:
    n = len(entity.mentions)
    refs = "".join(f"[{k}]" for k in sorted({number(a) for a in entity.articles}))
    return f"{entity.name} ({n} mention{'s' if n != 1 else ''} {refs})"


def _entities(dossier: Dossier, number: Numberer) -> list[str]:
    lines = []
    for kind, title in KIND_TITLES.items():
        items = [e for e in dossier.entities if e.kind == kind][:MAX_ITEMS]
        if items:
            lines.append(f"- **{title}:** " + "; ".join(_entity_item(e, number) for e in items))
    return ["## Who and what", "", *lines] if lines else []


def _quotes(dossier: Dossier, number: Numberer) -> list[str]:
    lines = []
    for q in dossier.quotes[:MAX_ITEMS]:
        who = q.speaker or "Unattributed"
        channel = f" ({q.channel})" if q.channel else ""
        lines.append(f'- **{who}**{channel}: "{q.text}" {_marks(q.citations, number)}')
    return ["## Quotes", "", *lines] if lines else []


def _claims(dossier: Dossier, number: Numberer) -> list[str]:
    lines = [
        f"- **{c.source}** ({c.verb}): {c.claim} {_marks([c.citation], number)}"
        for c in dossier.claims[:MAX_ITEMS]
    ]
    return ["## Claims", "", *lines] if lines else []


def _numbers(dossier: Dossier, number: Numberer) -> list[str]:
    """Each number once, with every source that gives it: a headline repeated in the
    body ("Seven people injured in Oakland shooting") gave the same line twice, and two
    outlets' "about four feet" two lines a reader took for two facts."""
    sources: dict[str, list[Citation]] = {}
    for q in dossier.quantities:
        sources.setdefault(q.text, []).append(q.citation)  # _marks numbers each source once
    lines = [f"- {text} {_marks(cited, number)}" for text, cited in sources.items()]
    return ["## Numbers", "", *lines[:MAX_ITEMS]] if lines else []


def _timeline(dossier: Dossier, number: Numberer) -> list[str]:
    lines = []
    for e in dossier.timeline[: 2 * MAX_ITEMS]:
        when = (
            e.date.isoformat() if e.precision == "day" else f"{e.date.isoformat()} ({e.precision})"
        )
        lines.append(f"- {when} — {e.text} {_marks([e.citation], number)}")
    return ["## Timeline", "", *lines] if lines else []


def _comparisons(dossier: Dossier, number: Numberer) -> list[str]:
    labels = {
        "conflict": "Conflict",
        "number_mismatch": "Numbers differ",
        "name_mismatch": "Names differ",
        "in_article": "Within one report",
        "single_source": "Only one source",
    }
    lines = [
        f"- *{labels.get(c.kind, c.kind)}:* {c.summary} {_marks(c.citations, number)}"
        for c in dossier.comparisons[:MAX_ITEMS]
    ]
    return ["## Where sources differ", "", *lines] if lines else []


def dossier_sections(dossier: Dossier, number: Numberer) -> list[str]:
    """One Markdown block per non-empty part of the dossier."""
    parts = (_entities, _quotes, _claims, _numbers, _timeline, _comparisons)
    return ["\n".join(block) for part in parts if (block := part(dossier, number))]


def _citation(c: Citation, number: Numberer) -> dict[str, Any]:
    return {
        "number": number(c.article_id),
        "article_id": c.article_id,
        "sentence_id": c.sentence_id,
    }


def _cited(item: Any, number: Numberer) -> dict[str, Any]:
    """A dataclass as a dict whose citations carry source numbers; dates as ISO."""
    data = asdict(item)
    for key in ("citation", "citations"):
        if key in data:
            value = getattr(item, key)
            data[key] = (
                _citation(value, number)
                if key == "citation"
                else [_citation(c, number) for c in value]
            )
    if "date" in data:
        data["date"] = item.date.isoformat()
    return data


def dossier_to_dict(dossier: Dossier, number: Numberer) -> dict[str, Any]:
    """JSON-ready dossier; every citation has its brief source number."""
    entities = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "aliases": list(e.aliases),
            "mentions": len(e.mentions),
            "articles": [number(a) for a in e.articles],
        }
        for e in dossier.entities
    ]
    return {
        "entities": entities,
        "quotes": [_cited(q, number) for q in dossier.quotes],
        "claims": [_cited(c, number) for c in dossier.claims],
        "quantities": [_cited(q, number) for q in dossier.quantities],
        "timeline": [_cited(e, number) for e in dossier.timeline],
        "comparisons": [_cited(c, number) for c in dossier.comparisons],
    }
