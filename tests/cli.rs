//! The `declutter` command line: formats, stdin/file input, usage errors,
//! and `batch` (folder layouts, output names, a failing page skipped).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PAGE: &str = "<html lang=en><head><title>Quiet Lakes - Example Site</title></head><body>\
    <nav><a href='/'>Home</a> <a href='/about'>About us</a></nav>\
    <article><h1>Quiet Lakes</h1>\
    <p>The first paragraph of the article talks about lakes, rivers, and the quiet of the north.</p>\
    <p>The second paragraph goes on, with <a href='more.html'>a relative link</a>, and more words.</p>\
    </article></body></html>";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_declutter"))
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[path = "common/temp.rs"]
mod temp;
use temp::TempDir;

/// A fresh temporary directory for this test file.
fn tempdir(tag: &str) -> TempDir {
    TempDir::new("cli", tag)
}

#[test]
fn text_is_the_article_without_title_or_chrome() {
    let o = run_stdin(&[], PAGE);
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(text.contains("The first paragraph of the article"), "{text}");
    assert!(text.contains("The second paragraph goes on"), "{text}");
    assert!(!text.contains("About us"), "{text}");
    // The first line is the article's, not a prepended <title>.
    assert!(!text.starts_with("Quiet Lakes - Example Site"), "{text}");
    // Exactly the library's text_content (plus a final newline).
    let a = declutter::clean(PAGE, &declutter::Options::default()).unwrap();
    assert_eq!(text.trim_end_matches('\n'), a.text_content.trim_end_matches('\n'));
}

#[test]
fn formats_and_url() {
    let url = "https://example.com/news/lakes.html";
    let html = stdout(&run_stdin(&["--format", "html", "--url", url], PAGE));
    assert!(html.contains("<p>") && html.contains("https://example.com/news/more.html"), "{html}");
    assert!(!html.contains("<nav"), "{html}");

    let md = stdout(&run_stdin(&["--format=markdown", "--url", url], PAGE));
    assert!(md.contains("a relative link") && md.contains("(https://example.com/news/more.html)"), "{md}");
    assert!(!md.contains("<p>"), "{md}");

    let json = stdout(&run_stdin(&["-f", "json", "-u", url, "-"], PAGE));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for key in ["title", "byline", "dir", "lang", "content", "textContent", "length", "excerpt", "siteName",
                "publishedTime", "leadImage", "wordCount", "readingTimeMinutes", "report"] {
        assert!(v.get(key).is_some(), "json lacks {key}: {json}");
    }
    assert_eq!(v["lang"], "en");
    assert!(v["textContent"].as_str().unwrap().contains("quiet of the north"));
    assert!(v["wordCount"].as_u64().unwrap() > 10);
}

#[test]
fn reads_a_file_argument() {
    let t = tempdir("file");
    let f = t.0.join("page.html");
    std::fs::write(&f, PAGE).unwrap();
    let o = bin().arg(&f).output().unwrap();
    assert!(o.status.success());
    assert!(stdout(&o).contains("quiet of the north"));

    let o = bin().arg(t.0.join("missing.html")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.html"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [&["--format", "pdf"][..], &["--url", "not-a-url"], &["--nope"], &["batch", "only-one"], &["a", "b"]] {
        let o = bin().args(args).stdin(Stdio::null()).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {o:?}");
        assert!(!o.stderr.is_empty());
    }
    let o = bin().arg("--help").output().unwrap();
    assert!(o.status.success() && stdout(&o).contains("declutter batch"));
}

fn write(p: &Path, s: &str) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, s).unwrap();
}

