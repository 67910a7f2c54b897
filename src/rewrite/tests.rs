//! Pass 2 alone: a hand-made plan (which blocks to keep, what to drop)
//! over a small measured page, and what pass 2 writes for it.

use super::rewrite;
use crate::article::{Article, Category};
use crate::decide::{Drop, Drops, Plan};
use crate::doc::{find_attr, Doc, Input, NONE};
use crate::measure::Measurer;
use crate::Options;

fn id_of(doc: &Doc, html: &str, id: &str) -> usize {
    (0..doc.els.len())
        .find(|&i| find_attr(doc.attrs_of(i), html.as_bytes(), "id").is_some_and(|a| &html.as_bytes()[a.value as usize..(a.value + a.value_len) as usize] == id.as_bytes()))
        .unwrap_or_else(|| panic!("no #{id}"))
}

/// Pass 2 over `html` keeping the blocks with ids `keep` and dropping the
/// ones in `drops`.
fn run_with(html: &str, keep: &[&str], drops: &[(&str, Category)], o: &Options) -> Article {
    let doc = Measurer::measure_all(o, html.as_bytes()).unwrap();
    let n = doc.els.len();
    let mut keep_top = vec![false; n];
    for k in keep {
        keep_top[id_of(&doc, html, k)] = true;
    }
    let mut drop = Drops::new(n);
    for (d, c) in drops {
        drop.set(id_of(&doc, html, d), Some(Drop { category: *c, reason: "test".into() }));
    }
    let root = keep.first().map_or(NONE, |k| id_of(&doc, html, k) as u32);
    let plan = Plan { drop, keep_top, root, byline: None, title: "T".into(), raw_text: vec![7; n], meta: Default::default(), page_type: Default::default() };
    rewrite(Input::new(html.as_bytes(), Some(html)), &doc, plan, o).unwrap()
}

fn run(html: &str, keep: &[&str], drops: &[(&str, Category)]) -> Article {
    run_with(html, keep, drops, &Options::default())
}

#[test]
fn writes_only_the_kept_blocks() {
    let a = run(
        "<body><div id=nav>Menu</div><div id=main><p>Story text.</p></div><div id=mid>Between</div>\
         <p id=more>More text.</p><div id=foot>Footer</div></body>",
        &["main", "more"],
        &[],
    );
    assert_eq!(a.content, "<div><p>Story text.</p></div><p>More text.</p>");
    assert_eq!(a.text_content, "Story text.\nMore text.");
    // A block between kept ones is counted as outside the article (with
    // its text), never listed; what lies beyond the kept stretch is not read.
    let outside = a.report.totals.iter().find(|t| t.category == Category::OutsideArticle).unwrap();
    assert_eq!((outside.elements, outside.chars), (1, 7));
    assert!(a.report.removed.is_empty());
}

#[test]
fn a_dropped_subtree_is_skipped_and_reported_with_its_text() {
    let a = run(
        "<body><div id=main><p>Story.</p><div id=ad class='promo box extra more'>Buy <b>now</b></div><p>More.</p></div></body>",
        &["main"],
        &[("ad", Category::Ad)],
    );
    assert!(!a.text_content.contains("Buy"));
    let r = &a.report.removed[0];
    assert_eq!((r.category, r.element.as_str(), r.chars, r.preview.as_str()), (Category::Ad, "div#ad.promo.box.extra", 6, "Buy now"));
}

#[test]
fn drops_outside_the_read_stretch_are_reported_from_pass_1() {
    // Pass 2 never reads the banner before the kept block: its entry comes
    // from pass 1's description and the plan's text count.
    let a = run("<body><div id=cb class=cookie-banner>We use cookies</div><div id=main><p>Story.</p></div></body>", &["main"], &[("cb", Category::CookieBanner)]);
    let r = &a.report.removed[0];
    assert_eq!((r.category, r.element.as_str(), r.chars), (Category::CookieBanner, "div#cb.cookie-banner", 7));
}

#[test]
fn attributes_are_rewritten_from_the_allowlist() {
    let mut o = Options::default();
    o.url = Some("https://example.com/a/b.html".into());
    let a = run_with(
        "<body><div id=main><p id=x style='color:red' onclick=evil()>A <a href='javascript:alert(1)'>bad</a> \
         and <a href='c.html' target=_blank>good</a> link.</p></div></body>",
        &["main"],
        &[],
        &o,
    );
    assert_eq!(a.content, "<div><p>A <a>bad</a> and <a href=\"https://example.com/a/c.html\">good</a> link.</p></div>");
}

#[test]
fn top_blocks_that_cannot_stand_alone_become_divs_and_h1_is_demoted() {
    let a = run("<body><ul><li id=item>One <h1>Big</h1></li></ul></body>", &["item"], &[]);
    assert_eq!(a.content, "<div>One <h2>Big</h2></div>");
}

#[test]
fn lazy_images_get_their_real_source() {
    let a = run(
        "<body><div id=main><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' data-src='/real.jpg' alt=Cat>\
         <img src=''><noscript><img src='/fallback.png' alt=Dog></noscript></div></body>",
        &["main"],
        &[],
    );
    assert_eq!(a.content, "<div><img src=\"/real.jpg\" alt=\"Cat\"><img src=\"/fallback.png\" alt=\"Dog\"></div>");
}

#[test]
fn only_flagged_player_iframes_are_written_sandboxed() {
    let a = run(
        "<body><div id=main><iframe src='https://www.youtube.com/embed/x'></iframe>\
         <iframe src='https://evil.example/x'>text</iframe><p>Words.</p></div></body>",
        &["main"],
        &[],
    );
    assert!(a.content.starts_with("<div><iframe src=\"https://www.youtube.com/embed/x\" sandbox=\"allow-scripts allow-same-origin allow-presentation\" referrerpolicy=\"no-referrer\"></iframe>"), "{}", a.content);
    assert!(!a.content.contains("evil") && !a.text_content.contains("text"));
}

#[test]
fn text_is_decoded_for_text_content_and_escaped_in_content() {
    let a = run("<body><div id=main><p>a &lt;b&gt; &amp; &quot;c&quot;</p></div></body>", &["main"], &[]);
    assert_eq!(a.text_content, "a <b> & \"c\"");
    assert_eq!(a.content, "<div><p>a &lt;b&gt; &amp; \"c\"</p></div>");
}

#[test]
fn a_fragment_keeps_text_outside_any_element() {
    let a = run("loose words <b>bold</b> tail", &[], &[]);
    assert_eq!(a.text_content, "loose words bold tail");
}
