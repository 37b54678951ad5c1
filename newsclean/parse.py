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
    ASCII_QUOTES,
    BYLINE,
    BYLINE_MARK,
    CONTINUED_FROM_VERBS,
    DATELINE,
    FURNITURE,
    MARKER_AT_END,
    MARKER_ONLY,
    ROLE_LABEL,
    RUNNING_HEAD,
    SECTION_LABEL,
    SENTENCE_FINAL,
    both_scripts,
    may_hold_marker,
    without_role_labels,
)
from .model import Block, Kind, Page

# as CommonMark: closing #s count only after a space (C# keeps its #, and "# ##" is "##")
HEADING = regex.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# a line set wholly in bold, as VLM OCR marks a heading, a running head or a 上接 line it
# gives no level: its role comes from where it stands, as a ## line's does (a kicker over a
# headline, a headline over a byline or a dateline, a section heading amid text)
BOLD_LINE = regex.compile(r"^(\*\*|__)(?![\s*_])([^*\n]{1,60}?)(?<![\s*_])\1$")
# a bold line is a byline when a reporter's word stands apart from the names after it
# (**本报记者 陈静**, **文/张三**, **撰文：张三**); 记者手记 or 记者观察 in bold is a column's
# heading
BOLD_BYLINE = regex.compile(
    both_scripts(r"^.{0,12}?(?:记者|通讯员|实习生|评论员|摄影)[\s\u3000]+\S|.*/")
    + rf"|^.{{0,12}}?{ROLE_LABEL}"
)
INDENT = regex.compile(r"^(?:[\u3000\t]|[ \u00a0]{2,})+")
INDENT_OPENERS = frozenset("\u3000\t \u00a0")
BYLINE_PREFIX = regex.compile(rf"^[{BYLINE_MARK}][ \t\u3000]*")
BYLINE_MARKS = frozenset(BYLINE_MARK)
# punctuation that a headline does not carry (it may carry quotes, dashes and spaces); tested
# on every line of a plain page, and a plain class runs faster in stdlib re than in regex
SENTENCE_PUNCT = re.compile(r"[，。；：？！、,;:?!]")
CLAUSE_PUNCT = re.compile(r"[，。；：？！,;:?!]")  # the same but a list's 、
# a headline may carry a label before a colon (李强：坚持稳中求进, 新华时评：…), commas between
# its phrases (稳增长，促消费) or end on a question or exclamation mark (房价还会涨吗？); such
# a line is a headline only where the page shows it plainly (see _parse_plain)
PUNCTUATED_HEADLINE = re.compile(
    r"^(?![，、,）)”’」』…—])(?:[^，。；：？！、,;:?!]{1,10}[：:])?[^。；：？！;:?!]{2,30}(?<![，、,])[？！?!]?$"
)
# a subtitle printed under its headline opens with a dash: ——记全国模范教师张秀兰, ——访全国人大代表、
# 农民工李强, ——来自雄安新区的报道 (a short line, with no sentence or clause ended in it: a
# list's 、 is all the punctuation it may carry)
DASH_SUBTITLE = regex.compile(
    r"^(?:—{1,2}|－{1,2}|-{2}|─{1,2})[ \t\u3000]*\p{Han}[^\n。；;：:？！?!，,]{1,30}$"
)
# a line ending in one of these may end its paragraph (。！？ and a closing quote after one)
LINE_FINAL = frozenset("。！？!?”’」』…")


def _ascii_quote_closes(text: str) -> bool:
    """Whether text ends on an ASCII quote right after a sentence-final mark (…格局。"), which
    closes the quotation as ” does (ENDS_SENTENCE reads it so too)."""
    return len(text) >= 2 and text[-1] in ASCII_QUOTES and text[-2] in SENTENCE_FINAL


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


