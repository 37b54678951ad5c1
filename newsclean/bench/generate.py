"""Benchmark pages: corpus articles laid out as OCR'd pages with known, recorded defects.

Each page takes 2-4 articles that shared a printed page, prints them in one of the two OCR
styles the tool reads (Markdown like the seed page, or plain hard-wrapped text whose
paragraphs open with an indent or, on a quarter of plain pages, after a blank line), injects a
seeded mix of the seed page's defects, and keeps the truth: the articles as the tool should
return them, and every defect with the line and offset where it was put.

Everything random comes from ``random.Random`` seeded with a string built from the run seed
and the page's place in the run, so a page is the same whatever else is generated.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import SourceArticle, group_by_page
from .defects import INJECTORS, cut_points
from .layout import Blk, render_markdown, render_plain
from .textnorm import normalize_truth

DEFECT_TYPES = (
    "dup_after",
    "dup_page_end",
    "dup_sentence",
    "split",
    "bleed",
    "continued_from",
    "continued_to",
    "halfwidth_punct",
    "traditional",
    "furniture",
)
# chance that a page with defects gets each kind; about three kinds a page on average
DEFECT_RATES = {
    "dup_after": 0.35,
    "dup_page_end": 0.15,
    "dup_sentence": 0.25,
    "split": 0.4,
    "bleed": 0.4,
    "continued_from": 0.25,
    "continued_to": 0.25,
    "halfwidth_punct": 0.35,
    "traditional": 0.25,
    "furniture": 0.4,
}
# used when the sampled kinds found no place on the page, so a defect page always has one
FALLBACK = ("halfwidth_punct", "split", "dup_after", "dup_sentence", "furniture")
STYLES = ("markdown", "plain")

# column names of the kind printed above a headline; written for the benchmark
KICKERS = (
    "来自基层的报告",
    "记者观察",
    "地方传真",
    "经济时评",
    "今日关注",
    "特别报道",
    "国际观察",
    "热点追踪",
    "新春走基层",
    "民生关注",
)
CHINESE_PAGE = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
FROM_FORMS = ("上接{}", "（上接{}）", "(上接{})", "接{}", "紧接{}", "（接{}）")
TO_FORMS = ("下转{}", "（下转{}）", "(下转{})", "转{}", "（转{}）")
PHOTO_NOTE = re.compile(r"[（(][^（）()]*[）)]\s*$")
NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Settings:
    clean_share: float = 0.15
    rates: dict[str, float] = field(default_factory=lambda: dict(DEFECT_RATES))
    styles: tuple[str, ...] = STYLES
    # plain pages that part their paragraphs with blank lines instead of indenting them
    unindented_share: float = 0.25


@dataclass
class GeneratedPage:
    id: str
    style: str
    text: str
    truth: dict

    @property
    def nbytes(self) -> int:
        return len(self.text.encode("utf-8"))

    @property
    def suffix(self) -> str:
        return ".md" if self.style == "markdown" else ".txt"


@dataclass
class TruthArticle:
    source_id: str
    units: list[tuple[str, str]]  # ("heading" | "paragraph", text as printed in the corpus)
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    jump_headline: str | None = None
    bylines: list[str] = field(default_factory=list)
    continued_from: int | str | None = None
    continued_to: int | str | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.units if kind == "paragraph"]

    def to_json(self) -> dict:
        sections: list[dict] = []
        for kind, text in self.units:
            if kind == "heading" or not sections:
                sections.append({"heading": None, "paragraphs": []})
            if kind == "heading":
                sections[-1]["heading"] = normalize_truth(text)
            else:
                sections[-1]["paragraphs"].append(normalize_truth(text))
        return {
            "source_id": self.source_id,
            "title": _norm(self.title),
            "kicker": _norm(self.kicker),
            "subtitle": _norm(self.subtitle),
            "jump_headline": _norm(self.jump_headline),
            "bylines": [normalize_truth(b) for b in self.bylines],
            "continued_from": self.continued_from,
            "continued_to": self.continued_to,
            "sections": sections,
            "flags": list(self.flags),
        }


def _norm(text: str | None) -> str | None:
    return None if text is None else normalize_truth(text)


class PageBuilder:
    """One page under construction: its truth articles and its stream of blocks."""

    def __init__(self, group: list[SourceArticle], rng: random.Random, style: str):
        self.rng = rng
        self.style = style
        self.date = group[0].date
        self.page_no = group[0].page
        self.stream: list[Blk] = []
        self.articles: list[TruthArticle] = []
        self.defects: list[dict] = []

    def body_blocks(self, unlocked: bool = False) -> list[Blk]:
        return [b for b in self.stream if b.is_body and not (unlocked and b.locked)]

    def truth_paragraph(self, blk: Blk) -> str:
        return normalize_truth(self.articles[blk.article].paragraphs[blk.para])

    # -- articles ---------------------------------------------------------------------

    def add_article(self, src: SourceArticle, role: str) -> None:
        index = len(self.articles)
        units = self._units(src)
        article = TruthArticle(source_id=src.id, units=units)
        self.articles.append(article)
        head: list[Blk] = []
        if role == "from":
            article.units = units[self._from_cut(units) :]
        else:
            head = self._headline_blocks(src, article)
            if role == "to":
                article.units = self._to_units(units, article)
        body = []
        para = 0
        for kind, text in article.units:
            if kind == "heading":
                body.append(Blk("heading", text))
            else:
                body.append(Blk("paragraph", text, index, para))
                para += 1
        if role == "from":
            head, body = self._continued_from(src, article, index, body)
        elif role == "to":
            body = self._continued_to(article, index, body)
        self.stream.extend(head + body)

    def _units(self, src: SourceArticle) -> list[tuple[str, str]]:
        if self.style == "markdown":
            return [("heading" if h else "paragraph", t) for h, t in src.units]
        # plain text has no way to mark a section heading or a bare author name apart
        lead = [("paragraph", src.author)] if src.author else []
        return lead + [("paragraph", t) for _, t in src.units]

    def _headline_blocks(self, src: SourceArticle, article: TruthArticle) -> list[Blk]:
        rng = self.rng
        article.bylines = list(src.reporter_lines)
        if self.style == "plain":
            article.title = headline_form(src.title)
            return [Blk("headline", article.title)] + [Blk("byline", b) for b in article.bylines]
        title, subtitle = src.title, None
        if "——" in title and rng.random() < 0.7:
            main, _, rest = title.partition("——")
            if len(main) >= 2 and len(rest) >= 2:
                title, subtitle = main, rest
        article.title, article.subtitle = title, subtitle
        if rng.random() < 0.15:
            article.kicker = rng.choice(KICKERS)
        if src.author:
            article.bylines.append(src.author)
        blocks = [Blk("kicker", article.kicker)] if article.kicker else []
        blocks.append(Blk("headline", title))
        if subtitle:
            blocks.append(Blk("subtitle", subtitle))
        return blocks + [Blk("byline", b) for b in article.bylines]

    # -- continuations ----------------------------------------------------------------

    def _from_cut(self, units: list[tuple[str, str]]) -> int:
        return self.rng.choice([m for m in range(1, len(units)) if units[m][0] == "paragraph"])

    def _to_units(self, units, article: TruthArticle) -> list[tuple[str, str]]:
        rng = self.rng
        cut = rng.choice([m for m in range(1, len(units)) if units[m - 1][0] == "paragraph"])
        kept = units[:cut]
        kind, text = units[cut]
        # half the time the page ends mid-sentence, as a jump usually does
        if kind == "paragraph" and cut_points(text) and rng.random() < 0.5:
            kept = kept + [("paragraph", text[: rng.choice(cut_points(text))])]
            article.flags.append("truncated_end")
        return kept

    def _continued_from(self, src, article, index, body):
        rng = self.rng
        shown, value = self._marker_page()
        marker = rng.choice(FROM_FORMS).format(shown)
        article.continued_from = value
        places = ("jump", "heading", "inline") if self.style == "markdown" else ("line", "inline")
        placement = rng.choice(places)
        head: list[Blk] = []
        first = body[0]
        if placement == "jump":
            article.jump_headline = shorten_title(src.title)
            head.append(Blk("jump", article.jump_headline))
        if placement in ("heading", "line"):
            anchor = Blk("marker", marker)
            head.append(anchor)
        else:
            first.lead = marker if marker[0] in "（(" else marker + " "
            first.locked = True
            anchor = first
        self._marker_record("continued_from", index, marker, placement, value, anchor)
        return head, body

    def _continued_to(self, article, index, body):
        rng = self.rng
        shown, value = self._marker_page()
        article.continued_to = value
        placement = rng.choice(("inline_end", "heading" if self.style == "markdown" else "line"))
        last = body[-1]
        if placement == "inline_end":
            # a bare 转第三版 glued to the last word would read as text, so print it bracketed
            marker = rng.choice([f for f in TO_FORMS if f[0] in "（("]).format(shown)
            last.trail = marker
            last.locked = True
            anchor = last
        else:
            marker = rng.choice(TO_FORMS).format(shown)
            anchor = Blk("marker", marker)
            body = body + [anchor]
        self._marker_record("continued_to", index, marker, placement, value, anchor)
        return body

    def _marker_page(self) -> tuple[str, int | str]:
        rng = self.rng
        if rng.random() < 0.15:
            letter_page = f"A{rng.randint(1, 16)}"
            return letter_page + "版", letter_page
        number = rng.choice([p for p in range(1, 13) if p != self.page_no])
        shape = rng.random()
        if shape < 0.5:
            return f"第{CHINESE_PAGE[number]}版", number
        if shape < 0.75:
            return f"第{number}版", number
        return "第" + "".join(chr(ord(d) + 0xFEE0) for d in str(number)) + "版", number

    def _marker_record(self, kind, index, marker, placement, value, anchor) -> None:
        self.defects.append(
            {
                "type": kind,
                "article": index,
                "paragraph": None,
                "marker": marker,
                "placement": placement,
                "value": value,
                "_anchor": anchor,
            }
        )

    def roles(self, group: list[SourceArticle], wanted: set[str]) -> list[str]:
        roles = ["whole"] * len(group)
        eligible = [
            i
            for i, src in enumerate(group)
            if sum(not h for h, _ in src.units) >= 3 and len(src.units) >= 3
        ]
        self.rng.shuffle(eligible)
        for kind, role in (("continued_from", "from"), ("continued_to", "to")):
            if kind in wanted and eligible:
                roles[eligible.pop()] = role
        return roles


def headline_form(title: str) -> str:
    """A title as plain OCR prints it: no photo note, no punctuation."""
    bare = title
    while PHOTO_NOTE.search(bare) and PHOTO_NOTE.sub("", bare):
        bare = PHOTO_NOTE.sub("", bare)
    bare = NON_WORD.sub(" ", bare).strip()
    return bare or title


def shorten_title(title: str) -> str:
    """The short form a jump headline takes: the first phrase, or the first half."""
    parts = [p for p in NON_WORD.split(title) if p]
    if len(parts) > 1 and len(parts[0]) >= 4:
        return parts[0]
    bare = "".join(parts) or title
    return bare[: max(4, min(10, len(bare) // 2))]


def build_page(
    group: list[SourceArticle], rng: random.Random, page_id: str, settings: Settings
) -> GeneratedPage:
    style = rng.choice(settings.styles)
    page = PageBuilder(group, rng, style)
    clean = rng.random() < settings.clean_share
    wanted = (
        set() if clean else {t for t in DEFECT_TYPES if rng.random() < settings.rates.get(t, 0)}
    )
    for src, role in zip(group, page.roles(group, wanted)):
        page.add_article(src, role)
    for kind, inject in INJECTORS.items():
        if kind in wanted:
            page.defects.extend(inject(page))
    if not clean and not page.defects:
        for kind in rng.sample(FALLBACK, len(FALLBACK)):
            if settings.rates.get(kind) and (found := INJECTORS[kind](page)):
                page.defects.extend(found)
                break
    width = rng.randint(10, 30) if style == "plain" else None
    indented = True
    if style == "plain":
        blank_lines = rng.random() < 0.5
        indented = rng.random() >= settings.unindented_share
        rendered = render_plain(page.stream, width, blank_lines, indented)
    else:
        rendered = render_markdown(page.stream, leading_newlines=rng.randint(0, 4))
    for record in page.defects:
        anchor = record.pop("_anchor")
        record["offset"] = rendered.offsets[anchor.uid]
        record["line"] = rendered.line_of(record["offset"])
    truth = {
        "id": page_id,
        "style": style,
        "width": width,
        "indented": indented,
        "clean": not page.defects,
        "date": page.date,
        "page": page.page_no,
        "articles": [a.to_json() for a in page.articles],
        "defects": page.defects,
    }
    return GeneratedPage(page_id, style, rendered.text, truth)


def chunk_group(group: list[SourceArticle], rng: random.Random) -> list[list[SourceArticle]]:
    """Split one printed page's articles into benchmark pages of 2-4 articles."""
    chunks, i = [], 0
    while i < len(group):
        left = len(group) - i
        size = left if left <= 4 else rng.randint(2, 4)
        if left - size == 1:
            size = 3 if size == 2 else size - 1
        chunks.append(group[i : i + size])
        i += size
    return chunks


