"""Every lexicon data file: provenance header, well-formed rows, valid codes, no conflicting keys."""
from __future__ import annotations

from pathlib import Path

import pytest

import hadath
from hadath.lexicon.entries import NON_STATE_CODES, SECTORS, load
from hadath.lexicon.tsv import REQUIRED_HEADER, read_table, variants
from hadath.text.normalize import fold
from hadath.events.lexicon import EVENT_TYPES, NONE

PACKAGE = Path(hadath.__file__).parent
DATA_FILES = sorted(p for p in PACKAGE.rglob("data/*.tsv"))


def test_there_are_lexicons():
    names = {p.stem for p in DATA_FILES}
    assert {"countries", "orgs", "institutions", "roles", "triggers", "months", "cues", "function_words"} <= names
    assert any(n.startswith("persons") for n in names)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_header_and_rows(path):
    table = read_table(path)
    for key in REQUIRED_HEADER:
        assert table.header.get(key), f"{path.name} lacks '# {key}:'"
    assert table.rows, f"{path.name} has no rows"


def _codes() -> frozenset[str]:
    return load().codes


def _check_code(code: str, where: str) -> None:
    assert code == "" or code in _codes(), f"{where}: unknown code {code!r}"


def test_countries_are_iso3_and_unique():
    table = read_table(PACKAGE / "lexicon/data/countries.tsv")
    codes = [r["code"] for r in table.rows]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 3 and c.isupper() for c in codes)
    assert {"IRQ", "USA", "RUS", "SYR", "PSE", "KOS", "SAU", "IRN", "TUR", "ISR", "EGY"} <= set(codes)
    assert not set(codes) & NON_STATE_CODES
    for r in table.rows:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180


@pytest.mark.parametrize("name", ["orgs", "institutions", "roles"])
def test_codes_and_sectors(name):
    table = read_table(PACKAGE / f"lexicon/data/{name}.tsv")
    for row, line in zip(table.rows, table.lines):
        where = f"{name}.tsv:{line}"
        if "code" in row:
            _check_code(row["code"], where)
        assert row["sector"] == "" or row["sector"] in SECTORS, f"{where}: bad sector {row['sector']!r}"
        assert variants(row["names"]), f"{where}: no names"


def test_persons():
    ids = set()
    count = 0
    for path in sorted((PACKAGE / "lexicon/data").glob("persons_*.tsv")):
        table = read_table(path)
        for row, line in zip(table.rows, table.lines):
            where = f"{path.name}:{line}"
            assert row["id"] not in ids, f"{where}: duplicate id {row['id']}"
            ids.add(row["id"])
            assert variants(row["names"]), f"{where}: no names"
            for role in filter(None, (r.strip() for r in row["roles"].split(";"))):
                code, sector, start, end = role.split("/")
                _check_code(code, where)
                assert sector in SECTORS, f"{where}: bad sector {sector}"
                assert start[:4].isdigit() and (end == "" or end[:4].isdigit()), f"{where}: bad dates {role}"
            assert row["wikidata"] == "" or row["wikidata"][0] == "Q" and row["wikidata"][1:].isdigit()
            count += 1
    assert count >= 1500


@pytest.mark.parametrize("name,key_columns", [("orgs", ("id",)), ("persons", ("id",))])
def test_no_name_shared_by_two_entries(name, key_columns):
    """A folded name may not point to two different organisations, or two different persons."""
    owner: dict[str, str] = {}
    for path in sorted((PACKAGE / "lexicon/data").glob(f"{name}*.tsv")):
        table = read_table(path)
        for row, line in zip(table.rows, table.lines):
            for n in variants(row["names"]) + variants(row.get("short", "")):
                key = fold(n)
                other = owner.setdefault(key, row["id"])
                assert other == row["id"], f"{path.name}:{line}: '{n}' names both {other} and {row['id']}"


def test_triggers():
    table = read_table(PACKAGE / "lexicon/data/triggers.tsv")
    per_type = {t: 0 for t in EVENT_TYPES}
    for row, line in zip(table.rows, table.lines):
        assert row["event"] in EVENT_TYPES or row["event"] == NONE, f"triggers.tsv:{line}: {row['event']}"
        assert variants(row["forms"])
        per_type[row["event"]] = per_type.get(row["event"], 0) + 1
    per_type.pop(NONE, None)
    assert min(per_type.values()) >= 10, per_type
