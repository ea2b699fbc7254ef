"""Loading of gold files and prediction files, with errors that name the file and the fix."""
from __future__ import annotations

import json
from pathlib import Path

from hadath.errors import GoldFormatError, InputNotFound, PredictionFormatError
from hadath.evaluate.shape import check_gold, check_prediction


def load_gold(paths: list[str | Path]) -> list[dict]:
    """Read gold documents from files and directories (all ``*.json`` below a directory, in path
    order). Raises :class:`InputNotFound` for a path that does not exist or a directory without
    gold files, :class:`GoldFormatError` for a file that is not UTF-8 JSON of the shape in GOLD.md
    or whose doc_id another file already has."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.rglob("*.json"))
            if not found:
                raise InputNotFound(
                    f"{path}: no *.json gold files in this directory.",
                    "pass a directory holding <doc_id>.json gold files, or the files themselves.",
                    source=str(path),
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputNotFound(f"{path}: no such file or directory.", "check the gold path.", source=str(path))
    if not files:
        raise InputNotFound("no gold files given.", "pass at least one gold file or directory.")

    docs: list[dict] = []
    origin: dict[str, Path] = {}
    read: set[Path] = set()
    for file in files:
        # A file reached twice (through its directory and by name) is read once.
        if file.resolve() in read:
            continue
        read.add(file.resolve())
        doc = check_gold(_read_json(file), str(file))
        if doc["doc_id"] in origin:
            raise GoldFormatError(
                f"{file}: doc_id {doc['doc_id']!r} is also the doc_id of {origin[doc['doc_id']]}.",
                "give every gold document its own doc_id.",
                source=str(file),
            )
        origin[doc["doc_id"]] = file
        docs.append(doc)
    return docs


def _read_json(file: Path) -> object:
    try:
        # utf-8-sig: a byte-order mark left by an editor is not an error in the content.
        return json.loads(file.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as e:
        raise GoldFormatError(f"{file}: not UTF-8 ({e.reason} at byte {e.start}).", "save the file as UTF-8.",
                              source=str(file)) from e
    except json.JSONDecodeError as e:
        raise GoldFormatError(
            f"{file}: not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}).",
            "fix the JSON syntax at that position.",
            source=str(file),
        ) from e


def load_predictions(path: str | Path) -> list[dict]:
    """Read a JSONL prediction file: one JSON object per article, blank lines skipped.

    Error records (``{"doc_id", "error": {...}}``, written for articles a run could not process)
    are kept; the scorer counts them and scores them as empty predictions. Raises
    :class:`InputNotFound` for a missing file and :class:`PredictionFormatError` for a line that
    is not JSON or not a prediction of the shape in GOLD.md, naming the file and line number."""
    path = Path(path)
    if not path.is_file():
        raise InputNotFound(f"{path}: no such file.", "check the prediction path.", source=str(path))
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as e:
        raise PredictionFormatError(f"{path}: not UTF-8 ({e.reason} at byte {e.start}).",
                                    "write the prediction file as UTF-8.", source=str(path)) from e
    predictions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise PredictionFormatError(
                f"{where}: not valid JSON ({e.msg} at column {e.colno}).",
                "write one JSON object per line (JSONL), with no line breaks inside an object.",
                source=where,
            ) from e
        predictions.append(check_prediction(record, where))
    return predictions
