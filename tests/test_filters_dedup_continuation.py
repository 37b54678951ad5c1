"""Unit tests for the continuation and dedup filters (the golden cases are in tests/cases)."""

from __future__ import annotations

import doctest
import random
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from rapidfuzz import fuzz

from newsclean import Config, Kind, clean, parse
from newsclean.filters import continuation, dedup
from newsclean.filters.continuation import page_value
from newsclean.filters.dedup import DROP, _collapse, _length_window, _may_loop, collapse_loops
from newsclean.render import markdown

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "000_f9189766c98bbe8f.txt").read_text(encoding="utf-8")
CASES = Path(__file__).parent / "cases"
LOOPED = "“争创世界一流的平安城市,建设世界一流的警务模式,塑造世界一流的警察形象”,在确立目标时,公安机关就展示出勇立潮头的姿态。"


def only(text: str, *names: str):
    return clean(text, source="test", only=names)


def chars(texts) -> Counter:
    return Counter(c for t in texts for c in t if not c.isspace())


def markdown_page(text: str, *names: str):
    """Run filters on text parsed as Markdown whatever its line lengths."""
    page, repairs = parse(text, source="test", style="markdown"), []
    for name in names:
        page, found = {"continuation": continuation, "dedup": dedup}[name].run(page, Config())
        repairs += found
    return SimpleNamespace(page=page, repairs=repairs)


def assert_balanced(text: str, result) -> None:
    """input = output - sum(after) + sum(before), character for character, whitespace aside."""
    source = chars(b.text for b in parse(text, style=result.page.style).blocks)
    rebuilt = chars(b.text for b in result.page.blocks)
    rebuilt.update(chars(r.before for r in result.repairs))
    rebuilt.subtract(chars(r.after for r in result.repairs))
    assert +rebuilt == source
    assert all(v >= 0 for v in rebuilt.values())


def texts(result) -> list[str]:
    return [b.text for b in result.page.blocks]


def test_docstring_examples():
    for module in (continuation, dedup):
        failed, attempted = doctest.testmod(module)
        assert attempted and not failed, module.__name__


# ---------------------------------------------------------------- continuation: the seed


def test_seed_continued_pieces():
    result = only(SEED, "continuation")
    blocks = result.page.blocks
    assert not any("上接第一版" in b.text for b in blocks)
    heading_piece = next(b for b in blocks if b.text.startswith("截至2020年底"))
    inline_piece = next(b for b in blocks if b.text.startswith("市中级人民法院将此项工作"))
    assert heading_piece.continued_from == 1
    assert inline_piece.continued_from == 1
    assert [b.id for b in blocks if b.continued_from is not None] == [
        heading_piece.id,
        inline_piece.id,
    ]
    assert not any(b.continued_to is not None for b in blocks)
    actions = sorted(r.action for r in result.repairs)
    assert actions == ["removed", "replaced"]
    assert all(
        r.reason == "continuation_marker: 上接第一版 (continued from page 1)"
        for r in result.repairs
    )
    assert len(blocks) == len(parse(SEED).blocks) - 1  # only the ### 上接第一版 block goes
    assert_balanced(SEED, result)


def test_seed_fix_is_idempotent():
    from newsclean.render import markdown

    once = markdown(only(SEED, "continuation", "dedup").articles)
    twice = only(once, "continuation", "dedup")
    assert markdown(twice.articles) == once
    # the second run only reads back the marker lines the renderer wrote
    assert [r.before for r in twice.repairs if r.action == "parsed"] == ["（上接第1版）"]
    assert not [r for r in twice.repairs if r.changes_text]


# ---------------------------------------------------------------- continuation: forms


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("12", 12),
        ("１２", 12),
        ("A2", "A2"),
        ("Ａ２", "A2"),
        ("b3", "B3"),
        ("A02", "A02"),
        ("一二", None),
        ("0", None),
        ("〇", None),
    ],
)
def test_page_value(raw, value):
    assert page_value(raw) == value


@pytest.mark.parametrize(
    ("marker", "field", "value"),
    [
        ("上接第一版", "continued_from", 1),
        ("（上接第1版）", "continued_from", 1),
        ("(上接第一版)", "continued_from", 1),
        ("【上接第三版】", "continued_from", 3),
        ("接第十二版", "continued_from", 12),
        ("紧接第２版", "continued_from", 2),
        ("（上接A2版）", "continued_from", "A2"),
        ("下转第二版", "continued_to", 2),
        ("（下转第8版）", "continued_to", 8),
        ("转第１２版", "continued_to", 12),
        ("下转B3版", "continued_to", "B3"),
        ("（转Ａ５版）", "continued_to", "A5"),
        # an arrow pointing the way, a spot on the page
        ("◀上接第1版", "continued_from", 1),
        ("下转第2版▶", "continued_to", 2),
        ("（下转第七版右下）", "continued_to", 7),
        ("（下转第二版中）", "continued_to", 2),
        # as traditional pages print them
        ("（下轉第2版）", "continued_to", 2),
        ("緊接第一版", "continued_from", 1),
        ("（續第一版）", "continued_from", 1),
        ("（續見A7版）", "continued_to", "A7"),
        ("（下接第3版）", "continued_to", 3),
        # a lettered edition is a page without 版
        ("（转A3）", "continued_to", "A3"),
        ("转A3", "continued_to", "A3"),
        ("接B12", "continued_from", "B12"),
        ("（上接Ａ２）", "continued_from", "A2"),
        ("（續見A7）", "continued_to", "A7"),
        # the section the piece goes on in
        ("（下转第2版·要闻）", "continued_to", 2),
        ("（下转第2版 · 国际）", "continued_to", 2),
        ("下转第3版 要闻", "continued_to", 3),
        ("（下轉第2版·國際）", "continued_to", 2),
        ("（上接A1版·评论）", "continued_from", "A1"),
        # arrows as other papers print them
        (">>>下转第3版", "continued_to", 3),
        (">>下转第3版", "continued_to", 3),
        ("››上接A2版", "continued_from", "A2"),
        ("下转第3版>>", "continued_to", 3),
    ],
)
def test_marker_block_of_its_own(marker, field, value):
    text = f"# 标题\n\n第一段正文，讲的是一件事。\n\n{marker}\n\n第二段正文，讲的是另一件事。\n"
    result = only(text, "continuation")
    assert texts(result) == ["标题", "第一段正文，讲的是一件事。", "第二段正文，讲的是另一件事。"]
    target = result.page.blocks[2] if field == "continued_from" else result.page.blocks[1]
    assert getattr(target, field) == value
    others = [b for b in result.page.blocks if b is not target]
    assert all(b.continued_from is None and b.continued_to is None for b in others)
    (repair,) = result.repairs
    # the form fix itself writes is read back, not repaired
    action = "parsed" if marker in ("（上接第1版）", "（上接A2版）", "（下转第8版）") else "removed"
    assert (repair.action, repair.before, repair.after) == (action, marker, "")
    assert_balanced(text, result)


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("*上接第一版*", "continued_from", 1),
        ("> 上接第一版", "continued_from", 1),
        ("_（下转第2版）_", "continued_to", 2),
    ],
)
def test_marker_line_in_italics_or_quoted(line, field, value):
    """Some VLM OCR sets a marker's small print in italics or as a quotation."""
    text = f"# 标题\n\n第一段正文，讲的是一件事。\n\n{line}\n\n第二段正文，讲的是另一件事。\n"
    result = clean(text)
    assert [getattr(a, field) for a in result.articles] == (
        [None, value] if field == "continued_from" else [value, None]
    )
    paragraphs = [p for a in result.articles for p in a.paragraphs()]
    assert paragraphs == ["第一段正文，讲的是一件事。", "第二段正文，讲的是另一件事。"]
    assert_balanced(text, result)


