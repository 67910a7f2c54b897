//! The token walk of pass 1.
//!
//! lol_html reports every start tag (an element handler on `*`), every
//! text chunk and every comment and doctype (document handlers); the walk
//! numbers the start tags (ordinals), keeps the stack of open elements and
//! hands each event to a [`Visitor`].
//!
//! Closing. lol_html can report end tags only through a handler registered
//! on each element, and that machinery (a boxed closure, a `Vec` and two
//! more boxes inside lol_html per element) cost a third of the walk. But
//! the events above cover the input without gaps except for end tags
//! (and a doctype, reported too): whatever lies between the end of one
//! reported token and the start of the next is a run of end tags. The walk
//! reads their names there and hands them, like the start tags and text,
//! to the tree builder (src/treebuilder.rs), which closes elements as a
//! browser's tree construction does: `<p>` after `<p>`, the head before
//! the first body content, table rows and cells, end tags with nothing
//! open in scope ignored. Void elements are never open. Elements never
//! closed (a missing `</body>`) close at the end of input. Whether that
//! tree is a browser's is tested against html5lib's expected trees
//! (tests/tree_construction.rs).

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{Comment, Doctype, Element, TextChunk};
use lol_html::{
    errors::RewritingError, DocumentContentHandlers, ElementContentHandlers, HtmlRewriter,
    MemorySettings, Selector, Settings,
};

use crate::error::{Error, Result};
use crate::html::tags::{self, Tag};
use crate::html::treebuilder::{Closer, Insert, StartInfo, TreeBuilder};

/// Receives the events of one walk.
///
/// `src` is the input seen so far (at least up to the end of the current
/// token): lol_html's source locations index into it, so a visitor can
/// read a tag or attribute name as the bytes it is instead of asking
/// lol_html for a freshly allocated lowercase `String` each time.
pub(crate) trait Visitor {
    /// An element starts. `parent` is the innermost open element; `tag`
    /// its interned name. The element is pushed on the stack if it can
    /// have content (void elements like `<img>` are never pushed).
    fn start(&mut self, el: &mut Element<'_, '_>, src: &[u8], tag: Tag, ord: u32, parent: Option<u32>, void: bool);
    /// A chunk of text inside `top` (the innermost open element).
    fn text(&mut self, chunk: &TextChunk<'_>, src: &[u8], top: Option<u32>);
    /// Element `ord` closes (called innermost first). `at` is the byte
    /// offset just past the end tag that closed it (`None` at end of input).
    fn end(&mut self, ord: u32, at: Option<usize>);
    /// A browser moves element `ord` (still open) to `parent`: the
    /// adoption agency's furthest block (`<b><p></b>`: the `<p>` leaves
    /// the `<b>`). Pass 2 still nests it by source position.
    fn reparent(&mut self, _ord: u32, _parent: Option<u32>) {}
    /// Element `ord` (just reported as void) is a start tag a browser
    /// ignores (`<td>` outside a table); for the test hook.
    fn ignored(&mut self, _ord: u32) {}
}

/// The input a walk reads: the caller's whole buffer (`clean`), or the
/// bytes written so far, kept by the walk (the streaming `Cleaner`; pass
/// 2 needs them anyway).
pub(crate) enum Src<'h> {
    Whole(&'h [u8]),
    Growing(Vec<u8>),
}

impl Src<'_> {
    pub fn bytes(&self) -> &[u8] {
        match self {
            Src::Whole(b) => b,
            Src::Growing(v) => v,
        }
    }
}

/// Hands the tree builder's closes to the visitor.
struct Closes<'a, V>(&'a mut V);

impl<V: Visitor> Closer for Closes<'_, V> {
    fn close(&mut self, ord: u32, at: Option<usize>) {
        self.0.end(ord, at);
    }
    fn reparent(&mut self, ord: u32, parent: Option<u32>) {
        self.0.reparent(ord, parent);
    }
}

pub(crate) struct State<'h, V> {
    src: Src<'h>,
    next: u32,
    open: TreeBuilder,
    /// End of the last token lol_html reported: end tags lie between it
    /// and the next one.
    last_end: usize,
    pub visitor: V,
}

