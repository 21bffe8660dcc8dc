"""Person names and news roles: one key per spelling, and how well an asked name fits a speaker.

Statements carry a speaker as the article writes it ("Kim Jong - un", "Menlu Retno") and often
a role ("penasihat kebijakan luar negeri Kremlin"). Users ask by full name, surname, first name
or role, in English or Indonesian ("the Kremlin adviser", "penasihat Kremlin"). `name_key`
folds spelling variants only (case, diacritics, hyphens, dots, possessive "'s"); it never
guesses that two different names are one person ("Jokowi" is not "Joko Widodo").
`match_speaker` scores an asked name against a statement's (speaker, role) in [0, 1]: 1 for the
full name, less for part of it, less again for a role alone. Titles ("Presiden", "Menlu",
"spokesman") are roles, read through a small bilingual lexicon of news roles into shared
concepts, so "foreign minister" and "Menteri Luar Negeri" meet. A description must fit the
whole role: every occupation asked for, and each named thing ("the mayor of Levallois-Perret"
is no other mayor). An owner is never the person ("Ahed Tamimi's lawyer", "Federer's father",
"KOI's Raja Pane" are not Tamimi, Federer or the KOI). Pure functions, both indexing and
retrieval use them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

__all__ = ["BLEND_HEAD", "DEGREES", "asked_match_keys", "is_blend", "is_role", "match_speaker",
           "name_aliases", "name_key", "one_edit_apart", "role_concepts", "speaker_match_keys"]

# Scores of the kinds of match (the asked name against the speaker's name tokens).
FULL_NAME = 1.0
NAME_WITHIN_LONGER_ASKED = 0.9  # speaker "Febri Diansyah" inside asked "PT X Febri Diansyah"
LAST_NAMES = 0.85  # asked "Budi Karya" of "Ari Budi Karya": two or more words ending the name
FIRST_NAMES = 0.8  # asked "Ari Dono" of "Ari Dono Sukmanto"
# "Aher" of "Ahmad Heryawan", "SBY" of "Susilo Bambang Yudhoyono", both ways: only as strong
# as a description's local match (`retriever.speakers.MIN_LOCAL_MATCH`), so it counts in the
# articles the question is about, where the article itself links the two ("Kaka" may be
# anyone's nickname: Kamal Kadir's, or the footballer's name).
NICKNAME = 0.45
FIRST_AND_LAST = 0.9  # asked "Desmond Mahesa" of "Desmond Junaidi Mahesa": middle names left out
SURNAME = 0.8  # asked "Ushakov" of "Yuri Ushakov"
SINGLE_SPEAKER_NAME = 0.75  # speaker written "Retno", asked "Retno Marsudi"
FIRST_NAME = 0.7  # asked "Yuri" of "Yuri Ushakov"
MIDDLE_NAME = 0.6
ROLE_ONLY = 0.6  # a description the role fits, scaled by how much of it the role covers
ROLE_FLOOR = 0.85  # the share of ROLE_ONLY a fitting role gets however little more it covers
# The role fits a description whose owner the question only describes ("the father of the teen
# killed at …"): evidence within the articles the question is about, not across the index.
LOCAL_ROLE = 0.4
ROLE_AGREES_BONUS = 0.1  # a partial name whose asked role the statement's role shares
FUZZY_FACTOR = 0.9  # a long token one edit away ("Ushakov" / "Ushakow")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Bilingual lexicon of news roles: "concepts: form | form | ...". Concepts are shared
# between languages; forms are matched longest first on name_key-folded text. Concepts in
# _OCCUPATIONS are what a person *is* (adviser, minister) and split name runs; the others
# (foreign, Kremlin, countries) only qualify a role.
_LEXICON = """
president: president | presiden
deputy president: vice president | wakil presiden | wapres
prime minister: prime minister | perdana menteri | pm
minister: minister | menteri | secretary of | mentri
minister foreign: foreign minister | foreign secretary | secretary of state | menlu
minister foreign: menteri luar negeri
minister defence: defence minister | defense minister | defense secretary | menhan
minister defence: menteri pertahanan
minister finance: finance minister | menkeu | menteri keuangan | treasury secretary
minister trade: trade minister | mendag | menteri perdagangan
minister transport: transport minister | menhub | menteri perhubungan
minister interior: interior minister | home minister | mendagri | menteri dalam negeri
minister law: justice minister | law minister | menkumham | menteri hukum
minister health: health minister | menkes | menteri kesehatan
minister education: education minister | mendikbud | menteri pendidikan
minister energy: energy minister | menteri energi | menteri esdm
minister agriculture: agriculture minister | mentan | menteri pertanian
minister industry: industry minister | menperin | menteri perindustrian
minister social: social affairs minister | social minister | mensos | menteri sosial
minister sports: sports minister | youth and sports minister | menpora
minister sports: menteri pemuda dan olahraga
minister tourism: tourism minister | menpar | menteri pariwisata
minister labour: manpower minister | labour minister | labor minister | menaker | menakertrans
minister labour: menteri ketenagakerjaan | menteri tenaga kerja
minister religion: religious affairs minister | religion minister | menag | menteri agama
minister communication: communications minister | communication minister | menkominfo
minister communication: menteri komunikasi dan informatika | menteri kominfo
minister fisheries: fisheries minister | maritime affairs and fisheries minister
minister fisheries: menteri kelautan dan perikanan | menteri kp
minister environment: environment minister | forestry minister | menlhk | menteri lhk
minister environment: menteri lingkungan hidup dan kehutanan | menteri lingkungan hidup
minister public-works: public works minister | menpupr | menteri pupr
minister public-works: menteri pekerjaan umum dan perumahan rakyat | menteri pekerjaan umum
minister soe: state-owned enterprises minister | soe minister | menteri bumn | meneg bumn
minister coordinating: coordinating minister | menko | menteri koordinator
ministry: ministry | kementerian | department | departemen | kemenlu
foreign: foreign | luar negeri | foreign affairs
interior: dalam negeri | home affairs | interior
defence: defence | defense | pertahanan
finance: finance | keuangan
trade: trade | perdagangan
transport: transport | transportation | perhubungan
health: health | kesehatan
education: education | pendidikan
energy: energy | energi
agriculture: agriculture | agricultural | pertanian
industry: industry | industrial | perindustrian | industri
social: social affairs | sosial
sports: sports | youth and sports | pemuda dan olahraga | olahraga
tourism: tourism | pariwisata
labour: manpower | labour | labor | ketenagakerjaan | tenaga kerja
religion: religious affairs | agama
communication: communications | komunikasi dan informatika | kominfo
fisheries: fisheries | maritime affairs and fisheries | kelautan dan perikanan | perikanan
environment: environment | environmental | forestry | lingkungan hidup dan kehutanan
environment: lingkungan hidup | kehutanan
public-works: public works | pekerjaan umum dan perumahan rakyat | pekerjaan umum | pupr
soe: state-owned enterprises | state owned enterprises | soe | bumn
coordinating: coordinating | koordinator
water: water | tata air | sumber daya air
law: law | justice | hukum | kehakiman
policy: policy | kebijakan
armed forces: armed forces | angkatan bersenjata
military: military | militer | army | angkatan darat | tni
police: police | polisi | kepolisian | polri
head police: police chief | chief of police | kapolri | kapolda | kapolres | kapolsek | kabareskrim
spokesperson: spokesperson | spokesman | spokeswoman | spokesmen | juru bicara | jubir | kabid humas
spokesperson: media officer | press officer
adviser: adviser | advisor | advisers | advisors | penasihat | staf ahli
governor: governor | gubernur
deputy governor: deputy governor | wakil gubernur | wagub
mayor: mayor | wali kota | walikota | walkot
regent: regent | bupati
head: head | kepala | pemimpin | pimpinan
head chairman: chief | leader
chairman: chairman | chairwoman | chairperson | chair | ketua
chairman general: general chairman | ketua umum | ketum
secretary-general: secretary general | secretary-general | sekretaris jenderal | sekjen
secretary: secretary | sekretaris
ambassador: ambassador | envoy | duta besar | dubes
director: director | direktur | direktorat
director main: president director | direktur utama | dirut
director general: director general | direktur jenderal | dirjen
executive: ceo | coo | cfo | chief executive | executive | eksekutif | bos | boss
lawyer: lawyer | attorney | pengacara | kuasa hukum | advokat | penasihat hukum
prosecutor: prosecutor | jaksa
prosecutor head: attorney general | jaksa agung
judge: judge | hakim
commander: commander | panglima | komandan | danrem | dandim | pangdam
officer: general | jenderal | colonel | kolonel | letkol | major general | mayjen | brigjen
officer: letjen | kompol | akbp | kombes | irjen | komjen | ipda | iptu | akp | aiptu | captain
officer: kapten | lieutenant | letnan | admiral | laksamana | marsekal | sergeant | sersan
officer: laksma | laksda | laksdya | marsma | marsda | marsdya | brigadir | bripka | briptu
coach: coach | manager | pelatih | manajer
analyst: analyst | observer | pengamat | analis
figure: figure | tokoh | community leader | tokoh masyarakat
actor: actor | actress | aktor | aktris | artis
singer: singer | penyanyi
professor: professor | profesor | guru besar
commissioner: commissioner | komisioner
expert: expert | pakar | ahli | nutritionist | specialist | researcher | peneliti | scientist
expert: ilmuwan
official: official | officials | pejabat | petugas | officer
member: member | anggota | legislator | lawmaker | senator
coordinator: coordinator | koordinator
correspondent: correspondent | reporter | journalist | wartawan | jurnalis | koresponden
founder: founder | pendiri
father: father | ayah | ayahanda
mother: mother | ibunda | ibu kandung
parent: parent | parents | orang tua | orangtua
wife: wife | istri | isteri
husband: husband | suami
son: son | anak laki laki | putra sulung | putra bungsu
daughter: daughter | anak perempuan | putri sulung | putri bungsu
sibling: brother | sister | kakak | adik | kakak kandung | adik kandung
relative: relative | relatives | kerabat | keluarga | family
uncle: uncle | paman
aunt: aunt | bibi | tante
grandparent: grandfather | grandmother | grandparents | kakek | nenek
cousin: cousin | sepupu
friend: friend | teman | sahabat | rekan | colleague
neighbour: neighbour | neighbor | tetangga
driver: driver | sopir | supir | pengemudi
pilot: pilot
doctor: doctor | dokter | physician | surgeon
witness: witness | saksi
victim: victim | korban
resident: resident | residents | warga | penduduk
student: student | mahasiswa | siswa | pelajar
teacher: teacher | guru | lecturer | dosen
player: player | pemain | striker | midfielder | gelandang | defender | goalkeeper | kiper
owner: owner | pemilik
farmer: farmer | petani
fisherman: fisherman | fishermen | nelayan
village-head: village head | kepala desa | kades | lurah
suspect: suspect | tersangka | defendant | terdakwa
hospital: hospital | rs | rumah sakit | rsud
embassy: embassy | kedutaan | kedutaan besar | kedubes
king: king | raja
queen: queen | ratu
deputy: deputy | vice | wakil
assistant: assistant | asisten
kremlin: kremlin
government: government | pemerintah | pemerintahan | administration
white-house: white house | gedung putih
parliament: parliament | dpr | parlemen | congress | kongres
un: un | united nations | pbb | perserikatan bangsa bangsa
us: us | u s | usa | united states | american | amerika serikat | amerika | as
russia: russia | russian | rusia
china: china | chinese | tiongkok | cina
north-korea: north korea | north korean | korea utara | korut | pyongyang
south-korea: south korea | south korean | korea selatan | korsel | seoul
japan: japan | japanese | jepang
uk: britain | british | uk | united kingdom | inggris
france: france | french | prancis | perancis
germany: germany | german | jerman
israel: israel | israeli
palestine: palestine | palestinian | palestina
syria: syria | syrian | suriah
iran: iran | iranian
iraq: iraq | iraqi | irak
saudi: saudi | saudi arabia | arab saudi
turkey: turkey | turkish | turki
egypt: egypt | egyptian | mesir
jordan: jordan | jordanian | yordania
indonesia: indonesia | indonesian | ri
malaysia: malaysia | malaysian
australia: australia | australian
india: india | indian
philippines: philippines | filipino | filipina
myanmar: myanmar | burma | burmese
bangladesh: bangladesh | bangladeshi
netherlands: netherlands | dutch | belanda
spain: spain | spanish | spanyol
italy: italy | italian | italia
greece: greece | greek | yunani
brazil: brazil | brazilian | brasil
mexico: mexico | mexican | meksiko
canada: canada | canadian | kanada
ukraine: ukraine | ukrainian | ukraina
latvia: latvia | latvian
afghanistan: afghanistan | afghan
pakistan: pakistan | pakistani
thailand: thailand | thai
vietnam: vietnam | vietnamese
singapore: singapore | singaporean | singapura
new-zealand: new zealand | selandia baru
south-africa: south africa | south african | afrika selatan
lebanon: lebanon | lebanese | libanon | lebanon
yemen: yemen | yemeni | yaman
qatar: qatar | qatari
uae: uae | united arab emirates | uni emirat arab
venezuela: venezuela | venezuelan
argentina: argentina | argentine | argentinian
poland: poland | polish | polandia
sweden: sweden | swedish | swedia
switzerland: switzerland | swiss | swiss
belgium: belgium | belgian | belgia
cuba: cuba | cuban | kuba
haiti: haiti | haitian
georgia: georgia | georgian
eu: eu | european union | uni eropa
nato: nato | pakta pertahanan atlantik utara
asean: asean
hamas: hamas
hezbollah: hezbollah | hizbullah | hizbollah
isis: isis | isil | islamic state | negara islam
taliban: taliban
fifa: fifa
opec: opec
imf: imf | international monetary fund | dana moneter internasional
world-bank: world bank | bank dunia
jakarta: jakarta | dki | dki jakarta
central-java: central java | jawa tengah | jateng
west-java: west java | jawa barat | jabar
east-java: east java | jawa timur | jatim
north-sumatra: north sumatra | sumatera utara | sumatra utara | sumut
west-sumatra: west sumatra | sumatera barat | sumatra barat | sumbar
south-sumatra: south sumatra | sumatera selatan | sumatra selatan | sumsel
south-sulawesi: south sulawesi | sulawesi selatan | sulsel
north-sulawesi: north sulawesi | sulawesi utara | sulut
east-kalimantan: east kalimantan | kalimantan timur | kaltim
west-kalimantan: west kalimantan | kalimantan barat | kalbar
central-kalimantan: central kalimantan | kalimantan tengah | kalteng
kpk: kpk | corruption eradication commission | komisi pemberantasan korupsi
bnn: bnn | national narcotics agency | badan narkotika nasional
supreme-court: supreme court | mahkamah agung
constitutional-court: constitutional court | mahkamah konstitusi
"""
_OCCUPATIONS = _word_set("""president prime minister spokesperson adviser governor mayor regent head
chairman secretary-general secretary ambassador director executive lawyer prosecutor judge
commander officer coach analyst expert official member coordinator correspondent founder father
king queen mother parent wife husband son daughter sibling relative driver pilot doctor witness
victim resident student teacher player owner farmer fisherman village-head suspect uncle
aunt grandparent cousin friend neighbour figure actor singer professor commissioner""")
# Countries of the lexicon; the articles' own country goes unsaid in their roles.
_COUNTRIES = _word_set("""us russia china north-korea south-korea japan uk france germany israel
palestine syria iran iraq saudi turkey egypt jordan indonesia malaysia australia india
philippines myanmar bangladesh netherlands spain italy greece brazil mexico canada ukraine latvia
afghanistan pakistan thailand vietnam singapore new-zealand south-africa lebanon yemen qatar uae
venezuela argentina poland sweden switzerland belgium cuba haiti georgia""")
_HOME = "indonesia"
# Occupations that relate the person to someone named after them ("ayah X", "kuasa hukum X").
_RELATIONS = _word_set("""father mother parent wife husband son daughter sibling relative uncle
aunt grandparent cousin friend neighbour lawyer""")
# A relation written in English before a name is the person's own ("lawyer Farhat Abbas"):
# English names the one related first ("Ahed Tamimi's lawyer", "the lawyer of Siti Rahma").
_EN_RELATION_WORDS = _RELATIONS | _word_set("attorney brother sister grandfather grandmother")
# Qualifiers that name a field or a kind of body, not one body ("foreign", "police"): they
# narrow a role but are no named thing the statement's role must mention.
_FIELDS = _word_set("""foreign interior defence finance trade transport health education law policy
armed forces military police ministry government deputy hospital embassy energy agriculture
industry social sports tourism labour religion communication fisheries environment public-works
soe coordinating water""")

# The fields that tell one office from another of the same kind (ministers, agencies).
_OFFICE_FIELDS = _FIELDS - {"ministry", "government", "deputy", "hospital", "embassy", "policy",
                            "coordinating"}

# Honorifics carry no role; dropped before a name, not inside one ("Ibu Retno", "RS Kasih Ibu").
_HONORIFICS = _word_set("""bapak pak ibu bu mr mrs ms miss sir dr drs ir prof h hj haji hajjah kh
gus mas mbak bung tuan nyonya syekh sheikh habib ustaz ustad kyai kiai raden romo pater""")
# Academic degrees written after a name ("dr. I Gusti Ngurah Rai MM"); dropped after a name word.
DEGREES = _word_set("""mm sh msi mba phd mh mpd spd skom mkes ssos sip msc bsc ssi mt se st ak
cpa""")
_STOPWORDS = _word_set("""the a an of for at in on to and s dari di ke untuk dan yang pada
bagi sang si""")

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)
_APOSTROPHE = re.compile(r"(?<=\w)['’`](?=\w)")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def name_key(name: str) -> str:
    """The spelling-independent key of a name or role: lower case, no diacritics, words only.

    >>> name_key("Kim Jong - un") == name_key("Kim Jong-un") == name_key("kim jong un")
    True
    >>> name_key("Arsène Wenger's"), name_key("dr. I Gusti Ngurah Rai")
    ('arsene wenger', 'dr i gusti ngurah rai')
    """
    text = _POSSESSIVE.sub(" ", name)
    text = _APOSTROPHE.sub("", text)
    text = _DASHES.sub(" ", text)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


@cache
def _lexicon() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded form (as a token tuple) → its concepts, built once on first use."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in _LEXICON.strip().splitlines():
        concepts, forms = line.split(":", 1)
        for form in forms.split("|"):
            table[tuple(name_key(form).split())] = tuple(concepts.split())
    return table


@cache
def _bodies_by_words() -> dict[frozenset[str], tuple[frozenset[str], ...]]:
    """Each lexicon form of a named body or place (a country, the UN, Jakarta), as its set of
    words → the word sets of every form of the same concept."""
    forms: dict[tuple[str, ...], list[frozenset[str]]] = {}
    for form, concepts in _lexicon().items():
        if not set(concepts) & (_OCCUPATIONS | _FIELDS):
            forms.setdefault(concepts, []).append(frozenset(form))
    return {words: tuple(group) for group in forms.values() for words in group}


def name_aliases(words: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The other spellings the lexicon knows of a body or place named by `words` (folded
    tokens): {"pyongyang"} → {"korea", "utara"}, {"north", "korea"}, {"korut"} …; () if none.

    >>> frozenset({"korea", "utara"}) in name_aliases(frozenset({"pyongyang"}))
    True
    """
    return _bodies_by_words().get(frozenset(words), ())