@pytest.mark.parametrize("heading", ["#", "##", "###"])
def test_marker_heading_is_removed(heading):
    text = f"## 地毯式清查 穿透式整改\n\n{heading} 上接第一版\n\n截至2020年底，上海市剩余19块宅地未能处置。\n"
    result = only(text, "continuation")
    assert texts(result) == ["地毯式清查 穿透式整改", "截至2020年底，上海市剩余19块宅地未能处置。"]
    assert result.page.blocks[1].continued_from == 1
    assert result.page.blocks[0].continued_from is None


@pytest.mark.parametrize(
    ("text", "kept", "field", "value", "cut"),
    [
        (
            "上接第一版 市中级人民法院狠抓落实。",
            "市中级人民法院狠抓落实。",
            "continued_from",
            1,
            "上接第一版 ",
        ),
        (
            "上接第一版市中级人民法院狠抓落实。",
            "市中级人民法院狠抓落实。",
            "continued_from",
            1,
            "上接第一版",
        ),
        (
            "上接第一版，市中级人民法院狠抓落实。",
            "市中级人民法院狠抓落实。",
            "continued_from",
            1,
            "上接第一版，",
        ),
        (
            "（上接第1版）市中级人民法院狠抓落实。",
            "市中级人民法院狠抓落实。",
            "continued_from",
            1,
            "（上接第1版）",
        ),
        (
            "接第3版 市中级人民法院狠抓落实。",
            "市中级人民法院狠抓落实。",
            "continued_from",
            3,
            "接第3版 ",
        ),
        (
            "切实把工作抓出了实效。（下转第二版）",
            "切实把工作抓出了实效。",
            "continued_to",
            2,
            "（下转第二版）",
        ),
        (
            "切实把工作抓出了实效。下转第二版",
            "切实把工作抓出了实效。",
            "continued_to",
            2,
            "下转第二版",
        ),
        (
            "切实把工作抓出了实效， (下转第8版)",
            "切实把工作抓出了实效，",
            "continued_to",
            8,
            " (下转第8版)",
        ),
        (
            "切实把工作抓出了实效。转第１２版",
            "切实把工作抓出了实效。",
            "continued_to",
            12,
            "转第１２版",
        ),
        (
            "今年以来，全市共排查化解矛盾纠纷1.2万余件，调解成功率达98%，真正做到小事不出村、大事不出镇，切实把\n（下转A3版）",
            "今年以来，全市共排查化解矛盾纠纷1.2万余件，调解成功率达98%，真正做到小事不出村、大事不出镇，切实把",
            "continued_to",
            "A3",
            "\n（下转A3版）",
        ),
        (
            "切实把工作抓出了实效。（转A3）",
            "切实把工作抓出了实效。",
            "continued_to",
            "A3",
            "（转A3）",
        ),
        (
            "切实把工作抓出了实效。 转B12",
            "切实把工作抓出了实效。",
            "continued_to",
            "B12",
            " 转B12",
        ),
        (
            "切实把工作抓出了实效。（下转第2版·要闻）",
            "切实把工作抓出了实效。",
            "continued_to",
            2,
            "（下转第2版·要闻）",
        ),
        (
            "切实把工作抓出了实效。>>>下转第3版",
            "切实把工作抓出了实效。",
            "continued_to",
            3,
            ">>>下转第3版",
        ),
        (
            "（上接A1版·要闻）市中级人民法院狠抓落实。",
            "市中级人民法院狠抓落实。",
            "continued_from",
            "A1",
            "（上接A1版·要闻）",
        ),
    ],
)
def test_inline_marker_is_trimmed(text, kept, field, value, cut):
    result = markdown_page(text + "\n", "continuation")
    (block,) = result.page.blocks
    assert block.text == kept
    assert getattr(block, field) == value
    (repair,) = result.repairs
    assert (repair.action, repair.before, repair.after) == ("replaced", cut, "")
    assert_balanced(text, result)


def test_marker_line_between_headings_goes_to_the_heading_before():
    # the renderer writes （上接第N版） after its article's headings; an article with no body
    # is followed directly by the next article's headline
    text = "# 第一篇标题\n\n（上接第1版）\n\n# 第二篇标题\n\n第二篇正文第一段。\n"
    result = only(text, "continuation")
    first, second, body = result.page.blocks
    assert (first.continued_from, second.continued_from, body.continued_from) == (1, None, None)


def test_marker_line_points_one_way():
    page = parse(
        "第一篇最后一段。\n\n（上接第3版）\n\n第二篇第一段。\n\n（下转第4版）\n\n第三篇。\n"
    )
    labels = [0, 1, 1, 1, 2]
    page = page.with_blocks(b.with_(article=n) for b, n in zip(page.blocks, labels))
    new, _ = continuation.run(page, Config())
    assert [(b.text, b.continued_from, b.continued_to) for b in new.blocks] == [
        ("第一篇最后一段。", None, None),
        ("第二篇第一段。", 3, 4),
        ("第三篇。", None, None),
    ]
    # a marker points one way whatever the labels say: 上接 opens what follows it, 下转
    # closes what precedes it
    labels = [1, 1, 2, 2, 2]
    page = page.with_blocks(b.with_(article=n) for b, n in zip(page.blocks, labels))
    new, _ = continuation.run(page, Config())
    assert [(b.continued_from, b.continued_to) for b in new.blocks] == [
        (None, None),
        (3, 4),
        (None, None),
    ]


def test_marker_with_nothing_on_its_side_is_flagged():
    result = only("（下转第2版）\n\n正文第一段。\n", "continuation")
    assert [b.text for b in result.page.blocks] == ["（下转第2版）", "正文第一段。"]
    assert [r.action for r in result.repairs] == ["flagged"]


def test_inline_marker_in_a_heading_stays_on_the_heading():
    result = only("## 地毯式清查（上接第一版）\n\n正文第一段，讲的是一件事。\n", "continuation")
    heading, para = result.page.blocks
    assert (heading.text, heading.continued_from, para.continued_from) == ("地毯式清查", 1, None)


