"""Recognise questions about what someone said, in English and Indonesian (pure functions).

"What did Ushakov say about Iran?", "Apa tanggapan juru bicara KPK soal …?", "Menurut Saut, …?"
ask for one person's statements; "Who commented on …?" / "Siapa saja yang berkomentar soal …?"
ask who spoke. `parse_said_question` turns such a question into a `SaidQuery` (the person as
the user wrote it, the topic, the language) and returns None for every other question, so
that factoid questions ("Siapa wali kota Padang?", "When did X happen?") keep their own path.
The shapes are anchored on speech verbs and nouns ("say", "react", "tanggapan", "menjelaskan",
"menurut"); a person span ends at that verb or at a topic preposition ("soal", "about"), so
lower-case and multiword names and roles ("the Kremlin adviser") need no capitals.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from index.names import is_role
from retriever.text import STOPWORDS, Language

__all__ = ["SaidQuery", "follow_up_said", "parse_said_question"]

_I = re.IGNORECASE


@dataclass(frozen=True)
class SaidQuery:
    """A question about statements.

    kind: "said" asks for `person`'s statements on `topic`; "who" asks who spoke on `topic`.
    person: for "said", the name or role as the user wrote it ("Ushakov", "Kremlin adviser");
        for "who", an optional description of who is sought ("petugas Humas Dishub") or None.
    topic: what the statement should be about, possibly "" ("Apa kata Ushakov?").
    language: the question's language.
    explicit: whether the question asks for their words in so many words (see below).
    """

    kind: Literal["said", "who"]
    person: str | None
    topic: str
    language: Language
    explicit: bool = True
    """False for a question that asks for the person's reasons without a verb of speech
    ("Why did the driver take her to hospital?"): answered from their statements when they
    gave one on the topic, else by the usual path, never refused as theirs."""
    alternative: SaidQuery | None = None
    """For a follow-up ("and what about X?" after "What did Ushakov say about Iran?"): the
    reading to take when X is nobody quoted, the earlier person's words on X."""


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


# English verbs of speech after "what/who/why … did X", "did X …"; the first word inflects.
_EN_SAY = _words("say|claim|promise|warn|think|predict|urge|blame|report|point out|suggest|tell"
                 "|argue|explain|describe|reveal|announce|admit|deny|insist|stress|emphasise"
                 "|emphasize|note|ask|call for|demand|propose|comment|accuse|criticise"
                 "|criticize|praise|threaten|pledge|vow|recommend|advise|confirm|acknowledge"
                 "|concede|complain|allege|assert|declare|estimate|forecast|hint|order|reply"
                 "|respond|react|answer|write|tweet|make of|have to say|believe|expect|hope"
                 "|mention|disclose|caution|recall|remark|express|voice|quoted as saying|said"
                 "|thought|told|wrote|written|felt|denied|denies|replied|replies|made of"
                 "|had to say|has to say|stated|agree|disagree|rule out|ruled out|instruct"
                 "|pray for|prayed for|see as|saw as|regard as|confess|apologise|apologize|thank"
                 "|clarify|testify|joke|highlight|underline|underscore|encourage|remind"
                 "|appeal for|request|reassure|assure|conclude|lament|regret|boast|slam|condemn"
                 "|welcome|dismiss|plead|post on|post to|share on|share about|upload to|upload on"
                 "|speak about|speak on|speak out|speak of|spoke about|spoke on|spoke out"
                 "|spoke of|spoken about|spoken on|spoken out|talk about|talk of|mean by|meant by"
                 "|weigh in on|weigh in|weighed in on|weighed in|cite|list|identify|outline"
                 "|spell out|lay out|point to|single out|put forward")
# Verbs whose act is part of what is asked: "What did X urge drivers to do" asks for an urging.
_EN_DIRECTIVES = _words("urge|ask|call for|demand|advise|recommend|order|warn|promise|pledge|vow"
                        "|threaten|propose|suggest|instruct|pray for|encourage|remind|request"
                        "|appeal for|call on")
# "When did X expect/promise Y" asks for their forecast (`explicit=False`: the date may be the
# article's alone); after any other verb "when" asks when they spoke.
_EN_WHEN_SAY = _words("expect|predict|estimate|forecast|promise|pledge|vow|hope|anticipate"
                      "|project")
# After "what reason/comment … did X": "What reason did X give for Y".
_EN_GIVE = _words("make|give|offer|issue|provide|have|made|gave|given|offered|issued|provided"
                  "|take|took|taken|adopt")
# English verbs after "how did X …": the manner of a statement or a reaction.
_EN_HOW = _words("react|respond|reply|explain|describe|justify|defend|view|assess|characterise"
                 "|characterize|sum up|summarise|summarize|take|answer|comment|rate|evaluate"
                 "|judge|interpret|portray|feel|took|taken|felt|justified|replied|think"
                 "|thought|say|see|saw|tease|taunt|mock|ridicule|congratulate|thank|greet"
                 "|slam|praise|criticise|criticize|apologise|apologize|joke about")
# English verbs after "who …": "Who commented on Y?", "Who said Y".
_EN_WHO = _words("said|say|says|commented|comments|comment|spoke about|spoke on|spoke out"
                 "|talked about|reacted|responded|criticised|criticized|warned|claimed|called for"
                 "|spoken about|spoken on|spoken out|praised|condemned|denied|urged|argued"
                 "|welcomed|objected|complained|was quoted|were quoted|been quoted|insisted"
                 "|suggested|promised|pledged|vowed|accused|blamed|predicted|proposed|demanded"
                 "|admitted|disputed|told|explained|stressed|noted|asserted|stated|mentioned"
                 "|alleged|remarked")
# English nouns of "X's reaction to Y", "the reaction of X to Y".
_EN_NOUNS = _words("reaction|reactions|response|responses|comment|comments|view|views|opinion"
                   "|opinions|verdict|stance|position|take|answer|explanation|message|statement"
                   "|statements|remarks|assessment|argument|claim|claims|promise|promises|warning"
                   "|criticism|reply|thoughts|advice|excuse|justification|defence|defense"
                   "|prediction|pledge|plea|appeal|demand|demands|reasoning|version|words|quote"
                   "|quotes|reason|hope|hopes|expectation|expectations|concern|concerns|worry"
                   "|worries|fear|fears|analysis|forecast|suggestion|suggestions|proposal"
                   "|recommendation|recommendations|request|wish|wishes|feeling|feelings"
                   "|attitude|perspective|outlook|evaluation|judgement|judgment|criticisms"
                   "|accusation|accusations|allegation|denial|admission|confession|apology"
                   "|testimony|reasons|tweet|tweets|speech|arguments|messages|retort|complaint"
                   "|complaints|point of view|interpretation|diagnosis|projection|call"
                   "|announcement|estimate|answers|replies|predictions|warnings|thought")
# Speech nouns of "What reason/comment … did X give": those whose act is part of what is
# asked (`_EN_ACT_NOUN`: "What ultimatum did X give Y" asks for an ultimatum, as
# `_EN_DIRECTIVES`) and those that ask for any words ("What comments did X make").
_ACT_NOUNS = ("ultimatum|demand|condition|signal|guarantee|order|instruction|suggestion|proposal"
              "|recommendation|promise|warning|prediction|pledge|excuse|assurance")
_WORDS_NOUNS = ("comment|remark|statement|reason|explanation|claim|message|argument|answer|response"
                "|example|figure|detail|estimate|account|apology|evidence|description|hint|tip"
                "|position|stance|view|line|proof|factor|justification|rationale|criticism|objection"
                "|complaint|concern|worry|fear|assessment|verdict|forecast|outlook|summary")
_EN_SPEECH_NOUN = re.compile(rf"\b(?:(?:{_WORDS_NOUNS}|{_ACT_NOUNS})s?|advice|words)\b", _I)
_EN_ACT_NOUN = re.compile(rf"(?:{_ACT_NOUNS})s?|advice", _I)
_EN_OF_NOUNS = _words("reaction|response|comment|comments|view|views|opinion|verdict|stance"
                      "|remarks|reply|explanation|message|assessment|statement|words|thoughts"
                    "|opinions|analysis|hope|prediction|advice|statements|answer|argument")
