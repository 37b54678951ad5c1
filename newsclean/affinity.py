"""Article affinity: how strongly a block's wording ties it to each article on its page.

The page is its own reference.  Each article's profile counts, for every Han character
bigram, the blocks of the article that have it (headline text counts double).  A bigram in
a block votes for the articles that also use it, by its share of the bigram's occurrences
on the page against the article's share of the page, smoothed by a pseudo-count:
log((c_k / prior_k + a) / (n + a)).  So a bigram every article uses cancels out, and names
and terms that one article repeats and no other has (鞍山, 本溪, 盘锦 against 连云港 against
上海) decide; a bigram seen once elsewhere is weak evidence, one seen in five blocks of one
article strong.  It is TF-IDF within the page in log-odds units, so scores add up over the
blocks of a run.  Scores leave the scored blocks out of the profiles (by default the block
itself; reorder leaves out a whole candidate run, so the run's blocks do not vouch for one
another), and passages a page prints twice word for word (a quotation, a formula, an OCR
copy) are no evidence for either side.

A bigram may also carry a weight of its own (``gram_weights``): reorder weighs each by how
seldom news prose at large uses it (``newsclean.language.specificity``), so the topic words
two articles on one page both lean on (发展, 工作, 经济) say less than names and terms.

Only differences between a block's scores for two articles mean anything.

>>> grams = page_bigrams(["鞍山市推进社会治理", "鞍山市强化基层治理", "连云港市扫黑除恶"])
>>> s = Affinity(grams, labels=[0, 0, 1]).scores(1)
>>> s[0] > s[1]
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, repeat

import regex

HAN_RUN = regex.compile(r"\p{Han}{2,}")
# a passage this long (Han characters) found twice on the page is a quotation, not evidence
QUOTE = 12
# pseudo-count of each bigram's occurrences spread over the articles by their size: a bigram
# seen once elsewhere is weak evidence, one seen in five blocks of one article strong
SMOOTHING = 2.0


# the last page's texts: their Han runs, long passages and bigrams (a page is looked at
# again after a join, with all but the joined texts as they were)
_last_texts: dict[str, tuple[list[str], set[str], frozenset[str]]] = {}


def page_bigrams(texts: Sequence[str], quote: int = QUOTE) -> list[frozenset[str]]:
    """Each text's bigrams, less those inside a passage of ``quote`` or more Han characters
    that another text on the page repeats word for word: a quotation, a formula or an OCR
    copy belongs to no article more than another, so it is no evidence either way."""
    global _last_texts
    known = _last_texts if quote == QUOTE else {}
    readings = []
    for t in texts:
        reading = known.get(t)
        if reading is None:
            rs = HAN_RUN.findall(t)
            long_grams = {r[i : i + quote] for r in rs for i in range(len(r) - quote + 1)}
            plain = frozenset({r[i : i + 2] for r in rs for i in range(len(r) - 1)})
            reading = (rs, long_grams, plain)
        readings.append(reading)
    if quote == QUOTE:
        _last_texts = dict(zip(texts, readings))
    # the passages two or more texts have (most pages have none)
    seen: set[str] = set()
    repeated: set[str] = set()
    for _, own, _ in readings:
        repeated |= own & seen
        seen |= own
    out = []
    for rs, own, plain in readings:
        shared = own & repeated
        if not shared:
            out.append(plain)
            continue
        grams = set()
        quoted = set()
        for r in rs:
            covered = [False] * len(r)
            for i in range(len(r) - quote + 1):
                if r[i : i + quote] in shared:
                    covered[i : i + quote] = [True] * quote
            for i in range(len(r) - 1):
                (quoted if covered[i] and covered[i + 1] else grams).add(r[i : i + 2])
        out.append(frozenset(grams - quoted))
    return out


class Affinity:
    """Per-article bigram profiles of one page, and block-to-article scores from them.

    ``grams[i]`` are block ``i``'s bigrams, ``labels[i]`` its article (negative: in no
    profile), ``weights[i]`` how much it counts toward its article's profile.
    """

    def __init__(
        self,
        grams: Sequence[frozenset[str]],
        labels: Sequence[int],
        weights: Sequence[float] | None = None,
        smoothing: float = SMOOTHING,
        gram_weights: tuple[Mapping[str, float], float] | None = None,
    ):
        """``gram_weights`` is a mapping of bigram to weight and the weight of every other
        bigram; without it every bigram weighs 1."""
        self.grams = grams
        self._gw = gram_weights
        self.labels = list(labels)
        self.weights = list(weights) if weights is not None else [1.0] * len(grams)
        self.smoothing = smoothing
        self.sizes: Counter = Counter()
        self._in = [label >= 0 and w > 0 for label, w in zip(self.labels, self.weights)]
        # most bigrams of a page are in one block only: no evidence once it is left out, and
        # worth its weight to its own article otherwise; the profiles count the others
        seen: set[str] = set()
        common: set[str] = set()
        for gs, inside in zip(grams, self._in):
            if inside:
                common |= seen & gs
                seen |= gs
        self._shared: list[frozenset[str] | None] = [None] * len(grams)
        # the weight of each bigram that may vote (the ones in two or more blocks)
        self._weight_of = None
        if gram_weights is not None:
            table, default = gram_weights
            self._weight_of = dict(zip(common, map(table.get, common, repeat(default))))
        whole: dict[int, list[frozenset[str]]] = {}
        other: dict[int, list[tuple[frozenset[str], float]]] = {}
        for i, (gs, label, w) in enumerate(zip(grams, self.labels, self.weights)):
            if not self._in[i]:
                continue
            self.sizes[label] += w * len(gs)
            shared = self._shared[i] = gs & common
            if w == int(w) and w <= 8:
                whole.setdefault(label, []).extend([shared] * int(w))
            else:
                other.setdefault(label, []).append((shared, w))
        self.articles = sorted(self.sizes)
        self._total = sum(self.sizes[k] for k in self.articles)
        self.profiles = self._profiles(whole, other)
        # the same counts by bigram: (article, count) for each article that has it, so a
        # block's scores cost time for its own bigrams only
        self._by_gram: dict[str, list[tuple[int, float]]] = {}
        for k in self.articles:
            for g, c in self.profiles[k].items():
                self._by_gram.setdefault(g, []).append((k, c))
        self._full: dict[int, Counter] | None = None
        self._only: dict[int, float] = {}

    def _profiles(self, whole, other) -> dict[int, Counter]:
        """Per article, the weighted count of each bigram (sets each as many times as their
        block's whole weight, and sets with any other weight)."""
        profiles = {}
        for k in self.articles:
            profile = Counter(chain.from_iterable(whole.get(k, ())))
            for gs, w in other.get(k, ()):
                for g in gs:
                    profile[g] += w
            profiles[k] = profile
        return profiles

    @property
    def full_profiles(self) -> dict[int, Counter]:
        """Per article, the weighted count of each of its bigrams, the ones in a single
        block included."""
        if self._full is None:
            whole: dict[int, list[frozenset[str]]] = {}
            other: dict[int, list[tuple[frozenset[str], float]]] = {}
            for gs, label, w, inside in zip(self.grams, self.labels, self.weights, self._in):
                if not inside:
                    continue
                if w == int(w) and w <= 8:
                    whole.setdefault(label, []).extend([gs] * int(w))
                else:
                    other.setdefault(label, []).append((gs, w))
            self._full = self._profiles(whole, other)
        return self._full

    def _only_weight(self, i: int) -> float:
        """The weight of block ``i``'s bigrams that no other block has."""
        if self._gw is None:
            return float(len(self.grams[i]) - len(self._shared[i]))
        if i not in self._only:
            table, default = self._gw
            self._only[i] = sum(map(table.get, self.grams[i] - self._shared[i], repeat(default)))
        return self._only[i]

    def scores(self, i: int, leave_out: Iterable[int] | None = None) -> dict[int, float]:
        """Affinity of block ``i`` to every article, with ``leave_out`` (default: ``i``
        itself) taken out of the profiles first."""
        if leave_out is None and self._in[i]:
            return self._alone(i)
        return self.scores_of([i], (i,) if leave_out is None else leave_out)[0]

    def _alone(self, i: int) -> dict[int, float]:
        """``scores(i)`` with just block ``i`` left out: each of its bigrams loses its weight
        in its article (the ones no other block has are then no evidence)."""
        own, w = self.labels[i], self.weights[i]
        taken = w * len(self.grams[i])
        total = self._total - taken
        if total <= 0:
            return dict.fromkeys(self.articles, 0.0)
        sizes = dict(self.sizes)
        sizes[own] -= taken
        scale = self._scales(sizes, total)
        # ``_summed`` with nothing but block ``i`` left out, to every article
        out = dict.fromkeys(self.articles, 0.0)
        weight_of, by_gram, log1p = self._weight_of, self._by_gram, math.log1p
        for g in self._shared[i]:
            gw = 1.0 if weight_of is None else weight_of[g]
            for k, c in by_gram[g]:
                if k == own:
                    c -= w
                    if c <= 0:
                        continue
                out[k] += gw * log1p(c * scale[k])
        return out

    def _scales(self, sizes: Mapping[int, float], total: float) -> dict[int, float]:
        """1 / (prior_k * a) for each article: a bigram seen c times in k adds log1p(c * it)."""
        alpha = self.smoothing
        return {k: total / (max(sizes[k], 1e-9) * alpha) for k in self.articles}

    def _summed(self, i, own, w, times, scale, wanted) -> dict[int, float]:
        """Block ``i``'s votes for each article (``wanted`` ones only, if given), with ``own``
        article's counts less ``w`` per block left out that has the bigram (``times``: how
        many do, None: just ``i``)."""
        out = dict.fromkeys(self.articles if wanted is None else wanted, 0.0)
        weight_of, by_gram, log1p = self._weight_of, self._by_gram, math.log1p
        for g in self._shared[i]:
            gw = 1.0 if weight_of is None else weight_of[g]
            for k, c in by_gram[g]:
                if k == own:
                    c -= w if times is None else w * times.get(g, 0)
                    if c <= 0:
                        continue
                if k in out:
                    out[k] += gw * log1p(c * scale[k])
        return out

    def scores_of(
        self,
        blocks: Iterable[int],
        leave_out: Iterable[int],
        articles: Iterable[int] | None = None,
    ) -> list[dict[int, float]]:
        """Affinities of several blocks against the profiles without ``leave_out`` (to
        ``articles`` only, if given).

        Each bigram the block shares with the page votes: the share of its occurrences in
        article k, against k's share of the page, smoothed by ``smoothing`` pseudo-counts:
        log((c_k / prior_k + a) / (n + a)).  Only differences between articles matter, so the
        part every article gets alike (the c_k = 0 case) is left out, and a bigram costs time
        only for the articles that have it.
        """
        blocks = list(blocks)
        left = [j for j in leave_out if self._in[j]]
        kinds = {(self.labels[j], self.weights[j]) for j in left}
        if len(kinds) > 1 or not all(self._in[i] for i in blocks):
            return self._scores_mixed(blocks, left)
        # the blocks left out are all of one article and weight: each takes w off that
        # article's count of every bigram it has
        own, w = kinds.pop() if kinds else (-1, 0.0)
        size_minus = 0.0
        for j in left:
            size_minus += w * len(self.grams[j])
        sizes = {k: self.sizes[k] - (size_minus if k == own else 0.0) for k in self.articles}
        total = sum(sizes.values())
        if total <= 0:
            return [dict.fromkeys(self.articles, 0.0) for _ in blocks]
        scale = self._scales(sizes, total)
        wanted = (
            self.articles if articles is None else [k for k in self.articles if k in set(articles)]
        )
        gone = set(left)
        times = Counter(chain.from_iterable(self._shared[j] for j in left))
        results = []
        for i in blocks:
            out = self._summed(i, own, w, times, scale, wanted)
            label = self.labels[i]
            if label in out and i not in gone:
                # the block's bigrams no other block has, in its own article only
                out[label] += self._only_weight(i) * math.log1p(self.weights[i] * scale[label])
            results.append(out)
        return results

    def _scores_mixed(self, blocks: list[int], leave_out: list[int]) -> list[dict[int, float]]:
        """``scores_of`` when the blocks left out are of several articles or weights, or a
        block scored is in no profile."""
        minus: dict[int, Counter] = {k: Counter() for k in self.articles}
        size_minus: Counter = Counter()
        for j in leave_out:
            label, w = self.labels[j], self.weights[j]
            size_minus[label] += w * len(self.grams[j])
            for g in self.grams[j]:
                minus[label][g] += w
        sizes = {k: self.sizes[k] - size_minus[k] for k in self.articles}
        total = sum(sizes.values())
        if total <= 0:
            return [dict.fromkeys(self.articles, 0.0) for _ in blocks]
        alpha = self.smoothing
        scale = {k: total / (max(sizes[k], 1e-9) * alpha) for k in self.articles}
        log1p = math.log1p
        table, default = self._gw if self._gw is not None else ({}, 1.0)
        results = []
        for i in blocks:
            out = dict.fromkeys(self.articles, 0.0)
            results.append(out)
            for k in self.articles:
                profile, sub = self.full_profiles[k], minus[k]
                for g in self.grams[i]:
                    c = profile.get(g, 0) - sub[g]
                    if c > 1e-9:
                        out[k] += table.get(g, default) * log1p(c * scale[k])
        return results


def shared_terms(text: str, article_text: str, other_text: str, limit: int = 4) -> list[str]:
    """The longest stretches of Han characters in ``text`` that ``article_text`` also has and
    ``other_text`` has not: the names and terms a reader would point at.

    >>> shared_terms("本溪实现行政执法全覆盖", "鞍山、本溪、锦州市", "上海市行政执法")
    ['本溪']
    """
    found: list[str] = []
    for run in HAN_RUN.findall(text):
        i = 0
        while i < len(run) - 1:
            j = i + 2
            if run[i:j] not in article_text:
                i += 1
                continue
            while j < len(run) and run[i : j + 1] in article_text:
                j += 1
            term = run[i:j]
            if term not in other_text and term not in found:
                found.append(term)
            i = j
    found.sort(key=lambda t: -len(t))
    return found[:limit]
