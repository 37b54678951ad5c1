"""Column-break joins (rejoin): what a join keeps, and what reads as no cut at all."""

from __future__ import annotations

import doctest
import math

import pytest

import newsclean.filters.rejoin as rejoin
from newsclean import clean
from newsclean.model import Block, Kind


def test_doctests():
    result = doctest.testmod(rejoin)
    assert result.attempted > 0 and result.failed == 0


def test_join_keeps_the_page_the_second_half_goes_on_to():
    page = (
        "# 辽宁因地制宜\n\n"
        "鞍山市委书记说，我们整体设计了面向群众、面向企业、面向基\n\n"
        "层“三个面向”工作体系，基层治理见实效。（下转第八版）"
    )
    article = clean(page).articles[0]
    assert article.paragraphs() == [
        "鞍山市委书记说，我们整体设计了面向群众、面向企业、面向基层“三个面向”工作体系，"
        "基层治理见实效。"
    ]
    assert article.continued_to == 8


@pytest.mark.parametrize(
    "paragraphs",
    [
        # items of a list, each ending in a semicolon and opening alike
        [
            "这本集子里，有描述求学经历的篇章，有塑造留学生群体的代言人；",
            "有经历了千山万水才回到祖国的学者；",
            "有毕生不忘童年时唱过的歌。",
        ],
        # items that open each with its own name: a cut seldom falls right after a semicolon
        [
            "金奖：深圳市柏施汽车用品有限公司，多功能汽车防盗报警器；",
            "上海同心实业公司，全自动洗衣机程序控制器；",
            "银奖：胶州市光大电子厂，家用燃气泄漏报警器（刘凤山摄）；",
            "江门市江海区电子仪器厂，数字式万用表。",
        ],
    ],
)
def test_paragraphs_ending_in_semicolons_are_items_not_cuts(paragraphs):
    result = clean("# 一则消息\n\n" + "\n\n".join(paragraphs))
    assert not [r for r in result.repairs if r.action == "joined"]
    assert result.articles[0].paragraphs() == paragraphs


def test_a_seam_news_prose_does_not_write_lowers_the_confidence():
    left = "市委政法委牵头推进平安建设，持续加强基层政法队伍专业化建设"
    page = "\n\n".join(["# 题", left, "议定的事项全部落实。", left, "做定的事项全部落实。"])
    blocks = clean(page, only=("structure",)).page.blocks
    corpus = "\n".join(b.text for b in blocks)
    rare = rejoin.join_confidence(blocks[1], blocks[2], corpus)  # 设|议: PMI -1.9
    usual = rejoin.join_confidence(blocks[3], blocks[4], corpus)  # 设|做: PMI 1.2
    assert rare < usual


def test_a_credit_or_a_table_ends_its_block():
    """A photo caption's credit and HTML a VLM left in end their blocks: no join, no flag."""
    page = (
        "# 多地出台措施促进消费\n\n"
        "今年以来，多地出台促消费政策，一季度社会消费品零售总额同比增长5.8%。\n\n"
        "<table><tr><td>地区</td><td>增速</td></tr><tr><td>北京</td><td>6.1%</td></tr></table>\n\n"
        "图为市民在商场购物。新华社记者 李明 摄\n\n"
        "专家表示，消费回暖态势明显，后续政策效应将进一步显现。"
    )
    result = clean(page)
    assert len(result.articles[0].paragraphs()) == 4
    assert [r for r in result.repairs if r.filter == "rejoin"] == []


def test_a_markdown_table_or_list_ends_its_block():
    """Rows and bulleted items need no sentence end: no join into the next block, no flag."""
    page = (
        "# 老旧小区改造提速\n\n"
        "今年计划改造的项目如下表所示：\n\n"
        "| 项目 | 数量 |\n| --- | --- |\n| 改造小区 | 5.3万个 |\n\n"
        "，居民普遍反映改造后生活更加便利。\n\n"
        "- 完善基础设施\n- 增加公共空间\n\n"
        "，据统计全国新开工改造城镇老旧小区5.3万个。"
    )
    result = clean(page)
    paragraphs = result.articles[0].paragraphs()
    assert paragraphs[1] == "| 项目 | 数量 |\n| --- | --- |\n| 改造小区 | 5.3万个 |"
    assert paragraphs[3] == "- 完善基础设施\n- 增加公共空间"
    joins = [r for r in result.repairs if r.filter == "rejoin" and r.action == "joined"]
    ends = [r for r in result.repairs if r.reason.startswith("truncated_end")]
    assert joins == [] and ends == []


