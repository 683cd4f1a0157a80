"""The new-report form an RT head fills on a phone: area, category, what and where; the rest has defaults."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local
from kutorejo_data.core.coordinates import parse_coordinates
from kutorejo_data.core.domain import EARLIEST_REPORT
from kutorejo_data.core.errors import ValidationError
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.intake.duplicates import similar_open_reports
from kutorejo_data.records.notifications import public_link
from kutorejo_data.records.report_writes import NewReport, create_report, report_errors
from kutorejo_data.records.support import Support, add_support
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, errors_of, field_error, render_outcome, run_write
from kutorejo_data.ui.kit.links import render_report_link
from kutorejo_data.ui.kit.text import escape_markdown

from . import photo_input
from .area_picker import pick_kelurahan, pick_rw_rt
from .report_paste import render_paste

PREFIX = "lapor"
TEXT_FIELDS = ("judul", "deskripsi", "lokasi", "koordinat", "pelapor_nama", "pelapor_telepon")
DETAIL_FIELDS = ("sumber", "reported_at", "lat")
PERSONAL_FIELDS = ("pelapor_nama", "pelapor_telepon")


def _key(name: str) -> str:
    return f"{PREFIX}_{name}"


def _reset_fields(ctx: AppContext) -> None:
    """Empty the form for the next report; area, category, source and priority stay as they were."""
    state = st.session_state
    for name in TEXT_FIELDS:
        state[_key(name)] = ""
    state[_key("tanggal")] = ctx.now.date()
    state[_key("jam")] = ctx.now.time().replace(second=0)


def _report_from_state() -> tuple[NewReport, dict[str, str]]:
    """The report as typed, and the errors found before asking the database (the coordinates' format)."""
    state = st.session_state
    try:
        coordinates = parse_coordinates(state[_key("koordinat")])
        own_errors: dict[str, str] = {}
    except ValidationError as invalid:
        coordinates, own_errors = None, dict(invalid.fields)
    report = NewReport(
        kelurahan_kode=state[_key("kel")] or "",
        rw=state[_key("rw")] or "",
        rt=state[_key("rt")] or "",
        kategori=state[_key("kategori")] or "",
        judul=state[_key("judul")],
        deskripsi=state[_key("deskripsi")],
        lokasi=state[_key("lokasi")],
        lat=coordinates[0] if coordinates else None,
        lon=coordinates[1] if coordinates else None,
        sumber=state[_key("sumber")],
        prioritas=state[_key("prioritas")],
        pelapor_nama=state[_key("pelapor_nama")],
        pelapor_telepon=state[_key("pelapor_telepon")],
        reported_at=datetime.combine(state[_key("tanggal")], state[_key("jam")]),
    )
    return report, own_errors


def _fingerprint(report: NewReport) -> tuple[str, ...]:
    return (
        report.kelurahan_kode,
        report.rw,
        report.rt,
        report.kategori,
        report.judul.strip(),
        report.deskripsi.strip(),
    )


def _submit(ctx: AppContext) -> None:
    """Save the typed report; but when it may repeat an open report of the same RT, first offer that report."""
    engine = engine_for(ctx.db_url)
    state = st.session_state
    report, own_errors = _report_from_state()
    if not own_errors and state.get(_key("not_duplicate")) != _fingerprint(report):
        with engine.connect() as conn:
            similar = similar_open_reports(
                conn,
                ctx.scope,
                kelurahan_kode=report.kelurahan_kode,
                rw=report.rw,
                rt=report.rt,
                text=f"{report.judul} {report.deskripsi}",
                kategori=report.kategori or None,
                now=now_local(),
            )
        if similar:
            state[_key("similar")] = (similar, _fingerprint(report))
            return
    state.pop(_key("similar"), None)

    def write() -> Message:
        if own_errors:
            raise ValidationError({**report_errors(engine, report, scope=ctx.scope), **own_errors})
        prepared = photo_input.prepare(PREFIX)
        nomor = create_report(engine, replace(report, photos=prepared.photos), actor=ctx.actor, scope=ctx.scope)
        photo_input.saved(PREFIX, prepared, coordinates_typed=report.lat is not None)
        state[_key("created")] = nomor
        kode = data.tracking_code(ctx.db_url, nomor)
        return "lapor.created", {"nomor": nomor, "kode": kode, "link": public_link(kode)}

    if run_write(PREFIX, write):
        _reset_fields(ctx)


def _support(ctx: AppContext, nomor: int) -> None:
    """Add the typed complaint to an open report as another household's support, instead of a new report."""
    state = st.session_state
    report, _ = _report_from_state()

    def write() -> Message:
        support = Support(
            nomor,
            catatan=f"{report.judul.strip()}. {report.deskripsi.strip()}".strip(". "),
            pelapor_nama=report.pelapor_nama,
            pelapor_telepon=report.pelapor_telepon,
            sumber=report.sumber,
        )
        count = add_support(engine_for(ctx.db_url), support, actor=ctx.actor, scope=ctx.scope, now=now_local())
        state[_key("created")] = nomor
        return "lapor.supported", {"nomor": nomor, "n": count}

    state.pop(_key("similar"), None)
    if run_write(PREFIX, write):
        _reset_fields(ctx)


def _not_a_duplicate(ctx: AppContext, fingerprint: tuple[str, ...]) -> None:
    st.session_state[_key("not_duplicate")] = fingerprint
    _submit(ctx)


def _render_similar(ctx: AppContext) -> None:
    """The open reports the typed complaint may repeat, each with one tap to add it there as support."""
    found = st.session_state.get(_key("similar"))
    if not found:
        return
    similar, fingerprint = found
    lang = ctx.lang
    with st.container(border=True):
        st.markdown(f"**{t('lapor.maybe_same', lang)}**")
        for item in similar:
            age = max((ctx.now - item.reported_at).days, 0)
            st.markdown(
                escape_markdown(
                    t(
                        "lapor.same_as",
                        lang,
                        nomor=item.nomor,
                        judul=item.judul,
                        hari=age,
                        dukungan=item.jumlah_dukungan,
                    )
                )
            )
            st.button(
                t("lapor.add_support", lang, nomor=item.nomor),
                key=_key(f"dukung_{item.nomor}"),
                on_click=_support,
                args=(ctx, item.nomor),
                icon=":material/group_add:",
            )
        st.button(
            t("lapor.not_same", lang),
            key=_key("bukan_duplikat"),
            on_click=_not_a_duplicate,
            args=(ctx, fingerprint),
            icon=":material/add:",
        )


def _init_state(ctx: AppContext) -> None:
    state = st.session_state
    if _key("judul") not in state:
        _reset_fields(ctx)
        state[_key("prioritas")] = "sedang"
        state[_key("sumber")] = "rt"
    # Streamlit forgets a widget's value after a run that did not draw it; the date and time widgets would then
    # fall back to the computer's today, not the app's clock (a report "in the future" under a pinned clock).
    state.setdefault(_key("tanggal"), ctx.now.date())
    state.setdefault(_key("jam"), ctx.now.time().replace(second=0))


def render_new_report(ctx: AppContext) -> None:
    """The whole new-report section: outcome, area choosers, the form."""
    lang = ctx.lang
    _init_state(ctx)
    if render_outcome(PREFIX, lang):
        render_report_link(st.session_state[_key("created")], lang)
        photo_input.render_notices(PREFIX, lang)
    render_paste(ctx)
    _render_similar(ctx)
    kelurahan = pick_kelurahan(PREFIX, ctx)
    if kelurahan is None:
        st.info(t("lapor.no_areas", lang), icon=":material/info:")
        st.page_link("pages/pengaturan.py", label=t("nav.pengaturan", lang), icon=":material/settings:")
        return
    pick_rw_rt(PREFIX, ctx, kelurahan)
    field_error(PREFIX, "rt", lang)
    categories = data.active_categories(ctx.db_url)
    errors = errors_of(PREFIX)

    def category(slug: str) -> str:
        return category_label(slug, categories.get(slug, slug), lang)

    photo_input.render_camera_toggle(PREFIX, lang)
    with st.form(f"{PREFIX}_form", enter_to_submit=False):
        st.selectbox(
            t("lapor.kategori", lang),
            list(categories),
            key=_key("kategori"),
            index=None,
            placeholder=t("lapor.kategori_placeholder", lang),
            format_func=category,
        )
        field_error(PREFIX, "kategori", lang)
        st.text_input(t("lapor.judul", lang), key=_key("judul"), placeholder=t("lapor.judul_placeholder", lang))
        field_error(PREFIX, "judul", lang)
        st.text_area(t("lapor.deskripsi", lang), key=_key("deskripsi"), height=96)
        field_error(PREFIX, "deskripsi", lang)
        st.text_input(t("lapor.lokasi", lang), key=_key("lokasi"), placeholder=t("lapor.lokasi_placeholder", lang))
        field_error(PREFIX, "lokasi", lang)
        photo_input.render_photo_fields(PREFIX, lang)
        field_error(PREFIX, "foto", lang)
        st.radio(
            t("lapor.prioritas", lang),
            domain.PRIORITIES,
            key=_key("prioritas"),
            horizontal=True,
            format_func=lambda p: t(f"prioritas.{p}", lang),
        )
        field_error(PREFIX, "prioritas", lang)
        with st.expander(t("lapor.more_details", lang), expanded=any(f in errors for f in DETAIL_FIELDS)):
            _render_details(ctx)
        with st.expander(t("lapor.personal_data", lang), expanded=any(f in errors for f in PERSONAL_FIELDS)):
            st.caption(t("lapor.personal_data_note", lang))
            st.text_input(t("lapor.pelapor_nama", lang), key=_key("pelapor_nama"))
            field_error(PREFIX, "pelapor_nama", lang)
            st.text_input(t("lapor.pelapor_telepon", lang), key=_key("pelapor_telepon"), placeholder="0812 3456 7890")
            field_error(PREFIX, "pelapor_telepon", lang)
        st.form_submit_button(
            t("lapor.submit", lang),
            type="primary",
            icon=":material/send:",
            width="stretch",
            on_click=_submit,
            args=(ctx,),
        )


def _render_details(ctx: AppContext) -> None:
    """Source, report date and time, coordinates: defaults that fit most reports."""
    lang = ctx.lang
    st.selectbox(
        t("lapor.sumber", lang), domain.SOURCES, key=_key("sumber"), format_func=lambda s: t(f"sumber.{s}", lang)
    )
    field_error(PREFIX, "sumber", lang)
    day, clock = st.columns(2)
    day.date_input(
        t("lapor.tanggal", lang),
        key=_key("tanggal"),
        min_value=EARLIEST_REPORT.date(),
        max_value=ctx.today,
        format="DD/MM/YYYY",
    )
    clock.time_input(t("lapor.jam", lang), key=_key("jam"), step=60)
    field_error(PREFIX, "reported_at", lang)
    st.text_input(
        t("lapor.koordinat", lang),
        key=_key("koordinat"),
        placeholder="-7.6453, 112.6834",
        help=t("lapor.koordinat_help", lang),
    )
    field_error(PREFIX, "lat", lang)
