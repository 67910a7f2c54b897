//! Charset sniffing and decoding like a browser (WHATWG HTML §13.2.3,
//! "Determining the character encoding").
//!
//! [`decode_html`] turns the raw bytes of a page into a `String`; it is what
//! [`clean_bytes`](crate::clean_bytes) calls. [`sniff`] and [`sniff_detailed`]
//! only pick the encoding, for callers and tests that want to know which one
//! was chosen and why.
//!
//! The order of the steps, first match wins:
//!
//! 1. **Byte order mark** — `EF BB BF` (UTF-8), `FF FE` (UTF-16LE), `FE FF`
//!    (UTF-16BE). The BOM beats everything, including a wrong `<meta>`, and is
//!    never part of the decoded text.
//! 2. **Transport charset** — the `charset` parameter of the HTTP
//!    `Content-Type`, if the caller has one. It is resolved with the WHATWG
//!    label table ([`Encoding::for_label`]: `latin1` and `iso-8859-1` mean
//!    windows-1252, `gb2312` means GBK, ...). **An unknown label is ignored**,
//!    exactly as a browser ignores it, and sniffing goes on. Callers that
//!    want to reject a user-typed label instead (a CLI flag, say) check it
//!    first with [`transport_encoding`], which returns
//!    [`Error::UnknownEncoding`].
//! 3. **`<meta>` prescan** — the WHATWG "prescan a byte stream" algorithm
//!    over the first 1024 bytes: `<meta charset=...>` and
//!    `<meta http-equiv="Content-Type" content="...; charset=...">`, skipping
//!    comments and the attributes of other tags. A UTF-16 label found this
//!    way means UTF-8 (the bytes are evidently ASCII-compatible) and
//!    `x-user-defined` means windows-1252.
//! 4. **`<meta>` later in the document** — a browser whose prescan found
//!    nothing still "changes the encoding" (and reparses) when the tree
//!    builder meets such a `<meta>` element further down, e.g. after a long
//!    comment. This runs a tokenizer-aware lol_html pass over the bytes, so a
//!    `<meta>` inside a comment, an attribute value or unterminated markup
//!    does not count, and stops at the first hit. Attribute values are taken
//!    as written (character references inside a charset label are not
//!    decoded).
//! 5. **UTF-8 detection** — with no declaration at all, bytes that are valid
//!    UTF-8 and contain at least one non-ASCII byte are decoded as UTF-8
//!    (what Chromium's detector concludes for such pages; the spec allows
//!    autodetection at this step). A declaration always wins over this check:
//!    a page that says `windows-1252` but holds UTF-8 bytes decodes as
//!    windows-1252 (mojibake), like in every browser.
//! 6. **Fallback** — windows-1252.
//!
//! Decoding never fails: malformed sequences become U+FFFD, as in a browser.
//! Pure-ASCII input without declaration reports windows-1252, which decodes
//! ASCII identically to UTF-8.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

use crate::error::{Error, Result};

/// How many bytes the `<meta>` prescan looks at (the spec's recommendation).
pub const PRESCAN_BYTES: usize = 1024;

/// Which step of the sniffing algorithm picked the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// A byte order mark at the start of the input.
    Bom,
    /// The transport charset passed by the caller.
    Transport,
    /// A `<meta>` found by the prescan of the first [`PRESCAN_BYTES`] bytes.
    MetaPrescan,
    /// A `<meta>` element found later in the document by the tokenizer.
    MetaInDocument,
    /// No declaration; the bytes are valid UTF-8 with non-ASCII characters.
    Utf8Detected,
    /// No declaration; windows-1252.
    Default,
}

/// The outcome of [`sniff_detailed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    /// The encoding to decode with.
    pub encoding: &'static Encoding,
    /// Which step chose it.
    pub source: Source,
    /// Length of the byte order mark to skip before decoding (0, 2 or 3).
    pub bom_len: usize,
}

