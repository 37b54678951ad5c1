"""Returns paragraphs that OCR read into the wrong article (column bleed) to their own article.

On a page with several columns, OCR may read the columns out of order, so a run of one
article's paragraphs lands inside another.  The page is labelled as a sequence: anchors
(headlines, kickers, bylines, jump headlines, the first block of a continued piece, a
dateline paragraph under its headline) keep the article structure gave them, and every
other paragraph or section heading either stays in the article of its stretch of the page
or belongs to a *run* of consecutive blocks that is returned to another article.  A run's
score adds up:

* wording: each block's affinity to the other article against its own, with the whole run
  left out of the profiles (``newsclean.affinity``: names, places and terms one article
  repeats and the others lack, each bigram weighed by how seldom news prose at large writes
  it, ``newsclean.language.specificity``, so shared topic words say little), and for a
  section heading its likeness to that article's other headings (党建引领激发效能 /
  科技助力释放动能 / 制度保障挖掘潜能);
* the cuts at either end: a change of article costs, less where a column break shows (the
  block before ends mid-sentence and the next starts afresh, or the reverse), more right
  after a heading (it goes with the text below it) or where the two sides read as one
  sentence (a word seen elsewhere on the page across the seam, or characters that news
  prose writes together, ``newsclean.language``); a sentence cut before the run that
  resumes right after it, or a run that goes on with a cut sentence of the other article,
  says where the run belongs;
* a run that opens with a dateline (本报北京1月6日讯) inside an article that has its own
  starts an article: one on the page that lacks its dateline;
* doubts: a run longer than a column or taking most of its host costs more, and so does one
  whose host's own paragraphs lean to the same article (articles on one topic); runs that
  would go both ways between two articles (a speech and the report on it) are held back,
  unless a seam places one way and not the other.  A run never goes to an article that has
  no paragraph on the page (a headline in a row of them, or a list of headlines), nor to
  one whose 上接/下转 page differs from one the run carries.

The best set of runs is found by dynamic programming over the page (a semi-Markov Viterbi,
linear in blocks x articles x the longest run); two of them to one article with at most
one block of their host between are taken as one run (a column read out of order is one
stretch).  A run's confidence comes from the margin
between the best labelling and the best one that leaves the run where it was; below
``reorder_threshold`` nothing moves and the run is ``flagged``, and so is a run that its
wording alone would move but the doubts hold back.  Moves change no text: each article keeps
its own blocks in stream order, and a returned run goes into the gap between them that reads
best (``_placements``): a cut sentence on either side that the run goes on with, a
sign-off note (（完）) that ends it, a dateline that opens it, an enumeration in order
(一是 … 二是), the wording it shares with the blocks on either side; where these say
little, the stream order holds: after the last block of its article read before it, as OCR
reads an article's last columns after the next one's first (and at the end of an article that
starts later: its first paragraphs stand under its headline, so a run read before that is
from further on).  A run that brings a section heading ends where one of
the article's own sections starts, or at its end, and none goes after the block that carries
its article's 下转 page (the piece ends there on this page).  A 下转 page read at the end of a
moved block stays with the article the marker was printed in.  The weights below were set by
a coordinate search on benchmark pages (``newsclean.bench``, other generator seeds than the
reported run) for the most paragraphs placed right, with at most 0.8% of paragraphs moved on
pages without bleed.

Run alone (``--only reorder``), the filter first labels articles from the headings as parsed.

>>> from newsclean import clean
>>> page = "\\n\\n".join([
...     "# 鞍山推进市域社会治理",
...     "鞍山市建成四级社会治理综合服务中心，鞍山市民办事更方便。",
...     "鞍山市委书记说，鞍山强化党建引领，社会治理见实效。",
...     "# 连云港推进扫黑除恶",
...     "连云港市打掉恶势力犯罪集团，连云港扫黑除恶成效明显。",
...     "连云港市公安局反诈中心向群众发送预警短信，民警紧随诈骗电话发出预警短",
...     "鞍山市网格员巡查社区，鞍山社会治理综合服务中心接到消息后迅速维修。",
...     "信，连云港市民纷纷点赞扫黑除恶。",
... ])
>>> r = clean(page, only=("structure", "reorder", "rejoin"))
>>> [p[:8] for p in r.articles[0].paragraphs()]
['鞍山市建成四级社', '鞍山市委书记说，', '鞍山市网格员巡查']
>>> r.articles[1].paragraphs()[-1].endswith("发出预警短信，连云港市民纷纷点赞扫黑除恶。")
True
>>> move = r.repairs[0]
>>> move.action, move.before, move.after, round(move.confidence, 2)
('moved', '', '', 0.99)
>>> head, _, evidence = move.reason.partition(": shares ")
>>> head
'bleed: 1 block 「鞍山市网格员巡查社区…」 moved from 「连云港推进扫黑除恶」 to 「鞍山推进市域社会治理」'
>>> print(*evidence.split("; "), sep="\\n")  # doctest: +ELLIPSIS
社会治理综合服务中心, 鞍山市, 鞍山 with it
the paragraphs either side share more wording with each other than with it
column break before it (…话发出预警短 is cut off)
it splits a sentence of its host (…话发出预警短 | 信，连云港市…)
margin ...
placed at its article's end
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

import regex

from ..affinity import Affinity, page_bigrams, shared_terms
from ..chardata import (
    BYLINE,
    CHINESE_NUMERALS,
    CLOSING_CREDIT,
    DATELINE,
    MARKER,
    both_scripts,
    may_hold_marker,
)
from ..config import Config
from ..language import seam_pmi, simplified_table, specificity_table
from ..model import BLEED_SEAM_NOTE, Block, Kind, Page, Repair
from .rejoin import (
    PARAGRAPH_OPENER,
    _seam_seen_elsewhere,
    ends_sentence,
    indented,
    starts_mid_sentence,
)
from .script import holds_any
from .structure import label_articles

NAME = "reorder"

BODY_KINDS = frozenset({Kind.PARAGRAPH, Kind.SECTION})
HEAD_KINDS = frozenset({Kind.HEADLINE, Kind.KICKER, Kind.SUBTITLE, Kind.JUMP_HEADLINE})

# Scores are in the affinity's units (natural-log likelihood ratios), divided by TEMPERATURE.
HEADING_WEIGHT = 2.5  # headline text in its article's profile (a body block counts 1)
TEMPERATURE = 2.0
# each bigram's vote is weighed by how seldom news prose uses it (newsclean.language:
# 发展 0.2, 上海 0.5, a name 1), times this
SPECIFIC_SCALE = 1.5
MAX_RUN = 8  # blocks in one run
WINDOW_ARTICLES = 12  # articles labelled together (a page rarely holds more)
SWITCH = 1.0  # a change of article between two body blocks
AFTER_HEADING = 6.0  # ... right after an article's opening blocks
AFTER_SECTION = 12.0  # ... right after a section heading
COLUMN_BREAK = 1.0  # discount where one side of the boundary is cut mid-sentence
# the next three are times how surely one block goes on with the other's sentence (0-1)
SEAM = 2.0  # extra cost of a change of article between the two halves of one sentence
ACROSS = 20.0  # the sentence cut right before a run resumes right after it
DONOR_SEAM = 8.0  # the run goes on with a cut sentence of its article, or the reverse
HEADING_PATTERN = 2.0  # section heading like the article's other headings (0-1 likeness)
# how the characters across a seam read in news prose (``newsclean.language``) raises an
# attested or mid-sentence seam by up to PMI_WEIGHT: PMI at PMI_MID or below says nothing (a
# column ends between two words as often as inside one, and a pair across two words is
# seldom written together), and PMI_SPAN more gives the full lift (基|层 5.6, 设|做 1.2)
PMI_WEIGHT = 0.6
PMI_MID = -1.0
PMI_SPAN = 3.0
# when neither half of a seam says so, the block that reads on from a cut sentence is found
# by how its first character follows the cut in news prose: up to ACROSS_PMI (0-1), full at
# PMI_SPAN above ACROSS_PMI_MID
ACROSS_PMI = 0.5
ACROSS_PMI_MID = 0.0
# a run its seams place (a host sentence resuming after it, a cut sentence of its article
# going on in it) is not held back by the host leaning the same way: the doubt falls by
# SEAMS_TRUSTED times that seam evidence
SEAMS_TRUSTED = 1.0
ISLAND = 1  # blocks of the host between two runs to one article that go with them
SEAM_PLACES = 0.5  # seam evidence (0-1) that settles which way of a two-way pair is bleed
AUTHOR_LINE_CHARS = 30  # a block without an end mark this short under the headings
DATELINE_OPENS = 6.0  # the run opens with a dateline, and its target has none
MOVE_COST = 0.5  # every moved block: the page as read is right unless shown otherwise
# neighbouring paragraphs of an article share wording (TextTiling's cohesion): a run whose
# host paragraphs either side share more with each other than either shares with the run
# was set in between them.  ``dip`` is that difference (log of summed bigram weights, as in
# placement), held to +-DIP_SPAN; on benchmark pages it tells a bled run from a paragraph in
# its place with an AUC of 0.88 on its own.  DIP was set on pages of a generator seed other
# than the reported ones (11): bled paragraphs in their article 80.2% -> 82.4%, pages entirely
# right 75.1% -> 75.6%, at the cost of more low-confidence flags (269 -> 336 on pages with no
# defect); a higher weight moved paragraphs on pages without bleed
DIP = 1.5
DIP_SPAN = 2.0
DIP_MIN_CHARS = 20
DIP_NOTED = 0.5  # a dip worth naming in the repair's reason
# articles on one topic: when the host's own blocks lean to the target by more than
# CONFUSION_FROM (median, leave-one-out), each moved block costs CONFUSION per unit over it
CONFUSION = 0.5
CONFUSION_FROM = -10.0
CONFUSION_SPREAD = 50.0  # ... scaled down as the run's lean per block exceeds theirs by this
# a bled run is a column's worth of text: each paragraph beyond LONG_FROM costs LONG_RUN, and
# each paragraph by which the run outnumbers what its host keeps costs HOST_SHARE
LONG_RUN = 8.0
LONG_FROM = 6
HOST_SHARE = 2.0
# candidates are scored in full only when their leave-one-out score reaches this (per block)
PRUNE_PER_BLOCK = -0.5
# a run whose gain is bound to be below this is dropped unscored (the bound and the gain are
# computed apart, so a hair below zero is not trusted to be below)
CANNOT_GAIN = 1e-9
# confidence = logistic((margin - MARGIN_MID) / MARGIN_SCALE)
MARGIN_MID = 3.5
MARGIN_SCALE = 1.5
SUSPECT_FLOOR = 0.01  # a held-back run less likely than this is not worth a flag

# Where a returned run goes among its article's own blocks: each gap between them scores
# how much specific wording the run shares with the block before and the block after
# (log of their summed bigram weights, PLACE_COHESION each), less what those two share with
# each other (a gap between two paragraphs that read as one stretch is unlikely), and cues a
# reader uses: a sentence cut on one side that the other goes on with (PLACE_SEAM times how
# surely), an article's dateline opening it and its sign-off note closing it
# (PLACE_ENDS), enumerations in order (一是 … 二是, PLACE_ORDINAL), and the stream order
# (PLACE_STREAM): OCR that reads columns out of order mostly reads an article's last columns
# late, so a gap must read clearly better to beat the one after the article's last block read
# before the run.  Weights set on benchmark pages (runs drawn from anywhere in their
# article): given the run's blocks, its place is found for 51% and 47% of runs on two
# generator seeds, where the stream order alone finds 26% and 27%.
PLACE_COHESION = 1.0
PLACE_STREAM = 3.0
PLACE_SEAM = 6.0
PLACE_CUT = 3.0
PLACE_ENDS = 8.0
PLACE_ORDINAL = 4.0
# an enumerated paragraph's number, after any dash or bullet: 一是 / 第二个10年 / （三） /
# ———第一个10年 / 2、 / 首先 … 其次
ORDINAL = regex.compile(
    both_scripts(
        r"^[\s—－\-–·•●■◆]*(?:[（(]?第?(?P<han>[一二三四五六七八九十])(?:是|、|）|\)|，|要|个|条|方面)"
        r"|[（(]?(?P<digit>[1-9])(?:[、)）]|[.．](?![0-9]))|(?P<first>首先)|(?P<second>其次))"
    )
)

SPACED = regex.compile(r"\S\s+\S")


@dataclass
class _Page:
    """What the labelling needs to know about the blocks of one page."""

    page: Page
    blocks: list[Block]
    labels: list[int]  # article labels as structure gave them
    movable: list[bool]
    opens_at: dict[int, int]  # article -> index of its first block
    head_end: dict[int, int]  # article -> index of the last block of its opening group
    articles: list[int]
    paragraphs: dict[int, int]  # article -> number of its paragraphs
    indents: bool  # plain OCR that indents paragraphs: a flush-left block goes on a sentence
    corpus: str  # the block texts, one a line: the page as its own dictionary
    members: dict[int, list[int]]  # article -> its movable blocks
    cost: list[float] = field(default_factory=list)  # change of article between t-1 and t
    seams: dict[tuple[int, int], float] = field(default_factory=dict)  # _continues cache
    headings: dict[int, list[int]] = field(default_factory=dict)  # article -> its headings
    grams: list[frozenset[str]] = field(default_factory=list)  # each block's bigrams


@dataclass
class _Run:
    """A candidate run: blocks [start, end) returned to article ``target``, with its evidence
    (``wording`` in affinity units, the other terms 0-1 or counts) and total ``gain``."""

    start: int
    end: int  # exclusive
    target: int
    wording: float = 0.0
    pattern: float = 0.0
    across: float = 0.0
    donor: float = 0.0
    opens: float = 0.0  # the run opens with a dateline its target lacks
    dip: float = 0.0  # how much better its host's blocks either side read on without it
    baseline: float = -math.inf  # how much the host's other blocks lean to the target
    paragraphs: int = 0  # paragraphs in the run
    host_left: int = 0  # paragraphs its host keeps
    notes: list[str] = field(default_factory=list)
    gain: float = 0.0
    doubts: list[str] = field(default_factory=list)  # why a suspect run is held back
    # blocks whose cut sentence, once the run moves, goes on in the block then after them
    seam_lefts: list[int] = field(default_factory=list)

    def evidence(self) -> float:
        """What the run's own wording and seams say, before the page's doubts about it."""
        return (
            self.wording / TEMPERATURE
            + HEADING_PATTERN * self.pattern
            + ACROSS * self.across
            + DONOR_SEAM * self.donor
            + DATELINE_OPENS * self.opens
            + DIP * self.dip
            - MOVE_COST * (self.end - self.start)
        )

    def shape(self) -> float:
        """Cost of an unlikely shape: longer than a column, or most of its host."""
        return LONG_RUN * max(0, self.paragraphs - LONG_FROM) + HOST_SHARE * max(
            0, self.paragraphs - self.host_left
        )

    def doubt(self) -> float:
        """Cost of the host's own paragraphs leaning to the target too (articles on one
        topic), less as the run leans further than they do."""
        blocks = self.end - self.start
        excess = self.baseline - CONFUSION_FROM
        if excess <= 0:
            return 0.0
        apart = (self.wording / blocks - self.baseline) / CONFUSION_SPREAD
        seams = max(0.0, 1.0 - SEAMS_TRUSTED * (self.across + self.donor))
        return CONFUSION * blocks * excess * min(1.0, max(0.0, 1.0 - apart)) * seams

    def score(self, doubting: bool = True) -> float:
        self.gain = self.evidence() - self.shape() - (self.doubt() if doubting else 0.0)
        return self.gain


def run(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    if page.blocks and all(b.article < 0 for b in page.blocks):
        labelled = page.with_blocks(label_articles(list(page.blocks)))
        if len({b.article for b in labelled.blocks}) > 1:
            page = labelled
    windows = _windows(page.blocks)
    if len(windows) == 1:
        return _run_window(page, config)
    # a very long "page" (several pages run together) is labelled a stretch of articles at
    # a time: a run bleeds into a neighbouring column, and scoring every block against every
    # article of a long text would cost time growing with its square
    blocks: list[Block] = []
    repairs: list[Repair] = []
    for window in windows:
        done, found = _run_window(page.with_blocks(window), config)
        blocks.extend(done.blocks)
        repairs.extend(found)
    return (page.with_blocks(blocks) if blocks != list(page.blocks) else page), repairs


def _windows(blocks) -> list[list[Block]]:
    """Consecutive stretches of at most WINDOW_ARTICLES articles (in stream order)."""
    windows: list[list[Block]] = [[]]
    seen: set[int] = set()
    for b in blocks:
        if b.article not in seen and len(seen) == WINDOW_ARTICLES:
            windows.append([])
            seen = set()
        seen.add(b.article)
        windows[-1].append(b)
    return windows


def _run_window(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    p = _prepare(page)
    if p is None:
        return page, []
    decided, accepted = _label(p, config.reorder_threshold)
    final = list(p.labels)
    moves = [r for r, _, _ in decided if id(r) in accepted]
    for r in moves:
        final[r.start : r.end] = [r.target] * (r.end - r.start)
    places = _placements(p, final, moves)
    repairs: list[Repair] = []
    seam_lefts: set[int] = set()  # blocks a move leaves next to the rest of their sentence
    for r, margin, confidence in decided:
        moved = p.blocks[r.start : r.end]
        reason = _reason(p, r, margin, id(r) in accepted)
        if id(r) in accepted:
            seam_lefts.update(r.seam_lefts)
            reason += f"; {places[id(r)][1]}"
            repairs.append(page.repair(NAME, "moved", moved, reason, "", "", confidence))
        elif r.doubts:
            reason += f" (held back: {'; '.join(r.doubts)})"
            repairs.append(page.repair(NAME, "flagged", moved, reason, "", "", confidence))
        elif confidence < config.reorder_threshold:
            reason += f" (confidence {confidence:.2f} below {config.reorder_threshold})"
            repairs.append(page.repair(NAME, "flagged", moved, reason, "", "", confidence))
        else:
            reason += " (not moved: its article would keep no paragraph)"
            repairs.append(page.repair(NAME, "flagged", moved, reason, "", "", confidence))
    if final == p.labels:
        return page, repairs
    blocks = _reordered(p, final, moves, places, seam_lefts)
    return page.with_blocks(blocks), repairs


def _label(p: _Page, threshold: float):
    """The runs of the best labelling, with margins and confidences, and those that move."""
    grams = p.grams = _page_grams([b.text for b in p.blocks])
    weights = [HEADING_WEIGHT if b.kind in HEAD_KINDS else 1.0 for b in p.blocks]
    affinity = Affinity(grams, p.labels, weights, gram_weights=_gram_weights())
    decided = _decide(p, _candidates(p, affinity))
    return decided, _accepted(p, decided, threshold)


@cache
def _gram_weights() -> tuple[dict[str, float], float]:
    """Each bigram's weight in the wording evidence: its specificity in news prose, times
    SPECIFIC_SCALE (a pair too rare to weigh under 1 weighs SPECIFIC_SCALE)."""
    table = specificity_table()
    return {g: SPECIFIC_SCALE * w for g, w in table.items()}, SPECIFIC_SCALE


_last_grams: dict[str, frozenset[str]] = {}  # the last page's bigrams, by block text


def _page_grams(texts: list[str]) -> list[frozenset[str]]:
    """``page_bigrams``, kept for the page's next run: after a move the filter looks again
    at the same texts in another order, and each text's bigrams depend only on the set of
    texts on the page."""
    global _last_grams
    last = _last_grams
    distinct = len(set(texts)) == len(texts)  # (a text printed twice changes the quotes)
    if distinct and len(texts) == len(last) and all(t in last for t in texts):
        return [last[t] for t in texts]
    # a traditional page's bigrams are weighed by counts from simplified text
    folded = texts
    if any(map(holds_any("traditional_only"), texts)):
        folded = [t.translate(simplified_table()) for t in texts]
    grams = page_bigrams(folded)
    _last_grams = dict(zip(texts, grams)) if distinct else {}
    return grams


def _accepted(p: _Page, decided, threshold: float) -> set[int]:
    """Ids of the runs that move: confident enough, most confident first, and never taking
    the last paragraph of an article."""
    left = dict(p.paragraphs)
    accepted = set()
    for r, _margin, confidence in sorted(decided, key=lambda d: -d[2]):
        if r.doubts:
            continue
        taken = sum(b.kind == Kind.PARAGRAPH for b in p.blocks[r.start : r.end])
        if confidence >= threshold and left[p.labels[r.start]] - taken >= 1:
            left[p.labels[r.start]] -= taken
            accepted.add(id(r))
    # runs going both ways between two articles: each reads like the other (a speech and
    # the report on it), which is no bleed; unless one way has a seam that places it (a
    # sentence of its host resumes after it, or it goes on with one of its article's) and
    # the other has none: then that one moves, and the other way is held back
    moving = [r for r, _, _ in decided if id(r) in accepted]
    ways = {(p.labels[r.start], r.target) for r in moving}
    placed = {(p.labels[r.start], r.target) for r in moving if r.across + r.donor >= SEAM_PLACES}
    for r in moving:
        way = (p.labels[r.start], r.target)
        back = (r.target, p.labels[r.start])
        if back in ways and not (way in placed and back not in placed):
            accepted.discard(id(r))
            r.doubts.append("runs go both ways between these two articles")
    return accepted


def _confidence(margin: float) -> float:
    z = min(50.0, max(-50.0, (margin - MARGIN_MID) / MARGIN_SCALE))
    return min(0.99, 1.0 / (1.0 + math.exp(-z)))


def _decide(p: _Page, runs: list[_Run]) -> list[tuple[_Run, float, float]]:
    """The runs of the best labelling, each with its margin and confidence; then the
    *suspects*: runs whose wording alone would move them confidently but which the page's
    doubts (``_Run.doubt``) hold back, with the confidence the full score gives them."""
    if not runs:
        return []
    # a change of article costs something only where a run starts or ends
    ends = {r.start for r in runs} | {r.end for r in runs}
    p.cost = [_boundary_cost(p, t) if t in ends else 0.0 for t in range(len(p.blocks))]
    for r in runs:
        r.score()
    best, chosen = _best_runs(p, runs)
    chosen = _bridged(p, runs, chosen)
    out = []
    for r in chosen:
        without, _ = _best_runs(p, runs, barred=(r.start, r.end))
        out.append((r, best - without, _confidence(best - without)))
    for r in runs:
        r.score(doubting=False)
    best, suspects = _best_runs(p, runs)
    for r in suspects:
        if any(r.start < c.end and c.start < r.end for c in chosen):
            continue
        without, _ = _best_runs(p, runs, barred=(r.start, r.end))
        if _confidence(best - without) < 0.5:
            continue
        r.doubts = [
            "the host's other paragraphs lean that way too "
            f"(median margin {r.baseline:.1f} per paragraph)"
        ]
        margin = r.evidence() - r.shape() - r.doubt() - p.cost[r.start]
        margin -= p.cost[r.end] if r.end < len(p.blocks) else 0.0
        if _confidence(margin) >= SUSPECT_FLOOR:
            out.append((r, margin, _confidence(margin)))
    for r in runs:
        r.score()
    return out


def _bridged(p: _Page, runs: list[_Run], chosen: list[_Run]) -> list[_Run]:
    """Two chosen runs to one article with at most ISLAND blocks of their host between them
    are one run, when the whole scores as well as either part: a column read out of order is
    one stretch, and a block between (本溪实现行政执法… between 鞍山… and 全市160个执法主体…)
    only shares more words with the host than most."""
    spans = {(r.start, r.end, r.target): r for r in runs}
    out: list[_Run] = []
    for r in chosen:
        last = out[-1] if out else None
        whole = None
        if (
            last is not None
            and last.target == r.target
            and r.start - last.end <= ISLAND
            and p.labels[last.start] == p.labels[r.start]
        ):
            whole = spans.get((last.start, r.end, r.target))
        if whole is not None and whole.gain >= max(last.gain, r.gain):
            out[-1] = whole
        else:
            out.append(r)
    return out


def _prepare(page: Page) -> _Page | None:
    blocks = list(page.blocks)
    labels = [b.article for b in blocks]
    articles = sorted(set(labels))
    if len(articles) < 2 or articles[0] < 0:
        return None  # one article (or a page no one could label)
    opens_at: dict[int, int] = {}
    for i, label in enumerate(labels):
        opens_at.setdefault(label, i)
    movable = []
    continued = set()  # articles whose opening carries a 上接 page: their text starts here
    for i, b in enumerate(blocks):
        opening = opens_at[b.article] == i or b.continued_from is not None
        # the first paragraph of a continued piece, wherever its 上接 marker was read
        # (on the paragraph, its own line, or the jump headline)
        if b.kind == Kind.PARAGRAPH and b.article in continued:
            opening = True
            continued.discard(b.article)
        elif b.continued_from is not None and b.kind != Kind.PARAGRAPH:
            continued.add(b.article)
        # a dateline paragraph right below its headline opens its article with it
        dateline = b.kind == Kind.PARAGRAPH and bool(DATELINE.match(b.text))
        # (not below another paragraph: an article has one dateline, a second opens a run)
        after_head = (
            i > 0
            and not movable[i - 1]
            and labels[i - 1] == b.article
            and blocks[i - 1].kind != Kind.PARAGRAPH
        )
        # a marker still in a block's text was kept (its article has another page): whether
        # it reads as one depends on the article, so the block stays where it was read
        torn = may_hold_marker(b.text) and MARKER.search(b.text) is not None
        movable.append(
            b.kind in BODY_KINDS and not opening and not (dateline and after_head) and not torn
        )
    if not any(movable):
        return None
    head_end = {}
    for k, i in opens_at.items():
        j = i
        while j + 1 < len(blocks) and labels[j + 1] == k and not movable[j + 1]:
            j += 1
        head_end[k] = j
    paragraphs = dict.fromkeys(articles, 0)
    for b in blocks:
        paragraphs[b.article] += b.kind == Kind.PARAGRAPH
    corpus = "\n".join(b.text for b in blocks)
    members: dict[int, list[int]] = {}
    for t, b in enumerate(blocks):
        if movable[t]:
            members.setdefault(b.article, []).append(t)
    return _Page(
        page,
        blocks,
        labels,
        movable,
        opens_at,
        head_end,
        articles,
        paragraphs,
        indented(page),
        corpus,
        members,
    )


def _ends_cut(block: Block) -> bool:
    return block.kind == Kind.PARAGRAPH and not ends_sentence(block.text)


def _starts_mid(p: _Page, t: int) -> bool:
    """Block t plainly begins inside a sentence cut off elsewhere."""
    block = p.blocks[t]
    if block.kind != Kind.PARAGRAPH:
        return False
    return starts_mid_sentence(block.text) or (p.indents and not block.markup)


def _starts_fresh(p: _Page, t: int) -> bool:
    """Block t plainly opens a paragraph: an indent on indented plain OCR, a quote, a bullet,
    a date, an enumeration or a dateline."""
    block = p.blocks[t]
    text = block.text.lstrip()
    if p.indents and block.markup:
        return True
    return bool(PARAGRAPH_OPENER.match(text) or DATELINE.match(text) or BYLINE.match(text))


def _continues(p: _Page, a: int, b: int) -> float:
    """How surely block ``b`` goes on with the sentence block ``a`` leaves cut (0-1).

    Characters across the seam that make a word seen elsewhere on the page (面向基|层) tie
    these two halves; a mid-sentence start alone says only that ``b`` has a partner
    somewhere, and a paragraph opening says it has none."""
    key = (a, b)
    if key not in p.seams:
        left, right = p.blocks[a], p.blocks[b]
        value = 0.0
        if left.kind == right.kind == Kind.PARAGRAPH and _ends_cut(left):
            attested = _seam_seen_elsewhere(left.text, right.text, p.corpus)
            value = 0.75 if attested == 3 else 0.35 if attested == 2 else 0.0
            pmi = seam_pmi(left.text, right.text)
            if pmi is not None and (value > 0 or _starts_mid(p, b)):
                value += PMI_WEIGHT * max(0.0, min(1.0, (pmi - PMI_MID) / PMI_SPAN))
            if _starts_mid(p, b):
                value += 0.25
            elif _starts_fresh(p, b):
                value = 0.0
        p.seams[key] = max(0.0, min(value, 1.0))
    return p.seams[key]


def _reads_on(p: _Page, a: int, b: int) -> float:
    """``_continues``, or where that finds nothing, how well the characters across the seam
    read as news prose on their own (0-1): to choose between two blocks that might go on
    with the sentence ``a`` leaves cut."""
    value = _continues(p, a, b)
    if value > 0 or not ACROSS_PMI or not _ends_cut(p.blocks[a]) or _starts_fresh(p, b):
        return value
    if p.blocks[b].kind != Kind.PARAGRAPH:
        return 0.0
    pmi = seam_pmi(p.blocks[a].text, p.blocks[b].text)
    if pmi is None:
        return 0.0
    return ACROSS_PMI * max(0.0, min(1.0, (pmi - ACROSS_PMI_MID) / PMI_SPAN))


def _boundary_cost(p: _Page, t: int) -> float:
    """Cost of a change of article between block t-1 and block t (none at an anchor)."""
    if t == 0 or not p.movable[t]:
        return 0.0
    prev, block = p.blocks[t - 1], p.blocks[t]
    cost = SWITCH
    if prev.kind == Kind.SECTION:
        cost += AFTER_SECTION
    elif prev.kind != Kind.PARAGRAPH or _author_line(p, t - 1):
        cost += AFTER_HEADING
    elif block.kind == Kind.PARAGRAPH:
        join = _continues(p, t - 1, t)
        if join > 0:
            cost += SEAM * join
        elif _ends_cut(prev) or _starts_mid(p, t):
            cost -= COLUMN_BREAK
    return max(cost, 0.0)


def _author_line(p: _Page, t: int) -> bool:
    """Block t is a short line without an end mark right under its article's headings: the
    author and their post (研究所副所长 马晓河) or a lead-in, which opens the article's text
    rather than ending a column."""
    block = p.blocks[t]
    return (
        t - 1 == p.head_end.get(p.labels[t])
        and len(block.text) <= AUTHOR_LINE_CHARS
        and not ends_sentence(block.text)
    )


def _candidates(p: _Page, affinity: Affinity) -> list[_Run]:
    """Runs worth considering: stretches of movable blocks of one article whose wording
    leans to another article, scored in full with the run left out of the profiles."""
    n = len(p.blocks)
    loo: list[dict[int, float] | None] = [None] * n
    # each movable block's lean to the other articles, leave-one-out: a run leans on
    # average as its blocks do, so unless one block leans past the pruning margin no run
    # is worth scoring
    lean_of: list[dict[int, float] | None] = [None] * n
    any_lean = False
    for t in range(n):
        if p.movable[t]:
            row = loo[t] = affinity.scores(t)
            base = row[p.labels[t]]
            lean_of[t] = lean = {k: row.get(k, -math.inf) - base for k in p.articles}
            if not any_lean:
                any_lean = any(
                    v / TEMPERATURE > PRUNE_PER_BLOCK for k, v in lean.items() if k != p.labels[t]
                )
    if not any_lean:
        return []
    found: list[_Run] = []
    for i in range(n):
        if not p.movable[i]:
            continue
        own = p.labels[i]
        others = [k for k in p.articles if k != own and p.paragraphs[k]]
        sums = dict.fromkeys(others, 0.0)
        taken = 0
        for j in range(i, min(n, i + MAX_RUN)):
            taken += p.blocks[j].kind == Kind.PARAGRAPH
            if not p.movable[j] or p.labels[j] != own or taken >= p.paragraphs[own]:
                break  # a run never takes the last paragraph of its host
            lean = lean_of[j]
            bar = PRUNE_PER_BLOCK * (j - i + 1)
            for k in others:
                total = sums[k] = sums[k] + lean[k]
                if total / TEMPERATURE > bar:
                    found.append(_Run(i, j + 1, k))
    found = [r for r in found if not _pages_conflict(p, r)]
    if not found:
        return []
    # A run whose gain cannot be positive is never part of a best labelling (leaving its
    # blocks in place scores at least as well), so it is dropped before its exact wording
    # is worked out.  With the run left out of the profiles its target's scores are at most
    # the leave-one-out ones (the page is smaller, the target's counts the same), and its
    # host's are not negative: the target's leave-one-out scores bound the wording (of a
    # run of one block they give it).
    for r in found:
        r.paragraphs = sum(b.kind == Kind.PARAGRAPH for b in p.blocks[r.start : r.end])
        r.host_left = p.paragraphs[p.labels[r.start]] - r.paragraphs
        if r.end - r.start == 1:
            _score_wording(p, r, [loo[r.start]])
        else:
            r.wording = sum(loo[t].get(r.target, 0.0) for t in range(r.start, r.end))
        _score_seams(p, r)
    found = [r for r in found if r.evidence() - r.shape() > -CANNOT_GAIN]
    # each host block's lean to each target, sorted once: a run's baseline is the median
    # of these less the run's own (a run's blocks are all among its host's movable ones)
    leaning: dict[tuple[int, int], tuple[dict[int, float], list[float]]] = {}
    for r in found:
        own = p.labels[r.start]
        key = (own, r.target)
        if key not in leaning:
            lean_by_block = {t: loo[t][r.target] - loo[t][own] for t in p.members[own]}
            leaning[key] = (lean_by_block, sorted(lean_by_block.values()))
        lean_by_block, leans = leaning[key]
        leans = list(leans)
        for t in range(r.start, r.end):
            del leans[bisect_left(leans, lean_by_block[t])]
        if leans:
            r.baseline = leans[len(leans) // 2]
    # the exact scores, for each span only to its article and the ones it may go to
    wanted: dict[tuple[int, int], set[int]] = {}
    for r in found:
        wanted.setdefault((r.start, r.end), {p.labels[r.start]}).add(r.target)
    exact: dict[tuple[int, int], list[dict[int, float]]] = {}
    for r in found:
        span = (r.start, r.end)
        if span not in exact:
            # one block left out is its leave-one-out score, already at hand
            exact[span] = (
                [loo[r.start]]
                if r.end - r.start == 1
                else affinity.scores_of(range(*span), range(*span), wanted[span])
            )
        _score_wording(p, r, exact[span])
    return found


def _pages_conflict(p: _Page, r: _Run) -> bool:
    """Whether the run carries a 上接/下转 page other than the one its target has: a piece
    goes on to one page, so such a run is not that piece's."""
    for t in range(r.start, r.end):
        block = p.blocks[t]
        for side in ("continued_from", "continued_to"):
            page = getattr(block, side)
            if page is None:
                continue
            for other, label in zip(p.blocks, p.labels):
                if label == r.target and getattr(other, side) not in (None, page):
                    return True
    return False


