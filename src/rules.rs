//! Every heuristic of the cleaner, in one table.
//!
//! Selectors, class/id tokens, word lists and thresholds live here as named
//! constants, each with the reason it exists. Code elsewhere refers to these
//! names; a bare numeric threshold anywhere else in `src/` is a bug
//! (`tests/layout.rs` checks it).
//!
//! Matching model: for each element the lowercased `class` and `id` values
//! are joined as `"<class> <id>"` and searched for *substrings* (the
//! Readability-style lists, which rely on substrings such as `comment`
//! matching `comments-area`) or split into *tokens* on anything that is not
//! a letter or digit (the junk lists, where `ad` must match `ad-slot` but
//! not `header`).


// ---------------------------------------------------------------------------
// Readability-compatible signals (substring lists).
// Our ground truth for the dev set is Readability's output, and the sites
// we meet share its conventions, so these mirror its REGEXPS.

/// Class/id substrings of blocks that are almost never the article
/// (Readability `unlikelyCandidates`). Removed before scoring unless
/// [`MAYBE_CANDIDATE`] also matches.
pub const UNLIKELY_CANDIDATES: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote",
];

/// Substrings that rescue an unlikely-looking block (`comment-body` of a
/// blog whose article *is* the post body; `main-header-content`).
pub const MAYBE_CANDIDATE: &[&str] =
    &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];

/// Class/id substrings that raise a container's score by [`CLASS_WEIGHT`].
pub const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story",
];

/// Class/id substrings that lower a container's score by [`CLASS_WEIGHT`].
pub const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
];

/// Class words that negate what follows (`no-promo` on a header without a
/// promo bar, `hide-read-more-ad` on a story card): they are not read for
/// junk tokens or weights.
pub const NEGATING_CLASS_PREFIXES: &[&str] = &["no-", "hide-", "without-", "not-", "disable-"];

/// `hid` as a whole class word means hidden (Readability's `^hid$| hid ...`).
pub const NEGATIVE_WORDS: &[&str] = &["hid"];

/// Class/id substrings of an author line (`<p class="byline">By Jane</p>`);
/// it becomes `byline` and leaves the content.
pub const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// ARIA roles of page chrome that is never the article.
pub const UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Score added or subtracted for one positive/negative class match
/// (Readability's class weight).
pub const CLASS_WEIGHT: f32 = 25.0;

/// A paragraph shorter than this (characters) adds nothing to its
/// ancestors' scores: one-line captions and buttons are not content.
pub const MIN_PARAGRAPH_CHARS: u32 = 25;

/// Paragraph score: one point per this many characters ...
pub const CHARS_PER_POINT: u32 = 100;
/// ... capped at this many points, so one huge `<pre>` cannot outvote ten paragraphs.
pub const MAX_LENGTH_POINTS: u32 = 3;

/// How many ancestors a paragraph's score reaches (parent, grandparent, ...).
pub const SCORE_ANCESTOR_LEVELS: usize = 5;

/// Divisors of a paragraph's score for its parent and grandparent
/// (Readability: the parent gets it all, the grandparent half) ...
pub const NEAR_ANCESTOR_DIVIDERS: [f32; 2] = [1.0, 2.0];
/// ... and beyond the grandparent: level n gets score / (n * this).
pub const DISTANT_ANCESTOR_DIVIDER: f32 = 3.0;
/// Climbing from the top candidate stops at an ancestor scoring below the
/// candidate's score divided by this (Readability's `lastScore / 3`): a
/// wrapper that far below adds more chrome than article.
pub const PARENT_SCORE_MIN_DIVIDER: f32 = 3.0;

/// Initial score of a container by tag: `div` is the typical article box.
pub const TAG_SCORE_DIV: f32 = 5.0;
/// `pre`, `td`, `blockquote` hold content but are rarely the whole article.
pub const TAG_SCORE_CONTENTISH: f32 = 3.0;
/// Lists, forms and definition parts are usually navigation or UI.
pub const TAG_SCORE_LISTISH: f32 = -3.0;
/// Headings and table headers are never the article container.
pub const TAG_SCORE_HEADING: f32 = -5.0;

/// Siblings of the top candidate join the article when their score is at
/// least this share of the top score ...
pub const SIBLING_SCORE_SHARE: f32 = 0.2;
/// ... and at least this absolute score.
pub const SIBLING_MIN_SCORE: f32 = 10.0;
/// A sibling paragraph this long with low link density joins too.
pub const SIBLING_PARAGRAPH_CHARS: u32 = 80;
/// Link density a long sibling paragraph may have.
pub const SIBLING_MAX_LINK_DENSITY: f32 = 0.25;

/// A div whose only child is a `<p>` is replaced by it (Readability) when
/// its link density is below this.
pub const SINGLE_P_MAX_LINK_DENSITY: f32 = 0.25;

/// The chosen container is widened to its enclosing (single) `<article>`
/// when that holds at most this many times its prose.
pub const ARTICLE_TAG_MAX_GROWTH: f32 = 3.0;
/// ... and holds at least this much prose outside the chosen container (a
/// whole paragraph, not a subtitle or a caption).
pub const ARTICLE_TAG_MIN_OUTSIDE_PROSE: u32 = 400;

