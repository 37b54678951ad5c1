"""Repetition loops: keep one copy of a paragraph or a sentence the OCR decoder repeated.

VLM OCR sometimes loops, writing the same paragraph again and again (the seed has one
paragraph seven times) or the same phrase within a paragraph.  Two passes, paragraphs only:

* **Within a block.**  A phrase of at least 4 Han characters repeated 3 or more times back to
  back (``的平安城市的平安城市的平安城市``), or a whole sentence of at least 8 characters
  repeated 2 or more times back to back (``甲乙丙丁戊己庚辛。甲乙丙丁戊己庚辛。``), is cut back
  to one copy (a sentence without an end mark counts when its copies end the block; so does
  a clause between commas, ``近期部分地区可能出现倒春寒天气，`` three times, by the phrase
  rule).  A loop usually stops mid-copy: a partial copy (the unit's start, at least 4 Han
  characters) right after the last whole copy goes too when it ends the block.  Short
  exclamations repeated as a chant (``中国队加油！`` three times) are flagged, not cut.
* **Across blocks.**  A paragraph whose key (NFKC, whitespace and punctuation removed) equals
  an earlier paragraph's, or is within ``config.dedup_similarity`` of it by
  ``rapidfuzz.fuzz.ratio`` and differs only by short runs of a few characters, is removed; the
  first copy stays.  So is a paragraph that copies an earlier one and then starts it again,
  ending in a partial copy as above: the whole block goes, partial copy and all.  Exact keys
  are found by hashing; near copies are looked for only among earlier keys of compatible
  length.

Copies in another article (both ``article`` labels non-negative and different) are removed
too, as OCR copies, when there is loop evidence: the paragraph is long
(``CROSS_ARTICLE_MIN_CHARS``), it sits next to the paragraph it copies or to another copy, or
only copies follow it to the page end (but one copy closing the page of a paragraph that
closes its own article is two reports ending on the same sentence).  A short copy on its own
in another article is flagged instead: two articles may quote the same sentence.

What it refuses: paragraphs shorter than ``config.dedup_min_chars`` key characters
(``他说，好的。``), page furniture, headings and byline blocks, a paragraph that repeats a
heading, a near copy that differs in a number (``1.2万`` / ``1.5万``: two facts, not a
misread; but ``8l`` for ``81``, digits read as the letters they look like, is one), a near copy with a run of more than ``MAX_DIFF_RUN`` characters the kept copy lacks
(flagged), a bracketed note or byline-like paragraph, however short (``（完）``,
``（新华社记者兰红光摄）``, ``（资料来源：……）``), unless it comes ``NOTE_MIN_RUN`` times in a
row (a run away from the first note keeps its own first: each article may sign off with
``（完）``), a partial copy with text after it (it may be a sentence that begins like the
unit), and repeats that do not reach the loop rules (``好！好！好！``, ``哈哈哈哈``,
``一二三四一二三四``, ``春天来了，春天来了，``; a word of two or three Han characters loops only from
``SHORT_UNIT_MIN_REPEATS`` copies on: ``好消息好消息…``).  Near copies are searched for among the
``MAX_FUZZY_CANDIDATES`` most recent paragraphs of compatible length; exact copies anywhere on
the page.

>>> from newsclean import clean
>>> para = "“争创世界一流的平安城市，建设世界一流的警务模式”，公安机关展示出勇立潮头的姿态。"
>>> result = clean(f"{para}\\n\\n另一段正文，讲的是别的事情。\\n\\n{para}\\n\\n{para}\\n", only=("dedup",))
>>> [b.id for b in result.page.blocks], [r.reason for r in result.repairs]
([0, 1], ['duplicate: copy 2 of 3 of block 0 (ratio 1.00)', 'duplicate: copy 3 of 3 of block 0 (ratio 1.00)'])
>>> clean("他说的平安城市的平安城市的平安城市。\\n", only=("dedup",)).page.blocks[0].text
'他说的平安城市。'
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..chardata import (
    BYLINE,
    BYLINE_MARK,
    FULLWIDTH_TO_ASCII,
    FURNITURE,
    MARKER_ONLY,
    one_line_byline,
)
from ..model import HEADING_KINDS, Block, Kind, Page, Repair

NAME = "dedup"

# a copy in another article is removed only when both are at least this long (key characters)
CROSS_ARTICLE_MIN_CHARS = 40
# a note (photo credit, source line, byline) goes only from a run of at least this many
NOTE_MIN_RUN = 3
# a near copy may differ from the kept paragraph only in runs this short (key characters)
MAX_DIFF_RUN = 3
# near copies are looked for among the most recent earlier keys of compatible length, at most
# this many (a newspaper page has a few hundred blocks; exact copies are found anywhere)
MAX_FUZZY_CANDIDATES = 500

# loops inside a block
PHRASE_MIN_HAN, PHRASE_MIN_REPEATS = 4, 3
SENTENCE_MIN_CHARS, SENTENCE_MIN_REPEATS = 8, 2
LOOP_MIN_HAN = 2  # Han characters a looping unit holds: a number or a code is no loop
SHORT_UNIT, SHORT_UNIT_MIN_REPEATS = 2, 8  # a word of 2-3 Han characters loops at 8 copies
MAX_PHRASE_UNIT = 120  # bounds the regex that looks for loops without punctuation
MAX_SENTENCE_UNIT = 500  # news sentences run long: 一、……；二、……。
GRAM = 8  # a loop of either kind repeats an 8-gram at a distance of one unit
START_GRAM = 4  # see _may_loop
LONG_SEGMENT = PHRASE_MIN_HAN * PHRASE_MIN_REPEATS
CHANT_MAX_CHARS = 8
NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")


def _dropped_chars() -> str:
    """Every BMP character of category P*, S*, Z* or C*, plus whitespace."""
    chars = {
        chr(c)
        for c in range(0x10000)
        if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c))[0] in "PSZC"
    }
    return "".join(sorted(chars | set(" \t\n\r\v\f")))


def _char_class(chars: str) -> str:
    """A regex class of ``chars`` (sorted) as ranges of consecutive code points: the same
    class as listing them, compiled ten times faster (12,000 characters, 440 ranges)."""
    ranges: list[list[int]] = []
    for c in map(ord, chars):
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


_DROPPED = _dropped_chars()
_DROPPED_CLASS = _char_class(_DROPPED)
# runs of what a key drops; stdlib re with an explicit class is about 3x faster here than
# regex with \p{P}, and it splits a block into the runs of text between punctuation
DROP = re.compile(f"[{_DROPPED_CLASS}]+")
# those runs of text themselves: DROP.split without its empty strings, and a fifth faster
SEGMENT = re.compile(f"[^{_DROPPED_CLASS}]+")
# full-width ASCII (１９９８年, ＡＰＥＣ), which NFKC maps to plain ASCII
FULLWIDTH_RUN = re.compile("[\uff01-\uff5e]+")
NON_SPACE = re.compile(r"\S+")  # \s is str.isspace and str.split's whitespace
HAN = regex.compile(r"\p{Han}")
CONTENT = regex.compile(r"[\p{Han}\p{L}\p{N}]")
# characters the loop rules count (Han, letters, digits) that a key drops all the same: the
# Kangxi and supplementary radicals (category So), and letters newer than unicodedata's tables
# (\x00 keeps the class valid were there none)
_DROPPED_CONTENT = re.compile(f"[{re.escape(''.join(CONTENT.findall(_DROPPED)))}\\x00]")
SENTENCE_FINAL = frozenset("。！？!?")
CLOSERS = frozenset("”’」』）)》")
EXCLAIM = frozenset("！!")
# a sentence may start after these (or at the start of the block)
BOUNDARY = frozenset("。！？!?…；;，,：:”’」』）)》") | frozenset(" \t\n\u3000")
# a note in brackets: （完） （新华社记者兰红光摄） （本报记者 某某 摄）
BRACKETED_NOTE = regex.compile(r"^[（(【\[][^（）()【】\[\]]{0,60}[）)】\]]$")


def key(text: str) -> str:
    """The comparison key: NFKC, with whitespace, punctuation and symbols dropped."""
    return _key(SEGMENT.findall(text))


def may_act(page: Page, block_ids: set[int], config) -> bool:
    """Whether dedup could find anything new in these (just joined) blocks: a loop inside
    one, or a copy of one among the page's other paragraphs.  A cheap test, so that the
    pipeline runs dedup again only when it may matter."""
    joined = [b for b in page.blocks if b.id in block_ids]
    # what collapse_loops and key would say, from the cache: dedup has read most of these texts
    readings = [_reading(b.text) for b in joined]
    if any(
        collapsed is not None and collapsed[0] != b.text
        for b, (collapsed, _) in zip(joined, readings)
    ):
        return True
    paragraphs = [(b.id, _reading(b.text)[1]) for b in page.blocks if b.kind == Kind.PARAGRAPH]
    for b, (_, k) in zip(joined, readings):
        if not _looked_up(b, k, config.dedup_min_chars):
            continue
        # (two joins can make two copies of one another)
        others = [other for i, other in paragraphs if i != b.id]
        for copied in (k, *(k[:p] for p in _partial_copy_starts(k))):
            if copied in others or process.extractOne(
                copied, others, scorer=fuzz.ratio, score_cutoff=config.dedup_similarity * 100
            ):
                return True
    return False


def _key(segments: list[str]) -> str:
    k = "".join(segments)
    if unicodedata.is_normalized("NFKC", k):  # true of most Chinese text
        return k
    # full-width digits are what usually fails the check; mapping them to ASCII is what NFKC
    # does to them, and several times cheaper than normalising the whole key
    k = FULLWIDTH_RUN.sub(_fullwidth_to_ascii, k)
    if not unicodedata.is_normalized("NFKC", k):
        k = unicodedata.normalize("NFKC", k)
    return DROP.sub("", k)


def _fullwidth_to_ascii(match: re.Match) -> str:
    return match.group().translate(FULLWIDTH_TO_ASCII)


def run(page: Page, config) -> tuple[Page, list[Repair]]:
    blocks = list(page.blocks)
    keys: list[str | None] = [None] * len(blocks)
    repairs: list[Repair] = []
    paragraph = Kind.PARAGRAPH  # (a lookup on the enum class each time it is named)
    for i, block in enumerate(blocks):
        if block.kind != paragraph:
            continue
        collapsed, keys[i] = _reading(block.text)
        if collapsed is not None:
            blocks[i], found = _with_loops_cut(page, block, collapsed)
            repairs.extend(found)
            if blocks[i] is not block:
                keys[i] = key(blocks[i].text)
                if _byline_under_headings(blocks, i):
                    # a byline the loop had run on into lines of text: read as it now stands
                    blocks[i] = blocks[i].with_(kind=Kind.BYLINE)
    kept, found = _drop_copies(page, blocks, keys, config)
    repairs.extend(found)
    blocks, rescued = _keep_page_anchors(blocks, kept)
    if rescued:
        repairs = [
            r
            for r in repairs
            if not (r.action == "removed" and r.blocks and r.blocks[0] in rescued)
        ]
    if not any(r.changes_text for r in repairs):
        return page, repairs
    return page.with_blocks(blocks), repairs


def _byline_under_headings(blocks: list[Block], i: int) -> bool:
    """Whether block ``i``, its loop cut, is a byline line right under its article's
    headings (新华社通讯员史照栋新华社记者赵忠生, looped over six lines)."""
    return (
        i > 0
        and blocks[i - 1].kind in HEADING_KINDS
        and blocks[i - 1].article == blocks[i].article
        and one_line_byline(blocks[i].text)
    )


# readings of texts, and searches among keys, are remembered this many at a time: the pipeline
# runs dedup again on a page after a move or a join, mostly on the same texts, and a page has a
# few hundred paragraphs at most
PAGE_CACHE_SIZE = 2048


@lru_cache(maxsize=PAGE_CACHE_SIZE)
def _reading(text: str) -> tuple[tuple[str, list[tuple[str, int, str]], list[str]] | None, str]:
    """``_collapse``'s result for a block's text (None where the gate finds no loop), and the
    text's key.  Callers must not change the lists in it: it is shared."""
    # the gate and the key both read the runs between punctuation: split once
    segments = SEGMENT.findall(text)
    may_loop = _may_loop(segments, text) or (
        ("）（" in text or ")(" in text) and NOTE_RUN.search(text) is not None
    )
    return (_collapse(text) if may_loop else None), _key(segments)