def test_characters_news_prose_writes_together_tie_a_cut():
    """出|售 is one word cut at the column break: the seam's PMI in news prose joins it."""
    page = (
        "# 标题\n\n职工所购公有住房，经过有关部门的批准，可以按照规定上市出\n\n"
        "售后，不再享受单位分配住房的待遇，这是新规定。"
    )
    (paragraph,) = clean(page).articles[0].paragraphs()
    assert "上市出售后" in paragraph


def test_a_seam_reorder_closed_leans_to_a_join():
    from newsclean.config import Config
    from newsclean.model import BLEED_SEAM_NOTE

    page = clean(
        "# 鞍山推进市域社会治理\n\n"
        "鞍山市委书记说，鞍山强化党建引领，近年来社会治理综合服务中心已经在生命科学领域里\n\n"
        "进行了具有开创性的研究，鞍山社会治理综合服务中心接到消息后迅速维修。\n\n"
        # (a column's last words, cut off: the first paragraph's cut has a rival)
        "铁东区社会治理综合服务中心接到消息后，迅速组织区残联\n",
        only=("structure",),
    ).page
    config = Config()
    _, apart = rejoin.run(page, config)
    (flag,) = [r for r in apart if "possible_split" in r.reason]
    noted = page.with_blocks(
        [page.blocks[0], page.blocks[1].flagged(BLEED_SEAM_NOTE), *page.blocks[2:]]
    )
    joined, found = rejoin.run(noted, config)
    (join,) = [r for r in found if r.action == "joined"]

    def log_odds(p):
        return math.log(p / (1 - p))

    lean = log_odds(join.confidence) - log_odds(flag.confidence)
    assert lean == pytest.approx(rejoin.JOIN_WEIGHTS["bleed_seam"])
    # the note is between filters: the joined block does not carry it on, nor does output
    assert all(BLEED_SEAM_NOTE not in b.flags for b in joined.blocks)


def test_reorder_notes_the_seam_of_the_sentence_it_restores():
    from newsclean.model import BLEED_SEAM_NOTE

    page = "\n\n".join(
        [
            "# 鞍山推进市域社会治理",
            "鞍山市建成四级社会治理综合服务中心，鞍山市民办事更方便。",
            "鞍山市委书记说，我们整体设计了面向群众、面向企业、面向基",
            "连云港市打掉恶势力犯罪集团，连云港扫黑除恶成效明显，连云港市民纷纷点赞。",
            "层“三个面向”工作体系，鞍山基层治理见实效。",
            "# 连云港推进扫黑除恶",
            "连云港市公安局反诈中心向群众发送预警短信，连云港扫黑除恶见实效。",
            "连云港市扫黑除恶专项斗争取得阶段性成果，连云港市民安全感提升。",
        ]
    )
    moved = clean(page, only=("structure", "reorder"))
    (left,) = [b for b in moved.page.blocks if b.text.endswith("面向基")]
    assert BLEED_SEAM_NOTE in left.flags
    assert all(not f.startswith("_") for a in moved.articles for f in a.flags)
    result = clean(page)
    assert (
        result.articles[0]
        .paragraphs()[-1]
        .endswith("面向基层“三个面向”工作体系，鞍山基层治理见实效。")
    )


def test_the_fitting_tool_labels_cuts_and_learns_their_evidence():
    """``python -m newsclean.bench.fit_joins``: split pages give labelled cuts, and a fit on
    rows whose label follows one term gives that term a large weight and the other none."""
    from pathlib import Path

    from opencc import OpenCC

    from newsclean.bench import fit_joins
    from newsclean.bench.corpus import load_corpus
    from newsclean.bench.generate import Settings, generate_pages

    articles = load_corpus(Path(__file__).parent / "data" / "tiny_corpus.jsonl")
    settings = Settings(clean_share=0.0, rates={"split": 1.0})
    pages = list(generate_pages(articles, 3, pages=8, settings=settings))
    rows = fit_joins.labelled_pairs(pages, OpenCC("t2s"))
    assert any(cut for _, cut in rows) and all(set(e) == set(rejoin.JOIN_WEIGHTS) for e, _ in rows)
    synthetic = [
        ({"clause_end": float(i % 2), "short_b": float(i % 3 == 0)}, i % 2 == 1) for i in range(60)
    ]
    weights = fit_joins.fit(synthetic, ["clause_end", "short_b"])
    assert weights[0] > 3 and abs(weights[1]) < 1


