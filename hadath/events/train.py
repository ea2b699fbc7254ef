"""Build the event sentence classifier shipped with hadath.

    python -m hadath.events.train [--shared ../shared]

Trains on the project's own labelled sentences and, when ``--shared`` holds it, the development
half of the OEDA Arabic event gold (data/events/gsr-dev); writes events/data/classifier.joblib.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from .classifier import MODEL, Classifier, oeda_examples, own_examples


def oeda_rows(shared: Path) -> list[dict]:
    base = shared / "data" / "events" / "gsr-dev"
    rows: list[dict] = []
    for name in ("protest_gsr.csv", "assault_gsr.csv"):
        path = base / name
        if path.exists():
            with open(path, encoding="utf-8") as f:
                rows.extend(csv.DictReader(f))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path.cwd().parent / "shared"))
    ap.add_argument("--out", default=str(MODEL))
    args = ap.parse_args()
    own = own_examples()
    oeda = oeda_examples(oeda_rows(Path(args.shared)))
    clf = Classifier.train(own + oeda)
    clf.save(Path(args.out))
    print(f"trained on {len(own)} own sentences and {len(oeda)} OEDA sentences; "
          f"{len(clf.models)} types; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
