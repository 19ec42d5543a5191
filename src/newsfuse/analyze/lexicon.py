"""Word lists for attribution: speech verbs, and the nouns that stand for speakers,
for organisations and for documents (whose issuer is the speaker)."""

from __future__ import annotations

from newsfuse.analyze.entities import TITLE_HEADS

OPEN_MARKS = {'"', "“"}
SPEECH_VERBS = {
    "say", "tell", "add", "claim", "warn", "state", "announce", "insist", "explain", "note",
    "write", "ask", "reply", "respond", "argue", "deny", "confirm", "acknowledge", "admit",
    "declare", "comment", "remark", "report", "praise", "call", "describe", "urge", "vow",
    "promise", "predict", "suggest", "stress", "emphasize", "conclude", "continue", "allege",
    "quote", "recall", "observe", "complain", "assert", "maintain", "reiterate", "concede",
    "exclaim", "shout", "joke", "tweet", "recount", "plead", "demand", "accuse", "label",
    "sing",
}  # fmt: skip
PRONOUNS = {"he", "she", "him", "her"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson", "representative", "statement"}
_DOCUMENTS = {
    "statement", "communique", "communiqué", "report", "letter", "release", "declaration",
    "document", "draft", "message", "resolution", "notice", "post", "editorial", "sheet",
    "indictment", "ruling", "verdict", "saying", "motto", "remark", "words", "website",
    "story", "article", "affidavit",
}  # fmt: skip
# Kin and close relations: "the victim's father", "Fat Trel's manager" stand for one
# definite person even when the article never names them.
KIN = {
    "mother", "father", "mom", "dad", "son", "daughter", "wife", "husband", "brother",
    "sister", "uncle", "aunt", "grandmother", "grandfather", "grandma", "grandpa", "cousin",
    "nephew", "niece", "grandson", "granddaughter", "stepfather", "stepmother", "stepson",
    "stepdaughter", "girlfriend", "boyfriend", "fiance", "fiancee", "fiancé", "fiancée",
    "widow", "widower", "manager", "attorney", "lawyer", "parent", "guardian",
}  # fmt: skip
_PERSON_NOUNS = TITLE_HEADS | {
    "official", "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "officer",
    "analyst", "reporter", "source", "witness", "resident", "survivor", "doctor", "expert",
    "member", "user", "leader", "head", "man", "woman", "people", "person", "police",
    "authority", "activist", "father", "mother", "wife", "husband", "son", "daughter",
    "relative", "friend", "scientist", "researcher", "professor", "seismologist", "worker",
    "owner", "student", "teacher", "manager", "candidate", "aide", "adviser", "advisor",
}  # fmt: skip
_ORG_NOUNS = {
    "agency", "ministry", "government", "committee", "newspaper", "company", "university",
    "department", "council", "organisation", "organization", "team", "party", "court",
    "office", "commission", "board", "union", "association", "embassy", "institute",
    "network", "paper", "station", "service", "club", "federation", "foundation", "airline",
}  # fmt: skip
