//! Pass 2 (placeholder).
pub(crate) fn rewrite(input: &[u8], _d: &crate::measure::Doc, _p: &crate::decide::Plan, _o: &crate::Options) -> crate::Result<crate::Article> {
    let mut a = crate::Article::default();
    a.text_content = String::from_utf8_lossy(input).into_owned();
    Ok(a)
}
