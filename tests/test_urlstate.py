"""Shared links: valid filters are applied, invalid ones are dropped with a notice, never an exception."""

from __future__ import annotations

from datetime import date

import pytest

from kutorejo_data.ui.frame.url_params import (
    URL_PARAMETERS,
    expand_statuses,
    parse_lang_param,
    parse_link_filters,
    parse_month_param,
    parse_report_param,
)

TODAY = date(2026, 11, 29)
RWS = ["01", "02", "03"]
RTS = {"01": ["001", "002"], "02": ["001"], "03": ["001", "002", "003"]}
CATEGORIES = ["jalan-gang", "drainase-banjir", "sampah-kebersihan"]


def parse(**params: str):
    return parse_link_filters(params, TODAY, RWS, lambda rw: RTS[rw], CATEGORIES)


def test_no_params_means_the_whole_area_over_the_last_30_days_and_no_other_filter() -> None:
    result = parse()
    assert (result.rw, result.rt, result.preset) == (None, None, "30_hari")
    assert (result.dari, result.sampai) == (date(2026, 10, 31), TODAY)
    assert (result.kategori, result.status, result.prioritas, result.q) == ((), (), (), "")
    assert result.notices == ()


def test_valid_params_are_applied_and_unpadded_numbers_accepted() -> None:
    result = parse(
        rw="3",
        rt="2",
        dari="2026-01-01",
        sampai="2026-06-30",
        kategori="drainase-banjir,jalan-gang",
        status="terbuka",
        prioritas="tinggi",
        q=" selokan ",
    )
    assert (result.rw, result.rt) == ("03", "002")
    assert (result.dari, result.sampai, result.preset) == (date(2026, 1, 1), date(2026, 6, 30), "kustom")
    assert result.kategori == ("drainase-banjir", "jalan-gang")
    assert (result.status, result.prioritas, result.q) == (("terbuka",), ("tinggi",), "selokan")
    assert result.notices == ()


def test_dates_in_a_link_keep_their_meaning_even_when_they_match_a_preset_today() -> None:
    result = parse(dari="2026-10-01", sampai="2026-10-31")
    assert (result.preset, result.dari, result.sampai) == ("kustom", date(2026, 10, 1), date(2026, 10, 31))


@pytest.mark.parametrize(
    ("periode", "expected"),
    [
        ("30_hari", (date(2026, 10, 31), TODAY)),
        ("bulan_ini", (date(2026, 11, 1), TODAY)),
        ("bulan_lalu", (date(2026, 10, 1), date(2026, 10, 31))),
        ("3_bulan", (date(2026, 9, 1), TODAY)),
        ("12_bulan", (date(2025, 12, 1), TODAY)),
        ("tahun_ini", (date(2026, 1, 1), TODAY)),
    ],
)
def test_a_preset_in_the_link_rolls_with_the_calendar(periode: str, expected: tuple[date, date]) -> None:
    result = parse(periode=periode)
    assert (result.preset, (result.dari, result.sampai), result.notices) == (periode, expected, ())


def test_dates_win_over_a_preset_in_the_same_link() -> None:
    result = parse(periode="bulan_ini", dari="2026-06-01", sampai="2026-06-30")
    assert (result.preset, result.dari, result.sampai) == ("kustom", date(2026, 6, 1), date(2026, 6, 30))


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"rw": "99"}, "notice.unknown_rw"),
        ({"rw": "02", "rt": "007"}, "notice.unknown_rt"),
        ({"rt": "001"}, "notice.rt_without_rw"),
        ({"dari": "31/12/2026"}, "notice.bad_date"),
        ({"dari": "2026-06-30", "sampai": "2026-01-01"}, "notice.range_reversed"),
        ({"sampai": "2027-01-31"}, "notice.future"),
        ({"dari": "0001-01-01", "sampai": "0001-01-31"}, "notice.too_early"),
        ({"dari": "9999-12-31"}, "notice.too_late"),
        ({"sampai": "2028-01-01"}, "notice.too_late"),
        ({"dari": "２０２６-０１-０１"}, "notice.bad_date"),  # digits of another script
        ({"dari": "2026-02-30"}, "notice.bad_date"),
        ({"rw": "²"}, "notice.unknown_rw"),
        ({"rw": "03", "rt": "0" * 500}, "notice.unknown_rt"),
        ({"periode": "minggu_ini"}, "notice.unknown_periode"),
        ({"kategori": "banjir-bandang"}, "notice.unknown_kategori"),
        ({"status": "hilang"}, "notice.unknown_status"),
        ({"prioritas": "darurat"}, "notice.unknown_prioritas"),
    ],
)
def test_invalid_params_are_ignored_with_a_notice(params: dict[str, str], notice: str) -> None:
    result = parse(**params)
    assert notice in [n.key for n in result.notices]
    assert result.dari <= result.sampai <= TODAY
    assert result.rw in (None, *RWS)


