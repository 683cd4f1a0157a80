"""Photos of reports: what a phone sends is checked before it is decoded, stored without metadata, its GPS used for
empty coordinates; resolving an infrastructure report needs an after photo; only those who see a report see its
photos; bad files are refused with the file's name and nothing is saved half."""

from __future__ import annotations

import io
import struct
from datetime import date, datetime, timedelta

import pytest
from PIL import Image
from sqlalchemy import Engine, func, select

from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope
from kutorejo_data.core.i18n import t
from kutorejo_data.core.models import AuditLog, Foto, Kategori, Laporan
from kutorejo_data.intake.photos import MAX_PHOTO_BYTES, prepare_photo, prepare_photos
from kutorejo_data.records import photos as stored
from kutorejo_data.records.categories import update_category
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.factories import KUTOREJO, add_area
from tests.photo_files import (
    KUTOREJO_GPS,
    KUTOREJO_LAT_LON,
    LONDON_GPS,
    gif,
    jpeg,
    png,
    png_bomb,
    scene,
    truncated_jpeg,
    upload,
)

NOW = datetime(2026, 12, 7, 8, 0)
RW03 = Scope(KUTOREJO, "03")
RT04 = Scope(KUTOREJO, "04", "001")


@pytest.fixture
def area_db(any_db: Engine) -> Engine:
    """RT 002 of RW 03 and RT 001 of RW 04."""
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
        add_area(conn, rw="04", rt="001")
    return any_db


def report(rw: str = "03", rt: str = "002", kategori: str = "drainase-banjir", **extra: object) -> NewReport:
    return NewReport(KUTOREJO, rw, rt, kategori, "Selokan mampet di Gang Mawar", **extra)  # type: ignore[arg-type]


def phone_photo(**kwargs: object) -> stored.PhotoFile:
    photo, _ = prepare_photo(upload("IMG_0001.jpg", jpeg(**kwargs)))  # type: ignore[arg-type]
    return photo


def photo_rows(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(Foto.laporan_id, Foto.jenis, Foto.publik).order_by(Foto.id))]


# --- What is stored -------------------------------------------------------------------------------------------


def test_a_phone_photo_is_turned_upright_made_smaller_and_stripped_of_metadata() -> None:
    # 2400 × 1800 as the sensor stored it, EXIF says "rotate 90°" (a phone held upright), with GPS and camera.
    prepared = prepare_photos([upload("IMG_0001.jpg", jpeg(gps=KUTOREJO_GPS, orientation=6))])
    [photo] = prepared.photos
    assert (photo.lebar, photo.tinggi) == (1200, 1600)  # upright, longest side 1600
    assert photo.gps == pytest.approx(KUTOREJO_LAT_LON, abs=1e-5)
    assert prepared.notices == ()
    for data, longest in ((photo.gambar, 1600), (photo.gambar_kecil, stored.THUMBNAIL_SIDE)):
        image = Image.open(io.BytesIO(data))
        assert image.format == "JPEG" and max(image.size) == longest
        assert dict(image.getexif()) == {}  # no EXIF at all: no GPS, no camera, no orientation
        assert not {"exif", "icc_profile", "comment", "xmp"} & set(image.info)
        assert b"UjiPhone" not in data and b"Exif" not in data


def test_a_png_becomes_a_jpeg_without_its_text_chunks() -> None:
    [photo] = prepare_photos([upload("layar.png", png())]).photos
    image = Image.open(io.BytesIO(photo.gambar))
    assert image.format == "JPEG" and image.size == (800, 600) and b"Pak RT" not in photo.gambar


def test_a_transparent_png_is_flattened_on_white() -> None:
    clear = Image.new("RGBA", (50, 40), (0, 0, 0, 0))
    [photo] = prepare_photos([upload("transparan.png", png(clear))]).photos
    assert Image.open(io.BytesIO(photo.gambar)).convert("RGB").getpixel((25, 20)) >= (250, 250, 250)


