"""Unit tests for the text filters: normalize, script, unwrap, furniture.

Each filter is checked on the rules it must apply and the text it must leave alone, and on
its repair records: one per changed block, ``before``/``after`` exactly the block's text.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from newsclean import Config, clean, parse
from newsclean.filters import furniture, normalize, script, unwrap
from newsclean.render import markdown

MODULES = (normalize, script, unwrap, furniture)


def run_filter(module, text: str, **options):
    page = parse(text)
    new_page, repairs = module.run(page, Config(**options))
    return page, new_page, repairs


def check_records(module, page, new_page, repairs) -> None:
    """Every changed block has exactly one record whose before/after are its texts;
    removed blocks have a ``removed`` record; unchanged blocks have none."""
    old = {b.id: b.text for b in page.blocks}
    new = {b.id: b.text for b in new_page.blocks}
    changing = [r for r in repairs if r.changes_text]
    by_block = {}
    for r in changing:
        assert r.filter == module.NAME
        assert len(r.blocks) == 1
        assert r.blocks[0] not in by_block, "one record per changed block"
        by_block[r.blocks[0]] = r
    for bid, text in old.items():
        if bid not in new:
            r = by_block[bid]
            assert (r.action, r.before, r.after) == ("removed", text, "")
        elif new[bid] != text:
            r = by_block[bid]
            assert (r.before, r.after) == (text, new[bid])
            assert r.reason.split(":")[0]
        else:
            assert bid not in by_block, f"record for an unchanged block {bid}"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0, f"{module.NAME} has no doctest example"
    assert result.failed == 0


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_records_exact_on_seed(module, seed_text):
    page, new_page, repairs = run_filter(module, seed_text)
    check_records(module, page, new_page, repairs)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_nothing_to_do_returns_same_page(module):
    page = parse("# 标题\n\n他说，今天下雨。")
    new_page, repairs = module.run(page, Config())
    assert repairs == []
    assert new_page is page


# --- normalize ------------------------------------------------------------------------


def test_normalize_records_the_invisible_characters_it_removes():
    result = clean("# 标题\n\n冰雪旅游\u200b进入预热期。\n", only=("normalize",))
    (repair,) = result.repairs
    assert (repair.before, repair.after) == ("冰雪旅游\u200b进入预热期。", "冰雪旅游进入预热期。")
    assert repair.reason.startswith("invisible: 1 invisible characters removed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("纳入其中,还连接", "纳入其中，还连接"),
        ("减什么?市司法局", "减什么？市司法局"),
        ("说:“我们", "说：“我们"),
        ("真的?!", "真的？！"),
        ("1130名民警(辅警)、42名律师", "1130名民警（辅警）、42名律师"),
        ("架设GOIP设备(GOIP)提供", "架设GOIP设备（GOIP）提供"),
        ("(一)利用平台", "（一）利用平台"),
        ("English (中文) text", "English （中文） text"),
        ("１２月３１日", "12月31日"),
        ("加入ＷＴＯ以来", "加入WTO以来"),
        ("增长３．５％", "增长3.5%"),
        ("国 务 院 安 委 会对3起", "国务院安委会对3起"),
        ("他说 ，今天", "他说，今天"),
        ("“ 群众无小事 。”", "“群众无小事。”"),
        ("说\n,\n中", "说\n，\n中"),  # a line break is not a character
        ("时间:10:30", "时间：10:30"),
        ("冰雪旅游\u200b进入预热期", "冰雪旅游进入预热期"),  # invisible characters go
        ("预\u00ad热,\ufeff期", "预热，期"),
    ],
)
def test_normalize_converts(text, expected):
    assert normalize.normalize_text(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "同比下降36.6%",
        "实退金额2.71亿元",
        "综治“9+X”信息系统",
        "“1+7”生态法治保障体系",
        "缴获162台GOIP设备",
        "“12345”热线平台",
        "上午10:30召开",
        "共1,000人",
        "f(x) = x + 1",
        "其算法f(x)须经评估",
        "see http://www.a.com/b?x=1,2 now",
        "本报记者 张国强 韩宇",
        "回应群众期待 捍卫社会正义",
        "地毯式清查 穿透式整改",
        "记者 王 刚 李 明 报道",
        "他说 , 今天",  # a space on both sides: not "next to" Chinese
        "“群众无小事。” 市中级人民法院",
        "比分３：２",  # full-width punctuation stays full-width
        "Revenue rose 3.5% (up from 900); see f(x)!",
    ],
)
def test_normalize_leaves_alone(text):
    new, counts = normalize.normalize_text(text)
    if "３" in text:  # only the digits change
        assert new == text.translate(normalize.FULLWIDTH_TO_ASCII).replace(":", "：")
    else:
        assert (new, counts) == (text, {})


def test_normalize_skips_url_and_email_spans():
    text = "登录http://www.cac.gov.cn/zqyj?id=1,2提出意见,或发邮件至zqyj@cac.gov.cn,截止"
    new = normalize.normalize_text(text)[0]
    assert "http://www.cac.gov.cn/zqyj?id=1,2" in new
    assert new.endswith("提出意见，或发邮件至zqyj@cac.gov.cn，截止")


def test_normalize_brackets_stay_paired():
    for text in ["f(x),中文", "其算法f(x)须经", "(a(b)c)中", "ABC(DEF)技术,好"]:
        new = normalize.normalize_text(text)[0]
        assert new.count("(") == new.count(")")
        assert new.count("（") == new.count("）")


def test_normalize_byline_keeps_spaced_names():
    page, new_page, repairs = run_filter(normalize, "□ 本报记者 王 刚 李 明\n\n正文 ，内容。")
    assert new_page.blocks[0].text == "本报记者 王 刚 李 明"
    assert new_page.blocks[1].text == "正文，内容。"
    check_records(normalize, page, new_page, repairs)


def test_normalize_one_record_per_block_with_reason():
    text = "# 国 务 院 安 委 会\n\n他说,今年１２月(含)产值增长,达3.5%。"
    page, new_page, repairs = run_filter(normalize, text)
    check_records(normalize, page, new_page, repairs)
    assert len(repairs) == 2
    assert repairs[0].reason.startswith("letter_spacing: 5 ")
    assert "halfwidth_punctuation: 4 marks made full-width" in repairs[1].reason
    assert "fullwidth_alnum: 2 " in repairs[1].reason
    assert all(r.action == "replaced" for r in repairs)


def test_normalize_is_stable_on_its_output(seed_text):
    page, new_page, _ = run_filter(normalize, seed_text)
    again, repairs = normalize.run(new_page, Config())
    assert repairs == []
    assert [b.text for b in again.blocks] == [b.text for b in new_page.blocks]


def test_normalize_page_pass_equals_block_pass(seed_text):
    """The page-level pass (blocks joined) gives what each block alone would give."""
    page, new_page, _ = run_filter(normalize, seed_text + "\n\nf(x),中\n\n)开头\n\n结尾(")
    for old, new in zip(page.blocks, new_page.blocks):
        assert new.text == normalize.normalize_text(old.text, spacing=old.kind != "byline")[0]


# --- script -----------------------------------------------------------------------------


def test_script_char_sets_exclude_shared_characters():
    sets = script.char_sets()
    trad, simp = sets["traditional_only"], sets["simplified_only"]
    for ch in "後髮體說們來國":
        assert ch in trad
    for ch in "乾於著干后里台么":  # valid in simplified text too
        assert ch not in trad
    for ch in "这们国说发":
        assert ch in simp
    assert trad.isdisjoint(simp)


def test_script_auto_converts_stray_traditional_clause_only():
    text = "# 标题\n\n乾隆年间修建的古桥，於是成为著名景点，这座桥後来得到修缮。"
    page, new_page, repairs = run_filter(script, text)
    assert new_page.blocks[1].text == "乾隆年间修建的古桥，於是成为著名景点，这座桥后来得到修缮。"
    assert len(repairs) == 1
    assert repairs[0].reason == "stray_traditional: 1 characters converted (後→后)"
    check_records(script, page, new_page, repairs)


@pytest.mark.parametrize(
    "text", ["乾隆皇帝", "著名学者", "於先生", "皇后镇", "甚么时候", "干部群众"]
)
def test_script_auto_leaves_shared_characters(text):
    page, new_page, repairs = run_filter(script, text)
    assert repairs == []


def test_script_auto_flags_a_traditional_page():
    text = "# 遼寧因地制宜市域社會治理各具特色\n\n不僅將住建、民政等部門服務窗口納入其中。"
    page, new_page, repairs = run_filter(script, text)
    assert [b.text for b in new_page.blocks] == [b.text for b in page.blocks]
    assert [r.action for r in repairs] == ["flagged"]
    assert repairs[0].reason.startswith("traditional_page:")
    assert (repairs[0].before, repairs[0].after) == ("", "")


def test_script_modes():
    text = "於是他們後來說，这个问题很重要。"
    assert run_filter(script, text, script_mode="keep")[2] == []
    _, simplified, _ = run_filter(script, text, script_mode="simplified")
    assert simplified.blocks[0].text == "于是他们后来说，这个问题很重要。"
    page, traditional, repairs = run_filter(script, text, script_mode="traditional")
    assert traditional.blocks[0].text == "於是他們後來說，這個問題很重要。"
    check_records(script, page, traditional, repairs)
    # a traditional page in traditional mode has nothing simplified-only: untouched
    assert (
        run_filter(script, "於是他們後來說，這個問題很重要。", script_mode="traditional")[2] == []
    )


def test_script_simplified_page_never_reaches_opencc(seed_text, monkeypatch):
    def boom(*args):
        raise AssertionError("OpenCC called on a page with nothing to convert")

    monkeypatch.setattr(script, "converter", boom)
    page, new_page, repairs = run_filter(script, seed_text)
    assert repairs == [] and new_page is page


# --- unwrap -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("应急管\n理部今天", "应急管理部今天"),
        ("对外公布，\n国务院", "对外公布，国务院"),
        ("条例\n（征求意见稿）", "条例（征求意见稿）"),
        ("架设GOIP\n设备", "架设GOIP设备"),
        ("共计1500\n0余万元", "共计15000余万元"),
        ("Voice over Internet\nProtocol", "Voice over Internet Protocol"),
        ("the informa-\ntion age", "the information age"),
        ("COVID-\n19 era", "COVID-19 era"),
        ("Anti-\nFraud", "Anti-Fraud"),
        ("words \n  more words", "words more words"),
        ("end of line,\nnext", "end of line, next"),
        ("http://a.cn/\nx", "http://a.cn/x"),
        ("登录www.\nbjshow.cn查询", "登录www.bjshow.cn查询"),
        ("https://www.gov.\ncn/zhengce", "https://www.gov.cn/zhengce"),
        ("邮箱info@\nwaic.cn", "邮箱info@waic.cn"),
        ("info@waic.\ncn咨询", "info@waic.cn咨询"),
        ("于10:\n30开幕", "于10:30开幕"),
        ("version 2.\n0 beta", "version 2.0 beta"),
        # a sentence that ends, a label's colon, a capital after an address: a space
        ("the end.\nNext", "the end. Next"),
        ("at 10:\nthe latest", "at 10: the latest"),
        ("see www.x.cn.\nThe", "see www.x.cn. The"),
        # an address broken anywhere goes on; one that has ended is followed by a word
        ("登录www.caam.o\nrg.cn查询", "登录www.caam.org.cn查询"),
        ("邮箱info@caa\nm.org.cn", "邮箱info@caam.org.cn"),
        ("邮箱ai-\nsupport@miit.gov.cn", "邮箱ai-support@miit.gov.cn"),
        ("info@waic.cn\nand more", "info@waic.cn and more"),
    ],
)
def test_unwrap_joins(text, expected):
    assert unwrap.unwrap_text(text)[0] == expected


def test_unwrap_headline_and_records():
    page = parse("# 标题", style="markdown")
    block = page.blocks[0].with_(text="国务院安委会对3起\n重大事故查处挂牌督办")
    page = page.with_blocks([block])
    new_page, repairs = unwrap.run(page, Config())
    assert new_page.blocks[0].text == "国务院安委会对3起重大事故查处挂牌督办"
    assert repairs[0].action == "unwrapped"
    assert repairs[0].reason == "hard_wrap: 1 line breaks joined"
    check_records(unwrap, page, new_page, repairs)


def test_unwrap_plain_ocr_paragraphs():
    text = "　　8月14日，青海省海北藏族自治州西海煤炭\n开发有限责任公司柴达尔煤矿发生重大事故，\n造成20人死亡。\n"
    page, new_page, repairs = run_filter(unwrap, text)
    assert [b.text for b in new_page.blocks] == [
        "8月14日，青海省海北藏族自治州西海煤炭开发有限责任公司柴达尔煤矿发生重大事故，造成20人死亡。"
    ]
    check_records(unwrap, page, new_page, repairs)


# --- furniture --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("第3版", "edition_line"),
        ("第十二版", "edition_line"),
        ("第3版 要闻", "edition_line"),
        ("A2 要闻", "edition_line"),
        ("2021年11月15日 星期一", "running_head"),
        ("法治日报 2021年11月15日 星期一 第3版", "running_head"),
        ("- 3 -", "page_number"),
        ("责任编辑：张三", "editor_line"),
        ("本版编辑：李四 美术编辑：王五", "editor_line"),
        ("本版责任编辑：张三 李四 版式设计：王五", "editor_line"),
        ("本版编辑：赵六 电话：010-65363000 邮箱：rmrbyw@163.com", "editor_line"),
        ("（本版编辑：周洁 美术编辑：何伟）", "editor_line"),
        ("(责任编辑：张三)", "editor_line"),
        ("![](images/abc.jpg)", "image_reference"),
        ("![图片](images/abc.jpg)", "image_reference"),
        ("---", "horizontal_rule"),
        ("* * *", "horizontal_rule"),
        ("##", "empty_markup"),
        ("**", "empty_markup"),
        ("第3版\n2021年11月15日 星期一", "edition_line+running_head"),
        # the parts of a running head come in any order and spacing
        ("A2 要闻 2023年6月12日 星期一", "running_head"),
        ("2022年3月8日 星期二　　光明日报　　第4版　　要闻", "running_head"),
        ("人民日报2021年11月15日", "running_head"),
        ("农历壬寅年二月初六 2022年3月8日 星期二", "running_head"),
        ("北京青年报 2023年1月5日 A03", "running_head"),
        ("经济日报 A2", "running_head"),
        ("2024.03.05 星期二 | 第06版 | 社会", "running_head"),
        ("人民日报 2024-03-05 第4版", "running_head"),
        ("人民日报 第3版 要闻", "running_head"),
        ("经济日报", "masthead"),
        # as other papers print them: a two-letter edition, a rule before the section, the
        # section first, a dotted date, the page's editors closing the running head
        ("南方都市报 2024年4月12日 星期五 GA05 深圳读本", "running_head"),
        ("第4版 ▏国际", "edition_line"),
        ("第4版 │ 国际", "edition_line"),
        ("要闻 A2", "edition_line"),
        ("国际 第4版", "edition_line"),
        ("A07 2024.3.5 星期二 责编 张三 美编 李四", "running_head"),
        ("A05 北京新闻 本版编辑 / 王 磊 美编 / 刘 芳 责校 / 陈 晨", "running_head"),
        ("2021年11月15日 星期一 第3版 要闻 编辑：张三", "running_head"),
        ("统筹：王海 编辑：李丽 校对：赵敏", "editor_line"),
        ("值班主任：李明 审读：王刚", "editor_line"),
        ("图片编辑：周颖 视觉设计：李想", "editor_line"),
        ("责编 张三 美编 李四", "editor_line"),
        ("编辑 张三", "editor_line"),
        ("責編 張三 美編 李四", "editor_line"),
        ("本版责编：张三 版式：李四", "editor_line"),
        ("版面编辑：张三", "editor_line"),
        ("责任编辑：阿依古丽·买买提", "editor_line"),
        ("责任编辑：张 三", "editor_line"),
        ("第3版（要闻）", "edition_line"),
        ("新闻热线：0755-83518888", "desk_contact"),
        ("报料热线 0755-83518888 邮箱：baoliao@example.com", "desk_contact"),
        ("人 民 日 报 海 外 版", "masthead"),
        ("扫码看视频", "scan_prompt"),
        ("扫描二维码 查看更多内容", "scan_prompt"),
        ("扫一扫，听新闻", "scan_prompt"),
        ("（扫描上方二维码观看直播）", "scan_prompt"),
        ("手机扫码阅读全文", "scan_prompt"),
    ],
)
def test_furniture_kinds(text, kind):
    assert furniture.block_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "详见第3版。",
        "本报今日第3版刊登了条例全文",
        "第二版本说明",
        "上接第一版",
        "（下转第2版）",
        "（记者 张冲）",
        "（摄影：徐烨）",  # a photo credit in brackets belongs to its article
        "（本报记者 张冲 编辑部供稿）",
        "本报记者 张冲",
        "2021年，全市共办理案件3460余件。",
        "责任编辑对稿件负责。",
        "电话：010-65363000",  # a contact alone may be the article's own
        "编辑说：这篇稿子很好。",
        "版权所有",
        "第3版\n本报今日刊登了条例全文，详见内文。",  # one line is not furniture
        # a headline that opens with a date, or names a paper, is no running head
        "2022年2月4日北京冬奥会开幕",
        "2022年2月4日 北京冬奥会开幕",
        "2021年全市经济运行情况",
        "2024.03.05",  # a date alone may be the article's own
        "2024.03.05发布新规",
        "人民日报创刊七十五周年座谈会在京举行",
        "2021年11月15日 星期一 第3版 要闻 编辑 张三",
        # sentences and headlines that mention an editor, a hotline, a page or a paper
        "编辑张三告诉记者，这组报道前后改了五稿。",
        "本版编辑部收到读者来信",
        "值班主任的一天",
        "统筹 城乡 发展",  # 统筹 with no colon is a verb
        "编辑 张三告诉记者",
        "校对 一字之差",
        "编辑 手记",  # a column's title
        "如有线索，请拨打新闻热线：0755-83518888。",
        "新闻热线连着民心",
        "热线电话：12345",  # a service's number alone may be the article's own
        "要闻 速览",
        # a credit with the headline under it run on into one line is no editors' line
        "责任编辑：张晓光挑战与机遇同在 访农业部副部长万宝瑞",
        "扫码看病成为现实",  # headlines about scanning tell news
        "扫码支付走进菜市场",
        "扫码点餐",
        "经济 2",
        "第4版 ▏国际新闻回顾与展望专题报道",
        "南方都市报记者从市教育局获悉",
        "新京报",  # a paper's name that does not end in 日报 is judged by where it stands
        "喜报",
    ],
)
def test_furniture_leaves_text(text):
    assert furniture.block_kind(text) is None


def test_furniture_after_normalize_spacing():
    """A letter-spaced running head is furniture as normalize would leave it too."""
    assert furniture.block_kind("法 治 日 报 2021年11月15日 星期一") == "running_head"


def test_furniture_records_removed_blocks():
    text = "法治日报 2021年11月15日 星期一 第3版\n\n# 标题\n\n正文。\n\n- 3 -\n\n![](a.jpg)"
    page, new_page, repairs = run_filter(furniture, text)
    assert [b.text for b in new_page.blocks] == ["标题", "正文。"]
    assert [r.reason for r in repairs] == [
        "page_furniture: running_head",
        "page_furniture: page_number",
        "page_furniture: image_reference",
    ]
    assert [r.confidence for r in repairs] == [0.95, 0.95, 0.99]
    check_records(furniture, page, new_page, repairs)


def test_furniture_flags_captioned_image():
    text = "正文。\n\n![新华社记者 王刚 摄 民警在工作](images/c3.jpg)"
    page, new_page, repairs = run_filter(furniture, text)
    assert new_page is page
    assert [r.action for r in repairs] == ["flagged"]
    assert repairs[0].reason.startswith("page_furniture: image_with_caption")


def test_a_bare_number_amid_the_text_stays_and_is_flagged():
    page = (
        "# 天津杨村见闻\n\n□ 新华社记者 孙茂庆\n\n1\n\n天津，杨村。\n\n第二段。\n\n2\n\n"
        "第三段。\n\n第四段。\n\n- 3 -\n"
    )
    result = clean(page)
    assert [p for p in result.articles[0].paragraphs() if p.isdigit()] == ["1", "2"]
    found = [(r.action, r.before) for r in result.repairs if r.filter == "furniture"]
    assert found == [("flagged", ""), ("flagged", ""), ("removed", "- 3 -")]


def test_a_dashed_page_number_amid_the_text_is_removed():
    page = (
        "# 地铁新线开通\n\n第一段。\n\n第二段。\n\n- 2 -\n\n"
        "# 三所学校开学\n\n第三段。\n\n第四段。\n\n2\n\n第五段。\n\n第六段。\n"
    )
    result = clean(page)
    found = [(r.action, r.before) for r in result.repairs if r.filter == "furniture"]
    assert found == [("removed", "- 2 -"), ("flagged", "")]
    assert "- 2 -" not in [p for a in result.articles for p in a.paragraphs()]


MASTHEADS = [
    "明報",
    "聯合報",
    "大公報",
    "新京报",
    "南方都市报",
    "参考消息",
    "每日经济新闻",
    "21世纪经济报道",
]
SECTION_LABELS = ["要闻", "国际新闻", "要闻·综合", "**时政**"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [(name, "masthead") for name in MASTHEADS]
    + [(label, "section_label") for label in SECTION_LABELS],
)
@pytest.mark.parametrize("style", ["markdown", "plain"])
def test_a_masthead_or_the_pages_section_atop_the_page_is_furniture(line, kind, style):
    """(the page's section named alone under the masthead, as well as above the headline)"""
    if style == "markdown":
        above = "经济日报\n\n" if kind != "masthead" else ""
        page = f"{above}{line}\n\n# 地铁新线开通运营\n\n本报讯 新线今天开通运营，全长九公里。\n"
    else:
        page = (
            f"{line.strip('*')}\n地铁新线开通运营\n　　本报讯 新线今天开通运营，全长九公里，设站八座，\n"
            "沿线居民出行更加方便。\n　　据介绍，新线采用全自动运行系统，最高时速每小时\n"
            "一百公里。\n"
        )
    result = clean(page)
    (article,) = result.articles
    assert (article.kicker, article.title) == (None, "地铁新线开通运营")
    removed = [(r.reason, r.before) for r in result.repairs if r.filter == "furniture"]
    masthead = (
        [("page_furniture: masthead", "经济日报")]
        if style == "markdown" and kind != "masthead"
        else []
    )
    assert removed == masthead + [(f"page_furniture: {kind}", line.strip("*"))]


@pytest.mark.parametrize(
    "page",
    [
        # a kicker, or a headline, that ends in a word for a report
        "年终战报\n\n# 一份特殊的成绩单\n\n本报讯 今年全市新增学位3.2万个。\n",
        "喜报\n\n# 一份特殊的成绩单\n\n本报讯 今年全市新增学位3.2万个。\n",
        "捷报频传\n\n# 一份特殊的成绩单\n\n本报讯 今年全市新增学位3.2万个。\n",
        # a paper's name amid the text, with no furniture beside it, is the article's heading
        "# 百年报刊里的城市记忆\n\n第一段。\n\n### 大公报\n\n大公报创刊于1902年。\n\n"
        "### 新民报\n\n新民报影响很大。\n\n结尾一段。\n",
        "# 百年报刊里的城市记忆\n\n第一段。\n\n新京报\n\n第二段。\n",
    ],
)
def test_a_name_like_a_papers_stays_where_no_masthead_stands(page):
    result = clean(page, only=("furniture",))
    assert [r for r in result.repairs if r.filter == "furniture"] == []


def test_a_masthead_beside_other_furniture_is_furniture_midpage():
    page = (
        "# 地铁新线开通\n\n第一段。\n\n第二段。\n\nA05 北京新闻\n\n参考消息\n\n"
        "要闻 A2\n\n# 外媒关注中国经济\n\n第三段。\n\n第四段。\n"
    )
    result = clean(page, only=("furniture",))
    found = [r.before for r in result.repairs if r.filter == "furniture"]
    assert found == ["参考消息", "要闻 A2"]


def test_a_section_name_amid_the_text_stays():
    page = "# 百年报刊里的城市记忆\n\n第一段。\n\n### 国际\n\n第二段。\n\n经济\n\n第三段。\n"
    result = clean(page, only=("furniture",))
    assert [r for r in result.repairs if r.filter == "furniture"] == []


OTHER_PAPERS = sorted((Path(__file__).parent / "cases" / "furniture").glob("*.in.txt"))


@pytest.mark.parametrize("path", OTHER_PAPERS, ids=lambda p: p.name)
def test_pages_of_other_papers_clean_to_articles_and_stay_clean(path):
    """Each page's furniture goes, no furniture line is left as an article of its own (a
    running head read as a headline with nothing under it), and fix's output is fixed."""
    result = clean(path.read_text(encoding="utf-8"))
    assert all(a.title and a.paragraphs() and not a.kicker for a in result.articles)
    once = markdown(result.articles)
    assert markdown(clean(once).articles) == once


def test_a_heading_of_rule_marks_is_a_heading_not_a_rule():
    result = clean("# 标题\n\n第一段。\n\n### ***\n\n第二段。\n\n***\n\n第三段。\n")
    (article,) = result.articles
    assert [s.heading for s in article.sections] == [None, "***"]
    assert article.paragraphs() == ["第一段。", "第二段。", "第三段。"]
    assert [(r.action, r.before) for r in result.repairs] == [("removed", "***")]
    # on plain OCR a line of stars is the page's ornament, kept like ＊＊＊
    plain = clean("天津杨村见闻\n　　第一段。\n***\n　　第二段。\n")
    assert plain.articles[0].paragraphs() == ["第一段。", "***", "第二段。"]
