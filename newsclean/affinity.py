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

Only differences between a block's scores for two articles mean anything.

>>> grams = page_bigrams(["鞍山市推进社会治理", "鞍山市强化基层治理", "连云港市扫黑除恶"])
>>> s = Affinity(grams, labels=[0, 0, 1]).scores(1)
>>> s[0] > s[1]
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import regex

HAN_RUN = regex.compile(r"\p{Han}{2,}")
# a passage this long (Han characters) found twice on the page is a quotation, not evidence
QUOTE = 12
# pseudo-count of each bigram's occurrences spread over the articles by their size: a bigram
# seen once elsewhere is weak evidence, one seen in five blocks of one article strong
SMOOTHING = 2.0


def page_bigrams(texts: Sequence[str], quote: int = QUOTE) -> list[frozenset[str]]:
    """Each text's bigrams, less those inside a passage of ``quote`` or more Han characters
    that another text on the page repeats word for word: a quotation, a formula or an OCR
    copy belongs to no article more than another, so it is no evidence either way."""
    runs = [HAN_RUN.findall(t) for t in texts]
    long_grams = []
    seen: Counter = Counter()
    for rs in runs:
        own = {r[i : i + quote] for r in rs for i in range(len(r) - quote + 1)}
        long_grams.append(own)
        seen.update(own)
    out = []
    for rs, own in zip(runs, long_grams):
        shared = {g for g in own if seen[g] > 1}
        grams = set()
        quoted = set()
        for r in rs:
            covered = [False] * len(r)
            if shared:
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
    ):
        self.grams = grams
        self.labels = list(labels)
        self.weights = list(weights) if weights is not None else [1.0] * len(grams)
        self.smoothing = smoothing
        # per bigram, its weighted count in each article; per article, the total
        self.counts: dict[str, dict[int, float]] = {}
        self.sizes: Counter = Counter()
        for gs, label, w in zip(grams, self.labels, self.weights):
            if label < 0 or w <= 0:
                continue
            self.sizes[label] += w * len(gs)
            for g in gs:
                per = self.counts.setdefault(g, {})
                per[label] = per.get(label, 0.0) + w
        self.articles = sorted(self.sizes)

    def _removed(self, leave_out: Iterable[int]) -> tuple[dict[str, dict[int, float]], Counter]:
        """Counts to take off the profiles for blocks left out of them."""
        minus: dict[str, dict[int, float]] = {}
        size_minus: Counter = Counter()
        for j in leave_out:
            label, w = self.labels[j], self.weights[j]
            if label < 0 or w <= 0:
                continue
            size_minus[label] += w * len(self.grams[j])
            for g in self.grams[j]:
                per = minus.setdefault(g, {})
                per[label] = per.get(label, 0.0) + w
        return minus, size_minus

    def scores(self, i: int, leave_out: Iterable[int] | None = None) -> dict[int, float]:
        """Affinity of block ``i`` to every article, with ``leave_out`` (default: ``i``
        itself) taken out of the profiles first."""
        return self.scores_of([i], (i,) if leave_out is None else leave_out)[0]

    def scores_of(self, blocks: Iterable[int], leave_out: Iterable[int]) -> list[dict[int, float]]:
        """Affinities of several blocks against the profiles without ``leave_out``.

        Each bigram the block shares with the page votes: the share of its occurrences in
        article k, against k's share of the page, smoothed by ``smoothing`` pseudo-counts:
        log((c_k / prior_k + a) / (n + a)).  Only differences between articles matter, so the
        part every article gets alike (the c_k = 0 case) is left out, and a bigram costs time
        only for the articles that have it.
        """
        minus, size_minus = self._removed(leave_out)
        sizes = {k: self.sizes[k] - size_minus[k] for k in self.articles}
        total = sum(sizes.values())
        if total <= 0:
            return [dict.fromkeys(self.articles, 0.0) for _ in blocks]
        # 1 / (prior_k * a): a bigram seen c times in k adds log(1 + c * scale_k)
        alpha = self.smoothing
        scale = {k: total / (max(sizes[k], 1e-9) * alpha) for k in self.articles}
        log1p = math.log1p
        results = []
        for i in blocks:
            out = dict.fromkeys(self.articles, 0.0)
            results.append(out)
            for g in self.grams[i]:
                per = self.counts.get(g)
                if not per:
                    continue
                sub = minus.get(g)
                for k, c in per.items():
                    if sub:
                        c -= sub.get(k, 0.0)
                    if c > 1e-9:
                        out[k] += log1p(c * scale[k])
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
