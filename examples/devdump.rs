//! Dev tool: clean every corpus page into a folder of .txt files.
//! `cargo run --release --example devdump -- IN_GLOB_DIR FILE_NAME URL OUT`
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let (dir, file, url, out) = (&a[1], &a[2], &a[3], &a[4]);
    std::fs::create_dir_all(out).unwrap();
    let mut o = declutter::Options::default();
    o.url = Some(url.clone());
    let mut total = 0usize;
    let mut secs = 0f64;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let f = p.join(file);
        if !f.exists() { continue; }
        let html = std::fs::read(&f).unwrap();
        let reps: usize = std::env::var("REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
        let mut best = f64::MAX;
        let mut r = declutter::clean_bytes(&html, None, &o);
        for _ in 0..reps {
            let t = std::time::Instant::now();
            r = declutter::clean_bytes(&html, None, &o);
            best = best.min(t.elapsed().as_secs_f64());
        }
        secs += best;
        total += html.len();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        match r {
            Ok(a) => std::fs::write(format!("{out}/{name}.txt"), a.text_content).unwrap(),
            Err(e) => eprintln!("{name}: {e}"),
        }
    }
    eprintln!("{:.1} MB/s", total as f64 / 1e6 / secs);
}
