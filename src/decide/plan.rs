//! The decision pass 2 executes: drop marks with reasons, kept blocks.

use crate::article::{Category, PageType};
use crate::meta::PageMeta;

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
    /// What the page says about itself (JSON-LD, `<meta>`), read once.
    pub meta: PageMeta,
    /// What kind of page this is.
    pub page_type: PageType,
}

pub(super) fn drop_of(category: Category, reason: impl Into<Box<str>>) -> Option<Drop> {
    Some(Drop { category, reason: reason.into() })
}

