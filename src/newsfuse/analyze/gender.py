"""Grammatical gender of the people of an article, from the article's own evidence.

Why: "he said" after a paragraph that names a man and a woman must not go to the woman.
No list of first names is used; the evidence is what the article itself says about each
person: an honorific or a gendered noun in or next to a mention ("Mr Blair", "the
spokeswoman, Giselle Davies", "his wife, Jane"), and the pronouns of sentences in which
that person is the only one named ("Lockwood claimed the timing was urgent as she …").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span, Token

from newsfuse.analyze.entities import EntityIndex
from newsfuse.analyze.nlp import ParsedArticle
from newsfuse.types import Entity

Ranges = list[tuple[int, int]]

_MALE_WORDS = {
    "mr", "mr.", "sir", "lord", "king", "prince", "duke", "baron", "count", "monsieur",
    "spokesman", "chairman", "congressman", "businessman", "husband", "father", "son",
    "brother", "widower", "boyfriend", "man", "boy", "male", "uncle", "nephew", "grandfather",
}  # fmt: skip
_FEMALE_WORDS = {
    "mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "lady", "dame", "queen",
    "princess", "duchess", "baroness", "countess", "spokeswoman", "chairwoman",
    "congresswoman", "businesswoman", "actress", "wife", "mother", "daughter", "sister",
    "widow", "girlfriend", "woman", "girl", "female", "aunt", "niece", "grandmother",
}  # fmt: skip
# Common given names that are unambiguous in English-language news (no "Jean", "Andrea").
_MALE_NAMES = {
    "adam", "alan", "albert", "alexander", "andrew", "anthony", "antonio", "arthur", "ben",
    "bernard", "bill", "bob", "brian", "carl", "carlos", "charles", "chris", "christopher",
    "daniel", "david", "dennis", "donald", "douglas", "edward", "eric", "frank", "fred",
    "gary", "george", "gerald", "gordon", "gregory", "harold", "harry", "henry", "hugh",
    "ian", "jack", "jacques", "james", "jason", "jeffrey", "jerry", "jim", "joe", "john",
    "jonathan", "jose", "joseph", "juan", "keith", "kenneth", "kevin", "larry", "luis",
    "mark", "martin", "matthew", "michael", "mike", "mohammed", "muhammad", "nicholas",
    "nick", "paul", "peter", "philip", "pierre", "ralph", "raymond", "richard", "robert",
    "roger", "ronald", "roy", "russell", "ryan", "samuel", "scott", "sergei", "stephen",
    "steve", "steven", "thomas", "tim", "timothy", "tom", "tony", "victor", "vladimir",
    "walter", "wayne", "william",
}  # fmt: skip
_FEMALE_NAMES = {
    "alice", "amanda", "amy", "angela", "ann", "anna", "anne", "barbara", "betty", "carol",
    "caroline", "catherine", "christine", "claire", "deborah", "diana", "diane", "donna",
    "dorothy", "elena", "elizabeth", "emily", "emma", "fatima", "frances", "helen",
    "hillary", "irene", "jane", "janet", "jennifer", "jessica", "joan", "judith", "julia",
    "julie", "karen", "katherine", "kathleen", "laura", "linda", "lisa", "louise", "margaret",
    "maria", "marie", "mary", "melissa", "michelle", "nancy", "natalia", "olga", "patricia",
    "rachel", "rebecca", "ruth", "sandra", "sarah", "sharon", "sophie", "susan", "teresa",
    "victoria", "virginia",
}  # fmt: skip
_NAME_WEIGHT = 2
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
_MARK_WEIGHT = 3  # an honorific outweighs a few pronouns of a mis-read sentence


def pronoun_gender(word: str) -> str | None:
    """ "m" for he/him/his, "f" for she/her/hers, None for any other word."""
    low = word.lower()
    if low in MALE_PRONOUNS:
        return "m"
    return "f" if low in FEMALE_PRONOUNS else None


def _word_gender(word: str) -> str | None:
    low = word.lower()
    if low in _MALE_WORDS:
        return "m"
    return "f" if low in _FEMALE_WORDS else None


def _name_gender(name: str) -> str | None:
    """Gender of a full name's given name ("Margaret Beckett"), None for one-word names."""
    words = name.lower().split()
    if len(words) < 2:
        return None
    if words[0] in _MALE_NAMES:
        return "m"
    return "f" if words[0] in _FEMALE_NAMES else None


