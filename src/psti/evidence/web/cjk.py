"""End dates in support statements written in Chinese, Japanese and Korean, which write them alike.

Makers and the press in Japan give a router's or a camera's end of support as a month or a day with
the word for an end after it ("WSR-2533DHP2（2025年2月終了）", "2026年3月31日をもってサポートを終了"), as
a label's value ("サポート終了日：2024年12月31日"), or as a time security updates are given up to
("2027年12月までセキュリティアップデートを提供"). Japanese puts its particles after the date, so the
reader in `foreign` (a bounding word before it) does not apply. Like that reader this one is narrow:
a date with no word of an end beside it gives nothing. Korean writes its dates the same way with its own
units ("2023년 10월 22일까지", "2028년 12월부로 … 철수") and sets its particles after a name ("갤럭시워치는"),
so the reader takes its words beside the Japanese ones; Chinese notices too, with their own words of a stop
from, after or at a date ("自2023年3月31日起…将停服", "在2025年5月后停止", "止步于2025年5月")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from psti.evidence.web.dates import DATE as LATIN_DATE
from psti.evidence.web.dates import Precision, parse_date
from psti.evidence.web.foreign import ForeignEnd

KANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
_DATE = re.compile(
    r"(?<![\d年년])(?:(?P<y>(?:19|20)\d\d|\d\d)\s*[年년]\s*の?\s*)?(?P<m>1[0-2]|0?[1-9])\s*[月월]"  # ("2014年の3月")
    r"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日일])?(?P<late>末|\s?말)?"
)
# a weekday and a time of day between a date and its particle: "2015年3月31日(火)15時をもちまして", "2024 年 6 月
# 30 日 0 时起停止运营", "4월 9일 오전 9시 모두 종료된다"
_TIME_OF_DAY = re.compile(
    r"^\s*(?:[（(][月火水木金土日][)）])?\s*(?:午前|午後|上午|下午|오전|오후)?\s*(?:\d{1,2}\s*[時时點点시](?:\s*\d{1,2}\s*[分분])?)?"
)
# a year named before a date that gives none ("23年5月8日、10月末にQ-SL1のサービスを終了"): the year it is in
# (a year with its month: a year alone is as often a launch's "2015年に発売", and "5年" a span)
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d|\d\d)\s*[年년]\s*(?:1[0-2]|0?[1-9])\s*[月월]")
# a Chinese stop, or the user no longer able to go on: "停止", "终止", "停服", "关闭", "下线", "无法", "不再"
_ZH_STOP = r"(?:停止|终止|終止|停服|关闭|關閉|下线|下線|无法|無法|不再)"
# a Japanese end: "終了", "停止", "廃止", "打ち切り", "閉鎖" (closing)
# (and the Chinese end: "的支持将于2025年3月31日结束", "将于…终止", "将于…下线", "将在…关闭")
_JA_STOP = r"(?:終了|停止|廃止|打ち切|閉鎖|结束|终止|終止|下线|下線|关闭|關閉|停服)"
# after the date, an end: "終了", "でサポート終了", "をもって提供を終了", "に停止"
_ENDED_AFTER = re.compile(
    # (a space only inside a Latin name: "をもって旧型Apple TVのサポートを終了"; not "2026年2月に wena 3 のサービス
    # 終了を伝える記事", an article's month)
    rf"^\s*(?:をもちまして|をもって|を以て|付けで|付で|[をにで])?\s*"
    rf"(?:[^\s、。,()（）「」]|(?<=[A-Za-z0-9])\s(?=[A-Za-z0-9])){{0,30}}?{_JA_STOP}|"
    # the clause after "as of" set off by a comma: "2019年5月31日をもって、MicrosoftはHealth Dashboardサイトを閉鎖し"
    rf"^\s*(?:をもちまして|をもって|を以て)\s*、[^。]{{0,50}}?{_JA_STOP}|"
    # a day that opens its clause, set off by a comma, the end said in it: "2024年1月1日、同社は多くの Arlo カムの
    # その機能を廃止し" (not the day an end was told: "…、サービス終了を発表")
    rf"^\s*、(?![^。]{{0,60}}?(?:発表|告知|予告|お知らせ|案内|通知))[^。]{{0,50}}?{_JA_STOP}|"
    # Chinese, the last day of a range in which a service is wound down: "2026 年 3 月 31 日至 2026 年 5 月 15 日期间,
    # 逐步停止 … 在线服务"
    rf"^\s*(?:期间|期間)\s*[,，、]?[^。]{{0,30}}?{_ZH_STOP}|"
    # Chinese, after the date (a month's end): "安全补丁的推送将在2025年5月后停止", "0 点后用户将无法再使用"
    rf"^\s*(?:后|後|之后|之後|以后|以後)[^。]{{0,60}}?{_ZH_STOP}|"
    # Korean, its words apart: "2023년 10월 31일에 서비스가 종료된다", "2025년 6월 지원 종료", "2022년 4월 29일자로
    # 서비스를 종료한다" (as of the day)
    r"^\s*(?:에|을|를|에는|으로|로|자로|부로)?\s+(?:[^\s,.]+\s+){0,3}?[^\s,.]*(?:종료|중단|중지|만료|폐지)"
)
# after the date, up to it ("まで", "末まで"), in a sentence about updates or support (not "までに", by a
# deadline: "2025年1月14日までにカスタマーサービスに連絡すれば")
_UNTIL_AFTER = re.compile(r"^\s*(?:末)?\s*まで(?!に)|^\s*(?:말)?\s*까지")
# after the date, from it on ("から", "以降"), with an end or a stop after it, or the product no longer able
# to do what it does ("2020年3月31日以降、キャラの投影や音声会話などができなくなる")
# (within its clause: "7月31日以降はアプリの新規インストールができなくなり、10月31日にサービスを終了")
_FROM_AFTER = re.compile(
    r"^\s*(?:から|以降|より)、?[^。、]{0,40}?(?:終了|停止|廃止|されません|しません|受けられません|"
    r"できなくな|使えなくな|いただけなくな)|"
    # Korean: "2028년 12월부로 … 공식 철수", "6월 30일 이후 … 다운로드할 수 없다"
    r"^\s*(?:부로|부터|이후(?:에는|로는|부터)?)[^.,]{0,40}?(?:종료|중단|중지|철수|만료|폐지|수\s*없)|"
    # Chinese, from the date on: "自2023年3月31日起，…将停服"
    rf"^\s*起[^。]{{0,60}}?{_ZH_STOP}"
)
_ABOUT_SUPPORT = re.compile(
    r"サポート|アップデート|更新|セキュリティ|修正|保守|提供|サービス|지원|업데이트|업그레이드|보안|패치|서비스"
)
# before the date, a label naming the end: "サポート終了日：", "提供終了予定日 ", "サービス終了の時期は"
_END_LABEL_BEFORE = re.compile(
    r"(?:サポート|提供|サービス|更新|保守|販売後サポート)の?終了の?(?:日|予定日|時期|予定)?\s*[:：はが]?\s*$|"
    # Chinese, a stop at the date: "其安全补丁的推送也将止步于2025年5月", "终止于", "截止到"
    r"(?:止步于|止步於|终止于|終止於|停止于|停止於|截止(?:到|至|于|於)?)\s*$|"
    # ("安全更新将持续到2025年3月31日": updates go on up to the date)
    r"(?:持续|持續|支持|提供)(?:到|至)\s*$|"
    # a Chinese or Korean label: "支持截止日期：", "服务终止时间:", "지원 종료일:"
    r"(?:截止|终止|終止|结束|結束|停止)(?:日期|时间|時間)\s*[:：]?\s*$|"
    # (or its topic: "지원 마감은 2022년 9월이다", "지원 종료는 …": the support's close is …)
    r"(?:지원|서비스|업데이트)\s*(?:종료|중단|마감)\s*(?:일|일자|날짜|예정일)?\s*(?:[:：]|[은는])?\s*$"
)
# after a date, the words of an announcement made on it ("に予告", "に発表", "宣布", "발표")
_ANNOUNCED_AFTER = re.compile(r"^\s*(?:に|、|,|，)?\s*(?:予告|発表|告知|公表|通知|宣布|公布|发布|發布|公告|발표|공지)")
# a year alone, then its clause's end: "2022年、… クラウドサーバーを停止した", "2026年にサービス終了"
# (not a season of the year, "2020年夏から", which dates no end)
_YEAR_ONLY = re.compile(
    r"(?<![\d年년])(?P<y>(?:19|20)\d\d)\s*[年년](?!\s*(?:の?\s*\d{1,2}\s*[月월]|度|間|以上|以内|ぶり|の?[春夏秋冬]))"
)
_ENDED_IN_YEAR = re.compile(r"^\s*(?:に|には|中に|内に|、)?[^。]{0,60}?(?:終了|停止|廃止|打ち切)")
# a sale's end, or an end to new sign-ups or installs ("新規インストールができなくなり"), which leaves the
# product as it is
# (or an offer: "的优惠活动将于 … 结束", "キャンペーン", "이벤트")
_SALE = re.compile(
    r"販売|購入|発売|出荷|销售|銷售|出售|购买|購買|新規|판매|구매|출시|신규|创建|創建|注册|註冊|"
    r"活动|活動|优惠|優惠|促销|促銷|キャンペーン|セール|이벤트|할인"
)
# the stop's next clause saying only that buying has ended: "停止 Kindle 电子书店的运营,此后您无法再购买新的电子书"
_ONLY_BUYING_STOPS = re.compile(
    r"[,，、]\s*(?:此后|之后|以后|此後|之後|以後|その後|以降)[^。,，、]{0,12}?(?:无法|無法|不能|不再)[^。,，、]{0,6}?(?:购买|購買|购|買)"
)
# production as what the date ends, set before it: "AIBO本体の生産を、2006年3月をもって終了"
_MAKING_ENDS_BEFORE = re.compile(r"(?:生産|製造|生产|制造|생산)(?:を|は|을|는)?\s*[、,，]?\s*$")
# an end from the notice's own day ("即日起停止维护", "本日をもって終了"): the day the notice is dated, by a label
# above it ("发布日期：2025年4月10日") or a signature under it ("Release SIG 2024年4月10日")
_FROM_TODAY = re.compile(
    r"(?:即日起|自即日|即日より|本日(?:をもちまして|をもって|より|から))[^。]{0,60}?(?:停止|终止|終止|終了|不再)"
)


_SCRIPT_CHANGE = re.compile(
    r"(?<=[\u3040-\u30ff\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3040-\u30ff\u4e00-\u9fff])"
)


def latin_apart(text: str) -> str:
    """Latin words set apart from the Japanese around them ("においてMusic Unlimitedのサービス"), so a
    product's name is a word of its own."""
    return _SCRIPT_CHANGE.sub(" ", text)


