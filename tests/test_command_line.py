"""The command line at its edges: `-o` wherever a file is written, and a reader that stops early ends it quietly."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kutorejo_data.cli.main import EXIT_BROKEN_PIPE, _build_parser, main

ROOT = Path(__file__).resolve().parent.parent


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_that_writes_a_file_takes_o_for_output() -> None:
    writers = {
        name: {tuple(a.option_strings) for a in sub._actions}
        for name, sub in _subcommands().items()
        if any("--output" in a.option_strings for a in sub._actions)
    }
    assert set(writers) == {"export", "report", "musrenbang"}
    assert all(("-o", "--output") in options for options in writers.values())


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["export", "--format", "csv"], b"No. laporan"),
        (["report", "--format", "pdf", "--bulan", "2026-10"], b"%PDF"),
        (["musrenbang", "--tahun", "2027", "--rw", "03"], b"PK\x03\x04"),
    ],
)
def test_o_writes_the_file(tmp_path: Path, demo_db_url: str, args: list[str], start: bytes) -> None:
    target = tmp_path / "keluar"
    assert main(["--database-url", demo_db_url, *args, "-o", str(target)]) == 0
    assert target.read_bytes().lstrip(b"\xef\xbb\xbf").startswith(start)


@pytest.mark.parametrize(
    "command",
    ["export --format csv", "export --format open311", "report --format text --bulan 2026-10"],
)
def test_a_reader_that_stops_early_ends_the_command_quietly_with_141(demo_db_url: str, command: str) -> None:
    pipeline = (
        f"{sys.executable} -m kutorejo_data --database-url '{demo_db_url}' {command} | head -c 20 >/dev/null; "
        'echo "status=${PIPESTATUS[0]}" >&2'
    )
    if command.startswith("report"):  # a short text fits the pipe's buffer: the reader must be gone before it
        pipeline = pipeline.replace("| head -c 20", "| (exec 0<&-)")
    done = subprocess.run(
        ["bash", "-c", pipeline], cwd=ROOT, env={**os.environ}, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
    assert f"status={EXIT_BROKEN_PIPE}" in done.stderr, done.stderr
