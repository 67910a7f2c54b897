//! Issue 11: does pass 1 see the tree a browser builds?
//!
//! Over html5lib's tree-construction tests
//! (`../shared/corpus/hostile/malformed/tree-construction/*.dat`, the
//! `#data`/`#document` pairs), for every element of the expected tree: does
//! pass 1 give it the same parent, and is each text run inside the same
//! element? Elements are matched by tag name in document order (a longest
//! common subsequence of the two name sequences, so one element missing on
//! either side does not shift all the others).
//!
//! Skipped: `#document-fragment` tests (no document), inputs with
//! `<frameset>`, and tests whose output depends on scripting
//! (`#script-on`/`#script-off`).
//!
//! Elements of the expected tree that have no start tag in the input are
//! taken out of it (their children go to their parent) — pass 1 numbers
//! start tags and never makes an element; see [`SPLICED`]. Everything else
//! that differs counts against the bars.
//!
//! Bars: element parents ≥ 99 % over all inputs; text placement ≥ 99 % of
//! the (non-whitespace) text characters; 100 % of both for the cases of
//! issue 11 ([`ISSUE_11_CASES`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Expected elements pass 1 cannot have, with the reason. An unmatched
/// expected element of these names is spliced out of the expected tree.
const SPLICED: &[(&str, &str)] = &[
    ("html", "implied <html>: no start tag in the input"),
    ("head", "implied <head>"),
    ("body", "implied <body>"),
    ("tbody", "implied <tbody> around a <tr> directly in a <table>"),
    ("tr", "implied <tr> around a <td> directly in a table section"),
    ("colgroup", "implied <colgroup> around a <col>"),
    ("a b big code em font i nobr s small strike strong tt u", "formatting elements a browser clones (reconstruction of the active formatting elements, the adoption agency)"),
];

/// Unmatched expected elements that are spliced only when empty, with the reason.
const SPLICED_IF_EMPTY: &[(&str, &str)] = &[
    ("p", "a stray </p> makes an empty <p> in a browser; pass 1 makes no element of an end tag"),
    ("br", "a </br> makes a <br> in a browser; pass 1 makes no element of an end tag"),
];

/// Approximations of the walk (src/treebuilder.rs) that make known
/// mismatches, as data: the html5lib files where they show, and why. The
/// test prints the mismatching inputs of every file; these are what they
/// are expected to be.
const APPROXIMATIONS: &[(&str, &str)] = &[
    ("adoption agency, reconstruction", "formatting elements a browser clones are not made (pass 1 numbers start tags); <a>/<nobr> inside an open one and nested misnesting across several formatting elements (tests26.dat) then differ"),
    ("foster parenting", "elements and text in a <table> outside cells get the table's parent, as in a browser, but pass 2 keeps them inside the table by source position; a <form> in a table is not tracked as a browser's form pointer"),
    ("template modes", "inside <template>, table parts are inserted where they stand instead of by the template insertion modes"),
    ("implied table parts", "an implied <tbody>/<tr> is not an element of pass 1, so an end tag for it (`<table><td></tbody>`) is ignored where a browser closes the cell"),
    ("customizable <select>", "a browser copies the selected <option>'s content into <selectedcontent>: text pass 1 has once (webkit02)"),
    ("character references", "the hook decodes text with the cleaner's decoder, which leaves a few legacy references without ';' as written (entities01/02, html5test-com): text characters unmatched, not misplaced"),
    ("NUL and CR", "html5lib's expected text replaces U+0000 and normalizes CR; pass 1's text is as lol_html reports it (domjs-unsafe, plain-text-unsafe): characters unmatched"),
];

/// Hand-written cases of issue 11 in the html5lib format; 100 % required.
const ISSUE_11_CASES: &str = r#"#data
<html><head><title>T</title><body><article><p>Body text</p></article></body></html>
#errors
#document
| <html>
|   <head>
|     <title>
|       "T"
|   <body>
|     <article>
|       <p>
|         "Body text"

#data
<html><head><title>T</title><div id=main><p>Text</p></div>
#errors
#document
| <html>
|   <head>
|     <title>
|       "T"
|   <body>
|     <div>
|       id="main"
|       <p>
|         "Text"

