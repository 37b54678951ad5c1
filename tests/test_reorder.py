"""Reading-order repair (reorder): column bleed on the real page, and nothing moved elsewhere.

The seed page (see DESIGN.md) was read out of column order: the end of the Liaoning article
and the end of the Lianyungang article sit inside the Shanghai piece that starts at
``### 上接第一版``.  These tests pin where every moved paragraph and section heading must end
up, that moves carry their evidence, that pages without bleed keep their order, and that the
filter leaves doubtful spots flagged rather than moved.
"""

from __future__ import annotations

import doctest
import math
from pathlib import Path

import pytest

import newsclean.affinity as affinity_module
import newsclean.filters.reorder as reorder_module
from newsclean import clean
from newsclean.affinity import Affinity, page_bigrams, shared_terms
from newsclean.render import markdown

CASES = Path(__file__).parent / "cases" / "reorder"
LIAONING = "辽宁因地制宜市域社会治理各具特色"
LIANYUNGANG = "连云港市推进常态化扫黑除恶向纵深发展"

# the paragraphs each article owns on the seed page, by their opening characters
LIAONING_RETURNED = ["鞍山全面建成", "本溪实现行政执法", "“全市160个执法主体", "在盘锦，通过整合"]
LIAONING_LAST_SECTION = ["2020年，盘锦保持", "盘锦市在推行网格员队伍专业化建设"]
LIANYUNGANG_RETURNED = ["议，共同研究落实"]
LIANYUNGANG_LAST_SECTION = ["“‘警察’说我驾驶证过期了", "“随着通讯设备", "今年3月，研判发现"]
SHANGHAI_OWN = [
    "截至2020年底",
    "市委政法委牵头",
    "虹口区组织法律",
    "除了城市发展",
    "市公安局通过搭建",
    "做好简政放权",
    "“创新‘减租手’",
    "宜居、包容、共建",
    "“争创世界一流",
    "上海市副市长",
    "今年4月以来",
    "“我们建设带队建促业务增动力”",
]


@pytest.fixture(scope="module")
def result(seed_text):
    return clean(seed_text, source="seed")


def _by_title(result, title):
    found = [a for a in result.articles if a.title == title]
    assert len(found) == 1, f"one article titled {title}"
    return found[0]


def _shanghai(result):
    found = [a for a in result.articles if a.continued_from is not None and a.title is None]
    found = [a for a in found if a.paragraphs() and a.paragraphs()[0].startswith("截至2020年底")]
    assert len(found) == 1
    return found[0]


def _index(paragraphs, prefix):
    hits = [i for i, p in enumerate(paragraphs) if p.startswith(prefix)]
    assert len(hits) == 1, f"exactly one paragraph starts {prefix!r}: {hits}"
    return hits[0]


def test_liaoning_gets_its_paragraphs_and_last_section_back_in_order(result):
    art = _by_title(result, LIAONING)
    headings = [s.heading for s in art.sections]
    assert headings[-3:] == ["党建引领激发效能", "科技助力释放动能", "制度保障挖掘潜能"]
    before_last = art.sections[-2].paragraphs
    assert before_last[0].startswith("去年12月")
    assert before_last[2].startswith("实践证明")
    # the returned run follows the article's own last paragraph before it, in stream order
    assert [_index(before_last, p) for p in LIAONING_RETURNED] == [3, 4, 5, 6]
    assert len(before_last) == 7
    last = art.sections[-1].paragraphs
    assert [p[: len(q)] for p, q in zip(last, LIAONING_LAST_SECTION)] == LIAONING_LAST_SECTION
    assert len(last) == 2


def test_lianyungang_gets_its_paragraphs_and_section_back(result):
    art = _by_title(result, LIANYUNGANG)
    first = art.sections[0].paragraphs
    assert first[2].startswith("今年以来，该市打掉")
    assert first[3].startswith(LIANYUNGANG_RETURNED[0])
    section = next(s for s in art.sections if s.heading == "全民反诈 举报有奖")
    assert [p[: len(q)] for p, q in zip(section.paragraphs, LIANYUNGANG_LAST_SECTION)] == (
        LIANYUNGANG_LAST_SECTION
    )
    # 每案自查… may end either here or in the Shanghai piece, but nowhere else
    assert len(section.paragraphs) in (3, 4)


