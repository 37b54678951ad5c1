"""The document model: a page is a list of blocks; filters return new pages plus repairs.

Blocks keep their identity (``id``, the input order) and the input spans they came from, so
repairs, diffs and the conservation check can all point back at the input text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Kind(StrEnum):
    HEADLINE = "headline"
    KICKER = "kicker"
    SUBTITLE = "subtitle"
    JUMP_HEADLINE = "jump_headline"
    SECTION = "section"
    BYLINE = "byline"
    MARKER = "marker"
    PARAGRAPH = "paragraph"


HEADING_KINDS = frozenset({Kind.HEADLINE, Kind.KICKER, Kind.SUBTITLE, Kind.JUMP_HEADLINE})


@dataclass(frozen=True)
class Block:
    """One unit of the page: a heading, byline, marker or paragraph.

    ``text`` is the content with markup (``#``, ``□``, indents) stripped; ``markup`` is the
    prefix the input carried, kept so the parser round-trips.  ``spans`` are the input ranges
    the block covers (several after a join).
    """

    id: int
    kind: Kind
    text: str
    spans: tuple[tuple[int, int], ...]
    markup: str = ""
    level: int = 0
    article: int = -1
    flags: frozenset[str] = frozenset()
    continued_from: int | str | None = None
    continued_to: int | str | None = None

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def with_(self, **changes) -> Block:
        # a shallow copy with fields set directly: dataclasses.replace re-runs __init__, and
        # filters call this for most blocks of every page
        new = object.__new__(Block)
        fields = new.__dict__
        fields.update(self.__dict__)
        fields.update(changes)
        # a name that is no field adds an entry (the count is cheaper to test than the names)
        if len(fields) != len(self.__dict__) and (unknown := changes.keys() - BLOCK_FIELDS):
            raise TypeError(f"Block has no field {', '.join(sorted(unknown))}")
        return new

    def flagged(self, *names: str) -> Block:
        return self.with_(flags=self.flags | frozenset(names))


BLOCK_FIELDS = frozenset(Block.__dataclass_fields__)

# a block's flags that start with _ are notes from one filter to another, not output: this one
# says reorder brought the rest of the block's cut sentence right after it (a bled run was
# read between them)
BLEED_SEAM_NOTE = "_bleed_seam"


@dataclass(frozen=True)
class Repair:
    """A record of one change (or, with action ``flagged``, one doubtful spot left alone).

    Actions: ``removed``, ``replaced``, ``unwrapped``, ``joined``, ``moved`` (repairs);
    ``flagged`` (a spot left alone); ``parsed`` (fix's own marker line read back).

    ``before``/``after`` hold the exact text replaced, so that input = output - after + before
    holds character for character (whitespace aside); that is what the conservation test checks.
    """

    filter: str
    action: str
    reason: str
    before: str
    after: str
    confidence: float
    blocks: tuple[int, ...]
    offset: int
    line: int = 0

    @property
    def changes_text(self) -> bool:
        """Whether this record is a repair.  ``flagged`` spots change nothing; ``parsed`` is
        a marker read back from the form fix itself writes (``（上接第1版）``), which leaves
        the page as fix would write it."""
        return self.action not in ("flagged", "parsed")

    def where(self) -> str:
        ids = ",".join(str(b) for b in self.blocks)
        return f"line {self.line}, block {ids}" if self.line else f"block {ids}"

    def to_dict(self) -> dict:
        return {
            "filter": self.filter,
            "action": self.action,
            "where": self.where(),
            "line": self.line,
            "offset": self.offset,
            "blocks": list(self.blocks),
            "reason": self.reason,
            "before": self.before,
            "after": self.after,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Page:
    """A decoded input page and its blocks in current reading order."""

    source: str
    text: str
    blocks: tuple[Block, ...]
    style: str = "markdown"  # or "plain"

    def with_blocks(self, blocks) -> Page:
        # a shallow copy, as in Block.with_; it keeps the line index too (same text, same lines)
        page = object.__new__(Page)
        page.__dict__.update(self.__dict__)
        page.__dict__["blocks"] = tuple(blocks)
        return page

    @cached_property
    def _line_starts(self) -> tuple[int, ...]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return tuple(starts)

    def line_of(self, offset: int) -> int:
        return bisect_right(self._line_starts, offset)

    def indents_paragraphs(self) -> bool:
        """Whether most of the page's paragraphs (60%) open with an indent, as plain OCR
        prints them: there, a paragraph set flush goes on from the one before."""
        return indents_paragraphs(self.blocks)

    def rewrite(self, filter: str, action: str, changes: dict) -> tuple[Page, list[Repair]]:
        """Replace block texts and record one repair per block that changed.

        ``changes`` maps a block's position to ``(new text, reason, confidence)``.
        """
        blocks, repairs = list(self.blocks), []
        for i, (new, reason, confidence) in changes.items():
            block = blocks[i]
            if new == block.text:
                continue
            repairs.append(
                self.repair(filter, action, (block,), reason, block.text, new, confidence)
            )
            blocks[i] = block.with_(text=new)
        return (self.with_blocks(blocks) if repairs else self), repairs

    def repair(
        self,
        filter: str,
        action: str,
        blocks,
        reason: str,
        before: str,
        after: str,
        confidence: float = 1.0,
    ) -> Repair:
        """Build a repair record located at the first of ``blocks``."""
        blocks = tuple(blocks)
        offset = blocks[0].spans[0][0] if blocks else 0  # (the first block's start)
        # every field set directly, as in Block.with_: a frozen dataclass's __init__ goes
        # through object.__setattr__ once per field, and filters record thousands of repairs
        record = object.__new__(Repair)
        record.__dict__.update(
            filter=filter,
            action=action,
            reason=reason,
            before=before,
            after=after,
            confidence=confidence,
            blocks=tuple([b.id for b in blocks]),
            offset=offset,
            line=bisect_right(self._line_starts, offset),  # (line_of, without the call)
        )
        return record


def indents_paragraphs(blocks) -> bool:
    """Whether most of these paragraphs (60%) open with an indent (see Page's)."""
    paragraphs = [b for b in blocks if b.kind == Kind.PARAGRAPH]
    return bool(paragraphs) and sum(1 for b in paragraphs if b.markup) >= 0.6 * len(paragraphs)


def article_groups(blocks) -> list[list[Block]]:
    """The blocks as the articles they make, in the order fix writes them: each article
    where its first block stands, its blocks in page order, and a piece ending at the block
    that jumps to another page (下转第N版), so what follows starts another; blocks no one
    labelled go with the unlabelled run they stand in."""
    groups: list[list[Block]] = []
    label_to_group: dict[int, int] = {}
    for block in blocks:
        if block.article < 0:
            if not groups or _jumps(groups[-1]):
                groups.append([])
            groups[-1].append(block)
            continue
        group = label_to_group.get(block.article)
        if group is None or _jumps(groups[group]):
            label_to_group[block.article] = group = len(groups)
            groups.append([])
        groups[group].append(block)
    return groups


def _jumps(blocks: list[Block]) -> bool:
    """A piece ends at the block that jumps to another page: an article carries one
    continued_to, written after its last block."""
    return bool(blocks) and blocks[-1].continued_to is not None


@dataclass
class Section:
    heading: str | None
    paragraphs: list[str] = field(default_factory=list)
    heading_block: int | None = None
    paragraph_blocks: list[int] = field(default_factory=list)


@dataclass
class Article:
    source: str
    index: int
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    jump_headline: str | None = None
    bylines: list[str] = field(default_factory=list)
    dateline: str | None = None
    continued_from: int | str | None = None
    continued_to: int | str | None = None
    sections: list[Section] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    # (role, text) in reading order, for renderers that keep the page's order (Markdown)
    layout: list[tuple[str, str]] = field(default_factory=list)
    # the page's script, "simplified" or "traditional": the Markdown writes its marker lines
    # in it (（下轉第2版） on a traditional page); not part of the JSONL record
    script: str = "simplified"

    def paragraphs(self) -> list[str]:
        return [p for s in self.sections for p in s.paragraphs]

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "index": self.index,
            "title": self.title,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "jump_headline": self.jump_headline,
            "bylines": list(self.bylines),
            "dateline": self.dateline,
            "continued_from": self.continued_from,
            "continued_to": self.continued_to,
            "sections": [
                {"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in self.sections
            ],
            "flags": list(self.flags),
            "repairs": [r.to_dict() for r in self.repairs],
        }


@dataclass
class Result:
    """What :func:`newsclean.clean` returns for one page."""

    page: Page
    articles: list[Article]
    repairs: list[Repair]

    @property
    def changed(self) -> bool:
        return any(r.changes_text for r in self.repairs)