def describing(span: Span, before: int = 2) -> list[Token]:
    """Words that describe the person named by `span`: up to `before` words before the
    name in its clause ("Foreign Ministry spokesman X", "his wife X"), an apposition after
    a comma ("X, the UN spokeswoman,"), parsed or not, and the noun the name is apposed to."""
    doc, root = span.doc, span.root
    out: list[Token] = []
    for tok in reversed(doc[max(0, span.start - before) : span.start]):
        if tok.is_punct and tok.text != ",":
            break
        out.append(tok)
    out += _comma_apposition(span)
    for appos in (c for c in root.children if c.dep_ == "appos"):
        out += [t for t in appos.subtree if t.i <= appos.i]
    if root.dep_ == "appos":
        out += [t for t in root.head.subtree if t.i <= root.head.i]
    return out


def _comma_apposition(span: Span) -> list[Token]:
    """ "X, the UN spokeswoman, …": a determiner phrase between commas right after the name
    (not ", the female sailor will …", a clause's subject)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].pos_ != "DET":
        return []
    for end in range(span.end + 2, min(span.end + 8, len(doc))):
        if doc[end].is_punct:
            return list(doc[span.end + 1 : end])
        if doc[end].pos_ in ("VERB", "AUX"):
            break
    return []


def _outside(quoted: Ranges, pos: int) -> bool:
    return not any(s <= pos < e for s, e in quoted)


def person_genders(pa: ParsedArticle, index: EntityIndex, quoted: Ranges) -> dict[str, str]:
    """Entity id -> "m" or "f" for the people of one article the text genders clearly."""
    votes: dict[str, Counter[str]] = {}
    spans = [s for s in index.spans(pa.article.id) if s[2].kind == "person"]
    for start, end, ent in spans:
        span = pa.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not _outside(quoted, start):
            continue
        tally = votes.setdefault(ent.id, Counter())
        for tok in {*span, *describing(span)}:
            gender = _word_gender(tok.text.rstrip("."))
            if gender is None and tok.text.endswith("."):
                gender = _word_gender(tok.text)
            if gender is not None:
                tally[gender] += _MARK_WEIGHT
        given = _name_gender(ent.name)
        if given is not None:
            tally[given] += _NAME_WEIGHT
    for eid, gender in _pronoun_votes(pa, spans, quoted):
        votes.setdefault(eid, Counter())[gender] += 1
    out = {}
    for eid, tally in votes.items():
        if tally["m"] != tally["f"]:
            out[eid] = "m" if tally["m"] > tally["f"] else "f"
    return out


def _pronoun_votes(
    pa: ParsedArticle, spans: list[tuple[int, int, Entity]], quoted: Ranges
) -> Iterable[tuple[str, str]]:
    """(person id, gender) for each pronoun outside quotes after a sentence's only named
    person, in that sentence or opening the next one ("… Lockwood claimed …. She said")."""
    sentences = pa.article.sentences
    for n, sentence in enumerate(sentences):
        here = [s for s in spans if sentence.start <= s[0] < sentence.end]
        if len({s[2].id for s in here}) != 1 or not _outside(quoted, here[0][0]):
            continue
        end = sentence.end
        following = sentences[n + 1] if n + 1 < len(sentences) else None
        if following is not None and not any(
            following.start <= s[0] < following.end for s in spans
        ):
            end = following.end
        if end <= here[0][1]:  # a mention the NER ran past the sentence's end
            continue
        tokens = pa.doc.char_span(here[0][1], end, alignment_mode="expand")
        for tok in tokens or ():
            gender = pronoun_gender(tok.text)
            if gender is not None and _outside(quoted, tok.idx):
                yield here[0][2].id, gender
