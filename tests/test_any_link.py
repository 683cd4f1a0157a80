"""No link crashes a page: every page, as every role, with generated values for every URL parameter (Hypothesis).

The values are the classes a hand-edited or shared link brings: numbers of any size and sign, digits of other scripts,
far dates, malformed months, long and odd text. Each page must answer with its content and at most a notice.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from kutorejo_data.access import permissions
from kutorejo_data.ui.frame.auth import TOKEN_KEY
from kutorejo_data.ui.frame.url_params import URL_PARAMETERS
from tests.signin import APP, open_as

# A session per role (a demo account each), signed in once: every example opens a fresh tab of it, so examples do not
# depend on each other (and signing in, most of a run's cost, happens six times, not ninety).
ROLES = {"admin": "admin", "lurah": "lurah", "staf": "staf", "tamu": "tamu", "rw03": "ketua_rw", "rt03-002": "ketua_rt"}
# Every page each role may open (a link to another page only explains itself; tests/test_permissions.py).
VISITS = tuple((user, spec.path) for user, role in ROLES.items() for spec in permissions.pages_for(role))
# ~4 s to sign the six roles in, then ~0.15–0.25 s per example (a busy machine): well inside the minute it may take.
EXAMPLES = 100

numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
other_digits = st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=12)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)
months = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(lambda d: d.isoformat()[:7])
malformed = st.from_regex(r"[0-9]{1,5}-[0-9]{0,3}(-[0-9]{0,3})?", fullmatch=True)
odd_text = st.text(max_size=300)
lists = st.lists(st.sampled_from(["terbuka", "baru", "tinggi", "jalan-gang", "", " ", "x" * 50]), max_size=5).map(
    ",".join
)
known = st.sampled_from(["03", "3", "002", "2", "35.14.11.1006", "bulan_ini", "kustom", "en", "id", "28", "2026-10"])
values = st.one_of(numbers, other_digits, days, months, malformed, odd_text, lists, known, st.text(string.digits))
links = st.dictionaries(st.sampled_from(sorted(URL_PARAMETERS)), values, max_size=6)


@pytest.fixture(scope="module")
def tokens(demo_db_url: str) -> Iterator[dict[str, str]]:
    """The session token of each role's sign-in on the demo database (what a signed-in tab holds)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KUTOREJO_DATABASE_URL", demo_db_url)
        yield {user: open_as(patch, demo_db_url, user).session_state[TOKEN_KEY] for user in ROLES}


def signed_in_tab(token: str, page: str, link: dict[str, str]) -> AppTest:
    """A new tab of a signed-in session, opened at a page with a link's query parameters."""
    app = AppTest.from_file(APP, default_timeout=90)
    app.session_state[TOKEN_KEY] = token
    app.query_params.update(link)
    app.switch_page(page)
    return app.run()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure here is reproducible, never flaky
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(visit=st.sampled_from(VISITS), link=links)
def test_no_link_crashes_any_page_for_any_role(
    tokens: dict[str, str], visit: tuple[str, str], link: dict[str, str]
) -> None:
    role, page = visit
    app = signed_in_tab(tokens[role], page, link)
    assert not app.exception, f"{role} on {page} with {link!r}: {[e.value for e in app.exception]}"
    assert app.title or app.warning, f"{role} on {page} with {link!r} shows nothing"  # a page, or why not
