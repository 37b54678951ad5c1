"""Finds headlines, kickers, subtitles, jump headlines, bylines and sections, and labels articles.

Markdown headings follow the seed's conventions: ``#`` is a headline; ``##`` is a kicker directly above a headline, a subtitle directly below one, the jump
headline of a continued piece when a continuation marker follows it or it carries its 上接
marker (``## 数字乡村（上接第1版）``, at any level or in bold), and otherwise a headline
(when a byline or dateline follows) or a section heading.  Plain OCR headlines (short lines
without sentence punctuation) are grouped the same way.  No text changes here, so this filter
records no repairs.

>>> from newsclean import parse
>>> from newsclean.config import Config
>>> page, _ = run(parse("## 引题\\n\\n# 标题\\n\\n## 副题\\n\\n正文。"), Config())
>>> [b.kind.value for b in page.blocks]
['kicker', 'headline', 'subtitle', 'paragraph']
"""

from __future__ import annotations

import regex

from ..chardata import (
    BYLINE,
    CLOSING_CREDIT,
    CONTINUED_FROM_VERBS,
    DATELINE,
    MARKER,
    MARKER_AT_END,
    MARKER_AT_START,
    MARKER_ONLY,
    NON_OPENING,
    both_scripts,
    may_hold_marker,
)
from ..config import Config
from ..model import HEADING_KINDS, Block, Kind, Page, Repair, indents_paragraphs
from ..parse import DASH_SUBTITLE, closes_sentence, headline_like
from .continuation import carries_continued_from
from .furniture import marker_line

NAME = "structure"

# Kind's members as plain names for the loops over every block: an attribute of an Enum class
# is looked up through the metaclass's __getattr__ hook, several times slower than a global
_PARAGRAPH, _SECTION, _MARKER = Kind.PARAGRAPH, Kind.SECTION, Kind.MARKER
_KICKER, _HEADLINE, _JUMP_HEADLINE = Kind.KICKER, Kind.HEADLINE, Kind.JUMP_HEADLINE
_SUBTITLE = Kind.SUBTITLE
_BYLINE = Kind.BYLINE

# the commonest Chinese surnames (together some nine in ten people), and compound ones
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟"
    "应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝阎"
    # (and as a traditional page prints them)
    "張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧於蔣餘葉蘇呂盧鍾譚陸範賈韋鄒閆龍賀顧龔萬錢嚴湯溫齊喬龐顏莊"
    "聶魯嶽歐關蘭寧紀畢單塗駱藍遊鮑華饒陽農繆簡車項連蘆麥婁竇黨宮費衛應閔鄔邊師欒榮叢鞏遲鄺閻"
)
# a line that is one to three people's names (an author line: 李吉 / 李彦生 陈爱国 / 钟源摄影)
# reads as a headline on a plain page that does not indent its text; it is text
AUTHOR_NAMES = regex.compile(
    both_scripts(
        rf"^(?:(?:欧阳|司马|诸葛|諸葛|上官|东方|東方|皇甫|令狐|慕容|夏侯|尉迟|宇文|司徒|[{_SURNAMES}])"
        rf"\p{{Han}}{{1,2}}[ \u3000、]*){{1,3}}(?:摄影报道|摄影|摄|文)?$"
    )
)


NAMES_APART = regex.compile(r"\p{Han}[ \u3000、]+\p{Han}")
# an author line that names the author's post or workplace first (国家信息中心毛明轩,
# 山西省交口县县长李来福, 财政部部长兼国家税务总局局长刘仲藜): a word that ends a workplace or
# a post, then a name
AFFILIATED_AUTHOR = regex.compile(
    both_scripts(
        r"^\p{Han}{2,24}?(?:公司|集团|中心|大学|学院|学校|医院|研究院|研究所|研究室|研究会|委员会|"
        r"政研室|协会|银行|工厂|报社|电视台|电台|杂志社|出版社|办公室|办|厅|局|部|院|所|站|处|科|司|室|"
        r"[总副]?(?:经理|主任|主席|书记|司长|局长|厅长|部长|处长|省长|市长|县长|区长|镇长|乡长|村长|"
        r"所长|院长|校长|社长|会长|行长|董事长|总裁|主编|编辑|教授|研究员|工程师|教师|医生|律师|委员))"
        rf"[ \u3000]*[{_SURNAMES}]\p{{Han}}{{1,2}}$"
    )
)
HAN_ONLY = regex.compile(r"^\p{Han}{2,}$")
PEN_NAME_CHARS = 3  # a line of this many Han characters or fewer at the foot of a headline stack


