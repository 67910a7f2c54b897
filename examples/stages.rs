//! Dev tool: throughput of each stage over a corpus folder.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let mut pages = Vec::new();
    for e in std::fs::read_dir(&a[1]).unwrap() {
        let p = e.unwrap().path().join(&a[2]);
        if let Ok(b) = std::fs::read(&p) { pages.push(b); }
    }
    let total: usize = pages.iter().map(|p| p.len()).sum();
    let o = declutter::Options::default();
    let stages: [(&str, &dyn Fn(&[u8]) -> usize); 4] = [
        ("walk", &|h| declutter::bench::walk_only(h)),
        ("measure", &|h| declutter::bench::measure_only(h)),
        ("measure+decide", &|h| declutter::bench::measure_decide(h)),
        ("clean", &|h| declutter::clean(std::str::from_utf8(h).unwrap_or(""), &o).map_or(0, |a| a.length)),
    ];
    for (name, f) in stages {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let mut x = 0;
            for p in &pages { x += f(p); }
            std::hint::black_box(x);
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("{name:16} {:7.1} MB/s", total as f64 / 1e6 / best);
    }
}
