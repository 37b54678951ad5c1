"""One settings object, with one switch per filter (the same names as the filter registry)."""

from __future__ import annotations

from dataclasses import dataclass, fields

FILTER_ORDER = (
    "furniture",
    "normalize",
    "script",
    "unwrap",
    "structure",
    "continuation",
    "dedup",
    "reorder",
    "rejoin",
)

SCRIPT_MODES = ("auto", "simplified", "traditional", "keep")


@dataclass(frozen=True)
class Config:
    furniture: bool = True
    normalize: bool = True
    script: bool = True
    unwrap: bool = True
    structure: bool = True
    continuation: bool = True
    dedup: bool = True
    reorder: bool = True
    rejoin: bool = True

    script_mode: str = "auto"
    # dedup: a paragraph this close (0-1, character ratio) to an earlier one is an OCR copy
    dedup_similarity: float = 0.92
    # dedup: paragraphs shorter than this (in characters, punctuation excluded) are never removed
    dedup_min_chars: int = 12
    # reorder: moves below this confidence are flagged, not made
    reorder_threshold: float = 0.6
    # rejoin: joins below this confidence are flagged, not made
    rejoin_threshold: float = 0.65

    def enabled(self, name: str) -> bool:
        return bool(getattr(self, name))

    @classmethod
    def from_selection(cls, only=(), skip=(), **options) -> Config:
        """Build a config from ``--only``/``--skip`` filter names plus option overrides."""
        unknown = [n for n in (*only, *skip) if n not in FILTER_ORDER]
        if unknown:
            raise ValueError(
                f"unknown filter {', '.join(unknown)}; the filters are {', '.join(FILTER_ORDER)}"
            )
        switches = {n: (n in only if only else True) and n not in skip for n in FILTER_ORDER}
        if options.get("script_mode", "auto") not in SCRIPT_MODES:
            raise ValueError(f"--script takes one of {', '.join(SCRIPT_MODES)}")
        return cls(**switches, **options)

    @classmethod
    def option_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name not in FILTER_ORDER]
