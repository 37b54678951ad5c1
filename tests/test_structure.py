"""Structure on plain OCR text: headlines, kickers and parallel section headings."""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.render import markdown


def _plain(paragraphs: list[str], width: int = 16) -> str:
    lines = []
    for p in paragraphs:
        if p.startswith("#"):
            lines.append(p.lstrip("#"))
            continue
        chunks = [p[i : i + width] for i in range(0, len(p), width)]
        lines.append("　　" + chunks[0])
        lines.extend(chunks[1:])
    return "\n".join(lines) + "\n"


BODY = "鞍山市社会治理综合服务中心接到消息后，迅速组织相关部门研究制定紧急维修方案。"


def test_parallel_lone_lines_are_one_articles_sections():
    page = _plain(
        [
            "#辽宁因地制宜市域社会治理各具特色",
            "本报沈阳11月14日讯 记者张国强 " + BODY,
            "#党建引领激发效能",
            BODY,
            "#科技助力释放动能",
            BODY,
            "#制度保障挖掘潜能",
            BODY,
        ]
    )
    articles = clean(page).articles
    assert [a.title for a in articles] == ["辽宁因地制宜市域社会治理各具特色"]
    assert [s.heading for s in articles[0].sections] == [
        None,
        "党建引领激发效能",
        "科技助力释放动能",
        "制度保障挖掘潜能",
    ]


def test_lone_lines_of_one_length_are_sections_whatever_they_end_on():
    page = _plain(
        [
            "#识其利用其利 嘉兴接轨上海侧记",
            BODY,
            "#抓住机遇确定战略",
            BODY,
            "#主动接轨融入市场",
            BODY,
            "#接受辐射全面发展",
            BODY,
        ]
    )
    (article,) = clean(page).articles
    assert [s.heading for s in article.sections] == [
        None,
        "抓住机遇确定战略",
        "主动接轨融入市场",
        "接受辐射全面发展",
    ]


def test_lone_lines_after_a_closing_credit_open_articles():
    """A column of short pieces, each signed in brackets: headlines of one length stay
    headlines, since a signed piece has ended."""
    signed = BODY + "（邵力平）"
    page = _plain(
        [
            "#节日谨防送礼",
            signed,
            "#人情越来越重",
            signed,
            "#重视工伤事故",
            signed,
            "#整治乱收费用",
            BODY,
        ]
    )
    titles = [a.title for a in clean(page).articles]
    assert titles == ["节日谨防送礼", "人情越来越重", "重视工伤事故", "整治乱收费用"]


def test_lone_lines_that_are_not_parallel_stay_headlines():
    page = _plain(
        [
            "#辽宁推进社会治理",
            BODY,
            "#连云港扫黑除恶见成效",
            BODY,
            "#上海法院胜诉退费",
            BODY,
        ]
    )
    titles = [a.title for a in clean(page).articles]
    assert titles == ["辽宁推进社会治理", "连云港扫黑除恶见成效", "上海法院胜诉退费"]


def test_kicker_and_headline_in_plain_text():
    page = _plain(["#回应群众期待 捍卫社会正义", "#连云港市推进常态化扫黑除恶向纵深发展", BODY])
    (article,) = clean(page).articles
    assert article.kicker == "回应群众期待 捍卫社会正义"
    assert article.title == "连云港市推进常态化扫黑除恶向纵深发展"


def _blank_parted(paragraphs: list[str], width: int = 16) -> str:
    """A plain page that does not indent: blank lines part its paragraphs and headlines."""
    blocks = []
    for p in paragraphs:
        text = p.lstrip("#")
        chunks = (
            [text]
            if p.startswith("#")
            else [text[i : i + width] for i in range(0, len(text), width)]
        )
        blocks.append("\n".join(chunks))
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize("indent", [False, True])
def test_lone_lines_a_character_apart_are_sections_on_a_page_that_does_not_indent(indent):
    headings = ["#产业升级跑出加速度", "#科技创新注入新动能", "#民生福祉持续增进"]
    lines = ["#全省经济运行稳中向好", BODY] + [x for h in headings for x in (h, BODY)]
    page = (_plain if indent else _blank_parted)(lines)
    articles = clean(page).articles
    if indent:
        # (a page that indents: its lone lines are headlines unless of one length)
        assert [a.title for a in articles] == ["全省经济运行稳中向好"] + [h[1:] for h in headings]
    else:
        (article,) = articles
        assert [s.heading for s in article.sections] == [None] + [h[1:] for h in headings]


