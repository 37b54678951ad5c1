"""Compiled patterns and character tables shared by the parser and the filters.

Tables are built once at import and never mutated.  Sources:
- Han ranges: Unicode's ``Script=Han`` property, through ``regex``'s ``\\p{Han}``.
- Sentence-final punctuation and the characters that cannot open a sentence: the Chinese
  line-breaking rules (GB/T 15834-2011 punctuation usage, and the "kinsoku" sets of W3C
  "Requirements for Chinese Text Layout", section 3.1.7).
- Continuation markers (上接/下转/转/接/紧接 第N版, A2版): the forms printed by Chinese dailies.
"""

from __future__ import annotations

import re

import regex

HAN = r"\p{Han}"
# Chinese punctuation that counts as "Chinese context" next to a half-width mark
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·"
CJK_CONTEXT = rf"[{HAN}{regex.escape(CJK_PUNCT)}]"

SENTENCE_FINAL = "。！？…!?"
CLOSING_QUOTES = "”’」』）)》"
# characters that do not begin a sentence: they continue one cut at a column break
NON_OPENING = "，。、；：？！）》」』”’,;:?!)…—%"

# ASCII quotes, which OCR may give for “” and ‘’: after a sentence-final mark one closes
ASCII_QUOTES = "\"'"
# a paragraph has ended when its last meaningful char is sentence-final, possibly followed
# by closing quotes/brackets: 。”  ！）  。"
# (and a mark some papers set after a story's last sentence: …取得重要进展。◀)
ENDS_SENTENCE = regex.compile(
    rf"[{regex.escape(SENTENCE_FINAL)}][{regex.escape(CLOSING_QUOTES + ASCII_QUOTES)}]*"
    r"\s*[◀◆■□▲]?\s*$"
)
# a Markdown list item, table row or quotation that VLM OCR writes a line each: a line break
# before one is structure, not a wrap, and an item need not end a sentence
MARKDOWN_LINE = regex.compile(r"^[ \t]*(?:[-*+][ \t]|[0-9]{1,3}[.)][ \t]|\||>)", regex.M)
# some short items end with a closing bracket alone: （完） （新华社记者某某摄）
ENDS_BRACKETED = regex.compile(r"[）)】]\s*$")

CHINESE_NUMERALS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
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
# the traditional forms of the characters the patterns are made of, so that one pattern reads
# a traditional page's 本報訊 / 本報記者 / 責任編輯 / 下轉第兩版 as it does 本报讯 (a test holds
# every pattern to OpenCC's table)
_TRADITIONAL_OF = dict(
    zip(
        "报讯电记华网视编辑责术图设计对约驻员实习评论见体摄时专广续转紧两据会内国济经综闻际传执"
        "话邮万个亿号项块权台绘农条"
        "链阅读观点问现场应声写关资贴击访谈释导户线从给让请与将诉划筹统采频数"
        "审觉热参纪战简预汇画学举语随笔"
        "乡书办区医协厂厅县团处总杂银镇长头题环艺财码维扫侧机欢详载进励吁强认诺调",
        "報訊電記華網視編輯責術圖設計對約駐員實習評論見體攝時專廣續轉緊兩據會內國濟經綜聞際傳執"
        "話郵萬個億號項塊權臺繪農條"
        "鏈閱讀觀點問現場應聲寫關資貼擊訪談釋導戶線從給讓請與將訴劃籌統採頻數"
        "審覺熱參紀戰簡預匯畫學舉語隨筆"
        "鄉書辦區醫協廠廳縣團處總雜銀鎮長頭題環藝財碼維掃側機歡詳載進勵籲強認諾調",
    )
)
_TRADITIONAL_OF["历"] = "歷曆"  # 农历 is 農曆 on a traditional page, OpenCC's first form 歷
_TRADITIONAL_OF["为"] = "爲為"  # (OpenCC's first form, and the one Taiwan and Hong Kong print)
_TRADITIONAL_OF["众"] = "衆眾"  # (OpenCC's first form; Taiwan and Hong Kong print 眾)


