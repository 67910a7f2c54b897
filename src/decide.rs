//! Decide: from pass-1 statistics, pick the article and mark junk.
//!
//! The scoring follows Readability.js (our dev-set truth is its output and
//! the web is tuned to it), but on statistics instead of a mutable DOM:
//! "remove a node" is a mark plus subtracting its totals from its
//! ancestors. On top of it come the junk rules Readability lacks (consent
//! banners, ad labels, rating/newsletter widgets, link lists), each removal
//! with a category and a reason.

use crate::article::Category;
use crate::measure::{flag, Doc, El, NONE};
use crate::rules as R;
use crate::tags::Tag;
use crate::Options;

/// Why an element goes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Drop {
    pub category: Category,
    pub reason: Box<str>,
}

/// Drop marks by ordinal: 4 bytes per element and a list of the actual
/// drops (a `Vec<Option<Drop>>` costs 24 bytes per element, most of them
/// `None`, which is a fifth of the peak memory on a 400,000-link page).
#[derive(Clone)]
pub(crate) struct Drops {
    idx: Vec<u32>,
    list: Vec<Option<Drop>>,
}

impl Drops {
    pub fn new(n: usize) -> Self {
        Drops { idx: vec![0; n], list: vec![None] }
    }
    pub fn set(&mut self, i: usize, d: Option<Drop>) {
        if d.is_none() {
            self.idx[i] = 0;
            return;
        }
        self.idx[i] = self.list.len() as u32;
        self.list.push(d);
    }
    pub fn get(&self, i: usize) -> Option<&Drop> {
        self.list[self.idx.get(i).copied().unwrap_or(0) as usize].as_ref()
    }
}

impl std::ops::Index<usize> for Drops {
    type Output = Option<Drop>;
    fn index(&self, i: usize) -> &Option<Drop> {
        &self.list[self.idx[i] as usize]
    }
}

/// The decision pass 2 executes.
pub(crate) struct Plan {
    /// Per ordinal: removed subtree (outermost marks only matter).
    pub drop: Drops,
    /// Per ordinal: the element starts a kept top-level block of the article.
    pub keep_top: Vec<bool>,
    /// The article container (NONE: no element qualified, the body is used).
    pub root: u32,
    /// The author line found in the page (removed from content).
    pub byline: Option<String>,
    /// The title used for duplicate detection and the result.
    pub title: String,
    /// Visible characters of each element's subtree (before removals),
    /// for the removal report of what pass 2 never reads.
    pub raw_text: Vec<u32>,
}

/// Subtree totals of one element (after removals).
#[derive(Clone, Default, Debug)]
struct Agg {
    text: u32,
    link: u32,
    commas: u32,
    p: u32,
    img: u32,
    li: u32,
    li_text: u32,
    input: u32,
    embed: u32,
    heading_text: u32,
    textish_text: u32,
    children: u32,
    /// Element children that are `<p>`.
    p_children: u32,
    tr: u32,
    cells: u32,
    tables: u32,
    data_tables: u32,
    /// Text of paragraphs (p, or div without blocks) that are not mostly
    /// links: the prose a junk rule must never take.
    ptext: u32,
    /// OR of descendant flags (and own).
    flags: u32,
}

impl Agg {
    /// Applies `f` to every field that sums over a subtree: one list of
    /// fields for adding a child, owing a removal, and settling it.
    fn zip_sums(&mut self, o: &Agg, f: fn(u32, u32) -> u32) {
        self.text = f(self.text, o.text);
        self.link = f(self.link, o.link);
        self.commas = f(self.commas, o.commas);
        self.p = f(self.p, o.p);
        self.img = f(self.img, o.img);
        self.li = f(self.li, o.li);
        self.li_text = f(self.li_text, o.li_text);
        self.input = f(self.input, o.input);
        self.embed = f(self.embed, o.embed);
        self.heading_text = f(self.heading_text, o.heading_text);
        self.textish_text = f(self.textish_text, o.textish_text);
        self.tr = f(self.tr, o.tr);
        self.cells = f(self.cells, o.cells);
        self.tables = f(self.tables, o.tables);
        self.data_tables = f(self.data_tables, o.data_tables);
        self.ptext = f(self.ptext, o.ptext);
    }
    fn add(&mut self, o: &Agg) {
        self.zip_sums(o, u32::saturating_add);
    }
    fn sub(&mut self, o: &Agg) {
        self.zip_sums(o, u32::saturating_sub);
    }
    fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }
}

