"""Normalise character width and OCR spacing: full-width punctuation in Chinese, ASCII letters and digits.

Five concerns, each one compiled ``regex`` pass that runs only when a cheap test says there is
something for it:

* ``invisible``: characters that print nothing (zero-width space, word joiner, a byte-order
  mark inside the text, soft hyphen) go.
* ``fullwidth_alnum``: full-width letters and digits become ASCII (``１２月`` -> ``12月``,
  ``ＷＴＯ`` -> ``WTO``); inside a full-width number, ``．`` and a trailing ``％`` go with the
  digits (``３．５％`` -> ``3.5%``).  Other full-width punctuation stays full-width.
* ``halfwidth_punctuation``: ``, ; : ? ! ( )`` next to Chinese (a Han character or Chinese
  punctuation directly before or after, a line break aside) become ``，；：？！（）``.  Brackets
  go in pairs: a ``(...)`` pair converts as a whole when its content holds Chinese or a
  neighbour outside it is Chinese, unless it is glued to a Latin letter or digit and holds
  no Chinese (``f(x)``, ``ABC(DEF)`` stay even inside a Chinese sentence); a bracket without
  a partner follows the rule for single marks.  URLs and e-mail addresses are skipped entirely.
* ``letter_spacing``: OCR letter-spacing, a run of three or more Han characters each separated
  by one space, is closed up (``国 务 院`` -> ``国务院``), except in bylines and right after a
  byline role word (``记者 王 刚`` pads a two-character name and stays).
* ``space_before_punctuation``: spaces between a Han character and the Chinese punctuation
  that closes it (``他说 ，``), or between opening punctuation and Han (``“ 全``), go.

It refuses to touch decimals, times, thousands separators, formulas and Latin words
(``36.6``, ``10:30``, ``1,000``, ``9+X``, ``f(x)``), spaces between Chinese words
(``本报记者 张国强 韩宇``), a space after closing punctuation (``。” 他说``), half-width marks
with a space on both sides, and full-width punctuation.  One repair per changed block.

The width passes run once over the whole page (the block texts joined with ``\\x00``, which no
pattern crosses), so a page pays a few regex calls rather than a few per block.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..chardata import CJK_CONTEXT, CJK_PUNCT, FULLWIDTH_TO_ASCII, both_scripts
from ..model import Kind

NAME = "normalize"

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_SEP = "\x00"  # joins block texts into one page string; never matched across

# a full-width run of letters/digits; a ．between full-width digits is a decimal point, and a
# ％ right after a full-width digit belongs to the number.  These patterns, and _HALF_MARK,
# need nothing beyond stdlib re, which runs them faster than regex.
_FW_RUN = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+(?:(?<=[０-９])．[０-９]+)*(?:(?<=[０-９])％)?")
_FW_CHANGED = re.compile(r"[０-９Ａ-Ｚａ-ｚ．％]")
_HALF_MARK = re.compile(r"[,;:?!()]")
# what any pass acts on: a full-width run opens with a letter or digit, a width pass needs a
# half-width mark, a spacing pass a space; a text with none of these is left as it is
_ACTED_ON = re.compile(r"[０-９Ａ-Ｚａ-ｚ,;:?!() ]")

# a line break inside a block is not a character: the look-arounds look through one, and
# through a run of other half-width marks, which convert with it (``好?!`` -> ``好？！``)
_CHAIN = r"[,;:?!()]*"
_BEFORE_CJK = rf"(?<={CJK_CONTEXT}\n?{_CHAIN}"  # closed with the mark itself: (?<=CJK\n?.)
_AFTER_CJK = rf"(?={_CHAIN}\n?{CJK_CONTEXT})"
_MARK_RULE = rf"(?:{_BEFORE_CJK}.)|{_AFTER_CJK})"
# one pass per mark with a fixed replacement: no Python call per match
_SINGLE_MARKS = tuple(
    (mark, regex.compile(rf"{regex.escape(mark)}{_MARK_RULE}")) for mark in ",;:?!"
)
# a balanced bracket pair, nested pairs inside it (outermost first); it may wrap over a line
_PAIR = regex.compile(r"\((?:[^()（）\x00]++|(?R))*\)")
# a pair still half-width after the pair pass was kept on purpose (``f(x)``): the bracket pass
# steps over it whole, so it never converts one half of it
_KEPT_PAIR = r"(?P<kp>\((?:[^()（）\x00]++|(?&kp))*\))"
_PAREN_OR_KEPT = regex.compile(rf"(?P<keep>{_KEPT_PAIR})|[()]{_MARK_RULE}")
# URLs and e-mail addresses are matched first and given back unchanged; a URL does not take a
# trailing mark (``见http://a.cn/x,下同`` keeps its comma for the sentence)
_URL_CHARS = rf"[^\s\x00\p{{Han}}{regex.escape(CJK_PUNCT)}]"
_URL = (
    rf"(?:(?:https?|ftp)://|www\.){_URL_CHARS}*(?<![.,;:?!(])"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
_MARK_OR_URL = regex.compile(rf"(?P<keep>{_URL}|{_KEPT_PAIR})|[,;:?!()]{_MARK_RULE}")
_URL_HINTS = ("://", "www.", "@")
# after a pass, another is needed only where a half-width mark now touches a full-width one
_NEWLY_ADJACENT = regex.compile(r"[,;:?!()]\n?[，；：？！（）]|[，；：？！（）]\n?[,;:?!()]")

_IS_CJK = regex.compile(CJK_CONTEXT)
_FORMULA_HEAD = regex.compile(r"[A-Za-z0-9_]")
_MAX_NESTING = 16

# OCR letter-spacing: Han, then two or more ' Han'.  Written to start on the space, so the
# scan is fast and the run's first Han is a lookbehind.
# four or more characters one space apart (国 务 院 安): fewer is how a title sets words
# apart (历史深处的回音 读 中国历代智囊人物丛书)
_LETTER_SPACED = regex.compile(r"(?<=\p{Han}) \p{Han}(?: \p{Han}){2,}")
# a role word just before a spaced run means a padded name: 记者 王 刚, 记者王 刚 李 明
_ROLE_BEFORE = regex.compile(
    both_scripts(r"(?:记者|通讯员|实习生|评论员|摄影|摄|编辑|作者|撰稿|文/图|图/文)[ \t]*\p{Han}?$")
)
_ROLE_WINDOW = 8

_CLOSING = "，。、；：？！）》」』】”’…"
_OPENING = "“‘（《「『【"
_SPACE_PUNCT = regex.compile(
    rf"(?<=\p{{Han}}) +(?=[{regex.escape(_CLOSING)}])|(?<=[{regex.escape(_OPENING)}]) +(?=\p{{Han}})"
)

CONFIDENCE = {
    "invisible": 0.99,
    "fullwidth_alnum": 0.98,
    "halfwidth_punctuation": 0.95,
    "letter_spacing": 0.8,
    "space_before_punctuation": 0.9,
}
_DETAIL = {
    "invisible": "{} invisible characters removed (zero-width space, word joiner, BOM, soft hyphen)",
    "fullwidth_alnum": "{} full-width letters/digits made ASCII",
    "halfwidth_punctuation": "{} marks made full-width",
    "letter_spacing": "{} letter-spacing spaces removed",
    "space_before_punctuation": "{} spaces next to Chinese punctuation removed",
}


# --- invisible characters ------------------------------------------------------------------

# characters OCR and text exports leave in that print nothing: a zero-width space, a word
# joiner, a byte-order mark inside the text, a soft hyphen; they split words for search and
# for the filters' own patterns.  (The zero-width joiners that build an emoji stay.)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")


def _without_invisible(text: str, counts: dict[str, int]) -> str:
    new = _INVISIBLE.sub("", text)
    counts["invisible"] = counts.get("invisible", 0) + len(text) - len(new)
    return new


# --- width ------------------------------------------------------------------------------


def _fullwidth_alnum(text: str) -> str:
    return _FW_RUN.sub(lambda m: m.group(0).translate(FULLWIDTH_TO_ASCII), text)


def _count_half(text: str) -> int:
    return len(_HALF_MARK.findall(text))


def _has_half(text: str) -> bool:
    return (
        "," in text or ":" in text or ";" in text or "(" in text
        or ")" in text or "?" in text or "!" in text
    )  # fmt: skip


def _outside(text: str, i: int, step: int) -> str:
    """The character next to position i going one way, looking through half-width marks
    (which will convert if what lies beyond them is Chinese) and one line break."""
    j = i + step
    n = len(text)
    while 0 <= j < n and text[j] in HALF_TO_FULL:
        j += step
    if 0 <= j < n and text[j] == "\n":
        j += step
    return text[j] if 0 <= j < n else ""


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _IS_CJK.match(ch) is not None


def _convert_pairs(text: str, depth: int = 0) -> str:
    """Decide each bracket pair as a whole, then the pairs nested in it (to a sane depth)."""

    def one(m: regex.Match) -> str:
        content = m.group(0)[1:-1]
        has_cjk = _IS_CJK.search(content) is not None
        if not has_cjk and m.start() > 0 and _FORMULA_HEAD.match(text, m.start() - 1):
            return m.group(0)  # f(x), ABC(DEF): a formula or identifier, even inside Chinese
        if not (
            has_cjk
            or _is_cjk(_outside(text, m.start(), -1))
            or _is_cjk(_outside(text, m.end() - 1, 1))
        ):
            return m.group(0)  # no Chinese in or next to it: nor in anything nested in it
        if "(" in content and depth < _MAX_NESTING:
            content = _convert_pairs(content, depth + 1)
        return f"（{content}）"

    return _PAIR.sub(one, text)


def _convert_mark(m: regex.Match) -> str:
    if m.lastgroup == "keep":
        return m.group(0)
    return HALF_TO_FULL[m.group(0)]


def _marks_once(text: str) -> str:
    if "(" in text and ")" in text:
        text = _convert_pairs(text)
    if any(h in text for h in _URL_HINTS):
        return _MARK_OR_URL.sub(_convert_mark, text)
    if "(" in text or ")" in text:
        text = _PAREN_OR_KEPT.sub(_convert_mark, text)
    for mark, pattern in _SINGLE_MARKS:
        if mark in text:
            text = pattern.sub(HALF_TO_FULL[mark], text)
    return text


def _halfwidth_marks(text: str) -> str:
    """Convert half-width marks next to Chinese until nothing more changes.

    A converted mark is Chinese context for its neighbours (``好?!`` -> ``好？！``), so
    another pass runs only while a half-width mark touches a full-width one; on ordinary
    text that never happens and one pass does it all.
    """
    for _ in range(8):
        new = _marks_once(text)
        if new == text:
            break
        text = new
        if not _has_half(text) or not _NEWLY_ADJACENT.search(text):
            break
    return text


def _width(text: str) -> tuple[str, bool, bool]:
    """Both width concerns over a text (a block, or a page of blocks joined with ``\\x00``);
    also says whether any full-width letter or digit was converted, and whether any
    half-width mark was."""
    new = _fullwidth_alnum(text)
    fullwidth = new != text
    halfwidth = False
    if _has_half(new):
        widened = _halfwidth_marks(new)
        halfwidth = widened != new
        new = widened
    return new, fullwidth, halfwidth


# --- spacing ----------------------------------------------------------------------------


def _close_letter_spacing(m: regex.Match) -> str:
    start = m.start()
    if _ROLE_BEFORE.search(m.string, max(0, start - _ROLE_WINDOW), start):
        return m.group(0)
    return m.group(0).replace(" ", "")


def _spacing(text: str, counts: dict[str, int]) -> str:
    new = _LETTER_SPACED.sub(_close_letter_spacing, text)
    if new != text:
        counts["letter_spacing"] = len(text) - len(new)
        text = new
    new = _SPACE_PUNCT.sub("", text)
    if new != text:
        counts["space_before_punctuation"] = len(text) - len(new)
        text = new
    return text


# --- one block, and the page ------------------------------------------------------------


def _width_counts(
    before: str, after: str, counts: dict[str, int], fullwidth: bool, halfwidth: bool
) -> None:
    """What the width passes changed in one block (conversion only ever removes the
    half-width marks and full-width forms it converts, so differences of counts suffice;
    and a block that had none of either kind has none after, nor one on a page where that
    kind converted nothing)."""
    half = _count_half(before) if halfwidth else 0
    if half:
        half -= _count_half(after)
    if fullwidth:
        fw = len(_FW_CHANGED.findall(before))
        if fw:
            fw -= len(_FW_CHANGED.findall(after))
        if fw:
            counts["fullwidth_alnum"] = fw
    if half:
        counts["halfwidth_punctuation"] = half


def normalize_text(text: str, spacing: bool = True) -> tuple[str, dict[str, int]]:
    """Normalise one block's text; return the new text and a count of changes per concern.

    ``spacing=False`` leaves spaces alone (for bylines, where spaced names are meaningful).

    >>> normalize_text("他说,今年(2021年)产值增长３．５％,达2.71亿元。")[0]
    '他说，今年（2021年）产值增长3.5%，达2.71亿元。'
    >>> normalize_text("国 务 院 安 委 会对3起事故挂牌督办 ，时间10:30")[0]
    '国务院安委会对3起事故挂牌督办，时间10:30'
    >>> normalize_text("f(x) = 1,000; see http://www.a.com/b?x=1,2")[0]
    'f(x) = 1,000; see http://www.a.com/b?x=1,2'
    """
    counts: dict[str, int] = {}
    if _INVISIBLE.search(text) is not None:
        text = _without_invisible(text, counts)
    if _ACTED_ON.search(text) is None:
        return text, counts
    new, fullwidth, halfwidth = _width(text)
    if new != text:
        _width_counts(text, new, counts, fullwidth, halfwidth)
    if spacing and " " in new:
        new = _spacing(new, counts)
    return new, counts


@lru_cache(maxsize=4096)
def _reason_and_confidence(counts: tuple[tuple[str, int], ...]) -> tuple[str, float]:
    # (most blocks change by a few characters of one concern: the same few records recur)
    reason = "; ".join(f"{k}: {_DETAIL[k].format(v)}" for k, v in counts)
    return reason, min(CONFIDENCE[k] for k, _ in counts)


def run(page, config):
    texts = [b.text for b in page.blocks]
    if any(_SEP in t for t in texts):
        results = [_width(t) for t in texts]
        widened = [t for t, _, _ in results]
        fullwidth = any(f for _, f, _ in results)
        halfwidth = any(h for _, _, h in results)
    else:
        joined, fullwidth, halfwidth = _width(_SEP.join(texts))
        widened = joined.split(_SEP)

    changes = {}
    invisible = any(map(_INVISIBLE.search, texts))
    for i, (block, text, new) in enumerate(zip(page.blocks, texts, widened)):
        counts: dict[str, int] = {}
        if new != text:
            _width_counts(text, new, counts, fullwidth, halfwidth)
        if invisible and _INVISIBLE.search(new) is not None:
            new = _without_invisible(new, counts)
        if " " in new and block.kind != Kind.BYLINE:
            new = _spacing(new, counts)
        if new != text:
            changes[i] = (new, *_reason_and_confidence(tuple(counts.items())))
    return page.rewrite(NAME, "replaced", changes)
