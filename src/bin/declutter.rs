//! `declutter` — the command-line tool.
//!
//! ```text
//! declutter [--url URL] [--format html|text|markdown|json] [FILE]
//! declutter batch [--format text|html|markdown|json] [--jobs N] [--url URL] IN_DIR OUT_DIR
//! declutter eval [--corpus-root ../shared] [--jobs 1] [--out DIR] [--only LIST] [--worst N]
//! declutter batch --warc FILE.warc[.gz] | --jsonl      (JSONL out)
//! declutter completions SHELL
//! ```
//!
//! Arguments are clap (derive), the worker pool is rayon, the progress bar
//! indicatif, gzip flate2, WARC the `warc` crate: all behind the `cli`
//! feature, so the library and wasm builds compile none of them.

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
#[path = "declutter/stream.rs"]
mod stream;
#[path = "declutter/wcxb.rs"]
mod wcxb;

use std::io::{Read, Write};
use std::process::ExitCode;

use args::{Cli, Command, Format};
use clap::{CommandFactory, Parser};

fn main() -> ExitCode {
    // clap prints help/version (exit 0) and usage errors (exit 2) itself.
    let cli = Cli::parse();
    match cli.command {
        None => single(cli.single.url, cli.single.format, cli.single.file.as_deref()),
        Some(Command::Batch(b)) => {
            if b.warc.is_some() || b.jsonl {
                stream::run(&b)
            } else {
                batch::run(&b)
            }
        }
        Some(Command::Eval(e)) => eval::run(&e),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "declutter", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
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
