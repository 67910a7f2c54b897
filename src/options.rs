//! Options for [`clean`](crate::clean) and [`Cleaner`](crate::Cleaner).
//!
//! Every field has a documented default; [`Options::default()`] is what a
//! reader view wants. List options come in pairs: `add_*` extends the
//! built-in list, `rm_*` takes entries out of it (like ammonia and
//! DOMPurify's `ADD_TAGS`), so you never have to copy a default list to
//! change one entry.

use crate::error::{Error, Result};

/// How to clean a page. Build with `Options::default()` and set fields.
///
/// ```
/// let mut o = declutter::Options::default();
/// o.url = Some("https://example.com/a/b.html".into());
/// let a = declutter::clean("<p><a href='c.html'>link</a></p>", &o).unwrap();
/// assert!(a.content.contains("https://example.com/a/c.html"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, rename_all = "camelCase", deny_unknown_fields))]
#[non_exhaustive]
pub struct Options {
    /// The page's URL, used to resolve relative links and image sources
    /// (a `<base href>` in the page takes precedence, as in a browser).
    ///
    /// Default: `None` (relative URLs are kept relative).
    ///
    /// ```
    /// let mut o = declutter::Options::default();
    /// o.url = Some("http://fakehost/test/page.html".into());
    /// let a = declutter::clean("<p><img src='x.png'> text</p>", &o).unwrap();
    /// assert!(a.content.contains("http://fakehost/test/x.png"));
    /// ```
    pub url: Option<String>,

    /// Keep images (`<img>`, `<picture>`, figures) in `content`.
    ///
    /// Default: `true`.
    ///
    /// ```
    /// let mut o = declutter::Options::default();
    /// o.keep_images = false;
    /// let a = declutter::clean("<p><img src='http://x/y.png'>Words.</p>", &o).unwrap();
    /// assert!(!a.content.contains("<img"));
    /// ```
    pub keep_images: bool,

    /// Keep `class` attributes in `content`. Otherwise only `lang`, `dir`,
    /// `title` and the per-tag attributes of `rules::TAG_ATTRIBUTES`
    /// (`href`, `src`, `alt`, table spans, ...) survive; `id` never does
    /// (ids from the page would collide with the reader's own).
    ///
    /// Default: `false`.
    ///
    /// ```
    /// let mut o = declutter::Options::default();
    /// o.keep_classes = true;
    /// let a = declutter::clean("<p class='lead'>Words, words.</p>", &o).unwrap();
    /// assert!(a.content.contains("class=\"lead\""));
    /// ```
    pub keep_classes: bool,

    /// Remove junk (ads, consent banners, link lists, share bars, rating
    /// widgets, ...) *inside* the article too, not only around it.
    ///
    /// Default: `true`.
    ///
    /// ```
    /// let html = "<article><p>Body text, long enough.</p>\
    ///             <div class='share-buttons'><a href='/s'>Share</a></div></article>";
    /// let a = declutter::clean(html, &declutter::Options::default()).unwrap();
    /// assert!(!a.text_content.contains("Share"));
    /// ```
    pub remove_junk: bool,

    /// Minimum article length in characters before the extractor retries
    /// with looser rules (Readability's `charThreshold`).
    ///
    /// Default: [`Options::DEFAULT_CHAR_THRESHOLD`] (500).
    ///
    /// ```
    /// // A short story next to a `class="sidebar"` block: the first
    /// // attempt drops the sidebar as an unlikely candidate. Below the
    /// // threshold the extractor retries without that rule and keeps the
    /// // longest result, sidebar included.
    /// let html = "<body><div class='sidebar'><p>Sidebar text, long enough to be \
    ///             a paragraph of its own, with commas, and more words in it.</p></div>\
    ///             <div><p>The story, short, with commas, long enough to score as \
    ///             a paragraph of the article.</p><p>Its second paragraph, with more \
    ///             of the story, and commas.</p></div></body>";
    /// let mut o = declutter::Options::default();
    /// assert!(declutter::clean(html, &o).unwrap().text_content.contains("Sidebar"));
    /// o.char_threshold = 50;
    /// let a = declutter::clean(html, &o).unwrap();
    /// assert!(a.text_content.contains("The story") && !a.text_content.contains("Sidebar"));
    /// ```
    pub char_threshold: usize,

    /// Limit in bytes for lol_html's internal buffers (a start tag or an
    /// attribute that never ends is buffered whole). Above it cleaning
    /// fails with [`Error::MemoryLimitExceeded`].
    ///
    /// Default: [`Options::DEFAULT_MAX_MEMORY`] (64 MiB); at least
    /// [`Options::MIN_MAX_MEMORY`].
    ///
    /// ```
    /// let mut o = declutter::Options::default();
    /// o.max_memory = 1024;
    /// // A tag that spans chunks is buffered until it ends, or until the limit.
    /// let huge = format!("<p title='{}'>x</p>", "a".repeat(100_000));
    /// let mut c = declutter::Cleaner::new(o).unwrap();
    /// let err = huge.as_bytes().chunks(512).find_map(|ch| c.write(ch).err());
    /// assert!(matches!(err, Some(declutter::Error::MemoryLimitExceeded { .. })));
    /// ```
    pub max_memory: usize,

    /// Largest input in bytes the cleaner accepts (input positions are
    /// kept as `u32`, so at most [`Options::MAX_INPUT_BYTES_CEILING`]).
    ///
    /// Default: [`Options::DEFAULT_MAX_INPUT_BYTES`] (512 MiB).
    ///
    /// ```
    /// let mut o = declutter::Options::default();
    /// o.max_input_bytes = 10;
    /// assert!(declutter::clean("<p>more than ten bytes</p>", &o).is_err());
    /// ```
    pub max_input_bytes: usize,

