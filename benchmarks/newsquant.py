"""Score extraction on NewsQuant-style sentences (../shared/dev-corpus/newsquant/ by default).

Matching follows the CQE paper, as ../shared/tools/score_newsquant.py does: per sentence, each
annotated quantity matches at most one extracted claim of equal value (1e-5 relative; a range by
both ends within 1%), and for value+unit also the same normalised unit. Dates are not quantities.

    python benchmarks/newsquant.py [DATA.json] [--show N]

`--show` prints the sentences where extraction and annotation disagree, to find what to fix.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import time
from pathlib import Path
from typing import Any

import consistency

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/dev-corpus/newsquant/newsquant-dev.json"
CURRENCY = {
    "dollar": {"usd", "aud", "cad", "hkd", "sgd", "nzd", "twd"},
    "australian dollar": {"aud"},
    "canadian dollar": {"cad"},
    "euro": {"eur"},
    "japanese yen": {"jpy"},
    "chinese yuan": {"cny"},
    "pound sterling": {"gbp"},
    "british pound": {"gbp"},
    "indian rupee": {"inr"},
    "cent": {"usd", "cent"},
    "percentage": {"percent", "%"},
}


def _norm(unit: object) -> str:
    text = re.sub(r"[^a-z]", "", str(unit or "").lower().replace("metre", "meter").replace("litre", "liter"))
    return text[:-1] if text.endswith("s") and len(text) > 3 else text


def _gold(quantity: dict[str, Any]) -> float | tuple[float, float]:
    value = str(quantity["value"])
    if "-" in value[1:] and "e" not in value.lower():
        low, high = value.split("-", 1)
        return float(low), float(high)
    return float(value)


def _value_ok(gold: float | tuple[float, float], claim: dict[str, Any]) -> bool:
    if isinstance(gold, tuple):
        return math.isclose(claim["low"], gold[0], rel_tol=0.01, abs_tol=0.5) and math.isclose(
            claim["high"], gold[1], rel_tol=0.01, abs_tol=0.5
        )
    options = [claim["nominal"]]
    if claim["kind"] == "percent":
        options.append(claim["nominal"] / 100)
    if str(claim["unit"]).upper() == "USD":
        options.append(claim["nominal"] * 100)
    return any(math.isclose(x, gold, rel_tol=1e-5, abs_tol=1e-8) for x in options)


def _unit_ok(quantity: dict[str, Any], claim: dict[str, Any]) -> bool:
    gold = str(quantity["normalized_unit"]).lower()
    ours = str(claim["unit"]).lower()
    if gold in CURRENCY:
        return ours in CURRENCY[gold]
    a, b = _norm(gold), _norm(ours)
    return bool(a) and bool(b) and (a == b or a.endswith(b) or b.endswith(a))


def main() -> None:
    """Print value and value+unit precision, recall and F1, and optionally the disagreements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", type=int, default=0, help="print this many disagreeing sentences")
    args = parser.parse_args()
    records = json.loads(args.data.read_text())
    started = time.perf_counter()
    predicted = [
        [c.json_dict() for c in consistency.extract(r["text"].replace("\n", " ")) if c.kind != "date"]
        for r in records
    ]
    elapsed = time.perf_counter() - started
    n_gold = sum(len(r["quantities"]) for r in records)
    n_pred = sum(len(p) for p in predicted)
    tp_value = tp_unit = 0
    shown = 0
    for record, claims in zip(records, predicted, strict=True):
        left, left_unit = list(claims), list(claims)
        missed = []
        for quantity in record["quantities"]:
            gold = _gold(quantity)
            hit = next((c for c in left if _value_ok(gold, c)), None)
            if hit is not None:
                tp_value += 1
                left.remove(hit)
            else:
                missed.append(quantity)
            hit_unit = next((c for c in left_unit if _value_ok(gold, c) and _unit_ok(quantity, c)), None)
            if hit_unit is not None:
                tp_unit += 1
                left_unit.remove(hit_unit)
            elif hit is not None and shown < args.show:
                print(
                    f"UNIT  {quantity['value']} {quantity['normalized_unit']!r} vs {hit['unit']!r}: {hit['text']!r}"
                )
        if (missed or left) and shown < args.show:
            shown += 1
            print("--", record["text"])
            for quantity in missed:
                print(f"   MISSED {quantity['value']} {quantity['unit']!r} ({quantity['change']})")
            for claim in left:
                print(f"   EXTRA  {claim['nominal']:g} {claim['unit']!r} {claim['text']!r}")

    def f1(tp: int) -> tuple[float, float, float]:
        precision, recall = tp / n_pred if n_pred else 0.0, tp / n_gold
        return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    pv, rv, fv = f1(tp_value)
    pu, ru, fu = f1(tp_unit)
    print(
        f"newsquant ({len(records)} sentences, {n_gold} quantities, {n_pred} extracted, {elapsed:.2f}s): "
        f"value P {pv:.3f} R {rv:.3f} F1 {fv:.3f}; value+unit P {pu:.3f} R {ru:.3f} F1 {fu:.3f}"
    )


if __name__ == "__main__":
    main()