_EN_ADJ = ("first|initial|official|latest|main|public|immediate|own|last|final|personal|biggest"
           "|greatest|chief|key|only|exact|honest|real|overall|stated|early|full")
_EN_PREP = ("in response to|when asked about|anything about|something about|anything on|about"
            "|on|regarding|concerning|over|of|to|towards|toward|that|after|following|at|for|with")
_EN_PREP_SPLIT = r"(?:about|on|regarding|concerning|over|towards?)"
# After a speech noun, a clause says when it was given: "X's reaction when he heard Y".
_EN_CLAUSE = "when|as|during|in|before|since|upon|on hearing"
# "Tell me X's comments on Y", "Give me the reaction of X".
_EN_REQUEST = (r"(?:please\s+)?(?:tell me|give me|show me|find|find me|i want|i'd like"
               r"|i want to know|i'd like to know)")
# Whom a statement was made to, between a verb and its topic ("told reporters about Y",
# "kepada wartawan soal Y"): the audience, not the topic.
_AUDIENCE = re.compile(r"^(?:(?:to|kepada|pada|ke)\s+)?(?:the\s+|para\s+)?(?:reporters"
                       r"|journalists|press|media|public|audience|crowd|nation|supporters|us|me"
                       r"|wartawan|awak\s+media|jurnalis|pers|publik|masyarakat|khalayak)(?:\s+|$)"
                       rf"(?=$|(?:{_EN_PREP_SPLIT}|that|soal|tentang|mengenai|terkait|perihal"
                       r"|seputar|bahwa)\b)", _I)
# "respond to questions about Y", "menjawab pertanyaan soal Y": what was asked is the topic.
_ASKED_ABOUT = re.compile(rf"^(?:the\s+|a\s+)?(?:questions?|pertanyaan)\s+(?:{_EN_PREP_SPLIT}"
                          r"|soal|tentang|mengenai|terkait|perihal|seputar)\s+(?=\S)", _I)
_EN_AUX = ("didn't|doesn't|don't|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|wouldn't"
           "|won't|couldn't|can't|cannot|shouldn't|did|does|do|has|have|had|is|are|was|were"
           "|would|will|could|can|should|might|must")
# Feelings a person voices, after "why/how was X …": "Why was X disappointed about Y".
_EN_FEEL = _words("disappointed|angry|upset|unhappy|happy|pleased|glad|delighted|satisfied"
                  "|dissatisfied|frustrated|annoyed|furious|outraged|sad|proud|grateful|sorry"
                  "|surprised|shocked|worried|concerned|afraid|nervous|tense|optimistic"
                  "|pessimistic|hopeful|confident|sure|certain|convinced|sceptical|skeptical"
                  "|reluctant|unwilling|willing|keen|eager|determined|opposed|critical"
                  "|against|in favour of|in favor of|ready|unable|not ready")

# Indonesian nouns of "Apa tanggapan X soal Y", "Bagaimana sikap X terhadap Y".
_ID_NOUNS = _words("kata|tanggapan|komentar|pendapat|penjelasan|desakan|pernyataan|imbauan"
                   "|himbauan|jawaban|penilaian|pandangan|keterangan|argumen|ucapan|penegasan"
                   "|bantahan|dalih|kesaksian|pengakuan|seruan|tudingan|tuduhan|keluhan"
                   "|pembelaan|kata-kata|keyakinan|perasaan|ajakan|cuitan|kicauan|curhat|curhatan"
                   "|isi pidato|isi pernyataan|isi pesan|klarifikasi|sindiran|kecaman|pujian"
                   "|kekhawatiran|wejangan|petuah|pidato|testimoni|pengakuannya|kutipan")
# Nouns that also name things ("alasan banjir", "reaksi kimia", "harapan hidup").
_ID_AMBIGUOUS_NOUNS = _words("alasan|harapan|pesan|janji|sikap|peringatan|ancaman|prediksi"
                             "|ramalan|klaim|kritik|kritikan|saran|usulan|usul|permintaan"
                             "|tuntutan|reaksi|respons|respon|kesan|unggahan|masukan"
                             "|analisis|analisa|evaluasi")
# Nouns of acts that may be reported in narration as well as said ("Apa rencana X untuk Y",
# "Apa putusan hakim X atas Y"): `explicit=False`, answered from their statements only when
# they made one on the topic (see `_en_why`).
_ID_ACT_NOUNS = _words("rencana|putusan|keputusan|pertanyaan|doa|instruksi|perintah|arahan"
                       "|strategi|syarat|solusi|target|nasihat|catatan|kesimpulan|temuan"
                       "|maksud|tujuan|niat|motivasi")
# Indonesian verb stems of "Apa yang dikatakan X" (with di-) and "Apa yang X katakan" (bare).
_ID_STEMS = _words("katakan|sampaikan|janjikan|ungkapkan|jelaskan|tegaskan|sebutkan|sebut"
                   "|kemukakan|usulkan|sarankan|minta|tuntut|bantah|klaim|peringatkan|kritik"
                   "|keluhkan|harapkan|akui|bilang|ucapkan|nyatakan|umumkan|serukan|maksud"
                   "|soroti|tekankan|paparkan|ceritakan|utarakan|khawatirkan|prediksi"
                   "|prediksikan|perkirakan|imbau|imbaukan|tanyakan|jawab|komentari|tanggapi"
                   "|lontarkan|beberkan|ungkap|pikirkan|rasakan|yakini|ingatkan|tulis|tuliskan"
                   "|unggah|cuitkan|sindir|kecam|puji|pesankan|sesalkan|banggakan"
                   "|persoalkan|pertanyakan|sorot|dorong|rekomendasikan|anjurkan|instruksikan"
                   "|perintahkan|klarifikasi|janji|jamin|pastikan|ajak|singgung|tepis")
# Indonesian active verbs of "Bagaimana X menjelaskan Y" and "Apakah X mengatakan Y".
_ID_HOW = _words("menjelaskan|menanggapi|menggambarkan|menilai|memandang|menjawab|menegaskan"
                 "|merespons|merespon|mengomentari|menyikapi|menyebut|mengungkapkan"
                 "|menceritakan|mengkritik|membela|membantah|menyampaikan|menerangkan"
                 "|menguraikan|mengartikan|menafsirkan|mengevaluasi|menyoroti|berkomentar"
                 "|membalas|berpendapat|bereaksi|mendeskripsikan|melukiskan|memaknai|mengomentarinya"
                 "|menanggapinya|menyikapinya|menjelaskannya|mengatakan|menyatakan|melihat"
                 "|mengapresiasi|menyambut|mengkritisi|menyinggung|mengakui|menepis"
                 "|mengklarifikasi|meluruskan|memberi tanggapan|memberikan tanggapan"
                 "|memberikan penjelasan|memberi penjelasan|membahas|mengulas")
_ID_SAY = _words("mengatakan|menyatakan|berkomentar|mengomentari|menyebut|menyebutkan"
                 "|mengkritik|menegaskan|menjelaskan|menanggapi|membantah|mengakui|berjanji"
                 "|menjanjikan|memperingatkan|mendesak|mengimbau|menyampaikan|mengungkapkan"
                 "|menuding|menuduh|menyalahkan|memuji|mengecam|bilang|berkata|berbicara"
                 "|angkat bicara|mengklaim|menyerukan|mengusulkan|menyarankan|menilai"
                 "|berpendapat|mengemukakan|mengeluhkan|memprediksi|memperkirakan")
# More verbs after "Apakah/Mengapa X …" (not "Siapa yang …", where "memastikan" asks who did).
_ID_SAY_MORE = _words("menepis|mengklarifikasi|meluruskan|menyinggung|mengapresiasi"
                      "|menyesalkan|menyayangkan|mengeluh|mengajak|meminta|menginstruksikan"
                      "|memerintahkan|memastikan|menjamin|mengingatkan|mengancam|bersumpah"
                      "|menantang|menyindir|mencuit|menulis|mengunggah|curhat|membenarkan"
                      "|menampik|mengaku|mengungkap|membeberkan|menuturkan|menerangkan"
                      "|mengharapkan|berharap|menginginkan|meyakini|menduga|mengira|mengecam"
                      "|menolak|menyetujui|mendukung|mengusulkan|menyerukan|mengapresiasi")
