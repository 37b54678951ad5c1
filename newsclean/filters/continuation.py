"""Continuation markers: cut 上接第一版 / （下转第2版） out of the text and keep the page number.

A marker says where an article jumps to or comes from.  It is page furniture, not a sentence,
so it is removed from the text and recorded on a block instead: ``continued_from`` for
上接/接/紧接/续, ``continued_to`` for 下转/下接/转/续见 (traditional 下轉/轉/緊接/續 too).  The
page is an ``int`` (一, 十二, 12, １２ all parse) or a string such as ``"A2"`` for a lettered
edition, which may go without 版 (``（转A3）``).  An arrow before or after (``>>>下转第3版``) and
the section named after the page (``（下转第2版·要闻）``) are the marker's too.  The renderer writes the fields back as ``（上接第1版）`` / ``（下转第2版）`` lines,
which this filter reads again, so a second run changes nothing.

Where the number goes:

* a block that is only a marker (``### 上接第一版``, a ``（下转第8版）`` line) is removed; an
  上接 page goes onto the next block (the first block of the continued piece), a 下转 page
  onto the block before it; an 上接 line right after its article's heading goes to that
  heading; a marker with no block on its side (下转 at the top of the page) is flagged;
* a marker at the start or end of a block (two at the end: 上接 and 下转) is trimmed off and
  its page goes onto that block, except when a paragraph ends with an 上接 marker or starts
  with a 下转 one: that is a marker line the OCR glued to the wrong paragraph, so the page goes
  to the neighbour it points at; and a 下转 on a heading (``## 数字乡村（下转第3版）``) is the
  marker of the text above it, whose page it is (flagged when no text stands above); an 上接
  on a heading stays there: the structure filter reads that heading as the continued piece's
  jump headline (see ``carries_continued_from``).

What it leaves alone: markers inside a sentence (``见本报第3版``, ``转第三方平台``,
``接第一批``), a bare 转/接/紧接 glued to the text around it without brackets, a marker line in
the middle of a paragraph and a marker whose page would contradict one already recorded on the
same block (these three are ``flagged`` for review), page numbers written in no standard form.
Only the marker is cut, with the whitespace around it and, at the start of a block, one comma
or colon after it (``上接第一版，市中级…``); a comma before an end marker is the sentence's.

>>> from newsclean import clean
>>> text = "## 地毯式清查 穿透式整改\\n\\n上接第一版 市中级人民法院狠抓落实。\\n\\n（下转第二版）\\n"
>>> page = clean(text, only=("continuation",)).page
>>> [(b.text, b.continued_from, b.continued_to) for b in page.blocks]
[('地毯式清查 穿透式整改', None, None), ('市中级人民法院狠抓落实。', 1, 2)]
"""

from __future__ import annotations

from functools import cached_property

import regex

from ..chardata import (
    CONTINUED_FROM_VERBS,
    FULLWIDTH_TO_ASCII,
    MARKER_ARROW,
    MARKER_BODY,
    MARKER_SECTION,
    MARKER_SPOT,
    both_scripts,
    chinese_number,
    may_hold_marker,
    one_line_byline,
)
from ..model import HEADING_KINDS, Block, Kind, Page, Repair
from ..render import MARKER_VERBS, continuation_line
from . import furniture
from .script import mostly_traditional

NAME = "continuation"

FROM, TO = "continued_from", "continued_to"
# verbs that also occur in running text (转发, 接到, 紧接着): unbracketed, they must stand apart
BARE_VERBS = frozenset({"转", "轉", "接", "紧接", "緊接", "续", "續"})
# 版面 版块 版权 版本 版次 版图: words, not a page number's 版
_NOT_A_PAGE = both_scripts("(?![面块权本次图])")
_GAP = r"[ \t\u3000]*"
MARK = (
    rf"(?P<open>[（(【])?{_GAP}(?:{MARKER_ARROW}{_GAP})?{MARKER_BODY}{_NOT_A_PAGE}{MARKER_SECTION}"
    rf"{MARKER_SPOT}{_GAP}(?:{MARKER_ARROW}{_GAP})?(?P<close>[）)】])?"
)
ONLY = regex.compile(rf"^\s*{MARK}\s*$")
# at the start, one comma or colon after the marker is the OCR's separator, and goes with it
AT_START = regex.compile(rf"^\s*{MARK}\s*(?:[，,：:]\s*)?")
AT_END = regex.compile(rf"\s*{MARK}\s*$")
ANYWHERE = regex.compile(MARK)
# what may stand next to an unbracketed bare verb: nothing, whitespace or punctuation
APART = regex.compile(r"[\s\p{P}]")
# standard Chinese numerals: 一 十 十二 二十 一百零五 (not digit-by-digit 一二)
CHINESE_PAGE = regex.compile(
    r"^(?:[一二两兩三四五六七八九]?百[零〇]?)?(?:[一二三四五六七八九]?十)?[一二三四五六七八九]?$"
)
LETTERED = regex.compile(r"^[A-Za-z][0-9]{1,2}$")


