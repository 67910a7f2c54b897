//! Every heuristic of the cleaner (placeholder).
/// Tags that can never be allowed.
pub const FORBIDDEN_TAGS: &[&str] = &["script", "style", "iframe", "object", "embed", "form", "input", "button", "textarea", "select", "base", "meta", "link", "frame", "frameset", "noscript", "template", "svg", "math"];
