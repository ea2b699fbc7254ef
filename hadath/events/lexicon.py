"""The trigger lexicon and PLOVER metadata (quad class, conflict-cooperation score)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicon.entries import DATA as LEXICON_DATA
from ..lexicon.matcher import PhraseMatcher
from ..lexicon.tsv import read_table, variants
from ..text.normalize import fold

DATA = Path(__file__).parent / "data"
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# Rows of type NONE list phrases that contain a trigger but report no act ("رفضت الكشف عن هويتها",
# "بيان صادر"): matched like triggers, so the longer phrase wins, and then skipped.
NONE = "NONE"
# The generic CAMEO code of each type's root, for events no trigger row codes more precisely.
TYPE_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
              "CONCEDE": "080", "RETREAT": "080", "REQUEST": "020", "ACCUSE": "110", "REJECT": "120",
              "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
              "ASSAULT": "180"}
MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Where each type's recipient usually stands, added to what a trigger row lists: the row names
# the verb's own construction ("زار X"), the type adds its verbal noun's ("زيارة إلى X").
TYPE_RECIPIENT = {
    "AGREE": ("obj", "مع"), "CONSULT": ("obj", "مع", "إلى", "ب"), "SUPPORT": ("obj", "ل", "ب"),
    "CONCEDE": ("ل",), "COOPERATE": ("مع",), "AID": ("obj", "إلى", "ل"), "RETREAT": ("من",),
    "REQUEST": ("obj", "من", "إلى"), "ACCUSE": ("obj", "على", "ب"), "REJECT": ("obj",),
    "THREATEN": ("obj",), "PROTEST": ("ضد", "على"), "SANCTION": ("obj", "على", "ضد"),
    "MOBILIZE": ("إلى", "ضد"), "COERCE": ("obj", "على", "ضد"), "ASSAULT": ("obj", "على", "ضد", "صوب", "نحو", "باتجاه"),
}


@dataclass(frozen=True, slots=True)
class Trigger:
    event: str
    mode: str | None
    recipient: tuple[str, ...]  # folded prepositions, or "obj" for a direct object
    cameo: str | None
    form: str  # the lexicon form, for provenance
    own: tuple[str, ...] = ()  # the prepositions of the row's own construction ("صوتت" + لصالح), tried first
    required: bool = False  # no event without a recipient of the own construction ("لصالح!" in the row)
    agent: tuple[str, ...] = ()  # prepositions of the agent ("<من": "بناء على طلب من X"), the subject then receives


@lru_cache(maxsize=1)
def triggers() -> PhraseMatcher:
    m = PhraseMatcher(fuzzy=False)
    table = read_table(LEXICON_DATA / "triggers.tsv")
    for row in table.rows:
        listed = [p.strip() for p in row["recipient"].split(",") if p.strip()]
        required = any(p.endswith("!") for p in listed)
        agent = tuple(fold(p[1:]) for p in listed if p.startswith("<"))
        listed = [p.rstrip("!") for p in listed if not p.startswith("<")]
        preps = tuple(dict.fromkeys(fold(p) for p in listed + list(TYPE_RECIPIENT.get(row["event"], ()))))
        for form in variants(row["forms"]):
            m.add(form, Trigger(row["event"], row["mode"] or None, preps, row["cameo"] or None, form,
                                tuple(fold(p) for p in listed if p != "obj"), required, agent))
    return m


@lru_cache(maxsize=1)
def offtopic_words() -> frozenset[tuple[str, ...]]:
    """Words and two-word phrases (folded, as token tuples) of sports and disaster reports."""
    return frozenset(tuple(fold(r["word"]).split()) for r in read_table(DATA / "offtopic_words.tsv").rows)


@lru_cache(maxsize=1)
def scores() -> dict[tuple[str, str], tuple[int, float]]:
    """(event, mode or "") -> (quad class, PLOVER score)."""
    return {(r["event"], r["mode"]): (int(r["quad"]), float(r["score"]))
            for r in read_table(DATA / "plover_scores.tsv").rows}


def quad_and_score(event: str, mode: str | None) -> tuple[int | None, float | None]:
    table = scores()
    hit = table.get((event, mode or "")) or table.get((event, ""))
    return hit if hit else (None, None)
