"""What every read endpoint needs: its own cursor on the store, paging, and rows as dicts."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import duckdb
from fastapi import Depends, Query, Request

MAX_PAGE = 500


def _cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    with request.app.state.db.reader() as cursor:
        yield cursor


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(_cursor)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]


def rows(cursor: duckdb.DuckDBPyConnection, query: str, params: list | None = None) -> list[dict]:
    """Result rows as dicts (DuckDB returns its lists and structs as Python lists and dicts)."""
    result = cursor.execute(query, params or [])
    names = [column[0] for column in result.description]
    return [dict(zip(names, row)) for row in result.fetchall()]


def scalar(cursor: duckdb.DuckDBPyConnection, query: str, params: list | None = None):
    return cursor.execute(query, params or []).fetchone()[0]
