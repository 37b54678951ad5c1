"""The parser is the only code that splits raw text; it must keep every character."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import clean
from newsclean.conservation import content_chars
from newsclean.model import Kind
from newsclean.parse import detect_style, headline_like, parse
from newsclean.render import markdown

PLAIN_PAGE = """\
辽宁因地制宜市域社会治理各具特色
□本报记者 张国强 韩宇
　　不仅将住建、民政、人社等16家
部门服务窗口及公安机关指挥平台纳
入其中，还连接网格化管理服务等5
个系统。
　　“全副武装”的鞍山市社会治理综
合服务中心，是一个缩影。
党建引领激发效能
　　5月25日，鞍山市铁东区山南街道
乐雪社区网格员巡查时发现问题。
"""


def _round_trip_ok(text: str) -> bool:
    """Each block's span holds exactly its markup plus its text (whitespace aside)."""
    page = parse(text)
    covered = []
    for b in page.blocks:
        raw = "".join(page.text[s:e] for s, e in b.spans)
        assert content_chars(raw) == content_chars(b.markup + b.text), (raw, b)
        covered.extend(b.spans)
    # nothing outside the blocks but whitespace
    rest = list(page.text)
    for s, e in covered:
        rest[s:e] = [" "] * (e - s)
    return "".join(rest).strip() == ""


def test_seed_blocks(seed_text):
    page = parse(seed_text, source="seed")
    assert page.style == "markdown"
    assert len(page.blocks) == 83
    assert page.blocks[0].text == "辽宁因地制宜市域社会治理各具特色"
    assert page.blocks[0].kind == Kind.HEADLINE
    bylines = [b.text for b in page.blocks if b.kind == Kind.BYLINE]
    assert bylines == ["本报记者 张国强 韩宇", "本报记者 张冲", "本报通讯员 常瑞"]
    assert _round_trip_ok(seed_text)


def test_plain_page_blocks():
    page = parse(PLAIN_PAGE)
    assert page.style == "plain"
    texts = [(b.kind.value, b.text.replace("\n", "")) for b in page.blocks]
    assert texts[0] == ("headline", "辽宁因地制宜市域社会治理各具特色")
    assert texts[1] == ("byline", "本报记者 张国强 韩宇")
    assert texts[2][1].startswith("不仅将住建") and texts[2][1].endswith("个系统。")
    assert texts[3][1].startswith("“全副武装”")
    assert texts[4] == ("headline", "党建引领激发效能")
    assert len(texts) == 6
    assert _round_trip_ok(PLAIN_PAGE)


def test_crlf_and_bom():
    page = parse("\ufeff# 标题\r\n\r\n正文一。\r\n\r\n正文二。\r\n")
    assert [b.text for b in page.blocks] == ["标题", "正文一。", "正文二。"]


def test_detect_style():
    assert detect_style("# 标题\n\n正文") == "markdown"
    assert detect_style(PLAIN_PAGE) == "plain"
    assert detect_style("") == "markdown"


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
line = st.one_of(
    st.text(han, min_size=1, max_size=30),
    st.builds(
        lambda h, t: "#" * h + " " + t, st.integers(1, 3), st.text(han, min_size=1, max_size=12)
    ),
    st.builds(lambda t: "□ 本报记者 " + t, st.text(han, min_size=2, max_size=3)),
    st.builds(lambda t: "　　" + t, st.text(han, min_size=1, max_size=20)),
    st.just(""),
    st.text(max_size=20),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(line, max_size=30))
def test_parse_keeps_every_character(lines):
    text = "\n".join(lines)
    assert _round_trip_ok(text)
    page = parse(text)
    assert all(not regex.search(r"^\s|\s$", b.text) for b in page.blocks if b.text)


LONG = "全国人大代表们7日分组审议政府工作报告，大家一致认为，报告实事求是、鼓舞人心。"


