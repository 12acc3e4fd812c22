"""End dates in support statements written in German, French, Portuguese, Spanish, Italian, Dutch,
Swedish, Norwegian, Danish, Polish, Czech, Slovak, Finnish, Russian, Indonesian, Malay, Hungarian, Turkish,
Romanian, Greek, Ukrainian, Croatian, Serbian and Bosnian (Latin script), Slovenian, Bulgarian or Vietnamese.

The English reading (the parser and its patterns) does not apply to these sentences; makers
selling in the UK sometimes publish their support periods, or have them reported, only in
their own language ("Für den STELLAR-X5s sind Updates bis Dezember 2031 garantiert", "A partir
de 31 de julho de 2024, … não poderão mais ser controlados"). This reader finds a sentence's
language by its function words, its dates by that language's month names, and an end by a
word that bounds the date ("bis", "ab dem", "a partir de") in a sentence that says something
stops or is guaranteed up to it. It is deliberately narrow: a sentence it cannot read gives
nothing, never a guess."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from psti.evidence.web.dates import DATE, Precision, later, month_or_day, parse_date, short_brackets_around
from psti.evidence.web.pagetext import MD_LINK_TARGET

# Finnish months, named, "of", "in", "'s", "from" and "into" ("14. lokakuuta 2025", "toukokuussa 2026")
_FINNISH_MONTHS = {
    f"{stem}kuu{ending}": number
    for number, stem in enumerate(
        ("tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"), 1
    )
    for ending in ("", "ta", "ssa", "n", "sta", "hun")  # ("kesäkuuhun 2028 asti": up to June 2028)
}


def _numbered(*names: str) -> dict[str, int]:
    """A language's twelve month names, January first, each with its number."""
    return {name: number for number, name in enumerate(names, 1)}


_FUNCTION_WORDS = {
    "de": frozenset({"der", "die", "das", "und", "ist", "nicht", "mit", "für", "von", "wird", "werden", "den", "dem",
                     "ab", "bis", "sind", "auch", "sich", "ein", "eine", "im", "zu", "auf", "es", "dass", "zum", "zur",
                     "seit", "beim", "bei", "nach", "jetzt", "noch", "aber", "oder", "wenn", "als", "wie", "nur",
                     "schon", "ihr", "ihre", "ihren", "sein", "seine", "diese", "dieser", "dieses", "sehr", "des",
                     "wurde", "wurden", "am", "hat", "haben", "keine", "kein", "wir", "uns", "innerhalb"}),
    "fr": frozenset({"le", "la", "les", "est", "pas", "des", "du", "une", "et", "pour", "depuis", "sur", "dans", "qui",
                     "ne", "plus", "au", "de", "en", "que", "un", "par", "se", "avec", "mais", "sont", "ces", "son",
                     "sa", "ses", "leur", "leurs", "cette", "ce", "aux", "été", "sera", "seront"}),
    "pt": frozenset({"o", "os", "as", "não", "uma", "um", "para", "com", "está", "partir", "mais", "ser", "seus",
                     "será", "até", "do", "da", "a", "e", "que", "por", "em", "no", "na", "dos", "das", "de", "seu",
                     "sua", "nosso", "nossa", "ao", "à", "este", "esta"}),
    "es": frozenset({"el", "los", "las", "una", "para", "con", "está", "partir", "más", "hasta", "del", "será", "sus",
                     "desde", "y", "la", "de", "que", "en", "por", "se", "no", "un", "su", "nuestra", "nuestro",
                     "le", "al", "lo", "este", "esta"}),
    "it": frozenset({"il", "lo", "gli", "di", "del", "della", "dei", "delle", "che", "non", "per", "con", "è", "sono",
                     "da", "dal", "dalla", "nel", "nella", "alla", "al", "più", "anche", "questo", "questa", "sarà",
                     "saranno", "dopo", "entro", "fino", "cui", "ha", "hanno", "suo", "sua", "loro", "quindi", "la",
                     "una", "un", "verrà", "verranno", "ogni", "noi", "tutti", "tutte", "suoi", "sue", "agli", "ai",
                     "alle", "degli", "in"}),
    "nl": frozenset({"het", "een", "van", "wij", "uw", "niet", "voor", "met", "binnen", "te", "zijn", "worden",
                     "wordt", "dat", "naar", "ons", "onze", "bij", "ook", "maar", "dit", "deze", "heeft", "hebben",
                     "kunt", "nadat", "aan", "geen", "meer", "zal", "zullen", "u", "jullie", "ontvangst", "tot",
                     "nog", "zou", "ze", "er", "op", "om", "dus", "toen", "je", "de", "en", "door", "omdat",
                     "waarom", "nu", "is", "in"}),
    "sv": frozenset({"och", "att", "som", "för", "med", "inte", "till", "är", "kommer", "har", "av", "på", "ett",
                     "sina", "sin", "efter", "fram", "eller", "vi", "också", "när", "från", "detta", "denna", "dessa",
                     "skall", "ska", "kan", "måste", "längre", "den", "det", "inga", "fler", "får", "sista"}),
    # Norwegian (and Danish), by the words Swedish spells otherwise ("og", "ikke", "deg", "innen", "til")
    "no": frozenset({"og", "ikke", "deg", "innen", "inden", "til", "fra", "lenger", "længere", "etter", "når",
                     "skal", "må", "også", "disse", "dette", "er", "vil", "å", "af", "gennem", "indtil", "vores",
                     "hvis", "gjennom", "inntil", "våre", "men", "stadig", "lengre", "denne", "eller", "samme",
                     # (Danish: "og i 2025 forventes opdateringerne … helt at stoppe")
                     "i", "nu", "kun", "får", "hver", "på", "med", "det", "der", "som", "har", "helt", "nemlig",
                     "bliver", "blir", "for", "at"}),  # (Danish "at", English's too: "holder op med at virke")
    # Polish and Czech (not the words English writes too: "a", "i", "do", "by", "to")
    "pl": frozenset({"w", "na", "z", "się", "nie", "dla", "jest", "że", "od", "po", "jak", "ale", "oraz", "przez",
                     "już", "także", "też", "jednak", "są", "został", "została", "zostały", "które", "który",
                     "która", "roku", "tym", "tego", "jego", "ze", "będzie", "będą"}),
    "fi": frozenset({"ja", "ei", "että", "tai", "myös", "kun", "sen", "tämän", "jälkeen", "vain", "kuin", "mutta",
                     "eli", "joten", "ovat", "oli", "ne", "tätä", "tuon", "jo", "vielä", "enää", "aina", "sekä",
                     "jotka", "joka", "mikäli", "kaikilla", "kaikille", "tuki", "tuen", "saa", "saavat", "asti",
                     "saakka", "lähtien", "alkaen"}),
    "cs": frozenset({"je", "se", "na", "v", "ve", "z", "pro", "že", "jako", "ale", "také", "tedy", "bude", "budou",
                     "už", "jsou", "od", "po", "které", "který", "která", "roku", "tak", "jejich", "jeho", "při",
                     "mohou", "může", "vás", "vám", "vaše", "vašeho", "budeme", "během", "nebo", "jsme", "pokud",
                     "této", "tento", "tato", "toto", "týkající", "s", "k", "až", "za", "u",
                     # (Slovak spellings)
                     "sa", "sú", "pre", "ktoré", "ktorý", "ktorá", "môže", "môžu", "aj", "len", "ešte", "alebo",
                     "nebude", "nebudú", "táto", "tieto", "budú", "zariadenia", "zariadenie", "vo", "sieť",
                     "by"}),  # (English's word too, but Czech's conditional: it counts only on a Czech page)
    "ru": frozenset({"и", "в", "во", "не", "на", "что", "с", "со", "по", "для", "от", "до", "это", "как", "года",
                     "году", "его", "её", "их", "будет", "будут", "также", "но", "или", "после", "уже", "больше",
                     "они", "она", "он", "этот", "этой", "этом", "который", "которые", "всех", "через"}),
    # (and Malay: "sokongan", "selepas", "telefon")
    "id": frozenset({"dan", "yang", "untuk", "dengan", "tidak", "ini", "itu", "dari", "pada", "akan", "ke", "dalam",
                     "selepas", "sokongan", "bagi", "kepada", "ialah", "beberapa", "bakal",
                     "juga", "atau", "tersebut", "lagi", "sudah", "telah", "bisa", "dapat", "hanya", "masih", "oleh",
                     "secara", "adalah", "mulai", "hingga", "sampai", "sejak", "karena", "mendatang", "tanggal",
                     "tahun", "bulan", "mereka", "kami", "anda", "bahwa", "setelah", "sebelum", "namun"}),
    "hu": frozenset({"a", "az", "és", "hogy", "több", "számára", "róla", "minden", "nem", "egy", "de", "már", "meg",
                     "csak", "ez", "ezek", "ezt", "mint", "vagy", "pedig", "lesz", "után", "még", "sem", "volt", "van",
                     "nincs", "amely", "amelyek", "ami", "azt", "akkor", "mert", "így", "illetve", "továbbra",
                     "között", "ezért", "szerint", "viszont", "kap", "kapnak"}),
    "tr": frozenset({"ve", "bir", "bu", "için", "ile", "olarak", "daha", "çok", "gibi", "kadar", "sonra", "ancak",
                     "ama", "olan", "değil", "şu", "her", "sadece", "itibaren", "beri", "yıl", "ay", "artık", "yok",
                     "olacak", "var", "veya", "hem", "ise", "göre"}),
    # Vietnamese, by its marked syllables ("sẽ cố gắng phản hồi báo cáo trong vòng 5 ngày làm việc")
    "vi": frozenset({"và", "của", "các", "với", "không", "được", "trong", "sẽ", "là", "có", "này", "những", "để",
                     "từ", "đến", "khi", "chúng", "tôi", "bạn", "một", "đã", "vòng", "ngày", "việc", "làm", "báo",
                     "cáo", "hoặc", "nào", "bất", "kỳ", "cố", "gắng", "hồi", "phản", "lỗ", "hổng", "bảo", "mật"}),
    # Romanian (not the words French, Spanish or Italian write too: "de", "la", "un", "cu")
    "ro": frozenset({"și", "şi", "în", "pe", "nu", "sau", "care", "pentru", "din", "este", "sunt", "vor", "va",
                     "fi", "mai", "să", "acest", "această", "după", "până", "începând", "lor", "aplicația",
                     "utilizatorii", "către", "prin", "fost", "fără", "doar", "astfel", "dacă", "încă", "asta"}),
    "el": frozenset({"και", "το", "τα", "του", "της", "των", "τη", "την", "τον", "οι", "ο", "η", "με", "για",
                     "από", "σε", "στο", "στη", "στην", "στις", "στα", "δεν", "θα", "να", "που", "είναι", "μια",
                     "ένα", "ότι", "πλέον", "έως", "μέχρι", "τις", "αυτή", "αυτό", "χρήστες", "εφαρμογή"}),
    # Ukrainian, by the words Russian spells otherwise ("і", "що", "буде", "року")
    "uk": frozenset({"і", "й", "та", "у", "що", "із", "від", "це", "як", "року", "році", "його", "їх", "буде",
                     "будуть", "також", "але", "або", "після", "вже", "більше", "вони", "який", "які", "свою",
                     "свої", "можуть", "щоб", "сьогодні", "користувачі"}),
    # Croatian, by the words Czech and Polish spell otherwise ("će", "su", "godine", "ali", "samo")
    "hr": frozenset({"će", "su", "ali", "samo", "godine", "ipak", "nakon", "kao", "koji", "koja", "koje", "iz",
                     "još", "što", "ili", "biti", "za", "da", "te", "ova", "ovo", "ove", "sve", "korisnici",
                     "korisnika", "već", "kada", "kako", "bez", "prema", "piše", "neće", "više", "dobiti",
                     # (Serbian and Bosnian spellings)
                     "biće", "nedjelje", "nedelje", "sa", "moći", "ukida", "podršku",
                     # (Slovenian spellings)
                     "bo", "bodo", "ki", "ter", "tudi", "lahko", "več", "še", "že", "so", "naprave", "napravo"}),
    # Bulgarian, by the words Russian spells otherwise ("ще", "са", "това", "които", "през")
    "bg": frozenset({"ще", "са", "това", "които", "който", "която", "като", "след", "вече", "няма", "тези", "този",
                     "според", "през", "бъде", "бъдат", "за", "от", "се", "да", "е", "г", "им", "или", "ако"}),
}  # fmt: skip
# Turkish months (the language's signs in `_MONTH_WORDS` too)
_TR_MONTHS = _numbered(
    "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"
)  # fmt: skip
# Hungarian months (its dates: `_HU_DATE`)
_HU_MONTHS = _numbered(
    "január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október",
    "november", "december"
)  # fmt: skip
# Russian, named and "of" (a schedule's "октябрь 2026 года", "до 31 марта 2026 года")
_RU_MONTHS = {
    "январь": 1, "января": 1, "февраль": 2, "февраля": 2, "март": 3, "марта": 3, "апрель": 4, "апреля": 4,
    "май": 5, "мая": 5, "июнь": 6, "июня": 6, "июль": 7, "июля": 7, "август": 8, "августа": 8,
    "сентябрь": 9, "сентября": 9, "октябрь": 10, "октября": 10, "ноябрь": 11, "ноября": 11,
    "декабрь": 12, "декабря": 12,
    # "in": "в мае 2025 года"
    "январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7, "августе": 8,
    "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
}  # fmt: skip
# Indonesian and Malay (the other months are written as in Dutch or English; Malay "Mac" only with its day, as
# English writes the computer's name alike)
_ID_MONTHS = {"maret": 3, "agustus": 8, "pebruari": 2, "nopember": 11, "mac": 3, "julai": 7, "ogos": 8, "disember": 12}
# Polish and Czech, named, "of" and "in"
_PL_MONTHS = {
    "stycznia": 1, "styczeń": 1, "styczniu": 1, "lutego": 2, "luty": 2, "lutym": 2, "marca": 3, "marzec": 3,
    "marcu": 3, "kwietnia": 4, "kwiecień": 4, "kwietniu": 4, "maja": 5, "maju": 5, "czerwca": 6, "czerwiec": 6,
    "czerwcu": 6, "lipca": 7, "lipiec": 7, "lipcu": 7, "sierpnia": 8, "sierpień": 8, "sierpniu": 8, "września": 9,
    "wrzesień": 9, "wrześniu": 9, "października": 10, "październik": 10, "październiku": 10, "listopada": 11,
    "listopad": 11, "listopadzie": 11, "grudnia": 12, "grudzień": 12, "grudniu": 12,
}  # fmt: skip
_CS_MONTHS = {
    "ledna": 1, "leden": 1, "lednu": 1, "února": 2, "únor": 2, "únoru": 2, "března": 3, "březen": 3, "březnu": 3,
    "dubna": 4, "duben": 4, "dubnu": 4, "května": 5, "květen": 5, "květnu": 5, "června": 6, "červen": 6,
    "červnu": 6, "července": 7, "červenec": 7, "červenci": 7, "srpna": 8, "srpen": 8, "srpnu": 8, "září": 9,
    "října": 10, "říjen": 10, "říjnu": 10, "listopadu": 11, "prosince": 12, "prosinec": 12, "prosinci": 12,
}  # fmt: skip


