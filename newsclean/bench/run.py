"""The quality pass: clean every page in-process, score it, and time each call."""

from __future__ import annotations

import contextlib
import signal
import threading
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from time import perf_counter

from .generate import GeneratedPage
from .score import score_page

WORST_PAGES_KEPT = 20
# every this many pages, fix's output is cleaned again: it must come back unchanged
RERUN_EVERY = 3
# a page takes milliseconds; one that takes this long is a hang, reported as an error
PAGE_TIME_LIMIT_S = 60


class PageTimeout(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise PageTimeout after ``seconds`` (where alarms work: Unix, main thread)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise PageTimeout(f"clean() took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class QualityRun:
    totals: Counter = field(default_factory=Counter)
    by_style: dict[str, Counter] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)
    nbytes: int = 0
    errors: list[dict] = field(default_factory=list)
    worst: list[dict] = field(default_factory=list)


def as_dict(item) -> dict:
    return item if isinstance(item, dict) else item.to_dict()


def quality_pass(pages: list[GeneratedPage], clean: Callable) -> QualityRun:
    """Only the ``clean`` call is timed; converting, scoring and the second run (of every
    RERUN_EVERY-th page's Markdown) happen outside the clock."""
    run = QualityRun()
    ranked = []
    for index, page in enumerate(pages):
        start = perf_counter()
        try:
            with time_limit(PAGE_TIME_LIMIT_S):
                result = clean(page.text, source=page.id)
            failure = None
        except Exception:  # a crash on one page is a finding, not the end of the run
            result, failure = None, traceback.format_exc(limit=3)
        run.seconds.append(perf_counter() - start)
        run.nbytes += page.nbytes
        articles = [as_dict(a) for a in result.articles] if result else []
        repairs = [as_dict(r) for r in result.repairs] if result else []
        counts = score_page(page.truth, articles, repairs)
        if failure:
            counts["errors"] += 1
            run.errors.append({"page": page.id, "error": failure.strip().splitlines()[-1]})
        if result is not None and index % RERUN_EVERY == 0:
            counts.update(_second_run(result, clean, page.id))
        run.totals.update(counts)
        run.by_style.setdefault(page.style, Counter()).update(counts)
        ranked.append((_badness(counts), page.id, counts))
    ranked.sort(key=lambda item: item[0], reverse=True)
    run.worst = [
        {
            "page": page_id,
            "chars_lost": c["chars_lost"],
            "paragraphs": c["paragraphs"],
            "paragraphs_exact_in_right_article": c["paragraphs_placed"],
            "output_paragraphs": c["output_paragraphs"],
            "clean_page_changes": c["clean_page_changes"],
        }
        for bad, page_id, c in ranked[:WORST_PAGES_KEPT]
        if bad > (0, 0, 0)
    ]
    return run


def _second_run(result, clean: Callable, source: str) -> Counter:
    """Whether cleaning the Markdown of ``result`` again changes it (fix of fix's output must
    not); nothing for a cleaner that gives no Markdown."""
    from newsclean.model import Article
    from newsclean.render import markdown

    if not all(isinstance(a, Article) for a in result.articles):
        return Counter()
    once = markdown(result.articles)
    try:
        again = markdown(clean(once, source=source).articles)
    except Exception:
        again = None
    return Counter(rerun_pages=1, rerun_changed=int(again != once))


def _badness(c: Counter) -> tuple[int, int, int]:
    return (c["chars_lost"], c["clean_page_changes"], c["paragraphs"] - c["paragraphs_placed"])
