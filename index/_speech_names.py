"""Speaker noun phrases: split "Menteri Luar Negeri Retno Marsudi" into role and name.

Word lists, not a model: news prose writes a speaker as [role] [name] or as
"role, Name," / "Name, role," appositives. A capitalised word is part of the name
unless it is a known role, organisation, place or function word; the lists only
need the words that sit *between* a role and a name, so they stay short.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from index.names import DEGREES as MATCHER_DEGREES
from index.names import one_edit_apart

__all__ = [
    "EPITHET_HEADS",
    "ME_VERB",
    "NAME_PARTICLES",
    "Mention",
    "article_places",
    "fold",
    "head_last_role_name",
    "is_given_name_role",
    "is_nominalisation",
    "is_pronoun",
    "is_role_word",
    "name_in_run",
    "parse_after_verb",
    "parse_before_verb",
    "starts_with_role_head",
]



def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that head a role ("juru bicara ...", "penasihat ...", "an aide to ...").
ROLE_HEADS = _wordset("""
presiden wakil menteri menlu mendagri menkeu menhan menko ketua kepala direktur dirut direktorat
sekretaris sekjen gubernur wagub bupati walikota wali juru jubir penasihat pelatih kapten duta
dubes perdana raja ratu pangeran kanselir senator anggota komisaris pengacara kuasa hakim jaksa
rektor dekan profesor prof pakar ahli spesialis konsultan dosen praktisi pemerhati pengamat
analis peneliti dokter dr kabid kasubdit kapolri
kapolda kapolres kapolsek kabareskrim panglima pangdam kasad komandan danrem dandim kadis kadiv
kabag kasat kasi kapuspen kabag camat kades manajer ceo coo cfo cto pendiri pemilik ketum jenderal kolonel brigjen irjen
kombes akbp kompol letnan pelaut perwakilan bos ajun iptu ipda aiptu letjen mayjen marsekal laksamana deputi asisten staf
koordinator pemimpin pimpinan ekonom psikolog pemain striker bek gelandang kiper penyanyi aktor
aktris politikus politisi legislator kader pejabat kuasa pengurus kapolrestro kasatreskrim
kasubbag kepolisian humas pelaksana plt plh dirjen kakanwil kajati kajari kapten pilot mantan
calon capres cawapres tokoh pol ayah ibu istri suami adik kakak putra putri paman
wartawan wartawati koresponden jurnalis reporter sopir pengemudi saksi correspondent journalist witness
president vice minister secretary spokesman spokeswoman spokesperson adviser advisor aide chief
head director governor senator ambassador prime chancellor coach manager chairman chairwoman
official officials officer expert analyst lawyer attorney professor general commander leader founder
co-founder cofounder
former deputy mayor judge prosecutor economist researcher
councillor councilor engineer inspector detective sergeant captain commissioner chair chairperson
sheriff superintendent constable lieutenant partner
supir panitia penyelenggara diplomat kuasa pembina pengelola ketua uskup pendeta pastor imam
ulama kiai artis aktivis selebgram trainer instruktur bishop laksma laksda laksdya marsma marsda marsdya danlantamal danlanal
letkol lettu letda pelda serma serka sertu serda kopka kopda koptu praka pratu bripka briptu bripda
aipda brigpol
menpar menpora menhub menaker mensos mendes menkominfo menkopolhukam mendikbud menkes mendag
menag menkumham mentan menperin menristek menristekdikti menpan menpanrb menpupr menlhk
menkop menesdm mensesneg menparekraf wamen wamenlu wamenkeu wapres wakapolri wakapolda
wakapolres wakapolresta kapolresta kapolrestabes kapolrestro kanit kabiro kasubag wabup wawali
dirlantas dirtipikor diresnarkoba dirreskrimum dirreskrimsus dirresnarkoba direskrimum
direskrimsus kakorlantas kabaharkam kasal kasau pangkostrad danpaspampres kadispen kapendam
""")
# Ordinary people described by what they are in the story ("Sulaeman, warga Cidahu, mengatakan",
# "Budi, seorang pedagang, menuturkan"): an appositive role's head, as an office is. Not
# before a name: "warga Cidahu" is where they live.
LAY_HEADS = _wordset("""
warga penduduk pedagang petani nelayan mahasiswa mahasiswi siswa siswi pelajar guru karyawan
karyawati pegawai buruh pekerja penumpang pengunjung korban relawan pendukung penggemar
pelanggan pembeli konsumen tetangga kerabat sahabat
resident student teacher worker passenger visitor victim volunteer supporter farmer fisherman
""")
# Heads that describe a person only as an epithet ("pelantun lagu 'Keep Being You' tersebut",
# "mantan pasangan Jennifer Garner itu"), never as an office; opening a run before a name they
# are no part of it ("Presenter Jimmy Kimmel", "Pebalap Ferrari Sebastian Vettel").
EPITHET_HEADS = frozenset(["pelantun", "pemeran", "pasangan", "kekasih", "biduan", "biduanita",
                            "pelakon", "pengusaha", "pemenang", "peraih", "juara", "atlet",
                            "pebalap", "pembalap", "petenis", "pegolf", "perenang", "pelari",
                            "petinju", "pesepakbola", "penyerang", "bintang", "legenda",
                            "pahlawan", "musisi", "penulis", "sutradara", "komedian",
                            "presenter", "vokalis", "gitaris", "rapper", "pedangdut",
                            "pesinetron", "selebritas", "selebriti", "superstar", "komika",
                            "pelawak", "desainer", "perancang", "koreografer", "produser",
                            "penari", "pianis", "drummer", "bassis", "youtuber", "vlogger",
                            "pebulutangkis", "pebasket", "pegulat", "fotografer", "seniman",
                            "budayawan", "sastrawan", "novelis", "penyair", "komposer",
                            "pemusik", "penyiar"])
# Corps marks written after an Indonesian military rank ("Letkol Czi Dwi Bima Nurahmat",
# "Kolonel Inf …"): part of the rank, never a name word.
CORPS_MARKS = _wordset("czi inf kav arm arh chb cpm cba cku ckm cpl cpn ckh pnb")

# Capitalised words that belong to roles and organisations, not to names.
ORG_WORDS = _wordset("""
kementerian kemenkominfo kemkominfo kominfo setjen sekretariat ditjen dinas balai biro pusat ikatan departemen kemenlu kemlu kemendagri kemenkeu kemenhub kemenkes badan dewan komisi partai
pemerintah pihak kepolisian polisi polda polres polsek polri kejaksaan kejati kejari pengadilan
mahkamah tni kpk dpr dprd mpr pbb bnpb bpk bpom bps ojk bi kremlin istana pentagon gedung putih
universitas institut perusahaan pt bank luar negeri dalam keuangan pertahanan perhubungan
perdagangan kesehatan pendidikan agama hukum ham nasional umum rakyat daerah perwakilan agung kebudayaan komunikasi informatika ketenagakerjaan
tinggi besar pemberantasan korupsi republik persatuan bangsa perserikatan kabupaten kota
provinsi metro jaya reserse kriminal khusus narkoba lalu lintas humas bidang bagian divisi
urusan informasi hubungan masyarakat kebijakan keamanan militer angkatan darat laut udara
federasi asosiasi liga klub tim timnas kantor lembaga organisasi kerajaan uni serikat
negara golkar pdip pdi perjuangan demokrat gerindra nasdem pks pkb ppp pan hanura
ministry government police department office house agency committee council military army
party union federation foreign affairs state defence defense interior justice national
white kremlin
indonesia jakarta cina amerika as korea selatan utara barat timur tengah rusia china tiongkok
jepang inggris prancis perancis jerman israel palestina iran suriah arab saudi myanmar
bangladesh eropa asia asean ukraina turki india malaysia singapura filipina australia
jawa bali sumatera kalimantan sulawesi papua bandung surabaya yogyakarta
aceh riau jambi bengkulu lampung banten gorontalo maluku tenggara kepri jabar jateng jatim diy
dki sumut sumbar sumsel kalbar kalteng kalsel kaltim kaltara sulut sulteng sulsel sultra sulbar
america american united states us uk britain british russia russian chinese european korean
north south east west french german israeli iranian syrian japan japanese
anglikan katolik protestan muslim islam kristen hindu buddha
eksekutif utama harian senior tertinggi khusus tbk persero airlines airline airways air group grup inc corp ltd corporation
securities sekuritas
holdings foundation institute university fc city club news media tv times post
bicara bersenjata olahraga pariwisata pertanian perindustrian energi sumber daya mineral riset
teknologi tenaga kerja sosial lingkungan kehutanan kelautan perikanan koperasi bumn perumahan
pemuda komite koni koi korut korsel rs rsud rsup puskesmas sekolah kabinet staf presidensial
new york washington london paris beijing moskow moscow tokyo seoul pyongyang jenewa geneva
brussel brussels canberra bangkok manila hanoi yerusalem jerusalem gaza ankara teheran tehran
kairo cairo riyadh doha dubai delhi islamabad kabul sydney hongkong taiwan vietnam thailand
kamboja brunei mesir yordania lebanon irak iraq afghanistan pakistan venezuela meksiko mexico
brasil brazil argentina kanada canada spanyol spain italia italy belanda swiss swedia yunani
afrika nigeria hak asasi manusia agensi label
majelis konstitusi mahkota tunggal madya pers
executive managing ventures division
""")

# Short names of ministries and local governments ("Kemenpar Nia Niscaya", "Pemkot Bima"):
# organisation words that, alone before a name, are still the person's role.
MINISTRY_SHORT = _wordset("""
kemenpar kemenperin kemendikbud kemenpora kemenkumham kemenag kemenaker kemensos kemendag
kemenristekdikti kemenpan kemenpupr kemenkop kemendes kementan kemenko kemenkopolhukam pemkot
pemprov pemkab dishub disdik dinkes
""")
ORG_WORDS = ORG_WORDS | MINISTRY_SHORT

# Words that open an organisation's name: what follows them is the organisation, not a person.
ORG_HEADS = _wordset("""
badan komisi kementerian dinas direktorat lembaga balai dewan asosiasi ikatan kantor biro pusat
bagian divisi departemen ministry department office agency
""")

# Capitalised words that start sentences or clauses but are never names.
FUNCTION_WORDS = _wordset("""
namun sementara selain dalam di ke dari pada saat ketika setelah sebelum menurut kemudian lalu
bahkan meski meskipun tetapi tapi adapun sedangkan oleh karena jika bila kalau ya hal ini itu
kami saya kita mereka ia dia beliau pihaknya anda sebab justru ternyata rupanya sejak hingga sampai usai seusai untuk
dengan tak tidak juga pun sendiri selanjutnya sebelumnya lebih terkait soal mengenai tentang
sedang masih telah sudah akan pernah sempat lantas maka jadi the a an but and however
meanwhile in on at when after before also he she they it we his her their this that yet
while as so if then earlier later separately still bagi atas apalagi walau walaupun agar supaya
seperti yakni yaitu tanpa kini nah kata terpisah senada padahal kepada bagaimanapun kendati
melalui lewat sambil seraya sembari selagi tatkala selama semenjak sesudah apabila seandainya
minggu senin selasa rabu kamis jumat sabtu monday tuesday wednesday thursday friday saturday
sunday januari februari maret april mei juni juli agustus september oktober november desember
disebut disebutkan dikatakan dijelaskan ditambahkan diungkapkan ditegaskan dituturkan
diterangkan disampaikan dihubungi ditemui dikonfirmasi diwawancarai
""")

# Lowercase words inside names ("Kevin de Bruyne", "Robin van Persie").
NAME_PARTICLES = frozenset(["de", "van", "von", "der", "den", "bin", "binti", "al", "da", "dos", "del",
                            "du", "le", "ibn"])
PRONOUNS = frozenset(["ia", "dia", "beliau", "he", "she"])
# Things that "say" in prose but are not speakers: documents, data, media.
NON_SPEAKERS = _wordset("""
laporan data survei studi penelitian riset hasil dokumen surat pernyataan keterangan situs laman
media berita artikel undang-undang aturan peraturan keputusan angka catatan rilis analisis
sumber video foto gambar akun unggahan cuitan report study survey statement document website
poll figures records sources source video
""")
# Honorifics before a name ("dr. I Gusti Ngurah Rai"): neither name nor role, left out of both.
TITLES = frozenset(["dr.", "dr", "prof.", "prof", "h.", "hj.", "kh", "kh.", "k.h.", "ir.", "drs.",
                    "dra.", "mr.", "mrs.", "ms.", "ustad", "ustadz", "ustaz", "uztad", "habib",
                    "syekh", "sheikh"])
# Academic degrees after a name ("I Gusti Ngurah Rai MM", "Budi Santoso, S.H."), compared
# without dots; left out of the name. "MD" is not here: "Mahfud MD" is a name. The name
# matcher's degrees (`index.names.DEGREES`) and a few more; "ma" stays out of the matcher's,
# where an asked "Jack Ma" would lose its surname.
DEGREES = MATCHER_DEGREES | _wordset("ma sked skm spog mkom llm mph")

ARTICLES = frozenset(["a", "an", "the"])

# "SpA(K)": a specialist's title keeps its bracketed letter.
_WORD = re.compile(r"[^\W\d_]+(?:[ ]-[ ][^\W\d_]+)+"
                   r"|\(?[^\s,;:()\"“”]+(?:\([A-Z]\)|\)?)(?:[ ]-[ ][a-z][^\s,;:()\"“”]*)*")
# Words that end a speaker phrase after a verb ("kata Saut seusai ...", "said Ushakov in ...").
_STOP_AFTER = _wordset("""
kepada di saat ketika seusai usai selepas dalam pada seperti yang dan dengan dari melalui lewat terkait
soal mengenai tentang sebelum setelah kemarin sembari sambil menanggapi menjawab beberapa
to in at on during after before when while as from via who which about and
""")
# A lower-case me- verb ("menyatakan"): "menteri" and "mendiang" are no verbs.
ME_VERB = r"me(?!nteri\b|ndiang\b)[a-z]{4,}"
# A lower-case active verb ends a speaker after "kata"/"ujar", even after a role head whose
# lower-case words run on ("kata juru bicara kepolisian …"): "ujar Menteri Budi menambahkan".
_ACTIVE_VERB = re.compile(rf"(?:{ME_VERB}|ber[a-z]{{4,}})")
# Lowercase time/place fillers allowed between a subject and its verb.
_ADVERBS = _wordset("""
juga pun kemudian lalu lantas sebelumnya sendiri pernah sempat telah sudah justru bahkan malah
lebih dulu kembali kemarin tetap langsung akhirnya turut kerap sering acap also had has have then later earlier
previously
""")
# "dengan bangga", "secara terbuka": a manner between a subject and its verb.
_MANNER = frozenset(["dengan", "secara"])
# "Senada dengan itu, X mengatakan": "dengan" and its object, no manner of speaking.
_NOT_MANNER = _wordset("itu ini tersebut ia dia mereka kami saya kita beliau")
_DEGREE_WORDS = frozenset(["tidak", "tak", "sangat", "cukup", "lebih", "begitu", "amat"])
_ROLE_OR_ORG = ROLE_HEADS | ORG_WORDS
# Words after which a capitalised word names a town, not a person ("Wali Kota Solo Gibran …").
_TOWNS = frozenset(["kota", "kabupaten", "provinsi", "city", "county"])
# Areas below a town, whose one-word name comes before a person's in a role's run.
_VILLAGE_HEADS = frozenset(["desa", "kelurahan", "kecamatan", "dusun", "kampung"])
# Lowercase words that open a clause before its subject ("Sementara itu Guterres mengatakan").
_CLAUSE_OPENERS = _wordset("itu ini namun kemudian lalu bahkan tetapi tapi sedangkan adapun maka")
# Role words that are also given names ("Raja Parlindungan Pane", "Putri Ayu").
_GIVEN_NAME_ROLES = frozenset(["raja", "ratu", "putra", "putri"])
# Role words that Indonesian names also hold after a given name ("Lukman Hakim Saifuddin",
# "Bambang Putra Wijaya", "Herlambang Perdana Wiratman").
# ("Raja" and "Ratu" more often open a name: "gubernur Banten Ratu Atut Chosiyah".)
_INNER_NAME_ROLES = frozenset(["hakim", "jaksa", "perdana", "putra", "putri"])
# A capitalised nominalisation, ke-…-an or pe(r)-…-an ("Keinginan", "Kehadiran", "Peringatan",
# "Kemaritiman"): a common noun or an office word, never a name word ("Kerrigan", "Kellerman"
# double a consonant, which these seldom do).
_NOMINALISATION = re.compile(r"(?:Ke|Pe)[a-z]{4,}an")
_DOUBLE_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1")
# Longest name and role looked at: longer runs of capitalised words are not one person.
_MAX_NAME_WORDS = 4
_MAX_ROLE_WORDS = 14
_RELATIVE = frozenset(["yang", "who", "which", "that"])
_PLACE_PREPOSITIONS = frozenset(["di", "pada", "dalam", "kepada", "usai", "seusai", "saat", "kala",
                                 "in", "at"])
# A comma-separated aside that is no speaker: a date or place ("Rabu (19/10)", "di Jakarta"),
# a relative clause ("yang berada di …"), a channel ("melalui akun Twitternya") or the
# medium quoted ("Dilansir Reuters", "Mengutip ZDnet").
_DATEISH = re.compile(r"(?:\w+\s*\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)|(?:pada|di|kemarin|usai|seusai|saat"
                      r"|ketika|yang|melalui|lewat|kepada|sapaan|panggilan|who|which|through|via)\b)",
                      re.IGNORECASE)
# "Dilansir Reuters", "seperti dikutip dari detikcom": the medium quoted, a whole segment.
_MEDIUM_QUOTED = re.compile(r"(?:[Ss]eperti\s+)?(?:[Dd]ilansir|[Dd]ikutip|[Mm]engutip|[Mm]elansir"
                            r"|[Mm]enukil)(?:\s+dari)?(?:\s+(?!(?:ia|dia|beliau|mereka)\b)[\w.@-]+){1,4}")
# A comma-separated time aside between a subject and its verb ("Kepala BPS Suhariyanto, hari
# ini, mengatakan", "… di Denpasar, Sabtu, mengatakan"), or adverbs alone (", bahkan pernah,").
_TIME_ASIDE = re.compile(r"(?:(?:pada\s+)?(?:hari\s+)?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu"
                         r"|Minggu)(?:\s*\([^()]{1,12}\))?(?:\s+(?:pagi|siang|sore|malam|lalu))?"
                         r"|hari\s+ini|kemarin|tadi(?:\s+(?:pagi|siang|sore|malam))?"
                         r"|(?:pagi|siang|sore|malam)\s+ini)", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A speaker as written: `name` (may be empty for role-only), `role`, and its span.

    `head` is set for a description ("pengacara tersebut"): its folded head noun, to be
    matched to an earlier speaker's role; `definite` when "itu"/"tersebut"/"sang" marks it.
    `unknown`: a speaker named through someone else ("kuasa hukum Axel"): no statement, and
    a following "katanya" must not go to an earlier speaker.
    """

    name: str
    role: str | None
    start: int
    end: int
    pronoun: bool = False
    organisation: bool = False
    role_only: bool = False
    head: str | None = None
    definite: bool = False
    unknown: bool = False  # someone speaks who cannot be named ("kuasa hukum Axel")
    continued: bool = False  # a quote paragraph going on from the previous statement's speaker
    nickname: str | None = None  # written in quotes inside the name ("Hendrik “Acheo” Lyanto")
    statement_words: bool = False  # "bunyi pernyataan itu": the words of whoever issued it
    aside: bool = False  # a body's view in passing: no speaker for the next "katanya"
    anonymous: bool = False  # unknown: someone the text leaves unnamed ("seorang musisi")
    loose: bool = False  # a description no "itu" closes ("sang gelandang Italia kepada Goal")


