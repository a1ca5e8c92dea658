"""Search quality over a judged set of queries: mean reciprocal rank (of the
first expected title) and recall at 5 (share of the expected titles, at most
five, found in the first five results)."""

import json
from pathlib import Path

from django.utils import translation

from . import engine

JUDGED = Path(__file__).resolve().parent.parent / "tests" / "data" / "search_judged.json"


def evaluate(path=JUDGED):
    judged = json.loads(Path(path).read_text(encoding="utf-8"))["queries"]
    rows = []
    with translation.override("vi"):
        for item in judged:
            found = [hit.title for hit in engine.search(item["q"]).hits]
            expected = item["expected"]
            rank = next((i + 1 for i, title in enumerate(found) if title in expected), None)
            recall = len(set(found[:5]) & set(expected)) / min(5, len(expected))
            rows.append(
                {"q": item["q"], "rank": rank, "rr": 1 / rank if rank else 0.0, "recall5": recall, "top": found[:3]}
            )
    n = len(rows)
    return {
        "queries": n,
        "mrr": sum(r["rr"] for r in rows) / n,
        "recall_at_5": sum(r["recall5"] for r in rows) / n,
        "rows": rows,
    }
