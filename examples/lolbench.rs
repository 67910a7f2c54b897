//! Dev tool: lol_html handler configurations, throughput.
use lol_html::{element, DocumentContentHandlers, HtmlRewriter, Settings};
use std::cell::Cell;
use std::rc::Rc;
fn run(pages: &[Vec<u8>], mode: u8) -> f64 {
    let total: usize = pages.iter().map(|p| p.len()).sum();
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        for p in pages {
            let n = Rc::new(Cell::new(0usize));
            let (n1, n2) = (n.clone(), n.clone());
            let mut s = Settings::new().with_strict(false);
            if mode >= 1 {
                s = s.append_element_content_handler(element!("*", move |el| {
                    n1.set(n1.get() + 1);
                    if mode >= 3 && el.can_have_content() {
                        let n3 = n1.clone();
                        if let Some(h) = el.end_tag_handlers() { let f: lol_html::EndTagHandler<'static> = Box::new(move |_| { n3.set(n3.get() + 1); Ok(()) }); h.push(f); }
                    }
                    if mode >= 4 { std::hint::black_box(el.tag_name()); }
                    Ok(())
                }));
            }
            if mode >= 2 {
                s = s.append_document_content_handler(DocumentContentHandlers::default().text(move |t: &mut lol_html::html_content::TextChunk<'_>| { n2.set(n2.get() + t.as_str().len()); Ok(()) }));
            }
            let mut rw = HtmlRewriter::new(s, |_: &[u8]| {});
            rw.write(p).unwrap();
            rw.end().unwrap();
            std::hint::black_box(n.get());
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    total as f64 / 1e6 / best
}
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let mut pages = Vec::new();
    for e in std::fs::read_dir(&a[1]).unwrap() {
        if let Ok(b) = std::fs::read(e.unwrap().path().join(&a[2])) { pages.push(b); }
    }
    for (m, name) in [(0, "no handlers"), (1, "element *"), (2, "+ doc text"), (3, "+ end tag handlers"), (4, "+ tag_name()")] {
        println!("{name:22} {:7.1} MB/s", run(&pages, m));
    }
}