def page_value(raw: str) -> int | str | None:
    """The page a marker names: ``一``→1, ``十二``→12, ``１２``→12, ``Ａ２``→``"A2"``.

    None for a form that is not a page number as printed (``一二``, ``0``).
    """
    text = raw.translate(FULLWIDTH_TO_ASCII).strip()
    if LETTERED.match(text):
        return text.upper()  # as printed: A2, A02
    if not text.isdigit() and not CHINESE_PAGE.match(text):
        return None
    value = chinese_number(text)
    return value if value else None


def carries_continued_from(text: str) -> bool:
    """Whether a heading's line carries an 上接 marker beside its own words, as a continued
    piece's jump headline is printed (数字乡村（上接第1版）, （上接第1版）数字乡村), in a form
    this filter cuts: the structure filter reads such a line as that piece's jump headline,
    and the line fix writes for it is the heading and then the marker."""
    if not may_hold_marker(text) or ONLY.match(text):
        return False
    start = AT_START.match(text)
    taken = 0  # (as _inline reads it: a marker at the end only after the one at the start)
    if start is not None and _start_ok(text, start):
        if _cuts_from(start):
            return True
        taken = start.end()
    return any(_cuts_from(m) for m in _end_markers(text, taken))


def _end_markers(text: str, taken: int):
    """The markers that end a block, after its first ``taken`` characters: up to two, as a
    heading may carry its piece's 上接 and the 下转 of the text above it (数字乡村（上接第1版）
    （下转第3版）) and a paragraph its own 下转 and the 上接 of the piece after it (cutting
    one would leave the other at the end, for the next run to cut)."""
    end = len(text)
    for _ in range(2):
        m = AT_END.search(text, 0, end)
        if m is None or m.start() < taken or not _end_ok(text, m):
            return
        yield m
        end = m.start()


def _cuts_from(m) -> bool:
    return m.group("verb") in CONTINUED_FROM_VERBS and page_value(m.group("page")) is not None


def _field(verb: str) -> str:
    return FROM if verb in CONTINUED_FROM_VERBS else TO


def _bracketed(m) -> bool:
    return m.group("open") is not None or m.group("close") is not None


def _describe(field: str, value) -> str:
    return f"continued from page {value}" if field == FROM else f"continued on page {value}"


def _start_ok(text: str, m) -> bool:
    """An unbracketed bare verb at the start must be followed by a break: 接第3版报道 is prose."""
    if _bracketed(m) or m.group("verb") not in BARE_VERBS:
        return True
    end = m.end("page")
    end += text.startswith("版", end)  # (a lettered edition may go without)
    rest = text[end:]
    return not rest or bool(APART.match(rest))


def _end_ok(text: str, m) -> bool:
    if _bracketed(m) or m.group("verb") not in BARE_VERBS:
        return True
    start = m.start("verb")
    return start == 0 or bool(APART.match(text[start - 1]))


