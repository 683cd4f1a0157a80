"""The report list (a page at a time), its downloads, and one report's detail with its timeline."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from kutorejo_data.analytics.metrics import STATUS_SLA, UMUR
from kutorejo_data.core.config import now_local
from kutorejo_data.core.domain import OPEN_STATUSES, STATUS_SELESAI
from kutorejo_data.core.errors import ValidationError
from kutorejo_data.core.filters import ReportFilters
from kutorejo_data.core.formatting import fmt_date, fmt_day, fmt_days, fmt_decimal, fmt_int
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.records.assignment import Reassignment, reassign
from kutorejo_data.records.export import ExportFormat, export_filename, export_reports
from kutorejo_data.records.reports import PAGE_SIZE, ReportDetail
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, field_error, render_outcome, write_on_click
from kutorejo_data.ui.frame.url_params import Notice, parse_report_param
from kutorejo_data.ui.kit.links import public_path, report_link
from kutorejo_data.ui.kit.text import escape_markdown

from .lapor import render_lapor
from .report_photos import render_report_photos

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler  # needs jinja2, which pandas imports only when a table is styled

STATUS_COLORS = {
    "baru": ("#dbeafe", "#1e3a8a"),
    "diverifikasi": ("#ede9fe", "#4c1d95"),
    "diproses": ("#fef3c7", "#78350f"),
    "selesai": ("#d1fae5", "#064e3b"),
    "ditolak": ("#e5e7eb", "#1f2937"),
    "duplikat": ("#e5e7eb", "#1f2937"),
}


def sla_text(status: str, past_sla: float, lang: str) -> str:
    """STATUS_SLA in words: on time, overdue by N days, or resolved N days late."""
    days = math.floor(past_sla)
    if status in OPEN_STATUSES:
        return t("sla.overdue", lang, days=fmt_int(days, lang)) if past_sla > 0 else t("sla.on_time", lang)
    if status == STATUS_SELESAI:
        return t("sla.resolved_late", lang, days=fmt_int(days, lang)) if past_sla > 0 else t("sla.on_time", lang)
    return "—"


def handler_text(level: object, name: object, lang: str) -> str:
    """The handler as `Kelurahan · Kelurahan Kutorejo`, or `—` (pandas hands missing values over as NaN)."""
    if not isinstance(level, str) or not level:
        return "—"
    label = t(f"penanganan.{level}", lang)
    return f"{label} · {name}" if isinstance(name, str) and name else label


def report_columns(rows: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """Localised columns shared by every report table: date, area, category, title, status, handler."""
    return {
        t("col.tanggal", lang): [fmt_date(d.date(), lang) for d in rows["tanggal"]],
        t("col.wilayah", lang): [f"{rt}/{rw}" for rt, rw in zip(rows["rt"], rows["rw"], strict=True)],
        t("col.kategori", lang): [
            category_label(slug, name, lang) for slug, name in zip(rows["kategori"], rows["kategori_nama"], strict=True)
        ],
        t("col.judul", lang): list(rows["judul"]),
        t("col.status", lang): [t(f"status.{s}", lang) for s in rows["status"]],
        t("col.penanganan", lang): [
            handler_text(level, name, lang)
            for level, name in zip(rows["penanganan"], rows["penanganan_nama"], strict=True)
        ],
    }


def list_table(page: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The list page as the reader sees it: localised columns and words; text stays text."""
    table = pd.DataFrame({t("col.nomor", lang): page["nomor"].astype(int), **report_columns(page, lang)})
    table.insert(6, t("col.prioritas", lang), [t(f"prioritas.{p}", lang) for p in page["prioritas"]])
    table.insert(7, t("col.umur", lang), [math.floor(a) for a in page["umur"]])
    table.insert(
        8, t("col.sla", lang), [sla_text(s, p, lang) for s, p in zip(page["status"], page["lewat_sla"], strict=True)]
    )
    table.insert(9, t("col.dukungan", lang), [int(n) for n in page["dukungan"]])
    return table


def _status_style(statuses: pd.Series, lang: str) -> list[str]:
    by_label = {t(f"status.{s}", lang): colors for s, colors in STATUS_COLORS.items()}
    return [
        f"background-color: {by_label[s][0]}; color: {by_label[s][1]}; font-weight: 600" if s in by_label else ""
        for s in statuses
    ]


def _overdue_style(values: pd.Series, lang: str) -> list[str]:
    on_time = {t("sla.on_time", lang), "—"}
    return ["" if v in on_time else "color: #b42318; font-weight: 600" for v in values]


