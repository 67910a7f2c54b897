//! The stack of open elements of pass 1, kept by the HTML tree-construction
//! rules that decide where content lands (WHATWG HTML §13.2.6), without a
//! tree.
//!
//! lol_html is a tokenizer with just enough of a tree builder to switch
//! text modes; it never closes an element that has no end tag. Real pages
//! lean on the browser for that: `<head><title>T</title><body>…` with no
//! `</head>` put the whole body inside `<head>` (invisible: an empty
//! article), `<p>one<p>two` nested the paragraphs, `<p>text<div>` kept the
//! `<div>` inside the paragraph. This module closes elements as a browser
//! does: implied end tags, "has an element in (button/list item/table)
//! scope", the head/body insertion modes, the table modes (sections, rows
//! and cells close each other) and end tags a browser ignores.
//!
//! Every element is a start tag of the input with its ordinal; nothing is
//! ever created, moved or reparented, because pass 2 replays the elements
//! by their source positions (an element contains what lies between its
//! start tag and the place it closed). What a browser does that needs a
//! tree is approximated, each at its place below and listed here:
//!
//! - Implied `<html>`, `<head>`, `<body>`, `<tbody>`, `<tr>`, `<colgroup>`
//!   are not made: their content gets the nearest element of the input
//!   (`<table><td>` gives the cell the table as parent). A browser's
//!   implied wrapper holds all of it, so "which element holds what" is
//!   the same once the wrapper is taken away.
//! - The adoption agency (`<b>1<p>2</b>3</p>`: a browser moves the `<p>`
//!   out of the `<b>` into the `<b>`'s parent and wraps its content in a
//!   new `<b>`): pass 1 is told the `<p>`'s new parent
//!   ([`Closer::reparent`]), but by source position (pass 2) it stays
//!   inside the `<b>`. The `<b>` (and what lay between it and the `<p>`)
//!   no longer takes content: a *zombie* that closes when the elements
//!   above it close, so `3` lands in the `<p>` and what follows `</p>` lands
//!   where a browser puts it. `</form>` whose form is not the current node
//!   (a browser removes it from the stack, leaving the children open) is
//!   treated the same way.
//! - Reconstructing the active formatting elements (`<p><b>x<p>y`: a
//!   browser opens a new `<b>` around `y`): not done; the text lands in the
//!   element that would hold the clone (the second `<p>`).
//! - Foster parenting (`<table><div>x` or `<table>text`: a browser moves
//!   them before the table): pass 1 reports the table's parent as their
//!   parent, but by source position they stay inside the table (pass 2
//!   writes them there, and a browser fosters them again from there).
//!   Inside a `<template>` they are fostered to the table's parent too.
//! - Head content after `</head>` (`</head><meta>`): a browser puts it
//!   back into `<head>`; here the head stays open until the body starts,
//!   so whitespace and comments after `</head>` are inside it too.
//! - A stray `</p>` (a browser makes an empty `<p>`) and `</br>` (a `<br>`)
//!   make no element: pass 1 numbers start tags, and an empty element holds
//!   no content.
//! - Quirks mode (`<p><table>` nests the table in quirks mode only) comes
//!   from the doctype by an abridged list of the spec's quirky public ids.
//! - The template insertion modes are not kept: inside `<template>`, table
//!   parts are inserted where they stand instead of being ignored.
//!
//! Cost: every check is O(1) from indices kept per stack entry (the
//! innermost scope boundary, special element, ... at or below it) and a
//! chain of open elements per name, except a few bounded scans.

use crate::html::tags::Tag;

/// Elements scanned at most by the few checks that walk the stack (the
/// `<li>`/`<dd>` loop, end tags of uninterned names, foreign content): a
/// page of 100,000 nested `<span>`s and as many `<li>`s would make them
/// quadratic. Real pages nest far less than this; beyond it the element is
/// taken as not found (the end tag is ignored, the `<li>` stays open).
pub(crate) const SCAN_LIMIT: usize = 512;

/// The same for the scans that compare names read back from the input
/// (end tags of uninterned names, in SVG/MathML or custom elements), which
/// cost more per step: `<svg>` + 50,000 `<g>` + 50,000 `</x>` took a
/// second at 512.
pub(crate) const NAME_SCAN_LIMIT: usize = 128;

/// Namespace of an open element.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ns {
    Html,
    Svg,
    Math,
}

/// Tree-construction name ids: an interned [`Tag`] keeps its number
/// (1..=127), a few names the tree rules need that [`Tag`] does not have
/// get 128.., any other name 0.
type K = u8;


const fn x(i: usize) -> K {
    128 + i as u8
}
const APPLET: K = x(0);
const AREA: K = x(1);
const BASEFONT: K = x(2);
const BGSOUND: K = x(3);
const BIG: K = x(4);
const COL: K = x(5);
const COLGROUP: K = x(6);
const DIALOG: K = x(7);
const DIR: K = x(8);
const FRAME: K = x(9);
const FRAMESET: K = x(10);
const KEYGEN: K = x(11);
const LISTING: K = x(12);
const MARQUEE: K = x(13);
const NOBR: K = x(14);
const NOEMBED: K = x(15);
const NOFRAMES: K = x(16);
const OPTGROUP: K = x(17);
const PARAM: K = x(18);
const PLAINTEXT: K = x(19);
const RB: K = x(20);
const RP: K = x(21);
const RT: K = x(22);
const RTC: K = x(23);
const RUBY: K = x(24);
const SEARCH: K = x(25);
const TRACK: K = x(26);
const XMP: K = x(27);
const IMAGE: K = x(28);
const ANNOTATION_XML: K = x(29);
const FOREIGNOBJECT: K = x(30);
const DESC: K = x(31);
const MI: K = x(32);
const MO: K = x(33);
const MN: K = x(34);
const MS: K = x(35);
const MTEXT: K = x(36);
const MGLYPH: K = x(37);
const MALIGNMARK: K = x(38);

const fn t(tag: Tag) -> K {
    tag.0
}

/// The tree-construction id of a name (`raw` as written, any case).
pub(crate) fn classify(tag: Tag, raw: &[u8]) -> K {
    if tag != Tag::OTHER {
        return tag.0;
    }
    // Custom elements (`<my-widget>`, common on modern pages) are never
    // one of these names but `annotation-xml`.
    if raw.len() > 14 || (raw.len() != 14 && raw.contains(&b'-')) {
        return 0;
    }
    let mut buf = [0u8; 14];
    let b = &mut buf[..raw.len()];
    b.copy_from_slice(raw);
    b.make_ascii_lowercase();
    // A `match` compiles to a switch on the length and a few compares
    // (SVG's `path`, `g`, `rect`... are looked up on every start tag).
    match &b[..] {
        b"applet" => APPLET,
        b"area" => AREA,
        b"basefont" => BASEFONT,
        b"bgsound" => BGSOUND,
        b"big" => BIG,
        b"col" => COL,
        b"colgroup" => COLGROUP,
        b"dialog" => DIALOG,
        b"dir" => DIR,
        b"frame" => FRAME,
        b"frameset" => FRAMESET,
        b"keygen" => KEYGEN,
        b"listing" => LISTING,
        b"marquee" => MARQUEE,
        b"nobr" => NOBR,
        b"noembed" => NOEMBED,
        b"noframes" => NOFRAMES,
        b"optgroup" => OPTGROUP,
        b"param" => PARAM,
        b"plaintext" => PLAINTEXT,
        b"rb" => RB,
        b"rp" => RP,
        b"rt" => RT,
        b"rtc" => RTC,
        b"ruby" => RUBY,
        b"search" => SEARCH,
        b"track" => TRACK,
        b"xmp" => XMP,
        b"image" => IMAGE,
        b"annotation-xml" => ANNOTATION_XML,
        b"foreignobject" => FOREIGNOBJECT,
        b"desc" => DESC,
        b"mi" => MI,
        b"mo" => MO,
        b"mn" => MN,
        b"ms" => MS,
        b"mtext" => MTEXT,
        b"mglyph" => MGLYPH,
        b"malignmark" => MALIGNMARK,
        _ => 0,
    }
}