def test_glued_marker_goes_to_the_neighbour_it_points_at():
    # OCR glued the previous column's 下转 line onto the next paragraph, and an 上接 line onto
    # the end of the paragraph before the continued piece
    text = "前一篇最后一段。\n\n下转第二版 后一篇的开头一段。\n\n后一篇第二段。（上接第三版）\n\n续篇第一段。\n"
    result = only(text, "continuation")
    a, b, c, d = result.page.blocks
    assert (a.continued_to, b.continued_to, b.text) == (2, None, "后一篇的开头一段。")
    assert (c.continued_from, d.continued_from, c.text) == (None, 3, "后一篇第二段。")
    assert_balanced(text, result)


def test_marker_at_both_ends():
    text = "（上接第1版）市中级人民法院狠抓落实。（下转第4版）\n"
    result = only(text, "continuation")
    (block,) = result.page.blocks
    assert (block.text, block.continued_from, block.continued_to) == (
        "市中级人民法院狠抓落实。",
        1,
        4,
    )
    assert_balanced(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "本报第3版刊登了相关报道，见本报第3版。",
        "部分商户将店铺转第三方平台经营。",
        "平台方随即接第一批订单，运转平稳。",
        "接第3版报道后，多家单位主动联系记者。",
        "多家单位看过报道后转第3版",
        "他说这份材料紧接第二版面的图表。",
        "上接第一版面的图表，读者可对照阅读。",
        "报道称有关内容下转第二版之后再议。",
        "（下转第一二版）",  # not a page number as printed
        # a page needs 版 unless it is a lettered edition
        "转三",
        "转3",
        "（转三）",
        "转A股",
        "转A380",
        "转3次",
        "不少投资者把资金转A股市场。",
        "这台设备今年已经转3次手。",
        "他把文件转A4纸打印出来。",
        "航班改由A3登机口转B2登机口。",
        # nor is a word after the page a section of the paper
        "报道称有关内容下转第二版要闻之后再议。",
    ],
)
def test_prose_is_left_alone(text):
    result = only(text + "\n", "continuation")
    assert texts(result) == [text]
    assert not [r for r in result.repairs if r.changes_text]
    assert all(b.continued_from is None and b.continued_to is None for b in result.page.blocks)


def test_marker_inside_a_paragraph_is_flagged_not_cut():
    text = "正文提到的情况（下转第二版）以后的事情仍在处理中。\n"
    result = only(text, "continuation")
    assert texts(result) == [text.strip()]
    (repair,) = result.repairs
    assert repair.action == "flagged" and not repair.changes_text


def test_conflicting_pages_are_flagged_not_cut():
    text = "（上接第1版）\n\n（上接第2版）\n\n正文第一段，讲的是一件事。\n"
    result = only(text, "continuation")
    assert texts(result) == ["（上接第2版）", "正文第一段，讲的是一件事。"]
    assert result.page.blocks[1].continued_from == 1
    assert [r.action for r in result.repairs] == ["parsed", "flagged"]


def test_existing_page_is_kept_when_equal():
    page = parse("（上接第1版）\n\n正文第一段。\n")
    page = page.with_blocks([page.blocks[0], page.blocks[1].with_(continued_from=1)])
    new, repairs = continuation.run(page, Config())
    assert [b.text for b in new.blocks] == ["正文第一段。"]
    assert new.blocks[0].continued_from == 1 and repairs[0].action == "parsed"


def test_structure_kinds_and_labels_are_kept():
    page = parse("## 地毯式清查 穿透式整改\n\n上接第一版 市中级人民法院狠抓落实。\n")
    jump, para = page.blocks
    page = page.with_blocks([jump.with_(kind=Kind.JUMP_HEADLINE, article=3), para.with_(article=3)])
    new, _ = continuation.run(page, Config())
    assert [(b.kind, b.article) for b in new.blocks] == [
        (Kind.JUMP_HEADLINE, 3),
        (Kind.PARAGRAPH, 3),
    ]
    assert new.blocks[1].continued_from == 1
    assert page.blocks[1].text.startswith("上接")  # the input page is not mutated


def test_no_marker_returns_the_same_page():
    page = parse("# 标题\n\n正文第一段。\n")
    assert continuation.run(page, Config()) == (page, [])


# ---------------------------------------------------------------- dedup: the seed


def test_seed_loop_keeps_one_copy():
    result = only(SEED, "dedup")
    assert texts(result).count(LOOPED) == 1
    removed = [r for r in result.repairs if r.action == "removed"]
    assert len(removed) == 6
    assert [r for r in result.repairs if r.changes_text] == removed
    first = next(b.id for b in parse(SEED).blocks if b.text == LOOPED)
    assert [r.reason for r in removed] == [
        f"duplicate: copy {n} of 7 of block {first} (ratio 1.00)" for n in range(2, 8)
    ]
    assert all(r.before == LOOPED and r.after == "" and r.confidence == 1.0 for r in removed)
    assert all(r.blocks[1] == first for r in removed)
    # the kept copy is the first, before the three paragraphs that separate it from the loop
    kept = next(b for b in result.page.blocks if b.text == LOOPED)
    assert kept.id == first
    assert len(result.page.blocks) == len(parse(SEED).blocks) - 6
    assert_balanced(SEED, result)


# ---------------------------------------------------------------- dedup: across blocks

P1 = "自然资源部表示，对新增乱占耕地建房行为发现一起，处置一起，曝光一起，坚决做到“零容忍”。"
P2 = "据自然资源部有关负责人介绍，包括此案在内，今年9月至10月，共发现类似的案件29宗。"


