"""A page's lazy tabs, the open one named in the link (`?bagian=`): a filter change runs and reads one tab, not all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from kutorejo_data.core.i18n import t

from .link_notices import render_notices
from .url_params import parse_choice_param

SECTION_PARAM = "bagian"


@dataclass(frozen=True)
class PageSections:
    """A page's tabs, in order, by the name a link gives them; the first opens by default.

    Each tab's label is the word `<page>.tab_<section>`.
    """

    page: str
    sections: tuple[str, ...]

    def linked(self, lang: str) -> str:
        """The tab the link asks for (a notice, above the filters, when it names none of them)."""
        asked, notices = parse_choice_param(st.query_params, SECTION_PARAM, self.sections)
        render_notices(notices, lang)
        return asked or self.sections[0]

    def open(self, linked: str, lang: str) -> tuple[str, DeltaGenerator]:
        """The tabs; only the open one's part runs (and reads), so a filter change costs one part, not all."""
        labels = [t(f"{self.page}.tab_{section}", lang) for section in self.sections]
        key = f"{self.page}_bagian_{lang}"  # each language has its own labels
        if key not in st.session_state:
            st.session_state[key] = labels[self.sections.index(linked)]
        tabs = st.tabs(labels, key=key, on_change=self._link, args=(key, labels))
        opened = ((s, tab) for s, tab in zip(self.sections, tabs, strict=True) if tab.open)
        return next(opened, (self.sections[0], tabs[0]))

    def _link(self, key: str, labels: Sequence[str]) -> None:
        """Keep the open tab in the link, so a shared link opens it too (the first tab needs no parameter)."""
        section = self.sections[list(labels).index(st.session_state[key])]
        if section == self.sections[0]:
            st.query_params.pop(SECTION_PARAM, None)
        else:
            st.query_params[SECTION_PARAM] = section
