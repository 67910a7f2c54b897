//! URL checks and resolution, without a URL crate (the `url` crate and its
//! IDNA tables would cost more wasm than the whole extractor).

/// `http://` or `https://` followed by a host.
pub(crate) fn is_absolute_http(u: &str) -> bool {
    let l = u.trim();
    let rest = strip_prefix_ci(l, "https://").or_else(|| strip_prefix_ci(l, "http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/'))
}

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    if s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()) {
        Some(&s[p.len()..])
    } else {
        None
    }
}

/// The WHATWG URL parser's preprocessing: strip leading/trailing C0
/// controls and spaces, drop every tab and newline. `java\tscript:` and
/// `\u{1}javascript:` are `javascript:` to a browser, so every scheme check
/// runs on this form, and this form is what we output.
pub(crate) fn preprocess(raw: &str) -> String {
    if !raw.contains(['\0', '\t', '\n', '\r']) {
        return raw.trim_matches(|c: char| c <= ' ').to_string(); // nothing to replace or drop
    }
    // NUL is U+FFFD to a browser's tokenizer, long before URL parsing.
    let raw = raw.replace('\0', "\u{FFFD}");
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of a preprocessed URL, lowercased, if it has one.
pub(crate) fn scheme(u: &str) -> Option<String> {
    let colon = u.find(':')?;
    let s = &u[..colon];
    let mut chars = s.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None; // a colon in the path or query: `a/b:c`, `?x=1:2`.
    }
    Some(s.to_ascii_lowercase())
}

/// What an URL attribute may point to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlKind {
    /// `href`: http(s), mailto, relative, fragment.
    Link,
    /// `src` of an image: http(s), relative, or a raster `data:image/*`.
    Image,
    /// Other resources (`poster`, `cite`, media `src`): http(s) or relative.
    Resource,
}

/// Raster image types allowed as `data:` URLs. `image/svg+xml` is not here:
/// SVG documents can carry script.
const DATA_IMAGE_TYPES: &[&str] = &["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif", "image/bmp"];

/// Checks a preprocessed URL and resolves it against `base`. `None` means
/// the attribute must go.
pub(crate) fn sanitize(u: &str, kind: UrlKind, base: Option<&Base>) -> Option<String> {
    match scheme(u).as_deref() {
        Some("http") | Some("https") => Some(u.to_string()),
        Some("mailto") if kind == UrlKind::Link => Some(u.to_string()),
        Some("data") if kind == UrlKind::Image => {
            let mime = u[5..].split([';', ',']).next().unwrap_or("").trim().to_ascii_lowercase();
            DATA_IMAGE_TYPES.contains(&mime.as_str()).then(|| u.to_string())
        }
        Some(_) => None,
        None => {
            if u.starts_with('#') && kind == UrlKind::Link {
                return Some(u.to_string());
            }
            // Backslashes are slashes to a browser (`\\evil.example`).
            let u = u.replace('\\', "/");
            match base {
                Some(b) => Some(b.resolve(&u)),
                None => Some(u),
            }
        }
    }
}

/// An absolute http(s) base URL split into its parts.
#[derive(Debug, Clone)]
pub(crate) struct Base {
    scheme: String,
    authority: String,
    path: String,
    query: String,
}

impl Base {
    pub fn parse(u: &str) -> Option<Base> {
        let u = preprocess(u);
        let scheme = scheme(&u)?;
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let rest = u[scheme.len() + 1..].strip_prefix("//")?;
        let rest = rest.split('#').next().unwrap_or("");
        let auth_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let authority = rest[..auth_end].to_string();
        if authority.is_empty() {
            return None;
        }
        let tail = &rest[auth_end..];
        let (path, query) = match tail.find('?') {
            Some(q) => (&tail[..q], &tail[q..]),
            None => (tail, ""),
        };
        let path = if path.is_empty() { "/".to_string() } else { path.to_string() };
        Some(Base { scheme, authority, path, query: query.to_string() })
    }

    /// Resolves a relative reference (RFC 3986 section 5.2).
    pub fn resolve(&self, r: &str) -> String {
        if let Some(rest) = r.strip_prefix("//") {
            return format!("{}://{}", self.scheme, rest);
        }
        let (r_main, frag) = match r.find('#') {
            Some(i) => (&r[..i], &r[i..]),
            None => (r, ""),
        };
        let (r_path, r_query) = match r_main.find('?') {
            Some(i) => (&r_main[..i], &r_main[i..]),
            None => (r_main, ""),
        };
        let (path, query) = if r_path.is_empty() {
            (self.path.clone(), if r_query.is_empty() { self.query.as_str() } else { r_query })
        } else if r_path.starts_with('/') {
            (remove_dots(r_path), r_query)
        } else {
            let dir = &self.path[..self.path.rfind('/').map_or(0, |i| i + 1)];
            (remove_dots(&format!("{dir}{r_path}")), r_query)
        };
        format!("{}://{}{}{}{}", self.scheme, self.authority, path, query, frag)
    }
}

fn remove_dots(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segs: Vec<&str> = path.split('/').collect();
    let n = segs.len();
    for (i, seg) in segs.iter().enumerate() {
        match *seg {
            "." => {
                if i == n - 1 {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == n - 1 {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let j = out.join("/");
    if j.starts_with('/') { j } else { format!("/{j}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn resolves() {
        let b = Base::parse("http://fakehost/test/page.html").unwrap();
        assert_eq!(b.resolve("x.png"), "http://fakehost/test/x.png");
        assert_eq!(b.resolve("/a/b"), "http://fakehost/a/b");
        assert_eq!(b.resolve("../up.html"), "http://fakehost/up.html");
        assert_eq!(b.resolve("//cdn.example/x"), "http://cdn.example/x");
        assert_eq!(b.resolve("?q=1"), "http://fakehost/test/page.html?q=1");
        assert_eq!(b.resolve("./a/./b/../c"), "http://fakehost/test/a/c");
    }
    #[test]
    fn schemes() {
        assert_eq!(sanitize(&preprocess(" java\tscript:alert(1)"), UrlKind::Link, None), None);
        // `java\0script:` is inert in a browser (NUL → U+FFFD): never `javascript:`.
        assert!(!sanitize(&preprocess("java\0script:alert(1)"), UrlKind::Link, None).unwrap().starts_with("javascript"));
        assert_eq!(sanitize("data:text/html,<script>", UrlKind::Image, None), None);
        assert_eq!(sanitize("data:image/svg+xml,<svg>", UrlKind::Image, None), None);
        assert!(sanitize("data:image/png;base64,AAAA", UrlKind::Image, None).is_some());
        assert!(sanitize("data:image/png;base64,AAAA", UrlKind::Link, None).is_none());
        assert!(sanitize("mailto:a@b.c", UrlKind::Link, None).is_some());
        assert_eq!(sanitize("a/b:c", UrlKind::Link, None).as_deref(), Some("a/b:c"));
    }
}
