//! The JavaScript boundary: the only file that knows `JsValue`.
//!
//! Exports (wasm-bindgen, camelCase names as in `www/lib/index.d.ts`):
//!
//! - `clean(html, options?) -> Article`
//! - `cleanBytes(bytes, charset?, options?) -> Article` (browser-like decoding)
//! - `isProbablyReaderable(html) -> boolean`
//! - `toMarkdown(html) -> string`
//! - `sniffCharset(bytes, charset?) -> { encoding, source, bomLength }` (which encoding `cleanBytes` would use)
//! - `class Cleaner { constructor(options?); write(chunk: Uint8Array | ArrayBuffer | string); finish(): Article }`
//!
//! Options come in and the Article goes out as plain JS objects (serde's
//! camelCase names, `null` for absent fields like Readability.js), read
//! and written key by key with `js_sys::Reflect`. Every failure crosses as a real JS `Error` (or
//! `TypeError` for a wrong argument type) whose message starts with
//! `declutter:` and whose `code` property names the kind
//! (`INVALID_OPTION`, `INPUT_TOO_LARGE`, ...). Nothing here panics on bad
//! input, so an error never leaves the module in a trapped state: the next
//! call works. `console_error_panic_hook` is installed once, on the first
//! call, so that a bug would at least print its message.
//!
//! Build with `--no-default-features --features serde` (see
//! `scripts/web-build.sh`; serde is for tests/web.rs's native reference,
//! this file does not use it).

use std::sync::Once;

use js_sys::{Array, ArrayBuffer, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{Article, Error, Options};

// The generated .d.ts names `Article` and `Options`: they are documented
// (field by field, with defaults) in the hand-written www/lib/index.d.ts,
// which scripts/web-build.sh places next to the glue.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"import type { Article, Options } from "./index";"#;

static PANIC_HOOK: Once = Once::new();

/// Installs the panic hook the first time any export is called.
///
/// On wasm a panic aborts without unwinding, so after one (a bug) the
/// standard library believes it is still panicking and `set_hook` would
/// panic again: skip the hook then instead of turning every later call
/// into a trap.
fn init() {
    if !std::thread::panicking() {
        PANIC_HOOK.call_once(|| std::panic::set_hook(Box::new(console_error_panic_hook::hook)));
    }
}

/// A stable, machine-readable name for each error kind (the JS `code`).
fn error_code(e: &Error) -> &'static str {
    #[allow(unreachable_patterns)]
    match e {
        Error::MemoryLimitExceeded { .. } => "MEMORY_LIMIT_EXCEEDED",
        Error::InputTooLarge { .. } => "INPUT_TOO_LARGE",
        Error::NotHtml => "NOT_HTML",
        Error::InvalidOption(_) => "INVALID_OPTION",
        Error::UnknownEncoding(_) => "UNKNOWN_ENCODING",
        Error::CleanerFinished => "CLEANER_FINISHED",
        Error::Parser(_) => "PARSER",
        _ => "ERROR",
    }
}

/// `new Error("declutter: <message>")` with `name = "DeclutterError"` and a `code`.
fn make_error(message: &str, code: &str) -> JsValue {
    let err = js_sys::Error::new(&format!("declutter: {message}"));
    err.set_name("DeclutterError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(code));
    err.into()
}

fn js_error(e: &Error) -> JsValue {
    make_error(&e.to_string(), error_code(e))
}

/// A `TypeError` for an argument of the wrong JS type.
fn type_error(message: &str) -> JsValue {
    let err = js_sys::TypeError::new(&format!("declutter: {message}"));
    let _ = Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str("INVALID_ARGUMENT"));
    err.into()
}

/// The camelCase option names, in `Options`' field order (serde's names:
/// `options_from_js` below destructures `Options` without `..`, so a new
/// field does not compile until it is read here, and tests/web.rs checks
/// that every key of the serialized defaults is accepted).
const OPTION_KEYS: [&str; 11] = [
    "url",
    "keepImages",
    "keepClasses",
    "removeJunk",
    "charThreshold",
    "maxMemory",
    "maxInputBytes",
    "addAllowedTags",
    "rmAllowedTags",
    "addJunkTokens",
    "rmJunkTokens",
];

