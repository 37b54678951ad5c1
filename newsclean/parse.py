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
    rows = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        rows.append((pos, end, line))
        pos = end + 1
    return rows


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
    if m := HEADING.match(stripped):
        level = len(m.group(1))
        kind = Kind.HEADLINE if level == 1 else Kind.SUBTITLE if level == 2 else Kind.SECTION
        return _block(bid, kind, m.group(2).strip(), start, end, markup=m.group(1), level=level)
    if (m := BOLD_LINE.match(stripped)) and not SENTENCE_PUNCT.search(m.group(2)):
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
            blocks.append(
                _block(len(blocks), Kind.PARAGRAPH, body, rows[0][0], rows[-1][1], markup)
            )
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


def _byline_line(line: str, para: list[tuple[int, int, str]]) -> bool:
    """A byline on a line of its own among paragraph lines with no blank line between
    (本报记者 王明 over the first paragraph), not a line of a hard-wrapped column."""
    body = line.strip()
    if len(body) > BYLINE_LINE_MAX or BYLINE_WORD.search(body) is None:
        return False
    if BYLINE.match(body) is None or SENTENCE_PUNCT.search(body):
        return False
    widths = [len(ln.strip()) for _, _, ln in para]
    column = len(widths) >= 2 and max(widths) - min(widths) <= WRAP_SLACK
    return not (column and len(body) >= min(widths) - WRAP_SLACK)


# lines that are never part of a wrapped paragraph: markers, bylines, page furniture.  Every
# line of a plain page is tested, so all but one are matched as one alternation; the running
# head is matched on its own, and only on lines with a 年, 报, 星期 or 版 (it is no regex
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
BYLINE_WORD = re.compile(both_scripts(r"记者|通讯员|实习生|评论员|文\s*/|图/|摄影"))


# whether a line opening with a given character can match STANDALONE at all (regex's partial
# match answers it from the pattern itself); most lines open with one that cannot, and a
# dictionary look-up is cheaper than trying the alternation
_OPENS_STANDALONE: dict[str, bool] = {}


def _is_standalone_line(body: str) -> bool:
    first = body[0]
    opens = _OPENS_STANDALONE.get(first)
    if opens is None:
        opens = _OPENS_STANDALONE[first] = STANDALONE.match(first, partial=True) is not None
    return (
        (opens and STANDALONE.match(body) is not None)
        or ORNAMENT.match(body) is not None
        or (BYLINE_WORD.search(body) is not None and BYLINE.match(body) is not None)
        # a bullet opens a line of its own as a byline's mark or before a short label
        # (● 链接); a bulleted item wraps like any paragraph: ●一九九七年，… runs on
        or (
            first in BYLINE_MARK
            and (
                _marked_byline(body) is not None
                or (len(body) <= BULLET_LABEL and not SENTENCE_PUNCT.search(body))
            )
        )
        or (
            ("年" in body or "报" in body or "星期" in body or "版" in body)
            and RUNNING_HEAD.match(body) is not None
        )
    )


BULLET_LABEL = 8  # characters: a bulleted line this short without punctuation is a label


def _wrapped_byline_like(bodies: list[tuple[str, str]], i: int, width: int) -> bool:
    """Line i reads as a byline but fills the column, unindented, and the next line goes on
    flush: a line of wrapped text that happens to open with a reporter's word."""
    indent, body = bodies[i]
    if indent or width < 8 or len(body) < width - WRAP_SLACK or i + 1 >= len(bodies):
        return False
    next_indent, next_body = bodies[i + 1]
    return (
        bool(next_body)
        and not next_indent
        and SENTENCE_PUNCT.search(next_body) is not None  # (a headline or a name has none)
        and not _is_standalone_line(next_body)
        and BYLINE_WORD.search(body) is not None
        and BYLINE.match(body) is not None
    )


BRACKET_PAIRS = ("（）", "()", "《》", "“”", "「」", "『』", "【】")


def _closes_unopened(line: str) -> bool:
    """Whether the line closes a bracket or quote it does not open: the tail of a wrapped
    sentence, not a line that stands on its own."""
    return any(line.count(close) > line.count(open_) for open_, close in BRACKET_PAIRS)


def headline_like(body: str) -> bool:
    """A line that may be a headline as plain OCR prints one: short, without sentence
    punctuation."""
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
    return not DATELINE.match(body)