def _score_wording(p: _Page, r: _Run, scores: list[dict[int, float]]) -> None:
    """The run's wording from its blocks' scores with the run left out of the profiles."""
    own, k = p.labels[r.start], r.target
    r.wording = sum(s.get(k, 0.0) - s[own] for s in scores)


def _score_seams(p: _Page, r: _Run) -> None:
    """The run's evidence other than its wording: its section headings, seams, dateline and
    the cohesion dip around it."""
    own, k = p.labels[r.start], r.target
    for t in range(r.start, r.end):
        if p.blocks[t].kind == Kind.SECTION:
            r.pattern += _heading_likeness(p, t, k, ()) - _heading_likeness(
                p, t, own, range(r.start, r.end)
            )
    first, last = r.start, r.end - 1
    # the host's sentence cut before the run resumes right after it
    # (not when the run itself ends cut: the block after it may go on with the run)
    if first > 0 and r.end < len(p.blocks) and not _ends_cut(p.blocks[last]):
        across = _reads_on(p, first - 1, r.end)
        if across > _reads_on(p, first - 1, first):
            r.across = across
            r.seam_lefts.append(first - 1)
            r.notes.append(
                f"it splits a sentence of its host (…{_clip_end(p.blocks[first - 1].text, 6)}"
                f" | {_clip(p.blocks[r.end].text, 6)})"
            )
    # (between paragraphs, and of a run with text of its own: a heading or a one-line note
    # shares little with anything, wherever it stands)
    before, after = first - 1, r.end
    if (
        before >= 0
        and after < len(p.blocks)
        and p.labels[before] == p.labels[after] == own
        and p.blocks[before].kind == p.blocks[after].kind == Kind.PARAGRAPH
        and any(
            b.kind == Kind.PARAGRAPH and len(b.text) >= DIP_MIN_CHARS
            for b in p.blocks[first : r.end]
        )
    ):
        weights = specificity_table()
        dip = _shared(p, before, after, weights) - max(
            _shared(p, before, first, weights), _shared(p, last, after, weights)
        )
        r.dip = max(-DIP_SPAN, min(DIP_SPAN, dip))
    # a run that opens with a dateline is the start of an article: of one that has none
    if DATELINE.match(p.blocks[first].text) and not any(
        DATELINE.match(p.blocks[t].text) for t in _paragraphs_of(p, k)
    ):
        r.opens = 1.0
        r.notes.append("it opens with a dateline, which its host has and the article lacks")
    # the run's first block continues the last block of the target before it, or its last
    # block is continued by the target's next block
    own_blocks = p.members.get(k, [])
    at = bisect_left(own_blocks, first)
    before = own_blocks[:at]
    if before:
        seam = _continues(p, before[-1], first)
        if seam > 0:
            r.donor += seam
            r.seam_lefts.append(before[-1])
            r.notes.append(
                f"it continues the cut sentence …{_clip_end(p.blocks[before[-1]].text, 6)}"
            )
    after = own_blocks[bisect_left(own_blocks, r.end) :]
    if after:
        seam = _continues(p, last, after[0])
        if seam > 0:
            r.donor += seam
            r.seam_lefts.append(last)
            r.notes.append(f"its cut sentence goes on in {_clip(p.blocks[after[0]].text, 6)}")


