"""Invariants over generated pages: nothing lost, nothing invented, idempotent, never crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean import FILTER_ORDER, clean, parse
from newsclean.conservation import account
from newsclean.render import jsonl, markdown

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研"
TRADITIONAL = "國際經濟發展會議與這個時間們説對於"
PUNCT = "，。、；：？！“”（）,;:?!()《》…—"
ASCII = "0123456789.+%ABCXYZabc /:-"

sentence = st.builds(
    lambda body, end: body + end,
    st.text(st.sampled_from(HAN + TRADITIONAL + PUNCT + ASCII), min_size=1, max_size=40),
    st.sampled_from(["。", "！", "？", "”", "", "，", "……"]),
)
paragraph = st.builds("".join, st.lists(sentence, min_size=1, max_size=4))
block = st.one_of(
    paragraph,
    paragraph,
    paragraph,
    st.builds(lambda t: "# " + t, st.text(st.sampled_from(HAN), min_size=2, max_size=16)),
    st.builds(lambda t: "## " + t, st.text(st.sampled_from(HAN + " "), min_size=2, max_size=16)),
    st.builds(lambda t: "### " + t, st.text(st.sampled_from(HAN), min_size=2, max_size=8)),
    st.builds(lambda t: "□ 本报记者 " + t, st.text(st.sampled_from(HAN), min_size=2, max_size=3)),
    st.sampled_from(
        ["### 上接第一版", "（下转第2版）", "第3版", "2021年11月15日 星期一", "（完）"]
    ),
    st.builds(lambda p: "上接第二版 " + p, paragraph),
    st.builds(lambda p: p + "（下转第八版）", paragraph),
    # a heading carrying its piece's 上接, or the 下转 of the text above it
    st.builds(
        lambda shape, t, marker: shape.format(marker.format(t)),
        st.sampled_from(["## {}", "### {}", "**{}**", "{}"]),
        st.text(st.sampled_from(HAN), min_size=2, max_size=8),
        st.sampled_from(
            [
                "{}（上接第1版）",
                "（上接第1版）{}",
                "{}（下转第3版）",
                "（上接第1版）{}（下转第3版）",
            ]
        ),
    ),
    # what other OCR writes: bold lines, deep headings, bullets, lines with no blank between
    st.builds(lambda t: f"**{t}**", st.text(st.sampled_from(HAN), min_size=2, max_size=12)),
    st.sampled_from(["**上接第1版**", "**2021年11月15日 星期一 法治日报 第3版**", "<br>"]),
    st.builds(lambda t: "#### " + t, st.text(st.sampled_from(HAN), min_size=2, max_size=8)),
    st.builds(lambda p: "● " + p, paragraph),
    # other papers' bylines, datelines and boxes' labels
    st.builds(
        lambda mark, role, t: mark + role + t,
        st.sampled_from(["", "■", "◎", "□ "]),
        st.sampled_from(
            ["新京报记者 ", "采写：南都记者 ", "撰文：", "链接 ", "延伸阅读", "南都讯 "]
        ),
        st.text(st.sampled_from(HAN), min_size=0, max_size=3),
    ),
    st.builds(
        lambda ps, indent: "\n".join(indent + p for p in ps),
        st.lists(paragraph, min_size=2, max_size=3),
        st.sampled_from(["", "　　"]),
    ),
)


@st.composite
def pages(draw):
    blocks = draw(st.lists(block, max_size=14))
    if blocks and draw(st.booleans()):  # an OCR repetition loop
        i = draw(st.integers(0, len(blocks) - 1))
        blocks[i + 1 : i + 1] = [blocks[i]] * draw(st.integers(1, 6))
    if blocks and draw(st.booleans()):  # a column break mid-paragraph
        i = draw(st.integers(0, len(blocks) - 1))
        cut = draw(st.integers(1, max(1, len(blocks[i]) - 1)))
        blocks[i : i + 1] = [blocks[i][:cut], blocks[i][cut:]]
    return "\n\n".join(b for b in blocks if b.strip())


def fix(text: str) -> str:
    return markdown(clean(text).articles)


COMMON = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(pages())
def test_nothing_lost_nothing_invented(text):
    result = clean(text)
    lost, invented = account(parse(text), result.articles, result.repairs)
    assert not lost, f"lost {dict(lost)}"
    assert not invented, f"invented {dict(invented)}"


@COMMON
@given(pages())
# a loop of a sentence with a traditional character: the script decision must not change
# once dedup has cut the copies
@example("# 一级\n\n一之之對。一之之對。一之之對。")
# two joins that make two copies of one paragraph: dedup must look again after them
@example("0000。000000。0”\n\n”。0。\n\n0000。000000。0”\n\n”。0。")
# a continued piece whose text is only a page number: its 上接 page goes on to the next block
@example("上接第二版 000000000000。\n\n上接第二版 000000000000。\n\n上接第二版 0\n\n。")
# two 上接 pages for one piece: the second stays text, in the same piece, run after run
@example("0。\n\n### 上接第一版\n\n# 一一\n\n上接第二版 0。")
@example("0。\n\n# 一一\n\n0\n\n（下转第2版）\n\n上接第二版 0。")
# text before a 上接 read after it is another piece's: apart, as the second reading takes it
@example("一一（上接第1版）\n\n)。")
# two pieces that make a byline are not joined into a paragraph a second reading calls one
@example("0。\n\n新京报记\n\n者 \n\n新京报记者 ")
# a second 上接 of the same page in one piece is recorded once: no seam stays barred by it
@example("# 一一\n\n0。\n\n一一（上接第1版）\n\n一一（上接第1版）\n\n”。")
@example(
    "# 一一三\n\n# 一一三一上一下一不一\n\n**一下**\n\n# 一一\n\n一一。一下。\n\n"
    "一三一上三三上上（上接第1版）\n\n一三一上三三上上（上接第1版）"
)
# a section heading fix writes right over a headline must read back as a section heading
@example("0。\n\n## 一一\n\n## 一一\n\n□ 本报记者 一一")
# headlines in a row beside a 上接 line: fix writes the line after the first of them
@example("0。\n\n### 上接第一版\n\n# 一一\n\n# 一一\n\n# 一一\n\n# 一一")
# a paragraph is not moved into an article with none (it would split a row of headlines)
@example("#\n\n 一一三一上\n\n# 一一三一上\n\n# 一一三一上\n\n# 一一三一上\n\n# 一一三一上")
# a bare number before two 下转 lines: markers are no text around it, whether read or not,
# and one after an inline 下转 is amid the text whether the marker is inline or a line
@example("0。\n\n# 一一\n\n# 一一\n\n# 一一\n\n0\n\n（下转第2版）\n\n（下转第2版）")
@example("# 一一\n\n# 一一\n\n# 一一\n\n0。\n\n0。（下转第八版）\n\n0\n\n”\n\n# 一一")
# a join after a bare number kept amid the text may leave it at the page's end
@example("0。\n\n●\n\n 0\n\n● 0\n\n:。")
# a join that would complete a 下转 marker beside another 下转 page of its article is not made
@example("0。（下转第\n\n八版）\n\n（下转第2版）")
@example("组关中！（下转第\n\n八版）\n\n0。\n\n（下转第2版）")
# a 下转 kept as text (its article has another page) moved to an article that has none
@example(
    "一不一两两一中一。一一三三上三一上一下一。\n\n# 一与一业一\n\n（下转第2版）\n\n0。\n\n"
    "—一不一两两一中一。一一三三上三一上一下一。\n\n一不一两两一中一。一一三三上三一上一下一。（下转第八版）"
)
# cutting one loop leaves copies of a shorter unit side by side: dedup cuts until none is left
@example("# 一一\n\n0。\n\n0。00000000，\n\n0。00000000，\n\n0。00000000，\n\n00000000，")
# a copy that is all its (continued) article has stays, whether it or a 上接 line carries the page
@example("0。\n\n0。00000000000。\n\n# 一一\n\n0。00000000000。\n\n上接第二版 0。00000000000。")
# a copy carrying a 下转 page is not moved to an article that goes on to another page
@example(
    "一三一不一与。一上。一作。00。（下转第八版）\n\n# 一一\n\n# 一一\n\n# 间主道立间作结立而去面头九学发物"
    "\n\n一三一不一与。\n\n#\n\n# 一一\n\n（完）\n\n一三一不一与。一上。一作。00。\n\n（下转第2版）"
    "\n\n# 一一\n\n# 一一"
)
# a paragraph between two headlines that a later filter removes
@example("0。\n\n0。\n\n# 一一\n\n0。\n\n# 一一\n\n上接第二版 0\n\n# 一\n\n一")
# a paragraph with a 下转 kept in its text (its article has another page) is not moved
@example(
    "0。\n\n（下转第2版）\n\n—一下。一一三三一上。（下转第八版）\n\n上接第二版 一下。一三三一上。\n\n"
    "### 一一\n\n（下转第2版）\n\n# 一一三一上一下一"
)
@example(
    "0。\n\n（下转第2版）\n\n一不一与一。一主一五一些一产。一业一两一个一中一为一二一于。\n\n"
    "—。一也一事一了。一一三一上一下一。（下转第八版）\n\n（下转第2版）\n\n# 一一\n\n一也一事一了。一三一上一下一。"
)
# a bold 上接 line on a page read as plain OCR is a marker, as its ### form is
@example("0。\n0。\n\n**上接第1版**")
# a short bulleted label on a plain page is a line of its own, not a headline
@example(
    "一下一不一与一业。一两一个一中一为一。\n000000。0一一三一上”\n\n000000。0一一三一上。\n\n● 0\n\n:一一三一上。"
)
# a heading whose text is all #s, as a lone ## on a plain page gives one
@example("0。\n\n0。\n\n0。\n\n0。\n0。\n\n□ 本报记者 一一\n\n##\n\n 一一\n\n0。")
# a 下转 kept in the text for a clash the move resolves is read as a marker
@example(
    ":\n\n。一一三一上。\n0\n\n:。一一三一上。\n0\n\n（下转第2版）\n\n一下。（下转第八版）\n\n"
    "# 一一三一上\n\n0。\n一一三。"
)
# a plain page's 上接 piece right after a cut paragraph takes back the copy of its text
@example(
    "一于。于一。三三上一上三下一下三不。\n\n0。\n三于一。一上一下。一不一于。一与一业。\n\n"
    ":一二。一一三一也一事一了。\n\n:00000。0一于一”\n\n上接第二版 一二。一一三一也一事一了。"
)
# a headline cut down to a page number by its 下转 marker leaves its subtitle the headline
@example("0。\n0。\n\n0（下转第八版）\n\n<br>")
# a bare number kept amid the text stands at its end once dedup has cut the copies after it
@example("0。\n\n0。00000000000。\n\n0\n\n。00000000000。\n\n0。00000000000。")
# a line of # marks alone is an empty heading, removed as furniture
@example("0。\n\n0。\n0。\n\n##\n\n 一一\n\n上接第二版 0。")
# a bold's marks alone on a line are markup with no text, removed as furniture
@example("**\n\n上接第1版**\n\n**上接第1版**\n\n0。\n0。")
# a bare number's place is counted in text blocks, so removing a page number beside it
# leaves its verdict as it was
@example("0\n\n# 一一\n\n0\n\n。\n\n0。")
# two short lines over a headline on a plain page are its kicker, printed over two lines
@example("0A\n\n……\n\n0A……\n\n0。\n\n0。\n0。")
# two short lines over a 上接 line are a kicker over the jump headline: one piece, which fix
# writes as a stack of ## over the marker
@example("<br>\n\n<br>\n\n上接第二版 0。\n\n0。\n0。")
# a second 上接 line under the one fix writes below a jump headline is the same piece's (a
# clash of pages, kept as text), as it was when read inline
@example("0。\n0。\n\n上接第二版 0……\n\n**上接第1版**\n\n0。")
# a page without headings: a short line over a paragraph cut off at its end is weighed with
# what goes on from it, as the next run reads it once joined
@example("<br>\n\n●\n\n :00000。")
# 上接 lines in a row under a headline (an OCR loop) are all that piece's markers
@example("# 一一\n\n### 上接第一版\n\n### 上接第一版\n\n### 上接第一版")
# a byline with a 下转 marker printed after it is a byline, as it is once the marker is gone
@example("# 一一\n\n新华社记者 李清华（下转第六版）\n\n0。")
# a 上接 line cut down to empty markup after a jump headline: the headline keeps its page
@example("0。\n\n0。\n\n## 一一\n\n**\n\n上接第1版**")
# a short line opening with a 上接 marker on a plain page is text, not a headline carrying it
@example("0。\n\n0。\n0。\n\n**上接第1版**\n\n上接第二版 0")
# two loops interleaved: a copy beside another loop's copy sits next to its own once that goes
@example(
    "0。000000000000。\n\n# 一一\n\n000000000000。\n0。000000000000。\n\n"
    "000000000000。\n0。000000000000。\n\n0。"
)
# a bare number amid the text, once the number after a 上接 line is cut, stands at the page end
@example("新京报记者 \n\n0。\n\n0\n\n# 一一\n\n上接第二版 0")
# a photo credit cut at a column break, joined, is one of a run of copies: dedup looks again
@example("0。\n\n（新\n\n华社记者兰红光摄）\n\n（新华社记者兰红光摄）\n\n（新华社记者兰红光摄）")
# a 下转 on a heading is the text above's, also after a 下转 of its article's label: what
# follows a jump is another piece, as assemble groups it
@example("0。（下转第八版）\n\n一一（上接第1版）\n\n## 一一（下转第3版）")
@example(
    "# 一一\n\n0。（下转第八版）\n\n#\n\n 一一\n\n### （上接第1版）一一（下转第3版）\n\n# 一一"
)
# a 下转 on a heading of a stack goes above the stack; with nothing above it stays, flagged
@example("##\n\n （上接第1版）一一（下转第3版）\n\n## （上接第1版）一一（下转第3版）\n\n0。")
@example("## 一一上接第1版（下转第3版）\n\n上接第二版 0。")
# a bold line carrying its 上接 on a plain page is a jump headline, as on a Markdown page
@example("0。\n\n0。\n0。\n\n（下转第2版）\n\n**一一（上接第1版）**\n\n0。\n\n0。（下转第八版）")
# a paragraph ending on two markers loses both in the first run
@example("0。\n\n一上接第1版（下转第3版）")
# a heading's 下转 ends the piece above before its 上接 is weighed (against the piece it opens)
@example("0。\n\n上接第二版 0。\n\n### （上接第1版）一一（下转第3版）\n\n# 一一")
# a paragraph of a marker and furniture (上接第二版 0) is a marker line under a heading
@example("# 一一\n\n上接第二版 0\n\n上接第二版 0。")
# a number kept amid the text is looked at again where a later move leaves it: at the end
@example(
    "### 上接第一版\n\n0:0\n\n。\n\n—。一一三一上上一不。\n\n0\n\n# 一一\n\n# 一一\n\n"
    "# 一一三一上一下一不一与一\n\n一一三一。\n\n上接第二版 一一三一上上一不。"
)
# a marker kept for clashing with a copy's is looked at again once the copy is cut
@example(
    "000000。000000。\n\n## 一一（下转第3版）\n\n000000。000000。（下转第八版）\n\n## 一一（下转第3版）"
)
@example("0。\n\n上接第二版 000000。000000。\n\n一一（上接第1版）\n\n000000。000000。\n\n# 一一")
@example("# 一一\n\n# 一一\n\n◎新京报记\n\n者 \n\n◎新京报记者 ")
def test_fix_is_idempotent(text):
    once = fix(text)
    assert fix(once) == once


@COMMON
@given(pages())
def test_all_filters_off_changes_no_text(text):
    result = clean(text, skip=FILTER_ORDER)
    assert not [r for r in result.repairs if r.changes_text]
    lost, invented = account(parse(text), result.articles, [])
    assert not lost and not invented


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_crashes(text):
    result = clean(text)
    jsonl(result.articles)
    markdown(result.articles)
