//! One attempt of Readability's `grabArticle` on statistics, phase by
//! phase: pre-scoring removals, paragraph scoring, the choice of the
//! container, its siblings, and `prepArticle`'s clean-up inside it.
//!
//! Each phase is a function of the [`Doc`] and what the phases before it
//! produced; "removing" an element is a mark in `removed` (descendants
//! follow) plus, for totals, a new [`aggregate`].

use super::agg::{aggregate, Agg};
use super::conditional::clean_conditionally;
use super::plan::{drop_of, Drops, Plan};
use super::Attempt;
use crate::article::Category;
use crate::doc::{flag, Doc, El, NONE};
use crate::html::entities::decode;
use crate::html::tags::Tag;
use crate::rules as R;
use crate::text::text_similarity;

/// What survives the pre-scoring removals besides the marks.
#[derive(Default)]
pub(super) struct PreRemoved {
    /// The author line found in the page (removed from content).
    pub byline: Option<String>,
    /// A heading that is the fuller form of the title.
    pub title: Option<String>,
}

/// Runs one attempt; returns the kept text length and the plan.
pub(super) fn attempt(doc: &Doc, at: Attempt, title: &str, junk: &Drops, raw_text: &[u32]) -> (u32, Plan) {
    let els = &doc.els;
    let n = els.len();
    let mut drop = junk.clone();
    let mut removed = vec![false; n];
    let pre = pre_remove(doc, at, title, raw_text, &mut drop, &mut removed);

    let agg = aggregate(els, &removed);
    let transparent = transparent_divs(els, &agg);
    let mut score = score_paragraphs(els, at, &agg, &removed, &transparent);
    let top = rank_candidates(&mut score, &agg, &removed);
    let root = pick_root(els, at, &agg, &removed, &mut score, &top);
    let keep_top = keep_blocks(els, &agg, &removed, &score, root);

    let region = prep_article(els, at, &agg, &keep_top, &mut removed, &mut drop);
    // `removed` now also marks every descendant of a removed element.
    std::mem::drop(agg); // free before the new totals exist (peak memory)
    let mut agg = aggregate(els, &removed);
    if at.clean_conditionally {
        conditional_sweeps(els, at, &mut agg, &keep_top, &region, &mut removed, &mut drop);
    }

    let len: u32 = (0..n).filter(|&i| keep_top[i]).map(|i| agg[i].text).sum();
    let title = pre.title.unwrap_or_else(|| title.to_string());
    (len, Plan { drop, keep_top, root, byline: pre.byline, title, raw_text: raw_text.to_vec(), meta: Default::default(), page_type: Default::default() })
}

/// Pre-scoring removals in document order (descendants of a removed
/// element are implicitly removed): invisible and hidden elements, the
/// byline, unlikely candidates, the heading that repeats the title.
pub(super) fn pre_remove(doc: &Doc, at: Attempt, title: &str, raw_text: &[u32], drop: &mut Drops, removed: &mut [bool]) -> PreRemoved {
    let els = &doc.els;
    let mut out = PreRemoved::default();
    let mut title_removed = false;
    for i in 0..els.len() {
        let e = &els[i];
        let p = e.parent;
        if p != NONE && removed[p as usize] {
            removed[i] = true;
            continue;
        }
        let d = if drop[i].is_some() {
            removed[i] = true;
            continue;
        } else if e.flags & flag::INVISIBLE != 0 && !crate::embed::is_player(e) && e.tag != Tag::HEAD && e.tag != Tag::NOSCRIPT {
            drop_of(Category::NonContent, "script/style/template")
        } else if e.flags & flag::HIDDEN != 0 && e.flags & flag::TAB_PANEL == 0 && at.drop_hidden {
            drop_of(Category::Hidden, "hidden element")
        } else if let Some(b) = out.byline.is_none().then(|| byline_of(doc, i, raw_text)).flatten() {
            out.byline = Some(b);
            drop_of(Category::Boilerplate, "author line (moved to byline)")
        } else if let Some(d) = at.strip_unlikely.then(|| unlikely(e, raw_text[i])).flatten() {
            d
        } else if let Some(fuller) = (!title_removed).then(|| repeats_title(doc, i, title)).flatten() {
            title_removed = true;
            out.title = fuller;
            drop_of(Category::Boilerplate, "heading repeats the title")
        } else {
            None
        };
        if d.is_some() {
            removed[i] = true;
            drop.set(i, d);
        }
    }
    out
}

