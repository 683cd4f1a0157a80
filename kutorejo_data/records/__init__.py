"""The records the kelurahan keeps: issue reports, activities, areas, categories, and the audit log.

Holds: the report list and detail (reports), one report for the status form (report_lookup), creating a report and
changing its status (report_writes), activities (activities), kelurahan/RW/RT (areas) and categories (categories)
with their settings lists, the pick lists a reader chooses from (options), the audit log (audit), the report
export as CSV/XLSX/Open311 (export), report photos in their stored form (photos), the map's points (report_map),
the kelurahan's boundary map (boundaries), the usulan Musrenbang (musrenbang), and a dinas report's SP4N-LAPOR!
text, tracking ID and status moves (lapor). Every read takes the user's scope; every write checks it and is audited in
its own transaction.

May import: store, core.
"""
