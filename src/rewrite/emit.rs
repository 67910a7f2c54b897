//! The visitor pass 2 replays the page into: per element, write it from
//! the allowlist, skip it (a dropped subtree, reported), or walk through
//! it (outside the article).

use std::borrow::Cow;

use super::sanitize::{escape_text, is_safe_tag_name, push_capped, stands_alone, tag_listed, tags_void, TagList};
use crate::article::Category;
use crate::decide::{Drop, Drops};
use crate::doc::{find_attr, slice, AttrRec, Input, TextKind};
use crate::html::entities::decode;
use crate::html::tags::Tag;
use crate::html::url::Base;
use crate::report::{describe, Entry, ReportBuilder};
use crate::rules as R;
use crate::text::TextBuilder;
use crate::Options;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mode {
    /// Outside the article: nothing is written.
    Outside,
    /// Inside a dropped subtree.
    Skip,
    /// Inside the article.
    Emit,
}

/// One open element as pass 2 handles it.
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
    /// Where its start tag begins in the output.
    html_at: usize,
    /// Text or an element that shows without text was written inside.
    shown: bool,
    /// Where its text begins in the text output.
    text_at: usize,
    /// A block inside it was written (it is not a leaf block).
    has_block: bool,
    /// A caption: a `figcaption` or a block inside a `figure`.
    caption: bool,
}

/// The output buffer starts at the input's size divided by this: articles
/// are typically a fifth of their page, so one or two reallocations at
/// most (a capacity hint, not a rule).
const OUTPUT_CAPACITY_DIVISOR: usize = 4;

pub(super) struct RewriteVisitor {
    drop: Drops,
    /// The short captions written so far (their words).
    written_captions: std::collections::HashSet<String, foldhash::fast::RandomState>,
    keep_top: Vec<bool>,
    on_path: Vec<bool>,
    pub(super) opts: Options,
    allowed_extra: Vec<String>,
    pub(super) base: Option<Base>,
    frames: Vec<Frame>,
    pub(super) html: String,
    pub(super) text: TextBuilder,
    pub(super) removals: ReportBuilder,
    /// The last `<img>` in the article had no usable source: a following
    /// `<noscript>` fallback may supply it.
    img_missing: bool,
    noscript_buf: Option<String>,
    pub(super) first_paragraph: Option<String>,
    p_capture: Option<(usize, String)>,
    pub(super) first_image: Option<String>,
    /// Mode outside every element (Emit for a fragment).
    root_mode: Mode,
}

/// A start tag as pass 2 sees it: its name and its attributes, read from
/// the input where pass 1 found them.
pub(super) struct StartTag<'a> {
    pub tag: Tag,
    /// Lowercase name.
    pub name: Cow<'a, str>,
    pub attrs: &'a [AttrRec],
    pub src: Input<'a>,
    /// Pass 1's flags of the element.
    pub flags: u32,
}

impl<'a> StartTag<'a> {
    /// Raw (any case) name and raw value of each attribute, in order.
    pub fn attributes(&self) -> impl Iterator<Item = (&'a [u8], Cow<'a, str>)> + 'a {
        let src = self.src;
        self.attrs.iter().map(move |a| (slice(src.bytes, a.name, a.name_len), src.text(a.value, a.value_len)))
    }

    /// The first attribute called `name` (lowercase), as in a browser;
    /// only its value is decoded.
    pub fn get(&self, name: &str) -> Option<Cow<'a, str>> {
        find_attr(self.attrs, self.src.bytes, name).map(|a| self.src.text(a.value, a.value_len))
    }
}

impl RewriteVisitor {
    pub(super) fn new(drop: Drops, keep_top: Vec<bool>, on_path: Vec<bool>, o: &Options, base: Option<Base>, input_len: usize, fragment: bool) -> Self {
        RewriteVisitor {
            drop,
            written_captions: Default::default(),
            keep_top,
            on_path,
            opts: o.clone(),
            allowed_extra: o.add_allowed_tags.iter().map(|t| t.to_ascii_lowercase()).filter(|t| is_safe_tag_name(t)).collect(),
            base,
            frames: Vec::with_capacity(64),
            html: String::with_capacity(input_len / OUTPUT_CAPACITY_DIVISOR),
            text: TextBuilder::default(),
            removals: ReportBuilder::default(),
            img_missing: false,
            noscript_buf: None,
            first_paragraph: None,
            p_capture: None,
            first_image: None,
            root_mode: if fragment { Mode::Emit } else { Mode::Outside },
        }
    }

    fn add_removal(&mut self, el: &StartTag<'_>, name: &str, d: &Drop) -> Option<usize> {
        let element = || describe(name, el.get("id").as_deref(), el.get("class").as_deref());
        Some(self.removals.push(Entry::new(d.category, &d.reason, element, 0)))
    }

