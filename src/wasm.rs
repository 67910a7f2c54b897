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
//! Options come in and the Article goes out through `serde-wasm-bindgen`
//! (plain JS objects, camelCase, `null` for absent fields like
//! Readability.js). Every failure crosses as a real JS `Error` (or
//! `TypeError` for a wrong argument type) whose message starts with
//! `declutter:` and whose `code` property names the kind
//! (`INVALID_OPTION`, `INPUT_TOO_LARGE`, ...). Nothing here panics on bad
//! input, so an error never leaves the module in a trapped state: the next
//! call works. `console_error_panic_hook` is installed once, on the first
//! call, so that a bug would at least print its message.
//!
//! Build with `--no-default-features --features serde` (see
//! `scripts/web-build.sh`).

#[cfg(not(feature = "serde"))]
compile_error!(
    "the wasm build needs the `serde` feature: cargo build --target wasm32-unknown-unknown \
     --no-default-features --features serde (scripts/web-build.sh)"
);

use std::sync::Once;

use js_sys::{Array, ArrayBuffer, Reflect, Uint8Array};
use serde::Serialize;
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

/// `undefined`/`null` mean the defaults; an object is deserialized strictly
/// (unknown keys are an error, so a typo does not silently do nothing).
fn options_from_js(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || value.is_function() || Array::is_array(value) {
        return Err(type_error("options must be a plain object, undefined or null"));
    }
    // serde-wasm-bindgen reads a struct by looking up the known field names,
    // so `deny_unknown_fields` never sees extra keys: check them here.
    let known = known_option_keys();
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key) {
            return Err(js_error(&Error::InvalidOption(format!(
                "unknown option `{key}`, expected one of {}",
                known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            ))));
        }
    }
    serde_wasm_bindgen::from_value::<Options>(value.clone())
        .map_err(|e| js_error(&Error::InvalidOption(e.to_string())))
}

/// The camelCase option names, taken from the serde derive itself (so a new
/// option in `Options` is accepted here without touching this file).
fn known_option_keys() -> Vec<String> {
    thread_local! {
        static KEYS: Vec<String> = {
            let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
            Options::default()
                .serialize(&serializer)
                .map(|obj| {
                    js_sys::Object::keys(obj.unchecked_ref::<js_sys::Object>())
                        .iter()
                        .filter_map(|k| k.as_string())
                        .collect()
                })
                .unwrap_or_default()
        };
    }
    KEYS.with(|k| k.clone())
}


/// The Article as a plain object; absent optional fields are `null`
/// (as in Readability.js), not `undefined`.
fn article_to_js(article: &Article) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    article
        .serialize(&serializer)
        .map_err(|e| make_error(&format!("could not convert the article: {e}"), "ERROR"))
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
    let charset = if charset.is_undefined() || charset.is_null() {
        None
    } else {
        Some(string_arg(&charset, "charset")?)
    };
    let options = options_from_js(&options)?;
    let article = crate::clean_bytes(bytes, charset.as_deref(), &options).map_err(|e| js_error(&e))?;
    article_to_js(&article)
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
    let charset = if charset.is_undefined() || charset.is_null() {
        None
    } else {
        Some(string_arg(&charset, "charset")?)
    };
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