def _set_off_marker(line: str) -> tuple[str, str] | None:
    """(markup, marker) of a continuation marker set in italics or as a quotation
    (*上接第一版*, > 上接第一版), as some VLM OCR sets the small print a bold line carries."""
    if line[0] == ">":
        if line[1:2] in (">", "＞"):
            return None  # (an arrow: >>>下转第3版 is the marker's own)
        markup, inner = ">", line[1:].strip()
    elif len(line) > 2 and line[-1] == line[0] and line[1] != line[0]:
        markup, inner = line[0], line[1:-1].strip()
    else:
        return None
    return (markup, inner) if inner and MARKER_ONLY.match(inner) else None


def _single_line_block(bid: int, start: int, end: int, line: str) -> Block | None:
    """A heading or byline line, which stands as a block of its own; None for body text."""
    stripped = line.strip()
    # (each pattern opens on its own marks: a line without them is spared the match)
    if stripped[:1] == "#" and (m := HEADING.match(stripped)):
        level = len(m.group(1))
        kind = Kind.HEADLINE if level == 1 else Kind.SUBTITLE if level == 2 else Kind.SECTION
        return _block(bid, kind, m.group(2).strip(), start, end, markup=m.group(1), level=level)
    bold = stripped[:2] in ("**", "__")
    if (
        bold
        and (m := BOLD_LINE.match(stripped))
        and (
            not SENTENCE_PUNCT.search(without_role_labels(m.group(2)))
            or _labelled_heading(m.group(2).strip())
        )
    ):
        markup, inner = m.group(1) * 2, m.group(2).strip()
        if byline := _marked_byline(inner):
            return _block(bid, Kind.BYLINE, byline[1], start, end, markup=markup + byline[0])
        if BOLD_BYLINE.match(inner) and BYLINE.match(inner):
            return _block(bid, Kind.BYLINE, inner, start, end, markup=markup)
        # (a role's colon is a credit's, not a heading's)
        if not SENTENCE_PUNCT.search(inner) or _labelled_heading(inner):
            return _block(bid, Kind.SECTION, inner, start, end, markup=markup, level=2)
        return None
    if stripped[:1] in "*_>" and (marker := _set_off_marker(stripped)):
        # (read as a bold line is: structure makes it the marker line it is)
        return _block(bid, Kind.SECTION, marker[1], start, end, markup=marker[0], level=2)
    if byline := _marked_byline(stripped):
        markup, rest = byline
        return _block(bid, Kind.BYLINE, rest, start, end, markup=markup)
    if label := _marked_label(stripped):
        # (level 3, as fix writes a section heading: a section wherever it stands)
        markup, rest = label
        return _block(bid, Kind.SECTION, rest, start, end, markup=markup, level=3)
    return None


# a speaker's, a credit's or a source's label: what such a colon opens is no heading
ROLE_LABEL_AT_START = regex.compile(
    both_scripts(
        r"^(?:问|答|记者|主持人|嘉宾|嘉賓|编辑|责编|美编|校对|采写|撰文|撰稿|文字|摄影|视频|制图|统筹"
        r"|策划|[来來]源|资料[来來]源|注)\s*[：:]"
    )
)


def _labelled_heading(text: str) -> bool:
    """A heading with a label's colon (央行：保持流动性合理充裕), not a speaker's question in an
    interview (记者：下一步有哪些重点举措？) nor a role's credit (编辑：张三)."""
    return (
        PUNCTUATED_HEADLINE.match(text) is not None
        and ("：" in text or ":" in text)
        and text[-1] not in "？?"
        and not BYLINE.match(text)
        and not ROLE_LABEL_AT_START.match(text)
    )


def _marked_byline(line: str) -> tuple[str, str] | None:
    """(mark, byline) of a line that is a marked byline, or None."""
    if line[:1] not in BYLINE_MARKS:
        return None  # (BYLINE_PREFIX opens on one)
    m = BYLINE_PREFIX.match(line)
    if m is None:
        return None
    rest = line[m.end() :].strip()
    # (a list's 、 is a byline's: □ 记者归通昌、吴绮敏, as fix writes one it found unmarked)
    if not rest or CLAUSE_PUNCT.search(without_role_labels(rest)):
        return None
    if line[0] in LABEL_MARKS and SECTION_LABEL.match(rest):
        return None  # (a box's label: see _marked_label)
    # □ marks bylines; a bullet (●, ▲) before a short unpunctuated line is a list item
    # or a lead-in unless the line reads as a byline
    names_only = line[0] in LABEL_MARKS and len(rest) <= 12
    if names_only or BYLINE.match(rest):
        return m.group(0).strip(), rest
    return None


