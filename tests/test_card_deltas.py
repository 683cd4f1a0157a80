"""A KPI card's change since the previous period: signed only when the shown number is not zero."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kutorejo_data.analytics.metrics import LAPORAN_MASUK, MEDIAN_WAKTU_PENYELESAIAN, TINGKAT_PARTISIPASI
from kutorejo_data.core.formatting import delta_shown, format_delta

METRICS = (TINGKAT_PARTISIPASI, MEDIAN_WAKTU_PENYELESAIAN, LAPORAN_MASUK)
SHARES = st.floats(min_value=0, max_value=1, allow_nan=False)
AMOUNTS = st.floats(min_value=0, max_value=10_000, allow_nan=False)


def shown_size(delta: str) -> float:
    """The number a reader sees in a delta text (`-3 poin`, `+1,5 hari`, `1.234`), without its sign."""
    number = re.search(r"[\d.,]+", delta)
    assert number
    return float(number.group().replace(".", "").replace(",", "."))


@given(metric=st.sampled_from(METRICS), data=st.data())
def test_a_delta_has_a_sign_exactly_when_it_shows_a_change(metric, data) -> None:  # type: ignore[no-untyped-def]
    values = SHARES if metric is TINGKAT_PARTISIPASI else AMOUNTS
    current, previous = data.draw(values), data.draw(values)
    delta = format_delta(metric, current, previous, "id")
    assert delta is not None
    assert delta_shown(delta) == (shown_size(delta) != 0)
    if delta_shown(delta):
        assert delta.startswith("+") == (current > previous)


@pytest.mark.parametrize(
    ("metric", "current", "previous", "expected"),
    [
        (TINGKAT_PARTISIPASI, 0.611, 0.614, "0 poin"),  # was `-0 poin`, in red
        (TINGKAT_PARTISIPASI, 0.60, 0.59, "+1 poin"),
        (TINGKAT_PARTISIPASI, 0.58, 0.60, "-2 poin"),
        (LAPORAN_MASUK, 120, 120.4, "0"),
        (LAPORAN_MASUK, 1_334, 100, "+1.234"),
        (MEDIAN_WAKTU_PENYELESAIAN, 3.52, 3.5, "0,0 hari"),
        (MEDIAN_WAKTU_PENYELESAIAN, 2.0, 3.5, "-1,5 hari"),
    ],
)
def test_deltas_as_a_reader_sees_them(metric, current: float, previous: float, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert format_delta(metric, current, previous, "id") == expected


def test_no_delta_without_both_periods() -> None:
    assert format_delta(LAPORAN_MASUK, None, 3, "id") is None
    assert not delta_shown(None)
