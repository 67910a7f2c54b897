//! Text and Markdown rendering of the cleaned article.
//!
//! `text_content` puts every block element on its own line, folds
//! whitespace inside a line and drops empty lines — the same rendering the
//! ground-truth converter (`shared/eval/htmltext.py`) applies, so the
//! metric compares like with like.
mod case;
mod markdown;

pub use markdown::to_markdown;

/// Builds block-separated text incrementally.
#[derive(Default)]
pub(crate) struct TextBuilder {
    out: String,
    /// A space is owed before the next word.
    space: bool,
    /// Preformatted whitespace at the start of a line, written only if
    /// text follows on that line (a code line's indentation, which may
    /// arrive as a text node of its own: `<span>    </span><span>let</span>`).
    indent: String,
}

impl TextBuilder {
    /// A block boundary: the next text starts a new line.
    pub fn block(&mut self) {
        self.space = false;
        self.indent.clear();
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }
    /// `<br>`: a line break (empty lines are dropped anyway).
    pub fn line_break(&mut self) {
        self.block();
    }
    /// Inline text: whitespace runs fold to one space.
    pub fn push(&mut self, s: &str) {
        // Runs of non-space text are copied whole; only whitespace (ASCII,
        // NBSP, zero-width space and the other Unicode spaces) folds. A
        // Unicode space starts with one of four lead bytes, so only those
        // are decoded (CJK text was copied one character at a time).
        let b = s.as_bytes();
        let mut i = 0;
        let mut start = 0;
        while i < b.len() {
            let c = b[i];
            // Printable ASCII other than the space (most bytes): one compare.
            if c.wrapping_sub(0x21) < 0x5E {
                i += 1;
                continue;
            }
            let ws_len = if c < 0x80 {
                usize::from(matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
            } else if matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                match s[i..].chars().next() {
                    Some(ch) if ch.is_whitespace() || ch == '\u{200b}' => ch.len_utf8(),
                    _ => 0,
                }
            } else {
                0
            };
            // A lone ASCII space between two words folds to itself: it
            // stays in the run, so a sentence is copied whole instead of
            // one `push_str` per word. (A following lead byte of a Unicode
            // space takes the general path.)
            let lone = c == b' ' && start < i && b.get(i + 1).is_some_and(|&n| n > b' ' && !matches!(n, 0xC2 | 0xE1 | 0xE2 | 0xE3));
            if ws_len == 0 || lone {
                i += 1;
                continue;
            }
            if start < i {
                self.word(&s[start..i]);
            }
            self.ws();
            i += ws_len;
            // The rest of an ASCII whitespace run (indentation between
            // tags) owes the same one space.
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                i += 1;
            }
            start = i;
        }
        if start < b.len() {
            self.word(&s[start..]);
        }
    }
    fn ws(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.space = true;
        }
    }
    fn word(&mut self, w: &str) {
        if self.space {
            self.out.push(' ');
            self.space = false;
        }
        self.out.push_str(w);
    }
    /// Preformatted text keeps its line breaks and its spacing (code's
    /// indentation); lines of only whitespace are dropped like empty ones.
    pub fn push_pre(&mut self, s: &str) {
        let mut first = true;
        for line in s.split('\n') {
            if !first {
                self.block();
            }
            first = false;
            let line = line.strip_suffix('\r').unwrap_or(line);
            let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
            if line.trim().is_empty() {
                if at_line_start {
                    self.indent.push_str(line);
                } else if !line.is_empty() {
                    self.out.push_str(line);
                }
                continue;
            }
            if self.space && !at_line_start {
                self.out.push(' ');
            }
            self.space = false;
            if at_line_start {
                let indent = std::mem::take(&mut self.indent);
                self.out.push_str(&indent);
            }
            self.out.push_str(line);
        }
    }
    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.out.len()
    }
    /// The text written since `at` (a [`TextBuilder::len`]).
    pub fn since(&self, at: usize) -> &str {
        self.out.get(at..).unwrap_or("")
    }
    /// Takes back what was written since `at`: the next text starts a new
    /// line.
    pub fn truncate(&mut self, at: usize) {
        self.out.truncate(at);
        self.space = false;
        self.indent.clear();
    }
    pub fn finish(self) -> String {
        let mut s = self.out;
        while s.ends_with('\n') || s.ends_with(' ') {
            s.pop();
        }
        s
    }
}

/// Words in a text: whitespace-separated runs, and every CJK character
/// on its own (those scripts do not separate words with spaces).
pub(crate) fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            // ASCII fast path.
            if c.is_ascii_whitespace() {
                in_word = false;
            } else if !in_word {
                n += 1;
                in_word = true;
            }
            i += 1;
            // The rest of an ASCII word, one compare a byte (printable
            // ASCII other than the space is never whitespace).
            while in_word && i < b.len() && b[i].wrapping_sub(0x21) < 0x5E {
                i += 1;
            }
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        i += ch.len_utf8();
        if is_cjk(ch) {
            n += 1;
            in_word = false;
        } else if ch.is_whitespace() {
            in_word = false;
        } else if !in_word {
            n += 1;
            in_word = true;
        }
    }
    n
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Tokenized lowercase words for title similarity.
fn words(s: &str) -> Vec<String> {
    case::to_lowercase(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Readability's `_textSimilarity`.
pub(crate) fn text_similarity(a: &str, b: &str) -> f32 {
    let ta = words(a);
    let tb = words(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let uniq_len = uniq.iter().map(|s| s.chars().count()).sum::<usize>() + uniq.len().saturating_sub(1);
    let all_len = tb.iter().map(|s| s.chars().count()).sum::<usize>() + tb.len() - 1;
    1.0 - uniq_len as f32 / all_len as f32
}


#[cfg(test)]
mod tests {
    use super::{word_count, TextBuilder};

    /// The character-at-a-time definition of [`word_count`].
    fn word_count_naive(s: &str) -> usize {
        let (mut n, mut in_word) = (0, false);
        for ch in s.chars() {
            if super::is_cjk(ch) {
                n += 1;
                in_word = false;
            } else if ch.is_whitespace() {
                in_word = false;
            } else if !in_word {
                n += 1;
                in_word = true;
            }
        }
        n
    }

    /// Inline text folded the slow way: every whitespace run is one space.
    fn push_naive(parts: &[&str]) -> String {
        let mut out = String::new();
        let mut space = false;
        for p in parts {
            for ch in p.chars() {
                if ch.is_whitespace() || ch == '\u{200b}' {
                    space = !out.is_empty();
                } else {
                    if space {
                        out.push(' ');
                        space = false;
                    }
                    out.push(ch);
                }
            }
        }
        out
    }

    #[test]
    fn word_count_blocks_agree_with_chars() {
        let long = "word ".repeat(30) + "café\u{a0}au lait " + &"x".repeat(70) + " 日本語のテキスト end";
        for s in ["", " ", "a", " a b  c ", "a\u{2003}b", "日本 語", &long, &long[5..], &format!("{}é", "ab ".repeat(22))] {
            assert_eq!(word_count(s), word_count_naive(s), "{s:?}");
        }
    }

    #[test]
    fn push_keeps_lone_spaces_and_folds_runs() {
        let cases: &[&[&str]] = &[
            &["one two  three\u{a0}four\u{200b}five"],
            &["a b", " c", "d e "],
            &[" lead", "trail ", " x y\u{2009}z w"],
            &["a \u{a0}b", "c\u{3000}d e"],
        ];
        for parts in cases {
            let mut t = TextBuilder::default();
            for p in *parts {
                t.push(p);
            }
            assert_eq!(t.finish(), push_naive(parts), "{parts:?}");
        }
    }
}
