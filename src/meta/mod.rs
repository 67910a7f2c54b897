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

use std::collections::HashMap;

use crate::doc::Doc;
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
}

fn clean_ws(s: &str) -> String {
    decode(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| clean_ws(&s)).filter(|s| !s.is_empty())
}

fn first_meta(metas: &HashMap<String, String>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| nonempty(metas.get(*k).cloned()))
}


/// Everything the page says about itself.
pub(crate) fn page_meta(doc: &Doc) -> PageMeta {
    let m = &doc.meta.metas;
    let ld = jsonld::json_ld(doc);
    let title = nonempty(ld.title.clone()).or_else(|| {
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
    PageMeta { title, byline, excerpt, site_name, published_time, lead_image }
}

