"""Scale benchmark: every page and the key queries at 10k–1M reports, on SQLite and PostgreSQL."""
