#!/usr/bin/env python3
"""Per-type failure classes of a WCXB prediction folder (issue 12 analysis).

  python3 scripts/wcxb_breakdown.py PRED_DIR [TYPE [N]]

For each page type: mean F1/P/R, empty results, low recall (too little:
R < 0.5) and low precision (too much: P < 0.5 with R >= 0.5). With TYPE,
lists its N worst pages as (id, type, P, R, F1, predicted words, truth
words). Uses ../shared/eval/score_wcxb.py's loader and metric.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
from score_wcxb import TYPES, load, word_prf  # noqa: E402

truth, meta = load(SHARED / "corpus" / "wcxb" / "dev")
pdir = Path(sys.argv[1])
rows = []
for pid in sorted(truth):
    f = pdir / f"{pid}.txt"
    pred = f.read_text(errors="replace") if f.exists() else ""
    p, r, f1 = word_prf(pred, truth[pid])
    rows.append((pid, meta[pid]["type"], p, r, f1, len(pred.split()), len(truth[pid].split())))
for t in TYPES:
    rs = [x for x in rows if x[1] == t]
    n = len(rs)
    emp = sum(1 for x in rs if x[5] == 0)
    lowr = sum(1 for x in rs if x[5] > 0 and x[3] < 0.5)
    lowp = sum(1 for x in rs if x[5] > 0 and x[2] < 0.5 and x[3] >= 0.5)
    print(f"{t:14s} n={n:4d} F1={sum(x[4] for x in rs)/n:.3f} P={sum(x[2] for x in rs)/n:.3f} "
          f"R={sum(x[3] for x in rs)/n:.3f} empty={emp} lowR={lowr} lowP={lowp}")
empties = [x for x in rows if x[5] == 0]
print(f"overall F1={sum(x[4] for x in rows)/len(rows):.4f} empty={len(empties)} "
      f"(truth also empty: {sum(1 for x in empties if x[6] == 0)})")
if len(sys.argv) > 2:
    worst = sorted((x for x in rows if x[1] == sys.argv[2]), key=lambda x: x[4])
    for x in worst[: int(sys.argv[3]) if len(sys.argv) > 3 else 20]:
        print(x)
