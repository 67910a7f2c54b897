//! The removal report, assembled in one place.
//!
//! Decide gives each removal its category and reason; pass 1 names the
//! outermost element of junk-looking subtrees ([`describe`], for parts of
//! the page pass 2 never reads); pass 2 feeds every removal it meets, and
//! the ones outside the stretch it reads, through one [`ReportBuilder`],
//! which counts their text, keeps a preview and applies the caps.

use std::collections::HashMap;

use crate::article::{Category, CategoryCount, Removal, Report};
use crate::rules as R;

/// One removal on its way into the report.
pub(crate) struct Entry {
    pub category: Category,
    pub reason: String,
    /// `div#id.class` (empty when not listed).
    pub element: String,
    /// Visible characters of the removed subtree.
    pub chars: usize,
    pub preview: String,
    /// Listed one by one in [`Report::removed`] (scripts, styles and
    /// hidden elements only count in the totals: listing them is noise).
    pub listed: bool,
}

impl Entry {
    /// A removal of `category` with `reason`; `element` is only kept for
    /// listed categories.
    pub fn new(category: Category, reason: &str, element: impl FnOnce() -> String, chars: usize) -> Entry {
        let listed = is_listed(category);
        Entry { category, reason: reason.to_string(), element: if listed { element() } else { String::new() }, chars, preview: String::new(), listed }
    }
}

/// Scripts, styles and hidden elements only count in the totals.
fn is_listed(c: Category) -> bool {
    !matches!(c, Category::NonContent | Category::Hidden | Category::OutsideArticle)
}

/// Collects removals in document order.
#[derive(Default)]
pub(crate) struct ReportBuilder {
    items: Vec<Entry>,
}

impl ReportBuilder {
    /// Adds a removal; returns its index for [`ReportBuilder::add_text`].
    pub fn push(&mut self, e: Entry) -> usize {
        self.items.push(e);
        self.items.len() - 1
    }

    /// The category of entry `r`.
    pub fn category(&self, r: usize) -> Category {
        self.items[r].category
    }

    /// Text met inside the removed subtree of entry `r` (decoded, trimmed,
    /// not empty): counted, and the start of it kept as a preview.
    pub fn add_text(&mut self, r: usize, t: &str) {
        let p = &mut self.items[r];
        p.chars += t.chars().count();
        if p.listed && p.preview.chars().count() < R::REPORT_PREVIEW_CHARS {
            if !p.preview.is_empty() {
                p.preview.push(' ');
            }
            p.preview.extend(t.split_whitespace().flat_map(|w| w.chars().chain(std::iter::once(' '))).take(R::REPORT_PREVIEW_CHARS));
            let keep = p.preview.trim_end().len();
            p.preview.truncate(keep);
        }
    }

    /// Totals per category (most elements first) and the listed removals
    /// (at most [`R::REPORT_MAX_ITEMS`]).
    pub fn finish(self) -> Report {
        let mut totals: HashMap<Category, (usize, usize)> = HashMap::new();
        let mut removed = Vec::new();
        for p in self.items {
            let t = totals.entry(p.category).or_default();
            t.0 += 1;
            t.1 += p.chars;
            if p.listed && removed.len() < R::REPORT_MAX_ITEMS {
                removed.push(Removal { category: p.category, reason: p.reason, element: p.element, chars: p.chars, preview: p.preview.trim().to_string() });
            }
        }
        let mut totals: Vec<CategoryCount> = totals.into_iter().map(|(category, (elements, chars))| CategoryCount { category, elements, chars }).collect();
        totals.sort_by(|a, b| b.elements.cmp(&a.elements).then(a.category.cmp(&b.category)));
        Report { totals, removed }
    }
}

/// `div#id.class1.class2` (short) for the report: the id and the first
/// classes, each cut (a generated class list can be kilobytes long).
pub(crate) fn describe(tag: &str, id: Option<&str>, class: Option<&str>) -> String {
    let mut s = String::from(tag);
    if let Some(id) = id.map(str::trim).filter(|i| !i.is_empty()) {
        s.push('#');
        s.extend(id.chars().take(R::REPORT_ID_CHARS));
    }
    if let Some(c) = class {
        for c in c.split_ascii_whitespace().take(R::REPORT_CLASSES) {
            s.push('.');
            s.extend(c.chars().take(R::REPORT_CLASS_CHARS));
        }
    }
    s
}
