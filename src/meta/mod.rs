//! Metadata: title, byline, excerpt, site name, time, lead image.
//!
//! Sources in Readability's order of trust: JSON-LD (schema.org Article),
//! then `<meta>` (Dublin Core, OpenGraph, Twitter, Parse.ly), then the
//! document (`<title>`, the byline element). JSON-LD is read with a tiny
//! JSON parser: serde_json would add ~30 KB of wasm for a few fields.

mod json;
mod jsonld;
mod title;

pub(crate) use title::article_title;

use crate::article::PageType;
use crate::doc::{Doc, FastMap};
use crate::html::entities::decode;

/// Fields gathered from the page, before the article text is known.
#[derive(Default, Debug)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lead_image: Option<String>,
    /// The page type the page states (JSON-LD `@type`, `og:type`), if any.
    pub stated_type: Option<crate::article::PageType>,
    /// JSON-LD `Product` name and description (markup stripped, one
    /// paragraph per line): added to a product page's result when the
    /// visible page lacks them (a script-rendered shop).
    pub product: Option<(String, String)>,
}

fn clean_ws(s: &str) -> String {
    decode(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| clean_ws(&s)).filter(|s| !s.is_empty())
}

fn first_meta(metas: &FastMap<String, String>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| nonempty(metas.get(*k).cloned()))
}


/// Everything the page says about itself.
pub(crate) fn page_meta(doc: &Doc) -> PageMeta {
    let m = &doc.meta.metas;
    let ld = jsonld::json_ld(doc);
    let ld_title = ld.title.clone();
    let title = nonempty(ld_title).or_else(|| {
        first_meta(m, &["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"])
    });
    let byline = nonempty(ld.byline).or_else(|| {
        first_meta(m, &["dc:creator", "dcterm:creator", "author", "parsely-author"]).or_else(|| {
            // `article:author` is often a profile URL, not a name.
            first_meta(m, &["article:author"]).filter(|a| !a.starts_with("http"))
        })
    });
    let excerpt = nonempty(ld.excerpt).or_else(|| {
        first_meta(m, &["dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"])
    });
    let site_name = nonempty(ld.site_name).or_else(|| first_meta(m, &["og:site_name"]));
    let published_time = nonempty(ld.published).or_else(|| first_meta(m, &["article:published_time", "parsely-pub-date"]));
    let lead_image = first_meta(m, &["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]).or_else(|| nonempty(ld.image));
    let og_type = m.get("og:type").map(|t| t.trim().to_ascii_lowercase());
    let stated_type = stated_type(&ld.types, og_type.as_deref());
    let product = ld.product.map(|(n, d)| (clean_ws(&n), strip_markup(&d))).filter(|(_, d)| !d.is_empty());
    PageMeta { title, byline, excerpt, site_name, published_time, lead_image, stated_type, product }
}


/// The page type a page states about itself: a forum posting or Q&A page,
/// an article, a product, a collection — in that order of trust (a forum
/// thread's JSON-LD often also names an `Article`; a product page's
/// breadcrumbs an `ItemList`).
fn stated_type(types: &[String], og_type: Option<&str>) -> Option<PageType> {
    use crate::rules as R;
    let any = |list: &[&str]| types.iter().any(|t| list.contains(&t.as_str()));
    if any(R::FORUM_LD_TYPES) {
        return Some(PageType::Forum);
    }
    if any(R::DOC_LD_TYPES) {
        return Some(PageType::Documentation);
    }
    if any(R::ARTICLE_TYPES) {
        return Some(PageType::Article);
    }
    let og = og_type.unwrap_or("");
    if R::PRODUCT_OG_TYPES.contains(&og) || (any(R::PRODUCT_LD_TYPES) && !any(R::COLLECTION_LD_TYPES)) {
        return Some(PageType::Product);
    }
    if any(R::COLLECTION_LD_TYPES) || R::COLLECTION_OG_TYPES.contains(&og) {
        return Some(PageType::Collection);
    }
    None
}

/// Text of a JSON-LD description that may hold markup (`<strong>...`):
/// tags dropped, references decoded, one paragraph per non-empty line.
fn strip_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let d = decode(&out);
    d.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}
