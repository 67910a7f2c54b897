//! Text statistics of pass 1: character and comma counts, sentence ends,
//! ad labels and the short-text word lists.

use std::sync::OnceLock;

use crate::html::matcher::Matcher;
use crate::rules;

/// Ids of the text word lists.
pub(super) mod words {
    pub const CONSENT: u8 = 0;
    pub const RATING: u8 = 1;
    pub const NEWSLETTER: u8 = 2;
    pub const BUTTON: u8 = 3;
    pub const RECOMMEND: u8 = 4;
}

/// SIMD finders for consent wording: it is searched in *all* visible
/// text, so this is the one text scan that must run at memory speed.
/// Each word is searched as lowercase and as capitalised/uppercase.
pub(super) fn consent_finders() -> &'static [memchr::memmem::Finder<'static>] {
    static F: OnceLock<Vec<memchr::memmem::Finder<'static>>> = OnceLock::new();
    F.get_or_init(|| {
        let mut v = Vec::new();
        for w in rules::CONSENT_WORDS {
            // Skip the first letter so "Cookie" and "cookie" share a needle.
            let tail = &w[1..];
            v.push(memchr::memmem::Finder::new(tail.as_bytes()).into_owned());
            v.push(memchr::memmem::Finder::new(tail.to_ascii_uppercase().as_bytes()).into_owned());
        }
        v
    })
}

/// The short-text lists other than the button words.
const WORDING: [(u8, &[&str]); 4] = [
    (words::CONSENT, rules::CONSENT_WORDS),
    (words::RATING, rules::RATING_WORDS),
    (words::NEWSLETTER, rules::NEWSLETTER_WORDS),
    (words::RECOMMEND, rules::RECOMMENDATION_TITLES),
];

/// All short-text lists, button words included (a button's or link's label).
pub(super) fn short_text_matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(&[WORDING[0], WORDING[1], WORDING[2], WORDING[3], (words::BUTTON, rules::CONSENT_BUTTON_WORDS)]))
}

/// [`short_text_matcher`] without the button words, for text that is no
/// button label (most of it): the biggest list and its two-letter `ok`,
/// which sent every `o` to a compare, are left out of the scan.
pub(super) fn wording_matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(&WORDING))
}


/// `s.trim()`: the ASCII whitespace of markup indentation is skipped a byte
/// at a time first (`str::trim` decodes and classifies every char, and
/// every text node between tags is mostly indentation); only a non-ASCII
/// end (NBSP, U+2000 …) takes the full Unicode rule.
pub(super) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let ws = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let Some(start) = b.iter().position(|c| !ws(c)) else { return "" };
    let end = b.iter().rposition(|c| !ws(c)).map_or(start, |i| i + 1);
    // Both cuts sit next to an ASCII byte or an end: char boundaries.
    let t = &s[start..end];
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(&f), Some(&l)) if f >= 0x80 || l >= 0x80 => t.trim(),
        _ => t,
    }
}

/// `. ` inside, or a final `.` (Readability's `/\.( |$)/`).
pub(super) fn has_sentence_end(s: &str) -> bool {
    let b = s.trim_end().as_bytes();
    memchr::memchr_iter(b'.', b).any(|i| i + 1 == b.len() || b[i + 1] == b' ')
}

/// The whole (trimmed) text is an ad label: "Advertisement", "ANZEIGE",
/// "Advertisement - Continue reading below".
/// Whether a short text is only an interface control's label ("Click to
/// expand...", "Loading…", "Show more ▼"): the whole text, punctuation
/// and arrows around it aside, is one of [`rules::CONTROL_LABELS`].
pub(super) fn is_control_label(t: &str) -> bool {
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    t.len() <= rules::CONTROL_LABEL_MAX_BYTES && rules::CONTROL_LABELS.iter().any(|l| t.eq_ignore_ascii_case(l))
}

pub(super) fn is_ad_label(t: &str) -> bool {
    // Cheap reject: labels start with one of a few letters.
    let first = t.bytes().find(|b| b.is_ascii_alphanumeric()).map(|b| b.to_ascii_lowercase());
    if !first.is_some_and(|f| rules::AD_LABELS.iter().any(|l| l.as_bytes()[0] == f)) {
        return false;
    }
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_empty() || t.len() > rules::AD_LABEL_MAX_CHARS as usize {
        return false;
    }
    let tb = t.as_bytes();
    rules::AD_LABELS.iter().any(|l| {
        let lb = l.as_bytes();
        if lb.len() <= rules::AD_LABEL_EXACT_MAX_BYTES {
            tb.eq_ignore_ascii_case(lb)
        } else {
            tb.len() >= lb.len()
                && tb[..lb.len()].eq_ignore_ascii_case(lb)
                && !t[lb.len()..].chars().next().is_some_and(|c| c.is_alphanumeric())
        }
    })
}