def test_a_line_of_what_the_headlines_speaker_said_is_its_subtitle():
    page = _plain(
        ["#李岚清看望老教授考察教师住房和市场", "#指出中国知识分子勤奋敬业爱国精神是民族骄傲", BODY]
    )
    (article,) = clean(page).articles
    assert (article.kicker, article.title, article.subtitle) == (
        None,
        "李岚清看望老教授考察教师住房和市场",
        "指出中国知识分子勤奋敬业爱国精神是民族骄傲",
    )


def test_a_lone_line_numbered_as_a_part_of_the_text_above_is_its_section_heading():
    page = _plain(
        ["#全省经济运行稳中向好", BODY, "#（一）产业升级", BODY, "#（二）科技创新注入新动能", BODY]
    )
    (article,) = clean(page).articles
    assert [s.heading for s in article.sections] == [
        None,
        "（一）产业升级",
        "（二）科技创新注入新动能",
    ]
    # 一、二月份 is a span of months, no part's number
    page = _plain(["#全省经济运行稳中向好", BODY, "#一、二月份经济运行平稳", BODY])
    assert [a.title for a in clean(page).articles] == [
        "全省经济运行稳中向好",
        "一、二月份经济运行平稳",
    ]


def test_an_author_line_under_a_headline_is_text_not_a_subtitle():
    page = _blank_parted(["#如此美容美发店", "#李吉", BODY, "#贺新年", BODY])
    first, second = clean(page).articles
    assert (first.title, first.subtitle) == ("如此美容美发店", None)
    assert first.paragraphs()[0] == "李吉"
    # names between paragraphs may be a headline; a photographer's credit is text
    assert second.title == "贺新年"
    page = _blank_parted(["#如此美容美发店", BODY, "#钟源摄影", BODY, "#杨丽华 蓝天 金凤凰", BODY])
    first, second = clean(page).articles
    assert first.paragraphs()[1] == "钟源摄影"
    assert second.title == "杨丽华 蓝天 金凤凰"
    for names in ("李彦生 陈爱国", "潘跃王萍"):
        page = _blank_parted(["#如此美容美发店", f"#{names}", BODY])
        assert clean(page).articles[0].paragraphs()[0] == names


def test_an_author_line_under_a_kicker_and_headline_is_text():
    page = _blank_parted(
        ["#回应群众期待 捍卫社会正义", "#连云港市推进常态化扫黑除恶向纵深发展", "#张冲", BODY]
    )
    (article,) = clean(page).articles
    assert article.kicker == "回应群众期待 捍卫社会正义"
    assert (article.title, article.subtitle) == ("连云港市推进常态化扫黑除恶向纵深发展", None)
    assert article.paragraphs() == ["张冲", BODY]


def test_an_author_line_with_a_post_or_a_pen_name_ends_the_headline_stack():
    # a post or workplace before the name: the name line is longer than the headline, and
    # was read as the headline with the real one over it as its kicker
    for author in ("深圳机场集团公司吴建飞", "中国农业银行行长何林祥", "国家信息中心 毛明轩"):
        page = _blank_parted(["#展现本土模特的风采", f"#{author}", BODY])
        (article,) = clean(page).articles
        assert (article.kicker, article.title) == (None, "展现本土模特的风采")
        assert article.paragraphs()[0] == author
    # a pen name of two or three characters at the foot of the stack is no subtitle
    page = _blank_parted(["#盼雪", "#峭岩", BODY])
    (article,) = clean(page).articles
    assert (article.title, article.subtitle, article.paragraphs()[0]) == ("盼雪", None, "峭岩")
    # a short line under the author line is a heading of the text, not a new article
    page = _blank_parted(["#斩断盗卖股票的黑手", "#阎涛", "#盗卖困扰股市", BODY])
    (article,) = clean(page).articles
    assert article.title == "斩断盗卖股票的黑手"
    assert article.paragraphs()[0] == "阎涛"
    assert [s.heading for s in article.sections] == [None, "盗卖困扰股市"]
    # a stack's subtitle stays one
    page = _blank_parted(
        ["#全国农村基层组织建设研讨班形成共识", "#加强基层组织建设关键在县市委", BODY]
    )
    (article,) = clean(page).articles
    assert article.subtitle == "加强基层组织建设关键在县市委"


