"""A page's independent read queries run side by side, each on its own connection of the engine's pool."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import Connection, Engine

# The office machines and the benchmark's have two cores; more threads would only queue behind each other.
READ_WORKERS = 2


def read_concurrently(engine: Engine, reads: Mapping[str, Callable[[Connection], Any]]) -> dict[str, Any]:
    """Run each read on its own connection, READ_WORKERS at a time; their results by name (an error is re-raised).

    Both databases answer reads on separate connections in parallel (SQLite in WAL mode, and its driver releases
    the GIL while a query runs), so a page waits for its slowest queries, not for the sum of all of them.
    """

    def run(read: Callable[[Connection], Any]) -> Any:
        with engine.connect() as conn:
            return read(conn)

    with ThreadPoolExecutor(max_workers=READ_WORKERS, thread_name_prefix="baca") as pool:
        futures = {name: pool.submit(run, read) for name, read in reads.items()}
        return {name: future.result() for name, future in futures.items()}
