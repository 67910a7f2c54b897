//! What a `class`/`id` string says: Readability's candidate lists, the
//! class weight and the junk token tables, in one matcher pass.

use std::sync::OnceLock;

use crate::article::Category;
use crate::doc::{flag, FastMap};
use crate::html::matcher::Matcher;
use crate::rules;

/// Ids of the class/id substring lists in [`class_matcher`].
pub(super) mod list {
    pub const UNLIKELY: u8 = 0;
    pub const MAYBE: u8 = 1;
    pub const POSITIVE: u8 = 2;
    pub const NEGATIVE: u8 = 3;
    pub const BYLINE: u8 = 4;
    pub const AD: u8 = 5;
    pub const CONSENT: u8 = 6;
    pub const RELATED: u8 = 7;
    pub const CHROME: u8 = 8;
    pub const NEWSLETTER: u8 = 9;
}

pub(super) fn class_matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        Matcher::new(&[
            (list::UNLIKELY, rules::UNLIKELY_CANDIDATES),
            (list::MAYBE, rules::MAYBE_CANDIDATE),
            (list::POSITIVE, rules::POSITIVE),
            (list::NEGATIVE, rules::NEGATIVE),
            (list::BYLINE, rules::BYLINE),
            (list::AD, rules::AD_SUBSTRINGS),
            (list::CONSENT, rules::CONSENT_SUBSTRINGS),
            (list::RELATED, rules::RELATED_TOKENS),
            (list::CHROME, rules::CHROME_TOKENS),
            (list::CHROME, rules::AUTHOR_BOX_SUBSTRINGS),
            (list::NEWSLETTER, rules::NEWSLETTER_TOKENS),
        ])
    })
}

/// Token → junk category, from the token tables in rules order (first wins).
pub(super) fn token_table() -> &'static FastMap<&'static str, (Category, &'static str)> {
    static T: OnceLock<FastMap<&'static str, (Category, &'static str)>> = OnceLock::new();
    T.get_or_init(|| {
        let tables: &[(Category, &[&'static str])] = &[
            (Category::Ad, rules::AD_TOKENS),
            (Category::Share, rules::SHARE_TOKENS),
            (Category::Newsletter, rules::NEWSLETTER_TOKENS),
            (Category::Rating, rules::RATING_TOKENS),
            (Category::Rating, rules::PRODUCT_REVIEW_TOKENS),
            (Category::Comments, rules::COMMENT_TOKENS),
            (Category::Boilerplate, rules::FORUM_CHROME_TOKENS),
            (Category::Navigation, rules::NAV_TOKENS),
            (Category::Related, rules::RELATED_TOKENS),
            (Category::HeaderFooter, rules::CHROME_TOKENS),
        ];
        let mut m = FastMap::default();
        for (cat, table) in tables {
            for t in table.iter() {
                m.entry(*t).or_insert((*cat, *t));
            }
        }
        m
    })
}


/// Splits a lowercased class/id string into tokens: the runs of ASCII
/// letters and digits. Scanned as bytes (a `char` split decoded every
/// character); a non-ASCII character's bytes separate like the character.
pub(super) fn tokens(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        (start < i).then(|| &s[start..i])
    })
}

