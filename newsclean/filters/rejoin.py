"""Joins a paragraph cut in two at a column break, and flags cut ends it cannot place.

A join needs both halves in one article, next to each other in reading order (after reorder),
the first without sentence-final punctuation, and evidence that the second goes on
mid-sentence, weighed by a logistic model (``JOIN_WEIGHTS``): it opens with a mark that cannot
start a sentence, or a lone character before a comma; the first ends on a comma; the
characters across the seam form a word seen elsewhere on the page (the page is its own
dictionary: 面向基|层 -> 基层, 乱占|耕地 -> 乱占耕地) or one news prose writes often
(``newsclean.language``), and news prose seldom ends a clause after the first half's last
character; a seam reorder closed by returning a bled run for the sentence it cut.  Against
a join count a label or a heading (short, no clause), a lead-in ending on a colon, a dateline
or an enumeration opening the second block, and characters news prose hardly ever writes
together.

>>> from newsclean import clean
>>> r = clean("# 题\\n\\n整体设计了面向群众、面向基\\n\\n层“三个面向”体系。基层治理。", only=("structure", "rejoin"))
>>> r.articles[0].paragraphs()
['整体设计了面向群众、面向基层“三个面向”体系。基层治理。']
"""

from __future__ import annotations

import math

import regex

from ..chardata import (
    BYLINE,
    BYLINE_MARK,
    BYLINE_MAX_CHARS,
    CONTINUED_FROM_VERBS,
    DATELINE,
    ENDS_BRACKETED,
    ENDS_SENTENCE,
    MARKER,
    NON_OPENING,
    OPENS_PARAGRAPH,
    SENTENCE_FINAL,
    both_scripts,
    may_hold_marker,
)
from ..config import Config
from ..language import clause_end_logit, clause_start_logit, seam_pmi
from ..model import BLEED_SEAM_NOTE, Block, Kind, Page, Repair

NAME = "rejoin"

