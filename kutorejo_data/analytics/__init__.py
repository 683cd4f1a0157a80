"""The numbers: every metric's one definition with its help text, and the read side of the analysis pages.

Holds: the metric definitions and the overview's KPIs (metrics, overview), resolution speed and backlog
(resolution), participation (participation, participation_summary, cadence), the capacity scorecard
(unit_measures, capacity), the area view (area_view), and the usulan Musrenbang candidates with their evidence and
the form's XLSX (musrenbang, musrenbang_form). Aggregation happens in SQL; pandas gets small results.

May import: records, store, core.
"""