#[test]
fn batch_layouts_names_and_summary() {
    let t = tempdir("batch");
    let input = t.0.join("in");
    write(&input.join("plain.html"), PAGE);
    write(&input.join("UPPER.HTML"), PAGE);
    write(&input.join("corpus-a/source.html"), PAGE);
    write(&input.join("corpus-b/page.html"), PAGE);
    write(&input.join("both/source.html"), PAGE);
    write(&input.join("both/page.html"), "<p>page.html must lose to source.html</p>");
    write(&input.join("empty-dir/other.html"), PAGE); // not a corpus layout: ignored
    write(&input.join("notes.txt"), "not html");

    for (format, ext) in [("text", "txt"), ("markdown", "md"), ("json", "json"), ("html", "html")] {
        let out = t.0.join(format!("out-{format}"));
        let o = bin().args(["batch", "--format", format, "--jobs", "2"]).arg(&input).arg(&out).output().unwrap();
        assert!(o.status.success(), "{o:?}");
        let mut names: Vec<String> =
            std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        let mut want: Vec<String> =
            ["UPPER", "both", "corpus-a", "corpus-b", "plain"].iter().map(|n| format!("{n}.{ext}")).collect();
        want.sort();
        assert_eq!(names, want);
        let summary = stdout(&o);
        assert_eq!(summary.lines().count(), 1, "{summary}");
        let line = summary.trim_end();
        assert!(line.starts_with("pages=5 MB="), "{line}");
        for key in [" seconds=", " MB/s=", " errors=0", " jobs=2"] {
            assert!(line.contains(key), "{key} missing in {line}");
        }
    }
    let both = std::fs::read_to_string(t.0.join("out-text/both.txt")).unwrap();
    assert!(both.contains("quiet of the north") && !both.contains("must lose"), "{both}");
    let plain = std::fs::read_to_string(t.0.join("out-text/plain.txt")).unwrap();
    let a = declutter::clean(PAGE, &declutter::Options::default()).unwrap();
    assert_eq!(plain, a.text_content);
}

#[cfg(unix)]
#[test]
fn batch_reports_and_skips_a_failing_page() {
    let t = tempdir("fail");
    let input = t.0.join("in");
    write(&input.join("ok.html"), PAGE);
    // A dangling symlink: listed as *.html, cannot be read.
    std::os::unix::fs::symlink(t.0.join("nowhere"), input.join("broken.html")).unwrap();
    let out = t.0.join("out");
    let o = bin().args(["batch", "--jobs", "1"]).arg(&input).arg(&out).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken.html"), "{err}");
    let line = stdout(&o);
    assert!(line.starts_with("pages=2 ") && line.contains(" errors=1 "), "{line}");
    assert!(out.join("ok.txt").exists() && !out.join("broken.txt").exists());
}

#[test]
fn batch_missing_input_dir_fails() {
    let t = tempdir("nodir");
    let o = bin().arg("batch").arg(t.0.join("absent")).arg(t.0.join("out")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn batch_reads_gzip_and_the_wcxb_layout() {
    let t = tempdir("gz");
    // A WCXB split: html/<id>.html.gz beside ground-truth/.
    let split = t.0.join("dev");
    std::fs::create_dir_all(split.join("ground-truth")).unwrap();
    std::fs::create_dir_all(split.join("html")).unwrap();
    std::fs::write(split.join("html/0001.html.gz"), gz(PAGE.as_bytes())).unwrap();
    std::fs::write(split.join("html/0002.HTML.GZ"), gz(PAGE.as_bytes())).unwrap();
    std::fs::write(split.join("html/0003.html.gz"), b"not gzip at all").unwrap();
    let out = t.0.join("out");
    let o = bin().args(["batch", "--jobs", "1"]).arg(&split).arg(&out).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    let line = stdout(&o);
    assert!(line.starts_with("pages=3 ") && line.contains(" errors=1 "), "{line}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("0003.html.gz"), "{o:?}");
    let a = declutter::clean(PAGE, &declutter::Options::default()).unwrap();
    assert_eq!(std::fs::read_to_string(out.join("0001.txt")).unwrap(), a.text_content);
    assert_eq!(std::fs::read_to_string(out.join("0002.txt")).unwrap(), a.text_content);
    assert!(!out.join("0003.txt").exists());
}

#[test]
fn batch_bench_reports_the_best_pass() {
    let t = tempdir("bench");
    let input = t.0.join("in");
    for i in 0..4 {
        write(&input.join(format!("p{i}.html")), PAGE);
    }
    let o = bin().args(["batch", "--bench", "3", "--jobs", "1"]).arg(&input).arg(t.0.join("out")).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    let line = stdout(&o);
    assert!(line.starts_with("pages=4 MB=") && line.trim_end().ends_with(" jobs=1 bench=3"), "{line}");
    assert!(line.contains(" seconds=") && line.contains(" MB/s=") && line.contains(" errors=0 "), "{line}");
    // The outputs are still written (from the first pass).
    assert_eq!(std::fs::read_dir(t.0.join("out")).unwrap().count(), 4);
    let o = bin().args(["batch", "--bench", "0"]).arg(&input).arg(t.0.join("out")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = bin().args(["completions", shell]).output().unwrap();
        assert!(o.status.success(), "{shell}: {o:?}");
        let s = stdout(&o);
        // The subcommands and a flag of each appear in every script.
        for word in ["batch", "eval", "warc", "format", "corpus-root"] {
            assert!(s.contains(word), "{shell} completion lacks {word}");
        }
    }
    let o = bin().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}
