"""Deterministic, illustrative demo data (generate) and the demo accounts that go with it (accounts).

May import: access (to hash the demo password), store (bulk loads, filling the kept figures), core.
"""
