"""Blocks -> articles.

Structure labels each block with an article number; assemble only groups them, so a filter
that regroups blocks (reorder) need only change labels and order.
"""

from __future__ import annotations

from bisect import bisect_right

from .chardata import DATELINE
from .filters.script import mostly_traditional
from .model import Article, Block, Kind, Page, Repair, Section, article_groups

# the article field each heading kind fills, and Kind's members as plain names for the loop
# over every block (an attribute of an Enum class is looked up through the metaclass's
# __getattr__ hook, several times slower than a global)
_FIELD_OF_HEADING = {
    Kind.KICKER: "kicker",
    Kind.HEADLINE: "title",
    Kind.SUBTITLE: "subtitle",
    Kind.JUMP_HEADLINE: "jump_headline",
}
_BYLINE, _SECTION, _MARKER = Kind.BYLINE, Kind.SECTION, Kind.MARKER


def assemble(page: Page, repairs: list[Repair]) -> list[Article]:
    groups = article_groups(page.blocks)
    if not groups and repairs:
        groups.append([])  # a page whose every block was removed still reports its repairs
    articles = [_article(page.source, i, blocks) for i, blocks in enumerate(groups)]
    _attach_repairs(page, groups, articles, repairs)
    # (asked only of a page with a marker to write: the test reads every block)
    continued = any(a.continued_from is not None or a.continued_to is not None for a in articles)
    if continued and mostly_traditional(page.blocks):
        for article in articles:
            article.script = "traditional"
    return articles


def _article(source: str, index: int, blocks: list[Block]) -> Article:
    """One article of ``blocks``.  The Markdown keeps each paragraph's indent (plain OCR
    indents paragraphs, and a cut's tail is set flush), so that a second reading has the
    same evidence as the first."""
    art = Article(source=source, index=index)
    section = Section(heading=None)
    art.sections.append(section)
    flags: list[str] = []
    has_body = False  # whether a section has a paragraph or a heading yet
    for block in blocks:
        if block.continued_from is not None and art.continued_from is None:
            art.continued_from = block.continued_from
        if block.continued_to is not None:
            art.continued_to = block.continued_to
        if block.flags:
            for flag in sorted(block.flags):
                if flag not in flags and not flag.startswith("_"):  # (_: a filter's own note)
                    flags.append(flag)
        kind = block.kind
        field = _FIELD_OF_HEADING.get(kind)
        if field and getattr(art, field) is None and not has_body:
            setattr(art, field, block.text)
            art.layout.append((field, block.text))
        elif field == "kicker" and art.layout and art.layout[-1][0] == "kicker":
            # a kicker printed over two lines is one kicker
            art.kicker = f"{art.kicker} {block.text}"
            art.layout[-1] = ("kicker", art.kicker)
        elif kind == _BYLINE:
            art.bylines.append(block.text)
            art.layout.append(("byline", block.text))
        elif field or kind == _SECTION:
            section = Section(heading=block.text, heading_block=block.id)
            art.sections.append(section)
            art.layout.append(("section", block.text))
            has_body = has_body or bool(block.text)  # (an empty heading is none)
        elif kind == _MARKER and not block.text:
            continue
        else:
            if art.dateline is None and not has_body:
                m = DATELINE.match(block.text)
                if m:
                    art.dateline = m.group(0).strip()
            section.paragraphs.append(block.text)
            has_body = True
            section.paragraph_blocks.append(block.id)
            art.layout.append(("indented" if block.markup else "paragraph", block.text))
    if len(art.sections) > 1 and not art.sections[0].paragraphs:
        art.sections.pop(0)
    art.flags = flags
    return art


def _attach_repairs(page, groups, articles, repairs) -> None:
    """Give each repair to the article holding its block; removed blocks go to the article
    of the nearest surviving block before them in the input."""
    owner: dict[int, int] = {}
    for gi, blocks in enumerate(groups):
        for b in blocks:
            owner[b.id] = gi
    surviving = sorted(owner)
    for repair in repairs:
        if not articles:
            break
        bid = repair.blocks[0] if repair.blocks else 0
        gi = owner.get(bid)
        if gi is None:
            pos = bisect_right(surviving, bid) - 1
            gi = owner[surviving[pos]] if pos >= 0 else owner[surviving[0]] if surviving else 0
        articles[gi].repairs.append(repair)
