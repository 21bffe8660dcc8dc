"""A loose reading of a question about someone's words, for shapes the parser does not know.

`retriever.said_question` reads the shapes people write ("What did X say about Y", "Apa
kata X soal Y") exactly. Users write more than those ("Which concerns did X raise about
Y?", "In X's view, what caused Y?"). When a question names someone (a capitalised name)
and uses a word of speech or opinion anywhere, this reads it as a request for that
person's words, with the rest of the question as the topic: a *weak* request
(`SaidQuery.explicit` False), answered from their statements only when they spoke on the
topic, and otherwise by the usual path, never refused as theirs. A question for a named
person's reasons or ways ("Mengapa X kalah …", "Bagaimana cara X …") needs no such word: their
reasons are their words. Questions that ask when, who or how many, and questions that name
nobody, are left alone.
"""

from __future__ import annotations

import re

from index.names import is_role
from retriever.said_question import SaidQuery
from retriever.text import words_language

__all__ = ["loose_said_question"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words of speech or opinion, as questions use them (inflected forms listed as written).
_EN_CUES = _set("""
say says said saying tell tells told claim claims claimed warn warns warned warning urge urged
hope hopes hoped think thinks thought believe believes believed view views opinion opinions
message messages concern concerns concerned describe described argue argued explain explained
explanation insist insisted admit admitted deny denied promise promised pledge pledged vow
vowed stress stressed emphasise emphasised emphasize emphasized reveal revealed announce
announced comment comments commented remark remarks statement statements stance assessment
excuse reason reasons according criticise criticised criticize criticized criticism praise
praised blame blamed suggest suggested suggestion propose proposed proposal recommend
recommended ask asked demand demanded predict predicted expect expected respond responded
response reply replied react reacted worried worry fear feared accuse accused words advice
appeal appealed complain complained complaint regret regretted feel feels felt consider
considers considered assess assesses assessed acknowledge acknowledged confirm confirmed hint
hinted signal signalled dispute disputed oppose opposed question questioned mean meant see sees
saw view viewed expectation expectations hopes fears want wants wanted plans planned
intend intends intended remember remembers remembered recall recalls recalled
recount recounted compare compares compared willing know knew known deal dealt handle handled
""")
_ID_CUES = _set("""
kata katanya bilang ujar ucap tutur menurut menurutnya pendapat tanggapan komentar pandangan
penilaian harapan pesan alasan penjelasan sikap imbauan desakan permintaan janji kritik
kritikan keluhan pengakuan pernyataan saran usulan ucapan kekhawatiran keyakinan penegasan
bantahan sorotan pujian apresiasi penyesalan respons jawaban penuturan mengatakan menyampaikan
mengungkapkan menjelaskan menegaskan menyebut menyebutkan menilai berharap meminta mengakui
membantah berjanji menjanjikan mengimbau mendesak mengkritik mengeluhkan mempertanyakan
menyoroti mengusulkan menyarankan mengingatkan mengklaim menuding menuduh memuji mengapresiasi
menyesalkan menyayangkan mengkhawatirkan meyakini memprediksi berkomentar berpendapat
menanggapi merespons menjawab berpesan mengaku dikatakan disampaikan diungkapkan dijelaskan
ditegaskan disebutkan diharapkan diminta diakui dibantah dijanjikan diimbau didesak dikritik
dikeluhkan dipertanyakan disoroti diusulkan disarankan diingatkan diklaim dituding dituduh
dipuji diapresiasi disesalkan disayangkan dikhawatirkan diyakini dipesankan dikomentari
ditanggapi menganggap dianggap memandang dipandang merasa yakin khawatir optimistis optimis
pesimistis setuju menolak mendukung menyetujui melihat ingin hendak berencana merencanakan
mengenang membandingkan mau bersedia
""")
# Words dropped from the topic: the question's frame, not what it is about.
_FRAME = _set("""
what which who whom whose why how when where did does do is was were are has have had will
would could should can the a an of in on about to for his her their its this that there any
anything something tell give show find please apa apakah bagaimana bagaimanakah mengapa kenapa
siapa kapan kapankah di mana dimana manakah berapa berapakah seberapa benarkah adakah bisakah
yang saja seperti itu ini dan soal tentang mengenai terkait terhadap atas kepada dari untuk
dengan pada ke dalam tolong jelaskan sebutkan ceritakan cara led prompted drove pushed
motivated inspired caused mendorong melatarbelakangi
""") | _EN_CUES | _ID_CUES
# How such a question opens: what / how / why / where, a yes-no auxiliary, their Indonesian
# forms, or a frame naming the person's view ("In X's view", "According to X", "Menurut X",
# "Dalam pandangan X"); "where" and "does" only count with a word of opinion ("Where does X
# want …"). Factoid openers (when, who, how many, kapan, berapa, siapa, apa nama) never do.
_OPENS = re.compile(r"^\s*(?:what(?!\s+(?:time|year|day|date)\b)|why|where|does|did|do|is|are|was"
                    r"|were|will|would|di\s?mana|how(?!\s+(?:many|much|old"
                    r"|long|far|big|often|tall)\b)|which(?=\s+\S+\s+(?:did|does|do|has|have|had|was"
                    r"|were|is|are)\b)|apa(?!\s+(?:nama|jabatan)\b)|apakah(?!\s+nama\b)"
                    r"|bagaimana|mengapa|kenapa|seperti apa|in|according|menurut|dalam)\b",
                    re.IGNORECASE)
# Questions for a person's reasons or ways ("Mengapa X kalah …", "Bagaimana cara X …", "What
# led X to …"): their reasons are their words, so no word of speech is needed.
_ASKS_REASON = re.compile(r"^\s*(?:why|mengapa|kenapa|bagaimana\s+cara|what\s+(?:led|prompted"
                          r"|drove|pushed|motivated|inspired|caused)|apa\s+(?:yang\s+)?(?:mendorong"
                          r"|melatarbelakangi))\b", re.IGNORECASE)
# What the topic follows when the question names it after the person ("… about the deficit").
_TOPIC_PREPOSITIONS = frozenset(("about", "on", "regarding", "concerning", "over", "soal",
                                 "tentang", "mengenai", "terkait", "terhadap", "atas", "perihal"))
_WORD = re.compile(r"[\w'’-]+")
_CONNECTORS = frozenset(("bin", "binti", "van", "de", "al", "el", "da", "dos", "von", "ibn",
                         "der", "di"))
_POSSESSIVE = re.compile(r"['’]s?$")


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def loose_said_question(question: str) -> SaidQuery | None:
    """A weak said request for the first name `question` gives, when a word of speech or
    opinion is in it; None otherwise (or for a who question).

    >>> loose_said_question("Which concerns did Sri Mulyani raise about the deficit?")
    SaidQuery(kind='said', person='Sri Mulyani', topic='deficit', language='en', explicit=False)
    >>> loose_said_question("When did Jokowi inaugurate the toll road?") is None
    True
    """
    if not _OPENS.match(question):
        return None
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(question)]
    folded = [w.lower().replace("’", "'") for w, _, _ in words]
    reason = _ASKS_REASON.match(question)
    if not reason and not any(_cue(folded, i) for i in range(len(folded))):
        return None
    if folded[0] == "which" and not _cue(folded, 1):
        return None  # "Which ideology does X want …" asks for a thing, "Which concerns …" words
    span = _first_name(words, folded)
    if span is None:
        return None
    first, last = span
    if reason and not _cue(folded, first - 1) and words[first][1] > _reason_end(question, reason):
        return None  # "Why did the plane crash into the Java Sea": the name is no subject
    while first > 0 and is_role(folded[first - 1]):
        first -= 1  # "pesan veteran Wimo Sumanto": the role is theirs, not the topic's
    person = question[words[first][1]:words[last][2]]
    person = _POSSESSIVE.sub("", person).strip()
    after = next((i + 1 for i in range(last + 1, len(words))
                  if folded[i] in _TOPIC_PREPOSITIONS), None)
    kept = range(after, len(words)) if after is not None else (
        i for i in range(len(words)) if not first <= i <= last)
    topic = [words[i][0] for i in kept if _POSSESSIVE.sub("", folded[i]) not in _FRAME]
    if not topic:
        return None
    language = words_language(folded) or (
        "id" if any(f in _ID_CUES for f in folded) else "en")
    return SaidQuery("said", person, " ".join(topic), language, explicit=False)