# the marks that set a byline of bare names (□ 张冲) or the label of a box beside the story
# (■ 链接), told apart by the label's words (see SECTION_LABEL)
LABEL_MARKS = "□■"


def _marked_label(line: str) -> tuple[str, str] | None:
    """(mark, label) of a □ or ■ line that labels a box beside the story (■ 链接, □ 延伸阅读,
    ■追问 为何充电桩建设滞后), a section heading; or None."""
    if line[:1] not in LABEL_MARKS:
        return None
    rest = line[1:].strip()
    if rest and not SENTENCE_PUNCT.search(rest) and SECTION_LABEL.match(rest):
        return line[0], rest
    return None


HEADLINE_LINE_MAX = 40  # characters: a headline set on a line of its own is short


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
    ends = [line[-1] in LINE_FINAL or _ascii_quote_closes(line) for line in lines[:-1]]
    # a sentence end on every line, or a short line with no sentence in it between them (a
    # headline over its text): a paragraph a line
    labels = [
        not end and len(line) <= HEADLINE_LINE_MAX and headline_like(line)
        for line, end in zip(lines, ends)
    ]
    every_line = all(e or lab for e, lab in zip(ends, labels)) and not all(labels)
    out: list[list[tuple[int, int, str]]] = [[]]
    for i, row in enumerate(rows):
        if out[-1] and INDENT.match(row[2]):
            out.append([])  # an indented line opens a paragraph, as in plain OCR
        if every_line and i < len(labels) and labels[i] and out[-1]:
            out.append([])
        out[-1].append(row)
        ends_here = i < len(ends) and (ends[i] or every_line and labels[i])
        if ends_here and (every_line or widths[i] < edge - WRAP_SLACK):
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


def _leaves_open(line: str) -> bool:
    """Whether the line's sentence goes on into the next line: it ends on a mark that goes on,
    or opens a bracket it does not close (新华社北京1月22日电（中 / 央人民广播电台记者刘磊…)."""
    line = line.rstrip()
    if line[-1:] in GOES_ON:
        return True
    opened = line.count("（") + line.count("(")
    return opened > 0 and opened > line.count("）") + line.count(")")


