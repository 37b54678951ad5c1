"""Finds headlines, kickers, subtitles, jump headlines, bylines and sections, and labels articles.

Markdown headings follow the seed's conventions: ``#`` is a headline; ``##`` is a kicker directly above a headline, a subtitle directly below one, the jump
headline of a continued piece when a continuation marker follows it, and otherwise a headline
(when a byline or dateline follows) or a section heading.  Plain OCR headlines (short lines
without sentence punctuation) are grouped the same way.  No text changes here, so this filter
records no repairs.

>>> from newsclean import parse
>>> from newsclean.config import Config
>>> page, _ = run(parse("## 引题\\n\\n# 标题\\n\\n## 副题\\n\\n正文。"), Config())
>>> [b.kind.value for b in page.blocks]
['kicker', 'headline', 'subtitle', 'paragraph']
"""

from __future__ import annotations

from ..chardata import (
    BYLINE,
    CONTINUED_FROM_VERBS,
    DATELINE,
    MARKER_AT_START,
    MARKER_ONLY,
)
from ..config import Config
from ..model import HEADING_KINDS, Block, Kind, Page, Repair

NAME = "structure"

# Kind's members as plain names for the loops over every block: an attribute of an Enum class
# is looked up through the metaclass's __getattr__ hook, several times slower than a global
_PARAGRAPH, _SECTION, _MARKER = Kind.PARAGRAPH, Kind.SECTION, Kind.MARKER
_KICKER, _HEADLINE, _JUMP_HEADLINE = Kind.KICKER, Kind.HEADLINE, Kind.JUMP_HEADLINE
_SUBTITLE = Kind.SUBTITLE
_BYLINE = Kind.BYLINE


def continuation_verb(block: Block) -> str | None:
    """The verb of a continuation marker the block is, or starts with (上接, 下转, ...)."""
    if "版" not in block.text:  # every marker ends in 版; most blocks are spared the regex
        return None
    m = MARKER_ONLY.match(block.text) or (
        MARKER_AT_START.match(block.text) if block.kind == _PARAGRAPH else None
    )
    return m.group("verb") if m else None


def _opens_article_body(block: Block | None) -> bool:
    if block is None:
        return False
    if block.kind == _BYLINE:
        return True
    return block.kind == _PARAGRAPH and bool(DATELINE.match(block.text))


def _classify_markdown_headings(blocks: list[Block]) -> list[Block]:
    # absolute levels, as fix writes them: reading levels relative to the page would make a
    # page whose output has no "#" headline parse differently the second time
    top = 1
    out = list(blocks)
    for i, b in enumerate(out):
        if b.level == 0:
            continue
        if MARKER_ONLY.match(b.text):
            out[i] = b.with_(kind=_MARKER)
            continue
        rel = b.level - top
        out[i] = b.with_(kind=_HEADLINE if rel == 0 else _SECTION)
    for i, b in enumerate(out):
        if b.level == 0 or b.level <= top or b.kind == _MARKER:
            continue
        prev = out[i - 1] if i > 0 else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        # (a stack of ## lines over a headline is its kickers, unless it hangs under another
        # headline: then the first is that one's subtitle)
        j = i + 1
        if b.level == top + 1 and not (prev is not None and prev.kind == _HEADLINE):
            while j < len(out) and out[j].level == top + 1 and out[j].kind != _MARKER:
                j += 1
        ahead = out[j] if j < len(out) else None
        over_headline = ahead is not None and ahead.kind == _HEADLINE and ahead.level == top
        # ### is what fix writes for a section heading, and stays one; #### or deeper right
        # over a headline is its 引题, as ## is
        if b.level == top + 2 or (b.level > top + 1 and not over_headline):
            continue
        if over_headline:
            kind = _KICKER
        elif prev is not None and prev.kind == _HEADLINE and prev.level == top:
            kind = _SUBTITLE
        elif nxt is not None and (nxt.kind == _MARKER or continuation_verb(nxt)):
            kind = _JUMP_HEADLINE
        elif (
            prev is not None
            and prev.kind == _MARKER
            and continuation_verb(prev) in CONTINUED_FROM_VERBS
        ):
            kind = _JUMP_HEADLINE  # printed under its 上接 line rather than over it
        elif _opens_article_body(nxt):
            kind = _HEADLINE
        else:
            kind = _SECTION
        out[i] = b.with_(kind=kind)
    return out


PARALLEL_MIN = 3  # lone lines alike before they are read as one article's section headings
SECTION_MAX_CHARS = 12