impl<V: Visitor> State<'_, V> {
    /// Applies the end tags between the last reported token and `to` (the
    /// start of the next one).
    fn advance(&mut self, to: usize) {
        if to > self.last_end {
            let from = self.last_end;
            self.last_end = to;
            let State { src, open, visitor, .. } = self;
            let src = src.bytes();
            if let Some(gap) = src.get(from..to) {
                end_tags(gap, |name, at| open.end_tag(src, name, from + at, &mut Closes(visitor)));
            }
        }
    }

    /// A reported token the visitor does not see (comment, doctype).
    fn skip(&mut self, loc: std::ops::Range<usize>) {
        self.advance(loc.start);
        self.reported(loc.end);
    }

    /// Marks input up to `end` as reported.
    fn reported(&mut self, end: usize) {
        self.last_end = self.last_end.max(end);
    }
}

/// Calls `f(name, end)` for each end tag in `gap` (the stretch between
/// two reported tokens), `end` being the offset just past its `>`.
///
/// A gap is a run of end tags back to back: anything between them would
/// have been reported (text, even a space, is a text chunk). So the scan
/// is strict: it reads `</name ...>` after `</name ...>` from the gap's
/// start, skips `</>` (which the tokenizer drops) and the `<![CDATA[` and
/// `]]>` around CDATA text in SVG and MathML, and stops at anything
/// else. That something is the unterminated token at the end of the input
/// that lol_html drops: in `<img alt="><div>A</div>` (no closing quote)
/// the `</div>` is inside an attribute value, not an end tag.
///
/// The name runs from after `</` to whitespace, `/` or `>`. Attributes an
/// end tag may carry (a parse error browsers ignore) are skipped with
/// their quoted values, so `</p title=">">` ends at the second `>`, as in
/// the tokenizer.
fn end_tags(gap: &[u8], mut f: impl FnMut(&[u8], usize)) {
    let mut i = 0;
    while i < gap.len() {
        let is_end_tag = gap[i] == b'<' && gap.get(i + 1) == Some(&b'/') && gap.get(i + 2).is_some_and(|b| b.is_ascii_alphabetic());
        if !is_end_tag {
            // Dropped by the tokenizer, or (CDATA markers in SVG/MathML,
            // whose content is reported as text) not reported.
            match [&b"</>"[..], b"<![CDATA[", b"]]>"].iter().find(|m| gap[i..].starts_with(m)) {
                Some(skip) => {
                    i += skip.len();
                    continue;
                }
                None => return,
            }
        }
        let name_start = i + 2;
        let name_len = gap[name_start..]
            .iter()
            .position(|&b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
            .unwrap_or(gap.len() - name_start);
        let mut k = name_start + name_len;
        let end = loop {
            match gap.get(k) {
                None => break None,
                Some(b'>') => break Some(k + 1),
                Some(b'=') => {
                    k += 1;
                    while gap.get(k).is_some_and(|b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')) {
                        k += 1;
                    }
                    if let Some(&q @ (b'"' | b'\'')) = gap.get(k) {
                        match memchr::memchr(q, &gap[k + 1..]) {
                            Some(close) => k = k + 1 + close + 1,
                            None => break None,
                        }
                    }
                }
                Some(_) => k += 1,
            }
        };
        let Some(end) = end else { return };
        f(&gap[name_start..name_start + name_len], end);
        i = end;
    }
}

/// The `*` selector, parsed once (parsing it for each walk of every page
/// was a measurable share of the time on small pages).
fn any_element() -> &'static Selector {
    static ANY: std::sync::OnceLock<Selector> = std::sync::OnceLock::new();
    ANY.get_or_init(|| "*".parse().expect("`*` is a valid selector"))
}

type Sink = fn(&[u8]);
fn discard(_: &[u8]) {}

/// A running walk over one document.
pub(crate) struct Walk<'h, V: Visitor + 'h> {
    rewriter: Option<HtmlRewriter<'h, Sink>>,
    state: Rc<RefCell<State<'h, V>>>,
    max_memory: usize,
    /// Bytes fed so far (for a `Whole` source: where the next write starts).
    fed: usize,
}

