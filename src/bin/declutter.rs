//! `declutter` — the command-line tool.
//!
//! ```text
//! declutter [--url URL] [--format html|text|markdown|json] [FILE]
//! declutter batch [--format text|html|markdown|json] [--jobs N] [--url URL] IN_DIR OUT_DIR
//! declutter eval [--corpus-root ../shared] [--jobs 1] [--out DIR] [--only LIST] [--worst N]
//! ```
//!
//! Argument parsing is hand-written and parallelism uses std threads only:
//! the CLI adds no dependency beyond serde_json (for `--format json` and the
//! eval's truth files).

// A binary's root file resolves `mod x;` next to itself (src/bin/), so the
// modules in src/bin/declutter/ are named by path.

#[path = "declutter/args.rs"]
mod args;
#[path = "declutter/batch.rs"]
mod batch;
#[path = "declutter/eval.rs"]
mod eval;
#[path = "declutter/score.rs"]
mod score;

use std::io::{Read, Write};
use std::process::ExitCode;

use args::{Args, Format, UsageError};

const USAGE: &str = "\
declutter — streaming reader mode: a page's HTML in, its article out.

USAGE:
    declutter [--url URL] [--format html|text|markdown|json] [FILE]
    declutter batch [--format text|html|markdown|json] [--jobs N] [--url URL] IN_DIR OUT_DIR
    declutter eval [--corpus-root DIR] [--jobs N] [--out DIR] [--only LIST] [--worst N]

One page (first form):
    Reads FILE (or stdin when FILE is absent or '-') as bytes, decodes it like a
    browser (BOM, <meta charset>, else windows-1252) and writes to stdout:
      text      the article text, block elements on their own lines (default)
      html      the sanitized article HTML
      markdown  the article as Markdown
      json      the full result (title, byline, content, textContent, report, ...)

batch:
    Cleans every IN_DIR/*.html, and every IN_DIR/<name>/source.html (or, without
    one, <name>/page.html), into OUT_DIR/<name>.txt (.html, .md, .json by format).
    Runs on all cores unless --jobs N is given. A page that fails is reported on
    stderr and skipped. Ends with one line on stdout:
      pages=N MB=X seconds=S MB/s=R errors=E jobs=J
    where MB = 10^6 input bytes and seconds = wall time of the cleaning only
    (files are read before and written after the timed part).

eval:
    Scores the extractor on the shared corpora with the metric of
    eval/score.py (F1/P/R) and, on corpus/junk, the removal rule of
    eval/score_junk.py; prints MB/s (single-threaded by default).
      --corpus-root DIR  folder holding corpus/ and eval/ (default ../shared)
      --jobs N           threads (default 1, so MB/s is single-threaded)
      --out DIR          also write the predictions to DIR/<corpus>/<id>.txt
      --only LIST        comma-separated subset of readability,seed,junk
      --worst N          list the N worst pages of each corpus (default 0)

OPTIONS:
    -f, --format FMT   output format (text, html, markdown, json)
    -u, --url URL      page URL for resolving relative links (absolute http(s))
    -j, --jobs N       worker threads (batch, eval)
    -h, --help         this help
    -V, --version      version
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args::parse(&argv) {
        Ok(a) => a,
        Err(UsageError(msg)) => {
            eprintln!("declutter: {msg}\n\nRun `declutter --help` for usage.");
            return ExitCode::from(2);
        }
    };
    match parsed {
        Args::Help => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Args::Version => {
            println!("declutter {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Args::Single { url, format, file } => single(url, format, file.as_deref()),
        Args::Batch(b) => batch::run(&b),
        Args::Eval(e) => eval::run(&e),
    }
}

/// Options for one run: defaults plus the page URL.
pub(crate) fn options_with_url(url: Option<&str>) -> declutter::Options {
    let mut o = declutter::Options::default();
    o.url = url.map(str::to_owned);
    o
}

/// Renders an article in one of the output formats.
pub(crate) fn render(article: &declutter::Article, format: Format) -> String {
    match format {
        Format::Text => article.text_content.clone(),
        Format::Html => article.content.clone(),
        Format::Markdown => declutter::to_markdown(&article.content),
        Format::Json => serde_json::to_string_pretty(article).unwrap_or_else(|e| {
            // Serializing plain strings and numbers cannot fail; keep a valid document anyway.
            format!("{{\"error\": {}}}", serde_json::Value::String(e.to_string()))
        }),
    }
}

fn single(url: Option<String>, format: Format, file: Option<&str>) -> ExitCode {
    let bytes = match file {
        None | Some("-") => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut buf) {
                eprintln!("declutter: cannot read stdin: {e}");
                return ExitCode::FAILURE;
            }
            buf
        }
        Some(path) => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("declutter: cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let opts = options_with_url(url.as_deref());
    let article = match batch::clean_guarded(&bytes, &opts) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("declutter: {}: {e}", file.unwrap_or("<stdin>"));
            return ExitCode::FAILURE;
        }
    };
    let mut out = render(&article, format);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // `declutter page.html | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("declutter: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
