"""Make the script consistent: stray traditional characters on a simplified page become simplified.

Conversion is OpenCC's (opencc-python-reimplemented, its phrase and character tables).  The
mode comes from ``config.script_mode``:

* ``auto`` (default): a clause holding a traditional-only character is converted with t2s,
  and only that clause, so a character valid in both scripts (``於``, ``乾``) in another
  clause is not re-read by OpenCC.  Inside a converted clause OpenCC's tables decide, and they
  are not perfect: ``乾隆`` stays, but ``乾县`` beside a stray ``後`` would become ``干县``.
  A page that is mostly traditional (more distinct traditional-only than simplified-only
  characters) is left alone with one ``flagged`` record.  The split is wide in practice: the
  seed page has 0 distinct traditional-only against 315 simplified-only characters, the
  same page through s2t 346 against 0.
* ``simplified``: every block holding a character t2s would change is converted whole.
* ``traditional``: every block holding a simplified-only character is converted whole with s2t.
* ``keep``: nothing.

The character sets come from OpenCC's own tables: a character is traditional-only when
``TSCharacters.txt`` maps it only to other characters and ``STCharacters.txt`` does not list
it as simplified (so ``乾 於 著 干 后`` are not traditional-only); simplified-only likewise the
other way.  A block pays for OpenCC only when it has such a character (a regex class finds
one); OpenCC itself is loaded once, on first use.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache

import regex

NAME = "script"

# OpenCC's own segment separators (PhraseExtract) plus the Chinese ones: a phrase never spans
# them, so converting clause by clause gives the same result as converting the block
_CLAUSE = regex.compile(
    r"[^\s,.\-?!*/\\:;()\[\]{}<>\"'，。、；：？！…“”‘’『』「」﹁﹂—－（）《》〈〉～．／＼【】［］｛｝]+"
)

# a page is "mostly traditional" when this share of its script-specific characters is traditional
TRADITIONAL_PAGE_SHARE = 0.5


def _dictionary(name: str) -> dict[str, list[str]]:
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", name)
    table: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, values = line.rstrip("\n").partition("\t")
            if key:
                table[key] = values.split(" ")
    return table


@cache
def char_sets() -> dict[str, frozenset[str]]:
    """The four gates, built once from OpenCC's character tables.

    ``traditional_only``/``simplified_only``: characters that belong to one script alone.
    ``t2s_changes``/``s2t_changes``: characters whose first OpenCC mapping is another character.
    """
    ts = _dictionary("TSCharacters.txt")
    st = _dictionary("STCharacters.txt")
    return {
        "traditional_only": frozenset(
            k for k, v in ts.items() if len(k) == 1 and k not in v and k not in st
        ),
        "simplified_only": frozenset(
            k for k, v in st.items() if len(k) == 1 and k not in v and k not in ts
        ),
        "t2s_changes": frozenset(k for k, v in ts.items() if len(k) == 1 and v[0] != k),
        "s2t_changes": frozenset(k for k, v in st.items() if len(k) == 1 and v[0] != k),
    }


@cache
def simplified_forms() -> dict[str, str]:
    """Each traditional-only character's simplified form (OpenCC's first), for reading a
    traditional page with counts taken from simplified text.  Characters valid in both
    scripts (乾 於 著) are left out: on a simplified page they mean themselves."""
    traditional = char_sets()["traditional_only"]
    return {
        k: v[0]
        for k, v in _dictionary("TSCharacters.txt").items()
        if k in traditional and len(v[0]) == 1
    }


@cache
def holds_any(name: str) -> Callable[[str], bool]:
    """A test of whether a text holds a character of ``char_sets()[name]``.

    The same answer as ``not chars.isdisjoint(text)``, several times faster on Chinese text:
    a regex class scans the string in C, where ``isdisjoint`` makes an object of every
    character.  Characters beyond the BMP would slow the class down, so it takes any of
    them as a hit, for the set to confirm.
    """
    chars = char_sets()[name]
    bmp = "".join(re.escape(c) for c in sorted(chars) if c <= "\uffff")
    finder = re.compile(f"[{bmp}\U00010000-\U0010ffff]")

    def test(text: str) -> bool:
        found = finder.search(text)
        while found is not None:
            if found.group() in chars:
                return True
            found = finder.search(text, found.end())
        return False

    return test


@cache
def converter(conversion: str):
    """``OpenCC(conversion)``, built on first use and kept."""
    from opencc import OpenCC

    return OpenCC(conversion)


def simplify_clauses(text: str) -> str:
    """Convert to simplified only the clauses that hold a traditional-only character.

    >>> simplify_clauses("乾隆年间,他們後來到了北京。於是")
    '乾隆年间,他们后来到了北京。於是'
    """
    trad = char_sets()["traditional_only"]
    cc = converter("t2s")

    def one(m: regex.Match) -> str:
        clause = m.group(0)
        return clause if trad.isdisjoint(clause) else cc.convert(clause)

    return _CLAUSE.sub(one, text)


def _changes(before: str, after: str, limit: int = 6) -> tuple[int, str]:
    """How many characters changed, and a sample ``後→后, 來→来`` (OpenCC keeps lengths)."""
    pairs: dict[str, str] = {}
    n = 0
    for a, b in zip(before, after):
        if a != b:
            n += 1
            if len(pairs) < limit:
                pairs.setdefault(a, b)
    return n, ", ".join(f"{a}→{b}" for a, b in pairs.items())


def mostly_traditional(blocks) -> bool:
    """Whether a page of these blocks is mostly traditional, as ``auto`` mode judges it (and
    leaves it so): fix writes the marker lines of such a page in its script (下轉第2版)."""
    gate = holds_any("traditional_only")
    candidates = [b for b in blocks if gate(b.text)]
    return bool(candidates) and _mostly_traditional(blocks, candidates)[0]


def _mostly_traditional(blocks, candidates) -> tuple[bool, int, int]:
    """Whether distinct traditional-only characters outnumber distinct simplified-only ones
    on the page.

    Distinct characters, not occurrences: an OCR loop that prints a sentence seven times
    must not tip the page one way before dedup cuts it back and the other way after (fix of
    fix's output would then convert what the first pass left).  Counting stops as soon as
    the simplified side wins, so a simplified page with a few stray characters is not read
    to the end.
    """
    sets = char_sets()
    traditional = sets["traditional_only"]
    simplified = sets["simplified_only"]
    t = len({c for b in candidates for c in b.text if c in traditional})
    seen: set[str] = set()
    for block in blocks:
        seen.update(c for c in block.text if c in simplified)
        if len(seen) >= t:
            return False, t, len(seen)
    s = len(seen)
    return t / (t + s) > TRADITIONAL_PAGE_SHARE, t, s


def run(page, config):
    mode = getattr(config, "script_mode", "auto")
    if mode == "keep":
        return page, []
    if mode not in ("auto", "simplified", "traditional"):
        raise ValueError(f"unknown script mode {mode!r}")

    if mode == "auto":
        gate = holds_any("traditional_only")
        candidates = [b for b in page.blocks if gate(b.text)]
        if not candidates:
            return page, []
        traditional, t, s = _mostly_traditional(page.blocks, candidates)
        if traditional:
            reason = (
                f"traditional_page: {t} distinct traditional-only vs {s} simplified-only characters; "
                "left as traditional (script_mode=auto)"
            )
            return page, [page.repair(NAME, "flagged", candidates[:1], reason, "", "", 0.9)]
        convert, slug, confidence = simplify_clauses, "stray_traditional", 0.9
    elif mode == "simplified":
        gate = holds_any("t2s_changes")
        convert, slug, confidence = converter("t2s").convert, "to_simplified", 0.95
    else:
        gate = holds_any("simplified_only")
        convert, slug, confidence = converter("s2t").convert, "to_traditional", 0.95

    changes = {}
    for i, block in enumerate(page.blocks):
        text = block.text
        if gate(text):
            new = convert(text)
            if new != text:
                n, sample = _changes(text, new)
                changes[i] = (new, f"{slug}: {n} characters converted ({sample})", confidence)
    return page.rewrite(NAME, "replaced", changes)
