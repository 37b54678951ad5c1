"""Reading the article corpus and grouping it into newspaper pages.

The corpus is JSONL, one article a line: ``id, date, page, article_no, title, paragraphs``.
Articles that share ``date`` and ``page`` were printed on the same page; the benchmark keeps
them together so bled paragraphs and continuations stay on topic, as on a real page.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..chardata import both_scripts
from .textnorm import to_simplified

# a leading line that names the reporters rather than telling the news
REPORTER_LINE = re.compile(
    both_scripts(r"^(本报(驻\S{1,8})?(特约)?记者|新华社(驻\S{1,8})?记者|本报通讯员)\S{2,20}$")
)
NAME_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
SENTENCE_PUNCT = re.compile(r"[，。；：？！,;:?!]")
SHORT_PARAGRAPH = 12
# a paragraph repeated on one page cannot be told from an OCR copy, so such articles are left
# out; shorter ones ("图片：") are below any sane duplicate threshold and do no harm
REPEAT_CHECK_MIN = 6
# past this share of its characters changed by t2s, a corpus is in traditional script (a
# simplified one has about 1%: 乾, 瞭 and the like)
TRADITIONAL_CORPUS_SHARE = 0.1


@dataclass(frozen=True)
class SourceArticle:
    """One corpus article, its leading byline lines split off.

    ``units`` are ``(is_heading_like, text)``: short unpunctuated lines inside the body read
    as section headings, which Markdown pages print as ``###``.
    """

    id: str
    date: str
    page: int
    title: str
    reporter_lines: tuple[str, ...]
    author: str | None
    units: tuple[tuple[bool, str], ...]

    @property
    def paragraph_count(self) -> int:
        return len(self.units)


def load_corpus(path: str | Path) -> list[SourceArticle]:
    """Articles usable on a benchmark page, in corpus order."""
    with Path(path).open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    unstable = _unstable_chars(records)
    articles = []
    for rec in records:
        paragraphs = [p for p in rec.get("paragraphs") or [] if p.strip()]
        title = (rec.get("title") or "").strip()
        # untitled one-paragraph items are captions and briefs: nothing marks where they start
        if not title or not paragraphs:
            continue
        # 乾/藉 and the like have two correct simplified readings; the tool may change them
        if unstable and any(ch in unstable for ch in title + "".join(paragraphs)):
            continue
        if _is_verse_or_table(paragraphs):
            continue
        article = _split_lead(rec, title, paragraphs)
        if article.units:
            articles.append(article)
    return articles


def _unstable_chars(records: list[dict]) -> set[str]:
    """Characters t2s would change: on a simplified page they are stray traditional ones the
    tool converts, so an article using one as printed (乾隆) cannot be expected back as is.
    None on a traditional corpus, whose pages the tool leaves in their script."""
    chars = set()
    for rec in records:
        chars.update(rec.get("title") or "")
        for p in rec.get("paragraphs") or []:
            chars.update(p)
    han = [ch for ch in chars if ord(ch) > 0x2E7F]
    changed = {ch for ch in han if to_simplified(ch) != ch}
    # a corpus in traditional script makes pages the tool leaves in their script
    if len(changed) > TRADITIONAL_CORPUS_SHARE * len(han):
        return set()
    return changed


def _is_verse_or_table(paragraphs: list[str]) -> bool:
    short = sum(len(p) < SHORT_PARAGRAPH for p in paragraphs)
    return len(paragraphs) >= 3 and short * 2 > len(paragraphs)


def _split_lead(rec: dict, title: str, paragraphs: list[str]) -> SourceArticle:
    reporters: list[str] = []
    author = None
    i = 0
    while i < min(2, len(paragraphs) - 1) and REPORTER_LINE.match(paragraphs[i]):
        reporters.append(paragraphs[i])
        i += 1
    if not reporters and len(paragraphs) > 1 and NAME_ONLY.match(paragraphs[0]):
        author = paragraphs[0]
        i = 1
    body = paragraphs[i:]
    units = tuple((_heading_like(body, k), p) for k, p in enumerate(body))
    return SourceArticle(
        id=str(rec.get("id", "")),
        date=str(rec.get("date", "")),
        page=int(rec.get("page") or 0),
        title=title,
        reporter_lines=tuple(reporters),
        author=author,
        units=units,
    )


def _heading_like(body: list[str], k: int) -> bool:
    text = body[k]
    if k == 0 or k == len(body) - 1 or not 2 <= len(text) <= 20:
        return False
    if SENTENCE_PUNCT.search(text) or text[-1] in "）)”』》":
        return False
    # two headings in a row would leave an empty section; read the first as text
    nxt = body[k + 1]
    return len(nxt) > 20 or bool(SENTENCE_PUNCT.search(nxt))


def group_by_page(articles: list[SourceArticle]) -> list[list[SourceArticle]]:
    """Articles of each printed page, pages in corpus order, repeated paragraphs dropped."""
    pages: dict[tuple[str, int], list[SourceArticle]] = defaultdict(list)
    for article in articles:
        pages[(article.date, article.page)].append(article)
    grouped = []
    for members in pages.values():
        seen: set[str] = set()
        kept = []
        for article in members:
            texts = [t for _, t in article.units if len(t) >= REPEAT_CHECK_MIN]
            if seen.intersection(texts) or len(set(texts)) != len(texts):
                continue
            seen.update(texts)
            kept.append(article)
        if kept:
            grouped.append(kept)
    return grouped
