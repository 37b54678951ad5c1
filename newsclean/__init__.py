"""newsclean: repair OCR'd Chinese newspaper pages into clean, reassembled articles.

>>> from newsclean import clean
>>> result = clean("# 标题\\n\\n他说,今天下雨。\\n")
>>> result.articles[0].title, result.articles[0].paragraphs()
('标题', ['他说，今天下雨。'])
"""

from __future__ import annotations

from dataclasses import replace

from .assemble import assemble
from .config import FILTER_ORDER, Config
from .model import Article, Block, Kind, Page, Repair, Result
from .parse import parse
from .pipeline import run_filters

__version__ = "0.1.0"
__all__ = [
    "FILTER_ORDER",
    "Article",
    "Block",
    "Config",
    "Kind",
    "Page",
    "Repair",
    "Result",
    "clean",
    "clean_page",
    "parse",
]


# a Config is frozen, so one default serves every call
_DEFAULT_CONFIG = Config()


def clean_page(page: Page, config: Config | None = None) -> Result:
    page, repairs = run_filters(page, config or _DEFAULT_CONFIG)
    return Result(page=page, articles=assemble(page, repairs), repairs=repairs)


def clean(text: str, source: str = "<string>", config: Config | None = None, **options) -> Result:
    """Clean one page of OCR text.

    ``options`` are :class:`Config` fields (``dedup=False``, ``script_mode="keep"``) or
    ``only``/``skip`` lists of filter names.
    """
    if config is None and not options:
        config = _DEFAULT_CONFIG
    elif config is None:
        only, skip = options.pop("only", ()), options.pop("skip", ())
        switches = {k: options.pop(k) for k in list(options) if k in FILTER_ORDER}
        config = replace(Config.from_selection(only=only, skip=skip, **options), **switches)
    elif options:
        raise TypeError("pass either config or options, not both")
    return clean_page(parse(text, source=source), config)