def list_column_config(lang: str) -> dict[str, object]:
    """Column widths that keep the title readable and the short columns narrow; photos as small images."""
    small = ("col.nomor", "col.tanggal", "col.wilayah", "col.status", "col.prioritas", "col.umur", "col.dukungan")
    config: dict[str, object] = {t(key, lang): st.column_config.Column(width="small") for key in small}
    config[t("col.judul", lang)] = st.column_config.Column(width="large")
    config[t("col.foto", lang)] = st.column_config.ImageColumn(width="small")
    return config


def with_thumbnails(table: pd.DataFrame, page: pd.DataFrame, ctx: AppContext) -> pd.DataFrame:
    """The list with a photo column after the number, when any report of the page has a photo."""
    nomors = tuple(int(n) for n in page["nomor"])
    thumbnails = data.list_thumbnails(ctx.db_url, nomors, ctx.scope, ctx.may_see_reports)
    if thumbnails:
        # An empty text, not None: a styled table would print "None" in the cell of a report without a photo.
        table.insert(1, t("col.foto", ctx.lang), [thumbnails.get(n, "") for n in nomors])
    return table


def styled_list(table: pd.DataFrame, lang: str) -> Styler:
    """Coloured status badges and red overdue SLA cells (cells stay plain text)."""
    return table.style.apply(lambda col: _status_style(col, lang), subset=[t("col.status", lang)]).apply(
        lambda col: _overdue_style(col, lang), subset=[t("col.sla", lang)]
    )