def test_a_page_that_marks_its_headlines_with_two_hashes_has_articles_not_sections():
    page = (
        "## 春节临近年货市场购销两旺\n\n## 市民选购热情高\n\n"
        "春节临近，各地年货市场人头攒动，购销两旺。\n\n超市负责人介绍，今年的年货品种更加丰富。\n\n"
        "## 冰雪运动持续升温\n\n随着气温下降，各地冰雪场馆迎来客流高峰。\n\n"
        "### 从小众走向大众\n\n业内人士表示，冰雪运动正从小众走向大众。\n"
    )
    first, second = clean(page).articles
    assert (first.title, first.subtitle) == ("春节临近年货市场购销两旺", "市民选购热情高")
    assert second.title == "冰雪运动持续升温"
    assert [s.heading for s in second.sections] == [None, "从小众走向大众"]
    once = markdown(clean(page).articles)
    assert markdown(clean(once).articles) == once


def test_levels_that_start_at_two_hashes_give_a_three_hash_line_under_a_headline_as_its_subtitle():
    page = (
        "# 人民日报\n\n## 冬季旅游持续升温\n\n### 哈尔滨冰雪大世界12月开园\n\n"
        "新华社哈尔滨11月14日电（记者 李四）随着气温下降，黑龙江各地冰雪旅游进入预热期。\n\n"
        "### 南方游客占六成\n\n携程数据显示，近一周哈尔滨冰雪旅游相关搜索量环比增长120%。\n"
    )
    (article,) = clean(page).articles
    assert (article.title, article.subtitle) == ("冬季旅游持续升温", "哈尔滨冰雪大世界12月开园")
    assert article.dateline == "新华社哈尔滨11月14日电（记者 李四）"
    assert [s.heading for s in article.sections] == [None, "南方游客占六成"]
    once = markdown(clean(page).articles)
    assert markdown(clean(once).articles) == once


# --- Markdown from VLM OCR: bold lines, deeper kickers, a jump headline under its marker ---

VLM_PAGE = """**2023年5月4日 星期四 中国青年报 第5版**

#### 青春建功新时代

# 青年科技人才挑大梁

■ 中青报·中青网记者 李明

五四青年节前夕，记者走访了多家科研院所，青年科技人才在重大科研项目中挑起大梁。

**上接第1版**

## 乡村振兴看青年

返乡创业青年小李利用电商平台销售家乡的农产品，带动了村里20多户农民增收。

**产业振兴**

当地团委负责人介绍，该县吸引了300多名青年返乡创业。（下转第8版）
"""


def test_vlm_markdown_page():
    result = clean(VLM_PAGE, source="vlm")
    first, second = result.articles
    assert (first.kicker, first.title) == ("青春建功新时代", "青年科技人才挑大梁")
    assert first.bylines == ["中青报·中青网记者 李明"]
    assert (second.title, second.jump_headline) == (None, "乡村振兴看青年")
    assert (second.continued_from, second.continued_to) == (1, 8)
    # a bold line that is no furniture or marker is a section heading of its article
    assert [s.heading for s in second.sections] == [None, "产业振兴"]
    removed = [r.before for r in result.repairs if r.action == "removed"]
    assert "2023年5月4日 星期四 中国青年报 第5版" in removed


def test_bold_inside_a_sentence_stays_text():
    page = "# 标题\n\n**本报讯**，记者走访了多家科研院所。\n\n**注意：这是一句话。**\n"
    paragraphs = clean(page).articles[0].paragraphs()
    assert paragraphs == ["**本报讯**，记者走访了多家科研院所。", "**注意：这是一句话。**"]