def both_scripts(pattern: str) -> str:
    """``pattern`` with each of those characters also matching its traditional form: 报 ->
    [报報] outside a character class, 报報 inside one."""
    out = []
    in_class = escaped = False
    for ch in pattern:
        other = _TRADITIONAL_OF.get(ch)
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if other is None or escaped:
            out.append(ch)
        else:
            out.append(ch + other if in_class else f"[{ch}{other}]")
    return "".join(out)


# newspaper section names printed beside edition numbers (第3版 要闻)
SECTION_NAMES = (
    "要闻|综合|国内|国际|评论|经济|社会|文化|体育|副刊|法治|专版|地方|理论"
    "|时政|财经|科技|教育|健康|民生|观点|环球|视点|读书|文艺|城事|深度"
)

# 上接第一版 / （上接第1版） / (上接A2版) / 下转第二版 / 转第8版 / 接第8版 / 紧接第三版
# (and as traditional pages print them: 下轉第二版, 緊接第一版, 續第一版, 續見A7版; 续见 and
# 下接 point on, like 下转).  A lettered edition names a page without 版 (（转A3）, 上接B12):
# a letter and one or two digits, and nothing of a word or number after them (转A股, 转A380
# and 转三, 转3次 are text)
LETTERED_PAGE = r"[A-Za-zＡ-Ｚａ-ｚ][0-9０-９]{1,2}"
MARKER_BODY = both_scripts(
    rf"(?P<verb>上接|下转|下接|紧接|续见|转|接|续)\s*(?:(?:第\s*)?(?P<page>{PAGE_NO})\s*版"
    rf"|(?P<page>{LETTERED_PAGE})(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ]))"
)
# an arrow may point the way (◀上接第1版, 下转第2版▶, >>>下转第3版, ››上接A2版), a marker may
# name the section it goes on in (（下转第2版·要闻）, 下转第3版 国际), and a bracketed one may
# say where on the page (（下转第七版右下）, （下转第二版中）)
MARKER_ARROW = r"(?:[▶►→◀◄←☞]|[>＞]{2,3}|[<＜]{2,3}|[›»‹«]{1,3})"
MARKER_SECTION = both_scripts(
    rf"(?:[ \t\u3000]*(?:[·・•][ \t\u3000]*\p{{Han}}{{2,4}}|(?:{SECTION_NAMES})(?:新闻)?)"
    r"(?=[ \t\u3000]*(?:[）)】]|\n|$)|[ \t\u3000]))?"
)
MARKER_SPOT = r"(?:[上中下左右]{1,2}(?=\s*[）)】]))?"
_MARK = (
    rf"[（(【]?\s*(?:{MARKER_ARROW}\s*)?{MARKER_BODY}{MARKER_SECTION}{MARKER_SPOT}"
    rf"\s*(?:{MARKER_ARROW}\s*)?[）)】]?"
)
MARKER = regex.compile(_MARK)
MARKER_ONLY = regex.compile(rf"^\s*{_MARK}\s*$")
MARKER_AT_START = regex.compile(rf"^\s*{_MARK}[\s，,：:]*")
MARKER_AT_END = regex.compile(rf"[\s，,]*{_MARK}\s*$")
CONTINUED_FROM_VERBS = frozenset({"上接", "接", "紧接", "緊接", "续", "續"})
# a marker ends in 版 or names a lettered edition right after its verb's last character: a test
# in C that spares the marker patterns the blocks that hold neither (most of them)
_MARKER_HINT = re.compile(r"[接转轉见見续續][ \t\u3000]*[A-Za-zＡ-Ｚａ-ｚ][0-9０-９]")


def may_hold_marker(text: str) -> bool:
    """Whether ``text`` may hold a continuation marker (False: it holds none)."""
    return "版" in text or _MARKER_HINT.search(text) is not None