def _keep_page_anchors(before: list[Block], after: list[Block]) -> tuple[list[Block], set[int]]:
    """A removed copy that carried its article's 上接/下转 page hands it to the nearest kept
    block of the same article (上接 forward, 下转 backward first), so the piece still says
    where it comes from and goes to.  With no such block the copy is kept after all."""
    if len(after) == len(before):  # nothing removed: most pages
        return list(after), set()
    kept_ids = {b.id for b in after}
    rescued: set[int] = set()
    out = list(before)
    for i, b in enumerate(before):
        if b.id in kept_ids or (b.continued_from is None and b.continued_to is None):
            continue
        forward = [j for j in range(i + 1, len(out)) if out[j].id in kept_ids]
        backward = [j for j in range(i - 1, -1, -1) if out[j].id in kept_ids]
        order = forward + backward if b.continued_from is not None else backward + forward
        target = next(
            (
                j
                for j in order
                if out[j].article == b.article and not MARKER_ONLY.match(out[j].text)
            ),
            None,
        )
        if target is None or any(
            getattr(b, f) is not None and getattr(out[target], f) not in (None, getattr(b, f))
            for f in ("continued_from", "continued_to")
        ):
            kept_ids.add(b.id)
            rescued.add(b.id)
            continue
        out[target] = out[target].with_(
            continued_from=out[target].continued_from
            if b.continued_from is None
            else b.continued_from,
            continued_to=out[target].continued_to if b.continued_to is None else b.continued_to,
        )
    return [b for b in out if b.id in kept_ids], rescued


