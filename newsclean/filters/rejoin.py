"""Joins a paragraph cut in two at a column break, and flags cut ends it cannot place.

A join needs both halves in one article, next to each other in reading order (after reorder),
the first without sentence-final punctuation, and positive evidence that the second goes on
mid-sentence: it opens with a mark that cannot start a sentence, or a lone character before a
comma, or the characters across the seam form a word seen elsewhere on the page (the page
is its own dictionary: 面向基|层 -> 基层, 乱占|耕地 -> 乱占耕地).  Characters across the seam
that news prose hardly ever writes together (``newsclean.language``) count against a join;
a seam reorder closed by returning a bled run for the sentence it cut counts for one.

>>> from newsclean import clean
>>> r = clean("# 题\\n\\n整体设计了面向群众、面向基\\n\\n层“三个面向”体系。基层治理。", only=("structure", "rejoin"))
>>> r.articles[0].paragraphs()
['整体设计了面向群众、面向基层“三个面向”体系。基层治理。']
"""

from __future__ import annotations

import regex

from ..chardata import (
    BYLINE,
    DATELINE,
    ENDS_BRACKETED,
    ENDS_SENTENCE,
    NON_OPENING,
    SENTENCE_FINAL,
)
from ..config import Config
from ..language import seam_pmi
from ..model import BLEED_SEAM_NOTE, Block, Kind, Page, Repair

NAME = "rejoin"

# characters across the seam that news prose rarely writes together (negative PMI, see
# newsclean.language: 设|做 1.2, 建设|议 -1.9) lower the confidence by up to RARE_SEAM, in
# full at -RARE_SEAM_SPAN; set on benchmark pages: false joins 9.5 -> 7.0 per 1,000
# paragraphs for 68.5% -> 65.7% of cuts joined
RARE_SEAM = 0.1
RARE_SEAM_SPAN = 2.0
# and characters it writes together (出|售 3.6, 一|年 1.6) raise it by up to WORD_SEAM, in
# full at WORD_SEAM_SPAN; set on benchmark pages of another generator seed than the reported
# run: cuts joined 68.8% -> 70.8% for false joins 5.3 -> 5.6 per 1,000 paragraphs
WORD_SEAM = 0.15
WORD_SEAM_SPAN = 4.0
# a seam reorder closed by moving a bled run for the sentence it cut (model.BLEED_SEAM_NOTE)
# raises a join's confidence by this; on benchmark pages of seeds 1 and 2: cuts joined
# 69.1% -> 70.3% and 70.8% -> 72.3%, false joins unchanged (5.2 -> 5.3, 4.8 -> 4.8 per 1,000
# paragraphs).  Counting any two blocks reorder made neighbours joined 0.3-0.6 points more for
# 0.4-0.6 more false joins per 1,000
BLEED_SEAM = 0.2
BARE_END = 0.15  # a long paragraph ending on a bare character (no mark) is likely cut

CLAUSE_END = regex.compile(r"[，、；,;]\s*$")
CLAUSE_PUNCT = regex.compile(r"[，。；？！,;?!]")
ENUMERATED = regex.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、])"
)
# (in brackets, or closing an item of a list of them: （刘凤山摄）；)
CREDIT_END = regex.compile(r"(?:摄|供图|制图|绘)[）)]?[；;]?$")
# HTML that VLM OCR leaves in (a table, a <br>): no sentence runs on across it
TAG_END = regex.compile(r"<[/!]?[A-Za-z][^<>]{0,60}>$")
TAG_START = regex.compile(r"^<[/!]?[A-Za-z][^<>]{0,60}>")
# a Markdown table row or bulleted item as the block's last line: an item, complete as it is
ITEM_END = regex.compile(r"(?:^|\n)[ \t]*(?:\||[-*+][ \t])[^\n]*$")
UNIT_AFTER_NUMBER = regex.compile(r"^[年月日号时分秒万亿千百元角个名人次家项件%％]")
LONE_CHAR_THEN_PUNCT = regex.compile(r"^\p{Han}[，、,；;‘’“”（(]")
HAN_ONLY = regex.compile(r"\p{Han}+")
# a text ending in one of these ends a sentence (ENDS_SENTENCE) or a bracketed note
# (ENDS_BRACKETED)
SENTENCE_FINAL_OR_BRACKET = frozenset(SENTENCE_FINAL + "）)】")
# openings that begin a paragraph: quotes, bullets, dates, enumerations, datelines
PARAGRAPH_OPENER = regex.compile(
    r"^(?:[“「『【〔《□■▲●◆◇]"
    r"|[0-9０-９]{1,4}\s*[年月日.．、]"
    r"|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}、"
    r"|(?:第[一二三四五六七八九十]{1,3}|首先|其次|此外|另外|同时|目前|据悉|据了解|记者|近日|今年|去年)"
    r")"
)


