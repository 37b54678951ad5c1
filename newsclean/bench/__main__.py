"""``python -m newsclean.bench``: generate pages, clean and score them, time the tool.

    python -m newsclean.bench --size small
    python -m newsclean.bench --size full --corpus PATH --out bench-results.json
    python -m newsclean.bench --pages 20 --write-pages bench-out   # look at the pages

``--cleaner oracle`` and ``--cleaner passthrough`` score the two reference cleaners instead
of the tool: full marks and no repairs, which checks the scorer rather than the tool.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

from .corpus import load_corpus
from .generate import generate_pages, write_pages
from .reference import OracleCleaner, passthrough_clean
from .report import print_table, write_json
from .run import quality_pass
from .speed import (
    MB,
    REPO_ROOT,
    all_cores,
    baselines,
    cli_matches_library,
    cli_over_files,
    cli_wall_time,
    growth,
    growth_in_pages,
    machine_load,
    peak_rss_mb,
    single_process,
    stage_times,
)
from .summary import check_targets, summarize

DEFAULT_CORPUS = "../shared/corpus/peoples_daily_1998_01/articles.jsonl"


@dataclass(frozen=True)
class Size:
    target_bytes: int
    growth_base_bytes: int
    growth_budget_s: float
    baseline_budget_s: float


SIZES = {
    # small: a quick look, well under a minute
    "small": Size(2 * MB, 50_000, 12.0, 10.0),
    # full: at least 20 MB however MB is counted, under ten minutes on two cores
    "full": Size(20 * 1024 * 1024, 128_000, 90.0, 60.0),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m newsclean.bench", description="Benchmark newsclean on generated pages."
    )
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="JSONL article corpus")
    parser.add_argument("--out", default="bench-results.json", help="where to write the JSON")
    parser.add_argument("--pages", type=int, help="generate exactly N pages instead")
    parser.add_argument("--seed", type=int, default=1, help="seed for the generator")
    parser.add_argument("--write-pages", metavar="DIR", help="also write pages and truth here")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="pool size for all cores"
    )
    parser.add_argument(
        "--cleaner", choices=("newsclean", "oracle", "passthrough"), default="newsclean"
    )
    parser.add_argument("--quality-only", action="store_true", help="skip speed and memory")
    parser.add_argument("--cli-page", help="page for the CLI timing (default: the seed page)")
    return parser.parse_args(argv)


def resolve_corpus(path: str) -> Path:
    """The corpus path as given, or else relative to the repository root."""
    given = Path(path)
    if given.exists() or given.is_absolute():
        return given
    return REPO_ROOT / given


def pick_cleaner(name: str, pages):
    if name == "oracle":
        return OracleCleaner(pages)
    if name == "passthrough":
        return passthrough_clean
    from newsclean import clean

    return clean


def seed_page(given: str | None) -> Path | None:
    if given:
        return Path(given)
    seeds = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    return seeds[0] if seeds else None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = perf_counter()
    load_at_start = machine_load()
    size = SIZES[args.size]
    corpus = resolve_corpus(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    articles = load_corpus(corpus)
    pages = list(
        generate_pages(
            articles,
            args.seed,
            pages=args.pages,
            target_bytes=None if args.pages else size.target_bytes,
        )
    )
    generated_s = perf_counter() - started
    if args.write_pages:
        write_pages(pages, args.write_pages)
    try:
        clean = pick_cleaner(args.cleaner, pages)
    except ImportError as exc:
        print(f"newsclean.clean is not available yet: {exc}", file=sys.stderr)
        return 2
    rss_before = peak_rss_mb()["self"]
    phase = perf_counter()
    run = quality_pass(pages, clean)
    quality = summarize(run.totals)
    phases = {"generate": generated_s, "clean_and_score": perf_counter() - phase}
    results = {
        "settings": {
            "size": args.size,
            "seed": args.seed,
            "corpus": corpus.name,
            "cleaner": args.cleaner,
            "pages": len(pages),
            "mb": sum(p.nbytes for p in pages) / MB,
        },
        "machine": {"at_start": load_at_start},
        "quality": quality,
        "quality_by_style": {style: summarize(c) for style, c in sorted(run.by_style.items())},
        "targets": check_targets(quality),
        "errors": run.errors[:20],
        "worst_pages": run.worst,
    }
    if args.cleaner == "newsclean" and not args.quality_only:
        results["speed"] = measure_speed(args, size, pages, clean, run, rss_before, phases)
    results["machine"]["at_end"] = machine_load()
    results["phase_seconds"] = phases
    results["wall_seconds"] = perf_counter() - started
    print_table(results)
    write_json(results, args.out)
    return 0


def measure_speed(args, size: Size, pages, clean, run, rss_before: float, phases: dict) -> dict:
    """Each step's own wall time goes into ``phases``, to show where the run's time went."""
    speed = {
        "single_process": single_process(run.seconds, run.nbytes),
        "rss_before_clean_mb": rss_before,
    }
    steps = {
        "all_cores": lambda: all_cores(pages, args.processes),
        "growth": lambda: growth(pages, clean, size.growth_base_bytes, size.growth_budget_s),
        "growth_in_pages": lambda: growth_in_pages(pages, clean, max(1, len(pages) // 4)),
        "baselines": lambda: baselines(pages, size.baseline_budget_s),
        "cli_files": lambda: [cli_over_files(pages, jobs) for jobs in ("auto", "1")],
        "stages": lambda: stage_times(pages, size.baseline_budget_s),
    }
    for name, step in steps.items():
        start = perf_counter()
        speed[name] = step()
        phases[name] = perf_counter() - start
    pool = speed["all_cores"]
    single_s = speed["single_process"]["seconds"]
    pool["speedup"] = single_s / pool["seconds"] if pool["seconds"] else None
    speed["peak_rss_mb"] = peak_rss_mb()
    start = perf_counter()
    page = seed_page(args.cli_page)
    if page and page.exists():
        speed["cli"] = cli_wall_time(page)
    speed["cli_matches_library"] = cli_matches_library(pages, clean)
    phases["cli"] = perf_counter() - start
    return speed


if __name__ == "__main__":
    sys.exit(main())