#data
<html><head><title>T</title><!-- </head> --><body><p>Text</p>
#errors
#document
| <html>
|   <head>
|     <title>
|       "T"
|     <!--  </head>  -->
|   <body>
|     <p>
|       "Text"

#data
<!DOCTYPE html><head><meta charset=utf-8>
<title>T</title>
Loose text<p>para
#errors
#document
| <!DOCTYPE html>
| <html>
|   <head>
|     <meta>
|       charset="utf-8"
|     "
"
|     <title>
|       "T"
|     "
"
|   <body>
|     "Loose text"
|     <p>
|       "para"

#data
<p>one<p>two<p>three
#errors
#document
| <html>
|   <head>
|   <body>
|     <p>
|       "one"
|     <p>
|       "two"
|     <p>
|       "three"

#data
<ul><li>one<li>two<li><span>three</span></ul><p>after
#errors
#document
| <html>
|   <head>
|   <body>
|     <ul>
|       <li>
|         "one"
|       <li>
|         "two"
|       <li>
|         <span>
|           "three"
|     <p>
|       "after"

#data
<dl><dt>term<dd>def<dt>term2<dd>def2</dl>
#errors
#document
| <html>
|   <head>
|   <body>
|     <dl>
|       <dt>
|         "term"
|       <dd>
|         "def"
|       <dt>
|         "term2"
|       <dd>
|         "def2"

#data
<select><option>a<option>b<optgroup><option>c</select>
#errors
#document
| <html>
|   <head>
|   <body>
|     <select>
|       <option>
|         "a"
|       <option>
|         "b"
|       <optgroup>
|         <option>
|           "c"

#data
<!DOCTYPE html><table><tr><td>a<td>b<tr><td>c</table><p>after
#errors
#document
| <!DOCTYPE html>
| <html>
|   <head>
|   <body>
|     <table>
|       <tbody>
|         <tr>
|           <td>
|             "a"
|           <td>
|             "b"
|         <tr>
|           <td>
|             "c"
|     <p>
|       "after"

#data
<!DOCTYPE html><p>text<div>block</div>more
#errors
#document
| <!DOCTYPE html>
| <html>
|   <head>
|   <body>
|     <p>
|       "text"
|     <div>
|       "block"
|     "more"

#data
<!DOCTYPE html><div><span>a</div>b</span>c
#errors
#document
| <!DOCTYPE html>
| <html>
|   <head>
|   <body>
|     <div>
|       <span>
|         "a"
|     "bc"

#data
<!DOCTYPE html><div>a</span>b</p>c</div>d</body>e</html>f
#errors
#document
| <!DOCTYPE html>
| <html>
|   <head>
|   <body>
|     <div>
|       "ab"
|       <p>
|       "c"
|     "def"

#data
<ruby>a<rb>b<rt>c<rp>d<rtc>e<rt>f</ruby>
#errors
#document
| <html>
|   <head>
|   <body>
|     <ruby>
|       "a"
|       <rb>
|         "b"
|       <rt>
|         "c"
|       <rp>
|         "d"
|       <rtc>
|         "e"
|         <rt>
|           "f"
"#;

fn corpus_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("HOSTILE_CORPUS") {
        return PathBuf::from(p).join("malformed/tree-construction");
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hostile/malformed/tree-construction")
}

struct Test {
    data: String,
    doc: Vec<String>,
    skip: bool,
}

fn parse_dat(text: &str) -> Vec<Test> {
    let mut tests = Vec::new();
    let body = text.strip_prefix("#data\n").unwrap_or(text);
    for chunk in body.split("\n#data\n") {
        let mut data = Vec::new();
        let mut doc = Vec::new();
        let mut section = "#data";
        let mut skip = false;
        for line in chunk.split('\n') {
            if matches!(line, "#errors" | "#new-errors" | "#document" | "#document-fragment" | "#script-on" | "#script-off") {
                section = line;
                if matches!(line, "#document-fragment" | "#script-on" | "#script-off") {
                    skip = true;
                }
                continue;
            }
            match section {
                "#data" => data.push(line),
                "#document" => doc.push(line.to_string()),
                _ => {}
            }
        }
        while doc.last().is_some_and(|l| l.is_empty()) {
            doc.pop();
        }
        let data = data.join("\n");
        if data.to_ascii_lowercase().contains("<frameset") || doc.iter().any(|l| l.contains("<frameset>")) {
            skip = true;
        }
        tests.push(Test { data, doc, skip });
    }
    tests
}