_EN_ADVERBS = re.compile(r"^(?:(?:so|very|really|still|not|too|deeply|clearly|visibly|quite"
                         r"|rather|extremely|particularly|increasingly|initially|now)\s+)+", _I)
# Indonesian feelings after "Mengapa X …": "Mengapa X kecewa soal Y".
_ID_FEEL = _words("kecewa|marah|kesal|geram|berang|senang|gembira|bahagia|puas|bangga|sedih"
                  "|menyesal|heran|terkejut|kaget|khawatir|cemas|takut|optimistis|optimis"
                  "|pesimistis|pesimis|yakin|ragu|bingung|prihatin|keberatan|menolak|enggan"
                  "|tegang|gugup|tidak suka|tak suka|tidak mau|tak mau|ogah|bersyukur")
_ID_BOUNDARY = frozenset(_words("soal|tentang|mengenai|terkait|atas|terhadap|perihal|seputar"
                                "|menyangkut|kepada|pada|ketika|saat|usai|setelah|sesudah"
                                "|sebelum|dalam|di|dengan|ke|bahwa|akan|sehubungan|menyusul"
                                "|jika|kalau|apabila|bila|agar|supaya|karena|sebagai"
                                "|untuk|bagi|lewat|via|jelang|seusai|selepas|pasca|sejak"))
_ID_TOPIC_PREP = ("apa-apa soal|apa pun soal|soal|tentang|mengenai|terkait|atas|terhadap|perihal"
                  "|seputar|menyangkut|kepada|pada|bahwa|dengan|akan")
# First words that make "Apa kata dasar …" / "Bagaimana cara …" a phrase, not a person.
_ID_NOT_PERSON_LEADS = frozenset(_words("cara|proses|kondisi|keadaan|situasi|nasib|kabar|bentuk"
                                        "|hubungan|sejarah|perkembangan|dampak|pengaruh|caranya"
                                        "|dasar|kunci|sandi|pengantar|majemuk|benda|kerja|sifat"
                                        "|ganti|serapan|lain|moral|hidup|waktu|tempat|singkat"))
_ID_NOUN_ADJECTIVES = re.compile(r"^(?:(?:utama|resmi|terbaru|pertama|awal|sebenarnya|lengkap"
                                 r"|terakhir|kampanye|politik|publik)\s+)+", _I)
_ID_CORE_PREP = re.compile(r"^(?:soal|tentang|mengenai|terkait|atas|terhadap|perihal)\b", _I)
_ID_VERB_SHAPE = re.compile(r"^(?:me(?:ng|ny|m|n|[lrwy])|ber|di|ter|per)[a-z]{3,}$")

# A possessive after a span's first word means a verb phrase was taken in ("Trump use his
# voters to"); before a role it is the owner's ("its founder X").
_POSSESSIVES = frozenset(("his", "her", "their", "its", "my", "our", "your"))
_PRONOUNS = frozenset(_words("he|she|they|it|we|you|i|him|her|them|this|that|these|those|one"
                             "|ia|dia|mereka|beliau|kamu|anda|saya|kami|kita|ini|itu|engkau"
                             "|aku|nya|there|someone|anyone|everyone|people"))
_QUESTION_WORDS = frozenset(_words("what|who|whom|which|why|how|when|where|whose|apa|apakah"
                                   "|siapa|siapakah|mengapa|kenapa|kapan|kapankah|bagaimana"
                                   "|berapa|dimana|di mana|mana|manakah|seberapa"))
# Lower-case words of speech that never name the speaker on their own.
_SPEECH_WORDS = frozenset((*_ID_NOUNS, *_words(
    "ujar|ucap|tutur|tegas|jelas|ungkap|tambah|imbuh|lanjut|bilang|bicara|berkata|mengatakan"
    "|say|says|said|saying|tell|told|words|quote|quotes|comment|comments|statement")))
# A "person" headed by these is a document or a number, not a speaker ("menurut data BPS").
_NOT_SPEAKERS = frozenset(_words(
    "report|reports|study|studies|survey|surveys|article|data|document|documents|law|laws|news"
    "|paper|book|poll|polls|research|evidence|analysis|findings|results|record|records|text"
    "|statistics|figures|rules|rule|regulation|regulations|constitution|website|map|letter"
    "|source|sources|estimates|estimate|census|calculations|forecast|schedule|plan|article"
    "|laporan|survei|studi|penelitian|riset|artikel|berita|dokumen|surat|undang-undang|uu"
    "|aturan|peraturan|hasil|catatan|buku|jajak|statistik|sumber|situs|peta|konstitusi|kitab"
    "|ajaran|perhitungan|perkiraan|prakiraan|ramalan|pantauan|jadwal|rencana|versi|teori"
    "|kalender|hitungan|pasal|ketentuan|standar|kriteria|prinsip|logika|pengalaman|pasar"
    "|market|markets|stock|stocks|shares|price|prices|rupiah|dollar|economy|currency|saham"
    "|harga|ekonomi|indeks|kurs"))
_RELATIVES = frozenset(_words("who|whom|whose|which|that|what|yang|apa|siapa"))
# A clause inside the span ("the MotoGP boss see in Rossi when they (talked about …)"): the
# span runs past the person, so the verb after it is not theirs.
_CLAUSE_WORDS = frozenset(_words("when|while|whenever|because|although|though|if|he|she|they|we"))
_PERSON_LEADS = re.compile(
    r"^(?:(?:the|a|an|oleh|sang|keterangan|penjelasan|pernyataan|pengakuan|kesaksian|nama)"
    r"(?:\s+|$))+", _I)
_PERSON_TAILS = re.compile(
    r"(?:\s+(?:ever|also|really|actually|not|never|just|already|publicly|first|reportedly"
    r"|allegedly|later|initially|once|previously|recently|originally|pernah|sudah"
    r"|telah|juga|tidak|tak|belum|akan|sempat|lalu|kemudian|sendiri|then|been|keep|keeps|kept"
    r"|continue to|continues to|continued to|once again|again|repeatedly))+$", _I)
# A manner adverb between the person and the verb ("X proudly said"): a lower-case -ly word,
# not a noun that ends so ("the Suharto family", "the Jakarta assembly").
_LY_ADVERB_TAIL = re.compile(r"\s+(?!(?:family|assembly|ally|daily|weekly|monthly|rally|supply"
                             r"|anomaly|homily|italy|july|bully)\b)[a-z]{2,}ly$")
_MAX_PERSON_WORDS = 14
_MAX_WHO_WORDS = 9
_MAX_BARE_PERSON_WORDS = 6  # "Apa yang <person> katakan": a short span, not a clause


