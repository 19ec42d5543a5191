"""Merging rules for the dossier's entity list: when two names of a story are one entity
(issue #6, "one canonical entry per real entity across the story").

Each rule quotes the real DEV text that motivated it (Wikinews stories M000-M004 and the
seed articles of ../shared; duplicates counted in tests/data/entities_merge_audit.md) and
is tested on that text in tests/analyze/test_entity_rules.py. The rules work on matching keys
(entities.norm: lower case, no accents) and the story's own names only: no story-specific
strings. entities._link applies them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

# Dotted and undotted acronyms are one: "The UN says the toll is nearing 150,000" and
# "U.N. warns of delays" (Wikinews M000) were two entries.
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")

# An administrative noun written in lower case after a place's name adds nothing: "many
# women in Aceh were indoors" and "Indonesia's Aceh province alone" (Wikinews M000) are
# one place. Only in lower case: "Aceh Besar district" is another place, and a capitalised
# "X State" or "X City" can be another place than X ("New York City").
ADMIN_NOUNS = {
    "province", "region", "district", "county", "prefecture", "governorate", "oblast",
    "department", "municipality", "commune",
}  # fmt: skip

_VOWELS = set("aeiouy")


def undotted(key: str) -> str:
    """ "u.n." -> "un": a dotted acronym's key is its letters (already lower case)."""
    return key.replace(".", "") if _DOTTED.match(key) else key


def expand_leading_alias(key: str, aliases: Mapping[str, str]) -> str:
    """An organisation named after an aliased acronym is named after the full name:
    "UN Security Council" = "U.N. Security Council" = "United Nations Security Council"
    (Wikinews M002: "in accordance with UN Security Council Resolution 1723", "for approval
    by the U.N. Security Council", "goes to the United Nations Security Council")."""
    head, _, rest = key.partition(" ")
    full = aliases.get(head) or aliases.get(undotted(head))
    if not rest or full is None or head == full.lower():
        return key
    return f"{full.lower()} {rest}"


def admin_base(key: str, name: str, places: set[str]) -> str:
    """ "aceh province" -> "aceh" when the story also names "Aceh" as a place and the
    noun is written in lower case ("Indonesia's Aceh province", M000)."""
    words = name.split()
    base, _, last = key.rpartition(" ")
    if len(words) > 1 and words[-1].islower() and last in ADMIN_NOUNS and base in places:
        return base
    return key


def same_word(a: str, b: str) -> bool:
    """One name word spelled two ways: a doubled letter ("hasib" / "hassib", M001), two
    neighbouring letters swapped ("verlome" / "verolme", M004: "said Verlome", "Hans
    Verolme of the group WWF"; "alexander" / "alexandre", M003) or one vowel for another
    ("mohammed" / "mohammad", M001). Words of five letters or more with the same first
    letter only: other small differences are often other people ("eric" / "erica",
    "john" / "joan", "dana" / "dina")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) == 1:
        if len(short) < 4:
            return False
        cuts = (long[:i] + long[i + 1 :] for i in range(1, len(long)) if long[i] == long[i - 1])
        return short in cuts
    if len(a) != len(b) or len(a) < 5 or a[0] != b[0]:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return a[diff[0]] in _VOWELS and b[diff[0]] in _VOWELS
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and (a[diff[1]] == b[diff[0]])
    )


def spelling_map(names: Counter[str]) -> dict[str, str]:
    """Full-name keys -> the commoner spelling of the same name: all words the same but one,
    and that one `same_word` ("hasib hussain" / "hassib hussain", M001; "hans verlome" /
    "hans verolme", M004). The words that differ map too, so a lone surname ("Verolme")
    follows its full name."""
    keys = sorted(names, key=lambda k: (-names[k], k))
    out: dict[str, str] = {}
    for n, key in enumerate(keys):
        toks = key.split()
        for other in keys[:n]:
            ot = other.split()
            diff = [(x, y) for x, y in zip(toks, ot, strict=False) if x != y]
            if len(ot) == len(toks) > 1 and len(diff) == 1 and same_word(*diff[0]):
                out[key] = out.get(other, other)  # "sidique" -> "siddique" -> its root
                out.setdefault(diff[0][0], diff[0][1])
                break
    return out


def plural_map(orgs: Counter[str]) -> dict[str, str]:
    """Organisation keys differing only by a final "s" -> the commoner: "Iranian
    Revolutionary Guards" / "Iranian Revolutionary Guard", "Royal Marines" / "Royal
    Marine" (Wikinews M002)."""
    out: dict[str, str] = {}
    for key in orgs:
        single = key[:-1]
        if key.endswith("s") and len(single.rsplit(" ", 1)[-1]) > 3 and single in orgs:
            loser, winner = sorted((key, single), key=lambda k: (orgs[k], k == single))
            out[loser] = winner
    return out


def given_name_of(
    word: str, people: Iterable[str], counts: Counter[str], places: set[str]
) -> str | None:
    """The one person of the story whose first name is a lone organisation word: "Police
    made a request for any additional information about Hasib's whearabouts after he left
    Luton", "Shahzad and Hasib were reported missing" (Wikinews M001; NER: ORG) beside
    "Hasib Hussain". Not a word that is also a place of the story, nor one that stands
    alone more often than the full name, nor one before a full name that is itself a
    person of the story ("Pichilemu Roberto Córdova": a town and its mayor, quotes_test2)."""
    full = [p for p in people if " " in p]
    found = [p for p in full if p.split()[0] == word]
    if len(found) != 1 or word in places or counts[word] > counts[found[0]]:
        return None
    rest = found[0].split(" ", 1)[1]
    return None if " " in rest and rest in full else found[0]


def nickname_of(word: str, people: Iterable[str]) -> str | None:
    """The one person whose surname a lone name shortens by three letters or more: "\"Vino
    has tested positive ...\"" (Wikinews M003) is Alexander Vinokourov. Four letters at
    least, cut by three letters or more ("Ross" is not "Rossi"), and not a word of anyone's
    full name (a first name is `given_name_of`'s business)."""
    full = [p.split() for p in people if " " in p]
    if len(word) < 4 or any(word in toks for toks in full):
        return None
    found = {" ".join(t) for t in full if t[-1].startswith(word) and len(t[-1]) >= len(word) + 3}
    return next(iter(found)) if len(found) == 1 else None
