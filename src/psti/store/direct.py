"""Statements run straight on the driver's cursor, for the hottest read-only queries.

SQLAlchemy builds and compiles each statement once per dialect (the SQL text, the order of
its parameters, the converters of its parameters and result columns); a call binds the
parameters, executes on the connection's own DBAPI cursor, in whatever transaction state
that connection is in, and returns plain named tuples. That skips what SQLAlchemy builds per
call around a result and the driver's column descriptions: on PostgreSQL half the client's
CPU time per public look-up. A connection found lost is invalidated and the pool renewed, as
SQLAlchemy does, so one request fails (500) and the next gets a fresh connection.
Statements run this way are not seen by SQLAlchemy's execution events or its echo log.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Connection, Dialect, Select

Converter = Callable[[Any], Any] | None


class DirectSelect:
    """A Core SELECT, compiled on first use for each dialect and run on the DBAPI cursor."""

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self.row: Any = namedtuple("Row", list(statement.selected_columns.keys()))  # type: ignore[misc]
        self._compiled: dict[tuple[type[Dialect], str], _Compiled] = {}

    def rows(self, conn: Connection, params: dict[str, Any]) -> list[Any]:
        """The rows for `params`, as named tuples with SQLAlchemy's conversions applied."""
        dialect = conn.dialect
        compiled = self._compiled.get((type(dialect), dialect.paramstyle))
        if compiled is None:
            compiled = self._compiled[(type(dialect), dialect.paramstyle)] = _Compiled(self.statement, dialect)
        dbapi = conn.connection.dbapi_connection
        if dbapi is None:  # invalidated and not yet replaced
            raise RuntimeError("the connection is closed")
        cursor = dbapi.cursor()
        try:
            cursor.execute(compiled.sql, compiled.bind(params))
            fetched = cursor.fetchall()
        except dialect.loaded_dbapi.Error as e:
            if dialect.is_disconnect(e, dbapi, cursor):
                # As SQLAlchemy does on a disconnect: this connection is closed, and every
                # other one pooled before it is replaced (the database has likely restarted).
                conn.invalidate(e)
                conn.engine.dispose(close=False)
            raise
        finally:
            cursor.close()
        make, convert = self.row._make, compiled.converters
        if not any(convert):
            return [make(r) for r in fetched]
        return [make(v if f is None or v is None else f(v) for f, v in zip(convert, r, strict=True)) for r in fetched]


class _Compiled:
    def __init__(self, statement: Select[Any], dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        if "POSTCOMPILE" in self.sql:  # expanding or literal-rendered parameters are not supported here
            raise ValueError("a statement with post-compiled parameters cannot run directly")
        self.construct = compiled.construct_params
        self.positions = tuple(compiled.positiontup or ()) if dialect.positional else None
        self.bind_converters = {
            name: p for name, b in compiled.binds.items() if (p := b.type.dialect_impl(dialect).bind_processor(dialect))
        }
        self.converters: tuple[Converter, ...] = tuple(
            c.type.dialect_impl(dialect).result_processor(dialect, None) for c in statement.selected_columns
        )

    def bind(self, params: dict[str, Any]) -> tuple[Any, ...] | Mapping[str, Any]:
        values = self.construct(params)
        for name, convert in self.bind_converters.items():
            if values.get(name) is not None:
                values[name] = convert(values[name])
        return tuple(values[k] for k in self.positions) if self.positions is not None else values
