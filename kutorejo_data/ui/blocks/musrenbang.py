"""Blocks of the Usulan Musrenbang page: the candidates with their evidence, each turned into a proposal by a small
form, the year's proposals, and the form's XLSX download."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime
from functools import partial

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from kutorejo_data.analytics.metrics import LAPORAN_BERULANG
from kutorejo_data.analytics.musrenbang import SINGLE_CANDIDATES, Candidate, candidates, draft
from kutorejo_data.analytics.musrenbang_form import XLSX_MEDIA_TYPE, form_filename, write_form
from kutorejo_data.core.config import now_local
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.formatting import fmt_date, fmt_int
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.records.musrenbang import (
    MAX_YEAR,
    MIN_YEAR,
    SATUAN_MAX,
    USULAN_MAX,
    SavedProposal,
    delete_proposal,
    proposals,
    save_proposal,
)
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, field_error, render_outcome, run_write, write_on_click
from kutorejo_data.ui.kit.links import report_link

PREFIX = "musrenbang"


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, show_spinner=False)
def _candidates(db_url: str, scope: Scope, now_minute: str) -> list[Candidate]:
    """The candidates inside the scope (cached per scope and minute: the 90 days count from now)."""
    with engine_for(db_url).connect() as conn:
        return candidates(conn, now=datetime.fromisoformat(now_minute), scope=scope)


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, show_spinner=False)
def _proposals(db_url: str, tahun: int, scope: Scope) -> list[SavedProposal]:
    with engine_for(db_url).connect() as conn:
        return proposals(conn, tahun, scope=scope)


def choose_year_and_rw(ctx: AppContext, found: list[Candidate]) -> tuple[int, str | None]:
    """The plan year (next year by default) and, for the office, one RW or all."""
    left, right = st.columns(2)
    tahun = int(
        left.number_input(
            t("musrenbang.tahun", ctx.lang),
            min_value=MIN_YEAR,
            max_value=MAX_YEAR,
            value=ctx.today.year + 1,
            step=1,
            key="musrenbang_tahun",
        )
    )
    if ctx.scope.rw is not None:
        return tahun, ctx.scope.rw
    rws = sorted({c.rw for c in found})
    chosen = right.selectbox(
        t("musrenbang.rw", ctx.lang),
        [None, *rws],
        key="musrenbang_rw",
        format_func=lambda rw: t("musrenbang.rw_all", ctx.lang) if rw is None else f"RW {rw}",
    )
    return tahun, chosen


def _basis(candidate: Candidate, lang: str) -> str:
    return " · ".join(t(f"musrenbang.dasar.{d}", lang) for d in candidate.dasar)


def _title(candidate: Candidate, saved: bool, lang: str) -> str:
    what = category_label(candidate.kategori_slug, candidate.kategori_nama, lang)
    if candidate.judul:
        what = f"{what}: {candidate.judul}"
    count = t("musrenbang.n_laporan", lang, n=fmt_int(candidate.bukti.jumlah_laporan, lang))
    mark = " ✓" if saved else ""
    return f"{_basis(candidate, lang)} — {what} — {candidate.lokasi} ({count}){mark}"


def render_evidence(candidate: Candidate, lang: str) -> None:
    """The evidence: counts, first and last dates, the reports (linked) with their tracking codes, the photos."""
    evidence = candidate.bukti
    cells = st.columns(4)
    cells[0].metric(
        t("musrenbang.jumlah_laporan", lang), fmt_int(evidence.jumlah_laporan, lang), help=LAPORAN_BERULANG.help(lang)
    )
    cells[1].metric(t("musrenbang.pertama", lang), fmt_date(evidence.pertama.date(), lang) if evidence.pertama else "—")
    cells[2].metric(
        t("musrenbang.terakhir", lang), fmt_date(evidence.terakhir.date(), lang) if evidence.terakhir else "—"
    )
    cells[3].metric(t("musrenbang.jumlah_foto", lang), fmt_int(evidence.jumlah_foto, lang))
    links = [f"[#{nomor}]({report_link(nomor, lang)})" for nomor in evidence.laporan]
    st.markdown(f"{t('musrenbang.laporan_terkait', lang)}: " + ", ".join(links))
    if len(evidence.laporan) < evidence.jumlah_laporan:
        total = fmt_int(evidence.jumlah_laporan, lang)
        st.caption(t("musrenbang.latest_of", lang, n=fmt_int(len(evidence.laporan), lang), total=total))
    if evidence.kode_lacak:
        st.caption(t("musrenbang.kode_lacak", lang, daftar=", ".join(evidence.kode_lacak)))


def _form_values(prefix: str) -> dict[str, object]:
    state = st.session_state
    volume = state.get(f"{prefix}_volume")
    return {
        "usulan": str(state.get(f"{prefix}_usulan", "")),
        "permasalahan": str(state.get(f"{prefix}_permasalahan", "")),
        "lokasi": str(state.get(f"{prefix}_lokasi", "")),
        "volume": float(volume) if volume else None,
        "satuan": str(state.get(f"{prefix}_satuan", "")),
        "prioritas": int(state.get(f"{prefix}_prioritas") or 1),
        "alasan": str(state.get(f"{prefix}_alasan", "")),
    }


def _save(ctx: AppContext, candidate: Candidate, tahun: int, prefix: str) -> None:
    def write() -> Message:
        proposal = replace(draft(candidate, tahun), **_form_values(prefix))  # type: ignore[arg-type]
        save_proposal(engine_for(ctx.db_url), proposal, actor=ctx.actor, scope=ctx.scope, now=now_local())
        return ("musrenbang.saved", {"usulan": proposal.usulan, "tahun": str(tahun)})

    run_write(prefix, write)


def render_candidate(ctx: AppContext, candidate: Candidate, tahun: int, saved: SavedProposal | None) -> None:
    """One candidate: its evidence and, for who may write, the proposal form (filled from the saved proposal)."""
    lang = ctx.lang
    prefix = f"{PREFIX}_{candidate.kunci.replace('-', '_')}"
    with st.container(border=True):
        render_evidence(candidate, lang)
        if not ctx.may_write:
            return
        render_outcome(prefix, lang)
        start = saved or draft(candidate, tahun)
        with st.form(f"{prefix}_form", border=False):
            st.text_input(
                t("musrenbang.usulan", lang), value=start.usulan, key=f"{prefix}_usulan", max_chars=USULAN_MAX
            )
            field_error(prefix, "usulan", lang)
            st.text_area(t("musrenbang.permasalahan", lang), value=start.permasalahan, key=f"{prefix}_permasalahan")
            st.text_input(t("musrenbang.lokasi", lang), value=start.lokasi, key=f"{prefix}_lokasi", max_chars=200)
            volume, satuan, prioritas = st.columns(3)
            volume.number_input(t("musrenbang.volume", lang), min_value=0.0, value=start.volume, key=f"{prefix}_volume")
            satuan.text_input(
                t("musrenbang.satuan", lang), value=start.satuan, key=f"{prefix}_satuan", max_chars=SATUAN_MAX
            )
            prioritas.number_input(
                t("musrenbang.prioritas", lang),
                min_value=1,
                max_value=99,
                value=start.prioritas,
                step=1,
                key=f"{prefix}_prioritas",
                help=t("musrenbang.prioritas_help", lang),
            )
            st.text_area(t("musrenbang.alasan", lang), value=start.alasan, key=f"{prefix}_alasan")
            field_error(prefix, "volume", lang)
            st.form_submit_button(
                t("musrenbang.save", lang),
                key=f"{prefix}_simpan",
                type="primary",
                icon=":material/save:",
                on_click=partial(_save, ctx, candidate, tahun, prefix),
            )


def _day(moment: datetime | None, lang: str) -> str:
    return fmt_date(moment.date(), lang) if moment else "—"


def candidate_table(shown: list[Candidate], saved: dict[str, SavedProposal], lang: str) -> pd.DataFrame:
    """The candidates side by side with their evidence (small: one row per candidate)."""
    return pd.DataFrame(
        {
            t("musrenbang.col.dasar", lang): [_basis(c, lang) for c in shown],
            t("musrenbang.col.kategori", lang): [category_label(c.kategori_slug, c.kategori_nama, lang) for c in shown],
            t("musrenbang.col.masalah", lang): [c.judul or "—" for c in shown],
            t("musrenbang.lokasi", lang): [c.lokasi for c in shown],
            t("musrenbang.jumlah_laporan", lang): [c.bukti.jumlah_laporan for c in shown],
            t("musrenbang.pertama", lang): [_day(c.bukti.pertama, lang) for c in shown],
            t("musrenbang.terakhir", lang): [_day(c.bukti.terakhir, lang) for c in shown],
            t("musrenbang.jumlah_foto", lang): [c.bukti.jumlah_foto for c in shown],
            t("musrenbang.col.diusulkan", lang): ["✓" if c.kunci in saved else "" for c in shown],
        }
    )


def render_candidates(ctx: AppContext, found: list[Candidate], tahun: int, rw: str | None) -> None:
    """Every candidate of the chosen RW in one table, then the chosen one's evidence and its proposal form."""
    lang = ctx.lang
    st.subheader(t("musrenbang.candidates", lang))
    st.caption(LAPORAN_BERULANG.help(lang))
    shown = [c for c in found if rw is None or c.rw == rw]
    if not shown:
        st.info(t("musrenbang.no_candidates", lang), icon=":material/check_circle:")
        return
    if sum(1 for c in found if c.judul) >= SINGLE_CANDIDATES:
        st.caption(t("musrenbang.singles_capped", lang, n=fmt_int(SINGLE_CANDIDATES, lang)))
    saved = {p.kandidat: p for p in _proposals(ctx.db_url, tahun, ctx.scope)}
    st.dataframe(
        candidate_table(shown, saved, lang), hide_index=True, width="stretch", height=min(38 + 35 * len(shown), 400)
    )
    by_key = {c.kunci: c for c in shown}
    chosen = st.selectbox(
        t("musrenbang.choose", lang),
        list(by_key),
        key="musrenbang_kandidat",
        format_func=lambda kunci: _title(by_key[kunci], kunci in saved, lang),
    )
    if chosen is not None:
        render_candidate(ctx, by_key[chosen], tahun, saved.get(chosen))


