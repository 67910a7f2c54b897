//! URL resolution (placeholder).
pub(crate) fn is_absolute_http(u: &str) -> bool { u.starts_with("http://") || u.starts_with("https://") }
