"""Entity-level precision, recall and F1: an entity counts only when its span and its type both
match the gold entity exactly (as conlleval scores CoNLL NER)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .corpus import Sentence
from .model import Tagger, spans


@dataclass(frozen=True, slots=True)
class PRF:
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs: Iterable[tuple[list[str], list[str]]]) -> dict[str, PRF]:
    """Scores per entity type and overall (key ``"all"``) for (gold tags, predicted tags) pairs."""
    counts: dict[str, list[int]] = {}
    for gold_tags, pred_tags in pairs:
        gold = set(spans(gold_tags))
        pred = set(spans(pred_tags))
        for kind_set, slot in ((gold, 0), (pred, 1), (gold & pred, 2)):
            for _, _, kind in kind_set:
                for key in (kind, "all"):
                    counts.setdefault(key, [0, 0, 0])[slot] += 1
    return {k: PRF(*v) for k, v in sorted(counts.items())}


def format_scores(scores: dict[str, PRF]) -> str:
    lines = [f"{'type':<6} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for k, s in scores.items():
        lines.append(f"{k:<6} {s.gold:>5} {s.predicted:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    return "\n".join(lines)


def evaluate(tagger: Tagger, sentences: list[Sentence]) -> dict[str, PRF]:
    """Scores of ``tagger`` on gold sentences."""
    return score(([t for _, t in s], tagger.tag([w for w, _ in s])) for s in sentences)
