//! The WCXB benchmark's metric, as `../shared/eval/score_wcxb.py`
//! implements it (the benchmark's own evaluate.py), re-implemented in Rust:
//! per page, the lowercased `\w+` tokens of prediction and truth as bags of
//! words; P = overlap / predicted tokens, R = overlap / truth tokens, F1;
//! then the plain mean over pages, overall and per page type. A page without
//! a prediction counts as an empty one. Also the share of `with` / `without`
//! snippets found in the prediction (substring, case-insensitive).
//!
//! std only and crate::score (the truth files are parsed in eval.rs), so that
//! `tests/score_agrees.rs` can include this file and check it against the
//! script on the same predictions.

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

// The tokenizer of score.rs (Python's `\w`); an includer of this file
// (tests/score_agrees.rs) includes score.rs as `score` too.
use crate::score::tokenize;

/// The page types of the benchmark, in the script's print order.
pub const TYPES: [&str; 7] = ["article", "forum", "product", "collection", "listing", "documentation", "service"];

/// One page's truth.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    pub main_content: String,
    /// Page type; the published "category" is scored as "collection".
    pub page_type: String,
    pub with: Vec<String>,
    pub without: Vec<String>,
}

/// Maps a published page type to the script's name for it.
pub fn normalize_type(t: &str) -> String {
    if t == "category" {
        "collection".into()
    } else {
        t.to_string()
    }
}

/// Python `str.lower()` then `re.findall(r"\w+")`. `char::to_lowercase`
/// follows the same Unicode tables (final sigma aside, which only changes
/// a letter into another letter, never a token boundary).
fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    tokenize(&lower).into_iter().map(str::to_string).collect()
}

/// (P, R, F1) of one page, exactly `word_prf` of the script: an empty truth
/// scores 1 for an empty prediction and 0 otherwise.
pub fn word_prf(pred: &str, truth: &str) -> (f64, f64, f64) {
    let p_tok = tokens(pred);
    let r_tok = tokens(truth);
    if r_tok.is_empty() {
        return if p_tok.is_empty() { (1.0, 1.0, 1.0) } else { (0.0, 0.0, 0.0) };
    }
    if p_tok.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut bag: HashMap<&str, i64> = HashMap::new();
    for t in &r_tok {
        *bag.entry(t).or_default() += 1;
    }
    let mut overlap = 0usize;
    for t in &p_tok {
        if let Some(c) = bag.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    let p = overlap as f64 / p_tok.len() as f64;
    let r = overlap as f64 / r_tok.len() as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Share of `snippets` found in `text` (case-insensitive substring); 1 for none.
pub fn snippet_rate(text: &str, snippets: &[String]) -> f64 {
    if snippets.is_empty() {
        return 1.0;
    }
    let t = text.to_lowercase();
    snippets.iter().filter(|s| t.contains(&s.to_lowercase())).count() as f64 / snippets.len() as f64
}

/// One scored page.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub page_type: String,
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub with: f64,
    pub without: f64,
}

/// Means over a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Agg {
    pub n: usize,
    pub f1: f64,
    pub p: f64,
    pub r: f64,
    pub with: f64,
    pub without: f64,
}

fn agg(rows: &[&Row]) -> Agg {
    let n = rows.len();
    if n == 0 {
        return Agg::default();
    }
    let mean = |f: fn(&Row) -> f64| rows.iter().map(|r| f(r)).sum::<f64>() / n as f64;
    Agg { n, f1: mean(|r| r.f1), p: mean(|r| r.p), r: mean(|r| r.r), with: mean(|r| r.with), without: mean(|r| r.without) }
}

/// The whole evaluation.
#[derive(Debug, Clone)]
pub struct Report {
    pub total: Agg,
    /// Per type, in the script's order (known types first, then the others sorted).
    pub by_type: Vec<(String, Agg)>,
    pub rows: Vec<Row>,
    /// Predictions that are empty or whitespace only (missing ones included).
    pub empty: usize,
    /// Pages without a prediction.
    pub missing: usize,
}

/// Scores `pred` (id -> text) against `truth`, like the script's `main`.
pub fn evaluate(truth: &BTreeMap<String, Truth>, pred: &HashMap<String, String>) -> Report {
    let (mut rows, mut missing, mut empty) = (Vec::with_capacity(truth.len()), 0, 0);
    for (id, t) in truth {
        let p = match pred.get(id) {
            Some(p) => p.as_str(),
            None => {
                missing += 1;
                ""
            }
        };
        if p.trim().is_empty() {
            empty += 1;
        }
        let (pp, rr, f1) = word_prf(p, &t.main_content);
        rows.push(Row {
            id: id.clone(),
            page_type: t.page_type.clone(),
            p: pp,
            r: rr,
            f1,
            with: snippet_rate(p, &t.with),
            without: snippet_rate(p, &t.without),
        });
    }
    let all: Vec<&Row> = rows.iter().collect();
    let total = agg(&all);
    let mut others: Vec<&str> =
        rows.iter().map(|r| r.page_type.as_str()).filter(|t| !TYPES.contains(t)).collect();
    others.sort_unstable();
    others.dedup();
    let by_type = TYPES
        .iter()
        .copied()
        .chain(others)
        .filter_map(|t| {
            let rs: Vec<&Row> = rows.iter().filter(|r| r.page_type == t).collect();
            (!rs.is_empty()).then(|| (t.to_string(), agg(&rs)))
        })
        .collect();
    Report { total, by_type, rows, empty, missing }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_of_words() {
        assert_eq!(word_prf("", ""), (1.0, 1.0, 1.0));
        assert_eq!(word_prf("x", ""), (0.0, 0.0, 0.0));
        assert_eq!(word_prf("", "x"), (0.0, 0.0, 0.0));
        // Case-folded, punctuation ignored, order ignored, counts capped by truth.
        let (p, r, f) = word_prf("The the cat, sat!", "the CAT sat on the mat");
        assert_eq!((p, r), (1.0, 4.0 / 6.0));
        assert!((f - 0.8).abs() < 1e-12);
        let (p, _, _) = word_prf("a a a a", "a b");
        assert_eq!(p, 0.25);
    }

    #[test]
    fn evaluate_means_per_type() {
        let mut truth = BTreeMap::new();
        let t = |c: &str, ty: &str| Truth {
            main_content: c.into(),
            page_type: ty.into(),
            with: vec!["Cat sat".into()],
            without: vec!["menu".into()],
        };
        truth.insert("1".to_string(), t("cat sat", "article"));
        truth.insert("2".to_string(), t("dog ran", "forum"));
        truth.insert("3".to_string(), t("x", "zzz"));
        let pred = HashMap::from([("1".to_string(), "the cat sat".to_string()), ("3".to_string(), " \n".to_string())]);
        let r = evaluate(&truth, &pred);
        assert_eq!((r.missing, r.empty, r.total.n), (1, 2, 3));
        assert!((r.total.f1 - 0.8 / 3.0).abs() < 1e-12, "{}", r.total.f1);
        let names: Vec<&str> = r.by_type.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["article", "forum", "zzz"]);
        assert_eq!(r.rows[0].with, 1.0);
        assert_eq!(r.rows[1].with, 0.0);
    }
}
