"""The activity form, for a new activity and for correcting one: type, date, area, target, attendance by role."""

from __future__ import annotations

import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.domain import EARLIEST_REPORT
from kutorejo_data.core.i18n import t
from kutorejo_data.records.activities import TARGET_UNITS, ActivityInput, create_activity, update_activity
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, field_error, run_write

from .area_picker import pick_kelurahan, pick_rw_rt


def _key(prefix: str, name: str) -> str:
    return f"{prefix}_{name}"


def fill_state(prefix: str, ctx: AppContext, activity: ActivityInput | None) -> None:
    """Put an activity (or the defaults for a new one) into the form's widgets."""
    state = st.session_state
    state[_key(prefix, "tingkat")] = activity.tingkat if activity else "rt"
    state[_key(prefix, "jenis")] = activity.jenis if activity else domain.ACTIVITY_TYPES[0]
    state[_key(prefix, "tanggal")] = activity.tanggal if activity else ctx.today
    state[_key(prefix, "judul")] = activity.judul if activity else ""
    state[_key(prefix, "target")] = activity.target_peserta if activity else None
    state[_key(prefix, "satuan")] = activity.target_satuan if activity else TARGET_UNITS[0]
    state[_key(prefix, "catatan")] = activity.catatan if activity else ""
    for peran in domain.ATTENDANCE_ROLES:
        state[_key(prefix, f"hadir_{peran}")] = activity.kehadiran.get(peran, 0) if activity else 0
    if activity:
        state[_key(prefix, "kel")] = activity.kelurahan_kode
        state[_key(prefix, "rw")] = activity.rw
        state[_key(prefix, "rt")] = activity.rt


def _activity_from_state(prefix: str) -> ActivityInput:
    state = st.session_state
    target = state[_key(prefix, "target")]
    return ActivityInput(
        kelurahan_kode=state[_key(prefix, "kel")] or "",
        tingkat=state[_key(prefix, "tingkat")],
        rw=state.get(_key(prefix, "rw")),
        rt=state.get(_key(prefix, "rt")),
        jenis=state[_key(prefix, "jenis")],
        tanggal=state[_key(prefix, "tanggal")],
        judul=state[_key(prefix, "judul")],
        target_peserta=int(target) if target is not None else None,
        target_satuan=state[_key(prefix, "satuan")],
        kehadiran={p: int(state[_key(prefix, f"hadir_{p}")]) for p in domain.ATTENDANCE_ROLES},
        catatan=state[_key(prefix, "catatan")],
    )


def _submit(prefix: str, ctx: AppContext, kegiatan_id: int | None) -> None:
    engine = engine_for(ctx.db_url)

    def write() -> Message:
        activity = _activity_from_state(prefix)
        if kegiatan_id is None:
            nomor = create_activity(engine, activity, actor=ctx.actor, scope=ctx.scope)
            return "kegiatan.created", {"nomor": nomor}
        update_activity(engine, kegiatan_id, activity, actor=ctx.actor, scope=ctx.scope)
        return "kegiatan.updated", {"nomor": kegiatan_id}

    if run_write(prefix, write) and kegiatan_id is None:
        fill_state(prefix, ctx, None)


def render_activity_form(
    prefix: str, ctx: AppContext, kegiatan_id: int | None = None, keep: tuple[str | None, ...] = ()
) -> None:
    """Area choosers (outside the form, so the RT list follows the RW) and the form; saves on submit."""
    lang = ctx.lang
    if _key(prefix, "judul") not in st.session_state:
        fill_state(prefix, ctx, None)
    kelurahan = pick_kelurahan(prefix, ctx)
    if kelurahan is None:
        st.info(t("lapor.no_areas", lang), icon=":material/info:")
        return
    st.radio(
        t("kegiatan.tingkat", lang),
        domain.AREA_LEVELS,
        key=_key(prefix, "tingkat"),
        horizontal=True,
        format_func=lambda level: t(f"tingkat.{level}", lang),
    )
    field_error(prefix, "tingkat", lang)
    tingkat = st.session_state[_key(prefix, "tingkat")]
    if tingkat != "kelurahan":
        pick_rw_rt(prefix, ctx, kelurahan, with_rt=tingkat == "rt", keep=keep)
        field_error(prefix, "rw", lang)
        field_error(prefix, "rt", lang)
    with st.form(f"{prefix}_form", enter_to_submit=False):
        st.selectbox(
            t("kegiatan.jenis", lang),
            domain.ACTIVITY_TYPES,
            key=_key(prefix, "jenis"),
            format_func=lambda jenis: t(f"jenis.{jenis}", lang),
        )
        field_error(prefix, "jenis", lang)
        st.date_input(
            t("kegiatan.tanggal", lang),
            key=_key(prefix, "tanggal"),
            min_value=EARLIEST_REPORT.date(),
            max_value=ctx.today,
            format="DD/MM/YYYY",
        )
        field_error(prefix, "tanggal", lang)
        st.text_input(
            t("kegiatan.judul", lang), key=_key(prefix, "judul"), placeholder=t("kegiatan.judul_placeholder", lang)
        )
        field_error(prefix, "judul", lang)
        target, unit = st.columns(2)
        target.number_input(
            t("kegiatan.target", lang),
            key=_key(prefix, "target"),
            min_value=1,
            step=1,
            value=None,
            help=t("kegiatan.target_help", lang),
        )
        unit.radio(t("kegiatan.satuan", lang), TARGET_UNITS, key=_key(prefix, "satuan"), horizontal=True)
        field_error(prefix, "target_peserta", lang)
        st.markdown(f"**{t('kegiatan.kehadiran', lang)}**")
        roles = domain.ATTENDANCE_ROLES
        for pair in (roles[i : i + 2] for i in range(0, len(roles), 2)):  # row by row: a phone keeps the order
            for column, peran in zip(st.columns(2), pair, strict=False):
                with column:
                    st.number_input(t(f"peran.{peran}", lang), key=_key(prefix, f"hadir_{peran}"), min_value=0, step=1)
                    field_error(prefix, f"hadir_{peran}", lang)
        field_error(prefix, "kehadiran", lang)
        st.text_area(t("kegiatan.catatan", lang), key=_key(prefix, "catatan"), height=80)
        field_error(prefix, "catatan", lang)
        label = "kegiatan.save_new" if kegiatan_id is None else "kegiatan.save_edit"
        st.form_submit_button(
            t(label, lang),
            type="primary",
            icon=":material/save:",
            width="stretch",
            on_click=_submit,
            args=(prefix, ctx, kegiatan_id),
        )
