"""`python -m kutorejo_data import-whatsapp FILE --rw 03`: reports from the complaints in a WhatsApp chat export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import Engine

from kutorejo_data.access.accounts import cli_actor
from kutorejo_data.core.filters import EVERYTHING
from kutorejo_data.core.formatting import fmt_datetime, fmt_int, fmt_percent
from kutorejo_data.core.i18n import t
from kutorejo_data.intake.chat_file import read_chat_export
from kutorejo_data.intake.chat_import import (
    Candidate,
    ChatOutcome,
    ChatTarget,
    Choice,
    candidates,
    category_for,
    save_chosen,
    title_of,
)
from kutorejo_data.intake.reading import ImportRefused
from kutorejo_data.intake.whatsapp_chat import ChatExport, ChatMessage
from kutorejo_data.records.options import active_category_names, kelurahan_options, rt_options, rw_options

from .args import UsageError, area_number, kelurahan_code

LANG = "id"


def _target(engine: Engine, args: argparse.Namespace) -> ChatTarget:
    """The area from the arguments, checked against the database; raises UsageError."""
    rw = area_number(args.rw, "--rw", 2)
    rt = area_number(args.rt, "--rt", 3)
    kode = kelurahan_code(args.kelurahan)
    with engine.connect() as conn:
        known = [option.kode for option in kelurahan_options(conn)]
        if kode is None:
            if len(known) != 1:
                raise UsageError(f"pilih kelurahan dengan --kelurahan (database berisi {len(known)} kelurahan)")
            kode = known[0]
        if kode not in known:
            raise UsageError(f"kelurahan {kode} belum ada di database")
        assert rw is not None  # --rw is required
        if rw not in {option.kode for option in rw_options(conn, kode)}:
            raise UsageError(f"RW {rw} tidak ada (atau tidak aktif) di kelurahan {kode}")
        if rt is not None and rt not in {option.kode for option in rt_options(conn, kode, rw)}:
            raise UsageError(f"RT {rt} tidak ada (atau tidak aktif) di RW {rw}")
    return ChatTarget(kode, rw, rt)


def _reason(fields: dict[str, str]) -> str:
    if fields.get("rt") == "wa.rt_missing":
        return "pesan ini tidak menyebut RT-nya: pakai --rt"
    return "; ".join(t(key, LANG).rstrip(".") for key in fields.values())


def _results(outcome: ChatOutcome | None) -> dict[str, tuple[str, int | None, str]]:
    """external_id → (result, report number, reason) of what was done with each chosen message."""
    if outcome is None:
        return {}
    results: dict[str, tuple[str, int | None, str]] = {}
    for candidate, number in outcome.created:
        results[candidate.key] = ("dibuat", number, "")
    for candidate, number in outcome.supported:
        results[candidate.key] = ("dukungan", number, "")
    for candidate, number in outcome.already:
        results[candidate.key] = ("sudah_ada", number, "")
    for candidate, fields in outcome.refused:
        results[candidate.key] = ("ditolak", None, _reason(fields))
    return results


def _print_text(found: list[Candidate], outcome: ChatOutcome | None, categories: dict[str, str]) -> None:
    """One line per complaint: when, where, the category guess, the title, and what was done."""
    results = _results(outcome)
    for candidate in (c for c in found if c.guess.is_complaint):
        result, number, reason = results.get(candidate.key, ("akan_dibuat", candidate.existing, ""))
        if candidate.existing is not None and result == "akan_dibuat":
            result = "sudah_ada"
        done = {
            "dibuat": t("wa.cli.created", LANG, nomor=number),
            "dukungan": t("wa.cli.supported", LANG, nomor=number),
            "sudah_ada": t("wa.cli.already", LANG, nomor=number),
            "ditolak": t("wa.cli.refused", LANG, alasan=reason),
            "akan_dibuat": t("wa.cli.would_create", LANG),
        }[result]
        category = category_for(candidate, categories)
        print(
            f"  {fmt_datetime(candidate.message.sent_at, LANG)}  RT {candidate.rt or '?'}  "
            f"{categories.get(category, category)} ({fmt_percent(candidate.guess.confidence, LANG)})  "
            f"{title_of(candidate.message.text)}  → {done}"
        )


def _media(message: ChatMessage, export: ChatExport) -> list[dict[str, object]]:
    return [
        {"berkas": media.file, "jenis": media.kind, "dalam_zip": media.file in export.media_files}
        for media in message.media
    ]


def _print_json(export: ChatExport, found: list[Candidate], outcome: ChatOutcome | None, dry_run: bool) -> None:
    """One JSON object per message (system lines are not messages), in the order of the chat."""
    by_line = {candidate.message.line: candidate for candidate in found}
    results = _results(outcome)
    for message in export.messages:
        candidate = by_line.get(message.line)
        complaint = bool(candidate and candidate.guess.is_complaint)
        row: dict[str, object] = {
            "baris": message.line,
            "waktu": message.sent_at.isoformat(),
            "pengirim": message.sender,
            "teks": message.text,
            "keluhan": complaint,
            "kategori": candidate.guess.category if candidate and complaint else None,
            "yakin": candidate.guess.confidence if candidate and complaint else 0.0,
            "rt": candidate.rt if candidate else None,
            "media": _media(message, export),
            "dihapus": message.deleted,
            "diedit": message.edited,
            "laporan": None,
            "hasil": None,
        }
        if candidate is not None:
            default: tuple[str | None, int | None, str] = (None, None, "")
            if candidate.existing is not None:
                default = ("sudah_ada", candidate.existing, "")
            if dry_run and candidate.guess.is_complaint and candidate.existing is None:
                default = ("akan_dibuat", None, "")
            result, number, reason = results.get(candidate.key, default)
            row.update({"laporan": number, "hasil": result})
            if reason:
                row["alasan"] = reason
        print(json.dumps(row, ensure_ascii=False))


def _print_header(export: ChatExport, path: Path, output_format: str) -> None:
    """What the file held and how its dates were read (to stderr under --format json: stdout is the data)."""
    stream = sys.stderr if output_format == "json" else sys.stdout
    print(
        t(
            "wa.cli.file",
            LANG,
            nama=path.name,
            jumlah=fmt_int(len(export.messages), LANG),
            platform="iOS" if export.platform == "ios" else "Android",
            sistem=fmt_int(export.system_lines, LANG),
        ),
        file=stream,
    )
    order = t(f"chat.order.{export.date_order}", LANG)
    print(t("wa.order", LANG, urutan=order, alasan=t(export.order_reason, LANG, **export.order_values)), file=stream)
    if export.unreadable:
        lines = ", ".join(t("wa.unreadable_line", LANG, baris=u.line, tertulis=u.written) for u in export.unreadable)
        print(t("wa.unreadable", LANG, jumlah=fmt_int(len(export.unreadable), LANG), daftar=lines), file=stream)


def run_whatsapp_command(engine: Engine, args: argparse.Namespace) -> int:
    """`import-whatsapp`: exit 0 when done, 1 when the file is refused or every complaint was refused, 2 on usage."""
    path = Path(args.file)
    try:
        target = _target(engine, args)
        if not path.is_file():
            raise UsageError(f"berkas tidak ditemukan: {path}")
    except UsageError as error:
        print(f"import-whatsapp: {error}", file=sys.stderr)
        return 2
    try:
        export = read_chat_export(path)
    except ImportRefused as refused:
        print(f"import-whatsapp: {t(refused.key, LANG, **refused.values)}", file=sys.stderr)
        return 1
    with engine.connect() as conn:
        found = candidates(conn, export, target, EVERYTHING)
        categories = active_category_names(conn)
    complaints = [c for c in found if c.guess.is_complaint]
    outcome = None
    if not args.dry_run:
        chosen = [Choice(c, category_for(c, categories), c.rt) for c in complaints]
        outcome = save_chosen(engine, chosen, target, actor=cli_actor(), scope=EVERYTHING)
    _print_header(export, path, args.format)
    if args.format == "json":
        _print_json(export, found, outcome, args.dry_run)
    else:
        _print_text(found, outcome, categories)
    summary_stream = sys.stderr if args.format == "json" else sys.stdout
    already = sum(1 for c in complaints if c.existing is not None)
    print(
        t(
            "wa.cli.summary",
            LANG,
            keluhan=fmt_int(len(complaints), LANG),
            pesan=fmt_int(len(export.messages), LANG),
            dibuat=fmt_int(len(outcome.created) if outcome else 0, LANG),
            dukungan=fmt_int(len(outcome.supported) if outcome else 0, LANG),
            sudah=fmt_int(len(outcome.already) if outcome else already, LANG),
            ditolak=fmt_int(len(outcome.refused) if outcome else 0, LANG),
        ),
        file=summary_stream,
    )
    if args.dry_run:
        print(t("wa.cli.dry_run", LANG), file=summary_stream)
    every_one_refused = outcome is not None and outcome.refused and not outcome.created and not outcome.already
    return 1 if every_one_refused else 0
