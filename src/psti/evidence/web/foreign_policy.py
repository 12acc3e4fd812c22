"""Acknowledgement and status-update timescales in disclosure policies written in German,
French, Spanish, Portuguese, Italian, Dutch, Swedish, Norwegian, Danish, Polish, Czech, Finnish, Turkish,
Greek, Hungarian, Romanian, Ukrainian, Russian or Vietnamese (and acknowledgements, replies and status updates
in Japanese, Chinese, Korean, Arabic and Hebrew).

The English parser does not read these sentences ("nous accuserons réception de votre rapport
dans les 5 jours ouvrables", "Wir bestätigen den Eingang innerhalb von 5 Werktagen"). This
reader takes a sentence that `foreign.language_of` finds in one of these languages, cuts it into
clauses at commas and conjunctions, and pairs a clause's time with the promise its own words
name (an acknowledgement, a first reply, or status updates). It is deliberately narrow: a clause
that names no promise, or two, gives nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from psti.evidence.web.arabic import ARABIC
from psti.evidence.web.cjk import HAN, HANGUL, KANA
from psti.evidence.web.foreign import language_of
from psti.evidence.web.hebrew import HEBREW

ForeignPromise = Literal["acknowledgement", "reply", "status update"]

_NUMBER = (
    r"(?:\d{1,3}|ein\w*|zwei|drei|fünf|sieben|zehn|un|une|deux|trois|cinq|sept|dix|uno|una|dos|tres|cinco|siete|"
    r"diez|um|uma|due|tre|cinque|sette|dieci|één|een|twee|drie|vijf|zeven|tien|"
    r"en|ett|två|to|fyra|fire|fem|sju|syv|tio|ti|"
    r"jeden|jednego|dwa|dwóch|trzy|trzech|pięć|pięciu|siedem|siedmiu|dziesięć|dziesięciu|"
    r"dvou|tří|pěti|sedmi|deseti|"
    # Finnish, in the genitive its postpositions take: "kolmen työpäivän kuluessa"
    r"yhden|kahden|kolmen|neljän|viiden|kuuden|seitsemän|kahdeksan|yhdeksän|kymmenen)"
)
# a range of numbers: "dentro de 48 a 72 horas", "innerhalb von 2 bis 3 Werktagen", "do 2–3 pracovních dnů"
_SPAN = rf"{_NUMBER}(?:\s*(?:-|–|a|à|bis|al|e|tot|till|til|do|až)\s*{_NUMBER})?"
_UNIT = (
    r"(?:(?:Werk|Arbeits|Geschäfts|Kalender)?[Tt]ag(?:en|e)?|Stunden|Wochen?|"
    r"jours?(?:\s+(?:ouvrables|ouvrés|calendaires))?|heures?|semaines?|"
    r"días(?:\s+(?:hábiles|laborables|naturales))?|horas|semanas|dias(?:\s+úteis)?|"
    r"giorni(?:\s+(?:lavorativi|di\s+calendario|solari))?|ore|settimane|(?:werk|kalender)?dag(?:en)?|uur|weken|"
    # Swedish, Norwegian, Danish: "inom fem arbetsdagar", "innen fem virkedager", "inden 3 hverdage"
    r"(?:arbets|arbeids|arbejds|virke|hver|kalender)?dag(?:ar|er|e)?|timmar|timer|veckor|uker|uger|"
    # Polish: "w ciągu 15 dni roboczych", "72 godzin", "dwóch tygodni"
    r"dni(?:\s+(?:roboczych|kalendarzowych))?|dnia|godzin(?:y)?|tygodni(?:a)?|"
    # Vietnamese: "trong vòng 5 ngày làm việc", "48 giờ", "2 tuần"
    r"ngày(?:\s+làm\s+việc)?|giờ|tuần|"
    # Czech: "do 2 pracovních dnů", "během 48 hodin", "každých 14 dní"
    r"(?:pracovních\s+|kalendářních\s+)?(?:dnů|dní|dnech|dny)|hodin|týdnů|týdny)"
)
# "innerhalb von 5 Werktagen", "dans les 5 jours ouvrables", "dentro de 3 días hábiles", "em até 5 dias úteis";
# recurring: "alle 14 Tage", "toutes les deux semaines", "cada 7 días", "a cada 15 dias"
TIME = re.compile(
    rf"(?:innerhalb\s+(?:von\s+)?|binnen\s+|dans\s+(?:les\s+|un\s+(?:délai\s+(?:maximum\s+)?|maximum\s+)de\s+)|sous\s+|"
    rf"en\s+moins\s+de\s+|dentro\s+de\s+(?:los\s+|até\s+)?|en\s+un\s+plazo\s+(?:máximo\s+)?de\s+|em\s+até\s+|"
    rf"no\s+prazo\s+(?:máximo\s+)?de\s+|alle\s+|toutes\s+les\s+|tous\s+les\s+|cada\s+|a\s+cada\s+|"
    rf"entro\s+(?:(?:le|i)\s+)?|ogni\s+|elke\s+|inom\s+|innen(?:\s?for)?\s+|inden(?:\s?for)?\s+|varje\s+|hver\s+|"
    rf"w\s+ciągu\s+|w\s+terminie\s+|do\s+|co\s+|trong\s+vòng\s+|trong\s+thời\s+hạn\s+|mỗi\s+|"
    rf"během\s+|v\s+průběhu\s+|každých\s+|každé\s+)"
    rf"{_SPAN}(?:\s*\(\d{{1,3}}\))?\s+{_UNIT}"  # ("tres (3) días laborables")
    # a week or a month with no number: "ogni settimana", "chaque mois", "varannan vecka" (every other week)
    r"|\b(?:jede[nr]?|chaque|cada|tod[ao]s?\s+(?:as?|os?)|ogni|elke|varje|hver|co|każd\w+|varannan|annenhver|hver\s+anden)"
    r"\s+(?:Woche|Monat|semaine|mois|semana|mes|mês|settimana|mese|week|maand|vecka|månad|uke|uge|måned|"
    r"tydzień|tydzien|miesiąc|tygodni\w*|miesiąc\w*)\b"
    # Finnish puts the number and unit before the word for "within" or "every": "kolmen työpäivän kuluessa",
    # "14 päivän välein"
    rf"|(?<!\w){_SPAN}\s+(?:(?:työ|arki|kalenteri)?päivän|vuorokauden|tunnin|viikon|kuukauden)\s+"
    r"(?:kuluessa|sisällä|aikana|välein)\b"
    # Turkish and Hungarian too: "3 iş günü içinde", "48 saat içerisinde", "3 munkanapon belül", "48 órán belül";
    # recurring, "her 14 günde bir", "14 günde bir", "14 naponta"
    rf"|(?<!\w){_SPAN}\s+(?:iş\s+günü|işgünü|gün|saat|hafta|ay)\s+(?:içinde|içerisinde|zarfında)\b"
    rf"|\bher\s+{_SPAN}\s+(?:gün|hafta|ay)(?:de|da)?(?:\s+bir)?\b|(?<!\w){_SPAN}\s+günde\s+bir\b"
    rf"|(?<!\w){_SPAN}\s+(?:munkanap|nap|órá|hét|hónap)\w*\s+belül\b|(?<!\w){_SPAN}\s+(?:naponta|hetente|havonta)\b"
    r"|\b(?:hetente|kéthetente|havonta)\b"
    # Greek: "εντός 3 εργάσιμων ημερών", "μέσα σε 48 ώρες", "κάθε 14 ημέρες"
    rf"|(?:εντός|μέσα\s+σε|κάθε)\s+{_SPAN}\s+(?:εργάσιμ\w+\s+)?(?:ημερών|ημέρες|μέρες|ωρών|ώρες|εβδομάδων|εβδομάδες)"
    # Swedish: "var 14:e dag" (every fourteenth day)
    r"|\bvar\s+\d{1,3}:e\s+(?:dag|vecka)\b"
    # Ukrainian and Russian: "протягом 72 годин", "в течение 3 рабочих дней", "кожні 14 днів", "каждые 14 дней"
    rf"|(?:протягом|впродовж|упродовж|в\s+течение|в\s+течении|кожні|кожен|каждые|каждый)\s+{_SPAN}\s+"
    r"(?:робочих\s+|рабочих\s+|календарних\s+|календарных\s+)?"
    r"(?:днів|дні|день|дней|дня|годин|години|часов|часа|тижнів|тижні|недель|недели)(?!\w)"
    # Romanian: "în termen de 3 zile lucrătoare", "în 48 de ore", "la fiecare 14 zile"
    rf"|\b(?:în\s+termen\s+de|în\s+decurs\s+de|în|la\s+fiecare)\s+{_SPAN}\s+(?:de\s+)?"
    r"(?:zile(?:\s+lucrătoare|\s+calendaristice)?|ore|săptămâni)\b",
    re.I,
)
# a time given in brackets as the usual case: "dans un maximum de 4 semaines (habituellement en 5 jours ouvrés)"
_HEDGED = re.compile(
    r"\(\s*(?:habituellement|généralement|normalement|en\s+général|normalerweise|üblicherweise|in\s+der\s+Regel|"
    r"usualmente|normalmente|generalmente|geralmente|por\s+lo\s+general)\b[^()]*\)",
    re.I,
)
# a promise named as the point a time counts from, not a promise: "… suivant l'accusé de réception"
_COUNTED_FROM = re.compile(
    r"(?:\bsuivant|\baprès|\bà\s+compter\s+de|\bdès)\s+(?:l['’]|la\s+|le\s+)$|\bnach\s+(?:der|dem)\s+$|"
    r"\b(?:tras|después\s+de)\s+(?:el|la)\s+$|\b(?:após|depois\s+d[oa])\s+(?:o\s+|a\s+)?$",
    re.I,
)
_ACK = re.compile(
    # ("Den Empfang Ihrer Meldung innerhalb von 14 Werktagen bestätigen": the time may stand between)
    r"(?:Eingang|Empfang|Erhalt)\w*\s+(?:\w+\s+){0,9}bestätig|Eingangsbestätigung|Empfangsbestätigung|"
    r"bestätig\w*\s+(?:\w+\s+){0,3}(?:Erhalt|Eingang|Empfang)|"
    r"Bestätigung\s+(?:der|Ihrer|deiner|eurer)\s+Meldung|"  # ("Bestätigung der Meldung | Innerhalb von 48 Stunden")
    r"accus\w+\s+(?:de\s+)?réception|confirm\w+\s+(?:la\s+)?réception|"
    r"acus\w+\s+(?:de\s+)?recibo|confirm\w+\s+(?:la\s+)?recepción|"
    r"confirm\w+\s+(?:o\s+)?recebimento|aviso\s+de\s+recebimento|"
    r"conferm\w+\s+(?:la\s+)?ricezione|bevestig\w*\s+(?:wij\s+|we\s+)?(?:de\s+)?ontvangst|ontvangstbevestiging|"
    r"bevestiging\s+van\s+(?:de\s+)?ontvangst|"
    r"bekräfta\w*\s+(?:\w+\s+){0,2}mottag|mottagningsbekräftelse|bekreft\w*\s+(?:\w+\s+){0,2}mottak|"
    r"bekræft\w*\s+(?:\w+\s+){0,2}modtag|potwierdz\w*\s+(?:\w+\s+){0,2}(?:otrzymani|odbi[óo]r|wpłyni)|"
    # telling the reporter the report was taken in hand: "informarti della sua effettiva presa in carico"
    r"\b(?:inform|confirm|conferm)\w*\s+(?:\w+\s+){0,4}(?:presa\s+in\s+carico|prise\s+en\s+charge)|"
    r"\bxác\s+nhận\s+(?:đã\s+)?(?:nhận|tiếp\s+nhận)|"  # Vietnamese: "xác nhận đã nhận báo cáo"
    r"\bpotvrd\w*\s+(?:\w+\s+){0,2}(?:přijetí|obdržení)|"  # Czech: "potvrdíme přijetí vašeho hlášení"
    r"\b(?:přijetí|obdržení)\s+(?:\w+\s+){0,3}potvrd\w*|"  # ("Přijetí potvrdíme do 3 pracovních dnů")
    r"confirm\w+\s+(?:a\s+)?rece(?:p)?ção|"  # European Portuguese: "Confirmaremos a receção"
    # Finnish: "kuitata raportin vastaanotetuksi", "vahvistamme vastaanoton", "vastaanottovahvistus"
    r"\bkuit\w*\s+(?:\w+\s+){0,2}vastaanote\w*|\bvahvist\w*\s+(?:\w+\s+){0,2}vastaano\w*|vastaanottovahvistu\w*|"
    # Turkish: "raporunuzu aldığımızı … onaylayacağız", "alındığını teyit edeceğiz", "alındı bildirimi"
    r"\b(?:aldığımızı|alındığını|ulaştığını)\s+(?:\w+\s+){0,6}(?:onayla|teyit|bildir)\w*|\balındı\s+(?:bildirimi|onayı)|"
    # Greek: "θα επιβεβαιώσουμε την παραλαβή", "αποδεικτικό παραλαβής"
    r"\bεπιβεβαι\w*\s+(?:\w+\s+){0,2}παραλαβ\w*|\bπαραλαβ\w*\s+(?:\w+\s+){0,3}επιβεβαι\w*|αποδεικτικό\s+παραλαβής|"
    # Hungarian: "a bejelentés kézhezvételét … visszaigazoljuk", "beérkezését megerősítjük"
    r"\b(?:kézhezvétel|beérkezés|megérkezés)\w*\s+(?:\w+\s+){0,6}(?:visszaigazol|megerősít|nyugtáz)\w*|"
    r"\b(?:visszaigazol|megerősít|nyugtáz)\w*\s+(?:\w+\s+){0,3}(?:kézhezvétel|beérkezés|megérkezés)\w*|"
    r"\bconfirm\w*\s+(?:\w+\s+)?primir\w*|\bconfirmare\s+de\s+primire|"  # Romanian: "Vom confirma primirea"
    # Ukrainian and Russian: "підтвердимо отримання", "подтвердим получение"
    r"\bпідтверд\w*\s+(?:\w+\s+){0,2}(?:отриманн|одержанн)\w*|\bподтверд\w*\s+(?:\w+\s+){0,2}получени\w*",
    re.I,
)
# a first answer: "Wir antworten innerhalb von 5 Werktagen", "nous vous répondrons sous 48 heures"
_REPLY = re.compile(
    r"\bantwort\w*|\bRückmeldung|\bmelden\s+(?:wir\s+)?uns\b|\breagier\w*|\brépond\w*|\bréponse|\brespond\w*|\brespuesta|\bresposta|"
    r"\brispond\w*|\brisposta|\b(?:vi|la|ti)\s+informer\w*|\breageren\b|\breactie\b|"  # ("vi informeremo entro …")
    r"\b(?:primo|primeiro|premier|primer|ersten?)\s+feedback\b|"  # ("Pilz invia un primo feedback … entro 15 giorni")
    # "besvara ditt avslöjande inom fem arbetsdagar", "kontakter deg innen fem virkedager"
    r"\bbesvar\w*|\bsvar(?:a|e|er|ar)?\b|\båterkoppl\w*|\btilbakemelding|\bkontakt(?:ar|er|e)\s+(?:dig|deg)\b|"
    # Polish: "Odpowiemy na Twoje zgłoszenie w ciągu …", "zespół … skontaktuje się z Tobą … w ciągu 72 godzin"
    r"\bodpowi\w*|\bodpowiedź|\bskontaktuj\w*\s+się|"
    # Spanish and Portuguese telling the reporter: "le informaremos en un plazo de 7 días naturales cuando haya
    # sido procesado", "informá-lo sobre a sua aceitação efetiva no prazo de 7 dias úteis"
    r"\b(?:le|les|te|lo|la)\s+informar\w*|\binform[aá]-l[oa]s?\b|"
    r"\bphản\s+hồi|\btrả\s+lời|\bliên\s+hệ\s+lại|"  # Vietnamese: "phản hồi báo cáo trong vòng 5 ngày làm việc"
    r"\bodpověď|\bodpov[íě]\w*|\bozveme\s+se\b|"  # Czech: "mohou obdržet prvotní odpověď do 2 pracovních dnů"
    r"\bvastaa(?:mme|vat|n)?\b|\bvastau\w*|\botamme\s+(?:\w+\s+)?yhteyttä|"  # Finnish: "Vastaamme raportteihin"
    r"\byanıt\w*|\bcevap\w*|\bgeri\s+dönüş\w*|\biletişime\s+geçece\w*|"  # Turkish: "48 saat içinde yanıtlayacağız"
    r"\bαπαντ\w*|\bεπικοινωνήσουμε\b|"  # Greek: "θα απαντήσουμε", "θα επικοινωνήσουμε μαζί σας"
    r"\bválasz\w*|\bfelvesszük\s+(?:\w+\s+)?a\s+kapcsolatot|"  # Hungarian: "3 munkanapon belül válaszolunk"
    r"\brăspun\w*|\bvă\s+vom\s+contacta\b|"  # Romanian: "Vă vom răspunde în 48 de ore"
    # Ukrainian and Russian: "зв'яжеться з вами … протягом 72 годин", "ответим в течение 48 часов"
    r"\bвідповід\w*|\bвідповім\w*|\bзв['’ʼ]яж\w*|\bответ\w*|\bсвяж\w*",
    re.I,
)
_STATUS = re.compile(
    r"Statusupdate|Statusmeldung|Statusbericht|Zwischenbericht|auf\s+dem\s+Laufenden|über\s+den\s+(?:Fortschritt|Stand)|"
    r"tenir\s+informé|tiendrons\s+informé|point\s+d['’]avancement|de\s+l['’]avancement|"
    # ("… et des nouvelles tous les 30 jours"; not "des nouvelles mises à jour", new updates)
    r"\bdes\s+nouvelles\s+(?=(?:tous|toutes|chaque|au\s+moins|régulièrement|sous|dans)\b)|"
    r"mantener(?:le|lo|la)?\s+informad|mantendremos\s+informad|actualizaciones\s+(?:de\s+estado|periódicas)|"
    r"manter\s+(?:você\s+)?informad|manteremos\s+(?:você\s+|vocês\s+|[oa]\s+)?informad|atualizações\s+(?:de\s+status|periódicas)|"
    r"(?:tener|terr)\w*\s+(?:\w+\s+){0,2}(?:informat|aggiornat)|aggiornament\w+\s+(?:sullo\s+stato|periodic)|op\s+de\s+hoogte|"
    r"\baggiorner\w*\s+(?:\w+\s+){0,3}(?:sullo\s+stato|sui\s+progressi|sull['’]avanzamento)|"
    r"hålla\s+(?:dig|er)\s+informerad|uppdater\w*\s+(?:dig|er)\s+om\s+(?:status|läget|framsteg)|holde\s+(?:deg|dig)\s+(?:oppdatert|informert|opdateret|orienteret)|"
    r"statusuppdatering|statusoppdatering|informowa\w*\s+(?:\w+\s+){0,2}o\s+postęp|na\s+bieżąco|"
    r"\bcập\s+nhật\s+(?:\w+\s+){0,2}(?:tình\s+trạng|tiến\s+độ|trạng\s+thái)|"  # Vietnamese
    r"\binform\w*\s+(?:\w+\s+){0,2}o\s+(?:průběhu|postupu|stavu)|"  # Czech: "budeme vás informovat o průběhu"
    r"\bo\s+(?:průběhu|postupu|stavu)\s+(?:\w+\s+){0,3}inform\w*|"  # ("o postupu vás budeme informovat")
    # Finnish: "kerromme edistymisestä", "tilanteesta ilmoitetaan"
    r"\b(?:kerro|ilmoit|tiedot|päivit)\w*\s+(?:\w+\s+){0,3}(?:edistymise|etenemise|tilantee)\w*|"
    r"\b(?:edistymise|etenemise|tilantee)\w*\s+(?:\w+\s+){0,3}(?:kerro|ilmoit|tiedot|päivit)\w*|"
    r"\binformera\w*\s+(?:dig|er)\s+om\s+(?:framsteg|status|läget)|"  # Swedish: "informerar dig om framstegen"
    # Turkish: "süreç boyunca sizi … bilgilendireceğiz", "ilerleme hakkında güncelleme", "durum güncellemesi"
    r"\b(?:süreç|ilerleme|durum)\w*\s+(?:\w+\s+){0,8}(?:bilgilendir|güncelle|bilgi\s+ver)\w*|\bdurum\s+güncellemes\w*|"
    r"\bbilgilendir\w*\s+(?:\w+\s+){0,3}(?:süreç|ilerleme|durum)\w*|"
    # Greek: "θα σας ενημερώνουμε για την πρόοδο"
    r"\bενημερ\w*\s+(?:\w+\s+){0,4}(?:πρόοδ|εξέλιξ|κατάστασ)\w*|\b(?:πρόοδ|εξέλιξ|κατάστασ)\w*\s+(?:\w+\s+){0,3}ενημερ\w*|"
    # Hungarian: "a folyamat állásáról … tájékoztatjuk"
    r"\b(?:állás|előrehaladás|folyamat)\w*\s+(?:\w+\s+){0,4}tájékoztat\w*|\btájékoztat\w*\s+(?:\w+\s+){0,4}(?:állás|előrehaladás|folyamat)\w*|"
    # Romanian: "vă vom informa despre progres", "vă vom ține la curent"
    r"\binforma\w*\s+(?:\w+\s+){0,2}(?:despre|cu\s+privire\s+la)\s+(?:progres|stadiu|stare)\w*|\bla\s+curent\b|"
    # Ukrainian and Russian: "інформуватимемо вас про хід", "будем информировать о ходе", "в курсі", "в курсе"
    r"\bінформува\w*\s+(?:\w+\s+){0,3}(?:хід|статус|прогрес|перебіг)\w*|"
    r"\bинформирова\w*\s+(?:\w+\s+){0,3}(?:ход|статус|прогресс)\w*|\bв\s+курс[іе]\b",
    re.I,
)
# a reply that brings the report's assessment: "met de beoordeling", "mit der Bewertung", "avec l'évaluation"
# (or the steps to come: "eine Antwort über die künftigen Maßnahmen", "une réponse sur les prochaines étapes")
_WITH_ASSESSMENT = re.compile(
    r"\b(?:met\s+de\s+beoordeling|mit\s+(?:der|unserer|einer)\s+(?:Bewertung|Einschätzung)|"
    r"über\s+die\s+(?:künftigen|weiteren|geplanten|nächsten)\s+(?:Maßnahmen|Schritte)|"
    r"sur\s+les\s+(?:prochaines\s+étapes|mesures\s+(?:prévues|envisagées))|"
    r"avec\s+(?:l['’]|notre\s+|une\s+)évaluation|con\s+(?:la|nuestra|una)\s+evaluación|"
    r"com\s+(?:a|nossa|uma)\s+avaliação|con\s+(?:la|nostra|una)\s+valutazione|"
    r"(?:týkající\s+se|o)\s+budoucích\s+opatření|"  # Czech: "odpověď týkající se budoucích opatření"
    r"tarkemmin)\b",  # Finnish: "Vastaamme raportteihin tarkemmin" (in more detail)
    re.I,
)
# a fix, its plan or its release, which a reply that tells of it times ("le informaremos de la corrección en un
# plazo de 90 días"): no first answer
_FIX = re.compile(
    r"\b(?:correc(?:ción|tion|tif)|correção|correzione|Behebung|Korrektur|solución|solução|soluzione|résolution|"
    r"resolución|resolução|risoluzione|oplossing|herstel|parche|patch)\w*",
    re.I,
)
# where a sentence's clauses part: commas, semicolons and the words that join two promises
_CLAUSES = re.compile(r"[,;]|\s(?:und|et|y|e|puis|luego|depois|och|og|oraz|và|și)\s", re.I)
_DUTCH_AND = re.compile(r"\sen\s", re.I)  # ("en" is a French preposition: "en moins de 5 jours")
_CZECH_AND = re.compile(r"\sa\s", re.I)  # ("a" is a Portuguese, Spanish and Italian preposition)
# the "and" a language alone may part promises at
_POLISH_AND = re.compile(r"\si\s", re.I)  # ("i" is a Swedish, Norwegian and Danish preposition)
_FINNISH_AND = re.compile(r"\sja\s", re.I)  # ("ja" is German for "yes")
_OWN_AND = {
    "nl": _DUTCH_AND,
    "cs": _CZECH_AND,
    "pl": _POLISH_AND,
    "fi": _FINNISH_AND,
    "tr": re.compile(r"\sve\s", re.I),
    "el": re.compile(r"\sκαι\s", re.I),
    "hu": re.compile(r"\sés\s", re.I),
    "uk": re.compile(r"\s(?:і|та|й)\s", re.I),
    "ru": re.compile(r"\sи\s", re.I),
}


def _counted_from(clause: str, m: re.Match[str]) -> bool:
    """The promise's words are what a time counts from ("60 jours ouvrés suivant l'accusé de réception")."""
    return _COUNTED_FROM.search(clause[max(0, m.start() - 25) : m.start()]) is not None


