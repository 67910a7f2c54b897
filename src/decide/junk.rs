//! Junk marks that do not depend on the article choice: consent banners,
//! class/id tokens, overlays (phase 1), then wording and shape rules on
//! what phase 1 left (phase 2).

use super::agg::{aggregate, Agg};
use super::plan::{drop_of, Drops};
use crate::article::{Category, PageType};
use crate::doc::{flag, junk_word, Doc, El, NONE};
use crate::html::tags::Tag;
use crate::rules as R;
use crate::Options;


/// Junk marks that do not depend on the article choice: the drop reason
/// for the outermost element of each junk subtree. `raw`: totals of the
/// whole page (nothing removed yet).
/// Returns the visible text of the page left after the marks (`None`
/// when junk removal is off and it was not computed).
/// `stated`: the type the page states (JSON-LD, `og:type`): a thread's
/// posts are its content whatever their class says; a product's customer
/// reviews are not.
pub(super) fn mark_junk(doc: &Doc, o: &Options, raw: Vec<Agg>, stated: Option<PageType>, drop: &mut Drops) -> Option<u32> {
    let guard = Guard::new(&doc.els, &raw);
    let consent_top = consent_tops(&doc.els, &raw, &guard);
    phase1(doc, o, &raw, &guard, &consent_top, stated, drop);
    if !o.remove_junk {
        return None;
    }
    // Phase 2: word and shape rules, on totals *without* what phase 1
    // removed — otherwise the wrapper around an already removed promo box
    // still "contains the word subscribe" and takes the article's text with it.
    // Free the first totals before the second ones (peak memory on huge pages).
    std::mem::drop(raw);
    Some(phase2(doc, &guard, stated == Some(PageType::Product), drop))
}

/// The page's paragraph-ish text: a junk rule may never take more than
/// half of it (a `class="widget"` wrapper around the whole article).
struct Guard {
    ptext: Vec<u32>,
    total_prose: u32,
}

impl Guard {
    fn new(els: &[El], raw: &[Agg]) -> Self {
        let total_prose = raw.iter().zip(els).filter(|(_, e)| e.parent == NONE).map(|(a, _)| a.ptext).sum::<u32>().max(1);
        Guard { ptext: raw.iter().map(|a| a.ptext).collect(), total_prose }
    }
    /// May a junk rule take element `i`?
    fn allows(&self, i: usize) -> bool {
        self.ptext[i] < R::JUNK_GUARD_MIN_CHARS || self.ptext[i] as f32 <= self.total_prose as f32 * R::JUNK_MAX_PAGE_SHARE
    }
}

/// Blocks a junk rule may take whole (not the page, its body or its article).
fn is_container(t: Tag) -> bool {
    !matches!(t, Tag::HTML | Tag::BODY | Tag::MAIN | Tag::ARTICLE)
}

/// The outermost elements of consent banners: innermost elements holding
/// consent wording and a consent button, climbed to the outermost
/// ancestor that still qualifies (no more text than the banner limit, not
/// the page).
fn consent_tops(els: &[El], raw: &[Agg], guard: &Guard) -> Vec<bool> {
    let n = els.len();
    let core: Vec<bool> = (0..n)
        .map(|i| {
            let f = raw[i].flags;
            f & flag::CONSENT_WORD != 0 && f & flag::CONSENT_BUTTON != 0 && raw[i].text <= R::CONSENT_MAX_CHARS
        })
        .collect();
    // The climb stops below a block holding most of the page: on a page
    // with little text (a script-filled schedule) the app's root holds
    // both the banner and the page, under the banner's size limit. The
    // innermost block with the wording and the buttons is always taken.
    let page: u32 = (0..n).filter(|&i| els[i].parent == NONE).map(|i| raw[i].text).sum();
    let climb_limit = page as f32 * R::CONSENT_CLIMB_MAX_PAGE_SHARE;
    let mut inner = core.clone();
    for i in 0..n {
        let p = els[i].parent;
        if core[i] && p != NONE {
            inner[p as usize] = false;
        }
    }
    let qualifies: Vec<bool> = (0..n)
        .map(|i| core[i] && is_container(els[i].tag) && guard.allows(i) && (inner[i] || raw[i].text as f32 <= climb_limit))
        .collect();
    (0..n)
        .map(|i| {
            let p = els[i].parent;
            qualifies[i] && !(p != NONE && qualifies[p as usize])
        })
        .collect()
}