def _own_sentence_after(sentence: str, at: int) -> str:
    """The words after a date up to its clause's end (a list's "、" or a sentence's "。"; in Korean, which
    writes Latin marks, "," or ".")."""
    marks = ("、", "。", ",", ". ") if HANGUL.search(sentence) else ("、", "。")
    stops = [i for i in (sentence.find(mark, at) for mark in marks) if i >= 0]
    return sentence[at : min(stops, default=len(sentence))]


def _own_clause_before(before: str) -> str:
    """The words before a date back to its clause's start: a list's mark, a sentence's end, or another
    date ("発売が2020年11月でサービス終了が2026年2月": the launch is the earlier date's)."""
    own = before[max(before.rfind("、"), before.rfind("。")) + 1 :]
    dated = list(_DATE.finditer(own))
    return own[dated[-1].end() :] if dated else own


# after a date, nothing but a list's mark or the sentence's end: "エレコムの「WRC-X3000GS」は2025年8月に、バッファローの
# …も2026年1月にサポート終了予定", "서피스프로X는 2023년 11월5일, 서피스프로X SQ2는 …": the date shares the end
# said after it, or, in a sentence of dates alone, the one the sentence before says
# (Japanese marks a listed date with "に、"; Korean marks the name before it with its topic particle:
# "서피스프로X는 2023년 11월5일," — a bare "23年5月8日、" dates an announcement)
_LISTED_JA = re.compile(r"^\s*に\s*、")
_LISTED_KO = re.compile(r"^\s*(?:에)?\s*,|^\s*(?:이다|입니다)?\s*\.?\s*$")
_TOPIC_KO = re.compile(r"[은는]\s*$")