fn is_textish(t: Tag) -> bool {
    matches!(
        t,
        Tag::SPAN | Tag::LI | Tag::TD | Tag::BLOCKQUOTE | Tag::DL | Tag::DIV | Tag::IMG | Tag::OL
            | Tag::P | Tag::PRE | Tag::TABLE | Tag::UL
    )
}

/// Bottom-up totals of every element that is not removed.
fn aggregate(els: &[El], removed: &[bool]) -> Vec<Agg> {
    let n = els.len();
    let mut agg = vec![Agg::default(); n];
    for i in (0..n).rev() {
        if removed[i] {
            continue;
        }
        let e = &els[i];
        {
            let a = &mut agg[i];
            a.text += e.own_text;
            if e.flags & flag::IN_LINK != 0 {
                a.link += e.own_text;
            }
            a.commas += e.own_commas;
            a.flags |= e.flags;
            match e.tag {
                Tag::P => a.p += 1,
                // Readability turns a div without block descendants into a p.
                Tag::DIV if e.flags & flag::HAS_BLOCK_CHILD == 0 => a.p += 1,
                // ... and wraps the loose text of a div with blocks in one.
                Tag::DIV if e.flags & flag::LOOSE_TEXT != 0 => {
                    a.p += 1;
                    a.textish_text += e.own_text;
                }
                Tag::IMG => a.img += 1,
                Tag::LI => {
                    a.li += 1;
                    a.li_text = a.text; // own subtree text (nested li double count, as Readability)
                }
                Tag::INPUT => a.input += 1,
                Tag::EMBED | Tag::OBJECT | Tag::IFRAME if e.flags & flag::VIDEO == 0 => a.embed += 1,
                Tag::TR => a.tr += 1,
                Tag::TD | Tag::TH => a.cells += 1,
                Tag::TABLE => {
                    a.tables += 1;
                }
                _ => {}
            }
            if e.tag.is_heading() {
                a.heading_text = a.text;
            }
        }
        if e.tag == Tag::TABLE && is_data_table(e, &agg[i]) {
            agg[i].data_tables += 1;
        }
        let p_like = e.tag == Tag::P || (e.tag == Tag::DIV && e.flags & flag::HAS_BLOCK_CHILD == 0);
        if p_like && agg[i].link_density() < R::PROSE_MAX_LINK_DENSITY {
            agg[i].ptext = agg[i].text;
        }
        let p = e.parent;
        if p != NONE {
            let child = agg[i].clone();
            let pa = &mut agg[p as usize];
            pa.add(&child);
            if is_textish(e.tag) {
                pa.textish_text = pa.textish_text.saturating_add(child.text);
            }
            pa.children += 1;
            if e.tag == Tag::P {
                pa.p_children += 1;
            }
            pa.flags |= child.flags;
        }
    }
    agg
}

/// Readability's `_markDataTables` on totals.
fn is_data_table(e: &El, a: &Agg) -> bool {
    if e.flags & flag::DATA_TABLE != 0 {
        return true;
    }
    // Nested tables are layout.
    if a.tables > 1 {
        return false;
    }
    let rows = a.tr.max(1);
    let cols = a.cells / rows;
    rows >= R::DATA_TABLE_MIN_ROWS || cols > R::DATA_TABLE_MIN_COLS || rows * cols > R::DATA_TABLE_MIN_CELLS
}