def _with_loops_cut(page: Page, block: Block, collapsed) -> tuple[Block, list[Repair]]:
    """The block with ``collapse_loops``' result applied (a sentence or phrase looping
    inside it cut back to one copy), and its records."""
    new_text, loops, chants = collapsed
    repairs = _loop_repairs(page, block, new_text, loops, chants)
    return (block.with_(text=new_text) if new_text != block.text else block), repairs


def _loop_repairs(page: Page, block: Block, new_text: str, loops, chants) -> list[Repair]:
    repairs = [
        page.repair(
            NAME,
            "flagged",
            [block],
            f"repeat_kept: {unit} repeated (a chant or a loop)",
            unit,
            unit,
            0.5,
        )
        for unit in chants
    ]
    if new_text != block.text:
        what = "; ".join(
            f"{unit} repeated {n} times" + (f" and cut off mid-copy ({partial})" if partial else "")
            for unit, n, partial in loops
        )
        repairs.append(
            page.repair(
                NAME,
                "replaced",
                [block],
                f"repeat_loop: {what}, one copy kept",
                before=block.text,
                after=new_text,
                confidence=0.95,
            )
        )
    return repairs


# ---------------------------------------------------------------- copies across blocks


def _standing(block: Block) -> str:
    """``"exempt"`` (never removed), ``"note"`` (removed only from a run of copies) or
    ``"paragraph"``.  (Paragraphs under ``dedup_min_chars`` never get this far.)"""
    text = block.text.strip()
    # running heads and edition lines repeat on every page; the furniture filter owns them
    if any(pattern.match(text) for _, pattern in FURNITURE):
        return "exempt"
    # photo credits, source notes and bylines may be printed twice; a loop prints them on
    return "note" if _note(text) else "paragraph"


