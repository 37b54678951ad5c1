"""Remove page furniture: running heads, page numbers, edition and editor lines, image references, rules.

A block is furniture only when the whole block is: every line of it matches one of the
patterns below from start to end.  A sentence that mentions ``第3版`` stays; so does any block
with sentence punctuation (``。！？；``).  Each removed block is logged with its whole text.

Patterns and where they come from:

* ``chardata.FURNITURE`` (shared with the plain-OCR parser): ``page_number`` (``- 3 -``),
  ``edition_line`` (``第3版``, ``A2 要闻``, ``要闻 A2``, ``第4版 ▏国际``), ``running_head`` (paper,
  date, weekday, edition and section in any order, the page's editors possibly after them:
  ``法治日报 2021年11月15日 星期一 第3版``, ``南方都市报 2024年4月12日 星期五 GA05 深圳读本``,
  ``A07 2024.3.5 星期二 责编 张三 美编 李四``), ``editor_line`` (``责任编辑：张三``, or several
  roles on one line and the desk's telephone and mail after them: ``本版编辑：李四 美术编辑：王五
  电话：…``, ``统筹：王海 编辑：李丽``; with no colon when the line is roles and names alone:
  ``责编 张三 美编 李四``), ``desk_contact`` (the desk's hotline alone: ``新闻热线：0755-…``).
* here, ``image_reference``: a Markdown image as VLM OCR (MinerU, olmOCR and the like) writes
  it, ``![](images/abc.jpg)``.  An image whose alt text reads like a caption (Han characters
  other than a bare 图/图片) is not removed but flagged, since the caption may be the only copy.
* here, ``masthead``: the paper's name alone on a line (``经济日报``, ``人民日报海外版``), as
  plain OCR reads it; a name that reads as a paper's but could be a headline (``新京报``,
  ``聯合報``, ``参考消息``) only where a masthead stands (see ``PAPER_NAME``); and there,
  ``section_label``, the page's section named alone (``要闻``, ``国际新闻``, ``要闻·综合``).
* here, ``horizontal_rule``: a Markdown thematic break (``---``, ``***``, ``___``; CommonMark
  section 4.1) or a line of box-drawing rule characters, on a Markdown page and not as a
  heading's text (``### ***`` heads a part; plain OCR's ``***`` is the page's ornament).
* here, ``empty_markup``: a line of ``#`` marks alone (an ATX heading with no text) or a
  bold's ``**`` alone.

A bare number (``page_number``) amid the text, with text blocks on both sides and at least
``NUMBER_AT_EDGE`` text blocks between it and either end of the page, is kept and flagged: it
may number a part of a feature (1, 2, 3) rather than the page.  A number between dashes
(``- 2 -``) numbers the page wherever it stands.

``edition_line`` is held to a separator after ``版`` unless a section name follows
(``第3版 要闻``, ``第3版要闻``), so a heading like ``第二版本说明`` is not furniture.
"""

from __future__ import annotations

import re
from itertools import accumulate

import regex

from ..chardata import (
    FURNITURE,
    MARKER_AT_START,
    MARKER_ONLY,
    RUNNING_HEAD,
    SECTION_NAMES,
    both_scripts,
    may_hold_marker,
)
from ..model import Kind, article_groups
from .normalize import normalize_text

NAME = "furniture"

CONFIDENCE = 0.95
_EXACT_CONFIDENCE = 0.99  # image references and rules: no text is lost but a link or a line