def _author_line(text: str, under_headline: bool) -> bool:
    """Whether a short line reads as its article's author line: a photographer's credit
    (钟源摄影), or right under the headline a name or names (李吉, 潘跃王萍, 李彦生 陈爱国).
    Elsewhere names are not trusted: a headline may be one name or a list of them (贺新年,
    杨丽华 蓝天 金凤凰), and longer runs may be any words: most text splits into stretches
    that open with a surname (温馨的 贺卡)."""
    if AUTHOR_NAMES.match(text) is None:
        return False
    if text.endswith(("摄", "摄影", "摄影报道")):
        return True
    # (under the headline two names may run together: 潘跃王萍, 陶立华王力)
    return under_headline and (len(text) <= 6 or NAMES_APART.search(text) is not None)


def _stack_author_line(text: str, last: bool) -> bool:
    """Whether a line under the first of a stack of headline lines is the author line over
    the text: names (see ``_author_line``), a post or workplace and a name, or, as the
    stack's last line, a pen name of two or three characters (峭岩, 珉君), which no subtitle
    is as short as."""
    bare = text.strip()
    return (
        _author_line(bare, under_headline=True)
        or AFFILIATED_AUTHOR.match(bare) is not None
        or (last and len(bare) <= PEN_NAME_CHARS and HAN_ONLY.match(bare) is not None)
    )


def continuation_verb(block: Block) -> str | None:
    """The verb of a continuation marker the block is, or starts with (上接, 下转, ...)."""
    if not may_hold_marker(block.text):  # (most blocks are spared the patterns)
        return None
    m = MARKER_ONLY.match(block.text) or (
        MARKER_AT_START.match(block.text) if block.kind == _PARAGRAPH else None
    )
    return m.group("verb") if m else None


def _opens_article_body(block: Block | None) -> bool:
    if block is None:
        return False
    if block.kind == _BYLINE:
        return True
    return block.kind == _PARAGRAPH and bool(DATELINE.match(block.text))


def _classify_markdown_headings(blocks: list[Block]) -> list[Block]:
    # absolute levels, as fix writes them: reading levels relative to the page would make a
    # page whose output has no "#" headline parse differently the second time
    top = 1
    out = list(blocks)
    # a page that marks no headline with "#" marks them with "##" (VLM OCR that starts its
    # levels there): a "##" line that heads text is then a headline, and a "##" or "###" one
    # right under such a headline its subtitle (fix writes "#" and "##" for them, so its
    # output reads the same).  Not on a page of continued pieces, whose "##" lines are their
    # jump headlines and sections.
    no_top = not any(b.level == top for b in out) and not any(
        may_hold_marker(b.text) and MARKER.search(b.text) for b in out
    )
    for i, b in enumerate(out):
        if b.level == 0:
            continue
        if MARKER_ONLY.match(b.text):
            out[i] = b.with_(kind=_MARKER)
            continue
        rel = b.level - top
        out[i] = b.with_(kind=_HEADLINE if rel == 0 else _SECTION)
    for i, b in enumerate(out):
        if b.level == 0 or b.level <= top or b.kind == _MARKER:
            continue
        prev = out[i - 1] if i > 0 else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        # (a stack of ## lines over a headline is its kickers, unless it hangs under another
        # headline: then the first is that one's subtitle)
        j = i + 1
        if b.level == top + 1 and not (prev is not None and prev.kind == _HEADLINE):
            while j < len(out) and out[j].level == top + 1 and out[j].kind != _MARKER:
                j += 1
        ahead = out[j] if j < len(out) else None
        over_headline = ahead is not None and ahead.kind == _HEADLINE and ahead.level == top
        # a heading that carries its 上接 marker (## 数字乡村（上接第1版）) is a continued
        # piece's jump headline, as it is over the marker's own line, at any level
        carries_marker = carries_continued_from(b.text)
        # ### is what fix writes for a section heading, and stays one; #### or deeper right
        # over a headline is its 引题, as ## is
        if b.level == top + 2 or (b.level > top + 1 and not over_headline):
            if carries_marker and not over_headline:
                out[i] = b.with_(kind=_JUMP_HEADLINE)
            elif (
                no_top
                and b.level == top + 2
                and prev is not None
                and prev.kind == _HEADLINE
                and prev.level == top + 1
            ):
                # (levels that start at ##: a ### right under a ## headline is its subtitle,
                # as ## is under #)
                out[i] = b.with_(kind=_SUBTITLE)
            continue
        # (and a stack over a 上接 line, or whose last line carries one: kickers over the
        # jump headline, the stack's last)
        over_jump = j > i + 1 and (
            (
                ahead is not None
                and (ahead.kind == _MARKER or continuation_verb(ahead) in CONTINUED_FROM_VERBS)
            )
            or carries_continued_from(out[j - 1].text)
        )
        if over_headline or over_jump:
            kind = _KICKER
        elif prev is not None and prev.kind == _HEADLINE and prev.level == top:
            kind = _SUBTITLE
        elif carries_marker or (
            nxt is not None and (nxt.kind == _MARKER or continuation_verb(nxt))
        ):
            kind = _JUMP_HEADLINE
        elif (
            prev is not None
            and prev.kind == _MARKER
            and continuation_verb(prev) in CONTINUED_FROM_VERBS
        ):
            kind = _JUMP_HEADLINE  # printed under its 上接 line rather than over it
        elif no_top and b.level == top + 1 and prev is not None and prev.kind == _HEADLINE:
            kind = _SUBTITLE
        elif _opens_article_body(nxt) or (no_top and b.level == top + 1):
            kind = _HEADLINE
        else:
            kind = _SECTION
        out[i] = b.with_(kind=kind)
    return _unranked_stacks(out, top) if no_top else out