def _looked_up(block: Block, k: str, min_chars: int) -> bool:
    """Whether a paragraph with key k may be a copy: it is long enough, or it is a short note
    (（完）, a photo credit), which goes only from a run of copies (see ``NOTE_MIN_RUN``)."""
    return len(k) >= min_chars or (bool(k) and _note(block.text.strip()))


def _note(text: str) -> bool:
    """A bracketed note or a byline-like line (``text`` stripped)."""
    return bool(BRACKETED_NOTE.match(text) or BYLINE.match(text.lstrip(BYLINE_MARK).strip()))


@lru_cache(maxsize=4096)
def _length_window(n: int, similarity: float) -> tuple[int, int]:
    """Key lengths that can reach ``similarity`` against a key of length n (Indel ratio)."""
    if similarity <= 0:
        return 0, 1 << 30
    lo = math.ceil(n * similarity / (2 - similarity) - 1e-9)
    hi = math.floor(n * (2 - similarity) / similarity + 1e-9)
    return lo, hi


def _compare(kept: str, copy: str) -> str:
    """How a near copy differs from the kept key: ``"noise"`` (short runs of a few characters,
    OCR misreads), ``"numbers"`` (a digit or numeral differs: 1.2万 vs 1.5万, （一） vs （二):
    two paragraphs, not a copy) or ``"own_text"`` (a run the other lacks: not a copy)."""
    run_a = run_b = 0
    verdict = "noise"
    for op in Levenshtein.opcodes(kept, copy):
        if op.tag == "equal":
            run_a = run_b = 0
            continue
        changed = kept[op.src_start : op.src_end] + copy[op.dest_start : op.dest_end]
        if any(c.isdigit() or c in NUMERALS for c in changed) and not _misread_digits(
            kept[op.src_start : op.src_end], copy[op.dest_start : op.dest_end]
        ):
            return "numbers"
        run_a += op.src_end - op.src_start
        run_b += op.dest_end - op.dest_start
        if run_a > MAX_DIFF_RUN or run_b > MAX_DIFF_RUN:
            verdict = "own_text"
    return verdict


# letters OCR reads for the digits they look like (5l5 for 515, 3OO for 300, Z6% for 26%)
DIGIT_LOOKALIKES = {"0": "OoD", "1": "lIi|", "2": "Zz", "5": "Ss", "6": "b", "8": "B", "9": "g"}


def _misread_digits(a: str, b: str) -> bool:
    """Whether two changed runs differ only by digits read as the letters they look like."""
    return len(a) == len(b) and all(
        x == y or y in DIGIT_LOOKALIKES.get(x, "") or x in DIGIT_LOOKALIKES.get(y, "")
        for x, y in zip(a, b)
    )


class _Index:
    """Keys seen so far: a hash for exact matches, buckets by length for near ones."""

    def __init__(self, similarity: float):
        self.similarity = similarity
        self.cutoff = similarity * 100
        self.exact: dict[str, int] = {}
        self.by_length: dict[int, list[tuple[str, int]]] = {}
        self.lengths: list[int] = []  # sorted keys of by_length

    def add(self, k: str, owner: int) -> None:
        if k in self.exact:
            return
        self.exact[k] = owner
        n = len(k)
        bucket = self.by_length.get(n)
        if bucket is None:
            bucket = self.by_length[n] = []
            insort(self.lengths, n)
        bucket.append((k, owner))

    def find(self, k: str) -> tuple[int, float, str] | None:
        """(owner, ratio 0-1, matched key) of the best earlier key, or None."""
        owner = self.exact.get(k)
        if owner is not None:
            return owner, 1.0, k
        if self.similarity >= 1 or not self.lengths:
            return None
        lo, hi = _length_window(len(k), self.similarity)
        lengths = self.lengths
        start = bisect_left(lengths, lo)
        stop = bisect_right(lengths, hi, start)
        if stop == start:
            return None
        if stop == start + 1:
            candidates = self.by_length[lengths[start]][-MAX_FUZZY_CANDIDATES:]
        else:
            candidates = [
                c for n in lengths[start:stop] for c in self.by_length[n][-MAX_FUZZY_CANDIDATES:]
            ]
            if len(candidates) > MAX_FUZZY_CANDIDATES:
                candidates.sort(key=itemgetter(1))
                candidates = candidates[-MAX_FUZZY_CANDIDATES:]
        best = _closest(k, tuple(map(itemgetter(0), candidates)), self.cutoff)
        if best is None:
            return None
        matched, score, pos = best
        return candidates[pos][1], score / 100, matched


@lru_cache(maxsize=PAGE_CACHE_SIZE)
def _closest(k: str, choices: tuple[str, ...], cutoff: float) -> tuple[str, float, int] | None:
    """``rapidfuzz``'s best match of k among choices, remembered for the page read again."""
    return process.extractOne(k, choices, scorer=fuzz.ratio, score_cutoff=cutoff)


