"""The real page: what a user of ``newsclean fix --format jsonl`` must get from it."""

from __future__ import annotations

import json

import pytest
import regex

from newsclean import clean, parse
from newsclean.conservation import account
from newsclean.render import jsonl, markdown


@pytest.fixture(scope="module")
def result(seed_text):
    return clean(seed_text, source="seeds/000_f9189766c98bbe8f.txt")


@pytest.fixture(scope="module")
def records(result):
    return [json.loads(line) for line in jsonl(result.articles).splitlines()]


def _paragraphs(records):
    return [p for r in records for s in r["sections"] for p in s["paragraphs"]]


def test_one_copy_of_the_loop_remains(records):
    copies = [p for p in _paragraphs(records) if p.startswith("“争创世界一流的平安城市")]
    assert len(copies) == 1


def test_column_breaks_joined_and_false_joins_refused(records):
    paragraphs = _paragraphs(records)
    assert any("面向基层‘三个面向’工作体系" in p for p in paragraphs)
    assert any("对全国农村乱占耕地建房问题整改工作" in p for p in paragraphs)
    assert not any("市场主体鞍山全面建成" in p for p in paragraphs)
    assert not any("专业化建设议" in p for p in paragraphs)
    assert not any(p[-3:] == "面向基" for p in paragraphs)


def test_continued_pieces(records):
    continued = [r for r in records if r["continued_from"] is not None]
    assert [r["continued_from"] for r in continued] == [1, 1]
    assert [r["jump_headline"] for r in continued] == [None, "地毯式清查 穿透式整改"]
    assert all(r["title"] is None for r in continued)
    assert not any("上接" in p for p in _paragraphs(records))


def test_punctuation_made_full_width_but_figures_intact(records):
    text = "\n".join(_paragraphs(records))
    assert not regex.search(r"(?<=\p{Han})[,;:?!()]|[,;:?!()](?=\p{Han})", text)
    for kept in ("36.6%", "2.71亿元", "9+X", "GOIP", "1+7", "12345"):
        assert kept in text


def test_headings_and_bylines(records):
    titled = [r for r in records if r["title"]]
    assert [r["title"] for r in titled] == [
        "辽宁因地制宜市域社会治理各具特色",
        "连云港市推进常态化扫黑除恶向纵深发展",
        "国务院安委会对3起重大事故查处挂牌督办",
        "不得利用数据在算法等方面设置不合理限制和障碍",
        "采取“长牙齿”的硬措施 织密耕地保护防护网",
    ]
    by_title = {r["title"]: r for r in titled}
    liaoning = by_title["辽宁因地制宜市域社会治理各具特色"]
    assert liaoning["subtitle"] == "市域社会治理创新之路"
    assert liaoning["bylines"] == ["本报记者 张国强 韩宇"]
    lyg = by_title["连云港市推进常态化扫黑除恶向纵深发展"]
    assert lyg["kicker"] == "回应群众期待 捍卫社会正义"
    assert lyg["bylines"] == ["本报记者 张冲", "本报通讯员 常瑞"]
    assert by_title["不得利用数据在算法等方面设置不合理限制和障碍"]["kicker"].startswith(
        "国家网信办公布"
    )
    assert by_title["采取“长牙齿”的硬措施 织密耕地保护防护网"]["kicker"].startswith(
        "自然资源部通报"
    )
    assert by_title["国务院安委会对3起重大事故查处挂牌督办"]["dateline"].startswith(
        "本报北京11月14日讯"
    )
    assert len(records) == 7


def test_nothing_lost_nothing_invented(seed_text, result):
    lost, invented = account(parse(seed_text), result.articles, result.repairs)
    assert not lost and not invented


def test_every_repair_is_explained(result):
    for r in result.repairs:
        assert r.filter and r.action and r.reason and 0 < r.confidence <= 1 and r.line >= 1


def test_fix_is_idempotent(result):
    once = markdown(result.articles)
    twice = markdown(clean(once).articles)
    assert twice == once