_MIN_FUZZY_LEN = 6  # words this long may be misspelt by one letter inside a longer form


@cache
def _fuzzy_lexicon() -> dict[tuple[str, ...], list[tuple[int, str, tuple[str, ...]]]]:
    """Multiword forms by their words but one long word ("menteri luar negeri" under
    ("*", "luar", "negeri")): (that word's position, the word, concepts), for typos."""
    table: dict[tuple[str, ...], list[tuple[int, str, tuple[str, ...]]]] = {}
    for form, concepts in _lexicon().items():
        for j, word in enumerate(form):
            if len(form) > 1 and len(word) >= _MIN_FUZZY_LEN:
                masked = (*form[:j], "*", *form[j + 1:])
                table.setdefault(masked, []).append((j, word, concepts))
    return table


def _lookup(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The concepts of a form, written exactly or with one long word one letter off inside a
    multiword form ("Menreri Luar Negeri"): context makes such a typo no name."""
    exact = _lexicon().get(words)
    if exact or len(words) < 2:
        return exact
    for j, word in enumerate(words):
        if len(word) >= _MIN_FUZZY_LEN:
            for at, right, concepts in _fuzzy_lexicon().get((*words[:j], "*", *words[j + 1:]), ()):
                if at == j and one_edit_apart(word, right):
                    return concepts
    return None


@cache
def _longest_form() -> int:
    return max(len(form) for form in _lexicon())


@dataclass(frozen=True)
class _Token:
    """One folded word, with the role concepts it starts (if any)."""

    word: str
    concepts: tuple[str, ...] = ()
    kind: str = "name"
    """ "name" | "role" (an occupation) | "qualifier" (a named body: "Kremlin", "Korea Utara")
    | "field" (a qualifier that names no one body: "foreign", "police") | "stop"
    | "honorific" | "desc" (a lower-case describing word of an asked text: "teen", "killed")."""


@lru_cache(maxsize=16384)
def _read(text: str) -> tuple[_Token, ...]:
    """Fold `text` and label each token: role words, qualifiers, stop words, name words.

    Cached: the same speakers and roles recur across many statements.
    """
    words = name_key(_POSSESSIVE.sub(" 's ", text)).split() if text else []
    longest, tokens, i = _longest_form(), [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            concepts = _lookup(tuple(words[i:i + size]))
            if concepts:
                kind = ("role" if _OCCUPATIONS & set(concepts)
                        else "field" if set(concepts) <= _FIELDS else "qualifier")
                tokens.extend(_Token(w, concepts if j == 0 else (), kind)
                              for j, w in enumerate(words[i:i + size]))
                i += size
                break
        else:
            word = words[i]
            last = i == len(words) - 1
            after_name = bool(tokens) and tokens[-1].kind == "name"
            kind = ("stop" if word in _STOPWORDS
                    else "honorific" if word in _HONORIFICS and not last and not after_name
                    else "honorific" if word in DEGREES and after_name else "name")
            tokens.append(_Token(word, (), kind))
            i += 1
    return tuple(tokens)


_CONCEPT_KINDS = ("role", "qualifier", "field")


def role_concepts(text: str) -> frozenset[str]:
    """Role concepts and other content words of a role or name text, across languages.

    >>> sorted(role_concepts("penasihat Kremlin")) == sorted(role_concepts("Kremlin adviser"))
    True
    """
    items: set[str] = set()
    for token in _read(text):
        if token.kind in _CONCEPT_KINDS:
            items.update(token.concepts)
        elif token.kind == "name":
            items.add(token.word)
    return frozenset(items)


@dataclass(frozen=True)
class _Asked:
    """One appositive segment of an asked person ("Ahed Tamimi's lawyer", "the mayor of X"),
    read into who the person is and what their role must mention."""

    names: tuple[tuple[str, ...], ...]
    """Runs of the person's own name words ("Febri Diansyah"), never an owner's."""
    occupations: tuple[frozenset[str], ...]
    """What the person is, one set per role word (lawyer, mayor; "chief": head or chairman):
    the statement's role must have one of each."""
    concepts: frozenset[str]
    """Every role and qualifier concept of the segment, the owner's included."""
    groups: tuple[frozenset[str], ...]
    """Named things the role must mention, one item of each at least: the owner ("Tamimi"),
    the place ("Levallois Perret"), the body ("KPK", north-korea)."""
    personal: bool = False
    """A name with no role ("Roger Federer"): a person, never found through someone else's
    role that mentions them ("ayah Roger Federer"). Acronyms ("KOI") are bodies."""
    related: bool = False
    """Names follow a relation word with no other owner ("ayah Roger Federer", "pengacara
    Ahed Tamimi"): they name the person only if the role has that relation too."""
    described: tuple[frozenset[str], ...] = ()
    """Named things of an owner the question describes rather than names ("the Jordanian teen
    killed at the embassy"): a role may name that owner otherwise ("ayah Jawawdeh"), so
    without them the description is only a `LOCAL_ROLE` match."""


# "X's Y" / "X' Y": X owns Y ("Ahed Tamimi's lawyer", "KOI's Raja Pane").
_OWNER_POSSESSIVE = re.compile(r"^(?P<owner>.+?)(?:['’]s|(?<=s)['’])\s+(?P<person>\S.*)$",
                               re.IGNORECASE)
# "Y of X" when Y is a role: "the mayor of Levallois-Perret", "juru bicara dari KPK".
_OWNER_OF = re.compile(r"^(?P<person>.+?)\s+(?:of|for|dari)\s+(?P<owner>\S.*)$",
                       re.IGNORECASE)
_SHORT_PARTICLE = 3  # "bin", "van", "de", "al" between capitalised words are name words


def is_role(text: str) -> bool:
    """Whether `text` reads wholly as role words of the lexicon ("driver", "juru bicara",
    "Menlu", "police") rather than as a name or any other word.

    >>> is_role("juru bicara"), is_role("father"), is_role("Ushakov")
    (True, True, False)
    """
    tokens = _read(text)
    return bool(tokens) and all(t.kind in _CONCEPT_KINDS for t in tokens)


def _capitalised_words(text: str) -> frozenset[str] | None:
    """Folded words written capitalised (or as acronyms) in `text`, with short particles
    between two of them; None when `text` has no capitals (then every word may be a name)."""
    words = re.sub(r"\s*[-‐–]\s*", "-", text).split()
    caps = [any(c.isupper() for c in w) for w in words]
    if not any(caps):
        return None
    found: set[str] = set()
    for i, word in enumerate(words):
        between = 0 < i < len(words) - 1 and caps[i - 1] and caps[i + 1]
        if caps[i] or (between and len(name_key(word)) <= _SHORT_PARTICLE):
            found.update(name_key(word).split())
    return frozenset(found)


def _asked_tokens(text: str, caps: frozenset[str] | None) -> tuple[_Token, ...]:
    """`_read(text)` with lower-case name words of a capitalised text marked "desc"."""
    return tuple(_Token(t.word, t.concepts, "desc") if t.kind == "name" and caps is not None
                 and t.word not in caps else t for t in _read(text))


class _Run(NamedTuple):
    tokens: list[_Token]
    before_role: bool
    """A role follows (through field words): "Blue Bird driver", "Israeli education minister"."""
    after_relation: bool
    """Right after a relation word: "ayah Roger Federer" is Roger Federer's father."""


def _runs(tokens: tuple[_Token, ...]) -> list[_Run]:
    """Maximal runs of name and named-qualifier tokens, with what comes around them."""
    runs: list[_Run] = []
    current: list[_Token] = []
    for i, token in enumerate(tokens + (_Token("", (), "stop"),)):
        if token.kind in ("name", "qualifier") and token.word != "s":
            current.append(token)
            continue
        if current:
            rest = [t for t in tokens[i:] if t.kind not in ("field", "stop")]
            before = [t for t in tokens[:i - len(current)] if t.kind != "stop"]
            runs.append(_Run(current, bool(rest) and rest[0].kind == "role",
                             bool(before) and bool(set(before[-1].concepts) & _RELATIONS)
                             and before[-1].word not in _EN_RELATION_WORDS))
            current = []
    return runs


def _group(run: list[_Token]) -> frozenset[str]:
    """What a named run contributes to match: its concepts and its plain name words."""
    return frozenset(c for t in run for c in (t.concepts or ((t.word,) if t.kind == "name"
                                                               else ())))


def _split_owner(text: str, caps: frozenset[str] | None) -> tuple[str, list[str]]:
    """The person part of `text` and its owners ("Ahed Tamimi's lawyer" → "lawyer", [X])."""
    owners: list[str] = []
    possessive = _OWNER_POSSESSIVE.match(text)
    if possessive:
        text, owners = possessive["person"], [possessive["owner"]]
    of = _OWNER_OF.match(text)
    if of and any(t.kind == "role" for t in _asked_tokens(of["person"], caps)):
        text, owners = of["person"], [*owners, of["owner"]]
    return text, owners


@lru_cache(maxsize=16384)
def _asked(text: str) -> tuple[_Asked, ...]:
    """The asked person, one `_Asked` per comma-separated segment ("Adi Susmianto, the
    Forestry Ministry's director of …"); cached."""
    caps = _capitalised_words(text)
    acronyms = {name_key(w) for w in text.split() if len(w.strip(",.'")) > 1
                and w.strip(",.'").isupper()}
    segments = []
    for segment in (s.strip() for s in text.split(",")):
        if not segment:
            continue
        person, owners = _split_owner(segment, caps)
        tokens = _asked_tokens(person, caps)
        runs = _runs(tokens)
        owned = [_asked_tokens(owner, caps) for owner in owners]
        related = not owners and any(r.after_relation for r in runs)
        occupations = tuple(o for t in tokens if (o := frozenset(t.concepts) & _OCCUPATIONS))
        names = tuple(tuple(t.word for t in r.tokens) for r in runs
                      if not r.before_role and any(t.kind == "name" for t in r.tokens))
        groups = [_group(r.tokens) for r in runs]
        described: list[frozenset[str]] = []
        every = tokens
        for owner in owned:
            if any(t.kind == "desc" for t in owner):
                described.extend(_group(r.tokens) for r in _runs(owner))
            else:
                groups.extend(_group(r.tokens) for r in _runs(owner))
                every += owner
        segments.append(_Asked(
            names=names,
            occupations=occupations,
            personal=bool(names) and not occupations
            and not all(set(run) <= acronyms for run in names),
            concepts=frozenset(c for t in every if t.kind in _CONCEPT_KINDS for c in t.concepts),
            groups=tuple(g for g in groups if g), described=tuple(g for g in described if g),
            related=related))
    return tuple(segments)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether one typo (a letter changed, added, dropped or two swapped) turns a into b."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diffs) <= 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _same_word(a: str, b: str) -> float:
    """1 for equal words, FUZZY_FACTOR for long words one edit apart, else 0."""
    if a == b:
        return 1.0
    if min(len(a), len(b)) >= 6 and one_edit_apart(a, b):
        return FUZZY_FACTOR
    return 0.0


def _find(part: list[str], whole: list[str]) -> tuple[int, float]:
    """Where `part` occurs contiguously in `whole` (start, similarity), or (-1, 0)."""
    for start in range(len(whole) - len(part) + 1):
        similarity = 1.0
        for a, b in zip(part, whole[start:start + len(part)], strict=True):
            similarity *= _same_word(a, b)
        if similarity:
            return start, similarity
    return -1, 0.0


def _run_score(asked: list[str], speaker: list[str]) -> float:
    """Score of one asked name run against the speaker's name words."""
    if "".join(asked) == "".join(speaker) or _same_but_initials(asked, speaker):
        return FULL_NAME
    if similarity := _first_and_last_within(asked, speaker) or _first_and_last(speaker, asked):
        return FIRST_AND_LAST * similarity
    if _nickname_of(asked, speaker) or _nickname_of(speaker, asked):
        return NICKNAME
    if len(speaker) <= len(asked):
        start, similarity = _find(speaker, asked)
        core = [w for w in speaker if len(w) > 1]  # "M Iriawan" in "Metro Jaya Iriawan"
        if start < 0 and core and len(core) < len(speaker):
            speaker = core
            start, similarity = _find(speaker, asked)
        if start < 0:
            return 0.0
        if len(speaker) == len(asked):
            return FULL_NAME * similarity
        ok = len(speaker) > 1 or len(speaker[0]) >= 3
        base = NAME_WITHIN_LONGER_ASKED if len(speaker) > 1 else SINGLE_SPEAKER_NAME
        return base * similarity if ok else 0.0
    start, similarity = _find(asked, speaker)
    if start < 0 or (len(asked) == 1 and len(asked[0]) < 3):
        return 0.0
    end = start + len(asked)
    if end == len(speaker):
        base = LAST_NAMES if len(asked) > 1 else SURNAME
    elif start == 0:
        base = FIRST_NAMES if len(asked) > 1 else FIRST_NAME
    else:
        base = MIDDLE_NAME
    return base * similarity


def _nickname_of(short: list[str], full: list[str]) -> bool:
    """Whether a one-word `short` is an Indonesian-style nickname of the name `full`: a
    blend of its first two words (`is_blend`: "Aher" of Ahmad Heryawan, "Jokowi" of Joko
    Widodo, "Buwas" of Budi Waseso), or its initials ("SBY" of Susilo Bambang Yudhoyono,
    three at least). Four letters at least otherwise."""
    if len(short) != 1 or not 2 <= len(full) <= 4 or any(len(w) < 2 for w in full):
        return False  # a longer run holds roles and places ("Kakanwil … Bali Ida Bagus …")
    word = short[0]
    if word == "".join(w[0] for w in full):
        return len(word) >= 3  # not two letters: "AR (17)" is a suspect's initials
    return len(word) >= 4 and is_blend(word, full[:2])


# A blend ("Jokowi") takes at least this much of the first word and two letters of the next.
BLEND_HEAD = 3
# A blend with a shorter start of the first word ("Aher") takes this much of the next.
BLEND_TAIL = 3


def is_blend(token: str, words: list[str]) -> bool:
    """"jokowi" = "joko" + "wi": the start of one name word then the start of the next;
    "aher" = "a" + "her" (Ahmad Heryawan), "buwas" = "bu" + "was": a shorter start of the
    first word when at least `BLEND_TAIL` letters of the next follow it. The extractor's
    speaker book links a short name to a person by it; `match_speaker` a nickname."""
    for first, second in itertools.pairwise(words):
        for cut in range(1, min(len(first), len(token) - 2) + 1):
            if cut < BLEND_HEAD and len(token) - cut < BLEND_TAIL:
                continue
            if token[:cut] == first[:cut] and second.startswith(token[cut:]):
                return True
    return False


def _first_and_last_within(asked: list[str], speaker: list[str]) -> float:
    """`_first_and_last` of the asked run or of a tail of it: a body or place written
    before the name joins its run ("BPOM Penny Lukito" of "Penny Kusumastuti Lukito")."""
    return max((_first_and_last(asked[i:], speaker) for i in range(max(1, len(asked) - 1))),
               default=0.0)


def _first_and_last(short: list[str], long_: list[str]) -> float:
    """How well `short` is `long_`'s first and last words with some middle words left out, in
    order ("Desmond Mahesa" of "Desmond Junaidi Mahesa", "Penny Lukito" of "Penny Kusumastuti
    Lukito"): a similarity as `_find`'s, 0 when it is not."""
    if not 2 <= len(short) < len(long_) or len(short[0]) < 2 or len(short[-1]) < 3:
        return 0.0
    ends = _same_word(short[0], long_[0]) * _same_word(short[-1], long_[-1])
    if not ends:
        return 0.0
    middle, rest = short[1:-1], iter(long_[1:-1])
    inner = 1.0
    for word in middle:  # each in order among the long name's middle words
        inner *= next((_same_word(word, w) for w in rest if _same_word(word, w)), 0.0)
    return ends * inner


def _same_but_initials(asked: list[str], speaker: list[str]) -> bool:
    """The same name of two words or more once one-letter initials are dropped ("R Eko
    Suyatno" is "Eko Suyatno", "I Ketut Artha" is "Ketut Artha")."""
    a, s = [w for w in asked if len(w) > 1], [w for w in speaker if len(w) > 1]
    return len(a) >= 2 and a == s and len(a) + len(s) < len(asked) + len(speaker)


def _mentions(item: str, words: frozenset[str]) -> bool:
    return item in words or any(_same_word(item, w) for w in words)


def _role_score(asked: _Asked, role: frozenset[str]) -> float:
    """How well the statement's role covers an asked description (no name of theirs needed).

    Every asked occupation must be in the role ("the mayor" is no governor), "deputy" on both
    sides or neither, and each named thing asked for must be mentioned ("the mayor of X"
    is not the mayor of Y; "foreign minister Lavrov" is not any foreign minister).
    """
    wanted = asked.concepts | {item for group in asked.groups for item in group}
    if asked.personal or not wanted or not role or not _holds(asked, role):
        return 0.0
    if ("deputy" in asked.concepts) != ("deputy" in role):
        return 0.0  # a deputy holds another office
    fields = asked.concepts & _OFFICE_FIELDS
    if fields and not fields & role and role & _OFFICE_FIELDS:
        return 0.0  # the health minister is not the industry minister
    if _HOME in wanted and not role & _COUNTRIES:
        role |= {_HOME}  # "Ketua Mahkamah Agung" is Indonesia's, in Indonesian news
    if not all(any(_mentions(item, role) for item in group) for group in asked.groups):
        return 0.0
    coverage = sum(_mentions(item, role) for item in wanted) / len(wanted)
    if coverage < 0.5:
        return 0.0
    if asked.described and not any(_mentions(item, role) for group in asked.described
                                   for item in group):
        return LOCAL_ROLE if asked.occupations else 0.0
    return ROLE_ONLY * (ROLE_FLOOR + (1 - ROLE_FLOOR) * coverage)


def _holds(asked: _Asked, role: frozenset[str]) -> bool:
    """Whether the role has every occupation asked for (one of each word's senses)."""
    return all(senses & role for senses in asked.occupations)


def _segment_score(asked: _Asked, speaker_name: list[str], role: frozenset[str]) -> float:
    by_name = speaker_name and not (asked.related and not _holds(asked, role))
    name = max((_run_score(list(run), speaker_name) for run in asked.names if by_name),
               default=0.0)
    if 0 < name < FULL_NAME and asked.occupations and _holds(asked, role):
        name = min(name + ROLE_AGREES_BONUS, 0.95)
    return max(name, _role_score(asked, role))


@lru_cache(maxsize=65536)
def match_speaker(asked: str, speaker: str | None, role: str | None = None) -> float:
    """How well the person a user asked about fits a statement's speaker and role, in [0, 1].

    Args:
        asked: the name or description from the question ("Ushakov", "the Kremlin adviser",
            "juru bicara KPK Febri Diansyah", "Ahed Tamimi's lawyer", "the mayor of Paris").
        speaker: the speaker as the article writes it ("Yuri Ushakov", "Menlu Retno").
        role: the speaker's role when the article gives one.

    Returns:
        1.0 for the full name; 0.85-0.6 for part of it (last names above first names above
        a middle name); 0.51-0.6 for a description the role fits; 0.0 when they do not
        match. An owner is never the person ("Federer's father" is not Roger Federer).
        Cached (a pure function): match distinct (speaker, role) pairs, not every statement.

    >>> match_speaker("Ushakov", "Yuri Ushakov"), match_speaker("penasihat Kremlin", "Yuri Ushakov",
    ...     "penasihat kebijakan luar negeri Kremlin"), match_speaker("Lavrov", "Yuri Ushakov")
    (0.8, 0.6, 0.0)
    """
    score = 0.0
    for asked_name in _name_variants(asked, _QUOTED_NICKNAME):
        for speaker_name in _name_variants(speaker or "", _ALIAS):
            name_words, role_words = _speaker_side(speaker_name, role or "")
            score = max(score, *(_segment_score(a, list(name_words), role_words)
                                 for a in _asked(asked_name)), 0.0)
    return round(score, 4)


def _fuzzy_keys(word: str, prefix: str) -> set[str]:
    """`word` and, when `_same_word` may call it one edit from another (six letters or
    more), each form of it with one letter dropped: two words one edit apart share one."""
    keys = {prefix + word}
    if len(word) >= 6:
        keys |= {prefix + word[:i] + word[i + 1:] for i in range(len(word))}
    return keys


@lru_cache(maxsize=65536)
def speaker_match_keys(speaker: str, role: str | None = None) -> frozenset[str]:
    """Keys of a statement's speaker and role such that `match_speaker(asked, speaker, role)`
    is above zero only if they share one with `asked_match_keys(asked)`: a new question need
    not be matched against every speaker of the index. Name words (and their one-letter-
    dropped forms), the joined name, the first letter (nicknames and initials), role words."""
    keys: set[str] = set()
    for variant in _name_variants(speaker or "", _ALIAS):
        name_words, role_words = _speaker_side(variant, role or "")
        for word in name_words:
            keys |= _fuzzy_keys(word, "w:")
        if name_words:
            keys.add("j:" + "".join(name_words))
            keys.add(("f1:" if len(name_words) == 1 else "f:") + name_words[0][:1])
        for word in role_words:
            keys |= _fuzzy_keys(word, "r:")
        if not role_words & _COUNTRIES:
            keys.add("r:" + _HOME)  # `_role_score` lends it to a role naming no country
    return frozenset(keys)


@lru_cache(maxsize=4096)
def asked_match_keys(asked: str) -> frozenset[str]:
    """The keys `speaker_match_keys` pairs with: of the asked name runs and of what an asked
    role must mention (`_role_score`'s wanted items)."""
    keys: set[str] = set()
    for variant in _name_variants(asked, _QUOTED_NICKNAME):
        for segment in _asked(variant):
            for run in segment.names:
                for word in run:
                    keys |= _fuzzy_keys(word, "w:")
                keys.add("j:" + "".join(run))
                if len(run) == 1:
                    keys.add("f:" + run[0][:1])  # a nickname or initials of a longer name
                elif len(run) <= 4:
                    keys.add("f1:" + run[0][:1])  # a one-word speaker that is their nickname
            wanted = segment.concepts | {item for group in segment.groups for item in group}
            for item in wanted:
                keys |= _fuzzy_keys(item, "r:")
    return frozenset(keys)


# A speaker stored with an alias ("Joko Widodo (Jokowi)", "Hendrik Lyanto (Acheo)"), and a
# nickname quoted inside an asked name ("Hendrik “Acheo” Lyanto"): each form is the person.
_ALIAS = re.compile(r"\s*\(([^()]+)\)")
_QUOTED_NICKNAME = re.compile(r"\s*[“\"]([^“”\"]+)[”\"]")


def _name_variants(name: str, nested: re.Pattern[str]) -> list[str]:
    """`name` itself, and when `nested` finds a nested form in it: the name without it and
    each nested form alone."""
    forms = [m.group(1).strip() for m in nested.finditer(name)]
    if not forms:
        return [name]
    return [name, " ".join(nested.sub(" ", name).split()), *forms]


@lru_cache(maxsize=65536)
def _speaker_side(speaker: str, role: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A statement's speaker name words and role words, read once per (speaker, role): a
    new question is matched against every speaker in the index, and reading them again for
    each question was most of a said question's time at 3,463 articles."""
    speaker_tokens = _read(speaker)
    speaker_name = tuple(t.word for t in speaker_tokens if t.kind in ("name", "qualifier"))
    if speaker_name and all(t.kind != "name" for t in speaker_tokens):
        speaker_name = ()  # "Korea Utara", "pejabat Israel": a body, not a person's name
    return speaker_name, _role_words(role, speaker_tokens)


def _role_words(role: str, speaker_tokens: tuple[_Token, ...]) -> frozenset[str]:
    """What a statement says its speaker is: the role's concepts and words, the acronyms of
    its runs of names ("Komisi Pemberantasan Korupsi" → "kpk"), and the speaker's own when
    it is written as a role ("Wali Kota Paris") or is a body ("Korea Utara"), not when a
    name's word only looks like one ("Ri Yong-ho" is no "RI")."""
    role_tokens = _read(role)
    words = set(role_concepts(role)) | _acronyms(role_tokens)
    has_role = any(t.kind == "role" for t in speaker_tokens)
    if has_role or all(t.kind != "name" for t in speaker_tokens):
        words |= {c for t in speaker_tokens if t.kind in _CONCEPT_KINDS for c in t.concepts}
    if has_role:
        words |= {t.word for t in speaker_tokens if t.kind == "name"} | _acronyms(speaker_tokens)
    for wider, narrower in _WIDER_RELATIONS.items():
        if wider in words:
            words |= narrower  # "orang tua Roger Federer" may be "Federer's father"
    return frozenset(words)


# A role that says only "parent" ("orang tua X", from "… anaknya, X") fits either parent asked.
_WIDER_RELATIONS = {"parent": frozenset(["father", "mother"])}


_MAX_ACRONYM = 6


def _acronyms(tokens: tuple[_Token, ...]) -> set[str]:
    """Initials of every stretch of 2 to 6 capitalisable words (names, qualifiers and the
    words of a role form: "Badan Narkotika Nasional" → "bnn")."""
    words = [t.word for t in tokens if t.kind != "stop"]
    return {"".join(w[0] for w in words[i:j]) for i in range(len(words))
            for j in range(i + 2, min(len(words), i + _MAX_ACRONYM) + 1)}