@cache
def _alternation(words: tuple[str, ...], *, inflect: bool) -> str:
    """Regex alternation of `words`, longest first; the first word may take -s/-ed/-ing."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        head, _, tail = word.partition(" ")
        head = re.escape(head) + (r"(?:s|es|ed|d|ing)?" if inflect else "")
        parts.append(head + (r"\s+" + re.escape(tail).replace(r"\ ", r"\s+") if tail else ""))
    return "|".join(parts)


def _is_one_of(word: str, words: tuple[str, ...]) -> bool:
    """Whether a matched English verb is (an inflection of) one of `words`."""
    return re.fullmatch(_alternation(words, inflect=True), word, _I) is not None


@cache
def _verb_pattern(words: tuple[str, ...], inflect: bool) -> re.Pattern[str]:
    """Verbs of `words` as whole words preceded by a space (a person comes before them)."""
    return re.compile(rf"(?<=\s)(?:{_alternation(words, inflect=inflect)})(?=[\s,.;:]|$)", _I)


# Chat spellings of Indonesian question words ("Gimana tanggapan X", "Knp X menolak Y").
_COLLOQUIAL = {"gimana": "bagaimana", "gmn": "bagaimana", "bgmn": "bagaimana",
               "bagaimna": "bagaimana", "knp": "kenapa", "apa sih": "apa"}
_COLLOQUIAL_WH = re.compile(rf"^(?:{'|'.join(sorted(_COLLOQUIAL, key=len, reverse=True))})\b", _I)


def _normalise(question: str) -> str:
    """Straight apostrophes and quotes, single spaces, no trailing question mark."""
    text = (question.replace("’", "'").replace("‘", "'").replace("`", "'")
            .replace("“", '"').replace("”", '"'))
    text = " ".join(text.split()).strip().rstrip("?!.").strip()
    text = _COLLOQUIAL_WH.sub(lambda m: _COLLOQUIAL[m.group().lower()], text)
    if text.isupper():  # shouted: capitals say nothing, and "WHO" below means the WHO
        text = text.lower()
    return re.sub(r"^(what|who|how|where)'s\b", r"\1 is", text, flags=_I)


def _clean_person(span: str) -> str | None:
    """The person span without articles, adverbs and punctuation, or None if not a speaker."""
    person = _PERSON_LEADS.sub("", span.strip(" ,;:\"'")).strip(" ,;:\"'")
    person = _PERSON_TAILS.sub("", person).strip(" ,;:\"'")
    while _LY_ADVERB_TAIL.search(person):
        person = _PERSON_TAILS.sub("", _LY_ADVERB_TAIL.sub("", person))
    words = person.split()
    if not words or len(words) > _MAX_PERSON_WORDS or not re.search(r"[^\W\d_]", person):
        return None
    if person.lower().endswith("'s") or _possessed_speech_noun(words):
        return None  # "Macron's" (answer …), "Ahok's reply when": the noun forms read that
    plain = [w.lower() for w in words if not _is_acronym(w)]
    if not plain:
        return person
    if all(w in _SPEECH_WORDS for w in words):
        return None  # "kata kata kata": speech words, lower case, are nobody ("Said" may be)
    if plain[0] in _QUESTION_WORDS or _RELATIVES & set(plain) or _POSSESSIVES & set(plain[1:]) or (
            plain[0] in _PRONOUNS and not _name_prefix_i(words)) or _CLAUSE_WORDS & set(plain[1:]):
        return None
    heads = {plain[-1].removesuffix("'s"), *plain[:2]}
    if len(plain) > 1 and _is_role_word(plain[1]):
        heads -= {plain[0]}  # "law professor X", "market analyst X": a role, not a document
    if heads & _NOT_SPEAKERS:
        return None
    return person


def _possessed_speech_noun(words: list[str]) -> bool:
    """ "Ahok's reply when (asked …)": a speech noun owned by the person, not a person."""
    nouns = frozenset(_EN_NOUNS)
    return any(word.lower().endswith(("'s", "s'")) and following.lower() in nouns
               for word, following in itertools.pairwise(words))


def _name_prefix_i(words: list[str]) -> bool:
    """ "I Ketut Artha", "AKBP I Gusti Ngurah Rai": Balinese names start with "I", the
    pronoun never comes before a capitalised name word."""
    rest = [w for w in words if not _is_acronym(w)]
    return len(rest) > 1 and rest[0] == "I" and rest[1][:1].isupper()


def _is_acronym(word: str) -> bool:
    """ "WHO", "KPK": a name even when it spells a question word."""
    return len(word) > 1 and word.isupper()


def _clean_topic(text: str, prepositions: str) -> str:
    """The topic without a leading preposition ("about", "soal") or surrounding punctuation."""
    topic = _AUDIENCE.sub("", text.strip(" ,;:"))  # "reporters about Iran": after them
    topic = re.sub(r"^(?:(?:publicly|privately|openly|repeatedly|recently|again|also|later)\s+)+",
                   "", topic, flags=_I)  # "said publicly about Y"
    topic = re.sub(rf"^(?:{prepositions})\b\s*", "", topic, flags=_I)
    topic = _ASKED_ABOUT.sub("", topic)  # "questions about Iran": Iran was the subject
    return topic.strip(" ,;:\"'")


def _said(person: str | None, topic: str, language: Language) -> SaidQuery | None:
    return SaidQuery("said", person, topic, language) if person else None


def _person_then_verb(after: str, verbs: re.Pattern[str], *,
                      indonesian: bool = False) -> tuple[str, str, str] | None:
    """Split "Ushakov say about Iran" at the first speech verb that leaves a valid person:
    (person, what follows the verb, the verb).

    An Indonesian person holds no other verb ("pemerintah mengatasi banjir dan" is not one).
    """
    for match in verbs.finditer(after):
        person = _clean_person(after[:match.start()])
        if person and not (indonesian and _has_id_verb(person)):
            return person, after[match.end():], match.group()
    return None


def _has_id_verb(person: str) -> bool:
    return any(_is_id_verb(word) for word in person.split()[1:])


def _is_id_verb(word: str) -> bool:
    """A lower-case me-/ber-/di-/ter-/per- word that is not a role ("direktur", "menteri")."""
    folded = word.lower().strip(",")
    return (word.islower() and _ID_VERB_SHAPE.match(folded) is not None
            and not _is_role_word(folded))


def _verb_said(after: str, verbs: tuple[str, ...], language: Language, *,
               max_words: int = _MAX_PERSON_WORDS) -> SaidQuery | None:
    """The query of "<person> <speech verb> <topic>" ("Ushakov say about Iran")."""
    indonesian = language == "id"
    found = _person_then_verb(" " + after, _verb_pattern(verbs, not indonesian),
                              indonesian=indonesian)
    if not found or len(found[0].split()) > max_words:
        return None
    if indonesian and found[0].split()[0].lower() in _ID_NOT_PERSON_LEADS:
        return None  # "Bagaimana cara …"
    topic = _clean_topic(found[1], _ID_TOPIC_PREP if indonesian else _EN_PREP)
    if not indonesian and _is_one_of(found[2], _EN_DIRECTIVES):
        topic = f"{found[2]} {topic}".strip()  # "urge drivers to slow down": an urging
    return _said(found[0], topic, language)


_Parser = Callable[[str], SaidQuery | None]
_MatchParser = Callable[[re.Match[str]], SaidQuery | None]


def _when(pattern: str) -> Callable[[_MatchParser], _Parser]:
    """A parser that runs only when `pattern` (compiled once, case-insensitive) matches the
    whole question's start: the wrapped function receives the match."""
    compiled = re.compile(pattern, _I)

    def wrap(func: _MatchParser) -> _Parser:
        @functools.wraps(func)
        def parse(text: str) -> SaidQuery | None:
            match = compiled.match(text)
            return func(match) if match else None

        return parse

    return wrap


@_when(rf"^(?:[^,]{{1,60}},\s+)?(?:(?:in|on|at|for|with|about|to|from|by|under)\s+)?"
      rf"(?:(?P<wh>what|who|whom|which|why|when|how soon|how much|how many)"
      rf"(?P<mid>(?:\s+[\w'-]+){{0,5}}?)\s+)?(?P<aux>{_EN_AUX})\s+(?P<after>.+)$")
def _en_wh_did(match: re.Match[str]) -> SaidQuery | None:
    """ "What/Who/Why … did X say/claim/warn … Y" and "Did X blame Y"."""
    noun = _EN_SPEECH_NOUN.search(match["mid"] or "")
    after = _FIRST_THING.sub("", match["after"])  # "the first thing X said after Y"
    verbs = _EN_GIVE + _EN_SAY if noun else _EN_SAY  # "What ultimatum did X give Y"
    content = _content_mid(match["mid"])
    if content:  # "What lesson did X draw", "Which players did X rate"
        verbs += _EN_SEE_IN
    if match["wh"] and match["wh"].lower() == "what":  # "What did X call Y", "… suspect was"
        verbs += ("call", "suspect", "speculate", "guess", "fear")
    if (match["wh"] or "").lower() in ("when", "how soon"):  # "When did X say Y": a time
        said = _verb_said(after, _EN_WHEN_SAY, "en")
        return dataclasses.replace(said, explicit=False) if said else None
    said = _verb_said(after, verbs, "en") or _en_be_feeling(match, after)
    if said is None and not match["wh"]:  # "Does X support Y": a stance, said or done
        stance = _verb_said(after, _EN_STANCE, "en")
        return dataclasses.replace(stance, explicit=False) if stance else None
    if said is None:
        return None
    if content:
        # "What proof of public demand did X cite for Y": the words asked for are the topic too
        return dataclasses.replace(said, topic=f"{match['mid'].strip()} {said.topic}".strip())
    if noun is None or not _EN_ACT_NOUN.fullmatch(noun.group()):
        return said
    return dataclasses.replace(said, topic=f"{noun.group()} {said.topic}".strip())