// Category bits of an open element.
const SPECIAL: u16 = 1 << 0;
const SCOPE: u16 = 1 << 1;
const FORMATTING: u16 = 1 << 2;
const IMPLIED: u16 = 1 << 3;
/// Decides the table insertion modes (see [`Mode`]).
const MODE: u16 = 1 << 4;
/// MathML text integration point / HTML integration point: HTML rules
/// apply to start tags inside.
const INTEGRATION: u16 = 1 << 5;
/// Button scope adds `<button>`; list item scope adds `<ol>`, `<ul>`.
const BUTTON_SCOPE: u16 = 1 << 6;
const LIST_SCOPE: u16 = 1 << 7;
/// Table scope: `html`, `table`, `template`.
const TABLE_SCOPE: u16 = 1 << 8;
/// `<p>` closes before it (close a p element if in button scope).
const CLOSES_P: u16 = 1 << 9;
/// Goes into `<head>` when met before the body.
const HEAD_CONTENT: u16 = 1 << 10;

/// [`html_bits_of`] for every id, built at compile time (it is asked
/// several times per start tag).
static HTML_BITS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = html_bits_of(i as K);
        i += 1;
    }
    t
};

#[inline]
fn html_bits(k: K) -> u16 {
    HTML_BITS[k as usize]
}

const fn html_bits_of(k: K) -> u16 {
    let mut b = 0;
    let special = matches!(
        k,
        APPLET | AREA | BASEFONT | BGSOUND | COL | COLGROUP | DIR | FRAME | FRAMESET | KEYGEN | LISTING
            | MARQUEE | NOEMBED | NOFRAMES | PARAM | PLAINTEXT | SEARCH | TRACK | XMP
    ) || matches!(
        Tag(k),
        Tag::ADDRESS | Tag::ARTICLE | Tag::ASIDE | Tag::BASE | Tag::BLOCKQUOTE | Tag::BODY | Tag::BR
            | Tag::BUTTON | Tag::CAPTION | Tag::CENTER | Tag::DD | Tag::DETAILS | Tag::DIV | Tag::DL
            | Tag::DT | Tag::EMBED | Tag::FIELDSET | Tag::FIGCAPTION | Tag::FIGURE | Tag::FOOTER
            | Tag::FORM | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::HEAD
            | Tag::HEADER | Tag::HGROUP | Tag::HR | Tag::HTML | Tag::IFRAME | Tag::IMG | Tag::INPUT
            | Tag::LI | Tag::LINK | Tag::MAIN | Tag::MENU | Tag::META | Tag::NAV | Tag::NOSCRIPT
            | Tag::OBJECT | Tag::OL | Tag::P | Tag::PRE | Tag::SCRIPT | Tag::SECTION | Tag::SELECT
            | Tag::SOURCE | Tag::STYLE | Tag::SUMMARY | Tag::TABLE | Tag::TBODY | Tag::TD
            | Tag::TEMPLATE | Tag::TEXTAREA | Tag::TFOOT | Tag::TH | Tag::THEAD | Tag::TITLE
            | Tag::TR | Tag::UL | Tag::WBR
    ) && k < 128;
    if special {
        b |= SPECIAL;
    }
    if matches!(k, APPLET | MARQUEE) || (k < 128 && matches!(Tag(k), Tag::CAPTION | Tag::HTML | Tag::TABLE | Tag::TD | Tag::TH | Tag::OBJECT | Tag::TEMPLATE)) {
        b |= SCOPE;
    }
    if k == BIG || k == NOBR || (k < 128 && matches!(Tag(k), Tag::A | Tag::B | Tag::CODE | Tag::EM | Tag::FONT | Tag::I | Tag::S | Tag::SMALL | Tag::STRIKE | Tag::STRONG | Tag::TT | Tag::U)) {
        b |= FORMATTING;
    }
    if matches!(k, OPTGROUP | RB | RP | RT | RTC) || (k < 128 && matches!(Tag(k), Tag::DD | Tag::DT | Tag::LI | Tag::OPTION | Tag::P)) {
        b |= IMPLIED;
    }
    if k == COLGROUP || (k < 128 && matches!(Tag(k), Tag::TABLE | Tag::TBODY | Tag::THEAD | Tag::TFOOT | Tag::TR | Tag::TD | Tag::TH | Tag::CAPTION | Tag::TEMPLATE)) {
        b |= MODE;
    }
    if k == t(Tag::BUTTON) {
        b |= BUTTON_SCOPE;
    }
    if k == t(Tag::OL) || k == t(Tag::UL) {
        b |= LIST_SCOPE;
    }
    if k == t(Tag::HTML) || k == t(Tag::TABLE) || k == t(Tag::TEMPLATE) {
        b |= TABLE_SCOPE;
    }
    if matches!(k, DIALOG | DIR | SEARCH | LISTING | XMP | PLAINTEXT)
        || (k < 128
            && matches!(
                Tag(k),
                Tag::ADDRESS | Tag::ARTICLE | Tag::ASIDE | Tag::BLOCKQUOTE | Tag::CENTER | Tag::DETAILS
                    | Tag::DIV | Tag::DL | Tag::FIELDSET | Tag::FIGCAPTION | Tag::FIGURE | Tag::FOOTER
                    | Tag::HEADER | Tag::HGROUP | Tag::MAIN | Tag::MENU | Tag::NAV | Tag::OL | Tag::P
                    | Tag::SECTION | Tag::SUMMARY | Tag::UL | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4
                    | Tag::H5 | Tag::H6 | Tag::PRE | Tag::FORM | Tag::HR
            ))
    {
        b |= CLOSES_P;
    }
    if matches!(k, BASEFONT | BGSOUND | NOFRAMES)
        || (k < 128 && matches!(Tag(k), Tag::BASE | Tag::LINK | Tag::META | Tag::TITLE | Tag::NOSCRIPT | Tag::STYLE | Tag::SCRIPT | Tag::TEMPLATE))
    {
        b |= HEAD_CONTENT;
    }
    b
}

fn foreign_bits(k: K, ns: Ns) -> u16 {
    let ip = match ns {
        Ns::Math => matches!(k, MI | MO | MN | MS | MTEXT),
        Ns::Svg => matches!(k, FOREIGNOBJECT | DESC) || k == t(Tag::TITLE),
        Ns::Html => false,
    };
    if ip {
        SPECIAL | SCOPE | INTEGRATION
    } else if ns == Ns::Math && k == ANNOTATION_XML {
        // An HTML integration point only with `encoding=text/html`
        // (set by `commit`).
        SPECIAL | SCOPE
    } else {
        0
    }
}

/// The table-related insertion mode, from the innermost [`MODE`] element
/// ("reset the insertion mode appropriately", kept per stack entry).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Body,
    Table,
    Section,
    Row,
    Cell,
    Caption,
    Colgroup,
    Template,
}

fn mode_of(k: K) -> Mode {
    if k == COLGROUP {
        return Mode::Colgroup;
    }
    match Tag(k) {
        Tag::TABLE => Mode::Table,
        Tag::TBODY | Tag::THEAD | Tag::TFOOT => Mode::Section,
        Tag::TR => Mode::Row,
        Tag::TD | Tag::TH => Mode::Cell,
        Tag::CAPTION => Mode::Caption,
        Tag::TEMPLATE => Mode::Template,
        _ => Mode::Body,
    }
}

