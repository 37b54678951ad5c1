"""Runs the enabled filters in registry order and collects their repairs."""

from __future__ import annotations

from .chardata import MARKER, may_hold_marker
from .config import Config
from .filters import FILTERS, dedup
from .model import Page, Repair

# Settling.  What fix writes must come through fix unchanged, so after the main pass the
# filters whose evidence a join or a move changed run again, until they find nothing new:
# a joined paragraph can complete a marker cut at the column break (（下转第|八版）), a mark
# to make full-width, a loop, or a copy of another paragraph; it is also a block with
# other evidence of where it belongs, and a run of bleed with a sentence cut inside it is
# one block shorter (reorder runs again, as it will on fix's output); a move can bring
# a copy into the article of the paragraph it copies, and changes the wording of the
# articles it touched, so reorder looks again; a cut copy, a move or a join may leave a bare
# number kept amid the text at the page's end (furniture looks again) or settle a clash between two
# markers of one article (continuation looks again).
TEXT_GATES = {
    "normalize": lambda text: any(c in text for c in ",;:?!() "),
    "continuation": may_hold_marker,
}
MAX_SETTLE_ROUNDS = 3


def _key(r: Repair):
    # only flags and parsed markers are looked up: raised again on the same blocks, they are
    # the same spot, whatever their new margin
    return (r.filter, r.action, r.blocks)


def _new(found: list[Repair], seen: set) -> list[Repair]:
    """Records not made before; a change is always new (it changed text again), a flag or
    a parsed marker found again is the same spot."""
    return [r for r in found if r.changes_text or _key(r) not in seen]


def _kept_marker(page: Page) -> bool:
    return any(may_hold_marker(b.text) and MARKER.search(b.text) for b in page.blocks)


def _settle_steps(page: Page, config: Config, latest: list[Repair], kept_number: bool):
    joined_ids = {r.blocks[0] for r in latest if r.filter == "rejoin" and r.action == "joined"}
    moved = any(r.filter == "reorder" and r.action == "moved" for r in latest)
    joined = "\n".join(b.text for b in page.blocks if b.id in joined_ids)
    steps = [name for name, gate in TEXT_GATES.items() if joined and gate(joined)]
    removed_copy = any(r.filter == "dedup" and r.action == "removed" for r in latest)
    if kept_number and (moved or joined_ids or removed_copy):
        # a bare number kept for standing amid the text may stand at its end once the copies
        # after it are gone, the blocks around it moved or two of them joined
        steps.append("furniture")
    if (moved or removed_copy) and "continuation" not in steps and _kept_marker(page):
        # a marker kept in the text for clashing with another of its article may clash no
        # more once a move took one of them elsewhere, or the copy that carried one is gone
        steps.append("continuation")
    if moved or (joined and dedup.may_act(page, joined_ids, config)):
        steps.append("dedup")
    if moved or joined:
        # a move changes every article's wording it touched, and a join the blocks a run of
        # bleed is made of: what reads as bleed now
        steps.append("reorder")
    return [name for name in steps if config.enabled(name)]


def run_filters(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    repairs: list[Repair] = []
    for name, run in FILTERS.items():
        if config.enabled(name):
            page, found = run(page, config)
            repairs.extend(found)
    latest = repairs
    for _ in range(MAX_SETTLE_ROUNDS):
        # (a number kept in any round: flagged again, it is no new record)
        kept_number = any(r.filter == "furniture" and r.action == "flagged" for r in repairs)
        steps = _settle_steps(page, config, latest, kept_number)
        if not steps:
            break
        seen = {_key(r) for r in repairs}
        latest = []
        for name in steps:
            page, found = FILTERS[name](page, config)
            latest.extend(_new(found, seen))
        if config.dedup and any(r.action == "moved" for r in latest):
            page, found = FILTERS["dedup"](page, config)
            latest.extend(_new(found, seen))
        if config.rejoin and any(r.changes_text for r in latest):
            page, found = FILTERS["rejoin"](page, config)
            latest.extend(_new(found, seen))
        repairs.extend(latest)
    return page, repairs
