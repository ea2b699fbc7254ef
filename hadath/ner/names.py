"""Given names learnt from the NER training data: the first words of person entities.

The actor phrase builder reads them (hadath/actors/data/given_names.tsv) to accept an unknown
name after a title ("الوزير عادل ..."), where no lexicon knows the person.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..actors.vocab import function_words
from ..lexicon.entries import load
from ..lexicon.tsv import variants
from ..text.normalize import fold
from ..text.tokens import forms
from .corpus import Sentence
from .model import spans

GIVEN_NAMES = Path(__file__).resolve().parent.parent / "actors" / "data" / "given_names.tsv"
MIN_COUNT = 2
_HEADER = """\
# lexicon: given_names — first words of personal names in news, learnt from NER training data
# source: built by python -m hadath.ner.build from the PERS entities of ANERcorp (CAMeL Lab train
#         split without its held-out tenth) and of NewsFANE Gold 2014 (its sentences not in
#         ANERcorp): the folded first word of each name, seen at least {min_count} times, a
#         clitic-prefixed spelling (ومحمد) counted for its stem, function words and titles removed
# licence: CC BY-SA 4.0 (derived from ANERcorp, CC BY-SA 4.0, and NewsFANE, CC BY-SA 3.0)
# known problems: family names that begin a name in the data (بوش، انان) are listed; so are given
#         names that are also ordinary words (سعيد، صالح، امين), and a few annotation errors
# columns: name\tcount
"""


def given_names(sentences: list[Sentence]) -> Counter[str]:
    """Folded first words of PERS entities and how often each starts one."""
    firsts: Counter[str] = Counter()
    for sentence in sentences:
        for start, _, kind in spans([t for _, t in sentence]):
            if kind == "PERS":
                firsts[fold(sentence[start][0])] += 1
    merged: Counter[str] = Counter()
    for word, n in firsts.items():
        # the first stripped reading that itself starts names unprefixed: ومحمد -> محمد
        merged[next((s for s in forms(word)[1:] if s in firsts), word)] += n
    excluded = function_words() | _titles()
    return Counter({w: n for w, n in merged.items()
                    if n >= MIN_COUNT and w not in excluded and len(w) > 1 and w.isalpha()})


def write_given_names(names: Counter[str], path: Path = GIVEN_NAMES) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(_HEADER.format(min_count=MIN_COUNT))
        for word, n in sorted(names.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{word}\t{n}\n")


def _titles() -> set[str]:
    """The one-word titles of the role lexicon (وزير، الرئيس، الشيخ …), with and without ال.
    Words of longer titles stay: أمين (of أمين عام) is also a given name."""
    roles = load().tables.get("roles")
    words = {fold(n) for row in roles.rows for n in variants(row["names"]) if " " not in n} if roles else set()
    return words | {w[2:] for w in words if w.startswith("ال")} | {"ال" + w for w in words}