def _drop_copies(
    page: Page, blocks: list[Block], keys: list[str | None], config
) -> tuple[list[Block], list[Repair]]:
    """Remove later copies of paragraphs; ``keys`` holds each paragraph's key (None otherwise)."""
    min_chars = config.dedup_min_chars
    headings: _Index | None = None  # built when the first copy turns up

    index = _Index(config.dedup_similarity)
    # position of the first copy, and the copies found of it: (position, ratio)
    copies: dict[int, list[tuple[int, float]]] = defaultdict(list)
    flagged: list[Repair] = []
    notes: set[int] = set()
    cut_short: set[int] = set()  # a copy, then a partial copy the loop stopped in
    for i, block in enumerate(blocks):
        k = keys[i]
        if k is None or not _looked_up(block, k, min_chars):
            continue
        copied = k
        hit = index.find(k)
        if hit is None:
            copied, hit = _copy_cut_short(k, index)
            if hit is None:
                index.add(k, i)
                continue
            cut_short.add(i)
        # what follows runs for copies only, which are few
        standing = _standing(block)
        if standing == "exempt":
            continue
        if headings is None:
            headings = _Index(config.dedup_similarity)
            for other in blocks:
                if other.kind not in (Kind.PARAGRAPH, Kind.BYLINE):
                    headings.add(key(other.text), other.id)
        if headings.find(k) is not None:
            continue
        if standing == "note":
            notes.add(i)
        first, ratio, matched = hit
        original = blocks[first]
        verdict = "noise" if matched == copied else _compare(matched, copied)
        if verdict == "numbers":
            index.add(k, i)
            continue
        if verdict == "own_text":
            flagged.append(
                page.repair(
                    NAME,
                    "flagged",
                    [block, original],
                    f"near_duplicate_kept: like block {original.id} (ratio {ratio:.2f}) "
                    "but with text of its own",
                    block.text,
                    block.text,
                    ratio,
                )
            )
            index.add(k, i)
            continue
        copies[first].append((i, ratio))
        index.add(k, first)  # a near copy's own key also leads to the first copy

    if not copies:
        return blocks, flagged
    copy_of = {i: first for first, found in copies.items() for i, _ in found}
    for i in [i for i in copy_of if i in notes and _run_length(i, copy_of) < NOTE_MIN_RUN]:
        del copy_of[i]
    # a run of a note's copies away from the note opens with the note printed again (each
    # article may sign off with （完）): the rest of the run is the loop
    for i in [i for i in copy_of if i in notes and _opens_run(i, copy_of)]:
        del copy_of[i]
    copies = {first: [(i, r) for i, r in found if i in copy_of] for first, found in copies.items()}
    removed: dict[int, Repair] = {}
    # paragraphs each article keeps: a copy in another article that is all that article has
    # is its text, not a loop's (what fix writes puts a 上接 line, not the copy, under a
    # continued piece's headline, so the copy that carried it must not decide this)
    left = Counter(b.article for b in blocks if b.kind == Kind.PARAGRAPH)
    for first, found in copies.items():
        original = blocks[first]
        kept_found = []
        for i, ratio in found:
            block = blocks[i]
            why = None
            if _other_article(block, original):
                if left[block.article] <= 1:
                    why = "the only paragraph that article has"
                elif not _loop_evidence(i, first, blocks, keys, copy_of):
                    why = "short and on its own: maybe quoted twice"
            if why:
                flagged.append(
                    page.repair(
                        NAME,
                        "flagged",
                        [block, original],
                        f"duplicate_kept: copy of block {original.id} in another article "
                        f"(ratio {ratio:.2f}), {why}",
                        block.text,
                        block.text,
                        ratio,
                    )
                )
            else:
                kept_found.append((i, ratio))
                left[block.article] -= block.kind == Kind.PARAGRAPH
        total = len(kept_found) + 1
        for n, (i, ratio) in enumerate(kept_found, start=2):
            block = blocks[i]
            where = " in another article" if _other_article(block, original) else ""
            partial = " and a partial copy after it" if i in cut_short else ""
            removed[i] = page.repair(
                NAME,
                "removed",
                [block, original],
                f"duplicate: copy {n} of {total} of block {original.id}{where}{partial} "
                f"(ratio {ratio:.2f})",
                before=block.text,
                after="",
                confidence=ratio,
            )
    repairs = flagged + list(removed.values())
    repairs.sort(key=lambda r: r.offset)
    return [b for i, b in enumerate(blocks) if i not in removed], repairs


def _copy_cut_short(k: str, index: _Index) -> tuple[str, tuple[int, float, str] | None]:
    """The first copy in key k and ``index.find``'s hit for it, where k is an earlier
    paragraph's key followed by a partial copy of it (see ``_partial_copy_starts``); else
    (k, None)."""
    for p in _partial_copy_starts(k):
        hit = index.find(k[:p])
        if hit is not None:
            return k[:p], hit
    return k, None


