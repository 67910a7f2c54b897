//! Charset sniffing like a browser (placeholder).
/// Decodes HTML bytes to a string.
pub fn decode_html(bytes: &[u8], _transport: Option<&str>) -> crate::Result<String> {
    Ok(String::from_utf8_lossy(bytes).into_owned())
}
