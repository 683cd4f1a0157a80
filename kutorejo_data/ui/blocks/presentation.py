"""Around the meeting slides: month and area pickers mirrored in the URL, previous/next, and the downloads.

URL keys: `bulan` (YYYY-MM, default last month) and `rw` (default the whole kelurahan). A reader scoped to one RW
only ever gets their RW.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from kutorejo_data.core.formatting import fmt_int, fmt_month_long
from kutorejo_data.core.i18n import t
from kutorejo_data.core.periods import month_of_key, preset_period
from kutorejo_data.meeting.deck import PARTS, SLIDES, MeetingArea, MeetingHeader, MeetingReport, selectable_months
from kutorejo_data.meeting.exports import MEDIA_TYPES, ReportFormat, render_report, report_filename
from kutorejo_data.meeting.whatsapp import WHATSAPP_LIMIT, whatsapp_text
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext
from kutorejo_data.ui.frame.link_notices import render_notices
from kutorejo_data.ui.frame.url_params import Notice, notice, pad_number, parse_month_param

PREFIX = "presentasi"
WHOLE_KELURAHAN = ""  # the area choice meaning "all RWs"
EXIT_PAGE = "pages/ringkasan.py"


@dataclass(frozen=True)
class MeetingChoice:
    """What to present: the month (its first day), the area, and which slide."""

    month: date
    area: MeetingArea
    index: int


def _key(name: str) -> str:
    return f"{PREFIX}_{name}"


def _url() -> dict[str, str]:
    return {key: st.query_params[key] for key in ("bulan", "rw") if key in st.query_params}


def _load_from_url(today: date, areas: list[str], default_month: str) -> None:
    """Put the link's month and RW into the widgets; what is not valid becomes a notice and the default."""
    params = _url()
    first_day, month_notices = parse_month_param(params, today)  # up to the running month
    notices: list[Notice] = list(month_notices)
    month = first_day.strftime("%Y-%m") if first_day else default_month
    rw = params.get("rw", WHOLE_KELURAHAN)
    if rw:
        padded = pad_number(rw, 2)
        if padded not in areas:
            notices.append(notice("notice.unknown_rw", "rw", rw))
        rw = padded if padded in areas else WHOLE_KELURAHAN
    if rw not in areas:
        rw = areas[0]  # a reader scoped to one RW gets that RW
    state = st.session_state
    state[_key("bulan")], state[_key("rw")], state[_key("nomor")] = month, rw, 0
    state[_key("notices")] = notices


def _write_to_url(month: str, default_month: str, rw: str) -> None:
    desired = {key: value for key, value in (("bulan", month if month != default_month else ""), ("rw", rw)) if value}
    for key in ("bulan", "rw"):
        if key in desired and st.query_params.get(key) != desired[key]:
            st.query_params[key] = desired[key]
        elif key not in desired and key in st.query_params:
            del st.query_params[key]
    st.session_state[_key("written")] = desired


def _step(change: int) -> None:
    state = st.session_state
    state[_key("nomor")] = min(max(state[_key("nomor")] + change, 0), len(SLIDES) - 1)


def _restart() -> None:
    """A new month or area starts at the cover again."""
    st.session_state[_key("nomor")] = 0
    st.session_state[_key("notices")] = []