/// Junk hits of one class/id string, by kind (first hit of each).
#[derive(Default)]
pub(super) struct ClassHits {
    consent: Option<(Category, &'static str)>,
    ad: Option<(Category, &'static str)>,
    hyphen: Option<(Category, &'static str)>,
}

impl ClassHits {
    fn note(&mut self, l: u8, n: &'static str, rm: &[String]) {
        if rm.iter().any(|r| r == n) {
            return;
        }
        match l {
            list::CONSENT if self.consent.is_none() => self.consent = Some((Category::CookieBanner, n)),
            list::AD if self.ad.is_none() => self.ad = Some((Category::Ad, n)),
            // Hyphenated table entries (`most-read`, `site-header`) are not
            // single tokens: they match as substrings.
            list::RELATED if self.hyphen.is_none() && n.contains('-') => self.hyphen = Some((Category::Related, n)),
            list::CHROME if self.hyphen.is_none() && n.contains('-') => self.hyphen = Some((Category::HeaderFooter, n)),
            list::NEWSLETTER if self.hyphen.is_none() && n.contains('-') => self.hyphen = Some((Category::Newsletter, n)),
            _ => {}
        }
    }
}

/// The caller's `add_junk_tokens`.
pub(super) fn custom_junk(lc: &str, add: &[String]) -> Option<(Category, &'static str)> {
    add.iter()
        .any(|a| tokens(lc).any(|t| t == a) || (a.contains('-') && lc.contains(a.as_str())))
        .then_some((Category::Custom, "add_junk_tokens"))
}

/// What a class/id string says, independent of the element.
#[derive(Clone, Copy)]
pub(super) struct ClassResult {
    pub unlikely: bool,
    pub flags: u32,
    pub weight: i32,
    pub junk: Option<(Category, &'static str)>,
}

/// Entries in the per-page class cache (bounded: a hostile page can have
/// a million distinct classes).
pub(super) const CLASS_CACHE_MAX: usize = 4096;

pub(super) fn classify(joined: &str, class_len: usize, add: &[String], rm: &[String]) -> ClassResult {
    // A class that negates what it names says the opposite: `no-promo`,
    // `hide-read-more-ad` (a story card of a grid whose ad slot is off).
    // Classify without those words.
    let negated = |w: &str| rules::NEGATING_CLASS_PREFIXES.iter().any(|p| w.starts_with(p));
    if joined[..class_len].split_ascii_whitespace().any(negated) {
        let kept: Vec<&str> = joined[..class_len].split_ascii_whitespace().filter(|w| !negated(w)).collect();
        let class = kept.join(" ");
        let rest = format!("{class}{}", &joined[class_len..]);
        return classify(&rest, class.len(), add, rm);
    }
    let mut flags = 0;
    let mut weight = 0;
    let mut junk;
    let (mut mc, mut mi) = (0u64, 0u64);
    let mut hits = ClassHits::default();
    class_matcher().find(joined.as_bytes(), |l, n, pos| {
        if pos < class_len {
            mc |= 1 << l;
        } else {
            mi |= 1 << l;
        }
        hits.note(l, n, rm);
        true
    });
    let both = mc | mi;
    let has = |mask: u64, l: u8| mask & (1 << l) != 0;
    let (cpart, ipart) = joined.split_at(class_len);
    for (mask, part) in [(mc, cpart), (mi, ipart)] {
        if part.trim().is_empty() {
            continue;
        }
        if has(mask, list::NEGATIVE) || part.split_ascii_whitespace().any(|w| rules::NEGATIVE_WORDS.contains(&w)) {
            weight -= rules::CLASS_WEIGHT as i32;
        }
        if has(mask, list::POSITIVE) {
            weight += rules::CLASS_WEIGHT as i32;
        }
    }
    if has(both, list::BYLINE) {
        flags |= flag::BYLINE;
    }
    let mut share = false;
    junk = hits.consent.or(hits.ad);
    {
        let table = token_table();
        for tok in tokens(joined) {
            if tok == "share" || tok == "sharedaddy" {
                share = true;
            }
            if junk.is_none() {
                if let Some(&(cat, t)) = table.get(tok) {
                    if !rm.iter().any(|r| r == t) {
                        junk = Some((cat, t));
                    }
                }
            }
        }
    }
    if share {
        flags |= flag::SHARE;
    }
    if junk.is_none() {
        junk = hits.hyphen;
    }
    if junk.is_none() && !add.is_empty() {
        junk = custom_junk(joined, add);
    }
    ClassResult { unlikely: has(both, list::UNLIKELY) && !has(both, list::MAYBE), flags, weight, junk }
}


#[cfg(test)]
#[test]
fn tokens_are_the_ascii_alphanumeric_runs() {
    for s in ["", "a", "  post-body main_2 ", "--x--", "café-menu über", "a\u{a0}b", "nav123 x"] {
        let want: Vec<&str> = s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).collect();
        assert_eq!(tokens(s).collect::<Vec<_>>(), want, "{s:?}");
    }
}
