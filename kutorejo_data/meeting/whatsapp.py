"""The meeting as a short WhatsApp message: the key numbers and the worst overdue reports, in plain text.

WhatsApp formatting only (`*bold*`, `_italic_`, line breaks). The message never exceeds WHATSAPP_LIMIT characters
(it should fit one phone screen without "Read more"): the overdue lines are added worst first while they fit.
"""

from __future__ import annotations

from kutorejo_data.analytics import metrics
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import t

from .deck import MeetingReport
from .words import (
    SATISFACTION_SHOWN,
    as_of_line,
    compared_with,
    decision_owner,
    decision_status,
    headline,
    holder_text,
    kpi_rows,
    month_title,
    next_steps,
    one_line,
    overdue_late,
    slide_title,
)

LANG = "id"
WHATSAPP_LIMIT = 1000
OVERDUE_LINES = 3
DECISION_LINES = 3
DECISION_WIDTH = 38
TITLE_WIDTH = 45
# WhatsApp has no escape character: user text loses its formatting marks so `*x*` in a title cannot turn bold.
NEUTRAL = str.maketrans({"*": "∗", "_": " ", "~": "-", "`": "'"})


def plain(text: str, width: int | None = None) -> str:
    """User text on one line without WhatsApp's formatting marks, shortened to `width`."""
    return one_line(text, width).translate(NEUTRAL)


def _decision_lines(report: MeetingReport) -> list[str]:
    """The last meeting's decisions, at most DECISION_LINES of them, each with its status now."""
    today = report.decisions_day
    return [
        f"• {plain(d.apa, DECISION_WIDTH)} ({plain(decision_owner(d), 24)}): *{decision_status(d, LANG, today)}*"
        for d in report.previous_decisions[:DECISION_LINES]
    ]


def _satisfaction_line(report: MeetingReport) -> list[str]:
    if not report.satisfaction.current.get("penyelesaian"):
        return []
    confirmed, reopened, index = (row.value for row in kpi_rows(report.satisfaction, SATISFACTION_SHOWN, LANG))
    return [t("rapat.wa.kepuasan", LANG, ya=confirmed, belum=reopened, ikm=index)]


def whatsapp_text(report: MeetingReport) -> str:
    """The summary, at most WHATSAPP_LIMIT characters."""
    heading = [
        f"*{slide_title('sampul', LANG)} — {plain(report.area_label)}*",
        f"*{month_title(report, LANG)}*",
    ]
    decided = ["", f"*{slide_title('keputusan_lalu', LANG)}*: {headline(report, 'keputusan_lalu', LANG)}"]
    decisions = _decision_lines(report)
    lines = [
        "",
        f"*{t('rapat.slide.angka', LANG)}* _({compared_with(report, LANG)})_",
    ]
    for row in kpi_rows(report.kpis, metrics.KPI_METRICS, LANG):
        counted = f" _({row.counts})_" if row.counts else ""
        lines.append(f"• {row.label}: *{row.value}*{counted}" + (f" ({row.delta})" if row.delta else ""))
    participation = kpi_rows(report.participation, (metrics.TINGKAT_PARTISIPASI,), LANG)[0]
    lines.append(
        f"• {participation.label}: *{participation.value}*"
        + (f" ({participation.delta})" if participation.delta else "")
    )
    satisfaction = _satisfaction_line(report)
    closing = [
        "",
        f"*{t('rapat.next_steps', LANG)}*",
        *(f"• {plain(step)}" for step in next_steps(report, LANG)),
        "",
        f"_{as_of_line(report, LANG)}_",
    ]
    overdue = []
    if report.overdue:
        overdue = ["", f"*{t('rapat.wa.overdue', LANG, n=fmt_int(report.overdue_total, LANG))}*"]
        for item in report.overdue[:OVERDUE_LINES]:
            overdue.append(
                f"• #{item.nomor} {plain(item.judul, TITLE_WIDTH)} (RT {item.rt}/RW {item.rw}), "
                f"{overdue_late(item, LANG)}, {plain(holder_text(item.penanganan, None, LANG))}"
            )

    # Drop overdue lines (least bad first), then decision lines, until the whole message fits; the numbers stay.
    def whole() -> str:
        return "\n".join(heading + decided + decisions + lines + satisfaction + overdue + closing)

    # Dropped in this order until it fits: overdue lines but the worst, the decisions' lines, the satisfaction line,
    # "no decisions recorded", the worst overdue report, the decisions' count; the numbers always stay.
    while len(overdue) > 3 and len(whole()) > WHATSAPP_LIMIT:
        overdue = overdue[:-1]
    while decisions and len(whole()) > WHATSAPP_LIMIT:
        decisions = decisions[:-1]
    if len(whole()) > WHATSAPP_LIMIT:
        satisfaction = []
    if not report.previous_decisions and len(whole()) > WHATSAPP_LIMIT:
        decided = []  # nothing was decided: saying so matters less than the worst overdue report
    while overdue and len(whole()) > WHATSAPP_LIMIT:
        overdue = overdue[:-1] if len(overdue) > 2 else []
    if len(whole()) > WHATSAPP_LIMIT:
        decided = []
    text = whole()
    return text if len(text) <= WHATSAPP_LIMIT else text[: WHATSAPP_LIMIT - 1] + "…"