def _name_after_role(words: list[tuple[str, int, int]], folded: list[str],
                     k: int) -> tuple[int, int] | None:
    """The role and name after an organisation or country: "Apple executive Eddy Cue",
    "Bangladesh's prime minister Sheikh Hasina" (positions from `k`, the role's first word)."""
    for n in (1, 2, 3):
        if k + n < len(words) and _capitalised(words[k + n][0]) \
                and not any(_capitalised(w) for w, _, _ in words[k:k + n]) \
                and is_role(" ".join(folded[k:k + n])):
            j = k + n
            while j + 1 < len(words) and _capitalised(words[j + 1][0]):
                j += 1
            return k, j
    return None


def _cue(folded: list[str], i: int) -> bool:
    """Whether the word at `i` is a word of speech or opinion ("plan" only as "plan to")."""
    if not 0 <= i < len(folded):
        return False
    word = _POSSESSIVE.sub("", folded[i])
    if word == "plan":
        return i + 1 < len(folded) and folded[i + 1] == "to"
    if word in ("find", "finds", "found"):  # "What did X find hard about Y": a judgement
        return i + 1 < len(folded) and folded[i + 1] in _JUDGEMENTS
    return word in _EN_CUES or word in _ID_CUES


# What "find" takes when it judges rather than discovers ("find hard", not "find a body").
_JUDGEMENTS = _set("hard difficult easy tough surprising strange odd interesting important "
                   "impressive disappointing encouraging worrying frustrating unfair fair funny")


_AUX = re.compile(r"\s+(?:(?:did|does|do|was|is|were|are|has|have|had|would|will|can|could)"
                  r"(?:n't)?\s+)?", re.IGNORECASE)


def _reason_end(question: str, reason: re.Match[str]) -> int:
    """Where the subject of a reason question must start: right after its opener and
    auxiliary ("Why did |X …", "Mengapa |X …")."""
    aux = _AUX.match(question, reason.end())
    return aux.end() if aux else reason.end()


def _first_name(words: list[tuple[str, int, int]], folded: list[str]) -> tuple[int, int] | None:
    """(first, last) word positions of the first run of capitalised words that is not the
    question's frame (its opening word, "Did", "Menurut"), connectors allowed inside."""
    i = 0
    while i < len(words):
        if _capitalised(words[i][0]) and _POSSESSIVE.sub("", folded[i]) not in _FRAME:
            j = i
            while j + 1 < len(words) and (_capitalised(words[j + 1][0]) or (
                    folded[j + 1] in _CONNECTORS and j + 2 < len(words)
                    and _capitalised(words[j + 2][0]))):
                if _POSSESSIVE.search(words[j][0]):
                    break  # "Jokowi's Cabinet": the name ends at its possessive
                j += 1
            later = _name_after_role(words, folded, j + 1)
            return later if later else (i, j)
        i += 1
    return None
