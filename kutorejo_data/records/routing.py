"""Who is in charge of a report at a level: the routing rules the admin keeps, and the defaults behind them.

A rule (aturan_penugasan) says: at this level, reports of this category (or any) in this area go to this account.
The most specific active rule wins: an RT's over its RW's over the kelurahan's, a category's over any category's.
Without one, the person is the head of the report's RT (level RT) or RW (level RW), or the kelurahan's staff at
the kelurahan and dinas levels (the staff follow a dinas up; the lurah, then an admin, when there are no staff).
A rule or default that names a deactivated account is passed over for the next one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, func, insert, select

from kutorejo_data.core import domain
from kutorejo_data.core.db import inserted_id, write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope, resolve_area
from kutorejo_data.core.models import RT, RW, AturanPenugasan, Kategori, Kelurahan, Pengguna

from . import audit

# Who stands in at the kelurahan and dinas levels, first found first.
OFFICE_ROLES: tuple[str, ...] = ("staf", "lurah", "admin")


@dataclass(frozen=True)
class ReportPlace:
    """What routing looks at: where a report is and what it is about."""

    kelurahan_id: int
    rw_id: int
    rt_id: int
    kategori_id: int


@dataclass(frozen=True)
class _Account:
    id: int
    role: str
    kelurahan_id: int | None
    rw_id: int | None
    rt_id: int | None


@dataclass(frozen=True)
class _Rule:
    id: int
    tingkat: str
    kelurahan_id: int
    rw_id: int | None
    rt_id: int | None
    kategori_id: int | None
    pengguna_id: int

    def matches(self, place: ReportPlace, level: str) -> bool:
        return (
            self.tingkat == level
            and self.kelurahan_id == place.kelurahan_id
            and self.rw_id in (None, place.rw_id)
            and self.rt_id in (None, place.rt_id)
            and self.kategori_id in (None, place.kategori_id)
        )

    def specificity(self) -> tuple[bool, bool, bool, int]:
        return (self.rt_id is not None, self.rw_id is not None, self.kategori_id is not None, -self.id)


class Router:
    """The rules and the active accounts, read once, answering "who is in charge" for any number of reports."""

    def __init__(self, conn: Connection, *, excluding: Iterable[int] = ()) -> None:
        excluded = set(excluding)
        accounts = conn.execute(
            select(Pengguna.id, Pengguna.role, Pengguna.kelurahan_id, Pengguna.rw_id, Pengguna.rt_id)
            .where(Pengguna.aktif.is_(True))
            .order_by(Pengguna.id)
        )
        self._accounts = {row.id: _Account(*row) for row in accounts if row.id not in excluded}
        self._rules = [_Rule(*row) for row in conn.execute(select(*_RULE_COLUMNS).order_by(AturanPenugasan.id))]

    def holder(self, place: ReportPlace, level: str | None) -> int | None:
        """The account in charge of a report at a level (None: the first level, RT); None when nobody can be."""
        level = level or domain.ESCALATION_LADDER[0]
        rules = sorted((r for r in self._rules if r.matches(place, level)), key=_Rule.specificity, reverse=True)
        for rule in rules:
            if rule.pengguna_id in self._accounts:
                return rule.pengguna_id
        return self._default(place, level)

    def _default(self, place: ReportPlace, level: str) -> int | None:
        accounts = self._accounts.values()
        if level == "rt":
            head = next((a.id for a in accounts if a.role == "ketua_rt" and a.rt_id == place.rt_id), None)
            return head if head is not None else self._default(place, "rw")
        if level == "rw":
            head = next((a.id for a in accounts if a.role == "ketua_rw" and a.rw_id == place.rw_id), None)
            return head if head is not None else self._default(place, "kelurahan")
        for role in OFFICE_ROLES:
            # Staff of this kelurahan first, then staff who cover every kelurahan (no area of their own).
            for own in (True, False):
                found = next(
                    (
                        a.id
                        for a in accounts
                        if a.role == role and (a.kelurahan_id == place.kelurahan_id if own else a.kelurahan_id is None)
                    ),
                    None,
                )
                if found is not None:
                    return found
        return None

    def rules_pointing_at_inactive(self) -> list[int]:
        """Ids of rules whose account is deactivated (or gone): Pengaturan warns about them."""
        return [rule.id for rule in self._rules if rule.pengguna_id not in self._accounts]


_RULE_COLUMNS = (
    AturanPenugasan.id,
    AturanPenugasan.tingkat,
    AturanPenugasan.kelurahan_id,
    AturanPenugasan.rw_id,
    AturanPenugasan.rt_id,
    AturanPenugasan.kategori_id,
    AturanPenugasan.pengguna_id,
)


# ---------------------------------------------------------------------------------------------------------------
# The rules as the office keeps them (Pengaturan)


@dataclass(frozen=True)
class RuleRow:
    """A routing rule as Pengaturan lists it."""

    id: int
    tingkat: str
    rw: str | None
    rt: str | None
    kategori: str | None  # the category's name; None: every category
    pengguna: str  # who, as `name (username)`
    aktif: bool  # False when the account was deactivated: the rule is passed over


@dataclass(frozen=True)
class RuleDraft:
    """A new rule: at `tingkat`, reports of `kategori_slug` (None: any) in the RW/RT (None: all) go to an account."""

    tingkat: str
    rw: str | None
    rt: str | None
    kategori_slug: str | None
    pengguna_id: int | None


def list_rules(conn: Connection, kelurahan_kode: str) -> list[RuleRow]:
    """The kelurahan's rules, by level and area."""
    stmt = (
        select(
            AturanPenugasan.id,
            AturanPenugasan.tingkat,
            RW.nomor,
            RT.nomor,
            Kategori.nama,
            func.coalesce(func.nullif(Pengguna.nama, ""), Pengguna.username) + " (" + Pengguna.username + ")",
            Pengguna.aktif,
        )
        .join(Kelurahan, Kelurahan.id == AturanPenugasan.kelurahan_id)
        .join(Pengguna, Pengguna.id == AturanPenugasan.pengguna_id)
        .outerjoin(RW, RW.id == AturanPenugasan.rw_id)
        .outerjoin(RT, RT.id == AturanPenugasan.rt_id)
        .outerjoin(Kategori, Kategori.id == AturanPenugasan.kategori_id)
        .where(Kelurahan.kode == kelurahan_kode)
        .order_by(AturanPenugasan.tingkat, RW.nomor, RT.nomor, Kategori.nama)
    )
    return [RuleRow(*row) for row in conn.execute(stmt)]


