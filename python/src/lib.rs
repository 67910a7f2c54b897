//! `declutter._declutter`: the Python binding of the declutter core.
//!
//! - `clean(html, url=None, *, charset=None, **options) -> dict`
//! - `clean_many(pages, jobs=None, *, url=None, charset=None, errors="raise", **options) -> list[dict]`
//!
//! The dict is the CLI's `--format json` object (Article through serde), so
//! a field the core adds appears here without a change. Options are the
//! core's `Options` through serde: snake_case or camelCase keys, an unknown
//! key or a wrong type is a `ValueError` naming the option. Cleaning errors
//! are `declutter.DeclutterError`; a panic in the core (a bug) is caught and
//! raised as `DeclutterError` too, never an abort of the interpreter.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde_json::{Map, Value};

create_exception!(
    _declutter,
    DeclutterError,
    PyException,
    "A page the cleaner refuses or cannot finish (too large, not HTML, parser memory limit), or a bug in the core."
);

/// A page's source, held without the GIL (the Python object's own buffer).
enum Source {
    Text(PyBackedStr),
    Bytes(PyBackedBytes),
}

/// One page to clean.
struct Job {
    source: Source,
    url: Option<String>,
    charset: Option<String>,
}

fn extract_source(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
    if obj.is_instance_of::<PyString>() {
        Ok(Source::Text(obj.extract()?))
    } else if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<pyo3::types::PyByteArray>() {
        Ok(Source::Bytes(obj.extract()?))
    } else {
        Err(PyTypeError::new_err(format!(
            "html must be str or bytes, got {}",
            obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
        )))
    }
}

/// `keep_images` -> `keepImages` (the serde name of the core's options).
fn camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut up = false;
    for c in key.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `keepImages` -> `keep_images`, for messages.
fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A Python value as JSON, for the options. Only what an option can be.
fn py_to_json(name: &str, v: &Bound<'_, PyAny>) -> PyResult<Value> {
    // bool before int: True is an int in Python.
    if v.is_none() {
        Ok(Value::Null)
    } else if v.is_instance_of::<PyBool>() {
        Ok(Value::Bool(v.extract()?))
    } else if v.is_instance_of::<PyInt>() {
        match v.extract::<i64>() {
            Ok(i) => Ok(Value::from(i)),
            Err(_) => Err(PyValueError::new_err(format!("option {name}: integer out of range"))),
        }
    } else if v.is_instance_of::<PyFloat>() {
        Ok(serde_json::Number::from_f64(v.extract()?).map_or(Value::Null, Value::Number))
    } else if v.is_instance_of::<PyString>() {
        Ok(Value::String(v.extract()?))
    } else if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let items: Vec<Bound<'_, PyAny>> = v.try_iter()?.collect::<PyResult<_>>()?;
        Ok(Value::Array(items.iter().map(|x| py_to_json(name, x)).collect::<PyResult<_>>()?))
    } else {
        Err(PyValueError::new_err(format!(
            "option {name}: unsupported value of type {}",
            v.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
        )))
    }
}

/// The names of the core's options (snake_case), from its serde form.
fn option_names() -> Vec<String> {
    match serde_json::to_value(declutter::Options::default()) {
        Ok(Value::Object(m)) => m.keys().map(|k| snake(k)).collect(),
        _ => Vec::new(),
    }
}