def test_shanghai_piece_keeps_only_its_own(result):
    paragraphs = _shanghai(result).paragraphs()
    rest = [p for p in paragraphs if not p.startswith("“每案自查")]
    assert [_index(rest, p) for p in SHANGHAI_OWN] == list(range(len(SHANGHAI_OWN)))
    assert len(rest) == len(SHANGHAI_OWN)
    assert [s.heading for s in _shanghai(result).sections] == [None]


def test_every_moved_paragraph_appears_once(result):
    paragraphs = [p for a in result.articles for p in a.paragraphs()]
    moved = LIAONING_RETURNED + LIAONING_LAST_SECTION + LIANYUNGANG_RETURNED
    for prefix in [*moved, *LIANYUNGANG_LAST_SECTION, "“每案自查"]:
        assert sum(p.startswith(prefix) for p in paragraphs) == 1, prefix


def test_cut_sentence_joined_to_its_real_partner_only(result):
    text = [p for a in result.articles for p in a.paragraphs()]
    assert not any("专业化建设议" in p for p in text)
    assert any(p.endswith("盘锦市在推行网格员队伍专业化建设") for p in text)
    assert not any("市场主体鞍山" in p for p in text)


def test_moves_carry_evidence_and_confidence(result):
    moves = [r for r in result.repairs if r.filter == "reorder" and r.action == "moved"]
    assert len(moves) == 2
    liaoning, lianyungang = moves
    for move in moves:
        assert move.before == move.after == ""
        assert 0.6 <= move.confidence <= 1.0
        assert move.reason.startswith("bleed: ")
        assert "moved from 「截至2020年底" in move.reason
        assert "margin" in move.reason
    assert len(liaoning.blocks) == 7
    assert "「鞍山全面建成市、县、…」 … 「盘锦市在推行网格员队…」" in liaoning.reason
    assert f"to 「{LIAONING[:12]}…」" in liaoning.reason
    assert "本溪" in liaoning.reason and "column break before it" in liaoning.reason
    assert len(lianyungang.blocks) == 5
    assert "连云港市" in lianyungang.reason and "starts mid-sentence" in lianyungang.reason


def test_fix_is_idempotent_and_moves_nothing_the_second_time(result):
    once = markdown(result.articles)
    again = clean(once, source="seed")
    assert markdown(again.articles) == once
    assert not [r for r in again.repairs if r.filter == "reorder" and r.action == "moved"]


def test_without_reorder_the_bleed_stays(seed_text):
    """The placements above are this filter's work: skipped, the runs stay in the Shanghai
    piece."""
    off = clean(seed_text, source="seed", skip=("reorder",))
    shanghai = _shanghai(off).paragraphs()
    assert any("鞍山全面建成" in p for p in shanghai)
    assert any(p.startswith("2020年，盘锦保持") for p in shanghai)


def test_below_threshold_nothing_moves_and_the_spots_are_flagged(seed_text):
    strict = clean(seed_text, source="seed", reorder_threshold=0.999)
    reorder = [r for r in strict.repairs if r.filter == "reorder"]
    assert reorder and all(r.action == "flagged" for r in reorder)
    assert any("below 0.999" in r.reason for r in reorder)
    off = clean(seed_text, source="seed", skip=("reorder",))
    assert markdown(strict.articles) == markdown(off.articles)


def test_page_without_bleed_moves_nothing(seed_text):
    # the seed's last four pieces, read in order
    start = seed_text.index("# 国务院安委会")
    page = seed_text[start:]
    with_reorder = clean(page, source="tail")
    without = clean(page, source="tail", skip=("reorder",))
    assert not [r for r in with_reorder.repairs if r.filter == "reorder"]
    assert markdown(with_reorder.articles) == markdown(without.articles)


