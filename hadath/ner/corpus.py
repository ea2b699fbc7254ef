"""The NER training corpora, read into one shape: sentences of (token, IOB2 tag) with the four
ANERcorp types PERS LOC ORG MISC.

ANERcorp (CAMeL Lab train split) is the reference: its tokens are whitespace words with clitics
attached, as hadath's tokenizer produces them. Its held-out tenth, every sentence whose 0-based
index in file order is 9 mod 10, is never trained on: the model is scored on it.

NewsFANE Gold 2014 is mostly the *same newswire text* as ANERcorp, re-annotated with fine-grained
types and ATB-style segmentation (و ب ل … and pronoun suffixes as separate tokens, hamza
dropped). It is read back into ANERcorp's shape (clitics re-attached, types mapped), and only its
sentences that share no text with any ANERcorp sentence are trained on: the shared ones add no
text, only a second set of conventions that contradicts ANERcorp's (entity F1 on an internal
development split: 0.771 ANERcorp alone, 0.762 with all of NewsFANE, 0.778 with the new
sentences only). Dropping every overlap also keeps the held-out sentences out of training.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import regex

from ..errors import GoldFormatError, InputNotFound
from ..text.normalize import fold

Sentence = list[tuple[str, str]]
TYPES = ("PERS", "LOC", "ORG", "MISC")

ANERCORP = Path("data/ner/anercorp/train.txt")
NEWSFANE = Path("data/ner/newsfane/newsfane-gold-2014.txt")

# The held-out tenth of ANERcorp: every sentence whose 0-based index in file order is 9 mod 10.
# Interleaved rather than a final block, so it spans all of the corpus' topics and sources.
HELDOUT_MOD = 10
HELDOUT_REST = 9

# NewsFANE type -> ANERcorp type, decided on the data: NewsFANE annotates the same text, so each
# type was checked against the ANERcorp tags of the same tokens (sentences aligned by their
# letters), and takes the type ANERcorp gives most of them. ANERcorp leaves O what NewsFANE calls
# Group (nationality and religion nouns: العرب، المسلمين), Government (generic state bodies:
# الجيش الإسرائيلي، مجلس الوزراء, which hadath's institutions lexicon covers), facilities and
# most products; NewsFANE's "Police" are security officials (حالوتس، رامسفيلد), i.e. persons.
NEWSFANE_TYPES = {
    **dict.fromkeys(
        "Politician Athlete Artist Other_PER Religious_PER Scientist Police Businessperson Lawyer "
        "Engineer".split(), "PERS"),
    **dict.fromkeys(
        "Nation Population-Center State-or-Province GPE-Cluster Continent Water-Body "
        "County-or-District Land-Region-Natural Celestial".split(), "LOC"),
    **dict.fromkeys(
        "Non-Governmental Media Sports Commercial Educational Religious_ORG Entertainment".split(),
        "ORG"),
    **dict.fromkeys("Book Food Drug Water Shooting".split(), "MISC"),
    **dict.fromkeys(
        "Group Government Building-Grounds Airport Path Subarea-Facility Medical-Science Movie Land "
        "Air Software Hardware Projectile Plant".split(), None),
}

_PROCLITICS = frozenset("وفبلكس")
_ENCLITICS = frozenset(("ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ني", "ي", "ك"))
_ARABIC_WORD = regex.compile(r"^\p{Arabic}{2,}$")
_SHINGLE = 30  # letters: more than a stock phrase (وكالة الأنباء الفرنسية) has


def split_indices(n: int) -> tuple[list[int], list[int]]:
    """(training, held-out) indices of ``n`` ANERcorp sentences; see :data:`HELDOUT_REST`."""
    train = [i for i in range(n) if i % HELDOUT_MOD != HELDOUT_REST]
    heldout = [i for i in range(n) if i % HELDOUT_MOD == HELDOUT_REST]
    return train, heldout


def training_data(shared: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences, held-out sentences) from the corpora under ``shared``."""
    anercorp = read_anercorp(shared / ANERCORP)
    train_idx, heldout_idx = split_indices(len(anercorp))
    return [anercorp[i] for i in train_idx] + new_newsfane(shared, anercorp), [anercorp[i] for i in heldout_idx]


def new_newsfane(shared: Path, anercorp: list[Sentence]) -> list[Sentence]:
    """The NewsFANE sentences that share no text with any ANERcorp sentence."""
    return without_overlap(read_newsfane(shared / NEWSFANE), anercorp)