/// One open element. Positions (`*_at`, `prev_same`) are stack index + 1,
/// 0 for none.
#[derive(Clone, Copy)]
struct Open {
    ord: u32,
    /// Where its start tag is (to read an uninterned name back).
    start: u32,
    k: K,
    ns: Ns,
    bits: u16,
    /// Closed by the adoption agency / `</form>` while elements above it
    /// were open: takes no more content, closes with the last of them.
    zombie: bool,
    /// The next open element below with the same id (html namespace).
    prev_same: u32,
    scope_at: u32,
    button_at: u32,
    list_at: u32,
    table_at: u32,
    special_at: u32,
    mode_at: u32,
}

/// Before the body: what a browser's "initial" to "after head" insertion
/// modes would do with the next token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

/// What to do with a start tag.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Insert {
    /// Becomes the current node.
    Push,
    /// An element that takes no content (void, self-closing foreign,
    /// or inserted and popped at once like a `<form>` in a table).
    Leaf,
    /// A browser makes no element of it (`<td>` outside a table, a second
    /// `<body>`): reported as a leaf so that it takes no content.
    Ignore,
}

/// A start tag's verdict, to [`TreeBuilder::commit`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pending {
    pub ins: Insert,
    k: K,
    ns: Ns,
    /// Foster parenting is on: if the current node is a table part once
    /// the closes are done, a browser inserts it before the table.
    foster: bool,
    /// A MathML `annotation-xml` with `encoding=text/html` (or XHTML): an
    /// HTML integration point.
    html_ip: bool,
}

/// What the tree builder needs of a start tag besides its name.
pub(crate) struct StartInfo<'a> {
    pub tag: Tag,
    pub raw: &'a [u8],
    /// lol_html says it cannot have content (void, or self-closing in
    /// foreign content).
    pub void: bool,
    /// Reads an attribute (only for the rare checks that need one).
    pub attr: &'a dyn Fn(&str) -> Option<String>,
}

/// Receives the closes.
pub(crate) trait Closer {
    fn close(&mut self, ord: u32, at: Option<usize>);
    fn reparent(&mut self, ord: u32, parent: Option<u32>);
}

pub(crate) struct TreeBuilder {
    items: Vec<Open>,
    /// Per id: the innermost open (non-zombie, html) element with it.
    last: [u32; 256],
    phase: Phase,
    /// The `<head>` element's ordinal while open.
    head_open: bool,
    /// The form element pointer is set (a second `<form>` is ignored).
    form_ptr: bool,
    /// Quirks mode, from the doctype; decided at the first element.
    quirks: Option<bool>,
    /// Start of the run of whitespace-only text chunks seen in head: the
    /// head closes there if text follows (so the same whether the run
    /// came in one chunk with the text or in several).
    ws_from: Option<usize>,
    /// Set by `start_inner` when the element is foster parented.
    foster: bool,
}

impl TreeBuilder {
    pub fn new() -> Self {
        TreeBuilder {
            items: Vec::with_capacity(64),
            last: [0; 256],
            phase: Phase::BeforeHtml,
            head_open: false,
            form_ptr: false,
            quirks: None,
            ws_from: None,
            foster: false,
        }
    }

    /// The innermost open element.
    pub fn top(&self) -> Option<u32> {
        self.items.last().map(|o| o.ord)
    }

    /// A doctype token (only the first one, before any element, counts).
    pub fn doctype(&mut self, name: Option<&str>, public: Option<&str>, system: Option<&str>) {
        if self.quirks.is_none() && self.phase == Phase::BeforeHtml {
            self.quirks = Some(is_quirky(name, public, system));
        }
    }

    fn quirks(&mut self) -> bool {
        *self.quirks.get_or_insert(true)
    }

    fn mode(&self) -> Mode {
        match self.items.last() {
            Some(o) if o.mode_at > 0 => mode_of(self.items[o.mode_at as usize - 1].k),
            _ => Mode::Body,
        }
    }

    fn cur(&self) -> Option<&Open> {
        self.items.last()
    }

    fn cur_is(&self, k: K) -> bool {
        self.cur().is_some_and(|o| o.k == k && o.ns == Ns::Html)
    }

    /// Position (index + 1) of the innermost open html element `k`, 0 if none.
    fn find(&self, k: K) -> u32 {
        self.last[k as usize]
    }

    fn base(&self, f: impl Fn(&Open) -> u32) -> u32 {
        self.items.last().map_or(0, f)
    }

    /// "Has an element in scope" (`pos` the element's position).
    fn in_scope_at(&self, pos: u32, base: u32) -> bool {
        pos != 0 && pos >= base
    }
    fn in_scope(&self, k: K) -> bool {
        self.in_scope_at(self.find(k), self.base(|o| o.scope_at))
    }
    fn in_button_scope(&self, k: K) -> bool {
        self.in_scope_at(self.find(k), self.base(|o| o.button_at))
    }
    fn in_list_scope(&self, k: K) -> bool {
        self.in_scope_at(self.find(k), self.base(|o| o.list_at))
    }
    fn in_table_scope(&self, k: K) -> bool {
        self.in_scope_at(self.find(k), self.base(|o| o.table_at))
    }

    fn push(&mut self, ord: u32, start: usize, k: K, ns: Ns) {
        let bits = if ns == Ns::Html { html_bits(k) } else { foreign_bits(k, ns) };
        let pos = self.items.len() as u32 + 1;
        let below = self.items.last().copied();
        let b = |f: fn(&Open) -> u32| below.as_ref().map_or(0, f);
        let html = ns == Ns::Html;
        let o = Open {
            ord,
            start: start.min(u32::MAX as usize) as u32,
            k,
            ns,
            bits,
            zombie: false,
            prev_same: if html { self.last[k as usize] } else { 0 },
            scope_at: if bits & SCOPE != 0 { pos } else { b(|o| o.scope_at) },
            button_at: if bits & (SCOPE | BUTTON_SCOPE) != 0 { pos } else { b(|o| o.button_at) },
            list_at: if bits & (SCOPE | LIST_SCOPE) != 0 { pos } else { b(|o| o.list_at) },
            table_at: if bits & TABLE_SCOPE != 0 { pos } else { b(|o| o.table_at) },
            special_at: if bits & SPECIAL != 0 { pos } else { b(|o| o.special_at) },
            mode_at: if bits & MODE != 0 && html { pos } else { b(|o| o.mode_at) },
        };
        if html {
            self.last[k as usize] = pos;
        }
        self.items.push(o);
    }

    /// Pops the current node (and zombies it uncovers).
    fn pop(&mut self, c: &mut impl Closer, at: Option<usize>) {
        if let Some(o) = self.items.pop() {
            if o.ns == Ns::Html && !o.zombie {
                self.last[o.k as usize] = o.prev_same;
            }
            if o.k == t(Tag::HEAD) && o.ns == Ns::Html {
                self.head_open = false;
            }
            c.close(o.ord, at);
        }
        while self.items.last().is_some_and(|o| o.zombie) {
            if let Some(o) = self.items.pop() {
                c.close(o.ord, at);
            }
        }
    }

    /// Pops until the element at `pos` is popped.
    fn pop_to(&mut self, pos: u32, c: &mut impl Closer, at: usize) {
        while self.items.len() as u32 >= pos && pos > 0 {
            self.pop(c, Some(at));
        }
    }

    /// Generate implied end tags, except for `except`.
    fn implied(&mut self, except: K, c: &mut impl Closer, at: usize) {
        while let Some(o) = self.items.last() {
            if o.bits & IMPLIED == 0 || o.ns != Ns::Html || o.k == except {
                break;
            }
            // `</optgroup>`-less optgroups close too; `rtc` keeps for rt/rp.
            self.pop(c, Some(at));
        }
    }

    fn close_p(&mut self, c: &mut impl Closer, at: usize) {
        if self.in_button_scope(t(Tag::P)) {
            self.implied(t(Tag::P), c, at);
            let p = self.find(t(Tag::P));
            self.pop_to(p, c, at);
        }
    }

