"""Scoring one page: the tool's articles against the page's truth.

``score_page`` returns plain counts (a ``Counter``), so pages add up by summing and every
rate in the report is a ratio of two sums (see ``summary``).  How output and truth are lined
up is in ``align``; the character-level checks are in ``characters``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from .align import PAGE_FIELDS, TEXT_FIELDS, Alignment, output_view, page_value, truth_view
from .characters import check_characters, check_lost, strict_index
from .textnorm import loose_key, strict_key, strip_ws

DUP_KINDS = ("dup_after", "dup_page_end", "dup_sentence")
# repairs a page without defects may still get: the contract's normalisation and unwrapping
CLEAN_PAGE_FILTERS = frozenset({"normalize", "script", "unwrap"})
SEAM_CHARS = 8  # characters each side of a paragraph boundary that identify it
MARKER_TEXT = re.compile(
    r"(上接|下转|紧接|接|转)(第[一二三四五六七八九十0-9０-９]{1,3}|[AＡ][0-9０-９]{1,2})版"
)


@dataclass
class PageContext:
    truth: dict
    al: Alignment
    repairs: list[dict]
    defects: dict[str, list[dict]]

    def truth_para(self, d: dict) -> str:
        return self.al.truth[d["article"]].paragraphs[d["paragraph"]]

    def raw_para(self, d: dict) -> str:
        return self.al.truth[d["article"]].raw_paragraphs[d["paragraph"]]

    @cached_property
    def truth_strings(self) -> list[str]:
        return _strings(self.al.truth)

    @cached_property
    def out_strings(self) -> list[str]:
        return _strings(self.al.output)


def _strings(articles) -> list[str]:
    out = []
    for a in articles:
        out += [v for k in TEXT_FIELDS if (v := a.fields.get(k))]
        out += a.bylines + a.headings + a.paragraphs
    return out


def score_page(truth: dict, articles: list[dict], repairs: list[dict]) -> Counter:
    """Counts for one page; ``articles`` are ``to_dict()`` records, ``repairs`` likewise."""
    defects: dict[str, list[dict]] = {}
    for d in truth.get("defects", []):
        defects.setdefault(d["type"], []).append(d)
    al = Alignment([truth_view(a) for a in truth["articles"]], [output_view(a) for a in articles])
    page = PageContext(truth, al, repairs, defects)
    c: Counter = Counter()
    for check in CHECKS:
        check(page, c)
    c["pages"] += 1
    c[f"pages_{truth['style']}"] += 1
    if c["paragraphs_placed"] == c["paragraphs"] == c["output_paragraphs"] and not c["chars_lost"]:
        c["pages_perfect"] += 1
    return c


# -- articles and paragraphs --------------------------------------------------------------


def check_articles(page: PageContext, c: Counter) -> None:
    al = page.al
    c["articles_truth"] += len(al.truth)
    c["articles_output"] += len(al.output)
    c["articles_found"] += len(al.primary)
    c["articles_unmatched_output"] += sum(o is None for o in al.owner)


def check_paragraphs(page: PageContext, c: Counter) -> None:
    """Exact paragraphs, and of those the ones in an output article of the right article."""
    al = page.al
    holders: dict[str, list[int]] = {}
    for oi, art in enumerate(al.output):
        c["output_paragraphs"] += len(art.paragraphs)
        for key in art.paragraphs:
            holders.setdefault(key, []).append(oi)
    for ai, art in enumerate(al.truth):
        for key in art.paragraphs:
            c["paragraphs"] += 1
            found = holders.get(key)
            if not found:
                continue
            c["paragraphs_exact"] += 1
            same = [oi for oi in found if al.owner[oi] == ai]
            found.remove(same[0] if same else found[0])  # one output paragraph, one truth one
            c["paragraphs_placed"] += bool(same)


def check_order(page: PageContext, c: Counter) -> None:
    """Share of truth neighbours (paragraph i, i+1) that are neighbours, in order, in output."""
    follows = set()
    for art in page.al.output:
        follows.update((a, b) for a, b in zip(art.ident, art.ident[1:]) if a and b)
    for ai, art in enumerate(page.al.truth):
        for pi in range(len(art.paragraphs) - 1):
            c["order_pairs"] += 1
            c["order_pairs_kept"] += ((ai, pi), (ai, pi + 1)) in follows


def check_fields(page: PageContext, c: Counter) -> None:
    """Headline fields, bylines and section headings of each truth article.

    A field counts where truth or output has a value: both empty is no evidence either way.
    """
    al = page.al
    for ai, t in enumerate(al.truth):
        out = al.primary_of(ai)
        for name in TEXT_FIELDS + PAGE_FIELDS:
            want = t.fields.get(name)
            got = out.fields.get(name) if out else None
            if want is None and got is None:
                continue
            c[f"field_{name}"] += 1
            c[f"field_{name}_ok"] += want == got
        c["bylines_truth"] += len(t.bylines)
        if out:
            # a space between role and name is the layout's, not the byline's
            want_bylines = Counter(strip_ws(b) for b in t.bylines)
            got_bylines = Counter(strip_ws(b) for b in out.bylines)
            c["bylines_found"] += sum((want_bylines & got_bylines).values())
        found = Counter(h for o in al.owned_by(ai) for h in o.headings)
        c["headings_truth"] += len(t.headings)
        c["headings_found"] += sum((Counter(t.headings) & found).values())
    primaries = set(al.primary.values())
    for oi, out in enumerate(al.output):
        c["bylines_output"] += len(out.bylines)
        c["headings_output"] += len(out.headings)
        if oi not in primaries:
            # a headline field on a split-off or invented article is a wrong one
            for name in TEXT_FIELDS + PAGE_FIELDS:
                c[f"field_{name}"] += out.fields.get(name) is not None


# -- defects ------------------------------------------------------------------------------


def check_duplicates(page: PageContext, c: Counter) -> None:
    """Copies gone, by counting the copied text in output against truth.

    Texts are run together without a separator, so a copy the tool left cut into lines is
    still a copy.  Precision: characters the dedup filter removed that were injected copies.
    """
    truth_blob = "".join(loose_key(s) for s in page.truth_strings)
    out_blob = "".join(loose_key(s) for s in page.out_strings)
    correct_chars = 0
    for kind in DUP_KINDS:
        for d in page.defects.get(kind, []):
            unit = d["sentence"] if kind == "dup_sentence" else page.truth_para(d)
            key = loose_key(unit)
            left = out_blob.count(key) - truth_blob.count(key)
            removed = d["extra"] - min(max(left, 0), d["extra"])
            c[f"{kind}_copies"] += d["extra"]
            c[f"{kind}_removed"] += removed
            correct_chars += removed * len(strict_key(unit))
    tool_chars = sum(
        len(strict_key(r.get("before") or ""))
        for r in page.repairs
        if r.get("filter") == "dedup" and r.get("action") == "removed"
    )
    c["dedup_removed_chars"] += tool_chars
    c["dedup_removed_chars_correct"] += min(correct_chars, tool_chars)


def check_joins(page: PageContext, c: Counter) -> None:
    """Cut paragraphs whole again, and joins across a boundary that truth does not have.

    A false join is an output paragraph in which the last characters of one known text
    (a truth text, or the first half of a cut) run straight into the first characters of
    another; the seam of a cut, and seams truth itself contains, do not count.
    """
    out_keys = {k for art in page.al.output for k in art.loose}
    truth_keys = {loose_key(s) for s in page.truth_strings}
    tails = {k[-SEAM_CHARS:] for k in truth_keys if len(k) >= SEAM_CHARS}
    heads = {k[:SEAM_CHARS] for k in truth_keys if len(k) >= SEAM_CHARS}
    allowed = set()
    for d in page.defects.get("split", []):
        key = loose_key(page.truth_para(d))
        cut = strict_index(page.raw_para(d), d["cut"])
        first, second = key[:cut], key[cut:]
        tails.add(first[-SEAM_CHARS:])
        heads.add(second[:SEAM_CHARS])
        allowed.add((first[-SEAM_CHARS:], second[:SEAM_CHARS]))
        joined = key in out_keys
        c["split_total"] += 1
        c["split_joined"] += joined
        if d.get("seam"):
            c["seam_total"] += 1
            c["seam_joined"] += joined
    for key in truth_keys:
        allowed.update(_seams(key, tails, heads).values())
    for art in page.al.output:
        for key in art.loose:
            if key not in truth_keys:
                seams = _seams(key, tails, heads).values()
                c["false_joins"] += sum(pair not in allowed for pair in seams)


def _seams(key: str, tails: set[str], heads: set[str]) -> dict[int, tuple[str, str]]:
    """Places in ``key`` where one known text ends and another begins, by offset."""
    found = {}
    for tail in tails:
        start = key.find(tail)
        while start >= 0:
            end = start + len(tail)
            head = key[end : end + SEAM_CHARS]
            if head in heads:
                found[end] = (tail, head)
            start = key.find(tail, start + 1)
    return found


def check_bleed(page: PageContext, c: Counter) -> None:
    """A bled run counts as returned when it sits, whole and in order, between the
    paragraphs it came from, in an output article of its own article."""
    al = page.al
    for d in page.defects.get("bleed", []):
        donor, run = d["article"], d["paragraphs"]
        c["bleed_paragraphs"] += len(run)
        c["bleed_returned"] += len(run) * _run_in_place(al, donor, run)
        owned = al.owned_by(donor)
        c["bleed_right_article"] += sum(any((donor, j) in o.ident for o in owned) for j in run)
    moved = sum(
        max(1, len(r.get("blocks") or ()))
        for r in page.repairs
        if r.get("filter") == "reorder" and r.get("action") == "moved"
    )
    c["reorder_moved"] += moved
    if "bleed" not in page.defects:
        c["moved_without_bleed"] += moved
        c["paragraphs_without_bleed"] += sum(len(t.paragraphs) for t in al.truth)


def _run_in_place(al: Alignment, donor: int, run: list[int]) -> bool:
    last = len(al.truth[donor].paragraphs) - 1
    want = [(donor, j) for j in run]
    for art in al.owned_by(donor):
        seq = art.ident
        for k in range(len(seq) - len(want) + 1):
            if seq[k : k + len(want)] != want:
                continue
            end = k + len(want)
            before_ok = seq[k - 1] == (donor, run[0] - 1) if k else run[0] == 0
            after_ok = seq[end] == (donor, run[-1] + 1) if end < len(seq) else run[-1] == last
            if before_ok and after_ok:
                return True
    return False


def check_markers(page: PageContext, c: Counter) -> None:
    """continued_from/to of each marked article, and marker text the tool left in place."""
    al = page.al
    for name in PAGE_FIELDS:
        for d in page.defects.get(name, []):
            out = al.primary_of(d["article"])
            c[f"{name}_total"] += 1
            c[f"{name}_ok"] += bool(out) and out.fields.get(name) == page_value(d["value"])
        for oi, out in enumerate(al.output):
            got = out.fields.get(name)
            if got is None:
                continue
            owner = al.owner[oi]
            c[f"{name}_output"] += 1
            c[f"{name}_output_ok"] += owner is not None and al.truth[owner].fields[name] == got
    out_text = "\0".join(p for o in al.output for p in o.paragraphs)
    truth_text = "\0".join(p for t in al.truth for p in t.paragraphs)
    left = len(MARKER_TEXT.findall(out_text)) - len(MARKER_TEXT.findall(truth_text))
    c["markers_left_in_text"] += max(0, left)


def check_clean_page(page: PageContext, c: Counter) -> None:
    """On a page with no defect, any repair beyond normalising and unwrapping is a false one."""
    if not page.truth.get("clean"):
        return
    c["clean_pages"] += 1
    for r in page.repairs:
        if r.get("action") == "flagged":
            c["clean_page_flags"] += 1
        elif r.get("filter") not in CLEAN_PAGE_FILTERS:
            c["clean_page_changes"] += 1
            c[f"clean_change:{r.get('filter')}:{r.get('action')}"] += 1


def _characters(page: PageContext, c: Counter) -> None:
    check_characters(page.al, page.defects, c)


def _lost(page: PageContext, c: Counter) -> None:
    check_lost(page.truth_strings, page.out_strings, page.repairs, c)


CHECKS = (
    check_articles,
    check_paragraphs,
    check_order,
    check_fields,
    check_duplicates,
    check_joins,
    check_bleed,
    check_markers,
    _characters,
    _lost,
    check_clean_page,
)
