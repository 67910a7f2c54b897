//! The result of cleaning: Readability.js's field names plus a removal report.

/// The extracted article. Field names (camelCase when serialized) are
/// those of Readability.js's `parse()` result, so code written for
/// Firefox's Reader View reads it unchanged.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub struct Article {
    /// Article title: JSON-LD headline, OpenGraph/Twitter title or `<title>`
    /// with the site name cut off.
    pub title: String,
    /// Author line, if the page names one.
    pub byline: Option<String>,
    /// Text direction (`ltr`/`rtl`) from the page, if set.
    pub dir: Option<String>,
    /// Language from `<html lang>` or `content-language`, if set.
    pub lang: Option<String>,
    /// The article as sanitized HTML (allowlisted tags and attributes only;
    /// no script can run from it).
    pub content: String,
    /// The article's text, block elements on their own lines.
    pub text_content: String,
    /// Length of `text_content` in characters.
    pub length: usize,
    /// Short description: meta description or the first paragraph.
    pub excerpt: Option<String>,
    /// The site's name (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
    /// Publication time as the page states it (ISO 8601 where available).
    pub published_time: Option<String>,
    /// The lead image URL (`og:image`, JSON-LD image, or first article image).
    pub lead_image: Option<String>,
    /// Words in `text_content` (whitespace separated; CJK characters count one each).
    pub word_count: usize,
    /// Estimated reading time at 230 words a minute, at least 1 for a
    /// non-empty article.
    pub reading_time_minutes: usize,
    /// What was removed and why.
    pub report: Report,
    /// What kind of page this is (article, forum thread, product, ...):
    /// from the page's JSON-LD/OpenGraph type when it states one, else
    /// from the shape of what was kept.
    pub page_type: PageType,
    /// Why the result is empty, when it is (the page has no visible text,
    /// or nothing of it survived); `None` whenever there is content.
    pub empty_reason: Option<String>,
}

/// The kind of page (the WCXB benchmark's seven types). Serialized in
/// lowercase (`"forum"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PageType {
    /// One story, post or essay.
    #[default]
    Article,
    /// A discussion thread or Q&A page: several posts.
    Forum,
    /// One product: name, description, specifications.
    Product,
    /// A category or collection of items (products, articles).
    Collection,
    /// A list of entries (search results, directory, index).
    Listing,
    /// Technical documentation (prose and code).
    Documentation,
    /// A company or service page: several sections (hero, features, FAQ).
    Service,
}

impl PageType {
    /// The lowercase name used in JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Collection => "collection",
            PageType::Listing => "listing",
            PageType::Documentation => "documentation",
            PageType::Service => "service",
        }
    }
}

/// Why something was removed. Serialized in kebab-case (`"cookie-banner"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Category {
    /// Ad slots, ad-network containers, sponsored content.
    Ad,
    /// Cookie / consent banners and consent-platform containers.
    CookieBanner,
    /// Long lists of links: sidebars, "most read", tag clouds, card lists.
    LinkList,
    /// Navigation menus, breadcrumbs, pagination.
    Navigation,
    /// Site header and footer chrome.
    HeaderFooter,
    /// Share and follow buttons.
    Share,
    /// Comment sections.
    Comments,
    /// Newsletter / subscribe boxes and paywall prompts.
    Newsletter,
    /// "Rate this article" and "was this helpful" widgets.
    Rating,
    /// Related / recommended article lists.
    Related,
    /// Elements hidden from the reader (`hidden`, `display:none`, `aria-hidden`).
    Hidden,
    /// Scripts, styles, forms and other non-content markup.
    NonContent,
    /// Blocks that scored as boilerplate (low text, high link density).
    Boilerplate,
    /// Everything outside the chosen article container.
    OutsideArticle,
    /// Matched one of the caller's `add_junk_tokens`.
    Custom,
}

impl Category {
    /// The kebab-case name used in reports and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Ad => "ad",
            Category::CookieBanner => "cookie-banner",
            Category::LinkList => "link-list",
            Category::Navigation => "navigation",
            Category::HeaderFooter => "header-footer",
            Category::Share => "share",
            Category::Comments => "comments",
            Category::Newsletter => "newsletter",
            Category::Rating => "rating",
            Category::Related => "related",
            Category::Hidden => "hidden",
            Category::NonContent => "non-content",
            Category::Boilerplate => "boilerplate",
            Category::OutsideArticle => "outside-article",
            Category::Custom => "custom",
        }
    }
}

/// Removal totals for one category.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CategoryCount {
    /// The category.
    pub category: Category,
    /// Removed subtrees (outermost elements) of this category.
    pub elements: usize,
    /// Characters of visible text they held.
    pub chars: usize,
}

/// One removed subtree.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Removal {
    /// The category.
    pub category: Category,
    /// The rule that fired, in words (e.g. `"class token 'adsbygoogle'"`).
    pub reason: String,
    /// A short selector-like description: `div#id.class1.class2`.
    pub element: String,
    /// Characters of visible text removed with it.
    pub chars: usize,
    /// The first words of its text.
    pub preview: String,
}

/// What the cleaner removed, per category and per element.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Report {
    /// Totals per category, most elements first. `OutsideArticle` counts
    /// top-level blocks outside the article that no junk rule claimed.
    pub totals: Vec<CategoryCount>,
    /// The individual removals (junk categories only; at most
    /// `rules::REPORT_MAX_ITEMS` entries).
    pub removed: Vec<Removal>,
}

impl Report {
    /// Totals for one category (zero if nothing of it was removed).
    pub fn count(&self, category: Category) -> usize {
        self.totals.iter().find(|c| c.category == category).map_or(0, |c| c.elements)
    }
}
