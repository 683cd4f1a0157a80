"""The area and period filter bar, mirrored in the URL (`kel`, `rw`, `rt`, `dari`, `sampai`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from ..filters import ReportFilters
from ..formatting import fmt_period
from ..i18n import t
from ..periods import PRESETS, preset_period
from ..urlstate import DEFAULT_PRESET, AreaPeriod, Notice, parse_area_period
from . import data
from .context import AppContext

URL_KEYS = ("kel", "rw", "rt", "dari", "sampai")
ALL = ""  # the "all RWs/RTs" choice (None would show as an empty placeholder)


@dataclass(frozen=True)
class Selection:
    """What the reader chose: the filter for the query layer, and words for the page header."""

    filters: ReportFilters
    area_label: str
    period_label: str


def _current_url() -> dict[str, str]:
    return {key: st.query_params[key] for key in URL_KEYS if key in st.query_params}


def _load_from_url(prefix: str, ctx: AppContext, kelurahan_codes: list[str]) -> None:
    """Put the link's values into the widgets' state; what is invalid becomes a notice."""
    params = _current_url()
    notices: list[Notice] = []
    kel = params.get("kel")
    if kel not in kelurahan_codes:
        if kel:
            notices.append(Notice("notice.unknown_kelurahan", kel))
        kel = kelurahan_codes[0]
    rw_numbers = [o.kode for o in data.rw_options(ctx.db_url, kel, ctx.scope)]
    parsed: AreaPeriod = parse_area_period(
        params,
        ctx.today,
        rw_numbers,
        lambda rw: [o.kode for o in data.rt_options(ctx.db_url, kel, rw, ctx.scope)],
    )
    state = st.session_state
    state[f"{prefix}_kel"] = kel
    state[f"{prefix}_rw"] = parsed.rw or ALL
    state[f"{prefix}_rt"] = parsed.rt or ALL
    state[f"{prefix}_preset"] = parsed.preset
    state[f"{prefix}_range"] = (parsed.dari, parsed.sampai)
    state[f"{prefix}_notices"] = [*notices, *parsed.notices]


def _write_to_url(prefix: str, desired: dict[str, str]) -> None:
    for key in URL_KEYS:
        if key in desired and st.query_params.get(key) != desired[key]:
            st.query_params[key] = desired[key]
        elif key not in desired and key in st.query_params:
            del st.query_params[key]
    st.session_state[f"{prefix}_written"] = desired


def _period(prefix: str, ctx: AppContext) -> tuple[date, date]:
    preset = st.session_state[f"{prefix}_preset"]
    if preset != "kustom":
        return preset_period(preset, ctx.today)
    chosen = st.session_state.get(f"{prefix}_range") or ()
    if len(chosen) == 2:  # while picking, the range widget briefly holds only a start date
        return chosen[0], chosen[1]
    return preset_period(DEFAULT_PRESET, ctx.today)


def area_period_bar(prefix: str, ctx: AppContext) -> Selection:
    """Render the filter bar (keys prefixed by the page) and return the reader's selection."""
    lang = ctx.lang
    kelurahan = data.kelurahan_options(ctx.db_url, ctx.scope)
    codes = [k.kode for k in kelurahan]
    if st.session_state.get(f"{prefix}_written") != _current_url() or f"{prefix}_preset" not in st.session_state:
        _load_from_url(prefix, ctx, codes)  # first visit, or the link changed under us

    def clear_notices() -> None:
        st.session_state[f"{prefix}_notices"] = []

    def rw_changed() -> None:
        st.session_state[f"{prefix}_rt"] = ALL
        clear_notices()

    def preset_changed() -> None:
        preset = st.session_state[f"{prefix}_preset"]
        if preset != "kustom":
            st.session_state[f"{prefix}_range"] = preset_period(preset, ctx.today)
        clear_notices()

    columns = st.columns([1, 1, 1.2, 1.6] if len(codes) == 1 else [1.2, 1, 1, 1.2, 1.6])
    if len(codes) > 1:
        names = {k.kode: k.label for k in kelurahan}
        columns[0].selectbox(t("filter.kelurahan", lang), codes, key=f"{prefix}_kel", format_func=names.get,
                             on_change=rw_changed)  # fmt: skip
        columns = columns[1:]
    kel = st.session_state[f"{prefix}_kel"]
    rw_numbers = [o.kode for o in data.rw_options(ctx.db_url, kel, ctx.scope)]
    columns[0].selectbox(
        t("filter.rw", lang), [ALL, *rw_numbers], key=f"{prefix}_rw", on_change=rw_changed,
        format_func=lambda v: f"RW {v}" if v else t("filter.all_rw", lang),
    )  # fmt: skip
    rw = st.session_state[f"{prefix}_rw"] or None
    rt_numbers = [o.kode for o in data.rt_options(ctx.db_url, kel, rw, ctx.scope)] if rw else []
    columns[1].selectbox(
        t("filter.rt", lang), [ALL, *rt_numbers], key=f"{prefix}_rt", on_change=clear_notices, disabled=not rw,
        format_func=lambda v: f"RT {v}" if v else t("filter.all_rt", lang),
    )  # fmt: skip
    columns[2].selectbox(
        t("filter.period", lang), list(PRESETS), key=f"{prefix}_preset", on_change=preset_changed,
        format_func=lambda p: t(f"preset.{p}", lang),
    )  # fmt: skip
    if st.session_state[f"{prefix}_preset"] == "kustom":
        columns[3].date_input(
            t("filter.custom_range", lang), key=f"{prefix}_range", max_value=ctx.today, format="DD/MM/YYYY",
            on_change=clear_notices,
        )  # fmt: skip
    dari, sampai = _period(prefix, ctx)
    rt = st.session_state[f"{prefix}_rt"] or None

    for notice in st.session_state.get(f"{prefix}_notices", []):
        st.warning(t(notice.key, lang, value=notice.value), icon=":material/warning:")

    desired = {key: value for key, value in (("rw", rw), ("rt", rt)) if value}
    if len(codes) > 1:
        desired["kel"] = kel
    if st.session_state[f"{prefix}_preset"] != DEFAULT_PRESET:
        desired.update(dari=dari.isoformat(), sampai=sampai.isoformat())
    _write_to_url(prefix, desired)

    names = {k.kode: k.label for k in kelurahan}
    parts = [t("area.kelurahan", lang, nama=names.get(kel, kel)), f"RW {rw}" if rw else "", f"RT {rt}" if rt else ""]
    area_label = " · ".join(part for part in parts if part)
    return Selection(
        filters=ReportFilters(kelurahan_kode=kel, rw=rw, rt=rt, dari=dari, sampai=sampai),
        area_label=area_label,
        period_label=fmt_period(dari, sampai, lang),
    )