    /// Pops until the current node is one of `stop` (html) or the stack is
    /// down to `html`/`template` ("clear the stack back to a table context").
    fn clear_to(&mut self, stop: &[K], c: &mut impl Closer, at: usize) {
        while let Some(o) = self.items.last() {
            if o.ns == Ns::Html && (stop.contains(&o.k) || o.k == t(Tag::HTML) || o.k == t(Tag::TEMPLATE)) {
                break;
            }
            self.pop(c, Some(at));
        }
    }

    /// Closes the head if it is the current node (the head insertion mode
    /// ends), at `at`.
    fn leave_head(&mut self, c: &mut impl Closer, at: usize) {
        let at = self.ws_from.take().map_or(at, |w| w.min(at));
        if self.head_open && self.cur_is(t(Tag::HEAD)) {
            self.pop(c, Some(at));
        }
        if matches!(self.phase, Phase::BeforeHtml | Phase::BeforeHead | Phase::InHead) {
            self.phase = Phase::AfterHead;
        }
    }

    /// A start tag at `at`, element `ord`: closes what it implies and says
    /// how to insert it (the caller pushes with [`TreeBuilder::commit`]).
    pub fn start(&mut self, s: &StartInfo<'_>, at: usize, c: &mut impl Closer) -> Pending {
        let k = classify(s.tag, s.raw);
        self.foster = false;
        let (ins, ns) = self.start_inner(s, k, at, c);
        self.ws_from = None;
        let html_ip = k == ANNOTATION_XML
            && ns == Ns::Math
            && (s.attr)("encoding").is_some_and(|e| e.eq_ignore_ascii_case("text/html") || e.eq_ignore_ascii_case("application/xhtml+xml"));
        Pending { ins, k, ns, foster: std::mem::take(&mut self.foster), html_ip }
    }

    /// The parent a browser gives the element of `p`: the current node, or
    /// for foster parenting the element the table is in.
    pub fn parent_for(&self, p: &Pending) -> Option<u32> {
        if p.foster && self.cur_fosters() {
            self.foster_parent()
        } else {
            self.top()
        }
    }

    /// The element the innermost table is in.
    fn foster_parent(&self) -> Option<u32> {
        match self.find(t(Tag::TABLE)) {
            0 => self.top(),
            1 => None,
            p => self.items.get(p as usize - 2).map(|o| o.ord),
        }
    }

    /// The current node is `table`, `tbody`, `tfoot`, `thead` or `tr`
    /// (where a browser foster parents).
    fn cur_fosters(&self) -> bool {
        self.cur().is_some_and(|o| o.ns == Ns::Html && o.k < 128 && matches!(Tag(o.k), Tag::TABLE | Tag::TBODY | Tag::TFOOT | Tag::THEAD | Tag::TR))
    }

    /// Inserts the element a [`TreeBuilder::start`] was for (after the
    /// caller read its parent, [`TreeBuilder::top`]).
    pub fn commit(&mut self, p: Pending, ord: u32, at: usize) {
        if p.ins == Insert::Push {
            self.push(ord, at, p.k, p.ns);
            if p.html_ip {
                if let Some(o) = self.items.last_mut() {
                    o.bits |= INTEGRATION;
                }
            }
        }
    }

    fn start_inner(&mut self, s: &StartInfo<'_>, k: K, at: usize, c: &mut impl Closer) -> (Insert, Ns) {
        let leaf = |void: bool| if void { Insert::Leaf } else { Insert::Push };
        // Foreign content: the current node is SVG/MathML and not an
        // integration point.
        if let Some(o) = self.cur() {
            if o.ns != Ns::Html {
                let ip = o.bits & INTEGRATION != 0 && !(o.ns == Ns::Math && matches!(k, MGLYPH | MALIGNMARK));
                let svg_in_annotation = o.ns == Ns::Math && o.k == ANNOTATION_XML && k == t(Tag::SVG);
                if svg_in_annotation {
                    return (leaf(s.void), Ns::Svg);
                }
                if !ip {
                    if breaks_out(k, s) {
                        // Pop until an HTML element or an integration point.
                        let mut n = 0;
                        while let Some(o) = self.cur() {
                            if o.ns == Ns::Html || o.bits & INTEGRATION != 0 || n > SCAN_LIMIT {
                                break;
                            }
                            self.pop(c, Some(at));
                            n += 1;
                        }
                    } else {
                        return (leaf(s.void), o.ns);
                    }
                }
            }
        }
        if self.quirks.is_none() {
            self.quirks();
        }
        let html = t(Tag::HTML);
        let mode = self.mode();
        // Before the body (not inside a template in head).
        if self.phase != Phase::InBody && mode != Mode::Template {
            if k == html {
                if self.phase == Phase::BeforeHtml && self.items.is_empty() {
                    self.phase = Phase::BeforeHead;
                    return (Insert::Push, Ns::Html);
                }
                return (Insert::Ignore, Ns::Html);
            }
            if self.phase == Phase::BeforeHtml {
                self.phase = Phase::BeforeHead;
            }
            let bits = html_bits(k);
            match self.phase {
                Phase::BeforeHead => {
                    if k == t(Tag::HEAD) {
                        self.phase = Phase::InHead;
                        self.head_open = true;
                        return (Insert::Push, Ns::Html);
                    }
                    if bits & HEAD_CONTENT != 0 {
                        // An implied (virtual) head.
                        self.phase = Phase::InHead;
                        return (leaf(s.void), Ns::Html);
                    }
                }
                Phase::InHead => {
                    if k == t(Tag::HEAD) {
                        return (Insert::Ignore, Ns::Html);
                    }
                    if bits & HEAD_CONTENT != 0 {
                        return (leaf(s.void), Ns::Html);
                    }
                }
                Phase::AfterHead => {
                    if k == t(Tag::HEAD) {
                        return (Insert::Ignore, Ns::Html);
                    }
                    if bits & HEAD_CONTENT != 0 {
                        // A browser puts it back into the head; it stays
                        // here (invisible either way).
                        return (leaf(s.void), Ns::Html);
                    }
                }
                _ => {}
            }
            // Anything else ends the head and starts the body.
            self.leave_head(c, at);
            self.phase = Phase::InBody;
            if k == t(Tag::BODY) {
                return (Insert::Push, Ns::Html);
            }
        } else if self.phase != Phase::InBody {
            // Inside a template in head: template content.
        }
        if k == html || k == t(Tag::HEAD) || (k == t(Tag::BODY) && mode != Mode::Template) || k == FRAMESET {
            return (Insert::Ignore, Ns::Html);
        }
        self.in_table_modes(s, k, mode, at, c)
    }

    /// The table insertion modes, then "in body".
    fn in_table_modes(&mut self, s: &StartInfo<'_>, k: K, mode: Mode, at: usize, c: &mut impl Closer) -> (Insert, Ns) {
        let leaf = if s.void { Insert::Leaf } else { Insert::Push };
        let (tbody, thead, tfoot, tr, td, th, caption, table) =
            (t(Tag::TBODY), t(Tag::THEAD), t(Tag::TFOOT), t(Tag::TR), t(Tag::TD), t(Tag::TH), t(Tag::CAPTION), t(Tag::TABLE));
        let section = |k: K| k == tbody || k == thead || k == tfoot;
        let table_part = |k: K| section(k) || k == tr || k == td || k == th || k == caption || k == COL || k == COLGROUP;
        match mode {
            Mode::Table | Mode::Section | Mode::Row => self.in_table_body(s, k, mode, at, c),
            Mode::Cell | Mode::Caption => {
                if table_part(k) || (mode == Mode::Caption && k == table) {
                    if mode == Mode::Cell {
                        if !(self.in_table_scope(td) || self.in_table_scope(th)) {
                            return (Insert::Ignore, Ns::Html);
                        }
                        self.close_cell(c, at);
                    } else {
                        if !self.in_table_scope(caption) {
                            return (Insert::Ignore, Ns::Html);
                        }
                        self.implied(0, c, at);
                        let p = self.find(caption);
                        self.pop_to(p, c, at);
                    }
                    let m = self.mode();
                    return self.in_table_modes(s, k, m, at, c);
                }
                self.in_body(s, k, at, c)
            }
            Mode::Colgroup => {
                if k == COL {
                    return (Insert::Leaf, Ns::Html);
                }
                if k == t(Tag::TEMPLATE) {
                    return (Insert::Push, Ns::Html);
                }
                if self.cur_is(COLGROUP) {
                    self.pop(c, Some(at));
                    let m = self.mode();
                    return self.in_table_modes(s, k, m, at, c);
                }
                (Insert::Ignore, Ns::Html)
            }
            Mode::Template => {
                // Approximation: the template modes are not kept; table
                // parts are inserted where they stand.
                if table_part(k) {
                    return (leaf, Ns::Html);
                }
                self.in_body(s, k, at, c)
            }
            Mode::Body => {
                if table_part(k) {
                    return (Insert::Ignore, Ns::Html);
                }
                self.in_body(s, k, at, c)
            }
        }
    }

