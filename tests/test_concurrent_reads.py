"""Independent reads of one page run side by side and come back by name."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Connection, Engine, text

from kutorejo_data.core.concurrent_reads import read_concurrently


def test_each_read_gets_its_own_connection_and_its_result_comes_back_by_name(fresh_db: Engine) -> None:
    both_running = threading.Barrier(2, timeout=10)

    def read(value: int):  # type: ignore[no-untyped-def]
        def run(conn: Connection) -> tuple[int, int]:
            both_running.wait()  # only passes when the two reads really run at the same time
            return conn.execute(text("SELECT :v"), {"v": value}).scalar_one(), id(conn)

        return run

    found = read_concurrently(fresh_db, {"one": read(1), "two": read(2)})
    assert found["one"][0] == 1 and found["two"][0] == 2
    assert found["one"][1] != found["two"][1]


def test_an_error_in_one_read_reaches_the_caller(fresh_db: Engine) -> None:
    with pytest.raises(Exception, match="no such table"):
        read_concurrently(
            fresh_db,
            {
                "fine": lambda conn: conn.execute(text("SELECT 1")).scalar_one(),
                "broken": lambda conn: conn.execute(text("SELECT * FROM tidak_ada")).all(),
            },
        )
