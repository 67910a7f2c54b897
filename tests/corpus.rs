//! Fixture tests over the shared corpora (`../shared/corpus`): every page
//! cleaned whole and in random chunk sizes must agree, and the quality bars
//! of issue 2 must hold (scored with the same metric as `score.py`).

#[allow(dead_code)]
#[path = "../src/bin/declutter/score.rs"]
mod score;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use declutter::{clean, Cleaner, Options};

/// `../shared` beside the repository. Missing, the corpus tests fail with
/// this message: a silent pass would report bars that were never measured.
fn shared() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        p.join("corpus").is_dir(),
        "../shared (the corpora) must sit next to the repository at {}: the corpus tests need it",
        p.display()
    );
    p
}

fn opts(url: &str) -> Options {
    let mut o = Options::default();
    o.url = Some(url.to_string());
    o
}

/// Tiny seeded PRNG (xorshift) for chunk sizes.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn clean_chunked(html: &[u8], o: &Options, seed: u64) -> declutter::Article {
    let mut rng = Rng(seed | 1);
    let mut c = Cleaner::new(o.clone()).unwrap();
    let mut i = 0;
    while i < html.len() {
        // Mostly small chunks (splitting tags, entities and UTF-8), some big.
        let n = match rng.next() % 4 {
            0 => 1 + (rng.next() % 4) as usize,
            1 => 1 + (rng.next() % 64) as usize,
            2 => 1 + (rng.next() % 1024) as usize,
            _ => 1 + (rng.next() % 16384) as usize,
        };
        let end = (i + n).min(html.len());
        c.write(&html[i..end]).unwrap();
        i = end;
    }
    c.finish().unwrap()
}

fn pages(dir: &Path, file: &str) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            let b = std::fs::read(p.join(file)).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), b))
        })
        .collect();
    v.sort();
    v
}

fn truth(path: &Path) -> BTreeMap<String, String> {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    v.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string())).collect()
}

/// The corpus pages are UTF-8 files (Readability's harness reads them so).
fn text_of(html: &[u8], o: &Options) -> String {
    declutter::clean_bytes(html, None, o).map(|a| a.text_content).unwrap_or_default()
}

#[test]
fn readability_pages_chunked_equals_whole() {
    let sh = shared();
    let o = opts("http://fakehost/test/page.html");
    for (i, (name, html)) in pages(&sh.join("corpus/readability"), "source.html").iter().enumerate() {
        let s = String::from_utf8_lossy(html);
        let whole = clean(&s, &o).unwrap();
        let chunked = clean_chunked(s.as_bytes(), &o, 0x9E37_79B9 + i as u64);
        assert_eq!(whole.text_content, chunked.text_content, "{name}: text differs when chunked");
        assert_eq!(whole.content, chunked.content, "{name}: content differs when chunked");
        assert_eq!(whole.report, chunked.report, "{name}: report differs when chunked");
    }
}

/// Every `WCXB_SAMPLE_STEP`-th page of the WCXB dev set (real pages of
/// seven types, gzipped): the whole Article, cleaned whole and in random
/// chunks, must be the same (the walk, pass 1's text statistics and pass
/// 2's replay must not depend on how the input was fed).
#[test]
fn wcxb_pages_chunked_equals_whole() {
    const WCXB_SAMPLE_STEP: usize = 7;
    let dir = shared().join("corpus/wcxb/dev/html");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() > 1000, "WCXB dev pages missing in {}", dir.display());
    let o = Options::default();
    for (i, p) in files.iter().enumerate().step_by(WCXB_SAMPLE_STEP) {
        let mut gz = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(std::fs::File::open(p).unwrap()), &mut gz).unwrap();
        let Ok(s) = declutter::encoding::decode_html(&gz, None) else { continue };
        let whole = clean(&s, &o).unwrap();
        let chunked = clean_chunked(s.as_bytes(), &o, 0xC0FF_EE00 + i as u64);
        assert!(whole == chunked, "{}: Article differs when chunked", p.display());
    }
}

#[test]
fn readability_pages_f1_at_least_0_95() {
    let sh = shared();
    let o = opts("http://fakehost/test/page.html");
    let t = truth(&sh.join("eval/truth/readability.json"));
    let pred: HashMap<String, String> =
        pages(&sh.join("corpus/readability"), "source.html").into_iter().map(|(n, h)| (n, text_of(&h, &o))).collect();
    let (m, _) = score::evaluate(&t, &pred);
    eprintln!("readability F1={:.3} P={:.3} R={:.3}", m.f1, m.precision, m.recall);
    assert!(m.f1 >= 0.95, "readability F1 {:.3} < 0.95", m.f1);
}