/// Other candidates within this share of the top score that sit under a
/// common ancestor make that ancestor the article (split layouts).
pub const ALTERNATIVE_CANDIDATE_SHARE: f32 = 0.75;
/// How many such alternatives are needed.
pub const MIN_ALTERNATIVE_CANDIDATES: usize = 3;
/// How many top candidates are remembered for that check.
pub const TOP_CANDIDATES: usize = 5;

/// Below this many characters of article text the extractor retries with
/// looser rules (also `Options::char_threshold`, whose default this is).
pub const DEFAULT_CHAR_THRESHOLD: usize = 500;

// ---------------------------------------------------------------------------
// Conditional cleaning inside the article (Readability `_cleanConditionally`).

/// Blocks with at least this many commas are prose and always stay.
pub const CONDITIONAL_KEEP_COMMAS: u32 = 10;
/// A block with more images than this and fewer than half as many
/// paragraphs as images is a gallery/ad strip, not prose.
pub const CONDITIONAL_MAX_IMAGES: u32 = 1;
/// Paragraph-to-image ratio below which an image block goes.
pub const CONDITIONAL_MIN_P_PER_IMAGE: f32 = 0.5;
/// List items beyond paragraphs by more than this count mean a link list.
pub const CONDITIONAL_LI_SLACK: i32 = 100;
/// Blocks shorter than this with no image (or many) go.
pub const CONDITIONAL_MIN_CHARS: u32 = 25;
/// ... "many" images: more than this (one or two images with a short
/// caption link are a figure, not a link block).
pub const CONDITIONAL_SHORT_LINKS_MAX_IMAGES: u32 = 2;
/// A block with more form inputs than its paragraphs divided by this is a
/// form, not prose (Readability: `input > floor(p / 3)`).
pub const CONDITIONAL_P_PER_INPUT: u32 = 3;
/// Heading-heavy short blocks are section titles, they stay.
pub const CONDITIONAL_HEADING_DENSITY: f32 = 0.9;
/// Link density allowed for a block with low class weight ...
/// Readability's is 0.2; on human truth a card grid or a link-rich section
/// of the article is content more often than not. 0.5 is the best of
/// 0.2/0.3/0.4/0.5 on WCXB dev (F1 0.8435 -> 0.8448) and what 4 of 5
/// domain folds pick held out (`python3 scripts/tune_rule.py
/// CONDITIONAL_LOW_WEIGHT_LINK_DENSITY 0.2 0.3 0.4 0.5`: held-out mean
/// 0.8464); readability pages' mean page F1 0.967 -> 0.966.
pub const CONDITIONAL_LOW_WEIGHT_LINK_DENSITY: f32 = 0.5;
/// ... the class weight from which the looser limit applies ...
pub const CONDITIONAL_HIGH_WEIGHT: f32 = 25.0;
/// ... and the looser limit.
pub const CONDITIONAL_HIGH_WEIGHT_LINK_DENSITY: f32 = 0.5;
/// One embed in less than this much text is a video box, not prose.
pub const CONDITIONAL_EMBED_MIN_CHARS: u32 = 75;
/// Share of a div's text inside `<li>` that makes it a list.
pub const LIST_TEXT_SHARE: f32 = 0.9;
/// Share elements (`class="share..."`) shorter than this are removed.
pub const SHARE_MAX_CHARS: u32 = 500;
/// A byline is shorter than this.
pub const BYLINE_MAX_CHARS: usize = 100;
/// Title and heading count as the same text above this similarity (also
/// used to choose between JSON-LD `name` and `headline`, like Readability).
pub const TITLE_SIMILARITY: f32 = 0.75;
/// `<th>`/`<caption>` mark their table as data when the table is at most
/// this many levels up (`table > thead > tr > th` is 3).
pub const DATA_TABLE_MARK_MAX_HOPS: usize = 4;

// ---------------------------------------------------------------------------
// Junk: what a reader view must remove even when Readability would keep it.

/// Class/id tokens of ad slots and ad networks. Token match: `ad` matches
/// `ad-slot`, `top_ad` and `div-gpt-ad-123`, never `header` or `read`.
pub const AD_TOKENS: &[&str] = &[
    "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsense",
    "adsbygoogle", "adslot", "adunit", "adbox", "adcontainer", "adwrapper", "gpt", "dfp",
    "taboola", "outbrain", "trc", "sponsored", "sponsor", "promoted", "commercial",
    "banner-ad", "adblock", "mgid", "revcontent", "zergnet", "teads", "pubmatic", "criteo",
    "sponsoredcontent", "partnercontent", "paid", "brandcontent", "native-ad", "promo",
    "promotion", "houseads", "house-ad",
];

/// Class/id substrings of ad markup too glued-together for tokens
/// (`div-gpt-ad-1`, `google_ads_iframe`, `aswift_0_host`, `trc_related`).
pub const AD_SUBSTRINGS: &[&str] = &[
    "div-gpt-ad", "google_ads", "googlead", "aswift_", "adsbygoogle", "taboola", "outbrain",
    "trc_related", "trc_rbox", "videocube", "doubleclick", "adslot", "ad-slot", "ad_slot",
    "ad-container", "ad_container", "adcontainer", "ad-wrapper", "ad-unit", "ad-label",
    "advertis", "sponsored", "code-block",
];