# a paper's, site's or app's name as it prints one before 记者 or 讯: 新京报, 北京青年报, 21世纪经济报道,
# 深圳特区报, 中国日报网, 澎湃新闻, 潮新闻客户端, 中青在线, or two joined (中青报·中青网,
# 扬子晚报/紫牛新闻); and the short names that end in none of those (南都 for 南方都市报).  Its
# characters are none that makes a clause of the words (向, 对, 接受, 是, 的: 负责人向本报记者
# 介绍, 接受新京报记者采访, 虎林园也是新闻记者追踪的), so that a line of a wrapped sentence is
# no byline
PAPER_SHORT_NAMES = "南都|央视|央广"
_OUTLET_NAME = (
    r"(?:(?:[0-9]{1,4}(?=\p{Han}))?[^\P{Han}向对从给被让请跟与在将把接诉是也的了据]{1,8}?"
    r"(?:报道|报|网|新闻|客户端|在线|电视台|广播电台|周刊)"
    rf"|{PAPER_SHORT_NAMES})"
)
OUTLET = rf"{_OUTLET_NAME}(?:[·/]{_OUTLET_NAME})?"
# the reporter's word, and what may stand before it: 全媒体记者, 首席记者, 驻京记者
_REPORTER = r"(?:全媒体|融媒体|首席|见习|特派|特约|驻\p{Han}{1,6})?(?:记者|通讯员|实习生|评论员)"
# the names after the word (张三 / 张三 李四 / 王 聪): a run of five characters or more straight
# on is a sentence's words (中国新闻记者节到来之际, 南都记者在现场看到)
_NAMES_NOT_WORDS = r"(?!\p{Han}{5})"

