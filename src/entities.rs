//! entities (placeholder).