/// Byline: the first short author-ish element, as text.
fn byline_of(doc: &Doc, i: usize, raw_text: &[u32]) -> Option<String> {
    let e = &doc.els[i];
    if e.flags & flag::BYLINE == 0 || raw_text[i] == 0 || raw_text[i] as usize >= R::BYLINE_MAX_CHARS {
        return None;
    }
    let t = doc.texts.get(&(i as u32))?;
    let t = decode(t).split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty() && t.chars().count() < R::BYLINE_MAX_CHARS).then_some(t)
}

/// Readability's unlikely candidates (class/id) and page-chrome roles.
/// A table is content as its cells are (Readability spares what is inside
/// a table): a class word on a big table itself (`wikitable sortable
/// sticky-header` around 18,000 bytes of laureates) is styling.
fn unlikely(e: &El, text: u32) -> Option<Option<super::Drop>> {
    let big_table = e.tag == Tag::TABLE && text > R::UNLIKELY_TABLE_MAX_CHARS;
    if e.flags & flag::UNLIKELY != 0 && e.flags & (flag::IN_TABLE | flag::IN_CODE) == 0 && e.tag != Tag::ARTICLE && !big_table {
        let cat = e.junk.map_or(Category::Boilerplate, |j| j.0);
        return Some(drop_of(cat, "unlikely candidate (class/id)"));
    }
    if e.flags & flag::UNLIKELY_ROLE != 0 {
        return Some(drop_of(Category::Navigation, "page-chrome role"));
    }
    None
}

/// An `h1`/`h2` that repeats the title: `Some(fuller)` when it does, with
/// the heading itself when it is the fuller title (it only adds to it:
/// `Notes from the newsroom 🎉` vs `Notes from the newsroom`).
fn repeats_title(doc: &Doc, i: usize, title: &str) -> Option<Option<String>> {
    if !matches!(doc.els[i].tag, Tag::H1 | Tag::H2) {
        return None;
    }
    let t = decode(doc.texts.get(&(i as u32))?);
    if text_similarity(title, &t) <= R::TITLE_SIMILARITY {
        return None;
    }
    let heading = t.split_whitespace().collect::<Vec<_>>().join(" ");
    Some((heading.len() > title.len() && heading.contains(title)).then_some(heading))
}

/// Readability replaces a div holding a single `<p>` (and no other text)
/// by that `<p>`: the div is transparent for scoring.
fn transparent_divs(els: &[El], agg: &[Agg]) -> Vec<bool> {
    (0..els.len())
        .map(|i| {
            let e = &els[i];
            e.tag == Tag::DIV
                && agg[i].children == 1
                && agg[i].p_children == 1
                && e.flags & flag::LOOSE_TEXT == 0
                && agg[i].link_density() < R::SINGLE_P_MAX_LINK_DENSITY
        })
        .collect()
}

/// Readability's `_initializeNode`: the tag's base score plus the class
/// weight (when this attempt weighs classes). `NAN` means "not scored yet".
fn init_score(e: &El, at: Attempt, score: &mut f32) {
    if !score.is_nan() {
        return;
    }
    let base = match e.tag {
        Tag::DIV => R::TAG_SCORE_DIV,
        Tag::PRE | Tag::TD | Tag::BLOCKQUOTE => R::TAG_SCORE_CONTENTISH,
        Tag::ADDRESS | Tag::OL | Tag::UL | Tag::DL | Tag::DD | Tag::DT | Tag::LI | Tag::FORM => R::TAG_SCORE_LISTISH,
        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::TH => R::TAG_SCORE_HEADING,
        _ => 0.0,
    };
    let w = if at.weight_classes { e.weight as f32 } else { 0.0 };
    *score = base + w;
}

