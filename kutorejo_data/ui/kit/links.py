"""Links between pages that more than one page uses, so a target page is changed in one place."""

from __future__ import annotations

import streamlit as st

from kutorejo_data.core.i18n import DEFAULT_LANG, t

# The Masalah page shows one report at `masalah?laporan=N`.
REPORT_DETAIL_PAGE = "pages/masalah.py"


def language_params(lang: str) -> dict[str, str]:
    """The query parameter that carries the language to another page or tab (none for the default)."""
    return {} if lang == DEFAULT_LANG else {"lang": lang}


def report_link(nomor: int, lang: str = DEFAULT_LANG) -> str:
    """The URL of a report's detail on the Masalah page (shareable; in the reader's language)."""
    return f"masalah?laporan={nomor}" + "".join(f"&{key}={value}" for key, value in language_params(lang).items())


def public_path(kode: str) -> str:
    """The URL of a report's public status page (the only page without sign-in), by its tracking code."""
    return f"cek?kode={kode}"


def render_report_link(nomor: int, lang: str) -> None:
    """A link to the report's detail page."""
    st.page_link(
        REPORT_DETAIL_PAGE,
        label=t("link.report_detail", lang, nomor=nomor),
        query_params={"laporan": str(nomor), **language_params(lang)},
        icon=":material/open_in_new:",
    )
