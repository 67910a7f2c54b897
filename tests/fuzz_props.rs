//! Property test over arbitrary bytes (issue 5, "a fuzz target ... run for a
//! bounded time as a documented command"). No `cargo fuzz` needed: a seeded
//! PRNG mutates pages of the hostile corpus (bit flips, inserted markup
//! tokens, splices, truncation, duplication) and also makes plain random
//! bytes. Every input goes through
//!
//! - `clean_bytes` with a random transport charset (none, known, bogus),
//! - the streaming `Cleaner`, fed the raw bytes in random chunk sizes,
//! - `clean` on the lossily decoded string,
//!
//! and the properties are: **never a panic**, errors are typed, and every
//! `Ok` output passes the static XSS oracle (tests/support/mod.rs).
//!
//! Bounded by count (and optionally by time). The default is a quick run
//! that `cargo test` includes:
//!
//! ```text
//! cargo test --test fuzz_props                      # 400 inputs, seed 1
//! FUZZ_ITERS=200000 FUZZ_SECONDS=600 FUZZ_SEED=$RANDOM \
//!   cargo test --release --test fuzz_props -- --nocapture   # a longer hunt
//! ```
//!
//! `FUZZ_SECONDS` stops the loop early after that many seconds (a bound on
//! work, never an assertion). A failing input is saved under
//! `target/tmp/fuzz-failures/`; the input being cleaned is always in
//! `target/tmp/fuzz-current.bin`, so an abort or stack overflow (which kill
//! the process) still leaves it behind. To keep a crash as a regression
//! test, copy the file into `tests/fuzz_regressions/` (any extension): every
//! file there is replayed by `fuzz_regressions_replay`.

mod support;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::Instant;

use declutter::{clean, clean_bytes, Error, Options};
use support::*;

const TRANSPORTS: &[Option<&str>] = &[
    None,
    None,
    Some("utf-8"),
    Some("windows-1252"),
    Some("shift_jis"),
    Some("utf-16le"),
    Some("utf-16be"),
    Some("iso-2022-jp"),
    Some("replacement"),
    Some("x-user-defined"),
    Some("no-such-charset"),
];

/// Markup fragments that steer mutations into interesting parser states.
const TOKENS: &[&[u8]] = &[
    b"<", b">", b"</", b"<!--", b"-->", b"--!>", b"<!-->", b"<![CDATA[", b"]]>", b"<?", b"&", b"&#", b"&#x",
    b"&lt;", b"&amp", b";", b"\"", b"'", b"=", b"\0", b"\r\n", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF",
    b"\xC3", b"\xF0\x9F", b"<script>", b"</script>", b"<style>", b"</style>", b"<textarea>", b"<title>",
    b"<noscript>", b"<plaintext>", b"<xmp>", b"<template>", b"<svg>", b"</svg>", b"<math>", b"<mtext>",
    b"<mglyph>", b"<foreignObject>", b"<select>", b"<frameset>", b"<table>", b"<tr>", b"<td>", b"<iframe>",
    b"<img src=x onerror=alert(1)>", b" onerror=alert(1) ", b" href=javascript:alert(1) ",
    b" href=\"java&#x09;script:alert(1)\" ", b" style=\"x:expression(alert(1))\" ", b"<a href=",
    b"<meta charset=utf-16>", b"<meta charset=\"shift_jis\">", b"<meta http-equiv=content-type content=\"text/html;charset=koi8-r\">",
    b"<base href=javascript:/>", b"<body onload=alert(1)>", b"<article>", b"</article>", b"<p>", b"</p>",
    b"<div>", b"</div>", b"<b><i>", b"</b></i>",
];

fn seeds() -> Vec<Vec<u8>> {
    let mut s: Vec<Vec<u8>> = Vec::new();
    let dir = corpus_dir().join("encodings");
    for c in load_json("encodings/index.json") {
        if let Some(p) = str_field(&c, "page") {
            s.push(std::fs::read(dir.join(p)).expect("encoding page"));
        }
    }
    for f in ["xss/dompurify-vectors.json", "xss/h5sc-vectors.json", "xss/reader-vectors.json"] {
        for (i, item) in load_json(f).iter().enumerate() {
            if i % 3 == 0 {
                s.push(str_field(item, "payload").unwrap_or("").as_bytes().to_vec());
            }
        }
    }
    for (i, item) in load_json("malformed/html5lib-tree-construction.json").iter().enumerate() {
        if i % 20 == 0 {
            s.push(str_field(item, "data").unwrap_or("").as_bytes().to_vec());
        }
    }
    s.push(
        b"<!DOCTYPE html><html><head><title>T</title></head><body><nav><a href=/>Home</a></nav>\
          <article><h1>Title</h1><p>First paragraph, long enough, with commas, and words.</p>\
          <p>Second paragraph <a href='https://example.com/'>link</a> and <img src=a.png alt=x>.</p>\
          </article><footer>Footer</footer></body></html>"
            .to_vec(),
    );
    s
}

