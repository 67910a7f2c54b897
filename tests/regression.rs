//! Regression tests, named after the issue whose work found them.

use declutter::{clean, Cleaner, Options};

/// Issue 2: a promo box beside a one-image article was chosen as the
/// article (the junk guard protected it because it held most of the text).
#[test]
fn issue_2_promo_box_beside_tiny_article_is_not_the_article() {
    let html = "<html><body><article><img src='https://x.example/a.jpg' alt='A photo'><p>Caption text.</p>\
                <aside class='house-promo'><p class='k'>Special introductory offer</p><h3>Subscribe for $1</h3>\
                <p>Unlimited access to our journalism for $1 a week for the first 4 months, then $7.99 a week.</p>\
                <a href='/subscribe'>Claim this offer</a></aside></article></body></html>";
    let a = clean(html, &Options::default()).unwrap();
    assert!(!a.text_content.contains("Unlimited access"), "{}", a.text_content);
}

/// Issue 2: the wrapper around an already removed promo still "contained"
/// the word subscribe and took the article's only paragraph with it.
#[test]
fn issue_2_word_rules_ignore_already_removed_junk() {
    let html = "<html><body><main><section><div><div><div>Lorem ipsum dolor sit amet, consectetur adipiscing elit.\
                <aside class='house-promo'><p>Subscribe now</p><a href='/s'>Go</a></aside></div></div></div>\
                </section></main></body></html>";
    let a = clean(html, &Options::default()).unwrap();
    assert!(a.text_content.contains("Lorem ipsum dolor sit amet"), "{:?}", a.text_content);
}

/// Issue 2: a `<div>` holding a single `<p>` is transparent for scoring
/// (Readability replaces it), so headings and short paragraphs beside it
/// stay in the article.
#[test]
fn issue_2_single_paragraph_div_does_not_steal_the_article() {
    let p = "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor, incididunt ut labore \
             et dolore magna aliqua, ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.";
    let html = format!("<html><body><article><h1>Lorem</h1><div><p>{p}</p></div><h2>Videos</h2><p>At root</p>\
                        <iframe src='https://www.youtube.com/embed/x'></iframe><div>{p}</div></article></body></html>");
    let a = clean(&html, &Options::default()).unwrap();
    assert!(a.text_content.contains("At root"), "{}", a.text_content);
    assert!(a.content.contains("youtube.com/embed/x"));
}

/// Issue 2: chunk boundaries must not change ordinals (pass 2 only reads
/// the article's byte range and checks it sees pass 1's elements).
#[test]
fn issue_2_one_byte_chunks_equal_whole() {
    let html = "<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav><article><p>First, a \
                paragraph with commas, words &amp; entities &eacute;.</p><p>Second &lt;one&gt;, also long enough to score.</p>\
                </article><div class='adsbygoogle'>Ad</div></body></html>";
    let whole = clean(html, &Options::default()).unwrap();
    let mut c = Cleaner::new(Options::default()).unwrap();
    for b in html.as_bytes() {
        c.write(std::slice::from_ref(b)).unwrap();
    }
    let chunked = c.finish().unwrap();
    assert_eq!(whole, chunked);
    assert!(whole.text_content.contains("words & entities é"));
    assert!(whole.content.contains("&lt;one&gt;"));
}

/// Issue 2: deep nesting must stay linear (an ancestor walk per element
/// was quadratic) and must not overflow the stack.
#[test]
fn issue_2_deep_nesting_is_fine() {
    let depth = 20_000;
    let html = format!("{}<p>Deep text, with a comma, and more words to score.</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let a = clean(&html, &Options::default()).unwrap();
    assert!(a.text_content.contains("Deep text"));
}

/// Issue 10 (found checking chunked against whole output on the WCXB
/// pages): lol_html splits a text node wherever a write ended, and the
/// wording checks ran per piece — the short tail of a long text ("Was this
/// helpful?") passed for a rating widget, so the block went only when the
/// input happened to be split there. The checks now read the whole node.
#[test]
fn issue_10_wording_checks_read_the_whole_text_node() {
    let para = "<p>The committee met on Tuesday to discuss the budget, the schedule, and the long list of \
                open questions that had piled up since the spring, and it agreed on most of them.</p>";
    let long = "Our reporters spent months on this story, speaking with dozens of residents, officials \
                and experts about what the new rules will mean for the town, its schools, its roads and its budget next year. \
                Was this helpful?";
    let html = format!("<html><body><article>{para}{para}<div>{long}<button>Yes</button></div>{para}</article></body></html>");
    let whole = clean(&html, &Options::default()).unwrap();
    assert!(whole.text_content.contains("Our reporters spent months"), "{}", whole.text_content);
    let cut = html.find("Was this helpful").unwrap();
    for at in [cut, cut - 1, cut + 4] {
        let mut c = Cleaner::new(Options::default()).unwrap();
        c.write(&html.as_bytes()[..at]).unwrap();
        c.write(&html.as_bytes()[at..]).unwrap();
        assert_eq!(c.finish().unwrap(), whole, "split at {at}");
    }
}