# 本报北京11月14日讯 / 新华社北京11月14日电 / 本报讯 / 据新华社北京1月1日电, and another
# paper's or site's: 光明日报北京11月14日电 / 经济日报讯 / 中国日报网11月14日电 (a paper's name
# goes straight on to 讯/电 or to a place and date; a site's needs the date, 互联网电商 is none;
# some papers bracket it: 【本报讯】, 【明报专讯】; 中央社记者王小华台北5日电 gives the day alone).
# Other papers' forms too: Taiwan's 【记者林志明／台北报导】 (〔…〕, or unbracketed: 记者林志明／
# 台北即时报导) and （中央社记者王小华台北5日电） before the text (alone on its line, a bracketed
# dateline closes the text: …的趋势。/ （本报加拉加斯1月19日电）), a site's 央视网消息（新闻联播）：,
# 本报综合报道, and an app's reporter and names set apart before the text (潮新闻客户端记者 张三
# 今年以来…); 据报道 and 记者从…获悉 name no paper, and 南都记者在现场看到 no names.
_DAY = r"(?:[0-9０-９一二三四五六七八九十]{1,2}月)?[0-9０-９一二三四五六七八九十]{1,3}日"
_NAMES = r"\p{Han}{2,4}(?:[\s、]+\p{Han}{2,4}(?=\s))*(?=\s)"
DATELINE = regex.compile(
    both_scripts(
        r"^(?:(?:【|[（(](?=[^）)]+[）)]\s*\S))?(?:据)?(?:"
        rf"(?:本报|新华社|中新社|中央社|人民网|中新网|央视网|新华网)(?:\p{{Han}}{{0,12}}?)(?:{_DAY})?"
        rf"|\p{{Han}}{{1,8}}?(?:日报|晚报|晨报|时报|商报|通讯社)(?:\p{{Han}}{{0,8}}?{_DAY})?"
        rf"|\p{{Han}}{{1,6}}?(?:网|电视台|广播电台)\p{{Han}}{{0,8}}?{_DAY}"
        rf"|(?:\p{{Han}}{{1,4}}?报|{PAPER_SHORT_NAMES})(?=专?讯)"  # 新京报讯, 明报专讯, 南都讯
        r")(?:专)?[讯电][】〕］）)]?(?:\s*[（(][^）)]{1,20}[）)])?"
        r"(?:\s*(?:记者|通讯员|特约记者)[\p{Han}\s、]{2,30}?(?=\s))?"
        rf"|(?:[【〔［]|[（(](?=[^）)]+[）)]\s*\S))?(?:{OUTLET})?记者[\p{{Han}}、，,\s]{{2,20}}?[/／]\p{{Han}}{{1,8}}?报[导道][】〕］）)]?"
        rf"|(?:央视网|{OUTLET})消息(?:[（(][^）)]{{1,20}}[）)])?(?:[：:]|(?=\s))"
        rf"|(?:本报|{OUTLET})综合(?:报道|消息)(?=[\s（(：:])"
        rf"|{OUTLET}{_REPORTER}\s*{_NAMES}"
        r")"
    )
)
# the opening words of a dateline, cut before its 讯/电 (本报东京1月23日 | 电…, 据新华社南京1月27 |
# 日电…) but not a byline's (新华社高级编辑 李长久), or of a photo's
# caption (图为…, 题头照片为…): what a paragraph's first sentence opens with
OPENS_PARAGRAPH = regex.compile(
    both_scripts(
        r"^(?:【?据?(?:本报|新华社|中新社|中央社|人民网|中新网|央视网|新华网)\p{Han}{0,12}?"
        r"[0-9０-９一二三四五六七八九十]{1,2}(?:月|日|$)"
        r"|(?:图为|图片为|题图为|题头照片为|[上下左右中]图为?)\p{Han})"
    )
)
# □ 本报记者 张冲 / 本报记者 张冲 / 记者 张冲 李四 / ■文/图 本报记者 … (◎ and ★ mark them too)
BYLINE_MARK = "□■▲●◇◆○◎★"
# a role printed with a colon before the names or the reporter's line: 采写：南都记者 陈伟,
# 撰文：张三 摄影：李四, 作者：张三 (记者： opens an interview's question and 图： a caption: neither is one)
ROLE_LABEL = both_scripts(r"(?:作者|采写|撰文|撰稿|文字|摄影|视频|制图|统筹|策划)\s*[：:]")
# (another paper's or site's too: 光明日报记者 王五 / 法治日报全媒体记者 张三 / 新京报记者 /
# 中青报·中青网记者 / 澎湃新闻记者 / 央视记者; a credit's roles: 文·图/本报记者, 文｜张三,
# 撰文：张三 摄影：李四)
# (a line that opens with a bare 记者 running straight on is a wrapped sentence: 记者从全国人大
# 常委会办公厅了解, 记者昨天还穿着厚厚羽绒)
BYLINE = regex.compile(
    both_scripts(
        r"^(?!记者\p{Han}{5,}$)"
        rf"(?:{ROLE_LABEL}\s*|[文图]·[图文]\s*/\s*)?"
        rf"(?:(?:本报|本刊|新华社|中新社|人民网|新华网|中新网|央视网)?{_REPORTER}"
        rf"|{OUTLET}{_REPORTER}{_NAMES_NOT_WORDS}"
        rf"|文/图|文\s*[/|｜]|图\s*[/|｜]|[文图]·[图文]\s*/|摄影|{ROLE_LABEL}\s*{_NAMES_NOT_WORDS})"
        # (nor does one end on 、: a list of names going on, 央人民广播电台记者刘振英、 / 新华社…)
        rf"(?:{ROLE_LABEL}|[\p{{Han}}\s·、/|｜《》]){{0,40}}(?<!、)$"
    )
)
_ROLE_LABELS = regex.compile(ROLE_LABEL)


def without_role_labels(text: str) -> str:
    """``text`` without its roles' labels (采写：, 摄影：): what a byline's punctuation is
    tested on, a role's colon being no sentence's."""
    return _ROLE_LABELS.sub("", text) if "：" in text or ":" in text else text


# a piece's closing credit or sign-off: a bracketed note after its last sentence, or alone on
# its line (…。（邵力平）, （完）, （新华社北京1月1日电）)
CLOSING_CREDIT = regex.compile(r"(?:^|[。！？!?”’」』…])\s*[（(][^（）()]{1,40}[）)]\s*$")

BYLINE_MAX_CHARS = 40  # a byline line is short
_SENTENCE_MARKS = re.compile(r"[，。；？！,;?!]")


