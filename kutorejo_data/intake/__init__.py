"""Data coming in from outside the forms: spreadsheets and WhatsApp chats, checked before anything is written.

Holds: the one guard every upload passes before a parser sees it (guard: archive sizes and ratio, image pixels,
sheet rows and columns), reading an upload (reading), recognising its columns (columns) and cell values (values,
vocab), the shared plan of an import (common), the report and activity rows (reports, activities), the downloadable
templates (template), and running an import in one transaction (importing). For WhatsApp: opening a chat export
safely (chat_file), its messages (whatsapp_chat), Indonesian chat words normalised (indonesian), the complaint guess
(complaints, with its words in complaint_words), and reports from the chosen messages (chat_import). Photos from a
phone, checked before they are decoded and re-encoded without metadata (photos), the RW/RT boundaries as GeoJSON
(boundaries), and an SP4N-LAPOR! admin export read into status updates (lapor).

May import: records, store, core.
"""