def test_markdown_paragraph_a_line():
    """VLM OCR that writes a paragraph a line, with no blank line between them."""
    text = f"# 标题\n{LONG}\n“过去一年成绩来之不易。”代表李明说，他所在的村人均收入增长了12%。\n{LONG}\n"
    page = parse(text)
    assert page.style == "markdown"
    assert [b.kind for b in page.blocks] == [Kind.HEADLINE] + [Kind.PARAGRAPH] * 3
    assert _round_trip_ok(text)


def _under_a_headline(lines: list[str]) -> str:
    return "# 标题\n\n" + "\n".join(lines) + "\n"


def test_markdown_hard_wrapped_column_stays_one_paragraph():
    """Lines of one width are a column wrapped at its edge, even where one ends on a 。."""
    column = [
        "全国人大代表们7日分组审议政",
        "府工作报告。大家一致认为，报",
        "告实事求是、鼓舞人心。代表们",
        "表示要坚持稳中求进。",
    ]
    page = parse(_under_a_headline(column))
    assert [b.kind for b in page.blocks] == [Kind.HEADLINE, Kind.PARAGRAPH]
    # a short line that ends a sentence ends its paragraph
    column[2] = "告实事求是。"
    page = parse(_under_a_headline(column))
    assert [b.text.replace("\n", "") for b in page.blocks[1:]] == [
        "全国人大代表们7日分组审议政府工作报告。大家一致认为，报告实事求是。",
        "表示要坚持稳中求进。",
    ]


def test_plain_tail_of_a_bracket_is_no_headline():
    """The end of a bracketed note or marker wrapped onto a short line goes on its paragraph."""
    text = (
        "　　人们纷纷登台献艺，缩短了大家\n和祖国的距离……（本报渥太华１月２５日\n电）\n"
        "菲律宾去年经济保持较快增长\n　　据新华社马尼拉１月３０日电，菲律宾经济保持增长。\n"
    )
    page = parse(text)
    assert [b.kind for b in page.blocks] == [Kind.PARAGRAPH, Kind.HEADLINE, Kind.PARAGRAPH]
    assert page.blocks[0].text.endswith("电）")


def test_plain_full_column_line_without_punctuation_runs_on():
    """A wrapped line that fills the column is text running on, even with no punctuation in
    it: the short line after it is its paragraph's last, not a headline over the 下转 line."""
    column = [
        "　　教育的发展特别是高等教育",
        "的发展必须从过去的体制下主要",
        "靠外延扩张式的发展要转变为主",
        "要靠重视质量的",
        "（下转第八版）",
    ]
    page = parse("\n".join(column) + "\n")
    assert [b.kind for b in page.blocks] == [Kind.PARAGRAPH, Kind.PARAGRAPH]
    assert page.blocks[0].text.replace("\n", "").endswith("要靠重视质量的")


def test_plain_bullet_paragraph_runs_on():
    """A bullet opens a line of its own only as a byline's mark; ●一九九七年，… is a list item
    wrapped over several lines like any paragraph."""
    text = (
        "内容提要\n"
        "　　●一九九七年，林业建设又取得了新进展，\n造林绿化继续保持快速发展的好势头。\n"
        "　　●调整结构必须吃透两头：一头是当地的优\n势，一头是市场的动向。\n"
        "●本报记者 张冲\n"
    )
    page = parse(text)
    kinds = [b.kind for b in page.blocks]
    assert kinds == [Kind.HEADLINE, Kind.PARAGRAPH, Kind.PARAGRAPH, Kind.BYLINE]
    assert page.blocks[1].text.replace("\n", "").endswith("好势头。")


def test_markdown_indented_line_opens_a_paragraph():
    """Markdown paragraphs wrapped at a column and set apart by an indent, not a blank line:
    the indent opens a paragraph even after a full line that ends on a mark."""
    text = _under_a_headline(
        [
            "　　今年以来，多地出台促消费政策，一季度全国社会消",
            "费品零售总额同比增长5.8%，各地都在加快落实政策。",
            "　　专家表示，消费回暖态势明显，后续政策效应将进一",
            "步显现，全年消费有望保持平稳增长，值得期待。",
        ]
    )
    assert [b.kind for b in parse(text).blocks] == [Kind.HEADLINE, Kind.PARAGRAPH, Kind.PARAGRAPH]
    assert _round_trip_ok(text)


