"""The monthly coordination meeting: one month of one area as slides, and the same words in every export.

Holds: the deck's content (deck), its words shared by the page and the exports (words), and its renderings as a
PPTX deck (pptx), an A4 PDF (pdf, pdf_charts) and a WhatsApp text (whatsapp), by name (exports).

May import: analytics, records, core.
"""