/// Class/id substrings of consent-management platforms (OneTrust,
/// Cookiebot, Didomi, Quantcast, iubenda, Complianz, CookieYes, Borlabs,
/// TrustArc, Sourcepoint, Usercentrics, Osano, ...).
pub const CONSENT_SUBSTRINGS: &[&str] = &[
    "cookie", "consent", "gdpr", "onetrust", "cybot", "didomi", "qc-cmp", "iubenda", "cmplz",
    "cky-", "borlabs", "brlbs", "truste", "sp_message", "usercentrics", "osano", "cmp-",
    "cc-window", "cc_banner", "privacy-banner", "eu-cookie",
];

/// The entries of [`CONSENT_SUBSTRINGS`] that name one consent platform
/// (not a word a CMS could put on a post): with consent wording inside,
/// their block goes at any size, past the prose guard.
pub const CONSENT_PLATFORMS: &[&str] = &[
    "onetrust", "cybot", "didomi", "qc-cmp", "iubenda", "cmplz", "borlabs", "brlbs", "truste",
    "sp_message", "usercentrics", "osano",
];

/// Words in a block's text that speak of cookies/consent (en, de, fr, it,
/// es, nl, pt). Home-made banners have random class names; their wording
/// gives them away.
/// Matched ASCII case-insensitively as substrings (`cookie` covers
/// `Cookies`, `consen` covers consent/consentement/consenso/consentimiento).
pub const CONSENT_WORDS: &[&str] = &["cookie", "consen", "einwilligung", "datenschutz", "toestemming"];

/// Words on the buttons of a consent banner (accept / reject / settings).
pub const CONSENT_BUTTON_WORDS: &[&str] = &[
    "accept", "agree", "allow", "reject", "decline", "refuse", "got it", "ok", "okay",
    "i understand", "manage", "settings", "preferences", "customize", "customise",
    "akzeptieren", "zustimmen", "ablehnen", "einstellungen", "alle", "accepter", "refuser",
    "continuer", "paramétrer", "personnaliser", "accetta", "accetto", "rifiuta", "personalizza",
    "aceptar", "acepto", "rechazar", "configurar", "accepteren", "weigeren", "aceitar",
];

/// Button labels are short: "Accept all cookies" fits, a sentence that
/// happens to contain "accept" does not (bytes of the trimmed label).
pub const BUTTON_LABEL_MAX_BYTES: usize = 40;

/// A consent banner never holds more text than this (characters); a
/// bigger block mentioning cookies is an article about cookies.
pub const CONSENT_MAX_CHARS: u32 = 3000;
/// A consent banner's removal climbs from the block with the wording and
/// the buttons to its wrappers, but not to one holding more than this
/// share of the page's text (on a page with little text the app's root
/// is under [`CONSENT_MAX_CHARS`] and holds the page too).
pub const CONSENT_CLIMB_MAX_PAGE_SHARE: f32 = 0.5;

/// Class/id tokens of navigation.
pub const NAV_TOKENS: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager",
    "skip", "skiplink", "toc-nav",
];

/// Class/id tokens of share/follow bars.
pub const SHARE_TOKENS: &[&str] = &[
    "share", "sharing", "social", "sharedaddy", "addthis", "sharethis", "shareaholic",
    "follow", "share-buttons", "social-share",
];

/// Class/id tokens of comment sections.
pub const COMMENT_TOKENS: &[&str] =
    &["comment", "comments", "disqus", "respond", "replies", "discussion"];

/// Class/id tokens of a forum post's chrome: the poster's signature
/// (phpBB `signature`, XenForo `message-signature`, vBulletin
/// `signaturecontainer`, Stack Exchange's `post-signature` user card with
/// its badge counts) and phpBB's profile panel (`postprofile`: rank,
/// post count, join date). Not `profile`: `has-profile` is on the post.
pub const FORUM_CHROME_TOKENS: &[&str] =
    &["signature", "postsignature", "signaturecontainer", "postprofile"];

/// Class/id tokens of newsletter and subscription boxes.
pub const NEWSLETTER_TOKENS: &[&str] = &[
    "newsletter", "subscribe", "subscription", "signup", "sign-up", "optin", "paywall",
    "mailchimp", "mc4wp", "nl-signup",
];

/// Class/id tokens of rating widgets.
pub const RATING_TOKENS: &[&str] =
    &["rating", "ratings", "rate", "stars", "feedback", "helpful", "vote", "poll", "reactions"];

/// Class/id tokens of a product page's customer reviews (and the review
/// widgets' own names: Yotpo, Judge.me, Okendo, Stamped, Trustpilot,
/// Bazaarvoice). Read only on a page that states it is a product: a
/// review article's container says `review` too.
pub const PRODUCT_REVIEW_TOKENS: &[&str] =
    &["reviews", "yotpo", "jdgm", "okendo", "stamped", "trustpilot", "bazaarvoice"];

/// Class/id tokens of related/recommended lists.
pub const RELATED_TOKENS: &[&str] = &[
    "related", "recommended", "recommendations", "more-stories", "most-read", "mostread",
    "popular", "trending", "read-more", "readmore", "also", "morestories", "widget",
];

