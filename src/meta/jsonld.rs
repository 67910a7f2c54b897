//! schema.org Article fields from the page's JSON-LD blocks.

use super::json::{parse_json, Json};
use crate::doc::Doc;
use crate::rules as R;
use crate::text::text_similarity;

pub(super) fn is_article(v: &Json) -> bool {
    match v.get("@type") {
        Some(Json::Str(t)) => R::ARTICLE_TYPES.contains(&t.as_str()),
        Some(Json::Arr(ts)) => ts.iter().any(|t| matches!(t, Json::Str(s) if R::ARTICLE_TYPES.contains(&s.as_str()))),
        _ => false,
    }
}

pub(super) fn find_article(v: &Json) -> Option<&Json> {
    match v {
        Json::Arr(items) => items.iter().find_map(find_article),
        Json::Obj(_) => {
            if is_article(v) {
                return Some(v);
            }
            if let Some(g) = v.get("@graph") {
                return find_article(g);
            }
            None
        }
        _ => None,
    }
}

pub(super) fn names(v: &Json) -> Option<String> {
    match v {
        Json::Str(s) => Some(s.clone()),
        Json::Obj(_) => v.get("name").and_then(|n| n.as_str()).map(str::to_string),
        Json::Arr(a) => {
            let ns: Vec<String> = a.iter().filter_map(names).filter(|s| !s.trim().is_empty()).collect();
            (!ns.is_empty()).then(|| ns.join(", "))
        }
        _ => None,
    }
}

pub(super) fn image_of(v: &Json) -> Option<String> {
    match v {
        Json::Str(s) => Some(s.clone()),
        Json::Obj(_) => v.get("url").and_then(|n| n.as_str()).map(str::to_string),
        Json::Arr(a) => a.iter().find_map(image_of),
        _ => None,
    }
}

#[derive(Default)]
pub(super) struct JsonLd {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub image: Option<String>,
    /// Every `@type` named anywhere in the page's JSON-LD (for the page type).
    pub types: Vec<String>,
    /// The first `Product`'s name and description.
    pub product: Option<(String, String)>,
}

/// The first object of a product `@type` in `v` with a description.
fn find_product(v: &Json) -> Option<(String, String)> {
    match v {
        Json::Arr(items) => items.iter().find_map(find_product),
        Json::Obj(kv) => {
            let is_product = match v.get("@type") {
                Some(Json::Str(t)) => R::PRODUCT_LD_TYPES.contains(&t.as_str()),
                Some(Json::Arr(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| R::PRODUCT_LD_TYPES.contains(&t))),
                _ => false,
            };
            if is_product {
                if let Some(d) = v.get("description").and_then(|d| d.as_str()) {
                    let name = v.get("name").and_then(|n| n.as_str()).unwrap_or("");
                    return Some((name.to_string(), d.to_string()));
                }
            }
            kv.iter().find_map(|(_, x)| find_product(x))
        }
        _ => None,
    }
}

/// Every `@type` string in `v` (nested objects included: a `Product` is
/// often the `mainEntity` of a `WebPage`).
fn collect_types(v: &Json, out: &mut Vec<String>) {
    match v {
        Json::Arr(items) => items.iter().for_each(|x| collect_types(x, out)),
        Json::Obj(kv) => {
            for (k, x) in kv {
                match (k.as_str(), x) {
                    ("@type", Json::Str(t)) => out.push(t.clone()),
                    ("@type", Json::Arr(ts)) => out.extend(ts.iter().filter_map(|t| t.as_str().map(str::to_string))),
                    _ => collect_types(x, out),
                }
            }
        }
        _ => {}
    }
}

pub(super) fn json_ld(doc: &Doc) -> JsonLd {
    let mut types = Vec::new();
    let mut found: Option<JsonLd> = None;
    let mut product = None;
    for raw in &doc.meta.json_ld {
        // Some sites wrap the JSON in CDATA or comments.
        let t = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim();
        let Some(v) = parse_json(t) else { continue };
        collect_types(&v, &mut types);
        if product.is_none() {
            product = find_product(&v);
        }
        if found.is_none() {
            found = article_fields(doc, &v);
        }
    }
    let mut out = found.unwrap_or_default();
    out.types = types;
    out.product = product;
    out
}

/// The article fields of one JSON-LD block, if it holds an article.
fn article_fields(doc: &Doc, v: &Json) -> Option<JsonLd> {
    {
        let a = find_article(v)?;
        let mut out = JsonLd::default();
        let name = a.get("name").and_then(|x| x.as_str()).map(str::to_string);
        let headline = a.get("headline").and_then(|x| x.as_str()).map(str::to_string);
        out.title = match (name, headline) {
            (Some(n), Some(h)) if n != h => {
                // Readability: prefer the one that matches the HTML title.
                let html_title = &doc.meta.title;
                if text_similarity(&n, html_title) > R::TITLE_SIMILARITY { Some(n) } else { Some(h) }
            }
            (n, h) => n.or(h),
        };
        out.byline = a.get("author").and_then(names);
        out.excerpt = a.get("description").and_then(|x| x.as_str()).map(str::to_string);
        out.site_name = a.get("publisher").and_then(|p| p.get("name")).and_then(|x| x.as_str()).map(str::to_string);
        out.published = a.get("datePublished").and_then(|x| x.as_str()).map(str::to_string);
        out.image = a.get("image").and_then(image_of);
        Some(out)
    }
}


#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use super::super::json::parse_json;

    #[test]
    fn names_joins_authors() {
        let v = parse_json(r#"{"author":[{"name":"X"},{"name":"Y"}]}"#).unwrap();
        assert_eq!(names(v.get("author").unwrap()).as_deref(), Some("X, Y"));
    }
}
