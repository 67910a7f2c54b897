//! Readability's `isProbablyReaderable`, on pass-1 statistics.

use super::Measurer;
use crate::doc::{flag, NONE};
use crate::html::tags::Tag;
use crate::rules;
use crate::Options;

/// Readability's `isProbablyReaderable` on pass-1 statistics.
pub(crate) fn probably_readerable(html: &str) -> bool {
    let o = Options::default();
    let Ok(doc) = Measurer::measure_all(&o, html.as_bytes()) else { return false };
    let n = doc.els.len();
    let mut total = vec![0u32; n];
    for i in (0..n).rev() {
        total[i] += doc.els[i].own_text;
        let p = doc.els[i].parent;
        if p != NONE {
            total[p as usize] += total[i];
        }
    }
    let mut score = 0.0f64;
    for (i, e) in doc.els.iter().enumerate() {
        if !matches!(e.tag, Tag::P | Tag::PRE | Tag::ARTICLE) {
            continue;
        }
        if e.flags & (flag::HIDDEN | flag::UNLIKELY | flag::INVISIBLE) != 0 {
            continue;
        }
        let len = total[i] as usize;
        if len < rules::READERABLE_MIN_CONTENT_LENGTH {
            continue;
        }
        score += ((len - rules::READERABLE_MIN_CONTENT_LENGTH) as f64).sqrt();
        if score > rules::READERABLE_MIN_SCORE {
            return true;
        }
    }
    false
}