#[test]
fn seed_page_article_without_junk() {
    let sh = shared();
    let html = std::fs::read(sh.join("corpus/seed/page.html")).unwrap();
    let o = opts("https://www.example-news.it/renzi-jack-ma/");
    let a = declutter::clean_bytes(&html, None, &o).unwrap();
    let t = truth(&sh.join("eval/truth/seed.json"));
    let pred: HashMap<String, String> = [("seed".to_string(), a.text_content.clone())].into();
    let (m, _) = score::evaluate(&t, &pred);
    assert!(m.f1 >= 0.95, "seed F1 {:.3}", m.f1);
    for bad in ["Valuta la qualità", "EU Stories", "cookie", "Cookie", "Accetta", "Iscriviti", "Articoli correlati", "Pubblicità", "Chi siamo"] {
        assert!(!a.text_content.contains(bad), "seed output contains {bad:?}");
    }
    // No sidebar story title: every `eus-card__title` text is absent.
    let src = String::from_utf8_lossy(&html);
    for part in src.split("eus-card__title\">").skip(1) {
        let title = part.split('<').next().unwrap_or("").trim();
        if title.len() > 10 {
            assert!(!a.text_content.contains(title), "sidebar story title leaked: {title}");
        }
    }
    // The lead image (lazy-loaded in the page) is known; the report names the junk.
    assert!(a.lead_image.as_deref().is_some_and(|u| u.ends_with("jack-150317180840.jpg")), "lead image: {:?}", a.lead_image);
    assert!(a.report.count(declutter::Category::CookieBanner) >= 1);
    assert!(a.report.count(declutter::Category::Ad) >= 1);
    assert!(a.report.count(declutter::Category::LinkList) + a.report.count(declutter::Category::Related) >= 1);
    assert_eq!(a.title, "Renzi-Jack Ma, incontro a Palazzo Chigi");
    assert_eq!(a.site_name.as_deref(), Some("Example News"));
    assert_eq!(a.lang.as_deref(), Some("it-IT"));
}

#[test]
fn junk_corpus_removal_and_article_intact() {
    let sh = shared();
    let dir = sh.join("corpus/junk");
    let o = opts("http://fakehost/test/page.html");
    let mut junk: BTreeMap<String, Vec<score::JunkItem>> = BTreeMap::new();
    let mut pred = HashMap::new();
    for (name, html) in pages(&dir, "page.html") {
        let items: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join(&name).join("junk.json")).unwrap()).unwrap();
        let items = items
            .as_array()
            .unwrap()
            .iter()
            .map(|it| score::JunkItem {
                kind: it["kind"].as_str().unwrap_or("").into(),
                template: it["template"].as_str().unwrap_or("").into(),
                position: it["position"].as_str().unwrap_or("").into(),
                text: it["text"].as_str().unwrap_or("").into(),
                marker: it["marker"].as_str().map(Into::into),
                marker_in_text: it["marker_in_text"].as_bool().unwrap_or(true),
            })
            .collect();
        junk.insert(name.clone(), items);
        pred.insert(name, text_of(&html, &o));
    }
    let rows = score::score_junk(&junk, &pred, 0.2);
    let sum = score::summarize_junk(&rows);
    let rate = |k: &str| sum.kinds.iter().find(|(kk, _)| *kk == k).and_then(|(_, r)| r.removal).unwrap_or(0.0);
    eprintln!("junk removal: consent {:.3} ad {:.3} linklist {:.3}", rate("consent"), rate("ad"), rate("linklist"));
    assert!(rate("consent") >= 0.95, "consent banners removed {:.3}", rate("consent"));
    assert!(rate("ad") >= 0.95, "ads removed {:.3}", rate("ad"));
    assert!(rate("linklist") >= 0.90, "link lists removed {:.3}", rate("linklist"));

    let (junk_m, _) = score::evaluate(&truth(&dir.join("truth.json")), &pred);
    let clean_pred: HashMap<String, String> =
        pages(&sh.join("corpus/readability"), "source.html").into_iter().map(|(n, h)| (n, text_of(&h, &o))).collect();
    let (clean_m, _) = score::evaluate(&truth(&sh.join("eval/truth/readability.json")), &clean_pred);
    assert!(
        junk_m.f1 >= clean_m.f1 - 0.01,
        "junk costs article F1: {:.3} with junk vs {:.3} clean",
        junk_m.f1,
        clean_m.f1
    );
}