def test_headlines_in_a_row_stay_headlines():
    """Two # lines in a row are two articles (a list of headlines, or a piece whose text is
    elsewhere): reading them as one article's headings would change how fix reads its own
    output once another filter removes the text between two headlines."""
    page = "# 坚持以人民为中心\n\n# 推动经济高质量发展\n\n本报北京3月7日电 代表们分组审议政府工作报告。\n"
    assert [a.title for a in clean(page).articles] == ["坚持以人民为中心", "推动经济高质量发展"]


def test_datelines_of_other_papers_and_sites():
    cases = {
        "光明日报北京11月14日电（记者 王五）近日，国家图书馆举办古籍展。": (
            "光明日报北京11月14日电（记者 王五）"
        ),
        "经济日报讯 一季度全国规模以上工业增加值同比增长。": "经济日报讯",
        "新京报讯（记者 张三）昨日，北京市发布消息。": "新京报讯（记者 张三）",
        "中国日报网11月14日电 据外媒报道，会议今日召开。": "中国日报网11月14日电",
        "【本报讯】政府昨日宣布推出一系列措施。": "【本报讯】",
        # a name of a paper or site followed by other words is no dateline
        "互联网电商平台发展迅速，消费者受益。": None,
        "人民日报记者电话采访了几位专家。": None,
    }
    for body, dateline in cases.items():
        article = clean(f"# 一则消息\n\n{body}\n").articles[0]
        assert article.dateline == dateline, body
        assert article.paragraphs() == [body]


def test_bylines_of_other_papers():
    page = (
        "# 一则消息\n\n□ 法治日报全媒体记者 张三\n\n正文第一段。\n\n"
        "# 另一则消息\n\n光明日报记者 王五 通讯员 李四\n\n正文第二段。\n"
    )
    first, second = clean(page).articles
    assert first.bylines == ["法治日报全媒体记者 张三"]
    assert second.bylines == ["光明日报记者 王五 通讯员 李四"]


def test_a_wrapped_line_opening_with_a_reporter_is_no_byline():
    """记者从… wrapped onto a line of its own at the column edge goes on with its sentence."""
    page = "经济运行总体平稳\n　　据悉，今年一季度全市生产总值增长，\n记者从全国人大常委会办公厅了解\n到，有关议程已经确定。\n"
    (article,) = clean(page).articles
    assert article.bylines == []
    assert article.paragraphs() == [
        "据悉，今年一季度全市生产总值增长，记者从全国人大常委会办公厅了解到，有关议程已经确定。"
    ]


def test_a_plain_headline_with_a_label_over_a_blank_line():
    page = (
        "世卫：全球近三成成年人运动不足\n\n"
        "　　新华社日内瓦9月9日电（记者 陈 斌）世界卫生组\n织9日发布报告说，全球约有18亿成年人缺乏足\n"
        "够的身体活动。\n　　报告说，如果这一趋势持续下去，到2030\n年这一比例将上升至35%。\n"
    )
    (article,) = clean(page).articles
    assert article.title == "世卫：全球近三成成年人运动不足"
    assert article.dateline == "新华社日内瓦9月9日电（记者 陈 斌）"


def test_plain_headlines_with_a_label_commas_or_a_question_mark():
    page = _plain(
        [
            "#经济运行总体平稳",
            "记者从市政府获悉，今年以来全市经济运行总体平稳，主要指标稳中有升。",
            "#李强：坚持稳中求进工作总基调",
            "本报北京6月11日电（记者 王五）国务院总理李强11日主持召开国务院常务会议。",
            "会议指出，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。",
            "#房价还会涨吗？",
            "近期，多地楼市出现回暖迹象，购房者关注度明显提升。",
            "#稳增长，促消费，扩内需",
            "近期，多地楼市出现回暖迹象，购房者关注度明显提升。专家表示，政策效应正在显现。",
            # an interviewer's second question wraps onto a flush line: no headline
            "记者：这次压锭与以前有何不同？",
            "#有什么办法保证纺锭能够真正压下去？",
            "石万鹏：这次压锭，党中央、国务院是下了很大决心的。",
        ]
    )
    titles = [a.title for a in clean(page).articles]
    assert titles == [
        "经济运行总体平稳",
        "李强：坚持稳中求进工作总基调",
        "房价还会涨吗？",
        "稳增长，促消费，扩内需",
    ]