def _unranked_stacks(blocks: list[Block], top: int) -> list[Block]:
    """On a page that marks no headline with "#", a stack of lines of one level (all bold,
    or all ##) over an article's text: which is the headline is told as on a plain page, not
    by which comes first."""
    out = list(blocks)
    i = 0
    while i < len(out):
        j = i
        while (
            j < len(out)
            and out[j].level == top + 1
            and out[j].kind in (_HEADLINE, _SUBTITLE)
            and (j == i) == (out[j].kind == _HEADLINE)
        ):
            j += 1
        if j - i >= 2:
            main = _stack_main([b.text for b in out[i:j]])
            for k in range(i, j):
                kind = _KICKER if k - i < main else _HEADLINE if k - i == main else _SUBTITLE
                out[k] = out[k].with_(kind=kind)
        i = max(j, i + 1)
    return out


PARALLEL_MIN = 3  # lone lines alike before they are read as one article's section headings
SECTION_MAX_CHARS = 12


def _parallel_sections(blocks: list[Block]) -> set[int]:
    """Positions of lone plain-OCR headline lines that are one article's section headings:
    three or more of the same length, or within a character of it on a page that does not
    indent its paragraphs (党建引领激发效能 / 科技助力释放动能 / 制度保障挖掘潜能,
    抓住机遇确定战略 / 主动接轨融入市场 / 接受辐射全面发展), each followed by ordinary text
    rather than a byline or dateline, after an article has opened, and none right after a
    piece's closing credit (…。（邵力平）): what follows one opens the next article, and a
    column of short pieces may give three of them headlines of one length."""
    lone = []
    for i, b in enumerate(blocks):
        if not (b.kind == _HEADLINE and b.level == 0) or len(b.text) > SECTION_MAX_CHARS:
            continue
        prev = blocks[i - 1] if i else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        alone = not (prev and prev.kind == _HEADLINE) and not (nxt and nxt.kind == _HEADLINE)
        body_follows = nxt is not None and nxt.kind == _PARAGRAPH
        after_credit = prev is not None and CLOSING_CREDIT.search(prev.text) is not None
        if alone and i > 0 and body_follows and not after_credit and not _opens_article_body(nxt):
            lone.append(i)
    lengths = {i: len(blocks[i].text.replace(" ", "")) for i in lone}
    # (a page that does not indent sets its section headings apart by nothing else, and
    # gives them lengths a character apart as often as one: 产业升级跑出加速度 /
    # 科技创新注入新动能 / 民生福祉持续增进; one that indents has headlines of a column of
    # short pieces, several of one length, as its lone lines)
    spread = 0 if indents_paragraphs(blocks) else 1
    return {
        i for i in lone if sum(abs(lengths[j] - lengths[i]) <= spread for j in lone) >= PARALLEL_MIN
    }