@dataclass(frozen=True)
class ForeignCommitment:
    timescale: str
    promise: ForeignPromise
    words: str  # the clause's words that name the promise


# Japanese: kana mark the language; "5営業日以内", "7日以内", "48時間以内"; acknowledging ("受領した旨を返信",
# "受領確認", "確認連絡") or replying ("返信"); a fix, plan or release ("修正", "アップデート") is neither
_JA_TIME = re.compile(r"\d{1,3}\s*(?:営業日|稼働日|日|時間|週間|か月|ヶ月)以内")  # ("5稼働日以内": working days)
_JA_ACK = re.compile(r"受領(?:した旨|確認|を確認)|確認(?:の)?連絡|受け?付け?(?:た旨|確認|通知|連絡)")
_JA_REPLY = re.compile(r"返信|回答|ご連絡(?:いた|を差し上げ|します|させていただ)")
_JA_OTHER = re.compile(r"修正|アップデート|リリース|公開|計画|対策")
# a status update at a period: "30日ごとに進捗をご報告します"
_JA_EVERY = re.compile(r"\d{1,3}\s*(?:営業日|稼働日|日|週間|か月|ヶ月)(?:ごと|毎|おき)")
_JA_STATUS = re.compile(r"進捗|状況")


# Chinese: no kana, Han characters; "在五個工作天內回應", "3个工作日内确认收到"; acknowledging ("確認收到",
# "确认收到") or replying ("回應", "回复"); a fix or release ("修復", "修复", "發布", "发布") is neither
_ZH_NUMBER = r"(?:\d{1,3}|[一二两兩三四五六七八九十]{1,3})"
# (or "不超过15个工作日", at most)
# (and a range, "2到10个工作日内"; a unit's measure word doubled as a page has it, "兩個個工作天")
_ZH_UNIT = r"(?:個|个){0,2}\s*(?:工作天|工作日|自然日|天|日|小時|小时|週|周|星期)"
_ZH_SPAN = rf"{_ZH_NUMBER}(?:\s*(?:到|至|-|~|～)\s*{_ZH_NUMBER})?"
_ZH_TIME = re.compile(
    rf"{_ZH_SPAN}\s*{_ZH_UNIT}\s*(?:之)?(?:內|内|以內|以内)|(?:不超过|不超過|最多|最长|最長)\s*{_ZH_SPAN}\s*{_ZH_UNIT}"
)
# (and "收到所有报告的漏洞后24小时内确认": confirmed within a time after receipt)
_ZH_ACK = re.compile(
    r"確認收到|确认收到|收到確認|收到确认|確認接收|确认接收|收到[^。]{0,20}?[后後][^。]{0,12}?(?:确认|確認)(?!漏洞)"
)
# (not a response centre's name: "360安全应急响应中心")
_ZH_REPLY = re.compile(
    r"回應|回应|回覆|回复|答覆|答复|響應(?!中心)|响应(?!中心)|聯繫您|联系您|告知您|通知您|初步確認|初步确认"
)
_ZH_OTHER = re.compile(r"修復|修复|發布|发布|公開|公开|補丁|补丁")
# a status update at a period: "至少每 30 天提供一次進展更新"
_ZH_EVERY = re.compile(rf"每\s*{_ZH_SPAN}\s*{_ZH_UNIT}")
_ZH_STATUS = re.compile(r"進展|进展|進度|进度|最新狀態|最新状态|處理狀態|处理状态")


