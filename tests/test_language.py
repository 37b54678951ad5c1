"""The news-prose character table behind seam judgements (newsclean.language)."""

from __future__ import annotations

import doctest
import gzip

import newsclean.language as language
from newsclean.language import (
    build_table,
    clause_end_logit,
    clause_start_logit,
    pair_pmi,
    seam_pmi,
)
from newsclean.language_table import main


def test_doctests():
    result = doctest.testmod(language)
    assert result.attempted > 0 and result.failed == 0


def test_words_read_on_and_fresh_starts_do_not():
    assert pair_pmi("耕", "地") > 3  # 乱占|耕地
    assert pair_pmi("活", "动") > 3
    assert pair_pmi("设", "做") < pair_pmi("基", "层")


def test_no_evidence_without_two_han_characters():
    assert seam_pmi("GOIP", "设备") is None
    assert seam_pmi("增长36.6", "%") is None
    assert seam_pmi("", "层") is None
    assert pair_pmi("𠀀", "层") is None  # a character the table has never seen


def test_only_pairs_several_articles_use_are_kept():
    articles = [
        {"title": "基层治理", "paragraphs": ["面向基层。"]},
        {"title": None, "paragraphs": ["基层工作", "独有词语"]},
        {"paragraphs": ["基层"]},
    ]
    rows = build_table(articles)
    table = {key: n for kind, key, n in rows if kind in "cp"}
    assert table["基层"] == 4  # used by all three articles, counted every time
    assert "独有" not in table  # one article's wording
    assert table["基"] == 4 and table["独"] == 1
    # characters before a clause mark and after one
    assert {key: n for kind, key, n in rows if kind == "e"} == {"层": 1}
    assert {key: n for kind, key, n in rows if kind == "s"} == {}


def test_clause_edges():
    # 的 never ends a clause, 但 seldom; 但 often opens one, 的 never
    assert clause_end_logit("的") < clause_end_logit("说")
    assert clause_start_logit("但") > 0 > clause_start_logit("的")
    assert clause_end_logit("𠀀") is None


def test_rebuilding_gives_the_same_bytes(tmp_path):
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text('{"title": "基层", "paragraphs": ["基层治理"]}\n' * 3, encoding="utf-8")
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    assert main([str(corpus), str(first)]) == 0
    assert main([str(corpus), str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    lines = gzip.decompress(first.read_bytes()).decode("utf-8").splitlines()
    assert "p6\t基层" in lines and "c3\t治 理" in lines
    assert main([]) == 2