/// Which of Readability's flags are on for one attempt.
#[derive(Clone, Copy)]
struct Attempt {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

fn drop_of(category: Category, reason: impl Into<Box<str>>) -> Option<Drop> {
    Some(Drop { category, reason: reason.into() })
}

/// Tokenized lowercase words for title similarity.
fn words(s: &str) -> Vec<String> {
    s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Readability's `_textSimilarity`.
pub(crate) fn text_similarity(a: &str, b: &str) -> f32 {
    let ta = words(a);
    let tb = words(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let uniq_len = uniq.iter().map(|s| s.chars().count()).sum::<usize>() + uniq.len().saturating_sub(1);
    let all_len = tb.iter().map(|s| s.chars().count()).sum::<usize>() + tb.len() - 1;
    1.0 - uniq_len as f32 / all_len as f32
}

pub(crate) fn decide(doc: &Doc, o: &Options) -> Plan {
    let title = crate::meta::article_title(doc);
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
            return plan;
        }
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, plan));
        }
    }
    best.map(|(_, p)| p).unwrap_or_else(|| attempt(doc, attempts[0], &title, &junk, &raw_text).1)
}

/// Junk marks that do not depend on the article choice. Returns the drop
/// reason for the outermost element of each junk subtree.
fn mark_junk(doc: &Doc, o: &Options, raw: Vec<Agg>, drop: &mut Drops) {
    let els = &doc.els;
    let n = els.len();
    // The page's paragraph-ish text: a junk rule may never take more than
    // half of it (a `class="widget"` wrapper around the whole article).
    let total_prose = raw.iter().zip(els).filter(|(_, e)| e.parent == NONE).map(|(a, _)| a.ptext).sum::<u32>().max(1);
    let ptext: Vec<u32> = raw.iter().map(|a| a.ptext).collect();
    let guard = |i: usize| ptext[i] < R::JUNK_GUARD_MIN_CHARS || ptext[i] as f32 <= total_prose as f32 * R::JUNK_MAX_PAGE_SHARE;
    let is_container = |t: Tag| !matches!(t, Tag::HTML | Tag::BODY | Tag::MAIN | Tag::ARTICLE);

    // 1. Innermost elements holding consent wording and a consent button.
    let mut consent_core = vec![false; n];
    for i in 0..n {
        let f = raw[i].flags;
        if f & flag::CONSENT_WORD != 0 && f & flag::CONSENT_BUTTON != 0 && raw[i].text <= R::CONSENT_MAX_CHARS {
            consent_core[i] = true;
        }
    }
    // Climb to the outermost ancestor that still qualifies (no more text
    // than the banner limit, not the page).
    let mut consent_top = vec![false; n];
    for i in 0..n {
        if !consent_core[i] {
            continue;
        }
        let p = els[i].parent;
        let parent_qualifies = p != NONE && consent_core[p as usize] && is_container(els[p as usize].tag) && guard(p as usize);
        if !parent_qualifies && is_container(els[i].tag) && guard(i) {
            consent_top[i] = true;
        }
    }

    // Phase 1 marks only the outermost element of each junk subtree.
    let mut under = vec![false; n];
    for i in 0..n {
        let p = els[i].parent;
        if p != NONE && (under[p as usize] || drop[p as usize].is_some()) {
            under[i] = true;
            continue;
        }
        if drop[i].is_some() {
            continue;
        }
        let e = &els[i];
        let a = &raw[i];
        if e.tag == Tag::HTML || e.tag == Tag::BODY {
            continue;
        }
        if consent_top[i] {
            drop.set(i, drop_of(Category::CookieBanner, "consent wording with accept/reject controls"));
            continue;
        }
        if !o.remove_junk {
            continue;
        }
        if let Some((cat, tok)) = e.junk {
            let tok = crate::measure::junk_word(tok);
            // Class signals of small blocks are trusted; a big block with a
            // junk-looking class (`<div class="content-widget">` around the
            // story) is left to scoring.
            // Mostly-links blocks need no guard: no article is mostly links.
            let linky = a.link_density() >= R::LINKLIST_LINK_DENSITY_STRONG && a.ptext <= R::LINKLIST_MAX_PROSE_CHARS;
            if guard(i) && (linky || a.text <= R::JUNK_CLASS_MAX_CHARS || cat == Category::CookieBanner || cat == Category::Ad) {
                drop.set(i, drop_of(cat, format!("class/id token '{tok}'")));
                continue;
            }
        }
        if e.flags & flag::DIALOG != 0 && a.flags & flag::CONSENT_WORD != 0 && guard(i) && a.text <= R::CONSENT_MAX_CHARS {
            drop.set(i, drop_of(Category::CookieBanner, "dialog about cookies/consent"));
            continue;
        }
        if e.flags & flag::FIXED != 0 && a.text <= R::OVERLAY_MAX_CHARS && guard(i) {
            let cat = if a.flags & flag::CONSENT_WORD != 0 { Category::CookieBanner } else { Category::Boilerplate };
            drop.set(i, drop_of(cat, "fixed-position overlay"));
            continue;
        }
    }

    // Phase 2: word and shape rules, on totals *without* what phase 1
    // removed — otherwise the wrapper around an already removed promo box
    // still "contains the word subscribe" and takes the article's text with it.
    // Free the first totals before the second ones (peak memory on huge pages).
    std::mem::drop(raw);
    let mut gone = vec![false; n];
    for i in 0..n {
        let p = els[i].parent;
        gone[i] = drop[i].is_some() || (p != NONE && gone[p as usize]);
    }
    let live = aggregate(els, &gone);
    for i in 0..n {
        if gone[i] || !o.remove_junk {
            continue;
        }
        let p = els[i].parent;
        if p != NONE && drop[p as usize].is_some() {
            continue;
        }
        let e = &els[i];
        let a = &live[i];
        let raw = &live;
        if e.tag == Tag::HTML || e.tag == Tag::BODY {
            continue;
        }
        if a.flags & flag::AD_LABEL != 0 && a.text <= R::AD_LABEL_MAX_CHARS && guard(i) && is_container(e.tag) {
            // The outermost small block around an "Advertisement" label.
            let p = e.parent;
            let parent_small = p != NONE && raw[p as usize].text <= R::AD_LABEL_MAX_CHARS && is_container(els[p as usize].tag) && !has_paragraph_text(&raw[p as usize]);
            if !parent_small && !has_paragraph_text(a) {
                drop.set(i, drop_of(Category::Ad, "ad label"));
                continue;
            }
        }
        if a.flags & flag::RATING_WORD != 0 && a.text <= R::WIDGET_MAX_CHARS && is_container(e.tag) && guard(i) {
            let p = e.parent;
            let parent_small = p != NONE && raw[p as usize].text <= R::WIDGET_MAX_CHARS && raw[p as usize].flags & flag::RATING_WORD != 0 && is_container(els[p as usize].tag);
            if !parent_small && (a.flags & flag::BUTTON != 0 || a.input > 0 || a.text <= R::RATING_MAX_CHARS) {
                drop.set(i, drop_of(Category::Rating, "asks to rate the article"));
                continue;
            }
        }
        if a.flags & flag::NEWSLETTER_WORD != 0 && a.input > 0 && a.text <= R::WIDGET_MAX_CHARS && is_container(e.tag) && guard(i) {
            let p = e.parent;
            let parent_small = p != NONE && raw[p as usize].text <= R::WIDGET_MAX_CHARS && raw[p as usize].input > 0 && is_container(els[p as usize].tag);
            if !parent_small {
                drop.set(i, drop_of(Category::Newsletter, "newsletter sign-up form"));
                continue;
            }
        }
        if a.flags & flag::NEWSLETTER_WORD != 0 && a.text <= R::PROMO_MAX_CHARS && a.link > 0 && matches!(e.tag, Tag::DIV | Tag::ASIDE | Tag::SECTION) && guard(i) {
            let p = e.parent;
            let parent_small = p != NONE && raw[p as usize].text <= R::PROMO_MAX_CHARS && raw[p as usize].link > 0 && matches!(els[p as usize].tag, Tag::DIV | Tag::ASIDE | Tag::SECTION);
            if !parent_small {
                drop.set(i, drop_of(Category::Newsletter, "subscription offer"));
                continue;
            }
        }
        if is_link_list(e, a) && guard(i) {
            drop.set(i, drop_of(Category::LinkList, format!("{} links, link density {:.2}", a_links(doc, i), a.link_density())));
            continue;
        }
    }
}

