//! Hand-written argument parsing (no clap: the crate keeps its dependencies
//! minimal). Accepts `--flag value` and `--flag=value`, short aliases, and
//! `--` to end the options.

use std::path::PathBuf;

/// Output format of the one-page and batch modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `Article::text_content`.
    Text,
    /// `Article::content`.
    Html,
    /// `to_markdown(content)`.
    Markdown,
    /// The whole `Article` as pretty JSON.
    Json,
}

impl Format {
    fn parse(s: &str) -> Result<Format, UsageError> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            _ => Err(UsageError(format!("unknown format {s:?} (expected html, text, markdown or json)"))),
        }
    }

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

/// `declutter batch` arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchArgs {
    pub format: Format,
    /// None = available parallelism.
    pub jobs: Option<usize>,
    pub url: Option<String>,
    pub in_dir: PathBuf,
    pub out_dir: PathBuf,
}

/// `declutter eval` arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalArgs {
    pub corpus_root: PathBuf,
    pub jobs: usize,
    pub out: Option<PathBuf>,
    /// Corpora to run, in order.
    pub only: Vec<String>,
    pub worst: usize,
}

/// What to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Args {
    Help,
    Version,
    Single { url: Option<String>, format: Format, file: Option<String> },
    Batch(BatchArgs),
    Eval(EvalArgs),
}

/// A command line that cannot be run, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageError(pub String);

/// Corpus names `eval` knows, in the order it runs them.
pub const CORPORA: [&str; 3] = ["readability", "seed", "junk"];

fn usage<T>(msg: impl Into<String>) -> Result<T, UsageError> {
    Err(UsageError(msg.into()))
}

/// Splits `args` into flags (with their values) and positionals.
struct Parsed {
    flags: Vec<(String, String)>,
    positionals: Vec<String>,
}

/// Flags that take a value, with their canonical long name.
fn canonical(flag: &str) -> Option<&'static str> {
    Some(match flag {
        "--url" | "-u" => "--url",
        "--format" | "-f" => "--format",
        "--jobs" | "-j" => "--jobs",
        "--corpus-root" => "--corpus-root",
        "--out" | "-o" => "--out",
        "--only" => "--only",
        "--worst" => "--worst",
        _ => return None,
    })
}

fn split(args: &[String]) -> Result<Result<Parsed, Args>, UsageError> {
    let mut flags = Vec::new();
    let mut positionals = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--" {
            positionals.extend(it.by_ref().cloned());
            break;
        }
        if a == "-h" || a == "--help" {
            return Ok(Err(Args::Help));
        }
        if a == "-V" || a == "--version" {
            return Ok(Err(Args::Version));
        }
        if a.starts_with('-') && a != "-" {
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
                _ => (a.as_str(), None),
            };
            let Some(canon) = canonical(name) else {
                return usage(format!("unknown option {name}"));
            };
            let value = match inline {
                Some(v) => v,
                None => match it.next() {
                    Some(v) => v.clone(),
                    None => return usage(format!("{name} needs a value")),
                },
            };
            flags.push((canon.to_string(), value));
        } else {
            positionals.push(a.clone());
        }
    }
    Ok(Ok(Parsed { flags, positionals }))
}

impl Parsed {
    /// The value of a flag (the last one wins); error if the mode does not take it.
    fn take(&mut self, name: &str) -> Option<String> {
        let mut v = None;
        self.flags.retain(|(n, val)| {
            if n == name {
                v = Some(val.clone());
                false
            } else {
                true
            }
        });
        v
    }

    fn reject_rest(&self, mode: &str) -> Result<(), UsageError> {
        match self.flags.first() {
            Some((n, _)) => usage(format!("option {n} does not apply to {mode}")),
            None => Ok(()),
        }
    }
}

fn parse_url(v: Option<String>) -> Result<Option<String>, UsageError> {
    match v {
        Some(u) if !(u.starts_with("http://") || u.starts_with("https://")) => {
            usage(format!("--url must be an absolute http(s) URL, got {u:?}"))
        }
        other => Ok(other),
    }
}

fn parse_jobs(v: &str) -> Result<usize, UsageError> {
    match v.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => usage(format!("--jobs needs a positive number, got {v:?}")),
    }
}