def _content_mid(mid: str | None) -> bool:
    """Whether "what <mid> did X …" asks for something of its own ("what lesson", "which
    right-backs"), not just for words ("what other reason", "what comments")."""
    return any(word.lower() not in _GENERIC_MID for word in (mid or "").split())


# Verbs of a judgement or a lesson named by the question: "What weakness did X see in Y".
_EN_SEE_IN = _words("draw|drew|drawn|see in|saw in|seen in|find in|found in|rate|rank")
# Words of "what <mid> did X …" that ask for no content of their own ("what other reason").
_GENERIC_MID = frozenset(
    _words("other|else|kind|kinds|sort|sorts|type|types|of|exactly|specific|particular|a|an"
           "|the|words|thing|things|" + _EN_ADJ)
    + _words(_WORDS_NOUNS) + tuple(f"{noun}s" for noun in _words(_WORDS_NOUNS)))


# Stances of "Does X support Y", "Is X against Y": stated or shown by a deed (a vote).
_EN_STANCE = _words("support|oppose|back|endorse|reject|favour|favor|object to|against"
                    "|opposed to|in favour of|in favor of|for or against")
_FIRST_THING = re.compile(r"^(?:the\s+)?(?:first|last|only|main|one)\s+things?\s+(?:that\s+)?",
                          _I)


def _en_be_feeling(match: re.Match[str], after: str) -> SaidQuery | None:
    """ "What is Jokowi worried about", "What was the coach angry about": the feeling they
    voiced, for a subject that reads as a person (a name or a role, not "the market")."""
    if not match["wh"] or match["aux"].lower() not in ("is", "was", "are", "were"):
        return None
    found = _person_then_verb(" " + after, _verb_pattern(_EN_FEEL, False))
    if not found or not _has_person_word(found[0].split()):
        return None
    return _said(found[0], f"{found[2]} {_clean_topic(found[1], _EN_PREP)}".strip(), "en")


@_when(rf"^(?:why|(?:under|on|in)\s+what\s+(?:conditions?|circumstances|grounds|terms|cases?))"
      rf"\s+(?:{_EN_AUX})\s+(?P<after>.+)$")
def _en_why(match: re.Match[str]) -> SaidQuery | None:
    """ "Why was X disappointed about Y", "Why did X order Y", "Why doesn't X like Y".

    The person's reasons are their words: with a verb of speech or feeling the question asks
    for them outright; with any other verb ("Why did the driver take her to …") it is
    `explicit=False`, answered from their statements only when they gave one on the topic.
    """
    found = _subject_then_verb(match["after"])
    if not found:
        return None
    person, rest = found
    rest = _EN_ADVERBS.sub("", rest)
    spoken = _verb_pattern(_EN_SAY + _EN_FEEL, True).match(" " + rest, 1)
    if spoken:
        topic = _clean_topic(rest[spoken.end() - 1:], _EN_PREP)
        if _is_one_of(spoken.group(), _EN_FEEL):
            topic = rest[spoken.start() - 1:].strip()  # the feeling they voiced, as `_feeling`
        return _said(person, topic, "en")
    return _weak(person, rest, "en")


@_when(r"^what\s+(?:has\s+|had\s+)?(?:made|makes|make|left)\s+(?P<after>.+)$")
def _en_what_made(match: re.Match[str]) -> SaidQuery | None:
    """ "What made X disappointed/angry (about Y)?": the feeling they voiced."""
    return _feeling(match["after"], _EN_FEEL, r"feel|so|very|that", "en")


@_when(r"^apa\s+(?:yang\s+)?(?:membuat|bikin|menyebabkan)\s+(?P<after>.+)$")
def _id_what_made(match: re.Match[str]) -> SaidQuery | None:
    """ "Apa yang membuat X kecewa (soal Y)?"."""
    return _feeling(match["after"], _ID_FEEL, r"merasa|begitu|sangat|sampai", "id")


def _feeling(after: str, feelings: tuple[str, ...], fillers: str,
             language: Language) -> SaidQuery | None:
    """Person and topic of "X (so) angry about Y": the topic keeps the feeling ("angry Y")."""
    text = re.sub(rf"\s+(?:{fillers})(?=\s)", "", " " + after, flags=_I)
    for match in _verb_pattern(feelings, language == "en").finditer(text):
        person = _clean_person(text[:match.start()])
        if person and len(person.split()) <= _MAX_BARE_PERSON_WORDS \
                and not (language == "id" and _has_id_verb(person)):
            return _said(person, text[match.start():].strip(), language)
    return None


def _weak(person: str, topic: str, language: Language) -> SaidQuery:
    return SaidQuery("said", person, topic.strip(" ,;:\"'"), language, explicit=False)


def _subject_then_verb(after: str) -> tuple[str, str] | None:
    """Split "the Blue Bird driver take the mother to …" before its first word that is not
    part of a person: a lower-case word that is neither a role nor a short particle between
    names ("bin"). None when no person-like subject comes first ("Trump's decision anger …")."""
    words = after.split()
    for i, word in enumerate(words):
        if _subject_word(word, words[i + 1] if i + 1 < len(words) else ""):
            continue
        subject = " ".join(words[:i])
        if not i or subject.endswith(("'s", "s'")) or not _has_person_word(words[:i]):
            return None
        person = _clean_person(subject)
        return (person, " ".join(words[i:])) if person else None
    return None


def _subject_word(word: str, following: str) -> bool:
    bare = word.strip(",;:\"'")
    if not bare:
        return False
    if any(c.isupper() for c in bare) or bare.endswith(("'s", "s'")) or _is_role_word(bare.lower()):
        return True
    if bare.lower() in ("the", "a", "an", "of", "for", "sang"):
        return bool(following) and _subject_word(following, "")
    if bare.lower() in _SUBJECT_PARTICLES:
        return following[:1].isupper()  # "Virgil van Dijk", "Muhammad bin Salman"
    return False


def _has_person_word(words: list[str]) -> bool:
    """A capitalised word or a role: "the driver", "Jokowi" (not "the" alone)."""
    return any(any(c.isupper() for c in w) or _is_role_word(w.lower().strip(",;:'")) for w in words)


@_when(r"^(?:please\s+)?(?:tell me|show me|find|find out|give me|i want to know"
      r"|i'd like to know|can you tell me|could you tell me|do you know|list|summari[sz]e"
      r"|explain|describe|recount)"
      r"\s+(?:what|how)\s+(?:(?:did|does|has|have|is|was)\s+)?(?P<after>.+)$")
def _en_embedded(match: re.Match[str]) -> SaidQuery | None:
    """ "Tell me what X said about Y", "Do you know how X reacted to Y"."""
    return _verb_said(match["after"], _EN_SAY + _EN_HOW, "en")


@_when(r"^(?:(?:please\s+)?(?:show me|give me|find|list|get|tampilkan|carikan|cari)"
      r"\s+)?(?:all\s+|any\s+|the\s+|semua\s+)?(?P<noun>quotes?|statements?"
      r"|comments?|remarks?|kutipan|pernyataan|komentar|ucapan)\s+"
      r"(?P<by>from|by|of|dari|oleh)\s+(?P<rest>.+)$")
def _quotes_by(match: re.Match[str]) -> SaidQuery | None:
    """ "Quotes from X about Y", "Show me statements by X on Y", "Kutipan dari X soal Y"."""
    if match["by"].lower() in ("dari", "oleh"):
        return _id_split_said(match["rest"])
    return _en_split_said(match["rest"])


def _en_split_said(rest: str) -> SaidQuery | None:
    """Person and topic of "the Kremlin adviser on Iran", split at the first "about/on"."""
    parts = re.split(rf"\s+(?={_EN_PREP_SPLIT}\s)", rest, maxsplit=1, flags=_I)
    topic = _clean_topic(parts[1], _EN_PREP) if len(parts) > 1 else ""
    return _said(_clean_person(parts[0]), topic, "en")


@_when(r"^what\s+(?:was|were|is|has been|had been|have been)\s+(?:(?:also|actually|really)\s+)?"
      r"(?:said|stated|claimed|promised|announced|conveyed|revealed|explained|written|tweeted"
      r"|posted|told|argued|suggested|proposed|predicted)\s+by\s+(?P<rest>.+)$")
