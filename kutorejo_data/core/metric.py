"""What a metric is: its key, unit, which direction is good news, and its words in each UI language.

The metrics themselves (one definition each, computed in SQL) are in kutorejo_data/analytics/metrics.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["count", "percent", "days", "score", "per_100_kk"]


@dataclass(frozen=True)
class Metric:
    """A metric's identity and its words: label and one-line definition in each UI language."""

    key: str
    unit: Unit
    higher_is_better: bool | None
    label_id: str
    label_en: str
    help_id: str
    help_en: str
    # Which reports a card counts, under its value, so two cards side by side cannot be misread.
    counts_id: str = ""
    counts_en: str = ""
    # For a share: the keys of its numerator and denominator among the computed values, spelled out with the words.
    counts_of: tuple[str, str] | None = None

    def label(self, lang: str) -> str:
        """The label in the UI language."""
        return self.label_en if lang == "en" else self.label_id

    def help(self, lang: str) -> str:
        """The one-line definition in the UI language (shown as help text)."""
        return self.help_en if lang == "en" else self.help_id

    def counts(self, lang: str) -> str:
        """Which reports the number counts, in the UI language ("" when the label says it)."""
        return self.counts_en if lang == "en" else self.counts_id
