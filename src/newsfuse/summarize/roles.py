"""A name the brief inserts in brackets comes with the role its sources gave it.

`firstnames` completes a bare surname from the article ("Doe said" -> "[Jane Doe] said").
A reader then meets a full name and still cannot place it: who is Jane Doe, and why is
she quoted? The outlet had said so where it named her in full ("Defense attorney Jane
Doe", "Jane Doe, chief executive of <the network's owner>,"), and the integrator's eighth
reading counted such bare bracketed names among the dangling references. The role is
taken with the name, as the source wrote it (a contiguous span: every inserted word is a
source's), so the insertion reads "[defense attorney Jane Doe]" or "[Jane Doe, chief
executive of <Company>,]".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.summarize.features import StoryMatrix
from newsfuse.text.tokens import STOP_WORDS

# Nouns that end a role before a name, or open one after it ("Defense attorney <Name>",
# "<Name>, a spokeswoman for ..."): titles, trades, offices and kin.
ROLE_HEADS = frozenset(
    [
        *("attorney", "lawyer", "prosecutor", "counsel", "spokesman", "spokeswoman", "judge"),
        *("spokesperson", "sheriff", "chief", "officer", "detective", "sergeant", "sgt"),
        *("lieutenant", "lt", "captain", "capt", "deputy", "justice", "mayor", "governor"),
        *("gov", "senator", "sen", "rep", "representative", "congressman", "congresswoman"),
        *("councilman", "councilwoman", "alderman", "director", "executive", "ceo", "chairman"),
        *("chairwoman", "president", "manager", "owner", "coach", "teacher", "principal"),
        *("superintendent", "student", "tech", "technician", "analyst", "professor", "dean"),
        *("researcher", "scientist", "expert", "minister", "secretary", "commissioner"),
        *("investigator", "trooper", "pastor", "reverend", "doctor", "physician", "surgeon"),
        *("nurse", "firefighter", "paramedic", "coroner", "examiner", "administrator"),
        *("founder", "editor", "reporter", "host", "anchor", "producer", "actor", "actress"),
        *("singer", "author", "writer", "neighbor", "witness", "cousin", "uncle", "aunt"),
        *("grandmother", "grandfather", "mother", "father", "sister", "brother", "son"),
        *("daughter", "wife", "husband", "girlfriend", "boyfriend", "fiancee", "fiance"),
        *("employee", "worker", "clerk", "agent", "official", "ambassador", "leader"),
        *("activist", "advocate", "organizer", "historian", "economist", "strategist"),
        *("consultant", "bishop", "rabbi", "imam", "priest", "commander", "colonel"),
        *("general", "admiral", "marshal", "inspector", "constable", "warden", "chancellor"),
        *("bouncer", "bartender", "driver", "pilot", "guard", "ranger", "dispatcher"),
        *("friend", "suspect", "victim", "shooter", "gunman", "cmdr", "comdr", "cpl", "det"),
        *("fiancé", "fiancée", "ofc", "supervisor", "coordinator", "pastor"),
    ]
)
# Lower-case words that may stand before a role's head ("assistant state's attorney",
# "computer tech"); any capitalised word may ("<County> Sheriff's Office spokeswoman").
_MODIFIERS = frozenset(
    [
        *("defense", "defence", "assistant", "deputy", "police", "county", "state", "state's"),
        *("district", "former", "senior", "chief", "executive", "public", "lead", "computer"),
        *("medical", "associate", "interim", "acting", "vice", "managing", "city", "school"),
        *("fire", "campaign", "press", "team", "head", "longtime", "federal", "criminal"),
        *("family", "security", "research", "union", "community", "hospital", "store"),
        *("restaurant", "bar", "club", "office", "department", "agency", "company", "civil"),
    ]
)
MAX_ROLE = 5  # words before a name: "<County> Sheriff's Office Public Information Officer"
MAX_APPOSITION = 8  # words of "<Name>, chief executive of <Company>,"
_DESCRIBED = frozenset(["elder", "younger"])  # "The elder <Surname> said": placed
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_APPOSITION = re.compile(
    r"^,\s+((?:\d{1,3},\s+)?(?:(?:the|a|an)\s+)?[^,;:\"“”()\[\]]{2,90}?)(?=,|\.$|\.\s)"
)
# "the suspect, <Name>", "<Name>'s friend, <Name>": a role set off by a comma before it
_COMMA_ROLE = re.compile(
    r"((?:\b[Tt]he|\b[Aa]n?|\b[A-Z][a-z]+['’]s)\s+(?:[a-z]+\s+)?([a-zé]+)),\s+$"
)


def _is_head(word: str) -> bool:
    return word.lower().rstrip(".").replace("’", "'") in ROLE_HEADS


def role_before(text: str, start: int) -> str | None:
    """The role written right before the name at text[start:] ("Defense attorney"), or
    None: its last word a role's head, the words before it capitalised or modifiers,
    not past an age ("50-year-old") or a stop word."""
    comma = _COMMA_ROLE.search(text[:start])
    if comma is not None and _is_head(comma.group(2)):
        role = comma.group(1)
        return (
            (role[:1].lower() if role.split()[0] in ("The", "A", "An") else role[:1])
            + role[1:]
            + ","
        )
    words: list[str] = []
    rest = text[:start]
    while len(words) < MAX_ROLE and (match := _WORD_BEFORE.search(rest)) is not None:
        word = match.group(1)
        bare = word.lower().replace("’", "'")
        if not words and not _is_head(word):
            return None
        if words and not (_is_head(word) or bare in _MODIFIERS or _capitalised(word)):
            break
        if bare in STOP_WORDS or not re.fullmatch(r"[A-Za-z][A-Za-z.'’-]*", word):
            break
        words.insert(0, word)
        rest = rest[: match.start()]
    if not words:
        return None
    if not rest.strip() and len(words) > 1 and words[1][:1].islower():
        words[0] = words[0][:1].lower() + words[0][1:]  # "Defense attorney" opened its sentence
    return " ".join(words)


def _capitalised(word: str) -> bool:
    """A name's word before a role ("<County> Sheriff's Office", "USGS analyst")."""
    return word[:1].isupper() and not word.endswith(".") and len(word) > 1


