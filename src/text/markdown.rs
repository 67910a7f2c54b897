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

impl Md {
    /// A start tag: writes its opening markup; returns what its end tag
    /// writes (`\0name` for ends with their own logic).
    fn start(&mut self, el: &Element<'_, '_>) -> Option<String> {
        let name = el.tag_name();
        let mut end: Option<String> = None;
    match name.as_str() {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            self.blank_line();
            let level = name.as_bytes()[1] - b'0';
            for _ in 0..level {
                self.out.push('#');
            }
            self.out.push(' ');
            end = Some("\n\n".into());
        }
        // Inside a code block a block element is one line of the code (a
        // highlighter's `<div class="line">`): a line break, not a blank line.
        "p" | "div" if self.pre => {
            self.newline();
            end = Some("\n".into());
        }
        "p" | "div" | "table" | "figure" | "section" | "article" | "details" => {
            self.blank_line();
            end = Some("\n\n".into());
        }
        "tr" | "figcaption" | "dt" | "dd" | "summary" => {
            self.newline();
            end = Some("\n".into());
        }
        "td" | "th" => {
            self.out.push_str(" | ");
        }
        "ul" | "ol" => {
            if self.list.is_empty() {
                self.blank_line();
            } else {
                self.newline();
            }
            self.list.push((name == "ol", 0));
            end = Some("\u{0}list".into());
        }
        "li" => {
            self.newline();
            let depth = self.list.len().saturating_sub(1);
            for _ in 0..depth {
                self.out.push_str("  ");
            }
            let marker = match self.list.last_mut() {
                Some((true, n)) => {
                    *n += 1;
                    format!("{}. ", n)
                }
                _ => "- ".to_string(),
            };
            self.out.push_str(&marker);
            end = Some("\n".into());
        }
        "blockquote" => {
            self.blank_line();
            self.out.push_str("> ");
            end = Some("\n\n".into());
        }
        "pre" => {
            self.blank_line();
            self.out.push_str("```\n");
            self.pre = true;
            end = Some("\u{0}pre".into());
        }
        "code" if !self.pre => {
            self.out.push('`');
            end = Some("`".into());
        }
        "strong" | "b" => {
            self.out.push_str("**");
            end = Some("**".into());
        }
        "em" | "i" => {
            self.out.push('_');
            end = Some("_".into());
        }
        "a" => {
            let href = el.get_attribute("href");
            if href.is_some() {
                self.out.push('[');
            }
            self.link.push(href);
            end = Some("\u{0}a".into());
        }
        "img" => {
            if let Some(src) = el.get_attribute("src") {
                let alt = el.get_attribute("alt").unwrap_or_default();
                let alt = crate::html::entities::decode(&alt).replace(['[', ']'], "");
                let src = crate::html::entities::decode(&src).into_owned();
                self.out.push_str(&format!("![{alt}]({src})"));
            }
        }
        "br" => self.out.push_str("  \n"),
        "hr" => {
            self.blank_line();
            self.out.push_str("---\n\n");
        }
        _ => {}
    }
        end
    }

    /// The end tag of an element whose start returned `end`.
    fn end(&mut self, end: &str) {
        match end {
            "\u{0}list" => {
                self.list.pop();
                if self.list.is_empty() {
                    self.blank_line();
                }
            }
            "\u{0}pre" => {
                self.newline();
                self.out.push_str("```\n\n");
                self.pre = false;
            }
            "\u{0}a" => {
                if let Some(Some(h)) = self.link.pop() {
                    let h = crate::html::entities::decode(&h).into_owned();
                    self.out.push_str(&format!("]({h})"));
                }
            }
            other => {
                if other.starts_with('\n') {
                    let t = self.out.trim_end_matches(' ').len();
                    self.out.truncate(t);
                }
                self.out.push_str(other);
            }
        }
    }

    /// A text chunk (decoded): verbatim in code blocks, else with
    /// whitespace folded and Markdown's special characters escaped.
    fn text(&mut self, raw: &str) {
    let d = crate::html::entities::decode(raw).into_owned();
    if self.pre {
        self.out.push_str(&d);
    } else {
        let mut last_space = self.out.is_empty() || self.out.ends_with([' ', '\n']);
        for c in d.chars() {
            if c.is_whitespace() {
                if !last_space {
                    self.out.push(' ');
                    last_space = true;
                }
            } else {
                if matches!(c, '*' | '_' | '`' | '[' | ']' | '\\') {
                    self.out.push('\\');
                }
                self.out.push(c);
                last_space = false;
            }
        }
    }
    }

    /// The text with trailing spaces cut and blank-line runs collapsed.
    fn finish(&self) -> String {
        let mut lines: Vec<&str> = self.out.lines().map(|l| l.trim_end()).collect();
        lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
        let mut out = lines.join("\n").trim().to_string();
        out.push('\n');
        out
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
            let end = s1.borrow_mut().start(el);
            if let (Some(end), Some(handlers)) = (end, el.end_tag_handlers()) {
                let st = s1.clone();
                handlers.push(Box::new(move |_| {
                    st.borrow_mut().end(&end);
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_element_content_handler(text_handler!("*", move |t: &mut TextChunk| {
            s2.borrow_mut().text(t.as_str());
            t.replace("", ContentType::Text);
            Ok(())
        }));
    // A plain `fn(&[u8])` sink, the type the walk (html/walk.rs) uses: a
    // closure (a type of its own) would compile lol_html's tokenizer and
    // dispatcher, generic over the sink, once more into the wasm.
    let mut rw = HtmlRewriter::new(settings, (|_: &[u8]| {}) as fn(&[u8]));
    // A write error (never expected on our own output) leaves what was
    // rendered so far: best effort, no panic.
    let _ = rw.write(html.as_bytes()).is_ok() && rw.end().is_ok();
    let out = st.borrow().finish();
    out
}
