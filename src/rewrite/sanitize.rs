//! Writing what the input said, safely: escaping, attribute allowlists,
//! URL checks, the tag lists.

use std::borrow::Cow;

use super::emit::{RewriteVisitor, StartTag};
use crate::html::entities::decode;
use crate::html::tags::{self, Tag};
use crate::html::url::{self, UrlKind};
use crate::rules as R;

pub(super) fn is_safe_tag_name(t: &str) -> bool {
    let mut cs = t.chars();
    cs.next().is_some_and(|c| c.is_ascii_lowercase())
        && cs.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !R::FORBIDDEN_TAGS.contains(&t)
}

pub(crate) fn escape_text(out: &mut String, s: &str) {
    escape_into(out, s, false);
}

/// Bytes `escape_into` must look at: `&`, `<`, `>`, `"`, NUL and the
/// C0 controls the output never carries.
pub(super) const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r' | 0x0C);
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t[0x7F] = true;
    t
};

/// Appends `s` with `&`, `<`, `>` (and `"` in attributes) escaped, NUL as
/// U+FFFD in attributes (dropped in text) and other C0 controls dropped;
/// the runs between special bytes are copied whole.
pub(super) fn escape_into(out: &mut String, s: &str, attr: bool) {
    let b = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time while none of them may be special; a block
        // that may (tab, newline, CR and FF count too) goes through the
        // byte loop.
        if let Some(w) = b.get(i..i + 8) {
            if !maybe_special(u64::from_le_bytes(w.try_into().unwrap_or([0; 8]))) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(b.len());
        while i < end {
            if !SPECIAL[b[i] as usize] {
                i += 1;
                continue;
            }
            let rep = match b[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' if attr => "&quot;",
                b'"' => "\"",
                // A browser reads NUL in an attribute as U+FFFD (which keeps
                // `java\0script:` inert); in text it is dropped.
                0 if attr => "\u{FFFD}",
                // C0 controls other than tab/newline/CR/FF are not text; a page
                // made of them is refused as not HTML, so they must not reach
                // the output either (clean(clean(x)) must work).
                _ => "",
            };
            out.push_str(&s[last..i]);
            out.push_str(rep);
            i += 1;
            last = i;
        }
    }
    out.push_str(&s[last..]);
}

/// Whether the 8 bytes of `x` may hold a [`SPECIAL`] byte: any byte below
/// 0x20, `&`, `<`, `>`, `"` or DEL (the has-zero-byte tests, exact as a
/// yes/no for each kind; controls are over-approximated by all of C0).
fn maybe_special(x: u64) -> bool {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(L) & !v;
    let eq = |c: u8| zero(x ^ (L * c as u64));
    let below_space = x.wrapping_sub(L * 0x20) & !x;
    (below_space | eq(b'&') | eq(b'<') | eq(b'>') | eq(b'"') | eq(0x7F)) & H != 0
}

pub(super) fn escape_attr(out: &mut String, s: &str) {
    escape_into(out, s, true);
}

impl RewriteVisitor {
    pub(super) fn sanitize_url(&self, raw: &str, kind: UrlKind) -> Option<String> {
        // NUL becomes U+FFFD before anything else, as in the browser's
        // tokenizer: `java\0script:` must not turn into `javascript:`.
        let u = url::preprocess(&strip_controls(&nul_to_fffd(&decode(raw))));
        if u.is_empty() {
            return None;
        }
        url::sanitize(&u, kind, self.base.as_ref())
    }

    pub(super) fn sanitize_srcset(&self, raw: &str) -> Option<String> {
        let decoded = strip_controls(&nul_to_fffd(&decode(raw)));
        let mut out = Vec::new();
        for cand in decoded.split(',') {
            let cand = cand.trim();
            if cand.is_empty() {
                continue;
            }
            let mut parts = cand.split_whitespace();
            let u = parts.next().unwrap_or("");
            let desc: Vec<&str> = parts.collect();
            if u.as_bytes().get(..5).is_some_and(|p| p.eq_ignore_ascii_case(b"data:")) {
                continue;
            }
            if !desc.iter().all(|d| d.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')) {
                continue;
            }
            if let Some(s) = url::sanitize(&url::preprocess(u), UrlKind::Image, self.base.as_ref()) {
                if s.contains(',') {
                    continue; // would split differently when the browser re-parses it
                }
                out.push(if desc.is_empty() { s } else { format!("{s} {}", desc.join(" ")) });
            }
        }
        (!out.is_empty()).then(|| out.join(", "))
    }

