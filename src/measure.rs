//! Pass 1: measure every element.
//!
//! One lol_html walk records, per element ordinal, compact statistics —
//! tag, parent, own text length and commas, class/id/role signals — and
//! the page metadata. Subtree totals are *not* summed here: the decide
//! step sums them bottom-up after it has taken removed subtrees out, which
//! is what Readability gets by mutating its DOM.

use std::collections::HashMap;

/// Hash maps keyed by page data (class strings, ordinals). foldhash with
/// a random seed per map: several times cheaper than SipHash on short
/// keys (SipHash was 3 % of `clean`), and a page still cannot prepare
/// keys that collide, since it never sees the seed. Already in the tree
/// (lol_html uses it).
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
use std::sync::OnceLock;

use crate::matcher::Matcher;

use lol_html::html_content::{Element, TextChunk, TextType};

use crate::article::Category;
use crate::error::Result;
use crate::rules;
use crate::tags::Tag;
use crate::walk::{Src, Visitor, Walk};
use crate::Options;

/// "No element" in parent links.
pub(crate) const NONE: u32 = u32::MAX;

/// Static signals of one element (bit flags).
pub(crate) mod flag {
    /// The element is an `<a href>` or inside one: its text is link text.
    pub const IN_LINK: u32 = 1 << 0;
    /// `hidden`, `display:none`, `visibility:hidden` or `aria-hidden=true`.
    pub const HIDDEN: u32 = 1 << 1;
    /// Readability's unlikely-candidate class/id match (and no rescue).
    pub const UNLIKELY: u32 = 1 << 2;
    /// ARIA role of page chrome (`navigation`, `dialog`, ...).
    pub const UNLIKELY_ROLE: u32 = 1 << 3;
    /// Author-line candidate (`class=byline`, `rel=author`, `itemprop=author`).
    pub const BYLINE: u32 = 1 << 4;
    /// Share-bar class/id (`share`, `sharedaddy`).
    pub const SHARE: u32 = 1 << 5;
    /// Has a block-level child (so a `div` is not a paragraph).
    pub const HAS_BLOCK_CHILD: u32 = 1 << 6;
    /// Text of the element mentions cookies/consent.
    pub const CONSENT_WORD: u32 = 1 << 7;
    /// A button-like element whose label is accept/reject/settings.
    pub const CONSENT_BUTTON: u32 = 1 << 8;
    /// Its own text is an ad label ("Advertisement").
    pub const AD_LABEL: u32 = 1 << 9;
    /// Its own text asks to rate the article.
    pub const RATING_WORD: u32 = 1 << 10;
    /// Its own text is a newsletter call.
    pub const NEWSLETTER_WORD: u32 = 1 << 11;
    /// Inside `<script>`, `<style>`, `<template>`, ... : no visible text.
    pub const INVISIBLE: u32 = 1 << 12;
    /// `position: fixed|sticky` in its inline style (overlays, banners).
    pub const FIXED: u32 = 1 << 13;
    /// Inside a `<figure>` (image blocks there are not galleries).
    pub const IN_FIGURE: u32 = 1 << 14;
    /// An embed (`iframe`/`embed`/`object`) of a known video host.
    pub const VIDEO: u32 = 1 << 15;
    /// A button, `role=button` or submit input.
    pub const BUTTON: u32 = 1 << 16;
    /// `itemprop="articleBody"` or similar explicit article markers.
    pub const ARTICLE_BODY: u32 = 1 << 17;
    /// `<script type="application/ld+json">`.
    pub const JSON_LD: u32 = 1 << 18;
    /// A table with data-table signs (`th`, `caption`, `summary`, `role=table`).
    pub const DATA_TABLE: u32 = 1 << 19;
    /// A dialog/modal by role or `aria-modal`.
    pub const DIALOG: u32 = 1 << 21;
    /// Its text has a sentence end (`. ` or a final `.`).
    pub const SENTENCE: u32 = 1 << 22;
    /// Inside a `<table>`.
    pub const IN_TABLE: u32 = 1 << 23;
    /// Inside `<code>`.
    pub const IN_CODE: u32 = 1 << 24;
    /// Has non-whitespace text directly inside (not only in children).
    pub const LOOSE_TEXT: u32 = 1 << 25;
    /// Cannot have content (`<img>`, `<br>`, a self-closing SVG element):
    /// never on the stack of open elements, no end tag.
    pub const VOID: u32 = 1 << 26;
}

/// Statistics of one element.
#[derive(Clone, Debug)]
pub(crate) struct El {
    pub tag: Tag,
    pub parent: u32,
    pub depth: u32,
    pub flags: u32,
    /// Class weight: ±25 per positive/negative class and id match.
    pub weight: i8,
    /// Junk category from class/id tokens, with the token that matched
    /// (an index for [`junk_word`]: 4 bytes instead of 24 per element).
    pub junk: Option<(Category, u16)>,
    /// Characters of text directly inside (whitespace runs count once).
    pub own_text: u32,
    /// Commas in that text.
    pub own_commas: u32,
    /// Hash of the `class` attribute (0 if none): siblings with the top
    /// candidate's class get a bonus.
    pub class_hash: u32,
    /// Byte offset of the start tag in the input (inputs are limited to
    /// `u32` range by `Options::max_input_bytes`' ceiling).
    pub start: u32,
    /// Byte offset just past the end tag that closed it (input length if
    /// never closed, start tag end for void elements).
    pub end: u32,
    /// Index of its first attribute in [`Doc::attrs`] (the next element's
    /// `attr0` ends the list).
    pub attr0: u32,
}

/// Where one attribute's name and value are in the input (a value-less
/// `<div hidden>` has `value_len` 0). Pass 2 reads the attributes of kept
/// elements from here instead of tokenizing the page a second time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AttrRec {
    pub name: u32,
    pub name_len: u32,
    pub value: u32,
    pub value_len: u32,
}

