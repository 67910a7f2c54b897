//! `declutter eval`: F1/P/R of `eval/score.py` and the junk-removal rates
//! of `eval/score_junk.py` on the shared corpora, plus MB/s.
//!
//! Corpora under `--corpus-root` (default `../shared`):
//! - readability: `corpus/readability/*/source.html`, URL
//!   `http://fakehost/test/page.html`, truth `eval/truth/readability.json`;
//! - seed: `corpus/seed/page.html`, URL
//!   `https://www.example-news.it/renzi-jack-ma/`, truth `eval/truth/seed.json`;
//! - junk: `corpus/junk/*/page.html`, URL `http://fakehost/test/page.html`,
//!   truth `corpus/junk/truth.json`, junk items `corpus/junk/*/junk.json`;
//! - wcxb: the WCXB dev split, `corpus/wcxb/dev/html/<id>.html.gz`, truth
//!   `corpus/wcxb/dev/ground-truth/<id>.json`, no URL (as `declutter batch`
//!   cleans them), scored with the metric of `eval/score_wcxb.py`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

use crate::args::EvalArgs;
use crate::batch::{self, Page};
use crate::score::{self, JunkItem, Metrics, PageScore};
use crate::wcxb;

/// The WCXB split `eval` scores, under the corpus root.
pub const WCXB_DEV: &str = "corpus/wcxb/dev";

/// Reads the truth of a WCXB split: `ground-truth/<id>.json` with
/// `ground_truth.main_content`, `with`, `without` and the page type in
/// `_internal.page_type.primary` (a string in older files), like
/// `score_wcxb.load`. A file whose `ground_truth` is a non-empty
/// non-object is skipped, as the script does.
pub fn load_wcxb_truth(dir: &Path) -> Result<BTreeMap<String, wcxb::Truth>, String> {
    let gt_dir = dir.join("ground-truth");
    let rd = std::fs::read_dir(&gt_dir).map_err(|e| format!("cannot list {}: {e}", gt_dir.display()))?;
    let mut out = BTreeMap::new();
    for entry in rd.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let Some(id) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if let Some(t) = parse_wcxb_truth(&raw).map_err(|e| format!("{}: {e}", path.display()))? {
            out.insert(id.to_string(), t);
        }
    }
    if out.is_empty() {
        return Err(format!("no truth files in {}", gt_dir.display()));
    }
    Ok(out)
}

