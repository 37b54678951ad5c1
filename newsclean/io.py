"""Reading pages, decoding them, running them through the library, and writing results.

Everything here is free of click, so it can run in worker processes.  Input problems become an
:class:`InputError` whose message is one sentence that names the remedy; misuse of options
becomes a :class:`UsageProblem`.

Decoding without ``--encoding``: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8; otherwise
strict GB18030 and Big5 are both tried and, when both succeed, the one whose characters fall
more often among the common characters of its own standard wins (GB2312 level 1 for GB18030,
Big5 level 1 for Big5).  A wrong guess shows up as kana, Greek or rare characters, so it scores
low.  Data with NUL bytes or many control characters is refused as binary.

>>> decode("你好，世界".encode("gb18030"), "x")
'你好，世界'
>>> decode("國務院".encode("big5"), "x")
'國務院'
"""

from __future__ import annotations

import codecs
import contextlib
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import clean
from .config import Config
from .model import Repair
from .render import jsonl, markdown

STDIN = "-"
STDIN_NAME = "<stdin>"
BINARY_CONTROL_SHARE = 0.01
MIN_COMMON_SHARE = 0.5
SCORE_SAMPLE = 20000  # non-ASCII characters looked at to choose between GB18030 and Big5
# C0 controls that do not occur in text (tab, newlines, form feed and escape do)
CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\v\f\r\x1b")


class InputError(Exception):
    """A page that cannot be read or decoded; the message is one sentence naming the remedy."""


class UsageProblem(Exception):
    """Options that do not fit together; the message names the fix."""


def source_name(path: str) -> str:
    return STDIN_NAME if path == STDIN else path


# --- decoding -------------------------------------------------------------------------------


def check_encoding(name: str) -> str:
    """The codec's canonical name, or UsageProblem for an unknown one."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageProblem(
            f"unknown encoding {name!r}; give a codec name such as utf-8, gb18030 or big5"
        ) from None


def _is_common_gb(ch: str) -> bool:
    """GB2312 punctuation rows or level-1 hanzi (the 3,755 most used)."""
    b = ch.encode("gb18030")
    return len(b) == 2 and b[1] >= 0xA1 and (b[0] in (0xA1, 0xA3) or 0xB0 <= b[0] <= 0xD7)


def _is_common_big5(ch: str) -> bool:
    """Big5 symbols or level-1 hanzi (A440-C67E, the 5,401 most used)."""
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    if len(b) != 2:
        return False
    return 0xA1 <= b[0] <= 0xA3 or 0xA4 <= b[0] <= 0xC5 or (b[0] == 0xC6 and b[1] <= 0x7E)


_COMMON = {"gb18030": _is_common_gb, "big5": _is_common_big5}


def common_share(text: str, encoding: str) -> float:
    """Share of non-ASCII characters that are common in ``encoding``'s own standard."""
    wide = [c for c in text if ord(c) >= 0x80][:SCORE_SAMPLE]
    if not wide:
        return 1.0
    is_common = _COMMON[encoding]
    return sum(1 for c in wide if is_common(c)) / len(wide)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    controls = len(data) - len(data.translate(None, CONTROL_BYTES))
    return controls > max(2, len(data) * BINARY_CONTROL_SHARE)


# encodings a Chinese (or neighbouring) page may come in; other guesses are noise in a hint
HINTABLE = frozenset(
    codecs.lookup(name).name
    for name in ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "hz", "utf-16",
                 "utf-16-le", "utf-16-be", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949")
)  # fmt: skip