/// How pass 2 treats a text chunk (lol_html's `TextType`, reduced).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextKind {
    /// Ordinary text: character references are decoded.
    Data,
    /// `<title>`/`<textarea>` text: references decoded too.
    RcData,
    /// Raw text (`<noscript>`, `<xmp>`, `<plaintext>`, CDATA): as is.
    Raw,
}

/// One text chunk of pass 1, for pass 2 to replay: it took
/// `input[pos..pos + src_len]`. Its text is those very bytes (UTF-8 input,
/// the usual case: nothing is copied) unless the decoder replaced invalid
/// bytes; then a copy sits in [`Doc::arena`]. 12 bytes: a page of 200,000
/// links has half a million chunks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextRec {
    pub pos: u32,
    pub src_len: u32,
    /// Bits 0–1: the [`TextKind`]; above: 0 for "the source bytes", else
    /// 1 + the index of its span in [`Doc::arena_spans`].
    meta: u32,
}

impl TextRec {
    pub fn kind(&self) -> TextKind {
        match self.meta & 3 {
            0 => TextKind::Data,
            1 => TextKind::RcData,
            _ => TextKind::Raw,
        }
    }
    pub fn in_source(&self) -> bool {
        self.meta >> 2 == 0
    }
}

/// Page-level metadata gathered in pass 1.
#[derive(Default, Debug)]
pub(crate) struct Meta {
    pub title: String,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub base_href: Option<String>,
    /// `<meta>` name/property/itemprop (lowercase) → content, first wins.
    pub metas: HashMap<String, String>,
    pub json_ld: Vec<String>,
}

/// Everything pass 1 learned.
pub(crate) struct Doc {
    pub els: Vec<El>,
    pub meta: Meta,
    /// Text captured for headings, byline candidates: ordinal → raw text.
    pub texts: FastMap<u32, String>,
    /// `tag#id.class` of the outermost element of each junk-looking
    /// subtree, for the report (pass 2 may never read that part).
    pub descs: FastMap<u32, Box<str>>,
    /// Every element's attributes, in document order (see [`El::attr0`]).
    pub attrs: Vec<AttrRec>,
    /// Every text chunk except script bodies, in document order.
    pub text_recs: Vec<TextRec>,
    /// Text that could not be read from the input as it was (see [`TextRec`]).
    pub arena: String,
    /// `(offset, length)` of each such text in `arena`.
    pub arena_spans: Vec<(u32, u32)>,
}

impl Doc {
    /// The attributes of element `i`.
    pub fn attrs_of(&self, i: usize) -> &[AttrRec] {
        let from = self.els[i].attr0 as usize;
        let to = self.els.get(i + 1).map_or(self.attrs.len(), |e| e.attr0 as usize);
        self.attrs.get(from..to).unwrap_or(&[])
    }

    /// The text of one chunk.
    pub fn text_of<'a>(&'a self, input: Input<'a>, t: &TextRec) -> std::borrow::Cow<'a, str> {
        if t.in_source() {
            input.text(t.pos, t.src_len)
        } else {
            let (off, len) = self.arena_spans.get((t.meta >> 2) as usize - 1).copied().unwrap_or_default();
            std::borrow::Cow::Borrowed(self.arena.get(off as usize..(off + len) as usize).unwrap_or(""))
        }
    }
}

/// Caps for captured text, so a huge `<title>` or JSON-LD block cannot
/// grow memory (headings and bylines: `rules::HEADING_CAPTURE_MAX_BYTES`).
const JSON_LD_LIMIT: usize = 1 << 20;
const TITLE_LIMIT: usize = 2000;

pub(crate) struct MeasureVisitor {
    els: Vec<El>,
    meta: Meta,
    texts: FastMap<u32, String>,
    descs: FastMap<u32, Box<str>>,
    /// Open elements whose text is being captured.
    captures: Vec<u32>,
    last_ws: bool,
    junk_add: Vec<String>,
    junk_rm: Vec<String>,
    /// Raw class value → what it says and its [`El::class_hash`].
    class_cache: FastMap<Box<[u8]>, (ClassResult, u32)>,
    attrs: Vec<AttrRec>,
    text_recs: Vec<TextRec>,
    arena: String,
    arena_spans: Vec<(u32, u32)>,
    /// Reused buffer for the lowercased "class id" string.
    joined: String,
    /// The input is a `str` (valid UTF-8).
    src_is_utf8: bool,
}

/// Pass 1, fed piece by piece.
pub(crate) struct Measurer<'h> {
    walk: Walk<'h, MeasureVisitor>,
}

impl Measurer<'static> {
    /// For the streaming [`Cleaner`](crate::Cleaner): keeps what it is fed.
    pub fn growing(o: &Options) -> Self {
        Measurer { walk: Walk::growing(MeasureVisitor::new(o), o.max_memory) }
    }
}

impl<'h> Measurer<'h> {
    /// Over a whole input, which is then written to it piece by piece.
    pub fn over(o: &Options, input: &'h [u8]) -> Self {
        Measurer { walk: Walk::over(MeasureVisitor::new(o), o.max_memory, input) }
    }

    /// Over a whole input that is a `str`.
    pub fn over_str(o: &Options, input: &'h str) -> Self {
        let mut v = MeasureVisitor::new(o);
        v.src_is_utf8 = true;
        Measurer { walk: Walk::over(v, o.max_memory, input.as_bytes()) }
    }

    /// Pass 1 over a whole input.
    pub fn measure_all(o: &Options, input: &'h [u8]) -> Result<Doc> {
        let mut m = Measurer::over(o, input);
        for piece in input.chunks(crate::walk::FEED_CHUNK) {
            m.write(piece)?;
        }
        m.finish().map(|(d, _)| d)
    }
}

