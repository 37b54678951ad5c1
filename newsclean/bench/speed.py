"""Throughput, scaling and memory of ``clean``, with two baselines on the same text.

Single-process throughput comes from the quality pass (each ``clean`` call is timed there);
this module adds the all-cores run, the 1x/2x/4x growth check, the baselines, peak memory
and the wall time of one CLI call.  MB means 10**6 bytes of UTF-8 input.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from time import perf_counter

from .generate import GeneratedPage

REPO_ROOT = Path(__file__).resolve().parents[2]
MB = 1_000_000


def single_process(seconds: list[float], nbytes: int) -> dict:
    total = sum(seconds)
    ms = sorted(s * 1000 for s in seconds)
    return {
        "mb": nbytes / MB,
        "seconds": total,
        "mb_per_s": nbytes / MB / total if total else None,
        "page_ms_mean": statistics.fmean(ms) if ms else None,
        "page_ms_p50": ms[len(ms) // 2] if ms else None,
        "page_ms_p95": ms[int(len(ms) * 0.95)] if ms else None,
        "page_ms_max": ms[-1] if ms else None,
    }


def stage_times(pages: list[GeneratedPage], budget_s: float) -> dict:
    """Mean milliseconds per page spent in parsing, in each filter (its settling reruns
    included) and in assembling articles, over as many pages as fit in ``budget_s``."""
    from newsclean import pipeline
    from newsclean.assemble import assemble as assemble_articles
    from newsclean.config import Config
    from newsclean.parse import parse as parse_page

    spent: dict[str, float] = {}

    def timed(name: str, fn: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            start = perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + perf_counter() - start

        return wrapper

    originals = dict(pipeline.FILTERS)
    config = Config()
    done = 0
    start = perf_counter()
    try:
        for name, fn in originals.items():
            pipeline.FILTERS[name] = timed(name, fn)
        parse, assemble = timed("parse", parse_page), timed("assemble", assemble_articles)
        for page in pages:
            with contextlib.suppress(Exception):
                final, repairs = pipeline.run_filters(parse(page.text, source=page.id), config)
                assemble(final, repairs)
            done += 1
            if perf_counter() - start > budget_s:
                break
    finally:
        pipeline.FILTERS.update(originals)
    order = ["parse", *originals, "assemble"]
    return {
        "pages": done,
        "ms_per_page": {k: 1000 * spent.get(k, 0.0) / max(done, 1) for k in order},
    }


# -- all cores ----------------------------------------------------------------------------


def _warm_worker() -> None:
    from newsclean import clean

    clean("# 标题\n\n正文。\n", source="warm-up")


def _wait_a_little(_: int) -> None:
    time.sleep(0.05)


def _clean_many(texts: list[str]) -> tuple[int, float, int]:
    from newsclean import clean

    start = perf_counter()
    for i, text in enumerate(texts):
        # the quality pass reports crashes; here only the time counts
        with contextlib.suppress(Exception):
            clean(text, source=f"page-{i}")
    seconds = perf_counter() - start
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    return nbytes, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def all_cores(pages: list[GeneratedPage], processes: int, pages_per_task: int = 40) -> dict:
    """``clean`` over every page with a pool of fresh interpreters, chunks of pages a task.

    Workers are started and warmed before the clock starts, so the figure is throughput,
    not start-up.  ``spawn`` keeps each worker's memory its own, not a copy of this one's.
    """
    texts = [p.text for p in pages]
    chunks = [texts[i : i + pages_per_task] for i in range(0, len(texts), pages_per_task)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_warm_worker) as pool:
        pool.map(_wait_a_little, range(processes * 4), chunksize=1)
        start = perf_counter()
        results = pool.map(_clean_many, chunks, chunksize=1)
        wall = perf_counter() - start
    nbytes = sum(r[0] for r in results)
    return {
        "processes": processes,
        "pages_per_task": pages_per_task,
        "mb": nbytes / MB,
        "seconds": wall,
        "mb_per_s": nbytes / MB / wall if wall else None,
        "worker_peak_rss_mb": max(r[2] for r in results) / 1024,
    }


# -- growth with input size -------------------------------------------------------------


def growth(pages: list[GeneratedPage], clean: Callable, base_bytes: int, budget_s: float) -> dict:
    """Time one ``clean`` call on 1x, 2x and 4x the text; linear cost gives ratios 2 and 4.

    The text is distinct pages run together (repeating one page would hand the duplicate
    filter a very different job).  Sizes past the time budget are skipped and said so.
    """
    texts = [p.text for p in pages if p.style == "markdown"] or [p.text for p in pages]
    out: dict = {"base_bytes": base_bytes, "runs": {}}
    timed: list[float] = []
    for factor in (1, 2, 4):
        text = _run_together(texts, factor * base_bytes)
        if timed and _predict_next(timed) > budget_s:
            out["runs"][f"{factor}x"] = {"skipped": "would pass the time budget"}
            continue
        repeats = 2 if factor == 1 else 1
        seconds = min(_time_once(clean, text) for _ in range(repeats))
        timed.append(seconds)
        out["runs"][f"{factor}x"] = {
            "mb": len(text.encode("utf-8")) / MB,
            "seconds": seconds,
            "ratio_to_1x": seconds / timed[0] if timed[0] else None,
            "mb_per_s": len(text.encode("utf-8")) / MB / seconds if seconds else None,
        }
    return out


def growth_in_pages(pages: list[GeneratedPage], clean: Callable, base_pages: int) -> dict:
    """Time 1x, 2x and 4x as many pages, each cleaned as the page it is (the tool's unit of
    work): linear cost gives ratios 2 and 4."""
    out: dict = {"base_pages": base_pages, "runs": {}}
    first = None
    for factor in (1, 2, 4):
        chosen = pages[: factor * base_pages]
        if len(chosen) < factor * base_pages:
            out["runs"][f"{factor}x"] = {"skipped": "not enough pages"}
            continue
        start = perf_counter()
        for page in chosen:
            clean(page.text, source=page.id)
        seconds = perf_counter() - start
        first = first or seconds
        out["runs"][f"{factor}x"] = {
            "pages": len(chosen),
            "mb": sum(len(p.text.encode("utf-8")) for p in chosen) / MB,
            "seconds": seconds,
            "ratio_to_1x": seconds / first if first else None,
        }
    return out


def _predict_next(timed: list[float]) -> float:
    """Time of the next doubling: quadratic after one run, then the growth seen so far."""
    if len(timed) == 1 or not timed[-2]:
        return timed[-1] * 4
    return timed[-1] * max(2.0, timed[-1] / timed[-2])


def _run_together(texts: list[str], nbytes: int) -> str:
    parts, size = [], 0
    for text in texts:
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        if size >= nbytes:
            break
    return "\n\n".join(parts)


def _time_once(clean: Callable, text: str) -> float:
    start = perf_counter()
    clean(text, source="growth")
    return perf_counter() - start


# -- baselines ------------------------------------------------------------------------


def baselines(pages: list[GeneratedPage], budget_s: float, min_sample: int = 2 * MB) -> dict:
    """Plain OpenCC t2s and ftfy.fix_text, page by page over the same pages as ``clean``.

    Each runs over all pages unless that would pass the budget; then it stops after a fixed
    sample of at least ``min_sample`` bytes (the first pages) and says so.
    """
    from opencc import OpenCC

    t2s = OpenCC("t2s")
    out = {"opencc_t2s": _time_per_page(t2s.convert, pages, budget_s, min_sample)}
    try:
        import ftfy
    except ImportError:
        out["ftfy"] = {"skipped": "ftfy is not installed (it comes with the dev extras)"}
    else:
        out["ftfy"] = _time_per_page(ftfy.fix_text, pages, budget_s, min_sample)
    return out


def _time_per_page(fn: Callable, pages, budget_s: float, min_sample: int) -> dict:
    done = 0
    total = sum(p.nbytes for p in pages)
    elapsed = 0.0
    start = perf_counter()
    for page in pages:
        fn(page.text)
        done += page.nbytes
        elapsed = perf_counter() - start
        if done >= min_sample and elapsed > budget_s:
            break
    return {
        "mb": done / MB,
        "seconds": elapsed,
        "mb_per_s": done / MB / elapsed if elapsed else None,
        "whole_input": done >= total,
    }


# -- memory -----------------------------------------------------------------------------


def peak_rss_mb() -> dict:
    return {
        "self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


# -- the command line -------------------------------------------------------------------


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("newsclean")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from newsclean.cli import main; sys.exit(main())"]


def cli_wall_time(page: Path, repeats: int = 3) -> dict:
    """Median wall time of ``newsclean fix PAGE`` next to an interpreter doing nothing."""
    python = _median_run([sys.executable, "-c", "pass"], repeats)
    cli = _median_run([*cli_command(), "fix", str(page)], repeats)
    return {
        "page": page.name,
        "python_pass_ms": python["ms"],
        "cli_ms": cli["ms"],
        "cli_exit_code": cli["exit_code"],
        "cli_error": cli["error"],
    }


def cli_over_files(pages: list[GeneratedPage], jobs: str = "auto") -> dict:
    """Wall time of one ``newsclean fix --files-from LIST -o DIR/`` over every page written as
    a file: what a user's batch run costs, start-up, reading and writing included."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = []
        for page in pages:
            path = folder / f"{page.id}{page.suffix}"
            path.write_text(page.text, encoding="utf-8")
            paths.append(str(path))
        listing = folder / "pages.list"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        nbytes = sum(os.path.getsize(p) for p in paths)
        command = [*cli_command(), "fix", "-q", "-j", jobs, "--files-from", str(listing)]
        start = perf_counter()
        done = subprocess.run([*command, "-o", f"{folder / 'out'}/"], capture_output=True)
        seconds = perf_counter() - start
    return {
        "jobs": jobs,
        "pages": len(paths),
        "mb": nbytes / MB,
        "seconds": seconds,
        "mb_per_s": nbytes / MB / seconds if seconds else None,
        "exit_code": done.returncode,
    }


