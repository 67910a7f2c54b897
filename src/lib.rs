//! # declutter — streaming reader mode
//!
//! Turns a cluttered web page into its article: ads, cookie banners,
//! navigation, share bars, rating widgets and endless link lists removed;
//! text, images, tables and code kept. No DOM tree is built: one
//! [`lol_html`] walk over the input, then a replay of what it found.
//!
//! 1. **measure** — every element gets compact statistics (text, link text,
//!    paragraphs, class/id/role signals) keyed by its ordinal (the n-th start
//!    tag in document order), and the input positions of its attributes and
//!    of every text chunk are recorded;
//! 2. **decide** — the statistics pick the article container and mark junk,
//!    each removal with a reason;
//! 3. **rewrite** — the second pass replays those records over the kept
//!    stretch and serializes the article by ordinal: junk dropped, wrappers
//!    unwrapped, lazy images fixed, URLs resolved, everything sanitized to
//!    an allowlist.
//!
//! ```
//! let html = r#"<html><head><title>Hello - Site</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/about">About</a></nav>
//!   <article><h1>Hello</h1><p>First paragraph of the article, with enough words
//!   to count as content, commas, and more words.</p>
//!   <p>Second paragraph, also long enough to matter to the scorer.</p></article>
//!   <div class="adsbygoogle">Advertisement</div></body></html>"#;
//! let article = declutter::clean(html, &declutter::Options::default()).unwrap();
//! assert!(article.text_content.contains("First paragraph"));
//! assert!(!article.text_content.contains("About"));
//! assert!(!article.text_content.contains("Advertisement"));
//! ```
#![forbid(unsafe_code)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_docs)]

// The pipeline, in order: the contract, the HTML layer under it, the
// three passes, and what they share.
mod doc;
mod html;
mod measure;
mod meta;
mod decide;
mod rewrite;

mod article;
mod embed;
mod error;
mod options;
mod report;
pub mod rules;
mod text;
#[doc(hidden)]
pub use html::treebuilder::debug_tree;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use article::{Article, Category, CategoryCount, PageType, Removal, Report};
pub use error::{Error, Result};
pub use options::Options;
pub use html::encoding;
pub use text::to_markdown;

/// Cleans one page given as a string.
///
/// Never panics on any input: malformed HTML gets a best-effort article,
/// only the cases listed in [`Error`] fail.
pub fn clean(html: &str, options: &Options) -> Result<Article> {
    clean_str(html, options, true)
}

/// [`clean`]; `fallback`: whether an empty result may retry on the page's
/// `<noscript>` markup (once: the retry itself may not, so a page of
/// nested `<noscript>`s costs two passes, not one per level).
fn clean_str(html: &str, options: &Options, fallback: bool) -> Result<Article> {
    options.validate()?;
    let input = html.as_bytes();
    if input.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge { size: input.len(), limit: options.max_input_bytes });
    }
    // The same passes as `Cleaner`, over the caller's string: no copy of
    // the input (on a 50 MB page that copy is a third of the peak memory).
    let mut m = measure::Measurer::over_str(options, html);
    for piece in input.chunks(html::walk::FEED_CHUNK) {
        m.write(piece)?;
    }
    finish_passes(m, Some(html), options, fallback)
}