def ends_sentence(text: str) -> bool:
    # most paragraphs end on the mark itself, which settles it without a regex search
    if text and text[-1] in SENTENCE_FINAL_OR_BRACKET:
        return True
    return bool(ENDS_SENTENCE.search(text) or ENDS_BRACKETED.search(text))


def starts_mid_sentence(text: str) -> bool:
    """Whether a paragraph plainly begins inside a sentence cut off elsewhere."""
    t = text.lstrip()
    return bool(t) and (t[0] in NON_OPENING or bool(LONE_CHAR_THEN_PUNCT.match(t)))


def _seam_seen_elsewhere(left: str, right: str, corpus: str) -> int:
    """The longest seam n-gram (3 then 2 chars, spanning both sides) found elsewhere on the page."""
    tail, head = left.rstrip()[-2:], right.lstrip()[:2]
    for n in (3, 2):
        for k in range(1, n):
            a, b = tail[-k:], head[: n - k]
            if len(a) != k or len(b) != n - k:
                continue
            gram = a + b
            if not HAN_ONLY.fullmatch(gram):
                continue
            # the seam itself is never in the page text (a blank line separates it)
            if gram in corpus:
                return n
    return 0


def join_confidence(left: Block, right: Block, corpus: str, indented_page: bool = False) -> float:
    """How sure we are that ``right`` continues ``left``'s sentence.

    ``corpus`` is the page's block texts joined by newlines (so no seam is in it);
    ``indented_page`` says that paragraphs on this page open with an indent, so a block
    without one goes on from the block before.
    """
    a, b = left.text.rstrip(), right.text.lstrip()
    if (
        not a
        or not b
        or ends_sentence(a)
        or TAG_END.search(a)
        or TAG_START.match(b)
        or ITEM_END.search(a)
    ):
        return 0.0
    score = 0.35
    if a[-1] in "；;" and (b.rstrip()[-1:] in "；;" or b[0] == a.lstrip()[0]):
        score -= 0.3  # items of a list, a paragraph each: 有…；| 有…；
    elif a[-1] in "；;":
        # an item of a list (一是…；), or the last but one: a cut falls right after a
        # semicolon seldom (3 of 1,614 benchmark cuts, against 50 false joins)
        score -= 0.1
    elif a.endswith("—"):
        pass  # a dash may lead into the next paragraph: 请看——
    elif CLAUSE_END.search(a):
        score += 0.2  # a paragraph does not end on a comma
    elif a[-1] in "：:":
        score -= 0.2  # but may end on a colon: 编辑同志： / 结果公布如下：
    elif CREDIT_END.search(a):
        score -= 0.3  # a caption's credit ends it: 新华社记者 李明 摄
    elif a[-1].isalpha() and not CREDIT_END.search(a):
        # nor on a bare word (photo credits aside: 新华社记者某某摄; a figure may end a table
        # row), unless it is a short line: a lead-in or a label (图片新闻, 未雨绸缪，常备不懈)
        score += BARE_END if len(a) >= 30 else 0.05
    if len(a) <= 20 and not CLAUSE_PUNCT.search(a):
        score -= 0.35  # a short line without a clause is a heading or a label, not a cut
    elif len(a) <= 40 and ENUMERATED.match(a):
        score -= 0.4  # 二、更新观念，以城市环境聚财: a numbered section heading
    if len(b) <= 8 and not CLAUSE_PUNCT.search(b):
        score -= 0.3  # a name or a label on its own line
    if DATELINE.match(b) or BYLINE.match(b):
        score -= 0.5
    elif PARAGRAPH_OPENER.match(b):
        score -= 0.2 if b[0] in "“「『" else 0.4  # a quoted term may go on a sentence
    elif b[0] in NON_OPENING and b[0] != "—":  # ——: a list item or an attribution
        score += 0.45
    elif LONE_CHAR_THEN_PUNCT.match(b):
        score += 0.4
    elif b[0].isalnum():
        score += 0.1
    if a[-1].isdigit() and UNIT_AFTER_NUMBER.match(b):
        score += 0.3  # 7月12|日, 2800|元
    if indented_page and not right.markup and len(b) >= 15 and CLAUSE_PUNCT.search(b):
        score += 0.25  # (a table row or a heading is not indented either)
    seam = _seam_seen_elsewhere(a, b, corpus)
    score += 0.3 if seam == 3 else 0.15 if seam == 2 else 0.0
    pmi = seam_pmi(a, b)
    if pmi is not None:
        score -= RARE_SEAM * max(0.0, min(1.0, -pmi / RARE_SEAM_SPAN))
        score += WORD_SEAM * max(0.0, min(1.0, pmi / WORD_SEAM_SPAN))
    return max(0.0, min(score, 0.99))