_ARABIC_PARTICLE = re.compile(r"(?:al|el|ad|as|ar|at|az)-[A-Z]")
_HYPHEN = re.compile(r"\s*-\s*")


def fold(value: str) -> str:
    """Case- and diacritic-insensitive form of a name, hyphen spacing removed."""
    if value.isascii():
        plain = value.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", value)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    if "-" in plain:
        plain = _HYPHEN.sub("-", plain)
    return " ".join(plain.split())


_PLACE_CUE = re.compile(r"\b(di|ke|dari|asal|of|in|at|from|klub|kota|negara|pemerintah|aplikasi"
                        r"|perusahaan|provinsi|kabupaten)\s+([A-Z][\w'’]*(?:[ ][A-Z][\w'’]*){0,3})")


def article_places(text: str) -> frozenset[str]:
    """Capitalised runs the article puts after "di/ke/dari/of/in/…": places and bodies.

    One word after "dari" that the article also writes before another capitalised word, not
    in capitals (as "PBB" is), is a person's first name ("tanggapan dari Maia" and "musisi Maia Estianty"), not a place."""
    places, from_words = set(), set()
    for match in _PLACE_CUE.finditer(text):
        word = match.group(2)
        if match.group(1) in ("dari", "from") and " " not in word and word[1:].islower():
            from_words.add(match.group(2))
        else:
            places.add(fold(match.group(2)))
    if from_words:
        first_names = {m.group(1) for m in _CAPITALISED_PAIR.finditer(text)}
        places.update(fold(word) for word in from_words - first_names)
    # "Gunung Tambora", "Pulau Sumbawa": the word a geographic head names is a place wherever
    # the article writes it ("Kepala Balai Taman Nasional Tambora Budi Kurniawan")
    places.update(fold(m.group(1)) for m in _GEOGRAPHIC.finditer(text))
    # "di Provinsi Jambi": Jambi is a place too ("Gubernur Jambi Zumi Zola")
    places.update([place.split(" ", 1)[1] for place in places
                   if " " in place and place.split(" ", 1)[0] in _TOWNS])
    return frozenset(places)


