//! The Rust scorers of `declutter eval` (src/bin/declutter/score.rs,
//! wcxb.rs) must give the numbers of `../shared/eval/score.py`,
//! `score_junk.py` and `score_wcxb.py` on the same predictions: checked to 3
//! decimals on the metrics and exactly on token counts, (1) on perturbed
//! truth texts with tricky Unicode and (2) end to end on what
//! `declutter eval --out DIR` writes and prints.
//!
//! Needs python3 and ../shared; without them the tests print why and pass.

#[path = "../src/bin/declutter/score.rs"]
mod score;
#[path = "../src/bin/declutter/wcxb.rs"]
mod wcxb;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// `Some(reason)` when the check cannot run here.
fn skip_reason() -> Option<String> {
    if Command::new("python3").arg("--version").output().is_err() {
        return Some("python3 not found".into());
    }
    if !shared().join("eval/score.py").exists() {
        return Some(format!("{} not found", shared().join("eval/score.py").display()));
    }
    None
}

#[path = "common/temp.rs"]
mod temp;
use temp::TempDir;

/// A fresh temporary directory for this test file.
fn tempdir(tag: &str) -> TempDir {
    TempDir::new("score-agrees", tag)
}

fn python(args: &[&str]) -> Value {
    let out = Command::new("python3").args(args).output().expect("python3 runs");
    assert!(
        out.status.success(),
        "python3 {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let json_path = args[args.iter().position(|a| *a == "--json").unwrap() + 1];
    serde_json::from_str(&std::fs::read_to_string(json_path).unwrap()).unwrap()
}

/// Runs score.py on `pred_dir` and checks it against `score::evaluate` on
/// the same files. Returns Python's metrics.
fn check_score(truth_path: &Path, pred_dir: &Path, work: &Path) -> Value {
    let json = work.join("score.json");
    let py = python(&[
        shared().join("eval/score.py").to_str().unwrap(),
        "--truth",
        truth_path.to_str().unwrap(),
        "--pred",
        pred_dir.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--n-bootstrap",
        "0",
        "--worst",
        "0",
    ]);
    let truth: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(truth_path).unwrap()).unwrap();
    let mut pred = HashMap::new();
    for id in truth.keys() {
        if let Ok(t) = std::fs::read_to_string(pred_dir.join(format!("{id}.txt"))) {
            pred.insert(id.clone(), t);
        }
    }
    let (m, rows) = score::evaluate(&truth, &pred);
    let pm = &py["metrics"];
    for (name, ours) in [
        ("f1", m.f1),
        ("precision", m.precision),
        ("recall", m.recall),
        ("accuracy", m.accuracy),
        ("mean_page_f1", m.mean_page_f1),
    ] {
        let theirs = pm[name].as_f64().unwrap();
        assert!((ours - theirs).abs() < 5e-4, "{name}: rust {ours:.6} python {theirs:.6}");
    }
    assert_eq!(pm["pages"].as_u64().unwrap() as usize, m.pages);
    assert_eq!(pm["empty_predictions"].as_u64().unwrap() as usize, m.empty_predictions);
    let py_pages = py["pages"].as_array().unwrap();
    assert_eq!(py_pages.len(), rows.len());
    for (p, r) in py_pages.iter().zip(&rows) {
        assert_eq!(p["id"].as_str().unwrap(), r.id);
        // Token counts exactly: this is where a `\w` mismatch would show.
        assert_eq!(p["true_tokens"].as_u64().unwrap() as usize, r.true_tokens, "true tokens of {}", r.id);
        assert_eq!(p["pred_tokens"].as_u64().unwrap() as usize, r.pred_tokens, "pred tokens of {}", r.id);
        assert_eq!(p["exact"].as_bool().unwrap(), r.exact, "exact of {}", r.id);
        for (k, v) in [("p", r.p), ("r", r.r), ("f1", r.f1)] {
            let theirs = p[k].as_f64().unwrap();
            assert!((v - theirs).abs() < 5e-4, "{} {k}: rust {v} python {theirs}", r.id);
        }
    }
    pm.clone()
}

