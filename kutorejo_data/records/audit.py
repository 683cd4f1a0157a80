"""The audit log: every write says who did what, when, and what the row looked like before and after.

Call `record` inside the write's own transaction (the `conn` of `write_transaction`), so a write and its
audit entry are saved together or not at all. Actions used so far: `create`, `update` (only the changed fields),
`delete` (the row as it was), `status`, `import` (one entry per file, with its counts), `deactivate`, `activate`,
`password`, `unlock`, `lockout`. Entities: `laporan`, `kegiatan`, `kelurahan`, `rw`, `rt`, `kategori`, `pengguna`,
`keputusan_rapat` (its `status` entries carry the status and the note), `usulan_musrenbang`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Connection, insert, select

from kutorejo_data.core.config import now_local
from kutorejo_data.core.models import AuditLog

DEFAULT_LIMIT = 200


def _json(values: Mapping[str, object] | None) -> str | None:
    """Stable, readable JSON (sorted keys; dates as ISO text); None stays NULL."""
    if values is None:
        return None
    return json.dumps(dict(values), sort_keys=True, ensure_ascii=False, default=_plain)


def _plain(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def record(
    conn: Connection,
    actor: str,
    action: str,
    entity: str,
    entity_id: object | None = None,
    before: Mapping[str, object] | None = None,
    after: Mapping[str, object] | None = None,
    *,
    at: datetime | None = None,
) -> None:
    """Append one entry: `actor` did `action` on `entity` #`entity_id`; before/after hold the changed fields."""
    conn.execute(
        insert(AuditLog).values(
            at=at or now_local(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            before=_json(before),
            after=_json(after),
        )
    )


def changed_fields(before: Mapping[str, object], after: Mapping[str, object]) -> tuple[dict, dict]:
    """Only the fields whose value changed, as (before, after): an edit's audit entry stays short."""
    keys = [key for key in after if before.get(key) != after[key]]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


def recent_entries(
    conn: Connection, *, limit: int = DEFAULT_LIMIT, actor: str | None = None, entity: str | None = None
) -> pd.DataFrame:
    """The newest entries first, optionally for one actor (substring) or one kind of entity.

    Columns: at, actor, action, entity, entity_id, before, after (JSON text).
    """
    stmt = (
        select(
            AuditLog.at,
            AuditLog.actor,
            AuditLog.action,
            AuditLog.entity,
            AuditLog.entity_id,
            AuditLog.before,
            AuditLog.after,
        )
        .order_by(AuditLog.at.desc(), AuditLog.id.desc())
        .limit(limit)
    )
    if actor:
        stmt = stmt.where(AuditLog.actor.icontains(actor.strip(), autoescape=True))
    if entity:
        stmt = stmt.where(AuditLog.entity == entity)
    columns = ["at", "actor", "action", "entity", "entity_id", "before", "after"]
    return pd.DataFrame([tuple(row) for row in conn.execute(stmt)], columns=columns)


def entity_kinds(conn: Connection) -> list[str]:
    """The kinds of entity the log has entries for (for the viewer's filter)."""
    return list(conn.execute(select(AuditLog.entity).distinct().order_by(AuditLog.entity)).scalars())