def _byline_line(line: str, para: list[tuple[int, int, str]]) -> bool:
    """A byline on a line of its own among paragraph lines with no blank line between
    (本报记者 王明 over the first paragraph), not a line of a hard-wrapped column."""
    body = line.strip()
    if len(body) > BYLINE_LINE_MAX or BYLINE_WORD.search(body) is None:
        return False
    if BYLINE.match(body) is None or SENTENCE_PUNCT.search(without_role_labels(body)):
        return False
    if para and _leaves_open(para[-1][2]):
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
# (记者, 通讯员, 实习生, 评论员, 文/, 图/, 摄影, 采写, 撰文).  Written to open with one character
# class, so that re scans for the first character in C and tries the words only where one
# stands; an alternation of words opening with classes is tried in full at every position,
# five times slower on text that has none.
BYLINE_WORD = re.compile(
    r"[记記通实實评評文图圖摄攝采採撰作]"
    r"(?:(?<=[记記作])者|(?<=通)[讯訊][员員]|(?<=[实實])[习習]生|(?<=[评評])[论論][员員]"
    r"|(?<=文)\s*[/|｜]|(?<=[图圖])\s*[/|｜]|(?<=[摄攝])影|(?<=[采採])[写寫]|(?<=撰)文)"
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
        or _marked_label(body) is not None
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
    """Line i reads as a byline but fills the column, and the next line goes on flush: a line
    of wrapped text that happens to open with a reporter's word (or a paragraph's first line,
    indented: 虎林园也是新闻记者追踪的 / 热点，…)."""
    body = bodies[i]
    # (an ideographic space takes a character's width, two ASCII spaces take one)
    indent = sum(1 if c == "\u3000" else 0.5 for c in indents[i])
    if width < 8 or indent + len(body) < width - WRAP_SLACK or i + 1 >= len(bodies):
        return False
    next_body = bodies[i + 1]
    return (
        bool(next_body)
        and not indents[i + 1]
        # (a headline or a name has no punctuation; but an indented line opens a paragraph,
        # and a byline is seldom set so: 　　中国国防报记者黄运 / 成新华社记者贾永黄秋生)
        and (bool(indents[i]) or SENTENCE_PUNCT.search(next_body) is not None)
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
    sentence punctuation (a subtitle opening with a dash may carry a list's 、), and none of
    the bracketed notes and line ends that look like one."""
    if not 2 <= len(body) <= 40:
        return False
    if SENTENCE_PUNCT.search(body) and not (body[0] in "—－-─" and DASH_SUBTITLE.match(body)):
        return False
    # a bracketed note (（新华社记者某某摄）, （本栏均据新华社电）) is no headline, nor is
    # the end of one wrapped onto a line of its own (…（下转第 / 7版）, …讲话 / 的一部分）)
    if body[0] in "（(【[" and body[-1] in "）)】]" or _closes_unopened(body):
        return False
    # nor are the last words of a paragraph before its 下转 (…外交关系。在（转第一版）)
    jump = MARKER_AT_END.search(body) if may_hold_marker(body) else None
    if jump and jump.start() > 0 and jump.group("verb") not in CONTINUED_FROM_VERBS:
        return False
    # nor is a letter's or poem's signature, which ends on its date (韩素音1996年1月18日,
    # 1997年3月6日于北京, 罗高寿一九九六．四．五) or signs after one in words
    if SIGNATURE_DATE.search(body):
        return False
    # nor is a row of a table of figures (上证B股67.0367.02699.31251.930)
    digits = sum(c.isdigit() for c in body)
    if digits >= FIGURES_ROW_DIGITS and digits > 2 * len(HAN_CHAR.findall(body)):
        return False
    return not _is_dateline(body)


FIGURES_ROW_DIGITS = 6
HAN_CHAR = regex.compile(r"\p{Han}")


_NUMBER = r"[0-9０-９〇零一二三四五六七八九十]"
SIGNATURE_DATE = regex.compile(
    both_scripts(
        rf"(?:{_NUMBER}{{2,4}}年{_NUMBER}{{1,2}}月(?:{_NUMBER}{{1,3}}日)?"
        rf"|{_NUMBER}{{1,2}}月{_NUMBER}{{1,3}}日)(?:[于於]\p{{Han}}{{1,6}})?$"
        rf"|{_NUMBER}{{4}}[.．·]{_NUMBER}{{1,2}}(?:[.．]{_NUMBER}{{1,3}})?(?:[于於]\p{{Han}}{{1,6}})?$"
        # (a full date in words, then the signer: 一九九七年六月十六日中曾根康弘)
        rf"|^[〇零一二三四五六七八九]{{4}}年{_NUMBER}{{1,2}}月{_NUMBER}{{1,3}}日\p{{Han}}{{2,5}}$"
    )
)
# a dateline ends on 讯 or 电 (訊, 電), or is a site's 消息, a 报导/报道, or a reporter and
# names: a line with none of these is spared the match
DATELINE_WORD = re.compile("[讯电訊電息导導道记記]")


def _is_dateline(line: str) -> bool:
    if DATELINE_WORD.search(line) is not None:
        return DATELINE.match(line) is not None
    return False


# what a line may end on to close its sentence (a closing quote or bracket after the mark)
SENTENCE_CLOSERS = frozenset("。！？…!?”’」』）)")


def closes_sentence(text: str) -> bool:
    """Whether a line or block ends on a mark of SENTENCE_CLOSERS, or on an ASCII quote that
    closes after a sentence-final mark."""
    return text[-1:] in SENTENCE_CLOSERS or _ascii_quote_closes(text)


LINE_PER_PARAGRAPH_SHARE = 0.6  # of the long lines that end a sentence
# characters: longer than any column's line (10-30 characters, a closing mark hung past the
# column's edge included, which makes the lines that end a sentence the longest ones there)
LONG_LINE = 40


def _line_per_paragraph(bodies: list[str], closes: list[bool]) -> bool:
    """Whether the page gives each paragraph one line (OCR that does not wrap at the column,
    or text copied from an e-paper): most of its long lines end a sentence, where in text
    wrapped at the column few do, a paragraph's last line alone."""
    long_lines = [c for b, c in zip(bodies, closes) if len(b) >= LONG_LINE]
    return len(long_lines) >= 2 and sum(long_lines) >= LINE_PER_PARAGRAPH_SHARE * len(long_lines)


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
    far_short_of_column = width * 0.65
    closes = [b[-1:] in SENTENCE_CLOSERS or _ascii_quote_closes(b) for b in bodies]
    # a page that does not indent parts its paragraphs with blank lines: there a line that
    # ends a sentence and fills the column is wrapped text like any other (a paragraph ends
    # at the blank line, or on a line well short of the column)
    # (a blank line between two lines of text: the one a file ends with parts nothing)
    last_text = max((i for i, b in enumerate(bodies) if b), default=-1)
    blank_parted = not uses_indent and any(
        closes[i] and not bodies[i + 1] for i in range(last_text)
    )
    keeps_on_at_column = (uses_indent or blank_parted) and not _line_per_paragraph(bodies, closes)

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
        return closes[i] and (len(body) < near_column or not keeps_on_at_column)

    # (most lines have a comma or a full stop, and the test for them is cheaper than the call)
    candidate = [
        not ind and 2 <= len(b) <= 40 and "，" not in b and "。" not in b and headline_like(b)
        for ind, b in zip(indents, bodies)
    ]

    def punctuated_headline(i: int) -> bool:
        """A short flush line with a label's colon, commas or a question mark, after a
        paragraph's last line and over an indented one on a page that indents its paragraphs,
        or over a dateline on any page (asked only of such a line that is not already one of
        its own)."""
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
    jumps = [may_hold_marker(b) and MARKER_AT_END.search(b) is not None for b in bodies]
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
        if i > 0 and _leaves_open(bodies[i - 1]) and _is_byline(bodies[i]):
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
        under_heading = i == 0 or not bodies[i - 1] or candidate[i - 1]
        if uses_indent and (
            _is_dateline(body)
            or (under_heading and width >= 8 and len(bodies[i]) <= far_short_of_column)
        ):
            # on a page that does, text whose indent the OCR lost: a dateline opens its
            # article's text, and under a headline no wrapped line stops this far short of
            # the column (the first line of a paragraph's tail cut off at a column break may
            # stop a little short: 人居住的城堡以德國的傳奇建築“新天鵝石; amid the text, a
            # line may be cut short: …有何不好？/ 西方哲学家卡西尔曾 / 说过，…)
            return True
        return candidate[i + 1] and not fills and not runs_on

    def dateline_next(i: int) -> bool:
        # (text under a headline opens with its dateline, whose indent the OCR may lose)
        return i + 1 < len(bodies) and _is_dateline(bodies[i + 1])

    def byline_next(i: int) -> bool:
        return i + 1 < len(bodies) and standalone[i + 1] and _is_byline(bodies[i + 1])

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

    # whether the next line with text is indented (a blank line may part a headline from it)
    indented_next = [False] * len(lines)
    following = False
    for i in range(len(lines) - 1, -1, -1):
        indented_next[i] = following
        if bodies[i]:
            following = bool(indents[i])
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
            # (or over a byline, which stands under its headline: the line before then ends a
            # column cut short)
            own_line = (
                ends_paragraph(i - 1) or (i > 0 and closes[i - 1]) or byline_next(i)
            ) and next_opens(i)
            headline = True
        else:
            own_line = headline = False
        if not own_line and not indent and ((uses_indent and indented_next[i]) or dateline_next(i)):
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