def generate_pages(
    articles: list[SourceArticle],
    seed: int,
    *,
    pages: int | None = None,
    target_bytes: int | None = None,
    settings: Settings | None = None,
) -> Iterator[GeneratedPage]:
    """Pages until ``pages`` pages or ``target_bytes`` bytes; one corpus pass if neither.

    Later passes regroup and re-damage the same articles with fresh randomness, which is
    how a month of newspaper becomes 20 MB of distinct pages.
    """
    settings = settings or Settings()
    groups = group_by_page(articles)
    if not groups:
        return
    made = size = 0
    round_no = 0
    while True:
        order = list(range(len(groups)))
        random.Random(f"{seed}:{round_no}").shuffle(order)
        for g in order:
            chunks = chunk_group(groups[g], random.Random(f"{seed}:{round_no}:{g}"))
            for c, group in enumerate(chunks):
                first = group[0]
                page_id = f"r{round_no}-{first.date}-p{first.page:02d}-{c}"
                rng = random.Random(f"{seed}:{round_no}:{g}:{c}")
                page = build_page(group, rng, page_id, settings)
                yield page
                made += 1
                size += page.nbytes
                if (pages and made >= pages) or (target_bytes and size >= target_bytes):
                    return
        round_no += 1
        if not pages and not target_bytes:
            return


def write_pages(pages: list[GeneratedPage], directory: str | Path) -> None:
    """Each page as the tool would read it, next to its truth, for a person to inspect."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (out / f"{page.id}{page.suffix}").write_text(page.text, encoding="utf-8")
        truth = json.dumps(page.truth, ensure_ascii=False, indent=1)
        (out / f"{page.id}.truth.json").write_text(truth + "\n", encoding="utf-8")