def test_seed_in_reading_order_moves_nothing(result):
    """The repaired page, with every article contiguous, is a page without bleed."""
    fixed = markdown(result.articles)
    again = clean(fixed, source="fixed", only=("structure", "reorder"))
    assert not [r for r in again.repairs if r.action == "moved"]


SYNTHETIC_CLEAN = "\n\n".join(
    [
        "# 全国春运今天开始 铁路部门加开临客",
        "本报北京1月10日讯 记者王晓 1998年春运今天开始，铁路部门预计全国铁路发送旅客1.2亿人次。",
        "铁道部春运办负责人介绍，今年春运铁路将加开临时旅客列车二百多对。",
        "春运期间，北京、上海、广州等大车站将增设售票窗口，旅客可以提前十天预订车票。",
        "铁路公安部门将加强站车治安管理，严厉打击倒卖车票违法犯罪活动。",
        "# 林芝驻军冒雪救灾",
        "本报拉萨1月10日电 记者李强 连日来，西藏林芝地区遭受罕见暴风雪袭击。",
        "驻军各部队派出救灾分队深入牧区，帮助受灾牧民抢修房屋、转移牲畜。",
        "铁路、公路部门也派出抢修队，与驻军官兵一起打通被积雪阻断的道路。",
        "救灾官兵还组织医疗队为牧区群众义诊送药。",
        "# 首都各界迎春茶话会举行",
        "本报北京1月10日讯 首都各界迎春茶话会今天在人民大会堂举行。",
        "与会者表示，要在新的一年里再接再厉，为首都发展作出新贡献。",
    ]
)


def test_synthetic_page_without_bleed_moves_nothing():
    # the 林芝 article mentions 铁路 and 公路 once: a shared word is not a bleed
    result = clean(SYNTHETIC_CLEAN, source="synthetic")
    assert not [r for r in result.repairs if r.filter == "reorder" and r.action == "moved"]
    assert [len(a.paragraphs()) for a in result.articles] == [4, 4, 2]


WEAK_SEAM = """\
# 鞍山推进市域社会治理

□ 本报记者 张国强

鞍山市建成市、县、乡、村四级社会治理综合服务中心，实行部门派驻、一站式纠纷解决机制。

鞍山市将网格化管理服务平台全部接入四级中心，打造市域社会治理“最强大脑”。

鞍山市委书记说，这项工作要

# 连云港推进扫黑除恶

□ 本报记者 张冲

连云港市打掉恶势力犯罪集团10个，破获涉黑涉恶案件339起，连云港扫黑除恶专项斗争成效明显。

连云港市公安局反诈中心实时监测境外诈骗电话，民警紧随诈骗电话向群众发出预警短信。

各项措施落到实处，群众满意度明显提升。

连云港市检察院推进扫黑除恶常态化，对全市自然资源领域行业乱象开展深入整治。
"""


def test_cut_sentence_alone_moves_nothing():
    # 这项工作要 | 各项措施落到实处 could read on, but the paragraph shares no name with
    # the Anshan article: a plausible seam without wording is left where it is
    result = clean(WEAK_SEAM, source="weak")
    assert not [r for r in result.repairs if r.filter == "reorder" and r.action == "moved"]
    assert [len(a.paragraphs()) for a in result.articles] == [3, 4]


def test_single_article_page_never_moves():
    page = "\n\n".join(
        [
            "# 辽宁因地制宜市域社会治理各具特色",
            "鞍山全面建成市、县、乡、村四级社会治理综合服务中心。",
            "连云港市推进扫黑除恶常态化的做法引起关注。",
            "上海市政法机关参与城市精细化治理。",
        ]
    )
    result = clean(page, source="single")
    assert not [r for r in result.repairs if r.filter == "reorder"]