/// Text that Python's `\w` and Rust's `is_alphanumeric` split differently.
const TRICKY: &str = "हिन्दी भाषा (Devanagari), বাংলা, தமிழ், שָׁלוֹם, عَرَبِيّ, cafe\u{301} \
                      Ⓐbc ⓩ ①② ²³ Ⅻ snake_case_word 42_000 日本語のテキスト 한국어 ﬁx ǅ";

#[test]
fn python_and_rust_agree_on_perturbed_predictions() {
    if let Some(why) = skip_reason() {
        println!("skipped: {why}");
        return;
    }
    let truth: BTreeMap<String, String> = serde_json::from_str(
        &std::fs::read_to_string(shared().join("eval/truth/readability.json")).unwrap(),
    )
    .unwrap();
    let mut truth: BTreeMap<String, String> = truth.into_iter().step_by(3).collect();
    truth.insert("zz-tricky".into(), format!("{TRICKY}\n{TRICKY} end of the article."));
    truth.insert("zz-tricky-short".into(), "Ⓐ हि".into());
    truth.insert("zz-empty-truth".into(), String::new());
    truth.insert("zz-both-empty".into(), "— …".into());

    let work = tempdir("perturbed");
    let pred_dir = work.0.join("pred");
    std::fs::create_dir_all(&pred_dir).unwrap();
    for (i, (id, text)) in truth.iter().enumerate() {
        let lines: Vec<&str> = text.lines().collect();
        let pred = match (id.as_str(), i % 8) {
            ("zz-tricky", _) => format!("{TRICKY}\nsome junk"),
            ("zz-tricky-short", _) => "Ⓐ हि".to_string(),
            ("zz-empty-truth", _) => "cookie banner text here".to_string(),
            ("zz-both-empty", _) => String::new(),
            (_, 0) => text.clone(),
            (_, 1) => lines[..lines.len() / 2].join("\n"),
            (_, 2) => format!("Accept all cookies\n{text}\nRelated stories: {TRICKY}"),
            (_, 3) => lines.iter().rev().copied().collect::<Vec<_>>().join("\n"),
            (_, 4) => String::new(),
            (_, 5) => continue, // missing file = empty prediction
            (_, 6) => text.split(' ').enumerate().filter(|(k, _)| k % 3 != 0).map(|(_, w)| w).collect::<Vec<_>>().join(" "),
            _ => text.to_uppercase(),
        };
        std::fs::write(pred_dir.join(format!("{id}.txt")), pred).unwrap();
    }
    let truth_path = work.0.join("truth.json");
    std::fs::write(&truth_path, serde_json::to_string(&truth).unwrap()).unwrap();
    let m = check_score(&truth_path, &pred_dir, &work.0);
    // The perturbations must make this a real test, not 1.0 everywhere.
    let f1 = m["f1"].as_f64().unwrap();
    assert!(f1 > 0.2 && f1 < 0.95, "F1 {f1}");
}

/// Parses one junk.json for the Rust scorer.
fn junk_items(raw: &str) -> Vec<score::JunkItem> {
    let v: Value = serde_json::from_str(raw).unwrap();
    let s = |it: &Value, k: &str| it.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    v.as_array()
        .unwrap()
        .iter()
        .map(|it| score::JunkItem {
            kind: s(it, "kind"),
            template: s(it, "template"),
            position: s(it, "position"),
            text: s(it, "text"),
            marker: it.get("marker").and_then(Value::as_str).map(str::to_string),
            marker_in_text: it.get("marker_in_text").and_then(Value::as_bool).unwrap_or(true),
        })
        .collect()
}