_GEOGRAPHIC = re.compile(r"\b(?:Gunung|Pegunungan|Pulau|Kepulauan|Danau|Selat|Sungai|Teluk"
                         r"|Tanjung|Pantai|Mount|Lake|Island)\s+([A-Z][a-z][\w'’]*)")
_CAPITALISED_PAIR = re.compile(r"\b([A-Z][\w'’]*)[ ](?=[A-Z][a-z])")


def is_pronoun(word: str) -> bool:
    return word.casefold() in PRONOUNS


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word spans in text[start:end]; "Jae - in" is one word."""
    spans = []
    for match in _WORD.finditer(text, start, end):
        s, e = match.span()
        # A sentence-final period is not part of the word; initials ("J.") and titles keep it.
        while e - s > 2 and text[e - 1] in ".!?" and text[s:e].casefold() not in TITLES:
            e -= 1
        if e - s > 2 and text[e - 1] in "'’":
            e -= 1  # "‘nama asli Jamie Foxx’": a closing single quote
        spans.append((s, e))
    return spans


@lru_cache(maxsize=8192)
def is_nominalisation(word: str) -> bool:
    """"Keinginan", "Peringatan", "Kemaritiman": a ke-…-an or pe(r)-…-an noun."""
    return _NOMINALISATION.fullmatch(word) is not None and _DOUBLE_CONSONANT.search(word) is None


def _key(word: str) -> str:
    return word.casefold().strip(".'’()").replace(" - ", "-")  # "Co - Founder": "co-founder"


def _is_name_word(word: str) -> bool:
    key = _key(word)
    if word[:1] == "(" or word[-1:] == ")":
        return False  # "(Aptindo)": an acronym gloss
    if _ARABIC_PARTICLE.match(word):
        return True  # "Munther al-Fadhal"
    if len(key) > 5 and key.endswith("nya"):
        return False  # "Ukurannya", "Pihaknya": a noun with a possessive, not a name
    if is_nominalisation(word) or _ABSTRACT_NOUN.fullmatch(word):
        return False  # "Keinginan Joe Taslim", "Menko Kemaritiman Luhut": no name word
    if not word[:1].isupper() or key in FUNCTION_WORDS or key in ORG_WORDS or key in ROLE_HEADS \
            or key in CORPS_MARKS:
        return False
    if len(word) == 2 and word[1] == ".":
        return True  # "Kuswara S. Taryono": a middle initial
    return not (len(word) > 1 and word.isupper())


# Lowercase words inside a role ("Duta Besar Korea Utara untuk PBB", "Secretary of State").
_ROLE_LINKS = frozenset(["untuk", "bidang", "urusan", "of", "for"])
# After these, a role head starts whom the role serves ("Penasihat untuk Presiden X").
_SERVES = frozenset(["untuk", "of", "for"])
# Heads that name someone by their tie to another ("kuasa hukum Setya Novanto", "istri Budi").
# Kin words: whatever their case, the name after them is the relative's ("Ibu", "Anak" and
# "Putri" are left out: also an honorific and parts of names, "Anak Agung Gede").
_KIN = _wordset("""
istri suami ayah adik kakak paman keluarga kerabat wife husband son daughter father mother
brother sister
""")
# Groups named after their leader: "pemerintahan Benjamin Netanyahu" speaks, not Netanyahu.
_BODIES_OF = _wordset("""
pemerintah pemerintahan rezim kubu kabinet kantor tim pendukung kelompok pihak
government administration regime camp team office supporters
""")
_RELATIONAL = _wordset("""
juru bicara jubir pengacara kuasa hukum ajudan asisten staf sekretaris istri suami anak ayah
ibu adik kakak putra putri paman keluarga kerabat rekan perwakilan lawyer attorney spokesman spokeswoman
spokesperson aide wife husband son daughter father mother brother sister
""")


def _is_role_word(word: str) -> bool:
    key = _key(word)
    return (key in ROLE_HEADS or key in ORG_WORDS or key in _ROLE_LINKS
            or (word[:1].isupper() and key not in FUNCTION_WORDS))


def _name_start(text: str, words: list[tuple[int, int]]) -> int:
    """Index in `words` where the trailing run of name words begins."""
    i = len(words)
    while i > max(0, len(words) - _MAX_NAME_WORDS - 2):
        word = text[words[i - 1][0]:words[i - 1][1]]
        inner = (word in NAME_PARTICLES and i >= 2 and i < len(words)
                 and _is_name_word(text[words[i - 2][0]:words[i - 2][1]]))
        if not (_is_name_word(word) or inner or _month_in_name(text, words, i - 1)):
            break
        i -= 1
    # A trailing acronym after a name ("Mahfud MD") belongs to the name.
    if i == len(words) and len(words) >= 2:
        last = text[words[-1][0]:words[-1][1]]
        if last.isupper() and _is_name_word(text[words[-2][0]:words[-2][1]]):
            i = len(words) - 1
            while i > 0 and _is_name_word(text[words[i - 1][0]:words[i - 1][1]]):
                i -= 1
    return max(i, len(words) - _MAX_NAME_WORDS)


def _unit_number(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """The number of a neighbourhood unit in an office: "Ketua RT 05", "Ketua RW 02"."""
    return k >= 1 and text[words[k][0]:words[k][1]].isdigit() \
        and _key(text[words[k - 1][0]:words[k - 1][1]]) in _NEIGHBOURHOODS


_NEIGHBOURHOODS = frozenset(["rt", "rw"])


# A month that is a name word after a given name ("Tien Mei"), unless a date goes on.
_NAME_MONTHS = frozenset(["mei", "juni", "april"])
_DATE_GOES_ON = re.compile(r"[^\S\n]*(?:\d|(?:lalu|mendatang|nanti|ini|depan|tahun|silam)\b)")


def _month_in_name(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """"kata Pelatih Elektrik, Tien Mei kepada …": "Mei" after "Tien" is her name, where
    "Mei 2017" or "Mei lalu" is a date."""
    start, end = words[k]
    return (k >= 1 and _key(text[start:end]) in _NAME_MONTHS and text[start].isupper()
            and _is_name_word(text[words[k - 1][0]:words[k - 1][1]])
            and not _DATE_GOES_ON.match(text, end))


def _skip_places(text: str, words: list[tuple[int, int]], i: int, places: frozenset[str]) -> int:
    """Move the name start past leading runs the article uses as places ("Real Madrid")."""
    moved = True
    while moved:
        moved = False
        for k in range(len(words) - 1, i, -1):
            if fold(text[words[i][0]:words[k - 1][1]]) in places:
                i, moved = k, True
                break
    return i


def is_degree(word: str) -> bool:
    """"MM", "S.H.", "M.Si": an academic degree written after a name ("Ma" is a name)."""
    if _SPECIALIST.fullmatch(word) or _CONSULTANT.fullmatch(word):
        return True  # "dr Fitria Amalia, SpKK": a medical specialist's title
    if not word[:1].isupper() or (len(word) > 1 and word == word.capitalize()):
        return False
    return word.replace(".", "").casefold() in DEGREES


# Indonesian medical specialist titles: "SpKK", "Sp.PD", "SpTHT-KL".
_SPECIALIST = re.compile(r"Sp\.?[A-Z][A-Za-z]{0,4}(?:-[A-Z]{1,4})?(?:\([A-Z]\))?")
# "Sp. A(K)": the field and consultant mark of a specialist's title written apart.
_CONSULTANT = re.compile(r"[A-Z][A-Za-z]{0,4}(?:-[A-Z]{1,4})?\([A-Z]\)")


def _is_title(word: str) -> bool:
    return word.casefold() in TITLES or word.casefold() + "." in TITLES


def _split_role_name(text: str, words: list[tuple[int, int]],
                     places: frozenset[str] = frozenset()) -> Mention | None:
    """[role words] + [title] + [name words] + [degrees] from the right end of `words`.

    `places` holds words the article uses as places or organisations ("di Poso", "ke
    Madrid"): they start a name only when nothing else is left ("tokoh Poso Rizal ...").
    Titles and degrees ("dr.", "MM") belong to neither the name nor the role.
    """
    while len(words) >= 2 and is_degree(text[words[-1][0]:words[-1][1]]):
        words = words[:-1]
    if len(words) >= 3 and _key(text[words[0][0]:words[0][1]]) in EPITHET_HEADS - _PARTNERS \
            and text[words[0][0]:words[0][1]].istitle():
        return _after_epithet(text, words, places)
    i = _name_start(text, words)
    i = _skip_places(text, words, i, places)
    i = _name_word_after_organisation(text, words, i)
    i = _sasak_given_name(text, words, i)
    i = _office_word_as_name(text, words, i)
    i = _given_name_before_role_word(text, words, i, places)
    if 1 <= i < len(words) and text.startswith("Pe", words[i - 1][0]) \
            and is_nominalisation(text[words[i - 1][0]:words[i - 1][1]]) \
            and _key(text[words[i - 1][0]:words[i - 1][1]]) not in ORG_WORDS:
        # (an office of its own, "Menteri Perhubungan Budi Karya Sumadi", takes no object)
        if len(words) - i == 1:
            return None  # "Pusat Pengendalian Penyakit": what the office deals in, nobody
        if len(words) - i == 2 and _key(text[words[0][0]:words[0][1]]) in _DOING_BODIES \
                and not any(_key(text[s:e]) in ROLE_HEADS for s, e in words[:i]):
            return _organisation(text, words)  # "Organisasi Pelarangan Senjata Kimia"
        if len(words) - i >= 3:
            i += 1  # "Kepala Badan Koordinasi Penanaman Modal Thomas Lembong": its object
    if len(words) - i >= 3 and _key(text[words[i][0]:words[i][1]]) in _VILLAGE_HEADS \
            and _key(text[words[i + 1][0]:words[i + 1][1]]) not in ORG_WORDS:
        i += 2  # "Kepala Desa Cidahu Opi Novianti": the village is the office's
    elif len(words) - i >= 3 and i > 0 and _key(text[words[i - 1][0]:words[i - 1][1]]) \
            in _VILLAGE_HEADS and _key(text[words[i][0]:words[i][1]]) not in ORG_WORDS:
        i += 1  # "(warga) Kecamatan Citamiang Opi Novianti"
    while i < len(words) - 1 and _is_title(text[words[i][0]:words[i][1]]):
        i += 1  # "Uztad Darwis Waru": a title the name run took in
    j = i
    while j > 0 and _is_title(text[words[j - 1][0]:words[j - 1][1]]):
        j -= 1
    titles = j
    while j > max(0, i - _MAX_ROLE_WORDS) and (_is_role_word(text[words[j - 1][0]:words[j - 1][1]])
                                               or _unit_number(text, words, j - 1)
                                               or _joins_offices(text, words, j - 1)
                                               or _whose_body(text, words, j - 1)
                                               or _office_gloss(text, words, j - 1)):
        j -= 1
    if len(words) - i >= 3 and i > 0 and _key(text[words[i - 1][0]:words[i - 1][1]]) in ORG_HEADS:
        i = len(words) - 2  # "Kepala Badan Karantina Pertanian Syukur Iwantoro"
    elif len(words) - i >= 3 and i > 0 and _key(text[words[i - 1][0]:words[i - 1][1]]) in _TOWNS:
        i += 1  # "Dewan Kota Vancouver Ellen Woodsworth": the town is the office's
    name_words = words[i:]
    # A role needs a head word; stray capitalised words before a name are dropped.
    head = j
    while head < titles and _key(text[words[head][0]:words[head][1]]) not in _ROLE_OR_ORG:
        head += 1
    role_words = words[head:titles] if head < titles else []
    if not any(_key(text[s:e]) in ROLE_HEADS for s, e in role_words) and not (
            len(role_words) == 1 and len(words) - i >= 2
            and _key(text[role_words[0][0]:role_words[0][1]]) in MINISTRY_SHORT
            and not text[:role_words[0][0]].rstrip().endswith(")")):
        role_words = []  # "Amerika Serikat Joe Biden": a place, not a role ("Kemenpar Nia
        # Niscaya": her ministry is)
    if j > 0 and _VERB.match(text[words[j - 1][0]:words[j - 1][1]]):
        return None  # "Ja Song Nam menemui Kepala PBB Jan Beagle meminta …": an object
    if not name_words and not role_words:
        if j > 0 and _depends_on_noun(text[words[j - 1][0]:words[j - 1][1]]):
            return None  # "bendera Brasil", "asal Spanyol": a place, not who speaks
        return _organisation(text, words[j:i] or words)
    if not name_words:
        if not any(text[s].isupper() for s, _ in role_words):
            return None  # "sejumlah pakar": nobody in particular
        # Role only ("Presiden Korea Selatan"): the role is how the article names the speaker.
        return Mention(text[role_words[0][0]:role_words[-1][1]], None, role_words[0][0],
                       role_words[-1][1], role_only=True)
    name = text[name_words[0][0]:name_words[-1][1]]
    if name in ("I", "We"):
        return None
    if len(name_words) == 1 and i > 0 and not role_words and _is_body_opener(text, words[i - 1]):
        first = j if text[words[j][0]].isupper() else i - 1  # not "program kerja Pemkab …"
        return Mention(text[words[first][0]:name_words[-1][1]], None, words[first][0],
                       name_words[-1][1], organisation=True)  # "Bank Jiangsu": a body
    if len(name_words) == 1 and i > 0 and not role_words:
        before = text[words[i - 1][0]:words[i - 1][1]]
        if before[:1].islower() and _key(before) not in ROLE_HEADS | TITLES | _CLAUSE_OPENERS:
            return None  # "penggawa Chelsea", "pemerintah Kanada": a place or club
    if (i > 1 and _opens_relation([_key(text[s:e]) for s, e in words[:2]])
            and all(text[s].islower() for s, _ in words[:i])):
        return Mention("", None, words[0][0], name_words[-1][1], unknown=True)  # "perwakilan
        # properti Michael Jackson": someone who speaks for him
    if i > 0 and not role_words and _key(text[words[i - 1][0]:words[i - 1][1]]) in _BODIES_OF:
        return Mention("", None, words[i - 1][0], name_words[-1][1], unknown=True)
    if role_words and (_name_is_relatum(text, role_words)
                       or _represents_body(text, role_words, name_words)):
        return Mention("", None, role_words[0][0], name_words[-1][1], unknown=True)
    role = text[role_words[0][0]:role_words[-1][1]] if role_words else None
    nickname = _QUOTED_NICKNAME.search(name)
    if nickname is not None and nickname.start() and nickname.end() < len(name):
        # "Hendrik “Acheo” Lyanto": the name without the nickname, known by it too.
        return Mention(f"{name[:nickname.start()]} {name[nickname.end():]}", role,
                       name_words[0][0], name_words[-1][1], nickname=nickname.group(1))
    return Mention(name, role, name_words[0][0], name_words[-1][1])


_QUOTED_NICKNAME = re.compile(r"\s*[“\"‘']([^”\"’']+)[”\"’']\s*")


def _after_epithet(text: str, words: list[tuple[int, int]],
                   places: frozenset[str]) -> Mention | None:
    """"Presenter Jimmy Kimmel", "Pebalap Ferrari Sebastian Vettel": the person named after
    an epithet, which with what the name run left out is their role; with nobody after it
    ("Bintang Real Madrid") the epithet is how the article names them."""
    if _APPOSITIVE_NAME_AFTER.match(text, words[-1][1]) and all(
            text[s].isupper() for s, _ in words):
        # "Bintang Real Madrid, Cristiano Ronaldo, …": the name follows
        return Mention(text[words[0][0]:words[-1][1]], None, words[0][0], words[-1][1],
                       role_only=True)
    found = _split_role_name(text, words[1:], places)
    if found is None or not found.name or found.organisation or found.unknown or found.role_only:
        return None
    return replace(found, role=text[words[0][0]:found.start].rstrip(" ,"))


_APPOSITIVE_NAME_AFTER = re.compile(r",[ ]?[A-Z]")
# Epithets of a tie to whoever is named after them ("Kekasih Raisa", "Pasangan selebriti …").
_PARTNERS = frozenset(["pasangan", "kekasih"])


def _joins_offices(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """"dan" inside one office ("Menteri Kelautan dan Perikanan"), not between two people
    ("Presiden Jokowi dan Menteri …"): office words on both sides, no role head after it."""
    if k < 1 or k + 1 >= len(words) or _key(text[words[k][0]:words[k][1]]) not in ("dan", "and"):
        return False
    before, after = (text[s:e] for s, e in (words[k - 1], words[k + 1]))
    if _key(after) in ROLE_HEADS:
        # "Founder dan CEO Ruangguru Belva Devara": two offices of one person, no name
        # between them; "Presiden Jokowi dan Menteri …" names the first.
        return _key(before) in ROLE_HEADS and before[:1].isupper() == after[:1].isupper()
    if is_nominalisation(before):
        return after.istitle()  # "Kepala Bidang Kedaruratan dan Logistik BPBD Jember …"
    return _office_word(before) and _office_word(after)


def _office_word(word: str) -> bool:
    return (_key(word) in ORG_WORDS or is_nominalisation(word)
            or _ABSTRACT_NOUN.fullmatch(word) is not None)


# "Promosi", "Investasi", "Koordinasi": a capitalised loan noun in -si, the field of an office
# or the subject of a sentence ("Spekulasi mengatakan"), no name word ("Delegasi" is a person).
_ABSTRACT_NOUN = re.compile(r"(?!Delegasi)[A-Z][a-z]{3,}(?:as|os|us|ks|es)i")


def _office_gloss(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """"Kepala Bidang … Badan Penanggulangan Bencana Daerah (BPBD) Jember Heru Widagdo": a
    bracketed short form inside a role is the role's; a last one only as a body's acronym
    ("… Badan Narkotika Nasional (BNN)", but "Presiden Joko Widodo (Jokowi)" glosses him)."""
    word = text[words[k][0]:words[k][1]]
    if word[:1] != "(" or not word[1:2].isupper():
        return False
    if k < len(words) - 1:
        return True
    return (k >= 1 and word.strip("()").isupper()
            and _key(text[words[k - 1][0]:words[k - 1][1]]) in ORG_WORDS)


def _represents_body(text: str, role_words: list[tuple[int, int]],
                     name_words: list[tuple[int, int]]) -> bool:
    """"Perwakilan Alibaba": one word after "Perwakilan" is the body represented, not the
    representative ("Perwakilan Khusus Sekjen PBB Tadamichi Yamamoto" names him)."""
    return (len(role_words) == 1 and len(name_words) == 1
            and _key(text[role_words[0][0]:role_words[0][1]]) == "perwakilan")


def _whose_body(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """"dari" right after a role head ("Perwakilan dari agensi Label SJ"): the body the role
    speaks for follows."""
    return (k >= 1 and _key(text[words[k][0]:words[k][1]]) == "dari"
            and _key(text[words[k - 1][0]:words[k - 1][1]]) in ROLE_HEADS)


# Offices a relational word opens: "asisten pelatih Herrie Setyawan" is the assistant coach.
_OFFICES_OF_RELATIONAL_HEAD = frozenset([("asisten", "pelatih"), ("asisten", "manajer"),
                                         ("sekretaris", "jenderal")])


def _opens_relation(keys: list[str]) -> bool:
    """The role's first word relates its holder to whoever is named next ("kuasa hukum X",
    "asisten X"), unless the first two words are an office of their own ("asisten pelatih")."""
    return bool(keys) and keys[0] in _RELATIONAL and tuple(keys[:2]) not in _OFFICES_OF_RELATIONAL_HEAD


def _name_is_relatum(text: str, role_words: list[tuple[int, int]]) -> bool:
    """"Ketua tim untuk Budi", "Penasihat untuk Presiden Joko Widodo": after "untuk"/"of"
    the name is whom the role serves, not the speaker."""
    keys = [_key(text[s:e]) for s, e in role_words]
    if keys[-1] in _ROLE_LINKS:
        return True
    if keys[0] in _KIN:
        return True  # "Istri Setya Novanto": his wife speaks
    if _opens_relation(keys) and all(text[s].islower() for s, _ in role_words):
        return True  # "kuasa hukum Setya Novanto" (capitalised "Juru Bicara X" names X)
    links = [k for k, key in enumerate(keys) if key in _SERVES]
    return bool(links) and any(key in ROLE_HEADS for key in keys[links[0] + 1:])


# An Indonesian active verb ("menemui", "bertemu"): what follows it is its object.
_VERB = re.compile(r"(?!menteri\b|mereka\b|meski\b|memang\b|menurut\b)(?:me|ber)[a-z]{3,}$")


def _depends_on_noun(before: str) -> bool:
    """A lowercase noun before a name or body makes it a complement ("asal Spanyol")."""
    key = _key(before)
    return (before.isalpha() and before[:1].islower() and key not in ROLE_HEADS and key not in FUNCTION_WORDS
            and key not in TITLES and key not in _ADVERBS and key not in ARTICLES)


def _name_word_after_organisation(text: str, words: list[tuple[int, int]], i: int) -> int:
    """"Juru Bicara KOI Raja Parlindungan Pane": a role word that is also a given name
    ("Raja", "Putri") starts the name when an organisation word, not a role, precedes it."""
    if not 2 <= i < len(words) or len(words) - i > 3:
        return i
    word, before = (text[s:e] for s, e in (words[i - 1], words[i - 2]))
    if _key(word) not in _GIVEN_NAME_ROLES | _GIVEN_NAME_TITLES or not word[:1].isupper():
        return i
    acronym = len(before) > 1 and before.isupper()
    if _key(word) in _GIVEN_NAME_TITLES and before[:1].isupper() and _key(before) in ROLE_HEADS:
        return i - 1  # "Menpora Imam Nahrawi": an office already, so "Imam" is his name
    return i - 1 if acronym or _key(before) in ORG_WORDS - ROLE_HEADS else i


# Role words that are also given names and, after an office or its body, are the name's
# ("Menteri Pemuda dan Olahraga Imam Nahrawi", "Sekretaris Jenderal Ratu Tisha Destria").
_GIVEN_NAME_TITLES = frozenset(["imam", "ratu"])


def _sasak_given_name(text: str, words: list[tuple[int, int]], i: int) -> int:
    """"Gubernur NTB Lalu Iqbal Muhammad", "Kemlu RI, Lalu Iqbal Muhammad,": "Lalu" (a Sasak
    given name) after a role or a comma, before a capitalised name, starts the name; opening
    a sentence it is "then" and stays out."""
    if not 1 <= i < len(words) or len(words) - i > 3 or text[words[i - 1][0]:words[i - 1][1]] != "Lalu":
        return i
    if i >= 2:
        return i - 1 if text[words[i - 2][0]].isupper() else i
    return i - 1 if text[:words[0][0]].rstrip().endswith(",") else i


def _given_name_before_role_word(text: str, words: list[tuple[int, int]], i: int,
                                 places: frozenset[str]) -> int:
    """"Menteri Agama Lukman Hakim Saifuddin", "Direktur Utama Bambang Putra Wijaya": a
    capitalised role word between a given name and the name run is part of the name (the
    word before it a name word, no place; "Ketua Majelis Hakim X", "Jaksa Agung X" keep
    their roles)."""
    if not 2 <= i < len(words) or len(words) - i > 2:
        return i
    word, before = (text[s:e] for s, e in (words[i - 1], words[i - 2]))
    if _key(word) not in _INNER_NAME_ROLES or not word.istitle() or not before.istitle():
        return i
    if not _is_name_word(before) or _is_title(before) or before in NAME_PARTICLES:
        return i
    if any(fold(text[words[k][0]:words[i - 2][1]]) in places for k in range(i - 1)):
        return i  # "Kejari Jakarta Selatan Jaksa Budi": a place before the role word
    return i - 2


# Office words that are also given names ("Trainer GMM Audi Agung Arianto", but "Mahkamah
# Agung", "Jaksa Agung", "Polda Metro Jaya"): names after a word of no office.
_NAME_LIKE_OFFICE_WORDS = frozenset(["agung", "jaya"])


def _office_word_as_name(text: str, words: list[tuple[int, int]], i: int) -> int:
    if not 2 <= i < len(words) or len(words) - i > 2:
        return i
    word, before = (text[s:e] for s, e in (words[i - 1], words[i - 2]))
    if _key(word) not in _NAME_LIKE_OFFICE_WORDS or not before[:1].isupper():
        return i
    return i if _key(before) in _ROLE_OR_ORG | FUNCTION_WORDS | TITLES else i - 1


# Bodies named by what they do, a pe-…-an noun and its object ("Organisasi Pelarangan Senjata
# Kimia", "Badan Pengawas Obat"): with no office before them, two capitalised words after
# the noun are its object, no person.
_DOING_BODIES = ORG_HEADS | frozenset(["organisasi", "lembaga", "komite", "yayasan", "pusat",
                                       "organization", "organisation"])
# Words that open a body's name ("Bank Jiangsu", "PT Adaro"): one name word after them is the
# body's, not a person's.
_BODY_OPENERS = ORG_HEADS | MINISTRY_SHORT | frozenset(["bank", "pt", "perusahaan", "universitas", "institut",
                                       "klub", "partai", "maskapai", "grup", "group"])


def _is_body_opener(text: str, word: tuple[int, int]) -> bool:
    return text[word[0]].isupper() and _key(text[word[0]:word[1]]) in _BODY_OPENERS


def _joins_body_name(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """"dan" inside a body's name ("… Pengolahan dan Pemurnian Indonesia"), or its
    acronym in brackets at the end ("(AP3I)")."""
    word = text[words[k][0]:words[k][1]]
    if 0 < k < len(words) - 1 and word == "dan":
        return True
    return k == len(words) - 1 and k > 0 and word.startswith("(") and word[1:2].isupper()


def _organisation(text: str, words: list[tuple[int, int]]) -> Mention | None:
    """An institution as speaker ("Kementerian Luar Negeri", "Polisi", "the White House")."""
    while words and _key(text[words[0][0]:words[0][1]]) in ARTICLES | FUNCTION_WORDS:
        words = words[1:]
    if not words or not all(text[s].isupper() or _joins_body_name(text, words, k)
                            for k, (s, _) in enumerate(words)):
        return None
    first = text[words[0][0]:words[0][1]]
    if _key(first) not in ORG_WORDS and not (len(first) > 1 and first.isupper()):
        return None
    return Mention(text[words[0][0]:words[-1][1]], None, words[0][0], words[-1][1],
                   organisation=True)


_ADDRESSED = frozenset(["kepada", "terhadap", "oleh", "dengan", "bersama"])
# When or how it was said, never a word of a role: "kata Mendagri usai acara … di Solo, Jateng"
# is no role "Mendagri usai acara …" of a person "Jateng".
_OCCASION = frozenset(["usai", "seusai", "selepas", "saat", "ketika", "sebelum", "setelah",
                       "sembari", "sambil", "seraya", "melalui", "lewat", "seperti"])


# Words that open a topic phrase ("Soal kontrak pemain, …"), never a role.
_TOPIC_LEADS = frozenset(["perihal", "soal", "terkait", "mengenai", "tentang", "menyangkut",
                          "seputar", "perkara", "regarding", "concerning"])


def _role_phrase(text: str, start: int, end: int) -> str | None:
    """A lowercase appositive role ("penasihat kebijakan luar negeri Kremlin", "an aide to X")."""
    words = _words(text, start, end)
    dashes = [k for k, (s, e) in enumerate(words) if not text[s:e].strip("-–—")]
    if dashes:
        words = words[dashes[-1] + 1:]  # "Jakarta, CNN Indonesia -- Mantan anggota DPR"
    ends = [k for k, (s, e) in enumerate(words[:-1]) if _ends_sentence_word(text, s, e)
            and any(c.isalpha() for c in text[words[k + 1][0]:words[-1][1]])]
    if ends:
        words = words[ends[-1] + 1:]  # "… tempat kejadian. wali Kota Levallois - Perret"
    while words and _key(text[words[0][0]:words[0][1]]) in ARTICLES:
        words = words[1:]
    if any(_key(text[s:e]) in _OCCASION for s, e in words):
        return None
    if words and _key(text[words[0][0]:words[0][1]]) in _TOPIC_LEADS:
        return None  # "Perihal regulasi pelatih dan pemain, Tigor …": what about, no role
    for k, (s, e) in enumerate(words):
        key = _key(text[s:e])
        if key in _ADDRESSED:
            return None  # "kepada wartawan di …": whom it was said to, no role
        if key in LAY_HEADS and not _is_role_head(key):
            return _lay_role(text, words, k)
        if _is_role_head(key) or (key in _PARENTS and k + 1 < len(words)
                                  and _key(text[words[k + 1][0]:words[k + 1][1]]) in _NOT_BY_BIRTH):
            return text[words[k][0]:words[-1][1]] if k == 0 or k <= 2 else None
    return None


def _lay_role(text: str, words: list[tuple[int, int]], k: int) -> str | None:
    """A lay role opens its phrase ("warga setempat", "seorang pedagang"), up to whom it was
    said to: "jumlah penumpang tersebut …" or "Rizieq merupakan warga negara …" is a clause."""
    if any(_key(text[s:e]) not in _LAY_LEADS for s, e in words[:k]):
        return None
    end = next((i for i in range(k + 1, len(words))
                if _key(text[words[i][0]:words[i][1]]) in _ADDRESSED), len(words))
    while end - 1 > k and text[words[end - 1][0]:words[end - 1][1]] == "yang":
        end -= 1
    return text[words[k][0]:words[end - 1][1]]


# "seorang warga", "salah satu warga", "sang nelayan": how a lay role may open.
_LAY_LEADS = frozenset(["seorang", "salah", "satu", "sang"])


# "Bapak Angkat Egy Maulana Vikri, Subagja Suihan": a foster or step parent is a role.
_PARENTS = frozenset(["bapak", "ayah", "ibu", "anak"])
_NOT_BY_BIRTH = frozenset(["angkat", "asuh", "tiri"])


_MIN_TYPO_HEAD = 6


@lru_cache(maxsize=8192)
def _is_role_head(key: str) -> bool:
    """A role head, or a long one misspelt by one letter ("Menreri Luar Negeri"); only heads
    one letter longer or shorter at most can be one edit away, and a word's answer is kept;
    a function word is none ("kepada" is not "kepala")."""
    return key in ROLE_HEADS or (len(key) >= _MIN_TYPO_HEAD and key not in FUNCTION_WORDS and any(
        one_edit_apart(key, head) for head in _typo_candidates(key)))


def _typo_candidates(key: str) -> set[str]:
    """The long role heads that share the word or one of its one-letter deletions with one of
    theirs: every head one edit away is among them (a letter changed or two swapped leave a
    common deletion, one added or dropped leaves the shorter word), so the word is compared
    with a few heads, not with all two hundred (a long article has thousands of words)."""
    by_deletion = _long_heads_by_deletion()
    found = set(by_deletion.get(key, ()))
    for variant in _deletions(key):
        found.update(by_deletion.get(variant, ()))
    return found


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=1)
def _long_heads_by_deletion() -> dict[str, tuple[str, ...]]:
    """The role heads a typo may be made in, under themselves and each of their one-letter
    deletions (built once, on first use)."""
    by_deletion: dict[str, set[str]] = {}
    for head in ROLE_HEADS:
        if len(head) >= _MIN_TYPO_HEAD:
            for variant in _deletions(head) | {head}:
                by_deletion.setdefault(variant, set()).add(head)
    return {variant: tuple(sorted(heads)) for variant, heads in by_deletion.items()}


def is_given_name_role(word: str) -> bool:
    """A role word that is also a given name ("Raja", "Putri")."""
    return _key(word) in _GIVEN_NAME_ROLES


def is_role_word(word: str) -> bool:
    """A word of the role and organisation lists ("direktur", "dinas"), whatever it looks like."""
    return _key(word) in _ROLE_OR_ORG


def starts_with_role_head(role: str) -> bool:
    """The role's first word heads it ("ayah Jawawdeh", "wali Kota …"), not "Menurut dokter"."""
    first = _WORD.match(role)
    return first is not None and _key(first.group()) in ROLE_HEADS


