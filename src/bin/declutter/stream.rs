//! `declutter batch --warc FILE` and `declutter batch --jsonl`: pages from a
//! WARC file (or stdin) or from `{"url", "html"}` lines on stdin, one JSON
//! line out per page, for Spark's `RDD.pipe`, Hadoop Streaming and shell
//! pipelines.
//!
//! Bad input never stops the run and is never dropped silently: a broken
//! WARC record, a truncated or corrupt gzip member, an HTTP response that
//! does not parse, a JSONL line that is not `{"url", "html"}` each becomes
//! one `{"url", "error"}` line, a message on stderr and a count in the
//! summary. A page that is not UTF-8 and declares no charset is decoded as
//! windows-1252 (what a browser does), and its line carries a `warning`.
//!
//! Records are read on the calling thread and cleaned in batches on the
//! rayon pool; output order is input order.

use std::cell::Cell;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::rc::Rc;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::Value;

use crate::args::BatchArgs;
use crate::batch;

/// Pages cleaned per parallel batch: enough to keep every core busy, few
/// enough that memory stays bounded on a multi-GB WARC.
const BATCH_PAGES: usize = 256;
/// ... or this many bytes of HTML, whichever comes first.
const BATCH_BYTES: usize = 64 << 20;
/// HTTP headers a response may have before it counts as malformed
/// (httparse needs a fixed array; real responses have 10-40).
const MAX_HTTP_HEADERS: usize = 256;
/// After this many consecutive read errors without a good record in
/// between, the input is not a WARC file at all: stop instead of reporting
/// every line of it.
const MAX_CONSECUTIVE_ERRORS: usize = 10_000;

/// One unit of input, in order.
#[derive(Debug)]
pub enum Item {
    /// An HTML page to clean.
    Page(PageIn),
    /// A record that is not an HTML page (request, warcinfo, image, redirect, ...).
    Skipped,
    /// Input that could not be read as a record or line, with the reason.
    Bad { url: Option<String>, error: String },
}

/// A page to clean.
#[derive(Debug)]
pub struct PageIn {
    pub url: Option<String>,
    /// Charset from the HTTP Content-Type, if any.
    pub charset: Option<String>,
    pub body: Body,
}

/// The page's source.
#[derive(Debug)]
pub enum Body {
    /// Raw bytes (WARC): decoded with BOM / transport charset / meta / windows-1252.
    Bytes(Vec<u8>),
    /// Already text (JSONL).
    Text(String),
}

impl Body {
    fn len(&self) -> usize {
        match self {
            Body::Bytes(b) => b.len(),
            Body::Text(t) => t.len(),
        }
    }
}

/// Counts bytes read through it (for the progress bar).
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Remembers whether the reader under it failed (a gzip member that is
/// truncated or corrupt), which the WARC reader reports only as a record error.
struct Failed<R> {
    inner: R,
    failed: Option<String>,
}

impl<R: Read> Read for Failed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => Ok(n),
            Err(e) => {
                self.failed.get_or_insert_with(|| e.to_string());
                Err(e)
            }
        }
    }
}

/// A BufRead that counts the bytes consumed through it: where a gzip
/// member started, to tell whether a failed one moved the input at all.
struct Consumed<R> {
    inner: R,
    pos: Rc<Cell<u64>>,
}

impl<R: BufRead> Consumed<R> {
    fn new(inner: R) -> Self {
        Consumed { inner, pos: Rc::new(Cell::new(0)) }
    }
}

impl<R: Read> Read for Consumed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos.set(self.pos.get() + n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Consumed<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos.set(self.pos.get() + amt as u64);
        self.inner.consume(amt);
    }
}

/// The `key=value` parameter `charset` of a Content-Type value.
pub fn content_type_charset(ct: &str) -> Option<String> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).trim().to_string())
    })
    .filter(|c| !c.is_empty())
}

/// Decodes a `Transfer-Encoding: chunked` body; `None` when it is not
/// well-formed chunked data.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n")?;
        let line = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?.strip_prefix(b"\r\n").unwrap_or(&b[size..]);
    }
}