def _partial_copy_starts(k: str):
    """Yield each p where key k reads k[:p] and then a partial copy of it that ends the
    paragraph: a decoder loop that stopped mid-copy (甲乙丙丁戊己庚辛。甲乙丙丁).  The partial
    copy holds at least ``PHRASE_MIN_HAN`` Han characters."""
    opening = k[:START_GRAM]
    # the partial copy is shorter than the copy before it: it starts past half the key
    p = k.find(opening, (len(k) + 1) // 2)
    while p >= 0:
        if k.startswith(k[p:]) and len(HAN.findall(k, p)) >= PHRASE_MIN_HAN:
            yield p
        p = k.find(opening, p + 1)


def _run_length(i: int, copy_of: dict[int, int]) -> int:
    """How many blocks, through i, are one paragraph and its copies in a row, copies of other
    paragraphs between them aside (they go: a loop of a caption and its credit line leaves
    the credits side by side)."""
    first = copy_of[i]
    count = 1
    for step in (-1, 1):
        j = _next_of_run(i, step, copy_of)
        while j == first or copy_of.get(j) == first:
            count += 1
            j = _next_of_run(j, step, copy_of)
    return count


def _next_of_run(i: int, step: int, copy_of: dict[int, int]) -> int:
    """The next block from i in direction ``step`` that is no copy of another paragraph than
    i's."""
    first = copy_of.get(i, i)
    j = i + step
    while j in copy_of and copy_of[j] != first and j != first:
        j += step
    return j


def _opens_run(i: int, copy_of: dict[int, int]) -> bool:
    """Whether copy i opens its run of adjacent copies, the paragraph they copy not in it
    (that paragraph comes earlier: it would stand right before the run)."""
    first = copy_of[i]
    j = _next_of_run(i, -1, copy_of)
    return j != first and copy_of.get(j) != first


def _loop_evidence(i: int, first: int, blocks, keys, copy_of: dict[int, int]) -> bool:
    """Whether a copy placed in another article still looks like a decoder loop: it is long,
    it sits next to the paragraph it copies or to another copy of it (copies of other
    paragraphs between do not count: they go, and what fix writes has them no more), or
    nothing but copies follow it to the end of the page (the loop ran on to the page end)."""
    if min(len(keys[i]), len(keys[first])) >= CROSS_ARTICLE_MIN_CHARS:
        return True
    for step in (-1, 1):
        j = i + step
        while j in copy_of and copy_of[j] != first:
            j += step
        if 0 <= j < len(blocks) and (j == first or copy_of.get(j) == first):
            return True
    if i + 1 == len(blocks) and _ends_its_article(first, blocks, copy_of):
        # one copy, closing the page, of a paragraph that closes its own article: two reports
        # that end on the same sentence (统计部门相关负责人表示，…), as wire copy does
        return False
    return all(j in copy_of for j in range(i + 1, len(blocks)))


def _ends_its_article(at: int, blocks, copy_of: dict[int, int]) -> bool:
    """Whether block ``at`` is the last paragraph of its article (copies after it aside)."""
    j = at + 1
    while j < len(blocks) and j in copy_of:
        j += 1
    return (
        j == len(blocks)
        or blocks[j].article != blocks[at].article
        or blocks[j].kind != Kind.PARAGRAPH
    )


def _other_article(a: Block, b: Block) -> bool:
    return a.article >= 0 and b.article >= 0 and a.article != b.article


# ---------------------------------------------------------------- loops inside a block


COLLAPSE_ROUNDS = 4  # loop cuts on one block, each on what the last one left

# the phrase regex for each bound: segment length // 3, at most MAX_PHRASE_UNIT.  The copies
# are spelled \1\1 rather than \1{2}: the same pattern, which re runs nearly twice as fast
_COPIES = r"\1" * (PHRASE_MIN_REPEATS - 1)
_PHRASE = [
    re.compile(rf"(.{{{PHRASE_MIN_HAN},{max(PHRASE_MIN_HAN, n)}}}?){_COPIES}")
    for n in range(MAX_PHRASE_UNIT + 1)
]


def _may_loop(segments: list[str], text: str | None = None) -> bool:
    """Cheap gate, true for every block with a loop (and a few without).

    ``segments`` are the runs of text between punctuation and whitespace.  A loop whose unit
    holds punctuation repeats the text that follows one of its marks, at least two whole
    units on: then two segments start with the same 4 characters of key (a unit has at least
    4 key characters, so the gram fits inside the copies).  A loop whose unit holds none lies
    inside one segment, where a regex bounded by the segment's length finds it.  Two copies
    without an end mark count only at the end of the block, which ``_ends_doubled`` checks.

    Given the block's ``text``, two segments that merely start alike must also pass
    ``_loop_confirmed``, which spares the loop search most ordinary paragraphs.
    """
    dense = "".join(segments)
    if len(dense) < LONG_SEGMENT:
        return False
    segments = [segment for segment in segments if segment]
    for segment in segments:
        n = len(segment)
        if n >= LONG_SEGMENT and _PHRASE[min(MAX_PHRASE_UNIT, n // PHRASE_MIN_REPEATS)].search(
            segment
        ):
            return True
    # each segment's first START_GRAM characters, read on into the next segments
    starts = [dense[p : p + START_GRAM] for p in accumulate(map(len, segments[:-1]), initial=0)]
    if starts and len(starts[-1]) < START_GRAM:
        starts = [g for g in starts if len(g) == START_GRAM]
    alike = len(set(starts)) < len(starts)
    if alike and (text is None or _loop_confirmed(text, segments, dense, starts)):
        return True
    return _ends_doubled(dense)


def _loop_confirmed(text: str, segments: list[str], dense: str, starts: list[str]) -> bool:
    """Whether a block whose segments start alike may hold a loop that ``_collapse`` cuts
    (or flags), other than one ``_ends_doubled`` finds.

    Such a loop's unit has at least 4 key characters (a sentence at least 8, a phrase 4 Han),
    unless it is written in characters a key drops (radicals): then the answer is yes.
    If the unit holds punctuation, the text after one of its marks starts a segment in one
    copy and again in the next, so the key from there reads one unit twice in a row.  If it
    holds none, three copies stand between two marks, whitespace aside, where the phrase regex
    finds them (as it does in one segment; a run longer than its bound counts as a hit).
    """
    if _DROPPED_CONTENT.search(text):
        return True
    positions = accumulate(map(len, filter(None, segments)), initial=0)  # of each start
    earlier_at: dict[str, list[int]] = {}
    for gram, q in zip(starts, positions):
        earlier = earlier_at.setdefault(gram, [])
        for r in earlier:
            if dense[r:q] == dense[q : 2 * q - r]:
                return True
        earlier.append(q)
    runs = SEGMENT.findall("".join(text.split()))
    if max(map(len, runs)) > MAX_PHRASE_UNIT * PHRASE_MIN_REPEATS:
        return True  # a unit too long for the regexes: let the loop search decide
    # a run that is also a segment has been searched already, by _may_loop
    searched = set(segments)
    unsearched = [r for r in runs if len(r) >= LONG_SEGMENT and r not in searched]
    return any(_PHRASE[len(r) // PHRASE_MIN_REPEATS].search(r) for r in unsearched)


def _ends_doubled(dense: str) -> bool:
    """Whether the text ends with two copies of a unit of 8 or more characters (the sentence
    rule's unit without an end mark, copied to the end of the block)."""
    n = len(dense)
    tail = dense[-START_GRAM:]
    lowest = max(0, n - START_GRAM - MAX_SENTENCE_UNIT)
    j = dense.rfind(tail, lowest, n - 1)
    while j >= 0:
        period = n - START_GRAM - j
        if period >= SENTENCE_MIN_CHARS and dense[n - 2 * period : n - period] == dense[-period:]:
            return True
        j = dense.rfind(tail, lowest, j + START_GRAM - 1)
    return False


def _periodic_runs(s: str):
    """Yield (start, end, period) for stretches of s with a period of 2..MAX_SENTENCE_UNIT
    covering at least period + GRAM characters, found from repeated 8-grams."""
    last: dict[str, int] = {}
    covered: dict[int, int] = {}
    n = len(s)
    for i in range(n - GRAM + 1):
        g = s[i : i + GRAM]
        j = last.get(g)
        last[g] = i
        if j is None:
            continue
        period = i - j
        if period < SHORT_UNIT or period > MAX_SENTENCE_UNIT or covered.get(period, -1) > j:
            continue
        start = j
        while start > 0 and s[start - 1] == s[start - 1 + period]:
            start -= 1
        stop = j + GRAM  # s[k] == s[k + period] for k in [start, stop)
        while stop + period < n and s[stop] == s[stop + period]:
            stop += 1
        covered[period] = stop
        yield start, stop + period, period


def _primitive(unit: str) -> bool:
    return (unit + unit).find(unit, 1) == len(unit)


def _is_sentence(unit: str) -> bool:
    """One sentence: its only sentence-final mark ends it (closing quotes may follow)."""
    body = unit.rstrip("".join(CLOSERS))
    if not body or body[-1] not in SENTENCE_FINAL:
        return False
    return not any(c in SENTENCE_FINAL for c in body[:-1])


def _loop_cut(
    s: str, start: int, end: int, period: int, spaced_before
) -> tuple[int, int, int, bool] | None:
    """For a stretch s[start:end] of the given period: where the kept copy starts, the span to
    delete, and "a chant: flag, don't cut"; None if the stretch is not a loop by the rules.

    One copy is kept and so is the partial copy after the last whole one: the stretch may
    begin with text that merely ends like the unit (``…长。`` before ``冬柴…长。``), so which
    copy is partial is not known, and keeping it loses nothing.  But a partial copy of at least
    ``PHRASE_MIN_HAN`` Han characters that ends the block goes too: that is where a decoder
    loop stops, mid-copy (``甲乙丙丁戊己庚辛。甲乙丙丁戊己庚辛。甲乙丙丁``), and text that merely
    began like the unit would run on past it (unless a column break cut it right there).
    """
    unit = s[start : start + period]
    if not _primitive(unit):
        return None
    # a sentence loop: copies aligned on a sentence, at least two of them
    for offset in range(min(period, MAX_SENTENCE_UNIT)):
        a = start + offset
        repeats = (end - a) // period
        if repeats < SENTENCE_MIN_REPEATS:
            break
        if a > 0 and s[a - 1] not in BOUNDARY and not spaced_before(a):
            continue
        sentence = s[a : a + period]
        # a unit without an end mark counts when its copies run to the end of the block
        ends_block = end == len(s) and (end - a) % period == 0 and not _has_final(sentence)
        if (_is_sentence(sentence) or ends_block) and len(
            CONTENT.findall(sentence)
        ) >= SENTENCE_MIN_CHARS:
            return a, _cut_start(s, a, end, period), end, False
    repeats = (end - start) // period
    if period < PHRASE_MIN_HAN:
        # a word looping: many copies of a unit of two or three Han characters (好消息好消息…);
        # a few are a chant or a sound (滴答滴答), and one character repeating is a sound too
        if repeats >= SHORT_UNIT_MIN_REPEATS and len(HAN.findall(unit)) == period:
            return start, _cut_start(s, start, end, period), end, False
        return None
    # a phrase loop: at least three copies of four Han characters or more
    if repeats >= PHRASE_MIN_REPEATS and len(HAN.findall(unit)) >= PHRASE_MIN_HAN:
        if len(CONTENT.findall(unit)) <= CHANT_MAX_CHARS and any(c in EXCLAIM for c in unit):
            return start, start, end, True
        return start, _cut_start(s, start, end, period), end, False
    return None


def _cut_start(s: str, kept: int, end: int, period: int) -> int:
    """Where the cut of the copies after the kept one (at ``kept``) starts: all but one
    period before ``end`` (the partial copy stays), or right after the kept copy when the
    partial copy ends the block (see ``_loop_cut``)."""
    if _partial_copy(s, kept, end, period):
        return kept + period
    return end - ((end - kept) // period - 1) * period


def _partial_copy(s: str, kept: int, end: int, period: int) -> str:
    """The partial copy the loop from ``kept`` stopped in, where it ends the block and holds
    at least ``PHRASE_MIN_HAN`` Han characters; else ``""``."""
    tail = s[end - (end - kept) % period : end]
    if end == len(s) and len(HAN.findall(tail)) >= PHRASE_MIN_HAN:
        return tail
    return ""


def _has_final(text: str) -> bool:
    return any(c in SENTENCE_FINAL for c in text)


def collapse_loops(text: str) -> tuple[str, list[tuple[str, int, str]], list[str]]:
    """Cut loops inside one block's text back to one copy.

    Returns the new text, the (unit, times, partial copy after the last or "") cut back, and
    the units left alone as chants.
    Whitespace between copies is ignored (copies split across lines still count).
    """
    collapsed, _ = _reading(text)
    if collapsed is None:
        return text, [], []
    new_text, loops, chants = collapsed
    return new_text, list(loops), list(chants)  # (copies: _reading's are shared)


# a short bracketed note printed NOTE_MIN_RUN or more times back to back inside a block, as
# hard-wrapped lines of （完） joined onto the last paragraph: a loop, too short for the rules
# below (one Han character).  (Notes without a Han character are a table's: （±％）（±％）.)
NOTE_RUN = regex.compile(
    rf"(?P<note>[（(][^（）()\n]{{0,19}}\p{{Han}}[^（）()\n]{{0,19}}[）)])"
    rf"(?:\s*(?P=note)){{{NOTE_MIN_RUN - 1},}}"
)


def _cut_note_runs(text: str, loops: list[tuple[str, int, str]]) -> str:
    def one(m: regex.Match) -> str:
        note = m.group("note")
        loops.append((note, m.group().count(note), ""))
        return note

    return NOTE_RUN.sub(one, text)


def _collapse(text: str) -> tuple[str, list[tuple[str, int, str]], list[str]]:
    """``_collapse_once`` until nothing more is cut: cutting one loop can leave copies of a
    shorter unit side by side (0。00000000，0。00000000，00000000， once the longer unit is cut),
    and what fix writes must come through it unchanged."""
    notes: list[tuple[str, int, str]] = []
    if "）（" in text or ")(" in text:
        text = _cut_note_runs(text, notes)
    text, loops, chants = _collapse_once(text)
    loops = notes + loops
    for _ in range(COLLAPSE_ROUNDS - 1):
        if not loops:
            break
        again, more, more_chants = _collapse_once(text)
        if again == text:
            break
        text, loops, chants = again, loops + more, chants + more_chants
    return text, loops, chants


def _collapse_once(text: str) -> tuple[str, list[tuple[str, int, str]], list[str]]:
    # work on the text without whitespace, mapping positions back
    dense = "".join(text.split())
    runs = sorted(_periodic_runs(dense))
    if not runs:  # the usual outcome: spare building the position map
        return text, [], []
    positions: list[int] = []  # of each dense character in text
    for word in NON_SPACE.finditer(text):
        positions.extend(range(word.start(), word.end()))

    def spaced_before(k: int) -> bool:
        return positions[k] - positions[k - 1] > 1

    cuts: list[tuple[int, int]] = []
    loops: list[tuple[str, int, str]] = []
    chants: list[str] = []
    done = -1
    for start, end, period in runs:
        if start < done:
            continue
        if len(HAN.findall(dense, start, start + period)) < LOOP_MIN_HAN:
            continue  # digits or letters repeating (1234567812345678) are a number, a code
        found = _loop_cut(dense, start, end, period, spaced_before)
        if found is None:
            continue
        unit_start, cut_start, cut_end, chant = found
        done = end
        if chant:
            chants.append(dense[start : start + period])
        elif cut_end > cut_start:
            cuts.append((cut_start, cut_end))
            unit = dense[unit_start : unit_start + period]
            times = (end - unit_start) // period
            loops.append((unit, times, _partial_copy(dense, unit_start, end, period)))
    if not cuts:
        return text, [], chants
    out, prev = [], 0
    for cut_start, cut_end in cuts:
        # the copies go with the whitespace before them; what follows keeps its own
        a = positions[cut_start - 1] + 1 if cut_start else 0
        b = positions[cut_end - 1] + 1
        out.append(text[prev:a])
        prev = b
    out.append(text[prev:])
    return "".join(out).strip(), loops, chants
