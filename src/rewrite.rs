//! Pass 2: serialize the article by ordinal.
//!
//! Pass 2 replays what pass 1 tokenized — the elements of [`Doc::els`]
//! (with their attributes' places in the input) and the text chunks of
//! [`Doc::text_recs`], merged in document order — over the stretch of the
//! page that holds the kept blocks, and looks each element up in the
//! [`Plan`]: outside the article nothing is written; a dropped subtree is
//! skipped (and reported); inside the article every element is written
//! *by us* from the allowlist — tag names from our tables, attributes
//! re-escaped after decoding and checking — never copied from the input.
//! So what the sanitizer checked is byte for byte what the browser parses.
//!
//! Replaying instead of running lol_html a second time: the second
//! tokenization of the article's bytes cost about a fifth of `clean`
//! (callgrind, readability pages), and it could only find what pass 1
//! had already found. Closing order comes from [`El::end`](crate::measure::El):
//! an element is open at input position `p` iff it started before `p`
//! and its end is after `p`, which is exactly the walk's stack.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::article::{Article, Category, CategoryCount, Removal, Report};
use crate::decide::{Drop, Plan};
use crate::entities::decode;
use crate::error::Result;
use crate::measure::{find_attr, flag, slice, AttrRec, Doc, Input, TextKind, NONE};
use crate::rules as R;
use crate::tags::{self, Tag};
use crate::text::TextBuilder;
use crate::url::{self, Base, UrlKind};
use crate::Options;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Outside the article: nothing is written.
    Outside,
    /// Inside a dropped subtree.
    Skip,
    /// Inside the article.
    Emit,
}

struct Frame {
    mode: Mode,
    /// The end tag to write, if the start tag was written.
    close: Option<&'static str>,
    close_owned: Option<String>,
    breaks_line: bool,
    pre: bool,
    /// Report entry this subtree feeds (outermost removed element).
    report: Option<usize>,
    tag: Tag,
}

struct Pending {
    category: Category,
    reason: String,
    element: String,
    chars: usize,
    preview: String,
    listed: bool,
}

struct RewriteVisitor {
    drop: crate::decide::Drops,
    keep_top: Vec<bool>,
    on_path: Vec<bool>,
    opts: Options,
    allowed_extra: Vec<String>,
    base: Option<Base>,
    frames: Vec<Frame>,
    html: String,
    text: TextBuilder,
    removals: Vec<Pending>,
    /// The last `<img>` in the article had no usable source: a following
    /// `<noscript>` fallback may supply it.
    img_missing: bool,
    noscript_buf: Option<String>,
    first_paragraph: Option<String>,
    p_capture: Option<(usize, String)>,
    first_image: Option<String>,
    /// Mode outside every element (Emit for a fragment).
    root_mode: Mode,
}

/// A start tag as pass 2 sees it: its name and its attributes, read from
/// the input where pass 1 found them.
struct StartTag<'a> {
    tag: Tag,
    /// Lowercase name.
    name: Cow<'a, str>,
    attrs: &'a [AttrRec],
    src: Input<'a>,
}

impl<'a> StartTag<'a> {
    /// Raw (any case) name and raw value of each attribute, in order.
    fn attributes(&self) -> impl Iterator<Item = (&'a [u8], Cow<'a, str>)> + 'a {
        let src = self.src;
        self.attrs.iter().map(move |a| (slice(src.bytes, a.name, a.name_len), src.text(a.value, a.value_len)))
    }

    /// The first attribute called `name` (lowercase), as in a browser;
    /// only its value is decoded.
    fn get(&self, name: &str) -> Option<Cow<'a, str>> {
        find_attr(self.attrs, self.src.bytes, name).map(|a| self.src.text(a.value, a.value_len))
    }
}