/// The number after `key=` (or `key `) in a line of `declutter eval`.
fn field(line: &str, key: &str) -> f64 {
    let i = line.find(key).unwrap_or_else(|| panic!("no {key} in {line:?}")) + key.len();
    let rest = &line[i..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    rest[..end].parse().unwrap_or_else(|_| panic!("bad {key} in {line:?}"))
}

/// A copy of ../shared with every `step`-th page of readability and junk
/// (and their truth), so the debug-build eval stays quick.
fn subset_root(root: &Path, step: usize) -> PathBuf {
    let src = shared();
    let copy = |from: PathBuf, to: PathBuf| {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    };
    copy(src.join("eval/truth/seed.json"), root.join("eval/truth/seed.json"));
    // WCXB: every `2 * step`-th page (html + ground truth), so every page type is in.
    let wcxb_src = src.join("corpus/wcxb/dev");
    let mut ids: Vec<String> = std::fs::read_dir(wcxb_src.join("ground-truth"))
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    ids.sort();
    for id in ids.iter().step_by(step * 2) {
        for f in [format!("html/{id}.html.gz"), format!("ground-truth/{id}.json")] {
            copy(wcxb_src.join(&f), root.join("corpus/wcxb/dev").join(&f));
        }
    }
    copy(src.join("corpus/seed/page.html"), root.join("corpus/seed/page.html"));
    for (corpus, files, truth) in [
        ("readability", &["source.html"][..], "eval/truth/readability.json"),
        ("junk", &["page.html", "junk.json"][..], "corpus/junk/truth.json"),
    ] {
        let all: BTreeMap<String, String> =
            serde_json::from_str(&std::fs::read_to_string(src.join(truth)).unwrap()).unwrap();
        // The wikipedia sources carry Indic and Thaana combining marks (where
        // Python's `\w` and Rust's `is_alphanumeric` differ) in their language
        // lists: include them in case a cleaner keeps such text. The perturbed
        // test above feeds those characters for certain.
        let ids: Vec<&String> = all
            .keys()
            .enumerate()
            .filter(|(i, id)| i % step == 0 || id.starts_with("wikipedia"))
            .map(|(_, id)| id)
            .collect();
        for id in &ids {
            for f in files {
                copy(src.join("corpus").join(corpus).join(id).join(f), root.join("corpus").join(corpus).join(id).join(f));
            }
        }
        let sub: BTreeMap<&String, &String> = ids.iter().map(|id| (*id, &all[*id])).collect();
        std::fs::write(root.join(truth), serde_json::to_string(&sub).unwrap()).unwrap();
    }
    root.to_path_buf()
}

#[test]
fn eval_command_agrees_with_python_scripts() {
    if let Some(why) = skip_reason() {
        println!("skipped: {why}");
        return;
    }
    let work = tempdir("eval");
    let root = subset_root(&work.0.join("root"), 4);
    let out_dir = work.0.join("out");
    let out = Command::new(env!("CARGO_BIN_EXE_declutter"))
        .args(["eval", "--jobs", "2", "--corpus-root"])
        .arg(&root)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "eval failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let line_of = |prefix: &str| {
        stdout.lines().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("no {prefix} line in\n{stdout}"))
    };

    for (corpus, truth) in [
        ("readability", root.join("eval/truth/readability.json")),
        ("seed", root.join("eval/truth/seed.json")),
    ] {
        let dir = work.0.join(corpus);
        std::fs::create_dir_all(&dir).unwrap();
        let m = check_score(&truth, &out_dir.join(corpus), &dir);
        let line = line_of(&format!("{corpus} "));
        for (key, name) in [("F1=", "f1"), (" P=", "precision"), (" R=", "recall")] {
            let printed = field(line, key);
            let py = m[name].as_f64().unwrap();
            assert!((printed - py).abs() < 0.0015, "{corpus} {name}: printed {printed} python {py:.4}");
        }
        assert_eq!(field(line, "pages=") as u64, m["pages"].as_u64().unwrap());
    }

    // WCXB: score_wcxb.py on the predictions eval wrote, against its printed lines.
    let wcxb_dir = root.join("corpus/wcxb/dev");
    let py = check_wcxb(&wcxb_dir, &out_dir.join("wcxb"), &work.0);
    let line = line_of("wcxb ");
    let pm = &py["metrics"];
    assert_eq!(field(line, "pages=") as u64, pm["n"].as_u64().unwrap());
    for (key, name) in [("F1=", "f1"), (" P=", "p"), (" R=", "r"), (" with=", "with"), (" without=", "without")] {
        let (printed, theirs) = (field(line, key), pm[name].as_f64().unwrap());
        assert!((printed - theirs).abs() < 0.0015, "wcxb {name}: printed {printed} python {theirs:.4}");
    }
    for (ty, m) in py["by_type"].as_object().unwrap() {
        let l = stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("type={ty} ")))
            .unwrap_or_else(|| panic!("no type={ty} line in\n{stdout}"));
        assert_eq!(field(l, "pages=") as u64, m["n"].as_u64().unwrap(), "{ty}");
        let (printed, theirs) = (field(l, "F1="), m["f1"].as_f64().unwrap());
        assert!((printed - theirs).abs() < 0.0015, "wcxb {ty}: printed {printed} python {theirs:.4}");
    }
    assert!(py["by_type"].as_object().unwrap().len() >= 5, "the subset should span the page types: {py}");

    // Junk: removal rates of score_junk.py, from the printed lines and from score.rs.
    let corpus = root.join("corpus/junk");
    let json = work.0.join("junk.json");
    let py = python(&[
        shared().join("eval/score_junk.py").to_str().unwrap(),
        "--corpus",
        corpus.to_str().unwrap(),
        "--pred",
        out_dir.join("junk").to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--n-bootstrap",
        "0",
        "--worst",
        "0",
    ]);
    let pm = &py["metrics"];
    let mut junk = BTreeMap::new();
    let mut pred = HashMap::new();
    for entry in std::fs::read_dir(&corpus).unwrap().flatten() {
        let f = entry.path().join("junk.json");
        if let Ok(raw) = std::fs::read_to_string(&f) {
            let id = entry.file_name().to_str().unwrap().to_string();
            if let Ok(t) = std::fs::read_to_string(out_dir.join("junk").join(format!("{id}.txt"))) {
                pred.insert(id.clone(), t);
            }
            junk.insert(id, junk_items(&raw));
        }
    }
    let rows = score::score_junk(&junk, &pred, score::JUNK_THRESHOLD);
    let s = score::summarize_junk(&rows);
    let removed_line = stdout.lines().find(|l| l.trim_start().starts_with("removed")).expect("removed line");
    for (kind, rate) in s.kinds.iter().map(|(k, r)| (*k, r)).chain([("all", &s.all)]) {
        let p = &pm[kind];
        assert_eq!(p["items"].as_u64().unwrap() as usize, rate.items, "{kind} items");
        assert_eq!(p["removed"].as_u64().unwrap() as usize, rate.removed, "{kind} removed");
        let (ours, theirs) = (rate.removal.unwrap(), p["removal"].as_f64().unwrap());
        assert!((ours - theirs).abs() < 5e-4, "{kind}: rust {ours} python {theirs}");
        let printed = field(removed_line, &format!(" {kind} "));
        assert!((printed - theirs).abs() < 0.0015, "{kind}: printed {printed} python {theirs}");
    }
    assert_eq!(pm["clean_pages"].as_u64().unwrap() as usize, s.clean_pages);
    assert_eq!(pm["marker_leaks"].as_u64().unwrap() as usize, s.marker_leaks);
    assert_eq!(pm["untestable_items"].as_u64().unwrap() as usize, s.untestable_items);
    // Per item: the share of 4-grams present (Python rounds it to 4 places).
    let py_pages = py["pages"].as_array().unwrap();
    assert_eq!(py_pages.len(), rows.len());
    for (pp, r) in py_pages.iter().zip(&rows) {
        assert_eq!(pp["id"].as_str().unwrap(), r.id);
        for (pi, ri) in pp["items"].as_array().unwrap().iter().zip(&r.items) {
            assert_eq!(pi["testable"].as_bool().unwrap(), ri.testable);
            if ri.testable {
                assert_eq!(pi["removed"].as_bool().unwrap(), ri.removed, "{}: {}", r.id, ri.label);
                assert!((pi["present"].as_f64().unwrap() - ri.present).abs() < 1e-4);
            }
        }
    }
    let line = line_of("junk ");
    let art = &pm["article"];
    for (key, name) in [("F1=", "f1"), (" P=", "precision"), (" R=", "recall")] {
        let printed = field(line, key);
        let theirs = art[name].as_f64().unwrap();
        assert!((printed - theirs).abs() < 0.0015, "junk article {name}: printed {printed} python {theirs:.4}");
    }
}

