"""Which pages the benchmark measures, and which filter a reader changes on each for the warm rerun."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kutorejo_data.meeting.deck import SLIDES

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"

# Every RW of the demo kelurahan: each warm rerun picks one the cache has not seen yet.
_RWS = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10")

# page (file stem) → the query parameter a reader changes and the values tried in turn. Pages not listed change
# the RW, which every page with the shared filter bar understands (a form page simply reruns). Add a page here
# when its main filter is something else.
FILTER_CHANGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ringkasan": ("rw", _RWS),
    "masalah": ("rw", _RWS),
    "penyelesaian": ("rw", _RWS),
}
DEFAULT_CHANGE: tuple[str, tuple[str, ...]] = ("rw", _RWS)
# page → the button a reader presses after the filter change, and how many times; each press's rerun is measured
# too. Presentasi opens a new area at its cover, which reads none of the month's figures; each next slide reads the
# parts it shows.
NEXT_STEPS: dict[str, tuple[str, int]] = {"presentasi": ("presentasi_next", len(SLIDES) - 1)}


@dataclass(frozen=True)
class BenchPage:
    """One page of the app: its script (relative to the app, as AppTest.switch_page wants it) and its name."""

    name: str
    script: str
    public: bool = False  # opened without signing in (Cek laporan)

    @property
    def change(self) -> tuple[str, tuple[str, ...]]:
        """The filter a reader changes on this page, and the values to try."""
        return FILTER_CHANGES.get(self.name, DEFAULT_CHANGE)

    @property
    def next_steps(self) -> tuple[str, int] | None:
        """The key of the button pressed after each filter change and how many times, if this page has one."""
        return NEXT_STEPS.get(self.name)


def discover_pages(root: Path = ROOT) -> list[BenchPage]:
    """The pages of the app's registry (kutorejo_data.access.permissions), in menu order, whose file exists."""
    from kutorejo_data.access.permissions import PAGES

    return [BenchPage(spec.slug, spec.path, spec.public) for spec in PAGES if spec.exists(root)]