    /// Start tags in table, in a table section and in a row.
    fn in_table_body(&mut self, s: &StartInfo<'_>, k: K, mode: Mode, at: usize, c: &mut impl Closer) -> (Insert, Ns) {
        let leaf = if s.void { Insert::Leaf } else { Insert::Push };
        let (tbody, thead, tfoot, tr, td, th, caption, table) =
            (t(Tag::TBODY), t(Tag::THEAD), t(Tag::TFOOT), t(Tag::TR), t(Tag::TD), t(Tag::TH), t(Tag::CAPTION), t(Tag::TABLE));
        let section = |k: K| k == tbody || k == thead || k == tfoot;
        let table_part = |k: K| section(k) || k == tr || k == td || k == th || k == caption || k == COL || k == COLGROUP;
        let cur_is_table_ish = self.cur().is_some_and(|o| o.ns == Ns::Html && o.bits & MODE != 0);
        if mode == Mode::Row && (k == td || k == th) {
            self.clear_to(&[tr], c, at);
            return (Insert::Push, Ns::Html);
        }
        if mode == Mode::Row && (table_part(k) || k == table) {
            if !self.in_table_scope(tr) {
                return (Insert::Ignore, Ns::Html);
            }
            self.clear_to(&[tr], c, at);
            let p = self.find(tr);
            self.pop_to(p, c, at);
            let m = self.mode();
            return self.in_table_modes(s, k, m, at, c);
        }
        if mode == Mode::Section && (k == tr || k == td || k == th) {
            self.clear_to(&[tbody, thead, tfoot], c, at);
            return (Insert::Push, Ns::Html);
        }
        if mode == Mode::Section && (section(k) || k == caption || k == COL || k == COLGROUP || k == table) {
            if !(self.in_table_scope(tbody) || self.in_table_scope(thead) || self.in_table_scope(tfoot)) {
                return (Insert::Ignore, Ns::Html);
            }
            self.clear_to(&[tbody, thead, tfoot], c, at);
            self.pop(c, Some(at));
            let m = self.mode();
            return self.in_table_modes(s, k, m, at, c);
        }
        // In table.
        if k == caption || k == COLGROUP || section(k) || k == tr || k == td || k == th {
            self.clear_to(&[table], c, at);
            return (Insert::Push, Ns::Html);
        }
        if k == COL {
            self.clear_to(&[table], c, at);
            return (Insert::Leaf, Ns::Html);
        }
        if k == table {
            if !self.in_table_scope(table) {
                return (Insert::Ignore, Ns::Html);
            }
            let p = self.find(table);
            self.pop_to(p, c, at);
            let m = self.mode();
            return self.in_table_modes(s, k, m, at, c);
        }
        if matches!(Tag(k), Tag::STYLE | Tag::SCRIPT | Tag::TEMPLATE) && k < 128 {
            return (leaf, Ns::Html);
        }
        if k == t(Tag::INPUT) && cur_is_table_ish && (s.attr)("type").is_some_and(|v| v.eq_ignore_ascii_case("hidden")) {
            return (Insert::Leaf, Ns::Html);
        }
        if k == t(Tag::FORM) && cur_is_table_ish {
            if self.form_ptr || self.find(t(Tag::TEMPLATE)) != 0 {
                return (Insert::Ignore, Ns::Html);
            }
            self.form_ptr = true;
            return (Insert::Leaf, Ns::Html);
        }
        // Anything else: foster parented by a browser (inserted
        // before the table). Its parent is reported as the
        // table's; pass 2 still finds it inside the table by source
        // position, and a browser fosters it again from there.
        // Processed by the "in body" rules.
        self.foster = true;
        self.in_body(s, k, at, c)
    }

    fn close_cell(&mut self, c: &mut impl Closer, at: usize) {
        self.implied(0, c, at);
        let p = self.find(t(Tag::TD)).max(self.find(t(Tag::TH)));
        self.pop_to(p, c, at);
    }

    /// The "in body" start tag rules (what decides where content lands).
    fn in_body(&mut self, s: &StartInfo<'_>, k: K, at: usize, c: &mut impl Closer) -> (Insert, Ns) {
        let leaf = if s.void { Insert::Leaf } else { Insert::Push };
        let bits = html_bits(k);
        let is = |tag: Tag| k < 128 && k == tag.0;
        if is(Tag::SVG) {
            return (leaf, Ns::Svg);
        }
        if is(Tag::MATH) {
            return (leaf, Ns::Math);
        }
        let select_open = self.in_scope(t(Tag::SELECT));
        if is(Tag::OPTION) || k == OPTGROUP {
            if select_open {
                self.implied(OPTGROUP, c, at);
                if k == OPTGROUP && self.cur_is(OPTGROUP) {
                    self.pop(c, Some(at));
                }
            } else if self.cur_is(t(Tag::OPTION)) {
                self.pop(c, Some(at));
            }
            return (leaf, Ns::Html);
        }
        if is(Tag::SELECT) {
            if select_open {
                let p = self.find(t(Tag::SELECT));
                self.pop_to(p, c, at);
                return (Insert::Ignore, Ns::Html);
            }
            return (leaf, Ns::Html);
        }
        if (is(Tag::INPUT) || k == KEYGEN || is(Tag::TEXTAREA)) && select_open {
            let p = self.find(t(Tag::SELECT));
            self.pop_to(p, c, at);
            return (leaf, Ns::Html);
        }
        if bits & CLOSES_P != 0 {
            if is(Tag::FORM) {
                if self.form_ptr && self.find(t(Tag::TEMPLATE)) == 0 {
                    return (Insert::Ignore, Ns::Html);
                }
                self.close_p(c, at);
                if self.find(t(Tag::TEMPLATE)) == 0 {
                    self.form_ptr = true;
                }
                return (leaf, Ns::Html);
            }
            self.close_p(c, at);
            if is(Tag::HR) && select_open {
                self.implied(0, c, at);
            }
            if Tag(k).is_heading() && k < 128 && self.cur().is_some_and(|o| o.ns == Ns::Html && o.k < 128 && Tag(o.k).is_heading()) {
                self.pop(c, Some(at));
            }
            return (leaf, Ns::Html);
        }
        if is(Tag::LI) || is(Tag::DD) || is(Tag::DT) {
            self.start_list_item(k, at, c);
            return (leaf, Ns::Html);
        }
        if is(Tag::BUTTON) {
            if self.in_scope(k) {
                self.implied(0, c, at);
                let p = self.find(k);
                self.pop_to(p, c, at);
            }
            return (leaf, Ns::Html);
        }
        if is(Tag::A) || k == NOBR {
            // A second `<a>` (or `<nobr>`) while one is open above the
            // last marker runs the adoption agency for it (approximated:
            // see `adoption`).
            let p = self.find(k);
            if p != 0 && p >= self.base(|o| o.scope_at) {
                self.adoption(p, c, at);
            }
            return (leaf, Ns::Html);
        }
        if is(Tag::TABLE) {
            if !self.quirks() {
                self.close_p(c, at);
            }
            return (leaf, Ns::Html);
        }
        if k == RB || k == RTC || k == RP || k == RT {
            if self.in_scope(RUBY) {
                self.implied(if k == RP || k == RT { RTC } else { 0 }, c, at);
            }
            return (leaf, Ns::Html);
        }
        if k == IMAGE {
            return (Insert::Leaf, Ns::Html);
        }
        if k == FRAME {
            return (Insert::Ignore, Ns::Html);
        }
        (leaf, Ns::Html)
    }

