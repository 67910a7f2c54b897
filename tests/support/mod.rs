//! Shared by tests/hostile.rs and tests/fuzz_props.rs: where the hostile
//! corpus lives, a tiny seeded PRNG, and the static XSS oracle of
//! `../shared/corpus/hostile/README.md` §1A (+ the re-parse check of §1C).
//!
//! The oracle never looks at the output string with patterns: it parses the
//! output with html5ever (through `scraper`) and walks the resulting tree in
//! every namespace, `<template>` contents included.
#![allow(dead_code)]

use std::path::PathBuf;

use scraper::{Html, Node};

// ---------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------

/// `../shared/corpus/hostile` next to the repository (CI clones the repo
/// with `shared/` beside it). `HOSTILE_CORPUS` overrides the location.
pub fn corpus_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("HOSTILE_CORPUS") {
        return PathBuf::from(p);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hostile")
}

/// Reads a JSON array from the corpus; panics with a clear message if the
/// corpus is missing (a missing corpus must fail the test, not skip it).
pub fn load_json(rel: &str) -> Vec<serde_json::Value> {
    let path = corpus_dir().join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read corpus file {}: {e} (set HOSTILE_CORPUS?)", path.display()));
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Array(v)) => v,
        other => panic!("{} is not a JSON array: {other:?}", path.display()),
    }
}

pub fn str_field<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(|x| x.as_str())
}

/// Writes a full failure list next to the test binaries and returns the
/// path, so a panic message can stay short.
pub fn write_report(name: &str, lines: &[String]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile-report");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{name}.txt"));
    let _ = std::fs::write(&path, lines.join("\n\n") + "\n");
    path
}

/// Fails the test with the first failures and a pointer to the full list.
pub fn assert_no_failures(name: &str, total: usize, failures: &[String]) {
    if failures.is_empty() {
        eprintln!("{name}: all {total} items pass");
        let _ = std::fs::remove_file(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile-report").join(format!("{name}.txt")));
        return;
    }
    let path = write_report(name, failures);
    let shown: Vec<&String> = failures.iter().take(25).collect();
    let mut msg = format!(
        "{name}: {} of {total} items FAIL (full list: {})\n",
        failures.len(),
        path.display()
    );
    for f in shown {
        msg.push_str("\n- ");
        msg.push_str(f);
    }
    panic!("{msg}");
}

/// Shortens a string for a failure message (char-boundary safe).
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return format!("{s:?}");
    }
    let t: String = s.chars().take(max).collect();
    format!("{t:?}… ({} chars)", s.chars().count())
}

// ---------------------------------------------------------------------------
// PRNG (SplitMix64): deterministic, no `rand` crate
// ---------------------------------------------------------------------------

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// A seed from a string (FNV-1a), so every corpus item gets its own
/// reproducible sequence.
pub fn seed_of(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Splits `bytes` into random chunks (sizes 1..=max, max itself random per
/// call), anywhere: inside tags, entities and multi-byte characters.
pub fn random_chunks<'a>(bytes: &'a [u8], rng: &mut Rng) -> Vec<&'a [u8]> {
    let max = [1usize, 2, 3, 5, 8, 16, 64, 333, 4096][rng.below(9)];
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let n = rng.range(1, max).min(bytes.len() - i);
        out.push(&bytes[i..i + n]);
        i += n;
    }
    out
}

/// Cleans through the streaming API, chunk by chunk. The first error
/// (from `write` or `finish`) is the result; the cleaner is never used
/// after it.
pub fn clean_chunked(chunks: &[&[u8]], options: &declutter::Options) -> declutter::Result<declutter::Article> {
    let mut c = declutter::Cleaner::new(options.clone())?;
    for ch in chunks {
        c.write(ch)?;
    }
    c.finish()
}

// ---------------------------------------------------------------------------
// The static XSS oracle (README §1A) and the re-parse check (§1C)
// ---------------------------------------------------------------------------

/// Elements that must not appear anywhere in the output, in any namespace
/// (local names, lowercased).
pub const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
    "form", "input", "button", "select", "textarea", "isindex", "portal", "fencedframe",
    "noscript", "style", "foreignobject", "animate", "set", "animatemotion", "animatetransform",
    "handler", "listener",
];

/// Attributes that must not appear (besides every `on*`).
pub const FORBIDDEN_ATTRIBUTES: &[&str] = &["srcdoc", "formaction", "action", "ping"];

