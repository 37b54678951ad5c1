"""The command line through click's CliRunner: streams, exit codes and files.

Every test looks at ``result.stdout`` and ``result.stderr`` apart.  Expected outputs come from
the library (``clean`` + ``render``), not from fixed text, so the tests hold while the filters
change; what they pin down is the wiring: which bytes go where, and with which exit status.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import opencc
import pytest
from click.testing import CliRunner

import newsclean.io
from newsclean import FILTER_ORDER, __version__, clean
from newsclean.cli import ExitCode, cli
from newsclean.io import decode
from newsclean.render import jsonl, markdown

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_f9189766c98bbe8f.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SHORT = "# 标题\n\n他说,今天下雨。我们去看看吧\n\n今天上午。\n"
ANSI = "\x1b["
ARTICLE_FIELDS = {
    "source", "index", "title", "kicker", "subtitle", "bylines", "dateline",
    "continued_from", "continued_to", "sections", "flags", "repairs",
}  # fmt: skip


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env)


def fixed(text: str, source: str = "<string>", **options) -> str:
    return markdown(clean(text, source=source, **options).articles)


@pytest.fixture
def seed(tmp_path) -> Path:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def one_line_error(result, *words):
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr


# --- fix: streams and files -----------------------------------------------------------------


def test_fix_stdin_to_stdout():
    result = run("fix", "-", input=SEED.read_bytes())
    assert result.exit_code == 0
    assert result.stdout == fixed(SEED_TEXT)
    assert result.stderr == ""


def test_fix_path_to_stdout_matches_library(seed):
    result = run("fix", seed)
    assert result.exit_code == 0
    assert result.stdout == fixed(SEED_TEXT)
    assert result.stderr == ""


def test_fix_output_file(seed, tmp_path):
    out = tmp_path / "clean.md"
    result = run("fix", seed, "-o", out)
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")
    assert out.read_text(encoding="utf-8") == fixed(SEED_TEXT)


def test_fix_output_dir_with_several_inputs(tmp_path):
    pages = []
    for name, text in (("a.txt", SEED_TEXT), ("b.txt", SHORT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        pages.append(tmp_path / name)
    out = tmp_path / "out"
    result = run("fix", *pages, "-o", f"{out}/")
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
    assert (out / "b.txt").read_text(encoding="utf-8") == fixed(SHORT)

    result = run("fix", *pages, "-o", out, "--format", "jsonl")  # an existing dir, no slash
    assert result.exit_code == 0
    assert (out / "a.jsonl").exists() and (out / "b.jsonl").exists()
    for line in (out / "b.jsonl").read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["source"] == str(pages[1])


def test_fix_output_file_with_several_inputs_is_a_usage_error(seed, tmp_path):
    result = run("fix", seed, seed, "-o", tmp_path / "one.md")
    one_line_error(result, "end it with /")
    assert result.exit_code == ExitCode.ERROR


def test_fix_output_dir_name_clash(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "p.txt").write_text(SHORT, encoding="utf-8")
    result = run("fix", tmp_path / "x/p.txt", tmp_path / "y/p.txt", "-o", f"{tmp_path}/out/")
    one_line_error(result, "p.txt")
    assert result.exit_code == 2


def test_fix_output_onto_input_is_refused(seed):
    result = run("fix", seed, "-o", seed)
    one_line_error(result, "--in-place")
    assert result.exit_code == 2
    assert seed.read_text(encoding="utf-8") == SEED_TEXT


def test_fix_in_place_with_backup_keeps_mode(seed):
    seed.chmod(0o640)
    result = run("fix", "--in-place", "--backup", ".orig", seed)
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")
    assert seed.read_text(encoding="utf-8") == fixed(SEED_TEXT)
    assert Path(f"{seed}.orig").read_text(encoding="utf-8") == SEED_TEXT
    assert stat.S_IMODE(seed.stat().st_mode) == 0o640
    assert [p.name for p in seed.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_fix_in_place_without_backup(seed):
    result = run("fix", "-i", seed)
    assert result.exit_code == 0
    assert seed.read_text(encoding="utf-8") == fixed(SEED_TEXT)
    assert sorted(p.name for p in seed.parent.iterdir()) == ["seed.txt"]


def test_fix_in_place_follows_symlinks(seed, tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(seed)
    assert run("fix", "--in-place", link).exit_code == 0
    assert link.is_symlink()
    assert seed.read_text(encoding="utf-8") == fixed(SEED_TEXT)


def test_fix_in_place_leaves_unchanged_pages_alone(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SHORT, encoding="utf-8")
    os.utime(page, (1_000_000_000, 1_000_000_000))
    result = run("fix", "-i", "--backup", ".orig", "--skip", ",".join(FILTER_ORDER), page)
    assert result.exit_code == 0
    assert page.stat().st_mtime == 1_000_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]


def test_fix_in_place_unwritable_folder(seed, monkeypatch):
    def refuse(dir, **kw):
        raise PermissionError(13, "Permission denied", str(dir))

    monkeypatch.setattr(newsclean.io.tempfile, "mkstemp", lambda **kw: refuse(**kw))
    result = run("fix", "-i", seed)
    one_line_error(result, str(seed.parent), "Permission denied")
    assert result.exit_code == 2
    assert seed.read_text(encoding="utf-8") == SEED_TEXT


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--in-place", "-"], ["stdin"]),
        (["--backup", ".bak", "PAGE"], ["--in-place"]),
        (["--in-place", "--format", "jsonl", "PAGE"], ["Markdown"]),
        (["-0", "PAGE"], ["--files-from"]),
        (["-", "-"], ["once"]),
        ([], ["no pages"]),
    ],
)
def test_fix_usage_errors(seed, args, words):
    result = run("fix", *[str(seed) if a == "PAGE" else a for a in args], input=b"")
    one_line_error(result, *words)
    assert result.exit_code == ExitCode.ERROR
    assert seed.read_text(encoding="utf-8") == SEED_TEXT


def test_fix_jsonl_records(seed, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(SHORT, encoding="utf-8")
    result = run("fix", "--format", "jsonl", seed, other, "-", input=SHORT.encode())
    assert result.exit_code == 0
    assert result.stderr == ""
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "no records"
    for record in records:
        assert set(record) >= ARTICLE_FIELDS
    sources = [r["source"] for r in records]
    expected = [str(seed)] * sources.count(str(seed))
    expected += [str(other)] * sources.count(str(other))
    expected += ["<stdin>"] * sources.count("<stdin>")
    assert sources == expected, "each file's records must come in turn, in input order"
    assert set(sources) == {str(seed), str(other), "<stdin>"}
    assert result.stdout.startswith(jsonl(clean(SEED_TEXT, source=str(seed)).articles))


def test_fix_several_pages_to_stdout_in_order(seed, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(SHORT, encoding="utf-8")
    result = run("fix", other, seed)
    assert result.exit_code == 0
    assert result.stdout == fixed(SHORT) + "\n" + fixed(SEED_TEXT)


# --- encodings ------------------------------------------------------------------------------


def traditional(text: str) -> str:
    """The text in traditional characters, keeping only what Big5 can encode."""
    return opencc.OpenCC("s2t").convert(text).encode("big5", errors="ignore").decode("big5")


ENCODED = {
    "gb18030-short": ("国务院办公厅发布通知。", "gb18030"),
    "gb18030-long": (SEED_TEXT, "gb18030"),
    "gb18030-traditional": (traditional(SEED_TEXT), "gb18030"),
    "big5-short": ("本報訊 記者報道", "big5"),
    "big5-short2": ("中國銀行", "big5"),
    "big5-long": (traditional(SEED_TEXT), "big5"),
    "utf-8-bom": (SEED_TEXT, "utf-8-sig"),
    "utf-16-bom": (SHORT, "utf-16"),
}


@pytest.mark.parametrize("case", ENCODED)
def test_decode_detects(case):
    text, encoding = ENCODED[case]
    decoded = decode(text.encode(encoding), "page")
    assert decoded.removeprefix("\ufeff") == text


@pytest.mark.parametrize("case", ENCODED)
def test_fix_reads_encodings(case, tmp_path):
    text, encoding = ENCODED[case]
    page = tmp_path / "page.txt"
    page.write_bytes(text.encode(encoding))
    result = run("fix", page, "--script", "keep")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == fixed(text, script_mode="keep")


def test_fix_reads_crlf(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(SEED_TEXT.replace("\n", "\r\n").encode("utf-8"))
    result = run("fix", page)
    assert result.exit_code == 0
    assert "\r" not in result.stdout
    assert result.stdout == fixed(SEED_TEXT)


def test_fix_explicit_encoding(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(SHORT.encode("gb18030"))
    result = run("fix", "--encoding", "gb18030", page)
    assert result.exit_code == 0
    assert result.stdout == fixed(SHORT)
    result = run("fix", "--encoding", "utf-8", page)
    one_line_error(result, "--encoding")
    assert result.exit_code == 2


def test_unknown_encoding_name(seed):
    result = run("fix", "--encoding", "klingon", seed)
    one_line_error(result, "klingon", "gb18030")
    assert result.exit_code == 2


def test_undecodable_input_names_the_remedy(tmp_path):
    page = tmp_path / "bad.txt"
    page.write_bytes("标题".encode() + b"\x80\xff\x80 abc \xff")
    result = run("fix", page)
    one_line_error(result, "bad.txt", "--encoding")
    assert result.exit_code == ExitCode.ERROR


def test_binary_input(tmp_path):
    page = tmp_path / "scan.png"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = run("fix", page)
    one_line_error(result, "binary")
    assert result.exit_code == 2


def test_nul_byte_means_binary(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.read_bytes() + b"\0")
    result = run("fix", page)
    one_line_error(result, "binary")
    assert result.exit_code == 2


def test_missing_file(tmp_path):
    result = run("fix", tmp_path / "nope.txt")
    one_line_error(result, "nope.txt")
    assert result.exit_code == 2


def test_missing_file_among_good_ones(seed, tmp_path):
    result = run("fix", seed, tmp_path / "nope.txt")
    assert result.exit_code == 2
    assert result.stdout == fixed(SEED_TEXT)
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_library_failure_is_one_sentence_and_the_run_goes_on(seed, tmp_path, monkeypatch):
    real = newsclean.io.clean

    def flaky(text, source, **kw):
        if source.endswith("boom.txt"):
            raise ValueError("filter bug")
        return real(text, source=source, **kw)

    monkeypatch.setattr(newsclean.io, "clean", flaky)
    boom = tmp_path / "boom.txt"
    boom.write_text(SHORT, encoding="utf-8")
    result = run("fix", boom, seed)
    assert result.exit_code == 2
    assert result.stdout == fixed(SEED_TEXT, source=str(seed))
    assert "boom.txt" in result.stderr and "Traceback" not in result.stderr


def test_keyboard_interrupt_exits_130_quietly(seed, monkeypatch):
    def interrupt(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(newsclean.io, "clean", interrupt)
    result = run("fix", seed)
    assert result.exit_code == ExitCode.INTERRUPTED
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


# --- filters --------------------------------------------------------------------------------


def test_unknown_filter_names_the_valid_ones(seed):
    result = run("fix", "--only", "dedup,speling", seed)
    one_line_error(result, "speling", *FILTER_ORDER)
    assert result.exit_code == 2
    assert run("check", "--skip", "nosuch", seed).exit_code == 2


def test_only_and_skip_select_filters(seed):
    only = run("fix", "--only", "structure,rejoin", seed)
    assert only.exit_code == 0
    assert only.stdout == fixed(SEED_TEXT, only=("structure", "rejoin"))
    skip = run("fix", "--skip", "dedup", "--skip", "normalize,rejoin", seed)
    assert skip.stdout == fixed(SEED_TEXT, skip=("dedup", "normalize", "rejoin"))
    nothing = run("fix", "--skip", ",".join(FILTER_ORDER), seed)
    assert nothing.stdout == fixed(SEED_TEXT, skip=FILTER_ORDER)
    assert len({only.stdout, skip.stdout, nothing.stdout, fixed(SEED_TEXT)}) > 1


def test_script_option(seed):
    result = run("fix", "--script", "traditional", seed)
    assert result.exit_code == 0
    assert result.stdout == fixed(SEED_TEXT, script_mode="traditional")
    assert run("fix", "--script", "klingon", seed).exit_code == 2


def test_filters_lists_every_filter_in_order():
    result = run("filters")
    assert result.exit_code == 0
    assert result.stderr == ""
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == list(FILTER_ORDER)


# --- check ----------------------------------------------------------------------------------


def test_check_reports_the_seed(seed):
    result = run("check", seed)
    assert result.exit_code == ExitCode.FOUND
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    path, _, rest = lines[0].partition(": ")
    assert path == str(seed)
    count, _, detail = rest.partition(" (")
    total = int(count.split()[0])
    assert total == sum(r.changes_text for r in clean(SEED_TEXT).repairs)
    assert sum(int(part.split()[1]) for part in detail.rstrip(")").split(", ")) == total


def test_check_clean_page_exits_0(seed):
    result = run("check", "--skip", ",".join(FILTER_ORDER), seed)
    assert result.exit_code == ExitCode.OK
    assert (result.stdout, result.stderr) == ("", "")


def test_check_passes_on_fixed_seed(seed, tmp_path):
    out = tmp_path / "fixed.md"
    assert run("fix", seed, "-o", out).exit_code == 0
    result = run("check", out)
    assert result.stdout == ""
    assert result.exit_code == ExitCode.OK


def test_check_missing_file_is_trouble(seed, tmp_path):
    result = run("check", seed, tmp_path / "nope.txt")
    assert result.exit_code == ExitCode.ERROR
    assert result.stdout.startswith(f"{seed}: ")


# --- files-from, jobs -----------------------------------------------------------------------


def many_pages(tmp_path, n=6) -> list[Path]:
    texts = [SEED_TEXT, SHORT, SEED_TEXT.replace("鞍山", "鞍山市"), "", SHORT * 3, SEED_TEXT[:900]]
    pages = []
    for i in range(n):
        page = tmp_path / f"page {i}\n.txt"  # a space and a newline: why -0 exists
        page.write_text(texts[i % len(texts)], encoding="utf-8")
        pages.append(page)
    return pages


def test_files_from_nul_separated(tmp_path):
    pages = many_pages(tmp_path)
    listing = tmp_path / "list"
    listing.write_bytes(b"\0".join(os.fsencode(p) for p in pages) + b"\0")
    direct = run("fix", *pages)
    from_file = run("fix", "--files-from", listing, "-0")
    from_stdin = run("fix", "--files-from", "-", "-0", input=listing.read_bytes())
    assert direct.exit_code == from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.stdout == direct.stdout == from_stdin.stdout
    assert from_stdin.stderr == ""


def test_files_from_lines(seed, tmp_path):
    listing = tmp_path / "list"
    listing.write_text(f"{seed}\n\n{seed}\n", encoding="utf-8")
    result = run("check", "--files-from", listing)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{seed}: ")
    assert len(result.stdout.splitlines()) == 2
    missing = run("check", "--files-from", tmp_path / "nolist")
    one_line_error(missing, "nolist")
    assert missing.exit_code == 2


@pytest.mark.parametrize("command", [["fix"], ["fix", "--format", "jsonl"], ["check"]])
def test_jobs_give_the_same_output(tmp_path, command):
    pages = many_pages(tmp_path, n=9)
    one = run(*command, "-j", "1", *pages)
    two = run(*command, "-j", "2", *pages)
    assert one.exit_code == two.exit_code, one.stderr + two.stderr
    assert one.stdout == two.stdout != ""
    assert two.stderr == ""


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_run_pages_keeps_input_order(tmp_path, jobs):
    paths = []
    for i in range(200):
        page = tmp_path / f"{i}.txt"
        page.write_text(f"# 第{i}题\n\n第{i}段。\n", encoding="utf-8")
        paths.append(str(page))
    task = newsclean.io.Task(newsclean.Config())
    outcomes = list(newsclean.io.run_pages(task, [(p, None, None) for p in paths], jobs))
    assert [o.path for o in outcomes] == paths
    assert [o.output for o in outcomes] == [fixed(Path(p).read_text()) for p in paths]


def test_jobs_write_directories_alike(tmp_path):
    pages = many_pages(tmp_path, n=5)
    for jobs in ("1", "2"):
        result = run("fix", "-j", jobs, *pages, "-o", f"{tmp_path}/out{jobs}/")
        assert result.exit_code == 0, result.stderr
    for page in pages:
        assert (tmp_path / "out1" / page.name).read_bytes() == (
            tmp_path / "out2" / page.name
        ).read_bytes()


# --- explain --------------------------------------------------------------------------------


def test_fix_explain_keeps_stdout_pure(seed):
    result = run("fix", "--explain", seed)
    assert result.exit_code == 0
    assert result.stdout == fixed(SEED_TEXT)
    records = [json.loads(line) for line in result.stderr.splitlines()]
    assert len(records) == len(clean(SEED_TEXT).repairs)
    assert all(r["source"] == str(seed) for r in records)


def test_fix_explain_to_stdout_when_writing_files(seed, tmp_path):
    result = run("fix", "--explain", seed, "-o", tmp_path / "out.md")
    assert result.exit_code == 0
    assert result.stderr == ""
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["filter"] for r in records} <= set(FILTER_ORDER)
    assert len(records) == len(clean(SEED_TEXT).repairs)


def test_explain_jsonl_when_piped(seed):
    result = run("explain", seed)
    assert result.exit_code == 0
    assert result.stderr == ""
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(clean(SEED_TEXT).repairs)
    for r in records:
        assert {"source", "filter", "action", "line", "reason", "before", "after"} <= set(r)
        assert 0.0 <= r["confidence"] <= 1.0


def test_explain_table(seed):
    result = run("explain", "--format", "table", seed)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    for name in {r.filter for r in clean(SEED_TEXT).repairs}:
        assert name in result.stdout
    assert "\x1b[" in run("explain", "--format", "table", "--color", seed).stdout


# --- manners --------------------------------------------------------------------------------


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("command", ["fix", "diff", "check", "explain", "filters"])
def test_help_has_examples(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"newsclean {command}" in result.stdout


def test_group_help_documents_exit_codes():
    result = run("--help")
    assert result.exit_code == 0
    for code in ("0 ", "1 ", "2 ", "130"):
        assert code in result.stdout


def test_no_color_env(seed):
    plain = run("diff", "--preview", seed, env={"NO_COLOR": "1"})
    assert plain.exit_code == 1
    assert "\x1b" not in plain.stdout
    forced = run("diff", "--preview", "--color", seed, env={"NO_COLOR": "1"})
    assert "\x1b[" in forced.stdout
    assert "\x1b" not in run("diff", "--preview", "--no-color", seed).stdout


def test_no_color_on_a_terminal(seed, monkeypatch):
    monkeypatch.setattr("newsclean.explain.isatty", lambda stream: True)
    assert ANSI in run("diff", seed, env={"NO_COLOR": ""}).stdout
    assert ANSI not in run("diff", seed, env={"NO_COLOR": "1"}).stdout
    assert ANSI not in run("diff", "--no-color", seed, env={"NO_COLOR": ""}).stdout
    assert ANSI not in run("explain", seed, env={"NO_COLOR": "yes"}).stdout


def test_verbose_summary_and_quiet(seed):
    loud = run("fix", "-v", seed, seed)
    assert loud.stdout == run("fix", seed, seed).stdout
    assert loud.stderr.startswith("fix: 2 pages") and loud.stderr.count("\n") == 1
    assert run("fix", "-v", "-q", seed).stderr == ""


def cli_process(*args, **kw):
    code = "from newsclean.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], **kw)


def test_broken_pipe_is_quiet(tmp_path):
    pages = []
    for i in range(60):  # about 1 MB of output: far more than a pipe buffer
        page = tmp_path / f"p{i}.txt"
        page.write_text(SEED_TEXT, encoding="utf-8")
        pages.append(page)
    proc = cli_process("fix", *pages, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == ExitCode.BROKEN_PIPE
    assert stderr == ""


def test_real_process_streams(seed):
    proc = cli_process("check", seed, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert out.decode().startswith(f"{seed}: ")
    assert err == b""


def test_auto_jobs_stays_in_one_process_for_a_small_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(newsclean.io, "cpu_count", lambda: 4)
    small = [(str(p), None, None) for p in many_pages(tmp_path, n=3)]
    assert newsclean.io.auto_jobs(small) == 1
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * newsclean.io.AUTO_PARALLEL_BYTES)
    assert newsclean.io.auto_jobs([*small, (str(big), None, None)]) == 4
    # stdin counts by its bytes; a path that cannot be read counts nothing
    stdin = b"y" * newsclean.io.AUTO_PARALLEL_BYTES
    assert newsclean.io.auto_jobs([("-", None, stdin)]) == 4
    assert newsclean.io.auto_jobs([(str(tmp_path / "missing.txt"), None, None)]) == 1
    monkeypatch.setattr(newsclean.io, "cpu_count", lambda: 1)
    assert newsclean.io.auto_jobs([(str(big), None, None)]) == 1


@pytest.mark.parametrize("value", ["auto", "AUTO", "0", "2"])
def test_jobs_takes_a_count_or_auto(tmp_path, value):
    pages = many_pages(tmp_path, n=2)
    result = run("fix", "-j", value, *pages)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == run("fix", "-j", "1", *pages).stdout


@pytest.mark.parametrize("value", ["-1", "many", "1.5"])
def test_jobs_rejects_anything_else(tmp_path, value):
    pages = many_pages(tmp_path, n=1)
    result = run("fix", "-j", value, *pages)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--jobs" in result.stderr and "Traceback" not in result.stderr


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "out.md"
    for text in ("一", "二", "二"):
        newsclean.io.write_atomic(str(target), text.encode("utf-8"))
    assert target.read_text(encoding="utf-8") == "二"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
