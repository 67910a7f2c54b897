#!/usr/bin/env python3
"""Benchmark (not a test): declutter through its Python package against
trafilatura and resiliparse, in the same run, single-threaded, on the WCXB
dev pages (../shared/corpus/wcxb/dev/html/*.html.gz).

    bash scripts/bench-python.sh            # sets up target/pybench, runs this
    target/pybench/bin/python python/bench.py [--corpus DIR] [--runs N] [--limit N] [--md FILE]

Every page is gunzipped and decoded to str up front (UTF-8, invalid bytes
replaced: the same str for every extractor), so file reading, gunzip and
decoding are outside the timing for all three. Per page, the extractors run
one after the other (declutter, resiliparse, trafilatura, then again for
--runs > 1), so a burst of load on a shared machine hits all of them alike;
each page's fastest run is kept. pages/s and MB/s (10^6 bytes of the str's
UTF-8) are over the sum of those per-page minima: per core, in process.

Extractors, as a user calls them:
- declutter: declutter.clean(html)["textContent"]
- resiliparse: extract_plain_text(html, main_content=True)
- trafilatura: trafilatura.extract(html) (defaults: with its fallbacks)

Quality of the same outputs, for context: the WCXB F1 of score_wcxb.py
(mean over the pages run; with --limit only those pages).
"""

import argparse
import gzip
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This file sits beside the package's source folder (python/declutter, no
# compiled extension): import the installed wheel, not that folder.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]


def load(corpus, limit):
    d = Path(corpus)
    if (d / "html").is_dir():
        d = d / "html"
    files = sorted(d.glob("*.html.gz")) + sorted(d.glob("*.html"))
    if not files:
        sys.exit(f"no pages in {d}")
    pages = []
    for f in files[: limit or None]:
        raw = gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()
        pages.append((f.name, raw.decode("utf-8", errors="replace")))
    return pages


def extractors():
    import declutter
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text

    return [
        ("declutter", lambda h: declutter.clean(h)["textContent"]),
        ("resiliparse", lambda h: extract_plain_text(h, main_content=True)),
        ("trafilatura", lambda h: trafilatura.extract(h) or ""),
    ]


def quality(corpus, names, outputs):
    """Mean bag-of-words F1 of each extractor's output with the benchmark's
    metric (../shared/eval/score_wcxb.py), or None without its truth."""
    script = ROOT.parent / "shared/eval/score_wcxb.py"
    cdir = Path(corpus)
    if not script.exists() or not (cdir / "ground-truth").is_dir():
        return [None] * len(outputs)
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_wcxb", script)
    sw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sw)
    truth, _ = sw.load(cdir)
    ids = [n.split(".")[0] for n in names]
    if not all(i in truth for i in ids):
        return [None] * len(outputs)
    return [sum(sw.word_prf(o, truth[i])[2] for i, o in zip(ids, outs)) / len(ids) for outs in outputs]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/wcxb/dev"))
    ap.add_argument("--runs", type=int, default=1, help="runs per page and extractor, fastest kept")
    ap.add_argument("--limit", type=int, default=0, help="first N pages only (0 = all)")
    ap.add_argument("--md", help="also write the Markdown block for BENCHMARKS.md here")
    a = ap.parse_args()
    pages = load(a.corpus, a.limit)
    ex = extractors()
    sizes = [len(h.encode("utf-8")) for _, h in pages]
    best = [[float("inf")] * len(ex) for _ in pages]
    empty = [0] * len(ex)
    outputs = [[""] * len(pages) for _ in ex]
    errors = [0] * len(ex)
    for pi, (_, html) in enumerate(pages):
        for run in range(max(1, a.runs)):
            for ei, (_, f) in enumerate(ex):
                t = time.perf_counter()
                try:
                    out = f(html)
                except Exception:
                    out, errors[ei] = None, errors[ei] + (run == 0)
                dt = time.perf_counter() - t
                best[pi][ei] = min(best[pi][ei], dt)
                if run == 0 and out is not None:
                    outputs[ei][pi] = out
                    empty[ei] += not out.strip()
    mb = sum(sizes) / 1e6
    f1 = quality(a.corpus, [p[0] for p in pages], outputs)
    rows = []
    for ei, (name, _) in enumerate(ex):
        secs = sum(b[ei] for b in best)
        rows.append((name, secs, len(pages) / secs, mb / secs, empty[ei], errors[ei], f1[ei]))
    d = rows[0]
    import declutter
    import resiliparse
    import trafilatura

    versions = {"declutter": declutter.__version__, "resiliparse": getattr(resiliparse, "__version__", "2.0.1"),
                "trafilatura": trafilatura.__version__}
    lines = [
        f"### Python package vs Python peers, WCXB dev ({len(pages)} pages, {mb:.1f} MB), single-threaded",
        "",
        f"`python/bench.py --runs {a.runs}` on {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}; in process, str in (gunzip and decoding outside the timing), "
        f"fastest of {a.runs} run(s) per page, interleaved.",
        "",
        "| extractor | version | seconds | pages/s | MB/s | declutter is × faster | WCXB F1 | empty | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, secs, pps, mbs, emp, err, q in rows:
        qs = "-" if q is None else f"{q:.3f}"
        lines.append(f"| {name} | {versions[name]} | {secs:.2f} | {pps:.1f} | {mbs:.2f} | "
                     f"{secs / d[1]:.2f} | {qs} | {emp} | {err} |")
    res, tra = rows[1], rows[2]
    lines += [
        "",
        f"Bars (issue 15): declutter ≥ 1.5× resiliparse: {res[1] / d[1]:.2f}× "
        f"({'holds' if res[1] / d[1] >= 1.5 else 'DOES NOT HOLD'}); "
        f"≥ 20× trafilatura: {tra[1] / d[1]:.2f}× ({'holds' if tra[1] / d[1] >= 20 else 'DOES NOT HOLD'}).",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if a.md:
        Path(a.md).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
