//! walk (placeholder).
