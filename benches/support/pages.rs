//! The benchmark corpus, shared by `benches/clean.rs` and
//! `examples/bench_compare.rs` (included with `#[path]`; kept in a subfolder
//! so cargo does not take it for a bench target of its own): the 130 pages of
//! `../shared/corpus/readability/*/source.html` plus the seed page
//! (`../shared/corpus/seed/page.html`), all cleaned with the URL the
//! Readability test suite uses.
//!
//! The corpus root is `$DECLUTTER_CORPUS` or `<crate>/../shared/corpus`.
#![allow(dead_code)]

use std::path::PathBuf;

/// The document URL given to every extractor (Readability's test suite URL).
pub const URL: &str = "http://fakehost/test/page.html";

/// Page-size classes (upper bounds exclusive, bytes). Chosen so that each
/// class has pages: on the corpus of 131 pages this is 47 / 41 / 43 pages,
/// 0.37 / 4.75 / 20.6 MB.
pub const CLASSES: [(&str, usize, usize); 3] = [
    ("small", 0, 50_000),
    ("medium", 50_000, 200_000),
    ("large", 200_000, usize::MAX),
];

/// One page of the corpus.
pub struct Page {
    /// `readability/<name>` or `seed`.
    pub name: String,
    /// The page as UTF-8 (all pages of the corpus are UTF-8; a stray invalid
    /// byte would be replaced, identically for every extractor).
    pub html: String,
}

/// The corpus root (`$DECLUTTER_CORPUS` or `<crate>/../shared/corpus`).
pub fn corpus_root() -> PathBuf {
    std::env::var_os("DECLUTTER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// Loads every page, sorted by name. Panics with a clear message when the
/// corpus is missing (a benchmark without its corpus has nothing to say).
pub fn load() -> Vec<Page> {
    let root = corpus_root();
    let dir = root.join("readability");
    let mut pages = Vec::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "corpus not found at {} ({e}); set DECLUTTER_CORPUS",
            dir.display()
        )
    });
    for e in entries.flatten() {
        let p = e.path().join("source.html");
        if let Ok(b) = std::fs::read(&p) {
            let name = format!("readability/{}", e.file_name().to_string_lossy());
            pages.push(Page {
                name,
                html: String::from_utf8_lossy(&b).into_owned(),
            });
        }
    }
    if let Ok(b) = std::fs::read(root.join("seed/page.html")) {
        pages.push(Page {
            name: "seed".into(),
            html: String::from_utf8_lossy(&b).into_owned(),
        });
    }
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!pages.is_empty(), "no pages under {}", root.display());
    pages
}

/// The pages of one size class.
pub fn class(pages: &[Page], lo: usize, hi: usize) -> Vec<&Page> {
    pages
        .iter()
        .filter(|p| p.html.len() >= lo && p.html.len() < hi)
        .collect()
}

/// declutter: the whole pipeline (both passes, decide, text rendering),
/// as `declutter::clean` runs it. Returns the article's length so the work
/// cannot be optimized away; 0 on error.
pub fn run_declutter(html: &str, o: &declutter::Options) -> usize {
    declutter::clean(html, o).map_or(0, |a| a.length)
}

/// dom_smoothie: parse into a DOM, then Readability's `parse()`.
pub fn run_dom_smoothie(html: &str) -> usize {
    match dom_smoothie::Readability::new(html, Some(URL), None) {
        Ok(mut r) => r.parse().map_or(0, |a| a.text_content.len()),
        Err(_) => 0,
    }
}

/// The ceiling: one lol_html walk with no-op handlers.
pub fn run_walk_only(html: &str) -> usize {
    declutter::bench::walk_only(html.as_bytes())
}

/// `declutter::Options` with the corpus URL.
pub fn options() -> declutter::Options {
    let mut o = declutter::Options::default();
    o.url = Some(URL.to_string());
    o
}
