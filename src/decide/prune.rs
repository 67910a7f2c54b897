//! Shallow per-block features of decide's kept region, for the learned
//! pruning experiment (`scripts/train_prune.py`, issue 12): text and link
//! density of a block and its parent, its share and position in the kept
//! region (by text and by prose), tag, class/id signals, same-class
//! siblings, page type.
//!
//! Not part of the cleaner: a gradient-boosted model over these features
//! (60 trees of depth 3, ~900 nodes), cross-validated by domain on the
//! WCXB dev pages, gained +0.0018 held-out page F1 over the rules of
//! 8cdb58e (+0.0009 in the real pipeline) and -0.0005 over those of
//! 2feee2b, for ~7 KiB of gzipped trees in the wasm: not shipped
//! (BENCHMARKS.md, "A learned pruning step"). This module and
//! `debug_blocks` are in the CLI build only, so the experiment can be
//! rerun as the rules change.

use super::plan::Plan;
use crate::article::{Category, PageType};
use crate::doc::{flag, Doc, NONE};
use crate::html::tags::Tag;
use crate::rules as R;

/// Number of features per block.
pub(crate) const NF: usize = 47;

/// The feature names (same order as [`features`] fills them).
pub(crate) const NAMES: [&str; NF] = [
    "ln text", "ln own text", "link density", "commas per char", "share of region",
    "share of parent", "position", "end position", "depth below root", "prose share",
    "heading share", "ln items", "ln images", "ln paragraphs", "ln children", "class weight",
    "junk token", "consent token", "ad token", "share token", "newsletter token", "rating token",
    "comment token", "nav token", "related token", "chrome token", "unlikely class", "chrome role",
    "button", "dialog", "sentence", "in table", "article body", "ln inputs", "parent link density",
    "parent ln text", "tag p", "tag li", "tag list", "tag heading", "tag table part",
    "tag section", "tag chrome", "page type", "ln same-class siblings", "prose before",
    "prose after",
];

/// Kept region of a plan: element `i` is written by pass 2 (before its
/// own sweeps) when it or an ancestor starts a kept block and neither it
/// nor an ancestor is dropped.
pub(crate) fn live(doc: &Doc, plan: &Plan) -> Vec<bool> {
    let n = doc.els.len();
    let mut live = vec![false; n];
    for i in 0..n {
        let p = doc.els[i].parent;
        let inherited = p != NONE && live[p as usize];
        live[i] = (plan.keep_top[i] || inherited) && plan.drop[i].is_none();
    }
    live
}

/// Whether element `i` is a row for the model: a line-breaking block
/// with text, not the region's root or above it.
fn candidate(doc: &Doc, plan: &Plan, live: &[bool], i: usize, text: u32) -> bool {
    let e = &doc.els[i];
    live[i]
        && text > 0
        && !plan.keep_top[i]
        && e.tag.breaks_line()
        && !matches!(e.tag, Tag::BODY | Tag::HTML | Tag::MAIN | Tag::BR | Tag::HR)
}

/// Per-element totals over the kept region.
struct Tot {
    text: u32,
    link: u32,
    commas: u32,
    ptext: u32,
    heading: u32,
    items: u32,
    images: u32,
    paragraphs: u32,
    children: u32,
    inputs: u32,
}