def _en_said_by(match: re.Match[str]) -> SaidQuery | None:
    """ "What was said by X about Y": the passive of "What did X say about Y"."""
    return _en_split_said(match["rest"])


@_when(r"^where\s+(?:does|do|did|has|have|is|are)\s+(?P<person>.+?)\s+(?:stand|stood)"
      r"\s+(?:on|regarding|with|in)\s+(?P<topic>.+)$")
def _en_stand(match: re.Match[str]) -> SaidQuery | None:
    """ "Where does X stand on Y": their stated position (of a person, not "the river")."""
    person = _clean_person(match["person"])
    if not person or not _has_person_word(person.split()):
        return None
    return _said(person, match["topic"], "en")


@_when(r"^(?:is|was)\s+it\s+true\s+(?:that\s+)?(?P<after>.+)$")
def _en_is_it_true(match: re.Match[str]) -> SaidQuery | None:
    """ "Is it true that X said Y": a check of their words ("… that prices rose" is not)."""
    return _verb_said(match["after"], _EN_SAY, "en")


@_when(r"^(?:benarkah|betulkah|apakah\s+benar|apa\s+benar|benar\s+(?:nggak|gak|tidak))"
      r"\s+(?:bahwa\s+)?(?P<after>.+)$")
def _id_is_it_true(match: re.Match[str]) -> SaidQuery | None:
    """ "Benarkah X mengatakan Y", "Apakah benar X membantah Y"."""
    return _verb_said(match["after"], _ID_SAY + _ID_SAY_MORE, "id")


@_when(r"^what\s+(?:did|does|do)\s+(?P<person>.+?)\s+mean\s+(?P<topic>(?:by|when|with|in|about)"
      r"\s+.+)$")
def _en_mean(match: re.Match[str]) -> SaidQuery | None:
    """ "What did X mean by/when Y" (a bare "What does NPT mean" asks for a definition)."""
    topic = re.sub(r"^(?:by|with|in|about)\s+", "", match["topic"], flags=_I)
    return _said(_clean_person(match["person"]), topic.strip(" '\""), "en")


@_when(r"^(?P<person>.+?)\s+(?:said|says|say|told|claimed|claims|wrote|tweeted|meant|thinks"
      r"|thought|promised|warned)\s+what\b(?P<rest>.*)$")
def _en_said_what(match: re.Match[str]) -> SaidQuery | None:
    """ "X said what about Y", "Jokowi told reporters what"."""
    return _said(_clean_person(match["person"]), _clean_topic(match["rest"], _EN_PREP), "en")


@_when(rf"^how\s+(?P<feel>{_alternation(_EN_FEEL, inflect=False)})\s+(?:is|was|are|were)\s+"
      rf"(?P<after>.+)$")
def _en_how_feeling(match: re.Match[str]) -> SaidQuery | None:
    """ "How worried is X about Y": the feeling they voiced (as `_en_be_feeling`)."""
    found = re.match(rf"^(?P<person>.+?)\s+(?P<prep>{_EN_PREP_SPLIT}|with|by|at|that)\s+(?P<topic>.+)$",
                     match["after"], _I)
    person = _clean_person(found["person"]) if found else None
    if not found or not person or not _has_person_word(person.split()):
        return None
    return _said(person, f"{match['feel']} {found['topic']}", "en")


@_when(rf"^how\s+(?:exactly\s+)?(?:{_EN_AUX})\s+(?P<after>.+)$")
def _en_how(match: re.Match[str]) -> SaidQuery | None:
    """ "How did X react to / explain / describe Y"; "How did X use Y to justify Z" (another
    verb) asks about their conduct: `explicit=False`, as `_en_why`."""
    said = _verb_said(match["after"], _EN_HOW, "en")
    if said is not None or not (found := _subject_then_verb(match["after"])):
        return said
    if not _verb_pattern(_EN_HOW + _EN_SAY, True).search(" " + found[1]):
        return None  # "How did the suspect enter the building": a deed, no words in it
    return _weak(*found, "en")


def _en_noun_forms(text: str) -> SaidQuery | None:
    """ "What was X's view on Y", "X's reaction to Y", "the reaction of X to Y"."""
    possessive = (rf"^(?:{_EN_REQUEST}\s+)?(?:(?:what|how)\s+(?:is|was|were|are|has been"
                  rf"|had been)\s+)?"
                  rf"(?P<person>.+?)(?:'s|s')\s+(?:(?:{_EN_ADJ})\s+)?"
                  rf"(?:{_alternation(_EN_NOUNS, inflect=False)})"
                  rf"(?:\s+(?P<prep>{_EN_PREP}|{_EN_CLAUSE})\s+(?P<topic>.+))?$")
    of_noun = (rf"^(?:{_EN_REQUEST}\s+)?(?:what\s+(?:is|was|were|are)\s+)?the\s+"
               rf"(?:(?:{_EN_ADJ})\s+)?"
               rf"(?:{_alternation(_EN_OF_NOUNS, inflect=False)})\s+(?:of|from|by)\s+"
               rf"(?P<person>.+?)(?:\s+(?:{_EN_PREP})\s+(?P<topic>.+))?$")
    match = re.match(possessive, text, _I) or re.match(of_noun, text, _I)
    if not match:
        return None
    person = _CONTENT_OF.sub("", match["person"])  # "the content of Jokowi's speech"
    return _said(_clean_person(person), match["topic"] or "", "en")


_CONTENT_OF = re.compile(r"^(?:the\s+)?(?:content|contents|gist|substance|text|essence|thrust"
                         r"|main\s+points?|points?|key\s+points?)\s+of\s+", _I)


@_when(rf"^(?:who\s+|which\s+(?P<desc>(?:[\w'-]+\s+){{1,3}}?))(?:(?:else|all)\s+)?"
      rf"(?:(?:has|have|had)\s+)?(?:{_alternation(_EN_WHO, inflect=False)})"
      rf"(?=\s|$)(?P<rest>.*)$")
def _en_who(match: re.Match[str]) -> SaidQuery | None:
    """ "Who commented on Y?", "Who said Y", "Which officials criticised Y?"."""
    desc = (match["desc"] or "").strip() or None
    return SaidQuery("who", desc, _clean_topic(match["rest"], _EN_PREP), "en")


_ACCORDING_TO = r"(?P<lead>according to|menurut)"
# The question after "According to X" without a comma: "According to BMKG what caused Y".
_QUESTION_START = ("what|how|why|who|when|where|which|whose|is|are|was|were|did|does|do|can|will"
                   "|should|apa|apakah|bagaimana|mengapa|kenapa|siapa|kapan|berapa|di mana"
                   "|dimana|benarkah")
_ACCORDING_FORMS = tuple(re.compile(pattern, _I) for pattern in (
    rf"^(?P<pre>[^,]{{1,30}}),\s+{_ACCORDING_TO}\s+(?P<person>[^,]+),\s*(?P<topic>.+)$",
    rf"^{_ACCORDING_TO}\s+(?P<person>[^,]+),\s*(?P<topic>.+)$",
    rf"^{_ACCORDING_TO}\s+(?P<person>[^,]+?)\s+(?P<topic>(?:{_QUESTION_START})\b.+)$",
    rf"^(?P<topic>.+?),?\s+{_ACCORDING_TO}\s+(?P<person>.+)$",
))


def _according(text: str) -> SaidQuery | None:
    """ "According to X, Y?", "Y, according to X?", "Menurut X, Y?", "Y, menurut X?",
    "What, according to X, caused Y?", "According to X what caused Y?"."""
    for form in _ACCORDING_FORMS:
        match = form.match(text)
        if not match:
            continue
        language: Language = "en" if match["lead"].lower() == "according to" else "id"
        person = _clean_person(match["person"])
        if person and language == "id" and _has_id_verb(person):
            continue
        topic = f"{match.groupdict().get('pre') or ''} {match['topic']}".strip(" ,")
        if person and len(topic.split()) >= 2:
            return SaidQuery("said", person, topic, language)
    return None


def _is_role_word(word: str) -> bool:
    return is_role(word)


