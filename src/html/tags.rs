//! Tag names interned to small integers, with the classifications the
//! passes need (block vs inline, what to drop, what to score).

/// An interned tag name. `Tag::OTHER` is any name not in [`NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Tag(pub u8);

macro_rules! tags {
    ($($konst:ident = $name:literal),* $(,)?) => {
        /// Known tag names, indexed by `Tag.0 - 1`.
        pub(crate) const NAMES: &[&str] = &[$($name),*];
        #[allow(dead_code)]
        impl Tag {
            tags!(@consts 1u8, $($konst,)*);
        }
        /// Interns a lowercase tag name.
        pub(crate) fn intern(name: &str) -> Tag {
            intern_bytes(name.as_bytes())
        }
    };
    (@consts $n:expr, $k:ident, $($rest:ident,)*) => {
        pub const $k: Tag = Tag($n);
        tags!(@consts $n + 1u8, $($rest,)*);
    };
    (@consts $n:expr, ) => {};
}

tags! {
    A = "a", ABBR = "abbr", ADDRESS = "address", ARTICLE = "article", ASIDE = "aside",
    AUDIO = "audio", B = "b", BASE = "base", BLOCKQUOTE = "blockquote", BODY = "body", BR = "br",
    BUTTON = "button", CANVAS = "canvas", CAPTION = "caption", CENTER = "center", CITE = "cite",
    CODE = "code", DD = "dd", DETAILS = "details", DIV = "div", DL = "dl", DT = "dt", EM = "em",
    EMBED = "embed", FIELDSET = "fieldset", FIGCAPTION = "figcaption", FIGURE = "figure",
    FONT = "font", FOOTER = "footer", FORM = "form", H1 = "h1", H2 = "h2", H3 = "h3", H4 = "h4",
    H5 = "h5", H6 = "h6", HEAD = "head", HEADER = "header", HGROUP = "hgroup", HR = "hr",
    HTML = "html", I = "i", IFRAME = "iframe", IMG = "img", INPUT = "input", LABEL = "label",
    LI = "li", LINK = "link", MAIN = "main", MATH = "math", MENU = "menu", META = "meta",
    NAV = "nav", NOSCRIPT = "noscript", OBJECT = "object", OL = "ol", OPTION = "option", P = "p",
    PICTURE = "picture", PRE = "pre", SCRIPT = "script", SECTION = "section", SELECT = "select",
    SOURCE = "source", SPAN = "span", STRONG = "strong", STYLE = "style", SUMMARY = "summary",
    SVG = "svg", TABLE = "table", TBODY = "tbody", TD = "td", TEMPLATE = "template",
    TEXTAREA = "textarea", TFOOT = "tfoot", TH = "th", THEAD = "thead", TIME = "time",
    TITLE = "title", TR = "tr", U = "u", UL = "ul", VIDEO = "video", TT = "tt", DFN = "dfn",
    KBD = "kbd", SAMP = "samp", VAR = "var", SMALL = "small", SUB = "sub", SUP = "sup",
    Q = "q", S = "s", STRIKE = "strike", MARK = "mark", WBR = "wbr", DEL = "del", INS = "ins",
}

const INTERN_BUCKETS: usize = 256;
const INTERN_SLOTS: usize = 4;

/// Hash of a tag name from its length and three bytes, ASCII case folded
/// (`| 0x20`: tag names are letters, digits and `-`, which it keeps apart).
const fn name_hash(b: &[u8]) -> usize {
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let (first, second, last) = ((b[0] | 0x20) as usize, (b[if n > 1 { 1 } else { 0 }] | 0x20) as usize, (b[n - 1] | 0x20) as usize);
    (n * 7 + first * 31 + second * 17 + last * 3) % INTERN_BUCKETS
}

/// Bucket → up to four tag numbers (0 = empty) whose names hash there,
/// built at compile time (a bucket overflowing fails the build).
const INTERN_TABLE: [[u8; INTERN_SLOTS]; INTERN_BUCKETS] = {
    let mut t = [[0u8; INTERN_SLOTS]; INTERN_BUCKETS];
    let mut i = 0;
    while i < NAMES.len() {
        let h = name_hash(NAMES[i].as_bytes());
        let mut k = 0;
        while t[h][k] != 0 {
            k += 1;
        }
        t[h][k] = i as u8 + 1;
        i += 1;
    }
    t
};

