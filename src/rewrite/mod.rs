//! Pass 2: serialize the article by ordinal.
//!
//! Pass 2 replays what pass 1 tokenized — the elements of [`Doc::els`]
//! (with their attributes' places in the input) and the text chunks of
//! [`Doc::text_recs`], merged in document order — over the stretch of the
//! page that holds the kept blocks, and looks each element up in the
//! [`Plan`]: outside the article nothing is written; a dropped subtree is
//! skipped (and reported); inside the article every element is written
//! *by us* from the allowlist — tag names from our tables, attributes
//! re-escaped after decoding and checking — never copied from the input.
//! So what the sanitizer checked is byte for byte what the browser parses.
//!
//! Replaying instead of running lol_html a second time: the second
//! tokenization of the article's bytes cost about a fifth of `clean`
//! (callgrind, readability pages), and it could only find what pass 1
//! had already found. Closing order comes from [`El::end`](crate::doc::El::end):
//! an element is open at input position `p` iff it started before `p`
//! and its end is after `p`, which is exactly the walk's stack.

mod emit;
mod images;
mod replay;
mod sanitize;
#[cfg(test)]
mod tests;

use crate::article::Article;
use crate::decide::Plan;
use crate::doc::{Doc, Input, NONE};
use crate::error::Result;
use crate::html::entities::decode;
use crate::html::tags::Tag;
use crate::html::url::{self, Base, UrlKind};
use crate::meta::PageMeta;
use crate::report::Entry;
use crate::rules as R;
use crate::Options;
use emit::RewriteVisitor;

/// Pass 2: the article of `page` as `plan` says.
pub(crate) fn rewrite(page: Input<'_>, doc: &Doc, plan: Plan, o: &Options) -> Result<Article> {
    // A fragment (no <body>, no chosen container): text outside any
    // element is article text too, and pass 2 reads the whole input.
    let fragment = plan.root == NONE && !doc.els.iter().any(|e| e.tag == Tag::BODY);
    let first = if fragment { None } else { plan.keep_top.iter().position(|k| *k) };
    let last = if fragment { None } else { plan.keep_top.iter().rposition(|k| *k) };
    let (before, after) = outside_entries(doc, &plan, first, last);
    let on_path = ancestors_of_kept(doc, &plan.keep_top);
    let base = resolve_base(doc, o);
    let Plan { drop, keep_top, byline, title, meta, page_type, .. } = plan;
    let mut v = RewriteVisitor::new(drop, keep_top, on_path, o, base, page.bytes.len(), fragment);
    for e in before {
        v.removals.push(e);
    }
    // Pass 2 reads only the stretch of input that holds the kept blocks:
    // from the first one's start tag to the last one's end tag.
    let (from, from_pos, to) = match (first, last) {
        (Some(f), Some(l)) => (f, doc.els[f].start, doc.els[l].end.max(doc.els[f].start)),
        _ => (0, 0, u32::MAX),
    };
    replay::replay(&mut v, page, doc, from, from_pos, to);
    for e in after {
        v.removals.push(e);
    }
    let product = (page_type == crate::article::PageType::Product).then(|| meta.product.clone()).flatten();
    let mut article = Article { page_type, ..article_of(v, doc, meta, title, byline) };
    if let Some((name, description)) = product {
        add_product(&mut article, &name, &description);
    }
    Ok(article)
}

/// A product page whose visible text lacks its JSON-LD description (a
/// shop that renders it by script): the name and description are added,
/// escaped, as paragraphs.
fn add_product(a: &mut Article, name: &str, description: &str) {
    let probe: String = description.chars().take(R::PRODUCT_PROBE_CHARS).collect();
    let flat = a.text_content.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.contains(probe.split_whitespace().collect::<Vec<_>>().join(" ").as_str()) {
        return;
    }
    let mut add = String::new();
    let mut text = String::new();
    if !name.is_empty() && !flat.contains(name) {
        add.push_str("<h2>");
        sanitize::escape_text(&mut add, name);
        add.push_str("</h2>");
        text.push_str(name);
        text.push('\n');
    }
    for line in description.lines() {
        add.push_str("<p>");
        sanitize::escape_text(&mut add, line);
        add.push_str("</p>");
        text.push_str(line);
        text.push('\n');
    }
    a.content.push_str(&add);
    if !a.text_content.is_empty() && !a.text_content.ends_with('\n') {
        a.text_content.push('\n');
    }
    a.text_content.push_str(text.trim_end());
    a.length = a.text_content.chars().count();
    a.word_count = crate::text::word_count(&a.text_content);
    a.reading_time_minutes = if a.word_count == 0 { 0 } else { a.word_count.div_ceil(R::WORDS_PER_MINUTE) };
    a.empty_reason = None;
}