def _paragraphs_of(p: _Page, article: int) -> list[int]:
    return [
        t for t, b in enumerate(p.blocks) if p.labels[t] == article and b.kind == Kind.PARAGRAPH
    ]


def _heading_likeness(p: _Page, t: int, article: int, skip) -> float:
    """How well section heading ``t`` matches the article's other headings (0-1): parallel
    headings share their length and final character (效能/动能/潜能) or their shape."""
    if not p.headings:
        for j, b in enumerate(p.blocks):
            if b.kind == Kind.SECTION or b.kind in HEAD_KINDS:
                p.headings.setdefault(p.labels[j], []).append(j)
    text = p.blocks[t].text.strip()
    best = 0.0
    for j in p.headings.get(article, ()):
        if j == t or j in skip:
            continue
        b = p.blocks[j]
        other = b.text.strip()
        score = 0.0
        if b.kind == Kind.SECTION and len(other) == len(text):
            score += 0.5
        if other[-1:] == text[-1:]:
            score += 0.5
        if SPACED.search(other) and SPACED.search(text):
            score += 0.5
        best = max(best, min(score, 1.0))
    return best


def _best_runs(
    p: _Page, runs: list[_Run], barred: tuple[int, int] | None = None
) -> tuple[float, list[_Run]]:
    """The set of non-overlapping runs of highest total score, by dynamic programming.

    ``stay[t]``: best score of blocks before t with block t-1 left in place; ``moved[t]``:
    the same with block t-1 ending a returned run.  ``barred`` keeps a span in place."""
    n = len(p.blocks)
    by_start: dict[int, list[_Run]] = {}
    for r in runs:
        if barred and r.start < barred[1] and r.end > barred[0]:
            continue
        by_start.setdefault(r.start, []).append(r)
    neg = -math.inf
    stay = [neg] * (n + 1)
    moved = [neg] * (n + 1)
    stay_from: list[str] = [""] * (n + 1)
    moved_from: list[tuple[str, _Run] | None] = [None] * (n + 1)
    stay[0] = 0.0
    for t in range(n):
        cost = p.cost[t]
        a, b = stay[t], moved[t] - cost
        stay[t + 1], stay_from[t + 1] = (a, "stay") if a >= b else (b, "moved")
        for r in by_start.get(t, ()):
            for origin, base in (("stay", stay[t]), ("moved", moved[t])):
                value = base - cost + r.gain
                if value > moved[r.end]:
                    moved[r.end], moved_from[r.end] = value, (origin, r)
    if stay[n] >= moved[n]:
        best, state = stay[n], "stay"
    else:
        best, state = moved[n], "moved"
    chosen: list[_Run] = []
    t = n
    while t > 0:
        if state == "stay":
            state = stay_from[t]
            t -= 1
        else:
            origin, r = moved_from[t]
            chosen.append(r)
            state, t = origin, r.start
    chosen.reverse()
    return best, chosen


