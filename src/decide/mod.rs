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
#[cfg(feature = "cli")]
pub(crate) mod prune;
#[cfg(test)]
mod tests;

pub(crate) use plan::{Drop, Drops, Plan};

use crate::article::PageType;
use crate::doc::{Doc, FastMap, NONE};
use crate::html::tags::Tag;
use crate::rules as R;
use crate::Options;
use agg::aggregate;
use attempt::{attempt, broad_attempt};
use junk::mark_junk;

/// Which of Readability's flags are on for one attempt.
#[derive(Clone, Copy)]
struct Attempt {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
    /// Hidden elements go (off only for the last fallback: a page whose
    /// whole text sits in a collapsed or not-yet-revealed block).
    drop_hidden: bool,
}


/// Picks the article and marks junk. Readability's retry loop first (see
/// [`readability`]); then, when its choice keeps only a small part of
/// the page's main region minus junk (a listing, a service page, a
/// thread: many blocks, not one story) or nothing at all, the broad
/// extraction instead.
pub(crate) fn decide(doc: &Doc, o: &Options) -> Plan {
    // The page's metadata, computed once (JSON-LD parsed once) and carried
    // in the plan for pass 2.
    let meta = crate::meta::page_meta(doc);
    let title = crate::meta::article_title(doc, &meta);
    // Junk marks do not depend on the attempt's flags: compute them once.
    let n = doc.els.len();
    let (junk, raw_text, live_text) = {
        let raw = aggregate(&doc.els, &vec![false; n]);
        let raw_text: Vec<u32> = raw.iter().map(|a| a.text).collect();
        let mut junk = Drops::new(n);
        let live = mark_junk(doc, o, raw, meta.stated_type, &mut junk);
        (junk, raw_text, live)
    };
    let (len, plan) = readability(doc, o, &title, &junk, &raw_text);
    // The broad extraction keeps at most the text junk marking left: when
    // Readability's choice already holds enough of that, skip it.
    // A page that says it is one story (JSON-LD article, not a forum or
    // documentation) keeps Readability's choice unless that is empty.
    let story = meta.stated_type == Some(PageType::Article);
    let story = story || len >= R::BROAD_MAX_STORY_CHARS;
    let could_switch = (len as usize) < o.char_threshold || (!story && live_text.is_none_or(|t| (len as f32) < t as f32 * R::BROAD_SWITCH_SHARE));
    let (plan, broad, kept) = if could_switch {
        let (blen, bplan) = broad_attempt(doc, &title, &junk, &raw_text, true);
        let failed = (len as usize) < o.char_threshold && blen > len;
        if blen > 0 && (failed || (len as f32) < blen as f32 * R::BROAD_SWITCH_SHARE) { (bplan, true, blen) } else { (plan, false, len) }
    } else {
        (plan, false, len)
    };
    // Last in the chain: nothing survived the junk marks (a page whose
    // every block carries a junk-looking class): the body minus hidden and
    // invisible elements and chrome tags, without the class/id rules;
    // then the same with hidden blocks kept (a page whose text is all in
    // a collapsed panel).
    let (mut plan, mut broad) = (plan, broad);
    if kept == 0 {
        if let Some(p) = unfiltered(doc, &title, &raw_text) {
            (plan, broad) = (p, true);
        }
    }
    let page_type = meta.stated_type.unwrap_or_else(|| shape_type(doc, &plan, broad));
    Plan { meta, page_type, ..plan }
}

/// The body minus hidden and invisible elements and chrome tags, without
/// the class/id rules; else the same with hidden blocks kept (a page whose
/// text is all in a collapsed panel). `None` when even that keeps nothing.
fn unfiltered(doc: &Doc, title: &str, raw_text: &[u32]) -> Option<Plan> {
    [true, false].into_iter().find_map(|drop_hidden| {
        let (len, plan) = broad_attempt(doc, title, &Drops::new(doc.els.len()), raw_text, drop_hidden);
        (len > 0).then_some(plan)
    })
}

/// The last step of the never-empty chain, for a page whose chosen plan
/// wrote no text although the page shows some (every block it kept was
/// emptied by the later sweeps): [`unfiltered`]'s plan.
pub(crate) fn last_resort(doc: &Doc) -> Option<Plan> {
    let meta = crate::meta::page_meta(doc);
    let title = crate::meta::article_title(doc, &meta);
    let raw_text: Vec<u32> = aggregate(&doc.els, &vec![false; doc.els.len()]).iter().map(|a| a.text).collect();
    let plan = unfiltered(doc, &title, &raw_text)?;
    let page_type = meta.stated_type.unwrap_or(PageType::Service);
    Some(Plan { meta, page_type, ..plan })
}

/// Readability's retry loop: the attempts relax its flags one by one
/// until the kept text reaches `char_threshold`; else the longest result
/// wins. Returns the kept text length and the plan.
fn readability(doc: &Doc, o: &Options, title: &str, junk: &Drops, raw_text: &[u32]) -> (u32, Plan) {
    let attempts = [
        Attempt { strip_unlikely: true, weight_classes: true, clean_conditionally: true, drop_hidden: true },
        Attempt { strip_unlikely: false, weight_classes: true, clean_conditionally: true, drop_hidden: true },
        Attempt { strip_unlikely: false, weight_classes: false, clean_conditionally: true, drop_hidden: true },
        Attempt { strip_unlikely: false, weight_classes: false, clean_conditionally: false, drop_hidden: true },
    ];
    let mut best: Option<(u32, Plan)> = None;
    for at in attempts {
        let (len, plan) = attempt(doc, at, title, junk, raw_text);
        if len as usize >= o.char_threshold {
            return (len, plan);
        }
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, plan));
        }
    }
    best.unwrap_or_else(|| attempt(doc, attempts[0], title, junk, raw_text))
}

/// The page type from the shape of what was kept, for a page that states
/// none: many same-class sibling blocks holding most of the text are a
/// listing; several code blocks in one story are documentation; a broad
/// extraction of anything else is a service page (sections); else an
/// article.
fn shape_type(doc: &Doc, plan: &Plan, broad: bool) -> PageType {
    let els = &doc.els;
    let n = els.len();
    let mut region = vec![false; n];
    let (mut total, mut pre) = (0u32, 0u32);
    let mut groups: FastMap<(u32, u32), (u32, u32)> = FastMap::default();
    for i in 0..n {
        let p = els[i].parent;
        let inherited = p != NONE && region[p as usize];
        region[i] = (plan.keep_top[i] || inherited) && plan.drop[i].is_none();
        if !region[i] {
            continue;
        }
        if plan.keep_top[i] {
            total += plan.raw_text[i];
        }
        pre += u32::from(els[i].tag == Tag::PRE);
        if inherited && els[i].class_hash != 0 {
            let g = groups.entry((p, els[i].class_hash)).or_default();
            g.0 += 1;
            g.1 += plan.raw_text[i];
        }
    }
    let listing = groups
        .values()
        .any(|&(count, text)| count >= R::LISTING_MIN_ITEMS && text as f32 >= total as f32 * R::LISTING_MIN_TEXT_SHARE);
    if listing {
        PageType::Listing
    } else if pre >= R::DOC_MIN_PRE_BLOCKS && !broad {
        PageType::Documentation
    } else if broad {
        PageType::Service
    } else {
        PageType::Article
    }
}
