"""Engine and session plumbing shared by the store's parts: SQLite file by default, any SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from assistant.errors import ConfigError
from assistant.settings import Settings, get_settings
from assistant.store.migrate import migrate
from assistant.store.tables import Base


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets foreign keys on, a busy timeout and its folder created."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = parsed.database or ""
    if database in ("", ":memory:"):
        # NOTE: one shared connection, otherwise every connection sees its own empty in-memory database.
        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    else:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_on_connect)
    return engine


class StoreBase:
    """Owns the engine and the session factory; creates missing tables and columns on construction."""

    def __init__(self, settings: Settings | None = None, *, url: str | None = None) -> None:
        """Open the store at `url`, else at `settings.store.sqlalchemy_url()`; create missing tables and add
        columns that older databases lack (`migrate`)."""
        self.settings = settings or get_settings()
        self.url = url or self.settings.store.sqlalchemy_url()
        self.engine = make_engine(self.url)
        try:
            Base.metadata.create_all(self.engine)
            migrate(self.engine)
        except OperationalError as exc:
            self.engine.dispose()
            shown = make_url(self.url).render_as_string(hide_password=True)
            raise ConfigError(
                f"cannot open the store at {shown!r}: {exc.orig}. "
                "Check CLAUSEGATE_STORE__URL (or the data_dir) and that the database server is running."
            ) from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        """A new session; use `with store.session() as s, s.begin(): ...` for one transaction."""
        return self._sessions()

    def close(self) -> None:
        """Release every pooled database connection."""
        self.engine.dispose()