/// URL-bearing attributes whose scheme is checked (`xlink:href` and MathML
/// `href` are covered by the local name `href`).
pub const URL_ATTRIBUTES: &[&str] = &[
    "href", "src", "action", "formaction", "poster", "srcset", "data", "background", "cite",
    "longdesc", "lowsrc", "dynsrc", "usemap",
];

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";

/// Runs the static check on `html` parsed as a fragment (body context, as
/// with `innerHTML`), as a whole document, and — README §1C — on the
/// fragment re-serialized and parsed again. Returns the violations found
/// (empty = safe).
pub fn check_output(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let frag = Html::parse_fragment(html);
    check_tree(&frag, "fragment", &mut out);
    let doc = Html::parse_document(html);
    check_tree(&doc, "document", &mut out);
    let reserialized = frag.root_element().inner_html();
    let again = Html::parse_fragment(&reserialized);
    check_tree(&again, "re-parsed", &mut out);
    out.dedup();
    out
}

fn ns_label(ns: &str) -> &'static str {
    match ns {
        SVG_NS => "svg:",
        MATHML_NS => "math:",
        _ => "",
    }
}

/// The check proper, on one parsed tree (every node, template contents
/// included: scraper keeps them as a fragment child of the template).
pub fn check_tree(html: &Html, how: &str, out: &mut Vec<String>) {
    for node in html.tree.root().descendants() {
        match node.value() {
            Node::Element(el) => {
                let local = el.name.local.to_string().to_ascii_lowercase();
                let tag = format!("<{}{}>", ns_label(&el.name.ns), el.name.local);
                if FORBIDDEN_ELEMENTS.contains(&local.as_str()) {
                    out.push(format!("[{how}] forbidden element {tag}"));
                }
                // All attributes with their full (prefixed) names.
                let attrs: Vec<(String, &str)> = el
                    .attrs
                    .iter()
                    .map(|(q, v)| {
                        let name = match &q.prefix {
                            Some(p) => format!("{}:{}", &**p, &*q.local),
                            None => q.local.to_string(),
                        };
                        (name.to_ascii_lowercase(), &**v)
                    })
                    .collect();
                if local == "use" {
                    for (n, v) in &attrs {
                        let base = n.rsplit(':').next().unwrap_or(n);
                        if base == "href" && !v.trim_start().starts_with('#') {
                            out.push(format!("[{how}] {tag} points outside the document: {n}={}", clip(v, 80)));
                        }
                    }
                }
                for (n, v) in &attrs {
                    let base = n.rsplit(':').next().unwrap_or(n).to_string();
                    if n.starts_with("on") || base.starts_with("on") {
                        out.push(format!("[{how}] event handler attribute {n} on {tag}"));
                    }
                    if FORBIDDEN_ATTRIBUTES.contains(&n.as_str()) {
                        out.push(format!("[{how}] forbidden attribute {n} on {tag}"));
                    }
                    if URL_ATTRIBUTES.contains(&base.as_str()) {
                        let values: Vec<&str> =
                            if base == "srcset" { srcset_urls(v) } else { vec![v] };
                        for u in values {
                            if let Some(why) = url_violation(u, &local) {
                                out.push(format!("[{how}] {n} on {tag}: {why}: {}", clip(v, 100)));
                            }
                        }
                    }
                    if n == "style" {
                        for why in css_violations(v) {
                            out.push(format!("[{how}] style attribute on {tag}: {why}: {}", clip(v, 100)));
                        }
                    }
                }
                if let Some((_, t)) = attrs.iter().find(|(n, _)| n == "target") {
                    if t.trim().eq_ignore_ascii_case("_blank") {
                        let rel = attrs.iter().find(|(n, _)| n == "rel").map(|(_, r)| r.to_ascii_lowercase());
                        let ok = rel.as_deref().is_some_and(|r| r.split_ascii_whitespace().any(|t| t == "noopener"));
                        if !ok {
                            out.push(format!("[{how}] target=_blank without rel=noopener on {tag}"));
                        }
                    }
                }
                if local == "style" {
                    let css: String = node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
                    for why in css_violations(&css) {
                        out.push(format!("[{how}] {tag} content: {why}"));
                    }
                }
            }
            Node::ProcessingInstruction(_) => {
                out.push(format!("[{how}] processing instruction node"));
            }
            _ => {}
        }
    }
}

/// The URLs of a `srcset` value: the first token of every comma-separated
/// candidate (a lenient reading that errs on the side of checking more).
pub fn srcset_urls(v: &str) -> Vec<&str> {
    v.split(',')
        .filter_map(|cand| cand.split_ascii_whitespace().next())
        .collect()
}