def _parse_plain(text: str) -> list[Block]:
    rows = _lines(text)
    bodies = []
    for _s, _e, ln in rows:
        # an indent opens with one of these; most lines have none, and the test is cheaper
        # than the match
        m = INDENT.match(ln) if ln[:1] in INDENT_OPENERS else None
        if m is None:
            bodies.append(("", ln.rstrip()))
        else:
            indent = m.group(0)
            bodies.append((indent, ln[len(indent) :].rstrip()))
    lengths = [len(b) for ind, b in bodies if b and not ind]
    width = sorted(lengths)[int(len(lengths) * 0.8)] if lengths else 0
    uses_indent = sum(1 for ind, b in bodies if ind and b) >= 2

    def ends_paragraph(i: int) -> bool:
        """Whether line i closes its paragraph, so the next line may start a new block."""
        if i < 0:
            return True
        indent, body = bodies[i]
        if not body or standalone[i] or jumps[i]:
            return True
        if candidate[i] and not (width >= 8 and len(body) >= width):
            return True  # (an unpunctuated line that fills the column is wrapped text)
        if uses_indent and len(body) < width * 0.8:
            return True  # a wrapped line short of the column is its paragraph's last
        ends = body[-1] in "。！？…!?”’」』）)"
        return ends and (len(body) < width * 0.9 or not uses_indent)

    candidate = [not indent and headline_like(body) for indent, body in bodies]

    def punctuated_headline(i: int) -> bool:
        """On a page that indents its paragraphs, a short flush line with a label's colon,
        commas or a question mark, after a paragraph's last line and over an indented one
        (asked only of a line that is not already one of its own)."""
        indent, body = bodies[i]
        return (
            uses_indent
            and not indent
            and i + 1 < len(rows)
            and bool(bodies[i + 1][0])
            and bool(PUNCTUATED_HEADLINE.match(body))
            and SENTENCE_PUNCT.search(body) is not None
            and not DATELINE.match(body)
            and ends_paragraph(i - 1)
            # (a second question right after one is the same speaker's: 记者：…？ / …？)
            and not (i > 0 and bodies[i - 1][1][-1:] == body[-1:] and body[-1] in "？?")
        )

    # a line ending in （下转第2版） ends its piece: the next line starts another block
    jumps = [bool(b) and "版" in b and bool(MARKER_AT_END.search(b)) for _, b in bodies]
    standalone = [bool(b) and _is_standalone_line(b) for _, b in bodies]
    for i in [i for i, alone in enumerate(standalone) if alone]:
        # on a page that indents its paragraphs, a reporter's line that fills the column and
        # runs on into a flush line is wrapped text (本报记者王明在车站看到 / 旅客们排队…)
        if uses_indent and _wrapped_byline_like(bodies, i, width):
            standalone[i] = False
            continue
        # the rest of a bracket the line before opened (…访华团。（ / 转第3版）) goes on with it
        if i > 0 and bodies[i - 1][1][-1:] in "（(【" and _closes_unopened(bodies[i][1]):
            standalone[i] = False
            continue
        # a bare number is a page number only at the top or bottom of the text or set off by
        # blank lines; inside a paragraph it is a wrapped line (…增长了 / ２５)
        if PAGE_NUMBER.match(bodies[i][1]):
            isolated = (
                i == 0 or i == len(bodies) - 1 or not bodies[i - 1][1] or not bodies[i + 1][1]
            )
            standalone[i] = isolated

    def next_opens(i: int) -> bool:
        if i + 1 >= len(rows):
            return True
        indent, body = bodies[i + 1]
        if not body or indent or standalone[i + 1]:
            return True
        # another short line may be the headline's second line; but a line that fills the
        # column is wrapped text running on, however little punctuation it has (this one,
        # or on an indented page the next: text under a headline opens with an indent)
        fills = width >= 8 and len(bodies[i][1]) >= width
        runs_on = uses_indent and width >= 8 and len(body) >= width
        if not uses_indent and width >= 8 and len(bodies[i][1]) <= width * 0.8:
            # a page that does not indent: a line well short of the column has ended its
            # paragraph, so what follows opens another (text under a one-line headline)
            return True
        return candidate[i + 1] and not fills and not runs_on

    def ended_short(i: int) -> bool:
        """Line i ends a sentence well short of the column: its paragraph's last line, so a
        flush line after it is text from elsewhere (the tail of a paragraph cut at a column
        break), not more of it."""
        body = bodies[i][1]
        return width >= 8 and len(body) < width * 0.8 and closes_sentence(i)

    def closes_sentence(i: int) -> bool:
        return i >= 0 and bool(bodies[i][1]) and bodies[i][1][-1] in "。！？…!?”’」』）)"

    blocks: list[Block] = []
    current: list[int] = []

    def flush():
        if not current:
            return
        first, last = current[0], current[-1]
        body = "\n".join([bodies[i][1].strip() for i in current])
        markup = bodies[first][0]
        blocks.append(
            _block(len(blocks), Kind.PARAGRAPH, body, rows[first][0], rows[last][1], markup)
        )
        current.clear()

    for i, (start, end, _line) in enumerate(rows):
        indent, body = bodies[i]
        if not body:
            flush()
            continue
        # a short unpunctuated line between a finished sentence (or paragraph) and an
        # indented one is a headline even when the sentence before it fills the column
        own_line = standalone[i] or (
            candidate[i] and (ends_paragraph(i - 1) or closes_sentence(i - 1)) and next_opens(i)
        )
        headline = candidate[i] and not standalone[i]
        if not own_line and punctuated_headline(i):
            own_line = headline = True
        if own_line:
            flush()
            single = _single_line_block(len(blocks), start, end, body)
            if single is None:
                kind = Kind.HEADLINE if headline else Kind.PARAGRAPH
                single = _block(len(blocks), kind, body.strip(), start, end, indent)
            blocks.append(single)
            continue
        new_paragraph = bool(indent) or (
            (not uses_indent or (i > 0 and (jumps[i - 1] or ended_short(i - 1))))
            and ends_paragraph(i - 1)
            and current
        )
        if new_paragraph:
            flush()
        current.append(i)
    flush()
    return blocks
