"""The benchmark's generator and scorer, on a tiny corpus and on hand-made pages.

None of this runs the real cleaner: the scorer is checked against a perfect oracle, a
do-nothing cleaner and outputs made by hand, so these tests hold whatever the core does.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from opencc import OpenCC

from newsclean.bench.corpus import group_by_page, load_corpus
from newsclean.bench.generate import DEFECT_TYPES, Settings, generate_pages
from newsclean.bench.reference import OracleCleaner, expected_articles, passthrough_clean
from newsclean.bench.run import quality_pass
from newsclean.bench.score import score_page
from newsclean.bench.summary import summarize
from newsclean.bench.textnorm import (
    FULL_TO_HALF_PUNCT,
    FULLWIDTH_ALNUM,
    is_han,
    loose_key,
    normalize_truth,
    strict_key,
)

TINY = Path(__file__).parent / "data" / "tiny_corpus.jsonl"
PAGES = 16  # four printed pages in the tiny corpus, so four rounds of fresh randomness
CHINESE_PAGE = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                "九": 9, "十": 10, "十一": 11, "十二": 12}  # fmt: skip
MARKER = re.compile(r"(上接|下转|紧接|接|转)(?:第(.{1,2})|(A\d{1,2}))版")
FROM_VERBS = {"上接", "接", "紧接"}


@pytest.fixture(scope="module")
def articles():
    return load_corpus(TINY)


def pages_with(articles, kind: str, seed: int = 3) -> list:
    settings = Settings(clean_share=0.0, rates={kind: 1.0})
    pages = list(generate_pages(articles, seed, pages=PAGES, settings=settings))
    assert any(d["type"] == kind for p in pages for d in p.truth["defects"]), kind
    return pages


def records(pages, kind):
    return [(p, d) for p in pages for d in p.truth["defects"] if d["type"] == kind]


def truth_paragraph(page, d) -> str:
    sections = page.truth["articles"][d["article"]]["sections"]
    return [p for s in sections for p in s["paragraphs"]][d["paragraph"]]


def printed(page) -> str:
    """The page without whitespace and with digits made ASCII, punctuation left as printed."""
    return strict_key(page.text).translate(FULLWIDTH_ALNUM)


def line_at(page, d) -> str:
    line = page.text.splitlines()[d["line"] - 1]
    assert page.text[d["offset"] :].startswith(line)
    return line


# -- corpus ---------------------------------------------------------------------------------


def test_corpus_keeps_pages_together_and_splits_bylines(articles):
    assert len(articles) == 12
    assert [len(g) for g in group_by_page(articles)] == [3, 3, 3, 3]
    with_byline = [a for a in articles if a.reporter_lines]
    assert [a.reporter_lines for a in with_byline] == [("本报记者周明远",), ("本报记者王立群",)]
    assert sum(h for a in articles for h, _ in a.units) == 1  # 转换机制是关键


# -- generator --------------------------------------------------------------------------------


def test_generator_is_deterministic_per_seed(articles):
    first = list(generate_pages(articles, 7, pages=PAGES))
    again = list(generate_pages(articles, 7, pages=PAGES))
    other = list(generate_pages(articles, 8, pages=PAGES))
    assert [(p.text, p.truth) for p in first] == [(p.text, p.truth) for p in again]
    assert [p.text for p in first] != [p.text for p in other]


def test_both_styles_look_like_ocr_pages(articles):
    pages = list(generate_pages(articles, 11, pages=PAGES))
    styles = {p.style for p in pages}
    assert styles == {"markdown", "plain"}
    for page in pages:
        titles = [a["title"] for a in page.truth["articles"] if a["title"]]
        lines = page.text.splitlines()
        if page.style == "markdown":
            headlines = {normalize_truth(x) for x in lines if x.startswith("# ")}
            assert {f"# {t}" for t in titles} <= headlines
        else:
            width = page.truth["width"]
            assert 10 <= width <= 30
            assert not any(line.startswith("#") for line in lines)
            indented = [x for x in lines if x.startswith("\u3000\u3000")]
            assert all(len(x) <= width + 2 for x in indented)
            # a page either indents its paragraphs or parts them with blank lines
            assert bool(indented) == page.truth["indented"]
            assert page.truth["indented"] or "" in lines
    assert {p.truth.get("indented") for p in pages if p.style == "plain"} == {True, False}


def test_every_truth_text_is_on_the_page(articles):
    """Conservation: the truth is reachable from the page by undoing recorded defects."""
    pages = list(generate_pages(articles, 5, pages=PAGES * 2))
    for page in pages:
        text = loose_key(page.text)
        splits = {(d["article"], d["paragraph"]): d for _, d in records([page], "split")}
        loops = {(d["article"], d["paragraph"]): d for _, d in records([page], "dup_sentence")}
        for a, art in enumerate(page.truth["articles"]):
            paragraphs = [p for s in art["sections"] for p in s["paragraphs"]]
            for i, para in enumerate(paragraphs):
                parts = [para]
                if (a, i) in splits:
                    cut = splits[(a, i)]["cut"]
                    parts = [para[:cut], para[cut:]]
                if (a, i) in loops:
                    d = loops[(a, i)]
                    parts = [para[: d["at"]] + d["sentence"] * d["extra"] + para[d["at"] :]]
                assert all(loose_key(part) in text for part in parts), (page.id, para)
            for name in ("title", "kicker", "subtitle", "jump_headline"):
                if art[name]:
                    assert loose_key(art[name]) in text


def test_clean_pages_have_no_defects(articles):
    pages = list(generate_pages(articles, 2, pages=PAGES, settings=Settings(clean_share=1.0)))
    assert all(p.truth["clean"] and not p.truth["defects"] for p in pages)
    for page in pages:
        assert not re.search(r"[\u4e00-\u9fff][,;:?!()][\u4e00-\u9fff]", page.text)
        assert not MARKER.search(page.text)


def test_default_mix_covers_every_defect_and_some_clean_pages(articles):
    pages = list(generate_pages(articles, 1, pages=120))
    kinds = {d["type"] for p in pages for d in p.truth["defects"]}
    assert kinds == set(DEFECT_TYPES)
    clean_share = sum(p.truth["clean"] for p in pages) / len(pages)
    assert 0.05 < clean_share < 0.3


@pytest.mark.parametrize("kind", ["dup_after", "dup_page_end"])
def test_paragraph_loops_print_the_recorded_copies(articles, kind):
    for page, d in records(pages_with(articles, kind), kind):
        para = truth_paragraph(page, d)
        assert 1 <= d["extra"] <= 7
        assert printed(page).count(strict_key(para)) == d["extra"] + 1
        assert normalize_truth(strict_key(line_at(page, d))) in para  # first copy starts there
        if kind == "dup_page_end":
            assert printed(page).endswith(strict_key(para) * d["extra"])


def test_sentence_loop_repeats_inside_one_block(articles):
    for page, d in records(pages_with(articles, "dup_sentence"), "dup_sentence"):
        para = truth_paragraph(page, d)
        sentence = d["sentence"]
        assert para.count(sentence) == 1 and para[: d["at"]].endswith(sentence)
        looped = para[: d["at"]] + sentence * d["extra"] + para[d["at"] :]
        assert strict_key(looped) in printed(page)


def test_column_split_prints_two_blocks(articles):
    for page, d in records(pages_with(articles, "split"), "split"):
        para = truth_paragraph(page, d)
        head, tail = para[: d["cut"]], para[d["cut"] :]
        assert head[-1] not in "。！？" and tail
        line = line_at(page, d)
        assert not line.startswith("\u3000")  # the tail starts a block of its own, flush left
        assert tail.startswith(normalize_truth(line.strip())[:8])
        if page.style == "markdown":
            blocks = [normalize_truth(b.strip()) for b in page.text.split("\n\n")]
            assert head in blocks and tail in blocks


def test_bleed_prints_the_run_inside_the_host(articles):
    pages = pages_with(articles, "bleed")
    for page, d in records(pages, "bleed"):
        assert d["host"] != d["article"] and 1 <= len(d["paragraphs"]) <= 4
        donor = page.truth["articles"][d["article"]]
        donor_paras = [p for s in donor["sections"] for p in s["paragraphs"]]
        run = "".join(strict_key(donor_paras[j]) for j in d["paragraphs"])
        host_para = truth_paragraph(page, {"article": d["host"], "paragraph": d["after_paragraph"]})
        seam = [
            s
            for _, s in records([page], "split")
            if s["seam"] and (s["article"], s["paragraph"]) == (d["host"], d["after_paragraph"])
        ]
        assert bool(seam) == d["seam_cut"]
        if seam:
            cut = seam[0]["cut"]
            before, after = strict_key(host_para[:cut]), strict_key(host_para[cut:])
            assert before + run + after in printed(page)
        else:
            assert strict_key(host_para) + run in printed(page)
    assert {d["seam_cut"] for _, d in records(pages, "bleed")} == {True, False}


@pytest.mark.parametrize("kind", ["continued_from", "continued_to"])
def test_continuation_markers_carry_the_recorded_page(articles, kind):
    pages = pages_with(articles, kind)
    for page, d in records(pages, kind):
        article = page.truth["articles"][d["article"]]
        verb, number, lettered = MARKER.search(d["marker"]).groups()
        value = lettered or CHINESE_PAGE.get(number) or int(number.translate(FULLWIDTH_ALNUM))
        assert value == d["value"] == article[kind]
        assert (verb in FROM_VERBS) == (kind == "continued_from")
        if d["placement"] in ("heading", "line"):
            assert d["marker"] in line_at(page, d)
        else:
            assert strict_key(d["marker"]) in strict_key(page.text[d["offset"] :])
        if kind == "continued_from":
            assert article["title"] is None and article["bylines"] == []
            if d["placement"] == "jump":
                assert f"## {article['jump_headline']}" in page.text.splitlines()
    placements = {d["placement"] for _, d in records(pages, kind)}
    assert len(placements) >= 2


def test_halfwidth_punctuation_sits_between_han_characters(articles):
    for page, d in records(pages_with(articles, "halfwidth_punct"), "halfwidth_punct"):
        para = list(truth_paragraph(page, d))
        for i in d["positions"]:
            assert para[i] in FULL_TO_HALF_PUNCT and is_han(para[i - 1]) and is_han(para[i + 1])
            para[i] = FULL_TO_HALF_PUNCT[para[i]]
        assert strict_key("".join(para)) in printed(page)


def test_traditional_characters_convert_back(articles):
    to_simple, to_trad = OpenCC("t2s"), OpenCC("s2t")
    for page, d in records(pages_with(articles, "traditional"), "traditional"):
        para = list(truth_paragraph(page, d))
        for i in d["positions"]:
            para[i] = to_trad.convert(para[i])
        damaged = "".join(para)
        assert damaged != truth_paragraph(page, d)
        assert strict_key(damaged) in printed(page)
        assert to_simple.convert(damaged) == truth_paragraph(page, d)


def test_furniture_is_a_line_of_its_own(articles):
    for page, d in records(pages_with(articles, "furniture"), "furniture"):
        lines = [x for x in page.text.splitlines() if x.strip()]
        assert line_at(page, d) == d["text"]
        if d["placement"] == "top":
            assert d["text"] in lines[:3]
        if d["placement"] == "bottom":
            assert d["text"] in lines[-3:]


# -- scorer on generated pages --------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed_pages(articles):
    return list(generate_pages(articles, 4, pages=60, settings=Settings(clean_share=0.2)))


def test_oracle_gets_full_marks(mixed_pages):
    s = summarize(quality_pass(mixed_pages, OracleCleaner(mixed_pages)).totals)
    for name, result in s["defects"].items():
        if name != "false_joins":
            assert result["recall"] == 1.0, name
    assert s["defects"]["false_joins"]["count"] == 0
    assert s["paragraphs_exact_in_right_article"] == s["reading_order_pairs_kept"] == 1.0
    assert s["chars_lost"] == s["clean_page_changes"] == 0
    assert all(f["accuracy"] == 1.0 for f in s["fields"].values() if f["n"])


def test_do_nothing_cleaner_repairs_nothing(mixed_pages):
    s = summarize(quality_pass(mixed_pages, passthrough_clean).totals)
    d = s["defects"]
    assert d["duplicates_removed"]["recall"] == 0.0
    assert d["splits_joined"]["recall"] == 0.0
    assert d["bled_paragraphs_returned"]["recall"] == 0.0
    assert d["markers_parsed"]["recall"] == 0.0
    assert d["punctuation_normalised"]["recall"] == 0.0
    assert s["chars_lost"] == 0  # it keeps everything, defects included


def test_a_crashing_cleaner_is_reported_not_fatal(mixed_pages):
    def broken(text, source):
        raise RuntimeError("boom")

    run = quality_pass(mixed_pages[:3], broken)
    assert run.totals["errors"] == 3 and run.errors[0]["error"] == "RuntimeError: boom"
    assert summarize(run.totals)["chars_lost"] > 0


def test_a_hanging_cleaner_is_stopped(mixed_pages, monkeypatch):
    def hangs(text, source):
        while True:
            pass

    monkeypatch.setattr("newsclean.bench.run.PAGE_TIME_LIMIT_S", 0.05)
    run = quality_pass(mixed_pages[:1], hangs)
    assert run.totals["errors"] == 1 and "PageTimeout" in run.errors[0]["error"]


# -- scorer on hand-made pages --------------------------------------------------------------

P1 = "新华社北京1月4日电今天上午，首都各界群众在天安门广场举行隆重的升旗仪式。"
P2 = "参加仪式的有机关干部、学生和解放军官兵，共计两千余人，场面十分壮观。"
P3 = "仪式结束后，许多群众留在广场上拍照留念，久久不愿离去。"
Q1 = "本报讯近日，某市开展了冬季安全生产大检查，重点检查了矿山和建筑工地。"
Q2 = "检查中发现的各类隐患，有关部门已责令限期整改，并将跟踪复查落实情况。"


def hand_truth(defects=(), clean=False) -> dict:
    def article(title, paragraphs, **extra):
        base = {"source_id": "x", "title": title, "kicker": None, "subtitle": None,
                "jump_headline": None, "bylines": [], "continued_from": None,
                "continued_to": None, "flags": []}  # fmt: skip
        base.update(extra)
        base["sections"] = [{"heading": None, "paragraphs": list(paragraphs)}]
        return base

    return {
        "id": "hand",
        "style": "markdown",
        "width": None,
        "clean": clean,
        "articles": [article("首都举行升旗仪式", [P1, P2, P3]), article("安全检查", [Q1, Q2])],
        "defects": list(defects),
    }


def perfect(truth) -> list[dict]:
    return expected_articles(truth, "hand")


def test_one_copy_left_in_gives_the_exact_recall():
    truth = hand_truth([{"type": "dup_after", "article": 0, "paragraph": 1, "extra": 4}])
    out = perfect(truth)
    out[0]["sections"][0]["paragraphs"].insert(2, P2)  # one of four copies survives
    removed = [{"filter": "dedup", "action": "removed", "before": P2 * 3, "after": ""}]
    d = summarize(score_page(truth, out, removed))["defects"]["duplicates_removed"]
    assert d["recall"] == 0.75 and d["precision"] == 1.0
    too_much = [{"filter": "dedup", "action": "removed", "before": P2 * 4 + Q2, "after": ""}]
    d = summarize(score_page(truth, perfect(truth), too_much))["defects"]["duplicates_removed"]
    assert d["recall"] == 1.0
    assert d["precision"] == pytest.approx(4 * len(P2) / (4 * len(P2) + len(Q2)))


def test_sentence_loop_left_in_counts_against_recall():
    sentence = "场面十分壮观。"
    truth = hand_truth([{"type": "dup_sentence", "article": 0, "paragraph": 1,
                         "sentence": sentence, "extra": 2}])  # fmt: skip
    out = perfect(truth)
    out[0]["sections"][0]["paragraphs"][1] = P2 + sentence
    c = score_page(truth, out, [])
    assert (c["dup_sentence_copies"], c["dup_sentence_removed"]) == (2, 1)
    assert c["paragraphs_exact"] == 4


def test_missing_paragraph_is_lost_unless_a_repair_logs_it():
    truth = hand_truth()
    out = perfect(truth)
    del out[1]["sections"][0]["paragraphs"][1]
    assert score_page(truth, out, [])["chars_lost"] == len(Q2)
    logged = [{"filter": "furniture", "action": "removed", "before": Q2, "after": ""}]
    c = score_page(truth, out, logged)
    assert c["chars_lost"] == 0 and c["chars_dropped"] == len(Q2)


def test_unrepaired_width_and_script_are_not_lost():
    truth = hand_truth()
    out = perfect(truth)
    out[0]["sections"][0]["paragraphs"][0] = P1.replace("1", "１").replace("，", ",")
    out[0]["sections"][0]["paragraphs"][2] = P3.replace("场", "場")
    assert score_page(truth, out, [])["chars_lost"] == 0


def test_joining_two_paragraphs_is_a_false_join():
    truth = hand_truth()
    out = perfect(truth)
    out[0]["sections"][0]["paragraphs"][1:3] = [P2 + P3]
    c = score_page(truth, out, [])
    assert c["false_joins"] == 1 and c["paragraphs_exact"] == 3 and c["chars_lost"] == 0


def test_split_is_joined_only_when_whole_again():
    cut = 12
    truth = hand_truth([{"type": "split", "article": 0, "paragraph": 0, "cut": cut, "seam": False}])
    c = score_page(truth, perfect(truth), [])
    assert (c["split_total"], c["split_joined"], c["false_joins"]) == (1, 1, 0)
    halves = perfect(truth)
    halves[0]["sections"][0]["paragraphs"][0:1] = [P1[:cut], P1[cut:]]
    c = score_page(truth, halves, [])
    assert (c["split_joined"], c["false_joins"], c["paragraphs_exact"]) == (0, 0, 4)
    assert (c["order_pairs"], c["order_pairs_kept"]) == (3, 2)  # P1 no longer leads into P2


def test_bled_paragraph_must_go_back_between_its_neighbours():
    bleed = {"type": "bleed", "article": 0, "paragraph": 1, "paragraphs": [1], "host": 1,
             "after_paragraph": 0, "seam_cut": False}  # fmt: skip
    truth = hand_truth([bleed])
    moved = [{"filter": "reorder", "action": "moved", "before": P2, "after": P2, "blocks": [4]}]
    c = score_page(truth, perfect(truth), moved)
    assert (c["bleed_paragraphs"], c["bleed_returned"], c["reorder_moved"]) == (1, 1, 1)
    left = perfect(truth)
    left[0]["sections"][0]["paragraphs"].remove(P2)
    left[1]["sections"][0]["paragraphs"].insert(1, P2)
    c = score_page(truth, left, [])
    assert (c["bleed_returned"], c["bleed_right_article"], c["chars_lost"]) == (0, 0, 0)
    swapped = perfect(truth)
    swapped[0]["sections"][0]["paragraphs"] = [P2, P1, P3]
    assert score_page(truth, swapped, [])["bleed_returned"] == 0


def test_markers_compare_page_numbers_not_spelling():
    truth = hand_truth([{"type": "continued_to", "article": 1, "paragraph": None, "value": 8}])
    truth["articles"][1]["continued_to"] = 8
    out = perfect(truth)
    out[1]["continued_to"] = "8"
    assert score_page(truth, out, [])["continued_to_ok"] == 1
    out[1]["continued_to"] = 3
    c = score_page(truth, out, [])
    assert (c["continued_to_ok"], c["continued_to_output"], c["continued_to_output_ok"]) == (
        0,
        1,
        0,
    )


def test_punctuation_left_half_width_lowers_recall_by_one_position():
    spots = [i for i, ch in enumerate(P2) if ch in "，"]
    truth = hand_truth([{"type": "halfwidth_punct", "article": 0, "paragraph": 1,
                         "positions": spots}])  # fmt: skip
    out = perfect(truth)
    out[0]["sections"][0]["paragraphs"][1] = P2[: spots[0]] + "," + P2[spots[0] + 1 :]
    c = score_page(truth, out, [])
    assert (c["punct_injected"], c["punct_fixed"], c["punct_false"]) == (
        len(spots),
        len(spots) - 1,
        0,
    )


def test_changes_on_a_clean_page_are_counted_beyond_normalisation():
    truth = hand_truth(clean=True)
    repairs = [
        {"filter": "normalize", "action": "replaced", "before": "１", "after": "1"},
        {"filter": "unwrap", "action": "unwrapped", "before": "", "after": ""},
        {"filter": "dedup", "action": "flagged", "before": "", "after": ""},
        {"filter": "rejoin", "action": "joined", "before": "", "after": ""},
    ]
    c = score_page(truth, perfect(truth), repairs)
    assert (c["clean_page_changes"], c["clean_page_flags"]) == (1, 1)
    assert c["clean_change:rejoin:joined"] == 1


def test_a_lifted_dateline_still_counts_as_the_paragraph():
    truth = hand_truth()
    out = perfect(truth)
    out[0]["dateline"] = "新华社北京1月4日电"
    out[0]["sections"][0]["paragraphs"][0] = P1[len("新华社北京1月4日电") :]
    c = score_page(truth, out, [])
    assert c["paragraphs_exact"] == 5 and c["chars_lost"] == 0


def test_titles_are_judged_on_the_primary_article_only():
    truth = hand_truth()
    out = perfect(truth)
    out[0]["title"] = "首都举行升旗"
    extra = copy.deepcopy(out[1])
    extra["sections"] = [{"heading": None, "paragraphs": []}]
    extra["title"] = "本报讯"
    c = score_page(truth, [*out, extra], [])
    assert (c["field_title"], c["field_title_ok"]) == (3, 1)


def test_the_second_run_check_catches_output_that_changes():
    from collections import Counter

    from newsclean import clean
    from newsclean.bench.run import _second_run

    first = clean("# 标题\n\n正文第一段。\n")
    assert _second_run(first, clean, "p") == Counter(rerun_pages=1, rerun_changed=0)

    def drifting(text, source):
        return clean(text + "\n又一段。\n", source=source)

    assert _second_run(first, drifting, "p")["rerun_changed"] == 1
