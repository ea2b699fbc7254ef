"""Word lists the phrase builder consults, loaded once and folded."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..lexicon.entries import DATA as LEXICON_DATA, load
from ..lexicon.tsv import read_table, variants
from ..text.normalize import fold

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in read_table(DATA / "function_words.tsv").rows)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First words of personal names: the persons lexicons' full names, plus the given names
    learnt from the NER training data (given_names.tsv, built by ``python -m hadath.ner.build``)."""
    words = fold_first_words(
        n for name, table in load().tables.items() if name.startswith("persons")
        for row in table.rows for n in variants(row["names"])
    )
    extra = DATA / "given_names.tsv"
    if extra.exists():
        words |= {fold(r["name"]) for r in read_table(extra).rows}
    titles = {fold(n) for r in load().tables["roles"].rows for n in variants(r["names"])} \
        if "roles" in load().tables else set()
    return frozenset(words - titles - function_words())


def fold_first_words(names) -> set[str]:
    return {fold(n).split()[0] for n in names if n.strip()}


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Single-word event trigger forms: a title followed by one of them has no name after it."""
    path = LEXICON_DATA / "triggers.tsv"
    if not path.exists():
        return frozenset()
    return frozenset(fold(f) for r in read_table(path).rows for f in variants(r["forms"]) if " " not in f.strip())