def page_of(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize(
    "copy",
    [
        P1,
        P1.replace("，", ","),  # punctuation width
        P1.replace("新增", "新増"),  # one OCR character
        P1.replace("新增", "新増").replace("一起，曝光", "一趄，曝光"),  # two
        P1.replace("乱占耕地", "乱占耕 地"),  # a stray space
    ],
)
def test_copy_anywhere_on_the_page_is_removed(copy):
    filler = [f"第{i}段正文，讲的是完全不同的第{i}件事情，与前后文没有关系。" for i in range(30)]
    text = page_of(P1, *filler, copy, P2)
    result = only(text, "dedup")
    assert texts(result) == [P1, *filler, P2]
    (repair,) = result.repairs
    assert repair.action == "removed" and repair.before == copy and repair.after == ""
    assert repair.blocks == (31, 0)
    assert 0.92 <= repair.confidence <= 1.0
    assert_balanced(text, result)


FLIGHTS = "民航局有关负责人表示，将持续提升航班正常率，改善旅客出行体验。"


def test_copy_that_stops_mid_copy_is_removed_whole():
    # a paragraph loop that stopped in its next copy: a copy and a partial copy in one block
    looped = FLIGHTS + FLIGHTS[:20]
    text = page_of(FLIGHTS, looped, P2)
    result = only(text, "dedup")
    assert texts(result) == [FLIGHTS, P2]
    (repair,) = result.repairs
    assert (repair.action, repair.before, repair.after) == ("removed", looped, "")
    assert repair.reason == (
        "duplicate: copy 2 of 2 of block 0 and a partial copy after it (ratio 1.00)"
    )
    assert_balanced(text, result)
    # a near copy too, and far from the paragraph it copies
    filler = [f"第{i}段正文，讲的是完全不同的第{i}件事情，与前后文没有关系。" for i in range(5)]
    near = looped.replace("航班", "航斑")  # the loop copies its own misread
    assert texts(only(page_of(FLIGHTS, *filler, near), "dedup")) == [FLIGHTS, *filler]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (P1, FLIGHTS + FLIGHTS[:20]),  # alone: one copy and the start of another is no loop
        (FLIGHTS, FLIGHTS[:20] + "今年还将新开国际航线二十条。"),  # begins like it
        (FLIGHTS, FLIGHTS + FLIGHTS[:20] + "，今年还将新开国际航线二十条。"),  # text follows
    ],
)
def test_paragraph_that_only_begins_like_another_stays(first, second):
    result = only(page_of(first, second), "dedup")
    assert texts(result) == [first, second]
    assert [r for r in result.repairs if r.changes_text] == []


def test_a_join_that_makes_a_copy_cut_short_runs_dedup_again():
    page = parse(page_of(FLIGHTS, P2, FLIGHTS + FLIGHTS[:20]))
    assert dedup.may_act(page, {2}, Config())
    assert not dedup.may_act(parse(page_of(P1, P2, FLIGHTS + FLIGHTS[:20])), {2}, Config())


def test_near_copy_with_text_of_its_own_is_flagged():
    longer = P1[:-1] + "，绝不姑息。"
    result = only(page_of(P1, P2, longer), "dedup")
    assert texts(result) == [P1, P2, longer]
    (repair,) = result.repairs
    assert repair.action == "flagged"


def test_parallel_paragraphs_are_not_copies():
    a = "利用平台收集掌握的个人信息，对交易条件相同的用户实施差异化定价。"
    b = "利用平台收集掌握的经营者数据，对交易条件相同的商户实施差异化定价。"
    result = only(page_of(a, b), "dedup")
    assert texts(result) == [a, b] and result.repairs == []


@pytest.mark.parametrize(
    "short",
    [
        "（完）",
        "（新华社记者兰红光摄）",
        "（本报记者 张冲 通讯员 常瑞 摄影报道）",
        "本报记者 张冲",
        "□ 本报记者 张冲",
        "他说，好的。",
        "记者了解到，情况属实。",
    ],
)
def test_short_and_furniture_repeats_stay(short):
    text = page_of(short, P1, short, P2, short)
    result = only(text, "dedup")
    assert [r for r in result.repairs if r.changes_text] == []


def test_min_chars_is_configurable():
    para = "今天全市普降中到大雨。"  # 10 key characters
    text = page_of(para, P1, para)
    assert len(only(text, "dedup").page.blocks) == 3
    result = clean(text, only=("dedup",), dedup_min_chars=8)
    assert len(result.page.blocks) == 2


def test_similarity_is_configurable():
    copy = P1.replace("新增", "新増").replace("一起，曝光", "一趄，曝光")
    text = page_of(P1, copy)
    assert len(only(text, "dedup").page.blocks) == 1
    assert len(clean(text, only=("dedup",), dedup_similarity=0.99).page.blocks) == 2


def test_headings_are_never_removed_nor_matched():
    heading = "采取“长牙齿”的硬措施 织密耕地保护防护网 坚决遏制耕地非农化"
    # a paragraph that repeats a heading (a pull quote, a headline read twice) is left for
    # structure to judge, even when it comes twice
    text = f"# {heading}\n\n{P1}\n\n## {heading}\n\n{heading}\n\n{P2}\n\n{heading}\n"
    result = only(text, "dedup")
    assert texts(result) == [heading, P1, heading, heading, P2, heading]
    assert result.repairs == []


def _labelled(paragraphs_and_labels):
    page = parse(page_of(*(p for p, _ in paragraphs_and_labels)))
    return page.with_blocks(
        b.with_(article=label) for b, (_, label) in zip(page.blocks, paragraphs_and_labels)
    )


SHORT = "今天全市普降中到大雨，气温明显下降。"  # 16 key characters: short


def test_short_copy_alone_in_another_article_is_flagged():
    page = _labelled([(SHORT, 0), (P1, 0), (P2, 1), (SHORT, 1), (LOOPED, 1)])
    new, repairs = dedup.run(page, Config())
    assert [b.text for b in new.blocks] == [SHORT, P1, P2, SHORT, LOOPED]
    (repair,) = repairs
    assert repair.action == "flagged" and "another article" in repair.reason


def test_long_copy_in_another_article_is_removed():
    page = _labelled([(LOOPED, 0), (P1, 0), (P2, 1), (LOOPED, 1), (SHORT, 1)])
    new, repairs = dedup.run(page, Config())
    assert [b.text for b in new.blocks] == [LOOPED, P1, P2, SHORT]
    (repair,) = repairs
    assert repair.reason == "duplicate: copy 2 of 2 of block 0 in another article (ratio 1.00)"


@pytest.mark.parametrize(
    "labelled",
    [
        # right after the paragraph it copies, though structure put it in the next article
        [(P1, 0), (SHORT, 0), (SHORT, 1), (P2, 1)],
        # a run of copies
        [(SHORT, 0), (P1, 0), (P2, 1), (SHORT, 1), (SHORT, 1), (LOOPED, 1)],
        # a loop left at the page end
        [(SHORT, 0), (P1, 0), (P2, 1), (LOOPED, 1), (SHORT, 1)],
    ],
)
def test_short_copy_in_another_article_with_loop_evidence_is_removed(labelled):
    page = _labelled(labelled)
    new, repairs = dedup.run(page, Config())
    assert [b.text for b in new.blocks].count(SHORT) == 1
    assert all(r.action == "removed" for r in repairs)


def test_two_articles_ending_on_the_same_short_sentence_keep_it():
    # wire reports close on the same line; one copy at the page end of a paragraph that
    # ends its own article is no loop (a loop copies any paragraph, most not an ending)
    page = _labelled([(P1, 0), (SHORT, 0), (P2, 1), (SHORT, 1)])
    new, repairs = dedup.run(page, Config())
    assert [b.text for b in new.blocks] == [P1, SHORT, P2, SHORT]
    (repair,) = repairs
    assert repair.action == "flagged" and "another article" in repair.reason
    # two copies there are a loop
    page = _labelled([(P1, 0), (SHORT, 0), (P2, 1), (SHORT, 1), (SHORT, 1)])
    new, _ = dedup.run(page, Config())
    assert [b.text for b in new.blocks] == [P1, SHORT, P2]


