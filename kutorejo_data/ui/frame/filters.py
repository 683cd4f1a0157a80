"""The shared filter bar, mirrored in the URL so a filtered view can be bookmarked and shared.

URL keys: `kel` (only when several kelurahan exist), `rw`, `rt`, `kategori`, `status`, `prioritas`, `periode` (a
preset other than the page's default), `dari` and `sampai` (a custom period), `q`. Widget keys are prefixed by the
page (`masalah_rw`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import streamlit as st

from kutorejo_data.core.domain import PRIORITIES
from kutorejo_data.core.filters import ReportFilters
from kutorejo_data.core.formatting import fmt_period
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.core.periods import PRESETS, preset_period

from . import data
from .context import AppContext
from .link_notices import render_notices
from .url_params import (
    DEFAULT_PRESET,
    STATUS_CHOICES,
    LinkFilters,
    Notice,
    expand_statuses,
    notice,
    pad_number,
    parse_link_filters,
)

URL_KEYS = ("kel", "rw", "rt", "kategori", "status", "prioritas", "periode", "dari", "sampai", "q")
ALL = ""  # the "all RWs/RTs" choice (None would show as an empty placeholder)
AREA_PERIOD = ("area", "period")
EVERY_FILTER = ("area", "period", "kategori", "status", "prioritas", "q")


@dataclass(frozen=True)
class Selection:
    """What the reader chose: the filter for the query layer, and words for the page header."""

    filters: ReportFilters
    area_label: str
    period_label: str


def _current_url() -> dict[str, str]:
    return {key: st.query_params[key] for key in URL_KEYS if key in st.query_params}


def _key(prefix: str, name: str) -> str:
    return f"{prefix}_{name}"


_SCOPE_NOTICES = (
    ("kel", "notice.out_of_scope_kelurahan"),
    ("rw", "notice.out_of_scope_rw"),
    ("rt", "notice.out_of_scope_rt"),
)


def _within_scope(params: dict[str, str], ctx: AppContext) -> tuple[dict[str, str], list[Notice]]:
    """The link's area narrowed to the user's own: an area outside it is replaced by theirs, with a notice."""
    scope = ctx.scope
    allowed = {"kel": scope.kelurahan_kode, "rw": scope.rw, "rt": scope.rt}
    width = {"kel": 0, "rw": 2, "rt": 3}
    narrowed, notices = dict(params), []
    for param, notice_key in _SCOPE_NOTICES:
        own = allowed[param]
        if own is None:
            continue
        asked = params.get(param, "")
        if asked and (pad_number(asked, width[param]) if width[param] else asked) != own:
            notices.append(notice(notice_key, param, asked))
        narrowed[param] = own
    return narrowed, notices


def _load_from_url(prefix: str, ctx: AppContext, kelurahan_codes: list[str], default_preset: str) -> None:
    """Put the link's values into the widgets' state; what is invalid or outside the user's area becomes a notice."""
    params, notices = _within_scope(_current_url(), ctx)
    kel = params.get("kel")
    if kel not in kelurahan_codes:
        if kel:
            notices.append(notice("notice.unknown_kelurahan", "kel", kel))
        kel = kelurahan_codes[0]
    parsed: LinkFilters = parse_link_filters(
        params,
        ctx.today,
        [o.kode for o in data.rw_options(ctx.db_url, kel, ctx.scope)],
        lambda rw: [o.kode for o in data.rt_options(ctx.db_url, kel, rw, ctx.scope)],
        list(data.category_names(ctx.db_url)),
        default_preset,
    )
    state = st.session_state
    state[_key(prefix, "kel")] = kel
    state[_key(prefix, "rw")] = parsed.rw or ALL
    state[_key(prefix, "rt")] = parsed.rt or ALL
    state[_key(prefix, "preset")] = parsed.preset
    state[_key(prefix, "range")] = (parsed.dari, parsed.sampai)
    state[_key(prefix, "kategori")] = list(parsed.kategori)
    state[_key(prefix, "status")] = list(parsed.status)
    state[_key(prefix, "prioritas")] = list(parsed.prioritas)
    state[_key(prefix, "q")] = parsed.q
    state[_key(prefix, "notices")] = [*notices, *parsed.notices]