def test_heading_closing_hashes_need_a_space_before_them():
    page = parse("# C#语言入门\n\n正文。\n\n## 标题 ##\n\n# ##\n")
    headings = [b.text for b in page.blocks if b.markup.startswith("#")]
    assert headings == ["C#语言入门", "标题", "##"]


def test_heading_ending_in_hash_comes_back_through_fix():
    from newsclean import clean
    from newsclean.render import markdown

    once = markdown(clean("# 程序员学C#\n\n他说，今天下雨。\n\n##\n\n一一\n").articles)
    assert "# 程序员学C#" in once
    assert markdown(clean(once).articles) == once


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("**本报记者 陈静**", Kind.BYLINE, "本报记者 陈静"),
        ("**文/张三**", Kind.BYLINE, "文/张三"),
        ("**□ 本报通讯员 李四**", Kind.BYLINE, "本报通讯员 李四"),
        # a column's name in bold is its heading, though it holds a reporter's word
        ("**记者手记**", Kind.SECTION, "记者手记"),
        ("**党建引领激发效能**", Kind.SECTION, "党建引领激发效能"),
        # a heading may carry a label's colon; a speaker's question or a credit is no heading
        ("**央行：保持流动性合理充裕**", Kind.SECTION, "央行：保持流动性合理充裕"),
        ("**记者：下一步有哪些重点举措？**", Kind.PARAGRAPH, "**记者：下一步有哪些重点举措？**"),
        ("**来源：国家统计局**", Kind.PARAGRAPH, "**来源：国家统计局**"),
    ],
)
def test_bold_line_is_a_byline_or_a_heading(line, kind, text):
    block = parse(f"# 题\n\n{line}\n\n正文，今天下雨。\n").blocks[1]
    assert (block.kind, block.text) == (kind, text)


def test_markdown_byline_line_over_paragraph_lines():
    """VLM OCR that writes a paragraph a line with no blank line between: the byline line is
    a block of its own, and each sentence-ending line a paragraph; a hard-wrapped column whose
    line happens to open with 本报记者 stays one paragraph."""
    text = (
        "# 全国春运今日启动\n本报记者 王明\n"
        "本报北京1月17日电 为期40天的春运今天正式启动，全社会跨区域人员流动量将创新高。\n"
        "铁路部门加开旅客列车，民航部门增加航班。\n"
        "各地也采取措施，方便群众出行。\n"
    )
    kinds = [(b.kind, b.text[:6]) for b in parse(text).blocks]
    assert kinds == [
        (Kind.HEADLINE, "全国春运今日"),
        (Kind.BYLINE, "本报记者 王"),
        (Kind.PARAGRAPH, "本报北京1月"),
        (Kind.PARAGRAPH, "铁路部门加开"),
        (Kind.PARAGRAPH, "各地也采取措"),
    ]
    column = "据介绍今年春运期间各地\n加开旅客列车方便群众出\n本报记者王明在车站看到\n旅客们排队有序进站乘车\n"
    assert [b.kind for b in parse(column, style="markdown").blocks] == [Kind.PARAGRAPH]


@pytest.mark.parametrize("style", ["plain", "markdown"])
def test_reporters_line_inside_an_open_bracket_is_wrapped_text(style):
    """A wire dateline wraps inside its bracket: 新华社记者… on the next line goes on with it
    (a byline line there would cut the paragraph in three)."""
    text = (
        "彭楚政先进事迹感人至深\n　　新华社北京１月２１日电（\n新华社记者刘建新、解放军报记\n"
        "者夏洪青）被誉为扶贫司令的\n湖南吉首军分区司令员彭楚政\n今天上午在人民大会堂向首都\n"
        "军民汇报了他的先进事迹。\n"
    )
    blocks = parse(text, style=style).blocks
    assert [b.kind for b in blocks[1:]] == [Kind.PARAGRAPH]
    assert "电（\n新华社记者刘建新" in blocks[1].text


