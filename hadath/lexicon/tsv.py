"""Reading lexicon TSV files: a provenance header, then one entry a line (docs/lexicons.md)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import LexiconError

REQUIRED_HEADER = ("lexicon", "source", "licence", "known problems", "columns")


@dataclass(frozen=True, slots=True)
class Table:
    path: Path
    header: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    lines: tuple[int, ...]  # source line number of each row, for error messages and tests


def read_table(path: Path) -> Table:
    header: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    columns: tuple[str, ...] = ()
    last_key = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            if line.startswith("#"):
                if rows:
                    continue  # a grouping comment between rows
                key, sep, value = line[1:].strip().partition(":")
                key = key.strip().lower()
                if sep and key in REQUIRED_HEADER:
                    header[key] = value.strip()
                    last_key = key
                elif last_key and last_key != "columns":
                    header[last_key] += " " + line[1:].strip()  # continuation line
                continue
            if not columns:
                missing = [k for k in REQUIRED_HEADER if k not in header]
                if missing:
                    raise LexiconError(
                        f"Lexicon {path} lacks the header field(s) {', '.join(missing)}.",
                        "Start the file with '# lexicon:', '# source:', '# licence:', "
                        "'# known problems:' and '# columns:' lines (docs/lexicons.md).",
                        source=str(path),
                    )
                columns = tuple(c.strip() for c in header["columns"].split("\t"))
                if len(columns) == 1:
                    columns = tuple(header["columns"].split())
            fields = line.split("\t")
            if len(fields) != len(columns):
                raise LexiconError(
                    f"Lexicon {path}, line {number}: {len(fields)} fields, {len(columns)} expected "
                    f"({', '.join(columns)}).",
                    "Separate fields with exactly one tab; leave empty fields empty.",
                    source=f"{path}:{number}",
                )
            rows.append({c: v.strip() for c, v in zip(columns, fields)})
            lines.append(number)
    return Table(path, header, columns, tuple(rows), tuple(lines))


def variants(field: str) -> list[str]:
    """The |-separated variants of a field, empty ones dropped."""
    return [v.strip() for v in field.split("|") if v.strip()]
