"""Shared links: valid filters are applied, invalid ones are dropped with a notice, never an exception."""

from __future__ import annotations

from datetime import date

import pytest

from kutorejo_data.urlstate import expand_statuses, parse_link_filters

TODAY = date(2026, 11, 29)
RWS = ["01", "02", "03"]
RTS = {"01": ["001", "002"], "02": ["001"], "03": ["001", "002", "003"]}
CATEGORIES = ["jalan-gang", "drainase-banjir", "sampah-kebersihan"]


def parse(**params: str):
    return parse_link_filters(params, TODAY, RWS, lambda rw: RTS[rw], CATEGORIES)


def test_no_params_means_the_whole_area_this_month_and_no_other_filter() -> None:
    result = parse()
    assert (result.rw, result.rt, result.preset) == (None, None, "bulan_ini")
    assert (result.dari, result.sampai) == (date(2026, 11, 1), TODAY)
    assert (result.kategori, result.status, result.prioritas, result.q) == ((), (), (), "")
    assert result.notices == ()


def test_valid_params_are_applied_and_unpadded_numbers_accepted() -> None:
    result = parse(rw="3", rt="2", dari="2026-01-01", sampai="2026-06-30", kategori="drainase-banjir,jalan-gang",
                   status="terbuka", prioritas="tinggi", q=" selokan ")  # fmt: skip
    assert (result.rw, result.rt) == ("03", "002")
    assert (result.dari, result.sampai, result.preset) == (date(2026, 1, 1), date(2026, 6, 30), "kustom")
    assert result.kategori == ("drainase-banjir", "jalan-gang")
    assert (result.status, result.prioritas, result.q) == (("terbuka",), ("tinggi",), "selokan")
    assert result.notices == ()


def test_a_period_matching_a_preset_selects_that_preset() -> None:
    assert parse(dari="2026-10-01", sampai="2026-10-31").preset == "bulan_lalu"


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"rw": "99"}, "notice.unknown_rw"),
        ({"rw": "02", "rt": "007"}, "notice.unknown_rt"),
        ({"rt": "001"}, "notice.rt_without_rw"),
        ({"dari": "31/12/2026"}, "notice.bad_date"),
        ({"dari": "2026-06-30", "sampai": "2026-01-01"}, "notice.range_reversed"),
        ({"sampai": "2027-01-31"}, "notice.future"),
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
    assert dated.preset == "bulan_ini"  # dates in the link win over the page's default
