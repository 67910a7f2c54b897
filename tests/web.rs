//! The WebAssembly build, tested where it runs: headless Chromium.
//!
//! Run through `scripts/test-web.sh` (the README's test command), which
//! 1. runs the native half of this file (`native::dump_native_reference`, an
//!    ignored test) to record what the *native* build produces for every
//!    readability page and the seed page (`target/web-native/`), and
//! 2. runs the wasm half in headless Chromium with
//!    `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown
//!     --no-default-features --features serde --test web`,
//!    passing the native text hashes of the pages embedded below in
//!    `DECLUTTER_NATIVE_TEXT_HASHES`.
//!
//! The wasm tests call the real JS exports (`clean`, `Cleaner`,
//! `isProbablyReaderable` of `src/wasm.rs`) through the wasm-bindgen glue,
//! exactly as a page does, so they check the boundary (options in, Article
//! out, errors as JS `Error`s) as well as the core compiled to wasm.
//! `scripts/web-parity.mjs` compares all 130 pages native vs wasm in Node.

/// FNV-1a 64 of the UTF-8 bytes: a compact fingerprint to carry the native
/// build's textContent into the browser test through an env variable.
#[allow(dead_code)]
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The URL the readability pages were captured with.
#[allow(dead_code)]
const PAGE_URL: &str = "http://fakehost/test/page.html";

/// The pages embedded in the browser test (name, source). A mix: the seed
/// page (cluttered, Italian), English news, a wiki, right-to-left, CJK.
macro_rules! browser_pages {
    ($($name:literal),* $(,)?) => {
        #[allow(dead_code)]
        const BROWSER_PAGES: &[(&str, &str)] = &[
            ("seed", include_str!("../../shared/corpus/seed/page.html")),
            $(($name, include_str!(concat!("../../shared/corpus/readability/", $name, "/source.html"))),)*
        ];
    };
}
browser_pages!("001", "ars-1", "nytimes-1", "wikipedia", "rtl-1", "qq", "lazy-image-1", "bbc-1");

// ---------------------------------------------------------------------------
// Native half: records the reference the wasm build must match.
// ---------------------------------------------------------------------------
#[cfg(all(not(target_arch = "wasm32"), feature = "cli"))]
mod native {
    use super::*;
    use std::fmt::Write as _;
    use std::path::{Path, PathBuf};

    /// Writes `target/web-native/articles.jsonl` (one line per page:
    /// `{"name", "article"}` or `{"name", "error"}`) for the seed page and all
    /// readability pages, and `target/web-native/text-hashes.txt` for the
    /// pages of the browser test. Run by scripts/test-web.sh and
    /// scripts/web-parity.mjs; the output directory can be changed with
    /// `DECLUTTER_NATIVE_OUT`.
    #[test]
    #[ignore = "writes the native reference for the wasm tests; run by scripts/test-web.sh"]
    fn dump_native_reference() {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = manifest.join("../shared/corpus");
        let out = std::env::var_os("DECLUTTER_NATIVE_OUT")
            .map(PathBuf::from)
            .unwrap_or_else(|| manifest.join("target/web-native"));
        std::fs::create_dir_all(&out).unwrap();

        let mut pages: Vec<(String, PathBuf)> =
            vec![("seed".to_string(), corpus.join("seed/page.html"))];
        let mut names: Vec<String> = std::fs::read_dir(corpus.join("readability"))
            .expect("../shared/corpus/readability must exist beside the repo")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("source.html").is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 130, "expected the 130 readability pages");
        for n in names {
            let p = corpus.join("readability").join(&n).join("source.html");
            pages.push((n, p));
        }