/// kwargs -> Options, each key checked on its own so the error names it.
fn build_options(url: Option<String>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<declutter::Options> {
    let defaults = match serde_json::to_value(declutter::Options::default()) {
        Ok(Value::Object(m)) => m,
        _ => return Err(DeclutterError::new_err("the core's options do not serialize")),
    };
    let mut obj = Map::new();
    if let Some(kw) = kwargs {
        for (k, v) in kw.iter() {
            let key: String = k.extract()?;
            let field = if defaults.contains_key(&key) { key.clone() } else { camel(&key) };
            if !defaults.contains_key(&field) || field == "url" {
                let hint = if field == "url" { " (pass url= as the second argument)".to_string() } else { String::new() };
                return Err(PyValueError::new_err(format!(
                    "unknown option {key:?}{hint}; the options are: {}",
                    option_names().into_iter().filter(|n| n != "url").collect::<Vec<_>>().join(", ")
                )));
            }
            let value = py_to_json(&key, &v)?;
            let single = Value::Object(Map::from_iter([(field.clone(), value.clone())]));
            if let Err(e) = serde_json::from_value::<declutter::Options>(single) {
                return Err(PyValueError::new_err(format!("option {key}: {e}")));
            }
            obj.insert(field, value);
        }
    }
    if let Some(u) = url {
        obj.insert("url".into(), Value::String(u));
    }
    let opts: declutter::Options =
        serde_json::from_value(Value::Object(obj)).map_err(|e| PyValueError::new_err(format!("options: {e}")))?;
    opts.validate().map_err(|e| PyValueError::new_err(pythonic(&e.to_string())))?;
    Ok(opts)
}

/// The core names options in camelCase (`maxMemory must be ...`); Python
/// callers passed `max_memory`: name it their way.
fn pythonic(msg: &str) -> String {
    let mut out = msg.to_string();
    if let Ok(Value::Object(m)) = serde_json::to_value(declutter::Options::default()) {
        for k in m.keys().filter(|k| k.chars().any(|c| c.is_ascii_uppercase())) {
            out = out.replace(k.as_str(), &snake(k));
        }
    }
    out
}

/// Cleans one page without the GIL; a panic becomes an error message.
fn run(job: &Job, opts: &declutter::Options) -> Result<Value, (bool, String)> {
    let per_page;
    let opts = match &job.url {
        Some(u) if opts.url.as_deref() != Some(u.as_str()) => {
            let mut o = opts.clone();
            o.url = Some(u.clone());
            if let Err(e) = o.validate() {
                return Err((true, pythonic(&e.to_string())));
            }
            per_page = o;
            &per_page
        }
        _ => opts,
    };
    let result = catch_unwind(AssertUnwindSafe(|| match &job.source {
        Source::Text(s) => declutter::clean(s, opts),
        Source::Bytes(b) => declutter::clean_bytes(b, job.charset.as_deref(), opts),
    }));
    match result {
        Ok(Ok(article)) => serde_json::to_value(&article).map_err(|e| (false, e.to_string())),
        Ok(Err(declutter::Error::InvalidOption(m))) => Err((true, pythonic(&m))),
        Ok(Err(e)) => Err((false, e.to_string())),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err((false, format!("panic in the cleaner (a bug, please report it): {msg}")))
        }
    }
}

/// A JSON value as Python objects (dict, list, str, int, float, bool, None).
fn json_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let l = PyList::empty(py);
            for x in a {
                l.append(json_to_py(py, x)?)?;
            }
            l.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, json_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

fn raise(invalid_option: bool, msg: String) -> PyErr {
    if invalid_option {
        PyValueError::new_err(msg)
    } else {
        DeclutterError::new_err(msg)
    }
}

/// clean(html, url=None, *, charset=None, **options)
/// --
///
/// Extracts the article of one page.
///
/// html: the page as str, or as bytes (decoded like a browser: BOM, then
///     `charset`, then <meta charset>, else windows-1252).
/// url: the page's absolute http(s) URL, to resolve relative links.
/// charset: the transport charset of bytes (e.g. from an HTTP Content-Type).
/// **options: the core's options in snake_case (keep_images=False,
///     char_threshold=300, add_junk_tokens=["promo"], ...).
///
/// Returns a dict with the fields of the CLI's JSON output (title, byline,
/// content, textContent, wordCount, report, ...). Raises ValueError for an
/// unknown option, a wrong type or an invalid value, TypeError when html is
/// neither str nor bytes, DeclutterError when the page cannot be cleaned.
/// The GIL is released while cleaning.
#[pyfunction]
#[pyo3(signature = (html, url=None, *, charset=None, **options))]
fn clean<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<String>,
    charset: Option<String>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = build_options(url, options)?;
    let job = Job { source: extract_source(html)?, url: None, charset };
    match py.detach(|| run(&job, &opts)) {
        Ok(v) => json_to_py(py, &v),
        Err((inv, msg)) => Err(raise(inv, msg)),
    }
}

