"""What makes a compressed lede no headline, or a weak one (issue 20, fifth round).

A headline is read first and alone. Compressing a sentence by its parse can give a
clause that is grammatical and still wrong as a headline: a photo caption (pages of
Multi-News have no titles, and a caption can be an article's first line), a clause
cut right before the word it needed ("... appears to show a soldier" of "a soldier
executing a civilian"), someone's quoted words stated as fact. Those are refused.
Others are weak: a subject only the article resolves ("The company ..."), a verb in
the simple present that describes rather than reports ("Doctors frequently recommend
...", "A man shows his wound"), or "X is a Y" of a profile. A weak
headline is taken only when no other lede compresses to a strong one.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from newsfuse.summarize.select import furniture

# A photo caption or a tweet: positions in a picture ("(2nd L)", "(left)"), "is seen",
# "pictured", "before and after", a credit "Name / Reuters", a hashtag, a video embed,
# a reporter's handle ("<Name> has the story (@handle)").
_CAPTION = re.compile(
    r"\((?:\d(?:st|nd|rd|th) )?[LRC]\)|\((?:from )?(?:left|right|center|centre)\b[^)]{0,20}\)"
    r"|\b(?:is|are) (?:seen|pictured|shown)\b|\bpictured\b|\bposes?\b|\blooks on\b"
    r"|\bbefore and after\b|^\S+(?: \S+)? / (?:Reuters|AP|AFP|Getty|EPA)\b|^\s*\||^#\w|#\w.*\s#\w"
    r"|^embed\b|\bmore news videos\b|\(@\w+\)",
    re.IGNORECASE,
)
_QUOTES = frozenset({'"', "“", "”"})
# What a word cut away from the headline's last word must not have been: its clause,
# its conjunct, its object, or (of a verb) its phrase.
_NEEDED = frozenset({"acl", "conj", "cc", "xcomp", "ccomp", "dobj", "attr", "acomp"})
_DESCRIBING = frozenset({"VBZ", "VBP"})  # simple present
_BOUND = frozenset({"with", "to", "as", "at", "for", "of", "by"})  # a participle's own phrase
_BE = frozenset({"is", "are", "'s"})
# Verbs whose simple present reports a situation now ("a suspect remains at large").
_NEWS_PRESENT = frozenset(
    [
        *("remains", "remain", "faces", "face", "plans", "plan", "wants", "want", "hopes"),
        *("expects", "expect", "seeks", "seek", "needs", "need", "lives", "live", "leads"),
    ]
)


def caption_like(sentence: str) -> bool:
    """A photo caption or a tweet, not a report."""
    return bool(_CAPTION.search(sentence))


def quoted(doc: Any, keep: set[int], verb: int = -1) -> bool:
    """A kept word stands inside quotation marks in the source: the headline would
    state someone's words without their marks or speaker ("... asked CNN says who").
    A title in quotes (up to five words, capitalised: a show's or a book's name)
    is a name, not someone's words, unless the headline's verb (`verb`) is in it."""
    spans: list[list[int]] = []
    inside = False
    for token in doc:
        if token.text in _QUOTES or token.text in ("''", "``"):
            inside = not inside
            if inside:
                spans.append([])
            continue
        if inside:
            spans[-1].append(token.i)
    return any(set(span) & keep and (verb in span or not _title(doc, span)) for span in spans)


def _title(doc: Any, span: list[int]) -> bool:
    words = [doc[i].text for i in span if not doc[i].is_punct]
    small = ("the", "of", "a", "an", "and", "in", "on", "to", "for")
    return 0 < len(words) <= 5 and all(w[:1].isupper() or w.isdigit() or w in small for w in words)


def cut_short(doc: Any, keep: set[int]) -> bool:
    """The headline stops right before a word it needed: the next word of the source,
    with no punctuation between, is a verb, or belongs to what the headline's last word
    needs: its clause, conjunct or object ("a soldier | executing ...", "to improve |
    and expand", "a major bone | to pick with ...", which the parser may call a relative
    clause)."""
    words = [i for i in keep if not doc[i].is_punct]
    if not words:
        return True
    last = max(words)
    nxt = last + 1
    while nxt < len(doc) and doc[nxt].text in _QUOTES:
        nxt += 1  # the closing mark of a kept title ("the “OITNB” | episodes")
    if nxt >= len(doc) or doc[nxt].is_punct:
        return False
    after = doc[nxt]
    if doc[last].head.i == after.i:
        return True  # the noun of "the OITNB | episodes", a modifier's head, went
    if _passive_modifier(after):
        return False  # "students | connected with ...": trimmed whole, by design
    if after.pos_ in ("VERB", "AUX") and after.i not in keep:
        return True
    node = after
    while node.head.i != node.i and node.head.i != last:
        node = node.head
    if node.head.i != last or node.i == last:
        return False
    if node.dep_ in ("prep", "agent") and doc[last].dep_ == "acl" and node.lower_ in _BOUND:
        return True  # "children diagnosed | with ...", "talks aimed | at ..."
    infinitive = node.dep_ == "relcl" and has_to(node)
    return bool(node.dep_ in _NEEDED or infinitive) and not _passive_modifier(node)


def has_to(verb: Any) -> bool:
    """`verb` is an infinitive with its own "to" ("a bone | to pick")."""
    return any(c.tag_ == "TO" for c in verb.children)


def _passive_modifier(token: Any) -> bool:
    """A past participle modifying a noun ("students connected with ..."): the noun
    stands without it (compress trims it whole when there is no room)."""
    return token.dep_ == "acl" and str(token.tag_) == "VBN"


def stray_object(token: Any) -> bool:
    """A second object of the verb, after a comma, that follows another complement: the
    parser's reading of an attribution ("... plans to raise tariffs on ..., a source
    familiar with the talks confirmed"), not what the verb did."""
    verb = token.head
    first = min(t.i for t in token.subtree)
    earlier = [c for c in verb.children if c.i < first and c.dep_ in ("dobj", "xcomp", "ccomp")]
    return token.dep_ == "dobj" and token.doc[first - 1].text == "," and bool(earlier)