/// The expected tree: elements (name, parent) in tree order, text runs
/// (owner, text).
struct Expected {
    els: Vec<(String, Option<usize>)>,
    children: Vec<usize>,
    texts: Vec<(Option<usize>, String)>,
}

fn parse_doc(lines: &[String]) -> Expected {
    let mut els: Vec<(String, Option<usize>)> = Vec::new();
    let mut children = Vec::new();
    let mut texts: Vec<(Option<usize>, String)> = Vec::new();
    // (depth, element or None for a non-element node at that depth)
    let mut stack: Vec<(usize, Option<usize>)> = Vec::new();
    let mut open_text: Option<String> = None;
    let mut open_text_owner: Option<usize> = None;
    let mut in_comment = false;
    for line in lines {
        if let Some(t) = open_text.as_mut() {
            t.push('\n');
            t.push_str(line);
            if line.ends_with('"') {
                let mut t = open_text.take().unwrap_or_default();
                t.pop();
                texts.push((open_text_owner, t));
            }
            continue;
        }
        if in_comment {
            if line.ends_with("-->") {
                in_comment = false;
            }
            continue;
        }
        let Some(rest) = line.strip_prefix("| ") else { continue };
        let content = rest.trim_start_matches(' ');
        let depth = (rest.len() - content.len()) / 2;
        while stack.last().is_some_and(|&(d, _)| d >= depth) {
            stack.pop();
        }
        let parent = stack.iter().rev().find_map(|&(_, e)| e);
        if let Some(t) = content.strip_prefix('"') {
            if !t.is_empty() && t.ends_with('"') {
                texts.push((parent, t[..t.len() - 1].to_string()));
            } else {
                open_text = Some(t.to_string());
                open_text_owner = parent;
            }
        } else if content.starts_with("<!--") {
            if !content.ends_with("-->") {
                in_comment = true;
            }
        } else if content.starts_with("<!DOCTYPE") {
        } else if content == "content" {
            // Template contents: its children belong to the template.
            stack.push((depth, parent));
        } else if let Some(tag) = content.strip_prefix('<').and_then(|c| c.strip_suffix('>')) {
            let name = tag.rsplit(' ').next().unwrap_or(tag).to_ascii_lowercase();
            els.push((name, parent));
            children.push(0);
            if let Some(p) = parent {
                children[p] += 1;
            }
            stack.push((depth, Some(els.len() - 1)));
        } else {
            // An attribute line.
        }
    }
    for (owner, _) in &texts {
        if let Some(o) = owner {
            children[*o] += 1;
        }
    }
    Expected { els, children, texts }
}

/// Longest common subsequence of two sequences: pairs (i, j).
fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    lcs_skipping(a, b, |_| false)
}