        let mut options = declutter::Options::default();
        options.url = Some(PAGE_URL.to_string());
        let mut jsonl = String::new();
        let mut hashes = String::new();
        for (name, path) in &pages {
            let bytes = std::fs::read(path).unwrap();
            let html = String::from_utf8_lossy(&bytes);
            let line = match declutter::clean(&html, &options) {
                Ok(a) => {
                    if BROWSER_PAGES.iter().any(|(n, _)| n == name) {
                        let t = a.text_content.as_bytes();
                        write!(hashes, "{name}={:016x}:{};", fnv1a64(t), t.len()).unwrap();
                    }
                    serde_json::json!({ "name": name, "article": a })
                }
                Err(e) => serde_json::json!({ "name": name, "error": e.to_string() }),
            };
            jsonl.push_str(&line.to_string());
            jsonl.push('\n');
        }
        std::fs::write(out.join("articles.jsonl"), jsonl).unwrap();
        std::fs::write(out.join("text-hashes.txt"), &hashes).unwrap();
        // Every browser page must have been cleaned natively.
        assert_eq!(hashes.matches(';').count(), BROWSER_PAGES.len(), "{hashes}");
        println!("native reference: {} pages -> {}", pages.len(), out.display());
    }
}

// ---------------------------------------------------------------------------
// Wasm half: headless Chromium.
// ---------------------------------------------------------------------------
#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use js_sys::{Array, Function, Object, Reflect, Uint8Array, JSON};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    // The test page loads this test binary's glue as /wasm-bindgen-test,
    // and its exports include declutter's #[wasm_bindgen] API (src/wasm.rs).
    // This snippet imports that same module instance (a cycle, which ES
    // modules allow: nothing is touched until a test calls in), so the
    // tests call the API exactly as a page does.
    #[wasm_bindgen(inline_js = r#"
        import * as glue from '/wasm-bindgen-test';
        export function declutterExports() {
            for (const name of ['clean', 'cleanBytes', 'isProbablyReaderable', 'toMarkdown', 'Cleaner']) {
                if (typeof glue[name] !== 'function') throw new Error('export missing from the glue: ' + name);
            }
            return glue;
        }
        export function callCatching(f, args) {
            try { return { ok: true, value: f(...args) }; }
            catch (e) { return { ok: false, error: e }; }
        }
        export function callMethod(obj, name, args) {
            try { return { ok: true, value: obj[name](...args) }; }
            catch (e) { return { ok: false, error: e }; }
        }
        export function constructCatching(C, args) {
            try { return { ok: true, value: new C(...args) }; }
            catch (e) { return { ok: false, error: e }; }
        }
    "#)]
    extern "C" {
        #[wasm_bindgen(catch, js_name = declutterExports)]
        fn declutter_exports() -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_name = callMethod)]
        fn call_method(obj: &JsValue, name: &str, args: &Array) -> JsValue;
        #[wasm_bindgen(js_name = callCatching)]
        fn call_catching(f: &Function, args: &Array) -> JsValue;
        #[wasm_bindgen(js_name = constructCatching)]
        fn construct_catching(c: &Function, args: &Array) -> JsValue;
    }

    /// The JS API as a page sees it.
    struct Api {
        glue: JsValue,
    }

    /// What a JS call did: returned a value or threw.
    enum Outcome {
        Ok(JsValue),
        Threw(JsValue),
    }

    impl Outcome {
        fn unwrap(self) -> JsValue {
            match self {
                Outcome::Ok(v) => v,
                Outcome::Threw(e) => panic!("unexpected JS exception: {}", describe(&e)),
            }
        }
        fn unwrap_err(self) -> JsValue {
            match self {
                Outcome::Ok(v) => panic!("expected an exception, got {}", describe(&v)),
                Outcome::Threw(e) => e,
            }
        }
    }

    fn describe(v: &JsValue) -> String {
        if let Some(e) = v.dyn_ref::<js_sys::Error>() {
            return format!("{}: {}", String::from(e.name()), String::from(e.message()));
        }
        JSON::stringify(v).map(String::from).unwrap_or_else(|_| format!("{v:?}"))
    }

    fn get(obj: &JsValue, key: &str) -> JsValue {
        Reflect::get(obj, &JsValue::from_str(key)).unwrap()
    }

    fn get_str(obj: &JsValue, key: &str) -> String {
        get(obj, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
    }

    fn args(items: &[JsValue]) -> Array {
        items.iter().collect()
    }

    impl Api {
        fn load() -> Api {
            let glue = declutter_exports().map_err(|e| describe(&e)).unwrap();
            Api { glue }
        }
        fn func(&self, name: &str) -> Function {
            get(&self.glue, name).unchecked_into()
        }
        fn call(&self, name: &str, a: &[JsValue]) -> Outcome {
            outcome(call_catching(&self.func(name), &args(a)))
        }
        fn clean(&self, html: &str, options: JsValue) -> Outcome {
            self.call("clean", &[JsValue::from_str(html), options])
        }
        fn new_cleaner(&self, options: JsValue) -> Outcome {
            // `new Cleaner(...)` can throw too.
            outcome(construct_catching(&self.func("Cleaner"), &args(&[options])))
        }
    }

    fn outcome(r: JsValue) -> Outcome {
        if get(&r, "ok").as_bool() == Some(true) {
            Outcome::Ok(get(&r, "value"))
        } else {
            Outcome::Threw(get(&r, "error"))
        }
    }

    fn method(obj: &JsValue, name: &str, a: &[JsValue]) -> Outcome {
        outcome(call_method(obj, name, &args(a)))
    }

    fn url_options() -> JsValue {
        let o = Object::new();
        Reflect::set(&o, &"url".into(), &PAGE_URL.into()).unwrap();
        o.into()
    }

    fn options_with(key: &str, value: JsValue) -> JsValue {
        let o = url_options();
        Reflect::set(&o, &key.into(), &value).unwrap();
        o
    }

    fn to_json(v: &JsValue) -> String {
        JSON::stringify(v).unwrap().into()
    }

    /// A small deterministic PRNG for chunk sizes (xorshift64*).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, bound: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % bound
        }
    }

    fn assert_is_error(e: &JsValue, code: &str, needle: &str) {
        let err = e
            .dyn_ref::<js_sys::Error>()
            .unwrap_or_else(|| panic!("not an Error instance: {}", describe(e)));
        let message = String::from(err.message());
        assert!(message.starts_with("declutter: "), "message: {message}");
        assert!(message.contains(needle), "message {message:?} should mention {needle:?}");
        assert_eq!(get(e, "code").as_string().as_deref(), Some(code), "code of {message}");
    }

    /// JS `clean()` gives exactly what the core (compiled to the same wasm)
    /// gives through the Rust API: the boundary loses and invents nothing.
    #[wasm_bindgen_test]
    fn js_clean_equals_core_on_every_embedded_page() {
        let api = Api::load();
        let mut options = declutter::Options::default();
        options.url = Some(PAGE_URL.to_string());
        for (name, html) in BROWSER_PAGES {
            let js = api.clean(html, url_options()).unwrap();
            let core = declutter::clean(html, &options).unwrap();
            assert_eq!(get_str(&js, "textContent"), core.text_content, "{name}: textContent");
            assert_eq!(get_str(&js, "content"), core.content, "{name}: content");
            assert_eq!(get_str(&js, "title"), core.title, "{name}: title");
            assert_eq!(get(&js, "byline").as_string(), core.byline, "{name}: byline");
            assert_eq!(get(&js, "lang").as_string(), core.lang, "{name}: lang");
            assert_eq!(get(&js, "dir").as_string(), core.dir, "{name}: dir");
            assert_eq!(get(&js, "length").as_f64(), Some(core.length as f64), "{name}: length");
            assert_eq!(get(&js, "wordCount").as_f64(), Some(core.word_count as f64), "{name}");
            let removed = get(&get(&js, "report"), "removed");
            assert_eq!(Array::from(&removed).length() as usize, core.report.removed.len(), "{name}");
        }
    }

    /// Byte-identical textContent to the native build (hashes recorded by
    /// the native half of this file, passed in by scripts/test-web.sh).
    #[wasm_bindgen_test]
    fn text_content_is_identical_to_the_native_build() {
        let Some(reference) = option_env!("DECLUTTER_NATIVE_TEXT_HASHES") else {
            panic!(
                "DECLUTTER_NATIVE_TEXT_HASHES is unset: run scripts/test-web.sh, which records \
                 the native build's output first"
            );
        };
        let api = Api::load();
        let mut checked = 0;
        for entry in reference.split(';').filter(|e| !e.is_empty()) {
            let (name, rest) = entry.split_once('=').unwrap();
            let (hash, len) = rest.split_once(':').unwrap();
            let html = BROWSER_PAGES
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("page {name} is not embedded"))
                .1;
            let text = get_str(&api.clean(html, url_options()).unwrap(), "textContent");
            assert_eq!(text.len().to_string(), len, "{name}: textContent byte length differs");
            assert_eq!(format!("{:016x}", fnv1a64(text.as_bytes())), hash, "{name}: textContent differs");
            checked += 1;
        }
        assert_eq!(checked, BROWSER_PAGES.len(), "every embedded page has a native reference");
    }

    /// The Article has Readability.js's fields plus ours, with JS types
    /// (absent optional fields are null, not undefined).
    #[wasm_bindgen_test]
    fn result_fields_and_types() {
        let api = Api::load();
        let a = api.clean(BROWSER_PAGES[0].1, url_options()).unwrap();
        for key in ["title", "content", "textContent"] {
            assert!(get(&a, key).is_string(), "{key} must be a string");
        }
        for key in ["byline", "dir", "lang", "excerpt", "siteName", "publishedTime", "leadImage"] {
            let v = get(&a, key);
            assert!(v.is_null() || v.is_string(), "{key} must be string or null, got {}", describe(&v));
        }
        for key in ["length", "wordCount", "readingTimeMinutes"] {
            assert!(get(&a, key).as_f64().is_some(), "{key} must be a number");
        }
        let text = get_str(&a, "textContent");
        assert_eq!(get(&a, "length").as_f64(), Some(text.chars().count() as f64));
        let report = get(&a, "report");
        assert!(Array::is_array(&get(&report, "totals")));
        assert!(Array::is_array(&get(&report, "removed")));
        for r in Array::from(&get(&report, "removed")).iter() {
            assert!(get(&r, "category").is_string() && get(&r, "reason").is_string());
            assert!(get(&r, "element").is_string() && get(&r, "chars").as_f64().is_some());
        }
        let keys: Vec<String> =
            Reflect::own_keys(&a).unwrap().iter().map(|k| k.as_string().unwrap()).collect();
        for expected in [
            "title", "byline", "dir", "lang", "content", "textContent", "length", "excerpt",
            "siteName", "publishedTime", "leadImage", "wordCount", "readingTimeMinutes", "report",
        ] {
            assert!(keys.iter().any(|k| k == expected), "missing field {expected} in {keys:?}");
        }
    }

    /// The seed page's article, as the real extractor must give it: the
    /// metadata and body are there, none of the clutter is.
    #[wasm_bindgen_test]
    fn seed_page_article() {
        let api = Api::load();
        let a = api.clean(BROWSER_PAGES[0].1, url_options()).unwrap();
        assert_eq!(get_str(&a, "title"), "Renzi-Jack Ma, incontro a Palazzo Chigi");
        assert_eq!(get(&a, "lang").as_string().as_deref(), Some("it-IT"));
        assert_eq!(get(&a, "siteName").as_string().as_deref(), Some("Example News"));
        let text = get_str(&a, "textContent");
        assert!(text.contains("Nuovo incontro a Roma tra il presidente del Consiglio, Matteo Renzi"));
        assert!(text.contains("Expo Milano 2015"));
        for junk in ["Accetta", "Rifiuta", "Valuta la qualità", "Articoli correlati", "Abbonati"] {
            assert!(!text.contains(junk), "clutter {junk:?} left in the article");
        }
        let report = get(&a, "report");
        assert!(Array::from(&get(&report, "removed")).length() > 0, "the report lists removals");
        assert_eq!(api.call("isProbablyReaderable", &[BROWSER_PAGES[0].1.into()]).unwrap(), JsValue::TRUE);
        let menu = "<ul><li><a href=/>Home</a></li><li><a href=/b>About</a></li></ul>";
        assert_eq!(api.call("isProbablyReaderable", &[menu.into()]).unwrap(), JsValue::FALSE);
    }

    /// Feeding the Cleaner in random chunk sizes (bytes split anywhere,
    /// including inside UTF-8 sequences and tags) or as strings gives the
    /// same Article as one-shot clean().
    #[wasm_bindgen_test]
    fn streaming_cleaner_in_random_chunks_equals_clean() {
        let api = Api::load();
        for (i, (name, html)) in BROWSER_PAGES.iter().enumerate() {
            let expected = to_json(&api.clean(html, url_options()).unwrap());
            let bytes = html.as_bytes();
            for seed in 1..=3u64 {
                let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (seed * 7919 + i as u64));
                let cleaner = api.new_cleaner(url_options()).unwrap();
                let mut pos = 0;
                let mut writes = 0;
                while pos < bytes.len() {
                    let max = [1, 7, 64, 4096, 70_000][rng.next(5)];
                    let n = (1 + rng.next(max)).min(bytes.len() - pos);
                    let chunk = Uint8Array::from(&bytes[pos..pos + n]);
                    method(&cleaner, "write", &[chunk.into()]).unwrap();
                    pos += n;
                    writes += 1;
                }
                let got = to_json(&method(&cleaner, "finish", &[]).unwrap());
                assert!(got == expected, "{name}: seed {seed}, {writes} writes: differs from clean()");
            }
            // String chunks (split on char boundaries) and an ArrayBuffer chunk.
            let cleaner = api.new_cleaner(url_options()).unwrap();
            let mid = (1..=html.len() / 2).rev().find(|&k| html.is_char_boundary(k)).unwrap_or(0);
            method(&cleaner, "write", &[html[..mid].into()]).unwrap();
            let rest = Uint8Array::from(&bytes[mid..]);
            method(&cleaner, "write", &[rest.buffer().into()]).unwrap();
            let got = to_json(&method(&cleaner, "finish", &[]).unwrap());
            assert!(got == expected, "{name}: string + ArrayBuffer chunks differ from clean()");
        }
    }

    /// src/wasm.rs reads options key by key (js_sys::Reflect, no serde):
    /// every key of the serde derive (the names tests/defaults.rs checks
    /// against the d.ts) is read, with its default value changing nothing;
    /// `undefined` is absent only for the optional `url`.
    #[wasm_bindgen_test]
    fn every_option_of_the_serde_derive_is_read_and_undefined_is_rejected() {
        let api = Api::load();
        let html = BROWSER_PAGES[1].1;
        let good = to_json(&api.clean(html, url_options()).unwrap());
        let defaults = serde_json::to_value(declutter::Options::default()).unwrap();
        let all = url_options();
        for (key, value) in defaults.as_object().unwrap() {
            if key == "url" {
                continue;
            }
            let v = JSON::parse(&value.to_string()).unwrap();
            assert_eq!(to_json(&api.clean(html, options_with(key, v.clone())).unwrap()), good, "{key}");
            Reflect::set(&all, &key.as_str().into(), &v).unwrap();
            let e = api.clean(html, options_with(key, JsValue::UNDEFINED)).unwrap_err();
            assert_is_error(&e, "INVALID_OPTION", "invalid type: unit value, expected");
        }
        assert_eq!(to_json(&api.clean(html, all).unwrap()), good);
        let e = api.clean(html, options_with("charThreshold", JsValue::from_f64(1.5))).unwrap_err();
        assert_is_error(&e, "INVALID_OPTION", "invalid type: floating point `1.5`, expected usize");
        let e = api.clean(html, options_with("addAllowedTags", JsValue::from_str("b"))).unwrap_err();
        assert_is_error(&e, "INVALID_OPTION", "expected a sequence");
        let no_url = Object::new();
        Reflect::set(&no_url, &"url".into(), &JsValue::UNDEFINED).unwrap();
        api.clean(html, no_url.into()).unwrap();
    }

    /// Errors cross as JS Errors with a clear message and a code, and the
    /// module keeps working afterwards.
    #[wasm_bindgen_test]
    fn errors_are_js_errors_and_the_next_call_works() {
        let api = Api::load();
        let html = BROWSER_PAGES[1].1;
        let good = to_json(&api.clean(html, url_options()).unwrap());

        // Unknown option (a typo) and an invalid value.
        let e = api.clean(html, options_with("keepImagez", JsValue::TRUE)).unwrap_err();
        assert_is_error(&e, "INVALID_OPTION", "keepImagez");
        assert_eq!(to_json(&api.clean(html, url_options()).unwrap()), good);

        let e = api.clean(html, options_with("maxMemory", JsValue::from_f64(0.0))).unwrap_err();
        assert_is_error(&e, "INVALID_OPTION", "maxMemory");
        let e = api.clean(html, options_with("keepImages", "yes".into())).unwrap_err();
        assert_is_error(&e, "INVALID_OPTION", "");
        let e = api.clean(html, options_with("url", "not a url".into())).unwrap_err();
        assert_is_error(&e, "INVALID_OPTION", "url");
        assert_eq!(to_json(&api.clean(html, url_options()).unwrap()), good);

        // Wrong argument types are TypeErrors.
        let e = api.call("clean", &[JsValue::from_f64(42.0)]).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{}", describe(&e));
        let e = api.clean(html, JsValue::from_str("{}")).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{}", describe(&e));

        // Limits: parser memory, input size.
        let huge = format!("<p title='{}'>x</p>", "a".repeat(100_000));
        let e = api.clean(&huge, options_with("maxMemory", JsValue::from_f64(1024.0))).unwrap_err();
        assert_is_error(&e, "MEMORY_LIMIT_EXCEEDED", "memory limit");
        let e = api.clean(html, options_with("maxInputBytes", JsValue::from_f64(10.0))).unwrap_err();
        assert_is_error(&e, "INPUT_TOO_LARGE", "exceeds the limit");
        assert_eq!(to_json(&api.clean(html, url_options()).unwrap()), good);

        // Cleaner: invalid options throw from the constructor; a failed or
        // finished cleaner refuses more input; a fresh one works.
        let e = api.new_cleaner(options_with("bogus", JsValue::NULL)).unwrap_err();
        assert_is_error(&e, "INVALID_OPTION", "bogus");
        let small = api.new_cleaner(options_with("maxInputBytes", JsValue::from_f64(100.0))).unwrap();
        let e = method(&small, "write", &[html.into()]).unwrap_err();
        assert_is_error(&e, "INPUT_TOO_LARGE", "exceeds");
        let e = method(&small, "write", &["<p>more</p>".into()]).unwrap_err();
        assert_is_error(&e, "CLEANER_FINISHED", "already finished");
        let e = method(&small, "write", &[JsValue::from_f64(1.0)]).unwrap_err();
        assert!(e.is_instance_of::<js_sys::Error>());
        let c = api.new_cleaner(url_options()).unwrap();
        method(&c, "write", &[html.into()]).unwrap();
        assert_eq!(to_json(&method(&c, "finish", &[]).unwrap()), good);
        let e = method(&c, "finish", &[]).unwrap_err();
        assert_is_error(&e, "CLEANER_FINISHED", "already finished");
        let fresh = api.new_cleaner(JsValue::UNDEFINED).unwrap();
        let e = method(&fresh, "write", &[JsValue::from_f64(1.0)]).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{}", describe(&e));

        // Still alive after all that.
        assert_eq!(to_json(&api.clean(html, url_options()).unwrap()), good);
    }

    /// Options actually reach the core (not silently dropped at the boundary).
    #[wasm_bindgen_test]
    fn options_cross_the_boundary() {
        let api = Api::load();
        let html = "<article><h1>T</h1><p>Some words here, with commas, and a picture: \
                    <img src='pic.png' alt='p'> and more words to count as content.</p></article>";
        let with = get_str(&api.clean(html, url_options()).unwrap(), "content");
        assert!(with.contains("http://fakehost/test/pic.png"), "url resolves images: {with}");
        let without = get_str(&api.clean(html, options_with("keepImages", JsValue::FALSE)).unwrap(), "content");
        assert!(!without.contains("<img"), "keepImages: false drops images: {without}");
        let bytes = Uint8Array::from(html.as_bytes());
        let via_bytes = api.call("cleanBytes", &[bytes.into(), "utf-8".into(), url_options()]).unwrap();
        assert_eq!(get_str(&via_bytes, "content"), with);
    }
}