EXTRA = [
    # the paper's name on a line of its own, as plain OCR reads a masthead (人民日报海外版 too)
    (
        "masthead",
        regex.compile(
            both_scripts(r"^\p{Han}{1,6}(?:日报|晚报|早报|时报|商报|青年报)(?:\p{Han}{2}版)?$")
        ),
    ),
    (
        "horizontal_rule",
        regex.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|[─━═]{3,})$"),
    ),
    # a heading's or a bold's marks with no text (an empty ATX heading, an emphasis OCR
    # opened on a line of its own), which Markdown prints as nothing
    ("empty_markup", regex.compile(r"^(?:#{1,6}|\*\*|__)$")),
]
_IMAGE = regex.compile(r"^(?:!\[(?P<alt>[^\]\n]*)\]\([^)\n]*\)\s*)+$")
_IMAGE_ALT = regex.compile(r"!\[([^\]\n]*)\]")
_GENERIC_ALT = regex.compile(
    r"^\s*(?:[图圖]片?|照片|插[图圖]|image|img|figure|fig|photo|picture|[\w./-]*\.(?:jpe?g|png|gif|webp))?\s*\d*\s*$",
    regex.I,
)
# (a plain class, which stdlib re runs faster than regex)
_SENTENCE = re.compile(r"[。！？；!?;]")
# what may follow 版 directly (no separator) in an edition line
_SECTION_AFTER = regex.compile(
    both_scripts(
        r"版(?:要闻|综合|国内|国际|评论|经济|社会|文化|体育|副刊|法治|专版|地方|理论)(?:新闻)?$"
    )
)
_MAX_LEN = 80  # furniture is short; longer blocks are not tested at all
# an editor line some papers print in brackets under the last paragraph: （本版编辑：张三）
# (a bracketed photographer, （摄影：张三）, credits the article's picture: it stays)
_BRACKETED = regex.compile(
    both_scripts(r"^[（(]\s*([^（）()]*(?:编|校对|版式)[^（）()]*?)\s*[）)]$")
)


_LINE_PATTERNS = (*FURNITURE, *EXTRA)
# the line patterns, in order, that a line opening with a given character may match (regex's
# partial match answers it from each pattern, which all match from the line's start); most
# lines open with a character that rules out all but a few, learnt as they are met
_PATTERNS_OPENING_WITH: dict[str, tuple] = {}
_DIGIT = re.compile(r"[0-9０-９]")
_HAN = regex.compile(r"\p{Han}")


def _patterns_opening_with(first: str) -> tuple:
    patterns = _PATTERNS_OPENING_WITH.get(first)
    if patterns is None:
        patterns = _PATTERNS_OPENING_WITH[first] = tuple(
            (kind, pattern) for kind, pattern in _LINE_PATTERNS if _may_open(pattern, first)
        )
    return patterns


def _may_open(pattern, first: str) -> bool:
    """Whether a line opening with ``first`` may match ``pattern`` (a compiled pattern answers
    from itself; the running head's matcher, from its whole pattern)."""
    if isinstance(pattern, regex.Pattern):
        return pattern.match(first, partial=True) is not None
    return (
        regex.match(pattern.pattern, first, getattr(pattern, "flags", 0), partial=True) is not None
    )


def _may_be_running_head(line: str) -> bool:
    """Whether the line has what a running head must: a date (with 年, or in figures) or a
    paper's name (…报), the one with a weekday or an edition, the other with an edition."""
    return (
        "年" in line
        or "报" in line
        or "報" in line
        or "版" in line
        or _DIGIT.search(line) is not None
    )


def _line_kind(line: str, sentence: bool = True) -> str | None:
    """The furniture kind of one (stripped, non-empty) line, or None.  ``sentence=False``
    says the line is known to hold no sentence punctuation."""
    if line.startswith("![") and _IMAGE.match(line):
        alts = _IMAGE_ALT.findall(line)
        if all(_GENERIC_ALT.match(a) for a in alts):
            return "image_reference"
        return "image_with_caption"
    if sentence and _SENTENCE.search(line):
        return None
    for kind, pattern in _patterns_opening_with(line[0]):
        if pattern is RUNNING_HEAD and not _may_be_running_head(line):
            continue
        if pattern.match(line):
            if kind == "edition_line" and _bare_edition_tail(line):
                continue
            return kind
    inner = _BRACKETED.match(line)
    if inner and _line_kind(inner.group(1), sentence) == "editor_line":
        return "editor_line"
    return None


def _bare_edition_tail(line: str) -> bool:
    """``第二版本说明``: Han glued to 版 that is not a section name."""
    i = line.find("版")
    if i < 0 or i + 1 >= len(line):
        return False
    nxt = line[i + 1]
    return bool(_HAN.match(nxt)) and not _SECTION_AFTER.search(line)


def furniture_kind(text: str) -> str | None:
    """The furniture kind of a whole block, or None when any line of it is not furniture.

    >>> furniture_kind("法治日报 2021年11月15日 星期一 第3版"), furniture_kind("第3版")
    ('running_head', 'edition_line')
    >>> furniture_kind("本版编辑：李四 美术编辑：王五"), furniture_kind("![](images/abc.jpg)")
    ('editor_line', 'image_reference')
    >>> furniture_kind("（责任编辑：张三）"), furniture_kind("（记者 张三）")
    ('editor_line', None)
    >>> print(furniture_kind("详见第3版。"), furniture_kind("第二版本说明"))
    None None
    """
    if len(text) > _MAX_LEN * 4:
        return None
    return _furniture_kind(text, _SENTENCE.search(text) is not None)


