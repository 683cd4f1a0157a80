"""Entry point: page config, the frame (language, demo notice) and navigation. Pages do the rest."""

import streamlit as st

from kutorejo_data.i18n import LANGUAGES, t
from kutorejo_data.ui import data
from kutorejo_data.ui.context import LANG_KEY, current_context, engine_for

st.set_page_config(page_title="Dasbor Kutorejo", page_icon=":material/holiday_village:", layout="wide")

ctx = current_context()
engine_for(ctx.db_url)  # migrate before any page queries

with st.sidebar:
    st.selectbox(t("app.language", ctx.lang), list(LANGUAGES), key=LANG_KEY, format_func=LANGUAGES.get)
lang = st.session_state.get(LANG_KEY, ctx.lang)


def page(path: str, key: str, icon: str, **kwargs: object) -> st.Page:
    """A page whose title follows the language and whose URL is its Indonesian slug."""
    return st.Page(path, title=t(f"nav.{key}", lang), icon=f":material/{icon}:", url_path=key, **kwargs)


navigation = st.navigation(
    [
        page("pages/ringkasan.py", "ringkasan", "dashboard", default=True),
        page("pages/masalah.py", "masalah", "list_alt"),
        page("pages/penyelesaian.py", "penyelesaian", "timer"),
        page("pages/partisipasi.py", "partisipasi", "groups"),
        page("pages/kapasitas.py", "kapasitas", "military_tech"),
        page("pages/wilayah.py", "wilayah", "grid_view"),
        page("pages/lapor.py", "lapor", "edit_note"),
        page("pages/kegiatan.py", "kegiatan", "event"),
        page("pages/impor_ekspor.py", "impor_ekspor", "upload_file"),
        page("pages/pengaturan.py", "pengaturan", "settings"),
        page("pages/presentasi.py", "presentasi", "co_present"),
    ]
)

with st.sidebar:
    st.caption(t("app.title", lang))
    _, is_demo = data.database_status(ctx.db_url)
    if is_demo:
        st.info(t("app.demo_notice", lang), icon=":material/info:")

navigation.run()
