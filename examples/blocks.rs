//! Dev tool for `scripts/train_prune.py`: the pruning step's training rows
//! for each page of a folder. `blocks IN_DIR OUT_DIR` writes `OUT_DIR/<id>.tsv`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let (src, dst) = (std::path::Path::new(&a[1]), std::path::Path::new(&a[2]));
    std::fs::create_dir_all(dst).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(src).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for p in names {
        let Ok(bytes) = std::fs::read(&p) else { continue };
        let html = String::from_utf8_lossy(&bytes);
        let id = p.file_stem().unwrap().to_string_lossy().trim_end_matches(".html").to_string();
        if let Ok(s) = declutter::debug_blocks(&html, &declutter::Options::default()) {
            std::fs::write(dst.join(format!("{id}.tsv")), s).unwrap();
        }
    }
}