impl MeasureVisitor {
    fn new(o: &Options) -> Self {
        MeasureVisitor {
            els: Vec::with_capacity(1024),
            meta: Meta::default(),
            texts: FastMap::default(),
            descs: FastMap::default(),
            captures: Vec::new(),
            last_ws: true,
            junk_add: o.add_junk_tokens.iter().map(|s| s.to_ascii_lowercase()).collect(),
            junk_rm: o.rm_junk_tokens.iter().map(|s| s.to_ascii_lowercase()).collect(),
            class_cache: FastMap::default(),
            attrs: Vec::with_capacity(1024),
            text_recs: Vec::with_capacity(1024),
            arena: String::new(),
            arena_spans: Vec::new(),
            joined: String::new(),
            src_is_utf8: false,
        }
    }
}

impl<'h> Measurer<'h> {
    pub fn write(&mut self, chunk: &[u8]) -> Result<()> {
        self.walk.write(chunk)
    }
    /// Ends pass 1: what it learned, and the input it read.
    pub fn finish(self) -> Result<(Doc, Src<'h>)> {
        let (mut v, src) = self.walk.finish()?;
        // Decide's peak (its per-element sums) comes on top of these.
        v.els.shrink_to_fit();
        v.text_recs.shrink_to_fit();
        v.attrs.shrink_to_fit();
        let len = src.bytes().len().min(u32::MAX as usize) as u32;
        for e in v.els.iter_mut() {
            e.end = e.end.min(len);
        }
        let doc = Doc { els: v.els, meta: v.meta, texts: v.texts, descs: v.descs, attrs: v.attrs, text_recs: v.text_recs, arena: v.arena, arena_spans: v.arena_spans };
        Ok((doc, src))
    }
}

/// Ids of the class/id substring lists in [`class_matcher`].
mod list {
    pub const UNLIKELY: u8 = 0;
    pub const MAYBE: u8 = 1;
    pub const POSITIVE: u8 = 2;
    pub const NEGATIVE: u8 = 3;
    pub const BYLINE: u8 = 4;
    pub const AD: u8 = 5;
    pub const CONSENT: u8 = 6;
    pub const RELATED: u8 = 7;
    pub const CHROME: u8 = 8;
    pub const NEWSLETTER: u8 = 9;
}

fn class_matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        Matcher::new(&[
            (list::UNLIKELY, rules::UNLIKELY_CANDIDATES),
            (list::MAYBE, rules::MAYBE_CANDIDATE),
            (list::POSITIVE, rules::POSITIVE),
            (list::NEGATIVE, rules::NEGATIVE),
            (list::BYLINE, rules::BYLINE),
            (list::AD, rules::AD_SUBSTRINGS),
            (list::CONSENT, rules::CONSENT_SUBSTRINGS),
            (list::RELATED, rules::RELATED_TOKENS),
            (list::CHROME, rules::CHROME_TOKENS),
            (list::NEWSLETTER, rules::NEWSLETTER_TOKENS),
        ])
    })
}

/// Token → junk category, from the token tables in rules order (first wins).
fn token_table() -> &'static FastMap<&'static str, (Category, &'static str)> {
    static T: OnceLock<FastMap<&'static str, (Category, &'static str)>> = OnceLock::new();
    T.get_or_init(|| {
        let tables: &[(Category, &[&'static str])] = &[
            (Category::Ad, rules::AD_TOKENS),
            (Category::Share, rules::SHARE_TOKENS),
            (Category::Newsletter, rules::NEWSLETTER_TOKENS),
            (Category::Rating, rules::RATING_TOKENS),
            (Category::Comments, rules::COMMENT_TOKENS),
            (Category::Navigation, rules::NAV_TOKENS),
            (Category::Related, rules::RELATED_TOKENS),
            (Category::HeaderFooter, rules::CHROME_TOKENS),
        ];
        let mut m = FastMap::default();
        for (cat, table) in tables {
            for t in table.iter() {
                m.entry(*t).or_insert((*cat, *t));
            }
        }
        m
    })
}

/// Every junk token and substring of the rules tables, numbered.
fn junk_words() -> &'static (Vec<&'static str>, FastMap<&'static str, u16>) {
    static W: OnceLock<(Vec<&'static str>, FastMap<&'static str, u16>)> = OnceLock::new();
    W.get_or_init(|| {
        let tables: &[&[&'static str]] = &[
            rules::CONSENT_SUBSTRINGS, rules::AD_SUBSTRINGS, rules::AD_TOKENS, rules::SHARE_TOKENS,
            rules::NEWSLETTER_TOKENS, rules::RATING_TOKENS, rules::COMMENT_TOKENS, rules::NAV_TOKENS,
            rules::RELATED_TOKENS, rules::CHROME_TOKENS, &["add_junk_tokens"],
        ];
        let mut v = Vec::new();
        let mut m = FastMap::default();
        for t in tables.iter().flat_map(|t| t.iter()) {
            m.entry(*t).or_insert_with(|| {
                v.push(*t);
                (v.len() - 1) as u16
            });
        }
        (v, m)
    })
}

/// The token behind an [`El::junk`] index.
pub(crate) fn junk_word(id: u16) -> &'static str {
    junk_words().0.get(id as usize).copied().unwrap_or("?")
}

fn junk_id(w: &'static str) -> u16 {
    junk_words().1.get(w).copied().unwrap_or(u16::MAX)
}

/// Ids of the text word lists.
mod words {
    pub const CONSENT: u8 = 0;
    pub const RATING: u8 = 1;
    pub const NEWSLETTER: u8 = 2;
    pub const BUTTON: u8 = 3;
}

/// SIMD finders for consent wording: it is searched in *all* visible
/// text, so this is the one text scan that must run at memory speed.
/// Each word is searched as lowercase and as capitalised/uppercase.
fn consent_finders() -> &'static [memchr::memmem::Finder<'static>] {
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

fn short_text_matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        Matcher::new(&[
            (words::CONSENT, rules::CONSENT_WORDS),
            (words::RATING, rules::RATING_WORDS),
            (words::NEWSLETTER, rules::NEWSLETTER_WORDS),
            (words::BUTTON, rules::CONSENT_BUTTON_WORDS),
        ])
    })
}