/// Class/id tokens of page header/footer chrome.
pub const CHROME_TOKENS: &[&str] = &["masthead", "site-header", "site-footer", "footer", "colophon"];

/// Class/id substrings of the "about the author" box after a story (its
/// bio, photo and social links: site chrome repeated on every post;
/// WordPress themes' `author-box`/`author-bio`, Elementor's
/// `elementor-author-box`). Matched like the hyphenated chrome entries,
/// as page chrome; the byline itself is found by [`BYLINE`].
pub const AUTHOR_BOX_SUBSTRINGS: &[&str] = &["author-box", "about-author", "author-bio", "author_box", "author-card"];

/// Visible labels that make a small block an ad (the only DOM text of an
/// AdSense/GPT slot whose creative is in a cross-origin iframe).
pub const AD_LABELS: &[&str] = &[
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
    "sponsored content", "partner content", "paid content", "promoted", "anzeige", "werbung",
    "publicité", "publicite", "pubblicità", "pubblicita", "publicidad", "annonce", "reklame",
    "advertentie", "story continues below advertisement", "article continues below",
];

/// A block whose whole text is an ad label is at most this long.
pub const AD_LABEL_MAX_CHARS: u32 = 160;
/// Labels this short (bytes: "Ad", "PR") must be the whole text: as a
/// prefix they would match "Adam" or "Pretty"; longer labels may start a
/// text ("Advertisement - Continue reading below").
pub const AD_LABEL_EXACT_MAX_BYTES: usize = 3;

/// Words of rating / "was this helpful" widgets (lowercase).
pub const RATING_WORDS: &[&str] = &[
    "was this article helpful", "was this helpful", "rate this", "valuta la qualità",
    "war dieser artikel hilfreich", "cet article vous a-t-il été utile", "¿te ha sido útil",
    "how useful was this", "did you find this", "rate the article",
];

/// Words of newsletter boxes (lowercase).
pub const NEWSLETTER_WORDS: &[&str] = &[
    "newsletter", "subscribe", "sign up", "iscriviti", "abonnieren", "inscrivez", "suscríbete",
    "inbox", "e-mail address", "email address",
];

/// A widget (newsletter, rating) detected by wording holds at most this much text.
pub const WIDGET_MAX_CHARS: u32 = 600;
/// A subscribe/newsletter box *without* a form (a house ad with a "Claim
/// this offer" link) is at most this long: prose about subscribing is longer.
pub const PROMO_MAX_CHARS: u32 = 350;

// ---------------------------------------------------------------------------
// Link lists.

/// A block conditional cleaning removes with at least this share of its
/// text inside links is reported as a link list (else as boilerplate).
pub const LINKLIST_LINK_DENSITY: f32 = 0.5;
/// A list whose items average fewer characters than this is a menu/tag cloud.
pub const LINKLIST_MAX_AVG_ITEM_CHARS: u32 = 120;
/// Link density from which a many-item block is a link list wherever it is.
pub const LINKLIST_LINK_DENSITY_STRONG: f32 = 0.6;
/// A link list holds at most this much prose (paragraphs that are not
/// mostly links): a story with a link-heavy sidebar inside is not a list.
pub const LINKLIST_MAX_PROSE_CHARS: u32 = 300;
/// Items (`li` or `p`) a block needs to count as a link list.
pub const LINKLIST_MIN_ITEMS: u32 = 8;

// ---------------------------------------------------------------------------
// Guards for junk rules.

/// No junk rule may remove more than this share of the page's prose
/// (paragraph text that is not mostly links): a `class="widget"` wrapper
/// around the whole story is not a widget.
pub const JUNK_MAX_PAGE_SHARE: f32 = 0.5;
/// ... but blocks with less prose than this are never protected by that
/// share: on a page whose article is one image, the promo box beside it is
/// still junk.
pub const JUNK_GUARD_MIN_CHARS: u32 = 500;
/// Paragraphs with a higher link density are not prose (card lists, menus).
pub const PROSE_MAX_LINK_DENSITY: f32 = 0.5;
/// A block marked by class/id alone (not ad/consent) is removed only up to
/// this many characters, unless it is mostly links: a bigger block with a
/// `related`/`widget`/`footer` token is as often a CMS's section of the
/// page (`<section class="widget">` around a service's features) and is
/// left to scoring. Chosen by `python3 scripts/tune_rule.py
/// JUNK_CLASS_MAX_CHARS 300 500 700 1000 1500` (WCXB dev F1 0.8448 at the
/// earlier 1500 -> 0.8464; every one of the 5 domain folds picks 700 held
/// out, held-out mean 0.8483; readability and junk corpora unchanged).
pub const JUNK_CLASS_MAX_CHARS: u32 = 700;
/// An ad class/id token takes a block of any size, but not one with this
/// much paragraph text (prose, not links): ads are images, links and a
/// few words; a CMS's `promoted` state class sits on stories.
pub const AD_CLASS_MAX_PROSE_CHARS: u32 = 500;
/// A `position: fixed` block this small is an overlay (bar, popup), not content.
pub const OVERLAY_MAX_CHARS: u32 = 1500;
/// A rating widget without controls is at most this long.
pub const RATING_MAX_CHARS: u32 = 200;

// ---------------------------------------------------------------------------
// Data tables (Readability `_markDataTables`): these survive cleaning.

