"""Fit the weights of rejoin's join model on generated pages.

    python -m newsclean.bench.fit_joins --seed 11 --pages 3000 [--check-seed 2] [--only NAMES]

Every pair of neighbouring paragraphs rejoin weighs on a page (``rejoin.join_evidence``) is
labelled by the page's truth: a cut when the end of the first and the start of the second
read on in one truth paragraph.  A logistic regression (Newton's method, a little L2) fitted
on them prints ``JOIN_BIAS`` and ``JOIN_WEIGHTS`` for ``newsclean/filters/rejoin.py``; with
``--check-seed`` it also counts, on pages of that seed, the cuts joined and the false joins
of the current weights and of the fitted ones at rejoin's threshold.  ``--only`` fits the
named weights with the rest of the model held (a new term added to a fitted model).
"""

from __future__ import annotations

import argparse
import math
import sys

import regex
from opencc import OpenCC

from .. import clean
from ..config import Config
from ..filters import rejoin
from .__main__ import DEFAULT_CORPUS, resolve_corpus
from .corpus import load_corpus
from .generate import generate_pages

KEY = regex.compile(r"[\p{Han}A-Za-z0-9０-９Ａ-Ｚａ-ｚ]")
SEAM_CHARS = 10  # characters each side of the seam that must read on in a truth paragraph
L2 = 1.0
ROUNDS = 12


def _key(text: str, t2s: OpenCC) -> str:
    return "".join(KEY.findall(t2s.convert(text)))


def labelled_pairs(pages, t2s: OpenCC) -> list[tuple[dict[str, float], bool]]:
    """(evidence, is a cut) for every pair rejoin weighs on ``pages``."""
    found: list[tuple[str, str, dict[str, float]]] = []
    weigh = rejoin.join_confidence

    def recording(left, right, corpus, indented_page=False, cut_ends=None):
        evidence = rejoin.join_evidence(left, right, corpus, indented_page, cut_ends)
        if evidence is not None:
            found.append((left.text, right.text, evidence))
        return weigh(left, right, corpus, indented_page, cut_ends)

    out = []
    # rejoin looks the name up at each call, so this records the pairs its sweeps weigh and
    # no call from elsewhere
    rejoin.join_confidence = recording
    try:
        for page in pages:
            found.clear()
            clean(page.text, source=page.id)
            truth = "\0".join(
                _key(p, t2s)
                for article in page.truth["articles"]
                for section in article["sections"]
                for p in section["paragraphs"]
            )
            seen = set()
            for left, right, evidence in found:
                if (left, right) in seen:
                    continue
                seen.add((left, right))
                a, b = _key(left, t2s), _key(right, t2s)
                if a and b:
                    out.append((evidence, a[-SEAM_CHARS:] + b[:SEAM_CHARS] in truth))
    finally:
        rejoin.join_confidence = weigh
    return out


def fit(
    rows: list[tuple[dict[str, float], bool]],
    names: list[str],
    held: tuple[float, dict[str, float]] | None = None,
) -> list[float]:
    """Logistic regression weights (the bias last) by Newton's method with an L2 penalty; with
    ``held`` (a bias and weights), only ``names`` are fitted, the rest of the model held, and
    the bias returned is the held one."""
    xs = [[e[n] for n in names] + [1.0] for e, _ in rows]
    ys = [1.0 if cut else 0.0 for _, cut in rows]
    offsets = [0.0] * len(rows)
    if held is not None:
        bias, weights = held
        offsets = [
            bias + sum(weights[k] * v for k, v in e.items() if k not in names) for e, _ in rows
        ]
        xs = [x[:-1] + [0.0] for x in xs]  # (the bias is held: its column is left empty)
    d = len(names) + 1
    w = [0.0] * d
    for _ in range(ROUNDS):
        grad = [L2 * wi for wi in w[:-1]] + [0.0]
        hess = [[(L2 if i == j and i < d - 1 else 0.0) for j in range(d)] for i in range(d)]
        for x, y, offset in zip(xs, ys, offsets):
            z = offset + sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
            g, h = p - y, p * (1.0 - p)
            nz = [(i, xi) for i, xi in enumerate(x) if xi]
            for i, xi in nz:
                grad[i] += g * xi
                row = hess[i]
                for j, xj in nz:
                    row[j] += h * xi * xj
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
    if held is not None:
        w[-1] = held[0]
    return w


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b, by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [bi] for row, bi in zip(a, b)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col and m[r][col]:
                f = m[r][col] / m[col][col]
                m[r] = [v - f * c for v, c in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] if abs(m[i][i]) >= 1e-12 else 0.0 for i in range(n)]


def _count(rows, bias: float, weights: dict[str, float], threshold: float) -> tuple[int, int]:
    joined = false = 0
    for e, cut in rows:
        if rejoin.join_probability(e, bias, weights) >= threshold:
            joined += cut
            false += not cut
    return joined, false


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--check-seed", type=int)
    parser.add_argument(
        "--only", metavar="NAMES", help="fit only these weights (comma-separated), the rest held"
    )
    args = parser.parse_args(argv)
    articles = load_corpus(resolve_corpus(args.corpus))
    t2s = OpenCC("t2s")
    rows = labelled_pairs(generate_pages(articles, args.seed, pages=args.pages), t2s)
    if args.only:
        names = [n.strip() for n in args.only.split(",")]
        w = fit(rows, names, held=(rejoin.JOIN_BIAS, rejoin.JOIN_WEIGHTS))
        fitted = {**rejoin.JOIN_WEIGHTS, **dict(zip(names, w[:-1]))}
    else:
        names = sorted(rejoin.JOIN_WEIGHTS)
        w = fit(rows, names)
        fitted = dict(zip(names, w[:-1]))
    print(f"# {len(rows)} pairs, {sum(c for _, c in rows)} cuts (seed {args.seed})")
    print(f"JOIN_BIAS = {w[-1]:.2f}")
    for name, value in fitted.items():
        print(f'    "{name}": {value:.2f},')
    if args.check_seed is not None:
        check = labelled_pairs(generate_pages(articles, args.check_seed, pages=args.pages), t2s)
        threshold = Config().rejoin_threshold
        cuts = sum(c for _, c in check)
        for label, bias, weights in (
            ("current", rejoin.JOIN_BIAS, rejoin.JOIN_WEIGHTS),
            ("fitted", w[-1], fitted),
        ):
            joined, false = _count(check, bias, weights, threshold)
            print(f"seed {args.check_seed}, {label}: {joined} of {cuts} cuts joined, {false} false")
    return 0


if __name__ == "__main__":
    sys.exit(main())