def no_clause(main: Any) -> bool:
    """A past participle with no auxiliary as the clause's verb: in a sentence of an
    article (not a title) a misparse of a noun phrase ("One of the supervisors ousted
    in the scandal" before the verb that goes with it) or a caption."""
    return str(main.tag_) == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in main.children)


def weak(main: Any, subject: Any) -> bool:
    """A clause that describes rather than reports: a subject with no name, number or
    clause of its own after "the/this" ("The company", "The actor"), a lexical verb in
    the simple present, which describes a picture, a habit or a definition ("A man
    shows his wound", "X refers to ..."), "is a/an ..." of a profile, or "There is ..."
    with no number in it."""
    words = list(subject.subtree)
    first = words[0].lower_ if words else ""
    if first in ("the", "this", "these", "that", "those") and not any(
        t.pos_ in ("PROPN", "NUM") or t.dep_ in ("relcl", "acl") for t in words
    ):
        return True
    if str(main.tag_) in _DESCRIBING and main.pos_ == "VERB" and main.lower_ not in _NEWS_PRESENT:
        return True
    if subject.dep_ == "expl" and not any(t.like_num for t in main.subtree):
        return True  # "There is no easy way to ...": a column's hook, not a count of cases
    if main.lower_ in _BE:
        return any(
            c.dep_ == "attr" and any(d.lower_ in ("a", "an") for d in c.children)
            for c in main.children
        )
    return False


_DANGLING_END = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "and",
        "or",
        "but",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "than",
        "its",
        "his",
        "her",
        "their",
        "our",
        "your",
        "this",
        "these",
        "those",
        "into",
        "over",
        "after",
        "before",
        "about",
        "against",
        "during",
    ]
)


# Verbs that need what follows them: a headline ending on one was cut ("An inquest
# has heard", "Bossert replied", "Sen. Elizabeth Warren on Tuesday called").
_NEEDS_MORE = frozenset(
    [
        *("heard", "called", "replied", "said", "says", "told", "asked", "added"),
        *("explained", "wrote", "announced", "revealed", "claimed", "noted", "urged"),
        *("continued", "warned", "insisted", "argued", "according", "compared"),
        *("aimed", "designed", "intended"),
    ]
)
# Nouns whose infinitive was cut away ("... updated its boarding process a move").
_NEEDS_INFINITIVE = frozenset(["move", "attempt", "effort"])


_GIVING = frozenset(
    f"{verb}{end}"
    for verb in ("grant", "award", "offer", "hand", "send", "pay", "give", "owe", "promise")
    for end in ("", "s", "ed")
) | {"gave", "given", "sent", "paid", "owed"}


def lost_object(doc: Any, keep: set[int]) -> bool:
    """A verb of giving that ends on its first object, whose second object the parser
    took for an aside of the first ("<firm> granted <Name>, <title>, an equity award
    ..." kept as "<firm> granted <Name>"): what was given went with the aside."""
    last = max((i for i in keep if not doc[i].is_punct), default=None)
    if last is None or doc[last].dep_ not in ("dobj", "dative"):
        return False
    verb = doc[last].head
    gone = [c for c in doc[last].children if c.dep_ == "appos" and c.i not in keep]
    return verb.lower_ in _GIVING and any(d.lower_ in ("a", "an") for c in gone for d in c.children)


def lost_phrase(doc: Any, keep: set[int]) -> bool:
    """The headline ends on a verb in "-ing" whose phrase was trimmed ("... may be
    working" without "with an accomplice"), or on the verb of a clause inside it that
    lost its words ("... violence that began" without when): it reads cut, so it is
    taken only when nothing better compresses."""
    last = max((i for i in keep if not doc[i].is_punct), default=None)
    if last is None or doc[last].pos_ != "VERB":
        return False
    lost = [c for c in doc[last].children if c.i not in keep and not c.is_punct]
    if str(doc[last].tag_) == "VBG" and any(c.dep_ == "prep" for c in lost):
        return True
    clausal = ("advcl", "ccomp", "xcomp", "dobj", "attr", "acomp")  # not "at a park"
    in_clause = doc[last].dep_ in ("relcl", "acl")  # "after being electrocuted" stands
    return in_clause and any(c.i > last and c.dep_ in clausal for c in lost)