def _listed(after: str, before: str) -> bool:
    return _LISTED_JA.match(after) is not None or (
        _LISTED_KO.match(after) is not None and _TOPIC_KO.search(before) is not None
    )


_NEAR = 40  # characters either side of a date in which a sentence's support words stand


_HAN_SENTENCE = 10  # Han characters that make a sentence with no kana Chinese, not a name in one
_HAN_DATED_SENTENCE = 6
_HAN_DATE = re.compile(r"\d{2,4}\s*年\s*\d{1,2}\s*月")
_HANGUL_SENTENCE = 6  # (a Korean name is two or three syllables; "지원 종료일: 2025년 3월 31일" is a line of Korean)


def is_cjk(sentence: str) -> bool:
    """Japanese (kana), Chinese or Korean, whose dates and words of ending are written alike ("2025年6月1日",
    "从6月1日起停止维护", "2023년 10월 22일까지")."""
    han = len(HAN.findall(sentence))
    return (
        KANA.search(sentence) is not None
        or han >= _HAN_SENTENCE
        # (a short Chinese sentence about a Latin name shows itself by its date: "Acme Hub将于2026年3月31日停止支持")
        or (han >= _HAN_DATED_SENTENCE and _HAN_DATE.search(sentence) is not None)
        or len(HANGUL.findall(sentence)) >= _HANGUL_SENTENCE
    )