def test_blank_lines_part_the_paragraphs_of_a_page_that_does_not_indent():
    """There a line that ends a sentence at the column edge is wrapped text: the paragraph
    ends at the blank line (or on a line well short of the column)."""
    text = (
        "地铁16号线列车扩编\n\n本报讯（记者 金 旻）记者从申通地铁\n获悉，十六号线的三节编组列车将全部\n"
        "改造为六节编组，运能将提升一倍多。\n首批改造列车预计于八月投入运营，全\n"
        "部改造将在明年年底前完成改造工作。\n\n另一段文字从这里开始，内容较长，需\n"
        "要换行显示。\n"
    )
    paragraphs = [b.text.replace("\n", "") for b in parse(text).blocks[1:]]
    assert [p[:6] for p in paragraphs] == ["本报讯（记者", "另一段文字从"]
    assert paragraphs[0].endswith(
        "运能将提升一倍多。首批改造列车预计于八月投入运营，全部改造将在明年年底前完成改造工作。"
    )


def test_plain_last_words_before_a_jump_are_no_headline():
    """A paragraph's last word wrapped onto a line with its 下转 is text, not a headline."""
    text = (
        "美伊关系出现松动\n　　美国将重新审议给伊朗人发\n放签证的程序问题，因为\n"
        "美伊之间还没有外交关系。\n在（转第一版）\n"
    )
    blocks = parse(text).blocks
    assert blocks[0].kind == Kind.HEADLINE
    assert [b.kind for b in blocks[1:]] == [Kind.PARAGRAPH] * (len(blocks) - 1)
    assert blocks[-1].text.endswith("在（转第一版）")


def test_plain_flush_line_after_a_finished_short_line_opens_a_block():
    """On a page that indents its paragraphs, a line that ends a sentence well short of the
    column is its paragraph's last: a flush line after it is text from elsewhere (the tail of
    a paragraph cut at a column break) and opens a block of its own."""
    text = (
        "　　现代足球中场球员既要组织战术实施，还要能\n"
        "冲锋陷阵。以中国球员的现实情况而论，不宜苛求\n"
        "全能型的中场球星。\n"
        "的价值取向。奥运会的理念是“更高、更快、更强”，\n"
        "柯达也是在和这种理念结合。\n"
        "　　企业赞助体育活动，其决策的着眼点在哪里？\n"
    )
    blocks = parse(text).blocks
    assert [b.text[:6] for b in blocks] == ["现代足球中场", "的价值取向。", "企业赞助体育"]


def test_plain_wrapped_line_opening_with_a_reporter_runs_on():
    """本报记者王明在车站看到… filling the column and running on into a flush line is a line of
    the paragraph; the same words on a short line of their own, over an indent, a byline."""
    text = (
        "标题在这里\n　　据介绍，今年春运期间各地加开旅\n客列车，方便群众出行，车站秩序良\n"
        "本报记者王明在车站看到不少旅客\n排队有序进站乘车，场面井然有序。\n"
        "　　铁路部门表示，将继续做好服务。\n"
    )
    blocks = parse(text).blocks
    assert [b.kind for b in blocks] == [Kind.HEADLINE, Kind.PARAGRAPH, Kind.PARAGRAPH]
    assert "本报记者王明在车站看到不少旅客\n排队" in blocks[1].text
    byline = (
        "标题在这里\n本报记者 王明\n　　据介绍，今年春运期间各地加开旅\n客列车，方便群众出行。\n"
    )
    assert [b.text for b in parse(byline).blocks][1] == "本报记者 王明"