def test_run_for_an_article_that_opens_later_goes_to_its_end():
    # the article's first paragraphs stand under its headline, so a run read before that
    # headline is from further on: with nothing else to place it, it goes to the end
    page = (CASES / "later_article.in.txt").read_text(encoding="utf-8")
    result = clean(page, source="later")
    moves = [r for r in result.repairs if r.filter == "reorder"]
    assert [r.action for r in moves] == ["moved"]
    assert moves[0].reason.endswith("placed at its article's end")
    first, second = result.articles
    assert not any("林芝" in p for p in first.paragraphs())
    assert second.title == "林芝驻军冒雪救灾"
    assert [p[:6] for p in second.paragraphs()] == [
        "本报拉萨1月",
        "林芝驻军各部",
        "救灾官兵还组",
        "截至目前，林",
        "西藏自治区林",
        "林芝军分区组",
    ]


def test_affinity_prefers_the_article_sharing_names():
    texts = ["鞍山市推进社会治理", "鞍山市强化基层治理", "连云港市扫黑除恶", "连云港市反诈"]
    aff = Affinity(page_bigrams(texts), labels=[0, 0, 1, 1])
    assert aff.scores(1)[0] > aff.scores(1)[1]
    assert aff.scores(3)[1] > aff.scores(3)[0]
    # left out of the profiles, a block is no evidence for itself
    assert aff.scores(1, leave_out=[0, 1])[0] <= aff.scores(1)[0]


def _reference_scores(grams, labels, weights, i, leave_out, gram_weights=({}, 1.0)):
    """Affinity scores computed the plain way, bigram by bigram."""
    table, default = gram_weights
    counts, sizes = {}, {}
    for gs, label, w in zip(grams, labels, weights):
        if label < 0 or w <= 0:
            continue
        sizes[label] = sizes.get(label, 0.0) + w * len(gs)
        for g in gs:
            counts.setdefault(g, {}).setdefault(label, 0.0)
            counts[g][label] += w
    for j in leave_out:
        if labels[j] < 0 or weights[j] <= 0:
            continue
        sizes[labels[j]] -= weights[j] * len(grams[j])
        for g in grams[j]:
            counts[g][labels[j]] -= weights[j]
    total = sum(sizes[k] for k in sorted(sizes))
    scale = {k: total / (max(sizes[k], 1e-9) * 2.0) for k in sizes}
    out = dict.fromkeys(sorted(sizes), 0.0)
    for g in grams[i]:
        for k, c in counts.get(g, {}).items():
            if c > 1e-9:
                out[k] += table.get(g, default) * math.log1p(c * scale[k])
    return out


# topic words weigh less than names, as newsclean.language.specificity has them
GRAM_WEIGHTS = ({"社会": 0.2, "治理": 0.5, "中心": 0.3, "市民": 0.4}, 1.5)


@pytest.mark.parametrize("gram_weights", [None, GRAM_WEIGHTS])
def test_affinity_shortcuts_agree_with_the_plain_sums(gram_weights):
    texts = [
        "# 鞍山推进市域社会治理",
        "鞍山市建成四级社会治理综合服务中心，鞍山市民办事更方便。",
        "鞍山市委书记说，鞍山强化党建引领，社会治理见实效。",
        "鞍山市网格员巡查社区，鞍山社会治理综合服务中心接到消息。",
        "# 连云港推进扫黑除恶",
        "连云港市打掉恶势力犯罪集团，连云港扫黑除恶成效明显。",
        "连云港市公安局反诈中心向群众发送预警短信，社会治理见实效。",
        "连云港市民纷纷点赞扫黑除恶，公安局反诈中心获表彰。",
        "另有一段不属于任何文章的话，社会治理",
    ]
    labels = [0, 0, 0, 0, 1, 1, 1, 1, -1]
    weights = [2.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0, 0.5, 1.0]
    grams = page_bigrams(texts)
    aff = Affinity(grams, labels, weights, gram_weights=gram_weights)
    reference = {"gram_weights": gram_weights} if gram_weights else {}
    cases = [(i, [i]) for i in range(len(texts))]
    cases += [(2, [1, 2, 3]), (3, [2, 3]), (1, [2, 3]), (5, [2, 3]), (6, [5, 7]), (8, [1])]
    cases += [(6, [6, 7]), (2, [0, 2]), (3, []), (8, [])]
    for i, leave_out in cases:
        got = aff.scores(i, leave_out)
        want = _reference_scores(grams, labels, weights, i, leave_out, **reference)
        assert got.keys() == want.keys()
        assert all(got[k] == pytest.approx(want[k], abs=1e-9) for k in want), (i, leave_out)
    for i in range(len(texts)):  # the block alone left out, by its own shortcut
        want = _reference_scores(grams, labels, weights, i, [i], **reference)
        assert aff.scores(i) == pytest.approx(want), i
    span = [1, 2, 3]
    rows = aff.scores_of(span, span)
    for i, row in zip(span, rows):
        assert row == pytest.approx(_reference_scores(grams, labels, weights, i, span, **reference))