/// One WCXB truth file; `None` when it has no `ground_truth` object.
pub fn parse_wcxb_truth(raw: &str) -> Result<Option<wcxb::Truth>, String> {
    let v: Value = serde_json::from_str(raw).map_err(|e| format!("invalid JSON: {e}"))?;
    // Python: `gt = data.get("ground_truth") or {}`, skipped unless a dict:
    // a falsy value (null, "", [], 0) is an empty truth, a truthy non-object is skipped.
    let empty = serde_json::Map::new();
    let gt = match v.get("ground_truth") {
        Some(Value::Object(o)) => o,
        None | Some(Value::Null) => &empty,
        Some(Value::Bool(false)) => &empty,
        Some(Value::String(x)) if x.is_empty() => &empty,
        Some(Value::Array(x)) if x.is_empty() => &empty,
        Some(Value::Number(n)) if n.as_f64() == Some(0.0) => &empty,
        Some(_) => return Ok(None),
    };
    let pt = v.get("_internal").and_then(|i| i.get("page_type"));
    // Python: `pt.get("primary", "article") if dict else (pt or "article")`.
    let page_type = match pt {
        Some(Value::Object(o)) => match o.get("primary") {
            None => "article".to_string(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        },
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        _ => "article".to_string(),
    };
    let strings = |k: &str| -> Vec<String> {
        gt.get(k).and_then(Value::as_array).map_or_else(Vec::new, |a| {
            a.iter().filter_map(Value::as_str).map(str::to_string).collect()
        })
    };
    Ok(Some(wcxb::Truth {
        main_content: gt.get("main_content").and_then(Value::as_str).unwrap_or("").to_string(),
        page_type: wcxb::normalize_type(&page_type),
        with: strings("with"),
        without: strings("without"),
    }))
}

/// `declutter eval` on the WCXB dev split.
/// Cleans `pages` on `jobs` threads: the text of each page by name, the
/// number of pages that failed (each reported on stderr), and the time
/// the cleaning took.
fn predict(pages: &[Page], opts: &declutter::Options, jobs: usize) -> (HashMap<String, String>, usize, std::time::Duration) {
    let jobs = batch::worker_count(Some(jobs), pages.len());
    let run = batch::clean_all(pages, opts, jobs, false);
    let mut errors = 0;
    let mut pred = HashMap::new();
    for (page, r) in pages.iter().zip(run.results) {
        match r {
            Ok(article) => {
                pred.insert(page.name.clone(), article.text_content);
            }
            Err(e) => {
                eprintln!("eval: {}: {e}", page.path.display());
                errors += 1;
            }
        }
    }
    (pred, errors, run.elapsed)
}

fn run_wcxb(a: &EvalArgs) -> Result<(), String> {
    let dir = a.corpus_root.join(WCXB_DEV);
    let truth = load_wcxb_truth(&dir)?;
    let list = batch::find_pages(&dir.join("html")).map_err(|e| format!("cannot list {}: {e}", dir.join("html").display()))?;
    let (pages, read_errors) = batch::read_pages(list);
    for (p, e) in &read_errors {
        eprintln!("eval: {p}: {e}");
    }
    let (pred, clean_errors, elapsed) = predict(&pages, &crate::options_with_url(None), a.jobs);
    let errors = read_errors.len() + clean_errors;
    let jobs = batch::worker_count(Some(a.jobs), pages.len());
    write_predictions(a, "wcxb", &pred)?;
    let r = wcxb::evaluate(&truth, &pred);
    let (mb, secs) = (batch::megabytes(&pages), elapsed.as_secs_f64());
    let t = &r.total;
    println!(
        "{:<12} pages={} F1={:.3} P={:.3} R={:.3} with={:.3} without={:.3} empty={} missing={} errors={}  \
         {mb:.2} MB in {secs:.3} s = {:.1} MB/s ({})",
        "wcxb",
        t.n,
        t.f1,
        t.p,
        t.r,
        t.with,
        t.without,
        r.empty,
        r.missing,
        errors,
        if secs > 0.0 { mb / secs } else { 0.0 },
        if jobs == 1 { "single-threaded".to_string() } else { format!("{jobs} threads") },
    );
    for (ty, s) in &r.by_type {
        let empty = r.rows.iter().filter(|x| &x.page_type == ty && pred.get(&x.id).is_none_or(|p| p.trim().is_empty())).count();
        println!("  type={ty:<14} pages={:<4} F1={:.3} P={:.3} R={:.3} empty={empty}", s.n, s.f1, s.p, s.r);
    }
    if a.worst > 0 {
        let mut v: Vec<&wcxb::Row> = r.rows.iter().collect();
        v.sort_by(|x, y| x.f1.total_cmp(&y.f1).then_with(|| x.id.cmp(&y.id)));
        println!("  worst {} pages by F1:", a.worst);
        for x in v.into_iter().take(a.worst) {
            println!("    {:.3} P={:.3} R={:.3} {:<13} {}", x.f1, x.p, x.r, x.page_type, x.id);
        }
    }
    Ok(())
}

/// `--out DIR`: the predictions as DIR/<corpus>/<id>.txt.
fn write_predictions(a: &EvalArgs, corpus: &str, pred: &HashMap<String, String>) -> Result<(), String> {
    let Some(out) = &a.out else { return Ok(()) };
    let dir = out.join(corpus);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (id, text) in pred {
        let f = dir.join(format!("{id}.txt"));
        std::fs::write(&f, text).map_err(|e| format!("cannot write {}: {e}", f.display()))?;
    }
    Ok(())
}

/// Base URL the readability test pages were captured with.
pub const READABILITY_URL: &str = "http://fakehost/test/page.html";
/// URL of the seed page.
pub const SEED_URL: &str = "https://www.example-news.it/renzi-jack-ma/";

/// Reads a truth file: `{id: text}` or `{id: {"articleBody": text}}`
/// (and scrapinghub's `{"version", "output": {...}}` wrapper), like
/// `score.load_json_texts`.
pub fn load_truth(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse_truth(&raw).map_err(|e| format!("{}: {e}", path.display()))
}

/// The parsing half of [`load_truth`].
pub fn parse_truth(raw: &str) -> Result<BTreeMap<String, String>, String> {
    let mut data: Value = serde_json::from_str(raw).map_err(|e| format!("invalid JSON: {e}"))?;
    if let Value::Object(o) = &data {
        if o.len() == 2 && o.contains_key("version") && o.get("output").is_some_and(Value::is_object) {
            data = o["output"].clone();
        }
    }
    let Value::Object(map) = data else { return Err("expected a JSON object {id: text}".into()) };
    Ok(map
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s,
                Value::Object(o) => o.get("articleBody").and_then(Value::as_str).unwrap_or("").to_string(),
                _ => String::new(),
            };
            (k, text)
        })
        .collect())
}

