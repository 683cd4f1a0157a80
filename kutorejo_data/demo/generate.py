"""Deterministic, illustrative demo data for Kelurahan Kutorejo: RW/RT, reports with their history, activities.

The real RW/RT structure of Kutorejo is not published: everything below is plausible, not real. The same seed,
end date and arguments always give the same rows (when the end day is today, nothing is generated after the
current minute, so only that day's rows depend on the clock). Reports are generated as numpy columns and
bulk-inserted, so a million reports take a minute or two rather than hours.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock

import numpy as np
from faker import Faker
from sqlalchemy import Connection, Engine, text

from kutorejo_data.core import config, domain, tracking
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.periods import add_months
from kutorejo_data.core.wilayah import WilayahEntry, lookup
from kutorejo_data.core.workdays import WorkCalendar
from kutorejo_data.records.assignment import assign_unassigned, deadlines_many
from kutorejo_data.records.escalation import tick
from kutorejo_data.records.notifications import REOPENED_BY_REPORTER, REPORTER_ACTOR
from kutorejo_data.store.bulk import analyze, bulk_load, insert_rows, reset_sequences, vacuum, written_in_place
from kutorejo_data.store.capacity_rekap import fill_every_rt
from kutorejo_data.store.monthly_rekap import fill_every_area

from .accounts import DemoAccount, add_demo_accounts, demo_accounts
from .answers import add_resident_answers
from .decisions import add_demo_decisions
from .evidence import PHOTO_MONTHS, add_demo_boundaries, add_demo_photos

# --------------------------------------------------------------------------------------------------------------
# Public API


# Who the assignment history names for what the demo set up.
DEMO_ACTOR = "demo"


class DemoError(RuntimeError):
    """The demo data cannot be generated (database not empty, impossible arguments)."""


@dataclass(frozen=True)
class DemoSummary:
    """What `generate_demo` inserted, and how long it took."""

    kelurahan: int
    rw: int
    rt: int
    tokoh: int
    reports: int
    history: int
    activities: int
    accounts: int
    seconds: float
    photos: int = 0


def generate_demo(
    engine: Engine, *, seed: int = 2026, months: int = 24, reports: int = 2000, end: date | None = None
) -> DemoSummary:
    """Fill an empty, migrated database with demo data ending on `end` (default: today) and mark it as demo."""
    started = time.perf_counter()
    end = end or config.today_local()
    period = _period(end, months, config.now_local())
    if reports < 0:
        raise DemoError(f"jumlah laporan tidak boleh negatif: {reports}")
    with written_in_place(engine), write_transaction(engine) as conn:
        _require_empty(conn)
        categories = _load_categories(conn)
        area = _build_area(seed, period)
        generated = _generate_reports(np.random.default_rng([seed, 1]), area, categories, period, reports)
        activities = _generate_activities(np.random.default_rng([seed, 2]), area, period)
        codes = _tracking_codes(np.random.default_rng([seed, 5]), generated.count)
        counts = _insert_everything(conn, area, categories, generated, activities, codes)
        _add_evidence(conn, area, seed, period, counts)
        counts["accounts"] = add_demo_accounts(conn, _accounts_of(area), period.horizon)
        assign_unassigned(conn, actor=DEMO_ACTOR, now=period.horizon)
        _mark_as_demo(conn, seed, period)
        add_resident_answers(conn, np.random.default_rng([seed, 4]), period.horizon)
        add_demo_decisions(conn, np.random.default_rng([seed, 6]), KELURAHAN_ID, period.horizon)
    # As if the daily escalation job had been running: what is past its level's deadline has moved up.
    tick(engine, now=period.horizon)
    vacuum(engine, (*_ID_TABLES, "kegiatan_kehadiran", "riwayat_penugasan"))
    fill_every_area(engine, end)
    fill_every_rt(engine, config.now_local())
    return DemoSummary(seconds=round(time.perf_counter() - started, 2), **counts)


def database_has_data(engine: Engine) -> bool:
    """True when the database already holds areas, reports or activities (the demo only fills empty ones)."""
    with engine.connect() as conn:
        return bool(_tables_with_rows(conn))


# --------------------------------------------------------------------------------------------------------------
# Period: which days and instants may carry data


@dataclass(frozen=True)
class _Period:
    start: date  # first day of the first month
    end: date
    horizon: datetime  # nothing happens after this instant

    @property
    def horizon_secs(self) -> int:
        return _secs(self.horizon)


def _period(end: date, months: int, now: datetime) -> _Period:
    """`months` calendar months ending with `end`'s month (to date); never reaching into the future."""
    if months < 1:
        raise DemoError(f"jumlah bulan minimal 1, bukan {months}")
    if end > now.date():
        raise DemoError(f"tanggal akhir {end.isoformat()} ada di masa depan (hari ini {now.date().isoformat()})")
    start = add_months(end.replace(day=1), -(months - 1))
    # End of the end day, unless that is still to come: then "now", so no row is dated in the future.
    horizon = min(datetime.combine(end, clock(23, 59, 59)), now)
    return _Period(start=start, end=end, horizon=horizon)


def _month_starts(period: _Period) -> list[date]:
    starts, current = [], period.start
    while current <= period.end:
        starts.append(current)
        current = add_months(current, 1)
    return starts


_EPOCH = datetime(1970, 1, 1)
_DAY = 86_400
_HOUR = 3_600


def _secs(moment: datetime) -> int:
    """Naive local time as whole seconds since 1970 (WIB has no DST, so plain arithmetic is exact)."""
    return int((moment - _EPOCH).total_seconds())


def _format_times(secs: np.ndarray) -> list[str]:
    """Seconds → the text SQLAlchemy stores for DateTime on SQLite; PostgreSQL's COPY parses it too."""
    iso = np.datetime_as_string(secs.astype("datetime64[s]"), unit="s")
    return np.strings.add(np.strings.replace(iso, "T", " "), ".000000").tolist()