/// Paragraphs of real prose inside (a label block has none).
fn has_paragraph_text(a: &Agg) -> bool {
    a.p > 0 && a.text > R::AD_LABEL_MAX_CHARS
}

/// Number of link elements in the subtree (only for the report text; a
/// scan over the subtree, run once per link list). Ordinals are in document
/// order, so the subtree is the run of deeper elements right after `root`.
fn a_links(doc: &Doc, root: usize) -> u32 {
    let depth = doc.els[root].depth;
    doc.els[root + 1..]
        .iter()
        .take_while(|e| e.depth > depth)
        .filter(|e| e.tag == Tag::A && e.flags & flag::IN_LINK != 0)
        .count() as u32
}

fn is_link_list(e: &El, a: &Agg) -> bool {
    if !matches!(e.tag, Tag::UL | Tag::OL | Tag::DIV | Tag::SECTION | Tag::NAV | Tag::ASIDE | Tag::TABLE | Tag::DL | Tag::OTHER) {
        return false;
    }
    if a.text == 0 || a.link_density() < R::LINKLIST_LINK_DENSITY_STRONG || a.ptext > R::LINKLIST_MAX_PROSE_CHARS {
        return false;
    }
    // Many items, each a short link: menus, tag clouds, card lists.
    let items = a.li.max(a.p);
    items >= R::LINKLIST_MIN_ITEMS && a.text / items.max(1) <= R::LINKLIST_MAX_AVG_ITEM_CHARS
}