class _Plan:
    """Collects what to do, so a conflict can be refused before anything is changed."""

    def __init__(self, page: Page):
        self.page = page
        self.blocks = list(page.blocks)
        self.removed: set[int] = set()
        self.repairs: list[Repair] = []

    @cached_property
    def script(self) -> str:
        """The page's script, in which fix writes its marker lines (``render.MARKER_VERBS``)."""
        return "traditional" if mostly_traditional(self.page.blocks) else "simplified"

    def value_on(self, index: int, field: str):
        return getattr(self.blocks[index], field)

    def _piece(self, index: int) -> list[Block]:
        """The blocks of the piece ``index`` is in: its article's, cut after each block that
        goes on to another page, as assemble groups them (what follows a 下转 is another
        piece, whatever its label)."""
        article = self.blocks[index].article
        if article < 0:
            return []
        piece: list[Block] = []
        for i, b in enumerate(self.blocks):
            if b.article != article:
                continue
            piece.append(b)
            if b.continued_to is not None:
                if i >= index:
                    break
                piece = []
        return piece

    def assign(self, index: int, field: str, value) -> bool:
        """Record the page on a block; False if the block, or another block of its piece,
        already carries another page (an article comes from one page and goes on to one)."""
        current = self.value_on(index, field)
        if current is not None and current != value:
            return False
        piece = self._piece(index)
        if any(getattr(b, field) not in (None, value) for b in piece):
            return False
        if field == "continued_from" and any(
            b.continued_from == value and b is not self.blocks[index] for b in piece
        ):
            return True  # (a second 上接 of the page its piece comes from: recorded already)
        self.blocks[index] = self.blocks[index].with_(**{field: value})
        return True


def run(page: Page, config) -> tuple[Page, list[Repair]]:
    if not any(may_hold_marker(b.text) for b in page.blocks):
        return page, []
    plan = _Plan(page)
    blocks = page.blocks
    marker_only = [bool(ONLY.match(b.text)) for b in blocks]

    def neighbour(i: int, step: int) -> int | None:
        j = i + step
        while 0 <= j < len(blocks) and (marker_only[j] or j in plan.removed):
            j += step
        return j if 0 <= j < len(blocks) else None

    for i, block in enumerate(blocks):
        if not may_hold_marker(block.text):
            continue
        if marker_only[i]:
            _standalone(plan, i, block, neighbour)
        else:
            _inline(plan, i, block, neighbour)

    kept = [b for i, b in enumerate(plan.blocks) if i not in plan.removed]
    if config.furniture:
        kept = _drop_exposed_furniture(plan, kept, page.blocks)
    kept = _pieces_apart(kept)
    if not plan.repairs:
        return page, []
    if not plan.removed and not any(r.changes_text for r in plan.repairs):
        return page, plan.repairs
    return page.with_blocks(kept), plan.repairs


def _pieces_apart(blocks: list[Block]) -> list[Block]:
    """A piece continued from another page starts where its 上接 was read: a paragraph given
    that page after text of its own article (the marker read at the end of the paragraph
    before it) opens an article of its own, with the rest of its article after it, as the
    marker's own line would have opened one (fix writes it so)."""
    with_text: set[int] = set()  # articles with a paragraph so far
    with_page: set[int] = set()  # ... and with their 上接 page
    relabel: dict[int, int] = {}
    next_label = max((b.article for b in blocks), default=-1) + 1
    out = []
    for b in blocks:
        label = relabel.get(b.article, b.article)
        if label >= 0 and b.continued_from is not None:
            if b.kind == Kind.PARAGRAPH and label in with_text and label not in with_page:
                relabel[b.article] = label = next_label
                next_label += 1
            with_page.add(label)
        if label >= 0 and b.kind == Kind.PARAGRAPH:
            with_text.add(label)
        out.append(b if label == b.article else b.with_(article=label))
    return out


def _drop_exposed_furniture(plan: _Plan, kept: list[Block], original) -> list[Block]:
    """A block trimmed down to page furniture (上接第二版 3 -> 3) goes the way the furniture
    filter would have sent it had it stood alone, so a second run finds nothing new."""
    before = {b.id: b.text for b in original}
    out: list[Block] = []
    opens_from = None  # the 上接 page of a dropped block, for the next block of its article
    headless = None  # the article of a dropped headline: its subtitle takes its place
    for b in kept:
        if opens_from is not None and b.article == opens_from[0] and b.continued_from is None:
            b = b.with_(continued_from=opens_from[1])
        elif opens_from is not None and b.article != opens_from[0]:
            _page_to_headings(out, opens_from)
        if b.article == headless and b.kind == Kind.SUBTITLE:
            b = b.with_(kind=Kind.HEADLINE)
        opens_from = headless = None
        if b.text != before[b.id]:
            kind = furniture.block_kind(b.text)
            if kind is not None and kind != "image_with_caption":
                # the page it was marked with goes on: 上接 to what follows, 下转 to what precedes
                if b.continued_from is not None:
                    opens_from = (b.article, b.continued_from)
                if b.kind == Kind.HEADLINE:
                    headless = b.article
                closes = out[-1] if out and out[-1].article == b.article else None
                if b.continued_to is not None and closes and closes.continued_to is None:
                    out[-1] = closes.with_(continued_to=b.continued_to)
                plan.repairs.append(
                    plan.page.repair(
                        furniture.NAME,
                        "removed",
                        [b],
                        f"page_furniture: {kind} (left when a marker was cut)",
                        before=b.text,
                        after="",
                        confidence=furniture.CONFIDENCE,
                    )
                )
                continue
        out.append(b)
    if opens_from is not None:
        _page_to_headings(out, opens_from)
    return out