/// [`lcs`], leaving out `a[i]` for which `skip_first(i)` whenever that
/// loses no match (an empty `<p>` a stray `</p>` made in the expected
/// tree is not the `<p>` of the input).
fn lcs_skipping<T: PartialEq>(a: &[T], b: &[T], skip_first: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut dp = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i * (m + 1) + j] = if a[i] == b[j] {
                dp[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                dp[(i + 1) * (m + 1) + j].max(dp[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if skip_first(i) && dp[(i + 1) * (m + 1) + j] == dp[i * (m + 1) + j] {
            i += 1;
        } else if a[i] == b[j] && dp[i * (m + 1) + j] == dp[(i + 1) * (m + 1) + j + 1] + 1 {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Score {
    els: usize,
    els_ok: usize,
    chars: usize,
    chars_ok: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.els += o.els;
        self.els_ok += o.els_ok;
        self.chars += o.chars;
        self.chars_ok += o.chars_ok;
    }
    fn el_share(&self) -> f64 {
        if self.els == 0 { 1.0 } else { self.els_ok as f64 / self.els as f64 }
    }
    fn char_share(&self) -> f64 {
        if self.chars == 0 { 1.0 } else { self.chars_ok as f64 / self.chars as f64 }
    }
}

/// Owner of a node in our tree, as an expected element (`Some(None)` =
/// the document root; `None` = an element the expected tree does not have).
type Owner = Option<Option<usize>>;

fn score(t: &Test, detail: &mut Vec<String>) -> Score {
    let exp = parse_doc(&t.doc);
    let (mut ours, our_texts) = declutter::debug_tree(&t.data);
    for e in &mut ours {
        // A browser renames `<image>` to `<img>`.
        if e.0 == "image" {
            e.0 = "img".into();
        }
    }
    let ours_ins: Vec<usize> = (0..ours.len()).filter(|&i| ours[i].2).collect();
    let a: Vec<&str> = exp.els.iter().map(|e| e.0.as_str()).collect();
    let b: Vec<&str> = ours_ins.iter().map(|&i| ours[i].0.as_str()).collect();
    let pairs = lcs_skipping(&a, &b, |i| matches!(a[i], "p" | "br") && exp.children[i] == 0);
    let mut exp_to_ours = vec![None; exp.els.len()];
    let mut ours_to_exp = vec![None; ours.len()];
    for &(i, j) in &pairs {
        exp_to_ours[i] = Some(ours_ins[j]);
        ours_to_exp[ours_ins[j]] = Some(i);
    }
    // Foster parenting moves elements before the table in the expected
    // tree order: pair what is left of each name in order.
    for i in 0..exp.els.len() {
        if exp_to_ours[i].is_none() {
            if let Some(&o) = ours_ins.iter().find(|&&o| ours_to_exp[o].is_none() && ours[o].0 == exp.els[i].0) {
                exp_to_ours[i] = Some(o);
                ours_to_exp[o] = Some(i);
            }
        }
    }
    let spliced: Vec<bool> = (0..exp.els.len())
        .map(|i| {
            exp_to_ours[i].is_none() && {
                let n = exp.els[i].0.as_str();
                SPLICED.iter().any(|(names, _)| names.split(' ').any(|x| x == n))
                    || (SPLICED_IF_EMPTY.iter().any(|(x, _)| *x == n) && exp.children[i] == 0)
            }
        })
        .collect();
    let eff = |mut p: Option<usize>| -> Option<usize> {
        while let Some(q) = p {
            if !spliced[q] {
                return Some(q);
            }
            p = exp.els[q].1;
        }
        None
    };
    let our_owner = |p: Option<u32>| -> Owner {
        match p {
            None => Some(None),
            Some(o) => ours_to_exp[o as usize].map(Some),
        }
    };
    let mut s = Score::default();
    let mut bad = Vec::new();
    for i in 0..exp.els.len() {
        if spliced[i] {
            continue;
        }
        s.els += 1;
        let want = eff(exp.els[i].1);
        let ok = match exp_to_ours[i] {
            Some(o) => our_owner(ours[o].1) == Some(want),
            None => false,
        };
        if ok {
            s.els_ok += 1;
        } else {
            bad.push(format!("<{}>#{i}", exp.els[i].0));
        }
    }
    // Text: non-whitespace characters with their owners.
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
    let ex: Vec<(char, Owner)> = exp
        .texts
        .iter()
        .flat_map(|(o, t)| {
            let o = Some(eff(*o));
            t.chars().filter(move |c| !is_ws(*c)).map(move |c| (c, o))
        })
        .collect();
    let us: Vec<(char, Owner)> = our_texts
        .iter()
        .flat_map(|(o, t)| {
            let o = our_owner(*o);
            // html5lib shows U+0000 as U+FFFD where a browser keeps it.
            t.chars().filter(move |c| !is_ws(*c)).map(move |c| (if c == '\0' { '\u{FFFD}' } else { c }, o))
        })
        .collect();
    s.chars = ex.len();
    let ec: Vec<char> = ex.iter().map(|x| x.0).collect();
    let uc: Vec<char> = us.iter().map(|x| x.0).collect();
    let char_pairs = if ec == uc {
        (0..ec.len()).map(|i| (i, i)).collect()
    } else if ec.len() * uc.len() <= 20_000_000 {
        lcs(&ec, &uc)
    } else {
        Vec::new()
    };
    let mut bad_chars = 0;
    for (i, j) in char_pairs {
        if ex[i].1 == us[j].1 {
            s.chars_ok += 1;
        } else {
            bad_chars += 1;
        }
    }
    if s.els_ok < s.els || s.chars_ok < s.chars {
        detail.push(format!(
            "{:?}: parents wrong for {} (of {}), text {} of {} chars misplaced ({} unmatched)",
            t.data,
            bad.join(" "),
            s.els,
            bad_chars,
            s.chars,
            s.chars - s.chars_ok - bad_chars
        ));
    }
    s
}

#[test]
fn tree_construction_conformance() {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e} (set HOSTILE_CORPUS?)", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "dat"))
        .collect();
    files.sort();
    assert!(files.len() >= 50, "expected the html5lib tree-construction files in {}", dir.display());
    let mut total = Score::default();
    let mut per_file: BTreeMap<String, (usize, usize, Score)> = BTreeMap::new();
    let mut details = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let tests = parse_dat(&std::fs::read_to_string(f).expect("read .dat"));
        let mut fs = Score::default();
        let mut run = 0;
        for t in &tests {
            if t.skip || t.doc.is_empty() {
                continue;
            }
            run += 1;
            let mut d = Vec::new();
            fs.add(score(t, &mut d));
            details.extend(d.into_iter().map(|d| format!("{name}: {d}")));
        }
        total.add(fs);
        per_file.insert(name, (tests.len(), run, fs));
    }
    eprintln!("{:<44} {:>6} {:>6} {:>7} {:>8} {:>8} {:>8}", "file", "tests", "run", "elems", "parents", "chars", "text");
    for (name, (n, run, s)) in &per_file {
        eprintln!(
            "{name:<44} {n:>6} {run:>6} {:>7} {:>7.2}% {:>8} {:>7.2}%",
            s.els,
            100.0 * s.el_share(),
            s.chars,
            100.0 * s.char_share()
        );
    }
    eprintln!(
        "{:<44} {:>6} {:>6} {:>7} {:>7.2}% {:>8} {:>7.2}%",
        "ALL",
        per_file.values().map(|v| v.0).sum::<usize>(),
        per_file.values().map(|v| v.1).sum::<usize>(),
        total.els,
        100.0 * total.el_share(),
        total.chars,
        100.0 * total.char_share()
    );
    eprintln!("known approximations:");
    for (what, why) in APPROXIMATIONS {
        eprintln!("  {what}: {why}");
    }
    let report = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("tree-construction-mismatches.txt");
    let _ = std::fs::write(&report, details.join("\n") + "\n");
    eprintln!("{} inputs with a mismatch, listed in {}", details.len(), report.display());
    assert!(total.el_share() >= 0.99, "element parents match for {:.2}% (< 99%)", 100.0 * total.el_share());
    assert!(total.char_share() >= 0.99, "text placement matches for {:.2}% of characters (< 99%)", 100.0 * total.char_share());
}

#[test]
fn issue_11_cases_conform_fully() {
    let tests = parse_dat(ISSUE_11_CASES);
    assert!(tests.len() >= 13);
    let mut total = Score::default();
    let mut details = Vec::new();
    for t in &tests {
        assert!(!t.skip && !t.doc.is_empty());
        let s = score(t, &mut details);
        assert!(s.els > 0 && s.chars > 0, "{:?}: nothing compared", t.data);
        total.add(s);
    }
    eprintln!("issue 11 cases: {} elements, {} chars", total.els, total.chars);
    assert!(details.is_empty(), "issue 11 cases must conform fully:\n{}", details.join("\n"));
}

#[test]
fn the_comparison_can_fail() {
    // A wrong expected tree must score below 100 %: the paragraphs nested.
    let t = &parse_dat("#data\n<p>one<p>two\n#errors\n#document\n| <html>\n|   <head>\n|   <body>\n|     <p>\n|       \"one\"\n|       <p>\n|         \"two\"\n")[0];
    let s = score(t, &mut Vec::new());
    assert!(s.els_ok < s.els);
    // Text in the wrong element: the expected tree puts "b" in the <p>.
    let t = &parse_dat("#data\n<div>a</div>b\n#errors\n#document\n| <html>\n|   <head>\n|   <body>\n|     <div>\n|       \"ab\"\n")[0];
    let s = score(t, &mut Vec::new());
    assert!(s.chars_ok < s.chars);
}