/// Picks the encoding of an HTML page the way a browser does (see the
/// [module documentation](self) for the steps).
///
/// ```
/// use declutter::encoding::sniff;
/// assert_eq!(sniff(b"\xEF\xBB\xBF<meta charset=latin1>", None).name(), "UTF-8");
/// assert_eq!(sniff(b"<meta charset=latin1>caf\xE9", None).name(), "windows-1252");
/// assert_eq!(sniff(b"<meta charset='utf-16'>", None).name(), "UTF-8");
/// assert_eq!(sniff(b"<p>caf\xE9</p>", Some("koi8-r")).name(), "KOI8-R");
/// assert_eq!(sniff(b"<p>caf\xC3\xA9</p>", None).name(), "UTF-8");
/// assert_eq!(sniff(b"<p>caf\xE9</p>", Some("no-such-charset")).name(), "windows-1252");
/// ```
pub fn sniff(bytes: &[u8], transport: Option<&str>) -> &'static Encoding {
    sniff_detailed(bytes, transport).encoding
}

/// Like [`sniff`], but also tells which step decided and how long the BOM is.
pub fn sniff_detailed(bytes: &[u8], transport: Option<&str>) -> Sniffed {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Sniffed { encoding, source: Source::Bom, bom_len };
    }
    if let Some(encoding) = transport.and_then(|l| Encoding::for_label(l.as_bytes())) {
        return Sniffed { encoding, source: Source::Transport, bom_len: 0 };
    }
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if let Some(encoding) = prescan(head) {
        return Sniffed { encoding, source: Source::MetaPrescan, bom_len: 0 };
    }
    if let Some(encoding) = meta_in_document(bytes) {
        return Sniffed { encoding, source: Source::MetaInDocument, bom_len: 0 };
    }
    if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return Sniffed { encoding: UTF_8, source: Source::Utf8Detected, bom_len: 0 };
    }
    Sniffed { encoding: WINDOWS_1252, source: Source::Default, bom_len: 0 }
}

/// Resolves a transport charset label strictly: the encoding for a label
/// that browsers know (`" Latin1 "`, `"utf8"`, `"Shift_JIS"`, ...), or
/// [`Error::UnknownEncoding`] for anything else. [`decode_html`] itself
/// ignores unknown labels like a browser; use this first to refuse them.
///
/// ```
/// use declutter::encoding::transport_encoding;
/// assert_eq!(transport_encoding("latin1").unwrap().name(), "windows-1252");
/// assert!(matches!(transport_encoding("klingon"), Err(declutter::Error::UnknownEncoding(_))));
/// ```
pub fn transport_encoding(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.as_bytes()).ok_or_else(|| Error::UnknownEncoding(label.to_string()))
}

/// Decodes HTML bytes to a string like a browser: [`sniff_detailed`] picks
/// the encoding, the BOM is dropped, malformed sequences become U+FFFD.
/// Never fails and never panics, whatever the bytes; the `Result` is kept so
/// that a stricter policy can be added without breaking callers.
///
/// ```
/// let s = declutter::encoding::decode_html(b"<meta charset=windows-1251><p>\xCF\xF0\xE8\xE2\xE5\xF2", None).unwrap();
/// assert!(s.ends_with("Привет"));
/// let s = declutter::encoding::decode_html(b"\xFF\xFEh\x00i\x00", None).unwrap();
/// assert_eq!(s, "hi");
/// ```
pub fn decode_html(bytes: &[u8], transport: Option<&str>) -> Result<String> {
    Ok(decode_html_cow(bytes, transport).into_owned())
}

/// Like [`decode_html`], without a copy when none is needed: the result
/// borrows `bytes` when they already are the text (valid UTF-8 decoded as
/// UTF-8, BOM skipped; or ASCII-only bytes in an ASCII-compatible
/// encoding). For a large page this saves one input-sized allocation, which
/// counts against the peak-memory bar of issue 5 (3 × input + 64 MB).
///
/// ```
/// use std::borrow::Cow;
/// let page = b"\xEF\xBB\xBF<p>caf\xC3\xA9</p>";
/// let text = declutter::encoding::decode_html_cow(page, None);
/// assert!(matches!(text, Cow::Borrowed("<p>café</p>")));
/// ```
pub fn decode_html_cow<'a>(bytes: &'a [u8], transport: Option<&str>) -> std::borrow::Cow<'a, str> {
    // Without a BOM or a transport charset, bytes that are valid UTF-8 are
    // read as UTF-8 whatever a `<meta>` says. ASCII-only bytes decode the
    // same in every ASCII-compatible encoding; non-ASCII bytes that form
    // valid UTF-8 under a legacy label are, in practice, a page saved as
    // UTF-8 with a stale `<meta charset=gb2312>` (a real gb2312/1251/1252
    // page almost never forms valid UTF-8) — the corpus README accepts the
    // intended text for such pages. It also spares a second parse looking
    // for a late `<meta>`. ESC (0x1B) is excluded: ISO-2022-JP is 7-bit.
    // `sniff` itself still answers what the spec's algorithm picks.
    if Encoding::for_bom(bytes).is_none()
        && transport.and_then(|l| Encoding::for_label(l.as_bytes())).is_none()
        && memchr::memchr(0x1B, bytes).is_none()
    {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return std::borrow::Cow::Borrowed(text);
        }
    }
    let s = sniff_detailed(bytes, transport);
    let (text, _had_errors) = s.encoding.decode_without_bom_handling(&bytes[s.bom_len..]);
    text
}

