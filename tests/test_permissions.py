"""The page registry: which role may open and write which page, and the pages still to come."""

from __future__ import annotations

from pathlib import Path

import pytest

from kutorejo_data.access import permissions
from kutorejo_data.access.permissions import PAGES, page_spec, pages_for

ROOT = Path(__file__).resolve().parent.parent


def test_every_page_file_of_this_version_is_in_the_registry() -> None:
    files = {path.stem for path in (ROOT / "pages").glob("*.py")}
    assert files <= {spec.slug for spec in PAGES}


def test_slugs_are_unique_and_every_role_is_known() -> None:
    assert len({spec.slug for spec in PAGES}) == len(PAGES)
    for spec in PAGES:
        assert spec.roles <= permissions.EVERYONE and spec.write_roles <= spec.roles


def test_the_start_page_is_open_to_every_role() -> None:
    assert permissions.DEFAULT_PAGE.slug == "ringkasan"
    assert all(permissions.may_open(role, "ringkasan") for role in permissions.ROLES)


def test_pages_that_are_still_being_written_are_listed_with_their_roles() -> None:
    for slug in ("partisipasi", "kapasitas", "wilayah"):  # read-only analytics: everyone, guests included
        assert page_spec(slug).roles == permissions.EVERYONE and not page_spec(slug).write_roles
    for slug in ("lapor", "kegiatan"):  # forms: every head in their own area and the office
        assert page_spec(slug).write_roles == permissions.WRITERS
    assert page_spec("pengaturan").roles == permissions.OFFICE
    assert permissions.TAMU not in page_spec("impor_ekspor").roles
    assert permissions.KETUA_RT not in page_spec("impor_ekspor").roles


def test_a_guest_sees_aggregates_only_and_writes_nothing() -> None:
    guest = {spec.slug for spec in PAGES if permissions.TAMU in spec.roles and not spec.public}
    assert guest == {"ringkasan", "penyelesaian", "partisipasi", "kapasitas", "wilayah"}
    assert not [spec.slug for spec in PAGES if permissions.TAMU in spec.write_roles]
    assert not permissions.may_see_reports(permissions.TAMU)
    assert not permissions.may_see_personal_data(permissions.TAMU)


@pytest.mark.parametrize("role", ["admin", "lurah", "staf", "ketua_rw", "ketua_rt"])
def test_the_office_and_the_heads_see_reports_and_their_reporters(role: str) -> None:
    assert permissions.may_see_reports(role) and permissions.may_see_personal_data(role)


def test_only_admins_manage_accounts() -> None:
    assert [role for role in permissions.ROLES if permissions.may_open(role, "pengguna")] == ["admin"]


def test_a_page_appears_once_its_file_exists(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    for slug in ("ringkasan", "lapor"):
        (tmp_path / "pages" / f"{slug}.py").write_text("")
    assert [spec.slug for spec in pages_for("ketua_rt", tmp_path)] == ["ringkasan", "lapor"]
    assert [spec.slug for spec in pages_for("tamu", tmp_path)] == ["ringkasan"]


def test_writing_is_per_page() -> None:
    assert permissions.may_write("ketua_rt", "lapor") and not permissions.may_write("ketua_rt", "pengaturan")
    assert not permissions.may_write("lurah", "ringkasan") and not permissions.may_write("lurah", "tidak-ada")
