"""The numbers: every metric's one definition with its help text, and the read side of the analysis pages.

Holds: the metric definitions and the overview's KPIs (metrics, overview), resolution speed and backlog
(resolution), participation (participation, participation_summary, cadence), the capacity scorecard
(unit_measures, capacity) and the area view (area_view). Aggregation happens in SQL; pandas gets small results.

May import: records, store, core.
"""