# Korean: Hangul; "영업일 기준 3일 이내", "72시간 이내에"; acknowledging ("접수 확인", "수신 확인") or replying
# ("회신", "답변", "응답"); a fix or release ("수정", "패치", "배포", "공개") is neither
_KO_UNIT = r"(?:영업일|근무일|일|시간|주|개월)"
_KO_TIME = re.compile(rf"(?:영업일\s*기준\s*)?\d{{1,3}}\s*{_KO_UNIT}\s*(?:이내|내에|안에|내)")
_KO_ACK = re.compile(r"접수\s*(?:확인|여부|사실|되었음|됐음)|수신\s*(?:확인|여부)|확인\s*메일")
_KO_REPLY = re.compile(r"회신|답변|응답|연락(?:을\s*)?드리")
_KO_OTHER = re.compile(r"수정|패치|배포|공개|릴리스")
# a status update at a period: "14일마다 진행 상황을 알려", "매 30일"
_KO_EVERY = re.compile(rf"\d{{1,3}}\s*{_KO_UNIT}\s*(?:마다|간격으로)|매\s*\d{{1,3}}\s*{_KO_UNIT}")
_KO_STATUS = re.compile(r"진행\s*(?:상황|상태|현황)|처리\s*(?:상황|현황|상태)")


# Arabic: "خلال 3 أيام عمل", "في غضون 48 ساعة"; acknowledging ("تأكيد استلام", "سنؤكد استلام") or replying ("الرد",
# "سنتواصل معك"); a fix or a disclosure ("إصلاح", "الإفصاح") is neither; updates "كل 14 يومًا" on progress ("التقدم")
_AR_UNIT = r"(?:أيام\s+عمل|يوم\s+عمل|أيام|يومًا|يوما|يوم|ساعة|ساعات|أسابيع|أسبوعين|أسبوع)"
_AR_TIME = re.compile(rf"(?:خلال|في\s+غضون|في\s+مدة\s+أقصاها|بحد\s+أقصى|بعد)\s+\d{{1,3}}\s+{_AR_UNIT}")
_AR_ACK = re.compile(
    r"(?:نؤكد|سنؤكد|تأكيد|بتأكيد|نقر|سنقر)\s+(?:\S+\s+){0,2}(?:استلام|تلقي|باستلام)|إشعار\s+(?:ب)?استلام"
)
_AR_REPLY = re.compile(r"الرد|سنرد|نرد|الإجابة|سنجيب|سنتواصل|التواصل\s+معك")
_AR_OTHER = re.compile(r"إصلاح|الإصلاح|تصحيح|الإفصاح|نشر")
_AR_EVERY = re.compile(rf"كل\s+\d{{1,3}}\s+{_AR_UNIT}")
_AR_STATUS = re.compile(r"التقدم|تقدم|حالة|مستجدات|سنطلعك|إطلاعك")
# Hebrew: "תוך 3 ימי עבודה", "בתוך 48 שעות"; acknowledging ("נאשר את קבלת", "אישור קבלה") or replying ("נשיב",
# "ניצור קשר"); a fix or a publication ("תיקון", "פרסום") is neither; updates "כל 14 ימים" on progress ("התקדמות")
_HE_UNIT = r"(?:ימי\s+עבודה|ימים|יום|שעות|שבועות|שבוע)"
_HE_TIME = re.compile(rf"(?:תוך|בתוך|לא\s+יאוחר\s+מ[-־]?|עד)\s*\d{{1,3}}\s+{_HE_UNIT}")
_HE_ACK = re.compile(r"(?:נאשר|אישור|לאשר|נאשר\s+את)\s+(?:\S+\s+){0,2}(?:קבלת|קבלה|הקבלה)|אישור\s+על\s+קבלת")
_HE_REPLY = re.compile(r"נגיב|נשיב|מענה|תגובה|ניצור\s+(?:\S+\s+)?קשר|נחזור\s+אלי")
_HE_OTHER = re.compile(r"תיקון|התיקון|פרסום|נפרסם")
_HE_EVERY = re.compile(rf"(?:כל|אחת\s+ל)[-־]?\s*\d{{1,3}}\s+{_HE_UNIT}")
_HE_STATUS = re.compile(r"התקדמות|סטטוס|מצב\s+הטיפול|נעדכן|עדכונים")


