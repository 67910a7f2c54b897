//! Markdown rendering of the cleaned article (`content` is our own,
//! sanitized HTML, so a second lol_html pass over it is cheap and safe).

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{ContentType, Element, TextChunk};
use lol_html::{element, text as text_handler, HtmlRewriter, Settings};

#[derive(Default)]
struct Md {
    out: String,
    list: Vec<(bool, u32)>,
    link: Vec<Option<String>>,
    pre: bool,
}

impl Md {
    fn blank_line(&mut self) {
        let t = self.out.trim_end_matches([' ']).len();
        self.out.truncate(t);
        if self.out.is_empty() {
            return;
        }
        while !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }
    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }
}

/// Markdown of sanitized article HTML (the `content` field): headings,
/// paragraphs, lists, links, images, emphasis, code and quotes.
///
/// ```
/// let md = declutter::to_markdown("<h2>Hi</h2><p>A <a href=\"http://x/\">link</a>.</p><ul><li>one</li></ul>");
/// assert_eq!(md, "## Hi\n\nA [link](http://x/).\n\n- one\n");
/// ```
pub fn to_markdown(html: &str) -> String {
    let st = Rc::new(RefCell::new(Md::default()));
    let (s1, s2) = (st.clone(), st.clone());
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el: &mut Element| {
            let name = el.tag_name();
            let mut m = s1.borrow_mut();
            let mut end: Option<String> = None;
            match name.as_str() {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    m.blank_line();
                    let level = name.as_bytes()[1] - b'0';
                    for _ in 0..level {
                        m.out.push('#');
                    }
                    m.out.push(' ');
                    end = Some("\n\n".into());
                }
                "p" | "div" | "table" | "figure" | "section" | "article" | "details" => {
                    m.blank_line();
                    end = Some("\n\n".into());
                }
                "tr" | "figcaption" | "dt" | "dd" | "summary" => {
                    m.newline();
                    end = Some("\n".into());
                }
                "td" | "th" => {
                    m.out.push_str(" | ");
                }
                "ul" | "ol" => {
                    if m.list.is_empty() {
                        m.blank_line();
                    } else {
                        m.newline();
                    }
                    m.list.push((name == "ol", 0));
                    end = Some("\u{0}list".into());
                }
                "li" => {
                    m.newline();
                    let depth = m.list.len().saturating_sub(1);
                    for _ in 0..depth {
                        m.out.push_str("  ");
                    }
                    let marker = match m.list.last_mut() {
                        Some((true, n)) => {
                            *n += 1;
                            format!("{}. ", n)
                        }
                        _ => "- ".to_string(),
                    };
                    m.out.push_str(&marker);
                    end = Some("\n".into());
                }
                "blockquote" => {
                    m.blank_line();
                    m.out.push_str("> ");
                    end = Some("\n\n".into());
                }
                "pre" => {
                    m.blank_line();
                    m.out.push_str("```\n");
                    m.pre = true;
                    end = Some("\u{0}pre".into());
                }
                "code" if !m.pre => {
                    m.out.push('`');
                    end = Some("`".into());
                }
                "strong" | "b" => {
                    m.out.push_str("**");
                    end = Some("**".into());
                }
                "em" | "i" => {
                    m.out.push('_');
                    end = Some("_".into());
                }
                "a" => {
                    let href = el.get_attribute("href");
                    if href.is_some() {
                        m.out.push('[');
                    }
                    m.link.push(href);
                    end = Some("\u{0}a".into());
                }
                "img" => {
                    if let Some(src) = el.get_attribute("src") {
                        let alt = el.get_attribute("alt").unwrap_or_default();
                        let alt = crate::html::entities::decode(&alt).replace(['[', ']'], "");
                        let src = crate::html::entities::decode(&src).into_owned();
                        m.out.push_str(&format!("![{alt}]({src})"));
                    }
                }
                "br" => m.out.push_str("  \n"),
                "hr" => {
                    m.blank_line();
                    m.out.push_str("---\n\n");
                }
                _ => {}
            }
            drop(m);
            if let Some(end) = end {
                if let Some(handlers) = el.end_tag_handlers() {
                    let st = s1.clone();
                    handlers.push(Box::new(move |_| {
                        let mut m = st.borrow_mut();
                        match end.as_str() {
                            "\u{0}list" => {
                                m.list.pop();
                                if m.list.is_empty() {
                                    m.blank_line();
                                }
                            }
                            "\u{0}pre" => {
                                m.newline();
                                m.out.push_str("```\n\n");
                                m.pre = false;
                            }
                            "\u{0}a" => {
                                if let Some(Some(h)) = m.link.pop() {
                                    let h = crate::html::entities::decode(&h).into_owned();
                                    m.out.push_str(&format!("]({h})"));
                                }
                            }
                            other => {
                                if other.starts_with('\n') {
                                    let t = m.out.trim_end_matches(' ').len();
                                    m.out.truncate(t);
                                }
                                m.out.push_str(other);
                            }
                        }
                        Ok(())
                    }));
                }
            }
            Ok(())
        }))
        .append_element_content_handler(text_handler!("*", move |t: &mut TextChunk| {
            let mut m = s2.borrow_mut();
            let d = crate::html::entities::decode(t.as_str()).into_owned();
            if m.pre {
                m.out.push_str(&d);
            } else {
                let mut last_space = m.out.is_empty() || m.out.ends_with([' ', '\n']);
                for c in d.chars() {
                    if c.is_whitespace() {
                        if !last_space {
                            m.out.push(' ');
                            last_space = true;
                        }
                    } else {
                        if matches!(c, '*' | '_' | '`' | '[' | ']' | '\\') {
                            m.out.push('\\');
                        }
                        m.out.push(c);
                        last_space = false;
                    }
                }
            }
            t.replace("", ContentType::Text);
            Ok(())
        }));
    let mut rw = HtmlRewriter::new(settings, |_: &[u8]| {});
    let ok = rw.write(html.as_bytes()).is_ok() && rw.end().is_ok();
    let _ = ok;
    let s = st.borrow().out.clone();
    let mut lines: Vec<&str> = s.lines().map(|l| l.trim_end()).collect();
    // Collapse runs of blank lines.
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
    let mut out = lines.join("\n").trim().to_string();
    out.push('\n');
    out
}

