"""The page being built: a stream of blocks in printed order, and how it is typeset.

Blocks stay objects until the very end so defects can move, copy and cut them; only then is
the stream printed in one of the two OCR styles, recording where each block landed so the
truth can point at lines and offsets of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import count

INDENT = "\u3000\u3000"
# typesetters never begin a line with these, so hard wraps do not either
NO_LINE_START = "，。、；：？！”’）》」』…,.;:?!)"
REPORTER_PREFIX = re.compile(r"^(本报(驻\S{1,8})?(特约)?记者|新华社(驻\S{1,8})?记者|本报通讯员)")

_uids = count()


@dataclass(eq=False)  # blocks are compared by identity: two copies are two blocks
class Blk:
    """One printed block.

    ``article``/``para`` name the truth paragraph a body block carries (None for copies,
    headings and page furniture).  ``lead``/``trail`` hold a continuation marker printed
    inline.  ``indent`` is False for the second half of a cut paragraph: in plain style that
    half starts flush left, as the top of a new column does.
    """

    kind: str
    text: str
    article: int | None = None
    para: int | None = None
    indent: bool = True
    lead: str = ""
    trail: str = ""
    locked: bool = False
    uid: int = field(default_factory=lambda: next(_uids))

    @property
    def is_body(self) -> bool:
        return self.kind == "paragraph" and self.article is not None


@dataclass
class Rendered:
    text: str
    offsets: dict[int, int]

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def render_markdown(stream: list[Blk], leading_newlines: int = 0) -> Rendered:
    parts, offsets = [], {}
    pos = leading_newlines
    for blk in stream:
        printed = _markdown_block(blk)
        offsets[blk.uid] = pos
        parts.append(printed)
        pos += len(printed) + 2
    return Rendered("\n" * leading_newlines + "\n\n".join(parts) + "\n", offsets)


def _markdown_block(blk: Blk) -> str:
    if blk.kind == "headline":
        return "# " + blk.text
    if blk.kind in ("kicker", "subtitle", "jump"):
        return "## " + blk.text
    if blk.kind in ("heading", "marker"):
        return "### " + blk.text
    if blk.kind == "byline":
        return "□ " + spaced_byline(blk.text)
    if blk.kind == "furniture":
        return blk.text
    return blk.lead + blk.text + blk.trail


STACKED = frozenset({"kicker", "headline", "subtitle", "jump"})  # lines of a headline stack


def render_plain(
    stream: list[Blk], width: int, blank_lines: bool, indented: bool = True
) -> Rendered:
    """Hard-wrapped text: indented paragraphs, bare headline lines, no markup at all.
    ``blank_lines`` sets a blank line before a headline and before a flush paragraph (the
    tail of one cut at a column break); a page that is not ``indented`` parts every block
    from the one before with a blank line (headlines in a stack stay together)."""
    lines: list[str] = []
    offsets: dict[int, int] = {}
    pos = 0

    def add(line: str) -> None:
        nonlocal pos
        lines.append(line)
        pos += len(line) + 1

    previous = None
    for blk in stream:
        opens_column = blk.kind == "headline" or (blk.kind == "paragraph" and not blk.indent)
        if not indented:
            opens_column = not (blk.kind in STACKED and previous in STACKED)
        if (blank_lines or not indented) and opens_column and lines and lines[-1]:
            add("")
        previous = blk.kind
        offsets[blk.uid] = pos
        if blk.kind in ("paragraph", "copy"):
            indent = INDENT if blk.indent and indented else ""
            body = indent + blk.lead + blk.text + blk.trail
            for line in wrap(body, width):
                add(line)
        elif blk.kind == "byline":
            add(spaced_byline(blk.text))
        else:
            add(blk.text)
    return Rendered("\n".join(lines) + "\n", offsets)


def wrap(text: str, width: int) -> list[str]:
    lines, i, n = [], 0, len(text)
    while i < n:
        j = min(i + width, n)
        while j < n and text[j] in NO_LINE_START and j - i < width + 2:
            j += 1
        lines.append(text[i:j])
        i = j
    return lines


def spaced_byline(text: str) -> str:
    """``本报记者张国强`` printed the way the seed page does: ``本报记者 张国强``."""
    m = REPORTER_PREFIX.match(text)
    if not m or text[m.end() : m.end() + 1] == " ":
        return text
    return text[: m.end()] + " " + text[m.end() :]
