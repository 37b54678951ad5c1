"""Raw page text -> blocks.  The only code that splits raw text.

Two input styles are understood:

* ``markdown`` (layout or VLM OCR): blocks are separated by blank lines, ``#`` marks headings,
  ``□`` bylines.
* ``plain`` (line OCR): hard-wrapped lines, paragraphs open with the full-width indent ``　　``
  or follow a blank line; headlines are short lines without sentence punctuation.

Every block records the input span it came from and the markup stripped from it, so the
page can be rebuilt from its blocks (whitespace aside); ``tests/test_parse.py`` checks that.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from itertools import accumulate, compress, count

import regex

from .chardata import (
    BYLINE,
    BYLINE_MARK,
    CONTINUED_FROM_VERBS,
    DATELINE,
    FURNITURE,
    MARKER_AT_END,
    MARKER_ONLY,
    RUNNING_HEAD,
    both_scripts,
)
from .model import Block, Kind, Page

# as CommonMark: closing #s count only after a space (C# keeps its #, and "# ##" is "##")
HEADING = regex.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# a line set wholly in bold, as VLM OCR marks a heading, a running head or a 上接 line it
# gives no level: its role comes from where it stands, as a ## line's does (a kicker over a
# headline, a headline over a byline or a dateline, a section heading amid text)
BOLD_LINE = regex.compile(r"^(\*\*|__)(?![\s*_])([^*\n]{1,60}?)(?<![\s*_])\1$")
# a bold line is a byline when a reporter's word stands apart from the names after it
# (**本报记者 陈静**, **文/张三**); 记者手记 or 记者观察 in bold is a column's heading
BOLD_BYLINE = regex.compile(
    both_scripts(r"^.{0,12}?(?:记者|通讯员|实习生|评论员|摄影)[\s\u3000]+\S|.*/")
)
INDENT = regex.compile(r"^(?:[\u3000\t]|[ \u00a0]{2,})+")
INDENT_OPENERS = frozenset("\u3000\t \u00a0")
BYLINE_PREFIX = regex.compile(rf"^[{BYLINE_MARK}][ \t\u3000]*")
BYLINE_MARKS = frozenset(BYLINE_MARK)
# punctuation that a headline does not carry (it may carry quotes, dashes and spaces); tested
# on every line of a plain page, and a plain class runs faster in stdlib re than in regex
SENTENCE_PUNCT = re.compile(r"[，。；：？！、,;:?!]")
# a headline may carry a label before a colon (李强：坚持稳中求进, 新华时评：…), commas between
# its phrases (稳增长，促消费) or end on a question or exclamation mark (房价还会涨吗？); such
# a line is a headline only where the page shows it plainly (see _parse_plain)
PUNCTUATED_HEADLINE = re.compile(
    r"^(?![，、,）)”’」』…—])(?:[^，。；：？！、,;:?!]{1,10}[：:])?[^。；：？！;:?!]{2,30}(?<![，、,])[？！?!]?$"
)
# a line ending in one of these may end its paragraph (。！？ and a closing quote after one)
LINE_FINAL = frozenset("。！？!?”’」』…")
WRAP_SLACK = 3  # characters by which the full lines of one hard-wrapped column may differ
PAGE_NUMBER = regex.compile(r"^[-—－\s]*[0-9０-９]{1,3}[-—－\s]*$")


def decode_newlines(text: str) -> str:
    """Normalise a decoded page: drop a BOM, make CRLF/CR line ends LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, line) for each line of text (end excludes the newline)."""
    lines = text.split("\n")
    starts = accumulate([len(line) + 1 for line in lines], initial=0)
    return [(start, start + len(line), line) for start, line in zip(starts, lines)]


def detect_style(text: str) -> str:
    """``markdown`` when the page has headings or one line per block, ``plain`` when it is
    hard-wrapped into short lines."""
    rows = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in rows if ln]
    # most pages have no "#" at all: spare matching every line
    if not lines or ("#" in text and any(HEADING.match(ln) for ln in lines)):
        return "markdown"
    if not any(a and b for a, b in zip(rows, rows[1:])):
        return "markdown"  # no line runs on into the next
    return "plain" if statistics.median(map(len, lines)) <= 40 else "markdown"


def parse(text: str, source: str = "<string>", style: str | None = None) -> Page:
    text = decode_newlines(text)
    style = style or detect_style(text)
    blocks = _parse_markdown(text) if style == "markdown" else _parse_plain(text)
    return Page(source=source, text=text, blocks=tuple(blocks), style=style)


# (read once: an attribute of an Enum class is looked up through the metaclass's __getattr__
# hook, several times slower than a global)
_PARAGRAPH = Kind.PARAGRAPH

# every block is made from this one by Block.with_, which skips the dataclass __init__ (one
# object.__setattr__ per field of a frozen dataclass)
_BLANK = Block(id=0, kind=Kind.PARAGRAPH, text="", spans=())


def _block(bid: int, kind: Kind, text: str, start: int, end: int, markup: str = "", level: int = 0):
    return _BLANK.with_(
        id=bid,
        kind=kind,
        text=text,
        spans=((start, end),),
        markup=markup,
        level=level,
    )


def _single_line_block(bid: int, start: int, end: int, line: str) -> Block | None:
    """A heading or byline line, which stands as a block of its own; None for body text."""
    stripped = line.strip()
    # (each pattern opens on its own marks: a line without them is spared the match)
    if stripped[:1] == "#" and (m := HEADING.match(stripped)):
        level = len(m.group(1))
        kind = Kind.HEADLINE if level == 1 else Kind.SUBTITLE if level == 2 else Kind.SECTION
        return _block(bid, kind, m.group(2).strip(), start, end, markup=m.group(1), level=level)
    bold = stripped[:2] in ("**", "__")
    if bold and (m := BOLD_LINE.match(stripped)) and not SENTENCE_PUNCT.search(m.group(2)):
        markup, inner = m.group(1) * 2, m.group(2).strip()
        if byline := _marked_byline(inner):
            return _block(bid, Kind.BYLINE, byline[1], start, end, markup=markup + byline[0])
        if BOLD_BYLINE.match(inner) and BYLINE.match(inner):
            return _block(bid, Kind.BYLINE, inner, start, end, markup=markup)
        return _block(bid, Kind.SECTION, inner, start, end, markup=markup, level=2)
    if byline := _marked_byline(stripped):
        markup, rest = byline
        return _block(bid, Kind.BYLINE, rest, start, end, markup=markup)
    return None


def _marked_byline(line: str) -> tuple[str, str] | None:
    """(mark, byline) of a line that is a marked byline, or None."""
    if line[:1] not in BYLINE_MARKS:
        return None  # (BYLINE_PREFIX opens on one)
    m = BYLINE_PREFIX.match(line)
    if m is None:
        return None
    rest = line[m.end() :].strip()
    # □ marks bylines; a bullet (●, ▲) before a short unpunctuated line is a list item
    # or a lead-in unless the line reads as a byline
    names_only = line[0] in "□■" and len(rest) <= 12
    if rest and not SENTENCE_PUNCT.search(rest) and (names_only or BYLINE.match(rest)):
        return m.group(0).strip(), rest
    return None


def _paragraphs_of(rows: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """The paragraphs of lines with no blank line between them.  OCR that wraps at the
    column edge gives lines of one width, cut anywhere: one paragraph.  Lines of uneven
    width that each end a sentence are a paragraph a line, as some VLM OCR writes them;
    otherwise a line that ends a sentence short of the longest line ends its paragraph
    (a line as long as the longest may be a full column line that ends on the mark)."""
    if len(rows) < 2:
        return [rows] if rows else []
    lines = [ln.strip() for _, _, ln in rows]
    widths = list(map(len, lines))
    edge = max(widths[:-1])
    indents = any(INDENT.match(ln) for _, _, ln in rows[1:])
    if len(rows) >= 3 and edge - min(widths[:-1]) <= WRAP_SLACK and not indents:
        return [rows]  # a column of one width
    ends = [line[-1] in LINE_FINAL for line in lines[:-1]]
    every_line = all(ends)  # a sentence end on every line: a paragraph a line
    out: list[list[tuple[int, int, str]]] = [[]]
    for i, row in enumerate(rows):
        if out[-1] and INDENT.match(row[2]):
            out.append([])  # an indented line opens a paragraph, as in plain OCR
        out[-1].append(row)
        if i < len(ends) and ends[i] and (every_line or widths[i] < edge - WRAP_SLACK):
            out.append([])
    return [rows for rows in out if rows]


def _parse_markdown(text: str) -> list[Block]:
    blocks: list[Block] = []
    para: list[tuple[int, int, str]] = []

    def flush():
        for rows in _paragraphs_of(para):
            body = "\n".join([ln.strip() for _, _, ln in rows])
            # a paragraph's indent is kept as its markup, as on a plain page (fix writes the
            # indents of a page that indents its paragraphs, so they are evidence again)
            first = rows[0][2]
            indent = INDENT.match(first) if first[:1] in INDENT_OPENERS else None
            markup = indent.group(0) if indent else ""
            blocks.append(_block(len(blocks), _PARAGRAPH, body, rows[0][0], rows[-1][1], markup))
        para.clear()

    for start, end, line in _lines(text):
        if not line.strip():
            flush()
            continue
        single = _single_line_block(0, start, end, line)
        if single is None and _byline_line(line, para):
            body = line.strip()
            single = _block(0, Kind.BYLINE, body, start, end)
        if single is not None:
            flush()
            blocks.append(single.with_(id=len(blocks)))
        else:
            para.append((start, end, line))
    flush()
    return blocks


BYLINE_LINE_MAX = 24  # characters: a byline line among paragraph lines is short
# a line ending on one of these leaves its sentence open: the next line goes on with it
GOES_ON = frozenset("（(【“‘《「『、，,")


def _byline_line(line: str, para: list[tuple[int, int, str]]) -> bool:
    """A byline on a line of its own among paragraph lines with no blank line between
    (本报记者 王明 over the first paragraph), not a line of a hard-wrapped column."""
    body = line.strip()
    if len(body) > BYLINE_LINE_MAX or BYLINE_WORD.search(body) is None:
        return False
    if BYLINE.match(body) is None or SENTENCE_PUNCT.search(body):
        return False
    if para and para[-1][2].rstrip()[-1:] in GOES_ON:
        return False  # 新华社北京1月21日电（ | 新华社记者刘建新、… : the bracket goes on
    widths = [len(ln.strip()) for _, _, ln in para]
    column = len(widths) >= 2 and max(widths) - min(widths) <= WRAP_SLACK
    return not (column and len(body) >= min(widths) - WRAP_SLACK)


# lines that are never part of a wrapped paragraph: markers, bylines, page furniture.  Every
# line of a plain page is tested, so all but one are matched as one alternation; the running
# head is matched on its own, and only on lines with a 年, 报, 星期, 版 or 编 (it is no regex
# alone, and the test costs more than the alternation's)
STANDALONE = regex.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (MARKER_ONLY, *(q for _, q in FURNITURE))
        if p is not RUNNING_HEAD
    )
)
# a line of marks alone (***, ＊＊＊, ※ ※ ※) parts the text: a paragraph of its own, no headline
ORNAMENT = regex.compile(r"^(?:[*＊※◆◇☆★·•][ \u3000]*){3,7}$")
# a byline may open with any paper's name, so it is tried only on lines with a reporter's word
# (记者, 通讯员, 实习生, 评论员, 文/, 图/, 摄影).  Written to open with one character class, so
# that re scans for the first character in C and tries the words only where one stands; an
# alternation of words opening with classes is tried in full at every position, five times
# slower on text that has none.
BYLINE_WORD = re.compile(
    r"[记記通实實评評文图圖摄攝]"
    r"(?:(?<=[记記])者|(?<=通)[讯訊][员員]|(?<=[实實])[习習]生|(?<=[评評])[论論][员員]"
    r"|(?<=文)\s*/|(?<=[图圖])/|(?<=[摄攝])影)"
)


# the characters a line may open with and match STANDALONE (regex's partial match answers
# it from the pattern itself), learnt as they are met; most lines open with one that cannot,
# and a set look-up is cheaper than trying the alternation
_STANDALONE_OPENERS: set[str] = set()
_TRIED_OPENERS: set[str] = set()
ORNAMENT_MARKS = frozenset("*＊※◆◇☆★·•")  # what ORNAMENT's lines open with
# what a line may open with and stand alone by any test of _is_standalone_line but the
# reporter's word and the running head (which the scans of _standalone_lines find)
_OPENERS_OF_ANY = frozenset(ORNAMENT_MARKS | frozenset(BYLINE_MARK))


def _learn_openers(firsts: set[str]) -> None:
    for first in firsts - _TRIED_OPENERS:
        if STANDALONE.match(first, partial=True) is not None:
            _STANDALONE_OPENERS.add(first)
        _TRIED_OPENERS.add(first)


def _is_standalone_line(body: str) -> bool:
    if body[0] not in _TRIED_OPENERS:
        _learn_openers({body[0]})
    return _opens_standalone(body) or _is_byline(body) or _is_running_head(body)


def _opens_standalone(body: str) -> bool:
    """The tests of a standalone line that its first character rules out: a marker or page
    furniture, an ornament, a bulleted byline or label."""
    first = body[0]
    if first in _STANDALONE_OPENERS and STANDALONE.match(body) is not None:
        return True
    if first in ORNAMENT_MARKS and ORNAMENT.match(body) is not None:
        return True
    # a bullet opens a line of its own as a byline's mark or before a short label
    # (● 链接); a bulleted item wraps like any paragraph: ●一九九七年，… runs on
    return first in BYLINE_MARK and (
        _marked_byline(body) is not None
        or (len(body) <= BULLET_LABEL and not SENTENCE_PUNCT.search(body))
    )


def _is_byline(body: str) -> bool:
    return BYLINE_WORD.search(body) is not None and BYLINE.match(body) is not None


def _is_running_head(body: str) -> bool:
    return _may_be_running_head(body) and RUNNING_HEAD.match(body) is not None


def _may_be_running_head(body: str) -> bool:
    # a running head is made of dates, weekdays, editions, names and separators, and may end
    # with the page's editors: a line with a comma or a full stop is none, and is spared the test
    return (
        "，" not in body
        and "。" not in body
        and ("年" in body or "报" in body or "星期" in body or "版" in body or "编" in body)
    )


def _standalone_lines(text: str, starts: list[int], bodies: list[str]) -> list[bool]:
    """:func:`_is_standalone_line` of each line's body (False for a blank line).

    Few lines can be one, and each test is put only to the lines it may pass: those that
    open with a character a standalone line may open with, those with a reporter's word
    (found by one scan of the whole text), and those with a running head's word and no
    comma or full stop.
    """
    heads = [body[:1] for body in bodies]
    firsts = set(heads)
    firsts.discard("")  # (a blank line)
    _learn_openers(firsts)
    openers = firsts & _STANDALONE_OPENERS | firsts & _OPENERS_OF_ANY
    standalone = [False] * len(bodies)
    for i in compress(count(), map(openers.__contains__, heads)):
        standalone[i] = _opens_standalone(bodies[i])
    for i in {bisect_right(starts, m.start()) - 1 for m in BYLINE_WORD.finditer(text)}:
        standalone[i] = standalone[i] or (bool(bodies[i]) and _is_byline(bodies[i]))
    # (_may_be_running_head, written out: it runs on every line)
    may_be_running_heads = [
        i
        for i, body in enumerate(bodies)
        if "，" not in body
        and "。" not in body
        and ("年" in body or "报" in body or "星期" in body or "版" in body or "编" in body)
    ]
    for i in may_be_running_heads:
        standalone[i] = standalone[i] or RUNNING_HEAD.match(bodies[i]) is not None
    return standalone


BULLET_LABEL = 8  # characters: a bulleted line this short without punctuation is a label


def _wrapped_byline_like(indents: list[str], bodies: list[str], i: int, width: int) -> bool:
    """Line i reads as a byline but fills the column, unindented, and the next line goes on
    flush: a line of wrapped text that happens to open with a reporter's word."""
    body = bodies[i]
    if indents[i] or width < 8 or len(body) < width - WRAP_SLACK or i + 1 >= len(bodies):
        return False
    next_body = bodies[i + 1]
    return (
        bool(next_body)
        and not indents[i + 1]
        and SENTENCE_PUNCT.search(next_body) is not None  # (a headline or a name has none)
        and not _is_standalone_line(next_body)
        and BYLINE_WORD.search(body) is not None
        and BYLINE.match(body) is not None
    )