def _require_office(scope: Scope) -> None:
    """Routing decides for every area: only the kelurahan office (or wider) changes it."""
    require_writable(scope)
    if scope.rw is not None:
        raise ServiceError("error.settings_outside_scope")


def add_rule(
    engine: Engine, kelurahan_kode: str, draft: RuleDraft, *, actor: str, scope: Scope = EVERYTHING, now: datetime
) -> int:
    """Add a routing rule after checking its level, area, category and account; returns its id."""
    _require_office(scope)
    with write_transaction(engine) as conn:
        errors: dict[str, str] = {}
        if draft.tingkat not in domain.HANDLER_LEVELS:
            errors["tingkat"] = "error.penanganan_invalid"
        area = resolve_area(conn, kelurahan_kode, draft.rw, draft.rt, scope)
        if area.empty or area.kelurahan_id is None:
            errors["rt" if draft.rt else "rw"] = "error.rt_unknown"
        kategori_id = None
        if draft.kategori_slug:
            kategori_id = conn.execute(select(Kategori.id).where(Kategori.slug == draft.kategori_slug)).scalar()
            if kategori_id is None:
                errors["kategori"] = "error.kategori_unknown"
        active = conn.execute(select(Pengguna.aktif).where(Pengguna.id == draft.pengguna_id)).scalar()
        if not active:
            errors["pengguna"] = "error.reassign_inactive"
        if errors:
            raise ValidationError(errors)
        values = {
            "tingkat": draft.tingkat,
            "kelurahan_id": area.kelurahan_id,
            "rw_id": area.rw_id,
            "rt_id": area.rt_id,
            "kategori_id": kategori_id,
            "pengguna_id": draft.pengguna_id,
            "created_at": now,
        }
        rule_id = inserted_id(conn.execute(insert(AturanPenugasan).values(**values)))
        audit.record(conn, actor, "create", "aturan_penugasan", rule_id, after=values, at=now)
    return rule_id


def delete_rule(engine: Engine, rule_id: int, *, actor: str, scope: Scope = EVERYTHING, now: datetime) -> None:
    """Remove a routing rule (the defaults, or a wider rule, take over for new reports and escalations)."""
    _require_office(scope)
    with write_transaction(engine) as conn:
        row = conn.execute(select(AturanPenugasan).where(AturanPenugasan.id == rule_id)).one_or_none()
        if row is None:
            return
        before = {"tingkat": row.tingkat, "rw_id": row.rw_id, "rt_id": row.rt_id, "pengguna_id": row.pengguna_id}
        conn.execute(delete(AturanPenugasan).where(AturanPenugasan.id == rule_id))
        audit.record(conn, actor, "delete", "aturan_penugasan", rule_id, before=before, at=now)


def active_accounts(conn: Connection) -> list[tuple[int, str]]:
    """Every active account that can act on reports, as (id, `name (username, role)`), for choosing in a rule."""
    rows = conn.execute(
        select(Pengguna.id, Pengguna.username, Pengguna.nama, Pengguna.role)
        .where(Pengguna.aktif.is_(True), Pengguna.role != "tamu")
        .order_by(Pengguna.role, Pengguna.username)
    )
    return [(row.id, f"{row.nama or row.username} ({row.username}, {row.role})") for row in rows]