@pytest.mark.parametrize(
    "column",
    [
        # a bracket left open on the line before (a wire dateline's reporters)
        "　　据新华社北京1月22日电（中\n央人民广播电台记者刘磊、新华社记\n者朱幼棣）在今天召开的全国矿产资\n源委员会第六次会议上，国务院副总\n理强调要管好矿产资源。\n",
        # a list of reporters going on past the line's 、
        "　　本报北京1月9日讯中\n央人民广播电台记者刘振英、\n新华社记者王言彬、本报记\n者江夏报道：为期三天的中\n央农村工作会议今天在京闭\n幕。\n",
        # a paragraph's first line, indented, naming a paper's reporters in its sentence
        "　　虎林园也是新闻记者追踪的\n热点，到目前，已有17家电视\n台的34个节目组前来采访，制\n作精彩的节目以飨观众。\n",
    ],
)
def test_plain_wrapped_lines_naming_reporters_run_on(column):
    """A line that reads as another paper's byline (央人民广播电台记者刘磊…, 虎林园也是新闻记者
    追踪的) is a line of the paragraph when the sentence runs through it."""
    blocks = parse("新闻标题在这里\n" + column).blocks
    assert [b.kind for b in blocks] == [Kind.HEADLINE, Kind.PARAGRAPH]
    assert blocks[1].text == column.strip().replace("　　", "", 1)


def test_plain_marker_wrapped_after_its_opening_bracket_stays_with_its_line():
    """（ at a line's end and 转第3版） on the next: one marker, read whole, no bracket left."""
    from newsclean import clean

    text = (
        "李岚清会见日本客人\n　　国务院副总理李岚清今天会见\n了以会长樱内义雄为团长的日本\n"
        "贸易促进协会访华团。（\n转第3版）\n"
    )
    (article,) = clean(text).articles
    assert article.continued_to == 3
    assert article.paragraphs()[-1].endswith("访华团。")


UNMARKED_BODY = [
    "本报记者 张国强",
    "鞍山市建成四级社会治理综合服务中心，鞍山市民办事更方便了许多。",
    "鞍山市委书记说，鞍山强化党建引领，社会治理见实效，今年还将继续推进。",
    "连云港推进扫黑除恶",
    "连云港市打掉恶势力犯罪集团，连云港扫黑除恶成效明显，群众安全感提升。",
]


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_a_page_without_heading_markup_has_its_headlines_found(separator):
    """OCR text a paragraph a line (or set off by blank lines) marks no headline; a short
    unpunctuated line after a finished sentence is one, as on a plain page."""
    from newsclean import clean
    from newsclean.render import markdown

    text = separator.join(["辽宁推进市域社会治理", *UNMARKED_BODY]) + "\n"
    result = clean(text)
    assert [a.title for a in result.articles] == ["辽宁推进市域社会治理", "连云港推进扫黑除恶"]
    assert result.articles[0].bylines == ["本报记者 张国强"]
    once = markdown(result.articles)
    assert markdown(clean(once).articles) == once


def test_a_page_without_heading_markup_keeps_a_cut_fragment_as_text():
    """A short unpunctuated block after a sentence cut off is the rest of it, no headline;
    and a page of short lines is a list, not a row of headlines."""
    from newsclean import clean

    cut = "鞍山市委书记说，今年还将继续推进基\n\n层治理工作\n\n连云港市打掉恶势力犯罪集团。\n"
    assert [a.title for a in clean(cut).articles] == [None]
    listing = "\n\n".join(["获奖名单", "张三", "李四", "王五", "赵六"]) + "\n"
    assert all(b.kind == Kind.PARAGRAPH for b in parse(listing).blocks)


def test_lines_ending_in_an_ascii_quote_after_the_end_mark_are_a_paragraph_each():
    # VLM OCR that writes a paragraph a line, with no blank line between, and ASCII quotes
    text = (
        "# 物流园区建设提速\n"
        '一位负责人说："园区建成后，将重塑区域物流格局。"\n'
        "园区内设有冷链仓储中心和智能分拣线，日处理能力达10万件，服务周边三省。\n"
        "'这是我们的家。'\n"
        "该园区预计年底前全部建成投用。\n"
    )
    paragraphs = [b.text for b in parse(text).blocks[1:]]
    assert paragraphs == text.split("\n")[1:-1]


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("韩素音1996年1月18日", False),
        ("1997年3月6日于北京", False),
        ("俄国驻华大使罗高寿一九九六．四．五", False),
        ("克洛德·谢松法国前外交部长1997·7于巴黎", False),
        ("一九九七年六月十六日中曾根康弘", False),
        # a date inside a headline, or a figure at its end, is no signature
        ("全国两会3月5日开幕", True),
        ("新规1998年1月1日起施行", True),
        ("GDP增长12.5", True),
        ("迎接2024年", True),
        # nor is a row of a table of figures, but figures in a headline's words keep it one
        ("上证B股67.0367.02699.31251.930", False),
        ("1258.4931.781336174182400", False),
        ("2008年GDP增长9%", True),
        ("我国今年将新建公路2370公里", True),
    ],
)
def test_a_signature_or_a_row_of_figures_is_no_headline(line, headline):
    assert headline_like(line) is headline