def _article_name(p: _Page, article: int) -> str:
    head = p.blocks[p.opens_at[article] : p.head_end[article] + 1]
    for kind in (Kind.HEADLINE, Kind.JUMP_HEADLINE):
        for b in head:
            if b.kind == kind:
                return f"「{_clip(b.text, 12)}」"
    return f"「{_clip(head[0].text, 12)}」"


def _clip(text: str, n: int) -> str:
    text = "".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


def _clip_end(text: str, n: int) -> str:
    text = "".join(text.split())
    return text[-n:]


def _reason(p: _Page, r: _Run, margin: float, moved: bool) -> str:
    blocks = p.blocks[r.start : r.end]
    what = f"{len(blocks)} block{'s' if len(blocks) > 1 else ''} 「{_clip(blocks[0].text, 10)}」"
    if len(blocks) > 1:
        what += f" … 「{_clip(blocks[-1].text, 10)}」"
    frm, to = _article_name(p, p.labels[r.start]), _article_name(p, r.target)
    where = f"moved from {frm} to {to}" if moved else f"may belong to {to}, not {frm}"
    target_text = "\n".join(b.text for b, k in zip(p.blocks, p.labels) if k == r.target)
    other_text = "\n".join(
        b.text
        for t, (b, k) in enumerate(zip(p.blocks, p.labels))
        if k != r.target and not r.start <= t < r.end
    )
    terms: list[str] = []
    for b in blocks:
        for term in shared_terms(b.text, target_text, other_text):
            if term not in terms:
                terms.append(term)
    evidence = [f"shares {', '.join(terms[:6])} with it" if terms else "its wording is closer"]
    if r.pattern > 0:
        evidence.append("its section heading matches the article's headings")
    if r.dip >= DIP_NOTED:
        evidence.append(
            "the paragraphs either side share more wording with each other than with it"
        )
    prev = p.blocks[r.start - 1]
    if _ends_cut(prev) and not _continues(p, r.start - 1, r.start):
        evidence.append(f"column break before it (…{_clip_end(prev.text, 6)} is cut off)")
    if _starts_mid(p, r.start):
        evidence.append("it starts mid-sentence")
    evidence.extend(r.notes)
    return f"bleed: {what} {where}: " + "; ".join(evidence) + f"; margin {margin:.1f}"