# A join's confidence is a logistic model over the evidence at the seam (``join_evidence``),
# its weights fitted on benchmark pages (``python -m newsclean.bench.fit_joins``: pairs of
# neighbouring paragraphs of generator seed 11, each labelled by whether the page's truth
# reads them as one paragraph).  Against the hand-set weights it replaced, on the benchmark
# (pages of seeds 1 and 2, none used in the fit): cuts joined 70.3% -> 72.9% and 72.3% ->
# 75.4%, false joins 5.3 -> 4.6 and 4.8 -> 3.8 per 1,000 paragraphs.  indented_b was added
# later, fitted with the rest held (``--only indented_b``): 2,538 pairs with an indented second
# block on a page that indents, none of them a cut; false joins 2.0 -> 1.5 per 1,000 (seed 1),
# cuts joined unchanged.  opens_a likewise (``--only opens_a``): on seed 2 pages 936 -> 948 of
# 1,097 cuts joined, false joins 36 -> 40.  no_rival too, with rejoin's threshold raised from
# 0.6 to 0.65 to keep the false joins down: on seed 2 pages 911 -> 986 cuts joined at 0.65,
# false joins 36 -> 51 (948 and 40 at 0.6 without it).  Each weight is in log odds; the
# evidence terms are 0/1 unless said.
JOIN_BIAS = -4.78
JOIN_WEIGHTS = {
    # the first block's end
    "clause_end": 3.24,  # a comma or 、: a paragraph does not end on one
    "semicolon": -0.73,  # an item of a list (一是…；), or the last but one
    "semicolon_list": -1.14,  # items alike, each a paragraph: 有…；| 有…；
    "colon": -2.13,  # a lead-in may end on a colon: 编辑同志： / 结果公布如下：
    "dash": -0.91,  # a dash may lead into the next paragraph: 请看——
    "credit": -0.86,  # a caption's credit ends it: 新华社记者 李明 摄
    "bare_long": 0.74,  # a long paragraph ending on a bare character
    "bare_short": -0.99,  # a short one: a lead-in or a label (图片新闻)
    "short_label": -1.99,  # 20 characters or fewer, no clause: a heading or a label
    "numbered_heading": -0.74,  # 二、更新观念，以城市环境聚财
    "open_bracket": 0.99,  # a quotation or bracket opened and not closed
    "opens_a": 4.38,  # a dateline or a caption opens it: a paragraph's first words, cut short
    # the second block's start
    "short_b": -1.84,  # 8 characters or fewer, no clause: a name or a label
    "dateline_b": -2.66,  # a dateline or a byline opens an article
    "quote_b": -0.39,  # an opening quote mostly opens a paragraph
    "opener_b": -0.68,  # a bullet, a date, an enumeration, 首先, 此外 …
    "non_opening_b": 5.25,  # a mark no sentence opens with: ，。）…
    "lone_char_b": 0.71,  # a lone character before a comma: 层，
    "alnum_b": 0.27,  # any other letter or character
    "close_bracket_b": 1.16,  # closes a quotation or bracket it did not open
    "ends_sentence_b": 2.57,  # the second half ends its paragraph as a paragraph ends
    "flush_b": 4.29,  # not indented on a page that indents its paragraphs
    "indented_b": -3.78,  # indented there: it opens a paragraph
    # across the seam
    "number_unit": 2.77,  # 7月12|日, 2800|元
    "digits": 2.42,  # 69／7|0次: a number cut in two
    "seam_word3": 1.64,  # a word of three characters across it seen elsewhere on the page
    "seam_word2": 1.43,  # ... of two (面向基|层 -> 基层)
    "rare_pair": -1.93,  # news prose hardly writes the two characters together (0-1)
    "usual_pair": 1.44,  # it writes them together often (0-1)
    "clause_end_a": -0.22,  # how readily prose ends a clause after the last character (log odds)
    "clause_start_b": -0.59,  # ... opens one with the first character (log odds)
    "bleed_seam": 1.30,  # reorder moved a bled run out from between the two (BLEED_SEAM_NOTE)
    "no_rival": 1.26,  # no other paragraph of the page ends cut off: the second has no other head
}
# the PMI of the two characters across the seam (``newsclean.language``) gives rare_pair in
# full at -RARE_SEAM_SPAN, usual_pair at USUAL_SEAM_SPAN
RARE_SEAM_SPAN = 2.0
USUAL_SEAM_SPAN = 4.0

OPENING_CHARS = 30  # a cut this close to a paragraph's start leaves its opening words alone
DATE_OPENING = regex.compile(r"^[0-9０-９]{1,4}\s*[年月日]")
FIRST_SENTENCE_ENDS = regex.compile(r"[。！？!?]")
CLAUSE_END = regex.compile(r"[，、；,;]\s*$")
CLAUSE_PUNCT = regex.compile(r"[，。；？！,;?!]")
SENTENCE_OR_CLAUSE = regex.compile(r"[，。；？！、：,;?!:]")
ENUMERATED = regex.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、])"
)
# (in brackets, or closing an item of a list of them: （刘凤山摄）；), or a reporter's name
# closing a piece (…》记者张大和), or the editors signing a note (…园》。———编者)
CREDIT_END = regex.compile(
    both_scripts(
        r"(?:(?:摄|供图|制图|绘)[）)]?[；;]?|(?:记者|通讯员)[ \u3000]?\p{Han}{2,3}[）)]?"
        r"|[—－-]{1,3}[ \u3000]?编者[）)]?)$"
    )
)
# HTML that VLM OCR leaves in (a table, a <br>): no sentence runs on across it
TAG_END = regex.compile(r"<[/!]?[A-Za-z][^<>]{0,60}>$")
TAG_START = regex.compile(r"^<[/!]?[A-Za-z][^<>]{0,60}>")
# a Markdown table row or bulleted item as the block's last line: an item, complete as it is
ITEM_END = regex.compile(r"(?:^|\n)[ \t]*(?:\||[-*+][ \t])[^\n]*$")
UNIT_AFTER_NUMBER = regex.compile(both_scripts(r"^[年月日号时分秒万亿千百元角个名人次家项件%％]"))
# (not a numbered item: 一、要加强…)
LONE_CHAR_THEN_PUNCT = regex.compile(r"^(?![一二三四五六七八九十]、)\p{Han}[，、,；;‘’“”（(]")
HAN_ONLY = regex.compile(r"\p{Han}+")
BRACKETS = (("“", "”"), ("（", "）"), ("《", "》"), ("「", "」"), ("『", "』"))
# a text ending in one of these ends a sentence (ENDS_SENTENCE) or a bracketed note
# (ENDS_BRACKETED)
SENTENCE_FINAL_OR_BRACKET = frozenset(SENTENCE_FINAL + "）)】")
# openings that begin a paragraph: quotes, bullets, dates, enumerations, datelines
OPENING_MARKS = frozenset("“‘「『《〈（(【〔")
PARAGRAPH_OPENER = regex.compile(
    both_scripts(
        r"^(?:[“「『【〔《□■▲●◆◇]"
        r"|[0-9０-９]{1,4}\s*(?:[年月日、]|[.．](?![0-9０-９]))"
        r"|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]"
        r"|[一二三四五六七八九十]{1,3}、"
        r"|(?:第[一二三四五六七八九十]{1,3}|首先|其次|此外|另外|同时|目前|据悉|据了解|记者|近日|今年"
        r"|去年|编者按|编者的话)"
        r")"
    )
)