def test_quoted_passages_are_no_evidence():
    quote = "坚持一个中国的原则是发展两岸关系的基础"
    grams = page_bigrams([f"他说，{quote}。", f"讲话指出，{quote}。", "另一段话"])
    assert "一个" not in grams[0] and "他说" in grams[0]


def test_shared_terms_name_what_only_the_target_has():
    assert shared_terms("本溪实现行政执法全覆盖", "鞍山、本溪、锦州市", "上海市行政执法") == [
        "本溪"
    ]


@pytest.mark.parametrize("module", [reorder_module, affinity_module], ids=["reorder", "affinity"])
def test_doctests(module):
    failed, attempted = doctest.testmod(module)
    assert attempted > 0 and failed == 0


def test_hopeless_suspects_do_not_overflow():
    # a confidence from a margin of -1000 is 0, not an OverflowError
    assert reorder_module._confidence(-1000.0) < 1e-9
    assert reorder_module._confidence(1000.0) == 0.99


def test_a_moved_block_leaves_its_page_marker_with_its_article():
    """A 下转 line printed after a bled paragraph belongs to the column it was printed in: when
    the paragraph goes back to its own article, the 下转 page stays with the host."""
    page = "\n\n".join(
        [
            "# 鞍山推进市域社会治理",
            "鞍山市建成四级社会治理综合服务中心，鞍山市民办事更方便。",
            "鞍山市委书记说，鞍山强化党建引领，社会治理综合服务中心见实效。",
            "# 连云港推进扫黑除恶",
            "连云港市打掉恶势力犯罪集团，连云港扫黑除恶成效明显。",
            "连云港市公安局反诈中心向群众发送预警短信，连云港市民纷纷点赞扫黑除恶。",
            "鞍山市网格员巡查社区，鞍山市委书记说鞍山社会治理综合服务中心接到消息后迅速维修。",
            "（下转第3版）",
        ]
    )
    anshan, lianyungang = clean(page).articles
    assert anshan.paragraphs()[-1].startswith("鞍山市网格员巡查社区")
    assert (anshan.continued_to, lianyungang.continued_to) == (None, 3)


def test_an_authors_line_under_the_headings_is_no_column_break():
    """研究所副所长 马晓河 under a commentary's headline ends without a mark because it is a
    name, not a cut sentence: a change of article after it costs what one after the headings
    costs, while after a long paragraph cut short a column break makes it cheap."""
    from newsclean.filters import reorder

    page = clean(
        "\n\n".join(
            [
                "# 农业对经济支撑力增强",
                "1997年，我国农业生产全面丰收，农产品供给明显增加。",
                "粮食总产量再创历史新高，农业生产结构调整取得进展，农民收入稳定增长，农业",
                "“农业发展为稳定物价作出了重要贡献。”专家说。",
                "# 优化结构要适应市场变化",
                "中国社会科学院农村发展研究所副所长 马晓河",
                "农产品供给明显增加以后，农业发展进入新阶段。",
                "优化农业生产结构，要适应农产品市场变化。",
            ]
        ),
        only=("structure",),
    ).page
    p = reorder._prepare(page)
    texts = [b.text for b in p.blocks]
    after_author = texts.index("农产品供给明显增加以后，农业发展进入新阶段。")
    after_cut = texts.index("“农业发展为稳定物价作出了重要贡献。”专家说。")
    assert reorder._boundary_cost(p, after_author) == reorder.SWITCH + reorder.AFTER_HEADING
    assert reorder._boundary_cost(p, after_cut) < reorder.SWITCH