/// An HTTP response (a WARC response record's block) to an [`Item`].
pub fn http_item(url: Option<String>, block: &[u8]) -> Item {
    let mut headers = vec![httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
    let mut resp = httparse::Response::new(&mut headers);
    let body_at = match resp.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Item::Bad { url, error: "HTTP response headers are incomplete".into() };
        }
        Err(e) => return Item::Bad { url, error: format!("HTTP response does not parse: {e}") },
    };
    // Redirects, 404 pages, server errors: not the page's content.
    if !resp.code.is_some_and(|c| (200..300).contains(&c)) {
        return Item::Skipped;
    }
    let header = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let ct = header("content-type");
    let mut body = block[body_at..].to_vec();
    if let Some(te) = header("transfer-encoding") {
        if te.to_ascii_lowercase().contains("chunked") {
            match dechunk(&body) {
                Some(b) => body = b,
                None => return Item::Bad { url, error: "malformed chunked body".into() },
            }
        }
    }
    match header("content-encoding").map(|e| e.to_ascii_lowercase()).as_deref() {
        None | Some("") | Some("identity") => {}
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            if let Err(e) = flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut out) {
                return Item::Bad { url, error: format!("gzip Content-Encoding does not decode: {e}") };
            }
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            if let Err(e) = flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out) {
                return Item::Bad { url, error: format!("deflate Content-Encoding does not decode: {e}") };
            }
            body = out;
        }
        Some(other) => return Item::Bad { url, error: format!("unsupported Content-Encoding {other:?}") },
    }
    let html = match ct.as_deref().map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase()) {
        Some(m) if m.is_empty() => looks_like_html(&body),
        Some(m) => m == "text/html" || m == "application/xhtml+xml",
        // No Content-Type: a browser sniffs; so do we, on the first bytes.
        None => looks_like_html(&body),
    };
    if !html {
        return Item::Skipped;
    }
    Item::Page(PageIn { url, charset: ct.as_deref().and_then(content_type_charset), body: Body::Bytes(body) })
}

/// The first KB starts like markup (`<!doctype`, `<html`, `<head`, ...).
fn looks_like_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let lower = head[start..].to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<!--"].iter().any(|p| lower.starts_with(p.as_bytes()))
}

/// Turns one parsed WARC record into an item.
fn record_item(rec: &warc::Record<warc::BufferedBody>) -> Item {
    if *rec.warc_type() != warc::RecordType::Response {
        return Item::Skipped;
    }
    let url = rec.header(warc::WarcHeader::TargetURI).map(|u| u.trim_matches(['<', '>']).to_string());
    // Only HTTP(S) responses carry an HTTP header block (not dns:, ftp:, ...).
    let ct = rec.header(warc::WarcHeader::ContentType).map(|c| c.to_ascii_lowercase()).unwrap_or_default();
    if !ct.starts_with("application/http") {
        return Item::Skipped;
    }
    http_item(url, rec.body())
}

/// Reads WARC records from `r` (one gzip member or an uncompressed stream)
/// into `emit`. A run of unreadable bytes between two good records is
/// one bad record. Returns the read error that ended it early, if any.
fn read_records<R: BufRead>(r: R, emit: &mut dyn FnMut(Item) -> bool) -> Option<String> {
    let r = Consumed::new(r);
    let pos = r.pos.clone();
    let mut good_end = 0u64;
    let mut in_error = false;
    let mut consecutive = 0usize;
    for rec in warc::WarcReader::new(r).iter_records() {
        match rec {
            Ok(rec) => {
                good_end = pos.get();
                in_error = false;
                consecutive = 0;
                if !emit(record_item(&rec)) {
                    return None;
                }
            }
            Err(warc::Error::ReadData(e)) => return Some(e.to_string()),
            // The crate's "unexpected end of body": the input ends inside a record.
            Err(e @ warc::Error::UnexpectedEOB) if !in_error => {
                emit(Item::Bad { url: None, error: format!("broken WARC record at the end of the input: {e}") });
                return None;
            }
            Err(e) => {
                consecutive += 1;
                if consecutive > MAX_CONSECUTIVE_ERRORS {
                    return Some(format!("giving up after {MAX_CONSECUTIVE_ERRORS} unreadable records: {e}"));
                }
                if !in_error {
                    in_error = true;
                    if !emit(Item::Bad { url: None, error: format!("broken WARC record: {e}") }) {
                        return None;
                    }
                }
            }
        }
    }
    // The crate ends quietly on trailing bytes without a blank line (a cut
    // header, a text file): those are a record lost, so say so.
    let trailing = pos.get().saturating_sub(good_end);
    if trailing > 0 && !in_error {
        emit(Item::Bad { url: None, error: format!("{trailing} bytes at the end are not a complete WARC record") });
    }
    None
}