def test_unlabelled_blocks_count_as_one_article():
    page = _labelled([(P1, -1), (P2, 2), (P1, -1)])
    new, _ = dedup.run(page, Config())
    assert [b.text for b in new.blocks] == [P1, P2]


def test_dedup_does_not_mutate_and_returns_same_page_when_clean():
    page = parse(page_of(P1, P2))
    assert dedup.run(page, Config()) == (page, [])
    looped = parse(page_of(P1, P2, P1))
    new, _ = dedup.run(looped, Config())
    assert len(looped.blocks) == 3 and len(new.blocks) == 2


def test_length_window_admits_every_reachable_length():
    base = "甲乙丙丁戊己庚辛壬癸" * 5
    for n in range(30, 80):
        other = (base * 2)[:n]
        if fuzz.ratio(base, other) >= 92:
            lo, hi = _length_window(len(base), 0.92)
            assert lo <= n <= hi


def test_paragraphs_that_differ_in_a_number_are_kept():
    a = "今年以来，全市共排查化解矛盾纠纷1.2万余件，调解成功率达98%。"
    b = "今年以来，全市共排查化解矛盾纠纷1.5万余件，调解成功率达96%。"
    c = "（一）利用平台收集掌握的个人信息，对交易条件相同的用户实施差异化定价。"
    d = "（二）利用平台收集掌握的个人信息，对交易条件相同的用户实施差异化定价。"
    result = only(page_of(a, b, c, d), "dedup")
    assert texts(result) == [a, b, c, d] and result.repairs == []


def test_many_paragraphs_of_one_length():
    # 400 numbered notices of one length, all near each other by ratio: none is a copy, and
    # an OCR copy of the eleventh, far down the page, is still found
    paras = [f"第{i:04d}号通知：请各单位按时报送本季度安全生产检查情况报告。" for i in range(400)]
    copy = paras[10].replace("检查", "检査")
    result = only(page_of(*paras, copy), "dedup")
    assert texts(result) == paras
    (repair,) = result.repairs
    assert repair.action == "removed" and repair.blocks == (400, 10)


def test_exact_copy_is_found_past_the_near_copy_window():
    paras = [f"第{i:04d}号通知：请各单位按时报送本季度安全生产检查情况报告。" for i in range(1500)]
    result = only(page_of(*paras, paras[3]), "dedup")
    assert texts(result) == paras
    assert [r.blocks for r in result.repairs] == [(1500, 3)]


# ---------------------------------------------------------------- dedup: loops inside a block


COLD = "近期部分地区可能出现倒春寒天气"
LONG_SENTENCE = (
    "这六项举措包括：一、出口信贷、出口信用保险和对外担保等政策性出口融资业务，要以进一步"
    "促进出口商品结构的优化和外经贸增长方式的转变为目标，重点支持船舶、成套设备、电讯电子"
    "产品等技术含量高、市场容量大、创汇能力强、经济效益好的机电产品出口；二、扩大政策性出口"
    "融资的服务对象。"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲乙丙丁。甲乙丙丁。甲乙丙丁。", "甲乙丙丁。"),
        ("他说甲乙丙丁。甲乙丙丁。甲乙丙丁。", "他说甲乙丙丁。"),
        ("的平安城市的平安城市的平安城市的平安城市", "的平安城市"),
        # the partial copy at the end stays: which copy is partial is not known
        ("“争创世界一流的平安城市的平安城市的平安城市的平安", "“争创世界一流的平安城市的平安"),
        # the sentence before ends like the loop's unit (长。): nothing of it may go
        (
            "神崎武法曾任国会对策委员长。" + "冬柴铁三曾任自治省政务次官和国会对策副委员长。" * 8,
            "神崎武法曾任国会对策委员长。冬柴铁三曾任自治省政务次官和国会对策副委员长。",
        ),
        # copies without an end mark that run to the end of the block
        (
            "欢迎读者来信。来信请寄：100733北京·人民日报经济部《乡镇企业》版收"
            "来信请寄：100733北京·人民日报经济部《乡镇企业》版收",
            "欢迎读者来信。来信请寄：100733北京·人民日报经济部《乡镇企业》版收",
        ),
        # a sentence longer than the phrase bound
        (LONG_SENTENCE * 3, LONG_SENTENCE),
        (
            "他说，前面的平安城市的平安城市的平安城市的平安，后面。",
            "他说，前面的平安城市的平安，后面。",
        ),
        ("体系运行以来成效明显。体系运行以来成效明显。", "体系运行以来成效明显。"),
        (
            "开头一句话。体系运行以来成效明显。\n体系运行以来成效明显。结尾。",
            "开头一句话。体系运行以来成效明显。结尾。",
        ),
        (LOOPED * 3, LOOPED),
        # a loop that stops mid-copy at the end of the block: the partial copy goes too
        (
            f"各地要做好防范。{COLD}。{COLD}。{COLD}。{COLD}。近期部分地区可能出现倒",
            f"各地要做好防范。{COLD}。",
        ),
        (f"专家提醒，{COLD}。{COLD}。{COLD}", f"专家提醒，{COLD}。"),
        ("他说的平安城市的平安城市的平安城市的平安城", "他说的平安城市"),
        # ... but not one of 3 Han characters, nor one that text follows: it may begin a sentence
        (f"专家提醒，{COLD}。{COLD}。近期部", f"专家提醒，{COLD}。近期部"),
        (
            f"{COLD}。{COLD}。近期部分地区可能出现倒，各地要做好防范。",
            f"{COLD}。近期部分地区可能出现倒，各地要做好防范。",
        ),
        # a clause looping between commas
        (f"{COLD}，{COLD}，{COLD}，各地要做好防范。", f"{COLD}，各地要做好防范。"),
        (f"气象部门提醒，{COLD}，{COLD}，{COLD}", f"气象部门提醒，{COLD}"),
        # a word of two or three characters, copied many times over
        ("他说：“这是一个好消息" + "好消息" * 13 + "。”", "他说：“这是一个好消息。”"),
        ("发展" * 9 + "是第一要务。", "发展是第一要务。"),
    ],
)
def test_loops_inside_a_block_are_cut(text, expected):
    new, loops, chants = collapse_loops(text)
    assert new == expected and loops and not chants


