"""The server: Streamlit's st.App around app.py, with the app's own HTTP routes and its error page.

Start it with `streamlit run serve.py` (Streamlit sees the st.App and serves it with uvicorn); app.py stays the
script every browser tab runs, and what AppTest drives in the tests.
"""

import streamlit as st

from kutorejo_data.ui.frame.script_errors import on_script_error
from kutorejo_data.ui.frame.session_routes import routes
from kutorejo_data.ui.frame.startup import freeze_long_lived_objects

app = st.App("app.py", routes=routes(), on_script_error=on_script_error)
freeze_long_lived_objects()