def test_a_reporters_name_ends_a_piece_and_an_editors_note_opens_one():
    """Two papers' reporters on one line (本报记者 江玉《中国电力报》记者张大和) are its
    bylines, and 编者按 opens a paragraph: nothing is joined across them."""
    page = (
        "# 从安徽整顿前的情况看农村电价缘何高\n\n"
        "本报记者 江玉《中国电力报》记者张大和\n\n"
        "编者按：近年来，本报不断收到农村读者的来信，反映他们的照明电价过高，农民难以承受"
    )
    (article,) = clean(page).articles
    assert article.bylines == ["本报记者 江玉《中国电力报》记者张大和"]
    assert article.paragraphs()[0].startswith("编者按")
    assert rejoin.CREDIT_END.search("详见今日本报刊登的《回家的路》记者张大和")
    assert rejoin.CREDIT_END.search("本版今日刊登《乡村学校》。———编者")
    assert rejoin.PARAGRAPH_OPENER.match("编者按：近年来")


@pytest.mark.parametrize(
    ("text", "mid"),
    [
        ("，连云港市民纷纷点赞。", True),
        ("层“三个面向”工作体系。", True),
        ("一、要加强对金融机构的监管。", False),  # a numbered item opens its paragraph
        ("据新华社电，会议今天召开。", False),
        ("![图为繁忙的港口](images/port.jpg)", False),  # a Markdown image
    ],
)
def test_what_starts_mid_sentence(text, mid):
    assert rejoin.starts_mid_sentence(text) is mid


def test_a_join_completes_a_marker_of_a_kind_its_piece_lacks():
    """（下转第|八版） cut at the column break is joined and read in a piece that has its 上接
    page only; beside another 下转 page of its article it stays apart (two pages for one
    piece)."""
    page = (
        "# 标题\n\n（上接第1版）\n\n"
        "这是一个很长的句子，讲的是今天的事情，会议指出要加强管理（下转第\n\n八版）"
    )
    (article,) = clean(page).articles
    assert (article.continued_from, article.continued_to) == (1, 8)
    clash = clean("组关中！（下转第\n\n八版）\n\n0。\n\n（下转第2版）")
    assert not [r for r in clash.repairs if r.action == "joined"]


def test_an_indented_block_opens_a_paragraph_on_a_page_that_indents():
    """…岂不是一样的 ends without a mark; on a page that indents its paragraphs, a next block
    set flush goes on with it, an indented one opens a paragraph of its own."""
    from newsclean.model import Block, Kind

    left = "谁还会对杀猪宰羊、烤鸭烧鸡再说什么呢？鸿雁若从此不飞，与鸡鸭的下场岂不是一样的"
    right = "看京剧《沙家浜》，郭建光同沙奶奶有一段对唱，郭建光给沙奶奶“提意见”。"
    a = Block(id=0, kind=Kind.PARAGRAPH, text=left, spans=(), markup="\u3000\u3000")
    corpus = f"{left}\n{right}"
    flush = Block(id=1, kind=Kind.PARAGRAPH, text=right, spans=())
    indented = flush.with_(markup="\u3000\u3000")
    assert rejoin.join_confidence(a, flush, corpus, indented_page=True) >= 0.6
    assert rejoin.join_confidence(a, indented, corpus, indented_page=True) < 0.6
    assert rejoin.join_evidence(a, indented, corpus, indented_page=True)["indented_b"] == 1.0


def test_the_fitting_tool_fits_one_weight_with_the_rest_held():
    from newsclean.bench import fit_joins

    rows = [({"clause_end": 1.0, "short_b": float(i % 2)}, i % 2 == 0) for i in range(40)]
    weights = fit_joins.fit(rows, ["short_b"], held=(-1.0, {"clause_end": 1.0, "short_b": 0.0}))
    assert weights[-1] == -1.0 and weights[0] < -2


def test_fix_keeps_a_plain_pages_indents_so_its_output_reads_the_same_again():
    """An indented paragraph after one cut off opens a paragraph of its own; fix writes the
    indents of a page that indents its paragraphs, so reading its output again keeps them
    apart too (without them the second reading joined …一样的 | 看京剧…)."""
    from newsclean.render import markdown

    page = (
        "鸿雁与鸡鸭\n"
        "　　谁还会对杀猪宰羊、烤鸭烧鸡再说\n"
        "什么呢？鸿雁若从此不飞，与鸡鸭的下\n"
        "场岂不是一样的\n"
        "　　看京剧《沙家浜》，郭建光同沙奶\n"
        "奶有一段对唱，郭建光给沙奶奶“提意\n"
        "见”。\n"
        "　　这段唱词至今仍为人们所传唱。\n"
    )
    once = markdown(clean(page).articles)
    assert "\n\n　　看京剧《沙家浜》" in once
    assert markdown(clean(once).articles) == once
    # a page that does not indent its paragraphs is written without indents
    assert "　" not in markdown(clean(once.replace("　", "")).articles)