def test_gps_outside_indonesia_is_ignored_with_a_notice() -> None:
    prepared = prepare_photos([upload("liburan.jpg", jpeg(gps=LONDON_GPS))])
    assert prepared.photos[0].gps is None
    [notice] = prepared.notices
    assert notice.key == "photo.gps_outside" and notice.values["nama"] == "liburan.jpg"
    assert "di luar Indonesia" in t(notice.key, "id", **notice.values)


# --- What is refused ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("catatan.jpg", b"Selokan mampet, tolong dicek", "error.photo_not_image"),
        ("terpotong.jpg", truncated_jpeg(), "error.photo_damaged"),
        ("bom.png", png_bomb(), "error.photo_too_many_pixels"),
        ("besar.jpg", b"\xff\xd8\xff\xe0" + b"\0" * MAX_PHOTO_BYTES, "error.photo_too_large"),
        ("animasi.gif", gif(), "error.photo_format"),
    ],
    ids=["not-an-image", "truncated-jpeg", "30000x30000-png", "over-15-mb", "gif"],
)
def test_a_bad_file_is_refused_with_its_name_and_nothing_is_prepared(name: str, data: bytes, key: str) -> None:
    good = upload("IMG_0001.jpg", jpeg())
    with pytest.raises(ServiceError) as refused:
        prepare_photos([good, upload(name, data)])
    assert refused.value.key == key and refused.value.values["nama"] == name
    message = t(refused.value.key, "id", **refused.value.values)
    assert name in message and "{" not in message


def test_the_bomb_is_refused_from_its_header_without_decoding() -> None:
    bomb = png_bomb()
    assert len(bomb) < 200_000  # a small file...
    assert struct.unpack(">II", bomb[16:24]) == (30_000, 30_000)  # ...whose header claims 900 million pixels


def test_more_than_four_photos_are_refused_before_any_is_read() -> None:
    with pytest.raises(ServiceError) as refused:
        prepare_photos([upload(f"{i}.jpg", b"not even read") for i in range(5)])
    assert refused.value.key == "error.photo_too_many" and refused.value.values == {"n": 5, "max": 4}


# --- Saving with a report -------------------------------------------------------------------------------------------


def test_a_new_report_takes_its_coordinates_from_the_photos_gps_and_stores_the_photo(area_db: Engine) -> None:
    nomor = create_report(area_db, report(photos=(phone_photo(gps=KUTOREJO_GPS),)), actor="rt03-002", now=NOW)
    with area_db.connect() as conn:
        lat, lon = conn.execute(select(Laporan.lat, Laporan.lon).where(Laporan.id == nomor)).one()
        audited = conn.execute(select(AuditLog.entity, AuditLog.action).order_by(AuditLog.id)).all()
        size, length = conn.execute(select(Foto.ukuran, func.length(Foto.gambar))).one()
    assert (lat, lon) == pytest.approx(KUTOREJO_LAT_LON, abs=1e-5)
    assert photo_rows(area_db) == [(nomor, "sebelum", False)]
    assert ("foto", "create") in audited and ("laporan", "create") in audited
    assert size == length


def test_typed_coordinates_win_over_the_photos_gps(area_db: Engine) -> None:
    typed = report(lat=-7.66, lon=112.7, photos=(phone_photo(gps=KUTOREJO_GPS),))
    nomor = create_report(area_db, typed, actor="rt03-002", now=NOW)
    with area_db.connect() as conn:
        assert conn.execute(select(Laporan.lat, Laporan.lon).where(Laporan.id == nomor)).one() == (-7.66, 112.7)


def test_a_refused_report_saves_none_of_its_photos(area_db: Engine) -> None:
    with pytest.raises(ValidationError):
        create_report(area_db, report(rt="009", photos=(phone_photo(),)), actor="rt", now=NOW)
    with pytest.raises(ValidationError) as refused:
        create_report(area_db, report(photos=(phone_photo(),) * 5), actor="rt", now=NOW)
    assert refused.value.fields == {"foto": "error.photo_limit"}
    with pytest.raises(ServiceError):
        create_report(area_db, report(photos=(phone_photo(),)), actor="tamu", scope=Scope(KUTOREJO, read_only=True))
    with area_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Laporan)).scalar_one() == 0
    assert photo_rows(area_db) == []


# --- Resolving with an after photo ----------------------------------------------------------------------------------


