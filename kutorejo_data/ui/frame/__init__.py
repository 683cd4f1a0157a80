"""The frame around every page: navigation, login and the session cookie, the run's context (who, which language,
what time), the filter bar mirrored in the URL, cached reads, form plumbing and the sidebar.

May import: ui.kit and every subpackage below ui.
"""