/// What a `<meta>` label means when it comes from the document itself
/// (spec: UTF-16 from a meta is UTF-8, x-user-defined is windows-1252).
fn adjust_meta_encoding(e: &'static Encoding) -> &'static Encoding {
    if e == UTF_16BE || e == UTF_16LE {
        UTF_8
    } else if e == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        e
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

/// Bytes ran out: the prescan fails (spec: "runs out of bytes").
struct OutOfBytes;

/// The WHATWG "prescan a byte stream to determine its encoding" algorithm.
/// `bytes` is the window to scan (the first 1024 bytes).
pub(crate) fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    // Prescan for UTF-16 XML declarations.
    if bytes.starts_with(b"<\0?\0x\0") {
        return Some(UTF_16LE);
    }
    if bytes.starts_with(b"\0<\0?\0x") {
        return Some(UTF_16BE);
    }
    prescan_loop(bytes).ok().flatten()
}

fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

fn prescan_loop(b: &[u8]) -> std::result::Result<Option<&'static Encoding>, OutOfBytes> {
    let mut pos = 0usize;
    while pos < b.len() {
        let rest = &b[pos..];
        if rest.starts_with(b"<!--") {
            // The first '>' preceded by "--", counting from the "<!--" itself
            // so that "<!-->" and "<!--->" end the comment.
            let mut i = pos + 2;
            loop {
                if i + 2 >= b.len() {
                    return Err(OutOfBytes);
                }
                if b[i] == b'-' && b[i + 1] == b'-' && b[i + 2] == b'>' {
                    pos = i + 2;
                    break;
                }
                i += 1;
            }
        } else if starts_with_ci(rest, b"<meta") && rest.len() > 5 && (is_space(rest[5]) || rest[5] == b'/') {
            pos += 6;
            if let Some(e) = prescan_meta(b, &mut pos)? {
                return Ok(Some(e));
            }
        } else if rest.len() >= 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.len() >= 3 && rest[2].is_ascii_alphabetic()))
        {
            // Any other tag: skip its name, then its attributes.
            while pos < b.len() && !is_space(b[pos]) && b[pos] != b'>' {
                pos += 1;
            }
            if pos >= b.len() {
                return Err(OutOfBytes);
            }
            while get_attribute(b, &mut pos)?.is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            match b[pos + 2..].iter().position(|&c| c == b'>') {
                Some(i) => pos = pos + 2 + i,
                None => return Err(OutOfBytes),
            }
        }
        // "Next byte".
        pos += 1;
    }
    Ok(None)
}

