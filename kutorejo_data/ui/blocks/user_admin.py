"""Account management for admins: the list, a new account, and changing, locking out or re-enabling one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from kutorejo_data.access import account_admin, permissions
from kutorejo_data.access.account_admin import AccountDraft
from kutorejo_data.access.accounts import normalise_username
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.formatting import fmt_datetime
from kutorejo_data.core.i18n import t
from kutorejo_data.core.phones import display_phone
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for

ALL = ""
_OUTCOME_KEY = "pengguna_outcome"


def _area_text(rw: object, rt: object, kelurahan: object, lang: str) -> str:
    """An account's area from its table row (missing values arrive as NaN, hence the type checks)."""
    if isinstance(rt, str):
        return f"RT {rt} / RW {rw}"
    if isinstance(rw, str):
        return f"RW {rw}"
    return kelurahan if isinstance(kelurahan, str) else t("account.everywhere", lang)


def when_text(value: Any, lang: str) -> str:
    """A timestamp from a DataFrame cell, or an em dash for none."""
    return "—" if value is None or pd.isna(value) else fmt_datetime(value, lang)


def render_account_list(ctx: AppContext) -> pd.DataFrame:
    """Every account with its role, area, state and last login; returns the raw list for the other blocks."""
    lang = ctx.lang
    with engine_for(ctx.db_url).connect() as conn:
        frame = account_admin.list_accounts(conn)
    locked = [value is not None and not pd.isna(value) and value > ctx.now for value in frame["terkunci_sampai"]]
    table = pd.DataFrame(
        {
            t("user.username", lang): frame["username"],
            t("user.nama", lang): frame["nama"],
            t("user.telepon", lang): [display_phone(n) if isinstance(n, str) else "—" for n in frame["telepon"]],
            t("user.role", lang): [t(f"role.{r}", lang) for r in frame["role"]],
            t("user.area", lang): [
                _area_text(w, r, k, lang) for w, r, k in zip(frame["rw"], frame["rt"], frame["kelurahan"], strict=True)
            ],
            t("user.state", lang): [
                t("user.locked", lang) if lock else t("user.active" if active else "user.inactive", lang)
                for lock, active in zip(locked, frame["aktif"], strict=True)
            ],
            t("user.last_login", lang): [when_text(v, lang) for v in frame["last_login_at"]],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    return frame


def _run(ctx: AppContext, action: Callable[[], str | None], success: str, clear: tuple[str, ...] = ()) -> None:
    """Button callback: do one write, remember its outcome (the action may word it) and clear typed passwords."""
    try:
        worded = action()
    except ValidationError as error:
        st.session_state[_OUTCOME_KEY] = ("error", " ".join(t(key, ctx.lang) for key in error.fields.values()))
    except ServiceError as error:
        st.session_state[_OUTCOME_KEY] = ("error", t(error.key, ctx.lang, **error.values))
    else:
        st.session_state[_OUTCOME_KEY] = ("success", worded or success)
    for key in clear:
        st.session_state[key] = ""


def render_outcome() -> None:
    """The result of the last account change, shown once."""
    outcome = st.session_state.pop(_OUTCOME_KEY, None)
    if outcome is not None:
        kind, message = outcome
        (st.success if kind == "success" else st.error)(message)


def _area_pickers(ctx: AppContext, prefix: str, role: str) -> None:
    """RW and RT pickers (keys `<prefix>_rw`, `<prefix>_rt`), shown only for the roles that have one."""
    if role not in permissions.AREA_ROLES:
        return
    kelurahan = data.kelurahan_options(ctx.db_url, ctx.scope)
    if not kelurahan:
        return
    kode = kelurahan[0].kode
    rws = [o.kode for o in data.rw_options(ctx.db_url, kode, ctx.scope)]
    left, right = st.columns(2)
    rw = left.selectbox(t("filter.rw", ctx.lang), rws, key=f"{prefix}_rw", format_func=lambda v: f"RW {v}")
    if role == permissions.KETUA_RT and rw is not None:
        rts = [o.kode for o in data.rt_options(ctx.db_url, kode, rw, ctx.scope)]
        right.selectbox(t("filter.rt", ctx.lang), rts, key=f"{prefix}_rt", format_func=lambda v: f"RT {v}")


def _draft(ctx: AppContext, prefix: str, username: str) -> AccountDraft:
    """The account as the form at `prefix` describes it now (read in a callback, after the last keystroke)."""
    state = st.session_state
    role = state[f"{prefix}_role"]
    # Accounts belong to the admin's own kelurahan; only an admin of every area makes accounts for every area.
    return AccountDraft(
        username,
        role,
        state.get(f"{prefix}_nama", ""),
        ctx.scope.kelurahan_kode,
        state.get(f"{prefix}_rw") if role in permissions.AREA_ROLES else None,
        state.get(f"{prefix}_rt") if role == permissions.KETUA_RT else None,
        state.get(f"{prefix}_telepon", ""),
    )


def _phone_field(prefix: str, lang: str) -> None:
    st.text_input(
        t("user.telepon", lang),
        key=f"{prefix}_telepon",
        max_chars=30,
        placeholder="0812-3456-7890",
        help=t("user.telepon_help", lang),
    )


def _passwords(prefix: str) -> str:
    """The new password typed twice at `prefix`; a mismatch is a field error."""
    password, again = st.session_state.get(f"{prefix}_sandi", ""), st.session_state.get(f"{prefix}_sandi2", "")
    if password != again:
        raise ValidationError({"password": "error.password_mismatch"})
    return password


def _password_fields(prefix: str, lang: str) -> None:
    left, right = st.columns(2)
    left.text_input(t("login.password", lang), type="password", key=f"{prefix}_sandi", autocomplete="new-password")
    right.text_input(
        t("user.password_again", lang), type="password", key=f"{prefix}_sandi2", autocomplete="new-password"
    )


def render_new_account(ctx: AppContext) -> None:
    """Create an account: username, name, role, area, and an initial password typed twice."""
    lang, prefix = ctx.lang, "pengguna_baru"
    left, right = st.columns(2)
    left.text_input(t("user.username", lang), key=f"{prefix}_username", max_chars=64)
    right.text_input(t("user.nama", lang), key=f"{prefix}_nama", max_chars=100)
    _phone_field(prefix, lang)
    role = st.selectbox(
        t("user.role", lang), permissions.ROLES, key=f"{prefix}_role", format_func=lambda r: t(f"role.{r}", lang)
    )
    _area_pickers(ctx, prefix, role)
    _password_fields(prefix, lang)

    def create() -> str:
        username = normalise_username(st.session_state.get(f"{prefix}_username", ""))
        account_admin.create_user(
            engine_for(ctx.db_url), _draft(ctx, prefix, username), _passwords(prefix), actor=ctx.actor
        )
        return t("user.created", lang, username=username)

    st.button(
        t("user.create", lang),
        key=f"{prefix}_simpan",
        type="primary",
        icon=":material/person_add:",
        on_click=_run,
        args=(ctx, create, t("user.saved", lang)),
        kwargs={"clear": (f"{prefix}_sandi", f"{prefix}_sandi2")},
    )


def render_manage_account(ctx: AppContext, frame: pd.DataFrame) -> None:
    """Change one account: name, role and area; a new password; lock-out; deactivate or reactivate."""
    lang = ctx.lang
    chosen = st.selectbox(
        t("user.choose", lang),
        [ALL, *frame["username"]],
        key="pengguna_pilih",
        format_func=lambda u: u or t("user.choose_placeholder", lang),
    )
    if not chosen:
        return
    row = frame[frame["username"] == chosen].iloc[0]
    engine, prefix = engine_for(ctx.db_url), f"pengguna_ubah_{chosen}"
    state = st.session_state
    state.setdefault(f"{prefix}_nama", row["nama"])
    state.setdefault(f"{prefix}_telepon", display_phone(row["telepon"]) if isinstance(row["telepon"], str) else "")
    state.setdefault(f"{prefix}_role", row["role"])
    for part in ("rw", "rt"):
        if isinstance(row[part], str):  # NaN when the account has none
            state.setdefault(f"{prefix}_{part}", row[part])
    active = bool(row["aktif"])

    def save() -> None:
        account_admin.update_user(engine, _draft(ctx, prefix, chosen), actor=ctx.actor)

    def change_password() -> None:
        account_admin.set_password(engine, chosen, _passwords(prefix), actor=ctx.actor)

    def toggle_active() -> str | None:
        handed_on = account_admin.set_active(engine, chosen, not active, actor=ctx.actor)
        if not handed_on:
            return None
        return t(
            "user.deactivated_handed_on",
            lang,
            username=chosen,
            n=sum(handed_on.values()),
            daftar=", ".join(f"{n} → {who or t('assignment.nobody', lang)}" for who, n in handed_on.items()),
        )

    def unlock() -> None:
        account_admin.unlock(engine, chosen, actor=ctx.actor)

    with st.container(border=True):
        st.markdown(f"**{t('user.edit', lang)}**")
        st.text_input(t("user.nama", lang), key=f"{prefix}_nama", max_chars=100)
        _phone_field(prefix, lang)
        role = st.selectbox(
            t("user.role", lang), permissions.ROLES, key=f"{prefix}_role", format_func=lambda r: t(f"role.{r}", lang)
        )
        _area_pickers(ctx, prefix, role)
        st.button(t("user.save", lang), key=f"{prefix}_simpan", on_click=_run, args=(ctx, save, t("user.saved", lang)))
    with st.container(border=True):
        st.markdown(f"**{t('user.new_password', lang)}**")
        _password_fields(prefix, lang)
        st.button(
            t("user.set_password", lang),
            key=f"{prefix}_sandi_simpan",
            on_click=_run,
            args=(ctx, change_password, t("user.password_set", lang, username=chosen)),
            kwargs={"clear": (f"{prefix}_sandi", f"{prefix}_sandi2")},
        )
    left, right = st.columns(2)
    left.button(
        t("user.deactivate" if active else "user.activate", lang),
        key=f"{prefix}_aktif",
        icon=":material/person_off:" if active else ":material/person_check:",
        on_click=_run,
        args=(ctx, toggle_active, t("user.deactivated" if active else "user.activated", lang, username=chosen)),
    )
    locked_until = row["terkunci_sampai"]
    if locked_until is not None and not pd.isna(locked_until) and locked_until > ctx.now:
        right.button(
            t("user.unlock", lang),
            key=f"{prefix}_buka",
            icon=":material/lock_open:",
            on_click=_run,
            args=(ctx, unlock, t("user.unlocked", lang, username=chosen)),
        )