/// Ancestors of the kept blocks: walking through them is not "removing".
fn ancestors_of_kept(doc: &Doc, keep_top: &[bool]) -> Vec<bool> {
    let mut on_path = vec![false; doc.els.len()];
    for (i, _) in keep_top.iter().enumerate().filter(|(_, k)| **k) {
        let mut p = doc.els[i].parent;
        while p != NONE && !on_path[p as usize] {
            on_path[p as usize] = true;
            p = doc.els[p as usize].parent;
        }
    }
    on_path
}

/// Report entries for removed blocks outside the stretch pass 2 reads
/// (before it, after it), named from pass 1's descriptions.
fn outside_entries(doc: &Doc, plan: &Plan, first: Option<usize>, last: Option<usize>) -> (Vec<Entry>, Vec<Entry>) {
    let n = doc.els.len();
    let (lo, hi) = match (first, last) {
        (Some(f), Some(l)) => {
            let end = doc.els[l].end;
            (f, (l..n).find(|&j| doc.els[j].start >= end).unwrap_or(n))
        }
        _ => (0, n),
    };
    let mut gone = vec![false; n];
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for i in 0..n {
        let p = doc.els[i].parent;
        let parent_gone = p != NONE && gone[p as usize];
        gone[i] = parent_gone || plan.drop[i].is_some();
        if parent_gone || (lo..hi).contains(&i) {
            continue;
        }
        if let Some(d) = &plan.drop[i] {
            let e = &doc.els[i];
            let element = || doc.descs.get(&(i as u32)).map_or_else(|| e.tag.name().unwrap_or("element").to_string(), |d| d.to_string());
            let item = Entry::new(d.category, &d.reason, element, plan.raw_text[i] as usize);
            if i < lo { before.push(item) } else { after.push(item) }
        }
    }
    (before, after)
}

/// The result: the visitor's output plus the page's metadata.
fn article_of(v: RewriteVisitor, doc: &Doc, meta: PageMeta, title: String, byline: Option<String>) -> Article {
    let text_content = v.text.finish();
    let length = text_content.chars().count();
    let word_count = crate::text::word_count(&text_content);
    let reading_time_minutes = if word_count == 0 { 0 } else { word_count.div_ceil(R::WORDS_PER_MINUTE) };
    let excerpt = meta.excerpt.clone().or_else(|| v.first_paragraph.clone().map(|p| truncate_chars(&p, R::EXCERPT_MAX_CHARS)));
    let lead_image = meta
        .lead_image
        .as_deref()
        .and_then(|u| url::sanitize(&url::preprocess(&decode(u)), UrlKind::Image, v.base.as_ref()))
        .or(v.first_image.clone());
    let lang = doc.meta.lang.clone().or_else(|| doc.meta.metas.get("content-language").cloned()).map(|l| l.trim().to_string());
    Article {
        title: if title.is_empty() { meta.title.unwrap_or_default() } else { title },
        byline: meta.byline.or(byline),
        dir: doc.meta.dir.clone(),
        lang,
        content: v.html,
        text_content,
        length,
        excerpt,
        site_name: meta.site_name,
        published_time: meta.published_time,
        lead_image,
        word_count,
        reading_time_minutes,
        report: v.removals.finish(),
        page_type: Default::default(),
        empty_reason: None,
    }
}

fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

/// The base URL: `<base href>` resolved against the page URL, else the page URL.
fn resolve_base(doc: &Doc, o: &Options) -> Option<Base> {
    let page = o.url.as_deref().and_then(Base::parse);
    match doc.meta.base_href.as_deref().map(|h| url::preprocess(&decode(h))) {
        Some(h) if !h.is_empty() => {
            if let Some(b) = Base::parse(&h) {
                return Some(b);
            }
            match &page {
                Some(p) => Base::parse(&p.resolve(&h)),
                None => None,
            }
        }
        _ => page,
    }
}