    /// `<li>` closes the open `li`, `<dd>`/`<dt>` the open `dd`/`dt`
    /// (walking down from the current node; a special element other than
    /// address/div/p stops the walk), then an open `<p>`.
    fn start_list_item(&mut self, k: K, at: usize, c: &mut impl Closer) {
        let li = k == t(Tag::LI);
        if (li && self.find(k) != 0) || (!li && (self.find(t(Tag::DD)) != 0 || self.find(t(Tag::DT)) != 0)) {
            // Walk down from the current node: the first li (dd/dt)
            // closes; a special element other than address/div/p stops.
            let mut found = None;
            for (n, (i, o)) in self.items.iter().enumerate().rev().enumerate() {
                if n > SCAN_LIMIT {
                    break;
                }
                if o.zombie {
                    continue;
                }
                let hit = o.ns == Ns::Html && if li { o.k == k } else { o.k == t(Tag::DD) || o.k == t(Tag::DT) };
                if hit {
                    found = Some((i as u32 + 1, o.k));
                    break;
                }
                let passes = o.ns == Ns::Html && matches!(Tag(o.k), Tag::ADDRESS | Tag::DIV | Tag::P) && o.k < 128;
                if o.bits & SPECIAL != 0 && !passes {
                    break;
                }
            }
            if let Some((pos, fk)) = found {
                self.implied(fk, c, at);
                self.pop_to(pos, c, at);
            }
        }
        self.close_p(c, at);
    }

    /// The adoption agency for the formatting element at `pos`.
    ///
    /// With no special element above it, it is popped with what is above
    /// (as a browser does). With one (the "furthest block"), a browser
    /// moves that block and what follows out of the formatting element and
    /// clones the formatting element inside; without a tree, the element
    /// becomes a zombie instead: it stays on the stack under the block
    /// (which keeps it as parent) but takes no more content and closes
    /// when the last element above it closes.
    fn adoption(&mut self, pos: u32, c: &mut impl Closer, at: usize) {
        let special_top = self.base(|o| o.special_at);
        if special_top <= pos {
            self.pop_to(pos, c, at);
            return;
        }
        // The furthest block: the first special element above it.
        let mut fb = special_top;
        while fb > pos + 1 {
            let below = self.items[fb as usize - 2].special_at;
            if below <= pos {
                break;
            }
            fb = below;
        }
        // The common ancestor gets the block; the formatting element and
        // what lies between take no more content (a browser removes them
        // from the stack or replaces them with clones).
        let ca = if pos < 2 {
            None
        } else if matches!(Tag(self.items[pos as usize - 2].k), Tag::TABLE | Tag::TBODY | Tag::TFOOT | Tag::THEAD | Tag::TR) {
            // Into a table part: foster parented.
            self.foster_parent()
        } else {
            Some(self.items[pos as usize - 2].ord)
        };
        c.reparent(self.items[fb as usize - 1].ord, ca);
        // Innermost first: each is then usually the innermost of its name.
        for q in (pos..fb).rev() {
            self.zombify(q);
        }
        // A browser's next round of the algorithm, with the clone of the
        // formatting element it put under the block, closes what is above
        // the block when nothing special is (`<font><p>a<b>b</font>c`: the
        // `c` goes into the block, in a clone of `<b>`).
        if self.base(|o| o.special_at) == fb {
            while self.items.len() as u32 > fb {
                self.pop(c, Some(at));
            }
        }
    }

    fn zombify(&mut self, pos: u32) {
        let i = pos as usize - 1;
        let o = self.items[i];
        if o.zombie || o.ns != Ns::Html {
            self.items[i].zombie = true;
            return;
        }
        // Unlink from the chain of its name: it is the innermost one for
        // the callers (found through `last`), or we walk the chain (at most
        // SCAN_LIMIT steps; past that it stays an ordinary open element:
        // `<b>` + 10,000 `<span>`s + `<div>` + 10,000 `<span>`s + `</b>`,
        // repeated, must not be quadratic).
        if self.last[o.k as usize] == pos {
            self.last[o.k as usize] = o.prev_same;
        } else {
            let mut q = self.last[o.k as usize];
            let mut n = 0;
            loop {
                if q == 0 || n > SCAN_LIMIT {
                    return;
                }
                let above = q as usize - 1;
                if self.items[above].prev_same == pos {
                    self.items[above].prev_same = o.prev_same;
                    break;
                }
                q = self.items[above].prev_same;
                n += 1;
            }
        }
        self.items[i].zombie = true;
    }

    /// Text at `at`: the element it lands in. `ws` says whether it is all
    /// whitespace (asked only before the body).
    pub fn text(&mut self, at: usize, ws: impl Fn() -> bool, c: &mut impl Closer) -> Option<u32> {
        // The common case: in the body, not right inside a table part.
        if self.phase == Phase::InBody {
            match self.items.last() {
                Some(o) if o.bits & MODE == 0 || o.ns != Ns::Html => return Some(o.ord),
                None => return None,
                _ => {}
            }
        }
        // Before the body, text directly in `<html>`/`<head>` (not the text
        // of a `<title>`, `<script>`, ... in head).
        let bare = self.cur().is_none_or(|o| o.ns == Ns::Html && (o.k == t(Tag::HTML) || o.k == t(Tag::HEAD)));
        if self.phase != Phase::InBody && bare {
            if ws() {
                if matches!(self.phase, Phase::InHead | Phase::AfterHead) && self.ws_from.is_none() {
                    self.ws_from = Some(at);
                }
                // Whitespace in head: reported in head's parent, so that a
                // run split over chunks counts the same as one (see
                // `ws_from`).
                return self.items.iter().rev().find(|o| !(o.k == t(Tag::HEAD) && o.ns == Ns::Html)).map(|o| o.ord);
            }
            if self.quirks.is_none() {
                self.quirks();
            }
            self.leave_head(c, at);
            self.phase = Phase::InBody;
        }
        if self.cur().is_some_and(|o| o.ns == Ns::Html && o.bits & MODE != 0) {
            // Text right in a table part (not a cell or caption).
            if self.cur_is(COLGROUP) {
                if ws() {
                    return self.top();
                }
                self.pop(c, Some(at));
            }
            if self.cur_fosters() && !ws() {
                // Foster parented: a browser puts it before the table.
                return self.foster_parent();
            }
        }
        self.top()
    }

    /// `</name>` ending at `at`.
    pub fn end_tag(&mut self, src: &[u8], name: &[u8], at: usize, c: &mut impl Closer) {
        let tag = crate::html::tags::intern_bytes(name);
        let k = classify(tag, name);
        self.end_tag_inner(src, name, k, at, c);
        self.ws_from = None;
    }

