"""Near-duplicate articles (wire copies, republished stories): MinHash signatures of the folded
text (minhash.py), and pairs and groups found from them by locality-sensitive hashing (lsh.py)."""
from .lsh import THRESHOLD, Pair, groups, near_duplicates
from .minhash import signature, similarity

__all__ = ["signature", "similarity", "near_duplicates", "groups", "Pair", "THRESHOLD"]