# a part's number opening a heading: 一、 / （二） / 3. (not 一、二月份, a span of months)
NUMBERED_PART = regex.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十]{1,3}月)"
    r"|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、](?![0-9]))"
)


def _classify_plain_headings(blocks: list[Block]) -> list[Block]:
    """Plain OCR: runs of short unpunctuated lines (level 0 headlines from the parser)."""
    # a short line that opens with a 上接 marker is a continued piece's first words, as the
    # same line read inline is, not a headline that carries a marker
    out = [
        b.with_(kind=_PARAGRAPH)
        if b.kind == _HEADLINE
        and b.level == 0
        and may_hold_marker(b.text)
        and MARKER_AT_START.match(b.text)
        else b
        for b in blocks
    ]
    sections = _parallel_sections(out)
    i = 0
    while i < len(out):
        if not (out[i].kind == _HEADLINE and out[i].level == 0):
            i += 1
            continue
        j = i
        while j < len(out) and out[j].kind == _HEADLINE and out[j].level == 0:
            j += 1
        group = out[i:j]
        nxt = out[j] if j < len(out) else None
        # (over a 上接 line, or carrying one: 数字乡村（上接第1版）)
        if (nxt is not None and (MARKER_ONLY.match(nxt.text) or continuation_verb(nxt))) or (
            carries_continued_from(group[-1].text)
        ):
            kinds = [_KICKER] * (len(group) - 1) + [_JUMP_HEADLINE]
        elif len(group) == 1 and DASH_LED.match(group[0].text):
            # a line opening with a dash is a subtitle under a headline, never a headline: on
            # its own it is the text's (——来自山区的报道 after a paragraph)
            kinds = [_PARAGRAPH]
        elif len(group) == 1:
            # a lone short line is a headline: plain OCR gives no sign that sets a section
            # heading apart (half of all headlines run to 12 characters or fewer), and
            # calling a headline a section would merge two articles; the exceptions are a
            # set of parallel section headings (see _parallel_sections), one numbered as a
            # part of the text above (一、… / （二）…) and a photographer's credit (see
            # _author_line)
            numbered = (
                i > 0 and out[i - 1].kind == _PARAGRAPH and NUMBERED_PART.match(group[0].text)
            )
            kinds = [
                _PARAGRAPH
                if _author_line(group[0].text, under_headline=False)
                else _SECTION
                if i in sections or numbered
                else _HEADLINE
            ]
        else:
            # (an author line under the headline ends the stack: it is the text's first
            # line, and any short lines under it are the text's headings)
            cut = next(
                (
                    k
                    for k in range(1, len(group))
                    if _stack_author_line(group[k].text, last=k == len(group) - 1)
                ),
                len(group),
            )
            stack = group[:cut]
            main = _stack_main([b.text for b in stack])
            kinds = [
                _KICKER if k < main else _HEADLINE if k == main else _SUBTITLE
                for k in range(len(stack))
            ]
            if cut < len(group):
                kinds += [_PARAGRAPH] + [_SECTION] * (len(group) - cut - 1)
        for k, kind in enumerate(kinds):
            out[i + k] = group[k].with_(kind=kind)
        i = j
    return out


def _stack_main(texts: list[str]) -> int:
    """Which line of a headline stack that no markup ranks is the headline: the lines over it
    are its kickers, the ones under it its subtitles."""
    dashed = next(
        (
            k
            for k in range(1, len(texts))
            if DASH_LED.match(texts[k]) or SAYS_OPENER.match(texts[k])
        ),
        0,
    )
    if dashed:
        # a dash opens the subtitle (——记全国模范教师张秀兰), and so does what the headline's
        # speaker said (李岚清看望老教授 / 指出知识分子…是民族骄傲), printed right under its
        # headline: the lines over that are the headline and kickers
        return dashed - 1
    # else the longest line, as the headline is the stack's main line (自然资源部通报29宗农村
    # 乱占耕地建房案 / 采取“长牙齿”的硬措施 织密耕地保护防护网)
    main = max(range(len(texts)), key=lambda k: (len(texts[k].lstrip("—-")), -k))
    return 0 if DASH_LED.match(texts[main]) else main