def _without_accents(word: str) -> str:
    """The word without its accents and diaereses ("μαΐου" -> "μαιου")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


# Romanian, named ("15 decembrie 2025", "până în martie 2026"); "mai" and "august" as German writes them
_RO_MONTHS = _numbered(
    "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie",
    "noiembrie", "decembrie"
)  # fmt: skip
# Greek, named, "of" and "in" ("15 Δεκεμβρίου 2025", "τον Απρίλιο του 2026"), with and without their accents
# (capitals drop them: "ΑΠΡΙΛΙΟΥ")
_EL_STEMS = (
    ("Ιανουάρι", "Ιανουαρί"), ("Φεβρουάρι", "Φεβρουαρί"), ("Μάρτι", "Μαρτί"), ("Απρίλι", "Απριλί"), ("Μάι", "Μαΐ"),
    ("Ιούνι", "Ιουνί"), ("Ιούλι", "Ιουλί"), ("Αύγουστ", "Αυγούστ"), ("Σεπτέμβρι", "Σεπτεμβρί"),
    ("Οκτώβρι", "Οκτωβρί"), ("Νοέμβρι", "Νοεμβρί"), ("Δεκέμβρι", "Δεκεμβρί"),
)  # fmt: skip
_EL_MONTHS = {
    spelling: number
    for number, (named, of) in enumerate(_EL_STEMS, 1)
    for form in (f"{named}ος", f"{named}ο", f"{of}ου")
    for spelling in (form.lower(), _without_accents(form.lower()))
}
# Ukrainian, named and "of" ("5 травня 2025 року", "до січня 2026 року")
_UK_MONTHS = {
    "січень": 1, "січня": 1, "лютий": 2, "лютого": 2, "березень": 3, "березня": 3, "квітень": 4, "квітня": 4,
    "травень": 5, "травня": 5, "червень": 6, "червня": 6, "липень": 7, "липня": 7, "серпень": 8, "серпня": 8,
    "вересень": 9, "вересня": 9, "жовтень": 10, "жовтня": 10, "листопад": 11, "листопада": 11, "грудень": 12,
    "грудня": 12,
    # "in": "у травні 2025 року"
    "січні": 1, "лютому": 2, "березні": 3, "квітні": 4, "травні": 5, "червні": 6, "липні": 7, "серпні": 8,
    "вересні": 9, "жовтні": 10, "листопаді": 11, "грудні": 12,
}  # fmt: skip
# Croatian, named, "of" and "in" ("14. listopada 2025.", "do listopada 2026. godine"); its "listopad" is October,
# where Polish and Czech name November (`month_number`)
_LISTOPAD = frozenset({"listopad", "listopada", "listopadu"})
_HR_MONTHS = {
    "siječanj": 1, "siječnja": 1, "siječnju": 1, "veljača": 2, "veljače": 2, "veljači": 2, "ožujak": 3, "ožujka": 3,
    "ožujku": 3, "travanj": 4, "travnja": 4, "travnju": 4, "svibanj": 5, "svibnja": 5, "svibnju": 5, "lipanj": 6,
    "lipnja": 6, "lipnju": 6, "srpanj": 7, "srpnja": 7, "srpnju": 7, "kolovoz": 8, "kolovoza": 8, "kolovozu": 8,
    "rujan": 9, "rujna": 9, "rujnu": 9, "listopad": 10, "listopada": 10, "listopadu": 10, "studeni": 11,
    "studenoga": 11, "studenog": 11, "studenom": 11, "prosinac": 12, "prosinca": 12, "prosincu": 12,
}  # fmt: skip
# Serbian and Bosnian (Latin), named and "of" ("od 1. januara 2026.", "31. marta 2026. godine"); read with Croatian
_SR_MONTHS = {
    "januar": 1, "januara": 1, "februar": 2, "februara": 2, "mart": 3, "marta": 3, "april": 4, "aprila": 4,
    "maj": 5, "maja": 5, "jun": 6, "juna": 6, "jul": 7, "jula": 7, "avgust": 8, "avgusta": 8, "septembar": 9,
    "septembra": 9, "oktobar": 10, "oktobra": 10, "novembar": 11, "novembra": 11, "decembar": 12, "decembra": 12,
}  # fmt: skip
# Slovak, named, "of" and "in" ("do 31. decembra 2026", "v marci 2025"); read with Czech
_SK_MONTHS = {
    "január": 1, "januára": 1, "januári": 1, "február": 2, "februára": 2, "februári": 2, "marec": 3, "marca": 3,
    "marci": 3, "apríl": 4, "apríla": 4, "apríli": 4, "máj": 5, "mája": 5, "máji": 5, "jún": 6, "júna": 6, "júni": 6,
    "júl": 7, "júla": 7, "júli": 7, "augusta": 8, "auguste": 8, "septembra": 9, "septembri": 9, "októbra": 10,
    "október": 10, "októbri": 10, "novembra": 11, "novembri": 11, "decembra": 12, "decembri": 12,
}  # fmt: skip
# Slovenian, named and "of" ("do 31. decembra 2026", "januarja 2025"); read with Croatian
_SL_MONTHS = {
    "januarja": 1, "februarja": 2, "marec": 3, "marca": 3, "marcu": 3, "aprila": 4, "aprilu": 4, "maja": 5,
    "maju": 5, "junij": 6, "junija": 6, "juniju": 6, "julij": 7, "julija": 7, "juliju": 7, "avgust": 8, "avgusta": 8,
    "avgustu": 8, "septembra": 9, "septembru": 9, "oktobra": 10, "oktobru": 10, "novembra": 11, "novembru": 11,
    "decembra": 12, "decembru": 12,
}  # fmt: skip
# Bulgarian ("17 март 2026 г."); "март", "май" and "август" as Russian writes them
_BG_MONTHS = _numbered(
    "януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври", "ноември",
    "декември"
)  # fmt: skip
# a language's own month names, a sign of it as its function words are ("- POCO M5 : arrêt des mises à jour le
# 6 septembre 2025 ;"); not those English writes alike ("April", "September")
_MONTH_WORDS = {
    "de": frozenset({"januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember"}),
    "fr": frozenset({"janvier", "février", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
                     "décembre"}),
    "pt": frozenset({"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
                     "outubro", "novembro", "dezembro"}),
    "es": frozenset({"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                     "octubre", "noviembre", "diciembre"}),
    "it": frozenset({"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                     "ottobre", "novembre", "dicembre"}),
    "nl": frozenset({"januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober"}),
    "sv": frozenset({"januari", "februari", "mars", "maj", "juni", "juli", "augusti", "oktober"}),
    "no": frozenset({"desember", "marts"}),
    "fi": frozenset(_FINNISH_MONTHS),
    "pl": frozenset(_PL_MONTHS) - {"listopad"},  # (Czech writes it too)
    "cs": frozenset(_CS_MONTHS) | (frozenset(_SK_MONTHS) - frozenset(_PL_MONTHS) - frozenset(_SR_MONTHS)
                                   - frozenset(_SL_MONTHS)),  # (and Slovak's)
    "ru": frozenset(_RU_MONTHS) - {"май"},  # (Bulgarian writes it too)
    "id": (frozenset(_ID_MONTHS) - {"mac"}) | {"desember"},  # (Norwegian's too; "mac" is English's too)
    "hu": frozenset(_HU_MONTHS) - {"november", "december"},  # (not those English writes alike)
    "tr": frozenset(_TR_MONTHS),
    "vi": frozenset({"tháng"}),
    "ro": frozenset(_RO_MONTHS) - {"mai", "august"},  # (German's too)
    "el": frozenset(_EL_MONTHS),
    "uk": frozenset(_UK_MONTHS),
    # (not those Polish and Czech write, nor German and Swedish: "listopada", "januar", "maj")
    "hr": (frozenset(_HR_MONTHS) | frozenset(_SR_MONTHS) | (frozenset(_SL_MONTHS) - frozenset(_SK_MONTHS)
                                                              - frozenset(_PL_MONTHS)))
    - {"listopada", "listopadu", "januar", "februar", "april", "maj", "jun", "jul"},  # (and Slovenian's)
    "bg": frozenset(_BG_MONTHS) - {"март", "май", "август"},
}  # fmt: skip
_ENGLISH_WORDS = frozenset(
    {"the", "and", "is", "are", "will", "be", "to", "of", "for", "with", "from", "until", "on", "in", "not", "no",
     "this", "that", "its", "their", "it", "by", "as", "at", "or", "have", "has"}
)  # fmt: skip

_MONTHS = {
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
    "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9, "setiembre": 9,
    "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8, "december": 12,
    # Swedish
    "maj": 5, "augusti": 8,
    # Norwegian (Danish writes "december"), and Danish "marts"
    "desember": 12, "marts": 3,
    **_FINNISH_MONTHS,
    **_RU_MONTHS,
    **_TR_MONTHS,
    **_ID_MONTHS,
    **_PL_MONTHS,
    **_CS_MONTHS,
    **_RO_MONTHS,
    **_EL_MONTHS,
    **_UK_MONTHS,
    **{name: number for name, number in _HR_MONTHS.items() if name not in _LISTOPAD},
    **_SR_MONTHS,
    **_SK_MONTHS,
    **_SL_MONTHS,
    **_BG_MONTHS,
}  # fmt: skip
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
# every month name these languages write, for a day told apart from a model's number ("Acme Hub: 31 март 2025")
MONTH_NAMES = frozenset(_MONTHS) | frozenset(_HU_MONTHS) | frozenset(_HR_MONTHS)
_YEAR = r"(?:19|20|21)\d\d"
# "30. November 2019", "1ᵉʳ août 2025", "1er août 2025", "31 de julho de 2024", "Dezember 2031", Czech "října roku
# 2025" (and "31.desember 2020", the space after the day's dot left out)
_FOREIGN_DATE = re.compile(
    rf"(?<!\w)(?:(?P<day>[0-3]?\d)(?:\.\s*|(?:ᵉʳ|er|º|°|η)?\s+)(?:de\s+)?)?(?P<month>{_MONTH})\s+(?:de\s+(?:este\s+)?|del\s+|του\s+|roku\s+)?(?P<year>{_YEAR})(?!\d)",
    re.I,
)

# Hungarian writes the year first and bounds a month or day by its suffix: "2025 október végével",
# "2025. október 31-ig" (until), "2026 januárjától" (from), "2025 októberében" (in)
_HU_DATE = re.compile(
    rf"(?<![\w.])(?P<year>{_YEAR})\.?\s+(?P<month>{'|'.join(_HU_MONTHS)})(?P<suffix>[a-záéíóöőúüű]*)"
    r"(?:\s+(?P<day>[0-3]?\d)\.?(?:-?(?P<daysuffix>[a-záéíóöőúüű]+))?)?(?!\d)"
)  # (case kept: Hungarian writes its months in lower case; "2014 November 13" is an English table's)
# Vietnamese names a month by its number: "ngày 5 tháng 5 năm 2025", "tháng 10 năm 2025", "tháng 10/2025"
_VI_DATE = re.compile(
    rf"(?:(?:ngày\s+)?(?P<day>[0-3]?\d)\s+)?tháng\s+(?P<month>1[0-2]|0?[1-9])\s*(?:,\s*|năm\s+|/)(?P<year>{_YEAR})(?!\d)",
    re.I,
)
# the suffix that bounds a Hungarian date: until ("-ig"), from ("-tól", "-től", "-jától"), in or on ("-ban", "-án")
_HU_SUFFIX_BOUND = re.compile(r"(?:ig|t[óő]l|ban|ben|[áé]n)$", re.I)


# a word that bounds the date: up to it ("bis", "jusqu'au", "até", "hasta"), or from it on ("ab dem",
# "à partir du", "a partir de", "desde", "seit", "depuis le"), or at it ("am", "le")
_BOUND_BEFORE = re.compile(
    r"(?:\bbis(?:\s+mindestens)?(?:\s+(?:zum|zur|ende))?|\bab(?:\s+(?:dem|der))?|\bseit(?:\s+dem)?|\bam|\b(?:spätestens\s+)?zum|\bper|"
    r"\bmit(?:\s+dem)?|"  # ("Mit 31.03.2024 werden alle … Apps deaktiviert": as of that day)
    # an end's label before its day: "Galaxy A23 5G: data fine vita, 2 settembre 2025", "fin de support : 30 juin 2025"
    r"\b(?:fine\s+(?:vita|supporto|aggiornamenti)|fin\s+d[eu]\s+(?:vie|support|vida|soporte|suivi))\s*[,:]|"
    r"\bnach\s+dem|"
    # a German switch-off date's label: "das Plattform-Abschaltdatum 31.12.2019", "Abschalttermin ist der 30. Juni"
    r"[Aa]bschalt(?:datum|termin)(?:\s+(?:ist|war)(?:\s+der)?)?\s*:?|"
    r"\b(?:ist|war)\s+der|"  # "Das Supportende für den Acme Hub ist der 31. März 2025"
    # "im" only after the support or the verb that ends ("Update-Zyklus im Juli 2025", "schaltet im März
    # 2018"): "hat im Mai 2024 angekündigt" dates an announcement
    r"\b[\w-]*(?:Unterstützung|Support|Updates?|Zyklus|Betrieb)\s+im|"
    r"\b(?:schaltet|schalten|stellt|stellen|beendet|beenden)\s+im|"
    # (a capital "À" is often written "A": "A partir du 31 juillet 2023")
    r"\bjusqu['’]à\s+(?:la\s+)?fin(?:\s+d[eu])?|\bjusqu['’](?:au|à|en)|\b[àa]\s+partir\s+(?:d[eu]|d['’])|"
    r"\b[àa]\s+compter\s+(?:du|de\s+la|d['’]|de)|\bdès\s+le|\bdepuis\s+le|"
    r"\bd['’]ici(?:\s+(?:le|la\s+fin))?|\baprès(?:\s+le)?|\bdespués\s+del?|\bapós(?:\s+[oa])?|\bdepois\s+d[eoa]|"
    r"\bEnde|\ba\s+fin(?:ales|es)?\s+de|\bno\s+final\s+de|\bfin\s+d[eu]|"  # "Ende Januar 2025": that month's end
    r"\ble|\ben|\bau|\bat[ée]|\ba\s+partir\s+del?(?:\s+pr[óo]ximo)?(?:\s+mes\s+de)?|\bdesde|\bhasta(?:\s+el)?|"
    # a month named by its patch: "a partir del parche de seguridad de agosto de 2025", "até o patch de …"
    r"\b(?:a\s+partir\s+del?|desde\s+el|hasta\s+el|até\s+o|a\s+partir\s+do)\s+(?:parche|patch|update)"
    r"(?:\s+de\s+seguridad|\s+de\s+segurança)?\s+de|"
    r"\bel(?:\s+pr[óo]ximo|\s+mes\s+de)?|\bem|\bno\s+dia|\bpara\s+el|\ba\s+partir\s+do(?:\s+dia)?|"
    # ("cierra su aplicación … este 15 de febrero de 2026": this coming day)
    r"\b(?:este|neste|nesta)(?:\s+(?:pr[óo]ximo|lunes|martes|miércoles|jueves|viernes|sábado|domingo))?|"
    r"\bdurante(?:\s+(?:este|el)\s+mes\s+de)?|"
    # an Italian service's end at a day: "Proroga della data di chiusura del supporto cloud al 6 maggio 2026"
    r"\b(?:supporto|servizio|servizi|cloud|server|aggiornamenti)\s+al|"
    # ("con fine del supporto prevista a luglio 2026"; "a partire da questo gennaio 2021")
    r"\bprevist[oaie]\s+(?:a|per)|\bprevist[oa]s?\s+para(?:\s+o\s+dia)?|"  # ("… está previsto para 31 de janeiro")
    # an Italian end's verb, then its month: "Il supporto terminerà a marzo 2026"
    r"\b(?:terminer(?:à|anno)|termin(?:a|ano)|finir(?:à|anno)|finisce|scad(?:e|rà)|cesser(?:à|anno))\s+a|"
    # ("L'ultimo aggiornamento di sicurezza arriverà a marzo 2026": when the last update comes)
    r"\b(?:arriver(?:à|anno)|arriva(?:no)?|uscir(?:à|anno)|esce|escono)\s+a|"
    r"\bil(?:\s+prossimo)?|\bdal(?:l['’])?|\bda|\bnell['’]|\bnel(?:\s+mese\s+di)?|\ba\s+partire\s+da(?:l)?(?:\s+quest[oa])?|\bfino\s+al?|\bfino\s+all['’]|\bentro\s+(?:il|l['’])|\bdopo\s+(?:il|l['’])|"
    # Dutch: "tot en met december 2030", "vanaf 1 juni 2025", "stopgezet in mei 2023", "eind maart 2026"
    r"\btot(?:\s+en\s+met)?|\bt/m|\bvanaf|\bsinds|\beind(?:e)?|\bper|\bop|\bna|"
    r"\b(?:stopgezet|gestopt|stopt|stoppen|beëindigd|uitgeschakeld|afgesloten)\s+in|"
    r"\b(?:rolde|rolt|kwam|komt|verscheen|verschijnt)\s+(?:\w+\s+)?(?:uit\s+)?in|"  # "(de laatste update) rolde uit in"
    # Finnish: the end's verb right before its day ("tuki loppuu 14. lokakuuta 2025")
    r"\b(?:loppuu|loppui|loppuvat|päättyy|päättyi|päättyvät|lakkaa|lakkasi)|"
    # Czech: the end's verb and its support right before the day ("ukončí podporu 10. prosince 2019", "Podpora … byla
    # ukončena 11. července 2017")
    # ("ukončí podporu k 31.12.2022": as of that day; "termín posunul na 10. února 2026": the deadline moved to)
    r"\bukonč\w*(?:\s+podporu)?(?:\s+k)?|\bposun\w*\s+na|"
    # Polish and Czech: "Wsparcie … zakończy się 31 marca 2025 roku", "zostanie wyłączona 31 marca", "skončí 31. března"
    # ("Usługa została wycofana z tej platformy 2 marca 2026 roku": withdrawn from a platform on the day)
    r"\bzakończ\w*(?:\s+się)?|\bzosta(?:nie|ła|ł|ło|ły|li|ną)\s+(?:wyłączon|zamknięt|zakończon|wycofan)\w*"
    r"(?:\s+z\s+[^\s,.;]+(?:\s+[^\s,.;]+)?)?|\bskonč\w*|"
    r"\b(?:se\s+)?konča(?:la|lo|l)?|\bpreneha\w*|"  # Slovenian: "podpora se konča 31. decembra 2026"
    # Norwegian and Danish: "til 31. desember 2025", "fra 1. juni", "etter den 14. januar 2020", "innen"
    r"\btil(?:\s+og\s+med)?|\bindtil|\bfra|\better(?:\s+den)?|\binnen|\binden|"
    # Swedish: the last update "kommer i mars 2026" (comes in), "släpps i" (is released in)
    r"\b(?:kommer|släpps|släpptes|kom)\s+(?:ut\s+)?i|"
    # Polish and Czech: "w październiku 2025", "pod koniec czerwca 2024", "do końca", "od 1 lipca", "datowane na",
    # "v říjnu 2025", "do konce"
    r"\bw|\bwe|\bpod\s+koniec|\bz\s+końcem|\bdo(?:\s+końca)?|\bod|\bdatowan\w*\s+na|\bv|\bve|\bvo|\bdo\s+konce|"
    r"\bna\s+konci|\bkoncem|"  # Czech "na konci srpna 2021", "koncem roku 2025" (at the end of)
    r"\bpo|"  # "po wrześniu 2025 roku nie zostanie już załatana" (after)
    r"\bnastąpi\w*|"  # "Koniec funkcjonowania tej sieci ma nastąpić 15 grudnia 2023 roku" (is to come on)
    # Russian: "до 31 марта 2026 года", "до конца", "с 1 марта", "после"
    r"\bдо(?:\s+конца)?|\bс|\bсо|\bпосле|"
    # … and, as Ukrainian, the end's verb right before its day ("Поддержка … прекратится 31 марта 2025 года")
    r"\b(?:прекрат|заверш|отключ)\w*(?:\s+(?:свою\s+)?(?:работу|поддержку))?|"
    # Indonesian: "mulai tanggal 10 Desember 2019", "hingga 11 Juni 2019", "sampai akhir", "sejak", "pada"
    r"\b(?:mulai|sejak|pada|per|setelah|selepas|hingga|sampai(?:\s+dengan)?)(?:\s+(?:akhir|tanggal|bulan))?|"
    # Vietnamese: "từ sau tháng 10/2025" (after), "đến hết" (until its end), "kể từ" (from), "vào" (on)
    r"\btừ\s+sau|\bsau|\b(?:cho\s+)?đến(?:\s+hết)?|\b(?:kể\s+)?từ(?:\s+ngày)?|\bvào(?:\s+(?:ngày|cuối))?|"
    # Bulgarian: "до 31 март", "от 1 април", "след", "на 17 март", "през март 2026 г."
    r"\bот|\bслед|\bна|\bпрез|\bприключ\w*|"  # ("ще приключи 31 март 2025 г.": will end on)
    # Romanian: "până în martie 2026", "până la 15 decembrie", "începând cu 15 decembrie 2025", "din", "după"
    r"\bpână(?:\s+(?:în|la|pe))?(?:\s+(?:sfârșitul|sfarsitul|finalul)(?:\s+lunii)?)?|\bîncepând\s+(?:cu|din)(?:\s+data\s+de)?|"
    r"\bdin|\bdupă|\bpe|\bîn(?:\s+luna)?|"
    # Greek: "έως τις 31 Δεκεμβρίου", "μέχρι τον Μάρτιο", "από τον Απρίλιο του 2026", "στις 15 Δεκεμβρίου"
    r"\b(?:[έε]ως|μ[έε]χρι|ως|απ[όο]|στις|μετ[άα]\s+(?:τις|την|τον|το)|τον|την)(?:\s+(?:τις|την|τον|το|τα))?|"
    # Ukrainian: "до 31 березня", "з 1 квітня", "після", "від"; the end's verb right before its day ("підтримка
    # завершиться 31 березня", "буде відключено 31 березня", "припиняє роботу 31 березня")
    r"\bз|\bіз|\bвід|\bпісля|\bу|\bв|\b(?:заверш|припин|відключ|вимкн)\w*(?:\s+(?:свою\s+)?(?:роботу|підтримку))?|"
    # Croatian: "do listopada 2026.", "od 14. listopada", "nakon", "u listopadu"; "prestaje 31. ožujka", "gasi se"
    # (Serbian: "će prestati sa radom 8. aprila 2024. godine", will stop working)
    r"\bnakon|\bu|\b(?:prestaj|prestat|ugas|ukid|ukinu)\w*(?:\s+se)?(?:\s+sa?\s+radom)?|\bgas(?:i|e)\s+se|\bzavrš\w*(?:\s+se)?|"
    # Swedish: "fram till september 2020", "efter oktober 2019", "från och med", "avslutas i november 2019"
    r"\bfram\s+till|\btill(?:\s+och\s+med)?|\bt\.o\.m\.?|\befter|\bfrån(?:\s+och\s+med)?|\bfr\.o\.m\.?|\bsedan|"
    r"\b(?:avslutas|avslutades|upphör|upphörde|slutar|slutade|stängs|stängdes)(?:\s+(?:ned|ner))?\s+(?:den\s+)?i?)"
    r"\s*(?:dem\s+|den\s+|le\s+|el\s+|o\s+)?$",
    re.I,
)
# the words that make a year alone an end: up to it or to its end ("jusqu'en 2027", "jusqu'à fin 2026",
# "bis Ende 2027", "hasta finales de 2026", "até o final de 2027"); not a bare "en 2017" or "em 2024"
_YEAR_BOUND = re.compile(
    # ("bis mindestens Ende 2024": at least until)
    # ("d'ici la fin de l'année 2022", "jusqu'à la fin de l'année 2025": by or up to a year's end)
    r"(?:\bbis(?:\s+mindestens)?(?:\s+(?:zum\s+)?ende)?|\bjusqu['’](?:en|à\s+(?:la\s+)?fin(?:\s+d[eu]|\s+de\s+l['’]année)?)|"
    r"\bd['’]ici(?:\s+(?:à\s+)?(?:la\s+)?fin(?:\s+d[eu]|\s+de\s+l['’]année)?)?|"
    r"\bhasta(?:\s+(?:finales|el\s+final|fines)\s+de(?:l)?|\s+el\s+año)?|\bat[ée](?:\s+(?:o\s+)?(?:final|fim)\s+de)?|"
    # at a year's end ("a finales del 2022", "al final de 2025", "no final de 2024", "alla fine del 2026")
    r"\ba\s+(?:finales|fines)\s+de(?:l)?|\bal\s+final\s+de(?:l)?|\b(?:no|ao)\s+(?:final|fim)\s+de|\bem\s+fins\s+de|"
    r"\b(?:alla|entro\s+la)\s+fine\s+del|"
    r"\bab|\bEnde|\bfino\s+al(?:la\s+fine\s+del|l['’]anno)?|\bdurante(?:\s+el\s+año)?|"
    # a year right after the verb that ends ("l'aggiornamento terminerà nel 2027", "endet im Jahr 2026")
    r"\b(?:terminer\w*|si\s+concluder\w*|finir\w*|endet|enden|terminar\w*|acabar\w*|finaliz\w*|arriver\w*|"
    r"giunger\w*|termin(?:a|an|ó|aron|ou|aram)|acab(?:a|an|ó|aron|ou|aram)|stop(?:t|pen|te|ten)|"
    r"(?:se\s+)?cerr(?:ará|arán|ó|aron)|pr(?:end|endra|endront|is)\s+fin)\s+(?:nel|en|em|im(?:\s+Jahr)?|in|no\s+ano|el\s+año)|"
    r"\bende(?:t|n|te|ten)|"  # ("Der Support für das Acme Hub endet 2026")
    # … or after the participle of a stop ("le service sera arrêté en 2025", "será desactivado en 2025", "verrà
    # chiuso nel 2025", "será encerrado em 2025")
    r"\b(?:arrêté|supprimé|désactivé|fermé|interrompu)e?s?\s+en|"
    r"\b(?:cerrad|desactivad|apagad|descontinuad|interrumpid|encerrad|desativad|desligad|interrompid)[oa]s?\s+e[nm]|"
    r"\b(?:chius|disattivat|spent|dismess|interrott|cessat)[oaie]\s+nel|"
    r"\bbis\s+(?:zum\s+)?Jahresende|"  # "Bis zum Jahresende 2023 erscheinen … noch Notfall-Patches"
    # the end of a product's life in a year ("llegará al final de su vida útil, aunque en 2030", "fin de vie en 2025")
    # (the end's words themselves stand further back: `_END_WORDS`)
    r"\b(?:vida(?:\s+útil)?|vie|vita(?:\s+utile)?),?\s+(?:\w+\s+)?(?:en|em|nel|in)|"
    # since a year's end ("depuis la fin 2022", "seit Ende 2022"): from its last day
    r"\bdepuis\s+(?:la\s+)?fin(?:\s+d[eu])?|\bseit\s+Ende|\bdesde\s+(?:finales|el\s+final|fines)\s+de(?:l)?|"
    # Dutch: "tot en met 2030", "eind 2025", "vanaf 2026"
    r"\btot(?:\s+en\s+met)?(?:\s+(?:het\s+)?eind(?:e)?\s+van)?|\bt/m|\beind(?:e)?|\bvanaf|"
    # from a year on: "não receberá mais atualizações de segurança a partir de 2025", "à partir de 2026"
    r"\ba\s+partir\s+de|\bà\s+partir\s+de|\ba\s+partire\s+dal|\bdal|"  # ("non riceverà più aggiornamenti dal 2026")
    # Norwegian and Danish: "i 2025", "i løbet af 2026", "til 2027"
    r"\bi(?:\s+løbet\s+af|\s+løpet\s+av)?|\b(?:til|indtil|inntil)(?:\s+(?:udgangen|utgangen)\s+a[fv])?|"
    # Polish and Czech: "do 2031 roku", "do końca 2025 roku", "do roku 2031", "do konce roku 2026"
    r"\bdo(?:\s+(?:końca|konce))?(?:\s+roku)?|"
    # Swedish: "fram till 2026", "till slutet av 2025"
    r"\b(?:fram\s+)?till(?:\s+slutet\s+av)?|"
    # Indonesian: "hingga 2026", "sampai akhir tahun 2025", "mulai tahun 2024"
    r"\b(?:hingga|sampai(?:\s+dengan)?|mulai)(?:\s+akhir)?(?:\s+tahun)?|"
    # Romanian, Greek and Ukrainian: "până în 2026", "până la sfârșitul anului 2026", "έως το 2026", "до 2026 року"
    r"\bpână(?:\s+(?:în|la))?(?:\s+(?:sfârșitul|sfarsitul|finalul))?(?:\s+anului)?|\bîn\s+anul|"
    r"\b(?:[έε]ως|μ[έε]χρι)(?:\s+(?:το|τα\s+τ[έε]λη\s+του|το\s+τ[έε]λος\s+του))?|\bдо(?:\s+кінця)?|"
    # Vietnamese: "vào cuối năm 2024" (at the end of the year), "đến hết năm 2026" (until its end)
    r"\b(?:vào\s+)?cuối\s+năm|\b(?:cho\s+)?đến(?:\s+hết)?(?:\s+năm)?)\s*$",
    re.I,
)
# a stop of what a product gets, then the year it stops in, further back than a bound word stands: "dejó de recibir
# actualizaciones de software en 2018", "deixará de receber atualizações em 2026", "a cessé de recevoir des mises à
# jour en 2018", "ha smesso di ricevere aggiornamenti nel 2018"
_STOPS_IN_YEAR = re.compile(
    r"\b(?:dej(?:ó|aron|ará|arán|a|an|ar)|deix(?:ou|aram|ará|arão|a|am|ar)|(?:a|ont|avait|avaient)\s+cessé|"
    r"cesser(?:a|ont)?|cess(?:e|ent)|smess[oi]|smetter(?:à|anno)|smett(?:e|ono))\s+(?:de|d['’]|di)\s*"
    r"(?:[^\s.,;:]+\s+){1,7}?(?:nel|en|em|in)\s*$",
    re.I,
)
_FROM_BOUND = re.compile(
    r"(?:ab|seit|vanaf|sinds|från|fr\.o\.m|sedan|à\s+partir|à\s+compter|dès|depuis|a\s+partire?|desde|da|dal|od|lähtien|"
    r"alkaen|mulai|sejak|t[óő]l|óta|itibaren|itibar[ıi]yla|beri|din|începând|απ[όο]|з|із|від|от|kể\s+từ|từ(?!\s+sau))\b",
    re.I,
)
# Dutch "it is over" ("is het klaar", "is het ook gedaan met"): both the bound after a date and its end's words
_NL_OVER = r"is\s+het\s+(?:\w+\s+){0,2}(?:klaar|gedaan|afgelopen|over)\b"
# Finnish puts its bound after the date: "31. joulukuuta 2019 lähtien" (from), "13.10.2026 saakka" (until); and a
# month "in" is its own bound ("toukokuussa 2026")
_BOUND_AFTER = re.compile(
    r"\s*(?:lähtien|alkaen|saakka|asti|mennessä)\b|"
    # Russian "18 февраля 2026 года прекратит поддержку": the year's word, then the end's verb
    r"\s+года\s+(?=(?:прекра[тщ]|перестан|заверш|отключ)\w*)|"
    # … and Croatian and Serbian: "će 31. marta 2026. godine prestati sa objavljivanjem"
    r"\.?\s+godine\s+(?=(?:presta|ukid|ukinu|završ|gas|ugas)\w*)|"
    # Hungarian: "2025 október végével" (with its end), "végéig" (until its end), "végén", "óta" (since)
    r"\s+(?:végével|végéig|végén|óta)\b|"
    # Turkish: the case ending after an apostrophe, then the bound: "Temmuz 2026'ya kadar" (until), "Haziran
    # 2024'ten beri" (since), "1 Ocak 2025'ten itibaren" (from)
    r"['’](?:y?[ae]|[dt][ae]n)\s+(?:kadar|itibaren|beri)\b|"
    # … or on the day itself ("20 Ağustos 2025'te Appstore'un kapanacak"), or from its date on ("20 Ağustos 2025
    # tarihinden itibaren")
    r"['’][dt][ae]\b|\s+tarih(?:inde|inden\s+itibaren)\b|\s+itibar[ıi]yla\b|"  # ("1 Ocak 2026 itibarıyla": as of)
    # Vietnamese: "ngày 5 tháng 10 năm 2023 là ngày ứng dụng sẽ biến mất" (is the day the app disappears)
    r"\s+là\s+ngày\b|"
    # Dutch "de beveiligingspatch van april 2021 en daarna is het klaar": up to the date, and after it none
    r",?\s+en\s+daarna\b|"
    # "dus in oktober 2019, is het ook gedaan met de veiligheidspatches": with that month it is over
    rf",?\s+{_NL_OVER}",
    re.I,
)
# a year's bound after it: Hungarian "2026 végéig" (until its end), "végén" (at its end), "2026-ig" (until),
# "2025-től" (from); Finnish "vuoden 2026 loppuun (asti)" (to its end), "lopussa" (at its end); Turkish "2026'ya
# kadar" (until), "2026'dan itibaren" (from)
_YEAR_BOUND_AFTER = re.compile(
    r"\s+(?:végéig|végén|végével|loppuun|lopussa)\b|-(?:ig|t[óő]l)\b|['’](?:y?[ae]|[dt][ae]n)\s+(?:kadar|itibaren|beri)\b",
    re.I,
)
# German and Dutch put the participle of a stop last, after its month or year: "wordt in maart 2025 stopgezet",
# "wordt in 2025 beëindigd", "wird im Jahr 2025 eingestellt", "wird 2025 abgeschaltet"
_VERB_FINAL_BEFORE = re.compile(r"\b(?:in|im(?:\s+Jahr(?:e)?)?|wird|werden|wordt|worden)\s*$", re.I)
_VERB_FINAL_STOP = re.compile(
    r"\s+(?:(?:worden|wordt|werden|wird)\s+)?(?:beëindigd|stopgezet|uitgeschakeld|afgesloten|opgeheven|eingestellt|"
    r"abgeschaltet|beendet|deaktiviert|stillgelegt)\b",
    re.I,
)
_MONTH_IN = re.compile(r"\w+kuussa\b", re.I)
_SUPPORT_GOES_ON_FI = re.compile(r"\b(?:jatku\w*|tuki\w*|tuen|\w*päivity\w*)", re.I)
# a plan since changed: "Originalmente, os modelos … receberiam suporte … até agosto de 2024"
_FORMER_PLAN = re.compile(
    r"^\W*(?:originalmente|inicialmente|originariamente|inizialmente|ursprünglich|initialement|au\s+départ|"
    r"oorspronkelijk|aanvankelijk|ursprungligen)\b",
    re.I,
)
# a weekday, or "today", between a bound and its date: "a partire da oggi, martedì 10 dicembre 2019",
# "ab Dienstag, dem 10. Dezember 2019", "à partir du mardi 10 décembre 2019"
_WEEKDAY_TAIL = re.compile(
    r"(?:\b(?:oggi|heute|aujourd['’]hui|hoy|hoje|vandaag|idag)\s*,?\s*)?"
    r"(?:\b(?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|Montag|Dienstag|Mittwoch|"
    r"Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
    r"mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|(?:segunda|ter[çc]a|quarta|quinta|sexta)-feira|maandag|"
    r"dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)"
    r"\s*,?\s*(?:dem\s+|den\s+)?)?$",
    re.I,
)
# "at least" between a bound and its date: "hasta al menos junio de 2028", "até, no mínimo, 2028", "bis mindestens"
_AT_LEAST_TAIL = re.compile(
    r"\s*,?\s*\b(?:al\s+menos|como\s+m[íi]nimo|por\s+lo\s+menos|pelo\s+menos|no\s+m[íi]nimo|ao\s+menos|almeno|"
    r"per\s+lo\s+meno|come\s+minimo|mindestens|wenigstens|au\s+moins|au\s+minimum|minstens|ten\s+minste|minst|vähintään|"
    r"co\s+najmniej|przynajmniej|minimálně|nejméně|alespoň|minimaal|åtminstone)\s*,?\s*$",
    re.I,
)
# the month named as "the month of" between a bound and its date: "jusqu'au mois de septembre 2028", "fino al
# mese di maggio 2021", "hasta el mes de junio de 2026"
_MONTH_OF_TAIL = re.compile(r"\s*\b(?:mois|mese|mes|mês)\s+(?:de|di|d['’])\s*$", re.I)
# a page's revision stamp before its date, opening the sentence: "Dernière mise à jour le 4 avril 2016",
# "Letzte Aktualisierung: 3. Mai 2021", "Última actualización: …" (the page's date, not a last update's)
_REVISION_STAMP = re.compile(
    r"^\W{0,3}(?:derni[eè]re\s+mise\s+à\s+jour|mis\s+à\s+jour|última\s+actualización|actualizado|"
    r"última\s+atualização|atualizado|letzte\s+(?:Aktualisierung|Änderung)|(?:zuletzt\s+)?aktualisiert|"
    r"ultimo\s+aggiornamento|aggiornato|laatst\s+bijgewerkt|bijgewerkt|senast\s+uppdaterad|sist\s+oppdatert)"
    r"\s*(?:le|el|em|am|il|op|den|du|:)?\s*$",
    re.I,
)
# a policy that takes effect on a day, not an end on it
_IN_EFFECT = re.compile(
    r"\b(?:con\s+efficacia|in\s+vigore|en\s+vigueur|in\s+Kraft|wirksam|en\s+vigor|em\s+vigor)\b", re.I
)
# a cadence of updates: "keine monatlichen Sicherheitsupdates mehr", "cập nhật bảo mật hàng tháng" (monthly); what
# stops from a date on is the cadence, and updates go on less often (as the English reading has it)
_CADENCE = re.compile(
    r"\b(?:hàng\s+tháng|monatlich\w*|mensuel\w*|mensal\w*|mensual\w*|mensil\w*|maandelijks\w*|månatlig\w*|"
    r"månedlig\w*|miesięczn\w*|měsíční\w*|mesačn\w*|ежемесячн\w*|щомісячн\w*|bulanan|havi|aylık|lunar\w*|"
    r"μηνιαί\w*|месечн\w*|mjesečn\w*|mesečn\w*)",
    re.I,
)
# a bound up to a date (not from or after it): "bis", "jusqu'au", "até", "hasta", "fino al", "tot", "till", "do"
_UNTIL_BOUND = re.compile(
    r"\b(?:bis|jusqu|at[ée]|hasta|fino|entro|tot|t/m|till|til|indtil|inntil|do|до|đến|până|[έε]ως|μ[έε]χρι|hingga|"
    r"sampai)\b|(?:ig|saakka|asti|kadar)\s*$",
    re.I,
)
_POLICY = re.compile(r"\b(?:politica|politique|política|Richtlinie|beleid|policy)\b", re.I)
# nothing before a date but a list's mark: the sentence opens with it
_SENTENCE_START = re.compile(r"[\s\-–•*·]*")
# "today" opening the sentence before its day: "Сьогодні, 5 травня 2025 року, Skype … припиняє свою роботу", "Heute,
# am 5. Mai 2025, …": the day the sentence's end happens
_TODAY_LEAD = re.compile(
    r"[\s\-–•*·]*(?:heute|aujourd['’]hui|hoy|hoje|oggi|vandaag|idag|i\s+dag|сьогодні|сегодня|astăzi|azi|σήμερα|danas|"
    r"dziś|dzisiaj|dnes|tänään|bugün)\s*,?\s*(?:am\s+|le\s+|el\s+|il\s+|op\s+|den\s+)?",
    re.I,
)
# a German month an end happened in, with no support word before it: "Im Februar 2024 zog Amazon …"
_IM = re.compile(r"\bim\s*$", re.I)
# a clause that dates an announcement, not the end it announces
_ANNOUNCED = re.compile(
    r"\b(?:angekündigt|kündigt\w*|verkündet\w*|bekannt\w*|mitgeteilt|informiert\w*|berichtet\w*)", re.I
)
# words of a sentence that says something stops, ends or is guaranteed up to a date
_END_WORDS = re.compile(
    r"\bnicht\s+mehr|\bkein\w*\s+(?:[\w-]+\s+){0,4}mehr|\bnichts\s+mehr|"
    r"\beingestellt|\beinstell\w*|\beinzustellen|\babgeschaltet|\babschalt\w*|\babzuschalten|\bdeaktivier\w*|"
    r"\bstell(?:t|en)\s+(?:[^\s,;]+\s+){1,16}ein\b(?=\s*[.,;:]|\s*$)|"  # "stellt den Support … zum … ein"
    # "schaltet im März 2018 den Cloud-Dienst, … ab"
    r"\bschalt(?:et|en)\s+(?:[^\s;]+\s+){1,12}ab\b(?=\s*[.;:]|\s*$)|"
    r"\bschluss\b|\bende[nt]\b|\bendete[nt]?\b|\bbeend\w*|\bverabschiedet|\bgarantiert|"
    # "das Ende der Plattform zum 30. Juni 2023", "seine Server … vom Netz"
    r"\bEnde\s+(?:der|des)\s+(?:[\w-]+\s+)?(?:Plattform|Dienst\w*|Services?|Supports?|Unterstützung|Cloud|App|"
    r"Server\w*)\b|\bvom\s+Netz\b|"
    # "verlieren die … Unterstützung", "verlieren alle … Lautsprecher … zentrale Onlinefunktionen"
    r"\bverlier\w*\s+(?:\w+\s+){0,8}(?:Unterstützung|Support|Updates|[\w-]*[Ff]unktion\w*)\b|"
    # "perderà il supporto", "perderá su conectividad y soporte", "perdra le support"
    r"\bperd\w*\s+(?:\w+\s+){0,4}(?:supporto|soporte|support|suporte|assistenza|aggiornamenti|actualizaciones)\b|"
    # an update or support given up to a year or a day named before it: "noch bis 2025 Updates erhalten"
    # "dann werdet ihr bis 2031 versorgt": supplied (with updates) up to a year ("bis mindestens Ende 2024 unterstützt")
    r"\bbis\s+(?:\S+\s+){1,4}(?:versorgt|gepatcht|aktualisiert|unterstützt)\b|"
    # ("Bis zum 31. März 2025 erhält der Acme Hub noch Sicherheitsupdates")
    r"\bbis\s+(?:\S+\s+){1,10}(?:Updates|Sicherheitsupdates|Aktualisierungen|Support|Unterstützung|[\w-]*Patches)\b|"
    # … or before it: "eine Vereinbarung, die den Support bis 2030 verlängert", "soll der Software-Support
    # mindestens fünf Jahre bis 2026 andauern", "Der Support für das Gerät läuft bis 2026"
    # (a time, not a span: "der Support bis fünf Jahre nach …" counts from an undated sale)
    r"\b[\w-]*(?:Support|Unterstützung)\s+(?:[\w-]+\s+){0,6}?bis(?=\s+(?:Ende\s+|zum\s+)?(?:\d|[A-ZÄ][a-zä]+\s+\d))|"
    # available up to a time, the word last: "dass Google Assistant bis März 2026 weiter verfügbar sein wird"
    r"\bbis\s+(?:\S+\s+){1,5}(?:weiter(?:hin)?\s+|noch\s+)?(?:verfügbar|nutzbar|erreichbar)\b|"
    r"\bend\s+of\s+(?:maintenance|support|life)|\beom\b|\beol\b|\beos\b|\bsupportende|"
    r"\bne\s+(?:\w+\s+){1,2}plus|\bn['’]\w+\s+plus|\bfin\s+d[eu](?!\s+l['’]ann)|\bfin\s+définitive|\barrêt|\bgaranti\w*|\bsupprim\w*|"
    r"\b(?:supporté|support\s+logiciel|prise?\s+en\s+charge|unterstützt|suportad|soportad|suporte|soporte|compatible|actualiz|atualiz|aktualisier|"
    # (also the loanword "updates", and a product "protegida" or "protetto" up to a time)
    r"mis(?:es?)?\s+à\s+jour|parches|patch|correctifs|[\w-]*updates?|protegid|protett|protégé|sécuris|aggiornament)\w*\b[^.]{0,60}?"
    r"\b(?:jusqu['’]|bis\b|até\b|hasta\b|fino\b)|"
    r"\bausgelaufen|\bläuft\s+(?:[\w.]+\s+){0,8}aus\b|\babgelaufen|"
    # ("enfrentarán una interrupción en el servicio a partir de este próximo 1 de mayo de 2025")
    r"\binterruption\s+(?:\w+\s+)?du\s+service|\bdéconnexion\s+définitive|"
    r"\binterrupción\s+(?:en\s+el|del)\s+servicio|\binterruzione\s+del\s+servizio|\binterrupção\s+do\s+serviço|"
    # putting an end to something: "mettre un terme au support", "mettre fin au service", "poner fin a", "porre fine"
    r"\bmett\w*\s+(?:un\s+)?(?:terme|fin)\b|\bpo(?:ner|ne|nen|ndrá|ndrán|nía)\s+fin\b|\bp(?:orre|orrà|ône)\s+fine?\b|"
    # a last update in a month: "une ultime mise à jour de sécurité en octobre 2019", "última actualización"
    r"\b(?:ultime|dernière)\s+mise\s+à\s+jour|\búltima\s+(?:actualización|atualização)|\bultimo\s+aggiornamento|"
    # (the word after: "une mise à jour finale du Fairphone 2", "la actualización final")
    r"\bmise\s+à\s+jour\s+finale|\bactualización\s+final|\baggiornamento\s+finale|\batualização\s+final|"
    r"\búltimo\s+(?:patch|parche|pacote)|"  # "recebeu seu último patch de segurança em maio de 2025"
    # ("das letzte Software-Update für die ursprüngliche Pixel Watch im Oktober 2025")
    r"\bletzte[sn]?\s+[\w-]*[Uu]pdate|"
    # a store or service that closes: "Xbox 360 Store und Marketplace schließen am 29. Juli 2024"
    r"\b(?:Store|Shop|Marketplace|Dienst\w*|Server\w*|Plattform\w*|App|Cloud)\b[^.]{0,40}?\bschlie(?:ß|ss)(?:t|en)\b|"
    r"\bfermé(?:e|s|es)?\b|\bfermer(?:a|ont)\b|\bfermeture\b|"  # "le service cloud sera fermé le 31 mars 2025"
    # an end that is scheduled: "sa plateforme Wemo dont la fin est programmée le 31 janvier 2026", "el fin está
    # previsto para", "la fine è prevista per", "o fim está previsto para"
    r"\b(?:la\s+fin|el\s+fin(?:al)?|la\s+fine|o\s+fim)\s+(?:\w+\s+){0,4}?(?:est|está|è|é)?\s*"
    r"(?:programm|prévu|previst|fixé|fijad|fissat|agendad|programad|anunciad|annoncé)\w*|"
    # "les serveurs … seront coupés le 31 mars 2025", "coupera les serveurs" (a service cut off, not a price cut);
    # a product that "va tirer sa révérence" (takes its leave)
    r"\b(?:serveurs?|services?|cloud|accès|connexion)\b[^.]{0,40}?\bcoup(?:é|ée|és|ées|era|eront)\b|"
    r"\bcoup(?:er|era|eront|ait)\s+(?:les?|la|l['’])\s*(?:serveurs?|services?|cloud|accès|connexion)\b|"
    r"\btir\w*\s+sa\s+révérence\b|\btourn\w*\s+la\s+page\b|"  # ("tourner la page de la 3G": to close the book on)
    r"\bdésactiv\w*|\btermin\w*|\bcess\w+\s+de|\bpr(?:end\w*|is)\s+fin\b|\bfinalizad\w*|\bser[áa]\s+finaliz\w*|"
    r"\bfinalizar[áa]n?\b|\bfinaliz(?:a|an|ó|aron)\b|"
    r"\bnão\s+(?:\w+\s+){0,2}mais|\bdeix(?:ar[áa]|ar[ãa]o|ar|a|am|ou|aram)\s+de|\bgarantid\w*|\bdescontinua\w*|\binterromp\w*|\binterrump\w*|\bencerr\w*|"
    r"\bdesaparic\w*|\bdesaparec\w*|"  # "la fecha de desaparición de estos dos servicios, el próximo 31 de marzo"
    # a certificate the service needs that runs out: "um certificado de segurança que expirará em março de 2018"
    r"\b(?:certificad|certificat|zertifikat)\w*\b[^.]{0,60}?\b(?:expir|scad|caduc|vence|vencer|ablauf|abläuft|läuft)\w*|"
    # support taken away: "Netflix eliminó soporte para miles de modelos", "elimina el soporte"
    r"\belimin\w*\s+(?:el\s+|su\s+|o\s+|il\s+)?(?:soporte|suporte|supporto)\b|"
    # "será desactivado", "será desligado" (the verb: a deactivation named as a noun has a date of its own)
    r"\bdesactiv(?:ad[oa]s?|ar[áa]n?|ar|ó|aron)\b|\bdesativ(?:ad[oa]s?|ar[áa]|ar[ãa]o|ar|ou|aram)\b|"
    r"\bapag(?:ad[oa]s?|ar[áa]n?|ó|aron)\b|\bdeslig(?:ad[oa]s?|ar[áa]|ar[ãa]o|ar|ou|aram)\b|"
    r"\bno\s+(?:\w+\s+){0,2}más|\bya\s+no\b|\bdejar[áa]n?\s+de|\bdej(?:ar|a|ó|an|aron)\s+de|\bfin\s+del|\bfin\s+de\s+(?:vida|soporte|suporte)|"
    r"\bfinal\s+del?\s+(?:soporte|servicio|suporte)|\bcierre\s+del?\b|\bcese\s+(?:del?\s+)?(?:servicio|soporte|actualizaciones|funcionamiento)\b|\bcerrar[áa]n?\b|\bcierra(?:n)?\b|\bcerrad[oa]s?\b|"
    r"[Aa]bschalt(?:ung|datum|termin)\w*|\bentf[aä]ll\w*|\bunbrauchbar|\bgekappt|\bbeerdig\w*|\bnur\s+noch\s+als\b|\bden\s+Stecker\b|"
    # Italian: "non sarà più supportato", "terminerà", "cesserà", "verrà dismesso / disattivato / spento"
    r"\bnon\s+(?:\w+\s+){0,2}più|\bcesser\w*|\bdismess\w*|\bdismission\w*|\bdisattiv\w*|\bspent\w*|\bspegn\w*|"
    r"\bchiuder\w*|\bchius[oaie]\b|\bchiusura\b|\bcessat[oaie]\b|\bfine\s+(?:\w+\s+)?del\s+supporto|\bsupport\w*\s+(?:\w+\s+){0,6}fino|"
    r"\bnon\s+ricever\w*|"  # "non riceveranno … nuovi aggiornamenti della sicurezza"
    # "verrà interrotto il 1 aprile 2023", "il supporto è stato interrotto nel 2010"
    r"\b(?:verrà|verranno|sarà|saranno|è|sono|fu|furono)\s+(?:\w+\s+)?interrott[oaie]\b|"
    # stops doing: "Amazon smetterà di supportare … Glow il 31 dicembre 2022", "avrebbe smesso di funzionare"
    r"\bsmett\w*\s+di\b|\bsmess[oaie]\s+di\b|"
    # an app or a mode available up to a day: "sarà disponibile fino al", "estará disponible hasta el", "sera
    # disponible jusqu'au", "estará disponível até"
    # (a day right after the bound: not "disponible en tiendas hasta agotar existencias")
    r"\bdispon[ií][bv]\w*\s+(?:\w+\s+){0,2}?(?:fino\s+al?|hasta(?:\s+el)?|jusqu['’](?:au|à)|até(?:\s+o)?)\s+\d|"
    r"\bfim\s+d[oa]\s+(?:suporte|vida)|"  # Portuguese: "o fim do suporte será em outubro de 2026"
    # "até removê-los de vez em setembro de 2025", "a opção … será removida"
    r"\bremov(?:ê|e|er|ido|ida|idos|idas|erá|erão)\b|"
    # the end of a product's life: "llegará al final de su vida útil, aunque en 2030"
    r"\bfinal\s+de\s+su\s+vida|\bfin\s+de\s+(?:sa\s+)?vie|\bfine\s+(?:della\s+sua\s+)?vita|\bfim\s+da\s+sua\s+vida|"
    r"\bser(?:á|ão|án)?\s+segur[oa]s?\s+(?:até|hasta)\b|"  # "vá ser seguro até março de 2025": patched until
    # Dutch: "niet meer", "geen updates meer", "stopt", "stopgezet", "de stekker eruit", "tot … ontvangen"
    r"\bniet\s+meer\b|\beinde\s+van\b|\beindig(?:t|en|de|den)\b|\bgeëindigd\b|"
    r"\bzet(?:ten)?\s+(?:[^\s,;]+\s+){1,10}uit\b(?=\s*[.,;:]|\s*$)|"  # "Acme zet de servers … op 31 maart 2025 uit"
    # "De servers van de Acme Hub gaan op 31 maart 2026 uit" (go off; not "we gaan ervan uit dat": we assume)
    r"\b(?:gaat|gaan)\s+(?:[^\s,;]+\s+){1,10}uit\b(?=\s*[.,;:]|\s*$)|"
    r"\bgeen\s+(?:[\w-]+\s+){0,3}meer\b|\bstop(?:t|pen|gezet)\b|\bgestopt\b|\bbeëindig\w*|"
    # ("wordt … nog tot januari 2024 van driver- en firmware-updates voorzien": provided with updates up to it)
    r"\bstekker\b|\btot\b[^.]{0,80}?\b(?:ontvangen|krijgen|geleverd|ondersteund|bijgewerkt)\b|"
    r"\btot\b[^.]{0,80}?updates?\s+voorzien\b|"
    r"\b(?:krijgt|krijgen|ontvangt)\b[^.]{0,40}?\btot\b|\buitgeschakeld\b|\bopgeheven\b|"  # "krijgt tot … updates"
    r"\bverdw(?:ijnt|ijnen|een|enen)\b|"  # "de app verdwijnt op 31 maart 2025"
    r"\b(?:beveiligd|ondersteund|bijgewerkt)\s+tot\b|\blaatste\s+(?:[\w-]+\s+){0,2}?[\w-]*update\b|"
    r"\b(?:ondersteuning|beveiligingsupdates?|updates)\b[^.]{0,60}?\btot\b|"
    # "de beveiligingspatch van april 2021 en daarna is het klaar", "in oktober 2019 is het ook gedaan met de
    # veiligheidspatches": it is over
    rf"\b{_NL_OVER}|"
    # Finnish: "tuki loppuu", "päättyy", "lakkauttaa … tuen", "lakkaa toimimasta", "ei … enää", "jatkuvat … saakka"
    r"\bloppu\w*|\bpäätty\w*|\blakka\w*|\blopetta\w*|\bei\s+(?:\w+\s+){0,3}enää\b|"
    # (a day's dots inside: "aina 13.10.2026 saakka"; "saa tietoturvapäivityksiä 31.12.2028 asti", "10. joulukuuta
    # 2019 asti")
    r"\b(?:jatku|\w*päivity)\w*\b(?:[^.]|\.(?=\d|\s+[a-zäö]+kuu)){0,80}?\b(?:saakka|asti)\b|"
    # Swedish: "inte längre", "inte att erhålla … uppdateringar", "avslutas", "upphör", "… uppdateringar … fram till"
    r"\binte\s+längre\b|\binte\s+(?:\w+\s+){0,2}(?:få|erhålla|ta\s+emot|utlovas|garanteras)\b|\bavslut\w*|\bupphör\w*|\bblocker(?:as|ades|ad|at)\b|"
    # "inga fler säkerhetsuppdateringar" (no more), "den sista säkerhetsuppdateringen" (the last)
    r"\binga\s+(?:fler|mer)\b|\bsista\s+[\w-]*uppdatering\w*|"
    r"\b\w*(?:uppdateringar|stöd|support)\w*\b[^.]{0,80}?\b(?:fram\s+)?till\b|\bstäng\w*\s+(?:ned|ner)\b|"
    # goes on running up to a time: "Telia fortsätter att driva GSM fram till slutet av 2027", "fortsetter å drive"
    r"\bfort(?:sätter|setter|sætter)\s+(?:med\s+)?(?:att|å|at)\s+(?:driva|drive|drift\w*|stödja|støtte|understøtte)\b"
    r"[^.]{0,80}?\b(?:fram\s+till|till|til|indtil|inntil)\b|"
    # "vil få sikkerhetsoppdateringer til …", "modtager sikkerhedsopdateringer indtil …"
    r"\b\w*(?:oppdateringer|opdateringer|støtte)\w*\b[^.]{0,80}?\b(?:til|indtil)\b|"
    # Norwegian and Danish: "opphører support", "avslutter støtten", "slutt på", "mistede … support", "ikke lengre"
    r"\bopphør\w*|\bophør\w*|\bslutt\s+på|\bmist\w*\s+(?:\w+\s+){0,2}(?:support|støtte)|"
    # stops working: "slutter offisielt å fungere", "holder op med at virke", "slutar (att) fungera"
    r"\b(?:slutt(?:er|e)|slutar|stopp(?:er|e)\s+med|holder\s+op\s+med)\s+(?:\w+\s+)?(?:(?:å|at|att)\s+)?"
    r"(?:fungere|virke|fungera)\b|"
    # "OnStar legges ned fra 31. desember 2020", "nedleggelsen av onstar", "lukkes ned"
    r"\blegg(?:e|es|er)\s+ned\b|\blagt\s+ned\b|\bnedlegg\w*|\bnedlæg\w*|\b(?:lukk|steng)\w*\s+ned\b|"
    # "planlegger å slukke 2G-nettene i løpet av 2025", "3G-nettene ble slukket i 2020" (put out), "udfase" (phase out)
    r"\bslukk(?:e|er|es|et|ing)?\b|\bsluk(?:ke|ker|kes|ket|ning)\b|\b(?:ut|ud)fas(?:e|er|es|et|ing)\b|"
    # ("tilbyr ikke Microsoft lengre sikkerhetsoppdateringer": the subject stands inside "ikke … lengre")
    r"\bikke\s+(?:\w+\s+){0,2}(?:lengre|lenger|længere)\b|\bstoppe[rt]?\b|"
    # Polish: "zakończył wsparcie", "koniec wsparcia", "usunięty z listy modeli", "są ostatnimi", "nie otrzyma"
    r"\bzakończ\w*|\bkoniec\s+(?:wsparcia|funkcjonowania|działania|świadczenia)|\bwyłącz\w*|\bwycofan\w*|\b(?:usunięt|znikn)\w*\s+z\s+(?:listy|wykazu)|\bostatni\w*|"
    r"\bjuż\s+nie\b|\bnie\s+(?:\w+\s+){0,2}już\b|"  # "nie pojawią się już nowe poprawki": no longer
    r"\bprzesta\w*|\bporzuc\w*|\bnie\s+(?:\w+\s+){0,2}otrzym\w*|\b(?:wsparci|aktualizacj|poprawk)\w*\b[^.]{0,60}?\bdo\b|"
    # Czech: "ukončí podporu", "konec podpory", "bezpečnostní updaty do roku 2031", "nebude dostávat"
    r"\btermín\w*\s+(?:\w+\s+){0,3}posun\w*\s+na\b|"  # ("termín posunul na 10. února 2026": the deadline moved to)
    r"\bukonč\w*|\bskonč\w*|\bkonec\s+podpory|\bposlední\b|\bpřesta\w*|\bnebud\w*|\b(?:podpor|aktualizac|updat)\w*\b[^.]{0,60}?\bdo\b|"
    # ("Nové aktualizace by tak iPhone 15 Pro … měly dostávat minimálně do 22. září 2028": the updates' verb right
    # before the bound)
    r"\bdostáv\w*\s+(?:\w+\s+)?do\b|"
    # Slovak: "bude dostávať bezpečnostné aktualizácie do decembra 2026", "podpora skončí", "prestane"
    # ("Orange vypol 3G sieť": switched off)
    r"\b(?:aktualizáci|podpor)\w*\b[^.]{0,60}?\bdo\b|\bprestan\w*|"
    r"\bvyp(?:ol|la|li|lo|ne|nú|nul|nula|nuli|nutá|nutý|nuta|nut[ae]|ína|ínať)\b|"
    # Slovenian: "prejema varnostne posodobitve do decembra 2026", "podpora se konča", "ne bo več prejemal"
    r"\b(?:posodobit|podpor|popravk)\w*\b[^.]{0,60}?\bdo\b|\bkonča\w*|\bpreneha\w*|\bne\s+bo\w*\s+(?:\w+\s+){0,2}več\b|"
    # Russian: "прекратит поддержку", "перестанет", "завершит", "отключит", "больше не", "конец поддержки"
    r"\bпрекра[тщ]\w*|\bперестан\w*|\bзаверш\w*|\bотключ\w*|\bбольше\s+не\b|\bконец\s+поддержки|"
    r"\b(?:поддерж|обновлен)\w*\b[^.]{0,60}?\bдо\b|"  # "будет получать обновления безопасности до …"
    # Indonesian: "menghentikan dukungan", "berakhir", "tidak bisa lagi menerima", "dukungan hingga …"
    r"\b(?:meng|di)hentikan\b|\bberhenti\b|\bberakhir\b|\b(?:meng|di)akhiri\b|\btidak\s+(?:\w+\s+){0,2}lagi\b|"
    r"\b(?:dukungan|pembaruan|pembaharuan|update)\b[^.]{0,60}?\b(?:hingga|sampai)\b|"
    # Hungarian: "támogatását szünteti meg", "megszűnik", "befejezi", "nem kapnak … frissítést", "… -ig"
    r"\bszüntet\w*\s+meg\b|\bmegsz[űü]n\w*|\bbefejez\w*|\bleáll\w*|\bkivezet\w*|\bvéget\s+ér\w*|"
    r"\bnem\s+(?:\w+\s+){0,3}(?:kap\w*|érkez\w*|ad|adnak|ad\s+ki)\b|\b(?:frissítés|támogatás)\w*\b.{0,60}?(?:\d+-ig|\w+[áé]ig)\b|"
    r"(?:\d+-ig|\w+[áé]ig)\s+(?:\w+\s+){0,3}(?:frissítés|támogatás)\w*|"  # ("2026-ig kap frissítéseket")
    # Turkish: "desteğinin bitmesine", "desteği sona erecek", "güncelleme almayacak", "desteği kesildi"
    r"\bbit(?:ti|ecek|iyor|mesine|mesi|eli|en|er)\b|\bsona\s+er\w*|\bkesil\w*|\bdurdur\w*|\bsonlandır\w*|"
    r"\b(?:güncelleme|destek)\w*\s+(?:\w+\s+){0,2}(?:alamayacak|almayacak|verilmeyecek)\b|"
    # updates received up to a time: "Haziran 2028'e kadar güvenlik güncellemeleri alacak"
    r"\bkadar\b.{0,40}?\b(?:güncelleme|destek)\w*\s+(?:\w+\s+)?(?:alacak|alacaktır|alır|sunulacak|verilecek)\b|"
    # … or the updates first: "güvenlik güncellemelerini Aralık 2026'ya kadar alacak"
    r"\b(?:güncelleme|destek)\w*\b.{0,60}?\bkadar\s+(?:alacak|alacaktır|alır|sunulacak|verilecek|sürecek)\b|"
    r"\bkapan(?:acak|dı|ıyor|ması|ır)\w*|\bkapat(?:acak|tı|ıyor|ılacak)\w*|"  # "Appstore'un kapanacak olmasıyla"
    # Spanish and Portuguese: "no podrán seguir utilizando WhatsApp a partir del 1 de abril", "não poderão continuar"
    r"\bno\s+podr[áa]n?\s+seguir\b|\bnão\s+poder(?:á|ão)\s+continuar\b|"
    # Romanian: "nu vor mai putea folosi", "renunță definitiv la", "a încetat", "va fi retras", "disponibil până în"
    r"\bnu\s+(?:\w+\s+){0,2}mai\b|\brenun[țţ]\w*|\bîncheia\w*|\bîncheie\b|\bînceta\w*|\bînceteaz\w*|\bretras\w*|\bretrage\w*|"
    r"\bopri[tr]\w*|\bopre[șş]te|\bînchi[sd]\w*|\bdezactiv\w*|\bîntrerup\w*|\bsfâr[șş]it\w*|"
    r"\b(?:disponibil|suport|actualiz|sprijin)\w*\b[^.]{0,60}?\bpână\b|"
    # Greek: "δεν θα είναι πλέον διαθέσιμη", "σταματά", "τερματίζει", "κατάργηση", "αποσύρεται", "τέλος υποστήριξης",
    # "ενημερώσεις … έως"
    # (capitals drop the accents: "ΕΝΗΜΕΡΩΣΕΙΣ ΕΩΣ")
    r"\bδεν\s+(?:\w+\s+){0,4}πλ[έε]ον\b|\bσταματ\w*|\bτερματ\w*|\bκατ[άα]ργ\w*|\bαπ[οό]σ[υύ]ρ\w*|\bδιακ[οό]π\w*|"
    r"\bτ[έε]λος\s+(?:\w+\s+){0,2}υποστ[ήη]ριξης\b|"
    r"\b(?:υποστ[ήη]ριξ|υποστηρ[ίι]ζ|ενημ[έε]ρωσ|ενημερ[ώω]σ|διαθ[έε]σιμ)\w*\b[^.]{0,60}?\b(?:[έε]ως|μ[έε]χρι)\b|"
    # Ukrainian: "припиняє свою роботу", "більше не", "відключить", "кінець підтримки", "оновлення … до"
    r"\bприпин\w*|\bбільше\s+не\b|\bзакри(?:ти|є|ють|вається|ваються|ється|то)\b|\bзакрыть\b|\bзакроет\b|\bвідключ\w*|\bвимкн\w*|\bкінець\s+підтримки|\bз\s+експлуатації\b|"
    r"\b(?:підтримк|оновлен)\w*\b[^.]{0,60}?\bдо\b|"
    # Croatian: "prestaje", "prestanak", "kraj podrške", "ukida", "gasi", "više neće", "ažuriranja … do"
    r"\bprestaj\w*|\bprestan\w*|\bprestat\w*|\bkraj\s+(?:\w+\s+){0,2}(?:podrške|ažuriranja)\b|\bukid\w*|\bukinu\w*|"
    r"\bgas(?:i|e)\b|\bugas\w*|\bviše\s+neće\b|\bneće\s+(?:\w+\s+){0,2}više\b|"
    # (Serbian "bezbednosne ispravke do 31. decembra 2027", fixes)
    r"\b(?:podršk|ažuriranj|zakrp|ispravk)\w*\b[^.]{0,60}?\bdo\b|\bzavrš(?:ava|i|iti|ila|io)\w*|"
    # Bulgarian: "ще бъде прекратена" (Russian's stem), "няма да получават", "спира", "край на поддръжката"
    r"\bняма\s+да\b|\bспир\w*|\bспре\b|\bкрай\s+на\s+(?:\w+\s+){0,2}(?:поддръжка\w*|цикъл)|"
    # ("ще бъде поддържан до септември", will be supported; "ще приключи", will end)
    r"\b(?:поддръжк|поддърж|актуализаци|услуг)\w*\b[^.]{0,60}?\b(?:до|приключ\w*)\b|"
    # Indonesian and Malay: servers, services or apps shut or switched off ("menutup server pembaruan pada 30 Juni
    # 2025"; not a shop that closes at five)
    r"\b(?:menutup|mematikan|menonaktifkan)\s+(?:\w+\s+){0,2}(?:server|layanan|perkhidmatan|aplikasi)\w*|"
    r"\b(?:server|layanan|perkhidmatan|aplikasi)\w*\s+(?:\w+\s+){0,3}(?:ditutup|dimatikan|dinonaktifkan)\b|"
    # Vietnamese: "không còn được … hỗ trợ" (no longer), "chấm dứt" (ends), "kết thúc", "ngừng" (stops)
    r"\bkhông\s+còn\b|\bchấm\s+dứt\b|\bkết\s+thúc\b|\bng[ừư]ng\b|\bdừng\b|\bbiến\s+mất\b|"
    r"\b(?:hỗ\s+trợ|cập\s+nhật)\b[^.]{0,60}?\bđến\b",
    re.I,
)
# words about security updates or maintenance, which outweigh other ends in the same sentence
_SECURITY_WORDS = re.compile(
    r"\beom\b|maintenance|patch|update|sicherheit|sécurité|securite|mise\s+à\s+jour|segurança|atualiza|seguridad|"
    r"actualiza|sicurezza|aggiornament|beveiliging|säkerhet|uppdatering|keamanan|pembaruan|biztonsági|frissítés|"
    r"zabezpeč|bezpečnost|bezpieczeńst|sikkerhe[dt]|tietoturva|güvenlik|varnost",
    re.I,
)


# buying, which an end of sale stops ("ya no era posible comprar", "nicht mehr kaufen", "fin de la vente")
_PURCHASE = re.compile(
    # (not "dispositivos vendidos en España": a participle that only says which devices)
    r"\b(?:comprar|comprare|kaufen|erwerben|acheter|achat|acquistare|kopen|vendere|vender|vendre|verkaufen|Verkauf|vente|venta|vendita|"
    r"gekauft\w*|erworben\w*|verkoop\w*|produzione|Produktion|producción|produção|productie|acquistabil[ei]|"
    # making, not the maker ("tras dejar de fabricarse en 2023"; not "el fabricante")
    r"fabricar(?:se|lo|la)?|fabricação|fabricación|fabbricazione|"
    # ("Après l'arrêt de la commercialisation de ce Speaker Djingo en octobre 2020": its sale stopped)
    r"commercialisation|commercializzazione|comercialización|comercialização|commercialisering|"
    r"prodaj\w*|prodej(?:e|i|em)?|sprzedaż\w*|продаж\w*)\b|"  # ("Продажбите на Acme Hub приключиха": its sales ended)
    r"\bnicht\s+mehr\s+verlänger\w*|"  # contracts "ab April 2019 nicht mehr verlängert": no new terms sold
    # the maker's own shop, where what stops is its sale ("Smetteremo di offrire il kit … sul nostro eshop il 29
    # febbraio 2024"; not "the eShop", a service)
    r"\b(?:(?:sul|nel)\s+nostro|in\s+unserem|sur\s+notre|en\s+nuestra|na\s+nossa|in\s+onze|op\s+onze)\s+"
    r"(?:e-?shop|negozio|online-?shop|shop|boutique|tienda|loja|webshop|winkel)\b",
    re.I,
)
# words of security patches or maintenance alone, not of other updates
_PATCH_WORDS = re.compile(
    r"\beom\b|maintenance|patch|parche|parcho|sicherheit|sécurité|securite|segurança|seguridad|sicurezza|security|"
    r"beveiliging|säkerhet|keamanan|biztonsági|zabezpeč|bezpečnost|bezpieczeńst|sikkerhe[dt]|tietoturva|güvenlik",
    re.I,
)


# a product said to go on being supported, or not to be affected
_GOES_ON = re.compile(
    r"\bweiterhin\s+(?:\w+\s+){0,3}(?:unterstützt|updates|aktualisiert)|\bnicht\s+betroffen|"
    r"\btoujours\s+(?:pris\s+en\s+charge|supporté)|\bcontinuera\s+(?:à|de)\s+recevoir|\bpas\s+concerné|"
    r"\bcontinuar[áa]\s+(?:recebendo|recibiendo|a\s+receber)|\bainda\s+oferecer[áa]\s+suporte|\bser[áa]\s+afetad|"
    r"\bno\s+se\s+ver[áa]\s+afectad|\bseguir[áa]\s+recibiendo",
    re.I,
)


# a heading over support periods in another language: "Unterstützung für Sicherheitsupdates",
# "Fin du support", "Actualizaciones de seguridad", "Aggiornamenti di sicurezza", "Beveiligingsupdates"
_SUPPORT_HEADING = re.compile(
    r"sicherheitsupdates?|sicherheits-?aktualisierung|software-?updates?|unterstützung|supportende|"
    r"mises?\s+à\s+jour\s+de\s+sécurité|fin\s+du\s+support|suivi\s+logiciel|"
    r"actualizaciones\s+de\s+seguridad|fin\s+del\s+soporte|atualizaç(?:ão|ões)\s+de\s+segurança|fim\s+do\s+suporte|"
    r"aggiornamenti\s+di\s+sicurezza|fine\s+del\s+supporto|beveiligingsupdates?|ondersteuning|"
    # "hvornår garantien for opdateringer af Android … ophører for de forskellige Nexus-enheder:"
    r"\w*(?:opdatering|oppdatering|uppdatering)\w*|\baktualizac\w*|\w*päivity\w*|"
    r"\bподдръжк\w*|\bактуализаци\w*",  # Bulgarian: "Поддръжката на тези устройства ще бъде прекратена през 2026 г.:"
    re.I,
)


def support_heading_abroad(line: str) -> bool:
    """A short line in another language that names security updates or support: a heading over rows."""
    return _SUPPORT_HEADING.search(line) is not None


def goes_on(sentence: str) -> bool:
    """A non-English sentence saying the product goes on being supported, or is not affected."""
    return language_of(sentence) is not None and _GOES_ON.search(sentence) is not None


_NEAR = 150  # characters either side of a date in which its end word stands (brackets' words not counted)
_BRACKETED = re.compile(r"\([^()]{0,80}\)")


def _near(sentence: str, brackets: list[tuple[int, int]], at: int, step: int) -> int:
    """Where `_NEAR` characters from `at` reach, forward (`step` 1) or back (-1), not counting the words in the
    sentence's `brackets` (their spans): "a partir de 25 de outubro de 2025, o Nest … (1ª geração, 2011), o Nest …
    (2ª geração, versão europeia, 2014) não receberão mais" names its models' years and editions before the end's
    verb."""
    edge = at + step * _NEAR
    for lo, hi in brackets if step > 0 else reversed(brackets):
        if (step > 0 and at <= lo < edge) or (step < 0 and edge < hi <= at):
            edge += step * (hi - lo)
    return max(0, min(len(sentence), edge))


@dataclass(frozen=True)
class ForeignEnd:
    written: str  # the date as the page writes it
    day: dt.date
    precision: Precision
    words: str  # what made it an end


# the words of support statements themselves, each language's own (no English word, none another language
# here shares), so that a short statement shows its language: "Acme Hub erhält Sicherheitsupdates bis
# Dezember 2026", "Acme Hub otrzyma aktualizacje do grudnia 2026"
_STATEMENT_WORDS = {
    lang: re.compile(f"(?:{stems})\\w*")
    for lang, stems in {
        "de": "sicherheitsupdate|sicherheitsaktualisierung|aktualisierung|unterstützung|erhält|erhalten|bekommt|"
        "bekommen|garantiert|eingestellt|endet",
        "nl": "beveiligingsupdate|ondersteuning|krijgt|krijgen|ontvangt|ontvangen|eindigt|stopt|toestel",
        "it": "aggiornament|riceverà|riceveranno|ricevono|riceve|supporto|sicurezza|terminerà",
        "sv": "säkerhetsuppdatering|uppdatering|stödet|upphör|slutar",
        "no": "sikkerhetsoppdatering|sikkerhedsopdatering|oppdatering|opdatering|støtte|slutter",
        "pl": "aktualizacj|otrzyma|wsparci|zabezpieczeń|bezpieczeństw|urządze|łatk",
        "cs": "aktualizac|bezpečnostní|podpor|dostane|dostanou|garantuje|slibuje|zařízení|"
        "aktualizáci|bezpečnostné|dostáva|zariaden|"  # (and Slovak's)
        "hlášení|potvrd|přijetí|pracovních|postup|informov|každých|dnů",  # (a policy's)
        "hr": "ažuriranj|sigurnosn|podršk|posodobit|varnostn|podpor|prejema|prejel|"
        "bezbednosn|ispravk",  # (and Slovenian's, Serbian's)
        "fi": "päivity|tietoturvapäivity|turvapäivity|laitte|tuki|tuen|loppuu|lopus|päätty|"
        "raportin|raportti|raportte|haavoittuvuu|vahvist|vastaano|kuitat|työpäiv|kuluessa|välein|edistymi|kerromme|"
        "vastaamme",  # (a policy's)
        "hu": "frissítés|biztonsági|támogatás|készülék|"
        "bejelentés|kézhezvétel|visszaigazol|munkanap|tájékoztat|válaszol",  # (a policy's)
        "tr": "güvenlik|güncelleme|destek|alacak|alacağı|sona|"
        "raporunuz|raporu|bildirim|aldığımız|onaylayacağız|yanıtlayacağız|bilgilendir|içinde|günde",  # (a policy's)
        # (the forms Romanian alone has: "actualizări", not Spanish "actualizaciones")
        "ro": "actualizăr|vulnerabilităț|vulnerabilitate|raportul|primirea|răspun|lucrătoare|fiecare|progresul",
        "uk": "оновлен|підтримк|безпек|отримуват|отрима|вразлив|відповімо|підтвердимо|протягом|робочих",  # (a policy's)
        "ru": "обновлен|поддержк|безопасност|получат|получит|"
        "уязвимост|ответим|подтвердим|течение|рабочих",  # (a policy's)
    }.items()
}
_NO_STEMS = re.compile(r"(?!)")

_ADDRESS = re.compile(rf"https?://\S+|{MD_LINK_TARGET}")  # ("…/device-os/pull/2003": "os", "com" are no words)


def language_of(sentence: str, page_language: str | None = None) -> str | None:
    """The sentence's language when it is one of those read here and clearly not English; or the
    page's (`page_language`), when the sentence has a word of that language and none of English
    ("Rispondiamo alla vostra segnalazione entro 5 giorni" on an Italian page)."""
    words = re.findall(r"[^\W\d_]+", _ADDRESS.sub(" ", sentence.lower()))
    if len(words) < 4:
        return None
    # a word both languages have (Dutch "is" and "in", Portuguese "as") is a sign of neither
    counts = {
        lang: sum(
            (w in fw and w not in _ENGLISH_WORDS)
            or w in _MONTH_WORDS[lang]
            or _STATEMENT_WORDS.get(lang, _NO_STEMS).fullmatch(w) is not None
            for w in words
        )
        for lang, fw in _FUNCTION_WORDS.items()
    }
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    english = sum(w in _ENGLISH_WORDS and w not in _FUNCTION_WORDS[lang] for w in words)
    if best >= 3 and best > 2 * english:
        return lang
    if best == 2 and english == 0 and any(_STATEMENT_WORDS.get(lang, _NO_STEMS).fullmatch(w) for w in words):
        return lang  # a short line of a product's name and its statement: "Acme Hub: Sicherheitsupdates bis 31.12.2026"
    # on the page's language, a word both languages have (Norwegian "for") counts for it, and no word of English
    # alone may stand: "Støtten for Acme Hub avsluttes 31. mars 2025" on a Norwegian page
    own = _FUNCTION_WORDS.get(page_language or "", frozenset()) | _MONTH_WORDS.get(page_language or "", frozenset())
    english_only = any(w in _ENGLISH_WORDS and w not in own for w in words)
    return page_language if page_language in counts and not english_only and any(w in own for w in words) else None


# a stop said as done: "zniknęły z wykazu", "zakończył wsparcie", "wurde eingestellt", "dejó de recibir"
_STOPPED = re.compile(
    r"\b(?:zakończył\w*|znikn\w*|usunięt\w*|przestał\w*|ukončil\w*|přestal\w*|eingestellt|beendet|ausgelaufen|"
    r"abgelaufen|dejó\s+de|dejaron\s+de|finalizó|terminó|a\s+cessé|a\s+pris\s+fin|(?:è|sono)\s+(?:terminat|cessat)\w*|"
    r"ha(?:nno)?\s+cessato|gestopt|stopgezet|beëindigd|upphörde|avslutades|(?:blevet|blitt)\s+fjernet\s+fra)\b",
    re.I,
)


# a launch's words before its date: "som blev lanceret i 2021", "vorgestellt im Jahr 2021", "lanzado en 2021"
# (an elided article may join the date: "rilasciato nell'aprile 2017")
_LAUNCHED = re.compile(
    r"\b(?:lancer\w*|lanser\w*|launched|released|vorgestellt|eingeführt|erschienen|veröffentlicht|présenté\w*|sorti\w*|"
    r"lanzad\w*|lançad\w*|lanciat\w*|rilasciat\w*|uscit\w*|presentat\w*|uitgebracht|udgivet|släppt\w*|wprowadzon\w*|"
    r"premier\w*|představen\w*|uveden\w*|vydán\w*|vydan\w*|wydan\w*|diluncurkan|dirilis|meluncur\w*|"
    # … or made then: "televisores … fabricados antes de 2014", "veículos … produzidos até 2016"
    r"fabricad\w*|produzid\w*|fabbricat\w*|prodott[ioe]|hergestellt|produziert|gebaut|fabriqué\w*|geproduceerd|"
    r"tillverkad\w*|produkowan\w*|vyroben\w*)"
    r"\s+(?:\w+(?:\s+|['’]+\s*)){0,2}$",  # ("vydáno v říjnu 2017", "wydany w 2021")
    re.I,
)


# a launch's words right after its date, as Hungarian sets its verb: "2021 márciusában jelent meg"
_LAUNCHED_AFTER = re.compile(
    r"\s*(?:jelent\s+meg|jelenik\s+meg|mutatt\w*\s+be|debütál\w*|került\s+(?:a\s+)?piacra|dobt\w*\s+piacra)", re.I
)


# updates that begin at the date: "Für das Nokia 5, 6 und 8 beginnen die Quartalsupdates im Oktober 2019"
_UPDATES_BEGIN = re.compile(
    r"\b(?:beginn\w*|starte[nt]?|commenc\w*|début\w*|comienz\w*|empiez\w*|inizi\w*|começ\w*)\s+(?:\w+\s+){0,2}?"
    r"[\w-]*(?:updates?|mises?\s+à\s+jour|actualizaciones|aggiornamenti|atualizações|patch\w*)\s+(?:\w+\s+)?$",
    re.I,
)


# a process that begins at the date: "vai começar em", "comenzará en", "commencera en", "inizierà a", "beginnt im"
_PHASE_BEGINS = re.compile(
    r"\b(?:começ|comenz|empez|commenc|inizi|beginn)\w*\s+(?:em|en|a|in|le|il|el|am|im|ab|à|no|na)?\s*$", re.I
)


def launch_date(sentence: str, m: re.Match[str]) -> bool:
    """The date is a launch's, its words right before it ("lançado em outubro de 2016") or, in
    Hungarian, right after it."""
    return (
        _LAUNCHED.search(sentence[max(0, m.start() - 40) : m.start()]) is not None
        or _LAUNCHED_AFTER.match(sentence, m.end()) is not None
    )


def stops_undated_abroad(sentence: str) -> bool:
    """A sentence in another language that says support or updates have stopped, and gives no date but
    perhaps a launch's ("smartfon Samsung Galaxy S21 … zniknęły z wykazu urządzeń, które mają zapewnione
    wsparcie", "Galaxy S21 …, som blev lanceret i 2021, er blevet fjernet fra Samsungs plan"); a stop still to
    come is often dated by the sentence beside it."""
    undated = all(launch_date(sentence, m) for m, _d, _p in _dates(sentence))
    return bool(_STOPPED.search(sentence)) and undated  # (the words are no English: no language need be found)


# a label, in another language, whose value is the end of support or of the support period: "Ende des
# Supportzeitraums: 31.12.2028", "Période de support : jusqu'au 31/12/2028", "Einde ondersteuning: 31 december 2028"
_END_LABEL_ABROAD = re.compile(
    r"^[\s\-–•*·]*(?P<label>"
    # German
    r"(?:Mindest-?)?(?:Support|Unterstützungs|Update|Aktualisierungs|Sicherheitsupdate|Sicherheits-?Update)-?"
    r"(?:zeitraum|dauer|ende|frist)|"
    r"Ende\s+(?:des|der)\s+(?:[\w-]+\s+)?[\w-]*(?:Support|Unterstützung|[Uu]pdate|Aktualisierung)[\w-]*|"
    r"Sicherheits-?[Uu]pdates?(?:\s+garantiert)?(?:\s+bis)?|[Uu]pdates\s+garantiert(?:\s+bis)?|"
    # French
    r"(?:Période|Durée)\s+(?:minimale\s+)?d[eu]\s+(?:support|prise\s+en\s+charge|suivi|maintenance|mises?\s+à\s+jour)"
    r"(?:\s+de\s+sécurité)?|"
    r"Fin\s+d(?:u|e\s+la|es)\s+(?:support|prise\s+en\s+charge|suivi|mises?\s+à\s+jour)(?:\s+de\s+sécurité)?|"
    r"Mises?\s+à\s+jour\s+de\s+sécurité(?:\s+jusqu['’]au)?|"
    # Spanish and Portuguese
    r"(?:Período|Periodo)\s+(?:mínimo\s+)?de\s+(?:soporte|suporte|asistencia|assistência|actualizaciones|atualizações|"
    r"mantenimiento|manutenção)(?:\s+de\s+(?:seguridad|segurança))?|"
    r"(?:Fin|Fim|Final)\s+d[eo]l?\s+(?:soporte|suporte|actualizaciones|atualizações|mantenimiento|manutenção)"
    r"(?:\s+de\s+(?:seguridad|segurança))?|"
    r"(?:Actualizaciones|Atualizações)\s+de\s+(?:seguridad|segurança)(?:\s+(?:hasta|até))?|"
    # Italian
    r"Periodo\s+(?:minimo\s+)?di\s+(?:supporto|assistenza|aggiornament[oi])(?:\s+di\s+sicurezza)?|"
    r"Fine\s+(?:del\s+|dell['’]|degli\s+)?(?:supporto|assistenza|aggiornament[oi])(?:\s+di\s+sicurezza)?|"
    r"Aggiornamenti\s+di\s+sicurezza(?:\s+fino\s+al)?|"
    # Dutch
    r"(?:Ondersteunings|Support|Update)periode|"
    r"Einde\s+(?:van\s+(?:de\s+)?)?(?:ondersteuning|support|updates|beveiligingsupdates)|Beveiligingsupdates(?:\s+tot)?|"
    # Swedish, Danish and Norwegian
    r"(?:Support|Stöd|Støtte|Uppdaterings|Opdaterings|Oppdaterings)perioden?|Slut\s+på\s+(?:support|stöd|støtte)|"
    r"Säkerhetsuppdateringar|Sikkerhedsopdateringer|Sikkerhetsoppdateringer|"
    # Polish, Czech and Finnish
    r"Okres\s+wsparcia|Koniec\s+wsparcia|Aktualizacje\s+zabezpieczeń|Doba\s+podpory|Konec\s+podpory|"
    r"Tukijakso|Tuen\s+päättyminen|Tietoturvapäivitykset"
    r")\s*[:：]\s*"
    # the value: up to (or at least to) the date
    r"(?P<bound>(?:(?:mindestens|au\s+moins|al\s+menos|pelo\s+menos|almeno|minstens|minst|minimum)\s+)?"
    r"(?:bis(?:\s+(?:zum|Ende))?|jusqu['’](?:au|à|en)|hasta(?:\s+el)?|fino\s+al?|tot(?:\s+en\s+met)?|t/m|até(?:\s+[oa])?|"
    r"till(?:\s+och\s+med)?|t\.o\.m\.?|indtil|til(?:\s+og\s+med)?|do)?\s*)",
    re.I,
)
# what may follow the date in such a line: a range's second date, or a short remark in brackets
_LABEL_TAIL = re.compile(r"^\s*(?:[.;]|\([^()]{0,80}\))?\s*$")
_RANGE_DASH = re.compile(r"^\s*[–—-]\s*$")


def labelled_end_abroad(sentence: str) -> ForeignEnd | None:
    """A line in another language that labels its date as the end of support or of the support period
    ("Ende des Supportzeitraums: 31.12.2028", "Período de suporte: até 31/12/2028"); a range's second
    date ("Supportzeitraum: 01.01.2024 – 31.12.2028")."""
    m = _END_LABEL_ABROAD.match(sentence)
    if m is None:
        return None
    dates = [d for d in _dates(sentence) if d[0].start() >= m.end()]
    if not dates or dates[0][0].start() != m.end():
        return None
    ranged = len(dates) == 2 and _RANGE_DASH.match(sentence[dates[0][0].end() : dates[1][0].start()]) is not None
    if len(dates) == 2 and not ranged:
        return None  # (a second date that ends no range: which one is the end is not said)
    at, day, precision = dates[1] if ranged else dates[0]
    if not _LABEL_TAIL.match(sentence[at.end() :]):
        return None
    return ForeignEnd(at.group(0), day, precision, f"'{m.group('label')}': {m.group('bound')}{at.group(0)}")


# a count of years in German, French, Spanish, Italian, Portuguese, Dutch, Polish and the Nordic languages ("fünf",
# "cinq", "cinco", "cinque", "vijf", "pięć", "fem")
_YEAR_COUNTS = {
    **dict.fromkeys(("zwei", "deux", "dos", "due", "dois", "duas", "twee", "dwa", "dwóch", "två", "to"), 2),
    **dict.fromkeys(("drei", "trois", "tres", "tre", "três", "drie", "trzy", "trzech"), 3),
    **dict.fromkeys(("vier", "quatre", "cuatro", "quattro", "quatro", "cztery", "czterech", "fyra", "fire"), 4),
    **dict.fromkeys(("fünf", "cinq", "cinco", "cinque", "vijf", "pięć", "pięciu", "fem"), 5),
    **dict.fromkeys(("sechs", "six", "seis", "sei", "zes", "sześć", "sześciu", "sex", "seks"), 6),
    **dict.fromkeys(("sieben", "sept", "siete", "sette", "sete", "zeven", "siedem", "siedmiu", "sju", "syv"), 7),
    **dict.fromkeys(("acht", "huit", "ocho", "otto", "oito", "osiem", "ośmiu", "åtta", "åtte", "otte"), 8),
    **dict.fromkeys(("zehn", "dix", "diez", "dieci", "dez", "tien", "dziesięć", "dziesięciu", "tio", "ti"), 10),
}
# a period of updates counted from a day: "cinco años de actualizaciones desde su lanzamiento el 22 de septiembre
# de 2023", "fünf Jahre Updates ab dem 22. September 2023", "cinque anni di aggiornamenti dal 22 settembre 2023"
_COUNTED_PERIOD = re.compile(
    rf"(?<!\w)(?P<n>\d{{1,2}}|{'|'.join(_YEAR_COUNTS)})\s+(?:Jahre|ans|años|anni|anos|jaar|lat|års?)\b[^.;]{{0,80}}?"
    r"\b(?:ab|seit|desde|a\s+partir\s+d[eoa]l?|dalla|dal|à\s+partir\s+d[eu]|à\s+compter\s+d[eu]|depuis|vanaf|sinds|"
    r"od|från|fra)\b",
    re.I,
)
# between the count and its start, which devices the period is for ("7 años de actualizaciones para los
# dispositivos lanzados a partir de octubre de 2023"): the date picks devices, it starts no product's period
_WHICH_DEVICES = re.compile(
    r"\b(?:dispositivos|equipos|modelos|teléfonos|Geräte|Modelle|appareils|modèles|dispositivi|modelli|apparaten|"
    r"toestellen|modellen|urządzeń|modeli|telefonów|enheter|enheder|modeller|telefoner)\b|"
    r"\b(?:lanzad|lanciat|lancé|erschienen|veröffentlicht|vorgestellt|uitgebracht|wprowadzon|lanserade|lansert)",
    re.I,
)
_PERIOD_OF_UPDATES = re.compile(
    r"updates?|aktualisierung|aggiornament|actualizaci|atualiza|mises?\s+à\s+jour|correctifs|soporte|supporto|"
    r"suporte|support|ondersteuning|patch|parche|aktualizacj|wsparci|uppdatering|oppdatering|opdatering|stöd|støtte",
    re.I,
)


def _counted_period(sentence: str) -> ForeignEnd | None:
    """A period of updates counted from the day or month its sentence gives as the start: its end (a
    start given as a year alone counts to no day a reader knows)."""
    m = _COUNTED_PERIOD.search(sentence)
    if m is None or not _PERIOD_OF_UPDATES.search(sentence) or _WHICH_DEVICES.search(m.group(0)):
        return None
    # (the start's date within a few words of its word: "ab dem 22. September 2023")
    starts = [d for d in foreign_dates(sentence[m.end() : m.end() + 60]) if d[0].start() <= 30]
    if not starts or starts[0][2] == "year":
        return None
    written, start, precision = starts[0]
    n = int(m.group("n")) if m.group("n").isdigit() else _YEAR_COUNTS[m.group("n").lower()]
    why = f"'{m.group(0).strip()[:80]}', {n} years from {start.isoformat()}"
    return ForeignEnd(written.group(0), later(start, n, "years"), precision, why)


def foreign_end(
    sentence: str, names_product: Callable[[str], bool] | None = None, page_language: str | None = None
) -> ForeignEnd | None:
    """The end date a non-English sentence states, or None; of several, one in a stretch that
    names the product (`names_product`) when there is one. A short sentence is read in the
    `page_language` when it has a word of it and none of English ("Poco F7 Pro – bezpečnostní updaty
    do roku 2031")."""
    if (labelled := labelled_end_abroad(sentence)) is not None:
        return labelled
    lang = language_of(sentence, page_language)
    if lang is None:
        return None
    if (counted := _counted_period(sentence)) is not None:
        return counted
    if not _END_WORDS.search(sentence) or _FORMER_PLAN.match(sentence):
        return None
    found: list[ForeignEnd] = []
    stretches: list[str] = []
    leads: list[str] = []  # each end's words back to the date before it
    # (a table row's first cell names what each of its cells is about: "Pixel 6 | … 2024 | … 2026")
    row_name = sentence.split(" | ", 1)[0] + " | " if " | " in sentence else ""
    dates = [d for d in _dates(sentence) if not _dates_the_model(sentence, d[0])]
    brackets = [b.span() for b in _BRACKETED.finditer(sentence)]  # (words a date's reach does not count)
    shared: tuple[int, re.Match[str]] | None = None  # the last date read as an end, and its words
    range_from: tuple[int, int] | None = None  # a range's first date, and where its words begin
    for k, (m, day, precision) in enumerate(dates):
        before = _words_before(sentence, m)
        bare_year = precision == "year" and _BARE_YEAR.fullmatch(m.group(0)) is not None
        bound = _bound_before(before, bare_year)
        if bound is None and bare_year:
            bound = _STOPS_IN_YEAR.search(sentence, max(0, m.start() - 100), m.start())
        bound_after: re.Match[str] | None = None  # a bound written after the date, as Finnish writes it
        if bound is None and bare_year:
            bound = bound_after = _YEAR_BOUND_AFTER.match(sentence, m.end())
        if bound is None and not bare_year:
            # "31. joulukuuta 2019 lähtien", "aina 13.10.2026 saakka", "tuen toukokuussa 2026": Finnish bounds
            month_in = m.re is _FOREIGN_DATE and _MONTH_IN.fullmatch(m.group("month")) is not None
            bound = bound_after = _BOUND_AFTER.match(sentence, m.end()) or (
                _MONTH_IN.search(m.group(0)) if month_in else None
            )
            if bound is None and m.re is _HU_DATE:
                # "2025. október 31-ig", "2026 januárjától": the suffix bounds the date
                bound = _HU_SUFFIX_BOUND.search(m.group("daysuffix") or m.group("suffix") or "")
        if bound is None and lang in ("de", "nl") and _VERB_FINAL_STOP.match(sentence, m.end()):
            bound = _VERB_FINAL_BEFORE.search(before)  # "wordt in 2025 beëindigd": the stop's participle last
        if bound is None and not bare_year and (lead := _SENTENCE_START.fullmatch(sentence[: m.start()])) is not None:
            # "31. März 2025 endet der Support für das Acme Hub.": a day that opens its sentence, the end
            # said right after it
            bound = lead if _END_WORDS.match(sentence, m.end() + 1, m.end() + 40) else None
        if bound is None and not bare_year:
            bound = _TODAY_LEAD.fullmatch(sentence, 0, m.start())  # (the end's words: the stretch's, as for any date)
        if bound is None and precision == "day" and lang in ("no", "sv"):
            # "Microsoft avslutter støtten for Windows 10 Mobile 10. desember 2019": Norwegian, Danish and
            # Swedish set a day with no preposition after the end's verb and its object, in the same clause
            low = max(dates[k - 1][0].end() if k else 0, sentence.rfind(",", 0, m.start()) + 1, m.start() - 60)
            bound = _NORDIC_END_VERB.search(sentence, low, m.start())
        if bound is None and precision == "day" and lang in ("pl", "cs", "hr"):
            # "Acme Hub przestanie otrzymywać aktualizacje 31 stycznia 2025", "wsparcie zostało porzucone 30 września":
            # Polish, Czech and Slovak (and Slovenian) set a day in the genitive, with no preposition, after the
            # stop's verb in the same clause
            low = max(dates[k - 1][0].end() if k else 0, sentence.rfind(",", 0, m.start()) + 1, m.start() - 60)
            bound = _SLAVIC_END_VERB.search(sentence, low, m.start())
        if bound is None and not bare_year and (im := _IM.search(before)) is not None:
            # "Im Februar 2024 zog Amazon … den Stecker", "trennte der Anbieter im März 2024 … vom Netz": a
            # month the clause's own end happened in (not one an announcement was made in)
            bound = None if _ANNOUNCED.search(_clause_of(sentence, m, dates, k)) else im
        # the end word belongs to the date's own stretch of the sentence: from the date before it to
        # the date after it, and near ("En juillet 2024, … ont commencé à voir … sera arrêtée à la fin
        # de l'année 2025" does not end in July 2024)
        start = max(dates[k - 1][0].end() if k else 0, _near(sentence, brackets, m.start(), -1))
        if range_from is not None and range_from[0] == k - 1:
            start = range_from[1]  # (a range's words stand before its first date)
        end = min(
            dates[k + 1][0].start() if k + 1 < len(dates) else len(sentence), _near(sentence, brackets, m.end(), 1)
        )
        cue = _END_WORDS.search(sentence, start, end)
        if cue is not None and cue.start() >= m.end() and _leads_next_date(sentence, cue, dates, k):
            # "… nuove versioni di Android fino a maggio 2020 … e patch di sicurezza ogni due mesi fino a maggio
            # 2021": words after the date that run into the next date's bound are that date's
            cue = None
        if cue is None and bound_after is not None and bound_after.group(0).strip().lower() in ("saakka", "asti"):
            # "tietoturvapäivitykset jatkuvat … aina 13.10.2026 saakka": updates up to the day, however far before
            cue = _SUPPORT_GOES_ON_FI.search(_clause_of(sentence, m, dates, k))
        if cue is None and bound is not None and shared is not None and shared[0] == k - 1:
            # "garantizados actualizaciones … hasta octubre de 2018, y parchos de seguridad hasta octubre de
            # 2019": a second bound date joined to an end's shares its words
            joined = _JOINED.match(sentence[dates[k - 1][0].end() : m.start()]) is not None
            cue = shared[1] if joined else None
        else:
            joined = False
        if k + 1 < len(dates) and _RANGE_TO.match(sentence[m.end() : dates[k + 1][0].start()]):
            # "från september 2019 fram till september 2020", "desde … hasta …": a range ends at its second date
            range_from = (k, start)
            continue
        if bound is None or cue is None:
            continue
        if _REVISION_STAMP.match(sentence[: m.start()]):
            continue
        if _PHASE_BEGINS.search(sentence[max(0, m.start() - 30) : m.start()]):
            # "o processo de encerramento … vai começar em setembro de 2024": a wind-down's first step, not its end
            continue
        if _UPDATES_BEGIN.search(sentence[max(0, m.start() - 40) : m.start()]):
            # "beginnen die Quartalsupdates im Oktober 2019 und sind bis Oktober 2020 versprochen": the updates'
            # first month, whose words the end after it shares, as a range's
            range_from = (k, start)
            continue
        if launch_date(sentence, m):
            continue  # "Arlo Pro, portanto, lançado em outubro de 2016, será descontinuado em …": a launch's date
        if _PURCHASE.search(_clause_of(sentence, m, dates, k)) or _PURCHASE.search(_between_commas(sentence, cue)):
            # "ya no era posible comprar nuevas esferas de reloj": a sale ends, not support (nor what is
            # joined to it: "y a partir del 31 de mayo de 2025 se bloqueó también la descarga …")
            shared = None
            continue
        if _CADENCE.search(_clause_of(sentence, m, dates, k)) and not _UNTIL_BOUND.search(bound.group(0)):
            # "erhält ab Juli 2024 keine monatlichen Sicherheitsupdates mehr": from then on, less often
            shared = None
            continue
        if _IN_EFFECT.search(_clause_of(sentence, m, dates, k)) and _POLICY.search(sentence):
            # "la politica di fine vita …, con efficacia dal 1 Gennaio 2023": the day a policy takes effect
            shared = None
            continue
        shared = (k, cue)
        day = _bounded_day(day, precision, bound)
        if bound.group(0) in m.group(0):
            bounded = m.group(0)  # (the bound inside the date, "toukokuussa 2026", or an empty lead)
        elif bound_after is not None:
            bounded = f"{m.group(0)} {bound.group(0).strip()}"
        else:
            bounded = f"{bound.group(0).strip()} {m.group(0)}"
        found.append(ForeignEnd(m.group(0), day, precision, f"'{bounded}', '{cue.group(0)}'"))
        # (and the product the end it is joined to names)
        stretches.append((stretches[-1] if joined else row_name) + _clause_of(sentence, m, dates, k))
        leads.append(sentence[dates[k - 1][0].end() if k else 0 : m.end()])
    if not found:
        return None
    if names_product is not None and len(found) > 1:
        # "die Dienste von Livisi wurden zum 1. März 2024 abgeschaltet, der Dienst "Home Connect Plus" von
        # Bosch wurde am 1.7.2023 … eingestellt": the end whose own clause names the product
        own = [f for f, stretch in zip(found, stretches, strict=True) if names_product(stretch)]
        if not own:
            # "Google Pixel Watch 3, gwarantowana aktualizacja … do października 2027, Google Pixel Watch 2, …
            # do października 2026": items that each name a model and then its end, the one after its name
            # (each item opening on a name: not "… une ultime mise à jour en octobre 2018 et une ultime mise à
            # jour de sécurité en octobre 2019", one product's two ends)
            led = [f for f, lead in zip(found, leads, strict=True) if names_product(lead)]
            if len(led) == 1 and all(_ITEM_OPENS.match(lead) for lead in leads[1:]):
                own = led
        found = own or found
    # "Am 2. Januar 2021 verabschiedet sich die FRITZ!Box 7580 (EOM) und ab dem 30. November 2022 … (EOS)":
    # the end of maintenance (patches) outweighs the end of customer support
    # and in a date's own clause, security patches outweigh other updates ("actualizaciones de Android
    # hasta octubre de 2018, y parchos de seguridad hasta octubre de 2019")
    patched = [f for f in found if _PATCH_WORDS.search(_own_clause(sentence, f.written))]
    security = [f for f in found if _SECURITY_WORDS.search(_after(sentence, f.written))]
    return (patched or security or found)[0]


# an item of a list run into one sentence, opening on a name after the comma or line break before it
_ITEM_OPENS = re.compile(r"^[\s,;:–—-]*[^\W\d_]*[A-Z]")


def _dates_the_model(sentence: str, m: re.Match[str]) -> bool:
    """The date sits in short brackets with no end word or bound, dating the model it follows: "Nest Learning
    Thermostat (1re génération, 2011)" (not "(Temmuz 2026'ya kadar)"); it parts no stretch of the sentence from
    its end's words."""
    inside = short_brackets_around(sentence, m)
    if inside is None:
        return False
    start, end = inside
    return not (
        _END_WORDS.search(sentence[start:end])
        or _BOUND_BEFORE.search(sentence[start : m.start()])
        or _BOUND_AFTER.match(sentence, m.end())
    )


def _leads_next_date(
    sentence: str, cue: re.Match[str], dates: list[tuple[re.Match[str], dt.date, Precision]], k: int
) -> bool:
    """The end's words end in the bound of the date after the k-th ("patch … fino" of "fino a maggio 2021")."""
    if k + 1 >= len(dates):
        return False
    bound = _BOUND_BEFORE.search(sentence, cue.start(), dates[k + 1][0].start())
    return bound is not None and bound.start() < cue.end()


# an end's verb that may stand before its day with no preposition ("avslutter støtten … 10. desember 2019")
_NORDIC_END_VERB = re.compile(
    r"\b(?:avslutt\w*|afslutt\w*|avslut\w*|opphør\w*|ophør\w*|upphör\w*|stopp?er|(?:steng|lukk|stäng)\w*\s+(?:ned|ner)|"
    r"fungere|virke|fungera)\b",  # (what stops working: "slutter å fungere 9. desember 2024")
    re.I,
)


_SLAVIC_END_VERB = re.compile(
    r"\b(?:przesta\w*|přesta\w*|prestan\w*|porzuc\w*|wyłącz\w*|vypn\w*|vypne\w*|preneha\w*|konča\w*)\b", re.I
)


# a sentence opening on "that date" ("Da quella data, Google interromperà … gli aggiornamenti")
_FROM_THAT_DATE = re.compile(
    r"^\W{0,3}(?:da\s+quella\s+data|a\s+partire\s+da\s+quella\s+data|ab\s+diesem\s+(?:Datum|Tag|Zeitpunkt)|"
    r"à\s+partir\s+de\s+cette\s+date|dès\s+cette\s+date|a\s+partir\s+de\s+(?:esa|esta|dessa|desta)\s+data|"
    r"a\s+partir\s+de\s+(?:esa|esta)\s+fecha|desde\s+(?:esa|essa)\s+(?:fecha|data))\b",
    re.I,
)
# … or after it ("La nouvelle date limite est fixée au 2 février 2026. Après cette date, les utilisateurs … ne
# pourront plus accéder"): the date itself, or its month's or year's end
_AFTER_THAT_DATE = re.compile(
    r"^\W{0,3}(?:après\s+cette\s+date|passée?\s+cette\s+date|nach\s+diesem\s+(?:Datum|Tag|Zeitpunkt)|"
    r"después\s+de\s+esa\s+fecha|tras\s+esa\s+fecha|após\s+essa\s+data|depois\s+dessa\s+data|"
    r"dopo\s+(?:quella|tale|questa)\s+data|na\s+(?:deze|die)\s+datum|efter\s+detta\s+datum|"
    r"etter\s+denne\s+datoen|efter\s+denne\s+dato)\b",
    re.I,
)


def foreign_end_after(sentence: str, previous: str) -> ForeignEnd | None:
    """An end said from "that date" on, with no date of its own: the last date of the sentence before
    ("… a partire dal 25 ottobre 2025. Da quella data, Google interromperà … gli aggiornamenti")."""
    if (
        language_of(f"{previous} {sentence}") is None  # (a short sentence shows its language with the one before)
        or (lead := _FROM_THAT_DATE.match(sentence) or _AFTER_THAT_DATE.match(sentence)) is None
        or (cue := _END_WORDS.search(sentence)) is None
        or _dates(sentence)
        or not (before := _dates(previous))
    ):
        return None
    m, day, precision = before[-1]  # the date named last, from the first day of its month or year on
    words = f"'{lead.group(0).strip()}' ({m.group(0)}), '{cue.group(0)}'"
    return ForeignEnd(m.group(0), _first_day(day, precision) if lead.re is _FROM_THAT_DATE else day, precision, words)


# a sentence that dates what the one before says will happen: "Stanie się to wraz z końcem lutego 2025 roku", "Das
# geschieht am 3. März 2025", "Cela aura lieu le …", "Esto ocurrirá el …", "Ciò avverrà il …", "Dit gebeurt op …"
_IT_HAPPENS = re.compile(
    r"^\W{0,3}(?:stanie\s+się\s+to|nastąpi\s+to|to\s+nastąpi|(?:das|dies)\s+(?:geschieht|passiert|erfolgt)|"
    r"cela\s+(?:se\s+produira|aura\s+lieu|interviendra)|esto\s+(?:ocurrirá|sucederá|tendrá\s+lugar)|"
    r"(?:ciò|questo)\s+(?:avverrà|accadrà|succederà)|isso\s+(?:acontecerá|ocorrerá)|(?:dit|dat)\s+gebeurt|"
    # "To će se desiti 8. aprila 2024. godine" (Serbian, Croatian), "To se bo zgodilo", "Stane se tak", "Это
    # произойдёт", "Това ще стане", "Це станеться", "Detta sker", "Dette skjer"
    r"to\s+će\s+se\s+(?:desiti|dogoditi|dogodit)|to\s+se\s+bo\s+zgodilo|stane\s+se\s+tak|"
    r"это\s+произойд[её]т|това\s+ще\s+(?:стане|се\s+случи)|це\s+станеться|"
    r"(?:detta|dette)\s+(?:sker|skjer|kommer\s+att\s+ske))\b",
    re.I,
)


def foreign_end_then(sentence: str, previous: str) -> ForeignEnd | None:
    """The date of an end the sentence before says with no date of its own ("… przyszła pora na zakończenie
    świadczenia usługi UPC TV Go. Stanie się to wraz z końcem lutego 2025 roku")."""
    if (
        (lead := _IT_HAPPENS.match(sentence)) is None
        or language_of(f"{previous} {sentence}") is None
        or (cue := _END_WORDS.search(previous)) is None
        or _dates(previous)
        or not (dates := _dates(sentence))
    ):
        return None
    m, day, precision = dates[0]
    bare_year = precision == "year" and _BARE_YEAR.fullmatch(m.group(0)) is not None
    # (a day right after the words, with no preposition, as Serbian and Russian set it: "To će se desiti 8. aprila")
    bound = _bound_before(_words_before(sentence, m), bare_year) or (
        lead if not bare_year and not sentence[lead.end() : m.start()].strip() else None
    )
    if bound is None:
        return None
    day = _bounded_day(day, precision, bound) if bound is not lead else day
    words = f"'{lead.group(0).strip()}' '{bound.group(0).strip()} {m.group(0)}', '{cue.group(0)}' (the sentence before)"
    return ForeignEnd(m.group(0), day, precision, words)


def _words_before(sentence: str, m: re.Match[str]) -> str:
    """The words right before a date, without a weekday, "today" or "at least" between them and it."""
    return _AT_LEAST_TAIL.sub("", _WEEKDAY_TAIL.sub("", sentence[max(0, m.start() - 60) : m.start()]))[-45:]


def _bound_before(before: str, bare_year: bool) -> re.Match[str] | None:
    """The word before a date that bounds it ("bis", "à partir du", "jusqu'en" for a year alone), also across
    "the month of" ("jusqu'au mois de septembre 2028")."""
    bounds = _YEAR_BOUND if bare_year else _BOUND_BEFORE
    return bounds.search(before) or bounds.search(_MONTH_OF_TAIL.sub(" ", before))


def _bounded_day(day: dt.date, precision: Precision, bound: re.Match[str]) -> dt.date:
    """The end's day: a month or year from which something stops ("a partir de mayo de 2020", "ab 2024") ends on
    its first day; after any other bound, or since a period's end ("seit Ende 2022"), the date stays as it is."""
    since_end = re.search(r"\b(?:fin|ende|finales|final|fines)\b", bound.group(0), re.I) is not None
    # (a Turkish bound after its case ending: "'ten beri")
    bound_word = re.sub(r"^(?:['’]\S*\s+|-)", "", bound.group(0).strip())  # (and a Hungarian suffix: "-tól")
    return _first_day(day, precision) if _FROM_BOUND.match(bound_word) and not since_end else day


def _first_day(day: dt.date, precision: Precision) -> dt.date:
    """The first day of the month or year a date names; a day stays as it is."""
    if precision == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1) if precision == "year" else day