def test_a_lead_in_or_a_list_item_is_not_flagged_as_cut_off():
    page = (
        "# 标题\n\n会议提出了今年工作的主要任务，主要有以下几点：\n\n"
        "一是加快推进农业现代化建设，提高粮食生产能力；\n\n"
        "二是深化农村改革，激发农村发展活力，增加农民收入。\n\n"
        "最后一段讲到了今后的工作安排，大家认为主要有以下几点：\n"
    )
    result = clean(page)
    flagged = [r.reason for r in result.repairs if r.reason.startswith("truncated_end")]
    # (the article's last paragraph ends on a colon with nothing after it: that one is cut)
    assert len(flagged) == 1 and flagged[0].endswith("有以下几点：")


def test_dash_items_labels_and_sign_off_lines_are_not_flagged_as_cut_off():
    page = (
        "# 标题\n\n会议认为，当前金融风险主要来自三个方面，一些问题已留下不少——\n\n"
        "———金融监管当局对风险估计不足，监管手段落后；\n\n"
        "———过分信赖抵押贷款，对企业经营状况了解不够。\n\n"
        "中国驻中非大使馆\n\n"
        "1998年1月29日于班吉"
    )
    result = clean(page)
    flags = [r.reason for r in result.repairs if r.action == "flagged"]
    assert flags == []
    # a paragraph of prose that stops without its end mark is still flagged
    cut = clean(page + "\n\n会上，与会代表一致认为，要加快推进金融体制")
    ends = [r.reason for r in cut.repairs if r.reason.startswith("truncated_end")]
    assert ends == ["truncated_end: ends without sentence punctuation: …加快推进金融体制"]


@pytest.mark.parametrize(
    "text, ends",
    [
        ("一位负责人说：“园区建成后，将重塑区域物流格局。”", True),
        ('一位负责人说："园区建成后，将重塑区域物流格局。"', True),
        ('他问："这件事谁来管？"', True),
        ('他喊道："快走！"', True),
        ("他说：'这是我们的家。'", True),
        ('他说："这是我们的家。" ', True),
        # an ASCII quote without the end mark before it closes no sentence
        ('一位负责人说："园区建成后，将重塑区域物流格局"', False),
        ('一位负责人说："', False),
        ("一位负责人说，园区建成后'", False),
        # a mark after the story's last sentence
        ("据介绍，港口新开通航线10条，取得重要进展。◀", True),
        ("据介绍，港口新开通航线10条，取得重要进展◀", False),
    ],
)
def test_an_ascii_quote_after_the_end_mark_ends_the_sentence(text, ends):
    assert rejoin.ends_sentence(text) is ends


def test_a_paragraph_ending_in_an_ascii_quote_is_neither_cut_nor_joined():
    quoted = '本报讯 该市物流园区已投入使用，一位负责人说："园区建成后，将重塑区域物流格局。"'
    after = "园区内设有冷链仓储中心和智能分拣线，日处理能力达10万件"
    page = f"# 物流园区建设提速\n\n{quoted}\n\n{after}，服务周边三省。\n"
    result = clean(page)
    assert result.articles[0].paragraphs() == [quoted, f"{after}，服务周边三省。"]
    assert not [r for r in result.repairs if r.filter == "rejoin"]
    # the join model sees no sentence running on across the seam either
    left, right = result.page.blocks[1], result.page.blocks[2]
    assert rejoin.join_evidence(left, right, quoted + "\n" + after) is None
    # and without its end mark, the paragraph is cut off
    cut = clean(page.replace('格局。"', '格局"'))
    assert [(r.action, r.reason[:13]) for r in cut.repairs] == [("flagged", "truncated_end")]


def test_a_paragraph_that_ends_on_an_opening_quote_is_cut():
    page = "# 标题\n\n他告诉记者：“\n\n刚开始的时候，大家都不理解，后来慢慢就接受了。”\n"
    (article,) = clean(page).articles
    assert article.paragraphs() == ["他告诉记者：“刚开始的时候，大家都不理解，后来慢慢就接受了。”"]