def _ends_sentence_word(text: str, start: int, end: int) -> bool:
    """A word the sentence ends with ("kejadian."): a period right after it, not a title's
    or an initial's ("dr.", "J.")."""
    return (text[end:end + 1] in (".", "!", "?") and end - start > 2
            and text[start:end + 1].casefold() not in TITLES)


def _pronoun(text: str, words: list[tuple[int, int]]) -> Mention | None:
    if len(words) == 1 and is_pronoun(text[words[0][0]:words[0][1]]):
        return Mention("", None, words[0][0], words[0][1], pronoun=True)
    return None


# "Bahkan, ketika itu dia menyebut …": a time, then the pronoun that is the subject.
_AT_THAT_TIME = re.compile(r"(?:^|(?<=\s))(?:[Ss]aat|[Kk]etika|[Kk]ala|[Ww]aktu)[ ]+itu[ ]+(ia|dia)[ ]*$")


def _pronoun_after_adverbial(text: str, words: list[tuple[int, int]]) -> Mention | None:
    """"Seperti dikutip NME ia mengatakan", "untuk Hillary ia berkata": an adverbial, then
    "ia"/"dia" as the subject of the verb."""
    if len(words) >= 2 and text[words[-1][0]:words[-1][1]] in ("ia", "dia"):
        return _pronoun(text, words[-1:])
    return None