/// Runs score_wcxb.py on `pred_dir` and checks `wcxb::evaluate` on the same
/// files against it: every page's P/R/F1 and the means overall and per
/// type. Returns Python's JSON.
fn check_wcxb(split: &Path, pred_dir: &Path, work: &Path) -> Value {
    let json = work.join("wcxb.json");
    let py = python(&[
        shared().join("eval/score_wcxb.py").to_str().unwrap(),
        "--corpus",
        split.to_str().unwrap(),
        "--pred",
        pred_dir.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    let mut truth = BTreeMap::new();
    for e in std::fs::read_dir(split.join("ground-truth")).unwrap().flatten() {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap()).unwrap();
        // score_wcxb.py: `data.get("ground_truth") or {}`, skipped unless a dict.
        let gt = &v["ground_truth"];
        if !(gt.is_object() || gt.is_null()) {
            continue;
        }
        let pt = &v["_internal"]["page_type"];
        let ty = pt.get("primary").and_then(Value::as_str).or(pt.as_str()).unwrap_or("article");
        let list = |k: &str| -> Vec<String> {
            gt[k].as_array().map_or_else(Vec::new, |a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
        };
        let id = e.path().file_stem().unwrap().to_str().unwrap().to_string();
        truth.insert(
            id,
            wcxb::Truth {
                main_content: gt["main_content"].as_str().unwrap_or("").to_string(),
                page_type: wcxb::normalize_type(ty),
                with: list("with"),
                without: list("without"),
            },
        );
    }
    let mut pred = HashMap::new();
    for id in truth.keys() {
        if let Ok(t) = std::fs::read_to_string(pred_dir.join(format!("{id}.txt"))) {
            pred.insert(id.clone(), t);
        }
    }
    let r = wcxb::evaluate(&truth, &pred);
    let pages = py["pages"].as_array().unwrap();
    assert_eq!(pages.len(), r.rows.len());
    for (pp, row) in pages.iter().zip(&r.rows) {
        assert_eq!(pp["id"].as_str().unwrap(), row.id);
        assert_eq!(pp["type"].as_str().unwrap(), row.page_type, "{}", row.id);
        for (k, ours) in [("p", row.p), ("r", row.r), ("f1", row.f1), ("with", row.with), ("without", row.without)] {
            let theirs = pp[k].as_f64().unwrap();
            assert!((ours - theirs).abs() < 1e-9, "{} {k}: rust {ours} python {theirs}", row.id);
        }
    }
    let m = &py["metrics"];
    assert_eq!(m["n"].as_u64().unwrap() as usize, r.total.n);
    for (k, ours) in [("f1", r.total.f1), ("p", r.total.p), ("r", r.total.r)] {
        assert!((ours - m[k].as_f64().unwrap()).abs() < 5e-4, "total {k}");
    }
    let by = py["by_type"].as_object().unwrap();
    assert_eq!(by.len(), r.by_type.len());
    for (ty, a) in &r.by_type {
        assert_eq!(by[ty]["n"].as_u64().unwrap() as usize, a.n, "{ty}");
        assert!((by[ty]["f1"].as_f64().unwrap() - a.f1).abs() < 5e-4, "{ty}");
    }
    py
}

#[test]
fn wcxb_scorer_agrees_with_python_on_perturbed_predictions() {
    if let Some(why) = skip_reason() {
        println!("skipped: {why}");
        return;
    }
    let src = shared().join("corpus/wcxb/dev/ground-truth");
    let work = tempdir("wcxb-perturbed");
    let split = work.0.join("split");
    let gt_dir = split.join("ground-truth");
    std::fs::create_dir_all(&gt_dir).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&src).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    let mut texts = BTreeMap::new();
    for f in files.iter().step_by(9) {
        let id = f.file_stem().unwrap().to_str().unwrap().to_string();
        let raw = std::fs::read_to_string(f).unwrap();
        std::fs::write(gt_dir.join(format!("{id}.json")), &raw).unwrap();
        let v: Value = serde_json::from_str(&raw).unwrap();
        texts.insert(id, v["ground_truth"]["main_content"].as_str().unwrap_or("").to_string());
    }
    // Hand-made pages: the published "category" type, a string page type, an
    // empty truth, no ground_truth object, and case folding beyond ASCII
    // (final sigma, dotted I, sharp s, combining marks).
    let made = [
        ("zz-category", r#"{"_internal": {"page_type": {"primary": "category"}}, "ground_truth": {"main_content": "ΟΔΟΣ İstanbul STRASSE straße Ⓐ हिन्दी", "with": ["İstanbul"], "without": ["menu"]}}"#),
        ("zz-string-type", r#"{"_internal": {"page_type": "forum"}, "ground_truth": {"main_content": "post one by alice; post two by bob"}}"#),
        ("zz-empty-truth", r#"{"ground_truth": {"main_content": ""}}"#),
        ("zz-no-truth", r#"{"ground_truth": null}"#),
    ];
    for (id, raw) in made {
        std::fs::write(gt_dir.join(format!("{id}.json")), raw).unwrap();
    }
    texts.insert("zz-category".into(), "οδος i̇stanbul strasse STRASSE Ⓐ हिन्दी".into());
    texts.insert("zz-string-type".into(), "post one by alice".into());
    texts.insert("zz-empty-truth".into(), String::new());
    let pred_dir = work.0.join("pred");
    std::fs::create_dir_all(&pred_dir).unwrap();
    for (i, (id, text)) in texts.iter().enumerate() {
        let words: Vec<&str> = text.split_whitespace().collect();
        let pred = match (id.starts_with("zz-"), i % 7) {
            (true, _) => text.clone(),
            (_, 0) => text.clone(),
            (_, 1) => words[..words.len() / 2].join(" "),
            (_, 2) => format!("Menu Home About Cookies\n{text}\nRelated: {TRICKY}"),
            (_, 3) => text.to_uppercase(),
            (_, 4) => " \n\t".to_string(),
            (_, 5) => continue, // missing file = empty prediction
            _ => words.iter().rev().step_by(2).copied().collect::<Vec<_>>().join(" "),
        };
        std::fs::write(pred_dir.join(format!("{id}.txt")), pred).unwrap();
    }
    let py = check_wcxb(&split, &pred_dir, &work.0);
    let f1 = py["metrics"]["f1"].as_f64().unwrap();
    assert!(f1 > 0.2 && f1 < 0.95, "the perturbations must make this a real test: F1 {f1}");
    assert_eq!(py["by_type"]["collection"]["n"].as_u64(), Some(1 + py["pages"].as_array().unwrap().iter().filter(|p| p["type"] == "collection" && p["id"] != "zz-category").count() as u64));
}
