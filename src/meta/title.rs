//! The article title: metadata first, then Readability's
//! `_getArticleTitle` over `<title>` and the page's headings.

use super::{clean_ws, PageMeta};
use crate::doc::Doc;
use crate::html::tags::Tag;
use crate::rules as R;

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count().max(if s.trim().is_empty() { 0 } else { 1 })
}


/// Positions of " X " separators in the title.
pub(super) fn separator_positions(t: &str) -> Vec<(usize, char)> {
    let cs: Vec<(usize, char)> = t.char_indices().collect();
    let mut out = Vec::new();
    for w in cs.windows(3) {
        if w[0].1 == ' ' && w[2].1 == ' ' && R::TITLE_SEPARATORS.contains(&w[1].1) {
            out.push((w[0].0, w[1].1));
        }
    }
    out
}

/// Readability's `_getArticleTitle`, from `<title>` and the page's `<h1>`s.
pub(super) fn title_from_document(doc: &Doc) -> String {
    let orig = doc.meta.title.trim().to_string();
    let mut cur = orig.clone();
    let mut hierarchical = false;
    let seps = separator_positions(&orig);
    if let Some(&(last, _)) = seps.last() {
        hierarchical = seps.iter().any(|(_, c)| R::TITLE_HIERARCHICAL_SEPARATORS.contains(c));
        cur = orig[..last].to_string();
        if word_count(&cur) < R::TITLE_MIN_SEGMENT_WORDS {
            // Drop the first segment instead: "Site | Long article title".
            if let Some(p) = orig.find(R::TITLE_SEPARATORS) {
                cur = orig[p + orig[p..].chars().next().map_or(1, |c| c.len_utf8())..].to_string();
            }
        }
    } else if cur.contains(": ") {
        let headings_match = doc.texts.iter().any(|(k, v)| {
            matches!(doc.els[*k as usize].tag, Tag::H1 | Tag::H2) && clean_ws(v) == cur.trim()
        });
        if !headings_match {
            let after_last = orig[orig.rfind(':').map_or(0, |i| i + 1)..].to_string();
            if word_count(&after_last) < R::TITLE_MIN_SEGMENT_WORDS {
                cur = orig[orig.find(':').map_or(0, |i| i + 1)..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > R::TITLE_MAX_PREFIX_WORDS {
                cur = orig.clone();
            } else {
                cur = after_last;
            }
        }
    } else if cur.chars().count() > R::TITLE_MAX_CHARS || cur.chars().count() < R::TITLE_MIN_CHARS {
        let h1s: Vec<&String> = doc.texts.iter().filter(|(k, _)| doc.els[**k as usize].tag == Tag::H1).map(|(_, v)| v).collect();
        if h1s.len() == 1 {
            cur = clean_ws(h1s[0]);
        }
    }
    let cur = clean_ws(&cur);
    let n = word_count(&cur);
    let orig_words_without_seps = word_count(&orig.replace(R::TITLE_SEPARATORS, ""));
    if n <= R::TITLE_MIN_WORDS && (!hierarchical || n + 1 != orig_words_without_seps) {
        return clean_ws(&orig);
    }
    cur
}

/// The article title: metadata first, then the document.
pub(crate) fn article_title(doc: &Doc, meta: &PageMeta) -> String {
    meta.title.clone().unwrap_or_else(|| title_from_document(doc))
}

