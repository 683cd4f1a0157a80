"""Scale benchmark: every page and the key queries at 10k–1M reports, on SQLite and PostgreSQL; photos.py measures
what a stored photo costs and how long a report with 4 photos takes to save."""
