"""Entente's extraction engine: news text in, meetings out.

This package knows nothing of Django. It takes an article's text and metadata and returns plain
data (see `types`); `events.store` turns that data into rows.
"""