def _furniture_kind(text: str, sentence: bool) -> str | None:
    """:func:`furniture_kind` of a text no longer than its limit; ``sentence`` says whether
    it holds sentence punctuation."""
    if sentence and "![" not in text:
        return None
    kinds: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line) > _MAX_LEN and not line.startswith("!["):
            return None
        kind = _line_kind(line, sentence)
        if kind is None:
            return None
        if kind not in kinds:
            kinds.append(kind)
    if not kinds:
        return None
    if "image_with_caption" in kinds:
        return "image_with_caption"
    return "+".join(kinds)


def block_kind(text: str) -> str | None:
    """:func:`furniture_kind` of the text as given or, failing that, as normalize will leave it
    (``法 治 日 报 …``, ``第３版``), so that a second run over cleaned output finds nothing new."""
    if len(text) > _MAX_LEN * 4:
        return None
    sentence = _SENTENCE.search(text) is not None
    kind = _furniture_kind(text, sentence)
    # normalize keeps sentence punctuation (it only widens ;?!), so such blocks stay non-furniture
    if kind is None and len(text) <= _MAX_LEN * 2 and not sentence:
        normalized = normalize_text(text)[0]
        if normalized != text:
            kind = furniture_kind(normalized)
    return kind


# a bare number with fewer text blocks than this before or after it is the page's number; one
# further in, between paragraphs, is as likely a part's number in a feature (1, 2, 3).  One
# set between dashes (- 2 -, —2—) is the page's number wherever it stands.
NUMBER_AT_EDGE = 2
_DASHED_NUMBER = regex.compile(r"^\s*[-—－]+\s*[0-9０-９]{1,3}\s*[-—－]+\s*$")

# A masthead whose name does not end in 日报 or the like (新京报, 南方都市报, 聯合報, 参考消息)
# reads as a short line alone, as a headline or a kicker does (喜报, 年终战报, 捷报频传), so
# its name is not enough: it is taken for the masthead only where a masthead stands, with
# nothing but furniture between it and the top or the bottom of the page, or right beside
# other furniture (a running head, an edition line).  A paper's name there is a …报 with two
# to four characters before it, not one of the common words that end in 报 (喜报, 战报, 通报,
# 年报, 预报, 快报 …), or one of the well-known titles that end otherwise (or in those words).
PAPER_NAME = regex.compile(
    both_scripts(
        r"^(?:\p{Han}{2,4}(?<![喜捷战快简通公年季月周预警汇情海画学播举申回])报(?:\p{Han}{2}版)?"
        r"|明报|信报|大公报|文汇报|新快报|现代快报|参考消息|每日经济新闻|21世纪经济报道|南方周末)$"
    )
)
_PAPER_NAME_ENDS = frozenset("报報版息闻聞道末")
# the page's section named alone (要闻, 国际新闻, 要闻·综合), where a masthead stands: a word a
# running head prints, though amid the text it may head a part
SECTION_LABEL_ALONE = regex.compile(
    both_scripts(
        rf"^(?:{SECTION_NAMES})(?:新闻)?(?:[ \t\u3000]*[·・•|｜][ \t\u3000]*(?:{SECTION_NAMES})(?:新闻)?)?$"
    )
)
_NOT_PAGE_FURNITURE = frozenset(
    {"image_reference", "image_with_caption", "horizontal_rule", "empty_markup"}
)


def _reads_as_paper_name(block) -> bool:
    text = block.text.strip()
    if not text or text[-1] not in _PAPER_NAME_ENDS or len(text) > 20 or "\n" in text:
        return False
    return (
        PAPER_NAME.match(text) is not None or PAPER_NAME.match(normalize_text(text)[0]) is not None
    )


def _masthead_kind(block) -> str | None:
    """What the block is where a masthead stands: "masthead" for a paper's name,
    "section_label" for the page's section alone, or None."""
    if block.kind in (Kind.BYLINE, Kind.MARKER):
        return None
    if _reads_as_paper_name(block):
        return "masthead"
    text = block.text.strip()
    if len(text) <= 12 and SECTION_LABEL_ALONE.match(text):
        return "section_label"
    return None