fn attempt(doc: &Doc, at: Attempt, title: &str, junk: &Drops, raw_text: &[u32]) -> (u32, Plan) {
    let els = &doc.els;
    let n = els.len();

    // --- Pre-scoring removals (document order; descendants of a removed
    // element are implicitly removed).
    let mut drop = junk.clone();
    let mut byline: Option<String> = None;
    let mut title_removed = false;
    let mut title_out: Option<String> = None;
    let mut removed = vec![false; n];
    for i in 0..n {
        let e = &els[i];
        let p = e.parent;
        if p != NONE && removed[p as usize] {
            removed[i] = true;
            continue;
        }
        if drop[i].is_some() {
            removed[i] = true;
            continue;
        }
        if e.flags & flag::INVISIBLE != 0 && e.flags & flag::VIDEO == 0 && e.tag != Tag::HEAD && e.tag != Tag::NOSCRIPT {
            removed[i] = true;
            drop.set(i, drop_of(Category::NonContent, "script/style/template"));
            continue;
        }
        if e.flags & flag::HIDDEN != 0 {
            removed[i] = true;
            drop.set(i, drop_of(Category::Hidden, "hidden element"));
            continue;
        }
        // Byline: the first short author-ish element.
        if byline.is_none() && e.flags & flag::BYLINE != 0 && raw_text[i] > 0 && (raw_text[i] as usize) < R::BYLINE_MAX_CHARS {
            if let Some(t) = doc.texts.get(&(i as u32)) {
                let t = crate::entities::decode(t).split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() && t.chars().count() < R::BYLINE_MAX_CHARS {
                    byline = Some(t);
                    removed[i] = true;
                    drop.set(i, drop_of(Category::Boilerplate, "author line (moved to byline)"));
                    continue;
                }
            }
        }
        if at.strip_unlikely {
            if e.flags & flag::UNLIKELY != 0 && e.flags & (flag::IN_TABLE | flag::IN_CODE) == 0 && e.tag != Tag::ARTICLE {
                removed[i] = true;
                let cat = e.junk.map_or(Category::Boilerplate, |j| j.0);
                drop.set(i, drop_of(cat, "unlikely candidate (class/id)"));
                continue;
            }
            if e.flags & flag::UNLIKELY_ROLE != 0 {
                removed[i] = true;
                drop.set(i, drop_of(Category::Navigation, "page-chrome role"));
                continue;
            }
        }
        if !title_removed && matches!(e.tag, Tag::H1 | Tag::H2) {
            if let Some(t) = doc.texts.get(&(i as u32)) {
                let t = crate::entities::decode(t);
                if text_similarity(title, &t) > R::TITLE_SIMILARITY {
                    title_removed = true;
                    // The heading is the fuller title when it only adds to
                    // it (`Notes from the newsroom 🎉` vs `Notes from the newsroom`).
                    let heading = t.split_whitespace().collect::<Vec<_>>().join(" ");
                    if heading.len() > title.len() && heading.contains(title) {
                        title_out = Some(heading);
                    }
                    removed[i] = true;
                    drop.set(i, drop_of(Category::Boilerplate, "heading repeats the title"));
                    continue;
                }
            }
        }
    }

    let mut agg = aggregate(els, &removed);
    // Readability replaces a div holding a single <p> (and no other text)
    // by that <p>: the div is transparent for scoring.
    let transparent: Vec<bool> = (0..n)
        .map(|i| {
            let e = &els[i];
            e.tag == Tag::DIV
                && agg[i].children == 1
                && agg[i].p_children == 1
                && e.flags & flag::LOOSE_TEXT == 0
                && agg[i].link_density() < R::SINGLE_P_MAX_LINK_DENSITY
        })
        .collect();

    // --- Scoring.
    let mut score = vec![f32::NAN; n];
    let init = |i: usize, score: &mut Vec<f32>| {
        if score[i].is_nan() {
            let e = &els[i];
            let base = match e.tag {
                Tag::DIV => R::TAG_SCORE_DIV,
                Tag::PRE | Tag::TD | Tag::BLOCKQUOTE => R::TAG_SCORE_CONTENTISH,
                Tag::ADDRESS | Tag::OL | Tag::UL | Tag::DL | Tag::DD | Tag::DT | Tag::LI | Tag::FORM => R::TAG_SCORE_LISTISH,
                Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::TH => R::TAG_SCORE_HEADING,
                _ => 0.0,
            };
            let w = if at.weight_classes { e.weight as f32 } else { 0.0 };
            score[i] = base + w;
        }
    };
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
            init(ai, &mut score);
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * R::DISTANT_ANCESTOR_DIVIDER,
            };
            score[ai] += content / div;
            anc = els[ai].parent;
            level += 1;
        }
    }
    // Scale by link density, rank.
    let mut top: Vec<(f32, u32)> = Vec::new();
    for i in 0..n {
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
    let body = els.iter().position(|e| e.tag == Tag::BODY).map_or(NONE, |b| b as u32);
    let mut root = top.first().map_or(NONE, |t| t.1);
    if root == NONE || matches!(els[root as usize].tag, Tag::BODY | Tag::HTML) {
        root = NONE;
    } else {
        // Several near-equal candidates under one ancestor: take the ancestor.
        let top_score = top[0].0;
        let alts: Vec<u32> = top[1..].iter().filter(|t| t.0 / top_score >= R::ALTERNATIVE_CANDIDATE_SHARE).map(|t| t.1).collect();
        if alts.len() >= R::MIN_ALTERNATIVE_CANDIDATES {
            let mut p = els[root as usize].parent;
            while p != NONE && els[p as usize].tag != Tag::BODY {
                let c = alts.iter().filter(|&&a| is_ancestor(els, p, a)).count();
                if c >= R::MIN_ALTERNATIVE_CANDIDATES {
                    root = p;
                    break;
                }
                p = els[p as usize].parent;
            }
        }
        if score[root as usize].is_nan() {
            init(root as usize, &mut score);
        }
        // Climb while the parent scores at least as well.
        let mut last = score[root as usize];
        let threshold = last / 3.0;
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
        // An only child: its parent is the real container.
        loop {
            let p = els[root as usize].parent;
            if p == NONE || matches!(els[p as usize].tag, Tag::BODY | Tag::HTML) || agg[p as usize].children != 1 {
                break;
            }
            root = p;
        }
        // Inside the page's only <article>, with real prose of it left
        // outside the chosen container: the author marked the whole story,
        // so take all of it (unclosed <div>s or a low-scoring wrapper
        // level must not split the story).
        let articles: Vec<usize> = (0..n).filter(|&j| els[j].tag == Tag::ARTICLE && !removed[j]).collect();
        if let [a] = articles[..] {
            let outside = agg[a].ptext.saturating_sub(agg[root as usize].ptext);
            if a as u32 != root
                && is_ancestor(els, a as u32, root)
                && outside >= R::ARTICLE_TAG_MIN_OUTSIDE_PROSE
                && agg[a].ptext as f32 <= agg[root as usize].ptext as f32 * R::ARTICLE_TAG_MAX_GROWTH
            {
                root = a as u32;
            }
        }
    }

    // --- Siblings.
    let mut keep_top = vec![false; n];
    if root == NONE {
        if body != NONE {
            keep_top[body as usize] = true;
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
    } else {
        let ri = root as usize;
        let top_score = if score[ri].is_nan() { 0.0 } else { score[ri] };
        let threshold = R::SIBLING_MIN_SCORE.max(top_score * R::SIBLING_SCORE_SHARE);
        let parent = els[ri].parent;
        let class = els[ri].class_hash;
        for j in 0..n {
            if removed[j] || els[j].parent != parent {
                continue;
            }
            if j == ri {
                keep_top[j] = true;
                continue;
            }
            let mut bonus = 0.0;
            if class != 0 && els[j].class_hash == class {
                bonus = top_score * R::SIBLING_SCORE_SHARE;
            }
            let s = if score[j].is_nan() { None } else { Some(score[j]) };
            if s.is_some_and(|s| s + bonus >= threshold) {
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
    }

    // --- Inside the article: Readability's prepArticle.
    let mut region = vec![false; n];
    for i in 0..n {
        let p = els[i].parent;
        region[i] = keep_top[i] || (p != NONE && region[p as usize]);
    }
    // Tags Readability always cleans out of the article.
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
            Tag::FORM | Tag::FIELDSET | Tag::INPUT | Tag::TEXTAREA | Tag::SELECT | Tag::BUTTON => drop_of(Category::NonContent, "form control"),
            Tag::OBJECT | Tag::EMBED | Tag::IFRAME if e.flags & flag::VIDEO == 0 => drop_of(Category::NonContent, "embedded object"),
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
    // `removed` now also marks every descendant of a removed element.
    std::mem::drop(agg); // free before the new totals exist (peak memory)
    agg = aggregate(els, &removed);
    if at.clean_conditionally {
        // Inside a data table: Readability leaves those alone.
        let mut in_data_table = vec![false; n];
        for i in 0..n {
            let p = els[i].parent;
            if p != NONE {
                in_data_table[i] = in_data_table[p as usize] || (els[p as usize].tag == Tag::TABLE && agg[p as usize].data_tables > 0);
            }
        }
        for tags in [&[Tag::TABLE][..], &[Tag::UL, Tag::OL][..], &[Tag::DIV][..]] {
            // Reverse document order: descendants before ancestors. A
            // removal is not subtracted up the whole ancestor chain at once
            // (quadratic on deep pages): it is owed to the parent in
            // `delta` and settled when the sweep reaches each ancestor.
            let mut delta: Vec<Option<Box<Agg>>> = vec![None; n];
            for i in (0..n).rev() {
                if removed[i] || !region[i] {
                    continue;
                }
                if let Some(d) = delta[i].take() {
                    agg[i].sub(&d);
                    let p = els[i].parent;
                    if p != NONE && !keep_top[i] {
                        add_delta(&mut delta[p as usize], &d);
                    }
                }
                if keep_top[i] || !tags.contains(&els[i].tag) || in_data_table[i] || els[i].flags & flag::IN_CODE != 0 {
                    continue;
                }
                if els[i].tag == Tag::DIV && els[i].flags & flag::HAS_BLOCK_CHILD == 0 {
                    // Became a paragraph in Readability before this step.
                    continue;
                }
                if let Some(reason) = clean_conditionally(els, &agg, i, at) {
                    let cat = if agg[i].link_density() > R::LINKLIST_LINK_DENSITY { Category::LinkList } else { Category::Boilerplate };
                    removed[i] = true;
                    drop.set(i, drop_of(cat, reason));
                    let p = els[i].parent;
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

    let len: u32 = (0..n).filter(|&i| keep_top[i]).map(|i| agg[i].text).sum();
    let raw_text = raw_text.to_vec();
    let title = title_out.unwrap_or_else(|| title.to_string());
    (len, Plan { drop, keep_top, root, byline, title, raw_text })
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

/// Readability's `_cleanConditionally` for one element: the reason to
/// remove it, or `None` to keep it.
fn clean_conditionally(els: &[El], agg: &[Agg], i: usize, at: Attempt) -> Option<String> {
    let e = &els[i];
    let a = &agg[i];
    let mut is_list = matches!(e.tag, Tag::UL | Tag::OL);
    if !is_list && a.text > 0 {
        is_list = a.li_text as f32 / a.text as f32 > R::LIST_TEXT_SHARE;
    }
    if e.tag == Tag::TABLE && a.data_tables > 0 {
        return None;
    }
    if a.data_tables > 0 {
        return None;
    }
    let weight = if at.weight_classes { e.weight as f32 } else { 0.0 };
    if weight < 0.0 {
        return Some("negative class weight".into());
    }
    if a.commas >= R::CONDITIONAL_KEEP_COMMAS {
        return None;
    }
    let pc = a.p as f32;
    let img = a.img as f32;
    let li = a.li as i32 - R::CONDITIONAL_LI_SLACK;
    let input = a.input;
    let heading_density = if a.text == 0 { 0.0 } else { a.heading_text as f32 / a.text as f32 };
    let embeds = a.embed;
    let ld = a.link_density();
    let text_density = if a.text == 0 { 0.0 } else { a.textish_text as f32 / a.text as f32 };
    let in_figure = e.flags & flag::IN_FIGURE != 0;
    let len = a.text;
    let mut why: Option<&str> = None;
    if !in_figure && a.img > R::CONDITIONAL_MAX_IMAGES && pc / img < R::CONDITIONAL_MIN_P_PER_IMAGE {
        why = Some("more images than paragraphs");
    } else if !is_list && li > a.p as i32 {
        why = Some("more list items than paragraphs");
    } else if input > a.p / 3 {
        why = Some("form inputs");
    } else if !is_list && !in_figure && heading_density < R::CONDITIONAL_HEADING_DENSITY && len < R::CONDITIONAL_MIN_CHARS && (a.img == 0 || a.img > 2) && ld > 0.0 {
        why = Some("short block of links");
    } else if !is_list && weight < R::CONDITIONAL_HIGH_WEIGHT && ld > R::CONDITIONAL_LOW_WEIGHT_LINK_DENSITY {
        why = Some("high link density");
    } else if weight >= R::CONDITIONAL_HIGH_WEIGHT && ld > R::CONDITIONAL_HIGH_WEIGHT_LINK_DENSITY {
        why = Some("high link density");
    } else if (embeds == 1 && len < R::CONDITIONAL_EMBED_MIN_CHARS) || embeds > 1 {
        why = Some("embeds with little text");
    } else if a.img == 0 && text_density == 0.0 {
        why = Some("no text blocks");
    }
    let why = why?;
    // Lists of images stay (a gallery `<ul>` of figures).
    if is_list && a.img > 0 && a.img >= a.li {
        return None;
    }
    Some(format!("conditional clean: {why}"))
}
