"""The actor lexicon compiled for matching: every name variant of every file in ``data/`` points to
an :class:`Entry` saying what kind of thing it names and which code and sector it carries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError
from ..text.normalize import fold
from .matcher import PhraseMatcher
from .tsv import Table, read_table, variants

DATA = Path(__file__).parent / "data"

NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
    "REL SOC".split()
)
# Nisba endings: masculine, feminine, masculine plural (nominative, oblique), feminine plural,
# dual. Folded spelling: teh marbuta is heh.
_NISBA_SUFFIXES = ("", "ه", "ون", "ين", "ات", "ان", "تان", "تين")


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    sector: str
    start: str
    end: str  # "" while ongoing


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # country capital seat nisba org institution role person person_short
    code: str | None
    sector: str | None
    ref: str | None = None  # person/org slug, or the country code
    name_en: str | None = None
    subkind: str | None = None  # institution, role or organisation kind
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()

    def at(self, date: str | None) -> tuple[str | None, str | None]:
        """(code, sector) of a person on ``date`` (ISO, any precision).

        The last role in force that day wins (roles may overlap at hand-overs); someone whose
        next role starts within ``INCOMING_DAYS`` is coded with it (a president-elect speaks for
        the incoming government); after the last role has ended the person is a former office
        holder, ELI; before the first role the first role is used (roles are listed from 2000).
        """
        if not self.roles:
            return self.code, self.sector
        if not date:
            last = self.roles[-1]
            return last.code, "ELI" if last.end else last.sector
        day = _pad(date, start=True)
        current = [r for r in self.roles
                   if _pad(r.start, start=True) <= day and (not r.end or day <= _pad(r.end, start=False))]
        soon = [r for r in self.roles if day < _pad(r.start, start=True) <= _shift(day, INCOMING_DAYS)
                and r.sector != "ELI"]
        if soon and (not current or current[-1].sector == "ELI"):
            return soon[0].code, soon[0].sector
        if current:
            return current[-1].code, current[-1].sector
        past = [r for r in self.roles if _pad(r.start, start=True) <= day]
        if past:
            return past[-1].code, "ELI"
        return self.roles[0].code, self.roles[0].sector


INCOMING_DAYS = 90


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _pad(date: str, *, start: bool) -> str:
    """A partial ISO date as the first (start) or last (end) day it can mean."""
    if len(date) == 4:
        return date + ("-01-01" if start else "-12-31")
    if len(date) == 7:
        return date + ("-01" if start else "-28")
    return date


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_en: str
    names: tuple[str, ...]
    lat: float
    lon: float


@dataclass(slots=True)
class Lexicons:
    matcher: PhraseMatcher
    countries: dict[str, Country]
    tables: dict[str, Table]
    person_names: dict[str, tuple[str, ...]]  # person id -> full-name variants

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self.countries) | NON_STATE_CODES


def _parse_roles(field: str, where: str) -> tuple[Role, ...]:
    out = []
    for part in (p.strip() for p in field.split(";")):
        if not part:
            continue
        bits = part.split("/")
        if len(bits) != 4:
            raise LexiconError(f"Bad role '{part}' in {where}.", "Write roles as CODE/SECTOR/START/END.")
        out.append(Role(*bits))
    return tuple(out)


def _nisba_forms(base: str) -> list[str]:
    """The forms of a nisba base ("تركي" → تركية، تركيون …); "=أتراك" is a broken plural as written."""
    if base.startswith("="):
        return [fold(base[1:])]
    stem = fold(base)
    return [stem + s for s in _NISBA_SUFFIXES]


def _with_construct_forms(names: list[str]) -> list[str]:
    """"وزير الخارجية" is also written "وزير خارجية" before the state it belongs to
    ("وزير خارجية إيران"): add the construct form of two-word names whose second word has ال."""
    out = list(names)
    for n in names:
        words = n.split()
        if len(words) == 2 and words[1].startswith(("ال", "أل")) and len(words[1]) > 4:
            out.append(f"{words[0]} {words[1][2:]}")
    return out


def lexicon_files() -> list[Path]:
    return sorted(DATA.glob("*.tsv"))


@lru_cache(maxsize=1)
def load() -> Lexicons:
    """Load and compile every lexicon once per process."""
    tables = {p.stem: read_table(p) for p in lexicon_files()}
    m = PhraseMatcher()
    countries: dict[str, Country] = {}
    person_names: dict[str, tuple[str, ...]] = {}
    if "countries" in tables:
        for row in tables["countries"].rows:
            code = row["code"]
            names = tuple(variants(row["names"]))
            countries[code] = Country(code, row["name_en"], names, float(row["lat"] or 0), float(row["lon"] or 0))
            for n in names:
                m.add(n, Entry("country", code, "GOV", code, row["name_en"]))
            for n in variants(row["capital"]):
                m.add(n, Entry("capital", code, "GOV", code, row["name_en"]))
            for n in variants(row["seats"]):
                m.add(n, Entry("seat", code, "GOV", code, row["name_en"]))
            for base in variants(row["nisba"]):
                for form in _nisba_forms(base):
                    m.add(form, Entry("nisba", code, None, code, row["name_en"]))
    for name, table in tables.items():
        if name == "orgs":
            for row in table.rows:
                e = Entry("org", row["code"] or None, row["sector"] or None, row["id"], row["name_en"],
                          row["kind"], row["wikidata"] or None)
                for n in variants(row["names"]):
                    m.add(n, e)
        elif name == "institutions":
            for row in table.rows:
                names = variants(row["names"])
                e = Entry("institution", None, row["sector"] or None, fold(names[0]), None, row["kind"])
                for n in _with_construct_forms(names):
                    m.add(n, e)
        elif name == "roles":
            for row in table.rows:
                names = variants(row["names"])
                e = Entry("role", None, row["sector"] or None, fold(names[0]), None, row["kind"])
                for n in _with_construct_forms(names):
                    m.add(n, e)
        elif name.startswith("persons"):
            for row, line in zip(table.rows, table.lines):
                roles = _parse_roles(row["roles"], f"{table.path}:{line}")
                latest = roles[-1] if roles else None
                code = latest.code if latest else None
                sector = latest.sector if latest else None
                e = Entry("person", code, sector, row["id"], row["name_en"], None, row["wikidata"] or None, roles)
                person_names[row["id"]] = tuple(variants(row["names"]))
                for n in person_names[row["id"]]:
                    m.add(n, e)
                short = Entry("person_short", code, sector, row["id"], row["name_en"], None,
                              row["wikidata"] or None, roles)
                for n in variants(row["short"]):
                    m.add(n, short)
    return Lexicons(m, countries, tables, person_names)
