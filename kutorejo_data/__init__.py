"""Kutorejo neighbourhood-issue dashboard: data model, queries, metrics and services."""

__version__ = "0.1.0"
