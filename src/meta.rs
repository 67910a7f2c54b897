//! meta (placeholder).
