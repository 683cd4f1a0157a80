"""Entry point: page config, the frame (language, login gate, who is signed in, demo notice) and navigation.

Which pages a role sees is decided in kutorejo_data/access/permissions.py (the page registry); pages do the rest.
"""

import streamlit as st

from kutorejo_data.ui.frame.auth import signed_in_account
from kutorejo_data.ui.frame.context import open_database
from kutorejo_data.ui.frame.language import link_language_notices
from kutorejo_data.ui.frame.link_notices import render_notices
from kutorejo_data.ui.frame.login_page import require_account
from kutorejo_data.ui.frame.navigation import menu_counts, navigation
from kutorejo_data.ui.frame.sidebar import render_account, render_footer, render_language_picker

st.set_page_config(page_title="Dasbor Kutorejo", page_icon=":material/holiday_village:", layout="wide")

db_url = open_database()
account = signed_in_account(db_url)
lang = render_language_picker(db_url, account)
render_notices(link_language_notices(), lang)
account = require_account(db_url, lang, account)  # the login page, and the end of this run, for a signed-out tab
page = navigation(account.role, lang, menu_counts(db_url, account))
render_account(account, db_url, lang)
render_footer(db_url, lang)
page.run()