/// Phase 1: consent banners, class/id tokens, consent dialogs, fixed
/// overlays. Marks only the outermost element of each junk subtree.
fn phase1(doc: &Doc, o: &Options, raw: &[Agg], guard: &Guard, consent_top: &[bool], stated: Option<PageType>, drop: &mut Drops) {
    let els = &doc.els;
    let naming = naming_schemes(els, raw, guard);
    let comments_are_chrome = stated != Some(PageType::Forum) && story_beside_comments(els, raw, guard);
    let product = stated == Some(PageType::Product);
    let mut under = vec![false; els.len()];
    for i in 0..els.len() {
        let p = els[i].parent;
        if p != NONE && (under[p as usize] || drop[p as usize].is_some()) {
            under[i] = true;
            continue;
        }
        let e = &els[i];
        if drop[i].is_some() || e.tag == Tag::HTML || e.tag == Tag::BODY {
            continue;
        }
        let d = if consent_top[i] {
            drop_of(Category::CookieBanner, "consent wording with accept/reject controls")
        } else if !o.remove_junk {
            None
        } else {
            phase1_rule(e, &raw[i], guard.allows(i), &naming, comments_are_chrome, product)
        };
        if d.is_some() {
            drop.set(i, d);
        }
    }
}

/// Junk tokens that are the page's naming scheme, not a widget's: their
/// outermost matches that the per-block guard would let go are several
/// and together hold more than [`R::JUNK_TOKEN_MAX_PAGE_SHARE`] of the
/// page's text. A component library that prefixes every block
/// with `cmp-` (also a consent platform's prefix), or a CMS that puts
/// `widget` on every section, would otherwise lose the whole page piece
/// by piece, each piece small enough for the per-block guard.
fn naming_schemes(els: &[El], raw: &[Agg], guard: &Guard) -> Vec<u16> {
    let page: u32 = (0..els.len()).filter(|&i| els[i].parent == NONE).map(|i| raw[i].text).sum();
    // Per token: outermost matches the per-block guard lets go, their text.
    let mut sums: crate::doc::FastMap<u16, (u32, u32)> = Default::default();
    // Per element: inside a counted match. (A `bool`, not the token: LLVM
    // unpacked each copied `Option<u16>` bit by bit, ~100 instructions.)
    let mut under = vec![false; els.len()];
    for i in 0..els.len() {
        let p = els[i].parent;
        let outer = p != NONE && under[p as usize];
        under[i] = outer;
        if let (Some((_, tok)), false) = (els[i].junk, outer) {
            // An outer match the guard refuses (a `widget-wrap` around the
            // whole story) is not dropped, so it must not hide the matches
            // inside it that would be, one by one.
            if guard.allows(i) {
                let s = sums.entry(tok).or_default();
                s.0 += 1;
                s.1 += raw[i].text;
                under[i] = true;
            }
        }
    }
    let limit = page as f32 * R::JUNK_TOKEN_MAX_PAGE_SHARE;
    sums.into_iter()
        .filter(|&(_, (count, t))| count >= R::JUNK_TOKEN_SCHEME_MIN_BLOCKS && t >= R::JUNK_GUARD_MIN_CHARS && t as f32 > limit)
        .map(|(tok, _)| tok)
        .collect()
}

/// Whether the page has a story beside its comment-classed blocks: at
/// least [`R::COMMENTS_MIN_STORY_PROSE`] characters of prose outside all
/// of them. A blog post with its comment thread has; a discussion page
/// whose every post is `class="comment"` (a link aggregator's thread)
/// has not, and its comments are the page.
fn story_beside_comments(els: &[El], raw: &[Agg], guard: &Guard) -> bool {
    let mut under = vec![false; els.len()];
    let mut in_comments = 0u32;
    for i in 0..els.len() {
        let p = els[i].parent;
        under[i] = p != NONE && under[p as usize];
        if !under[i] && els[i].flags & flag::IN_CODE == 0 && matches!(els[i].junk, Some((Category::Comments, _))) {
            under[i] = true;
            in_comments += raw[i].ptext;
        }
    }
    guard.total_prose.saturating_sub(in_comments) >= R::COMMENTS_MIN_STORY_PROSE
}

