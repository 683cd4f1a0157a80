"""Cek laporan without signing in, "sudah beres?" on it, and the Pesan page's send link through the server."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import Engine, select
from starlette.requests import Request
from starlette.responses import Response

from kutorejo_data.access.cookie import COOKIE_NAME, sign_token
from kutorejo_data.access.sessions import start_session
from kutorejo_data.core.models import Laporan, Pengguna, Pesan
from kutorejo_data.records.public import tracking_code
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from kutorejo_data.ui.blocks.public_check import FREE_TRIES, wait_after
from kutorejo_data.ui.frame import session_routes
from kutorejo_data.ui.frame.auth import signing_secret
from tests.factories import KUTOREJO, add_area
from tests.signin import PASSWORD, add_user, open_as, open_link

NOW = datetime(2026, 12, 7, 8, 0)
TITLE = "Pos ronda di depan rumah Pak Darto roboh"


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch, fresh_db: Engine) -> tuple[Engine, str]:
    """A resident's report in RW 03 / RT 002, resolved by its RT head on Friday 4 December; its tracking code."""
    monkeypatch.setenv("KUTOREJO_NOW", NOW.isoformat())
    with fresh_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    add_user(fresh_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    report = NewReport(
        KUTOREJO,
        "03",
        "002",
        "keamanan-ketertiban",
        TITLE,
        deskripsi="Atapnya ambruk",
        pelapor_nama="Bu Sulastri",
        pelapor_telepon="0812-3456-7890",
        reported_at=datetime(2026, 12, 1, 9),
    )
    nomor = create_report(fresh_db, report, actor="rt03-002", now=datetime(2026, 12, 1, 9))
    change_status(fresh_db, StatusChange(nomor, "diproses", 1), actor="rt03-002", now=datetime(2026, 12, 2, 9))
    change_status(
        fresh_db,
        StatusChange(nomor, "selesai", 2, note="Dibangun ulang bersama warga"),
        actor="rt03-002",
        now=datetime(2026, 12, 4, 15),
    )
    with fresh_db.connect() as conn:
        return fresh_db, str(tracking_code(conn, nomor))


def _shown(app) -> str:  # type: ignore[no-untyped-def]
    parts = [
        e.value for kind in (app.markdown, app.caption, app.subheader, app.title, app.info, app.success) for e in kind
    ]
    return " ".join(str(part) for part in parts).replace("\\", "")


def test_the_code_in_the_link_shows_the_status_and_nothing_personal(monkeypatch, resolved, fresh_db_url) -> None:
    _, kode = resolved
    app = open_link(monkeypatch, fresh_db_url, "pages/cek.py", kode=kode.lower().replace("-", " "))
    assert not app.exception
    shown = _shown(app)
    assert "Status: Selesai" in shown and kode in shown and "RT 002 / RW 03" in shown
    assert "Keamanan & ketertiban" in shown and "Sudah beres?" in shown
    for private in ("Pak Darto", "Atapnya", "Sulastri", "0812", "rt03-002", "Dibangun ulang"):
        assert private not in shown
    assert not [box for box in app.text_input if box.key == "login_username"]  # no sign-in form on this page


def test_every_other_page_still_needs_signing_in(monkeypatch, resolved, fresh_db_url) -> None:
    for page in ("pages/masalah.py", "pages/pesan.py", "pages/ringkasan.py", "pages/peta.py"):
        app = open_link(monkeypatch, fresh_db_url, page)
        assert app.text_input(key="login_username") is not None
        assert TITLE not in _shown(app)


def test_the_sign_in_page_links_to_the_check(monkeypatch, resolved, fresh_db_url) -> None:
    app = open_link(monkeypatch, fresh_db_url)
    assert any("cek laporan" in link.label for link in app.get("page_link"))


def _check(app, typed: str):  # type: ignore[no-untyped-def]
    """Type a code into the box and press Cek."""
    app.text_input(key="cek_kode").input(typed)
    return next(button for button in app.button if button.label == "Cek").click().run()


def test_a_wrong_code_says_only_that_nothing_was_found_and_guessing_is_slowed(
    monkeypatch, resolved, fresh_db_url
) -> None:
    _, kode = resolved
    app = open_link(monkeypatch, fresh_db_url, "pages/cek.py")
    for attempt in range(FREE_TRIES):
        app = _check(app, f"KTR-0000-000{attempt}")
        assert "Tidak ada laporan dengan kode itu" in _shown(app)
    app = _check(app, kode)
    assert any("Coba lagi dalam 30 detik" in w.value for w in app.warning)
    assert "Status:" not in _shown(app)


def test_waits_double_and_stop_at_a_quarter_hour() -> None:
    assert [wait_after(n).total_seconds() for n in range(FREE_TRIES + 4)] == [0] * FREE_TRIES + [30, 60, 120, 240]
    assert wait_after(100) == timedelta(minutes=15)


def test_not_yet_reopens_the_report_and_puts_it_back_in_the_heads_queue(monkeypatch, resolved, fresh_db_url) -> None:
    engine, kode = resolved
    app = open_link(monkeypatch, fresh_db_url, "pages/cek.py", kode=kode)
    app.radio(key="cek_jawaban").set_value("belum").run()
    app.text_area(key="cek_alasan").input("Atapnya bocor lagi")
    app = app.button(key="cek_kirim").click().run()
    assert not app.exception
    assert any("dibuka kembali" in s.value for s in app.success)
    assert "Status: Diproses" in _shown(app)
    with engine.connect() as conn:
        assert conn.execute(select(Laporan.status)).scalar_one() == "diproses"
    queue = open_as(monkeypatch, fresh_db_url, "rt03-002", "pages/tugas.py", password=PASSWORD)
    assert TITLE.replace(" ", "") in _shown(queue).replace(" ", "")


def test_yes_with_stars_is_recorded_once(monkeypatch, resolved, fresh_db_url) -> None:
    _, kode = resolved
    app = open_link(monkeypatch, fresh_db_url, "pages/cek.py", kode=kode)
    app.radio(key="cek_jawaban").set_value("ya").run()
    app = app.button(key="cek_kirim").click().run()
    assert any("Terima kasih" in s.value for s in app.success)
    assert "sudah dijawab: Ya, sudah beres" in _shown(app)
    assert not [b for b in app.button if b.key == "cek_kirim"]


# ---------------------------------------------------------------------------------------------------------------
# The send link of the Pesan page


def _get(path: str, *, cookie: str | None, site: str = "same-origin") -> Response:
    headers = [(b"host", b"kutorejo.test"), (b"sec-fetch-site", site.encode())]
    if cookie is not None:
        headers.append((b"cookie", f"{COOKIE_NAME}={cookie}".encode()))
    message_id = int(path.split("/")[2])
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "headers": headers,
        "scheme": "http",
        "query_string": b"",
        "server": ("kutorejo.test", 80),
        "path_params": {"message_id": message_id},
    }

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    return asyncio.run(session_routes.send_message(Request(scope, receive)))


