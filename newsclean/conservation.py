"""The "nothing lost, nothing invented" account of one cleaned page.

Every non-whitespace character of the input's content must be in the output articles, or in
a repair record's ``before`` (what a filter took out); every output character must be in the
input or in a repair's ``after``.  Markup the parser strips (``#``, ``□``, indents) is
accounted for separately by the parser's own round-trip.
"""

from __future__ import annotations

from collections import Counter

from .model import Article, Page, Repair


def content_chars(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


def article_chars(articles: list[Article]) -> Counter:
    total: Counter = Counter()
    for a in articles:
        for field in (a.kicker, a.title, a.subtitle, a.jump_headline, *a.bylines):
            if field:
                total.update(content_chars(field))
        for s in a.sections:
            if s.heading:
                total.update(content_chars(s.heading))
            for p in s.paragraphs:
                total.update(content_chars(p))
    return total


def account(
    parsed: Page, articles: list[Article], repairs: list[Repair]
) -> tuple[Counter, Counter]:
    """Return (lost, invented) character counts; both empty when the books balance."""
    expected = Counter()
    for block in parsed.blocks:
        expected.update(content_chars(block.text))
    for r in repairs:  # every record, flags and parsed markers too: each must balance
        expected.update(content_chars(r.after))
        expected.subtract(content_chars(r.before))
    got = article_chars(articles)
    lost = Counter({c: n for c, n in (expected - got).items() if n > 0})
    invented = Counter({c: n for c, n in (got - expected).items() if n > 0})
    # a negative expected count means a repair claims to remove text that was never there
    invented.update({c: -n for c, n in expected.items() if n < 0})
    return lost, invented