def test_a_traditional_page_reads_its_datelines_bylines_and_furniture():
    page = (
        "明報 2023年6月12日 星期一 A2版\n\n# 多地推出措施促進消費\n\n□ 本報記者 張三\n\n"
        "本報北京6月11日訊（記者 王五）今年以來，多地推出促消費政策。\n\n"
        "專家表示，消費回暖態勢明顯。（下轉第3版）\n\n責任編輯：李四\n"
    )
    result = clean(page)
    (article,) = result.articles
    assert article.bylines == ["本報記者 張三"]
    assert article.dateline == "本報北京6月11日訊（記者 王五）"
    assert article.continued_to == 3
    assert article.paragraphs() == [
        "本報北京6月11日訊（記者 王五）今年以來，多地推出促消費政策。",
        "專家表示，消費回暖態勢明顯。",
    ]
    removed = {r.before.strip() for r in result.repairs if r.filter == "furniture"}
    assert removed == {"明報 2023年6月12日 星期一 A2版", "責任編輯：李四"}


def test_a_kicker_over_two_lines_is_one_kicker():
    (article,) = clean(
        "## 坚持人民至上\n\n## 护航美好生活\n\n# 全市平安建设成效明显\n\n正文。\n"
    ).articles
    assert (article.kicker, article.title) == ("坚持人民至上 护航美好生活", "全市平安建设成效明显")
    # a ## line under a headline stays its subtitle, however many ## lines follow
    first, second = clean("# 甲\n\n## 副题\n\n## 引题\n\n# 乙\n\n正文。\n").articles
    assert (first.subtitle, second.kicker, second.title) == ("副题", "引题", "乙")


def test_bold_lines_take_their_role_from_where_they_stand():
    """VLM OCR that sets headlines in bold rather than with #: a bold line over a dateline or
    a byline is a headline, over a # headline its kicker, and amid text a section heading."""
    page = (
        "**新能源汽车出口持续增长**\n\n"
        "本报北京3月4日电 记者从商务部获悉，一季度新能源汽车出口量达到120万辆。\n\n"
        "**海外市场**\n\n商务部有关负责人表示，新能源汽车已成为外贸“新三样”之一。\n\n"
        "**春耕时节**\n\n# 春耕备耕有序推进\n\n**本报记者 赵强**\n\n眼下正是春耕备耕的关键时期。\n"
    )
    first, second = clean(page).articles
    assert (first.title, first.dateline) == ("新能源汽车出口持续增长", "本报北京3月4日电")
    assert [s.heading for s in first.sections] == [None, "海外市场"]
    assert (second.kicker, second.title, second.bylines) == (
        "春耕时节",
        "春耕备耕有序推进",
        ["本报记者 赵强"],
    )


@pytest.mark.parametrize("mark", ["**{}**", "## {}"])
@pytest.mark.parametrize(
    ("stack", "kicker", "title", "subtitle"),
    [
        (
            ["国务院常务会议部署", "推动大规模设备更新和消费品以旧换新"],
            "国务院常务会议部署",
            "推动大规模设备更新和消费品以旧换新",
            None,
        ),
        (
            ["全市平安建设成效明显", "市域社会治理创新之路"],
            None,
            "全市平安建设成效明显",
            "市域社会治理创新之路",
        ),
        (
            ["山村教师的三十年", "——记全国模范教师张秀兰"],
            None,
            "山村教师的三十年",
            "——记全国模范教师张秀兰",
        ),
    ],
)
def test_a_stack_of_lines_of_one_level_has_its_longest_line_for_headline(
    mark, stack, kicker, title, subtitle
):
    """A page that marks no headline with #: in a stack of bold (or ##) lines the headline is
    the longest line, as on a plain page, not whichever comes first; a dash opens a
    subtitle."""
    page = "\n\n".join(
        [mark.format(line) for line in stack] + ["本报北京3月4日讯 会议指出，这是重要举措。"]
    )
    (article,) = _fixed_twice(page + "\n")
    assert (article.kicker, article.title, article.subtitle) == (kicker, title, subtitle)


