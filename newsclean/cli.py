"""The newsclean command line: a thin click group over the library.

stdout carries only data (Markdown, JSONL, diffs, check lines); messages, progress and tables
that describe the run go to stderr.  Colour appears only on a terminal, never with NO_COLOR set
(any non-empty value) or --no-color; --color forces it.

Exit status, decided in ExitCode and exit_code() only:

  0    success; for check and diff, nothing to repair
  1    check or diff found a page to repair (flagged spots alone do not count)
  2    usage error, or a page that could not be read, decoded or written
  130  interrupted (Ctrl-C)
  141  the reader of stdout went away (newsclean fix big.txt | head)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from enum import IntEnum

import click

from . import __version__, diff
from . import explain as term
from .config import FILTER_ORDER, SCRIPT_MODES, Config
from .io import (
    STDIN,
    Outcome,
    Tally,
    Task,
    UsageProblem,
    check_encoding,
    collect_paths,
    count_by_filter,
    emit,
    plan_outputs,
    run_pages,
    silence_stdout,
)
from .parse import parse
from .render import repairs_jsonl


class ExitCode(IntEnum):
    OK = 0
    FOUND = 1
    ERROR = 2
    INTERRUPTED = 130
    BROKEN_PIPE = 141


def exit_code(errors: int, found: bool) -> ExitCode:
    if errors:
        return ExitCode.ERROR
    return ExitCode.FOUND if found else ExitCode.OK


class Group(click.Group):
    """Turns every way a run can end into one exit status and at most one line on stderr."""

    def invoke(self, ctx):
        try:
            rv = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe surfaces here, not at interpreter exit
            return rv
        except BrokenPipeError:
            silence_stdout()
            raise click.exceptions.Exit(ExitCode.BROKEN_PIPE) from None
        except UsageProblem as e:
            raise click.UsageError(str(e), ctx) from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else ExitCode.OK
        except (click.exceptions.Abort, KeyboardInterrupt):
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            silence_stdout()
            code = ExitCode.BROKEN_PIPE
        except click.ClickException as e:
            ctx = getattr(e, "ctx", None)
            path = " ".join(
                filter(None, [ctx and ctx.command_path, ctx and ctx.invoked_subcommand])
            )
            hint = f" (see '{path} --help')" if path else ""
            click.echo(f"newsclean: {e.format_message()}{hint}", err=True)
            code = ExitCode.ERROR
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


@click.group(
    cls=Group,
    name="newsclean",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="newsclean")
def cli():
    """Repair OCR'd Chinese newspaper pages into clean, reassembled articles.

    \b
    Examples:
      newsclean fix page.txt > page.md
      newsclean diff page.txt            # preview on a terminal, unified diff in a pipe
      newsclean check pages/*.txt        # CI: exit 1 when a page needs repair
      find scans -name '*.txt' -print0 | newsclean fix --files-from - -0 -j 4 -o out/

    \b
    Exit status:
      0    success; for check and diff, nothing to repair
      1    check or diff found a page to repair
      2    usage error, or a page that could not be read, decoded or written
      130  interrupted (Ctrl-C)
      141  stdout closed early (newsclean fix big.txt | head)
    """


def _filter_names(ctx, param, values) -> tuple[str, ...]:
    names = tuple(n.strip() for v in values for n in v.split(",") if n.strip())
    if unknown := [n for n in names if n not in FILTER_ORDER]:
        raise click.BadParameter(
            f"unknown filter {', '.join(unknown)}; use one of {', '.join(FILTER_ORDER)}"
        )
    return names


class Jobs(click.ParamType):
    """A number of worker processes (0: one per CPU), or auto (None): by the batch's size."""

    name = "jobs"

    def convert(self, value, param, ctx) -> int | None:
        if value is None or isinstance(value, int) and value >= 0:
            return value
        if str(value).strip().lower() == "auto":
            return None
        try:
            jobs = int(str(value))
        except ValueError:
            jobs = -1
        if jobs < 0:
            self.fail(f"{value!r} is not a number of processes (0 or more) or auto", param, ctx)
        return jobs


JOBS = Jobs()

# fmt: off
PAGE_OPTIONS = [
    click.argument("pages", nargs=-1, metavar="PAGE…"),
    click.option("--files-from", metavar="FILE|-", help="Read page paths from FILE (- stdin)."),
    click.option("-0", "--null", "nul", is_flag=True, help="--files-from is NUL-separated."),
    click.option(
        "--encoding", metavar="NAME",
        help="Input encoding, e.g. gb18030 or big5 (default: detect).",
    ),
    click.option(
        "--only", metavar="NAMES", multiple=True, callback=_filter_names,
        help="Run only these filters (comma-separated or repeated; see 'newsclean filters').",
    ),
    click.option("--skip", metavar="NAMES", multiple=True, callback=_filter_names,
                 help="Do not run these filters."),
    click.option(
        "--script", type=click.Choice(SCRIPT_MODES), default="auto", show_default=True,
        help="Script of the output text (the script filter's mode).",
    ),
    click.option(
        "-j", "--jobs", metavar="N|auto", type=JOBS, default="auto", show_default=True,
        help="Worker processes: 0 is one per CPU; auto is one per CPU once the pages come"
        " to 2 MB, else 1.",
    ),
    click.option("-q", "--quiet", is_flag=True, help="No progress or summary."),
    click.option("-v", "--verbose", is_flag=True, help="Summary even off a terminal."),
    click.option("--color/--no-color", default=None, help="Force colour on or off."),
]
# fmt: on


def page_options(f):
    for option in reversed(PAGE_OPTIONS):
        f = option(f)
    return f


class Session:
    """One run over the pages: the path list, the config, progress, messages and counts."""

    def __init__(self, command: str, opts: dict):
        self.command = command
        self.opts = opts
        self.paths = collect_paths(opts["pages"], opts["files_from"], opts["nul"])
        self.config = Config.from_selection(opts["only"], opts["skip"], script_mode=opts["script"])
        self.tally = Tally()
        self._progress = None

    def task(self, **kw) -> Task:
        encoding = self.opts["encoding"] and check_encoding(self.opts["encoding"])
        return Task(self.config, encoding, verbose=self.opts["verbose"], **kw)

    def run(self, task: Task, dests=None, bar: bool = True) -> Iterator[Outcome]:
        """Outcomes in input order; errors are reported and counted, then passed on.

        The progress bar needs stderr on a terminal, several pages, and ``bar`` (the caller
        says False when it prints to that terminal itself).
        """
        stdin = sys.stdin.buffer.read() if STDIN in self.paths else None
        dests = dests or [None] * len(self.paths)
        items = [(p, d, stdin if p == STDIN else None) for p, d in zip(self.paths, dests)]
        show = len(items) > 1 and not self.opts["quiet"] and term.isatty(sys.stderr)
        if show and bar:
            self._progress = term.progress(term.use_color(sys.stderr, self.opts["color"]))
        progress = self._progress
        with progress or nullcontext():
            tick = None
            if progress:
                tid = progress.add_task(self.command, total=len(items))
                tick = lambda n: progress.advance(tid, n)  # noqa: E731
            for outcome in run_pages(task, items, self.opts["jobs"], tick):
                self.tally.add(outcome)
                for text in filter(None, (outcome.error, outcome.detail)):
                    self.message(text.rstrip())
                yield outcome
        self._progress = None

    def message(self, text: str) -> None:
        if self._progress is not None:
            self._progress.console.print(f"newsclean: {text}", soft_wrap=True)
        else:
            click.echo(f"newsclean: {text}", err=True)

    def finish(self, found: bool = False, summary: bool = True) -> ExitCode:
        show = self.opts["verbose"] or (summary and term.isatty(sys.stderr))
        if show and not self.opts["quiet"]:
            click.echo(f"{self.command}: {self.tally.summary()}", err=True)
        return exit_code(self.tally.errors, found)


@cli.command()
@page_options
@click.option(
    "--format", "fmt", type=click.Choice(["markdown", "jsonl"]), default="markdown",
    show_default=True, help="Markdown articles, or one JSON object per article.",
)  # fmt: skip
@click.option("-o", "--output", metavar="FILE|DIR/", help="Write to FILE, or DIR/<page name>.")
@click.option("-i", "--in-place", is_flag=True, help="Rewrite each page (atomically).")
@click.option("--backup", metavar="SUFFIX", help="With --in-place, keep PAGE+SUFFIX.")
@click.option("--explain", is_flag=True, help="Also print the repair records.")
def fix(fmt, output, in_place, backup, explain, **opts):
    """Clean pages and write the articles.

    The articles go to stdout as Markdown (or JSONL) unless -o or --in-place says
    otherwise; a PAGE of - reads stdin.  Input may be UTF-8 (with or without BOM), GB18030
    or Big5, with LF or CRLF line ends; output is always UTF-8 with LF.  --explain prints
    the repair records to stderr (a table on a terminal, JSONL otherwise), or to stdout
    when the articles go to files.  An --in-place page that would not change is left
    untouched.

    \b
    Examples:
      newsclean fix page.txt > page.md
      cat page.txt | newsclean fix - --format jsonl
      newsclean fix --in-place --backup .orig pages/*.txt
      newsclean fix -j 4 -o clean/ pages/*.txt
      newsclean fix --skip dedup,reorder --script keep page.txt
      find scans -name '*.txt' -print0 | newsclean fix --files-from - -0 -o out/
    """
    if backup and not in_place:
        raise UsageProblem("--backup works only with --in-place; add --in-place")
    session = Session("fix", opts)
    dests = plan_outputs(session.paths, output, in_place, fmt)
    to_stdout = all(d is None for d in dests)
    stream = sys.stderr if to_stdout else sys.stdout
    table = explain and term.isatty(stream)
    console = term.console_for(stream, term.use_color(stream, opts["color"])) if table else None
    first = True
    bar = not explain and not (to_stdout and term.isatty(sys.stdout))
    for outcome in session.run(session.task(fmt=fmt, backup=backup), dests, bar):
        if outcome.output:
            emit(outcome.output if first or fmt == "jsonl" else "\n" + outcome.output)
            first = False
        if explain and outcome.repairs:
            if console:
                console.print(term.repair_table(outcome.source, outcome.repairs))
            elif to_stdout:
                click.echo(repairs_jsonl(outcome.source, outcome.repairs), err=True, nl=False)
            else:
                emit(repairs_jsonl(outcome.source, outcome.repairs))
    return session.finish()


@cli.command("diff")
@page_options
@click.option(
    "--unified/--preview", "unified", default=None,
    help="Unified diff (default when piped) or the readable preview (default on a terminal).",
)  # fmt: skip
@click.option("--stat", is_flag=True, help="Only the per-filter summary.")
def diff_command(unified, stat, **opts):
    """Show what fix would change.

    On a terminal: each repair labelled with its filter, changed characters highlighted,
    removed duplicates shown once with their count, then a summary table.  In a pipe (or
    with --unified): a unified diff of each page against fix's Markdown, which patch
    applies.  Exit status as diff(1): 0 nothing to repair, 1 repairs, 2 trouble.

    \b
    Examples:
      newsclean diff page.txt
      newsclean diff page.txt | patch -o page.md page.txt   # same as newsclean fix
      newsclean diff --stat pages/*.txt
      newsclean diff --preview --color page.txt | less -R
    """
    session = Session("diff", opts)
    if unified is None:
        unified = not term.isatty(sys.stdout)
    color = term.use_color(sys.stdout, opts["color"])
    console = term.console_for(sys.stdout, color)
    task = session.task(render=not stat, keep_input=not stat)
    found, repairs = False, []
    for outcome in session.run(task, bar=not term.isatty(sys.stdout)):
        if outcome.error:
            continue
        found = found or bool(outcome.changes)
        repairs += outcome.repairs
        if stat:
            continue
        if unified:
            text = diff.unified(outcome.text, outcome.output, outcome.source)
            emit(diff.colorize(text) if color else text)
        else:
            blocks = {b.id: b for b in parse(outcome.text).blocks}
            for line in diff.page_preview(
                outcome.source, outcome.repairs, blocks, color, console.width
            ):
                console.print(line)
    if unified and stat:
        emit(diff.summary_plain(repairs))
    elif not unified:
        console.print(diff.summary_table(repairs, session.tally.pages))
    return session.finish(found, summary=unified and not stat)


@cli.command()
@page_options
def check(**opts):
    """List the pages that need repair; exit 1 if any does.

    Each such page gets one line, "PATH: N repairs (filter count, …)", and nothing else
    goes to stdout, so the output suits CI logs and xargs; exit 0 when no page needs
    repair.  Pages with only flagged spots are not listed.

    \b
    Examples:
      newsclean check page.txt
      find pages -name '*.txt' -print0 | xargs -0 newsclean check
      newsclean check --files-from list.txt -j 4 || echo "some pages need newsclean fix"
    """
    session = Session("check", opts)
    found = False
    for outcome in session.run(session.task(render=False), bar=not term.isatty(sys.stdout)):
        if changes := outcome.changes:
            found = True
            counts = ", ".join(f"{name} {n}" for name, n in count_by_filter(changes, FILTER_ORDER))
            noun = "repair" if len(changes) == 1 else "repairs"
            emit(f"{outcome.source}: {len(changes)} {noun} ({counts})\n")
    return session.finish(found, summary=False)


@cli.command()
@page_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default=None,
    help="Default: a table on a terminal, JSONL when piped.",
)  # fmt: skip
def explain(fmt, **opts):
    """Print the repair records of pages.

    Filter, action, line, confidence, reason and the text before and after, flagged
    records (doubtful spots left alone) included.  JSONL records carry source, filter,
    action, where, line, offset, blocks, reason, before, after and confidence.

    \b
    Examples:
      newsclean explain page.txt
      newsclean explain page.txt | jq -r 'select(.filter == "dedup") | .before'
    """
    session = Session("explain", opts)
    table = fmt == "table" or (fmt is None and term.isatty(sys.stdout))
    console = term.console_for(sys.stdout, term.use_color(sys.stdout, opts["color"]))
    for outcome in session.run(session.task(render=False), bar=not term.isatty(sys.stdout)):
        if outcome.error:
            continue
        if table:
            console.print(term.repair_table(outcome.source, outcome.repairs))
        else:
            emit(repairs_jsonl(outcome.source, outcome.repairs))
    return session.finish(summary=False)


@cli.command()
def filters():
    """List the filters in the order they run.

    One line per filter: its name (as --only and --skip take it) and what it does.

    \b
    Examples:
      newsclean filters
      newsclean fix --only "$(newsclean filters | cut -d' ' -f1 | head -3 | paste -sd,)" p.txt
    """
    from .filters import DESCRIPTIONS

    width = max(len(name) for name in FILTER_ORDER)
    emit("".join(f"{name:<{width}}  {DESCRIPTIONS.get(name, '')}\n" for name in FILTER_ORDER))


def main() -> None:
    cli.main(prog_name="newsclean")