/// Splits a lowercased class/id string into tokens.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric())).filter(|t| !t.is_empty())
}

/// Junk hits of one class/id string, by kind (first hit of each).
#[derive(Default)]
struct ClassHits {
    consent: Option<(Category, &'static str)>,
    ad: Option<(Category, &'static str)>,
    hyphen: Option<(Category, &'static str)>,
}

impl ClassHits {
    fn note(&mut self, l: u8, n: &'static str, rm: &[String]) {
        if rm.iter().any(|r| r == n) {
            return;
        }
        match l {
            list::CONSENT if self.consent.is_none() => self.consent = Some((Category::CookieBanner, n)),
            list::AD if self.ad.is_none() => self.ad = Some((Category::Ad, n)),
            // Hyphenated table entries (`most-read`, `site-header`) are not
            // single tokens: they match as substrings.
            list::RELATED if self.hyphen.is_none() && n.contains('-') => self.hyphen = Some((Category::Related, n)),
            list::CHROME if self.hyphen.is_none() && n.contains('-') => self.hyphen = Some((Category::HeaderFooter, n)),
            list::NEWSLETTER if self.hyphen.is_none() && n.contains('-') => self.hyphen = Some((Category::Newsletter, n)),
            _ => {}
        }
    }
}

/// The caller's `add_junk_tokens`.
fn custom_junk(lc: &str, add: &[String]) -> Option<(Category, &'static str)> {
    add.iter()
        .any(|a| tokens(lc).any(|t| t == a) || (a.contains('-') && lc.contains(a.as_str())))
        .then_some((Category::Custom, "add_junk_tokens"))
}

/// What a class/id string says, independent of the element.
#[derive(Clone, Copy)]
struct ClassResult {
    unlikely: bool,
    flags: u32,
    weight: i32,
    junk: Option<(Category, &'static str)>,
}

/// Entries in the per-page class cache (bounded: a hostile page can have
/// a million distinct classes).
const CLASS_CACHE_MAX: usize = 4096;

fn classify(joined: &str, class_len: usize, add: &[String], rm: &[String]) -> ClassResult {
    let mut flags = 0;
    let mut weight = 0;
    let mut junk;
    let (mut mc, mut mi) = (0u64, 0u64);
    let mut hits = ClassHits::default();
    class_matcher().find(joined.as_bytes(), |l, n, pos| {
        if pos < class_len {
            mc |= 1 << l;
        } else {
            mi |= 1 << l;
        }
        hits.note(l, n, rm);
        true
    });
    let both = mc | mi;
    let has = |mask: u64, l: u8| mask & (1 << l) != 0;
    let (cpart, ipart) = joined.split_at(class_len);
    for (mask, part) in [(mc, cpart), (mi, ipart)] {
        if part.trim().is_empty() {
            continue;
        }
        if has(mask, list::NEGATIVE) || part.split_ascii_whitespace().any(|w| rules::NEGATIVE_WORDS.contains(&w)) {
            weight -= rules::CLASS_WEIGHT as i32;
        }
        if has(mask, list::POSITIVE) {
            weight += rules::CLASS_WEIGHT as i32;
        }
    }
    if has(both, list::BYLINE) {
        flags |= flag::BYLINE;
    }
    let mut share = false;
    junk = hits.consent.or(hits.ad);
    {
        let table = token_table();
        for tok in tokens(joined) {
            if tok == "share" || tok == "sharedaddy" {
                share = true;
            }
            if junk.is_none() {
                if let Some(&(cat, t)) = table.get(tok) {
                    if !rm.iter().any(|r| r == t) {
                        junk = Some((cat, t));
                    }
                }
            }
        }
    }
    if share {
        flags |= flag::SHARE;
    }
    if junk.is_none() {
        junk = hits.hyphen;
    }
    if junk.is_none() && !add.is_empty() {
        junk = custom_junk(joined, add);
    }
    ClassResult { unlikely: has(both, list::UNLIKELY) && !has(both, list::MAYBE), flags, weight, junk }
}

/// `display:none` / `visibility:hidden` in an inline style, ignoring
/// spaces and case (`DISPLAY : None`).
fn style_hidden(style: &str) -> bool {
    style_has(style, &[("display", "none"), ("visibility", "hidden")])
}

/// `position: fixed|sticky` (overlays and sticky bars).
fn style_fixed(style: &str) -> bool {
    style_has(style, &[("position", "fixed"), ("position", "sticky")])
}

/// Does some `prop : value...` (ASCII case-insensitive, spaces around the
/// colon allowed) occur? One pass over the colons, each checked against
/// every pair: the property must end right before the spaces and colon,
/// and the value must start right after. (It was a naive substring search
/// per property, four per style attribute.)
fn style_has(style: &str, pairs: &[(&str, &str)]) -> bool {
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

impl MeasureVisitor {
    /// The value of this element's first attribute called `name`
    /// (lowercase), from the records made by `start` (from `attr0` on).
    fn attr_of(&self, src: &[u8], attr0: u32, name: &str) -> Option<String> {
        find_attr(&self.attrs[attr0 as usize..], src, name).map(|a| utf8(slice(src, a.value, a.value_len)).into_owned())
    }

    fn meta_tag(&mut self, src: &[u8], attr0: u32) {
        let content = match self.attr_of(src, attr0, "content") {
            Some(c) => c,
            None => {
                if let Some(cs) = self.attr_of(src, attr0, "http-equiv") {
                    let _ = cs;
                }
                return;
            }
        };
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = self.attr_of(src, attr0, key) {
                // `property="og:title twitter:title"`: several keys at once.
                for k in k.split_ascii_whitespace() {
                    let k = k.to_ascii_lowercase();
                    if k.len() <= 64 && self.meta.metas.len() < 256 {
                        self.meta.metas.entry(k).or_insert_with(|| content.clone());
                    }
                }
            }
        }
        if let Some(h) = self.attr_of(src, attr0, "http-equiv") {
            if h.eq_ignore_ascii_case("content-language") {
                self.meta.metas.entry("content-language".into()).or_insert(content);
            }
        }
    }
}

impl Visitor for MeasureVisitor {
    fn start(&mut self, el: &mut Element<'_, '_>, src: &[u8], tag: Tag, ord: u32, parent: Option<u32>, _void: bool) {
        let loc = el.source_location().bytes();
        // The name as written (no lowercase `String` from lol_html per element).
        let (pflags, depth) = match parent {
            Some(p) => {
                let pe = &mut self.els[p as usize];
                if tag.is_block() {
                    pe.flags |= flag::HAS_BLOCK_CHILD;
                }
                (pe.flags, pe.depth + 1)
            }
            None => (0, 0),
        };
        let mut flags = pflags & (flag::IN_LINK | flag::INVISIBLE | flag::IN_FIGURE | flag::IN_TABLE | flag::IN_CODE);
        if let Some(p) = parent {
            match self.els[p as usize].tag {
                Tag::TABLE => flags |= flag::IN_TABLE,
                Tag::CODE => flags |= flag::IN_CODE,
                _ => {}
            }
        }
        if _void {
            flags |= flag::VOID;
        }
        let mut weight: i32 = 0;
        let mut junk = None;

        if tag.is_invisible() {
            flags |= flag::INVISIBLE;
        }
        let attr0 = self.attrs.len() as u32;
        let mut class: Option<&[u8]> = None;
        let mut id: Option<&[u8]> = None;
        // One pass over the attributes, reading names and values from the
        // input by their source locations: lol_html's `name()`/`value()`
        // allocate a `String` each, and `get_attribute` also allocates its
        // query. Every attribute is recorded for pass 2.
        for attr in el.attributes() {
            let Some(rec) = attr_rec(attr, src) else { continue };
            self.attrs.push(rec);
            let nb = slice(src, rec.name, rec.name_len);
            let vb = slice(src, rec.value, rec.value_len);
            let mut buf = [0u8; 12];
            let key: &[u8] = if nb.len() <= buf.len() {
                buf[..nb.len()].copy_from_slice(nb);
                buf[..nb.len()].make_ascii_lowercase();
                &buf[..nb.len()]
            } else {
                b""
            };
            match key {
                b"href" if tag == Tag::A => flags |= flag::IN_LINK,
                b"rel" if tag == Tag::A => {
                    if vb.split(|b| b.is_ascii_whitespace()).any(|t| t.eq_ignore_ascii_case(b"author")) {
                        flags |= flag::BYLINE;
                    }
                }
                b"summary" if tag == Tag::TABLE => flags |= flag::DATA_TABLE,
                b"class" if class.is_none() => class = Some(vb),
                b"id" if id.is_none() => id = Some(vb),
                b"hidden" => flags |= flag::HIDDEN,
                b"style" => {
                    let style = utf8(vb);
                    if style_hidden(&style) {
                        flags |= flag::HIDDEN;
                    }
                    if style_fixed(&style) {
                        flags |= flag::FIXED;
                    }
                }
                b"aria-hidden" => {
                    if vb.trim_ascii() == b"true" {
                        flags |= flag::HIDDEN;
                    }
                }
                b"role" => {
                    let role = utf8(vb).to_ascii_lowercase();
                    if tag == Tag::TABLE && (role == "table" || role == "grid") {
                        flags |= flag::DATA_TABLE;
                    }
                    if rules::UNLIKELY_ROLES.contains(&role.as_str()) {
                        flags |= flag::UNLIKELY_ROLE;
                    }
                    if role == "dialog" || role == "alertdialog" {
                        flags |= flag::DIALOG;
                    }
                    if role == "button" {
                        flags |= flag::BUTTON;
                    }
                }
                b"aria-modal" => {
                    if vb == b"true" {
                        flags |= flag::DIALOG;
                    }
                }
                b"itemprop" => {
                    let ip = utf8(vb).to_ascii_lowercase();
                    if ip.contains("author") {
                        flags |= flag::BYLINE;
                    }
                    if ip.contains("articlebody") {
                        flags |= flag::ARTICLE_BODY;
                    }
                }
                _ => {}
            }
        }

        // Tag-specific signals, read from the attributes just recorded
        // (lol_html's `get_attribute` allocates its query and its answer).
        match tag {
            Tag::FIGURE => flags |= flag::IN_FIGURE,
            Tag::BUTTON => flags |= flag::BUTTON,
            Tag::INPUT => {
                if self.attr_of(src, attr0, "type").is_some_and(|t| matches!(t.to_ascii_lowercase().as_str(), "submit" | "button")) {
                    flags |= flag::BUTTON;
                    // `<input type=submit value="Accept all">`: the label is
                    // an attribute, not text.
                    if let Some(v) = self.attr_of(src, attr0, "value") {
                        let v = v.trim();
                        if v.len() <= rules::BUTTON_LABEL_MAX_BYTES {
                            short_text_matcher().find(v.as_bytes(), |id, _, pos| {
                                if id == words::BUTTON && (pos == 0 || !v.as_bytes()[pos - 1].is_ascii_alphanumeric()) {
                                    flags |= flag::CONSENT_BUTTON;
                                }
                                true
                            });
                        }
                    }
                }
            }
            Tag::HTML => {
                self.meta.lang = self.attr_of(src, attr0, "lang").filter(|s| !s.trim().is_empty());
                self.meta.dir = self.attr_of(src, attr0, "dir").map(|d| d.to_ascii_lowercase()).filter(|d| d == "rtl" || d == "ltr" || d == "auto");
            }
            Tag::BASE => {
                if self.meta.base_href.is_none() {
                    self.meta.base_href = self.attr_of(src, attr0, "href");
                }
            }
            Tag::META => self.meta_tag(src, attr0),
            Tag::TITLE => {
                // The document title, not an SVG `<title>` deeper down.
                let in_svg = parent.is_some_and(|p| self.els[p as usize].tag == Tag::SVG || self.els[p as usize].tag == Tag::OTHER);
                if self.meta.title.is_empty() && !in_svg {
                    self.captures.push(ord);
                }
            }
            Tag::SCRIPT => {
                if self.attr_of(src, attr0, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
                    flags |= flag::JSON_LD;
                    self.captures.push(ord);
                }
            }
            Tag::IFRAME | Tag::EMBED | Tag::OBJECT => {
                let src = self.attr_of(src, attr0, "src").or_else(|| self.attr_of(src, attr0, "data")).unwrap_or_default();
                if is_video_url(&src) {
                    flags |= flag::VIDEO;
                }
            }
            Tag::CAPTION | Tag::TH | Tag::THEAD | Tag::TFOOT => {
                mark_table_ancestor(&mut self.els, parent);
            }
            Tag::H1 | Tag::H2 => self.captures.push(ord),
            _ => {}
        }

        // Pages repeat the same class on many elements (80 `li.card`, long
        // utility-class lists): an element with a class and no id is looked
        // up by its raw class bytes, so a repeat costs one hash and compare,
        // not a lowercase copy, a matcher pass and a hash of its own.
        let cached = match (class, id) {
            (Some(c), None) => self.class_cache.get(c).copied(),
            _ => None,
        };
        let mut class_len = 0;
        let mut joined = std::mem::take(&mut self.joined);
        joined.clear();
        let mut class_hash = 0;
        if class.is_some() || id.is_some() {
            // One matcher pass over "class id" (lowercase): every list at
            // once, positions tell whether a hit was in the class or the id.
            // (Also built on a cache hit when the report needs the name.)
            let build = |joined: &mut String| {
                joined.push_str(&utf8(class.unwrap_or_default()));
                let class_len = joined.len();
                if let Some(i) = id {
                    joined.push(' ');
                    joined.push_str(&utf8(i));
                }
                joined.make_ascii_lowercase();
                class_len
            };
            let r = match cached {
                Some((r, h)) => {
                    class_hash = h;
                    r
                }
                None => {
                    class_len = build(&mut joined);
                    class_hash = class.map_or(0, hash32);
                    let r = classify(&joined, class_len, &self.junk_add, &self.junk_rm);
                    if let (Some(c), None) = (class, id) {
                        if self.class_cache.len() < CLASS_CACHE_MAX {
                            self.class_cache.insert(c.into(), (r, class_hash));
                        }
                    }
                    r
                }
            };
            if r.unlikely && tag != Tag::BODY && tag != Tag::A && tag != Tag::HTML {
                flags |= flag::UNLIKELY;
            }
            flags |= r.flags;
            weight += r.weight;
            junk = r.junk;
            if cached.is_some() && (junk.is_some() || flags & (flag::FIXED | flag::DIALOG) != 0) {
                class_len = build(&mut joined);
            }
        }
        if flags & flag::BYLINE != 0 {
            self.captures.push(ord);
        }
        if matches!(tag, Tag::ARTICLE) && weight < 0 {
            // `<article class="post-media">`: the semantic tag outweighs one class match.
            weight = 0;
        }

        if (junk.is_some() || flags & (flag::FIXED | flag::DIALOG) != 0)
            && parent.is_none_or(|p| !self.descs.contains_key(&p) && self.els[p as usize].junk.is_none())
        {
            let (c, i) = joined.split_at(class_len.min(joined.len()));
            let name = String::from_utf8_lossy(crate::tags::raw_name_at(src, loc.start)).to_ascii_lowercase();
            self.descs.insert(ord, describe(&name, Some(i.trim()).filter(|i| !i.is_empty()), Some(c)));
        }
        self.joined = joined;
        self.els.push(El {
            tag,
            parent: parent.unwrap_or(NONE),
            depth,
            flags,
            weight: weight.clamp(-100, 100) as i8,
            junk: junk.map(|(c, w)| (c, junk_id(w))),
            own_text: 0,
            own_commas: 0,
            class_hash,
            start: loc.start.min(u32::MAX as usize) as u32,
            end: if _void { loc.end.min(u32::MAX as usize) as u32 } else { u32::MAX },
            attr0,
        });
        debug_assert_eq!(self.els.len() as u32, ord + 1);
    }

    fn text(&mut self, chunk: &TextChunk<'_>, src: &[u8], top: Option<u32>) {
        let s = chunk.as_str();
        let kind = match chunk.text_type() {
            TextType::Data => Some(TextKind::Data),
            TextType::RCData => Some(TextKind::RcData),
            // Script bodies are never written and never counted.
            TextType::ScriptData => None,
            _ => Some(TextKind::Raw),
        };
        let loc = chunk.source_location().bytes();
        // An empty chunk can still cover input: the middle byte of a
        // character split over three writes. Recorded, so that pass 2 sees
        // the pieces of the text node as adjacent and joins them.
        if let Some(kind) = kind.filter(|_| !loc.is_empty()) {
            let c = |x: usize| x.min(u32::MAX as usize) as u32;
            // Usually the chunk is the input bytes at its location (UTF-8
            // in, UTF-8 out): record only where. Otherwise (invalid bytes
            // the decoder replaced) keep a copy. Input known to be valid
            // UTF-8 decodes to itself, so equal lengths are enough there (a
            // character split between writes shows as unequal lengths) and
            // the comparison, a byte loop in wasm, is skipped.
            let same = if self.src_is_utf8 {
                loc.len() == s.len()
            } else {
                src.get(loc.clone()) == Some(s.as_bytes())
            };
            debug_assert!(!same || src.get(loc.clone()) == Some(s.as_bytes()));
            let at = if same {
                0
            } else {
                self.arena_spans.push((c(self.arena.len()), c(s.len())));
                self.arena.push_str(s);
                c(self.arena_spans.len())
            };
            let k = match kind {
                TextKind::Data => 0,
                TextKind::RcData => 1,
                TextKind::Raw => 2,
            };
            self.text_recs.push(TextRec { pos: c(loc.start), src_len: c(loc.len()), meta: k | at << 2 });
        }
        if s.is_empty() {
            return;
        }
        let Some(top) = top else { return };
        if !self.captures.is_empty() {
            for &c in &self.captures {
                let limit = if self.els[c as usize].flags & flag::JSON_LD != 0 {
                    JSON_LD_LIMIT
                } else if self.els[c as usize].tag == Tag::TITLE {
                    TITLE_LIMIT
                } else {
                    rules::HEADING_CAPTURE_MAX_BYTES
                };
                let buf = self.texts.entry(c).or_default();
                if buf.len() < limit {
                    let room = limit - buf.len();
                    let mut cut = s.len().min(room);
                    while !s.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    buf.push_str(&s[..cut]);
                }
            }
        }
        let e = &self.els[top as usize];
        if e.flags & flag::INVISIBLE != 0 || matches!(chunk.text_type(), TextType::ScriptData | TextType::RawText) {
            return;
        }
        if s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)) {
            // Whitespace between tags: one collapsed space at most.
            if !self.last_ws {
                self.els[top as usize].own_text += 1;
                self.last_ws = true;
            }
            return;
        }
        let (n, commas, last_ws) = count_text(s, self.last_ws);
        self.last_ws = last_ws;
        if n == 0 {
            return;
        }
        let mut add = flag::LOOSE_TEXT;
        if has_sentence_end(s) {
            add |= flag::SENTENCE;
        }
        // Consent wording anywhere (long chunks: SIMD finders; short ones
        // go through the one-pass matcher below); short chunks also get
        // the label checks.
        if s.len() > rules::SHORT_CHUNK_MAX_BYTES && consent_finders().iter().any(|f| f.find(s.as_bytes()).is_some()) {
            add |= flag::CONSENT_WORD;
        }
        if s.len() <= rules::SHORT_CHUNK_MAX_BYTES {
            let t = s.trim();
            if !t.is_empty() {
                if is_ad_label(t) {
                    add |= flag::AD_LABEL;
                }
                let buttonish = e.flags & (flag::BUTTON | flag::IN_LINK) != 0 && t.len() <= rules::BUTTON_LABEL_MAX_BYTES;
                let tb = t.as_bytes();
                short_text_matcher().find(tb, |id, _, pos| {
                    match id {
                        words::CONSENT => add |= flag::CONSENT_WORD,
                        words::RATING => add |= flag::RATING_WORD,
                        words::NEWSLETTER => add |= flag::NEWSLETTER_WORD,
                        words::BUTTON if buttonish && (pos == 0 || !tb[pos - 1].is_ascii_alphanumeric()) => add |= flag::CONSENT_BUTTON,
                        _ => {}
                    }
                    true
                });
            }
        }
        let e = &mut self.els[top as usize];
        e.own_text += n;
        e.own_commas += commas;
        e.flags |= add;
    }

    fn reparent(&mut self, ord: u32, parent: Option<u32>) {
        // The adoption agency's furthest block (src/treebuilder.rs).
        self.els[ord as usize].parent = parent.unwrap_or(NONE);
    }

    fn end(&mut self, ord: u32, at: Option<usize>) {
        self.els[ord as usize].end = at.map_or(u32::MAX, |a| a.min(u32::MAX as usize) as u32);
        if self.captures.last() == Some(&ord) {
            self.captures.pop();
        } else if let Some(i) = self.captures.iter().rposition(|&c| c == ord) {
            self.captures.remove(i);
        }
        let e = &self.els[ord as usize];
        // "Has a block descendant", as Readability's `_hasChildBlockElement`.
        let (f, parent) = (e.flags, e.parent);
        if f & flag::HAS_BLOCK_CHILD != 0 && parent != NONE {
            self.els[parent as usize].flags |= flag::HAS_BLOCK_CHILD;
        }
        let e = &self.els[ord as usize];
        if e.tag == Tag::TITLE && self.meta.title.is_empty() {
            if let Some(t) = self.texts.remove(&ord) {
                self.meta.title = crate::entities::decode(&t).split_whitespace().collect::<Vec<_>>().join(" ");
            }
        } else if e.flags & flag::JSON_LD != 0 {
            if let Some(t) = self.texts.remove(&ord) {
                if self.meta.json_ld.len() < 16 {
                    self.meta.json_ld.push(t);
                }
            }
        }
    }
}

/// Where `attr` is in the input; `None` if lol_html has no location for it
/// (only attributes a handler added or changed, which pass 1 never does)
/// or the location is outside what has been read.
fn attr_rec(attr: &lol_html::html_content::Attribute<'_>, src: &[u8]) -> Option<AttrRec> {
    let n = attr.name_source_location()?.bytes();
    let v = attr.value_source_location().map_or(n.end..n.end, |l| l.bytes());
    if n.end > src.len() || v.end > src.len() {
        debug_assert!(false, "attribute location outside the input");
        return None;
    }
    let c = |x: usize| x.min(u32::MAX as usize) as u32;
    Some(AttrRec { name: c(n.start), name_len: c(n.len()), value: c(v.start), value_len: c(v.len()) })
}

/// Bytes of the input as text. They are valid UTF-8 whenever the input
/// was (`from_utf8` checks that much faster than the lossy conversion,
/// which is only the fallback for a stream with invalid bytes).
pub(crate) fn utf8(b: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(b) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(b),
    }
}

/// The page as pass 2 reads it: its bytes, and the same as `str` when they
/// are valid UTF-8 (always for `clean(&str)`), so that slicing text out of
/// it costs a char-boundary check instead of a UTF-8 validation.
#[derive(Clone, Copy)]
pub(crate) struct Input<'a> {
    pub bytes: &'a [u8],
    pub str: Option<&'a str>,
}

