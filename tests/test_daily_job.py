"""The daily job: escalation, reminders, the RW heads' morning digest and the optional WhatsApp gateway; and the
satisfaction figures the residents' answers make."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy import Engine, select, update

from kutorejo_data.analytics.satisfaction import ikm, satisfaction
from kutorejo_data.core.filters import EVERYTHING, ReportFilters
from kutorejo_data.core.models import Pengguna, Pesan
from kutorejo_data.meeting.daily import run_daily, run_daily_if_due
from kutorejo_data.records.confirmation import Answer, confirm
from kutorejo_data.records.public import tracking_code
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.factories import KUTOREJO, add_area
from tests.signin import add_user

# Monday 30 November 2026, then Tuesday 1 December: the digest of the last day of a month, on the first of the next.
MONTH_END = datetime(2026, 11, 30, 10, 0)
NEXT_MORNING = datetime(2026, 12, 1, 6, 30)


@pytest.fixture
def office(any_db: Engine) -> Engine:
    """RW 03 / RT 002 with its heads; the RW head has a WhatsApp number."""
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    add_user(any_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    add_user(any_db, "rw03", "ketua_rw", rw="03")
    add_user(any_db, "staf", "staf")
    with any_db.begin() as conn:
        conn.execute(update(Pengguna).where(Pengguna.username == "rw03").values(telepon="6281355556666"))
    return any_db


def _report(engine: Engine, when: datetime, phone: str | None = "081234567890") -> int:
    report = NewReport(
        KUTOREJO, "03", "002", "sampah-kebersihan", "Sampah menumpuk", pelapor_telepon=phone, reported_at=when
    )
    return create_report(engine, report, actor="rt03-002", now=when)


def _resolve(engine: Engine, nomor: int, when: datetime) -> None:
    change_status(engine, StatusChange(nomor, "diverifikasi", 1), actor="rt03-002", now=when - timedelta(hours=1))
    change_status(engine, StatusChange(nomor, "selesai", 2), actor="rt03-002", now=when)


def _kinds(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(Pesan.jenis).order_by(Pesan.id)).scalars())


def test_the_morning_after_a_month_end_the_rw_head_gets_that_days_digest_once(office: Engine) -> None:
    _resolve(office, _report(office, MONTH_END - timedelta(days=3)), MONTH_END)
    _report(office, MONTH_END)
    first = run_daily(office, now=NEXT_MORNING)
    again = run_daily(office, now=NEXT_MORNING + timedelta(hours=2))
    assert (first.digests, again.digests) == (1, 0)
    with office.connect() as conn:
        digest = conn.execute(select(Pesan).where(Pesan.jenis == "ringkasan_harian")).one()
    assert digest.nomor == "6281355556666" and digest.pengirim_id is None  # the office sends it to the RW head
    assert "Senin, 30 November 2026" in digest.teks
    assert "• Laporan masuk: *1*" in digest.teks and "• Diselesaikan: *1*" in digest.teks


def test_before_six_in_the_morning_no_digest_is_queued_yet(office: Engine) -> None:
    _report(office, MONTH_END)
    assert run_daily(office, now=datetime(2026, 12, 1, 5, 59)).digests == 0


def test_the_app_runs_the_job_at_most_once_an_hour(office: Engine) -> None:
    assert run_daily_if_due(office, now=NEXT_MORNING) is not None
    assert run_daily_if_due(office, now=NEXT_MORNING + timedelta(minutes=59)) is None
    assert run_daily_if_due(office, now=NEXT_MORNING + timedelta(minutes=61)) is not None


def test_without_a_gateway_nothing_is_sent(office: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KUTOREJO_WA_GATEWAY_URL", raising=False)
    _report(office, MONTH_END)
    assert run_daily(office, now=NEXT_MORNING).gateway is None
    with office.connect() as conn:
        assert set(conn.execute(select(Pesan.status)).scalars()) == {"antre"}


class _Gateway(BaseHTTPRequestHandler):
    received: list[tuple[str | None, dict]] = []
    answer = 200

    def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Gateway.received.append((self.headers.get("Authorization"), body))
        self.send_response(400 if body["target"].endswith("0000") else _Gateway.answer)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def gateway(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_Gateway]]:
    """A WhatsApp gateway on localhost that refuses numbers ending in 0000."""
    server = HTTPServer(("127.0.0.1", 0), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Gateway.received = []
    monkeypatch.setenv("KUTOREJO_WA_GATEWAY_URL", f"http://127.0.0.1:{server.server_port}/send")
    monkeypatch.setenv("KUTOREJO_WA_GATEWAY_TOKEN", "rahasia")
    yield _Gateway
    server.shutdown()


def test_a_configured_gateway_sends_what_has_a_number_and_a_refusal_stays_for_a_person(
    office: Engine, gateway: type[_Gateway]
) -> None:
    _report(office, MONTH_END, phone="0812-3456-7890")
    _report(office, MONTH_END, phone="0812-3456-0000")
    _report(office, MONTH_END, phone=None)
    result = run_daily(office, now=NEXT_MORNING)
    assert result.gateway is not None and (result.gateway.sent, result.gateway.refused) == (2, 1)
    assert {auth for auth, _ in gateway.received} == {"rahasia"}
    assert {body["target"] for _, body in gateway.received} == {"6281234567890", "6281234560000", "6281355556666"}
    with office.connect() as conn:
        statuses = dict(conn.execute(select(Pesan.nomor, Pesan.status)).all())
    assert statuses["6281234567890"] == "terkirim" and statuses["6281234560000"] == "gagal"


def test_an_unreachable_gateway_leaves_everything_queued(office: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KUTOREJO_WA_GATEWAY_URL", "http://127.0.0.1:9/send")  # nothing listens on the discard port
    _report(office, MONTH_END)
    result = run_daily(office, now=NEXT_MORNING)
    assert result.gateway is not None and result.gateway.unreachable and result.gateway.sent == 0
    with office.connect() as conn:
        assert set(conn.execute(select(Pesan.status)).scalars()) == {"antre"}


# ---------------------------------------------------------------------------------------------------------------
# Satisfaction


@pytest.mark.parametrize(("ratings", "expected"), [([5] * 5, 100.0), ([1] * 5, 0.0), ([4, 4, 5, 3, 4], 75.0)])
def test_the_index_maps_ratings_1_to_5_onto_0_to_100(ratings: list[int], expected: float) -> None:
    assert ikm(sum(ratings), len(ratings)) == pytest.approx(expected)


def test_fewer_than_five_ratings_give_no_index() -> None:
    assert ikm(20, 4) is None


def test_confirmed_and_reopened_shares_count_the_periods_resolutions(office: Engine) -> None:
    resolved_on = datetime(2026, 11, 10, 9, 0)
    reports = [_report(office, resolved_on - timedelta(days=2)) for _ in range(6)]
    for nomor in reports:
        _resolve(office, nomor, resolved_on)
    with office.connect() as conn:
        kode = [tracking_code(conn, nomor) for nomor in reports]
    for index, rating in enumerate([5, 4, 4, 3, 5]):
        confirm(office, kode[index], Answer("ya", nilai=rating), now=resolved_on + timedelta(days=1))
    confirm(office, kode[5], Answer("belum", alasan="masih bau"), now=resolved_on + timedelta(days=2))

    with office.connect() as conn:
        november = satisfaction(conn, ReportFilters(dari=date(2026, 11, 1), sampai=date(2026, 11, 30)), EVERYTHING)
        december = satisfaction(conn, ReportFilters(dari=date(2026, 12, 1), sampai=date(2026, 12, 31)), EVERYTHING)
    total = november.total
    assert (total["penyelesaian"], total["dikonfirmasi_ya"], total["dikonfirmasi_belum"]) == (6, 5, 1)
    assert total["dikonfirmasi_warga"] == pytest.approx(5 / 6)
    assert total["dibuka_kembali_pelapor"] == pytest.approx(1 / 6)
    assert total["ikm_warga"] == pytest.approx((21 / 5 - 1) / 4 * 100)
    assert list(november.by_area["grup"]) == ["RW 03"] and list(november.by_category["grup"]) == ["sampah-kebersihan"]
    assert december.total["penyelesaian"] == 0 and december.total["ikm_warga"] is None
