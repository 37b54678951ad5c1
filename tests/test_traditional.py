"""Traditional-script pages are repaired as simplified ones are: the patterns read both
scripts and the language counts, taken from simplified text, read a traditional character
as its simplified form."""

from __future__ import annotations

import importlib
import re

import pytest
import regex

import newsclean
from newsclean.filters.script import _dictionary
from newsclean.language import clause_end_logit, pair_pmi, specificity

# the modules whose patterns match Chinese words (a byline's 记者, a marker's 下转, a credit's 摄)
PATTERN_MODULES = [
    "newsclean.chardata",
    "newsclean.parse",
    "newsclean.assemble",
    "newsclean.filters.continuation",
    "newsclean.filters.dedup",
    "newsclean.filters.furniture",
    "newsclean.filters.normalize",
    "newsclean.filters.rejoin",
    "newsclean.filters.reorder",
    "newsclean.filters.structure",
    "newsclean.filters.unwrap",
]


def _patterns(value):
    if isinstance(value, (regex.Pattern, re.Pattern)):
        if isinstance(value.pattern, str):
            yield value.pattern
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _patterns(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item)
    elif hasattr(value, "WHOLE"):  # the running head's matcher
        yield value.WHOLE.pattern


def test_every_pattern_reads_the_traditional_form_of_its_characters():
    traditional_of = {
        k: v[0] for k, v in _dictionary("STCharacters.txt").items() if len(k) == 1 and v[0] != k
    }
    missing = []
    for name in PATTERN_MODULES:
        for attr, value in vars(importlib.import_module(name)).items():
            for pattern in _patterns(value):
                lacking = sorted(
                    {c for c in pattern if c in traditional_of and traditional_of[c] not in pattern}
                )
                if lacking:
                    missing.append(f"{name}.{attr}: {''.join(lacking)}")
    assert not missing


def test_language_counts_read_traditional_characters():
    assert pair_pmi("基", "層") == pair_pmi("基", "层")
    assert pair_pmi("經", "濟") == pair_pmi("经", "济")
    assert clause_end_logit("們") == clause_end_logit("们")
    assert specificity("經濟") == specificity("经济") < 1.0
    # a character valid in both scripts is read as itself (於 is a surname on a simplified page)
    assert pair_pmi("於", "是") != pair_pmi("于", "是")


@pytest.mark.parametrize(
    "page, joined",
    [
        (
            "# 巴西將建大型生態賓館\n\n新華社巴西利亞１月１８日電巴西利亞生態基金會今天在這裏公佈,"
            "爲促進旅遊業的發展,巴西計劃在兩\n\n年內在首都巴西利亞建成一個大型生態賓館。\n\n"
            "根據這項計劃,生態賓館將建在現在的巴西利亞動物園附近，佔地１５公頃。\n",
            "巴西計劃在兩年內在首都",
        ),
        (
            "# 吳仁寶當選中國農村新聞人物\n\n本報訊江蘇省江陰市華西村黨委書記、華西集團董事長吳仁寶，"
            "以首票當選。１９９６年華西村實現總產值２３億元，利潤３億元，１９９７年經\n\n"
            "濟增長率在２０％左右。\n",
            "1997年經濟增長率",
        ),
    ],
)
def test_a_traditional_page_has_its_cut_paragraphs_joined(page, joined):
    result = newsclean.clean(page)
    paragraphs = result.articles[0].paragraphs()
    assert any(joined in p for p in paragraphs)
    assert [r.action for r in result.repairs if r.filter == "rejoin"] == ["joined"]
    # and it stays traditional
    assert "經" in "".join(paragraphs) or "兩" in "".join(paragraphs)


def test_traditional_markers_bylines_and_credits():
    page = (
        "# 標題\n\n□ 本報記者 張國強\n\n"
        "新華社北京１月１８日電 他說,會議很成功。\n\n（下轉第二版）\n\n"
        "圖爲會場。（新華社記者 王兩 攝）\n"
    )
    article = newsclean.clean(page).articles[0]
    assert article.bylines == ["本報記者 張國強"]
    assert article.continued_to == 2
    assert article.dateline is not None


@pytest.mark.parametrize("open_, close", [("“", "”"), ("「", "」"), ("『", "』")])
def test_a_quotation_left_open_at_a_cut_is_evidence_in_either_style(open_, close):
    from newsclean.filters import rejoin
    from newsclean.model import Block, Kind

    left = f"他說：{open_}我們要繼續加強基層社會治理"
    right = f"工作，更好地服務群眾。{close}"
    a = Block(id=0, kind=Kind.PARAGRAPH, text=left, spans=())
    b = Block(id=1, kind=Kind.PARAGRAPH, text=right, spans=())
    evidence = rejoin.join_evidence(a, b, f"{left}\n{right}")
    assert evidence["open_bracket"] == 1.0 and evidence["close_bracket_b"] == 1.0


TRADITIONAL_CONTINUED = (
    "# 新能源車下鄉活動啟動\n\n"
    "本報訊 記者王磊報道 十日，新能源汽車下鄉活動在江蘇啟動，三十餘家車企帶來近百款車型。\n\n"
    "活動期間，參與車企將推出限時優惠，並配套建設縣鄉充電設施。\n\n（續見A7版）\n\n"
    "# 城市更新讓老街區煥發新活力\n\n（上接第1版）\n\n"
    "老舊小區改造今年已完成一千餘個，惠及居民二十餘萬戶，群眾獲得感明顯增強。\n"
)
SIMPLIFIED_CONTINUED = newsclean.filters.script.converter("t2s").convert(TRADITIONAL_CONTINUED)


@pytest.mark.parametrize(
    "page, script_mode, written, not_written",
    [
        (TRADITIONAL_CONTINUED, "auto", ["（下轉A7版）", "（上接第1版）"], "下转"),
        (TRADITIONAL_CONTINUED, "simplified", ["（下转A7版）", "（上接第1版）"], "下轉"),
        (SIMPLIFIED_CONTINUED, "auto", ["（下转A7版）", "（上接第1版）"], "下轉"),
        (SIMPLIFIED_CONTINUED, "traditional", ["（下轉A7版）", "（上接第1版）"], "下转"),
    ],
)
def test_fix_writes_markers_in_the_pages_script(page, script_mode, written, not_written):
    from newsclean.render import markdown

    once = markdown(newsclean.clean(page, script_mode=script_mode).articles)
    lines = once.split("\n")
    assert all(line in lines for line in written)
    assert not_written not in once
    again = newsclean.clean(once, script_mode=script_mode)
    assert markdown(again.articles) == once
    # the lines fix wrote are read back, not repaired
    assert not [r for r in again.repairs if r.changes_text]
    assert sorted(r.before for r in again.repairs if r.action == "parsed") == sorted(written)


@pytest.mark.parametrize(
    "page, line, action",
    [
        (TRADITIONAL_CONTINUED, "（下轉第2版）", "parsed"),
        (TRADITIONAL_CONTINUED, "（下转第2版）", "removed"),  # fix writes 下轉 there
        (SIMPLIFIED_CONTINUED, "（下转第2版）", "parsed"),
        (SIMPLIFIED_CONTINUED, "（下轉第2版）", "removed"),
    ],
)
def test_a_marker_line_is_fixs_own_only_in_the_pages_script(page, line, action):
    text = page.replace("（續見A7版）", line).replace("（续见A7版）", line)
    result = newsclean.clean(text, only=("continuation",))
    (repair,) = [r for r in result.repairs if r.before == line]
    assert repair.action == action