    /// Whether the text written since `at` (one leaf block's) repeats a
    /// short caption already written; notes it if it is a `caption`
    /// itself. (Only captions: an article may repeat a paragraph.)
    fn repeats_a_caption(&mut self, at: usize, caption: bool) -> bool {
        // Most pages have no caption: no key to build.
        if !caption && self.written_captions.is_empty() {
            return false;
        }
        let t = self.text.since(at);
        let len = t.trim().len();
        if !(R::REPEATED_CAPTION_MIN_BYTES..=R::REPEATED_CAPTION_MAX_BYTES).contains(&len) {
            return false;
        }
        let key = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if self.written_captions.contains(&key) {
            return true;
        }
        if caption {
            self.written_captions.insert(key);
        }
        false
    }

    /// The innermost open element holds something to show.
    pub(super) fn mark_shown(&mut self) {
        if let Some(f) = self.frames.last_mut() {
            f.shown = true;
        }
    }

    /// Pushes the frame of a non-void element.
    fn open(&mut self, frame: Frame, void: bool) {
        if !void {
            self.frames.push(frame);
        }
    }

    pub(super) fn start(&mut self, el: &StartTag<'_>, ord: u32, void: bool) {
        let parent_mode = self.frames.last().map_or(self.root_mode, |f| f.mode);
        let parent_report = self.frames.last().and_then(|f| f.report);
        let i = ord as usize;
        let mut frame = Frame { mode: parent_mode, close: None, close_owned: None, breaks_line: false, pre: false, report: parent_report, tag: el.tag, html_at: 0, shown: false, text_at: 0, has_block: false, caption: false };
        if parent_mode == Mode::Skip {
            return self.start_in_skipped(el, frame, void);
        }
        if let Some(d) = self.drop.get(i).cloned() {
            frame.mode = Mode::Skip;
            frame.report = self.add_removal(el, &el.name, &d);
            if el.tag.breaks_line() && parent_mode == Mode::Emit {
                self.text.block();
            }
            return self.open(frame, void);
        }
        let entering = self.keep_top.get(i).copied().unwrap_or(false);
        if parent_mode == Mode::Outside && !entering {
            let tag = el.tag;
            if !self.on_path.get(i).copied().unwrap_or(false) && !matches!(tag, Tag::HEAD | Tag::HTML | Tag::BODY) && !tag.is_invisible() {
                // A block outside the article that no junk rule named.
                frame.mode = Mode::Skip;
                frame.report = Some(self.removals.push(Entry::new(Category::OutsideArticle, "outside the article", String::new, 0)));
            }
            return self.open(frame, void);
        }
        // Inside the article (or entering it).
        frame.mode = Mode::Emit;
        self.start_in_article(el, frame, void, entering && parent_mode == Mode::Outside, entering);
    }

    /// A start tag inside a dropped subtree: nothing is written.
    fn start_in_skipped(&mut self, el: &StartTag<'_>, mut frame: Frame, void: bool) {
        // `<plaintext>` turns the rest of the page into visible text, even
        // inside a `<select>` we skip as a form control; keep it (escaped)
        // so the best-effort article is not empty.
        let control_only = frame.report.is_none_or(|r| self.removals.category(r) == Category::NonContent);
        let in_article_control = control_only && self.frames.iter().any(|f| f.mode == Mode::Emit);
        if el.name == "plaintext" && in_article_control {
            frame.mode = Mode::Emit;
            frame.report = None;
            self.frames.push(frame);
            return;
        }
        self.open(frame, void);
    }

