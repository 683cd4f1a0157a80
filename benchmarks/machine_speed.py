"""A fixed pure-Python workload timed on the benchmark's machine, so runs on different machines can be compared.

Machines of the same kind differ: the same code has measured twice as slow on one as on another. Every run records
how long this loop takes (best of five); two runs' page figures are comparable only when these are close.
"""

from __future__ import annotations

import time

LOOP_STEPS = 2_000_000


def python_check_ms(rounds: int = 5) -> float:
    """Best of `rounds` timings of a loop of integer arithmetic, dict writes and string formatting, in ms."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        seen: dict[int, str] = {}
        total = 0
        for i in range(LOOP_STEPS):
            total += i * 3 % 7
            if i % 16 == 0:
                seen[i % 4096] = f"{i:,}"
        best = min(best, (time.perf_counter() - started) * 1000)
    return round(best, 1)
