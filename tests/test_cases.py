"""Golden cases, one folder per filter.

``tests/cases/<filter>/<case>.in.txt`` run through that filter alone must render exactly as
``<case>.out.txt``, and again unchanged when fed its own output.  Every file in
``tests/cases/<filter>/negative/`` must come through that filter with no change at all.
Set NEWSCLEAN_REGOLD=1 to rewrite the expected files after a reviewed change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsclean import FILTER_ORDER, clean
from newsclean.render import markdown

CASES = Path(__file__).parent / "cases"


def _cases(pattern: str):
    found = []
    for filter_dir in sorted(p for p in CASES.iterdir() if p.is_dir()):
        for path in sorted(filter_dir.glob(pattern)):
            found.append(pytest.param(filter_dir.name, path, id=f"{filter_dir.name}/{path.name}"))
    return found


def _run(text: str, name: str):
    return clean(text, source="case", only=(name,))


@pytest.mark.parametrize(("name", "path"), _cases("*.in.txt"))
def test_golden(name, path):
    assert name in FILTER_ORDER, f"cases folder {name} names no filter"
    expected_path = path.with_name(path.name.replace(".in.txt", ".out.txt"))
    result = _run(path.read_text(encoding="utf-8"), name)
    got = markdown(result.articles)
    if os.environ.get("NEWSCLEAN_REGOLD"):
        expected_path.write_text(got, encoding="utf-8")
    assert got == expected_path.read_text(encoding="utf-8")
    assert any(r.filter == name for r in result.repairs), "a golden case must exercise its filter"
    again = markdown(_run(got, name).articles)
    assert again == got, "the filter is not stable on its own output"


@pytest.mark.parametrize(("name", "path"), _cases("negative/*.txt"))
def test_negative(name, path):
    text = path.read_text(encoding="utf-8")
    result = _run(text, name)
    changes = [r for r in result.repairs if r.changes_text]
    assert changes == [], f"{name} changed text it must leave alone: {changes[:3]}"
    if name != "structure":  # structure regroups blocks without changing their text
        untouched = clean(text, source="case", skip=FILTER_ORDER)
        assert markdown(result.articles) == markdown(untouched.articles)
