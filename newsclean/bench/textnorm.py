"""Text rules for building and comparing the benchmark truth.

Written apart from the tool's own normaliser on purpose: if both shared code, a bug there
would be scored as correct.  The rules follow the project contract only:

- full-width ASCII letters and digits become half-width (``１２月`` -> ``12月``);
- half-width ``, ; : ? ! ( )`` next to a Han character become full-width;
- whitespace never counts: texts are compared with all whitespace removed.
"""

from __future__ import annotations

from itertools import chain

from opencc import OpenCC

FULLWIDTH_ALNUM = {
    cp: cp - 0xFEE0
    for cp in chain(range(0xFF10, 0xFF1A), range(0xFF21, 0xFF3B), range(0xFF41, 0xFF5B))
}
HALF_TO_FULL_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FULL_TO_HALF_PUNCT = {full: half for half, full in HALF_TO_FULL_PUNCT.items()}
SENTENCE_END = "。！？"
CLOSERS = "”’）》」』"

# every whitespace code point lies below U+3001 (the ideographic space is the last)
_WHITESPACE = {cp: None for cp in range(0x3001) if chr(cp).isspace()}
# the loose key folds every full-width form (punctuation too) so that a width slip does
# not hide which truth paragraph an output paragraph is
_LOOSE = {**_WHITESPACE, **{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}}
_t2s = OpenCC("t2s")
_s2t = OpenCC("s2t")
_seen_for_loose: set[str] = set()


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def strip_ws(text: str) -> str:
    return text.translate(_WHITESPACE)


def normalize_truth(text: str) -> str:
    """The text the tool should print for ``text`` as it stands in the corpus."""
    text = text.translate(FULLWIDTH_ALNUM)
    if not any(ch in HALF_TO_FULL_PUNCT for ch in text):
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in HALF_TO_FULL_PUNCT and _next_to_han(text, i):
            chars[i] = HALF_TO_FULL_PUNCT[ch]
    return "".join(chars)


def _next_to_han(text: str, i: int) -> bool:
    return (i > 0 and is_han(text[i - 1])) or (i + 1 < len(text) and is_han(text[i + 1]))


# the width of a number's decimal point and percent sign (３．５％ / 3.5%) is left to the
# tool: both are read as the same number
_NUMBER_MARKS = {ord("．"): ".", ord("％"): "%"}


def strict_key(text: str) -> str:
    """Key for exact comparison: the text itself, whitespace removed, number marks folded."""
    return text.translate(_WHITESPACE).translate(_NUMBER_MARKS)


def loose_key(text: str) -> str:
    """Key that ignores width and stray traditional characters, one char for one char.

    Keeping the length lets a loose match point straight at the strict characters, which
    is how punctuation and script repairs are judged position by position.
    """
    new = set(text) - _seen_for_loose
    if new:
        for ch in new:
            _seen_for_loose.add(ch)
            simple = _t2s.convert(ch)
            if len(simple) == 1 and simple != ch:
                _LOOSE[ord(ch)] = simple
    return text.translate(_LOOSE)


def traditional_of(ch: str) -> str | None:
    """The traditional form of a simplified char when it round-trips cleanly, else None."""
    trad = _s2t.convert(ch)
    if len(trad) != 1 or trad == ch or _t2s.convert(trad) != ch:
        return None
    return trad


def to_simplified(text: str) -> str:
    return _t2s.convert(text)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``; a sentence keeps its end mark and closing quotes."""
    spans, start, i, n = [], 0, 0, len(text)
    while i < n:
        if text[i] in SENTENCE_END:
            j = i + 1
            while j < n and text[j] in CLOSERS:
                j += 1
            spans.append((start, j))
            start = i = j
            continue
        i += 1
    if start < n:
        spans.append((start, n))
    return spans