def _write_to_url(prefix: str, desired: dict[str, str]) -> None:
    for key in URL_KEYS:
        if key in desired and st.query_params.get(key) != desired[key]:
            st.query_params[key] = desired[key]
        elif key not in desired and key in st.query_params:
            del st.query_params[key]
    st.session_state[_key(prefix, "written")] = desired


def _period(prefix: str, ctx: AppContext, default_preset: str) -> tuple[date, date]:
    preset = st.session_state[_key(prefix, "preset")]
    if preset != "kustom":
        return preset_period(preset, ctx.today)
    chosen: tuple[date, ...] = st.session_state.get(_key(prefix, "range")) or ()
    if len(chosen) == 2:  # while picking, the range widget briefly holds only a start date
        return chosen[0], chosen[1]
    return preset_period(default_preset, ctx.today)


def _joined(values: Iterable[str]) -> str:
    return ",".join(values)


def filter_bar(
    prefix: str,
    ctx: AppContext,
    fields: tuple[str, ...] = AREA_PERIOD,
    default_preset: str = DEFAULT_PRESET,
    link_notices: Sequence[Notice] = (),
) -> Selection:
    """Render the filter bar with the given fields and return the reader's selection.

    `default_preset` is the period a link without dates means (scorecards need more than one month);
    `link_notices` are the page's own notices about its link (e.g. `laporan`), shown with the filters' own.
    """
    lang = ctx.lang
    state = st.session_state
    # Above the filters: a phone stacks them, and a notice below seven of them is a notice nobody reads.
    notice_area = st.container()
    kelurahan = data.kelurahan_options(ctx.db_url, ctx.scope)
    codes = [k.kode for k in kelurahan]
    if state.get(_key(prefix, "written")) != _current_url() or _key(prefix, "preset") not in state:
        _load_from_url(prefix, ctx, codes, default_preset)  # first visit, or the link changed under us

    def clear_notices() -> None:
        state[_key(prefix, "notices")] = []

    def area_changed() -> None:
        state[_key(prefix, "rt")] = ALL
        clear_notices()

    def preset_changed() -> None:
        preset = state[_key(prefix, "preset")]
        if preset != "kustom":
            state[_key(prefix, "range")] = preset_period(preset, ctx.today)
        clear_notices()

    row = st.columns([1.2, 1, 1, 1.2, 1.6] if len(codes) > 1 else [1, 1, 1.2, 1.6])
    if len(codes) > 1:
        names = {k.kode: k.label for k in kelurahan}
        row[0].selectbox(
            t("filter.kelurahan", lang),
            codes,
            key=_key(prefix, "kel"),
            format_func=lambda kode: names[kode],
            on_change=area_changed,
        )
        row = row[1:]
    kel = state[_key(prefix, "kel")]
    rw_numbers = [o.kode for o in data.rw_options(ctx.db_url, kel, ctx.scope)]
    # An RW or RT head's own area is fixed: no "all" choice, nothing else to pick.
    row[0].selectbox(
        t("filter.rw", lang),
        rw_numbers if ctx.scope.rw else [ALL, *rw_numbers],
        key=_key(prefix, "rw"),
        on_change=area_changed,
        format_func=lambda v: f"RW {v}" if v else t("filter.all_rw", lang),
    )
    rw = state[_key(prefix, "rw")] or None
    rt_numbers = [o.kode for o in data.rt_options(ctx.db_url, kel, rw, ctx.scope)] if rw else []
    row[1].selectbox(
        t("filter.rt", lang),
        rt_numbers if ctx.scope.rt else [ALL, *rt_numbers],
        key=_key(prefix, "rt"),
        on_change=clear_notices,
        format_func=lambda v: f"RT {v}" if v else t("filter.all_rt", lang),
    )
    row[2].selectbox(
        t("filter.period", lang),
        list(PRESETS),
        key=_key(prefix, "preset"),
        on_change=preset_changed,
        format_func=lambda p: t(f"preset.{p}", lang),
    )
    if state[_key(prefix, "preset")] == "kustom":
        row[3].date_input(
            t("filter.custom_range", lang),
            key=_key(prefix, "range"),
            max_value=ctx.today,
            format="DD/MM/YYYY",
            on_change=clear_notices,
        )
    dari, sampai = _period(prefix, ctx, default_preset)
    rt = state[_key(prefix, "rt")] or None

    extra = [f for f in ("kategori", "status", "prioritas", "q") if f in fields]
    if extra:
        _render_detail_filters(prefix, ctx, extra, clear_notices)
    kategori = tuple(state.get(_key(prefix, "kategori"), [])) if "kategori" in fields else ()
    status = tuple(state.get(_key(prefix, "status"), [])) if "status" in fields else ()
    prioritas = tuple(state.get(_key(prefix, "prioritas"), [])) if "prioritas" in fields else ()
    q = (state.get(_key(prefix, "q")) or "").strip() if "q" in fields else ""

    with notice_area:
        render_notices([*state.get(_key(prefix, "notices"), []), *link_notices], lang)

    desired = {
        key: value
        for key, value in (
            ("kel", kel if len(codes) > 1 else ""),
            ("rw", rw or ""),
            ("rt", rt or ""),
            ("kategori", _joined(kategori)),
            ("status", _joined(status)),
            ("prioritas", _joined(prioritas)),
            ("q", q),
        )
        if value
    }
    preset = state[_key(prefix, "preset")]
    if preset == "kustom":
        desired.update(dari=dari.isoformat(), sampai=sampai.isoformat())
    elif preset != default_preset:
        desired["periode"] = preset  # a preset rolls with the calendar: a bookmark of "bulan ini" stays this month
    _write_to_url(prefix, desired)

    names = {k.kode: k.label for k in kelurahan}
    parts = [t("area.kelurahan", lang, nama=names.get(kel, kel)), f"RW {rw}" if rw else "", f"RT {rt}" if rt else ""]
    return Selection(
        filters=ReportFilters(
            kelurahan_kode=kel,
            rw=rw,
            rt=rt,
            kategori=kategori,
            status=expand_statuses(status),
            prioritas=prioritas,
            dari=dari,
            sampai=sampai,
            q=q or None,
        ),
        area_label=" · ".join(part for part in parts if part),
        period_label=fmt_period(dari, sampai, lang),
    )