    pub(super) fn open_tag(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.html.push('<');
        self.html.push_str(name);
        for (k, v) in attrs {
            self.html.push(' ');
            self.html.push_str(k);
            self.html.push_str("=\"");
            escape_attr(&mut self.html, v);
            self.html.push('"');
        }
        self.html.push('>');
    }

    /// Attributes to write for an allowed element.
    pub(super) fn attrs_for(&self, el: &StartTag<'_>, name: &str) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        if el.attrs.is_empty() {
            return out;
        }
        let per_tag: &[&'static str] = R::TAG_ATTRIBUTES.iter().find(|(t, _)| *t == name).map_or(&[], |(_, a)| a);
        // One pass over the element's attributes (lol_html's `get_attribute`
        // allocates its query for each of the ~9 allowlisted names). The
        // first of duplicated attributes wins, as in a browser.
        for (an, v) in el.attributes() {
            let Some(&a) = R::GLOBAL_ATTRIBUTES.iter().chain(per_tag.iter()).find(|a| a.as_bytes().eq_ignore_ascii_case(an)) else {
                if an.eq_ignore_ascii_case(b"class") && self.opts.keep_classes && !out.iter().any(|(k, _)| *k == "class") {
                    out.push(("class", strip_controls(&decode(&v))));
                }
                continue;
            };
            if out.iter().any(|(k, _)| *k == a) || (a == "src" && name == "img") {
                continue; // a duplicate, or an image source (`image_attrs` handles those)
            }
            if a == "srcset" {
                if let Some(s) = self.sanitize_srcset(&v) {
                    out.push((a, s));
                }
                continue;
            }
            if R::URL_ATTRIBUTES.contains(&a) {
                let kind = if a == "href" { UrlKind::Link } else { UrlKind::Resource };
                if let Some(u) = self.sanitize_url(&v, kind) {
                    out.push((a, u));
                }
                continue;
            }
            let d = strip_controls(&decode(&v));
            if a == "dir" && !matches!(d.trim().to_ascii_lowercase().as_str(), "ltr" | "rtl" | "auto") {
                continue;
            }
            out.push((a, d));
        }
        out
    }

}

/// Appends as much of `s` as fits in `cap` bytes (a text node can be the
/// whole 20 MB page: copying all of it to read the first sentence made
/// pass 2's peak memory several times the input).
pub(super) fn push_capped(buf: &mut String, s: &str, cap: usize) {
    let room = cap.saturating_sub(buf.len());
    let mut cut = s.len().min(room);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    buf.push_str(&s[..cut]);
}

/// Removes the C0 controls the output never carries (see `escape_into`).
/// Attribute values are stripped *before* they are checked: checking
/// `java\u{3}script:` (inert: not a scheme) and then writing it without the
/// control would produce a live `javascript:` URL.
pub(super) fn strip_controls(s: &str) -> String {
    let is_control = |c: char| matches!(c as u32, 1..=8 | 0x0B | 0x0E..=0x1F | 0x7F);
    // The controls are ASCII, so a byte scan finds them (UTF-8 never
    // carries an ASCII byte inside another character).
    if !s.bytes().any(|b| is_control(char::from(b))) {
        return s.to_string(); // the usual case: one copy, no char-by-char rebuild
    }
    s.chars().filter(|&c| !is_control(c)).collect()
}