def _format_moment(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.000000")


# --------------------------------------------------------------------------------------------------------------
# Areas: kelurahan, RW, RT, tokoh and the residents who report


KELURAHAN_ID = 1
_RW_COUNT = 10
_REPORTERS_PER_RT = 40
# Somewhere in the middle of Kutorejo, Pandaan; RW centres are scattered around it.
_CENTRE_LAT, _CENTRE_LON = -7.655, 112.69

_GANG_NAMES = (
    "Mawar",
    "Melati",
    "Kenanga",
    "Anggrek",
    "Flamboyan",
    "Dahlia",
    "Cempaka",
    "Kamboja",
    "Teratai",
    "Seruni",
    "Bougenville",
    "Nusa Indah",
    "Asoka",
    "Tanjung",
    "Sawo",
    "Mangga",
    "Rambutan",
    "Belimbing",
    "Salak",
    "Durian",
    "Nangka",
    "Jambu",
    "Kelapa",
    "Pisang",
    "Delima",
    "Manggis",
    "Sirsak",
    "Kedondong",
    "Matahari",
    "Sakura",
)
_STREETS = (
    "Jl. Raya Kutorejo",
    "Jl. Kutorejo",
    "Jl. Masjid",
    "Jl. Pasar",
    "Jl. Sekolah",
    "Jl. Makam",
    "Jl. Lapangan",
    "Jl. Pesantren",
    "Jl. Sawah",
    "Jl. Irigasi",
    "Jl. Balai RW",
    "Jl. Sumber",
)
_TOGA_TITLES = ("Ustadz", "KH.", "Kyai", "H.", "Ustadzah", "Pdt.")
_TOGA_TITLE_WEIGHTS = (0.35, 0.15, 0.2, 0.2, 0.07, 0.03)


@dataclass(frozen=True)
class _Rw:
    index: int
    id: int
    nomor: str
    ketua: str
    capacity: float  # latent organisational strength: drives meetings and follow-up
    streets: tuple[str, str]
    lat: float
    lon: float


@dataclass(frozen=True)
class _Rt:
    index: int
    id: int
    rw: _Rw
    nomor: str
    ketua: str
    kk: int
    warga: int
    diperbarui: date | None
    capacity: float  # latent z-score: busy, well-run RTs report, solve and attend more
    report_weight: float
    flood_factor: float  # low-lying RTs near the river flood more
    rakor_propensity: float  # how likely the head comes to a kelurahan meeting
    gangs: tuple[str, str]
    lat: float
    lon: float
    ronda_weekday: int
    kerja_bakti_week: int

    @property
    def label(self) -> str:
        return f"RT {self.nomor}/RW {self.rw.nomor}"


@dataclass(frozen=True)
class _Tokoh:
    id: int
    rw: _Rw
    rt: _Rt | None
    jenis: str
    nama: str


@dataclass(frozen=True)
class _Area:
    wilayah: WilayahEntry
    rws: tuple[_Rw, ...]
    rts: tuple[_Rt, ...]
    tokoh: tuple[_Tokoh, ...]
    reporter_names: tuple[str, ...]  # _REPORTERS_PER_RT residents per RT, in RT order
    reporter_phones: tuple[str, ...]


def _sigmoid(x: float) -> float:
    return float(1.0 / (1.0 + np.exp(-x)))


def _person(fake: Faker) -> str:
    return f"{fake.first_name()} {fake.last_name()}"


def _build_area(seed: int, period: _Period) -> _Area:
    """The kelurahan with its RW, RT, tokoh and reporters; independent of the number of reports."""
    rng = np.random.default_rng([seed, 0])
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    wilayah = lookup(config.DEFAULT_KELURAHAN_KODE)
    rws = tuple(_make_rw(rng, fake, i) for i in range(_RW_COUNT))
    gang_names = _gang_pool(rng)
    rts: list[_Rt] = []
    for rw in rws:
        for number in range(1, int(rng.integers(3, 7)) + 1):
            rts.append(_make_rt(rng, fake, rw, number, len(rts), gang_names, period))
    tokoh = _make_tokoh(rng, fake, rws, rts)
    names = tuple(_person(fake) for _ in range(len(rts) * _REPORTERS_PER_RT))
    phones = tuple(_phone(rng) for _ in names)
    return _Area(wilayah=wilayah, rws=rws, rts=tuple(rts), tokoh=tokoh, reporter_names=names, reporter_phones=phones)


def _make_rw(rng: np.random.Generator, fake: Faker, index: int) -> _Rw:
    angle, distance = rng.uniform(0, 2 * np.pi), rng.uniform(0.002, 0.008)
    own_street = _STREETS[2 + index % (len(_STREETS) - 2)]
    main_street = _STREETS[0] if index % 2 == 0 else _STREETS[1]
    return _Rw(
        index=index,
        id=index + 1,
        nomor=domain.format_rw(index + 1),
        ketua=_person(fake),
        capacity=float(rng.normal()),
        streets=(main_street, own_street),
        lat=round(_CENTRE_LAT + distance * np.sin(angle), 6),
        lon=round(_CENTRE_LON + distance * np.cos(angle), 6),
    )


def _gang_pool(rng: np.random.Generator) -> list[str]:
    """Unique gang names: flower/fruit names, numbered I–III like many kampung alleys."""
    names = [f"Gang {base} {roman}".rstrip() for roman in ("", "II", "III") for base in _GANG_NAMES]
    return [names[i] for i in rng.permutation(len(names))]


def _make_rt(
    rng: np.random.Generator, fake: Faker, rw: _Rw, number: int, index: int, gangs: list[str], period: _Period
) -> _Rt:
    capacity = float(0.6 * rw.capacity + 0.8 * rng.normal())
    kk = int(rng.integers(30, 81))
    stale = rng.random()
    if stale < 0.05:
        diperbarui = None  # never confirmed since the system started
    elif stale < 0.15:
        diperbarui = period.end - timedelta(days=int(rng.integers(400, 900)))
    else:
        diperbarui = period.end - timedelta(days=int(rng.integers(0, 330)))
    return _Rt(
        index=index,
        id=index + 1,
        rw=rw,
        nomor=domain.format_rt(number),
        ketua=_person(fake),
        kk=kk,
        warga=int(round(kk * rng.uniform(3.2, 3.8))),
        diperbarui=diperbarui,
        capacity=capacity,
        report_weight=float(kk * np.exp(0.8 * capacity + 0.4 * rng.normal())),
        flood_factor=float(rng.lognormal(0.0, 0.7)),
        rakor_propensity=_sigmoid(1.0 + 1.3 * capacity + 0.5 * rng.normal()),
        gangs=(gangs[2 * index % len(gangs)], gangs[(2 * index + 1) % len(gangs)]),
        lat=round(rw.lat + rng.normal(0, 0.0015), 6),
        lon=round(rw.lon + rng.normal(0, 0.0015), 6),
        ronda_weekday=int(rng.choice([5, 5, 5, 4, 6, 2])),  # mostly Saturday night
        kerja_bakti_week=int(rng.integers(1, 5)),
    )


def _make_tokoh(rng: np.random.Generator, fake: Faker, rws: Sequence[_Rw], rts: Sequence[_Rt]) -> tuple[_Tokoh, ...]:
    """1–2 tokoh masyarakat and one tokoh agama per RW, some tied to an RT."""
    result: list[_Tokoh] = []
    for rw in rws:
        own_rts = [rt for rt in rts if rt.rw is rw]
        kinds = ["tomas"] * int(rng.integers(1, 3)) + ["toga"]
        for jenis in kinds:
            rt = own_rts[int(rng.integers(len(own_rts)))] if rng.random() < 0.5 else None
            if jenis == "toga":
                title = str(rng.choice(_TOGA_TITLES, p=_TOGA_TITLE_WEIGHTS))
                nama = f"{title} {_person(fake)}"
            else:
                nama = _person(fake)
            result.append(_Tokoh(id=len(result) + 1, rw=rw, rt=rt, jenis=jenis, nama=nama))
    return tuple(result)


def _phone(rng: np.random.Generator) -> str:
    """A synthetic Indonesian mobile number (real prefixes, random digits)."""
    prefix = str(rng.choice(["0812", "0813", "0821", "0822", "0852", "0853", "0857", "0878", "0896"]))
    return prefix + "".join(str(d) for d in rng.integers(0, 10, size=int(rng.integers(7, 9))))


# --------------------------------------------------------------------------------------------------------------
# Categories: how often, when, how urgent, who handles them, what people write


@dataclass(frozen=True)
class _Profile:
    weight: float  # relative frequency in the dry season
    rain: float  # extra frequency at the height of the rainy season (negative: a dry-season problem)
    tinggi: float  # share with priority tinggi
    handlers: tuple[float, float, float, float]  # shares handled by RT, RW, kelurahan, dinas
    dinas: str
    titles: tuple[str, ...]
    details: tuple[str, ...]


_PROFILES: dict[str, _Profile] = {
    "jalan-gang": _Profile(
        0.13,
        0.4,
        0.15,
        (0.15, 0.25, 0.35, 0.25),
        "Dinas PUPR Kab. Pasuruan",
        (
            "Jalan berlubang di {tempat}",
            "Paving ambles di {tempat}",
            "Aspal mengelupas di {tempat}",
            "Jalan licin dan berlumpur di {tempat}",
            "Polisi tidur terlalu tinggi di {tempat}",
            "Jalan retak dan bergelombang di {tempat}",
        ),
        (
            "Lubang cukup dalam dan sudah membuat pengendara motor jatuh.",
            "Paving turun setelah hujan deras, air menggenang di atasnya.",
            "Kerusakan makin lebar, anak sekolah harus lewat pinggir.",
            "Warga sudah menimbun sementara dengan sirtu, perlu perbaikan permanen.",
        ),
    ),
    "drainase-banjir": _Profile(
        0.045,
        8.0,
        0.3,
        (0.3, 0.25, 0.25, 0.2),
        "Dinas PUPR Kab. Pasuruan",
        (
            "Selokan mampet di {tempat}",
            "Saluran air meluap di {tempat}",
            "Genangan banjir di {tempat}",
            "Gorong-gorong tersumbat sampah di {tempat}",
            "Air masuk rumah warga di {tempat}",
            "Tanggul saluran jebol di {tempat}",
        ),
        (
            "Setiap hujan deras air meluap ke jalan dan masuk ke teras rumah warga.",
            "Saluran tertutup sedimen dan sampah plastik, air tidak mengalir.",
            "Genangan setinggi 20–40 cm bertahan berjam-jam setelah hujan.",
            "Gorong-gorong terlalu kecil untuk debit air musim hujan.",
        ),
    ),
    "sampah-kebersihan": _Profile(
        0.15,
        0.0,
        0.1,
        (0.45, 0.25, 0.2, 0.1),
        "DLH Kab. Pasuruan",
        (
            "Sampah menumpuk di TPS {tempat}",
            "Gerobak sampah tidak mengangkut di {tempat}",
            "Pembakaran sampah mengganggu warga di {tempat}",
            "Sampah dibuang ke sungai di {tempat}",
            "Tempat sampah penuh di {tempat}",
            "Bau sampah menyengat di {tempat}",
        ),
        (
            "Sampah sudah lebih dari seminggu tidak diangkut dan mulai berbau.",
            "Ada warga yang membuang sampah sembarangan pada malam hari.",
            "Asap pembakaran masuk ke rumah, ada balita dengan sesak napas.",
            "Perlu jadwal pengangkutan yang jelas dan tambahan tong sampah.",
        ),
    ),
    "penerangan-jalan": _Profile(
        0.09,
        0.0,
        0.15,
        (0.1, 0.2, 0.4, 0.3),
        "Dishub Kab. Pasuruan (PJU)",
        (
            "Lampu PJU mati di {tempat}",
            "Lampu jalan berkedip di {tempat}",
            "Tiang lampu miring di {tempat}",
            "Penerangan gelap dan rawan di {tempat}",
            "Kabel lampu jalan menjuntai di {tempat}",
        ),
        (
            "Lampu mati sejak beberapa malam, jalan gelap dan rawan kejahatan.",
            "Warga khawatir anak-anak pulang mengaji melewati jalan gelap.",
            "Lampu menyala siang hari tetapi mati pada malam hari.",
            "Tiang miring setelah tertabrak truk, dikhawatirkan roboh.",
        ),
    ),
    "air-bersih": _Profile(
        0.06,
        -0.4,
        0.3,
        (0.2, 0.2, 0.3, 0.3),
        "PDAM Kab. Pasuruan",
        (
            "Air PDAM mati di {tempat}",
            "Air sumur keruh di {tempat}",
            "Pipa air bocor di {tempat}",
            "Tekanan air kecil di {tempat}",
            "Sumur warga kering di {tempat}",
        ),
        (
            "Air tidak mengalir sejak dua hari, warga membeli air galon.",
            "Air keruh dan berbau, tidak bisa dipakai memasak.",
            "Pipa bocor di pinggir jalan, air terbuang percuma.",
            "Musim kemarau sumur dangkal mulai kering.",
        ),
    ),
    "keamanan-ketertiban": _Profile(
        0.08,
        0.0,
        0.45,
        (0.5, 0.3, 0.15, 0.05),
        "Polsek Pandaan",
        (
            "Pencurian sepeda motor di {tempat}",
            "Pemuda nongkrong sampai larut di {tempat}",
            "Orang asing mencurigakan di {tempat}",
            "Balap liar di {tempat}",
            "Pos kamling tidak aktif di {tempat}",
            "Keributan warga di {tempat}",
        ),
        (
            "Kejadian pada malam hari, warga minta ronda diaktifkan kembali.",
            "Sudah beberapa kali terjadi dalam sebulan terakhir.",
            "Warga resah, minta patroli dan koordinasi dengan Babinsa/Bhabinkamtibmas.",
            "Perlu jadwal siskamling yang lebih tertib.",
        ),
    ),
    "kesehatan": _Profile(
        0.05,
        5.0,
        0.35,
        (0.2, 0.15, 0.25, 0.4),
        "Dinkes / Puskesmas Pandaan",
        (
            "Warga terkena DBD di {tempat}",
            "Banyak jentik nyamuk di {tempat}",
            "Permintaan fogging di {tempat}",
            "Balita perlu pendampingan gizi (stunting) di {tempat}",
            "Lansia sakit butuh kunjungan kader di {tempat}",
        ),
        (
            "Ada warga dirawat karena demam berdarah, tetangga khawatir.",
            "Banyak genangan dan barang bekas berisi air, jentik terlihat.",
            "Hasil penimbangan posyandu menunjukkan berat badan balita tidak naik.",
            "Mohon PSN dan pemeriksaan jentik oleh kader jumantik.",
        ),
    ),
    "sosial-bansos": _Profile(
        0.07,
        0.0,
        0.15,
        (0.1, 0.15, 0.55, 0.2),
        "Dinsos Kab. Pasuruan",
        (
            "Lansia belum menerima bansos di {tempat}",
            "Data DTKS belum diperbarui di {tempat}",
            "Rumah tidak layak huni di {tempat}",
            "Keluarga kurang mampu butuh bantuan di {tempat}",
        ),
        (
            "Keluarga sangat membutuhkan namun belum terdaftar di DTKS.",
            "Bantuan tidak diterima bulan ini, warga menanyakan alasannya.",
            "Atap rumah hampir roboh, penghuni lansia tinggal sendiri.",
            "Perlu verifikasi data oleh pendamping sosial.",
        ),
    ),
    "administrasi-kependudukan": _Profile(
        0.06,
        0.0,
        0.05,
        (0.1, 0.1, 0.6, 0.2),
        "Dispendukcapil Kab. Pasuruan",
        (
            "Warga kesulitan mengurus KTP-el ({tempat})",
            "Pengurusan KK lama selesai ({tempat})",
            "Akta kelahiran belum terbit ({tempat})",
            "Surat pindah domisili tertunda ({tempat})",
        ),
        (
            "Sudah mengajukan lebih dari sebulan, belum ada kabar.",
            "Warga lansia tidak bisa datang sendiri, butuh layanan jemput bola.",
            "Data di KK tidak sesuai dengan KTP.",
            "Mohon informasi persyaratan yang lengkap.",
        ),
    ),
    "fasilitas-umum": _Profile(
        0.06,
        0.0,
        0.1,
        (0.2, 0.3, 0.35, 0.15),
        "Dinas PUPR Kab. Pasuruan",
        (
            "Atap balai warga bocor di {tempat}",
            "Pos kamling rusak di {tempat}",
            "Jembatan kecil rapuh di {tempat}",
            "Papan nama RT roboh di {tempat}",
            "Fasilitas bermain anak rusak di {tempat}",
        ),
        (
            "Kerusakan membahayakan warga yang memakai fasilitas.",
            "Sudah dibahas di musyawarah, swadaya warga belum cukup.",
            "Kayu lapuk dan besi berkarat, perlu diganti.",
            "Fasilitas sering dipakai kegiatan posyandu dan pengajian.",
        ),
    ),
    "lingkungan-pohon": _Profile(
        0.06,
        0.8,
        0.25,
        (0.3, 0.3, 0.25, 0.15),
        "DLH Kab. Pasuruan",
        (
            "Pohon tumbang di {tempat}",
            "Dahan pohon nyaris mengenai kabel di {tempat}",
            "Bau limbah di {tempat}",
            "Rumput liar tinggi di lahan kosong {tempat}",
            "Pohon besar rawan roboh di {tempat}",
        ),
        (
            "Angin kencang membuat dahan patah dan menutup sebagian jalan.",
            "Dahan besar menjorok ke kabel listrik dan atap rumah.",
            "Limbah cair dari usaha rumahan mengalir ke saluran warga.",
            "Lahan kosong menjadi sarang nyamuk dan ular.",
        ),
    ),
    "lainnya": _Profile(
        0.04,
        0.0,
        0.1,
        (0.35, 0.3, 0.3, 0.05),
        "Kecamatan Pandaan",
        (
            "Anjing liar berkeliaran di {tempat}",
            "Parkir sembarangan di {tempat}",
            "Suara bising malam hari di {tempat}",
            "Usulan kegiatan warga di {tempat}",
        ),
        (
            "Warga meminta tindak lanjut dari pengurus RT/RW.",
            "Sudah disampaikan langsung tetapi belum ada perubahan.",
            "Mohon dibahas pada rapat koordinasi bulan ini.",
            "Perlu kesepakatan bersama warga sekitar.",
        ),
    ),
}
_LANDMARKS = (
    "depan musholla",
    "dekat masjid",
    "depan balai RW",
    "dekat pos kamling",
    "depan SDN",
    "dekat makam",
    "pinggir lapangan",
    "dekat jembatan",
    "depan toko kelontong",
    "dekat pabrik",
)
_DETAIL_SUFFIXES = (
    "Mohon segera ditindaklanjuti.",
    "Warga sekitar sudah beberapa kali mengeluhkan.",
    "Foto sudah dikirim ke grup WhatsApp RT.",
    "Terima kasih.",
    "",
)
_MUSYAWARAH_SUFFIX = "Disepakati dalam musyawarah RT untuk dilaporkan."

# Rainy season: November–April, wettest December–February (index 0 = January).
_RAIN = np.array([1.0, 1.0, 0.85, 0.55, 0.25, 0.05, 0.0, 0.0, 0.05, 0.25, 0.7, 0.95])
# Residents report in the day and evening; almost nobody at 3 a.m.
_HOUR_WEIGHTS = np.array(
    [1, 0.5, 0.3, 0.3, 0.6, 1.5, 3, 5, 6, 6, 5.5, 5, 4.5, 4.5, 4.5, 5, 5.5, 6, 6.5, 7, 6, 4.5, 3, 2], dtype=float
)
_WEEKDAY_WEIGHTS = np.array([1.1, 1.05, 1.0, 1.0, 0.95, 0.85, 0.9])  # Monday first; after the weekend backlog


@dataclass(frozen=True)
class _Category:
    id: int
    slug: str
    sla_hari: int
    tanggap_hari: int
    profile: _Profile


def _load_categories(conn: Connection) -> tuple[_Category, ...]:
    """The default categories (by slug, in the default order) with their ids and SLA in this database."""
    rows = {
        slug: (id_, sla, tanggap)
        for id_, slug, sla, tanggap in conn.execute(text("SELECT id, slug, sla_hari, tanggap_hari FROM kategori"))
    }
    missing = [c.slug for c in domain.DEFAULT_CATEGORIES if c.slug not in rows]
    if missing:
        raise DemoError(f"kategori bawaan tidak ditemukan: {', '.join(missing)}")
    return tuple(
        _Category(
            id=rows[c.slug][0],
            slug=c.slug,
            sla_hari=rows[c.slug][1],
            tanggap_hari=rows[c.slug][2],
            profile=_PROFILES[c.slug],
        )
        for c in domain.DEFAULT_CATEGORIES
    )


# --------------------------------------------------------------------------------------------------------------
# Reports and their status history, as numpy columns

# Status codes are indexes into domain.STATUSES.
_B, _V, _P, _S, _T, _D = (
    domain.STATUSES.index(status)
    for status in (
        domain.STATUS_BARU,
        domain.STATUS_DIVERIFIKASI,
        domain.STATUS_DIPROSES,
        domain.STATUS_SELESAI,
        domain.STATUS_DITOLAK,
        domain.STATUS_DUPLIKAT,
    )
)
_PATHS = np.array(
    [
        [_B, _V, _P, _S, -1, -1],  # checked, worked on, solved
        [_B, _V, _S, -1, -1, -1],  # small fix done right after the check (RT/RW only)
        [_B, _P, _S, -1, -1, -1],  # urgent: straight to work (priority tinggi only)
        [_B, _V, _P, _S, _P, _S],  # solved, reopened because it came back, solved again
        [_B, _T, -1, -1, -1, -1],  # rejected at once
        [_B, _V, _T, -1, -1, -1],  # rejected after a check
        [_B, _D, -1, -1, -1, -1],  # duplicate of an earlier report
    ]
)
_FULL, _QUICK, _URGENT, _REOPENED, _REJECTED, _REJECTED_CHECKED, _DUPLICATE = range(len(_PATHS))
_PATH_SHARES = np.array([0.60, 0.16, 0.10, 0.03, 0.04, 0.03, 0.04])
_STEPS = _PATHS.shape[1]

_LEVEL_RT, _LEVEL_RW, _LEVEL_KELURAHAN, _LEVEL_DINAS = range(len(domain.HANDLER_LEVELS))
_PRIO_TINGGI, _PRIO_SEDANG, _PRIO_RENDAH = range(len(domain.PRIORITIES))
_SOURCE_SHARES = np.array([0.42, 0.30, 0.10, 0.10, 0.08])  # domain.SOURCES order
_SOURCE_LEVEL = np.array([_LEVEL_RT, _LEVEL_RT, _LEVEL_RW, _LEVEL_RT, _LEVEL_KELURAHAN])  # who receives it

_RESPONSE_MEDIAN_HOURS = 18.0
_RESPONSE_BY_PRIORITY = np.array([0.3, 1.0, 1.8])
_RESPONSE_BY_LEVEL = np.array([0.7, 0.9, 1.2, 1.2])
# reported → selesai: RT in days, RW in a week, kelurahan in weeks, a dinas in months.
_RESOLUTION_MEDIAN_DAYS = np.array([2.5, 6.5, 20.0, 70.0])
_RESOLUTION_BY_PRIORITY = np.array([0.6, 1.0, 1.5])
_STALL_BY_LEVEL = np.array([0.7, 1.0, 1.0, 1.8])  # some reports are simply forgotten: the overdue backlog
_STALL_BASE = 0.035
_MIN_STEP_SECS = 60


@dataclass
class _Reports:
    """One entry per report (in id order), plus the (report, step) cells of the status history."""

    ts: np.ndarray  # reported_at, seconds
    rt: np.ndarray  # index into area.rts
    kat: np.ndarray  # index into categories
    source: np.ndarray
    priority: np.ndarray
    level: np.ndarray  # the level that finally handles it
    path: np.ndarray
    step_times: np.ndarray  # (n, _STEPS) seconds
    steps: np.ndarray  # how many history rows (>= 1)
    original: np.ndarray  # index of the original report for duplicates, else -1
    has_coords: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    reporter: np.ndarray  # index into area.reporter_names, -1 for anonymous
    has_phone: np.ndarray
    title: np.ndarray
    detail: np.ndarray
    suffix: np.ndarray
    place_kind: np.ndarray  # 0 gang, 1 street, 2 landmark
    gang: np.ndarray
    street: np.ndarray
    landmark: np.ndarray
    note_variant: np.ndarray  # (n, _STEPS) random picks for history notes

    @property
    def count(self) -> int:
        return len(self.ts)


def _generate_reports(
    rng: np.random.Generator, area: _Area, categories: Sequence[_Category], period: _Period, n: int
) -> _Reports:
    """All report columns; every random draw comes from `rng` in a fixed order, so the result is reproducible."""
    ts = _sample_report_times(rng, period, categories, n)
    kat = _sample_categories(rng, ts, categories)
    rt = _sample_rts(rng, area, kat, len(categories))
    source = rng.choice(len(domain.SOURCES), size=n, p=_SOURCE_SHARES)
    priority = _sample_priorities(rng, kat, categories)
    level = _sample_levels(rng, kat, priority, categories)
    capacity = np.array([r.capacity for r in area.rts])[rt]
    path, original = _sample_paths(rng, rt, kat, priority, level)
    durations, stall_at = _sample_durations(rng, path, priority, level, capacity)
    step_times = ts[:, None] + np.cumsum(durations, axis=1)
    valid = (_PATHS[path] >= 0) & (np.arange(_STEPS)[None, :] < stall_at[:, None])
    valid &= step_times <= period.horizon_secs
    steps = valid.sum(axis=1)
    has_coords = rng.random(n) < 0.6
    rt_lat = np.array([r.lat for r in area.rts])
    rt_lon = np.array([r.lon for r in area.rts])
    lat = np.round(rt_lat[rt] + rng.normal(0, 0.0012, n), 6)
    lon = np.round(rt_lon[rt] + rng.normal(0, 0.0012, n), 6)
    # A few residents report often: squaring a uniform favours the first names of each RT's list.
    reporter = np.where(
        rng.random(n) < 0.7, rt * _REPORTERS_PER_RT + (rng.random(n) ** 2 * _REPORTERS_PER_RT).astype(int), -1
    )
    has_phone = (reporter >= 0) & (rng.random(n) < 0.85)
    n_titles = np.array([len(c.profile.titles) for c in categories])
    n_details = np.array([len(c.profile.details) for c in categories])
    return _Reports(
        ts=ts,
        rt=rt,
        kat=kat,
        source=source,
        priority=priority,
        level=level,
        path=path,
        step_times=step_times,
        steps=steps,
        original=original,
        has_coords=has_coords,
        lat=lat,
        lon=lon,
        reporter=reporter,
        has_phone=has_phone,
        title=(rng.random(n) * n_titles[kat]).astype(int),
        detail=(rng.random(n) * n_details[kat]).astype(int),
        suffix=rng.integers(0, len(_DETAIL_SUFFIXES), n),
        place_kind=rng.choice(3, size=n, p=[0.5, 0.3, 0.2]),
        gang=rng.integers(0, 2, n),
        street=rng.integers(0, 2, n),
        landmark=rng.integers(0, len(_LANDMARKS), n),
        note_variant=rng.integers(0, 1 << 16, size=(n, _STEPS)),
    )


def _month_weights(categories: Sequence[_Category]) -> np.ndarray:
    """(12, categories) relative report rates per calendar month: the rainy season drives floods and dengue."""
    weights = np.array([c.profile.weight for c in categories])
    rain = np.array([c.profile.rain for c in categories])
    return weights[None, :] * np.maximum(0.15, 1.0 + rain[None, :] * _RAIN[:, None])


def _sample_report_times(
    rng: np.random.Generator, period: _Period, categories: Sequence[_Category], n: int
) -> np.ndarray:
    """Sorted report instants: more in the rainy season, a mild upward trend, daytime hours."""
    days = np.arange(np.datetime64(period.start, "D"), np.datetime64(period.end, "D") + 1)
    month = days.astype("datetime64[M]").astype(int) % 12
    weekday = (days.astype(int) + 3) % 7  # 1970-01-01 was a Thursday
    trend = np.linspace(0.75, 1.25, len(days))  # more residents use the system every month
    weight = trend * _month_weights(categories).sum(axis=1)[month] * _WEEKDAY_WEIGHTS[weekday]
    day = rng.choice(len(days), size=n, p=weight / weight.sum())
    second_of_day = rng.choice(24, size=n, p=_HOUR_WEIGHTS / _HOUR_WEIGHTS.sum()) * _HOUR + rng.integers(0, _HOUR, n)
    day_secs = days.astype("datetime64[s]").astype(np.int64)
    last_day_secs = period.horizon_secs - int(day_secs[-1]) + 1
    if last_day_secs < _DAY:
        # The end day is today: squeeze its reports into the hours that have already passed.
        on_last = day == len(days) - 1
        second_of_day = np.where(on_last, second_of_day * last_day_secs // _DAY, second_of_day)
    return np.sort(day_secs[day] + second_of_day)


def _sample_categories(rng: np.random.Generator, ts: np.ndarray, categories: Sequence[_Category]) -> np.ndarray:
    month = ts.astype("datetime64[s]").astype("datetime64[M]").astype(int) % 12
    weights = _month_weights(categories)
    cumulative = np.cumsum(weights / weights.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(len(ts))
    return np.minimum((u[:, None] > cumulative[month]).sum(axis=1), len(categories) - 1)


def _sample_rts(rng: np.random.Generator, area: _Area, kat: np.ndarray, n_categories: int) -> np.ndarray:
    """Which RT reports: some RTs are far more active (lognormal weights), low-lying ones flood more."""
    base = np.array([r.report_weight for r in area.rts])
    flood = np.array([r.flood_factor for r in area.rts])
    drainase = [c.slug for c in domain.DEFAULT_CATEGORIES].index("drainase-banjir")
    rt = np.zeros(len(kat), dtype=int)
    for c in range(n_categories):
        chosen = np.flatnonzero(kat == c)
        weights = base * flood if c == drainase else base
        rt[chosen] = rng.choice(len(base), size=len(chosen), p=weights / weights.sum())
    return rt


def _sample_priorities(rng: np.random.Generator, kat: np.ndarray, categories: Sequence[_Category]) -> np.ndarray:
    tinggi = np.array([c.profile.tinggi for c in categories])[kat]
    u = rng.random(len(kat))
    return np.where(u < tinggi, _PRIO_TINGGI, np.where(u < tinggi + 0.25, _PRIO_RENDAH, _PRIO_SEDANG))


def _sample_levels(
    rng: np.random.Generator, kat: np.ndarray, priority: np.ndarray, categories: Sequence[_Category]
) -> np.ndarray:
    """Who finally handles each report: by category, and urgent reports go up a level more often."""
    cumulative = np.cumsum(np.array([c.profile.handlers for c in categories]), axis=1)
    u = rng.random(len(kat))
    level = np.minimum((u[:, None] > cumulative[kat]).sum(axis=1), _LEVEL_DINAS)
    escalate = (priority == _PRIO_TINGGI) & (rng.random(len(kat)) < 0.3)
    return np.minimum(level + escalate, _LEVEL_DINAS)


def _sample_paths(
    rng: np.random.Generator, rt: np.ndarray, kat: np.ndarray, priority: np.ndarray, level: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The status path of each report, and for duplicates the (earlier) report they repeat."""
    path = rng.choice(len(_PATHS), size=len(rt), p=_PATH_SHARES)
    path = np.where((path == _QUICK) & (level > _LEVEL_RW), _FULL, path)
    path = np.where((path == _URGENT) & (priority != _PRIO_TINGGI), _FULL, path)
    original = _earlier_same_problem(rt, kat)
    # A duplicate needs an original; the very first report of its kind is rejected instead.
    path = np.where((path == _DUPLICATE) & (original < 0), _REJECTED, path)
    return path, np.where(path == _DUPLICATE, original, -1)


def _earlier_same_problem(rt: np.ndarray, kat: np.ndarray) -> np.ndarray:
    """For each report, the latest earlier report of the same RT and category (else same category), or -1."""
    index = np.arange(len(rt))
    same_rt = _previous_in_group(index, (index, kat, rt))
    same_kat = _previous_in_group(index, (index, kat))
    return np.where(same_rt >= 0, same_rt, same_kat)


def _previous_in_group(index: np.ndarray, keys: tuple[np.ndarray, ...]) -> np.ndarray:
    """Index of the previous element with equal group keys (all keys but the first), in index order."""
    order = np.lexsort(keys)
    previous = np.full(len(index), -1)
    if len(index) < 2:
        return previous
    same = np.ones(len(index) - 1, dtype=bool)
    for key in keys[1:]:
        ordered = key[order]
        same &= ordered[1:] == ordered[:-1]
    previous[order[1:][same]] = order[:-1][same]
    return previous


def _sample_durations(
    rng: np.random.Generator, path: np.ndarray, priority: np.ndarray, level: np.ndarray, capacity: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Seconds between consecutive history rows (column 0 is the creation, 0 s), and where a report stalls."""
    n = len(path)
    # Capable RT/RW heads follow up faster; a kelurahan or dinas queue does not care who reported.
    local = level <= _LEVEL_RW
    speed = np.where(local, np.exp(-0.3 * capacity), 1.0)
    response = (
        _RESPONSE_MEDIAN_HOURS
        * _HOUR
        * _RESPONSE_BY_PRIORITY[priority]
        * _RESPONSE_BY_LEVEL[level]
        * speed
        * rng.lognormal(0.0, 1.0, n)
    )
    response = np.clip(response, 5 * 60, 30 * _DAY)
    resolution = (
        _RESOLUTION_MEDIAN_DAYS[level] * _DAY * _RESOLUTION_BY_PRIORITY[priority] * speed * rng.lognormal(0.0, 0.7, n)
    )
    split = rng.uniform(0.1, 0.4, n)  # share of the work spent before it is marked diproses
    reopen_after = rng.uniform(3, 30, n) * _DAY
    redo = resolution * rng.uniform(0.2, 0.6, n)
    rejection_delay = rng.uniform(0.5, 5, n) * _DAY
    d = np.zeros((n, _STEPS))
    d[:, 1] = np.select([path == _REJECTED, path == _DUPLICATE], [response * 2, response * 0.5], response)
    d[:, 2] = np.select(
        [np.isin(path, (_FULL, _REOPENED)), np.isin(path, (_QUICK, _URGENT)), path == _REJECTED_CHECKED],
        [resolution * split, resolution, rejection_delay],
        0,
    )
    d[:, 3] = np.where(np.isin(path, (_FULL, _REOPENED)), resolution * (1 - split), 0)
    d[:, 4] = np.where(path == _REOPENED, reopen_after, 0)
    d[:, 5] = np.where(path == _REOPENED, redo, 0)
    d[:, 1:] = np.maximum(d[:, 1:], _MIN_STEP_SECS)  # strictly increasing timestamps
    stall_chance = _STALL_BASE * _STALL_BY_LEVEL[level] * np.where(local, np.exp(-0.5 * capacity), 1.0)
    path_length = (_PATHS[path] >= 0).sum(axis=1)
    stall_step = 1 + (rng.random(n) * (path_length - 1)).astype(int)
    stall_at = np.where(rng.random(n) < stall_chance, stall_step, _STEPS)
    return d.astype(np.int64), stall_at


# --------------------------------------------------------------------------------------------------------------
# Turning report columns into rows

_CHUNK = 50_000
_LAPORAN_COLUMNS = (
    "id",
    "kelurahan_id",
    "rw_id",
    "rt_id",
    "kategori_id",
    "judul",
    "deskripsi",
    "lokasi",
    "lat",
    "lon",
    "sumber",
    "prioritas",
    "pelapor_nama",
    "pelapor_telepon",
    "reported_at",
    "status",
    "penanganan",
    "penanganan_nama",
    "duplikat_dari_id",
    "version",
    "external_id",
    "created_at",
    "updated_at",
    "first_response_at",
    "first_resolved_at",
    "batas_tanggap",
    "batas_selesai",
    "batas_tahap",
    "kode_lacak",
)
_HISTORY_COLUMNS = (
    "id",
    "laporan_id",
    "changed_at",
    "from_status",
    "to_status",
    "changed_by",
    "note",
    "penanganan",
    "penanganan_nama",
    # The report's area, as the database would copy it in (migration 0016): given, its trigger has nothing to do.
    "kelurahan_id",
    "rw_id",
    "rt_id",
)
_STAFF = "Staf Kelurahan"
_NOTES: dict[int, tuple[str, ...]] = {
    _B: ("Laporan diterima", "Laporan dicatat", "Diterima melalui grup WhatsApp RT"),
    _V: ("Sudah dicek ke lokasi", "Laporan benar, ditindaklanjuti", "Sudah dikonfirmasi dengan pelapor"),
    _P: ("Sedang dikerjakan", "Perbaikan dijadwalkan", "Material sudah disiapkan, pengerjaan dimulai"),
    _S: ("Selesai ditangani", "Sudah diperbaiki, dicek bersama warga", "Selesai, terima kasih atas laporannya"),
    _T: (
        "Bukan kewenangan kelurahan, diarahkan ke pihak terkait",
        "Lokasi di luar wilayah Kelurahan Kutorejo",
        "Data kurang lengkap dan pelapor tidak dapat dihubungi",
    ),
}
_REOPEN_NOTES = ("Dibuka kembali: masalah muncul lagi", "Dibuka kembali atas laporan warga: belum tuntas")


def _note_table(width: int = 3) -> np.ndarray:
    """(status, phrasing) → note, so that millions of notes are picked by numpy rather than a Python loop."""
    table = np.full((len(domain.STATUSES), width), "", dtype=object)
    for code, options in _NOTES.items():
        table[code] = [options[i % len(options)] for i in range(width)]
    return table


_NOTE_TABLE = _note_table()
_REOPEN_TABLE = np.array(_REOPEN_NOTES, dtype=object)
# What a reporter writes when answering "belum" (the history note says the reporter reopened it).
REPORTER_REOPEN_REASONS = (
    "Masih sama seperti sebelumnya",
    "Baru beres sebagian, ujungnya masih rusak",
    "Sudah diperbaiki tapi rusak lagi",
    "Belum ada yang datang mengecek",
)
_REPORTER_REOPEN_TABLE = np.array(
    [f"{REOPENED_BY_REPORTER}: {reason}" for reason in REPORTER_REOPEN_REASONS], dtype=object
)
_WARGA = domain.SOURCES.index("warga")


def _tracking_codes(rng: np.random.Generator, n: int) -> np.ndarray:
    """`n` distinct tracking codes drawn from `rng` (deterministic, unlike a real report's), in random order."""
    values = np.unique(rng.integers(0, 2**40, size=n + n // 100 + 16, dtype=np.int64))
    while len(values) < n:
        values = np.unique(np.concatenate([values, rng.integers(0, 2**40, size=n, dtype=np.int64)]))
    values = rng.permutation(values)[:n]
    alphabet = np.array(list(tracking.ALPHABET))
    symbols = [alphabet[(values >> (5 * i)) & 31] for i in reversed(range(tracking.SYMBOLS))]
    code = np.full(n, f"{tracking.PREFIX}-")
    for position, column in enumerate(symbols):
        code = np.strings.add(np.strings.add(code, "-") if position == 4 else code, column)
    return code.astype(object)


class _Lookups:
    """Object arrays that turn report codes into the strings stored in the database."""

    tracking_codes: np.ndarray

    def __init__(self, area: _Area, categories: Sequence[_Category]) -> None:
        self.rt_id = np.array([r.id for r in area.rts])
        self.rw_id = np.array([r.rw.id for r in area.rts])
        self.rt_head = np.array([f"Ketua {r.label}" for r in area.rts], dtype=object)
        self.rw_head = np.array([f"Ketua RW {r.rw.nomor}" for r in area.rts], dtype=object)
        self.rt_label = np.array([r.label for r in area.rts], dtype=object)
        self.gangs = np.array([r.gangs for r in area.rts], dtype=object)
        self.streets = np.array([r.rw.streets for r in area.rts], dtype=object)
        self.kategori_id = np.array([c.id for c in categories])
        self.sla_hari = np.array([c.sla_hari for c in categories])
        self.tanggap_hari = np.array([c.tanggap_hari for c in categories])
        # A fresh database: the national days off only (the kelurahan adds its own later, in Pengaturan).
        self.calendar = WorkCalendar()
        self.dinas = np.array([c.profile.dinas for c in categories], dtype=object)
        self.kelurahan = f"Kelurahan {area.wilayah.nama}"
        self.titles, self.title_offset = _flatten([c.profile.titles for c in categories])
        self.details, self.detail_offset = _flatten([c.profile.details for c in categories])
        self.statuses = np.array(domain.STATUSES, dtype=object)
        self.levels = np.array(domain.HANDLER_LEVELS, dtype=object)
        self.sources = np.array(domain.SOURCES, dtype=object)
        self.priorities = np.array(domain.PRIORITIES, dtype=object)
        self.landmarks = np.array(_LANDMARKS, dtype=object)
        self.reporter_names = np.array(area.reporter_names + ("",), dtype=object)  # index -1 → unused
        self.reporter_phones = np.array(area.reporter_phones + ("",), dtype=object)

    def handler_names(self, level: np.ndarray, rt: np.ndarray, kat: np.ndarray) -> np.ndarray:
        """penanganan_nama for a level: the RT or RW head, the kelurahan, or the responsible dinas."""
        return np.select(
            [level == _LEVEL_RT, level == _LEVEL_RW, level == _LEVEL_KELURAHAN],
            [self.rt_head[rt], self.rw_head[rt], np.full(len(level), self.kelurahan, dtype=object)],
            self.dinas[kat],
        )


def _flatten(groups: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    flat = np.array([s for g in groups for s in g], dtype=object)
    offsets = np.concatenate([[0], np.cumsum([len(g) for g in groups])[:-1]]).astype(int)
    return flat, offsets


def _optional(values: np.ndarray, present: np.ndarray) -> list[object]:
    """Column values as Python objects, None where not present."""
    result = values.astype(object)
    result[~present] = None
    return result.tolist()


def _laporan_rows(data: _Reports, lookups: _Lookups) -> Iterator[tuple[object, ...]]:
    """laporan rows in id order, built chunk by chunk so a million reports never sit in memory as tuples."""
    for lo in range(0, data.count, _CHUNK):
        s = slice(lo, min(lo + _CHUNK, data.count))
        rt, kat, steps = data.rt[s], data.kat[s], data.steps[s]
        ids = np.arange(s.start, s.stop) + 1
        last = steps - 1
        rows_ = np.arange(len(rt))
        status_code = _PATHS[data.path[s][rows_], last]
        level_now = np.where(last == 0, _SOURCE_LEVEL[data.source[s]], data.level[s])
        updated = data.step_times[s][rows_, last]
        responded, resolved = _firsts(data, s)
        place = _places(data, s, lookups)
        titles = lookups.titles[lookups.title_offset[kat] + data.title[s]]
        details = lookups.details[lookups.detail_offset[kat] + data.detail[s]]
        suffixes = np.where(
            data.source[s] == domain.SOURCES.index("musyawarah"),
            _MUSYAWARAH_SUFFIX,
            np.array(_DETAIL_SUFFIXES, dtype=object)[data.suffix[s]],
        )
        original = data.original[s]
        is_duplicate = status_code == _D
        reported_at = _format_times(data.ts[s])
        due = deadlines_many(
            lookups.calendar,
            data.ts[s].astype("datetime64[s]"),
            lookups.tanggap_hari[kat],
            lookups.sla_hari[kat],
            level_now,  # the levels' order is the ladder's: the stages a report has climbed
        )
        yield from zip(
            ids.tolist(),
            [KELURAHAN_ID] * len(rt),
            lookups.rw_id[rt].tolist(),
            lookups.rt_id[rt].tolist(),
            lookups.kategori_id[kat].tolist(),
            [t.format(tempat=p) for t, p in zip(titles, place[0], strict=True)],
            [f"{d} {x}".rstrip() for d, x in zip(details, suffixes, strict=True)],
            place[1],
            _optional(data.lat[s], data.has_coords[s]),
            _optional(data.lon[s], data.has_coords[s]),
            lookups.sources[data.source[s]].tolist(),
            lookups.priorities[data.priority[s]].tolist(),
            _optional(lookups.reporter_names[data.reporter[s]], data.reporter[s] >= 0),
            _optional(lookups.reporter_phones[data.reporter[s]], data.has_phone[s]),
            reported_at,
            lookups.statuses[status_code].tolist(),
            lookups.levels[level_now].tolist(),
            lookups.handler_names(level_now, rt, kat).tolist(),
            _optional(original + 1, is_duplicate),
            steps.tolist(),  # version: 1 for a new report, +1 for every status change
            [None] * len(rt),
            reported_at,  # created_at: entered when reported
            _format_times(updated),
            responded,
            resolved,
            *(_format_times(moments) for moments in due),
            lookups.tracking_codes[s].tolist(),
            strict=True,
        )


def _firsts(data: _Reports, s: slice) -> tuple[list[object], list[object]]:
    """Each report's first response (its first step, since every path starts at baru) and first resolution."""
    steps, times = data.steps[s], data.step_times[s]
    taken = np.arange(_STEPS)[None, :] < steps[:, None]
    solved = taken & (_PATHS[data.path[s]] == _S)
    first_solved = solved.argmax(axis=1)
    rows_ = np.arange(len(steps))
    return (
        _optional(np.array(_format_times(times[:, 1]), dtype=object), steps > 1),
        _optional(np.array(_format_times(times[rows_, first_solved]), dtype=object), solved.any(axis=1)),
    )


def _places(data: _Reports, s: slice, lookups: _Lookups) -> tuple[list[str], list[str]]:
    """(place in the title, lokasi text) for a chunk of reports."""
    rt = data.rt[s]
    gang = lookups.gangs[rt, data.gang[s]]
    street = lookups.streets[rt, data.street[s]]
    landmark = lookups.landmarks[data.landmark[s]]
    kind = data.place_kind[s]
    label = lookups.rt_label[rt]
    title_place = np.select([kind == 0, kind == 1], [gang, street], landmark).tolist()
    lokasi = [
        f"{g}, {lb}" if k == 0 else f"{st}, {lb}" if k == 1 else f"{lm.capitalize()}, {g}, {lb}"
        for k, g, st, lm, lb in zip(kind.tolist(), gang, street, landmark, label, strict=True)
    ]
    return title_place, lokasi


def _history_cells(data: _Reports) -> tuple[np.ndarray, np.ndarray]:
    """(report index, step) of every history row in the order a live system would have appended them: by time."""
    report, step = np.nonzero(np.arange(_STEPS)[None, :] < data.steps[:, None])
    # Also why loading is fast: every history index then grows at its end instead of everywhere.
    order = np.lexsort((step, report, data.step_times[report, step]))
    return report[order], step[order]


def _history_rows(data: _Reports, lookups: _Lookups) -> Iterator[tuple[object, ...]]:
    """status_history rows: a creation row per report, then each transition that happened before the horizon."""
    report, step = _history_cells(data)
    for lo in range(0, len(report), _CHUNK):
        s = slice(lo, min(lo + _CHUNK, len(report)))
        r, k = report[s], step[s]
        rt, kat, path = data.rt[r], data.kat[r], data.path[r]
        to_code = _PATHS[path, k]
        from_code = np.where(k > 0, _PATHS[path, np.maximum(k - 1, 0)], -1)
        level = np.where(k == 0, _SOURCE_LEVEL[data.source[r]], data.level[r])
        names = lookups.handler_names(level, rt, kat)
        changed_by = _changed_by(level, rt, lookups).astype(object)
        notes = np.array(
            _notes(to_code, from_code, data.note_variant[r, k], data.original[r], names, level), dtype=object
        )
        # A resident's reopening: within the "sudah beres?" window, the reporter's own "belum" on the public page.
        since_resolved = data.step_times[r, k] - data.step_times[r, np.maximum(k - 1, 0)]
        by_reporter = (
            (from_code == _S)
            & (data.source[r] == _WARGA)
            & (since_resolved <= domain.CONFIRMATION_DAYS * _DAY)
            & (data.note_variant[r, k] % 2 == 1)
        )
        changed_by[by_reporter] = REPORTER_ACTOR
        notes[by_reporter] = _REPORTER_REOPEN_TABLE[data.note_variant[r, k][by_reporter] % len(_REPORTER_REOPEN_TABLE)]
        yield from zip(
            (np.arange(s.start, s.stop) + 1).tolist(),
            (r + 1).tolist(),
            _format_times(data.step_times[r, k]),
            _optional(lookups.statuses[np.maximum(from_code, 0)], k > 0),
            lookups.statuses[to_code].tolist(),
            changed_by.tolist(),
            notes.tolist(),
            lookups.levels[level].tolist(),
            names.tolist(),
            [KELURAHAN_ID] * len(rt),
            lookups.rw_id[rt].tolist(),
            lookups.rt_id[rt].tolist(),
            strict=True,
        )


def _changed_by(level: np.ndarray, rt: np.ndarray, lookups: _Lookups) -> np.ndarray:
    """Who pressed the button: the RT/RW head for their own level, kelurahan staff for everything above."""
    return np.select([level == _LEVEL_RT, level == _LEVEL_RW], [lookups.rt_head[rt], lookups.rw_head[rt]], _STAFF)


def _notes(
    to_code: np.ndarray,
    from_code: np.ndarray,
    variant: np.ndarray,
    original: np.ndarray,
    names: np.ndarray,
    level: np.ndarray,
) -> np.ndarray:
    """The note of each history row: one of a few phrasings per status, with the cases a reader expects."""
    notes = _NOTE_TABLE[to_code, variant % _NOTE_TABLE.shape[1]]
    reopened = from_code == _S
    notes[reopened] = _REOPEN_TABLE[variant[reopened] % len(_REOPEN_TABLE)]
    checked = to_code == _V
    notes[checked & (level == _LEVEL_KELURAHAN)] = "Sudah dicek, ditangani langsung oleh kelurahan"
    forwarded = checked & (level == _LEVEL_DINAS)
    notes[forwarded] = "Sudah dicek, diteruskan ke " + names[forwarded]
    duplicate = to_code == _D
    notes[duplicate] = [f"Sama dengan laporan #{o + 1}" for o in original[duplicate].tolist()]
    return notes


# --------------------------------------------------------------------------------------------------------------
# Activities: kerja bakti, ronda, posyandu, musyawarah, rapat, rakor, Bimtek, ...

_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_KEGIATAN_COLUMNS = (
    "id",
    "kelurahan_id",
    "rw_id",
    "rt_id",
    "tingkat",
    "jenis",
    "tanggal",
    "judul",
    "target_peserta",
    "target_satuan",
    "catatan",
    "external_id",
    "created_at",
)
_KEHADIRAN_COLUMNS = ("kegiatan_id", "peran", "jumlah")
_PESERTA_COLUMNS = ("id", "kegiatan_id", "peran", "rw_id", "rt_id", "tokoh_id")
_BIMTEK_MONTHS_AGO = (20, 5)
_BIMTEK_BOOST = 0.08  # heads come to meetings a little more often after each Bimtek


_Named = tuple[str, int | None, int | None, int | None]  # a named attendee: peran, rw id, rt id, tokoh id


@dataclass
class _ActivityLog:
    """Activity rows as they are generated; ids are assigned in order."""

    horizon: datetime
    kegiatan: list[tuple[object, ...]] = field(default_factory=list)
    kehadiran: list[tuple[object, ...]] = field(default_factory=list)
    peserta: list[tuple[object, ...]] = field(default_factory=list)

    def add(
        self,
        rng: np.random.Generator,
        *,
        tanggal: date,
        jenis: str,
        judul: str,
        target: int,
        counts: dict[str, int],
        rt: _Rt | None = None,
        rw: _Rw | None = None,
        satuan: str = "orang",
        catatan: str = "",
        named: Sequence[_Named] = (),
    ) -> None:
        """Record one activity with its attendance by role and its named attendees (peran, rw, rt, tokoh)."""
        if sum(counts.values()) == 0:
            return  # nobody came: it did not take place
        kegiatan_id = len(self.kegiatan) + 1
        tingkat = "rt" if rt else "rw" if rw else "kelurahan"
        rw_id = rt.rw.id if rt else rw.id if rw else None
        # Entered the same evening, or the next morning for night-time ronda; never after the horizon.
        entered = datetime.combine(tanggal, clock(19)) + timedelta(minutes=int(rng.integers(0, 16 * 60)))
        self.kegiatan.append(
            (
                kegiatan_id,
                KELURAHAN_ID,
                rw_id,
                rt.id if rt else None,
                tingkat,
                jenis,
                tanggal.isoformat(),
                judul,
                max(1, target),
                satuan,
                catatan,
                None,
                _format_moment(min(entered, self.horizon)),
            )
        )
        self.kehadiran.extend((kegiatan_id, peran, jumlah) for peran, jumlah in counts.items() if jumlah > 0)
        for peran, p_rw, p_rt, tokoh_id in named:
            self.peserta.append((len(self.peserta) + 1, kegiatan_id, peran, p_rw, p_rt, tokoh_id))


def _generate_activities(rng: np.random.Generator, area: _Area, period: _Period) -> _ActivityLog:
    """Every activity of the period, month by month; independent of the number of reports."""
    log = _ActivityLog(horizon=period.horizon)
    bimtek_dates = _bimtek_dates(period)
    for month_start in _month_starts(period):
        for rt in area.rts:
            _rt_month(rng, log, rt, month_start, period)
        for rw in area.rws:
            _rw_month(rng, log, area, rw, month_start, period, bimtek_dates)
        _kelurahan_month(rng, log, area, month_start, period, bimtek_dates)
    for day in bimtek_dates:
        _bimtek(rng, log, area, day)
    return log


def _in_period(day: date, period: _Period) -> bool:
    return period.start <= day <= period.end


def _nth_weekday(month_start: date, weekday: int, n: int) -> date:
    """The n-th given weekday (Monday = 0) of the month."""
    first = month_start + timedelta(days=(weekday - month_start.weekday()) % 7)
    return first + timedelta(weeks=n - 1)


def _days_in_month(month_start: date) -> int:
    return calendar.monthrange(month_start.year, month_start.month)[1]


def _bimtek_dates(period: _Period) -> list[date]:
    """Two Bimtek sessions (about 20 and 5 months before the end), on a Thursday, if inside the period."""
    days = []
    for months_ago in _BIMTEK_MONTHS_AGO:
        anchor = add_months(period.end, -months_ago)
        day = anchor + timedelta(days=(3 - anchor.weekday()) % 7)
        if _in_period(day, period):
            days.append(day)
    return days


def _boost(day: date, bimtek_dates: Sequence[date]) -> float:
    return _BIMTEK_BOOST * sum(1 for b in bimtek_dates if b < day)


def _rt_month(rng: np.random.Generator, log: _ActivityLog, rt: _Rt, month_start: date, period: _Period) -> None:
    """Kerja bakti, weekly ronda and (for active RTs) a musyawarah in one RT and month."""
    z = rt.capacity
    rainy_soon = month_start.month in (10, 11, 12, 1, 2, 3)
    day = _nth_weekday(month_start, 6, rt.kerja_bakti_week)
    if _in_period(day, period) and rng.random() < _sigmoid(1.0 + 1.2 * z):
        share = float(np.clip(0.4 + 0.1 * z + rng.normal(0, 0.08), 0.1, 0.9))
        log.add(
            rng,
            tanggal=day,
            jenis="kerja_bakti",
            judul=f"Kerja bakti {rt.label}",
            rt=rt,
            target=rt.kk,
            satuan="KK",
            catatan="Membersihkan selokan menjelang/selama musim hujan" if rainy_soon else "Bersih-bersih lingkungan",
            counts={
                "ketua_rt": int(rng.random() < 0.92),
                "tomas": int(rng.binomial(2, 0.4)),
                "toga": int(rng.binomial(1, 0.3)),
                "karang_taruna": int(rng.binomial(6, 0.4)),
                "warga": int(rng.binomial(rt.kk, share)),
            },
        )
    p_ronda = _sigmoid(0.8 + 1.5 * z)
    for day in _weekdays_of_month(month_start, rt.ronda_weekday):
        if _in_period(day, period) and rng.random() < p_ronda:
            log.add(
                rng,
                tanggal=day,
                jenis="ronda",
                judul=f"Ronda malam {rt.label}",
                rt=rt,
                target=8,
                counts={
                    "ketua_rt": int(rng.random() < 0.25),
                    "warga": int(rng.binomial(8, float(np.clip(0.55 + 0.12 * z, 0.2, 0.95)))),
                },
            )
    day = month_start + timedelta(days=int(rng.integers(0, _days_in_month(month_start))))
    if _in_period(day, period) and rng.random() < _sigmoid(-0.3 + 1.5 * z):
        log.add(
            rng,
            tanggal=day,
            jenis="musyawarah_rt",
            judul=f"Musyawarah {rt.label}",
            rt=rt,
            target=rt.kk,
            counts={
                "ketua_rt": 1,
                "tomas": int(rng.binomial(2, 0.5)),
                "toga": int(rng.binomial(1, 0.5)),
                "pkk": int(rng.binomial(2, 0.5)),
                "warga": int(rng.binomial(rt.kk, float(np.clip(0.3 + 0.08 * z, 0.1, 0.7)))),
            },
        )


def _weekdays_of_month(month_start: date, weekday: int) -> list[date]:
    first = _nth_weekday(month_start, weekday, 1)
    return [first + timedelta(weeks=w) for w in range(5) if (first + timedelta(weeks=w)).month == month_start.month]


def _rw_month(
    rng: np.random.Generator,
    log: _ActivityLog,
    area: _Area,
    rw: _Rw,
    month_start: date,
    period: _Period,
    bimtek_dates: Sequence[date],
) -> None:
    """Posyandu, rapat RW and the occasional pengajian and PKK meeting of one RW in one month."""
    rts = [rt for rt in area.rts if rt.rw is rw]
    kk = sum(rt.kk for rt in rts)
    day = month_start + timedelta(days=4 + rw.index * 2)
    if _in_period(day, period) and rng.random() < 0.95:
        target = round(kk * 0.3)
        log.add(
            rng,
            tanggal=day,
            jenis="posyandu",
            judul=f"Posyandu {rts[0].gangs[0].removeprefix('Gang ')} RW {rw.nomor}",
            rw=rw,
            target=target,
            counts={
                "pkk": int(rng.integers(4, 9)),
                "warga": int(rng.binomial(target, float(np.clip(0.7 + 0.08 * rw.capacity, 0.4, 0.95)))),
            },
        )
    day = month_start + timedelta(days=int(rng.integers(9, 25)))
    if _in_period(day, period) and rng.random() < _sigmoid(1.0 + 1.2 * rw.capacity):
        _rapat_rw(rng, log, area, rw, rts, day, bimtek_dates)
    day = month_start + timedelta(days=int(rng.integers(0, _days_in_month(month_start))))
    if _in_period(day, period) and rng.random() < 0.45:
        tokoh = [t for t in area.tokoh if t.rw is rw]
        log.add(
            rng,
            tanggal=day,
            jenis="keagamaan",
            judul=f"Pengajian rutin RW {rw.nomor}",
            rw=rw,
            target=60,
            counts={
                "toga": int(rng.binomial(sum(t.jenis == "toga" for t in tokoh), 0.85)),
                "tomas": int(rng.binomial(sum(t.jenis == "tomas" for t in tokoh), 0.5)),
                "warga": int(rng.binomial(60, 0.6)),
            },
        )
    day = month_start + timedelta(days=int(rng.integers(0, _days_in_month(month_start))))
    if _in_period(day, period) and rng.random() < 0.55:
        log.add(
            rng,
            tanggal=day,
            jenis="pkk",
            judul=f"Pertemuan PKK RW {rw.nomor}",
            rw=rw,
            target=20,
            counts={"pkk": int(rng.binomial(20, 0.65))},
        )


def _rapat_rw(
    rng: np.random.Generator,
    log: _ActivityLog,
    area: _Area,
    rw: _Rw,
    rts: Sequence[_Rt],
    day: date,
    bimtek_dates: Sequence[date],
) -> None:
    boost = _boost(day, bimtek_dates)
    named: list[tuple[str, int | None, int | None, int | None]] = []
    if rng.random() < 0.92:
        named.append(("ketua_rw", rw.id, None, None))
    named += [("ketua_rt", rw.id, rt.id, None) for rt in rts if rng.random() < min(0.97, rt.rakor_propensity + boost)]
    tokoh = [t for t in area.tokoh if t.rw is rw]
    named += [(t.jenis, rw.id, t.rt.id if t.rt else None, t.id) for t in tokoh if rng.random() < 0.5]
    counts = {peran: sum(1 for n in named if n[0] == peran) for peran in domain.NAMED_ROLES}
    counts |= {"pkk": 1, "karang_taruna": int(rng.binomial(1, 0.5))}
    log.add(
        rng,
        tanggal=day,
        jenis="rapat_rw",
        judul=f"Rapat pengurus RW {rw.nomor}",
        rw=rw,
        target=len(rts) + 1 + len(tokoh) + 2,
        counts=counts,
        named=named,
    )


def _kelurahan_month(
    rng: np.random.Generator,
    log: _ActivityLog,
    area: _Area,
    month_start: date,
    period: _Period,
    bimtek_dates: Sequence[date],
) -> None:
    """The monthly rapat koordinasi with all RT/RW heads, and Karang Taruna events (with Agustusan)."""
    day = _nth_weekday(month_start, 1, 2)  # second Tuesday
    if _in_period(day, period):
        boost = _boost(day, bimtek_dates)
        named: list[_Named] = [
            ("ketua_rw", rw.id, None, None)
            for rw in area.rws
            if rng.random() < min(0.97, _sigmoid(1.5 + rw.capacity) + boost)
        ]
        named += [
            ("ketua_rt", rt.rw.id, rt.id, None)
            for rt in area.rts
            if rng.random() < min(0.97, rt.rakor_propensity + boost)
        ]
        counts = {peran: sum(1 for n in named if n[0] == peran) for peran in ("ketua_rt", "ketua_rw")}
        counts |= {"pkk": int(rng.integers(1, 3)), "karang_taruna": int(rng.binomial(1, 0.6))}
        log.add(
            rng,
            tanggal=day,
            jenis="rapat_koordinasi",
            judul=f"Rapat koordinasi RT/RW {_BULAN[day.month - 1]} {day.year}",
            target=len(area.rts) + len(area.rws) + 3,
            counts=counts,
            named=named,
            catatan="Evaluasi laporan masalah bulan lalu dan tindak lanjut",
        )
    agustusan = date(month_start.year, 8, 17)
    if month_start.month == 8 and _in_period(agustusan, period):
        log.add(
            rng,
            tanggal=agustusan,
            jenis="karang_taruna",
            judul=f"Lomba HUT RI ke-{agustusan.year - 1945}",
            target=300,
            counts={
                "karang_taruna": int(rng.binomial(40, 0.8)),
                "pkk": int(rng.binomial(20, 0.7)),
                "warga": int(rng.binomial(300, 0.7)),
            },
        )
    elif rng.random() < 0.3:
        day = month_start + timedelta(days=int(rng.integers(0, _days_in_month(month_start))))
        if _in_period(day, period):
            log.add(
                rng,
                tanggal=day,
                jenis="karang_taruna",
                judul="Kegiatan Karang Taruna Kelurahan",
                target=40,
                counts={"karang_taruna": int(rng.binomial(40, 0.5))},
            )


def _bimtek(rng: np.random.Generator, log: _ActivityLog, area: _Area, day: date) -> None:
    """A Bimtek on the four capacity goals, attended by most RT/RW heads, Tomas and Toga."""
    named: list[_Named] = [("ketua_rw", rw.id, None, None) for rw in area.rws if rng.random() < 0.9]
    named += [("ketua_rt", rt.rw.id, rt.id, None) for rt in area.rts if rng.random() < 0.75 + 0.2 * rt.rakor_propensity]
    named += [(t.jenis, t.rw.id, t.rt.id if t.rt else None, t.id) for t in area.tokoh if rng.random() < 0.7]
    counts = {peran: sum(1 for n in named if n[0] == peran) for peran in domain.NAMED_ROLES}
    counts |= {"pkk": int(rng.integers(2, 6)), "karang_taruna": int(rng.integers(1, 4))}
    log.add(
        rng,
        tanggal=day,
        jenis="bimtek",
        judul="Bimtek Penguatan Kapasitas Lembaga Kemasyarakatan RT/RW",
        target=len(area.rts) + len(area.rws) + len(area.tokoh) + 6,
        counts=counts,
        named=named,
        catatan="Koordinasi; identifikasi & penyelesaian masalah; partisipasi; kepemimpinan & manajerial",
    )


# --------------------------------------------------------------------------------------------------------------
# Database


_DATA_TABLES = ("kelurahan", "rw", "rt", "tokoh", "laporan", "status_history", "kegiatan", "kegiatan_peserta")
_ID_TABLES = _DATA_TABLES  # tables whose ids are assigned here (kegiatan_kehadiran has a composite key)


def _tables_with_rows(conn: Connection) -> list[str]:
    return [t for t in _DATA_TABLES if conn.execute(text(f"SELECT 1 FROM {t} LIMIT 1")).first() is not None]


def _require_empty(conn: Connection) -> None:
    """The demo assigns ids from 1 and claims to be the whole picture: it refuses a database with data."""
    filled = _tables_with_rows(conn)
    if filled:
        raise DemoError(f"database sudah berisi data ({', '.join(filled)}); data demo hanya dibuat di database kosong")


def _insert_everything(
    conn: Connection,
    area: _Area,
    categories: Sequence[_Category],
    reports: _Reports,
    activities: _ActivityLog,
    codes: np.ndarray,
) -> dict[str, int]:
    """Bulk-insert areas, reports, history and activities in FK order; returns the counts per kind."""
    lookups = _Lookups(area, categories)
    lookups.tracking_codes = codes
    w = area.wilayah
    insert_rows(
        conn,
        "kelurahan",
        ("id", "kode", "nama", "kecamatan", "kabupaten"),
        [(KELURAHAN_ID, w.kode, w.nama, w.kecamatan or "", w.kabupaten or "")],
    )
    insert_rows(
        conn,
        "rw",
        ("id", "kelurahan_id", "nomor", "ketua_nama", "aktif"),
        [(rw.id, KELURAHAN_ID, rw.nomor, rw.ketua, True) for rw in area.rws],
    )
    insert_rows(
        conn,
        "rt",
        ("id", "rw_id", "nomor", "ketua_nama", "jumlah_kk", "jumlah_warga", "data_diperbarui", "aktif"),
        [
            (
                rt.id,
                rt.rw.id,
                rt.nomor,
                rt.ketua,
                rt.kk,
                rt.warga,
                rt.diperbarui.isoformat() if rt.diperbarui else None,
                True,
            )
            for rt in area.rts
        ],
    )
    insert_rows(
        conn,
        "tokoh",
        ("id", "kelurahan_id", "rw_id", "rt_id", "jenis", "nama", "aktif"),
        [(t.id, KELURAHAN_ID, t.rw.id, t.rt.id if t.rt else None, t.jenis, t.nama, True) for t in area.tokoh],
    )
    with bulk_load(conn, ("laporan", "status_history")):
        n_reports = insert_rows(conn, "laporan", _LAPORAN_COLUMNS, _laporan_rows(reports, lookups))
        n_history = insert_rows(conn, "status_history", _HISTORY_COLUMNS, _history_rows(reports, lookups))
    n_activities = insert_rows(conn, "kegiatan", _KEGIATAN_COLUMNS, activities.kegiatan)
    insert_rows(conn, "kegiatan_kehadiran", _KEHADIRAN_COLUMNS, activities.kehadiran)
    insert_rows(conn, "kegiatan_peserta", _PESERTA_COLUMNS, activities.peserta)
    reset_sequences(conn, _ID_TABLES)
    analyze(conn, (*_ID_TABLES, "kegiatan_kehadiran"))
    return {
        "kelurahan": 1,
        "rw": len(area.rws),
        "rt": len(area.rts),
        "tokoh": len(area.tokoh),
        "reports": n_reports,
        "history": n_history,
        "activities": n_activities,
    }


def _add_evidence(conn: Connection, area: _Area, seed: int, period: _Period, counts: dict[str, int]) -> None:
    """Illustrative RW boundaries for the map, and synthetic photos on a few recent infrastructure reports."""
    add_demo_boundaries(
        conn,
        KELURAHAN_ID,
        [(rw.nomor, rw.lat, rw.lon) for rw in area.rws],
        [(rt.lat, rt.lon) for rt in area.rts],
        period.horizon,
    )
    since = datetime.combine(add_months(period.end.replace(day=1), -PHOTO_MONTHS), clock.min)
    counts["photos"] = add_demo_photos(conn, seed, since)


def _accounts_of(area: _Area) -> list[DemoAccount]:
    return demo_accounts(
        KELURAHAN_ID,
        [(rw.id, rw.nomor, rw.ketua) for rw in area.rws],
        [(rt.id, rt.rw.id, rt.rw.nomor, rt.nomor, rt.ketua) for rt in area.rts],
    )


def _mark_as_demo(conn: Connection, seed: int, period: _Period) -> None:
    """app_meta `demo` = 1 tells the app to label every page as illustrative data."""
    values = {"demo": "1", "demo_seed": str(seed), "demo_sampai": period.end.isoformat()}
    conn.execute(text("DELETE FROM app_meta WHERE key IN ('demo', 'demo_seed', 'demo_sampai')"))
    for key, value in values.items():
        conn.execute(text("INSERT INTO app_meta (key, value) VALUES (:key, :value)"), {"key": key, "value": value})