# --- a subtitle opening with a dash (——记…, ——访…, ——来自…的报道) under its headline ---

TEACHER_TEXT = [
    "　　清晨六点，大山深处的石门村小学响起了读书声。",
    "五十六岁的张秀兰站在讲台上，领着孩子们一遍遍朗读",
    "课文。三十年来，她始终坚守在这所只有四个年级的村小。",
    "　　“孩子们需要我，我就不能走。”张秀兰说。这句话，",
    "她说了三十年，也做了三十年，感动了一届届学生。",
]
TEACHER_MARKDOWN = [
    "清晨六点，大山深处的石门村小学响起了读书声。五十六岁的张秀兰站在讲台上，领着孩子们一遍遍朗读课文。",
    "“孩子们需要我，我就不能走。”张秀兰说。这句话，她说了三十年，也做了三十年，感动了一届届学生。",
]


def _fixed_twice(page: str):
    from newsclean.render import markdown

    once = markdown(clean(page).articles)
    assert markdown(clean(once).articles) == once
    return clean(page).articles


@pytest.mark.parametrize(
    "page, kicker, title, subtitle",
    [
        (
            "\n".join(
                ["扎根山区三十年", "一位乡村教师的坚守", "——记全国模范教师张秀兰", *TEACHER_TEXT]
            ),
            "扎根山区三十年",
            "一位乡村教师的坚守",
            "——记全国模范教师张秀兰",
        ),
        (
            "\n".join(["一位乡村教师的坚守", "——访全国人大代表、乡村教师张秀兰", *TEACHER_TEXT]),
            None,
            "一位乡村教师的坚守",
            "——访全国人大代表、乡村教师张秀兰",
        ),
        (
            "\n\n".join(["# 扎根山区三十年", "——记全国模范教师张秀兰", *TEACHER_MARKDOWN]),
            None,
            "扎根山区三十年",
            "——记全国模范教师张秀兰",
        ),
        (
            "\n\n".join(
                ["## 扎根山区", "# 一位乡村教师的坚守", "——来自石门村小学的报道", *TEACHER_MARKDOWN]
            ),
            "扎根山区",
            "一位乡村教师的坚守",
            "——来自石门村小学的报道",
        ),
    ],
)
def test_a_dash_line_under_the_headline_is_its_subtitle(page, kicker, title, subtitle):
    (article,) = _fixed_twice(page + "\n")
    assert (article.kicker, article.title, article.subtitle) == (kicker, title, subtitle)
    assert [s.heading for s in article.sections] == [None]
    assert len(article.paragraphs()) == 2


@pytest.mark.parametrize(
    "page, paragraph",
    [
        (
            "\n".join(["扎根山区三十年", *TEACHER_TEXT[:3], "——来自山区的报道", *TEACHER_TEXT[3:]]),
            "——来自山区的报道",
        ),
        (
            "\n\n".join(
                [
                    "# 扎根山区三十年",
                    TEACHER_MARKDOWN[0],
                    "——记全国模范教师张秀兰",
                    TEACHER_MARKDOWN[1],
                ]
            ),
            "——记全国模范教师张秀兰",
        ),
        # a sentence opening with a dash under the headline is text
        (
            "\n\n".join(["# 扎根山区三十年", "——这是孩子们对她的评价。", *TEACHER_MARKDOWN]),
            "——这是孩子们对她的评价。",
        ),
    ],
)
def test_a_dash_line_in_the_text_stays_text(page, paragraph):
    (article,) = _fixed_twice(page + "\n")
    assert (article.title, article.subtitle) == ("扎根山区三十年", None)
    assert paragraph in article.paragraphs()
    assert [s.heading for s in article.sections] == [None]


# --- other papers' bylines, datelines and boxes' labels ---

FIRST_TEXT = "12月28日，深圳地铁16号线二期正式开通运营，沿线居民出行更加便利。"
SECOND_TEXT = "今年以来，全省新能源汽车销量持续增长，充电设施建设也在加快推进。"


