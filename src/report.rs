//! The removal report, assembled in one place.
//!
//! Decide gives each removal its category and reason; pass 1 names the
//! outermost element of junk-looking subtrees ([`describe`], for parts of
//! the page pass 2 never reads); pass 2 feeds every removal it meets, and
//! the ones outside the stretch it reads, through one [`ReportBuilder`],
//! which counts their text, keeps a preview and applies the caps.

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
        // One entry per category, so a handful: a linear search and an
        // insertion sort instead of a hash map and the general stable sort,
        // whose code (~7 KB of wasm) nothing else in the module needs.
        let mut totals: Vec<CategoryCount> = Vec::new();
        let mut removed = Vec::new();
        for p in self.items {
            let i = totals.iter().position(|t| t.category == p.category).unwrap_or_else(|| {
                totals.push(CategoryCount { category: p.category, elements: 0, chars: 0 });
                totals.len() - 1
            });
            totals[i].elements += 1;
            totals[i].chars += p.chars;
            if p.listed && removed.len() < R::REPORT_MAX_ITEMS {
                removed.push(Removal { category: p.category, reason: p.reason, element: p.element, chars: p.chars, preview: p.preview.trim().to_string() });
            }
        }
        // Most elements first, then by category (a total order: each
        // category occurs once).
        let before = |a: &CategoryCount, b: &CategoryCount| (b.elements, a.category) < (a.elements, b.category);
        for i in 1..totals.len() {
            let mut j = i;
            while j > 0 && before(&totals[j], &totals[j - 1]) {
                totals.swap(j, j - 1);
                j -= 1;
            }
        }
        Report { totals, removed }
    }
}

/// `x` with two decimals, exactly as `format!("{x:.2}")` writes it (the
/// exact binary value rounded to hundredths, ties to even), for reasons
/// like "link density 0.83". Integer arithmetic only: `{:.2}` was the one
/// float formatting in the wasm build and linked core's float-to-decimal
/// machinery (Grisu and Dragon with their tables) for a single report
/// string.
pub(crate) fn two_decimals(x: f32) -> String {
    // An f32 is mant * 2^exp: 23 fraction bits, 8 exponent bits, bias 127
    // (+ 23 for the binary point after the mantissa), subnormals below.
    const FRAC_BITS: u32 = 23;
    const EXP_MASK: u32 = 0xff;
    const EXP_OFFSET: i32 = 150;
    const HUNDRED: u128 = 100;
    const TEN: u128 = 10;
    if x.is_nan() {
        return "NaN".into();
    }
    let mut s = String::new();
    if x.is_sign_negative() {
        s.push('-');
    }
    if x.is_infinite() {
        s.push_str("inf");
        return s;
    }
    let bits = x.to_bits();
    let frac = bits & ((1 << FRAC_BITS) - 1);
    let biased = (bits >> FRAC_BITS) & EXP_MASK;
    let (mant, exp) = if biased == 0 { (frac, 1 - EXP_OFFSET) } else { (frac | (1 << FRAC_BITS), biased as i32 - EXP_OFFSET) };
    let (int, cents) = if exp >= 0 {
        // An integer below 2^128: nothing to round.
        ((mant as u128) << exp, 0)
    } else {
        let shift = exp.unsigned_abs();
        let scaled = mant as u128 * HUNDRED; // < 2^31
        let hundredths = if shift >= u128::BITS {
            0
        } else {
            let q = scaled >> shift;
            let r = scaled & ((1u128 << shift) - 1);
            let half = 1u128 << (shift - 1);
            q + u128::from(r > half || (r == half && q % 2 == 1))
        };
        (hundredths / HUNDRED, hundredths % HUNDRED)
    };
    let mut digits = Vec::new();
    let mut n = int;
    loop {
        digits.push(b'0' + (n % TEN) as u8);
        n /= TEN;
        if n == 0 {
            break;
        }
    }
    s.extend(digits.iter().rev().map(|&d| char::from(d)));
    s.push('.');
    s.push(char::from(b'0' + (cents / TEN) as u8));
    s.push(char::from(b'0' + (cents % TEN) as u8));
    s
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

#[cfg(test)]
mod tests {
    use super::{two_decimals, Entry, ReportBuilder};
    use crate::article::{Category, CategoryCount};

    /// The totals as a hash map and `sort_by` made them before.
    fn reference(entries: &[(Category, usize)]) -> Vec<CategoryCount> {
        let mut m: std::collections::HashMap<Category, (usize, usize)> = Default::default();
        for &(c, chars) in entries {
            let t = m.entry(c).or_default();
            t.0 += 1;
            t.1 += chars;
        }
        let mut v: Vec<CategoryCount> = m.into_iter().map(|(category, (elements, chars))| CategoryCount { category, elements, chars }).collect();
        v.sort_by(|a, b| b.elements.cmp(&a.elements).then(a.category.cmp(&b.category)));
        v
    }

    #[test]
    fn totals_count_and_order_as_a_sort_would() {
        let cats = [
            Category::Ad, Category::CookieBanner, Category::LinkList, Category::Navigation, Category::HeaderFooter,
            Category::Share, Category::Comments, Category::Newsletter, Category::Rating, Category::Related,
            Category::Hidden, Category::NonContent, Category::Boilerplate, Category::OutsideArticle, Category::Custom,
        ];
        let mut seed = 7u32;
        for n in 0..300usize {
            let mut entries = Vec::new();
            let mut b = ReportBuilder::default();
            for _ in 0..n % 60 {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                // Few categories and skewed counts, so ties in `elements` occur.
                let c = cats[(seed >> 16) as usize % (1 + n % cats.len())];
                let chars = (seed >> 8) as usize % 50;
                entries.push((c, chars));
                b.push(Entry::new(c, "r", String::new, chars));
            }
            let totals = b.finish().totals;
            assert_eq!(totals, reference(&entries), "{entries:?}");
        }
    }

    fn check(x: f32) {
        assert_eq!(two_decimals(x), format!("{x:.2}"), "bits {:#x}", x.to_bits());
    }

    #[test]
    fn two_decimals_is_what_the_formatter_writes() {
        // Every ratio of small counts (what link densities are).
        for text in 1..=400u32 {
            for link in 0..=2 * text {
                check(link as f32 / text as f32);
            }
        }
        // Exact ties (odd multiples of 1/8) round to even, like {:.2}.
        for k in 0..4000u32 {
            check(k as f32 / 8.0);
        }
        // Spread over every exponent: subnormals, huge values, signs, specials.
        let mut bits = 1u32;
        for _ in 0..200_000 {
            bits = bits.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            check(f32::from_bits(bits));
        }
        for x in [0.0, -0.0, 0.005, 0.015, 0.125, 0.995, 1.0, f32::MIN_POSITIVE, f32::MAX, f32::INFINITY, f32::NEG_INFINITY, f32::NAN] {
            check(x);
        }
    }
}
