"""Two reference cleaners that bracket any real one, to check the scorer itself.

``OracleCleaner`` answers every page with its truth (and the repairs a perfect tool would
log), so it must score full marks; ``passthrough_clean`` returns the input blocks untouched
as one article, so it must score nothing on every repair.  Both speak the library contract:
``clean(text, source=...)`` returning an object with ``.articles`` and ``.repairs``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .generate import GeneratedPage

BLOCK_BREAK = re.compile(r"\n\s*\n")


@dataclass
class CleanResult:
    articles: list[dict]
    repairs: list[dict] = field(default_factory=list)


def expected_articles(truth: dict, source: str) -> list[dict]:
    """The records a perfect tool prints for a page, in the contract's JSONL shape."""
    out = []
    for index, a in enumerate(truth["articles"]):
        out.append(
            {
                "source": source,
                "index": index,
                "title": a["title"],
                "kicker": a["kicker"],
                "subtitle": a["subtitle"],
                "jump_headline": a["jump_headline"],
                "bylines": list(a["bylines"]),
                "dateline": None,
                "continued_from": a["continued_from"],
                "continued_to": a["continued_to"],
                "sections": [
                    {"heading": s["heading"], "paragraphs": list(s["paragraphs"])}
                    for s in a["sections"]
                ],
                "flags": list(a["flags"]),
                "repairs": [],
            }
        )
    return out


def perfect_repairs(truth: dict) -> list[dict]:
    """The removals and moves a perfect tool logs: every copy dropped, every bled run moved."""
    repairs = []
    for d in truth["defects"]:
        if d["type"] in ("dup_after", "dup_page_end"):
            paragraphs = [
                p for s in truth["articles"][d["article"]]["sections"] for p in s["paragraphs"]
            ]
            copy = paragraphs[d["paragraph"]]
            repairs.append(_repair("dedup", "removed", "\n\n".join([copy] * d["extra"])))
        elif d["type"] == "dup_sentence":
            repairs.append(_repair("dedup", "removed", d["sentence"] * d["extra"]))
        elif d["type"] == "bleed":
            repairs.append(_repair("reorder", "moved", "", blocks=len(d["paragraphs"])))
    return repairs


def _repair(filter_name: str, action: str, before: str, blocks: int = 1) -> dict:
    return {
        "filter": filter_name,
        "action": action,
        "before": before,
        "after": "",
        "blocks": list(range(blocks)),
        "confidence": 1.0,
    }


class OracleCleaner:
    """Looks each page up by its text and returns its truth."""

    def __init__(self, pages: list[GeneratedPage]):
        self.truth = {p.text: p.truth for p in pages}

    def __call__(self, text: str, source: str = "<string>") -> CleanResult:
        truth = self.truth[text]
        return CleanResult(expected_articles(truth, source), perfect_repairs(truth))


def passthrough_clean(text: str, source: str = "<string>") -> CleanResult:
    """Every non-empty block (line, on a page without blank lines) as a paragraph."""
    blocks = [b.strip() for b in BLOCK_BREAK.split(text) if b.strip()]
    if len(blocks) <= 1:
        blocks = [line.strip() for line in text.splitlines() if line.strip()]
    article = {
        "source": source,
        "index": 0,
        "title": None,
        "kicker": None,
        "subtitle": None,
        "jump_headline": None,
        "bylines": [],
        "dateline": None,
        "continued_from": None,
        "continued_to": None,
        "sections": [{"heading": None, "paragraphs": blocks}],
        "flags": [],
        "repairs": [],
    }
    return CleanResult([article])