impl<'a> Input<'a> {
    pub fn new(bytes: &'a [u8], str: Option<&'a str>) -> Self {
        debug_assert!(str.is_none_or(|s| s.as_bytes() == bytes));
        Input { bytes, str }
    }

    /// `input[at..at + len]` as text (empty if out of range).
    pub fn text(&self, at: u32, len: u32) -> std::borrow::Cow<'a, str> {
        if let Some(t) = self.str.and_then(|s| s.get(at as usize..at as usize + len as usize)) {
            return std::borrow::Cow::Borrowed(t);
        }
        utf8(slice(self.bytes, at, len))
    }
}

/// The first of `attrs` called `name` (lowercase; names in `src` may be
/// any case), as a browser reads duplicated attributes.
pub(crate) fn find_attr<'r>(attrs: &'r [AttrRec], src: &[u8], name: &str) -> Option<&'r AttrRec> {
    attrs.iter().find(|a| slice(src, a.name, a.name_len).eq_ignore_ascii_case(name.as_bytes()))
}

/// `src[at..at + len]` (empty if out of range).
pub(crate) fn slice(src: &[u8], at: u32, len: u32) -> &[u8] {
    src.get(at as usize..at as usize + len as usize).unwrap_or(&[])
}

/// `div#id.class1.class2` (short) for the removal report.
pub(crate) fn describe(tag: &str, id: Option<&str>, class: Option<&str>) -> Box<str> {
    let mut s = String::from(tag);
    if let Some(id) = id.map(str::trim).filter(|i| !i.is_empty()) {
        s.push('#');
        s.extend(id.chars().take(40));
    }
    if let Some(c) = class {
        for c in c.split_ascii_whitespace().take(3) {
            s.push('.');
            s.extend(c.chars().take(30));
        }
    }
    s.into_boxed_str()
}