@pytest.mark.parametrize(
    "text",
    [
        "好！好！好！",
        "哈哈哈哈哈哈哈哈哈哈哈哈",
        "一二三四一二三四，孩子们跟着口令做操。",
        "加油加油加油加油！",
        "滴答滴答滴答滴答滴答，钟声响了。",  # (a sound, a few times over)
        "救命啊救命啊救命啊，他大声呼喊。",
        "他要坚持人民至上工作。坚持人民至上工作。",  # a suffix sentence, not aligned on a start
        "中国加油！武汉加油！中国加油！武汉加油！",  # two short sentences, twice
        "1234123412341234",
        # a number or a code whose halves repeat is no loop
        "1234567812345678",
        "ABCDEFGHABCDEFGH",
        "市域社会治理现代化试点城市，市域社会治理现代化的巨大效能。",
        # two copies without an end mark, not at the end of the block
        "来信请寄人民日报经济部乡镇企业版来信请寄人民日报经济部乡镇企业版，谢谢。",
        # one copy and then the start of another is no loop
        f"{COLD}。近期部分地区可能出现倒",
        "加油！加油！加油！",
        "“春天来了，春天来了，春天在哪里呀？”孩子们唱着跑进了公园。",
        "“风在吼，马在叫，黄河在咆哮，黄河在咆哮。”歌声响彻会场。",
        "会议要求，一是加强组织领导，二是加强督促检查，三是加强宣传引导。",
        "向前进，向前进，向前进，战士的责任重，妇女的冤仇深。",
    ],
)
def test_legitimate_repetition_stays(text):
    new, loops, _ = collapse_loops(text)
    assert new == text and loops == []


def test_gate_never_hides_a_loop():
    # the cheap gate in front of the loop search must pass every block the search would cut
    han = [c for c in SEED if "\u4e00" <= c <= "\u9fff"]
    marks = [*"，。、；：！？“”（）", " ", "\n", "。”"]
    rng = random.Random(5)

    def fragment(n: int) -> str:
        share = rng.choice((0.05, 0.15, 0.4))
        return "".join(
            rng.choice(marks) if rng.random() < share else rng.choice(han) for _ in range(n)
        )

    found = 0
    for _ in range(3000):
        unit = fragment(rng.randint(4, 40)) + rng.choice(["", "", "。", "！", "？”"])
        text = fragment(rng.choice([0, rng.randint(0, 20)])) + unit * rng.randint(2, 5)
        text += fragment(rng.choice([0, rng.randint(0, 20)]))
        new, loops, chants = _collapse(text)
        if loops or chants:
            found += 1
            assert _may_loop(DROP.split(text)), text
    assert found > 1000


def test_bullet_paragraphs_and_furniture():
    bullet = "●农业对国民经济的支撑能力明显增强，工农两大产业的关系在合理区间变动。"
    head = "1998年1月10日 星期六"
    result = only(page_of(head, bullet, bullet, P1, head), "dedup")
    assert texts(result) == [head, bullet, P1, head]


def test_notes_go_only_from_a_run_of_copies():
    note = "（资料来源：国际货币基金组织和中国国务院发展研究中心）"
    twice = page_of(note, P1, note, P2)
    assert only(twice, "dedup").repairs == []
    adjacent_pair = page_of(note, note, P1)  # two photos side by side, one credit each
    assert only(adjacent_pair, "dedup").repairs == []
    looped = page_of(P1, note, note, note, note, P2)
    result = only(looped, "dedup")
    assert texts(result) == [P1, note, P2]
    assert [r.reason for r in result.repairs][
        -1
    ] == "duplicate: copy 4 of 4 of block 1 (ratio 1.00)"


def test_short_note_looping_goes_from_a_run():
    signed = "（完）"
    looped = page_of(P1, *[signed] * 5)
    result = only(looped, "dedup")
    assert texts(result) == [P1, signed]
    assert [(r.action, r.before) for r in result.repairs] == [("removed", signed)] * 4
    assert_balanced(looped, result)
    # a run away from the note: every article signs off, so the run keeps one
    for note in (
        "（新华社记者兰红光摄）",
        "（资料来源：国际货币基金组织和中国国务院发展研究中心）",
    ):
        text = page_of(P1, note, P2, *[note] * 4)
        assert texts(only(text, "dedup")) == [P1, note, P2, note]


def test_a_caption_looping_with_its_credit_goes_with_it():
    """A loop of a caption and its credit line: with the caption's copies gone the credits
    stand side by side, a run a second reading would cut, so they go in the first."""
    caption = "③陕北的农民在新春佳节之际向大家问一声“新年好”。"
    credit = "（葭北剑摄）"
    looped = page_of(P1, *[caption, credit] * 6, P2)
    result = only(looped, "dedup")
    assert texts(result) == [P1, caption, credit, P2]
    assert_balanced(looped, result)


@pytest.mark.parametrize(
    "paragraphs",
    [
        [P1, "（完）"],
        [P1, "（完）", "（完）"],  # two is no run
        [P1, "（完）", P2, "（完）", LOOPED, "（完）"],  # each article signs off
        # a credit under each photo
        ["![](1.jpg)", "（新华社记者兰红光摄）", "![](2.jpg)", "（新华社记者兰红光摄）"] * 2,
        [P1, "（新华社记者兰红光摄）", P2, "（新华社记者兰红光摄）", "（新华社记者兰红光摄）"],
    ],
)
def test_short_notes_printed_again_stay(paragraphs):
    result = only(page_of(*paragraphs), "dedup")
    assert texts(result) == paragraphs and result.repairs == []


def test_chant_is_flagged():
    text = "“中国队加油！中国队加油！中国队加油！”看台上的球迷齐声高喊。"
    result = only(text + "\n", "dedup")
    assert texts(result) == [text]
    (repair,) = result.repairs
    assert repair.action == "flagged" and "中国队加油！" in repair.reason


def test_loop_repair_records_whole_block():
    text = "今年以来，全市整改交通隐患5286处。整改交通隐患5286处。整改交通隐患5286处。"
    result = only(text + "\n", "dedup")
    (repair,) = result.repairs
    assert repair.action == "replaced"
    assert (repair.before, repair.after) == (text, "今年以来，全市整改交通隐患5286处。")
    assert repair.reason == "repeat_loop: 整改交通隐患5286处。 repeated 3 times, one copy kept"
    assert_balanced(text, result)


def test_loop_cut_off_mid_copy_is_recorded():
    text = f"各地要做好防范。{COLD}。{COLD}。{COLD}。近期部分地区可能出现倒"
    result = only(text + "\n", "dedup")
    (repair,) = result.repairs
    assert (repair.before, repair.after) == (text, f"各地要做好防范。{COLD}。")
    assert repair.reason == (
        f"repeat_loop: {COLD}。 repeated 3 times and cut off mid-copy (近期部分地区可能出现倒), "
        "one copy kept"
    )
    assert_balanced(text, result)


def test_loop_then_copy_balances():
    looped = P1 + P1
    text = page_of(P1, P2, looped)
    result = only(text, "dedup")
    assert texts(result) == [P1, P2]
    assert [r.action for r in result.repairs] == ["replaced", "removed"]
    assert_balanced(text, result)


# ---------------------------------------------------------------- both, on every golden input


def _golden_inputs():
    return [
        pytest.param(path, id=f"{name}/{path.name}")
        for name in ("continuation", "dedup")
        for path in sorted((CASES / name).glob("**/*.txt"))
        if not path.name.endswith(".out.txt")
    ]