/// Every item of a WARC stream, gzip-compressed (a member per record, or
/// one for all) or not. For gzip, each member is read on its own: a bad
/// member costs its records only, and reading resumes at the next gzip
/// header.
pub fn warc_items<R: BufRead>(input: R, emit: &mut dyn FnMut(Item) -> bool) {
    let mut input = Consumed::new(input);
    let gz = match input.fill_buf() {
        Ok(b) => b.starts_with(&[0x1f, 0x8b]),
        Err(e) => {
            emit(Item::Bad { url: None, error: format!("cannot read: {e}") });
            return;
        }
    };
    if !gz {
        if let Some(e) = read_records(&mut input, emit) {
            emit(Item::Bad { url: None, error: format!("read error, rest of the input lost: {e}") });
        }
        return;
    }
    loop {
        let start = input.pos.get();
        match input.fill_buf() {
            Ok([]) => return,
            Ok(_) => {}
            Err(e) => {
                emit(Item::Bad { url: None, error: format!("cannot read: {e}") });
                return;
            }
        }
        let mut member = Failed { inner: flate2::bufread::GzDecoder::new(&mut input), failed: None };
        let mut goes_on = true;
        let err = read_records(BufReader::new(&mut member), &mut |it| {
            goes_on = emit(it);
            goes_on
        });
        if !goes_on {
            return;
        }
        let failed = member.failed.take();
        drop(member);
        if let Some(e) = failed.or(err) {
            if !emit(Item::Bad { url: None, error: format!("bad gzip member: {e}") }) {
                return;
            }
            // Resynchronize at the next gzip header (1f 8b 08): right here
            // when the member was read to its end (a checksum mismatch),
            // else further on (at least one byte on, or this loops).
            let stuck = input.pos.get() == start;
            if !skip_to_gzip_header(&mut input, stuck) {
                return;
            }
        }
    }
}

/// Consumes bytes up to the next `1f 8b 08` (after the first byte when
/// `skip_first`); false at the end of the input.
fn skip_to_gzip_header<R: BufRead>(input: &mut R, mut skip_first: bool) -> bool {
    loop {
        let (found, consume) = match input.fill_buf() {
            Ok([]) | Err(_) => return false,
            Ok(buf) => {
                let from = usize::from(skip_first);
                match buf.windows(3).skip(from).position(|w| w == [0x1f, 0x8b, 0x08]) {
                    Some(i) => (true, i + from),
                    // Keep the last two bytes: a header may straddle two buffers
                    // (unless that is all there is: then it cannot be a header).
                    None if buf.len() > 2 => (false, buf.len() - 2),
                    None => (false, buf.len()),
                }
            }
        };
        skip_first = false;
        input.consume(consume);
        if found {
            return true;
        }
    }
}

/// Items of a JSONL stream: `{"url": ..., "html": ...}` per line.
pub fn jsonl_items<R: BufRead>(mut input: R, emit: &mut dyn FnMut(Item) -> bool) {
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) => {
                emit(Item::Bad { url: None, error: format!("cannot read line {}: {e}", n + 1) });
                return;
            }
        }
        n += 1;
        let text = match std::str::from_utf8(&line) {
            Ok(t) => t.trim(),
            Err(e) => {
                if !emit(Item::Bad { url: None, error: format!("line {n}: not UTF-8: {e}") }) {
                    return;
                }
                continue;
            }
        };
        if text.is_empty() {
            continue;
        }
        let item = match serde_json::from_str::<Value>(text) {
            Err(e) => Item::Bad { url: None, error: format!("line {n}: invalid JSON: {e}") },
            Ok(v) => {
                let url = v.get("url").and_then(Value::as_str).map(str::to_string);
                match v.get("html").and_then(Value::as_str) {
                    Some(h) => Item::Page(PageIn { url, charset: None, body: Body::Text(h.to_string()) }),
                    None => Item::Bad { url, error: format!("line {n}: no \"html\" string") },
                }
            }
        };
        if !emit(item) {
            return;
        }
    }
}

