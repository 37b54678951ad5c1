"""Runs the enabled filters in registry order and collects their repairs."""

from __future__ import annotations

from .config import Config
from .filters import FILTERS
from .model import Page, Repair


def run_filters(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    repairs: list[Repair] = []
    for name, run in FILTERS.items():
        if config.enabled(name):
            page, found = run(page, config)
            repairs.extend(found)
    return page, repairs
