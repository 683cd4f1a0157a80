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

from sqlalchemy import Connection, select

from kutorejo_data.core import domain
from kutorejo_data.core.models import AturanPenugasan, Pengguna

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