def _parallel_sections(blocks: list[Block]) -> set[int]:
    """Positions of lone plain-OCR headline lines that are one article's section headings:
    three or more of the same length and last character (党建引领激发效能 / 科技助力释放动能 /
    制度保障挖掘潜能), each followed by ordinary text rather than a byline or dateline, after
    an article has opened."""
    lone = []
    for i, b in enumerate(blocks):
        if not (b.kind == _HEADLINE and b.level == 0) or len(b.text) > SECTION_MAX_CHARS:
            continue
        prev = blocks[i - 1] if i else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        alone = not (prev and prev.kind == _HEADLINE) and not (nxt and nxt.kind == _HEADLINE)
        body_follows = nxt is not None and nxt.kind == _PARAGRAPH
        if alone and i > 0 and body_follows and not _opens_article_body(nxt):
            lone.append(i)
    families: dict[tuple[int, str], list[int]] = {}
    for i in lone:
        text = blocks[i].text.replace(" ", "")
        families.setdefault((len(text), text[-1]), []).append(i)
    return {i for members in families.values() if len(members) >= PARALLEL_MIN for i in members}


def _classify_plain_headings(blocks: list[Block]) -> list[Block]:
    """Plain OCR: runs of short unpunctuated lines (level 0 headlines from the parser)."""
    out = list(blocks)
    sections = _parallel_sections(out)
    i = 0
    while i < len(out):
        if not (out[i].kind == _HEADLINE and out[i].level == 0):
            i += 1
            continue
        j = i
        while j < len(out) and out[j].kind == _HEADLINE and out[j].level == 0:
            j += 1
        group = out[i:j]
        nxt = out[j] if j < len(out) else None
        if nxt is not None and (MARKER_ONLY.match(nxt.text) or continuation_verb(nxt)):
            kinds = [_KICKER] * (len(group) - 1) + [_JUMP_HEADLINE]
        elif len(group) == 1:
            # a lone short line is a headline: plain OCR gives no sign that sets a section
            # heading apart (half of all headlines run to 12 characters or fewer), and
            # calling a headline a section would merge two articles; the exception is a set
            # of parallel section headings (see _parallel_sections)
            kinds = [_SECTION if i in sections else _HEADLINE]
        else:
            main = max(range(len(group)), key=lambda k: (len(group[k].text.lstrip("—-")), -k))
            if group[main].text.startswith(("—", "-")):
                main = 0
            kinds = [
                _KICKER if k < main else _HEADLINE if k == main else _SUBTITLE
                for k in range(len(group))
            ]
        for k, kind in enumerate(kinds):
            out[i + k] = group[k].with_(kind=kind)
        i = j
    return out


def _classify_lines(blocks: list[Block]) -> list[Block]:
    out = []
    for b in blocks:
        kind, text = b.kind, b.text
        # (a section heading too: a bold 上接 line on a plain page)
        if kind in (_PARAGRAPH, _SECTION) and "版" in text and MARKER_ONLY.match(text):
            b = b.with_(kind=_MARKER)  # 版 as in continuation_verb
        elif (
            kind == _PARAGRAPH
            and "\n" not in text
            # a byline is names and role words: a comma or full stop rules it out, and most
            # paragraphs have one, cheaper to find than to try the pattern
            and "，" not in text
            and "。" not in text
            and BYLINE.match(text)
        ):
            b = b.with_(kind=_BYLINE)
        out.append(b)
    return out


def label_articles(blocks: list[Block]) -> list[Block]:
    """Give every block an article number; anchors are headline groups and 上接 pieces."""
    out: list[Block] = []
    article = -1
    prev: Block | None = None
    marker_below_heading = False  # prev is the （上接第N版） line fix writes under headings
    for b in blocks:
        kind = b.kind
        starts = False
        if kind == _KICKER:
            starts = prev is None or prev.kind != _KICKER  # (a kicker of two lines)
        elif kind == _JUMP_HEADLINE:
            starts = True
        elif kind == _HEADLINE:
            starts = prev is None or prev.kind != _KICKER
        elif kind in (_MARKER, _PARAGRAPH) and "版" in b.text:
            # (a block without 版 is no marker: see continuation_verb)
            verb = continuation_verb(b)
            below_heading = prev is not None and prev.kind in HEADING_KINDS
            # a paragraph opening with 上接 under that line is still the same piece
            starts = verb in CONTINUED_FROM_VERBS and not (
                below_heading or (kind == _PARAGRAPH and marker_below_heading)
            )
        if starts or article < 0:
            article += 1
        out.append(b if b.article == article else b.with_(article=article))
        marker_below_heading = (
            kind == _MARKER
            and prev is not None
            and prev.kind in HEADING_KINDS
            and continuation_verb(b) in CONTINUED_FROM_VERBS
        )
        prev = b
    return out


def run(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    blocks = list(page.blocks)
    blocks = _classify_lines(blocks)
    if page.style == "markdown":
        blocks = _classify_markdown_headings(blocks)
    else:
        blocks = _classify_plain_headings(blocks)
    return page.with_blocks(label_articles(blocks)), []