def _year_of(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)


def _year_before(text: str) -> int | None:
    """The year a date with none is in: that of the last dated month named before it (a page's date,
    an announcement's: "23年5月8日、10月末にQ-SL1のサービスを終了")."""
    named = list(_YEAR.finditer(text))
    return _year_of(named[-1].group("y")) if named else None


# the product said to go on working or be unaffected: "仍可正常使用", "不受影響", "引き続きご利用いただけます"
_GOES_ON = re.compile(r"仍(?:然)?可(?:以)?(?:正常)?使用|不受影[響响]|引き続き(?:ご)?(?:利用|使用)|影響はありません")


def goes_on_cjk(sentence: str) -> bool:
    """A Japanese or Chinese sentence saying the product goes on working, or is not affected."""
    return is_cjk(sentence) and _GOES_ON.search(sentence) is not None


# a character's reading in pinyin, in brackets after it, as some Chinese pages annotate rarer characters
# ("0 點(diǎn)後"): not part of the sentence's words (a reading has a tone mark)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,8}}\)")


# a first promise the sentence goes on to withdraw: "親会社は当初、MyNeatoアプリが2028年まで機能し続けると約束して
# いましたが、今年末までにサポートを終了する方針です" (at first … had promised, but …)
_AT_FIRST_BEFORE = re.compile(r"当初|もともと|元々")
_BUT_AFTER = re.compile(r"^[^。]{0,40}?(?:ていましたが|ていたが|でしたが|ましたが)")


def _withdrawn_promise(sentence: str, m: re.Match[str]) -> bool:
    """The date of a promise made "at first" that the sentence says was then replaced."""
    at_first = _AT_FIRST_BEFORE.search(sentence, 0, m.start()) is not None
    return at_first and _BUT_AFTER.match(sentence[m.end() :]) is not None


