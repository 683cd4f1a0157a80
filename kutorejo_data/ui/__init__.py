"""The Streamlit layer: the only part of the package that imports streamlit (and starlette, the server under it, for
the app's own HTTP routes), and the only part pages import.

Three parts, importing downwards: blocks (the pieces of each page) → frame (navigation, login, the run's context,
the filter bar and its URL, cached reads, form plumbing, the sidebar) → kit (cards, charts, the one text escaper,
links between pages, the words pages print).

May import: every other subpackage.
"""
