"""Persistence: SQLAlchemy models over SQLite (default) or PostgreSQL."""