pub(crate) fn rewrite(page: Input<'_>, doc: &Doc, plan: Plan, o: &Options) -> Result<Article> {
    let input = page.bytes;
    let n = doc.els.len();
    // Ancestors of the kept blocks: walking through them is not "removing".
    let mut on_path = vec![false; n];
    for i in 0..n {
        if plan.keep_top[i] {
            let mut p = doc.els[i].parent;
            while p != NONE && !on_path[p as usize] {
                on_path[p as usize] = true;
                p = doc.els[p as usize].parent;
            }
        }
    }
    let base = resolve_base(doc, o);
    let meta = crate::meta::page_meta(doc);
    // A fragment (no <body>, no chosen container): text outside any
    // element is article text too, and pass 2 reads the whole input.
    let fragment = plan.root == NONE && !doc.els.iter().any(|e| e.tag == Tag::BODY);
    let plan_first = if fragment { None } else { plan.keep_top.iter().position(|k| *k) };
    let plan_last = if fragment { None } else { plan.keep_top.iter().rposition(|k| *k) };
    // Report entries for removed blocks outside the stretch pass 2 reads.
    let (outside_before, outside_after) = {
        let (lo, hi) = match (plan_first, plan_last) {
            (Some(f), Some(l)) => {
                let end = doc.els[l].end;
                let hi = (l..n).find(|&j| doc.els[j].start >= end).unwrap_or(n);
                (f, hi)
            }
            _ => (0, n),
        };
        let mut gone = vec![false; n];
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for i in 0..n {
            let p = doc.els[i].parent;
            let parent_gone = p != NONE && gone[p as usize];
            gone[i] = parent_gone || plan.drop[i].is_some();
            if parent_gone || (lo..hi).contains(&i) {
                continue;
            }
            if let Some(d) = &plan.drop[i] {
                let e = &doc.els[i];
                let listed = !matches!(d.category, Category::NonContent | Category::Hidden);
                let name = tags::NAMES.get((e.tag.0 as usize).wrapping_sub(1)).copied().unwrap_or("element");
                let item = Pending {
                    category: d.category,
                    reason: d.reason.to_string(),
                    element: doc.descs.get(&(i as u32)).map_or_else(|| name.to_string(), |d| d.to_string()),
                    chars: plan.raw_text[i] as usize,
                    preview: String::new(),
                    listed,
                };
                if i < lo { before.push(item) } else { after.push(item) }
            }
        }
        (before, after)
    };
    let Plan { drop, keep_top, byline, title, .. } = plan;
    let mut v = RewriteVisitor {
        drop,
        keep_top,
        on_path,
        opts: o.clone(),
        allowed_extra: o.add_allowed_tags.iter().map(|t| t.to_ascii_lowercase()).filter(|t| is_safe_tag_name(t)).collect(),
        base,
        frames: Vec::with_capacity(64),
        html: String::with_capacity(input.len() / 4),
        text: TextBuilder::default(),
        removals: Vec::new(),
        img_missing: false,
        noscript_buf: None,
        first_paragraph: None,
        p_capture: None,
        first_image: None,
        root_mode: if fragment { Mode::Emit } else { Mode::Outside },
    };
    // Pass 2 reads only the stretch of input that holds the kept blocks:
    // from the first one's start tag to the last one's end tag.
    let (from, from_pos, to) = match (plan_first, plan_last) {
        (Some(f), Some(l)) => (f, doc.els[f].start, doc.els[l].end.max(doc.els[f].start)),
        _ => (0, 0, u32::MAX),
    };
    replay(&mut v, page, doc, from, from_pos, to);

    let text_content = v.text.finish();
    let length = text_content.chars().count();
    let word_count = crate::text::word_count(&text_content);
    let reading_time_minutes = if word_count == 0 { 0 } else { word_count.div_ceil(R::WORDS_PER_MINUTE) };
    let excerpt = meta.excerpt.clone().or_else(|| v.first_paragraph.clone().map(|p| truncate_chars(&p, R::EXCERPT_MAX_CHARS)));
    let lead_image = meta
        .lead_image
        .as_deref()
        .and_then(|u| url::sanitize(&url::preprocess(&decode(u)), UrlKind::Image, v.base.as_ref()))
        .or(v.first_image.clone());
    let lang = doc.meta.lang.clone().or_else(|| doc.meta.metas.get("content-language").cloned()).map(|l| l.trim().to_string());
    let mut items = outside_before;
    items.extend(v.removals);
    items.extend(outside_after);
    let report = build_report(items);
    Ok(Article {
        title: if title.is_empty() { meta.title.unwrap_or_default() } else { title },
        byline: meta.byline.or(byline),
        dir: doc.meta.dir.clone(),
        lang,
        content: v.html,
        text_content,
        length,
        excerpt,
        site_name: meta.site_name,
        published_time: meta.published_time,
        lead_image,
        word_count,
        reading_time_minutes,
        report,
    })
}

fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

fn build_report(items: Vec<Pending>) -> Report {
    let mut totals: HashMap<Category, (usize, usize)> = HashMap::new();
    let mut removed = Vec::new();
    for p in items {
        let t = totals.entry(p.category).or_default();
        t.0 += 1;
        t.1 += p.chars;
        if p.listed && removed.len() < R::REPORT_MAX_ITEMS {
            removed.push(Removal { category: p.category, reason: p.reason, element: p.element, chars: p.chars, preview: p.preview.trim().to_string() });
        }
    }
    let mut totals: Vec<CategoryCount> = totals.into_iter().map(|(category, (elements, chars))| CategoryCount { category, elements, chars }).collect();
    totals.sort_by(|a, b| b.elements.cmp(&a.elements).then(a.category.cmp(&b.category)));
    Report { totals, removed }
}

/// The base URL: `<base href>` resolved against the page URL, else the page URL.
fn resolve_base(doc: &Doc, o: &Options) -> Option<Base> {
    let page = o.url.as_deref().and_then(Base::parse);
    match doc.meta.base_href.as_deref().map(|h| url::preprocess(&decode(h))) {
        Some(h) if !h.is_empty() => {
            if let Some(b) = Base::parse(&h) {
                return Some(b);
            }
            match &page {
                Some(p) => Base::parse(&p.resolve(&h)),
                None => None,
            }
        }
        _ => page,
    }
}

fn is_safe_tag_name(t: &str) -> bool {
    let mut cs = t.chars();
    cs.next().is_some_and(|c| c.is_ascii_lowercase())
        && cs.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !R::FORBIDDEN_TAGS.contains(&t)
}

/// `div#id.class.names` for the report.
fn describe(el: &StartTag<'_>, name: &str) -> String {
    let mut s = String::from(name);
    if let Some(id) = el.get("id") {
        let id = id.trim();
        if !id.is_empty() {
            s.push('#');
            s.extend(id.chars().take(40));
        }
    }
    if let Some(c) = el.get("class") {
        for c in c.split_ascii_whitespace().take(3) {
            s.push('.');
            s.extend(c.chars().take(30));
        }
    }
    s
}

pub(crate) fn escape_text(out: &mut String, s: &str) {
    escape_into(out, s, false);
}

