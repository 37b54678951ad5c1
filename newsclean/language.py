"""How Chinese news prose goes on from one character to the next.

A column break can cut a sentence anywhere, even inside a word (面向基|层).  Whether two
pieces of text read as one sentence across such a cut is judged from the characters on
either side of it: a pair that news prose writes together often (基层, 活动, 耕地) says the
cut is inside a word or a phrase, a pair it hardly ever writes says the second piece starts
something new.  The measure is the pair's pointwise mutual information,
log(P(ab) / (P(a) P(b))), from character and character-pair counts of news articles.

The counts ship with the package (``data/hanzi_pairs.tsv.gz``); only pairs found in three
or more different articles are kept, so the table holds the language, not the wording of
any one article.  ``python -m newsclean.language_table ARTICLES.jsonl OUT`` rebuilds it from
a JSONL corpus (one article a line, with ``title`` and ``paragraphs``).

>>> seam_pmi("面向群众、面向基", "层“三个面向”体系") > 2
True
>>> seam_pmi("推动企业加快技术进", "据新华社北京电") < 0
True
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from functools import cache
from importlib import resources

import regex

HAN_RUN = regex.compile(r"\p{Han}+")
TABLE = "hanzi_pairs.tsv.gz"
MIN_ARTICLES = 3  # a pair fewer articles use is one article's wording, not the language's
# the count given to a pair the table lacks: between common characters that makes a
# clearly negative PMI (they are not written together), between two rare ones (the
# characters of names) a mildly positive one, which on benchmark pages judged seams better
# than treating such pairs as unknown
UNSEEN_PAIR = 0.5


@cache
def _counts() -> dict[str, dict[str, int]]:
    """The table's counts by kind: "c" characters, "p" pairs, "e" a character right before a
    clause or sentence mark (，。、；：？！), "s" one right after such a mark."""
    counts: dict[str, dict[str, int]] = {"c": {}, "p": {}, "e": {}, "s": {}}
    data = (resources.files("newsclean") / "data" / TABLE).read_bytes()
    # a line per kind and count: the kind's letter, the count, a tab, the keys
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        head, _, keys = line.partition("\t")
        counts[head[0]].update(dict.fromkeys(keys.split(" "), int(head[1:])))
    return counts


@cache
def _table() -> tuple[dict[str, int], dict[str, int], int]:
    """Character counts, pair counts and the total character count."""
    counts = _counts()
    return counts["c"], counts["p"], sum(counts["c"].values())


# how much a character pair tells apart two articles on one page, from how often news prose
# at large writes it: the log inverse of its share of all pairs (its IDF, about 5.8 for 发展
# or 经济, 7.7 for 上海, 11.5 for 鞍山, 14.7 for a pair never seen) at or below
# SPECIFIC_FROM gives SPECIFIC_FLOOR, and weights rise to 1 over SPECIFIC_SPAN above it.
# Set on benchmark pages (other generator seeds than the reported run): weighing the page's
# bigrams so returns about 4 in 100 more bled paragraphs at the same rate of false moves.
SPECIFIC_FROM = 5.5
SPECIFIC_SPAN = 4.5
SPECIFIC_FLOOR = 0.2


@cache
def specificity_table() -> dict[str, float]:
    """The weight (SPECIFIC_FLOOR to 1) of every pair the table holds that weighs under 1;
    every other pair, the rare ones and the ones never seen, weighs 1."""
    pairs = _table()[1]
    total = sum(pairs.values())
    # weight < 1 exactly when the count passes this (most pairs are rarer and weigh 1)
    common = total / math.exp(SPECIFIC_FROM + SPECIFIC_SPAN) - UNSEEN_PAIR
    out = {}
    for pair, count in pairs.items():
        if count > common:
            weight = (math.log(total / (count + UNSEEN_PAIR)) - SPECIFIC_FROM) / SPECIFIC_SPAN
            out[pair] = max(SPECIFIC_FLOOR, min(weight, 1.0))
    return out


def specificity(pair: str) -> float:
    """How much the pair ``pair`` of Han characters says about what a text is about, 0-1.

    >>> specificity("发展") < specificity("上海") < specificity("鞍山") == 1.0
    True
    >>> specificity("發展") == specificity("发展")
    True
    """
    return specificity_table().get(pair.translate(simplified_table()), 1.0)


@cache
def simplified_table() -> dict[int, str]:
    """``str.translate`` table that writes each traditional-only character in its simplified
    form, so a traditional page is read with the same counts (lengths stay)."""
    return {ord(k): v for k, v in _simplified_forms().items()}


@cache
def _simplified_forms() -> dict[str, str]:
    # (imported here: the filters package imports this module)
    from .filters.script import simplified_forms

    return simplified_forms()


def pair_pmi(a: str, b: str) -> float | None:
    """PMI of Han characters ``a`` then ``b`` in news prose; None for a character the table
    has never seen (no evidence either way).  A traditional character reads as its
    simplified form: the counts come from simplified text.

    >>> pair_pmi("基", "層") == pair_pmi("基", "层")
    True
    """
    chars, pairs, total = _table()
    fold = _simplified_forms()
    a, b = fold.get(a, a), fold.get(b, b)
    ca, cb = chars.get(a), chars.get(b)
    if not ca or not cb:
        return None
    return math.log(pairs.get(a + b, UNSEEN_PAIR) * total / (ca * cb))


def seam_pmi(left: str, right: str) -> float | None:
    """PMI of the last character of ``left`` and the first of ``right`` when both are Han
    characters (after trailing and leading spaces); None otherwise."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right or not _is_han(left[-1]) or not _is_han(right[0]):
        return None
    return pair_pmi(left[-1], right[0])


