"""The tokenizer's ASCII fast paths give the answers of their per-character rules."""

from __future__ import annotations

from pathlib import Path

from newsfuse.text.tokens import _WORD, has_digit, words

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def _per_word(text: str) -> list[str]:
    """The rule before the fast path: each match lower-cased, curly apostrophe made plain."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def test_ascii_fast_path_gives_the_same_tokens() -> None:
    paths = sorted(EXAMPLES.rglob("*.txt"))
    assert paths
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    ascii_lines = [line for line in lines if line.isascii() and line.strip()]
    other = [line for line in lines if not line.isascii()]
    assert ascii_lines and other  # both paths are exercised by the bundled articles
    for line in lines:
        assert words(line) == _per_word(line)
    # Upper-case words and inner separators, taken from the same articles, cased.
    for line in ascii_lines[:50]:
        assert words(line.upper()) == _per_word(line.upper())


def test_has_digit_is_any_character_a_digit() -> None:
    """Every character of the Basic Multilingual Plane alone and inside ASCII text (an
    Arabic-Indic or superscript digit is a digit too, "x" and "½" are not)."""
    texts = [chr(c) for c in range(0x10000)] + [f"gram {chr(c)} x" for c in range(0x3000)]
    texts += ["", "9/11 attacks", "no digits here", "٠ years", "x²", "½"]
    assert [has_digit(t) for t in texts] == [any(c.isdigit() for c in t) for t in texts]
