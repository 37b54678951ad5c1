"""From summed page counts to the report's figures, and the targets they must meet."""

from __future__ import annotations

from collections import Counter

from .align import PAGE_FIELDS, TEXT_FIELDS
from .score import DUP_KINDS


def ratio(num: float, den: float) -> float | None:
    return None if not den else num / den


def _recall_precision(found, total, right, claimed, **extra) -> dict:
    return {"recall": ratio(found, total), "precision": ratio(right, claimed), "n": total, **extra}


def summarize(c: Counter) -> dict:
    """The figures of the report (None where the run had nothing to measure)."""
    dup_copies = sum(c[f"{k}_copies"] for k in DUP_KINDS)
    dup_removed = sum(c[f"{k}_removed"] for k in DUP_KINDS)
    markers_total = c["continued_from_total"] + c["continued_to_total"]
    return {
        "pages": c["pages"],
        "pages_perfect": ratio(c["pages_perfect"], c["pages"]),
        "errors": c["errors"],
        "paragraphs": c["paragraphs"],
        "paragraphs_exact": ratio(c["paragraphs_exact"], c["paragraphs"]),
        "paragraphs_exact_in_right_article": ratio(c["paragraphs_placed"], c["paragraphs"]),
        "output_paragraphs_per_truth": ratio(c["output_paragraphs"], c["paragraphs"]),
        "reading_order_pairs_kept": ratio(c["order_pairs_kept"], c["order_pairs"]),
        "articles_found": ratio(c["articles_found"], c["articles_truth"]),
        "output_articles_per_truth": ratio(c["articles_output"], c["articles_truth"]),
        "fields": {
            name: {
                "accuracy": ratio(c[f"field_{name}_ok"], c[f"field_{name}"]),
                "n": c[f"field_{name}"],
            }
            for name in TEXT_FIELDS + PAGE_FIELDS
        },
        "bylines": _recall_precision(
            c["bylines_found"], c["bylines_truth"], c["bylines_found"], c["bylines_output"]
        ),
        "section_headings": _recall_precision(
            c["headings_found"], c["headings_truth"], c["headings_found"], c["headings_output"]
        ),
        "defects": {
            "duplicates_removed": _recall_precision(
                dup_removed,
                dup_copies,
                c["dedup_removed_chars_correct"],
                c["dedup_removed_chars"],
                by_kind={
                    k: {"recall": ratio(c[f"{k}_removed"], c[f"{k}_copies"]), "n": c[f"{k}_copies"]}
                    for k in DUP_KINDS
                },
            ),
            "splits_joined": _recall_precision(
                c["split_joined"],
                c["split_total"],
                c["split_joined"],
                c["split_joined"] + c["false_joins"],
                at_bleed_seams=ratio(c["seam_joined"], c["seam_total"]),
            ),
            "false_joins": {
                "count": c["false_joins"],
                "per_1000_paragraphs": ratio(1000 * c["false_joins"], c["paragraphs"]),
            },
            "bled_paragraphs_returned": _recall_precision(
                c["bleed_returned"],
                c["bleed_paragraphs"],
                min(c["bleed_returned"], c["reorder_moved"]),
                c["reorder_moved"],
                in_right_article=ratio(c["bleed_right_article"], c["bleed_paragraphs"]),
            ),
            "markers_parsed": _recall_precision(
                c["continued_from_ok"] + c["continued_to_ok"],
                markers_total,
                c["continued_from_output_ok"] + c["continued_to_output_ok"],
                c["continued_from_output"] + c["continued_to_output"],
                continued_from=ratio(c["continued_from_ok"], c["continued_from_total"]),
                continued_to=ratio(c["continued_to_ok"], c["continued_to_total"]),
                left_in_text=c["markers_left_in_text"],
            ),
            "punctuation_normalised": _judged_at_positions(c, "punct"),
            "traditional_simplified": _judged_at_positions(c, "script"),
        },
        "fullwidth_alnum_normalised": ratio(c["width_ok"], c["width_chars"]),
        "width_changes_beyond_contract": c["width_beyond_contract"],
        "chars_truth": c["chars_truth"],
        "chars_lost": c["chars_lost"],
        "chars_dropped_but_logged": c["chars_dropped"] - c["chars_lost"],
        "pages_with_lost_chars": c["pages_with_loss"],
        "clean_pages": c["clean_pages"],
        "clean_page_changes": c["clean_page_changes"],
        "clean_page_changes_by_kind": {
            k.split(":", 1)[1]: v for k, v in sorted(c.items()) if k.startswith("clean_change:")
        },
        "clean_page_flags": c["clean_page_flags"],
        "moved_without_bleed": ratio(c["moved_without_bleed"], c["paragraphs_without_bleed"]),
        "moved_without_bleed_count": c["moved_without_bleed"],
        "rerun_changed": ratio(c["rerun_changed"], c["rerun_pages"]),
        "rerun_pages": c["rerun_pages"],
    }


# the issues' bars; the report marks each one met or missed
TARGETS = {
    "chars_lost": ("=0", lambda s: s["chars_lost"] == 0),
    "clean_page_changes": ("=0", lambda s: s["clean_page_changes"] == 0),
    "moved_without_bleed": ("<=1%", lambda s: (s["moved_without_bleed"] or 0) <= 0.01),
    "rerun_changed": ("=0", lambda s: not s["rerun_changed"]),
    "bled_paragraphs_returned": (
        ">=95%",
        lambda s: (s["defects"]["bled_paragraphs_returned"]["recall"] or 0) >= 0.95,
    ),
}


def check_targets(summary: dict) -> dict:
    return {name: {"target": text, "met": test(summary)} for name, (text, test) in TARGETS.items()}


def _judged_at_positions(c, prefix: str) -> dict:
    """Recall and precision of a character-level defect judged at each injected position."""
    fixed, unjudged = c[f"{prefix}_fixed"], c[f"{prefix}_unjudged"]
    return _recall_precision(
        fixed,
        c[f"{prefix}_injected"] - unjudged,
        fixed,
        fixed + c[f"{prefix}_false"],
        unjudged=unjudged,
    )
