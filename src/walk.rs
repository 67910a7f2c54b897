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
pub(crate) trait Visitor: 'static {
    /// An element starts. `parent` is the innermost open element.
    /// Returns nothing; the element is pushed on the stack if it can have
    /// content (void elements like `<img>` are never pushed).
    fn start(&mut self, el: &mut Element<'_, '_>, ord: u32, parent: Option<u32>, void: bool);
    /// A chunk of text inside `top` (the innermost open element).
    fn text(&mut self, chunk: &TextChunk<'_>, top: Option<u32>);
    /// Element `ord` closes (called innermost first). `at` is the byte
    /// offset just past the end tag that closed it (`None` at end of input).
    fn end(&mut self, ord: u32, at: Option<usize>);
}

pub(crate) struct State<V> {
    /// Ordinal of the first element of this input (a slice of the page in
    /// pass 2 starts at the article's first element).
    base: u32,
    next: u32,
    stack: Vec<u32>,
    /// `open[n]`: element n is on the stack (O(1) check; a deep page would
    /// make a stack scan quadratic).
    open: Vec<bool>,
    pub visitor: V,
}

impl<V: Visitor> State<V> {
    fn close(&mut self, ord: u32, at: usize) {
        let local = ord.wrapping_sub(self.base) as usize;
        if !self.open.get(local).copied().unwrap_or(false) {
            return;
        }
        while let Some(top) = self.stack.pop() {
            self.open[top.wrapping_sub(self.base) as usize] = false;
            self.visitor.end(top, Some(at));
            if top == ord {
                break;
            }
        }
    }
    fn close_all(&mut self) {
        while let Some(top) = self.stack.pop() {
            self.open[top.wrapping_sub(self.base) as usize] = false;
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
pub(crate) struct Walk<V: Visitor> {
    rewriter: Option<HtmlRewriter<'static, Sink>>,
    state: Rc<RefCell<State<V>>>,
    max_memory: usize,
}

impl<V: Visitor> Walk<V> {
    pub fn new(visitor: V, max_memory: usize) -> Self {
        Self::new_at(visitor, max_memory, 0)
    }

    /// A walk whose first element has ordinal `base`.
    pub fn new_at(visitor: V, max_memory: usize, base: u32) -> Self {
        let state = Rc::new(RefCell::new(State { base, next: base, stack: Vec::with_capacity(64), open: Vec::with_capacity(1024), visitor }));
        let st_el = state.clone();
        let st_text = state.clone();
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
                    ord = s.next;
                    s.next = s.next.saturating_add(1);
                    let parent = s.stack.last().copied();
                    s.visitor.start(el, ord, parent, void);
                    s.open.push(!void);
                    if !void {
                        s.stack.push(ord);
                    }
                }
                if !void {
                    if let Some(handlers) = el.end_tag_handlers() {
                        let st = st_el.clone();
                        handlers.push(Box::new(move |end| {
                            let at = end.source_location().bytes().end;
                            st.borrow_mut().close(ord, at);
                            Ok(())
                        }));
                    }
                }
                Ok(())
            })))
            .append_document_content_handler(DocumentContentHandlers::default().text(
                move |t: &mut TextChunk<'_>| {
                    let mut s = st_text.borrow_mut();
                    let top = s.stack.last().copied();
                    s.visitor.text(t, top);
                    Ok(())
                },
            ));
        let rewriter = HtmlRewriter::new(settings, discard as Sink);
        Walk { rewriter: Some(rewriter), state, max_memory }
    }

    pub fn write(&mut self, chunk: &[u8]) -> Result<()> {
        let r = self.rewriter.as_mut().ok_or(Error::CleanerFinished)?;
        if let Err(e) = r.write(chunk) {
            // A rewriter must not be used after its first error.
            self.rewriter = None;
            return Err(self.map_err(e));
        }
        Ok(())
    }

    /// Ends the input and returns the visitor.
    pub fn finish(mut self) -> Result<V> {
        let r = self.rewriter.take().ok_or(Error::CleanerFinished)?;
        r.end().map_err(|e| self.map_err(e))?;
        let state = Rc::try_unwrap(self.state)
            .map_err(|_| Error::Parser("internal: walk state still shared".into()))?
            .into_inner();
        let mut state = state;
        state.close_all();
        Ok(state.visitor)
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

/// Walks a whole input; its first element gets ordinal `base`.
pub(crate) fn walk_all<V: Visitor>(visitor: V, input: &[u8], max_memory: usize, base: u32) -> Result<V> {
    let mut w = Walk::new_at(visitor, max_memory, base);
    for piece in input.chunks(FEED_CHUNK) {
        w.write(piece)?;
    }
    w.finish()
}