fn hash32(s: &[u8]) -> u32 {
    let s = s.trim_ascii();
    if s.is_empty() {
        return 0;
    }
    // FNV-1a: stable across runs and targets.
    let mut h: u32 = 0x811c9dc5;
    for &b in s {
        h ^= b as u32;
        h = h.wrapping_mul(0x01000193);
    }
    h | 1
}



/// `. ` inside, or a final `.` (Readability's `/\.( |$)/`).
fn has_sentence_end(s: &str) -> bool {
    let b = s.trim_end().as_bytes();
    memchr::memchr_iter(b'.', b).any(|i| i + 1 == b.len() || b[i + 1] == b' ')
}

/// The whole (trimmed) text is an ad label: "Advertisement", "ANZEIGE",
/// "Advertisement - Continue reading below".
fn is_ad_label(t: &str) -> bool {
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
        if lb.len() <= 3 {
            tb.eq_ignore_ascii_case(lb)
        } else {
            tb.len() >= lb.len()
                && tb[..lb.len()].eq_ignore_ascii_case(lb)
                && !t[lb.len()..].chars().next().is_some_and(|c| c.is_alphanumeric())
        }
    })
}

fn is_video_url(src: &str) -> bool {
    let s = src.trim();
    let rest = s.strip_prefix("https:").or_else(|| s.strip_prefix("http:")).unwrap_or(s);
    let Some(rest) = rest.strip_prefix("//") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    rules::VIDEO_HOSTS.contains(&host.as_str())
}