def render_downloads(ctx: AppContext, filters: ReportFilters) -> None:
    """CSV and XLSX of exactly the filtered rows, built only when clicked (the export streams from SQL)."""

    def build(fmt: ExportFormat) -> Callable[[], bytes]:
        def make() -> bytes:
            buffer = io.BytesIO()
            export_reports(
                engine_for(ctx.db_url), fmt, buffer, filters, ctx.scope, with_personal_data=ctx.may_see_personal_data
            )
            return buffer.getvalue()

        return make

    help_text = t("masalah.download_help_personal" if ctx.may_see_personal_data else "masalah.download_help", ctx.lang)
    left, right, _ = st.columns([1, 1, 3])
    downloads: tuple[tuple[DeltaGenerator, ExportFormat, str, str], ...] = (
        (left, "csv", "masalah.download_csv", "text/csv"),
        (right, "xlsx", "masalah.download_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )
    for column, fmt, label, mime in downloads:
        column.download_button(
            t(label, ctx.lang),
            data=build(fmt),
            file_name=export_filename(fmt, filters, ctx.today),
            mime=mime,
            key=f"masalah_unduh_{fmt}",
            help=help_text,
            icon=":material/download:",
            on_click="ignore",
        )


def page_count(total: int) -> int:
    """Pages needed for `total` rows (at least one)."""
    return max(1, math.ceil(total / PAGE_SIZE))


def _deadline(moment: datetime | None, lang: str) -> str:
    """A due date as people say it: `Selasa, 8 Des 2026`."""
    return "—" if moment is None else f"{fmt_day(moment.date(), lang)} {moment.year}"


def _field_rows(detail: ReportDetail, lang: str) -> list[tuple[str, str]]:
    coordinates = (
        "—" if detail.lat is None else f"{fmt_decimal(detail.lat, lang, 5)}, {fmt_decimal(detail.lon, lang, 5)}"
    )
    reporter = (
        " · ".join(p for p in (detail.pelapor_nama, detail.pelapor_telepon) if p) or "—"
        if detail.pelapor_nama is not None or detail.pelapor_telepon is not None
        else t("detail.pelapor_hidden", lang)
    )
    rows = [
        (t("col.status", lang), t(f"status.{detail.status}", lang)),
        (t("detail.kode_lacak", lang), detail.kode_lacak or "—"),
        (t("detail.area", lang), f"RT {detail.rt} / RW {detail.rw}, Kel. {detail.kelurahan} ({detail.kode_wilayah})"),
        (t("col.kategori", lang), category_label(detail.kategori, detail.kategori_nama, lang)),
        (t("col.prioritas", lang), t(f"prioritas.{detail.prioritas}", lang)),
        (t("detail.sumber", lang), t(f"sumber.{detail.sumber}", lang)),
        (t("detail.reported_at", lang), f"{fmt_date(detail.reported_at.date(), lang)} {detail.reported_at:%H:%M}"),
        (t("col.penanganan", lang), handler_text(detail.penanganan, detail.penanganan_nama, lang)),
        (t("detail.penanggung_jawab", lang), detail.penanggung_jawab or t("penanganan.belum", lang)),
        (t("detail.batas_tanggap", lang), _deadline(detail.batas_tanggap, lang)),
        (t("detail.batas_selesai", lang), _deadline(detail.batas_selesai, lang)),
        (t("detail.batas_tahap", lang), _deadline(detail.batas_tahap, lang)),
        (t("detail.lokasi", lang), detail.lokasi or "—"),
        (t("detail.koordinat", lang), coordinates),
        (t("detail.pelapor", lang), reporter),
    ]
    if detail.duplikat_dari is not None:
        rows.append((t("detail.duplikat_dari", lang), f"#{detail.duplikat_dari} {detail.duplikat_dari_judul or ''}"))
    return rows


def render_report_detail(detail: ReportDetail, lang: str, render_photos: Callable[[], None] | None = None) -> None:
    """Every field, the photos (before and after), the response/resolution times vs SLA, and the status history as a
    timeline."""
    with st.container(border=True):
        st.subheader(t("detail.title", lang, nomor=detail.nomor))
        st.markdown(f"**{escape_markdown(detail.judul)}**")
        if detail.deskripsi:
            st.markdown(escape_markdown(detail.deskripsi))
        if render_photos is not None:
            render_photos()
        times = st.columns(3)
        times[0].metric(
            t("detail.waktu_tanggap", lang),
            fmt_days(detail.waktu_tanggap, lang) if detail.waktu_tanggap is not None else t("detail.not_yet", lang),
        )
        times[1].metric(
            t("detail.waktu_penyelesaian", lang),
            fmt_days(detail.waktu_penyelesaian, lang)
            if detail.waktu_penyelesaian is not None
            else t("detail.not_yet", lang),
        )
        times[2].metric(
            t("detail.umur_sla", lang, sla=fmt_int(detail.sla_hari, lang)),
            fmt_days(detail.umur, lang),
            delta=sla_text(detail.status, detail.lewat_sla, lang),
            delta_color="off" if detail.lewat_sla <= 0 else "inverse",
            delta_arrow="off",
            help=f"{UMUR.help(lang)} {STATUS_SLA.help(lang)}",
        )
        fields, history = st.columns([1, 1])
        with fields:
            st.markdown(f"**{t('detail.fields', lang)}**")
            st.dataframe(
                pd.DataFrame(_field_rows(detail, lang), columns=[t("detail.field", lang), t("detail.value", lang)]),
                hide_index=True,
                width="stretch",
            )
            if detail.duplikat_dari is not None:
                st.link_button(
                    t("detail.open_original", lang, nomor=detail.duplikat_dari), report_link(detail.duplikat_dari, lang)
                )
        with history:
            st.markdown(f"**{t('detail.history', lang)}**")
            render_timeline(detail, lang)
        if detail.dukungan:
            render_support(detail, lang)
        render_public_side(detail, lang)


def render_support(detail: ReportDetail, lang: str) -> None:
    """The other households affected: when, what they said, and who (for who may see it)."""
    st.markdown(f"**{t('detail.dukungan', lang, n=fmt_int(len(detail.dukungan), lang))}**")
    lines = []
    for entry in detail.dukungan:
        line = f"- **{escape_markdown(fmt_date(entry.waktu.date(), lang))}** · {escape_markdown(entry.catatan or '—')}"
        if entry.pelapor:
            line += f" · {escape_markdown(entry.pelapor)}"
        lines.append(line)
    st.markdown("\n".join(lines))


def render_public_side(detail: ReportDetail, lang: str) -> None:
    """What the reporter sees (the public page, by the tracking code) and what they answered to "sudah beres?"."""
    if detail.kode_lacak:
        st.caption(t("detail.public_page", lang, kode=detail.kode_lacak, link=public_path(detail.kode_lacak)))
    if not detail.jawaban_warga:
        return
    st.markdown(f"**{t('detail.jawaban_warga', lang)}**")
    lines = []
    for answer in detail.jawaban_warga:
        when = f"{fmt_date(answer.created_at.date(), lang)} {answer.created_at:%H:%M}"
        said = t(f"cek.jawaban.{answer.jawaban}", lang)
        if answer.nilai is not None:
            said += " · " + t("detail.nilai", lang, nilai=answer.nilai)
        line = f"- **{escape_markdown(when)}** · {escape_markdown(said)}"
        if answer.alasan:
            line += f"  \n  _{escape_markdown(answer.alasan)}_"
        lines.append(line)
    st.markdown("\n".join(lines))


def render_timeline(detail: ReportDetail, lang: str) -> None:
    """The history, oldest first: status changes (when, from → to, who, handler, note) and who was put in charge
    (by whom, why), merged by time; every piece of user text shown as text."""
    lines: list[tuple[datetime, int, str]] = []  # (when, status changes before assignments, line)
    for assigned in detail.penugasan:
        when = f"{fmt_date(assigned.changed_at.date(), lang)} {assigned.changed_at:%H:%M}"
        step = t(
            f"detail.penugasan.{assigned.jenis}",
            lang,
            tingkat=t(f"penanganan.{assigned.tingkat}", lang),
            ke=assigned.ke or t("assignment.nobody", lang),
        )
        line = f"- **{escape_markdown(when)}** · {escape_markdown(step)}"
        if assigned.jenis == "manual":
            line += f" · {t('detail.by', lang, who=escape_markdown(assigned.changed_by))}"
        if assigned.alasan:
            line += f"  \n  _{escape_markdown(assigned.alasan)}_"
        lines.append((assigned.changed_at, 1, line))
    for entry in detail.history:
        when = f"{fmt_date(entry.changed_at.date(), lang)} {entry.changed_at:%H:%M}"
        step = t(f"status.{entry.to_status}", lang)
        if entry.from_status:
            step = f"{t(f'status.{entry.from_status}', lang)} → {step}"
        who = t("detail.by", lang, who=escape_markdown(entry.changed_by))
        handler = handler_text(entry.penanganan, entry.penanganan_nama, lang)
        line = f"- **{escape_markdown(when)}** · {escape_markdown(step)} · {who}"
        if handler != "—":
            line += f" · {escape_markdown(handler)}"
        if entry.note:
            line += f"  \n  _{escape_markdown(entry.note)}_"
        lines.append((entry.changed_at, 0, line))
    st.markdown("\n".join(line for *_, line in sorted(lines, key=lambda item: item[:2])))


def linked_report() -> tuple[int | None, tuple[Notice, ...]]:
    """The report the URL names (`laporan`), and a notice when the link's value is not a report number."""
    return parse_report_param(st.query_params)


def show_report(ctx: AppContext, nomor: int) -> None:
    """The detail of report `nomor`, or a notice when it is not visible to the reader."""
    detail = data.report_detail(ctx.db_url, nomor, ctx.scope, ctx.now.replace(second=0), ctx.may_see_personal_data)
    if detail is None:
        st.warning(t("masalah.not_found", ctx.lang, nomor=nomor), icon=":material/search_off:")
    else:
        render_report_detail(detail, ctx.lang, lambda: render_report_photos(ctx, nomor))
        if detail.penanganan == "dinas":  # handed to the regency office: its SP4N-LAPOR! text and tracking ID
            render_lapor(ctx, detail)
        if ctx.may_write and detail.status in OPEN_STATUSES:
            render_reassign(ctx, detail)


def render_reassign(ctx: AppContext, detail: ReportDetail) -> None:
    """Hand the report to another person of its area or the office, with a reason (kept in its history)."""
    lang, prefix = ctx.lang, f"alih_{detail.nomor}"
    people = data.assignment_candidates(ctx.db_url, detail.nomor, ctx.scope)
    labels = {person.id: person.label for person in people}

    def write() -> Message:
        chosen = st.session_state.get(f"{prefix}_ke")
        reason = str(st.session_state.get(f"{prefix}_alasan", ""))
        if chosen is None:
            raise ValidationError({"pengguna": "error.reassign_inactive"})
        change = Reassignment(detail.nomor, int(chosen), reason)
        reassign(engine_for(ctx.db_url), change, actor=ctx.actor, scope=ctx.scope, now=now_local())
        return ("detail.reassigned", {"nomor": detail.nomor, "ke": labels.get(int(chosen), "")})

    with st.expander(t("detail.reassign", lang), icon=":material/swap_horiz:"):
        render_outcome(prefix, lang)
        st.selectbox(t("detail.reassign_to", lang), list(labels), key=f"{prefix}_ke", format_func=lambda i: labels[i])
        st.text_input(t("detail.reassign_reason", lang), key=f"{prefix}_alasan", max_chars=500)
        field_error(prefix, "alasan", lang)
        st.button(t("detail.reassign_submit", lang), key=f"{prefix}_kirim", on_click=write_on_click(prefix, write))