def _between_commas(sentence: str, at: re.Match[str], low: int = 0, high: int | None = None) -> str:
    """The clause a match stands in: between the commas or semicolons around it, within low … high."""
    start = max(low, sentence.rfind(",", 0, at.start()) + 1, sentence.rfind(";", 0, at.start()) + 1)
    stops = [i for i in (sentence.find(",", at.end()), sentence.find(";", at.end())) if i >= 0]
    return sentence[start : min([*stops, len(sentence) if high is None else high])]


def _clause_of(sentence: str, m: re.Match[str], dates: list[tuple[re.Match[str], dt.date, Precision]], k: int) -> str:
    """The date's own clause: between the commas or semicolons around it, and the dates either side."""
    low = dates[k - 1][0].end() if k else 0
    return _between_commas(sentence, m, low, dates[k + 1][0].start() if k + 1 < len(dates) else None)


# what leads a range's second date: "från september 2019 fram till september 2020", "von … bis …"
_RANGE_TO = re.compile(
    r"^\s*(?:fram\s+till|till|bis(?:\s+(?:zum|Ende))?|jusqu['’](?:au|à|en)|au|hasta|até|a|al|fino\s+a\w*|"
    r"tot(?:\s+en\s+met)?|–|—|-)\s*$",
    re.I,
)
# what joins two ends' clauses: ", y parchos de seguridad hasta", " und Sicherheitsupdates bis"
# the capitals beyond A-Z that open names in the languages read here
_UPPER_ACCENTED = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŠŽČŘĎŤŇĽĹŁŚŹŻ"
_JOINED = re.compile(
    r"^\s*,?\s*(?:und|y|e|et|ed|and)\s+(?:[^\s,;.]+\s+){0,5}$"
    # or a comma and another name, its verb left out: "Orange vypol 3G sieť vo februári 2024, Telekom ešte v novembri
    # 2023" (Telekom switched its off in November 2023)
    rf"|^\s*,\s*(?-i:[A-Z{_UPPER_ACCENTED}])[^\s,;.]*(?:\s+[^\s,;.]+){{0,2}}\s+$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[,;|]|\s(?:und|y|e|et|ed|and)\s", re.I)  # (a table row's bar parts its cells)


