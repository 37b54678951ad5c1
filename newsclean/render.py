"""Renderers: Markdown articles, JSONL records, and the repair table."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .model import Article, Repair


def continuation_line(verb: str, page: int | str) -> str:
    return f"（{verb}第{page}版）" if isinstance(page, int) else f"（{verb}{page}版）"


def article_markdown(article: Article) -> str:
    """One article in the seed's heading conventions, so that parsing it again gives it back."""
    out: list[str] = []
    if article.kicker:
        out.append(f"## {article.kicker}")
    if article.title:
        out.append(f"# {article.title}")
    if article.subtitle:
        out.append(f"## {article.subtitle}")
    if article.jump_headline:
        out.append(f"## {article.jump_headline}")
    if article.continued_from is not None:
        out.append(continuation_line("上接", article.continued_from))
    out.extend(f"□ {b}" for b in article.bylines)
    for section in article.sections:
        if section.heading:
            out.append(f"### {section.heading}")
        out.extend(section.paragraphs)
    if article.continued_to is not None:
        out.append(continuation_line("下转", article.continued_to))
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