SIGNED_OFF_RUN = """\
# 全国春运今天开始 铁路部门加开临客

本报北京1月10日讯 记者王晓 1998年春运今天开始，铁路部门预计春运期间全国铁路发送旅客1.2亿人次，比去年增长5%。

铁道部春运办负责人介绍，今年春运铁路将加开临时旅客列车二百多对，重点缓解春运节前铁路客流高峰。

截至目前，林芝驻军已出动兵力三千多人次，帮助林芝受灾牧民转移牲畜两万多头。（完）

春运期间，北京、上海、广州等大铁路车站将增设春运售票窗口，旅客可以提前十天预订春运铁路车票。

铁路公安部门将加强春运站车治安管理，严厉打击倒卖铁路车票违法犯罪活动，确保春运旅客平安出行。

# 林芝驻军冒雪救灾

本报拉萨1月10日电 记者李强 连日来，西藏林芝地区遭受罕见暴风雪袭击，林芝驻军官兵闻令而动。

林芝驻军各部队派出救灾分队深入牧区，帮助受灾牧民抢修房屋、转移牲畜，打通被积雪阻断的道路。

救灾官兵还组织医疗队为林芝牧区受灾群众义诊送药，林芝地区各族群众称赞子弟兵是高原上的守护神。
"""


def _the_one_move(page: str):
    result = clean(page, source="synthetic")
    moves = [r for r in result.repairs if r.filter == "reorder" and r.action == "moved"]
    assert len(moves) == 1
    return result, moves[0]


def test_a_run_that_signs_its_article_off_goes_to_its_end():
    # read before its article opens, the run would go right after the opening; its sign-off
    # note says it closes the article
    result, move = _the_one_move(SIGNED_OFF_RUN)
    assert "placed at its article's end (it signs the article off)" in move.reason
    # the rail paragraphs either side of it read on without it (春运, 铁路, 旅客)
    assert "the paragraphs either side share more wording with each other" in move.reason
    paragraphs = result.articles[1].paragraphs()
    assert [p[:4] for p in paragraphs] == ["本报拉萨", "林芝驻军", "救灾官兵", "截至目前"]


ENUMERATION_RUN = """\
# 全国春运今天开始 铁路部门加开临客

本报北京1月10日讯 记者王晓 1998年春运今天开始，铁道部对春运铁路工作提出三点要求。

一是加开临时旅客列车，铁路春运加开临客二百多对，重点缓解节前铁路客流高峰。

三是确保春运安全，严禁旅客携带易燃易爆物品进站上车，铁路春运安全形势总体平稳。

# 林芝驻军冒雪救灾

本报拉萨1月10日电 记者李强 连日来，西藏林芝地区遭受罕见暴风雪袭击，林芝驻军官兵闻令而动。

林芝驻军各部队派出救灾分队深入牧区，帮助受灾牧民抢修房屋、转移牲畜，打通被积雪阻断的道路。

二是方便春运旅客购票，铁道部要求铁路大站增设春运售票窗口，缓解节前铁路客流高峰，春运旅客可以提前十天预订临时旅客列车车票。

救灾官兵还组织医疗队为林芝牧区受灾群众义诊送药，林芝地区各族群众称赞子弟兵是高原上的守护神。
"""


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [("一是", "二是", "三是"), ("———第一，", "———第二，", "———第三，"), ("1、", "2、", "3、"),
     ("（一）", "（二）", "（三）"), ("首先，", "其次，", "此外，")],
)  # fmt: skip
def test_a_returned_enumeration_item_goes_between_its_neighbours(first, second, third):
    # read after its article, the item would go to the article's end; 一是 … 三是 place it
    page = ENUMERATION_RUN.replace("一是", first).replace("二是", second)
    result, move = _the_one_move(page.replace("三是", third))
    assert f"placed after 「{first}加开"[:15] in move.reason
    paragraphs = result.articles[0].paragraphs()
    assert [p[: len(first)] for p in paragraphs[1:]] == [first, second, third[: len(first)]]
    assert [p[:4] for p in result.articles[1].paragraphs()] == ["本报拉萨", "林芝驻军", "救灾官兵"]


