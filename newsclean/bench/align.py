"""Lining the tool's articles up with a page's truth articles.

- Texts are compared with whitespace removed; "exact" means equal to the normalised truth.
- An output paragraph *is* a truth paragraph when their loose keys are equal (width and
  stray traditional characters folded); failing that, when it starts with the first 16
  characters of exactly one truth paragraph (an unjoined first half, say).
- An output article belongs to (is *owned by*) the truth article most of its paragraph text
  comes from; of the output articles a truth article owns, the one with the most text is its
  *primary* one, whose title, kicker and the like are the ones judged.
- A dateline the tool lifts out of the first paragraph is put back in front of it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .textnorm import loose_key, strict_key

TEXT_FIELDS = ("title", "kicker", "subtitle", "jump_headline")
PAGE_FIELDS = ("continued_from", "continued_to")
HEAD_CHARS = 16
MIN_HEAD_CHARS = 8
TITLE_VOTE = 50  # a matching title outweighs a short paragraph, not a whole article

Ident = tuple[int, int]  # (truth article, paragraph index within it)


@dataclass
class ArticleView:
    """One article, truth or output, as the scorer compares it."""

    fields: dict
    bylines: list[str]
    headings: list[str]
    paragraphs: list[str]  # strict keys
    raw_paragraphs: list[str]
    loose: list[str] = field(default_factory=list)
    ident: list[Ident | None] = field(default_factory=list)
    exact_ident: list[Ident | None] = field(default_factory=list)


def truth_view(a: dict) -> ArticleView:
    return _view(a, dateline=None)


def output_view(a: dict) -> ArticleView:
    return _view(a, dateline=strict_key(a.get("dateline") or ""))


def _view(a: dict, dateline: str | None) -> ArticleView:
    sections = a.get("sections") or []
    raw = [p for s in sections for p in s.get("paragraphs") or []]
    paragraphs = [strict_key(p) for p in raw]
    # the tool may lift the dateline out of the first paragraph; judge the paragraph whole
    if dateline and not paragraphs:
        paragraphs = [dateline]
    elif dateline and not paragraphs[0].startswith(dateline):
        paragraphs[0] = dateline + paragraphs[0]
    fields = {k: _key_or_none(a.get(k)) for k in TEXT_FIELDS}
    fields.update({k: page_value(a.get(k)) for k in PAGE_FIELDS})
    return ArticleView(
        fields=fields,
        bylines=[strict_key(b) for b in a.get("bylines") or []],
        headings=[strict_key(s["heading"]) for s in sections if s.get("heading")],
        paragraphs=paragraphs,
        raw_paragraphs=raw,
        loose=[loose_key(p) for p in paragraphs],
    )


def _key_or_none(text: str | None) -> str | None:
    key = strict_key(text) if text else ""
    return key or None


def page_value(value) -> int | str | None:
    """Page numbers compare as numbers whatever their printed form; A2 stays a string."""
    if value is None:
        return None
    text = strict_key(str(value)).upper()
    return int(text) if text.isdigit() else text or None


class Alignment:
    """Who is who between ``truth`` and ``output`` articles of one page."""

    def __init__(self, truth: list[ArticleView], output: list[ArticleView]):
        self.truth = truth
        self.output = output
        self.by_loose: dict[str, list[Ident]] = {}
        for ai, art in enumerate(truth):
            for pi, key in enumerate(art.loose):
                self.by_loose.setdefault(key, []).append((ai, pi))
        for art in output:
            # a text printed twice on the page ("编辑同志：") waits for _resolve_repeats
            art.exact_ident = [
                found[0] if len(found := self.by_loose.get(k, [])) == 1 else None for k in art.loose
            ]
            art.ident = [
                exact or self._by_head(key) for exact, key in zip(art.exact_ident, art.loose)
            ]
        self.owner, self.primary = self._owners()
        self._resolve_repeats()

    def _by_head(self, key: str) -> Ident | None:
        n = min(HEAD_CHARS, len(key))
        if n < MIN_HEAD_CHARS:
            return None
        found = [
            (ai, pi)
            for ai, art in enumerate(self.truth)
            for pi, t in enumerate(art.loose)
            if t.startswith(key[:n])
        ]
        return found[0] if len(found) == 1 else None

    def _owners(self) -> tuple[list[int | None], dict[int, int]]:
        owner: list[int | None] = []
        weight: dict[tuple[int, int], int] = {}
        for oi, art in enumerate(self.output):
            votes: Counter = Counter()
            for ident, key in zip(art.ident, art.loose):
                if ident:
                    votes[ident[0]] += len(key)
            title = art.fields.get("title")
            for ai, t in enumerate(self.truth):
                if title and title == t.fields.get("title"):
                    votes[ai] += TITLE_VOTE
            best = votes.most_common(1)[0][0] if votes else None
            owner.append(best)
            if best is not None:
                weight[(oi, best)] = votes[best]
        primary: dict[int, int] = {}
        for (oi, ai), w in sorted(weight.items()):
            if ai not in primary or w > weight[(primary[ai], ai)]:
                primary[ai] = oi
        return owner, primary

    def _resolve_repeats(self) -> None:
        """Give a repeated text the copy in the output article's own truth article, the one
        right after the paragraph before it if there is a choice."""
        for oi, art in enumerate(self.output):
            for k, key in enumerate(art.loose):
                found = self.by_loose.get(key, [])
                if len(found) < 2:
                    continue
                mine = [f for f in found if f[0] == self.owner[oi]] or found
                prev = art.ident[k - 1] if k else None
                after_prev = [f for f in mine if prev and f == (prev[0], prev[1] + 1)]
                art.exact_ident[k] = art.ident[k] = (after_prev or mine)[0]

    def primary_of(self, ai: int) -> ArticleView | None:
        oi = self.primary.get(ai)
        return None if oi is None else self.output[oi]

    def owned_by(self, ai: int) -> list[ArticleView]:
        return [o for oi, o in enumerate(self.output) if self.owner[oi] == ai]