@pytest.mark.parametrize("path", _golden_inputs())
def test_golden_inputs_balance(path):
    text = path.read_text(encoding="utf-8")
    for names in (("continuation",), ("dedup",), ("continuation", "dedup")):
        assert_balanced(text, only(text, *names))


@pytest.mark.parametrize(
    ("marker", "page"),
    [("转A3", "A3"), ("（转A3）", "A3"), ("（下转第2版·要闻）", 2), (">>>下转第3版", 3)],
)
def test_a_marker_ends_its_article_in_either_style(marker, page):
    first = [
        "　　本报讯 记者王磊报道 10日，2024年新能源汽车下乡活动",
        "在江苏启动，30余家车企带来近百款车型，覆盖轿车、",
        "SUV和微型车等多个品类。",
    ]
    second = [
        "　　本报讯 老旧小区改造今年已完成一千余个，惠及居民",
        "二十余万户，群众获得感明显增强，街区面貌焕然一新。",
    ]
    plain = "\n".join(
        ["新能源汽车下乡活动启动", *first, marker, "城市更新让老街区焕发新活力", *second]
    )
    markdown = "\n\n".join(
        [
            "# 新能源汽车下乡活动启动",
            "".join(first),
            marker,
            "# 城市更新让老街区焕发新活力",
            "".join(second),
        ]
    )
    for text in (plain + "\n", markdown + "\n"):
        articles = clean(text).articles
        assert [a.title for a in articles] == [
            "新能源汽车下乡活动启动",
            "城市更新让老街区焕发新活力",
        ]
        assert (articles[0].continued_to, articles[1].continued_to) == (page, None)
        paragraphs = [p.strip("　") for a in articles for p in a.paragraphs()]
        assert [p[:6] for p in paragraphs] == ["本报讯 记者", "本报讯 老旧"]


def test_a_byline_looping_over_lines_under_the_headline_is_a_byline_once_cut():
    # structure read the looping lines as a paragraph; cut back to one, they are the byline
    # fix's output is read as the next time
    loop = "新华社通讯员史照栋新华社记者赵忠生" * 6
    lines = [loop[i : i + 16] for i in range(0, len(loop), 16)]
    page = (
        "用理论照亮人生路\n　　"
        + "\n".join(lines)
        + "\n　　武定远，一名普通的基层指导员，把坚持不懈地学习作为人生的崇高追求，带出了一个连年"
        + "\n先进、全面过硬的中队。\n"
    )
    (article,) = clean(page).articles
    assert article.bylines == ["新华社通讯员史照栋新华社记者赵忠生"]
    once = markdown(clean(page).articles)
    assert markdown(clean(once).articles) == once


# --- a heading that carries its marker: 数字乡村（上接第1版） over a continued piece ---

JUMP_PREVIOUS = [
    "本报讯 记者王敏报道：本市日前出台新一轮人才引进政策，在落户、住房、子女入学等方面加大支持力度。",
    "据介绍，新政策将覆盖更多行业和领域，预计每年吸引各类人才超过两万人。",
]
JUMP_PIECE = [
    "“以前办事要跑好几趟，现在手机上就能办。”村民张大姐说。近年来，当地大力推进数字乡村建设，政务服务事项基本实现网上可办。",
    "下一步，当地将继续完善农村信息基础设施，让更多村民享受数字化带来的便利。",
]


def jump_page(heading: str, style: str) -> str:
    """The page 人才引进政策再升级, then ``heading`` (its lines) over the continued piece."""
    if style == "plain":
        lines = ["人才引进政策再升级", *("　　" + p for p in JUMP_PREVIOUS)]
        lines += [*heading.split("\n"), *("　　" + p for p in JUMP_PIECE)]
        return "\n".join(lines) + "\n"
    blocks = ["# 人才引进政策再升级", *JUMP_PREVIOUS, *heading.split("\n"), *JUMP_PIECE]
    return "\n\n".join(blocks) + "\n"


def articles_read(text: str) -> list[dict]:
    return [
        {k: v for k, v in a.to_dict().items() if k not in ("source", "repairs")}
        for a in clean(text, source="page").articles
    ]


def assert_fix_is_idempotent(text: str) -> None:
    once = markdown(clean(text).articles)
    assert markdown(clean(once).articles) == once


@pytest.mark.parametrize(
    ("heading", "style"),
    [
        ("## 数字乡村（上接第1版）", "markdown"),
        ("### 数字乡村（上接第1版）", "markdown"),
        ("#### 数字乡村（上接第1版）", "markdown"),
        ("**数字乡村（上接第1版）**", "markdown"),
        ("## （上接第1版）数字乡村", "markdown"),
        ("### （上接第1版）数字乡村", "markdown"),
        ("## 数字乡村 上接第一版", "markdown"),
        ("## 数字乡村（接第1版）", "markdown"),
        ("数字乡村（上接第1版）", "plain"),
        ("数字乡村 上接第一版", "plain"),
    ],
)
def test_a_heading_carrying_its_from_marker_is_the_jump_headline(heading, style):
    # read as the heading over its marker's own line: a piece of its own, the article before
    # it untouched
    text = jump_page(heading, style)
    working = jump_page(
        "## 数字乡村\n（上接第1版）" if style == "markdown" else "数字乡村\n（上接第1版）", style
    )
    first, piece = articles_read(text)
    assert (first["title"], first["continued_from"]) == ("人才引进政策再升级", None)
    assert first["sections"] == [{"heading": None, "paragraphs": JUMP_PREVIOUS}]
    assert (piece["title"], piece["jump_headline"], piece["continued_from"]) == (
        None,
        "数字乡村",
        1,
    )
    assert piece["sections"] == [{"heading": None, "paragraphs": JUMP_PIECE}]
    assert articles_read(text) == articles_read(working)
    assert markdown(clean(text).articles) == markdown(clean(working).articles)
    assert_fix_is_idempotent(text)


def test_a_jump_headline_carrying_its_marker_may_stand_under_a_kicker():
    text = jump_page("## 乡村振兴\n## 数字乡村（上接第1版）", "markdown")
    assert articles_read(text) == articles_read(
        jump_page("## 乡村振兴\n## 数字乡村\n（上接第1版）", "markdown")
    )
    assert articles_read(text)[1]["kicker"] == "乡村振兴"
    assert_fix_is_idempotent(text)