/// Rows from which a table holds data, not layout.
pub const DATA_TABLE_MIN_ROWS: u32 = 10;
/// Columns beyond which a table holds data.
pub const DATA_TABLE_MIN_COLS: u32 = 4;
/// Cells beyond which a table holds data.
pub const DATA_TABLE_MIN_CELLS: u32 = 10;

// ---------------------------------------------------------------------------
// Output.

/// Tags kept in `content` (others are unwrapped: their text stays).
pub const ALLOWED_TAGS: &[&str] = &[
    "a", "abbr", "article", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code",
    "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small",
    "source", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul", "var", "wbr", "video", "audio",
];

/// Tags that can never be allowed, even through `add_allowed_tags`: they
/// run script, load documents, submit data or restyle the reader.
pub const FORBIDDEN_TAGS: &[&str] = &[
    "script", "style", "object", "embed", "applet", "form", "input", "button", "textarea",
    "select", "option", "base", "meta", "link", "frame", "frameset", "noscript", "template",
    "svg", "math", "portal", "fencedframe", "isindex", "handler", "listener", "xml", "xmp",
    "plaintext", "noembed", "noframes", "param", "dialog", "slot",
];

/// Tags dropped with everything inside them (their text is never article text).
/// (`<xmp>` and `<plaintext>` are not here: their content is visible text
/// to a browser, so it is kept — as escaped text, never markup.)
/// `<form>` is not here either: decide drops forms with little prose
/// (`prepArticle`), and a form it keeps wraps the page's posts (forum
/// software puts a whole thread in one moderation form): its tag is not
/// written (not allowlisted), its controls still go.
pub const DROP_SUBTREE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "object", "embed", "applet",
    "input", "button", "textarea", "select", "option", "optgroup", "datalist",
    "frame", "frameset", "noframes", "noembed", "head", "title", "meta", "link", "base",
    "canvas", "map", "dialog", "portal", "fencedframe", "nav", "aside", "footer", "fieldset",
    "legend", "label", "menu", "param", "iframe", "slot", "output",
];

/// Attributes kept on any allowed tag.
pub const GLOBAL_ATTRIBUTES: &[&str] = &["lang", "dir", "title"];

