"""The filter registry, in pipeline order.

Every filter module has the same interface: a ``NAME`` (the name used by ``--only``/``--skip``,
the config switch and the repair records) and ``run(page, config) -> (page, repairs)``.
A filter returns a new page; it never mutates blocks, and records a repair only for what it
changed (or a ``flagged`` record for a doubtful spot it left alone).
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import FILTER_ORDER, Config
from ..model import Page, Repair
from . import (
    continuation,
    dedup,
    furniture,
    normalize,
    rejoin,
    reorder,
    script,
    structure,
    unwrap,
)

FilterFn = Callable[[Page, Config], tuple[Page, list[Repair]]]

MODULES = (furniture, normalize, script, unwrap, structure, continuation, dedup, reorder, rejoin)

FILTERS: dict[str, FilterFn] = {module.NAME: module.run for module in MODULES}

# the first line of each module's docstring: what `newsclean filters` prints
DESCRIPTIONS: dict[str, str] = {
    module.NAME: (module.__doc__ or "").strip().splitlines()[0] for module in MODULES
}

assert tuple(FILTERS) == FILTER_ORDER, "registry and config must name the filters alike"
