//! Text and Markdown rendering (placeholder).
/// Markdown of sanitized article HTML.
pub fn to_markdown(html: &str) -> String { html.to_string() }
