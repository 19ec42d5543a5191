"""The tokenizer's ASCII fast path gives the tokens of the per-word rule."""

from __future__ import annotations

from pathlib import Path

from newsfuse.text.tokens import _WORD, words

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