def _page_to_headings(out: list[Block], opens_from: tuple[int, object]) -> None:
    """Nothing of its article comes after the dropped block: the block before it in its
    article (the piece's headings) keeps the 上接 page."""
    article, value = opens_from
    for i in range(len(out) - 1, -1, -1):
        if out[i].article == article:
            if out[i].continued_from is None:
                out[i] = out[i].with_(continued_from=value)
            return


def _flag(plan: _Plan, block: Block, marker: str, why: str) -> None:
    plan.repairs.append(
        plan.page.repair(
            NAME,
            "flagged",
            [block],
            f"continuation_marker_kept: {marker} ({why})",
            marker,
            marker,
            0.5,
        )
    )


def _standalone(plan: _Plan, i: int, block: Block, neighbour) -> None:
    m = ONLY.match(block.text)
    marker = block.text.strip()
    value = page_value(m.group("page"))
    if value is None:
        _flag(plan, block, marker, "page number in no standard form")
        return
    field = _field(m.group("verb"))
    target = _standalone_target(plan.page.blocks, i, field, neighbour)
    if target is None:
        _flag(plan, block, marker, "no block for it to belong to")
        return
    if not plan.assign(target, field, value):
        _flag(plan, block, marker, f"block {plan.page.blocks[target].id} has another page")
        return
    plan.removed.add(i)
    # fix writes a marker back as its own block, （上接第1版）: reading that is no repair
    verb = m.group("verb")
    canonical = (
        block.kind != Kind.SECTION
        and marker == continuation_line(verb, value)
        # (in the page's script: 下轉 on a traditional page; 上接 is written alike in both)
        and (verb == "上接" or verb in MARKER_VERBS[plan.script])
    )
    plan.repairs.append(
        plan.page.repair(
            NAME,
            "parsed" if canonical else "removed",
            [block, plan.page.blocks[target]],
            f"continuation_marker: {marker} ({_describe(field, value)})",
            before=block.text,
            after="",
            confidence=1.0,
        )
    )


def _standalone_target(blocks, i: int, field: str, neighbour) -> int | None:
    """The block a marker line belongs to: for 上接 the next block, for 下转 the one before.

    One exception: an 上接 line right after a heading of its own article (or, on an unlabelled
    page, between two headings) goes to that heading, since the renderer writes it there
    (``# 标题`` / ``（上接第1版）``), after the headings of the piece it opens.
    """
    before, after = neighbour(i, -1), neighbour(i, 1)
    ahead, behind = (after, before) if field == FROM else (before, after)
    label = blocks[i].article
    if field == FROM and before is not None and blocks[before].kind in HEADING_KINDS:
        same_article = label >= 0 and blocks[before].article == label
        unlabelled_between_headings = (
            label < 0 and after is not None and blocks[after].kind in HEADING_KINDS
        )
        if same_article or unlabelled_between_headings:
            return before
    # a marker points one way only: 上接 opens what follows it, 下转 closes what precedes it;
    # one with nothing on that side (下转 at the top of the page) belongs to no block
    del behind
    return ahead