def _guess(data: bytes) -> str | None:
    """A charset-normalizer guess, used only to word the error message."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        name = codecs.lookup(best.encoding).name if best else None
    except Exception:  # a hint only; never let it mask the real error
        return None
    return name if name in HINTABLE else None


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode one page; BOM and CRLF are kept (the parser drops them) so diffs match the file."""
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            other = "big5" if codecs.lookup(encoding).name == "gb18030" else "gb18030"
            raise InputError(
                f"{name} is not valid {encoding} (byte 0x{data[e.start]:02x} at offset {e.start});"
                f" name its real encoding, for example --encoding {other}"
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        return _decode_known(data, "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_known(data, "utf-16", name)
    if _looks_binary(data):
        raise InputError(f"{name} looks like binary data, not a text page; pass an OCR text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    candidates = {}
    for enc in ("gb18030", "big5"):
        with contextlib.suppress(UnicodeDecodeError):
            candidates[enc] = data.decode(enc)
    scored = {enc: common_share(text, enc) for enc, text in candidates.items()}
    if scored:
        best = max(scored, key=lambda enc: (scored[enc], enc == "gb18030"))
        if scored[best] >= MIN_COMMON_SHARE:
            return candidates[best]
    example = _guess(data) or "gb18030"
    raise InputError(
        f"{name} is not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})"
        f" and does not read as GB18030 or Big5; name its encoding, for example"
        f" --encoding {example}"
    )


def _decode_known(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name} starts with a {encoding} byte-order mark but byte {e.start} is not"
            f" {encoding}; repair the file or name its encoding with --encoding"
        ) from None


def read_bytes(path: str, stdin: bytes | None = None) -> bytes:
    if path == STDIN:
        return stdin if stdin is not None else sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise InputError(f"{path} does not exist; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory; pass the page files inside it") from None
    except OSError as e:
        raise InputError(f"cannot read {path} ({e.strerror}); check its permissions") from None


def collect_paths(pages: Sequence[str], files_from: str | None, nul: bool) -> list[str]:
    """The PAGE arguments followed by the ``--files-from`` list; stdin at most once."""
    paths = list(pages)
    if nul and not files_from:
        raise UsageProblem("-0 describes the --files-from list; add --files-from FILE")
    if files_from:
        if files_from == STDIN and STDIN in paths:
            raise UsageProblem("stdin cannot hold both the page and the --files-from list")
        try:
            paths += read_path_list(read_bytes(files_from), nul)
        except InputError as e:
            raise UsageProblem(f"--files-from: {e}") from None
    elif not paths:
        raise UsageProblem("no pages given; name PAGE files, - for stdin, or --files-from")
    if paths.count(STDIN) > 1:
        raise UsageProblem("stdin (-) can be read only once; name it once")
    return paths


def read_path_list(data: bytes, nul: bool) -> list[str]:
    """Paths from ``--files-from``: one a line, or NUL-separated (find -print0) with ``-0``."""
    parts = data.split(b"\0") if nul else [p.removesuffix(b"\r") for p in data.split(b"\n")]
    return [os.fsdecode(p) for p in parts if p]


# --- writing --------------------------------------------------------------------------------


def emit(text: str) -> None:
    """Write data to stdout as UTF-8, whatever the locale says."""
    if not text:
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream put in place of stdout
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))


def silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def write_atomic(path: str, data: bytes, backup: str | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and os.replace.

    A symlink is followed, so the file it points at is replaced and the link stays.  An
    existing file keeps its permission bits, and the new content is synced to disk before it
    replaces the old; with ``backup`` the old content is kept next to it as ``path + backup``.
    """
    target = Path(os.path.realpath(path))
    try:
        mode, replacing = target.stat().st_mode & 0o7777, True
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode, replacing = 0o666 & ~umask, False
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if replacing:
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if backup and target.exists():
            shutil.copy2(target, f"{target}{backup}")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def plan_outputs(
    paths: Sequence[str], output: str | None, in_place: bool, fmt: str
) -> list[str | None]:
    """Where each page's result goes: a file path, or None for stdout."""
    if in_place:
        if output:
            raise UsageProblem("--in-place and -o do not go together; choose one")
        if STDIN in paths:
            raise UsageProblem("--in-place cannot rewrite stdin; write to stdout or use -o FILE")
        if fmt != "markdown":
            raise UsageProblem("--in-place writes Markdown only; drop --format or use -o DIR/")
        return list(paths)
    if not output:
        return [None] * len(paths)
    if output.endswith(("/", os.sep)) or os.path.isdir(output):
        os.makedirs(output, exist_ok=True)
        dests = [os.path.join(output, _output_name(p, fmt)) for p in paths]
        seen: Counter[str] = Counter(dests)
        if clash := next((d for d, n in seen.items() if n > 1), None):
            raise UsageProblem(
                f"several pages would be written to {clash}; give them distinct file names"
            )
    elif len(paths) > 1:
        raise UsageProblem(
            f"-o {output} names one file but {len(paths)} pages were given;"
            f" end it with / to write a directory"
        )
    else:
        dests = [output]
    for path, dest in zip(paths, dests):
        if path != STDIN and os.path.exists(dest) and os.path.samefile(path, dest):
            raise UsageProblem(f"-o would overwrite the input {path}; use --in-place for that")
    return dests


def _output_name(path: str, fmt: str) -> str:
    name = "stdin.md" if path == STDIN else os.path.basename(path.rstrip("/" + os.sep))
    return str(Path(name).with_suffix(".jsonl")) if fmt == "jsonl" else name


# --- running pages --------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """What to do with each page; picklable, so worker processes get it once per chunk."""

    config: Config
    encoding: str | None = None
    fmt: str = "markdown"
    render: bool = True  # produce the fix output (fix, diff)
    keep_input: bool = False  # send the decoded input back (diff)
    backup: str | None = None
    verbose: bool = False


@dataclass
class Outcome:
    """One page's result as the main process sees it."""

    path: str
    output: str | None = None
    text: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    error: str | None = None
    detail: str | None = None
    written: bool = False

    @property
    def source(self) -> str:
        return source_name(self.path)

    @property
    def changes(self) -> list[Repair]:
        return [r for r in self.repairs if r.changes_text]


@dataclass
class Tally:
    """Counts over a run, for the one-line summary."""

    pages: int = 0
    written: int = 0
    repairs: int = 0
    flagged: int = 0
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        changes = len(outcome.changes)
        self.pages += 1
        self.written += outcome.written
        self.repairs += changes
        self.flagged += len(outcome.repairs) - changes
        self.errors += outcome.error is not None

    def summary(self) -> str:
        parts = [f"{self.pages} page{'s' * (self.pages != 1)}"]
        parts += [f"{self.written} written"] if self.written else []
        parts += [f"{self.repairs} repairs", f"{self.flagged} flagged"]
        parts += [f"{self.errors} failed"] if self.errors else []
        return f"{', '.join(parts)} in {time.perf_counter() - self.started:.2f} s"


Item = tuple[str, "str | None", "bytes | None"]  # path, destination, stdin bytes


def process(task: Task, item: Item) -> Outcome:
    path, dest, stdin = item
    outcome = Outcome(path=path)
    try:
        text = decode(read_bytes(path, stdin), source_name(path), task.encoding)
        result = clean(text, source=source_name(path), config=task.config)
        outcome.repairs = result.repairs
        if task.keep_input:
            outcome.text = text
        if task.render:
            fmt = jsonl if task.fmt == "jsonl" else markdown
            outcome.output = fmt(result.articles)
        if dest is not None and outcome.output is not None:
            data = outcome.output.encode("utf-8")
            if not _same_content(dest, data):
                backup = task.backup if dest == path else None
                write_atomic(dest, data, backup=backup)
                outcome.written = True
            outcome.output = None
    except InputError as e:
        outcome.error = str(e)
    except OSError as e:
        where = e.filename or dest or path
        outcome.error = f"cannot write {where} ({e.strerror}); check the folder and permissions"
    except Exception as e:  # a library bug must not end a run over many pages
        outcome.error = (
            f"newsclean failed on {source_name(path)} ({type(e).__name__}: {e});"
            f" rerun with --verbose and report it with the page attached"
        )
        outcome.detail = traceback.format_exc() if task.verbose else None
    if outcome.error:
        outcome.output = None  # half a result goes nowhere, least of all to stdout
    return outcome


def _same_content(path: str, data: bytes) -> bool:
    try:
        return os.path.getsize(path) == len(data) and Path(path).read_bytes() == data
    except OSError:
        return False


def _process_chunk(task: Task, items: list[Item]) -> list[Outcome]:
    return [process(task, item) for item in items]


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us


# below this much input (bytes) a pool's start-up (about a third of a second) costs more than
# the second core saves, so ``jobs=None`` (auto) stays in one process
AUTO_PARALLEL_BYTES = 2_000_000


def cpu_count() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def auto_jobs(items: Sequence[Item]) -> int:
    """One process per CPU for a batch big enough to gain from it, else one."""
    cpus = cpu_count()
    if cpus == 1:
        return 1
    total = 0
    for path, _dest, stdin in items:
        try:
            total += len(stdin) if stdin is not None else os.path.getsize(path)
        except OSError:
            continue  # reading it will report the error
        if total >= AUTO_PARALLEL_BYTES:
            return cpus
    return 1


def run_pages(
    task: Task,
    items: Sequence[Item],
    jobs: int | None = 1,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per item, in input order; with jobs > 1, chunks go to a process pool.

    ``jobs`` 0 is one process per CPU; None decides by the size of the batch (``auto_jobs``).
    """
    if jobs is None:
        jobs = auto_jobs(items)
    jobs = jobs if jobs > 0 else cpu_count()
    size = max(1, min(64, len(items) // (jobs * 16)))
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    jobs = min(jobs, len(chunks))
    if jobs <= 1:
        for item in items:
            yield process(task, item)
            if on_done:
                on_done(1)
        return
    import multiprocessing
    from functools import partial

    # forkserver: workers never inherit the threads (progress bar) or locks of this process
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with context.Pool(jobs, initializer=_ignore_sigint) as pool:
        for outcomes in pool.imap(partial(_process_chunk, task), chunks):
            yield from outcomes
            if on_done:
                on_done(len(outcomes))


def count_by_filter(repairs: Iterable[Repair], order: Sequence[str]) -> list[tuple[str, int]]:
    """(filter, repairs) for the filters that changed text, in pipeline order."""
    counts = Counter(r.filter for r in repairs if r.changes_text)
    known = [(name, counts.pop(name)) for name in order if name in counts]
    return known + sorted(counts.items())