    /// A start tag inside the article (`top`: it starts a kept block).
    fn start_in_article(&mut self, el: &StartTag<'_>, mut frame: Frame, void: bool, top: bool, entering: bool) {
        let (tag, name): (Tag, &str) = (el.tag, &el.name);
        if tag == Tag::NOSCRIPT {
            // lol_html hands noscript content over as text: keep it to
            // recover a lazy image, never as markup.
            self.noscript_buf = Some(String::new());
            frame.mode = Mode::Skip;
            frame.report = None;
            self.frames.push(frame);
            return;
        }
        let player = crate::embed::writes_player(tag, el.flags, el.get("src").as_deref());
        let removed_by_options = self.opts.rm_allowed_tags.iter().any(|t| t.eq_ignore_ascii_case(name));
        let extra = self.allowed_extra.iter().any(|t| t == name);
        if !player && !extra && !entering && tag_listed(TagList::DropSubtree, tag, name) {
            frame.mode = Mode::Skip;
            frame.report = None;
            return self.open(frame, void);
        }
        frame.breaks_line = tag.breaks_line();
        frame.pre = tag == Tag::PRE || self.frames.last().is_some_and(|f| f.pre && f.mode == Mode::Emit);
        if frame.breaks_line {
            self.text.block();
        }
        match tag {
            Tag::BR => {
                self.html.push_str("<br>");
                self.text.line_break();
                return;
            }
            Tag::IMG => {
                if self.opts.keep_images && !removed_by_options {
                    self.write_image(el);
                }
                return;
            }
            Tag::PICTURE | Tag::SOURCE | Tag::VIDEO if !self.opts.keep_images => {
                frame.mode = if tag == Tag::SOURCE { Mode::Skip } else { Mode::Emit };
                return self.open(frame, void);
            }
            _ => {}
        }
        if (extra || player || tag_listed(TagList::Allowed, tag, name)) && !removed_by_options {
            frame.html_at = self.html.len();
            frame.text_at = self.text.len();
            frame.caption = tag == Tag::FIGCAPTION || el.flags & crate::doc::flag::IN_FIGURE != 0;
            self.write_start(el, &mut frame, void, top, player);
            if self.html.len() > frame.html_at && tag_listed(TagList::ShowsWithoutText, tag, name) {
                frame.shown = true;
                self.mark_shown();
            }
        }
        if tag == Tag::P && self.first_paragraph.is_none() && self.p_capture.is_none() {
            self.p_capture = Some((self.frames.len(), String::new()));
        }
        self.open(frame, void);
    }

    /// An `<img>` with its real source, or a note that it had none (a
    /// `<noscript>` fallback may follow).
    fn write_image(&mut self, el: &StartTag<'_>) {
        match self.image_attrs(el) {
            Some(attrs) => {
                if self.first_image.is_none() {
                    self.first_image = attrs.iter().find(|(k, _)| *k == "src").map(|(_, v)| v.clone());
                }
                self.open_tag("img", &attrs);
                self.img_missing = false;
                self.mark_shown();
            }
            None => self.img_missing = true,
        }
    }

    /// Writes an allowed start tag (and notes its end tag in `frame`).
    fn write_start(&mut self, el: &StartTag<'_>, frame: &mut Frame, void: bool, top: bool, player: bool) {
        let (tag, name): (Tag, &str) = (el.tag, &el.name);
        // The article container and sibling blocks become plain blocks;
        // `h1` inside the article is demoted (the reader shows the title).
        // A kept block that starts the article is written as itself when
        // it can stand alone (`p`, `table`, `h2`, `a`, ...); table parts,
        // list items and the like become a `div`. Writing the same tag
        // back is what makes cleaning idempotent.
        let out_name: &'static str = if top && !stands_alone(tag) {
            "div"
        } else if tag == Tag::H1 {
            "h2"
        } else {
            tag.name().unwrap_or("")
        };
        // Attributes follow the tag we write: `<details open>` as the
        // article container becomes a plain `<div>`, without `open`.
        let attr_tag = if out_name.is_empty() { name } else { out_name };
        let mut attrs = self.attrs_for(el, attr_tag);
        if player {
            attrs.extend(R::PLAYER_ATTRIBUTES.iter().map(|(k, v)| (*k, v.to_string())));
        }
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
        if player {
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

    pub(super) fn text(&mut self, raw: &str, kind: TextKind) {
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
                if !decoded.trim().is_empty() {
                    self.mark_shown();
                }
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
                        let d = decode(raw);
                        let t = d.trim();
                        if !t.is_empty() {
                            self.removals.add_text(r, t);
                        }
                    }
                }
            }
            Mode::Outside => {}
        }
    }

    pub(super) fn end(&mut self) {
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
        // An empty bullet or box (an icon-only list item, a spacer div, an
        // empty paragraph) is not written: in a reader view it is a stray
        // bullet or a gap. Judged on what was written inside it, so a
        // second cleaning of the output finds nothing more to take.
        if f.shown {
            self.mark_shown();
        }
        let block = f.close.is_some() && tag_listed(TagList::DropWhenEmpty, f.tag, "");
        if block {
            if let Some(p) = self.frames.last_mut() {
                p.has_block = true;
            }
        }
        if block && !f.shown {
            self.html.truncate(f.html_at);
        } else if block && !f.has_block && self.repeats_a_caption(f.text_at, f.caption) {
            // A caption written twice (a figure's caption repeated under
            // it, a slideshow's caption in every copy of the figure): the
            // second copy goes.
            self.html.truncate(f.html_at);
            self.text.truncate(f.text_at);
            self.text.block();
        } else if let Some(c) = f.close {
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
