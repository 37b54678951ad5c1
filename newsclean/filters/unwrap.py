"""Join hard-wrapped lines inside a block into one paragraph.

The plain-OCR parser, and Markdown paragraphs written over several lines, leave ``\\n`` between
the lines of one block.  Each line break, with any spaces around it, becomes:

* nothing when either side is Chinese (Han, Chinese punctuation, full-width forms), when both
  sides are digits (a number wrapped at the column edge), when the line ends with ``-`` or
  ``/`` or an opening bracket, or when the next line opens with closing punctuation;
* nothing, and the hyphen goes too, when a line ends ``letter-`` and the next begins with a
  lowercase letter after a lowercase one (``informa-`` / ``tion``); ``COVID-`` / ``19`` keeps it;
* nothing inside a web or mail address, a time or a decimal (``www.`` / ``bjshow.cn``,
  ``10:`` / ``30``, ``2.`` / ``71亿元``);
* one space otherwise (between Latin words).

A line that opens a Markdown list item, table row or quotation (``- ``, ``1. ``, ``|``, ``>``)
keeps the line break before it: VLM OCR writes such items a line each.

It changes nothing but line breaks, the spaces at line edges and such word-splitting hyphens;
it never joins two blocks.  Every kind of block is unwrapped, headlines included.
"""

from __future__ import annotations

import re

import regex

from ..chardata import CJK_PUNCT, MARKDOWN_LINE

NAME = "unwrap"

_EDGE = "[ \\t\\u3000]*"
_BREAK = regex.compile(rf"{_EDGE}\n(?:{_EDGE}\n)*{_EDGE}")
# a word split by a hyphen at the line end: lowercase, hyphen, break, lowercase
# (not inside an address: ai- / support@miit.gov.cn keeps its hyphen)
_SPLIT_WORD = regex.compile(rf"(?<=[a-z])-{_BREAK.pattern}(?=[a-z]+(?![a-z]*[@.]\w))")
_WIDE = regex.compile(
    rf"[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}\u3000-\u303f\uff00-\uffef{regex.escape(CJK_PUNCT)}]"
)
# the usual break: one bare newline, a wide character on one side; it goes without a Python
# call per break.  (Both sides must be outside _EDGE, or _BREAK would take more than the
# newline; \u3000 is both wide and an edge.)
_BARE_BREAK_BY_WIDE = regex.compile(
    rf"(?<={_WIDE.pattern})(?<!\u3000)\n(?=[^ \t\u3000\n])"
    rf"|(?<=[^ \t\u3000\n])\n(?={_WIDE.pattern})(?!\u3000)"
)
# a line after the first that may open a Markdown item (see MARKDOWN_LINE), and a line of edge
# space alone; both are rare, and stdlib re finds these fast (they open on the line break)
_MAY_OPEN_MARKDOWN_LINE = re.compile(r"\n[ \t]*[-*+0-9|>]")
_BLANK_LINE = re.compile("\n[ \t\u3000]*\n")
_NO_SPACE_AFTER = "-/([{<\"'“‘"
_NO_SPACE_BEFORE = ",.;:?!)]}>%\"'”’"
# the rest of an address on the next line: more of it, then a dot or a slash (rg.cn, m.org.cn)
_ADDRESS_TAIL = regex.compile(r"[a-z0-9_-]*[./][a-z0-9]", regex.ASCII)
# the end of a line inside a web or mail address (www. | info@waic. | http://) or a time or
# ratio (10: | 3:), where a space would split what the page prints as one
_INSIDE_ADDRESS = regex.compile(
    r"(?:https?://[\w./-]*|www\.[\w.-]*|[\w.+-]+@[\w.-]*|(?<![\w.])[0-9]{1,2}:)$", regex.ASCII
)


def _joiner(m: regex.Match) -> str:
    text = m.string
    left = text[m.start() - 1] if m.start() > 0 else ""
    right = text[m.end()] if m.end() < len(text) else ""
    if not left or not right:
        return ""
    if _WIDE.match(left) or _WIDE.match(right):
        return ""
    if left in _NO_SPACE_AFTER or right in _NO_SPACE_BEFORE:
        return ""
    if left.isdigit() and right.isdigit():
        return ""
    if left == "@" or right == "@":
        return ""  # a mail address wrapped at the column edge: info@ / waic.cn
    # (a capital after an address's dot opens the next sentence)
    after_mark = right.isdigit() or left == "." and right.islower()
    if (
        left in ".:"
        and after_mark
        or left.isalnum()
        and _ADDRESS_TAIL.match(text, m.end()) is not None
    ) and _INSIDE_ADDRESS.search(text, 0, m.start()):
        # an address or a time wrapped at the column edge: www. / bjshow.cn, 10: / 30,
        # www.caam.o / rg.cn, info@caa / m.org.cn
        return ""
    if left == "." and right.isdigit() and m.start() > 1 and text[m.start() - 2].isdigit():
        return ""  # a decimal: 2. / 71亿元
    return " "


def _structured_lines(text: str) -> list[str] | None:
    """The text cut before each line that opens a Markdown list item, table row or
    quotation, or None when it has none after its first line."""
    if _MAY_OPEN_MARKDOWN_LINE.search(text) is None:
        return None
    starts = [m.start() for m in MARKDOWN_LINE.finditer(text) if m.start() > 0]
    if not starts:
        return None
    bounds = [0, *starts, len(text) + 1]
    return [text[a : b - 1] for a, b in zip(bounds, bounds[1:])]


def unwrap_text(text: str) -> tuple[str, int, int]:
    """Join the lines of one block; return the text, line breaks joined, hyphens dropped.

    >>> unwrap_text("全市160个执法主体、2700余名执\\n法人员基础信息全部实现网上查询,\\n行政复议败诉率明显下降。")[0]
    '全市160个执法主体、2700余名执法人员基础信息全部实现网上查询,行政复议败诉率明显下降。'
    >>> unwrap_text("the informa-\\ntion age of COVID-\\n19 and\\nbeyond")[0]
    'the information age of COVID-19 and beyond'
    """
    if "\n" not in text:
        return text, 0, 0
    if (pieces := _structured_lines(text)) is not None:
        done = [unwrap_text(piece) for piece in pieces]
        text = "\n".join(piece for piece, _, _ in done)
        return text, sum(b for _, b, _ in done), sum(h for _, _, h in done)
    # each run of line breaks with only edge space between them is one break
    breaks = text.count("\n") if _BLANK_LINE.search(text) is None else len(_BREAK.findall(text))
    hyphens = 0
    if "-" in text:
        text, hyphens = _SPLIT_WORD.subn("", text)
    text = _BARE_BREAK_BY_WIDE.sub("", text)
    if "\n" in text:
        text = _BREAK.sub(_joiner, text)
    return text, breaks, hyphens


def run(page, config):
    changes = {}
    for i, block in enumerate(page.blocks):
        new, breaks, hyphens = unwrap_text(block.text)
        if new != block.text:
            reason = f"hard_wrap: {breaks} line breaks joined"
            if hyphens:
                reason += f", {hyphens} word-splitting hyphens dropped"
            changes[i] = (new, reason, 0.85 if hyphens else 0.98)
    return page.rewrite(NAME, "unwrapped", changes)
