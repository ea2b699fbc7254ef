"""Whole lines of news-site boilerplate ("مقالات ذات صلة", share bars, copyright) removed from text.

Page extraction and corpus scrapers leave such lines in article bodies; they carry no events but
trigger false ones (a related headline is another article's news). Removal is deliberately
narrow, because a dropped line of real text is worse than a kept footer:

* only lines of at most ``MAX_LINE_CHARS`` characters are candidates;
* a candidate must match a pattern of ``data/boilerplate.tsv`` in full, not just contain it;
* after a related-articles heading ("اقرأ أيضاً:"), headline-like lines may be teasers of other
  articles. They are dropped only when the run of such lines ends the text or runs into more
  boilerplate; when article text follows, the run's last line is kept, since a subheading that
  resumes the article looks exactly like a headline. Runs longer than the row's ``teasers``
  count are kept whole: no longer clearly a list of teasers.

Every removed line is returned, so what was dropped can be audited.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import LexiconError
from ..lexicon.tsv import read_table
from ..text.normalize import fold

DATA = Path(__file__).parent / "data" / "boilerplate.tsv"
KINDS = frozenset({"nav", "related", "read_also", "more", "share", "comment", "subscribe",
                   "copyright", "wire"})

MAX_LINE_CHARS = 150  # longer lines are article paragraphs, whatever they contain
MAX_TEASER_CHARS = 120  # Arabic news headlines are rarely longer
# A line ending like this is a sentence or introduces one, not a headline.
_SENTENCE_END = tuple(".،,:؛;")
# Edge characters that decorate boilerplate ("... المزيد", "// انتهى //", "اقرأ أيضاً:").
_EDGE = " \t:：-–—|•·*>»«.…،!/\\_=~"


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: str
    kind: str
    teasers: int  # headline-like lines after the match that may be teasers (0: none)
    example: str


@cache
def rules() -> tuple[Rule, ...]:
    """The rows of data/boilerplate.tsv, read once per process."""
    table = read_table(DATA)
    out = []
    for row, number in zip(table.rows, table.lines):
        where = f"{DATA}:{number}"
        if row["kind"] not in KINDS:
            raise LexiconError(f"Lexicon {where}: unknown kind {row['kind']!r}.",
                               f"Use one of: {', '.join(sorted(KINDS))}.", source=where)
        if row["teasers"] and not row["teasers"].isdigit():
            raise LexiconError(f"Lexicon {where}: teasers {row['teasers']!r} is not a number.",
                               "Give a whole number of lines, or leave the field empty.",
                               source=where)
        try:
            re.compile(fold(row["pattern"]))
        except re.error as exc:
            raise LexiconError(f"Lexicon {where}: the pattern is not a valid regular expression "
                               f"({exc}).", "Fix the pattern (Python re syntax).",
                               source=where) from exc
        out.append(Rule(row["pattern"], row["kind"], int(row["teasers"] or 0), row["example"]))
    return tuple(out)


@cache
def _matcher() -> re.Pattern[str]:
    # One alternation with a named group per rule: one regex call per line instead of one per
    # rule, and ``lastgroup`` still tells which rule matched.
    parts = [f"(?P<r{i}>{fold(rule.pattern)})" for i, rule in enumerate(rules())]
    return re.compile("|".join(parts), re.IGNORECASE)


def key(line: str) -> str:
    """The form of a line that patterns are matched against."""
    return " ".join(fold(line).split()).strip(_EDGE)


def match(line: str) -> Rule | None:
    """The rule whose pattern matches the whole line, or None (also for long lines)."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_LINE_CHARS:
        return None
    k = key(stripped)
    m = _matcher().fullmatch(k) if k else None
    return rules()[int(m.lastgroup[1:])] if m else None


def _headline_like(line: str) -> bool:
    s = line.strip()
    return (len(s) <= MAX_TEASER_CHARS and len(s.split()) >= 2 and not s.endswith(_SENTENCE_END)
            and match(s) is None)


def _teasers(lines: list[str], heading: int, limit: int) -> list[int]:
    """Indices of the teaser lines after the heading at ``heading`` (see the module doc)."""
    run: list[int] = []
    for i in range(heading + 1, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        if match(line) is not None:
            break  # more boilerplate: nothing of the article resumes in between
        if not _headline_like(line):
            # Article text follows: the run's last line may be its subheading.
            run = run[:-1]
            break
        run.append(i)
    return run if len(run) <= limit else []


def strip_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the text without boilerplate lines, and the removed lines (stripped) in order.

    Blank lines that a removal leaves next to each other collapse into one, and trailing blank
    lines are dropped.
    """
    lines = text.split("\n")
    drop = [False] * len(lines)
    for i, line in enumerate(lines):
        if drop[i]:
            continue
        rule = match(line)
        if rule is None:
            continue
        drop[i] = True
        if rule.teasers:
            for j in _teasers(lines, i, rule.teasers):
                drop[j] = True
    removed = tuple(line.strip() for line, d in zip(lines, drop) if d)
    kept: list[str] = []
    after_removal = False
    for line, d in zip(lines, drop):
        if d:
            after_removal = True
            continue
        blank = not line.strip()
        if blank and after_removal and (not kept or not kept[-1].strip()):
            continue  # a blank line that only separated removed lines
        kept.append(line)
        if not blank:
            after_removal = False
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept), removed
