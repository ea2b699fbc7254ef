"""MinHash signatures of article bodies, for finding wire copies and republished stories.

An article is reduced to the set of its word 3-grams ("shingles") over the folded text, so that
spelling variants (hamza forms, teh marbuta, diacritics) and punctuation do not hide a copy. The
signature keeps, for each of ``PERMUTATIONS`` hash functions, the smallest hash of any shingle;
the share of equal positions in two signatures estimates the Jaccard similarity of the two
shingle sets. Everything is derived from fixed seeds and blake2b, never from Python's ``hash``,
which is salted per process: a signature must be the same in every worker and every run.
"""
from __future__ import annotations

import hashlib

import numpy as np
import regex

from ..text.normalize import fold

PERMUTATIONS = 128
SHINGLE = 3  # words per shingle: long enough that two unrelated stories rarely share one
MIN_WORDS = 20  # below this, a text is a caption or a headline; two of them alike prove nothing

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SEEDS = np.frombuffer(hashlib.blake2b(b"hadath-minhash", digest_size=64).digest() * 16,
                       dtype="<u8")[:PERMUTATIONS] ^ np.arange(PERMUTATIONS, dtype=np.uint64)


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: a bijective scramble of 64-bit words (overflow wraps on purpose)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def shingles(text: str) -> np.ndarray:
    """The distinct 64-bit hashes of the word 3-grams of ``text`` (folded, lower-cased)."""
    words = _WORD.findall(fold(text).lower())
    if len(words) < MIN_WORDS:
        return np.empty(0, dtype=np.uint64)
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    digests = b"".join(hashlib.blake2b(g.encode(), digest_size=8).digest() for g in grams)
    return np.frombuffer(digests, dtype="<u8")


def signature(text: str) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (PERMUTATIONS little-endian uint64), or None
    for a text too short to compare."""
    hashes = shingles(text)
    if not hashes.size:
        return None
    with np.errstate(over="ignore"):
        mins = _mix(hashes[:, None] ^ _SEEDS[None, :]).min(axis=0)
    return mins.astype("<u8").tobytes()


def decode(signature_bytes: bytes) -> np.ndarray:
    """The uint64 array of a signature stored as bytes."""
    return np.frombuffer(signature_bytes, dtype="<u8")


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of signatures ``a`` and ``b`` (rows of PERMUTATIONS values,
    compared row by row): the share of positions where they agree."""
    return (a == b).mean(axis=-1)