def _mastheads(page, kinds: list[str | None], is_text: list[bool]) -> dict[int, str]:
    """The blocks that read as a paper's name or the page's section and stand where a
    masthead does (see ``PAPER_NAME``), with their kind.  One taken counts as furniture for
    the next, so that a second run, which finds the first gone, takes none that this one
    left."""
    candidates = {
        i: kind
        for i, block in enumerate(page.blocks)
        if kinds[i] is None and (kind := _masthead_kind(block))
    }
    taken: dict[int, str] = {}
    if not candidates:
        return taken
    # (an image or a rule beside it is no sign: a headline may stand under either)
    furniture = [
        kind is not None and not _NOT_PAGE_FURNITURE.intersection(kind.split("+")) for kind in kinds
    ]
    text = list(is_text)
    last = len(kinds) - 1
    grew = True
    while grew:
        grew = False
        for i in candidates:
            if i in taken:
                continue
            if (
                not any(text[:i])
                or not any(text[i + 1 :])
                or (i > 0 and furniture[i - 1])
                or (i < last and furniture[i + 1])
            ):
                taken[i] = candidates[i]
                furniture[i], text[i] = True, False
                grew = True
    return taken


def marker_line(text: str) -> bool:
    """A 上接/下转 line, alone or with furniture after it (上接第二版 0): once continuation has
    cut the marker, nothing of it is text."""
    if MARKER_ONLY.match(text):
        return True
    m = MARKER_AT_START.match(text)
    return m is not None and block_kind(text[m.end() :]) is not None


def run(page, config):
    # where a block stands is asked of the page as fix will write it (each article's blocks
    # together), so that a second run, reading that, finds the same top, bottom and middle
    labelled = page.blocks and any(b.article >= 0 for b in page.blocks)
    written = [b for group in article_groups(page.blocks) for b in group] if labelled else None
    if written is None or all(a is b for a, b in zip(written, page.blocks)):
        return _run(page)
    done, repairs = _run(page.with_blocks(written))
    if len(done.blocks) == len(written):
        return page, repairs
    kept = {b.id for b in done.blocks}
    return page.with_blocks([b for b in page.blocks if b.id in kept]), repairs


def _run(page):
    blocks, repairs = [], []
    kinds = [block_kind(b.text) for b in page.blocks]
    # text blocks before each block (furniture and 上接/下转 lines aside, so a second run, which
    # finds the markers gone into their fields, counts the same)
    is_text = [
        kind is None and not (may_hold_marker(b.text) and marker_line(b.text))
        for b, kind in zip(page.blocks, kinds)
    ]
    for i, kind in _mastheads(page, kinds, is_text).items():
        kinds[i], is_text[i] = kind, False
    text_before = list(accumulate(is_text, initial=0))
    texts = text_before[-1]
    for i, (block, kind) in enumerate(zip(page.blocks, kinds)):
        if kind is None or (
            kind == "horizontal_rule" and (block.level > 0 or page.style != "markdown")
        ):
            # a rule is Markdown's: *** under ### heads a part of a feature, and on plain OCR
            # it is the page's own ornament, as ＊＊＊ is
            blocks.append(block)
            continue
        if kind == "image_with_caption":
            reason = "page_furniture: image_with_caption; kept, its alt text may be a caption"
            repairs.append(page.repair(NAME, "flagged", [block], reason, "", "", 0.5))
            blocks.append(block)
            continue
        if (
            kind == "page_number"
            and NUMBER_AT_EDGE <= text_before[i] <= texts - NUMBER_AT_EDGE
            and not _DASHED_NUMBER.match(block.text)
            and kinds[i - 1] is None
            and kinds[i + 1] is None
        ):
            reason = (
                "page_furniture: page_number; kept, a bare number amid the text may number a part"
            )
            repairs.append(page.repair(NAME, "flagged", [block], reason, "", "", 0.5))
            blocks.append(block)
            continue
        exact = kind in ("image_reference", "horizontal_rule", "empty_markup")
        repairs.append(
            page.repair(
                NAME,
                "removed",
                [block],
                f"page_furniture: {kind}",
                before=block.text,
                after="",
                confidence=_EXACT_CONFIDENCE if exact else CONFIDENCE,
            )
        )
    if not any(r.action == "removed" for r in repairs):
        return page, repairs
    return page.with_blocks(blocks), repairs