/// NUL as U+FFFD, as a browser's tokenizer reads it (borrowed if none).
pub(super) fn nul_to_fffd(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[derive(Clone, Copy)]
pub(super) enum TagList {
    Allowed,
    DropSubtree,
    /// [`R::EMPTY_DROPPABLE_BLOCKS`]
    DropWhenEmpty,
    /// [`R::SHOWS_WITHOUT_TEXT`]
    ShowsWithoutText,
}

/// Is the element in [`R::ALLOWED_TAGS`] / [`R::DROP_SUBTREE_TAGS`] / the
/// other lists of [`TagList`]? By
/// tag number for interned names (tables built once: scanning the string
/// lists for every element of the article was most of pass 2's per-element
/// cost), by name for the rest.
pub(super) fn tag_listed(list: TagList, tag: Tag, name: &str) -> bool {
    static TABLES: std::sync::OnceLock<[[bool; 256]; 4]> = std::sync::OnceLock::new();
    let lists: [&[&str]; 4] = [R::ALLOWED_TAGS, R::DROP_SUBTREE_TAGS, R::EMPTY_DROPPABLE_BLOCKS, R::SHOWS_WITHOUT_TEXT];
    if tag == Tag::OTHER {
        return lists[list as usize].contains(&name);
    }
    let t = TABLES.get_or_init(|| {
        let mut t = [[false; 256]; 4];
        for (k, l) in lists.iter().enumerate() {
            for (i, n) in tags::NAMES.iter().enumerate() {
                t[k][i + 1] = l.contains(n);
            }
        }
        t
    });
    t[list as usize][tag.0 as usize]
}

/// Tags that keep their meaning at the top of the article.
pub(super) fn stands_alone(t: Tag) -> bool {
    matches!(
        t,
        Tag::P | Tag::PRE | Tag::TABLE | Tag::UL | Tag::OL | Tag::BLOCKQUOTE | Tag::FIGURE | Tag::DIV
            | Tag::SECTION | Tag::ARTICLE | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
            | Tag::DL | Tag::A | Tag::SPAN | Tag::EM | Tag::STRONG | Tag::B | Tag::I | Tag::CODE
            | Tag::IMG | Tag::DETAILS | Tag::HR | Tag::BR
    )
}

pub(super) fn tags_void(n: &str) -> bool {
    matches!(n, "img" | "br" | "hr" | "wbr" | "source" | "col")
}


#[cfg(test)]
mod tests {
    use super::*;

    /// The 8-byte test never misses a special byte, and says "maybe" only
    /// for a block with a byte below 0x20 or a special one.
    #[test]
    fn maybe_special_is_exact_but_for_c0() {
        let picks = [0u8, 1, 8, 9, 10, 13, 0x1F, b' ', b'!', b'"', b'&', b'<', b'=', b'>', b'a', 0x7E, 0x7F, 0x80, 0xA0, 0xC3, 0xFF];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let mut w = [0u8; 8];
            for byte in &mut w {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *byte = picks[(seed % picks.len() as u64) as usize];
            }
            let want = w.iter().any(|&c| SPECIAL[c as usize] || c < 0x20);
            assert_eq!(maybe_special(u64::from_le_bytes(w)), want, "{w:?}");
        }
    }

    /// Escaping agrees with the byte-at-a-time rules on text with specials
    /// at every offset of a block.
    #[test]
    fn escape_agrees_with_byte_loop() {
        let naive = |s: &str, attr: bool| {
            let mut o = String::new();
            for c in s.chars() {
                match c {
                    '&' => o.push_str("&amp;"),
                    '<' => o.push_str("&lt;"),
                    '>' => o.push_str("&gt;"),
                    '"' if attr => o.push_str("&quot;"),
                    '\0' if attr => o.push('\u{FFFD}'),
                    c if (c as u32) < 0x80 && SPECIAL[c as usize] && c != '"' => {}
                    c => o.push(c),
                }
            }
            o
        };
        let parts = ["plain text ", "a&b", "<p>", "\"q\"", "\0", "\u{1}", "\u{7f}", "é中", "\n\t", "0123456789abcdef"];
        for i in 0..parts.len() {
            for j in 0..parts.len() {
                for pad in 0..9 {
                    let s = format!("{}{}{}", "x".repeat(pad), parts[i], parts[j]);
                    for attr in [false, true] {
                        let mut o = String::new();
                        escape_into(&mut o, &s, attr);
                        assert_eq!(o, naive(&s, attr), "{s:?} attr={attr}");
                    }
                }
            }
        }
    }
}
