"""Words offices use for statuses, categories, priorities, sources, handlers and activity types, matched loosely.

A cell is normalised (case, punctuation, common abbreviations like 'sdh' → 'sudah'), then looked up exactly,
then by single words, then with difflib close matches. A cell that says "not" (belum, tidak) never matches a
word it negates: 'belum selesai' is not 'selesai'.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from kutorejo_data.core import domain

from .values import normalise

ABBREVIATIONS: dict[str, str] = {
    "sdh": "sudah",
    "udh": "sudah",
    "blm": "belum",
    "dlm": "dalam",
    "tdk": "tidak",
    "sdg": "sedang",
    "dg": "dengan",
    "yg": "yang",
    "dr": "dari",
    "krn": "karena",
    "kel": "kelurahan",
    "pju": "penerangan jalan",
}
NEGATIONS = frozenset({"belum", "tidak", "bukan", "not", "no"})
CUTOFF = 0.8

STATUS_WORDS: dict[str, str] = {
    "baru": "baru",
    "masuk": "baru",
    "belum ditangani": "baru",
    "belum diproses": "baru",
    "new": "baru",
    "open": "baru",
    "laporan baru": "baru",
    "belum diverifikasi": "baru",
    "diverifikasi": "diverifikasi",
    "verifikasi": "diverifikasi",
    "terverifikasi": "diverifikasi",
    "sudah diverifikasi": "diverifikasi",
    "dicek": "diverifikasi",
    "sudah dicek": "diverifikasi",
    "valid": "diverifikasi",
    "verified": "diverifikasi",
    "diproses": "diproses",
    "proses": "diproses",
    "dalam proses": "diproses",
    "sedang diproses": "diproses",
    "ditangani": "diproses",
    "sedang ditangani": "diproses",
    "dikerjakan": "diproses",
    "sedang dikerjakan": "diproses",
    "in progress": "diproses",
    "on progress": "diproses",
    "progres": "diproses",
    "tindak lanjut": "diproses",
    "ditindaklanjuti": "diproses",
    "selesai": "selesai",
    "sudah selesai": "selesai",
    "beres": "selesai",
    "sudah beres": "selesai",
    "tuntas": "selesai",
    "done": "selesai",
    "closed": "selesai",
    "resolved": "selesai",
    "sudah ditangani": "selesai",
    "ditolak": "ditolak",
    "tolak": "ditolak",
    "tidak valid": "ditolak",
    "bukan wewenang": "ditolak",
    "rejected": "ditolak",
    "duplikat": "duplikat",
    "dobel": "duplikat",
    "ganda": "duplikat",
    "double": "duplikat",
    "duplicate": "duplikat",
}
PRIORITY_WORDS: dict[str, str] = {
    "tinggi": "tinggi",
    "mendesak": "tinggi",
    "darurat": "tinggi",
    "urgent": "tinggi",
    "penting": "tinggi",
    "high": "tinggi",
    "sedang": "sedang",
    "normal": "sedang",
    "biasa": "sedang",
    "medium": "sedang",
    "menengah": "sedang",
    "rendah": "rendah",
    "low": "rendah",
    "tidak mendesak": "rendah",
}
SOURCE_WORDS: dict[str, str] = {
    "warga": "warga",
    "masyarakat": "warga",
    "penduduk": "warga",
    "resident": "warga",
    "rt": "rt",
    "ketua rt": "rt",
    "pengurus rt": "rt",
    "rw": "rw",
    "ketua rw": "rw",
    "pengurus rw": "rw",
    "musyawarah": "musyawarah",
    "rapat": "musyawarah",
    "musrenbang": "musyawarah",
    "kelurahan": "kelurahan",
    "kantor kelurahan": "kelurahan",
    "lurah": "kelurahan",
    "desa": "kelurahan",
    "staf kelurahan": "kelurahan",
}
HANDLER_WORDS: dict[str, str] = {
    "rt": "rt",
    "ketua rt": "rt",
    "rw": "rw",
    "ketua rw": "rw",
    "kelurahan": "kelurahan",
    "lurah": "kelurahan",
    "desa": "kelurahan",
    "kantor kelurahan": "kelurahan",
    "dinas": "dinas",
    "opd": "dinas",
    "dinas opd": "dinas",
    "pemkab": "dinas",
    "kabupaten": "dinas",
    "instansi": "dinas",
}
ACTIVITY_WORDS: dict[str, str] = {
    "kerja bakti": "kerja_bakti",
    "gotong royong": "kerja_bakti",
    "bersih bersih": "kerja_bakti",
    "resik resik": "kerja_bakti",
    "bersih desa": "kerja_bakti",
    "musyawarah rt": "musyawarah_rt",
    "rapat rt": "musyawarah_rt",
    "pertemuan rt": "musyawarah_rt",
    "musyawarah": "musyawarah_rt",
    "rapat rw": "rapat_rw",
    "musyawarah rw": "rapat_rw",
    "pertemuan rw": "rapat_rw",
    "posyandu": "posyandu",
    "posyandu balita": "posyandu",
    "posyandu lansia": "posyandu",
    "penimbangan": "posyandu",
    "ronda": "ronda",
    "ronda malam": "ronda",
    "siskamling": "ronda",
    "poskamling": "ronda",
    "keagamaan": "keagamaan",
    "pengajian": "keagamaan",
    "yasinan": "keagamaan",
    "tahlilan": "keagamaan",
    "istighosah": "keagamaan",
    "majelis taklim": "keagamaan",
    "kegiatan keagamaan": "keagamaan",
    "pkk": "pkk",
    "pertemuan pkk": "pkk",
    "arisan pkk": "pkk",
    "dasawisma": "pkk",
    "karang taruna": "karang_taruna",
    "kartar": "karang_taruna",
    "bimtek": "bimtek",
    "bimbingan teknis": "bimtek",
    "pelatihan": "bimtek",
    "workshop": "bimtek",
    "rapat koordinasi": "rapat_koordinasi",
    "rakor": "rapat_koordinasi",
    "rakor kelurahan": "rapat_koordinasi",
    "koordinasi": "rapat_koordinasi",
}
# Office words for the default categories; a category the office adds is matched by its own slug and name.
CATEGORY_WORDS: dict[str, str] = {
    "jalan": "jalan-gang",
    "gang": "jalan-gang",
    "jalan rusak": "jalan-gang",
    "jalan berlubang": "jalan-gang",
    "paving": "jalan-gang",
    "aspal": "jalan-gang",
    "jembatan": "jalan-gang",
    "got": "drainase-banjir",
    "selokan": "drainase-banjir",
    "saluran": "drainase-banjir",
    "saluran air": "drainase-banjir",
    "genangan": "drainase-banjir",
    "sampah": "sampah-kebersihan",
    "kebersihan": "sampah-kebersihan",
    "lampu": "penerangan-jalan",
    "lampu jalan": "penerangan-jalan",
    "penerangan": "penerangan-jalan",
    "pdam": "air-bersih",
    "air": "air-bersih",
    "sumur": "air-bersih",
    "keamanan": "keamanan-ketertiban",
    "ketertiban": "keamanan-ketertiban",
    "pencurian": "keamanan-ketertiban",
    "maling": "keamanan-ketertiban",
    "kamtibmas": "keamanan-ketertiban",
    "demam berdarah": "kesehatan",
    "dbd": "kesehatan",
    "stunting": "kesehatan",
    "posyandu": "kesehatan",
    "sosial": "sosial-bansos",
    "bansos": "sosial-bansos",
    "blt": "sosial-bansos",
    "pkh": "sosial-bansos",
    "dtks": "sosial-bansos",
    "adminduk": "administrasi-kependudukan",
    "ktp": "administrasi-kependudukan",
    "kk": "administrasi-kependudukan",
    "akta": "administrasi-kependudukan",
    "kependudukan": "administrasi-kependudukan",
    "fasum": "fasilitas-umum",
    "fasilitas": "fasilitas-umum",
    "pohon": "lingkungan-pohon",
    "pohon tumbang": "lingkungan-pohon",
    "lingkungan": "lingkungan-pohon",
    "lain lain": "lainnya",
    "lainnya": "lainnya",
    "lain": "lainnya",
}


def _expand(text: str) -> str:
    """Normalise a cell and spell out the abbreviations offices use."""
    return " ".join(ABBREVIATIONS.get(word, word) for word in normalise(text).split())


class Vocabulary:
    """Maps what an office writes to one value of a fixed set, exactly or as a close spelling."""

    def __init__(self, phrases: Mapping[str, str], words: Mapping[str, str] | None = None) -> None:
        self.phrases = {_expand(phrase): value for phrase, value in phrases.items()}
        self.words = dict(words or {})
        self._seen: dict[str, str | None] = {}

    def match(self, text: str) -> str | None:
        """The value `text` stands for, or None when it is unknown or ambiguous."""
        if text not in self._seen:  # a file repeats the same few spellings thousands of times
            self._seen[text] = self._lookup(_expand(text))
        return self._seen[text]

    def _lookup(self, key: str) -> str | None:
        if not key:
            return None
        if key in self.phrases:
            return self.phrases[key]
        tokens = key.split()
        if NEGATIONS.intersection(tokens):  # 'belum selesai' must not become 'selesai'
            return None
        close = difflib.get_close_matches(key, self.phrases, n=1, cutoff=CUTOFF)
        if close:
            return self.phrases[close[0]]
        return self._by_words(tokens)

    def _by_words(self, tokens: list[str]) -> str | None:
        """One value when every known word of the cell points to it ('Drainase/selokan' → drainase-banjir)."""
        for fuzzy in (False, True):
            found: set[str] = set()
            for token in tokens:
                if token in self.words:
                    found.add(self.words[token])
                elif fuzzy and len(token) >= 4:
                    close = difflib.get_close_matches(token, self.words, n=1, cutoff=CUTOFF + 0.05)
                    found.update(self.words[c] for c in close)
            if len(found) == 1:
                return found.pop()
            if found:
                return None  # words of different values: ambiguous
        return None


def _fixed(values: Iterable[str], synonyms: Mapping[str, str]) -> Vocabulary:
    phrases = {value.replace("_", " "): value for value in values}
    phrases.update(synonyms)
    return Vocabulary(phrases, {p: v for p, v in phrases.items() if " " not in p})


STATUSES = _fixed(domain.STATUSES, STATUS_WORDS)
PRIORITIES = _fixed(domain.PRIORITIES, PRIORITY_WORDS)
SOURCES = _fixed(domain.SOURCES, SOURCE_WORDS)
HANDLERS = _fixed(domain.HANDLER_LEVELS, HANDLER_WORDS)
ACTIVITY_TYPES = _fixed(domain.ACTIVITY_TYPES, ACTIVITY_WORDS)
TARGET_UNITS = Vocabulary(
    {
        "orang": "orang",
        "jiwa": "orang",
        "peserta": "orang",
        "kk": "KK",
        "kepala keluarga": "KK",
        "rumah": "KK",
        "keluarga": "KK",
    }
)


def category_vocabulary(categories: Mapping[str, str]) -> Vocabulary:
    """Matching for the database's active categories (slug → name): slugs, names, their words, office words."""
    phrases: dict[str, str] = {}
    word_owners: dict[str, set[str]] = {}
    for slug, nama in categories.items():
        phrases[slug.replace("-", " ")] = slug
        phrases[nama] = slug
        for word in {*normalise(slug).split(), *normalise(nama).split()}:
            if len(word) >= 3:
                word_owners.setdefault(word, set()).add(slug)
    # A word shared by two categories ('jalan' in 'Jalan & gang' and 'Penerangan jalan') decides nothing alone.
    words = {word: next(iter(owners)) for word, owners in word_owners.items() if len(owners) == 1}
    for phrase, slug in CATEGORY_WORDS.items():
        if slug in categories:
            phrases[phrase] = slug
            if " " not in phrase:
                words[phrase] = slug
    return Vocabulary(phrases, words)