def read_anercorp(path: Path) -> list[Sentence]:
    """"token TAG" lines, a blank line between sentences."""
    sentences = []
    for number, sentence in _blocks(path):
        rows = []
        for n, line in enumerate(sentence, number):
            token, _, tag = line.rpartition(" ")
            rows.append((token, _check_tag(tag, path, n)))
        sentences.append(rows)
    return sentences


def read_newsfane(path: Path) -> list[Sentence]:
    """"token<TAB>fine-type tag" lines, mapped to ANERcorp's types and tokenization."""
    sentences = []
    for number, sentence in _blocks(path):
        rows = []
        for n, line in enumerate(sentence, number):
            token, _, tag = line.rpartition("\t")
            rows.append((token, _map_newsfane_tag(tag, path, n)))
        sentences.append(_repair_iob(_attach_clitics(rows)))
    return sentences


def without_overlap(sentences: list[Sentence], avoid: Iterable[Sentence]) -> list[Sentence]:
    """The sentences that share no run of :data:`_SHINGLE` letters with any of ``avoid``.

    Compared on folded letters only, because the two corpora differ in segmentation, hamza,
    digits and punctuation."""
    seen = {sh for s in avoid for sh in _shingles(s)}
    return [s for s in sentences if not seen.intersection(_shingles(s))]


def _shingles(sentence: Sentence) -> set[str]:
    letters = regex.sub(r"\P{Arabic}", "", fold("".join(t for t, _ in sentence)))
    return {letters[i:i + _SHINGLE] for i in range(max(1, len(letters) - _SHINGLE + 1))}


def _blocks(path: Path):
    """(line number of the first line, lines) of each blank-line-separated block."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputNotFound(f"NER corpus {path} not found.",
                            "Pass the directory that holds data/ner/ with --shared PATH.") from None
    block: list[str] = []
    start = 1
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _check_tag(tag: str, path: Path, number: int) -> str:
    if tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in TYPES):
        return tag
    raise GoldFormatError(f"{path}, line {number}: tag {tag!r} is not IOB2 with {'/'.join(TYPES)}.",
                          "Use the CAMeL Lab ANERcorp release ('token TAG' lines).", source=f"{path}:{number}")


def _map_newsfane_tag(tag: str, path: Path, number: int) -> str:
    if tag == "O":
        return tag
    if tag[:2] not in ("B-", "I-") or tag[2:] not in NEWSFANE_TYPES:
        raise GoldFormatError(f"{path}, line {number}: unknown NewsFANE tag {tag!r}.",
                              "Add its type to hadath.ner.corpus.NEWSFANE_TYPES.", source=f"{path}:{number}")
    coarse = NEWSFANE_TYPES[tag[2:]]
    return f"{tag[:2]}{coarse}" if coarse else "O"


def _attach_clitics(rows: Sentence) -> Sentence:
    """Join ATB-segmented clitics back onto their word: "و ب المانيا" -> "وبالمانيا",
    "ان ه" -> "انه". A joined token takes the word's tag unless a proclitic already opened or
    continued an entity ("ف" B-PERS + "يصل" I-PERS)."""
    out: Sentence = []
    pending: list[tuple[str, str]] = []
    for i, (token, tag) in enumerate(rows):
        nxt = rows[i + 1][0] if i + 1 < len(rows) else ""
        prev_is_word = bool(out) and not pending and bool(_ARABIC_WORD.match(out[-1][0]))
        if token in _ENCLITICS and prev_is_word and not (token == "ك" and nxt.startswith("ال")):
            out[-1] = (out[-1][0] + token, out[-1][1])
        elif token in _PROCLITICS and (_ARABIC_WORD.match(nxt) or nxt in _PROCLITICS):
            pending.append((token, tag))
        else:
            if pending:
                prefix = "".join(c for c, _ in pending)
                if prefix.endswith("ل") and token.startswith("ال"):
                    token = token[1:]  # ل + الـ is written لل
                tag = next((t for _, t in pending if t != "O"), tag)
                token = prefix + token
                pending = []
            out.append((token, tag))
    out.extend(pending)
    return out


def _repair_iob(rows: Sentence) -> Sentence:
    """An I- tag that continues nothing of its type (after Group was dropped, or clitics were
    joined) opens an entity, as conlleval reads it."""
    out = []
    prev = "O"
    for token, tag in rows:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append((token, tag))
        prev = tag
    return out
