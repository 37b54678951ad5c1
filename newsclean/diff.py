"""What ``fix`` would change: a unified diff for ``patch``, and a readable preview for people.

The unified diff is line-based, over the input text and fix's Markdown output of one page, so
``newsclean diff PAGE | patch -o OUT PAGE`` writes exactly what ``newsclean fix PAGE`` prints.
Lines keep their own ends (CRLF stays CRLF on the old side), and a last line without a newline
gets ``\\ No newline at end of file``.

>>> print(unified("甲\\n乙\\n", "甲\\n丙\\n", "p"), end="")
--- a/p
+++ b/p
@@ -1,2 +1,2 @@
 甲
-乙
+丙

The preview is built from the repair records, not from a diff of the whole page: each record
is one labelled change, its before/after pair diffed character by character (Chinese has no
spaces to split on), removed duplicates listed once with their count, moves shown as moves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .config import FILTER_ORDER
from .model import Block, Repair

NO_EOL = "\\ No newline at end of file\n"
CONTEXT_CHARS = 12
SEAM_CHARS = 14
BODY_INDENT = 9
BODY_LINES = 3


# --- unified diff ---------------------------------------------------------------------------


def split_lines(text: str) -> list[str]:
    """Lines with their ends; only ``\\n`` ends a line, as for patch (not str.splitlines)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _range(start: int, stop: int) -> str:
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if length == 0 else start + 1},{length}"


def _line(prefix: str, line: str) -> str:
    return f"{prefix}{line}" if line.endswith("\n") else f"{prefix}{line}\n{NO_EOL}"


def unified(old: str, new: str, name: str, context: int = 3) -> str:
    """A unified diff turning ``old`` into ``new``; empty when they are equal."""
    a, b = split_lines(old), split_lines(new)
    if a == b:
        return ""
    out = [f"--- a/{name}\n", f"+++ b/{name}\n"]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(_line(" ", line) for line in a[i1:i2])
                continue
            out.extend(_line("-", line) for line in a[i1:i2])
            out.extend(_line("+", line) for line in b[j1:j2])
    return "".join(out)


ANSI = {"-": "\x1b[31m", "+": "\x1b[32m", "@": "\x1b[36m", "hdr": "\x1b[1m", "end": "\x1b[0m"}


def colorize(diff_text: str) -> str:
    """ANSI colours for a unified diff, the way git colours one."""
    out = []
    for line in diff_text.splitlines(keepends=True):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        key = line[:1] if line[:1] in "-+@" else ""
        key = "hdr" if line.startswith(("--- ", "+++ ")) else key
        out.append(f"{ANSI[key]}{body}{ANSI['end']}{end}" if key else line)
    return "".join(out)


# --- character-level preview ----------------------------------------------------------------


def _visible(text: str) -> str:
    return text.replace("\n", "¶").replace("\u3000", "□").replace("\t", "→")


def char_diff(before: str, after: str, color: bool, context: int = CONTEXT_CHARS) -> Text:
    """One changed paragraph pair, deletions and insertions marked, long equal runs elided.

    Without colour, changes read as ``[-old-]{+new+}`` (the wdiff convention).

    >>> char_diff("他说,今天下雨。", "他说，今天下雨。", color=False).plain
    '他说[-,-]{+，+}今天下雨。'
    """
    out = Text()
    ops = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            run = before[i1:i2]
            head = run[:context] if n else ""
            tail = run[-context:] if n < len(ops) - 1 else ""
            if len(run) <= len(head) + len(tail) + 1:
                out.append(run)
            else:
                out.append(head)
                out.append("…", style="dim")
                out.append(tail)
            continue
        if i2 > i1:
            old = _visible(before[i1:i2])
            out.append(old, style="red strike") if color else out.append(f"[-{old}-]")
        if j2 > j1:
            new = _visible(after[j1:j2])
            out.append(new, style="bold green") if color else out.append(f"{{+{new}+}}")
    return out


