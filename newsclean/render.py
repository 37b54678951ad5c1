"""Renderers: Markdown articles, JSONL records, and the repair table."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .model import Article, Repair


def continuation_line(verb: str, page: int | str) -> str:
    return f"（{verb}第{page}版）" if isinstance(page, int) else f"（{verb}{page}版）"


# the verbs of the marker lines fix writes, by the page's script (上接 is written alike in both)
MARKER_VERBS = {"simplified": ("上接", "下转"), "traditional": ("上接", "下轉")}


HEADING_ROLES = ("kicker", "title", "subtitle", "jump_headline")
MARKUP = {
    "kicker": "## ",
    "title": "# ",
    "subtitle": "## ",
    "jump_headline": "## ",
    "section": "### ",
    "byline": "□ ",
    "paragraph": "",
    "indented": "\u3000\u3000",  # a paragraph that opened with an indent
}


def article_markdown(article: Article) -> str:
    """One article in the seed's heading conventions, in its reading order, so that parsing
    the output again gives the same article back."""
    out: list[str] = []
    comes_from, goes_to = MARKER_VERBS[article.script]
    marker_pending = article.continued_from is not None
    for role, text in article.layout:
        if marker_pending and role not in HEADING_ROLES:
            out.append(continuation_line(comes_from, article.continued_from))
            marker_pending = False
        if text.endswith("#") and MARKUP[role].startswith("#"):
            text += " #"  # a closing sequence, so that the text's own #s are read as text
        out.append(MARKUP[role] + text)
    if marker_pending:
        out.append(continuation_line(comes_from, article.continued_from))
    if article.continued_to is not None:
        out.append(continuation_line(goes_to, article.continued_to))
    return "\n\n".join(out)


def markdown(articles: Iterable[Article]) -> str:
    parts = [article_markdown(a) for a in articles]
    text = "\n\n".join(p for p in parts if p)
    return text + "\n" if text else ""


def jsonl(articles: Iterable[Article]) -> str:
    return "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles)


def repairs_jsonl(source: str, repairs: Iterable[Repair]) -> str:
    return "".join(
        json.dumps({"source": source, **r.to_dict()}, ensure_ascii=False) + "\n" for r in repairs
    )