/// Each paragraph's content score goes to its ancestors, divided by
/// their distance (Readability's main loop).
pub(super) fn score_paragraphs(els: &[El], at: Attempt, agg: &[Agg], removed: &[bool], transparent: &[bool]) -> Vec<f32> {
    let n = els.len();
    let mut score = vec![f32::NAN; n];
    for i in 0..n {
        if removed[i] {
            continue;
        }
        let e = &els[i];
        let scored = e.tag.is_scored() || (e.tag == Tag::DIV && e.flags & flag::HAS_BLOCK_CHILD == 0);
        // A div with blocks *and* loose text: Readability wraps the loose
        // text in a paragraph scored into this div.
        let loose = e.tag == Tag::DIV && e.flags & flag::HAS_BLOCK_CHILD != 0 && e.own_text >= R::MIN_PARAGRAPH_CHARS;
        if !scored && !loose {
            continue;
        }
        let (len, commas, first) = if scored { (agg[i].text, agg[i].commas, e.parent) } else { (e.own_text, e.own_commas, i as u32) };
        if len < R::MIN_PARAGRAPH_CHARS {
            continue;
        }
        let content = 1.0 + commas as f32 + (len / R::CHARS_PER_POINT).min(R::MAX_LENGTH_POINTS) as f32;
        if transparent[i] {
            continue; // its <p> is scored instead
        }
        let mut anc = first;
        let mut level = 0usize;
        while anc != NONE && level < R::SCORE_ANCESTOR_LEVELS {
            if transparent[anc as usize] {
                anc = els[anc as usize].parent;
                continue;
            }
            let ai = anc as usize;
            // Readability never scores the document element. (A fragment
            // without <html>/<body> has top-level elements that do count.)
            if els[ai].tag == Tag::HTML {
                break;
            }
            init_score(&els[ai], at, &mut score[ai]);
            let div = R::NEAR_ANCESTOR_DIVIDERS.get(level).copied().unwrap_or(level as f32 * R::DISTANT_ANCESTOR_DIVIDER);
            score[ai] += content / div;
            anc = els[ai].parent;
            level += 1;
        }
    }
    score
}

/// Scales every score by (1 − link density) and returns the best
/// [`R::TOP_CANDIDATES`], best first.
pub(super) fn rank_candidates(score: &mut [f32], agg: &[Agg], removed: &[bool]) -> Vec<(f32, u32)> {
    let mut top: Vec<(f32, u32)> = Vec::new();
    for i in 0..score.len() {
        if score[i].is_nan() || removed[i] {
            continue;
        }
        score[i] *= 1.0 - agg[i].link_density();
        let s = score[i];
        if top.len() < R::TOP_CANDIDATES || s > top.last().map_or(f32::MIN, |t| t.0) {
            let pos = top.iter().position(|t| s > t.0).unwrap_or(top.len());
            top.insert(pos, (s, i as u32));
            top.truncate(R::TOP_CANDIDATES);
        }
    }
    top
}

/// The article container: the top candidate, moved up where Readability
/// moves it (NONE: no element qualified, the body is used).
pub(super) fn pick_root(els: &[El], at: Attempt, agg: &[Agg], removed: &[bool], score: &mut [f32], top: &[(f32, u32)]) -> u32 {
    let mut root = top.first().map_or(NONE, |t| t.1);
    if root == NONE || matches!(els[root as usize].tag, Tag::BODY | Tag::HTML) {
        return NONE;
    }
    root = common_ancestor_of_alternatives(els, root, top);
    init_score(&els[root as usize], at, &mut score[root as usize]);
    root = climb_while_parent_scores(els, root, score);
    // An only child: its parent is the real container.
    loop {
        let p = els[root as usize].parent;
        if p == NONE || matches!(els[p as usize].tag, Tag::BODY | Tag::HTML) || agg[p as usize].children != 1 {
            break;
        }
        root = p;
    }
    widen_to_single_article(els, agg, removed, root)
}