/// Parses the command line (without the program name).
pub fn parse(args: &[String]) -> Result<Args, UsageError> {
    let mut p = match split(args)? {
        Ok(p) => p,
        Err(early) => return Ok(early),
    };
    let mode = match p.positionals.first().map(String::as_str) {
        Some("batch") => "batch",
        Some("eval") => "eval",
        _ => "single",
    };
    if mode != "single" {
        p.positionals.remove(0);
    }
    match mode {
        "batch" => {
            let format = p.take("--format").map(|f| Format::parse(&f)).transpose()?.unwrap_or(Format::Text);
            let jobs = p.take("--jobs").map(|j| parse_jobs(&j)).transpose()?;
            let url = parse_url(p.take("--url"))?;
            p.reject_rest("batch")?;
            let [in_dir, out_dir] = <[String; 2]>::try_from(std::mem::take(&mut p.positionals))
                .or_else(|_| usage("batch needs exactly two arguments: IN_DIR OUT_DIR"))?;
            Ok(Args::Batch(BatchArgs { format, jobs, url, in_dir: in_dir.into(), out_dir: out_dir.into() }))
        }
        "eval" => {
            let corpus_root = p.take("--corpus-root").unwrap_or_else(|| "../shared".into()).into();
            let jobs = p.take("--jobs").map(|j| parse_jobs(&j)).transpose()?.unwrap_or(1);
            let out = p.take("--out").map(PathBuf::from);
            let only: Vec<String> = match p.take("--only") {
                Some(list) => {
                    let mut v = Vec::new();
                    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        if !CORPORA.contains(&name) {
                            return usage(format!("unknown corpus {name:?} (expected readability, seed, junk)"));
                        }
                        if !v.iter().any(|x| x == name) {
                            v.push(name.to_string());
                        }
                    }
                    if v.is_empty() {
                        return usage("--only needs at least one corpus");
                    }
                    v
                }
                None => CORPORA.iter().map(|s| s.to_string()).collect(),
            };
            let worst = match p.take("--worst") {
                Some(w) => w.parse().or_else(|_| usage(format!("--worst needs a number, got {w:?}")))?,
                None => 0,
            };
            p.reject_rest("eval")?;
            if let Some(x) = p.positionals.first() {
                return usage(format!("eval takes no positional argument, got {x:?}"));
            }
            Ok(Args::Eval(EvalArgs { corpus_root, jobs, out, only, worst }))
        }
        _ => {
            let format = p.take("--format").map(|f| Format::parse(&f)).transpose()?.unwrap_or(Format::Text);
            let url = parse_url(p.take("--url"))?;
            p.reject_rest("a single page")?;
            if p.positionals.len() > 1 {
                return usage(format!(
                    "expected at most one FILE, got {} arguments (for many files use `declutter batch`)",
                    p.positionals.len()
                ));
            }
            Ok(Args::Single { url, format, file: p.positionals.pop() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Args, UsageError> {
        let v: Vec<String> = s.split_whitespace().map(String::from).collect();
        parse(&v)
    }

    #[test]
    fn single_page_forms() {
        assert_eq!(p("").unwrap(), Args::Single { url: None, format: Format::Text, file: None });
        assert_eq!(
            p("--format json --url https://a.b/c page.html").unwrap(),
            Args::Single { url: Some("https://a.b/c".into()), format: Format::Json, file: Some("page.html".into()) }
        );
        assert_eq!(
            p("--format=markdown -").unwrap(),
            Args::Single { url: None, format: Format::Markdown, file: Some("-".into()) }
        );
        assert_eq!(
            p("-f html -- --weird-name.html").unwrap(),
            Args::Single { url: None, format: Format::Html, file: Some("--weird-name.html".into()) }
        );
        assert_eq!(p("x.html --help").unwrap(), Args::Help);
        assert_eq!(p("-V").unwrap(), Args::Version);
    }

    #[test]
    fn batch_and_eval() {
        assert_eq!(
            p("batch --jobs 3 --format md in out").unwrap(),
            Args::Batch(BatchArgs {
                format: Format::Markdown,
                jobs: Some(3),
                url: None,
                in_dir: "in".into(),
                out_dir: "out".into(),
            })
        );
        match p("batch in out").unwrap() {
            Args::Batch(b) => assert_eq!((b.format, b.jobs), (Format::Text, None)),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            p("eval").unwrap(),
            Args::Eval(EvalArgs {
                corpus_root: "../shared".into(),
                jobs: 1,
                out: None,
                only: vec!["readability".into(), "seed".into(), "junk".into()],
                worst: 0,
            })
        );
        match p("eval --corpus-root /x --only junk,seed --jobs=2 --worst 5").unwrap() {
            Args::Eval(e) => {
                assert_eq!(e.only, ["junk", "seed"]);
                assert_eq!((e.jobs, e.worst), (2, 5));
                assert_eq!(e.corpus_root, PathBuf::from("/x"));
            }
            other => panic!("{other:?}"),
        }
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
            "eval --only nope",
            "eval extra",
            "--jobs 2 page.html",
            "batch --corpus-root x a b",
        ] {
            assert!(p(bad).is_err(), "{bad} should be a usage error");
        }
    }
}