def _placements(p: _Page, final: list[int], moves: list[_Run]) -> dict[int, tuple[int, str]]:
    """For each returned run (by id), the gap among its article's own blocks (in stream
    order) it goes into, and a note saying where and why.  A run never goes before its
    article's opening (headings, a continued piece's first paragraph, a dateline paragraph
    under its headline), nor after the block that carries the article's 下转 page; one that
    opens with a dateline its article lacks goes right after the opening.  Ties keep the
    stream order: after the last block of the article read before it, or at the end of an
    article that starts later."""
    places: dict[int, tuple[int, str]] = {}
    weights = specificity_table()
    for r in moves:
        k = r.target
        own = [t for t in range(len(p.blocks)) if p.labels[t] == k == final[t]]
        lo = sum(t <= p.head_end[k] for t in own)
        default = max(lo, sum(t < r.start for t in own))
        if r.opens:
            places[id(r)] = (lo, "placed first in its article (it brings the dateline)")
            continue
        # a run that brings a section heading brings the rest of that section: it ends where
        # one of the article's own sections starts, or at its end
        sectioned = any(b.kind == Kind.SECTION for b in p.blocks[r.start : r.end])
        # a 下转 page ends the piece on this page (its last sentence often breaks off there,
        # to go on on that page): nothing of the piece goes after the block that carries it
        hi = next((g for g, t in enumerate(own) if p.blocks[t].continued_to is not None), None)
        hi = len(own) if hi is None or hi < lo else hi
        if not any(t < r.start for t in own):
            # read before its article's headline: the article's first paragraphs stand under
            # that headline, so the run is from further on (the last columns, read early)
            default = hi
        default = min(default, hi)
        best = (-math.inf, False, default, [])
        for gap in range(lo, hi + 1):
            if sectioned and gap < len(own) and p.blocks[own[gap]].kind != Kind.SECTION:
                continue
            before = own[gap - 1] if gap > lo else None
            after = own[gap] if gap < len(own) else None
            score, cues = _gap_score(p, r, before, after, weights)
            score += PLACE_STREAM * (gap == default)
            best = max(best, (score, gap == default, gap, cues))
        _, _, gap, cues = best
        if gap == lo:
            where = "placed first in its article"
        elif gap == len(own):
            where = "placed at its article's end"
        else:
            where = f"placed after 「{_clip(p.blocks[own[gap - 1]].text, 10)}」"
        places[id(r)] = (gap, where + (f" ({'; '.join(cues)})" if cues else ""))
    return places