def _in_letters(text: str, letters: re.Pattern[str], least: int) -> bool:
    """Text of a script (`letters`, one of its letters): more of its letters than Latin ones, and `least` of them."""
    return len(letters.findall(text)) >= max(least, len(re.findall(r"[A-Za-z]", text)))


def _korean(text: str) -> bool:
    """Korean text: more Hangul syllables than Latin letters, and a few of them."""
    return _in_letters(text, HANGUL, 4)


def _chinese(text: str) -> bool:
    """Chinese text: Han characters and no kana, more of them than Latin letters."""
    return KANA.search(text) is None and len(HAN.findall(text)) >= max(4, len(re.findall(r"[A-Za-z]", text)))


def _japanese(text: str) -> bool:
    """Japanese text: kana in it, and more Japanese characters than Latin letters (not an English
    sentence naming a Japanese product)."""
    japanese = len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text))
    return KANA.search(text) is not None and japanese >= len(re.findall(r"[A-Za-z]", text))


@dataclass(frozen=True)
class _PromiseWords:
    """A language's words for a time and for the promises a time can go to (Japanese, Chinese, Korean, and Arabic
    and Hebrew, read alike)."""

    time: re.Pattern[str]
    ack: re.Pattern[str]
    reply: re.Pattern[str]
    other: re.Pattern[str]  # a fix, a plan or a release: a sentence about one times no promise
    every: re.Pattern[str]  # a period ("每 30 天", "30日ごと")
    status: re.Pattern[str]  # progress or status, which a period's update reports