def _render_detail_filters(prefix: str, ctx: AppContext, fields: Sequence[str], on_change: Callable[[], None]) -> None:
    """Second row: category, status, priority and text search."""
    lang = ctx.lang
    columns = iter(st.columns(len(fields)))
    if "kategori" in fields:
        names = data.category_names(ctx.db_url)

        def category(slug: str) -> str:
            return category_label(slug, names.get(slug, slug), lang)

        next(columns).multiselect(
            t("filter.kategori", lang),
            list(names),
            key=_key(prefix, "kategori"),
            on_change=on_change,
            format_func=category,
            placeholder=t("filter.all_kategori", lang),
        )
    if "status" in fields:
        next(columns).multiselect(
            t("filter.status", lang),
            list(STATUS_CHOICES),
            key=_key(prefix, "status"),
            on_change=on_change,
            format_func=lambda s: t(f"status.{s}", lang),
            placeholder=t("filter.all_status", lang),
        )
    if "prioritas" in fields:
        next(columns).multiselect(
            t("filter.prioritas", lang),
            list(PRIORITIES),
            key=_key(prefix, "prioritas"),
            on_change=on_change,
            format_func=lambda p: t(f"prioritas.{p}", lang),
            placeholder=t("filter.all_prioritas", lang),
        )
    if "q" in fields:
        next(columns).text_input(
            t("filter.q", lang),
            key=_key(prefix, "q"),
            on_change=on_change,
            max_chars=100,
            placeholder=t("filter.q_placeholder", lang),
        )