def _gap_score(
    p: _Page, r: _Run, before: int | None, after: int | None, weights
) -> tuple[float, list[str]]:
    """How well run ``r`` reads between blocks ``before`` and ``after`` of its article
    (None: the article's opening, or its end), with the cues that say so."""
    first, last = r.start, r.end - 1
    cues: list[str] = []
    score = 0.0
    if before is not None:
        score += PLACE_COHESION * _shared(p, before, first, weights)
    if after is not None:
        score += PLACE_COHESION * _shared(p, last, after, weights)
    if before is not None and after is not None:
        score -= PLACE_COHESION * _shared(p, before, after, weights)
        score -= PLACE_SEAM * _continues(p, before, after)
        # (nor between a sentence cut at a column's foot and the paragraph after it, where
        # its rest most likely is, unless the run itself goes on with it)
        if _ends_cut(p.blocks[before]) and p.blocks[after].kind == Kind.PARAGRAPH:
            score -= PLACE_CUT * (_continues(p, before, first) == 0)
    if before is not None and (seam := _continues(p, before, first)) > 0:
        score += PLACE_SEAM * seam
        cues.append("it goes on with the sentence cut before it")
    if after is not None and (seam := _continues(p, last, after)) > 0:
        score += PLACE_SEAM * seam
        cues.append("its cut sentence goes on after it")
    opening = p.blocks[first].text
    if before is None and DATELINE.match(opening):
        score += PLACE_ENDS
        cues.append("it opens with a dateline")
    if before is None and after is not None and DATELINE.match(p.blocks[after].text):
        score -= PLACE_ENDS
    if after is None and CLOSING_CREDIT.search(p.blocks[last].text):
        score += PLACE_ENDS
        cues.append("it signs the article off")
    if after is None and before is not None and CLOSING_CREDIT.search(p.blocks[before].text):
        score -= PLACE_ENDS
    ordinal = _ordinal(opening)
    if ordinal and before is not None and (prior := _ordinal(p.blocks[before].text)):
        score += PLACE_ORDINAL if prior == ordinal - 1 else -PLACE_ORDINAL * (prior >= ordinal)
        if prior == ordinal - 1:
            cues.append("its enumeration goes on from the paragraph before")
    ordinal = _ordinal(p.blocks[last].text)
    if ordinal and after is not None and (later := _ordinal(p.blocks[after].text)):
        score += PLACE_ORDINAL if later == ordinal + 1 else -PLACE_ORDINAL * (later <= ordinal)
    return score, cues


