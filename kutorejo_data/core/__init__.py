"""The foundations every other part builds on, with no knowledge of pages, metrics or writes.

Holds: the configuration and the one clock (config), the database engine (db), the ORM models, the domain's fixed
vocabularies and rules (domain), the metric type (metric), the errors writes raise, the UI words in both languages
(i18n), Indonesian number and date formats (formatting), reporting periods, portable SQL (sqlfuncs), a reader's
filters and scope turned into SQL conditions (filters), the RTs/RWs of an area (units), the official area code list
(wilayah, with its CSV in reference/), and running independent reads side by side (concurrent_reads).

May import: nothing of kutorejo_data outside core.
"""