impl<'h, V: Visitor + 'h> Walk<'h, V> {
    /// A walk over `whole`, fed to it in order by [`Walk::write`].
    pub fn over(visitor: V, max_memory: usize, whole: &'h [u8]) -> Self {
        Self::with_src(visitor, max_memory, Src::Whole(whole))
    }

    /// A walk that keeps a copy of what is written to it.
    pub fn growing(visitor: V, max_memory: usize) -> Self {
        Self::with_src(visitor, max_memory, Src::Growing(Vec::new()))
    }

    fn with_src(visitor: V, max_memory: usize, src: Src<'h>) -> Self {
        let state = Rc::new(RefCell::new(State {
            src,
            next: 0,
            open: TreeBuilder::new(),
            last_end: 0,
            visitor,
        }));
        let st_el = state.clone();
        let st_text = state.clone();
        let st_comment = state.clone();
        let st_doctype = state.clone();
        let settings = Settings::new()
            // Never bail out on "parsing ambiguity" (`<select><b>`-style
            // markup lol_html cannot place without a tree): a best-effort
            // article beats an empty one, and the output is re-serialized
            // and sanitized by us, so a mis-nested guess cannot smuggle markup.
            .with_strict(false)
            .with_memory_settings(
                MemorySettings::new().with_max_allowed_memory_usage(max_memory),
            )
            .append_element_content_handler((std::borrow::Cow::Borrowed(any_element()), ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
                let void = !el.can_have_content();
                let loc = el.source_location().bytes();
                let mut s = st_el.borrow_mut();
                s.advance(loc.start);
                let State { src, next, open, visitor, .. } = &mut *s;
                let ord = *next;
                *next = next.saturating_add(1);
                // The name as written (no lowercase `String` from lol_html).
                let raw = tags::raw_name_at(src.bytes(), loc.start);
                let tag = tags::intern_bytes(raw);
                debug_assert_eq!(tag, tags::intern(&el.tag_name()), "tag name read from the source");
                // Closes what this start tag implies (`<p>` after `<p>`, the
                // head before `<div>`, ...) and says how it is inserted.
                let pending = {
                    let el_ref: &Element<'_, '_> = el;
                    let attr = |n: &str| el_ref.get_attribute(n);
                    let info = StartInfo { tag, raw, void, attr: &attr };
                    open.start(&info, loc.start, &mut Closes(visitor))
                };
                // Foster parenting reports the table's parent (see
                // src/treebuilder.rs).
                let parent = open.parent_for(&pending);
                // An element a browser ignores (`<td>` outside a table, a
                // second `<body>`) is reported as void: it takes no content.
                let leaf = void || pending.ins != Insert::Push;
                visitor.start(el, src.bytes(), tag, ord, parent, leaf);
                if pending.ins == Insert::Ignore {
                    visitor.ignored(ord);
                }
                open.commit(pending, ord, loc.start);
                s.reported(loc.end);
                if parent.is_none() {
                    // The walk's output is thrown away: with the content of
                    // every top-level element "removed", lol_html stops
                    // serializing each token into it (2 % of `clean`).
                    // Handlers still see every token.
                    el.remove();
                }
                Ok(())
            })))
            .append_document_content_handler(
                DocumentContentHandlers::default()
                    .text(move |t: &mut TextChunk<'_>| {
                        let loc = t.source_location().bytes();
                        let mut s = st_text.borrow_mut();
                        s.advance(loc.start);
                        let State { src, open, visitor, .. } = &mut *s;
                        // Where it lands (text before the body may end the head).
                        let top = open.text(loc.start, || t.as_str().bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)), &mut Closes(visitor));
                        visitor.text(t, src.bytes(), top);
                        s.reported(loc.end);
                        Ok(())
                    })
                    // Comments and doctypes are reported only so that the
                    // gaps between reported tokens hold end tags alone (a
                    // commented-out `<!-- </div> -->` must not close).
                    .comments(move |c: &mut Comment<'_>| {
                        st_comment.borrow_mut().skip(c.source_location().bytes());
                        Ok(())
                    })
                    .doctype(move |d: &mut Doctype<'_>| {
                        let mut s = st_doctype.borrow_mut();
                        // Quirks mode (`<p><table>` nests only there).
                        s.open.doctype(d.name().as_deref(), d.public_id().as_deref(), d.system_id().as_deref());
                        s.skip(d.source_location().bytes());
                        Ok(())
                    }),
            );
        let rewriter = HtmlRewriter::new(settings, discard as Sink);
        Walk { rewriter: Some(rewriter), state, max_memory, fed: 0 }
    }

    /// Feeds the next piece. For a walk made [`over`](Walk::over) an
    /// input, the pieces must be that input, in order.
    pub fn write(&mut self, chunk: &[u8]) -> Result<()> {
        let r = self.rewriter.as_mut().ok_or(Error::CleanerFinished)?;
        {
            let mut s = self.state.borrow_mut();
            match &mut s.src {
                Src::Growing(v) => v.extend_from_slice(chunk),
                Src::Whole(w) => debug_assert_eq!(w.get(self.fed..self.fed + chunk.len()), Some(chunk)),
            }
        }
        self.fed += chunk.len();
        if let Err(e) = r.write(chunk) {
            // A rewriter must not be used after its first error.
            self.rewriter = None;
            return Err(self.map_err(e));
        }
        Ok(())
    }

    /// Ends the input and returns the visitor and the source.
    pub fn finish(mut self) -> Result<(V, Src<'h>)> {
        let r = self.rewriter.take().ok_or(Error::CleanerFinished)?;
        r.end().map_err(|e| self.map_err(e))?;
        let state = Rc::try_unwrap(self.state)
            .map_err(|_| Error::Parser("internal: walk state still shared".into()))?
            .into_inner();
        let mut state = state;
        // The end tags after the last reported token (`</body></html>`).
        let len = state.src.bytes().len();
        state.advance(len);
        state.open.close_all(&mut Closes(&mut state.visitor));
        Ok((state.visitor, state.src))
    }

    fn map_err(&self, e: RewritingError) -> Error {
        match e {
            RewritingError::MemoryLimitExceeded(_) => Error::MemoryLimitExceeded { limit: self.max_memory },
            other => Error::Parser(other.to_string()),
        }
    }
}