    /// Tags to allow in `content` on top of the built-in allowlist
    /// (`rules::ALLOWED_TAGS`). Dangerous tags (`script`, `iframe` outside
    /// the video hosts, `object`, `form`, `style`, ...) can never be added.
    ///
    /// Default: empty.
    ///
    /// ```
    /// let mut o = declutter::Options::default();
    /// o.add_allowed_tags = vec!["kbd".into()];
    /// let a = declutter::clean("<p>Press <kbd>Esc</kbd>, then wait.</p>", &o).unwrap();
    /// assert!(a.content.contains("<kbd>"));
    /// ```
    pub add_allowed_tags: Vec<String>,

    /// Tags to take out of the built-in allowlist: they are unwrapped
    /// (their text stays, the tag goes).
    ///
    /// Default: empty.
    ///
    /// ```
    /// let mut o = declutter::Options::default();
    /// o.rm_allowed_tags = vec!["em".into()];
    /// let a = declutter::clean("<p>Some <em>stress</em>, here.</p>", &o).unwrap();
    /// assert!(!a.content.contains("<em>") && a.text_content.contains("stress"));
    /// ```
    pub rm_allowed_tags: Vec<String>,

    /// Extra class/id tokens that mark an element as junk (removed in the
    /// category `custom`), on top of the built-in token tables
    /// (`rules::AD_TOKENS`, `rules::SHARE_TOKENS`, ...). A token matches a
    /// whole class/id word; one with a hyphen also matches as a substring.
    ///
    /// Default: empty.
    ///
    /// ```
    /// let html = "<article><p>Body text, long enough, with commas.</p>\
    ///             <div class='kitten-corner'>Adopt a kitten</div></article>";
    /// let mut o = declutter::Options::default();
    /// assert!(declutter::clean(html, &o).unwrap().text_content.contains("Adopt a kitten"));
    /// o.add_junk_tokens = vec!["kitten-corner".into()];
    /// let a = declutter::clean(html, &o).unwrap();
    /// assert!(!a.text_content.contains("Adopt a kitten"));
    /// assert_eq!(a.report.removed[0].category, declutter::Category::Custom);
    /// ```
    pub add_junk_tokens: Vec<String>,

    /// Built-in junk tokens to ignore (for a site whose article container
    /// is, say, `class="sidebar-layout"`).
    ///
    /// Default: empty.
    ///
    /// ```
    /// let html = "<article><p>Body text, long enough, with commas.</p>\
    ///             <div class='feedback'>Words from the editors</div></article>";
    /// let mut o = declutter::Options::default();
    /// assert!(!declutter::clean(html, &o).unwrap().text_content.contains("editors"));
    /// o.rm_junk_tokens = vec!["feedback".into()];
    /// assert!(declutter::clean(html, &o).unwrap().text_content.contains("Words from the editors"));
    /// ```
    pub rm_junk_tokens: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            keep_images: true,
            keep_classes: false,
            remove_junk: true,
            char_threshold: Options::DEFAULT_CHAR_THRESHOLD,
            max_memory: Options::DEFAULT_MAX_MEMORY,
            max_input_bytes: Options::DEFAULT_MAX_INPUT_BYTES,
            add_allowed_tags: Vec::new(),
            rm_allowed_tags: Vec::new(),
            add_junk_tokens: Vec::new(),
            rm_junk_tokens: Vec::new(),
        }
    }
}

impl Options {
    /// Default of [`Options::char_threshold`] (from the rules table).
    pub const DEFAULT_CHAR_THRESHOLD: usize = crate::rules::DEFAULT_CHAR_THRESHOLD;
    /// Default of [`Options::max_memory`].
    pub const DEFAULT_MAX_MEMORY: usize = 64 << 20;
    /// Default of [`Options::max_input_bytes`].
    pub const DEFAULT_MAX_INPUT_BYTES: usize = 512 << 20;
    /// Smallest [`Options::max_memory`]: lol_html needs room for at least
    /// one short tag in its buffer.
    pub const MIN_MAX_MEMORY: usize = 256;
    /// Largest [`Options::max_input_bytes`]: pass 1 records input
    /// positions as `u32` (12 bytes a text chunk instead of 24).
    pub const MAX_INPUT_BYTES_CEILING: usize = u32::MAX as usize;

    /// Checks that the options can work; `clean` calls it first.
    ///
    /// ```
    /// let mut o = declutter::Options::default();
    /// o.max_memory = 0;
    /// assert!(o.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.max_memory < Options::MIN_MAX_MEMORY {
            return Err(Error::InvalidOption(format!(
                "maxMemory must be at least {} bytes, got {}",
                Options::MIN_MAX_MEMORY,
                self.max_memory
            )));
        }
        if self.max_input_bytes == 0 {
            return Err(Error::InvalidOption("maxInputBytes must be positive".into()));
        }
        if self.max_input_bytes > Options::MAX_INPUT_BYTES_CEILING {
            return Err(Error::InvalidOption(format!(
                "maxInputBytes must be at most {} (input positions are 32-bit), got {}",
                Options::MAX_INPUT_BYTES_CEILING,
                self.max_input_bytes
            )));
        }
        if let Some(u) = &self.url {
            if !crate::html::url::is_absolute_http(u) {
                return Err(Error::InvalidOption(format!(
                    "url must be an absolute http(s) URL, got {u:?}"
                )));
            }
        }
        for t in self.add_allowed_tags.iter() {
            if crate::rules::FORBIDDEN_TAGS.contains(&t.to_ascii_lowercase().as_str()) {
                return Err(Error::InvalidOption(format!("tag <{t}> can never be allowed")));
            }
        }
        Ok(())
    }
}
