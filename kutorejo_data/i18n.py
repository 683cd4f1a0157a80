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
    "nav.ringkasan": ("Ringkasan", "Overview"),
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
    "preset.bulan_ini": ("Bulan ini", "This month"),
    "preset.bulan_lalu": ("Bulan lalu", "Last month"),
    "preset.3_bulan": ("3 bulan terakhir", "Last 3 months"),
    "preset.12_bulan": ("12 bulan terakhir", "Last 12 months"),
    "preset.kustom": ("Pilih tanggal", "Custom"),
    "notice.bad_date": ("Tanggal '{value}' di tautan tidak dikenali (format YYYY-MM-DD); diabaikan.",
                        "Date '{value}' in the link is not valid (format YYYY-MM-DD); ignored."),
    "notice.range_reversed": ("Tanggal 'dari' di tautan jatuh setelah 'sampai'; periode bawaan dipakai.",
                              "The link's 'dari' date is after 'sampai'; the default period is used."),
    "notice.future": ("Tanggal di tautan melewati hari ini; dipotong sampai hari ini.",
                      "A date in the link is in the future; cut at today."),
    "notice.unknown_kelurahan": ("Kode kelurahan '{value}' tidak ada; kelurahan pertama ditampilkan.",
                                 "Kelurahan code '{value}' does not exist; the first one is shown."),
    "notice.unknown_kategori": ("Kategori '{value}' tidak dikenal; diabaikan.", "Unknown category '{value}'; ignored."),
    "notice.unknown_status": ("Status '{value}' tidak dikenal; diabaikan.", "Unknown status '{value}'; ignored."),
    "notice.unknown_prioritas": ("Prioritas '{value}' tidak dikenal; diabaikan.",
                                 "Unknown priority '{value}'; ignored."),
    "notice.unknown_rw": ("RW '{value}' tidak ada; semua RW ditampilkan.",
                          "RW '{value}' does not exist; all RWs shown."),
    "notice.unknown_rt": ("RT '{value}' tidak ada di RW ini; semua RT ditampilkan.",
                          "RT '{value}' does not exist in this RW; all RTs shown."),
    "notice.rt_without_rw": ("RT di tautan dipilih tanpa RW; diabaikan.",
                             "The link names an RT without an RW; ignored."),
    "ringkasan.title": ("Ringkasan", "Overview"),
    "ringkasan.subtitle": ("{area} · {period}", "{area} · {period}"),
    "ringkasan.compare": ("dibanding {period}", "compared with {period}"),
    "ringkasan.flow_title": ("Laporan masuk dan selesai per bulan", "Reports received and resolved per month"),
    "ringkasan.by_area_title": ("Laporan masuk per {unit}", "Reports received per {unit}"),
    "ringkasan.by_category_title": ("Laporan masuk per kategori", "Reports received per category"),
    "ringkasan.no_reports_period": ("Tidak ada laporan masuk di periode dan wilayah ini.",
                                    "No reports were received in this period and area."),
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
    # Write-side messages (kutorejo_data.services)
    "error.form_invalid": ("Periksa kembali isian yang ditandai.", "Please check the marked fields."),
    "error.judul_required": ("Judul wajib diisi.", "A title is required."),
    "error.judul_too_long": ("Judul paling panjang 200 karakter.", "The title can be at most 200 characters."),
    "error.deskripsi_too_long": ("Uraian paling panjang 5.000 karakter.",
                                 "The description can be at most 5,000 characters."),
    "error.lokasi_too_long": ("Lokasi paling panjang 200 karakter.", "The location can be at most 200 characters."),
    "error.nama_too_long": ("Nama paling panjang 100 karakter.", "The name can be at most 100 characters."),
    "error.telepon_invalid": ("Nomor telepon tidak valid (contoh: 0812 3456 7890).",
                              "Invalid phone number (e.g. 0812 3456 7890)."),
    "error.sumber_invalid": ("Sumber laporan tidak dikenal.", "Unknown report source."),
    "error.prioritas_invalid": ("Prioritas tidak dikenal.", "Unknown priority."),
    "error.coordinates_pair": ("Isi lintang dan bujur keduanya, atau kosongkan keduanya.",
                               "Fill in both latitude and longitude, or neither."),
    "error.coordinates_range": ("Koordinat di luar jangkauan (lintang −90…90, bujur −180…180).",
                                "Coordinates out of range (latitude −90…90, longitude −180…180)."),
    "error.date_in_future": ("Tanggal lapor tidak boleh di masa depan.", "The report date cannot be in the future."),
    "error.date_too_old": ("Tanggal lapor terlalu lama (sebelum tahun 2000).",
                           "The report date is too old (before 2000)."),
    "error.rt_unknown": ("RT tidak dikenal di RW ini, atau di luar wilayah Anda.",
                         "Unknown RT in this RW, or outside your area."),
    "error.kategori_unknown": ("Kategori tidak dikenal atau tidak aktif.", "Unknown or inactive category."),
    "error.transition_not_allowed": ("Status tidak bisa diubah dari '{dari}' ke '{ke}'.",
                                     "The status cannot change from '{dari}' to '{ke}'."),
    "error.reopen_needs_reason": ("Membuka kembali laporan yang selesai harus disertai alasan.",
                                  "Reopening a resolved report needs a reason."),
    "error.reject_needs_reason": ("Menolak laporan harus disertai alasan.", "Rejecting a report needs a reason."),
    "error.penanganan_invalid": ("Tingkat penanganan tidak dikenal.", "Unknown handler level."),
    "error.duplikat_needs_original": ("Laporan duplikat harus menyebut nomor laporan aslinya.",
                                      "A duplicate must name the number of the original report."),
    "error.duplikat_original_unknown": ("Laporan asli dengan nomor itu tidak ditemukan.",
                                        "No original report with that number was found."),
    "error.report_not_found": ("Laporan #{nomor} tidak ditemukan di wilayah Anda.",
                               "Report #{nomor} was not found in your area."),
    "error.changed_meanwhile": (
        "Laporan #{nomor} baru saja diubah orang lain. Muat ulang untuk melihat status terbaru, lalu coba lagi.",
        "Report #{nomor} was changed by someone else meanwhile. Reload to see its current status, then try again.",
    ),
}  # fmt: skip

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
