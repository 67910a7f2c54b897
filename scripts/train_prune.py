#!/usr/bin/env python3
"""The learned pruning experiment of issue 12: would a gradient-boosted
model over shallow per-block features (src/decide/prune.rs), dropping
blocks of what decide keeps, beat the rules on the WCXB dev pages' human
truth, cross-validated by domain? It reports; it writes nothing. Measured
(BENCHMARKS.md, "A learned pruning step"): +0.0018 held-out page F1 over
the rules of 8cdb58e (+0.0009 in the real pipeline), -0.0005 over those
of 2feee2b, for ~7 KiB gzip of trees in the wasm: not shipped.

  python3 -m venv /tmp/mlvenv && /tmp/mlvenv/bin/pip install -r scripts/requirements-train.txt
  cargo build --release --example blocks
  target/release/examples/blocks /tmp/wcxb_html /tmp/blocks   # pages decompressed
  /tmp/mlvenv/bin/python scripts/train_prune.py /tmp/blocks

The rows: every candidate block of the kept region (what decide keeps
before this step), with the features `prune::features` computes (the
dump and the cleaner share that code). The label: a block is chrome when
less than LOW of its words sit in the truth's word pairs, content when
more than HIGH do; blocks in between (a wrapper holding both) are not
training rows. Weight: its word count, capped (a block's effect on a
page's F1 grows with its words).

Cross-validation: pages grouped by the domain of their URL, domains dealt
to 5 folds by CRC32 of the host (as scripts/tune_rule.py). Per fold: fit
on the other 4, pick the cutoff on them by simulated page F1, score the
held-out pages. The simulation replays the step on the dump: the kept
text minus the dropped blocks, scored with ../shared/eval/score_wcxb.py's
metric. Printed: the held-out mean F1 and the full fit's F1 (issue 12:
within 0.01), both against no pruning. Deterministic: fixed seeds, sorted
inputs.
"""
import bisect
import re
import sys
import zlib
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
from score_wcxb import load  # noqa: E402

TOK = re.compile(r"\w+")
LOW, HIGH = 0.2, 0.8          # label cut-offs (share of a block's words in truth pairs)
WEIGHT_CAP = 200              # words
TREES, DEPTH, RATE = 60, 3, 0.2
CUTOFFS = [1.0, 1.5, 2.0, 2.5, 3.0, 4.0]   # log-odds grid for the drop cutoff
FOLDS = 5


def fold_of(url, folds=FOLDS):
    host = urlparse(url).netloc.lower().removeprefix("www.") or url
    return zlib.crc32(host.encode()) % folds


class Page:
    """One page's dump: live text chunks' tokens and candidate blocks."""

    def __init__(self, path, truth_text):
        els, chunks = [], []
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            if line.startswith("E\t"):
                parts = line.split("\t")
                els.append(parts[1:])
            elif line.startswith("T\t"):
                _, pos, txt = line.split("\t", 2)
                chunks.append((int(pos), txt))
        chunks.sort(key=lambda c: c[0])
        n = len(els)
        start = [int(e[4]) for e in els]
        end = [int(e[5]) for e in els]
        live = [e[2] == "1" for e in els]
        # Innermost element of each chunk: a stack over starts/ends.
        inner = []
        stack = []
        k = 0
        for pos, _ in chunks:
            while k < n and start[k] <= pos:
                while stack and end[stack[-1]] <= start[k]:
                    stack.pop()
                stack.append(k)
                k += 1
            while stack and end[stack[-1]] <= pos:
                stack.pop()
            inner.append(stack[-1] if stack else -1)
        toks = []
        self.pos = []
        for (pos, txt), e in zip(chunks, inner):
            if e >= 0 and live[e]:
                t = TOK.findall(txt.lower())
                if t:
                    toks.append(t)
                    self.pos.append(pos)
        self.toks = toks
        self.truth = Counter(TOK.findall(truth_text.lower()))
        self.truth_n = sum(self.truth.values())
        # Good words: in a truth word pair with a neighbour (unigram for
        # a one-word block).
        tt = TOK.findall(truth_text.lower())
        pairs = set(zip(tt, tt[1:]))
        flat = [w for t in toks for w in t]
        good = [False] * len(flat)
        for i in range(len(flat)):
            if (i > 0 and (flat[i - 1], flat[i]) in pairs) or (i + 1 < len(flat) and (flat[i], flat[i + 1]) in pairs):
                good[i] = True
        # Per chunk: words and good words, prefix sums.
        cw, cg, i = [0], [0], 0
        for t in toks:
            g = sum(good[i:i + len(t)])
            i += len(t)
            cw.append(cw[-1] + len(t))
            cg.append(cg[-1] + g)
        self.cands = []   # (chunk range a, b, features)
        for j, e in enumerate(els):
            if e[3] != "1":
                continue
            a = bisect.bisect_left(self.pos, start[j])
            b = bisect.bisect_left(self.pos, end[j])
            f = [float(x) for x in e[6:]]
            words = cw[b] - cw[a]
            if words == 0:
                frac = None
            elif words == 1:
                frac = 1.0 if flat[cw[a]] in self.truth else 0.0
            else:
                frac = (cg[b] - cg[a]) / words
            self.cands.append((a, b, f, words, frac))

    def f1(self, dropped):
        """Page F1 with the candidate blocks in `dropped` (indices) removed."""
        if self.truth_n == 0:
            return 1.0 if not any(self.kept(dropped)) else 0.0
        pred = Counter()
        for t in self.kept(dropped):
            pred.update(t)
        n = sum(pred.values())
        if n == 0:
            return 0.0
        ov = sum((pred & self.truth).values())
        p, r = ov / n, ov / self.truth_n
        return 2 * p * r / (p + r) if p + r else 0.0

    def kept(self, dropped):
        cut = [False] * len(self.toks)
        for c in dropped:
            a, b = self.cands[c][0], self.cands[c][1]
            for i in range(a, b):
                cut[i] = True
        return [t for t, x in zip(self.toks, cut) if not x]

    def drops(self, scores, cutoff):
        """Top-down: the outermost candidates over the cutoff."""
        out, covered = [], -1
        for c, (a, b, *_rest) in enumerate(self.cands):
            if a < covered:
                continue
            if scores[c] > cutoff and b > a:
                out.append(c)
                covered = b
        return out


