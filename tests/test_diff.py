"""``newsclean diff``: the unified diff patch applies, the preview, and diff(1) exit codes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import newsclean.io
from newsclean import FILTER_ORDER, clean
from newsclean.cli import ExitCode, cli
from newsclean.diff import char_diff, page_preview, split_lines, summary_rows, unified
from newsclean.model import Block, Kind, Repair, Result
from newsclean.render import markdown

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_f9189766c98bbe8f.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SHORT = "# 标题\n\n他说,今天下雨。我们去看看吧\n\n今天上午。\n"

ANSI = re.compile(r"\x1b\[")


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def fixed(text: str) -> str:
    return markdown(clean(text).articles)


HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def apply_patch(diff_text: str, old: str) -> str:
    """A strict pure-Python patch: every context and removed line must match exactly."""
    src = split_lines(old)
    lines = diff_text.split("\n")
    out: list[str] = []
    pos = 0
    i = 2 if diff_text else 0
    assert not diff_text or (lines[0].startswith("--- a/") and lines[1].startswith("+++ b/"))
    while i < len(lines) and lines[i]:
        start, count = HUNK.match(lines[i]).group(1, 2)
        start = int(start) - (0 if count == "0" else 1)
        out += src[pos:start]
        pos = start
        i += 1
        while i < len(lines) and lines[i][:1] in (" ", "-", "+", "\\"):
            tag, body = lines[i][:1], lines[i][1:] + "\n"
            if i + 1 < len(lines) and lines[i + 1].startswith("\\ No newline"):
                body = body[:-1]
            if tag in " -":
                assert src[pos] == body, f"line {pos + 1} does not match: {src[pos]!r} != {body!r}"
                pos += 1
            if tag in " +":
                out.append(body)
            i += 1
    return "".join(out + src[pos:])


# --- unified --------------------------------------------------------------------------------


def test_unified_equal_is_empty():
    assert unified("甲\n乙\n", "甲\n乙\n", "p") == ""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("甲\n乙", "甲\n乙\n"),  # old lacks the final newline
        ("甲\n乙\n", "甲\n乙"),  # new lacks it
        ("甲", "乙"),
        ("", "甲\n"),
        ("甲\n", ""),
        ("\n\n\n# 题\n\n文,字\n", "# 题\n\n文，字\n"),
        ("a\r\nb\r\n", "a\nb\n"),
    ],
)
def test_unified_applies(old, new):
    diff_text = unified(old, new, "p")
    assert apply_patch(diff_text, old) == new
    if not old.endswith("\n") and old:
        assert "\\ No newline at end of file" in diff_text


def test_unified_hunk_header_for_no_newline():
    assert unified("甲\n乙", "甲\n乙\n", "p").splitlines()[2:] == [
        "@@ -1,2 +1,2 @@",
        " 甲",
        "-乙",
        "\\ No newline at end of file",
        "+乙",
    ]


@given(
    st.lists(st.sampled_from(["甲\n", "乙\n", "\n", "丙丁\n", "a\r\n"]), max_size=30),
    st.lists(st.sampled_from(["甲\n", "乙\n", "\n", "戊\n"]), max_size=30),
    st.booleans(),
)
def test_unified_applies_to_any_pair(a, b, chop):
    old, new = "".join(a), "".join(b)
    if chop:
        old = old.rstrip("\n")
    assert apply_patch(unified(old, new, "p"), old) == new


def test_unified_on_the_seed_turns_input_into_fix_output():
    assert apply_patch(unified(SEED_TEXT, fixed(SEED_TEXT), "seed"), SEED_TEXT) == fixed(SEED_TEXT)


# --- the diff command -----------------------------------------------------------------------


@pytest.fixture
def seed(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    return path


def test_piped_diff_is_a_plain_unified_diff(seed):
    result = run("diff", seed)
    assert result.exit_code == ExitCode.FOUND
    assert result.stderr == ""
    assert not ANSI.search(result.stdout)
    assert result.stdout.startswith(f"--- a/{seed}\n+++ b/{seed}\n@@ ")
    assert apply_patch(result.stdout, SEED_TEXT) == run("fix", seed).stdout


def test_color_unified_diff_only_when_asked(seed):
    assert ANSI.search(run("diff", "--color", seed).stdout)
    assert not ANSI.search(run("diff", "--unified", seed, env={"NO_COLOR": "1"}).stdout)


def test_diff_exit_codes(seed, tmp_path):
    assert run("diff", seed).exit_code == 1
    none = run("diff", "--skip", ",".join(FILTER_ORDER), seed)
    assert none.exit_code == ExitCode.OK
    missing = run("diff", seed, tmp_path / "nope.txt")
    assert missing.exit_code == ExitCode.ERROR
    assert "nope.txt" in missing.stderr and "Traceback" not in missing.stderr


def test_flagged_only_page_is_not_a_repair(tmp_path, monkeypatch):
    flag = Repair("rejoin", "flagged", "truncated_end: …", "", "", 0.8, (1,), 5, 3)

    def flag_only(text, source, config):
        result = clean(text, source=source, skip=FILTER_ORDER)
        return Result(result.page, result.articles, [flag])

    monkeypatch.setattr(newsclean.io, "clean", flag_only)
    page = tmp_path / "p.txt"
    page.write_text("# 题\n\n这段话在栏末被截断\n", encoding="utf-8")
    assert run("diff", page).exit_code == ExitCode.OK
    check = run("check", page)
    assert (check.exit_code, check.stdout) == (ExitCode.OK, "")
    assert "rejoin" in run("explain", page).stdout


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch program")
@pytest.mark.parametrize(
    "content",
    [
        SEED_TEXT.encode("utf-8"),  # the seed has no final newline
        (SEED_TEXT + "\n").encode("utf-8"),
        b"\xef\xbb\xbf" + SHORT.encode("utf-8"),
        SHORT.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["seed", "seed-newline", "bom", "crlf"],
)
def test_diff_piped_to_patch_equals_fix(tmp_path, content):
    page = tmp_path / "page.txt"
    page.write_bytes(content)
    diff_bytes = run("diff", page).stdout_bytes  # .stdout would turn CRLF into LF
    out = tmp_path / "out.txt"
    done = subprocess.run(
        ["patch", "-s", "-o", str(out), str(page)], input=diff_bytes, capture_output=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes() == run("fix", page).stdout_bytes


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch program")
def test_multi_page_diff_applies_with_p1(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    for name, text in (("a.txt", SEED_TEXT), ("b.txt", SHORT)):
        (tmp_path / "pages" / name).write_text(text, encoding="utf-8")
    result = run("diff", "pages/a.txt", "pages/b.txt")
    assert [ln for ln in result.stdout.splitlines() if ln.startswith("--- ")] == [
        "--- a/pages/a.txt",
        "--- a/pages/b.txt",
    ]
    expected = {n: run("fix", f"pages/{n}").stdout for n in ("a.txt", "b.txt")}
    done = subprocess.run(["patch", "-s", "-p1"], input=result.stdout.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr
    for name, text in expected.items():
        assert (tmp_path / "pages" / name).read_text(encoding="utf-8") == text


def test_diff_stat_piped(seed):
    result = run("diff", "--stat", seed)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["filter", "repairs", "flagged", "confidence"]
    changed = {r.filter for r in clean(SEED_TEXT).repairs if r.changes_text}
    assert {ln.split()[0] for ln in lines[1:]} >= changed
    assert "---" not in result.stdout


def test_preview(seed):
    result = run("diff", "--preview", "--no-color", seed)
    assert result.exit_code == 1
    assert result.stderr == ""
    assert not ANSI.search(result.stdout)
    assert str(seed) in result.stdout.splitlines()[0]
    assert "confidence" in result.stdout  # the summary table
    for name in {r.filter for r in clean(SEED_TEXT).repairs}:
        assert name in result.stdout
    assert not result.stdout.startswith("---")


def test_preview_in_color(seed):
    result = run("diff", "--preview", "--color", seed)
    assert ANSI.search(result.stdout)


# --- the preview's pieces -------------------------------------------------------------------


def repair(filter="normalize", action="replaced", before="", after="", line=1, blocks=(0,)):
    return Repair(filter, action, "why", before, after, 0.9, blocks, 0, line)


def test_char_diff_marks_only_the_changed_characters():
    text = char_diff("他说,今天下雨。", "他说，今天下雨。", color=False)
    assert text.plain == "他说[-,-]{+，+}今天下雨。"
    coloured = char_diff("他说,今天下雨。", "他说，今天下雨。", color=True)
    assert coloured.plain == "他说,，今天下雨。"
    styles = {coloured.plain[s.start : s.end]: str(s.style) for s in coloured.spans}
    assert "strike" in styles[","] and "green" in styles["，"]


def test_char_diff_elides_long_equal_runs():
    before = "甲" * 100 + "," + "乙" * 100
    text = char_diff(before, before.replace(",", "，"), color=False).plain
    assert "…" in text and len(text) < 60


def test_duplicates_shown_once_with_count():
    dup = "“争创世界一流的平安城市，建设世界一流的警务模式。”"
    repairs = [repair("dedup", "removed", dup, "", line=n) for n in (103, 105, 107)]
    repairs.append(repair("rejoin", "flagged", line=50))
    lines = [t.plain for t in page_preview("p", repairs, {}, color=False) if hasattr(t, "plain")]
    text = "\n".join(lines)
    assert "×3" in text
    assert "3 repairs, 1 flagged" in lines[0]
    assert text.count("rejoin flagged") == 1


def test_join_seam_shown():
    blocks = {
        0: Block(0, Kind.PARAGRAPH, "整体设计了面向基", ((0, 8),)),
        1: Block(1, Kind.PARAGRAPH, "层‘三个面向’体系。", ((10, 20),)),
    }
    joined = "整体设计了面向基层‘三个面向’体系。"
    r = repair("rejoin", "joined", joined, joined, blocks=(0, 1))
    rendered = page_preview("p", [r], blocks, color=False)
    body = rendered[-1].renderable.plain
    assert "面向基[-¶-]层" in body


def test_summary_rows_do_not_count_flags_as_repairs():
    rows = summary_rows(
        [
            repair("rejoin", "joined", "a", "b"),
            repair("rejoin", "flagged"),
            repair("normalize", "replaced", "a", "b"),
        ]
    )
    assert rows == [("normalize", 1, 0, "0.90–0.90"), ("rejoin", 1, 1, "0.90–0.90")]


def test_moves_shown_as_moves():
    blocks = {
        n: Block(n, Kind.PARAGRAPH, text, ((n * 10, n * 10 + 5),))
        for n, text in enumerate(
            ["鞍山全面建成四级中心。", "本溪实现全覆盖。", "在盘锦，整合数据。"]
        )
    }
    r = repair("reorder", "moved", blocks=(0, 1, 2))
    body = page_preview("p", [r], blocks, color=False)[-1].renderable.plain
    assert body.startswith("↷ moved 3 blocks «鞍山全面建成四级中心。»")
    assert body.endswith("«在盘锦，整合数据。»")
    assert "removed" not in body