/// The body of a `<meta` tag in the prescan; `pos` is just after the
/// space or slash that follows `<meta`.
fn prescan_meta(b: &[u8], pos: &mut usize) -> std::result::Result<Option<&'static Encoding>, OutOfBytes> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    // None = null; Some(None) = failure; Some(Some(e)) = an encoding.
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Some((name, value)) = get_attribute(b, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => {
                if value == b"content-type" {
                    got_pragma = true;
                }
            }
            b"content" => {
                if charset.is_none() {
                    if let Some(e) = extract_from_content(&value) {
                        charset = Some(Some(e));
                        need_pragma = Some(true);
                    }
                }
            }
            b"charset" => {
                charset = Some(Encoding::for_label(&value));
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let Some(need_pragma) = need_pragma else { return Ok(None) };
    if need_pragma && !got_pragma {
        return Ok(None);
    }
    match charset {
        Some(Some(e)) => Ok(Some(adjust_meta_encoding(e))),
        _ => Ok(None),
    }
}

/// The spec's "get an attribute" for the prescan. Names and values come back
/// ASCII-lowercased. `Ok(None)` means the tag ended (`>`).
fn get_attribute(b: &[u8], pos: &mut usize) -> std::result::Result<Option<(Vec<u8>, Vec<u8>)>, OutOfBytes> {
    let at = |p: usize| b.get(p).copied().ok_or(OutOfBytes);
    while is_space(at(*pos)?) || at(*pos)? == b'/' {
        *pos += 1;
    }
    if at(*pos)? == b'>' {
        return Ok(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    loop {
        let c = at(*pos)?;
        if c == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        } else if is_space(c) {
            // Spaces, then maybe '='.
            while is_space(at(*pos)?) {
                *pos += 1;
            }
            if at(*pos)? != b'=' {
                return Ok(Some((name, value)));
            }
            *pos += 1;
            break;
        } else if c == b'/' || c == b'>' {
            return Ok(Some((name, value)));
        } else {
            name.push(c.to_ascii_lowercase());
        }
        *pos += 1;
    }
    while is_space(at(*pos)?) {
        *pos += 1;
    }
    let c = at(*pos)?;
    if c == b'"' || c == b'\'' {
        loop {
            *pos += 1;
            let d = at(*pos)?;
            if d == c {
                *pos += 1;
                return Ok(Some((name, value)));
            }
            value.push(d.to_ascii_lowercase());
        }
    }
    if c == b'>' {
        return Ok(Some((name, value)));
    }
    value.push(c.to_ascii_lowercase());
    *pos += 1;
    loop {
        let c = at(*pos)?;
        if is_space(c) || c == b'>' {
            return Ok(Some((name, value)));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
    }
}

/// The spec's "algorithm for extracting a character encoding from a meta
/// element" (the `content` attribute of an http-equiv Content-Type meta).
fn extract_from_content(s: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0usize;
    loop {
        // Find "charset", case-insensitively, from pos.
        let i = s[pos..].windows(7).position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        pos += i + 7;
        while pos < s.len() && is_space(s[pos]) {
            pos += 1;
        }
        if pos < s.len() && s[pos] == b'=' {
            pos += 1;
            break;
        }
        // Not followed by '=': look for the next "charset".
    }
    while pos < s.len() && is_space(s[pos]) {
        pos += 1;
    }
    let c = *s.get(pos)?;
    if c == b'"' || c == b'\'' {
        let rest = &s[pos + 1..];
        let end = rest.iter().position(|&d| d == c)?;
        return Encoding::for_label(&rest[..end]);
    }
    let rest = &s[pos..];
    let end = rest.iter().position(|&d| is_space(d) || d == b';').unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Step 4: the first `<meta>` element, as the tokenizer sees it, that
/// declares a known encoding (the tree builder's "change the encoding").
fn meta_in_document(bytes: &[u8]) -> Option<&'static Encoding> {
    use lol_html::{element, AsciiCompatibleEncoding, HtmlRewriter, MemorySettings, Settings};
    use std::cell::Cell;

    // Cheap pre-check: no "<meta" anywhere means nothing to find.
    if !bytes.windows(5).any(|w| w.eq_ignore_ascii_case(b"<meta")) {
        return None;
    }
    let found: Cell<Option<&'static Encoding>> = Cell::new(None);
    let encoding = AsciiCompatibleEncoding::new(WINDOWS_1252)?;
    let settings = Settings::new()
        .with_encoding(encoding)
        .with_strict(false)
        .with_memory_settings(MemorySettings::new().with_max_allowed_memory_usage(16 << 20))
        .append_element_content_handler(element!("meta", |el| {
            let from_charset = el.get_attribute("charset").and_then(|v| Encoding::for_label(v.as_bytes()));
            let from_pragma = || {
                let equiv = el.get_attribute("http-equiv")?;
                if !equiv.eq_ignore_ascii_case("content-type") {
                    return None;
                }
                extract_from_content(el.get_attribute("content")?.as_bytes())
            };
            if let Some(e) = from_charset.or_else(from_pragma) {
                found.set(Some(adjust_meta_encoding(e)));
                // Stop the pass: the first declaration decides.
                return Err("found".into());
            }
            Ok(())
        }));
    // The output sink is a plain `fn(&[u8])`, the very type the walk
    // (html/walk.rs) and to_markdown use: lol_html's whole tokenizer and
    // dispatcher are generic over the sink, and a closure here (its own
    // type) compiled them a second time into the wasm (~40 KB raw).
    let mut rewriter = HtmlRewriter::new(settings, (|_: &[u8]| {}) as fn(&[u8]));
    // Any error (our early stop, the memory limit, a parser bail-out) ends
    // the pass; the rewriter is dropped without calling it again.
    if rewriter.write(bytes).is_ok() {
        let _ = rewriter.end();
    }
    found.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_everything() {
        let s = sniff_detailed(b"\xEF\xBB\xBF<meta charset=koi8-r>", Some("gbk"));
        assert_eq!((s.encoding, s.source, s.bom_len), (UTF_8, Source::Bom, 3));
        assert_eq!(sniff(b"\xFE\xFF\0a", Some("utf-8")), UTF_16BE);
        assert_eq!(sniff(b"\xFF\xFEa\0", None), UTF_16LE);
    }

    #[test]
    fn transport_beats_meta_and_unknown_transport_is_ignored() {
        assert_eq!(sniff(b"<meta charset=koi8-r>", Some(" GBK ")).name(), "GBK");
        assert_eq!(sniff(b"<meta charset=koi8-r>", Some("bogus")).name(), "KOI8-R");
        // A UTF-16 transport label is honoured as such (only a <meta> is corrected).
        assert_eq!(sniff(b"<\0p\0>\0", Some("utf-16")), UTF_16LE);
    }

    #[test]
    fn meta_forms() {
        assert_eq!(sniff(b"<meta http-equiv=Content-Type content='text/html; charset=\"koi8-r\"'>", None).name(), "KOI8-R");
        assert_eq!(sniff(b"<meta content='text/html; charset=koi8-r'>", None), WINDOWS_1252);
        assert_eq!(sniff(b"<meta charset=x-user-defined>", None), WINDOWS_1252);
        assert_eq!(sniff(b"<!-- <meta charset=koi8-r> --><meta charset=gbk>", None).name(), "GBK");
        assert_eq!(sniff(b"<!--><meta charset=gbk>", None).name(), "GBK");
    }

    #[test]
    fn late_meta_is_found_by_the_tokenizer_only_outside_comments_and_attributes() {
        let pad = "x".repeat(3000);
        let late = format!("<title>{pad}</title><meta charset=iso-8859-2>");
        let s = sniff_detailed(late.as_bytes(), None);
        assert_eq!((s.encoding.name(), s.source), ("ISO-8859-2", Source::MetaInDocument));
        let in_comment = format!("<!-- {pad} <meta charset=iso-8859-2> -->");
        assert_eq!(sniff(in_comment.as_bytes(), None), WINDOWS_1252);
        let in_attr = format!("<p title='{pad}<meta charset=iso-8859-2>'>");
        assert_eq!(sniff(in_attr.as_bytes(), None), WINDOWS_1252);
    }

    #[test]
    fn utf8_detection_only_without_declaration() {
        assert_eq!(sniff("<p>Grüße</p>".as_bytes(), None), UTF_8);
        assert_eq!(sniff("<meta charset=windows-1252><p>Grüße</p>".as_bytes(), None), WINDOWS_1252);
        assert_eq!(sniff(b"<p>Gr\xFC\xDFe</p>", None), WINDOWS_1252);
        assert_eq!(sniff(b"<p>plain ascii</p>", None), WINDOWS_1252);
    }

    #[test]
    fn decoding_never_fails() {
        assert_eq!(decode_html(b"<meta charset=utf-8>\xFF", None).unwrap(), "<meta charset=utf-8>\u{FFFD}");
        assert_eq!(decode_html(b"", None).unwrap(), "");
        assert_eq!(decode_html(b"\xEF\xBB\xBF", None).unwrap(), "");
        assert_eq!(decode_html(b"\xFF\xFE\x00", None).unwrap(), "\u{FFFD}");
        // Truncated prescan input never panics.
        for cut in 0..40 {
            let page = b"<meta http-equiv='content-type' content='text/html; charset=gbk'>";
            let _ = sniff(&page[..cut.min(page.len())], None);
        }
    }
}
