"""Portable SQL expressions the two backends spell differently (month keys, day differences, medians)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Float, Select, String, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class month_key(FunctionElement):  # noqa: N801 - reads like the SQL function it stands for
    """`YYYY-MM` of a timestamp or date column."""

    type = String()
    inherit_cache = True
    name = "month_key"


@compiles(month_key, "sqlite")
def _month_key_sqlite(element, compiler, **kw) -> str:  # type: ignore[no-untyped-def]
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(month_key, "postgresql")
def _month_key_postgresql(element, compiler, **kw) -> str:  # type: ignore[no-untyped-def]
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


class days_between(FunctionElement):  # noqa: N801
    """Fractional days from the first timestamp to the second."""

    type = Float()
    inherit_cache = True
    name = "days_between"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw) -> str:  # type: ignore[no-untyped-def]
    start, end = list(element.clauses)
    return f"(julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)}))"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element, compiler, **kw) -> str:  # type: ignore[no-untyped-def]
    start, end = list(element.clauses)
    return (
        f"(EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - {compiler.process(start, **kw)})) / 86400.0)"
    )


def median_statement(values: Select[Any]) -> Select[Any]:
    """SELECT the median of the single numeric column of `values` (NULL when there are none), in SQL."""
    inner = values.subquery()
    value = inner.c[0]
    ranked = select(
        value.label("v"),
        func.row_number().over(order_by=value).label("rn"),
        func.count().over().label("n"),
    ).subquery()
    # rn in ((n+1)//2, (n+2)//2): the middle row for odd n, the two middle rows for even n.
    return select(func.avg(ranked.c.v)).where(
        or_(ranked.c.rn == (ranked.c.n + 1) // 2, ranked.c.rn == (ranked.c.n + 2) // 2)
    )


def median(conn: Connection, values: Select[Any]) -> float | None:
    """The median of a one-column numeric SELECT, computed by the database."""
    result = conn.execute(median_statement(values)).scalar()
    return None if result is None else float(result)