fn mutate(input: &[u8], seeds: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..rng.range(1, 8) {
        match rng.below(9) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next_u64() as u8;
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(v.len() + 1);
                v.splice(i..i, t.iter().copied());
            }
            3 if !v.is_empty() => {
                let i = rng.below(v.len());
                let n = rng.range(1, 16).min(v.len() - i);
                v.drain(i..i + n);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = (a + rng.range(1, 200)).min(other.len());
                    let i = rng.below(v.len() + 1);
                    v.splice(i..i, other[a..b].iter().copied());
                }
            }
            5 if !v.is_empty() => {
                let n = rng.below(v.len());
                v.truncate(n);
            }
            6 if !v.is_empty() && v.len() < 8192 => {
                let a = rng.below(v.len());
                let b = (a + rng.range(1, 64)).min(v.len());
                let piece = v[a..b].to_vec();
                for _ in 0..rng.range(1, 50) {
                    v.splice(b..b, piece.iter().copied());
                }
            }
            7 => {
                let n = rng.range(1, 32);
                let i = rng.below(v.len() + 1);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
                v.splice(i..i, bytes);
            }
            _ => {
                // Deep nesting of a random tag.
                let tags: [&[u8]; 6] = [b"<div>", b"<b>", b"<table>", b"<svg>", b"<a>", b"<li>"];
                let t = tags[rng.below(tags.len())];
                let i = rng.below(v.len() + 1);
                let deep: Vec<u8> = t.repeat(rng.range(10, 1500));
                v.splice(i..i, deep);
            }
        }
    }
    v.truncate(1 << 20);
    v
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let n = rng.range(0, 4096);
    (0..n).map(|_| rng.next_u64() as u8).collect()
}

fn env_num(key: &str, default: u64) -> u64 {
    std::env::var(key).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn tmp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

fn message(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic".into())
}

/// All properties for one input; returns the failures.
fn check_input(bytes: &[u8], rng: &mut Rng) -> Vec<String> {
    let mut fails = Vec::new();
    let o = Options::default();
    let transport = TRANSPORTS[rng.below(TRANSPORTS.len())];
    let check_result = |what: &str, r: std::thread::Result<declutter::Result<declutter::Article>>, fails: &mut Vec<String>| match r {
        Err(p) => fails.push(format!("{what}: PANIC {}", message(p))),
        Ok(Err(Error::CleanerFinished)) => fails.push(format!("{what}: CleanerFinished from a fresh cleaner")),
        Ok(Err(_)) => {}
        Ok(Ok(a)) => {
            let v = check_output(&a.content);
            if !v.is_empty() {
                fails.push(format!("{what}: unsafe output: {}\n  output: {}", v.join("; "), clip(&a.content, 300)));
            }
        }
    };
    check_result(
        &format!("clean_bytes(transport {transport:?})"),
        catch_unwind(AssertUnwindSafe(|| clean_bytes(bytes, transport, &o))),
        &mut fails,
    );
    let chunks = random_chunks(bytes, rng);
    let n = chunks.len();
    let streamed = catch_unwind(AssertUnwindSafe(|| clean_chunked(&chunks, &o)));
    if let Err(p) = streamed {
        fails.push(format!("Cleaner ({n} raw chunks): PANIC {}", message(p)));
    }
    let text = String::from_utf8_lossy(bytes);
    check_result("clean(lossy string)", catch_unwind(AssertUnwindSafe(|| clean(&text, &o))), &mut fails);
    // The sniffer on its own, with every transport.
    for t in TRANSPORTS {
        if catch_unwind(|| declutter::encoding::decode_html(bytes, *t)).is_err() {
            fails.push(format!("decode_html(transport {t:?}): PANIC"));
        }
    }
    fails
}

#[test]
fn arbitrary_bytes_never_panic_and_output_stays_safe() {
    let iters = env_num("FUZZ_ITERS", 400);
    let seed = env_num("FUZZ_SEED", 1);
    let budget = std::env::var("FUZZ_SECONDS").ok().and_then(|v| v.parse::<f64>().ok());
    let seeds = seeds();
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let current = tmp("fuzz-current.bin");
    let fail_dir = tmp("fuzz-failures");
    let mut failures = Vec::new();
    let mut done = 0u64;
    let mut slowest = (std::time::Duration::ZERO, 0u64, 0usize);
    for i in 0..iters {
        if budget.is_some_and(|b| started.elapsed().as_secs_f64() > b) {
            break;
        }
        let input = if rng.below(10) == 0 {
            random_bytes(&mut rng)
        } else {
            let base = &seeds[rng.below(seeds.len())];
            mutate(base, &seeds, &mut rng)
        };
        let _ = std::fs::write(&current, &input);
        let t0 = Instant::now();
        let fails = check_input(&input, &mut rng);
        let dt = t0.elapsed();
        if dt > slowest.0 {
            slowest = (dt, i, input.len());
            // Kept for profiling (time must stay linear in size).
            let _ = std::fs::write(tmp("fuzz-slowest.bin"), &input);
        }
        if !fails.is_empty() {
            let _ = std::fs::create_dir_all(&fail_dir);
            let path = fail_dir.join(format!("seed{seed}-iter{i}.bin"));
            let _ = std::fs::write(&path, &input);
            failures.push(format!("seed {seed} iteration {i} (input saved to {}): {}", path.display(), fails.join("; ")));
        }
        done += 1;
    }
    eprintln!(
        "fuzz_props: {done} inputs (seed {seed}) in {:.1?}; slowest: iteration {} ({} bytes, saved as target/tmp/fuzz-slowest.bin) took {:.1?}",
        started.elapsed(),
        slowest.1,
        slowest.2,
        slowest.0
    );
    assert!(done > 0);
    assert_no_failures("fuzz_props", done as usize, &failures);
}

/// Every file in tests/fuzz_regressions/ (crashes found earlier) passes.
#[test]
fn fuzz_regressions_replay() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut failures = Vec::new();
    let mut n = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "md") || !p.is_file() {
                continue;
            }
            n += 1;
            let bytes = std::fs::read(&p).unwrap();
            let mut rng = Rng::new(seed_of(&p.to_string_lossy()));
            let fails = check_input(&bytes, &mut rng);
            if !fails.is_empty() {
                failures.push(format!("{}: {}", p.display(), fails.join("; ")));
            }
        }
    }
    assert_no_failures("fuzz_regressions", n, &failures);
}
