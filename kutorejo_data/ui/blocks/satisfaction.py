"""Penyelesaian, residents' answers: the share of resolutions confirmed and reopened by their reporters, and the
satisfaction index, for the selection and per area and category."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.analytics.metrics import DIBUKA_KEMBALI_PELAPOR, DIKONFIRMASI_WARGA, IKM_WARGA, MIN_RATINGS_FOR_IKM
from kutorejo_data.analytics.satisfaction import Satisfaction
from kutorejo_data.core.formatting import fmt_int, fmt_share
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.ui.kit.cards import clean, render_value_cards

SHOWN = (DIKONFIRMASI_WARGA, DIBUKA_KEMBALI_PELAPOR, IKM_WARGA)


def _index(value: float | None, rated: int, lang: str) -> str:
    if value is None:
        return t("kepuasan.too_few", lang, n=fmt_int(rated, lang), min=MIN_RATINGS_FOR_IKM)
    return t("kepuasan.index", lang, nilai=fmt_int(round(value), lang), n=fmt_int(rated, lang))


def satisfaction_table(frame: pd.DataFrame, group: str, lang: str, names: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per area or category: resolutions, confirmed, reopened, and the index with its number of ratings."""
    labels = (
        [category_label(g, (names or {}).get(g, g), lang) for g in frame["grup"]]
        if group == "kategori"
        else list(frame["grup"])
    )
    return pd.DataFrame(
        {
            t(f"col.grup_{group}", lang): labels,
            t("kepuasan.col_resolutions", lang): [fmt_int(n, lang) for n in frame["penyelesaian"]],
            DIKONFIRMASI_WARGA.label(lang): [
                fmt_share(p, n, lang) for p, n in zip(frame["dikonfirmasi_ya"], frame["penyelesaian"], strict=True)
            ],
            DIBUKA_KEMBALI_PELAPOR.label(lang): [
                fmt_share(p, n, lang) for p, n in zip(frame["dikonfirmasi_belum"], frame["penyelesaian"], strict=True)
            ],
            IKM_WARGA.label(lang): [
                _index(clean(v), int(n), lang) for v, n in zip(frame[IKM_WARGA.key], frame["dinilai"], strict=True)
            ],
        }
    )


def render_satisfaction(figures: Satisfaction, names: dict[str, str], lang: str) -> None:
    """The section: three cards, then the tables per area and per category."""
    st.subheader(t("kepuasan.title", lang), help=" ".join(m.help(lang) for m in SHOWN))
    if not figures.total["penyelesaian"]:
        st.info(t("kepuasan.none_resolved", lang), icon=":material/info:")
        return
    render_value_cards(figures.total, SHOWN, lang)
    if not (figures.total["dikonfirmasi_ya"] or figures.total["dikonfirmasi_belum"]):
        st.caption(t("kepuasan.no_answers", lang))
    st.markdown(f"**{t('kepuasan.by_area', lang)}**")
    st.dataframe(satisfaction_table(figures.by_area, "wilayah", lang), hide_index=True, width="stretch")
    st.markdown(f"**{t('kepuasan.by_category', lang)}**")
    st.dataframe(satisfaction_table(figures.by_category, "kategori", lang, names), hide_index=True, width="stretch")