/// Decide and pass 2, once pass 1 has seen all of the input (`html`: the
/// same input as `str`, when the caller has it).
fn finish_passes(m: measure::Measurer<'_>, html: Option<&str>, options: &Options, fallback: bool) -> Result<Article> {
    let (doc, src) = m.finish()?;
    let input = src.bytes();
    if !looks_like_text(input) {
        return Err(Error::NotHtml);
    }
    let html = html.or_else(|| std::str::from_utf8(input).ok());
    let plan = decide::decide(&doc, options);
    let mut article = rewrite::rewrite(doc::Input::new(input, html), &doc, plan, options)?;
    // Below Readability's own bar for an article ("Skip to content" and a
    // menu label of a script-rendered thread), a `<noscript>` copy of the
    // page that gives more is the result.
    if article.length < options.char_threshold {
        if let Some(inner) = fallback.then(|| noscript_page(&doc, input)).flatten() {
            // Scripts off: what a reader without them gets is the page.
            if let Ok(a) = clean_str(&inner, options, false) {
                if a.length > article.length {
                    return Ok(Article { report: article.report, ..a });
                }
            }
        }
    }
    if article.text_content.trim().is_empty() {
        let reason = empty_reason(&doc);
        // Visible text, but the plan kept none of it: the unfiltered body.
        if reason == CHROME_ONLY {
            if let Some(plan) = decide::last_resort(&doc) {
                let a = rewrite::rewrite(doc::Input::new(input, html), &doc, plan, options)?;
                if !a.text_content.trim().is_empty() {
                    return Ok(a);
                }
            }
        }
        article.empty_reason = Some(reason.into());
    }
    Ok(article)
}

/// The markup inside the page's largest `<noscript>`, when that could be
/// the page itself: a script-rendered forum serves its posts to readers
/// without script there, and the page outside has no visible text.
/// Its contents are raw text to the parser (scripting is on), so they are
/// parsed as a page of their own (see [`clean_str`] for why only once).
fn noscript_page(doc: &doc::Doc, input: &[u8]) -> Option<String> {
    let e = doc
        .els
        .iter()
        .filter(|e| e.tag == html::tags::Tag::NOSCRIPT && e.end.saturating_sub(e.start) >= rules::NOSCRIPT_PAGE_MIN_BYTES)
        .max_by_key(|e| e.end.saturating_sub(e.start))?;
    let raw = input.get(e.start as usize..e.end as usize)?;
    let open = raw.iter().position(|&b| b == b'>')? + 1;
    let close = raw.iter().rposition(|&b| b == b'<').filter(|&c| c >= open).unwrap_or(raw.len());
    let inner = doc::utf8(&raw[open..close]).into_owned();
    inner.contains('<').then_some(inner)
}

/// The empty reason of a page with visible text.
const CHROME_ONLY: &str = "every visible block of the page is navigation, forms or other page chrome";

/// Why a page gave nothing: it shows no text at all, or all of it was
/// page chrome.
fn empty_reason(doc: &doc::Doc) -> &'static str {
    let visible = doc.els.iter().any(|e| e.own_text > 0 && e.flags & (doc::flag::INVISIBLE | doc::flag::HIDDEN) == 0 && e.tag != html::tags::Tag::TITLE);
    if visible {
        CHROME_ONLY
    } else {
        "the page has no visible text (it may be rendered by script)"
    }
}

/// Cleans one page given as raw bytes, decoding them like a browser: BOM,
/// then the transport charset (e.g. from `Content-Type`), then the
/// `<meta charset>` prescan, then windows-1252.
pub fn clean_bytes(bytes: &[u8], transport_charset: Option<&str>, options: &Options) -> Result<Article> {
    // Borrowed when the bytes already are the UTF-8 the parser wants: no copy.
    let text = encoding::decode_html_cow(bytes, transport_charset);
    clean(&text, options)
}

/// A cheap check (one pass, no extraction) whether the page probably has an
/// article worth a reader view, like Readability's `isProbablyReaderable`.
///
/// ```
/// let long = format!("<article><p>{}</p></article>", "Some words here. ".repeat(40));
/// assert!(declutter::is_probably_readerable(&long));
/// assert!(!declutter::is_probably_readerable("<ul><li><a href=/>Home</a></li></ul>"));
/// ```
pub fn is_probably_readerable(html: &str) -> bool {
    measure::probably_readerable(html)
}

/// A streaming cleaner: feed the page as it arrives, get the article at the
/// end. The first pass runs while chunks arrive; the input is kept (the
/// second pass needs it), so memory is O(input + elements).
///
/// ```
/// let mut c = declutter::Cleaner::new(declutter::Options::default()).unwrap();
/// c.write(b"<article><p>Hello, streaming ").unwrap();
/// c.write(b"world.</p></article>").unwrap();
/// let a = c.finish().unwrap();
/// assert!(a.text_content.contains("Hello, streaming world."));
/// ```
pub struct Cleaner {
    options: Options,
    /// Bytes written so far (the measurer keeps the bytes themselves).
    written: usize,
    measurer: Option<measure::Measurer<'static>>,
    failed: bool,
}