@pytest.mark.parametrize(
    "furniture_line",
    [
        "A05 要闻 责编 张三 美编 李四",
        "A05 北京新闻 本版编辑 / 王 磊 美编 / 刘 芳 责校 / 陈 晨",
        "要闻 A2",
        "第4版 ▏国际",
        "统筹：王海 编辑：李丽 校对：赵敏",
        "新闻热线：0755-83518888",
    ],
)
def test_plain_furniture_line_under_a_wrapped_line_is_a_line_of_its_own(furniture_line):
    """Page furniture after a paragraph's last line, which ends no sentence at a column end,
    is not read as that paragraph's next line."""
    column = [
        "　　活动期间，全市两百余家商场将推",
        "出优惠措施，部分家电产品还可享受以",
        "旧换新补贴和地方消费券叠加优惠政策",
        furniture_line,
    ]
    page = parse("\n".join(column) + "\n")
    assert [b.text for b in page.blocks][-1] == furniture_line


def test_a_plain_headline_over_its_byline_ends_the_cut_column_before_it():
    text = (
        "　　城市公园建设加快推进，市园林局表示，到\n2025年全市公园总数将达到\n全民健身热潮涌动\n"
        "　　本报记者　季芳\n　　今年以来，全市新建健身步道120公里，\n市民健身热情高涨。\n"
    )
    kinds = [(b.kind, b.text[:4]) for b in parse(text).blocks]
    assert kinds[:3] == [
        (Kind.PARAGRAPH, "城市公园"),
        (Kind.HEADLINE, "全民健身"),
        (Kind.PARAGRAPH, "本报记者"),
    ]
    second = clean(text).articles[1]
    assert (second.title, second.bylines) == ("全民健身热潮涌动", ["本报记者\u3000季芳"])


def test_headline_lines_over_a_paragraph_a_line_with_no_blank_lines():
    """OCR that writes a paragraph a line and no blank line at all: a short line with no
    sentence in it between such lines is a block of its own, which structure reads as a
    headline over the text under it."""
    text = (
        "我国铁路营业里程亚洲第一\n"
        "本报北京1月4日讯 记者江世杰从今天召开的全国铁路工作会议上获悉，我国铁路营业里程已居亚洲第一。\n"
        "去年，铁路建设又是一个丰收年，全年国有铁路完成基建投资342亿元，新线铺轨674公里，复线铺轨1000多公里。\n"
        "工行投放巨款支持节日市场供应\n"
        "本报讯 工商银行日前召开会议，要求各地分行集中资金保证重点，加强服务。\n"
        "据统计，至去年12月上旬，30个城市分行共投放节日市场贷款100多亿元，有力支持了节日市场的商品供应。\n"
    )
    articles = clean(text).articles
    assert [a.title for a in articles] == [
        "我国铁路营业里程亚洲第一",
        "工行投放巨款支持节日市场供应",
    ]
    assert [len(a.paragraphs()) for a in articles] == [2, 2]