def meeting_controls(ctx: AppContext) -> MeetingChoice:
    """One compact row: month, area, previous, slide indicator, next, exit. Returns the reader's choice."""
    lang = ctx.lang
    kelurahan = data.kelurahan_options(ctx.db_url, ctx.scope)[0]
    months = selectable_months(ctx.today)
    default_month = preset_period("bulan_lalu", ctx.today)[0].strftime("%Y-%m")
    rws = [o.kode for o in data.rw_options(ctx.db_url, kelurahan.kode, ctx.scope)]
    areas = rws if ctx.scope.rw else [WHOLE_KELURAHAN, *rws]
    state = st.session_state
    # Streamlit drops a page's widget values while another page runs: coming back, they are read from the link again.
    if state.get(_key("written")) != _url() or any(_key(name) not in state for name in ("nomor", "bulan", "rw")):
        _load_from_url(ctx.today, areas, default_month)
    if state[_key("bulan")] not in months:
        months.append(state[_key("bulan")])  # a link to an older meeting still opens it

    render_notices(state.get(_key("notices"), []), lang)  # above the controls, which a phone stacks
    month_col, area_col, _, prev_col, count_col, next_col, exit_col = st.columns(
        [1.6, 1.6, 2.4, 1, 0.6, 1, 0.8], vertical_alignment="center"
    )
    month_col.selectbox(
        t("presentasi.month", lang),
        months,
        key=_key("bulan"),
        on_change=_restart,
        format_func=lambda m: fmt_month_long(m, lang),
        label_visibility="collapsed",
    )
    area_col.selectbox(
        t("presentasi.area", lang),
        areas,
        key=_key("rw"),
        on_change=_restart,
        label_visibility="collapsed",
        format_func=lambda rw: (
            (f"RW {rw} · RT {ctx.scope.rt}" if ctx.scope.rt else f"RW {rw}")  # an RT head's meeting is their RT's
            if rw
            else t("area.kelurahan", lang, nama=kelurahan.label)
        ),
    )
    index = state[_key("nomor")]
    prev_col.button(
        t("presentasi.prev", lang),
        key=_key("prev"),
        on_click=_step,
        args=(-1,),
        disabled=index == 0,
        icon=":material/arrow_back:",
        width="stretch",
    )
    count_col.markdown(f"**{t('presentasi.indicator', lang, n=index + 1, total=len(SLIDES))}**")
    next_col.button(
        t("presentasi.next", lang),
        key=_key("next"),
        on_click=_step,
        args=(1,),
        type="primary",
        disabled=index == len(SLIDES) - 1,
        icon=":material/arrow_forward:",
        width="stretch",
    )
    exit_col.page_link(EXIT_PAGE, label=t("presentasi.exit", lang), icon=":material/close:")

    month, rw = state[_key("bulan")], state[_key("rw")]
    _write_to_url(month, default_month, rw)
    return MeetingChoice(month=month_of_key(month), area=MeetingArea(kelurahan.kode, rw or None), index=index)


def chosen_meeting(ctx: AppContext, choice: MeetingChoice) -> MeetingHeader:
    """Which meeting the choice makes: all the cover needs, read without the month's figures."""
    return data.meeting_header(ctx.db_url, choice.month, choice.area, ctx.scope, ctx.now.replace(second=0))


class _PartsOnDemand(Mapping[str, Any]):
    """A meeting's PARTS, each read (through the cache) when first asked for: a slide reads only what it shows."""

    def __init__(self, read: Callable[[str], Any]) -> None:
        self._read = read

    def __getitem__(self, name: str) -> Any:
        if name not in PARTS:
            raise KeyError(name)
        return self._read(name)

    def __iter__(self) -> Iterator[str]:
        return iter(PARTS)

    def __len__(self) -> int:
        return len(PARTS)


def chosen_report(ctx: AppContext, choice: MeetingChoice) -> MeetingReport:
    """The chosen meeting, whose parts are read as its slides ask for them (and kept in the cache for the others)."""
    now = ctx.now.replace(second=0)  # one cache entry per minute, as on every page
    header = chosen_meeting(ctx, choice)
    parts = _PartsOnDemand(
        lambda name: data.meeting_part(ctx.db_url, choice.month, choice.area, ctx.scope, now, ctx.may_see_reports, name)
    )
    return MeetingReport(**vars(header), parts=parts)


def render_exports(ctx: AppContext, choice: MeetingChoice) -> None:
    """PPTX and PDF downloads (built only when clicked) and the WhatsApp text with its copy button, in an expander
    that reads the whole meeting only once it is opened."""
    lang = ctx.lang
    icon = ":material/download:"
    exports = st.expander(t("presentasi.exports", lang), icon=icon, key=_key("unduhan"), on_change="rerun")
    if not exports.open:
        return
    lazy = chosen_report(ctx, choice)
    report = replace(lazy, parts=dict(lazy.parts))  # every part read now: the downloads are built in a later request

    def build(fmt: ReportFormat) -> Callable[[], bytes]:
        return lambda: render_report(report, fmt)

    with exports:
        left, right, _ = st.columns([1, 1, 2])
        downloads: tuple[tuple[DeltaGenerator, ReportFormat], ...] = ((left, "pptx"), (right, "pdf"))
        for column, fmt in downloads:
            column.download_button(
                t(f"presentasi.download_{fmt}", lang),
                data=build(fmt),
                file_name=report_filename(report, fmt),
                mime=MEDIA_TYPES[fmt],
                key=_key(f"unduh_{fmt}"),
                help=t("presentasi.download_help", lang),
                on_click="ignore",
                icon=icon,
            )
        st.caption(t("presentasi.whatsapp", lang, limit=fmt_int(WHATSAPP_LIMIT, lang)))
        st.code(whatsapp_text(report), language=None, wrap_lines=True)