def role_after(text: str, end: int) -> str | None:
    """The apposition right after the name at text[:end] when it is a role ("<Name>,
    chief executive of <Company>," or ", a spokeswoman for ..."), or None."""
    match = _APPOSITION.match(text[end:])
    if match is None:
        return None
    phrase = re.split(r"\s+(?:who|whose|which|that)\s+", match.group(1).strip())[0]
    words = phrase.split()[1:] if re.match(r"\d{1,3},", phrase) else phrase.split()  # an age
    if not words or len(words) > MAX_APPOSITION or words[0][:1].isdigit():
        return None
    lead = words[1:4] if words[0].lower() in ("the", "a", "an") else words[:3]
    if not any(_is_head(w.rstrip("'s’")) for w in lead):
        return None
    return phrase


def _texts(matrix: StoryMatrix, article: int, row: int) -> Iterator[str]:
    """The story's sentences, its own article's before `row` first, then the rest."""
    own = [r for r in range(matrix.size) if int(matrix.article_of[r]) == article]
    yield from (matrix.sentences[r].text for r in own if r < row)
    yield from (matrix.sentences[r].text for r in own if r > row)
    for r in range(matrix.size):
        if int(matrix.article_of[r]) != article:
            yield matrix.sentences[r].text


def with_role(matrix: StoryMatrix, article: int, row: int, full: str) -> str:
    """`full` ("Jane Doe") as the sources introduce it, with a role: the first found,
    written before the name, else in apposition after it; `full` alone when none is."""
    pattern = re.compile(rf"\b{re.escape(full)}\b(?!\s+[A-Z])")
    after: str | None = None
    for text in _texts(matrix, article, row):
        for match in pattern.finditer(text):
            before = role_before(text, match.start())
            if before is not None:
                return f"{before} {full}"
            if after is None and (found := role_after(text, match.end())) is not None:
                after = f"{full}, {found},"
    return after or full


def placed(text: str, at: int, end: int) -> bool:
    """The brief sentence already gives the name at text[at:end] a role: a role's head
    right before it ("defense attorney Doe") or an apposition after it ("Doe, the ...")."""
    before = _WORD_BEFORE.search(text[:at])
    if before is not None and (_is_head(before.group(1)) or before.group(1) in _DESCRIBED):
        return True
    return role_after(text, end) is not None


_CLOSES = re.compile(r"^\s*(?:[,.;:!?)\]]|$)")


def introduced(matrix: StoryMatrix, row: int, full: str, text: str, at: int, end: int) -> str:
    """The words to insert in brackets for the bare name at text[at:end] of source row
    `row`: `full` with its role (`with_role`) unless the sentence gives one (`placed`);
    an apposition's closing comma dropped before punctuation, the first letter a
    capital where the insertion opens the sentence."""
    if placed(text, at, end):
        return full
    named = with_role(matrix, int(matrix.article_of[row]), row, full)
    if named.endswith(",") and _CLOSES.match(text[end:]):
        named = named[:-1]
    if not text[:at].strip(" \"“'‘"):
        named = named[:1].upper() + named[1:]
    return named
