//! Metadata: title, byline, excerpt, site name, time, lead image.
//!
//! Sources in Readability's order of trust: JSON-LD (schema.org Article),
//! then `<meta>` (Dublin Core, OpenGraph, Twitter, Parse.ly), then the
//! document (`<title>`, the byline element). JSON-LD is read with a tiny
//! JSON parser: serde_json would add ~30 KB of wasm for a few fields.

use std::collections::HashMap;

use crate::rules as R;

use crate::entities::decode;
use crate::measure::Doc;

/// Fields gathered from the page, before the article text is known.
#[derive(Default, Debug)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lead_image: Option<String>,
}

fn clean_ws(s: &str) -> String {
    decode(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| clean_ws(&s)).filter(|s| !s.is_empty())
}

fn first_meta(metas: &HashMap<String, String>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| nonempty(metas.get(*k).cloned()))
}

fn is_article(v: &Json) -> bool {
    match v.get("@type") {
        Some(Json::Str(t)) => R::ARTICLE_TYPES.contains(&t.as_str()),
        Some(Json::Arr(ts)) => ts.iter().any(|t| matches!(t, Json::Str(s) if R::ARTICLE_TYPES.contains(&s.as_str()))),
        _ => false,
    }
}

fn find_article(v: &Json) -> Option<&Json> {
    match v {
        Json::Arr(items) => items.iter().find_map(find_article),
        Json::Obj(_) => {
            if is_article(v) {
                return Some(v);
            }
            if let Some(g) = v.get("@graph") {
                return find_article(g);
            }
            None
        }
        _ => None,
    }
}

fn names(v: &Json) -> Option<String> {
    match v {
        Json::Str(s) => Some(s.clone()),
        Json::Obj(_) => v.get("name").and_then(|n| n.as_str()).map(str::to_string),
        Json::Arr(a) => {
            let ns: Vec<String> = a.iter().filter_map(names).filter(|s| !s.trim().is_empty()).collect();
            (!ns.is_empty()).then(|| ns.join(", "))
        }
        _ => None,
    }
}

fn image_of(v: &Json) -> Option<String> {
    match v {
        Json::Str(s) => Some(s.clone()),
        Json::Obj(_) => v.get("url").and_then(|n| n.as_str()).map(str::to_string),
        Json::Arr(a) => a.iter().find_map(image_of),
        _ => None,
    }
}

#[derive(Default)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    image: Option<String>,
}

fn json_ld(doc: &Doc) -> JsonLd {
    for raw in &doc.meta.json_ld {
        // Some sites wrap the JSON in CDATA or comments.
        let t = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim();
        let Some(v) = parse_json(t) else { continue };
        let Some(a) = find_article(&v) else { continue };
        let mut out = JsonLd::default();
        let name = a.get("name").and_then(|x| x.as_str()).map(str::to_string);
        let headline = a.get("headline").and_then(|x| x.as_str()).map(str::to_string);
        out.title = match (name, headline) {
            (Some(n), Some(h)) if n != h => {
                // Readability: prefer the one that matches the HTML title.
                let html_title = &doc.meta.title;
                if crate::decide::text_similarity(&n, html_title) > crate::rules::TITLE_SIMILARITY { Some(n) } else { Some(h) }
            }
            (n, h) => n.or(h),
        };
        out.byline = a.get("author").and_then(names);
        out.excerpt = a.get("description").and_then(|x| x.as_str()).map(str::to_string);
        out.site_name = a.get("publisher").and_then(|p| p.get("name")).and_then(|x| x.as_str()).map(str::to_string);
        out.published = a.get("datePublished").and_then(|x| x.as_str()).map(str::to_string);
        out.image = a.get("image").and_then(image_of);
        return out;
    }
    JsonLd::default()
}

