"""The menu: the registry's pages the user's role may open, grouped by section, plus who is signed in."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from kutorejo_data.access import permissions
from kutorejo_data.access.accounts import Account
from kutorejo_data.core.i18n import t

from . import data
from .context import PAGE_KEY


def _forbidden(slug: str, lang: str) -> Callable[[], None]:
    """A stand-in for a page the role may not open: a link to it explains instead of running the page."""

    def explain() -> None:
        st.warning(t("nav.not_allowed", lang, page=t(f"nav.{slug}", lang)), icon=":material/block:")
        start = permissions.DEFAULT_PAGE
        st.page_link(start.path, label=t(f"nav.{start.slug}", lang), icon=":material/arrow_back:")

    return explain


def navigation(role: str, lang: str, counts: Mapping[str, int] | None = None) -> StreamlitPage:
    """st.navigation over the pages this role may open (other existing pages answer with an explanation); a page
    with a count (Tugas saya: open reports, Pesan: messages waiting) carries it in its title.

    Also records the running page's slug for the context (`ctx.page`, `ctx.may_write`).
    """
    landing = permissions.default_page(role)
    # One flat list in registry order: Streamlit's sectioned menu puts headings inside its <ul> (an axe violation).
    pages = [
        st.Page(
            spec.path,
            title=_title(spec.slug, lang, (counts or {}).get(spec.slug, 0)),
            icon=f":material/{spec.icon}:",
            url_path=spec.slug,
            default=spec == landing,
            visibility="hidden" if spec.public else "visible",
        )
        for spec in permissions.pages_for(role)
    ]
    hidden = [
        st.Page(_forbidden(spec.slug, lang), title=t(f"nav.{spec.slug}", lang), url_path=spec.slug, visibility="hidden")
        for spec in permissions.PAGES
        if role not in spec.roles and spec.exists()
    ]
    page = st.navigation(pages + hidden)
    # The default page's url_path is "" (the root URL); the context wants its registry slug.
    st.session_state[PAGE_KEY] = page.url_path or landing.slug
    return page


def _title(slug: str, lang: str, count: int) -> str:
    title = t(f"nav.{slug}", lang)
    return f"{title} ({count})" if count else title


def signed_out_navigation(render_login: Callable[[str | None], None], lang: str) -> StreamlitPage:
    """While nobody is signed in, every page's URL shows the login page (told which page the link wanted), except
    the public page (Cek laporan), which runs itself.

    A stand-in has its page's URL path, hence its page's identity in Streamlit: the browser keeps that page as
    the current one, so the first run after signing in opens it, with the link's query string untouched.
    """
    # The start page's stand-in has an identity of its own (not Ringkasan's): after signing in from the root URL,
    # the signed-in navigation finds no such page and opens the role's own start page (Tugas saya for an RT head).
    pages = [
        st.Page(
            spec.path if spec.public else _login_for(render_login, None if spec.default else spec.slug),
            title=t(f"nav.{spec.slug}", lang),
            **({"url_path": "masuk", "default": True} if spec.default else {"url_path": spec.slug}),
        )
        for spec in permissions.PAGES
        if spec.exists()
    ]
    return st.navigation(pages, position="hidden")


def _login_for(render_login: Callable[[str | None], None], slug: str | None) -> Callable[[], None]:
    def login() -> None:
        render_login(slug)

    return login


def menu_counts(db_url: str, account: Account) -> dict[str, int]:
    """The numbers beside Tugas saya (the user's open reports) and Pesan (messages waiting for them to send)."""
    if not permissions.may_open(account.role, "tugas"):
        return {}
    return {
        "tugas": data.open_task_count(db_url, account.id, account.scope),
        "pesan": data.waiting_message_count(db_url, account),
    }
