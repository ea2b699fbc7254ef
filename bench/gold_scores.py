"""Scores of the current pipeline on the gold articles (../shared/gold: seed + dev).

    python bench/gold_scores.py [--shared ../shared] [--json] [--pred out.jsonl]

Runs extraction on the gold articles' title, text and published date (nothing else of the gold
is given to the pipeline) and prints the GOLD.md scores, the same as
`hadath extract` + `hadath evaluate --gold ../shared/gold`.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console

from hadath.evaluate import evaluate, load_gold
from hadath.extract import doc_from_raw, process
from hadath.ingest import RawArticle
from hadath.pipeline import Pipeline


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--pred", help="also write the predictions here (JSONL)")
    args = ap.parse_args()
    gold = load_gold([Path(args.shared) / "gold"])
    pipeline = Pipeline()
    preds = [process(pipeline, RawArticle(g["doc_id"], g["title"], g["text"], g["published"], None, "gold"))
             for g in gold]
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