    fn end_tag_inner(&mut self, src: &[u8], name: &[u8], k: K, at: usize, c: &mut impl Closer) {
        // The common case: `</x>` for the current node `x` (the innermost of
        // its name), in the body, not a table part, form, template or
        // `<body>`/`<html>`/`<br>`: every rule below (in scope, implied end
        // tags stop at it, the adoption agency without a furthest block)
        // pops just it.
        if self.phase == Phase::InBody && k != 0 && self.last[k as usize] as usize == self.items.len() {
            if let Some(o) = self.items.last() {
                let own_rule = html_bits(k) & MODE != 0 || k == COL || (k < 128 && matches!(Tag(k), Tag::FORM | Tag::TEMPLATE | Tag::BODY | Tag::HTML | Tag::BR));
                if o.k == k && o.ns == Ns::Html && !o.zombie && !own_rule {
                    self.pop(c, Some(at));
                    return;
                }
            }
        }
        if self.cur().is_some_and(|o| o.ns != Ns::Html) && self.end_in_foreign(src, name, k, at, c) {
            return;
        }
        let mode = self.mode();
        let (body, html, head) = (t(Tag::BODY), t(Tag::HTML), t(Tag::HEAD));
        if self.phase != Phase::InBody && mode != Mode::Template {
            match self.phase {
                Phase::BeforeHtml | Phase::BeforeHead | Phase::InHead | Phase::AfterHead => {
                    if k != 0 && self.cur_is(k) && k != head && k != html {
                        // `</title>`, `</script>`, ... in head.
                        self.pop(c, Some(at));
                    } else if k == head && self.phase != Phase::AfterHead {
                        // The head stays open until the body starts: a
                        // browser puts head content after `</head>`
                        // (`</head><meta>`) back into it.
                        self.phase = Phase::AfterHead;
                    } else if k == body || k == html || k == t(Tag::BR) {
                        self.leave_head(c, at);
                        self.phase = Phase::InBody;
                    } else if k == t(Tag::TEMPLATE) {
                        self.end_template(c, at);
                    }
                    return;
                }
                Phase::InBody => {}
            }
        }
        if k == body || k == html {
            // "After body": nothing is popped, and content after
            // `</body>`/`</html>` still lands in the current node.
            return;
        }
        if k == t(Tag::TEMPLATE) {
            self.end_template(c, at);
            return;
        }
        if !self.end_in_table_modes(src, name, k, at, c, mode) {
            self.end_in_body(src, name, k, at, c);
        }
    }

    /// An end tag in foreign content (SVG, MathML): foreign elements match
    /// by name down to the first HTML element. True when it was handled.
    fn end_in_foreign(&mut self, src: &[u8], name: &[u8], k: K, at: usize, c: &mut impl Closer) -> bool {
        // Foreign content: match foreign elements by name down to the
        // first HTML element.
        if self.cur().is_some_and(|o| o.ns != Ns::Html) {
            if k == t(Tag::BR) || k == t(Tag::P) {
                // Breaks out like a start tag of that name would.
                let mut n = 0;
                while let Some(o) = self.cur() {
                    if o.ns == Ns::Html || o.bits & INTEGRATION != 0 || n > SCAN_LIMIT {
                        break;
                    }
                    self.pop(c, Some(at));
                    n += 1;
                }
            } else {
                let mut found = None;
                for (n, (i, o)) in self.items.iter().enumerate().rev().enumerate() {
                    if o.ns == Ns::Html || n > NAME_SCAN_LIMIT {
                        break;
                    }
                    if !o.zombie && crate::html::tags::raw_name_at(src, o.start as usize).eq_ignore_ascii_case(name) {
                        found = Some(i as u32 + 1);
                        break;
                    }
                }
                if let Some(p) = found {
                    self.pop_to(p, c, at);
                    return true;
                }
            }
        }
        false
    }

    /// An end tag in the table insertion modes (cell, caption, row,
    /// section, table, column group). True when it was handled; otherwise
    /// it is processed as in body.
    fn end_in_table_modes(&mut self, src: &[u8], name: &[u8], k: K, at: usize, c: &mut impl Closer, mode: Mode) -> bool {
        let (tbody, thead, tfoot, tr, td, th, caption, table) =
            (t(Tag::TBODY), t(Tag::THEAD), t(Tag::TFOOT), t(Tag::TR), t(Tag::TD), t(Tag::TH), t(Tag::CAPTION), t(Tag::TABLE));
        let section = |k: K| k == tbody || k == thead || k == tfoot;
        match mode {
            Mode::Cell => {
                if k == td || k == th {
                    if self.in_table_scope(k) {
                        self.implied(0, c, at);
                        let p = self.find(k);
                        self.pop_to(p, c, at);
                    }
                    return true;
                }
                if k == caption || k == COL || k == COLGROUP {
                    return true;
                }
                if k == table || section(k) || k == tr {
                    if self.in_table_scope(k) {
                        self.close_cell(c, at);
                        self.end_tag_inner(src, name, k, at, c);
                        return true;
                    }
                    return true;
                }
            }
            Mode::Caption => {
                if k == caption || k == table {
                    if self.in_table_scope(caption) {
                        self.implied(0, c, at);
                        let p = self.find(caption);
                        self.pop_to(p, c, at);
                        if k == table {
                            self.end_tag_inner(src, name, k, at, c);
                        return true;
                        }
                    }
                    return true;
                }
                if k == COL || k == COLGROUP || section(k) || k == td || k == th || k == tr {
                    return true;
                }
            }
            Mode::Row | Mode::Section | Mode::Table => {
                if mode == Mode::Row && (k == tr || k == table || section(k)) {
                    if k == tr || k == table {
                        if !self.in_table_scope(if k == tr { tr } else { table }) || !self.in_table_scope(tr) {
                            return true;
                        }
                    } else if !self.in_table_scope(k) || !self.in_table_scope(tr) {
                        return true;
                    }
                    self.clear_to(&[tr], c, at);
                    let p = self.find(tr);
                    self.pop_to(p, c, at);
                    if k != tr {
                        self.end_tag_inner(src, name, k, at, c);
                        return true;
                    }
                    return true;
                }
                if mode == Mode::Section && (section(k) || k == table) {
                    let any = self.in_table_scope(tbody) || self.in_table_scope(thead) || self.in_table_scope(tfoot);
                    if (k == table && !any) || (k != table && !self.in_table_scope(k)) {
                        return true;
                    }
                    self.clear_to(&[tbody, thead, tfoot], c, at);
                    self.pop(c, Some(at));
                    if k == table {
                        self.end_tag_inner(src, name, k, at, c);
                        return true;
                    }
                    return true;
                }
                if k == table {
                    if self.in_table_scope(table) {
                        let p = self.find(table);
                        self.pop_to(p, c, at);
                    }
                    return true;
                }
                if k == caption || k == COL || k == COLGROUP || section(k) || k == td || k == th || k == tr {
                    return true;
                }
            }
            Mode::Colgroup => {
                if k == COLGROUP {
                    if self.cur_is(COLGROUP) {
                        self.pop(c, Some(at));
                    }
                    return true;
                }
                if k == COL {
                    return true;
                }
                if self.cur_is(COLGROUP) {
                    self.pop(c, Some(at));
                    self.end_tag_inner(src, name, k, at, c);
                        return true;
                }
            }
            Mode::Template | Mode::Body => {}
        }
        false
    }

    fn end_template(&mut self, c: &mut impl Closer, at: usize) {
        let p = self.find(t(Tag::TEMPLATE));
        if p != 0 {
            self.pop_to(p, c, at);
        }
    }

