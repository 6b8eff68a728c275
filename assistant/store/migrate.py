"""Small idempotent schema migrations run at store start-up, after `create_all` (no Alembic).

`create_all` creates missing tables but never alters existing ones, so a column added to a table after
databases were created is added here. Each step checks the live schema first, so running it again (or
from two processes at once) changes nothing.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

# (table, column, SQL type and default): columns added after the first release of their table
ADDED_COLUMNS: list[tuple[str, str, str]] = [
    ("documents", "parser_version", "INTEGER NOT NULL DEFAULT 0"),
    ("decisions", "carried_from", "VARCHAR(64)"),
]


def _has_column(engine: Engine, table: str, column: str) -> bool:
    return any(c["name"] == column for c in inspect(engine).get_columns(table))


def migrate(engine: Engine) -> list[str]:
    """Add the missing columns of `ADDED_COLUMNS`; returns 'table.column' of each one added."""
    added: list[str] = []
    for table, column, ddl in ADDED_COLUMNS:
        if _has_column(engine, table, column):
            continue
        try:
            with engine.begin() as conn:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}"))
        except DBAPIError:
            # NOTE: another process may have added it between our check and our ALTER
            if not _has_column(engine, table, column):
                raise
            continue
        log.info("store schema: added column %s.%s", table, column)
        added.append(f"{table}.{column}")
    return added
