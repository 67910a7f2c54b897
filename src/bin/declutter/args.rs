//! The command line, declared with clap's derive: help, usage errors (exit
//! code 2), `--flag value` / `--flag=value`, short aliases, `--` and shell
//! completions all come from this one definition.

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

/// Output format of the one-page and batch modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "lower")]
pub enum Format {
    /// The article text, block elements on their own lines.
    #[value(alias = "txt")]
    Text,
    /// The sanitized article HTML.
    Html,
    /// The article as Markdown.
    #[value(alias = "md")]
    Markdown,
    /// The full result (title, byline, content, textContent, report, ...).
    Json,
}

impl Format {
    /// File extension of batch outputs.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }
}

/// Corpus names `eval` knows, in the order it runs them.
pub const CORPORA: [&str; 4] = ["readability", "seed", "junk", "wcxb"];

/// `--url` must be absolute http(s): a relative base would resolve nothing.
fn parse_url(s: &str) -> Result<String, String> {
    if s.starts_with("http://") || s.starts_with("https://") {
        Ok(s.to_string())
    } else {
        Err(format!("must be an absolute http(s) URL, got {s:?}"))
    }
}

/// `--jobs 0` would mean no worker at all.
fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("needs a positive number, got {s:?}")),
    }
}

const AFTER_HELP: &str = "\
Forms:
    declutter [--url URL] [--format text|html|markdown|json] [FILE]
    declutter batch [--format FMT] [--jobs N] [--url URL] [--bench N] IN_DIR OUT_DIR
    declutter batch --warc FILE.warc[.gz]|- [--out FILE.jsonl]   (JSONL out)
    declutter batch --jsonl [--out FILE.jsonl] < pages.jsonl     (JSONL in and out)
    declutter eval [--corpus-root DIR] [--jobs N] [--out DIR] [--only LIST] [--worst N]
    declutter completions bash|zsh|fish|elvish|powershell

One page: reads FILE (or stdin when FILE is absent or '-') as bytes, decodes it
like a browser (BOM, <meta charset>, else windows-1252), writes to stdout.

Run `declutter batch --help` or `declutter eval --help` for those modes.";

/// declutter — streaming reader mode: a page's HTML in, its article out.
#[derive(Debug, Parser)]
#[command(name = "declutter", version, after_help = AFTER_HELP, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub single: SingleArgs,
}

/// The one-page form (no subcommand).
#[derive(Debug, Clone, PartialEq, ClapArgs)]
pub struct SingleArgs {
    /// Output format.
    #[arg(short, long, value_enum, ignore_case = true, default_value = "text")]
    pub format: Format,
    /// Page URL for resolving relative links (absolute http(s)).
    #[arg(short, long, value_parser = parse_url)]
    pub url: Option<String>,
    /// The page (stdin when absent or '-').
    pub file: Option<String>,
}

/// Subcommands.
#[derive(Debug, Clone, PartialEq, Subcommand)]
pub enum Command {
    /// Clean a folder of pages, a WARC file, or JSONL pages on stdin.
    #[command(after_help = BATCH_HELP)]
    Batch(BatchArgs),
    /// Score the extractor on the shared corpora.
    #[command(after_help = EVAL_HELP)]
    Eval(EvalArgs),
    /// Print a shell completion script to stdout.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

const BATCH_HELP: &str = "\
Folder mode: cleans every IN_DIR/*.html and *.html.gz, every IN_DIR/<name>/source.html
(or, without one, <name>/page.html), and the pages of a WCXB split (IN_DIR/html/<id>.html.gz
beside IN_DIR/ground-truth/) into OUT_DIR/<name>.txt (.html, .md, .json by format).
Runs on all cores unless --jobs N is given. A page that fails is reported on stderr and
skipped. Ends with one line on stdout:
    pages=N MB=X seconds=S MB/s=R errors=E jobs=J
where MB = 10^6 input bytes (decompressed) and seconds = wall time of the cleaning only
(files are read before and written after the timed part). With --bench N the cleaning
runs N times and seconds is the best pass (the line ends with bench=N).

WARC / JSONL mode: --warc FILE (or - for stdin; gzip detected by its magic bytes)
reads the response records (HTTP Content-Type gives the charset, WARC-Target-URI the
URL; non-HTML records are skipped and counted); --jsonl reads {\"url\", \"html\"} lines
on stdin. Either writes one JSON line per page to stdout (or --out FILE):
{\"url\", ...the JSON fields...} or {\"url\", \"error\"}. Bad input (a broken record, a
truncated gzip member, a bad line) is reported on stderr and counted; the run goes on.
The summary line then goes to stderr:
    pages=N MB=X seconds=S MB/s=R errors=E jobs=J skipped=K charset_guessed=G";

const EVAL_HELP: &str = "\
Scores the extractor on the shared corpora with the metric of eval/score.py (F1/P/R),
on corpus/junk the removal rule of eval/score_junk.py, and on the WCXB dev split
(corpus/wcxb/dev) the benchmark's own bag-of-words F1 of eval/score_wcxb.py, overall
and per page type; prints MB/s (single-threaded by default).";

/// `declutter batch` arguments.
#[derive(Debug, Clone, PartialEq, ClapArgs)]
#[command(group(clap::ArgGroup::new("stream_input").args(["warc", "jsonl"])))]
pub struct BatchArgs {
    /// Output format (folder mode).
    #[arg(short, long, value_enum, ignore_case = true, default_value = "text")]
    pub format: Format,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_parser = parse_jobs)]
    pub jobs: Option<usize>,
    /// Page URL for resolving relative links (folder mode; WARC/JSONL give their own).
    #[arg(short, long, value_parser = parse_url)]
    pub url: Option<String>,
    /// Time the in-process cleaning: best of N passes over the whole folder.
    #[arg(long, value_name = "N", value_parser = parse_jobs, conflicts_with_all = ["warc", "jsonl"])]
    pub bench: Option<usize>,
    /// Read a WARC file (.warc or .warc.gz; '-' = stdin), write JSONL.
    #[arg(long, value_name = "FILE", conflicts_with = "jsonl")]
    pub warc: Option<String>,
    /// Read JSONL {"url", "html"} pages on stdin, write JSONL.
    #[arg(long)]
    pub jsonl: bool,
    /// JSONL output file (WARC/JSONL mode; default stdout).
    #[arg(short, long, value_name = "FILE", requires = "stream_input")]
    pub out: Option<PathBuf>,
    /// Input folder (folder mode).
    #[arg(required_unless_present_any = ["warc", "jsonl"], conflicts_with_all = ["warc", "jsonl"])]
    pub in_dir: Option<PathBuf>,
    /// Output folder (folder mode).
    #[arg(required_unless_present_any = ["warc", "jsonl"])]
    pub out_dir: Option<PathBuf>,
}

