"""One-to-one matching of gold items to predicted items (quotes, times, places).

Each gold item may be credited to at most one prediction and each prediction to at most one gold
item, so that a system cannot score twice with one answer nor cover two gold items with one. The
matching is a maximum bipartite matching (Kuhn's augmenting paths): a greedy pass could pair a
gold item with the only prediction that another gold item could have used and undercount.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


def max_matching(gold: Sequence[G], pred: Sequence[P], match: Callable[[G, P], bool]) -> int:
    """Size of a maximum one-to-one matching between ``gold`` and ``pred``, where ``match(g, p)``
    says whether the pair may be matched."""
    edges = [[j for j, p in enumerate(pred) if match(g, p)] for g in gold]
    owner: dict[int, int] = {}  # prediction index -> gold index it is matched to

    def augment(i: int, seen: set[int]) -> bool:
        # Take a free prediction, or one whose owner can move to another prediction.
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(gold)))