def _cookie_of(engine: Engine, username: str) -> str:
    with engine.connect() as conn:
        account_id = conn.execute(select(Pengguna.id).where(Pengguna.username == username)).scalar_one()
    return sign_token(start_session(engine, account_id, now=NOW), signing_secret())


def test_the_send_link_marks_the_message_sent_and_opens_whatsapp_with_it(monkeypatch, resolved) -> None:
    engine, _ = resolved
    monkeypatch.setenv("KUTOREJO_DATABASE_URL", str(engine.url))
    add_user(engine, "rt03-001", "ketua_rt", rw="03", rt="002")
    with engine.connect() as conn:
        received = conn.execute(select(Pesan).where(Pesan.jenis == "laporan_diterima")).one()
    path = f"/pesan/{received.id}/kirim"

    from_elsewhere = _get(path, cookie=_cookie_of(engine, "rt03-002"), site="cross-site")
    someone_else = _get(path, cookie=_cookie_of(engine, "rt03-001"))
    signed_out = _get(path, cookie=None)
    assert {r.headers["location"] for r in (from_elsewhere, someone_else, signed_out)} == {"/pesan"}

    sent = _get(path, cookie=_cookie_of(engine, "rt03-002"))
    target = urlsplit(sent.headers["location"])
    assert sent.status_code == 303 and target.netloc == "wa.me" and target.path == "/6281234567890"
    assert parse_qs(target.query)["text"] == [received.teks]
    with engine.connect() as conn:
        assert conn.execute(select(Pesan.status, Pesan.sent_by).where(Pesan.id == received.id)).one()[0] == "terkirim"
    assert _get(path, cookie=_cookie_of(engine, "rt03-002")).headers["location"] == "/pesan"  # once
