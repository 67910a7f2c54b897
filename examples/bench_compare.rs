//! Quick side-by-side throughput, no criterion: declutter vs dom_smoothie vs
//! a bare lol_html walk, over the 130 readability pages + the seed page, or
//! over any folder of pages with `--corpus DIR`.
//!
//!     cargo run --release --example bench_compare [-- --runs N] [--json] [--corpus DIR]
//!
//! `--corpus DIR` takes the layouts `declutter batch` reads: `DIR/*.html`,
//! `DIR/*.html.gz`, `DIR/<name>/source.html` (or `page.html`), and a WCXB
//! split (`DIR/html/<id>.html.gz` beside `DIR/ground-truth/`), e.g.
//! `--corpus ../shared/corpus/wcxb/dev`. Every page is decoded once, up
//! front, like a browser would (`declutter::encoding::decode_html`: BOM,
//! `<meta charset>`, else windows-1252), and all three extractors get the
//! same string, so decoding and gunzipping are outside the timing.
//!
//! Single threaded. For every page, each extractor runs N times (default 5,
//! interleaved: declutter, dom_smoothie, walk, declutter, … so a burst of
//! load on a shared machine hits all three alike) and the fastest run is
//! kept; MB/s = total bytes (10^6) / sum of the per-page minima. Printed per
//! page-size class and over all pages, with the ratios. `--json` prints one
//! JSON object instead (scripts/bench.sh uses it).

use std::hint::black_box;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

#[path = "../benches/support/pages.rs"]
mod pages;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let json = args.iter().any(|a| a == "--json");
    let all = match args.iter().position(|a| a == "--corpus").and_then(|i| args.get(i + 1)) {
        Some(dir) => load_dir(Path::new(dir)),
        None => pages::load(),
    };
    let o = pages::options();

    type F<'a> = Box<dyn Fn(&str) -> usize + 'a>;
    let extractors: [(&str, F); 3] = [
        ("declutter", Box::new(|h| pages::run_declutter(h, &o))),
        ("dom_smoothie", Box::new(pages::run_dom_smoothie)),
        ("walk_only", Box::new(pages::run_walk_only)),
    ];

    // best[page][extractor] in seconds; a warm-up run per extractor and page first.
    let mut best = vec![[f64::MAX; 3]; all.len()];
    let mut zero = [0usize; 3];
    for (pi, p) in all.iter().enumerate() {
        for (ei, (_, f)) in extractors.iter().enumerate() {
            if black_box(f(black_box(&p.html))) == 0 {
                zero[ei] += 1;
            }
        }
        for _ in 0..runs {
            for (ei, (_, f)) in extractors.iter().enumerate() {
                let t = Instant::now();
                black_box(f(black_box(&p.html)));
                best[pi][ei] = best[pi][ei].min(t.elapsed().as_secs_f64());
            }
        }
    }

    let mut groups: Vec<(&str, Vec<usize>)> = pages::CLASSES
        .iter()
        .map(|&(c, lo, hi)| {
            (
                c,
                (0..all.len())
                    .filter(|&i| all[i].html.len() >= lo && all[i].html.len() < hi)
                    .collect(),
            )
        })
        .collect();
    groups.push(("all", (0..all.len()).collect()));

    let mut out = Vec::new();
    for (name, idx) in &groups {
        let bytes: usize = idx.iter().map(|&i| all[i].html.len()).sum();
        let mbs: Vec<f64> = (0..3)
            .map(|e| bytes as f64 / 1e6 / idx.iter().map(|&i| best[i][e]).sum::<f64>())
            .collect();
        out.push((name.to_string(), idx.len(), bytes, mbs));
    }

    if json {
        let rows: Vec<String> = out
            .iter()
            .map(|(n, k, b, m)| {
                format!(
                    "{{\"class\":\"{n}\",\"pages\":{k},\"bytes\":{b},\"declutter_mbs\":{:.2},\"dom_smoothie_mbs\":{:.2},\"walk_only_mbs\":{:.2},\"declutter_over_dom_smoothie\":{:.3},\"declutter_over_walk_only\":{:.3}}}",
                    m[0], m[1], m[2], m[0] / m[1], m[0] / m[2]
                )
            })
            .collect();
        println!(
            "{{\"runs\":{runs},\"empty_results\":{{\"declutter\":{},\"dom_smoothie\":{},\"walk_only\":{}}},\"classes\":[{}]}}",
            zero[0], zero[1], zero[2], rows.join(",")
        );
        return;
    }
    println!("single-threaded, min of {runs} runs per page, MB/s = 10^6 bytes / sum of minima");
    println!(
        "{:8} {:>5} {:>7} {:>10} {:>12} {:>10} {:>9} {:>9}",
        "class", "pages", "MB", "declutter", "dom_smoothie", "walk_only", "decl/dom", "decl/walk"
    );
    for (n, k, b, m) in &out {
        println!(
            "{:8} {:>5} {:>7.2} {:>10.1} {:>12.1} {:>10.1} {:>9.2} {:>9.2}",
            n,
            k,
            *b as f64 / 1e6,
            m[0],
            m[1],
            m[2],
            m[0] / m[1],
            m[0] / m[2]
        );
    }
    if zero.iter().any(|&z| z > 0) {
        println!(
            "pages with an empty result or an error: declutter {}, dom_smoothie {}",
            zero[0], zero[1]
        );
    }
}

/// The pages of a folder (see the module comment for the layouts), sorted by name.
fn load_dir(dir: &Path) -> Vec<pages::Page> {
    if dir.join("html").is_dir() && dir.join("ground-truth").is_dir() {
        return load_dir(&dir.join("html"));
    }
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut out = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let lower = name.to_ascii_lowercase();
        let file = if path.is_dir() {
            ["source.html", "page.html"].iter().map(|f| path.join(f)).find(|p| p.is_file())
        } else if lower.ends_with(".html") || lower.ends_with(".html.gz") {
            Some(path.clone())
        } else {
            None
        };
        let Some(file) = file else { continue };
        let raw = std::fs::read(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let bytes = if lower.ends_with(".gz") {
            let mut v = Vec::new();
            flate2::read::MultiGzDecoder::new(&raw[..])
                .read_to_end(&mut v)
                .unwrap_or_else(|e| panic!("cannot gunzip {}: {e}", file.display()));
            v
        } else {
            raw
        };
        let html = declutter::encoding::decode_html(&bytes, None)
            .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
        out.push(pages::Page { name, html });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!out.is_empty(), "no pages in {}", dir.display());
    out
}