/// `undefined`/`null` mean the defaults; an object is read strictly: an
/// unknown own key is an error (a typo must not silently do nothing), and
/// so is a known key whose value has the wrong type — `undefined` included
/// (`{keepImages: undefined}` is a mistake, not "the default"; only `url`,
/// which is optional, takes `undefined`/`null` as absent).
///
/// Read with `Reflect` key by key instead of serde-wasm-bindgen (whose
/// Deserializer, serde's error formatting and float printing were ~7 KiB
/// gzip of the module). The messages are the ones serde-wasm-bindgen
/// wrote ("invalid type: boolean `true`, expected a string"); a value that
/// is not a primitive is named by its kind instead of being dumped.
fn options_from_js(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || value.is_function() || Array::is_array(value) {
        return Err(type_error("options must be a plain object, undefined or null"));
    }
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            let expected: Vec<String> = OPTION_KEYS.iter().map(|k| format!("`{k}`")).collect();
            return Err(invalid_option(format!("unknown option `{key}`, expected one of {}", expected.join(", "))));
        }
    }
    let mut options = Options::default();
    let Options {
        url,
        keep_images,
        keep_classes,
        remove_junk,
        char_threshold,
        max_memory,
        max_input_bytes,
        add_allowed_tags,
        rm_allowed_tags,
        add_junk_tokens,
        rm_junk_tokens,
    } = &mut options;
    for key in OPTION_KEYS {
        // `in`, not own keys: an inherited or non-enumerable property is
        // read too, as serde-wasm-bindgen did.
        let Some(v) = with_js_str(key, |k| Reflect::has(value, k).unwrap_or(false).then(|| Reflect::get(value, k))) else {
            continue;
        };
        let v = v?;
        match key {
            "url" => *url = if v.is_undefined() || v.is_null() { None } else { Some(js_string(&v)?) },
            "keepImages" => *keep_images = js_bool(&v)?,
            "keepClasses" => *keep_classes = js_bool(&v)?,
            "removeJunk" => *remove_junk = js_bool(&v)?,
            "charThreshold" => *char_threshold = js_usize(&v)?,
            "maxMemory" => *max_memory = js_usize(&v)?,
            "maxInputBytes" => *max_input_bytes = js_usize(&v)?,
            "addAllowedTags" => *add_allowed_tags = js_strings(&v)?,
            "rmAllowedTags" => *rm_allowed_tags = js_strings(&v)?,
            "addJunkTokens" => *add_junk_tokens = js_strings(&v)?,
            _ => *rm_junk_tokens = js_strings(&v)?,
        }
    }
    Ok(options)
}

fn invalid_option(message: String) -> JsValue {
    js_error(&Error::InvalidOption(message))
}

/// "invalid type: <what v is>, expected <expected>" (serde's wording, with
/// serde-wasm-bindgen's "Error: " in front, as before).
fn invalid_type(v: &JsValue, expected: &str) -> JsValue {
    invalid_option(format!("Error: invalid type: {}, expected {expected}", unexpected(v)))
}

/// How serde names an unexpected value: ``boolean `true` ``, ``string "x"``,
/// ``floating point `1.5` ``, `unit value`.
fn unexpected(v: &JsValue) -> String {
    if v.is_undefined() || v.is_null() {
        "unit value".into()
    } else if let Some(b) = v.as_bool() {
        format!("boolean `{b}`")
    } else if let Some(s) = v.as_string() {
        format!("string {}", debug_str(&s))
    } else if v.as_f64().is_some() {
        format!("floating point `{}`", rust_float(v))
    } else if v.is_bigint() {
        format!("JsValue({}n)", js_to_string(v))
    } else if v.is_symbol() {
        "JsValue(Symbol)".into()
    } else if v.is_function() {
        "JsValue(Function)".into()
    } else if Array::is_array(v) {
        "JsValue(Array)".into()
    } else {
        "JsValue(Object)".into()
    }
}

