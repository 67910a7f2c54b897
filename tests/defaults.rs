//! One source of truth for the option defaults: the Rust `Options`
//! (`Options::default()`); the TypeScript types in `www/lib/index.d.ts`
//! state the same defaults, field by field. This test reads the `.d.ts`
//! and fails when a field or a default drifts.

use std::collections::BTreeMap;

/// `field -> @default value` of `interface Options` in the d.ts.
fn dts_defaults() -> BTreeMap<String, String> {
    let dts = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lib/index.d.ts")).unwrap();
    let body = &dts[dts.find("export interface Options {").expect("interface Options in index.d.ts")..];
    let body = &body[..body.find("\n}").unwrap()];
    let mut out = BTreeMap::new();
    let mut pending: Option<String> = None;
    for line in body.lines() {
        if let Some(i) = line.find("@default ") {
            let v = line[i + "@default ".len()..].split_whitespace().next().unwrap_or("").trim_end_matches("*/").to_string();
            pending = Some(v);
        }
        let t = line.trim();
        if let Some(colon) = t.find("?:") {
            if !t.starts_with('*') && !t.starts_with("/*") {
                let name = t[..colon].to_string();
                out.insert(name.clone(), pending.take().unwrap_or_else(|| panic!("{name}: no @default before it")));
            }
        }
    }
    out
}

#[test]
fn dts_defaults_match_options_default() {
    let rust = serde_json::to_value(declutter::Options::default()).unwrap();
    let rust = rust.as_object().unwrap();
    let dts = dts_defaults();
    let rust_keys: Vec<&String> = rust.keys().collect();
    let dts_keys: Vec<&String> = dts.keys().collect();
    let mut rk = rust_keys.clone();
    rk.sort();
    assert_eq!(rk, dts_keys, "Options fields in Rust and in index.d.ts differ");
    for (k, v) in rust {
        let want = match v {
            serde_json::Value::Null => "null".to_string(),
            serde_json::Value::Array(a) if a.is_empty() => "[]".to_string(),
            other => other.to_string(),
        };
        assert_eq!(dts[k], want, "default of `{k}`: Rust says {want}, index.d.ts says {}", dts[k]);
    }
}