def cjk_end(
    sentence: str, names_product: Callable[[str], bool] | None = None, earlier: str = "", later: str = ""
) -> ForeignEnd | None:
    """The end date a Japanese sentence states, or None; of several (a list of models with their
    ends), the one whose own stretch, from the date before it, names the product. A date with no
    year takes it from the last dated month named before it, in the sentence or the `earlier` text,
    or else from the first after it (a notice's signature in the `later` text)."""
    if not is_cjk(sentence):
        return None
    sentence = _PINYIN.sub("", sentence)
    found: list[tuple[ForeignEnd, str]] = []
    listed: list[tuple[re.Match[str], str]] = []  # dates that share the end said after them, and their stretches
    last_end = 0
    for m in _DATE.finditer(sentence):
        after, before = sentence[m.end() : m.end() + 60], sentence[max(0, m.start() - 20) : m.start()]
        # (a time of day after the date is passed over; the space before the words is kept, which Korean needs
        # between its date and its end: "2025년 6월 지원 종료")
        if (time_of_day := _TIME_OF_DAY.match(after)) is not None and time_of_day.group(0).strip():
            after = after[time_of_day.end() :]
        near = sentence[max(0, m.start() - _NEAR) : m.end() + _NEAR]
        # (the product is named before its date in a list, or in the date's own sentence)
        stretch = sentence[last_end : m.start()] + _own_sentence_after(sentence, m.end())
        if _ANNOUNCED_AFTER.match(after) or _withdrawn_promise(sentence, m):
            # "サービスの終了は2023年6月30日に予告されていた": the day the end was announced; or a first promise
            # the sentence says was replaced
            continue
        if (ended := _ENDED_AFTER.match(after) or _END_LABEL_BEFORE.search(before)) is not None:
            words, first_day = ended.group(0), False
        elif (until := _UNTIL_AFTER.match(after)) is not None and _ABOUT_SUPPORT.search(near):
            words, first_day = until.group(0), False
        elif (since := _FROM_AFTER.match(after)) is not None:
            words, first_day = since.group(0), True
        elif _listed(after, before) or _UNTIL_AFTER.match(after):
            # (an "until" far from the support it bounds, in a list whose last item names it: "갤럭시워치는 2021년
            # 8월까지, 워치 액티브는 2022년 3월까지, … 소프트웨어 지원이 … 보장됩니다")
            listed.append((m, stretch))
            last_end = m.end()
            continue
        else:
            continue
        if (
            _SALE.search(words)
            # ("从2024年4月1日起，您将无法创建新的应用程序资源": what can no longer be done is signing up)
            or (after.startswith(words) and _SALE.search(after, len(words), len(words) + 8))
            or _SALE.search(_own_clause_before(before))
            or _ONLY_BUYING_STOPS.search(after)
            or _MAKING_ENDS_BEFORE.search(before)
        ):
            listed.clear()
            continue  # "2019年7月22日をもって販売終了": an end of sale
        for shared, shared_stretch in listed:
            if (end := _end_at(shared, words, first_day, sentence, earlier, later)) is not None:
                found.append((end, shared_stretch))
        listed.clear()
        if (end := _end_at(m, words, first_day, sentence, earlier, later)) is not None:
            found.append((end, stretch))
        last_end = m.end()
    if listed and ((found and HANGUL.search(sentence)) or (not found and earlier and cjk_end(earlier))):
        # "서피스랩톱3 … 기술지원은 2023년 10월 22일까지다. 서피스프로X는 2023년 11월5일, …": dates alone, each
        # after its name, following what says what they end (in the same sentence, as the text runs on, or
        # the one before)
        for shared, shared_stretch in listed:
            if (end := _end_at(shared, "the end said before", False, sentence, earlier, later)) is not None:
                found.append((end, shared_stretch))
    korean = HANGUL.search(sentence) is not None
    full_stop = "." if korean else "。"
    year_from = last_end
    years_listed: list[tuple[int, str]] = []  # Korean years listed before the end they share, and their stretches
    for y in _YEAR_ONLY.finditer(sentence):
        # "2022年、米国のスマートホームブランドInsteonは、事前予告なくクラウドサーバーを停止した": an end in a year;
        # "2023년까지 운영체제 업그레이드가 가능하다": updates up to a year's end
        clause = sentence[y.end() : (stop if (stop := sentence.find(full_stop, y.end())) >= 0 else len(sentence))]
        # (in Korean, whose names come before their years, the stretch runs from the date before: "LG 벨벳과 윙의
        # 경우 2023년까지")
        stretch = sentence[year_from : y.start()] + _own_sentence_after(sentence, y.end()) if korean else clause
        if korean:
            year_from = y.end()
        # from the year's first day on ("2025년부터는 서비스를 중단한다", "2020年から停止"), or in the year
        ended = _FROM_AFTER.match(clause)
        first_day = ended is not None
        if ended is None:
            ended = _ENDED_IN_YEAR.match(clause)
        if ended is None and (until := _UNTIL_AFTER.match(clause)) is not None and _ABOUT_SUPPORT.search(clause):
            ended = until
        if ended is None and korean and _LISTED_KO.match(clause[:3]):
            years_listed.append((int(y.group("y")), stretch))  # "LG 벨벳·윙 2023년, V50·G8 2022년까지"
            continue
        if (
            ended is None
            or _SALE.search(ended.group(0))
            or _MAKING_ENDS_BEFORE.search(sentence[: y.start()])
            or _withdrawn_promise(sentence, y)
        ):
            years_listed.clear()
            continue
        words = f"'{ended.group(0)[-6:]}'"
        for year, listed_stretch in [*years_listed, (int(y.group("y")), stretch)]:
            day = dt.date(year, 1, 1) if first_day else dt.date(year, 12, 31)
            found.append((ForeignEnd(f"{year}년" if korean else y.group(0), day, "year", f"'{year}', {words}"),
                          listed_stretch))  # fmt: skip
        years_listed.clear()
    if not found and (today := _notice_day(sentence, earlier, later)) is not None:
        return today
    if not found:
        return None
    if names_product is not None and len({end.day for end, _stretch in found}) > 1:
        # (several ends that all give one day are that day, whichever of them names the product)
        own = [end for end, stretch in found if names_product(latin_apart(stretch))]
        return own[0] if own else None  # (a list of models' ends, none of them the product's)
    return found[0][0]


