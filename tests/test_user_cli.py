"""`create-user`, `set-password`, `deactivate-user`: passwords from a prompt or stdin, never from the command line."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from kutorejo_data.access.accounts import authenticate
from kutorejo_data.cli.main import main
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import AuditLog, Pengguna
from tests.factories import add_area


@pytest.fixture
def db_url(fresh_db_url: str) -> str:
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        add_area(conn, rw="03", rt="002")
    engine.dispose()
    return fresh_db_url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def run(monkeypatch: pytest.MonkeyPatch, db_url: str, stdin: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))  # a pipe, not a terminal
    return main(["--database-url", db_url, *args])


def test_create_user_reads_the_password_from_stdin_and_stores_a_hash(monkeypatch, db_url, engine: Engine, capsys):
    assert (
        run(
            monkeypatch,
            db_url,
            "rahasia-rt-2026\n",
            "create-user",
            "RT03-002",
            "--role",
            "ketua_rt",
            "--rw",
            "3",
            "--rt",
            "2",
            "--nama",
            "Budi Santoso",
        )
        == 0
    )
    assert "rt03-002" in capsys.readouterr().out
    account = authenticate(engine, "rt03-002", "rahasia-rt-2026")
    assert account is not None and (account.role, account.rw, account.rt, account.nama) == (
        "ketua_rt",
        "03",
        "002",
        "Budi Santoso",
    )
    with engine.connect() as conn:
        stored = conn.execute(select(Pengguna.password_hash)).scalar_one()
        actor, action = conn.execute(select(AuditLog.actor, AuditLog.action)).one()
    assert stored.startswith("$argon2id$") and "rahasia" not in stored
    assert actor.startswith("cli") and action == "create"


def test_an_account_gets_the_only_kelurahan_of_the_database(monkeypatch, db_url, engine: Engine) -> None:
    assert run(monkeypatch, db_url, "rahasia-lurah\n", "create-user", "lurah", "--role", "lurah") == 0
    assert authenticate(engine, "lurah", "rahasia-lurah").kelurahan_kode == "35.14.11.1006"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create-user", "rw", "--role", "ketua_rw", "--rw", "09"], "Wilayah itu tidak ada"),
        (["create-user", "rt", "--role", "ketua_rt", "--rw", "03"], "Ketua RT perlu RW dan RT"),
        (["create-user", "x", "--role", "lurah"], "Nama pengguna 3–64"),
        (["create-user", "staf", "--role", "staf", "--rt", "002"], "Hanya ketua RW dan ketua RT"),
    ],
)
def test_invalid_accounts_are_refused_with_the_reason(monkeypatch, db_url, capsys, args, message) -> None:
    assert run(monkeypatch, db_url, "rahasia-panjang\n", *args) == 1
    assert message in capsys.readouterr().err


def test_a_short_password_or_a_taken_username_is_refused(monkeypatch, db_url, capsys) -> None:
    assert run(monkeypatch, db_url, "pendek\n", "create-user", "lurah", "--role", "lurah") == 1
    assert "minimal 8 karakter" in capsys.readouterr().err
    assert run(monkeypatch, db_url, "rahasia-lurah\n", "create-user", "lurah", "--role", "lurah") == 0
    assert run(monkeypatch, db_url, "rahasia-lain\n", "create-user", "LURAH", "--role", "staf") == 1
    assert "sudah dipakai" in capsys.readouterr().err


def test_set_password_replaces_the_old_one(monkeypatch, db_url, engine: Engine) -> None:
    run(monkeypatch, db_url, "sandi-lama-123\n", "create-user", "lurah", "--role", "lurah")
    assert run(monkeypatch, db_url, "sandi-baru-456\n", "set-password", "lurah") == 0
    assert authenticate(engine, "lurah", "sandi-lama-123") is None
    assert authenticate(engine, "lurah", "sandi-baru-456") is not None


def test_deactivate_user_stops_the_sign_in(monkeypatch, db_url, engine: Engine, capsys) -> None:
    run(monkeypatch, db_url, "sandi-lurah-1\n", "create-user", "lurah", "--role", "lurah")
    run(monkeypatch, db_url, "sandi-admin-1\n", "create-user", "admin", "--role", "admin")
    assert run(monkeypatch, db_url, "", "deactivate-user", "lurah") == 0
    assert authenticate(engine, "lurah", "sandi-lurah-1") is None
    assert run(monkeypatch, db_url, "", "deactivate-user", "admin") == 1  # the last active admin stays
    assert "satu admin aktif" in capsys.readouterr().err
    assert run(monkeypatch, db_url, "", "deactivate-user", "siapa") == 1


def test_there_is_no_way_to_put_a_password_on_the_command_line(monkeypatch, db_url) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(monkeypatch, db_url, "", "create-user", "lurah", "--role", "lurah", "--password", "rahasia-lurah")
    assert exit_.value.code == 2


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_at_a_terminal_the_password_is_asked_twice_without_echo(monkeypatch, db_url, engine: Engine, capsys) -> None:
    answers = iter(["sandi-terminal-1", "sandi-terminal-1", "satu-sandi-1", "sandi-lain-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin", Terminal())
    assert main(["--database-url", db_url, "create-user", "lurah", "--role", "lurah"]) == 0
    assert authenticate(engine, "lurah", "sandi-terminal-1") is not None
    assert main(["--database-url", db_url, "set-password", "lurah"]) == 1
    assert "tidak sama" in capsys.readouterr().err
