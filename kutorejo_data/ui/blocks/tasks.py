"""Tugas saya: the signed-in person's open reports as cards, overdue first, each with one tap to act on it."""

from __future__ import annotations

import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.formatting import fmt_day, fmt_int
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.records.report_writes import StatusChange, change_status
from kutorejo_data.records.tasks import Task
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.data import invalidate_cached_reads
from kutorejo_data.ui.kit.links import report_link
from kutorejo_data.ui.kit.text import escape_markdown

from . import photo_input

_OUTCOME = "tugas_hasil"
# What each status's buttons move a report to: acknowledge a new one, start work, report it solved.
NEXT_STEPS: dict[str, tuple[str, ...]] = {
    domain.STATUS_BARU: (domain.STATUS_DIVERIFIKASI, domain.STATUS_DIPROSES),
    domain.STATUS_DIVERIFIKASI: (domain.STATUS_DIPROSES, domain.STATUS_SELESAI),
    domain.STATUS_DIPROSES: (domain.STATUS_SELESAI,),
}
_ICONS = {
    domain.STATUS_DIVERIFIKASI: ":material/task_alt:",
    domain.STATUS_DIPROSES: ":material/construction:",
    domain.STATUS_SELESAI: ":material/check_circle:",
}


def due_text(task: Task, lang: str) -> str:
    """`Selasa, 8 Des — 2 hari kerja lagi`, `… — hari ini`, or `terlambat 3 hari kerja (Selasa, 8 Des)`."""
    if task.batas_tahap is None or task.sisa_hari_kerja is None:
        return "—"
    day = fmt_day(task.batas_tahap.date(), lang)
    left = task.sisa_hari_kerja
    if left < 0:
        return t("tugas.late", lang, n=fmt_int(-left, lang), day=day)
    if left == 0:
        return t("tugas.today", lang, day=day)
    return t("tugas.left", lang, n=fmt_int(left, lang), day=day)


def _photo_prefix(task: Task) -> str:
    return f"tugas_{task.nomor}"


def _act(ctx: AppContext, task: Task, to_status: str) -> None:
    """Button callback: move the report on, with the note typed on its card (and its after photos when it is
    resolved); the outcome is shown once."""
    note = str(st.session_state.get(f"tugas_catatan_{task.nomor}", "")).strip()
    resolving = to_status == domain.STATUS_SELESAI
    try:
        prepared = photo_input.prepare(_photo_prefix(task)) if resolving else None
        change = StatusChange(
            task.nomor, to_status, task.version, note=note, photos=prepared.photos if prepared else ()
        )
        change_status(engine_for(ctx.db_url), change, actor=ctx.actor, scope=ctx.scope)
    except ValidationError as error:
        st.session_state[_OUTCOME] = ("error", " ".join(t(key, ctx.lang) for key in error.fields.values()))
    except ServiceError as error:
        st.session_state[_OUTCOME] = ("error", t(error.key, ctx.lang, **error.values))
    else:
        done = t(f"status.{to_status}", ctx.lang)
        st.session_state[_OUTCOME] = ("success", t("tugas.done", ctx.lang, nomor=task.nomor, status=done))
        st.session_state[f"tugas_catatan_{task.nomor}"] = ""
        if prepared is not None:
            photo_input.saved(_photo_prefix(task), prepared, coordinates_typed=True)
        invalidate_cached_reads()


def render_outcome() -> None:
    """The result of the last tap, shown once at the top."""
    outcome = st.session_state.pop(_OUTCOME, None)
    if outcome is not None:
        kind, message = outcome
        (st.success if kind == "success" else st.error)(escape_markdown(message))


def render_task(ctx: AppContext, task: Task, thumbnail: str | None = None) -> None:
    """One report's card: its photo, what and where, its deadline, a note, the after photos when it can be resolved,
    and a button per next step."""
    lang = ctx.lang
    late = task.sisa_hari_kerja is not None and task.sisa_hari_kerja < 0
    with st.container(border=True):
        if thumbnail:
            st.image(thumbnail, width=96)
        st.markdown(f"**#{task.nomor} · {escape_markdown(task.judul)}**")
        place = f"RT {task.rt} / RW {task.rw} · {category_label(task.kategori, task.kategori_nama, lang)}"
        support = f" · {t('tugas.support', lang, n=fmt_int(task.dukungan, lang))}" if task.dukungan else ""
        st.caption(escape_markdown(f"{place} · {t(f'status.{task.status}', lang)}{support}"))
        due = escape_markdown(due_text(task, lang))
        st.markdown(f":red[**{due}**]" if late else f"**{due}**")
        st.text_input(
            t("tugas.note", lang),
            key=f"tugas_catatan_{task.nomor}",
            max_chars=500,
            placeholder=t("tugas.note_placeholder", lang),
        )
        steps = NEXT_STEPS.get(task.status, ())
        if domain.STATUS_SELESAI in steps:
            required = task.kategori in data.after_photo_categories(ctx.db_url)
            # Folded, so a long queue stays short on a phone; its title says when a photo is required.
            title = t("photo.field_after_short_required" if required else "photo.field_after_short", lang)
            with st.expander(title, icon=":material/photo_camera:"):
                photo_input.render_photo_fields(
                    _photo_prefix(task), lang, "photo.field_after_required" if required else "photo.field_after"
                )
        columns = st.columns(len(steps) + 1)
        for column, to_status in zip(columns, steps, strict=False):
            column.button(
                t(f"tugas.to.{to_status}", lang),
                key=f"tugas_{task.nomor}_{to_status}",
                on_click=_act,
                args=(ctx, task, to_status),
                icon=_ICONS[to_status],
                width="stretch",
            )
        columns[-1].link_button(
            t("tugas.open", lang), report_link(task.nomor), icon=":material/open_in_new:", width="stretch"
        )
