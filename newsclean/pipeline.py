"""Runs the enabled filters in registry order and collects their repairs."""

from __future__ import annotations

from .config import Config
from .filters import FILTERS
from .model import Page, Repair

# filters whose evidence a join can change: a joined paragraph can complete a marker cut at
# the column break (（下转第|八版）), a copy of another paragraph, or a loop
SETTLE = ("normalize", "script", "continuation", "dedup", "rejoin")
MAX_SETTLE_ROUNDS = 3


def _joined(repairs: list[Repair]) -> bool:
    return any(r.filter == "rejoin" and r.action == "joined" for r in repairs)


def run_filters(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    repairs: list[Repair] = []
    for name, run in FILTERS.items():
        if config.enabled(name):
            page, found = run(page, config)
            repairs.extend(found)
    # settle: what fix writes must come through fix unchanged, so after joins the filters
    # that read text run again until they find nothing new
    latest = repairs
    for _ in range(MAX_SETTLE_ROUNDS):
        if not _joined(latest):
            break
        seen = {(r.filter, r.action, r.blocks, r.reason) for r in repairs}
        latest = []
        for name in SETTLE:
            if config.enabled(name):
                page, found = FILTERS[name](page, config)
                latest.extend(
                    r for r in found if (r.filter, r.action, r.blocks, r.reason) not in seen
                )
        repairs.extend(latest)
    return page, repairs