def _proposal_table(saved: list[SavedProposal], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("musrenbang.prioritas", lang): [p.prioritas for p in saved],
            t("musrenbang.usulan", lang): [p.usulan for p in saved],
            t("musrenbang.lokasi", lang): [p.lokasi for p in saved],
            t("musrenbang.volume", lang): [
                f"{fmt_int(p.volume, lang)} {p.satuan}".strip() if p.volume else "" for p in saved
            ],
            t("musrenbang.jumlah_laporan", lang): [p.jumlah_laporan for p in saved],
            t("musrenbang.laporan_terkait", lang): [p.laporan_terkait for p in saved],
        }
    )


def _form_bytes(engine: Engine, tahun: int, rw: str | None, scope: Scope) -> bytes:
    out = io.BytesIO()
    write_form(engine, out, tahun, now=now_local(), rw=rw, scope=scope)
    return out.getvalue()


def render_proposals(ctx: AppContext, tahun: int, rw: str | None) -> None:
    """The year's proposals, the XLSX of the Musrenbang form, and removing a proposal."""
    lang = ctx.lang
    st.subheader(t("musrenbang.proposals", lang, tahun=tahun))
    saved = [p for p in _proposals(ctx.db_url, tahun, ctx.scope) if rw is None or p.rw == rw]
    if saved:
        st.dataframe(_proposal_table(saved, lang), hide_index=True, width="stretch")
    else:
        st.caption(t("musrenbang.no_proposals", lang))
    st.download_button(
        t("musrenbang.download", lang),
        partial(_form_bytes, engine_for(ctx.db_url), tahun, rw, ctx.scope),
        file_name=form_filename(tahun, rw),
        mime=XLSX_MEDIA_TYPE,
        key="musrenbang_unduh",
        on_click="ignore",
        icon=":material/download:",
        help=t("musrenbang.download_help", lang),
    )
    if not (saved and ctx.may_write):
        return
    prefix = f"{PREFIX}_hapus"
    labels = {p.id: f"{p.prioritas}. {p.usulan} ({p.lokasi})" for p in saved}
    with st.expander(t("musrenbang.delete", lang), icon=":material/delete:"):
        render_outcome(prefix, lang)
        chosen = st.selectbox(
            t("musrenbang.delete_which", lang), list(labels), key=f"{prefix}_pilih", format_func=lambda i: labels[i]
        )

        def write() -> Message:
            delete_proposal(engine_for(ctx.db_url), int(chosen), actor=ctx.actor, scope=ctx.scope, now=now_local())
            return ("musrenbang.deleted", {"usulan": labels[int(chosen)]})

        st.button(t("musrenbang.delete_submit", lang), key=f"{prefix}_kirim", on_click=write_on_click(prefix, write))


def render_page(ctx: AppContext) -> None:
    """The whole page: choices, candidates, proposals."""
    st.caption(t("musrenbang.intro", ctx.lang))
    found = _candidates(ctx.db_url, ctx.scope, ctx.now.replace(second=0, microsecond=0).isoformat())
    tahun, rw = choose_year_and_rw(ctx, found)
    render_candidates(ctx, found, tahun, rw)
    render_proposals(ctx, tahun, rw)