def one_line_byline(text: str) -> bool:
    """Whether ``text`` is a byline line alone: one short line that reads as a byline, with
    no sentence's marks (a role's colon and a list's 、 are a byline's)."""
    return (
        "\n" not in text
        and len(text) <= BYLINE_MAX_CHARS
        and BYLINE.match(text) is not None
        and not _SENTENCE_MARKS.search(without_role_labels(text))
    )


# the label a □ or ■ sets over a box beside the story, a section of it (■ 链接, □ 延伸阅读,
# ■ 专家观点, ■追问 为何充电桩建设滞后, □ 记者手记), told from a byline of bare names (□ 张冲,
# as the People's Daily prints one) by its words: a name is as short as a label, so length
# tells nothing, but the labels come from a small stock of words that names do not hold.  The
# word stands in the line's first word (up to six characters), and that word is no reporter's
# role (观察员 李四).
SECTION_LABEL_WORDS = (
    "链接|延伸阅读|阅读|背景|观点|追问|现场|提示|回应|声音|点评|短评|快评|手记|特写|相关|资料"
    "|解读|观察|贴士|直击|聚焦|访谈|对话|问答|释疑|数据"
)
SECTION_LABEL = regex.compile(
    both_scripts(
        rf"^(?=\S{{0,6}}(?:\s|$))\S{{0,4}}?(?:{SECTION_LABEL_WORDS})\S{{0,4}}?(?<![员者生])(?:\s|$)"
    )
)

# the rules papers set between an edition and its section (第4版 ｜ 国际, 第4版 ▏国际)
RULE_BARS = "|｜▏│┃"
# an edition code of one or two letters (A05, GA05: a city paper's local section)
EDITION_CODE = r"[A-Za-zＡ-Ｚａ-ｚ]{1,2}[0-9０-９]{1,2}(?![0-9０-９])"

# the roles an editor line credits: 责任编辑：张三, 美编：李四, 统筹：王海, 值班主任：李明, 审读：王刚,
# 视觉设计：李想, 本版编辑 / 王磊 (a slash stands for the colon on some pages)
EDITOR_ROLE = (
    r"(?:本版)?(?:(?:责任|美术|版式|版面|图片|文字|执行|视觉|值班)?(?:编辑|校对)|责编|美编|责校"
    r"|(?:版式|视觉|美术)设计|版式|制图|摄影|统筹|审读|审校|值班主任)"
)
_CONTACT = r"(?:电话|传真|邮箱|电子邮箱|[Ee]-?mail)\s*[:：]\s*[\w@.\-]{3,40}"
# a telephone number or a mail address
_CONTACT_VALUE = (
    r"(?:[0-9０-９(（+][0-9０-９\-－()（） ]{4,20}[0-9０-９]|[A-Za-z0-9._\-]+@[A-Za-z0-9.\-]+)"
)
# several roles on one line, and the desk's telephone and mail after them
# the names after a role: each of one to four characters (a minority's with a ·: 阿依古丽·买买提),
# set apart by spaces or 、 (张三 李四, 张 三 as letter-spaced), not a run of words
# (责任编辑：张晓光挑战与机遇同在 is a wrapped credit with a headline after it)
EDITOR_NAMES = (
    r"\p{Han}{1,4}(?:·\p{Han}{1,6})?(?:[ \t\u3000、,，]+\p{Han}{1,4}(?:·\p{Han}{1,6})?){0,7}"
)
EDITOR_CREDITS = rf"(?:{EDITOR_ROLE}\s*[:：/]\s*{EDITOR_NAMES}\s*){{1,4}}(?:{_CONTACT}\s*){{0,3}}"
# a role printed with no colon, only a space before the names (责编 张三 美编 李四, 编辑 张三):
# only the roles that are nothing but a role, since 统筹 or 审读 is also a verb a headline may
# open with (统筹 城乡 发展), and only names of two or three characters, not the words of a
# column's title (编辑 手记, 责编 寄语)
BARE_EDITOR_ROLE = r"(?:本版|责任|美术|图片|文字|执行|值班)?(?:编辑|校对)|责编|美编|责校|值班主任"
_BARE_NAME = r"(?!手记|札记|寄语|随笔|感言|观察)\p{Han}{2,3}"
_BARE_NAMES = rf"{_BARE_NAME}(?:[ \t\u3000、]+{_BARE_NAME}){{0,2}}"
BARE_EDITOR_CREDITS = rf"(?:(?:{BARE_EDITOR_ROLE})[ \t\u3000]+{_BARE_NAMES}[ \t\u3000]*){{1,4}}"
# after a running head's parts the credits must open with a role that is no common word: a
# bare 编辑 there may be text (…第3版 要闻 编辑 张三)
_HEAD_BARE_ROLE = r"(?:本版|责任|美术|图片|文字|执行|值班)(?:编辑|校对)|责编|美编|责校|值班主任"