def _inline(plan: _Plan, i: int, block: Block, neighbour) -> None:
    text = block.text
    cuts: list[tuple[int, int, str, str, object, int]] = []  # span, marker, field, value, target
    handled: list[tuple[int, int]] = []
    is_paragraph = block.kind == Kind.PARAGRAPH
    is_heading = _is_heading(block)

    found: list[tuple[object, str, str, object, int]] = []  # match, marker, field, value, target

    def consider(m, at_start: bool) -> None:
        if not (_start_ok(text, m) if at_start else _end_ok(text, m)):
            return  # prose such as 接第3版报道: not a marker
        handled.append((m.start(), m.end()))
        marker = ANYWHERE.search(m.group(0)).group(0).strip()  # without the separator
        value = page_value(m.group("page"))
        if value is None:
            _flag(plan, block, marker, "page number in no standard form")
            return
        field = _field(m.group("verb"))
        target = i
        # a paragraph ending in 上接 / opening with 下转 carries a neighbour's marker line
        if is_paragraph and (field == FROM) != at_start:
            other = neighbour(i, -1 if at_start else 1)
            target = other if other is not None else i
        elif field == TO and is_heading:
            # a heading carrying a 下转 (## 数字乡村（下转第3版）) carries the marker line of
            # the text above it (above its stack of headings), which jumps there: the heading
            # opens what follows, and closes nothing (with no text above, the marker belongs
            # to no block)
            other = neighbour(i, -1)
            while other is not None and _is_heading(plan.page.blocks[other]):
                other = neighbour(other, -1)
            if other is None or plan.page.blocks[other].kind != Kind.PARAGRAPH:
                _flag(plan, block, marker, "no text above it for it to belong to")
                return
            target = other
        found.append((m, marker, field, value, target))

    if (m := AT_START.match(text)) is not None:
        consider(m, at_start=True)
    taken = max((e for _, e in handled), default=0)
    for m in _end_markers(text, taken):
        consider(m, at_start=False)
    # a heading's 下转 ends the piece above it first, so that its 上接 is weighed against the
    # piece the heading opens, as a second reading sees it (fix writes the 下转 line above)
    for m, marker, field, value, target in sorted(
        found, key=lambda f: not (f[2] == TO and f[4] != i)
    ):
        if not plan.assign(target, field, value):
            _flag(plan, block, marker, f"block {plan.page.blocks[target].id} has another page")
            continue
        cuts.append((m.start(), m.end(), marker, field, value, target))

    # a marker line or a bracketed marker in the middle: left for a reviewer
    for m in ANYWHERE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in handled):
            continue
        if _own_line(text, m):
            _flag(plan, block, m.group(0).strip(), "marker line inside a paragraph")
        elif _bracketed(m):
            _flag(plan, block, m.group(0).strip(), "marker inside the text")

    if not cuts:
        return
    new_text = text
    for start, end, *_ in sorted(cuts, reverse=True):
        new_text = new_text[:start] + new_text[end:]
    for start, end, marker, field, value, target in sorted(cuts):
        involved = [block] if target == i else [block, plan.page.blocks[target]]
        plan.repairs.append(
            plan.page.repair(
                NAME,
                "replaced",
                involved,
                f"continuation_marker: {marker} ({_describe(field, value)})",
                before=text[start:end],
                after="",
                confidence=1.0 if _cut_is_explicit(marker) else 0.9,
            )
        )
    if new_text.strip():
        rest = new_text.strip()
        kind = plan.blocks[i].kind
        if kind == Kind.PARAGRAPH and one_line_byline(rest):
            # （接第三版）本报记者贺广华: the byline the marker was printed before, as it reads
            # once the marker stands on a line of its own
            kind = Kind.BYLINE
        plan.blocks[i] = plan.blocks[i].with_(text=rest, kind=kind)
    else:  # nothing but markers: the block goes (its cuts already account for its text)
        plan.removed.add(i)
        # and its pages go where its marker lines would have: a 下转 to the text above, a 上接
        # to the text below (上接第1版（下转第3版） alone on a line)
        for _, _, marker, field, value, target in cuts:
            if target != i:
                continue
            other = neighbour(i, -1 if field == TO else 1)
            if other is None or not plan.assign(other, field, value):
                _flag(plan, block, marker, "no text beside it for it to belong to")


def _is_heading(block: Block) -> bool:
    return block.kind in HEADING_KINDS or block.kind == Kind.SECTION


def _own_line(text: str, m) -> bool:
    before = text.rfind("\n", 0, m.start())
    after = text.find("\n", m.end())
    line = text[before + 1 : after if after >= 0 else len(text)]
    return bool(line.strip()) and line.strip() == m.group(0).strip()


def _cut_is_explicit(marker: str) -> bool:
    """Bracketed, or with a verb that is never prose (上接, 下转): certain; else 0.9."""
    m = ANYWHERE.search(marker)
    return m is not None and (_bracketed(m) or m.group("verb") not in BARE_VERBS)
