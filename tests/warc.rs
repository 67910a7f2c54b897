//! `declutter batch --warc` and `--jsonl`: WARC (plain and gzip, file and
//! stdin) and JSONL in, one JSON line per page out; and bad input — a broken
//! record, a page that is not UTF-8 and declares no charset, a truncated and
//! a corrupt gzip member, bad JSONL lines — never stops the run, and every
//! bad record is reported (stderr, an `error` line, the summary's counts).
//!
//! The WARC files are written here by hand, byte for byte, so that the
//! broken ones can be broken exactly where the test says.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[path = "common/temp.rs"]
mod temp;
use temp::TempDir;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_declutter"))
}

fn article(title: &str, extra: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/x'>Menu link</a></nav>\
         <article><h1>{title}</h1><p>The first paragraph of {title} talks about lakes, rivers and the quiet of the north.</p>\
         <p>The second paragraph of {title} goes on with <a href='rel.html'>a relative link</a> and more words. {extra}</p>\
         </article></body></html>"
    )
}

/// One WARC record with a correct Content-Length.
fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\n\
         WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        uri.len() ^ block.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(uri: &str, http_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{http_headers}\r\n").into_bytes();
    block.extend_from_slice(body);
    record("response", uri, "application/http; msgtype=response", &block)
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A page a WARC must yield: url, html bytes, transport charset.
type Expected = (String, Vec<u8>, Option<&'static str>);

/// The records of the main test WARC, and the pages it must yield.
fn records() -> (Vec<Vec<u8>>, Vec<Expected>) {
    let a = article("Alpha", "");
    let b = article("Beta", "");
    let latin = article("Gamma", "Caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e.");
    let latin_bytes: Vec<u8> = latin.chars().map(|c| c as u32 as u8).collect(); // windows-1252 == latin-1 here
    let koi = article("Delta", "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442} \u{43c}\u{438}\u{440}.");
    let (koi_bytes, _, _) = encoding_rs::KOI8_R.encode(&koi);
    let recs = vec![
        record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        record("request", "https://a.example/one", "application/http; msgtype=request", b"GET /one HTTP/1.1\r\nHost: a.example\r\n\r\n"),
        response("https://a.example/one", "Content-Type: text/html; charset=utf-8\r\n", a.as_bytes()),
        response("https://a.example/logo.png", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\nxxxx"),
        record("response", "https://a.example/old", "application/http; msgtype=response", b"HTTP/1.1 301 Moved\r\nLocation: /new\r\n\r\n"),
        response("https://a.example/two", "Content-Type: text/html\r\n", b.as_bytes()),
        // Not UTF-8, no charset anywhere: decoded as windows-1252, flagged.
        response("https://a.example/latin", "Content-Type: text/html\r\n", &latin_bytes),
        // The charset only in the HTTP header.
        response("https://a.example/koi", "Content-Type: text/html; charset=KOI8-R\r\n", &koi_bytes),
    ];
    let pages = vec![
        ("https://a.example/one".to_string(), a.into_bytes(), Some("utf-8")),
        ("https://a.example/two".to_string(), b.into_bytes(), None),
        ("https://a.example/latin".to_string(), latin_bytes, None),
        ("https://a.example/koi".to_string(), koi_bytes.into_owned(), Some("KOI8-R")),
    ];
    (recs, pages)
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The summary line (last line of stderr) as key -> number.
fn summary(o: &Output) -> std::collections::HashMap<String, f64> {
    let err = String::from_utf8_lossy(&o.stderr);
    let line = err.lines().rev().find(|l| l.starts_with("pages=")).unwrap_or_else(|| panic!("no summary in {err}"));
    line.split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.parse().unwrap()))
        .collect()
}

fn run_warc(path: &std::path::Path) -> Output {
    let o = bin().args(["batch", "--jobs", "2", "--warc"]).arg(path).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    o
}

/// Every page line must be exactly the library's result for that page.
fn check_pages(out: &[Value], pages: &[Expected]) {
    let got: Vec<&Value> = out.iter().filter(|v| v.get("error").is_none()).collect();
    assert_eq!(got.len(), pages.len(), "{out:?}");
    for (v, (url, bytes, cs)) in got.iter().zip(pages) {
        assert_eq!(v["url"], url.as_str());
        let mut o = declutter::Options::default();
        o.url = Some(url.clone());
        let a = declutter::clean_bytes(bytes, *cs, &o).unwrap();
        assert_eq!(v["textContent"], a.text_content.as_str(), "{url}");
        assert_eq!(v["title"], a.title.as_str(), "{url}");
        assert_eq!(v["content"], a.content.as_str(), "{url}");
        assert!(v["wordCount"].as_u64().unwrap() > 10);
    }
}

#[test]
fn warc_plain_gzip_and_stdin() {
    let t = TempDir::new("warc", "good");
    let (recs, pages) = records();
    let plain: Vec<u8> = recs.concat();
    let gzipped: Vec<u8> = recs.iter().flat_map(|r| gz(r)).collect();
    std::fs::write(t.0.join("a.warc"), &plain).unwrap();
    std::fs::write(t.0.join("a.warc.gz"), &gzipped).unwrap();
    // One gzip member for the whole file (some tools write that) works too.
    std::fs::write(t.0.join("one-member.warc.gz"), gz(&plain)).unwrap();
    let mut outputs = Vec::new();
    for f in ["a.warc", "a.warc.gz", "one-member.warc.gz"] {
        let o = run_warc(&t.0.join(f));
        let out = lines(&o);
        assert_eq!(out.len(), 4, "{f}: {out:?}");
        check_pages(&out, &pages);
        let s = summary(&o);
        assert_eq!((s["pages"], s["errors"], s["bad"]), (4.0, 0.0, 0.0), "{f}");
        // warcinfo, request, png, 301.
        assert_eq!(s["skipped"], 4.0, "{f}");
        assert_eq!(s["charset_guessed"], 1.0, "{f}");
        outputs.push(o.stdout);
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
    let out = lines(&bin().args(["batch", "--warc", "a.warc"]).current_dir(&t.0).output().unwrap());
    let latin = out.iter().find(|v| v["url"] == "https://a.example/latin").unwrap();
    assert!(latin["warning"].as_str().unwrap().contains("windows-1252"), "{latin}");
    assert!(latin["textContent"].as_str().unwrap().contains("Caf\u{e9} cr\u{e8}me"), "{latin}");
    let koi = out.iter().find(|v| v["url"] == "https://a.example/koi").unwrap();
    assert!(koi.get("warning").is_none());
    assert!(koi["textContent"].as_str().unwrap().contains("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}"), "{koi}");
    // Relative links resolved against WARC-Target-URI.
    assert!(out[0]["content"].as_str().unwrap().contains("https://a.example/rel.html"));

    // stdin, gzip detected by its magic bytes.
    let mut child = bin()
        .args(["batch", "--warc", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&gzipped).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    assert_eq!(o.stdout, outputs[0]);
    // --out FILE instead of stdout.
    let o = bin().args(["batch", "--warc", "a.warc.gz", "--out", "o.jsonl"]).current_dir(&t.0).output().unwrap();
    assert!(o.status.success() && o.stdout.is_empty());
    assert_eq!(std::fs::read(t.0.join("o.jsonl")).unwrap(), outputs[0]);
}

#[test]
fn broken_record_is_counted_and_the_run_goes_on() {
    let t = TempDir::new("warc", "broken");
    let (recs, pages) = records();
    // Record 2 (page "one") claims more bytes than it has: its block runs
    // into the next record. And a record of garbage after it.
    let mut broken = recs[2].clone();
    let s = String::from_utf8_lossy(&broken).into_owned();
    let cl = s.split("Content-Length: ").nth(1).unwrap().split("\r\n").next().unwrap().to_string();
    let s = s.replacen(&format!("Content-Length: {cl}"), &format!("Content-Length: {}", cl.parse::<usize>().unwrap() - 40), 1);
    broken = s.into_bytes();
    let mut all = recs.clone();
    all[2] = broken;
    all.insert(4, b"this is not a WARC record at all\r\n\r\n".to_vec());
    let o = run_warc(&{
        let p = t.0.join("broken.warc");
        std::fs::write(&p, all.concat()).unwrap();
        p
    });
    let out = lines(&o);
    check_pages(&out, &pages[1..]);
    let s = summary(&o);
    assert_eq!(s["pages"], 3.0);
    assert!(s["bad"] >= 1.0, "{s:?}");
    let errors: Vec<&Value> = out.iter().filter(|v| v.get("error").is_some()).collect();
    assert_eq!(errors.len() as f64, s["bad"]);
    assert!(errors.iter().all(|e| e["error"].as_str().unwrap().contains("WARC record")), "{errors:?}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("broken WARC record"), "{stderr}");

    // The same in gzip, one member per record: exactly one bad record per bad member.
    let gzipped: Vec<u8> = all.iter().flat_map(|r| gz(r)).collect();
    let p = t.0.join("broken.warc.gz");
    std::fs::write(&p, gzipped).unwrap();
    let o = run_warc(&p);
    let s = summary(&o);
    assert_eq!((s["pages"], s["bad"]), (3.0, 2.0), "{}", String::from_utf8_lossy(&o.stderr));
    check_pages(&lines(&o), &pages[1..]);
}

#[test]
fn truncated_and_corrupt_gzip_members() {
    let t = TempDir::new("warc", "gzip");
    let (recs, pages) = records();
    let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();

    // The last member cut in half: the pages before it all come out.
    let mut data: Vec<u8> = members.concat();
    let last = members.last().unwrap().len();
    data.truncate(data.len() - last / 2);
    let p = t.0.join("truncated.warc.gz");
    std::fs::write(&p, &data).unwrap();
    let o = run_warc(&p);
    let out = lines(&o);
    check_pages(&out, &pages[..3]);
    let s = summary(&o);
    assert_eq!((s["pages"], s["bad"]), (3.0, 1.0));
    let err = out.last().unwrap()["error"].as_str().unwrap().to_string();
    assert!(err.contains("gzip"), "{err}");

    // A member in the middle corrupted (page "two"): the members after it are read.
    let mut corrupt = members.clone();
    let m = &mut corrupt[5];
    let mid = m.len() / 2;
    for b in &mut m[mid..mid + 8] {
        *b ^= 0x55;
    }
    let p = t.0.join("corrupt.warc.gz");
    std::fs::write(&p, corrupt.concat()).unwrap();
    let o = run_warc(&p);
    let out = lines(&o);
    let s = summary(&o);
    assert_eq!((s["pages"], s["bad"]), (3.0, 1.0), "{}", String::from_utf8_lossy(&o.stderr));
    let want: Vec<_> = pages.iter().filter(|p| p.0 != "https://a.example/two").cloned().collect();
    check_pages(&out, &want);
    // The error line stands where the lost record was.
    let i = out.iter().position(|v| v.get("error").is_some()).unwrap();
    assert_eq!(out[i - 1]["url"], "https://a.example/one");
    assert_eq!(out[i + 1]["url"], "https://a.example/latin");

    // Not gzip, not WARC: reported, no page, exit 0.
    let p = t.0.join("junk.warc");
    std::fs::write(&p, b"hello\nworld\n").unwrap();
    let o = run_warc(&p);
    let s = summary(&o);
    assert_eq!((s["pages"], s["bad"]), (0.0, 1.0));
}

#[test]
fn jsonl_in_jsonl_out() {
    let a = article("Alpha", "");
    let b = article("Beta", "");
    let mut input = Vec::new();
    writeln!(input, "{}", serde_json::json!({"url": "https://x.example/a", "html": a})).unwrap();
    writeln!(input, "{{not json").unwrap();
    writeln!(input).unwrap(); // blank lines are not records
    writeln!(input, "{}", serde_json::json!({"url": "https://x.example/nohtml"})).unwrap();
    input.extend_from_slice(b"{\"url\": \"https://x.example/bin\", \"html\": \"\xff\xfe\"}\n");
    writeln!(input, "{}", serde_json::json!({"url": "relative/path", "html": b})).unwrap();
    write!(input, "{}", serde_json::json!({"html": b})).unwrap(); // last line without newline
    let mut child = bin()
        .args(["batch", "--jsonl", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let out = lines(&o);
    assert_eq!(out.len(), 6, "{out:?}");
    let want_a = declutter::clean(&a, &{
        let mut o = declutter::Options::default();
        o.url = Some("https://x.example/a".into());
        o
    })
    .unwrap();
    assert_eq!(out[0]["textContent"], want_a.text_content.as_str());
    assert!(out[1]["error"].as_str().unwrap().contains("line 2"), "{}", out[1]);
    assert_eq!(out[2]["url"], "https://x.example/nohtml");
    assert!(out[2]["error"].as_str().unwrap().contains("html"));
    assert!(out[3]["error"].as_str().unwrap().contains("UTF-8"));
    // A relative URL: cleaned without a base, the URL kept as given.
    assert_eq!(out[4]["url"], "relative/path");
    let want_b = declutter::clean(&b, &declutter::Options::default()).unwrap();
    assert_eq!(out[4]["textContent"], want_b.text_content.as_str());
    assert_eq!(out[5]["url"], Value::Null);
    assert_eq!(out[5]["textContent"], want_b.text_content.as_str());
    let s = summary(&o);
    assert_eq!((s["pages"], s["bad"], s["errors"]), (3.0, 3.0, 3.0));
}

#[test]
fn usage() {
    let o = bin().args(["batch", "--warc", "/nonexistent/x.warc"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let o = bin().args(["batch", "--warc", "x.warc", "--jsonl"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}