/// Several near-equal candidates under one ancestor: take the ancestor.
fn common_ancestor_of_alternatives(els: &[El], root: u32, top: &[(f32, u32)]) -> u32 {
    let top_score = top[0].0;
    let alts: Vec<u32> = top[1..].iter().filter(|t| t.0 / top_score >= R::ALTERNATIVE_CANDIDATE_SHARE).map(|t| t.1).collect();
    if alts.len() < R::MIN_ALTERNATIVE_CANDIDATES {
        return root;
    }
    let mut p = els[root as usize].parent;
    while p != NONE && els[p as usize].tag != Tag::BODY {
        if alts.iter().filter(|&&a| is_ancestor(els, p, a)).count() >= R::MIN_ALTERNATIVE_CANDIDATES {
            return p;
        }
        p = els[p as usize].parent;
    }
    root
}

/// Climb while the parent scores at least as well (and not below a share
/// of the candidate's own score).
fn climb_while_parent_scores(els: &[El], mut root: u32, score: &[f32]) -> u32 {
    let mut last = score[root as usize];
    let threshold = last / R::PARENT_SCORE_MIN_DIVIDER;
    let mut p = els[root as usize].parent;
    while p != NONE && !matches!(els[p as usize].tag, Tag::BODY | Tag::HTML) {
        let ps = score[p as usize];
        if ps.is_nan() {
            p = els[p as usize].parent;
            continue;
        }
        if ps < threshold {
            break;
        }
        if ps > last {
            root = p;
            break;
        }
        last = ps;
        p = els[p as usize].parent;
    }
    root
}

/// Inside the page's only `<article>`, with real prose of it left outside
/// the chosen container: the author marked the whole story, so take all
/// of it (unclosed `<div>`s or a low-scoring wrapper level must not split
/// the story).
fn widen_to_single_article(els: &[El], agg: &[Agg], removed: &[bool], root: u32) -> u32 {
    let mut articles = (0..els.len()).filter(|&j| els[j].tag == Tag::ARTICLE && !removed[j]);
    let (Some(a), None) = (articles.next(), articles.next()) else { return root };
    let outside = agg[a].ptext.saturating_sub(agg[root as usize].ptext);
    if a as u32 != root
        && is_ancestor(els, a as u32, root)
        && outside >= R::ARTICLE_TAG_MIN_OUTSIDE_PROSE
        && agg[a].ptext as f32 <= agg[root as usize].ptext as f32 * R::ARTICLE_TAG_MAX_GROWTH
    {
        return a as u32;
    }
    root
}

/// The kept top-level blocks: the container and its siblings that score
/// well or read as prose (or, with no container, the body).
pub(super) fn keep_blocks(els: &[El], agg: &[Agg], removed: &[bool], score: &[f32], root: u32) -> Vec<bool> {
    let n = els.len();
    let mut keep_top = vec![false; n];
    if root == NONE {
        if let Some(body) = els.iter().position(|e| e.tag == Tag::BODY) {
            keep_top[body] = true;
        } else {
            // No <body> (a fragment, or a page lol_html saw without one):
            // every top-level block that was not removed is the article —
            // or, for <html> without <body>, every child of <html>.
            let html = els.iter().position(|e| e.tag == Tag::HTML && e.parent == NONE);
            let parent = html.map_or(NONE, |h| h as u32);
            for (j, e) in els.iter().enumerate() {
                if e.parent == parent && !removed[j] && e.tag != Tag::HEAD {
                    keep_top[j] = true;
                }
            }
        }
        return keep_top;
    }
    let ri = root as usize;
    let top_score = if score[ri].is_nan() { 0.0 } else { score[ri] };
    let threshold = R::SIBLING_MIN_SCORE.max(top_score * R::SIBLING_SCORE_SHARE);
    let (parent, class) = (els[ri].parent, els[ri].class_hash);
    for j in 0..n {
        if removed[j] || els[j].parent != parent {
            continue;
        }
        if j == ri {
            keep_top[j] = true;
            continue;
        }
        let bonus = if class != 0 && els[j].class_hash == class { top_score * R::SIBLING_SCORE_SHARE } else { 0.0 };
        if !score[j].is_nan() && score[j] + bonus >= threshold {
            keep_top[j] = true;
        } else if els[j].tag == Tag::P {
            let a = &agg[j];
            let ld = a.link_density();
            if a.text > R::SIBLING_PARAGRAPH_CHARS && ld < R::SIBLING_MAX_LINK_DENSITY {
                keep_top[j] = true;
            } else if a.text > 0 && a.text < R::SIBLING_PARAGRAPH_CHARS && ld == 0.0 && a.flags & flag::SENTENCE != 0 {
                keep_top[j] = true;
            }
        }
    }
    keep_top
}