/// The feature vectors of every candidate block of the kept region, in
/// document order: `(ordinal, features)`.
pub(crate) fn features(doc: &Doc, plan: &Plan, live: &[bool]) -> Vec<(usize, [f32; NF])> {
    let els = &doc.els;
    let n = els.len();
    let mut t: Vec<Tot> = (0..n)
        .map(|_| Tot { text: 0, link: 0, commas: 0, ptext: 0, heading: 0, items: 0, images: 0, paragraphs: 0, children: 0, inputs: 0 })
        .collect();
    for i in (0..n).rev() {
        if !live[i] {
            continue;
        }
        let e = &els[i];
        let a = &mut t[i];
        a.text += e.own_text;
        if e.flags & flag::IN_LINK != 0 {
            a.link += e.own_text;
        }
        a.commas += e.own_commas;
        match e.tag {
            Tag::LI => a.items += 1,
            Tag::IMG => a.images += 1,
            Tag::INPUT | Tag::SELECT | Tag::TEXTAREA | Tag::BUTTON => a.inputs += 1,
            _ => {}
        }
        let p_like = e.tag == Tag::P || (e.tag == Tag::DIV && e.flags & flag::HAS_BLOCK_CHILD == 0);
        if p_like {
            a.paragraphs += 1;
            if a.link * 2 < a.text {
                a.ptext = a.text;
            }
        }
        if e.tag.is_heading() {
            a.heading = a.text;
        }
        let p = e.parent;
        if p != NONE && live[p as usize] {
            let (text, link, commas, ptext, heading) = (a.text, a.link, a.commas, a.ptext, a.heading);
            let (items, images, paragraphs, inputs) = (a.items, a.images, a.paragraphs, a.inputs);
            let pa = &mut t[p as usize];
            pa.text += text;
            pa.link += link;
            pa.commas += commas;
            pa.ptext += ptext;
            pa.heading += heading;
            pa.items += items;
            pa.images += images;
            pa.paragraphs += paragraphs;
            pa.inputs += inputs;
            pa.children += 1;
        }
    }
    // The region: its roots' text; text before each element in document
    // order (preorder: an element's descendants come after it).
    let region: u32 = (0..n).filter(|&i| plan.keep_top[i] && live[i]).map(|i| t[i].text).sum();
    let region_prose: u32 = (0..n).filter(|&i| plan.keep_top[i] && live[i]).map(|i| t[i].ptext).sum();
    let mut same_class: crate::doc::FastMap<(u32, u32), u32> = Default::default();
    for i in 0..n {
        if live[i] && els[i].class_hash != 0 {
            *same_class.entry((els[i].parent, els[i].class_hash)).or_default() += 1;
        }
    }
    let mut prose_before = 0u32;
    let mut depth_below = vec![0u32; n];
    let mut out = Vec::new();
    let mut before = 0u32;
    let ptype = match plan.page_type {
        PageType::Article => 0.0,
        PageType::Forum => 1.0,
        PageType::Product => 2.0,
        PageType::Collection => 3.0,
        PageType::Listing => 4.0,
        PageType::Documentation => 5.0,
        PageType::Service => 6.0,
    };
    for i in 0..n {
        if !live[i] {
            continue;
        }
        let e = &els[i];
        let p = e.parent;
        if p != NONE && live[p as usize] && !plan.keep_top[i] {
            depth_below[i] = depth_below[p as usize] + 1;
        }
        let a = &t[i];
        if candidate(doc, plan, live, i, a.text) {
            let text = a.text as f32;
            let region_f = region.max(1) as f32;
            let (pt, pl) = if p != NONE { (t[p as usize].text as f32, t[p as usize].link as f32) } else { (text, a.link as f32) };
            let junk = e.junk.map(|j| j.0);
            let is = |c: Category| f32::from(u8::from(junk == Some(c)));
            let fl = |f: u32| f32::from(u8::from(e.flags & f != 0));
            let tag = e.tag;
            let f: [f32; NF] = [
                (1.0 + text).ln(),
                (1.0 + e.own_text as f32).ln(),
                a.link as f32 / text,
                a.commas as f32 / text,
                text / region_f,
                text / pt.max(1.0),
                before as f32 / region_f,
                (before as f32 + text) / region_f,
                depth_below[i] as f32,
                a.ptext as f32 / text,
                a.heading as f32 / text,
                (1.0 + a.items as f32).ln(),
                (1.0 + a.images as f32).ln(),
                (1.0 + a.paragraphs as f32).ln(),
                (1.0 + a.children as f32).ln(),
                f32::from(e.weight) / R::CLASS_WEIGHT,
                f32::from(u8::from(junk.is_some())),
                is(Category::CookieBanner),
                is(Category::Ad),
                is(Category::Share),
                is(Category::Newsletter),
                is(Category::Rating),
                is(Category::Comments),
                is(Category::Navigation),
                is(Category::Related),
                is(Category::HeaderFooter),
                fl(flag::UNLIKELY),
                fl(flag::UNLIKELY_ROLE),
                fl(flag::BUTTON),
                fl(flag::DIALOG),
                fl(flag::SENTENCE),
                fl(flag::IN_TABLE),
                fl(flag::ARTICLE_BODY),
                (1.0 + a.inputs as f32).ln(),
                pl / pt.max(1.0),
                (1.0 + pt).ln(),
                f32::from(u8::from(tag == Tag::P)),
                f32::from(u8::from(matches!(tag, Tag::LI | Tag::DT | Tag::DD))),
                f32::from(u8::from(matches!(tag, Tag::UL | Tag::OL | Tag::DL | Tag::MENU))),
                f32::from(u8::from(tag.is_heading())),
                f32::from(u8::from(matches!(tag, Tag::TABLE | Tag::TBODY | Tag::THEAD | Tag::TFOOT | Tag::TR | Tag::TD | Tag::TH | Tag::CAPTION))),
                f32::from(u8::from(matches!(tag, Tag::SECTION | Tag::ARTICLE | Tag::BLOCKQUOTE | Tag::PRE | Tag::FIGURE | Tag::FIGCAPTION))),
                f32::from(u8::from(matches!(tag, Tag::HEADER | Tag::FOOTER | Tag::ASIDE | Tag::NAV | Tag::FORM | Tag::FIELDSET | Tag::DETAILS | Tag::SUMMARY | Tag::ADDRESS))),
                ptype,
                (same_class.get(&(p, e.class_hash)).copied().unwrap_or(1) as f32).ln(),
                prose_before as f32 / region_prose.max(1) as f32,
                region_prose.saturating_sub(prose_before + a.ptext) as f32 / region_prose.max(1) as f32,
            ];
            out.push((i, f));
        }
        before += e.own_text;
        let p_like = e.tag == Tag::P || (e.tag == Tag::DIV && e.flags & flag::HAS_BLOCK_CHILD == 0);
        if p_like {
            prose_before += a.ptext;
        }
    }
    out
}
