"""Who may do what: the roles, the area each role sees, and the one registry of pages with their roles.

A page is listed here by its file name (`pages/<slug>.py`, URL `/<slug>`, title `nav.<slug>`); the app shows
it only to the roles in `roles`, and only once the file exists, so pages still being written can be listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kutorejo_data.core import domain
from kutorejo_data.core.config import PROJECT_ROOT
from kutorejo_data.core.filters import Scope

ADMIN = "admin"
LURAH = "lurah"
STAF = "staf"
KETUA_RW = "ketua_rw"
KETUA_RT = "ketua_rt"
TAMU = "tamu"

ROLES: tuple[str, ...] = (ADMIN, LURAH, STAF, KETUA_RW, KETUA_RT, TAMU)
EVERYONE: frozenset[str] = frozenset(ROLES)
# The kelurahan office: reads and writes the whole kelurahan.
OFFICE: frozenset[str] = frozenset(domain.OFFICE_ROLES)
# Everyone who records and follows up reports and activities, each in their own area.
WRITERS: frozenset[str] = OFFICE | {KETUA_RW, KETUA_RT}
# Roles that see single reports (rows, titles, details); a guest sees aggregates only.
REPORT_READERS: frozenset[str] = WRITERS
# Reporter name and phone (UU PDP): the office, and the heads of the report's own area. A head's scope is their
# area, so every report a head can open is one of their own area's.
PERSONAL_DATA_READERS: frozenset[str] = WRITERS
AREA_ROLES: dict[str, str] = {KETUA_RW: "rw", KETUA_RT: "rt"}


@dataclass(frozen=True)
class PageSpec:
    """One page of the app: its file/URL slug, its icon, and which roles may open and write."""

    slug: str
    icon: str
    roles: frozenset[str]
    write_roles: frozenset[str] = frozenset()
    default: bool = False
    # Open without signing in (the one page residents use); kept out of the menu of those who are signed in.
    public: bool = False

    @property
    def path(self) -> str:
        """The page file, relative to the project root (as st.Page wants it)."""
        return f"pages/{self.slug}.py"

    def exists(self, root: Path = PROJECT_ROOT) -> bool:
        """True once the page file is in this version of the code."""
        return (root / self.path).exists()


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ringkasan", "dashboard", EVERYONE, default=True),
    PageSpec("tugas", "task_alt", WRITERS, WRITERS),
    PageSpec("pesan", "chat", WRITERS, WRITERS),
    PageSpec("masalah", "list_alt", REPORT_READERS, WRITERS),
    PageSpec("penyelesaian", "timer", EVERYONE),
    PageSpec("partisipasi", "groups", EVERYONE),
    PageSpec("kapasitas", "military_tech", EVERYONE),
    PageSpec("wilayah", "grid_view", EVERYONE),
    PageSpec("peta", "map", REPORT_READERS),
    PageSpec("presentasi", "co_present", REPORT_READERS),
    PageSpec("musrenbang", "account_balance", OFFICE | {KETUA_RW}, OFFICE | {KETUA_RW}),
    PageSpec("lapor", "edit_note", WRITERS, WRITERS),
    PageSpec("kegiatan", "event_available", WRITERS, WRITERS),
    PageSpec("impor_ekspor", "swap_vert", OFFICE | {KETUA_RW}, OFFICE | {KETUA_RW}),
    PageSpec("pengaturan", "settings", OFFICE, OFFICE),
    PageSpec("pengguna", "manage_accounts", frozenset({ADMIN}), frozenset({ADMIN})),
    PageSpec("cek", "travel_explore", EVERYONE, public=True),
)
DEFAULT_PAGE: PageSpec = next(page for page in PAGES if page.default)
PUBLIC_PAGE: PageSpec = next(page for page in PAGES if page.public)
# An RT head works from a phone: their own queue is the first thing they see after signing in.
DEFAULT_FOR_ROLE: dict[str, str] = {KETUA_RT: "tugas"}


def default_page(role: str) -> PageSpec:
    """The page a role lands on (the root URL)."""
    return page_spec(DEFAULT_FOR_ROLE.get(role, DEFAULT_PAGE.slug)) or DEFAULT_PAGE


def page_spec(slug: str) -> PageSpec | None:
    """The registry entry of a page, by slug."""
    return next((page for page in PAGES if page.slug == slug), None)


def pages_for(role: str, root: Path = PROJECT_ROOT) -> list[PageSpec]:
    """The pages a role may open that exist in this version, in menu order."""
    return [page for page in PAGES if role in page.roles and page.exists(root)]


def may_open(role: str, slug: str) -> bool:
    """True when the role may open the page (whether or not its file exists yet)."""
    page = page_spec(slug)
    return page is not None and role in page.roles


def sends_office_messages(role: str) -> bool:
    """The office roles also send the kelurahan office's WhatsApp messages (to people in charge, to RW heads)."""
    return role in OFFICE


def may_write(role: str, slug: str) -> bool:
    """True when the role may save changes on the page (inside its own area)."""
    page = page_spec(slug)
    return page is not None and role in page.write_roles


# Keputusan rapat: the office records them for the kelurahan, an RW head for their own RW (records/decisions.py
# checks the same); the owner and the office move them on.
DECISION_RECORDERS: frozenset[str] = OFFICE | {KETUA_RW}


def may_record_decisions(role: str) -> bool:
    """True when the role may record a meeting's decisions (an RW head: for their own RW)."""
    return role in DECISION_RECORDERS


def may_update_decision(role: str, account_id: int, owner_id: int | None) -> bool:
    """True for the decision's owner and for the office."""
    return role in OFFICE or (owner_id is not None and owner_id == account_id)


def may_see_personal_data(role: str) -> bool:
    """True when the role may see reporter names and phones of the reports in its scope."""
    return role in PERSONAL_DATA_READERS


def may_see_reports(role: str) -> bool:
    """True when the role may see single reports (lists, titles, details), not only aggregates."""
    return role in REPORT_READERS


def scope_for(role: str, kelurahan_kode: str | None, rw: str | None, rt: str | None) -> Scope:
    """The area a user sees: an RT head their RT, an RW head their RW, everyone else their kelurahan (or all).

    A guest's scope is read-only, so every write service refuses it whatever a page does.
    """
    return Scope(
        kelurahan_kode=kelurahan_kode,
        rw=rw if role in AREA_ROLES else None,
        rt=rt if role == KETUA_RT else None,
        read_only=role not in WRITERS,
    )