@pytest.mark.parametrize(
    "headlines",
    [
        ["国务院常务会议部署", "推动大规模设备更新"],  # a line well short of the column
        ["交通运输部：春运平稳有序"],  # a label's colon, over a dateline
    ],
)
def test_headlines_over_text_whose_indent_the_ocr_lost(headlines):
    """On a page that indents its paragraphs, the first paragraph under a headline may come
    flush (OCR drops the indent): a dateline opens it, and under a headline no wrapped line
    stops far short of the column, so the headlines stay lines of their own."""
    text = "\n".join(
        [
            *headlines,
            "本报北京3月4日电 国务院总理",
            "主持召开国务院常务会议，研究",
            "推动大规模设备更新和消费品以",
            "旧换新。会议指出，这是推动高",
            "质量发展的重要举措。",
            "　　会议强调，要坚持市场为主、",
            "政府引导，鼓励先进、淘汰落后。",
            "　　会议还研究了其他事项。",
        ]
    )
    blocks = parse(text + "\n").blocks
    assert [b.text for b in blocks[: len(headlines)]] == headlines
    assert blocks[len(headlines)].text.startswith("本报北京3月4日电")
    assert len(blocks) == len(headlines) + 3


def test_a_headline_with_a_colon_over_a_dateline_on_a_page_that_does_not_indent():
    text = (
        "据介绍，全国铁路累计发送旅客4.8亿\n人次，同比增长百分之五。\n"
        "交通运输部：春运平稳有序\n"
        "本报北京3月4日电 记者从交通运\n输部获悉，今年春运总体平稳有\n序，旅客出行需求旺盛。\n"
    )
    blocks = parse(text).blocks
    assert [(b.kind, b.text[:5]) for b in blocks] == [
        (Kind.PARAGRAPH, "据介绍，全"),
        (Kind.HEADLINE, "交通运输部"),
        (Kind.PARAGRAPH, "本报北京3"),
    ]


def test_a_short_line_amid_indented_text_stays_in_its_paragraph():
    """A line cut short amid a paragraph (…有何不好？/ 西方哲学家卡西尔曾 / 说过，…) is no
    headline over text that lost its indent: it stands under no headline."""
    text = (
        "　　将文化引入商业营销，也许\n并不会立竿见影，但是给消费者\n留下注重文化的印象有何不好？\n"
        "西方哲学家卡西尔曾\n说过，人的真正本质只是在创造\n文化的活动中把人塑造成“文化\n的人”。\n"
        "　　商家提高自己的文化品位。\n"
    )
    blocks = parse(text).blocks
    assert len(blocks) == 2
    assert "卡西尔曾说过" in blocks[0].text.replace("\n", "")


def test_paragraphs_a_line_of_many_lengths_stay_apart():
    """A paragraph a line, no blank line, and lines of every length: the longest lines end
    sentences, as wrapped text's lines seldom do, so each is a paragraph of its own (the
    blank line a file ends with parts nothing)."""
    text = (
        "2024年11月15日 星期五 聯合報 A6 要聞\n"
        "綠能產業加速轉型\n"
        "台電擴大離岸風電採購\n"
        "【記者林志明／台北報導】經濟部昨天宣布，台電明年將擴大離岸風電採購規模，預計新增裝置容量達1.5GW。"
        "經濟部長表示，這是推動能源轉型的重要一步，將有助於降低碳排放。\n"
        "業者指出，離岸風電的建置成本近年已逐漸下降，但供應鏈在地化仍面臨挑戰。「我們需要更多本土廠商投入，」一位業者說。\n"
        "經濟部也將推出補助方案，協助中小企業導入節能設備（續見A7版）\n"
    )
    (article,) = clean(text).articles
    assert (article.kicker, article.title) == ("綠能產業加速轉型", "台電擴大離岸風電採購")
    assert [p[:4] for p in article.paragraphs()] == ["【記者林", "業者指出", "經濟部也"]
    assert article.continued_to == "A7"


def test_a_marked_byline_may_list_its_reporters_with_a_list_mark():
    """fix writes □ before a byline it found unmarked (记者归通昌、吴绮敏): read again, the line
    is the same byline, its 、 a list's and no sentence's."""
    text = "# 报告会在京举行\n\n本报北京1月16日讯\n\n□ 记者归通昌、吴绮敏\n\n报道：学术报告会今天在北京举行。\n"
    blocks = parse(text).blocks
    assert [(b.kind, b.text) for b in blocks[2:3]] == [(Kind.BYLINE, "记者归通昌、吴绮敏")]
    once = markdown(clean(text).articles)
    assert markdown(clean(once).articles) == once