/// Input is fed to lol_html in pieces of this size, even when it is all
/// in memory: lol_html buffers only what spans two writes, so feeding a
/// 500 KB attribute in one write would slip past `max_memory`; in pieces,
/// the limit means the same for `clean()` as for a streamed fetch body.
pub(crate) const FEED_CHUNK: usize = 64 << 10;

/// Walks a whole input.
pub(crate) fn walk_all<V: Visitor>(visitor: V, input: &[u8], max_memory: usize) -> Result<V> {
    let mut w = Walk::over(visitor, max_memory, input);
    for piece in input.chunks(FEED_CHUNK) {
        w.write(piece)?;
    }
    w.finish().map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::end_tags;

    fn names(gap: &str) -> Vec<(String, usize)> {
        let mut v = Vec::new();
        end_tags(gap.as_bytes(), |n, at| v.push((String::from_utf8_lossy(n).into_owned(), at)));
        v
    }

    #[test]
    fn end_tags_in_a_gap() {
        assert_eq!(names("</b></p>"), [("b".into(), 4), ("p".into(), 8)]);
        assert_eq!(names("</DIV >"), [("DIV".into(), 7)]);
        assert_eq!(names(r#"</p title=">">"#), [("p".into(), 14)]);
        assert_eq!(names("</p a='x'b>"), [("p".into(), 11)]);
        assert_eq!(names("</></i>"), [("i".into(), 7)]);
        assert_eq!(names("]]></svg>"), [("svg".into(), 9)]);
        // The scan stops at anything that is not an end tag: `</` + a
        // non-letter, a lone `<`, an unterminated tag (and all after it).
        assert!(names("</3 x></p>").is_empty());
        assert!(names("< /p>").is_empty());
        assert!(names("</p").is_empty());
        assert_eq!(names("</b><img alt=\"></div>"), [("b".into(), 4)]);
    }
}
