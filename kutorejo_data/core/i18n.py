"""One catalogue for every UI string, in Bahasa Indonesia (default) and English."""

from __future__ import annotations

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANG = "id"

# key: (Indonesian, English). Placeholders use str.format names.
CATALOGUE: dict[str, tuple[str, str]] = {
    "app.title": ("Dasbor Masalah Kelurahan", "Neighbourhood Issue Dashboard"),
    "app.language": ("Bahasa", "Language"),
    "app.demo_notice": (
        "Data contoh: struktur RW/RT, nama, dan laporan di sini ilustratif, bukan data resmi Kelurahan Kutorejo.",
        "Demo data: the RW/RT structure, names and reports shown here are illustrative, not official Kutorejo data.",
    ),
    "app.clock_pinned": (
        "Jam aplikasi dipatok ke {moment} (KUTOREJO_NOW): semua angka dihitung seolah-olah sekarang saat itu.",
        "The app's clock is pinned to {moment} (KUTOREJO_NOW): every figure is computed as if it were then.",
    ),
    "app.unexpected_error": (
        "Maaf, halaman ini gagal ditampilkan. Coba muat ulang; bila terulang, sampaikan nomor kesalahan **{nomor}** "
        "kepada pengelola dasbor.",
        "Sorry, this page could not be shown. Try reloading; if it happens again, give the error number **{nomor}** "
        "to the dashboard's administrator.",
    ),
    "nav.ringkasan": ("Ringkasan", "Overview"),
    "nav.masalah": ("Masalah", "Issues"),
    "nav.penyelesaian": ("Penyelesaian", "Resolution"),
    "nav.tugas": ("Tugas saya", "My tasks"),
    "detail.penanggung_jawab": ("Penanggung jawab", "Person in charge"),
    "detail.dukungan": ("Dukungan: {n} rumah tangga lain ikut terdampak", "Support: {n} other households affected"),
    "detail.batas_tanggap": ("Batas tanggap", "Respond by"),
    "detail.batas_selesai": ("Batas selesai (SLA)", "Resolve by (SLA)"),
    "detail.batas_tahap": ("Batas tingkat saat ini", "Due at the current level"),
    "detail.umur_sla": ("Umur (SLA {sla} hari kerja)", "Age (SLA {sla} working days)"),
    "detail.penugasan.awal": ("Penanggung jawab: {ke} ({tingkat})", "In charge: {ke} ({tingkat})"),
    "detail.penugasan.manual": ("Dialihkan ke {ke} ({tingkat})", "Handed to {ke} ({tingkat})"),
    "detail.penugasan.eskalasi": ("Naik ke {tingkat}: {ke}", "Escalated to {tingkat}: {ke}"),
    "detail.penugasan.akun_nonaktif": (
        "Akun penanggung jawab dinonaktifkan; dialihkan ke {ke} ({tingkat})",
        "The person's account was deactivated; handed to {ke} ({tingkat})",
    ),
    "detail.reassign": ("Alihkan penanggung jawab", "Hand to someone else"),
    "detail.reassign_to": ("Penanggung jawab baru", "New person in charge"),
    "detail.reassign_reason": ("Alasan (wajib)", "Reason (required)"),
    "detail.reassign_submit": ("Alihkan", "Hand over"),
    "detail.reassigned": ("Laporan #{nomor} sekarang menjadi tanggung jawab {ke}.", "Report #{nomor} is now {ke}'s."),
    "error.reassign_needs_reason": ("Tulis alasan pengalihan.", "Say why it is handed over."),
    "error.reason_too_long": (
        "Alasan terlalu panjang (paling banyak 500 huruf).",
        "The reason is too long (500 at most).",
    ),
    "error.reassign_closed": (
        "Laporan #{nomor} sudah ditutup; tidak perlu penanggung jawab baru.",
        "Report #{nomor} is closed; it needs nobody in charge.",
    ),
    "error.reassign_inactive": ("Akun itu tidak aktif.", "That account is not active."),
    "lapor.maybe_same": (
        "Mungkin sudah dilaporkan: laporan terbuka di RT ini yang mirip",
        "Maybe already reported: similar open reports of this RT",
    ),
    "lapor.same_as": (
        "#{nomor} — {judul} ({hari} hari lalu; {dukungan} dukungan)",
        "#{nomor} — {judul} ({hari} days ago; {dukungan} supporting)",
    ),
    "lapor.add_support": ("Sama: tambahkan sebagai dukungan untuk #{nomor}", "Same: add as support for #{nomor}"),
    "lapor.not_same": ("Bukan, kirim sebagai laporan baru", "No, send as a new report"),
    "lapor.supported": (
        "Ditambahkan sebagai dukungan untuk laporan #{nomor} (sekarang {n} rumah tangga lain ikut terdampak).",
        "Added as support for report #{nomor} (now {n} other households affected).",
    ),
    "error.support_closed": (
        "Laporan #{nomor} sudah ditutup; kirim sebagai laporan baru.",
        "Report #{nomor} is closed; send a new report.",
    ),
    "error.support_exists": (
        "Pesan ini sudah tercatat sebagai dukungan untuk #{nomor}.",
        "This message is already recorded as support for #{nomor}.",
    ),
    "tugas.title": ("Tugas saya", "My tasks"),
    "tugas.none": (
        "Tidak ada laporan terbuka yang menjadi tanggung jawab Anda. Terima kasih!",
        "No open report is yours to act on. Thank you!",
    ),
    "tugas.count": (
        "{n} laporan terbuka menjadi tanggung jawab Anda; yang paling terlambat paling atas.",
        "{n} open reports are yours to act on; the most overdue first.",
    ),
    "tugas.more": ("dan {n} laporan lagi (lihat Masalah).", "and {n} more (see Issues)."),
    "tugas.late": ("terlambat {n} hari kerja (batas {day})", "overdue by {n} working days (due {day})"),
    "tugas.today": ("{day} — batasnya hari ini", "{day} — due today"),
    "tugas.left": ("{day} — {n} hari kerja lagi", "{day} — {n} working days left"),
    "tugas.note": ("Catatan (opsional)", "Note (optional)"),
    "tugas.support": ("{n} rumah tangga lain ikut terdampak", "{n} other households affected"),
    "tugas.note_placeholder": ("mis. sudah dicek, menunggu alat dari kelurahan", "e.g. checked, waiting for tools"),
    "tugas.to.diverifikasi": ("Terima", "Acknowledge"),
    "tugas.to.diproses": ("Sedang dikerjakan", "Working on it"),
    "tugas.to.selesai": ("Sudah selesai", "Resolved"),
    "tugas.open": ("Rincian", "Details"),
    "tugas.done": ("Laporan #{nomor} sekarang {status}.", "Report #{nomor} is now {status}."),
    "nav.pengguna": ("Pengguna", "Users"),
    "nav.not_allowed": (
        "Halaman {page} tidak tersedia untuk peran Anda.",
        "The {page} page is not available to your role.",
    ),
    "filter.kelurahan": ("Kelurahan", "Kelurahan"),
    "filter.rw": ("RW", "RW"),
    "filter.rt": ("RT", "RT"),
    "filter.all_rw": ("Semua RW", "All RWs"),
    "filter.all_rt": ("Semua RT", "All RTs"),
    "filter.period": ("Periode", "Period"),
    "filter.kategori": ("Kategori", "Category"),
    "filter.all_kategori": ("Semua kategori", "All categories"),
    "filter.status": ("Status", "Status"),
    "filter.all_status": ("Semua status", "All statuses"),
    "filter.prioritas": ("Prioritas", "Priority"),
    "filter.all_prioritas": ("Semua prioritas", "All priorities"),
    "filter.q": ("Cari", "Search"),
    "filter.q_placeholder": ("judul, uraian, lokasi…", "title, description, location…"),
    "filter.custom_range": ("Rentang tanggal", "Date range"),
    "preset.30_hari": ("30 hari terakhir", "Last 30 days"),
    "preset.bulan_ini": ("Bulan ini", "This month"),
    "preset.bulan_lalu": ("Bulan lalu", "Last month"),
    "preset.3_bulan": ("3 bulan terakhir", "Last 3 months"),
    "preset.12_bulan": ("12 bulan terakhir", "Last 12 months"),
    "preset.tahun_ini": ("Tahun ini", "This year"),
    "preset.kustom": ("Pilih tanggal", "Custom"),
    "notice.bad_date": (
        "Tanggal '{value}' di tautan (`{param}`) tidak dikenali (format YYYY-MM-DD); diabaikan.",
        "Date '{value}' in the link (`{param}`) is not valid (format YYYY-MM-DD); ignored.",
    ),
    "notice.range_reversed": (
        "Tanggal 'dari' di tautan jatuh setelah 'sampai'; periode bawaan dipakai.",
        "The link's 'dari' date is after 'sampai'; the default period is used.",
    ),
    "notice.too_early": (
        "Tanggal '{value}' di tautan (`{param}`) terlalu lama (paling awal 1 Jan 2000); diabaikan.",
        "Date '{value}' in the link (`{param}`) is too early (1 Jan 2000 at the earliest); ignored.",
    ),
    "notice.too_late": (
        "Tanggal '{value}' di tautan (`{param}`) lebih dari setahun ke depan; diabaikan.",
        "Date '{value}' in the link (`{param}`) is more than a year ahead; ignored.",
    ),
    "notice.bad_report_number": (
        "Nomor laporan '{value}' di tautan (`laporan`) tidak sah (angka 1 sampai 2.147.483.647); diabaikan.",
        "Report number '{value}' in the link (`laporan`) is not valid (a number from 1 to 2,147,483,647); ignored.",
    ),
    "notice.unknown_choice": (
        "'{value}' di tautan (`{param}`) tidak dikenal; bagian pertama ditampilkan.",
        "'{value}' in the link (`{param}`) is not known; the first part is shown.",
    ),
    "notice.unknown_lang": (
        "Bahasa '{value}' di tautan (`lang`) tidak dikenal (id atau en); diabaikan.",
        "Language '{value}' in the link (`lang`) is not known (id or en); ignored.",
    ),
    "notice.unknown_periode": (
        "Periode '{value}' di tautan (`periode`) tidak dikenal; periode bawaan dipakai.",
        "Period '{value}' in the link (`periode`) is not known; the default period is used.",
    ),
    "notice.future": (
        "Tanggal di tautan (`{param}`) melewati hari ini; dipotong sampai hari ini.",
        "A date in the link (`{param}`) is in the future; cut at today.",
    ),
    "notice.unknown_kelurahan": (
        "Kode kelurahan '{value}' di tautan (`kel`) tidak ada; kelurahan pertama ditampilkan.",
        "Kelurahan code '{value}' in the link (`kel`) does not exist; the first one is shown.",
    ),
    "notice.unknown_kategori": (
        "Kategori '{value}' di tautan (`kategori`) tidak dikenal; diabaikan.",
        "Unknown category '{value}' in the link (`kategori`); ignored.",
    ),
    "notice.unknown_status": (
        "Status '{value}' di tautan (`status`) tidak dikenal; diabaikan.",
        "Unknown status '{value}' in the link (`status`); ignored.",
    ),
    "notice.unknown_prioritas": (
        "Prioritas '{value}' di tautan (`prioritas`) tidak dikenal; diabaikan.",
        "Unknown priority '{value}' in the link (`prioritas`); ignored.",
    ),
    "notice.unknown_rw": (
        "RW '{value}' di tautan (`rw`) tidak ada; semua RW ditampilkan.",
        "RW '{value}' in the link (`rw`) does not exist; all RWs shown.",
    ),
    "notice.unknown_rt": (
        "RT '{value}' di tautan (`rt`) tidak ada di RW ini; semua RT ditampilkan.",
        "RT '{value}' in the link (`rt`) does not exist in this RW; all RTs shown.",
    ),
    "notice.out_of_scope_kelurahan": (
        "Kelurahan '{value}' di tautan (`kel`) di luar wilayah Anda; yang ditampilkan wilayah Anda.",
        "Kelurahan '{value}' in the link (`kel`) is outside your area; your area is shown.",
    ),
    "notice.out_of_scope_rw": (
        "RW '{value}' di tautan (`rw`) di luar wilayah Anda; yang ditampilkan wilayah Anda.",
        "RW '{value}' in the link (`rw`) is outside your area; your area is shown.",
    ),
    "notice.out_of_scope_rt": (
        "RT '{value}' di tautan (`rt`) di luar wilayah Anda; yang ditampilkan wilayah Anda.",
        "RT '{value}' in the link (`rt`) is outside your area; your area is shown.",
    ),
    "notice.rt_without_rw": (
        "RT di tautan (`rt`) dipilih tanpa RW; diabaikan.",
        "The link names an RT (`rt`) without an RW; ignored.",
    ),
    "ringkasan.title": ("Ringkasan", "Overview"),
    "ringkasan.subtitle": ("{area} · {period}", "{area} · {period}"),
    "ringkasan.compare": ("dibanding {period}", "compared with {period}"),
    "kpi.of": ("{label}: {part} dari {whole}", "{label}: {part} of {whole}"),
    "ringkasan.flow_title": ("Laporan masuk dan selesai per bulan", "Reports received and resolved per month"),
    "ringkasan.by_area_title": ("Laporan masuk per {unit}", "Reports received per {unit}"),
    "ringkasan.by_category_title": ("Laporan masuk per kategori", "Reports received per category"),
    "ringkasan.no_reports_period": (
        "Tidak ada laporan masuk di periode dan wilayah ini.",
        "No reports were received in this period and area.",
    ),
    "ringkasan.empty_title": ("Belum ada data", "No data yet"),
    "ringkasan.empty_body": (
        "Database ini belum berisi laporan. Untuk mencoba dasbor dengan data contoh, jalankan "
        "`python -m kutorejo_data demo` (atau `make run`, yang mengisinya otomatis bila kosong). "
        "Untuk data sungguhan, impor rekap laporan dari Excel/CSV atau catat laporan baru.",
        "This database has no reports yet. To try the dashboard with demo data, run "
        "`python -m kutorejo_data demo` (or `make run`, which fills an empty database automatically). "
        "For real data, import the report spreadsheets (Excel/CSV) or record new reports.",
    ),
    "chart.month": ("Bulan", "Month"),
    "chart.count": ("Jumlah laporan", "Reports"),
    "chart.masuk": ("Masuk", "Received"),
    "chart.selesai": ("Selesai", "Resolved"),
    "outcome.terbuka": ("Masih terbuka", "Still open"),
    "outcome.selesai": ("Selesai", "Resolved"),
    "outcome.tidak_valid": ("Ditolak / duplikat", "Rejected / duplicate"),
    "area.kelurahan": ("Kel. {nama}", "Kel. {nama}"),
    "area.all": ("Semua kelurahan", "All kelurahan"),
    "unit.rw": ("RW", "RW"),
    "unit.rt": ("RT", "RT"),
    "status.terbuka": ("Semua terbuka", "All open"),
    "status.tertutup": ("Semua tertutup", "All closed"),
    "status.baru": ("Baru", "New"),
    "status.diverifikasi": ("Diverifikasi", "Verified"),
    "status.diproses": ("Diproses", "In progress"),
    "status.selesai": ("Selesai", "Resolved"),
    "status.ditolak": ("Ditolak", "Rejected"),
    "status.duplikat": ("Duplikat", "Duplicate"),
    "prioritas.tinggi": ("Tinggi", "High"),
    "prioritas.sedang": ("Sedang", "Medium"),
    "prioritas.rendah": ("Rendah", "Low"),
    # Masalah (issue list and detail)
    "masalah.title": ("Masalah", "Issues"),
    "masalah.count": ("{count} laporan · {area} · {period}", "{count} reports · {area} · {period}"),
    "masalah.none": ("Tidak ada laporan yang cocok dengan filter ini.", "No reports match these filters."),
    "masalah.page": ("Halaman", "Page"),
    "masalah.page_of": ("dari {pages}", "of {pages}"),
    "masalah.select_hint": ("Klik baris untuk melihat rincian laporan.", "Click a row to see the report's details."),
    "masalah.open_number": ("Buka laporan nomor", "Open report number"),
    "masalah.download_csv": ("Unduh CSV", "Download CSV"),
    "masalah.download_xlsx": ("Unduh Excel", "Download Excel"),
    "masalah.download_help": (
        "Berisi persis laporan yang cocok dengan filter di atas, tanpa data pribadi.",
        "Exactly the reports matching the filters above, without personal data.",
    ),
    "masalah.download_help_personal": (
        "Berisi persis laporan yang cocok dengan filter di atas, termasuk nama dan telepon pelapor. Data pribadi "
        "(UU PDP): simpan dengan aman dan jangan dibagikan.",
        "Exactly the reports matching the filters above, including reporters' names and phones. Personal data "
        "(UU PDP): keep it safe and do not share it.",
    ),
    "masalah.not_found": (
        "Laporan #{nomor} tidak ditemukan di wilayah Anda.",
        "Report #{nomor} was not found in your area.",
    ),
    "col.nomor": ("No.", "No."),
    "col.tanggal": ("Tanggal", "Date"),
    "col.wilayah": ("RT/RW", "RT/RW"),
    "col.kategori": ("Kategori", "Category"),
    "col.foto": ("Foto", "Photo"),
    "col.judul": ("Judul", "Title"),
    "col.status": ("Status", "Status"),
    "col.prioritas": ("Prioritas", "Priority"),
    "col.umur": ("Umur (hari)", "Age (days)"),
    "col.sla": ("SLA", "SLA"),
    "col.penanganan": ("Penanganan", "Handler"),
    "sla.on_time": ("tepat waktu", "on time"),
    "sla.overdue": ("terlambat {days} hari kerja", "overdue by {days} working days"),
    "sla.resolved_late": ("selesai terlambat {days} hari kerja", "resolved {days} working days late"),
    "detail.title": ("Laporan #{nomor}", "Report #{nomor}"),
    "detail.fields": ("Rincian", "Details"),
    "detail.history": ("Riwayat status", "Status history"),
    "detail.field": ("Isian", "Field"),
    "detail.value": ("Nilai", "Value"),
    "detail.kelurahan": ("Kelurahan", "Kelurahan"),
    "detail.area": ("Wilayah", "Area"),
    "detail.deskripsi": ("Uraian", "Description"),
    "detail.lokasi": ("Lokasi", "Location"),
    "detail.koordinat": ("Koordinat", "Coordinates"),
    "detail.sumber": ("Sumber", "Source"),
    "detail.reported_at": ("Dilaporkan", "Reported"),
    "detail.pelapor": ("Pelapor (data pribadi)", "Reporter (personal data)"),
    "detail.pelapor_hidden": ("disembunyikan (data pribadi)", "hidden (personal data)"),
    "detail.duplikat_dari": ("Duplikat dari", "Duplicate of"),
    "detail.waktu_tanggap": ("Waktu tanggap", "Response time"),
    "detail.waktu_penyelesaian": ("Waktu penyelesaian", "Resolution time"),
    "detail.not_yet": ("belum", "not yet"),
    "detail.by": ("oleh {who}", "by {who}"),
    "detail.open_original": ("Buka laporan asli #{nomor}", "Open the original report #{nomor}"),
    "detail.version": ("Versi", "Version"),
    "penanganan.rt": ("RT", "RT"),
    "penanganan.rw": ("RW", "RW"),
    "penanganan.kelurahan": ("Kelurahan", "Kelurahan"),
    "penanganan.dinas": ("Dinas/OPD", "Regency office"),
    "penanganan.belum": ("Belum ada", "None yet"),
    "sumber.warga": ("Warga", "Resident"),
    "sumber.rt": ("RT", "RT"),
    "sumber.rw": ("RW", "RW"),
    "sumber.musyawarah": ("Musyawarah", "Community meeting"),
    "sumber.kelurahan": ("Kelurahan", "Kelurahan"),
    # Penyelesaian (resolution analytics)
    "penyelesaian.title": ("Penyelesaian", "Resolution"),
    "penyelesaian.flow": ("Alur laporan yang masuk dalam periode", "Flow of the reports received in the period"),
    "penyelesaian.tab_alur": ("Alur & tunggakan", "Flow & backlog"),
    "penyelesaian.tab_tepat_waktu": ("Tepat waktu", "On time"),
    "penyelesaian.tab_kecepatan": ("Kecepatan", "Speed"),
    "penyelesaian.tab_wilayah": ("Per wilayah", "By area"),
    "penyelesaian.tab_kepuasan": ("Kepuasan warga", "Residents' satisfaction"),
    "penyelesaian.by_category": ("Waktu per kategori", "Time by category"),
    "penyelesaian.by_handler": ("Waktu per tingkat penanganan (eskalasi)", "Time by handler level (escalation)"),
    "penyelesaian.trend": ("Tren waktu penyelesaian per bulan", "Monthly trend of resolution time"),
    "penyelesaian.backlog": ("Laporan terbuka menurut umur", "Open reports by age"),
    "penyelesaian.backlog_none": (
        "Tidak ada laporan yang masih terbuka di akhir periode ini.",
        "No report was still open at the end of this period.",
    ),
    "penyelesaian.backlog_area": ("Laporan terbuka dan terlambat per {unit}", "Open and overdue reports per {unit}"),
    "penyelesaian.overdue": ("Laporan terlambat (terparah dulu)", "Overdue reports (worst first)"),
    "penyelesaian.overdue_none": ("Tidak ada laporan terlambat. 👍", "No overdue reports."),
    "penyelesaian.overdue_more": (
        "Menampilkan {shown} terparah dari {total} laporan terlambat.",
        "Showing the worst {shown} of {total} overdue reports.",
    ),
    "penyelesaian.overdue_total_only": (
        "{total} laporan terlambat. Daftar laporannya hanya untuk pengurus RT/RW dan kantor kelurahan.",
        "{total} overdue reports. The list itself is for RT/RW heads and the kelurahan office only.",
    ),
    "penyelesaian.comparison": ("Perbandingan {unit}", "{unit} comparison"),
    "penyelesaian.on_time": (
        "Tepat waktu (hari kerja) dan eskalasi, untuk laporan yang masuk dalam periode",
        "On time (working days) and escalations, for the reports received in the period",
    ),
    "penyelesaian.on_time_by_tingkat": ("Per tingkat penanganan", "By handler level"),
    "penyelesaian.on_time_by_orang": ("Per penanggung jawab", "By person in charge"),
    "penyelesaian.on_time_by_wilayah": ("Per wilayah", "By area"),
    "col.grup_orang": ("Penanggung jawab", "Person in charge"),
    "col.grup_tingkat": ("Tingkat", "Level"),
    "col.grup_wilayah": ("Wilayah", "Area"),
    "col.eskalasi": ("Eskalasi", "Escalations"),
    "col.dukungan": ("Dukungan", "Support"),
    "kpi.share": ("{part} dari {whole} ({rate})", "{part} of {whole} ({rate})"),
    "penyelesaian.no_data": (
        "Belum ada laporan di periode dan wilayah ini.",
        "No reports in this period and area yet.",
    ),
    "flow.masuk": ("Masuk", "Received"),
    "flow.ditanggapi": ("Ditanggapi", "Responded"),
    "flow.diproses": ("Diproses", "In progress"),
    "flow.selesai": ("Selesai", "Resolved"),
    "flow.ditolak": ("Ditolak", "Rejected"),
    "flow.duplikat": ("Duplikat", "Duplicate"),
    "col.grup_kategori": ("Kategori", "Category"),
    "col.grup_penanganan": ("Penanganan", "Handler"),
    "col.masuk": ("Masuk", "Received"),
    "col.porsi": ("Porsi", "Share"),
    "col.tanggap_n": ("Ditanggapi", "Responded"),
    "col.tanggap_median": ("Median tanggap", "Median response"),
    "col.tanggap_p90": ("P90 tanggap", "P90 response"),
    "col.selesai_n": ("Selesai", "Resolved"),
    "col.selesai_median": ("Median selesai", "Median resolution"),
    "col.selesai_p90": ("P90 selesai", "P90 resolution"),
    "col.terbuka": ("Terbuka", "Open"),
    "col.terlambat": ("Terlambat", "Overdue"),
    "col.lewat_sla": ("Lewat SLA (hari)", "Past SLA (days)"),
    "col.tingkat_penyelesaian": ("Tingkat penyelesaian", "Resolution rate"),
    "col.median_penyelesaian": ("Median penyelesaian (hari)", "Median resolution (days)"),
    "col.porsi_terlambat": ("Porsi terlambat", "Overdue share"),
    "col.catatan": ("Catatan", "Note"),
    "col.buka": ("Buka", "Open"),
    "chart.days": ("Hari", "Days"),
    "chart.median": ("Median", "Median"),
    "chart.p90": ("P90", "P90"),
    # Write-side messages (kutorejo_data.records.report_writes)
    "error.form_invalid": ("Periksa kembali isian yang ditandai.", "Please check the marked fields."),
    "error.judul_required": ("Judul wajib diisi.", "A title is required."),
    "error.judul_too_long": ("Judul paling panjang 200 karakter.", "The title can be at most 200 characters."),
    "error.deskripsi_too_long": (
        "Uraian paling panjang 5.000 karakter.",
        "The description can be at most 5,000 characters.",
    ),
    "error.lokasi_too_long": ("Lokasi paling panjang 200 karakter.", "The location can be at most 200 characters."),
    "error.nama_too_long": ("Nama paling panjang 100 karakter.", "The name can be at most 100 characters."),
    "error.telepon_invalid": (
        "Nomor telepon tidak valid (contoh: 0812 3456 7890).",
        "Invalid phone number (e.g. 0812 3456 7890).",
    ),
    "error.sumber_invalid": ("Sumber laporan tidak dikenal.", "Unknown report source."),
    "error.prioritas_invalid": ("Prioritas tidak dikenal.", "Unknown priority."),
    "error.coordinates_pair": (
        "Isi lintang dan bujur keduanya, atau kosongkan keduanya.",
        "Fill in both latitude and longitude, or neither.",
    ),
    "error.coordinates_range": (
        "Koordinat di luar jangkauan (lintang −90…90, bujur −180…180).",
        "Coordinates out of range (latitude −90…90, longitude −180…180).",
    ),
    "error.date_in_future": ("Tanggal lapor tidak boleh di masa depan.", "The report date cannot be in the future."),
    "error.date_too_old": (
        "Tanggal lapor terlalu lama (sebelum tahun 2000).",
        "The report date is too old (before 2000).",
    ),
    "error.rt_unknown": (
        "RT tidak dikenal di RW ini, atau di luar wilayah Anda.",
        "Unknown RT in this RW, or outside your area.",
    ),
    "error.kategori_unknown": ("Kategori tidak dikenal atau tidak aktif.", "Unknown or inactive category."),
    "error.transition_not_allowed": (
        "Status tidak bisa diubah dari '{dari}' ke '{ke}'.",
        "The status cannot change from '{dari}' to '{ke}'.",
    ),
    "error.reopen_needs_reason": (
        "Membuka kembali laporan yang selesai harus disertai alasan.",
        "Reopening a resolved report needs a reason.",
    ),
    "error.reject_needs_reason": ("Menolak laporan harus disertai alasan.", "Rejecting a report needs a reason."),
    "error.penanganan_invalid": ("Tingkat penanganan tidak dikenal.", "Unknown handler level."),
    "error.duplikat_needs_original": (
        "Laporan duplikat harus menyebut nomor laporan aslinya.",
        "A duplicate must name the number of the original report.",
    ),
    "error.duplikat_self": (
        "Laporan tidak bisa menjadi duplikat dirinya sendiri; sebutkan nomor laporan lain.",
        "A report cannot be a duplicate of itself; name another report's number.",
    ),
    "error.report_number_invalid": (
        "Nomor laporan harus berupa angka 1 sampai 2.147.483.647.",
        "A report number is a number from 1 to 2,147,483,647.",
    ),
    "error.duplikat_original_unknown": (
        "Laporan asli dengan nomor itu tidak ditemukan.",
        "No original report with that number was found.",
    ),
    "error.report_not_found": (
        "Laporan #{nomor} tidak ditemukan di wilayah Anda.",
        "Report #{nomor} was not found in your area.",
    ),
    "error.changed_meanwhile": (
        "Laporan #{nomor} baru saja diubah orang lain. Muat ulang untuk melihat status terbaru, lalu coba lagi.",
        "Report #{nomor} was changed by someone else meanwhile. Reload to see its current status, then try again.",
    ),
    # Partisipasi / Kapasitas / Wilayah
    "nav.partisipasi": ("Partisipasi", "Participation"),
    "nav.kapasitas": ("Kapasitas RT/RW", "RT/RW capacity"),
    "nav.wilayah": ("Wilayah", "Areas"),
    "nav.peta": ("Peta", "Map"),
    "peta.title": ("Peta laporan", "Report map"),
    "peta.count": (
        "{shown} titik: {located} dari {total} laporan punya koordinat · {area} · {period}",
        "{shown} points: {located} of {total} reports have coordinates · {area} · {period}",
    ),
    "peta.limited": ("Hanya {n} laporan terbaru yang digambar.", "Only the {n} newest reports are drawn."),
    "peta.base": ("Peta dasar", "Base map"),
    "peta.base_osm": ("OpenStreetMap", "OpenStreetMap"),
    "peta.base_polos": ("Batas wilayah saja (tanpa internet)", "Boundaries only (no internet)"),
    "peta.base_help": (
        "OpenStreetMap perlu internet. Tanpa internet, pilih batas wilayah saja: batas RW/RT yang diunggah di "
        "Pengaturan tetap tergambar.",
        "OpenStreetMap needs the internet. Without it, choose boundaries only: the RW/RT boundaries uploaded in "
        "Settings are still drawn.",
    ),
    "peta.legend": (
        "Warna titik = status; makin besar titik, makin lama laporan terbuka (umur).",
        "Point colour = status; the larger the point, the longer the report has been open (age).",
    ),
    "peta.select_hint": (
        "Sentuh atau arahkan ke titik untuk melihat nomor dan judulnya; pilih barisnya di daftar di bawah untuk "
        "membuka rinciannya.",
        "Tap or point at a dot to see its number and title; choose its row in the list below to open it.",
    ),
    "peta.age": ("umur {days} hari", "{days} days old"),
    "peta.no_boundaries": (
        "Batas RW/RT belum diunggah (Pengaturan → Peta wilayah).",
        "No RW/RT boundaries uploaded yet (Settings → Area map).",
    ),
    "peta.boundaries_sample": (
        "Batas RW di sini ilustratif (data contoh), bukan batas resmi.",
        "The RW boundaries here are illustrative (demo data), not official.",
    ),
    "peta.none": (
        "Tidak ada laporan berkoordinat untuk filter ini. Koordinat diisi di Lapor (tempel tautan peta) atau diambil "
        "dari GPS foto.",
        "No report with coordinates for these filters. Coordinates are entered in Lapor (paste a map link) or come "
        "from a photo's GPS.",
    ),
    "peta.list": ("Daftar titik ({n})", "List of points ({n})"),
    "peta.list_more": ("Menampilkan {n} yang terbaru.", "Showing the {n} newest."),
    "jenis.kerja_bakti": ("Kerja bakti", "Communal work day"),
    # Lapor / Kegiatan / Pengaturan
    "nav.lapor": ("Lapor", "Report"),
    "nav.kegiatan": ("Kegiatan", "Activities"),
    "nav.pengaturan": ("Pengaturan", "Settings"),
    "link.report_detail": ("Buka laporan #{nomor}", "Open report #{nomor}"),
    "tingkat.rt": ("RT", "RT"),
    "tingkat.rw": ("RW", "RW"),
    "tingkat.kelurahan": ("Se-kelurahan", "Whole kelurahan"),
    "jenis.musyawarah_rt": ("Musyawarah RT", "RT meeting"),
    "jenis.rapat_rw": ("Rapat RW", "RW meeting"),
    "jenis.posyandu": ("Posyandu", "Posyandu (health post)"),
    "jenis.ronda": ("Ronda / siskamling", "Night watch"),
    "jenis.keagamaan": ("Pengajian / keagamaan", "Religious gathering"),
    "jenis.pkk": ("PKK", "PKK (family welfare)"),
    "jenis.karang_taruna": ("Karang Taruna", "Karang Taruna (youth)"),
    "jenis.bimtek": ("Bimtek / pelatihan", "Bimtek / training"),
    "jenis.rapat_koordinasi": ("Rapat koordinasi kelurahan", "Kelurahan coordination meeting"),
    "peran.ketua_rt": ("Ketua RT", "RT heads"),
    "peran.ketua_rw": ("Ketua RW", "RW heads"),
    "peran.tomas": ("Tokoh masyarakat", "Community figures"),
    "peran.toga": ("Tokoh agama", "Religious figures"),
    "peran.pkk": ("PKK", "PKK"),
    "peran.karang_taruna": ("Karang Taruna", "Karang Taruna"),
    "peran.warga": ("Warga", "Residents"),
    "partisipasi.title": ("Partisipasi", "Participation"),
    "partisipasi.empty_body": (
        "Belum ada kegiatan tercatat. Catat kegiatan (kerja bakti, posyandu, ronda, musyawarah, rapat koordinasi, "
        "Bimtek) atau impor rekapnya; untuk mencoba dengan data contoh, jalankan `python -m kutorejo_data demo` "
        "pada database kosong.",
        "No activities have been recorded yet. Record activities (work days, posyandu, night watch, meetings, "
        "coordination meetings, Bimtek) or import their recap; to try demo data, run `python -m kutorejo_data demo` "
        "on an empty database.",
    ),
    "partisipasi.no_activities": (
        "Tidak ada kegiatan tercatat di periode dan wilayah ini.",
        "No activities were recorded in this period and area.",
    ),
    "partisipasi.tab_jenis": ("Jenis & wilayah", "Type & area"),
    "partisipasi.tab_jadwal": ("Jadwal rutin", "Routine schedule"),
    "partisipasi.tab_rt_bulan": ("RT × bulan", "RT × month"),
    "partisipasi.tab_peran": ("Peran", "Roles"),
    "partisipasi.tab_bimtek": ("Bimtek", "Bimtek"),
    "partisipasi.detail": ("{kegiatan} kegiatan, {hadir} hadir", "{kegiatan} activities, {hadir} attending"),
    "partisipasi.by_type_title": ("Partisipasi per jenis kegiatan", "Participation by activity type"),
    "partisipasi.by_area_title": ("Partisipasi per {unit}", "Participation per {unit}"),
    "partisipasi.schedule_title": ("Kegiatan rutin: terlaksana dari jadwal", "Routine activities: held vs scheduled"),
    "partisipasi.no_schedule": (
        "Tidak ada kegiatan rutin yang dijadwalkan untuk wilayah ini.",
        "No routine activities are scheduled for this area.",
    ),
    "partisipasi.held_of": ("{held} dari {expected} terlaksana", "{held} of {expected} held"),
    "partisipasi.cadence": ("{jenis}: {kali}× sebulan per {unit}", "{jenis}: {kali}× a month per {unit}"),
    "partisipasi.schedule_pick": ("Lihat per bulan", "Show by month"),
    "partisipasi.schedule_caption": (
        "Angka di kotak: terlaksana/dijadwalkan. Bulan yang belum penuh (mis. bulan berjalan) baru diberi warna "
        "setelah jadwalnya terpenuhi.",
        "Numbers in the cells: held/scheduled. A month not yet complete (e.g. the current one) is coloured only "
        "once its schedule is met.",
    ),
    "partisipasi.heatmap_title": ("Partisipasi per RT per bulan (%)", "Participation per RT per month (%)"),
    "partisipasi.no_rt_activities": (
        "Belum ada kegiatan RT bertarget di periode ini.",
        "No RT activities with a target in this period.",
    ),
    "partisipasi.roles_title": ("Siapa yang hadir: kehadiran menurut peran", "Who takes part: attendance by role"),
    "partisipasi.bimtek_title": ("Catatan Bimtek / pelatihan", "Bimtek / training record"),
    "partisipasi.bimtek_caption": (
        "Ketua RT/RW, tokoh masyarakat dan tokoh agama yang mengikuti Bimtek "
        "{dari} – {sampai} (sudah ikut / jumlah); yang belum ikut di atas daftar.",
        "RT/RW heads, community and religious figures who attended a Bimtek "
        "{dari} – {sampai} (attended / all); those who have not come first in the list.",
    ),
    "partisipasi.no_people": (
        "Belum ada ketua RT/RW atau tokoh terdaftar di wilayah ini.",
        "No RT/RW heads or community figures are registered in this area.",
    ),
    "partisipasi.total": ("Jumlah", "Total"),
    "partisipasi.col_jenis": ("Kegiatan", "Activity"),
    "partisipasi.sudah": ("Sudah", "Attended"),
    "partisipasi.belum": ("Belum", "Not yet"),
    "partisipasi.col_status": ("Bimtek", "Bimtek"),
    "partisipasi.col_peran": ("Peran", "Role"),
    "partisipasi.col_nama": ("Nama", "Name"),
    "partisipasi.col_wilayah": ("Wilayah", "Area"),
    "partisipasi.col_terakhir": ("Terakhir", "Last"),
    "partisipasi.col_kali": ("Kali", "Times"),
    "kapasitas.title": ("Kapasitas RT/RW", "RT/RW capacity"),
    "kapasitas.level": ("Bandingkan", "Compare"),
    "kapasitas.level_rt": ("RT", "RTs"),
    "kapasitas.level_rw": ("RW", "RWs"),
    "kapasitas.method_title": ("Cara menghitung skor", "How the scores are calculated"),
    "kapasitas.method_measure": (
        "{label} — bobot {weight}, minimal {min} data: {help}",
        "{label} — weight {weight}, at least {min} data points: {help}",
    ),
    "kapasitas.method_rule": (
        "**Data belum cukup.** Sebuah ukuran dihitung bila datanya mencapai minimal di atas. Skor tujuan dihitung "
        "bila ukuran yang terhitung membawa paling sedikit {share} bobotnya (bobotnya lalu disesuaikan). {index} "
        "adalah rata-rata keempat skor dan hanya ada, dan diberi peringkat, bila keempatnya terhitung. Wilayah tanpa "
        "laporan dan tanpa kegiatan tercatat dalam periode tidak dinilai.",
        "**Not enough data.** A measure counts once its data reach the minimum above. A goal is scored when its "
        "counting measures carry at least {share} of its weight (their weights are then rescaled). The {index} is the "
        "mean of the four scores and exists, and is ranked, only when all four are scored. An area with no report "
        "and no activity recorded in the period is not scored.",
    ),
    "kapasitas.no_units": ("Tidak ada RT/RW aktif di wilayah ini.", "There are no active RTs/RWs in this area."),
    "kapasitas.scored_of": (
        "{scored} dari {total} wilayah datanya cukup untuk dinilai.",
        "{scored} of {total} areas have enough data to be scored.",
    ),
    "kapasitas.none_scored": (
        "Belum ada wilayah yang datanya cukup untuk periode ini. Pilih periode lebih panjang (mis. 12 bulan "
        "terakhir) atau lengkapi pencatatan laporan dan kegiatan.",
        "No area has enough data for this period yet. Choose a longer period (e.g. the last 12 months) or record "
        "more reports and activities.",
    ),
    "kapasitas.support_title": ("Perlu dukungan", "Needs support"),
    "kapasitas.support_line": (
        "**{unit}** — indeks {index}; terlemah: {goal} (skor {score})",
        "**{unit}** — index {index}; weakest: {goal} (score {score})",
    ),
    "kapasitas.table_title": ("Semua {unit}", "All {unit}s"),
    "kapasitas.col_rank": ("Peringkat", "Rank"),
    "kapasitas.col_unit": ("Wilayah", "Area"),
    "kapasitas.col_change": ("Perubahan", "Change"),
    "kapasitas.col_change_help": (
        "Indeks dibanding periode sebelumnya (poin).",
        "Index compared with the previous period (points).",
    ),
    "kapasitas.col_note": ("Keterangan", "Note"),
    "kapasitas.no_records": (
        "data belum cukup: belum ada laporan atau kegiatan tercatat",
        "not enough data: no report or activity recorded",
    ),
    "kapasitas.missing_goals": ("data belum cukup: {goals}", "not enough data: {goals}"),
    "kapasitas.not_enough": ("data belum cukup", "not enough data"),
    "kapasitas.profile_title": ("Profil RT/RW", "RT/RW profile"),
    "kapasitas.profile_pick": (
        "Wilayah (urut dari yang paling perlu dukungan)",
        "Area (those most in need of support first)",
    ),
    "kapasitas.rank_of": ("peringkat {rank} dari {total}", "rank {rank} of {total}"),
    "kapasitas.strengths": ("Kekuatan", "Strengths"),
    "kapasitas.weaknesses": ("Perlu ditingkatkan", "To work on"),
    "kapasitas.none_yet": ("—", "—"),
    "kapasitas.measures_title": ("Semua ukuran", "All measures"),
    "kapasitas.col_goal": ("Tujuan", "Goal"),
    "kapasitas.col_measure": ("Ukuran", "Measure"),
    "kapasitas.col_share": ("Nilai", "Value"),
    "kapasitas.col_weight": ("Bobot", "Weight"),
    "kapasitas.col_counted": ("Dihitung", "Counted"),
    "kapasitas.counted": ("ya", "yes"),
    "kapasitas.not_counted": ("data belum cukup (min. {min})", "not enough data (min. {min})"),
    "kapasitas.trend_title": ("Tren", "Trend"),
    "kapasitas.trend_caption": (
        "Setiap titik: periode sepanjang yang dipilih, berakhir pada tanggal itu.",
        "Each point: a period as long as the chosen one, ending on that date.",
    ),
    "kapasitas.no_trend": ("Belum cukup data untuk menampilkan tren.", "Not enough data to show a trend yet."),
    "kapasitas.detail.kehadiran_rakor": ("hadir {num} dari {den} rapat", "attended {num} of {den} meetings"),
    "kapasitas.detail.pencatatan_tepat_waktu": (
        "{num} dari {den} bulan tercatat tepat waktu",
        "{num} of {den} months recorded on time",
    ),
    "kapasitas.detail.tindak_lanjut_eskalasi": (
        "{num} dari {den} laporan eskalasi ditindaklanjuti",
        "{num} of {den} escalated reports followed up",
    ),
    "kapasitas.detail.tingkat_penyelesaian": ("{num} dari {den} laporan selesai", "{num} of {den} reports resolved"),
    "kapasitas.detail.selesai_tepat_waktu": (
        "{num} dari {den} laporan selesai dalam SLA",
        "{num} of {den} reports resolved within the SLA",
    ),
    "kapasitas.detail.tanggap_cepat": (
        "{num} dari {den} laporan ditanggapi dalam 3 hari",
        "{num} of {den} reports responded to within 3 days",
    ),
    "kapasitas.detail.tingkat_partisipasi": (
        "rata-rata {pct} dari target, {den} kegiatan",
        "on average {pct} of target, {den} activities",
    ),
    "kapasitas.detail.kegiatan_terlaksana": (
        "{num} dari {den} kegiatan rutin terlaksana",
        "{num} of {den} routine activities held",
    ),
    "kapasitas.detail.musyawarah_rutin": ("{num} dari {den} musyawarah terlaksana", "{num} of {den} meetings held"),
    "kapasitas.detail.kehadiran_bimtek": ("hadir {num} dari {den} Bimtek", "attended {num} of {den} Bimtek"),
    "kapasitas.detail.kelengkapan_data": ("{num} dari {den} isian lengkap", "{num} of {den} facts complete"),
    "wilayah.title": ("Wilayah", "Areas"),
    "wilayah.measure": ("Warnai menurut", "Colour by"),
    "wilayah.no_units": ("Tidak ada RT aktif di wilayah ini.", "There are no active RTs in this area."),
    "wilayah.households": ("KK", "Households"),
    "wilayah.legend": (
        "Setiap kotak satu RT di dalam RW-nya; besarnya menurut jumlah KK. Hijau = baik, oranye = perlu perhatian, "
        "abu-abu = belum ada data. Klik kotak untuk memilih wilayah itu (klik RW juga memperbesarnya).",
        "Each tile is an RT inside its RW, sized by households. Green = good, orange = needs attention, grey = no "
        "data. Click a tile to pick that area (clicking an RW also zooms in).",
    ),
    "wilayah.pick": ("Buka wilayah di halaman lain", "Open an area in the other pages"),
    "wilayah.pick_none": ("— pilih RW/RT atau klik kotaknya —", "— pick an RW/RT or click its tile —"),
    "wilayah.list_title": ("Daftar RT (yang perlu perhatian di atas)", "RTs (those needing attention first)"),
    "wilayah.col_unit": ("Wilayah", "Area"),
    "wilayah.col_open": ("Terbuka", "Open"),
    "wilayah.col_overdue": ("Terlambat", "Overdue"),
    "lapor.title": ("Lapor", "Report"),
    "lapor.tab_new": ("Laporan baru", "New report"),
    "lapor.tab_status": ("Ubah status", "Update status"),
    "lapor.no_areas": (
        "Belum ada RW/RT aktif. Tambahkan wilayah di Pengaturan dulu.",
        "There are no active RWs/RTs yet. Add the areas in Settings first.",
    ),
    "lapor.kategori": ("Kategori", "Category"),
    "lapor.kategori_placeholder": ("Pilih kategori", "Choose a category"),
    "lapor.judul": ("Judul (masalahnya apa?)", "Title (what is the problem?)"),
    "lapor.judul_placeholder": ("mis. Selokan mampet di Gang Mawar", "e.g. Blocked drain in Gang Mawar"),
    "lapor.deskripsi": ("Uraian (opsional)", "Description (optional)"),
    "lapor.lokasi": ("Lokasi (opsional)", "Location (optional)"),
    "lapor.lokasi_placeholder": ("mis. depan musala, Gang Mawar", "e.g. in front of the prayer room, Gang Mawar"),
    "lapor.prioritas": ("Prioritas", "Priority"),
    "lapor.more_details": ("Sumber, waktu, koordinat", "Source, time, coordinates"),
    "lapor.sumber": ("Sumber laporan", "Reported by"),
    "lapor.tanggal": ("Tanggal lapor", "Report date"),
    "lapor.jam": ("Jam", "Time"),
    "lapor.koordinat": ("Koordinat (opsional)", "Coordinates (optional)"),
    "lapor.koordinat_help": (
        "Lintang, bujur (mis. -7.6453, 112.6834), atau tempel tautan Google Maps / OpenStreetMap / geo:. Kosong dan "
        "foto ber-GPS: koordinat diambil dari foto.",
        "Latitude, longitude (e.g. -7.6453, 112.6834), or paste a Google Maps / OpenStreetMap / geo: link. Empty and a "
        "photo with GPS: the coordinates come from the photo.",
    ),
    "lapor.personal_data": ("Data pelapor (opsional, data pribadi)", "Reporter (optional, personal data)"),
    "lapor.personal_data_note": (
        "Data pribadi (UU PDP): nama dan nomor telepon hanya dipakai untuk menindaklanjuti laporan, tidak "
        "ditampilkan di ringkasan dan tidak ikut diekspor tanpa izin. Isi hanya bila pelapor setuju.",
        "Personal data (Indonesia's data-protection law): the name and phone number are used only to follow up "
        "the report, never shown in summaries or exported without permission. Fill in only with consent.",
    ),
    "lapor.pelapor_nama": ("Nama pelapor", "Reporter's name"),
    "lapor.pelapor_telepon": ("Telepon / WhatsApp pelapor", "Reporter's phone / WhatsApp"),
    "lapor.submit": ("Kirim laporan", "Submit report"),
    "lapor.created": (
        "Laporan tersimpan dengan nomor #{nomor}. Kode lacak untuk pelapor: **{kode}** (cek di {link}).",
        "Report saved as number #{nomor}. Tracking code for the reporter: **{kode}** (check at {link}).",
    ),
    "lapor.find_number": ("Nomor laporan", "Report number"),
    "lapor.find_placeholder": ("mis. 1234", "e.g. 1234"),
    "lapor.card_title": ("Laporan #{nomor}", "Report #{nomor}"),
    "lapor.current_status": ("Status sekarang", "Current status"),
    "lapor.handler": ("Ditangani oleh", "Handled by"),
    "lapor.handler_none": ("Belum ditentukan", "Not assigned yet"),
    "lapor.handler_name": ("Nama penanganan / dinas (opsional)", "Handler / department name (optional)"),
    "lapor.handler_name_placeholder": ("mis. DLH Kab. Pasuruan", "e.g. DLH Kab. Pasuruan"),
    "lapor.duplicate_of": ("Duplikat dari laporan #{nomor}.", "Duplicate of report #{nomor}."),
    "lapor.history_summary": (
        "Riwayat status: {shown} dari {total} perubahan terakhir.",
        "Status history: the last {shown} of {total} changes.",
    ),
    "lapor.history_when": ("Waktu", "When"),
    "lapor.history_change": ("Perubahan", "Change"),
    "lapor.history_by": ("Oleh", "By"),
    "lapor.history_note": ("Catatan", "Note"),
    "lapor.status_final": (
        "Status {status} sudah final; tidak bisa diubah lagi.",
        "Status {status} is final; it cannot change any more.",
    ),
    "lapor.new_status": ("Status baru", "New status"),
    "lapor.duplicate_original": ("Nomor laporan aslinya", "Number of the original report"),
    "lapor.note": ("Catatan (opsional)", "Note (optional)"),
    "lapor.note_required": ("Alasan (wajib)", "Reason (required)"),
    "lapor.save_status": ("Simpan status", "Save status"),
    "lapor.status_changed": ("Status laporan #{nomor} sekarang: {ke}.", "Report #{nomor} is now: {ke}."),
    "lapor.paste_title": ("Tempel pesan WhatsApp", "Paste a WhatsApp message"),
    "lapor.paste_help": (
        "Salin satu pesan dari grup (tekan lama → Salin) dan tempel di sini: judul, uraian, tanggal dan kategori "
        "terisi. Periksa, lalu kirim dengan formulir di bawah.",
        "Copy one message from the group (long press → Copy) and paste it here: title, description, date and "
        "category are filled in. Check them, then submit with the form below.",
    ),
    "lapor.paste_label": ("Pesan", "Message"),
    "lapor.paste_fill": ("Isi formulir dari pesan", "Fill the form from the message"),
    "lapor.paste_empty": ("Tempel pesannya dulu.", "Paste the message first."),
    "lapor.paste_filled": (
        "Formulir diisi dari pesan. Kategori tebakan: {kategori} (yakin {yakin}). Periksa, lalu kirim.",
        "The form was filled from the message. Category guess: {kategori} ({yakin} sure). Check, then submit.",
    ),
    "lapor.paste_no_category": (
        "Formulir diisi dari pesan. Kategorinya belum bisa ditebak: pilih sendiri.",
        "The form was filled from the message. Its category could not be guessed: choose one.",
    ),
    "lapor.paste_not_complaint": (
        "Pesan ini tidak tampak seperti keluhan; periksa apakah memang perlu dilaporkan.",
        "This message does not look like a complaint; check that it needs a report.",
    ),
    "kegiatan.title": ("Kegiatan", "Activities"),
    "kegiatan.tab_new": ("Catat kegiatan", "Record an activity"),
    "kegiatan.tab_list": ("Kegiatan terbaru", "Recent activities"),
    "kegiatan.tingkat": ("Tingkat", "Level"),
    "kegiatan.jenis": ("Jenis kegiatan", "Activity type"),
    "kegiatan.tanggal": ("Tanggal", "Date"),
    "kegiatan.judul": ("Nama / tema (opsional)", "Name / topic (optional)"),
    "kegiatan.judul_placeholder": ("mis. Kerja bakti bersih selokan", "e.g. Drain clean-up day"),
    "kegiatan.target": ("Target peserta", "Target attendance"),
    "kegiatan.target_help": (
        "Berapa yang diharapkan hadir; partisipasi = kehadiran ÷ target.",
        "How many were expected; participation = attendance ÷ target.",
    ),
    "kegiatan.satuan": ("Satuan", "Unit"),
    "kegiatan.kehadiran": ("Kehadiran menurut peran", "Attendance by role"),
    "kegiatan.catatan": ("Catatan (opsional)", "Notes (optional)"),
    "kegiatan.save_new": ("Simpan kegiatan", "Save activity"),
    "kegiatan.save_edit": ("Simpan koreksi", "Save correction"),
    "kegiatan.created": ("Kegiatan tersimpan dengan nomor #{nomor}.", "Activity saved as number #{nomor}."),
    "kegiatan.updated": ("Kegiatan #{nomor} sudah dikoreksi.", "Activity #{nomor} has been corrected."),
    "kegiatan.none_yet": ("Belum ada kegiatan tercatat di wilayah Anda.", "No activities recorded in your area yet."),
    "kegiatan.list_summary": (
        "{total} kegiatan · halaman {page} dari {pages}",
        "{total} activities · page {page} of {pages}",
    ),
    "kegiatan.page": ("Halaman", "Page"),
    "kegiatan.col_nomor": ("No.", "No."),
    "kegiatan.col_wilayah": ("Wilayah", "Area"),
    "kegiatan.col_judul": ("Nama / tema", "Name / topic"),
    "kegiatan.col_hadir": ("Hadir", "Attended"),
    "kegiatan.choose_to_edit": ("Koreksi kegiatan", "Correct an activity"),
    "kegiatan.choose_placeholder": ("Pilih kegiatan dari halaman ini", "Choose an activity on this page"),
    "kegiatan.edit_title": ("Koreksi kegiatan #{nomor}", "Correct activity #{nomor}"),
    "settings.title": ("Pengaturan", "Settings"),
    "settings.tab_areas": ("Wilayah", "Areas"),
    "settings.tab_categories": ("Kategori", "Categories"),
    "settings.no_kelurahan": (
        "Belum ada kelurahan/desa. Tambahkan dengan kode wilayah Kemendagri.",
        "No kelurahan/desa yet. Add one by its Kemendagri area code.",
    ),
    "settings.add_kelurahan": ("Tambah kelurahan / desa", "Add a kelurahan / desa"),
    "settings.kode": ("Kode wilayah Kemendagri", "Kemendagri area code"),
    "settings.kode_help": (
        "Mis. 35.14.11.1006 untuk Kutorejo; nama diambil dari daftar resmi.",
        "E.g. 35.14.11.1006 for Kutorejo; the name comes from the official list.",
    ),
    "settings.kelurahan_added": ("{nama} ditambahkan.", "{nama} added."),
    "settings.rw_title": ("RW", "RWs"),
    "settings.rt_title": ("RT", "RTs"),
    "settings.ketua": ("Ketua", "Head"),
    "settings.ketua_rw": ("Nama ketua RW", "RW head's name"),
    "settings.ketua_rt": ("Nama ketua RT", "RT head's name"),
    "settings.jumlah_rt": ("Jumlah RT", "RTs"),
    "settings.laporan": ("Laporan", "Reports"),
    "settings.aktif": ("Aktif", "Active"),
    "settings.aktif_help": (
        "Aktif (yang nonaktif tidak muncul di formulir; datanya tetap tersimpan)",
        "Active (inactive ones leave the forms; their data is kept)",
    ),
    "settings.yes": ("Ya", "Yes"),
    "settings.no": ("Tidak", "No"),
    "settings.kk": ("Jumlah KK", "Households (KK)"),
    "settings.warga": ("Jumlah warga", "Residents"),
    "settings.diperbarui": ("Data per", "Data as of"),
    "settings.add": ("Tambah", "Add"),
    "settings.save": ("Simpan", "Save"),
    "settings.add_rw": ("Tambah RW", "Add an RW"),
    "settings.add_rt": ("Tambah RT di RW {rw}", "Add an RT to RW {rw}"),
    "settings.nomor_rw": ("Nomor RW", "RW number"),
    "settings.nomor_rt": ("Nomor RT", "RT number"),
    "settings.choose_rw": ("Ubah atau hapus RW", "Edit or delete an RW"),
    "settings.choose_rt": ("Ubah atau hapus RT", "Edit or delete an RT"),
    "settings.choose_kategori": ("Ubah atau hapus kategori", "Edit or delete a category"),
    "settings.choose_placeholder": ("Pilih…", "Choose…"),
    "settings.delete_rw": ("Hapus RW {rw}", "Delete RW {rw}"),
    "settings.delete_rt": ("Hapus RT {rt}", "Delete RT {rt}"),
    "settings.delete_kategori": ("Hapus kategori", "Delete category"),
    "settings.delete_warning": (
        "Hanya data yang belum dipakai laporan atau kegiatan yang bisa dihapus. Yang sudah dipakai: nonaktifkan saja.",
        "Only what no report or activity uses can be deleted. For anything in use, deactivate it instead.",
    ),
    "settings.rw_added": ("RW {rw} ditambahkan.", "RW {rw} added."),
    "settings.rw_saved": ("RW {rw} disimpan.", "RW {rw} saved."),
    "settings.rw_deleted": ("RW {rw} dihapus.", "RW {rw} deleted."),
    "settings.rt_added": ("RT {rt} / RW {rw} ditambahkan.", "RT {rt} / RW {rw} added."),
    "settings.rt_saved": ("RT {rt} / RW {rw} disimpan.", "RT {rt} / RW {rw} saved."),
    "settings.rt_deleted": ("RT {rt} / RW {rw} dihapus.", "RT {rt} / RW {rw} deleted."),
    "settings.kategori": ("Kategori", "Category"),
    "settings.kategori_nama": ("Nama kategori", "Category name"),
    "settings.sla": ("Target selesai (hari kerja)", "Target resolution (working days)"),
    "settings.sla_help": (
        "Laporan yang masih terbuka sesudah sekian hari kerja dihitung terlambat (Sabtu, Minggu, hari libur nasional, "
        "cuti bersama dan libur kelurahan tidak dihitung). Berlaku untuk laporan yang masuk sesudah diubah.",
        "Reports still open after this many working days count as overdue (weekends, national holidays, cuti "
        "bersama and the kelurahan's days off do not count). Applies to reports made after the change.",
    ),
    "settings.tab_routing": ("Penanggung jawab", "Who is in charge"),
    "settings.tab_days_off": ("Hari libur", "Days off"),
    "settings.tab_map": ("Peta wilayah", "Area map"),
    "settings.map_intro": (
        "Batas RW/RT untuk halaman Peta: satu berkas GeoJSON berisi poligon (dari QGIS, geojson.io, atau kecamatan). "
        "Nomor RW/RT dibaca dari properti `rw`/`rt` atau nama seperti `RW 03`. Batasnya tetap tergambar tanpa "
        "internet.",
        "RW/RT boundaries for the Map page: one GeoJSON file of polygons (from QGIS, geojson.io or the kecamatan). "
        "RW/RT numbers are read from `rw`/`rt` properties or names like `RW 03`. They are drawn even without "
        "internet.",
    ),
    "settings.map_none": ("Belum ada peta batas wilayah.", "No boundary map yet."),
    "settings.map_current": (
        "Peta sekarang: {fitur} wilayah, diunggah {tanggal} oleh {oleh}.",
        "Current map: {fitur} areas, uploaded {tanggal} by {oleh}.",
    ),
    "settings.map_upload": ("Unggah GeoJSON batas RW/RT", "Upload the RW/RT boundaries (GeoJSON)"),
    "settings.map_upload_help": (
        "Berkas .geojson atau .json, paling besar 5 MB, hanya Polygon/MultiPolygon dengan koordinat bujur, lintang.",
        "A .geojson or .json file, 5 MB at most, only Polygon/MultiPolygon with longitude, latitude coordinates.",
    ),
    "settings.map_preview": ("Pratinjau: {fitur} wilayah", "Preview: {fitur} areas"),
    "settings.map_save": ("Simpan peta ini", "Save this map"),
    "settings.map_saved": (
        "Peta batas wilayah tersimpan ({fitur} wilayah).",
        "The boundary map was saved ({fitur} areas).",
    ),
    "error.geojson_invalid": (
        "Berkas ini bukan GeoJSON yang terbaca. Tidak ada yang disimpan.",
        "This file is not readable GeoJSON. Nothing was saved.",
    ),
    "error.geojson_too_large": (
        "Berkas GeoJSON lebih dari {mb} MB; sederhanakan dulu poligonnya (mis. di QGIS).",
        "The GeoJSON file is over {mb} MB; simplify its polygons first (e.g. in QGIS).",
    ),
    "error.geojson_empty": ("GeoJSON ini tidak berisi satu wilayah pun.", "This GeoJSON holds no area."),
    "error.geojson_too_many": (
        "GeoJSON ini berisi {n} bagian; paling banyak {max}.",
        "This GeoJSON holds {n} features; {max} at most.",
    ),
    "error.geojson_not_polygon": (
        "Bagian ke-{nomor} berupa {jenis}, bukan poligon. Peta wilayah hanya menerima Polygon/MultiPolygon.",
        "Feature {nomor} is a {jenis}, not a polygon. The area map takes only Polygon/MultiPolygon.",
    ),
    "error.geojson_bad_polygon": (
        "Poligon bagian ke-{nomor} tidak lengkap (cincinnya harus tertutup, paling sedikit 4 titik).",
        "The polygon of feature {nomor} is incomplete (its ring must be closed, 4 points at least).",
    ),
    "error.geojson_outside": (
        "Bagian ke-{nomor} berada di luar Indonesia ({lat}, {lon}). Periksa urutan koordinat: GeoJSON menulis "
        "bujur dulu, lalu lintang.",
        "Feature {nomor} lies outside Indonesia ({lat}, {lon}). Check the order: GeoJSON writes longitude first, "
        "then latitude.",
    ),
    "error.geojson_too_detailed": (
        "Poligonnya terlalu rinci (lebih dari {max} titik); sederhanakan dulu (mis. di QGIS).",
        "The polygons are too detailed (over {max} points); simplify them first (e.g. in QGIS).",
    ),
    "settings.foto_wajib": ("Foto sesudah wajib", "After photo required"),
    "settings.foto_wajib_help": (
        "Laporan kategori ini tidak bisa ditandai selesai tanpa foto sesudah.",
        "Reports of this category cannot be marked resolved without an after photo.",
    ),
    "routing.explain": (
        "Tanpa aturan, laporan menjadi tanggung jawab ketua RT-nya (tingkat RT), ketua RW-nya (tingkat RW), atau staf "
        "kelurahan (tingkat kelurahan dan dinas). Aturan di sini menggantinya: yang paling khusus berlaku (RT di atas "
        "RW di atas seluruh kelurahan; satu kategori di atas semua kategori).",
        "Without a rule, a report is its RT head's (level RT), its RW head's (level RW), or the kelurahan staff's "
        "(levels kelurahan and dinas). Rules here replace that: the most specific one applies (an RT over its RW "
        "over the whole kelurahan; one category over every category).",
    ),
    "routing.none": (
        "Belum ada aturan: yang berlaku adalah bawaan di atas.",
        "No rules yet: the defaults above apply.",
    ),
    "routing.inactive": (
        "{n} aturan menunjuk akun yang sudah dinonaktifkan; laporan baru dan eskalasi memakai orang berikutnya. "
        "Ganti atau hapus aturan itu.",
        "{n} rules name a deactivated account; new reports and escalations go to the next person. Replace or "
        "delete those rules.",
    ),
    "routing.inactive_short": ("akun nonaktif", "account deactivated"),
    "routing.add": ("Tambah aturan", "Add a rule"),
    "routing.added": (
        "Aturan disimpan; berlaku untuk laporan baru dan eskalasi berikutnya.",
        "Rule saved; it applies to new reports and the next escalations.",
    ),
    "routing.delete_pick": ("Aturan yang dihapus", "Rule to delete"),
    "routing.delete": ("Hapus aturan", "Delete rule"),
    "routing.deleted": ("Aturan #{nomor} dihapus.", "Rule #{nomor} deleted."),
    "libur.explain": (
        "Batas waktu dihitung dalam hari kerja: Sabtu, Minggu, hari libur nasional dan cuti bersama (dari daftar "
        "resmi) tidak dihitung, begitu pula hari libur yang ditambahkan di sini. Batas yang sudah ditetapkan tidak "
        "berubah.",
        "Deadlines count working days: weekends, national holidays and cuti bersama (from the official list) do not "
        "count, nor do the days off added here. Deadlines already set do not change.",
    ),
    "libur.national": ("Hari libur nasional dan cuti bersama berikutnya", "Coming national holidays and cuti bersama"),
    "libur.own": ("Hari libur yang ditambahkan kelurahan", "Days off the kelurahan added"),
    "libur.own_none": ("Belum ada.", "None yet."),
    "libur.tanggal": ("Tanggal", "Date"),
    "libur.nama": ("Keterangan", "Name"),
    "libur.add": (
        "Tambah hari libur: satu per baris, tanggal lalu keterangan (2026-12-28 HUT Kelurahan)",
        "Add days off: one per line, the date then a name (2026-12-28 Village anniversary)",
    ),
    "libur.line": ("baris {n}", "line {n}"),
    "libur.unreadable": (
        "Baris berikut bukan tanggal dan tidak disimpan (format 2026-12-28 atau 28/12/2026): {daftar}",
        "These lines are not dates and were not saved (format 2026-12-28 or 28/12/2026): {daftar}",
    ),
    "libur.added": ("{n} hari libur ditambahkan ({lewat} sudah ada).", "{n} days off added ({lewat} were there)."),
    "libur.remove_pick": ("Hari libur yang dihapus", "Day off to remove"),
    "libur.remove": ("Hapus", "Remove"),
    "libur.removed": ("{hari} dihapus dari hari libur.", "{hari} is no longer a day off."),
    "settings.tanggap": ("Target tanggap (hari kerja)", "Target response (working days)"),
    "settings.tanggap_help": (
        "Dalam sekian hari kerja laporan baru harus diterima atau diproses (SP4N-LAPOR!: 3).",
        "Within this many working days a new report must be acknowledged or taken up (SP4N-LAPOR!: 3).",
    ),
    "error.tanggap_range": (
        "Target tanggap harus 1 sampai 365 hari kerja.",
        "The response target must be 1 to 365 working days.",
    ),
    "settings.add_kategori": ("Tambah kategori", "Add a category"),
    "settings.kategori_added": ("Kategori {nama} ditambahkan.", "Category {nama} added."),
    "settings.kategori_saved": ("Kategori {nama} disimpan.", "Category {nama} saved."),
    "settings.kategori_deleted": ("Kategori {nama} dihapus.", "Category {nama} deleted."),
    "error.coordinates_format": (
        "Koordinat tidak dikenali; tulis lintang, bujur (mis. -7.6453, 112.6834) atau tempel tautan Google Maps.",
        "Coordinates not recognised; write latitude, longitude (e.g. -7.6453, 112.6834) or paste a Google Maps link.",
    ),
    "error.coordinates_short_link": (
        "Tautan pendek (maps.app.goo.gl) tidak memuat koordinat. Buka tautannya, lalu salin tautan lengkap atau "
        "angka koordinatnya.",
        "A short link (maps.app.goo.gl) holds no coordinates. Open it, then copy the full link or the coordinates.",
    ),
    # Photos of a report (intake/photos.py, records/photos.py)
    "error.photo_too_large": (
        "Foto {nama} lebih dari {mb} MB. Kirim foto yang lebih kecil (mis. lewat WhatsApp, lalu simpan).",
        "Photo {nama} is over {mb} MB. Send a smaller photo (e.g. through WhatsApp, then save it).",
    ),
    "error.photo_not_image": (
        "Berkas {nama} bukan foto JPEG atau PNG. Tidak ada yang disimpan.",
        "File {nama} is not a JPEG or PNG photo. Nothing was saved.",
    ),
    "error.photo_format": (
        "Foto {nama} berformat {format}; yang diterima hanya JPEG dan PNG. Tidak ada yang disimpan.",
        "Photo {nama} is a {format}; only JPEG and PNG are accepted. Nothing was saved.",
    ),
    "error.photo_too_many_pixels": (
        "Gambar {nama} terlalu besar (lebih dari 50 megapiksel) dan tidak dibuka. Tidak ada yang disimpan.",
        "Image {nama} is too large (over 50 megapixels) and was not opened. Nothing was saved.",
    ),
    "error.photo_damaged": (
        "Foto {nama} rusak atau terpotong (belum selesai terunggah?). Pilih lagi fotonya. Tidak ada yang disimpan.",
        "Photo {nama} is damaged or cut short (not fully uploaded?). Choose it again. Nothing was saved.",
    ),
    "error.photo_too_many": (
        "{n} foto dipilih; paling banyak {max} sekaligus. Pilih yang paling jelas. Tidak ada yang disimpan.",
        "{n} photos chosen; {max} at most at once. Keep the clearest. Nothing was saved.",
    ),
    "error.photo_limit": ("Paling banyak 4 foto sekaligus.", "At most 4 photos at once."),
    "error.photo_report_full": (
        "Laporan ini sudah punya foto sebanyak yang bisa disimpan.",
        "This report already has as many photos as can be kept.",
    ),
    "error.photo_only_when_resolving": (
        "Foto sesudah hanya disertakan saat laporan ditandai selesai.",
        "After photos come only with marking the report resolved.",
    ),
    "error.after_photo_required": (
        "Laporan #{nomor} ({kategori}) hanya bisa ditandai selesai dengan foto sesudah. Tambahkan foto yang "
        "menunjukkan hasilnya, lalu simpan lagi.",
        "Report #{nomor} ({kategori}) can only be marked resolved with an after photo. Add a photo showing the "
        "result, then save again.",
    ),
    "photo.gps_outside": (
        "Lokasi GPS di foto {nama} ({lat}, {lon}) ada di luar Indonesia, jadi tidak dipakai sebagai koordinat.",
        "The GPS position in photo {nama} ({lat}, {lon}) is outside Indonesia, so it was not used as coordinates.",
    ),
    "photo.gps_used": (
        "Koordinat laporan diambil dari GPS foto ({lat}, {lon}).",
        "The report's coordinates came from the photo's GPS ({lat}, {lon}).",
    ),
    "photo.sebelum": ("Sebelum", "Before"),
    "photo.sesudah": ("Sesudah", "After"),
    "photo.title": ("Foto", "Photos"),
    "photo.field_before": ("Foto (opsional, paling banyak 4)", "Photos (optional, at most 4)"),
    "photo.field_help": (
        "JPEG atau PNG dari kamera atau galeri, paling besar 15 MB. Foto diperkecil dan semua metadatanya dibuang; "
        "lokasi GPS-nya dipakai sebagai koordinat bila koordinat kosong.",
        "JPEG or PNG from the camera or gallery, 15 MB at most. Photos are made smaller and all metadata removed; "
        "their GPS position fills the coordinates when these are empty.",
    ),
    "photo.camera_toggle": ("Ambil foto langsung dengan kamera", "Take a photo with the camera"),
    "photo.camera": ("Kamera", "Camera"),
    "photo.field_after": ("Foto sesudah (opsional, paling banyak 4)", "After photos (optional, at most 4)"),
    "photo.field_after_required": (
        "Foto sesudah (wajib untuk kategori ini, paling banyak 4)",
        "After photos (required for this category, at most 4)",
    ),
    "photo.field_after_short": ("Foto sesudah", "After photos"),
    "photo.field_after_short_required": ("Foto sesudah (wajib untuk selesai)", "After photos (required to resolve)"),
    "photo.public": (
        "Foto sesudah boleh ditunjukkan kepada warga (halaman cek laporan)",
        "The after photos may be shown to residents (the report's public page)",
    ),
    "photo.none_kind": ("Belum ada foto {jenis}.", "No {jenis} photo yet."),
    "photo.enlarge": ("Perbesar", "Enlarge"),
    "photo.dialog_title": ("Foto laporan", "Report photo"),
    "photo.caption": ("{jenis} · {tanggal} · {oleh}", "{jenis} · {tanggal} · {oleh}"),
    "photo.size": ("{lebar} × {tinggi} piksel · {kb} KB", "{lebar} × {tinggi} pixels · {kb} KB"),
    "photo.gone": ("Foto ini tidak dapat ditampilkan.", "This photo cannot be shown."),
    "error.catatan_too_long": ("Catatan paling panjang 5.000 karakter.", "Notes can be at most 5,000 characters."),
    "error.jenis_invalid": ("Jenis kegiatan tidak dikenal.", "Unknown activity type."),
    "error.tingkat_invalid": ("Tingkat kegiatan tidak dikenal.", "Unknown activity level."),
    "error.tingkat_outside_scope": (
        "Anda hanya bisa mencatat kegiatan di wilayah Anda sendiri.",
        "You can only record activities in your own area.",
    ),
    "error.tanggal_in_future": (
        "Tanggal kegiatan tidak boleh di masa depan.",
        "The activity date cannot be in the future.",
    ),
    "error.target_positive": (
        "Target peserta harus lebih dari 0, atau kosongkan.",
        "The target must be more than 0, or left empty.",
    ),
    "error.satuan_invalid": ("Satuan target harus orang atau KK.", "The target unit must be people or KK."),
    "error.peran_invalid": ("Peran kehadiran tidak dikenal.", "Unknown attendance role."),
    "error.jumlah_negative": ("Jumlah tidak boleh negatif.", "The number cannot be negative."),
    "error.jumlah_too_large": ("Jumlah terlalu besar; periksa lagi.", "The number is too large; please check it."),
    "error.kehadiran_empty": ("Isi kehadiran minimal satu orang.", "Enter the attendance of at least one person."),
    "error.rw_unknown": ("RW tidak dikenal, atau di luar wilayah Anda.", "Unknown RW, or outside your area."),
    "error.kelurahan_unknown": (
        "Kelurahan tidak dikenal, atau di luar wilayah Anda.",
        "Unknown kelurahan, or outside your area.",
    ),
    "error.kegiatan_not_found": (
        "Kegiatan #{nomor} tidak ditemukan di wilayah Anda.",
        "Activity #{nomor} was not found in your area.",
    ),
    "error.area_not_found": (
        "Wilayah itu tidak ditemukan, atau di luar wilayah Anda.",
        "That area was not found, or is outside your area.",
    ),
    "error.settings_outside_scope": (
        "Pengaturan ini hanya bisa diubah oleh kelurahan.",
        "Only the kelurahan office can change this setting.",
    ),
    "error.kode_unknown": (
        "Kode wilayah tidak ada di daftar Kemendagri Kabupaten Pasuruan.",
        "The area code is not in the Kemendagri list of Kabupaten Pasuruan.",
    ),
    "error.kode_not_kelurahan": ("Kode itu bukan kelurahan atau desa.", "That code is not a kelurahan or desa."),
    "error.kelurahan_exists": ("Kelurahan/desa ini sudah ada.", "This kelurahan/desa already exists."),
    "error.rw_nomor_invalid": ("Nomor RW harus angka 1–99.", "The RW number must be 1–99."),
    "error.rt_nomor_invalid": ("Nomor RT harus angka 1–999.", "The RT number must be 1–999."),
    "error.rw_exists": (
        "RW dengan nomor ini sudah ada di kelurahan ini.",
        "An RW with this number already exists in this kelurahan.",
    ),
    "error.rt_exists": (
        "RT dengan nomor ini sudah ada di RW ini.",
        "An RT with this number already exists in this RW.",
    ),
    "error.warga_less_than_kk": (
        "Jumlah warga tidak mungkin lebih kecil dari jumlah KK.",
        "There cannot be fewer residents than households.",
    ),
    "error.rw_has_rt": (
        "RW {rw} masih punya {jumlah} RT; hapus atau nonaktifkan RT-nya dulu, atau nonaktifkan RW ini.",
        "RW {rw} still has {jumlah} RTs; delete or deactivate them first, or deactivate this RW.",
    ),
    "error.rw_in_use": (
        "RW {rw} tidak bisa dihapus: dipakai {laporan} laporan, {kegiatan} kegiatan dan {lainnya} data lain. "
        "Nonaktifkan saja: datanya tetap utuh dan RW ini tidak muncul lagi di formulir.",
        "RW {rw} cannot be deleted: {laporan} reports, {kegiatan} activities and {lainnya} other records use it. "
        "Deactivate it instead: its data stays whole and it leaves the forms.",
    ),
    "error.rt_in_use": (
        "RT {rt} tidak bisa dihapus: dipakai {laporan} laporan, {kegiatan} kegiatan dan {lainnya} data lain. "
        "Nonaktifkan saja: datanya tetap utuh dan RT ini tidak muncul lagi di formulir.",
        "RT {rt} cannot be deleted: {laporan} reports, {kegiatan} activities and {lainnya} other records use it. "
        "Deactivate it instead: its data stays whole and it leaves the forms.",
    ),
    "error.kategori_in_use": (
        "Kategori ini tidak bisa dihapus: dipakai {laporan} laporan. Nonaktifkan saja: laporan lama tetap "
        "berkategori ini dan kategori ini tidak muncul lagi di formulir.",
        "This category cannot be deleted: {laporan} reports use it. Deactivate it instead: old reports keep it "
        "and it leaves the forms.",
    ),
    "error.in_use_now": (
        "Data ini baru saja dipakai atau diubah orang lain, jadi tidak dihapus. Muat ulang halaman.",
        "Someone just used or changed this, so it was not deleted. Reload the page.",
    ),
    "error.kategori_required": ("Pilih kategori masalahnya.", "Choose the problem's category."),
    "error.kategori_nama_required": ("Nama kategori wajib diisi.", "A category name is required."),
    "error.kategori_exists": ("Kategori dengan nama ini sudah ada.", "A category with this name already exists."),
    "error.kategori_not_found": ("Kategori itu tidak ditemukan.", "That category was not found."),
    "error.sla_positive": ("Target selesai harus lebih dari 0 hari.", "The target must be more than 0 days."),
    "error.sla_too_large": ("Target selesai paling lama 365 hari.", "The target can be at most 365 days."),
    # Impor & Ekspor
    "nav.impor_ekspor": ("Impor & Ekspor", "Import & Export"),
    "impor.title": ("Impor & Ekspor", "Import & Export"),
    "impor.tab_impor": ("Impor", "Import"),
    "impor.tab_ekspor": ("Ekspor", "Export"),
    "impor.intro": (
        "Unggah rekap laporan atau kegiatan dari Excel (.xlsx) atau CSV. Judul kolom boleh berbeda urutan dan "
        "ejaan; tanggal seperti 29/11/2026, 2026-11-29 atau 29 Nov 2026; wilayah seperti RT 2 / RW 3 atau 002/003. "
        "Anda melihat pratinjau dulu; tidak ada yang disimpan sebelum Anda menekan tombol simpan.",
        "Upload a report or activity recap from Excel (.xlsx) or CSV. Column headers may come in any order and "
        "spelling; dates like 29/11/2026, 2026-11-29 or 29 Nov 2026; areas like RT 2 / RW 3 or 002/003. "
        "You see a preview first; nothing is saved until you press the save button.",
    ),
    "impor.jenis": ("Jenis data", "Kind of data"),
    "impor.jenis.laporan": ("Laporan masalah", "Issue reports"),
    "impor.jenis.kegiatan": ("Kegiatan", "Activities"),
    "impor.kelurahan": (
        "Kelurahan tujuan (bila berkas tidak menyebutnya)",
        "Target kelurahan (when the file does not say)",
    ),
    "impor.file": ("Berkas CSV atau XLSX", "CSV or XLSX file"),
    "impor.file_help": (
        "Paling besar {mb} MB dan {baris} baris data. Rumus Excel tidak dihitung: salin sebagai nilai.",
        "At most {mb} MB and {baris} data rows. Excel formulas are not calculated: paste as values.",
    ),
    "impor.template": ("Templat", "Template"),
    "impor.template_caption": (
        "Templat berisi judul kolom yang dikenali dan satu baris contoh (nomor CONTOH, "
        "tidak ikut diimpor). Lembar Petunjuk memuat daftar kategori dan status.",
        "The template has the recognised headers and one example row (number CONTOH, "
        "never imported). Its Petunjuk sheet lists the categories and statuses.",
    ),
    "impor.template_xlsx": ("Unduh templat XLSX", "Download XLSX template"),
    "impor.template_csv": ("Unduh templat CSV", "Download CSV template"),
    "impor.mapping_title": ("Kolom yang belum dikenali", "Columns not recognised"),
    "impor.mapping_help": (
        "Pilih isian untuk tiap kolom berikut, atau biarkan diabaikan.",
        "Choose a field for each of these columns, or leave it ignored.",
    ),
    "impor.map_ignore": ("— abaikan —", "— ignore —"),
    "impor.recognised": ("Kolom dikenali: {daftar}", "Recognised columns: {daftar}"),
    "impor.preview_title": ("Pratinjau", "Preview"),
    "impor.header_row": (
        "Judul kolom di baris {baris}; {jumlah} baris data.",
        "Headers in row {baris}; {jumlah} data rows.",
    ),
    "impor.confirm": ("Simpan {jumlah} baris", "Save {jumlah} rows"),
    "impor.nothing_to_write": (
        "Tidak ada yang perlu disimpan: semua baris sudah ada atau ditolak.",
        "Nothing to save: every row is already there or refused.",
    ),
    "impor.success": (
        "Impor selesai: {ditambah} ditambahkan, {diperbarui} diperbarui, {sama} sudah ada, {ditolak} ditolak.",
        "Import done: {ditambah} added, {diperbarui} updated, {sama} already there, {ditolak} refused.",
    ),
    "impor.failed": ("Impor gagal, tidak ada yang disimpan: {alasan}", "Import failed, nothing was saved: {alasan}"),
    "impor.tab.added": ("Ditambahkan ({jumlah})", "Added ({jumlah})"),
    "impor.tab.updated": ("Diperbarui ({jumlah})", "Updated ({jumlah})"),
    "impor.tab.unchanged": ("Sudah ada ({jumlah})", "Already there ({jumlah})"),
    "impor.tab.rejected": ("Ditolak ({jumlah})", "Refused ({jumlah})"),
    "impor.export_intro": (
        "Ekspor laporan wilayah dan periode yang dipilih. Nama dan telepon pelapor tidak ikut.",
        "Export the reports of the chosen area and period. Reporter names and phones are left out.",
    ),
    "impor.export_empty": ("Belum ada laporan untuk diekspor.", "There are no reports to export yet."),
    "impor.export_count": ("{jumlah} laporan · {area} · {period}", "{jumlah} reports · {area} · {period}"),
    "impor.export_csv": ("Unduh CSV", "Download CSV"),
    "impor.export_xlsx": ("Unduh Excel (XLSX)", "Download Excel (XLSX)"),
    "impor.export_open311": ("Unduh Open311 (JSON)", "Download Open311 (JSON)"),
    "impor.tab_whatsapp": ("Chat WhatsApp", "WhatsApp chat"),
    "impor.tab_lapor": ("SP4N-LAPOR!", "SP4N-LAPOR!"),
    # Chat WhatsApp (intake/chat_file.py, intake/whatsapp_chat.py, ui/blocks/impor_whatsapp.py, cli/whatsapp.py)
    "chat.refused.not_whatsapp": (
        "Berkas ini bukan ekspor chat WhatsApp: tidak ada baris yang diawali tanggal dan jam seperti "
        "'03/11/26 08.15 - Nama: pesan' atau '[03/11/26 08.15.02] Nama: pesan'.",
        "This file is not a WhatsApp chat export: no line starts with a date and time like "
        "'11/3/26, 8:15 AM - Name: message' or '[11/3/26, 8:15:02 AM] Name: message'.",
    ),
    "chat.refused.not_text": (
        "Berkas ini bukan teks. Ekspor chat WhatsApp berupa berkas .txt atau .zip.",
        "This file is not text. A WhatsApp chat export is a .txt or a .zip file.",
    ),
    "chat.refused.wrong_type": (
        "Berkas ini {jenis}, bukan ekspor chat WhatsApp (.txt atau .zip).",
        "This file is {jenis}, not a WhatsApp chat export (.txt or .zip).",
    ),
    "chat.refused.spreadsheet": (
        "Berkas ini lembar kerja Excel: impor lewat tab Impor.",
        "This file is an Excel workbook: import it on the Import tab.",
    ),
    "chat.refused.empty": ("Berkasnya kosong.", "The file is empty."),
    "chat.refused.missing": ("Berkas {nama} tidak ditemukan.", "File {nama} not found."),
    "chat.refused.broken": (
        "Berkas zip ini rusak atau tidak lengkap; ekspor chat-nya sekali lagi.",
        "This zip file is damaged or incomplete; export the chat again.",
    ),
    "chat.refused.too_large": (
        "Berkas ini {mb} MB, terlalu besar untuk sebuah ekspor chat.",
        "This file is {mb} MB, too large for a chat export.",
    ),
    "chat.refused.zip_no_chat": (
        "Zip ini tidak berisi teks chat (.txt).",
        "This zip holds no chat text (.txt).",
    ),
    "chat.refused.zip_many_chats": (
        "Zip ini berisi beberapa berkas .txt; tidak jelas mana chat-nya.",
        "This zip holds several .txt files; it is not clear which one is the chat.",
    ),
    "chat.refused.encrypted": (
        "Teks chat di zip ini dikunci dengan kata sandi.",
        "The chat text in this zip is password-protected.",
    ),
    "chat.refused.media_missing": ("Berkas {nama} tidak ada di zip.", "File {nama} is not in the zip."),
    "chat.refused.media_too_large": (
        "Berkas {nama} ({mb} MB) terlalu besar untuk dibuka.",
        "File {nama} ({mb} MB) is too large to open.",
    ),
    "chat.order.dmy": ("hari/bulan/tahun", "day/month/year"),
    "chat.order.mdy": ("bulan/hari/tahun", "month/day/year"),
    "chat.order.ymd": ("tahun-bulan-hari", "year-month-day"),
    "chat.order.day_over_12": (
        "angka pertama tanggal di baris {baris} lebih dari 12",
        "the first number of the date on line {baris} is above 12",
    ),
    "chat.order.month_second": (
        "angka kedua tanggal di baris {baris} lebih dari 12",
        "the second number of the date on line {baris} is above 12",
    ),
    "chat.order.year_first": ("tahun ditulis lebih dulu", "the year comes first"),
    "chat.order.sequence": (
        "hanya urutan ini membuat waktu pesan berjalan maju",
        "only this order keeps the messages' times moving forwards",
    ),
    "chat.order.english_12h": (
        "ponsel berbahasa Inggris dengan jam AM/PM; tidak ada tanggal yang memastikannya",
        "an English-language phone with an AM/PM clock; no date settles it",
    ),
    "chat.order.indonesian": (
        "kebiasaan ponsel berbahasa Indonesia; tidak ada tanggal yang memastikannya",
        "as Indonesian-language phones write it; no date settles it",
    ),
    "chat.order.chosen": ("dipilih", "chosen"),
    "wa.intro": (
        "Keluhan warga yang masuk lewat grup WhatsApp RT/RW: unggah ekspor chat-nya, centang pesan yang menjadi "
        "laporan, lalu simpan. Pesan yang sudah pernah dijadikan laporan tidak dibuat dua kali.",
        "Residents' complaints from the RT/RW WhatsApp groups: upload the chat export, tick the messages that "
        "become reports, then save. A message already saved as a report is never saved twice.",
    ),
    "wa.file": ("Ekspor chat WhatsApp (.txt atau .zip)", "WhatsApp chat export (.txt or .zip)"),
    "wa.file_help": (
        'Di WhatsApp: buka grup → ⋮ → Lainnya → Ekspor chat. "Tanpa media" sudah cukup; zip dengan media paling '
        "besar {mb} MB.",
        'In WhatsApp: open the group → ⋮ → More → Export chat. "Without media" is enough; a zip with media can '
        "be at most {mb} MB.",
    ),
    "wa.rt": ("RT (bila pesan tidak menyebutnya)", "RT (when a message names none)"),
    "wa.rt_from_message": ("— pilih per pesan —", "— choose per message —"),
    "wa.summary": (
        "{nama}{jumlah} pesan, {pertama} – {terakhir}; {sistem} baris sistem dilewati.",
        "{nama}{jumlah} messages, {pertama} – {terakhir}; {sistem} system lines skipped.",
    ),
    "wa.order": ("Tanggal dibaca sebagai {urutan}: {alasan}.", "Dates read as {urutan}: {alasan}."),
    "wa.unreadable": (
        "{jumlah} pesan dengan tanggal yang tidak ada tidak diimpor: {daftar}",
        "{jumlah} messages with a date that does not exist are not imported: {daftar}",
    ),
    "wa.unreadable_line": ("baris {baris} ({tertulis})", "line {baris} ({tertulis})"),
    "wa.complaints": (
        "{jumlah} dari {total} pesan bertulisan tampak seperti keluhan.",
        "{jumlah} of the {total} messages with words look like complaints.",
    ),
    "wa.rt_needed": (
        "{jumlah} pesan yang dicentang tidak menyebut RT-nya: pilih RT-nya di kolom RT, atau RT di atas.",
        "{jumlah} ticked messages name no RT: choose it in the RT column, or the RT above.",
    ),
    "wa.rt_missing": (
        "pesan ini tidak menyebut RT-nya; pilih RT-nya",
        "this message names no RT; choose its RT",
    ),
    "wa.no_complaints": (
        'Tidak ada pesan yang tampak seperti keluhan di chat ini. Buka "Pesan lain" untuk memilih sendiri.',
        'No message in this chat looks like a complaint. Open "Other messages" to choose yourself.',
    ),
    "wa.others": (
        "Pesan lain ({jumlah}): centang bila ternyata keluhan",
        "Other messages ({jumlah}): tick any complaint",
    ),
    "wa.col.pilih": ("Pilih", "Pick"),
    "wa.col.waktu": ("Waktu", "Time"),
    "wa.col.pengirim": ("Pengirim", "Sender"),
    "wa.col.pesan": ("Pesan", "Message"),
    "wa.col.kategori": ("Kategori (tebakan)", "Category (guess)"),
    "wa.col.yakin": ("Yakin", "Sure"),
    "wa.col.yakin_help": (
        "Seberapa yakin tebakan kategori dari kata-kata pesan (0–100%).",
        "How sure the category guess from the message's words is (0–100%).",
    ),
    "wa.col.rt": ("RT", "RT"),
    "wa.col.keterangan": ("Keterangan", "Note"),
    "wa.already": ("sudah jadi laporan #{nomor}", "already report #{nomor}"),
    "wa.with_media": ("ada {jumlah} lampiran", "{jumlah} attachment(s)"),
    "wa.create": ("Buat {jumlah} laporan", "Create {jumlah} reports"),
    "wa.nothing_chosen": ("Belum ada pesan yang dicentang.", "No message is ticked yet."),
    "wa.created": (
        "{dibuat} laporan dibuat, {dukungan} ditambahkan sebagai dukungan untuk laporan yang sama, {sudah} sudah ada "
        "sebelumnya, {ditolak} ditolak.",
        "{dibuat} reports created, {dukungan} added as support for the same report, {sudah} already there, "
        "{ditolak} refused.",
    ),
    "wa.refused_row": ('{waktu} "{judul}": {alasan}', '{waktu} "{judul}": {alasan}'),
    "wa.cli.file": (
        "{nama}: {jumlah} pesan ({platform}), {sistem} baris sistem dilewati.",
        "{nama}: {jumlah} messages ({platform}), {sistem} system lines skipped.",
    ),
    "wa.cli.created": ("dibuat #{nomor}", "created #{nomor}"),
    "wa.cli.would_create": ("akan dibuat", "would be created"),
    "wa.cli.already": ("sudah ada #{nomor}", "already #{nomor}"),
    "wa.cli.refused": ("ditolak: {alasan}", "refused: {alasan}"),
    "wa.cli.supported": ("dukungan untuk #{nomor} (keluhan yang sama)", "support for #{nomor} (the same complaint)"),
    "wa.cli.summary": (
        "Keluhan: {keluhan} dari {pesan} pesan · dibuat {dibuat} · dukungan {dukungan} · sudah ada {sudah} · "
        "ditolak {ditolak}",
        "Complaints: {keluhan} of {pesan} messages · created {dibuat} · support {dukungan} · already there {sudah} · "
        "refused {ditolak}",
    ),
    "wa.cli.dry_run": ("Uji coba (--dry-run): tidak ada yang disimpan.", "Dry run (--dry-run): nothing was saved."),
    "import.count.added": ("Ditambahkan", "Added"),
    "import.count.updated": ("Diperbarui", "Updated"),
    "import.count.unchanged": ("Sudah ada, tidak berubah", "Already there, unchanged"),
    "import.count.rejected": ("Ditolak", "Refused"),
    "import.count.added_help": ("Baris baru yang akan disimpan.", "New rows that will be saved."),
    "import.count.updated_help": (
        "Laporan yang sudah ada dan statusnya maju menurut berkas (riwayat ditambah).",
        "Existing reports whose status moves forward as the file says (history appended).",
    ),
    "import.count.unchanged_help": (
        "Baris yang sudah ada di database dengan status yang sama; tidak diubah.",
        "Rows already in the database with the same status; left as they are.",
    ),
    "import.count.rejected_help": ("Baris yang tidak disimpan, dengan alasannya.", "Rows not saved, with the reason."),
    "import.row": ("baris {baris}", "row {baris}"),
    "import.more_rejected": ("… dan {jumlah} baris ditolak lainnya", "… and {jumlah} more refused rows"),
    "import.empty_rows": ("{jumlah} baris kosong dilewati.", "{jumlah} empty rows skipped."),
    "import.columns_recognised": ("Kolom dikenali", "Recognised columns"),
    "import.columns_ignored": ("Kolom diabaikan", "Ignored columns"),
    "import.area_kelurahan": ("Se-kelurahan", "Whole kelurahan"),
    "import.notice.no_status_date": (
        "Berkas tidak punya kolom tanggal status/selesai: perubahan status baris baru dicatat pada tanggal lapor "
        "(waktu penyelesaiannya terhitung 0 hari). Tambahkan kolom 'Tanggal selesai' bila ada.",
        "The file has no status/resolution date column: new rows' status changes are dated on the report date "
        "(their resolution time counts as 0 days). Add a 'Tanggal selesai' column if you have one.",
    ),
    "import.cli.file": ("Berkas {nama} ({format}, {baris} baris data)", "File {nama} ({format}, {baris} data rows)"),
    "import.cli.refused": ("Impor ditolak, tidak ada yang disimpan", "Import refused, nothing was saved"),
    "import.cli.dry_run": (
        "Uji coba (--dry-run): tidak ada yang disimpan ({detik} detik).",
        "Dry run: nothing was saved ({detik} s).",
    ),
    "import.cli.done": ("Tersimpan dalam satu transaksi ({detik} detik).", "Saved in one transaction ({detik} s)."),
    "import.refused.empty": ("Berkas kosong.", "The file is empty."),
    "import.refused.too_many_columns": (
        "Sebuah baris berisi {columns} kolom, lebih dari batas {limit}; hapus kolom yang tidak dipakai.",
        "A row holds {columns} columns, over the limit of {limit}; delete the columns not used.",
    ),
    "upload.refused.broken_archive": (
        "Berkas rusak: isinya tidak bisa dibuka sebagai arsip (XLSX adalah arsip ZIP).",
        "The file is damaged: its content cannot be opened as an archive (an XLSX is a ZIP archive).",
    ),
    "upload.refused.too_many_parts": (
        "Berkas berisi {parts} bagian, lebih dari batas {limit}; berkas seperti ini tidak dibaca.",
        "The file holds {parts} parts, over the limit of {limit}; a file like this is not read.",
    ),
    "upload.refused.part_too_large": (
        "Bagian '{part}' berkas ini terbuka menjadi {size} MB, lebih dari batas {limit} MB; berkas tidak dibaca.",
        "The part '{part}' of this file unpacks to {size} MB, over the {limit} MB limit; the file is not read.",
    ),
    "upload.refused.unpacked_too_large": (
        "Isi berkas ini terbuka menjadi lebih dari {limit} MB; berkas tidak dibaca. Pecah menjadi beberapa berkas.",
        "This file unpacks to more than {limit} MB; it is not read. Split it into several files.",
    ),
    "upload.refused.ratio": (
        "Bagian '{part}' berkas ini terbuka {ratio} kali lebih besar dari ukurannya (batas {limit} kali): berkas "
        'seperti ini ("bom zip") tidak dibaca.',
        "The part '{part}' of this file unpacks to {ratio} times its size (limit: {limit} times): a file like this "
        '(a "zip bomb") is not read.',
    ),
    "upload.refused.dtd": (
        "Bagian '{part}' berkas ini memuat deklarasi DTD, yang tidak pernah ada di berkas Office; berkas tidak dibaca.",
        "The part '{part}' of this file declares a DTD, which Office files never do; the file is not read.",
    ),
    "upload.refused.not_image": (
        "Berkas ini bukan gambar yang bisa dibaca (JPEG, PNG, WebP ...).",
        "This file is not an image that can be read (JPEG, PNG, WebP ...).",
    ),
    "upload.refused.pixels": (
        "Gambar {width} × {height} piksel ({megapixels} megapiksel) melebihi batas {limit} megapiksel.",
        "The image is {width} × {height} pixels ({megapixels} megapixels), over the {limit} megapixel limit.",
    ),
    "upload.refused.pixels_over": (
        "Gambar ini jauh melebihi batas {limit} megapiksel.",
        "This image is far over the {limit} megapixel limit.",
    ),
    "import.refused.no_rows": (
        "Berkas hanya berisi judul kolom, tanpa baris data.",
        "The file has headers but no data rows.",
    ),
    "import.refused.too_large": (
        "Berkas {size} MB melebihi batas {limit} MB.",
        "The file ({size} MB) is over the {limit} MB limit.",
    ),
    "import.refused.too_many_rows": (
        "Berkas berisi lebih dari {limit} baris data; pecah menjadi beberapa berkas.",
        "The file has more than {limit} data rows; split it into several files.",
    ),
    "import.refused.encrypted": (
        "Berkas Excel ini dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Lindungi Buku "
        "Kerja › Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu unggah lagi.",
        "This Excel file is password-protected. Open it in Excel, remove the password (File › Info › Protect "
        "Workbook › Encrypt with Password, clear it), save, and upload again.",
    ),
    "import.refused.xls": (
        "Format Excel lama (.xls) tidak didukung; simpan sebagai .xlsx atau CSV.",
        "The old Excel format (.xls) is not supported; save as .xlsx or CSV.",
    ),
    "import.refused.wrong_type": (
        "Ini bukan berkas CSV atau XLSX (isinya {kind}).",
        "This is not a CSV or XLSX file (it contains {kind}).",
    ),
    "import.refused.broken": (
        "Berkas rusak atau tidak bisa dibaca sebagai {format}.",
        "The file is damaged or cannot be read as {format}.",
    ),
    "import.refused.missing_columns": (
        "Kolom wajib belum ada: {kolom}. Petakan kolom berkas ke isian ini.",
        "Required columns missing: {kolom}. Map the file's columns to these fields.",
    ),
    "import.refused.map_header": ("Kolom '{kolom}' tidak ada di berkas.", "There is no column '{kolom}' in the file."),
    "import.refused.map_field": (
        "Isian '{isian}' tidak dikenal; pilih salah satu: {daftar}.",
        "Unknown field '{isian}'; choose one of: {daftar}.",
    ),
    "import.refused.changed_meanwhile": (
        "Data berubah saat impor berjalan (orang lain menyimpan laporan yang sama). Tidak ada yang disimpan; "
        "coba lagi.",
        "The data changed while importing (someone else saved the same reports). Nothing was saved; try again.",
    ),
    "import.reason.required": ("wajib diisi", "required"),
    "import.reason.formula": (
        "berisi rumus Excel '{value}'; rumus tidak dihitung saat impor (salin sebagai nilai)",
        "holds the Excel formula '{value}'; formulas are not calculated (paste as values)",
    ),
    "import.reason.date_invalid": (
        "tanggal '{value}' tidak dikenali (contoh: 29/11/2026, 2026-11-29, 29 Nov 2026)",
        "date '{value}' not recognised (e.g. 29/11/2026, 2026-11-29, 29 Nov 2026)",
    ),
    "import.reason.area_invalid": (
        "wilayah '{value}' tidak dikenali (contoh: RT 2 / RW 3, 002/003, RT.02 RW.03)",
        "area '{value}' not recognised (e.g. RT 2 / RW 3, 002/003, RT.02 RW.03)",
    ),
    "import.reason.number_invalid": ("'{value}' bukan angka yang valid", "'{value}' is not a valid number"),
    "import.reason.number_too_large": (
        "{value} terlalu besar (paling banyak 1.000.000); periksa lagi",
        "{value} is too large (1,000,000 at most); please check it",
    ),
    "import.reason.kategori_unknown": ("kategori '{value}' tidak dikenali", "category '{value}' not recognised"),
    "import.reason.status_unknown": ("status '{value}' tidak dikenali", "status '{value}' not recognised"),
    "import.reason.prioritas_unknown": ("prioritas '{value}' tidak dikenali", "priority '{value}' not recognised"),
    "import.reason.sumber_unknown": ("sumber '{value}' tidak dikenali", "source '{value}' not recognised"),
    "import.reason.penanganan_unknown": (
        "penanganan '{value}' tidak dikenali (RT, RW, kelurahan, dinas)",
        "handler '{value}' not recognised (RT, RW, kelurahan, dinas)",
    ),
    "import.reason.jenis_unknown": (
        "jenis kegiatan '{value}' tidak dikenali",
        "activity type '{value}' not recognised",
    ),
    "import.reason.satuan_unknown": (
        "satuan '{value}' tidak dikenali (orang atau KK)",
        "unit '{value}' not recognised (orang or KK)",
    ),
    "import.reason.status_date_before": ("tanggal status sebelum tanggal lapor", "status date before the report date"),
    "import.reason.activity_in_future": ("tanggal kegiatan di masa depan", "the activity date is in the future"),
    "import.reason.hadir_mismatch": (
        "jumlah hadir {total} tidak sama dengan jumlah per peran {jumlah}",
        "attendance {total} differs from the sum per role {jumlah}",
    ),
    "import.reason.example_row": (
        "baris contoh dari templat; hapus atau ganti nomornya",
        "the template's example row; delete it or change its number",
    ),
    "import.reason.duplicate_row": ("sama dengan baris {baris} di berkas ini", "same as row {baris} of this file"),
    "import.reason.id_conflict": (
        "nomor '{nomor}' sudah dipakai laporan lain dengan RT atau tanggal berbeda",
        "number '{nomor}' already belongs to another record with a different RT or date",
    ),
    "import.reason.not_in_area": (
        "nomor '{nomor}' tidak ditemukan di wilayah Anda",
        "number '{nomor}' was not found in your area",
    ),
    "import.reason.exists": (
        "sudah tersimpan sebagai #{nomor} dengan nomor berkas '{lain}'",
        "already stored as #{nomor} under file number '{lain}'",
    ),
    "import.reason.duplikat_status": (
        "status duplikat perlu nomor laporan aslinya; tandai lewat halaman Lapor",
        "a duplicate needs the original's number; mark it on the Lapor page",
    ),
    "import.reason.closed": (
        "laporan #{nomor} sudah '{dari}' (ditutup); impor tidak mengubahnya ke '{ke}'",
        "report #{nomor} is '{dari}' (closed); the import does not change it to '{ke}'",
    ),
    "import.reason.backwards": (
        "laporan #{nomor} sudah '{dari}'; impor tidak memundurkan status ke '{ke}' (buka kembali lewat halaman Lapor "
        "dengan alasan)",
        "report #{nomor} is already '{dari}'; the import never moves it back to '{ke}' (reopen it on the Lapor page "
        "with a reason)",
    ),
    "import.reason.kelurahan_unknown": (
        "kelurahan '{value}' tidak ada di database",
        "kelurahan '{value}' is not in the database",
    ),
    "import.reason.kelurahan_missing": (
        "kelurahan tidak disebut; pilih kelurahan tujuan",
        "no kelurahan given; choose the target kelurahan",
    ),
    "import.reason.no_areas": (
        "belum ada kelurahan, RW dan RT di database; daftarkan dulu di Pengaturan",
        "no kelurahan, RWs or RTs in the database yet; register them in Settings first",
    ),
    "import.reason.rt_missing": ("RT tidak disebut", "no RT given"),
    "import.reason.rw_missing": ("RW tidak disebut", "no RW given"),
    "import.reason.outside_scope": ("di luar wilayah Anda", "outside your area"),
    "import.reason.area_unknown": (
        "{area} tidak terdaftar di Kel. {kelurahan} (tambahkan di Pengaturan)",
        "{area} is not registered in Kel. {kelurahan} (add it in Settings)",
    ),
    "import.col.baris": ("Baris", "Row"),
    "import.col.nomor": ("No. laporan", "Report no."),
    "import.col.tanggal": ("Tanggal", "Date"),
    "import.col.wilayah": ("Wilayah", "Area"),
    "import.col.kategori": ("Kategori", "Category"),
    "import.col.jenis": ("Jenis", "Type"),
    "import.col.judul": ("Judul", "Title"),
    "import.col.status": ("Status", "Status"),
    "import.col.status_lama": ("Status lama", "Old status"),
    "import.col.status_baru": ("Status baru", "New status"),
    "import.col.hadir": ("Hadir", "Attended"),
    "import.col.alasan": ("Alasan", "Reason"),
    "import.kegiatan.kerja_bakti": ("Kerja bakti", "Communal work day"),
    "import.kegiatan.musyawarah_rt": ("Musyawarah RT", "RT meeting"),
    "import.kegiatan.rapat_rw": ("Rapat RW", "RW meeting"),
    "import.kegiatan.posyandu": ("Posyandu", "Health post"),
    "import.kegiatan.ronda": ("Ronda / siskamling", "Night watch"),
    "import.kegiatan.keagamaan": ("Pengajian / keagamaan", "Religious gathering"),
    "import.kegiatan.pkk": ("PKK", "PKK"),
    "import.kegiatan.karang_taruna": ("Karang taruna", "Youth organisation"),
    "import.kegiatan.bimtek": ("Bimtek / pelatihan", "Training"),
    "import.kegiatan.rapat_koordinasi": ("Rapat koordinasi kelurahan", "Kelurahan coordination meeting"),
    "import.field.nomor": ("Nomor (di berkas)", "Number (in the file)"),
    "import.field.tanggal": ("Tanggal", "Date"),
    "import.field.kelurahan": ("Kelurahan", "Kelurahan"),
    "import.field.rt_rw": ("RT/RW", "RT/RW"),
    "import.field.rt": ("RT", "RT"),
    "import.field.rw": ("RW", "RW"),
    "import.field.kategori": ("Kategori", "Category"),
    "import.field.judul": ("Judul", "Title"),
    "import.field.deskripsi": ("Uraian", "Description"),
    "import.field.lokasi": ("Lokasi", "Location"),
    "import.field.lat": ("Lintang", "Latitude"),
    "import.field.lon": ("Bujur", "Longitude"),
    "import.field.status": ("Status", "Status"),
    "import.field.tanggal_status": ("Tanggal status/selesai", "Status/resolution date"),
    "import.field.catatan": ("Catatan", "Note"),
    "import.field.prioritas": ("Prioritas", "Priority"),
    "import.field.sumber": ("Sumber", "Source"),
    "import.field.penanganan": ("Penanganan", "Handler level"),
    "import.field.penanganan_nama": ("Nama penanganan (dinas)", "Handler name (office)"),
    "import.field.pelapor_nama": ("Nama pelapor (data pribadi)", "Reporter name (personal data)"),
    "import.field.pelapor_telepon": ("Telepon pelapor (data pribadi)", "Reporter phone (personal data)"),
    "import.field.jenis": ("Jenis kegiatan", "Activity type"),
    "import.field.target": ("Target peserta", "Attendance target"),
    "import.field.target_satuan": ("Satuan target", "Target unit"),
    "import.field.hadir": ("Jumlah hadir", "Total attendance"),
    "import.field.hadir_ketua_rt": ("Hadir: ketua RT", "Attended: RT heads"),
    "import.field.hadir_ketua_rw": ("Hadir: ketua RW", "Attended: RW heads"),
    "import.field.hadir_tomas": ("Hadir: tokoh masyarakat", "Attended: community figures"),
    "import.field.hadir_toga": ("Hadir: tokoh agama", "Attended: religious figures"),
    "import.field.hadir_pkk": ("Hadir: PKK", "Attended: PKK"),
    "import.field.hadir_karang_taruna": ("Hadir: karang taruna", "Attended: youth organisation"),
    "import.field.hadir_warga": ("Hadir: warga", "Attended: residents"),
    "import.field.wilayah": ("RT/RW (atau kolom RT dan RW)", "RT/RW (or RT and RW columns)"),
    # Presentasi rapat
    "nav.presentasi": ("Presentasi rapat", "Meeting mode"),
    "nav.musrenbang": ("Usulan Musrenbang", "Musrenbang proposals"),
    "presentasi.title": ("Presentasi rapat", "Meeting mode"),
    "presentasi.month": ("Bulan", "Month"),
    "presentasi.area": ("Wilayah", "Area"),
    "presentasi.prev": ("Sebelumnya", "Previous"),
    "presentasi.next": ("Berikutnya", "Next"),
    "presentasi.indicator": ("{n} / {total}", "{n} / {total}"),
    "presentasi.exit": ("Keluar", "Exit"),
    "presentasi.exports": ("Unduh dan bagikan", "Download and share"),
    "presentasi.download_pptx": ("Unduh slide (PowerPoint)", "Download slides (PowerPoint)"),
    "presentasi.download_pdf": ("Unduh Laporan Bulanan (PDF)", "Download monthly report (PDF)"),
    "presentasi.download_help": (
        "Berbahasa Indonesia, angkanya sama dengan slide ini, tanpa data pribadi.",
        "In Bahasa Indonesia, with the same numbers as these slides, without personal data.",
    ),
    "presentasi.whatsapp": (
        "Ringkasan untuk grup WhatsApp (paling panjang {limit} karakter; salin dengan tombol di pojok kanan atas)",
        "Summary for the WhatsApp group (at most {limit} characters; copy it with the button in the top right corner)",
    ),
    "notice.bad_month": (
        "Bulan '{value}' di tautan (`bulan`) tidak dikenali (format YYYY-MM, dari 2000-01 sampai bulan ini); bulan "
        "lalu ditampilkan.",
        "Month '{value}' in the link (`bulan`) is not valid (format YYYY-MM, from 2000-01 to this month); last month "
        "is shown.",
    ),
    "rapat.cover_code": ("Kode wilayah {kode}", "Area code {kode}"),
    "rapat.generated": (
        "Data per {date} · Dasbor Masalah Kelurahan",
        "Data as of {date} · Neighbourhood Issue Dashboard",
    ),
    "rapat.as_of_month_end": (
        "Angka per akhir bulan ({end}): status laporan seperti pada akhir bulan itu · dibuat {made} · Dasbor Masalah "
        "Kelurahan",
        "Figures as of the month's end ({end}): report statuses as they stood then · made {made} · Neighbourhood Issue "
        "Dashboard",
    ),
    "rapat.capacity_as_of_today": (
        "Status laporan dalam indeks ini: per {date} (hari ini), bukan per akhir bulan.",
        "Report statuses in this index: as of {date} (today), not the month's end.",
    ),
    "rapat.month_until": ("{month} (s.d. {date})", "{month} (to {date})"),
    "rapat.compared_with": ("dibanding {month}", "vs {month}"),
    "rapat.slide.sampul": ("Rapat Koordinasi", "Coordination meeting"),
    "rapat.slide.angka": ("Angka bulan ini", "The month in numbers"),
    "rapat.slide.masalah": ("Masalah terbanyak", "Top problems"),
    "rapat.slide.terlambat": ("Terlambat: perlu keputusan", "Overdue: decisions needed"),
    "rapat.slide.kecepatan": ("Kecepatan penyelesaian", "Resolution speed"),
    "rapat.slide.partisipasi": ("Partisipasi warga", "Residents taking part"),
    "rapat.slide.kapasitas": ("Kapasitas RT/RW", "RT/RW capacity"),
    "rapat.slide.tindak_lanjut": ("Tindak lanjut", "Follow-ups"),
    "rapat.slide.sebelum_sesudah": ("Sebelum & sesudah", "Before & after"),
    "rapat.msg.sebelum_sesudah": (
        "{n} penyelesaian bulan ini dengan bukti foto",
        "{n} resolutions this month with photo evidence",
    ),
    "rapat.msg.sebelum_sesudah_none": (
        "Belum ada penyelesaian berfoto sebelum & sesudah bulan ini",
        "No resolution with before & after photos this month",
    ),
    "rapat.photo_none_hint": (
        "Minta foto saat melapor dan saat menandai selesai: laporan berfoto tampil di sini.",
        "Ask for a photo when reporting and when marking resolved: reports with photos show here.",
    ),
    "rapat.photo_caption": (
        "#{nomor} {judul} — {wilayah}, selesai {tanggal}",
        "#{nomor} {judul} — {wilayah}, resolved {tanggal}",
    ),
    "rapat.msg.angka": (
        "{masuk} laporan masuk; {selesai} diselesaikan (kapan pun dilaporkan)",
        "{masuk} reports received; {selesai} resolved (whenever reported)",
    ),
    "rapat.msg.masalah": ("Terbanyak: {kategori} ({n} laporan)", "Most reported: {kategori} ({n} reports)"),
    "rapat.msg.masalah_none": ("Tidak ada laporan masuk bulan ini", "No reports were received this month"),
    "rapat.msg.terlambat": ("{n} laporan melewati batas waktu", "{n} reports are past their target time"),
    "rapat.msg.terlambat_none": ("Tidak ada laporan terlambat", "No overdue reports"),
    "rapat.msg.kecepatan": (
        "Median {value} sampai selesai (bulan sebelumnya {previous})",
        "Median {value} to resolve (previous month {previous})",
    ),
    "rapat.msg.kecepatan_none": ("Belum ada laporan selesai bulan ini", "No report was resolved this month"),
    "rapat.msg.partisipasi": ("Rata-rata {pct} dari target peserta hadir", "On average {pct} of the target attended"),
    "rapat.msg.partisipasi_none": ("Belum ada kegiatan bertarget bulan ini", "No activity with a target this month"),
    "rapat.msg.kapasitas": (
        "{scored} dari {total} {unit} datanya cukup untuk dinilai",
        "{scored} of {total} {unit}s have enough data to be scored",
    ),
    "rapat.msg.kapasitas_none": (
        "Belum ada {unit} yang datanya cukup untuk dinilai",
        "No {unit} has enough data to be scored yet",
    ),
    "rapat.msg.tindak_lanjut": (
        "{terbuka} laporan masih terbuka, {terlambat} di antaranya terlambat",
        "{terbuka} reports still open, {terlambat} of them overdue",
    ),
    "rapat.by_category": ("Per kategori", "By category"),
    "rapat.by_area": ("Per {unit}", "By {unit}"),
    "rapat.chart_received": ("Laporan masuk", "Reports received"),
    "rapat.chart_median": ("Median waktu penyelesaian per bulan (hari)", "Median resolution time per month (days)"),
    "rapat.col_problem": ("Masalah", "Problem"),
    "rapat.col_late": ("Lewat SLA", "Past SLA"),
    "rapat.col_holder": ("Dipegang", "Held by"),
    "rapat.col_oldest": ("Tertua", "Oldest"),
    "rapat.late_days": ("lewat {days} hari", "{days} days late"),
    "rapat.days": ("{days} hari", "{days} days"),
    "rapat.overdue_more": ("… dan {n} laporan terlambat lainnya", "… and {n} more overdue reports"),
    "rapat.most_improved": ("Paling meningkat", "Most improved"),
    "rapat.needs_support": ("Perlu dukungan", "Needs support"),
    "rapat.improved_line": ("{unit}: +{change} poin (indeks {index})", "{unit}: +{change} points (index {index})"),
    "rapat.support_line": ("{unit}: indeks {index}, terlemah {goal}", "{unit}: index {index}, weakest: {goal}"),
    "rapat.not_enough": ("Data belum cukup (tidak diperingkat): {units}", "Not enough data (not ranked): {units}"),
    "rapat.capacity_period": (
        "Indeks Kapasitas {dari} – {sampai}; perubahan dibanding {prev_dari} – {prev_sampai}.",
        "Capacity Index {dari} – {sampai}; change vs {prev_dari} – {prev_sampai}.",
    ),
    "rapat.next_steps": ("Langkah berikutnya", "Next steps"),
    "rapat.step.decide": ("Putuskan langkah untuk {n} laporan terlambat", "Decide on the {n} overdue reports"),
    "rapat.step.assign": (
        "Tunjuk penanggung jawab {n} laporan yang belum ditangani",
        "Assign the {n} reports nobody has taken on",
    ),
    "rapat.step.support": ("Dampingi {units}", "Support {units}"),
    "rapat.step.record": (
        "Lengkapi pencatatan: {n} {unit} datanya belum cukup",
        "Complete the records: {n} {unit}s lack data",
    ),
    "rapat.step.none": ("Tidak ada tindak lanjut mendesak", "No urgent follow-ups"),
    "rapat.pdf.title": ("Laporan Bulanan", "Monthly report"),
    "rapat.pdf.period": ("Periode {dari} – {sampai}", "Period {dari} – {sampai}"),
    "rapat.pdf.contents": ("Isi", "Contents"),
    "rapat.pdf.privacy": (
        "Laporan ini hanya berisi angka gabungan dan judul laporan; nama dan nomor telepon pelapor tidak dicantumkan.",
        "This report holds aggregate numbers and report titles only; reporters' names and phone numbers are left out.",
    ),
    "rapat.pdf.col_metric": ("Ukuran dan definisinya", "Measure and its definition"),
    "rapat.pdf.col_change": ("Perubahan", "Change"),
    "rapat.pdf.col_weakest": ("Tujuan terlemah", "Weakest goal"),
    "rapat.pdf.participation_by": ("Tingkat partisipasi per {unit}", "Participation rate per {unit}"),
    "rapat.pdf.not_enough_rule": (
        "wilayah yang datanya belum cukup di salah satu tujuan tidak diberi indeks dan tidak diperingkat.",
        "an area without enough data for one of the goals gets no index and is not ranked.",
    ),
    "rapat.pdf.page": ("Halaman {n} dari {total}", "Page {n} of {total}"),
    "rapat.wa.overdue": ("Terlambat, perlu keputusan ({n} laporan)", "Overdue, decisions needed ({n} reports)"),
    "error.read_only": (
        "Akun tamu hanya dapat melihat, tidak dapat mengubah data.",
        "A guest account can only look, not change data.",
    ),
    "error.password_too_short": ("Kata sandi minimal 8 karakter.", "The password needs at least 8 characters."),
    "error.password_too_long": (
        "Kata sandi paling panjang 256 karakter.",
        "The password can be at most 256 characters.",
    ),
    "error.password_blank": ("Kata sandi tidak boleh hanya spasi.", "The password cannot be only spaces."),
    "error.password_mismatch": ("Kedua kata sandi tidak sama.", "The two passwords differ."),
    "error.username_invalid": (
        "Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah, tanda hubung atau @.",
        "Usernames have 3–64 characters: lower-case letters, digits, dot, underscore, hyphen or @.",
    ),
    "error.username_taken": ("Nama pengguna itu sudah dipakai.", "That username is taken."),
    "error.role_invalid": ("Peran tidak dikenal.", "Unknown role."),
    "error.role_needs_rt": ("Ketua RT perlu RW dan RT-nya.", "An RT head needs their RW and RT."),
    "error.role_needs_rw": ("Ketua RW perlu RW-nya (tanpa RT).", "An RW head needs their RW (and no RT)."),
    "error.role_has_no_area": (
        "Hanya ketua RW dan ketua RT yang memakai RW/RT.",
        "Only RW and RT heads have an RW/RT.",
    ),
    "error.area_unknown": ("Wilayah itu tidak ada di database.", "That area is not in the database."),
    "error.user_not_found": ("Pengguna '{username}' tidak ditemukan.", "User '{username}' was not found."),
    "error.last_admin": ("Harus tetap ada satu admin aktif.", "At least one active admin must remain."),
    # Accounts: login page, who is signed in, roles
    "login.title": ("Masuk ke Dasbor Kutorejo", "Sign in to the Kutorejo dashboard"),
    "login.subtitle": (
        "Dasbor masalah dan kegiatan RT/RW Kelurahan Kutorejo.",
        "Issues and activities of the RTs and RWs of Kelurahan Kutorejo.",
    ),
    "login.username": ("Nama pengguna", "Username"),
    "login.password": ("Kata sandi", "Password"),
    "login.submit": ("Masuk", "Sign in"),
    "login.failed": (
        "Nama pengguna atau kata sandi salah, atau akun sedang dikunci. Setelah {attempts} kali salah, akun dikunci "
        "{minutes} menit.",
        "Wrong username or password, or the account is locked. After {attempts} wrong attempts an account is locked "
        "for {minutes} minutes.",
    ),
    "login.timeout": (
        "Sesi berakhir karena tidak ada aktivitas selama {minutes} menit. Silakan masuk lagi.",
        "Your session ended after {minutes} minutes without activity. Please sign in again.",
    ),
    "login.expired": ("Sesi Anda sudah berakhir. Silakan masuk lagi.", "Your session has ended. Please sign in again."),
    "login.logged_out": ("Anda sudah keluar.", "You have signed out."),
    "login.next": (
        "Setelah masuk, halaman {page} dari tautan ini langsung dibuka.",
        "After signing in, the {page} page of this link opens.",
    ),
    "login.no_accounts": (
        "Belum ada akun. Buat akun admin pertama di komputer server: "
        "`python -m kutorejo_data create-user admin --role admin`",
        "There are no accounts yet. Create the first admin on the server: "
        "`python -m kutorejo_data create-user admin --role admin`",
    ),
    "login.demo_title": ("Akun demo (kata sandi: {password})", "Demo accounts (password: {password})"),
    "login.demo_body": (
        "Database contoh: setiap akun melihat persis wilayah dan tugas perannya.",
        "Demo database: each account sees exactly its role's area and work.",
    ),
    "login.sso": ("Masuk dengan akun kantor (SSO)", "Sign in with the office account (SSO)"),
    "login.sso_unknown": (
        "Akun {identity} belum terdaftar di dasbor ini. Minta admin kelurahan membuatkannya.",
        "{identity} has no account on this dashboard. Ask the kelurahan admin to create one.",
    ),
    "login.sso_logout": ("Keluar dari akun SSO", "Sign out of the SSO account"),
    "login.privacy": (
        "Data pribadi warga dilindungi UU No. 27/2022 (PDP). Jangan bagikan akun Anda; keluar setelah selesai.",
        "Residents' personal data is protected by Law 27/2022 (PDP). Do not share your account; sign out when done.",
    ),
    "account.logout": ("Keluar", "Sign out"),
    "account.everywhere": ("Semua wilayah", "Every area"),
    "role.admin": ("Admin", "Admin"),
    "role.lurah": ("Lurah", "Lurah"),
    "role.staf": ("Staf kelurahan", "Kelurahan staff"),
    "role.ketua_rw": ("Ketua RW", "RW head"),
    "role.ketua_rt": ("Ketua RT", "RT head"),
    "role.tamu": ("Tamu", "Guest"),
    # Pengguna (account management) and the audit log
    "user.tab_accounts": ("Akun", "Accounts"),
    "user.tab_new": ("Akun baru", "New account"),
    "user.tab_audit": ("Log audit", "Audit log"),
    "user.username": ("Nama pengguna", "Username"),
    "user.nama": ("Nama", "Name"),
    "user.role": ("Peran", "Role"),
    "user.area": ("Wilayah", "Area"),
    "user.state": ("Status", "State"),
    "user.active": ("aktif", "active"),
    "user.inactive": ("nonaktif", "deactivated"),
    "user.locked": ("terkunci sementara", "locked for now"),
    "user.last_login": ("Terakhir masuk", "Last sign-in"),
    "user.password_again": ("Ulangi kata sandi", "Repeat the password"),
    "user.create": ("Buat akun", "Create account"),
    "user.created": ("Akun {username} dibuat.", "Account {username} created."),
    "user.choose": ("Kelola akun", "Manage an account"),
    "user.choose_placeholder": ("Pilih nama pengguna…", "Choose a username…"),
    "user.edit": ("Nama, peran dan wilayah", "Name, role and area"),
    "user.save": ("Simpan perubahan", "Save changes"),
    "user.saved": ("Perubahan disimpan.", "Changes saved."),
    "user.new_password": ("Kata sandi baru (semua sesinya diakhiri)", "New password (signs them out everywhere)"),
    "user.set_password": ("Ganti kata sandi", "Set password"),
    "user.password_set": ("Kata sandi {username} diganti.", "Password of {username} changed."),
    "user.deactivate": ("Nonaktifkan akun", "Deactivate account"),
    "user.deactivated": ("Akun {username} dinonaktifkan.", "Account {username} deactivated."),
    "user.activate": ("Aktifkan kembali", "Reactivate"),
    "user.deactivated_handed_on": (
        "Akun {username} dinonaktifkan. {n} laporan terbukanya dialihkan: {daftar}.",
        "Account {username} deactivated. {n} of its open reports were handed on: {daftar}.",
    ),
    "assignment.nobody": ("belum ada yang bisa menerima", "nobody who can take them"),
    "user.activated": ("Akun {username} aktif kembali.", "Account {username} is active again."),
    "user.unlock": ("Buka kunci", "Unlock"),
    "user.unlocked": ("Kunci akun {username} dibuka.", "Account {username} unlocked."),
    "audit.actor": ("Oleh", "By"),
    "audit.entity": ("Data", "Entity"),
    "audit.all": ("Semua", "All"),
    "audit.limit": ("Jumlah baris", "Rows"),
    "audit.at": ("Waktu", "When"),
    "audit.action": ("Tindakan", "Action"),
    "audit.entity_id": ("No./nama", "No./name"),
    "audit.before": ("Sebelum", "Before"),
    "audit.after": ("Sesudah", "After"),
    "audit.none": ("Belum ada perubahan yang tercatat.", "No changes recorded yet."),
    "audit.caption": (
        "Setiap perubahan data dicatat bersama perubahannya dan tidak dapat diubah atau dihapus. Data pribadi "
        "pelapor tidak disalin ke log ini.",
        "Every change to the data is recorded with what changed, and cannot be edited or deleted. Reporters' "
        "personal data is not copied into this log.",
    ),
    # Residents in the loop (#19): the tracking code, "sudah beres?", the outbox's templates.
    "message.reporter_of": ("Pelapor laporan #{nomor}", "Reporter of report #{nomor}"),
    "nav.pesan": ("Pesan", "Messages"),
    "nav.cek": ("Cek laporan", "Check a report"),
    "pesan.title": ("Pesan WhatsApp", "WhatsApp messages"),
    "pesan.intro": (
        "Pesan yang perlu Anda kirim. Ketuk *Kirim lewat WhatsApp*: WhatsApp terbuka dengan nomor dan teks siap "
        "kirim, dan pesan ini ditandai terkirim.",
        "Messages for you to send. Tap *Send by WhatsApp*: WhatsApp opens with the number and the text ready, and the "
        "message is marked sent.",
    ),
    "pesan.gateway_on": (
        "Gateway WhatsApp aktif: tugas harian mengirim pesan yang nomornya lengkap dengan sendirinya.",
        "A WhatsApp gateway is set up: the daily job sends the messages with a valid number by itself.",
    ),
    "pesan.none": ("Tidak ada pesan yang menunggu. Terima kasih!", "No messages waiting. Thank you!"),
    "pesan.count": ("{n} pesan menunggu, yang terlama di atas.", "{n} messages waiting, the oldest first."),
    "pesan.to": ("untuk {penerima}", "to {penerima}"),
    "pesan.no_number": (
        "Pesan *tanpa nomor WhatsApp* (belum diisi, atau telepon rumah): tombol kirim membuka WhatsApp tanpa nomor, "
        "pilih kontaknya sendiri, atau salin teksnya. Nomor ketua RT/RW diisi di halaman Pengguna.",
        "Messages *without a WhatsApp number* (none recorded, or a landline): the send button opens WhatsApp without "
        "a number; pick the contact yourself, or copy the text. RT/RW heads' numbers are set on the Users page.",
    ),
    "pesan.no_number_short": ("tanpa nomor WhatsApp", "no WhatsApp number"),
    "pesan.more": ("Tampilkan {n} lagi (dari {total})", "Show {n} more (of {total})"),
    "pesan.send": ("Kirim lewat WhatsApp", "Send by WhatsApp"),
    "pesan.mark_sent": ("Sudah dikirim", "Already sent"),
    "pesan.marked": ("Pesan untuk {penerima} ditandai terkirim.", "The message to {penerima} is marked sent."),
    "pesan.already_sent": ("Pesan itu sudah terkirim.", "That message was sent already."),
    "pesan.jenis.laporan_diterima": ("Laporan diterima (ke pelapor)", "Report received (to the reporter)"),
    "pesan.jenis.status_berubah": ("Status berubah (ke pelapor)", "Status changed (to the reporter)"),
    "pesan.jenis.laporan_selesai": ("Selesai, sudah beres? (ke pelapor)", "Resolved, fixed? (to the reporter)"),
    "pesan.jenis.tugas_baru": ("Tugas baru (ke penanggung jawab)", "New task (to the person in charge)"),
    "pesan.jenis.tugas_besok": (
        "Pengingat batas waktu (ke penanggung jawab)",
        "Deadline reminder (to the person in charge)",
    ),
    "pesan.jenis.tugas_terlambat": (
        "Naik tingkat karena terlambat (ke penanggung jawab baru)",
        "Escalated for being late (to the new person in charge)",
    ),
    "pesan.jenis.dibuka_kembali": (
        "Dibuka kembali oleh pelapor (ke penanggung jawab)",
        "Reopened by the reporter (to the person in charge)",
    ),
    "pesan.jenis.ringkasan_harian": ("Ringkasan harian (ke ketua RW)", "Daily digest (to the RW head)"),
    "settings.tab_messages": ("Pesan WhatsApp", "WhatsApp messages"),
    "templates.explain": (
        "Teks pesan yang disiapkan aplikasi. Isian dalam kurung kurawal diganti saat pesan dibuat, misalnya {kode} "
        "menjadi kode lacak laporan. Simpan hanya dengan isian yang tercantum di bawah teksnya.",
        "The texts of the messages the app prepares. A placeholder in braces is filled in when a message is made, "
        "e.g. {kode} becomes the report's tracking code. Only the placeholders listed under a text may be used.",
    ),
    "templates.allowed": ("Isian yang boleh dipakai: {isian}", "Placeholders it may use: {isian}"),
    "templates.preview": ("Contoh hasilnya", "What it looks like"),
    "templates.edited": ("diubah kelurahan", "edited by the kelurahan"),
    "templates.save": ("Simpan teks", "Save text"),
    "templates.reset": ("Kembalikan teks bawaan", "Back to the default text"),
    "templates.saved": ('Teks pesan "{jenis}" disimpan.', 'The text of "{jenis}" is saved.'),
    "detail.kode_lacak": ("Kode lacak", "Tracking code"),
    "detail.public_page": (
        "Pelapor mengikuti laporan ini dengan kode lacak **{kode}** di [halaman cek]({link}) (tanpa masuk; tanpa "
        "nama, nomor telepon, judul, atau catatan).",
        "The reporter follows this report with the tracking code **{kode}** on the [check page]({link}) (no sign-in; "
        "no names, phone numbers, title or notes).",
    ),
    "detail.jawaban_warga": ("Jawaban pelapor: sudah beres?", "The reporter's answers: fixed?"),
    "detail.nilai": ("nilai {nilai} dari 5", "rated {nilai} of 5"),
    "cek.jawaban.ya": ("Ya, sudah beres", "Yes, fixed"),
    "cek.jawaban.belum": ("Belum beres (laporan dibuka kembali)", "Not fixed yet (the report was reopened)"),
    "user.telepon": ("Nomor WhatsApp", "WhatsApp number"),
    "user.telepon_help": (
        "Untuk pesan tugas, pengingat batas waktu dan ringkasan harian (halaman Pesan). Boleh kosong.",
        "For task messages, deadline reminders and the daily digest (the Messages page). May be left empty.",
    ),
    "error.telepon_not_whatsapp": (
        "Nomor itu bukan nomor ponsel Indonesia yang bisa WhatsApp (contoh: 0812-3456-7890).",
        "That is not an Indonesian mobile number WhatsApp can reach (e.g. 0812-3456-7890).",
    ),
    "kepuasan.title": ("Kepuasan warga: sudah beres?", "Residents' satisfaction: fixed?"),
    "kepuasan.none_resolved": (
        "Belum ada laporan yang diselesaikan dalam periode dan wilayah ini.",
        "No reports were resolved in this period and area.",
    ),
    "kepuasan.no_answers": (
        "Belum ada jawaban pelapor. Pelapor menjawab di halaman cek (kode lacak) setelah laporannya selesai; pesan "
        "'laporan selesai' di halaman Pesan membawa tautannya.",
        "No reporter has answered yet. Reporters answer on the check page (tracking code) once their report is "
        "resolved; the 'resolved' message on the Messages page carries the link.",
    ),
    "kepuasan.by_area": ("Per wilayah", "Per area"),
    "kepuasan.by_category": ("Per kategori", "Per category"),
    "kepuasan.col_resolutions": ("Penyelesaian", "Resolutions"),
    "kepuasan.index": ("{nilai} ({n} penilaian)", "{nilai} ({n} ratings)"),
    "kepuasan.too_few": ("— ({n} penilaian, perlu {min})", "— ({n} ratings, needs {min})"),
    "cek.title": ("Cek laporan", "Check a report"),
    "cek.intro": (
        "Ikuti perkembangan laporan Anda dengan kode lacak dari pesan WhatsApp yang Anda terima. Halaman ini tidak "
        "menampilkan nama, nomor telepon, atau isi laporan.",
        "Follow your report with the tracking code from the WhatsApp message you received. This page shows no names, "
        "phone numbers or report text.",
    ),
    "cek.code": ("Kode lacak", "Tracking code"),
    "cek.submit": ("Cek", "Check"),
    "cek.where_is_the_code": (
        "Kodenya seperti KTR-7F3K-2Q9M. Huruf besar atau kecil, dengan atau tanpa tanda hubung, sama saja.",
        "A code looks like KTR-7F3K-2Q9M. Capitals or small letters, with or without dashes: all the same.",
    ),
    "cek.not_found": (
        "Tidak ada laporan dengan kode itu. Periksa lagi kode pada pesan yang Anda terima.",
        "No report has that code. Check the code in the message you received.",
    ),
    "cek.wait": (
        "Terlalu banyak kode yang tidak ditemukan. Coba lagi dalam {detik} detik.",
        "Too many codes that found nothing. Try again in {detik} seconds.",
    ),
    "cek.status_now": ("Status: {status}", "Status: {status}"),
    "cek.due": ("Target selesai", "Due"),
    "cek.due_passed": ("{tanggal} (sudah lewat)", "{tanggal} (passed)"),
    "cek.steps": ("Perkembangan", "Progress"),
    "cek.level": ("ditangani tingkat {tingkat}", "handled at {tingkat} level"),
    "cek.after_photos": ("Foto sesudah ditangani", "Photos after the work"),
    "cek.question": ("Sudah beres?", "Is it fixed?"),
    "cek.question_help": (
        "Laporan ini ditandai selesai. Apakah masalahnya memang sudah beres? Jawab paling lambat {tanggal}.",
        "This report was marked resolved. Is the problem really fixed? Answer by {tanggal}.",
    ),
    "cek.pilih.ya": ("Ya, sudah beres", "Yes, it is fixed"),
    "cek.pilih.belum": ("Belum", "Not yet"),
    "cek.rating": ("Seberapa puas Anda? (boleh dilewati)", "How satisfied are you? (optional)"),
    "cek.reason": ("Apa yang belum beres?", "What is not fixed yet?"),
    "cek.send": ("Kirim jawaban", "Send the answer"),
    "cek.thanks_yes": ("Terima kasih atas jawaban Anda.", "Thank you for your answer."),
    "cek.thanks_reopened": (
        "Terima kasih. Laporan dibuka kembali dan petugasnya sudah diberi tahu.",
        "Thank you. The report is reopened and the person in charge has been told.",
    ),
    "cek.answered": ("Penyelesaian ini sudah dijawab: {jawaban}.", "This resolution has been answered: {jawaban}."),
    "cek.too_late": (
        "Batas {hari} hari untuk menjawab sudah lewat. Bila masalahnya muncul lagi, sampaikan laporan baru ke "
        "ketua RT.",
        "The {hari} days to answer are over. If the problem is back, make a new report to your RT head.",
    ),
    "login.check_report": ("Warga: cek laporan dengan kode lacak", "Residents: check a report by its tracking code"),
    "digest.title": ("Ringkasan harian {area}", "Daily digest {area}"),
    "digest.masuk": ("Laporan masuk", "Reports received"),
    "digest.selesai": ("Diselesaikan", "Resolved"),
    "digest.terbuka": ("Masih terbuka di akhir hari", "Still open at the day's end"),
    "digest.terlambat": ("Di antaranya terlambat", "Of which overdue"),
    "digest.oldest": ("{n} laporan terbuka tertua", "{n} oldest open reports"),
    "digest.age": ("{hari} hari", "{hari} days"),
    "digest.none_open": ("Tidak ada laporan terbuka.", "No open reports."),
    "digest.generated": ("Dibuat {moment}", "Made {moment}"),
    "error.code_not_found": (
        "Kode itu tidak ditemukan. Periksa lagi kode lacak pada pesan yang Anda terima.",
        "Nothing was found for that code. Check the tracking code in the message you received.",
    ),
    "error.confirm_not_resolved": (
        "Laporan ini belum berstatus selesai, jadi belum bisa dikonfirmasi.",
        "This report is not resolved yet, so there is nothing to confirm.",
    ),
    "error.confirm_answered": (
        "Penyelesaian ini sudah dijawab. Terima kasih.",
        "This resolution has been answered already. Thank you.",
    ),
    "error.confirm_too_late": (
        "Batas {hari} hari untuk menjawab sudah lewat. Bila masalahnya muncul lagi, sampaikan laporan baru "
        "ke ketua RT Anda.",
        "The {hari} days to answer are over. If the problem is back, make a new report to your RT head.",
    ),
    "error.confirm_answer_unknown": ("Pilih Ya atau Belum.", "Choose Yes or Not yet."),
    "error.confirm_rating_range": ("Nilai antara 1 dan 5.", "A rating from 1 to 5."),
    "error.confirm_needs_reason": (
        "Tulis apa yang belum beres, supaya petugas tahu yang harus dikerjakan.",
        "Say what is not fixed yet, so the person in charge knows what to do.",
    ),
    "error.template_unknown": ("Jenis pesan itu tidak dikenal.", "Unknown message kind."),
    "error.template_empty": ("Teks pesan tidak boleh kosong.", "The message text cannot be empty."),
    "error.template_too_long": (
        "Teks pesan terlalu panjang (paling banyak 1.000 huruf).",
        "The message text is too long (1,000 characters at most).",
    ),
    "error.template_malformed": (
        "Kurung kurawal tidak berpasangan. Tulis isian seperti {kode}, dengan kurung buka dan tutup.",
        "Unbalanced braces. Write a placeholder like {kode}, with an opening and a closing brace.",
    ),
    "error.template_placeholder": (
        "Ada isian yang tidak dikenal untuk pesan ini. Isian yang boleh dipakai tercantum di bawah teksnya.",
        "A placeholder this message does not know. The ones it may use are listed below its text.",
    ),
    # Keputusan rapat (meeting decisions) and their slides.
    "rapat.slide.keputusan_lalu": ("Tindak lanjut rapat lalu", "Follow-up of the last meeting"),
    "rapat.slide.kepuasan": ("Kepuasan warga", "Resident satisfaction"),
    "rapat.msg.keputusan_lalu_none": (
        "Tidak ada keputusan rapat bulan lalu yang dicatat",
        "No decisions of last month's meeting were recorded",
    ),
    "rapat.msg.keputusan_lalu": (
        "{n} keputusan: {selesai} selesai, {lewat} lewat batas",
        "{n} decisions: {selesai} done, {lewat} overdue",
    ),
    "rapat.msg.kepuasan_none": (
        "Belum ada laporan yang diselesaikan bulan ini",
        "No report was resolved this month",
    ),
    "rapat.msg.kepuasan": (
        "{ya} dari {n} penyelesaian dikonfirmasi beres oleh pelapornya",
        "{ya} of {n} resolutions confirmed fixed by their reporter",
    ),
    "rapat.wa.kepuasan": (
        "• Kepuasan warga: dikonfirmasi *{ya}*, dibuka kembali *{belum}*, IKM *{ikm}*",
        "• Resident satisfaction: confirmed *{ya}*, reopened *{belum}*, index *{ikm}*",
    ),
    "rapat.keputusan_note": (
        "Keputusan rapat {month}; status per {date}. Catat dan perbarui keputusan di halaman Presentasi atau Kegiatan.",
        "Decisions of the {month} meeting; status as of {date}. Record and update decisions on the Presentation or "
        "Activities page.",
    ),
    "rapat.keputusan_more": ("dan {n} keputusan lagi (lihat Laporan Bulanan PDF).", "and {n} more (see the PDF)."),
    "keputusan.title": ("Keputusan rapat", "Meeting decisions"),
    "keputusan.for_month": ("Keputusan rapat {month}", "Decisions of the {month} meeting"),
    "keputusan.meeting": (
        "Rapat koordinasi {date} (kegiatan #{nomor}).",
        "Coordination meeting of {date} (activity #{nomor}).",
    ),
    "keputusan.no_meeting": (
        "Rapat koordinasi bulan ini belum dicatat di Kegiatan; keputusan diberi tanggal hari pencatatan.",
        "This month's coordination meeting is not recorded under Activities; decisions are dated the day they are "
        "recorded.",
    ),
    "keputusan.none": ("Belum ada keputusan yang dicatat untuk rapat ini.", "No decisions recorded for this meeting."),
    "keputusan.new": ("Catat keputusan", "Record a decision"),
    "keputusan.apa": ("Keputusan: apa yang akan dikerjakan", "Decision: what will be done"),
    "keputusan.pemilik_akun": ("Penanggung jawab (akun)", "Owner (account)"),
    "keputusan.pemilik_nama": (
        "atau nama orang yang bertanggung jawab (tanpa akun)",
        "or the name of the person responsible (without an account)",
    ),
    "keputusan.no_account": ("— tanpa akun —", "— no account —"),
    "keputusan.batas": ("Batas waktu", "Due date"),
    "keputusan.rw": ("RW (opsional)", "RW (optional)"),
    "keputusan.rt": ("RT (opsional)", "RT (optional)"),
    "keputusan.whole_kelurahan": ("Seluruh kelurahan", "The whole kelurahan"),
    "keputusan.laporan": (
        "Nomor laporan terkait (opsional, pisahkan dengan koma)",
        "Related report numbers (optional, separated by commas)",
    ),
    "keputusan.save": ("Simpan keputusan", "Save the decision"),
    "keputusan.saved": ("Keputusan #{nomor} dicatat.", "Decision #{nomor} recorded."),
    "keputusan.status_label": ("Status", "Status"),
    "keputusan.note": ("Catatan perkembangan", "Progress note"),
    "keputusan.update": ("Perbarui", "Update"),
    "keputusan.updated": ("Keputusan #{nomor} diperbarui: {status}.", "Decision #{nomor} updated: {status}."),
    "keputusan.status.belum": ("belum", "not started"),
    "keputusan.status.berjalan": ("berjalan", "in progress"),
    "keputusan.status.selesai": ("selesai", "done"),
    "keputusan.overdue": ("lewat batas", "overdue"),
    "keputusan.col_apa": ("Keputusan", "Decision"),
    "keputusan.col_pemilik": ("Penanggung jawab", "Owner"),
    "keputusan.col_batas": ("Batas", "Due"),
    "keputusan.col_status": ("Status sekarang", "Status now"),
    "keputusan.due": ("Batas {date}", "Due {date}"),
    "keputusan.last_update": ("diperbarui {moment} oleh {by}", "updated {moment} by {by}"),
    "tugas.reports": ("Laporan yang Anda tangani", "Reports you are in charge of"),
    "keputusan.mine": ("Keputusan rapat yang Anda pegang", "Meeting decisions you own"),
    "keputusan.of_meeting": ("Keputusan rapat ini", "This meeting's decisions"),
    "digest.keputusan": ("{n} keputusan rapat lewat batas", "{n} meeting decisions overdue"),
    "error.keputusan_apa_empty": (
        "Tulis keputusannya: apa yang akan dikerjakan.",
        "Write the decision: what will be done.",
    ),
    "error.keputusan_apa_too_long": (
        "Keputusan paling panjang 1.000 karakter.",
        "A decision can be at most 1,000 characters.",
    ),
    "error.keputusan_pemilik_empty": (
        "Keputusan harus punya penanggung jawab: pilih akun atau tulis nama orangnya.",
        "A decision needs an owner: choose an account or write the person's name.",
    ),
    "error.keputusan_pemilik_unknown": (
        "Akun penanggung jawab itu tidak ada, tidak aktif, atau dari kelurahan lain.",
        "That owner's account does not exist, is inactive, or belongs to another kelurahan.",
    ),
    "error.keputusan_bulan_invalid": ("Bulan rapat tidak dikenal.", "Unknown meeting month."),
    "error.keputusan_batas_before_meeting": (
        "Batas waktu tidak boleh sebelum tanggal rapat.",
        "The due date cannot be before the meeting.",
    ),
    "error.keputusan_laporan_unknown": (
        "Ada nomor laporan yang tidak dikenal di kelurahan ini.",
        "Some report numbers are unknown in this kelurahan.",
    ),
    "error.keputusan_laporan_format": (
        "Tulis nomor laporan sebagai angka dipisah koma, mis. 12, 40.",
        "Write report numbers as digits separated by commas, e.g. 12, 40.",
    ),
    "error.keputusan_laporan_too_many": (
        "Paling banyak 20 laporan untuk satu keputusan.",
        "At most 20 reports for one decision.",
    ),
    "error.keputusan_wilayah_unknown": (
        "Wilayah itu tidak ada, atau di luar wilayah Anda.",
        "That area does not exist, or is outside your area.",
    ),
    "error.keputusan_not_allowed": (
        "Anda tidak boleh mencatat keputusan untuk wilayah ini (ketua RW: hanya untuk RW-nya sendiri).",
        "You may not record decisions for this area (RW heads: only for their own RW).",
    ),
    "error.keputusan_not_found": ("Keputusan #{nomor} tidak ada.", "Decision #{nomor} does not exist."),
    "error.keputusan_not_owner": (
        "Hanya penanggung jawab keputusan ini atau staf kelurahan yang boleh memperbarui statusnya.",
        "Only this decision's owner or the kelurahan office may update its status.",
    ),
    "error.keputusan_status_invalid": ("Status keputusan tidak dikenal.", "Unknown decision status."),
    # Usulan Musrenbang
    "musrenbang.title": ("Usulan Musrenbang", "Musrenbang proposals"),
    "musrenbang.intro": (
        "Masalah yang berulang atau tidak bisa selesai di tingkat RT/RW menjadi kandidat usulan Musrenbang, lengkap "
        "dengan data pendukungnya. Pilih kandidat, tulis usulannya, lalu unduh formulirnya (XLSX).",
        "Problems that recur or cannot be solved at RT/RW level become Musrenbang proposal candidates, with their "
        "evidence. Pick a candidate, write its proposal, then download the form (XLSX).",
    ),
    "musrenbang.tahun": ("Tahun rencana", "Plan year"),
    "musrenbang.rw": ("RW", "RW"),
    "musrenbang.rw_all": ("Semua RW", "All RWs"),
    "musrenbang.candidates": ("Kandidat usulan", "Proposal candidates"),
    "musrenbang.choose": ("Tulis usulan untuk kandidat", "Write the proposal of the candidate"),
    "musrenbang.col.dasar": ("Dasar", "Basis"),
    "musrenbang.col.kategori": ("Kategori", "Category"),
    "musrenbang.col.masalah": ("Laporan", "Report"),
    "musrenbang.col.diusulkan": ("Diusulkan", "Proposed"),
    "musrenbang.no_candidates": (
        "Belum ada masalah berulang, laporan yang terbuka lama, atau laporan yang diserahkan ke dinas.",
        "No recurring problems, long-open reports or reports handed to the regency office yet.",
    ),
    "musrenbang.dasar.berulang_rt": ("Berulang di RT", "Recurring in the RT"),
    "musrenbang.dasar.berulang_rw": ("Berulang di RW", "Recurring in the RW"),
    "musrenbang.dasar.terbuka_lama": ("Terbuka > 90 hari", "Open > 90 days"),
    "musrenbang.dasar.dinas": ("Diserahkan ke dinas", "Handed to the regency office"),
    "musrenbang.n_laporan": ("{n} laporan", "{n} reports"),
    "musrenbang.jumlah_laporan": ("Jumlah laporan", "Reports"),
    "musrenbang.pertama": ("Pertama dilaporkan", "First reported"),
    "musrenbang.terakhir": ("Terakhir dilaporkan", "Last reported"),
    "musrenbang.jumlah_foto": ("Jumlah foto", "Photos"),
    "musrenbang.laporan_terkait": ("Laporan terkait", "Related reports"),
    "musrenbang.latest_of": (
        "{n} laporan terbaru dari {total}; jumlah, tanggal dan foto di atas menghitung semuanya.",
        "The {n} most recent of {total} reports; the counts, dates and photos above cover them all.",
    ),
    "musrenbang.singles_capped": (
        "Laporan tunggal (terbuka lama atau ke dinas) ditampilkan {n} yang paling lama; selesaikan atau usulkan itu "
        "dulu.",
        "Single reports (open long or at the dinas) show the {n} oldest; resolve or propose those first.",
    ),
    "musrenbang.kode_lacak": ("Kode lacak: {daftar}", "Tracking codes: {daftar}"),
    "musrenbang.usulan": ("Usulan/kegiatan", "Proposed activity"),
    "musrenbang.permasalahan": ("Permasalahan", "Problem"),
    "musrenbang.lokasi": ("Lokasi (RT/RW)", "Location (RT/RW)"),
    "musrenbang.volume": ("Volume", "Volume"),
    "musrenbang.satuan": ("Satuan", "Unit"),
    "musrenbang.prioritas": ("Prioritas", "Priority"),
    "musrenbang.prioritas_help": ("1 = paling mendesak.", "1 = most urgent."),
    "musrenbang.alasan": ("Alasan/data pendukung", "Reason/supporting data"),
    "musrenbang.save": ("Simpan usulan", "Save proposal"),
    "musrenbang.saved": ('Usulan "{usulan}" disimpan untuk {tahun}.', 'Proposal "{usulan}" saved for {tahun}.'),
    "musrenbang.proposals": ("Usulan {tahun}", "Proposals for {tahun}"),
    "musrenbang.no_proposals": ("Belum ada usulan untuk tahun ini.", "No proposals for this year yet."),
    "musrenbang.download": ("Unduh formulir Musrenbang (XLSX)", "Download the Musrenbang form (XLSX)"),
    "musrenbang.download_help": (
        "Dua lembar: usulan tahun ini dan semua kandidat dengan data pendukungnya.",
        "Two sheets: this year's proposals and every candidate with its evidence.",
    ),
    "musrenbang.delete": ("Hapus usulan", "Remove a proposal"),
    "musrenbang.delete_which": ("Usulan", "Proposal"),
    "musrenbang.delete_submit": ("Hapus", "Remove"),
    "musrenbang.deleted": ("Usulan {usulan} dihapus.", "Proposal {usulan} removed."),
    "error.usulan_empty": ("Tulis usulannya.", "Write the proposal."),
    "error.usulan_too_long": ("Usulan paling panjang 300 karakter.", "A proposal can be at most 300 characters."),
    "error.satuan_too_long": ("Satuan paling panjang 30 karakter.", "The unit can be at most 30 characters."),
    "error.text_too_long": ("Teks paling panjang 5.000 karakter.", "The text can be at most 5,000 characters."),
    "error.volume_positive": ("Volume harus lebih dari nol.", "The volume must be more than zero."),
    "error.prioritas_positive": ("Prioritas mulai dari 1.", "Priority starts at 1."),
    "error.tahun_invalid": ("Tahun tidak valid.", "Not a valid year."),
    "error.usulan_outside_scope": ("Usulan ini di luar wilayah Anda.", "This proposal is outside your area."),
    "error.usulan_not_found": ("Usulan {nomor} tidak ditemukan.", "Proposal {nomor} was not found."),
    # SP4N-LAPOR!
    "sp4n.title": ("SP4N-LAPOR!", "SP4N-LAPOR!"),
    "sp4n.intro": (
        "Laporan ini diserahkan ke dinas. Salin teks ini ke formulir LAPOR! (kanal pengaduan nasional), lampirkan "
        "fotonya, lalu catat ID pelacakan LAPOR! di bawah agar kelurahan bisa mengikuti tindak lanjutnya.",
        "This report was handed to the regency office. Paste this text into the LAPOR! form (the national complaint "
        "channel), attach its photos, then record the LAPOR! tracking ID below so the kelurahan can follow it up.",
    ),
    "sp4n.open_form": ("Buka formulir LAPOR!", "Open the LAPOR! form"),
    "sp4n.photo": ("Foto {n} ({jenis})", "Photo {n} ({jenis})"),
    "sp4n.linked": (
        "ID LAPOR!: **{id}** · status di LAPOR!: {status}",
        "LAPOR! ID: **{id}** · status on LAPOR!: {status}",
    ),
    "sp4n.status_unknown": ("belum diimpor", "not imported yet"),
    "sp4n.id_label": ("ID pelacakan LAPOR!", "LAPOR! tracking ID"),
    "sp4n.id_help": (
        "Nomor yang diberikan LAPOR! setelah laporan dikirim, mis. 1234567. Kosongkan untuk menghapus.",
        "The number LAPOR! gives once the report is sent, e.g. 1234567. Leave empty to remove it.",
    ),
    "sp4n.id_save": ("Simpan ID LAPOR!", "Save the LAPOR! ID"),
    "sp4n.id_saved": ("ID LAPOR! laporan #{nomor} disimpan: {id}.", "LAPOR! ID of report #{nomor} saved: {id}."),
    "error.lapor_id_invalid": (
        "ID LAPOR! hanya berisi huruf, angka, '-', '/' atau '.', paling panjang 40 karakter.",
        "A LAPOR! ID holds only letters, digits, '-', '/' or '.', at most 40 characters.",
    ),
    "error.lapor_id_taken": (
        "ID LAPOR! ini sudah tercatat pada laporan lain.",
        "This LAPOR! ID is already recorded on another report.",
    ),
    "error.lapor_not_dinas": (
        "Laporan {nomor} tidak ditangani dinas: ID LAPOR! hanya untuk laporan yang diserahkan ke dinas.",
        "Report {nomor} is not handled by the regency office: a LAPOR! ID is only for reports handed to it.",
    ),
    "sp4n.import_intro": (
        "Unggah ekspor admin SP4N-LAPOR! (CSV atau XLSX). Status laporan yang ID LAPOR!-nya tercatat diperbarui "
        "dan ditulis di riwayatnya dengan sumber SP4N-LAPOR!; ID yang tidak dikenal hanya didaftar.",
        "Upload an SP4N-LAPOR! admin export (CSV or XLSX). Reports whose LAPOR! ID is recorded get the status "
        "LAPOR! shows, written to their history with SP4N-LAPOR! as the source; unknown IDs are only listed.",
    ),
    "sp4n.file": ("Berkas ekspor LAPOR!", "LAPOR! export file"),
    "sp4n.refused.columns": (
        "Kolom {kolom} tidak ditemukan di berkas ini (kolom yang ada: {ada}). Tidak ada yang disimpan. "
        "Pastikan berkas berisi kolom ID laporan/nomor tracking dan status.",
        "Column {kolom} was not found in this file (its columns: {ada}). Nothing was saved. Make sure the file "
        "has a report ID/tracking number column and a status column.",
    ),
    "sp4n.reason.bad_id": ("bukan ID LAPOR!", "not a LAPOR! ID"),
    "sp4n.reason.bad_status": ("status LAPOR! tidak dikenal", "unknown LAPOR! status"),
    "sp4n.reason.closed_here": (
        "sudah ditutup di sini; membuka kembali harus dengan alasan",
        "closed here; reopening needs a person and a reason",
    ),
    "sp4n.reason.behind": ("status di sini sudah lebih maju", "further along here already"),
    "sp4n.reason.photo_needed": (
        "kategori ini perlu foto sesudah sebelum selesai",
        "this category needs an after photo to be resolved",
    ),
    "sp4n.reason.same": ("status sama", "same status"),
    "sp4n.summary": (
        "{diperbarui} laporan diperbarui, {tetap} tetap, {asing} ID tidak dikenal.",
        "{diperbarui} reports updated, {tetap} unchanged, {asing} unknown IDs.",
    ),
    "sp4n.unknown_ids": (
        "ID LAPOR! yang tidak tercatat pada laporan mana pun (tidak diubah): {daftar}",
        "LAPOR! IDs not recorded on any report (nothing changed): {daftar}",
    ),
    "sp4n.skipped_row": ("Baris {baris} ({isi}) dilewati: {alasan}", "Row {baris} ({isi}) skipped: {alasan}"),
    "sp4n.count.moved": ("Diperbarui", "Updated"),
    "sp4n.count.unchanged": ("Tetap", "Unchanged"),
    "sp4n.count.unknown": ("ID tidak dikenal", "Unknown IDs"),
    "sp4n.count.skipped": ("Baris dilewati", "Rows skipped"),
    "sp4n.col.row": ("Baris", "Row"),
    "sp4n.col.nomor": ("No. laporan", "Report no."),
    "sp4n.col.lapor_id": ("ID LAPOR!", "LAPOR! ID"),
    "sp4n.col.status": ("Status", "Status"),
    "sp4n.col.reason": ("Keterangan", "Note"),
    "sp4n.col.value": ("Isi", "Content"),
    "sp4n.confirm": ("Perbarui {jumlah} laporan", "Update {jumlah} reports"),
    "sp4n.done": (
        "Selesai: {diperbarui} laporan diperbarui; {asing} ID tidak dikenal tidak diubah.",
        "Done: {diperbarui} reports updated; {asing} unknown IDs left alone.",
    ),
}

# English names of the default categories; categories the office adds keep their own name.
CATEGORY_EN: dict[str, str] = {
    "jalan-gang": "Roads & alleys",
    "drainase-banjir": "Drainage & flooding",
    "sampah-kebersihan": "Waste & cleanliness",
    "penerangan-jalan": "Street lighting",
    "air-bersih": "Clean water",
    "keamanan-ketertiban": "Security & public order",
    "kesehatan": "Health (posyandu, dengue, stunting)",
    "sosial-bansos": "Social assistance",
    "administrasi-kependudukan": "Civil registration",
    "fasilitas-umum": "Public facilities",
    "lingkungan-pohon": "Environment & trees",
    "lainnya": "Other",
}


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The UI string for `key` in `lang`, with placeholders filled in."""
    indonesian, english = CATALOGUE[key]
    text = english if lang == "en" else indonesian
    return text.format(**values) if values else text


def category_label(slug: str, nama: str, lang: str = DEFAULT_LANG) -> str:
    """A category's display name: translated for the defaults, as entered for the office's own."""
    return CATEGORY_EN.get(slug, nama) if lang == "en" else nama