DASH_LED = regex.compile(r"^[ \t]*(?:—{1,2}|－{1,2}|-{2}|─{1,2})")
# a line that opens with what the headline's speaker did in words: a subtitle under it
SAYS_OPENER = regex.compile(
    both_scripts(
        r"^(?:指出|强调|要求|表示|希望|认为|提出|号召|呼吁|勉励|寄语|宣布|重申|坦言|透露|承诺)"
    )
)


def _dash_subtitles(blocks: list[Block]) -> list[Block]:
    """A short flush paragraph opening with a dash right under its headline is the
    subtitle (Markdown OCR leaves it unmarked under the ``#`` line, plain OCR puts a clause
    mark in it: ——访全国人大代表、农民工李强); the same line after text is the text's."""
    out = list(blocks)
    for i in range(1, len(out)):
        b = out[i]
        if (
            b.kind == _PARAGRAPH
            and out[i - 1].kind == _HEADLINE
            and not b.markup
            and DASH_SUBTITLE.match(b.text)
        ):
            out[i] = b.with_(kind=_SUBTITLE, level=0)
    return out


UNMARKED_STACK = 3  # lines of a headline stack: kicker, headline, subtitle


def _unmarked_headlines(blocks: list[Block]) -> list[Block]:
    """On a page with no heading at all (OCR text a paragraph a line, with or without blank
    lines between), a short unpunctuated line set flush (or a stack of up to three: kicker,
    headline, subtitle), between a finished sentence and text that reads as an article's (a
    byline, or a paragraph at least twice as long), is a headline, as on a plain page.
    Asked once furniture and markers are told apart, so that a page whose only markup was a
    running head or a bold 上接 line counts as one without; what fix writes marks the
    headlines found here, so it reads the same again, and it keeps each paragraph's indent
    (an indented line is text: a subhead)."""
    if any(b.kind in HEADING_KINDS or b.kind == Kind.SECTION for b in blocks):
        return blocks
    out = list(blocks)
    i = 0
    while i < len(blocks):
        if not _unmarked_headline(blocks[i]):
            i += 1
            continue
        # a stack of such lines (kicker, headline, subtitle) over the text
        end = i + 1
        while end < len(blocks) and end - i < UNMARKED_STACK and _unmarked_headline(blocks[end]):
            end += 1
        prev = blocks[i - 1] if i else None
        placed = (
            prev is None or prev.kind != Kind.PARAGRAPH or closes_sentence(prev.text)
        ) and not (
            # (the first words of a continued piece, whose headline is its 上接 line's; the
            # line fix writes before them, or a paragraph that is the marker alone)
            prev is not None
            and (prev.kind == Kind.MARKER or MARKER_ONLY.match(prev.text))
            and continuation_verb(prev) in CONTINUED_FROM_VERBS
        )
        # the longest stack over text that reads as an article's (the lines after it are
        # that text's first, when they go on past the stack)
        while placed and end > i:
            if end < len(blocks) and _body_of_article(blocks, end, blocks[end - 1]):
                out[i:end] = [b.with_(kind=Kind.HEADLINE, level=0) for b in blocks[i:end]]
                break
            end -= 1
        i = max(end, i + 1)
    return out


def _unmarked_headline(b: Block) -> bool:
    return (
        b.kind == Kind.PARAGRAPH
        and not b.markup  # (an indented line is text: plain OCR sets a subhead so)
        and "\n" not in b.text
        and b.text[:1] not in NON_OPENING
        and headline_like(b.text)
        and continuation_verb(b) is None
        # (nor a bracket opened and left open: （下转 / 第2版）)
        and not any(b.text.count(o) > b.text.count(c) for o, c in ("（）", "()", "【】", "《》"))
    )