def _shared(p: _Page, a: int, b: int, weights) -> float:
    """The specific wording blocks ``a`` and ``b`` share: log(1 + the summed weight of their
    common bigrams)."""
    return math.log1p(sum(weights.get(g, 1.0) for g in p.grams[a] & p.grams[b]))


def _ordinal(text: str) -> int:
    """The number of an enumerated paragraph (一是 / 第二 / （三） / 2、 / 首先), or 0."""
    m = ORDINAL.match(text)
    if m is None:
        return 0
    if m["han"]:
        return CHINESE_NUMERALS[m["han"]]
    if m["digit"]:
        return int(m["digit"])
    return 1 if m["first"] else 2


def _reordered(
    p: _Page,
    final: list[int],
    moves: list[_Run],
    places: dict[int, tuple[int, str]],
    seam_lefts: set[int],
) -> list[Block]:
    """Relabel, then lay out each article: its own blocks in stream order, with each run
    returned to it put in the place ``_placements`` chose.  A block whose cut sentence a
    move brings back next to its rest is noted for rejoin (``BLEED_SEAM_NOTE``)."""
    blocks = _pages_stay(p, final)
    for i, (b, k) in enumerate(zip(blocks, final)):
        if k != b.article:
            b = b.with_(article=k)
        if i in seam_lefts:
            b = b.flagged(BLEED_SEAM_NOTE)
        blocks[i] = b
    out: list[Block] = []
    for k in sorted(p.articles, key=lambda k: p.opens_at[k]):
        own = [blocks[t] for t in range(len(blocks)) if p.labels[t] == k == final[t]]
        arriving = sorted((places[id(r)][0], r.start, r) for r in moves if r.target == k)
        for gap, _, r in reversed(arriving):
            own[gap:gap] = blocks[r.start : r.end]
        out.extend(own)
    return out


def _pages_stay(p: _Page, final: list[int]) -> list[Block]:
    """The blocks, with the 下转 page read at the end of a block that moves handed to the last
    block its article keeps: the marker was printed in that article's column, whichever
    article's paragraph OCR read before it."""
    blocks = list(p.blocks)
    for t, b in enumerate(p.blocks):
        if b.continued_to is None or final[t] == p.labels[t]:
            continue
        own = p.labels[t]
        kept = [j for j in range(len(blocks)) if p.labels[j] == own and final[j] == own]
        # (not where the article has another 下转 page, read or kept as text for a clash)
        if not kept or any(
            blocks[j].continued_to is not None or MARKER.search(blocks[j].text) for j in kept
        ):
            continue
        last = kept[-1]
        blocks[last] = blocks[last].with_(continued_to=b.continued_to)
        blocks[t] = b.with_(continued_to=None)
    return blocks