def ends_sentence(text: str) -> bool:
    # most paragraphs end on the mark itself, which settles it without a regex search
    if text and text[-1] in SENTENCE_FINAL_OR_BRACKET:
        return True
    return bool(ENDS_SENTENCE.search(text) or ENDS_BRACKETED.search(text))


def starts_mid_sentence(text: str) -> bool:
    """Whether a paragraph plainly begins inside a sentence cut off elsewhere."""
    t = text.lstrip()
    if t.startswith("!["):
        return False  # a Markdown image
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


def join_evidence(
    left: Block, right: Block, corpus: str, indented_page: bool = False, cut_ends: int | None = None
) -> dict[str, float] | None:
    """The evidence that ``right`` goes on with ``left``'s sentence, term by term (the
    names of ``JOIN_WEIGHTS``); None where no sentence can run on: ``left`` ends one, or
    either side is a table, an HTML tag or a list item.

    ``corpus`` is the page's block texts joined by newlines (so no seam is in it);
    ``indented_page`` says that paragraphs on this page open with an indent, so a block
    without one goes on from the block before; ``cut_ends`` is how many paragraphs of the
    page end cut off (``ends_cut_off``), ``left`` among them if it does (None: not counted).
    """
    a, b = left.text.rstrip(), right.text.lstrip()
    if (
        not a
        or not b
        or ends_sentence(a)
        or TAG_END.search(a)
        or TAG_START.match(b)
        or b.startswith("![")  # (an image: no sentence runs on into it)
        or ITEM_END.search(a)
    ):
        return None
    last, first = a[-1], b[0]
    e = dict.fromkeys(JOIN_WEIGHTS, 0.0)
    if last in "；;":
        alike = b.rstrip()[-1:] in "；;" or first == a.lstrip()[0]
        e["semicolon_list" if alike else "semicolon"] = 1.0
    elif last == "—":
        e["dash"] = 1.0
    elif CLAUSE_END.search(a) or last in OPENING_MARKS:
        # (a paragraph ends on neither a comma nor a mark that opens a quotation: 他说：“)
        e["clause_end"] = 1.0
    elif last in "：:":
        e["colon"] = 1.0
    elif CREDIT_END.search(a):
        e["credit"] = 1.0
    elif last.isalpha():
        e["bare_long" if len(a) >= 30 else "bare_short"] = 1.0
    if len(a) <= 20 and not CLAUSE_PUNCT.search(a):
        e["short_label"] = 1.0
    elif len(a) <= 40 and ENUMERATED.match(a):
        e["numbered_heading"] = 1.0
    e["open_bracket"] = float(any(a.count(o) > a.count(c) for o, c in BRACKETS))
    # (cut in its first sentence: a caption that ends in its credit is whole)
    if len(a) <= OPENING_CHARS and not e["credit"] and not FIRST_SENTENCE_ENDS.search(a):
        e["opens_a"] = float(bool(DATELINE.match(a) or OPENS_PARAGRAPH.match(a)))
    if len(b) <= 8 and not CLAUSE_PUNCT.search(b):
        e["short_b"] = 1.0
    if DATELINE.match(b) or BYLINE.match(b):
        e["dateline_b"] = 1.0
    elif PARAGRAPH_OPENER.match(b) and not (last.isdigit() and DATE_OPENING.match(b)):
        # (a date opens a paragraph, but not one whose digits go on from the first half's:
        # 对19 | 98年)
        e["quote_b" if first in "“「『" else "opener_b"] = 1.0
    elif first in NON_OPENING and first != "—":  # ——: a list item or an attribution
        e["non_opening_b"] = 1.0
    elif LONE_CHAR_THEN_PUNCT.match(b):
        e["lone_char_b"] = 1.0
    elif first.isalnum():
        e["alnum_b"] = 1.0
    e["close_bracket_b"] = float(any(b.count(c) > b.count(o) for o, c in BRACKETS))
    e["ends_sentence_b"] = float(ends_sentence(b))
    # (a table row or a heading is not indented either)
    if indented_page and not right.markup and len(b) >= 15 and CLAUSE_PUNCT.search(b):
        e["flush_b"] = 1.0
    elif indented_page and right.markup:
        e["indented_b"] = 1.0
    if last.isdigit():
        e["number_unit"] = float(bool(UNIT_AFTER_NUMBER.match(b)))
        e["digits"] = float(first.isdigit())
    seam = _seam_seen_elsewhere(a, b, corpus)
    if seam:
        e["seam_word3" if seam == 3 else "seam_word2"] = 1.0
    pmi = seam_pmi(a, b)
    if pmi is not None:
        e["rare_pair"] = max(0.0, min(1.0, -pmi / RARE_SEAM_SPAN))
        e["usual_pair"] = max(0.0, min(1.0, pmi / USUAL_SEAM_SPAN))
        e["clause_end_a"] = clause_end_logit(last) or 0.0
        e["clause_start_b"] = clause_start_logit(first) or 0.0
    e["bleed_seam"] = float(BLEED_SEAM_NOTE in left.flags)
    e["no_rival"] = float(
        cut_ends is not None and cut_ends - ends_cut_off(left) == 0 and not e["credit"]
    )
    return e