BRACKET_PAIRS = ("（）", "()", "《》", "“”", "「」", "『』", "【】")
_CLOSING_BRACKET = re.compile("[" + re.escape("".join(close for _, close in BRACKET_PAIRS)) + "]")


def _closes_unopened(line: str) -> bool:
    """Whether the line closes a bracket or quote it does not open: the tail of a wrapped
    sentence, not a line that stands on its own."""
    if _CLOSING_BRACKET.search(line) is None:
        return False  # (most lines close none: spare counting each pair)
    return any(line.count(close) > line.count(open_) for open_, close in BRACKET_PAIRS)


def headline_like(body: str) -> bool:
    """Whether a line of 2 to 40 characters may be a headline as plain OCR prints one: no
    sentence punctuation, and none of the bracketed notes and line ends that look like one."""
    if not 2 <= len(body) <= 40 or SENTENCE_PUNCT.search(body):
        return False
    # a bracketed note (（新华社记者某某摄）, （本栏均据新华社电）) is no headline, nor is
    # the end of one wrapped onto a line of its own (…（下转第 / 7版）, …讲话 / 的一部分）)
    if body[0] in "（(【[" and body[-1] in "）)】]" or _closes_unopened(body):
        return False
    # nor are the last words of a paragraph before its 下转 (…外交关系。在（转第一版）)
    jump = MARKER_AT_END.search(body) if "版" in body else None
    if jump and jump.start() > 0 and jump.group("verb") not in CONTINUED_FROM_VERBS:
        return False
    return not _is_dateline(body)