class _RunningHead:
    """A running head: the line atop a page that says which paper, day and edition it is,
    in whatever order and spacing the paper prints them (``法治日报 2021年11月15日 星期一 第3版``,
    ``A2 要闻 2023年6月12日 星期一``, ``2022年3月8日 星期二 光明日报 第4版 要闻``,
    ``经济日报 A2``, ``2024.03.05 星期二 | 第06版 | 社会``).  Its parts: a date, a weekday, a
    lunar date, an edition, a paper's name, and up to two short section names set apart by
    spaces.  A date needs a weekday, an
    edition or a paper's name beside it, and a line without a date needs an edition and a
    paper: a headline that opens with a date (``2022年2月4日北京冬奥会开幕``) stays.  The page's
    editors may close the line (``A07 2024.3.5 星期二 责编 张三 美编 李四``,
    ``A05 北京新闻 本版编辑 / 王磊 美编 / 刘芳``): credits that could stand as an editor line of
    their own, after a date or an edition."""

    _SEP = rf"[\s·:：/、{RULE_BARS}]"
    _N = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
    DATE = regex.compile(
        rf"(?:[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*{_N}\s*月\s*{_N}\s*日"
        r"|[0-9０-９]{4}(?P<dot>[.．\-/])[0-9０-９]{1,2}(?P=dot)[0-9０-９]{1,2}(?![0-9０-９])"
    )
    WEEKDAY = regex.compile(r"(?:星期|[周週]|[礼禮]拜)[一二三四五六日天]")
    PAPER = regex.compile(both_scripts(r"\p{Han}(?:日报|晚报|早报|时报|商报|青年报|法制报|法治报)"))
    EDITION = regex.compile(
        both_scripts(
            rf"(?:(?<=^|{_SEP})|(?<=[日一二三四五六天报]))(?:第\s*{PAGE_NO}\s*版|{PAGE_NO}\s*版"
            rf"|{EDITION_CODE})"
        )
    )
    WORD = rf"(?<=^|{_SEP})\p{{Han}}{{1,8}}(?={_SEP}|$)"
    PART = (
        rf"(?:{DATE.pattern}|{WEEKDAY.pattern}|(?:农历|夏历)\p{{Han}}{{2,12}}?(?={_SEP}|$)"
        rf"|第\s*{PAGE_NO}\s*版|{PAGE_NO}\s*版?|{EDITION_CODE}|\p{{Han}}{{1,8}}?(?:日报|晚报|早报|时报|商报|报)"
        rf"|(?P<word>{WORD}))"
    )
    WHOLE = regex.compile(both_scripts(rf"^{_SEP}*(?:{PART}{_SEP}*){{1,9}}$"))
    pattern = WHOLE.pattern
    EDITORS = regex.compile(
        both_scripts(
            rf"(?<={_SEP})(?:{EDITOR_CREDITS}|(?=(?:{_HEAD_BARE_ROLE})\s){BARE_EDITOR_CREDITS})$"
        )
    )

    def match(self, line: str):
        line = line.strip()
        if len(line) > 60:
            return None
        found = self._parts(line)
        if found is None and ("编" in line or "編" in line or "校" in line or "主任" in line):
            editors = self.EDITORS.search(line)
            if editors is not None:
                head = line[: editors.start()]
                found = self._parts(head, editors=True)
        return found

    def _parts(self, line: str, editors: bool = False):
        """The match of a line of running-head parts; ``editors`` says the page's editors
        followed them, which an edition or a date alone then suffices to stand by."""
        found = self.WHOLE.match(line)
        if found is None or len(found.captures("word")) > 2:
            return None
        dated = self.DATE.search(line) is not None
        edition = self.EDITION.search(line) is not None
        paper = self.PAPER.search(line) is not None
        if dated and (self.WEEKDAY.search(line) or edition or paper):
            return found
        if edition and (paper or editors) or dated and editors:
            return found
        return None


