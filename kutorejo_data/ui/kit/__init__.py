"""Small reusable pieces: KPI cards, chart builders, the one escaper for user text, links between pages, the page
layout helpers, the one box for typing a report number, and the words and number formats pages print (words).

May import: every subpackage below ui; nothing else of ui.
"""