def _in_progress(engine: Engine, kategori: str = "drainase-banjir") -> int:
    nomor = create_report(engine, report(kategori=kategori, photos=(phone_photo(),)), actor="rt", now=NOW)
    change_status(engine, StatusChange(nomor, "diproses", 1), actor="rt", now=NOW)
    return nomor


def test_a_drainage_report_is_not_resolved_without_an_after_photo(area_db: Engine) -> None:
    nomor = _in_progress(area_db)
    with pytest.raises(ServiceError) as refused:
        change_status(area_db, StatusChange(nomor, "selesai", 2), actor="rt", now=NOW)
    assert refused.value.key == "error.after_photo_required"
    message = t(refused.value.key, "id", **refused.value.values)
    assert message.startswith(f"Laporan #{nomor} (Drainase & banjir) hanya bisa ditandai selesai dengan foto sesudah")
    assert "after photo" in t(refused.value.key, "en", **refused.value.values)
    with area_db.connect() as conn:
        assert conn.execute(select(Laporan.status).where(Laporan.id == nomor)).scalar_one() == "diproses"

    after = StatusChange(nomor, "selesai", 2, note="Sudah dikeruk", photos=(phone_photo(),), foto_publik=True)
    change_status(area_db, after, actor="rt", now=NOW)
    assert photo_rows(area_db) == [(nomor, "sebelum", False), (nomor, "sesudah", True)]


def test_a_reopened_report_needs_a_new_after_photo(area_db: Engine) -> None:
    nomor = _in_progress(area_db)
    change_status(area_db, StatusChange(nomor, "selesai", 2, photos=(phone_photo(),)), actor="rt", now=NOW)
    later = datetime(2026, 12, 8, 9)
    change_status(area_db, StatusChange(nomor, "diproses", 3, note="Mampet lagi"), actor="rw", now=later)
    with pytest.raises(ServiceError, match="after_photo_required"):
        change_status(area_db, StatusChange(nomor, "selesai", 4), actor="rt", now=datetime(2026, 12, 9, 9))


def test_other_categories_and_a_rule_turned_off_resolve_without_a_photo(area_db: Engine) -> None:
    rubbish = _in_progress(area_db, "sampah-kebersihan")
    change_status(area_db, StatusChange(rubbish, "selesai", 2), actor="rt", now=NOW)
    drain = _in_progress(area_db)
    update_category(area_db, "drainase-banjir", "Drainase & banjir", 14, True, actor="lurah", foto_sesudah_wajib=False)
    change_status(area_db, StatusChange(drain, "selesai", 2), actor="rt", now=NOW)


def test_after_photos_come_only_with_a_resolution(area_db: Engine) -> None:
    nomor = create_report(area_db, report(), actor="rt", now=NOW)
    with pytest.raises(ValidationError) as refused:
        change_status(area_db, StatusChange(nomor, "diproses", 1, photos=(phone_photo(),)), actor="rt", now=NOW)
    assert refused.value.fields == {"foto": "error.photo_only_when_resolving"}


def test_the_infrastructure_categories_start_with_the_rule_on(area_db: Engine) -> None:
    with area_db.connect() as conn:
        required = stored.after_photo_categories(conn)
        assert conn.execute(select(func.count()).select_from(Kategori)).scalar_one() == 12
    assert required == {"jalan-gang", "drainase-banjir", "penerangan-jalan", "air-bersih", "fasilitas-umum"}


# --- Who sees them ------------------------------------------------------------------------------------------------


