"""Checks that a gold document or a prediction has the shape the scorer reads.

The layers read only the fields listed in GOLD.md ("What a system's output adds"); this module
checks exactly those, so that a wrongly shaped file fails with a message naming the document and
the field instead of a TypeError deep in the scoring, or, worse, a silently lower score.
Missing fields and ``null`` are allowed everywhere and count as empty.
"""
from __future__ import annotations

from collections.abc import Callable

from hadath.errors import GoldFormatError, HadathError, PredictionFormatError

LIST_FIELDS = ("actors", "events", "quotes", "times", "places")

_STRINGS = {
    "actors": ("entity_text", "code", "sector"),
    "events": ("event",),
    "quotes": ("quote_start", "text"),
    "times": ("text", "value"),
    "places": ("text", "country", "level"),
}
_STRING_LISTS = {"actors": ("aliases",), "quotes": ("speaker_aliases",)}
# Lists of objects nested in an item, with the string fields read from each object.
_OBJECT_LISTS = {
    "actors": {"mentions": ("text",)},
    "events": {"actor": ("code", "sector"), "recipient": ("code", "sector")},
}
_NUMBERS = {"places": ("lat", "lon")}

# Builds the error for a field: (path of the field, what it must be, the value found).
_Fail = Callable[[str, str, object], HadathError]

_GOLD_FIX = "correct the gold file so that the field has the shape given in GOLD.md."
_PRED_FIX = "write the field in the shape given in GOLD.md, section \"What a system's output adds\"."


def check_gold(doc: object, where: str) -> dict:
    """Return ``doc`` if it is a well-shaped gold document, else raise :class:`GoldFormatError`.

    ``where`` names the document in the message (a file path, or the doc_id)."""
    doc = _check(doc, where, GoldFormatError, _GOLD_FIX)
    if not isinstance(doc.get("doc_id"), str) or not doc["doc_id"]:
        raise GoldFormatError(
            f"{where}: the gold document has no doc_id.",
            'add "doc_id": "<corpus>/<name>" (the path of the file under gold/ without .json).',
            source=where,
        )
    return doc


def check_prediction(doc: object, where: str) -> dict:
    """Return ``doc`` if it is a well-shaped prediction or error record, else raise
    :class:`PredictionFormatError`. A prediction may lack a doc_id (it can still match gold by
    its title); an error record is only checked for being an object."""
    if isinstance(doc, dict) and is_error_record(doc):
        return doc
    return _check(doc, where, PredictionFormatError, _PRED_FIX)


def is_error_record(doc: dict) -> bool:
    """An error record is what a batch run writes for an article it could not process."""
    return doc.get("error") is not None


def _check(doc: object, where: str, error: type[HadathError], fix: str) -> dict:
    def fail(path: str, expected: str, value: object) -> HadathError:
        return error(f"{where}: `{path}` must be {expected}, not {_kind(value)}.", fix, source=where)

    if not isinstance(doc, dict):
        raise error(f"{where}: expected a JSON object, not {_kind(doc)}.", fix, source=where)
    for key in ("doc_id", "title"):
        if not isinstance(doc.get(key), str | None):
            raise fail(key, "a string", doc[key])
    for field in LIST_FIELDS:
        for i, item in enumerate(_objects(doc, field, field, fail)):
            path = f"{field}[{i}]"
            _check_strings(item, _STRINGS[field], path, fail)
            for key in _STRING_LISTS.get(field, ()):
                values = item.get(key) or []
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    raise fail(f"{path}.{key}", "a list of strings", values)
            for key, strings in _OBJECT_LISTS.get(field, {}).items():
                for k, sub in enumerate(_objects(item, key, f"{path}.{key}", fail)):
                    _check_strings(sub, strings, f"{path}.{key}[{k}]", fail)
            for key in _NUMBERS.get(field, ()):
                value = item.get(key)
                if isinstance(value, bool) or not isinstance(value, int | float | None):
                    raise fail(f"{path}.{key}", "a number", value)
            if field == "quotes":
                _check_speaker(item.get("speaker"), f"{path}.speaker", fail)
    return doc


def _objects(parent: dict, key: str, path: str, fail: _Fail) -> list[dict]:
    value = parent.get(key) or []
    if not isinstance(value, list):
        raise fail(path, "a list", value)
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise fail(f"{path}[{i}]", "an object", item)
    return value


def _check_strings(item: dict, keys: tuple[str, ...], path: str, fail: _Fail) -> None:
    for key in keys:
        if not isinstance(item.get(key), str | None):
            raise fail(f"{path}.{key}", "a string or null", item[key])


def _check_speaker(speaker: object, path: str, fail: _Fail) -> None:
    # GOLD.md allows the speaker as its text or as an object with its text.
    if isinstance(speaker, dict):
        _check_strings(speaker, ("entity_text", "text"), path, fail)
    elif not isinstance(speaker, str | None):
        raise fail(path, "a string, an object with entity_text, or null", speaker)


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )
