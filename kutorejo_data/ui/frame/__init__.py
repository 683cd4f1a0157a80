"""The frame around every page: navigation, login and the session cookie (set and cleared by the server's own HTTP
routes, session_routes), the run's context (who, which language, what time), the language kept in the URL, every URL
parameter parsed in one place with its notices, the error page for the unforeseen, the filter bar mirrored in the
URL, cached reads, form plumbing and the sidebar.

May import: ui.kit and every subpackage below ui.
"""
