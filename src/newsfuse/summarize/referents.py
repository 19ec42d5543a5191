"""Events, groups and places told before: "the offer", "that joint offer", "the drivers".

`descriptions.description_heads` reads definite descriptions in subject position
only; an object mostly reads on ("police went to the house"), and reading every
object cost 0.15 ROUGE-1 on Multi-News val for one fix (an earlier round). Some
nouns do not read on in any place of the sentence: an event told by a noun ("said
the offer was fair", "after the rise") presupposes the reader saw it happen, a
definite plural of people ("the drivers", "the suspects") that the reader met
them, a place or vehicle ("in the van", "outside the store") that the reader was
shown it, and "the other <noun>" that the reader met the first one. The integrator's
seventh-round reading (read13) left "the rise", "that joint offer" and "the
drivers ... the other vehicle" in briefs that never told them.

Such a noun is read as pointing back only when its own article told it in an
earlier sentence (`descriptions.needs_before` finds that sentence and the brief
takes it, or leaves the unit out): a first mention ("the deal announced Monday")
is the article introducing it. A demonstrative "that <event>" says the reader
has met it whatever the article did: with no sentence to take, it is left out.
"""

from __future__ import annotations

import re

from newsfuse.text.tokens import content_words

# Nouns of an event or a step in a story: what happened, told as a thing.
_EVENTS = frozenset(
    [
        *("offer", "deal", "rise", "increase", "decline", "drop", "plunge", "surge", "jump"),
        *("decision", "move", "proposal", "plan", "agreement", "announcement", "ruling"),
        *("verdict", "settlement", "merger", "acquisition", "purchase", "sale", "bid", "vote"),
        *("ban", "ordeal", "episode", "encounter", "confrontation", "altercation", "chase"),
        *("standoff", "raid", "rescue", "escape", "surgery", "change", "cuts", "layoffs"),
        *("takeover", "deals", "offers", "changes", "allegations", "accusations", "claims"),
    ]
)
# Groups of people told by their role: the reader must have met them.
_GROUPS = frozenset(
    [
        *("drivers", "suspects", "gunmen", "shooters", "attackers", "robbers", "assailants"),
        *("passengers", "occupants", "survivors", "brothers", "sisters", "siblings", "twins"),
        *("teens", "teenagers", "boys", "girls", "workers", "employees", "neighbors"),
        *("witnesses", "officers", "deputies", "troopers", "agents", "firefighters", "guards"),
        *("soldiers", "protesters", "demonstrators", "hostages", "inmates", "prisoners"),
        *("passersby", "bystanders", "roommates", "friends", "owners", "buyers", "investors"),
    ]
)
# Places and vehicles an event happened in: "in the van", "outside the store" read
# only after "a van", "a store" (the integrator's read13: "the gas station" from a
# sidebar). "the hospital", "the scene" and "the home" every such story has.
_PLACES = frozenset(
    [
        *("store", "shop", "warehouse", "bedroom", "apartment", "building", "bar"),
        *("club", "lounge", "restaurant", "motel", "hotel", "garage", "basement", "kitchen"),
        *("laundromat", "gym", "cabin", "trailer", "van", "truck", "suv", "sedan", "pickup"),
        *("vehicle", "bus", "boat", "yacht", "tent", "barn", "shed", "alley", "tunnel"),
    ]
)
_ROOMS = ("bedroom", "kitchen", "basement", "garage")
_NOUNS = _EVENTS | _GROUPS | _PLACES
# the noun's forms as a verb or in other words, so a told event is met: "rose" for
# "the rise", "decided" for "the decision"
_ROOTS = {
    "rise": ("rise", "rose", "risen", "risin", "incre", "climb", "soar", "jump", "surge"),
    "increase": ("incre", "rise", "rose", "risen", "risin", "climb", "soar", "jump", "surge"),
    "drop": ("drop", "fell", "fall", "decli", "plung", "slump", "tumbl", "lower"),
    "decline": ("decli", "drop", "fell", "fall", "plung", "slump", "tumbl", "lower"),
    "decision": ("decid", "decis", "ruled", "rulin", "verdi"),
    "ruling": ("ruled", "rulin", "decid", "decis", "verdi"),
    "verdict": ("verdi", "guilt", "convi", "acqui", "jury", "juror"),
    "deal": ("deal", "agree", "settl", "contr", "merge", "acqui", "purch", "bought", "sold"),
    "settlement": ("settl", "deal", "agree"),
    "sale": ("sale", "sold", "sell", "auction"),
    "purchase": ("purch", "bought", "buy", "acqui"),
    "cuts": ("cut",),
    "teens": ("teen", "juven", "-year"),
    "boys": ("boy",),
    "girls": ("girl",),
    "suspects": ("suspe", "arres", "gunma", "gunme", "charg", "accus", "shoot"),
    "protesters": ("prote", "demon", "activ", "march", "occup", "rally"),
    "demonstrators": ("prote", "demon", "activ", "march", "occup", "rally"),
    "officers": ("offic", "polic", "deput", "troop", "agent", "cop", "cops", "sheri"),
    "deputies": ("offic", "polic", "deput", "troop", "agent", "cop", "cops", "sheri"),
    "troopers": ("offic", "polic", "deput", "troop", "agent", "cop", "cops", "sheri"),
    "workers": ("worke", "emplo", "staff"),
    "employees": ("worke", "emplo", "staff"),
    **dict.fromkeys(["bar", "club", "lounge"], ("bar", "club", "loung", "nightc", "pub", "taver")),
    # a room of a home the brief told: "the bedroom" after "his home"
    **{room: (room[:5], "home", "house", "apart", "reside", "condo") for room in _ROOMS},
}
_PHRASE = re.compile(
    r"\b(?:([Tt]he)(\s+other)?|([Tt]hat))\s+(?:([a-z][a-z'’-]+)\s+)?([a-z][a-z'’-]+)\b"
)
# its own words say which one: "the offer of $5", "the decision to", "the deal that",
# "the announcement they plan to ..." (a clause on a pronoun; Multi-News val 254)
_SAYS_WHICH = re.compile(
    r"\s*(?:of|to|for|by|that|which|who|whose|where|between|with|against|involving|announced"
    r"|reached|made|proposed|called|known|they|he|she|we|it|i|you)\b"
)
_TAKES_OBJECT = re.compile(
    r"\s+(?:the|a|an|their|his|her|its|our|my|your|to|into|up|down|from|by|more|less|\d)\b"
)
_QUOTED = re.compile(r"[\"“][^\"”]*(?:[\"”]|$)")
# "on the other hand", "the other side", "the other day", "the other two"
_OTHER_IDIOMS = frozenset(
    [
        *("hand", "side", "way", "day", "night", "week", "one", "ones", "end", "two", "three"),
        *("four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "half"),
    ]
)


def roots(noun: str) -> tuple[str, ...]:
    """The word beginnings that tell the reader `noun` already: its own (five
    letters) and its verb's or other forms' (`_ROOTS`)."""
    return _ROOTS.get(noun, (noun[:5],))


def referring(text: str) -> list[tuple[int, str, str | None, bool]]:
    """(position, noun, the word before it, demonstrative) of each event noun, group
    of people or "the other <noun>" the text points back with, outside quotation
    marks (a speaker's "the deal" is the speaker's own) and not said in place ("the
    offer of ...")."""
    text = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    found = []
    for match in _PHRASE.finditer(text):
        other, that = match.group(2) is not None, match.group(3) is not None
        words = [(match.group(g), match.end(g)) for g in (4, 5) if match.group(g)]
        if other:  # "the other vehicle": the first one was met; "the other injured man"
            words = [w for w in words if not w[0].endswith(("ed", "ing"))][:1]
            words = [w for w in words if w[0] not in _OTHER_IDIOMS]
        else:
            words = [w for w in words if w[0] in _NOUNS][:1]
        if not words or _SAYS_WHICH.match(text, words[0][1]):
            continue
        noun = words[0][0]
        if that and (noun not in _EVENTS or noun.endswith("s")):
            continue  # "said that officers", "that changes were made": a conjunction
        if that and _TAKES_OBJECT.match(text, words[0][1]):
            continue  # "players that move their bodies": a relative pronoun and its verb
        first = match.group(4) if match.group(5) == noun else None
        found.append((match.start(), noun, first, that))
    return found


def told_before(text: str, told: str, context: set[str], alone: str) -> list[set[str]]:
    """The word beginnings (`roots`) of each `referring` noun in `text` that neither
    `context` (the stems the brief has told) nor `told` (the unit before the text)
    nor the text before it has told; a demonstrative's carry `alone` (no sentence
    of its article to take: the unit is left out)."""
    found = []
    for position, noun, modifier, demonstrative in referring(text):
        said = {w[:6] for w in content_words(told + " " + text[:position])} | context
        heads = set(roots(noun))
        if modifier is not None and modifier.lower()[:6] in said:
            continue  # "the daycare workers" after "a daycare": its workers, met with it
        if not any(w.startswith(tuple(heads)) for w in said):
            found.append(heads | ({alone} if demonstrative else set()))
    return found