def _two_articles(style: str, under_headline: str, text: str = FIRST_TEXT) -> str:
    """A page of two articles, ``under_headline`` on a line of its own under the first
    headline: blank lines apart (Markdown), or over the indented text (plain OCR)."""
    if style == "markdown":
        return (
            f"# 深圳地铁新线开通运营\n\n{under_headline}\n\n{text}\n\n"
            f"# 充电桩建设提速\n\n本报讯 {SECOND_TEXT}\n"
        )
    lines = ["深圳地铁新线开通运营", under_headline]
    for headline, body in ((None, text), ("充电桩建设提速", "本报讯 " + SECOND_TEXT)):
        if headline:
            lines.append(headline)
        lines += ["　　" + body[:16]] + [body[i : i + 18] for i in range(16, len(body), 18)]
    return "\n".join(lines) + "\n"


def _fix_is_idempotent(page: str, **options) -> bool:
    once = markdown(clean(page, **options).articles)
    return markdown(clean(once, **options).articles) == once


@pytest.mark.parametrize("style", ["markdown", "plain"])
@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("●南都记者 刘洋", "南都记者 刘洋"),
        ("新京报记者 王敏", "新京报记者 王敏"),
        ("北京青年报记者 张三", "北京青年报记者 张三"),
        ("中青报·中青网记者 王 聪", "中青报·中青网记者 王 聪"),
        ("●中国青年报·中青在线记者 张三", "中国青年报·中青在线记者 张三"),
        ("■深圳特区报记者 李 娜 通讯员 南宣", "深圳特区报记者 李 娜 通讯员 南宣"),
        ("■采写：南都记者 陈伟 通讯员 深铁宣", "采写：南都记者 陈伟 通讯员 深铁宣"),
        ("◎本报记者 张三", "本报记者 张三"),
        ("★记者 王五", "记者 王五"),
        ("文·图/本报记者 刘洋", "文·图/本报记者 刘洋"),
        ("文·图/刘洋", "文·图/刘洋"),
        ("撰文：张三 摄影：李四", "撰文：张三 摄影：李四"),
        ("扬子晚报/紫牛新闻记者 张三", "扬子晚报/紫牛新闻记者 张三"),
        ("澎湃新闻记者 张三", "澎湃新闻记者 张三"),
        ("21世纪经济报道记者 彭新 上海报道", "21世纪经济报道记者 彭新 上海报道"),
        ("三联生活周刊记者 李菁", "三联生活周刊记者 李菁"),
        ("央视记者 赵六", "央视记者 赵六"),
        ("文｜本报记者 张三", "文｜本报记者 张三"),
        ("文 | 刘洋", "文 | 刘洋"),
        ("作者：张三", "作者：张三"),
    ],
)
def test_bylines_as_other_papers_print_them(line, byline, style):
    page = _two_articles(style, line)
    first, second = clean(page).articles
    assert (first.title, first.bylines) == ("深圳地铁新线开通运营", [byline])
    assert first.paragraphs() == [FIRST_TEXT]
    assert (second.title, second.bylines) == ("充电桩建设提速", [])
    assert _fix_is_idempotent(page)


@pytest.mark.parametrize("style", ["markdown", "plain"])
@pytest.mark.parametrize(
    "text",
    [
        "记者从上海海关获悉，今年前11个月全市进出口总值同比增长。",
        "南都记者在现场看到，不少市民排队购票体验新线。",
        "接受新京报记者采访时，他表示新线将缓解早高峰的拥堵。",
    ],
)
def test_a_sentence_that_opens_with_a_reporter_is_text(text, style):
    """A paragraph that opens with 记者 or a paper's reporter tells the news: no byline."""
    page = _two_articles(style, "本报记者 王敏", text)
    first, _ = clean(page).articles
    assert first.bylines == ["本报记者 王敏"]
    assert (first.paragraphs(), first.dateline) == ([text], None)