def _own_clause(sentence: str, written: str) -> str:
    """The date with the words of its clause either side: back and on to a comma, a semicolon or an
    "and" ("und", "y", "e", "et", "ed")."""
    at = sentence.find(written)
    before = sentence[max(0, at - 80) : at]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    after = _after(sentence, written)
    cut = _CLAUSE_BREAK.search(after)
    return before[breaks[-1].end() if breaks else 0 :] + written + after[: cut.start() if cut else len(after)]


def _after(sentence: str, written: str) -> str:
    """The words from a date to the next one (or 80 characters on)."""
    at = sentence.find(written) + len(written)
    rest = sentence[at : at + 80]
    nxt = _FOREIGN_DATE.search(rest) or DATE.search(rest)
    return rest[: nxt.start()] if nxt else rest


def foreign_dates(sentence: str) -> list[tuple[re.Match[str], dt.date, Precision]]:
    """Dates written with these languages' month names ("30. November 2019", "13 de octubre de
    2026", Hungarian "2025. október 31."); a month alone that is also an English name ("Mars 2020")
    is left out when capitalised."""
    out: list[tuple[re.Match[str], dt.date, Precision]] = []
    for m in _FOREIGN_DATE.finditer(sentence):
        if not m.group("day") and m.group("month") in ENGLISH_LOOKALIKES:
            continue  # (written in lower case, as these languages write months, "mars 2023" is one)
        if (dated := _day_or_month(m, month_number(sentence, m.group("month")))) is not None:
            out.append(dated)
    for m in _VI_DATE.finditer(sentence):
        if (dated := _day_or_month(m, int(m.group("month")))) is not None:
            out.append(dated)
    for m in _HU_DATE.finditer(sentence):
        if (dated := _day_or_month(m, _HU_MONTHS[m.group("month").lower()])) is not None:
            out.append(dated)
    return out