/// Interns a raw (any case) tag name without allocating: one hash, then a
/// compare with the few names in its bucket. (A chain of ~100 compares —
/// which is also what a `match` on the strings compiles to — cost about
/// 150 instructions for each element of the page.)
pub(crate) fn intern_bytes(raw: &[u8]) -> Tag {
    for &i in &INTERN_TABLE[name_hash(raw)] {
        if i == 0 {
            break;
        }
        if NAMES[i as usize - 1].as_bytes().eq_ignore_ascii_case(raw) {
            return Tag(i);
        }
    }
    Tag::OTHER
}

/// The raw tag name of the start tag at `start` (`<DIV class=x>` → `DIV`):
/// the bytes after `<` up to whitespace, `/` or `>`, as the tokenizer's
/// tag-name state reads them.
pub(crate) fn raw_name_at(src: &[u8], start: usize) -> &[u8] {
    let rest = src.get(start + 1..).unwrap_or(&[]);
    let n = rest.iter().position(|&b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')).unwrap_or(rest.len());
    &rest[..n]
}


#[cfg(test)]
#[test]
fn intern_finds_every_name() {
    for (i, n) in NAMES.iter().enumerate() {
        assert_eq!(intern(n), Tag(i as u8 + 1), "{n}");
    }
    for other in ["", "x", "divv", "my-element", "h7", "scrip"] {
        assert_eq!(intern(other), Tag::OTHER, "{other}");
    }
}

impl Tag {
    pub const OTHER: Tag = Tag(0);

    /// The lowercase name of a known tag (`None` for [`Tag::OTHER`]).
    pub fn name(self) -> Option<&'static str> {
        NAMES.get((self.0 as usize).wrapping_sub(1)).copied()
    }

    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    /// Block-level for Readability's "a div without block children is a
    /// paragraph" rule (its DIV_TO_P_ELEMS).
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::BLOCKQUOTE | Tag::DL | Tag::DIV | Tag::IMG | Tag::OL | Tag::P | Tag::PRE
                | Tag::TABLE | Tag::UL
        )
    }

    /// Tags whose text is scored as a paragraph (Readability's
    /// DEFAULT_TAGS_TO_SCORE).
    pub fn is_scored(self) -> bool {
        matches!(
            self,
            Tag::SECTION | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::P | Tag::TD
                | Tag::PRE
        )
    }

    /// Block boundaries for the text rendering (a line break before and
    /// after), the same set as the ground-truth converter `htmltext.py`.
    pub fn breaks_line(self) -> bool {
        matches!(
            self,
            Tag::ADDRESS | Tag::ARTICLE | Tag::ASIDE | Tag::BLOCKQUOTE | Tag::BODY | Tag::BR
                | Tag::CAPTION | Tag::CENTER | Tag::DD | Tag::DETAILS | Tag::DIV | Tag::DL
                | Tag::DT | Tag::FIELDSET | Tag::FIGCAPTION | Tag::FIGURE | Tag::FOOTER
                | Tag::FORM | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
                | Tag::HEAD | Tag::HEADER | Tag::HGROUP | Tag::HR | Tag::HTML | Tag::IFRAME
                | Tag::LI | Tag::MAIN | Tag::MENU | Tag::NAV | Tag::OL | Tag::OPTION | Tag::P
                | Tag::PRE | Tag::SECTION | Tag::SUMMARY | Tag::TABLE | Tag::TBODY | Tag::TD
                | Tag::TFOOT | Tag::TH | Tag::THEAD | Tag::TITLE | Tag::TR | Tag::UL
                | Tag::VIDEO | Tag::AUDIO
        )
    }

    /// Elements whose content is never visible text.
    pub fn is_invisible(self) -> bool {
        matches!(
            self,
            Tag::SCRIPT | Tag::STYLE | Tag::NOSCRIPT | Tag::TEMPLATE | Tag::SVG | Tag::MATH
                | Tag::HEAD | Tag::OBJECT | Tag::EMBED | Tag::SELECT | Tag::TITLE | Tag::TEXTAREA
                | Tag::IFRAME | Tag::CANVAS
        )
    }

}
