"""Portable SQL expressions the two backends spell differently (month keys, day differences, medians)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Float,
    FromClause,
    Row,
    Select,
    SQLColumnExpression,
    String,
    Subquery,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class month_key(FunctionElement[str]):  # noqa: N801 - reads like the SQL function it stands for
    """`YYYY-MM` of a timestamp or date column."""

    type = String()
    inherit_cache = True
    name = "month_key"


@compiles(month_key, "sqlite")
def _month_key_sqlite(element: month_key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(month_key, "postgresql")
def _month_key_postgresql(element: month_key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


class days_between(FunctionElement[float]):  # noqa: N801
    """Fractional days from the first timestamp to the second."""

    type = Float()
    inherit_cache = True
    name = "days_between"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"(julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)}))"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    # EXTRACT yields numeric, which sorts and compares far slower than double precision (percentiles rank these).
    seconds = f"EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - {compiler.process(start, **kw)}))"
    return f"(CAST({seconds} AS DOUBLE PRECISION) / 86400.0)"


Fraction = tuple[int, int]


def not_index_ordered(column: SQLColumnExpression[int]) -> ColumnElement[int]:
    """An integer column's value as an expression (`column + 0`), which no index of the column serves: for grouping
    or filtering by it where another index reads fewer rows. Grouped by the bare column, SQLite prefers an index led
    by that column for the order, even when it must skip-scan it and read every row (Wilayah's open reports per RT at
    1M reports: 360 ms that way, 55 ms from the open-status index)."""
    return column + 0


class not_index_served(FunctionElement[Any]):  # noqa: N801
    """A column whose condition SQLite must not read an index range by (`+column`, SQLite's own way to say so): for a
    condition that holds for nearly every row, so that the planner reads the range of a narrower condition instead.
    Other databases see the bare column."""

    inherit_cache = True
    name = "not_index_served"

    def __init__(self, column: SQLColumnExpression[Any]) -> None:
        super().__init__(column)
        self.type = next(iter(self.clauses)).type  # the column's, so bound values compare as with the bare column


@compiles(not_index_served)
def _not_index_served(element: not_index_served, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(not_index_served, "sqlite")
def _not_index_served_sqlite(element: not_index_served, compiler: SQLCompiler, **kw: Any) -> str:
    return f"(+{compiler.process(element.clauses, **kw)})"


def _ranked(values: FromClause, groups: Sequence[ColumnElement[Any]], value: ColumnElement[Any]) -> Subquery:
    return (
        select(
            *groups,
            value.label("v"),
            func.row_number().over(partition_by=groups or None, order_by=value).label("rn"),
            func.count().over(partition_by=groups or None).label("n"),
        )
        .select_from(values)
        .subquery()
    )


def _lower_rank(ranked: Subquery, fraction: Fraction) -> ColumnElement[Any]:
    """The rank of the order statistic at or just below the percentile: ⌊p·(n−1)⌋ + 1."""
    num, den = fraction
    return ((ranked.c.n - 1) * num) // den + 1


def _order_statistics(ranked: Subquery, fractions: Sequence[Fraction]) -> list[ColumnElement[Any]]:
    """n, then lower_i, upper_i, weight_i per fraction, as aggregates over one ranked group."""
    columns: list[ColumnElement[Any]] = [func.max(ranked.c.n).label("n")]
    for i, (num, den) in enumerate(fractions):
        lower_rank = _lower_rank(ranked, (num, den))
        columns += [
            func.max(case((ranked.c.rn == lower_rank, ranked.c.v))).label(f"lower_{i}"),
            func.max(case((ranked.c.rn == lower_rank + 1, ranked.c.v))).label(f"upper_{i}"),
            func.max((((ranked.c.n - 1) * num) % den) * 1.0 / den).label(f"weight_{i}"),
        ]
    return columns


def _around_percentiles(ranked: Subquery, fractions: Sequence[Fraction]) -> ColumnElement[bool]:
    """Only the rows the order statistics need (a few per group), so the aggregates do not visit every value."""
    ranks = [_lower_rank(ranked, fraction) for fraction in fractions]
    return or_(*(ranked.c.rn == rank for rank in ranks), *(ranked.c.rn == rank + 1 for rank in ranks))


def percentile_rows(values: Select[Any], fractions: Sequence[Fraction], group_columns: int = 0) -> Select[Any]:
    """SELECT, per group, the two order statistics around each percentile and the weight between them.

    `values` yields the group columns (if any) and then the numeric value. Each fraction is a percentile as
    numerator/denominator (1/2 for the median, 9/10 for P90), so the position p·(n−1) is computed with exact
    integer arithmetic on both backends. Rows: *groups, n, then lower_i, upper_i, weight_i for each fraction i;
    the percentile is lower + weight·(upper − lower), as PostgreSQL's percentile_cont defines it. The values are
    ranked once however many percentiles are asked for.
    """
    inner = values.subquery()
    ranked = _ranked(inner, list(inner.c)[:group_columns], list(inner.c)[group_columns])
    group_cols = list(ranked.c)[:group_columns]
    return (
        select(*group_cols, *_order_statistics(ranked, fractions))
        .where(_around_percentiles(ranked, fractions))
        .group_by(*group_cols)
    )


def percentile_table(
    values: Select[Any], groupings: Sequence[int | None], fractions: Sequence[Fraction]
) -> CompoundSelect:
    """percentile_rows for several groupings of the same values, which the database evaluates only once.

    `values` yields group columns and then the value; each grouping names one group column by position (None: all
    values together). Rows: grouping (its index in `groupings`), grp (the group key as text, NULL for None), n,
    lower_i, upper_i, weight_i. The values are a common table expression used by every grouping, which both
    backends materialise once: the expensive part (finding the reports and their durations) is not repeated.
    """
    shared = values.cte("percentile_values")
    columns = list(shared.c)
    value = columns[-1]
    parts = []
    for index, position in enumerate(groupings):
        groups = [] if position is None else [columns[position]]
        ranked = _ranked(shared, groups, value)
        key = cast(list(ranked.c)[0], String) if groups else null()
        parts.append(
            select(literal(index).label("grouping"), key.label("grp"), *_order_statistics(ranked, fractions))
            .where(_around_percentiles(ranked, fractions))
            .group_by(*list(ranked.c)[: len(groups)])
        )
    return union_all(*parts)


def interpolate(lower: float | None, upper: float | None, weight: float | None) -> float | None:
    """The percentile from the two order statistics around it (see percentile_rows)."""
    if lower is None:
        return None
    if upper is None or not weight:
        return float(lower)
    return float(lower) + float(weight) * (float(upper) - float(lower))


def row_percentile(row: Row[Any], i: int) -> float | None:
    """The i-th percentile of a percentile_rows row."""
    mapping = row._mapping
    return interpolate(mapping[f"lower_{i}"], mapping[f"upper_{i}"], mapping[f"weight_{i}"])


def percentiles(conn: Connection, values: Select[Any], fractions: Sequence[Fraction]) -> list[float | None]:
    """Several percentiles of a one-column numeric SELECT from one ranking by the database (None when empty)."""
    row = conn.execute(percentile_rows(values, fractions)).first()
    return [None if row is None else row_percentile(row, i) for i in range(len(fractions))]


def percentile(conn: Connection, values: Select[Any], fraction: Fraction) -> float | None:
    """One percentile of a one-column numeric SELECT, computed by the database (None when empty)."""
    return percentiles(conn, values, (fraction,))[0]


MEDIAN = (1, 2)
P90 = (9, 10)


def median(conn: Connection, values: Select[Any]) -> float | None:
    """The median of a one-column numeric SELECT, computed by the database."""
    return percentile(conn, values, MEDIAN)