# a mark after which a clause or sentence ends ("e" counts) or before which one starts ("s")
CLAUSE_MARKS = frozenset("，。、；：？！,;:?!")


def clause_end_logit(char: str) -> float | None:
    """How readily news prose ends a clause right after the Han character ``char``, as the
    log odds of a clause mark following it (的 -6, 展 -1.4); None for a character the table
    has never seen."""
    return _edge_logit("e", char)


def clause_start_logit(char: str) -> float | None:
    """How readily news prose opens a clause with ``char``: the log odds of a clause mark
    right before it (但 -0.4, 的 -5); None for a character the table has never seen."""
    return _edge_logit("s", char)


def _edge_logit(kind: str, char: str) -> float | None:
    counts = _counts()
    char = _simplified_forms().get(char, char)
    seen = counts["c"].get(char)
    if not seen:
        return None
    # (half a count of each outcome keeps a rare character's odds finite)
    share = (counts[kind].get(char, 0) + 0.5) / (seen + 1.0)
    return math.log(share / (1.0 - share))


def _is_han(char: str) -> bool:
    return bool(HAN_RUN.fullmatch(char))


def build_table(articles) -> list[tuple[str, str, int]]:
    """(kind, key, count) rows: character counts, the counts of pairs used in MIN_ARTICLES or
    more articles, and of characters right before and right after a clause mark."""
    chars: Counter = Counter()
    pairs: Counter = Counter()
    spread: Counter = Counter()
    ends: Counter = Counter()
    starts: Counter = Counter()
    for article in articles:
        seen = set()
        for text in [article.get("title") or "", *article.get("paragraphs", ())]:
            for m in HAN_RUN.finditer(text):
                run = m.group()
                chars.update(run)
                found = [run[i : i + 2] for i in range(len(run) - 1)]
                pairs.update(found)
                seen.update(found)
                if text[m.end() : m.end() + 1] in CLAUSE_MARKS:
                    ends[run[-1]] += 1
                if m.start() and text[m.start() - 1] in CLAUSE_MARKS:
                    starts[run[0]] += 1
        spread.update(seen)
    kept = [(p, n) for p, n in pairs.items() if spread[p] >= MIN_ARTICLES]
    rows = [("c", k, n) for k, n in sorted(chars.items())] + [("p", k, n) for k, n in sorted(kept)]
    rows += [("e", k, n) for k, n in sorted(ends.items())]
    return rows + [("s", k, n) for k, n in sorted(starts.items())]


def write_table(rows: list[tuple[str, str, int]], path: str) -> None:
    """Write ``build_table`` rows in the layout ``_counts`` reads: a line per kind and count,
    the kind's letter, the count, a tab, the keys; gzip with mtime 0, so the same corpus gives
    the same bytes."""
    by_count: dict[tuple[str, int], list[str]] = {}
    for kind, key, count in rows:
        by_count.setdefault((kind, count), []).append(key)
    text = "".join(f"{kind}{n}\t{' '.join(keys)}\n" for (kind, n), keys in sorted(by_count.items()))
    with open(path, "wb") as out:
        out.write(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