/// Bytes `escape_into` must look at: `&`, `<`, `>`, `"`, NUL and the
/// C0 controls the output never carries.
const SPECIAL: [bool; 256] = {
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
fn escape_into(out: &mut String, s: &str, attr: bool) {
    let b = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
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
    out.push_str(&s[last..]);
}

fn escape_attr(out: &mut String, s: &str) {
    escape_into(out, s, true);
}

/// Is this `data:`/placeholder source a stand-in for a lazy image?
fn is_placeholder(src: &str) -> bool {
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

fn looks_like_image_url(v: &str) -> bool {
    let l = v.trim().to_ascii_lowercase();
    let path = l.split(['?', '#']).next().unwrap_or("");
    [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"].iter().any(|e| path.ends_with(e)) && !l.contains(' ')
}

fn looks_like_srcset(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".avif"].iter().any(|e| l.contains(e)) && l.split(',').any(|c| {
        let mut parts = c.split_whitespace();
        parts.next().is_some() && parts.next().is_some_and(|d| d.ends_with('w') || d.ends_with('x'))
    })
}

impl RewriteVisitor {
    fn sanitize_url(&self, raw: &str, kind: UrlKind) -> Option<String> {
        // NUL becomes U+FFFD before anything else, as in the browser's
        // tokenizer: `java\0script:` must not turn into `javascript:`.
        let u = url::preprocess(&strip_controls(&nul_to_fffd(&decode(raw))));
        if u.is_empty() {
            return None;
        }
        url::sanitize(&u, kind, self.base.as_ref())
    }

    fn sanitize_srcset(&self, raw: &str) -> Option<String> {
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

    fn open_tag(&mut self, name: &str, attrs: &[(&str, String)]) {
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
    fn attrs_for(&self, el: &StartTag<'_>, name: &str) -> Vec<(&'static str, String)> {
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

    /// The real source of an image, following lazy-loading conventions.
    fn image_attrs(&self, el: &StartTag<'_>) -> Option<Vec<(&'static str, String)>> {
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

    fn add_removal(&mut self, el: &StartTag<'_>, name: &str, d: &Drop) -> Option<usize> {
        let listed = !matches!(d.category, Category::NonContent | Category::Hidden);
        self.removals.push(Pending {
            category: d.category,
            reason: d.reason.to_string(),
            element: if listed { describe(el, name) } else { String::new() },
            chars: 0,
            preview: String::new(),
            listed,
        });
        Some(self.removals.len() - 1)
    }

    fn emit_noscript_image(&mut self, markup: &str) {
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
    }
}

/// Attributes of one start tag in raw markup (for `<noscript>` content,
/// which lol_html hands over as text).
fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() && out.len() < 32 {
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

/// Feeds `v` the elements from ordinal `from` on and the text chunks from
/// input position `from_pos` on, up to input position `to`, in document
/// order, with the closes between them.
fn replay(v: &mut RewriteVisitor, input: Input<'_>, doc: &Doc, from: usize, from_pos: u32, to: u32) {
    let els = &doc.els;
    let texts = &doc.text_recs;
    let mut ti = texts.partition_point(|t| t.pos < from_pos);
    let mut open: Vec<u32> = Vec::with_capacity(64);
    let close_until = |v: &mut RewriteVisitor, open: &mut Vec<u32>, p: u32| {
        while let Some(&top) = open.last() {
            if els[top as usize].end > p {
                break;
            }
            open.pop();
            v.end();
        }
    };
    let emit_texts_before = |v: &mut RewriteVisitor, open: &mut Vec<u32>, ti: &mut usize, p: u32| {
        while let Some(t) = texts.get(*ti) {
            if t.pos >= p {
                break;
            }
            close_until(v, open, t.pos);
            // lol_html splits a text node wherever a write ended; pass 2
            // joins the pieces back (adjacent in the input, no tag between),
            // so its output does not depend on how the input was fed, and
            // a reference split as `&am` + `p;` still decodes. "Adjacent"
            // allows a gap of non-ASCII bytes: a write holding only the
            // middle of a character yields no chunk, and the next chunk's
            // location starts after it (a tag between would show `<`).
            let mut n = 1;
            let mut end = t.pos + t.src_len;
            let mut in_source = t.in_source();
            while let Some(u) = texts.get(*ti + n) {
                let gap_ok = u.pos >= end && u.pos - end <= 3 && slice(input.bytes, end, u.pos - end).iter().all(|&b| b >= 0x80);
                if !gap_ok || u.kind() != t.kind() || u.pos >= p {
                    break;
                }
                end = u.pos + u.src_len;
                in_source &= u.in_source();
                n += 1;
            }
            if n == 1 {
                v.text(&doc.text_of(input, t), t.kind());
            } else if in_source {
                v.text(&input.text(t.pos, end - t.pos), t.kind());
            } else {
                let joined: String = texts[*ti..*ti + n].iter().map(|u| doc.text_of(input, u)).collect();
                v.text(&joined, t.kind());
            }
            *ti += n;
        }
    };
    for (i, e) in els.iter().enumerate().skip(from) {
        if e.start >= to {
            break;
        }
        emit_texts_before(v, &mut open, &mut ti, e.start);
        close_until(v, &mut open, e.start);
        let name: Cow<'_, str> = match e.tag.name() {
            Some(n) => Cow::Borrowed(n),
            None => Cow::Owned(String::from_utf8_lossy(tags::raw_name_at(input.bytes, e.start as usize)).to_ascii_lowercase()),
        };
        let st = StartTag { tag: e.tag, name, attrs: doc.attrs_of(i), src: input };
        let void = e.flags & flag::VOID != 0;
        v.start(&st, i as u32, void);
        if !void {
            open.push(i as u32);
        }
    }
    emit_texts_before(v, &mut open, &mut ti, to);
    while open.pop().is_some() {
        v.end();
    }
}

impl RewriteVisitor {
    fn start(&mut self, el: &StartTag<'_>, ord: u32, void: bool) {
        let name_owned: &str = &el.name;
        let tag = el.tag;
        let parent_mode = self.frames.last().map_or(self.root_mode, |f| f.mode);
        let parent_report = self.frames.last().and_then(|f| f.report);
        let i = ord as usize;
        let mut frame = Frame { mode: parent_mode, close: None, close_owned: None, breaks_line: false, pre: false, report: parent_report, tag };

        if parent_mode == Mode::Skip {
            // `<plaintext>` turns the rest of the page into visible text,
            // even inside a `<select>` we skip as a form control; keep it
            // (escaped) so the best-effort article is not empty.
            let control_only = parent_report.is_none_or(|r| self.removals[r].category == Category::NonContent);
            let in_article_control = control_only && self.frames.iter().any(|f| f.mode == Mode::Emit);
            if name_owned == "plaintext" && in_article_control {
                frame.mode = Mode::Emit;
                frame.report = None;
                self.frames.push(frame);
                return;
            }
            if !void {
                self.frames.push(frame);
            }
            return;
        }
        if let Some(d) = self.drop.get(i).cloned() {
            frame.mode = Mode::Skip;
            frame.report = self.add_removal(el, &name_owned, &d);
            if tag.breaks_line() && parent_mode == Mode::Emit {
                self.text.block();
            }
            if !void {
                self.frames.push(frame);
            }
            return;
        }
        let entering = self.keep_top.get(i).copied().unwrap_or(false);
        if parent_mode == Mode::Outside && !entering {
            if !self.on_path.get(i).copied().unwrap_or(false) && !matches!(tag, Tag::HEAD | Tag::HTML | Tag::BODY) && !tag.is_invisible() {
                // A block outside the article that no junk rule named.
                let d = Drop { category: Category::OutsideArticle, reason: "outside the article".into() };
                let mut p = Pending { category: d.category, reason: d.reason.into_string(), element: String::new(), chars: 0, preview: String::new(), listed: false };
                p.listed = false;
                self.removals.push(p);
                frame.mode = Mode::Skip;
                frame.report = Some(self.removals.len() - 1);
            }
            if !void {
                self.frames.push(frame);
            }
            return;
        }
        // Inside the article (or entering it).
        frame.mode = Mode::Emit;
        let name: &str = &name_owned;
        if tag == Tag::NOSCRIPT {
            // lol_html hands noscript content over as text: keep it to
            // recover a lazy image, never as markup.
            self.noscript_buf = Some(String::new());
            frame.mode = Mode::Skip;
            frame.report = None;
            self.frames.push(frame);
            return;
        }
        let video_iframe = tag == Tag::IFRAME && el.get("src").is_some_and(|s| crate::measure::video_url(&decode(&s)));
        let removed_by_options = self.opts.rm_allowed_tags.iter().any(|t| t.eq_ignore_ascii_case(name));
        let extra = self.allowed_extra.iter().any(|t| t == name);
        if !video_iframe && !extra && !entering && tag_listed(TagList::DropSubtree, tag, name) {
            frame.mode = Mode::Skip;
            frame.report = None;
            if !void {
                self.frames.push(frame);
            }
            return;
        }
        frame.breaks_line = tag.breaks_line();
        frame.pre = tag == Tag::PRE || self.frames.last().is_some_and(|f| f.pre && f.mode == Mode::Emit);
        if frame.breaks_line {
            self.text.block();
        }
        if tag == Tag::BR {
            self.html.push_str("<br>");
            self.text.line_break();
            return;
        }
        if tag == Tag::IMG {
            if !self.opts.keep_images || removed_by_options {
                return;
            }
            match self.image_attrs(el) {
                Some(attrs) => {
                    if self.first_image.is_none() {
                        self.first_image = attrs.iter().find(|(k, _)| *k == "src").map(|(_, v)| v.clone());
                    }
                    self.open_tag("img", &attrs);
                    self.img_missing = false;
                }
                None => self.img_missing = true,
            }
            return;
        }
        if matches!(tag, Tag::PICTURE | Tag::SOURCE | Tag::VIDEO | Tag::AUDIO) && !self.opts.keep_images && tag != Tag::AUDIO {
            if !void {
                frame.mode = if tag == Tag::SOURCE { Mode::Skip } else { Mode::Emit };
                self.frames.push(frame);
            }
            return;
        }
        let allowed = (extra || tag_listed(TagList::Allowed, tag, name)) && !removed_by_options;
        if allowed {
            // The article container and sibling blocks become plain blocks;
            // `h1` inside the article is demoted (the reader shows the title).
            // A kept block that starts the article is written as itself
            // when it can stand alone (`p`, `table`, `h2`, `a`, ...); table
            // parts, list items and the like become a `div`. Writing the
            // same tag back is what makes cleaning idempotent.
            let out_name: &'static str = if entering && parent_mode == Mode::Outside && !stands_alone(tag) {
                "div"
            } else if tag == Tag::H1 {
                "h2"
            } else if let Some(known) = tag.name() {
                known
            } else {
                ""
            };
            // Attributes follow the tag we write: `<details open>` as the
            // article container becomes a plain `<div>`, without `open`.
            let attr_tag = if out_name.is_empty() { name } else { out_name };
            let attrs = if video_iframe {
                let mut a = self.attrs_for(el, attr_tag);
                // No script in the player's parent; the player itself runs
                // sandboxed on its own origin.
                a.push(("sandbox", "allow-scripts allow-same-origin allow-presentation".into()));
                a.push(("referrerpolicy", "no-referrer".into()));
                a
            } else {
                self.attrs_for(el, attr_tag)
            };
            if out_name.is_empty() {
                let owned = name.to_string();
                self.open_tag(&owned, &attrs);
                if !void {
                    frame.close_owned = Some(owned);
                }
            } else {
                self.open_tag(out_name, &attrs);
                if !void && !tags_void(out_name) {
                    frame.close = Some(out_name);
                }
            }
            if video_iframe {
                // Iframe content is raw text to a browser: write none.
                if let Some(c) = frame.close.take() {
                    self.html.push_str("</");
                    self.html.push_str(c);
                    self.html.push('>');
                }
                frame.mode = Mode::Skip;
                frame.report = None;
            }
        }
        if tag == Tag::P && self.first_paragraph.is_none() && self.p_capture.is_none() {
            self.p_capture = Some((self.frames.len(), String::new()));
        }
        if !void {
            self.frames.push(frame);
        }
    }

    fn text(&mut self, raw: &str, kind: TextKind) {
        if raw.is_empty() {
            return;
        }
        let (mode, pre, tag, report) = match self.frames.last() {
            Some(f) => (f.mode, f.pre, f.tag, f.report),
            None => (self.root_mode, false, Tag::OTHER, None),
        };
        match mode {
            Mode::Emit => {
                let decoded = match kind {
                    TextKind::Data | TextKind::RcData => decode(raw),
                    TextKind::Raw => Cow::Borrowed(raw),
                };
                escape_text(&mut self.html, &decoded);
                if pre {
                    self.text.push_pre(&decoded);
                } else {
                    self.text.push(&decoded);
                }
                if let Some((_, buf)) = self.p_capture.as_mut() {
                    push_capped(buf, &decoded, R::EXCERPT_CAPTURE_MAX_BYTES);
                }
            }
            Mode::Skip => {
                if let Some(buf) = self.noscript_buf.as_mut() {
                    if tag == Tag::NOSCRIPT {
                        push_capped(buf, raw, R::NOSCRIPT_CAPTURE_MAX_BYTES);
                    }
                }
                if let Some(r) = report {
                    // Whitespace between the tags of a removed block (most
                    // of its text chunks) counts nothing: skip it before
                    // decoding and Unicode trimming.
                    if kind == TextKind::Data && !raw.bytes().all(|b| b.is_ascii_whitespace()) {
                        let p = &mut self.removals[r];
                        let d = decode(raw);
                        let t = d.trim();
                        if !t.is_empty() {
                            p.chars += t.chars().count();
                            if p.listed && p.preview.chars().count() < R::REPORT_PREVIEW_CHARS {
                                if !p.preview.is_empty() {
                                    p.preview.push(' ');
                                }
                                p.preview.extend(t.split_whitespace().flat_map(|w| w.chars().chain(std::iter::once(' '))).take(R::REPORT_PREVIEW_CHARS));
                                let keep = p.preview.trim_end().len();
                                p.preview.truncate(keep);
                            }
                        }
                    }
                }
            }
            Mode::Outside => {}
        }
    }

    fn end(&mut self) {
        let Some(f) = self.frames.pop() else { return };
        if f.tag == Tag::NOSCRIPT {
            if let Some(buf) = self.noscript_buf.take() {
                let in_article = self.frames.last().is_some_and(|p| p.mode == Mode::Emit);
                if in_article && self.img_missing && self.opts.keep_images {
                    self.emit_noscript_image(&buf);
                    self.img_missing = false;
                }
            }
        }
        if let Some(c) = f.close {
            self.html.push_str("</");
            self.html.push_str(c);
            self.html.push('>');
        } else if let Some(c) = f.close_owned {
            self.html.push_str("</");
            self.html.push_str(&c);
            self.html.push('>');
        }
        if f.mode == Mode::Emit && f.breaks_line {
            self.text.block();
        }
        if let Some((depth, _)) = &self.p_capture {
            if *depth == self.frames.len() {
                let (_, buf) = self.p_capture.take().unwrap_or_default();
                let t = buf.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    self.first_paragraph = Some(t);
                }
            }
        }
    }
}

/// Appends as much of `s` as fits in `cap` bytes (a text node can be the
/// whole 20 MB page: copying all of it to read the first sentence made
/// pass 2's peak memory several times the input).
fn push_capped(buf: &mut String, s: &str, cap: usize) {
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
fn strip_controls(s: &str) -> String {
    let is_control = |c: char| matches!(c as u32, 1..=8 | 0x0B | 0x0E..=0x1F | 0x7F);
    if !s.contains(is_control) {
        return s.to_string(); // the usual case: one copy, no char-by-char rebuild
    }
    s.chars().filter(|&c| !is_control(c)).collect()
}

/// NUL as U+FFFD, as a browser's tokenizer reads it (borrowed if none).
fn nul_to_fffd(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[derive(Clone, Copy)]
enum TagList {
    Allowed,
    DropSubtree,
}

/// Is the element in [`R::ALLOWED_TAGS`] / [`R::DROP_SUBTREE_TAGS`]? By
/// tag number for interned names (tables built once: scanning the string
/// lists for every element of the article was most of pass 2's per-element
/// cost), by name for the rest.
fn tag_listed(list: TagList, tag: Tag, name: &str) -> bool {
    static TABLES: std::sync::OnceLock<[[bool; 256]; 2]> = std::sync::OnceLock::new();
    let lists: [&[&str]; 2] = [R::ALLOWED_TAGS, R::DROP_SUBTREE_TAGS];
    if tag == Tag::OTHER {
        return lists[list as usize].contains(&name);
    }
    let t = TABLES.get_or_init(|| {
        let mut t = [[false; 256]; 2];
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
fn stands_alone(t: Tag) -> bool {
    matches!(
        t,
        Tag::P | Tag::PRE | Tag::TABLE | Tag::UL | Tag::OL | Tag::BLOCKQUOTE | Tag::FIGURE | Tag::DIV
            | Tag::SECTION | Tag::ARTICLE | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
            | Tag::DL | Tag::A | Tag::SPAN | Tag::EM | Tag::STRONG | Tag::B | Tag::I | Tag::CODE
            | Tag::IMG | Tag::DETAILS | Tag::HR | Tag::BR
    )
}

fn tags_void(n: &str) -> bool {
    matches!(n, "img" | "br" | "hr" | "wbr" | "source" | "col")
}
