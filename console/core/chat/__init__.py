"""Audience interaction: comments, gifts and likes from the platforms, one typed event and one bounded feed. Qt-free."""
