//! Criterion benchmark: throughput (MB/s) of `declutter::clean` per page-size
//! class, next to `dom_smoothie` (parse + Readability) and a bare lol_html
//! walk with no-op handlers (the parser's ceiling for one pass), in the same
//! run, over the 130 readability pages + the seed page.
//!
//!     cargo bench --bench clean                  # everything (~3 min on 2 cores)
//!     cargo bench --bench clean -- large         # one class
//!
//! One iteration = every page of the class, one after the other, single
//! threaded; `Throughput::Bytes` is the class's total size, so criterion
//! prints MB/s (well, MiB/s: see the summary below for decimal MB/s).
//! After criterion, a summary prints MB/s (10^6 bytes / median time) of each
//! extractor per class and the ratios declutter/dom_smoothie and
//! declutter/walk_only, and writes them to `<criterion dir>/declutter-summary.json`
//! (scripts/bench.sh reads it).
//!
//! Config is deliberately short (flat sampling, 10 samples, 1 s warm-up,
//! 3 s measurement): the machine is small and shared; ratios measured in
//! one run are what matters, not 1 % precision.

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

#[path = "support/pages.rs"]
mod pages;

const EXTRACTORS: [&str; 3] = ["declutter", "dom_smoothie", "walk_only"];

fn bench(c: &mut Criterion, all: &[pages::Page]) {
    let o = pages::options();
    for (class, lo, hi) in pages::CLASSES {
        let set = pages::class(all, lo, hi);
        let bytes: usize = set.iter().map(|p| p.html.len()).sum();
        let mut g = c.benchmark_group(class);
        g.sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .throughput(Throughput::Bytes(bytes as u64));
        let n = set.len();
        g.bench_function(BenchmarkId::new("declutter", n), |b| {
            b.iter(|| {
                set.iter()
                    .map(|p| pages::run_declutter(black_box(&p.html), &o))
                    .sum::<usize>()
            })
        });
        g.bench_function(BenchmarkId::new("dom_smoothie", n), |b| {
            b.iter(|| {
                set.iter()
                    .map(|p| pages::run_dom_smoothie(black_box(&p.html)))
                    .sum::<usize>()
            })
        });
        g.bench_function(BenchmarkId::new("walk_only", n), |b| {
            b.iter(|| {
                set.iter()
                    .map(|p| pages::run_walk_only(black_box(&p.html)))
                    .sum::<usize>()
            })
        });
        g.finish();
    }
}

/// Criterion's output directory; fixed before criterion starts so the
/// summary can read the estimates back.
fn criterion_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(d);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let d = target.join("criterion");
    std::env::set_var("CRITERION_HOME", &d);
    d
}

/// Median ns per iteration of one benchmark of this run, from criterion's
/// `new/estimates.json` (None when it was filtered out or is stale).
fn median_ns(dir: &Path, class: &str, f: &str, n: usize, since: SystemTime) -> Option<f64> {
    let p = dir
        .join(class)
        .join(f)
        .join(n.to_string())
        .join("new/estimates.json");
    let fresh = std::fs::metadata(&p)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= since);
    if !fresh {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).ok()?).ok()?;
    v["median"]["point_estimate"].as_f64()
}

fn main() {
    let dir = criterion_dir();
    let started = SystemTime::now();
    let all = pages::load();
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &all);
    c.final_summary();

    // Summary: decimal MB/s from the medians, and the ratios.
    let mut rows = Vec::new();
    println!("\n== declutter benchmark summary (MB/s = 10^6 bytes / median time)");
    println!(
        "{:8} {:>5} {:>8} {:>10} {:>12} {:>10} {:>10} {:>10}",
        "class", "pages", "MB", "declutter", "dom_smoothie", "walk_only", "decl/dom", "decl/walk"
    );
    for (class, lo, hi) in pages::CLASSES {
        let set = pages::class(&all, lo, hi);
        let bytes: usize = set.iter().map(|p| p.html.len()).sum();
        let mbs: Vec<Option<f64>> = EXTRACTORS
            .iter()
            .map(|f| {
                median_ns(&dir, class, f, set.len(), started)
                    .map(|ns| bytes as f64 / 1e6 / (ns / 1e9))
            })
            .collect();
        if mbs.iter().all(Option::is_none) {
            continue;
        }
        let ratio = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a / b);
        let (d, s, w) = (mbs[0], mbs[1], mbs[2]);
        let fmt = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.1}"));
        let fmt2 = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.2}"));
        println!(
            "{:8} {:>5} {:>8.2} {:>10} {:>12} {:>10} {:>10} {:>10}",
            class,
            set.len(),
            bytes as f64 / 1e6,
            fmt(d),
            fmt(s),
            fmt(w),
            fmt2(ratio(d, s)),
            fmt2(ratio(d, w))
        );
        rows.push(serde_json::json!({
            "class": class, "pages": set.len(), "bytes": bytes,
            "min_bytes": lo, "max_bytes": if hi == usize::MAX { None } else { Some(hi) },
            "declutter_mbs": d, "dom_smoothie_mbs": s, "walk_only_mbs": w,
            "declutter_over_dom_smoothie": ratio(d, s), "declutter_over_walk_only": ratio(d, w),
        }));
    }
    if !rows.is_empty() {
        let out = dir.join("declutter-summary.json");
        let _ = std::fs::create_dir_all(&dir);
        match std::fs::write(&out, serde_json::to_string_pretty(&rows).unwrap()) {
            Ok(()) => println!("summary written to {}", out.display()),
            Err(e) => eprintln!("could not write {}: {e}", out.display()),
        }
    }
}
