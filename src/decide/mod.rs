//! Decide: from pass-1 statistics, pick the article and mark junk.
//!
//! The scoring follows Readability.js (our dev-set truth is its output and
//! the web is tuned to it), but on statistics instead of a mutable DOM:
//! "remove a node" is a mark plus subtracting its totals from its
//! ancestors. On top of it come the junk rules Readability lacks (consent
//! banners, ad labels, rating/newsletter widgets, link lists), each removal
//! with a category and a reason.

mod agg;
mod attempt;
mod conditional;
mod junk;
mod plan;
#[cfg(test)]
mod tests;

pub(crate) use plan::{Drop, Drops, Plan};

use crate::doc::Doc;
use crate::Options;
use agg::aggregate;
use attempt::attempt;
use junk::mark_junk;

/// Which of Readability's flags are on for one attempt.
#[derive(Clone, Copy)]
struct Attempt {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}


/// Picks the article and marks junk. Readability's retry loop: the
/// attempts relax its flags one by one until the kept text reaches
/// `char_threshold`; else the longest result wins.
pub(crate) fn decide(doc: &Doc, o: &Options) -> Plan {
    // The page's metadata, computed once (JSON-LD parsed once) and carried
    // in the plan for pass 2.
    let meta = crate::meta::page_meta(doc);
    let title = crate::meta::article_title(doc, &meta);
    let attempts = [
        Attempt { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Attempt { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Attempt { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Attempt { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    // Junk marks do not depend on the attempt's flags: compute them once.
    let n = doc.els.len();
    let (junk, raw_text) = {
        let raw = aggregate(&doc.els, &vec![false; n]);
        let raw_text: Vec<u32> = raw.iter().map(|a| a.text).collect();
        let mut junk = Drops::new(n);
        mark_junk(doc, o, raw, &mut junk);
        (junk, raw_text)
    };
    let mut best: Option<(u32, Plan)> = None;
    for at in attempts {
        let (len, plan) = attempt(doc, at, &title, &junk, &raw_text);
        if len as usize >= o.char_threshold {
            return Plan { meta, ..plan };
        }
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, plan));
        }
    }
    let plan = best.map(|(_, p)| p).unwrap_or_else(|| attempt(doc, attempts[0], &title, &junk, &raw_text).1);
    Plan { meta, ..plan }
}
