"""Compiled patterns and character tables shared by the parser and the filters.

Tables are built once at import and never mutated.  Sources:
- Han ranges: Unicode's ``Script=Han`` property, through ``regex``'s ``\\p{Han}``.
- Sentence-final punctuation and the characters that cannot open a sentence: the Chinese
  line-breaking rules (GB/T 15834-2011 punctuation usage, and the "kinsoku" sets of W3C
  "Requirements for Chinese Text Layout", section 3.1.7).
- Continuation markers (上接/下转/转/接/紧接 第N版, A2版): the forms printed by Chinese dailies.
"""

from __future__ import annotations

import regex

HAN = r"\p{Han}"
# Chinese punctuation that counts as "Chinese context" next to a half-width mark
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·"
CJK_CONTEXT = rf"[{HAN}{regex.escape(CJK_PUNCT)}]"

SENTENCE_FINAL = "。！？…!?"
CLOSING_QUOTES = "”’」』）)》"
# characters that do not begin a sentence: they continue one cut at a column break
NON_OPENING = "，。、；：？！）》」』”’,;:?!)…—%"

# a paragraph has ended when its last meaningful char is sentence-final, possibly followed
# by closing quotes/brackets: 。”  ！）
ENDS_SENTENCE = regex.compile(
    rf"[{regex.escape(SENTENCE_FINAL)}][{regex.escape(CLOSING_QUOTES)}]*\s*$"
)
# some short items end with a closing bracket alone: （完） （新华社记者某某摄）
ENDS_BRACKETED = regex.compile(r"[）)】]\s*$")

CHINESE_NUMERALS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "百": 100,
}  # fmt: skip


def chinese_number(text: str) -> int | None:
    """Parse a small Chinese or Arabic numeral (page numbers up to 999).

    >>> chinese_number("十二"), chinese_number("二十"), chinese_number("3"), chinese_number("１２")
    (12, 20, 3, 12)
    """
    text = text.strip()
    if not text:
        return None
    ascii_digits = text.translate(FULLWIDTH_TO_ASCII)
    if ascii_digits.isdigit():
        return int(ascii_digits)
    total, current = 0, 0
    for ch in text:
        value = CHINESE_NUMERALS.get(ch)
        if value is None:
            return None
        if value in (10, 100):
            total += (current or 1) * value
            current = 0
        else:
            current = current * 10 + value if current and value == 0 else value
    return total + current


# full-width ASCII block U+FF01..U+FF5E maps to U+0021..U+007E; the ideographic space stays
FULLWIDTH_TO_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}

PAGE_NO = (
    r"(?:[0-9０-９]{1,3}|[一二三四五六七八九十百零〇两]{1,4}|[A-Za-zＡ-Ｚａ-ｚ][0-9０-９]{1,2})"
)
# 上接第一版 / （上接第1版） / (上接A2版) / 下转第二版 / 转第8版 / 接第8版 / 紧接第三版
MARKER_BODY = rf"(?P<verb>上接|下转|紧接|转|接)\s*(?:第\s*)?(?P<page>{PAGE_NO})\s*版"
MARKER = regex.compile(rf"[（(【]?\s*{MARKER_BODY}\s*[）)】]?")
MARKER_ONLY = regex.compile(rf"^\s*[（(【]?\s*{MARKER_BODY}\s*[）)】]?\s*$")
MARKER_AT_START = regex.compile(rf"^\s*[（(【]?\s*{MARKER_BODY}\s*[）)】]?[\s，,：:]*")
MARKER_AT_END = regex.compile(rf"[\s，,]*[（(【]?\s*{MARKER_BODY}\s*[）)】]?\s*$")
CONTINUED_FROM_VERBS = frozenset({"上接", "接", "紧接"})

# 本报北京11月14日讯 / 新华社北京11月14日电 / 本报讯 / 据新华社北京1月1日电
DATELINE = regex.compile(
    r"^(?:据)?(?:本报|新华社|中新社|人民网|中新网|央视网|新华网)(?:\p{Han}{0,12}?)"
    r"(?:[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日)?"
    r"(?:专)?[讯电](?:\s*[（(][^）)]{1,20}[）)])?"
    r"(?:\s*(?:记者|通讯员|特约记者)[\p{Han}\s、]{2,30}?(?=\s))?"
)
# □ 本报记者 张冲 / 本报记者 张冲 / 记者 张冲 李四 / ■文/图 本报记者 …
BYLINE_MARK = "□■▲●◇◆○"
BYLINE = regex.compile(
    r"^(?:(?:本报|本刊|新华社|中新社)?(?:特派|特约|驻\p{Han}{1,6})?(?:记者|通讯员|实习生|评论员)"
    r"|文/图|文\s*/|图/|摄影)[\p{Han}\s·、/]{0,40}$"
)

# newspaper section names printed beside edition numbers (第3版 要闻)
SECTION_NAMES = "要闻|综合|国内|国际|评论|经济|社会|文化|体育|副刊|法治|专版|地方|理论"

# running heads and page furniture (whole block only)
FURNITURE = [
    ("page_number", regex.compile(r"^[-—－\s]*[0-9０-９]{1,3}[-—－\s]*$")),
    ("edition_line", regex.compile(
        rf"^第\s*{PAGE_NO}\s*版(?:[\s·:：|｜]+\p{{Han}}{{1,10}}|(?:{SECTION_NAMES})(?:新闻)?)?$"
    )),
    ("edition_line", regex.compile(rf"^{PAGE_NO}\s*版?[\s·:：|｜]*(?:{SECTION_NAMES})(?:新闻)?$")),
    ("running_head", regex.compile(
        r"^(?:\p{Han}{2,8}报\s*)?(?:\d{4}|[０-９]{4})\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日"
        r"\s*(?:星期|周)[一二三四五六日天](?:\s*\p{Han}{0,8}报)?(?:\s*第?\s*" + PAGE_NO + r"\s*版?)?(?:\s*\p{Han}{0,6})?$"
    )),
    ("editor_line", regex.compile(
        r"^(?:(?:本版|责任|美术|版式|图片|文字)?编辑|责编|校对|版式设计|制图|美编)\s*[:：]\s*[\p{Han}\s·、,，]{1,30}$"
    )),
    ("editor_line", regex.compile(
        r"^(?:(?:(?:本版|责任|美术|版式|图片|文字|执行)?(?:编辑|校对)|责编|美编|版式设计|制图|摄影)"
        r"\s*[:：]\s*[\p{Han}·、,， ]{1,12}?\s*){2,4}$"
    )),
]  # fmt: skip