def rows(pages):
    X, y, w = [], [], []
    for pg in pages:
        total = max(1, sum(len(t) for t in pg.toks))
        for a, b, f, words, frac in pg.cands:
            if frac is None or LOW <= frac <= HIGH:
                continue
            X.append(f)
            y.append(1 if frac < LOW else 0)
            # Page F1s are averaged: a block weighs its share of its page.
            w.append(min(words, WEIGHT_CAP) / total)
    return np.array(X, dtype=np.float32), np.array(y), np.array(w, dtype=np.float64)


def fit(pages):
    X, y, w = rows(pages)
    clf = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE,
                                     subsample=1.0, random_state=0)
    clf.fit(X, y, sample_weight=w)
    return clf


def page_scores(clf, pages):
    out = []
    for pg in pages:
        if pg.cands:
            X = np.array([c[2] for c in pg.cands], dtype=np.float32)
            out.append(clf.decision_function(X))
        else:
            out.append(np.zeros(0))
    return out


def mean_f1(pages, scores, cutoff):
    if cutoff is None:
        return sum(pg.f1([]) for pg in pages) / len(pages)
    return sum(pg.f1(pg.drops(s, cutoff)) for pg, s in zip(pages, scores)) / len(pages)


def main():
    dump = Path(sys.argv[1])
    truth, meta = load(SHARED / "corpus" / "wcxb" / "dev")
    import json
    ids = sorted(truth)
    fold = {}
    for pid in ids:
        gt = json.loads((SHARED / "corpus" / "wcxb" / "dev" / "ground-truth" / f"{pid}.json").read_text())
        fold[pid] = fold_of(gt.get("url") or pid)
    pages = {pid: Page(dump / f"{pid}.tsv", truth[pid]) for pid in ids if (dump / f"{pid}.tsv").exists()}
    ids = [i for i in ids if i in pages]
    print(f"{len(ids)} pages, {sum(len(p.cands) for p in pages.values())} candidate blocks")
    base_all = mean_f1([pages[i] for i in ids], None, None)
    print(f"no pruning (simulated): {base_all:.4f}")
    # Held-out page F1 at every cutoff; the cutoff is the one with the
    # best held-out mean (a fold never picks with its own pages' truth
    # in its trees).
    held = {c: {} for c in CUTOFFS}
    for k in range(FOLDS):
        tr = [pages[i] for i in ids if fold[i] != k]
        te_ids = [i for i in ids if fold[i] == k]
        te = [pages[i] for i in te_ids]
        clf = fit(tr)
        sc = page_scores(clf, te)
        for c in CUTOFFS:
            for i, pg, s in zip(te_ids, te, sc):
                held[c][i] = pg.f1(pg.drops(s, c))
        b_te = mean_f1(te, None, None)
        print(f"fold {k}: {len(te_ids)} pages, no pruning {b_te:.4f}, held-out by cutoff "
              + " ".join(f"{c}:{sum(held[c][i] for i in te_ids) / len(te_ids):.4f}" for c in CUTOFFS))
    cut = max(CUTOFFS, key=lambda c: sum(held[c].values()))
    held_mean = sum(held[cut].values()) / len(held[cut])
    held = held[cut]
    clf = fit([pages[i] for i in ids])
    allp = [pages[i] for i in ids]
    sc = page_scores(clf, allp)
    for c in CUTOFFS:
        print(f"  full fit, cutoff {c}: {mean_f1(allp, sc, c):.4f}")
    f_full = mean_f1(allp, sc, cut)
    by_type = {}
    for i, pg, s in zip(ids, allp, sc):
        by_type.setdefault(meta[i]["type"], []).append((pg.f1([]), pg.f1(pg.drops(s, cut)) if cut is not None else pg.f1([]), held[i]))
    for t, v in sorted(by_type.items()):
        n = len(v)
        print(f"  {t:14s} n={n:4d} none {sum(a for a, _, _ in v)/n:.4f} full {sum(b for _, b, _ in v)/n:.4f} held-out {sum(c for _, _, c in v)/n:.4f}")
    print(f"held-out mean F1 {held_mean:.4f}; full fit F1 {f_full:.4f} (cutoff {cut}); no pruning {base_all:.4f}; gap {f_full - held_mean:+.4f}")
    names = (dump / f"{ids[0]}.tsv").read_text(encoding="utf-8").split("\n", 1)[0].split("\t")[1:]
    imp = sorted(zip(clf.feature_importances_, names), reverse=True)[:12]
    print("most used features: " + ", ".join(f"{n} {v:.3f}" for v, n in imp))
    print(f"model: {sum(e[0].tree_.node_count for e in clf.estimators_)} tree nodes")


if __name__ == "__main__":
    main()