def join_confidence(
    left: Block, right: Block, corpus: str, indented_page: bool = False, cut_ends: int | None = None
) -> float:
    """How sure we are that ``right`` continues ``left``'s sentence (0-0.99): the model's
    probability from ``join_evidence``, 0 where no sentence can run on."""
    e = join_evidence(left, right, corpus, indented_page, cut_ends)
    return 0.0 if e is None else min(0.99, join_probability(e))


def join_probability(
    evidence: dict[str, float],
    bias: float = JOIN_BIAS,
    weights: dict[str, float] = JOIN_WEIGHTS,
) -> float:
    """The model's probability of a cut given ``join_evidence`` (and weights to try)."""
    z = bias + sum(weights.get(k, 0.0) * v for k, v in evidence.items() if v)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def _join_text(a: str, b: str) -> str:
    """The two pieces as one text: a space between two Latin words (a column breaks English
    at a space), none inside a number (达到3 | 3.9%)."""
    a, b = a.rstrip(), b.lstrip()
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def ends_cut_off(block: Block) -> bool:
    """A paragraph of prose (it has a clause mark) that ends without a sentence's end and is
    no credit, table or list: the first half of a cut, or a column's last words."""
    text = block.text.rstrip()
    return (
        block.kind == Kind.PARAGRAPH
        and block.continued_to is None
        and not ends_sentence(text)
        # (a label, a date or a name signing the article off has no sentence to cut)
        and SENTENCE_OR_CLAUSE.search(text) is not None
        # (a credit, an HTML table, a Markdown table or list ends as it is)
        and not (CREDIT_END.search(text) or TAG_END.search(text) or ITEM_END.search(text))
    )