CONTINUED_RUN = """\
# 全国春运今天开始 铁路部门加开临客

本报北京1月10日讯 记者王晓 1998年春运今天开始，铁路部门预计春运期间全国铁路发送旅客1.2亿人次，比去年增长5%。

铁道部春运办负责人介绍，今年春运铁路将加开临时旅客列车二百多对，重点缓解春运节前铁路客流（下转第二版）

# 林芝驻军冒雪救灾

本报拉萨1月10日电 记者李强 连日来，西藏林芝地区遭受罕见暴风雪袭击，林芝驻军官兵闻令而动。

林芝驻军各部队派出救灾分队深入牧区，帮助受灾牧民抢修房屋、转移牲畜，打通被积雪阻断的道路。

春运期间，铁道部要求北京、上海、广州等大铁路车站增设春运售票窗口，缓解铁路客流高峰，春运旅客可以提前十天预订临时旅客列车车票。

救灾官兵还组织医疗队为林芝牧区受灾群众义诊送药，林芝地区各族群众称赞子弟兵是高原上的守护神。
"""


def test_a_returned_run_goes_before_its_articles_page_marker():
    # read after its article, the run would go to the article's end; the 下转 page ends the
    # piece on this page, so it goes before the paragraph that carries it
    result, _ = _the_one_move(CONTINUED_RUN)
    rail = result.articles[0]
    assert [p[:4] for p in rail.paragraphs()] == ["本报北京", "春运期间", "铁道部春"]
    assert rail.continued_to == 2


def test_a_returned_run_is_not_put_between_a_cut_sentence_and_its_rest():
    page = clean(
        "# 总理到京郊向乡亲们拜年\n\n"
        "新华社北京1月28日电 今天是大年初一，总理来到京郊延庆县农村，给乡亲们拜年。\n\n"
        "总理和赵家父子围坐在一起，亲切地拉起了家常，与赵家父子聊得兴起。当他\n\n"
        "得知赵玉臣的兄长从事眼镜镜片加工时，摘下自己的眼镜，请他鉴定鉴定。\n\n"
        "# 中国民乐轰动维也纳\n\n"
        "本报维也纳1月27日电 中国民族乐团今晚在维也纳金色大厅举行新春音乐会。\n\n"
        "拉家常时，赵家父子告诉总理，家庭收入一年比一年多，总理祝赵家父子新春愉快。\n",
        only=("structure",),
    ).page
    p = reorder_module._prepare(page)
    p.grams = reorder_module._page_grams([b.text for b in p.blocks])
    run = reorder_module._Run(len(p.blocks) - 1, len(p.blocks), target=0)
    cut, rest = 2, 3  # (…聊得兴起。当他 | 得知赵玉臣…)
    weights = reorder_module.specificity_table()
    between, _ = reorder_module._gap_score(p, run, cut, rest, weights)
    at_end, _ = reorder_module._gap_score(p, run, rest, None, weights)
    assert p.blocks[cut].text.endswith("当他")
    assert between < at_end


def test_a_bled_run_with_a_cut_inside_it_moves_once_the_cut_is_joined():
    """A run of bleed (隨後… / 人居住的城堡… / 走進…) read into a sentence of its host (就是天氣時
    | 風時雨): rejoin closes the cut inside the run, and reorder, looking again, returns the
    two paragraphs and lets the host's sentence join, as it would on fix's own output."""
    page = (CASES / "bled_run_with_a_split.page.txt").read_text(encoding="utf-8")
    result = clean(page, source="split-run")
    host = next(a for a in result.articles if a.title == "汪洋中的小木屋")
    assert any("就是天氣時風時雨" in p for p in host.paragraphs())
    assert not any(p.startswith(("隨後", "走進")) for p in host.paragraphs())
    once = markdown(result.articles)
    assert markdown(clean(once).articles) == once