def incomplete_headline(text: str, nlp: Any) -> bool:
    """A headline a reader would stop at: empty, over 14 words, cut (an ellipsis, a
    trailing function word or comma, a verb or noun whose complement is gone), page
    furniture ("Page | Site", a caption or "Continue reading" line: select.furniture),
    or no verb (`nlp`: a spaCy pipeline with a tagger; "drive" of "drive-by" is none)."""
    doc = None
    if cut_words(text):  # unless it ends on a verb's particle, parsed once if it may
        if not _particle_end(text):
            return True
        doc = nlp(text)
        if str(doc[-1].tag_) != "RP":
            return True
    doc = nlp(text) if doc is None else doc
    if any(t.dep_ == "ROOT" and any(c.dep_ == "mark" for c in t.children) for t in doc):
        return True  # a subordinate clause alone ("When the index finger is shorter ...")
    return not any(t.pos_ in ("VERB", "AUX") and not _nominal(doc, t.i) for t in doc) and not (
        headline_form(text)
    )


# The report words of headline-ese, which the tagger reads as nouns in a title ("Pasco
# deputy shoots off fingertip": "shoots" NNS; "Teenager Shot In <town>", "6-year-old dies
# in accidental shooting", "One Dead, Eight Hospitalized"): 12% of gva_dev's titles were
# refused for no verb, most of them this form, and the fallback was a worse line.
_REPORT_WORDS = frozenset(
    [
        *("shot", "shoots", "dead", "dies", "died", "killed", "kills", "slain", "wounded"),
        *("wounds", "injured", "injures", "hurt", "hospitalized", "pistol-whipped", "stabbed"),
        *("arrested", "charged", "sought", "surrenders", "identified", "id'd", "id’d", "results"),
    ]
)
_STATE = re.compile(
    r"\b(?:in (?:critical|serious|stable) condition|in custody|among (?:\d+ )?victims"
    r"|passes away|(?:police|deputies|sheriff|officials|authorities)"
    r" (?:arrest|id|i\.d\.|name|search|release|seek|hunt|probe|investigate)\b)",
    re.IGNORECASE,
)
_NOT_REPORT = frozenset(["a", "an", "the", "his", "her", "its", "their", "one's", "big", "gun"])
_GLUED = re.compile(r"[a-z]{3}[A-Z][a-z]{2,}")  # "... Shot<Town> News: ...": a title scraped twice


def headline_form(text: str) -> bool:
    """A news title in headline-ese: a report word after its subject ("4 shot, one
    fatally, on <street>", "Boy, 10, dead in <city> shooting"), not after a determiner
    ("a shot at ..."), or a state ("<victim> in critical condition after ...")."""
    if _GLUED.search(text):
        return False
    words = [w.strip(",;:'\"“”‘’()").lower() for w in text.split()]
    reported = any(
        word in _REPORT_WORDS and before not in _NOT_REPORT
        for before, word in itertools.pairwise(words)
    )
    return reported or bool(_STATE.search(text))


_PARTICLES = frozenset(["in", "on", "off", "over", "up", "out"])


def _particle_end(text: str) -> bool:
    """The last word may be a verb's particle, not a cut preposition ("... is sworn in",
    "<suspect> turns himself in"; the tagger's "RP" decides), and the headline is whole
    without it."""
    tokens = text.split()
    return not (
        len(tokens) < 3 or tokens[-1].lower() not in _PARTICLES or cut_words(" ".join(tokens[:-1]))
    )


def cut_words(text: str) -> bool:
    """`incomplete_headline` by its words alone (no parse): empty, over 14 words, an
    ellipsis, a last word that needs more ("according", "compared", "in"), furniture."""
    tokens = text.split()
    if not tokens or len(tokens) > 14 or text.rstrip().endswith(("…", "...", ",", ":", ";")):
        return True
    last = tokens[-1].lower().strip("\"'“”")
    attributed = last in _NEEDS_MORE and ", " in text  # "..., officials said"
    if last in _DANGLING_END or (last in _NEEDS_MORE and not attributed):
        return True
    if " | " in text or text.startswith("|") or furniture(text):
        return True
    return last in _NEEDS_INFINITIVE and len(tokens) > 1 and tokens[-2].lower() in ("a", "an")


def _nominal(doc: Any, i: int) -> bool:
    """Token `i`, tagged a verb, is part of a noun: of a hyphenated word ("drive-by",
    "officer-involved"), or a last "-ing" after a noun or modifier ("... drive-by
    shooting", "Brighton Park shooting"), which the tagger takes for a participle."""
    if (i + 1 < len(doc) and doc[i + 1].text == "-") or (i > 0 and doc[i - 1].text == "-"):
        return True
    last = i == len(doc) - 1 or all(t.is_punct for t in doc[i + 1 :])
    before = doc[i - 1].pos_ if i > 0 else ""
    return bool(last and doc[i].tag_ == "VBG" and before in ("NOUN", "PROPN", "ADJ", "ADP", "PART"))