def _segment(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """text[start:stop] trimmed, unless blank or a date/place aside."""
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if start == stop or _DATEISH.match(text, start, stop) or _TIME_ASIDE.fullmatch(text, start, stop):
        return None
    if _MEDIUM_QUOTED.fullmatch(text, start, stop):
        return None  # "Mengutip ZDnet, Direktur Intel … John Webb mengatakan": not ZDnet
    if all(_key(text[s:e]) in _ADVERBS for s, e in _words(text, start, stop)):
        return None  # "Jose Mourinho, bahkan pernah, mengatakan"
    if all(is_degree(text[s:e]) for s, e in _words(text, start, stop)):
        return None  # "Budi Santoso, S.H., mengatakan": a degree, not an aside
    return start, stop


def _body_between(text: str, segs: list[tuple[int, int]], end: int,
                  places: frozenset[str]) -> Mention | None:
    """"Plt Kepala Humas, Kemenkominfo, Noor Izza": a role, its body set off by commas, then
    the person; the body is the role's, never the speaker."""
    body = _words(text, *segs[1])
    if _organisation(text, body) is None or len(body) > _BODY_WORDS:
        return None
    rest = _segments(text, segs[1][1] + 1, end)
    if not rest or rest[0][0] != _skip_space(text, segs[1][1] + 1):
        return None
    name = _leading_phrase(text, *rest[0])
    role_side = _words(text, *segs[0])
    if not name or not role_side or not is_role_word(text[role_side[0][0]:role_side[0][1]]):
        return None
    found = _appositive(text, role_side + body, name, places)
    if found is None or not found.name or found.organisation or found.role is None:
        return None
    return replace(found, role=found.role.replace(",", "", 1))


_BODY_WORDS = 4


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The first two comma-separated segments of text[start:end] (asides dropped)."""
    segs: list[tuple[int, int]] = []
    pos = start
    while pos <= end and len(segs) < 2:
        comma = text.find(",", pos, end)
        stop = end if comma < 0 else comma
        if (seg := _segment(text, pos, stop)) is not None:
            segs.append(seg)
        if comma < 0:
            break
        pos = comma + 1
    return segs


# "Menteri Koordinator Bidang Politik, Hukum dan Keamanan (Menko Polhukam) Wiranto", "Kepala
# Divisi Pajak, Infrastruktur dan Keamanan Siber Bima Laga": a comma inside an office's list
# of fields ("A, B dan C") does not end the office.
_FIELD_LIST = re.compile(r"[A-Z][\w-]*(?:[ ][A-Z][\w-]*)?[ ]dan[ ][A-Z]")


def _office_goes_on(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the segment after a comma goes on with the office the one before it opens."""
    words = _words(text, *first)
    return (bool(words) and _key(text[words[0][0]:words[0][1]]) in ROLE_HEADS
            and _office_words(text, words) and _FIELD_LIST.match(text, second[0]) is not None)


def _last_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The last two comma-separated segments of text[start:end], in text order."""
    segs: list[tuple[int, int]] = []
    stop = end
    while stop >= start and len(segs) < 2:
        comma = text.rfind(",", start, stop)
        if (seg := _segment(text, comma + 1 if comma >= 0 else start, stop)) is not None:
            segs.insert(0, seg)
        if comma < 0:
            break
        stop = comma
    return segs


def _is_non_speaker(text: str, words: list[tuple[int, int]]) -> bool:
    keys = [_key(text[s:e]) for s, e in words[:2]]
    if len(keys) == 2 and keys[1] in ROLE_HEADS and keys[1] not in NON_SPEAKERS \
            and text[words[0][0]:words[0][0] + 1].isupper():
        return False  # "Media Officer Persib, Irfan …": a person whose office is the media
    return any(key in NON_SPEAKERS for key in keys)


def _screen(text: str, words: list[tuple[int, int]]) -> tuple[bool, Mention | None]:
    """(decided, mention): nothing or a document ("laporan itu") decides None, a lone pronoun
    decides itself; otherwise the words still need parsing."""
    if not words:
        return True, None
    if (found := _pronoun(text, words)) is not None:
        return True, found
    return _is_non_speaker(text, words), None


def parse_before_verb(text: str, start: int, end: int,
                      places: frozenset[str] = frozenset()) -> Mention | None:
    """The speaker phrase ending at `end` (just before a reporting verb)."""
    if (time := _AT_THAT_TIME.search(text, max(start, end - 20), end)) is not None:
        return Mention("", None, time.start(1), time.end(1), pronoun=True)  # "ketika itu dia"
    segs = _last_segments(text, start, end)
    if not segs:
        return None
    if len(segs) == 2 and _office_goes_on(text, *segs):
        segs = [(segs[0][0], segs[1][1])]
    if (found := head_last_role_name(text, *segs[-1], places,
                                     opens_sentence=_opens_clause(text, segs[-1][0]))) is not None:
        return found  # "Ships are welcome again, harbour master Kai Ström said"
    words = _subject_words(text, *segs[-1])
    decided, found = _screen(text, words)
    if decided:
        return found
    if (found := _pronoun_after_adverbial(text, words)) is not None:
        return found
    if len(segs) >= 2:
        prev = _subject_words(text, *segs[-2])
        if len(words) == 1 and _has_relative(text, segs[-2]) and (
                found := _split_role_name(text, prev, places)) is not None and found.role \
                and found.name:
            return found  # "Menteri Susi Pudjiastuti yang mengawasi … di Ambon, Maluku, menyebut"
        found = (_appositive(text, prev, words, places, ranked=True)
                 or _appositive(text, words, prev, places))
        if found is not None:
            return found
    return (_name_before_role(text, words, places) or _name_before_lay_role(text, words, places)
            or _split_role_name(text, words, places))


def _opens_clause(text: str, pos: int) -> bool:
    """Nothing but a line, sentence or quote boundary before `pos`: a capital there is the
    sentence's, not a name's."""
    at = pos
    while at > 0 and text[at - 1] in " \"“":
        at -= 1
    return at == 0 or text[at - 1] in "\n.!?"


# Words before a sentence's subject: "Sementara itu Sulaeman …", "Namun Budi …".
_SUBJECT_LEADS = _CLAUSE_OPENERS | frozenset(["sementara", "selain", "menurut"])


def _name_before_lay_role(text: str, words: list[tuple[int, int]],
                          places: frozenset[str]) -> Mention | None:
    """"Sulaeman salah seorang warga di utara Kabupaten Sukabumi mengatakan", "Budi Santoso
    warga Cidahu menuturkan": a name (after a clause opener such as "Sementara itu"), then
    in lower case what kind of person they are; a lone name word needs "seorang" or "salah
    satu" to say so."""
    first = 0
    while first < len(words) - 1 and _key(text[words[first][0]:words[first][1]]) in _SUBJECT_LEADS:
        first += 1
    k = first
    while k < len(words) and text[words[k][0]].isupper() and text[words[k][0]:words[k][1]].isalpha():
        k += 1
    lead = k
    while lead < len(words) and _key(text[words[lead][0]:words[lead][1]]) in _LAY_LEADS:
        lead += 1
    if (k == first or lead >= len(words) or k - first < 2 and lead == k
            or _key(text[words[lead][0]:words[lead][1]]) not in LAY_HEADS):
        return None
    name = _clean_name(text, words[first:k], places)
    if name is None or _key(name.name.split()[0]) in FUNCTION_WORDS | _LAY_LEADS:
        return None  # "Salah satu warga …": no name first
    return Mention(name.name, text[words[lead][0]:words[-1][1]], name.start, name.end)


def _name_before_role(text: str, words: list[tuple[int, int]],
                      places: frozenset[str]) -> Mention | None:
    """"Raha Spehrara dokter gigi dari Dental Suites Clinic mengungkapkan" (or "… selaku
    mantan pimpinan …"): a full name, then its role in lower case without a comma; the
    organisation at the end is the role's."""
    k = 0
    while k < len(words) and text[words[k][0]].isupper():
        k += 1
    role_at = k + 1 if k < len(words) and text[words[k][0]:words[k][1]] in _AS_ROLE else k
    if (k < 2 or role_at >= len(words)
            or _key(text[words[role_at][0]:words[role_at][1]]) not in ROLE_HEADS):
        return None
    name = _clean_name(text, words[:k], places)
    if name is None:
        return None
    return Mention(name.name, text[words[role_at][0]:words[-1][1]], name.start, name.end)


# "Irving Scholar selaku mantan pimpinan Tottenham Hotspur": the name, then in what office.
_AS_ROLE = frozenset(["selaku", "sebagai"])


def _has_relative(text: str, segment: tuple[int, int]) -> bool:
    """The segment goes on in a relative clause ("Susi Pudjiastuti yang mengawasi …")."""
    return any(k and text[s:e] in _RELATIVE for k, (s, e) in enumerate(_words(text, *segment)))


_POSTED_ON = frozenset(["di", "lewat", "melalui", "via", "on"])
_PLATFORMS = frozenset(["twitter", "instagram", "facebook", "youtube", "tiktok", "snapchat",
                        "weibo", "threads", "x"])


def _subject_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Words of a subject, without trailing adverbs or a place/time phrase ("di Jakarta")."""
    words = _words(text, start, end)
    for k, (s, e) in enumerate(words):
        if k and text[s:e] in _RELATIVE:
            words = words[:k]  # "Tim yang mendampingi … Jack Ma mengatakan": the team spoke
            break
        if k >= 2 and text[s:e] in _AS_ROLE and all(text[w].islower() for w, _ in words[k:]):
            words = words[:k]  # "Ida Hernida selaku penyelenggara mengungkapkan"
            break
    words = _without_adverbials(text, words)
    if (len(words) >= 3 and _key(text[words[0][0]:words[0][1]]) in _POSTED_ON
            and _key(text[words[1][0]:words[1][1]]) in _PLATFORMS):
        words = words[2:]  # "Di Twitter Kim menulis": where, then who
    for k in range(len(words) - 1, max(0, len(words) - 5), -1):
        if text[words[k][0]:words[k][1]] in _PLACE_PREPOSITIONS:
            return words[:k]
    return words


def _without_adverbials(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Words of a subject without the adverbs and manner phrases before its verb ("… bahkan
    pernah", "… dengan bangga", "… secara terbuka", "… hari ini")."""
    while words:
        last = text[words[-1][0]:words[-1][1]]
        before = _key(text[words[-2][0]:words[-2][1]]) if len(words) >= 2 else ""
        if _key(last) in _ADVERBS:
            words = words[:-1]
        elif last.islower() and ((before in _MANNER and _key(last) not in _NOT_MANNER)
                                 or (before == "hari" and last == "ini")):
            words = words[:-2]
        elif last in _MANNER and _VERB.match(before):
            words = words[:-2]  # "Donald Trump menggertak dengan mengatakan"
        elif (last.islower() and before in _DEGREE_WORDS and len(words) >= 3
              and _key(text[words[-3][0]:words[-3][1]]) in _MANNER):
            words = words[:-3]  # "secara tidak langsung"
        else:
            return words
    return words


def _clean_name(text: str, words: list[tuple[int, int]], places: frozenset[str]) -> Mention | None:
    """`words` are a bare name and nothing else ("Yuri Ushakov")."""
    while words and _is_title(text[words[0][0]:words[0][1]]):
        words = words[1:]
    if not words or len(words) > 5:
        return None
    mention = _split_role_name(text, words, places)
    if (mention is None or mention.role or mention.role_only or mention.organisation
            or mention.unknown):
        return None
    return mention if mention.start == words[0][0] else None


def name_in_run(text: str, start: int, end: int,
                places: frozenset[str] = frozenset()) -> Mention | None:
    """The [role] name of two words or more a capitalised run ends with ("Presiden Korea
    Selatan Moon Jae - in"), or None; most runs ("Amerika Serikat") fail a cheap first check."""
    words = _words(text, start, end)
    if len(words) < 2 or not _is_name_word(text[words[-2][0]:words[-2][1]]):
        return None
    last = text[words[-1][0]:words[-1][1]]
    if not (_is_name_word(last) or last.isupper()):
        return None
    found = _split_role_name(text, words, places)
    if found is not None and found.name and _key(found.name.split(" ", 1)[0]) in _AREA_HEADS:
        return None  # "Kelurahan Tondo", "Jalan RE Martadinata": a place
    if found is not None and found.role_only and _key(found.name.split(" ", 1)[0]) in EPITHET_HEADS:
        return None  # "Bintang Real Madrid, Cristiano Ronaldo, …": a description, no name
    return found


# Words that open the name of an administrative area or a street, never a person's.
_AREA_HEADS = frozenset(["kelurahan", "kecamatan", "desa", "dusun", "kampung", "jalan", "jl",
                         "jl.", "provinsi", "kabupaten", "kota", "pulau"])


def _appositive(text: str, role_words: list[tuple[int, int]], name_words: list[tuple[int, int]],
                places: frozenset[str], *, ranked: bool = False) -> Mention | None:
    """"role, Name" or "Name, role": a role phrase beside a bare name. `ranked`: the name
    after a capitalised office may have its own title ("Panglima TNI, Jenderal TNI Gatot
    Nurmantyo"); the office is the role."""
    name = _clean_name(text, name_words, places)
    if name is None and ranked and _office_words(text, role_words):
        office = _split_role_name(text, role_words, places)
        if office is not None and office.role_only:  # not "Kompol Yhogi Hadi Setiawan"
            name = _ranked_name(text, name_words, places)
    if name is None or not role_words:
        return None
    role = _role_phrase(text, role_words[0][0], role_words[-1][1])
    if role is None:
        return None
    return Mention(name.name, role, name.start, name.end)


_OFFICE_LINKS = frozenset(["dan", "untuk", "bidang", "urusan"])


def _office_words(text: str, words: list[tuple[int, int]]) -> bool:
    """An office written as a title: capitalised words, role heads and their links only."""
    return bool(words) and all(
        text[s].isupper() or not text[s].isalpha() or _key(text[s:e]) in ROLE_HEADS
        or _key(text[s:e]) in _OFFICE_LINKS for s, e in words)


def _ranked_name(text: str, words: list[tuple[int, int]], places: frozenset[str]) -> Mention | None:
    """"Jenderal TNI Gatot Nurmantyo": a titled name beside an office, the whole segment."""
    if not words or len(words) > _MAX_ROLE_WORDS:
        return None
    found = _split_role_name(text, words, places)
    if (found is None or not found.name or found.role is None or found.role_only
            or found.organisation or found.unknown or found.end != words[-1][1]
            or " " not in found.name):
        return None
    return found


def parse_after_verb(text: str, start: int, end: int,
                     places: frozenset[str] = frozenset()) -> Mention | None:
    """The speaker phrase starting at `start` (just after "kata"/"said"/"menurut"); an
    office with "dan" is read whole ("Menteri Kelautan dan Perikanan Susi Pudjiastuti")
    when that gives a named person with a role, else up to the "dan"."""
    if " dan " in text[start:min(end, start + _LOOKAHEAD_DAN)]:
        joined = _parse_after_verb(text, start, end, places, join=True)
        if joined is not None and joined.role and joined.name:
            return joined  # else "Kepala Dinas Kelautan dan Perikanan (DKP) Mimika Eddy …"
    return _parse_after_verb(text, start, end, places, join=False)


_LOOKAHEAD_DAN = 120


def _parse_after_verb(text: str, start: int, end: int, places: frozenset[str], *,
                      join: bool) -> Mention | None:
    segs = _segments(text, start, end)
    if not segs or segs[0][0] != _skip_space(text, start):
        return None
    if (source := unnamed_source(text, segs[0][0], segs[0][1])) is not None:
        return source
    if (found := head_last_role_name(text, *segs[0], places)) is not None:
        return found
    first = _leading_phrase(text, *segs[0], join=join)
    if first and _key(text[first[0][0]:first[0][1]]) in _LAY_LEADS and not _lay_led(text, first):
        return None  # "ujar seorang pejabat kota Taebaek": someone unnamed, not "Taebaek"
    decided, found = _screen(text, first)
    if decided:
        return found
    if len(segs) >= 2 and (found := _body_between(text, segs, end, places)) is not None:
        return found
    if len(segs) >= 2:
        nxt = _leading_phrase(text, *segs[1])
        complete = nxt and (not text[nxt[-1][1]:segs[1][1]].strip(" .!?…")
                            or _ends_phrase(text, nxt[-1][1]))
        # "kata penasihat kebijakan luar negeri Kremlin, Yuri Ushakov, ..." /
        # "said Yuri Ushakov, an aide to ..."
        role_side = _words(text, *segs[0])  # "kata EO dan Panitia GFNY Bali, Putu Lani"
        found = _appositive(text, role_side, nxt, places, ranked=True) if complete else None
        found = found or _appositive(text, _words(text, *segs[1]), first, places)
        if found is not None:
            return found
    if _lay_led(text, first):
        return _lay_role_name(text, first, places)
    found = _split_role_name(text, first, places)
    if found is None or found.unknown:  # "juru bicara Brigade Qassam" serves no person
        return _role_of_body(text, first) or found
    return found


# English heads that end an English-order role before a name ("vendor association chair
# Marta Quispe", "harbour master Kai Ström", "media officer Persib Irfan …"). Indonesian
# roles put the head first ("pelatih kepala Spurs"), which the usual parse reads.
_HEAD_LAST_HEADS = _wordset("""
officer chair chairman chairwoman chairperson director manager master president secretary
spokesman spokeswoman spokesperson adviser advisor aide chief head governor senator ambassador
coach official analyst lawyer attorney professor commander leader founder mayor judge
prosecutor economist researcher councillor councilor engineer inspector detective sergeant
captain commissioner sheriff superintendent constable lieutenant minister
""")
# Lower-case words that are no modifier of such a role: articles, quantifiers, "sang", and
# the verbs that introduce a speaker ("ujar dr Stephanie": "ujar" is no part of a role).
_NOT_MODIFIERS = ARTICLES | _LAY_LEADS | _RELATIVE | _KIN | _RELATIONAL | _ADVERBS | _wordset("""
para eks this that kata ujar tutur ungkap jelas imbuh tambah sebut papar terang tegas pungkas
tanya jawab tulis kilah aku said says told added asked wrote according
""")
# Most lower-case words such a role runs to, its head included.
_MAX_MODIFIERS = 3
# Plainly emotional adjectives: how the person was when speaking ("said angry chair Marta
# Quispe"), not part of their office, so they open no role and are left out of it.
_FEELINGS = _wordset("""
angry furious irate annoyed upset frustrated exasperated outraged angered incensed livid
happy delighted pleased elated jubilant thrilled excited proud relieved sad tearful
emotional worried anxious nervous disappointed dismayed shocked stunned surprised defiant
bitter smiling beaming
""")


def head_last_role_name(text: str, start: int, end: int, places: frozenset[str], *,
                        opens_sentence: bool = False) -> Mention | None:
    """"said vendor association chair Marta Quispe", "ujar media officer Persib Irfan
    Suryadireja saat …": lower-case modifiers, a role head written last (English order),
    then a capitalised name up to the phrase's end. Where three or more capitalised words
    follow, the first opens the name only when the article never writes it apart from the
    name; else it is the role's body ("Persib") if written apart, never a guess. The first
    word may be capitalised where it `opens_sentence` ("Harbour master Kai Ström said")."""
    words = _words(text, start, end)
    felt = 0  # "angry chair Marta Quispe": the feeling is left out of the role
    while felt < len(words) and _key(_lowered(text[words[felt][0]:words[felt][1]])
                                     if felt == 0 and opens_sentence
                                     else text[words[felt][0]:words[felt][1]]) in _FEELINGS:
        felt += 1
    if felt > 1:
        return None
    words = words[felt:]
    opens_sentence = opens_sentence and not felt
    k = 0
    while k < len(words) and k <= _MAX_MODIFIERS and _is_modifier(
            _lowered(text[words[k][0]:words[k][1]]) if k == 0 and opens_sentence
            else text[words[k][0]:words[k][1]]):
        k += 1
    if k == 0 or k >= len(words) or k > _MAX_MODIFIERS:
        return None
    head = text[words[k - 1][0]:words[k - 1][1]]
    if _key(head) not in _HEAD_LAST_HEADS or k < 2 and _key(head) in ROLE_HEADS and not felt:
        return None  # one lower-case head alone ("chair Marta Quispe") is the usual parse's
    if any(_key(text[s:e]) in ROLE_HEADS for s, e in words[:k - 1]):
        return None  # "istri aktor Iko", "ganda putri": Indonesian, head first
    caps = k
    while caps < len(words) and _is_name_word(text[words[caps][0]:words[caps][1]]):
        caps += 1
    if caps - k < 2 or caps - k > _MAX_NAME_WORDS:
        return None
    if caps < len(words) and _key(text[words[caps][0]:words[caps][1]]) not in _STOP_AFTER:
        return None  # "said vendor association chair Marta Quispe told …": no phrase end
    name_from = k
    if caps - k >= 3:
        body = text[words[k][0]:words[k][1]]
        if not _written_apart(text, body, text[words[k + 1][0]:words[k + 1][1]]):
            return None
        name_from = k + 1  # "officer Persib Irfan Suryadireja": "laga Persib melawan …"
    if fold(text[words[name_from][0]:words[caps - 1][1]]) in places:
        return None
    return Mention(text[words[name_from][0]:words[caps - 1][1]],
                   text[words[0][0]:words[name_from - 1][1]],
                   words[name_from][0], words[caps - 1][1])


def _lowered(word: str) -> str:
    """"Harbour" opening a sentence as "harbour"; "NATO" or "McLaren" stay as written."""
    return word.lower() if word[1:].islower() else word


def _is_modifier(word: str) -> bool:
    """A lower-case word that can stand in a role before its head ("vendor", "harbour")."""
    key = _key(word)
    return (word.isalpha() and word.islower() and key not in _NOT_MODIFIERS
            and not key.endswith("nya")
            and key not in FUNCTION_WORDS and key not in _STOP_AFTER and key not in PRONOUNS
            and key not in LAY_HEADS and not _ACTIVE_VERB.fullmatch(word))


def _written_apart(text: str, word: str, after: str) -> bool:
    """Whether the article also writes `word` with something other than `after` next."""
    return any(m.group(1) != after
               for m in re.finditer(rf"\b{re.escape(word)}\b[ ]?(\S*)", text))


def _lay_role_name(text: str, words: list[tuple[int, int]],
                   places: frozenset[str]) -> Mention | None:
    """"warga Kecamatan Citamiang Opi Novianti": a lay role, its village and a name. Without
    a comma or a village, "warga Cidahu Sulaeman" does not say where the place ends and
    the name begins, so it is nobody's."""
    village = next((k for k, (s, e) in enumerate(words) if _key(text[s:e]) in _VILLAGE_HEADS), None)
    if village is None or len(words) - village < 4:
        return None
    name = _clean_name(text, words[village + 2:], places)
    if name is None:
        return None
    return Mention(name.name, text[words[0][0]:words[village + 1][1]], name.start, name.end)


# Bodies a lower-case role can be of with no one named ("juru bicara Brigade Ezzedine al -
# Qassam"): the role is how the article names the speaker.
_BODY_HEADS = ORG_HEADS | frozenset(["brigade", "pasukan", "milisi", "faksi", "gerakan",
                                     "kelompok", "sayap", "partai", "tentara", "angkatan"])


def _lay_word(text: str, out: list[tuple[int, int]], key: str) -> bool:
    """Whether a lowercase `key` goes on a lay role after `out`: "salah seorang warga
    setempat", as "juru bicara kepolisian" goes on an office."""
    keys = [_key(text[s:e]) for s, e in out]
    if all(k in _LAY_LEADS for k in keys):
        return key in _LAY_LEADS or key in LAY_HEADS
    return any(k in LAY_HEADS for k in keys) and all(
        k in _LAY_LEADS or k in LAY_HEADS or not text[s].isupper() for k, (s, _) in zip(keys, out))


def _lay_led(text: str, words: list[tuple[int, int]]) -> bool:
    """The phrase opens with a lay role ("warga Cidahu …"), no office."""
    for s, e in words:
        key = _key(text[s:e])
        if key not in _LAY_LEADS:
            return key in LAY_HEADS and key not in ROLE_HEADS
    return False


def _role_of_body(text: str, words: list[tuple[int, int]]) -> Mention | None:
    """A lower-case role head, then a body's capitalised name: a role-only speaker."""
    k = 0
    while k < len(words) and text[words[k][0]].islower():
        k += 1
    if not 0 < k < len(words) or _key(text[words[0][0]:words[0][1]]) not in ROLE_HEADS:
        return None
    if _key(text[words[k][0]:words[k][1]]) not in _BODY_HEADS:
        return None
    if not all(text[s].isupper() or _ARABIC_PARTICLE.match(_HYPHEN.sub("-", text[s:e]))
               for s, e in words[k:]):
        return None
    return Mention(text[words[0][0]:words[-1][1]], None, words[0][0], words[-1][1],
                   role_only=True)


# "kata seorang pejabat senior", "ujar sumber di Kementerian Luar Negeri", "kata juru bicara
# kepolisian": a source the article does not name, stored under its role.
_SOURCE_HEAD = re.compile(r"(?:(?:seorang|salah seorang|salah satu)\s+)?"
                          r"(sumber|pejabat|juru bicara|jubir|diplomat|perwira|penyidik)\b")
_SOURCE_WORDS = _wordset("""
senior tinggi resmi lain dekat anonim pemerintah pemerintahan kepolisian polisi militer keamanan
intelijen partai kementerian istana kerajaan keluarga internal diplomatik
""")
_SOURCE_LINKS = frozenset(["di", "dari", "dalam"])
_SOURCE_ENDS = _wordset("yang kepada pada saat ketika lebih seperti seraya sambil usai seusai")


def unnamed_source(text: str, start: int, end: int) -> Mention | None:
    """A lower-case source with no name after it, stored with its role as the speaker."""
    head = _SOURCE_HEAD.match(text, start, end)
    if head is None:
        return None
    words = _words(text, head.end(), end)
    k = 0
    while k < len(words) and _key(text[words[k][0]:words[k][1]]) in _SOURCE_WORDS:
        k += 1
    if k < len(words) and _key(text[words[k][0]:words[k][1]]) in _SOURCE_LINKS:
        body = k + 1
        while body < len(words) and text[words[body][0]].isupper():
            body += 1
        first = text[words[k + 1][0]:words[k + 1][1]] if k + 1 < len(words) else ""
        if body == k + 1 or not (_key(first) in ORG_WORDS or (len(first) > 1 and first.isupper())):
            return None  # "sumber di Jakarta Budi …": not a body it speaks from
        k = body
    if k < len(words) and _key(text[words[k][0]:words[k][1]]) not in _SOURCE_ENDS:
        return None  # "pejabat konsuler KJRI Jeddah Rahmat Aming", "sumber itu"
    if not k and head.start(1) == head.start() and head.group(1) == "sumber":
        return None  # "menurut sumber yang mengetahui rencana itu": a bare source, nobody's
    stop = words[k - 1][1] if k else head.end()
    return Mention(text[head.start(1):stop], None, head.start(1), stop, role_only=True)


def _ends_phrase(text: str, pos: int) -> bool:
    """Only a stop word ("kepada", "di", "in") follows: the phrase before it is complete."""
    match = _WORD.match(text, _skip_space(text, pos))
    return match is None or _key(match.group()) in _STOP_AFTER


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _leading_phrase(text: str, start: int, end: int, *,
                    join: bool = False) -> list[tuple[int, int]]:
    """Words from `start` up to the first lowercase word that cannot be part of a speaker."""
    out: list[tuple[int, int]] = []
    words = _words(text, start, end)
    for k, (s, e) in enumerate(words):
        word = text[s:e]
        key = _key(word)
        if join and out and _joins_offices(text, words, k):
            out.append((s, e))  # "kata Menteri Kelautan dan Perikanan Susi Pudjiastuti"
            continue
        if key in _STOP_AFTER or (not word[:1].isupper() and key not in ROLE_HEADS
                                  and key not in ORG_WORDS and key not in PRONOUNS
                                  and not (out and _key(text[out[0][0]:out[0][1]]) in ROLE_HEADS)
                                  and not _lay_word(text, out, key)):
            break
        if out and _ACTIVE_VERB.fullmatch(word) and key not in ROLE_HEADS:
            break  # "ujar Bupati Sambas Atbah Romin Suhaili menyampaikan pujiannya"
        out.append((s, e))
        if key in PRONOUNS:
            break
    return out
