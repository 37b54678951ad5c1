"""Runs the enabled filters in registry order and collects their repairs."""

from __future__ import annotations

from .config import Config
from .filters import FILTERS
from .model import Page, Repair

# filters whose evidence a join can change: a joined paragraph can complete a marker cut at
# the column break (（下转第|八版）), a mark to make full-width, a copy of another paragraph,
# or a loop; the gates skip a filter when the joined text gives it nothing to look at
SETTLE_GATES = {
    "normalize": lambda text: any(c in text for c in ",;:?!() "),
    "continuation": lambda text: "版" in text,
    "dedup": lambda text: True,
    # a joined paragraph is stronger evidence of where it belongs than its two halves were;
    # reorder runs again only where it left a doubtful spot (see run_filters)
    "reorder": lambda text: True,
}
MAX_SETTLE_ROUNDS = 3


def _joined_text(page: Page, repairs: list[Repair]) -> str:
    joined = {r.blocks[0] for r in repairs if r.filter == "rejoin" and r.action == "joined"}
    return "\n".join(b.text for b in page.blocks if b.id in joined)


def _key(r: Repair):
    return (r.filter, r.action, r.blocks, r.reason)


def _new(found: list[Repair], seen: set) -> list[Repair]:
    """Records not made before; a change is always new (it changed text again), a flag or
    a parsed marker found again is the same spot."""
    return [r for r in found if r.changes_text or _key(r) not in seen]


def run_filters(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    repairs: list[Repair] = []
    for name, run in FILTERS.items():
        if config.enabled(name):
            page, found = run(page, config)
            repairs.extend(found)
    # settle: what fix writes must come through fix unchanged, so after joins the filters
    # that read text run again until they find nothing new
    latest = repairs
    doubtful_order = any(r.filter == "reorder" and r.action == "flagged" for r in repairs)
    for _ in range(MAX_SETTLE_ROUNDS):
        joined = _joined_text(page, latest)
        moved = any(r.filter == "reorder" and r.action == "moved" for r in latest)
        if not joined and not moved:
            break
        seen = {_key(r) for r in repairs}
        latest = []
        for name, gate in SETTLE_GATES.items():
            if name == "reorder" and not doubtful_order:
                continue
            if config.enabled(name) and (gate(joined) if joined else name == "dedup"):
                page, found = FILTERS[name](page, config)
                latest.extend(_new(found, seen))
        if config.dedup and any(r.action == "moved" for r in latest):
            # a move can bring a copy into the article of the paragraph it copies
            page, found = FILTERS["dedup"](page, config)
            latest.extend(_new(found, seen))
        if config.rejoin and any(r.changes_text for r in latest):
            page, found = FILTERS["rejoin"](page, config)
            latest.extend(_new(found, seen))
        repairs.extend(latest)
    return page, repairs
