//! The layout rules of the crate, checked on its source (issue 10):
//! no module imports from a later pass, no function over 120 lines, no
//! bare numeric threshold outside the rules table, every rule used.
//!
//! These read `src/` as text: they are lints, but lints that fail the
//! build instead of asking to be remembered.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn src_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| (p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"), fs::read_to_string(&p).unwrap()))
        .collect()
}

/// The code of a file without its `#[cfg(test)]` module (tests may use
/// any number they like).
fn without_tests(s: &str) -> &str {
    match s.find("#[cfg(test)]\nmod tests") {
        Some(i) => &s[..i],
        None => s,
    }
}

/// Pipeline order: a module may import only from its own stage or an
/// earlier one. `doc` is the contract between the passes; the shared
/// modules (`rules`, `article`, `error`, `options`, `report`, `text`,
/// `embed`) sit below the passes and may not import a pass either.
fn stage(module: &str) -> Option<usize> {
    let top = module.split('/').next().unwrap().trim_end_matches(".rs");
    Some(match top {
        "rules" | "article" | "error" => 0,
        "html" => 1,
        "doc" | "text" | "report" | "embed" | "options" => 2,
        "measure" => 3,
        "meta" => 4,
        "decide" => 5,
        "rewrite" => 6,
        _ => return None, // lib.rs, wasm.rs and bin/: the API over all passes
    })
}