fn phase1_rule(e: &El, a: &Agg, guard: bool, naming: &[u16], comments_are_chrome: bool, product: bool) -> Option<super::Drop> {
    // Inside code, classes are the highlighter's (`sp-syntax-comment` on
    // a code comment), not the page's: code loses no line to a token.
    let in_code = e.flags & flag::IN_CODE != 0;
    // Review tokens speak only on a product page (a review article's
    // own container says `review` too).
    let review = e.junk.is_some_and(|j| R::PRODUCT_REVIEW_TOKENS.contains(&junk_word(j.1)));
    if let Some((cat, tok)) = e.junk.filter(|j| !naming.contains(&j.1) && !in_code && (product || !review)) {
        // Class signals of small blocks are trusted; a big block with a
        // junk-looking class (`<div class="content-widget">` around the
        // story) is left to scoring. Mostly-links blocks need no size
        // limit: no article is mostly links.
        let linky = a.link_density() >= R::LINKLIST_LINK_DENSITY_STRONG && a.ptext <= R::LINKLIST_MAX_PROSE_CHARS;
        // Consent classes are trusted at any size. An ad token is too, but
        // not on a block of real paragraphs (Drupal's `node--promoted` on
        // the story itself): ads are images, links and a few words.
        let trusted = match cat {
            Category::CookieBanner => true,
            // A story's comment section is trusted at any size; a
            // thread's posts are "comments" too, and stay (see
            // `comments_are_chrome`).
            Category::Comments => comments_are_chrome || a.text <= R::JUNK_CLASS_MAX_CHARS,
            // A product's customer reviews, however many.
            Category::Rating if review => true,
            Category::Ad => a.ptext < R::AD_CLASS_MAX_PROSE_CHARS,
            _ => a.text <= R::JUNK_CLASS_MAX_CHARS,
        };
        if guard && (linky || trusted) {
            return drop_of(cat, format!("class/id token '{}'", junk_word(tok)));
        }
        // A consent platform's own name (`onetrust-pc-sdk`) on a block
        // that speaks of cookies is its preference centre, whatever its
        // size: its vendor list outweighs a thread of short posts, which
        // the guard would otherwise protect. A generic `cookie` class
        // (a recipe tag) is not a platform's name.
        if cat == Category::CookieBanner && a.flags & flag::CONSENT_WORD != 0 && R::CONSENT_PLATFORMS.contains(&junk_word(tok)) {
            return drop_of(cat, format!("consent platform '{}'", junk_word(tok)));
        }
    }
    if e.flags & flag::DIALOG != 0 && a.flags & flag::CONSENT_WORD != 0 && guard && a.text <= R::CONSENT_MAX_CHARS {
        return drop_of(Category::CookieBanner, "dialog about cookies/consent");
    }
    if e.flags & flag::FIXED != 0 && a.text <= R::OVERLAY_MAX_CHARS && guard {
        let cat = if a.flags & flag::CONSENT_WORD != 0 { Category::CookieBanner } else { Category::Boilerplate };
        return drop_of(cat, "fixed-position overlay");
    }
    None
}

/// Phase 2: ad labels, rating and newsletter widgets, subscription
/// offers, link lists — on the totals of what phase 1 left.
/// Returns the text of the top-level elements left after phase 1.
fn phase2(doc: &Doc, guard: &Guard, product: bool, drop: &mut Drops) -> u32 {
    let els = &doc.els;
    let n = els.len();
    let mut gone = vec![false; n];
    for i in 0..n {
        let p = els[i].parent;
        gone[i] = drop[i].is_some() || (p != NONE && gone[p as usize]);
    }
    let live = aggregate(els, &gone);
    let left: u32 = (0..n).filter(|&i| els[i].parent == NONE).map(|i| live[i].text).sum();
    let list_limit = left as f32 * R::LINKLIST_MAX_PAGE_SHARE;
    let (groups, is_list) = link_list_groups(els, &live, &gone);
    // Inside a link list found to be the page's content: its own sub-lists
    // (the `<ul>` in an index's column) are content too.
    let mut content = vec![false; n];
    // The nearest `<main>` above each element (NONE: none).
    let mut main_of = vec![NONE; n];
    for i in 0..n {
        let p = els[i].parent;
        if p != NONE {
            main_of[i] = if els[p as usize].tag == Tag::MAIN { p } else { main_of[p as usize] };
        }
    }
    for i in 0..n {
        let p = els[i].parent;
        if p != NONE && content[p as usize] {
            content[i] = true;
            continue;
        }
        if gone[i] || (p != NONE && drop[p as usize].is_some()) {
            continue;
        }
        let e = &els[i];
        if e.tag == Tag::HTML || e.tag == Tag::BODY || !guard.allows(i) {
            continue;
        }
        let parent = (p != NONE).then(|| (&els[p as usize], &live[p as usize]));
        let d = phase2_rule(e, &live[i], parent).or_else(|| {
            // A list of links holding most of what is left is the page
            // (a listing, a directory), not a menu beside it.
            // (a listing, a directory), not a menu beside it — unless the
            // page has real prose elsewhere (a story with a long menu).
            // Or its items are cards (a title and a blurb), not labels.
            let a = &live[i];
            let cards = a.text / a.li.max(a.p).max(1) >= R::LISTING_CARD_MIN_CHARS;
            let page_content = a.text as f32 > list_limit && (cards || guard.total_prose < R::LINKLIST_PAGE_MAX_OUTSIDE_PROSE);
            // Or it is one of several sibling lists that together are most
            // of the page: an index's letter sections, a category page's
            // columns (a menu is one list, not a run of them).
            let (lists, text) = if p == NONE { (0, 0) } else { groups[p as usize] };
            let page_content = page_content || (lists >= R::LINKLIST_GROUP_MIN_LISTS && text as f32 > list_limit);
            // Or it is most of the page's declared main content: a
            // category page's `<main>` is its lists of links, whatever
            // menus the page has around it. Not on a page that states it
            // is one product: there such lists are the shop's suggestions.
            let m = main_of[i];
            let page_content = page_content || (!product && m != NONE && a.text as f32 > live[m as usize].text as f32 * R::LINKLIST_MAX_PAGE_SHARE);
            let link_list = is_list[i];
            content[i] = link_list && page_content;
            (link_list && !page_content).then(|| {
                let a = &live[i];
                drop_of(Category::LinkList, format!("{} links, link density {}", a_links(doc, i), crate::report::two_decimals(a.link_density())))
            })?
        });
        if d.is_some() {
            drop.set(i, d);
        }
    }
    recommendation_sections(els, &live, guard, drop);
    left
}