/// Everything the page says about itself.
pub(crate) fn page_meta(doc: &Doc) -> PageMeta {
    let m = &doc.meta.metas;
    let ld = json_ld(doc);
    let title = nonempty(ld.title.clone()).or_else(|| {
        first_meta(m, &["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"])
    });
    let byline = nonempty(ld.byline).or_else(|| {
        first_meta(m, &["dc:creator", "dcterm:creator", "author", "parsely-author"]).or_else(|| {
            // `article:author` is often a profile URL, not a name.
            first_meta(m, &["article:author"]).filter(|a| !a.starts_with("http"))
        })
    });
    let excerpt = nonempty(ld.excerpt).or_else(|| {
        first_meta(m, &["dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"])
    });
    let site_name = nonempty(ld.site_name).or_else(|| first_meta(m, &["og:site_name"]));
    let published_time = nonempty(ld.published).or_else(|| first_meta(m, &["article:published_time", "parsely-pub-date"]));
    let lead_image = first_meta(m, &["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]).or_else(|| nonempty(ld.image));
    PageMeta { title, byline, excerpt, site_name, published_time, lead_image }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count().max(if s.trim().is_empty() { 0 } else { 1 })
}


/// Positions of " X " separators in the title.
fn separator_positions(t: &str) -> Vec<(usize, char)> {
    let cs: Vec<(usize, char)> = t.char_indices().collect();
    let mut out = Vec::new();
    for w in cs.windows(3) {
        if w[0].1 == ' ' && w[2].1 == ' ' && R::TITLE_SEPARATORS.contains(&w[1].1) {
            out.push((w[0].0, w[1].1));
        }
    }
    out
}

/// Readability's `_getArticleTitle`, from `<title>` and the page's `<h1>`s.
fn title_from_document(doc: &Doc) -> String {
    let orig = doc.meta.title.trim().to_string();
    let mut cur = orig.clone();
    let mut hierarchical = false;
    let seps = separator_positions(&orig);
    if let Some(&(last, _)) = seps.last() {
        hierarchical = seps.iter().any(|(_, c)| R::TITLE_HIERARCHICAL_SEPARATORS.contains(c));
        cur = orig[..last].to_string();
        if word_count(&cur) < 3 {
            // Drop the first segment instead: "Site | Long article title".
            if let Some(p) = orig.find(R::TITLE_SEPARATORS) {
                cur = orig[p + orig[p..].chars().next().map_or(1, |c| c.len_utf8())..].to_string();
            }
        }
    } else if cur.contains(": ") {
        let headings_match = doc.texts.iter().any(|(k, v)| {
            matches!(doc.els[*k as usize].tag, crate::tags::Tag::H1 | crate::tags::Tag::H2) && clean_ws(v) == cur.trim()
        });
        if !headings_match {
            let after_last = orig[orig.rfind(':').map_or(0, |i| i + 1)..].to_string();
            if word_count(&after_last) < 3 {
                cur = orig[orig.find(':').map_or(0, |i| i + 1)..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.clone();
            } else {
                cur = after_last;
            }
        }
    } else if cur.chars().count() > 150 || cur.chars().count() < 15 {
        let h1s: Vec<&String> = doc.texts.iter().filter(|(k, _)| doc.els[**k as usize].tag == crate::tags::Tag::H1).map(|(_, v)| v).collect();
        if h1s.len() == 1 {
            cur = clean_ws(h1s[0]);
        }
    }
    let cur = clean_ws(&cur);
    let n = word_count(&cur);
    let orig_words_without_seps = word_count(&orig.replace(R::TITLE_SEPARATORS, ""));
    if n <= 4 && (!hierarchical || n + 1 != orig_words_without_seps) {
        return clean_ws(&orig);
    }
    cur
}

/// The article title: metadata first, then the document.
pub(crate) fn article_title(doc: &Doc) -> String {
    let m = page_meta(doc);
    m.title.unwrap_or_else(|| title_from_document(doc))
}

// ---------------------------------------------------------------------------
// A minimal JSON parser (objects, arrays, strings, numbers, literals).

#[derive(Debug, Clone)]
#[allow(dead_code)] // booleans and numbers are parsed (to skip them) but never read
pub(crate) enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, k: &str) -> Option<&Json> {
        match self {
            Json::Obj(kv) => kv.iter().find(|(kk, _)| kk == k).map(|(_, v)| v),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Nesting limit: JSON-LD is shallow; deep input is hostile.
const JSON_MAX_DEPTH: usize = 64;

pub(crate) fn parse_json(s: &str) -> Option<Json> {
    let mut p = JsonParser { b: s.as_bytes(), i: 0 };
    let v = p.value(0)?;
    Some(v)
}

struct JsonParser<'a> {
    b: &'a [u8],
    i: usize,
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }
    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > JSON_MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut kv = Vec::new();
                loop {
                    self.ws();
                    if self.b.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        return Some(Json::Obj(kv));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    kv.push((k, v));
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Some(Json::Obj(kv));
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                loop {
                    self.ws();
                    if self.b.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Some(Json::Arr(a));
                    }
                    a.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Some(Json::Arr(a));
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.lit("true", Json::Bool(true)),
            b'f' => self.lit("false", Json::Bool(false)),
            b'n' => self.lit("null", Json::Null),
            _ => {
                let start = self.i;
                while self.i < self.b.len() && matches!(self.b[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                    self.i += 1;
                }
                std::str::from_utf8(&self.b[start..self.i]).ok()?.parse().ok().map(Json::Num)
            }
        }
    }
    fn lit(&mut self, w: &str, v: Json) -> Option<Json> {
        if self.b[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Some(v)
        } else {
            None
        }
    }
    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let c = *self.b.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.b.get(self.i)?;
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' | b'f' => out.push(b' '),
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xD800..0xDC00).contains(&cp) && self.b.get(self.i) == Some(&b'\\') && self.b.get(self.i + 1) == Some(&b'u') {
                                self.i += 2;
                                let lo = self.hex4()?;
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                            }
                            let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
    }
    fn hex4(&mut self) -> Option<u32> {
        let h = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn json() {
        let v = parse_json(r#"{"@type":"NewsArticle","headline":"A \"b\" \u00e9","author":[{"name":"X"},{"name":"Y"}],"n":1.5e2,"ok":true}"#).unwrap();
        assert_eq!(v.get("headline").unwrap().as_str(), Some("A \"b\" é"));
        assert_eq!(names(v.get("author").unwrap()).as_deref(), Some("X, Y"));
        assert!(parse_json(&"[".repeat(10_000)).is_none());
        assert!(parse_json("{\"a\":").is_none());
    }
}
