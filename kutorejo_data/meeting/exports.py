"""The meeting's three exports (PPTX, PDF, WhatsApp text) by name, for the page's buttons and `report` on the CLI."""

from __future__ import annotations

from typing import Literal

from .deck import MeetingReport

ReportFormat = Literal["pptx", "pdf", "text"]
FILE_EXTENSIONS: dict[str, str] = {"pptx": "pptx", "pdf": "pdf", "text": "txt"}
MEDIA_TYPES: dict[str, str] = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "text": "text/plain; charset=utf-8",
}


def render_report(report: MeetingReport, fmt: ReportFormat) -> bytes:
    """The report in one format, as the bytes of the file."""
    if fmt == "pptx":
        from .pptx import meeting_pptx

        return meeting_pptx(report)
    if fmt == "pdf":
        from .pdf import meeting_pdf

        return meeting_pdf(report)
    from .whatsapp import whatsapp_text

    return (whatsapp_text(report) + "\n").encode("utf-8")


def report_filename(report: MeetingReport, fmt: ReportFormat) -> str:
    """A descriptive file name, e.g. `rapat_kutorejo_rw03_2026-10.pptx`."""
    parts = ["rapat" if fmt == "pptx" else "laporan_bulanan", report.kelurahan_nama.lower().replace(" ", "-")]
    if report.rw:
        parts.append(f"rw{report.rw}")
    if report.rt:
        parts.append(f"rt{report.rt}")
    parts.append(report.month)
    return "_".join(parts) + "." + FILE_EXTENSIONS[fmt]
