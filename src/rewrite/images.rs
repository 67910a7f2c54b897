//! Images: lazy-loading conventions, placeholders, `<noscript>` fallbacks.

use super::emit::{RewriteVisitor, StartTag};
use crate::html::entities::decode;
use crate::html::url::UrlKind;
use crate::rules as R;

/// Is this `data:`/placeholder source a stand-in for a lazy image?
pub(super) fn is_placeholder(src: &str) -> bool {
    let s = src.trim();
    if s.is_empty() {
        return true;
    }
    if s.as_bytes().get(..5).is_some_and(|p| p.eq_ignore_ascii_case(b"data:")) {
        return s.len() < R::PLACEHOLDER_DATA_URL_MAX || s.contains("svg");
    }
    let l = s.to_ascii_lowercase();
    l.contains("placeholder") || l.contains("blank.gif") || l.contains("spacer.gif") || l.contains("pixel.gif") || l.contains("lazy") && l.ends_with(".gif")
}

pub(super) fn looks_like_image_url(v: &str) -> bool {
    let l = v.trim().to_ascii_lowercase();
    let path = l.split(['?', '#']).next().unwrap_or("");
    R::IMAGE_EXTENSIONS.iter().any(|e| path.ends_with(e)) && !l.contains(' ')
}

pub(super) fn looks_like_srcset(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    R::IMAGE_EXTENSIONS.iter().any(|e| l.contains(e)) && l.split(',').any(|c| {
        let mut parts = c.split_whitespace();
        parts.next().is_some() && parts.next().is_some_and(|d| d.ends_with('w') || d.ends_with('x'))
    })
}

impl RewriteVisitor {
    /// The real source of an image, following lazy-loading conventions.
    pub(super) fn image_attrs(&self, el: &StartTag<'_>) -> Option<Vec<(&'static str, String)>> {
        // All attributes once (first of duplicates wins); lookups below are
        // over this short list.
        let mut all: Vec<(String, String)> = Vec::with_capacity(el.attrs.len());
        for (n, v) in el.attributes() {
            let n = String::from_utf8_lossy(n).to_ascii_lowercase();
            if !all.iter().any(|(k, _)| *k == n) {
                all.push((n, v.into_owned()));
            }
        }
        let get = |k: &str| all.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let src = get("src").unwrap_or_default();
        let mut chosen: Option<String> = None;
        if !is_placeholder(&src) {
            chosen = self.sanitize_url(&src, UrlKind::Image);
        }
        let mut lazy_from_attr = false;
        if chosen.is_none() || src.trim().is_empty() || is_placeholder(&src) {
            for a in R::LAZY_SRC_ATTRIBUTES {
                if let Some(v) = get(a) {
                    if let Some(u) = self.sanitize_url(&v, UrlKind::Image) {
                        chosen = Some(u);
                        lazy_from_attr = true;
                        break;
                    }
                }
            }
        }
        let mut srcset = None;
        for a in R::LAZY_SRCSET_ATTRIBUTES {
            if let Some(v) = get(a) {
                srcset = self.sanitize_srcset(&v);
                if srcset.is_some() {
                    break;
                }
            }
        }
        if srcset.is_none() {
            if let Some(v) = get("srcset") {
                srcset = self.sanitize_srcset(&v);
            }
        }
        if chosen.is_none() && !lazy_from_attr {
            // Any other attribute that holds an image URL (Readability's
            // `_fixLazyImages`): `data-lazyload`, `data-full`, ...
            for (_, v) in all.iter() {
                if looks_like_image_url(v) {
                    chosen = self.sanitize_url(v, UrlKind::Image);
                    if chosen.is_some() {
                        break;
                    }
                } else if srcset.is_none() && looks_like_srcset(v) {
                    srcset = self.sanitize_srcset(v);
                }
            }
        }
        if chosen.is_none() && srcset.is_none() {
            return None;
        }
        let mut out: Vec<(&'static str, String)> = Vec::new();
        if let Some(c) = chosen {
            out.push(("src", c));
        }
        if let Some(s) = srcset {
            out.push(("srcset", s));
        }
        for a in ["alt", "title", "width", "height"] {
            if let Some(v) = get(a) {
                out.push((a, decode(&v).into_owned()));
            }
        }
        Some(out)
    }

    pub(super) fn emit_noscript_image(&mut self, markup: &str) {
        // `<noscript><img src="real.jpg"></noscript>` after a placeholder.
        let Some(start) = markup.to_ascii_lowercase().find("<img") else { return };
        let attrs = parse_attrs(&markup[start + 4..]);
        let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let Some(src) = get("src").or_else(|| get("data-src")) else { return };
        let Some(u) = self.sanitize_url(&src, UrlKind::Image) else { return };
        let mut out: Vec<(&str, String)> = vec![("src", u)];
        if let Some(s) = get("srcset").and_then(|s| self.sanitize_srcset(&s)) {
            out.push(("srcset", s));
        }
        if let Some(a) = get("alt") {
            out.push(("alt", decode(&a).into_owned()));
        }
        if self.first_image.is_none() {
            self.first_image = Some(out[0].1.clone());
        }
        self.open_tag("img", &out);
        self.mark_shown();
    }
}

/// Attributes of one start tag in raw markup (for `<noscript>` content,
/// which lol_html hands over as text).
pub(super) fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() && out.len() < R::NOSCRIPT_MAX_ATTRIBUTES {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            break;
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = s[ns..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                i += 1;
                let vs = i;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = s[vs..i.min(b.len())].to_string();
                i += 1;
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = s[vs..i].to_string();
            }
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}