#[test]
fn no_module_imports_from_a_later_pass() {
    let mut bad = Vec::new();
    for (path, text) in src_files() {
        let Some(own) = stage(&path) else { continue };
        for (n, line) in without_tests(&text).lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue; // doc links name later passes; only code imports
            }
            let mut rest = line;
            while let Some(i) = rest.find("crate::") {
                rest = &rest[i + "crate::".len()..];
                let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if let Some(theirs) = stage(&name) {
                    if theirs > own {
                        bad.push(format!("src/{path}:{}: {} imports the later stage `{name}`", n + 1, path));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "imports against the pipeline order:\n{}", bad.join("\n"));
}

#[test]
fn no_import_cycle_between_modules() {
    use std::collections::{BTreeMap, BTreeSet};
    // Top-level module -> the top-level modules its code names.
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let files = src_files();
    let top = |p: &str| p.split('/').next().unwrap().trim_end_matches(".rs").to_string();
    let modules: BTreeSet<String> = files.iter().map(|(p, _)| top(p)).collect();
    for (path, text) in &files {
        let own = top(path);
        if own == "lib" || own == "bin" || own == "wasm" {
            continue; // the API layer names every module by design
        }
        let deps = graph.entry(own.clone()).or_default();
        for line in without_tests(text).lines().filter(|l| !l.trim_start().starts_with("//")) {
            for part in line.split("crate::").skip(1) {
                let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if name != own && modules.contains(&name) && name != "lib" {
                    deps.insert(name);
                }
            }
        }
    }
    // Depth-first search with colours: a grey node met again is a cycle.
    fn visit(n: &str, g: &BTreeMap<String, BTreeSet<String>>, state: &mut BTreeMap<String, u8>, path: &mut Vec<String>) -> Option<Vec<String>> {
        match state.get(n) {
            Some(2) => return None,
            Some(1) => {
                let at = path.iter().position(|p| p == n).unwrap_or(0);
                let mut cycle = path[at..].to_vec();
                cycle.push(n.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for d in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, g, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if let Some(c) = visit(n, &graph, &mut state, &mut Vec::new()) {
            panic!("import cycle: {}", c.join(" -> "));
        }
    }
}

/// Functions longer than this are split into named phases.
const MAX_FN_LINES: usize = 120;

/// (name, first line, number of lines) of every `fn` with a body, by
/// brace matching on the source with strings, chars and comments skipped.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let Some(at) = t.find("fn ").filter(|&at| {
            let head = &t[..at];
            head.is_empty() || head.ends_with("pub ") || head.ends_with(") ") || head.ends_with("const ") || head.ends_with("unsafe ")
        }) else {
            continue;
        };
        if t.starts_with("//") {
            continue;
        }
        let name: String = t[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        // Find the body's opening brace, then its match.
        let mut depth = 0i32;
        let mut opened = false;
        let mut end = None;
        'scan: for (j, line) in lines.iter().enumerate().skip(i) {
            let b = line.as_bytes();
            let mut k = 0;
            while k < b.len() {
                match b[k] {
                    b'/' if b.get(k + 1) == Some(&b'/') => break,
                    b'"' => {
                        k += 1;
                        while k < b.len() && b[k] != b'"' {
                            if b[k] == b'\\' {
                                k += 1;
                            }
                            k += 1;
                        }
                    }
                    b'\'' if b.get(k + 2) == Some(&b'\'') || (b.get(k + 1) == Some(&b'\\') && b.get(k + 3) == Some(&b'\'')) => {
                        k += if b[k + 1] == b'\\' { 3 } else { 2 };
                    }
                    b';' if !opened && depth == 0 => break 'scan, // a declaration without body
                    b'{' => {
                        depth += 1;
                        opened = true;
                    }
                    b'}' => {
                        depth -= 1;
                        if opened && depth == 0 {
                            end = Some(j);
                            break 'scan;
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
        }
        if let Some(e) = end {
            out.push((name, i + 1, e - i + 1));
        }
    }
    out
}

#[test]
fn no_function_over_120_lines() {
    let mut bad = Vec::new();
    for (path, text) in src_files() {
        for (name, line, len) in functions(&text) {
            if len > MAX_FN_LINES {
                bad.push(format!("src/{path}:{line}: fn {name} has {len} lines"));
            }
        }
    }
    assert!(bad.is_empty(), "functions over {MAX_FN_LINES} lines:\n{}", bad.join("\n"));
}

/// The checker itself finds long functions (so the test above can fail).
#[test]
fn function_length_checker_counts_lines() {
    let long = format!("fn big() {{\n{}}}\nfn small() {{ let s = \"}}\"; }}\n", "    let x = 1;\n".repeat(130));
    let fs = functions(&long);
    assert_eq!(fs[0], ("big".to_string(), 1, 132));
    assert_eq!(fs[1], ("small".to_string(), 133, 1));
}

/// Numeric literals that are not thresholds: 0, 1, 2 (empty/one/pair,
/// halves), and what hex/bit work needs.
fn is_bare_threshold(tok: &str) -> bool {
    let t = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '_');
    if tok.starts_with("0x") || tok.starts_with("0b") {
        return false;
    }
    match t.parse::<f64>() {
        Ok(v) => !(v == 0.0 || v == 1.0 || v == 2.0),
        Err(_) => false,
    }
}

/// Comparisons and arithmetic with a numeric literal: `len > 150`,
/// `x / 3.0`, `<= 64`. Files that are data by nature are exempt: the
/// rules table itself, generated tables (entities, tag interning), the
/// charset/URL/HTML-spec code where numbers are byte values and limits
/// of a standard, and the wasm/error boundary.
const EXEMPT: &[&str] = &[
    "rules.rs",
    "html/entities.rs",
    "html/tags.rs",
    "html/encoding.rs",
    "html/url.rs",
    "html/matcher.rs",
    "html/walk.rs",
    "html/treebuilder.rs",
    "wasm.rs",
    "error.rs",
];

#[test]
fn no_bare_numeric_threshold_outside_the_rules_table() {
    let ops = [" > ", " >= ", " < ", " <= ", " == ", " != ", " / ", " * ", "len() <= ", ".min(", ".max("];
    let mut bad = Vec::new();
    for (path, text) in src_files() {
        if EXEMPT.contains(&path.as_str()) || path.starts_with("bin/") {
            continue;
        }
        for (n, line) in without_tests(&text).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.trim_start().starts_with("const ") || code.trim_start().starts_with("pub const ") || code.contains("assert") {
                continue;
            }
            for op in ops {
                let mut rest = code;
                while let Some(i) = rest.find(op) {
                    rest = &rest[i + op.len()..];
                    let tok: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_').collect();
                    let tok = tok.trim_end_matches('.');
                    if tok.chars().next().is_some_and(|c| c.is_ascii_digit()) && is_bare_threshold(tok) {
                        bad.push(format!("src/{path}:{}: `{}`", n + 1, code.trim()));
                    }
                }
            }
        }
    }
    bad.dedup();
    assert!(bad.is_empty(), "bare numbers (name them in src/rules.rs with a why-comment):\n{}", bad.join("\n"));
}

#[test]
fn every_rule_is_used() {
    let files = src_files();
    let rules = &files.iter().find(|(p, _)| p == "rules.rs").unwrap().1;
    let others: String = files.iter().filter(|(p, _)| p != "rules.rs").map(|(_, t)| t.as_str()).collect();
    let mut unused = Vec::new();
    for line in rules.lines() {
        let Some(rest) = line.strip_prefix("pub const ") else { continue };
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !others.contains(&name) {
            unused.push(name);
        }
    }
    assert!(unused.is_empty(), "rules nothing uses (use them or delete them): {unused:?}");
}