impl Cleaner {
    /// A new cleaner; fails only on invalid options.
    pub fn new(options: Options) -> Result<Self> {
        options.validate()?;
        let measurer = measure::Measurer::growing(&options);
        Ok(Cleaner { options, written: 0, measurer: Some(measurer), failed: false })
    }

    /// Feeds the next chunk of UTF-8 input. Chunks may split anywhere, even
    /// inside a multi-byte character or a tag.
    pub fn write(&mut self, chunk: &[u8]) -> Result<()> {
        if self.failed {
            return Err(Error::CleanerFinished);
        }
        if self.written + chunk.len() > self.options.max_input_bytes {
            self.failed = true;
            self.measurer = None;
            return Err(Error::InputTooLarge {
                size: self.written + chunk.len(),
                limit: self.options.max_input_bytes,
            });
        }
        self.written += chunk.len();
        let m = self.measurer.as_mut().ok_or(Error::CleanerFinished)?;
        if let Err(e) = m.write(chunk) {
            // lol_html's rewriter must not be used after its first error: drop it.
            self.failed = true;
            self.measurer = None;
            return Err(e);
        }
        Ok(())
    }

    /// Ends the input and returns the article.
    pub fn finish(mut self) -> Result<Article> {
        if self.failed {
            return Err(Error::CleanerFinished);
        }
        let m = self.measurer.take().ok_or(Error::CleanerFinished)?;
        finish_passes(m, None, &self.options, true)
    }
}

/// HTML is text: random bytes, images and UTF-16 without a BOM are full of
/// C0 control characters that no page has (beyond tab, newline, form feed
/// and carriage return).
fn looks_like_text(input: &[u8]) -> bool {
    // Three samples (start, middle, end) instead of a scan: this runs on
    // every page, and binary data shows in any sample of it.
    let n = rules::NOT_HTML_SAMPLE_BYTES.min(input.len());
    let mid = input.len() / 2;
    let samples = [(0, n), (mid.saturating_sub(n / 2), n), (input.len() - n, n)];
    let (mut controls, mut seen) = (0usize, 0usize);
    for (from, len) in samples {
        let part = &input[from..(from + len).min(input.len())];
        seen += part.len();
        // 0..=8, 0x0B, 0x0E..=0x1F and 0x7F, as comparisons the compiler
        // vectorizes (a `matches!` over ranges it did not), summed as `u8`
        // per 255 bytes: 32 lanes at a time, not the 4 of a `usize` sum.
        controls += part
            .chunks(255)
            .map(|c| c.iter().map(|&b| u8::from((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != 0x0C) & (b != b'\r') | (b == 0x7F))).sum::<u8>() as usize)
            .sum::<usize>();
    }
    seen == 0 || controls < rules::NOT_HTML_MIN_CONTROLS || (controls as f64) < seen as f64 * rules::NOT_HTML_MAX_CONTROL_SHARE
}

/// Stage-by-stage timing hooks for the benchmarks (not a stable API).
#[doc(hidden)]
pub mod bench {
    use crate::html::walk::{walk_all, Visitor};
    use lol_html::html_content::{Element, TextChunk};

    struct Nop(usize);
    impl Visitor for Nop {
        fn start(&mut self, _: &mut Element<'_, '_>, _: &[u8], _: crate::html::tags::Tag, _: u32, _: Option<u32>, _: bool) {
            self.0 += 1;
        }
        fn text(&mut self, c: &TextChunk<'_>, _: &[u8], _: Option<u32>) {
            self.0 += c.as_str().len();
        }
        fn end(&mut self, _: u32, _: Option<usize>) {}
    }

