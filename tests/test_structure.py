"""Structure on plain OCR text: headlines, kickers and parallel section headings."""

from __future__ import annotations

from newsclean import clean


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