/// `String(v)` of a number or a BigInt (decimal).
fn js_to_string(v: &JsValue) -> String {
    let s = if v.is_bigint() {
        v.unchecked_ref::<js_sys::BigInt>().to_string(10).ok()
    } else {
        v.unchecked_ref::<js_sys::Number>().to_string_with_radix(10).ok()
    };
    s.map(String::from).unwrap_or_default()
}

/// A string as Rust's `{:?}` writes it (what serde-wasm-bindgen's messages
/// showed) for the usual characters: quotes, backslash, `\n`, `\r`, `\t`,
/// `\0`, other control characters and the zero-width space escaped. Other
/// non-printable characters (format characters, unassigned code points)
/// stay as they are: `{:?}` would link core's printable-character tables
/// for one error message.
fn debug_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() || c == '\u{200b}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JS number as Rust's `{}` writes an f64 (`1.0`, `0.0000001`, `-inf`,
/// `NaN`; never an exponent), from the digits of JS's own shortest
/// round-trip `String(n)` — both are the shortest digits that read back
/// as the same double, so only the notation needs converting, and no
/// float formatting code is linked into the module.
fn rust_float(v: &JsValue) -> String {
    let n = v.as_f64().unwrap_or(f64::NAN);
    if n.is_nan() {
        return "NaN".into();
    }
    let mut out = String::new();
    if n.is_sign_negative() {
        out.push('-');
    }
    if n.is_infinite() {
        out.push_str("inf");
        return out;
    }
    if n == 0.0 {
        out.push_str("0.0");
        return out;
    }
    let js = js_to_string(v);
    let js = js.trim_start_matches('-');
    let (mantissa, exp) = match js.split_once('e') {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (js, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits = format!("{int}{frac}");
    let mut point = int.len() as i32 + exp;
    while digits.len() > 1 && digits.starts_with('0') {
        digits.remove(0);
        point -= 1;
    }
    let len = digits.len() as i32;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat('0').take(point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if point >= len {
        out.push_str(&digits);
        out.extend(std::iter::repeat('0').take((point - len) as usize));
        out.push_str(".0");
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

fn js_bool(v: &JsValue) -> Result<bool, JsValue> {
    v.as_bool().ok_or_else(|| invalid_type(v, "a boolean"))
}

fn js_string(v: &JsValue) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| invalid_type(v, "a string"))
}

/// A count: a non-negative safe integer Number (or a BigInt) that fits
/// this target's 32-bit `usize`, as serde-wasm-bindgen read it.
fn js_usize(v: &JsValue) -> Result<usize, JsValue> {
    let too_big = |n: &str| invalid_option(format!("Error: invalid value: integer `{n}`, expected usize"));
    if v.is_bigint() {
        let text = js_to_string(v);
        return match text.parse::<u64>() {
            Ok(n) => usize::try_from(n).map_err(|_| too_big(&text)),
            Err(_) => Err(invalid_option(
                "Error: Couldn't deserialize u64 from a BigInt outside u64::MIN..u64::MAX bounds".into(),
            )),
        };
    }
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    match v.as_f64() {
        Some(n) if n >= 0.0 && n <= MAX_SAFE_INTEGER && n.fract() == 0.0 => {
            let n = n as u64;
            usize::try_from(n).map_err(|_| too_big(&n.to_string()))
        }
        _ => Err(invalid_type(v, "usize")),
    }
}

/// A list of strings: an Array or any other iterable (a `Set`) of
/// primitive strings.
fn js_strings(v: &JsValue) -> Result<Vec<String>, JsValue> {
    let not_a_sequence = || invalid_type(v, "a sequence");
    let items: Vec<JsValue> = if let Some(a) = v.dyn_ref::<Array>() {
        a.iter().collect()
    } else if v.is_object() || v.is_function() {
        match js_sys::try_iter(v) {
            Ok(Some(it)) => it.collect::<Result<_, _>>()?,
            _ => return Err(not_a_sequence()),
        }
    } else {
        return Err(not_a_sequence());
    };
    items.iter().map(js_string).collect()
}

/// Sets `key` on a fresh plain object (cannot fail).
fn set(obj: &js_sys::Object, key: &'static str, value: JsValue) {
    with_js_str(key, |k| {
        let _ = Reflect::set(obj, k, &value);
    });
}

/// `f` on the JS string of a fixed name (a property or category name),
/// made once per thread: a fresh `JsValue::from_str` is a TextDecoder call,
/// and an Article has up to ~1,000 property names (5 per report entry).
/// serde-wasm-bindgen cached them too.
fn with_js_str<R>(s: &'static str, f: impl FnOnce(&JsValue) -> R) -> R {
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<(&'static str, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let i = match c.iter().position(|(k, _)| std::ptr::eq(*k, s)) {
            Some(i) => i,
            None => {
                c.push((s, JsValue::from_str(s)));
                c.len() - 1
            }
        };
        f(&c[i].1)
    })
}

fn opt_str(s: &Option<String>) -> JsValue {
    s.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

fn count(n: usize) -> JsValue {
    JsValue::from_f64(n as f64)
}

/// The Article as a plain object, keys in `Article`'s field order with
/// serde's camelCase names (tests/web.rs compares `JSON.stringify` of it
/// with the native serde_json output byte for byte); absent optional
/// fields are `null`, as in Readability.js. Written with `Reflect`
/// instead of serde-wasm-bindgen's Serializer (see `options_from_js`).
fn article_to_js(article: &Article) -> Result<JsValue, JsValue> {
    let Article {
        title,
        byline,
        dir,
        lang,
        content,
        text_content,
        length,
        excerpt,
        site_name,
        published_time,
        lead_image,
        word_count,
        reading_time_minutes,
        report,
        page_type,
        empty_reason,
    } = article;
    let o = js_sys::Object::new();
    set(&o, "title", JsValue::from_str(title));
    set(&o, "byline", opt_str(byline));
    set(&o, "dir", opt_str(dir));
    set(&o, "lang", opt_str(lang));
    set(&o, "content", JsValue::from_str(content));
    set(&o, "textContent", JsValue::from_str(text_content));
    set(&o, "length", count(*length));
    set(&o, "excerpt", opt_str(excerpt));
    set(&o, "siteName", opt_str(site_name));
    set(&o, "publishedTime", opt_str(published_time));
    set(&o, "leadImage", opt_str(lead_image));
    set(&o, "wordCount", count(*word_count));
    set(&o, "readingTimeMinutes", count(*reading_time_minutes));
    let crate::article::Report { totals, removed } = report;
    let totals_js: Array = totals
        .iter()
        .map(|t| {
            let crate::article::CategoryCount { category, elements, chars } = t;
            let c = js_sys::Object::new();
            set(&c, "category", with_js_str(category.as_str(), JsValue::clone));
            set(&c, "elements", count(*elements));
            set(&c, "chars", count(*chars));
            JsValue::from(c)
        })
        .collect();
    let removed_js: Array = removed
        .iter()
        .map(|r| {
            let crate::article::Removal { category, reason, element, chars, preview } = r;
            let c = js_sys::Object::new();
            set(&c, "category", with_js_str(category.as_str(), JsValue::clone));
            set(&c, "reason", JsValue::from_str(reason));
            set(&c, "element", JsValue::from_str(element));
            set(&c, "chars", count(*chars));
            set(&c, "preview", JsValue::from_str(preview));
            JsValue::from(c)
        })
        .collect();
    let r = js_sys::Object::new();
    set(&r, "totals", totals_js.into());
    set(&r, "removed", removed_js.into());
    set(&o, "report", r.into());
    set(&o, "pageType", with_js_str(page_type.as_str(), JsValue::clone));
    set(&o, "emptyReason", opt_str(empty_reason));
    Ok(o.into())
}

#[wasm_bindgen]
extern "C" {
    /// The host's `TextEncoder` (pages, workers, service workers, Node).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, s: &js_sys::JsString, dest: &Uint8Array) -> EncodeResult;
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> u32;
}

/// Strings at most this long keep their input buffer between calls (3
/// bytes per UTF-16 unit: a 1 MB page holds 3 MB); longer ones free it.
const KEEP_INPUT_BUFFER_UNITS: usize = 4 << 20;

/// A string argument as UTF-8, then `f` on it. Not `JsValue::as_string`:
/// its glue copies the ASCII part of the string into wasm memory one
/// character at a time in JS, then reallocates and calls `encodeInto` for
/// the rest (in Chromium that was a fifth of `clean()` on the readability
/// pages). Here `encodeInto` writes the whole string, once, straight into a
/// buffer sized for the worst case (3 bytes per UTF-16 unit), kept between
/// calls; its bytes are checked as UTF-8 with SIMD (`simdutf8`, already in
/// the tree through encoding_rs), not trusted.
fn with_string_arg<T>(value: &JsValue, what: &str, f: impl FnOnce(&str) -> T) -> Result<T, JsValue> {
    thread_local! {
        static ENCODER: TextEncoder = TextEncoder::new();
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let Some(s) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(type_error(&format!("{what} must be a string")));
    };
    let units = s.length() as usize;
    let cap = units.saturating_mul(3);
    BUFFER.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() < cap {
            b.resize(cap, 0);
        }
        let written = {
            // A view of the buffer in wasm memory (made after the resize:
            // growing memory detaches older views).
            let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
            let view = Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), b.as_ptr() as u32, cap as u32);
            ENCODER.with(|e| e.encode_into(s, &view)).written() as usize
        };
        let bytes = &b[..written.min(cap)];
        let result = match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => f(text),
            Err(_) => f(&String::from_utf8_lossy(bytes)),
        };
        if units > KEEP_INPUT_BUFFER_UNITS {
            *b = Vec::new();
        }
        Ok(result)
    })
}

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| type_error(&format!("{what} must be a string")))
}

