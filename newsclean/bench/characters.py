"""Character-level checks: punctuation width, script, digit width, and characters lost."""

from __future__ import annotations

from collections import Counter

from .align import Alignment
from .textnorm import (
    FULL_TO_HALF_PUNCT,
    HALF_TO_FULL_PUNCT,
    loose_key,
    normalize_truth,
    strict_key,
    traditional_of,
)

PUNCT = set(HALF_TO_FULL_PUNCT) | set(FULL_TO_HALF_PUNCT)


def strict_index(raw: str, i: int) -> int:
    """Index ``i`` of ``raw`` once whitespace is removed."""
    return i - sum(ch.isspace() for ch in raw[:i])


def check_characters(al: Alignment, defects: dict[str, list[dict]], c: Counter) -> None:
    """Injected punctuation and traditional characters repaired, and characters the tool
    changed where it should not have, position by position.

    Each truth paragraph is looked for in all output paragraphs run together, so a cut the
    tool left unjoined is still judged; a paragraph not found leaves its spots unjudged.
    """
    injected: dict[str, dict[tuple[int, int], set[int]]] = {"punct": {}, "script": {}}
    for kind, label in (("halfwidth_punct", "punct"), ("traditional", "script")):
        for d in defects.get(kind, []):
            raw = al.truth[d["article"]].raw_paragraphs[d["paragraph"]]
            spots = {strict_index(raw, i) for i in d["positions"]}
            injected[label].setdefault((d["article"], d["paragraph"]), set()).update(spots)
    strict_all = "".join(p for o in al.output for p in o.paragraphs)
    loose_all = loose_key(strict_all)  # loose keys fold one char to one, so offsets agree
    for ai, art in enumerate(al.truth):
        for pi, want in enumerate(art.paragraphs):
            punct = injected["punct"].get((ai, pi), set())
            script = injected["script"].get((ai, pi), set())
            c["punct_injected"] += len(punct)
            c["script_injected"] += len(script)
            at = loose_all.find(art.loose[pi])
            if at < 0:
                c["punct_unjudged"] += len(punct)
                c["script_unjudged"] += len(script)
                continue
            _compare(want, strict_all[at : at + len(want)], punct, script, c)


def _compare(want: str, got: str, punct: set[int], script: set[int], c: Counter) -> None:
    widths = [i for i, ch in enumerate(want) if ch.isascii() and ch.isalnum()]
    c["width_chars"] += len(widths)
    if want == got:
        c["punct_fixed"] += len(punct)
        c["script_fixed"] += len(script)
        c["width_ok"] += len(widths)
        return
    c["width_ok"] += sum(want[i] == got[i] for i in widths)
    for i, (w, g) in enumerate(zip(want, got)):
        if i in punct:
            c["punct_fixed"] += w == g
        elif i in script:
            c["script_fixed"] += w == g
        elif w != g and not (w.isascii() and w.isalnum()):
            c[_wrong_change(w, g)] += 1


def _wrong_change(want: str, got: str) -> str:
    """The tally for a character the tool changed but should have left alone."""
    if want in PUNCT or got in PUNCT:
        return "punct_false"
    if any(0xFF01 <= ord(ch) <= 0xFF5E for ch in (want, got)):
        return "width_beyond_contract"  # ％ -> %: a width the contract leaves alone
    return "script_false"


def check_lost(
    truth_strings: list[str], out_strings: list[str], repairs: list[dict], c: Counter
) -> None:
    """Truth characters missing from the output, and of those the ones no repair logs.

    A character still there in another width or script is not missing, only unrepaired.
    A missing one whose removal a repair logs (``before`` minus ``after``) was dropped by
    mistake but can be traced; one that is nowhere is lost.
    """
    truth_chars = Counter("".join(strict_key(s) for s in truth_strings))
    out_chars = Counter("".join(strict_key(s) for s in out_strings))
    missing = _cancel(truth_chars - out_chars, out_chars - truth_chars)
    logged: Counter = Counter()
    for r in repairs:
        if r.get("action") != "flagged":
            before = Counter(strict_key(normalize_truth(r.get("before") or "")))
            logged += before - Counter(strict_key(normalize_truth(r.get("after") or "")))
    lost = _cancel(missing - logged, logged - missing)
    c["chars_truth"] += sum(truth_chars.values())
    c["chars_dropped"] += sum(missing.values())
    c["chars_lost"] += sum(lost.values())
    c["pages_with_loss"] += bool(lost)


def _cancel(missing: Counter, spare: Counter) -> Counter:
    """What stays missing once variants (other width, traditional form) in ``spare`` count."""
    spare = Counter(spare)
    left: Counter = Counter()
    for ch, n in missing.items():
        for alt in _variants(ch):
            take = min(n, spare.get(alt, 0))
            n -= take
            spare[alt] -= take
        if n > 0:
            left[ch] = n
    return left


def _variants(ch: str) -> list[str]:
    """Forms of ``ch`` an unrepaired or over-normalised page shows instead: the other width,
    or the traditional character."""
    out = []
    if 0xFF01 <= ord(ch) <= 0xFF5E:
        out.append(chr(ord(ch) - 0xFEE0))
    elif 0x21 <= ord(ch) <= 0x7E:
        out.append(chr(ord(ch) + 0xFEE0))
    trad = traditional_of(ch)
    if trad:
        out.append(trad)
    return out
