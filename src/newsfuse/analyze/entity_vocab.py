"""Words and names entities are matched with: entity labels, countries and their
adjectives, aliases of names written several ways, organisation heads and titles.

Why a module of its own: the extraction rules (entities.py), the speaker rules and the
lexicon all key on the same vocabulary, and it changes for reasons of its own (a new
country, a new rank abbreviation) rather than with the linking logic.
"""

from __future__ import annotations

import re
import unicodedata

LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EQUIPMENT": "equipment",
    "NORP": "group",
    "EVENT": "event",
}

# Country (or its capital, standing for its government) -> adjective used in canonical names.
_COUNTRIES = {
    "Russian": "russia moscow kremlin",
    "Iranian": "iran tehran",
    "U.S.": "united states|u.s.|us|usa|america|washington|white house",
    "Syrian": "syria damascus",
    "British": "britain|united kingdom|uk|u.k.|london",
    "Chinese": "china beijing",
    "Israeli": "israel jerusalem",
    "Turkish": "turkey ankara",
    "French": "france paris",
    "German": "germany berlin",
    "Iraqi": "iraq baghdad",
    "Ukrainian": "ukraine kyiv kiev",
    "Japanese": "japan tokyo",
    "Indian": "india|new delhi",
    "Pakistani": "pakistan islamabad",
    "Saudi": "saudi arabia|riyadh",
    "Egyptian": "egypt cairo",
    "Afghan": "afghanistan kabul",
    "North Korean": "north korea|pyongyang",
    "South Korean": "south korea|seoul",
    "Australian": "australia canberra",
    "Canadian": "canada ottawa",
    "Italian": "italy rome",
    "Spanish": "spain madrid",
    "Lebanese": "lebanon beirut",
    "Libyan": "libya tripoli",
    "Qatari": "qatar doha",
    "Mexican": "mexico",
    "Brazilian": "brazil",
    "Polish": "poland warsaw",
    "Greek": "greece athens",
}
COUNTRY_ADJ: dict[str, str] = {
    name: adj
    for adj, names in _COUNTRIES.items()
    for name in (names.split("|") if "|" in names else names.split())
}
ADJECTIVES: dict[str, str] = {adj.lower(): adj for adj in _COUNTRIES} | {"american": "U.S."}

# Normalised surface -> canonical name, for names spaCy gives in several forms.
ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "isis": "Islamic State",
    "isil": "Islamic State",
    "is": "Islamic State",
    "daesh": "Islamic State",
    "islamic state": "Islamic State",
    "islamic state group": "Islamic State",
    "islamic state of iraq and syria": "Islamic State",
    "islamic state of iraq and the levant": "Islamic State",
    "jabhat al nusra": "Jabhat al Nusra",
    "nusra front": "Jabhat al Nusra",
    "al nusra front": "Jabhat al Nusra",
    "al qaeda": "al Qaeda",
    "associated press": "Associated Press",
    "ap": "Associated Press",
    # "The UN says the toll is nearing 150,000", "U.N. warns of delays" (Wikinews M000)
    "un": "United Nations",
    "united nations": "United Nations",
}
# Aliases that may open an organisation's name ("UN Security Council"); not countries,
# whose organisations the rules name by adjective ("U.S. Government").
ORG_PREFIXES = {k: v for k, v in ALIASES.items() if k not in COUNTRY_ADJ}
ORG_HEADS = {"ministry", "government", "military", "army", "navy", "parliament", "cabinet"}
TITLE_HEADS = {
    "minister", "senator", "president", "secretary", "chairman", "premier", "governor",
    "mayor", "ambassador", "general", "commander", "chancellor", "king", "queen", "prince",
    "representative", "congressman", "congresswoman", "envoy", "chief", "director", "judge",
    "prosecutor", "captain",
}  # fmt: skip
TITLE_WORDS = TITLE_HEADS | {
    "prime", "defense", "defence", "foreign", "interior", "finance", "deputy", "first",
    "vice", "state", "national", "security", "sen.", "rep.", "gen.", "dr.", "mr.", "mrs.",
    "ms.", "lt.", "col.", "adviser", "advisor", "supreme", "leader", "former", "u.s.",
    "mr", "ms", "mrs", "dr", "sir", "dame", "capt", "captain", "major", "colonel", "lieutenant",
    "sergeant", "sgt", "admiral", "doctor", "professor", "prof", "prof.", "spokesman",
    "spokeswoman", "spokesperson", "marshal", "commodore", "brigadier", "corporal", "inspector",
    "superintendent", "detective", "constable", "rev", "rev.", "reverend", "gov", "gov.",
    "sgt.", "det.", "cpl.", "capt.", "ofc.", "ofcr.", "insp.", "supt.", "cmdr.", "maj.", "atty.",
    "dep.", "tpr.", "pvt.", "spc.", "cpt.", "officer", "trooper", "sheriff", "lt", "det",
}  # fmt: skip
_SPACES = re.compile(r"\s+")
_SUFFIXES = {"co": "company", "corp": "corporation", "cos": "companies"}
_COMPANY = re.compile(r"(?<=\w )(co|corp|cos)\.?$")


def norm(text: str) -> str:
    """Matching key: lower case, no accents, straight apostrophes, no hyphens/'the'."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("’s", "s").replace("'s", "s").replace("-", " ").lower().strip()
    text = _SPACES.sub(" ", text)
    text = _COMPANY.sub(lambda m: _SUFFIXES[m.group(1)], text)  # "Power Co" = "Power Company"
    return text[4:] if text.startswith("the ") else text


def country_adjective(text: str) -> str | None:
    """ "Russia", "Moscow", "Russian" -> "Russian"; None when it names no known country."""
    key = norm(text.removesuffix("’s").removesuffix("'s"))
    return COUNTRY_ADJ.get(key) or ADJECTIVES.get(key)
