//! The contract between the passes: what pass 1 records, decide reads and
//! pass 2 replays. Read this file first.
//!
//! Everything is keyed by the element *ordinal* (the n-th start tag in
//! document order). Pass 1 ([`crate::measure`]) fills a [`Doc`]; decide
//! ([`crate::decide`]) turns it into a plan; pass 2 ([`crate::rewrite`])
//! replays the [`Doc`]'s records over the input by source position.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::article::Category;
use crate::html::tags::Tag;
use crate::rules;

/// Hash maps keyed by page data (class strings, ordinals). foldhash with
/// a random seed per map: several times cheaper than SipHash on short
/// keys (SipHash was 3 % of `clean`), and a page still cannot prepare
/// keys that collide, since it never sees the seed. Already in the tree
/// (lol_html uses it).
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

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
    /// Its own text is a photo credit line (`Photo: Jane Smith/Reuters`).
    pub const CREDIT_LINE: u32 = 1 << 20;
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
    /// `role=tabpanel`: a tab of the page's content (product specs,
    /// documentation for another platform), hidden until its tab is
    /// clicked — content, not chrome.
    pub const TAB_PANEL: u32 = 1 << 27;
    /// An `<a href="#…">` to a place on the same page, or inside one.
    pub const FRAGMENT_LINK: u32 = 1 << 28;
    /// Its own text is only an interface control's label ("Click to
    /// expand...", "Loading…", "Close").
    pub const CONTROL_LABEL: u32 = 1 << 29;
    /// Its own text is the title of a recommendation section ("You may
    /// also like", "Customers also viewed").
    pub const RECOMMEND_TITLE: u32 = 1 << 30;
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
    /// A chunk at `input[pos..pos + src_len]`; `arena`: 0 when its text is
    /// those bytes, else 1 + the index of its copy in [`Doc::arena_spans`].
    pub fn new(pos: u32, src_len: u32, kind: TextKind, arena: u32) -> Self {
        let k = match kind {
            TextKind::Data => 0,
            TextKind::RcData => 1,
            TextKind::Raw => 2,
        };
        TextRec { pos, src_len, meta: k | arena << 2 }
    }
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
    /// Only looked up, never iterated (the output does not depend on its
    /// order); foldhash like the other page maps, so no SipHash is linked.
    pub metas: FastMap<String, String>,
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

/// Every junk token and substring of the rules tables, numbered.
fn junk_words() -> &'static (Vec<&'static str>, FastMap<&'static str, u16>) {
    static W: OnceLock<(Vec<&'static str>, FastMap<&'static str, u16>)> = OnceLock::new();
    W.get_or_init(|| {
        let tables: &[&[&'static str]] = &[
            rules::CONSENT_SUBSTRINGS, rules::AD_SUBSTRINGS, rules::AD_TOKENS, rules::SHARE_TOKENS,
            rules::NEWSLETTER_TOKENS, rules::RATING_TOKENS, rules::PRODUCT_REVIEW_TOKENS, rules::COMMENT_TOKENS, rules::NAV_TOKENS,
            rules::RELATED_TOKENS, rules::CHROME_TOKENS, rules::AUTHOR_BOX_SUBSTRINGS, rules::FORUM_CHROME_TOKENS, &["add_junk_tokens"],
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

pub(crate) fn junk_id(w: &'static str) -> u16 {
    junk_words().1.get(w).copied().unwrap_or(u16::MAX)
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