    /// One walk with no-op handlers: the parser's ceiling for one pass.
    pub fn walk_only(html: &[u8]) -> usize {
        walk_all(Nop(0), html, usize::MAX).map_or(0, |v| v.0)
    }

    /// Pass 1 only; returns the number of elements.
    pub fn measure_only(html: &[u8]) -> usize {
        let o = crate::Options::default();
        crate::measure::Measurer::measure_all(&o, html).map_or(0, |d| d.els.len())
    }

    /// Pass 1 and decide; returns the number of kept blocks.
    pub fn measure_decide(html: &[u8]) -> usize {
        let o = crate::Options::default();
        let Ok(d) = crate::measure::Measurer::measure_all(&o, html) else { return 0 };
        crate::decide::decide(&d, &o).keep_top.iter().filter(|k| **k).count()
    }
}

/// Debug view of a decision (not a stable API): kept blocks and removals
/// with ordinals, tags and reasons.
#[doc(hidden)]
/// Dev tool for `scripts/train_prune.py`: the learned pruning experiment's
/// training rows. An `H` line with the feature names, one `E` line per element (ordinal, parent, live,
/// candidate, start and end offsets, then the features of a candidate)
/// and one `T` line per text chunk (offset, text with tabs and newlines
/// as spaces), tab-separated.
#[doc(hidden)]
#[cfg(feature = "cli")]
pub fn debug_blocks(html: &str, options: &Options) -> Result<String> {
    use std::fmt::Write;
    let doc = measure::Measurer::measure_all(options, html.as_bytes())?;
    let plan = decide::decide(&doc, options);
    let live = decide::prune::live(&doc, &plan);
    let feats = decide::prune::features(&doc, &plan, &live);
    let mut s = String::from("H");
    for name in decide::prune::NAMES {
        s.push('\t');
        s.push_str(name);
    }
    s.push('\n');
    let mut fi = feats.iter().peekable();
    for (i, e) in doc.els.iter().enumerate() {
        let f = fi.next_if(|(j, _)| *j == i);
        let _ = write!(s, "E\t{i}\t{}\t{}\t{}\t{}\t{}", e.parent as i64 - if e.parent == doc::NONE { u32::MAX as i64 + 1 } else { 0 }, u8::from(live[i]), u8::from(f.is_some()), e.start, e.end);
        if let Some((_, f)) = f {
            for x in f {
                let _ = write!(s, "\t{x}");
            }
        }
        s.push('\n');
    }
    let input = doc::Input::new(html.as_bytes(), Some(html));
    for t in &doc.text_recs {
        let txt = doc.text_of(input, t);
        if txt.trim().is_empty() {
            continue;
        }
        let _ = writeln!(s, "T\t{}\t{}", t.pos, txt.replace(['\t', '\n', '\r'], " "));
    }
    Ok(s)
}

#[doc(hidden)]
pub fn debug_plan(html: &str, options: &Options) -> Result<String> {
    use std::fmt::Write;
    let doc = measure::Measurer::measure_all(options, html.as_bytes())?;
    let plan = decide::decide(&doc, options);
    let mut s = String::new();
    let mut total = vec![0u32; doc.els.len()];
    for i in (0..doc.els.len()).rev() {
        total[i] += doc.els[i].own_text;
        let p = doc.els[i].parent;
        if p != doc::NONE {
            total[p as usize] += total[i];
        }
    }
    let _ = writeln!(s, "root={} title={:?}", plan.root, plan.title);
    for (i, e) in doc.els.iter().enumerate() {
        if plan.keep_top[i] {
            let _ = writeln!(s, "KEEP {i} {:?} parent={}", html::tags::NAMES.get(e.tag.0 as usize - 1), e.parent);
        }
        if let Some(d) = &plan.drop[i] {
            let _ = writeln!(s, "drop {i} {:?} depth={} text={} {:?}: {}", html::tags::NAMES.get((e.tag.0 as usize).wrapping_sub(1)), e.depth, total[i], d.category, d.reason);
        }
    }
    Ok(s)
}