def shorten(text: str, width: int) -> str:
    text = _visible(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _seams(repair: Repair, blocks: dict[int, Block], color: bool) -> Text | None:
    """Where blocks were joined: the tail of one, a struck paragraph break, the head of the next."""
    parts = [blocks[b].text for b in repair.blocks if b in blocks]
    if len(parts) < 2:
        return None
    out = Text()
    for n, (left, right) in enumerate(zip(parts, parts[1:])):
        if n:
            out.append("  ")
        out.append("…" + left[-SEAM_CHARS:])
        out.append("¶", style="red strike") if color else out.append("[-¶-]")
        out.append(right[:SEAM_CHARS] + "…")
    return out


def _label(repair: Repair, count: int = 1) -> Text:
    label = Text()
    label.append(f"{repair.line:>5}  " if repair.line else "       ", style="dim")
    style = "yellow" if not repair.changes_text else "cyan"
    label.append(f"{repair.filter} {repair.action}", style=style)
    if count > 1:
        label.append(f" ×{count}", style="bold")
    label.append(f"  {repair.confidence:.2f}", style="dim")
    label.append(f"  {repair.reason}")
    return label


def _group_removals(repairs: Sequence[Repair]) -> list[tuple[Repair, list[Repair]]]:
    """Each repair with the identical removals folded into it (a looping OCR decoder)."""
    groups: dict[tuple, list[Repair]] = {}
    order: list[tuple] = []
    for n, r in enumerate(repairs):
        removal = r.changes_text and r.before.strip() and not r.after.strip()
        key = (r.filter, r.action, r.before.strip()) if removal else (n,)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(r)
    return [(groups[k][0], groups[k]) for k in order]


def page_preview(
    source: str, repairs: Sequence[Repair], blocks: dict[int, Block], color: bool, width: int = 80
) -> list[Text | Padding]:
    """The preview lines for one page, in input order."""
    changes = sum(r.changes_text for r in repairs)
    flagged = len(repairs) - changes
    head = Text(source, style="bold")
    head.append(f"  {changes} repair{'s' * (changes != 1)}", style="bold")
    if flagged:
        head.append(f", {flagged} flagged", style="yellow")
    lines = [head]
    ordered = sorted(repairs, key=lambda r: (r.line, r.offset))
    for first, group in _group_removals(ordered):
        label = _label(first, len(group))
        label.truncate(width - 1, overflow="ellipsis")  # full reasons: newsclean explain
        lines.append(label)
        body = _change_body(first, group, blocks, color)
        if body is not None:
            body.truncate(max(20, (width - BODY_INDENT) * BODY_LINES), overflow="ellipsis")
            lines.append(Padding(body, (0, 0, 0, BODY_INDENT), expand=False))
    return lines


def _change_body(
    repair: Repair, group: list[Repair], blocks: dict[int, Block], color: bool
) -> Text | None:
    if not repair.changes_text:
        return None
    if repair.action.startswith("mov") or repair.action == "reordered":
        heads = [f"«{shorten(blocks[b].text, 18)}»" for b in repair.blocks if b in blocks]
        if not heads:
            heads = [f"«{shorten(repair.before, 18)}»"]
        count = f"{len(heads)} blocks " if len(heads) > 1 else ""
        shown = " … ".join([heads[0], heads[-1]] if len(heads) > 1 else heads)
        return Text(f"↷ moved {count}", style="magenta").append(shown)
    if repair.before.strip() and not repair.after.strip():
        gone = shorten(repair.before, 60)
        out = Text(gone, style="red strike") if color else Text(f"[-{gone}-]")
        if len(group) > 1:
            out.append(f"  (lines {', '.join(str(r.line) for r in group)})", style="dim")
        return out
    if repair.before == repair.after:
        return _seams(repair, blocks, color)
    return char_diff(repair.before, repair.after, color)


def summary_rows(repairs: Iterable[Repair]) -> list[tuple[str, int, int, str]]:
    """(filter, repairs, flagged, confidence range) in pipeline order."""
    by: dict[str, list[Repair]] = defaultdict(list)
    for r in repairs:
        by[r.filter].append(r)
    rows = []
    for name in sorted(by, key=lambda n: (FILTER_ORDER.index(n) if n in FILTER_ORDER else 99, n)):
        records = by[name]
        changed = [r.confidence for r in records if r.changes_text]
        conf = f"{min(changed):.2f}–{max(changed):.2f}" if changed else ""
        rows.append((name, len(changed), len(records) - len(changed), conf))
    return rows


def summary_table(repairs: Iterable[Repair], pages: int) -> Table:
    rows = summary_rows(repairs)
    table = Table(title=f"{pages} page{'s' * (pages != 1)}", title_justify="left")
    table.add_column("filter")
    table.add_column("repairs", justify="right")
    table.add_column("flagged", justify="right")
    table.add_column("confidence")
    for name, changed, flagged, conf in rows:
        table.add_row(name, str(changed), str(flagged), conf)
    if len(rows) > 1:
        total = [sum(r[1] for r in rows), sum(r[2] for r in rows)]
        table.add_row("total", str(total[0]), str(total[1]), "", style="bold")
    return table


def summary_plain(repairs: Iterable[Repair]) -> str:
    """The summary table as aligned plain text, for pipes."""
    rows = [("filter", "repairs", "flagged", "confidence")]
    rows += [(n, str(c), str(f), conf) for n, c, f, conf in summary_rows(repairs)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "".join(
        f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}".rstrip() + "\n"
        for r in rows
    )
