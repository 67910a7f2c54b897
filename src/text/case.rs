//! `str::to_lowercase`, exactly, with 2.9 KB of tables instead of core's
//! 12.8 KB (its `LOWERCASE_TABLE` of one `(char, u32)` pair per mapped
//! char, plus the `Cased` and `Case_Ignorable` sets of the final-sigma
//! rule): most of the Unicode lowercase mapping is runs of chars with one
//! offset (`A`–`Z`, Cyrillic) or every other char (Latin Extended-A), so
//! 185 runs hold all 1,400-odd mappings. `examples/case_tables.rs` writes
//! the tables from the toolchain's own functions; the tests below compare
//! the result with `char::to_lowercase` for every char and with
//! `str::to_lowercase` for Σ next to every class boundary.

#[rustfmt::skip]
mod tables {
    include!("case_tables.rs");
}
use tables::{LOWER, SIGMA_CLASS};

/// The same string as `s.to_lowercase()`.
pub(crate) fn to_lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            // Unicode's Final_Sigma, as `str::to_lowercase` decides it.
            let word_final = cased_neighbour(s[..i].chars().rev()) && !cased_neighbour(s[i + 'Σ'.len_utf8()..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else if c == '\u{130}' {
            out.push_str("i\u{307}"); // the one char that lowercases to two
        } else {
            out.push(lower(c));
        }
    }
    out
}

/// The single-char lowercase mapping (U+0130 aside).
fn lower(c: char) -> char {
    let cp = c as u32;
    let k = LOWER.partition_point(|r| r[0] >> 11 <= cp);
    let Some(&[run, delta]) = k.checked_sub(1).map(|k| &LOWER[k]) else { return c };
    let (len, stride) = ((run >> 1) & 0x3ff, (run & 1) + 1);
    let off = cp - (run >> 11);
    if off % stride == 0 && off / stride < len {
        char::from_u32(cp.wrapping_add(delta)).unwrap_or(c)
    } else {
        c
    }
}

/// Skips case-ignorable chars; is the next one cased?
fn cased_neighbour(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| sigma_class(c) != IGNORABLE).is_some_and(|c| sigma_class(c) == CASED)
}

const IGNORABLE: u8 = 1;
const CASED: u8 = 2;

/// Where the final-sigma class changes: `(first char, class)`, from U+0000.
fn class_changes() -> impl Iterator<Item = (u32, u8)> {
    let mut bytes = SIGMA_CLASS.iter();
    let mut at = 0u32;
    std::iter::from_fn(move || {
        let (mut v, mut shift) = (0u32, 0);
        loop {
            let b = *bytes.next()?;
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        at += v >> 2;
        Some((at, (v & 3) as u8))
    })
}

/// 0 other, [`IGNORABLE`] or [`CASED`]: a linear scan (1.4 KB), only ever
/// run next to a capital sigma.
fn sigma_class(c: char) -> u8 {
    let cp = c as u32;
    class_changes().take_while(|&(first, _)| first <= cp).last().map_or(0, |(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    #[test]
    fn every_char_lowercases_as_std_does() {
        let mut buf = [0u8; 4];
        for c in all_chars() {
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(to_lowercase(s), s.to_lowercase(), "U+{:04X}", c as u32);
        }
    }

    /// The class of each char as `str::to_lowercase` sees it: after "AΣ",
    /// `c` at the end leaves the sigma final unless `c` is cased and not
    /// ignorable; with an "A" after `c`, final only if `c` is neither.
    fn std_class(c: char) -> u8 {
        let sigma = |s: String| s.to_lowercase().chars().nth(1) == Some('ς');
        match (sigma(format!("AΣ{c}")), sigma(format!("AΣ{c}A"))) {
            (true, true) => 0,
            (false, false) => CASED,
            (true, false) => IGNORABLE,
            (false, true) => panic!("U+{:04X}: not cased, yet final before a cased letter", c as u32),
        }
    }

    #[test]
    fn every_char_has_its_final_sigma_class() {
        // Walks the changes and the chars together (one pass, not a
        // lookup per char).
        let mut changes = class_changes().peekable();
        let mut class = 255;
        for c in all_chars() {
            while changes.peek().is_some_and(|&(first, _)| first <= c as u32) {
                class = changes.next().unwrap().1;
            }
            assert_eq!(class, std_class(c), "U+{:04X}", c as u32);
        }
        assert_eq!(changes.next(), None);
    }

    #[test]
    fn sigma_next_to_every_class_boundary_is_std() {
        let boundaries: Vec<u32> = class_changes().map(|(first, _)| first).collect();
        assert!(boundaries.len() > 1000, "{}", boundaries.len());
        for first in boundaries {
            for c in [first.wrapping_sub(1), first].into_iter().filter_map(char::from_u32) {
                assert_eq!(sigma_class(c), std_class(c), "U+{:04X}", c as u32);
                for s in [format!("AΣ{c}"), format!("AΣ{c}A"), format!("{c}Σ"), format!("{c}ΣA"), format!("A{c}Σ.")] {
                    assert_eq!(to_lowercase(&s), s.to_lowercase(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn words_and_sentences_are_std() {
        for s in [
            "ΟΔΟΣ ΣΑΣ", "ΑΣ'Β ΑΣ Β", "Σ", "ΣΣ", "'Σ'", "Α\u{301}Σ\u{301}", "İSTANBUL İ", "ÉTÉ À PARIS", "ǅemal ǈ ǋ",
            "ΑΣ\u{2019}Σ", "Ⅻ ⓐⒶ 𐐀 Ｚ ẞ Ω", "Ꭰ ᏸ", "mixed ASCII and ΣΑΣ.",
        ] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }
}
