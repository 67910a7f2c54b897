//! Pass 1: measure every element.
//!
//! One lol_html walk records, per element ordinal, compact statistics —
//! tag, parent, own text length and commas, class/id/role signals — and
//! the page metadata. Subtree totals are *not* summed here: the decide
//! step sums them bottom-up after it has taken removed subtrees out, which
//! is what Readability gets by mutating its DOM.


mod classify;
mod readerable;
mod style;
mod textstat;

pub(crate) use readerable::probably_readerable;

use lol_html::html_content::{Element, TextChunk, TextType};

use crate::article::Category;
use crate::doc::{find_attr, flag, junk_id, slice, utf8, AttrRec, Doc, El, FastMap, Meta, TextKind, TextRec, NONE};
use crate::error::Result;
use crate::html::tags::Tag;
use crate::html::walk::{Src, Visitor, Walk};
use crate::rules;
use crate::Options;
use classify::{classify, ClassResult, CLASS_CACHE_MAX};
use style::{style_fixed, style_hidden};
use textstat::{consent_finders, count_text, has_sentence_end, is_ad_label, is_control_label, short_text_matcher, trim, wording_matcher, words};


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
    /// The pieces so far of a text node lol_html split (see `text`) ...
    node_text: String,
    /// ... whose element is this ...
    node_owner: u32,
    /// ... and which outgrew [`rules::TEXT_NODE_CHECK_MAX_BYTES`]; ...
    node_text_long: bool,
    /// ... and which has a piece that is not ASCII whitespace (a blank
    /// node, the indentation between tags, has no wording to check).
    node_text_ink: bool,
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
        for piece in input.chunks(crate::html::walk::FEED_CHUNK) {
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
            node_text: String::new(),
            node_owner: 0,
            node_text_long: false,
            node_text_ink: false,
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
                    if k.len() <= rules::META_KEY_MAX_BYTES && self.meta.metas.len() < rules::META_MAX_ENTRIES {
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

impl MeasureVisitor {
    /// Records every attribute of `el` for pass 2 and reads the signals
    /// of the common ones into `flags`; returns where its attributes
    /// start in [`Doc::attrs`] and its raw `class` and `id`.
    fn read_attrs<'s>(&mut self, el: &Element<'_, '_>, src: &'s [u8], tag: Tag, flags: &mut u32) -> (u32, Option<&'s [u8]>, Option<&'s [u8]>) {
        let attr0 = self.attrs.len() as u32;
        let mut class: Option<&[u8]> = None;
        let mut id: Option<&[u8]> = None;
        let mut hidden_attr = false;
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
                b"href" if tag == Tag::A => {
                    *flags |= flag::IN_LINK;
                    if vb.len() > 1 && vb[0] == b'#' {
                        *flags |= flag::FRAGMENT_LINK;
                    }
                }
                b"rel" if tag == Tag::A => {
                    if vb.split(|b| b.is_ascii_whitespace()).any(|t| t.eq_ignore_ascii_case(b"author")) {
                        *flags |= flag::BYLINE;
                    }
                }
                b"summary" if tag == Tag::TABLE => *flags |= flag::DATA_TABLE,
                b"class" if class.is_none() => class = Some(vb),
                b"id" if id.is_none() => id = Some(vb),
                b"hidden" => hidden_attr = true,
                b"style" => {
                    let style = utf8(vb);
                    if style_hidden(&style) {
                        *flags |= flag::HIDDEN;
                    }
                    if style_fixed(&style) {
                        *flags |= flag::FIXED;
                    }
                }
                // `aria-hidden` hides from screen readers, not from the eye.
                // On a link it is the card pattern: `<a href=… aria-hidden=
                // "true" tabindex="-1">` around the thumbnail or the summary
                // repeats the title's link for sighted users only, and its
                // text is the card's summary. Menus and dialogs are hidden
                // on their containers, so those still count.
                b"aria-hidden" if tag != Tag::A => {
                    if vb.trim_ascii() == b"true" {
                        *flags |= flag::HIDDEN;
                    }
                }
                b"role" => {
                    let role = utf8(vb).to_ascii_lowercase();
                    if tag == Tag::TABLE && (role == "table" || role == "grid") {
                        *flags |= flag::DATA_TABLE;
                    }
                    if rules::UNLIKELY_ROLES.contains(&role.as_str()) {
                        *flags |= flag::UNLIKELY_ROLE;
                    }
                    if role == "dialog" || role == "alertdialog" {
                        *flags |= flag::DIALOG;
                    }
                    if role == "button" {
                        *flags |= flag::BUTTON;
                    }
                    if role == "tabpanel" {
                        *flags |= flag::TAB_PANEL;
                    }
                }
                b"aria-modal" => {
                    if vb == b"true" {
                        *flags |= flag::DIALOG;
                    }
                }
                b"itemprop" => {
                    let ip = utf8(vb).to_ascii_lowercase();
                    if ip.contains("author") {
                        *flags |= flag::BYLINE;
                    }
                    if ip.contains("articlebody") {
                        *flags |= flag::ARTICLE_BODY;
                    }
                }
                _ => {}
            }
        }
        // React's streaming server render sends every part of the page that
        // was not ready at first as `<div hidden id="S:1">…</div>` at the end
        // of the body; its script then moves it into place. Without script
        // it stays there, and it is the page (a shop's whole product grid).
        let streamed = tag == Tag::DIV && id.is_some_and(|v| v.starts_with(rules::REACT_STREAMED_ID_PREFIX));
        if hidden_attr && !streamed {
            *flags |= flag::HIDDEN;
        }
        (attr0, class, id)
    }

    /// Tag-specific signals, metadata and captures.
    fn tag_signals(&mut self, src: &[u8], tag: Tag, ord: u32, parent: Option<u32>, attr0: u32, flags: &mut u32) {
        // Tag-specific signals, read from the attributes just recorded
        // (lol_html's `get_attribute` allocates its query and its answer).
        match tag {
            Tag::FIGURE => *flags |= flag::IN_FIGURE,
            Tag::BUTTON => *flags |= flag::BUTTON,
            Tag::INPUT => {
                if self.attr_of(src, attr0, "type").is_some_and(|t| matches!(t.to_ascii_lowercase().as_str(), "submit" | "button")) {
                    *flags |= flag::BUTTON;
                    // `<input type=submit value="Accept all">`: the label is
                    // an attribute, not text.
                    if let Some(v) = self.attr_of(src, attr0, "value") {
                        let v = v.trim();
                        if v.len() <= rules::BUTTON_LABEL_MAX_BYTES {
                            short_text_matcher().find(v.as_bytes(), |id, _, pos| {
                                if id == words::BUTTON && (pos == 0 || !v.as_bytes()[pos - 1].is_ascii_alphanumeric()) {
                                    *flags |= flag::CONSENT_BUTTON;
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
                    *flags |= flag::JSON_LD;
                    self.captures.push(ord);
                }
            }
            Tag::IFRAME | Tag::EMBED | Tag::OBJECT => {
                let src = self.attr_of(src, attr0, "src").or_else(|| self.attr_of(src, attr0, "data")).unwrap_or_default();
                if crate::embed::is_video_url(&src) {
                    *flags |= flag::VIDEO;
                }
            }
            Tag::CAPTION | Tag::TH | Tag::THEAD | Tag::TFOOT => {
                mark_table_ancestor(&mut self.els, parent);
            }
            Tag::H1 | Tag::H2 => self.captures.push(ord),
            _ => {}
        }
    }

    /// What the `class` and `id` say: (weight, junk, class hash, length of
    /// the class part of the joined lowercase "class id", that string).
    #[allow(clippy::type_complexity)]
    fn class_signals(&mut self, tag: Tag, class: Option<&[u8]>, id: Option<&[u8]>, flags: &mut u32) -> (i32, Option<(Category, &'static str)>, u32, usize, String) {
        // A heading's id is its anchor, made from its text
        // (`<h2 id="sharing-data-between-components">`,
        // `<h3 id="why-i-used-to-skip-the-travel-insurance">`): it says
        // nothing about the block, and read for tokens it took section
        // titles as share bars, navigation or ads.
        let id = if tag.is_heading() { None } else { id };
        let mut weight: i32 = 0;
        let mut junk = None;
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
                *flags |= flag::UNLIKELY;
            }
            *flags |= r.flags;
            weight += r.weight;
            junk = r.junk;
            if cached.is_some() && (junk.is_some() || *flags & (flag::FIXED | flag::DIALOG) != 0) {
                class_len = build(&mut joined);
            }
        }
        (weight, junk, class_hash, class_len, joined)
    }
}

impl MeasureVisitor {
    /// The wording checks of a text node that came in pieces, on the
    /// pieces joined.
    fn flush_node_text(&mut self) {
        if self.node_text.is_empty() || !std::mem::take(&mut self.node_text_ink) {
            self.node_text_long = false;
            self.node_text.clear();
            return;
        }
        let owner = self.node_owner as usize;
        let text = std::mem::take(&mut self.node_text);
        let mut add = wording_flags(&text, self.els[owner].flags);
        if std::mem::take(&mut self.node_text_long) {
            add &= flag::CONSENT_WORD | flag::SENTENCE;
        }
        self.els[owner].flags |= add;
        self.node_text = text;
        self.node_text.clear();
    }
}

/// Flags a text node's wording sets on its element (`el_flags`: the
/// element's, for the button-label check): sentence end, consent wording,
/// and for short texts the ad-label, rating, newsletter and consent-button
/// words.
fn wording_flags(s: &str, el_flags: u32) -> u32 {
    let mut add = 0;
    let t = trim(s);
    if t.is_empty() {
        return 0;
    }
    if has_sentence_end(s) {
        add |= flag::SENTENCE;
    }
    // Consent wording anywhere (long texts: SIMD finders; short ones go
    // through the one-pass matcher below); short texts also get the label
    // checks.
    if s.len() > rules::SHORT_CHUNK_MAX_BYTES {
        if consent_finders().iter().any(|f| f.find(s.as_bytes()).is_some()) {
            add |= flag::CONSENT_WORD;
        }
        return add;
    }
    if is_ad_label(t) {
        add |= flag::AD_LABEL;
    }
    if is_control_label(t) {
        add |= flag::CONTROL_LABEL;
    }
    if t.len() <= rules::CREDIT_LINE_MAX_BYTES && rules::CREDIT_PREFIXES.iter().any(|p| t.len() >= p.len() && t.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())) {
        add |= flag::CREDIT_LINE;
    }
    let buttonish = el_flags & (flag::BUTTON | flag::IN_LINK) != 0 && t.len() <= rules::BUTTON_LABEL_MAX_BYTES;
    let tb = t.as_bytes();
    let matcher = if buttonish { short_text_matcher() } else { wording_matcher() };
    matcher.find(tb, |id, _, pos| {
        match id {
            words::CONSENT => add |= flag::CONSENT_WORD,
            words::RATING => add |= flag::RATING_WORD,
            words::NEWSLETTER => add |= flag::NEWSLETTER_WORD,
            words::RECOMMEND if tb.len() <= rules::RECOMMENDATION_TITLE_MAX_BYTES => add |= flag::RECOMMEND_TITLE,
            words::BUTTON if buttonish && (pos == 0 || !tb[pos - 1].is_ascii_alphanumeric()) => add |= flag::CONSENT_BUTTON,
            _ => {}
        }
        true
    });
    add
}

/// Class weights are stored as `i8`; real ones are at most ±50 (class and
/// id, positive and negative lists, 25 each), so the clamp only guards the
/// storage.
const MAX_STORED_WEIGHT: i32 = 100;

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
        let mut flags = pflags & (flag::IN_LINK | flag::FRAGMENT_LINK | flag::INVISIBLE | flag::IN_FIGURE | flag::IN_TABLE | flag::IN_CODE);
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
        if tag.is_invisible() {
            flags |= flag::INVISIBLE;
        }
        let (attr0, class, id) = self.read_attrs(el, src, tag, &mut flags);
        self.tag_signals(src, tag, ord, parent, attr0, &mut flags);
        let (mut weight, junk, class_hash, class_len, joined) = self.class_signals(tag, class, id, &mut flags);
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
            let name = String::from_utf8_lossy(crate::html::tags::raw_name_at(src, loc.start)).to_ascii_lowercase();
            self.descs.insert(ord, crate::report::describe(&name, Some(i.trim()).filter(|i| !i.is_empty()), Some(c)).into_boxed_str());
        }
        self.joined = joined;
        self.els.push(El {
            tag,
            parent: parent.unwrap_or(NONE),
            depth,
            flags,
            weight: weight.clamp(-MAX_STORED_WEIGHT, MAX_STORED_WEIGHT) as i8,
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
            self.text_recs.push(TextRec::new(c(loc.start), c(loc.len()), kind, at));
        }
        if s.is_empty() {
            if chunk.last_in_text_node() {
                self.flush_node_text();
            }
            return;
        }
        let Some(top) = top else { return };
        if !self.captures.is_empty() {
            for &c in &self.captures {
                let limit = if self.els[c as usize].flags & flag::JSON_LD != 0 {
                    rules::JSON_LD_CAPTURE_MAX_BYTES
                } else if self.els[c as usize].tag == Tag::TITLE {
                    rules::TITLE_CAPTURE_MAX_BYTES
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
        let blank = s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c));
        if blank {
            // Whitespace between tags: one collapsed space at most.
            if !self.last_ws {
                self.els[top as usize].own_text += 1;
                self.last_ws = true;
            }
        } else {
            let (n, commas, last_ws) = count_text(s, self.last_ws);
            self.last_ws = last_ws;
            let e = &mut self.els[top as usize];
            e.own_text += n;
            e.own_commas += commas;
            if n > 0 {
                e.flags |= flag::LOOSE_TEXT;
            }
        }
        // The wording checks read the whole text node: lol_html splits a
        // node wherever a write ended, and the short tail of a long
        // paragraph ("... rate") must not pass for a rating label — nor may
        // the result depend on how the input was fed.
        let last = chunk.last_in_text_node();
        if last && self.node_text.is_empty() {
            // (A blank node has no wording: `wording_flags` would trim it
            // to nothing.)
            if !blank {
                let add = wording_flags(s, self.els[top as usize].flags);
                self.els[top as usize].flags |= add;
            }
            return;
        }
        if self.node_text.len() + s.len() <= rules::TEXT_NODE_CHECK_MAX_BYTES {
            self.node_text.push_str(s);
            self.node_text_ink |= !blank;
        } else {
            // A huge node: long anyway (no label), consent wording per piece.
            self.node_text_long = true;
            self.els[top as usize].flags |= wording_flags(s, 0) & flag::CONSENT_WORD;
        }
        self.node_owner = top;
        if last {
            self.flush_node_text();
        }
    }

    fn reparent(&mut self, ord: u32, parent: Option<u32>) {
        // The adoption agency's furthest block (src/html/treebuilder.rs).
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
                self.meta.title = crate::html::entities::decode(&t).split_whitespace().collect::<Vec<_>>().join(" ");
            }
        } else if e.flags & flag::JSON_LD != 0 {
            if let Some(t) = self.texts.remove(&ord) {
                if self.meta.json_ld.len() < rules::JSON_LD_MAX_BLOCKS {
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

