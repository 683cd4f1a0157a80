"""Deterministic, illustrative demo data (generate), the demo accounts that go with it (accounts), and its synthetic
RW boundaries and report photos (evidence).

May import: access (to hash the demo password), records (routing, the stored form of a photo), store (bulk loads,
filling the kept figures), core.
"""