def _join_text(a: str, b: str) -> str:
    a, b = a.rstrip(), b.lstrip()
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _joinable(prev: Block | None, block: Block) -> bool:
    return (
        prev is not None
        and prev.kind == Kind.PARAGRAPH
        and block.kind == Kind.PARAGRAPH
        and prev.article == block.article
        and prev.continued_to is None
        and block.continued_from is None
    )


def indented(page: Page) -> bool:
    """Whether the page's paragraphs open with an indent (plain OCR), most of them at least."""
    paragraphs = [b for b in page.blocks if b.kind == Kind.PARAGRAPH]
    if page.style != "plain" or not paragraphs:
        return False
    return sum(1 for b in paragraphs if b.markup) >= 0.6 * len(paragraphs)


def _join_pass(page: Page, blocks: list[Block], config: Config, repairs: list[Repair]):
    """One sweep of joins; returns the new blocks, the joinable pairs it left apart with
    their confidence, and whether anything was joined."""
    corpus = "\n".join(b.text for b in blocks)
    indented_page = indented(page)
    out: list[Block] = []
    apart: list[tuple[Block, Block, float]] = []
    for block in blocks:
        prev = out[-1] if out else None
        if _joinable(prev, block):
            confidence = join_confidence(prev, block, corpus, indented_page)
            if 0 < confidence < config.rejoin_threshold and BLEED_SEAM_NOTE in prev.flags:
                # reorder moved the run OCR read between these two for the sentence they
                # share: the seam it left is where another article's column was read into it
                confidence = min(confidence + BLEED_SEAM, 0.99)
            if confidence >= config.rejoin_threshold:
                joined = prev.with_(
                    text=_join_text(prev.text, block.text),
                    spans=prev.spans + block.spans,
                    flags=(prev.flags - {BLEED_SEAM_NOTE} | block.flags)
                    - {"truncated_end", "truncated_start"},
                    continued_to=block.continued_to,  # the 下转 page of the second half
                )
                repairs.append(
                    page.repair(
                        NAME,
                        "joined",
                        [prev, block],
                        f"column_break: {prev.text[-6:]}|{block.text[:6]} read as one sentence",
                        before=prev.text + block.text,
                        after=joined.text,
                        confidence=confidence,
                    )
                )
                out[-1] = joined
                continue
            apart.append((prev, block, confidence))
        out.append(block)
    return out, apart, len(out) < len(blocks)


def run(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    repairs: list[Repair] = []
    blocks = list(page.blocks)
    # to a fixed point: a join adds its seam to the page's own dictionary, which a second
    # run would otherwise see as new evidence
    joined_any = True
    while joined_any:
        blocks, apart, joined_any = _join_pass(page, blocks, config, repairs)
    # the last sweep joined nothing: the pairs it left apart are the page's pairs as they
    # stand, weighed against the same page text
    for prev, block, confidence in apart:
        if confidence >= 0.4:
            repairs.append(
                page.repair(
                    NAME,
                    "flagged",
                    [prev, block],
                    f"possible_split: {prev.text[-6:]}|{block.text[:6]} may be one sentence "
                    f"(confidence {confidence:.2f} below {config.rejoin_threshold})",
                    before="",
                    after="",
                    confidence=confidence,
                )
            )
    return page.with_blocks(_flag_cut_ends(page, blocks, repairs)), repairs


def _flag_cut_ends(page: Page, blocks: list[Block], repairs: list[Repair]) -> list[Block]:
    """Mark paragraphs left cut off at either end, with no partner found on the page."""
    out = []
    for i, b in enumerate(blocks):
        if b.kind != Kind.PARAGRAPH:
            out.append(b)
            continue
        flags = set()
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        last_of_article = nxt is None or nxt.article != b.article
        text = b.text.rstrip()
        if (
            not ends_sentence(text)
            # a credit, an HTML table, a Markdown table or list
            and not (CREDIT_END.search(text) or TAG_END.search(text) or ITEM_END.search(text))
            and b.continued_to is None
            and (last_of_article or nxt.kind == Kind.PARAGRAPH and len(b.text) >= 20)
        ):
            flags.add("truncated_end")
        if starts_mid_sentence(b.text) and b.continued_from is None:
            flags.add("truncated_start")
        new = flags - b.flags
        if new:
            for flag in sorted(new):
                repairs.append(
                    page.repair(
                        NAME,
                        "flagged",
                        [b],
                        f"{flag}: "
                        + (
                            f"ends without sentence punctuation: …{b.text[-8:]}"
                            if flag == "truncated_end"
                            else f"starts mid-sentence: {b.text[:8]}…"
                        ),
                        before="",
                        after="",
                        confidence=0.8,
                    )
                )
            b = b.flagged(*new)
        out.append(b)
    return out