_JAPANESE = _PromiseWords(_JA_TIME, _JA_ACK, _JA_REPLY, _JA_OTHER, _JA_EVERY, _JA_STATUS)
_CHINESE = _PromiseWords(_ZH_TIME, _ZH_ACK, _ZH_REPLY, _ZH_OTHER, _ZH_EVERY, _ZH_STATUS)
_KOREAN = _PromiseWords(_KO_TIME, _KO_ACK, _KO_REPLY, _KO_OTHER, _KO_EVERY, _KO_STATUS)
_ARABIC = _PromiseWords(_AR_TIME, _AR_ACK, _AR_REPLY, _AR_OTHER, _AR_EVERY, _AR_STATUS)
_HEBREW = _PromiseWords(_HE_TIME, _HE_ACK, _HE_REPLY, _HE_OTHER, _HE_EVERY, _HE_STATUS)


def _promises_by_words(text: str, words: _PromiseWords) -> list[ForeignCommitment]:
    """The timed acknowledgement or reply of each sentence (cut at 。) that gives one time and no fix, and
    the status update of one that gives one period ("每 30 天提供一次進展更新")."""
    out = []
    sentences = re.split(r"(?<=。)|(?<=\.)\s+", text)  # (Korean ends its sentences with a full stop)
    # (a sentence with a time and a period is read clause by clause: "受領確認を3営業日以内にお送りし、30日ごとに進捗を
    # お知らせします", "在3个工作日内确认收到，并每14天向您通报进展")
    clauses = [
        part
        for sentence in sentences
        for part in (
            # (Korean joins clauses with "-고", "-며"; Arabic and Hebrew with "and" joined to the next word: "وسنطلعك",
            # "ונעדכן")
            re.split(r"[、，,；;،؛]|(?<=고)\s|(?<=며)\s|\s(?=[وו]\S)", sentence)
            if words.time.search(sentence) and words.every.search(sentence)
            else [sentence]
        )
    ]
    for sentence in clauses:
        if words.other.search(sentence):
            continue
        times = [m.group(0) for m in words.time.finditer(sentence)]
        ack = words.ack.search(sentence)
        said = ack or words.reply.search(sentence)
        periods = [m.group(0) for m in words.every.finditer(sentence)]
        if len(times) == 1 and said is not None:
            promise: ForeignPromise = "acknowledgement" if ack is not None else "reply"
            out.append(ForeignCommitment(times[0], promise, said.group(0)))
        elif not times and len(periods) == 1 and (progress := words.status.search(sentence)) is not None:
            out.append(ForeignCommitment(periods[0], "status update", progress.group(0)))
    return out


