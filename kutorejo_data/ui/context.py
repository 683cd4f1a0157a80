"""Per-run context of the app: database, language, the reader's scope, and the current time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import streamlit as st
from sqlalchemy import Engine
from streamlit.runtime.pages_manager import PagesManager

from ..config import database_url, now_local
from ..db import make_engine
from ..filters import EVERYTHING, Scope
from ..i18n import DEFAULT_LANG, LANGUAGES
from ..migrate import migrate

LANG_KEY = "app_lang"
FRAME_CHECKED_KEY = "app_frame_checked"
# Who the status history names until accounts arrive; then the signed-in user's name goes here.
ANONYMOUS_ACTOR = "pengguna aplikasi"


@dataclass(frozen=True)
class AppContext:
    """What every page needs to know to query and to render."""

    db_url: str
    lang: str
    scope: Scope
    now: datetime
    actor: str = ANONYMOUS_ACTOR

    @property
    def may_see_personal_data(self) -> bool:
        """Reporter names and phones stay hidden until accounts say who may see them (UU PDP)."""
        return False

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


def current_lang() -> str:
    """The language chosen in the frame (Bahasa Indonesia until the reader picks another)."""
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return lang if lang in LANGUAGES else DEFAULT_LANG


def _run_through_the_frame() -> None:
    """Make a deep link right after server start go through app.py.

    Streamlit treats an app with a `pages/` folder as a v1 multipage app until app.py first calls
    st.navigation; a first request for `/masalah` would run the page file alone (no frame, no language,
    default layout). Switching the flag and rerunning once per session makes app.py route that request.
    (Streamlit's AppTest resets the flag before every run; once per session keeps its button clicks intact.)
    """
    if PagesManager.uses_pages_directory and not st.session_state.get(FRAME_CHECKED_KEY):
        st.session_state[FRAME_CHECKED_KEY] = True
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_context() -> AppContext:
    """The context for this run; everyone sees the whole database until accounts arrive."""
    _run_through_the_frame()
    return AppContext(db_url=database_url(), lang=current_lang(), scope=EVERYTHING, now=now_local())
