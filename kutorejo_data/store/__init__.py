"""Where the data lives over time: the schema and its migrations, bulk loads, stored figures, backups.

Holds: Alembic migrations and `migrate`, bulk inserts for the demo and imports (bulk), the kept monthly figures of
the trends (monthly_rekap) and the settled capacity counts (capacity_rekap), whose rows database triggers delete
when a write makes them stale, and the SQLite online backup (backup).

May import: core.
"""