/// A section under a recommendation title ("You may also like",
/// "Customers also viewed", "Related articles"): from the title, the
/// wrappers holding only it, then the first block that holds more — the
/// cards — when the title opens it (no text before it) and it is not
/// prose: mostly links or images, no more paragraph text than a widget.
fn recommendation_sections(els: &[El], live: &[Agg], guard: &Guard, drop: &mut Drops) {
    let n = els.len();
    let mut gone = vec![false; n];
    for i in 0..n {
        let p = els[i].parent;
        gone[i] = drop[i].is_some() || (p != NONE && gone[p as usize]);
    }
    for t in 0..n {
        if els[t].flags & flag::RECOMMEND_TITLE == 0 || gone[t] || live[t].text as usize > R::RECOMMENDATION_TITLE_MAX_BYTES {
            continue;
        }
        let mut c = els[t].parent;
        while c != NONE && live[c as usize].text <= live[t].text + R::CONTROL_LABEL_SLACK {
            c = els[c as usize].parent;
        }
        if c == NONE || gone[c as usize] || !is_container(els[c as usize].tag) || !guard.allows(c as usize) {
            continue;
        }
        let ci = c as usize;
        let before: u32 = (ci + 1..t).map(|j| els[j].own_text).sum();
        let a = &live[ci];
        let cards = a.link_density() >= R::RECOMMENDATION_MIN_LINK_DENSITY || a.img >= R::RECOMMENDATION_MIN_IMAGES;
        if before == 0 && cards && a.ptext <= R::WIDGET_MAX_CHARS {
            drop.set(ci, drop_of(Category::Related, "recommendation section"));
            // Its subtree (the run of deeper ordinals after it) is gone.
            let end = ci + 1 + els[ci + 1..].iter().take_while(|e| e.depth > els[ci].depth).count();
            gone[ci..end].iter_mut().for_each(|g| *g = true);
        }
    }
}

/// Per element: how many of its children are link lists and their text,
/// and whether it is one itself (on the totals of what phase 1 left).
fn link_list_groups(els: &[El], live: &[Agg], gone: &[bool]) -> (Vec<(u32, u32)>, Vec<bool>) {
    let mut groups = vec![(0u32, 0u32); els.len()];
    let is_list: Vec<bool> = (0..els.len()).map(|i| !gone[i] && is_link_list(&els[i], &live[i])).collect();
    for i in 0..els.len() {
        let p = els[i].parent;
        if p != NONE && is_list[i] {
            let g = &mut groups[p as usize];
            g.0 += 1;
            g.1 += live[i].text;
        }
    }
    (groups, is_list)
}