/// Tags Readability always cleans out of the article (`prepArticle`).
/// Returns the article region (kept blocks and their descendants); marks
/// every descendant of a removed element as removed.
pub(super) fn prep_article(els: &[El], at: Attempt, agg: &[Agg], keep_top: &[bool], removed: &mut [bool], drop: &mut Drops) -> Vec<bool> {
    let n = els.len();
    let mut region = vec![false; n];
    for i in 0..n {
        let p = els[i].parent;
        region[i] = keep_top[i] || (p != NONE && region[p as usize]);
    }
    for i in 0..n {
        let p = els[i].parent;
        if !region[i] || removed[i] || keep_top[i] || (p != NONE && removed[p as usize]) {
            if p != NONE && removed[p as usize] {
                removed[i] = true; // descendants of removed elements are gone too
            }
            continue;
        }
        let e = &els[i];
        let d = match e.tag {
            // A page wrapped in one <form> (ASP.NET): the form is the page.
            Tag::FORM if agg[i].ptext >= R::FORM_WRAPPER_MIN_PROSE_CHARS => None,
            Tag::FORM | Tag::FIELDSET | Tag::INPUT | Tag::TEXTAREA | Tag::SELECT | Tag::BUTTON => drop_of(Category::NonContent, "form control"),
            _ if crate::embed::is_dropped_embed(e) => drop_of(Category::NonContent, "embedded object"),
            Tag::FOOTER => drop_of(Category::HeaderFooter, "footer"),
            Tag::ASIDE => drop_of(Category::Related, "aside"),
            Tag::NAV => drop_of(Category::Navigation, "nav"),
            Tag::LINK => drop_of(Category::NonContent, "link"),
            _ if e.flags & flag::SHARE != 0 && agg[i].text < R::SHARE_MAX_CHARS => drop_of(Category::Share, "share bar"),
            Tag::H1 | Tag::H2 if at.weight_classes && e.weight < 0 => drop_of(Category::Boilerplate, "heading with negative class"),
            _ => None,
        };
        if d.is_some() {
            removed[i] = true;
            drop.set(i, d);
        }
    }
    region
}

/// Readability's `_cleanConditionally` sweeps over tables, lists, then
/// divs inside the article.
pub(super) fn conditional_sweeps(els: &[El], at: Attempt, agg: &mut [Agg], keep_top: &[bool], region: &[bool], removed: &mut [bool], drop: &mut Drops) {
    let n = els.len();
    // Inside a data table: Readability leaves those alone.
    let mut in_data_table = vec![false; n];
    for i in 0..n {
        let p = els[i].parent;
        if p != NONE {
            in_data_table[i] = in_data_table[p as usize] || (els[p as usize].tag == Tag::TABLE && agg[p as usize].data_tables > 0);
        }
    }
    for tags in [&[Tag::TABLE][..], &[Tag::UL, Tag::OL][..], &[Tag::DIV][..]] {
        // Reverse document order: descendants before ancestors. A removal
        // is not subtracted up the whole ancestor chain at once (quadratic
        // on deep pages): it is owed to the parent in `delta` and settled
        // when the sweep reaches each ancestor.
        let mut delta: Vec<Option<Box<Agg>>> = vec![None; n];
        for i in (0..n).rev() {
            if removed[i] || !region[i] {
                continue;
            }
            let p = els[i].parent;
            if let Some(d) = delta[i].take() {
                agg[i].sub(&d);
                if p != NONE && !keep_top[i] {
                    add_delta(&mut delta[p as usize], &d);
                }
            }
            if keep_top[i] || !tags.contains(&els[i].tag) || in_data_table[i] || els[i].flags & flag::IN_CODE != 0 {
                continue;
            }
            if els[i].tag == Tag::DIV && els[i].flags & flag::HAS_BLOCK_CHILD == 0 {
                continue; // became a paragraph in Readability before this step
            }
            if let Some(reason) = clean_conditionally(els, agg, i, at) {
                let cat = if agg[i].link_density() > R::LINKLIST_LINK_DENSITY { Category::LinkList } else { Category::Boilerplate };
                removed[i] = true;
                drop.set(i, drop_of(cat, reason));
                if p != NONE {
                    let own = agg[i].clone();
                    add_delta(&mut delta[p as usize], &own);
                }
            }
        }
        // Descendants of what this sweep removed.
        for i in 0..n {
            let p = els[i].parent;
            if p != NONE && removed[p as usize] {
                removed[i] = true;
            }
        }
    }
}