def foreign_promises(sentence: str, page_language: str | None = None) -> list[ForeignCommitment] | None:
    """The timed promises of a sentence in German, French, Spanish, Portuguese, Italian, Dutch, the Nordic
    languages, Polish, Vietnamese, Japanese or Chinese (a short one by the `page_language`); None when the
    sentence is not in one of them (the English reading applies)."""
    if _japanese(sentence):
        return _promises_by_words(sentence, _JAPANESE)
    if _chinese(sentence):
        return _promises_by_words(sentence, _CHINESE)
    if _korean(sentence):
        return _promises_by_words(sentence, _KOREAN)
    if _in_letters(sentence, ARABIC.letters, 6):
        return _promises_by_words(sentence, _ARABIC)
    if _in_letters(sentence, HEBREW.letters, 6):
        return _promises_by_words(sentence, _HEBREW)
    if (lang := language_of(sentence, page_language)) is None:
        return None
    out = []
    clauses = _CLAUSES.split(_HEDGED.sub(" ", sentence))
    if (joiner := _OWN_AND.get(lang)) is not None:
        clauses = [part for clause in clauses for part in joiner.split(clause)]
    for clause in clauses:
        times = list(TIME.finditer(clause))
        ack = next((m for m in _ACK.finditer(clause) if not _counted_from(clause, m)), None)
        first = ack or (_REPLY.search(clause) if not _FIX.search(clause) else None)
        status = _STATUS.search(clause)
        if len(times) != 1 or bool(first) == bool(status):
            continue
        if first is not None and ack is None and _WITH_ASSESSMENT.search(clause):
            # "Binnen 15 werkdagen reageren wij op uw melding met de beoordeling": an assessment sent to the
            # reporter is an update on the report (as "an assessment will be shared within 7 days" is)
            out.append(ForeignCommitment(times[0].group(0), "status update", first.group(0)))
        elif first is not None:
            promise: ForeignPromise = "acknowledgement" if ack is not None else "reply"
            out.append(ForeignCommitment(times[0].group(0), promise, first.group(0)))
        elif status is not None:
            out.append(ForeignCommitment(times[0].group(0), "status update", status.group(0)))
    return out