def _end_at(
    m: re.Match[str], words: str, first_day: bool, sentence: str, earlier: str, later: str
) -> ForeignEnd | None:
    """The end a date gives with the words that make it one, its year found when it has none (the last
    dated month before it, or a notice's signature after it); None when no year is to be had."""
    month = int(m.group("m"))
    if m.group("y"):
        year = _year_of(m.group("y"))
    elif HANGUL.search(sentence):
        return None  # (Korean news dates a month "올해 7월", this year's, by a date the text does not give)
    elif (placed := _year_before(f"{earlier} {sentence[: m.start()]}")) is not None:
        year = placed
    elif (signed := _YEAR.search(f"{sentence[m.end() :]} {later}")) is not None:
        # a notice signed under its text ("从6月1日起停止维护" over "Release SIG 2025年05月30日")
        year = _year_of(signed.group("y"))
    elif (posted := _latin_day_year(f"{sentence[m.end() :]} {later}")) is not None:
        # or a post's own day written the Latin way under it ("— 任天堂サポート (@nintendo_cs) April 9, 2024")
        year = posted
    else:
        return None
    if m.group("late") and not m.group("d"):
        first_day = False  # "10月末": the month's end
    precision: Precision
    if m.group("d"):
        day, precision = dt.date(year, month, min(int(m.group("d")), calendar.monthrange(year, month)[1])), "day"
    else:
        day = dt.date(year, month, 1 if first_day else calendar.monthrange(year, month)[1])
        precision = "month"
    return ForeignEnd(m.group(0), day, precision, f"'{m.group(0)}', '{words.strip()}'")


def _latin_day_year(text: str) -> int | None:
    """The year of the first day written the Latin way in the text ("April 9, 2024", "2024-04-09")."""
    for found in LATIN_DATE.finditer(text):
        parsed = parse_date(found.group(0), found.lastgroup or "")
        if parsed is not None and parsed[1] == "day":
            return parsed[0].year
    return None


def _notice_day(sentence: str, earlier: str, later: str) -> ForeignEnd | None:
    """An end from the notice's own day, at the full date above it (the last in `earlier`) or else
    under it (the first in `later`)."""
    if (ended := _FROM_TODAY.search(sentence)) is None or _DATE.search(sentence):
        return None
    if _SALE.search(sentence[ended.start() : (stop if (stop := sentence.find("。", ended.end())) >= 0 else None)]):
        return None  # "即日起停止销售": a sale ends
    above, below = _full_dates(earlier), _full_dates(later)
    if not above and not below:
        return None
    dated = above[-1] if above else below[0]
    year, month = int(dated.group("y")), int(dated.group("m"))
    day = dt.date(year, month, min(int(dated.group("d")), calendar.monthrange(year, month)[1]))
    return ForeignEnd(dated.group(0), day, "day", f"'{ended.group(0)[:12]}…' ({dated.group(0)}, the notice's day)")


def _full_dates(text: str) -> list[re.Match[str]]:
    """The dates with a four-digit year, a month and a day ("2025年4月10日")."""
    return [m for m in _DATE.finditer(text) if m.group("y") and len(m.group("y")) == 4 and m.group("d")]