def _makes_byline(left: Block, right: Block) -> bool:
    """Whether the two pieces make a byline (新京报记 | 者): a line that a second reading
    takes for the byline it is, not for a paragraph, so no join of paragraphs."""
    # (a mark before it, ◎新京报记 | 者, is the byline's: the parser reads it off)
    joined = _join_text(left.text, right.text).lstrip(BYLINE_MARK).lstrip()
    return len(joined) <= BYLINE_MAX_CHARS and BYLINE.match(joined) is not None


def _joinable(prev: Block | None, block: Block) -> bool:
    return (
        prev is not None
        and prev.kind == Kind.PARAGRAPH
        and block.kind == Kind.PARAGRAPH
        and prev.article == block.article
        and prev.continued_to is None
        and block.continued_from is None
    )


def _clashing_marker(left: Block, right: Block, paged: dict[str, set[int]]) -> bool:
    """Whether joining would complete a 上接/下转 marker across the seam (（下转第|八版）) in an
    article that already carries a page of that kind from another marker (``paged``: the
    articles that do, by field): two pages for one piece, a clash no join should make."""
    if not any(right.article in articles for articles in paged.values()):
        return False
    joined = _join_text(left.text, right.text)
    if not may_hold_marker(joined):
        return False
    seen = {m.group(0) for m in MARKER.finditer(left.text)}
    seen |= {m.group(0) for m in MARKER.finditer(right.text)}
    for m in MARKER.finditer(joined):
        if m.group(0) not in seen:
            field = "from" if m.group("verb") in CONTINUED_FROM_VERBS else "to"
            if right.article in paged[field]:
                return True
    return False


def indented(page: Page) -> bool:
    """Whether the page's paragraphs open with an indent (plain OCR, or what fix writes for
    such a page), most of them at least."""
    return page.indents_paragraphs()


def _join_pass(page: Page, blocks: list[Block], config: Config, repairs: list[Repair]):
    """One sweep of joins; returns the new blocks, the joinable pairs it left apart with
    their confidence, and whether anything was joined."""
    corpus = "\n".join(b.text for b in blocks)
    # (asked of the blocks as they stand: a join takes away a flush block, as fix's output
    # will, and what a second run reads from that output is this)
    indented_page = indented(page.with_blocks(blocks))
    paged = {
        "from": {b.article for b in blocks if b.continued_from is not None},
        "to": {b.article for b in blocks if b.continued_to is not None},
    }
    cut_ends = sum(ends_cut_off(b) for b in blocks)
    out: list[Block] = []
    apart: list[tuple[Block, Block, float]] = []
    for block in blocks:
        prev = out[-1] if out else None
        if _joinable(prev, block):
            confidence = join_confidence(prev, block, corpus, indented_page, cut_ends)
            if (
                confidence >= config.rejoin_threshold
                and not _clashing_marker(prev, block, paged)
                and not _makes_byline(prev, block)
            ):
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


# a paragraph ending on one of these leads on to the next one by design (a dash too: 问题
# 已留下不少——)
LEADS_ON = frozenset("：:；;—－")
# a dash opening a paragraph marks an item of a list (———金融监管当局…) or the editors' note
# signed off (———编者), not the rest of a sentence
DASH_ITEM = regex.compile(r"^\s*[—－]{2,}\s*\S")


OPENS_AS_WELL = regex.compile(r"^(?:\p{Han}[‘“（(]|[他她它这這那我你][，,])")


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
            ends_cut_off(b)
            and (last_of_article or nxt.kind == Kind.PARAGRAPH and len(b.text) >= 20)
            # a lead-in to what follows (主要有以下几点：) or an item of a list (…；)
            and not (not last_of_article and text[-1:] in LEADS_ON)
        ):
            flags.add("truncated_end")
        if (
            starts_mid_sentence(b.text)
            and b.continued_from is None
            and DASH_ITEM.match(b.text) is None
            # (a lone character before a quote, or a pronoun before a comma, opens sentences
            # as often as it ends a cut word: 在“扫黄”…, 他，不分昼夜地…)
            and not OPENS_AS_WELL.match(b.text.lstrip())
        ):
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