fn add_delta(slot: &mut Option<Box<Agg>>, d: &Agg) {
    match slot {
        Some(s) => s.add(d),
        None => *slot = Some(Box::new(d.clone())),
    }
}

fn is_ancestor(els: &[El], anc: u32, mut x: u32) -> bool {
    while x != NONE {
        if x == anc {
            return true;
        }
        x = els[x as usize].parent;
    }
    false
}

/// The broad extraction: the page's main region (its largest `<main>`
/// when that holds most of the body's text, else the body) minus junk
/// marks, hidden and invisible elements and `prepArticle`'s chrome (nav,
/// footer, aside, forms), without Readability's unlikely-candidate strip
/// and conditional sweeps: the result for pages made of many blocks
/// (listings, service pages, threads), and the fallback when the
/// Readability attempts keep nothing.
pub(super) fn broad_attempt(doc: &Doc, title: &str, junk: &Drops, raw_text: &[u32], drop_hidden: bool) -> (u32, Plan) {
    let els = &doc.els;
    let n = els.len();
    let mut drop = junk.clone();
    let mut removed = vec![false; n];
    let at = Attempt { strip_unlikely: false, weight_classes: true, clean_conditionally: false, drop_hidden };
    let pre = pre_remove(doc, at, title, raw_text, &mut drop, &mut removed);
    let agg = aggregate(els, &removed);
    let body = els.iter().position(|e| e.tag == Tag::BODY);
    let main = (0..n).filter(|&i| els[i].tag == Tag::MAIN && !removed[i]).max_by_key(|&i| agg[i].text);
    let body_text = body.map_or(0, |b| agg[b].text) as f32;
    let mut keep_top = vec![false; n];
    let root = match (main, body) {
        (Some(m), _) if agg[m].text as f32 >= body_text * R::MAIN_MIN_BODY_SHARE => m as u32,
        (_, Some(b)) => b as u32,
        _ => NONE,
    };
    if root != NONE {
        keep_top[root as usize] = true;
    } else {
        // A fragment: every top-level block that is left.
        (0..n).filter(|&j| els[j].parent == NONE && !removed[j] && els[j].tag != Tag::HEAD).for_each(|j| keep_top[j] = true);
    }
    let region = prep_article(els, at, &agg, &keep_top, &mut removed, &mut drop);
    std::mem::drop(agg);
    // `removed` now marks every descendant of a removed element: the kept
    // text is a plain sum (no second set of totals, per-element work
    // stays one addition).
    let len: u32 = (0..n).filter(|&i| region[i] && !removed[i]).map(|i| els[i].own_text).fold(0, u32::saturating_add);
    let title = pre.title.unwrap_or_else(|| title.to_string());
    let plan = Plan { drop, keep_top, root, byline: pre.byline, title, raw_text: raw_text.to_vec(), meta: Default::default(), page_type: Default::default() };
    (len, plan)
}
