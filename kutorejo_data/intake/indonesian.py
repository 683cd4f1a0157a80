"""Chat Indonesian (with the Javanese of East Java mixed in) as words a program can compare.

Residents write "slokan dpn rmh udh mampet lg gk bs mili": lower case, abbreviations, repeated letters, reduplication
with a 2 (`anak2`), Javanese words. `words` turns that into `selokan depan rumah sudah mampet lagi tidak bisa
mengalir`; `content_words` also drops the words that carry no topic ("yang", "di", "sudah", "pak"). The complaint
guess reads `words`; a comparison of two reports (duplicates) should read `content_words` or `normalise`.
Negations ("tidak", "belum") are kept in both: "lampu tidak nyala" and "lampu nyala" are not the same report.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Chat abbreviations and spoken forms → the standard word; several words where one stands for a phrase.
ABBREVIATIONS: dict[str, str] = {
    "jl": "jalan",
    "jln": "jalan",
    "gg": "gang",
    "pju": "penerangan jalan umum",
    "dbd": "demam berdarah",
    "db": "demam berdarah",
    "sdh": "sudah",
    "udh": "sudah",
    "udah": "sudah",
    "dah": "sudah",
    "wis": "sudah",
    "uwis": "sudah",
    "sampun": "sudah",
    "blm": "belum",
    "blum": "belum",
    "lom": "belum",
    "durung": "belum",
    "dereng": "belum",
    "yg": "yang",
    "tdk": "tidak",
    "gk": "tidak",
    "ga": "tidak",
    "gak": "tidak",
    "g": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "engga": "tidak",
    "ndak": "tidak",
    "nda": "tidak",
    "ora": "tidak",
    "mboten": "tidak",
    "rmh": "rumah",
    "omah": "rumah",
    "dgn": "dengan",
    "dg": "dengan",
    "dr": "dari",
    "krn": "karena",
    "karna": "karena",
    "kmrn": "kemarin",
    "kmarin": "kemarin",
    "kemaren": "kemarin",
    "wingi": "kemarin",
    "skrg": "sekarang",
    "skr": "sekarang",
    "saiki": "sekarang",
    "bgt": "banget",
    "jd": "jadi",
    "lg": "lagi",
    "maneh": "lagi",
    "sy": "saya",
    "tp": "tapi",
    "sm": "sama",
    "utk": "untuk",
    "dkt": "dekat",
    "cedak": "dekat",
    "dpn": "depan",
    "ngarep": "depan",
    "blkg": "belakang",
    "mburi": "belakang",
    "tlg": "tolong",
    "mhn": "mohon",
    "bpk": "bapak",
    "org": "orang",
    "trs": "terus",
    "msh": "masih",
    "bs": "bisa",
    "bsa": "bisa",
    "iso": "bisa",
    "isa": "bisa",
    "kl": "kalau",
    "klo": "kalau",
    "kalo": "kalau",
    "nek": "kalau",
    "smp": "sampai",
    "sampe": "sampai",
    "spt": "seperti",
    "aja": "saja",
    "gmn": "bagaimana",
    "knp": "kenapa",
    "dmn": "dimana",
    "tgl": "tanggal",
    "mlm": "malam",
    "malem": "malam",
    "hr": "hari",
    "dino": "hari",
    "mgg": "minggu",
    "bln": "bulan",
    "thn": "tahun",
    "dll": "dan lain lain",
    "kel": "kelurahan",
    "kec": "kecamatan",
    "dateng": "datang",
    "teka": "datang",
    "ilang": "hilang",
    "bener": "benar",
    "pake": "pakai",
    "banyu": "air",
    "dalan": "jalan",
    "uwit": "pohon",
    "wit": "pohon",
    "akeh": "banyak",
    "peteng": "gelap",
    "nang": "di",
    "neng": "di",
    "ning": "di",
    "mili": "mengalir",
    "ngalir": "mengalir",
    "mbludak": "meluap",
    "mbludag": "meluap",
    "doyong": "miring",
    "tugel": "patah",
    "ambruk": "roboh",
    "rubuh": "roboh",
    "rong": "dua",
    "suwun": "terima kasih",
    "nuwun": "terima kasih",
    "makasih": "terima kasih",
    "makasi": "terima kasih",
    "terimakasih": "terima kasih",
    "trims": "terima kasih",
    "tq": "terima kasih",
    "thx": "terima kasih",
    "slokan": "selokan",
    "nggenang": "genang",
    "ngenang": "genang",
    "nyuri": "curi",
    "nyolong": "curi",
    "colong": "curi",
    "dicolong": "curi",
    "semalem": "semalam",
    "ngambil": "ambil",
    "nemu": "menemukan",
    "bikin": "buat",
    "ngebut": "kebut",
}

# Words that carry no topic of their own: function words, forms of address and chat particles.
STOP_WORDS: frozenset[str] = frozenset(
    {
        "yang",
        "di",
        "ke",
        "dari",
        "sudah",
        "dan",
        "atau",
        "itu",
        "ini",
        "ada",
        "pak",
        "bu",
        "bapak",
        "ibu",
        "mas",
        "mbak",
        "cak",
        "rek",
        "lur",
        "dong",
        "sih",
        "nih",
        "ya",
        "yah",
        "kok",
        "deh",
        "lah",
        "kan",
        "saja",
        "juga",
        "lagi",
        "dengan",
        "untuk",
        "pada",
        "dalam",
        "akan",
        "sama",
        "saya",
        "kami",
        "kita",
        "aku",
        "nya",
        "e",
        "jadi",
        "karena",
        "tapi",
        "kalau",
        "sangat",
        "banget",
        "sekali",
        "masih",
        "terus",
        "mohon",
        "tolong",
        "the",
        "mau",
        "pun",
        "oleh",
        "buat",
        "para",
        "kah",
    }
)

_APOSTROPHES = re.compile(r"['’`]")
# `anak2`, `dateng2`, `sakit2an`: the 2 repeats the word (a plural or an emphasis), its suffix goes with it.
_REDUPLICATION = re.compile(r"\b([a-z]{3,})2[a-z]*\b")
_LETTERS_DIGITS = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_REPEATED_LETTER = re.compile(r"([a-z])\1{2,}")
_TOKEN = re.compile(r"[a-z0-9]+")


def _ascii_lower(text: str) -> str:
    """Lower case without accents and emoji (they carry no words)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=4096)
def _expand(token: str) -> tuple[str, ...]:
    return tuple(ABBREVIATIONS.get(token, token).split())


def words(text: str) -> list[str]:
    """The message as standard lower-case words: abbreviations and spoken forms expanded, nothing dropped."""
    text = _APOSTROPHES.sub("", _ascii_lower(text))
    text = _REDUPLICATION.sub(r"\1", text)
    text = _LETTERS_DIGITS.sub(" ", text)
    text = _REPEATED_LETTER.sub(r"\1", text)  # "pagiii", "mampettt": a letter held down, not a new word
    return [word for token in _TOKEN.findall(text) for word in _expand(token)]


def content_words(text: str) -> list[str]:
    """The words that say what the message is about: `words` without the stop words."""
    return [word for word in words(text) if word not in STOP_WORDS]


def normalise(text: str) -> str:
    """One comparable string for a message: its content words joined by single spaces."""
    return " ".join(content_words(text))
