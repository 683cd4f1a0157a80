"""Kutorejo neighbourhood-issue dashboard: the package behind the Streamlit app (`app.py`, `pages/`).

Subpackages, each with one job, in layers that import only downwards (docs/ARCHITECTURE.md; `make lint` checks it):

    ui, cli                       the Streamlit layer / the command line
    meeting, intake, demo         the meeting deck and its exports / imports from files / the demo data
    analytics, access             the metrics and their pages' reads / sign-in, sessions, roles
    records                       reports, activities, areas, categories: scope-aware reads, audited writes
    store                         migrations, bulk loads, the kept monthly and capacity figures, backup
    core                          config and THE clock, engine, models, domain rules, words, formats, filters
"""