/// One output line (without the newline) and whether it is an error /
/// a charset guess.
fn clean_one(p: &PageIn) -> (String, bool, bool) {
    let mut opts = declutter::Options::default();
    // A relative or non-http URL would be refused by the options: the page
    // is still cleaned, links stay relative, and the line keeps the URL.
    opts.url = p.url.clone().filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut guessed = false;
    let result = match &p.body {
        Body::Bytes(b) => {
            let s = declutter::encoding::sniff_detailed(b, p.charset.as_deref());
            guessed = s.source == declutter::encoding::Source::Default && !b.is_ascii();
            guarded(|| declutter::clean_bytes(b, p.charset.as_deref(), &opts))
        }
        Body::Text(t) => guarded(|| declutter::clean(t, &opts)),
    };
    let url = serde_json::to_string(&p.url).unwrap_or_else(|_| "null".into());
    match result {
        Ok(a) => {
            let body = serde_json::to_string(&a).unwrap_or_else(|_| "{}".into());
            let warning = if guessed {
                ",\"warning\":\"not UTF-8 and no charset declared: decoded as windows-1252\""
            } else {
                ""
            };
            // `{"url":..., <the Article's fields>}`: url first, then the JSON output's fields.
            let rest = body.strip_prefix('{').unwrap_or("}");
            let sep = if rest.starts_with('}') { "" } else { "," };
            (format!("{{\"url\":{url}{warning}{sep}{rest}"), false, guessed)
        }
        Err(e) => (format!("{{\"url\":{url},\"error\":{}}}", Value::String(e)), true, guessed),
    }
}

/// A cleaning call with a panic (a bug, never expected) turned into an
/// error: it must cost one page, not the run.
fn guarded(f: impl FnOnce() -> declutter::Result<declutter::Article>) -> Result<declutter::Article, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r.map_err(|e| e.to_string()),
        Err(_) => Err("panic in the cleaner".into()),
    }
}

/// Run totals.
#[derive(Debug, Default)]
struct Totals {
    pages: usize,
    bytes: usize,
    errors: usize,
    bad: usize,
    skipped: usize,
    guessed: usize,
    cleaning: Duration,
}

/// Cleans one batch in parallel and writes its lines in order.
fn flush(
    pending: &mut Vec<Item>,
    pool: &rayon::ThreadPool,
    out: &mut dyn Write,
    t: &mut Totals,
) -> std::io::Result<()> {
    let start = Instant::now();
    let lines: Vec<Option<(String, bool, bool)>> = pool.install(|| {
        pending
            .par_iter()
            .with_max_len(1)
            .map(|it| match it {
                Item::Page(p) => Some(clean_one(p)),
                _ => None,
            })
            .collect()
    });
    t.cleaning += start.elapsed();
    for (it, line) in pending.drain(..).zip(lines) {
        match (it, line) {
            (Item::Page(p), Some((l, err, guessed))) => {
                t.pages += 1;
                t.bytes += p.body.len();
                t.errors += usize::from(err);
                t.guessed += usize::from(guessed);
                if err {
                    eprintln!("declutter: {}: {l}", p.url.as_deref().unwrap_or("<no url>"));
                }
                out.write_all(l.as_bytes())?;
                out.write_all(b"\n")?;
            }
            (Item::Bad { url, error }, _) => {
                t.bad += 1;
                eprintln!("declutter: {}: {error}", url.as_deref().unwrap_or("<input>"));
                let u = serde_json::to_string(&url).unwrap_or_else(|_| "null".into());
                writeln!(out, "{{\"url\":{u},\"error\":{}}}", Value::String(error))?;
            }
            (Item::Skipped, _) => t.skipped += 1,
            (Item::Page(_), None) => unreachable!("every page gets a line"),
        }
    }
    out.flush()
}

