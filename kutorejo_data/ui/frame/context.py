"""Per-run context of the app: database, language, the signed-in user (their scope and rights), and the time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import streamlit as st
from sqlalchemy import Engine
from streamlit.runtime.pages_manager import PagesManager

from kutorejo_data.access import permissions
from kutorejo_data.access.accounts import Account
from kutorejo_data.core.config import database_url, now_local
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.i18n import DEFAULT_LANG, LANGUAGES
from kutorejo_data.meeting.daily import run_daily_if_due
from kutorejo_data.store.migrate import migrate

LANG_KEY = "app_lang"
# Set by the frame (app.py) on every run: who is signed in, and which page of the registry is running.
ACCOUNT_KEY = "auth_account"
PAGE_KEY = "auth_page"


@dataclass(frozen=True)
class AppContext:
    """What every page needs to know to query, to write and to render."""

    db_url: str
    lang: str
    account: Account
    now: datetime
    page: str | None = None  # the registry slug of the running page

    @property
    def scope(self) -> Scope:
        """The area the user may read and write: pass it to every query and service."""
        return self.account.scope

    @property
    def actor(self) -> str:
        """How writes name the user (status history `changed_by`, audit log `actor`)."""
        return self.account.actor

    @property
    def role(self) -> str:
        """The user's role (see kutorejo_data.access.permissions)."""
        return self.account.role

    @property
    def may_see_personal_data(self) -> bool:
        """Reporter names and phones (UU PDP): the office and the heads of the area, never a guest."""
        return permissions.may_see_personal_data(self.role)

    @property
    def may_see_reports(self) -> bool:
        """Single reports (rows, titles, details) may be shown; a guest sees aggregates only."""
        return permissions.may_see_reports(self.role)

    @property
    def may_write(self) -> bool:
        """The user may save changes on the running page (the services still check the area)."""
        return self.page is not None and permissions.may_write(self.role, self.page)

    @property
    def today(self) -> date:
        """Today's date in WIB."""
        return self.now.date()


@st.cache_resource(show_spinner=False)
def engine_for(db_url: str) -> Engine:
    """One engine per database URL per process, migrated to the current schema on first use."""
    engine = make_engine(db_url)
    migrate(engine)
    return engine


def open_database() -> str:
    """The configured database's URL, migrated to the current schema before anything queries it; the escalation
    job runs when nobody has run it in the last hour (a kelurahan without cron still escalates)."""
    url = database_url()
    engine_for(url)
    _run_daily_job_if_due(url)
    return url


# How often one app process looks whether the daily job is due (a cheap read, but not on every click).
_TICK_LOOK_EVERY = timedelta(minutes=5)
_last_look: dict[str, datetime] = {}


def _run_daily_job_if_due(db_url: str) -> None:
    now = now_local()
    last = _last_look.get(db_url)
    if last is not None and timedelta(0) <= now - last < _TICK_LOOK_EVERY:
        return
    _last_look[db_url] = now
    result = run_daily_if_due(engine_for(db_url), now=now)
    if result is not None and (result.escalated or result.assigned or result.reminders or result.digests):
        st.cache_data.clear()  # what every page shows has just moved


def current_lang() -> str:
    """The language chosen in the frame (Bahasa Indonesia until the reader picks another)."""
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return lang if lang in LANGUAGES else DEFAULT_LANG


def _run_through_the_frame() -> None:
    """Make a deep link right after server start go through app.py.

    Streamlit treats an app with a `pages/` folder as a v1 multipage app until app.py first calls
    st.navigation; a first request for `/masalah` would run the page file alone (no frame, no login gate,
    default layout). Switching the flag and rerunning makes app.py route that request like any other.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


@dataclass(frozen=True)
class PublicContext:
    """What the public page (no sign-in) needs: the database, the language and the moment."""

    db_url: str
    lang: str
    now: datetime


def public_context() -> PublicContext:
    """The context of a page anyone may open: no account, nothing of one."""
    _run_through_the_frame()
    return PublicContext(db_url=database_url(), lang=current_lang(), now=now_local())


def current_context() -> AppContext:
    """The context for this run; a page run without a signed-in user (no frame) stops here."""
    _run_through_the_frame()
    account = st.session_state.get(ACCOUNT_KEY)
    if not isinstance(account, Account):
        st.stop()
    return AppContext(
        db_url=database_url(),
        lang=current_lang(),
        account=account,
        now=now_local(),
        page=st.session_state.get(PAGE_KEY),
    )