@pytest.mark.parametrize(
    "heading",
    [
        "## 数字乡村（下转第3版）",
        "### 数字乡村（下转第3版）",
        "**数字乡村（下转第3版）**",
        "## （下转第3版）数字乡村",
    ],
)
def test_a_heading_carrying_a_to_marker_carries_the_text_above_it(heading):
    # the 下转 line of the column above, read onto the heading after it: the article above
    # goes on to page 3, and the heading opens what follows, as with the marker on its own line
    text = jump_page(heading, "markdown")
    first, after = articles_read(text)
    assert (first["title"], first["continued_to"]) == ("人才引进政策再升级", 3)
    assert first["sections"] == [{"heading": None, "paragraphs": JUMP_PREVIOUS}]
    assert after["sections"] == [{"heading": "数字乡村", "paragraphs": JUMP_PIECE}]
    assert articles_read(text) == articles_read(jump_page("（下转第3版）\n## 数字乡村", "markdown"))
    assert_fix_is_idempotent(text)


@pytest.mark.parametrize(
    "heading",
    ["## 数字乡村（上接第1版）（下转第3版）", "## （上接第1版）数字乡村（下转第3版）"],
)
def test_a_heading_carrying_both_markers(heading):
    text = jump_page(heading, "markdown")
    first, piece = articles_read(text)
    assert (first["continued_to"], piece["jump_headline"], piece["continued_from"]) == (
        3,
        "数字乡村",
        1,
    )
    assert_fix_is_idempotent(text)


@pytest.mark.parametrize(
    "heading",
    [
        "### 第一版本的故事",  # 版 as a word's, no marker
        "## 第一版本的故事",
        "**第一版本的故事**",
        "### 版面设计的新变化",
        "### 对接第3版",  # a bare verb glued to the words before it is prose
    ],
)
def test_a_section_heading_without_a_marker_stays_a_section(heading):
    text = jump_page(heading, "markdown")
    (article,) = articles_read(text)
    assert (article["continued_from"], article["continued_to"], article["jump_headline"]) == (
        None,
        None,
        None,
    )
    assert article["sections"][1] == {"heading": heading.strip("#* "), "paragraphs": JUMP_PIECE}


def test_a_plain_line_without_a_marker_stays_a_headline():
    first, second = articles_read(jump_page("第一版本的故事", "plain"))
    assert (second["title"], second["jump_headline"], second["continued_from"]) == (
        "第一版本的故事",
        None,
        None,
    )
    assert first["continued_from"] is None


def test_a_marker_heading_alone_and_a_paragraph_opening_with_one_are_as_before():
    # ### 上接第一版 alone is the marker line of an untitled piece; a paragraph opening with
    # 上接第一版 is that piece's first words
    for heading in ("### 上接第一版", "上接第一版"):
        text = jump_page(heading, "markdown")
        first, piece = articles_read(text)
        assert (piece["title"], piece["jump_headline"], piece["continued_from"]) == (None, None, 1)
        assert piece["sections"] == [{"heading": None, "paragraphs": JUMP_PIECE}]
    text = "\n\n".join(["# 人才引进政策再升级", *JUMP_PREVIOUS, "上接第一版 " + JUMP_PIECE[0]])
    first, piece = articles_read(text)
    assert (piece["jump_headline"], piece["continued_from"]) == (None, 1)
    assert piece["sections"][0]["paragraphs"] == JUMP_PIECE[:1]


def test_two_markers_ending_a_paragraph_are_both_cut():
    # its own 下转, and the 上接 line of the piece after it glued on
    text = "前一篇最后一段。（下转第3版）（上接第1版）\n\n续篇第一段。\n"
    result = only(text, "continuation")
    a, b = result.page.blocks
    assert (a.text, a.continued_to, b.continued_from) == ("前一篇最后一段。", 3, 1)
    assert_balanced(text, result)


def test_a_page_after_a_jump_is_another_pieces():
    # the paragraph after 下转第八版 shares its article's label until assemble splits it at
    # the jump: the 下转 the heading below it carries is its own page, no clash with 8
    text = "第一段。（下转第八版）\n\n第二段。\n\n## 数字乡村（下转第3版）\n\n第三段。\n"
    articles = articles_read(text)
    assert [a["continued_to"] for a in articles] == [8, 3, None]
    assert articles[2]["sections"] == [{"heading": "数字乡村", "paragraphs": ["第三段。"]}]
    assert_fix_is_idempotent(text)


def test_a_byline_after_a_marker_cut_from_its_start_is_the_byline():
    text = "## 防震减灾\n\n（接第三版）本报记者贺广华\n\n### 敢问苍茫大地\n\n西部，这片神奇的土地，也多自然灾害。\n"
    (article,) = clean(text).articles
    assert (article.continued_from, article.bylines) == (3, ["本报记者贺广华"])
    once = markdown(clean(text).articles)
    assert markdown(clean(once).articles) == once


def test_a_copy_with_digits_read_as_letters_is_a_copy_and_another_number_is_not():
    kept = "前海累计推出制度创新成果835项，其中在全国复制推广81项，占全市的26%。"
    misread = "前海累计推出制度创新成果835项，其中在全国复制推广8l项，占全市的Z6%。"
    other = "前海累计推出制度创新成果835项，其中在全国复制推广91项，占全市的26%。"
    result = clean(f"# 标题\n\n{kept}\n\n{misread}\n\n{other}\n")
    assert result.articles[0].paragraphs() == [kept, other]
    (removed,) = [r for r in result.repairs if r.filter == "dedup"]
    assert removed.before == misread


def test_a_line_of_two_markers_hands_its_pages_to_the_text_either_side():
    text = "# 标题\n\n第一段正文，讲的是一件事情。\n\n上接第1版（下转第3版）\n\n# 另一篇\n\n另一篇的正文。\n"
    first, second = clean(text).articles
    assert (first.continued_to, second.continued_from) == (3, 1)
    once = markdown(clean(text).articles)
    assert markdown(clean(once).articles) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "会议今天召开，与会代表进行了讨论。（完）（完）（完）（完）",
            "会议今天召开，与会代表进行了讨论。（完）",
        ),
        (
            "图为会场。（新华社记者张三摄）（新华社记者张三摄）（新华社记者张三摄）",
            "图为会场。（新华社记者张三摄）",
        ),
        # two in a row, or notes that differ, are no loop
        (
            "会议今天召开，与会代表进行了讨论。（完）（完）",
            "会议今天召开，与会代表进行了讨论。（完）（完）",
        ),
        ("措施包括：（一）（二）（三）", "措施包括：（一）（二）（三）"),
        ("地区（±％）（±％）（±％）", "地区（±％）（±％）（±％）"),  # a table's header
    ],
)
def test_a_note_looping_inside_a_block_is_cut_to_one(text, expected):
    new, _, _ = collapse_loops(text)
    assert new == expected


def test_text_before_a_piece_continued_from_another_page_is_another_pieces():
    # the 上接 read after 一一 opens the continued piece: 一一 ends some other text, and the
    # two stay apart (a join would have been made on the second reading only)
    text = "一一（上接第1版）\n\n)。"
    first, second = clean(text).articles
    assert (first.paragraphs(), first.continued_from) == (["一一"], None)
    assert (second.paragraphs(), second.continued_from) == (["）。"], 1)
    assert_fix_is_idempotent(text)