/// `declutter batch --warc FILE` / `--jsonl`.
pub fn run(a: &BatchArgs) -> ExitCode {
    let count = Arc::new(AtomicU64::new(0));
    let (input, total): (Box<dyn Read>, Option<u64>) = match a.warc.as_deref() {
        None | Some("-") => (Box::new(std::io::stdin().lock()), None),
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => {
                let len = f.metadata().ok().map(|m| m.len());
                (Box::new(f), len)
            }
            Err(e) => {
                eprintln!("declutter: cannot open {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let input = BufReader::with_capacity(1 << 16, Counting { inner: input, count: count.clone() });
    let mut out: Box<dyn Write> = match &a.out {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("declutter: cannot create {}: {e}", p.display());
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let jobs = batch::worker_count(a.jobs, usize::MAX);
    let pool = batch::pool(jobs);
    let show = std::io::stderr().is_terminal();
    let bar = match total {
        Some(n) => batch::progress_bar(n, show, "bytes"),
        None if show => {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            b
        }
        None => indicatif::ProgressBar::hidden(),
    };
    let mut t = Totals::default();
    let mut pending: Vec<Item> = Vec::with_capacity(BATCH_PAGES);
    let mut pending_bytes = 0usize;
    let mut write_err: Option<std::io::Error> = None;
    let mut emit = |it: Item| -> bool {
        if let Item::Page(p) = &it {
            pending_bytes += p.body.len();
        }
        pending.push(it);
        if pending.len() >= BATCH_PAGES || pending_bytes >= BATCH_BYTES {
            pending_bytes = 0;
            if let Err(e) = flush(&mut pending, &pool, &mut *out, &mut t) {
                write_err = Some(e);
                return false;
            }
            if total.is_some() {
                bar.set_position(count.load(Ordering::Relaxed));
            } else {
                bar.set_message(format!("{} pages", t.pages));
                bar.tick();
            }
        }
        true
    };
    if a.jsonl {
        jsonl_items(input, &mut emit);
    } else {
        warc_items(input, &mut emit);
    }
    if write_err.is_none() {
        if let Err(e) = flush(&mut pending, &pool, &mut *out, &mut t) {
            write_err = Some(e);
        }
    }
    bar.finish_and_clear();
    if let Some(e) = write_err {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("declutter: cannot write output: {e}");
        return ExitCode::FAILURE;
    }
    let mb = t.bytes as f64 / 1e6;
    let secs = t.cleaning.as_secs_f64();
    let rate = if secs > 0.0 { mb / secs } else { 0.0 };
    // On stderr: stdout is the JSONL.
    eprintln!(
        "pages={} MB={mb:.3} seconds={secs:.3} MB/s={rate:.1} errors={} jobs={jobs} skipped={} bad={} charset_guessed={}",
        t.pages,
        t.errors + t.bad,
        t.skipped,
        t.bad,
        t.guessed
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_of_content_type() {
        assert_eq!(content_type_charset("text/html; charset=ISO-8859-1").as_deref(), Some("ISO-8859-1"));
        assert_eq!(content_type_charset("text/html;Charset=\"utf-8\" ").as_deref(), Some("utf-8"));
        assert_eq!(content_type_charset("text/html"), None);
        assert_eq!(content_type_charset("text/html; charset="), None);
    }

    #[test]
    fn chunked_bodies() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
        assert!(dechunk(b"zz\r\nnope").is_none());
        assert!(dechunk(b"10\r\nshort").is_none());
    }

    #[test]
    fn http_blocks() {
        let page = |ct: &str| format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n<p>Hi</p>");
        match http_item(None, page("text/html; charset=koi8-r").as_bytes()) {
            Item::Page(p) => assert_eq!(p.charset.as_deref(), Some("koi8-r")),
            other => panic!("{other:?}"),
        }
        assert!(matches!(http_item(None, page("image/png").as_bytes()), Item::Skipped));
        assert!(matches!(http_item(None, b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n"), Item::Skipped));
        assert!(matches!(http_item(None, b"HTTP/1.1 200 OK\r\nContent-Ty"), Item::Bad { .. }));
        assert!(matches!(http_item(None, b"\x00\x01garbage\r\n\r\n"), Item::Bad { .. }));
        // No Content-Type: sniffed.
        assert!(matches!(http_item(None, b"HTTP/1.0 200 OK\r\n\r\n  <!DOCTYPE html><p>x"), Item::Page(_)));
        assert!(matches!(http_item(None, b"HTTP/1.0 200 OK\r\n\r\n%PDF-1.4"), Item::Skipped));
    }
}