    fn end_in_body(&mut self, src: &[u8], name: &[u8], k: K, at: usize, c: &mut impl Closer) {
        let bits = if k == 0 { 0 } else { html_bits(k) };
        let is = |tag: Tag| k < 128 && k == tag.0;
        if is(Tag::P) {
            if !self.in_button_scope(k) {
                // A browser inserts an empty `<p>` here: no element (see
                // the module comment).
                return;
            }
            self.close_p(c, at);
            return;
        }
        if is(Tag::LI) {
            if self.in_list_scope(k) {
                self.implied(k, c, at);
                let p = self.find(k);
                self.pop_to(p, c, at);
            }
            return;
        }
        if is(Tag::FORM) {
            let was = std::mem::replace(&mut self.form_ptr, false);
            let p = self.find(k);
            if !was || !self.in_scope(k) {
                return;
            }
            self.implied(0, c, at);
            if self.cur_is(k) {
                self.pop(c, Some(at));
            } else {
                // A browser removes the form from the stack and leaves what
                // is above it open: a zombie (see `adoption`).
                self.zombify(p);
            }
            return;
        }
        if k < 128 && Tag(k).is_heading() {
            let p = [Tag::H1, Tag::H2, Tag::H3, Tag::H4, Tag::H5, Tag::H6].iter().map(|h| self.find(h.0)).max().unwrap_or(0);
            if self.in_scope_at(p, self.base(|o| o.scope_at)) {
                self.implied(0, c, at);
                self.pop_to(p, c, at);
            }
            return;
        }
        if bits & FORMATTING != 0 {
            let p = self.find(k);
            if p == 0 || !self.in_scope_at(p, self.base(|o| o.scope_at)) {
                return;
            }
            self.adoption(p, c, at);
            return;
        }
        if k == t(Tag::BR) {
            // A browser makes a `<br>` of it: no element (see the module comment).
            return;
        }
        if bits & (SPECIAL | CLOSES_P) != 0 || is(Tag::DD) || is(Tag::DT) {
            // The block end tags (`</div>`, `</ul>`, `</dd>`, `</select>`,
            // `</applet>`, ...): ignored unless in scope.
            let p = self.find(k);
            if self.in_scope_at(p, self.base(|o| o.scope_at)) {
                self.implied(k, c, at);
                self.pop_to(p, c, at);
            }
            return;
        }
        // Any other end tag: the innermost element of that name, unless a
        // special element comes first.
        let special_at = self.base(|o| o.special_at);
        let p = if k != 0 {
            self.find(k)
        } else {
            let mut found = 0;
            for (n, (i, o)) in self.items.iter().enumerate().rev().enumerate() {
                if n > NAME_SCAN_LIMIT || (i as u32 + 1) < special_at {
                    break;
                }
                if !o.zombie && o.ns == Ns::Html && o.k == 0 && crate::html::tags::raw_name_at(src, o.start as usize).eq_ignore_ascii_case(name) {
                    found = i as u32 + 1;
                    break;
                }
            }
            found
        };
        if p != 0 && p >= special_at {
            self.implied(k, c, at);
            self.pop_to(p, c, at);
        }
    }

    /// At the end of input: everything still open closes.
    pub fn close_all(&mut self, c: &mut impl Closer) {
        while !self.items.is_empty() {
            self.pop(c, None);
        }
    }
}

/// Start tags that end foreign content (`<svg><p>`: the `<p>` is HTML).
fn breaks_out(k: K, s: &StartInfo<'_>) -> bool {
    if k == BIG || k == NOBR || k == LISTING || k == RUBY {
        return true;
    }
    if k >= 128 || k == 0 {
        return false;
    }
    match Tag(k) {
        Tag::B | Tag::BLOCKQUOTE | Tag::BODY | Tag::BR | Tag::CENTER | Tag::CODE | Tag::DD | Tag::DIV
        | Tag::DL | Tag::DT | Tag::EM | Tag::EMBED | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5
        | Tag::H6 | Tag::HEAD | Tag::HR | Tag::I | Tag::IMG | Tag::LI | Tag::MENU | Tag::META
        | Tag::OL | Tag::P | Tag::PRE | Tag::S | Tag::SMALL | Tag::SPAN | Tag::STRONG | Tag::STRIKE
        | Tag::SUB | Tag::SUP | Tag::TABLE | Tag::TT | Tag::U | Tag::UL | Tag::VAR => true,
        Tag::FONT => ["color", "face", "size"].iter().any(|a| (s.attr)(a).is_some()),
        _ => false,
    }
}

/// Quirks mode from the doctype (WHATWG "initial" insertion mode),
/// abridged: the public-id prefixes are grouped by their common starts.
fn is_quirky(name: Option<&str>, public: Option<&str>, system: Option<&str>) -> bool {
    if !name.is_some_and(|n| n.eq_ignore_ascii_case("html")) {
        return true;
    }
    let p = public.map(|p| p.to_ascii_lowercase());
    let sys = system.map(|s| s.to_ascii_lowercase());
    if let Some(p) = &p {
        const EXACT: &[&str] = &["-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html"];
        const PREFIX: &[&str] = &[
            "+//silmaril//dtd html pro v0r11 19970101//", "-//as//dtd html 3.0 aswedit + extensions//",
            "-//advasoft ltd//dtd html 3.0 aswedit + extensions//", "-//ietf//dtd html", "-//metrius//dtd metrius presentational//",
            "-//microsoft//dtd internet explorer", "-//netscape comm. corp.//dtd", "-//o'reilly and associates//dtd html",
            "-//sq//dtd html 2.0 hotmetal + extensions//", "-//softquad", "-//spyglass//dtd html 2.0 extended//",
            "-//sun microsystems corp.//dtd hotjava", "-//w3c//dtd html 3", "-//w3c//dtd html 4.0 frameset//",
            "-//w3c//dtd html 4.0 transitional//", "-//w3c//dtd html experimental", "-//w3c//dtd w3 html//",
            "-//w3o//dtd w3 html 3.0//", "-//webtechs//dtd mozilla html",
        ];
        if EXACT.contains(&p.as_str()) || PREFIX.iter().any(|x| p.starts_with(x)) {
            return true;
        }
        if sys.is_none() && (p.starts_with("-//w3c//dtd html 4.01 frameset//") || p.starts_with("-//w3c//dtd html 4.01 transitional//")) {
            return true;
        }
    }
    sys.as_deref() == Some("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd")
}

/// Test hook (not a stable API): pass 1's tree for `html`, as the
/// conformance test (tests/tree_construction.rs) compares it with
/// html5lib's expected trees. Elements in document order as
/// `(lowercase name, parent ordinal, inserted)` (`inserted` is false for
/// a start tag the walk ignores, like a browser); text runs as
/// `(owner ordinal, text)` with character references decoded.
#[doc(hidden)]
pub fn debug_tree(html: &str) -> (Vec<(String, Option<u32>, bool)>, Vec<(Option<u32>, String)>) {
    use lol_html::html_content::{Element, TextChunk, TextType};
    #[derive(Default)]
    struct Rec {
        els: Vec<(String, Option<u32>, bool)>,
        texts: Vec<(Option<u32>, String)>,
    }
    impl crate::html::walk::Visitor for Rec {
        fn start(&mut self, el: &mut Element<'_, '_>, _: &[u8], _: Tag, _: u32, parent: Option<u32>, void: bool) {
            let _ = void;
            self.els.push((el.tag_name().to_ascii_lowercase(), parent, true));
        }
        fn text(&mut self, c: &TextChunk<'_>, _: &[u8], top: Option<u32>) {
            let s = match c.text_type() {
                TextType::Data | TextType::RCData => crate::html::entities::decode(c.as_str()).into_owned(),
                _ => c.as_str().to_string(),
            };
            match self.texts.last_mut() {
                Some((o, t)) if *o == top => t.push_str(&s),
                _ => self.texts.push((top, s)),
            }
        }
        fn end(&mut self, _: u32, _: Option<usize>) {}
        fn reparent(&mut self, ord: u32, parent: Option<u32>) {
            self.els[ord as usize].1 = parent;
        }
        fn ignored(&mut self, ord: u32) {
            self.els[ord as usize].2 = false;
        }
    }
    let r = crate::html::walk::walk_all(Rec::default(), html.as_bytes(), usize::MAX).unwrap_or_default();
    (r.els, r.texts)
}
