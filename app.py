"""Entry point: page config, the frame (language, login gate, who is signed in, demo notice) and navigation.

Which pages a role sees is decided in kutorejo_data/access/permissions.py (the page registry); pages do the rest.
"""

import streamlit as st

from kutorejo_data.core.config import database_url, pinned_now
from kutorejo_data.core.formatting import fmt_datetime
from kutorejo_data.core.i18n import LANGUAGES, t
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import LANG_KEY, current_lang, engine_for
from kutorejo_data.ui.frame.login_page import require_account
from kutorejo_data.ui.frame.navigation import navigation, render_account

st.set_page_config(page_title="Dasbor Kutorejo", page_icon=":material/holiday_village:", layout="wide")

db_url = database_url()
engine_for(db_url)  # migrate before anything queries

with st.sidebar:
    st.selectbox(t("app.language", current_lang()), list(LANGUAGES), key=LANG_KEY, format_func=LANGUAGES.get)
lang = current_lang()
if (pinned := pinned_now()) is not None:
    st.sidebar.caption(":material/schedule: " + t("app.clock_pinned", lang, moment=fmt_datetime(pinned, lang)))

account = require_account(db_url, lang)  # the login page, and the end of this run, for a signed-out tab
page = navigation(account.role, lang)

render_account(account, db_url, lang)
with st.sidebar:
    st.caption(t("app.title", lang))
    _, is_demo = data.database_status(db_url)
    if is_demo:
        st.info(t("app.demo_notice", lang), icon=":material/info:")

page.run()
