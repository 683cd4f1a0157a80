"""`create-user`, `set-password` and `deactivate-user`: accounts from the command line (the first admin, too).

Passwords are asked twice at a terminal, or read from the first line of standard input when it is not one
(`printf '%s\\n' "$PW" | python -m kutorejo_data set-password budi`); never from the command line, where
they would end up in the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TextIO

from sqlalchemy import Engine

from kutorejo_data.access import permissions
from kutorejo_data.access.account_admin import AccountDraft, create_user, set_active, set_password
from kutorejo_data.access.accounts import cli_actor
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.i18n import DEFAULT_LANG, t


def add_user_commands(sub: argparse._SubParsersAction) -> None:
    """Register the three account commands on the CLI's sub-command parser."""
    create = sub.add_parser("create-user", help="create an account (password asked, or read from stdin)")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=permissions.ROLES)
    create.add_argument("--nama", default="", help="display name, e.g. 'Budi Santoso'")
    create.add_argument("--kelurahan", help="Kemendagri code (default: the only kelurahan in the database)")
    create.add_argument("--rw", help="RW number, for ketua_rw and ketua_rt")
    create.add_argument("--rt", help="RT number, for ketua_rt")
    password = sub.add_parser("set-password", help="give an account a new password (signs it out everywhere)")
    password.add_argument("username")
    deactivate = sub.add_parser("deactivate-user", help="deactivate an account (it can no longer sign in)")
    deactivate.add_argument("username")


def read_new_password(stdin: TextIO | None = None) -> str:
    """The new password: typed twice without echo at a terminal, else the first line of standard input."""
    stdin = stdin or sys.stdin
    if not stdin.isatty():
        return stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi baru: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise ValidationError({"password": "error.password_mismatch"})
    return first


def _message(error: ServiceError) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{field}: {t(key)}" for field, key in error.fields.items())
    return t(error.key, DEFAULT_LANG, **error.values)


def run_user_command(engine: Engine, args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    """Run one account command; 0 on success, 1 with the reason on stderr."""
    try:
        if args.command == "create-user":
            draft = AccountDraft(args.username, args.role, args.nama, args.kelurahan, args.rw, args.rt)
            create_user(engine, draft, read_new_password(stdin), actor=cli_actor())
            print(f"Akun '{draft.username.strip().lower()}' ({args.role}) dibuat.")
        elif args.command == "set-password":
            set_password(engine, args.username, read_new_password(stdin), actor=cli_actor())
            print(f"Kata sandi '{args.username}' diganti; semua sesinya diakhiri.")
        else:
            handed_on = set_active(engine, args.username, False, actor=cli_actor())
            print(f"Akun '{args.username}' dinonaktifkan; semua sesinya diakhiri.")
            for who, count in handed_on.items():
                print(f"  {count} laporan terbuka dialihkan ke {who or '(belum ada yang bisa menerima)'}")
    except ServiceError as error:
        print(f"Gagal: {_message(error)}", file=sys.stderr)
        return 1
    return 0