def month_number(sentence: str, name: str) -> int:
    """The month a name gives; "listopad" (and its forms) is November in Polish and Czech, October in Croatian."""
    name = name.lower()
    if name in _LISTOPAD and language_of(sentence) == "hr":
        return _HR_MONTHS[name]
    return _MONTHS[name]


def _day_or_month(m: re.Match[str], month: int) -> tuple[re.Match[str], dt.date, Precision] | None:
    """The date a match with a year, a month and perhaps a day names: its day, or its month's last day
    (None for a day the month does not have)."""
    read = month_or_day(int(m.group("year")), month, int(m.group("day")) if m.group("day") else None)
    return (m, *read) if read is not None else None


# month names that, capitalised and with no day, are English words or names ("Mars", "Marco", "Mac")
ENGLISH_LOOKALIKES = frozenset({"Mars", "Marco", "MARS", "MARCO", "Mac", "MAC"})


def _dates(sentence: str) -> list[tuple[re.Match[str], dt.date, Precision]]:
    out = foreign_dates(sentence)
    taken = [(m.start(), m.end()) for m, _d, _p in out]
    # "01.09.2025", "2025-09-01", "01/10/2024", "31-12-2028" (day first in these languages), "12/2028", "2028/12/31"
    for m in DATE.finditer(sentence):
        if m.lastgroup in _NUMERIC_DATES and not any(a <= m.start() < b for a, b in taken):
            parsed = parse_date(m.group(0), m.lastgroup)
            if parsed is not None:
                out.append((m, parsed[0], parsed[1]))
                taken.append(m.span())
    for m in _SHORT_DOT.finditer(sentence):  # "die bisherige API zum 15.07.21 abgeschaltet": a two-digit year
        if not any(a <= m.start() < b for a, b in taken) and _SHORT_DOT_LEAD.search(sentence, 0, m.start()):
            try:
                out.append((m, dt.date(2000 + int(m.group("y")), int(m.group("m")), int(m.group("d"))), "day"))
            except ValueError:
                continue
            taken.append(m.span())
    for m in _BARE_YEAR.finditer(sentence):  # "jusqu'en 2027": an end only after an until-bound (foreign_end)
        if not any(a <= m.start() < b for a, b in taken):
            out.append((m, dt.date(int(m.group(0)), 12, 31), "year"))
    return sorted(out, key=lambda x: x[0].start())


_NUMERIC_DATES = frozenset({"dot", "iso", "slash", "dash", "mslash", "yslash", "ydot"})
# (a sentence's full stop may follow; and a Hungarian suffix, "2026-ig", "2025-től")
_BARE_YEAR = re.compile(rf"(?<![\w./-]){_YEAR}(?![\w/-]|\.\w)|(?<![\w./-]){_YEAR}(?=-(?:ig|t[óő]l)\b)")
# a day with a two-digit year ("15.07.21"), read only right after a German word that dates ("zum", "am", "ab", "bis",
# "seit"): alone, such a string is as often a version
_SHORT_DOT = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d\d)(?![\d.]|\.\d)")
_SHORT_DOT_LEAD = re.compile(r"\b(?:zum|am|ab(?:\s+dem)?|bis(?:\s+zum)?|seit(?:\s+dem)?|vom)\s+$", re.I)