/// Cleans one page given as a string and returns the Article.
#[wasm_bindgen(js_name = clean, unchecked_return_type = "Article")]
pub fn clean(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    init();
    let options = options_from_js(&options)?;
    let article = with_string_arg(&html, "html", |html| crate::clean(html, &options))?.map_err(|e| js_error(&e))?;
    article_to_js(&article)
}

/// Cleans one page given as raw bytes, decoding them like a browser
/// (BOM, then `charset` — e.g. from `Content-Type` —, then `<meta charset>`,
/// then windows-1252).
#[wasm_bindgen(js_name = cleanBytes, unchecked_return_type = "Article")]
pub fn clean_bytes(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_param_type = "string | undefined | null")] charset: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    init();
    let charset = optional_charset(&charset)?;
    let options = options_from_js(&options)?;
    let article = crate::clean_bytes(bytes, charset.as_deref(), &options).map_err(|e| js_error(&e))?;
    article_to_js(&article)
}

/// The optional `charset` argument: absent (`undefined`/`null`) or a string.
fn optional_charset(charset: &JsValue) -> Result<Option<String>, JsValue> {
    if charset.is_undefined() || charset.is_null() {
        Ok(None)
    } else {
        string_arg(charset, "charset").map(Some)
    }
}

/// Which encoding [`clean_bytes`] would decode `bytes` with, and why:
/// `{ encoding: "UTF-8" | "windows-1252" | ..., source: "bom" |
/// "transport" | "meta-prescan" | "meta-in-document" | "utf8-detected" |
/// "default", bomLength: 0 | 2 | 3 }`. `cleanResponse` asks this about the
/// first 1024 bytes to decide whether the body may stream (so the JS side
/// never sniffs charsets itself).
#[wasm_bindgen(js_name = sniffCharset, unchecked_return_type = "{ encoding: string, source: string, bomLength: number }")]
pub fn sniff_charset(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_param_type = "string | undefined | null")] charset: JsValue,
) -> Result<JsValue, JsValue> {
    use crate::encoding::{sniff_detailed, Source};
    init();
    let charset = optional_charset(&charset)?;
    let sniffed = sniff_detailed(bytes, charset.as_deref());
    #[allow(unreachable_patterns)]
    let source = match sniffed.source {
        Source::Bom => "bom",
        Source::Transport => "transport",
        Source::MetaPrescan => "meta-prescan",
        Source::MetaInDocument => "meta-in-document",
        Source::Utf8Detected => "utf8-detected",
        Source::Default => "default",
        _ => "other",
    };
    let out = js_sys::Object::new();
    // Setting properties on a fresh plain object cannot fail.
    let _ = Reflect::set(&out, &"encoding".into(), &sniffed.encoding.name().into());
    let _ = Reflect::set(&out, &"source".into(), &source.into());
    let _ = Reflect::set(&out, &"bomLength".into(), &(sniffed.bom_len as u32).into());
    Ok(out.into())
}