/// clean_many(pages, jobs=None, *, url=None, charset=None, errors="raise", **options)
/// --
///
/// Cleans many pages in parallel, the GIL released for the whole batch.
///
/// pages: an iterable of str or bytes, or of (html, url) tuples (url may
///     be None), or of dicts with "html" and optional "url" / "charset".
/// jobs: worker threads (default: all cores).
/// url, charset: defaults for pages that do not give their own.
/// errors: "raise" (default) raises DeclutterError for the first page that
///     fails, after all are done; "return" puts {"error": message} in its
///     place and goes on.
/// **options: as for clean().
///
/// Returns a list of dicts, in the order of `pages`; the same dicts clean()
/// returns page by page.
#[pyfunction]
#[pyo3(signature = (pages, jobs=None, *, url=None, charset=None, errors="raise", **options))]
fn clean_many<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    url: Option<String>,
    charset: Option<String>,
    errors: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let return_errors = match errors {
        "raise" => false,
        "return" => true,
        other => return Err(PyValueError::new_err(format!("errors must be \"raise\" or \"return\", got {other:?}"))),
    };
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be a positive number"));
    }
    let opts = build_options(url, options)?;
    let mut work = Vec::new();
    for (i, item) in pages.try_iter()?.enumerate() {
        let item = item?;
        let job = if let Ok(d) = item.cast::<PyDict>() {
            let html = d.get_item("html")?.ok_or_else(|| PyValueError::new_err(format!("pages[{i}]: no \"html\" key")))?;
            let get = |k: &str| -> PyResult<Option<String>> {
                match d.get_item(k)? {
                    Some(v) if !v.is_none() => Ok(Some(v.extract()?)),
                    _ => Ok(None),
                }
            };
            Job { source: extract_source(&html)?, url: get("url")?, charset: get("charset")?.or_else(|| charset.clone()) }
        } else if let Ok(t) = item.cast::<PyTuple>() {
            if t.len() != 2 {
                return Err(PyValueError::new_err(format!("pages[{i}]: a tuple must be (html, url)")));
            }
            let u = t.get_item(1)?;
            let url = if u.is_none() { None } else { Some(u.extract()?) };
            Job { source: extract_source(&t.get_item(0)?)?, url, charset: charset.clone() }
        } else {
            Job { source: extract_source(&item)?, url: None, charset: charset.clone() }
        };
        work.push(job);
    }
    let threads = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let results: Vec<Result<Value, (bool, String)>> = py.detach(|| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.min(work.len().max(1))).build();
        match pool {
            Ok(pool) => pool.install(|| work.par_iter().with_max_len(1).map(|j| run(j, &opts)).collect()),
            // No threads to be had: still correct, one after the other.
            Err(_) => work.iter().map(|j| run(j, &opts)).collect(),
        }
    });
    let out = PyList::empty(py);
    let mut first_error = None;
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(v) => out.append(json_to_py(py, &v)?)?,
            Err((inv, msg)) => {
                if return_errors {
                    let d = PyDict::new(py);
                    d.set_item("error", &msg)?;
                    out.append(d)?;
                } else if first_error.is_none() {
                    first_error = Some(raise(inv, format!("pages[{i}]: {msg}")));
                }
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// option_names() -> list[str]
/// --
///
/// The option names clean() accepts (snake_case), with their defaults in
/// declutter.DEFAULT_OPTIONS.
#[pyfunction]
#[pyo3(name = "option_names")]
fn option_names_py() -> Vec<String> {
    option_names().into_iter().filter(|n| n != "url").collect()
}

/// The defaults of the options, as a dict (snake_case keys).
fn default_options(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    if let Ok(Value::Object(m)) = serde_json::to_value(declutter::Options::default()) {
        for (k, v) in m {
            if k != "url" {
                d.set_item(snake(&k), json_to_py(py, &v)?)?;
            }
        }
    }
    Ok(d)
}

#[pymodule]
fn _declutter(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    m.add_function(wrap_pyfunction!(option_names_py, m)?)?;
    m.add("DEFAULT_OPTIONS", default_options(m.py())?)?;
    m.add("DeclutterError", m.py().get_type::<DeclutterError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