def _split_id_person(rest: str) -> tuple[str, str]:
    """Split "Kompol Bobby soal tindakan polisi" at the first topic preposition or verb, or
    at a lower-case word right after a name ("Ahok mundur dari Gerindra": a root verb; an
    Indonesian role comes before the name, "Ketua umum PSSI")."""
    words = rest.split()
    for i, word in enumerate(words[1:], 1):
        if word.lower().strip(",") in _ID_BOUNDARY or _is_id_verb(word) \
                or _from_place(word, words[i + 1:], rest) or _after_name(words[i - 1], word):
            return " ".join(words[:i]), " ".join(words[i:])
    return rest, ""


# Lower-case words inside a name ("Muhammad bin Salman", "Rafael van der Vaart").
# Function words go on with a name's phrase ("Kepala Pusat Data dan Informasi BNPB",
# "Yustinus Prastowo dari DJP", "X selaku ketua"): the other parsers place them.
_PARTICLES = frozenset(_words("bin|binti|van|von|der|den|de|da|di|del|dos|al|el|ibn|ben"))
_NAME_PARTICLES = _PARTICLES | frozenset(_words("dan|atau|serta|dari|yang|ke|untuk|kepada|pada"
                                                "|dengan|selaku|sebagai|juga|pun|sendiri|saat"
                                                "|ketika"))
# The particles alone, for a why-question's subject; not the Indonesian words among them
# ("di" is a place's, "Anies di Jakarta"; "da" as spoken Indonesian).
_SUBJECT_PARTICLES = _PARTICLES - {"di", "da"}


def _after_name(previous: str, word: str) -> bool:
    """`word` is lower-case and follows a capitalised word that is neither a role nor an
    acronym (a name), and is itself no role, name particle nor function word."""
    prev = previous.strip(",;:'\"")
    return (word.islower() and prev[:1].isupper() and not _is_acronym(prev)
            and not _is_role_word(prev.lower()) and not _is_role_word(word.lower())
            and word.lower() not in _NAME_PARTICLES)


def _from_place(word: str, following: list[str], text: str) -> bool:
    """ "Ahmad Dhani dari balik penjara": "dari" before a lower-case word starts the setting;
    before a name it is the person's own ("pengamat dari LIPI")."""
    return (word.lower() == "dari" and bool(following) and following[0].islower()
            and not text.islower())


def _id_split_said(rest: str, *, ambiguous: bool = False) -> SaidQuery | None:
    """Person and topic of "Kompol Bobby soal …"; `ambiguous` nouns need a speaker-like person."""
    person, topic = _split_id_person(_ID_NOUN_ADJECTIVES.sub("", rest))
    if not person or person.split()[0].lower() in _ID_NOT_PERSON_LEADS | _ID_BOUNDARY:
        return None
    if ambiguous and not _speaker_like(person, topic):
        return None
    return _said(_clean_person(person), _clean_topic(topic, _ID_TOPIC_PREP), "id")


def _speaker_like(person: str, topic: str) -> bool:
    """After a noun that also names things ("alasan banjir", "reaksi kimia"): a capitalised
    name, a role ("pemerintah", "juru bicara"), or a lower-case one before "soal/tentang …"."""
    words = person.split()
    first = words[0]
    if first[0].isupper() or _is_role_word(first.lower()):
        return True
    if len(words) > 1 and words[1][:1].isupper() and not _is_acronym(words[1]) \
            and not first.lower().endswith("an"):
        return True  # "ekonom Faisal Basri" (not "penutupan Jalan Sudirman")
    return _ID_CORE_PREP.match(topic) is not None


def _id_noun(text: str) -> SaidQuery | None:
    """ "Apa kata/tanggapan/komentar X soal Y", "Bagaimana sikap X terhadap Y", "Kata X soal Y",
    "Apa yang menjadi alasan X …", "Apa isi cuitan X …", "Tanggapan X soal Y?"."""
    nouns = _alternation(_ID_NOUNS + _ID_AMBIGUOUS_NOUNS + _ID_ACT_NOUNS, inflect=False)
    match = re.match(rf"^(?P<wh>(?:apa|apakah|bagaimana|bagaimanakah|seperti apa|ada|adakah)"
                     rf"(?:\s+saja)?"
                     rf"(?:\s+(?:sebenarnya|sebetulnya|sih|persisnya))?"
                     rf"(?:\s+yang\s+(?:menjadi|jadi))?\s+)?"
                     rf"(?:(?:isi|inti|pokok|poin|poin-poin)(?:\s+(?:penting|utama))?\s+)?"
                     rf"(?P<noun>{nouns})(?:nya)?"
                     rf"\s+(?:(?:dari|oleh)\s+)?(?P<rest>.+)$", text, _I)
    if not match or not (match["wh"] or match["noun"].lower() in _ID_NOUNS):
        return None  # a bare noun: "Tanggapan Jokowi soal banjir?", "Kata Ushakov soal Iran?"
    noun = match["noun"].lower()
    ambiguous = noun not in _ID_NOUNS or not match["wh"] and noun != "kata"
    said = _id_split_said(match["rest"], ambiguous=ambiguous)
    if said is None or noun not in _ID_ACT_NOUNS:
        return said
    return _weak(said.person or "", f"{noun} {said.topic}", "id")


@_when(r"^(?:[\w-]+\s+){0,2}?(?:apa|apakah)(?:kah)?(?:\s+saja)?(?P<noun>(?:\s+[\w-]+){0,2}?)"
      r"\s+yang\s+"
      r"(?:(?:telah|sudah|akan|pernah|juga)\s+)?(?P<after>.+)$")
def _id_yang(match: re.Match[str]) -> SaidQuery | None:
    """ "Apa yang dikatakan X tentang Y", "Apa langkah yang disampaikan X", "Apa yang X katakan"."""
    after = match["after"]
    stems = _alternation(_ID_STEMS, inflect=False)
    passive = re.match(rf"^di(?:{stems})(?:nya)?\s+(?P<rest>.+)$", after, _I)
    if passive:
        said = _id_split_said(passive["rest"])
        whom = re.match(r"^(?P<person>.+?)\s+(?:dari|kepada|untuk|bagi)\s+(?P<topic>\S.*)$",
                        said.person if said else "", _I)
        if said and not said.topic and whom:  # "Apa yang diminta X dari DJP": asked of DJP
            return _said(_clean_person(whom["person"]), whom["topic"], "id")
        return said
    noun = (match["noun"] or "").strip()
    deed = re.match(r"^di[a-z]{3,}(?:nya)?\s+(?P<rest>.+)$", after)
    if deed and noun.lower() in _ID_DEED_NOUNS:  # "Apa langkah yang akan ditempuh X terkait Y"
        said = _id_split_said(deed["rest"])
        if said and said.topic and _has_person_word((said.person or "").split()):
            return _weak(said.person or "", f"{noun} {said.topic}", "id")
    return _verb_said(after, _ID_STEMS, "id", max_words=_MAX_BARE_PERSON_WORDS)


# Acts a person announces ("Apa langkah yang ditempuh X soal Y"): their plan, in their words
# when they gave it, else the usual path (`explicit=False`).
_ID_DEED_NOUNS = frozenset(_words("langkah|upaya|tindakan|kebijakan|rencana|solusi|strategi"
                                  "|sanksi|antisipasi|persiapan|langkah-langkah"))


@_when(r"^(?P<lead>bagaimana|seperti apa|apakah|mengapa|kenapa)(?:kah)?\s+"
      r"(?P<after>.+)$")
def _id_verb(match: re.Match[str]) -> SaidQuery | None:
    """ "Bagaimana X menjelaskan Y", "Apakah X pernah berkomentar soal Y", "Mengapa X mengecam",
    "Mengapa X kecewa soal Y"."""
    lead = match["lead"].lower()
    if lead in ("bagaimana", "seperti apa"):
        return _verb_said(match["after"], _ID_HOW, "id")
    if lead == "apakah":
        return _verb_said(match["after"], _ID_SAY + _ID_SAY_MORE, "id")
    after = match["after"]  # the first verb ends the person: "X bilang dia kecewa" says
    found = [q for q in (_feeling(after, _ID_FEEL, r"merasa|begitu|sangat|sampai", "id"),
                         _verb_said(after, _ID_SAY + _ID_SAY_MORE, "id")) if q is not None]
    return min(found, key=lambda q: len(q.person or "")) if found else _id_why_weak(after)