/// A cheap one-pass check whether the page probably has an article.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
) -> Result<bool, JsValue> {
    init();
    with_string_arg(&html, "html", crate::is_probably_readerable)
}

/// Renders cleaned article HTML (an Article's `content`) as Markdown.
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
) -> Result<String, JsValue> {
    init();
    let html = string_arg(&html, "html")?;
    Ok(crate::to_markdown(&html))
}

/// The streaming cleaner: `write` chunks as they arrive, then `finish`.
#[wasm_bindgen(js_name = Cleaner)]
pub struct JsCleaner {
    inner: Option<crate::Cleaner>,
    /// Reused buffer for copying `Uint8Array` chunks out of JS memory.
    scratch: Vec<u8>,
}

#[wasm_bindgen(js_class = Cleaner)]
impl JsCleaner {
    /// A new cleaner; throws on invalid options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Options | undefined | null")] options: JsValue,
    ) -> Result<JsCleaner, JsValue> {
        init();
        let options = options_from_js(&options)?;
        let inner = crate::Cleaner::new(options).map_err(|e| js_error(&e))?;
        Ok(JsCleaner { inner: Some(inner), scratch: Vec::new() })
    }

    /// Feeds the next chunk: UTF-8 bytes (`Uint8Array`, any other typed
    /// array view, `ArrayBuffer`) or a string. Byte chunks may split
    /// anywhere, even inside a character or a tag.
    pub fn write(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | ArrayBufferView | string")]
        chunk: JsValue,
    ) -> Result<(), JsValue> {
        init();
        let cleaner =
            self.inner.as_mut().ok_or_else(|| js_error(&Error::CleanerFinished))?;
        let result = if let Some(s) = chunk.as_string() {
            cleaner.write(s.as_bytes())
        } else {
            let view: Uint8Array = if let Some(u8a) = chunk.dyn_ref::<Uint8Array>() {
                u8a.clone()
            } else if let Some(buf) = chunk.dyn_ref::<ArrayBuffer>() {
                Uint8Array::new(buf)
            } else if ArrayBuffer::is_view(&chunk) {
                // DataView, Int8Array, ...: view the same bytes.
                let buffer = Reflect::get(&chunk, &JsValue::from_str("buffer"))?;
                let offset = Reflect::get(&chunk, &JsValue::from_str("byteOffset"))?
                    .as_f64()
                    .unwrap_or(0.0) as u32;
                let length = Reflect::get(&chunk, &JsValue::from_str("byteLength"))?
                    .as_f64()
                    .unwrap_or(0.0) as u32;
                Uint8Array::new_with_byte_offset_and_length(&buffer, offset, length)
            } else {
                return Err(type_error(
                    "Cleaner.write expects a Uint8Array, an ArrayBuffer(View) or a string",
                ));
            };
            let len = view.length() as usize;
            self.scratch.clear();
            self.scratch.resize(len, 0);
            view.copy_to(&mut self.scratch[..]);
            cleaner.write(&self.scratch)
        };
        if result.is_err() {
            // The core cleaner refuses further input after an error; drop it
            // now so its memory is released before JS frees this object.
            self.inner = None;
        }
        if self.scratch.capacity() > 1 << 20 {
            // Keep the scratch buffer for typical fetch chunks (≤ 64 KiB),
            // not for a one-off huge write.
            self.scratch = Vec::new();
        }
        result.map_err(|e| js_error(&e))
    }

    /// Ends the input and returns the Article. A cleaner finishes once:
    /// calling `write` or `finish` again throws `CLEANER_FINISHED`.
    #[wasm_bindgen(unchecked_return_type = "Article")]
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        init();
        let cleaner = self.inner.take().ok_or_else(|| js_error(&Error::CleanerFinished))?;
        let article = cleaner.finish().map_err(|e| js_error(&e))?;
        article_to_js(&article)
    }
}
