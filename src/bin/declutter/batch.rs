//! `declutter batch` and the parallel runner that `eval` shares.
//!
//! Three phases so throughput counts only cleaning: read every input, clean
//! them in parallel (std::thread::scope + an atomic work index; this is
//! the timed part), then render and write the outputs.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use declutter::{Article, Options};

use crate::args::BatchArgs;

/// One input page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Output stem / page id.
    pub name: String,
    /// Where it was read from (for messages).
    pub path: PathBuf,
    /// Raw bytes (decoded by `clean_bytes`).
    pub bytes: Vec<u8>,
}

/// `clean_bytes` with a panic turned into an error: a bug in the cleaner
/// must cost one page, not the run. (Only effective where panics unwind:
/// debug builds and the bench profile; `profile.release` sets
/// `panic = "abort"`.)
pub fn clean_guarded(bytes: &[u8], opts: &Options) -> Result<Article, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| declutter::clean_bytes(bytes, None, opts))) {
        Ok(Ok(a)) => Ok(a),
        Ok(Err(e)) => Err(e.to_string()),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(format!("panic in the cleaner: {msg}"))
        }
    }
}

/// Results of a run, in page order, with the wall time of the cleaning.
pub struct RunResult {
    pub results: Vec<Result<Article, String>>,
    pub elapsed: Duration,
}

/// Number of worker threads for `jobs` (None = available parallelism),
/// never more than the pages.
pub fn worker_count(jobs: Option<usize>, pages: usize) -> usize {
    let j = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    j.clamp(1, pages.max(1))
}

/// Cleans every page on `jobs` threads. Only this is timed.
pub fn clean_all(pages: &[Page], opts: &Options, jobs: usize, progress: bool) -> RunResult {
    let n = pages.len();
    let slots: Vec<Mutex<Option<Result<Article, String>>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let start = Instant::now();
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= n {
            break;
        }
        let r = clean_guarded(&pages[i].bytes, opts);
        *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
        done.fetch_add(1, Ordering::Release);
    };
    if jobs <= 1 && !progress {
        work();
    } else {
        std::thread::scope(|s| {
            for _ in 0..jobs.max(1) {
                s.spawn(work);
            }
            if progress {
                let mut bar = Progress::new(n);
                loop {
                    let d = done.load(Ordering::Acquire);
                    bar.draw(d);
                    if d >= n {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(80));
                }
                bar.finish();
            }
        });
    }
    let elapsed = start.elapsed();
    let results = slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .unwrap_or_else(|| Err("not processed".into()))
        })
        .collect();
    RunResult { results, elapsed }
}

/// A one-line progress bar on stderr (only used when stderr is a terminal).
struct Progress {
    total: usize,
    last: Option<usize>,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress { total, last: None }
    }

    fn draw(&mut self, done: usize) {
        if self.last == Some(done) {
            return;
        }
        self.last = Some(done);
        const WIDTH: usize = 30;
        let filled = (done * WIDTH).checked_div(self.total).unwrap_or(WIDTH).min(WIDTH);
        let bar: String = "#".repeat(filled) + &" ".repeat(WIDTH - filled);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r[{bar}] {done}/{} pages", self.total);
        let _ = err.flush();
    }

    fn finish(&mut self) {
        let mut err = std::io::stderr().lock();
        // Clear the bar so the summary and error lines stay readable.
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    }
}

/// The `*.html` files of `dir` (stem = name) and its `<name>/source.html`
/// or `<name>/page.html` subfolders, sorted by name.
pub fn find_pages(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let ft = entry.file_type()?;
        let is_dir = ft.is_dir() || (ft.is_symlink() && path.is_dir());
        if is_dir {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
            for file in ["source.html", "page.html"] {
                let p = path.join(file);
                if p.is_file() {
                    found.push((name.to_string(), p));
                    break;
                }
            }
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("html")) {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                found.push((stem.to_string(), path));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Reads the pages; unreadable ones are reported as errors.
pub fn read_pages(list: Vec<(String, PathBuf)>) -> (Vec<Page>, Vec<(String, String)>) {
    let mut pages = Vec::with_capacity(list.len());
    let mut errors = Vec::new();
    for (name, path) in list {
        match std::fs::read(&path) {
            Ok(bytes) => pages.push(Page { name, path, bytes }),
            Err(e) => errors.push((path.display().to_string(), format!("cannot read: {e}"))),
        }
    }
    (pages, errors)
}

/// MB (10^6 bytes) of all pages.
pub fn megabytes(pages: &[Page]) -> f64 {
    pages.iter().map(|p| p.bytes.len() as f64).sum::<f64>() / 1e6
}

/// `declutter batch`.
pub fn run(a: &BatchArgs) -> ExitCode {
    let list = match find_pages(&a.in_dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("declutter: cannot list {}: {e}", a.in_dir.display());
            return ExitCode::FAILURE;
        }
    };
    // Two inputs with the same stem (`x.html` and `x/source.html`) would
    // write the same output: keep the first, report the other.
    let mut seen = std::collections::HashSet::new();
    let mut dup_errors = Vec::new();
    let list: Vec<_> = list
        .into_iter()
        .filter(|(name, path)| {
            let fresh = seen.insert(name.clone());
            if !fresh {
                dup_errors.push((path.display().to_string(), format!("another input is also named {name:?}; skipped")));
            }
            fresh
        })
        .collect();
    if let Err(e) = std::fs::create_dir_all(&a.out_dir) {
        eprintln!("declutter: cannot create {}: {e}", a.out_dir.display());
        return ExitCode::FAILURE;
    }
    let (pages, mut errors) = read_pages(list);
    errors.extend(dup_errors);
    for (path, e) in &errors {
        eprintln!("declutter: {path}: {e}");
    }
    let opts = crate::options_with_url(a.url.as_deref());
    let jobs = worker_count(a.jobs, pages.len());
    let progress = std::io::stderr().is_terminal() && !pages.is_empty();
    let run = clean_all(&pages, &opts, jobs, progress);

    let ext = a.format.extension();
    let mut failed = errors.len();
    for (page, result) in pages.iter().zip(&run.results) {
        match result {
            Ok(article) => {
                let out = a.out_dir.join(format!("{}.{ext}", page.name));
                if let Err(e) = std::fs::write(&out, crate::render(article, a.format)) {
                    eprintln!("declutter: cannot write {}: {e}", out.display());
                    failed += 1;
                }
            }
            Err(e) => {
                eprintln!("declutter: {}: {e}", page.path.display());
                failed += 1;
            }
        }
    }
    let mb = megabytes(&pages);
    let secs = run.elapsed.as_secs_f64();
    let rate = if secs > 0.0 { mb / secs } else { 0.0 };
    println!(
        "pages={} MB={mb:.3} seconds={secs:.3} MB/s={rate:.1} errors={failed} jobs={jobs}",
        pages.len() + errors.len()
    );
    ExitCode::SUCCESS
}