pub(crate) fn video_url(src: &str) -> bool {
    is_video_url(src)
}

fn mark_table_ancestor(els: &mut [El], mut p: Option<u32>) {
    let mut hops = 0;
    while let Some(i) = p {
        if hops > rules::DATA_TABLE_MARK_MAX_HOPS {
            break;
        }
        let e = &mut els[i as usize];
        if e.tag == Tag::TABLE {
            e.flags |= flag::DATA_TABLE;
            break;
        }
        p = (e.parent != NONE).then_some(e.parent);
        hops += 1;
    }
}

/// Counts characters (whitespace runs as one) and commas.
///
/// Three counting passes the compiler turns into SIMD loops, instead of
/// one byte-by-byte state machine: this runs over all visible text of
/// the page. [`count_text_naive`] is the reference it is tested against.
fn count_text(s: &str, last_ws: bool) -> (u32, u32, bool) {
    let b = s.as_bytes();
    let Some(&last) = b.last() else { return (0, 0, last_ws) };
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
    // UTF-8 continuation bytes are counted with their lead byte.
    let chars = b.iter().filter(|&&c| c & 0xC0 != 0x80).count();
    // A whitespace byte right after whitespace adds nothing.
    let folded = b.iter().zip(&b[1..]).filter(|&(&p, &c)| ws(p) & ws(c)).count() + usize::from(last_ws && ws(b[0]));
    let mut commas = b.iter().filter(|&&c| c == b',').count() as u32;
    // Full-width and Arabic commas (CJK/Arabic prose has no ASCII ones).
    if chars < b.len() {
        commas += wide_commas(b);
    }
    ((chars - folded) as u32, commas, ws(last))
}

/// Counts U+FF0C, U+060C and U+3001 (EF BC 8C, D8 8C, E3 80 81) by their
/// lead bytes, found with `memchr3`, instead of decoding every character.
fn wide_commas(b: &[u8]) -> u32 {
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
fn count_text_naive(s: &str, mut last_ws: bool) -> (u32, u32, bool) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
            let len = (seed % 12) as usize;
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