/// Counts characters (whitespace runs as one) and commas.
///
/// One counting pass the compiler turns into a SIMD loop, instead of
/// one byte-by-byte state machine: this runs over all visible text of
/// the page. `count_text_naive` (in the tests) is the reference it is tested against.
pub(super) fn count_text(s: &str, last_ws: bool) -> (u32, u32, bool) {
    let b = s.as_bytes();
    let Some(&last) = b.last() else { return (0, 0, last_ws) };
    // Byte compares, not a `matches!` the compiler turns into a lookup.
    let ws = |c: u8| (c == b' ') | (c == b'\t') | (c == b'\n') | (c == b'\r') | (c == 0x0c);
    // One pass over the byte pairs (previous, current), the three counts
    // summed as `u8` over at most 255 pairs (32 lanes at a time, not the 4
    // of a `usize` sum); the first byte is counted on its own.
    let first = b[0];
    let mut chars = usize::from(first & 0xC0 != 0x80);
    // A whitespace byte right after whitespace adds nothing.
    let mut folded = usize::from(last_ws && ws(first));
    let mut commas = u32::from(first == b',');
    for (cur, prev) in b[1..].chunks(255).zip(b.chunks(255)) {
        let (mut ch, mut fo, mut co) = (0u8, 0u8, 0u8);
        for (&p, &c) in prev.iter().zip(cur) {
            // UTF-8 continuation bytes are counted with their lead byte.
            ch += u8::from(c & 0xC0 != 0x80);
            fo += u8::from(ws(p) & ws(c));
            co += u8::from(c == b',');
        }
        chars += usize::from(ch);
        folded += usize::from(fo);
        commas += u32::from(co);
    }
    // Full-width and Arabic commas (CJK/Arabic prose has no ASCII ones).
    if chars < b.len() {
        commas += wide_commas(b);
    }
    ((chars - folded) as u32, commas, ws(last))
}

/// Counts U+FF0C, U+060C and U+3001 (EF BC 8C, D8 8C, E3 80 81) by their
/// lead bytes, found with `memchr3`, instead of decoding every character.
pub(super) fn wide_commas(b: &[u8]) -> u32 {
    memchr::memchr3_iter(0xEF, 0xD8, 0xE3, b)
        .filter(|&i| match b[i] {
            0xEF => b.get(i + 1..i + 3) == Some(&[0xBC, 0x8C]),
            0xD8 => b.get(i + 1) == Some(&0x8C),
            _ => b.get(i + 1..i + 3) == Some(&[0x80, 0x81]),
        })
        .count() as u32
}

/// The byte-at-a-time definition of [`count_text`].
#[cfg(test)]
pub(super) fn count_text_naive(s: &str, mut last_ws: bool) -> (u32, u32, bool) {
    let mut n = 0u32;
    let mut commas = 0u32;
    for &b in s.as_bytes() {
        if b & 0xC0 == 0x80 {
            continue; // UTF-8 continuation byte: counted with its lead byte.
        }
        let ws = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
        if ws {
            if !last_ws {
                n += 1;
            }
        } else {
            n += 1;
            if b == b',' {
                commas += 1;
            }
        }
        last_ws = ws;
    }
    if s.len() > n as usize {
        commas += s.matches(['\u{FF0C}', '\u{060C}', '\u{3001}']).count() as u32;
    }
    (n, commas, last_ws)
}


#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-wise `trim` agrees with `str::trim` on ASCII and Unicode
    /// whitespace at either end.
    #[test]
    fn trim_agrees_with_str_trim() {
        let alphabet = [" ", "\n", "\t", "\r", "\u{b}", "\u{c}", "\u{1c}", "a", "é", "\u{a0}", "\u{85}", "\u{2003}", "\u{3000}", "中", "."];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(seed % 7) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x632B_E59B_D9B4_E019);
            assert_eq!(trim(&s), s.trim(), "{s:?}");
        }
    }

    /// The SIMD-friendly `count_text` agrees with the byte-at-a-time one,
    /// on every carry-in and on text mixing spaces, commas and UTF-8.
    #[test]
    fn count_text_agrees_with_naive() {
        let alphabet = [" ", "  ", "\n", "\t", "a", "b,", ",", "é", "中", "，", "،", "\u{a0}", "x y", "\r\n"];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..5000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Some long enough to span the 255-byte blocks of the counts.
            let len = (seed % 12) as usize + if seed % 7 == 0 { 400 } else { 0 };
            let mut r = seed;
            for _ in 0..len {
                r = r.rotate_left(7).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                s.push_str(alphabet[(r >> 33) as usize % alphabet.len()]);
            }
            for last_ws in [false, true] {
                assert_eq!(count_text(&s, last_ws), count_text_naive(&s, last_ws), "{s:?} {last_ws}");
            }
        }
    }

}