def _is_dateline(line: str) -> bool:
    # a dateline ends on 讯 or 电 (訊, 電): a line with neither is spared the match
    if "讯" in line or "电" in line or "訊" in line or "電" in line:
        return DATELINE.match(line) is not None
    return False


# what a line may end on to close its sentence (a closing quote or bracket after the mark)
SENTENCE_CLOSERS = frozenset("。！？…!?”’」』）)")


def _parse_plain(text: str) -> list[Block]:
    lines = text.split("\n")
    starts = list(accumulate([len(ln) + 1 for ln in lines], initial=0))
    bodies = [ln.rstrip() for ln in lines]
    indents = [""] * len(lines)
    # an indent opens with one of these; most lines have none, and the test is cheaper than
    # the match
    for i in [i for i, ln in enumerate(lines) if ln[:1] in INDENT_OPENERS]:
        m = INDENT.match(lines[i])
        if m is not None:
            indent = indents[i] = m.group(0)
            bodies[i] = lines[i][len(indent) :].rstrip()
    lengths = [len(b) for ind, b in zip(indents, bodies) if b and not ind]
    width = sorted(lengths)[int(len(lengths) * 0.8)] if lengths else 0
    uses_indent = sum(1 for ind, b in zip(indents, bodies) if ind and b) >= 2
    short_of_column = width * 0.8  # a line shorter than this ends well short of the column
    near_column = width * 0.9
    closes = [b[-1:] in SENTENCE_CLOSERS for b in bodies]  # ("" is in no frozenset)

    def ends_paragraph(i: int) -> bool:
        """Whether line i closes its paragraph, so the next line may start a new block."""
        if i < 0:
            return True
        body = bodies[i]
        if not body or standalone[i] or jumps[i]:
            return True
        if candidate[i] and not (width >= 8 and len(body) >= width):
            return True  # (an unpunctuated line that fills the column is wrapped text)
        if uses_indent and len(body) < short_of_column:
            return True  # a wrapped line short of the column is its paragraph's last
        return closes[i] and (len(body) < near_column or not uses_indent)

    # (most lines have a comma or a full stop, and the test for them is cheaper than the call)
    candidate = [
        not ind and 2 <= len(b) <= 40 and "，" not in b and "。" not in b and headline_like(b)
        for ind, b in zip(indents, bodies)
    ]

    def punctuated_headline(i: int) -> bool:
        """On a page that indents its paragraphs, a short flush line with a label's colon,
        commas or a question mark, after a paragraph's last line and over an indented one
        (asked only of a flush line over an indented one on such a page that is not already
        one of its own)."""
        body = bodies[i]
        return (
            bool(PUNCTUATED_HEADLINE.match(body))
            and SENTENCE_PUNCT.search(body) is not None
            and not _is_dateline(body)
            and ends_paragraph(i - 1)
            # (a second question right after one is the same speaker's: 记者：…？ / …？)
            and not (i > 0 and bodies[i - 1][-1:] == body[-1:] and body[-1] in "？?")
        )

    # a line ending in （下转第2版） ends its piece: the next line starts another block
    jumps = ["版" in b and MARKER_AT_END.search(b) is not None for b in bodies]
    standalone = _standalone_lines(text, starts, bodies)
    for i in [i for i, alone in enumerate(standalone) if alone]:
        # on a page that indents its paragraphs, a reporter's line that fills the column and
        # runs on into a flush line is wrapped text (本报记者王明在车站看到 / 旅客们排队…)
        if uses_indent and _wrapped_byline_like(indents, bodies, i, width):
            standalone[i] = False
            continue
        # the rest of a bracket the line before opened (…访华团。（ / 转第3版）) goes on with it
        if i > 0 and bodies[i - 1][-1:] in "（(【" and _closes_unopened(bodies[i]):
            standalone[i] = False
            continue
        # a reporter's line after a line that leaves its sentence open goes on with it
        # (新华社北京1月21日电（ / 新华社记者刘建新、解放军报记 / 者夏洪青）被誉为…)
        if i > 0 and bodies[i - 1][-1:] in GOES_ON and _is_byline(bodies[i]):
            standalone[i] = False
            continue
        # a bare number is a page number only at the top or bottom of the text or set off by
        # blank lines; inside a paragraph it is a wrapped line (…增长了 / ２５)
        if PAGE_NUMBER.match(bodies[i]):
            isolated = i == 0 or i == len(bodies) - 1 or not bodies[i - 1] or not bodies[i + 1]
            standalone[i] = isolated

    def next_opens(i: int) -> bool:
        if i + 1 >= len(lines):
            return True
        body = bodies[i + 1]
        if not body or indents[i + 1] or standalone[i + 1]:
            return True
        # another short line may be the headline's second line; but a line that fills the
        # column is wrapped text running on, however little punctuation it has (this one,
        # or on an indented page the next: text under a headline opens with an indent)
        fills = width >= 8 and len(bodies[i]) >= width
        runs_on = uses_indent and width >= 8 and len(body) >= width
        if not uses_indent and width >= 8 and len(bodies[i]) <= short_of_column:
            # a page that does not indent: a line well short of the column has ended its
            # paragraph, so what follows opens another (text under a one-line headline)
            return True
        return candidate[i + 1] and not fills and not runs_on

    blocks: list[Block] = []
    current: list[int] = []

    def flush():
        if not current:
            return
        first, last = current[0], current[-1]
        body = "\n".join([bodies[i].strip() for i in current])
        end = starts[last] + len(lines[last])
        blocks.append(_block(len(blocks), _PARAGRAPH, body, starts[first], end, indents[first]))
        current.clear()

    indented_next = [bool(ind) for ind in indents[1:]] + [False]
    for i, body in enumerate(bodies):
        if not body:
            flush()
            continue
        indent = indents[i]
        if standalone[i]:
            own_line, headline = True, False
        elif candidate[i]:
            # a short unpunctuated line between a finished sentence (or paragraph) and an
            # indented one is a headline even when the sentence before it fills the column
            own_line = (ends_paragraph(i - 1) or (i > 0 and closes[i - 1])) and next_opens(i)
            headline = True
        else:
            own_line = headline = False
        if not own_line and uses_indent and not indent and indented_next[i]:
            own_line = headline = punctuated_headline(i)
        if own_line:
            flush()
            start = starts[i]
            end = start + len(lines[i])
            single = _single_line_block(len(blocks), start, end, body)
            if single is None:
                kind = Kind.HEADLINE if headline else Kind.PARAGRAPH
                single = _block(len(blocks), kind, body.strip(), start, end, indent)
            blocks.append(single)
            continue
        # an indented line opens a paragraph; on a page that does not indent, so does a line
        # after one that ends its paragraph; on one that does, a flush line does only after a
        # jump or a sentence ended well short of the column (its paragraph's last line, so
        # the flush line is text from elsewhere: the tail of a paragraph cut at a column
        # break).  (Before a block's first line there is nothing to flush.)
        if current and (
            indent
            or (
                (
                    not uses_indent
                    or jumps[i - 1]
                    or (width >= 8 and len(bodies[i - 1]) < short_of_column and closes[i - 1])
                )
                and ends_paragraph(i - 1)
            )
        ):
            flush()
        current.append(i)
    flush()
    return blocks