RUNNING_HEAD = _RunningHead()

# running heads and page furniture (whole block only)
FURNITURE = [
    ("page_number", regex.compile(r"^[-—－\s]*[0-9０-９]{1,3}[-—－\s]*$")),
    ("edition_line", regex.compile(both_scripts(
        rf"^第\s*{PAGE_NO}\s*版(?:[\s·:：{RULE_BARS}]+\p{{Han}}{{1,10}}|(?:{SECTION_NAMES})(?:新闻)?"
        rf"|\s*[（(]\p{{Han}}{{1,10}}[）)])?$"
    ))),
    ("edition_line", regex.compile(both_scripts(
        rf"^{PAGE_NO}\s*版?[\s·:：{RULE_BARS}]*(?:{SECTION_NAMES})(?:新闻)?$"
    ))),
    # the section first (要闻 A2, 国际 第4版): set apart, and with a letter or a 版, so that a
    # heading such as 经济 2 or 理论 第二版本 stays
    ("edition_line", regex.compile(both_scripts(
        rf"^(?:{SECTION_NAMES})(?:新闻)?[\s·:：{RULE_BARS}]+(?:第\s*{PAGE_NO}\s*版|{PAGE_NO}\s*版|{EDITION_CODE})$"
    ))),
    ("running_head", RUNNING_HEAD),
    ("editor_line", regex.compile(both_scripts(
        rf"^(?:本版)?(?:(?:责任|美术|版式|图片|文字)?编辑|责编|校对|版式设计|制图|美编)\s*[:：]\s*{EDITOR_NAMES}[ \t\u3000]*$"
    ))),
    # several roles on one line, and the desk's telephone and mail after them (本版责任编辑：
    # 张三 李四 版式设计：王五 / 本版编辑：赵六 电话：010-65363000 邮箱：rmrbyw@163.com)
    ("editor_line", regex.compile(both_scripts(rf"^{EDITOR_CREDITS}$"))),
    # roles with no colon, the whole line roles and names (责编 张三 美编 李四, 编辑 张三)
    ("editor_line", regex.compile(both_scripts(rf"^{BARE_EDITOR_CREDITS}$"))),
    # the desk's hotline alone on its line (新闻热线：0755-83518888, 报料热线 …); a number in a
    # sentence is the article's, and so is a bare 电话：… line, which may close an article
    ("desk_contact", regex.compile(both_scripts(
        rf"^(?:本版|本报)?(?:新闻|报料|爆料|读者|投稿|采编)(?:热线|电话|邮箱)(?:电话)?\s*[:：]?\s*"
        rf"{_CONTACT_VALUE}(?:\s*[、/,，]?\s*{_CONTACT_VALUE}){{0,2}}(?:\s*{_CONTACT}){{0,3}}$"
    ))),
    # a prompt to scan a printed QR code (扫码看视频, 扫描二维码 查看更多内容, 扫一扫，听新闻):
    # it points at what the page's image held, and names what it leads to; 扫码看病成为现实
    # or 扫码支付走进菜市场 tell news
    ("scan_prompt", regex.compile(both_scripts(
        r"^[（(【\[]?(?:请|手机|欢迎)?(?:扫码|扫一扫|扫描(?:上方|下方|左侧|右侧|左方|右方|图中|文中)?二维码)"
        r"[\s，,、:：]*(?:即可|可|进入|下载)?\p{Han}{0,6}?"
        r"(?:视频|全文|原文|详情|更多|直播|音频|专题|公众号|客户端|内容|报道|新闻|H5|VR|关注)"
        r"(?:内容|报道|精彩|详情)?[）)】\]]?$"
    ))),
]  # fmt: skip
