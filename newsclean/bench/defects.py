"""The OCR defects the seed page shows, each injected into a block stream and recorded.

Every injector takes the page under construction and returns the defect records it made
(none when the page offers no place for it).  A record names the truth paragraph it touched
as ``article`` (index on the page) and ``paragraph`` (index among that article's
paragraphs), plus what is needed to check the repair; ``_anchor`` is the block whose printed
position becomes the record's ``line``/``offset``.

A structural defect (copy, cut, move, marker) locks the blocks it uses, so no two of them
stack on one paragraph and each repair can be judged on its own; the character defects
(punctuation, script) may share a paragraph with one of them, as they would on a real page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from .layout import Blk
from .textnorm import (
    CLOSERS,
    FULL_TO_HALF_PUNCT,
    SENTENCE_END,
    is_han,
    split_sentences,
    to_simplified,
    traditional_of,
)

if TYPE_CHECKING:
    from .generate import PageBuilder

MIN_COPY_CHARS = 20  # shorter paragraphs repeat legitimately ("图片：") and are never copied
MIN_CUT_CHARS = 24
MIN_SENTENCE_CHARS = 10
EDITORS = ("王丽", "李明", "张晓光", "陈静", "刘建国", "赵新宇", "孙梅", "周海涛")
WEEKDAYS = "一二三四五六日"


def halfwidth_punct(page: PageBuilder) -> list[dict]:
    """OCR read ``，`` as ``,`` (and the like) between Chinese characters."""
    candidates = [(b, _punct_slots(b.text)) for b in page.body_blocks()]
    candidates = [(b, slots) for b, slots in candidates if slots]
    if not candidates:
        return []
    rng = page.rng
    # sometimes the whole page was read with a Latin-punctuation model, as the seed was
    if rng.random() < 0.3:
        chosen = candidates
    else:
        chosen = rng.sample(candidates, min(len(candidates), rng.randint(1, 3)))
    records = []
    share = rng.uniform(0.5, 1.0)
    for blk, slots in chosen:
        picked = sorted(i for i in slots if rng.random() < share) or [rng.choice(slots)]
        chars = list(blk.text)
        for i in picked:
            chars[i] = FULL_TO_HALF_PUNCT[chars[i]]
        blk.text = "".join(chars)
        records.append(_record(blk, "halfwidth_punct", positions=picked))
    return records


def _punct_slots(text: str) -> list[int]:
    return [
        i
        for i in range(1, len(text) - 1)
        if text[i] in FULL_TO_HALF_PUNCT and is_han(text[i - 1]) and is_han(text[i + 1])
    ]


def traditional(page: PageBuilder) -> list[dict]:
    """A few characters came out traditional on a simplified page."""
    rng = page.rng
    blocks = page.body_blocks()
    rng.shuffle(blocks)
    records = []
    for blk in blocks[: rng.randint(1, 2)]:
        original = blk.text
        slots = [i for i, ch in enumerate(original) if traditional_of(ch)]
        rng.shuffle(slots)
        changed: list[int] = []
        text = original
        for i in slots[: rng.randint(1, 4)]:
            trial = text[:i] + traditional_of(text[i]) + text[i + 1 :]
            # keep only changes OpenCC undoes in context, so the truth is reachable
            if to_simplified(trial) == original:
                text = trial
                changed.append(i)
        if changed:
            blk.text = text
            records.append(_record(blk, "traditional", positions=sorted(changed)))
    return records


def dup_sentence(page: PageBuilder) -> list[dict]:
    """A repetition loop inside one block: a sentence printed 2-8 times running."""
    rng = page.rng
    options = []
    for blk in page.body_blocks(unlocked=True):
        spans = split_sentences(blk.text)
        texts = [blk.text[s:e] for s, e in spans]
        for (s, e), sentence in zip(spans, texts):
            if e - s >= MIN_SENTENCE_CHARS and blk.text.count(sentence) == 1:
                options.append((blk, s, e))
    if not options:
        return []
    blk, s, e = rng.choice(options)
    extra = rng.randint(1, 7)
    sentence = blk.text[s:e]
    blk.text = blk.text[:e] + sentence * extra + blk.text[e:]
    blk.locked = True
    truth = page.truth_paragraph(blk)[s:e]
    return [_record(blk, "dup_sentence", sentence=truth, extra=extra, at=e)]


def _loop(page: PageBuilder, blk, kind: str, at: int) -> list[dict]:
    """Insert 1-7 extra copies of ``blk`` at stream position ``at`` (2-8 copies in all)."""
    extra = page.rng.randint(1, 7)
    copies = [Blk("copy", blk.text, locked=True) for _ in range(extra)]
    page.stream[at:at] = copies
    return [_record(blk, kind, extra=extra, anchor=copies[0])]


def dup_after(page: PageBuilder) -> list[dict]:
    """A repetition loop right after the paragraph it copies, as on the seed page."""
    blk = _pick_copyable(page)
    if blk is None:
        return []
    return _loop(page, blk, "dup_after", page.stream.index(blk) + 1)


def dup_page_end(page: PageBuilder) -> list[dict]:
    """A repetition loop left at the very end of the page."""
    blk = _pick_copyable(page)
    if blk is None:
        return []
    return _loop(page, blk, "dup_page_end", len(page.stream))


def _pick_copyable(page: PageBuilder) -> Blk | None:
    blocks = [b for b in page.body_blocks(unlocked=True) if len(b.text) >= MIN_COPY_CHARS]
    if not blocks:
        return None
    blk = page.rng.choice(blocks)
    blk.locked = True
    return blk


def split(page: PageBuilder) -> list[dict]:
    """A column break cut a paragraph mid-sentence into two blocks."""
    blocks = [b for b in page.body_blocks(unlocked=True) if cut_points(b.text)]
    if not blocks:
        return []
    blk = page.rng.choice(blocks)
    cut = page.rng.choice(cut_points(blk.text))
    tail = cut_block(page, blk, cut)
    return [_record(blk, "split", cut=cut, seam=False, anchor=tail)]


def cut_block(page: PageBuilder, blk: Blk, cut: int) -> Blk:
    """Cut ``blk`` at ``cut``; the tail becomes its own flush-left block right after it."""
    tail = Blk("paragraph", blk.text[cut:], blk.article, blk.para, indent=False, locked=True)
    blk.text = blk.text[:cut]
    blk.locked = True
    at = page.stream.index(blk) + 1
    page.stream.insert(at, tail)
    return tail


def cut_points(text: str) -> list[int]:
    """Mid-sentence cuts whose tail still carries punctuation, so it never reads as a title."""
    if len(text) < MIN_CUT_CHARS:
        return []
    return [
        c
        for c in range(8, len(text) - 8)
        if text[c - 1] not in SENTENCE_END + CLOSERS
        and text[c] not in SENTENCE_END + CLOSERS
        and any(ch in "，。；：？！、,;:?!" for ch in text[c:])
    ]


def bleed(page: PageBuilder) -> list[dict]:
    """A run of 1-4 paragraphs of one article printed inside another one on the page.

    With ``seam_cut`` the host paragraph is cut where the run comes in, so the host's
    sentence resumes after the run: the stream visited the columns out of order.
    """
    rng = page.rng
    runs = _bleed_runs(page)
    if not runs:
        return []
    donor, run = rng.choice(runs)
    hosts = [b for b in page.body_blocks(unlocked=True) if b.article != donor and b not in run]
    if not hosts:
        return []
    host = rng.choice(hosts)
    for blk in run:
        page.stream.remove(blk)
        blk.locked = True
    records = []
    seam_cut = bool(cut_points(host.text)) and rng.random() < 0.5
    host.locked = True
    if seam_cut:
        cut = rng.choice(cut_points(host.text))
        tail = cut_block(page, host, cut)
        at = page.stream.index(tail)
        records.append(_record(host, "split", cut=cut, seam=True, anchor=tail))
    else:
        at = page.stream.index(host) + 1
    page.stream[at:at] = run
    bled = _record(
        run[0],
        "bleed",
        paragraphs=[b.para for b in run],
        host=host.article,
        after_paragraph=host.para,
        seam_cut=seam_cut,
    )
    return [bled, *records]


def _bleed_runs(page: PageBuilder) -> list[tuple[int, list[Blk]]]:
    """Runs of consecutive, unlocked body blocks of one article, leaving it one at least."""
    if len({b.article for b in page.body_blocks()}) < 2:
        return []
    runs = []
    stream = page.stream
    for article in {b.article for b in page.body_blocks()}:
        own = [b for b in page.body_blocks() if b.article == article]
        for length in range(1, min(4, len(own) - 1) + 1):
            for start in range(len(own) - length + 1):
                run = own[start : start + length]
                first = stream.index(run[0])
                if all(not b.locked for b in run) and stream[first : first + length] == run:
                    runs.append((article, run))
    return runs


def furniture(page: PageBuilder) -> list[dict]:
    """Running heads, page numbers and edition lines left in the text stream."""
    rng = page.rng
    records = []
    for _ in range(rng.randint(1, 3)):
        text = _furniture_text(page, rng)
        blk = Blk("furniture", text, locked=True)
        placement = rng.choice(("top", "bottom", "between"))
        gaps = [i + 1 for i, b in enumerate(page.stream) if b.kind in ("paragraph", "copy")]
        if placement == "top":
            page.stream.insert(0, blk)
        elif placement == "bottom" or not gaps:
            placement = "bottom"
            page.stream.append(blk)
        else:
            page.stream.insert(rng.choice(gaps), blk)
        records.append({"type": "furniture", "text": text, "placement": placement, "_anchor": blk})
    return records


def _furniture_text(page: PageBuilder, rng) -> str:
    year, month, day = (int(x) for x in page.date.split("-"))
    weekday = WEEKDAYS[date(year, month, day).weekday()]
    full = rng.random() < 0.4  # 1998 typesetting printed full-width digits
    number = _fullwidth_digits if full else str
    kind = rng.choice(("page", "date", "editor"))
    if kind == "page":
        return f"第{number(page.page_no)}版"
    if kind == "date":
        sep = "\u3000" if full else " "
        return f"{number(year)}年{number(month)}月{number(day)}日{sep}星期{weekday}"
    return f"责任编辑：{rng.choice(EDITORS)}"


def _fullwidth_digits(value: int) -> str:
    return "".join(chr(ord(d) + 0xFEE0) for d in str(value))


def _record(blk: Blk, kind: str, anchor: Blk | None = None, **fields) -> dict:
    record = {"type": kind, "article": blk.article, "paragraph": blk.para, **fields}
    record["_anchor"] = anchor or blk
    return record


# run order matters: character defects first so copies carry them, then the cuts and moves
INJECTORS: dict[str, Callable[[PageBuilder], list[dict]]] = {
    "halfwidth_punct": halfwidth_punct,
    "traditional": traditional,
    "dup_sentence": dup_sentence,
    "bleed": bleed,
    "split": split,
    "dup_after": dup_after,
    "dup_page_end": dup_page_end,
    "furniture": furniture,
}
