"""One table for people (rich on a terminal, plain text otherwise) and the same figures as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

COLUMNS = ("Measure", "Value", "Precision", "n", "Markdown", "Plain", "Target")
SHORT_HEADERS = ("Measure", "Value", "Prec.", "n", "MD", "Plain", "Target")


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _num(x, digits: int = 1) -> str:
    if x is None:
        return "–"
    return f"{x:,}" if isinstance(x, int) else f"{x:,.{digits}f}"


def _mark(target: dict | None) -> str:
    if not target:
        return ""
    return f"{target['target']} {'met' if target['met'] else 'MISSED'}"


def quality_rows(results: dict) -> list[tuple[str, list[tuple]]]:
    """Sections of rows; each row has one cell per column."""
    q, md, pl = (
        results["quality"],
        results["quality_by_style"].get("markdown", {}),
        results["quality_by_style"].get("plain", {}),
    )
    targets = results["targets"]

    def by_style(path: list[str], fmt=_pct) -> tuple[str, str]:
        cells = []
        for summary in (md, pl):
            value = summary
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            cells.append(fmt(value) if summary else "")
        return tuple(cells)

    def simple(label, path, fmt=_pct, n=None, target=None):
        value = q
        for key in path:
            value = value[key]
        return (
            label,
            fmt(value),
            "",
            _num(n) if n is not None else "",
            *by_style(path, fmt),
            _mark(target),
        )

    def defect(label, key, extra=""):
        d = q["defects"][key]
        return (
            label + extra,
            _pct(d["recall"]),
            _pct(d["precision"]),
            _num(d["n"]),
            *by_style(["defects", key, "recall"]),
            _mark(targets.get(key)),
        )

    d = q["defects"]
    paragraphs = [
        ("Pages (with no defect)", f"{q['pages']} ({q['clean_pages']})", "", "", "", "", ""),
        simple("Paragraphs repaired exactly", ["paragraphs_exact"], n=q["paragraphs"]),
        simple("  ... and in the right article", ["paragraphs_exact_in_right_article"]),
        simple("Reading order: truth neighbours kept", ["reading_order_pairs_kept"]),
        simple("Articles found", ["articles_found"]),
        simple("Output articles per truth article", ["output_articles_per_truth"], _ratio),
        simple("Pages entirely right", ["pages_perfect"]),
    ]
    for name in ("title", "kicker", "subtitle", "jump_headline", "continued_from", "continued_to"):
        field = q["fields"][name]
        paragraphs.append(
            (
                f"{name.replace('_', ' ').capitalize()} right",
                _pct(field["accuracy"]),
                "",
                _num(field["n"]),
                *by_style(["fields", name, "accuracy"]),
                "",
            )
        )
    for label, key in (
        ("Bylines found", "bylines"),
        ("Section headings found", "section_headings"),
    ):
        item = q[key]
        paragraphs.append(
            (
                label,
                _pct(item["recall"]),
                _pct(item["precision"]),
                _num(item["n"]),
                *by_style([key, "recall"]),
                "",
            )
        )
    dup_kinds = d["duplicates_removed"]["by_kind"]
    defects = [
        defect("Duplicates removed", "duplicates_removed"),
        *[
            (f"  {kind.replace('_', ' ')}", _pct(v["recall"]), "", _num(v["n"]), "", "", "")
            for kind, v in dup_kinds.items()
        ],
        defect("Splits joined", "splits_joined"),
        ("  at bleed seams", _pct(d["splits_joined"]["at_bleed_seams"]), "", "", "", "", ""),
        (
            "False joins (per 1000 paragraphs)",
            f"{d['false_joins']['count']} ({_num(d['false_joins']['per_1000_paragraphs'])})",
            "",
            "",
            *by_style(["defects", "false_joins", "count"], _num),
            "",
        ),
        defect("Bled paragraphs returned", "bled_paragraphs_returned"),
        (
            "  in the right article",
            _pct(d["bled_paragraphs_returned"]["in_right_article"]),
            "",
            "",
            "",
            "",
            "",
        ),
        defect("Markers parsed (continued from/to)", "markers_parsed"),
        ("  markers left in text", _num(d["markers_parsed"]["left_in_text"]), "", "", "", "", ""),
        defect("Punctuation normalised", "punctuation_normalised"),
        defect("Traditional chars simplified", "traditional_simplified"),
        simple("Full-width digits/letters made ASCII", ["fullwidth_alnum_normalised"]),
        simple("Widths changed beyond the contract", ["width_changes_beyond_contract"], _num),
    ]
    by_filter: dict[str, int] = {}
    for kind, count in q["clean_page_changes_by_kind"].items():
        name = kind.split(":")[0]
        by_filter[name] = by_filter.get(name, 0) + count
    breakdown = ", ".join(f"{k} {v}" for k, v in by_filter.items())
    safety = [
        simple(
            "Truth chars lost (not in output or log)",
            ["chars_lost"],
            _num,
            q["chars_truth"],
            targets["chars_lost"],
        ),
        simple("Truth chars dropped but logged", ["chars_dropped_but_logged"], _num),
        simple(
            "Changes on pages with no defect",
            ["clean_page_changes"],
            _num,
            target=targets["clean_page_changes"],
        ),
        *([(f"  {breakdown}", "", "", "", "", "", "")] if breakdown else []),
        simple("Flags raised on pages with no defect", ["clean_page_flags"], _num),
        simple(
            "Paragraphs moved on pages without bleed",
            ["moved_without_bleed"],
            target=targets["moved_without_bleed"],
        ),
        simple(
            "Output changed by a second run",
            ["rerun_changed"],
            n=q["rerun_pages"],
            target=targets["rerun_changed"],
        ),
        simple("Pages where clean() raised", ["errors"], _num),
    ]
    return [("Output", paragraphs), ("Defects: recall", defects), ("Safety", safety)]


def _ratio(x) -> str:
    return "–" if x is None else f"{x:.2f}"


def speed_rows(speed: dict) -> list[tuple]:
    """Speed rows keep their detail in the label, so the number columns stay narrow."""
    if not speed:
        return []
    rows = []

    def add(label, value):
        rows.append((label, value, "", "", "", "", ""))

    single = speed.get("single_process")
    if single:
        add(
            f"clean(), one process ({_num(single['mb'])} MB)", f"{_num(single['mb_per_s'], 2)} MB/s"
        )
        add("Time per page, mean", f"{_num(single['page_ms_mean'])} ms")
        add(
            "Time per page, p50 / p95 / max",
            "/".join(_num(single[k], 0) for k in ("page_ms_p50", "page_ms_p95", "page_ms_max"))
            + " ms",
        )
    stages = speed.get("stages")
    if stages:
        add(f"Time per page by stage ({stages['pages']} pages)", "")
        for name, ms in stages["ms_per_page"].items():
            add(f"  {name}", f"{_num(ms, 2)} ms")
    pool = speed.get("all_cores")
    if pool:
        add(
            f"clean(), {pool['processes']} processes (x{_num(pool.get('speedup'), 2)} one)",
            f"{_num(pool['mb_per_s'], 2)} MB/s",
        )
    for run in speed.get("cli_files", []):
        value = f"{_num(run['mb_per_s'], 2)} MB/s" if not run["exit_code"] else "failed"
        add(f"newsclean fix -j {run['jobs']} over {_num(run['mb'])} MB of page files", value)
    by_pages = speed.get("growth_in_pages")
    if by_pages:
        for factor, run in by_pages["runs"].items():
            _growth_row(add, f"{factor} the pages", run, lambda r: f"{r['pages']}, ")
    grow = speed.get("growth")
    if grow:
        for factor, run in grow["runs"].items():
            _growth_row(add, f"One page made of {factor} the text", run, lambda r: "")
    for name, label in (("opencc_t2s", "OpenCC t2s alone"), ("ftfy", "ftfy.fix_text alone")):
        base = speed.get("baselines", {}).get(name)
        if not base:
            continue
        if "skipped" in base:
            add(f"Baseline: {label}: {base['skipped']}", "skipped")
        else:
            scope = "all pages" if base["whole_input"] else f"first {_num(base['mb'])} MB"
            add(f"Baseline: {label} ({scope})", f"{_num(base['mb_per_s'], 2)} MB/s")
    rss = speed.get("peak_rss_mb")
    if rss:
        worker = (pool or {}).get("worker_peak_rss_mb")
        add(
            "Peak RSS MB: this process / a worker / children",
            f"{_num(rss['self'], 0)}/{_num(worker, 0)}/{_num(rss['children'], 0)}",
        )
        add("Peak RSS MB before cleaning (pages held)", _num(speed.get("rss_before_clean_mb"), 0))
    cli = speed.get("cli")
    if cli:
        value = f"{_num(cli['cli_ms'], 0)} ms" if not cli["cli_exit_code"] else "failed"
        add(f"CLI one page (python -c pass: {_num(cli['python_pass_ms'], 0)} ms)", value)
    same = speed.get("cli_matches_library")
    if same:
        verdict = {True: "yes", False: "NO", None: "–"}[same["same"]]
        add(f"CLI --format jsonl equals library ({len(same['pages'])} pages)", verdict)
    return rows


def print_table(results: dict, stream=None) -> None:
    stream = stream or sys.stdout
    sections = quality_rows(results)
    speed = speed_rows(results.get("speed") or {})
    if speed:
        sections.append(("Speed and memory", speed))
    settings, machine = results["settings"], results.get("machine", {})
    load = machine.get("at_start", {})
    title = (
        f"newsclean benchmark: {settings['size']}, seed {settings['seed']}, "
        f"{results['quality']['pages']} pages, {_num(settings['mb'], 2)} MB; "
        f"{load.get('cpus')} CPUs, load {_num(load.get('load_average_1min'), 2)} at start; "
        f"{_num(results.get('wall_seconds'))} s in all"
    )
    if stream.isatty():
        _print_rich(title, sections, stream)
    else:
        _print_plain(title, sections, stream)


def _print_rich(title: str, sections, stream) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False)
    for name in SHORT_HEADERS:
        # a narrow terminal wraps the labels, never the numbers
        if name == "Measure":
            table.add_column(name, ratio=1, min_width=18)
        else:
            table.add_column(name, justify="right", no_wrap=True)
    for heading, rows in sections:
        table.add_section()
        table.add_row(f"[bold]{heading}[/bold]", *[""] * (len(COLUMNS) - 1))
        for row in rows:
            style = "red" if row[-1].endswith("MISSED") else None
            table.add_row(*row, style=style)
    Console(file=stream).print(table)


def _print_plain(title: str, sections, stream) -> None:
    rows = [row for _, rs in sections for row in rs]
    widths = [max(len(str(r[i])) for r in [COLUMNS, *rows]) for i in range(len(COLUMNS))]

    def line(cells) -> str:
        parts = [
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths))
        ]
        return "  ".join(parts).rstrip()

    print(title, file=stream)
    print(line(COLUMNS), file=stream)
    for heading, rs in sections:
        print("", file=stream)
        print(f"[{heading}]", file=stream)
        for row in rs:
            print(line(row), file=stream)


def write_json(results: dict, path: str | Path) -> None:
    Path(path).write_text(
        json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def _growth_row(add, label: str, run: dict, detail) -> None:
    if "skipped" in run:
        add(f"{label}: {run['skipped']}", "skipped")
        return
    add(
        f"{label} ({detail(run)}{_num(run['mb'], 2)} MB), x{_num(run['ratio_to_1x'], 2)} the 1x time",
        f"{_num(run['seconds'], 3)} s",
    )