@pytest.mark.parametrize(
    ("right", "opener"),
    [("3.9%，比上年同期提高5.5个百分点。", False), ("3. 加快推进数字化转型。", True)],
)
def test_a_decimal_opens_no_list_item(right, opener):
    evidence = rejoin.join_evidence(
        Block(0, Kind.PARAGRAPH, "新能源汽车市场占有率已经达到3", ((0, 14),)),
        Block(1, Kind.PARAGRAPH, right, ((16, 16 + len(right)),)),
        "",
    )
    assert bool(evidence["opener_b"]) is opener


def test_a_join_puts_no_space_inside_a_number():
    assert rejoin._join_text("占有率达到3", "3.9%") == "占有率达到33.9%"
    assert rejoin._join_text("Governing", "AI") == "Governing AI"


@pytest.mark.parametrize(
    ("opening", "flagged"),
    [
        ("在“扫黄”、“打非”工作中，全市共收缴非法出版物三万余件。", False),
        ("他，不分昼夜地忙碌在抗灾第一线，从不叫苦叫累。", False),
        ("层，面向群众，面向企业，工作体系不断完善。", True),
    ],
)
def test_a_lone_character_before_a_quote_or_a_pronoun_before_a_comma_opens_a_sentence(
    opening, flagged
):
    page = f"# 标题\n\n会议今天在北京召开，与会代表进行了讨论。\n\n{opening}\n"
    starts = [r for r in clean(page).repairs if r.reason.startswith("truncated_start")]
    assert bool(starts) is flagged


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("本报东京1月23日", "电记者张国成、于青报道：日本太平洋沿岸地区今天普降大雪。"),
        ("据新华社北京1月19日电（记者罗辉）国", "务院副总理兼外长钱其琛今天下午会见了来访的客人。"),
    ],
)
def test_a_paragraph_cut_in_its_opening_words_is_joined(head, tail):
    page = f"# 标题\n\n{head}\n\n{tail}\n"
    (article,) = clean(page).articles
    assert article.paragraphs() == [head + tail]


def test_a_caption_cut_in_its_first_sentence_reads_as_opening_words():
    evidence = rejoin.join_evidence(
        Block(0, Kind.PARAGRAPH, "图为大连陆军学院举行", ((0, 10),)),
        Block(1, Kind.PARAGRAPH, "纪念“一二·九”长跑活动的情景。", ((12, 27),)),
        "",
    )
    assert evidence["opens_a"]


def test_digits_that_go_on_across_a_cut_open_no_dated_paragraph():
    evidence = rejoin.join_evidence(
        Block(0, Kind.PARAGRAPH, "华尔街的股市分析家们对19", ((0, 13),)),
        Block(1, Kind.PARAGRAPH, "98年股市走向的预测分为熊牛两派。", ((15, 32),)),
        "",
    )
    assert evidence["digits"] and not evidence["opener_b"]


def test_a_byline_or_a_whole_caption_is_no_opening_cut_short():
    for head in ("新华社高级编辑李长久", "图为市民在商场购物。新华社记者 李明 摄"):
        page = f"# 标题\n\n{head}\n\n所谓“新经济”之说是美国《商业周刊》提出的。\n"
        (article,) = clean(page).articles
        assert len(article.paragraphs()) == 2


def test_a_cut_with_no_rival_on_the_page_leans_to_a_join():
    left = Block(0, Kind.PARAGRAPH, "鞍山市委书记说，鞍山强化党建引领，社会治理中心", ((0, 22),))
    right = Block(1, Kind.PARAGRAPH, "接到消息后迅速维修。", ((24, 34),))
    corpus = f"{left.text}\n{right.text}"
    alone = rejoin.join_evidence(left, right, corpus, cut_ends=1)
    rivalled = rejoin.join_evidence(left, right, corpus, cut_ends=2)
    assert alone["no_rival"] == 1.0 and rivalled["no_rival"] == 0.0
    assert rejoin.join_evidence(left, right, corpus)["no_rival"] == 0.0  # (not counted)
    assert rejoin.ends_cut_off(left) and not rejoin.ends_cut_off(right)
    # a credit or a label ends no sentence, but is no cut
    for text in ("新华社记者 李明 摄", "图片新闻"):
        assert not rejoin.ends_cut_off(Block(2, Kind.PARAGRAPH, text, ((0, len(text)),)))