/// WHATWG URL preprocessing (strip leading/trailing C0 controls and spaces,
/// drop every tab and newline), then the scheme allow-list: `http`,
/// `https`, `mailto`, relative; `data:image/*` only on `<img>`.
pub fn url_violation(value: &str, element: &str) -> Option<String> {
    let v: String = value
        .trim_matches(|c: char| c <= '\u{20}')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme = url_scheme(&v)?;
    match scheme.as_str() {
        "http" | "https" | "mailto" => None,
        "data" => {
            let mediatype = v[5..].trim_start().to_ascii_lowercase();
            if element == "img" && mediatype.starts_with("image/") {
                None
            } else {
                Some(format!("data: URL ({}) on <{element}>", clip(&mediatype, 30)))
            }
        }
        s => Some(format!("scheme {s:?} not allowed")),
    }
}

/// The scheme as the URL parser would read it: ASCII alpha, then alnum, `+`,
/// `-`, `.` up to a `:`. `None` means a relative URL.
pub fn url_scheme(v: &str) -> Option<String> {
    let b = v.as_bytes();
    if b.first().is_none_or(|c| !c.is_ascii_alphabetic()) {
        return None;
    }
    for (i, &c) in b.iter().enumerate().skip(1) {
        if c == b':' {
            return Some(v[..i].to_ascii_lowercase());
        }
        if !(c.is_ascii_alphanumeric() || c == b'+' || c == b'-' || c == b'.') {
            return None;
        }
    }
    None
}

/// Resolves CSS escapes (`\65 ` → `e`, `\:` → `:`, escaped newline removed).
pub fn css_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let mut hex = String::new();
        while hex.len() < 6 {
            match it.peek() {
                Some(h) if h.is_ascii_hexdigit() => {
                    hex.push(*h);
                    it.next();
                }
                _ => break,
            }
        }
        if !hex.is_empty() {
            let cp = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
            out.push(char::from_u32(cp).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'));
            if let Some(' ' | '\t' | '\n' | '\r' | '\u{c}') = it.peek() {
                it.next();
            }
        } else {
            match it.next() {
                Some('\n') | Some('\r') | Some('\u{c}') | None => {}
                Some(other) => out.push(other),
            }
        }
    }
    out
}

fn strip_css_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        match rest[i + 2..].find("*/") {
            Some(j) => rest = &rest[i + 2 + j + 2..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// README §1A CSS rules, after comment removal and unescaping (both
/// orders), lowercased and with all whitespace removed.
pub fn css_violations(css: &str) -> Vec<String> {
    let mut found = Vec::new();
    let variants = [
        strip_css_comments(&css_unescape(&strip_css_comments(css))),
        css_unescape(css),
    ];
    for v in variants {
        let flat: String = v.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        for bad in [
            "expression(",
            "-moz-binding",
            "behavior:",
            "@import",
            "position:fixed",
            "position:sticky",
            "javascript:",
            "vbscript:",
        ] {
            if flat.contains(bad) {
                found.push(format!("CSS contains {bad:?}"));
            }
        }
        let mut rest = flat.as_str();
        while let Some(i) = rest.find("url(") {
            let arg = &rest[i + 4..];
            let end = arg.find(')').unwrap_or(arg.len());
            let u = arg[..end].trim_matches(|c| c == '"' || c == '\'');
            if let Some(why) = url_violation(u, "css") {
                found.push(format!("CSS url({}): {why}", clip(u, 60)));
            }
            rest = &arg[end..];
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The text of an output as a browser would show it (text nodes outside
/// `<template>` contents), whitespace collapsed to single spaces.
pub fn visible_text(html: &str) -> String {
    let frag = Html::parse_fragment(html);
    let mut s = String::new();
    for node in frag.tree.root().descendants() {
        if let Node::Text(t) = node.value() {
            let in_template = node.ancestors().any(|a| matches!(a.value(), Node::Fragment) && a.parent().is_some());
            if !in_template {
                s.push_str(t);
                s.push(' ');
            }
        }
    }
    collapse_ws(&s)
}

pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Do the `lines` (whitespace-collapsed) occur in `text` in this order?
/// Returns the first line that is missing.
pub fn first_missing_in_order<'a>(text: &str, lines: &'a [String]) -> Option<&'a str> {
    let mut from = 0;
    for l in lines {
        let l2 = collapse_ws(l);
        if l2.is_empty() {
            continue;
        }
        match text[from..].find(&l2) {
            Some(i) => from += i + l2.len(),
            None => return Some(l),
        }
    }
    None
}
