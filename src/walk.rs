//! The token walk both passes share.
//!
//! Both passes must number elements identically (ordinal n in pass 2 is
//! ordinal n of pass 1), so both drive lol_html through this one walker:
//! it counts start tags, keeps the stack of open elements and closes them
//! the same way, and hands each event to a [`Visitor`].
//!
//! Closing: lol_html calls an element's end-tag handler when its end tag
//! is seen, or when an ancestor's end tag pops it (`<div><p>a</div>` closes
//! the `<p>` too). Handlers of several popped elements may run in any
//! order, so `close(n)` pops *everything above and including* `n` and a
//! later `close` of an already popped ordinal does nothing. Elements never
//! closed (a missing `</body>`) are closed at the end of input.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{Element, TextChunk};
use lol_html::{
    errors::RewritingError, DocumentContentHandlers, ElementContentHandlers, HtmlRewriter,
    MemorySettings, Selector, Settings,
};

use crate::error::{Error, Result};

/// Receives the events of one walk.
///
/// `src` is the input seen so far (at least up to the end of the current
/// token): lol_html's source locations index into it, so a visitor can
/// read a tag or attribute name as the bytes it is instead of asking
/// lol_html for a freshly allocated lowercase `String` each time.
pub(crate) trait Visitor {
    /// An element starts. `parent` is the innermost open element.
    /// Returns nothing; the element is pushed on the stack if it can have
    /// content (void elements like `<img>` are never pushed).
    fn start(&mut self, el: &mut Element<'_, '_>, src: &[u8], ord: u32, parent: Option<u32>, void: bool);
    /// A chunk of text inside `top` (the innermost open element).
    fn text(&mut self, chunk: &TextChunk<'_>, src: &[u8], top: Option<u32>);
    /// Element `ord` closes (called innermost first). `at` is the byte
    /// offset just past the end tag that closed it (`None` at end of input).
    fn end(&mut self, ord: u32, at: Option<usize>);
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

pub(crate) struct State<'h, V> {
    src: Src<'h>,
    next: u32,
    stack: Vec<u32>,
    /// `open[n]`: element n is on the stack (O(1) check; a deep page would
    /// make a stack scan quadratic).
    open: Vec<bool>,
    pub visitor: V,
}

impl<V: Visitor> State<'_, V> {
    fn close(&mut self, ord: u32, at: usize) {
        if !self.open.get(ord as usize).copied().unwrap_or(false) {
            return;
        }
        while let Some(top) = self.stack.pop() {
            self.open[top as usize] = false;
            self.visitor.end(top, Some(at));
            if top == ord {
                break;
            }
        }
    }
    /// Applies the end tags seen since the last event, in the order seen.
    fn drain(&mut self, closes: &RefCell<Vec<(u32, usize)>>) {
        let mut q = closes.borrow_mut();
        if q.is_empty() {
            return;
        }
        for &(ord, at) in q.iter() {
            self.close(ord, at);
        }
        q.clear();
    }
    fn close_all(&mut self) {
        while let Some(top) = self.stack.pop() {
            self.open[top as usize] = false;
            self.visitor.end(top, None);
        }
    }
}

/// The `*` selector, parsed once (parsing it for each of the two walks of
/// every page was a measurable share of the time on small pages).
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
    /// End tags seen and not yet applied (see [`Walk::with_src`]).
    closes: Rc<RefCell<Vec<(u32, usize)>>>,
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
        let state = Rc::new(RefCell::new(State { src, next: 0, stack: Vec::with_capacity(64), open: Vec::with_capacity(1024), visitor }));
        // lol_html wants end-tag handlers that own everything they use
        // (`'static`), but the state borrows the caller's input. So an end
        // tag only queues `(ordinal, position)` here, and the queue is
        // applied before the next start tag or text chunk (and at the
        // end): the visitor sees the same order of events.
        let closes: Rc<RefCell<Vec<(u32, usize)>>> = Rc::new(RefCell::new(Vec::with_capacity(16)));
        let st_el = state.clone();
        let st_text = state.clone();
        let q_el = closes.clone();
        let q_text = closes.clone();
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
                let ord;
                let void = !el.can_have_content();
                {
                    let mut s = st_el.borrow_mut();
                    s.drain(&q_el);
                    let State { src, next, stack, open, visitor } = &mut *s;
                    ord = *next;
                    *next = next.saturating_add(1);
                    let parent = stack.last().copied();
                    visitor.start(el, src.bytes(), ord, parent, void);
                    open.push(!void);
                    if !void {
                        stack.push(ord);
                    }
                }
                if !void {
                    if let Some(handlers) = el.end_tag_handlers() {
                        let q = q_el.clone();
                        handlers.push(Box::new(move |end| {
                            q.borrow_mut().push((ord, end.source_location().bytes().end));
                            Ok(())
                        }));
                    }
                }
                Ok(())
            })))
            .append_document_content_handler(DocumentContentHandlers::default().text(
                move |t: &mut TextChunk<'_>| {
                    let mut s = st_text.borrow_mut();
                    s.drain(&q_text);
                    let State { src, stack, visitor, .. } = &mut *s;
                    let top = stack.last().copied();
                    visitor.text(t, src.bytes(), top);
                    Ok(())
                },
            ));
        let rewriter = HtmlRewriter::new(settings, discard as Sink);
        Walk { rewriter: Some(rewriter), state, closes, max_memory, fed: 0 }
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
        state.drain(&self.closes);
        state.close_all();
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