/// `declutter eval` arguments.
#[derive(Debug, Clone, PartialEq, ClapArgs)]
pub struct EvalArgs {
    /// Folder holding corpus/ and eval/.
    #[arg(long, default_value = "../shared")]
    pub corpus_root: PathBuf,
    /// Threads (1 keeps MB/s single-threaded).
    #[arg(short, long, default_value = "1", value_parser = parse_jobs)]
    pub jobs: usize,
    /// Also write the predictions to DIR/<corpus>/<id>.txt.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Comma-separated subset of readability,seed,junk,wcxb.
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(CORPORA), default_value = "readability,seed,junk,wcxb")]
    pub only: Vec<String>,
    /// List the N worst pages of each corpus.
    #[arg(long, value_name = "N", default_value = "0")]
    pub worst: usize,
}

impl EvalArgs {
    /// The corpora to run, in the order given, each once.
    pub fn corpora(&self) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for n in &self.only {
            if !v.contains(n) {
                v.push(n.clone());
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("declutter").chain(s.split_whitespace()))
    }

    fn single(s: &str) -> SingleArgs {
        let c = p(s).unwrap();
        assert!(c.command.is_none(), "{s}: {c:?}");
        c.single
    }

    fn batch(s: &str) -> BatchArgs {
        match p(s).unwrap().command {
            Some(Command::Batch(b)) => b,
            other => panic!("{s}: {other:?}"),
        }
    }

    fn eval(s: &str) -> EvalArgs {
        match p(s).unwrap().command {
            Some(Command::Eval(e)) => e,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn single_page_forms() {
        assert_eq!(single(""), SingleArgs { url: None, format: Format::Text, file: None });
        assert_eq!(
            single("--format json --url https://a.b/c page.html"),
            SingleArgs { url: Some("https://a.b/c".into()), format: Format::Json, file: Some("page.html".into()) }
        );
        assert_eq!(single("--format=markdown -"), SingleArgs { url: None, format: Format::Markdown, file: Some("-".into()) });
        assert_eq!(single("-f MD x").format, Format::Markdown);
        assert_eq!(single("-f txt x").format, Format::Text);
        assert_eq!(
            single("-f html -- --weird-name.html"),
            SingleArgs { url: None, format: Format::Html, file: Some("--weird-name.html".into()) }
        );
        assert_eq!(p("x.html --help").unwrap_err().kind(), clap::error::ErrorKind::DisplayHelp);
        assert_eq!(p("-V").unwrap_err().kind(), clap::error::ErrorKind::DisplayVersion);
    }

    #[test]
    fn batch_and_eval() {
        let b = batch("batch --jobs 3 --format md in out");
        assert_eq!((b.format, b.jobs, b.bench), (Format::Markdown, Some(3), None));
        assert_eq!((b.in_dir.unwrap(), b.out_dir.unwrap()), ("in".into(), "out".into()));
        let b = batch("batch in out --bench 5");
        assert_eq!((b.format, b.jobs, b.bench), (Format::Text, None, Some(5)));
        let b = batch("batch --warc x.warc.gz");
        assert_eq!((b.warc.as_deref(), b.jsonl, b.in_dir), (Some("x.warc.gz"), false, None));
        assert!(batch("batch --jsonl -o o.jsonl").jsonl);
        let e = eval("eval");
        assert_eq!((e.corpus_root, e.jobs, e.out, e.worst), ("../shared".into(), 1, None, 0));
        assert_eq!(e.only, CORPORA);
        let e = eval("eval --corpus-root /x --only junk,seed,junk --jobs=2 --worst 5");
        assert_eq!(e.corpora(), ["junk", "seed"]);
        assert_eq!((e.jobs, e.worst), (2, 5));
        assert_eq!(e.corpus_root, PathBuf::from("/x"));
        assert!(matches!(p("completions bash").unwrap().command, Some(Command::Completions { .. })));
    }

    #[test]
    fn usage_errors() {
        for bad in [
            "--format pdf x.html",
            "--url ftp://x/ a.html",
            "--url",
            "--bogus",
            "a.html b.html",
            "batch onlyone",
            "batch a b c",
            "batch --jobs 0 a b",
            "batch --jobs many a b",
            "batch --bench 0 a b",
            "batch --warc x.warc a b",
            "batch --warc x.warc --jsonl",
            "batch --out o.jsonl a b",
            "eval --only nope",
            "eval extra",
            "--jobs 2 page.html",
            "batch --corpus-root x a b",
            "completions tcsh",
        ] {
            let e = p(bad).expect_err(bad);
            assert_eq!(e.exit_code(), 2, "{bad}: {e}");
        }
    }
}
