"""Reading a store: ready queries and raw read-only SQL, as pandas DataFrames or Arrow tables.

    >>> from hadath.store import Store
    >>> with Store("hadath.duckdb") as s:
    ...     s.events(type="ASSAULT", country="SYR", start="2018-03-01", end="2018-03-31")
    ...     s.top_pairs(limit=10)
    ...     s.sql("SELECT source, count(*) AS n FROM articles GROUP BY source")

Article-level events are what each article reports; ``dataset=True`` (or ``dataset_events``)
counts the merged dataset events instead, one per real-world event however often reported.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from ..errors import BadDate, BadOption, QueryRefused
from .connect import DEFAULT_DB, open_reader
from .rows import iso_day

# Statement types a read-only query may have: DESCRIBE and SHOW are SELECTs to DuckDB.
_READING = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
OUTPUTS = ("pandas", "arrow")


class Store:
    """A read-only view of the store at ``path``; results as ``output`` ("pandas" | "arrow")."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, output: str = "pandas"):
        if output not in OUTPUTS:
            raise BadOption(f"Unknown output {output!r}.", f"Use one of: {', '.join(OUTPUTS)}.")
        self.path = path
        self.output = output
        self.con = open_reader(path)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _result(self, query: str, params: list | None = None) -> Any:
        rel = self.con.sql(query, params=params or None)
        return rel.to_arrow_table() if self.output == "arrow" else rel.df()

    def sql(self, query: str, params: list | None = None) -> Any:
        """Run read-only SQL (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN); anything else is refused."""
        try:
            statements = self.con.extract_statements(query)
        except duckdb.Error as exc:
            raise QueryRefused(f"The query is not valid SQL: {exc}",
                               "Check the syntax; tables are listed by: SHOW TABLES") from exc
        if len(statements) != 1:
            raise QueryRefused(f"Give one statement, not {len(statements)}.",
                               "Run the statements one at a time.")
        if statements[0].type not in _READING:
            raise QueryRefused(
                f"The store is read-only here: a {statements[0].type.name} statement is refused.",
                "Use SELECT (or WITH … SELECT); the store is changed by hadath ingest only.")
        try:
            return self._result(query, params)
        except duckdb.Error as exc:
            raise QueryRefused(f"The query failed: {exc}",
                               "Check table and column names: SHOW TABLES; DESCRIBE events") from exc

    def events(self, *, type: str | None = None, actor: str | None = None,
               recipient: str | None = None, country: str | None = None,
               start: str | None = None, end: str | None = None, source: str | None = None,
               limit: int | None = None) -> Any:
        """Article-level events, one row each (the ``event_table`` view), by day.

        ``actor``/``recipient``: a country code in capitals ("IRQ"), or else part of the
        participant's text or English name ("iraq", "العراق"). ``country``: events located in that country or with a participant of it.
        ``start``/``end``: inclusive YYYY-MM-DD bounds on the event's day.
        """
        where, params = _filters(type=type, start=start, end=end, day="t.day")
        for role, value in (("actor", actor), ("recipient", recipient)):
            if value and is_code(value):  # "YEM" is Yemen, not every name containing "Yem"
                where.append(f"""EXISTS (SELECT 1 FROM participants p
                    WHERE p.event_id = t.event_id AND p.role = '{role}' AND p.code = ?)""")
                params.append(value)
            elif value:
                where.append(f"""EXISTS (SELECT 1 FROM participants p
                    LEFT JOIN actors a ON a.doc_id = p.doc_id AND a.actor_id = p.actor_id
                    WHERE p.event_id = t.event_id AND p.role = '{role}'
                      AND (p.code = upper(?) OR contains(p.entity_text, ?)
                           OR a.name_en ILIKE '%' || ? || '%'))""")
                params += [value, value, value]
        if country:
            where.append("""(t.place_country = upper(?) OR EXISTS (SELECT 1 FROM participants p
                WHERE p.event_id = t.event_id AND p.code = upper(?)))""")
            params += [country, country]
        if source:
            where.append("t.source = ?")
            params.append(source)
        return self._result(f"SELECT * FROM event_table t {_where(where)} "
                            f"ORDER BY t.day, t.event_id {_limit(limit, params)}", params)

    def dataset_events(self, *, type: str | None = None, actor: str | None = None,
                       recipient: str | None = None, country: str | None = None,
                       start: str | None = None, end: str | None = None,
                       limit: int | None = None) -> Any:
        """Merged dataset events, one row each; ``actor``/``recipient``/``country`` are codes.
        ``start``/``end`` select the events whose days overlap the range."""
        where, params = _filters(type=type, start=start, end=end, day=None)
        if start:
            where.append("last_day >= ?::DATE")
            params.append(start)
        if end:
            where.append("first_day <= ?::DATE")
            params.append(end)
        for column, value in (("actor_codes", actor), ("recipient_codes", recipient)):
            if value:
                where.append(f"list_contains({column}, upper(?))")
                params.append(value)
        if country:
            where.append("(place_country = upper(?) OR list_contains(actor_codes, upper(?)) "
                         "OR list_contains(recipient_codes, upper(?)))")
            params += [country] * 3
        return self._result(
            "SELECT * EXCLUDE (actor_codes, recipient_codes, sources), "
            "array_to_string(actor_codes, ';') AS actor_codes, "
            "array_to_string(recipient_codes, ';') AS recipient_codes, "
            f"array_to_string(sources, ';') AS sources FROM dataset_events {_where(where)} "
            f"ORDER BY first_day, dataset_event_id {_limit(limit, params)}", params)

    def mentions_of(self, dataset_event_id: str) -> Any:
        """The article events merged into one dataset event, with their evidence."""
        return self._result(
            "SELECT m.*, a.title, a.url FROM dataset_event_mentions m JOIN articles a "
            "USING (doc_id) WHERE dataset_event_id = ? ORDER BY m.published, m.event_id",
            [dataset_event_id])

    def top_pairs(self, *, limit: int = 20, type: str | None = None, start: str | None = None,
                  end: str | None = None, dataset: bool = False) -> Any:
        """The most frequent (actor code, recipient code) pairs, with their event counts."""
        if dataset:
            where, params = _filters(type=type, start=start, end=end, day="first_day")
            query = f"""SELECT a AS actor_code, r AS recipient_code, count(*) AS events
                FROM dataset_events, unnest(actor_codes) AS x(a), unnest(recipient_codes) AS y(r)
                {_where(where)} GROUP BY ALL"""
        else:
            where, params = _filters(type=type, start=start, end=end, day="e.day")
            query = f"""SELECT a.code AS actor_code, r.code AS recipient_code,
                       count(DISTINCT e.event_id) AS events
                FROM events e
                JOIN participants a ON a.event_id = e.event_id AND a.role = 'actor'
                JOIN participants r ON r.event_id = e.event_id AND r.role = 'recipient'
                {_where(where + ['a.code IS NOT NULL', 'r.code IS NOT NULL'])} GROUP BY ALL"""
        return self._result(f"{query} ORDER BY events DESC, actor_code, recipient_code "
                            f"{_limit(limit, params)}", params)

    def counts_per_day(self, *, type: str | None = None, start: str | None = None,
                       end: str | None = None, dataset: bool = False) -> Any:
        """Events per day (dataset events by their first day)."""
        table, day = ("dataset_events", "first_day") if dataset else ("events", "day")
        where, params = _filters(type=type, start=start, end=end, day=day)
        return self._result(f"SELECT {day} AS day, count(*) AS events FROM {table} "
                            f"{_where(where)} GROUP BY ALL ORDER BY day", params)

    def counts_per_type(self, *, start: str | None = None, end: str | None = None,
                        dataset: bool = False) -> Any:
        """Events per PLOVER type, most frequent first."""
        table, day = ("dataset_events", "first_day") if dataset else ("events", "day")
        where, params = _filters(type=None, start=start, end=end, day=day)
        return self._result(f"SELECT event, count(*) AS events FROM {table} {_where(where)} "
                            "GROUP BY ALL ORDER BY events DESC, event", params)

    def errors(self) -> Any:
        """Error records: inputs that could not be read and articles the pipeline failed on."""
        return self._result("SELECT * FROM errors ORDER BY run_id, doc_id")

    def runs(self) -> Any:
        return self._result("SELECT * FROM runs ORDER BY run_id")

    def duplicates(self) -> Any:
        """Near-duplicate pairs with their similarity, titles and sources."""
        return self._result("""
            SELECT d.doc_id, d.other_id, d.similarity, a.source, b.source AS other_source,
                   a.title, b.title AS other_title, g.group_id
            FROM near_duplicates d JOIN articles a ON a.doc_id = d.doc_id
            JOIN articles b ON b.doc_id = d.other_id
            JOIN duplicate_groups g ON g.doc_id = d.doc_id
            ORDER BY g.group_id, d.doc_id, d.other_id""")


def _filters(*, type: str | None, start: str | None, end: str | None,
             day: str | None) -> tuple[list[str], list]:
    where: list[str] = []
    params: list = []
    if type:
        where.append("event = upper(?)")
        params.append(type)
    for name, value in (("start", start), ("end", end)):
        if value and not iso_day(value):
            raise BadDate(f"The {name} date {value!r} is not a date of the form YYYY-MM-DD.",
                          "Give it as YYYY-MM-DD, for example 2018-03-01.")
    if day and start:
        where.append(f"{day} >= ?::DATE")
        params.append(start)
    if day and end:
        where.append(f"{day} <= ?::DATE")
        params.append(end)
    return where, params


def _where(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def _limit(limit: int | None, params: list) -> str:
    if limit is None:
        return ""
    params.append(int(limit))
    return "LIMIT ?"


def is_code(value: str) -> bool:
    """A country or PLOVER code as a user types it for a filter: three capital letters."""
    return len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()