def _median_run(command: list[str], repeats: int) -> dict:
    times, last = [], None
    for _ in range(repeats):
        start = perf_counter()
        last = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
        times.append((perf_counter() - start) * 1000)
    error = last.stderr.strip().splitlines()[-1] if last.returncode and last.stderr else None
    return {"ms": statistics.median(times), "exit_code": last.returncode, "error": error}


def cli_matches_library(pages: list[GeneratedPage], clean: Callable) -> dict:
    """``newsclean fix --format jsonl`` on a page of each style equals ``clean`` in-process
    (the ``source`` field aside, since the two name the page differently)."""
    picked = {}
    for page in pages:
        picked.setdefault(page.style, page)
    checks = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in picked.values():
            path = Path(tmp) / f"{page.id}{page.suffix}"
            path.write_text(page.text, encoding="utf-8")
            run = subprocess.run(
                [*cli_command(), "fix", "--format", "jsonl", str(path)],
                cwd=REPO_ROOT,
                capture_output=True,
                text=True,
            )
            check = {"page": page.id, "exit_code": run.returncode}
            if run.returncode:
                lines = run.stderr.strip().splitlines()
                check.update(same=False, error=lines[-1] if lines else "no output")
            else:
                cli = [_without_source(json.loads(x)) for x in run.stdout.splitlines() if x.strip()]
                lib = [
                    _without_source(a.to_dict())
                    for a in clean(page.text, source=path.name).articles
                ]
                check["same"] = cli == lib
                if cli != lib:
                    check["first_difference"] = _first_difference(cli, lib)
            checks.append(check)
    return {"same": all(c["same"] for c in checks) if checks else None, "pages": checks}


def _first_difference(cli: list[dict], lib: list[dict]) -> str:
    if len(cli) != len(lib):
        return f"{len(cli)} articles from the CLI, {len(lib)} from the library"
    for i, (a, b) in enumerate(zip(cli, lib)):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return f"article {i}, field {key}"
    return "none"


def machine_load() -> dict:
    """How busy the machine was; timings taken on a loaded machine read slow."""
    return {"cpus": os.cpu_count(), "load_average_1min": os.getloadavg()[0]}


def _without_source(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "source"}