# Words of will and negation that end a subject: "Mengapa X ingin …", "Mengapa X tidak …".
_ID_MODALS = frozenset(_words("ingin|mau|hendak|enggan|ogah|akan|tidak|tak|belum|bersikeras"
                              "|masih|harus|perlu|bisa|dapat|sulit"))


def _id_why_weak(after: str) -> SaidQuery | None:
    """ "Mengapa Kompol Bobby menahan …": their reasons, `explicit=False` (see `_en_why`)."""
    words = after.split()
    for i, word in enumerate(words[1:], 1):
        if _is_id_verb(word) or word.lower() in _ID_BOUNDARY or word.lower() in _ID_MODALS:
            person = _clean_person(" ".join(words[:i]))
            subject_like = person and all(_subject_word(w, "") for w in person.split())
            return _weak(person, " ".join(words[i:]), "id") if subject_like else None
    return None


@_when(r"^(?P<person>.+?)\s+(?:bilang|berkata|ngomong|bicara|berbicara|mengatakan|menyebut|menjawab"
      r"|menyampaikan|menjelaskan|berkomentar|berpesan|berjanji|mengaku|menulis|menegaskan"
      r"|mengungkapkan|menanggapi|menjanjikan|mengusulkan|menyarankan|meminta)\s+apa\b"
      r"(?P<rest>.*)$")
def _id_bilang_apa(match: re.Match[str]) -> SaidQuery | None:
    """ "X bilang apa soal Y", "X berkata apa tentang Y"."""
    return _said(_clean_person(match["person"]), _clean_topic(match["rest"], _ID_TOPIC_PREP), "id")


@_when(r"^(?P<person>(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*)\s+"
      r"(?P<prep>on|about|regarding|soal|tentang|mengenai|terkait)\s+(?P<topic>\S.*)$")
def _headline(match: re.Match[str]) -> SaidQuery | None:
    """ "Ushakov on Iran?", "Jokowi soal banjir?": a name and a topic, no verb, so
    `explicit=False` ("Attack on Iran" names no speaker and takes the usual path)."""
    person = _clean_person(match["person"])
    first = person.split()[0].lower() if person else ""
    if not person or first in _ID_NOT_PERSON_LEADS or _is_id_verb(first) \
            or match["topic"].split()[0].lower() in _QUESTION_WORDS:
        return None  # "Mengatur tentang apakah …": a verb and a question, not a name
    language: Language = "en" if match["prep"].lower() in ("on", "about", "regarding") else "id"
    return _weak(person, match["topic"], language)


_ID_CHAT_SAY = r"komentar|ngomong(?:in)?|ngomentarin"  # "Siapa yg komentar soal Hamas?"


def _id_who(text: str) -> SaidQuery | None:
    """ "Siapa saja yang berkomentar soal Y", "Siapakah pejabat yang mengatakan bahwa Y"."""
    match = re.match(rf"^siapa(?:kah)?(?:\s+(?:saja|aja)(?:kah)?)?"
                     rf"(?P<desc>(?:\s+(?!(?:yang|yg)\b)\S+){{0,{_MAX_WHO_WORDS}}}?)"
                     rf"\s+(?:yang|yg)\s+(?:(?:telah|sudah|pernah|juga|paling|sempat|lantas)\s+)*"
                     rf"(?:{_alternation(_ID_SAY, inflect=False)}|{_ID_CHAT_SAY})(?=\s|$)"
                     rf"(?P<rest>.*)$", text, _I)
    if not match:
        return None
    desc = re.sub(r"^nama\s+", "", match["desc"].strip(), flags=_I) or None
    return SaidQuery("who", desc, _clean_topic(match["rest"], _ID_TOPIC_PREP), "id")


_PARSERS: tuple[Callable[[str], SaidQuery | None], ...] = (
    _en_who, _id_who, _according, _en_is_it_true, _id_is_it_true, _en_mean, _en_stand, _en_said_by, _en_why, _en_what_made, _id_what_made, _en_wh_did, _en_embedded,
    _quotes_by, _en_how_feeling, _en_how,
    _en_noun_forms, _id_noun, _id_yang, _id_verb, _id_bilang_apa, _en_said_what, _headline)


# "And what about Lindqvist?", "Bagaimana dengan Lindqvist?", "Kalau Lindqvist?": a reply
# to an answer that names another person, or another topic, for the same kind of question.
_FOLLOW_UP = re.compile(
    r"(?:(?:and|but|so|then|dan|lalu|terus|trus|lantas)[ ,]+)?"
    r"(?:(?:what|how)[ ]+about|(?:bagaimana|gimana|gmn)[ ]+(?:dengan|soal)|kalau|kl)[ ]+"
    r"(?P<other>[^?]+?)[ ]*\?*", _I)
# "and Macron?", "dan Retno Marsudi?": a name after a bare "and" asks the same of them (a
# lower-case word after it, "and when?", is no such follow-up)
_AND_NAME = re.compile(r"(?:and|dan|terus|lalu)[ ,]+(?P<other>[^\W\d_][^?]{0,80}?)[ ]*\?+", _I)
_MAX_TOPIC_WORDS_IN_FOLLOW_UP = 12


def _a_name(text: str) -> bool:
    """Every word capitalised (name particles aside), at most five: "Macron", "Retno
    Marsudi", "Ursula von der Leyen"; not "Presiden Putin setuju"."""
    words = text.split()
    return 0 < len(words) <= 5 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _PARTICLES for w in words)


def follow_up_said(question: str, earlier: SaidQuery | None) -> SaidQuery | None:
    """A follow-up to the said or who question `earlier` that names someone else or
    something else: the same topic with the person it names, or (its `alternative`, when
    that is nobody quoted) the earlier person on what it names (for a who question: who
    spoke on it). None for other follow-ups."""
    if earlier is None or not (earlier.kind == "said" and earlier.person
                               or earlier.kind == "who" and earlier.topic):
        return None
    match = _FOLLOW_UP.fullmatch(question.strip())
    if match is None:
        match = _AND_NAME.fullmatch(question.strip())
        if match is None or not _a_name(match.group("other")):
            return None
    other = match.group("other").strip(" ,;:\"'")
    words = other.lower().split()
    if not words or len(words) > _MAX_TOPIC_WORDS_IN_FOLLOW_UP or set(words) <= STOPWORDS:
        return None  # "What about it?": nothing new to ask for
    same_person = replace(earlier, topic=other)  # for a who answer: who spoke on that
    person = _clean_person(other) if other[:1].isupper() else None  # "the sanctions": a topic
    if person is None or not earlier.topic:
        return same_person
    return replace(earlier, kind="said", person=person, explicit=True, alternative=same_person)


def parse_said_question(question: str) -> SaidQuery | None:
    """The statement request in `question`, or None for any other kind of question.

    >>> parse_said_question("What did Ushakov say about Iran?")
    SaidQuery(kind='said', person='Ushakov', topic='Iran', language='en')
    >>> parse_said_question("Siapa wali kota Padang?") is None
    True
    """
    text = _REQUEST_LEAD.sub("", _normalise(question))  # "Jelaskan apa kata X …"
    found = _first_parse(text) if text else None
    lead = _LEADING_CLAUSE.match(text)
    if found is None and lead:  # "Dalam pernyataannya, apa yang disampaikan X?"
        found = _first_parse(lead["rest"])
    return found


# A request around the question: "Summarise what X said", "Tolong carikan komentar X soal Y".
_REQUEST_LEAD = re.compile(
    r"^(?:(?:please|tolong|coba|mohon)\s+)?(?:quote"
    r"|jelaskan|sebutkan|carikan|cari|tunjukkan|tampilkan|berikan|ceritakan|rangkum|ringkas"
    r"|kasih tahu|beri tahu|beritahu)(?:\s+(?:saya|aku|ke saya|kepada saya))?\s+"
    r"|^(?:tolong|mohon)\s+", _I)
_LEADING_CLAUSE = re.compile(r"^[^,]{1,60},\s+(?P<rest>(?:apa|bagaimana|siapa|mengapa|kata|what"
                             r"|how|who|why|did|does)\b.+)$", _I)


def _first_parse(text: str) -> SaidQuery | None:
    for parse in _PARSERS:
        found = parse(text)
        if found:
            return found
    return None