/// Parses one `junk.json`.
pub fn parse_junk(raw: &str) -> Result<Vec<JunkItem>, String> {
    let v: Value = serde_json::from_str(raw).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Array(items) = v else { return Err("expected a JSON array".into()) };
    let s = |it: &Value, k: &str| it.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    Ok(items
        .iter()
        .map(|it| JunkItem {
            kind: s(it, "kind"),
            template: s(it, "template"),
            position: s(it, "position"),
            text: s(it, "text"),
            marker: it.get("marker").and_then(Value::as_str).map(str::to_string),
            // Python: it.get("marker_in_text", True) — any truthy value.
            marker_in_text: match it.get("marker_in_text") {
                None => true,
                Some(Value::Bool(b)) => *b,
                Some(Value::Null) => false,
                Some(Value::Number(n)) => n.as_f64() != Some(0.0),
                Some(Value::String(x)) => !x.is_empty(),
                Some(Value::Array(a)) => !a.is_empty(),
                Some(Value::Object(o)) => !o.is_empty(),
            },
        })
        .collect())
}

/// A corpus: its pages (id, path; sorted by id), their URL, its truth file.
type CorpusFiles = (Vec<(String, PathBuf)>, &'static str, PathBuf);

/// Pages of one corpus, the URL to clean them with and the truth file.
fn corpus_pages(root: &Path, name: &str) -> Result<CorpusFiles, String> {
    let corpus = root.join("corpus");
    let subdirs = |dir: PathBuf, file: &str| -> Result<Vec<(String, PathBuf)>, String> {
        let rd = std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let mut v = Vec::new();
        for entry in rd.flatten() {
            let p = entry.path().join(file);
            if p.is_file() {
                if let Some(id) = entry.file_name().to_str() {
                    v.push((id.to_string(), p));
                }
            }
        }
        v.sort();
        Ok(v)
    };
    match name {
        "readability" => Ok((
            subdirs(corpus.join("readability"), "source.html")?,
            READABILITY_URL,
            root.join("eval/truth/readability.json"),
        )),
        "seed" => {
            let p = corpus.join("seed/page.html");
            if !p.is_file() {
                return Err(format!("{} not found", p.display()));
            }
            Ok((vec![("seed".to_string(), p)], SEED_URL, root.join("eval/truth/seed.json")))
        }
        "junk" => Ok((subdirs(corpus.join("junk"), "page.html")?, READABILITY_URL, corpus.join("junk/truth.json"))),
        other => Err(format!("unknown corpus {other}")),
    }
}

/// The outcome of one corpus.
struct CorpusRun {
    metrics: Metrics,
    rows: Vec<PageScore>,
    pred: HashMap<String, String>,
    errors: usize,
    mb: f64,
    secs: f64,
}

fn run_corpus(name: &str, a: &EvalArgs) -> Result<CorpusRun, String> {
    let (list, url, truth_path) = corpus_pages(&a.corpus_root, name)?;
    let truth = load_truth(&truth_path)?;
    let (pages, read_errors): (Vec<Page>, _) = batch::read_pages(list);
    for (p, e) in &read_errors {
        eprintln!("eval: {p}: {e}");
    }
    let (pred, clean_errors, elapsed) = predict(&pages, &crate::options_with_url(Some(url)), a.jobs);
    let errors = read_errors.len() + clean_errors;
    write_predictions(a, name, &pred)?;
    let no_truth = pages.iter().filter(|p| !truth.contains_key(&p.name)).count();
    if no_truth > 0 {
        eprintln!("eval: {name}: {no_truth} page(s) without truth, ignored by the metric");
    }
    // The junk corpus is scored on the pages that have junk.json (as score_junk.py does).
    let truth = if name == "junk" {
        let ids: Vec<String> = pages.iter().map(|p| p.name.clone()).collect();
        truth.into_iter().filter(|(k, _)| ids.contains(k)).collect()
    } else {
        truth
    };
    let (metrics, rows) = score::evaluate(&truth, &pred);
    Ok(CorpusRun { metrics, rows, pred, errors, mb: batch::megabytes(&pages), secs: elapsed.as_secs_f64() })
}

fn print_metrics(name: &str, r: &CorpusRun, jobs: usize) {
    let m = &r.metrics;
    let rate = if r.secs > 0.0 { r.mb / r.secs } else { 0.0 };
    println!(
        "{name:<12} pages={} F1={:.3} P={:.3} R={:.3} acc={:.3} mean_page_F1={:.3} empty={} errors={}  \
         {:.2} MB in {:.3} s = {rate:.1} MB/s ({})",
        m.pages,
        m.f1,
        m.precision,
        m.recall,
        m.accuracy,
        m.mean_page_f1,
        m.empty_predictions,
        r.errors,
        r.mb,
        r.secs,
        if jobs == 1 { "single-threaded".to_string() } else { format!("{jobs} threads") },
    );
}

fn print_worst(rows: &[PageScore], n: usize) {
    if n == 0 {
        return;
    }
    let mut v: Vec<&PageScore> = rows.iter().collect();
    v.sort_by(|a, b| a.f1.total_cmp(&b.f1).then_with(|| a.id.cmp(&b.id)));
    println!("  worst {n} pages by page F1:");
    for r in v.into_iter().take(n) {
        println!(
            "    {:.3}  P={:.3} R={:.3}  tokens true={} pred={}  {}",
            r.f1, r.p, r.r, r.true_tokens, r.pred_tokens, r.id
        );
    }
}

fn junk_report(root: &Path, run: &CorpusRun, worst: usize) -> Result<(), String> {
    let dir = root.join("corpus/junk");
    let mut junk = BTreeMap::new();
    for row in &run.rows {
        let f = dir.join(&row.id).join("junk.json");
        let raw = match std::fs::read_to_string(&f) {
            Ok(r) => r,
            Err(_) => continue, // a page without junk.json is not a junk page
        };
        junk.insert(row.id.clone(), parse_junk(&raw).map_err(|e| format!("{}: {e}", f.display()))?);
    }
    let rows = score::score_junk(&junk, &run.pred, score::JUNK_THRESHOLD);
    let s = score::summarize_junk(&rows);
    let fmt = |x: Option<f64>| x.map_or("  -  ".to_string(), |v| format!("{v:.3}"));
    let mut line = String::from("  removed  ");
    for (k, r) in s.kinds.iter().map(|(k, r)| (*k, r)).chain([("all", &s.all)]) {
        line.push_str(&format!(" {k} {} ({}/{})", fmt(r.removal), r.removed, r.items));
    }
    println!("{line}");
    println!(
        "  clean pages {}/{}  marker leaks {}  untestable items {}",
        s.clean_pages,
        rows.len(),
        s.marker_leaks,
        s.untestable_items
    );
    if worst > 0 {
        let f1: HashMap<&str, f64> = run.rows.iter().map(|r| (r.id.as_str(), r.f1)).collect();
        let mut order: Vec<_> = rows.iter().collect();
        order.sort_by(|a, b| {
            let fa = f1.get(a.id.as_str()).copied().unwrap_or(0.0);
            let fb = f1.get(b.id.as_str()).copied().unwrap_or(0.0);
            a.all.unwrap_or(1.0).total_cmp(&b.all.unwrap_or(1.0)).then(fa.total_cmp(&fb)).then(a.id.cmp(&b.id))
        });
        println!("  worst {worst} pages (junk removed, then article F1):");
        for r in order.into_iter().take(worst) {
            let kept: Vec<&str> =
                r.items.iter().filter(|i| i.testable && !i.removed).map(|i| i.label.as_str()).collect();
            println!(
                "    removed={} F1={:.3}  {:<36} kept: {}",
                fmt(r.all),
                f1.get(r.id.as_str()).copied().unwrap_or(0.0),
                r.id,
                if kept.is_empty() { "-".to_string() } else { kept.join(" ") }
            );
        }
    }
    Ok(())
}

/// `declutter eval`.
pub fn run(a: &EvalArgs) -> ExitCode {
    let mut failures = 0;
    let mut readability_f1 = None;
    for name in &a.corpora() {
        if name == "wcxb" {
            if let Err(e) = run_wcxb(a) {
                eprintln!("eval: wcxb: {e}");
                failures += 1;
            }
            continue;
        }
        match run_corpus(name, a) {
            Ok(r) => {
                print_metrics(name, &r, batch::worker_count(Some(a.jobs), r.metrics.pages.max(1)));
                if name == "readability" {
                    readability_f1 = Some(r.metrics.f1);
                }
                if name == "junk" {
                    if let Some(f) = readability_f1 {
                        println!("  article F1 change vs readability: {:+.3}", r.metrics.f1 - f);
                    }
                    if let Err(e) = junk_report(&a.corpus_root, &r, a.worst) {
                        eprintln!("eval: junk: {e}");
                        failures += 1;
                    }
                }
                print_worst(&r.rows, a.worst);
            }
            Err(e) => {
                eprintln!("eval: {name}: {e}");
                failures += 1;
            }
        }
    }
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truth_forms() {
        let t = parse_truth(r#"{"a": "x y", "b": {"articleBody": "z"}, "c": {"other": 1}, "d": null}"#).unwrap();
        assert_eq!(t["a"], "x y");
        assert_eq!(t["b"], "z");
        assert_eq!(t["c"], "");
        assert_eq!(t["d"], "");
        let t = parse_truth(r#"{"version": "1", "output": {"p": "text"}}"#).unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(t["p"], "text");
        assert!(parse_truth("[1, 2]").is_err());
        assert!(parse_truth("{").is_err());
    }

    #[test]
    fn wcxb_truth_forms() {
        let t = parse_wcxb_truth(
            r#"{"_internal": {"page_type": {"primary": "category"}},
                "ground_truth": {"main_content": "Body", "with": ["a", 3], "without": null}}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!((t.main_content.as_str(), t.page_type.as_str()), ("Body", "collection"));
        assert_eq!((t.with, t.without.len()), (vec!["a".to_string()], 0));
        let t = parse_wcxb_truth(r#"{"_internal": {"page_type": "forum"}, "ground_truth": {}}"#).unwrap().unwrap();
        assert_eq!((t.main_content.as_str(), t.page_type.as_str()), ("", "forum"));
        let t = parse_wcxb_truth(r#"{"ground_truth": {"main_content": "x"}}"#).unwrap().unwrap();
        assert_eq!(t.page_type, "article");
        assert!(parse_wcxb_truth(r#"{"ground_truth": "nope"}"#).unwrap().is_none());
        assert_eq!(parse_wcxb_truth(r#"{"ground_truth": null}"#).unwrap().unwrap().main_content, "");
        assert!(parse_wcxb_truth("[").is_err());
    }

    #[test]
    fn junk_items() {
        let j = parse_junk(
            r#"[{"kind": "ad", "template": "t", "text": "Buy", "marker": "Acme", "marker_in_text": false,
                 "position": "top"},
                {"kind": "consent", "template": "c", "text": "We use cookies"}]"#,
        )
        .unwrap();
        assert_eq!(j.len(), 2);
        assert!(!j[0].marker_in_text && j[0].marker.as_deref() == Some("Acme") && j[0].position == "top");
        assert!(j[1].marker_in_text && j[1].marker.is_none() && j[1].position.is_empty());
        assert!(parse_junk("{}").is_err());
    }

    /// The shipped truth files parse and cover every page of their corpus.
    #[test]
    fn shared_corpora_are_consistent() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        if !root.join("eval/truth/readability.json").exists() {
            eprintln!("skipped: ../shared not found");
            return;
        }
        for name in crate::args::CORPORA.iter().filter(|n| **n != "wcxb") {
            let (pages, _, truth_path) = corpus_pages(&root, name).unwrap();
            let truth = load_truth(&truth_path).unwrap();
            assert!(!pages.is_empty(), "{name}: no pages");
            for (id, _) in &pages {
                assert!(truth.contains_key(id), "{name}: no truth for {id}");
            }
        }
        let (pages, ..) = corpus_pages(&root, "readability").unwrap();
        assert_eq!(pages.len(), 130);
        let dir = root.join(WCXB_DEV);
        let truth = load_wcxb_truth(&dir).unwrap();
        let pages = batch::find_pages(&dir).unwrap();
        assert_eq!(pages.len(), 1497);
        assert_eq!(truth.len(), 1497);
        for (id, _) in &pages {
            assert!(truth.contains_key(id), "wcxb: no truth for {id}");
        }
        for t in wcxb::TYPES {
            assert!(truth.values().any(|x| x.page_type == t), "wcxb: no {t} page");
        }
    }
}
