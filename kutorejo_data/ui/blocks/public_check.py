"""Cek laporan: a resident types the tracking code (or opens `cek?kode=…`) and sees where the report stands; once it
is resolved, they answer "sudah beres?". Nothing personal is shown, and guessing codes is slowed down per session.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.formatting import fmt_date, fmt_datetime
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.records.confirmation import Answer, confirm
from kutorejo_data.records.public import PublicStatus
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import PublicContext, engine_for
from kutorejo_data.ui.kit.text import escape_markdown

KEY = "cek"
CODE_MAX = 40  # a code is 13 characters; anything much longer is not one
FREE_TRIES = 5  # wrong codes a session may try before it has to wait
FIRST_WAIT = timedelta(seconds=30)  # doubled with every further wrong code
LONGEST_WAIT = timedelta(minutes=15)
_WRONG = f"{KEY}_salah"
_WAIT_UNTIL = f"{KEY}_tunggu_sampai"
_LOOKED_UP = f"{KEY}_dicari"
_ANSWERED = f"{KEY}_dijawab"


def wait_after(wrong: int) -> timedelta:
    """How long a session waits after its `wrong`-th wrong code (nothing for the first FREE_TRIES)."""
    if wrong < FREE_TRIES:
        return timedelta(0)
    doublings = min(wrong - FREE_TRIES, 10)  # 30 s × 2¹⁰ is already past the longest wait
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


def _typed_code() -> str:
    """The code to look up: the box's, else the link's (`?kode=`), cut to CODE_MAX characters."""
    typed = str(st.session_state.get(f"{KEY}_kode") or st.query_params.get("kode") or "")
    return typed.strip()[:CODE_MAX]


def _seconds_to_wait(ctx: PublicContext) -> int:
    """How long this session must still wait before it may look up a code (0: it may now)."""
    until = st.session_state.get(_WAIT_UNTIL)
    return max(1, int((until - ctx.now).total_seconds())) if isinstance(until, datetime) and ctx.now < until else 0


def _count_wrong(ctx: PublicContext, typed: str) -> None:
    """A wrong code counts once, however often the page reruns with it; from FREE_TRIES on, the session waits."""
    state = st.session_state
    if state.get(_LOOKED_UP) == typed:
        return
    state[_LOOKED_UP] = typed
    state[_WRONG] = int(state.get(_WRONG, 0)) + 1
    state[_WAIT_UNTIL] = ctx.now + wait_after(state[_WRONG])


def render_form(ctx: PublicContext) -> PublicStatus | None:
    """The code box; returns the report it finds (and explains when it finds nothing, or the session must wait)."""
    lang = ctx.lang
    st.session_state.setdefault(f"{KEY}_kode", str(st.query_params.get("kode") or "")[:CODE_MAX])
    with st.form(f"{KEY}_form", enter_to_submit=True, border=False):
        st.text_input(
            t("cek.code", lang), key=f"{KEY}_kode", max_chars=CODE_MAX, placeholder="KTR-7F3K-2Q9M", autocomplete="off"
        )
        st.form_submit_button(t("cek.submit", lang), type="primary", icon=":material/search:")
    typed = _typed_code()
    if not typed:
        st.caption(t("cek.where_is_the_code", lang))
        return None
    wait = _seconds_to_wait(ctx)
    if wait:
        st.warning(t("cek.wait", lang, detik=wait), icon=":material/hourglass_top:")
        return None
    found = data.public_status(ctx.db_url, typed)
    if found is None:
        _count_wrong(ctx, typed)
        st.info(t("cek.not_found", lang), icon=":material/search_off:")
    return found


def _due_text(report: PublicStatus, ctx: PublicContext) -> str:
    if report.batas_selesai is None:
        return "—"
    due = fmt_date(report.batas_selesai.date(), ctx.lang)
    if report.status in domain.OPEN_STATUSES and ctx.now > report.batas_selesai:
        return t("cek.due_passed", ctx.lang, tanggal=due)
    return due


def render_status(ctx: PublicContext, report: PublicStatus) -> None:
    """Where the report stands: status, category, area, dates, the public steps and the public after photos."""
    lang = ctx.lang
    with st.container(border=True):
        st.subheader(t("cek.status_now", lang, status=t(f"status.{report.status}", lang)))
        st.caption(report.kode)
        facts = [
            (
                t("col.kategori", lang),
                escape_markdown(category_label(report.kategori_slug, report.kategori_nama, lang)),
            ),
            (t("detail.area", lang), f"RT {report.rt} / RW {report.rw}, Kel. {escape_markdown(report.kelurahan)}"),
            (t("detail.reported_at", lang), fmt_date(report.reported_at.date(), lang)),
            (t("cek.due", lang), _due_text(report, ctx)),
            (t("col.penanganan", lang), t(f"penanganan.{report.penanganan or 'rt'}", lang)),
        ]
        st.markdown("\n".join(f"- **{label}**: {value}" for label, value in facts))
        st.markdown(f"**{t('cek.steps', lang)}**")
        st.markdown(
            "\n".join(
                f"- {fmt_datetime(step.at, lang)} · {t(f'status.{step.status}', lang)}"
                + (
                    f" · {t('cek.level', lang, tingkat=t(f'penanganan.{step.penanganan}', lang))}"
                    if step.penanganan
                    else ""
                )
                for step in report.updates
            )
        )
        if report.after_photos:
            st.markdown(f"**{t('cek.after_photos', lang)}**")
            for column, image in zip(st.columns(len(report.after_photos)), report.after_photos, strict=True):
                column.image(image, width="stretch")


def _answer(ctx: PublicContext, kode: str) -> None:
    """Form callback: record the answer; the outcome is shown once on the next run."""
    state = st.session_state
    yes = state.get(f"{KEY}_jawaban") == "ya"
    stars = state.get(f"{KEY}_nilai")  # st.feedback("stars"): 0–4, or None
    answer = Answer(
        "ya" if yes else "belum",
        nilai=int(stars) + 1 if yes and stars is not None else None,
        alasan="" if yes else str(state.get(f"{KEY}_alasan") or ""),
    )
    try:
        confirm(engine_for(ctx.db_url), kode, answer, now=ctx.now)
    except ValidationError as invalid:
        state[_ANSWERED] = ("error", " ".join(t(key, ctx.lang) for key in invalid.fields.values()))
    except ServiceError as refused:
        state[_ANSWERED] = ("error", t(refused.key, ctx.lang, **refused.values))
    else:
        state[_ANSWERED] = ("success", t("cek.thanks_yes" if yes else "cek.thanks_reopened", ctx.lang))
        data.invalidate_cached_reads()


def render_question(ctx: PublicContext, report: PublicStatus) -> None:
    """ "Sudah beres?" while a resolution may be answered; what was answered, or that the time is over."""
    lang = ctx.lang
    outcome = st.session_state.pop(_ANSWERED, None)
    if outcome is not None:
        kind, message = outcome
        (st.success if kind == "success" else st.error)(message)
    resolution = report.resolution
    if resolution is None:
        return
    if resolution.answered is not None:
        st.caption(t("cek.answered", lang, jawaban=t(f"cek.jawaban.{resolution.answered}", lang)))
        return
    if ctx.now > resolution.answer_until:
        st.caption(t("cek.too_late", lang, hari=domain.CONFIRMATION_DAYS))
        return
    with st.container(border=True):
        st.subheader(t("cek.question", lang))
        st.caption(t("cek.question_help", lang, tanggal=fmt_date(resolution.answer_until.date(), lang)))
        choice = st.radio(
            t("cek.question", lang),
            ("ya", "belum"),
            key=f"{KEY}_jawaban",
            format_func=lambda value: t(f"cek.pilih.{value}", lang),
            horizontal=True,
            label_visibility="collapsed",
        )
        if choice == "ya":
            st.caption(t("cek.rating", lang))
            st.feedback("stars", key=f"{KEY}_nilai")
        else:
            st.text_area(t("cek.reason", lang), key=f"{KEY}_alasan", max_chars=500)
        st.button(t("cek.send", lang), key=f"{KEY}_kirim", type="primary", on_click=_answer, args=(ctx, report.kode))