@pytest.mark.parametrize("style", ["markdown", "plain"])
@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("■ 链接", "链接"),
        ("■ 专家观点", "专家观点"),
        ("■追问 为何充电桩建设滞后", "追问 为何充电桩建设滞后"),
        ("□ 延伸阅读", "延伸阅读"),
        ("■ 新闻背景", "新闻背景"),
        ("□ 记者手记", "记者手记"),
    ],
)
def test_a_boxs_label_after_a_square_is_a_section_heading(line, heading, style):
    """□ and ■ mark bylines, and also the labels of boxes beside the story."""
    body = ["　　" + SECOND_TEXT if style == "plain" else SECOND_TEXT] * 2
    sep = "\n" if style == "plain" else "\n\n"
    page = sep.join(["充电桩建设提速", "本报记者 王敏", body[0], line, body[1]]) + "\n"
    if style == "markdown":
        page = "# " + page
    (article,) = clean(page).articles
    assert article.bylines == ["本报记者 王敏"]
    assert [s.heading for s in article.sections] == [None, heading]
    assert _fix_is_idempotent(page)


@pytest.mark.parametrize("style", ["markdown", "plain"])
@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("□ 本报记者 张三", "本报记者 张三"),
        ("■ 通讯员 李四", "通讯员 李四"),
        ("□ 记者 王五", "记者 王五"),
        ("□ 张冲", "张冲"),
        ("■ 张冲 李四", "张冲 李四"),
    ],
)
def test_a_square_before_a_reporter_or_names_stays_a_byline(line, byline, style):
    (first, _) = clean(_two_articles(style, line)).articles
    assert (first.bylines, [s.heading for s in first.sections]) == ([byline], [None])


@pytest.mark.parametrize("style", ["markdown", "plain"])
@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("【明報專訊】特區政府昨日公布最新失業率數字。", "【明報專訊】"),
        ("【明报专讯】特区政府昨日公布最新失业率数字。", "【明报专讯】"),
        ("大公报专讯 特区政府昨日宣布推出新一轮消费券。", "大公报专讯"),
        ("【記者林志明／台北報導】行政院今天通過明年度總預算案。", "【記者林志明／台北報導】"),
        (
            "【中央社記者王小華台北5日電】行政院今天通過明年度總預算案。",
            "【中央社記者王小華台北5日電】",
        ),
        ("中央社记者王小华台北5日电 行政院今天通过明年度总预算案。", "中央社记者王小华台北5日电"),
        ("〔記者林志明／台北報導〕行政院今天通過明年度總預算案。", "〔記者林志明／台北報導〕"),
        ("記者林志明／台北即時報導 行政院今天通過明年度總預算案。", "記者林志明／台北即時報導"),
        (
            "（中央社記者王小華台北5日電）行政院今天通過明年度總預算案。",
            "（中央社記者王小華台北5日電）",
        ),
        ("南都讯 记者 陈伟 12月28日，深圳地铁16号线二期正式开通运营。", "南都讯 记者 陈伟"),
        ("本报综合报道 近日，多地出台措施促进消费。", "本报综合报道"),
        ("央视网消息（新闻联播）：今年以来，我国外贸进出口保持增长。", "央视网消息（新闻联播）："),
        ("潮新闻客户端记者 张三 今年以来，全省新能源汽车销量持续增长。", "潮新闻客户端记者 张三"),
        # sentences that name no paper, or a paper's reporter and no names
        ("据报道，多地近日出台措施促进消费。", None),
        ("据央视网消息，今年以来我国外贸保持增长。", None),
        ("记者从上海海关获悉，一季度全市进出口同比增长。", None),
        ("南都记者在现场看到，不少市民排队购票体验新线。", None),
        ("澎湃新闻记者注意到，多地近日出台措施促进消费。", None),
        # alone on its line, a bracketed one closes its article's text
        ("（本报加拉加斯1月19日电）", None),
    ],
)
def test_datelines_as_other_papers_print_them(text, dateline, style):
    # (script "keep": a traditional paragraph on this simplified page keeps its characters)
    page = _two_articles(style, "本报记者 王敏", text)
    first, second = clean(page, script_mode="keep").articles
    assert (first.dateline, first.paragraphs()) == (dateline, [text])
    assert second.dateline == "本报讯"
    assert _fix_is_idempotent(page, script_mode="keep")
