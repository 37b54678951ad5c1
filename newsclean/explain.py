"""What people see on a terminal: the colour decision, rich consoles, progress, the repair table.

Colour only on a terminal; never with NO_COLOR set to anything non-empty (https://no-color.org)
or TERM=dumb; an explicit --color/--no-color wins over both.  JSONL for machines is
``render.repairs_jsonl``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .diff import shorten
from .model import Repair

BEFORE_AFTER_CHARS = 24


def isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def use_color(stream, flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return isatty(stream)


def console_for(stream, color: bool) -> Console:
    """A console that writes styles only when ``color``; no markup or highlighting of data."""
    return Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        color_system=("auto" if isatty(stream) else "standard") if color else None,
        highlight=False,
        markup=False,
        emoji=False,
    )


def progress(color: bool):
    """A transient progress bar on stderr."""
    import sys

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress(
        "{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console_for(sys.stderr, color),
        transient=True,
    )


def before_after(repair: Repair, width: int = BEFORE_AFTER_CHARS) -> Text:
    if not repair.changes_text:
        return Text("")
    if repair.before == repair.after:
        return Text(shorten(repair.before, width), style="dim")
    out = Text(shorten(repair.before, width), style="red")
    out.append(" → ", style="dim")
    out.append(shorten(repair.after, width) if repair.after.strip() else "∅", style="green")
    return out


def repair_table(source: str, repairs: Sequence[Repair]) -> Table:
    changes = sum(r.changes_text for r in repairs)
    table = Table(
        title=f"{source}: {changes} repair{'s' * (changes != 1)}, {len(repairs) - changes} flagged",
        title_justify="left",
    )
    table.add_column("filter", no_wrap=True)
    table.add_column("action", no_wrap=True)
    table.add_column("line", justify="right")
    table.add_column("conf", justify="right")
    table.add_column("reason", ratio=2)
    table.add_column("before → after", ratio=3)
    for r in sorted(repairs, key=lambda r: (r.line, r.offset)):
        table.add_row(
            r.filter,
            Text(r.action, style="yellow" if not r.changes_text else ""),
            str(r.line) if r.line else "",
            f"{r.confidence:.2f}",
            r.reason,
            before_after(r),
        )
    return table