def test_photos_are_seen_only_where_their_report_is(area_db: Engine) -> None:
    own = create_report(area_db, report(photos=(phone_photo(),)), actor="rt", now=NOW)
    other = create_report(area_db, report(rw="04", rt="001", photos=(phone_photo(),)), actor="rw", now=NOW)
    with area_db.connect() as conn:
        [mine] = stored.photos_of(conn, own, RW03, may_see_reports=True)
        assert stored.photo_image(conn, mine.id, RW03, may_see_reports=True) is not None
        assert stored.photos_of(conn, other, RW03, may_see_reports=True) == ()
        [theirs] = stored.photos_of(conn, other, EVERYTHING, may_see_reports=True)
        assert stored.photo_image(conn, theirs.id, RW03, may_see_reports=True) is None
        assert stored.photo_image(conn, mine.id, RT04, may_see_reports=True) is None
        assert set(stored.list_thumbnails(conn, (own, other), RW03, may_see_reports=True)) == {own}
        # A guest sees no single report, so no photo, whatever the area.
        guest = Scope(KUTOREJO, read_only=True)
        assert stored.photos_of(conn, own, guest, may_see_reports=False) == ()
        assert stored.photo_image(conn, mine.id, guest, may_see_reports=False) is None
        assert stored.list_thumbnails(conn, (own,), guest, may_see_reports=False) == {}


def test_stored_photos_cost_tens_of_kilobytes() -> None:
    photo = prepare_photos([upload("IMG.jpg", jpeg(scene(4000, 3000)))]).photos[0]
    assert max(photo.lebar, photo.tinggi) == 1600
    assert len(photo.gambar) < 600_000 and len(photo.gambar_kecil) < 40_000


# --- The meeting's evidence slide ---------------------------------------------------------------------------------


def test_the_meeting_shows_the_months_resolutions_before_and_after(area_db: Engine) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE
    from pypdf import PdfReader

    from kutorejo_data.meeting.deck import SLIDES, MeetingArea, build_meeting_report
    from kutorejo_data.meeting.pdf import meeting_pdf
    from kutorejo_data.meeting.pptx import meeting_pptx

    november = datetime(2026, 11, 10, 9)
    nomor = create_report(area_db, report(photos=(phone_photo(),)), actor="rt", now=november)
    change_status(area_db, StatusChange(nomor, "diproses", 1), actor="rt", now=november)
    after = phone_photo(image=scene(colour=(60, 150, 80)))
    change_status(area_db, StatusChange(nomor, "selesai", 2, photos=(after,)), actor="rt", now=november)
    month = november.date().replace(day=1)
    shown = build_meeting_report(area_db, month, MeetingArea(), EVERYTHING, now=NOW, may_see_reports=True)
    hidden = build_meeting_report(area_db, month, MeetingArea(), EVERYTHING, now=NOW)
    assert [item.nomor for item in shown.resolutions] == [nomor] and hidden.resolutions == ()
    slide = Presentation(io.BytesIO(meeting_pptx(shown))).slides[SLIDES.index("sebelum_sesudah")]
    assert sum(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes) == 2
    pdf = PdfReader(io.BytesIO(meeting_pdf(shown)))
    assert sum(len(page.images) for page in pdf.pages) == 2
    assert "Sebelum & sesudah" in "".join(page.extract_text() for page in pdf.pages)


def test_a_resolution_counts_in_the_month_of_its_last_resolution_and_in_its_own_area(area_db: Engine) -> None:
    october, november = datetime(2026, 10, 20, 9), datetime(2026, 11, 10, 9)
    nomor = create_report(area_db, report(photos=(phone_photo(),)), actor="rt", now=october)
    after = (phone_photo(image=scene(colour=(60, 150, 80))),)
    change_status(area_db, StatusChange(nomor, "diproses", 1), actor="rt", now=october)
    change_status(area_db, StatusChange(nomor, "selesai", 2, photos=after), actor="rt", now=october)
    reopened = StatusChange(nomor, "diproses", 3, note="Masih mampet setelah hujan")
    change_status(area_db, reopened, actor="rt", now=october + timedelta(days=3))
    change_status(area_db, StatusChange(nomor, "selesai", 4, photos=after), actor="rt", now=november)

    def shown(month: int, rw: str | None = None) -> list[tuple[int, datetime]]:
        filters = ReportFilters(KUTOREJO, rw=rw, dari=date(2026, month, 1), sampai=date(2026, month, 30))
        with area_db.connect() as conn:
            found = stored.resolved_with_photos(conn, filters, EVERYTHING, may_see_reports=True)
        return [(item.nomor, item.resolved_at) for item in found]

    assert shown(11) == shown(11, "03") == [(nomor, november)]
    assert shown(10) == [] and shown(11, "04") == []
