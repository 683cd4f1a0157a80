"""Per-run context of the app: database, language, the reader's scope, and the current time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import streamlit as st
from sqlalchemy import Engine

from ..config import database_url, now_local
from ..db import make_engine
from ..filters import EVERYTHING, Scope
from ..i18n import DEFAULT_LANG, LANGUAGES
from ..migrate import migrate

LANG_KEY = "app_lang"
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


def current_context() -> AppContext:
    """The context for this run; everyone sees the whole database until accounts arrive."""
    return AppContext(db_url=database_url(), lang=current_lang(), scope=EVERYTHING, now=now_local())