/// The wording rules of phase 2 for one element (`parent`: its parent's
/// statistics). Each takes the outermost small block: not when the parent
/// is as small and says the same.
fn phase2_rule(e: &El, a: &Agg, parent: Option<(&El, &Agg)>) -> Option<super::Drop> {
    let parent_is = |f: &dyn Fn(&El, &Agg) -> bool| parent.is_some_and(|(pe, pa)| f(pe, pa));
    let promo_tag = |t: Tag| matches!(t, Tag::DIV | Tag::ASIDE | Tag::SECTION);
    // A table of contents: a block of links to the page's own headings,
    // taken with its "Contents" title (the wrapper is still mostly such
    // links). Footnote markers are a few links in prose; a footnote list's
    // back-links are a small part of its text.
    if is_toc(a) && matches!(e.tag, Tag::UL | Tag::OL | Tag::NAV | Tag::DIV | Tag::SECTION | Tag::ASIDE | Tag::DL | Tag::DETAILS | Tag::TABLE) {
        if !parent_is(&|_, pa| is_toc(pa)) {
            return drop_of(Category::Navigation, "table of contents");
        }
    }
    if a.flags & flag::AD_LABEL != 0 && a.text <= R::AD_LABEL_MAX_CHARS && is_container(e.tag) {
        // The outermost small block around an "Advertisement" label.
        let parent_small = parent_is(&|pe, pa| pa.text <= R::AD_LABEL_MAX_CHARS && is_container(pe.tag) && !has_paragraph_text(pa));
        if !parent_small && !has_paragraph_text(a) {
            return drop_of(Category::Ad, "ad label");
        }
    }
    // A photo credit on a line of its own (`<span class="credit">Photo:
    // Jane Smith/Reuters</span>` in a caption): the credit, not the
    // caption, so only an element whose own text starts the credit.
    if e.flags & flag::CREDIT_LINE != 0 && a.text <= R::CREDIT_LINE_MAX_BYTES as u32 && is_container(e.tag) {
        return drop_of(Category::Boilerplate, "photo credit line");
    }
    // A control's label alone ("Click to expand...", "Show more ▼",
    // "Caption", "Close"): the element holding it, when that is all its
    // text (a link "Read more about the council" is not a control).
    // Only a button, a link or a line of its own: `<em>close</em>` in a
    // sentence and `<code>print</code>` in documentation are words.
    let control = e.flags & (flag::BUTTON | flag::IN_LINK) != 0
        || matches!(e.tag, Tag::DIV | Tag::P | Tag::LI | Tag::DT | Tag::DD | Tag::FIGCAPTION | Tag::LABEL | Tag::SUMMARY);
    if control && e.flags & flag::IN_CODE == 0 && e.tag != Tag::CODE
        && e.flags & flag::CONTROL_LABEL != 0 && a.text <= R::CONTROL_LABEL_MAX_BYTES as u32 && a.text <= e.own_text + R::CONTROL_LABEL_SLACK
    {
        return drop_of(Category::Boilerplate, "interface control label");
    }
    // A table row or a list item is a record (a book in a ranked list,
    // a product in a grid): its rating widget is one of its cells, so the
    // climb to the outermost small block stops below it.
    let rating_block = |t: Tag| is_container(t) && !matches!(t, Tag::TR | Tag::LI);
    if a.flags & flag::RATING_WORD != 0 && a.text <= R::WIDGET_MAX_CHARS && rating_block(e.tag) {
        let parent_small = parent_is(&|pe, pa| pa.text <= R::WIDGET_MAX_CHARS && pa.flags & flag::RATING_WORD != 0 && rating_block(pe.tag));
        if !parent_small && (a.flags & flag::BUTTON != 0 || a.input > 0 || a.text <= R::RATING_MAX_CHARS) {
            return drop_of(Category::Rating, "asks to rate the article");
        }
    }
    if a.flags & flag::NEWSLETTER_WORD != 0 && a.input > 0 && a.text <= R::WIDGET_MAX_CHARS && is_container(e.tag) {
        let parent_small = parent_is(&|pe, pa| pa.text <= R::WIDGET_MAX_CHARS && pa.input > 0 && is_container(pe.tag));
        if !parent_small {
            return drop_of(Category::Newsletter, "newsletter sign-up form");
        }
    }
    if a.flags & flag::NEWSLETTER_WORD != 0 && a.text <= R::PROMO_MAX_CHARS && a.link > 0 && promo_tag(e.tag) {
        let parent_small = parent_is(&|pe, pa| pa.text <= R::PROMO_MAX_CHARS && pa.link > 0 && promo_tag(pe.tag));
        if !parent_small {
            return drop_of(Category::Newsletter, "subscription offer");
        }
    }
    None
}

/// Mostly links to places on the same page, several of them.
fn is_toc(a: &Agg) -> bool {
    a.frag_links >= R::TOC_MIN_LINKS && a.frag as f32 >= a.text as f32 * R::TOC_MIN_FRAGMENT_SHARE
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