/// Attributes kept per tag (URL attributes are checked by scheme as well).
pub const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("img", &["src", "srcset", "alt", "width", "height", "sizes"]),
    ("source", &["srcset", "type", "media", "sizes", "src"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start", "type", "reversed"]),
    ("li", &["value"]),
    ("time", &["datetime"]),
    ("blockquote", &["cite"]),
    ("q", &["cite"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("video", &["src", "poster", "controls", "width", "height"]),
    ("audio", &["src", "controls"]),
    ("iframe", &["src", "width", "height", "allowfullscreen"]),
    ("details", &["open"]),
];

/// Attributes whose value is a URL.
pub const URL_ATTRIBUTES: &[&str] = &["href", "src", "poster", "cite"];

/// Hosts whose embedded players may stay (as a sandboxed iframe).
pub const VIDEO_HOSTS: &[&str] = &[
    "www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "player.vimeo.com",
    "www.dailymotion.com", "player.twitch.tv", "www.twitch.tv", "embed.ted.com",
    "archive.org", "www.archive.org", "v.qq.com", "player.bilibili.com", "www.bilibili.com",
];

/// Added to a kept player iframe: no script in the reader (its parent);
/// the player itself runs sandboxed on its own origin, and is not told
/// which page embedded it.
pub const PLAYER_ATTRIBUTES: &[(&str, &str)] =
    &[("sandbox", "allow-scripts allow-same-origin allow-presentation"), ("referrerpolicy", "no-referrer")];

/// Lazy-loading attributes that hold the real image URL, best first.
pub const LAZY_SRC_ATTRIBUTES: &[&str] =
    &["data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src", "data-lazy", "data-echo"];
/// File extensions of image URLs, for lazy-loading attributes with other
/// names (`data-lazyload="x.jpg"`, `data-full-srcset="a.webp 2x"`): the
/// one list for plain URLs and srcsets (they had drifted: `.gif` was
/// missing for srcsets).
pub const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];
/// Lazy-loading attributes that hold the real srcset.
pub const LAZY_SRCSET_ATTRIBUTES: &[&str] = &["data-srcset", "data-lazy-srcset"];
/// `data:` images smaller than this (bytes of the URL) are placeholders (a 1×1 GIF).
pub const PLACEHOLDER_DATA_URL_MAX: usize = 133;

/// How many individual removals the report lists (totals are always complete).
pub const REPORT_MAX_ITEMS: usize = 200;
/// Characters of text shown per removal in the report.
pub const REPORT_PREVIEW_CHARS: usize = 80;
/// The report names an element as `tag#id.class1.class2`: at most this
/// many characters of the id ...
pub const REPORT_ID_CHARS: usize = 40;
/// ... this many of its classes ...
pub const REPORT_CLASSES: usize = 3;
/// ... and this many characters of each (generated class lists run to kilobytes).
pub const REPORT_CLASS_CHARS: usize = 30;
/// Reading speed for `reading_time_minutes` (words per minute).
pub const WORDS_PER_MINUTE: usize = 230;
/// Excerpt length when it comes from the first paragraph (characters).
pub const EXCERPT_MAX_CHARS: usize = 300;
/// Bytes of the first paragraph kept to make that excerpt: room for 300
/// characters after whitespace runs collapse, while a 20 MB one-paragraph
/// page is not copied whole just for its first sentence.
pub const EXCERPT_CAPTURE_MAX_BYTES: usize = 64 * 1024;
/// Bytes of `<noscript>` markup kept to find a lazy image's real `<img>`
/// (the fallback is one tag; pages put whole widgets there too).
pub const NOSCRIPT_CAPTURE_MAX_BYTES: usize = 8 * 1024;

// ---------------------------------------------------------------------------
// Input that is not HTML.

/// Bytes sampled at the start, middle and end of the input for the
/// control-character test.
pub const NOT_HTML_SAMPLE_BYTES: usize = 4 << 10;
/// More control characters than this share means binary data, not a page
/// (random bytes have ~10 %, real pages ~0).
pub const NOT_HTML_MAX_CONTROL_SHARE: f64 = 0.02;
/// ... and at least this many of them: a 40-byte snippet with one stray
/// `\x01` is text with a typo, not binary data.
pub const NOT_HTML_MIN_CONTROLS: usize = 16;

// ---------------------------------------------------------------------------
// isProbablyReaderable.

/// A paragraph counts toward readerability from this length.
pub const READERABLE_MIN_CONTENT_LENGTH: usize = 140;
/// Readerable when the square-root-weighted paragraph length passes this.
pub const READERABLE_MIN_SCORE: f64 = 20.0;

// ---------------------------------------------------------------------------
// Text checks and metadata.

/// Text chunks up to this many bytes get the label checks (ad label, rating
/// and newsletter wording, consent buttons); longer runs of prose are never
/// a label or a button, and skipping them keeps the checks off the bulk of
/// the text.
pub const SHORT_CHUNK_MAX_BYTES: usize = 200;
/// Bytes of a heading's or byline candidate's text kept for the title and
/// byline comparisons: a real title or author line is far shorter, and a
/// huge `<h1>` must not grow memory.
pub const HEADING_CAPTURE_MAX_BYTES: usize = 400;
/// A text node lol_html hands over in pieces is joined up to this many
/// bytes for the wording checks (labels need the whole short text; past
/// this it is long prose, checked for consent wording piece by piece).
pub const TEXT_NODE_CHECK_MAX_BYTES: usize = 64 << 10;
/// Captured `<title>` text (bytes): a title is a line, a page that puts
/// its whole body in `<title>` must not double its memory.
pub const TITLE_CAPTURE_MAX_BYTES: usize = 2000;
/// Captured text of one JSON-LD block (bytes): real ones are a few KB; a
/// 50 MB inline data blob is not metadata.
pub const JSON_LD_CAPTURE_MAX_BYTES: usize = 1 << 20;
/// JSON-LD blocks kept per page (the article is in the first few; some
/// pages repeat one per product card).
pub const JSON_LD_MAX_BLOCKS: usize = 16;
/// `<meta>` keys longer than this (bytes) are not names any reader asks for ...
pub const META_KEY_MAX_BYTES: usize = 64;
/// ... and a page keeps at most this many `<meta>` entries (a hostile page
/// can have a million).
pub const META_MAX_ENTRIES: usize = 256;
/// Attributes read from the `<img>` markup inside a `<noscript>` (real
/// tags have a handful; the text is the page's, of any size).
pub const NOSCRIPT_MAX_ATTRIBUTES: usize = 32;

/// JSON-LD `@type`s that mark an article (Readability's list): their
/// `headline`/`author`/`datePublished` are the page's metadata.
pub const ARTICLE_TYPES: &[&str] = &[
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
    "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting",
    "TechArticle", "APIReference",
];

/// Separators between an article title and the site name in `<title>`
/// ("Headline | Site", "Headline - Site"), as Readability's `_getArticleTitle`.
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
/// Readability's `_getArticleTitle` cut-offs. A title segment shorter
/// than this many words is a site name, not the title ("BBC | Storm
/// floods the valley" keeps the second part) ...
pub const TITLE_MIN_SEGMENT_WORDS: usize = 3;
/// ... a part before ": " longer than this many words is part of the
/// title itself ("How the city that ... learned to swim: a history") ...
pub const TITLE_MAX_PREFIX_WORDS: usize = 5;
/// ... a `<title>` outside these lengths (characters) is replaced by the
/// page's only `<h1>` (a bare "Home" or a paragraph pasted as title) ...
pub const TITLE_MIN_CHARS: usize = 15;
/// ... (upper bound of the same).
pub const TITLE_MAX_CHARS: usize = 150;
/// ... and a cleaned title this short (words) falls back to the original.
pub const TITLE_MIN_WORDS: usize = 4;
/// Of those, the ones that mark a breadcrumb ("Site > Section > Headline"):
/// the title is then the last part, not the first.
pub const TITLE_HIERARCHICAL_SEPARATORS: &[char] = &['\\', '/', '>', '»'];

// ---------------------------------------------------------------------------
// Page types and the broad extraction (issue 12). Human truth for a
// listing, product, service or forum page is most of the page's main
// region, not the one best-scoring block Readability keeps.

/// JSON-LD `@type`s of a discussion: a thread's posts are the content.
pub const FORUM_LD_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];

/// JSON-LD `@type`s of technical documentation.
pub const DOC_LD_TYPES: &[&str] = &["TechArticle", "APIReference"];

/// JSON-LD `@type`s of one product (`Offer`s ride along with it).
pub const PRODUCT_LD_TYPES: &[&str] = &["Product", "ProductGroup"];

/// JSON-LD `@type`s of a page of many items (a shop category, search
/// results). A product page's `BreadcrumbList` is not one of them.
pub const COLLECTION_LD_TYPES: &[&str] = &["CollectionPage", "ItemList", "SearchResultsPage", "OfferCatalog"];

/// `og:type` values of a product page.
pub const PRODUCT_OG_TYPES: &[&str] = &["product", "og:product", "product.item"];

/// `og:type` values of a collection of products.
pub const COLLECTION_OG_TYPES: &[&str] = &["product.group"];

/// When Readability's choice keeps less than this share of the text of
/// the broad extraction (the main region minus junk), the page is not one
/// story but many blocks (cards of a listing, sections of a service page,
/// posts of a thread) and the broad extraction is the result. On WCXB dev
/// the share sweeps flat between 0.5 and 0.7 (0.800–0.802 overall); a
/// story page keeps well above it (its comments and chrome are junk).
pub const BROAD_SWITCH_SHARE: f32 = 0.6;

/// A `<main>` holding at least this share of the body's text is the
/// broad extraction's region (else the body): the page marked its content.
pub const MAIN_MIN_BODY_SHARE: f32 = 0.5;

/// A `<form>` holding this much paragraph text is a page wrapper (ASP.NET
/// puts the whole page in one `<form>`), not a form: it is walked through,
/// its controls still go.
pub const FORM_WRAPPER_MIN_PROSE_CHARS: u32 = 500;

/// A `<noscript>` whose markup has at least this many bytes can be the
/// page itself (a script-rendered forum that serves its posts to readers
/// without script inside `<noscript>`): when nothing visible is left, it
/// is cleaned as the page.
pub const NOSCRIPT_PAGE_MIN_BYTES: u32 = 2000;

/// Same-class siblings that make a kept region a listing (cards, rows).
pub const LISTING_MIN_ITEMS: u32 = 6;

/// ... when those items hold at least this share of the kept text.
pub const LISTING_MIN_TEXT_SHARE: f32 = 0.4;

/// `<pre>` blocks in the kept text that make a page documentation when
/// it states no type.
pub const DOC_MIN_PRE_BLOCKS: u32 = 2;

/// A junk class/id token whose outermost matches together hold more than
/// this share of the page's text is a naming scheme (every component of
/// a CMS prefixed `cmp-`, every section a `widget`), not a widget: it is
/// ignored on that page (see `naming_schemes` in decide/junk.rs).
pub const JUNK_TOKEN_MAX_PAGE_SHARE: f32 = 0.5;

/// A link list holding more than this share of the page's text left after
/// the class/id marks is the page's content (a listing, an index), not a
/// menu beside it: the link-list rule leaves it to the extraction.
pub const LINKLIST_MAX_PAGE_SHARE: f32 = 0.5;
/// ... when the page has less prose than this (paragraph text, not
/// mostly links) in all: a story next to a long menu has more, and its
/// menu still goes.
pub const LINKLIST_PAGE_MAX_OUTSIDE_PROSE: u32 = 300;

/// Readability's pick holding this much text is a story however much else
/// the page has (a long chapter above a longer comment thread): no switch
/// to the broad extraction. On WCXB dev no listing or service page's
/// winning broad extraction is preceded by a pick this long.
pub const BROAD_MAX_STORY_CHARS: u32 = 9000;

/// Characters of a JSON-LD product description looked for in the visible
/// result: present, it is not added again (shops repeat the description
/// with different markup, so a prefix is the test, not the whole text).
pub const PRODUCT_PROBE_CHARS: usize = 60;

/// ... and only when the token marks at least this many separate blocks:
/// one `widget` box beside the story is a widget, however short the page.
pub const JUNK_TOKEN_SCHEME_MIN_BLOCKS: u32 = 4;

/// The id prefix of React's streamed segments (`<div hidden id="S:1">`):
/// hidden only until the framework's script moves them into place, so
/// not hidden to a reader (see `read_attrs` in measure/mod.rs).
pub const REACT_STREAMED_ID_PREFIX: &[u8] = b"S:";

/// Sibling link lists, at least this many, that together hold more than
/// [`LINKLIST_MAX_PAGE_SHARE`] of the page are its content (an index's
/// letter sections, a category page's columns), whatever prose the page
/// has elsewhere: a menu beside a story is one list, not a run of them.
pub const LINKLIST_GROUP_MIN_LISTS: u32 = 3;

/// Items of a link list averaging this many characters are cards (a
/// linked title and a blurb, a price), not menu labels (a menu item is
/// one to three words): such a list holding most of the page is the
/// listing itself.
pub const LISTING_CARD_MIN_CHARS: u32 = 50;

/// Written elements that show something without text: a written block
/// holding one of these is not empty (see `end` in rewrite/emit.rs; only
/// what is written counts, so `svg`, form controls and unsafe images,
/// which never are, do not).
pub(crate) const SHOWS_WITHOUT_TEXT: &[&str] = &[
    "img", "picture", "video", "audio", "iframe", "embed", "object", "source", "hr", "table",
];

/// Blocks that are not written when they hold no text and nothing that
/// shows without text: each would be a stray bullet, a blank line or an
/// empty heading in a reader view. Table parts are not here (an empty
/// cell keeps its column).
pub(crate) const EMPTY_DROPPABLE_BLOCKS: &[&str] = &[
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "aside", "header", "footer",
    "figure", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "center", "address",
];

/// How a photo credit line starts (`Photo: Jane Smith/Reuters`, `Credit:
/// Getty Images`, `© AP`); compared case-insensitively with the start of
/// an element's own text.
pub const CREDIT_PREFIXES: &[&str] = &[
    "photo:", "photos:", "photo by ", "photo credit", "photograph:", "photography:", "image:",
    "image credit", "image by ", "image source:", "source: getty", "credit:", "credits:", "picture:", "illustration:", "foto:",
    "bild:", "(photo:", "(credit:", "\u{a9} ",
];
/// ... and is at most this long (bytes of the own text; characters of the
/// element's text): a credit names a person or an agency, a sentence that
/// starts "Image: …" and goes on is prose.
pub const CREDIT_LINE_MAX_BYTES: usize = 80;

/// A leaf block (no block inside) that repeats a caption written earlier
/// (a `figcaption` or a block in a `figure`) word for word, at these
/// sizes, is not written again: a caption repeated under its image, a
/// slideshow's caption in every copy of the figure. Shorter ones ("Fig.
/// 1") may repeat on purpose.
pub const REPEATED_CAPTION_MIN_BYTES: usize = 20;
/// ... and longer ones are paragraphs, not captions.
pub const REPEATED_CAPTION_MAX_BYTES: usize = 300;

/// A table of contents has at least this many links to places on the
/// same page (`href="#…"`; two are a "skip to" pair or tab labels) ...
pub const TOC_MIN_LINKS: u32 = 3;
/// ... and they are at least this share of its text (its title
/// "Contents" and numbering are the rest; the footnote list's back-links
/// are a small share of it).
pub const TOC_MIN_FRAGMENT_SHARE: f32 = 0.7;

/// A comment-classed block bigger than [`JUNK_CLASS_MAX_CHARS`] is a
/// story's comment section, and goes, when the page holds at least this
/// much prose (characters) outside every comment-classed block and does
/// not say it is a thread: the post the comments are under. Without such
/// a story (a link aggregator's discussion, every post `class="comment"`)
/// the comments are the page.
pub const COMMENTS_MIN_STORY_PROSE: u32 = 500;

/// The labels of interface controls that get written as text when the
/// page is read without script: quote expanders, loaders, "more"
/// toggles, gallery buttons, error-report links, jump links. Matched as
/// the whole text of an element (case-insensitive, punctuation and
/// arrows around it ignored), so "Read more about the council" is not one.
pub const CONTROL_LABELS: &[&str] = &[
    "click to expand", "click to shrink", "loading", "please wait", "show more", "show less",
    "see more", "see less", "view more", "load more", "expand", "collapse", "close", "caption",
    "hide caption", "toggle caption", "show caption", "enlarge", "enlarge image", "zoom",
    "open gallery", "view gallery", "report error", "report an error", "report a typo",
    "back to top", "scroll to top", "copy link", "embed", "print",
];
/// Longest control label (bytes of the trimmed text).
pub const CONTROL_LABEL_MAX_BYTES: usize = 24;
/// An element is a control's label when its text exceeds the label's by
/// at most this many characters (an icon's alt text, a count).
pub const CONTROL_LABEL_SLACK: u32 = 3;

/// Titles of recommendation sections: the carousels and lists a shop or
/// a publisher puts after the content (matched in short texts, ASCII
/// case-insensitively, as substrings). The section under such a title
/// goes when it is cards (links or images), not prose.
pub const RECOMMENDATION_TITLES: &[&str] = &[
    "you may also like", "you might also like", "you may like", "you might like",
    "also viewed", "also bought", "also purchased", "customers also", "people also",
    "similar items", "similar products", "related products", "related items",
    "recommended for you", "recommended products", "frequently bought together",
    "recently viewed", "sponsored products", "more from this seller", "more to explore",
    "related articles", "related posts", "related stories", "related content",
    "more stories", "more articles", "read next", "up next", "recommended reading",
    "popular posts", "most popular", "trending now",
];
/// An unlikely class word takes a table only up to this much text: a
/// layout table of page chrome is small, a data table of a list article
/// is the article (`<table class="wikitable sortable sticky-header">`).
pub const UNLIKELY_TABLE_MAX_CHARS: u32 = 2000;
/// A recommendation title is short (bytes of its trimmed text).
pub const RECOMMENDATION_TITLE_MAX_BYTES: usize = 60;
/// Its section is cards: at least this link density ...
pub const RECOMMENDATION_MIN_LINK_DENSITY: f32 = 0.3;
/// ... or at least this many images.
pub const RECOMMENDATION_MIN_IMAGES: u32 = 2;
