#!/usr/bin/env python3
"""Sweep one named constant of src/rules.rs over a grid, with 5-fold
cross-validation by domain on the WCXB dev split (issue 12).

  python3 scripts/tune_rule.py NAME V1 V2 ... [--folds 5] [--keep]

For every value: the constant is set in src/rules.rs, the CLI is built
(`cargo build --profile fast`), the 1,497 dev pages are cleaned with
`declutter batch --format text`, and every page is scored with
../shared/eval/score_wcxb.py's metric. Then, per fold (pages grouped by
the domain of their URL, domains dealt to folds by a stable hash): the
value with the best mean F1 on the other folds is picked and scored on
the held-out fold. Printed: the F1 of every value on all pages (the
"full fit" is the best of them), the held-out mean, and their gap
(issue 12's bar for anything fitted: within 0.01). The readability
parity corpus and the junk corpus's removal rate are printed for every
value too (`declutter eval`): a value that helps WCXB must not hurt them.

src/rules.rs is restored afterwards unless --keep (then the full-fit
value stays). Deterministic: no randomness; the fold of a domain is
its CRC32 modulo the fold count.
"""
import gzip
import json
import re
import subprocess
import sys
import zlib
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
from score_wcxb import load, word_prf  # noqa: E402

RULES = ROOT / "src" / "rules.rs"
BIN = ROOT / "target" / "fast" / "declutter"
WORK = ROOT / "target" / "tune"


def set_const(src, name, value):
    pat = re.compile(rf"^(pub const {re.escape(name)}: [^=]+= )([^;]+);", re.M)
    if not pat.search(src):
        sys.exit(f"no `pub const {name}` in src/rules.rs")
    return pat.sub(lambda m: f"{m.group(1)}{value};", src, count=1)


def pages_dir():
    """The dev pages decompressed once (batch reads .html.gz too, but
    decompressing per value would be 1,497 x values)."""
    out = WORK / "wcxb_html"
    if not out.exists():
        out.mkdir(parents=True)
        for f in sorted((SHARED / "corpus/wcxb/dev/html").glob("*.html.gz")):
            (out / f.name[:-3]).write_bytes(gzip.decompress(f.read_bytes()))
    return out


def run_value(name, value, original, pages, truth):
    RULES.write_text(set_const(original, name, value))
    subprocess.run(["cargo", "build", "--quiet", "--profile", "fast", "--bin", "declutter"], cwd=ROOT, check=True)
    out = WORK / f"out_{name}_{value}"
    subprocess.run([str(BIN), "batch", "--format", "text", str(pages), str(out)], cwd=ROOT, check=True, capture_output=True)
    f1 = {}
    for pid in truth:
        p = out / f"{pid}.txt"
        f1[pid] = word_prf(p.read_text(errors="replace") if p.exists() else "", truth[pid])[2]
    ev = subprocess.run([str(BIN), "eval", "--only", "readability,junk"], cwd=ROOT, capture_output=True, text=True).stdout
    m = re.search(r"^readability .*?mean_page_F1=([0-9.]+)", ev, re.M)
    j = re.search(r"removed .*? all ([0-9.]+)", ev)
    return f1, (float(m.group(1)) if m else float("nan"), float(j.group(1)) if j else float("nan"))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folds = 5
    if "--folds" in sys.argv:
        folds = int(sys.argv[sys.argv.index("--folds") + 1])
        args.remove(str(folds))
    if len(args) < 3:
        sys.exit(__doc__)
    name, values = args[0], args[1:]
    truth, _meta = load(SHARED / "corpus" / "wcxb" / "dev")
    gt = SHARED / "corpus/wcxb/dev/ground-truth"
    fold = {}
    for pid in truth:
        url = json.loads((gt / f"{pid}.json").read_text(encoding="utf-8")).get("url") or pid
        host = urlparse(url).netloc.lower().removeprefix("www.") or url
        fold[pid] = zlib.crc32(host.encode()) % folds
    pages = pages_dir()
    original = RULES.read_text()
    results = {}
    try:
        for v in values:
            results[v] = run_value(name, v, original, pages, truth)
            f1, par = results[v]
            print(f"{name} = {v:>8}: WCXB F1 {sum(f1.values()) / len(f1):.4f}  readability mean page F1 {par[0]:.3f}"
                  f"  junk removal {par[1]:.3f}", flush=True)
    finally:
        RULES.write_text(original)
    mean = lambda f1, ids: sum(f1[i] for i in ids) / max(1, len(ids))  # noqa: E731
    all_ids = list(truth)
    full = max(values, key=lambda v: mean(results[v][0], all_ids))
    held = []
    for k in range(folds):
        train = [i for i in all_ids if fold[i] != k]
        test = [i for i in all_ids if fold[i] == k]
        pick = max(values, key=lambda v: mean(results[v][0], train))
        held.append((mean(results[pick][0], test), len(test)))
        print(f"fold {k}: {len(test)} pages, picked {pick}, held-out F1 {held[-1][0]:.4f}")
    held_mean = sum(f for f, _ in held) / folds
    full_f1 = mean(results[full][0], all_ids)
    print(f"full fit: {name} = {full} (F1 {full_f1:.4f}); held-out mean {held_mean:.4f}; gap {full_f1 - held_mean:+.4f}")
    if "--keep" in sys.argv:
        RULES.write_text(set_const(original, name, full))
        print(f"src/rules.rs: {name} = {full}")


if __name__ == "__main__":
    main()
