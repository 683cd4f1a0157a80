"""Static tables show what was typed as text: st.table renders Markdown in every cell, so each cell is escaped."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from kutorejo_data.ui.kit.tables import text_cell

ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


@given(st.text())
def test_a_cell_is_one_line_with_every_markdown_character_escaped(text: str) -> None:
    cell = text_cell(text)
    if not text.split():
        assert cell == "—"
        return
    assert "\n" not in cell and "\r" not in cell
    assert ESCAPED.sub(r"\1", cell) == " ".join(text.split())
    assert not re.search(r"(?<!\\)[*_\[\]<>`$|]", ESCAPED.sub("", cell))


def test_a_table_escapes_its_cells_and_headers_but_keeps_the_apps_links() -> None:
    def page() -> None:
        from kutorejo_data.ui.kit.tables import markdown_link, render_text_table

        render_text_table(
            {"Buka": [markdown_link("#7", "masalah?laporan=7")], "Judul *baru*": ["**Darurat**\n[klik](x)"]},
            link_columns=("Buka",),
        )

    at = AppTest.from_function(page).run()
    shown = at.table[0].value
    assert list(shown.columns) == ["Buka", r"Judul \*baru\*"]
    assert shown.iloc[0].tolist() == [r"[\#7](masalah?laporan=7)", r"\*\*Darurat\*\* \[klik\]\(x\)"]


def test_a_decision_full_of_markdown_stays_text_on_the_meetings_slide() -> None:
    def slide() -> None:
        from datetime import date, datetime

        from kutorejo_data.meeting.deck import SLIDES, MeetingReport
        from kutorejo_data.records.decisions import Decision
        from kutorejo_data.ui.blocks.slides import render_slide

        decision = Decision(
            1, "2026-10", date(2026, 10, 5), "**Segera** [daftar](http://contoh.id)", "Pak *RW*", None,
            date(2026, 11, 20), "berjalan", "<b>separuh</b>", "03", None, datetime(2026, 11, 1), "uji",
        )  # fmt: skip
        report = MeetingReport(
            "Kutorejo", "3514100001", "03", None, "2026-11", date(2026, 11, 1), date(2026, 11, 30),
            datetime(2026, 12, 2), datetime(2026, 12, 1), parts={"previous_decisions": (decision,)},
        )  # fmt: skip
        render_slide(report, SLIDES.index("keputusan_lalu"), "id")

    at = AppTest.from_function(slide).run()
    assert not at.exception
    [what, owner, _, status] = at.table[0].value.iloc[0].tolist()
    assert what == r"\*\*Segera\*\* \[daftar\]\(http\:\/\/contoh\.id\)"
    assert owner == r"Pak \*RW\* \(RW 03\)" and status.endswith(r"\<b\>separuh\<\/b\>")