def test_valid_values_survive_next_to_invalid_ones() -> None:
    result = parse(status="baru,hilang,diproses")
    assert result.status == ("baru", "diproses")
    assert [n.value for n in result.notices] == ["hilang"]


def test_only_sampai_given_shows_that_month_up_to_it() -> None:
    result = parse(sampai="2026-06-15")
    assert (result.dari, result.sampai) == (date(2026, 6, 1), date(2026, 6, 15))


@pytest.mark.parametrize(
    ("chosen", "statuses"),
    [
        (("terbuka",), ("baru", "diverifikasi", "diproses")),
        (("tertutup",), ("selesai", "ditolak", "duplikat")),
        (("selesai", "baru"), ("baru", "selesai")),
        (("terbuka", "baru"), ("baru", "diverifikasi", "diproses")),
        ((), ()),
    ],
)
def test_status_groups_expand_to_statuses(chosen: tuple[str, ...], statuses: tuple[str, ...]) -> None:
    assert expand_statuses(chosen) == statuses


def test_a_page_may_mean_another_period_when_the_link_has_no_dates() -> None:
    result = parse_link_filters({"rw": "03"}, TODAY, RWS, lambda rw: RTS[rw], CATEGORIES, default_preset="12_bulan")
    assert (result.preset, result.dari, result.sampai) == ("12_bulan", date(2025, 12, 1), TODAY)
    dated = parse_link_filters({"dari": "2026-11-01"}, TODAY, RWS, lambda rw: RTS[rw], default_preset="12_bulan")
    assert (dated.preset, dated.dari) == ("kustom", date(2026, 11, 1))  # dates in the link win over the default


def test_every_notice_names_its_parameter_and_quotes_a_short_clean_value() -> None:
    result = parse(rw="x" * 1000, dari="\x00bad", kategori=",".join(["nope"] * 100))
    assert {n.param for n in result.notices} == {"rw", "dari", "kategori"}
    assert all(n.param in URL_PARAMETERS for n in result.notices)
    assert all(len(n.value) <= 40 and "\x00" not in n.value for n in result.notices)
    assert len([n for n in result.notices if n.param == "kategori"]) == 3  # a thousand mistakes are three notices


def test_the_search_text_loses_control_characters() -> None:
    assert parse(q="sel\x00okan\u200b ").q == "selokan"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("28", 28),
        (" 28 ", 28),
        ("#28", 28),
        ("2147483647", 2147483647),
        ("2147483648", None),
        ("99999999999999999999", None),
        ("²", None),
        ("٣", None),  # an Arabic-Indic three: a digit to str.isdigit(), not to a report number
        ("0", None),
        ("-1", None),
        ("1e3", None),
        ("", None),
    ],
)
def test_a_report_number_in_the_link_is_ascii_digits_within_the_database_range(
    value: str, expected: int | None
) -> None:
    number, notices = parse_report_param({"laporan": value})
    assert number == expected
    assert [n.key for n in notices] == ([] if expected is not None or not value else ["notice.bad_report_number"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-10", date(2026, 10, 1)),
        ("2026-11", date(2026, 11, 1)),
        ("2026-12", None),  # after the running month
        ("2000-01", date(2000, 1, 1)),
        ("1999-12", None),
        ("0001-01", None),
        ("2026-13", None),
        ("2026-1", None),
        ("２０２６-１０", None),
    ],
)
def test_a_meeting_month_in_the_link_is_bounded(value: str, expected: date | None) -> None:
    month, notices = parse_month_param({"bulan": value}, TODAY)
    assert month == expected
    assert bool(notices) == (expected is None)


@pytest.mark.parametrize(("value", "expected"), [("en", "en"), ("EN", "en"), ("id", "id"), ("fr", None), ("", None)])
def test_the_language_in_the_link(value: str, expected: str | None) -> None:
    lang, notices = parse_lang_param({"lang": value})
    assert lang == expected
    assert bool(notices) == (value not in ("", "en", "EN", "id"))
