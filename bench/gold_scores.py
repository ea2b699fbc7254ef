"""Scores of the current pipeline on the gold articles (../shared/gold: seed + dev).

    python bench/gold_scores.py [--shared ../shared] [--json] [--pred out.jsonl]

Writes the gold articles' doc_id, title, text and published date (nothing else of the gold) as a
JSONL corpus, extracts it as `hadath extract` does, and prints the GOLD.md scores, the same as
`hadath extract gold.jsonl --out pred.jsonl` + `hadath evaluate --gold ../shared/gold --pred pred.jsonl`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from hadath.evaluate import evaluate, load_gold
from hadath.extract import extract


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--pred", help="also write the predictions here (JSONL)")
    args = ap.parse_args()
    gold = load_gold([Path(args.shared) / "gold"])
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "gold.jsonl"
        corpus.write_text("".join(json.dumps({k: g[k] for k in ("doc_id", "title", "text", "published")},
                                             ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
        preds = list(extract([str(corpus)]))
    if args.pred:
        with open(args.pred, "w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    report = evaluate(gold, preds)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        Console().print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
