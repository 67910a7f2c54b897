//! Inline-style checks (hidden, fixed overlays) without a CSS parser.

/// `display:none` / `visibility:hidden` in an inline style, ignoring
/// spaces and case (`DISPLAY : None`).
pub(super) fn style_hidden(style: &str) -> bool {
    style_has(style, &[("display", "none"), ("visibility", "hidden")])
}

/// `position: fixed|sticky` (overlays and sticky bars).
pub(super) fn style_fixed(style: &str) -> bool {
    style_has(style, &[("position", "fixed"), ("position", "sticky")])
}

/// Does some `prop : value...` (ASCII case-insensitive, spaces around the
/// colon allowed) occur? One pass over the colons, each checked against
/// every pair: the property must end right before the spaces and colon,
/// and the value must start right after. (It was a naive substring search
/// per property, four per style attribute.)
pub(super) fn style_has(style: &str, pairs: &[(&str, &str)]) -> bool {
    let b = style.as_bytes();
    for colon in memchr::memchr_iter(b':', b) {
        let before = b[..colon].trim_ascii_end();
        let after = b[colon + 1..].trim_ascii_start();
        for (prop, value) in pairs {
            let (p, v) = (prop.as_bytes(), value.as_bytes());
            if before.len() >= p.len()
                && before[before.len() - p.len()..].eq_ignore_ascii_case(p)
                && after.len() >= v.len()
                && after[..v.len()].eq_ignore_ascii_case(v)
            {
                return true;
            }
        }
    }
    false
}


#[cfg(test)]
mod tests {
    use super::*;

    /// One pass over the colons finds what a search per property found.
    #[test]
    fn style_has_reads_declarations() {
        assert!(style_hidden("DISPLAY : None"));
        assert!(style_hidden("color:red;visibility:hidden"));
        assert!(!style_hidden("display:block; content: 'none'"));
        assert!(style_fixed("top:0;position :sticky"));
        assert!(!style_fixed("position: relative"));
        assert!(!style_hidden(""));
        assert!(!style_hidden(":::"));
    }
}
