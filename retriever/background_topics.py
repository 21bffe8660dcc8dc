"""Everyday news topics that no particular statement answers: a null model for refusal.

Where the index holds little besides the person's own articles (a quick start with one
article), "is some other article a better match for the topic?" (`said_rank.MAX_TOPIC_GAP`)
has nothing to compare with, and e5 cosines are high for any pair ("Ushakov on football" .78
against his Ukraine quote, "on Iran" .81). A statement that truly answers a topic matches
it clearly better than it matches these unrelated topics (`said_rank.background_margin`);
one that matches everything alike answers none of them. Written for kutip, in both
languages a question may come in; none is taken from an evaluation set.
"""

from __future__ import annotations

__all__ = ["BACKGROUND_TOPICS"]

_EN = (
    "the price of rice", "football transfer rumours", "the weather this weekend",
    "a new smartphone launch", "the stock market", "a celebrity wedding",
    "traffic jams in the capital", "the national exam results", "a flood in the province",
    "vaccination for children", "the fuel price increase", "a corruption trial",
    "the election campaign", "a music festival", "tourism to the island",
    "the badminton championship", "a plane crash investigation", "the minimum wage",
    "an earthquake and tsunami warning", "the film box office", "climate change",
    "a drug smuggling case", "online shopping", "the new toll road",
    "the central bank interest rate", "school holidays", "a forest fire",
    "the Hajj pilgrimage", "a motorcycle race", "the housing shortage", "a hospital strike",
    "the tax amnesty", "a new airport", "a murder case", "the coffee harvest",
    "an animal rescue at the zoo", "the Olympic Games", "a data leak", "a teachers' protest",
    "space exploration",
)
_ID = (
    "harga beras", "rumor transfer pemain sepak bola", "cuaca akhir pekan ini",
    "peluncuran ponsel baru", "pasar saham", "pernikahan selebritas",
    "kemacetan lalu lintas di ibu kota", "hasil ujian nasional", "banjir di provinsi",
    "vaksinasi untuk anak-anak", "kenaikan harga BBM", "sidang kasus korupsi",
    "kampanye pemilu", "festival musik", "pariwisata ke pulau", "kejuaraan bulu tangkis",
    "penyelidikan kecelakaan pesawat", "upah minimum", "gempa bumi dan peringatan tsunami",
    "pendapatan film di bioskop", "perubahan iklim", "kasus penyelundupan narkoba",
    "belanja daring", "jalan tol baru", "suku bunga bank sentral", "libur sekolah",
    "kebakaran hutan", "ibadah haji", "balapan motor", "kekurangan perumahan",
    "mogok kerja di rumah sakit", "amnesti pajak", "bandara baru", "kasus pembunuhan",
    "panen kopi", "penyelamatan satwa di kebun binatang", "Olimpiade", "kebocoran data",
    "unjuk rasa guru", "penjelajahan luar angkasa",
)
BACKGROUND_TOPICS: dict[str, tuple[str, ...]] = {"en": _EN, "id": _ID}
"""By question language (a topic is compared in the language it was asked in: an English
topic scores lower on Indonesian text, and so do these)."""
