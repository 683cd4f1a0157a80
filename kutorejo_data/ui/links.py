"""Links between pages that more than one page uses, so a target page is changed in one place."""

from __future__ import annotations

import streamlit as st

from ..config import PROJECT_ROOT
from ..i18n import t

# The Masalah page shows one report at `masalah?laporan=N`. Every file in pages/ is registered in app.py,
# so its presence is what tells whether the link can go there.
REPORT_DETAIL_PAGE = "pages/masalah.py"
OVERVIEW_PAGE = "pages/ringkasan.py"


def report_detail_available() -> bool:
    """True when the app has the page that shows one report with its history."""
    return (PROJECT_ROOT / REPORT_DETAIL_PAGE).is_file()


def render_report_link(nomor: int, lang: str) -> None:
    """A link to the report's detail page, or back to the overview while the app has no detail page."""
    if report_detail_available():
        st.page_link(REPORT_DETAIL_PAGE, label=t("link.report_detail", lang, nomor=nomor),
                     query_params={"laporan": str(nomor)}, icon=":material/open_in_new:")  # fmt: skip
    else:
        st.page_link(OVERVIEW_PAGE, label=t("link.overview", lang), icon=":material/dashboard:")