def _body_of_article(blocks: list[Block], at: int, heading: Block) -> bool:
    """Whether ``blocks[at]`` reads as the start of an article under ``heading``: a byline, or
    a paragraph at least twice the heading's length (its first words may be cut off).  A
    paragraph cut off at its end counts with the paragraphs that may go on with it, as it
    will once rejoin has joined them: what fix writes reads the same again."""
    block = blocks[at]
    if block.kind == Kind.BYLINE:
        return True
    if block.kind != Kind.PARAGRAPH or continuation_verb(block) is not None:
        return False  # (a 上接 line's: a jump headline, if any)
    length = len(block.text)
    while (
        length < 2 * len(heading.text)
        and not closes_sentence(block.text)
        and at + 1 < len(blocks)
        and blocks[at + 1].kind == Kind.PARAGRAPH
    ):
        at += 1
        block = blocks[at]
        length += len(block.text)
    return length >= 2 * len(heading.text)


def _classify_lines(blocks: list[Block]) -> list[Block]:
    out = []
    for b in blocks:
        kind, text = b.kind, b.text
        # (a section heading too: a bold 上接 line on a plain page)
        if kind in (_PARAGRAPH, _SECTION) and may_hold_marker(text) and MARKER_ONLY.match(text):
            b = b.with_(kind=_MARKER)
        elif kind == _SECTION and carries_continued_from(text):
            # (a bold line carrying its 上接 on a plain page: a jump headline, as on a
            # Markdown page, where the heading's level is weighed again)
            b = b.with_(kind=_JUMP_HEADLINE)
        elif (
            kind == _PARAGRAPH
            and "\n" not in text
            # a byline is names and role words: a comma or full stop rules it out, and most
            # paragraphs have one, cheaper to find than to try the pattern
            and "，" not in text
            and "。" not in text
            # (a 下转 marker printed after it is no part of it)
            and BYLINE.match(MARKER_AT_END.sub("", text) if may_hold_marker(text) else text)
        ):
            b = b.with_(kind=_BYLINE)
        out.append(b)
    return out


def label_articles(blocks: list[Block]) -> list[Block]:
    """Give every block an article number; anchors are headline groups and 上接 pieces."""
    out: list[Block] = []
    article = -1
    prev: Block | None = None
    marker_below_heading = False  # prev is the （上接第N版） line fix writes under headings
    for b in blocks:
        kind = b.kind
        starts = False
        if kind == _KICKER:
            starts = prev is None or prev.kind != _KICKER  # (a kicker of two lines)
        elif kind in (_HEADLINE, _JUMP_HEADLINE):
            # (a jump headline may carry a kicker too: plain OCR's stack over a 上接 line)
            starts = prev is None or prev.kind != _KICKER
        elif kind in (_MARKER, _PARAGRAPH) and may_hold_marker(b.text):
            verb = continuation_verb(b)
            below_heading = prev is not None and prev.kind in HEADING_KINDS
            # a paragraph opening with 上接 under that line is still the same piece, and so
            # is a second 上接 line there (two pages for one piece: a clash, kept as text)
            starts = verb in CONTINUED_FROM_VERBS and not (below_heading or marker_below_heading)
        if starts or article < 0:
            article += 1
        out.append(b if b.article == article else b.with_(article=article))
        # (or under a run of such lines: an OCR loop may print one several times; and a
        # paragraph of a marker and furniture, 上接第二版 0, is such a line once the furniture
        # is cut)
        marker_below_heading = (
            (
                kind == _MARKER
                or (kind == _PARAGRAPH and may_hold_marker(b.text) and marker_line(b.text))
            )
            and prev is not None
            and (prev.kind in HEADING_KINDS or marker_below_heading)
            and continuation_verb(b) in CONTINUED_FROM_VERBS
        )
        prev = b
    return out


def run(page: Page, config: Config) -> tuple[Page, list[Repair]]:
    blocks = list(page.blocks)
    blocks = _classify_lines(blocks)
    if page.style == "markdown":
        blocks = _classify_markdown_headings(blocks)
    # a plain page too: what fix writes of one without headlines is a page without markup
    blocks = _unmarked_headlines(blocks)
    # (plain OCR's headlines, or those of a page with no heading markup: level 0)
    blocks = _classify_plain_headings(blocks)
    blocks = _dash_subtitles(blocks)
    return page.with_blocks(label_articles(blocks)), []
